"""Steps ``threats`` and ``attacks``: what danger the documents report, and attacks with place and date.

Threat kinds come from trigger words (``triggers.yaml``) and from the armed
groups named: ISIS itself is the ``isis`` threat, a branch (ISIS-K, ISWAP ...)
an ``affiliate`` with the region it operates in. A sentence about branches
gives the regions named in it. An attack is an attack word with a city in the
same sentence; its perpetrator is the armed group named (or the document's
main one for "التنظيم"), its date the date nearest after the city.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date as _date, timedelta as _timedelta
from functools import lru_cache

from ..dates import is_bound
from ..facts import Attack, Evidence, Mention, NewEntity, Parsed, Threat
from ..pipeline import Context, step
from ..rdf import mint_key
from ..text import Token, normalize, strip_clitics
from ..triggers import triggers
from ._context import (LIST_ITEM, clause_break, dated_sections, definite, entity_class, main_armed_group, negated_any,
                       proclitic, quoted_words, views, within_a_state)
from .unasserted import denied, passed_round, quoted_claim

__all__ = ["threats", "attacks"]

_REGION_CLASSES = {"Region", "Country"}


def _armed(parsed: Parsed, lex, view) -> list:
    """The armed groups a sentence names, not one named inside another's name ("تنظيم الدولة الإسلامية"
    inside "تنظيم الدولة الإسلامية في ليبيا")."""
    groups = [m for m in view.mentions if entity_class(m.entity, lex, parsed) == "ArmedGroup"]
    return [m for m in groups if not any(o is not m and o.start <= m.start and m.end <= o.end
                                         and (o.end - o.start) > (m.end - m.start) for o in groups)]


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
            if e is not None and e.extra.get("coalition_partner"):
                continue  # the coalition's partner forces (قسد، مجلس دير الزور العسكري) are no threat
            threat = (e.extra.get("threat") if e else None) or "affiliate"
            if threat == "isis":
                add(view, "isis", rule="threats/armed-group")
            else:
                region = e.extra.get("region") if e else None
                add(view, "affiliate", actor=g.entity, region=region if region is not None and region in lex else None,
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
    main, isis = main_armed_group(parsed, lex), main_armed_group(parsed, lex, isis_only=True)
    all_views = views(parsed)
    sections = dated_sections(parsed, lex)
    by_place: list[Attack] = []
    told_before: list[tuple[Attack, int]] = []  # attacks told as a time before the one reported
    for k, view in enumerate(all_views):
        words = trig.find("attack_nouns", view.tokens)
        if not words:
            continue
        cities = []
        # "وجاء الهجوم في اليوم الذي اجتمع فيه وزراء التحالف في باريس": a place after a meeting's words is
        # the meeting's
        meets = [m.start for m in trig.find("meeting_nouns", view.tokens) + trig.find("meeting_verbs", view.tokens)]
        # each attack word up to the next: "التفجير الانتحاري ... قرب مخيم الركبان ... والهجوم على
        # قلعة الكرك" names two attacks, each where its own words say
        ends = [w.start for w in words[1:]] + [view.sentence.end]
        # "ولم يشهد اجتماع كوبنهاغن أي هجوم": no attack, nor the one a quotation in the sentence claims ("قالت
        # إنه يُظهر «هجوماً لداعش في كوبنهاغن»، ... ولم يقع أي هجوم في المدينة")
        no_attack = [w for w in words if (i := view.token_at(w.start)) > 0
                     and negated_any(view.tokens, i - 1, trig.words("negation"), _ANY_REACH)]
        for w, end in zip(words, ends):
            if w in no_attack or (no_attack and quoted_words(view, w.start) is not None):
                continue
            k_after = view.token_at(w.end - 1) + 1
            if k_after < len(view.tokens) and view.tokens[k_after].norm in _NOT_YET:
                continue  # "عن هجوم مخطط له في موسكو": an attack planned, not one carried out
            k_w = view.token_at(w.start)
            if k_w > 0 and view.tokens[k_w - 1].norm in trig.words("recalls"):
                continue  # "ويعيد الهجوم إلى الأذهان سيطرة التنظيم على مدينة سرت": the attack told before
            if k_w > 0 and view.tokens[k_w - 1].norm in trig.words("comes") and definite(view.tokens[k_w]):
                continue  # "ويأتي الهجوم بعد ساعات من إعلان ... في العراق": the attack told before, and when
            if view.tokens[k_w].norm.startswith(_COUNTED) and any(
                    q.value >= _MANY and not q.currency and not q.ordinal and view.token_at(q.end - 1) == k_w - 1
                   and not any(d.start <= q.start < d.end for d in view.dates) for q in view.quantities):
                continue  # "تبنّى 153 هجوماً في العراق وسوريا": a count of attacks, no one attack
            if passed_round(view.tokens, w.start) or denied(view.tokens, w.start) \
                    or quoted_claim(view.sentence, view.tokens, w.start):
                # (or a claim quoted: "مقطع «الهجوم في كوبنهاغن» مضلل")
                # (or denied: "السلطات العراقية تنفي انباء عن هجوم لداعش علي سجن الحوت في الناصرية")
                continue  # "تداولت مواقع خبراً عن هجوم لداعش على مخزن عتاد في الطارمية": a report going round
            if any(t.start >= w.end and t.norm in trig.words("accident") for t in view.tokens):
                continue  # "الانفجار الذي وقع في سوق بالعاصمة دوشنبه ... كان حادثاً عرضياً ناجماً عن تسرب غاز"
            if _no_part(parsed, all_views, k, w.end):
                continue  # "انفجار مرفأ بيروت في آب 2020. [✗ ... ولا علاقة لداعش به]": no attack of the group
            named = [m for m in view.mentions if w.start < m.start < end and not any(w.end <= x < m.start for x in meets)]
            in_city = [m for m in named if entity_class(m.entity, lex, parsed) == "City"]
            # "في منطقة حاوي العظيم بمحافظة ديالى، شمال شرقي بغداد": a city after a compass word is where
            # the place lies from, not the place
            here = [m for m in in_city if not _from_here(view, m, trig.words("compass"))]
            # "في مدينة كراسنوغورسك قرب موسكو": a city named after another as what it lies near is no place of its own
            here = [m for m in here if not (_near(view, m) and any(x.end <= m.start for x in here))]
            # "وفي اليوم نفسه لهجمات باريس، استعادت قوات البيشمركة مدينة سنجار": the city right after the attack
            # word is its place; the next one the sentence names is another story's
            right_after = [m for m in here if view.token_at(m.start) == k_after]
            placed = right_after or [m for m in here if _said_as_place(parsed, lex, view, m, trig)]
            if here and not placed:
                continue  # every city named acts ("فيما أعلنت موسكو إرسال محققين"): no attack's place
            here = placed
            if not here:  # "وشهدت العاصمة العراقية بغداد ... تفجيرين": the city that witnessed it, before the word
                here = _witnessed_at(parsed, lex, view, w, trig.words("witnessed"))
            if not here:  # a place the lexicon does not know: "في بلدة كاسيندي"، "استهدف معسكر إيناتس"
                here = _unknown_place(parsed, view, w.end, end)
            if not here and any(d.value and not (len(d.value) == 4 and is_bound(parsed.doc.text, d, reach=_SINCE_REACH))
                                for d in view.dates):
                # a dated attack somewhere the lexicon names no city of: the region, else the country, not one
                # the attack was outside of ("سلسلة هجمات خارج العراق")
                # (a region within a state: a continent, "هجمات في أوروبا", is no attack's place)
                # (in the attack word's clause or the next: not "...، يؤكد أن الخلايا النائمة في جبال حمرين")
                reach = _clause_after_next(parsed.doc.text, w.end, end)
                wider = [m for m in named if m.how == "name" and not _outside(view, m, trig) and m.start < reach
                         and (entity_class(m.entity, lex, parsed) == "Country" or within_a_state(m.entity, lex, parsed))]
                wider.sort(key=lambda m: entity_class(m.entity, lex, parsed) != "Region")
                here = wider[:1]
            cities += [(w, m) for m in (here or in_city[:1])]
        section = sections.get(view.index)
        if not cities and section is not None and section[1] is not None and view.token_at(words[0].start) <= 1 \
                and entity_class(section[1], lex, parsed) in ("City", "Region"):
            # a timeline's entry that opens with the attack ("22 آذار 2024 – ضواحي موسكو", then "هجوم دامٍ على
            # قاعة ...، ويتبناه تنظيم داعش"): where and when its heading says
            parsed.facts.append(Attack(Evidence.of(view.sentence), "attacks/timeline-entry",
                                       perpetrator=_claimant(parsed, lex, view, trig, main, isis), place=section[1],
                                       date=section[0].value))
            continue
        if not cities:
            continue
        # "التنظيم", or a claim ("وكان الأخير قد تبنى الهجوم"): the document's main armed group; a claim
        # names its claimant, and a group a spokesman speaks for ("المتحدث باسم «طالبان»") did nothing
        perpetrator = _claimant(parsed, lex, view, trig, main, isis)
        # an item of a list that a claim opens ("ومن الهجمات التي تبناها التنظيم:") is claimed by it; the
        # next items are other attacks
        intro = _list_intro(all_views, k, parsed.doc.text)
        if perpetrator is None and intro is not None:
            perpetrator = _claimant(parsed, lex, intro, trig, main, isis, claim_only=True) or _attacks_of(
                parsed, lex, intro, trig, isis or main)
        if perpetrator is None and intro is None and k > 0 and _done_by_the_one_before(view, words, trig):
            # "ولاية خراسان أولاً. الهجومان اللذان نفذهما هذا الفرع في كرمان"، "وظل تنظيم داعش – ولاية خراسان
            # أشد الفروع قدرة ... فقد نفذ الهجوم المزدوج في كرمان": the group the sentence before named last
            named_before = _armed(parsed, lex, all_views[k - 1])
            perpetrator = max(named_before, key=lambda m: m.start).entity if named_before else None
        # "... وسارع تنظيم الدولة الإسلامية إلى تبني العملية": a claim in one of the next two sentences
        for nxt in all_views[k + 1:k + 1 + _CLAIM_WITHIN] if perpetrator is None and intro is None else ():
            if any(t.norm in trig.words("claimed") or t.norm in trig.words("claimed_it") for t in nxt.tokens):
                perpetrator = _claimant(parsed, lex, nxt, trig, main, isis, claim_only=True)
                break
        weekday = trig.words("weekdays")
        # a weekday alone ("خلال قداس الأحد") dates the attack only when nothing fuller does
        # "رجل يقيم في فرنسا منذ 2010"، "الأعنف منذ تفجيرات الملعب عام 2005": a year as a bound dates no
        # attack ("منذ الأربعاء 24 آذار" does: an attack going on since then)
        times = [d for d in view.dates
                 if d.value and not (len(d.value) == 4 and is_bound(parsed.doc.text, d, reach=_SINCE_REACH))]
        dated = [d for d in times if not _weekday_only(view, d, weekday)] or times
        taken: set[int] = set()
        opened = None  # the date that opens the sentence's first attack, for the next ones it lists
        for w, c in cities:
            # a date after the place in its own clause, else one between the attack word and the place, else
            # one opening the attack's clause; a date in a later clause last ("... في مدينة الحسكة، والذي يضم
            # معتقلين منذ سقوط الباغوز في آذار 2019")
            after = [d for d in dated if d.start >= c.end]
            later = [d for d in after if not clause_break(parsed.doc.text, c.end, d.start)]
            afar = [d for d in after if d not in later]
            earlier = [d for d in dated if w.start <= d.start < c.start]  # after its own attack word
            # "في 3 يناير 2024، فجر انتحاريان ... في مدينة كرمان": a date may also open the sentence, or
            # the clause of this attack word ("وقبل هجوم موسكو بيوم واحد، في 21 آذار/مارس، فجّر انتحاري")
            before = max((x.start for x, _ in cities if x.start < w.start), default=-1)
            opening = [d for d in dated if before < d.start < w.start and d.start not in taken]
            chosen = next((ds[i] for ds, i in ((later, 0), (earlier, -1), (opening, -1), (afar, 0)) if ds), None)
            if opening and chosen is opening[-1]:
                opened = chosen
            elif chosen is None and opened is not None and not any(opened.end <= d.start < w.start for d in dated):
                # "وفي السادس والعشرين من يونيو، ...: مسلح يقتل 38 سائحاً في مدينة سوسة، وانتحاري يفجر نفسه في
                # مسجد ... بمدينة الكويت": the attacks listed after one date are all of that date
                chosen = opened
            date = chosen.value if chosen else (section[0].value if section is not None else None)
            if chosen is not None and (later or earlier):
                taken.add(chosen.start)  # "استهدف الموصل في 3 أيار 2020، والهجوم على مدينة الكرك": Mosul's
            a = Attack(Evidence.of(view.sentence), "attacks/attack-word-city", perpetrator=perpetrator, place=c.entity,
                       date=date)
            parsed.facts.append(a)
            if date is None and (gap := _time_before_it(view, w)) is not None:
                told_before.append((a, gap))
            if view.token_at(c.start) == view.token_at(w.end - 1) + 1:
                by_place.append(a)  # "هجوم موسكو": the attack named by its place
    # an attack named by its place is the one the document dates there, not whatever date follows it
    # ("وقبل هجوم موسكو بيوم واحد، في 21 آذار/مارس، فجّر انتحاري ...")
    for a in by_place:
        there = {b.date for b in parsed.facts_of(Attack) if b.place == a.place and b not in by_place and b.date}
        if there:
            a.date = there.pop() if len(there) == 1 else None
    _place_corrected(parsed, all_views, trig)
    _claimed_further_on(parsed, lex, all_views, trig, main, isis)
    _date_from_the_same_attack(parsed)
    _dated_from_the_reported_one(parsed, told_before)
    _undated_where_the_dated_one_was(parsed, lex)


_THIS = frozenset(normalize(w) for w in ("هذا", "هذه", "ذلك", "تلك"))


def _done_by_the_one_before(view, words: list, trig) -> bool:
    """Whether the sentence's attack is carried out by someone it does not name: a verb of carrying out with
    a demonstrative subject ("نفذهما هذا الفرع") or with none, its object, the attack word, right after it
    ("فقد نفذ الهجوم المزدوج"); ``words``: the sentence's attack words."""
    toks = view.tokens
    done, bare = trig.words("carried_out"), trig.words("carried_out_bare")
    attacks = {view.token_at(w.start) for w in words}
    for i, t in enumerate(toks[:-1]):
        if t.norm in done and toks[i + 1].norm in _THIS and i + 2 < len(toks) and definite(toks[i + 2]):
            return True
        if i + 1 in attacks and not bare.isdisjoint(strip_clitics(t.norm)):
            return True
    return False


def _clause_after_next(text: str, start: int, end: int) -> int:
    """Where the attack's clauses end (``end`` at most): at the first clause after the one of ``start`` that
    opens with neither a preposition nor a time ("...، وأسفر عن مقتل 11 عنصراً، يؤكد أن الخلايا النائمة في
    جبال حمرين"); clauses of where and when go on ("، فجر اليوم، على موقع عسكري، في محافظة صلاح الدين")."""
    breaks = [k for k in range(start, end) if text[k] in "،,;؛"]
    for k in breaks:
        words = text[k + 1:end].split(maxsplit=1)
        first = normalize(words[0]) if words else ""
        if first and first not in _WHERE_WHEN and not first.startswith("ب"):
            return k
    return end


def _witnessed_at(parsed: Parsed, lex, view, w, witnessed: frozenset[str]) -> list[Mention]:
    """The city that is the subject of "شهدت" before an attack word ("وشهدت العاصمة العراقية بغداد أمس
    تفجيرين"): the first city after the verb, with no punctuation between the verb and the word."""
    toks, text = view.tokens, parsed.doc.text
    k = view.token_at(w.start)
    verb = next((i for i in range(k - 1, max(-1, k - 12), -1) if toks[i].norm in witnessed), None)
    if verb is None or clause_break(text, toks[verb].end, w.start):
        return []
    return [m for m in view.mentions if toks[verb].end <= m.start and m.end <= w.start
            and entity_class(m.entity, lex, parsed) == "City"][:1]


def _claimed_further_on(parsed: Parsed, lex, all_views: list, trig, main: str | None, isis: str | None) -> None:
    """A claim of "the attack" in a sentence that names no attack's place ("وتبنى تنظيم داعش الهجوم في
    بيان") is a claim of the attack the document told first, wherever it told it."""
    attacks = parsed.facts_of(Attack)
    if not attacks:
        return
    first = min(a.evidence.sentence for a in attacks)
    places = {a.place for a in attacks if a.evidence.sentence == first}  # "في حي الكرادة في بغداد": both
    if any(a.perpetrator for a in attacks if a.place in places):
        return
    told = {a.evidence.sentence for a in attacks}
    claim_words = trig.words("claimed") | trig.words("claimed_it") | {_RESPONSIBILITY}
    for view in all_views:
        if view.index <= first or view.index in told:
            continue
        if not any(t.norm in claim_words for t in view.tokens):
            continue
        if not any(view.tokens[view.token_at(w.start)].norm.startswith("ال") for w in trig.find("attack_nouns", view.tokens)):
            continue  # "الهجوم", with its article: the attack already told
        claimant = _claimant(parsed, lex, view, trig, main, isis, claim_only=True)
        if claimant:
            for a in attacks:
                if a.place in places and a.perpetrator is None:
                    a.perpetrator = claimant
            return


_CLAIM_WITHIN = 2  # sentences after an attack that may claim it
_RESPONSIBILITY = normalize("المسؤولية")
_SINCE_REACH = 5  # words of its clause before a year that may bound it ("منذ تفجيرات الملعب عام 2005")
_NEAR_CLAIM = 4  # words between a claim verb and the group that claims


def _claimant(parsed: Parsed, lex, view, trig, main: str | None, isis: str | None,
              claim_only: bool = False) -> str | None:
    """Who a sentence says carried out or claimed its attack: the armed group next to a claim word
    ("تبنى تنظيم «داعش» الهجوم"، "«داعش» يتبنى"); else the first armed group named, unless "وتبناه
    التنظيم" points past it; else, for a claim without a name, the ISIS group the document names most,
    ``isis``, or for "التنظيم" the group it names most, ``main``. A group a spokesman speaks for is never
    the one.
    ``claim_only`` (a claim in a later sentence): a claim verb alone names no one."""
    toks, on_behalf_of = view.tokens, trig.words("on_behalf_of")
    if view.sentence.text.rstrip().endswith(("؟", "?")):
        return None  # "هل هناك ما يشير إلى أن المنفذين مرتبطون بفرع داعش في خراسان؟": asked, not told
    claim_words = trig.words("claimed") | trig.words("claimed_it")
    groups = [m for m in _armed(parsed, lex, view)
              if not (view.token_at(m.start) > 0 and toks[view.token_at(m.start) - 1].norm in on_behalf_of)]
    claims = [i for i, t in enumerate(toks) if t.norm in claim_words]
    # "تنظيم داعش يتحمل وحده المسؤولية عن هذا الهجوم": responsibility names its claimant only with a group near it
    # ("ولم تعلن أي جهة المسؤولية" names no one)
    owned = claims + [i for i, t in enumerate(toks) if t.norm == _RESPONSIBILITY]
    near = [m for m in groups if any(abs(view.token_at(m.start) - i) <= _NEAR_CLAIM for i in owned)]
    if near:
        return near[0].entity
    # "الهجوم الذي شنه تنظيم داعش": the group right after the verb of carrying out, before one named earlier
    did = [i for i, t in enumerate(toks) if t.norm in trig.words("carried_out")]
    by = [m for m in groups if any(0 < view.token_at(m.start) - i <= 3 for i in did)]
    if by:
        return by[0].entity
    if any(t.norm in trig.words("the_organisation") for i in did for t in toks[i + 1:i + 3]) and (isis or main):
        return isis or main  # "هجوم واسع شنّه التنظيم على سجن غويران ... الذي تديره قوات سوريا الديمقراطية"
    # "التنظيم" alone, not the first word of a group's name ("تنظيم الدولة الإسلامية في ليبيا")
    # (or with ل on it: "الهجوم الذي شنه مسلحون موالون للتنظيم")
    organisation = any(not trig.words("the_organisation").isdisjoint(strip_clitics(t.norm))
                       and not any(m.start <= t.start < m.end for m in groups) for t in toks)
    if organisation and groups and (isis or main) and all(
            (e := lex.get(m.entity)) is not None and e.extra.get("coalition_partner") for m in groups):
        # "التنظيم ... شن هجوما واسعا على سجن غويران ... قبل أن تستعيد «قسد» السيطرة عليه": the coalition's
        # partners are never "the organisation"
        return isis or main
    if groups and not (claims and organisation):  # "وتبناه التنظيم" with another group named further off
        return groups[0].entity
    if organisation or (claims and not claim_only):
        return (isis if claims else None) or main
    return None


_NO = frozenset(normalize(w) for w in ("لا", "ولا"))
_LINK = normalize("علاقة")


def _no_part(parsed: Parsed, all_views: list, k: int, after: int) -> bool:
    """Whether "لا علاقة" (no link) follows offset ``after`` in sentence ``k`` or the sentences that go on its line."""
    line = all_views[k].tokens + [t for v in itertools.takewhile(lambda v: not _opens_line(parsed.doc.text, v),
                                                                  all_views[k + 1:k + 3]) for t in v.tokens]
    return any(t.start >= after and t.norm in _NO and u.norm == _LINK for t, u in zip(line, line[1:]))


def _attacks_of(parsed: Parsed, lex, intro, trig, isis: str | None) -> str | None:
    """The group whose attacks a list's opening line names: "ومن هجمات التنظيم خارج العراق وسوريا:" (the
    document's ISIS group), "أبرز هجمات ولاية خراسان:" (that group); ``None`` if the line names no one's attacks."""
    toks = intro.tokens
    groups = {intro.token_at(m.start): m.entity for m in _armed(parsed, lex, intro)}
    for w in trig.find("attack_nouns", toks):
        k = w.j  # the word after the attack noun: its owner
        if k < len(toks) and k in groups:
            return groups[k]
        if k < len(toks) and toks[k].norm in trig.words("the_organisation"):
            return isis
    return None


def _opens_line(text: str, view) -> bool:
    """Whether the sentence of ``view`` begins a line of ``text``."""
    i = view.sentence.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _list_intro(all_views: list, k: int, text: str):
    """The sentence that opens the list sentence ``k`` is an item of (it ends with a colon), if any. Sentences
    that go on an item's line ("... ومواقع أخرى. [✓ ١/١]") are the item's."""
    j = k
    while j >= 0 and (LIST_ITEM.match(all_views[j].sentence.text) or (
            j < k and not _opens_line(text, all_views[j]) and not all_views[j].sentence.text.rstrip().endswith(":"))):
        j -= 1
    if j == k or j < 0 or not all_views[j].sentence.text.rstrip().endswith(":"):
        return None
    return all_views[j]


_NEAR = frozenset(normalize(w) for w in ("قرب", "بالقرب", "بقرب", "مقربة", "بمقربة"))


def _near(view, m: Mention) -> bool:
    """Whether "قرب" (or "بالقرب من", "على مقربة من") stands right before mention ``m``."""
    k = view.token_at(m.start)
    before = [t.norm for t in view.tokens[max(0, k - 2):k]]
    return bool(before) and (before[-1] in _NEAR or (len(before) == 2 and before[-1] == "من" and before[0] in _NEAR))


def _from_here(view, m: Mention, compass: frozenset[str]) -> bool:
    """Whether a compass word (شمال، جنوبي ...) stands before mention ``m`` within four words, with only
    place nouns and adjectives of relation between ("شمال شرقي بغداد"، "جنوبي مدينة الحسكة"، "جنوب شرقي
    العاصمة النيجرية نيامي")."""
    k = view.token_at(m.start)
    nouns = triggers().words("place_nouns")
    for t in reversed(view.tokens[max(0, k - 4):k]):
        forms = set(strip_clitics(t.norm))
        if forms & compass:
            return True
        if not forms & nouns and not (t.norm.startswith("ال") and t.norm.endswith(("ي", "يه"))):
            return False  # only place nouns and adjectives of relation between: "جنوب شرقي العاصمة النيجرية نيامي"
    return False


_ANY_REACH = 4  # words before "أي" a negation may stand ("ولم يشهد اجتماع كوبنهاغن أي هجوم")


def _outside(view, m: Mention, trig) -> bool:
    """Whether a word of ``outside`` stands right before mention ``m`` ("خارج العراق")."""
    k = view.token_at(m.start)
    return k > 0 and bool(set(strip_clitics(view.tokens[k - 1].norm)) & trig.words("outside"))


def _said_as_place(parsed: Parsed, lex, view, m: Mention, trig) -> bool:
    """Whether city ``m`` is said as where something is: after a preposition written on it ("ببروكسل")
    or before it (``attack_place_before``), a place noun or facility ("مطار بروكسل"), an attack word
    whose place it completes ("هجمات باريس"), an adjective of relation ("العاصمة الكينية نيروبي") or
    another such city it is joined to ("في باريس وبروكسل"). A city after anything else acts or owns
    ("فيما أعلنت موسكو إرسال محققين"): a government, not a place."""
    clitic = proclitic(m, lex)
    if "ب" in clitic:
        return True
    k = view.token_at(m.start)
    if not _place_before(trig).isdisjoint(strip_clitics(view.tokens[k].norm)) and view.tokens[k].end < m.end:
        return True  # a name that opens with its place noun: "لناحية زمار"
    if k <= 0:
        return False
    prev = view.tokens[k - 1]
    if _place_word(prev, trig):
        return True
    if any(x.end == prev.end for x in trig.find("attack_nouns", view.tokens[max(0, k - 3):k])):
        return True
    if "و" in clitic:
        # "في بغداد وكركوك"، "في مرفأ X وبيروت": the name before it, said as a place
        before = next((x for x in view.mentions if x.end == prev.end), None)
        if before is not None:
            return entity_class(before.entity, lex, parsed) == "City" and _said_as_place(parsed, lex, view, before, trig)
        return k >= 2 and _place_word(view.tokens[k - 2], trig)
    return False


def _place_word(tok, trig) -> bool:
    """Whether a city right after ``tok`` is said as a place (see :func:`_said_as_place`)."""
    if not _place_before(trig).isdisjoint(strip_clitics(tok.norm)):
        return True
    return tok.norm.startswith("ال") and tok.norm.endswith(("ي", "يه"))


@lru_cache(maxsize=1)
def _place_before(trig) -> frozenset[str]:
    """The words after which a city is said as a place: the four lists of ``triggers.yaml`` in one set."""
    return (trig.words("attack_place_before") | trig.words("place_nouns") | trig.words("facilities")
            | trig.words("compass"))


def _weekday_only(view, d, weekday: frozenset[str]) -> bool:
    """Whether date ``d`` is said by a weekday alone ("الأحد"، "يوم الخميس الماضي"), no day of a month."""
    said = [t for t in view.tokens if d.start <= t.start < d.end]
    return any(set(strip_clitics(t.norm)) & weekday for t in said) and not any(
        any(c.isdigit() for c in t.surface) for t in said) and len(said) <= 3
_NAME_WORDS = 3  # words of a place's name


# the side a village's name may end with ("قرية الحسينات الشرقية"), unlike a state's adjective ("العراقية")
_SIDE_OF_A_NAME = frozenset(normalize(w) for w in ("الشرقية", "الغربية", "الشمالية", "الجنوبية", "الشرقي", "الغربي",
                                                   "الشمالي", "الجنوبي"))


def _unknown_place(parsed: Parsed, view, start: int, end: int) -> list[Mention]:
    """A place the lexicon does not know, named after a place noun between ``start`` and ``end``
    ("في بلدة كاسيندي"، "استهدف معسكر إيناتس"، "قرب قرية أم الخناجر في قضاء ..."): up to three words,
    ending before a preposition, a name found in the text, punctuation, a number, a definite
    adjective of relation ("بلدة بالما الساحلية"), another place noun, a claim verb or a word of
    ``place_name_ends`` (the attack's means, a time of day, a verb of its toll, an adjective of
    nearness: "في حي X بسيارات مفخخة"). It becomes a place of its own (``ckg:Place``)."""
    trig = triggers()
    venues = trig.words("venue_nouns")
    nouns, stop, compass = trig.words("place_nouns") | venues, trig.words("person_stop"), trig.words("compass")
    units = trig.words("named_with_article_after") | venues  # "مسجد الإمام الصادق"
    ends = nouns | trig.words("place_name_ends") | trig.words("claimed") | trig.words("claimed_it")
    toks, text = view.tokens, parsed.doc.text
    named = {m.start for m in view.mentions}
    fallback = None
    for i, tok in enumerate(toks[:-1]):
        if not start <= tok.start < end or not set(strip_clitics(tok.norm)) & nouns:
            continue
        if tok.norm.startswith(("ال", "وال", "بال", "فال", "كال", "لل")):
            continue  # "في المنطقة لمهاجمة ...": the noun with its article names no place
        words: list[Token] = []
        for t in toks[i + 1:i + 1 + _NAME_WORDS]:
            if (t.start in named or t.norm in stop or t.norm.isdigit() or t.norm in compass
                    or not ends.isdisjoint(strip_clitics(t.norm))
                    or any(c in "،,.;؛:()«»\"" for c in text[(words[-1] if words else tok).end:t.start])
                    or (words and t.norm.startswith("ال") and t.norm.endswith(("ي", "يه")) and t.norm not in _SIDE_OF_A_NAME)):
                break
            words.append(t)
        # a name with the article after a unit of settlement or government ("ناحية العظيم"، "بلدة الباب");
        # after other nouns the article makes a common noun ("معسكر التدريب")
        # (or after "قرب": "قرب منطقة العيث" is near somewhere)
        article_ok = not set(strip_clitics(tok.norm)).isdisjoint(units) or (
            i > 0 and toks[i - 1].norm in _NEAR and i + 1 < len(toks) and toks[i + 1].norm not in _COMMON_AFTER_NEAR
            and not set(strip_clitics(toks[i + 1].norm)) & (nouns | trig.words("facilities")))
        if (not words or (words[0].norm.startswith("ال") and not article_ok) or words[0].norm.endswith("يه")
                or words[0].norm.startswith(("لل", "بال", "كال", "فال"))  # "قاعدة للجيش النيجيري": whose, not its name
                or words[0].norm in trig.words("pronoun_prepositions")  # "قاعدة له"
                or any(m.start <= tok.start < m.end for m in view.mentions)):
            continue  # "المعسكر القريب", "سوقاً شعبية": no name; "مدينة الموصل" is the lexicon's
        venue = not set(strip_clitics(tok.norm)).isdisjoint(venues)
        if venue and any(w.norm in _NOT_IN_A_NAME for w in words):
            continue  # "مسجد أثناء صلاة الجمعة": when, not a name
        if venue:  # a building is named with its noun ("مسجد الإمام الصادق"), and a town after it is the place
            if fallback is None:
                fallback = (tok, words)
            continue
        return [_new_place(parsed, view, words[0], words)]
    if fallback is not None:
        tok, words = fallback
        return [_new_place(parsed, view, tok, words)]
    return []


# words that open a clause of where or when, which goes on with the attack's clauses
_WHERE_WHEN = frozenset(normalize(w) for w in ("في", "على", "قرب", "عند", "داخل", "شمال", "جنوب", "شرق", "غرب",
                                               "شمالي", "جنوبي", "شرقي", "غربي", "يوم", "أمس", "فجر", "صباح", "مساء",
                                               "ليلة", "ليل", "اليوم", "منتصف", "مطلع", "أواخر", "أوائل"))
# common nouns after "قرب منطقة": "قرب منطقة الحدود مع سوريا" is near no named place
_COMMON_AFTER_NEAR = frozenset(normalize(w) for w in ("الحدود", "الحدودية", "المطار", "السوق", "المدينة", "القرية",
                                                      "العمليات", "الاشتباكات", "النزاع", "الصراع", "الميناء"))
_NOT_YET = frozenset(normalize(w) for w in ("مخطط", "مخططا", "مخططاً", "محتمل", "محتملا", "محتملاً", "وشيك", "وشيكا",
                                           "وشيكاً", "مزعوم", "محبط"))
_NEAR = frozenset(normalize(w) for w in ("قرب", "بقرب", "وقرب"))
_NOT_IN_A_NAME = frozenset(normalize(w) for w in ("أثناء", "خلال", "وسط", "قرب", "عند", "بعد", "قبل", "نجوم"))


def _new_place(parsed: Parsed, view, first, words) -> Mention:
    """A place of its own (``ckg:Place``) named from ``first`` to the last of ``words``."""
    text = parsed.doc.text
    at = _without_proclitic(first, text) if first is not words[0] else first.start
    name = text[at:words[-1].end]
    key = mint_key("place", " ".join(([normalize(text[at:first.end])] if first is not words[0] else [])
                                     + [w.norm for w in words]))
    if key not in parsed.entities:
        parsed.entities[key] = NewEntity(key, "Place", name)
    m = Mention(Evidence.of(view.sentence), "attacks/place-noun", entity=key, start=at, end=words[-1].end,
                surface=name, how="name")
    parsed.mentions.append(m)
    return m


def _without_proclitic(tok, text) -> int:
    """Where a venue noun starts without a preposition on it ("بمسجد" -> "مسجد")."""
    for c in ("وب", "ول", "ب", "ل", "و", "ف"):
        rest = tok.surface[len(c):]
        if tok.surface.startswith(c) and normalize(rest) in triggers().words("venue_nouns"):
            return tok.start + len(c)
    return tok.start


def _date_from_the_same_attack(parsed: Parsed) -> None:
    """A headline or a reaction names the attack without its date ("«داعش» يتبنى تفجيرين ... وسط
    بغداد", "وندد ... بالهجوم"); when the document dates one attack at that place, it is that one."""
    dated: dict[str | None, list[Attack]] = {}
    for b in parsed.facts_of(Attack):
        if b.date:
            dated.setdefault(b.place, []).append(b)
    for a in parsed.facts_of(Attack):
        same = dated.get(a.place, [])
        if a.date is not None or not same:
            continue
        # the date most of them give, when most do: one sentence that dates the place's attack wrongly
        # ("ووقع اشتباك على الحدود في 20 شباط، ثم تفجيرات بغداد") does not leave the others' date in doubt
        counts = Counter(b.date for b in same)
        date, n = counts.most_common(1)[0]
        if 2 * n > len(same):
            a.date = date
            a.perpetrator = a.perpetrator or next((b.perpetrator for b in same if b.perpetrator and b.date == date), None)


_MANY = 3  # attacks counted from this many on are a tally, not one told
# the nouns a tally counts ("153 هجوماً"، "12 هجمة"), not a verb after a number of those who attacked ("ستة لو
# سبعة، هاجموا")
_COUNTED = tuple(normalize(w) for w in ("هجوم", "هجمات", "هجمة", "عمليات", "عملية", "اعتداء", "تفجير"))
_NOT_THERE = frozenset(normalize(w) for w in ("وليس", "وليست"))
_IN_OR_AROUND = frozenset(normalize(w) for w in ("في", "ريف", "مدينة", "بلدة", "محافظة"))
_CORRECTION = frozenset(normalize(w) for w in ("تصحيح", "التصحيح", "تصويب"))


def _place_corrected(parsed: Parsed, all_views, trig) -> None:
    """A correction that moves an attack ("الهجوم وقع في ريف دير الزور الشرقي قرب بلدة ذيبان، وليس في ريف
    الرقة كما ورد في النسخة الأولى"): the attack told elsewhere at the place it is "not at" goes, and the
    corrected one takes its date and perpetrator when it has none."""
    if not parsed.facts_of(Attack):
        return
    hints = trig.words("version") | trig.words("in_error") | _CORRECTION
    for view in all_views:
        toks = view.tokens
        if not any(t.norm in _NOT_THERE for t in toks) or not any(
                not hints.isdisjoint(strip_clitics(t.norm)) for t in toks):
            continue
        # "وليس في ريف الرقة"، "وليس الرقة": the place right after, or after في and a place noun
        wrong = {m.entity for m in view.mentions for k in [view.token_at(m.start)]
                 if any(toks[j].norm in _NOT_THERE and all(toks[i].norm in _IN_OR_AROUND for i in range(j + 1, k))
                        for j in range(max(0, k - 3), k))}
        right = [a for a in parsed.facts_of(Attack) if a.evidence.sentence == view.index and a.place not in wrong]
        if not wrong or not right:
            continue
        for b in [b for b in parsed.facts_of(Attack) if b.place in wrong]:
            parsed.facts.remove(b)
            for a in right:
                a.date = a.date or b.date
                a.perpetrator = a.perpetrator or b.perpetrator


def _undated_where_the_dated_one_was(parsed: Parsed, lex) -> None:
    """A headline or a reaction names the attack by the wider place its report names: "بهجوم لداعش
    جنوبي كركوك" over "قرب قرية الصفرة التابعة لناحية الرشاد جنوب غربي محافظة كركوك". An attack with no
    date, at a place no dated attack is at, is the document's dated attack whose sentence names that
    place (or its governorate), when just one does, and goes."""
    facts = parsed.facts_of(Attack)
    dated = [b for b in facts if b.date]
    at_dated = {b.place for b in dated}
    for a in facts:
        if a.date is not None or a.place is None or a.place in at_dated:
            continue
        names = lex.named_alike(a.place)
        # (not one in the same sentence: "... الموصل في 3 أيار، والهجوم على الكرك" tells two)
        told = {(b.place, b.date) for b in dated
                if (a.perpetrator is None or b.perpetrator in (None, a.perpetrator))
                and b.evidence.sentence != a.evidence.sentence
                and any(m.evidence.sentence == b.evidence.sentence and m.entity in names for m in parsed.mentions)}
        if len(told) == 1:
            parsed.facts.remove(a)


# "بعد أسبوع من اعتداء مماثل": how many days before the attack reported the one after "من" was (0: hours, or
# days or weeks untold: its month only)
_TIME_BEFORE = {normalize(w): n for w, n in (("يوم", 1), ("يومين", 2), ("يومان", 2), ("أسبوع", 7), ("أسبوعين", 14),
                                             ("أيام", 0), ("أسابيع", 0), ("ساعات", 0), ("ساعة", 0))}


def _time_before_it(view, w) -> int | None:
    """Days between attack word ``w`` and the attack the sentence reports, when ``w`` is told as what
    came a time before it: "بعد أسبوع من اعتداء"، "بعد أيام من هجوم" (0 for days or weeks untold)."""
    k = view.token_at(w.start)
    if k < 3 or view.tokens[k - 1].norm != _FROM or view.tokens[k - 3].norm not in _AFTER:
        return None
    return _TIME_BEFORE.get(view.tokens[k - 2].norm)


_FROM = normalize("من")
_AFTER = frozenset(normalize(w) for w in ("بعد", "وبعد"))


def _dated_from_the_reported_one(parsed: Parsed, earlier: list[tuple[Attack, int]]) -> None:
    """Date each attack told as a time before the one reported, somewhere else: that many days before
    the document's first dated attack, or in its month when the time is "أيام" or "أسابيع"."""
    if not earlier:
        return
    told = {id(a) for a, _ in earlier}
    # (the attacks are in the order of their sentences)
    first = next((b for b in parsed.facts_of(Attack) if b.date and len(b.date) == 10 and id(b) not in told), None)
    if first is None:
        return
    for a, days in earlier:  # (at the reported attack's own place, it is that attack: "بعد أسبوع من هجوم كركوك")
        if a.date is None and a.place != first.place:
            a.date = (_date.fromisoformat(first.date) - _timedelta(days=days)).isoformat() if days else first.date[:7]

