"""The benchmark of issue 6 in one command: ingest, linearity, add, queries, rdflib, export, page.

    python bench/run.py                  # full scale: 10^3 and 10^4 documents, stores of 10^5 and 10^6 triples
    python bench/run.py --quick          # every section at a small scale, in well under a minute
    python bench/run.py --check          # exit status 1 when a target is missed (full scale only)

The corpus comes from ``bench/generate.py`` (deterministic for a seed). Every ``ckg`` command is
timed as a separate process, with the peak resident memory of its whole process tree (workers
included) sampled from /proc. Queries, the view and the page run in this process on a store
opened read-only once, so process start-up is not in their times. A table per section goes to
standard output, every figure to ``--json`` (default ``bench/results/latest.json``).
"""
from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

from generate import generate  # noqa: E402
from graph.store import Store  # noqa: E402
from graph.errors import QueryTimeoutError  # noqa: E402
from queries import PREFIXES, CannedQuery, Result, canned, remote_text, run_local  # noqa: E402

MIB = 1024 * 1024
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")

FULL = dict(sizes=[1000, 10000], triples=1_000_000, runs=20, budget=60.0, query_cap=120.0,
            rdflib_runs=3, rdflib_cap=120.0, adds=5, page_runs=3)
QUICK = dict(sizes=[50, 100], triples=20_000, runs=5, budget=2.0, query_cap=0.0,
             rdflib_runs=2, rdflib_cap=20.0, adds=2, page_runs=1)

# The targets of issue 6.
DOCS_PER_S = 300
LINEARITY = 0.20
RSS_MIB = 1.5 * 1024
NARROW_MS = 100
ROWS_PER_S = 100_000
ROWS_PER_S_MIN_ROWS = 1000  # below this many rows, rows/s says nothing about throughput
RDFLIB_RATIO = 20
ADD_S = 1.0
PAGE_S = 3.0


# --------------------------------------------------------------------------- processes and timing


@dataclass
class Run:
    """A finished command: wall time, peak RSS, output.

    ``peak_rss`` is the largest sum of the resident memory of the process tree (the command and its
    workers) seen while sampling; ``peak_rss_process`` the peak of its largest single process: the
    high-water mark the kernel keeps for each (``VmHWM``, so a peak between two samples counts), and
    ``ru_maxrss`` from ``wait4`` when that is above this process's own peak. A child's ``ru_maxrss``
    starts from its parent's memory (it is forked from it, and exec keeps the larger figure), so
    once the benchmark had held a store in memory it said 714 MiB for an export that peaks at 102.
    """

    seconds: float
    peak_rss: int
    peak_rss_process: int
    stdout: str
    stderr: str
    returncode: int
    cpu_seconds: float = 0.0  # user + system time of the command and the workers it waited for


def _process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])  # the name in (...) may hold spaces
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0


def _hwm(pid: int) -> int:
    """The peak resident memory of process ``pid`` so far (``VmHWM``), in bytes."""
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read()
    except OSError:
        return b""


def run_measured(cmd: list[str], interval: float = 0.05) -> Run:
    """Run ``cmd``, sampling the resident memory of its process tree every ``interval`` seconds.

    A thread waits for the process (``wait4``), so the end time is exact, not rounded to a sample.
    """
    expected = b"\0".join(os.fsencode(str(c)) for c in cmd) + b"\0"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        own = _hwm(os.getpid())  # a child's ru_maxrss can start at this process's peak so far
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        ended: dict[str, Any] = {}
        done = threading.Event()

        def reap() -> None:
            _, status, usage = os.wait4(proc.pid, 0)
            ended.update(at=time.perf_counter(), status=status, usage=usage)
            done.set()

        threading.Thread(target=reap, daemon=True).start()
        peak, hwm, sample, tree, started = 0, 0, 0, [proc.pid], False
        while not done.is_set():
            started = started or _cmdline(proc.pid) == expected  # before its exec, the child is this process
            if started:
                if sample % 4 == 0:  # workers appear rarely; a /proc scan takes CPU the command needs
                    tree = _process_tree(proc.pid)
                peak = max(peak, sum(_rss(pid) for pid in tree))
                hwm = max([hwm] + [_hwm(pid) for pid in tree])
                sample += 1
            done.wait(interval)
        proc.returncode = os.waitstatus_to_exitcode(ended["status"])
        ru_maxrss = ended["usage"].ru_maxrss * 1024
        largest = max(hwm, ru_maxrss if ru_maxrss > own else 0)
        out.seek(0)
        err.seek(0)
        usage = ended["usage"]
        return Run(ended["at"] - start, max(peak, largest), largest, out.read().decode("utf-8", "replace"),
                   err.read().decode("utf-8", "replace"), proc.returncode, usage.ru_utime + usage.ru_stime)


def ckg(store: Path, *args: Any) -> Run:
    """Run ``ckg --store STORE ARGS...`` as its own process; a failure stops the benchmark."""
    cmd = [sys.executable, str(ROOT / "build_graph.py"), "--store", str(store), *map(str, args)]
    run = run_measured(cmd)
    if run.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd[2:])} failed (exit {run.returncode}): {run.stderr.strip()[-800:]}")
    return run


def percentile(samples: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``samples``, interpolated between the nearest ranks."""
    s = sorted(samples)
    pos = q * (len(s) - 1)
    lo = int(pos)
    return s[lo] + (s[min(lo + 1, len(s) - 1)] - s[lo]) * (pos - lo)


def judge(fig: dict, what: str, key: str, ok: bool, target: str) -> None:
    """Mark ``fig[key]`` against a target of issue 6 (``what`` names it in the summary)."""
    fig.update(what=what, judged=key, target=target, ok=bool(ok))


def measure(fn: Callable[[], Any], runs: int, budget: float = float("inf"), warmup: bool = True) -> tuple[dict, Any]:
    """Time ``fn``: one warm-up call, then up to ``runs`` calls while ``budget`` seconds last.

    A warm-up that alone takes longer than ``budget`` is the only sample (``warm`` is then false).
    Returns ``({p50_ms, p95_ms, runs, warm}, last result)``.
    """
    samples: list[float] = []

    def once() -> Any:
        t = time.perf_counter()
        res = fn()
        samples.append(time.perf_counter() - t)
        return res

    result = once()
    warm = warmup and samples[0] < budget
    if warm:
        samples.clear()
    while len(samples) < runs and (not samples or sum(samples) < budget):
        result = once()
    return {"p50_ms": 1000 * statistics.median(samples), "p95_ms": 1000 * percentile(samples, 0.95),
            "runs": len(samples), "warm": warm}, result


# --------------------------------------------------------------------------- corpus and stores


def _manifest_rows(d: Path) -> list[list[str]]:
    try:
        with open(d / "manifest.csv", newline="", encoding="utf-8") as fh:
            return list(csv.reader(fh))[1:]
    except OSError:
        return []


def corpus(base: Path, docs: int, seed: int) -> Path:
    """The generated corpus of ``docs`` documents, made once under ``base`` and reused after."""
    out = base / f"gen-{docs}-seed{seed}"
    if len(_manifest_rows(out)) != docs:
        shutil.rmtree(out, ignore_errors=True)
        generate(out, docs, seed)
    return out


def new_documents(base: Path, count: int, seed: int) -> list[Path]:
    """``count`` documents no store holds: another seed, and files named ``new*`` (an identifier is the file name)."""
    out = base / f"new-{count}-seed{seed}"
    rows = _manifest_rows(out)
    if len(rows) != count or not all((out / r[0]).is_file() for r in rows):
        shutil.rmtree(out, ignore_errors=True)
        generate(out, count, seed)
        rows = _manifest_rows(out)
        for r in rows:
            new = "new" + r[0].removeprefix("gen")
            (out / r[0]).rename(out / new)
            r[0] = new
        with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([["file", "published", "title", "source"], *rows])
    return [out / r[0] for r in rows]


def input_bytes(corpus_dir: Path) -> int:
    return sum(p.stat().st_size for p in corpus_dir.glob("*.txt"))


def disk_usage(path: Path) -> int:
    """Bytes on disk under ``path`` (allocated blocks; links not followed)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            st = os.lstat(os.path.join(dirpath, name))
            total += st.st_blocks * 512
    return total


def count_quads(store: Path) -> int:
    return len(Store(store).reader())


def build(corpus_dir: Path, store: Path, jobs: int, role: str) -> dict:
    """``ckg build CORPUS --jobs N`` into a fresh ``store``, with its rates, memory and size."""
    shutil.rmtree(store, ignore_errors=True)
    run = ckg(store, "build", corpus_dir, "--jobs", jobs, "--no-progress")
    docs = len(_manifest_rows(corpus_dir))
    triples = count_quads(store)
    size = input_bytes(corpus_dir)
    reported = re.search(r"\(([\d,]+) in the store\)", run.stdout)
    return {
        "role": role, "docs": docs, "jobs": jobs, "seconds": run.seconds,
        "docs_per_s": docs / run.seconds, "input_mb": size / 1e6, "mb_per_s": size / 1e6 / run.seconds,
        "triples": triples, "triples_per_s": triples / run.seconds,
        "ckg_reported_triples": int(reported.group(1).replace(",", "")) if reported else None,
        "peak_rss_mib": run.peak_rss / MIB, "peak_rss_process_mib": run.peak_rss_process / MIB,
        "store_mib": disk_usage(store) / MIB, "ms_per_doc": 1000 * run.seconds / docs,
        "cpu_s": run.cpu_seconds, "cpu_ms_per_doc": 1000 * run.cpu_seconds / docs,
    }


# --------------------------------------------------------------------------- sections


def bench_ingest(base: Path, work: Path, sizes: list[int], seed: int) -> list[dict]:
    """Build each size with --jobs 1 and --jobs 2. The stores are removed after measuring, except
    the largest (``work/store-largest``), whose view is big enough for the page section."""
    rows = []
    for docs in sizes:
        src = corpus(base, docs, seed)
        for jobs in (1, 2):
            store = work / f"store-{docs}-j{jobs}"
            rows.append(build(src, store, jobs, "size"))
            if docs == max(sizes) and jobs == 2:
                store.rename(work / "store-largest")
            else:
                shutil.rmtree(store, ignore_errors=True)
    return rows


def judge_ingest(ingest: list[dict]) -> None:
    """Docs/s of the largest --jobs 2 build, peak RSS of the build of the big store."""
    largest = max((x for x in ingest if x["role"] == "size" and x["jobs"] == 2), key=lambda x: x["docs"])
    judge(largest, f"ingest: docs/s, {largest['docs']:,} docs, --jobs 2", "docs_per_s",
          largest["docs_per_s"] >= DOCS_PER_S, f">= {DOCS_PER_S} docs/s")
    big = next(x for x in ingest if x["role"] == "big")
    judge(big, f"ingest: peak RSS building {big['triples']:,} triples", "peak_rss_mib",
          big["peak_rss_mib"] <= RSS_MIB, f"RSS <= {RSS_MIB:.0f} MiB")


def linearity(ingest: list[dict], sizes: list[int]) -> list[dict]:
    """Per-document build time at the smallest and largest size, and their ratio, for each --jobs."""
    out = []
    for jobs in (1, 2):
        by_size = {r["docs"]: r for r in ingest if r["role"] == "size" and r["jobs"] == jobs}
        small, large = by_size[min(sizes)], by_size[max(sizes)]
        ratio = large["ms_per_doc"] / small["ms_per_doc"]
        fig = {"jobs": jobs, "small_docs": small["docs"], "large_docs": large["docs"],
               "small_ms_per_doc": small["ms_per_doc"], "large_ms_per_doc": large["ms_per_doc"], "ratio": ratio,
               "cpu_ratio": large["cpu_ms_per_doc"] / small["cpu_ms_per_doc"]}
        judge(fig, f"linearity: ms/doc ratio, --jobs {jobs}", "ratio", abs(ratio - 1) <= LINEARITY,
              f"1 ± {LINEARITY:.2f}")
        out.append(fig)
    return out


def docs_for(triples: int, ingest: list[dict]) -> int:
    """Documents that give about ``triples``, from a straight line through the two sizes' triple counts;
    ten at least, so that the generated reports hold a row of every canned query (about one report in
    three tells an attack: five reports of seed 1 told none once the lexicon gained cities)."""
    pts = sorted({(r["docs"], r["triples"]) for r in ingest if r["role"] == "size"})
    (n0, t0), (n1, t1) = pts[0], pts[-1]
    per_doc = (t1 - t0) / (n1 - n0)
    return max(10, round(n0 + (triples - t0) / per_doc))


def bench_add(store: Path, docs: list[Path], adds: int) -> dict:
    """``ckg add`` of one new document at a time (process wall time), then graph.add in this process.

    The in-process calls follow one untimed warm-up add (lexicon and pipeline loaded), so they are
    the steady-state cost of an add; the process figure is what a user waits for on the command line.
    """
    import graph

    before = count_quads(store)
    cli, inproc, rss = [], [], []
    for doc in docs[:adds]:
        run = ckg(store, "add", doc, "--no-progress")
        added = re.search(r"Added: (\d+) documents", run.stdout)
        _expect_one_added(int(added.group(1)) if added else 0, doc)
        cli.append(run.seconds)
        rss.append(run.peak_rss / MIB)
    for i, doc in enumerate(docs[adds:2 * adds + 1]):
        t = time.perf_counter()
        summary = graph.add([doc], store=store)
        if i:
            inproc.append(time.perf_counter() - t)
        _expect_one_added(summary.documents, doc)
    fig = {
        "store_triples": before, "documents": len(cli),
        "cli_p50_s": statistics.median(cli), "cli_max_s": max(cli), "cli_runs_s": cli,
        "cli_peak_rss_mib": max(rss),
        "in_process_p50_s": statistics.median(inproc), "in_process_runs_s": inproc,
    }
    judge(fig, "add: ckg add process wall time (p50)", "cli_p50_s", fig["cli_p50_s"] <= ADD_S, f"<= {ADD_S:g} s")
    return fig


def _expect_one_added(added: int, doc: Path) -> None:
    if added != 1:
        raise SystemExit(f"bench: adding {doc} added {added} documents, not one")


class _Opened:
    """Stands in for :class:`graph.store.Store`: ``reader()`` gives one database opened read-only once."""

    def __init__(self, db: ox.Store):
        self.db = db

    def reader(self) -> ox.Store:
        return self.db


def limited(q: CannedQuery) -> CannedQuery:
    return replace(q, text=q.text.rstrip() + "\nLIMIT 100")


def narrowed(q: CannedQuery, full: Result | None, fallback: dict[str, str] | None) -> tuple[CannedQuery, dict, str]:
    """The narrow variant of ``q``: ``LIMIT 100`` for a query without parameters; else each parameter
    bound to its most frequent value in the full listing (the busiest document or meeting), or to
    ``fallback`` (the value chosen on a smaller store of the same corpus) when the listing ran past its cap."""
    if not q.params:
        return limited(q), {}, "LIMIT 100"
    if full is None:
        if not fallback:
            raise SystemExit(f"bench: the full listing of {q.name} ran past its cap and no value was chosen before")
        params = dict(fallback)
    else:
        params = {}
        for p in q.params:
            counts = Counter(b[p.name]["value"] for b in full.bindings if p.name in b)
            if not counts:
                # a small store whose documents happen to hold no such row (no attack in five generated
                # reports): the listing is cut to 100 rows instead, and the table says why
                return limited(q), {}, f"LIMIT 100 (no {p.name} in this store to narrow it by)"
            params[p.name] = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    by = "param " + ", ".join(f"{k}={v.rsplit('/', 1)[-1]}" for k, v in params.items())
    return q, params, by + (" (chosen on the small store)" if full is None else "")


def time_query(q: CannedQuery, params: dict[str, str], store: Path, db: ox.Store, runs: int, budget: float,
               cap: float | None) -> tuple[dict, Result | None]:
    """Time ``q`` in this process on ``db`` (see :func:`measure`), with its rows and rows/s.

    With ``cap``, the query first runs once in a child process (``run_local``'s time limit): if that
    takes longer than ``cap`` seconds it is stopped and the query is reported as capped, not timed here.
    """
    if cap:
        try:
            run_local(q, Store(store), params, timeout=cap, keep=False)
        except QueryTimeoutError:
            return {"p50_ms": None, "p95_ms": None, "runs": 0, "rows": None, "rows_per_s": None, "capped_s": cap}, None
    fig, res = measure(lambda: run_local(q, _Opened(db), params), runs, budget)
    fig["rows"] = len(res.bindings)
    fig["rows_per_s"] = fig["rows"] / (fig["p50_ms"] / 1000)
    return fig, res


def time_kept(q: CannedQuery, st: Store, runs: int, budget: float, expected: Result | None) -> dict:
    """Time the full listing of ``q`` as ``ckg query`` gets it on the store on disk: the first run
    (evaluated, then its answer kept), and the p50 of the runs after it (read back from what was kept).
    The answer read back must be the one the engine gave (``expected``)."""
    t = time.perf_counter()
    first = run_local(q, st)
    first_ms = 1000 * (time.perf_counter() - t)
    fig, res = measure(lambda: run_local(q, st), runs, budget, warmup=False)
    if expected is not None and (res.vars != expected.vars or res.bindings != expected.bindings
                                 or first.bindings != expected.bindings):
        raise SystemExit(f"bench: the kept answer of {q.name} differs from the engine's")
    fig.update(first_ms=first_ms, rows=len(res.bindings), rows_per_s=len(res.bindings) / (fig["p50_ms"] / 1000))
    return fig


def bench_queries(store: Path, runs: int, budget: float, cap: float | None, judged: bool,
                  fallback: dict | None = None, in_memory: bool = False) -> dict:
    """The canned queries, full listing and narrowed, on ``store`` opened read-only once in this process,
    or with ``in_memory`` on the copy in memory that ``ckg serve --in-memory`` answers from.

    With ``judged``, the narrow p50 (on disk, what ``ckg query`` runs on) and the rows/s of full
    listings (in memory, the serving mode for heavy querying) are held to their targets; a capped
    query misses them (``cap`` is for the store on disk: its run in a child process opens it there).
    ``fallback`` holds the parameters chosen on another store, by query.
    """
    st = Store(store, in_memory=in_memory)
    if in_memory:
        t = time.perf_counter()
        db = st.reader()
        open_stats = {"p50_ms": 1000 * (time.perf_counter() - t)}
    else:
        open_stats, db = measure(st.reader, 5)
    out: dict[str, Any] = {"triples": len(db), "store_open_ms": open_stats["p50_ms"], "in_memory": in_memory,
                           "queries": {}}
    if not in_memory:
        st.forget_answers()  # every listing's first run evaluates
    for name, q in canned().items():
        full, res = time_query(q, {}, store, db, runs, budget, cap)
        nq, params, by = narrowed(q, res, (fallback or {}).get(name, {}).get("narrow", {}).get("params"))
        narrow, _ = time_query(nq, params, store, db, runs, budget, cap)
        narrow.update(by=by, params=params)
        out["queries"][name] = {"full": full, "narrow": narrow}
        if in_memory:
            continue
        if judged:
            judge(narrow, f"queries: {name} ({by}) p50 ms", "p50_ms",
                  narrow["p50_ms"] is not None and narrow["p50_ms"] <= NARROW_MS, f"p50 <= {NARROW_MS} ms")
        if res is None:  # past its cap: not evaluated again
            continue
        kept = out["queries"][name]["kept"] = time_kept(q, st, runs, budget, res)
        if judged and kept["rows"] >= ROWS_PER_S_MIN_ROWS:
            judge(kept, f"queries: {name} full listing rows/s (kept answer)", "rows_per_s",
                  kept["rows_per_s"] >= ROWS_PER_S, f">= {ROWS_PER_S:,} rows/s")
    ref, _ = time_query(REFERENCE_JOIN, {}, store, db, runs, budget, None if in_memory else cap)
    out["reference_join"] = ref
    del db
    return out


# What the engine does per row with none of a listing's work: the join under partners-at-meeting
# (participation, meeting, partner, role, document identifier) without labels, the most precise
# date, or one row per (meeting, partner, role) with its documents gathered. Not a contract query:
# it says how far from the rows/s target the engine itself is on this machine.
REFERENCE_JOIN = CannedQuery(name="reference join", text="""SELECT ?meeting ?partner ?r ?d WHERE {
  ?pp a ckg:Participation ; ckg:meeting ?meeting ; ckg:participant ?partner ; ckg:role ?r ;
      ckg:document/dcterms:identifier ?d .
}""")


# -- rdflib, in its own interpreter so that a query past its cap can be killed


def _rdflib_serve(nq: str, conn) -> None:
    """The rdflib worker: load ``nq`` into an in-memory Dataset, then time the queries it is sent."""
    t = time.perf_counter()
    ds = rdflib.Dataset()
    ds.parse(nq, format="nquads")
    ds.default_union = True  # like Oxigraph's use_default_graph_as_union
    conn.send((time.perf_counter() - t, len(ds)))
    while True:
        try:
            text, runs = conn.recv()
        except EOFError:
            return
        for _ in range(runs):
            try:
                t = time.perf_counter()
                rows = len(list(ds.query(text, initNs=PREFIXES)))
                conn.send(("ok", time.perf_counter() - t, rows))
            except Exception as exc:  # report rdflib's failure in the table, go on with the next query
                conn.send(("error", f"{type(exc).__name__}: {exc}"[:200], 0))
                break


class RdflibWorker:
    """A spawned interpreter holding the rdflib Dataset (spawned, because forking a process that runs
    Oxigraph's threads is unsafe)."""

    def __init__(self, nq: Path):
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_rdflib_serve, args=(str(nq), child), daemon=True)
        self.proc.start()
        child.close()
        self.load_seconds, self.triples = self.conn.recv()

    def run(self, q: CannedQuery, params: dict[str, str], runs: int, cap: float) -> dict:
        """Time ``q`` ``runs`` times (no warm-up); a run past ``cap`` seconds kills the worker."""
        self.conn.send((remote_text(q, params), runs))  # the parameters as VALUES blocks, as Oxigraph gets them
        samples, rows = [], 0
        for _ in range(runs):
            if not self.conn.poll(cap):
                self.close()
                return {"p50_ms": None, "capped_s": cap, "runs": len(samples), "rows": None}
            try:
                status, seconds, rows = self.conn.recv()
            except EOFError:
                status, seconds = "error", f"the rdflib process died (exit {self.proc.exitcode})"
            if status == "error":
                return {"p50_ms": None, "error": seconds, "runs": len(samples), "rows": None}
            samples.append(seconds)
        return {"p50_ms": 1000 * statistics.median(samples), "runs": len(samples), "rows": rows}

    @property
    def alive(self) -> bool:
        return self.proc.is_alive()

    def close(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.conn.close()


def _engine_rows(db: ox.Store, text: str) -> int:
    """What the rdflib worker does with rdflib's answer, done with Oxigraph's: the rows read to the
    end as the engine's own Python objects."""
    return len(list(db.query(text, use_default_graph_as_union=True)))


def bench_rdflib(store: Path, work: Path, ox_queries: dict, ox_disk: dict, runs: int, cap: float,
                 ox_runs: int, budget: float) -> dict:
    """The same canned queries (same text, same bindings) on rdflib's in-memory Dataset, loaded from
    ``ckg export --format nq`` of ``store``.

    The ratio held to the target is engine against engine: Oxigraph holding ``store`` in memory and
    rdflib each evaluate the same text and give their rows as their own Python objects, read to the
    end. The ratios to what ``ckg query`` does (``ox_queries``, in memory: the engine, then its answer
    written as W3C JSON and read into dicts; ``ox_disk``, the same on the store on disk) are shown
    beside it: rdflib's side is never turned into that JSON.
    """
    nq = work / "small.nq"
    export = ckg(store, "export", "--format", "nq", "--out", nq)
    db = Store(store, in_memory=True).reader()
    worker = RdflibWorker(nq)
    out: dict[str, Any] = {"nq_export_s": export.seconds, "nq_mib": nq.stat().st_size / MIB,
                           "load_s": worker.load_seconds, "triples": worker.triples, "runs": runs, "cap_s": cap,
                           "queries": {}}
    for name, q in canned().items():
        out["queries"][name] = {}
        for variant, ox_fig in ox_queries["queries"][name].items():
            if not worker.alive:
                worker = RdflibWorker(nq)
            params = ox_fig.get("params") or {}
            vq = limited(q) if variant == "narrow" and not params else q
            text = remote_text(vq, params)  # what the rdflib worker is sent
            fig = worker.run(vq, params, runs, cap)
            engine, engine_rows = measure(lambda: _engine_rows(db, text), ox_runs, budget)
            ox_ms = engine["p50_ms"]
            fig["oxigraph_p50_ms"] = ox_ms
            fig["oxigraph_rows"] = engine_rows
            fig["oxigraph_ckg_p50_ms"] = ckg_ms = ox_fig["p50_ms"]
            fig["oxigraph_ckg_rows"] = ox_fig["rows"]
            disk_ms = ox_disk["queries"][name][variant]["p50_ms"]
            fig["oxigraph_disk_p50_ms"] = disk_ms
            if fig["p50_ms"] is not None:
                fig["ratio"] = fig["p50_ms"] / ox_ms
                if ckg_ms:
                    fig["ratio_ckg"] = fig["p50_ms"] / ckg_ms
                if disk_ms:
                    fig["ratio_disk"] = fig["p50_ms"] / disk_ms
            elif "capped_s" in fig:
                fig["ratio_at_least"] = 1000 * cap / ox_ms
            fig["ratio_shown"] = fig.get("ratio") or fig.get("ratio_at_least") or 0.0
            judge(fig, f"rdflib: {name} {variant}, rdflib/oxigraph engine in memory", "ratio_shown",
                  fig["ratio_shown"] >= RDFLIB_RATIO, f">= {RDFLIB_RATIO}x")
            out["queries"][name][variant] = fig
    worker.close()
    del db
    nq.unlink()
    return out


def bench_export(store: Path, work: Path) -> dict:
    """``ckg export --format turtle`` and ``--format trig`` of ``store``: time, size, memory."""
    out = {}
    for fmt in ("turtle", "trig"):
        path = work / f"export.{fmt}"
        run = ckg(store, "export", "--format", fmt, "--out", path)
        size = path.stat().st_size
        out[fmt] = {"seconds": run.seconds, "mib": size / MIB, "mb_per_s": size / 1e6 / run.seconds,
                    "peak_rss_mib": run.peak_rss / MIB}
        path.unlink()
    return out


def bench_page(store: Path, work: Path, max_nodes: int, runs: int, view_name: str = "partner-meeting") -> dict:
    """The ``view_name`` view of ``store`` as a page of up to ``max_nodes`` nodes: in this process
    (view, then page), and as ``ckg viz`` end to end."""
    from viz.pages import write_page
    from viz.views import view

    st = Store(store)
    triples = len(st.reader())
    # A view's rows are kept in the store after its first build (like a canned listing's): each is
    # timed first (evaluated and kept), then again (read back).
    st.forget_answers()
    t = time.perf_counter()
    first = view(view_name, st)
    view_first_s = time.perf_counter() - t
    view_stats, g = measure(lambda: view(view_name, st), runs, warmup=False)
    if list(g.edges(data=True)) != list(first.edges(data=True)):
        raise SystemExit(f"bench: the {view_name} view built from kept rows differs from the first")
    path = work / "page.html"
    page_stats, info = measure(lambda: write_page(g, path, title=f"ckg bench: {view_name}", max_nodes=max_nodes),
                               runs, warmup=False)
    st.forget_answers()
    cli_first = ckg(store, "viz", view_name, "--max-nodes", max_nodes, "--out", work / "page-cli.html")
    cli = ckg(store, "viz", view_name, "--max-nodes", max_nodes, "--out", work / "page-cli.html")
    out = {"view": view_name, "store_triples": triples, "max_nodes": max_nodes, "nodes": info.nodes, "edges": info.edges,
           "shown_nodes": info.shown_nodes, "physics": info.physics, "page_mib": info.bytes / MIB,
           "view_first_s": view_first_s, "view_s": view_stats["p50_ms"] / 1000, "page_s": page_stats["p50_ms"] / 1000,
           "runs": runs, "cli_first_s": cli_first.seconds, "cli_s": cli.seconds, "cli_peak_rss_mib": cli.peak_rss / MIB}
    judge(out, f"page: {info.shown_nodes:,}-node page, write_page s", "page_s", out["page_s"] <= PAGE_S,
          f"<= {PAGE_S:g} s")
    path.unlink()
    (work / "page-cli.html").unlink()
    return out


def machine() -> dict:
    """CPU, cores, memory, load and versions."""
    def first(path: str, key: str) -> str:
        try:
            with open(path, encoding="utf-8") as fh:
                return next((line.split(":", 1)[1].strip() for line in fh if line.startswith(key)), "?")
        except OSError:
            return "?"

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "cpu": first("/proc/cpuinfo", "model name"), "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "ram_gib": int(mem_kb) / 1024 / 1024 if mem_kb.isdigit() else None,
        "load_average": os.getloadavg(), "python": platform.python_version(), "platform": platform.platform(),
        "pyoxigraph": ox.__version__, "rdflib": rdflib.__version__,
    }


# --------------------------------------------------------------------------- targets and the table


def targets(node: Any) -> list[dict]:
    """Every figure :func:`judge` marked, wherever it sits in the results."""
    found = []
    if isinstance(node, dict):
        if "ok" in node:
            found.append({"what": node["what"], "value": node[node["judged"]], "target": node["target"],
                          "ok": node["ok"]})
        children = node.values()
    else:
        children = node if isinstance(node, list) else []
    for child in children:
        found.extend(targets(child))
    return found


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table, columns padded."""
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"

    return "\n".join([line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, cells[1:])])


def verdict(fig: dict) -> list[str]:
    """The target and pass/FAIL columns of a figure (empty when no target applies)."""
    if "ok" not in fig:
        return ["", ""]
    return [fig["target"], "pass" if fig["ok"] else "FAIL"]


def num(x: float | None, digits: int = 0) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def ms(x: float | None) -> str:
    return num(x, 1 if x is not None and x < 100 else 0)


def timing(fig: dict, key: str = "p50_ms") -> str:
    """Milliseconds, or what stopped the measurement."""
    if fig.get(key) is not None:
        return ms(fig[key])
    if "capped_s" in fig:
        return f"> {fig['capped_s']:g} s"
    return f"error: {fig['error']}" if "error" in fig else "–"


def _ingest_section(r: dict) -> list[str]:
    rows = [[x["role"], num(x["docs"]), x["jobs"], num(x["seconds"], 2), num(x.get("cpu_s"), 1),
             num(x["docs_per_s"], 1), num(x["mb_per_s"], 2),
             num(x["triples"]), num(x["triples_per_s"]), num(x["peak_rss_mib"]), num(x["peak_rss_process_mib"]),
             num(x["store_mib"]), *verdict(x)] for x in r["ingest"]]
    return ["## Ingest: ckg build CORPUS --jobs N (process wall time; CPU time, user + system, of the process "
            "and its workers; peak RSS summed over the process tree, sampled every 50 ms, and the exact peak of "
            "its largest process)",
            table(["build", "docs", "jobs", "s", "CPU s", "docs/s", "MB/s in", "triples", "triples/s", "peak RSS MiB",
                   "largest process MiB", "store MiB", "target", "ok"], rows),
            "Triples: quads counted in the store. ckg's own summary line said "
            + ", ".join(num(x["ckg_reported_triples"]) for x in r["ingest"]) + " for these builds. "
            + same_graph(r["ingest"])]


def same_graph(ingest: list[dict]) -> str:
    """Whether each corpus gave as many triples with --jobs 1 as with --jobs 2."""
    counts: dict[int, set] = {}
    for x in ingest:
        if x["role"] == "size":
            counts.setdefault(x["docs"], set()).add(x["triples"])
    differ = [docs for docs, t in counts.items() if len(t) > 1]
    if differ:
        return f"WARNING: --jobs 1 and --jobs 2 gave different triple counts for {differ} documents."
    return "--jobs 1 and --jobs 2 gave the same triple counts."


def _linearity_section(r: dict) -> list[str]:
    rows = [[x["jobs"], num(x["small_docs"]), num(x["small_ms_per_doc"], 2), num(x["large_docs"]),
             num(x["large_ms_per_doc"], 2), num(x["ratio"], 3), num(x.get("cpu_ratio"), 3), *verdict(x)]
            for x in r["linearity"]]
    return ["## Linearity: build time per document at two sizes (the target is on wall time; the CPU time "
            "ratio shows whether the work per document grew or the processes waited)",
            table(["jobs", "docs", "ms/doc", "docs", "ms/doc", "ratio", "CPU ratio", "target", "ok"], rows)]


def _add_section(r: dict) -> list[str]:
    a = r["add"]
    return [f"## Add: one new document into the store of {num(a['store_triples'])} triples",
            table(["measure", "value", "target", "ok"], [
                [f"ckg add, process wall time, p50 of {a['documents']} documents (max {num(a['cli_max_s'], 2)} s)",
                 f"{num(a['cli_p50_s'], 3)} s", *verdict(a)],
                [f"graph.add in this process after a warm-up add, p50 of {len(a['in_process_runs_s'])}",
                 f"{num(a['in_process_p50_s'], 3)} s", "", ""],
                ["ckg add peak RSS (process tree)", f"{num(a['cli_peak_rss_mib'])} MiB", "", ""]])]


def _queries_section(r: dict) -> list[str]:
    small, big = r["queries"]["small"], r["queries"]["big"]
    mem = r["queries"].get("big_memory")
    rows = []
    for name in big["queries"]:
        for variant in ("narrow", "full"):
            s, b = small["queries"][name][variant], big["queries"][name][variant]
            m = mem["queries"][name][variant] if mem else {}
            k = big["queries"][name].get("kept", {}) if variant == "full" else {}
            judged = next((x for x in (k, m) if "ok" in x), b)  # results written before kept answers: in memory
            rows.append([name, b["by"] if variant == "narrow" else "full listing", timing(s), timing(s, "p95_ms"),
                         num(s["rows"]), timing(b), timing(b, "p95_ms"), num(b["rows"]),
                         num(b["rows_per_s"]) if variant == "full" else "", timing(m) if m else "–",
                         num(m.get("rows_per_s")) if variant == "full" and m else "",
                         ms(k["first_ms"]) if k else "", timing(k) if k else "", num(k.get("rows_per_s")) if k else "",
                         b["runs"], *verdict(judged)])
    loaded = f"; the copy in memory (ckg serve --in-memory) took {num(mem['store_open_ms'] / 1000, 1)} s to load" if mem else ""
    return [f"## Queries: ms in this process on a store opened read-only once (no process start-up; opening it "
            f"takes {ms(big['store_open_ms'])} ms){loaded}; small = {num(small['triples'])}, big = "
            f"{num(big['triples'])} triples; narrow = parameter bound to its busiest value, or LIMIT 100; "
            "kept = the full listing as ckg query gets it on the store on disk: its first run is evaluated and "
            "its answer kept in the store, later runs read that back until the store changes",
            table(["query", "variant", "p50 small", "p95 small", "rows small", "p50 big", "p95 big", "rows big",
                   "rows/s big", "p50 big mem", "rows/s big mem", "first big kept", "p50 big kept",
                   "rows/s big kept", "runs big", "target", "ok"], rows),
            "The target of a narrow query is held on disk (what ckg query runs on). That of a full listing is held "
            f"on its kept answer, and only for listings of at least {ROWS_PER_S_MIN_ROWS:,} rows: the engine's own "
            "rows/s, on disk and in memory, are the columns before it.",
            *_reference_line(big, mem)]


def _reference_line(big: dict, mem: dict | None) -> list[str]:
    """The engine's own pace on the join under partners-at-meeting (older results lack it)."""
    disk, memory = big.get("reference_join"), (mem or {}).get("reference_join")
    if not disk:
        return []
    line = (f"For scale: the bare join under partners-at-meeting (participation, meeting, partner, role, document "
            f"identifier; no labels, dates or grouping) gives {num(disk['rows'])} rows in {ms(disk['p50_ms'])} ms "
            f"on disk ({num(disk['rows_per_s'])} rows/s)")
    if memory:
        line += f" and {ms(memory['p50_ms'])} ms in memory ({num(memory['rows_per_s'])} rows/s)"
    return [line + ": the engine's pace before any of a listing's own work."]


def _rdflib_section(r: dict) -> list[str]:
    rd = r["rdflib"]
    rows = []
    for name, variants in rd["queries"].items():
        for variant, f in variants.items():
            ratio = f"{f['ratio']:,.1f}x" if "ratio" in f else (
                f"> {f['ratio_at_least']:,.1f}x" if "ratio_at_least" in f else "–")
            differ = "" if f["rows"] in (None, f["oxigraph_rows"]) else " (differ)"
            ckg_ratio = f"{f['ratio_ckg']:,.1f}x" if f.get("ratio_ckg") else "–"
            disk = f"{f['ratio_disk']:,.1f}x" if f.get("ratio_disk") else "–"
            rows.append([name, variant, num(f["oxigraph_rows"]), num(f["rows"]) + differ, ms(f["oxigraph_p50_ms"]),
                         ms(f.get("oxigraph_ckg_p50_ms")), ms(f.get("oxigraph_disk_p50_ms")), timing(f), ratio,
                         ckg_ratio, disk, *verdict(f)])
    return [f"## rdflib {r['machine']['rdflib']} Dataset (in memory) vs Oxigraph on the small store "
            f"({num(rd['triples'])} triples in rdflib): p50 ms, rdflib over {rd['runs']} runs without warm-up, "
            f"{rd['cap_s']:g} s cap a run; rdflib parsed the N-Quads ({num(rd['nq_mib'], 1)} MiB) "
            f"in {num(rd['load_s'], 1)} s. The target is held on engine against engine: Oxigraph holding the "
            "store in memory and rdflib evaluate the same text, each giving its rows as its own Python objects "
            "(oxigraph engine). Beside it, what ckg query takes on top of the engine, in memory (ckg mem: the "
            "answer written as W3C JSON and read into dicts, which rdflib's side never does) and on disk",
            table(["query", "variant", "rows oxigraph", "rows rdflib", "oxigraph engine", "oxigraph ckg mem",
                   "oxigraph ckg disk", "rdflib", "ratio engine", "ratio ckg mem", "ratio ckg disk", "target",
                   "ok"], rows)]


def _export_section(r: dict) -> list[str]:
    rows = [[fmt, num(x["seconds"], 2), num(x["mib"], 1), num(x["mb_per_s"], 1), num(x["peak_rss_mib"])]
            for fmt, x in r["export"].items()]
    return [f"## Export: ckg export of the big store ({num(r['queries']['big']['triples'])} triples; process wall "
            "time, one run)", table(["format", "s", "MiB", "MB/s", "peak RSS MiB"], rows)]


def _page_section(r: dict) -> list[str]:
    p = r["page"]
    return [f"## Page: the {p['view']} view of the largest store built ({num(p['store_triples'])} triples; "
            f"{num(p['nodes'])} nodes, {num(p['edges'])} edges), --max-nodes {p['max_nodes']}",
            table(["measure", "value", "target", "ok"], [
                [f"write_page, {num(p['shown_nodes'])} nodes shown, p50 of {p['runs']}", f"{num(p['page_s'], 2)} s",
                 *verdict(p)],
                *([["building the view, first (SPARQL to networkx; its rows kept)", f"{num(p['view_first_s'], 2)} s", "", ""],
                   [f"building it again (rows read back), p50 of {p['runs']}", f"{num(p['view_s'], 2)} s", "", ""],
                   ["ckg viz end to end (process wall time), first / again",
                    f"{num(p['cli_first_s'], 2)} s / {num(p['cli_s'], 2)} s", "", ""]]
                  if "view_first_s" in p else  # results written before views kept their rows
                  [["building the view (SPARQL to networkx)", f"{num(p['view_s'], 2)} s", "", ""],
                   ["ckg viz end to end (process wall time)", f"{num(p['cli_s'], 2)} s", "", ""]]),
                ["page size", f"{num(p['page_mib'], 1)} MiB", "", ""]])]


def render(r: dict) -> str:
    """The report: the machine, then a table per section with the target where issue 6 gives one."""
    m = r["machine"]
    head = [f"# ckg benchmark ({r['mode']})",
            f"Machine: {m['cpu']}, {m['cores_usable']} of {m['cores']} cores usable, {num(m['ram_gib'], 1)} GiB RAM, "
            f"load {' '.join(f'{x:.2f}' for x in m['load_average'])} at start; Python {m['python']}, "
            f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}. Corpus: bench/generate.py, seed "
            f"{r['settings']['seed']}."]
    if r["mode"] == "quick":
        head.append("Quick run: small scale; the targets are shown but mean nothing here, and --check is ignored.")
    sections = [head] + [f(r) for f in (_ingest_section, _linearity_section, _add_section, _queries_section,
                                        _rdflib_section, _export_section, _page_section)]
    missed = [t["what"] for t in r["targets"] if not t["ok"]]
    sections.append([f"Targets: {len(r['targets']) - len(missed)} of {len(r['targets'])} met"
                     + (". Missed: " + "; ".join(missed) if missed else "") + "."])
    return "\n\n".join("\n".join(part) for part in sections)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small scale, fewer repeats; every section still runs")
    ap.add_argument("--check", action="store_true", help="exit status 1 if a target is missed (not with --quick)")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json",
                    help="where the figures go")
    ap.add_argument("--corpus", type=Path, help="directory to keep the generated corpora in and reuse them from")
    ap.add_argument("--workdir", type=Path, help="where to make the temporary directory for stores and exports")
    ap.add_argument("--keep", action="store_true", help="keep that directory (the stores) at the end")
    ap.add_argument("--sizes", type=int, nargs=2, metavar=("N1", "N2"), help="documents for the linearity builds")
    ap.add_argument("--triples", type=int, help="triples of the big store (the small one has a tenth)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, help="timed runs of a query after its warm-up")
    ap.add_argument("--budget", type=float, help="seconds a query's repeated runs may take at most")
    ap.add_argument("--query-cap", type=float, help="seconds a query may take (its first run, in a child "
                    "process) before it is reported as capped; 0: no cap")
    ap.add_argument("--rdflib-runs", type=int)
    ap.add_argument("--rdflib-cap", type=float, help="seconds an rdflib run may take before it is stopped")
    ap.add_argument("--adds", type=int, help="documents added one at a time (each way)")
    ap.add_argument("--page-nodes", type=int, default=5000, help="--max-nodes of the page")
    ap.add_argument("--page-runs", type=int, help="times the view and the page are made")
    args = ap.parse_args(argv)
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ckg-bench-", dir=args.workdir))  # removed at the end, unless --keep
    base = args.corpus or work / "corpus"
    settings = {k: v for k, v in vars(args).items() if k not in ("json", "corpus", "workdir")}
    r: dict[str, Any] = {"mode": "quick" if args.quick else "full", "machine": machine(), "settings": settings}
    started = time.perf_counter()
    try:
        r["ingest"] = bench_ingest(base, work, args.sizes, args.seed)
        stores = {}
        for role, triples in (("small", args.triples // 10), ("big", args.triples)):
            docs = docs_for(triples, r["ingest"])
            stores[role] = work / f"store-{role}"
            r["ingest"].append(build(corpus(base, docs, args.seed), stores[role], 2, role))
        judge_ingest(r["ingest"])
        r["linearity"] = linearity(r["ingest"], args.sizes)
        new = new_documents(base, 2 * args.adds + 1, args.seed + 1000)
        r["add"] = bench_add(stores["big"], new, args.adds)
        qs = r["queries"] = {}
        qs["small"] = bench_queries(stores["small"], args.runs, args.budget, args.query_cap, False)
        qs["big"] = bench_queries(stores["big"], args.runs, args.budget, args.query_cap, True,
                                  fallback=qs["small"]["queries"])
        qs["small_memory"] = bench_queries(stores["small"], args.runs, args.budget, None, False, in_memory=True)
        qs["big_memory"] = bench_queries(stores["big"], args.runs, args.budget, None, True, in_memory=True)
        r["rdflib"] = bench_rdflib(stores["small"], work, qs["small_memory"], qs["small"], args.rdflib_runs,
                                   args.rdflib_cap, args.runs, args.budget)
        r["export"] = bench_export(stores["big"], work)
        r["page"] = bench_page(work / "store-largest", work, args.page_nodes, args.page_runs)
    finally:
        if args.keep:
            print(f"Kept the stores in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    r["seconds"] = time.perf_counter() - started
    r["targets"] = targets(r)
    print(render(r))
    print(f"\nTook {r['seconds']:.0f} s; figures in {args.json}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.check and not args.quick and any(not t["ok"] for t in r["targets"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
