"""bench/generate.py: a seed gives one corpus, and the corpus has attacks the extractor finds."""
import sys
from pathlib import Path

import graph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    a, b, c = (generate(tmp_path / name, 8, seed) for name, seed in (("a", 4), ("b", 4), ("c", 5)))
    assert _files(a) == _files(b)
    assert len(_files(a)) == 9  # eight documents and the manifest
    assert _files(a) != _files(c)


def test_documents_stay_in_the_word_range(tmp_path):
    out = generate(tmp_path / "gen", 40, seed=2, min_words=300, max_words=800)
    counts = [len(p.read_text(encoding="utf-8").split()) for p in out.glob("gen*.txt")]
    assert len(counts) == 40 and all(300 <= n <= 800 for n in counts)


def test_generated_corpus_yields_attacks_with_perpetrator_and_place(tmp_path):
    out = generate(tmp_path / "gen", 20, seed=1)
    store = tmp_path / "store"
    graph.build([out], store=store)
    rows = graph.query("attacks", store=store)
    docs = {d for r in rows for d in r["doc"].split()}
    assert 2 <= len(docs) <= 12, docs  # some documents report attacks, not all of them
    assert all(r["perpetrator"] and r["place"] for r in rows)
    assert any(r["date"] for r in rows)
    mandates = graph.query("group-mandates", store=store)
    assert any(r["focus_label"] for r in mandates)  # a working group told to focus on a branch
