"""Fact records to RDF: one named graph per document, shared entities in their own graph.

IRIs are deterministic, so building the same input twice gives the same graph,
and a thing reported by two documents gets one IRI: lexicon entities by their
identifier, meetings by (kind, place, month), people by their normalised name.

Each fact is a node typed with its ontology class, linked to the sentence it
came from (``ckg:evidence``), the rule that found it (``ckg:rule``) and its
document (``ckg:document``); the sentence node keeps the verbatim text and its
character offsets.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from . import facts as F
from .lexicon import Lexicon
from .namespace import CKG, DCTERMS, DOC, GRAPH, ID, KIND, ENTITY_GRAPH, WD
from .text import normalize

__all__ = ["doc_iri", "doc_graph", "entity_iri", "document_quads", "entity_quads", "date_literal", "mint_key"]


@lru_cache(maxsize=4096)
def N(iri: str) -> NamedNode:
    return NamedNode(str(iri))


_TYPE = N(RDF.type)
_LABEL = N(RDFS.label)
_ALT = N(SKOS.altLabel)


def doc_iri(doc_id: str) -> NamedNode:
    return N(DOC + quote(doc_id, safe="-_.~"))


def doc_graph(doc_id: str) -> NamedNode:
    return N(GRAPH + "doc/" + quote(doc_id, safe="-_.~"))


def entity_iri(key: str) -> NamedNode:
    return N(ID + quote(key, safe="-_.~"))


def mint_key(prefix: str, *parts: object) -> str:
    """A stable key for a thing found from the language: ``prefix-<hash of parts>``."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{h[:12]}"


def date_literal(value: str) -> Literal:
    """``YYYY-MM-DD`` as xsd:date, ``YYYY-MM`` as xsd:gYearMonth, ``YYYY`` as xsd:gYear."""
    dt = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value))
    if dt is None:
        raise ValueError(f"not a date at day, month or year precision: {value!r}")
    return Literal(value, datatype=N(dt))


def _int(v: int) -> Literal:
    return Literal(str(int(v)), datatype=N(XSD.integer))


def _dec(v: float) -> Literal:
    text = f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))
    return Literal(text, datatype=N(XSD.decimal))


def _ar(text: str) -> Literal:
    return Literal(text, language="ar")


def entity_quads(keys: Iterable[str], lexicon: Lexicon) -> Iterator[Quad]:
    """Type, labels and Wikidata link of the lexicon entities ``keys``, in the entity graph."""
    g = N(ENTITY_GRAPH)
    for key in sorted(set(keys)):
        e = lexicon.get(key)
        if e is None:
            continue
        s = entity_iri(key)
        yield Quad(s, _TYPE, N(CKG[e.cls]), g)
        yield Quad(s, _LABEL, _ar(e.ar), g)
        if e.en:
            yield Quad(s, _LABEL, Literal(e.en, language="en"), g)
        for alt in sorted(set(e.patterns) - {e.ar}):
            yield Quad(s, _ALT, _ar(alt), g)
        if e.wikidata:
            yield Quad(s, N(OWL.sameAs), N(WD[e.wikidata]), g)
        for prop, value in (("country", e.extra.get("country")), ("region", e.extra.get("region"))):
            if value and value in lexicon:
                yield Quad(s, N(CKG[prop]), entity_iri(value), g)
        if e.cls in ("WorkingGroup", "CoalitionBody"):
            yield Quad(s, N(CKG.partOf), entity_iri("COALITION"), g)
        if e.extra.get("topic"):
            yield Quad(s, N(CKG.topic), N(KIND("topic", e.extra["topic"])), g)
        if e.extra.get("threat"):
            yield Quad(s, N(CKG.threatKind), N(KIND("threat", e.extra["threat"])), g)


class _DocWriter:
    def __init__(self, parsed: F.Parsed):
        self.parsed = parsed
        self.doc_id = parsed.doc.id
        self.g = doc_graph(self.doc_id)
        self.doc = doc_iri(self.doc_id)
        self.out: list[Quad] = []
        self.sentences_written: set[int] = set()
        self.n = 0

    def add(self, s, p, o) -> None:
        self.out.append(Quad(s, p if isinstance(p, NamedNode) else N(p), o, self.g))

    def sentence(self, ev: F.Evidence) -> NamedNode:
        s = N(f"{self.doc.value}#s{ev.sentence}")
        if ev.sentence not in self.sentences_written:
            self.sentences_written.add(ev.sentence)
            self.add(s, _TYPE, N(CKG.Sentence))
            self.add(s, CKG.text, Literal(ev.text))
            self.add(s, CKG.normalizedText, Literal(normalize(ev.text)))
            self.add(s, CKG.startOffset, _int(ev.start))
            self.add(s, CKG.endOffset, _int(ev.end))
            self.add(s, CKG.document, self.doc)
        return s

    def fact(self, f: F.Fact, cls) -> NamedNode:
        self.n += 1
        node = N(f"{self.doc.value}#{f.kind_name}-{self.n}")
        self.add(node, _TYPE, N(cls))
        self.add(node, CKG.evidence, self.sentence(f.evidence))
        self.add(node, CKG.rule, Literal(f.rule))
        self.add(node, CKG.document, self.doc)
        return node

    def ent(self, key: str) -> NamedNode:
        return entity_iri(key)


def document_quads(parsed: F.Parsed, lexicon: Lexicon) -> list[Quad]:
    """All quads of one document's named graph, plus the shared entities it refers to."""
    w = _DocWriter(parsed)
    d = parsed.doc
    w.add(w.doc, _TYPE, N(CKG.Document))
    w.add(w.doc, N(DCTERMS.identifier), Literal(d.id))
    w.add(w.doc, CKG.contentHash, Literal(d.sha256))
    if d.published:
        w.add(w.doc, CKG.published, date_literal(d.published))
    if d.title:
        w.add(w.doc, N(DCTERMS.title), _ar(d.title))
    if d.source:
        w.add(w.doc, N(DCTERMS.source), Literal(d.source))

    referenced: set[str] = set()

    def ref(key: str | None) -> NamedNode | None:
        if not key:
            return None
        referenced.add(key)
        return w.ent(key)

    for key, ne in sorted(parsed.entities.items()):
        s = w.ent(key)
        w.add(s, _TYPE, N(CKG[ne.cls]))
        w.add(s, _LABEL, _ar(ne.label_ar))
        if ne.label_en:
            w.add(s, _LABEL, Literal(ne.label_en, language="en"))

    first: dict[str, F.Mention] = {}
    for m in parsed.mentions:
        first.setdefault(m.entity, m)
    for key, m in first.items():
        node = w.fact(m, CKG.Mention)
        w.add(node, CKG.about, ref(key))
        w.add(node, CKG.surface, _ar(m.surface))
        w.add(node, CKG.startOffset, _int(m.start))
        w.add(node, CKG.endOffset, _int(m.end))
        w.add(w.doc, CKG.mentions, w.ent(key))

    meetings: dict[str, NamedNode] = {}
    for f in parsed.facts:
        if isinstance(f, F.Meeting):
            meetings[f.key] = w.ent(f.key)

    for f in parsed.facts:
        if isinstance(f, F.Meeting):
            m = meetings[f.key]
            w.add(m, _TYPE, N(CKG.Meeting))
            w.add(m, N(CKG.meetingKind), N(KIND("meeting", f.kind)))
            if f.label:
                w.add(m, _LABEL, _ar(f.label))
            if f.place:
                w.add(m, CKG.place, ref(f.place))
            if f.start_date:
                w.add(m, CKG.startDate, date_literal(f.start_date))
            else:
                w.add(m, CKG.unstated, Literal("startDate"))
            if f.end_date:
                w.add(m, CKG.endDate, date_literal(f.end_date))
            if f.virtual:
                w.add(m, CKG.virtual, Literal("true", datatype=N(XSD.boolean)))
            w.add(m, CKG.evidence, w.sentence(f.evidence))
            w.add(m, CKG.document, w.doc)
            w.add(m, CKG.rule, Literal(f.rule))
        elif isinstance(f, F.Participation):
            node = w.fact(f, CKG.Participation)
            w.add(node, CKG.meeting, meetings.get(f.meeting) or w.ent(f.meeting))
            w.add(node, CKG.participant, ref(f.actor))
            w.add(node, CKG.role, N(KIND("role", f.role)))
        elif isinstance(f, F.PersonRole):
            node = w.fact(f, CKG.Position)
            w.add(node, CKG.holder, ref(f.person))
            if f.role_ar:
                w.add(node, CKG.roleTitle, _ar(f.role_ar))
            if f.role_en:
                w.add(node, CKG.roleTitle, Literal(f.role_en, language="en"))
            if f.affiliation:
                w.add(node, CKG.affiliation, ref(f.affiliation))
            else:
                w.add(node, CKG.unstated, Literal("affiliation"))
        elif isinstance(f, F.Join):
            node = w.fact(f, CKG.Membership)
            w.add(node, CKG.member, ref(f.member))
            if f.meeting:
                w.add(node, CKG.atEvent, meetings.get(f.meeting) or w.ent(f.meeting))
            if f.date:
                w.add(node, CKG.date, date_literal(f.date))
        elif isinstance(f, F.CoalitionSize):
            node = w.fact(f, CKG.SizeStatement)
            w.add(node, CKG["count"], _int(f.count))
            if f.as_of:
                w.add(node, CKG.asOf, date_literal(f.as_of))
        elif isinstance(f, F.Funding):
            node = w.fact(f, CKG.FundingFigure)
            w.add(node, CKG.fundingKind, N(KIND("funding", f.kind)))
            w.add(node, CKG.amount, _dec(f.amount))
            w.add(node, CKG.currency, Literal(f.currency))
            w.add(node, CKG.qualifier, N(KIND("qualifier", f.qualifier)))
            if f.donor:
                w.add(node, CKG.donor, ref(f.donor))
            for b in f.beneficiaries:
                w.add(node, CKG.beneficiary, ref(b))
            if f.purpose:
                w.add(node, CKG.purpose, _ar(f.purpose))
            if f.year:
                w.add(node, CKG.year, date_literal(f.year))
        elif isinstance(f, F.Mandate):
            node = w.fact(f, CKG.Mandate)
            w.add(node, CKG.group, ref(f.group))
            w.add(node, _LABEL, _ar(f.text))
            if f.topic:
                w.add(node, CKG.topic, N(KIND("topic", f.topic)))
            if f.focus:
                w.add(node, CKG.focus, ref(f.focus))
        elif isinstance(f, F.Threat):
            node = w.fact(f, CKG.ThreatReport)
            w.add(node, CKG.threatKind, N(KIND("threat", f.kind)))
            if f.actor:
                w.add(node, CKG.threatActor, ref(f.actor))
            if f.region:
                w.add(node, CKG.region, ref(f.region))
        elif isinstance(f, F.Attack):
            key = mint_key("attack", f.place, f.date, d.id if not (f.place and f.date) else "")
            a = w.ent(key)
            w.add(a, _TYPE, N(CKG.Attack))
            w.add(a, CKG.evidence, w.sentence(f.evidence))
            w.add(a, CKG.document, w.doc)
            w.add(a, CKG.rule, Literal(f.rule))
            if f.perpetrator:
                w.add(a, CKG.perpetrator, ref(f.perpetrator))
            if f.place:
                w.add(a, CKG.place, ref(f.place))
            if f.date:
                w.add(a, CKG.date, date_literal(f.date))
        elif isinstance(f, F.Commitment):
            node = w.fact(f, CKG.Commitment)
            w.add(node, CKG.commitmentKind, N(KIND("commitment", f.kind)))
            w.add(node, _LABEL, _ar(f.label))
            if f.actor:
                w.add(node, CKG.committedBy, ref(f.actor))
            if f.object:
                w.add(node, CKG["object"], ref(f.object))
            if f.meeting:
                w.add(node, CKG.atEvent, meetings.get(f.meeting) or w.ent(f.meeting))

    w.out.extend(entity_quads(referenced | set(first), lexicon))
    return w.out
