"""JSON-LD that reads as words: a context derived from the ontology, and a compact writer.

The context gives every class and property of ``ontology/ckg.ttl`` its local name as a
term (``Meeting``, ``startDate``, ``participant``), says which properties point at other
nodes (``"@type": "@id"``), which carry a fixed datatype, and puts labels in language
maps (``"label": {"ar": …, "en": …}``). The same context is committed as
``ontology/context.jsonld`` for people who compact their own data with it
(``python -m graph.jsonld`` rewrites it; a test keeps it in step with the ontology).

The writer streams one named graph per document, nodes and keys sorted, so the output
is deterministic. A value that does not fit its term (say a date whose datatype differs
from the property's range) is written under the prefixed name with an explicit value
object, so nothing is lost: the file expands to exactly the stored quads.

>>> ctx = context()
>>> ctx["participant"], ctx["label"]["@container"]
({'@id': 'ckg:participant', '@type': '@id'}, '@language')
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import BinaryIO, Iterable

import pyoxigraph as ox

__all__ = ["context", "write_jsonld", "CONTEXT_FILE"]

CONTEXT_FILE = Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
OWL = "http://www.w3.org/2002/07/owl#"

# Terms for the vocabularies the graph borrows; language maps for human-readable text.
BORROWED = {
    "label": ("rdfs:label", "@language"),
    "comment": ("rdfs:comment", "@language"),
    "prefLabel": ("skos:prefLabel", "@language"),
    "altLabel": ("skos:altLabel", "@language"),
    "title": ("dcterms:title", "@language"),
    "identifier": ("dcterms:identifier", None),
    "source": ("dcterms:source", None),
    "sameAs": ("owl:sameAs", "@id"),
    "closeMatch": ("skos:closeMatch", "@id"),
    "inScheme": ("skos:inScheme", "@id"),
    "subClassOf": ("rdfs:subClassOf", "@id"),
    "subPropertyOf": ("rdfs:subPropertyOf", "@id"),
    "domain": ("rdfs:domain", "@id"),
    "range": ("rdfs:range", "@id"),
}
TEXT_PROPERTIES = {"surface", "roleTitle", "purpose"}  # ckg properties holding language-tagged text


def _prefixes() -> dict[str, str]:
    from .export import EXPORT_PREFIXES  # imported here: export imports this module

    return EXPORT_PREFIXES


@lru_cache(maxsize=1)
def context() -> dict:
    """The JSON-LD context: prefixes, then one term per ontology class and property."""
    onto = ox.Store()
    onto.load(resources.files("ontology").joinpath("ckg.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    ckg = _prefixes()["ckg"]
    ctx: dict = dict(sorted(_prefixes().items()))
    rows = onto.query(f"""
        SELECT ?x ?kind (SAMPLE(?r) AS ?range) WHERE {{
          ?x a ?kind . FILTER(?kind IN (<{OWL}Class>, <{OWL}ObjectProperty>, <{OWL}DatatypeProperty>))
          FILTER(STRSTARTS(STR(?x), "{ckg}"))
          OPTIONAL {{ ?x <http://www.w3.org/2000/01/rdf-schema#range> ?r }}
        }} GROUP BY ?x ?kind ORDER BY ?x""")
    for row in rows:
        local = row["x"].value[len(ckg):]
        if local in ctx:
            raise ValueError(f"ckg:{local} would shadow the context term {local!r}")
        kind = row["kind"].value[len(OWL):]
        rng = row["range"].value if row["range"] is not None else ""
        if kind == "Class":
            ctx[local] = f"ckg:{local}"
        elif kind == "ObjectProperty":
            ctx[local] = {"@id": f"ckg:{local}", "@type": "@id"}
        elif local in TEXT_PROPERTIES:
            ctx[local] = {"@id": f"ckg:{local}", "@container": "@language"}
        elif rng.startswith(XSD) and rng != XSD_STRING:
            ctx[local] = {"@id": f"ckg:{local}", "@type": "xsd:" + rng[len(XSD):]}
        else:
            ctx[local] = {"@id": f"ckg:{local}"}
    for term, (iri, mode) in BORROWED.items():
        if term in ctx:
            raise ValueError(f"the ontology defines {term!r}, which the context also borrows from {iri}")
        if mode == "@language":
            ctx[term] = {"@id": iri, "@container": "@language"}
        elif mode == "@id":
            ctx[term] = {"@id": iri, "@type": "@id"}
        else:
            ctx[term] = {"@id": iri}
    return ctx


class _Compactor:
    """Turns RDF terms into compact JSON-LD keys and values under :func:`context`."""

    def __init__(self) -> None:
        ctx = context()
        self.namespaces = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}
        self.prefixes = sorted(((v, k) for k, v in self.namespaces.items()), key=lambda kv: -len(kv[0]))
        self.terms: dict[str, tuple[str, dict]] = {}
        for term, spec in ctx.items():
            if isinstance(spec, dict):
                self.terms[self.expand(spec["@id"])] = (term, spec)
        self.classes = {self.expand(v): k for k, v in ctx.items() if isinstance(v, str) and ":" in v
                        and not v.endswith(("/", "#"))}

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return self.namespaces[prefix] + local

    def iri(self, value: str) -> str:
        for ns, prefix in self.prefixes:
            if value.startswith(ns) and len(value) > len(ns):
                return f"{prefix}:{value[len(ns):]}"
        return value

    def node_id(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def _fits(self, spec: dict, values: list) -> bool:
        coerce, container = spec.get("@type"), spec.get("@container")
        if container == "@language":
            return all(isinstance(v, ox.Literal) and v.language for v in values)
        if coerce == "@id":
            return all(not isinstance(v, ox.Literal) for v in values)
        if coerce:
            return all(isinstance(v, ox.Literal) and v.datatype.value == self.expand(coerce) for v in values)
        return True

    def _value(self, v, spec: dict):
        if not isinstance(v, ox.Literal):
            return self.node_id(v) if spec.get("@type") == "@id" else {"@id": self.node_id(v)}
        if spec.get("@type"):
            return v.value
        if v.language:
            return {"@value": v.value, "@language": v.language}
        if v.datatype.value == XSD_STRING:
            return v.value
        return {"@value": v.value, "@type": self.iri(v.datatype.value)}

    def property(self, predicate: str, values: list) -> tuple[str, object]:
        term, spec = self.terms.get(predicate, (None, {}))
        if term is None or not self._fits(spec, values):
            term, spec = self.iri(predicate), {}
        if spec.get("@container") == "@language":
            by_lang: dict[str, list[str]] = {}
            for v in values:
                by_lang.setdefault(v.language, []).append(v.value)
            return term, {lang: vs[0] if len(vs) == 1 else sorted(vs) for lang, vs in sorted(by_lang.items())}
        out = sorted((self._value(v, spec) for v in values), key=lambda x: json.dumps(x, ensure_ascii=False))
        return term, out[0] if len(out) == 1 else out

    def node(self, subject, triples: list) -> dict:
        node: dict = {"@id": self.node_id(subject)}
        for predicate, group in groupby(triples, key=lambda t: t[0]):
            values = [o for _, o in group]
            if predicate == RDF_TYPE and all(isinstance(v, ox.NamedNode) for v in values):
                types = sorted(self.classes.get(v.value) or self.iri(v.value) for v in values)
                node["@type"] = types[0] if len(types) == 1 else types
                continue
            key, value = self.property(predicate, values)
            node[key] = value
        return node


def _nodes(c: _Compactor, quads: Iterable) -> list[dict]:
    by_subject: dict = {}
    for q in quads:
        by_subject.setdefault(q.subject, []).append((q.predicate.value, q.object))
    nodes = []
    for subject, triples in by_subject.items():
        triples.sort(key=lambda t: (t[0], str(t[1])))
        nodes.append(c.node(subject, triples))
    return sorted(nodes, key=lambda n: n["@id"])


def write_jsonld(db: ox.Store, out: BinaryIO) -> None:
    """Write every graph of ``db`` as compact JSON-LD, one ``@graph`` block per named graph."""
    c = _Compactor()
    out.write(b'{\n"@context": ')
    out.write(json.dumps(context(), ensure_ascii=False, indent=1).encode())
    out.write(b',\n"@graph": [')
    first = True
    default = _nodes(c, db.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    for node in default:
        out.write((b"" if first else b",") + b"\n" + json.dumps(node, ensure_ascii=False).encode())
        first = False
    for g in sorted(db.named_graphs(), key=lambda g: g.value):
        block = {"@id": c.node_id(g), "@graph": _nodes(c, db.quads_for_pattern(None, None, None, g))}
        out.write((b"" if first else b",") + b"\n" + json.dumps(block, ensure_ascii=False).encode())
        first = False
    out.write(b"\n]}\n")


def _write_context_file() -> None:
    CONTEXT_FILE.write_text(json.dumps({"@context": context()}, ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")


if __name__ == "__main__":
    _write_context_file()
    print(f"wrote {CONTEXT_FILE}")
