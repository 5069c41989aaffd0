"""Numbers in Arabic news text: digits, number words, scales, currencies and qualifiers.

:func:`find_numbers` finds expressions such as "20 مليار دولار", "نحو ستين",
"أكثر من 60 في المئة", "الـ68", "ستة وثمانين" or "الرابع والثمانين" and
returns their value with the scale applied, the currency (ISO 4217), the
qualifier ("exact", "about", "more-than", "less-than"), whether the number is
an ordinal, and a unit ("percent", "km2", "km"). :func:`parse_number_words`
reads a number written in words.

Matching runs on a folded copy of the text (hamza and alef forms, taa
marbuta, alef maqsura, Arabic-Indic digits and separators; diacritics and
tatweel removed) whose positions are mapped back, so ``text[n.start:n.end]``
is always the expression as written. The word lists live in
``graph/data/numbers_ar.yaml``.

Examples
--------
>>> [(n.value, n.currency, n.qualifier) for n in find_numbers("جمع أكثر من 20 مليار دولار")]
[(20000000000.0, 'USD', 'more-than')]
>>> parse_number_words("ثلاثة وثمانين")
83.0
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .data import load_yaml
from .text import Folded, fold

__all__ = ["Number", "currency_named", "find_numbers", "parse_number_words"]


@dataclass(frozen=True)
class Number:
    """A number expression of a text.

    Attributes
    ----------
    start, end:
        Character offsets: ``text[start:end]`` covers the number with its
        qualifier, scale, currency and unit words.
    value:
        The value with the scale applied: "7.7 مليون" -> 7700000.0.
    currency:
        ISO 4217 code of the currency word that follows, else ``None``.
    qualifier:
        ``"exact"``, ``"about"``, ``"more-than"`` or ``"less-than"``.
    ordinal:
        ``True`` for ordinals ("الرابع والثمانين" -> 84).
    unit:
        ``"percent"``, ``"km2"``, ``"km"`` or ``None``.
    """

    start: int
    end: int
    value: float
    currency: str | None
    qualifier: str
    ordinal: bool
    unit: str | None


# Folding (see graph/text.Folded), with the Arabic decimal and thousands separators and percent sign.
_EXTRA_FOLD = (("٫", "."), ("٬", ","), ("٪", "%"))


def _Folded(text: str) -> Folded:
    return Folded(text, _EXTRA_FOLD)


def _fold(text: str) -> str:
    return fold(text, _EXTRA_FOLD)



# --------------------------------------------------------------------------
# Tokens of the folded text.

# Spaces (not a line break), then a number, a word, a symbol or any other single character.
_TOKEN_RE = re.compile(
    r"([^\S\n]*)(?:([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"  # 26,500  1,234.5
    r"|[0-9]+\.[0-9]+|[0-9]+,[0-9]{1,2}(?![0-9])|[0-9]+)"  # 148.7  2,5  68
    r"|([^\W\d_]+)|([%$€£])|(.))",
    re.S,
)
_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


class _Tok(NamedTuple):
    start: int  # offsets into the folded text
    end: int
    norm: str
    kind: str  # "n" number, "w" word, "s" symbol
    space: bool  # only whitespace (or nothing) since the previous token
    glued: bool  # nothing at all since the previous token


def _tokens(f: str) -> list[_Tok]:
    out: list[_Tok] = []
    new = tuple.__new__
    pos = 0
    space = True  # nothing but whitespace since the previous token
    for ws, num, word, sym, other in _TOKEN_RE.findall(f):
        pos += len(ws)
        if other:
            pos += len(other)
            space = False
            continue
        tok = num or word or sym
        kind = "n" if num else "w" if word else "s"
        end = pos + len(tok)
        out.append(new(_Tok, (pos, end, tok, kind, space, space and not ws)))
        pos = end
        space = True
    return out


def _digits_value(s: str) -> float | None:
    if _THOUSANDS_RE.fullmatch(s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _phrase(p: str) -> tuple[str, ...]:
    return tuple(t.norm for t in _tokens(_fold(str(p).strip())))


# --------------------------------------------------------------------------
# Word lists.


def _load() -> dict[str, Any]:
    return load_yaml("numbers_ar.yaml")


_DATA = _load()

# stem -> [(kind, value)]; kinds: unit ten teen tens hundreds scale1 scale2 scaleN frac ord ordc
_LEX: dict[str, list[tuple[str, float]]] = {}


def _add(kind: str, value: float, words: list[str]) -> None:
    for w in words:
        _LEX.setdefault(_fold(str(w)), []).append((kind, float(value)))


for _v, _ws in _DATA["units"].items():
    _add("unit", _v, _ws)
_add("ten", 10, _DATA["ten"])
for _v, _ws in _DATA["teen_units"].items():
    _add("teen", _v, _ws)
for _v, _ws in _DATA["tens"].items():
    _add("tens", _v, _ws)
for _v, _ws in _DATA["hundreds"].items():
    _add("hundreds", _v, _ws)
for _v, _forms in _DATA["scales"].items():
    _add("scale1", _v, _forms.get("one", []))
    _add("scale2", _v, _forms.get("two", []))
    _add("scaleN", _v, _forms.get("many", []))
for _v, _ws in _DATA["fractions"].items():
    _add("frac", _v, _ws)
_COMPOUND_ONLY = {_fold(w) for w in _DATA["ordinals_compound_only"]}
for _v, _ws in _DATA["ordinals"].items():
    _add("ord", _v, _ws)
for _w in _COMPOUND_ONLY:
    _LEX.setdefault(_w, []).append(("ordc", 1.0))
_FRACTION_NOUNS = {_fold(w) for w in _DATA["fraction_nouns"]}
_ORDINAL_NOT_AFTER = {_fold(w) for w in _DATA["ordinal_not_after"]}
_NO_ARTICLE = {_fold(w) for w in _DATA["no_article"]}

_QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted(
    ((_phrase(p), q) for q, ps in _DATA["qualifiers"].items() for p in ps),
    key=lambda x: -len(x[0]),
)
# Qualifier phrases by their last word (and, for one-word phrases, that word with a proclitic).
_QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _p, _q in _QUALIFIERS:
    if _p:
        _QUALIFIERS_BY_LAST.setdefault(_p[-1], []).append((_p, _q))
_NOT_QUALIFIERS = [_phrase(p) for p in _DATA["not_qualifiers"]]
_TRAILING: list[tuple[tuple[str, ...], str]] = sorted(
    ((_phrase(p), q) for q, ps in _DATA["trailing_qualifiers"].items() for p in ps),
    key=lambda x: -len(x[0]),
)
_TAILS = sorted((_phrase(p) for p in _DATA["qualifier_tails"]), key=len, reverse=True)
_UNITS: list[tuple[tuple[str, ...], str]] = sorted(
    ((_phrase(p), u) for u, ps in _DATA["units_of_measure"].items() for p in ps),
    key=lambda x: -len(x[0]),
)


class _Currency(NamedTuple):
    form: tuple[str, ...]
    default: str | None
    adjectives: tuple[tuple[tuple[str, ...], str], ...]


_CURRENCIES: list[_Currency] = sorted(
    (
        _Currency(
            _phrase(form),
            spec.get("default"),
            tuple(
                sorted(
                    ((_phrase(a), code) for code, adjs in (spec.get("adjectives") or {}).items() for a in adjs),
                    key=lambda x: -len(x[0]),
                )
            ),
        )
        for spec in _DATA["currencies"]
        for form in spec["forms"]
    ),
    key=lambda c: -len(c.form),
)
_CURRENCIES_BY_FIRST: dict[str, list[_Currency]] = {}
for _c in _CURRENCIES:
    _CURRENCIES_BY_FIRST.setdefault(_c.form[0], []).append(_c)
_CURRENCY_LINKS = {_fold(w) for w in _DATA["currency_links"]}
_SYMBOLS = {c.form[0]: c.default for c in _CURRENCIES if len(c.form) == 1 and c.form[0] in "%$€£"}

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_CLITICS = {"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"}
_ARTICLES = {c + a for c in ("", "و", "ف") for a in ("ال", "بال", "كال", "لل")}


class _Entry(NamedTuple):
    kind: str
    value: float
    conj: bool  # has و/ف
    prep: bool  # has ب/ل/ك
    art: bool  # has the article
    excl: int  # leading characters that are not part of the number


@lru_cache(maxsize=8192)
def _analyse(word: str) -> tuple[_Entry, ...]:
    """Readings of a folded word as a number word, with its proclitics."""
    out: list[_Entry] = []
    for conj in ("", *_CONJ):
        for prep in ("", *_PREP):
            for art in ("", "ال", "لل"):
                if art == "لل" and prep:
                    continue
                pre = conj + prep + art
                if not word.startswith(pre):
                    continue
                stem = word[len(pre):]
                if len(stem) < 2 or stem not in _LEX:
                    continue
                excl = len(conj) + len(prep)
                for kind, value in _LEX[stem]:
                    if art and kind == "unit" and stem in _NO_ARTICLE:
                        continue
                    out.append(_Entry(kind, value, bool(conj), bool(prep) or art == "لل", bool(art), excl))
    return tuple(out)


# --------------------------------------------------------------------------
# The grammar of number words.


class _Parser:
    """Recursive descent over tokens; every method returns ``None`` or a value with the next index."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.n = len(toks)

    def entries(self, i: int, mode: str) -> tuple[list[_Entry], int]:
        """Readings of token ``i``: ``mode`` "first" (any proclitic), "bare" (none),
        "and" (joined with و: "وثمانين" or "و ثمانين")."""
        toks = self.toks
        if i >= self.n or toks[i].kind != "w" or (i > 0 and mode != "first" and not toks[i].space):
            return [], i
        if mode == "and":
            if toks[i].norm == "و" and i + 1 < self.n and toks[i + 1].space and toks[i + 1].kind == "w":
                es = [e for e in _analyse(toks[i + 1].norm) if not e.conj and not e.prep]
                return es, i + 2
            es = [e for e in _analyse(toks[i].norm) if e.conj and not e.prep and toks[i].norm.startswith("و")]
            return es, i + 1
        es = list(_analyse(toks[i].norm))
        if mode == "bare":
            es = [e for e in es if not (e.conj or e.prep or e.art)]
        return es, i + 1

    def has(self, i: int, mode: str, kinds: tuple[str, ...]) -> tuple[_Entry, int] | None:
        es, j = self.entries(i, mode)
        for e in es:
            if e.kind in kinds:
                return e, j
        return None

    def below100(self, i: int, mode: str) -> tuple[float, int, _Entry] | None:
        es, j = self.entries(i, mode)
        for e in es:
            if e.kind == "teen":
                ten = self.has(j, "bare", ("ten",))
                if ten:
                    return 10 + e.value, ten[1], e
                tens = self.has(j, "and", ("tens",)) if e.value == 1 else None
                if tens:  # "إحدى وعشرين", "أحد وثلاثون"
                    return 1 + tens[0].value, tens[1], e
            elif e.kind == "unit":
                if e.value >= 2:
                    ten = self.has(j, "bare", ("ten",))
                    if ten:
                        return 10 + e.value, ten[1], e
                tens = self.has(j, "and", ("tens",))
                if tens:
                    return e.value + tens[0].value, tens[1], e
                return e.value, j, e
            elif e.kind in ("tens", "ten"):
                return e.value, j, e
        return None

    def below1000(self, i: int, mode: str) -> tuple[float, int, _Entry] | None:
        es, j = self.entries(i, mode)
        for e in es:
            if e.kind == "hundreds":
                rest = self.below100(j, "and")
                return (e.value + rest[0], rest[1], e) if rest else (e.value, j, e)
            if e.kind == "unit" and e.value >= 3:
                h = self.has(j, "bare", ("hundreds",))
                if h and h[0].value == 100:
                    rest = self.below100(h[1], "and")
                    value = e.value * 100
                    return (value + rest[0], rest[1], e) if rest else (value, h[1], e)
        return self.below100(i, mode)

    def group(self, i: int, mode: str) -> tuple[float, float, int, int] | None:
        """``(value, scale, next index, excluded leading characters)`` of one scaled group."""
        toks = self.toks
        if i >= self.n:
            return None
        # Digits: "20", "و500" (joined), with an optional scale: "20 مليار".
        d = i
        if mode == "and":
            joined = toks[i].norm == "و" and i + 1 < self.n and toks[i + 1].kind == "n" and toks[i + 1].space
            d = i + 1 if joined else -1
        if d >= 0 and toks[d].kind == "n":
            if mode != "first" and not toks[i].space:
                return None
            v = _digits_value(toks[d].norm)
            if v is None:
                return None
            sc = self.has(d + 1, "bare", ("scale1", "scale2", "scaleN"))
            if sc:
                return v * sc[0].value, sc[0].value, sc[1], 0
            return v, 1.0, d + 1, 0
        # Words: "ثلاثة آلاف", "مئة ألف", "ستين".
        sub = self.below1000(i, mode)
        if sub:
            value, j, e = sub
            sc = self.has(j, "bare", ("scale1", "scale2", "scaleN"))
            if sc:
                return value * sc[0].value, sc[0].value, sc[1], e.excl
            return value, 1.0, j, e.excl
        # A scale alone: "ألف", "مليون", "ألفي" (2000); a plural alone ("آلاف") is vague.
        es, j = self.entries(i, mode)
        for e in es:
            if e.kind == "frac" and not e.art:  # "نصف مليار" (half a billion), "بربع مليون"
                sc = self.has(j, "bare", ("scale1",))
                if sc:
                    return e.value * sc[0].value, sc[0].value, sc[1], e.excl
        for e in es:
            if e.kind == "scale1":
                return e.value, e.value, j, e.excl
            if e.kind == "scale2":
                return 2 * e.value, e.value, j, e.excl
        return None

    def cardinal(self, i: int, mode: str = "first") -> tuple[float, int, int] | None:
        """``(value, next index, excluded leading characters)`` of a cardinal."""
        g = self.group(i, mode)
        if g is None:
            return None
        value, scale, j, excl = g
        while scale >= 1000:
            nxt = self.group(j, "and")
            if nxt is None or nxt[1] >= scale or (nxt[1] == 1 and nxt[0] >= 1000):
                break
            value += nxt[0]
            scale, j = nxt[1], nxt[2]
        frac = self.has(j, "and", ("frac",))
        if frac:
            es, k = self.entries(frac[1], "first")
            again = next((e for e in es if e.kind == "scale1" and not (e.conj or e.prep)), None)
            if again is None and not self.has(frac[1], "bare", ("scale2", "scaleN")):
                value += frac[0].value * scale  # "مليون ونصف"
                j = frac[1]
            elif again is not None and (again.value == scale or not again.art):
                # "مليار ونصف المليار" (half of the same scale); "مليار ونصف مليون" (half a million more)
                value += frac[0].value * again.value
                j = k
        return value, j, excl

    def ordinal(self, i: int) -> tuple[float, int, int] | None:
        """``(value, next index, excluded leading characters)`` of an ordinal with the article, or of a compound
        one without it ("سادساً وثمانين")."""
        es, j = self.entries(i, "first")
        for e in es:
            if e.kind not in ("ord", "ordc"):
                continue
            prev = self.toks[i - 1].norm if i > 0 else ""
            if prev in _ORDINAL_NOT_AFTER or (prev[:1] in _CONJ and prev[1:] in _ORDINAL_NOT_AFTER):
                return None  # "كانون الثاني", "وتشرين الأول"
            if e.value <= 9:
                ten = self.has(j, "bare", ("ten",)) if e.art else None
                if ten:
                    return e.value + 10, ten[1], e.excl
                tens = self.has(j, "and", ("tens",))
                if tens:  # "الرابع والثمانين"; without the article only with its tens ("عضواً سادساً وثمانين")
                    return e.value + tens[0].value, tens[1], e.excl
            if e.kind == "ord" and e.art:
                return e.value, j, e.excl
        return None


# --------------------------------------------------------------------------
# Around the number: qualifiers, currencies, units.


def _match(toks: list[_Tok], i: int, phrase: tuple[str, ...]) -> int:
    """Index after ``phrase`` if it starts at token ``i`` (whitespace between words), else -1."""
    if i + len(phrase) > len(toks):
        return -1
    for k, w in enumerate(phrase):
        t = toks[i + k]
        if t.norm != w or not t.space:
            return -1
    return i + len(phrase)


_VALUE_WORDS = frozenset(_phrase(p)[0] for p in _DATA["value_words"])
_SO_FAR = tuple(_phrase(p) for p in _DATA["so_far"])


_NOT = _phrase("لا")[0]
_ON_THAN = frozenset(_phrase(w)[0] for w in ("على", "عن"))
_VALUE_ADJECTIVES = frozenset(_phrase(w)[0] for w in _DATA["value_adjectives"])
_SUBJECT_FIRST = {_phrase(w)[0]: q for q, ws in _DATA["qualifier_verbs"].items() for w in ws}
_COMPARED = {_phrase(w)[0]: q for w, q in (("تزيد", "more-than"), ("يزيد", "more-than"), ("تقل", "less-than"),
                                              ("يقل", "less-than"))}


def _qualifier_before(toks: list[_Tok], i: int) -> tuple[str, int] | None:
    """``(qualifier, folded start)`` of a qualifier phrase ending just before token ``i``."""
    if i == 0 or not toks[i].space:
        return None
    for p in _NOT_QUALIFIERS:
        k = i - len(p)
        if k >= 0 and _match(toks, k, p) == i:
            return None
    last = toks[i - 1].norm
    if last in _VALUE_WORDS and i >= 2 and toks[i - 1].space:
        return _qualifier_before(toks, i - 1)  # "تعهدات تتجاوز قيمتها 362 مليون": the qualifier of its value
    if last in _VALUE_ADJECTIVES and i >= 3 and toks[i - 2].norm in _VALUE_WORDS and toks[i - 2].space:
        return _qualifier_before(toks, i - 2)  # "تتجاوز قيمتها المستهدفة 601 مليون"
    for k in (i - 1, i - 2):  # "تتجاوز الفجوة التمويلية 58 مليار": the verb, its subject, the number
        if k >= 1 and all(t.norm.startswith("ال") and t.space for t in toks[k:i]) \
                and (q := _SUBJECT_FIRST.get(toks[k - 1].norm)) is not None:
            return q, toks[k - 1].start
    if last in _ON_THAN and i >= 3:
        # "مساعدات تزيد قيمتها الإجمالية على 3.5 مليار": the verb, its value (and total), then على
        k = i - 2 - (toks[i - 2].norm in _VALUE_ADJECTIVES)
        if k >= 1 and toks[k].norm in _VALUE_WORDS and (q := _COMPARED.get(toks[k - 1].norm)):
            if k >= 2 and toks[k - 2].norm == _NOT:  # "لا تقل قيمتها عن": at least
                return ("more-than" if q == "less-than" else "less-than"), toks[k - 2].start
            return q, toks[k - 1].start
    for p in _SO_FAR:  # "تجاوزت حتى الآن مئتي مليون"
        k = i - len(p)
        if k >= 1 and toks[k].space and _match(toks, k, p) == i:
            return _qualifier_before(toks, k)
    cands = list(_QUALIFIERS_BY_LAST.get(last, ()))
    for c in _CLITICS:
        if last.startswith(c):
            cands += [(p, q) for p, q in _QUALIFIERS_BY_LAST.get(last[len(c):], ()) if len(p) == 1]
    cands.sort(key=lambda x: -len(x[0]))
    for p, q in cands:
        k = i - len(p)
        if k < 0:
            continue
        if len(p) > 1 and _match(toks, k + 1, p[1:]) != i:
            continue
        first = toks[k].norm
        if first == p[0]:
            return q, toks[k].start
        for c in _CLITICS:
            if first.startswith(c) and first[len(c):] == p[0]:
                return q, toks[k].start + len(c)
    return None


def _currency_at(toks: list[_Tok], j: int) -> tuple[str | None, int] | None:
    """``(code, next index)`` of a currency word at token ``j``."""
    if j < len(toks) and toks[j].norm in _CURRENCY_LINKS:
        found = _currency_at(toks, j + 1)
        if found and toks[j + 1].norm.startswith("ال"):
            return found
    if j >= len(toks):
        return None
    for c in _CURRENCIES_BY_FIRST.get(toks[j].norm, ()):
        k = _match(toks, j, c.form)
        if k < 0:
            continue
        for adj, code in c.adjectives:
            if k + len(adj) > len(toks) or not toks[k].space:
                continue
            head = toks[k].norm
            head = head[2:] if head.startswith("ال") and len(head) > 4 else head
            if len(adj) == 1 and head.startswith(adj[0]) and len(head) - len(adj[0]) <= 2:
                return code, k + 1
            if len(adj) > 1 and _match(toks, k, adj) > 0:
                return code, k + len(adj)
        return c.default, k
    return None


_PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]


def _by_first(table: list[tuple[tuple[str, ...], str]]) -> _PhraseIndex:
    """Phrases by their first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for p, label in table:
        if p:
            out.setdefault(p[0], []).append((p, label))
    return out


def _after(toks: list[_Tok], table: _PhraseIndex, j: int) -> tuple[str, int] | None:
    """``(label, next index)`` of a phrase of ``table`` starting at token ``j``."""
    if j >= len(toks):
        return None
    for p, label in table.get(toks[j].norm, ()):
        k = _match(toks, j, p)
        if k > 0:
            return label, k
    return None


_UNITS_BY_FIRST = _by_first(_UNITS)
_TRAILING_BY_FIRST = _by_first(_TRAILING)


# --------------------------------------------------------------------------
# Public functions.


def find_numbers(text: str) -> list[Number]:
    """Find the number expressions of ``text``.

    Parameters
    ----------
    text:
        Arabic text, as written (diacritics, Arabic-Indic digits and tatweel are fine).

    Returns
    -------
    list[Number]
        Expressions in text order, not overlapping. Ordinals are returned with
        ``ordinal=True``; callers decide whether they want them.

    Examples
    --------
    >>> [(n.value, n.qualifier, n.unit) for n in find_numbers("حرروا أكثر من 60 في المئة")]
    [(60.0, 'more-than', 'percent')]
    >>> [(n.value, n.ordinal) for n in find_numbers("العضو الرابع والثمانين")]
    [(84.0, True)]
    """
    if not isinstance(text, str) or not text:
        return []
    folded = _Folded(text)
    toks = _tokens(folded.text)
    parser = _Parser(toks)
    out: list[Number] = []
    last_end = 0  # folded end of the previous number: the next one may not reach back over it
    i = 0
    while i < len(toks):
        core = _core_at(parser, i)
        if core is None:
            i += 1
            continue
        value, ordinal, start, j = core
        extra = _Extras("exact", None, None, start, j)
        if not ordinal:
            value, extra = _extras(parser, i, j, value, start, last_end)
        end = toks[extra.next - 1].end
        if math.isfinite(value):
            s, e = folded.span(extra.start, end, text)
            out.append(Number(s, e, float(value), extra.currency, extra.qualifier, ordinal, extra.unit))
            last_end = end
        i = extra.next
    return out


def _core_at(parser: _Parser, i: int) -> tuple[float, bool, int, int] | None:
    """``(value, ordinal, folded start, next index)`` of a number whose first token is ``i``."""
    toks = parser.toks
    tok = toks[i]
    first, start = i, None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.kind == "w" and tok.norm in _ARTICLES and nxt is not None and nxt.kind == "n" and nxt.space:
        # "الـ68", "الـ 68": the article belongs to the number.
        first, start = i + 1, tok.start + len(tok.norm) - 2
    elif tok.kind == "n":
        if tok.glued and i > 0 and toks[i - 1].kind == "w" and toks[i - 1].norm not in _CLITICS:
            return None  # digits glued to a word: "G20", "F16"
    elif tok.kind != "w" or not _analyse(tok.norm):
        return None
    found = parser.ordinal(first) if toks[first].kind == "w" else None
    ordinal = found is not None
    if found is None:
        found = parser.cardinal(first)
    if found is None:
        return None
    value, j, excl = found
    return value, ordinal, toks[first].start + excl if start is None else start, j


class _Extras(NamedTuple):
    qualifier: str
    currency: str | None
    unit: str | None
    start: int  # folded start, moved back over a qualifier or a currency sign
    next: int  # index of the first token after the expression


def _extras(
    parser: _Parser, i: int, j: int, value: float, start: int, last_end: int
) -> tuple[float, _Extras]:
    """The words around a cardinal that starts at token ``i`` and ends before token ``j``:
    a qualifier or currency sign before it; a currency, unit, counted noun with a
    fraction ("سنوات ونصف"), trailing qualifier or "بقليل" after it."""
    toks, n = parser.toks, len(parser.toks)
    qualifier, currency, unit = "exact", None, None
    q = _qualifier_before(toks, i)
    if q and q[1] >= last_end:
        qualifier, start = q
    elif i > 0 and toks[i].space and toks[i - 1].kind == "s" and toks[i - 1].norm in _SYMBOLS:
        if toks[i - 1].start >= last_end:  # "$20"
            currency, start = _SYMBOLS[toks[i - 1].norm], toks[i - 1].start
    cur = _currency_at(toks, j)
    if cur:
        currency, j = cur
    else:
        u = _after(toks, _UNITS_BY_FIRST, j)
        if u:
            unit, j = u
        elif j < n and toks[j].norm in _FRACTION_NOUNS and toks[j].space:
            frac = parser.has(j + 1, "and", ("frac",))
            if frac:  # "ثلاث سنوات ونصف (السنة)"
                value += frac[0].value
                j = frac[1]
                again = toks[j].norm if j < n and toks[j].space else ""
                if again[:2] == "ال" and again[2:] in _FRACTION_NOUNS:
                    j += 1
    t = _after(toks, _TRAILING_BY_FIRST, j)
    if t:
        qualifier = t[0] if qualifier == "exact" else qualifier
        j = t[1]
    elif qualifier != "exact":
        j = next((k for p in _TAILS if (k := _match(toks, j, p)) > 0), j)
    return value, _Extras(qualifier, currency, unit, start, j)


def parse_number_words(words: str) -> float | None:
    """The value of a number written in words (or digits with a scale), else ``None``.

    Accepts every case form ("ثمانون"/"ثمانين"), the article ("الثمانون"),
    compounds ("ستة وثمانين"), teens ("اثني عشر"), hundreds, scales ("ألفي")
    and ordinals ("الرابع والثمانين" -> 84). The whole string must be the number.

    Examples
    --------
    >>> parse_number_words("ستة وثمانين")
    86.0
    >>> parse_number_words("اثني عشر")
    12.0
    >>> parse_number_words("ألفي")
    2000.0
    >>> parse_number_words("شريكا") is None
    True
    """
    if not isinstance(words, str):
        return None
    toks = _tokens(_fold(words))
    if not toks:
        return None
    parser = _Parser(toks)
    for found in (parser.ordinal(0), parser.cardinal(0)):
        if found and found[1] == len(toks):
            return float(found[0])
    return None


_STEM_MIN = 3  # a stem left by taking clitics off is this long at least: "بين" is not ب + "ين" (yen)


def currency_named(text: str) -> str | None:
    """The code of the first currency ``text`` names without an amount, as a table's caption or
    column does ("المبالغ باليورو"، "المبلغ (دولار أمريكي)"), else ``None``.

    >>> currency_named("الجدول (المبالغ باليورو)")
    'EUR'
    >>> currency_named("القيمة بالدولار الأمريكي")
    'USD'
    >>> currency_named("الفرق بين البندين") is None
    True
    """
    toks = _tokens(_fold(text))
    for j, t in enumerate(toks):
        stems = [t.norm] + [t.norm[len(c):] for c in sorted(_ARTICLES | _CLITICS)
                            if t.norm.startswith(c) and len(t.norm) - len(c) >= _STEM_MIN]
        for stem in stems:
            found = _currency_at(toks[:j] + [t._replace(norm=stem)] + toks[j + 1:], j)
            if found is not None and found[0] is not None:
                return found[0]
    return None
