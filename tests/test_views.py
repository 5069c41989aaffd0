"""The NetworkX views, analytics and view exports, on the store built from the bundled corpus."""

import networkx as nx
import pytest

from conftest import invoke
from graph.errors import CkgError
from graph.store import Store
from viz.analytics import central, communities, shortest_chain
from viz.views import VIEWS, fact_graph, find_entity, view


def labels(g):
    return {d.get("label_en") or d.get("label_ar") for _, d in g.nodes(data=True)}


def test_partner_meeting_is_bipartite_with_roles(seed_store):
    g = view("partner-meeting", seed_store)
    meetings = {n for n, d in g.nodes(data=True) if d["bipartite"] == 0}
    assert all(g.nodes[n]["cls"] == "Meeting" for n in meetings)
    assert nx.is_bipartite(g)
    kenya = find_entity(g, "Kenya")
    [(_, meeting, edge)] = g.edges(kenya, data=True)
    assert edge["relation"] == "new-member" and "كينيا" in edge["evidence"]
    assert edge["doc"] == "002_edb1e7ae2f850001"
    assert "Washington" in g.nodes[meeting]["label_ar"] or "واشنطن" in g.nodes[meeting]["label_ar"]
    assert {"France", "Sri Lanka", "Mali", "Burkina Faso", "Fiji", "Lebanon"} <= labels(g)


def test_co_attendance_links_partners_of_the_same_meeting(seed_store):
    g = view("co-attendance", seed_store)
    kenya, fiji, mali = (find_entity(g, x) for x in ("Kenya", "Fiji", "Mali"))
    assert g.has_edge(kenya, fiji) and g.edges[kenya, fiji]["weight"] >= 1
    assert not g.has_edge(kenya, mali)  # different meetings


def test_group_mandate_has_groups_topics_and_focus(seed_store):
    g = view("group-mandate", seed_store)
    assert {"Counter ISIS Finance Group", "Communications Working Group", "counter-finance", "communications"} <= labels(g)
    isis_k = find_entity(g, "ISIS-K")
    assert g.nodes[isis_k]["cls"] == "ArmedGroup" and g.degree(isis_k) >= 1


def test_actor_threat_links_branches_to_regions(seed_store):
    g = view("actor-threat", seed_store)
    isis_k = find_entity(g, "ISIS-K")
    assert any(g.nodes[n]["cls"] == "Threat" for n in g.neighbors(isis_k))


def test_funding_is_weighted_by_amount(seed_store):
    g = view("funding", seed_store)
    iraq = find_entity(g, "Iraq")
    weights = [d["weight"] for _, _, d in g.in_edges(iraq, data=True)]
    assert max(weights) >= 20e9


def test_ego_view_by_arabic_label(seed_store):
    g = view("ego", seed_store, focus="فرنسا", depth=2)
    assert find_entity(g, "Jean-Yves Le Drian") in g


def test_unknown_entity_is_a_clear_error(seed_store):
    with pytest.raises(CkgError, match="no entity"):
        view("ego", seed_store, focus="Atlantis")


def test_every_edge_has_evidence_and_document(seed_store):
    for name in VIEWS:
        g = view(name, seed_store, focus="France")
        for _, _, d in g.edges(data=True):
            assert d["evidence"] and d["doc"] and d["relation"]


def test_central_and_communities(seed_store):
    g = view("co-attendance", seed_store)
    top = [n for n, _ in central(g, "degree", 3)]
    assert find_entity(g, "United States") in top
    groups = communities(g)
    assert sum(len(c) for c in groups) == g.number_of_nodes()


def test_path_gives_each_link_with_its_sentence(seed_store):
    g = fact_graph(Store(seed_store))
    chain = shortest_chain(g, find_entity(g, "Kenya"), find_entity(g, "Fiji"))
    assert len(chain) == 2
    assert all(link.evidence and link.doc for link in chain)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_view_export_opens_in_networkx(runner, seed_store, tmp_path, fmt):
    out = tmp_path / f"pm.{fmt}"
    result = invoke(runner, seed_store, "export", "--view", "partner-meeting", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert g.number_of_nodes() == view("partner-meeting", seed_store).number_of_nodes()
    assert any("كينيا" in str(d.get("evidence", "")) for _, _, d in g.edges(data=True))


def test_analyze_and_path_commands(runner, seed_store):
    out = invoke(runner, seed_store, "analyze", "partner-meeting", "--top", "3").output
    assert "Most central by degree" in out and "Communities" in out
    out = invoke(runner, seed_store, "path", "Kenya", "فيجي").output
    assert "Kenya → Fiji: 2 facts" in out and "002_edb1e7ae2f850001" in out


def test_viz_list(runner, seed_store):
    out = invoke(runner, seed_store, "viz", "--list").output
    for name in VIEWS:
        assert name in out


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_renders_in_chromium_from_the_seeds(runner, seed_store, tmp_path, name):
    import re

    from test_pages import run_chromium

    out = tmp_path / f"{name}.html"
    args = ["viz", name, "--out", str(out)] + (["--focus", "France", "--depth", "2"] if name == "ego" else [])
    result = invoke(runner, seed_store, *args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "src=\"http" not in html and "href=\"http" not in html
    proc = run_chromium(tmp_path, out.as_uri(), "--dump-dom")
    drawn = re.search(r'data-ckg-drawn="(\d+)"', proc.stdout)
    assert drawn, proc.stderr[-500:]
    assert int(drawn.group(1)) == view(name, seed_store, focus="France", depth=2).number_of_nodes()


def test_partner_meeting_edges_weigh_the_reports_of_a_participation(seed_store):
    """An edge's weight is how many reports put the partner at the meeting in the edge's role: not
    that times the meeting's labels or dates (a meeting two documents report has two of each)."""
    from graph.store import Store
    from queries import CannedQuery, run_local

    g = view("partner-meeting", seed_store)
    counts = run_local(CannedQuery(name="t", text="""
        SELECT ?partner ?meeting ?role (COUNT(DISTINCT ?pp) AS ?n) (COUNT(DISTINCT ?l) AS ?labels) WHERE {
          ?pp a ckg:Participation ; ckg:meeting ?meeting ; ckg:participant ?partner ; ckg:role ?r .
          BIND(STRAFTER(STR(?r), "/kind/role/") AS ?role)
          OPTIONAL { ?meeting rdfs:label ?l }
        } GROUP BY ?partner ?meeting ?role"""), Store(seed_store)).as_dicts()
    reports = {(c["partner"], c["meeting"], c["role"]): int(c["n"]) for c in counts}
    assert any(int(c["labels"]) > 1 for c in counts)  # the case that multiplied the weights
    assert g.number_of_edges() == len({(p, m) for p, m, _ in reports})
    for partner, meeting, data in g.edges(data=True):
        if g.nodes[partner].get("bipartite") == 0:
            partner, meeting = meeting, partner
        assert data["weight"] == reports[(partner, meeting, data["relation"])], (partner, meeting, data)
    assert all(g.nodes[m]["label_ar"] for m, d in g.nodes(data=True) if d.get("bipartite") == 0)


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_a_view_exports_the_same_bytes_from_one_process_to_the_next(seed_store, tmp_path, name):
    """Python salts string hashes per process; a view must not take its order from a set of strings
    (the ego view did: the ends of its edges came out swapped between two runs)."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    out = []
    for seed in ("1", "2"):
        path = tmp_path / f"{seed}.graphml"
        subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "--store", str(seed_store), "export",
                        "--view", name, "--focus", "France", "--depth", "2", "--format", "graphml", "--out", str(path)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        out.append(path.read_bytes())
    assert out[0] == out[1]
