"""Extraction quality as the project's scorer measures it (../shared/eval/score.py), on both visible sets.

The thresholds are the targets the project has met; a change that lowers a score below
them fails here. Under CI the shared material must be present.
"""
import json
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT, shared_or_skip

QUERIES = ("meetings", "partners-at-meeting", "joins", "coalition-size", "funding", "group-mandates",
           "threats", "attacks", "people", "mentions", "commitments")
# (gold file, documents, macro F1 at least, {query: F1 at least}): the targets of issues 2 and 3
TARGETS = {
    "seeds": ("seeds.json", "seeds", 0.90, {**{q: 0.75 for q in QUERIES}, "mentions": 0.90}),
    "dev": ("dev.json", "corpus-dev", 0.80, {"mentions": 0.80}),
}


@pytest.fixture(scope="module", params=sorted(TARGETS))
def scores(request, tmp_path_factory):
    gold_name, docs, macro_min, per_query = TARGETS[request.param]
    gold = shared_or_skip("gold", gold_name)
    corpus = shared_or_skip(docs)
    scorer = shared_or_skip("eval", "score.py")
    out = tmp_path_factory.mktemp("score") / "score.json"
    cmd = f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'build_graph.py'))}"
    proc = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--build", str(corpus),
                           "--cmd", cmd, "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ERROR" not in proc.stdout, proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    return request.param, data, macro_min, per_query, proc.stdout


def test_scores_meet_the_targets(scores):
    name, data, macro_min, per_query, table = scores
    f1 = {q["query"]: q["f1"] for q in data["queries"]}
    assert len(f1) == 11, table
    assert data["macro_f1"] >= macro_min, f"{name}: macro F1 {data['macro_f1']:.3f} < {macro_min}\n{table}"
    for query, minimum in per_query.items():
        assert f1[query] >= minimum, f"{name}: {query} F1 {f1[query]:.2f} < {minimum}\n{table}"
