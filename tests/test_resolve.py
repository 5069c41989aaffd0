"""Meeting identity: the indexed lookup gives the IRIs a scan of every known meeting gives."""
import copy
import random

from graph.resolve import MeetingIndex, MeetingRef, _agrees


def scan_resolve(known: dict, ref: MeetingRef) -> str:
    """The rule of graph.resolve without the year index: compare with every meeting known at the
    same venue (or of the same kind, for those without one)."""
    best = None
    bucket = known.setdefault(("place", ref.place) if ref.place else ("kind", ref.kind), [])
    for old in bucket:
        if _agrees(old, ref):
            precision = min(len(old.start or ""), len(ref.start or ""))
            if best is None or precision > best[0]:
                best = (precision, old)
    if best is None:
        bucket.append(ref)
        return ref.iri
    old = best[1]
    if ref.start and (not old.start or len(ref.start) > len(old.start)):
        old.start, old.end = ref.start, ref.end or old.end
    if old.kind == "other":
        old.kind = ref.kind
    return old.iri


def random_date(rng: random.Random) -> tuple[str | None, str | None]:
    if rng.random() < 0.2:
        return None, None
    y = rng.choice([2014, 2015, 2019, 2020])
    precision = rng.choice([4, 7, 10, 10])
    m, d = rng.choice([1, 6, 12]), rng.choice([1, 15, 30, 31])
    start = f"{y:04d}-{m:02d}-{d:02d}"[:precision]
    end = None
    if precision == 10 and rng.random() < 0.3:  # a meeting over days, some across a new year
        end = f"{y + 1:04d}-01-02" if (m, d) == (12, 31) else f"{y:04d}-{m:02d}-{min(d + 1, 31):02d}"
    return start, end


def test_indexed_lookup_agrees_with_a_scan_of_every_meeting():
    rng = random.Random(7)
    for trial in range(30):
        refs = []
        for i in range(400):
            start, end = random_date(rng)
            refs.append(MeetingRef(f"m{trial}-{i}", rng.choice([None, "PARIS", "ROME", "BAGHDAD"]), start, end,
                                   rng.choice(["ministerial", "political-directors", "other", "summit"])))
        index, known = MeetingIndex(), {}
        got = [index.resolve(copy.copy(r)) for r in refs]
        want = [scan_resolve(known, copy.copy(r)) for r in refs]
        assert got == want
        assert len(set(got)) < len(refs)  # some meetings were merged, so the comparison means something


def test_a_meeting_with_no_venue_dated_by_its_month_is_the_one_dated_to_a_day_of_that_month():
    idx = MeetingIndex()
    assert idx.resolve(MeetingRef("m1", None, "2024-07-10", None, "political-directors")) == "m1"
    assert idx.resolve(MeetingRef("m2", None, "2024-07", None, "political-directors")) == "m1"
    assert idx.resolve(MeetingRef("m3", None, "2024-08", None, "political-directors")) == "m3"
    assert idx.resolve(MeetingRef("m4", None, "2024-07", None, "ministerial")) == "m4"
    # two dated by their month alone may be two meetings of that month
    assert idx.resolve(MeetingRef("m5", None, "2024-08", None, "political-directors")) == "m5"
