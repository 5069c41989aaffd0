"""ckg serve under load: 200 concurrent clients, 5,000 requests, canned queries and malformed ones.

The run itself is ``bench/load_serve.py``; here it must end with every well-formed query
answered 200 with the local store's rows, every malformed request refused with its 4xx, no 5xx
and no traceback from the server. Its speed is a benchmark figure, not asserted here.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from load_serve import run_load  # noqa: E402


def test_serve_answers_200_clients_right_and_refuses_malformed_requests(seed_store):
    report = run_load(seed_store, requests=5000, clients=200, seed=7)
    print(report.table())  # shown with -s or on failure
    assert report.wrong == 0, report.examples
    assert report.server_errors == 0 and report.server_tracebacks == 0
    sent = {kind: sum(n.get(kind, 0) for n in report.statuses.values()) for kind in ("well-formed", "malformed")}
    assert sent["well-formed"] + sent["malformed"] == 5000 and sent["malformed"] > 500
    assert report.statuses["200"].get("well-formed") == sent["well-formed"]
    assert sum(n.get("malformed", 0) for s, n in report.statuses.items() if s.startswith("4")) == sent["malformed"]
    for kind in sent:
        p = report.latency_ms[kind]
        assert 0 < p["p50"] <= p["p90"] <= p["p95"] <= p["p99"] <= p["max"]
