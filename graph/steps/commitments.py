"""Steps ``mandates`` and ``commitments``: what working groups are charged with, and what was committed to.

A working group named in a sentence gets a mandate with the group's topic and
any affiliate it must focus on. The collective form "مجموعات العمل ... المعنية
بالاتصالات، ومكافحة تمويل داعش، والمقاتلين الإرهابيين الأجانب" names the
groups by their topics. Commitments are roadmaps, guidelines, goals and
policies (a political solution under a Security Council resolution, capacity
building, border security ...), with who made them and at which meeting.
"""
from __future__ import annotations

import itertools
import re

from ..facts import Commitment, Evidence, Mandate, Mention, Parsed, PersonRole
from ..pipeline import Context, step
from ..text import normalize
from ..triggers import triggers
from ._context import definite, entity_class, views
from .meetings import meeting_of

__all__ = ["mandates", "commitments"]



@step("mandates", in_genre=True)
def mandates(parsed: Parsed, ctx: Context) -> None:
    """Working groups with their mandate, topic and focus."""
    lex = ctx.lexicon
    trig = triggers()
    groups_word = tuple(normalize(trig.raw["groups_word"]).split())
    topics = {t: (v["group"], [normalize(w) for w in v["words"]]) for t, v in trig.raw["mandate_topics"].items()}
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        groups = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in ("WorkingGroup",)]
        focus = next((m.entity for m in view.mentions if entity_class(m.entity, lex, parsed) == "ArmedGroup"
                      and (lex[m.entity].extra.get("threat") == "affiliate")), None)
        norms = [t.norm for t in view.tokens]
        at = next((i for i in range(len(norms)) if tuple(norms[i:i + len(groups_word)]) == groups_word), None)
        if at is not None:  # "مجموعات العمل ... المعنية بالاتصالات، ومكافحة تمويل داعش": groups by topic
            first, last = view.tokens[at], view.tokens[at + len(groups_word) - 1]
            tail = norms[at:at + 30]
            for topic, (gid, words) in topics.items():
                if gid in lex and any(x.endswith(w) for w in words for x in tail):
                    parsed.facts.append(Mandate(ev, "mandates/groups-by-topic", group=gid, topic=topic,
                                                focus=focus, text=view.sentence.text))
                    parsed.mentions.append(Mention(ev, "mandates/groups-by-topic", entity=gid, start=first.start,
                                                   end=last.end, surface=parsed.doc.text[first.start:last.end],
                                                   how="name"))
        for g in groups:
            e = lex[g.entity]
            parsed.facts.append(Mandate(ev, "mandates/named-group", group=g.entity, topic=e.extra.get("topic"),
                                        focus=focus, text=view.sentence.text))


@step("commitments", in_genre=True)
def commitments(parsed: Parsed, ctx: Context) -> None:
    """Roadmaps, guidelines, goals and policy commitments."""
    lex = ctx.lexicon
    trig = triggers()
    text = parsed.doc.text
    seen: set[tuple[str, str]] = set()
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        held = meeting_of(parsed, view.index)
        meeting = held.key if held else None
        actor = _actor(parsed, lex, view)
        # a sentence naming nobody ("won by two goals to one") commits no one by a single word; a phrase
        # ("واعتمد المشاركون خطة عمل للمرحلة المقبلة") needs no name
        for m in trig.find("commitments", view.tokens):
            if not (actor or view.mentions) and m.j - m.i < 2:
                continue
            if m.j - m.i == 1 and m.i > 0 and definite(view.tokens[m.i]) and (
                    definite(view.tokens[m.i - 1]) or view.tokens[m.i - 1].norm.endswith(("ه", "ها", "هم", "نا"))):
                continue  # "الشراكة الاستراتيجية"، "شراكته الاستراتيجية": an adjective after its noun commits to nothing
            label = _phrase(text, m.start, view.sentence.end)
            if (m.entity, normalize(label)) in seen:
                continue
            seen.add((m.entity, normalize(label)))
            parsed.facts.append(Commitment(ev, f"commitments/{m.entity}-word", kind=m.entity, label=label,
                                           actor=actor, meeting=meeting))
        for m in trig.find("commitment_heads", view.tokens):
            kind, _, la = m.entity.partition("-")  # "policy-la": the object is the next word with ل
            if la:
                span = _committed_to(view, m.j, frozenset(), trig.prefixes("own_la"), trig.words("dangling"), "ل")
            else:
                span = _committed_to(view, m.j, trig.words("commitment_to"), trig.prefixes("own_ba"),
                                     trig.words("dangling"))
            if span is None:
                continue
            label = text[span[0]:span[1]]
            if (kind, normalize(label)) in seen:
                continue
            seen.add((kind, normalize(label)))
            parsed.facts.append(Commitment(ev, f"commitments/{kind}-to", kind=kind, label=label,
                                           actor=actor, meeting=meeting))
        for m in view.mentions:
            if entity_class(m.entity, lex, parsed) == "Resolution":
                label = m.surface
                if ("policy", normalize(label)) in seen:
                    continue
                seen.add(("policy", normalize(label)))
                parsed.facts.append(Commitment(ev, "commitments/resolution", kind="policy", label=label,
                                               actor=actor, object=m.entity, meeting=meeting))


def _actor(parsed: Parsed, lex, view) -> str | None:
    for f in parsed.facts_of(PersonRole):
        if f.evidence.sentence == view.index and f.affiliation:
            return f.affiliation
    for m in view.mentions:
        if entity_class(m.entity, lex, parsed) in ("Coalition", "Country", "CoalitionBody") and m.how == "name":
            return m.entity
    return None


_GAP = 3  # words between a commitment head and its preposition ("التزام الأعضاء بمواصلة")
_OBJECT_WORDS = 20
_WORD = re.compile(r"\S+")
# a comma goes on only into a list: "، وX"، "، بما في ذلك X"
_OBJECT_END = re.compile(r"[.؛;:(]|[،,](?!\s*(?:و|بما في ذلك))")


def _committed_to(view, after: int, to: frozenset[str], own_ba: tuple[str, ...],
                  dangling: frozenset[str], clitic: str = "ب") -> tuple[int, int] | None:
    """Document offsets of what a commitment head before token ``after`` commits to: from the word
    after its preposition (or from the word that carries ``clitic``, ب or ل, unless that letter is
    the word's own: ``own_ba``) to the end of the clause, a list joined by "، و" included, at most
    ``_OBJECT_WORDS`` words; ``None`` without a preposition, or when what follows is money (a pledge
    of funds is funding, not a commitment)."""
    toks = view.tokens
    start = None
    for k in range(after, min(after + _GAP + 1, len(toks))):
        norm = toks[k].norm
        if (norm in to or (norm == clitic == "ب" and toks[k].surface != clitic)) and k + 1 < len(toks):  # "بـ«العمل المشترك»"
            start = toks[k + 1].start
            break
        if (norm.startswith(clitic) and len(norm) >= 4 and toks[k].surface.startswith(clitic)
                and not norm.startswith(own_ba) and not _named(view, toks[k])):
            start = toks[k].start + (0 if norm.startswith("لل") else 1)  # "للحد من": the article is in the ل
            break
    if start is None:
        return None
    rest = view.sentence.text[start - view.sentence.start:]
    cut = _OBJECT_END.search(rest)
    if cut:
        rest = rest[:cut.start()]
    words = list(itertools.islice(_WORD.finditer(rest), _OBJECT_WORDS))
    while words and normalize(words[-1].group()) in dangling:
        words.pop()
    if not words:
        return None
    end = start + len(words[-1].group().rstrip("،,")) + words[-1].start()  # cut by the limit: no comma left
    if any(q.currency and start <= q.start < end for q in view.quantities):
        return None
    return start, end


def _named(view, tok) -> bool:
    """Whether ``tok`` is inside a name found in its sentence ("بريطانيا" is no object with ب)."""
    return any(m.start < tok.end and tok.start < m.end for m in view.mentions)


def _phrase(text: str, start: int, limit: int, words: int = 8) -> str:
    rest = text[start:limit]
    for stop in ("،", ",", ".", "؛", ":"):
        k = rest.find(stop)
        if k > 0:
            rest = rest[:k]
    return " ".join(rest.split()[:words])
