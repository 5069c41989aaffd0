"""JSON-LD and RDF/XML exports re-import to the stored graph; the JSON-LD context reads as words."""
import json

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from conftest import invoke
from graph.jsonld import CONTEXT_FILE, context
from graph.store import Store


def _stored(store) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data="\n".join(str(q) + " ." for q in Store(store).reader()), format="nquads")
    return ds


def _graphs(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.fixture(scope="module")
def jsonld(seed_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("jsonld") / "g.jsonld"
    assert invoke(CliRunner(), seed_store, "export", "--format", "jsonld", "--out", str(out)).exit_code == 0
    return out


def test_jsonld_reimports_graph_by_graph_in_rdflib(seed_store, jsonld):
    back = rdflib.Dataset()
    back.parse(jsonld, format="json-ld")
    expected, got = _graphs(_stored(seed_store)), _graphs(back)
    assert set(got) == set(expected) and len(expected) >= 6
    for name, g in expected.items():
        assert isomorphic(g, got[name]), name


def test_jsonld_reimports_in_oxigraph_quad_for_quad(seed_store, jsonld):
    back = ox.Store()
    back.load(jsonld.read_bytes(), ox.RdfFormat.JSON_LD)
    assert set(back) == set(Store(seed_store).reader())


def test_jsonld_keys_read_as_words(jsonld):
    data = json.loads(jsonld.read_text(encoding="utf-8"))
    nodes = [n for block in data["@graph"] for n in block.get("@graph", [])]
    meetings = [n for n in nodes if n.get("@type") == "Meeting"]
    assert meetings and all("meetingKind" in m and "document" in m for m in meetings)
    assert any(isinstance(m.get("label"), dict) and "ar" in m["label"] for m in meetings)
    keys = {k for n in nodes for k in n}
    full_iris = {k for k in keys if "://" in k}
    assert not full_iris, full_iris
    assert {"participant", "meeting", "evidence", "startOffset", "label"} <= keys


def test_context_file_matches_the_ontology():
    committed = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    assert committed == {"@context": context()}, "regenerate it: python -m graph.jsonld"


def test_context_has_a_term_for_every_ontology_class_and_property():
    onto = rdflib.Graph().parse(CONTEXT_FILE.parent / "ckg.ttl")
    ckg = "https://w3id.org/ckg/ontology#"
    declared = {str(s)[len(ckg):] for kind in (rdflib.OWL.Class, rdflib.OWL.ObjectProperty, rdflib.OWL.DatatypeProperty)
                for s in onto.subjects(rdflib.RDF.type, kind) if str(s).startswith(ckg)}
    assert declared and declared <= set(context())


def test_rdfxml_reimports_to_the_merged_graph(runner, seed_store, tmp_path):
    out = tmp_path / "g.rdf"
    assert invoke(runner, seed_store, "export", "--format", "xml", "--out", str(out)).exit_code == 0
    back = rdflib.Graph().parse(out, format="xml")
    merged = rdflib.Graph()
    for g in _graphs(_stored(seed_store)).values():
        merged += g
    assert len(back) > 500 and isomorphic(back, merged)
