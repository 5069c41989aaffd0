"""Steps ``meetings``, ``membership`` and ``coalition_size``: who met where and when, who joined, how big.

A meeting is read from a sentence that names one (اجتماع، لقاء، مؤتمر ...) or
says partners met (التقى، جمع ...) with a word of its kind (وزاري، المديرين
السياسيين، المجموعة المصغرة ...), in a document about the coalition. Its place
is the city (or region) named in the sentence, its date the date expression
there. Mentions of the same meeting within a document are merged when their
places and dates agree; across documents, meetings share an IRI when their
place and year agree (see :func:`meeting_key`).

Participants are the states, organisations and people in the scope of a role
word (استضاف، برئاسة، بحضور، شارك، مراقب ...), a person's state with them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date as _Day, timedelta as _Days
from typing import Sequence

from ..facts import CoalitionSize, Evidence, Join, Meeting, Parsed, Participation
from ..lexicon import Match
from ..pipeline import Context, step
from ..rdf import mint_key
from ..text import normalize, strip_clitics
from ..triggers import triggers
from .unasserted import error_half, quoted_claim, unasserted_sentences
from ._context import (LIST_ITEM, ACTOR_CLASSES, SentenceView, clause_of, clause_spans, dated_sections, definite,
                       cell_spans, entity_class, in_cell, is_media, negated_any, proclitic, punct_between,
                       quoted_words, views, within_a_state)

__all__ = ["meetings", "membership", "coalition_size", "meeting_key", "meeting_of", "main_meeting"]

_KIND_PRIORITY = ("small-group", "political-directors", "ministerial", "leaders", "other")
_LEVELS_APART = frozenset({frozenset({"political-directors", "ministerial"}), frozenset({"political-directors", "leaders"})})
_PARTICIPANT_CLASSES = ACTOR_CLASSES - {"WorkingGroup"}


def meeting_key(place: str | None, date: str | None, kind: str, doc_id: str) -> str:
    """A key for a meeting of one document; :mod:`graph.resolve` maps it to the IRI of the same
    meeting reported by another document."""
    return mint_key("meeting", doc_id, place or "", date or "", kind)


def _compatible(m: Meeting, place: str | None, date: str | None, end: str | None, virtual: bool) -> bool:
    if m.virtual != virtual and (place or m.place):
        return False
    if place and m.place and place != m.place:
        return False
    if date and m.start_date:
        n = min(len(date), len(m.start_date))
        if not (m.start_date[:n] <= (end or date)[:n] and date[:n] <= (m.end_date or m.start_date)[:n]):
            return False
    return True


def _doc_meetings(parsed: Parsed) -> list[Meeting]:
    return parsed.facts_of(Meeting)


def main_meeting(parsed: Parsed) -> Meeting | None:
    """The meeting the document is about: the first one dated near publication, else the first."""
    ms = _doc_meetings(parsed)
    if not ms:
        return None
    pub = parsed.doc.published
    if pub:
        for m in ms:
            if m.start_date and m.start_date[:7] == pub[:7]:
                return m
        for m in ms:
            if m.start_date and m.start_date[:4] == pub[:4]:
                return m
    return ms[0]


def _own_meeting(parsed: Parsed, sentence: int) -> str | None:
    """The key of the meeting a sentence tells or points to itself, if any (set by the meetings step)."""
    return getattr(parsed, "_sentence_meeting", {}).get(sentence)


def _meeting(parsed: Parsed, key: str | None) -> Meeting | None:
    """The document's meeting with ``key``, if any."""
    return next((m for m in parsed.facts_of(Meeting) if m.key == key), None) if key else None


def meeting_of(parsed: Parsed, sentence: int) -> Meeting | None:
    """The meeting a sentence speaks of: its own, else the document's main meeting, unless the sentence
    tells that one only in passing, as an earlier event."""
    own = _meeting(parsed, _own_meeting(parsed, sentence))
    if own is not None:
        return own
    main = main_meeting(parsed)
    if main is not None and any(k == main.key for _, k in getattr(parsed, "_passing_meetings", {}).get(sentence, ())):
        return None
    return main


@step("meetings", in_genre=True)
def meetings(parsed: Parsed, ctx: Context) -> None:
    """Meetings and their participants."""
    lex = ctx.lexicon
    trig = triggers()
    found: list[Meeting] = []
    sentence_meeting: dict[int, Meeting | None] = {}
    other_events: set[int] = set()
    previous: SentenceView | None = None
    passing: dict[int, list[tuple[int, Meeting]]] = {}  # sentence -> the meetings it tells only in passing, and where
    cut_meetings: dict[int, list[tuple[int, Meeting | None]]] = {}  # sentence -> where a clause on another meeting starts
    other_body = False  # whether the text has told another body's meeting
    anchored: dict[int, list[tuple[int, Meeting]]] = {}  # sentence -> each meeting told there, and where
    not_a_meeting, coalition_words = trig.words("not_a_meeting"), trig.words("coalition_words")
    the_organisation, met = trig.words("the_organisation_itself"), trig.words("met")
    deliberated = trig.words("deliberated")
    listed = _listed_meetings(parsed, lex, trig, found)
    listed.update(_table_meetings(parsed, lex, trig, found))
    sentence_meeting.update(listed)
    sections = dated_sections(parsed, lex)
    section_meetings: dict[int, Meeting] = {}  # a timeline entry's heading -> the meeting the entry told first
    unasserted = unasserted_sentences(parsed)
    form = _form_fields(parsed, lex, trig)
    opened: list[Meeting] = []  # meetings told opening, in the lead, with no date
    for view in views(parsed):
        toks = view.tokens
        before, previous = previous, view
        if view.index in listed or view.index in unasserted:
            continue  # (a question, a claim quoted or an error a correction restates tells no meeting)
        nouns = [m for m in trig.find("meeting_nouns", toks) if not (m.j < len(toks) and toks[m.j].norm in not_a_meeting)]
        if nouns and "«" in view.sentence.text:
            # "منشورات تزعم ... وأنه «عقد اجتماعاً طارئاً في بغداد»": a meeting inside a claim the text quotes
            nouns = [m for m in nouns if not quoted_claim(view.sentence, toks, m.start)]
        # "كان من المقرر أن يجتمع المديرون السياسيون ...، لكن الاجتماع أُرجئ": a meeting put off, whatever
        # told it before in the sentence
        put_off = next((m.start for m in nouns if m.j < len(toks) and toks[m.j].norm in trig.words("not_held")), None)
        # and "بعد إرجاء الاجتماع الوزاري الموسع الذي كان يرتقب عقده في روما": what the clause on the meeting
        # put off says of it
        unheld = [m for m in nouns if _not_held(view, m, trig)]
        nouns = [m for m in nouns if m not in unheld and (put_off is None or m.start > put_off)]
        others = [m for m in nouns if _of_another_body(view, m, lex, parsed)]
        if nouns and any(_strip_conj(toks[k].norm) in trig.words("held") and toks[k + 1].norm in trig.words("legislatures")
                         for k in range(min(3, len(toks) - 1))):
            others = list(nouns)  # "عقدت لجنة الأمن والدفاع النيابية ... جلسة استماع": the committee met
        if others or (not found and other_body):
            # "ويأتي الاجتماع بعد أسابيع من ...": "the meeting" named again after another body's, before
            # any of the coalition's, is that body's
            others += [m for m in nouns if m not in others and _anaphoric(view, m, trig)]
        other_body = other_body or bool(others)
        nouns = [m for m in nouns if m not in others]
        # "... الاجتماع الأول لمجلس وزراء دفاع دول التحالف الإسلامي، الذي انعقد تحت شعار ...": a verb after
        # another body's meeting tells that meeting
        # (not one on whose sidelines they met: "وعلى هامش قمة حلف شمال الأطلسي في ويلز، اجتمع وزراء ...")
        verbs = [v for v in trig.find("meeting_verbs", toks)
                 if not any(o.start < v.start and not _on_the_sidelines(view, o) for o in others)
                 and not _not_held(view, v, trig) and not _organised_by_another(view, v.j, 10)
                 and (put_off is None or v.start > put_off)
                 and not any(u.start < v.start and _in_its_relative_clause(view, u, v) for u in unheld)]
        # verbs and bare verbal nouns of adopting: not a word with the article ("مدينة الصدر"، "الاعتماد على")
        outcomes = [o for o in trig.find("meeting_outcomes", toks) if not definite(toks[view.token_at(o.start)])]
        if not (nouns or verbs or outcomes):
            continue
        kinds_all = trig.find("meeting_kinds", toks)
        # the coalition, one of its bodies, or ISIS itself: talks on the war against it are the
        # coalition's even where it is not named (the Jeddah talks of September 2014 founded it)
        if _unlinked(view, lex, parsed, coalition_words):
            # "القوة المشتركة لمجموعة دول الساحل الخمس، وهي إطار ... أُطلق في قمة باماكو ... ولا صلة تنظيمية له
            # بالتحالف": the sentence tells another body's meeting
            other_events.add(view.index)
            continue
        coalition = any(entity_class(m.entity, lex, parsed) in ("Coalition", "CoalitionBody", "WorkingGroup")
                        or ((e := lex.get(m.entity)) is not None and e.extra.get("threat") == "isis") for m in view.mentions
                        ) or any(t.norm in coalition_words for t in toks)  # "في تحالف بات يضم"
        # "اجتماع جدة ... ضد التنظيم": a meeting named by its city, on the war against "the organisation"
        # (or "اجتماع في مدينة جدة" with its date: "• 11 أيلول 2014: اجتماع في مدينة جدة ... تمويل التنظيم")
        spans = clause_spans(view.sentence.text, view.sentence.start)
        # (or "في 11 أيلول/سبتمبر، استضافت مدينة جدة اجتماعاً ... بمواجهة التنظيم": a city that hosted it, and when)
        coalition = coalition or (any(t.norm in the_organisation for t in toks)
                                  and any(_named_by_venue(view, n, lex, parsed)
                                          or (view.dates and _venue_right_after(view, spans, n, lex, parsed))
                                          for n in nouns)) or (
            any(t.norm in the_organisation for t in toks) and bool(nouns) and bool(view.dates)
            and _venue_hosts(view, lex, parsed, trig.find("meeting_hosts", toks)))
        if form is not None and nouns and view.index < form[0]:
            coalition = True  # "محضر اجتماع" over "تاريخ الانعقاد: ..." in a form of the coalition's or its group's
        # "المبادئ التوجيهية التي تم تبنيها في مدينة الكويت في شباط 2018": adopted at a meeting
        nouns = nouns + [o for o in outcomes
                         if _venue_and_date_in_clause(view, lex, parsed, spans, o.start) and not _claimed_by(view, o, lex, parsed)]
        if not (nouns or (verbs and kinds_all)):
            # "وقد اجتمعت [مجموعة التركيز] في 15 تشرين الثاني 2023 في كوتونو": a body of the coalition met
            verbs = [v for v in verbs if toks[view.token_at(v.start)].norm in met
                     and _met_where_and_when(view, lex, parsed, spans, v)]
            if not (verbs and any(entity_class(m.entity, lex, parsed) in ("Coalition", "CoalitionBody", "WorkingGroup")
                                  for m in view.mentions)):
                continue
            coalition = True
        # "التقى وزراء ...، أمس الثلاثاء، في باريس، في اجتماع خُصص لمراجعة ...": the verb that opens the
        # sentence tells the meeting; "في اجتماع" after it only says what it was for
        opener = next((v for v in verbs if view.token_at(v.start) <= 1 and toks[view.token_at(v.start)].norm in met), None)
        # "بينما كانت القوات تتقدم أمس ...، اجتمع في باريس وزراء الدفاع ...، في لقاء ترأسه ...": "في لقاء"
        # after the verb of meeting only says what kind of meeting it was, wherever the verb stands
        told = opener or next((v for v in verbs if toks[view.token_at(v.start)].norm in met
                               and all(n.start > v.start for n in nouns)), None)
        if told is None and nouns:
            # "بحث وزراء خارجية 23 دولة ...، أمس، في العاصمة الإيطالية روما، ...، في اجتماع ترأسه ...": a verb
            # of deliberation opening the sentence tells the meeting as a verb of meeting does
            k0 = next((k for k in range(min(2, len(toks))) if toks[k].norm in deliberated), None)
            if k0 is not None:
                told = Match(k0, k0 + 1, toks[k0].start, toks[k0].end, "deliberated", "name")
        if told is not None and nouns and all(view.token_at(n.start) > 0 and toks[view.token_at(n.start) - 1].norm == "في"
                                             and n.start > told.start for n in nouns):
            nouns = []
            verbs = [told]
        elif opener is not None and nouns and all(clause_of(spans, n.start) != clause_of(spans, opener.start) for n in nouns):
            # "حين اجتمع الرؤساء المشاركون ...، يوم الأربعاء 26 أكتوبر في نيامي، كان ذلك أول اجتماع للمجموعة
            # ...": the verb that opens the sentence tells a meeting of its own clauses
            nouns = [opener] + nouns
        back = {n.start for n in nouns if _anaphoric(view, n, trig)}  # nouns that point back (verbs never do)
        if told is not None and nouns and told not in nouns and toks[view.token_at(told.start)].norm in met and all(
                n.start in back and n.start > told.start and not any(
                    0 < view.token_at(k.start) - view.token_at(n.end - 1) <= 2 for k in kinds_all) for n in nouns):
            # "في 11 أيلول 2014، اجتمع في مدينة جدة ... وزراء خارجية ...، فيما حضرت تركيا الاجتماع": the verb tells
            # the meeting that "الاجتماع" after it names again
            nouns = [told] + nouns
        if not (coalition or any(k.entity != "other" for k in kinds_all)) and nouns and view.dates and any(
                _is_venue(m.entity, lex, parsed) for m in view.mentions) and _goes_on_about_it(parsed, view, lex, trig):
            # "لم يكن اللقاء الذي احتضنته قاعدة أندروز ... أمس الثلاثاء، اجتماعاً عابراً. فللمرة الأولى ...
            # تنظيم الدولة ...، جلس قادة جيوش ... في اجتماع ...": the next sentence tells the same meeting, the war on ISIS
            coalition = True
        if not coalition and nouns and _timeline_entry(view, lex, parsed, spans, nouns):
            coalition = True  # "• 11 أيلول/سبتمبر 2014 - جدة: اجتماع استضافته السعودية ...": a station of its history
        section = sections.get(view.index)
        if nouns and section is not None and (told_here := section_meetings.get(id(section[0]))) is not None and (
                len(back) == len(nouns) or (not kinds_all and all(definite(toks[view.token_at(n.start)]) for n in nouns))):
            sentence_meeting.setdefault(view.index, told_here)  # "تركيا تحضر الاجتماع": the entry's meeting
            continue
        if not (coalition or any(k.entity != "other" for k in kinds_all)):
            # "وترأس الاجتماع بالاشتراك وزير الخارجية البريطاني ...": "the meeting" named again
            # with its article or a demonstrative is the one the report is about, not another event
            if not (nouns and len(back) == len(nouns)):
                other_events.add(view.index)
            continue
        spans, cuts = _split_at_named_meetings(view, spans, nouns, kinds_all)
        hosts = trig.find("meeting_hosts", toks)
        hosted = bool(hosts)
        # "حضورياً وافتراضياً": a hybrid meeting still met somewhere
        # (not one who took part from afar: "اجتمعت في باريس المجموعة المصغرة ...، فيما شارك كيري عن بعد")
        online = [] if any(t.norm in trig.words("in_person") for t in toks) else [
            v for v in trig.find("virtual", toks) if not _from_afar(view, v, spans)]
        anchors, clauses_seen = [], set()
        made_here: list[Meeting] = []
        # one anchor a clause, and one that names a meeting before one that points back:
        # "أعلنت استضافتها لهذا الاجتماع خلال اجتماع المديرين السياسيين ... في لاهاي"
        # ("الاجتماع الوزاري" says its kind: it names a meeting as much as "لمؤتمر إعادة الإعمار" after it)
        kinded = {n.start for n in nouns if any(0 < view.token_at(k.start) - view.token_at(n.end - 1) <= 2 for k in kinds_all)}
        for a in sorted(nouns or verbs, key=lambda m: (clause_of(spans, m.start), m.start in back - kinded, m.start)):
            c = clause_of(spans, a.start)
            if c not in clauses_seen:
                clauses_seen.add(c)
                anchors.append(a)
        for a in anchors:
            c0, c1 = clause_of(spans, a.start)
            # of two meetings in two clauses, the one whose clause says it met online ("تحدد في اجتماع افتراضي
            # للمديرين السياسيين في تموز، وأن آخر اجتماع وزاري للتحالف عُقد في الرياض")
            # (a meeting named again, "في استضافة الاجتماع", is the one that met online)
            # (not one named again with its kind: "على طاولة الاجتماع الوزاري للتحالف المقرر في كوبنهاغن")
            virtual = bool(online) and (len(anchors) == 1 or (a.start in back and a.start not in kinded)
                                        or any(c0 <= v.start < c1 for v in online))
            if a.start in back:  # "ويشارك في هذا الاجتماع ممثلو ... المجموعة المصغرة": who, not which
                at = view.token_at(a.end - 1)
                kinds = [k.entity for k in kinds_all if 0 < view.token_at(k.start) - at <= 2]
            else:
                # a cut clause's kind is its own; so is the kind in another meeting word's clause ("وحددت
                # المجموعة موعد اجتماعها المقبل في الأردن، بعدما رفعت توصياتها إلى الاجتماع الوزاري")
                kinds = [k.entity for k in kinds_all if c0 <= k.start < c1] or (
                    [] if cuts else [k.entity for k in kinds_all if not any(
                        x <= k.start < y for x, y in (clause_of(spans, o.start) for o in anchors if o is not a))])
            i0 = view.token_at(a.start)
            if not kinds and a.start in cuts and i0 > 0 and toks[i0 - 1].norm in _SINCE:
                # "أول اجتماع وزاري موسع للتحالف منذ اجتماع واشنطن": the first of its kind since the other
                kinds = [k.entity for k in kinds_all if clause_of(spans, a.start - 1)[0] <= k.start < a.start]
            kind = next((k for k in _KIND_PRIORITY if k in kinds), "other")
            if kind == "other" and strip_clitics(toks[view.token_at(a.start)].norm)[-1] in trig.words("summit") \
                    and _named_by_venue(view, a, lex, parsed):
                kind = "leaders"  # "خلال قمة نيويورك": a summit named by its city ("قمة العشرين" is none)
            # (with a clause cut before another meeting, a host word there is that meeting's)
            hosted_here = hosted and ((a is anchors[0] and not any(h.start >= c for h in hosts for c in cuts))
                                      or any(c0 <= h.start < c1 for h in hosts))
            elsewhere = [clause_of(spans, o.start) for o in anchors if o is not a]
            place = None if virtual else (_place(view, lex, parsed, a.start, spans, hosted_here, bool(cuts), elsewhere)
                                          or _country_venue(view, lex, parsed, a, kinds_all))
            form_place = form[1] if form is not None and view.index < form[0] and not place and not virtual else None
            place = place or form_place
            if place and a.start in back and not hosted_here and not form_place and (not _said_where(view, place, lex) or all(
                    _quoted(view, m.start) for m in view.mentions if m.entity == place)):
                # "افتتح ... الاجتماع بكلمة قال فيها إن التحالف بات على أبواب الموصل"، "وقال بعد الاجتماع إن «ما
                # رأيناه في مدريد يذكرنا ...»": no venue
                place = None
            named = [n.start for n in nouns if n.start > a.start and n.start not in back]
            # (a meeting named by its city dates itself from no clause of another meeting: "استضافة الرياض للاجتماع
            # الوزاري في 19 ذو القعدة 1444هـ، ...، مرحباً ... بانضمام كوت ديفوار خلال اجتماع كوبنهاغن")
            others = [n.start for n in nouns if n.start != a.start] if _named_by_venue(view, a, lex, parsed) else []
            date, end_date = _lasting(view, trig, *_date(view, a.start, spans, lex, parsed, place, cuts, named, others))
            if form is not None and view.index < form[0] and not date:
                date, end_date = form[2], None
            if section is not None and (a.start not in back or kinds):
                # a timeline's entry under "11 أيلول 2014 – جدة": its heading dates and places what it tells
                if not date:
                    date, end_date = section[0].value, section[0].end_value
                if section[1] and not virtual and (place is None or (
                        (e := lex.get(section[1])) is not None and e.extra.get("country") == place)):
                    place = section[1]  # (a city of the state the entry names: "المملكة العربية السعودية تستضيف")
            if date and a.start in back and parsed.doc.published and date[:7] > parsed.doc.published[:7] and any(
                    d.value == date and _quoted(view, d.start) for d in view.dates):
                # "عقب الاجتماع ... «ستنهي مهامها في سبتمبر من العام المقبل»": the meeting named again was held;
                # a month to come, in what someone said, is something else's
                date = end_date = None
            # "ويأتي اجتماع بروكسل بعد ...": the meeting itself is what comes; the sentence before dates it
            # only when that sentence tells a meeting ("واجتمع ممثلو دول التحالف أمس في بروكسل")
            itself = view.token_at(a.start) <= 1
            if not date and before is not None and toks and toks[0].norm in trig.words("came") and (
                    not itself or trig.find("meeting_nouns", before.tokens) or trig.find("meeting_verbs", before.tokens)):
                # "أعلن التحالف، أمس الثلاثاء، انضمام ... وجاء الإعلان خلال اجتماع افتراضي": when what
                # the sentence before reported happened
                dated = [d for d in before.dates if d.value and not _since(before, d)]
                if dated:
                    date, end_date = dated[0].value, dated[0].end_value
            i_a = view.token_at(a.start)
            distal = (i_a > 0 and toks[i_a - 1].norm in _DISTAL) or (
                i_a + 1 < len(toks) and toks[i_a + 1].norm in _SAME)  # "وفي الاجتماع نفسه رُحّب ببوركينا فاسو"
            if a.start in back and distal:
                # "ومن ذلك اللقاء انطلق التحالف ...، الذي يضم اليوم 87 عضواً": "that meeting" is one told before,
                # whatever else the sentence dates or places
                place = date = end_date = None
                kinds = []
            if not (place or date or kinds) and a.start in back:
                # (not "ويأتي الاجتماع بعد ...": a sentence that places the meeting in time speaks of the report's)
                earlier: tuple | None = None  # (venue, date) of the sentence before
                if before is not None and before.index not in sentence_meeting and view.token_at(a.start) <= 1 \
                        and not (toks and toks[0].norm in trig.words("came")):
                    earlier = _told_before(before, lex, parsed)
                if before is not None and earlier is not None:
                    # "حين جلس الوزيران ... يوم الثلاثاء التاسع من أيار ... في كوبنهاغن. فالاجتماع الذي
                    # ترأساه ...": the meeting the sentence before told without a meeting word
                    m = _merge_or_new(found, view, kind, earlier[0], earlier[1].value, earlier[1].end_value, False)
                    sentence_meeting.setdefault(before.index, m)
                    sentence_meeting.setdefault(view.index, m)
                    continue
                if distal and (told_last := next(
                        (sentence_meeting[k] for k in sorted(sentence_meeting, reverse=True)
                         if k < view.index and sentence_meeting[k] is not None), None)) is not None:
                    # "استضافت الكويت ... يوم 13 فبراير 2018 الاجتماع الوزاري ... وأقر الوزراء في ذلك الاجتماع
                    # ...": "that meeting" is the one told last, not the one the report is about
                    sentence_meeting.setdefault(view.index, told_last)
                    continue
                # "وشارك في الاجتماع ممثلو ...": the meeting the report is about (settled below)
                sentence_meeting.setdefault(view.index, None)
                continue
            if not (place or date or virtual) and _any_or_later(view, a, trig):
                # "أن يصبح التحالف نادياً للاجتماعات"، "في جلسة لاحقة لم يحدد موعدها"، "من الاجتماعات الوزارية إلى
                # المعارك الكبرى"، "الاجتماع المقبل للمديرين السياسيين ... لم يحسم مكانه بعد": none held, or
                # meetings in general
                continue
            if place:
                place = _city_of_the_same_meeting(found, place, date, end_date, virtual, lex)
            # a meeting word the clause is cut before is another meeting than the sentence's others
            # ("الاجتماع الثامن عشر لمجموعة مكافحة تمويل داعش عشية الاجتماع الوزاري"); with neither place
            # nor date it is only named here, and told where the text says more of it
            if a.start in cuts and not (place or date or virtual):
                cut_meetings.setdefault(view.index, []).append((a.start, None))  # its roles are nobody's
                continue
            m = _merge_or_new(found, view, kind, place, date, end_date, virtual, made_here if a.start in cuts else (),
                              same_first=_predicate(view, view.token_at(a.start)))
            made_here.append(m)
            anchored.setdefault(view.index, []).append((a.start, m))
            if not date and place and view.index <= _LEAD_SENTENCES and _opens(view, a):
                opened.append(m)
            if section is not None:
                section_meetings.setdefault(id(section[0]), m)
            if a.start in cuts:
                cut_meetings.setdefault(view.index, []).append((a.start, m))
            if _after_in_clause(spans, _reference_points(view), a.start) or (
                    i0 > 0 and toks[i0 - 1].norm in _SINCE and a is not anchors[-1]):
                # "..., بعدما كان يضم ستين دولة حين عقد وزراؤه اجتماعهم الأول في بروكسل": a meeting told in
                # passing, in a clause on an earlier event, is not what the sentence reports; nor is one the
                # sentence counts from ("ومنذ اجتماع الرياض لم يعقد ...، ومنها اجتماع ... في مدريد")
                passing.setdefault(view.index, []).append((a.start, m))
            else:
                sentence_meeting.setdefault(view.index, m)
    # "وشارك في إحدى جلساته ممثلون عن ..."، "وأعلن خلاله انضمام ...": a pronoun on a meeting's sessions
    # or time points to the meeting the sentence before told
    last, sessions = None, trig.words("its_sessions")
    for view in views(parsed):
        if view.index in sentence_meeting:
            last = sentence_meeting[view.index] or last
        elif last is not None and any(t.norm in sessions for t in view.tokens):
            sentence_meeting[view.index] = last
    # "مراكش، الأربعاء 11 ماي 2022": the day a dateline gives dates the meeting there the report tells first
    filed_at = getattr(parsed, "_dateline_at", None)
    filed = None if filed_at is None else next(
        (d.value for v in views(parsed) if v.sentence.start <= filed_at < v.sentence.end
         for d in v.dates if d.value and len(d.value) == 10), None)
    for m in found:
        if m.place is None and not m.virtual:
            m.place = _sidelines_place(parsed, m, found)
    for m in opened:
        if m.start_date is None and parsed.doc.published and len(parsed.doc.published) == 10:
            # "عاجل | انطلاق اعمال اجتماع المديرين السياسيين ... في مدينة الكويت": opening on the report's own
            # day, when nothing else in the text dates it
            m.start_date = parsed.doc.published
    for m in found:
        if m.place is None and not m.virtual and parsed.dateline and _days_before(m.start_date, parsed.doc.published) in (0, 1, 2):
            m.place = parsed.dateline  # "الصخيرات (و.م.ع) - انطلقت، اليوم الثلاثاء ... أشغال الاجتماع": filed from where it met
        if filed and m is found[0] and m.start_date is None and m.place is not None and m.place == parsed.dateline \
                and not m.virtual:
            m.start_date = filed  # (the first meeting the report tells, held where it was filed from)
        m.key = meeting_key(m.place, m.start_date, m.kind, parsed.doc.id)
        m.label = _label(m, lex)
    parsed.facts.extend(found)
    main = main_meeting(parsed)
    if main is None:
        return
    parsed._sentence_meeting = {i: m.key if m else None for i, m in sentence_meeting.items()}  # type: ignore[attr-defined]
    parsed._passing_meetings = {i: [(at, m.key) for at, m in ms] for i, ms in passing.items()}  # type: ignore[attr-defined]
    parsed._anchored_meetings = {i: [(at, m.key) for at, m in ms] for i, ms in anchored.items()}  # type: ignore[attr-defined]
    # a sentence that names no meeting speaks of the main one only in a report of it, which tells it
    # in its opening sentences; a meeting named in passing further down has no speakers elsewhere
    told = min((i for i, m in sentence_meeting.items() if m is main), default=None)
    # (not a meeting years before the report, which tells it as history: "وفي الخامس من أيلول 2014 ... اجتمع
    # وزراء عشر دول" in a feature of 2024 is no report of that meeting)
    # (nor is a headline that names the meeting with neither place nor date, "كلمة الوزير في الجلسة الافتتاحية للاجتماع
    # الوزاري للتحالف", far from the sentence that tells it: a speech's salutations come between)
    subject = told is not None and (told <= _LEAD_SENTENCES or (0 in sentence_meeting and sentence_meeting[0] is None)) \
        and not _long_before(main.start_date, parsed.doc.published)
    for view in views(parsed):
        if view.index in other_events:
            continue
        meeting = sentence_meeting.get(view.index) or (main if subject else None)
        if meeting is not None:
            _participants(parsed, ctx, view, meeting, cut_meetings.get(view.index, ()))


def _sidelines_place(parsed: Parsed, m: Meeting, found: list[Meeting]) -> str | None:
    """Where a meeting held on the sidelines of another met: "يُعقد على هامش الاجتماع، صباح الأربعاء 16 تشرين
    الأول، اجتماع تقني لمجموعة عمل الاتصالات" meets where the meeting of the day before did (a placed meeting
    of the document within three days of it)."""
    view = next((v for v in views(parsed) if v.index == m.evidence.sentence), None)
    if view is None or not any(t.norm in _SIDELINES and k and view.tokens[k - 1].norm == _ON
                               for k, t in enumerate(view.tokens)):
        return None
    return next((o.place for o in found if o is not m and o.place and not o.virtual and o.start_date
                 and (gap := _days_before(m.start_date, o.start_date)) is not None and abs(gap) <= 3), None)


_ON = normalize("على")


# The sentences (title and dateline included) within which a report tells the meeting it is about.
_LEAD_SENTENCES = 6


_SINCE = frozenset({"منذ", "ومنذ"})
_DAY_AROUND = {normalize("غداة"): -1, normalize("عشية"): 1}
_LINK = frozenset(normalize(w) for w in ("صلة", "علاقة"))
_NO = frozenset(normalize(w) for w in ("لا", "ولا"))


_QAD = normalize("قد")
_TO_QUOTED = re.compile(r"\s*لـ?\s*[«\"“]")


def _to_the_press(parsed: Parsed, lex, view, speaker) -> bool:
    """Whether what ``speaker`` says is told to an outlet named right after the name: a quoted name after ل
    ("لـ«فسانيا»"), or a news agency or paper the lexicon knows ("لوكالة الأنباء الفرنسية")."""
    text = parsed.doc.text
    if _TO_QUOTED.match(text, speaker.end):
        return True
    k = view.token_at(speaker.end - 1) + 1
    return any(view.token_at(m.start) == k and is_media(m.entity, lex) and "ل" in proclitic(m, lex)
               for m in view.mentions)


def _unlinked(view, lex, parsed, coalition_words) -> bool:
    """Whether the sentence says there is no link with the coalition: "ولا صلة تنظيمية له بالتحالف"، "لا علاقة
    لها بالتحالف الدولي" (the coalition named within three words after صلة or علاقة)."""
    toks = view.tokens
    for k in range(1, len(toks)):
        if toks[k].norm in _LINK and toks[k - 1].norm in _NO:
            near = toks[k + 1:k + 4]
            return any(not coalition_words.isdisjoint(strip_clitics(t.norm)) for t in near) or any(
                entity_class(m.entity, lex, parsed) == "Coalition" and near and near[0].start <= m.start <= near[-1].start
                for m in view.mentions)
    return False


_DISTAL = frozenset(normalize(w) for w in ("ذلك", "تلك", "وذلك", "وتلك"))
_AS = normalize("بصفة")  # "بصفة مراقب": in the capacity of
_SAME = frozenset(normalize(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها"))
# nouns whose first letter is و, not the conjunction: "، وزراء خارجية ..." opens no next item of a list
_W_NOUNS = frozenset(normalize(w) for w in ("وزير", "وزيرة", "وزراء", "وفد", "وفود", "وكيل", "وكالة", "ولي", "والي",
                                            "وسائل", "وحدات", "وحدة", "وثيقة", "وزارة", "وزارات",
                                            # not "and": "، وفق بيان نشرته وزارة الخارجية"، "، وسط إجراءات ..."
                                            "وفق", "وفقا", "وسط"))


_HEADING_WORDS = 6


def _listed_meetings(parsed: Parsed, lex, trig, found: list[Meeting]) -> dict[int, Meeting]:
    """Meetings listed under a heading that names them, an item each that opens with its venue and date:
    "الاجتماعات الوزارية" on a line, then "- لندن، 22 كانون الثاني/يناير 2015: اجتماع وزاري ..." and
    "- الكويت، 13 شباط/فبراير 2018: بضيافة دولة الكويت." (the heading's kind unless the item says its
    own). Gives the items' sentences and their meetings."""
    out: dict[int, Meeting] = {}
    heading_kinds: list[str] | None = None  # the kinds the heading over the items names, while items go on
    for view in views(parsed):
        text = view.sentence.text.strip()
        if not LIST_ITEM.match(view.sentence.text):
            heading_kinds = None
            nouns = trig.find("meeting_nouns", view.tokens)
            if (nouns and len(view.tokens) <= _HEADING_WORDS and text[-1:] not in ".،؟!"
                    and not any(_of_another_body(view, n, lex, parsed) for n in nouns)):
                heading_kinds = [k.entity for k in trig.find("meeting_kinds", view.tokens)]
            continue
        if heading_kinds is None or not view.tokens or not view.mentions:
            continue
        first = min(view.mentions, key=lambda m: m.start)
        colon = text.find(":")
        head_end = view.sentence.start + len(view.sentence.text) - len(view.sentence.text.lstrip()) + colon
        if (colon < 0 or view.token_at(first.start) != 0
                or not (_is_venue(first.entity, lex, parsed) or entity_class(first.entity, lex, parsed) == "Country")
                or not any(first.end < d.start < head_end and d.value for d in view.dates)):
            continue
        d = next(d for d in view.dates if first.end < d.start < head_end and d.value)
        own = [k.entity for k in trig.find("meeting_kinds", view.tokens)]
        kind = next((k for k in _KIND_PRIORITY if k in (own or heading_kinds)), "other")
        out[view.index] = _merge_or_new(found, view, kind, first.entity, d.value, d.end_value, False)
    return out


def _table_meetings(parsed: Parsed, lex, trig, found: list[Meeting]) -> dict[int, Meeting]:
    """Meetings of a table whose heading row names a date column and a place or level column ("| التاريخ |
    المدينة | المستوى | ..."): each row under it is one meeting, dated by its date cell, placed by the city (or
    state) of its place cell or held online, of the kind its level cell says ("وزاري"، "المجموعة المصغرة").
    A row is a line; its cells may hold several sentences. Gives the rows' sentences and their meetings; a
    row with no date is none."""
    out: dict[int, Meeting] = {}
    text = parsed.doc.text
    if text.count("|") < 4:
        return out  # (most texts: no table)
    words = {name: trig.words(name) for name in ("table_date", "table_place", "table_level", "table_members")}
    all_views = views(parsed)
    starts = [v.sentence.start for v in all_views]
    heading: dict[str, int] | None = None
    width = 0
    for line in re.finditer(r"[^\n]+", text):
        cells = cell_spans(line.group(), line.start())
        if not cells:
            heading = None
            continue
        on_line = all_views[bisect_left(starts, line.start()):bisect_left(starts, line.end())]
        tokens = [[t for v in on_line for t in in_cell(v, c)] for c in cells]
        cell_words = [{w for t in ts for w in strip_clitics(t.norm)} for ts in tokens]
        dates = [d for v in on_line for d in v.dates]
        if heading is None or len(cells) != width:
            columns: dict[str, int] = {}
            for name in ("table_date", "table_place", "table_level", "table_members"):
                col = next((k for k, w in enumerate(cell_words) if not words[name].isdisjoint(w)
                            and k not in columns.values()), None)
                if col is not None:
                    columns[name] = col
            ok = "table_date" in columns and ("table_place" in columns or "table_level" in columns) and not dates
            heading, width = (columns, len(cells)) if ok else (None, 0)
            continue
        a, b = cells[heading["table_date"]]
        when = next((d for d in dates if a <= d.start < b and d.value), None)
        if when is None:
            continue
        view = next(v for v in on_line if v.sentence.start <= when.start < v.sentence.end)
        place, online = None, False
        if "table_place" in heading:
            a, b = cells[heading["table_place"]]
            here = [m for v in on_line for m in v.mentions if a <= m.start < b and m.how == "name"]
            venue = next((m for m in here if _is_venue(m.entity, lex, parsed)), None) or next(
                (m for m in here if entity_class(m.entity, lex, parsed) == "Country"), None)
            place = venue.entity if venue else None
            online = bool(trig.find("virtual", tokens[heading["table_place"]]))
        level = tokens[heading["table_level"]] if "table_level" in heading else [t for v in on_line for t in v.tokens]
        kinds = [k.entity for k in trig.find("meeting_kinds", level)]
        kind = next((k for k in _KIND_PRIORITY if k in kinds), "other")
        m = _merge_or_new(found, view, kind, place, when.value, when.end_value, online)
        for v in on_line:
            out[v.index] = m
        if "table_members" in heading:
            # "| عدد الأعضاء |": how many members the coalition had after the row's meeting
            a, b = cells[heading["table_members"]]
            count = next((q for v in on_line for q in v.quantities if a <= q.start < b), None)
            if count is not None and _a_count_of_members(count):
                parsed.facts.append(CoalitionSize(Evidence.of(view.sentence), "meetings/table-members",
                                                  count=int(count.value), as_of=when.value))
    parsed._table_rows = set(out)  # type: ignore[attr-defined]
    return out


def _a_count_of_members(q) -> bool:
    """Whether a number could be how many members the coalition has: a whole number from 10 to 200, no sum."""
    return not q.currency and q.value == int(q.value) and 10 <= q.value <= 200


def _split_at_named_meetings(view, spans, nouns, kinds) -> tuple[list[tuple[int, int]], frozenset[int]]:
    """A clause cut before a second meeting word that says its kind: "ويأتي اجتماع واشنطن بعد
    خمسة عشر شهراً | من الاجتماع الوزاري الذي استضافته الرياض في حزيران" speaks of two meetings,
    each where and when its own words say."""
    cuts = []
    for n in nouns:
        a, _ = clause_of(spans, n.start)
        j, i = view.token_at(n.end - 1), view.token_at(n.start)
        if not any(a <= o.start < n.start for o in nouns):
            # the first meeting word of its clause, unless a time away from the one before it says it is
            # another ("ويأتي هذا الاجتماع، الذي ترأسه المغرب، بعد أقل من سنة على الاجتماع الوزاري ...")
            if any(o.start < n.start for o in nouns) and _time_away(view, i) \
                    and any(0 < view.token_at(k.start) - j <= 2 for k in kinds):
                cuts.append(n.start)
            continue
        if _predicate(view, i):
            continue  # "اجتماع مراكش هو أول اجتماع وزاري يعقده التحالف ...، وقد ترأسته ...": the same meeting
        if any(0 < view.token_at(k.start) - j <= 2 for k in kinds) or (i > 0 and view.tokens[i - 1].norm in _SINCE):
            cuts.append(n.start)  # (or after "منذ": "أول اجتماع وزاري منذ اجتماع واشنطن في آذار 2017")
    if not cuts:
        return spans, frozenset()
    out = []
    for a, b in spans:
        for c in sorted(c for c in cuts if a < c < b):
            out.append((a, c))
            a = c
        out.append((a, b))
    return out, frozenset(cuts)


_OPENS = frozenset(normalize(w) for w in ("انطلاق", "افتتاح", "انطلقت", "افتتحت", "تنطلق", "تفتتح"))
_WORKS = frozenset(normalize(w) for w in ("أعمال", "اعمال"))


def _opens(view, a) -> bool:
    """Whether a meeting word follows a word of its opening, "أعمال" between or not: "انطلاق أعمال
    اجتماع ..."، "افتتاح الاجتماع"."""
    i = view.token_at(a.start)
    toks = view.tokens
    k = i - 2 if i > 1 and toks[i - 1].norm in _WORKS else i - 1
    return k >= 0 and toks[k].norm.lstrip("و") in _OPENS


_COPULAS = frozenset(normalize(w) for w in ("هو", "هي", "وهو", "وهي", "كان", "كانت", "يعد", "تعد", "يعتبر", "يظل",
                                            "يبقى"))
_FIRSTS = frozenset(normalize(w) for w in ("أول", "ثاني", "ثالث", "آخر", "أكبر", "أهم", "أبرز"))


def _predicate(view, i: int) -> bool:
    """Whether the meeting word at token ``i`` is what a copula says the one before it is: "اجتماع مراكش هو
    أول اجتماع وزاري ..."، "وكان ثاني اجتماع ..." (the copula right before it, or before أول and its kin)."""
    toks = view.tokens
    return i > 0 and (toks[i - 1].norm in _COPULAS or (
        i > 1 and toks[i - 1].norm in _FIRSTS and toks[i - 2].norm in _COPULAS))


_AWAY = triggers().words("before_after")
_AWAY_FROM = frozenset(normalize(w) for w in ("على", "من"))


def _time_away(view, i: int) -> bool:
    """Whether the words before token ``i`` say a time from another event: "بعد أقل من سنة على"، "قبل
    أسبوعين من" (after or before, within five words, then على or من right before)."""
    toks = view.tokens
    return i > 1 and toks[i - 1].norm in _AWAY_FROM and any(t.norm in _AWAY for t in toks[max(0, i - 6):i - 2])


def _months_before(date: str | None, published: str | None) -> int:
    """Whole months from ``date`` to the publication date (0 when either is missing or has no month)."""
    if not date or not published or len(date) < 7 or len(published) < 7:
        return 0
    return (int(published[:4]) - int(date[:4])) * 12 + int(published[5:7]) - int(date[5:7])


def _long_before(day: str | None, published: str | None) -> bool:
    """Whether ``day`` (a year, month or date) is more than a year before the publication date."""
    if not day or not published:
        return False
    y, m = int(day[:4]), int(day[5:7]) if len(day) >= 7 else 12
    return (int(published[:4]) - y) * 12 + int(published[5:7] or 1) - m > _A_YEAR


_A_YEAR = 12  # months


def _days_before(day: str | None, published: str | None) -> int | None:
    """Days from ``day`` to the publication date, when both are whole dates."""
    if not day or not published or len(day) != 10 or len(published) < 10:
        return None
    try:
        return (_Day.fromisoformat(published[:10]) - _Day.fromisoformat(day)).days
    except ValueError:
        return None


def _anaphoric(view, noun, trig) -> bool:
    """A meeting noun that points back: with the article (الاجتماع، اللقاء) and neither the name of another
    body nor "next" (المقبل) after it, or after a demonstrative (هذا الاجتماع)."""
    i = view.token_at(noun.start)
    if i > 0 and view.tokens[i - 1].norm in trig.words("demonstratives"):
        return True
    nxt = view.tokens[i + 1].norm if i + 1 < len(view.tokens) else ""
    if nxt in trig.words("next_one") and not view.tokens[i].norm.endswith("ات"):
        return False  # "الاجتماع المقبل": another meeting, the next one ("الاجتماعات المقبلة": any of them)
    return view.tokens[i].norm.startswith(("ال", "وال", "فال")) and not nxt.startswith("ل")


def _city_of_the_same_meeting(found: list[Meeting], place: str, date, end_date, virtual, lex) -> str:
    """A country where a meeting already found met in one of its cities is that city ("شكرت الرئاسة بنين
    على استضافة الاجتماع" after "اجتماع كوتونو"); a city of a country a meeting was placed in by its host
    becomes that meeting's place."""
    for m in found:
        if m.place and m.place != place and _compatible(m, None, date, end_date, virtual):
            if (e := lex.get(m.place)) is not None and e.extra.get("country") == place:
                return m.place
            if (e := lex.get(place)) is not None and e.extra.get("country") == m.place:
                m.place = place
                return place
    return place


def _merge_or_new(found: list[Meeting], view, kind, place, date, end_date, virtual, apart=(),
                  same_first: bool = False) -> Meeting:
    """The meeting found earlier that these words may tell again, else a new one (never one of ``apart``).
    With ``same_first`` (words a copula says are that meeting), one told earlier in the same sentence comes
    first ("la réunion de Marrakech في ماي 2022، وهي أول اجتماع وزاري للتحالف": the same meeting, not the
    report's own meeting told before)."""
    for m in sorted(found, key=lambda m: m.evidence.sentence != view.index) if same_first else found:
        # (ministers and political directors meet apart: "ترأس ... أول اجتماع وزاري حضوري" is not "اجتماع افتراضي
        # للمديرين السياسيين في آذار" told further on)
        if _compatible(m, place, date, end_date, virtual) and not any(m is x for x in apart) \
                and frozenset({m.kind, kind}) not in _LEVELS_APART:
            m.place = m.place or place
            m.virtual = m.virtual or virtual  # "عُقد اليوم عبر تقنية الاتصال المرئي": the headline's meeting met online
            if date and (not m.start_date or len(date) > len(m.start_date)):
                m.start_date, m.end_date = date, end_date
            if _KIND_PRIORITY.index(kind) < _KIND_PRIORITY.index(m.kind) and (place or date or m.kind == "other"):
                m.kind = kind  # (not "واكتفى باجتماعات المجموعة المصغرة", nowhere and never, on a ministerial)
            return m
    m = Meeting(Evidence.of(view.sentence), "meetings/noun-or-verb", kind=kind, place=place,
                start_date=date, end_date=end_date, virtual=virtual)
    found.append(m)
    return m


def _label(m: Meeting, lex) -> str:
    kind = {"ministerial": "الاجتماع الوزاري", "political-directors": "اجتماع المديرين السياسيين",
            "small-group": "اجتماع المجموعة المصغرة", "leaders": "اجتماع القادة"}.get(m.kind, "اجتماع")
    where = f" في {lex[m.place].ar}" if m.place and m.place in lex else (" (افتراضي)" if m.virtual else "")
    when = f" {m.start_date}" if m.start_date else ""
    return f"{kind} للتحالف الدولي{where}{when}"


def _form_fields(parsed: Parsed, lex, trig) -> tuple[int, str, str] | None:
    """The place and date a form gives a meeting in labelled lines under its heading ("محضر اجتماع" over
    "تاريخ الانعقاد: الثلاثاء 24/10/2023" and "المكان: روما – مقر وزارة الخارجية"), in a document whose
    heading names the coalition or one of its bodies: where the fields start, the place and the date."""
    date_labels, place_labels = trig.prefixes("form_date_labels"), trig.prefixes("form_place_labels")
    first: int | None = None
    place: str | None = None
    date: str | None = None
    vs = views(parsed)[:_FORM_LINES]
    for v in vs:
        if ":" not in v.sentence.text:
            above = next((u for u in vs if u.index == v.index - 1), None)
            if place is None and date is None and above is not None and _names_a_meeting(above, trig) and (
                    at := _place_dash_date(v, lex, parsed)) is not None:
                # a programme's heading: "الاجتماع الوزاري للتحالف الدولي" over "عمّان – الثلاثاء 15 تشرين الأول 2024"
                # (not a dateline under a headline: "مراكش تحتضن أول اجتماع وزاري" over "مراكش – الخميس 12 ماي 2022")
                place, date = at
                first = v.index if first is None else min(first, v.index)
            continue
        text = normalize(v.sentence.text.lstrip("-•* "))
        label, colon, _ = text.partition(":")
        if not colon or len(label.split()) > 3:
            continue
        if date is None and label.startswith(date_labels):
            date = next((d.value for d in v.dates if d.value), None)
        elif place is None and label.startswith(place_labels):
            place = next((m.entity for m in v.mentions if _is_venue(m.entity, lex, parsed)), None)
        else:
            continue
        first = v.index if first is None else min(first, v.index)
    if first is None or not (place and date) or not any(
            entity_class(m.entity, lex, parsed) in ("Coalition", "CoalitionBody", "WorkingGroup")
            for v in vs if v.index < first for m in v.mentions):
        return None
    return first, place, date


_FORM_LINES = 12
_DASHES = "–—-"


def _names_a_meeting(view, trig) -> bool:
    """Whether a line is a meeting's name: it opens with a meeting word and has no stop at its end
    ("الاجتماع الوزاري للتحالف الدولي لهزيمة داعش")."""
    return bool(view.tokens) and bool(trig.find("meeting_nouns", view.tokens[:1])) \
        and view.sentence.text.rstrip()[-1:] not in ".؟!"


def _place_dash_date(view, lex, parsed) -> tuple[str, str] | None:
    """The place and date of a line that is only those, a dash between them: "عمّان – الثلاثاء 15 تشرين
    الأول/أكتوبر 2024" (a day's name may come before the date)."""
    text, base = view.sentence.text, view.sentence.start
    first = min(view.mentions, key=lambda m: m.start, default=None)
    if first is None or text[:first.start - base].strip() or not _is_venue(first.entity, lex, parsed):
        return None
    rest = text[first.end - base:].lstrip()
    if not rest or rest[0] not in _DASHES:
        return None
    d = next((d for d in view.dates if d.value and d.start > first.end), None)
    if d is None or text[d.end - base:].strip(" .") or len(text[first.end - base:d.start - base].split()) > 2:
        return None  # (the dash, and at most the day's name, before the date; nothing after it)
    return first.entity, d.value


def _venue_and_date_in_clause(view, lex, parsed, spans, at: int) -> bool:
    """Whether the clause of a verb of adopting at ``at`` gives a venue and a date; places right after the
    verb are who adopted, not where ("اتفقت بغداد وواشنطن في أيلول 2024 على إنهاء المهمة")."""
    a, b = clause_of(spans, at)
    k = view.token_at(at) + 1
    mentions = sorted(view.mentions, key=lambda m: m.start)
    first = next((m for m in mentions if k < len(view.tokens) and m.start == view.tokens[k].start), None)
    who = {m.start for m in _coordinated(view, first, mentions, lex)} if first is not None else set()
    return (any(a <= m.start < b and m.start not in who and _is_venue(m.entity, lex, parsed) for m in view.mentions)
            and any(a <= d.start < b and d.value for d in view.dates))


def _goes_on_about_it(parsed: Parsed, view, lex, trig) -> bool:
    """Whether the next sentence speaks of a meeting, with neither venue nor date of its own, in the war
    on ISIS or the coalition (named, or one of its bodies)."""
    vs = views(parsed)
    nxt = vs[view.index + 1] if view.index + 1 < len(vs) and vs[view.index + 1].index == view.index + 1 else None
    if nxt is None or not trig.find("meeting_nouns", nxt.tokens):
        return False
    # what follows منذ in its clause is another event's ("وجاء الاجتماع ضمن مسار ... منذ اجتماع عمّان في ...")
    spans = clause_spans(nxt.sentence.text, nxt.sentence.start)
    since = [t.start for t in nxt.tokens if t.norm in _SINCE]
    if any(_is_venue(m.entity, lex, parsed) and not _after_in_clause(spans, since, m.start) for m in nxt.mentions) or any(
            d.value and not _after_in_clause(spans, since, d.start) and not _since(nxt, d)
            and not any(p < d.start for p in _since_points(nxt)) for d in nxt.dates):
        return False
    return any(entity_class(m.entity, lex, parsed) in ("Coalition", "CoalitionBody")
               or ((e := lex.get(m.entity)) is not None and e.extra.get("threat") == "isis") for m in nxt.mentions)


def _quoted(view, offset: int) -> bool:
    """Whether document ``offset`` is inside quoted words (four words or more: a quotation, not a name
    such as «بيان جدة»)."""
    words = quoted_words(view, offset)
    return words is not None and len(words) >= 4


def _said_where(view, place: str, lex) -> bool:
    """Whether ``place`` is named as somewhere something may be held: not only as the second noun of a
    construct ("على أبواب الموصل"), unless the first names what was held or issued there ("بيان جدة")."""
    return any(m.entity == place and _as_place(view, m, lex) for m in view.mentions)


def _as_place(view, m, lex) -> bool:
    """Whether mention ``m`` is said as a place (see :func:`_said_where`); not "أعلنت برلين"."""
    held, particles = triggers().words("held_at"), triggers().words("place_particles")
    i = view.token_at(m.start)
    prev = view.tokens[i - 1].norm if i > 0 else ""
    return not prev or bool(proclitic(m, lex)) or prev in particles or any(v in held for v in strip_clitics(prev))


def _timeline_entry(view, lex, parsed, spans, nouns) -> bool:
    """Whether the sentence is an entry of a timeline of the coalition's history that tells a meeting: a
    list item whose lead gives a date, then a clause of nothing but a place, and whose text opens with the
    meeting word ("• 15 أيلول/سبتمبر 2014 - باريس: مؤتمر دولي حول السلام والأمن في العراق"). In a
    document about the coalition such an entry is one of its stations, named or not."""
    if len(spans) < 3 or not LIST_ITEM.match(view.sentence.text):
        return False
    (a0, b0), (a1, b1), (a2, _) = spans[:3]
    if not any(a0 <= d.start < b0 and d.value for d in view.dates):
        return False
    if not _place_alone(view, [m for m in view.mentions if m.how == "name" and entity_class(
            m.entity, lex, parsed) in ("City", "Region", "Country")], a1, b1):
        return False
    first = view.token_at(a2)
    return any(view.token_at(n.start) in (first, first + 1) for n in nouns)  # ("أول اجتماع وزاري")


def _place_alone(view, places, x: int, y: int) -> list:
    """The mentions of ``places`` in the clause ``[x, y)`` when the clause holds nothing but them (a
    timeline's lead: "• 3 كانون الأول/ديسمبر 2014 - بروكسل: ..."), else none."""
    named = [m for m in places if x <= m.start < y]
    words = view.sentence.text[x - view.sentence.start:y - view.sentence.start].split()
    return named if named and sum(len(m.surface.split()) for m in named) == len(words) else []


def _told_before(before, lex, parsed):
    """The venue and date of a sentence that names one city (or region) and has a date of its own,
    or ``None``."""
    venues = {m.entity for m in before.mentions if _is_venue(m.entity, lex, parsed)}
    dated = [d for d in before.dates if d.value and len(d.value) == 10 and not _since(before, d)]
    return (venues.pop(), dated[0]) if len(venues) == 1 and dated else None


def _met_where_and_when(view, lex, parsed, spans, verb) -> bool:
    """Whether the clause of a verb of meeting says where and when: a city or region in it, or a
    country right after the verb and في ("اجتمعت في الكويت مجموعة العمل"); a date in it, or in the
    clause that opens the sentence before it ("ففي الرابع عشر من آذار الماضي، اجتمعت ...")."""
    k = next((i for i, (a, b) in enumerate(spans) if a <= verb.start < b), None)
    if k is None:
        return False
    a, b = spans[k]
    i = view.token_at(verb.end - 1) + 1
    venue = any(a <= m.start < b and _is_venue(m.entity, lex, parsed) for m in view.mentions) or (
        i + 1 < len(view.tokens) and view.tokens[i].norm == "في"
        and any(view.token_at(m.start) == i + 1 and m.how == "name" and entity_class(m.entity, lex, parsed) == "Country"
                for m in view.mentions))
    dated = any(d.value and (a <= d.start < b or (k == 1 and spans[0][0] <= d.start < spans[0][1])) for d in view.dates)
    return venue and dated


def _country_venue(view, lex, parsed, anchor, kinds) -> str | None:
    """"خلال الاجتماع الوزاري للتحالف في الكويت", "اجتماعها الثاني عشر يومي 19 و20 تشرين الثاني 2019 في
    دوقية لوكسمبورغ": a country right after the meeting's own words (its kind, body, ordinal, date) and
    في is where it met; after other words it may be what was discussed ("لبحث الوضع في سوريا")."""
    covered: set[int] = set()
    for m in list(kinds) + list(view.dates) + [q for q in view.quantities if q.ordinal] + [
            m for m in view.mentions if entity_class(m.entity, lex, parsed) in ("Coalition", "CoalitionBody", "WorkingGroup")]:
        covered.update(range(view.token_at(m.start), view.token_at(m.end - 1) + 1))
    # "اجتماعها المقبل في الأردن"، "الاجتماع الخامس للمجموعة في قطر": "next" and the body's common noun too
    own = triggers().words("next_one") | triggers().words("coalition_words")
    covered.update(i for i, t in enumerate(view.tokens) if t.norm in own)
    i = view.token_at(anchor.end - 1) + 1
    while i < len(view.tokens) and i in covered:
        i += 1
    if i < len(view.tokens) and view.tokens[i].norm in ("الذي", "التي") and i + 1 < len(view.tokens) and (
            view.tokens[i + 1].norm in triggers().words("held")):
        i += 2  # "الاجتماع الوزاري للتحالف الدولي الذي عقد في الأردن": where the relative clause says it was held
    if i + 1 >= len(view.tokens) or view.tokens[i].norm != "في":
        return None
    return next((m.entity for m in view.mentions if view.token_at(m.start) == i + 1 and m.how == "name"
                 and entity_class(m.entity, lex, parsed) == "Country"), None)


def _reference_points(view) -> list[int]:
    """Where "بعد ساعات من", "قبل أسابيع من" start: what follows is another event, its date and
    place its own ("وجاءت محادثات جدة بعد ساعات من خطاب ... مساء الأربعاء")."""
    cached = view.reference_points
    if cached is not None:
        return cached
    trig, toks, out = triggers(), view.tokens, []
    before_after, units = trig.words("before_after"), trig.words("time_units")
    before_after_that, events = trig.words("before_after_that"), trig.words("event_nouns")
    for i, t in enumerate(toks):
        if t.norm in before_after and i + 2 < len(toks) and toks[i + 1].norm in units:
            if toks[i + 2].norm == "من" or (i + 3 < len(toks) and toks[i + 3].norm == "من"):
                out.append(t.start)
        elif t.norm in before_after and i + 1 < len(toks) and toks[i + 1].norm == "ان":
            out.append(t.start)  # "بعد أن كانت الكاميرون آخر المنضمين إليه في تشرين الثاني": a clause on another event
        elif t.norm in before_after and i + 1 < len(toks) and toks[i + 1].norm in events:
            out.append(t.start)  # "بعد استعادة القوات العراقية مدينة الرمادي في كانون الأول": another event
        elif t.norm in before_after_that:
            out.append(t.start)  # "بعدما كان يضم ستين دولة": the same, written as one word
    view.reference_points = out
    return out


def _after_in_clause(spans, points: list[int], offset: int) -> bool:
    """Whether ``offset`` comes after one of ``points`` in the same clause: in a clause that "منذ" or
    "بعد أن" opens, what follows is that other event's."""
    return any(p < offset and clause_of(spans, p) == clause_of(spans, offset) for p in points)


def _since_points(view) -> list[int]:
    """Where "منذ" before a noun starts ("منذ إحداثها في بروكسل في دجنبر 2021"): the place and date
    after it are another event's, though whoever the sentence names next may still be at the
    meeting ("منذ تأسيس التحالف عام 2014، وذلك بدعوة من ...")."""
    cached = view.since_points
    if cached is not None:
        return cached
    toks, out = view.tokens, []
    if any(t.norm in _SINCE for t in toks):
        dated = {view.token_at(d.start) for d in view.dates}
        dated |= {view.token_at(m.start) for m in triggers().find("meeting_nouns", toks)}  # "منذ الاجتماع الذي عقد في واشنطن"
        out = [t.start for i, t in enumerate(toks) if t.norm in _SINCE and i + 1 < len(toks)
               and i + 1 not in dated and not toks[i + 1].norm.isdigit()]
    view.since_points = out
    return out


def _venue_right_after(view, spans, noun, lex, parsed) -> bool:
    """"• 11 أيلول 2014: اجتماع في مدينة جدة": a meeting word that opens its clause, في, and a city (its
    noun between or not); not "وعقد محافظ الأنبار اجتماعا في مدينة الرمادي"."""
    j = view.token_at(noun.end - 1) + 1
    toks = view.tokens
    a, _ = clause_of(spans, noun.start)
    if re.search(r"[\u0621-\u064A]", parsed.doc.text[a:noun.start]):
        return False
    if j >= len(toks) or toks[j].norm != "في":
        return False
    k = j + 1 + (j + 1 < len(toks) and toks[j + 1].norm in ("مدينه", "العاصمه"))
    return any(view.token_at(m.start) == k and _is_venue(m.entity, lex, parsed) for m in view.mentions)


def _named_by_venue(view, noun, lex, parsed) -> bool:
    """"اجتماع جدة", "محادثات واشنطن": a meeting word with the city right after it."""
    j = view.token_at(noun.end - 1)
    return any(view.token_at(m.start) == j + 1 and _is_venue(m.entity, lex, parsed) for m in view.mentions)


# Words a meeting noun's owner may come after: "الاجتماع الأول لمجلس وزراء دفاع دول التحالف الإسلامي"،
# "اجتماع وزراء الخارجية العرب"، "اجتماعات الجمعية العامة للأمم المتحدة"
_OWNER_CHAIN = frozenset(normalize(w) for w in (
    "الأول", "الثاني", "الثالث", "السنوي", "الدوري", "الطارئ", "العادي", "مجلس", "لمجلس", "وزراء", "لوزراء",
    "خارجية", "دفاع", "داخلية", "دول", "الدول", "قادة", "لقادة", "رؤساء", "زعماء", "أركان", "قمة", "لقمة",
    "الجمعية", "للجمعية", "العامة", "الأعضاء", "الدائمين", "مندوبي", "ممثلي"))
_OWNERS = frozenset({"InternationalOrganization", "Organization"})


_WHICH = frozenset(normalize(w) for w in ("الذي", "التي"))
_HOLDING = frozenset(normalize(w) for w in ("عقد", "استضافة", "تنظيم"))  # verbal nouns: holding a meeting


def _in_its_relative_clause(view, noun, word) -> bool:
    """Whether ``word`` stands in a relative clause on the meeting ``noun`` names, within eight words and
    no punctuation between: "الاجتماع الوزاري الموسع الذي كان يرتقب عقده"."""
    i, k = view.token_at(noun.start), view.token_at(word.start)
    toks = view.tokens
    return k - i <= 8 and any(t.norm in _WHICH for t in toks[i + 1:k]) and not punct_between(
        view.sentence.text, toks[i].end - view.sentence.start, toks[k].start - view.sentence.start)


def _not_held(view, word, trig) -> bool:
    """Whether a meeting word comes within three words after one that says no such meeting was held ("كلما
    انعقد اجتماع"، "أُرجئ إلى أجل غير مسمى اجتماع وزاري"), with no verb of being held between."""
    i = view.token_at(word.start)
    toks = view.tokens
    if i >= 2 and not _HOLDING.isdisjoint(strip_clitics(toks[i - 1].norm)) and any(
            t.norm in trig.words("proposed") for t in toks[max(0, i - 4):i - 1]):
        return True  # "أقترح عقد اجتماع لكبار المسؤولين"، "طرح فكرة استضافة اجتماع وزاري"، "دعا إلى عقد اجتماع"
    not_held, held, negation = trig.words("not_held"), trig.words("held"), trig.words("negation")
    if any(toks[k].norm in trig.words("wished") for k in range(max(0, i - _WISH_REACH), i)):
        return True  # "ياريت الاجتماع الوزاري الجاي يبقى في القاهرة": wished for, not held
    # "لم نعثر على أي إعلان رسمي ... عن اجتماع للتحالف في أربيل"، "لا يوجد أي اجتماع": "any" under a negation
    if any(negated_any(toks, k, negation | _NO, 3) or negated_any(toks, k, trig.words("denied"), k)
           for k in range(max(0, i - _ANY_REACH), i)):
        return True  # (or a denial before it: "أنفي نفياً قاطعاً أن يكون المغرب قد ترشح لاستضافة أي اجتماع وزاري")
    for k in range(i - 1, max(-1, i - 4), -1):
        if toks[k].norm in not_held or (k > 0 and toks[k].norm in trig.words("held_present")
                                        and toks[k - 1].norm in negation):
            return True
        if toks[k].norm in held and k < i - 1:
            return False
    return False


_WISH_REACH = 6  # words between a wish and the meeting it wishes for ("أتمنى أن يكون الاجتماع")
_ANY_REACH = 20  # how many words before a meeting word "أي" under a negation may stand
_MEETINGS_ANY = frozenset(normalize(w) for w in ("اجتماعات", "الاجتماعات", "لقاءات", "اللقاءات", "جلسات", "الجلسات"))
_LATER = frozenset(normalize(w) for w in ("لاحق", "لاحقة", "لاحقا", "لاحقاً"))


def _any_or_later(view, a, trig) -> bool:
    """Whether a meeting word names meetings in general ("للاجتماعات") or one still to come ("جلسة لاحقة"،
    "الاجتماع المقبل")."""
    i = view.token_at(a.start)
    toks = view.tokens
    # (the word right after, or after the kind: "الاجتماع الوزاري المقبل")
    nxt = {t.norm for t in toks[i + 1:i + 3]}
    return (not _MEETINGS_ANY.isdisjoint(strip_clitics(toks[i].norm)) or not nxt.isdisjoint(_LATER)
            or not nxt.isdisjoint(trig.words("next_one")))


def _strip_conj(norm: str) -> str:
    """A word without the conjunction و before it ("وعقدت" -> "عقدت")."""
    return norm[1:] if norm[:1] == "و" and len(norm) > 3 else norm


def _organised_by_another(view, j: int, reach: int) -> bool:
    """Whether, within ``reach`` words from token ``j``, a word of organising names an organiser other than
    the coalition: "«حوار المنامة» السنوي الذي ينظمه المعهد الدولي للدراسات الاستراتيجية"."""
    toks = view.tokens
    organised = triggers().words("organised_by")
    for k in range(j, min(len(toks), j + reach)):
        if toks[k].norm in organised:
            return not any("تحالف" in t.norm for t in toks[k + 1:k + 4])
    return False


def _venue_hosts(view, lex, parsed, hosts) -> bool:
    """Whether a city is the subject right after a word of hosting: "استضافت مدينة جدة اجتماعاً"."""
    for h in hosts:
        i = view.token_at(h.end - 1) + 1
        if any(view.token_at(m.start) in (i, i + 1) and entity_class(m.entity, lex, parsed) == "City"
               for m in view.mentions):
            return True
    return False


def _on_the_sidelines(view, noun) -> bool:
    """Whether a meeting word follows "هامش": what was done on the sidelines of that meeting was not it."""
    i = view.token_at(noun.start)
    return i > 0 and view.tokens[i - 1].norm in _SIDELINES


def _of_another_body(view, noun, lex, parsed) -> bool:
    """"الاجتماع الأول لمجلس وزراء دفاع دول التحالف الإسلامي العسكري"، "اجتماع مجلس الأمن"، "اجتماع وزراء
    دفاع حلف الناتو": a meeting word whose genitive names another organisation is that body's meeting,
    whatever the sentence says of ISIS. The coalition's own bodies, and the states, own no such meeting."""
    toks = view.tokens
    j = noun.j
    if j < len(toks) and toks[j].norm in triggers().words("legislatures") and not any(
            "تحالف" in t.norm for t in toks[j + 1:j + 5]):
        return True  # "جلسة لجنة الأمن والدفاع النيابية": a committee's or parliament's (not "لجنة ... التحالف")
    if _organised_by_another(view, j, 6):
        return True
    starts = {view.token_at(m.start): m for m in view.mentions if m.how == "name"}
    while j < len(toks) and j - noun.j <= 6:
        m = starts.get(j)
        if m is not None:
            e = lex.get(m.entity)
            return e is not None and e.cls in _OWNERS
        if toks[j].norm not in _OWNER_CHAIN or (j > noun.j and "،" in view.sentence.text[
                toks[j - 1].end - view.sentence.start:toks[j].start - view.sentence.start]):
            return False
        j += 1
    return False


def _claimed_by(view, word, lex, parsed) -> bool:
    """"تبنى «داعش» التفجيرين"، "ثم تبنى التنظيم خطف سياح": an armed group (or "the organisation")
    right after تبنى claims an attack, it adopts no text; so does تبنى with an attack word after it."""
    j = view.token_at(word.end - 1)
    if j + 1 < len(view.tokens) and view.tokens[j + 1].norm in triggers().words("the_organisation_itself"):
        return True
    if any(0 < view.token_at(m.start) - j <= 2 and entity_class(m.entity, lex, parsed) == "ArmedGroup"
           for m in view.mentions):
        return True
    # "وكان الفرع نفسه قد تبنى في آب 2021 التفجير الانتحاري": an attack adopted is an attack claimed (تبنى
    # only: "البيان الذي أصدره في باريس ... الهجمات" issued a text)
    if "تبن" not in view.tokens[view.token_at(word.start)].norm:
        return False
    return any(0 < view.token_at(x.start) - j <= 6 for x in triggers().find("attack_nouns", view.tokens))


def _since(view, d) -> bool:
    """"منذ عام 2014": a date something has lasted since, not when a meeting was; nor is "منذ
    تأسيسه عام 2014" (when the coalition was founded)."""
    i = view.token_at(d.start)
    return (i > 0 and view.tokens[i - 1].norm in _SINCE) or _founding(view, d, triggers())


def _is_venue(key: str, lex, parsed) -> bool:
    """Meetings happen in cities, or in sub-national regions (a state, a base), not in continents."""
    return entity_class(key, lex, parsed) == "City" or within_a_state(key, lex, parsed)


def _place(view, lex, parsed, anchor: int, spans, hosted: bool, cut: bool = False,
           elsewhere: Sequence[tuple[int, int]] = ()) -> str | None:
    """The venue in the meeting word's clause (in the whole sentence when it says who hosted, unless
    the sentence was ``cut`` between two meetings, and not in the clause of another meeting word:
    "وعقدت اجتماعها الأول في روما ...، فيما استضافت المملكة اجتماعها الثاني")."""
    a, b = clause_of(spans, anchor)
    attacked = [n.end for n in triggers().find("attack_nouns", view.tokens)]
    # "... منذ الاعتداءات التي هزت باريس": a city struck after an attack word is not where one meets
    attacked += _reference_points(view) + _since_points(view)
    venues = [m for m in view.mentions if _is_venue(m.entity, lex, parsed)
              and not any(anchor < e <= m.start for e in attacked)
              # "القاهرة في 11 مايو /أ ش أ/ شارك ... في الاجتماع الوزاري ... الذي تستضيفه مدينة مراكش": where the
              # report was filed from, opening the line, is no venue of its own
              and m.start != getattr(parsed, "_dateline_at", None)
              and not _in_an_events_name(view, m, outside=anchor)  # "بالتزامن مع (مؤتمر لندن ...)"
              # "اجتماعاً ... خُصص لمعركتي الموصل والرقة": the city a battle is for
              and not _after_battle_word(view, m)]
    # (a venue past another meeting's words after this one is that meeting's: "استضافتها الاجتماع الوزاري
    # المقبل ...، وذلك خلال مشاركتها في اجتماع المديرين ...، الذي عُقد ...، في مدينة لاهاي")
    near = [m for m in venues if a <= m.start < b] or (
        [m for m in venues if not any(x <= m.start < y or anchor < x <= m.start for x, y in elsewhere)]
        if hosted and not cut else [])
    if not near:  # "..., أمس الخميس، في قاعدة أندروز المشتركة": a clause that only says where
        k = next((i for i, (x, _) in enumerate(spans) if x == a), None)
        events = [e.start for t in ("meeting_nouns", "meeting_verbs") for e in triggers().find(t, view.tokens)]
        for i in (k + 1, k - 1, k + 2) if k is not None else ():
            if 0 <= i < len(spans):
                x, y = spans[i]
                if any(min(anchor, x) < ex <= max(anchor, x) for ex, _ in elsewhere):
                    continue  # past another meeting's words: "... المقبل، خلال اجتماع المديرين، الذي عقد ...، في لاهاي"
                words = view.sentence.text[x - view.sentence.start:y - view.sentence.start].split()
                # ... or a clause of when and where: "انطلقت، اليوم الثلاثاء بقصر المؤتمرات بالصخيرات، أشغال الاجتماع"
                when = any(x <= d.start < y and d.value for d in view.dates) and not any(x <= e < y for e in events)
                # "الاجتماع الثامن عشر لمجموعة ...، الذي عقد في الرياض": the clause right after that says which
                # (or "...، عُقد في برلين يومي 21 و22 نوفمبر": the same, without الذي)
                which = k is not None and i == k + 1 and (words[:1] in (["الذي"], ["التي"])
                                                          or (bool(words) and normalize(words[0]) in triggers().words("held")))
                # ("وعلى هامش قمة حلف شمال الأطلسي في ويلز، اجتمع وزراء ...": they met where the summit was)
                aside = [normalize(w) for w in words[1:2]] == ["هامش"] and words[0] in ("على", "وعلى")
                # ("• 3 كانون الأول/ديسمبر 2014 - بروكسل: أول اجتماع وزاري ...": a timeline's lead, its date and
                # then a clause of nothing but the place, says where what the line tells happened)
                # (a state too: "• 13 شباط/فبراير 2018 - الكويت: اجتماع وزاري ...")
                lead = _place_alone(view, [m for m in view.mentions if m in venues or (
                    m.how == "name" and entity_class(m.entity, lex, parsed) == "Country")], x, y) \
                    if k is not None and i == k - 1 and (i == 0 or any(
                        spans[i - 1][0] <= d.start < spans[i - 1][1] and d.value for d in view.dates)) else []
                if words and (words[0] in ("في", "وفي", "بمدينة", "بالعاصمة", "وسط") or when or which or aside or lead):
                    near = lead or [m for m in venues if x <= m.start < y]
                    if near:
                        break
    if not near and hosted:
        return _host_country(view, lex, parsed)
    if not near:
        return None
    i = view.token_at(anchor)
    if i > 0 and view.tokens[i - 1].norm in _DURING:
        # "تعلن تقديم 50 مليون دولار لدعم الاستقرار في الرقة خلال اجتماع التحالف ... في بروكسل": the place
        # before "خلال" is where the money goes; the meeting's is the one after it
        near = [m for m in near if m.start > anchor] or near
    return min(near, key=lambda m: abs(m.start - anchor)).entity


# a minister's counterpart or counterparts, with a pronoun on them ("نظيره"، "نظراءه"، "ونظرائه")
_COUNTERPARTS = tuple(normalize(w) for w in ("نظير", "نظراء", "نظرائ", "نظراؤ"))

# Words before a meeting word that make it when something else was done ("أعلن ... خلال اجتماع").
_DURING = frozenset({"خلال", "اثناء", "هامش", "وخلال"})
_SIDELINES = frozenset({"هامش"})


def _host_country(view, lex, parsed) -> str | None:
    """With no city named, the country that hosts is where it met: "استضافت دولة الكويت ...
    الاجتماع الوزاري", "الكويت تحتضن الاجتماع" (the subject right after or right before the verb)."""
    hosts = triggers().find("meeting_hosts", view.tokens)
    if not hosts:
        return None
    countries = [m for m in view.mentions if m.how == "name" and entity_class(m.entity, lex, parsed) == "Country"]
    for h in hosts:
        i, j = view.token_at(h.start), view.token_at(h.end - 1)
        for m in countries:
            k = view.token_at(m.start)
            if j < k <= j + 2 or view.token_at(m.end - 1) == i - 1:
                return m.entity
        if j + 1 < len(view.tokens) and view.tokens[j + 1].norm in triggers().words("his_country"):
            # "واستذكر الوزير الكويتي استضافة بلاده الاجتماع الوزاري": the state of the one who speaks, named
            # by his title's adjective before the host word
            said = [m for m in view.mentions if m.how == "adjective" and m.end <= h.start
                    and entity_class(m.entity, lex, parsed) == "Country"]
            if len({m.entity for m in said}) == 1:
                return said[0].entity
    # "والأردن، الذي شارك في تأسيس التحالف، كان قد استضاف في شباط 2019 اجتماعاً": the one state the
    # sentence names before a host verb with no subject of its own after it
    subject_after = any(view.token_at(h.end - 1) < view.token_at(m.start) <= view.token_at(h.end - 1) + 2
                        for h in hosts for m in view.mentions)
    if not subject_after and len({m.entity for m in countries}) == 1 and countries[0].start < hosts[0].start \
            and "ل" not in proclitic(countries[0], lex) and not _after_preposition(view, countries[0], lex):
        return countries[0].entity
    return None


def _date(view, anchor: int, spans, lex, parsed, place, cuts=frozenset(),
          named: Sequence[int] = (), others: Sequence[int] = ()) -> tuple[str | None, str | None]:
    """The date in the meeting word's clause, else in a neighbouring clause that names no other
    venue ("احتضنت بروكسل، أمس الخميس، اجتماعاً") and is not cut off as another meeting's
    (``cuts``); the most precise first. A date after another meeting ``named`` after this one is
    that meeting's: "ويأتي الاجتماع الوزاري في اليوم الثاني لمؤتمر ... الذي انطلق أمس الاثنين"."""
    k = next((i for i, (a, b) in enumerate(spans) if a <= anchor < b), len(spans) - 1)
    # "وتحدث خلال الاجتماع عن الهجمات التي شنها داعش في 3 آذار": a date after an attack word is the attack's
    # "وكان آخرها قبل اجتماع الكويت قد عقد في واشنطن في مارس 2017": a meeting named after "قبل" or "بعد" is a
    # point of time; only a date right after it is its own
    toks = view.tokens
    points = [n for n in named if (i := view.token_at(n)) > 0 and toks[i - 1].norm in _AWAY]
    named = [n for n in named if n not in points] + _reference_points(view) + [
        n.end for n in triggers().find("attack_nouns", view.tokens)]
    since = _since_points(view)
    refs = _reference_points(view)
    dates = [d for d in view.dates if d.value and not _since(view, d) and not any(anchor < n < d.start for n in named)
             # "ويضم الإئتلاف اليوم 87 عضواً بعد أن رحب اجتماع عمّان بانضمام ...": a meeting inside a clause of
             # another event is not dated by what comes before that clause
             and not any(d.start < n < anchor for n in refs)
             and not any(anchor < n < d.start and view.token_at(d.start) - view.token_at(n) <= 4 for n in points)
             # "منذ أعلن أوباما في العاشر من أيلول ...، جلس ..."، "منذ إحداثها في بروكسل في دجنبر 2021": a
             # date in the clause of منذ is that other event's, unless the meeting word is in it too ("منذ
             # انضمامها إليه خلال قمة عمّان في أيار 2019")
             and not _after_in_clause(spans, [p for p in since if not p < anchor < d.start], d.start)]
    near = [d for d in dates if spans[k][0] <= d.start < spans[k][1]]
    if k + 1 < len(spans) and _opens_relative(view, spans[k + 1], held=True):
        # "في ختام الاجتماع العشرين للمجموعة، الذي عقد عبر الاتصال المرئي يومي 23 و24 تموز": the clause that says
        # when it was held comes before a date of the report in the meeting word's own clause
        x, y = spans[k + 1]
        near = [d for d in dates if x <= d.start < y] or near
    for direction in (-1, 1):  # walk outwards until a clause that names another venue
        i = k + direction
        while not near and 0 <= i < len(spans) and abs(i - k) <= 3:
            a, b = spans[i]
            if (a if direction == 1 else spans[i + 1][0]) in cuts or any(a <= o < b for o in others):
                break  # another meeting's words
            # (a city with ل on it is what something heads for, not where another event was: "تتقدم أمس ...
            # للموصل")
            # (nor a city that acts: "وفي 9 أيار أعلنت لندن منحة، بالتزامن مع اجتماع ... في الرياض")
            if any(a <= m.start < b and m.entity != place and _is_venue(m.entity, lex, parsed)
                   and "ل" not in proclitic(m, lex) and _as_place(view, m, lex) for m in view.mentions):
                break
            near = [d for d in dates if a <= d.start < b]
            i += direction
    if not near:
        return None, None
    d = min(near, key=lambda d: (-len(d.value), abs(d.start - anchor)))
    # "مساء الخميس 12 ماي 2022، غداة اختتام الاجتماع الوزاري": the day after the meeting ("عشية": the day before)
    k, a = view.token_at(d.end - 1), view.token_at(anchor)
    shift = next((_DAY_AROUND[t.norm] for t in view.tokens[k + 1:min(a, k + 3)] if t.norm in _DAY_AROUND), 0)
    if shift and len(d.value) == 10 and d.end <= anchor and not d.end_value:
        return (_Day.fromisoformat(d.value) + _Days(days=shift)).isoformat(), None
    return d.value, d.end_value


def _lasting(view, trig, date: str | None, end: str | None) -> tuple[str | None, str | None]:
    """A meeting's first and last day from one day and its length: "اختتمت في باريس أعمال اجتماع ... الذي
    استمر يومين" began the day before; "ينطلق اليوم ... ويستمر ثلاثة أيام" ends two days after. A day
    with neither a verb of ending nor of starting in its sentence is left as it is."""
    if not date or len(date) != 10 or end:
        return date, end
    toks = view.tokens
    lasting = trig.words("lasting")
    days = [int(m.entity) for m in trig.find("meeting_days", toks) if m.i > 0 and toks[m.i - 1].norm in lasting]
    if len(days) != 1:
        return date, end
    words = {t.norm for t in toks}
    ended, began = not words.isdisjoint(trig.words("concluded")), not words.isdisjoint(trig.words("opened"))
    if ended == began:
        return date, end
    day = _Day.fromisoformat(date).toordinal()
    first, last = (day - days[0] + 1, day) if ended else (day, day + days[0] - 1)
    return _Day.fromordinal(first).isoformat(), _Day.fromordinal(last).isoformat()


_PARTICIPATING = frozenset(normalize(w) for w in ("المشاركة", "الحاضرة"))


def _taking_part_in(view, r) -> bool:
    """Whether "the participating states" does not open a list of them ("ومن بين الدول المشاركة السعودية
    والأردن" does): the states taking part in something named after it ("الدول المشاركة في التحالف"), or
    no name right after it ("مرحباً بالوفود المشاركة، ...")."""
    if view.tokens[r.j - 1].norm not in _PARTICIPATING:
        return False
    k = r.j  # (past a time: "من بين الوفود المشاركة اليوم: العراق ...")
    while k < len(view.tokens) and any(d.start <= view.tokens[k].start < d.end for d in view.dates):
        k += 1
    return k >= len(view.tokens) or not any(m.start == view.tokens[k].start for m in view.mentions)


def _declined(view, r) -> bool:
    """Whether a word of attending is what someone declined or missed: "اعتذر عن الحضور: وفد كينيا"،
    "وتغيبت تركيا عن المشاركة"، "عدم حضور"."""
    if r.entity != "attendee":
        return False
    i = view.token_at(r.start)
    before = [t.norm for t in view.tokens[max(0, i - 3):i]]
    declined = triggers().words("declined")
    return bool(before) and (before[-1] in declined or (len(before) >= 2 and before[-1] == "عن" and (
        before[-2] in declined or len(before) == 3 and before[0] in declined)))


def _labelled_role(parsed: Parsed, view):
    """The role word that labels a line, at its start before a colon ("الرئاسة المشتركة: ..."), or ``None``."""
    return next((r for r in triggers().find("roles", view.tokens[:3]) if view.token_at(r.start) <= 1
                 and parsed.doc.text[r.end:r.end + 2].strip()[:1] == ":"), None)


def _label_carried(parsed: Parsed, view):
    """The role of a labelled line that a sentence goes on after "؛", on the same line ("الرئاسة المشتركة: أيمن
    الصفدي، ...؛" then "أنتوني بلينكن، وزير الخارجية – الولايات المتحدة الأمريكية"), as a role match at the
    sentence's start; ``None`` otherwise."""
    if not view.index or not parsed.sentences[view.index - 1].text.rstrip().endswith("؛"):
        return None  # (most sentences: looked at before the views are searched)
    vs = views(parsed)
    k = next((i for i, v in enumerate(vs) if v is view), None)
    text = parsed.doc.text
    for _ in range(_CARRIED_ITEMS):
        if not k or not view.tokens:
            return None
        before = vs[k - 1]
        if before.index != vs[k].index - 1 or "\n" in text[before.sentence.end:vs[k].sentence.start] \
                or not before.sentence.text.rstrip().endswith("؛"):
            return None
        role = _labelled_role(parsed, before)
        if role is not None:
            return replace(role, start=view.sentence.start, end=view.sentence.start)
        k -= 1
    return None


_CARRIED_ITEMS = 6  # items after "؛" a line's label reaches


def _participants(parsed: Parsed, ctx: Context, view, meeting: Meeting, cut=()) -> None:
    """Actors in the scope of a role word take part in ``meeting`` in that role.

    A speaking verb (قال، أكد، أعلن ...) takes the first actor after it (its subject);
    the other role words take the actors after them in the same clause, and "بصفة
    مراقبين" makes the actors before it in its clause observers. A person brings the
    state or organisation he or she acts for.
    """
    lex = ctx.lexicon
    roles = triggers().find("roles", view.tokens)
    carried = _label_carried(parsed, view)
    if carried is not None:
        roles = [carried] + roles
    co_chairs = triggers().find("co_chairs", view.tokens)
    met = triggers().words("met")
    if not (roles or co_chairs):
        return
    if view.tokens[-1].norm in triggers().words("cancelled"):
        return  # a programme's item marked cancelled at its end: "كلمة ممثل التحالف الإسلامي العسكري ← أُلغيت"
    refs = _reference_points(view)  # "بعد ساعات من خطاب وجهه الرئيس": roles in another event
    roles = [r for r in roles if not any(x < r.start for x in refs) and not _taking_part_in(view, r) and not _declined(view, r)
             and not _belongs_not_attends(view, r) and not _a_groups_role(parsed, view, r, lex)
             and not _negated(view, r)]
    if not (roles or co_chairs):
        return
    spans = clause_spans(view.sentence.text, view.sentence.start)
    ev = Evidence.of(view.sentence)
    from ..facts import PersonRole

    positions = {f.person: f.affiliation for f in parsed.facts_of(PersonRole) if f.evidence.sentence == view.index}
    # adjectives ("العراقيين") describe; a person's state comes through the person
    error = error_half(view.tokens)  # "نُسب خطأً إلى الوزير فلان حضور الاجتماع، والصحيح أن ...": none of its actors
    actors = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in _PARTICIPANT_CLASSES
              and m.how in ("name", "surname") and not is_media(m.entity, lex)
              # the venue is no participant, unless it is a state that acts ("تتولى الكويت رئاستها")
              and (m.entity != meeting.place or (entity_class(m.entity, lex, parsed) == "Country"
                                                  and not _after_preposition(view, m, lex)))
              and not ((_after_fi(view, m) or _for(m, lex)) and not _right_after(view, m, roles))
              and not _instead_of(view, m) and not _in_an_events_name(view, m)
              and not (error and error[0] < m.start < error[1])]
    # "حين شاركت أبوجا مع واشنطن في استضافة اجتماع": a capital that acts stands for its state, unless
    # it is where a meeting of the document was ("الاجتماع الوزاري الذي استضافته الرياض")
    capitals = [m for m in view.mentions if m.how == "name" and (e := lex.get(m.entity)) is not None
                and e.cls == "City" and e.extra.get("capital") and e.extra.get("country") and not _after_preposition(view, m, lex)
                and not _in_an_events_name(view, m)]
    # "برئاسة مشتركة إيطالية أميركية": the states' adjectives right after a word of chairing chair; those
    # right after a minister's counterparts are the states they came for ("وضم نظراءه البريطاني والألماني")
    chair_ends = {view.token_at(r.end - 1) for r in roles if r.entity == "chair"} | {
        k for k, t in enumerate(view.tokens) if any(f.startswith(_COUNTERPARTS) for f in strip_clitics(t.norm))}
    for m in sorted((m for m in view.mentions if m.how == "adjective"
                     and entity_class(m.entity, lex, parsed) == "Country"), key=lambda m: m.start):
        k = view.token_at(m.start)
        if k - 1 in chair_ends and not punct_between(parsed.doc.text, view.tokens[k - 1].end, m.start):
            actors.append(m)
            chair_ends.add(view.token_at(m.end - 1))
        elif _a_ministrys_state(view, k):
            actors.append(m)  # "بدعوة من وزارة الخارجية الإيطالية": the state of a ministry the lexicon does not name
    actors.sort(key=lambda m: m.start)
    if capitals:
        venues = {m.place for m in parsed.facts_of(Meeting)}
        actors += [replace(m, entity=lex[m.entity].extra["country"]) for m in capitals if m.entity not in venues]
        actors.sort(key=lambda m: m.start)
    chosen: dict[str, str] = {}
    at: dict[str, Meeting] = {}  # the meeting each actor's role word is in the clauses of
    # "، إلى جانب الرؤساء المشاركين،"، "، بالإضافة إلى الدولة المضيفة،": an aside naming no one; a role word
    # in it says who else was there and opens no scope
    asides = [x for x in _asides(view, spans) if not any(x[0] <= m.start < x[1] for m in actors)]
    for r in roles:
        if any(x <= r.start < y for x, y in asides):
            continue
        a, b = clause_of(spans, r.start)
        rt = view.token_at(r.start)
        # "ويأتي الاجتماع عشية انعقاد الاجتماع الوزاري ...، برئاسة ...": after a clause cut before another
        # meeting's word, the roles are that meeting's
        here = next((m for start, m in reversed(cut) if start <= r.start), meeting)
        if here is None:
            continue  # in the clauses of a meeting named without place or date: not the sentence's
        if r is carried or (rt <= 1 and r.entity != "observer" and parsed.doc.text[r.end:r.end + 2].strip()[:1] == ":"):
            # a programme's line under its label, over every "؛": "الرئاسة المشتركة: أيمن الصفدي، ... – المملكة
            # الأردنية الهاشمية؛ أنتوني بلينكن، وزير الخارجية – الولايات المتحدة الأمريكية"
            scope = [m for m in actors if m.start >= r.end]
        elif r.entity == "observer" and parsed.doc.text[r.end:r.end + 2].strip()[:1] != ":" and (
                any(a <= m.start < r.start for m in actors) or view.tokens[rt].norm != _AS):
            # ("بصفة مراقب: الإنتربول، ..."، "حضرته بصفة ملاحظ كل من بنين وتوغو": those listed after)
            scope = [m for m in actors if a <= m.start < r.start]
        elif r.entity == "speaker":
            after = [m for m in actors if r.end <= m.start and view.token_at(m.start) - rt <= 5]
            # "وأكد الرؤساء المشاركون أن سوريا ...": the co-chairs speak, not the state after them
            if after and any(r.end <= c.start < after[0].start for c in co_chairs):
                after = []
            if after and _to_the_press(parsed, lex, view, after[0]):
                after = []  # "وقال آمر الكتيبة العقيد فلان لـ«فسانيا»": told to a paper, not said at the meeting
            scope = _coordinated(view, after[0], actors, lex) if after else []
        else:
            own_end = b
            b = _coordinated_end(view, spans, a, b)
            if not any(r.end <= m.start < b for m in actors):
                # "وحضر الاجتماع، الذي استمر ساعتين، كل من ...": past a relative clause
                b = _past_relative_clause(view, spans, b)
            passed = (b, b)  # clauses the scope reaches past: their role words are their own
            if not any(r.end <= m.start < b for m in actors) and set(strip_clitics(view.tokens[rt].norm)) & met:
                # "اجتمع في مدينة جدة، بدعوة من السعودية، وزراء خارجية ...": who met is named in the first clause
                # after the verb's that opens with neither a preposition nor a time
                subject = _subject_clause(view, spans, a)
                if subject is not None:
                    passed, b = (b, subject[0]), subject[1]
            if not any(r.end <= m.start < b for m in actors):
                # "وشارك في الاجتماع، إلى جانب الرؤساء المشاركين، ممثلون عن نيجيريا وموزمبيق": past an aside
                aside_end = next((y for x, y in asides if r.end < x and _ends_at(spans, x, b)), None)
                if aside_end is not None and _first_word(view, aside_end) not in _MOVES_ON:  # not "، فيما غابت تركيا"
                    b = _coordinated_end(view, spans, aside_end, clause_of(spans, aside_end)[1], and_too=False)
            if parsed.doc.text[b:b + 1] == ":":  # "وشارك في الاجتماع وزراء خارجية دول المجلس: الإمارات، والبحرين ..."
                listed_to = _list_end(parsed, view, spans, b, lex)
                b = _coordinated_end(view, spans, clause_of(spans, listed_to - 1)[0], listed_to)
            # "ترأسه X ونظيره Y، وشارك فيه Z": the next role word opens a scope of its own, unless it heads
            # a delegation ("ووفد من الجامعة العربية برئاسة ...": who led the delegation attended)
            b = min([b] + [x.start for x in roles if x.start > r.end and x.entity != "speaker"
                           and not _heads_a_delegation(view, x) and not any(p <= x.start < q for p, q in asides)
                           and not passed[0] <= x.start < passed[1]])
            # (a list that goes on past commas may run longer: "أحيي فلان، وزير ...، وفلان، ...، وكذا ممثلي ...")
            reach = 30 if b <= own_end else 80
            scope = [m for m in actors if r.end <= m.start < b and view.token_at(m.start) - rt <= reach
                     and not passed[0] <= m.start < passed[1]]
            if (r.entity in ("chair", "host") and view.tokens[rt].norm[:1] in "يت") or (
                    # "وتعلمون أن بلادنا احتضنت في مراكش ... الاجتماع": the subject before a past verb of hosting
                    # that no one follows
                    r.entity == "host" and view.tokens[rt].norm[:1] == "ا" and r.j - r.i == 1
                    and not any(view.token_at(m.start) == rt + 1 for m in actors)) or (
                    r.entity == "attendee" and not scope and (set(strip_clitics(view.tokens[rt].norm)) & met
                                                              or view.tokens[rt].norm in _ATTENDS)):
                # "وزير الخارجية الإيطالي فلان ونظيره الأمريكي فلان يترأسان في روما اجتماعاً": the subject
                # before a verb (not a noun: "برئاسة"), the last of it right before the verb (or before one of
                # meeting with no one after it: "وزراء خارجية الولايات المتحدة ... ولبنان يجتمعون في جدة")
                reach = 10 if r.entity != "attendee" else 30
                before = [m for m in actors if a <= m.start and m.end <= r.start and rt - view.token_at(m.start) <= reach]
                # ("وكانت ليبيا قد شاركت في ...": قد between)
                if before and (view.token_at(before[-1].end - 1) == rt - 1 or (
                        view.token_at(before[-1].end - 1) == rt - 2 and view.tokens[rt - 1].norm == _QAD)):
                    scope = before + scope
            elif r.entity == "chair" and view.tokens[rt].norm.startswith(_CHAIRMANSHIP):
                # "التي تتولى ألمانيا رئاستها بالاشتراك مع ..."، "وتتشارك الكويت رئاستها مع ...": the subject
                # between a verb of taking on and the chairmanship holds it
                before = [m for m in actors if a <= m.start and m.end <= r.start]
                if before and view.token_at(before[-1].end - 1) == rt - 1:
                    k = view.token_at(before[-1].start)
                    if k > 0 and view.tokens[k - 1].norm.lstrip("و") in _TAKES_ON:
                        scope = [before[-1]] + scope
        for m in scope:
            # a person brings the state or body he or she acts for; a state's ministry brings its state ("بينهم
            # وكيل وزارة الخارجية العراقية")
            own = lex.get(m.entity)
            state = positions.get(m.entity) or (own.extra.get("country") if own is not None and own.cls == "GovernmentBody"
                                                else None)
            body = lex.get(state) if state else None
            for actor in (m.entity, state, body.extra.get("country") if body and body.cls == "GovernmentBody" else None):
                if actor and (actor not in chosen or r.entity == "observer"
                              # "بدعوة من المملكة": a host named in a list of those who came is the host
                              or (r.entity in ("host", "chair") and chosen[actor] == "attendee"
                                  and not _heads_a_delegation(view, r))):
                    chosen[actor] = r.entity
                    at[actor] = here
    for c in co_chairs:
        a, b = clause_of(spans, c.start)
        k = next((i for i, (x, _) in enumerate(spans) if x == a), None)
        if k is None or k + 1 >= len(spans):
            continue
        nxt = normalize(view.sentence.text[spans[k + 1][0] - view.sentence.start:].split(maxsplit=1)[0])
        if nxt in triggers().words("namely"):
            a1, _ = spans[k + 1]
            b1 = _coordinated_end(view, spans, a1, spans[k + 1][1])
            for m in actors:
                if a1 <= m.start < b1:
                    chosen.setdefault(m.entity, "chair")
    for actor, role in chosen.items():
        parsed.facts.append(Participation(ev, f"meetings/role-{role}", meeting=at.get(actor, meeting).key, actor=actor,
                                          role=role))


_BATTLE = frozenset(normalize(w) for w in ("معركة", "معركتي", "لمعركة", "لمعركتي", "معارك", "لمعارك", "بمعركة",
                                           "تحرير", "لتحرير", "استعادة", "لاستعادة"))


def _after_battle_word(view, m) -> bool:
    """Whether a city is named right after a word of battle or liberation ("لمعركتي الموصل والرقة"), or
    next in a list after one."""
    k = view.token_at(m.start)
    toks = view.tokens
    return k > 0 and (toks[k - 1].norm in _BATTLE or (
        k > 1 and m.surface.startswith("و") and toks[k - 2].norm in _BATTLE))


def _from_afar(view, word, spans) -> bool:
    """Whether a word of meeting online says how one participant took part: a verb of taking part
    before it in its clause ("فيما شارك كيري عن بعد بسبب إصابته")."""
    a, _ = clause_of(spans, word.start)
    return any(a <= t.start < word.start and _strip_conj(t.norm) in _ATTENDS for t in view.tokens)


# verbs of attending or taking part: whose subject may come before them ("تركيا تحضر الاجتماع"), who took part
# from afar ("فيما شارك كيري عن بعد"), a state welcomed "التي تشارك" (for taking part, not for joining)
_ATTENDS = frozenset(normalize(w) for w in ("تحضر", "يحضر", "تحضره", "يحضره", "يحضرون", "حضر", "حضرت", "تشارك",
                                            "يشارك", "يشاركون", "شارك", "شاركت", "انضم", "انضمت"))
# "تتولى X رئاسة ...": a verb of taking on, then who, then the chairmanship
_TAKES_ON = frozenset(normalize(w) for w in ("تتولى", "يتولى", "تولت", "تولى", "تتشارك", "يتشارك", "تشاركت", "تشارك",
                                            "تتقاسم", "يتقاسم", "تقاسمت", "تتناوب", "يتناوب"))
_CHAIRMANSHIP = normalize("رئاست"), normalize("رئاسه")

_EVENT_NOUNS = frozenset(normalize(w) for w in ("مؤتمر", "اجتماع", "قمة", "منتدى", "ملتقى"))


def _in_an_events_name(view, m, outside: int | None = None) -> bool:
    """Whether a name is inside the bracketed or quoted name of an event, "(مؤتمر الكويت الدولي لاعادة اعمار
    العراق)"، «مؤتمر بروكسل»: the event's name, not who took part (with ``outside``, a document offset, only
    when that offset comes before the brackets: the meeting told is not the one named in them)."""
    text, k = view.sentence.text, m.start - view.sentence.start
    if outside is not None and not outside < view.sentence.start + max(text.rfind(c, 0, k) for c in "(«“\""):
        return False
    words = quoted_words(view, m.start)
    opened = text.rfind("(", 0, k)
    if words is None and opened >= 0 and text.rfind(")", 0, k) < opened:
        closed = text.find(")", k)
        words = text[opened + 1:closed if closed >= 0 else len(text)].split()
    return words is not None and len(words) > len(m.surface.split()) and bool(
        set(strip_clitics(normalize(words[0]))) & _EVENT_NOUNS)


_DELEGATION = frozenset(normalize(w) for w in ("وفد", "ووفد", "بوفد", "الوفد", "والوفد", "وفدا", "وفداً"))


def _heads_a_delegation(view, role) -> bool:
    """Whether a role word follows a delegation within a few words ("وفد من جامعة الدول العربية برئاسة"), or
    has one right after it ("وترأس وفد نيجيريا وزير الخارجية")."""
    k = view.token_at(role.start)
    j = view.token_at(role.end - 1)
    return any(t.norm in _DELEGATION for t in view.tokens[max(0, k - 6):k] + view.tokens[j + 1:j + 3])


def _coordinated(view, first, actors, lex) -> list:
    """``first`` and the actors joined to it by و, word after word: the subject of a speaking verb
    may be a list ("وقدم ممثلو الكاميرون وتشاد وغينيا قراءاتهم")."""
    out = [first]
    for m in actors:
        if m.start > out[-1].start and view.token_at(m.start) == view.token_at(out[-1].end - 1) + 1:
            if not proclitic(m, lex).startswith("و"):  # "وواشنطن", not "واشنطن"
                break
            out.append(m)
    return out


def _past_relative_clause(view, spans, b: int) -> int:
    """The end of the clause after the relative clause that starts at ``b`` (a comma, then الذي or
    التي), that clause's list included; ``b`` itself when no relative clause starts there."""
    k = next((i for i, (x, _) in enumerate(spans) if x >= b), None)
    if k is None or k + 1 >= len(spans) or not _opens_relative(view, spans[k]):
        return b
    return _coordinated_end(view, spans, spans[k + 1][0], spans[k + 1][1])


_NOT_A_SUBJECT = frozenset(normalize(w) for w in ("في", "يوم", "أمس", "اليوم", "خلال", "بعد", "قبل", "على", "من", "عبر",
                                                   "وذلك", "حيث", "الذي", "التي"))


# Words that open a clause on something else: "، ثم انتقل ..."، "، فيما غابت تركيا ..."
_MOVES_ON = frozenset(normalize(w) for w in ("ثم", "فيما", "وفيما", "بينما", "حيث", "كما", "لكن", "غير", "إلا"))


def _first_word(view, offset: int) -> str:
    """The normalised first word of the sentence from document ``offset`` on."""
    words = view.sentence.text[offset - view.sentence.start:].split(maxsplit=1)
    return normalize(words[0].strip("،,:")) if words else ""


def _subject_clause(view, spans, a: int) -> tuple[int, int] | None:
    """The first of the three clauses after the one at ``a`` that opens with neither a preposition (written
    apart, or ب on its first word) nor a time, with the list it goes on with: where the subject after the verb
    is ("اجتمع في مدينة جدة، بدعوة من السعودية، وزراء خارجية الولايات المتحدة ...")."""
    k = next((i for i, (x, y) in enumerate(spans) if x == a), None)
    if k is None:
        return None
    for i in range(k + 1, min(len(spans), k + 4)):
        x, y = spans[i]
        first = _first_word(view, x) if x < y else ""
        if first in _MOVES_ON:
            return None  # "...، ثم انتقل وزير الخارجية إلى بغداد": the sentence has moved on
        if not first or first in _NOT_A_SUBJECT or first.startswith("ب") or any(x <= d.start < y for d in view.dates):
            continue
        return x, _coordinated_end(view, spans, x, y, and_too=False)
    return None


def _asides(view, spans) -> list[tuple[int, int]]:
    """Clauses that a word of addition opens ("، إلى جانب ...،"، "، بالإضافة إلى ...،") with a clause after
    them: ``(start, where the next clause starts)``."""
    listed = triggers().words("list_goes_on")
    out = []
    for k in range(len(spans) - 1):
        words = [normalize(w) for w in view.sentence.text[spans[k][0] - view.sentence.start:].split()[:2]]
        if k > 0 and words and (words[0] in listed or " ".join(words) in listed):
            out.append((spans[k][0], spans[k + 1][0]))
    return out


def _ends_at(spans, start: int, b: int) -> bool:
    """Whether the clause starting at ``start`` ends at ``b``."""
    return any(x == start and y == b for x, y in spans)


def _opens_relative(view, span: tuple[int, int], held: bool = False) -> bool:
    """Whether clause ``span`` opens with الذي or التي (with ``held``, then a verb of being held:
    "، الذي عقد في ...")."""
    x, y = span
    words = [normalize(w) for w in view.sentence.text[x - view.sentence.start:y - view.sentence.start].split()[:2]]
    if not words or words[0] not in ("الذي", "التي"):
        return False
    return not held or (len(words) == 2 and words[1] in triggers().words("held"))


def _coordinated_end(view, spans, a: int, b: int, and_too: bool = True) -> int:
    """A list goes on past a comma when the next clause opens with "و": "بدعوة من X، وY" (with ``and_too``
    false, only past a word of addition: "، فضلاً عن الاتحاد الإفريقي", not "، وغابت تركيا عن الاجتماع")."""
    k = next((i for i, (x, _) in enumerate(spans) if x == a), None)
    while k is not None and k + 1 < len(spans):
        nxt = view.sentence.text[spans[k + 1][0] - view.sentence.start:].lstrip()
        words = [normalize(w.strip(":،,;؛")) for w in nxt.split(maxsplit=2)[:2]]  # "هي: X، وY"
        first = words[0] if words else ""
        # "لوزير الخارجية، السيد ناصر بوريطة، والمبعوث ...": a name set off by commas after its title goes on too
        goes_on = and_too and nxt.startswith("و") and not nxt.startswith(("وذلك", "وهو", "وهي", "وقال", "وأكد", "وأشار")) \
            and first not in triggers().words("negation") \
            and first not in _W_NOUNS \
            and not (len(words) > 1 and words[1][:2] in ("ست", "سي") and len(words[1]) >= 5)
        # (not "، والمملكة ستشارك فيه": a subject and the verb of a clause of its own)
        listed = triggers().words("list_goes_on")
        # "بحضور الأمير فيصل بن فرحان، وزير خارجية السعودية، ومعالي ...": a title set off by commas after a
        # name is the name's, and the list goes on past it
        end = spans[k][1]
        if not (goes_on or first in listed or " ".join(words) in listed or first in triggers().words("honorifics")
                or (first in _title_heads() and any(end - 2 <= m.end <= end for m in view.mentions))):
            break
        k += 1
        b = spans[k][1]
    return b


def _title_heads() -> frozenset[str]:
    """The first words of the titles (وزير، نائب، رئيس ...): the people step's, read when first asked for."""
    from .people import _title_heads as heads  # (people reads this module: not at import time)
    return heads()


_BRINGS = frozenset({"يضم", "تضم", "ضم", "وضم"})


def _belongs_not_attends(view, r) -> bool:
    """"يضم" says who a meeting brought together only right after the meeting's word ("اجتماع في مدينة جدة
    يضم ...") or right before it, its subject ("وضم الاجتماع ممثلين عن ..."); "التحالف الدولي، الذي يضم
    الولايات المتحدة وروسيا" says who belongs to something."""
    i = view.token_at(r.start)
    if _strip_conj(view.tokens[i].norm) not in _BRINGS:  # (and "ويضم التحالف حالياً 86 عضواً")
        return False
    if i > 0 and view.tokens[i - 1].norm in _RELATIVE:
        return True
    nouns = triggers().find("meeting_nouns", view.tokens)
    # (or further, after a clause on who hosted or chaired it: "في اجتماع استضافه وزير الدفاع الفرنسي آنذاك
    # جان إيف لودريان، وضم نظراءه ...")
    return not any(0 < i - view.token_at(n.start) <= 6 or view.token_at(n.start) == i + 1 or (
        0 < i - view.token_at(n.start) <= 14 and view.token_at(n.start) + 1 < i
        and view.tokens[view.token_at(n.start) + 1].norm in _HOSTED_IT) for n in nouns)


# a ministry's noun, with a clitic or not: the state whose adjective closes its name takes part
_MINISTRY_NOUNS = frozenset(normalize(w) for w in ("وزارة", "لوزارة", "بوزارة", "ووزارة"))


def _a_ministrys_state(view, k: int) -> bool:
    """Whether the state's adjective at token ``k`` closes a ministry's name: "وزارة الخارجية الإيطالية"،
    "وزارة الدفاع الأمريكية" (one or two words with the article between). Narrower than the bodies whose
    state gives money (funding's ``_body_state``): "مصدر في الوفد الأمريكي" names no participant."""
    toks = view.tokens
    for n in (1, 2):
        if k - n - 1 >= 0 and toks[k - n - 1].norm in _MINISTRY_NOUNS and all(definite(t) for t in toks[k - n:k]):
            return True
    return False


def _negated(view, r) -> bool:
    """Whether a role word is a verb negated right before it: "ولم يحضر وزير الخارجية الاجتماع"."""
    i = view.token_at(r.start)
    return i > 0 and view.tokens[i - 1].norm in triggers().words("negation")


def _a_groups_role(parsed: Parsed, view, r, lex) -> bool:
    """Whether a role word opens a relative clause on a working group named right before it: "مجموعة التركيز
    الخاصة بإفريقيا، التي تترأسها المملكة إلى جانب الولايات المتحدة" says who chairs the group, not the
    meeting the report tells."""
    i = view.token_at(r.start)
    if i == 0 or view.tokens[i - 1].norm not in _RELATIVE:
        return False
    rel = view.tokens[i - 1]
    verbs = {view.token_at(v.end - 1) for v in triggers().find("meeting_verbs", view.tokens)}
    # (unless the group is who met: "عقدت مجموعة العمل ...، التي تترأسها هولندا بالاشتراك مع تركيا، اجتماعاً")
    return any(m.end <= rel.start and not parsed.doc.text[m.end:rel.start].strip(" ،,") and m.how == "name"
               and entity_class(m.entity, lex, parsed) == "WorkingGroup" and view.token_at(m.start) - 1 not in verbs
               for m in view.mentions)


# a verb of hosting or chairing with the meeting as its pronoun, right after the meeting's word
_HOSTED_IT = frozenset(normalize(w) for w in ("استضافه", "استضافها", "استضافته", "ترأسه", "ترأسها", "احتضنه",
                                              "احتضنها", "نظمه", "نظمها", "رعاه", "رعاها"))


_INSTEAD = frozenset({"بدلا", "بدل", "عوضا"})
_THAT_THING = frozenset({"ذلك", "هذا", "هذه", "تلك"})


def _instead_of(view, m) -> bool:
    """"بدلاً من وزير الدفاع فكري إشيق": who did not come, a title between "بدلاً من" and the name or not."""
    i = view.token_at(m.start)
    toks = view.tokens
    for k in range(max(0, i - 6), i):
        if toks[k].norm.lstrip("و") in _INSTEAD and k + 2 < len(toks) and toks[k + 1].norm in ("من", "عن") \
                and toks[k + 2].norm not in _THAT_THING:  # not "بدلا من ذلك"
            # only titles and the person's state may stand between: no other actor
            return not any(k < view.token_at(x.start) < i and x.end <= m.start for x in view.mentions)
    return False


def _right_after(view, m, roles) -> bool:
    """"برئاسة مشتركة لإيطاليا": ل after a role word names who holds the role."""
    i = view.token_at(m.start)
    return any(0 <= i - view.token_at(r.end - 1) <= 2 for r in roles)


def _for(m, lex) -> bool:
    """"المبعوث الخاص لسوريا": a state named with the preposition ل is who something is for."""
    return m.entity in lex.entries and "ل" in proclitic(m, lex)


def _after_preposition(view, m, lex) -> bool:
    """A place after في، من، إلى ... (or with ب or ل on it: "بلندن", not "لندن") is where, not who."""
    i = view.token_at(m.start)
    prev = view.tokens[i - 1].norm if i > 0 else ""
    return _after_fi(view, m) or prev in ("وفي", "إلى", "الى", "عن", "نحو") or bool({"ب", "ل"} & set(proclitic(m, lex)))


def _after_fi(view, m) -> bool:
    """A country named after "في" is where something is, not who took part."""
    i = view.token_at(m.start)
    prev = view.tokens[i - 1].norm if i > 0 else ""
    first = view.tokens[i].norm if i < len(view.tokens) else ""
    if prev == "من" and i > 1 and view.tokens[i - 2].norm in ("كل", "وكل"):
        return False  # "كلٌّ من السعودية وإيطاليا": both of them
    if prev in ("في", "داخل", "من", "بين") or first.startswith("بال"):
        return True
    if first.startswith("و") and i > 0:
        # "في المناطق المحررة من العراق وسوريا": the second of a pair after "من" is where too (not "بمشاركة
        # مسؤولين من العراق والولايات المتحدة": من after who came says where they came from)
        before = next((x for x in view.mentions if x.end <= m.start and view.token_at(x.end - 1) == i - 1), None)
        if before is None or not _after_fi(view, before):
            return False
        b = view.token_at(before.start)
        return view.tokens[b - 1].norm != "من" or (b > 1 and view.tokens[b - 2].norm.startswith("ال"))
    return False


_RANKS = frozenset(normalize(w) for w in ("صفوف", "بصفوف", "لصفوف", "إلى", "الى"))


def _joins_the_enemy(view, jt: int, lex, parsed, trig) -> bool:
    """Whether the join word at token ``jt`` is joining the armed group: "للالتحاق بالتنظيم"، "الانضمام إلى
    داعش"، "انضموا إلى صفوف داعش" (the group, or "التنظيم", after it past "إلى" and "صفوف")."""
    toks = view.tokens
    for k in range(jt + 1, min(len(toks), jt + 4)):
        if set(strip_clitics(toks[k].norm)) & trig.words("the_organisation"):
            return True
        if any(m.start == toks[k].start and entity_class(m.entity, lex, parsed) == "ArmedGroup" for m in view.mentions):
            return True
        if toks[k].norm not in _RANKS:
            return False
    return False


@step("membership", in_genre=True)
def membership(parsed: Parsed, ctx: Context) -> None:
    """Who joined the coalition, at which meeting and when.

    The member is a country named right after a join word in its clause ("انضم إليه ...
    شريكان جديدان هما كينيا وفيجي", "بانضمام جمهورية توغو"), right after a welcome
    ("رحّب الأعضاء بأوزبكستان"), or just before "عضواً جديداً" / "بصفتها العضو"; the
    clause must be about the coalition (its name or a member word), not a working group.
    """
    lex = ctx.lexicon
    trig = triggers()
    member_after, held_at = trig.words("member_after"), trig.words("held_at")
    previous: SentenceView | None = None
    undated: list[Join] = []  # joins at no meeting, dated by the day of publication
    for view in views(parsed):
        toks = view.tokens
        before, previous = previous, view
        _member_since(parsed, view, lex, trig)
        joins = trig.find("joins", toks)
        if not joins:
            continue
        # "لم يتوقف التحالف عن التوسع؛ فحين انضمت إليه توغو ...": "إليه" may point to the sentence before
        coalition_before = before is not None and before.index == view.index - 1 and any(
            entity_class(m.entity, lex, parsed) == "Coalition" for m in before.mentions)
        spans = clause_spans(view.sentence.text, view.sentence.start)
        meeting = meeting_of(parsed, view.index)
        own_meeting = _own_meeting(parsed, view.index) is not None
        if meeting is not None and not own_meeting and not 0 <= _months_before(meeting.start_date,
                                                                               parsed.doc.published) <= 1:
            # "سوريا تنضم ... أمس" over a report that recalls a meeting months before, or one that announces a
            # meeting still to come ("انضمت سوريا في تشرين الثاني الماضي" told before a meeting next month): not
            # at that meeting
            meeting = None
        if meeting is not None and not own_meeting and meeting.start_date:
            # "آخر دولة انضمت هي بوركينا فاسو، وكان ذلك في كانون الأول/ديسمبر الماضي": a sentence that dates
            # the join otherwise than the report's meeting tells a join at another time
            refs = _reference_points(view)
            own_dates = [d.value for d in view.dates if d.value and not _after_in_clause(spans, refs, d.start)]
            n = min(len(meeting.start_date), len(own_dates[0])) if own_dates else 0
            if own_dates and own_dates[0][:n] != meeting.start_date[:n]:
                meeting = None
        date = meeting.start_date if meeting else None
        if not date:
            # not a date in a clause on another event ("..., بعد أن كانت غانا آخر المنضمين إليه في أيلول")
            refs = _reference_points(view)
            dated = [d.value for d in view.dates if d.value and not _after_in_clause(spans, refs, d.start)]
            date = dated[0] if dated else parsed.doc.published
        members: list = []
        among_dates: dict[int, str | None] = {}  # "من أوائل الدول التي انضمت": the member's start -> its own date
        for j in joins:
            a, b = clause_of(spans, j.start)
            listed_from = first_item = None  # where a list that a colon opens starts, and its first token
            if parsed.doc.text[b:b + 1] == ":":  # "ثلاثة أعضاء جدد ينضمون إلى تحالفنا: نيجيريا وتونس وماليزيا"
                listed_from, b = b + 1, _list_end(parsed, view, spans, b, lex)
                first_item = view.token_at(listed_from)
            clause_norms = [t.norm for t in toks if a <= t.start < b]
            jt = view.token_at(j.start)
            if _joins_the_enemy(view, jt, lex, parsed, trig):
                continue  # "قدموا من أكثر من مئة بلد للالتحاق بالتنظيم في العراق وسوريا"
            if jt and toks[jt - 1].norm in trig.words("negation"):
                continue  # "ولم تنضم الجزائر إلى التحالف": a join denied
            wish = jt - 2 if jt > 1 and toks[jt - 1].norm == "في" else jt - 1  # (past "في": "رغبتها في الانضمام")
            if wish >= 0 and not trig.words("join_not_yet").isdisjoint(strip_clitics(toks[wish].norm)):
                continue  # "ولم تتقدم بطلب للانضمام"، "رغبتها في الانضمام": an application or a wish
            if toks[jt].norm.startswith(("سي", "ست")) and any(t.norm in trig.words("soon") for t in toks[jt:]
                                                             if t.start < b):
                continue  # "الجزائر ستنضم إلى التحالف قريباً": expected, not done
            if quoted_claim(view.sentence, view.tokens, j.start):
                continue  # "الادعاء الثاني: «روسيا وإيران انضمتا إلى التحالف» التقييم: خطأ": a claim, not a join
            # "أعلن التحالف الدولي، أمس، انضمام موريتانيا إليه": إليه names the coalition of the sentence
            back = any(t.norm in trig.words("to_it") for t in toks[jt + 1:jt + 8] if t.start < b)
            # "يبلغ عدد أعضاء التحالف 87 عضواً، عقب انضمام توغو": the clause before is the join's
            about, first = a, view.token_at(a)
            if first < len(toks) and toks[first].norm in trig.words("after_event"):
                about = max((x for x, y in spans if y <= a), default=a)
            # ... or in another clause of a sentence that tells a meeting of the coalition ("في اجتماع مراكش،
            # رحب الوزراء بانضمام بنين، ثم أطلق التحالف ..."، "التحالف، الذي توسع بانضمام غانا في قمته الأخيرة")
            welcome = bool(trig.find("join_welcome", toks[jt:jt + 1]))
            welcomed = any(about <= w.start <= j.start for w in trig.find("join_welcome", toks))
            # (or a meeting of the coalition told in the sentence welcomes it: "- 6 فبراير 2019: اجتماع وزاري في
            # واشنطن يرحب بانضمام كينيا وفيجي", a timeline's item that names no coalition)
            # (or, for a join word with nothing joined after it, the coalition the sentence named before: "وهي أعضاء
            # منذ السنوات الأولى للتحالف، فضلاً عن كينيا التي انضمت في فبراير 2019")
            untold = not any(t.norm in _JOINED_TO for t in toks[jt + 1:jt + 3])
            about_coalition = any(about <= n.start < b for n in trig.find("size_nouns", toks)) or (
                untold and jt > 0 and toks[jt - 1].norm in _RELATIVE and any(
                    m.end <= j.start and entity_class(m.entity, lex, parsed) == "Coalition" for m in view.mentions)) or any(
                entity_class(m.entity, lex, parsed) == "Coalition" and (about <= m.start < b or back or own_meeting)
                for m in view.mentions) or (back and coalition_before) or (
                welcomed and own_meeting and any(about <= n.start < b for n in trig.find("meeting_nouns", toks))) or (
                # a row of a table of the coalition's meetings: "| 8 حزيران 2023 | الرياض | وزاري | 86 | انضمام توغو |"
                view.index in getattr(parsed, "_table_rows", ()))
            if not about_coalition or any(w.startswith(trig.prefixes("chairs")) for w in clause_norms):
                continue
            # "أعلنت تأسيس التحالف [الإسلامي] ...، قبل أن يرتفع عدد أعضائه إلى 41 دولة بانضمام سلطنة عمان":
            # the alliance named last before the join word is the one joined
            # (or, for "إليه", a pact: "حلف شمال الأطلسي يضم ٣٢ دولة عضوا بعد انضمام السويد إليه"; not the pact
            # that joins: "حلف شمال الأطلسي ينضم رسمياً إلى التحالف")
            named = [m for m in view.mentions if (m.entity in lex.alliances() or (back and m.entity in lex.pacts()))
                     and m.end <= j.start]
            if named and entity_class(named[-1].entity, lex, parsed) != "Coalition":
                continue
            window = 3 if welcome else 30
            if welcome and trig.find("meeting_nouns", toks[jt + 1:jt + 2]):
                # "رحّب الاجتماع الوزاري في واشنطن بكينيا وفيجي": the meeting that welcomes, then the welcomed, the
                # first word with ب after it in the clause
                window = next((k - jt for k in range(jt + 2, min(len(toks), jt + 9)) if toks[k].start < b
                               and toks[k].surface.startswith("ب") and len(toks[k].norm) > 3), window)
            listed = -2  # the token after the last member taken: "بجمهورية إفريقيا الوسطى وموريتانيا واليمن"
            past_away = -2  # the token after the last state named after "قبل" or "بعد"
            for m in view.mentions:
                cls = entity_class(m.entity, lex, parsed)
                if cls not in ("Country", "InternationalOrganization") or m.how != "name" or not a <= m.start < b:
                    continue
                mt = view.token_at(m.start)
                after = _member_after(view, m, member_after)
                first_listed = mt == first_item
                joined = proclitic(m, lex).startswith("و") and mt == listed
                # an organisation joins too ("انضمت المنظمة الدولية للشرطة الجنائية (الإنتربول) إليه"), named
                # right after the join word, first in the list after it, next in a list of members
                # ("بانضمام غينيا وتجمع دول الساحل والصحراء"), or before "بصفتها العضو"
                # (or the subject right before the verb: "حلف شمال الأطلسي ينضم رسمياً إلى التحالف")
                subject = (j.start >= m.end and jt - view.token_at(m.end - 1) == 1 and not proclitic(m, lex)
                           and not any(n in toks[jt].norm for n in ("انضمام", "التحاق")))  # a verb, not its noun
                if cls != "Country" and not (after or first_listed or joined or (j.end <= m.start and mt - jt <= 2)
                                             or (subject and not welcome)):
                    continue
                if mt and toks[mt - 1].norm in held_at:  # "في اجتماع الكويت": where it was held
                    continue
                if mt and (toks[mt - 1].norm in _AWAY or (mt == past_away and proclitic(m, lex).startswith("و"))):
                    # "آخر دولة تنضم إلى التحالف قبل سوريا"، "بعد بنين وغانا": the ones it came before or after
                    past_away = view.token_at(m.end - 1) + 1
                    continue
                end = view.token_at(m.end - 1)
                if any(r.entity == "observer" for r in trig.find("roles", toks[end + 1:end + 4])):
                    continue  # "رحب الوزراء بكازاخستان بصفة مراقب": welcomed as an observer, not as a member
                # "موريتانيا تنضم إلى التحالف": the member may be the subject just before the verb
                # ("وكانت كينيا قد انضمت": قد may stand between them)
                gap = jt - view.token_at(m.end - 1) - 1
                # ("وكانت أوزبكستان آخر دولة تنضم": "the last state" between)
                subject_before = not welcome and (gap == 0 or (gap == 1 and toks[jt - 1].norm == "قد") or (
                    gap == 2 and toks[jt - 2].norm in _FIRST_LAST and toks[jt - 1].norm in _STATE_NOUNS))
                if subject_before:  # "ثلاث دول جديدة هي نيجيريا وتونس وماليزيا انضمت": the whole list is the subject
                    members.extend((x, (a, b)) for x in _list_before(parsed, view, m, lex))
                if mt - 2 > jt and toks[mt - 2].norm in _RELATIVE:
                    continue  # "... إلى التحالف الدولي الذي تقوده الولايات المتحدة": the subject of a relative clause
                if welcome and "ب" not in proclitic(m, lex) and not (after or joined):
                    continue  # "ورحب حلف شمال الأطلسي بانضمام توغو": who welcomes; the welcomed has ب on it
                if welcome and end + 2 < len(toks) and toks[end + 1].norm in _RELATIVE and toks[end + 2].norm in _ATTENDS:
                    continue  # "رحب المشاركون بسوريا التي تشارك لأول مرة بصفتها عضواً": its taking part
                if (j.end <= m.start and mt - jt <= window) or subject_before or after or joined:
                    # a member of a list is dated by its own item ("..., والفلبين التي أعلن انضمامها في شباط 2018")
                    own = clause_of(spans, m.start) if listed_from is not None and m.start >= listed_from else (a, b)
                    members.append((m, own))
                    listed = view.token_at(m.end - 1) + 1
            # "انضمام الحلف بصفته منظمة إلى التحالف": a body named again by its common noun is the last such
            # body the text named in full ("حلف شمال الأطلسي")
            if jt + 1 < len(toks) and not welcome:
                body = _body_named_again(parsed, lex, toks[jt + 1], j.start)
                if body is not None:
                    members.append((body, (a, b)))
            # "فيما حضرته بوركينا فاسو، التي انضمت إلى التحالف في ديسمبر": the state a relative clause of joining
            # describes, named right before it
            # (not a welcome that names whom it welcomed: "اجتماع ... بضيافة إسبانيا، الذي رُحّب فيه بأوزبكستان")
            k = jt - 1 if jt >= 1 and toks[jt - 1].norm != "قد" else jt - 2
            if k >= 1 and toks[k].norm in _RELATIVE and not (welcome and any(
                    j.end <= m.start < b and "ب" in proclitic(m, lex) and entity_class(m.entity, lex, parsed) == "Country"
                    for m in view.mentions)):
                named = [m for m in view.mentions if m.how == "name" and m.end <= toks[k].start
                         and entity_class(m.entity, lex, parsed) == "Country"
                         and not parsed.doc.text[m.end:toks[k].start].strip(" ،,")]
                if named:
                    members.append((named[-1], (a, b)))
                elif k >= 3 and toks[k - 1].norm in _STATES and toks[k - 2].norm in _AMONG and toks[k - 3].norm == "من":
                    # "أن دولة الإمارات كانت من أوائل الدول التي انضمت إلى التحالف": one of the states that joined
                    among = [m for m in view.mentions if m.how == "name" and m.end <= toks[k - 3].start
                             and entity_class(m.entity, lex, parsed) == "Country"
                             and k - 3 - view.token_at(m.end - 1) <= _AMONG_WITHIN]
                    if among:
                        members.append((among[-1], (a, b)))
                        # dated by its own words ("عند تأسيسه في عام 2014"), not by the meeting the sentence reports
                        among_dates[among[-1].start] = next(
                            (d.value for d in view.dates if d.value and toks[k].start <= d.start < b), None)
        passing = getattr(parsed, "_passing_meetings", {}).get(view.index, ())
        anchored_here = getattr(parsed, "_anchored_meetings", {}).get(view.index, ())
        error = error_half(toks) if members else None  # "ذكرنا ... أن كازاخستان انضمت ...، والصحيح أن ..."
        for m, clause in dict((m.entity, (m, c)) for m, c in reversed(members)).values():
            if (meeting and m.entity == meeting.place) or (error and error[0] < m.start < error[1]):
                continue
            # "..., بعدما رحّب اجتماع بروكسل ببوركينا فاسو عضواً جديداً": a join told in the clause of a
            # meeting told in passing was at that meeting
            there = _meeting(parsed, next((k for at, k in passing if clause_of(spans, at) == clause), None))
            during = None if there is not None else _meeting(parsed, next(
                (k for at, k in anchored_here if clause_of(spans, at) == clause
                 and (meeting is None or k != meeting.key) and _during(view, at)), None))
            if there is not None:
                when = there.start_date or date
            elif during is not None:
                # "..., مرحباً في الوقت ذاته بانضمام جمهورية كوت ديفوار إلى التحالف خلال اجتماع كوبنهاغن": a join told
                # in a clause that names the meeting it happened during, not the sentence's
                there, when = during, during.start_date or parsed.doc.published
            else:
                there, when = _joined_at(parsed, view, clause, meeting, date)
            if m.start in among_dates:
                there, when = None, among_dates[m.start] or parsed.doc.published
            join = Join(Evidence.of(view.sentence), "membership/join-word", member=m.entity,
                        meeting=there.key if there else None, date=when)
            parsed.facts.append(join)
            if there is None and when == parsed.doc.published:
                undated.append(join)
            if there:
                parsed.facts.append(Participation(Evidence.of(view.sentence), "membership/new-member",
                                                  meeting=there.key, actor=m.entity, role="new-member"))
    # a state joins once: a headline's "انضمام سوريا غيّر حسابات داعش" is the join the text dates ("انضمت سوريا
    # إلى التحالف في تشرين الثاني الماضي"), not one on the day of publication or of a weekday the sentence names
    told = {j.member for j in parsed.facts_of(Join) if j.date != parsed.doc.published or j.meeting}
    drop = {id(j) for j in undated if j.member in told}
    if drop:
        parsed.facts[:] = [f for f in parsed.facts if id(f) not in drop]


_DURING = frozenset(normalize(w) for w in ("خلال", "في", "أثناء", "إبان"))


def _during(view: SentenceView, at: int) -> bool:
    """Whether the meeting word at ``at`` follows a word of "during" or "at": "خلال اجتماع كوبنهاغن"."""
    k = view.token_at(at)
    return k > 0 and view.tokens[k - 1].norm in _DURING


_RELATIVE = frozenset(normalize(w) for w in ("التي", "الذي"))
# what a join word's target opens with: "انضمت إلى التحالف"، "التحقت بالتحالف"، "انضمامها إليه"
_JOINED_TO = frozenset(normalize(w) for w in ("إلى", "الى", "إليه", "اليه", "إليها", "بالتحالف", "إلي"))


_GROUP = (normalize("المجموعة"), normalize("مجموعة"))
_FIRST_LAST = frozenset(normalize(w) for w in ("آخر", "أول", "أحدث"))
_STATE_NOUNS = frozenset(normalize(w) for w in ("دولة", "عضو", "بلد"))
_STATES = frozenset(normalize(w) for w in ("الدول", "البلدان", "الأعضاء"))
_AMONG = frozenset(normalize(w) for w in ("أوائل", "أول", "بين", "آخر"))
_AMONG_WITHIN = 3  # words from the state to "من أوائل الدول" ("الإمارات كانت دائماً من ...")
# Common nouns that name again a body named in full before: الحلف (حلف شمال الأطلسي), المنظمة, الاتحاد
_BODY_NOUNS = frozenset(normalize(w) for w in ("الحلف", "المنظمة", "الاتحاد"))


def _body_named_again(parsed: Parsed, lex, tok, before: int):
    """The international organisation named last in full before ``before`` whose name holds the common
    noun ``tok`` ("الحلف" for "حلف شمال الأطلسي"), as the mention to add; None when ``tok`` is no such noun."""
    if tok.norm not in _BODY_NOUNS:
        return None
    stem = tok.norm[2:]
    for m in sorted((m for m in parsed.mentions if m.end <= before and m.how == "name"), key=lambda m: -m.start):
        e = lex.get(m.entity)
        if e is not None and e.cls == "InternationalOrganization" and any(
                stem in normalize(p).split() or tok.norm in normalize(p).split() for p in [e.ar, *e.patterns] if p):
            return replace(m, start=tok.start, end=tok.end, surface=tok.surface)
    return None


def _list_before(parsed: Parsed, view, last, lex) -> list:
    """The states listed up to ``last`` and ending with it ("نيجيريا وتونس وماليزيا", "كينيا، وفيجي"):
    each joined to the next by و, a comma, or both."""
    names = sorted((m for m in view.mentions if m.how == "name" and m.start < last.start
                    and entity_class(m.entity, lex, parsed) == "Country"), key=lambda m: m.start)
    text, out, nxt = parsed.doc.text, [], last
    for m in reversed(names):
        if m.end > nxt.start or text[m.end:nxt.start].strip(" ،,") or not (
                proclitic(nxt, lex).startswith("و") or "،" in text[m.end:nxt.start] or "," in text[m.end:nxt.start]):
            break
        out.append(m)
        nxt = m
    return out


def _member_since(parsed: Parsed, view, lex, trig) -> None:
    """"وتشاد عضو في التحالف الدولي منذ الاجتماع الوزاري في روما": a state a member since a meeting or a
    date of its own clause joined then (not "منذ تأسيسه": a founder's join is no event the text dates)."""
    toks = view.tokens
    if not any(t.norm in ("عضو", "عضوا") for t in toks):
        return
    spans = clause_spans(view.sentence.text, view.sentence.start)
    for m in view.mentions:
        k = view.token_at(m.end - 1) + 1
        if (m.how != "name" or entity_class(m.entity, lex, parsed) != "Country" or k >= len(toks)
                or toks[k].norm not in ("عضو", "عضوا")):
            continue
        a, b = clause_of(spans, m.start)
        since = next((i for i in range(k, len(toks)) if toks[i].start < b and toks[i].norm in _SINCE), None)
        if since is None or not any(entity_class(x.entity, lex, parsed) == "Coalition" and m.end <= x.start < toks[since].start
                                    for x in view.mentions):
            continue
        dated = [d for d in view.dates if d.value and toks[since].start < d.start < b and not _founding(view, d, trig)]
        if not dated:
            continue
        when = dated[0].value
        held = next((x for x in parsed.facts_of(Meeting) if x.start_date and _same_time(x.start_date, when)), None)
        parsed.facts.append(Join(Evidence.of(view.sentence), "membership/member-since", member=m.entity,
                                 meeting=held.key if held else None, date=held.start_date if held else when))


def _list_end(parsed: Parsed, view, spans: list[tuple[int, int]], colon: int, lex) -> int:
    """Where the list that a colon at ``colon`` opens ends: the clause after it, and each clause
    after that one which opens with a state's or an organisation's name ("انضم إلى التحالف أربعة
    أعضاء: الاتحاد الإفريقي، وغينيا، وكينيا، وفيجي")."""
    rest = [(x, y) for x, y in spans if x > colon]
    if not rest:
        return colon
    names = {view.token_at(m.start) for m in view.mentions if m.how == "name"
             and entity_class(m.entity, lex, parsed) in ("Country", "InternationalOrganization")}
    end = rest[0][1]
    for x, y in rest[1:]:
        if view.token_at(x) not in names:
            break
        end = y
    return end


def _joined_at(parsed: Parsed, view, clause: tuple[int, int], meeting: Meeting | None,
               date: str | None) -> tuple[Meeting | None, str | None]:
    """The meeting and date of a join: the sentence's, unless the join's own clause gives another
    date ("في اجتماع واشنطن في شباط 2019 انضمت كينيا ...، وفي روما في حزيران 2021 رحب الوزراء
    بموريتانيا"), which is then the date of the document's meeting held then, if any."""
    a, b = clause
    own = [d.value for d in view.dates if d.value and a <= d.start < b and not _since(view, d)]
    if not own:
        # "... منذ اجتماع باريس في أيلول 2015، أما الاجتماع الوزاري الذي استضافته روما في شباط الماضي، فقد
        # رحب بانضمام بنين": the date told after the meeting word nearest before the join
        nouns = [n.start for n in triggers().find("meeting_nouns", view.tokens) if n.start < a]
        if nouns:
            own = [d.value for d in view.dates if d.value and nouns[-1] < d.start < a and not _since(view, d)]
    if not own or (meeting is not None and meeting.start_date and _same_time(meeting.start_date, own[0])):
        return meeting, date
    held = next((m for m in parsed.facts_of(Meeting) if m.start_date and _same_time(m.start_date, own[0])), None)
    return held, (held.start_date if held else own[0])


def _same_time(x: str, y: str) -> bool:
    n = min(len(x), len(y))
    return x[:n] == y[:n]


def _member_after(view, m, prefixes: frozenset[str]) -> bool:
    """"X عضواً جديداً" / "X بصفتها العضو ...": the member is named before the join words."""
    i = view.token_at(m.end - 1) + 1
    nxt = [t.norm for t in view.tokens[i:i + 4]]
    return any(w.startswith(tuple(prefixes)) for w in nxt)


def _founding(view, d, trig) -> bool:
    """"التحالف الذي تأسس عام 2014": when the coalition was founded, not when it had so many."""
    i = view.token_at(d.start)
    return any(t.norm.startswith(trig.prefixes("founded")) for t in view.tokens[max(0, i - 2):i])


def _alliance_word(norm: str) -> bool:
    """Whether a word is one for an alliance, with any clitic or suffix: التحالف، لتحالف، الائتلاف، تحالفنا."""
    return "تحالف" in norm or "ائتلاف" in norm


_COUNT_OF = frozenset(normalize(w) for w in ("عددها", "عددهم", "عدده", "عدد"))
_TO = frozenset(normalize(w) for w in ("إلى", "الى"))
_PAGE = frozenset(normalize(w) for w in ("ص", "صفحة", "الصفحة", "صفحات", "pp", "p"))
_FROM_ABOUT = frozenset(normalize(w) for w in ("من", "أكثر", "نحو", "حوالي", "قرابة", "زهاء", "ما", "يزيد", "عن", "على"))


_THAT = frozenset({"ان", "بان", "وان"})  # أن، إن، بأن، وأن (folded)


_PERCENT = re.compile(r"\s*(?:%|٪|في الم[يئ]?ا?[ئي]?ه|بالم[يئ]?ا?[ئي]?ه)")
_ONE_MEMBER = frozenset(normalize(w) for w in ("العضو", "عضوا", "عضواً", "الشريك", "شريكا", "شريكاً"))


def _nth(view, q, i: int) -> bool:
    """Whether a count is a member's rank: an ordinal, or a number after one member ("العضو الـ84")."""
    return q.ordinal or (i > 0 and view.tokens[i - 1].norm in _ONE_MEMBER)


@step("coalition_size", in_genre=True)
def coalition_size(parsed: Parsed, ctx: Context) -> None:
    """Statements of how many partners the coalition has or had, with the date each refers to."""
    lex = ctx.lexicon
    trig = triggers()
    # a report whose title is the coalition's name ("التحالف الدولي لهزيمة داعش") speaks of it where its
    # sentences count members with no other body named: "بلغ العدد 79 عضواً"
    all_views = list(views(parsed))
    about_it = bool(all_views) and any(entity_class(m.entity, lex, parsed) == "Coalition" for m in all_views[0].mentions)
    sections = dated_sections(parsed, lex)
    for view in all_views:
        toks = view.tokens
        # A noun that is part of a name counts nothing: الدولة in تنظيم الدولة الإسلامية, الدول in جامعة الدول العربية.
        named = [(m.start, m.end) for m in view.mentions]
        members = [n for n in trig.find("size_nouns", toks)
                   if not any(a <= n.start < b for a, b in named)]
        coalition = any(entity_class(m.entity, lex, parsed) == "Coalition" for m in view.mentions) or any(
            _alliance_word(t.norm) for t in toks) or bool(
            _own_meeting(parsed, view.index)) or (  # "الاجتماع الوزاري ... وحضره ممثلو الأعضاء ال83"
            about_it and any(t.norm in trig.words("size_context") for t in toks)
            and not any(t.norm in trig.words("other_bodies") for t in toks)
            and not any(m.entity in lex.alliances() or entity_class(m.entity, lex, parsed) in _OWNERS for m in view.mentions))
        if not coalition:
            continue
        spans = clause_spans(view.sentence.text, view.sentence.start)
        # "... المؤلف من 66 عضواً ... بعد استعادة الرمادي في كانون الأول": a date after "بعد" is another
        # event's, unless the count is told after it too ("بعدما كان يضم ستين دولة حين عقد ... في 2014")
        refs = _reference_points(view)
        counted: list = []  # the counts of this sentence so far
        for q in view.quantities:
            if not _a_count_of_members(q):
                continue
            if _PERCENT.search(normalize(view.sentence.text[q.start - view.sentence.start:q.end - view.sentence.start + 12])):
                continue  # "أكثر من 60 في المئة من الأراضي": a share, not a count
            i = view.token_at(q.start)
            if counted and i > 0 and toks[i - 1].norm in _TO and not q.ordinal:
                # "ارتفع عدد الأعضاء من 68 في آذار 2017 إلى 79 في شباط 2019، ثم إلى 84 بعد انضمام بوركينا فاسو في
                # كانون الأول 2021": the counts it rose to, each as of the date told after it, before the next one
                nxt = min((o.start for o in view.quantities if o.start > q.start), default=view.sentence.end)
                told = [d.value for d in view.dates if d.value and q.end <= d.start < nxt and len(d.value) >= 4]
                parsed.facts.append(CoalitionSize(Evidence.of(view.sentence), "coalition_size/count-it-rose-to",
                                                  count=int(q.value), as_of=told[0] if told else parsed.doc.published))
                counted.append(q)
                continue
            if q.ordinal and not (i > 0 and toks[i - 1].norm.startswith(trig.prefixes("membership_nouns"))):
                continue  # "العضو الرابع والثمانين" counts; "اجتماعها الثالث عشر" does not
            j = view.token_at(q.end - 1) + 1
            # "الأعضاء في التحالف البالغ عددها أربعة وثمانين": after "عددها" the members may be named further back
            reach = 6 if i > 0 and toks[i - 1].norm in _COUNT_OF else 3
            if not any(i - reach <= n.i < j + 2 for n in members):
                if not q.ordinal and _the_number_rose(toks, i, trig) and (joined := next(
                        (f for f in parsed.facts_of(Join) if f.evidence.sentence == view.index), None)) is not None:
                    # "رحّب الاجتماع ... بكينيا وفيجي، فارتفع العدد إلى 79": the number the join took the members to
                    parsed.facts.append(CoalitionSize(Evidence.of(view.sentence), "coalition_size/joined-number-rose",
                                                      count=int(q.value), as_of=joined.date or parsed.doc.published))
                    counted.append(q)
                continue
            around = [t.norm for t in toks[max(0, i - 3):i]] + [t.norm for t in toks[j:j + 2]]
            # (not "وزراء الدول الـ68 الأعضاء في التحالف": the definite count of the members, whoever came)
            the_members = i > 0 and definite(toks[i - 1]) and j < len(toks) and toks[j].norm.startswith(
                trig.prefixes("membership_nouns")) and not any(
                t.norm.startswith(_GROUP) for t in toks[j + 1:j + 4])  # not "الأعضاء في المجموعة المصغرة"
            if any(w.startswith(trig.prefixes("not_members")) for w in around) and not the_members:  # "30 وزير خارجية"
                continue
            if j < len(toks) and not set(strip_clitics(toks[j].norm)).isdisjoint(trig.words("time_units")):
                continue  # "الدول الأعضاء، بعد عشر سنوات على تأسيس التحالف": a span of time
            after = [t.norm for t in toks[j:j + 3]]
            if len(after) == 3 and after[1] == "من" and (after[2].startswith("ال") or after[2] in trig.words("partitive")) \
                    and not after[0].startswith(trig.prefixes("membership_nouns")):
                continue  # "21 دولة من الدول الأعضاء في التحالف": some of them ("73 عضواً من الدول والمنظمات": all)
            if len(after) >= 2 and after[0] == "من" and after[1].startswith(("اعضاء", "الاعضاء", "دول", "الدول")):
                continue  # "وشارك في الاجتماع 38 من أعضاء التحالف والمراقبين": some of the members
            k = i - 1
            if k > 0 and toks[k].norm == "من" and toks[k - 1].norm in trig.words("envoys"):
                continue  # "اجتمع وزراء ومسؤولون كبار من نحو 24 دولة": where those who came came from
            if i > 0 and toks[i - 1].norm in _PAGE:
                continue  # "(ص 88)": a page of the book cited
            if any("من" in between and between <= _FROM_ABOUT for between in (
                    {t.norm for t in toks[view.token_at(o.end - 1) + 1:i]} for o in view.quantities if o.end <= q.start)):
                continue  # "بأكثر من 40 ألفاً من 110 دول": a number of people and where they came from
            if any(w.startswith(trig.prefixes("new")) for w in after[:2]):
                continue  # "رحب منذ يناير 2017 بأربعة عشر عضواً جديداً": how many joined, not how many there are
            later = [t.norm for t in toks[j:j + 4]]
            if any(w == "في" and x in trig.words("other_bodies") for w, x in zip(later, later[1:])):
                continue  # "الدول الـ28 الأعضاء في الحلف": the members of another body
            # "الأعضاء الـ68", "73 شريكاً", "87 دولة عضواً" count members; "50 دولة" may count anyone
            a, b = clause_of(spans, q.start)
            membership = any(i - reach <= n.i < j + 2 and any(v.startswith(trig.prefixes("membership_nouns"))
                                                               for v in strip_clitics(toks[n.i].norm))
                             for n in members) and not any(w.startswith(trig.prefixes("besides_members")) for w in after[1:3])
            if not membership:
                # (after "أن" that opens what was said: "عقب الاجتماع، أن أكثر من 60 دولة انضمت" counts members)
                said = next((k + 1 for k in range(i - 1, max(0, i - 6) - 1, -1) if toks[k].norm in _THAT), 0)
                if any(w.startswith(trig.prefixes("attending")) for w in (t.norm for t in toks[max(said, i - 6):i])) \
                        or any(t.norm in trig.words("meeting_counts") for t in toks[max(said, i - 3):i]):
                    continue  # "بمشاركة أكثر من 50 دولة و11 منظمة": who came, not how many belong
                if not any(w.startswith(trig.prefixes("size_context")) or _alliance_word(w)
                           for w in (t.norm for t in toks if a <= t.start < b)):
                    continue  # "وبحسب بيانات التحالف، زودت أكثر من 60 دولة ... الإنتربول": states that did something
            # "المجموعة المصغرة ...، وهي تضم ثلاثاً وعشرين دولة": the count of a body of the coalition
            # and "الدول الأعضاء في التحالف [الإسلامي العسكري] البالغ عددها 41 دولة" that of another alliance
            before = [m for m in view.mentions if m.end <= q.start and (
                entity_class(m.entity, lex, parsed) in ("Coalition", "CoalitionBody") or m.entity in lex.alliances())]
            last = max(before, key=lambda m: m.end) if before else None
            if last is not None and entity_class(last.entity, lex, parsed) != "Coalition" and not (
                    _nth(view, q, i) and last.entity not in lex.alliances() and any(
                        last.end <= m.start and m.end <= q.start and entity_class(m.entity, lex, parsed) == "Country"
                        for m in view.mentions)):
                continue  # (but "اجتماع المجموعة المصغرة ...، وبوركينا فاسو تصبح العضو الـ84": a state the
                # coalition's nth member, whatever body met)
            clause = [t.norm for t in toks if a <= t.start < b]
            dated_in_clause = [d.value for d in view.dates if d.value and a <= d.start < b and len(d.value) >= 4
                               and not _since(view, d)  # "ويضم أكثر من ستين دولة غاراته ... منذ آب 2014"
                               and not _after_in_clause(spans, [r for r in refs if r > q.start], d.start)]
            # a timeline's entry under "6 شباط 2019 – واشنطن" tells "والتحالف يضم حينها 79 عضواً" of that day
            section = sections.get(view.index)
            if any(w in trig.words("now") for w in clause):
                as_of = parsed.doc.published
            elif any(w in trig.words("then") for w in clause):
                earlier = [d.value for d in view.dates if d.value and d.start < q.start]
                as_of = earlier[-1] if earlier else (section[0].value if section else parsed.doc.published)
            elif dated_in_clause:
                as_of = dated_in_clause[0]
            elif any(w in trig.words("opened") for w in clause) and (began := [
                    d.value for d in view.dates if d.value and len(d.value) >= 4 and d.start < q.start]):
                as_of = began[-1]  # "أعلن ... في أيلول 2014 استراتيجية ...، وبدأ التحالف بنواة من 12 دولة"
            elif section is not None:
                as_of = section[0].value
            elif any(w in trig.words("counts_now") for w in clause) and not any(w in trig.words("was") for w in clause):
                as_of = parsed.doc.published  # "يضم", not "كان يضم"
            elif LIST_ITEM.match(view.sentence.text) and (opening := next(
                    (d for d in view.dates if d.value and view.token_at(d.start) <= 2 and d.start < q.start
                     and not _since(view, d)), None)) is not None:
                # "- 2 كانون الأول/ديسمبر: إطلاق ...، والترحيب ببوركينا فاسو عضواً رابعاً وثمانين": the date that
                # opens the sentence (a timeline's item) dates what it tells
                as_of = opening.value
            else:
                # the count of a sentence on a meeting is as of that meeting; one said without any is as of
                # the report ("فالتحالف بأعضائه الستة والثمانين سيبقى إطاراً مهماً")
                own = view.index in getattr(parsed, "_sentence_meeting", {})
                meeting = meeting_of(parsed, view.index) if own else None
                as_of = (meeting.start_date if meeting and meeting.start_date else None) or parsed.doc.published
            parsed.facts.append(CoalitionSize(Evidence.of(view.sentence), "coalition_size/number-near-member-word",
                                              count=int(q.value), as_of=as_of))
            counted.append(q)
    _figure_and_caption(parsed, all_views, trig)


def _the_number_rose(toks, i: int, trig) -> bool:
    """Whether the number at token ``i`` is what "the number" rose or came to: "فارتفع العدد إلى 79"، "ليبلغ
    العدد 80"."""
    k = i - 1 if i > 0 and toks[i - 1].norm in _TO else i
    return k >= 2 and toks[k - 1].norm == _THE_NUMBER and not trig.words("size_context").isdisjoint(
        strip_clitics(toks[k - 2].norm))


_THE_NUMBER = normalize("العدد")


def _figure_and_caption(parsed: Parsed, all_views: list, trig) -> None:
    """A page of figures: a line that is only a number ("🌍 86"), and under it the line that says what it
    counts ("عدد أعضاء التحالف اليوم، بين دول ومنظمات"), as of the page's date."""
    for fig, cap in zip(all_views, all_views[1:]):
        if len(fig.quantities) != 1 or not cap.tokens or cap.tokens[0].norm not in _COUNT_OF:
            continue
        q = fig.quantities[0]
        if q.ordinal or not _a_count_of_members(q) \
                or any(not (q.start <= t.start < q.end) for t in fig.tokens):
            continue
        head = [t.norm for t in cap.tokens[1:4]]
        if len(head) >= 2 and head[0].startswith(trig.prefixes("membership_nouns")) and _alliance_word(head[1]):
            parsed.facts.append(CoalitionSize(Evidence.of(fig.sentence), "coalition_size/figure-and-caption",
                                              count=int(q.value), as_of=parsed.doc.published))
