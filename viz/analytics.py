"""Graph analytics on the views: central nodes, communities, and the chain of facts between two entities.

>>> import networkx as nx
>>> g = nx.path_graph(["a", "b", "c"])
>>> [n for n, _ in central(g, "degree", 1)]
['b']
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.errors import CkgError

__all__ = ["central", "communities", "Link", "shortest_chain", "label"]


def label(g: nx.Graph, n: str) -> str:
    d = g.nodes[n]
    return d.get("label_en") or d.get("label_ar") or n


def central(g: nx.Graph, measure: str = "degree", top: int = 10) -> list[tuple[str, float]]:
    """The ``top`` nodes by ``degree`` or ``betweenness`` centrality (ties broken by node id)."""
    if g.number_of_nodes() == 0:
        return []
    simple = nx.Graph(g) if g.is_multigraph() or g.is_directed() else g
    if measure == "degree":
        scores = nx.degree_centrality(simple)
    elif measure == "betweenness":
        k = min(simple.number_of_nodes(), 500) if simple.number_of_nodes() > 2000 else None
        scores = nx.betweenness_centrality(simple, k=k, seed=7)
    else:
        raise CkgError(f"unknown centrality {measure!r}; use degree or betweenness")
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def communities(g: nx.Graph) -> list[list[str]]:
    """Communities by greedy modularity, largest first, each sorted (deterministic)."""
    simple = nx.Graph(g)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    if simple.number_of_edges() == 0:
        return [[n] for n in sorted(simple)]
    found = nx.community.greedy_modularity_communities(simple, weight="weight")
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


@dataclass
class Link:
    """One step of a chain: two entities, the relation between them and the sentence that states it."""

    source: str
    target: str
    relation: str
    evidence: str
    doc: str


def shortest_chain(g: nx.Graph, a: str, b: str) -> list[Link]:
    """The shortest chain of facts from ``a`` to ``b`` in the fact graph, each with its evidence."""
    try:
        nodes = nx.shortest_path(g, a, b)
    except nx.NetworkXNoPath:
        raise CkgError(f"no chain of facts links {label(g, a)} and {label(g, b)}") from None
    out = []
    for x, y in zip(nodes, nodes[1:]):
        data = g.get_edge_data(x, y)
        if g.is_multigraph():
            data = data[min(data)]
        out.append(Link(x, y, data["relation"], data["evidence"], data["doc"]))
    return out
