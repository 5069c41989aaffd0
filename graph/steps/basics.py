"""Steps ``sentences`` and ``entities``: the text's sentences and the lexicon's entities in them."""
from __future__ import annotations

from ..facts import Evidence, Mention, Parsed
from ..pipeline import Context, step
from ..text import split_sentences, tokenize


@step("sentences")
def sentences(parsed: Parsed, ctx: Context) -> None:
    """Split the document into sentences (skipping boilerplate) and tokens."""
    doc = parsed.doc
    parsed.sentences = split_sentences(doc.text, doc.skip)
    parsed.tokens = [tokenize(s.text, s.start) for s in parsed.sentences]


@step("entities")
def entities(parsed: Parsed, ctx: Context) -> None:
    """Find lexicon entities, sentence by sentence, longest match first."""
    text = parsed.doc.text
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        ev = Evidence.of(sent)
        for m in ctx.lexicon.match(toks):
            parsed.mentions.append(
                Mention(ev, f"entities/lexicon-{m.kind}", entity=m.entity, start=m.start, end=m.end,
                        surface=text[m.start:m.end], how=m.kind)
            )
