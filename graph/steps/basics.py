"""Steps ``sentences`` and ``entities``: the text's sentences and the lexicon's entities in them."""
from __future__ import annotations

import re
from datetime import date as _date, timedelta as _timedelta

from ..facts import DateMention, Evidence, Mention, NewEntity, Parsed, Quantity
from ..lexicon import PhraseMatcher
from ..pipeline import Context, _bare, step
from ..rdf import mint_key
from ..text import normalize, split_sentences, strip_clitics, tokenize
from ..triggers import triggers
from ._context import LIST_ITEM


@step("sentences")
def sentences(parsed: Parsed, ctx: Context) -> None:
    """Split the document into sentences (skipping boilerplate) and tokens."""
    doc = parsed.doc
    parsed.sentences = split_sentences(doc.text, doc.skip)
    parsed.tokens = [tokenize(s.text, s.start) for s in parsed.sentences]


# Entities named inside a longer name that count as mentioned themselves.
_TOURNAMENTS = frozenset(normalize(w) for w in ("كأس", "بطولة"))
_NESTED_CLASSES = frozenset({"InternationalOrganization", "Organization", "Coalition", "ArmedGroup", "Country"})


# Nouns of a village, quarter or district: a capital named after one is another place of its name ("ناحية
# الرياض"); "مدينة الرياض" is the capital itself
_SUBDIVISIONS = triggers().words("named_with_article_after") - {normalize("مدينة")}


@step("entities")
def entities(parsed: Parsed, ctx: Context) -> None:
    """Find lexicon entities, sentence by sentence, longest match first."""
    text = parsed.doc.text
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        ev = Evidence.of(sent)
        for m in ctx.lexicon.match(toks):
            if m.kind == "name" and m.i > 0 and ctx.lexicon[m.entity].extra.get("capital") \
                    and not _SUBDIVISIONS.isdisjoint(strip_clitics(toks[m.i - 1].norm)):
                continue  # "قرية صفرة العليا التابعة لناحية الرياض": a village or district of a capital's name
            if m.i > 0 and not _TOURNAMENTS.isdisjoint(strip_clitics(toks[m.i - 1].norm)) \
                    and ctx.lexicon[m.entity].cls in ("Region", "Country"):
                continue  # "كأس آسيا"، "بطولة أفريقيا": a tournament named after the place
            parsed.mentions.append(
                Mention(ev, f"entities/lexicon-{m.kind}", entity=m.entity, start=m.start, end=m.end,
                        surface=text[m.start:m.end], how=m.kind)
            )
            if m.kind == "name" and ctx.lexicon[m.entity].extra.get("capital") and m.j - m.i == 2 \
                    and toks[m.i].norm.endswith("العاصمه"):  # العاصمة السعودية names Saudi Arabia too
                for n in ctx.lexicon.match(toks[m.i + 1:m.j]):
                    parsed.mentions.append(
                        Mention(ev, f"entities/capital-{n.kind}", entity=n.entity, start=n.start, end=n.end,
                                surface=text[n.start:n.end], how=n.kind)
                    )
                continue
            outer = ctx.lexicon[m.entity]
            for n in ctx.lexicon.nested(toks, m):
                if outer.cls == "Region" and ctx.lexicon[n.entity].cls == "Country" \
                        and outer.extra.get("country") != n.entity:
                    continue  # "خليج غينيا"، "بحيرة تشاد": a region named after a state it is not in
                if outer.cls == "GovernmentBody" and n.kind != "name" and outer.extra.get("country") == n.entity:
                    parsed.implied.append(Mention(ev, "entities/body-adjective", entity=n.entity, start=n.start,
                                                  end=n.end, surface=text[n.start:n.end], how=n.kind))
                if ctx.lexicon[n.entity].cls in _NESTED_CLASSES and n.kind == "name":
                    parsed.mentions.append(
                        Mention(ev, "entities/nested-name", entity=n.entity, start=n.start, end=n.end,
                                surface=text[n.start:n.end], how="nested")
                    )
    _shared_head(parsed, ctx)
    _named_by_state(parsed, ctx)
    _branches(parsed, ctx)
    _bare_alliance(parsed, ctx)
    _bare_kingdom(parsed, ctx)
    _our_state(parsed, ctx)
    _dateline(parsed, ctx)


def _shared_head(parsed: Parsed, ctx: Context) -> None:
    """Places named after one place noun in the dual or plural (``shared_place_heads``): "في مخيمي الهول
    وروج" names مخيم الهول and مخيم روج, names the lexicon knows only with their noun. Each name after the
    noun, joined by و or a comma, is matched with the noun in the singular before it, and kept where no
    other mention covers it; the first that does not make a name with the noun ends the list."""
    trig = triggers()
    text = parsed.doc.text
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        heads = trig.find("shared_place_heads", toks)
        if not heads:
            continue
        taken = [(m.start, m.end) for m in parsed.mentions if sent.start <= m.start < sent.end]
        for h in heads:
            noun = toks[h.i]._replace(norm=normalize(h.entity))
            k = h.j
            while k < len(toks):
                t = toks[k]
                if k > h.j:  # a name after the first: "وروج"، "، وروج"
                    between = text[toks[k - 1].end:t.start].strip()
                    if between not in ("", "،", ","):
                        break
                    if t.norm.startswith("و") and len(t.norm) > 2:
                        t = t._replace(start=t.start + 1, surface=t.surface[1:], norm=t.norm[1:])
                    elif not between:
                        break
                found = ctx.lexicon.match([noun, t] + toks[k + 1:])
                if not found or found[0].i != 0 or found[0].j < 2 or found[0].kind != "name":
                    break
                m, end = found[0], toks[k + found[0].j - 2].end
                if not any(a < end and t.start < b for a, b in taken):
                    parsed.mentions.append(Mention(Evidence.of(sent), "entities/shared-head", entity=m.entity,
                                                   start=t.start, end=end, surface=text[t.start:end], how="name"))
                    taken.append((t.start, end))
                k += m.j - 1


def _named_by_state(parsed: Parsed, ctx: Context) -> None:
    """Names that stand for a place or body of one state only in a text that names that state: "طرابلس" in
    a report on Libya (``by_state`` in the lexicon), where no other mention covers the words."""
    lex = ctx.lexicon
    states: set[str] = {s for m in parsed.mentions if m.entity in lex
                        and (s := m.entity if lex[m.entity].cls == "Country" else lex[m.entity].extra.get("country"))}
    if states.isdisjoint(lex.by_state_countries):
        return  # (most texts: no sentence need be matched again)
    text = parsed.doc.text
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        found = lex.match_by_state(toks, states)
        if not found:
            continue
        taken = [(m.start, m.end) for m in parsed.mentions if sent.start <= m.start < sent.end]
        for m in found:
            if not any(a < m.end and m.start < b for a, b in taken):
                parsed.mentions.append(Mention(Evidence.of(sent), "entities/by-state", entity=m.entity, start=m.start,
                                               end=m.end, surface=text[m.start:m.end], how="name"))


# فرع in the raw text, marks or tatweel between its letters ("فَرْعُ")
_BRANCH_HINT = re.compile("ف[\u064B-\u0652\u0640]*ر[\u064B-\u0652\u0640]*ع")


def _branches(parsed: Parsed, ctx: Context) -> None:
    """A branch of ISIS named by the place one of its provinces is named after: "فرع التنظيم في الصومال"،
    "لفرع داعش في الصومال" and "وفرع موزمبيق" name ISIS-Somalia and ISIS-Mozambique. Branches in the plural
    name none ("فروعه في منطقة الساحل وحوض بحيرة تشاد"، "فرعي التنظيم في غرب أفريقيا"): a region may hold
    more than one. The place stays named too."""
    provinces = ctx.lexicon.provinces()
    places = {m.start: m for m in parsed.mentions if m.entity in provinces and m.how == "name"}
    if not places:
        return
    trig = triggers()
    branch, of = trig.words("branch"), trig.words("branch_of")
    text = parsed.doc.text
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        if not _BRANCH_HINT.search(sent.text):
            continue  # (most sentences: no word of them need be looked at)
        for i, t in enumerate(toks):
            if branch.isdisjoint(strip_clitics(t.norm)):
                continue
            k = i + 1
            while k < len(toks) and toks[k].norm in of:
                k += 1
            m = places.get(toks[k].start) if k < len(toks) else None
            if m is not None:
                parsed.mentions.append(Mention(Evidence.of(sent), "entities/branch", entity=provinces[m.entity],
                                               start=t.start, end=m.end, surface=text[t.start:m.end], how="name"))


def _bare_alliance(parsed: Parsed, ctx: Context) -> None:
    """"التحالف" alone names the alliance the text last named in full: in a report on the Islamic
    military coalition ("... دول التحالف الإسلامي العسكري ... الدول الأعضاء في التحالف البالغ عددها 41
    دولة") it is that one, not the coalition against ISIS. Before any full name, the first one after. A
    name given to tell another alliance apart from the one the text is about names nothing after it."""
    lex = ctx.lexicon
    alliances = lex.alliances()
    if not any(m.entity in alliances and not lex[m.entity].extra.get("bare_patterns") for m in parsed.mentions):
        return  # no other alliance named: "التحالف" can only be the coalition
    # (not one named to be told apart: "ولا يُخلط بينه وبين «التحالف الإسلامي العسكري»")
    apart = triggers().words("told_apart")
    named = sorted((m for m in parsed.mentions if m.entity in alliances and m.how == "name"
                    and not _bare(m.surface, lex[m.entity])
                    and apart.isdisjoint(t.norm for t in parsed.tokens[m.evidence.sentence])), key=lambda m: m.start)
    if not named:
        return
    for k, m in enumerate(parsed.mentions):
        e = lex.get(m.entity)
        if e is None or m.how != "name" or not e.extra.get("bare_patterns") or not _bare(m.surface, e):
            continue
        before = [n for n in named if n.end <= m.start]
        full = before[-1] if before else named[0]
        if full.entity != m.entity:
            parsed.mentions[k] = Mention(m.evidence, "entities/bare-alliance", entity=full.entity, start=m.start,
                                         end=m.end, surface=m.surface, how=m.how)


def _bare_kingdom(parsed: Parsed, ctx: Context) -> None:
    """"المملكة" alone ("وقدمت المملكة ..."، "سفير المملكة لدى ...") names the kingdom the text is about: the one
    it names most, by any of its names, its adjective or its capital ("الرياض ... السعودية ... المملكة"); of
    two named as often, the one named last before it. A text that names no kingdom gives it no name."""
    lex = ctx.lexicon
    kingdoms = lex.kingdoms()
    count: dict[str, int] = {}
    text = parsed.doc.text
    # (a kingdom named as where something is, "في مدينة لاهاي بمملكة هولندا", is not what the text is about)
    where = [m for m in parsed.mentions if m.entity in kingdoms and (
        m.surface[:1] == "ب" and not normalize(m.surface).startswith(("بلجيك", "بريطان", "بوتان"))
        or text[max(0, m.start - 3):m.start] == "في " or text[max(0, m.start - 4):m.start] == "وفي ")]
    for m in parsed.mentions:
        k = m.entity if m.entity in kingdoms else (lex[m.entity].extra.get("country") if m.entity in lex
                                                   and lex[m.entity].extra.get("capital") else None)
        if k in kingdoms and m.how != "surname" and not any(m is w for w in where):
            count[k] = count.get(k, 0) + 1
    if not count:
        return
    most = max(count.values())
    salient = [k for k, n in count.items() if n == most]
    # the one a letterhead or headline names, alone, before all ("وزارة الخارجية – المملكة العربية السعودية", then
    # a release on a meeting in the Danish capital)
    first_line = _first_line_end(text)
    heading = {m.entity for m in parsed.mentions if m.entity in kingdoms and m.how == "name"
               and m.start < first_line and not any(m is w for w in where)}
    if len(heading) == 1:
        salient = list(heading)
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        taken = None
        for t in toks:
            if not t.norm.endswith("المملكه") or "المملكه" not in strip_clitics(t.norm):
                continue
            if taken is None:
                taken = [(m.start, m.end) for m in parsed.mentions if sent.start <= m.start < sent.end]
            if any(a < t.end and t.start < b for a, b in taken):
                continue  # part of a name: "المملكة المتحدة"
            entity = salient[0]
            if len(salient) > 1:
                before = [m for m in parsed.mentions if m.entity in salient and m.end <= t.start
                          and not any(m is w for w in where)]
                entity = max(before, key=lambda m: m.start).entity if before else entity
            parsed.mentions.append(Mention(Evidence.of(sent), "entities/bare-kingdom", entity=entity,
                                           start=t.start, end=t.end, surface=text[t.start:t.end], how="name"))


_FIRST_WORD = re.compile(r"\S")


def _first_line_end(text: str) -> int:
    """Where the first line with any text on it ends (-1 when the text is one line)."""
    m = _FIRST_WORD.search(text)
    return text.find("\n", m.start()) if m else -1


def _our_state(parsed: Parsed, ctx: Context) -> None:
    """"بلادنا"، "وفدنا" (our country, our delegation) name the one state the first line names, by its name or
    its adjective: the letterhead "مجلس النواب – المملكة المغربية" over a minister's answer, the headline
    "حوار | المبعوثة الدنماركية ..." over an interview. A first line that names no state, or two, gives them none."""
    trig = triggers()
    ours = trig.words("our_state")
    if not parsed.sentences:
        return
    text = parsed.doc.text
    first_line = _first_line_end(text)
    if first_line < 0:
        return
    lex = ctx.lexicon
    states = {m.entity for m in parsed.mentions if m.start < first_line and m.entity in lex
              and lex[m.entity].cls == "Country"}
    if len(states) != 1:
        return
    [state] = states
    for sent, toks in zip(parsed.sentences, parsed.tokens):
        if sent.end <= first_line:
            continue
        for t in toks:
            if ours.isdisjoint(strip_clitics(t.norm)):
                continue
            parsed.mentions.append(Mention(Evidence.of(sent), "entities/our-state", entity=state, start=t.start,
                                           end=t.end, surface=text[t.start:t.end], how="name"))


_PLACES = frozenset({"City", "Region", "Country"})
# "لندن - (وكالات)", "واشنطن (الأناضول) -", "الرياض - «الصحيفة»", "روما - من مراسلنا"
# The short names of news agencies as datelines give them between dashes (not any word: "سوريا - قسد - مقتل")
_AGENCIES = ("كونا", "واس", "قنا", "وام", "بنا", "واع", "سانا", "بترا", "وفا", "سبأ", "العمانية", "الأناضول", "رويترز",
             "أ ش أ", "أ ف ب", "د ب أ", "و م ع", "ومع", "فرانس برس", "إرنا", "تاس")
_DATELINE = re.compile(r"\s*(?P<place>[\u0621-\u065F\u0671]+(?: [\u0621-\u065F\u0671]+)?)\s*"
                       r"(?:\((?P<agency>[^()\n]{1,30})\)\s*[-–—]|[-–—/]\s*(?:\(|«|\"|خاص|مراسل|من مراسل)"
                       r"|،\s*[^-–—\n،]{0,12}[0-9\u0660-\u0669][^-–—\n،]{0,20}[-–—]"  # "مراكش، 11 مايو 2022 -"
                       # a line of its own, the weekday and the date: "مراكش، الأربعاء 11 ماي 2022"
                       r"|،\s*(?:[\u0621-\u064A]+\s+)?[0-9\u0660-\u0669]{1,2}\s+[\u0621-\u064A/]+\s+[0-9\u0660-\u0669]{4}\s*$"
                       # "واشنطن - 14 - 11 (كونا) --": the day and the month, then the agency
                       r"|[-–—]\s*[0-9\u0660-\u0669]{1,2}\s*[-–—]\s*[0-9\u0660-\u0669]{1,2}\s*\("
                       r"|[-–—/]\s*[\u0621-\u064A]{2,6}\s*$"  # a line of its own: "الكويت – واع"، "بغداد / «الموقع»"
                       # a news agency between dashes: "الكويت - كونا - أعلنت"، "القاهرة - أ ش أ -"
                       r"|[-–—]\s*(?:" + "|".join(_AGENCIES) + r")\s*[-–—]"
                       # the day and month, then the agency between slashes: "القاهرة في 11 مايو /أ ش أ/"
                       r"|في\s+[0-9\u0660-\u0669]{1,2}\s+[\u0621-\u064A]+(?:\s+[0-9\u0660-\u0669]{4})?\s*/[^/\n]{1,15}/)")


def _dateline(parsed: Parsed, ctx: Context) -> None:
    """The place a report was filed from, at the start of one of its first lines. A place the
    lexicon does not know is taken from the line's form (a name, then the agency or reporter)
    and found again in the rest of the text (بقصر المؤتمرات بالصخيرات)."""
    for sent, toks in list(zip(parsed.sentences, parsed.tokens))[:4]:
        m = _DATELINE.match(sent.text)
        if not m:
            continue
        start, end = sent.start + m.start("place"), sent.start + m.end("place")
        known = [x for x in parsed.mentions if x.start == start and x.how == "name"
                 and (ctx.lexicon.get(x.entity) and ctx.lexicon[x.entity].cls in _PLACES)]
        if known:
            parsed.dateline = known[0].entity
            parsed._dateline_at = start  # type: ignore[attr-defined]
            return
        if any(x.start < end and start < x.end for x in parsed.mentions):
            return  # a name the lexicon knows as something else
        name = m.group("place")
        words = normalize(name).split()
        if not words[0].startswith("ال") or len(words) > 1:
            return  # an unknown place is taken only in its surest form: one word with the article
        key = mint_key("place", " ".join(words))
        parsed.entities[key] = NewEntity(key, "City", name)
        parsed.dateline = key
        parsed._dateline_at = start  # type: ignore[attr-defined]
        pm = PhraseMatcher()
        pm.add(name, key)
        for s2, t2 in zip(parsed.sentences, parsed.tokens):
            for hit in pm.match(t2):
                parsed.mentions.append(Mention(Evidence.of(s2), "entities/dateline", entity=key, start=hit.start,
                                               end=hit.end, surface=parsed.doc.text[hit.start:hit.end], how="name"))
        return


# A timeline's heading: a year on a line of its own ("2015", "عام 2016:"), and the items under it.
_A_YEAR = r"[*#\s]*(?:(?:عام|العام|سنة)\s+)?((?:19|20)[0-9]{2})"
_YEAR_HEADING = re.compile(_A_YEAR + r"[:：*\s]*")
# A section's heading: a year and a short title ("2014: من جدة إلى باريس"); the section runs to the next heading.
_YEAR_SECTION = re.compile(_A_YEAR + r"\s*[:：–—-]\s*[^\s.!?؟،:0-9][^.!?؟:\n]{0,60}?[*\s]*")
_RELATIVE_WORDS = re.compile(r"أمس|الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|اليوم|الحالي|الجاري|غدا|غداً|"
                             r"الأسبوع|الشهر|العام|السنة|المنصرم|الفائت|الفارط")

_SECTION_WORDS = 9

_THAT_YEAR = ("من ذلك العام", "من العام نفسه", "من نفس العام", "من السنة نفسها", "من ذلك الشهر")


@step("dates")
def dates(parsed: Parsed, ctx: Context) -> None:
    """Date expressions, relative ones resolved against the publication date."""
    from ..dates import find_dates, names_a_month

    last_year: str | None = None  # the year named last, in this sentence or one before
    heading: str | None = None  # the year a timeline's heading line gives the items under it
    section = False  # the heading has a title: it dates the paragraphs under it, to the next heading
    paragraph, prev_end = 0, 0
    told: str | None = None  # the last date of the paragraph with a year of its own, to the month at least
    for sent in parsed.sentences:
        ev = Evidence.of(sent)
        if "\n" in parsed.doc.text[prev_end:sent.start]:
            # (a paragraph that opens with the time since the last one goes on with its year: "وبعد ستة أيام، في
            # 11 أيلول/سبتمبر، استضافت مدينة جدة اجتماعاً")
            paragraph, told = paragraph + 1, told if _A_WHILE_LATER.match(sent.text) else None
        prev_end = sent.end
        line = sent.text.strip()
        year_line = _YEAR_HEADING.fullmatch(line)
        if year_line is None and len(line.split()) <= _SECTION_WORDS:
            year_line = _YEAR_SECTION.fullmatch(line)
        if year_line:
            heading = year_line.group(1) if not parsed.doc.published or year_line.group(1) <= parsed.doc.published[:4] \
                else None
            section = year_line.re is _YEAR_SECTION
        elif heading and not section and not LIST_ITEM.match(sent.text):
            heading = None  # prose after the list: dated by the publication again
        # "في آذار/مارس من ذلك العام": the year the sentences before named last
        found = find_dates(sent.text, parsed.doc.published, int(last_year) if last_year else None)
        if heading and not year_line:
            # "2015" on a line of its own, then "- 22 كانون الثاني/يناير: ...": a date with no year of its own is of
            # that year; "أمس" and "الشهر الماضي" are still the report's
            headed = {d.start: d for d in find_dates(sent.text, f"{heading}-12-31", int(last_year) if last_year else None)}
            found = [headed.get(d.start, d) if d.relative and not _RELATIVE_WORDS.search(sent.text, d.start, d.end) else d
                     for d in found]
        for d in found:
            value, end_value = d.value, d.end_value
            tail = normalize(sent.text[d.end:d.end + 20]).strip()
            # "في كانون الأول من ذلك العام": the month belongs to the year named before it
            if value and last_year and any(tail.startswith(normalize(p)) for p in _THAT_YEAR) and len(value) >= 7:
                value = last_year + value[4:]
                end_value = last_year + end_value[4:] if end_value else None
            if value and d.relative and told and len(value) >= 7 and value[:4] != told[:4] \
                    and not _RELATIVE_WORDS.search(sent.text, d.start, d.end) and names_a_month(sent.text[d.start:d.end]) \
                    and told[:4] + value[4:] >= told[:len(value)]:
                # "ففي 20 كانون الثاني 2016 اجتمع ... وبعد ثلاثة أسابيع، في 11 شباط، جمع ...": a day with no year, later
                # in a paragraph that tells a year's events in order, is of that year, not of the publication's
                value = told[:4] + value[4:]
                end_value = told[:4] + end_value[4:] if end_value else None
            if value and not d.relative:
                last_year = value[:4]
                if len(value) >= 7:
                    told = value
            parsed.dates.append(DateMention(ev, "dates/expression", value=value, end_value=end_value,
                                            start=sent.start + d.start, end=sent.start + d.end,
                                            surface=sent.text[d.start:d.end], relative=d.relative))
    _same_day_or_month(parsed)


_A_WHILE_LATER = re.compile(r"^\W*(?:و|ف)?(?:بعد|عقب)\s+(?:\S+\s+){0,2}?(?:أيام|يوما|يوماً|يومين|أسبوع|أسبوعا|أسبوعاً"
                            r"|أسبوعين|أسابيع|شهر|شهرا|شهراً|شهرين|أشهر|ساعات)(?=[\s،,])")
_SAME_DAY = re.compile(r"(?:في\s+)?(?:اليوم\s+(?:نفسه|ذاته)|نفس\s+اليوم|ذات\s+اليوم)")
# "ثم شارك في اليوم التالي في رئاسة ...": the day after (or before) the day the sentence or the text named
# last; not "في اليوم التالي لاجتماع المجموعة", the day after something else
_NEXT_DAY = re.compile(r"(?:في|صباح|مساء|ظهر)\s+اليوم\s+(?P<way>التالي|الموالي|السابق)(?!\w)(?!\s+ل\w)")
# "وبعد يومين، هاجم ...": days after the day the text named last (at a sentence's start)
_DAYS_LATER = re.compile(r"^\W*(?:و|ف)?(?:بعد|عقب)\s+(?P<n>يوم|يومين|ثلاثة\s+أيام|أربعة\s+أيام|خمسة\s+أيام)"
                         r"(?=[\s،,])(?!\s+(?:من|على)\s)")  # "بعد يومين من الهجوم": after something else
# "وقبلها بيوم، قُتل 43 شخصاً"، "وبعده بيومين": days before or after the day the text named last
_DAYS_AROUND = re.compile(r"^\W*(?:و|ف)?(?P<way>قبل|بعد)(?:ها|ه|هما)\s+ب(?P<n>يوم|يومين|ثلاثة\s+أيام|أربعة\s+أيام"
                          r"|خمسة\s+أيام)(?:\s+واحد)?(?=[\s،,])")
_DAYS = {"يوم": 1, "يومين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5}
# (the day in digits, or the words before "من" that may be its ordinal: "الخامس عشر من الشهر ذاته")
_SAME_MONTH = re.compile(r"(?:(?<![\d\u0660-\u0669])(?P<day>[0-9\u0660-\u0669]{1,2})|(?P<words>(?:[^\W\d_]+\s+){0,2}"
                         r"[^\W\d_]+))\s+من\s+(?:الشهر\s+(?:نفسه|ذاته)|نفس\s+الشهر|ذات\s+الشهر|ذلك\s+الشهر"
                         # (or bare: "وفي الحادي والثلاثين من الشهر، سقطت ...", not "من الشهر الماضي")
                         r"|الشهر(?!\s+(?:الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|الفائت|التالي|السابق)))(?!\w)")
# "وفي الشهر ذاته، عقدت المجموعة اجتماعها": the month the text named last, with no day
_IN_SAME_MONTH = re.compile(r"(?<!من )(?:في\s+)?(?:الشهر\s+(?:نفسه|ذاته)|نفس\s+الشهر|ذات\s+الشهر)")


def _day_in_words(m: re.Match) -> tuple[int, int] | None:
    """The day the last one to three words of a same-month match name, and where those words start."""
    from ..dates import day_of_words

    words = list(re.finditer(r"\S+", m.group("words")))
    for k in (3, 2, 1):
        if len(words) >= k and (day := day_of_words(" ".join(w.group() for w in words[-k:]))):
            if len(words) > k and normalize(words[-k - 1].group()) not in _BEFORE_A_DAY:
                return None  # "في الأسبوع الثاني من الشهر ذاته"، "النصف الثاني": no day
            return day, m.start("words") + words[-k].start()
    return None


# (and a weekday: "يوم السبت الثالث والعشرين من الشهر نفسه")
_BEFORE_A_DAY = frozenset(normalize(w) for w in ("في", "وفي", "يوم", "ويوم", "حتى", "منذ", "من", "بين")) \
    | triggers().words("weekdays")


def _month_before(found: list, at: int, last_month: str | None) -> str | None:
    """The month named last before offset ``at``: in the sentence (``found``, its dates in order), else before it."""
    before = [d.value for d in found if d.end <= at and d.value and len(d.value) >= 7]
    return before[-1][:7] if before else last_month


def _same_day_or_month(parsed: Parsed) -> None:
    """"وفي اليوم نفسه": the day of the last dated sentence before it; "في ٢٩ من الشهر نفسه": that day
    of the month the text named last (in the sentence or before)."""
    by_sentence: dict[int, list] = {}
    for d in parsed.dates:
        by_sentence.setdefault(d.evidence.sentence, []).append(d)
    last_day = last_month = None
    for sent in parsed.sentences:
        ev = Evidence.of(sent)
        found = sorted(by_sentence.get(sent.index, []), key=lambda d: d.start)
        for m in _SAME_DAY.finditer(sent.text):
            # "مساء أمس الثلاثاء ... الهجوم الذي استهدف صباح اليوم نفسه": a day earlier in the sentence first
            before = [d.value for d in found if d.end <= sent.start + m.start() and d.value and len(d.value) == 10]
            day = before[-1] if before else last_day
            if day:
                parsed.dates.append(DateMention(ev, "dates/same-day", value=day, start=sent.start + m.start(),
                                                end=sent.start + m.end(), surface=m.group(), relative=True))
        for m in (_NEXT_DAY.finditer(sent.text) if "اليوم" in sent.text else ()):
            before = [d.value for d in found if d.end <= sent.start + m.start() and d.value and len(d.value) == 10]
            day = before[-1] if before else last_day
            if day:
                n = -1 if m.group("way") == "السابق" else 1
                parsed.dates.append(DateMention(ev, "dates/next-day", value=(_date.fromisoformat(day) + _timedelta(days=n))
                                                .isoformat(), start=sent.start + m.start(), end=sent.start + m.end(),
                                                surface=m.group(), relative=True))
                found = sorted(found + [parsed.dates[-1]], key=lambda d: d.start)
        later = _DAYS_LATER.match(sent.text) or _DAYS_AROUND.match(sent.text)
        if later and last_day and not any(d.start < sent.start + later.end() for d in found):
            n = _DAYS[later.group("n").split()[0]] * (-1 if later.groupdict().get("way") == "قبل" else 1)
            day = (_date.fromisoformat(last_day) + _timedelta(days=n)).isoformat()
            parsed.dates.append(DateMention(ev, "dates/days-later", value=day, start=sent.start + later.start(),
                                            end=sent.start + later.end(), surface=later.group(), relative=True))
            found = sorted(found + [parsed.dates[-1]], key=lambda d: d.start)
        for m in (_SAME_MONTH.finditer(sent.text) if "الشهر" in sent.text else ()):
            if m.group("day"):
                day, at = int(normalize(m.group("day"))), sent.start + m.start()
            elif (told := _day_in_words(m)) is not None:
                day, at = told[0], sent.start + told[1]
            else:
                continue
            month = _month_before(found, at, last_month)
            if month and 1 <= day <= 31 and not any(d.start < sent.start + m.end() and at < d.end for d in found):
                parsed.dates.append(DateMention(ev, "dates/same-month", value=f"{month}-{day:02d}", start=at,
                                                end=sent.start + m.end(), surface=sent.text[at - sent.start:m.end()],
                                                relative=True))
        for m in (_IN_SAME_MONTH.finditer(sent.text) if "الشهر" in sent.text else ()):
            at = sent.start + m.start()
            month = _month_before(found, at, last_month)
            if month and not any(d.start < sent.start + m.end() and at < d.end for d in parsed.dates
                                 if d.evidence.sentence == sent.index):
                parsed.dates.append(DateMention(ev, "dates/same-month", value=month, start=at, end=sent.start + m.end(),
                                                surface=m.group(), relative=True))
        days = [d.value for d in found if d.value and len(d.value) == 10]
        if days:
            last_day = days[-1]
        months = [d.value for d in found if d.value and len(d.value) >= 7]
        if months:
            last_month = months[-1][:7]


@step("quantities")
def quantities(parsed: Parsed, ctx: Context) -> None:
    """Numbers in digits or words, with scale, currency and qualifier."""
    from ..numbers import find_numbers

    for sent in parsed.sentences:
        ev = Evidence.of(sent)
        for n in find_numbers(sent.text):
            parsed.quantities.append(Quantity(ev, "quantities/number", value=n.value, start=sent.start + n.start,
                                              end=sent.start + n.end, surface=sent.text[n.start:n.end],
                                              currency=n.currency, qualifier=n.qualifier, ordinal=n.ordinal))
