"""Kept answers: a canned full listing is read back from the store until the database changes.

Every test builds its own store (the session's seed store is shared and must not be altered).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph
import queries
from graph.api import bundled_corpus
from graph.rdf import doc_graph
from graph.store import Store
from queries import CannedQuery, canned, run_local

from conftest import invoke, rows


@pytest.fixture()
def store(tmp_path) -> Store:
    graph.build(store=tmp_path / "store")
    return Store(tmp_path / "store")


def kept_files(st: Store) -> list[Path]:
    return sorted((st.path / "answers").glob("*/*.json"))


def test_every_listing_read_back_is_the_listing_the_engine_gives(store, monkeypatch):
    fresh = {name: run_local(q, store, keep=False) for name, q in canned().items()}
    assert kept_files(store) == []  # keep=False keeps nothing
    for q in canned().values():
        run_local(q, store)
    assert len(kept_files(store)) == len(canned())

    def no_engine(*args, **kwargs):
        raise AssertionError("the engine was asked again")

    monkeypatch.setattr(queries, "_evaluate", no_engine)
    for name, q in canned().items():
        again = run_local(q, store)
        assert again.vars == fresh[name].vars, name
        assert again.bindings == fresh[name].bindings, name


def test_a_listing_with_parameters_or_from_a_users_file_is_not_kept(store, tmp_path):
    q = canned()["mentions"]
    doc = run_local(q, store, keep=False).bindings[0]["doc"]["value"]
    run_local(q, store, {"doc": doc})
    own = tmp_path / "mentions.rq"  # same name, other text
    own.write_text(q.text.replace("SELECT", "SELECT REDUCED", 1), encoding="utf-8")
    run_local(queries.resolve(str(own)), store)
    run_local(CannedQuery(name="mentions", text="SELECT * WHERE { ?s ?p ?o } LIMIT 3"), store)
    assert kept_files(store) == []


def _tamper(path: Path) -> str:
    """Change one kept term's value in place; returns the new value."""
    kept = json.loads(path.read_text(encoding="utf-8"))
    term = next(t for t in kept["terms"] if t["type"] == "literal")
    term["value"] = "TAMPERED " + term["value"]
    path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return term["value"]


def test_ckg_query_reads_the_kept_answer_and_fresh_evaluates(store, runner):
    first = rows(invoke(runner, store.path, "query", "meetings", "-f", "json"))
    (path,) = kept_files(store)
    marker = _tamper(path)
    again = rows(invoke(runner, store.path, "query", "meetings", "-f", "json"))
    assert any(marker in r.values() for r in again)  # what is kept is what is shown
    fresh = rows(invoke(runner, store.path, "query", "meetings", "--fresh", "-f", "json"))
    assert fresh == first


def test_adding_documents_replaces_the_kept_answers(tmp_path):
    corpus = bundled_corpus()
    docs = sorted(corpus.glob("*.txt"))
    part_a, part_b = tmp_path / "a", tmp_path / "b"
    for part, chosen in ((part_a, docs[:2]), (part_b, docs[2:])):
        part.mkdir()
        for d in chosen:
            shutil.copy(d, part / d.name)
    st = Store(tmp_path / "store")
    graph.build([part_a], store=st.path)
    q = canned()["mentions"]
    before = run_local(q, st)
    old_generation = kept_files(st)[0].parent.name
    graph.add([part_b], store=st.path)
    after = run_local(q, st)
    whole = Store(tmp_path / "whole")
    graph.build([part_a, part_b], store=whole.path)
    assert {b["doc"]["value"] for b in after.bindings} == {d.stem for d in docs}
    assert after.bindings == run_local(q, whole, keep=False).bindings
    assert len(after.bindings) > len(before.bindings)
    assert [p.parent.name for p in kept_files(st)] != [old_generation]
    graph.add([part_b], store=st.path)  # the next writer removes the answers of databases gone
    assert not (st.path / "answers" / old_generation).exists()


def test_a_database_changed_behind_ckgs_back_is_not_answered_from_what_was_kept(store):
    q = canned()["mentions"]
    before = run_local(q, store)
    gone = before.bindings[0]["doc"]["value"]
    live = (store.path / "current").resolve()
    db = ox.Store(str(live))  # someone writes to the live database with pyoxigraph
    db.remove_graph(doc_graph(gone))
    db.flush()
    del db
    after = run_local(q, Store(store.path))
    assert gone not in {b["doc"]["value"] for b in after.bindings}
    assert after.bindings == run_local(q, Store(store.path), keep=False).bindings


def test_an_unreadable_kept_answer_is_evaluated_again(store):
    q = canned()["threats"]
    truth = run_local(q, store)
    (path,) = kept_files(store)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut short
    assert run_local(q, store).bindings == truth.bindings
    assert json.loads(path.read_bytes())["vars"] == truth.vars  # written whole again


def test_a_store_where_nothing_can_be_kept_is_queried_as_usual(store):
    (store.path / "answers").write_text("not a directory", encoding="utf-8")
    q = canned()["joins"]
    assert run_local(q, store).bindings == run_local(q, store, keep=False).bindings
    assert (store.path / "answers").is_file()


def test_nothing_is_kept_when_the_database_changes_while_the_query_runs(store, monkeypatch):
    names = iter([f"{(store.path / 'current').resolve().name}.before", "db-made-meanwhile.after"])
    monkeypatch.setattr(store, "generation", lambda: next(names))
    run_local(canned()["meetings"], store)
    assert kept_files(store) == []


def test_a_views_rows_are_kept_but_not_its_labels_asked_by_name(store, monkeypatch):
    from viz.views import view

    first = view("partner-meeting", store)
    names = sorted(p.name.rsplit("-", 1)[0] for p in kept_files(store))
    assert names == ["view-partner-meeting"]  # the labels query carries the view's entities: not kept
    asked = []
    evaluate = queries._evaluate
    monkeypatch.setattr(queries, "_evaluate", lambda db, q, bound: asked.append(q.name) or evaluate(db, q, bound))
    again = view("partner-meeting", store)
    assert asked and set(asked) == {"view-labels"}
    assert list(again.nodes(data=True)) == list(first.nodes(data=True))
    assert list(again.edges(data=True)) == list(first.edges(data=True))
