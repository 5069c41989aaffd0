"""Views for Gephi and Cytoscape: GraphML and GEXF with scalar attributes."""
from __future__ import annotations

import networkx as nx

__all__ = ["for_file", "write_view"]


def for_file(g: nx.Graph) -> nx.Graph:
    """A copy whose attributes are strings or numbers (lists joined by spaces, None dropped)."""
    h = g.__class__()
    h.graph.update({k: str(v) for k, v in g.graph.items()})
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: (" ".join(v) if isinstance(v, list) else v) for k, v in d.items() if v is not None})
    for e in g.edges(data=True, keys=True) if g.is_multigraph() else g.edges(data=True):
        *ends, d = e
        h.add_edge(*ends, **{k: v for k, v in d.items() if v is not None})
    return h


def write_view(g: nx.Graph, fmt: str, fh) -> None:
    """Write ``g`` as ``graphml`` or ``gexf`` to the binary stream ``fh``."""
    h = for_file(g)
    if fmt == "graphml":
        nx.write_graphml(h, fh, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(h, fh, encoding="utf-8")
    else:
        raise ValueError(f"unknown view format {fmt!r}")
