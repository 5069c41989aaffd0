"""Where the time per document goes as a build grows: CPU of the whole process against CPU of
its main thread, every N documents of one ``--jobs 1`` build.

The main thread extracts and loads; RocksDB compacts in threads of its own. A main thread that
stays flat while the process grows says the growth is the database's, not extraction's.

    python bench/generate.py --docs 10000 /tmp/corpus   # or any folder of documents
    python bench/growth.py /tmp/corpus --every 1000
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from _cli import corpus_parser  # (puts the repository on sys.path)

import graph  # noqa: E402


def main() -> None:
    ap = corpus_parser(__doc__)
    ap.add_argument("--every", type=int, default=1000, help="documents per line (default 1000)")
    args = ap.parse_args()
    marks: list[tuple[int, float, float]] = []
    p0, t0 = time.process_time(), time.thread_time()

    def progress(n: int, total: int, path: str) -> None:
        if n % args.every == 0 or n == total:
            marks.append((n, time.process_time() - p0, time.thread_time() - t0))

    with tempfile.TemporaryDirectory(prefix="ckg-growth-") as tmp:
        summary = graph.build([args.corpus], store=Path(tmp) / "store", jobs=1, progress=progress)
    print(summary.line())
    print("| documents | process CPU s | main thread CPU s | other threads CPU s |")
    print("|---|---|---|---|")
    last = (0, 0.0, 0.0)
    for n, p, t in marks:
        dp, dt = p - last[1], t - last[2]
        print(f"| {last[0] + 1:,}–{n:,} | {dp:.1f} | {dt:.1f} | {max(dp - dt, 0.0):.1f} |")
        last = (n, p, t)


if __name__ == "__main__":
    main()
