"""What loading alone costs: CPU per document of extraction and of Oxigraph's bulk load, apart.

A build with ``--jobs 2`` has two cores for both. This extracts a corpus once in this process
(as ``ckg build --jobs 1`` does, into N-Quads), then bulk-loads those N-Quads into a fresh
database on disk in the batches a build uses, then optimizes it, timing the CPU of every
thread of the process for each stage. The sum says how far the ingest target (300 documents
a second on two cores: 6.7 ms of CPU a document in all) is from what the engine itself needs.

    python bench/generate.py --docs 2500 /tmp/corpus
    python bench/load_floor.py /tmp/corpus
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _cli import corpus_parser  # (puts the repository on sys.path)

import pyoxigraph as ox  # noqa: E402

from graph.api import _Batch, _collecting_less, extract_file  # noqa: E402
from graph.ingest import discover  # noqa: E402


def main() -> None:
    ap = corpus_parser(__doc__)
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
    with tempfile.TemporaryDirectory(prefix="ckg-floor-") as tmp:
        db = ox.Store(str(Path(tmp) / "db"))
        batch = _Batch(db)
        t = time.process_time()
        for p in parts:  # the same batches as a build: _Batch.DOCS documents or _Batch.BYTES at most
            batch.add(p)
        batch.flush()
        db.flush()
        load_s = time.process_time() - t
        t = time.process_time()
        db.optimize()
        optimize_s = time.process_time() - t
        del db
    n = len(items)
    print(f"{n:,} documents, {quads:,} quads ({quads / n:.0f} a document), CPU of all threads:")
    print("| stage | s | ms a document | µs a quad |")
    print("|---|---|---|---|")
    for name, s in (("extraction", extract_s), ("bulk load", load_s), ("optimize", optimize_s)):
        print(f"| {name} | {s:.1f} | {1000 * s / n:.2f} | {1e6 * s / quads:.1f} |")
    total = extract_s + load_s + optimize_s
    print(f"| all | {total:.1f} | {1000 * total / n:.2f} | |")
    print(f"300 documents a second on 2 cores allows {2000 / 300:.2f} ms a document.")


if __name__ == "__main__":
    main()
