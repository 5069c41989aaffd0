"""What loading alone costs: CPU per document of extraction and of Oxigraph's bulk load, apart.

A build with ``--jobs 2`` has two cores for both. This extracts a corpus once in this process
(as ``ckg build --jobs 1`` does, into N-Quads), then bulk-loads those N-Quads into a fresh
database on disk in the batches a build uses, then optimizes it, timing the CPU of every
thread of the process for each stage. The sum says how far the ingest target (300 documents
a second on two cores: 6.7 ms of CPU a document in all) is from what the engine itself needs.

    python bench/generate.py --docs 2500 /tmp/corpus
    python bench/load_floor.py /tmp/corpus

``--batch-mb 128 0`` loads the same N-Quads again in loads of at most that many MB (0: all of them
in one load), and ``--default-graph`` once more with every quad put in the default graph, to show
what the batches and the named graphs (one a document) cost; peak RSS is the process's.
"""
from __future__ import annotations

import re
import resource
import tempfile
import time
from pathlib import Path

from _cli import corpus_parser  # (puts the repository on sys.path)

import pyoxigraph as ox  # noqa: E402

from graph.api import _Batch, _collecting_less, extract_file  # noqa: E402
from graph.ingest import discover  # noqa: E402


def _load(parts: list[bytes], batch_mb: int | None) -> tuple[float, float]:
    """CPU seconds of bulk-loading ``parts`` into a fresh database, then of optimizing it: in the
    batches a build uses (``batch_mb`` None), in loads of at most ``batch_mb`` MB, or in one (0)."""
    with tempfile.TemporaryDirectory(prefix="ckg-floor-") as tmp:
        db = ox.Store(str(Path(tmp) / "db"))
        t = time.process_time()
        if batch_mb is None:
            batch = _Batch(db)
            for p in parts:  # _Batch.DOCS documents or _Batch.BYTES at most, as in a build
                batch.add(p)
            batch.flush()
        else:
            limit, queued, size = (batch_mb << 20) or float("inf"), [], 0
            for p in parts:
                if queued and size + len(p) > limit:
                    db.bulk_load(input=b"".join(queued), format=ox.RdfFormat.N_QUADS)
                    queued, size = [], 0
                queued.append(p)
                size += len(p)
            if queued:
                db.bulk_load(input=b"".join(queued), format=ox.RdfFormat.N_QUADS)
        db.flush()
        load_s = time.process_time() - t
        t = time.process_time()
        db.optimize()
        optimize_s = time.process_time() - t
        del db
    return load_s, optimize_s


_GRAPH_NAME = re.compile(rb" <[^<>]*> \.$", re.M)


def main() -> None:
    ap = corpus_parser(__doc__)
    ap.add_argument("--batch-mb", type=int, nargs="*", default=[],
                    help="also load in loads of at most this many MB (0: one load)")
    ap.add_argument("--default-graph", action="store_true",
                    help="also load with every quad in the default graph (as the build batches them)")
    args = ap.parse_args()
    items = list(discover([args.corpus]))
    described: set[str] = set()
    parts: list[bytes] = []
    t = time.process_time()
    with _collecting_less():
        for path, meta in items:
            ex = extract_file(str(path), meta, described)
            if ex.error is None:
                parts.append(ex.nquads)
                parts.extend(ex.described.values())
    extract_s = time.process_time() - t
    quads = sum(p.count(b"\n") for p in parts)
    n = len(items)
    load_s, optimize_s = _load(parts, None)
    print(f"{n:,} documents, {quads:,} quads ({quads / n:.0f} a document), CPU of all threads:")
    print("| stage | s | ms a document | µs a quad |")
    print("|---|---|---|---|")
    for name, s in (("extraction", extract_s), ("bulk load", load_s), ("optimize", optimize_s)):
        print(f"| {name} | {s:.1f} | {1000 * s / n:.2f} | {1e6 * s / quads:.1f} |")
    total = extract_s + load_s + optimize_s
    print(f"| all | {total:.1f} | {1000 * total / n:.2f} | |")
    print(f"300 documents a second on 2 cores allows {2000 / 300:.2f} ms a document.")
    variants = [(f"loads of at most {mb} MB" if mb else "one load", mb, parts) for mb in args.batch_mb]
    if args.default_graph:
        variants.append(("default graph, build batches", None, [_GRAPH_NAME.sub(b" .", p) for p in parts]))
    if variants:
        print("\n| loaded | bulk load s | optimize s | ms a document | peak RSS so far MiB |")
        print("|---|---|---|---|---|")
        for name, mb, data in variants:
            load_s, optimize_s = _load(data, mb)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {name} | {load_s:.1f} | {optimize_s:.1f} | {1000 * (load_s + optimize_s) / n:.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
