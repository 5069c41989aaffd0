"""Checking the graph against the SHACL shapes of ``ontology/shapes.ttl``.

>>> import tempfile, graph
>>> store = tempfile.mkdtemp()
>>> _ = graph.build(store=store)
>>> validate(Store(store)).conforms
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDFS, SH

from .store import Store

__all__ = ["Violation", "Report", "validate", "shapes_path"]


@dataclass
class Violation:
    """One failed constraint: the node, its label, the property path and the shape's message."""

    focus: str
    label: str | None
    path: str | None
    message: str
    severity: str = "Violation"


@dataclass
class Report:
    conforms: bool
    checked: int
    violations: list[Violation] = field(default_factory=list)


def shapes_path():
    return resources.files("ontology").joinpath("shapes.ttl")


def _short(iri: str | None) -> str | None:
    if iri is None:
        return None
    for prefix, ns in (("ckg:", "https://w3id.org/ckg/ontology#"), ("", "https://w3id.org/ckg/id/"),
                       ("doc:", "https://w3id.org/ckg/doc/")):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


def validate(store: Store) -> Report:
    """Validate the merge of all the store's graphs against the shapes."""
    from pyshacl import validate as shacl

    db = store.reader()
    data = ox.serialize(db.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"),
                        format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph().parse(data=data, format="nt")
    shapes = rdflib.Graph().parse(str(shapes_path()), format="turtle")
    conforms, results, _ = shacl(g, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    out = []
    for r in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        label = g.value(focus, RDFS.label)
        out.append(Violation(
            focus=_short(str(focus)), label=str(label) if label else None, path=_short(str(path)) if path else None,
            message=str(results.value(r, SH.resultMessage) or "constraint violated"),
            severity=str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
        ))
    out.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return Report(bool(conforms), len(g), out)
