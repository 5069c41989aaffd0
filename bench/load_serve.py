"""A bounded load test of ``ckg serve``: C concurrent clients send N requests on loopback.

The server runs as a real subprocess (``build_graph.py --store PATH serve``). Every answer is
checked: a canned query (GET or POST, JSON or CSV) must come back 200 with the rows the local
store gives, in any order; a malformed request (syntax error, SPARQL Update, empty query, wrong
body type, oversized request...) must get its documented 4xx. Prints a table; exit status 1
when any answer was wrong, any request got a 5xx or the server printed a traceback.

Run: python bench/load_serve.py [--requests 5000] [--clients 200] [--seed 7] [--store PATH] [--json FILE]

Each client is a thread with one keep-alive HTTP connection, reopened when the server closes it
(after the errors that leave a request body unread) or after a transport error.
"""
from __future__ import annotations

import argparse
import csv
import http.client
import io
import json
import queue
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import graph  # noqa: E402
import queries  # noqa: E402
from graph.store import Store  # noqa: E402
from servers import _stop, free_port, wait_http  # noqa: E402  (tests/servers.py)

__all__ = ["LoadReport", "run_load", "main"]

FORMATS = {"json": "application/sparql-results+json", "csv": "text/csv"}
MALFORMED_SHARE = 0.2
MISSING = {"iri": "https://w3id.org/ckg/id/no-such-thing", "integer": "-1", "date": "1066-10-14"}


@dataclass
class Case:
    """One request to send and what must come back: ``status``, and for a query its rows."""

    label: str
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200
    fmt: str = "json"
    rows: tuple | None = None  # (vars, Counter of rows) for a well-formed query

    @property
    def well_formed(self) -> bool:
        return self.rows is not None


@dataclass
class LoadReport:
    """The figures of one run; latencies in milliseconds."""

    requests: int
    clients: int
    seconds: float
    throughput: float
    statuses: dict[str, dict[str, int]]  # status -> {"well-formed": n, "malformed": n}
    wrong: int
    server_errors: int
    latency_ms: dict[str, dict[str, float]]  # "well-formed"/"malformed" -> p50, p90, p95, p99, max
    examples: list[str]  # the first few wrong answers, for the reader
    server_tracebacks: int  # tracebacks ckg serve printed (a request it dropped without an answer)

    @property
    def passed(self) -> bool:
        return self.wrong == 0 and self.server_errors == 0 and self.server_tracebacks == 0

    def table(self) -> str:
        lines = [f"requests         {self.requests}", f"clients          {self.clients}",
                 f"wall time        {self.seconds:.2f} s", f"throughput       {self.throughput:.0f} req/s",
                 f"wrong answers    {self.wrong}", f"server errors    {self.server_errors}",
                 f"tracebacks       {self.server_tracebacks}", "",
                 "status                  well-formed   malformed"]
        lines += [f"{s:<23} {n.get('well-formed', 0):>11}   {n.get('malformed', 0):>9}" for s, n in self.statuses.items()]
        lines += ["", "latency ms        p50      p90      p95      p99      max"]
        for kind, p in self.latency_ms.items():
            lines.append(f"{kind:<14}" + "".join(f"{p[k]:>9.1f}" for k in ("p50", "p90", "p95", "p99", "max")))
        lines += [f"wrong: {e}" for e in self.examples]
        return "\n".join(lines)


# -- the expected answers ---------------------------------------------------------------------

def _canonical_local(result: queries.Result, fmt: str) -> tuple:
    """``result`` as the (vars, rows) the server's ``fmt`` answer must read back to."""
    if fmt == "json":
        return tuple(result.vars), Counter(json.dumps(b, sort_keys=True) for b in result.bindings)
    return tuple(result.vars), Counter(tuple(r[v] or "" for v in result.vars) for r in result.as_dicts())


def _canonical_remote(body: bytes, fmt: str) -> tuple:
    if fmt == "json":
        data = json.loads(body)
        return (tuple(data["head"]["vars"]),
                Counter(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"]))
    head, *rows = csv.reader(io.StringIO(body.decode("utf-8")))
    return tuple(head), Counter(map(tuple, rows))


def expected_answers(store: Store, rng: random.Random) -> list[tuple[str, str, dict[str, tuple]]]:
    """Each canned query without parameters, and each parametrised one with two values the
    graph has and one it lacks: ``(name, request text, {fmt: (vars, rows)})``."""
    out = []
    for name, q in queries.canned().items():
        full = queries.run_local(q, store)
        variants = [{}]
        for p in q.params:
            seen = sorted({row[p.name]["value"] for row in full.bindings if p.name in row})
            variants += [{p.name: v} for v in rng.sample(seen, min(2, len(seen)))]
            variants.append({p.name: MISSING.get(p.type, "no-such-thing")})
        for params in variants:
            result = queries.run_local(q, store, params) if params else full
            label = name + "".join(f" {k}={v.rsplit('/', 1)[-1]}" for k, v in params.items())
            out.append((label, queries.remote_text(q, params), {f: _canonical_local(result, f) for f in FORMATS}))
    return out


# -- the requests ----------------------------------------------------------------------------

def _query_case(label: str, text: str, answers: dict, rng: random.Random) -> Case:
    fmt = rng.choice(list(FORMATS))
    accept = {"Accept": FORMATS[fmt]}
    how = rng.choice(("GET", "POST form", "POST query"))
    common = dict(fmt=fmt, rows=answers[fmt])
    if how == "GET":
        return Case(f"{label} GET {fmt}", "GET", "/sparql?" + urlencode({"query": text}), headers=accept, **common)
    if how == "POST form":
        return Case(f"{label} POST form {fmt}", "POST", "/sparql", urlencode({"query": text}).encode(),
                    {**accept, "Content-Type": "application/x-www-form-urlencoded"}, **common)
    return Case(f"{label} POST query {fmt}", "POST", "/sparql", text.encode(),
                {**accept, "Content-Type": "application/sparql-query"}, **common)


def _malformed() -> list[Case]:
    """Requests the server must refuse with a 4xx, each with the status it documents."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    update = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    get = lambda label, query, status, **kw: Case(label, "GET", "/sparql?" + urlencode({"query": query}),  # noqa: E731
                                                  status=status, **kw)
    return [
        get("syntax error", "SELECT ?s WHERE { ?s ?p }", 400),
        get("not SPARQL", "SELEC * WHERE {}", 400),
        get("update as query", update, 403),
        get("empty query", "", 400),
        get("unanswerable Accept", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", 406, headers={"Accept": "image/png"}),
        get("huge query string", "SELECT * WHERE { ?s ?p ?o } #" + "x" * 70_000, 414),
        Case("no query", "GET", "/sparql", status=400),
        Case("unknown path", "GET", "/nowhere?query=ASK%7B%7D", status=404),
        Case("update form", "POST", "/sparql", urlencode({"update": update}).encode(), form, status=403),
        Case("update body", "POST", "/sparql", update.encode(), {"Content-Type": "application/sparql-update"},
             status=403),
        Case("empty form", "POST", "/sparql", b"", form, status=400),
        Case("wrong content type", "POST", "/sparql", b"ASK {}", {"Content-Type": "application/json"}, status=415),
        Case("bad Content-Length", "POST", "/sparql", b"ASK {}",
             {"Content-Type": "application/sparql-query", "Content-Length": "six"}, status=400),
        Case("huge body", "POST", "/sparql", b"ASK {} #" + b"x" * 1_100_000,
             {"Content-Type": "application/sparql-query"}, status=413),
    ]


def plan(store: Store, requests: int, seed: int) -> list[Case]:
    """``requests`` cases, a seeded mix: about 80 % canned queries, 20 % malformed."""
    rng = random.Random(seed)
    answers = expected_answers(store, rng)
    bad = _malformed()
    return [rng.choice(bad) if rng.random() < MALFORMED_SHARE else _query_case(*rng.choice(answers), rng)
            for _ in range(requests)]


# -- running ---------------------------------------------------------------------------------

@contextmanager
def ckg_serve(store: Path, log: Path):
    """``ckg serve`` on a free loopback port as a subprocess, its stderr in ``log``; yields the port.
    The process is stopped however the block ends."""
    port = free_port()
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, str(ROOT / "build_graph.py"), "--store", str(store), "serve",
                                 "--host", "127.0.0.1", "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        try:
            wait_http(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D")
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}; ckg serve said: {log.read_text(errors='replace')[-2000:]}") from None
        yield port
    finally:
        _stop(proc)


def _verdict(case: Case, status: int, body: bytes) -> str | None:
    """What was wrong with the answer, or None."""
    if status != case.status:
        return f"{case.label}: status {status}, expected {case.status}: {body[:120]!r}"
    if case.well_formed:
        try:
            got = _canonical_remote(body, case.fmt)
        except (ValueError, KeyError) as exc:
            return f"{case.label}: unreadable {case.fmt} answer ({exc})"
        if got != case.rows:
            return f"{case.label}: rows differ from the local store's"
    return None


def _client(port: int, cases: list[Case], todo: queue.SimpleQueue, outcomes: list, start: threading.Barrier) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start.wait()
    try:
        while True:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            case = cases[i]
            t = time.perf_counter()
            try:
                conn.request(case.method, case.path, body=case.body, headers=case.headers)
                response = conn.getresponse()
                status, body = response.status, response.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()  # the next request opens a new connection
                outcomes[i] = (f"{type(exc).__name__}", (time.perf_counter() - t) * 1000,
                               f"{case.label}: {type(exc).__name__}: {exc}")
                continue
            outcomes[i] = (str(status), (time.perf_counter() - t) * 1000, _verdict(case, status, body))
    finally:
        conn.close()


def percentiles(values: list[float]) -> dict[str, float]:
    """Nearest-rank p50, p90, p95, p99 and the maximum of ``values``."""
    s = sorted(values)
    if not s:
        return {k: 0.0 for k in ("p50", "p90", "p95", "p99", "max")}
    rank = lambda p: s[min(len(s) - 1, max(0, -(-p * len(s) // 100) - 1))]  # noqa: E731
    return {"p50": rank(50), "p90": rank(90), "p95": rank(95), "p99": rank(99), "max": s[-1]}


def run_load(store: str | Path, requests: int = 5000, clients: int = 200, seed: int = 7) -> LoadReport:
    """Start ``ckg serve`` on ``store``, send it ``requests`` requests from ``clients`` threads, check them."""
    store = Path(store)
    cases = plan(Store(store), requests, seed)
    outcomes: list = [None] * requests
    todo: queue.SimpleQueue = queue.SimpleQueue()
    for i in range(requests):
        todo.put(i)
    start = threading.Barrier(clients + 1)
    with tempfile.TemporaryDirectory(prefix="ckg-load-") as tmp:
        log = Path(tmp) / "serve.log"
        with ckg_serve(store, log) as port:
            threads = [threading.Thread(target=_client, args=(port, cases, todo, outcomes, start), daemon=True)
                       for _ in range(clients)]
            for t in threads:
                t.start()
            start.wait()
            t0 = time.perf_counter()
            for t in threads:
                t.join()
            seconds = time.perf_counter() - t0
        tracebacks = log.read_text(errors="replace").count("Traceback (most recent call last)")
    statuses: dict[str, Counter] = {}
    latency: dict[str, list[float]] = {"well-formed": [], "malformed": []}
    wrong, server_errors = [], 0
    for case, (status, ms, problem) in zip(cases, outcomes):
        kind = "well-formed" if case.well_formed else "malformed"
        statuses.setdefault(status, Counter())[kind] += 1
        latency[kind].append(ms)
        server_errors += status.startswith("5")
        if problem:
            wrong.append(problem)
    return LoadReport(requests, clients, round(seconds, 3), round(requests / seconds, 1),
                      {s: dict(statuses[s]) for s in sorted(statuses)}, len(wrong), server_errors,
                      {k: {p: round(v, 1) for p, v in percentiles(ms).items()} for k, ms in latency.items()},
                      wrong[:10], tracebacks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, help="store to serve (built from the bundled corpus if missing)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ckg-load-store-") as tmp:
        store = args.store or Path(tmp) / "store"
        if not Store(store).exists:
            graph.build(store=store)
        report = run_load(store, args.requests, args.clients, args.seed)
    print(report.table())
    if args.json:
        args.json.write_text(json.dumps({**asdict(report), "passed": report.passed}, indent=1) + "\n", encoding="utf-8")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
