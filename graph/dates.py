"""Dates in Arabic news text: explicit, partial and relative, with offsets.

:func:`find_dates` finds expressions such as "24 و 25 حزيران 2019",
"شباط/فبراير 2018", "في عام 2014", "أمس الثلاثاء" or "حزيران/يونيو الماضي"
and resolves them to ISO strings at the precision the text gives ("YYYY",
"YYYY-MM" or "YYYY-MM-DD"). Expressions without a year and relative ones are
resolved against the document's publication date; without one they are
returned unresolved (``value=None``, ``relative=True``), never guessed.

Matching runs on a folded copy of the text (hamza and alef forms, taa
marbuta, alef maqsura, Arabic-Indic digits; diacritics and tatweel removed)
whose positions are mapped back, so ``text[e.start:e.end]`` is always the
expression as written. The word lists live in ``graph/data/dates_ar.yaml``.

Examples
--------
>>> [(e.value, e.end_value) for e in find_dates("في 24 و 25 حزيران 2019")]
[('2019-06-24', '2019-06-25')]
>>> [e.value for e in find_dates("اجتمعوا أمس الثلاثاء", published="2019-06-26")]
['2019-06-25']
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterable, Protocol

from .data import load_yaml
from .numbers import parse_number_words
from .text import Folded, fold

__all__ = ["DateExpr", "day_of_words", "find_dates", "is_bound", "names_a_month"]


@dataclass(frozen=True)
class DateExpr:
    """A date expression of a text.

    Attributes
    ----------
    start, end:
        Character offsets: ``text[start:end]`` is the expression.
    value:
        ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY-MM-DD"`` at the precision the text
        gives, or ``None`` when it cannot be resolved.
    end_value:
        The last day (or year) of a range such as "24 و 25 حزيران 2019", else ``None``.
    relative:
        ``True`` when the value was resolved against the publication date (or
        would need one and none was given).
    """

    start: int
    end: int
    value: str | None
    end_value: str | None
    relative: bool


# Folding: see graph/text.Folded.
_Folded = Folded
_fold = fold



def _fold_word(word: str) -> str:
    return _fold(str(word).strip())


# --------------------------------------------------------------------------
# Word lists and patterns, built once at import.


def _load() -> dict[str, Any]:
    return load_yaml("dates_ar.yaml")


_DATA = _load()

_L = r"(?<![^\W_])"  # no word character before
_R = r"(?![^\W_])"  # no word character after
_CL = r"(?:[وف]?[بلك]?)"  # proclitics kept out of the expression


def _rx(phrase: str) -> str:
    """Regex for a folded phrase: any whitespace between words; "ال" may be "لل" after ل."""
    words = _fold_word(phrase).split()
    out = []
    for k, w in enumerate(words):
        if k == 0 and w.startswith("ال") and len(w) > 3:
            out.append("(?:ال|لل)" + re.escape(w[2:]))
        else:
            out.append(re.escape(w))
    return r"\s+".join(out)


def _alt(phrases: Iterable[str]) -> str:
    """Alternation of phrases, longest first."""
    uniq = sorted({_fold_word(p) for p in phrases if str(p).strip()}, key=len, reverse=True)
    return "(?:" + "|".join(_rx(p) for p in uniq) + ")"


def _key(s: str) -> str:
    """Lookup key for a matched phrase: single spaces, "لل" read as "ال"."""
    s = " ".join(s.split())
    return "ال" + s[2:] if s.startswith("لل") else s


def _table(groups: dict[Any, list[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, words in groups.items():
        for w in words:
            out[_fold_word(w)] = int(k)
    return out


_MONTHS = _table(_DATA["months"])
_MONTH_NOUNS = {_fold_word(w) for w in _DATA["month_nouns"]}
_MONTH_TRIGGERS = {_fold_word(w) for w in _DATA["month_triggers"]}
_WEEKDAYS = _table(_DATA["weekdays"])
_AMBIGUOUS_WEEKDAYS = {_fold_word(w) for w in _DATA["ambiguous_weekdays"]}
_DAY_PREFIXES = {_fold_word(w) for w in _DATA["day_prefixes"]}
_WEEKDAY_NOT_BEFORE = {_fold_word(w) for w in _DATA["weekday_not_before"]}
_PAST = {_fold_word(w) for w in _DATA["past_words"]}
_NEXT = {_fold_word(w) for w in _DATA["next_words"]}
_CURRENT = {_fold_word(w) for w in _DATA["current_words"]}
_REL_DAYS = _table(_DATA["relative_days"])
_TODAY_NOT_BEFORE = {_fold_word(w) for w in _DATA["today_not_before"]}
_TODAY_NOT_AFTER = {_fold_word(w) for w in _DATA["today_not_after"]}
_PERIODS: dict[str, tuple[str, int]] = {}
for _unit, _groups in _DATA["relative_periods"].items():
    for _off, _words in _groups.items():
        for _w in _words:
            _PERIODS[_fold_word(_w)] = (str(_unit), int(_off))
_YEAR_REFS: dict[str, int | None] = {w: off for w, (u, off) in _PERIODS.items() if u == "year"}
_YEAR_REFS.update({_fold_word(w): None for w in _DATA["year_anaphora"]})
_BARE_MIN, _BARE_MAX = (int(x) for x in _DATA["bare_year_range"])
_YEAR_NOT_BEFORE = {_fold_word(w) for w in _DATA["year_not_before"]}
_JOIN_RE = re.compile(r"\s*" + _alt(_DATA["range_separators"]) + r"\s*")
_WORD_RE = re.compile(r"[^\W_]+")
_LAST_WORD_RE = re.compile(r"([^\W_]+)[^\w]*$")
_CLAUSE_TAIL_RE = re.compile(r"[^،,;؛:.!?]*$")  # what of a clause stands before a position

_MONTH_NAME = _alt(_MONTHS) + _R
# One month, or two names of it: "حزيران/يونيو", "كانون الأول (ديسمبر)".
_MONTH = r"(?P<{0}>{1})(?:\s*[/\\(\-–]\s*(?P<{0}x>{1})(?:\s*\))?)?"
_DAY = r"(?<![0-9.,/])[0-3]?[0-9](?![0-9]|[.,/][0-9])"
_YEAR4 = r"(?:19|20)[0-9]{2}(?![0-9]|[.,][0-9])(?:\s?" + _alt(_DATA["year_suffixes"]) + _R + ")?"
_RANGE = r"\s*" + _alt(_DATA["range_separators"]) + r"\s*"
_YEAR_NOUN = _alt(_DATA["month_year_nouns"])
_OF = r"(?:" + _alt(_DATA["day_month_links"]) + r"\s+)?"
_WEEKDAY = _alt(_WEEKDAYS) + _R
_SUFFIX = r"(?P<suf>" + _alt(_PAST | _NEXT | _CURRENT) + r")" + _R
# What may follow a month: a year, a relative year ("من العام الماضي", "من ذلك العام")
# or a relative word ("الماضي", "المقبل", "الجاري").
_YEAR_PART = (
    r"(?:\s*[,،]?\s*(?:" + _OF + _YEAR_NOUN + r"\s+)?(?P<y>" + _YEAR4 + r")"
    r"|\s+" + _OF + r"(?P<yref>" + _alt(_YEAR_REFS) + r")" + _R
    + r"|\s+" + _SUFFIX + r")?"
)
_DAY_LEAD = (
    r"(?:(?:" + _alt(_DATA["date_leads"]) + r")\s+)?"
    r"(?:" + _WEEKDAY + r"\s*[,،]?\s*)?(?:" + _alt(_DATA["date_links"]) + r"\s+)?"
)
_MONTH_NOUN = r"(?:" + _alt(_DATA["month_nouns"]) + r"\s+)?"

# "24 حزيران 2019", "في 24 و 25 حزيران 2019", "اليوم الاثنين ٢٨ حزيران ٢٠٢١", "26 آب/أغسطس".
_DAY_MONTH_RE = re.compile(
    _L + _CL + r"(?P<e>" + _DAY_LEAD + r"(?P<d>" + _DAY + r")(?:" + _RANGE + r"(?P<d2>" + _DAY + r"))?"
    r"\s+" + _OF + _MONTH_NOUN + _MONTH.format("m", _MONTH_NAME) + _YEAR_PART + r")"
)


def _day_ordinals() -> dict[str, int]:
    """Folded ordinal phrases of the days 1 to 31: الأول ... العاشر، الحادي عشر، الخامس والعشرين."""
    units = {int(k): [_fold_word(w) for w in ws] for k, ws in _DATA["day_ordinals"].items()}
    one = _fold_word(_DATA["day_ordinal_one"])
    out: dict[str, int] = {w: d for d, ws in units.items() for w in ws}
    first = {d: ws + ([one] if d == 1 else []) for d, ws in units.items() if d < 10}
    for d, ws in first.items():
        for w in ws:
            if d == 1 and w != one:
                continue  # "الأول عشر" is not said: the 11th is الحادي عشر
            out[f"{w} عشر"] = 10 + d
    for tens, tws in _DATA["day_ordinal_tens"].items():
        for tw in tws:
            out[_fold_word(tw)] = int(tens)
            for d, ws in first.items():
                for w in ws:
                    if int(tens) + d <= 31 and not (d == 1 and w != one):
                        out[f"{w} و{_fold_word(tw)}"] = int(tens) + d
    return out


_DAY_WORDS = _day_ordinals()


def day_of_words(phrase: str) -> int | None:
    """The day an ordinal phrase names ("الخامس عشر" -> 15, "الحادي والعشرين" -> 21), else None."""
    return _DAY_WORDS.get(" ".join(_fold_word(w) for w in phrase.split()))


def names_a_month(phrase: str) -> bool:
    """Whether one of the words of ``phrase`` is a month's name ("11 شباط" yes; "يوم الثلاثاء" no)."""
    return any(_fold_word(w) in _MONTHS for w in re.split(r"[\s/()\-–]+", phrase) if w)


# The second day of a pair may drop the article: "يومي فاتح وثاني مارس".
_DAY_WORDS_AFTER_AND = {**_DAY_WORDS, **{w[2:]: d for w, d in _DAY_WORDS.items() if w.startswith("ال") and " " not in w}}
_FIRST_WITHOUT_LINK = frozenset({_fold_word("فاتح")})
# "العاشر من ديسمبر 2019", "في الخامس والعشرين من تموز/يوليو", "يومي الأول والثاني من مارس"، "فاتح مارس 2023"
# (without من: the Maghreb's way).
_WORD_DAY_MONTH_RE = re.compile(
    _L + _CL + r"(?P<e>" + _DAY_LEAD + r"(?P<dw>" + _alt(_DAY_WORDS) + r")(?:\s+و(?P<dw2>" + _alt(_DAY_WORDS_AFTER_AND)
    + r"))?\s+(?:(?P<link>" + _alt(_DATA["day_month_links"]) + r")\s+)?" + _MONTH_NOUN + _MONTH.format("m", _MONTH_NAME)
    + _YEAR_PART + r")"
)
# "الحادي والعشرين من الشهر الماضي", "في 3 من الشهر الجاري": a day of a month named by its distance.
_MONTH_PERIODS = {w: off for w, (u, off) in _PERIODS.items() if u == "month"}
_DAY_OF_PERIOD_RE = re.compile(
    _L + _CL + r"(?P<e>" + _DAY_LEAD + r"(?:(?P<d>" + _DAY + r")|(?P<dw>" + _alt(_DAY_WORDS) + r"))\s+"
    + _alt(_DATA["day_month_links"]) + r"\s+(?P<p>" + _alt(_MONTH_PERIODS) + r")" + _R + r")"
)
# "30 حزيران - 2 تموز 2019".
_CROSS_MONTH_RE = re.compile(
    _L + _CL + r"(?P<e>(?P<d>" + _DAY + r")\s+" + _OF + _MONTH.format("ma", _MONTH_NAME)
    + r"\s*" + _alt(_DATA["cross_month_separators"]) + r"\s*"
    r"(?P<d2>" + _DAY + r")\s+" + _OF + _MONTH.format("m", _MONTH_NAME) + _YEAR_PART + r")"
)
# "حزيران 2019", "شباط/فبراير 2018", "حزيران الماضي", "يونيو من العام الماضي", "في آذار".
_MONTH_RE = re.compile(_L + _CL + r"(?P<e>" + _MONTH_NOUN + _MONTH.format("m", _MONTH_NAME) + _YEAR_PART + r")")
# "عام 2014", "العام 2014", "سنة 2014", "عامي 2014 و2017".
_YEAR_RANGE = (
    r"(?P<y>" + _YEAR4 + r")(?:\s*" + _alt(_DATA["year_range_separators"]) + r"\s*(?P<y2>" + _YEAR4 + r"))?"
)
_NOUN_YEAR_RE = re.compile(_L + _CL + r"(?P<e>" + _alt(_DATA["year_nouns"]) + r"\s+" + _YEAR_RANGE + r")")
# "في 2014", "منذ 2014", "بحلول 2020".
_TRIGGER_YEAR_RE = re.compile(_L + r"[وف]?" + _alt(_DATA["year_triggers"]) + r"\s+(?P<e>" + _YEAR_RANGE + r")")
# "25/6/2019", "25-06-2019", "25.06.2019", "2019-06-25", "2019/6/25".
_NUMERIC_RE = re.compile(
    r"(?<![0-9./\-])(?P<e>(?P<d>[0-3]?[0-9])(?P<sep>[/.\-])(?P<mo>[01]?[0-9])(?P=sep)(?P<y>(?:19|20)[0-9]{2})"
    r"|(?P<iy>(?:19|20)[0-9]{2})(?P<isep>[/\-])(?P<im>[01]?[0-9])(?P=isep)(?P<id>[0-3]?[0-9]))"
    r"(?![0-9]|[./\-][0-9])"
)
# "الأحد ١٣/١٠": a weekday, then the day and month in figures with no year (an alert's or a log's heading).
_WEEKDAY_DM_RE = re.compile(
    _L + _CL + r"(?P<e>(?P<wd>" + _WEEKDAY + r")\s+(?P<d>[0-3]?[0-9])/(?P<mo>[01]?[0-9]))(?![0-9]|[./\-][0-9])"
)
# "أمس", "يوم أمس", "أمس الثلاثاء", "أمس (الخميس)", "أول أمس", "اليوم", "غدا".
_REL_DAY_RE = re.compile(
    _L + r"[وف]?(?P<e>(?:" + _alt(_DATA["day_prefixes"]) + r"\s+)?(?P<w>" + _alt(_REL_DAYS) + r")" + _R
    + r"(?:\s*\(\s*" + _WEEKDAY + r"\s*\)|\s*[,،]?\s*" + _WEEKDAY + r")?)"
)
# "الخميس", "يوم الأربعاء", "الخميس الماضي", "الجمعة المقبلة", "الثلاثاء والأربعاء الماضيين" (two days running).
_WEEKDAY_RE = re.compile(
    _L + _CL + r"(?P<e>(?P<yawm>" + _alt(_DATA["weekday_leads"]) + r"\s+)?"
    r"(?P<wd>" + _WEEKDAY + r")(?:\s+و(?P<wd2>" + _WEEKDAY + r"))?(?:\s+" + _SUFFIX + r")?)"
)
# "الأسبوع الماضي", "مطلع الشهر الجاري", "العام المقبل", "هذا العام".
_PERIOD_RE = re.compile(
    _L + _CL + r"(?P<e>(?:" + _alt(_DATA["period_prefixes"]) + r"\s+)?(?P<p>" + _alt(_PERIODS) + r")" + _R + r")"
)


def _firsts(phrases: Iterable[str]) -> set[str]:
    return {_fold_word(p).split()[0] for p in phrases if str(p).strip()}


# The regexes above are tried only where a word that can begin them starts
# (much faster than scanning every position). "#" stands for a number.
_DIGIT = "#"
_FIRST: dict[str, list[re.Pattern[str]]] = {}
for _rx_, _words_ in (
    (_DAY_MONTH_RE, {_DIGIT} | _firsts(_DATA["date_leads"]) | _firsts(_WEEKDAYS)),
    (_CROSS_MONTH_RE, {_DIGIT}),
    (_WORD_DAY_MONTH_RE, _firsts(_DAY_WORDS) | _firsts(_DATA["date_leads"]) | _firsts(_WEEKDAYS)),
    (_NUMERIC_RE, {_DIGIT}),
    (_DAY_OF_PERIOD_RE, {_DIGIT} | _firsts(_DAY_WORDS) | _firsts(_DATA["date_leads"]) | _firsts(_WEEKDAYS)),
    (_MONTH_RE, _firsts(_DATA["month_nouns"]) | _firsts(_MONTHS)),
    (_NOUN_YEAR_RE, _firsts(_DATA["year_nouns"])),
    (_TRIGGER_YEAR_RE, _firsts(_DATA["year_triggers"])),
    (_REL_DAY_RE, _firsts(_DATA["day_prefixes"]) | _firsts(_REL_DAYS)),
    (_WEEKDAY_RE, _firsts(_DATA["weekday_leads"]) | _firsts(_WEEKDAYS)),
    (_WEEKDAY_DM_RE, _firsts(_WEEKDAYS)),
    (_PERIOD_RE, _firsts(_DATA["period_prefixes"]) | _firsts(_PERIODS)),
):
    for _w in _words_:
        _FIRST.setdefault(_w, []).append(_rx_)
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
# A pattern's matches in a text, keyed by ``id(pattern)``: hashing a compiled pattern hashes its
# whole compiled code (2 µs for the month patterns), and the candidates look them up hundreds of
# times a document. The patterns are module constants, so their ids do not change.
_Found = dict[int, list[re.Match[str]]]


@lru_cache(maxsize=8192)
def _patterns_for(word: str) -> tuple[re.Pattern[str], ...]:
    """Patterns that may begin at ``word``: looked up as it is, without proclitics
    ("للعام" -> "العام", "وفي" -> "في"), and as "#" if it is a number."""
    keys = {word}
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) > len(p):
            keys.add(word[len(p):])
    for p in ("لل", "ولل", "فلل"):
        if word.startswith(p) and len(word) > len(p) + 1:
            keys.add("ال" + word[len(p):])
    if any(k[:1].isascii() and k[:1].isdigit() for k in keys):
        keys.add(_DIGIT)
    out: list[re.Pattern[str]] = []
    for k in keys:
        for rx in _FIRST.get(k, ()):
            if rx not in out:
                out.append(rx)
    return tuple(out)


def _scan(f: str) -> _Found:
    """Matches of each pattern (by the pattern's ``id``), tried at the start of every word that may begin it."""
    found: _Found = {}
    for t in _WORD_RE.finditer(f):
        for rx in _patterns_for(t.group()):
            m = rx.match(f, t.start())
            if m:
                found.setdefault(id(rx), []).append(m)
    return found


# --------------------------------------------------------------------------
# Candidates and their resolution.


@dataclass
class _Cand:
    start: int  # offsets into the folded text until mapped
    end: int
    y: int | None = None
    m: int | None = None
    d: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    # How the year is found: "explicit", "infer" (no year), "past"/"next"/"current"
    # (a month with الماضي/المقبل/الجاري), "offset" (من العام الماضي: y holds the
    # offset), "anaphora" (من ذلك العام) or "fixed" (value already computed).
    rule: str = "explicit"
    value: str | None = None
    end_value: str | None = None
    relative: bool = False


_Pub = tuple[int, int | None, int | None]
_PUB_RE = re.compile(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")


def _parse_published(published: str | None) -> _Pub | None:
    """``(year, month, day)`` with ``None`` for missing parts; ``None`` if unusable."""
    if not isinstance(published, str):
        return None
    m = _PUB_RE.match(fold(published))
    if not m:
        return None
    y = int(m.group(1))
    mo, d = (int(g) if g else None for g in m.groups()[1:])
    try:
        if mo is not None:
            date(y, mo, d or 1)
    except ValueError:
        return None
    return (y, mo, d)


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    """ISO string at the precision given; ``None`` if the date does not exist."""
    if y is None or not 1 <= y <= 9999:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _pub_ref(pub: _Pub) -> date:
    """The latest day the publication date may mean."""
    y, m, d = pub
    m = m or 12
    return date(y, m, d or calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _infer_year(m: int, d: int | None, pub: _Pub | None) -> int | None:
    """Year of a day/month without one: the publication year, or the one before if
    that would put the date more than about two months after publication."""
    if pub is None:
        return None
    y = pub[0]
    if pub[1] is None:
        return y
    try:
        day = min(d or 1, calendar.monthrange(y, m)[1])
        if date(y, m, day) > _pub_ref(pub) + timedelta(days=61):
            return y - 1
    except (ValueError, OverflowError):
        return None
    return y


def _year_for(c: _Cand, pub: _Pub | None, last_year: int | None) -> tuple[int | None, bool]:
    """The year of a month expression and whether it depends on the publication date."""
    rule, m = c.rule, c.m or 1
    if rule == "explicit":
        return c.y, False
    if rule == "anaphora":
        if last_year is not None:
            return last_year, False
        return _infer_year(m, c.d, pub), True
    if pub is None:
        return None, True
    if rule == "offset":
        return pub[0] + (c.y or 0), True
    if rule == "current":
        return pub[0], True
    if rule in ("past", "next"):
        if pub[1] is None:
            return None, True
        if rule == "past":
            return (pub[0] if m < pub[1] else pub[0] - 1), True
        return (pub[0] if m > pub[1] else pub[0] + 1), True
    return _infer_year(m, c.d, pub), True


def _resolve(c: _Cand, pub: _Pub | None, last_year: int | None) -> DateExpr:
    if c.rule == "fixed":
        return DateExpr(c.start, c.end, c.value, c.end_value, c.relative)
    if c.m is None:  # years
        end = _iso(c.y2) if c.y2 is not None and c.y is not None and c.y2 > c.y else None
        return DateExpr(c.start, c.end, _iso(c.y), end, False)
    y, relative = _year_for(c, pub, last_year)
    if y is None:
        return DateExpr(c.start, c.end, None, None, True)
    value = _iso(y, c.m, c.d)
    end_value = None
    if c.d2 is not None and c.d is not None:
        m2 = c.m2 or c.m
        y2 = y
        if c.m2 is not None and c.m2 < c.m:  # "30 كانون الأول - 2 كانون الثاني"
            y2 = y + 1
        if (m2, c.d2) > (c.m, c.d):
            end_value = _iso(y2, m2, c.d2)
    return DateExpr(c.start, c.end, value, end_value, relative)


def _relative_day(k: int, pub: _Pub | None) -> str | None:
    if pub is None:
        return None
    y, m, d = pub
    if m is None:
        return _iso(y)
    if d is None:
        return _iso(y, m)
    try:
        t = date(y, m, d) + timedelta(days=k)
    except (ValueError, OverflowError):
        return None
    return _iso(t.year, t.month, t.day)


def _relative_period(unit: str, k: int, pub: _Pub | None) -> str | None:
    if pub is None:
        return None
    y, m, d = pub
    if unit == "year":
        return _iso(y + k)
    if m is None:
        return _iso(y) if (unit == "week" or k == 0) else None
    if unit == "month":
        return _iso(*_shift_month(y, m, k))
    if d is None:  # a week relative to a month: keep the month
        return _iso(y, m)
    try:
        t = date(y, m, d) + timedelta(days=7 * k)
    except (ValueError, OverflowError):
        return None
    return _iso(t.year, t.month)


def _weekday_date(wd: int, when: str, pub: _Pub | None) -> str | None:
    """The given weekday before (``when="past"``), after (``"next"``) or on-or-before the publication day."""
    if pub is None or pub[2] is None or pub[1] is None:
        return None
    try:
        p = date(pub[0], pub[1], pub[2])
        if when == "next":
            t = p + timedelta(days=(wd - p.weekday() - 1) % 7 + 1)
        elif when == "past":
            t = p - timedelta(days=(p.weekday() - wd - 1) % 7 + 1)
        else:
            t = p - timedelta(days=(p.weekday() - wd) % 7)
    except (ValueError, OverflowError):
        return None
    return _iso(t.year, t.month, t.day)


# --------------------------------------------------------------------------
# Matching.


def _word_before(f: str, pos: int) -> str:
    m = _LAST_WORD_RE.search(f, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def _word_after(f: str, pos: int) -> str:
    m = _WORD_RE.search(f, pos, pos + 40)
    if not m or f[pos:m.start()].strip(" \t\n\r\u00a0"):
        return ""
    return m.group()


def _keys_of(word: str) -> set[str]:
    """A word and its forms without a leading و or ف: "وفي" -> {"وفي", "في"}."""
    return {word, word[1:]} if word[:1] in ("و", "ف") else {word}


def _month_of(m: re.Match, name: str) -> int | None:
    return _MONTHS.get(_key(m.group(name)))


def _year_rule(c: _Cand, m: re.Match) -> None:
    """Fill the year fields of a month candidate from its year part."""
    if m.group("y"):
        c.y, c.rule = int(m.group("y")[:4]), "explicit"
    elif m.group("yref"):
        off = _YEAR_REFS.get(_key(m.group("yref")))
        if off is None:
            c.rule = "anaphora"
        else:
            c.y, c.rule = off, "offset"
    elif m.group("suf"):
        suf = _key(m.group("suf"))
        c.rule = "past" if suf in _PAST else "next" if suf in _NEXT else "current"
    else:
        c.rule = "infer"


def _day_ok(*days: str | None) -> bool:
    return all(d is None or 1 <= int(d) <= 31 for d in days)


def _between_punctuation(f: str, start: int, end: int) -> bool:
    """Whether ``f[start:end]`` stands between punctuation: "(الاثنين)", "، الاثنين،"."""
    before = f[max(0, start - 2):start].strip()
    after = f[end:end + 2].strip()
    return bool(before) and bool(after) and before[-1] in "(،,-" and after[0] in ")،,.-"


def _candidates(f: str, pub: _Pub | None) -> list[_Cand]:
    """Every date expression found, overlapping ones included."""
    found = _scan(f)
    return _month_candidates(f, found) + _year_candidates(f, found) + _relative_candidates(f, found, pub)


def _month_candidates(f: str, found: _Found) -> list[_Cand]:
    """Dates with a month name, and numeric dates."""
    out: list[_Cand] = []
    for m in found.get(id(_DAY_MONTH_RE), ()):
        mo = _month_of(m, "m")
        if mo is None or not _day_ok(m.group("d"), m.group("d2")):
            continue
        c = _Cand(m.start("e"), m.end("e"), m=mo, d=int(m.group("d")))
        if m.group("d2"):
            c.d2 = int(m.group("d2"))
        _year_rule(c, m)
        out.append(c)

    for m in found.get(id(_WORD_DAY_MONTH_RE), ()):
        mo = _month_of(m, "m")
        if mo is None:
            continue
        if m.group("link") is None and _key(m.group("dw")) not in _FIRST_WITHOUT_LINK:
            continue  # "كانون الثاني يناير": a month's own name; only فاتح may go without من
        day = _DAY_WORDS[_key(m.group("dw"))]
        c = _Cand(m.start("e"), m.end("e"), m=mo, d=day)
        if m.group("dw2") and (d2 := _DAY_WORDS_AFTER_AND[_key(m.group("dw2"))]) > day:
            c.d2 = d2
        _year_rule(c, m)
        out.append(c)

    for m in found.get(id(_CROSS_MONTH_RE), ()):
        ma, mb = _month_of(m, "ma"), _month_of(m, "m")
        if ma is None or mb is None or ma == mb or not _day_ok(m.group("d"), m.group("d2")):
            continue
        c = _Cand(m.start("e"), m.end("e"), m=ma, d=int(m.group("d")), m2=mb, d2=int(m.group("d2")))
        _year_rule(c, m)
        if c.rule == "explicit" and c.y is not None and ma > mb:
            c.y -= 1  # the year written belongs to the end of the range
        out.append(c)

    for m in found.get(id(_MONTH_RE), ()):
        mo = _month_of(m, "m")
        if mo is None:
            continue
        c = _Cand(m.start("e"), m.end("e"), m=mo)
        _year_rule(c, m)
        if (
            c.rule == "infer"
            and not m.group("mx")
            and m.group("e").split(None, 1)[0] not in _MONTH_NOUNS
            and not _MONTH_TRIGGERS.intersection(_keys_of(_word_before(f, m.start("e"))))
        ):
            continue
        out.append(c)

    for m in found.get(id(_NUMERIC_RE), ()):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
        value = _iso(y, mo, d)
        if value is not None:
            out.append(_Cand(m.start("e"), m.end("e"), rule="fixed", value=value))
    return out


def _year_candidates(f: str, found: _Found) -> list[_Cand]:
    """Years after a year noun or a trigger word: "عام 2014", "في 2014", "عامي 2014 و2017"."""
    out: list[_Cand] = []
    for rx in (_NOUN_YEAR_RE, _TRIGGER_YEAR_RE):
        for m in found.get(id(rx), ()):
            y = int(m.group("y")[:4])
            y2 = int(m.group("y2")[:4]) if m.group("y2") else None
            if not _BARE_MIN <= y <= _BARE_MAX or (y2 is not None and not _BARE_MIN <= y2 <= _BARE_MAX):
                continue
            after = f[m.end("e"):m.end("e") + 30].split()
            if after and (after[0] in _YEAR_NOT_BEFORE or " ".join(after[:2]) in _YEAR_NOT_BEFORE):
                continue
            out.append(_Cand(m.start("e"), m.end("e"), y=y, y2=y2))
    return out


def _relative_candidates(f: str, found: _Found, pub: _Pub | None) -> list[_Cand]:
    """Days, weekdays, weeks, months and years relative to the publication date."""
    out: list[_Cand] = []
    for m in found.get(id(_REL_DAY_RE), ()):
        w = _key(m.group("w"))
        k = _REL_DAYS.get(w)
        if k is None:
            continue
        if k == 0 and (
            _word_after(f, m.end("w")) in _TODAY_NOT_BEFORE or _word_before(f, m.start("e")) in _TODAY_NOT_AFTER
        ):
            continue  # "اليوم الأول من المنتدى", "في ذلك اليوم"
        out.append(_Cand(m.start("e"), m.end("e"), rule="fixed", value=_relative_day(k, pub), relative=True))

    for m in found.get(id(_WEEKDAY_RE), ()):
        wd_word = _key(m.group("wd"))
        wd = _WEEKDAYS.get(wd_word)
        if wd is None or _word_after(f, m.end("wd")) in _WEEKDAY_NOT_BEFORE:
            continue
        suf = _key(m.group("suf")) if m.group("suf") else ""
        if wd_word in _AMBIGUOUS_WEEKDAYS and not (m.group("yawm") or suf):
            if not (_between_punctuation(f, m.start("e"), m.end("e"))
                    or _key(_word_before(f, m.start("e"))) in _DAY_PREFIXES):  # "فجر الاثنين"
                continue
        when = "past" if suf in _PAST else "next" if suf in _NEXT else "on-or-before"
        value = _weekday_date(wd, when, pub)
        wd2 = _WEEKDAYS.get(_key(m.group("wd2"))) if m.group("wd2") else None
        end_value = _weekday_date(wd2, when, pub) if wd2 is not None else None
        if end_value is not None and value is not None and end_value <= value:
            out.append(_Cand(m.start("e"), m.end("wd"), rule="fixed", value=value, relative=True))
            continue  # not two days running ("الأحد والخميس"): the first alone
        out.append(_Cand(m.start("e"), m.end("e"), rule="fixed", value=value, end_value=end_value, relative=True))

    for m in found.get(id(_WEEKDAY_DM_RE), ()):
        d, mo = int(m.group("d")), int(m.group("mo"))
        y = _infer_year(mo, d, pub) if 1 <= mo <= 12 else None
        value = _iso(y, mo, d) if y is not None else None
        if value is not None:
            out.append(_Cand(m.start("e"), m.end("e"), rule="fixed", value=value, relative=True))

    for m in found.get(id(_DAY_OF_PERIOD_RE), ()):
        month = _relative_period("month", _MONTH_PERIODS[_key(m.group("p"))], pub)
        day = int(m.group("d")) if m.group("d") else _DAY_WORDS[_key(m.group("dw"))]
        if month is None or len(month) != 7 or not 1 <= day <= calendar.monthrange(int(month[:4]), int(month[5:]))[1]:
            continue
        out.append(_Cand(m.start("e"), m.end("e"), rule="fixed", value=f"{month}-{day:02d}", relative=True))

    for m in found.get(id(_PERIOD_RE), ()):
        unit_off = _PERIODS.get(_key(m.group("p")))
        if unit_off is None:
            continue
        value = _relative_period(unit_off[0], unit_off[1], pub)
        out.append(_Cand(m.start("e"), m.end("e"), rule="fixed", value=value, relative=True))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest first, in text order."""
    chosen: list[_Cand] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if c.end <= c.start or taken.find(1, c.start, c.end) >= 0:
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


def _share_years(f: str, chosen: list[_Cand]) -> None:
    """A month without a year takes the year of the date joined to it:
    "30 حزيران و2 تموز 2019", "بين أكتوبر وديسمبر 2020"."""
    for a, b in zip(chosen, chosen[1:]):
        if (
            a.rule == "infer" and a.m is not None
            and b.rule == "explicit" and b.m is not None and b.y is not None
            and _JOIN_RE.fullmatch(f, a.end, b.start)
        ):
            a.y, a.rule = (b.y if a.m <= b.m else b.y - 1), "explicit"


_YEAR_BOUNDS = frozenset(_fold_word(w) for w in _DATA["year_bounds"])


class _Placed(Protocol):
    """A date found in a text (a :class:`DateExpr`, or a fact made of one): where it starts."""

    start: int


def is_bound(text: str, d: _Placed, reach: int = 1) -> bool:
    """Whether date ``d`` of ``text`` is a bound rather than a time something happened: a word of
    ``year_bounds`` in the data file stands before it ("منذ 2006", "حتى عام 2024"), or with ``reach``
    one of the last ``reach`` words of its clause before it ("منذ افتتاح المعبر عام 2006").

    >>> t = "يقيم هناك منذ عام 2006، وفي 2024 غادر"
    >>> [is_bound(t, d) for d in find_dates(t)]
    [True, False]
    >>> t = "أكبر حشد منذ افتتاح الملعب عام 2006"
    >>> [(is_bound(t, d), is_bound(t, d, reach=4)) for d in find_dates(t)]
    [(False, True)]
    """
    return _bound_at(text, d.start, reach)


def _bound_at(text: str, pos: int, reach: int = 1) -> bool:
    tail = _CLAUSE_TAIL_RE.search(text, max(0, pos - 200), pos)
    words = _WORD_RE.findall(tail.group()) if tail else []
    return any(_fold_word(w) in _YEAR_BOUNDS for w in words[-reach:])


def _year_of_the_text(f: str, chosen: list[_Cand], pub: _Pub | None) -> None:
    """A day of a month without a year, after "عام 2024" in the same text and with no other date
    between, is in that year ("ويذكر التقرير بأن عام 2024 افتتح بتفجيرين في 3 كانون الثاني"), unless the
    year is a bound (``year_bounds`` in the data file: "منذ عام 2014") or after the publication."""
    year = None
    for c in chosen:
        if c.m is None and c.rule == "explicit" and c.y is not None and c.y2 is None:
            bound = _bound_at(f, c.start)
            year = c.y if not bound and (pub is None or c.y <= pub[0]) else None
        elif c.rule == "infer" and c.m is not None and c.d is not None and year is not None:
            c.y, c.rule = year, "explicit"
        else:
            year = None


def find_dates(text: str, published: str | None = None, year_before: int | None = None) -> list[DateExpr]:
    """Find the date expressions of ``text`` and resolve them.

    Parameters
    ----------
    text:
        Arabic text, as written (diacritics, Arabic-Indic digits and tatweel are fine).
    published:
        The document's publication date, ``"YYYY-MM-DD"``, ``"YYYY-MM"``,
        ``"YYYY"`` or ``None``. Expressions without a year and relative ones
        ("أمس", "الشهر الماضي", "حزيران الماضي") are resolved against it.
    year_before:
        The year the text before ``text`` named last: "من ذلك العام" after a month takes it
        when ``text`` names no year of its own before.

    Returns
    -------
    list[DateExpr]
        Non-overlapping expressions (the longest wins) sorted by ``start``.

    Examples
    --------
    >>> [e.value for e in find_dates("تحرير المناطق في 23 آذار/مارس 2019")]
    ['2019-03-23']
    >>> [(e.value, e.relative) for e in find_dates("في حزيران/يونيو الماضي", published="2021-09-09")]
    [('2021-06', True)]
    >>> [e.value for e in find_dates("العام الماضي")]
    [None]
    >>> [e.value for e in find_dates("في آذار/مارس من ذلك العام", "2018-02-12", year_before=2015)]
    ['2015-03']
    """
    if not isinstance(text, str) or not text:
        return []
    folded = _Folded(text)
    f = folded.text
    pub = _parse_published(published)
    chosen = _select(_candidates(f, pub))
    _share_years(f, chosen)
    _year_of_the_text(f, chosen, pub)
    out: list[DateExpr] = []
    last_year: int | None = year_before
    for c in chosen:
        e = _resolve(c, pub, last_year)
        if c.rule in ("explicit", "anaphora") and not e.relative and e.value:
            last_year = int(e.value[:4])
        start, end = folded.span(c.start, c.end, text)
        out.append(DateExpr(start, end, e.value, e.end_value, e.relative))
    taken = [(c.start, c.end) for c in chosen]
    for a, b, value, end_value in _hijri(f, taken):
        start, end = folded.span(a, b, text)
        out.append(DateExpr(start, end, value, end_value, False))
    for a, b, day in _same_day(f, pub):
        start, end = folded.span(a, b, text)
        out = [e for e in out if not (e.start < end and start < e.end)] + [DateExpr(start, end, day, None, True)]
    return sorted(out, key=lambda e: e.start)


# "في مثل هذا اليوم قبل تسع سنوات"، "... من العام الماضي"، "... من عام 2016": the day and month of publication in
# another year (a "this day in history" column); with no year, a day of some year the text does not give
_SAME_DAY_RE = re.compile(
    r"مثل\s+هذا\s+اليوم(?:\s+(?:قبل\s+(?P<n>[^\s،,.]+(?:\s+[^\s،,.]+)?)\s+(?:سنوات|سنه|سنين|اعوام|عاما|عام)"
    r"|قبل\s+(?P<two>عامين|سنتين)|من\s+(?P<last>العام\s+الماضي|السنه\s+الماضيه)|من\s+عام\s+(?P<y>[0-9]{4})))?")


def _same_day(f: str, pub: _Pub | None) -> list[tuple[int, int, str | None]]:
    """"This day" in another year, as ``(start, end, value)`` in the folded text: the publication's day and
    month (at the precision it has) in the year the words give; ``None`` when they give none."""
    if "مثل" not in f:
        return []
    out: list[tuple[int, int, str | None]] = []
    for m in _SAME_DAY_RE.finditer(f):
        year: int | None = None
        if m.group("y"):
            year = int(m.group("y"))
        elif pub is not None and (m.group("n") or m.group("two") or m.group("last")):
            n = 2 if m.group("two") else 1 if m.group("last") else parse_number_words(m.group("n") or "")
            year = pub[0] - int(n) if n and n == int(n) and 0 < n < 200 else None
        value = None
        if year is not None:
            value = _iso(year, pub[1], pub[2]) if pub is not None and pub[1] else _iso(year)
        out.append((m.start(), m.end(), value))
    return out


# Hijri dates as the Saudi and Gulf press writes them: "19 ذي القعدة 1444هـ", "يومي 23 و24 ذو الحجة
# 1436هـ". Converted by the Umm al-Qura calendar (hijridate); one followed by "الموافق" and its Gregorian
# date is left to that date.
_HIJRI_MONTHS = {_fold_word(w): i for i, ws in _DATA["hijri_months"].items() for w in ws}
_HIJRI_RE = re.compile(
    _L + r"(?P<d>[0-3]?[0-9])(?:\s*(?:و|-|–)\s*(?P<d2>[0-3]?[0-9]))?\s+(?:من\s+)?(?P<m>" + _alt(_HIJRI_MONTHS)
    + r")\s+(?:(?:عام|سنه)\s+)?(?P<y>1[34][0-9][0-9])(?![0-9])\s*(?:ه(?![^\W_]))?")  # هـ, its tatweel folded away
_GIVEN_AS = re.compile(r"\s*[(،,]?\s*(?:الموافق|الموافقه)")
_HIJRI_YEAR = re.compile(r"1[34][0-9][0-9]")


def _hijri(f: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    out: list[tuple[int, int, str, str | None]] = []
    if not _HIJRI_YEAR.search(f):
        return out  # no Hijri year in the text (the cheap test first)
    for m in _HIJRI_RE.finditer(f):
        if any(a < m.end() and m.start() < b for a, b in taken) or _GIVEN_AS.match(f, m.end()):
            continue
        from hijridate import Hijri  # imported on the first Hijri date, not at start-up

        month, year = _HIJRI_MONTHS[_key(m.group("m"))], int(m.group("y"))
        try:
            first = Hijri(year, month, int(m.group("d"))).to_gregorian().isoformat()
            last = Hijri(year, month, int(m.group("d2"))).to_gregorian().isoformat() if m.group("d2") else None
        except (ValueError, OverflowError):
            continue  # a day the month does not have, or a year outside the Umm al-Qura tables
        out.append((m.start(), m.end(), first, last))
    return out
