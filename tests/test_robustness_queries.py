"""Hostile and runaway queries: syntax errors say where, updates are refused, time limits stop
queries for real, and parameter values are bound, never pasted into the query."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import graph
from conftest import ROOT, invoke, rows
from graph.errors import QueryTimeoutError, ReadOnlyQueryError
from graph.store import Store
from queries import canned, run_local

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count(store: Path) -> int:
    return int(graph.query(COUNT_ALL, store=store)[0]["n"])


def test_a_syntax_error_says_line_and_column(runner, seed_store):
    result = invoke(runner, seed_store, "query", "-", input="SELECT ?s\nWHERE { ?s ?p ?o }\nLIMIT ten\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: SPARQL syntax error") and "error at 3:7" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_syntax_error_in_a_file_names_the_file(runner, seed_store, tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text('# title: Broken\nSELECT ?s WHERE {\n  ?s ?p "no closing quote .\n}\n', encoding="utf-8")
    result = invoke(runner, seed_store, "query", str(rq))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: SPARQL syntax error in {rq}: error at 3:28")  # where the line ends inside the string


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "insert data { ckg:a ckg:b ckg:c }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "DROP ALL",
    "CLEAR DEFAULT",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "MOVE DEFAULT TO <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "# SELECT * WHERE { ?s ?p ?o }\nDROP ALL",
    "PREFIX ex: <http://example.org/#>  # a comment with { braces }\nBASE <http://example.org/>\n"
    "# another\nDELETE { ?s ?p ?o } WHERE { ?s ex:p ?o }",
    "SELECT * WHERE { ?s ?p ?o } ;\nDROP ALL",
])
def test_updates_are_refused_and_change_nothing(runner, seed_store, update):
    before = _count(seed_store)
    result = invoke(runner, seed_store, "query", "-", input=update)
    assert result.exit_code == 1, result.output
    if update.startswith("SELECT"):  # a query followed by an update is not a query at all
        assert "SPARQL syntax error" in result.stderr
    else:
        assert "SPARQL Update is refused: 'ckg query' is read-only" in result.stderr
    assert _count(seed_store) == before


def test_an_update_is_refused_before_reaching_an_endpoint():
    with pytest.raises(ReadOnlyQueryError):  # port 9 would refuse the connection: never contacted
        graph.query("# note\nDROP ALL", endpoint="http://127.0.0.1:9/sparql")


def _ckg_process(store: Path, *args: str, stdin: str = "", timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "--store", str(store), *args],
                          input=stdin, capture_output=True, text=True, timeout=timeout)
    return proc, time.monotonic() - t0


@pytest.mark.parametrize("sparql", [CARTESIAN, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"],
                         ids=["streaming", "aggregate"])
def test_timeout_stops_a_runaway_query_and_the_process_exits(seed_store, sparql):
    proc, elapsed = _ckg_process(seed_store, "query", "-", "--timeout", "1", stdin=sparql, timeout=30)
    assert proc.returncode == 1
    assert proc.stderr == "Error: the query ran past its 1 s time limit and was stopped; narrow it or raise --timeout\n"
    assert proc.stdout == ""
    assert elapsed < 1 + 4  # start-up included


def _children() -> set[int]:
    me = str(os.getpid())
    out = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[1] == me:
                    out.add(int(pid))
        except (OSError, IndexError):
            pass
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_timed_out_query_leaves_nothing_running(seed_store):
    import threading

    before, threads = _children(), threading.active_count()
    t0 = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        graph.query(CARTESIAN, store=seed_store, timeout=0.5)
    assert time.monotonic() - t0 < 0.5 + 3
    assert _children() <= before  # the query's process was killed, not left to run
    assert threading.active_count() == threads  # nor left running in a thread


def test_a_query_within_its_time_limit_answers(runner, seed_store):
    result = invoke(runner, seed_store, "query", "mentions", "--param", "doc=002_edb1e7ae2f850001",
                    "--timeout", "20", "--format", "json")
    assert result.exit_code == 0
    assert rows(result) == rows(invoke(runner, seed_store, "query", "mentions", "--param", "doc=002_edb1e7ae2f850001",
                                       "--format", "json"))


HOSTILE_IDS = [
    'x" } UNION { ?s ?p ?o } #',
    "a'b\"c } ; DROP ALL ; SELECT * WHERE { # \\",
    "<b> FILTER(true) }",
    "line\nbreak SELECT",
    "<x>",  # a string parameter written like an IRI is still a string
]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    """A store whose document identifiers (file names) are made of SPARQL syntax."""
    folder = tmp_path_factory.mktemp("hostile") / "docs"
    folder.mkdir()
    texts = ["رحب التحالف الدولي بانضمام كينيا.", "اجتمع وزراء التحالف في فيجي.", "زار وفد من التحالف الأردن.",
             "استضافت تونس اجتماعا للتحالف.", "رحب التحالف الدولي بانضمام العراق."]
    for doc_id, text in zip(HOSTILE_IDS, texts):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "x.txt").write_text("زار وفد من التحالف المغرب.", encoding="utf-8")
    store = folder.parent / "store"
    summary = graph.build([folder], store=store)
    assert summary.documents == len(HOSTILE_IDS) + 1 and not summary.failures
    return store


@pytest.mark.parametrize("value", HOSTILE_IDS + ["x", 'x" } UNION { ?s ?p ?o } #z', "", "<urn:x>", "?s", "$doc"])
def test_parameter_values_are_bound_and_return_exactly_the_matching_rows(runner, hostile_store, value):
    everything = rows(invoke(runner, hostile_store, "query", "mentions", "--format", "json"))
    assert {r["doc"] for r in everything} == set(HOSTILE_IDS) | {"x"}
    result = invoke(runner, hostile_store, "query", "mentions", "--param", f"doc={value}", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["head"]["vars"] == ["doc", "entity", "entity_label", "type"]
    expected = [r for r in everything if r["doc"] == value]
    assert rows(result) == expected
    assert bool(expected) == (value in HOSTILE_IDS or value == "x")


def test_parameter_names_cannot_smuggle_syntax(runner, seed_store):
    result = invoke(runner, seed_store, "query", "mentions", "--param", "doc } UNION { ?s ?p ?o=x")
    assert result.exit_code == 2
    assert result.stderr == ("Error: the query 'mentions' has no parameter 'doc } UNION { ?s ?p ?o'; "
                             "its parameters: doc\n")


def test_an_unknown_parameter_lists_the_variables_of_your_own_query(runner, seed_store):
    q = "SELECT ?doc ?n WHERE { ?d dcterms:identifier ?doc . BIND(1 AS ?n) }"
    result = invoke(runner, seed_store, "query", "-", "--param", "dok=1", input=q)
    assert result.exit_code == 2 and result.stderr.endswith("has no parameter 'dok'; its parameters: d, doc, n\n")


def test_a_query_that_fails_while_answering_is_one_clear_line(runner, seed_store):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    result = invoke(runner, seed_store, "query", "-", input=q)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the query failed: ") and result.stderr.count("\n") == 1


def test_a_query_file_that_is_not_text_is_one_clear_line(runner, seed_store, tmp_path):
    rq = tmp_path / "latin1.rq"
    rq.write_bytes("SELECT ?s WHERE { ?s ?p 'café' }".encode("latin-1"))
    result = invoke(runner, seed_store, "query", str(rq))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read the query file {rq}: ") and result.stderr.count("\n") == 1
    assert result.stderr.endswith("save it as UTF-8 text\n")


@pytest.mark.parametrize("name", sorted(n for n, q in canned().items() if q.params))
def test_a_parameter_narrows_to_exactly_the_rows_of_the_full_listing(seed_store, name):
    """The parameter is pushed into the query's inner groups for speed; the answer must be the
    full listing's rows for that value, no more and no fewer."""
    q = canned()[name]
    full = run_local(q, Store(seed_store)).as_dicts()
    for p in q.params:
        values = sorted({row[p.name] for row in full if row.get(p.name)})
        assert values, f"{name} lists no {p.name}"
        for v in values[:6]:
            narrowed = run_local(q, Store(seed_store), {p.name: v}).as_dicts()
            expected = [row for row in full if row.get(p.name) == v]
            key = lambda r: sorted((k, str(x)) for k, x in r.items())  # noqa: E731
            assert sorted(map(key, narrowed)) == sorted(map(key, expected)), (name, v)


ALL_TERMS = """SELECT ?g ?s ?p ?o ?blank ?n ?lang WHERE {
  GRAPH ?g { ?s ?p ?o }
  BIND(BNODE() AS ?blank) BIND(IF(isLiteral(?o), STRLEN(STR(?o)), ?unbound) AS ?n) BIND(LANG(?o) AS ?lang)
}"""


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_answers_are_read_into_the_same_bindings_as_term_by_term(seed_store, hostile_store, which):
    """run_local reads Oxigraph's own JSON of an answer: every term of the store (IRIs, strings,
    language-tagged and typed literals, blank nodes, unbound values) comes out as the W3C JSON that
    converting term by term gives, and so do the canned queries."""
    import pyoxigraph as ox

    from queries import PREFIXES, CannedQuery, _term_json

    store = Store(seed_store if which == "seed" else hostile_store)
    texts = [ALL_TERMS] + [q.text for q in canned().values()]
    for text in texts:
        got = run_local(CannedQuery(name="t", text=text), store)
        answer = store.reader().query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        vars_ = [v.value for v in answer.variables]
        expected = [{v: _term_json(sol[v]) for v in vars_ if sol[v] is not None} for sol in answer]
        assert got.vars == vars_
        if text is ALL_TERMS:  # a blank node's label is new at every evaluation
            got.bindings = [{k: v for k, v in b.items() if k != "blank"} | {"blank": b["blank"]["type"]}
                            for b in got.bindings]
            expected = [{k: v for k, v in b.items() if k != "blank"} | {"blank": b["blank"]["type"]}
                        for b in expected]
            assert len(got.bindings) > 100 and {b["blank"] for b in got.bindings} == {"bnode"}
            assert {b["o"]["type"] for b in got.bindings} == {"uri", "literal"}
            assert any("xml:lang" in b["o"] for b in got.bindings) and any("datatype" in b["o"] for b in got.bindings)
        assert got.bindings == expected
        assert isinstance(answer, ox.QuerySolutions)
