"""Steps ``threats`` and ``attacks``: what danger the documents report, and attacks with place and date.

Threat kinds come from trigger words (``triggers.yaml``) and from the armed
groups named: ISIS itself is the ``isis`` threat, a branch (ISIS-K, ISWAP ...)
an ``affiliate`` with the region it operates in. A sentence about branches
gives the regions named in it. An attack is an attack word with a city in the
same sentence; its perpetrator is the armed group named (or the document's
main one for "التنظيم"), its date the date nearest after the city.
"""
from __future__ import annotations

from ..facts import Attack, Evidence, Parsed, Threat
from ..pipeline import Context, step
from ..triggers import triggers
from ._context import entity_class, views

__all__ = ["threats", "attacks"]

_REGION_CLASSES = {"Region", "Country"}


def _armed(parsed: Parsed, lex, view) -> list:
    return [m for m in view.mentions if entity_class(m.entity, lex, parsed) == "ArmedGroup"]


def _main_group(parsed: Parsed, lex) -> str | None:
    counts: dict[str, int] = {}
    for m in parsed.mentions:
        e = lex.get(m.entity)
        if e is not None and e.cls == "ArmedGroup":
            counts[m.entity] = counts.get(m.entity, 0) + 1
    return max(counts, key=counts.get) if counts else None


@step("threats", in_genre=True)
def threats(parsed: Parsed, ctx: Context) -> None:
    """Threat reports: kind, armed group and region."""
    lex = ctx.lexicon
    trig = triggers()
    seen: set[tuple] = set()

    def add(view, kind, actor=None, region=None, rule="threats/trigger"):
        key = (kind, actor, region)
        if key in seen:
            return
        seen.add(key)
        parsed.facts.append(Threat(Evidence.of(view.sentence), rule, kind=kind, actor=actor, region=region))

    for view in views(parsed):
        kinds = trig.labels("threats", view.tokens)
        groups = _armed(parsed, lex, view)
        regions = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in _REGION_CLASSES
                   and m.how == "name"]
        for g in groups:
            e = lex.get(g.entity)
            threat = (e.extra.get("threat") if e else None) or "affiliate"
            if threat == "isis":
                add(view, "isis", rule="threats/armed-group")
            else:
                region = e.extra.get("region") if e else None
                add(view, "affiliate", actor=g.entity, region=region if region in lex else None,
                    rule="threats/affiliate-group")
        for kind in dict.fromkeys(kinds):
            if kind == "affiliate":
                placed = [r for r in regions if r.entity not in ("IRQ", "SYR")]
                if placed:
                    for r in placed:
                        add(view, "affiliate", region=r.entity, rule="threats/branches-in-region")
                else:
                    add(view, "affiliate", rule="threats/branches")
            else:
                add(view, kind)


@step("attacks", in_genre=True)
def attacks(parsed: Parsed, ctx: Context) -> None:
    """Attacks with a city: perpetrator, place and date."""
    lex = ctx.lexicon
    trig = triggers()
    main = _main_group(parsed, lex)
    all_views = views(parsed)
    for k, view in enumerate(all_views):
        words = trig.find("attack_nouns", view.tokens)
        if not words:
            continue
        cities = []
        # each attack word up to the next: "التفجير الانتحاري ... قرب مخيم الركبان ... والهجوم على
        # قلعة الكرك" names two attacks, each where its own words say
        ends = [w.start for w in words[1:]] + [view.sentence.end]
        for w, end in zip(words, ends):
            named = [m for m in view.mentions if w.start < m.start < end]
            here = [m for m in named if entity_class(m.entity, lex, parsed) == "City"]
            if not here and any(d.value for d in view.dates):
                # a dated attack somewhere the lexicon names no city of ("هجوم على قاعدة إيناتس في منطقة
                # تيلابيري غرب النيجر في 10 ديسمبر 2019"): the region, else the country
                wider = [m for m in named if m.how == "name" and entity_class(m.entity, lex, parsed) in ("Region", "Country")]
                wider.sort(key=lambda m: entity_class(m.entity, lex, parsed) != "Region")
                here = wider[:1]
            cities += [(w, m) for m in here]
        if not cities:
            continue
        groups = _armed(parsed, lex, view)
        perpetrator = groups[0].entity if groups else (
            main if any(t.norm in trig.words("the_organisation") for t in view.tokens) else None)
        nxt = all_views[k + 1] if k + 1 < len(all_views) else None
        if perpetrator is None and nxt is not None and any(t.norm in trig.words("claimed") for t in nxt.tokens):
            claimants = _armed(parsed, lex, nxt)  # "... وسارع تنظيم الدولة الإسلامية إلى تبني العملية"
            perpetrator = claimants[0].entity if claimants else (
                main if any(t.norm in trig.words("the_organisation") for t in nxt.tokens) else None)
        for w, c in cities:
            later = [d for d in view.dates if d.value and d.start >= c.end]
            earlier = [d for d in view.dates if d.value and w.start <= d.start < c.start]  # after its own attack word
            # "في 3 يناير 2024، فجر انتحاريان ... في مدينة كرمان": a date may also open the sentence
            opening = [d for d in view.dates if d.value and d.start < words[0].start]
            date = later[0].value if later else (earlier[-1].value if earlier else (opening[-1].value if opening else None))
            parsed.facts.append(Attack(Evidence.of(view.sentence), "attacks/attack-word-city",
                                       perpetrator=perpetrator, place=c.entity, date=date))
    _date_from_the_same_attack(parsed)


def _date_from_the_same_attack(parsed: Parsed) -> None:
    """A headline or a reaction names the attack without its date ("«داعش» يتبنى تفجيرين ... وسط
    بغداد", "وندد ... بالهجوم"); when the document dates one attack at that place, it is that one."""
    dated: dict[str | None, list[Attack]] = {}
    for b in parsed.facts_of(Attack):
        if b.date:
            dated.setdefault(b.place, []).append(b)
    for a in parsed.facts_of(Attack):
        same = dated.get(a.place, [])
        if a.date is None and len({b.date for b in same}) == 1:
            a.date = same[0].date
            a.perpetrator = a.perpetrator or next((b.perpetrator for b in same if b.perpetrator), None)
