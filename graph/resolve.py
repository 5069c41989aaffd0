"""One real-world meeting is one node: meetings reported by several documents share an IRI.

Extraction names each meeting of a document with a key of its own; before the
document's triples are stored, :class:`MeetingIndex` maps that key to the IRI of
a meeting already in the store when the two agree: the same venue (or, with no
venue, the same specific kind), overlapping dates at the precision both give,
and compatible kinds ("other" agrees with any). The build visits documents in a
fixed order, so the same input gives the same graph.

>>> idx = MeetingIndex()
>>> idx.resolve(MeetingRef("m1", "PARIS", "2019-06-24", "2019-06-25", "political-directors"))
'm1'
>>> idx.resolve(MeetingRef("m2", "PARIS", "2019-06-25", None, "political-directors"))
'm1'
>>> idx.resolve(MeetingRef("m3", "PARIS", "2018-02", None, "other"))
'm3'
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from .namespace import CKG
from .rdf import entity_iri

__all__ = ["MeetingRef", "MeetingIndex"]


@dataclass
class MeetingRef:
    """What identifies a meeting: its IRI, venue key, first and last day, kind."""

    iri: str
    place: str | None
    start: str | None
    end: str | None
    kind: str


def _overlap(a: MeetingRef, b: MeetingRef) -> bool | None:
    """True/False when both are dated, None when either is not."""
    if not a.start or not b.start:
        return None
    n = min(len(a.start), len(b.start))
    a0, a1 = a.start[:n], (a.end or a.start)[:n]
    b0, b1 = b.start[:n], (b.end or b.start)[:n]
    return a0 <= b1 and b0 <= a1


def _agrees(old: MeetingRef, new: MeetingRef) -> bool:
    if old.kind != new.kind and "other" not in (old.kind, new.kind):
        return False
    overlap = _overlap(old, new)
    if old.place or new.place:
        return old.place == new.place and overlap is not False
    # no venue on either side: only the same specific kind on overlapping days, or a day within the month
    # the other gives ("اجتماع افتراضي للمديرين السياسيين في تموز" is the one another report dates 10 July)
    # (two meetings dated by their month alone may be two of that month)
    dated = sorted((len(old.start or ""), len(new.start or "")))
    return old.kind == new.kind != "other" and overlap is True and dated[1] == 10 and dated[0] >= 7


def _years(ref: MeetingRef) -> range | None:
    """The calendar years a dated meeting spans (None when it has no readable year)."""
    start = ref.start or ""
    a, b = start[:4], (ref.end or start)[:4]
    if not (a.isdigit() and b.isdigit()):
        return None
    return range(min(int(a), int(b)), max(int(a), int(b)) + 1)


class _Bucket:
    """The meetings of one venue (or one kind), in the order they became known, filed by year.

    Two dated meetings agree only if their days overlap, so a dated meeting is compared with
    those filed under its years and with the undated ones: building 10,000 documents made the
    lists of the busiest venues long enough that scanning them grew the time per document.
    """

    __slots__ = ("all", "undated", "by_year", "filed")

    def __init__(self) -> None:
        self.all: list[tuple[int, MeetingRef]] = []
        self.undated: list[tuple[int, MeetingRef]] = []
        self.by_year: dict[int, list[tuple[int, MeetingRef]]] = {}
        self.filed: dict[int, set[int]] = {}  # sequence number -> years it is filed under

    def add(self, seq: int, ref: MeetingRef) -> None:
        self.all.append((seq, ref))
        self.file(seq, ref)

    def file(self, seq: int, ref: MeetingRef) -> None:
        """File ``ref`` under its years (again after its dates changed; it stays where it was too)."""
        years = _years(ref) if ref.start else None
        done = self.filed.setdefault(seq, set())
        if years is None:
            if -1 not in done:
                done.add(-1)
                self.undated.append((seq, ref))
            return
        for y in years:
            if y not in done:
                done.add(y)
                self.by_year.setdefault(y, []).append((seq, ref))

    def candidates(self, ref: MeetingRef) -> list[tuple[int, MeetingRef]]:
        """Every known meeting that may agree with ``ref``, in the order they became known."""
        years = _years(ref) if ref.start else None
        if years is None:
            return self.all
        found = dict(self.undated)
        for y in years:
            found.update(self.by_year.get(y, ()))
        return sorted(found.items())


class MeetingIndex:
    """The meetings known so far, by venue (by kind for those without one), and by year within it.

    Only meetings at the same venue can agree, and without a venue only those of the same
    kind; dated ones only in overlapping years. So each lookup reads a short list: building
    10,000 documents does not compare every meeting with every other.
    """

    def __init__(self, db: ox.Store | None = None) -> None:
        self.refs: list[MeetingRef] = []
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._db = db  # a store whose meetings are read one bucket at a time, when first asked for

    @staticmethod
    def _bucket(ref: MeetingRef) -> tuple[str, str]:
        return ("place", ref.place) if ref.place else ("kind", ref.kind)

    def _known(self, ref: MeetingRef) -> None:
        seq = len(self.refs)
        self.refs.append(ref)
        bucket = self._buckets.get(self._bucket(ref))
        if bucket is None:
            bucket = self._buckets[self._bucket(ref)] = _Bucket()
        bucket.add(seq, ref)

    @classmethod
    def from_store(cls, db: ox.Store) -> "MeetingIndex":
        """The meetings of an existing store (for ``ckg add``).

        They are read a venue (or, for meetings without one, a kind) at a time, the first time a
        new meeting there is resolved: adding one document to a million triples reads the few
        meetings of its venues rather than all of them (0.37 s at 5,000 meetings).
        """
        return cls(db)

    def _load(self, key: tuple[str, str]) -> None:
        """Make the store's meetings of bucket ``key`` known (once)."""
        if self._db is None or key in self._buckets:
            return
        self._buckets[key] = _Bucket()
        by, value = key
        if by == "place":
            where = f"?m <{CKG.place}> {entity_iri(value)} ."
            having = ""
        else:
            where = f"FILTER NOT EXISTS {{ ?m <{CKG.place}> ?p }}"
            having = f"HAVING (MIN(?k) = {ox.Literal(value)})"
        q = f"""SELECT ?m (MAX(STR(?s)) AS ?start) (MAX(STR(?e)) AS ?end) (MIN(?k) AS ?kind)
                WHERE {{ ?m a <{CKG.Meeting}> ; <{CKG.meetingKind}> ?ki . {where}
                        BIND(STRAFTER(STR(?ki), "/kind/meeting/") AS ?k)
                        OPTIONAL {{ ?m <{CKG.startDate}> ?s }} OPTIONAL {{ ?m <{CKG.endDate}> ?e }} }}
                GROUP BY ?m {having} ORDER BY STR(?m)"""
        for row in self._db.query(q, use_default_graph_as_union=True):
            self._known(MeetingRef(row["m"].value, value if by == "place" else None,
                                   row["start"].value if row["start"] is not None else None,
                                   row["end"].value if row["end"] is not None else None,
                                   row["kind"].value))

    def resolve(self, ref: MeetingRef) -> str:
        """The IRI ``ref`` should have: an agreeing known meeting's, or its own (now known)."""
        best = None
        self._load(self._bucket(ref))
        bucket = self._buckets.get(self._bucket(ref))
        for seq, old in bucket.candidates(ref) if bucket is not None else ():
            if _agrees(old, ref):
                precision = min(len(old.start or ""), len(ref.start or ""))
                if best is None or precision > best[0]:
                    best = (precision, seq, old)
        if best is None:
            self._known(ref)
            return ref.iri
        _, seq, old = best
        if ref.start and (not old.start or len(ref.start) > len(old.start)) and bucket is not None:
            old.start, old.end = ref.start, ref.end or old.end
            bucket.file(seq, old)
        if old.kind == "other":  # only a meeting with a venue can agree while "other": its bucket stays
            old.kind = ref.kind
        return old.iri
