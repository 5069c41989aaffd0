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

from dataclasses import replace
from typing import AbstractSet

from ..dates import is_bound
from ..facts import Evidence, Funding, Meeting, Parsed, Participation, PersonRole, Quantity
from ..lexicon import Match
from ..numbers import currency_named
from ..pipeline import Context, step
from ..text import normalize, strip_clitics
from ..triggers import triggers
from ._context import (LIST_ITEM, clause_break, clause_of, clause_spans, entity_class, in_cell, is_media, negated_any,
                       proclitic, quoted_words, table_cells, views)
from .meetings import _THAT, _body_named_again, _days_before, main_meeting, meeting_of
from .people import _lexicon_role
from .unasserted import denied, in_the_error, quoted_claim

__all__ = ["funding"]

_DONOR_CLASSES = {"Country", "InternationalOrganization", "Organization", "GovernmentBody", "Coalition"}
_BENEFICIARY_CLASSES = {"Country", "Region"}
_IN = frozenset({normalize("في")})
_WITH = frozenset({normalize("مع")})
_CONTRIBUTION_WITHIN = 6  # words from "ساهموا" to its amount
_UNIONS = frozenset({"EU"})  # a union of states that gives as a state does


def _can_give(m, lex, parsed) -> bool:
    """A name that may give money: a state or a body, but not the agency or paper that reports it."""
    return m.how == "name" and entity_class(m.entity, lex, parsed) in _DONOR_CLASSES and not is_media(m.entity, lex)


def _named_item(view) -> bool:
    """Whether a line is a list's item without a bullet, opening with a name and a colon: "قطر: ٣٠ مليون
    دولار لدعم سبل العيش"."""
    if not view.mentions or not view.tokens:
        return False
    first = min(view.mentions, key=lambda m: m.start)
    rest = view.sentence.text[first.end - view.sentence.start:]
    return view.token_at(first.start) == 0 and rest.lstrip(" ")[:1] == ":"


def _none_such(toks, i: int, trig) -> bool:
    """Whether the words before the amount at token ``i`` say there is no such sum: "أي" under a negation
    ("ولم يُعلن أي تعهد بملياري دولار") or "لا وجود ل..." ("لا وجود لتعهد بملياري دولار"), within a few words."""
    negation = trig.words("negation") | _NOT
    for k in range(max(0, i - _NONE_REACH), i):
        if negated_any(toks, k, negation, 2):
            return True
        if toks[k].norm == _EXISTENCE and k and toks[k - 1].norm in negation:
            return True
    return False


_NONE_REACH = 4
_EXISTENCE = normalize("وجود")


@step("funding", in_genre=True)
def funding(parsed: Parsed, ctx: Context) -> None:
    """Funding figures with kind, donor, amount, currency, qualifier, beneficiaries, year."""
    lex = ctx.lexicon
    trig = triggers()
    prev: Funding | None = None
    list_kind: str | None = None  # the kind of the figures of a list, from the line that opens it
    prev_sentence_beneficiaries: list[str] = []
    rebuilding: list[str] = []  # the place of the last "إعادة إعمار العراق"
    helping = trig.words("support") - trig.words("where")  # support words that say more than where
    last_person_state: str | None = None
    venues = {m.place for m in parsed.facts_of(Meeting)}
    not_aid = trig.words("not_aid")
    left_out = trig.words("left_out")
    accused = trig.words("accused")
    wrong: list[tuple[int, Quantity]] = []  # the amounts a correction says were wrong, with their sentence
    # the state each office-holder serves ("رئيس الوزراء الياباني فلان"), or the union of states ("الممثلة العليا
    # للاتحاد الأوروبي للشؤون الخارجية فيديريكا موغيريني")
    states = {f.person: f.affiliation for f in parsed.facts_of(PersonRole)
              if f.affiliation and (entity_class(f.affiliation, lex, parsed) == "Country" or f.affiliation in _UNIONS)}
    tabled = _table_rows(parsed, lex, trig)
    for view in views(parsed):
        if view.index in tabled:
            continue  # a row of a table of grants, read by its columns
        toks = view.tokens
        for f in parsed.facts_of(PersonRole):
            if f.evidence.sentence == view.index and f.affiliation:
                last_person_state = f.affiliation
        money = _money(view, lex, parsed)
        kinds = trig.find("funding", toks)
        supported_at = _supported_places(view, lex, parsed, trig.words("support"))
        supported = list(dict.fromkeys(m.entity for m in supported_at))
        rebuilt = _rebuilt(view, lex, parsed, trig)
        if rebuilt:
            rebuilding = rebuilt
        elif any(t.norm in trig.words("the_rebuilding") for t in toks):
            # "وعلى صعيد مؤتمر إعادة الإعمار": the rebuilding of the place named before
            supported = supported or rebuilding
        about_money = kinds or any(t.norm in helping for t in toks)
        if not (LIST_ITEM.match(view.sentence.text) or _named_item(view)):
            list_kind = None
        if not money:
            if about_money:  # not the places of a sentence about something else ("ملاذات ... في أفغانستان")
                prev_sentence_beneficiaries = supported or prev_sentence_beneficiaries
            if kinds and view.sentence.text.rstrip().endswith(":"):
                # "ومن أبرز التعهدات التي أعلنتها الوفود:" then "- ألمانيا: 45 مليون يورو ...": each item is of
                # the kind the line that opens the list names
                list_kind = kinds[-1].entity
            continue
        spans = clause_spans(view.sentence.text, view.sentence.start)
        kinds = [k for k in kinds if not _contributed_to(view, k, money, trig.words("contributed"))]
        kinds = kinds + _announced(view, spans, money, kinds)
        if not kinds and prev is None and list_kind is None:
            continue
        if not kinds and _enemy_before(view, lex, parsed, money[0].start):
            continue  # "لا يزال التنظيم يجني ... 400 مليون دولار سنوياً": the enemy's money, not a pledge
        if _estimated_cost(view, money[0].start):
            continue  # "قدّر البنك الدولي كلفة إعادة إعمار سوريا بنحو ٢١٦ مليار دولار": what it would cost
        topics = _topics(view, lex, trig.words("topic"))
        # "مؤتمر بروكسل"، "«مؤتمر الكويت الدولي ...»": a place right after a meeting word names the meeting
        named_meeting = {view.token_at(n.end - 1) + 1 for n in trig.find("meeting_nouns", toks)}
        actors = [m for m in view.mentions
                  if _can_give(m, lex, parsed)
                  and not _preceded_by(view, m, trig.words("according_to") | trig.words("support") | trig.words("via"))
                  and m not in supported_at  # "تعهدوا ... في العراق وسوريا": Syria is where, not who
                  and m.start not in topics]  # "وعلى صعيد العراق وسوريا، أعلن الشركاء تعهدات": what it is about
        # "أن لندن تعهدت بأكثر من 2.3 مليار": a capital that gives stands for its state, unless a meeting was there
        actors += [replace(m, entity=e.extra["country"]) for m in view.mentions if m.how == "name" and m.entity not in venues
                   and (e := lex.get(m.entity)) is not None and e.cls == "City" and e.extra.get("capital")
                   and e.extra.get("country") and not _preceded_by(view, m, trig.words("given_to"))
                   and view.token_at(m.start) not in named_meeting
                   and not {"ب", "ل"} & set(proclitic(m, lex))]
        actors.sort(key=lambda m: m.start)
        titles = _titles_in(parsed, view)
        places = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in _BENEFICIARY_CLASSES
                  and not (m.how == "adjective" and _of_an_official(view, m, trig.words("official_nouns")))
                  and not any(a <= m.start < b for a, b in titles)  # "وزير أوروبا والشؤون الخارجية"
                  and view.token_at(m.start) not in named_meeting]
        cities = [m for m in view.mentions if entity_class(m.entity, lex, parsed) == "City" and m.entity not in venues]
        for q in money:
            i_q = view.token_at(q.start)
            if any(not not_aid.isdisjoint(strip_clitics(t.norm)) for t in toks[max(0, i_q - _PAID_REACH):i_q]):
                continue  # "رصدت الولايات المتحدة مكافأة تصل إلى 5 ملايين دولار لمن يدلي بمعلومات": a reward
            if any(t.norm in _NOT and u.norm in left_out for t, u in zip(toks[:i_q], toks[1:i_q])):
                continue  # "لا تشمل الأرقام أعلاه الميزانية التشغيلية لمكتب الوزارة (1.2 مليون يورو)": left out
            if any(t.norm in accused for t in toks[:i_q]):
                continue  # "ثبت لدى المحكمة أن المتهمين ... جمعوا تبرعات ... بلغ مجموعها ٣٨٬٥٠٠ دينار": a crime's money
            if _none_such(toks, i_q, trig):
                continue  # "لا وجود لتعهد بملياري دولار"، "ولم يُعلن أي تعهد بملياري دولار": no such pledge
            erred = in_the_error(toks, q.start)
            if erred:
                wrong.append((view.index, q))
            if denied(toks, q.start) or erred or quoted_claim(view.sentence, toks, q.start):
                # "نفى مصدر ... صحة أرقام تداولتها بعض المواقع عن تعهد سعودي بمئة مليون دولار"، "ذكرت النسخة
                # الأولى أن ألمانيا تعهدت بمبلغ 21 مليون يورو، والصحيح 12 مليون يورو"، "منشورات تزعم أن التحالف
                # «تعهّد بملياري دولار لإعادة إعمار الرقة»"
                continue
            # (with one inside the amount's qualifier: "تتجاوز قيمتها المستهدفة 601 مليون دولار")
            before = [k for k in kinds if k.end <= q.end]
            # (with no kind in the sentence and none from a list, there is a gift before: see above)
            kind = before[-1].entity if before else (kinds[0].entity if kinds else list_kind or (prev.kind if prev else ""))
            a, b = clause_of(spans, q.start)
            if kind == "raised" and any(k.entity == "target" and a <= k.start for k in before[:-1]):
                kind = "target"  # "حددت هدفاً لجمع 394 مليون دولار": what the target is to raise
            donor = None
            if before and kind in ("pledge", "raised"):
                # not one with ب or ل on it: "أعلنت سفارة مملكة هولندا بتونس عن تمويل": where, or who is given to
                # nor one inside a quoted title ("مؤتمر بروكسل «الوقوف مع سوريا» ... عن تعهدات")
                # nor the other side of an agreement ("مذكرة تفاهم مع الحكومة العراقية تتيح تمويلاً")
                # nor one before "فيما" that opens the clause of the word of giving ("بعد انضمام البنين، فيما بلغت
                # التعهدات ... 372 مليون دولار")
                contrast = max((t.start for t in toks if t.norm in _CONTRAST and t.end <= before[-1].start), default=-1)
                donors = [m for m in actors if contrast < m.start and m.end <= before[-1].start
                          and not {"ب", "ل"} & set(proclitic(m, lex))
                          and not _in_a_title(view, m) and not _preceded_by(view, m, _WITH)]
                # "وقدمت الكويت 10 ملايين دولار": the giver named right after the verb (or the noun of
                # giving, "تخصيص ألمانيا") comes before one named earlier in the sentence
                subject = _named_after(view, spans, actors, before[-1], q, lex)
                his = next((t for t in toks if t.end <= q.start and t.norm in trig.words("his_country")
                            and not (donors and t.start < donors[-1].end)), None)
                # "توقع هاموند ...، معلناً أن بلاده ستخصص": the state of the person named last before "بلاده"
                # ("استضافت الكويت ...، بمشاركة وزير الخارجية الأمريكي فلان، الذي أعلن أن بلاده ستقدم": not a giver
                # named before that person)
                mine = _state_of_person_before(view, lex, parsed, states, his.start) if his is not None else None
                if subject is not None:
                    donor = subject
                elif mine is not None:
                    donor = mine
                elif donors:
                    donor = donors[-1].entity
                elif his is not None:
                    donor = last_person_state  # no person before it: the last whose state the text gave
                elif kind == "pledge":  # "وأعلن رئيس الوزراء الياباني فلان تقديم ...": the state of the office-holder
                    # who gives (not of one who reports what was raised: "وأعلن الناطق باسم الخارجية أن المؤتمر جمع")
                    donor = next((states[m.entity] for m in reversed(view.mentions) if m.end <= before[-1].start
                                  and m.entity in states), None)
                if subject is None and donors:
                    # "وتعهد الاتحاد الأوروبي بـ...، بينما أعلنت وزيرة الخارجية الألمانية فلانة تقديم ...": an
                    # office-holder of a state in the clause of the word of giving gives, not a giver named earlier
                    ca = clause_of(spans, before[-1].start)[0]
                    holder = next((states[m.entity] for m in reversed(view.mentions)
                                   if ca <= m.start and m.end <= before[-1].start and m.entity in states
                                   and not _governed(view, m, lex)), None)
                    if holder is not None and donors[-1].start < ca:
                        donor = holder
            elif prev is not None and not before and prev.evidence.sentence == view.index:
                donor = prev.donor
            if before and kind in ("pledge", "raised") and before[-1].start < a:
                # "أعلنت إيطاليا تخصيص ...، فيما أكدت الولايات المتحدة أن مساهمتها ستبلغ 30 مليون دولار": the word of
                # giving is in an earlier clause; a giver named in the amount's own clause, before it, gives it
                # (the subject: not after a preposition or a channel, "عبر الأمم المتحدة"; and not in a list
                # of parts, "منها 45 مليوناً للعراق عبر الأمم المتحدة و15 مليوناً ...")
                own = [m for m in actors if a <= m.start and m.end <= q.start and not _governed(view, m, lex)]
                if own and not any(a <= o.start < q.start for o in money if o is not q):
                    donor = own[-1].entity
            if before and kind in ("pledge", "raised") and (said := _she_said_before(view, before[-1], actors, lex)):
                donor = said  # "أكد الوزير أن اليابان ... تسهم في جهود التحالف ...، وأنها قدمت ... 3.5 مليار دولار"
            if kind in ("pledge", "raised"):
                # "منها 50 مليون دولار تعهدت بها دولة الإمارات": the giver after a word of giving that follows
                # the amount and points back to it
                donor = _giver_of_it(view, kinds, actors, q, lex) or donor
                # "تلتها الكويت بملياري دولار، ثم السعودية بمليار ونصف المليار": each giver of a list
                # stands right before its amount
                listed = _giver_before(view, actors, q, lex)
                if listed is not None:
                    donor = listed
                # "1.5 مليار دولار من السعودية": the giver named right after the amount ("المناطق
                # المحررة من سوريا" further on is not one)
                given = [m for m in actors if q.end <= m.start < b and _preceded_by(view, m, trig.words("given_by"))
                         and view.token_at(m.start) - view.token_at(q.end - 1) <= _GIVEN_WITHIN]
                if given and not any(q.end <= o.start < given[0].start for o in money):
                    donor = given[0].entity
            if donor is None and before and kind in ("pledge", "raised") and view.token_at(before[-1].start) > 0:
                # "أعلنت موغيريني أن الاتحاد سيخصص 400 مليون يورو": the body named again by its common noun,
                # right before the word of giving, gives
                again = _body_named_again(parsed, lex, toks[view.token_at(before[-1].start) - 1], before[-1].start)
                donor = again.entity if again is not None else None
            if donor is None and before and kind in ("pledge", "raised"):
                # "أعلنت وزارة التعاون الاقتصادي والتنمية الألمانية تخصيص ...": the state of the body that gives
                donor = _body_state(view, before[-1].start, trig.words("body_nouns"))
            if donor is None and kind in ("pledge", "raised") and prev is not None and prev.kind == kind and (
                    _part_of_the_sum(view, q, trig.words("the_sum")) or prev.evidence.sentence == view.index):
                # "سيُخصص 40 مليون يورو من المبلغ لصندوق ...، فيما تذهب 25 مليون يورو إلى ...": parts of the sum
                # given before, and the next amount of the same sentence, which names no giver of its own
                donor = prev.donor
            if donor is None and kind in ("pledge", "raised") and (home := _NATIONAL_CURRENCY.get(q.currency or "")) \
                    and any(m.entity == home for m in parsed.mentions):
                donor = home  # "تخصيص 840 مليون دولار كندي": Canada's money, given by Canada
            if kind == "raised" and before and donor is not None and entity_class(donor, lex, parsed) == "Country" \
                    and not trig.words("gave").isdisjoint(strip_clitics(view.tokens[view.token_at(before[-1].start)].norm)):
                kind = "pledge"  # "وقدمت الدنمارك 12 مليون دولار": one state's own gift
            # a place inside the amount ("دولار كندي") is its currency's, not who is helped
            in_clause = [m.entity for m in places if a <= m.start < b and m.entity != donor and not q.start <= m.start < q.end
                         and not _from_there_to(view, m, places, b)]
            others = [o for o in money if o is not q and a <= o.start < b]
            if others:
                # "منها 90 مليوناً للعراق ... و10 ملايين لإعادة الخدمات في الرقة": the places after each amount,
                # up to the next one (a city too), else those before it, back to the amount before
                nxt = min((o.start for o in others if o.start > q.start), default=b)
                prv = max((o.end for o in others if o.end <= q.start), default=a)
                after = [m.entity for m in places + cities if q.end <= m.start < nxt and m.entity != donor
                         and not _from_there_to(view, m, places, nxt)]
                in_clause = after or [m.entity for m in places if prv <= m.start < q.start and m.entity != donor]
            # "مساهمة قدرها 40 مليون يورو إلى صندوق تمويل الاستقرار": a fund given to
            in_clause = in_clause or [m.entity for m in view.mentions if q.end <= m.start < b
                                      and entity_class(m.entity, lex, parsed) == "Program"
                                      and (_preceded_by(view, m, trig.words("given_to")) or "ل" in proclitic(m, lex))]
            # "مساعدات ... لقوات البيشمركة تقدَّر قيمتها بنحو 415 مليون دولار"، "415 مليون دولار لتغطية رواتب
            # عناصر البيشمركة": a force or body of a state given to, or named in what the money is for
            purpose = _purpose(parsed, view, q)
            in_clause = in_clause or _bodies_helped(parsed, lex, view, q, a, b, trig.words("given_to") - _IN,
                                                    purpose is not None)
            # "لإعادة تأهيل شبكات المياه في الجانب الأيمن من الموصل": a city the money is for, when no state is
            in_clause = in_clause or [m.entity for m in cities if q.end <= m.start < b]
            # "جمع الصندوق ... نحو 1.6 مليار دولار"، "تلقى الصندوق مساهمة من مملكة هولندا": a fund named before
            # in full, named again by its common noun in the amount's clause
            in_clause = in_clause or _fund_named_again(parsed, lex, view, a, b, donor)
            if not in_clause and any(q.end <= t.start < b and t.norm in _THE_TWO for t in toks):
                in_clause = _pair_before(parsed, lex, view, q.start)  # "في البلدين": the two states named together before
            if not in_clause and kind in ("target", "shortfall"):
                # "تقدّر الحكومة العراقية احتياجاتها ... بأكثر من 88 مليار دولار": a government's needs
                in_clause = [c for m in view.mentions if a <= m.start < b
                             and entity_class(m.entity, lex, parsed) == "GovernmentBody"
                             and (c := _country_of(lex, m.entity)) and c != donor]
            same_sentence = prev.beneficiaries if prev is not None and prev.evidence.sentence == view.index else []
            earlier = [m.entity for m in places if m.end <= q.start and m.entity != donor and not q.start <= m.start < q.end]
            beneficiaries = in_clause or same_sentence or earlier or _purpose_clause_places(
                view, spans, q, money, places + cities, trig.words("purpose_words")) or supported \
                or prev_sentence_beneficiaries or (prev.beneficiaries if prev else [])
            beneficiaries = list(dict.fromkeys(b for b in beneficiaries if b != donor))
            years = [d.value[:4] for d in view.dates if d.value and d.start >= q.end and len(d.value) == 4]
            # "في عام 2022 وحده تجاوزت تعهدات الشركاء 440 مليون دولار": a year before the amount, not a bound
            # and "قدّمت في آب (أغسطس) 2018 مبلغ مئة مليون دولار": the year of a month or a day told before it
            years = years or [d.value[:4] for d in reversed(view.dates) if d.value and len(d.value) >= 4
                              and d.end <= q.start and not is_bound(parsed.doc.text, d)][:1]
            f = Funding(Evidence.of(view.sentence), f"funding/{kind}-word", kind=kind, amount=q.value,
                        currency=q.currency, qualifier=q.qualifier, donor=donor, beneficiaries=beneficiaries,
                        purpose=purpose, year=years[0] if years else None)
            parsed.facts.append(f)
            prev = f
        _givers_not_helped(parsed, view.index, supported or prev_sentence_beneficiaries, set(supported))
        prev_sentence_beneficiaries = supported or prev_sentence_beneficiaries
    _same_figure_told_twice(parsed)
    _donors_attend(parsed, lex)
    _corrected_where_told(parsed, wrong)


def _corrected_where_told(parsed: Parsed, wrong: list[tuple[int, Quantity]]) -> None:
    """A correction ("ورد في تحديث الساعة ١١:٣٠ أن ألمانيا تعهدت بـ٢٠٠ مليون يورو، والصحيح أن تعهدها بلغ ٢٠ مليون
    يورو") puts its right amount for the wrong one wherever the document told that: the figure told with the
    wrong amount by the same giver ("• ألمانيا: ٢٠٠ مليون يورو لإزالة الألغام في العراق") is the corrected one,
    with what it says of whom and what for, and is told once."""
    figures = parsed.facts_of(Funding)
    for sentence, q in wrong:
        right = [f for f in figures if f.evidence.sentence == sentence and f.currency == q.currency]
        told = [g for g in figures if g.evidence.sentence != sentence and g.amount == q.value
                and g.currency == q.currency and any(g.donor == f.donor for f in right)]
        for g in told:
            f = next(f for f in right if f.donor == g.donor)
            f.beneficiaries = f.beneficiaries or g.beneficiaries
            f.purpose = f.purpose or g.purpose
            parsed.facts.remove(g)
            figures.remove(g)


_NOT = frozenset({"لا", "ولا"})
_CONTRAST = frozenset(normalize(w) for w in ("فيما", "بينما", "وبينما"))
_CAPTION_LINES = 2  # how many lines before a table's heading row may give its currency ("الجدول (المبالغ باليورو)")


def _table_rows(parsed: Parsed, lex, trig) -> set[int]:
    """Figures of a table of grants: a heading row names its columns (the amount's, and who is helped, who
    gives, what for, its status); each row under it is one gift. The currency is the amount's own, or the
    one the amount column or a caption just above names ("الجدول (المبالغ باليورو)"); a row that is
    cancelled ("ملغى") or a total ("المجموع") is none. The kind is what the heading or caption says, else
    a pledge. Returns the sentences read as rows."""
    words = {name: trig.words(name) for name in ("table_amount", "table_helped", "table_giver", "table_purpose",
                                                 "table_status", "cancelled", "the_total")}
    all_views = views(parsed)
    rows: set[int] = set()
    heading: dict[str, int] | None = None
    currency: str | None = None
    kind = "pledge"
    for n, view in enumerate(all_views):
        cells = table_cells(view)
        if not cells:
            heading = None
            continue
        cell_words = [{w for t in in_cell(view, c) for w in strip_clitics(t.norm)} for c in cells]
        if heading is None or len(cells) != heading["width"]:
            columns: dict[str, int] = {}
            for name in ("table_giver", "table_amount", "table_helped", "table_purpose", "table_status"):
                i = next((i for i, w in enumerate(cell_words) if not words[name].isdisjoint(w)
                          and i not in columns.values()), None)
                if i is not None:
                    columns[name] = i
            if "table_amount" in columns and not any(q.value >= 1000 for q in view.quantities):
                heading = {**columns, "width": len(cells)}
                caption = all_views[max(0, n - _CAPTION_LINES):n + 1]
                a, b = cells[columns["table_amount"]]
                currency = currency_named(parsed.doc.text[a:b]) or next(
                    (c for v in reversed(caption) if (c := currency_named(v.sentence.text))), None)
                kinds = [k.entity for v in caption for k in trig.find("funding", v.tokens)]
                kind = kinds[-1] if kinds else "pledge"
            else:
                heading = None
            continue
        rows.add(view.index)
        first = next((w for w in cell_words if w), set())
        status = cell_words[heading["table_status"]] if "table_status" in heading else set().union(*cell_words)
        if not words["cancelled"].isdisjoint(status) or not words["the_total"].isdisjoint(first):
            continue
        amount = cells[heading["table_amount"]]
        money = [q for q in view.quantities if amount[0] <= q.start and q.end <= amount[1]]
        if not money:
            continue
        q = max(money, key=lambda q: q.value)
        code = q.currency or currency
        if code is None:
            continue
        givers = _named_in(parsed, lex, view, [cells[heading["table_giver"]]], _DONOR_CLASSES) \
            if "table_giver" in heading else []
        # who is helped: in its column, else anywhere in the row but the amount
        where = [cells[heading["table_helped"]]] if "table_helped" in heading else \
            [c for i, c in enumerate(cells) if i != heading["table_amount"]]
        helped = _named_in(parsed, lex, view, where, _BENEFICIARY_CLASSES | {"City"})
        purpose = None
        if "table_purpose" in heading:
            a, b = cells[heading["table_purpose"]]
            purpose = parsed.doc.text[a:b].strip() or None
        parsed.facts.append(Funding(Evidence.of(view.sentence), "funding/table-row", kind=kind, amount=q.value,
                                    currency=code, qualifier=q.qualifier, donor=givers[0] if givers else None,
                                    beneficiaries=[b for b in helped if b not in givers], purpose=purpose))
    return rows


def _named_in(parsed: Parsed, lex, view, where: list[tuple[int, int]], classes) -> list[str]:
    """The entities of ``classes`` named in the cells ``where``, in order, each once."""
    return list(dict.fromkeys(m.entity for m in view.mentions if any(a <= m.start < b for a, b in where)
                              and entity_class(m.entity, lex, parsed) in classes))


_ABOUT = normalize("عن")
_ANNOUNCED = tuple(normalize(w) for w in ("أعلن", "وأعلن", "يعلن", "تعلن", "ويعلن", "وتعلن"))


def _announced(view, spans, money: list, kinds: list) -> list[Match]:
    """"وأعلنت الولايات المتحدة بهذه المناسبة عن 17 مليون دولار": an amount right after "عن", announced by
    a verb of its clause with no word of funding in between, is pledged; the verb stands for that word."""
    out = []
    toks = view.tokens
    for q in money:
        i = view.token_at(q.start)
        if i < 2 or toks[i - 1].norm != _ABOUT:
            continue
        a = clause_of(spans, q.start)[0]
        verb = next((k for k in range(i - 2, -1, -1) if toks[k].start >= a and toks[k].norm.startswith(_ANNOUNCED)), None)
        if verb is not None and not any(toks[verb].start <= k.start < q.start for k in kinds):
            out.append(Match(verb, verb + 1, toks[verb].start, toks[verb].end, "pledge", "name"))
    return out


def _givers_not_helped(parsed: Parsed, sentence: int, fallback: list[str], supported: set[str]) -> None:
    """In a sentence of several givers ("تعهدت السعودية بمليار ونصف المليار دولار فيما أعلنت تركيا فتح خطوط
    ائتمان بقيمة خمسة مليارات دولار وأعلنت دولة قطر تقديم مليار دولار"), one who gives is not helped by
    another's gift, unless the sentence says it is ("للعراق"): the figure is for whom the sentences before
    said money was for."""
    figures = [f for f in parsed.facts_of(Funding) if f.evidence.sentence == sentence]
    all_givers = {f.donor for f in figures if f.donor is not None and f.kind == "pledge"}
    if len(all_givers) < 2:
        return
    givers = all_givers - supported
    for f in figures:
        if givers & set(f.beneficiaries) or not f.beneficiaries:
            f.beneficiaries = [b for b in f.beneficiaries if b not in givers] or \
                [b for b in fallback if b not in givers and b != f.donor]


_THAT_IT = frozenset(normalize(w) for w in ("أنها", "وأنها", "أنه", "وأنه", "بأنها", "بأنه"))


def _she_said_before(view, trigger, actors: list, lex) -> str | None:
    """"أن اليابان ... تسهم ...، وأنها قدمت": a word of giving right after "وأنها" is said of the state the
    sentence named right after an earlier "أن"."""
    toks = view.tokens
    k = view.token_at(trigger.start)
    if k == 0 or toks[k - 1].norm not in _THAT_IT:
        return None
    for m in reversed(actors):
        i = view.token_at(m.start)
        if m.end <= toks[k - 1].start and i > 0 and toks[i - 1].norm in _THAT and not _governed(view, m, lex):
            return m.entity
    return None


def _titles_in(parsed: Parsed, view) -> list[tuple[int, int]]:
    """The document offsets of the titles of the sentence's office-holders, as the text writes them."""
    out = []
    for f in parsed.facts_of(PersonRole):
        if f.evidence.sentence == view.index and f.role_ar and (k := view.sentence.text.find(f.role_ar)) >= 0:
            out.append((view.sentence.start + k, view.sentence.start + k + len(f.role_ar)))
    return out


def _fund_named_again(parsed: Parsed, lex, view, a: int, b: int, donor: str | None) -> list[str]:
    """The fund or programme named last in full before the clause ``a``..``b`` whose name opens with the common
    noun the clause names it by, with the article ("صندوق تمويل الاستقرار" ... "الصندوق")."""
    nouns = {w[2:] for t in view.tokens if a <= t.start < b for w in strip_clitics(t.norm)
             if w.startswith("ال") and len(w) > 4}
    if not nouns:
        return []
    for m in sorted((m for m in parsed.mentions if m.end <= b and m.how == "name" and m.entity != donor),
                    key=lambda m: -m.start):
        e = lex.get(m.entity)
        if e is not None and e.cls == "Program" and normalize(e.ar).split()[0] in nouns:
            return [m.entity]
    return []


def _same_figure_told_twice(parsed: Parsed) -> None:
    """A headline and the text tell one gift twice ("الكويت تقدم 30 مليون دولار لإغاثة النازحين" over
    "... اتفاقاً تسهم بموجبه بمبلغ 30 مليون دولار ... في العراق"): where one telling names the giver and not who is
    helped, and another of the same amount and currency the helped and not the giver, each takes what
    the other says (the giver is then no one helped)."""
    figures = parsed.facts_of(Funding)
    for f in figures:
        if f.donor is None or f.beneficiaries:
            continue
        for g in figures:
            if (g.donor is None and g.beneficiaries and g.amount == f.amount and g.currency == f.currency
                    and g.kind == f.kind and g.evidence.sentence != f.evidence.sentence):
                helped = [b for b in g.beneficiaries if b != f.donor]
                if helped:
                    g.donor, g.beneficiaries = f.donor, helped
                    f.beneficiaries = list(helped)
                    break


# Currencies of one state: with no giver named, money in them is that state's (when the document names it).
_NATIONAL_CURRENCY = {
    "CAD": "CAN", "AUD": "AUS", "GBP": "GBR", "JPY": "JPN", "EGP": "EGY", "SAR": "SAU", "QAR": "QAT", "OMR": "OMN",
    "KWD": "KWT", "AED": "ARE", "BHD": "BHR", "JOD": "JOR", "IQD": "IRQ", "TRY": "TUR", "CHF": "CHE", "NOK": "NOR",
    "SEK": "SWE", "DKK": "DNK", "CNY": "CHN", "KRW": "KOR", "INR": "IND", "NZD": "NZL", "MAD": "MAR", "DZD": "DZA",
    "TND": "TUN", "LYD": "LBY", "SDG": "SDN", "YER": "YEM", "IRR": "IRN", "BRL": "BRA",
}

# How many words after the amount its giver may be named ("مليون دولار مقدمة من اليابان").
_GIVEN_WITHIN = 3


def _giver_before(view, actors: list, q, lex) -> str | None:
    """The actor written right before an amount that has ب attached ("الكويت بملياري دولار"), or
    one joined by و to a list of givers ("، وقطر مليار دولار، والإمارات 500 مليون دولار"), or one
    that a colon sets before its amount, as in a list of pledges ("- الكويت: 10 ملايين دولار")."""
    i = view.token_at(q.start)
    if i == 0:
        return None
    text = view.sentence.text
    for m in actors:
        if view.token_at(m.end - 1) == i - 1 and "ل" not in (clitic := proclitic(m, lex)) and (
                view.tokens[i].surface.startswith("ب") or clitic.startswith("و")
                or text[m.end - view.sentence.start:q.start - view.sentence.start].strip() == ":"):
            return m.entity
    return None


_OF_IT = frozenset(normalize(w) for w in ("بها", "به", "بهما", "بهم"))


def _giver_of_it(view, kinds, actors: list, q, lex) -> str | None:
    """"50 مليون دولار تعهدت بها دولة الإمارات": a word of giving right after the amount, with بها pointing
    back to it, and the giver within two words after that."""
    i = view.token_at(q.end - 1)
    toks = view.tokens
    for k in kinds:
        t = view.token_at(k.start)
        if not (q.end <= k.start and t - i <= 2 and t + 1 < len(toks) and toks[t + 1].norm in _OF_IT):
            continue
        for m in actors:
            if m.start >= toks[t + 1].end and view.token_at(m.start) - (t + 1) <= 2 and not _governed(view, m, lex):
                return m.entity
    return None


def _in_a_title(view, m) -> bool:
    """Whether a name is inside «» with other words: a title ("«الوقوف مع سوريا»"), not the name quoted."""
    words = quoted_words(view, m.start)
    return words is not None and len(words) > len(m.surface.split())


# How many words may stand between a word of giving and the giver named after it ("قدمت اليوم الكويت").
_SUBJECT_WITHIN = 2


def _named_after(view, spans, actors: list, trigger, q, lex) -> str | None:
    """The actor named within a few words after a word of giving and before its amount, in its clause
    and with no ل or ب on it (those name who is given to: "قدمت للعراق")."""
    _, b = clause_of(spans, trigger.start)
    i = view.token_at(trigger.end - 1)
    bodies = triggers().words("body_nouns")
    # a state's body by its adjective counts as the state: "قدمت الحكومة اليابانية"
    # and the gift by its adjective: "عن مساهمة فرنسية جديدة بقيمة"
    named = actors + [m for m in view.mentions if m.how == "adjective" and (k := view.token_at(m.start)) > 0
                      and (view.tokens[k - 1].norm in bodies or k - 1 == i)]
    for m in sorted(named, key=lambda m: m.start):
        if trigger.end <= m.start < min(q.start, b) and view.token_at(m.start) - i <= _SUBJECT_WITHIN + 1 + (
                m.how == "adjective"):
            return m.entity if not {"ب", "ل"} & set(proclitic(m, lex)) else None
    return None


_THE_TWO = frozenset(normalize(w) for w in ("البلدين", "للبلدين", "بالبلدين", "والبلدين", "البلدان", "الدولتين",
                                             "للدولتين"))


def _pair_before(parsed: Parsed, lex, view, offset: int) -> list[str]:
    """The two states last named together ("العراق وسوريا") before ``offset``, in this sentence or earlier."""
    for v in reversed([v for v in views(parsed) if v.index <= view.index]):
        states = [m for m in v.mentions if m.how == "name" and m.start < offset
                  and entity_class(m.entity, lex, parsed) == "Country"]
        for x, y in reversed(list(zip(states, states[1:]))):
            joined = v.token_at(y.start) == v.token_at(x.end - 1) + 1 and proclitic(y, lex).startswith("و")
            if joined and x.entity != y.entity:
                return [x.entity, y.entity]
    return []


_PREPOSITIONS = frozenset(normalize(w) for w in ("مع", "عن", "من", "إلى", "على", "لدى", "بين", "ضد", "عبر", "في"))


def _governed(view, m, lex) -> bool:
    """Whether a name is governed by a preposition written apart (with, through, in ...) or carries ب or
    ل, so that it is not the subject of the clause. (meetings' ``_after_preposition`` asks another
    question, whether a name is where rather than who, and counts other words.)"""
    k = view.token_at(m.start)
    return (k > 0 and view.tokens[k - 1].norm in _PREPOSITIONS) or bool({"ب", "ل"} & set(proclitic(m, lex)))


def _state_of_person_before(view, lex, parsed, states: dict, offset: int) -> str | None:
    """The state of the last person named in the sentence before ``offset`` who may be the one speaking
    (not after a preposition: "وقال كيري، في مؤتمر مشترك مع جنتيلوني، ... إن بلاده"): the office the text
    gives him or her, else the one general knowledge does; with no person, the nationality of a speaker the
    sentence names by title alone ("الوزير البريطاني")."""
    for m in reversed(view.mentions):
        if m.end > offset or entity_class(m.entity, lex, parsed) != "Person":
            continue
        if _governed(view, m, lex):
            continue
        if m.entity in states:
            return states[m.entity]
        e = lex.get(m.entity)
        aff = _lexicon_role(e, parsed.doc.published)[2] if e is not None else None  # the office held then
        return aff if aff and entity_class(aff, lex, parsed) == "Country" else None
    # no person known: one the sentence describes by a title and a nationality ("قال الوزير البريطاني فالكونر
    # إن بلاده"), not a state named otherwise ("بعد لقائه رئيس الوزراء العراقي، أعلن الوزير أن بلاده")
    for m in reversed(view.mentions):
        if m.end > offset:
            continue
        i = view.token_at(m.start)
        if m.how == "adjective" and entity_class(m.entity, lex, parsed) == "Country" and i > 0 \
                and view.tokens[i - 1].norm in _SPEAKERS:
            return m.entity
        if entity_class(m.entity, lex, parsed) in ("Country", "Person"):
            break
    return None


# Who speaks, by title alone, before a nationality adjective ("الوزير البريطاني"، "المسؤول الأمريكي").
_SPEAKERS = frozenset(normalize(w) for w in ("الوزير", "الوزيرة", "المسؤول", "المسؤولة", "السفير", "السفيرة",
                                             "المتحدث", "الناطق", "المبعوث", "المندوب"))


def _body_state(view, offset: int, body_nouns: frozenset[str]) -> str | None:
    """The state whose adjective closes the name of a body that opens within a few words before it
    ("وزارة التعاون الاقتصادي والتنمية الألمانية"), the last such before ``offset``."""
    for m in reversed(view.mentions):
        if m.how != "adjective" or m.end > offset:
            continue
        i = view.token_at(m.start)
        if any(t.norm in body_nouns or (t.norm[:1] in "وف" and t.norm[1:] in body_nouns)  # "فوزارة"
               for t in view.tokens[max(0, i - 5):i]):
            return m.entity
        return None
    return None


_COST = frozenset(normalize(w) for w in ("كلفة", "تكلفة", "تكاليف", "بكلفة", "بتكلفة", "احتياجات"))
# the verb of costing, a few words before the amount (farther off, كلّف is "tasked")
_COST_VERBS = frozenset(normalize(w) for w in ("كلف", "وكلف", "كلفت", "وكلفت", "يكلف", "تكلف", "كلفه", "كلفها",
                                               "كلفنا", "كلفتها", "كلفته"))
_COST_VERB_REACH = 5
_ESTIMATED = frozenset(normalize(w) for w in ("قدر", "وقدر", "قدرت", "وقدرت", "يقدر", "تقدر", "ويقدر", "وتقدر",
                                              "تقديرات", "تقدير",
                                              # what something came to cost: "وبلغت كلفة الأعمال 23 مليون دولار"
                                              "بلغت", "وبلغت"))


def _estimated_cost(view, offset: int) -> bool:
    """Whether the sentence estimates what something costs or needs before ``offset`` ("قدّر البنك الدولي
    كلفة إعادة الإعمار بنحو ..."، "قدرت الحكومة احتياجات إعادة الإعمار بنحو ...") or tells what it came to
    cost ("وبلغت كلفة الأعمال 23 مليون دولار"): not money given or sought."""
    before = [t.norm for t in view.tokens if t.end <= offset]
    if any(w in _COST_VERBS for w in before[-_COST_VERB_REACH:]):
        return True  # "تأمين سيناء لوحده كلّف الدولة أكتر من 80 مليار جنيه": what it cost
    return any(w in _COST for w in before[-8:]) and any(w in _ESTIMATED for w in before)


def _enemy_before(view, lex, parsed, offset: int) -> bool:
    """Whether an armed group (or "التنظيم") is named in the sentence before ``offset``."""
    org = triggers().words("the_organisation")
    return any(entity_class(m.entity, lex, parsed) == "ArmedGroup" and m.start < offset for m in view.mentions) or \
        any(t.norm in org and t.end <= offset for t in view.tokens)


def _rebuilt(view, lex, parsed, trig) -> list[str]:
    """The places named right after a word of rebuilding ("لإعادة إعمار العراق")."""
    words = trig.words("rebuilding_of")
    out = []
    for m in view.mentions:
        i = view.token_at(m.start)
        if i > 0 and view.tokens[i - 1].norm in words and entity_class(m.entity, lex, parsed) in _BENEFICIARY_CLASSES:
            out.append(m.entity)
    return out


def _contributed_to(view, k, money, contributed: AbstractSet[str]) -> bool:
    """Whether a word of contributing says "contributed to" rather than "gave": the next amount after it is
    not given with ب, in the same words, right after it ("أسهمت الولايات المتحدة بـ108 ملايين دولار"، "ساهموا
    منذ عام 2015 بأكثر من مليار دولار"; not "وأسهمت عائدات النفط، التي تقدر بنحو 500 مليون دولار، في تمويل")."""
    if contributed.isdisjoint(strip_clitics(view.tokens[view.token_at(k.start)].norm)):
        return False
    q = next((q for q in money if q.start >= k.end), None)
    if q is None or view.token_at(q.start) - view.token_at(k.end - 1) > _CONTRIBUTION_WITHIN:
        return True
    s = view.sentence.start
    between = view.sentence.text[k.end - s:q.start - s]
    return any(c in between for c in "،,؛") or not (between.rstrip("ـ").endswith("ب")
                                                  or view.sentence.text[q.start - s] == "ب")


def _bodies_helped(parsed: Parsed, lex, view, q, a: int, b: int, given_to: AbstractSet[str],
                   for_a_purpose: bool) -> list[str]:
    """The bodies of a state and the partner forces an amount goes to, in its clause ``a``-``b``: with ل on
    them or after a word of giving to, or inside the words of purpose right after the amount (when
    ``for_a_purpose``: words of purpose follow it)."""
    purpose_end = q.end
    if for_a_purpose:  # the words of purpose run to the next comma
        rest = parsed.doc.text[q.end:view.sentence.end]
        purpose_end += min((k for k in (rest.find(s) for s in "،,.؛") if k >= 0), default=len(rest))
    out = []
    for m in view.mentions:
        if not a <= m.start < b or q.start <= m.start < q.end:
            continue
        cls = entity_class(m.entity, lex, parsed)
        e = lex.get(m.entity)
        if not (cls == "GovernmentBody" or (cls == "ArmedGroup" and e is not None and e.extra.get("coalition_partner"))):
            continue
        if "ل" in proclitic(m, lex) or _preceded_by(view, m, given_to) or q.end <= m.start < purpose_end:
            out.append(m.entity)
    return out


def _country_of(lex, key: str) -> str | None:
    e = lex.get(key)
    return e.extra.get("country") if e is not None else None


_PAID_REACH = 4  # how many words before an amount a word of paying for something (مكافأة) may stand
_PART_REACH = 4  # how many words before a bare amount "منها" may stand


def _money(view, lex, parsed) -> list:
    """Amounts with a currency; in a list of givers ("وقطر بمليار دولار، ثم السعودية بمليار ونصف
    المليار") an amount in the millions or more takes the currency of the sentence's last one."""
    out, currency = [], None
    donors = [m for m in view.mentions if _can_give(m, lex, parsed)]
    of_it = triggers().words("part_of_it")
    part = False  # the last amount was a part of the one before ("منها 90 مليوناً ... و10 ملايين")
    for q in view.quantities:
        i = view.token_at(q.start)
        before = view.tokens[i - 1].norm if i > 0 else ""
        # "جُمع منها حتى الآن قرابة 180 مليوناً": a part of the amount before, a few words after "منها"
        of_the_last = any(t.norm in of_it for t in view.tokens[max(0, i - _PART_REACH):i])
        if q.currency:
            currency, part = q.currency, False
            if q.value >= 1000:
                out.append(q)
        elif currency and q.value >= 1e6 and not q.ordinal and (
                _giver_before(view, donors, q, lex) or of_the_last
                or (part and view.tokens[i].surface.startswith("و"))):
            part = part or of_the_last
            out.append(replace(q, currency=currency))
    return out


def _topics(view, lex, topic: frozenset[str]) -> set[int]:
    """Where the names that a word of topic governs start ("على صعيد العراق وسوريا"، "بشأن سوريا"),
    the names joined to the first by و included."""
    out: set[int] = set()
    last = -2  # the token after the last topic name
    for m in sorted(view.mentions, key=lambda m: m.start):
        i = view.token_at(m.start)
        if (i > 0 and view.tokens[i - 1].norm in topic) or (i == last and proclitic(m, lex).startswith("و")):
            out.add(m.start)
            last = view.token_at(m.end - 1) + 1
    return out


_FROM = frozenset({"من"})
_TO = frozenset(normalize(w) for w in ("إلى", "الى"))


def _from_there_to(view, m, places, end: int) -> bool:
    """Whether a place is where people come from, a place they go to named after it: "لدعم برامج إعادة تأهيل
    العائدين من مخيم الهول إلى العراق" helps Iraq, not the camp."""
    i = view.token_at(m.start)
    if i == 0 or view.tokens[i - 1].norm not in _FROM:
        return False
    return any(m.end <= o.start < end and (k := view.token_at(o.start)) > 0 and view.tokens[k - 1].norm in _TO
               for o in places)


def _of_an_official(view, m, officials: AbstractSet[str]) -> bool:
    """An adjective of nationality on an official's title, right after it or after one more word of it
    ("السفير الأمريكي"، "المبعوث الرئاسي الأمريكي"): whose the official is, not a place helped."""
    i = view.token_at(m.start)
    return any(0 <= k < i and view.tokens[k].norm in officials for k in (i - 1, i - 2))


def _purpose_clause_places(view, spans, q, money, places, purpose: AbstractSet[str]) -> list[str]:
    """The places of the clause of purpose that follows an amount, past the clauses of more givers and
    amounts listed with it: "أعلنت هولندا عن مساهمة بقيمة 2.5 مليون يورو، والمملكة المتحدة عن مساهمة بقيمة
    1.8 مليون جنيه إسترليني، لدعم نقل الأدلة المحفوظة إلى السلطات العراقية"."""
    k = next((i for i, (a, b) in enumerate(spans) if a <= q.start < b), None)
    if k is None:
        return []
    for a, b in spans[k + 1:]:
        i = view.token_at(a)
        first = view.tokens[i].norm if i < len(view.tokens) else ""
        if first in purpose:  # (not where from: "العائدين من مخيم الهول")
            return [m.entity for m in places if a <= m.start < b and not _preceded_by(view, m, _FROM)]
        if not (first.startswith("و") and any(a <= o.start < b for o in money)):
            return []  # neither the purpose nor one more amount of the list
    return []


def _part_of_the_sum(view, q, the_sum: AbstractSet[str]) -> bool:
    """Whether an amount is said to be a part of a sum named before it: "من المبلغ"، "من هذه المساهمة"."""
    i = view.token_at(q.end - 1) + 1
    words = [t.norm for t in view.tokens[i:i + 3]]
    return words[:1] == ["من"] and (" ".join(words[1:2]) in the_sum or " ".join(words[1:3]) in the_sum)


def _preceded_by(view, m, words: AbstractSet[str]) -> bool:
    i = view.token_at(m.start)
    return i > 0 and view.tokens[i - 1].norm in words


def _supported_places(view, lex, parsed, support: frozenset[str]) -> list:
    """The mentions of places supported: after a word of support, with ل attached, or joined to one by و."""
    out = []
    last, last_end = -2, 0  # the token index after the last supported place, and where it ended
    chaired_by = triggers().words("chaired_by")
    for m in view.mentions:
        if entity_class(m.entity, lex, parsed) not in _BENEFICIARY_CLASSES:
            continue
        i = view.token_at(m.start)
        prev = view.tokens[i - 1].norm if i > 0 else ""
        # "في العراق وسوريا": a place joined with و to a supported one is supported too
        chaired = any(t.norm in chaired_by for t in view.tokens[max(0, i - 2):i])
        # ... but not across a comma: "لإعمار العراق، وهولندا 300 مليون دولار" starts the next giver
        clitic = proclitic(m, lex)
        joined = i == last and clitic.startswith("و") and not clause_break(parsed.doc.text, last_end, m.start)
        if prev in support or ("ل" in clitic and not chaired) or joined:
            out.append(m)
            last, last_end = view.token_at(m.end - 1) + 1, m.end
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


def _donors_attend(parsed: Parsed, lex) -> None:
    """A state that pledges money in a sentence about the meeting a report covers took part in it: "سيل من
    التعهدات: • الكويت: 10 ملايين دولار ..." in a live blog of the ministerial. Only in a report of a
    meeting held up to three days before it, not in one that recalls an earlier meeting."""
    main = main_meeting(parsed)
    if main is None or _days_before(main.start_date, parsed.doc.published) not in (0, 1, 2, 3):
        return
    have = {(f.meeting, f.actor) for f in parsed.facts_of(Participation)}
    for f in parsed.facts_of(Funding):
        if f.kind != "pledge" or not f.donor or entity_class(f.donor, lex, parsed) != "Country" \
                or (main.key, f.donor) in have or meeting_of(parsed, f.evidence.sentence) is not main:
            continue
        have.add((main.key, f.donor))
        parsed.facts.append(Participation(f.evidence, "funding/donor-attends", meeting=main.key, actor=f.donor,
                                          role="attendee"))
