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
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import NamedNode, Quad, RdfFormat, parse
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from . import facts as F
from .lexicon import Lexicon
from .namespace import CKG, DCTERMS, DOC, GRAPH, ID, KIND, ENTITY_GRAPH, WD
from .text import normalize

__all__ = ["doc_iri", "doc_graph", "entity_iri", "document_rdf", "DocumentRDF", "document_quads", "entity_nquads",
           "mint_key"]


@lru_cache(maxsize=4096)
def N(iri: str) -> NamedNode:
    return NamedNode(str(iri))


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


def _dec_text(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))


# N-Quads text is written directly: building a pyoxigraph term per triple and serialising them
# took a fifth of extraction time. Every IRI below is either a constant of the ontology or built
# from percent-encoded keys (quote() with a safe set of unreserved characters), so it needs no
# escaping; literals are escaped by _lit.

@lru_cache(maxsize=8192)
def _iri(iri: str) -> str:
    return f"<{iri}>"


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _lit(text: str, lang: str | None = None) -> str:
    """A string literal in N-Quads syntax (only \\, ", LF and CR need escaping there)."""
    body = text.translate(_ESCAPES)
    return f'"{body}"@{lang}' if lang else f'"{body}"'


_T_TYPE, _T_LABEL, _T_ALT = _iri(str(RDF.type)), _iri(str(RDFS.label)), _iri(str(SKOS.altLabel))
_T_ENTITIES = _iri(str(ENTITY_GRAPH))
_XSD_INT, _XSD_DEC, _XSD_BOOL = str(XSD.integer), str(XSD.decimal), str(XSD.boolean)
_DATE_TYPES = {10: str(XSD.date), 7: str(XSD.gYearMonth), 4: str(XSD.gYear)}


@lru_cache(maxsize=None)
def _c(term: str) -> str:
    """A term of the ontology (``CKG.x``) as N-Quads text."""
    return _iri(str(CKG[term]))  # type: ignore[misc]  # (a DefinedNamespace is indexed by its terms)


@lru_cache(maxsize=None)
def _kind(scheme: str, value: str) -> str:
    return _iri(str(KIND(scheme, value)))


@lru_cache(maxsize=65536)
def _eiri(key: str) -> str:
    return _iri(entity_iri(key).value)


def _date(value: str) -> str:
    dt = _DATE_TYPES.get(len(value))
    if dt is None:
        raise ValueError(f"not a date at day, month or year precision: {value!r}")
    return f'"{value}"^^<{dt}>'


def _int_t(v: int) -> str:
    return f'"{int(v)}"^^<{_XSD_INT}>'


def entity_nquads(key: str, lexicon: Lexicon) -> str:
    """Type, labels and Wikidata link of lexicon entity ``key`` in the entity graph, as N-Quads text
    ("" for a key the lexicon does not know)."""
    e = lexicon.get(key)
    if e is None:
        return ""
    s, g = _eiri(key), _T_ENTITIES
    out = [f"{s} {_T_TYPE} {_c(e.cls)} {g} .", f"{s} {_T_LABEL} {_lit(e.ar, 'ar')} {g} ."]
    if e.en:
        out.append(f"{s} {_T_LABEL} {_lit(e.en, 'en')} {g} .")
    for alt in sorted(set(e.patterns) - {e.ar}):
        out.append(f"{s} {_T_ALT} {_lit(alt, 'ar')} {g} .")
    if e.wikidata:
        out.append(f"{s} {_iri(str(OWL.sameAs))} {_iri(WD[e.wikidata])} {g} .")
    for prop, value in (("country", e.extra.get("country")), ("region", e.extra.get("region"))):
        if value and value in lexicon:
            out.append(f"{s} {_c(prop)} {_eiri(value)} {g} .")
    if e.cls in ("WorkingGroup", "CoalitionBody"):
        out.append(f"{s} {_c('partOf')} {_eiri('COALITION')} {g} .")
    if e.extra.get("topic"):
        out.append(f"{s} {_c('topic')} {_kind('topic', e.extra['topic'])} {g} .")
    if e.extra.get("threat"):
        out.append(f"{s} {_c('threatKind')} {_kind('threat', e.extra['threat'])} {g} .")
    return "\n".join(out) + "\n"


class _DocWriter:
    """Lines of one document's named graph."""

    def __init__(self, parsed: F.Parsed):
        self.doc_id = parsed.doc.id
        self.g = _iri(str(doc_graph(self.doc_id).value))
        self.doc_value = doc_iri(self.doc_id).value
        self.doc = _iri(self.doc_value)
        self.out: list[str] = []
        self.sentences_written: set[int] = set()
        self.n = 0
        self.referenced: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.out.append(f"{s} {p} {o} {self.g} .")

    def sentence(self, ev: F.Evidence) -> str:
        s = f"<{self.doc_value}#s{ev.sentence}>"
        if ev.sentence not in self.sentences_written:
            self.sentences_written.add(ev.sentence)
            self.add(s, _T_TYPE, _c("Sentence"))
            self.add(s, _c("text"), _lit(ev.text))
            self.add(s, _c("normalizedText"), _lit(normalize(ev.text)))
            self.add(s, _c("startOffset"), _int_t(ev.start))
            self.add(s, _c("endOffset"), _int_t(ev.end))
            self.add(s, _c("document"), self.doc)
        return s

    def fact(self, f: F.Fact, cls: str) -> str:
        self.n += 1
        node = f"<{self.doc_value}#{f.kind_name}-{self.n}>"
        self.add(node, _T_TYPE, _c(cls))
        self.add(node, _c("evidence"), self.sentence(f.evidence))
        self.add(node, _c("rule"), _lit(f.rule))
        self.add(node, _c("document"), self.doc)
        return node

    def ref(self, key: str) -> str:
        """An entity the fact points at; lexicon entities among them get their description."""
        self.referenced.add(key)
        return _eiri(key)


@dataclass
class DocumentRDF:
    """One document as N-Quads text: its named graph, and the lexicon entities it refers to
    (whose descriptions, :func:`entity_nquads`, go once into the shared entity graph)."""

    nquads: str
    triples: int
    entities: frozenset[str]


def document_rdf(parsed: F.Parsed, lexicon: Lexicon) -> DocumentRDF:
    """The document's named graph as N-Quads text, and the lexicon entities it refers to."""
    w = _DocWriter(parsed)
    d = parsed.doc
    add, c, ref = w.add, _c, w.ref
    add(w.doc, _T_TYPE, c("Document"))
    add(w.doc, _iri(str(DCTERMS.identifier)), _lit(d.id))
    add(w.doc, c("contentHash"), _lit(d.sha256))
    if d.published:
        add(w.doc, c("published"), _date(d.published))
    if d.title:
        add(w.doc, _iri(str(DCTERMS.title)), _lit(d.title, "ar"))
    if d.source:
        add(w.doc, _iri(str(DCTERMS.source)), _lit(d.source))

    for key, ne in sorted(parsed.entities.items()):
        s = _eiri(key)
        add(s, _T_TYPE, c(ne.cls))
        add(s, _T_LABEL, _lit(ne.label_ar, "ar"))
        if ne.label_en:
            add(s, _T_LABEL, _lit(ne.label_en, "en"))

    first: dict[str, F.Mention] = {}
    for m in parsed.mentions + parsed.implied:
        first.setdefault(m.entity, m)
    for key, m in first.items():
        node = w.fact(m, "Mention")
        add(node, c("about"), ref(key))
        add(node, c("surface"), _lit(m.surface, "ar"))
        add(node, c("startOffset"), _int_t(m.start))
        add(node, c("endOffset"), _int_t(m.end))
        add(w.doc, c("mentions"), _eiri(key))

    meetings: dict[str, str] = {}
    for f in parsed.facts:
        if isinstance(f, F.Meeting):
            meetings[f.key] = _eiri(f.key)

    for f in parsed.facts:
        if isinstance(f, F.Meeting):
            mt = meetings[f.key]
            add(mt, _T_TYPE, c("Meeting"))
            add(mt, c("meetingKind"), _kind("meeting", f.kind))
            if f.label:
                add(mt, _T_LABEL, _lit(f.label, "ar"))
            if f.place:
                add(mt, c("place"), ref(f.place))
            if f.start_date:
                add(mt, c("startDate"), _date(f.start_date))
            else:
                add(mt, c("unstated"), _lit("startDate"))
            if f.end_date:
                add(mt, c("endDate"), _date(f.end_date))
            if f.virtual:
                add(mt, c("virtual"), f'"true"^^<{_XSD_BOOL}>')
            add(mt, c("evidence"), w.sentence(f.evidence))
            add(mt, c("document"), w.doc)
            add(mt, c("rule"), _lit(f.rule))
        elif isinstance(f, F.Participation):
            node = w.fact(f, "Participation")
            add(node, c("meeting"), meetings.get(f.meeting) or _eiri(f.meeting))
            add(node, c("participant"), ref(f.actor))
            add(node, c("role"), _kind("role", f.role))
        elif isinstance(f, F.PersonRole):
            node = w.fact(f, "Position")
            add(node, c("holder"), ref(f.person))
            if f.role_ar:
                add(node, c("roleTitle"), _lit(f.role_ar, "ar"))
            if f.role_en:
                add(node, c("roleTitle"), _lit(f.role_en, "en"))
            if f.affiliation:
                add(node, c("affiliation"), ref(f.affiliation))
            else:
                add(node, c("unstated"), _lit("affiliation"))
        elif isinstance(f, F.Join):
            node = w.fact(f, "Membership")
            add(node, c("member"), ref(f.member))
            if f.meeting:
                add(node, c("atEvent"), meetings.get(f.meeting) or _eiri(f.meeting))
            if f.date:
                add(node, c("date"), _date(f.date))
        elif isinstance(f, F.CoalitionSize):
            node = w.fact(f, "SizeStatement")
            add(node, c("count"), _int_t(f.count))
            if f.as_of:
                add(node, c("asOf"), _date(f.as_of))
        elif isinstance(f, F.Funding):
            node = w.fact(f, "FundingFigure")
            add(node, c("fundingKind"), _kind("funding", f.kind))
            add(node, c("amount"), f'"{_dec_text(f.amount)}"^^<{_XSD_DEC}>')
            add(node, c("currency"), _lit(f.currency))
            add(node, c("qualifier"), _kind("qualifier", f.qualifier))
            if f.donor:
                add(node, c("donor"), ref(f.donor))
            for b in f.beneficiaries:
                add(node, c("beneficiary"), ref(b))
            if f.purpose:
                add(node, c("purpose"), _lit(f.purpose, "ar"))
            if f.year:
                add(node, c("year"), _date(f.year))
        elif isinstance(f, F.Mandate):
            node = w.fact(f, "Mandate")
            add(node, c("group"), ref(f.group))
            add(node, _T_LABEL, _lit(f.text, "ar"))
            if f.topic:
                add(node, c("topic"), _kind("topic", f.topic))
            if f.focus:
                add(node, c("focus"), ref(f.focus))
        elif isinstance(f, F.Threat):
            node = w.fact(f, "ThreatReport")
            add(node, c("threatKind"), _kind("threat", f.kind))
            if f.actor:
                add(node, c("threatActor"), ref(f.actor))
            if f.region:
                add(node, c("region"), ref(f.region))
        elif isinstance(f, F.Attack):
            a = _eiri(mint_key("attack", f.place, f.date, d.id if not (f.place and f.date) else ""))
            add(a, _T_TYPE, c("Attack"))
            add(a, c("evidence"), w.sentence(f.evidence))
            add(a, c("document"), w.doc)
            add(a, c("rule"), _lit(f.rule))
            if f.perpetrator:
                add(a, c("perpetrator"), ref(f.perpetrator))
            if f.place:
                add(a, c("place"), ref(f.place))
            if f.date:
                add(a, c("date"), _date(f.date))
        elif isinstance(f, F.Commitment):
            node = w.fact(f, "Commitment")
            add(node, c("commitmentKind"), _kind("commitment", f.kind))
            add(node, _T_LABEL, _lit(f.label, "ar"))
            if f.actor:
                add(node, c("committedBy"), ref(f.actor))
            if f.object:
                add(node, c("object"), ref(f.object))
            if f.meeting:
                add(node, c("atEvent"), meetings.get(f.meeting) or _eiri(f.meeting))

    w.out.append("")
    return DocumentRDF("\n".join(w.out), len(w.out) - 1,
                       frozenset(k for k in w.referenced | set(first) if k in lexicon))


def document_quads(parsed: F.Parsed, lexicon: Lexicon) -> list[Quad]:
    """All quads of one document's named graph, plus the shared entities it refers to."""
    r = document_rdf(parsed, lexicon)
    text = r.nquads + "".join(entity_nquads(k, lexicon) for k in sorted(r.entities))
    return list(parse(input=text.encode("utf-8"), format=RdfFormat.N_QUADS))
