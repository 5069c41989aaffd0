"""Arabic text for matching: normalisation, tokens and sentences with offsets.

Normalisation is for *matching only*: stored labels and evidence keep the
document's own spelling, and every token and sentence carries character
offsets into the original text, so ``text[start:end]`` is always the source.

Examples
--------
>>> normalize("الخارجيَّة")
'الخارجيه'
>>> [t.norm for t in tokenize("وبفرنسا ٢٠١٩")]
['وبفرنسا', '2019']
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple

__all__ = ["normalize", "Token", "tokenize", "Sentence", "split_sentences", "strip_clitics", "Folded", "fold"]

DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_DIACRITICS_RE = re.compile(f"[{DIACRITICS}\u0640]")
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_FOLD = str.maketrans(
    {
        "إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        "ی": "ي", "ک": "ك", "ې": "ي", "ە": "ه",
        **{c: str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")},
        **{c: str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")},
    }
)


# Folding one character for one (plus removing marks), so that positions map back to the original.
_REMOVED_RE = re.compile(f"[{DIACRITICS}\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_TRAILING_MARKS_RE = re.compile(f"[{DIACRITICS}\u0640]*")
# The folds as pairs: every one is one character for one, and no character a fold gives is folded
# itself, so replacing pair by pair gives what str.translate(_FOLD) gives.
_LETTER_PAIRS: tuple[tuple[str, str], ...] = tuple((chr(k), v) for k, v in _FOLD.items())
assert all(len(b) == 1 and ord(b) not in _FOLD for _, b in _LETTER_PAIRS)


def _translate(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for a, b in pairs:  # str.replace per pair is much faster than str.translate here
        if a in text:
            text = text.replace(a, b)
    return text


def normalize(text: str) -> str:
    """Fold the spelling variants of Arabic that must not decide a match.

    Hamza and alef forms, taa marbuta, alef maqsura, diacritics, tatweel,
    Persian letters and Arabic-Indic or Persian digits are folded; Latin
    text is case-folded; invisible formatting characters are dropped.

    >>> normalize("أميركا") == normalize("اميركا")
    True
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _translate(_DIACRITICS_RE.sub("", text), _LETTER_PAIRS)
    if "كورد" in text:  # the Kurdish spelling of Kurd: كوردستان، الكوردية
        text = text.replace("كورد", "كرد")
    return text.casefold()


def fold(text: str, extra: tuple[tuple[str, str], ...] = ()) -> str:
    """Like :func:`normalize` for Arabic but without case folding or NFKC, one character for one
    (marks removed): the form the date and number grammars match on.

    >>> fold("الخارجيَّة")
    'الخارجيه'
    """
    return _REMOVED_RE.sub("", _translate(text, _LETTER_PAIRS + extra))


class Folded:
    """A folded copy of a text and a map from its positions back to the original's.

    >>> f = Folded("وزيرُ الخارجيّة")
    >>> f.text
    'وزير الخارجيه'
    >>> f.span(5, 13, "وزيرُ الخارجيّة")
    (6, 15)
    """

    __slots__ = ("text", "_q")

    def __init__(self, text: str, extra: tuple[tuple[str, str], ...] = ()) -> None:
        t = _translate(text, _LETTER_PAIRS + extra)
        removed = [m.start() for m in _REMOVED_RE.finditer(t)]
        self.text = _REMOVED_RE.sub("", t) if removed else t
        # The j-th removed character sits before folded position removed[j] - j.
        self._q = [r - j for j, r in enumerate(removed)]

    def orig(self, pos: int) -> int:
        """Original index of the folded character at ``pos``."""
        return pos + bisect_right(self._q, pos) if self._q else pos

    def span(self, start: int, end: int, text: str) -> tuple[int, int]:
        """Original ``(start, end)`` of a folded span, with any marks that trail it."""
        s, e = self.orig(start), self.orig(end - 1) + 1
        marks = _TRAILING_MARKS_RE.match(text, e)  # matches, if only the empty string
        return s, marks.end() if marks else e


# A word: letters and digits with the combining marks and tatweel that may sit inside it.
_WORD_RE = re.compile(f"(?:[^\\W_]|[{DIACRITICS}\u0640\u200c\u200d])+")


class Token(NamedTuple):
    """A word of the original text: ``text[start:end] == surface``.

    A named tuple rather than a frozen dataclass: a document has hundreds of words, and a frozen
    dataclass takes five times as long to make.
    """

    start: int
    end: int
    surface: str
    norm: str


# Words repeat (a few thousand forms make up most of a news corpus), and normalising one costs
# more than looking it up.
@lru_cache(maxsize=1 << 18)
def _normalize_word(word: str) -> str:
    """:func:`normalize` for one word, except that a Latin acronym keeps its capitals: written in
    capitals, UNDP or WHO names a body, while "who" in a quoted English phrase does not."""
    if word.isupper():
        acronym = _ACRONYM_RE.search(word)  # also with a clitic before it: وUK، بـUNDP
        if acronym and acronym.end() - acronym.start() > 1:
            return normalize(word[:acronym.start()]) + acronym.group()
    return normalize(word)


_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9]*\Z")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into word tokens with offsets (plus ``offset``) into the original."""
    out = []
    new = tuple.__new__
    for m in _WORD_RE.finditer(text):
        word = m.group()
        norm = _normalize_word(word)
        if norm:
            out.append(new(Token, (m.start() + offset, m.end() + offset, word, norm)))
    return out


# Proclitics that attach to a word, longest first; "لل" stands for "ل" + "ال".
_PROCLITICS = (
    "وبال", "وكال", "وفال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "وب", "ول", "فب", "فل", "ال", "و", "ف", "ب", "ل",
)  # "ك" ("as") only with the article: bare, it would make كلاوس into لاوس (Laos)


@lru_cache(maxsize=262144)
def strip_clitics(norm: str, min_stem: int = 2, surface: str | None = None) -> tuple[str, ...]:
    """The word itself and the stems left after removing attached proclitics.

    Every candidate keeps at least ``min_stem`` letters. A stem that lost the
    article also comes back with it, so "للعراق" yields "العراق" and "عراق".

    The variants are cached: every phrase table asks again for the same words.

    >>> sorted(strip_clitics("وبفرنسا"))
    ['بفرنسا', 'فرنسا', 'وبفرنسا']
    >>> "العراق" in strip_clitics("للعراق")
    True

    With the word as written, a hamza is not taken for the article: "ألباريس" keeps its alef.

    >>> "باريس" in strip_clitics(normalize("ألباريس"), surface="ألباريس")
    False
    """
    seen = [norm]
    bare = _DIACRITICS_RE.sub("", unicodedata.normalize("NFKC", surface)) if surface else None
    for p in _PROCLITICS:
        if bare is not None and "ال" in p:
            k = p.index("ال")
            if len(bare) <= k or bare[k] != "ا":
                continue
        if norm.startswith(p) and len(norm) - len(p) >= min_stem:
            stem = norm[len(p):]
            cands = [stem]
            if p.endswith("ال") or p.endswith("لل"):
                cands.append("ال" + stem)
            for c in cands:
                if c not in seen:
                    seen.append(c)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a line) of a document with its offsets: ``text == doc[start:end]``."""

    index: int
    start: int
    end: int
    text: str


# A sentence ends at . ! ? ؟ ؛ (not inside a number like 7.7, nor at the full stop of a middle
# initial: "أنتوني ج. بلينكن") or at a line break.
_BOUNDARY_RE = re.compile(
    r"(?<!\d)(?<!\s[^\W\d_]\.)(?<!\s[^\W\d_])[.!?؟؛…]+(?=\s|$|[\"”»«“])|(?<=\d)[.!?؟؛]+(?=\s|$)|\n+"
)


def split_sentences(text: str, skip: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets slice the original text exactly.

    ``skip`` lists ``(start, end)`` spans (boilerplate) whose sentences are left out.

    >>> [s.text for s in split_sentences("التقى الوزراء. ثم غادروا")]
    ['التقى الوزراء.', 'ثم غادروا']
    """
    skip = skip or []
    out: list[Sentence] = []
    for piece_start, piece_end in _pieces(text):
        seg = text[piece_start:piece_end]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        s, e = piece_start + lead, piece_start + trail
        if e <= s or not _WORD_RE.search(text, s, e):
            continue
        if any(a <= s < b for a, b in skip):
            continue
        out.append(Sentence(len(out), s, e, text[s:e]))
    return out


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        yield start, end
        start = m.end()
    if start < len(text):
        yield start, len(text)
