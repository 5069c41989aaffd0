"""NetworkX views of the graph: pure functions from the store (through SPARQL) to a networkx graph.

Every view has a name and a one-line description (:data:`VIEWS`). Nodes carry
``cls`` (ontology class), ``label_ar``, ``label_en`` and ``docs``; edges carry
``relation``, ``evidence`` (the sentence the fact came from), ``doc`` and ``weight``.

>>> import tempfile, graph
>>> store = tempfile.mkdtemp()
>>> _ = graph.build(store=store)
>>> g = view("partner-meeting", store)
>>> any(d["cls"] == "Meeting" for _, d in g.nodes(data=True))
True
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Callable

import networkx as nx
import pyoxigraph as ox

from graph.errors import CkgError
from graph.store import Store
from queries import CannedQuery, run_local, ship

__all__ = ["View", "VIEWS", "view", "fact_graph", "find_entity", "UnknownViewError"]


class UnknownViewError(CkgError):
    """No view has that name."""


@dataclass(frozen=True)
class View:
    name: str
    description: str
    build: Callable[..., nx.Graph]


@lru_cache(maxsize=None)
def _sparql(name: str) -> CannedQuery:
    text = (resources.files("viz") / "sparql" / f"{name}.rq").read_text(encoding="utf-8")
    return ship(CannedQuery.parse(f"view-{name}", text))  # a view's rows are kept in the store like a listing's


def _rows(store: Store, name: str) -> list[dict[str, str | None]]:
    return run_local(_sparql(name), store).as_dicts()


def _labels(store: Store, rows: list[dict[str, str | None]], *columns: str) -> dict[str, dict[str, str | None]]:
    """Class and labels of the entities in ``columns`` of ``rows``, the ones a view shows.

    Asked for by name, a few thousand at a time: listing every entity instead took most of the
    time of a view of a large store (3.1 of 4.6 s at a million triples).
    """
    wanted = sorted({r[c] for r in rows for c in columns if r[c] and r[c].startswith(("http://", "https://"))})
    q = _sparql("labels")
    out: dict[str, dict[str, str | None]] = {}
    for k in range(0, len(wanted), 2000):
        values = " ".join(str(ox.NamedNode(iri)) for iri in wanted[k:k + 2000])
        text = q.text.replace("WHERE {", f"WHERE {{\n  VALUES ?x {{ {values} }}", 1)
        out.update((r["x"], r) for r in run_local(replace(q, text=text), store).as_dicts())
    return out


def _node(g: nx.Graph, iri: str, labels: dict, doc: str | None = None, cls: str | None = None,
          ar: str | None = None, en: str | None = None) -> None:
    info = labels.get(iri, {})
    if iri not in g:
        g.add_node(iri, cls=cls or info.get("cls") or "Thing", label_ar=ar or info.get("ar"),
                   label_en=en or info.get("en"), docs=[])
    if doc and doc not in g.nodes[iri]["docs"]:
        g.nodes[iri]["docs"].append(doc)


def _edge(g: nx.Graph, a: str, b: str, relation: str, evidence: str, doc: str, weight: float = 1.0) -> None:
    if g.has_edge(a, b):
        e = g.edges[a, b]
        if evidence not in e["evidence"].split(" | "):
            e["evidence"] += " | " + evidence
        if doc not in e["doc"].split():
            e["doc"] += " " + doc
        e["weight"] += weight if relation == e["relation"] else 0
        return
    g.add_edge(a, b, relation=relation, evidence=evidence, doc=doc, weight=weight)


def partner_meeting(store: Store) -> nx.Graph:
    """Bipartite graph of partners and the meetings they took part in; edges carry the role."""
    g = nx.Graph(name="partner-meeting")
    rows = _rows(store, "partner-meeting")
    labels = _labels(store, rows, "meeting", "partner")
    for r in rows:
        _node(g, r["meeting"], labels, r["doc"], cls="Meeting")
        g.nodes[r["meeting"]]["bipartite"] = 0
        _node(g, r["partner"], labels, r["doc"])
        g.nodes[r["partner"]]["bipartite"] = 1
        _edge(g, r["partner"], r["meeting"], r["role"], r["evidence"], r["doc"])
    return g


def co_attendance(store: Store) -> nx.Graph:
    """Partners linked by the meetings they shared, weighted by their number."""
    pm = partner_meeting(store)
    partners = [n for n, d in pm.nodes(data=True) if d.get("bipartite") == 1]
    g = nx.Graph(name="co-attendance")
    for n in partners:
        g.add_node(n, **{k: v for k, v in pm.nodes[n].items() if k != "bipartite"})
    for m, d in pm.nodes(data=True):
        if d.get("bipartite") != 0:
            continue
        who = sorted(pm.neighbors(m))
        label = d.get("label_ar") or m
        for i, a in enumerate(who):
            for b in who[i + 1:]:
                evidence = pm.edges[a, m]["evidence"].split(" | ")[0]
                _edge(g, a, b, "co-attended", f"{label}: {evidence}", pm.edges[a, m]["doc"], 1.0)
    return g


def group_mandate(store: Store) -> nx.Graph:
    """Working groups, their mandates, the mandates' topics and focus threats."""
    g = nx.Graph(name="group-mandate")
    rows = _rows(store, "group-mandate")
    labels = _labels(store, rows, "group", "focus")
    for r in rows:
        _node(g, r["group"], labels, r["doc"], ar=r["group_ar"], en=r["group_en"])
        mandate = f"{r['group']}#mandate-{r['topic'] or 'general'}"
        _node(g, mandate, labels, r["doc"], cls="Mandate", ar=(r["mandate_label"] or "")[:80] or None,
              en=f"mandate: {r['topic']}" if r["topic"] else "mandate")
        _edge(g, r["group"], mandate, "mandate", r["evidence"], r["doc"])
        if r["topic"]:
            topic = f"topic:{r['topic']}"
            _node(g, topic, labels, r["doc"], cls="Topic", ar=None, en=r["topic"])
            _edge(g, mandate, topic, "topic", r["evidence"], r["doc"])
        if r["focus"]:
            _node(g, r["focus"], labels, r["doc"], ar=r["focus_ar"], en=r["focus_en"])
            _edge(g, mandate, r["focus"], "focus", r["evidence"], r["doc"])
    return g


def actor_threat(store: Store) -> nx.Graph:
    """Threat kinds linked to the armed groups behind them and the regions they are reported in."""
    g = nx.Graph(name="actor-threat")
    rows = _rows(store, "actor-threat")
    labels = _labels(store, rows, "kind", "actor", "region")
    for r in rows:
        _node(g, r["kind"], labels, r["doc"], cls="Threat", ar=r["kind_ar"], en=r["kind_en"])
        if r["actor"]:
            _node(g, r["actor"], labels, r["doc"], ar=r["actor_ar"], en=r["actor_en"])
            _edge(g, r["actor"], r["kind"], "poses", r["evidence"], r["doc"])
        if r["region"]:
            _node(g, r["region"], labels, r["doc"], ar=r["region_ar"], en=r["region_en"])
            _edge(g, r["kind"], r["region"], "reported in", r["evidence"], r["doc"])
    return g


def funding(store: Store) -> nx.DiGraph:
    """Donors to beneficiaries, weighted by amount (figures without a donor come from "unnamed donors")."""
    g = nx.DiGraph(name="funding")
    rows = _rows(store, "funding")
    labels = _labels(store, rows, "donor", "beneficiary")
    for r in rows:
        if not r["beneficiary"]:
            continue
        donor = r["donor"] or "donor:unnamed"
        _node(g, donor, labels, r["doc"], cls=None if r["donor"] else "Donors",
              ar=r["donor_ar"] or (None if r["donor"] else "مانحون غير مسمين"),
              en=r["donor_en"] or (None if r["donor"] else "unnamed donors"))
        _node(g, r["beneficiary"], labels, r["doc"], ar=r["beneficiary_ar"], en=r["beneficiary_en"])
        amount = float(r["amount"])
        relation = f"{r['kind']} {amount:,.0f} {r['currency']}"
        if g.has_edge(donor, r["beneficiary"]):
            e = g.edges[donor, r["beneficiary"]]
            if r["evidence"] not in e["evidence"]:
                e["evidence"] += " | " + r["evidence"]
                e["weight"] += amount
                e["relation"] += "; " + relation
        else:
            g.add_edge(donor, r["beneficiary"], relation=relation, evidence=r["evidence"], doc=r["doc"],
                       weight=amount)
    return g


def fact_graph(store: Store) -> nx.MultiGraph:
    """Every entity-to-entity link any fact states, one edge per fact, with its evidence."""
    g = nx.MultiGraph(name="facts")
    rows = _rows(store, "facts")
    labels = _labels(store, rows, "a", "b")
    for r in rows:
        _node(g, r["a"], labels, r["doc"])
        _node(g, r["b"], labels, r["doc"])
        g.add_edge(r["a"], r["b"], relation=r["relation"], evidence=r["evidence"], doc=r["doc"], weight=1.0)
    return g


def find_entity(g: nx.Graph, name: str) -> str:
    """The node whose IRI, English or Arabic label is ``name`` (spelling variants folded)."""
    from graph.text import normalize

    if name in g:
        return name
    want = normalize(name).strip()
    hits = [n for n, d in g.nodes(data=True)
            if want in {normalize(d.get("label_en") or "").strip(), normalize(d.get("label_ar") or "").strip(),
                        normalize(n.rsplit("/", 1)[-1])}]
    if not hits:
        raise CkgError(f"no entity named {name!r} in the graph; give its English or Arabic label or its IRI")
    return sorted(hits)[0]


def ego(store: Store, focus: str, depth: int = 1) -> nx.Graph:
    """The entities within ``depth`` facts of ``focus`` (a label in Arabic or English, or an IRI)."""
    fg = fact_graph(store)
    centre = find_entity(fg, focus)
    near = set(nx.single_source_shortest_path_length(fg, centre, cutoff=depth))
    # In the fact graph's own order: a subgraph view iterates a set of strings, whose order (and
    # so which end of an edge comes first in an export) changed from one process to the next.
    nodes = [n for n in fg if n in near]
    g = nx.Graph(name=f"ego:{centre}")
    g.add_nodes_from((n, fg.nodes[n]) for n in nodes)
    for a, b, d in fg.edges(nodes, data=True):
        if b in near:
            _edge(g, a, b, d["relation"], d["evidence"], d["doc"])
    g.graph["focus"] = centre
    return g


VIEWS: dict[str, View] = {v.name: v for v in (
    View("partner-meeting", "partners and the meetings they attended, hosted or chaired (edge: role)", partner_meeting),
    View("co-attendance", "partners linked by the meetings they shared (weight: meetings in common)", co_attendance),
    View("group-mandate", "working groups, their mandates, topics and focus threats", group_mandate),
    View("actor-threat", "threat kinds with the armed groups behind them and the regions they are reported in",
         actor_threat),
    View("funding", "donors to beneficiaries (weight: amount)", funding),
    View("ego", "everything within --depth facts of one --focus entity", ego),
)}


def view(name: str, store: Store | str | os.PathLike, **options) -> nx.Graph:
    """Build the view ``name`` from ``store`` (``ego`` takes ``focus`` and ``depth``)."""
    if name not in VIEWS:
        raise UnknownViewError(f"no view named {name!r}; 'ckg viz --list' lists them: {', '.join(VIEWS)}")
    st = store if isinstance(store, Store) else Store(store)
    if name == "ego":
        if not options.get("focus"):
            raise CkgError("the ego view needs --focus ENTITY (a label in Arabic or English, or an IRI)")
        return ego(st, options["focus"], int(options.get("depth") or 1))
    return VIEWS[name].build(st)
