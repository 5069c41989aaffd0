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
    # no venue on either side: only the same specific kind on overlapping days
    return (old.kind == new.kind != "other" and overlap is True
            and len(old.start or "") == len(new.start or "") == 10)


class MeetingIndex:
    """The meetings known so far, by venue (by kind for those without one).

    Only meetings at the same venue can agree, and without a venue only those of the same
    kind, so each lookup reads one bucket: building 10,000 documents no longer compares
    every meeting with every other.
    """

    def __init__(self) -> None:
        self.refs: list[MeetingRef] = []
        self._buckets: dict[tuple[str, str], list[MeetingRef]] = {}

    @staticmethod
    def _bucket(ref: MeetingRef) -> tuple[str, str]:
        return ("place", ref.place) if ref.place else ("kind", ref.kind)

    def _known(self, ref: MeetingRef) -> None:
        self.refs.append(ref)
        self._buckets.setdefault(self._bucket(ref), []).append(ref)

    @classmethod
    def from_store(cls, db: ox.Store) -> "MeetingIndex":
        """The meetings of an existing store (for ``ckg add``)."""
        idx = cls()
        q = f"""SELECT ?m (SAMPLE(?p) AS ?place) (MAX(STR(?s)) AS ?start) (MAX(STR(?e)) AS ?end)
                       (MIN(?k) AS ?kind)
                WHERE {{ ?m a <{CKG.Meeting}> ; <{CKG.meetingKind}> ?ki .
                        BIND(STRAFTER(STR(?ki), "/kind/meeting/") AS ?k)
                        OPTIONAL {{ ?m <{CKG.place}> ?p }} OPTIONAL {{ ?m <{CKG.startDate}> ?s }}
                        OPTIONAL {{ ?m <{CKG.endDate}> ?e }} }} GROUP BY ?m"""
        for row in db.query(q, use_default_graph_as_union=True):
            place = row["place"].value.rsplit("/", 1)[-1] if row["place"] is not None else None
            idx._known(MeetingRef(row["m"].value, place,
                                       row["start"].value if row["start"] is not None else None,
                                       row["end"].value if row["end"] is not None else None,
                                       row["kind"].value))
        return idx

    def resolve(self, ref: MeetingRef) -> str:
        """The IRI ``ref`` should have: an agreeing known meeting's, or its own (now known)."""
        best = None
        for old in self._buckets.get(self._bucket(ref), ()):
            if _agrees(old, ref):
                precision = min(len(old.start or ""), len(ref.start or ""))
                if best is None or precision > best[0]:
                    best = (precision, old)
        if best is None:
            self._known(ref)
            return ref.iri
        old = best[1]
        if ref.start and (not old.start or len(ref.start) > len(old.start)):
            old.start, old.end = ref.start, ref.end or old.end
        if old.kind == "other":  # only a meeting with a venue can agree while "other": its bucket stays
            old.kind = ref.kind
        return old.iri
