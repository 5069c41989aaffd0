"""Vocabulary namespaces of ckg: the ontology's terms as a class that fails on a misspelt term.

``CKG`` mirrors ``ontology/ckg.ttl`` term for term (a test keeps the two in step);
``KIND`` builds the IRIs of the controlled values (SKOS concepts) and refuses a
value the ontology does not define.

>>> CKG.Meeting
rdflib.term.URIRef('https://w3id.org/ckg/ontology#Meeting')
>>> KIND("threat", "propaganda")
rdflib.term.URIRef('https://w3id.org/ckg/kind/threat/propaganda')
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["CKG", "KIND", "BASE", "ID", "DOC", "GRAPH", "ONTOLOGY_GRAPH", "ENTITY_GRAPH",
           "KIND_NS", "controlled_values", "ontology_path", "PROV", "SCHEMA", "DCTERMS", "WD"]

BASE = "https://w3id.org/ckg/"
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
GRAPH = Namespace(BASE + "graph/")
KIND_NS = Namespace(BASE + "kind/")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
ENTITY_GRAPH = URIRef(BASE + "graph/entities")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
WD = Namespace("http://www.wikidata.org/entity/")


class CKG(DefinedNamespace):
    """Classes and properties of ``ontology/ckg.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Actor: URIRef
    ArmedGroup: URIRef
    Attack: URIRef
    City: URIRef
    Coalition: URIRef
    CoalitionBody: URIRef
    Commitment: URIRef
    Country: URIRef
    Document: URIRef
    Event: URIRef
    Fact: URIRef
    FundingFigure: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Mandate: URIRef
    Meeting: URIRef
    Membership: URIRef
    Mention: URIRef
    MilitaryCommand: URIRef
    Operation: URIRef
    Organization: URIRef
    Participation: URIRef
    Person: URIRef
    Place: URIRef
    Position: URIRef
    Program: URIRef
    Region: URIRef
    Resolution: URIRef
    Sentence: URIRef
    SizeStatement: URIRef
    ThreatKind: URIRef
    ThreatReport: URIRef
    WorkingGroup: URIRef
    about: URIRef
    affiliation: URIRef
    amount: URIRef
    asOf: URIRef
    atEvent: URIRef
    beneficiary: URIRef
    commitmentKind: URIRef
    committedBy: URIRef
    contentHash: URIRef
    count: URIRef
    country: URIRef
    currency: URIRef
    date: URIRef
    document: URIRef
    donor: URIRef
    endDate: URIRef
    endOffset: URIRef
    evidence: URIRef
    focus: URIRef
    fundingKind: URIRef
    group: URIRef
    holder: URIRef
    meeting: URIRef
    meetingKind: URIRef
    member: URIRef
    mentions: URIRef
    normalizedText: URIRef
    object: URIRef
    partOf: URIRef
    participant: URIRef
    perpetrator: URIRef
    place: URIRef
    published: URIRef
    purpose: URIRef
    qualifier: URIRef
    region: URIRef
    role: URIRef
    roleTitle: URIRef
    rule: URIRef
    startDate: URIRef
    startOffset: URIRef
    surface: URIRef
    text: URIRef
    threatActor: URIRef
    threatKind: URIRef
    topic: URIRef
    unstated: URIRef
    virtual: URIRef
    year: URIRef


def ontology_path():
    """Path of the ontology file shipped with the package."""
    return resources.files("ontology").joinpath("ckg.ttl")


@lru_cache(maxsize=1)
def controlled_values() -> dict[str, frozenset[str]]:
    """``{scheme: {value, ...}}`` for every SKOS concept scheme of the ontology."""
    import rdflib

    g = rdflib.Graph().parse(str(ontology_path()), format="turtle")
    skos = rdflib.namespace.SKOS
    out: dict[str, set[str]] = {}
    for concept, scheme in g.subject_objects(skos.inScheme):
        name = str(scheme)[len(str(KIND_NS)):]
        out.setdefault(name, set()).add(str(concept)[len(str(scheme)) + 1:])
    return {k: frozenset(v) for k, v in out.items()}


def KIND(scheme: str, value: str) -> URIRef:
    """IRI of a controlled value; ``ValueError`` if the ontology does not define it."""
    values = controlled_values().get(scheme)
    if values is None or value not in values:
        raise ValueError(f"{value!r} is not a value of the {scheme!r} scheme in ontology/ckg.ttl")
    return URIRef(f"{KIND_NS}{scheme}/{value}")
