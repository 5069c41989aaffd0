"""The lexicon: general knowledge of entities and their Arabic and English names.

Entries come from data files, never from code: countries from Unicode CLDR
(through ``babel``) and ``pycountry`` plus press spellings and nationality
adjectives (``data/*.tsv``), Wikidata identifiers and aliases
(``graph/data/wikidata``), and everything else from ``data/entities.jsonl``.

:class:`Lexicon.match` finds entity names in a token list in one pass, longest
match first, with attached clitics (و، ف، ب، ل، ك، ال، لل) handled.

>>> lex = Lexicon.default()
>>> [m.entity for m in lex.match(tokenize("وصل إلى بغداد قادماً من وبفرنسا"))]
['BAGHDAD', 'FRA']
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import AbstractSet, Iterable, Sequence

from ..text import Token, normalize, strip_clitics, tokenize

__all__ = ["Entry", "Match", "PhraseMatcher", "PhraseTables", "Lexicon", "adjective_forms", "CLASSES"]

# The entity classes of the lexicon files; each is a class of ontology/ckg.ttl.
CLASSES = frozenset({
    "Country", "City", "Region", "InternationalOrganization", "Organization", "GovernmentBody",
    "MilitaryCommand", "Coalition", "CoalitionBody", "WorkingGroup", "ArmedGroup", "Person",
    "Resolution", "Operation", "Program",
})


@dataclass
class Entry:
    """One entity the lexicon knows."""

    id: str
    cls: str
    en: str | None
    ar: str
    patterns: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    wikidata: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        """English label where known, Arabic otherwise."""
        return self.en or self.ar


@dataclass(frozen=True, slots=True)
class Match:
    """An entity name found in a token list: tokens ``[i, j)``, characters ``[start, end)``."""

    i: int
    j: int
    start: int
    end: int
    entity: str
    kind: str  # "name", "adjective" or "surname"


def adjective_forms(base: str) -> list[str]:
    """Normalised forms of a nationality adjective (masculine singular, no article).

    >>> adjective_forms("فرنسي")[:3]
    ['فرنسي', 'فرنسيه', 'فرنسيون']
    """
    b = normalize(base)
    # (and the indefinite accusative: "170 أفغانياً")
    return [b, b + "ه", b + "ون", b + "ين", b + "ان", b + "تان", b + "تين", b + "ا"]


def _data(name: str):
    return resources.files("graph.lexicon").joinpath("data", name)


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = _data(name)
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [
            {k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        ]


def _read_ref_csv(name: str) -> list[dict[str, str]]:
    with resources.files("graph.data").joinpath("wikidata", name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


_NOT_SHADDA = re.compile("[\u064B-\u0650\u0652-\u065F\u0670\u0640]")  # marks other than shadda, tatweel
_CLITIC_LETTERS = frozenset("وفبل")


def _only_shadda(text: str) -> str:
    return _NOT_SHADDA.sub("", text)


class PhraseMatcher:
    """Finds phrases in a token list in one pass: longest match first, clitics handled.

    A phrase whose last word ends with ``*`` matches any word starting with the
    rest (``دعاي*`` matches دعايته، الدعاية), so inflected triggers need one pattern.

    >>> pm = PhraseMatcher()
    >>> pm.add("الخلايا النائمة", "sleeper-cells")
    >>> pm.add("دعاي*", "propaganda")
    >>> [(m.entity) for m in pm.match(tokenize("مواجهة دعايته وخلاياه والخلايا النائمة"))]
    ['propaganda', 'sleeper-cells']
    """

    MIN_PATTERN = 3  # normalised characters; shorter names are too ambiguous to match

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self._prefix: dict[str, list[tuple[str, tuple[str, ...], str, str]]] = {}  # by first two letters
        self._by_next: dict[str, tuple] | None = None  # made from _index when first needed

    def add(self, phrase: str, key: str, kind: str = "name") -> None:
        star = phrase.rstrip().endswith("*")
        toks = tuple(t.norm for t in tokenize(phrase.rstrip().rstrip("*")))
        if not toks or len("".join(toks)) < self.MIN_PATTERN and not all(t.isupper() and t.isascii() for t in toks):
            return  # (a Latin acronym is safe shorter: UK, EU)
        self._by_next = None
        if star:
            toks = toks[:-1] + (toks[-1] + "*",)
            if len(toks) == 1:
                pre = toks[0][:-1]
                self._prefix.setdefault(pre[:2], []).append((pre, toks, key, kind))
                return
        bucket = self._index.setdefault(toks[0], [])
        if (toks, key, kind) not in bucket:
            bucket.append((toks, key, kind))
            bucket.sort(key=lambda x: -len(x[0]))

    def _split_by_next(self) -> dict[str, tuple]:
        """Each first word's phrases split by what must come next: one-word phrases, the rest by
        their exact second word, and those whose second word is a prefix (``*``). A common first
        word (العاصمة، جمهورية) starts a hundred names or more; a position then tries only those
        whose second word is the next one. Each phrase keeps its place in the first word's list,
        which breaks ties as the list's order did."""
        out: dict[str, tuple] = {}
        for first, bucket in self._index.items():
            single: list = []
            by_second: dict[str, list] = {}
            starred: list = []
            for seq, (pat, key, kind) in enumerate(bucket):
                item = (seq, pat, key, kind)
                if len(pat) == 1:
                    single.append(item)
                elif pat[1].endswith("*"):
                    starred.append(item)
                else:
                    by_second.setdefault(pat[1], []).append(item)
            out[first] = (single, by_second, starred)
        return out

    def match(self, tokens: list[Token]) -> list[Match]:
        """Phrases in ``tokens``, left to right, longest match first, no overlaps."""
        variants, at, heads = _sentence_variants(tokens)
        starts = {i for form in self._index.keys() & at.keys() for i in at[form]}
        for head in self._prefix.keys() & heads.keys():
            for pre, _, _, _ in self._prefix[head]:
                starts.update(i for form in heads[head] if form.startswith(pre) for i in at[form])
        if not starts:
            return []  # no phrase of this table can start anywhere in the sentence
        return self._choose(tokens, variants, starts)

    def _choose(self, tokens: list[Token], variants: tuple, starts: Iterable[int]) -> list[Match]:
        """The matches at ``starts`` (positions where a phrase of the table may begin), left to
        right, each the best phrase there, none overlapping the one before."""
        out: list[Match] = []
        n = len(tokens)
        by_next = self._by_next
        if by_next is None:
            by_next = self._by_next = self._split_by_next()
        norms = [t.norm for t in tokens]
        cursor = 0  # the next position a match may start at (matches do not overlap)
        for i in sorted(starts):
            if i < cursor:
                continue
            nxt = norms[i + 1] if i + 1 < n else None
            best = None  # (length, variant and kind, variant, place in its list), key, kind
            for vi, variant in enumerate(variants[i]):
                cands: list = []
                split = by_next.get(variant)
                if split is not None:
                    single, by_second, starred2 = split
                    cands += single
                    if nxt is not None:
                        cands += by_second.get(nxt, ())
                        cands += [c for c in starred2 if nxt.startswith(c[1][1][:-1])]
                starred = self._prefix.get(variant[:2])
                if starred:
                    base = len(self._index.get(variant, ()))  # after the first word's own list
                    cands += [(base + j, pat, key, kind) for j, (pre, pat, key, kind) in enumerate(starred)
                              if variant.startswith(pre)]
                # a word that lost its article to match: "السورية" is the adjective's "the Syrian", not the
                # name "سورية" with an article no state's name takes
                name_penalty = 3 if vi and "ال" + variant in variants[i] else 0
                for seq, pat, key, kind in cands:
                    L = len(pat)
                    if i + L > n or (L > 2 and not _tail_matches(norms[i + 2:i + L], pat[2:])):
                        continue
                    rank = (L, -vi - (name_penalty if kind == "name" else 2), -vi, -seq)
                    if best is None or rank > best[0]:
                        best = (rank, key, kind)
            if best:
                L = best[0][0]
                out.append(Match(i, i + L, tokens[i].start, tokens[i + L - 1].end, best[1], best[2]))
                cursor = i + L
        return out


class PhraseTables:
    """Several phrase tables asked about the same sentences: one pass over a sentence finds where
    a phrase of any table may start, and each table's matches are kept for the sentence (each
    step asks its tables in turn, so a sentence is asked about a dozen times).

    ``find(name, tokens)`` gives what ``tables[name].match(tokens)`` gives.
    """

    def __init__(self, tables: dict[str, PhraseMatcher]):
        self.tables = tables
        self._first: dict[str, list[str]] = {}  # a first word -> the tables with a phrase starting so
        self._heads: dict[str, list[tuple[str, str]]] = {}  # first two letters -> (table, prefix)
        for name, pm in tables.items():
            for form in pm._index:
                self._first.setdefault(form, []).append(name)
            for head, items in pm._prefix.items():
                self._heads.setdefault(head, []).extend((name, pre) for pre, _, _, _ in items)
        self._kept = _PerTokenList()

    def find(self, name: str, tokens: list[Token]) -> list[Match]:
        if name not in self.tables:
            raise KeyError(name)
        found = self._kept.get(tokens)
        if found is None:
            found = self._kept.put(tokens, self._match_all(tokens))
        return list(found.get(name, ()))

    def _match_all(self, tokens: list[Token]) -> dict[str, list[Match]]:
        variants, at, heads = _sentence_variants(tokens)
        starts: dict[str, set[int]] = {}
        for form in self._first.keys() & at.keys():
            for name in self._first[form]:
                starts.setdefault(name, set()).update(at[form])
        for head in self._heads.keys() & heads.keys():
            for name, pre in self._heads[head]:
                for form in heads[head]:
                    if form.startswith(pre):
                        starts.setdefault(name, set()).update(at[form])
        return {name: self.tables[name]._choose(tokens, variants, where) for name, where in starts.items()}


class _PerTokenList:
    """What was worked out for a token list, kept for the last ``size`` lists. Keyed by the list's id;
    the list itself is held, so its id cannot be reused while the entry lives, and an entry is given
    back only for the same list of the same length."""

    def __init__(self, size: int = 512):  # a document's sentences, many times over
        self.size = size
        self._kept: dict[int, tuple[list, object, int]] = {}

    def get(self, tokens: list):
        hit = self._kept.get(id(tokens))
        if hit is not None and hit[0] is tokens and len(tokens) == hit[2]:
            return hit[1]
        return None

    def put(self, tokens: list, value):
        if len(self._kept) >= self.size:
            del self._kept[next(iter(self._kept))]
        self._kept[id(tokens)] = (tokens, value, len(tokens))
        return value


_VARIANTS = _PerTokenList()


def _sentence_variants(tokens: list[Token]) -> tuple:
    """Per word, its clitic-stripped forms; where each form occurs; and the forms by first two letters.

    Each step asks several phrase tables about the same sentence; with these maps a table looks
    only at the positions where one of its phrases can start (most tables: none). Kept per token list.
    """
    hit = _VARIANTS.get(tokens)
    if hit is not None:
        return hit
    variants = tuple(strip_clitics(t.norm, 2, t.surface) for t in tokens)  # positional: a cheaper cache key
    at: dict[str, list[int]] = {}
    for i, vs in enumerate(variants):
        for v in vs:
            at.setdefault(v, []).append(i)
    heads: dict[str, list[str]] = {}
    for form in at:
        heads.setdefault(form[:2], []).append(form)
    return _VARIANTS.put(tokens, (variants, at, heads))


def _tail_matches(words: list[str], pat: tuple[str, ...]) -> bool:
    for w, p in zip(words, pat):
        if p.endswith("*"):
            if not w.startswith(p[:-1]):
                return False
        elif w != p:
            return False
    return True


_ABD_APART = re.compile(r"(?<!\S)عبد (?=\S)")
_ABD_JOINED = re.compile(r"(?<!\S)عبد(?=ال)")


def _abd_spellings(names: list[str]) -> list[str]:
    """The other spelling of each name with "عبد": written apart from the name it governs or joined to it.

    >>> _abd_spellings(["عبد الله علي اليحيا", "عبدالعزيز الهويريني"])
    ['عبدالله علي اليحيا', 'عبد العزيز الهويريني']
    """
    out = []
    for n in names:
        other = _ABD_APART.sub("عبد", n) if _ABD_APART.search(n) else _ABD_JOINED.sub("عبد ", n)
        if other != n and other not in names and other not in out:
            out.append(other)
    return out


def with_interchangeable(phrases: Iterable[str], groups: Sequence[tuple[str, ...]]) -> list[str]:
    """``phrases``, each followed by its copies with a name of a group put for another of the same group.

    >>> with_interchangeable(["التحالف الدولي ضد داعش"], [("داعش", "تنظيم داعش", "الدولة الإسلامية")])
    ['التحالف الدولي ضد داعش', 'التحالف الدولي ضد تنظيم داعش', 'التحالف الدولي ضد الدولة الإسلامية']
    """
    out: list[str] = []
    for p in phrases:
        if p not in out:
            out.append(p)
        for forms in groups:
            found = _interchangeable_re(forms)
            if found.search(p):
                out += [v for v in (found.sub(lambda _: f, p) for f in forms) if v not in out]
    return out


@lru_cache(maxsize=None)
def _interchangeable_re(forms: tuple[str, ...]) -> re.Pattern:
    longest_first = sorted(forms, key=len, reverse=True)  # تنظيم داعش before داعش
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")


# English labels that are also English words, not matched in Latin script (a quoted "hit").
# Latin names that are also ordinary English or French words ("la réunion ministérielle" is a meeting, not Réunion)
_ENGLISH_WORDS = frozenset({"Hit", "Nice", "Gulf", "Java", "Mocha", "Batman", "Victoria", "Reading", "Réunion"})


class Lexicon:
    """Entities and a phrase index over all their names."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries: dict[str, Entry] = {}
        # worked out when first asked (below)
        self._alliances: frozenset[str] | None = None
        self._named_alike: dict[str, frozenset[str]] | None = None
        self._kingdoms: frozenset[str] | None = None
        self._provinces: dict[str, str] | None = None
        self._pacts: frozenset[str] | None = None
        self._first_words: dict[str, frozenset[str]] = {}
        self._capitals: dict[str, list[Entry]] | None = None
        self._alike: dict[str, list[Entry]] = {}
        for e in entries:
            if e.id in self.entries:
                self._merge(self.entries[e.id], e)
            else:
                self.entries[e.id] = e
        #: Groups of names that stand for one another inside the names of those who fight a group, and
        #: in trigger phrases (``inside_names`` of an entry: مجموعة مكافحة تمويل داعش is also مجموعة
        #: مكافحة تمويل تنظيم الدولة الإسلامية).
        self.interchangeable = [tuple(e.extra["inside_names"]) for e in self.entries.values()
                                if e.extra.get("inside_names")]
        self.matcher = PhraseMatcher()
        self.list_only = PhraseMatcher()
        # names that stand for one place or body only in a text that names its state ("طرابلس" in a report on
        # Libya, not Lebanon's Tripoli; "حكومة الوحدة الوطنية" in one on Libya): see ``match_by_state``
        self.by_state = PhraseMatcher()
        self.by_state_countries: set[str | None] = set()
        # an ambiguous name written with the mark that tells it apart: عمّان (Amman, not Oman)
        self.marked: dict[str, list[tuple[str, str]]] = {}
        # an ambiguous town's bare name that counts anywhere but before the words that make it a common
        # noun: مسقط, but not "مسقط رأسه" ("his birthplace")
        self.unless_next: dict[str, frozenset[str]] = {
            e.id: frozenset(normalize(w) for w in e.extra["unless_next"]) for e in self.entries.values()
            if e.extra.get("unless_next")}
        for e in self.entries.values():
            for form in e.extra.get("marked", []):
                self.marked.setdefault(normalize(form), []).append((_only_shadda(form), e.id))
            for name in e.extra.get("list_only", []):
                self.list_only.add(name, e.id, "name")
            if e.extra.get("ambiguous") and e.cls in ("City", "Region") and len(e.ar.split()) == 1:
                self.list_only.add(e.ar, e.id, "name")  # "حلب والباب" (not "الباب" alone, "the door")
            if e.extra.get("by_state"):
                self.by_state.add(e.ar, e.id, "name")
                self.by_state_countries.add(e.extra.get("country"))
            names = (e.patterns if e.extra.get("ambiguous") else [e.ar] + e.patterns) + e.extra.get("bare_patterns", [])
            if e.cls != "ArmedGroup":  # an affiliate's names are its own: داعش في ليبيا is not ولاية ليبيا
                names = with_interchangeable(names, self.interchangeable)
            if e.cls == "Person":  # a kunya in each case: أبو بكر، أبي بكر، أبا بكر
                names = names + [k for n in names if (n + " ").startswith("أبو ")
                                 for k in ("أبي" + n[3:], "أبا" + n[3:])]
                names = names + _abd_spellings(names)  # "عبد الله" and "عبدالله", "عبد العزيز" and "عبدالعزيز"
            if e.extra.get("capital") and e.extra.get("country") in self.entries:  # العاصمة البريطانية
                names = names + [f"العاصمة ال{adj}ة" for adj in self.entries[e.extra["country"]].adjectives]
            for name in names:
                self.matcher.add(name, e.id, "name")
            # A name left in Latin script: "بدعوة من ‎John Kerry‎"، "الـ Small Group"، "يديره UNDP"; an
            # acronym only in capitals (tokens keep an acronym's case).
            for name in e.extra.get("patterns_en", []) + ([e.en] if e.en else []):
                if name not in _ENGLISH_WORDS:
                    self.matcher.add(name, e.id, "name")
            for name in e.surnames:
                self.matcher.add(name, e.id, "surname")
            for adj in e.adjectives:
                for form in adjective_forms(adj):
                    self.matcher.add(form, e.id, "adjective")

    @staticmethod
    def _merge(into: Entry, other: Entry) -> None:
        into.patterns += [p for p in other.patterns if p not in into.patterns]
        into.adjectives += [a for a in other.adjectives if a not in into.adjectives]
        into.surnames += [s for s in other.surnames if s not in into.surnames]
        into.en = into.en or other.en
        into.extra = {**other.extra, **into.extra}

    def __contains__(self, entity: str) -> bool:
        return entity in self.entries

    def __getitem__(self, entity: str) -> Entry:
        return self.entries[entity]

    def get(self, entity: str) -> Entry | None:
        return self.entries.get(entity)

    def alliances(self) -> frozenset[str]:
        """The entities a bare "التحالف" may stand for: those with bare forms, and the organisations one
        of whose names is "التحالف ..." or "تحالف ..." (التحالف الإسلامي العسكري، تحالف دعم الشرعية)."""
        found = self._alliances
        if found is None:
            named = self._headed(("التحالف", "تحالف"), ("InternationalOrganization", "Organization"))
            found = self._alliances = frozenset(
                {e.id for e in self.entries.values() if e.extra.get("bare_patterns")} | named.keys())
        return found

    def first_words(self, entity: str) -> frozenset[str]:
        """The normalised first words of an entity's Arabic names; a state's include its capital's
        ("واشنطن" stands for the United States)."""
        found = self._first_words.get(entity)
        if found is None:
            e = self.get(entity)
            names = [e.ar, *e.patterns] if e is not None else []
            if e is not None and e.cls == "Country":
                names += [n for c in self.capitals_of(entity) for n in (c.ar, *c.patterns)]
            found = self._first_words[entity] = frozenset(
                w for n in names if n and (w := normalize(n).split(maxsplit=1)[0] if n.strip() else ""))
        return found

    def capitals_of(self, country: str) -> list[Entry]:
        """The cities the lexicon marks as the capital of ``country``."""
        found = self._capitals
        if found is None:
            found = self._capitals = {}
            for e in self.entries.values():
                if e.cls == "City" and e.extra.get("capital") and e.extra.get("country"):
                    found.setdefault(e.extra["country"], []).append(e)
        return found.get(country, [])

    def pacts(self) -> frozenset[str]:
        """The alliances named "حلف ..." (حلف شمال الأطلسي): another body a state may join than the
        coalition ("بعد انضمام السويد إليه")."""
        found = self._pacts
        if found is None:
            found = self._pacts = frozenset(self._headed(("حلف", "الحلف"), ("InternationalOrganization", "Organization")))
        return found

    def named_alike(self, entity: str) -> frozenset[str]:
        """``entity`` with the governorate or province named after it, or the city it is named after
        (such a Region's English name is the city's with " Governorate" or " Province")."""
        found = self._named_alike
        if found is None:
            groups: dict[str, set[str]] = {}
            for e in self.entries.values():
                for suffix in (" Governorate", " Province"):
                    if e.cls == "Region" and e.en and e.en.endswith(suffix):
                        groups.setdefault(e.en[:-len(suffix)], set()).add(e.id)
            found = self._named_alike = {}
            for e in self.entries.values():
                if e.en in groups and e.cls != "Region":
                    for key in groups[e.en] | {e.id}:
                        found[key] = frozenset(groups[e.en] | {e.id})
        return found.get(entity, frozenset({entity}))

    def kingdoms(self) -> frozenset[str]:
        """The states "المملكة" alone may stand for: those one of whose names is "المملكة ..." or
        "مملكة ..." (المملكة العربية السعودية، مملكة البحرين), but not the United Kingdom, which the
        press never calls "المملكة" alone."""
        found = self._kingdoms
        if found is None:
            found = self._kingdoms = frozenset(
                k for k, names in self._headed(("المملكه", "مملكه"), ("Country",)).items()
                if not any(n[1:2] == ["المتحده"] for n in names))
        return found

    def provinces(self) -> dict[str, str]:
        """ISIS's provinces by the state or region each is named after: an armed group one of whose names
        is "ولاية X", X a state or region ("ولاية الصومال"، "ولاية غرب أفريقيا"), also by the region it is
        filed under (ولاية خراسان under Afghanistan). A place two groups share stands for neither."""
        found = self._provinces
        if found is None:
            by_place: dict[str, set[str]] = {}
            for e in self.entries.values():
                names = [p.split() for p in (e.ar, *e.patterns)]
                if e.cls != "ArmedGroup" or not any(n[:1] == ["ولاية"] for n in names):
                    continue
                places = {e.extra.get("region")}
                for n in names:
                    if n[:1] == ["ولاية"] and len(n) > 1:
                        toks = tokenize(" ".join(n[1:]))
                        got = self.match(toks)
                        if len(got) == 1 and got[0].i == 0 and got[0].j == len(toks) \
                                and self.entries[got[0].entity].cls in ("Country", "Region"):
                            places.add(got[0].entity)
                for p in places:
                    if p in self.entries:
                        by_place.setdefault(p, set()).add(e.id)
            found = self._provinces = {p: next(iter(g)) for p, g in by_place.items() if len(g) == 1}
        return found

    def _headed(self, heads: tuple[str, ...], classes: tuple[str, ...]) -> dict[str, list[list[str]]]:
        """The entries of ``classes`` with a name whose first word is one of ``heads``, and those names
        (normalised, as lists of words)."""
        out: dict[str, list[list[str]]] = {}
        for e in self.entries.values():
            if e.cls in classes:
                names = [n for n in (normalize(p).split() for p in [e.ar, *e.patterns] if p.strip()) if n[0] in heads]
                if names:
                    out[e.id] = names
        return out

    def match(self, tokens: list[Token]) -> list[Match]:
        """Entity names in ``tokens``, left to right, longest match first, no overlaps.

        A name that is also an ordinary word (مالي "financial") counts only inside a
        list of countries ("سريلانكا ومالي وبوركينا فاسو"); a town's or province's ("الباب" "the
        door", "صلاح الدين" a given name) only joined by و to a place of its own country ("بين كركوك
        وصلاح الدين وديالى").
        """
        found = [m for m in self.matcher.match(tokens) if not (m.kind == "surname" and self._article_added(tokens, m))]
        if self.marked:
            found = self._marked(tokens, found)
        if not found:
            return found
        countries = {(m.i, m.j) for m in found if self.entries[m.entity].cls == "Country" and m.kind == "name"}
        taken = {k for m in found for k in range(m.i, m.j)}
        extra = []
        for m in self.list_only.match(tokens):
            if m.i in taken:
                continue
            if self.entries[m.entity].cls == "Country":
                if any(j == m.i or i == m.j for i, j in countries):
                    extra.append(Match(m.i, m.j, m.start, m.end, m.entity, "name"))
            elif any(self._in_list_with(tokens, m, n) for n in found) or (
                    m.entity in self.unless_next and (m.j == len(tokens) or self.unless_next[m.entity].isdisjoint(
                        strip_clitics(tokens[m.j].norm)))):
                extra.append(Match(m.i, m.j, m.start, m.end, m.entity, "name"))
        return sorted(found + extra, key=lambda m: m.i)

    def match_by_state(self, tokens: list[Token], states: AbstractSet[str]) -> list[Match]:
        """The names in ``tokens`` that stand for a place or body of one state only in a text about that state
        (``by_state`` in the lexicon): those of ``states``, the states the text names, when it names no other
        state with a place or body of that name ("طرابلس اللبنانية")."""
        out = []
        for m in self.by_state.match(tokens):
            country = self.entries[m.entity].extra.get("country")
            head = normalize(self.entries[m.entity].ar)
            others = {e.extra.get("country") for e in self._sharing_name(head)} - {country}
            if country in states and not others & states:
                out.append(m)
        return out

    def _sharing_name(self, head: str) -> list[Entry]:
        """The entries one of whose names begins with the words ``head`` (normalised)."""
        found = self._alike.get(head)
        if found is None:
            found = self._alike[head] = [e for e in self.entries.values() if any(
                (normalize(p) + " ").startswith(head + " ") for p in [e.ar, *e.patterns] if p)]
        return found

    def _article_added(self, tokens: list[Token], m: Match) -> bool:
        """Whether a one-word surname written without the article (a foreign one: "دراجي") was matched on a word
        that carries it ("الدراجي", an Arab family name)."""
        if m.j - m.i != 1 or any(normalize(s).startswith("ال") for s in self.entries[m.entity].surnames):
            return False
        norm = tokens[m.i].norm
        return norm.startswith(("ال", "لل")) or (norm[:1] in "وفبك" and norm[1:].startswith(("ال", "لل")))

    def _in_list_with(self, tokens: list[Token], m: Match, n: Match) -> bool:
        """Whether a place ``m`` and a match ``n`` next to it are joined by و, ``n`` a place of the
        same country."""
        if n.kind != "name" or not (n.j == m.i and tokens[m.i].norm.startswith("و")
                                    or m.j == n.i and tokens[n.i].norm.startswith("و")):
            return False
        other = self.entries[n.entity]
        country = other.id if other.cls == "Country" else other.extra.get("country")
        return other.cls in ("City", "Region", "Country") and country == self.entries[m.entity].extra.get("country")

    def _marked(self, tokens: list[Token], found: list[Match]) -> list[Match]:
        """``found`` and the words written in one of the ``marked`` forms, with its mark, that no
        match covers (a clitic may come before: وعمّان، بعمّان)."""
        extra = []
        at = _sentence_variants(tokens)[1]  # where each clitic-stripped form occurs (kept per sentence)
        for norm, forms in self.marked.items():
            for k in at.get(norm, ()):
                if any(m.i <= k < m.j for m in found):
                    continue
                t = tokens[k]
                bare = _only_shadda(t.surface)
                for form, entity in forms:
                    head = bare[:len(bare) - len(form)]
                    if bare.endswith(form) and all(c in _CLITIC_LETTERS for c in head):
                        extra.append(Match(k, k + 1, t.start, t.end, entity, "name"))
                        break
        return sorted(found + extra, key=lambda m: m.i) if extra else found

    def nested(self, tokens: list[Token], m: Match) -> list[Match]:
        """Entities named inside a longer name: "مجلس الأمن" in "قرار مجلس الأمن رقم 2254"."""
        if m.j - m.i < 2:
            return []
        return [Match(n.i + m.i + 1, n.j + m.i + 1, n.start, n.end, n.entity, n.kind)
                for n in self.matcher.match(tokens[m.i + 1:m.j]) if n.entity != m.entity]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Lexicon":
        """The lexicon built from the data files shipped with ckg (cached)."""
        return cls(list(_country_entries()) + list(_file_entries()))


def _country_entries() -> Iterable[Entry]:
    import pycountry
    from babel import Locale

    ar_names = Locale("ar").territories
    en_names = Locale("en").territories
    qids = {r["iso3"]: r["wikidata"] for r in _read_ref_csv("countries-wikidata.csv")}
    wikidata_en: dict[str, str] = {}
    rejects = {(r["iso3"], normalize(r["alias_ar"])) for r in _read_tsv("alias_rejects.tsv")}
    aliases: dict[str, list[str]] = {}
    for r in _read_ref_csv("country-aliases-wikidata-2017.csv"):
        if r["language"] == "ar" and (r["iso3c"], normalize(r["label"])) not in rejects:
            aliases.setdefault(r["iso3c"], []).append(r["label"])
        elif r["language"] == "en" and r["label_type"] == "official":
            wikidata_en.setdefault(r["iso3c"], r["label"])
    spellings: dict[str, list[str]] = {}
    for r in _read_tsv("country_spellings.tsv"):
        spellings.setdefault(r["iso3"], []).append(r["name_ar"])
    adjectives: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    for r in _read_tsv("nationalities.tsv"):
        adjectives.setdefault(r["iso3"], []).append(r["adjective_ar"])
        demonyms.setdefault(r["iso3"], r.get("demonym_en", ""))
    latin: dict[str, list[str]] = {}
    for r in _read_tsv("country_latin.tsv"):
        latin.setdefault(r["iso3"], []).append(r["name_latin"])
    for c in pycountry.countries:
        a2, a3 = c.alpha_2, c.alpha_3
        ar = ar_names.get(a2)
        if not ar:
            continue
        list_only = [ar] if (a3, normalize(ar)) in rejects else []
        en = _plain_english(en_names.get(a2) or getattr(c, "common_name", None) or c.name, wikidata_en.get(a3))
        # the names English writes, for a name left in Latin script ("الإمارات (UAE)"); not the
        # inverted ones ("Korea, Republic of")
        names_en = [n for n in (en, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
                    if n and not any(ch in n for ch in ",()")] + latin.get(a3, [])
        yield Entry(
            id=a3,
            cls="Country",
            en=en,
            ar=ar,
            patterns=spellings.get(a3, []) + aliases.get(a3, []),
            adjectives=adjectives.get(a3, []),
            wikidata=qids.get(a3),
            extra={"iso2": a2, "demonym_en": demonyms.get(a3), "ambiguous": bool(list_only),
                   "list_only": list_only, "patterns_en": list(dict.fromkeys(names_en))},
        )


def _plain_english(cldr: str, wikidata: str | None) -> str:
    """The English label of a country as reporting writes it: CLDR's short names tell two states
    apart by their capitals or a bracket ("Congo - Kinshasa", "Myanmar (Burma)"), which no text
    says; Wikidata's label is taken for those ("Democratic Republic of the Congo"). And "&" and
    "St." are spelled out ("Bosnia and Herzegovina", "Saint Lucia")."""
    if wikidata and (" - " in cldr or "(" in cldr):
        return wikidata
    return cldr.replace(" & ", " and ").replace("St. ", "Saint ")


def _file_entries() -> Iterable[Entry]:
    path = _data("entities.jsonl")
    if not path.is_file():
        return
    known = {"id", "class", "en", "ar", "patterns", "surnames", "wikidata"}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            raw = json.loads(line)
            surnames = [] if raw.get("ambiguous_surname") else list(raw.get("surnames", []))
            yield Entry(
                id=raw["id"],
                cls=raw["class"],
                en=raw.get("en"),
                ar=raw["ar"],
                patterns=list(raw.get("patterns", [])),
                surnames=surnames,
                wikidata=raw.get("wikidata"),
                extra={k: v for k, v in raw.items() if k not in known},
            )
