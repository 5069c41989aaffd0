"""SHACL validation: the built corpora conform, and broken facts are reported with their node and path."""
import shutil

import pyoxigraph as ox

from conftest import invoke
from graph.store import Store
from graph.validate import validate

CKG = "https://w3id.org/ckg/ontology#"
G = ox.NamedNode("https://w3id.org/ckg/graph/doc/broken")


def test_the_bundled_corpus_conforms(runner, seed_store):
    result = invoke(runner, seed_store, "validate")
    assert result.exit_code == 0 and result.output.startswith("Valid:")


def _break(store_dir, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy, symlinks=True)
    with Store(copy).writer() as db:
        m = ox.NamedNode("https://w3id.org/ckg/id/meeting-broken")
        f = ox.NamedNode("https://w3id.org/ckg/doc/broken#funding-1")
        t = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        db.add(ox.Quad(m, t, ox.NamedNode(CKG + "Meeting"), G))
        db.add(ox.Quad(m, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("اجتماع مكسور", language="ar"), G))
        db.add(ox.Quad(f, t, ox.NamedNode(CKG + "FundingFigure"), G))
        db.add(ox.Quad(f, ox.NamedNode(CKG + "amount"), ox.Literal("-5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), G))
        db.add(ox.Quad(f, ox.NamedNode(CKG + "currency"), ox.Literal("dollars"), G))
    return copy


def test_broken_facts_are_reported_with_focus_path_and_message(seed_store, tmp_path):
    report = validate(Store(_break(seed_store, tmp_path)))
    assert not report.conforms
    by_focus = {}
    for v in report.violations:
        by_focus.setdefault(v.focus, []).append(v)
    meeting = by_focus["meeting-broken"]
    assert meeting[0].label == "اجتماع مكسور"
    assert any(v.path == "ckg:meetingKind" for v in meeting)
    assert any("start date" in v.message for v in meeting)
    assert any(v.path == "ckg:evidence" for v in meeting)
    funding = {v.path for v in by_focus["doc:broken#funding-1"]}
    assert {"ckg:amount", "ckg:currency", "ckg:fundingKind"} <= funding


def test_validate_command_exits_1_on_violations(runner, seed_store, tmp_path):
    result = invoke(runner, _break(seed_store, tmp_path), "validate", "--limit", "3")
    assert result.exit_code == 1
    assert "violations in" in result.output and "more (--limit)" in result.output


def test_the_development_corpus_conforms(tmp_path):
    import graph
    from conftest import shared_or_skip

    corpus = shared_or_skip("corpus-dev")
    graph.build([corpus], store=tmp_path / "dev")
    report = validate(Store(tmp_path / "dev"))
    assert report.conforms, report.violations[:5]
