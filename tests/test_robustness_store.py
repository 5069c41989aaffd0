"""Store safety with real processes: killed builds, concurrent writers, readers during a build,
leftovers of interrupted commands, and stores ckg cannot read.

Every check reads the store back (``ckg query mentions`` or ``graph.query``): after anything, the
store is the old one or the new one, whole, never a mixture and never an error.
"""
from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import graph
from conftest import ROOT, invoke
from graph.api import bundled_corpus
from graph.store import Store

CKG = [sys.executable, str(ROOT / "build_graph.py")]
N_BIG = 24


def _docs(store: Path) -> frozenset[str]:
    """The documents ``ckg query mentions`` reports (every test document names something)."""
    return frozenset(r["doc"] for r in graph.query("mentions", store=store))


def _folder(path: Path, prefix: str, n: int) -> Path:
    """``n`` documents: the bundled ones in turn, each made distinct by a numbered last line."""
    path.mkdir(parents=True)
    corpus = sorted(bundled_corpus().glob("*.txt"))
    for i in range(n):
        src = corpus[i % len(corpus)]
        text = src.read_text(encoding="utf-8") + f"\nرقم التقرير {prefix} {i}.\n"
        (path / f"{prefix}{i:03d}_{src.stem}.txt").write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("folders")
    return {"old": _folder(root / "old", "old", 4), "alt": _folder(root / "alt", "alt", 4),
            "big": _folder(root / "big", "big", N_BIG)}


def _start(store: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([*CKG, "--store", str(store), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _kill_after(proc: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL ``proc`` after ``seconds`` (if still running); whether it was killed."""
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        return True
    finally:
        proc.communicate(timeout=10)


def _leftovers(store: Path) -> list[str]:
    """What is in the store directory beside its live database (answers kept for the live database
    are not leftovers, those of other databases are)."""
    live = os.readlink(store / "current")
    out = [p.name for p in store.iterdir() if p.name not in ("current", "lock", "ckg-store.json", "answers", live)]
    if (store / "answers").is_dir():
        out += [f"answers/{p.name}" for p in (store / "answers").iterdir() if not p.name.startswith(live + ".")]
    return sorted(out)


def test_a_killed_build_leaves_a_whole_store_and_the_next_build_cleans_up(folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    old = _docs(store)
    new = frozenset(p.stem for p in folders["big"].glob("*.txt"))
    found = []
    for moment in (0.2, 0.5, 1.0):  # starting up, extracting, extracting or done (machines differ)
        _kill_after(_start(store, "build", str(folders["big"])), moment)
        found.append(_docs(store))
        assert found[-1] in (old, new)
        if found[-1] == new:  # it finished first: back to the old store for the next kill
            graph.build([folders["old"]], store=store)
    assert found[0] == old  # 0.2 s is too early for any build to have finished
    cli = subprocess.run([*CKG, "--store", str(store), "query", "mentions", "--format", "csv"],
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0 and {line.split(",")[0] for line in cli.stdout.splitlines()[1:]} == old
    proc = _start(store, "build", str(folders["big"]))
    assert proc.wait(timeout=120) == 0, proc.communicate()[1]
    proc.communicate()
    assert _docs(store) == new and _leftovers(store) == []


def test_a_build_killed_around_its_swap_leaves_one_whole_store(folders, tmp_path):
    store = tmp_path / "store"
    sets, took = {}, {}
    # how long a whole build of each small folder takes here, the faster of two: one slow build (the first,
    # which warms the file cache, or one the machine slowed) once put every kill after its build had ended
    for name in ("alt", "old", "alt", "old"):
        t0 = time.monotonic()
        subprocess.run([*CKG, "--store", str(store), "build", str(folders[name])], capture_output=True, timeout=60,
                       check=True)
        took[name], sets[name] = min(took.get(name, math.inf), time.monotonic() - t0), _docs(store)
    killed = []
    # kill each build as it writes its last documents, flushes, swaps the link or cleans up
    for fraction in (0.7, 0.9, 1.0, 1.1):
        before = _docs(store)
        target = "alt" if before == sets["old"] else "old"
        killed.append(_kill_after(_start(store, "build", str(folders[target])), took[target] * fraction))
        assert _docs(store) in (before, sets[target]), fraction
        Store(store).check()
    assert any(killed)


def _children_of(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    out = set()
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            out.add(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_a_parallel_build_does_not_leave_workers_holding_the_lock(folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    proc = _start(store, "build", "--jobs", "2", str(folders["big"]))
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = _children_of(proc.pid)
        time.sleep(0.005)
    assert len(workers) == 2, "the build did not start its two workers"
    proc.kill()  # while the workers extract
    proc.communicate(timeout=10)
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(map(_alive, workers))  # they die with the build
    assert _docs(store) == frozenset(p.stem for p in folders["old"].glob("*.txt"))
    doc = tmp_path / "extra.txt"
    doc.write_text("رحب التحالف الدولي بانضمام كينيا.", encoding="utf-8")
    t0 = time.monotonic()
    added = subprocess.run([*CKG, "--store", str(store), "add", str(doc)], capture_output=True, text=True, timeout=60)
    assert added.returncode == 0, added.stderr  # not "another ckg process is writing"
    assert time.monotonic() - t0 < 8
    assert "extra" in _docs(store)


def test_a_query_during_a_build_answers_from_the_old_store(folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    old = _docs(store)
    proc = _start(store, "build", str(folders["big"]))
    answers = []
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        answers.append(_docs(store))
        time.sleep(0.02)
    proc.communicate(timeout=60)
    assert proc.returncode == 0
    new = _docs(store)
    assert len(answers) > 10 and set(answers) <= {old, new} and answers[0] == old


def test_a_reader_keeps_reading_the_database_it_opened_after_rebuilds(folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    db = Store(store).reader()
    q = "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/identifier> ?id } }"
    held = {s["id"].value for s in db.query(q)}
    for _ in range(2):  # the database it holds is replaced, then removed
        subprocess.run([*CKG, "--store", str(store), "build", str(folders["old"] / "old000_000_ed702eeb4dd5e7be.txt")],
                       capture_output=True, timeout=60, check=True)
    assert {s["id"].value for s in db.query(q)} == held and len(held) == 4
    assert _docs(store) == {"old000_000_ed702eeb4dd5e7be"}


def test_two_adds_at_once_lose_no_document(folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    before = _docs(store)
    docs = {}
    for name, country in (("first", "كينيا"), ("second", "فيجي")):
        docs[name] = tmp_path / f"{name}.txt"
        docs[name].write_text(f"رحب التحالف الدولي بانضمام {country} في اجتماع {name}.", encoding="utf-8")
    procs = {name: _start(store, "add", str(path)) for name, path in docs.items()}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        if proc.returncode != 0:  # it may have waited too long for the other's lock: then it says so
            assert err == f"Error: another ckg process is writing to {store}; wait for it to finish and try again\n"
            again = subprocess.run([*CKG, "--store", str(store), "add", str(docs[name])], capture_output=True,
                                   text=True, timeout=60)
            assert again.returncode == 0, again.stderr
    assert _docs(store) == before | {"first", "second"}
    assert _leftovers(store) == []


def test_leftovers_of_interrupted_commands_break_nothing_and_are_cleaned_up(runner, folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    old = _docs(store)
    partial = store / "db-20200101000000-deadbeef"
    partial.mkdir()
    (partial / "000001.sst").write_bytes(os.urandom(512))
    os.symlink("db-nowhere", store / ".current-0badf00d")
    (store / ".trash-db-20200101000000-cafe").mkdir()
    (store / ".ckg-store.json.tmp").write_text("{", encoding="utf-8")
    assert _docs(store) == old
    assert invoke(runner, store, "stats").exit_code == 0
    doc = tmp_path / "extra.txt"
    doc.write_text("رحب التحالف الدولي بانضمام كينيا.", encoding="utf-8")
    assert invoke(runner, store, "add", str(doc)).exit_code == 0
    assert _docs(store) == old | {"extra"} and _leftovers(store) == []


def test_a_first_build_that_was_killed_does_not_block_the_next(folders, tmp_path):
    store = tmp_path / "store"
    proc = _start(store, "build", str(folders["big"]))
    deadline = time.monotonic() + 30
    while not list(store.glob("db-*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert _kill_after(proc, 0.1), "the build finished before it could be killed"  # its database begun
    assert list(store.glob("db-*")) and not (store / "current").exists()
    result = subprocess.run([*CKG, "--store", str(store), "query", "mentions"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1 and result.stderr == f"Error: no store at {store}; run 'ckg build' first (or pass --store)\n"
    assert graph.build([folders["old"]], store=store).documents == 4
    assert len(_docs(store)) == 4 and _leftovers(store) == []


@pytest.mark.parametrize("marker,message", [
    ({"format": 0, "ckg": "0.0.1"}, "has format 0 (written by ckg 0.0.1), this ckg reads format 1; "
                                    "rebuild it with 'ckg build'"),
    ({"version": 3}, "has format None, this ckg reads format 1; rebuild it with 'ckg build'"),
    ([1, 2], "has format None, this ckg reads format 1; rebuild it with 'ckg build'"),
    ("not json", "is unreadable"),
])
def test_a_store_of_another_version_is_detected_and_the_user_told_to_rebuild(runner, folders, tmp_path, marker,
                                                                              message):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    (store / "ckg-store.json").write_text(marker if isinstance(marker, str) else json.dumps(marker), encoding="utf-8")
    for args in (["query", "mentions"], ["add", str(folders["old"])], ["stats"], ["export", "--format", "nt"]):
        result = invoke(runner, store, *args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith("Error: ") and message in result.stderr and result.stderr.count("\n") == 1
    assert invoke(runner, store, "build", str(folders["old"])).exit_code == 0  # what the message says to do
    assert len(_docs(store)) == 4


def test_a_directory_that_is_not_a_store_is_refused_and_left_alone(runner, folders, tmp_path):
    store = tmp_path / "mine"
    store.mkdir()
    (store / "notes.txt").write_text("my notes", encoding="utf-8")
    result = invoke(runner, store, "query", "mentions")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {store} is not a ckg store (no ckg-store.json; it holds notes.txt); "
                             "point --store at another directory\n")
    result = invoke(runner, store, "build", str(folders["old"]))
    assert result.exit_code == 1
    assert "is not a ckg store (it holds notes.txt); choose an empty or new directory for --store" in result.stderr
    assert sorted(p.name for p in store.iterdir()) == ["notes.txt"]


def test_a_dangling_live_link_is_reported(runner, folders, tmp_path):
    store = tmp_path / "store"
    graph.build([folders["old"]], store=store)
    (store / "current").unlink()
    os.symlink("db-gone", store / "current")
    result = invoke(runner, store, "query", "mentions")
    assert result.exit_code == 1 and "has no live database; rebuild it with 'ckg build'" in result.stderr
