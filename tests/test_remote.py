"""Every canned query gives the same rows locally, in memory, through ckg serve, on Oxigraph server and on Virtuoso.

The seeds and the development corpus are built into one store, pushed to each server
(one named graph per document), and every canned query runs there through SPARQLWrapper,
unparameterised and with parameters taken from the local answers.
Rows are compared order-insensitively, after normalising only the documented differences
between engines: language-tag case, decimal form, and the order inside GROUP_CONCAT lists.
"""
import os
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

import pytest

import graph
from conftest import shared_or_skip
from graph.push import push
from graph.store import Store
from queries import canned, resolve, run_local, run_remote
from servers import ckg_server, oxigraph_server, virtuoso_server

QUERIES = sorted(canned())


@pytest.fixture(scope="module")
def both_corpora(tmp_path_factory):
    store = tmp_path_factory.mktemp("both") / "store"
    graph.build([shared_or_skip("seeds"), shared_or_skip("corpus-dev")], store=store)
    return store


def _value(column, cell):
    if cell is None:
        return ""
    v = cell["value"]
    if cell.get("datatype", "").endswith(("#decimal", "#integer", "#double")):
        try:
            return str(Decimal(v).normalize())
        except InvalidOperation:
            return v
    if column == "evidence":  # GROUP_CONCAT order is not fixed in Virtuoso
        return " | ".join(sorted(v.split(" | ")))
    if column == "doc":
        return " ".join(sorted(v.split(" ")))
    return v


def _rows(result):
    return sorted(tuple((k, _value(k, row.get(k))) for k in result.vars) for row in result.bindings)


def _cases(store):
    """Every canned query without parameters, and each parameterised one for a few values from its own answer."""
    cases = [(name, None) for name in QUERIES]
    for name in QUERIES:
        for p in resolve(name).params:
            listed = run_local(resolve(name), Store(store)).as_dicts()
            values = sorted({v for row in listed if row.get(p.name) for v in row[p.name].split(" ")})
            assert values, f"{name} lists no {p.name}"
            cases += [(name, {p.name: v}) for v in values[:: max(1, len(values) // 4)]]
    return cases


def _run(cases, runner):
    return {(name, str(params)): _rows(runner(resolve(name), params)) for name, params in cases}


def _local(store):
    cases = _cases(store)
    assert len(cases) > len(QUERIES) + 5
    return _run(cases, lambda q, params: run_local(q, Store(store), params))


@contextmanager
def _environment(env):
    """Credentials for one server, as users give them: in the environment."""
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _remote(store, endpoint, env):
    with _environment(env):
        return _run(_cases(store), lambda q, params: run_remote(q, endpoint, params, timeout=60))


def _compare(local, remote):
    assert remote.keys() == local.keys()
    for case in local:
        only_local = sorted(set(local[case]) - set(remote[case]))[:2]
        only_remote = sorted(set(remote[case]) - set(local[case]))[:2]
        assert remote[case] == local[case], f"{case}: only local {only_local}; only remote {only_remote}"
    assert sum(len(r) for r in local.values()) > 300
    assert sum(len(r) for (name, params), r in local.items() if params != "None") > 20


def _push(store, server):
    with _environment(server["env"]):
        return push(Store(store), server["store"], update=server["update"])


def _remote_count(server):
    """Triples in the server's ckg graphs, counted there."""
    from queries import CannedQuery

    q = CannedQuery.parse("count", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                   "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/ckg/\")) }")
    with _environment(server["env"]):
        return int(run_remote(q, server["query"], timeout=60).as_dicts()[0]["n"])


def test_the_copy_in_memory_answers_like_the_store_on_disk(both_corpora):
    """What ckg serve --in-memory answers from: an in-memory Oxigraph store loaded from the one on disk."""
    in_memory = Store(both_corpora, in_memory=True)
    _compare(_local(both_corpora), _run(_cases(both_corpora), lambda q, params: run_local(q, in_memory, params)))


def test_ckg_serve_answers_like_the_local_store(both_corpora):
    with ckg_server(both_corpora) as server:
        _compare(_local(both_corpora), _remote(both_corpora, server["query"], server["env"]))


def test_oxigraph_server_answers_like_the_local_store(both_corpora, tmp_path):
    with oxigraph_server(tmp_path) as server:
        summary = _push(both_corpora, server)
        again = _push(both_corpora, server)  # a second push replaces, never duplicates
        assert summary.triples == again.triples == _remote_count(server)
        _compare(_local(both_corpora), _remote(both_corpora, server["query"], server["env"]))


def test_virtuoso_answers_like_the_local_store(both_corpora, tmp_path):
    with virtuoso_server(tmp_path) as server:
        summary = _push(both_corpora, server)
        again = _push(both_corpora, server)  # replaces each document's graph
        assert summary.triples == again.triples == _remote_count(server)
        _compare(_local(both_corpora), _remote(both_corpora, server["query"], server["env"]))
