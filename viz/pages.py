"""Interactive HTML pages of a view: one self-contained file that works offline.

A page is the vis-network library that pyvis ships (its JavaScript and CSS inlined, no
remote reference at all: pyvis's own template still links Bootstrap from a CDN), a small
template of our own, and the graph as JSON data in ``<script type="application/json">``.
Text from documents is data, never markup: the JSON is escaped so that nothing in it can
close the script element, and the page's script builds every tooltip, label and panel with
DOM text nodes.

Positions are computed here, deterministically: the same graph gives byte-identical HTML.
Above ``physics_limit`` shown nodes the browser runs no physics at all (a few thousand nodes
would keep it busy for minutes); above ``max_nodes`` the page keeps the nodes of highest
degree and says so.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", cls="Country", label_ar="العراق", label_en="Iraq", docs=["d1"])
>>> g.add_node("b", cls="Meeting", label_ar="اجتماع بغداد", label_en=None, docs=["d1"])
>>> g.add_edge("a", "b", relation="host", evidence="استضافت بغداد الاجتماع", doc="d1")
>>> html, info = render_page(g, "مثال")
>>> (info.nodes, info.edges, info.shown_nodes, info.physics, info.truncated)
(2, 1, 2, True, False)
>>> '<html lang="ar" dir="rtl">' in html and "http" not in html.split("<style>")[0]
True
"""
from __future__ import annotations

import html as _html
import json
import math
import os
import random
import re
import time
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export import write_atomically

__all__ = ["PageInfo", "write_page", "render_page", "vis_library"]

#: Fonts with Arabic glyphs that are commonly installed; nothing is downloaded.
FONT_STACK = '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Arial", sans-serif'

#: Colour and vis-network shape of each class the views produce (ontology local names,
#: plus the view-level classes Topic, Threat, Donors). Other classes get a colour from a
#: hash of their name and a dot.
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#2f6fb0", "dot"),
    "City": ("#5aa9e6", "dot"),
    "Region": ("#7fc8c2", "dot"),
    "Organization": ("#8e6bbf", "diamond"),
    "InternationalOrganization": ("#6a3d9a", "diamond"),
    "GovernmentBody": ("#b294d6", "diamond"),
    "MilitaryCommand": ("#56428a", "diamond"),
    "Coalition": ("#c2185b", "star"),
    "CoalitionBody": ("#e0608f", "hexagon"),
    "WorkingGroup": ("#f08cb0", "hexagon"),
    "Person": ("#e8871e", "dot"),
    "ArmedGroup": ("#b71c1c", "triangleDown"),
    "Meeting": ("#2e9e4f", "square"),
    "Attack": ("#e53935", "triangle"),
    "Event": ("#7cb342", "square"),
    "Mandate": ("#8d6e63", "square"),
    "Topic": ("#9e9d24", "dot"),
    "Threat": ("#d84315", "triangle"),
    "ThreatKind": ("#d84315", "triangle"),
    "ThreatReport": ("#ff7043", "triangle"),
    "Commitment": ("#00897b", "diamond"),
    "FundingFigure": ("#26a69a", "diamond"),
    "Document": ("#607d8b", "square"),
    "Resolution": ("#795548", "square"),
    "Operation": ("#a1887f", "triangle"),
    "Program": ("#4db6ac", "square"),
    "Donors": ("#00897b", "star"),
}

#: Arabic and English names of view-level classes the ontology does not define.
_VIEW_CLASS_NAMES: dict[str, tuple[str, str]] = {
    "Topic": ("موضوع", "Topic"),
    "Threat": ("تهديد", "Threat"),
    "Donors": ("مانحون", "Donors"),
    "Thing": ("أخرى", "Other"),
}

_FALLBACK_COLOURS = ("#3949ab", "#00838f", "#6d4c41", "#ad1457", "#558b2f", "#ef6c00",
                     "#5e35b1", "#00695c", "#c62828", "#4e342e", "#283593", "#827717")

# Glyphs for the legend swatches, one per shape we use.
_SHAPE_GLYPH = {"dot": "●", "diamond": "◆", "square": "■", "triangle": "▲",
                "triangleDown": "▼", "star": "★", "hexagon": "⬢"}

_FULL_LAYOUT_NODES = 1000        # up to this many shown nodes: the full number of iterations
_LAYOUT_SCALE = 45.0             # pixels per layout unit when the browser runs physics
_NEIGHBOUR_PX = 34.0             # without physics: the median distance to the nearest node
_MAX_EDGE_WIDTH = 8.0


@dataclass
class PageInfo:
    """What :func:`render_page` / :func:`write_page` produced.

    ``nodes`` and ``edges`` count the input graph, ``shown_nodes`` the nodes on the page
    (fewer when ``truncated``); ``physics`` says whether the browser runs a layout; ``bytes``
    is the size of the UTF-8 page and ``seconds`` the time it took.
    """

    path: str
    nodes: int
    edges: int
    shown_nodes: int
    truncated: bool
    physics: bool
    bytes: int
    seconds: float


# --------------------------------------------------------------------------- library files


@lru_cache(maxsize=1)
def vis_library() -> tuple[str, str, str]:
    """``(version, javascript, css)`` of the newest vis-network that the pyvis package ships.

    The text is made safe to inline: ``</script`` / ``</style`` cannot occur in it.
    """
    lib = resources.files("pyvis") / "lib"
    found = []
    for entry in lib.iterdir():
        m = re.fullmatch(r"vis-(\d+)\.(\d+)\.(\d+)", entry.name)
        if m and entry.joinpath("vis-network.min.js").is_file():
            found.append((tuple(int(p) for p in m.groups()), entry))
    if not found:
        raise FileNotFoundError(f"no vis-network library under {lib}: is pyvis installed?")
    version, folder = max(found, key=lambda f: f[0])
    js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    # "<\/" means "</" in every JavaScript context where "</script" can appear (strings,
    # regular expressions, comments), and "<!--" would open the parser's escaped state.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE).replace("<!--", "<\\!--")
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return ".".join(map(str, version)), js, css


@lru_cache(maxsize=1)
def _ontology_class_names() -> dict[str, tuple[str, str]]:
    """``{local name: (Arabic label, English label)}`` of the ontology's classes."""
    import pyoxigraph

    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    owl_class = "http://www.w3.org/2002/07/owl#Class"
    rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label"
    with resources.files("ontology").joinpath("ckg.ttl").open("rb") as f:
        quads = list(pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.TURTLE))
    classes = {q.subject.value for q in quads
               if q.predicate.value == rdf_type and q.object.value == owl_class}
    labels: dict[str, dict[str, str]] = {}
    for q in quads:
        if q.predicate.value == rdfs_label and q.subject.value in classes:
            local = re.split(r"[#/]", q.subject.value)[-1]
            labels.setdefault(local, {})[q.object.language or ""] = q.object.value
    return {k: (v.get("ar", ""), v.get("en", k)) for k, v in labels.items()}


def _class_names(cls: str) -> tuple[str, str]:
    known = _ontology_class_names().get(cls) or _VIEW_CLASS_NAMES.get(cls)
    if known:
        return known
    return "", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", cls) or "Other"


def _class_style(cls: str) -> tuple[str, str]:
    if cls in CLASS_STYLE:
        return CLASS_STYLE[cls]
    return _FALLBACK_COLOURS[zlib.crc32(cls.encode("utf-8")) % len(_FALLBACK_COLOURS)], "dot"


# --------------------------------------------------------------------------- values


def _text(value: Any) -> str | None:
    """A value as text that can be written as UTF-8 (lone surrogates replaced), or None."""
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        s = s.encode("utf-8", "replace").decode("utf-8")
    return s


def _docs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [_text(value)]
    try:
        items = list(value)
    except TypeError:
        return [_text(value)]
    return sorted({_text(v) for v in items if v is not None})


def _width(weight: Any) -> float:
    """Edge width in pixels: 1 for weight 1 or less, growing with log2(weight), at most 8."""
    try:
        w = float(weight if weight is not None else 1.0)
    except (TypeError, ValueError):
        w = 1.0
    if not math.isfinite(w) or w <= 1.0:
        return 1.0
    return round(min(_MAX_EDGE_WIDTH, 1.0 + 2.0 * math.log2(w)), 2)


def _local_name(iri: str) -> str:
    tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return tail or iri


def _json_for_script(data: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` etc. mean the
    same; U+2028/U+2029 are escaped too, for tools that still treat the text as script.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# --------------------------------------------------------------------------- selection


def _neighbours(graph: nx.Graph) -> dict[Any, set]:
    """Undirected neighbour sets, self-loops and parallel edges collapsed."""
    nbrs: dict[Any, set] = {n: set() for n in graph}
    for u, v in graph.edges():
        if u != v:
            nbrs[u].add(v)
            nbrs[v].add(u)
    return nbrs


def _select(nodes: list, nbrs: dict[Any, set], ids: dict[Any, str], max_nodes: int) -> list:
    """The ``max_nodes`` nodes of highest degree centrality, ties broken by node id."""
    if len(nodes) <= max_nodes:
        return nodes
    ranked = sorted(nodes, key=lambda n: (-len(nbrs[n]), ids[n]))[:max_nodes]
    return sorted(ranked, key=ids.__getitem__)


# --------------------------------------------------------------------------- layout


def _iterations(n: int) -> int:
    if n <= _FULL_LAYOUT_NODES:
        return 60
    return max(15, int(60 * _FULL_LAYOUT_NODES / n))


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components as sorted index lists, largest first (ties: smallest index)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _layout(n: int, edges: list[tuple[int, int]], seed: int) -> list[complex]:
    """Deterministic positions of ``n`` nodes, in units of the ideal distance of two nodes.

    Each connected component is laid out by :func:`_force_layout`; the components are then
    packed in rows, largest first, so that small ones and isolated nodes neither fly away
    nor pile up in the middle.
    """
    if n == 0:
        return []
    degree = [0] * n
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    comp_of = {}
    comps = _components(n, edges)
    for k, comp in enumerate(comps):
        for i in comp:
            comp_of[i] = k
    comp_edges: list[list[tuple[int, int]]] = [[] for _ in comps]
    local = {}
    for comp in comps:
        for j, i in enumerate(comp):
            local[i] = j
    for a, b in edges:
        comp_edges[comp_of[a]].append((local[a], local[b]))

    boxes = []
    for k, comp in enumerate(comps):
        if len(comp) == 1:
            pts = [0j]
        else:
            pts = _force_layout(len(comp), comp_edges[k], [degree[i] for i in comp],
                                seed * 1_000_003 + k, _iterations(len(comp)))
        xs = [z.real for z in pts]
        ys = [z.imag for z in pts]
        boxes.append((pts, min(xs), min(ys), max(xs) - min(xs) + 2.0, max(ys) - min(ys) + 2.0))

    area = sum(w * h for _, _, _, w, h in boxes)
    row_width = max(boxes[0][3], math.sqrt(area) * 1.1)
    pos = [0j] * n
    x = y = row_height = 0.0
    for k, (comp, (pts, x0, y0, w, h)) in enumerate(zip(comps, boxes)):
        if x > 0 and (x + w > row_width or k == 1):
            x, y, row_height = 0.0, y + row_height, 0.0
        shift = complex(x - x0 + 1.0, y - y0 + 1.0)
        for i, z in zip(comp, pts):
            pos[i] = z + shift
        x += w
        row_height = max(row_height, h)
    return pos


def _nearest_median(pos: list[complex]) -> float:
    """The median distance from a node to its nearest other node (0 for fewer than 2)."""
    if len(pos) < 2:
        return 0.0
    grid: dict[tuple[int, int], list[int]] = {}
    for i, z in enumerate(pos):
        grid.setdefault((int(z.real // 2.0), int(z.imag // 2.0)), []).append(i)
    nearest = []
    for i, z in enumerate(pos):
        gx, gy = int(z.real // 2.0), int(z.imag // 2.0)
        best = 2.0
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                for j in grid.get((gx + ox, gy + oy), ()):
                    if j != i:
                        best = min(best, abs(z - pos[j]))
        nearest.append(best)
    nearest.sort()
    return nearest[len(nearest) // 2]


def _force_layout(n: int, edges: list[tuple[int, int]], degree: list[int], seed: int,
                  iterations: int) -> list[complex]:
    """Force-directed positions of one connected component (complex numbers).

    A Fruchterman-Reingold variant that needs no numpy (networkx's layouts do, and the
    project does not depend on it): springs whose rest length grows with the square root
    of the larger end's degree (so a hub's neighbours form a ring instead of a knot),
    repulsion only between nodes in neighbouring cells of a grid (linear time when the
    density is bounded, which the springs ensure), a weak pull to the centre, and a
    cooling step size.
    """
    rng = random.Random(seed)
    side = math.sqrt(n) * 1.5
    pos = [complex(rng.uniform(-side, side), rng.uniform(-side, side)) for _ in range(n)]
    rest = [0.8 + 0.5 * math.sqrt(max(degree[i], degree[j])) for i, j in edges]
    step0 = side / 4.0
    step = step0
    gravity = 0.02
    for it in range(iterations):
        conj = [z.conjugate() for z in pos]
        grid: dict[tuple[int, int], list[int]] = {}
        for i, z in enumerate(pos):
            key = (int(z.real // 2.0), int(z.imag // 2.0))
            cell = grid.get(key)
            if cell is None:
                grid[key] = [i]
            else:
                cell.append(i)
        disp = [0j] * n
        get = grid.get
        for (gx, gy), members in grid.items():
            block: list[complex] = []
            for ox in (-1, 0, 1):
                for oy in (-1, 0, 1):
                    other = get((gx + ox, gy + oy))
                    if other is not None:
                        block.extend([conj[j] for j in other])
            for i in members:
                ci = conj[i]
                # 1 / conj(pi - pj) is the vector (pi - pj) / |pi - pj|^2: repulsion 1/d.
                disp[i] = sum([1 / (ci - cj) for cj in block if cj != ci])
        for (i, j), length in zip(edges, rest):
            d = pos[i] - pos[j]
            a = abs(d) or 1e-9
            f = d * ((a - length) / a * 0.1)
            disp[i] -= f
            disp[j] += f
        for i in range(n):
            d = disp[i] - pos[i] * gravity
            a = abs(d)
            if a > step:
                d *= step / a
            pos[i] += d
        step = max(step0 * (1 - (it + 1) / iterations), 0.05)
    return pos


# --------------------------------------------------------------------------- page


def _page_data(graph: nx.Graph, language: str, max_nodes: int, physics_limit: int,
               seed: int) -> tuple[dict, int, int, int, bool, bool]:
    ids = {n: _text(n) for n in graph}
    all_nodes = sorted(graph, key=ids.__getitem__)
    nbrs = _neighbours(graph)
    shown = _select(all_nodes, nbrs, ids, max_nodes)
    index = {n: i for i, n in enumerate(shown)}
    truncated = len(shown) < len(all_nodes)
    physics = len(shown) <= physics_limit
    directed = graph.is_directed()

    # Edges among the shown nodes, sorted on their content so insertion order does not matter.
    raw = []
    multi = graph.is_multigraph()
    edge_iter = graph.edges(keys=True, data=True) if multi else graph.edges(data=True)
    for item in edge_iter:
        u, v, attrs = item[0], item[1], item[-1]
        if u not in index or v not in index:
            continue
        a, b = index[u], index[v]
        if not directed and a > b:
            a, b = b, a
        raw.append((a, b, _text(attrs.get("relation")) or "", _text(attrs.get("evidence")),
                    _text(attrs.get("doc")), _width(attrs.get("weight", 1.0))))
    raw.sort(key=lambda e: (e[0], e[1], e[2], e[3] or "", e[4] or "", e[5]))

    # Layout on the shown subgraph (undirected, one spring per pair).
    pairs = sorted({(min(a, b), max(a, b)) for a, b, *_ in raw if a != b})
    degree = [0] * len(shown)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    pos = _layout(len(shown), pairs, seed)
    if pos:
        cx = sum(z.real for z in pos) / len(pos)
        cy = sum(z.imag for z in pos) / len(pos)
    else:
        cx = cy = 0.0
    scale = _LAYOUT_SCALE
    if not physics:
        # Dense graphs pack nodes closer than the ideal distance: spread the drawing so that
        # nodes rarely overlap (zoomed out, vis then hides the labels until one zooms in).
        nearest = _nearest_median(pos)
        scale = min(200.0, max(_LAYOUT_SCALE, _NEIGHBOUR_PX / nearest)) if nearest else scale

    classes: dict[str, int] = {}
    class_rows: list[dict] = []
    nodes = []
    for i, n in enumerate(shown):
        attrs = graph.nodes[n]
        cls = _text(attrs.get("cls")) or "Thing"
        if cls not in classes:
            classes[cls] = len(classes)
        node = {
            "iri": ids[n],
            "c": classes[cls],
            "ar": _text(attrs.get("label_ar")),
            "en": _text(attrs.get("label_en")),
            "local": _local_name(ids[n]),
            "docs": _docs(attrs.get("docs")),
            "x": round((pos[i].real - cx) * scale, 1),
            "y": round((pos[i].imag - cy) * scale, 1),
            "s": round(min(26.0, 6.0 + 2.5 * math.sqrt(degree[i])), 1),
        }
        extra = _text(attrs.get("title_extra"))
        if extra:
            node["extra"] = extra
        nodes.append(node)

    # Classes in legend order: by name; node records point into this list.
    order = sorted(classes)
    remap = {classes[c]: k for k, c in enumerate(order)}
    counts = [0] * len(order)
    for node in nodes:
        node["c"] = remap[node["c"]]
        counts[node["c"]] += 1
    for k, cls in enumerate(order):
        ar, en = _class_names(cls)
        colour, shape = _class_style(cls)
        class_rows.append({"name": cls, "ar": ar, "en": en, "color": colour, "shape": shape,
                           "count": counts[k]})

    evidence: dict[str, int] = {}
    edges = []
    pair_count: dict[tuple[int, int], int] = {}
    for a, b, relation, ev, doc, width in raw:
        edge = {"f": a, "t": b, "r": relation, "w": width}
        if ev:
            edge["e"] = evidence.setdefault(ev, len(evidence))
        if doc:
            edge["d"] = doc
        key = (min(a, b), max(a, b))
        k = pair_count.get(key, 0)
        pair_count[key] = k + 1
        if k:  # parallel edges (multigraphs, or both directions): bend them apart
            edge["k"] = k
        edges.append(edge)

    options = _vis_options(directed, physics, len(shown), seed)
    data = {
        "lang": language,
        "directed": directed,
        "physics": physics,
        "total_nodes": len(all_nodes),
        "total_edges": graph.number_of_edges(),
        "classes": class_rows,
        "nodes": nodes,
        "edges": edges,
        "evidence": list(evidence),
        "options": options,
    }
    return data, len(all_nodes), graph.number_of_edges(), len(shown), truncated, physics


def _vis_options(directed: bool, physics: bool, shown: int, seed: int) -> dict:
    large = shown > 1000
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT_STACK, "size": 14, "color": "#1f2328",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            # long labels wrap at spaces; labels smaller than this on screen are not drawn
            "widthConstraint": {"maximum": 170},
            "scaling": {"label": {"drawThreshold": 9}},
        },
        "edges": {
            "color": {"color": "#9aa5b1", "highlight": "#d9480f", "hover": "#d9480f",
                      "inherit": False, "opacity": 0.8},
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
            "smooth": {"enabled": physics, "type": "continuous", "roundness": 0.5},
            "selectionWidth": 1.5,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 110,
                          "springConstant": 0.04, "damping": 0.3, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 50,
                              "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False,
                        "keyboard": False},
    }


_CSS = """
html, body { margin: 0; height: 100%; }
body { font-family: FONTS; color: #1f2328; background: #f6f7f9;
       display: flex; flex-direction: column; }
header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap;
         padding: 8px 14px; background: #fff; border-bottom: 1px solid #d8dde3; }
header h1 { font-size: 18px; margin: 0; font-weight: 600; }
#ckg-counts { color: #57606a; font-size: 13px; }
#ckg-lang { margin-inline-start: auto; display: flex; gap: 4px; }
#ckg-lang button { font: inherit; font-size: 13px; padding: 3px 10px; cursor: pointer;
                   border: 1px solid #b8c0c8; background: #fff; border-radius: 4px; }
#ckg-lang button[aria-pressed="true"] { background: #1f6feb; border-color: #1f6feb; color: #fff; }
#ckg-notice { margin: 0; padding: 6px 14px; background: #fff4ce; border-bottom: 1px solid #e3c76a;
              font-size: 14px; }
#ckg-notice span { display: inline-block; margin-inline-end: 18px; }
main { position: relative; flex: 1; min-height: 300px; }
#ckg-network { position: absolute; inset: 0; background: #fff; }
#ckg-legend { position: absolute; top: 10px; inset-inline-start: 10px; z-index: 5;
              background: rgba(255, 255, 255, 0.92); border: 1px solid #d8dde3;
              border-radius: 6px; padding: 6px 10px; font-size: 13px; max-height: 60%;
              overflow: auto; }
#ckg-legend summary { font-size: 13px; color: #57606a; font-weight: 600; cursor: pointer; }
#ckg-legend[open] summary { margin-bottom: 4px; }
#ckg-legend ul { list-style: none; margin: 0; padding: 0; }
#ckg-legend li { display: flex; gap: 6px; align-items: baseline; line-height: 1.6; }
#ckg-legend .sw { font-size: 15px; width: 1.1em; text-align: center; }
#ckg-legend .n { color: #57606a; }
#ckg-details { position: absolute; bottom: 10px; inset-inline-start: 10px; z-index: 5;
               max-width: min(560px, 80%); max-height: 40%; overflow: auto;
               background: rgba(255, 255, 255, 0.96); border: 1px solid #d8dde3;
               border-radius: 6px; padding: 6px 10px; font-size: 13px; }
#ckg-details[hidden] { display: none; }
div.vis-tooltip { white-space: normal; max-width: 420px; font-family: FONTS; font-size: 13px;
                  line-height: 1.5; padding: 6px 8px; }
.ckg-tip div { unicode-bidi: plaintext; }
.ckg-tip .main { font-weight: 600; font-size: 14px; }
.ckg-tip .key { color: #57606a; }
.ckg-tip .ev { margin: 4px 0; padding-inline-start: 6px; border-inline-start: 3px solid #d9480f; }
.ckg-tip .iri { color: #57606a; font-family: "DejaVu Sans Mono", monospace; font-size: 11px;
                direction: ltr; word-break: break-all; }
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ckg-data").textContent);
  var classes = data.classes;
  var evidence = data.evidence;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function row(box, cls, key, value, dir) {
    var d = el("div", cls);
    if (key) { d.appendChild(el("span", "key", key + ": ")); }
    d.appendChild(document.createTextNode(String(value)));
    d.dir = dir || "auto";
    box.appendChild(d);
  }
  function labelOf(n, lang) {
    return lang === "ar" ? (n.ar || n.en || n.local) : (n.en || n.ar || n.local);
  }
  function className(c) {
    return c.ar && c.en ? c.ar + " · " + c.en : (c.ar || c.en || c.name);
  }
  function nodeTip(n) {
    var box = el("div", "ckg-tip");
    if (n.ar) { row(box, "main", null, n.ar, "rtl"); }
    if (n.en) { row(box, n.ar ? "" : "main", null, n.en, "ltr"); }
    if (!n.ar && !n.en) { row(box, "main", null, n.local); }
    row(box, "", "الفئة / Class", className(classes[n.c]));
    if (n.docs.length) { row(box, "", "الوثائق / Documents", n.docs.join("، ")); }
    if (n.extra) { row(box, "", null, n.extra); }
    row(box, "iri", null, n.iri, "ltr");
    return box;
  }
  function edgeTip(e) {
    var box = el("div", "ckg-tip");
    var a = labelOf(data.nodes[e.f], lang), b = labelOf(data.nodes[e.t], lang);
    row(box, "main", null, e.r || "—");
    if (data.directed) {
      row(box, "", "من / From", a);
      row(box, "", "إلى / To", b);
    } else {
      row(box, "", null, a + " — " + b);
    }
    if (e.e !== undefined) { row(box, "ev", null, evidence[e.e]); }
    if (e.d) { row(box, "", "الوثيقة / Document", e.d); }
    return box;
  }

  var lang = data.lang;
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var c = classes[n.c];
    return { id: i, label: labelOf(n, lang), title: nodeTip(n), x: n.x, y: n.y, size: n.s,
             shape: c.shape, color: { background: c.color, border: "#ffffff",
             highlight: { background: c.color, border: "#1f2328" },
             hover: { background: c.color, border: "#1f2328" } } };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var item = { id: i, from: e.f, to: e.t, width: e.w, title: edgeTip(e) };
    if (e.k) {
      item.smooth = { enabled: true, type: e.k % 2 ? "curvedCW" : "curvedCCW",
                      roundness: 0.15 * Math.ceil(e.k / 2) };
    }
    return item;
  }));
  var container = document.getElementById("ckg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.ckgNetwork = network;

  // The first frame may already have been drawn inside the constructor, before a listener
  // could see it: listen, then draw once more so the marker is always set. While the layout
  // stabilises vis-network refuses to draw and afterwards only asks for an animation frame,
  // which a busy or background browser may not give for a while: draw at once when it ends.
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-ckg-drawn", String(nodes.length));
  });
  network.redraw();
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.redraw();
      document.body.setAttribute("data-ckg-stable", "true");
    });
  } else {
    document.body.setAttribute("data-ckg-stable", "true");
  }

  // Details panel: what the tooltip shows, kept while a node or edge is selected.
  var details = document.getElementById("ckg-details");
  function show(box) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    if (box) { details.appendChild(box); details.hidden = false; } else { details.hidden = true; }
  }
  network.on("click", function (p) {
    if (p.nodes.length) { show(nodeTip(data.nodes[p.nodes[0]])); }
    else if (p.edges.length) { show(edgeTip(data.edges[p.edges[0]])); }
    else { show(null); }
  });

  // Language switch: node labels and the page direction.
  var buttons = document.querySelectorAll("#ckg-lang button");
  function setLang(l) {
    lang = l;
    document.documentElement.lang = l;
    document.documentElement.dir = l === "ar" ? "rtl" : "ltr";
    nodes.update(data.nodes.map(function (n, i) { return { id: i, label: labelOf(n, l) }; }));
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].value === l));
    }
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (ev) { setLang(ev.currentTarget.value); });
  }

  // Links into the page: #lang=en, #node=<IRI, URL-encoded>, or both joined by "&".
  function fromHash() {
    var parts = location.hash.replace(/^#/, "").split("&");
    for (var p = 0; p < parts.length; p++) {
      var kv = /^(lang|node)=(.*)$/.exec(parts[p]);
      if (!kv) { continue; }
      var value;
      try { value = decodeURIComponent(kv[2]); } catch (err) { continue; }
      if (kv[1] === "lang" && (value === "ar" || value === "en")) { setLang(value); }
      if (kv[1] === "node") {
        for (var i = 0; i < data.nodes.length; i++) {
          if (data.nodes[i].iri === value) {
            network.selectNodes([i]);
            show(nodeTip(data.nodes[i]));
            break;
          }
        }
      }
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
"""


def _legend(classes: list[dict]) -> str:
    items = []
    for c in classes:
        glyph = _SHAPE_GLYPH.get(c["shape"], "●")
        name = " · ".join(x for x in (c["ar"], c["en"]) if x) or c["name"]
        items.append(
            f'<li data-class="{_html.escape(c["name"])}"><span class="sw" style="color:{c["color"]}">'
            f'{glyph}</span><span dir="auto">{_html.escape(name)}</span>'
            f'<span class="n">({c["count"]})</span></li>')
    return ('<details id="ckg-legend" open><summary>الفئات · Classes</summary><ul>'
            + "".join(items) + "</ul></details>")


def _template(title: str, data: dict, shown: int, total: int, truncated: bool) -> str:
    version, js, css = vis_library()
    lang = data["lang"]
    direction = "rtl" if lang == "ar" else "ltr"
    t = _html.escape(title)
    notice = ""
    if truncated:
        notice = (f'<p id="ckg-notice" role="status"><span dir="rtl" lang="ar">تُعرض {shown} من أصل '
                  f'{total} عقدة، الأعلى درجةً</span><span dir="ltr" lang="en">showing {shown} of '
                  f'{total} nodes, by degree</span></p>')
    nodes = f"{shown} / {total}" if truncated else str(total)
    counts = (f'<span dir="rtl" lang="ar">العقد: {nodes} · الروابط: {len(data["edges"])}</span> · '
              f'<span dir="ltr" lang="en">{nodes} nodes · {len(data["edges"])} edges</span>')
    pressed = {l: str(l == lang).lower() for l in ("ar", "en")}
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="ckg viz.pages">\n'
        f"<title>{t}</title>\n"
        f"<style>/* vis-network {version} (Apache-2.0 OR MIT), from pyvis */\n{css}\n</style>\n"
        f"<style>{_CSS.replace('FONTS', FONT_STACK)}</style>\n"
        "</head>\n<body>\n"
        f'<header><h1 dir="auto">{t}</h1><span id="ckg-counts">{counts}</span>'
        '<div id="ckg-lang" role="group" aria-label="اللغة / Language">'
        f'<button type="button" value="ar" lang="ar" aria-pressed="{pressed["ar"]}">العربية</button>'
        f'<button type="button" value="en" lang="en" aria-pressed="{pressed["en"]}">English</button>'
        "</div></header>\n"
        f"{notice}\n"
        f'<main>{_legend(data["classes"])}<div id="ckg-network"></div>'
        '<section id="ckg-details" hidden></section></main>\n'
        f'<script type="application/json" id="ckg-data">{_json_for_script(data)}</script>\n'
        f"<script>/* vis-network {version} (Apache-2.0 OR MIT), from pyvis */\n{js}\n</script>\n"
        f"<script>{_SCRIPT}</script>\n"
        "</body>\n</html>\n"
    )


def _check_options(language: str, max_nodes: int, physics_limit: int) -> None:
    if language not in ("ar", "en"):
        raise ValueError(f"language must be 'ar' or 'en', not {language!r}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    if physics_limit < 0:
        raise ValueError(f"physics_limit must not be negative, not {physics_limit}")


def render_page(graph: nx.Graph, title: str, *, language: str = "ar", max_nodes: int = 2000,
                physics_limit: int = 300, seed: int = 7) -> tuple[str, PageInfo]:
    """The HTML of an interactive page for ``graph`` and what it holds.

    Parameters
    ----------
    graph : networkx graph (any of the four kinds); node attributes ``cls``, ``label_ar``,
        ``label_en``, ``docs``, ``title_extra``; edge attributes ``relation``, ``evidence``,
        ``doc``, ``weight``. All optional.
    title : the page title (text, escaped).
    language : ``"ar"`` (right to left, Arabic labels first) or ``"en"``; the page can switch.
    max_nodes : above this, only the nodes of highest degree are shown, and the page says so.
    physics_limit : above this many shown nodes, positions are fixed (no physics in the browser).
    seed : the layout's seed; the same graph and options give byte-identical HTML.

    Returns ``(html, info)``; ``info.path`` is empty.
    """
    _check_options(language, max_nodes, physics_limit)
    start = time.perf_counter()
    data, total, total_edges, shown, truncated, physics = _page_data(
        graph, language, max_nodes, physics_limit, seed)
    page = _template(str(title), data, shown, total, truncated)
    size = len(page.encode("utf-8"))
    info = PageInfo(path="", nodes=total, edges=total_edges, shown_nodes=shown,
                    truncated=truncated, physics=physics, bytes=size,
                    seconds=round(time.perf_counter() - start, 3))
    return page, info


def write_page(graph: nx.Graph, path: str | os.PathLike, title: str, *, language: str = "ar",
               max_nodes: int = 2000, physics_limit: int = 300, seed: int = 7) -> PageInfo:
    """Write the page of :func:`render_page` to ``path`` (UTF-8, atomically) and describe it.

    The page is written to a temporary file beside ``path`` and moved over it, so a reader
    never sees half a page and a failed write leaves any previous page in place.
    """
    start = time.perf_counter()
    page, info = render_page(graph, title, language=language, max_nodes=max_nodes,
                             physics_limit=physics_limit, seed=seed)
    target = Path(path)
    payload = page.encode("utf-8")
    write_atomically(target, lambda fh: fh.write(payload))
    info.path = str(target)
    info.bytes = len(payload)
    info.seconds = round(time.perf_counter() - start, 3)
    return info
