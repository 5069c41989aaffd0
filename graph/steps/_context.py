"""Helpers the extraction steps share: per-sentence views of what earlier steps found."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..facts import DateMention, Mention, Parsed, Quantity
from ..lexicon import Lexicon
from ..text import Sentence, Token, normalize

# An item of a list or a timeline: a bullet, a number or a letter of the abjad order with its mark, then a space
# ("- 22 كانون الثاني:"، "2) ..."، "أ- ..."، "هـ) ...")
LIST_ITEM = re.compile(r"\s*(?:[-–—•*▪·]|[0-9\u0660-\u0669]{1,2}\s*[.)-]|[أبجدهوزحطي]\u0640?\s*[)\-–])\s")

__all__ = ["SentenceView", "views", "clause_spans", "clause_of", "clause_break", "entity_class", "main_armed_group",
           "proclitic", "is_media", "forget_views", "ACTOR_CLASSES"]

ACTOR_CLASSES = frozenset({"Country", "InternationalOrganization", "Organization", "GovernmentBody",
                           "MilitaryCommand", "Coalition", "CoalitionBody", "WorkingGroup", "Person"})

_CLAUSE_RE = re.compile(r"[،,;؛:]|\s[-–]\s")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def definite(tok: Token) -> bool:
    """Whether a word carries the article (on its own spelling: أليكس is not ال+يكس)."""
    return _MARKS.sub("", tok.surface).startswith(("ال", "لل", "وال", "بال", "فال", "ولل"))


@dataclass
class SentenceView:
    """One sentence with its tokens and the mentions, dates and numbers found in it."""

    sentence: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    dates: list[DateMention]
    quantities: list[Quantity]
    # worked out when first asked: the tokens' ends (token_at), and the meetings step's points in time
    ends: list[int] | None = field(default=None, repr=False, compare=False)
    reference_points: list[int] | None = field(default=None, repr=False, compare=False)
    since_points: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> int:
        return self.sentence.index

    def token_at(self, offset: int) -> int:
        """Index of the token that starts at or contains the document offset ``offset``."""
        ends = self.ends
        if ends is None:
            ends = self.ends = [t.end for t in self.tokens]
        return bisect_right(ends, offset)


def entity_class(key: str, lexicon: Lexicon, parsed: Parsed) -> str | None:
    e = lexicon.get(key)
    if e is not None:
        return e.cls
    ne = parsed.entities.get(key)
    return ne.cls if ne else None


def within_a_state(key: str, lexicon: Lexicon, parsed: Parsed) -> bool:
    """A region inside one state (a province, a base, سيناء), not one spanning several (a continent, the Sahel)."""
    e = lexicon.get(key)
    return entity_class(key, lexicon, parsed) == "Region" and e is not None and bool(e.extra.get("country"))


def is_media(key: str, lexicon: Lexicon) -> bool:
    """Whether ``key`` is a news agency, broadcaster, paper or platform (``media`` in the lexicon), or an
    armed group's outlet: a source of the report, never a party to a meeting or a giver of money
    ("قال الوزير لوكالة رويترز على هامش الاجتماع")."""
    e = lexicon.get(key)
    return e is not None and bool(e.extra.get("media") or e.extra.get("armed_group_media"))


_CLITIC_LETTERS = "وفبلك"


def proclitic(m: Mention, lexicon: Lexicon) -> str:
    """The letters written onto the first word of a mention before its name: "ب" for "بلندن", "لل" for
    "للعراق", "و" for "وواشنطن", "" for "لندن", "واشنطن" or "بغداد", whose first letter is their own.

    A mention of an entity the lexicon does not know is taken to carry a clitic when it starts with
    one of و ف ب ل ك.
    """
    first = normalize(m.surface.split(maxsplit=1)[0]) if m.surface.strip() else ""
    forms = lexicon.first_words(m.entity)
    if not forms:
        return first[:1] if first[:1] in _CLITIC_LETTERS else ""
    if first in forms:
        return ""
    found = None
    for f in forms:
        for g in (f, f[2:] if f.startswith("ال") else ""):  # "للعراق": the article's alef goes with the ل
            if g and len(first) > len(g) and first.endswith(g) and all(c in _CLITIC_LETTERS + "ا" for c in first[:-len(g)]):
                if found is None or len(first) - len(g) < len(found):
                    found = first[:-len(g)]
    if found is not None and found.endswith("ال") and not found.endswith("لل"):
        found = found[:-2]  # the article on a name written without one: "المملكة" for "مملكة البحرين"
    return found if found is not None else (first[:1] if first[:1] in _CLITIC_LETTERS else "")


def main_armed_group(parsed: Parsed, lexicon: Lexicon, isis_only: bool = False) -> str | None:
    """The armed group the document names most: the one "التنظيم" stands for (with ``isis_only``,
    ISIS or the branch of it the document names most: who claims an attack no name is given for).
    The coalition's partner forces ("قسد") are never "the organisation" an attack is told of."""
    counts: dict[str, int] = {}
    for m in parsed.mentions:
        e = lexicon.get(m.entity)
        if e is not None and e.cls == "ArmedGroup" and not e.extra.get("coalition_partner") and (
                not isis_only or e.extra.get("threat") in ("isis", "affiliate")):
            counts[m.entity] = counts.get(m.entity, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def views(parsed: Parsed) -> list[SentenceView]:
    """A :class:`SentenceView` per sentence (built once per document and cached on it)."""
    cached = getattr(parsed, "_views", None)
    if cached is not None and len(cached) == len(parsed.sentences) and _fresh(parsed):
        return cached
    by_sent: dict[int, tuple[list, list, list]] = {s.index: ([], [], []) for s in parsed.sentences}
    for m in parsed.mentions:
        by_sent[m.evidence.sentence][0].append(m)
    for d in parsed.dates:
        by_sent[d.evidence.sentence][1].append(d)
    for q in parsed.quantities:
        by_sent[q.evidence.sentence][2].append(q)
    out = []
    for s, toks in zip(parsed.sentences, parsed.tokens):
        ms, ds, qs = by_sent[s.index]
        out.append(SentenceView(s, toks, sorted(ms, key=lambda m: m.start), ds, qs))
    parsed._views = out  # type: ignore[attr-defined]
    parsed._views_key = (len(parsed.mentions), len(parsed.dates), len(parsed.quantities))  # type: ignore[attr-defined]
    return out


# what may stand between a heading's date and its places: "11 أيلول 2014 – جدة"، "27 أيلول 2024 – بغداد وواشنطن"
_HEADING_JOINERS = frozenset({"و"})
_HEADING_END = ".،,؛;!؟?"


def dated_sections(parsed: Parsed, lexicon: Lexicon) -> dict[int, tuple[DateMention, str | None]]:
    """The sentences under a heading line that gives only a date and a place, as a timeline's entries
    do ("11 أيلول 2014 – جدة", then "وزراء خارجية ... يجتمعون في جدة ..."): each with that date, and
    with that place when the heading names one place alone. An entry ends at the next such heading or
    at a short line of another kind ("ماذا بعد؟"); a text with only one such line has none. Worked out
    once per document."""
    cached = getattr(parsed, "_dated_sections", None)
    if cached is not None:
        return cached
    out: dict[int, tuple[DateMention, str | None]] = {}
    current: tuple[DateMention, str | None] | None = None
    headings = 0
    for view in views(parsed):
        head = _date_heading(view, lexicon, parsed)
        if head is not None:
            current = head
            headings += 1
        elif current is not None:
            text = view.sentence.text.strip()
            if len(view.tokens) <= _SHORT_LINE and text[-1:] not in ".!":
                current = None  # a heading of another kind closes the entry
            else:
                out[view.index] = current
    if headings < 2:
        out = {}  # one dated line is the report's own date ("12 ماي 2022" under the sender), not a timeline
    parsed._dated_sections = out  # type: ignore[attr-defined]
    return out


_SHORT_LINE = 6


_CLOCK = re.compile(r"(?<![0-9٠-٩])[0-9٠-٩]{1,2}:[0-9٠-٩]{2}(?![0-9٠-٩])")


def _date_heading(view: SentenceView, lexicon: Lexicon, parsed: Parsed) -> tuple[DateMention, str | None] | None:
    """The date and (one) place of a line that holds nothing else, or None."""
    text = view.sentence.text.strip()
    if not view.dates or not view.tokens or len(view.tokens) > 9 or text[-1:] in _HEADING_END:
        return None
    first = min(view.dates, key=lambda d: d.start)
    if not first.value or view.token_at(first.start) != 0:
        return None
    places = [m for m in view.mentions if entity_class(m.entity, lexicon, parsed) in ("City", "Region", "Country")]
    # (and a clock time: "🔴 الأحد ١٣/١٠ | ١١:٠٥", an alert's heading)
    times = [(view.sentence.start + t.start(), view.sentence.start + t.end()) for t in _CLOCK.finditer(view.sentence.text)]
    covered = [(d.start, d.end) for d in view.dates] + [(m.start, m.end) for m in places] + times
    rest = [t for t in view.tokens if t.norm not in _HEADING_JOINERS and not any(a <= t.start < b for a, b in covered)]
    if len(rest) > 1:
        return None  # a sentence, not a heading ("ضواحي موسكو" has one word more)
    named = {m.entity for m in places}
    return first, (next(iter(named)) if len(named) == 1 else None)


def forget_views(parsed: Parsed) -> None:
    """Make :func:`views` build the views again: for a step that replaced a mention by another, which
    leaves the counts it checks the same."""
    parsed._views_key = None  # type: ignore[attr-defined]


def _fresh(parsed: Parsed) -> bool:
    return getattr(parsed, "_views_key", None) == (len(parsed.mentions), len(parsed.dates), len(parsed.quantities))


_PUNCT_BETWEEN = frozenset("،,.;؛:()!?؟")


def negated_any(toks: list[Token], k: int, negation: frozenset[str], reach: int) -> bool:
    """Whether token ``k`` is "أي" with a negation at most ``reach`` words before it: "لم يُعقد أي اجتماع"،
    "ولم يُعلن أي تعهد" (no such meeting, no such pledge)."""
    return toks[k].norm == _ANY and any(toks[x].norm in negation for x in range(max(0, k - reach), k))


_ANY = normalize("أي")


def punct_between(text: str, a: int, b: int, extra: str = "", exclude: str = "") -> bool:
    """Whether punctuation (or a character of ``extra``, not of ``exclude``) stands in ``text[a:b]``."""
    return any((c in _PUNCT_BETWEEN or c in extra) and c not in exclude for c in text[a:b])


def clause_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Document offsets of the clauses of a sentence (split at commas, semicolons, colons and dashes)."""
    spans, pos = [], 0
    for m in _CLAUSE_RE.finditer(text):
        spans.append((start + pos, start + m.start()))
        pos = m.end()
    spans.append((start + pos, start + len(text)))
    return [(a, b) for a, b in spans if b > a]


def quoted_words(view: SentenceView, offset: int) -> list[str] | None:
    """The words of the quotation («»، “” or straight marks) document ``offset`` is inside (up to the
    sentence's end when it is never closed), or None when it is inside none."""
    text, k = view.sentence.text, offset - view.sentence.start
    for left, right in (("«", "»"), ("“", "”")):
        opened, closed = text.rfind(left, 0, k), text.find(right, k)
        if opened >= 0 and text.rfind(right, 0, k) < opened:
            return text[opened + 1:closed if closed >= 0 else len(text)].split()
    if text.count('"', 0, k) % 2:  # straight quotation marks: inside after an odd number of them
        opened, closed = text.rfind('"', 0, k), text.find('"', k)
        return text[opened + 1:closed if closed >= 0 else len(text)].split()
    return None


def clause_break(text: str, a: int, b: int) -> bool:
    """Whether a clause ends between document offsets ``a`` and ``b`` (the marks of :func:`clause_spans`)."""
    return _CLAUSE_RE.search(text, a, b) is not None


def clause_of(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= offset < b:
            return a, b
    return spans[-1] if spans else (offset, offset)


_CELL = "|"


def cell_spans(text: str, start: int) -> list[tuple[int, int]]:
    """The offsets (from ``start``, where ``text`` begins in the document) of the cells of a table row
    ("1 | العراق | ... | 25,000,000 | معتمد"), or none if ``text`` has fewer than two bars."""
    if text.count(_CELL) < 2:
        return []
    out, a = [], 0
    for i, ch in enumerate(text):
        if ch == _CELL:
            out.append((start + a, start + i))
            a = i + 1
    out.append((start + a, start + len(text)))
    return out


def table_cells(view) -> list[tuple[int, int]]:
    """The document offsets of the cells of the table row a sentence is, or none."""
    return cell_spans(view.sentence.text, view.sentence.start)


def in_cell(view, cell: tuple[int, int]) -> list:
    """The tokens of ``view`` inside ``cell``."""
    return [t for t in view.tokens if cell[0] <= t.start and t.end <= cell[1]]
