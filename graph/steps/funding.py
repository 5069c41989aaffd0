"""Step ``funding``: money pledged, raised, targeted or missing, for whom, from whom.

A figure is an amount with a currency (from the ``quantities`` step). Its kind
comes from the nearest funding word before it (تعهد → pledge, جمع → raised,
هدف / من أصل → target, عجز → shortfall), or from the previous figure of the
document when a list goes on without one. Beneficiaries are the places named
with it (or in the sentence before, after a word of support such as لدعم);
the donor is the state or organisation that pledges, or, for "بلاده", the
state of the person last named.
"""
from __future__ import annotations

from ..facts import Evidence, Funding, Parsed, PersonRole
from ..pipeline import Context, step
from ..triggers import triggers
from ._context import clause_of, clause_spans, entity_class, views

__all__ = ["funding"]

_DONOR_CLASSES = {"Country", "InternationalOrganization", "Organization", "GovernmentBody", "Coalition"}
_BENEFICIARY_CLASSES = {"Country", "Region"}


@step("funding", in_genre=True)
def funding(parsed: Parsed, ctx: Context) -> None:
    """Funding figures with kind, donor, amount, currency, qualifier, beneficiaries, year."""
    lex = ctx.lexicon
    trig = triggers()
    prev: Funding | None = None
    prev_sentence_beneficiaries: list[str] = []
    last_person_state: str | None = None
    for view in views(parsed):
        toks = view.tokens
        for f in parsed.facts_of(PersonRole):
            if f.evidence.sentence == view.index and f.affiliation:
                last_person_state = f.affiliation
        money = [q for q in view.quantities if q.currency and q.value >= 1000]
        kinds = trig.find("funding", toks)
        supported = _supported_places(view, lex, parsed, trig.words("support"))
        if not money:
            prev_sentence_beneficiaries = supported or prev_sentence_beneficiaries
            continue
        if not kinds and prev is None:
            continue
        spans = clause_spans(view.sentence.text, view.sentence.start)
        actors = [m for m in view.mentions
                  if entity_class(m.entity, lex, parsed) in _DONOR_CLASSES and m.how == "name"
                  and not _preceded_by(view, m, trig.words("according_to") | trig.words("support"))]
        places = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in _BENEFICIARY_CLASSES
                  and not (m.how == "adjective" and _preceded_by(view, m, trig.words("official_nouns")))]
        for q in money:
            before = [k for k in kinds if k.end <= q.start]
            kind = before[-1].entity if before else (kinds[0].entity if kinds else prev.kind)
            a, b = clause_of(spans, q.start)
            if kind == "raised" and any(k.entity == "target" and a <= k.start for k in before[:-1]):
                kind = "target"  # "حددت هدفاً لجمع 394 مليون دولار": what the target is to raise
            donor = None
            if before and kind in ("pledge", "raised"):
                donors = [m for m in actors if m.end <= before[-1].start]
                if donors:
                    donor = donors[-1].entity
                elif any(t.norm in trig.words("his_country") for t in toks if t.end <= q.start):
                    donor = last_person_state
            elif prev is not None and not before and prev.evidence.sentence == view.index:
                donor = prev.donor
            if kind in ("pledge", "raised"):  # "1.5 مليار دولار من السعودية": the giver named after the amount
                given = [m for m in actors if q.end <= m.start < b and _preceded_by(view, m, trig.words("given_by"))]
                if given and not any(q.end <= o.start < given[0].start for o in money):
                    donor = given[0].entity
            in_clause = [m.entity for m in places if a <= m.start < b and m.entity != donor]
            same_sentence = prev.beneficiaries if prev is not None and prev.evidence.sentence == view.index else []
            earlier = [m.entity for m in places if m.end <= q.start and m.entity != donor]
            beneficiaries = in_clause or same_sentence or earlier or supported or prev_sentence_beneficiaries or (
                prev.beneficiaries if prev else [])
            beneficiaries = list(dict.fromkeys(b for b in beneficiaries if b != donor))
            years = [d.value[:4] for d in view.dates if d.value and d.start >= q.end and len(d.value) == 4]
            f = Funding(Evidence.of(view.sentence), f"funding/{kind}-word", kind=kind, amount=q.value,
                        currency=q.currency, qualifier=q.qualifier, donor=donor, beneficiaries=beneficiaries,
                        purpose=_purpose(parsed, view, q), year=years[0] if years else None)
            parsed.facts.append(f)
            prev = f
        prev_sentence_beneficiaries = supported or prev_sentence_beneficiaries


def _preceded_by(view, m, words: set[str]) -> bool:
    i = view.token_at(m.start)
    return i > 0 and view.tokens[i - 1].norm in words


def _supported_places(view, lex, parsed, support: frozenset[str]) -> list[str]:
    out = []
    last = -2  # the token index where the last supported place ended
    chaired_by = triggers().words("chaired_by")
    for m in view.mentions:
        if entity_class(m.entity, lex, parsed) not in _BENEFICIARY_CLASSES:
            continue
        i = view.token_at(m.start)
        prev = view.tokens[i - 1].norm if i > 0 else ""
        # "في العراق وسوريا": a place joined with و to a supported one is supported too
        chaired = any(t.norm in chaired_by for t in view.tokens[max(0, i - 2):i])
        if prev in support or (m.surface.startswith(("ل", "لل")) and not chaired) or (i == last and m.surface.startswith("و")):
            out.append(m.entity)
            last = view.token_at(m.end - 1) + 1
    return out


def _purpose(parsed: Parsed, view, q) -> str | None:
    """The words after the amount up to the next comma: "لتحقيق الاستقرار ..."."""
    text = parsed.doc.text
    end = view.sentence.end
    rest = text[q.end:end]
    for stop in ("،", ",", ".", "؛"):
        k = rest.find(stop)
        if k >= 0:
            rest = rest[:k]
    rest = rest.strip()
    words = rest.split()
    if not words or not words[0].startswith(("ل", "من أجل", "مساعدات", "للمساعدات")):
        return None
    return " ".join(words[:8])
