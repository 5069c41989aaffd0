"""How much of extraction the phrase tables take: time in ``PhraseMatcher.match`` per document.

Every step asks its trigger tables (and the lexicon its entity table) about every sentence; the
trigger tables answer from one pass a sentence (``PhraseTables``), timed as one table. This
extracts a corpus once to warm the caches, then again with ``PhraseMatcher.match``, that pass and the
sentence's clitic variants wrapped in a timer, and prints per document: the whole extraction
(unwrapped, then wrapped), the time in the tables, the calls and how many found something, the
first computation of each sentence's variants, and the costliest tables (named by how many first
words they index). The wrapper itself adds about half a microsecond a call.

    python bench/generate.py --docs 1000 /tmp/corpus
    python bench/phrase_tables.py /tmp/corpus --docs 300
"""
from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

from _cli import corpus_parser  # (puts the repository on sys.path)

import graph.lexicon as lexicon  # noqa: E402
from graph.api import _collect_less  # noqa: E402
from graph.ingest import discover, load_document  # noqa: E402
from graph.pipeline import Context, run  # noqa: E402


def main() -> None:
    ap = corpus_parser(__doc__)
    ap.add_argument("--docs", type=int, default=300, help="how many documents to time (default 300)")
    args = ap.parse_args()
    _collect_less()
    ctx = Context.default()
    docs = [load_document(path, meta) for path, meta in discover([args.corpus])][:args.docs]
    if not docs:
        raise SystemExit(f"phrase_tables: no documents in {args.corpus}")
    n = len(docs)
    clock = time.perf_counter
    for d in docs:  # warm the word caches, as a long build has them
        run(d, ctx)
    t0 = clock()
    for d in docs:
        run(d, ctx)
    plain = clock() - t0

    match, variants = lexicon.PhraseMatcher.match, lexicon._sentence_variants
    tables: dict[int, list] = defaultdict(lambda: [0, 0.0, 0, 0])  # first words, seconds, calls, non-empty
    first = [0.0, 0]

    def timed_variants(tokens):
        fresh = lexicon._VARIANTS.get(tokens) is None
        t = clock()
        out = variants(tokens)
        if fresh:
            first[0] += clock() - t
            first[1] += 1
        return out

    def timed(call, first_words, found):
        """``call`` wrapped in the timer, its row a table: ``first_words(table)``, ``found(answer)``."""
        def wrapper(self, tokens):
            t = clock()
            out = call(self, tokens)
            row = tables[id(self)]
            row[0] = first_words(self)
            row[1] += clock() - t
            row[2] += 1
            row[3] += found(out)
            return out
        return wrapper

    match_all = lexicon.PhraseTables._match_all  # the trigger tables, all in one pass a sentence
    timed_match = timed(match, lambda pm: len(pm._index), bool)
    timed_match_all = timed(match_all, lambda pt: len(pt._first), lambda out: any(out.values()))

    lexicon._sentence_variants, lexicon.PhraseMatcher.match = timed_variants, timed_match
    lexicon.PhraseTables._match_all = timed_match_all
    try:
        t0 = clock()
        for d in docs:
            run(d, ctx)
        wrapped = clock() - t0
    finally:
        lexicon._sentence_variants, lexicon.PhraseMatcher.match = variants, match
        lexicon.PhraseTables._match_all = match_all
    total = sum(r[1] for r in tables.values())
    calls = sum(r[2] for r in tables.values())
    print(f"{n} documents: extraction {plain / n * 1e3:.2f} ms a document ({wrapped / n * 1e3:.2f} timed)")
    print(f"phrase tables: {total / n * 1e3:.2f} ms a document, {calls / n:.0f} calls, "
          f"{sum(r[3] for r in tables.values()) / n:.0f} finding something")
    print(f"  of which the clitic variants, first time a sentence: {first[0] / n * 1e3:.2f} ms ({first[1] / n:.0f} sentences)")
    for words, secs, c, found in sorted(tables.values(), key=lambda r: -r[1])[:8]:
        print(f"  table of {words:5d} first words: {secs / n * 1e3:.3f} ms, {c / n:.0f} calls, {found / n:.1f} finding")


if __name__ == "__main__":
    main()
