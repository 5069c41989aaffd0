"""The ontology file is the source of truth: the namespace class mirrors it, every term is documented."""
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from graph.namespace import CKG, KIND, controlled_values, ontology_path

G = rdflib.Graph().parse(str(ontology_path()), format="turtle")
NS = str(CKG._NS)
TERMS = sorted({s for s in G.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(NS) and str(s) != NS})


def test_namespace_class_matches_the_ontology_term_for_term():
    in_file = {str(t)[len(NS):] for t in TERMS}
    in_class = set(CKG.__annotations__)
    assert in_file == in_class


def test_a_misspelt_term_fails():
    with pytest.raises(AttributeError):
        CKG.Meetin  # noqa: B018


@pytest.mark.parametrize("term", TERMS, ids=lambda t: str(t)[len(NS):])
def test_every_term_has_arabic_and_english_label_and_comment(term):
    for prop in (RDFS.label, RDFS.comment):
        langs = {o.language for o in G.objects(term, prop)}
        assert {"ar", "en"} <= langs, f"{term} lacks {prop} in ar and en"
    assert set(G.objects(term, RDF.type)) & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.mark.parametrize("scheme,values", [
    ("meeting", {"ministerial", "political-directors", "small-group", "leaders", "other"}),
    ("role", {"host", "chair", "attendee", "new-member", "observer", "speaker"}),
    ("funding", {"pledge", "raised", "target", "shortfall"}),
    ("qualifier", {"exact", "about", "more-than", "less-than"}),
    ("commitment", {"roadmap", "guidelines", "goal", "policy"}),
    ("topic", {"counter-finance", "foreign-terrorist-fighters", "communications", "stabilization", "military", "africa"}),
    ("threat", {"isis", "affiliate", "foreign-terrorist-fighters", "propaganda", "terrorist-financing",
                "sleeper-cells", "explosive-hazards", "detained-fighters", "attacks"}),
])
def test_controlled_values_are_those_of_the_query_contract(scheme, values):
    assert controlled_values()[scheme] == values


def test_unknown_controlled_value_is_refused():
    with pytest.raises(ValueError):
        KIND("threat", "weather")
