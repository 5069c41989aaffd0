"""viz.pages: the HTML page of a view, offline, inert data, Arabic right to left, large graphs."""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from viz.pages import PageInfo, render_page, vis_library, write_page

ID = "https://w3id.org/ckg/id/"

# ----------------------------------------------------------------------------- fixtures


def partner_meeting_graph() -> nx.Graph:
    """A small, realistic view: a ministerial meeting of the coalition in Rome."""
    g = nx.Graph(name="partner-meeting")

    def node(key, cls, ar, en, docs=("002_rome",)):
        g.add_node(ID + key, cls=cls, label_ar=ar, label_en=en, docs=list(docs))

    node("meeting/rome-2021", "Meeting", "الاجتماع الوزاري للتحالف الدولي في روما", "Rome ministerial meeting")
    node("city/rome", "City", "روما", "Rome")
    node("country/iq", "Country", "العراق", "Iraq", ("002_rome", "004_baghdad"))
    node("country/us", "Country", "الولايات المتحدة", "United States")
    node("country/it", "Country", "إيطاليا", "Italy")
    node("country/sa", "Country", "المملكة العربية السعودية", "Saudi Arabia")
    node("country/jo", "Country", "الأردن", "Jordan")
    node("country/fr", "Country", "فرنسا", None)
    node("person/blinken", "Person", "أنتوني بلينكن", "Antony Blinken")
    node("person/di-maio", "Person", "لويجي دي مايو", "Luigi Di Maio")
    node("person/hussein", "Person", "فؤاد حسين", None, ("004_baghdad",))
    node("org/coalition", "Coalition", "التحالف الدولي لهزيمة داعش", "Global Coalition to Defeat ISIS")
    node("group/isis", "ArmedGroup", "داعش", "ISIS")
    node("wg/stabilization", "WorkingGroup", "مجموعة عمل تحقيق الاستقرار", "Stabilization Working Group")
    node("commitment/pledge-1", "Commitment", "تعهدات بأكثر من مليار دولار", None)
    node("topic/foreign-fighters", "Topic", None, "foreign terrorist fighters")
    s1 = "وعقد التحالف الدولي لهزيمة داعش اجتماعه الوزاري في روما بمشاركة وزراء خارجية الدول الأعضاء."
    s2 = "وترأس الاجتماع وزير الخارجية الإيطالي لويجي دي مايو ووزير الخارجية الأمريكي أنتوني بلينكن."
    s3 = "وأكد وزير الخارجية العراقي فؤاد حسين أن العراق ماضٍ في مواجهة فلول داعش."
    m = ID + "meeting/rome-2021"
    for c in ("iq", "us", "it", "sa", "jo", "fr"):
        g.add_edge(m, ID + "country/" + c, relation="attendee", evidence=s1, doc="002_rome", weight=1.0)
    g.add_edge(m, ID + "city/rome", relation="place", evidence=s1, doc="002_rome")
    g.add_edge(m, ID + "person/blinken", relation="chair", evidence=s2, doc="002_rome", weight=2.0)
    g.add_edge(m, ID + "person/di-maio", relation="chair", evidence=s2, doc="002_rome", weight=2.0)
    g.add_edge(ID + "person/hussein", ID + "country/iq", relation="affiliation", evidence=s3, doc="004_baghdad")
    g.add_edge(ID + "person/hussein", ID + "group/isis", relation="threat", evidence=s3, doc="004_baghdad")
    g.add_edge(m, ID + "org/coalition", relation="organiser", evidence=s1, doc="002_rome", weight=4.0)
    g.add_edge(ID + "wg/stabilization", ID + "org/coalition", relation="part of", evidence=s1, doc="002_rome")
    g.add_edge(ID + "commitment/pledge-1", ID + "country/sa", relation="pledge",
               evidence="وأعلنت الدول المشاركة تعهدات بأكثر من مليار دولار لدعم الاستقرار.", doc="002_rome")
    g.add_edge(m, ID + "topic/foreign-fighters", relation="topic", evidence=s1, doc="002_rome")
    g.add_edge(ID + "person/blinken", ID + "country/us", relation="affiliation", evidence=s2, doc="002_rome")
    g.add_edge(ID + "person/di-maio", ID + "country/it", relation="affiliation", evidence=s2, doc="002_rome")
    return g


_CLASS_MIX = [("Country", 200), ("City", 300), ("Region", 40), ("Organization", 80),
              ("InternationalOrganization", 30), ("CoalitionBody", 10), ("WorkingGroup", 10),
              ("Person", 1400), ("ArmedGroup", 40), ("Meeting", 1200), ("Attack", 300),
              ("Mandate", 150), ("Topic", 200), ("Threat", 40), ("Commitment", 700)]


def news_graph(nodes: int = 5000, edges: int = 15000, seed: int = 1, directed: bool = False) -> nx.Graph:
    """A synthetic news-event graph of the shape the views produce, with Arabic text."""
    rng = random.Random(seed)
    g = nx.DiGraph() if directed else nx.Graph()
    total = sum(k for _, k in _CLASS_MIX)
    by_class: dict[str, list[str]] = {}
    i = 0
    for cls, k in _CLASS_MIX:
        for _ in range(max(1, round(k * nodes / total))):
            if i >= nodes:
                break
            n = f"{ID}{cls.lower()}/{i}"
            g.add_node(n, cls=cls, label_ar=f"{cls} عربي {i}", label_en=f"{cls} {i}" if i % 3 else None,
                       docs=[f"doc{i % 97:03d}"])
            by_class.setdefault(cls, []).append(n)
            i += 1
    actors = by_class["Country"] * 3 + by_class["Person"] + by_class["Organization"]
    events = by_class["Meeting"] + by_class["Attack"] + by_class["Commitment"]
    everything = list(g)
    words = "التحالف الدولي اجتماع وزراء الخارجية في بغداد لبحث جهود مكافحة تنظيم داعش ودعم الاستقرار".split()
    count = 0
    while count < edges:
        e = rng.choice(events)
        a = rng.choice(actors) if rng.random() < 0.85 else rng.choice(everything)
        if a == e or g.has_edge(a, e):
            continue
        count += 1
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(12, 30))) + "."
        g.add_edge(a, e, relation=rng.choice(["attendee", "host", "pledge", "perpetrator", "topic"]),
                   evidence=sentence, doc=f"doc{rng.randrange(97):03d}", weight=float(rng.randint(1, 5)))
    return g


HOSTILE = [
    "</script><script>document.title='pwned'</script>",
    "<img src=x onerror=\"document.title='pwned';document.body.insertAdjacentHTML('beforeend','<b id=pwned>')\">",
    "<a href=javascript:document.title='pwned'>click</a> href=javascript:alert(1)",
    "\"onmouseover=\"document.title='pwned'\" x=\"",
    "<div id=pwned>pwned</div><!-- <script>",
    "سطر\u2028آخر\u2029فقرة \\ backslash 'single' \"double\" & amp",
    "\u202eعكس الاتجاه\u202c \u2067isolate\u2069",
    "<style>body{display:none}</style>",
    "]]></script><svg onload=document.title='pwned'>",
]


def hostile_graph() -> nx.DiGraph:
    g = nx.DiGraph()
    ids = []
    for k, text in enumerate(HOSTILE):
        n = f"{ID}evil/{k}\"><script>document.title='pwned'</script>"
        g.add_node(n, cls=text if k == 2 else "Person", label_ar=text, label_en=text[::-1],
                   docs=[text], title_extra=text)
        ids.append(n)
    for k, text in enumerate(HOSTILE):
        g.add_edge(ids[k], ids[(k + 1) % len(ids)], relation=text, evidence=text, doc=text, weight=2)
    return g


def embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="ckg-data">(.*?)</script>', page, re.S)
    assert m, "no ckg-data script"
    return json.loads(m.group(1))


def edge_set(graph: nx.Graph) -> list[tuple]:
    """The edges of a graph as sorted (from, to, relation, evidence, doc) rows."""
    rows = []
    for u, v, d in graph.edges(data=True):
        if not graph.is_directed():
            u, v = sorted((u, v))
        rows.append((u, v, d.get("relation") or "", d.get("evidence"), d.get("doc")))
    return sorted(rows, key=repr)


def page_edges(data: dict, directed: bool) -> list[tuple]:
    rows = []
    for e in data["edges"]:
        u, v = data["nodes"][e["f"]]["iri"], data["nodes"][e["t"]]["iri"]
        if not directed:
            u, v = sorted((u, v))
        rows.append((u, v, e["r"], data["evidence"][e["e"]] if "e" in e else None, e.get("d")))
    return sorted(rows, key=repr)


class Tags(HTMLParser):
    """Start tags and their attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if self._open:
            self.text[self._open[-1]] = self.text.get(self._open[-1], "") + data


def tags_of(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser


def outside_library(page: str) -> str:
    """The page without the inlined vis-network text and without the JSON data."""
    _, js, css = vis_library()
    assert js in page and css in page
    rest = page.replace(js, "").replace(css, "")
    return re.sub(r'(<script type="application/json" id="ckg-data">).*?(</script>)', r"\1\2", rest, flags=re.S)


# ----------------------------------------------------------------------------- data


def test_embedded_json_round_trips_labels_and_evidence():
    g = partner_meeting_graph()
    page, info = render_page(g, "شركاء التحالف")
    data = embedded(page)
    assert info == PageInfo(path="", nodes=16, edges=17, shown_nodes=16, truncated=False, physics=True,
                            bytes=len(page.encode("utf-8")), seconds=info.seconds)
    assert [n["iri"] for n in data["nodes"]] == sorted(g)
    for n in data["nodes"]:
        attrs = g.nodes[n["iri"]]
        assert (n["ar"], n["en"], n["docs"]) == (attrs["label_ar"], attrs["label_en"], sorted(attrs["docs"]))
        assert data["classes"][n["c"]]["name"] == attrs["cls"]
    assert page_edges(data, directed=False) == edge_set(g)
    assert "وترأس الاجتماع وزير الخارجية الإيطالي لويجي دي مايو ووزير الخارجية الأمريكي أنتوني بلينكن." \
        in data["evidence"]
    # one copy of each sentence, however many edges it supports
    assert len(data["evidence"]) == len(set(data["evidence"])) == 4


@pytest.mark.parametrize("cls, ar, en", [
    ("Country", "دولة", "Country"),
    ("Meeting", "اجتماع", "Meeting"),
    ("InternationalOrganization", "منظمة دولية", "International organization"),
    ("WorkingGroup", "مجموعة عمل", "Working group"),
    ("Topic", "موضوع", "Topic"),
    ("Threat", "تهديد", "Threat"),
    ("SpaceAgency", "", "Space Agency"),  # unknown to the ontology: still drawn and listed
])
def test_legend_lists_present_classes_with_arabic_and_english_names(cls, ar, en):
    g = nx.Graph()
    g.add_node("x", cls=cls, label_ar="س", label_en="x", docs=[])
    g.add_node("y", cls="Person", label_ar="ص", label_en=None, docs=[])
    page, _ = render_page(g, "t")
    data = embedded(page)
    row = next(c for c in data["classes"] if c["name"] == cls)
    assert (row["ar"], row["en"], row["count"]) == (ar, en, 1)
    assert re.fullmatch(r"#[0-9a-f]{6}", row["color"])
    legend = re.search(r'<details id="ckg-legend" open>.*?</details>', page, re.S).group(0)
    assert [c["name"] for c in data["classes"]] == sorted({cls, "Person"})
    assert legend.count("<li") == 2
    assert " · ".join(x for x in (ar, en) if x) in legend
    assert row["color"] in legend


def test_missing_attributes_and_non_string_values_still_render():
    g = nx.Graph()
    g.add_node("https://w3id.org/ckg/id/country/IQ")           # no attributes at all
    g.add_node("b", cls=None, label_ar=None, label_en=None, docs={"d2", "d1"}, title_extra=42)
    g.add_edge("https://w3id.org/ckg/id/country/IQ", "b", weight="heavy")
    data = embedded(render_page(g, "t")[0])
    iq, b = data["nodes"][1], data["nodes"][0]
    assert iq["local"] == "IQ" and iq["docs"] == [] and data["classes"][iq["c"]]["en"] == "Other"
    assert b["docs"] == ["d1", "d2"] and b["extra"] == "42"
    assert data["edges"] == [{"f": 0, "t": 1, "r": "", "w": 1.0}]


@pytest.mark.parametrize("weight, width", [(None, 1.0), (0, 1.0), (-3, 1.0), (1, 1.0), (2, 3.0), (4, 5.0),
                                           (1e6, 8.0), (float("nan"), 1.0), (float("inf"), 1.0), ("x", 1.0)])
def test_edge_width_grows_with_weight_and_is_clamped(weight, width):
    g = nx.Graph()
    g.add_edge("a", "b", relation="r", weight=weight)
    assert embedded(render_page(g, "t")[0])["edges"][0]["w"] == width


def test_directed_graphs_get_arrows_and_multigraphs_keep_parallel_edges():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", relation="pledge", evidence="تعهد أول", doc="d1")
    g.add_edge("a", "b", relation="pledge", evidence="تعهد ثان", doc="d2")
    g.add_edge("b", "a", relation="host", evidence="استضاف", doc="d1")
    data = embedded(render_page(g, "t")[0])
    assert data["directed"] is True and data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    assert [(e["f"], e["t"], e["r"], e.get("k")) for e in data["edges"]] == [
        (0, 1, "pledge", None), (0, 1, "pledge", 1), (1, 0, "host", 2)]
    undirected = embedded(render_page(nx.Graph(g), "t")[0])
    assert undirected["options"]["edges"]["arrows"]["to"]["enabled"] is False


# ----------------------------------------------------------------------------- safety


def test_hostile_text_round_trips_as_data_and_never_becomes_markup():
    g = hostile_graph()
    page, _ = render_page(g, "<script>document.title='pwned'</script>")
    data = embedded(page)
    assert [n["ar"] for n in data["nodes"]] == [g.nodes[n]["label_ar"] for n in sorted(g)]
    assert page_edges(data, directed=True) == edge_set(g)
    assert set(HOSTILE) <= set(data["evidence"])

    lowered = page.lower()
    assert "</script><script>" not in lowered
    ours = outside_library(page).lower()
    assert ours.count("</script") == 3            # the data, vis-network, our script
    assert ours.count("<script") == 3
    for raw in ("<img", "<svg", "<a ", "<b id", "<div id=pwned", "<style>body", "<!-- <script", "\u2028", "\u2029"):
        assert raw not in lowered, raw
    assert "\\u003cimg src=x onerror=" in page and "\\u2028" in page

    parsed = tags_of(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "span", "div",
               "button", "p", "main", "details", "summary", "ul", "li", "section", "script"}
    assert {t for t, _ in parsed.tags} <= allowed
    for tag, attrs in parsed.tags:
        assert not any(a.startswith("on") or a in ("src", "href") for a in attrs), (tag, attrs)
        assert attrs.get("id") != "pwned"
    assert parsed.text["title"] == "<script>document.title='pwned'</script>"
    scripts = [a for t, a in parsed.tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "ckg-data"}, {}, {}]


def test_page_has_no_network_references():
    page, _ = render_page(partner_meeting_graph(), "t")
    lowered = page.lower()
    for ref in ("<link", "<script src", "src=\"http", "src='http", "href=\"http", "href='http",
                "url(http", "url(\"http", "url('http", "@import", "//cdn", "<iframe"):
        assert ref not in lowered, ref
    # Everything but vis-network's own licence comments and code, and the data, has no URL at all.
    assert "http" not in outside_library(page).lower()
    assert "bootstrap" not in lowered


def test_arabic_page_is_right_to_left_with_an_arabic_font_stack_and_a_language_switch():
    page, _ = render_page(partner_meeting_graph(), "شركاء")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')
    assert '<meta charset="utf-8">' in page
    assert '"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"' in page
    assert 'value="ar" lang="ar" aria-pressed="true">العربية</button>' in page
    assert 'value="en" lang="en" aria-pressed="false">English</button>' in page
    assert "nodes.update(" in page and ".textContent" in page and "innerHTML" not in outside_library(page)
    english, _ = render_page(partner_meeting_graph(), "partners", language="en")
    assert english.startswith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')
    with pytest.raises(ValueError, match="language"):
        render_page(partner_meeting_graph(), "t", language="fr")


# ----------------------------------------------------------------------------- size


def test_large_graph_is_truncated_by_degree_with_a_notice_and_no_physics():
    g = news_graph(3000, 6000, seed=3)
    page, info = render_page(g, "كبير", max_nodes=500)
    data = embedded(page)
    assert (info.nodes, info.shown_nodes, info.truncated, info.physics) == (3000, 500, True, False)
    assert len(data["nodes"]) == 500 and data["physics"] is False
    assert data["options"]["physics"]["enabled"] is False
    simple = nx.Graph(g)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    expected = sorted(sorted(simple, key=lambda n: (-simple.degree(n), n))[:500])
    assert [n["iri"] for n in data["nodes"]] == expected
    assert len(data["edges"]) == g.subgraph(expected).number_of_edges()
    assert "showing 500 of 3000 nodes, by degree" in page
    assert "تُعرض 500 من أصل 3000 عقدة، الأعلى درجةً" in page
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 500       # no two nodes on one spot


def test_small_graph_runs_physics_with_quick_stabilisation_and_no_notice():
    page, info = render_page(partner_meeting_graph(), "t", physics_limit=16)
    data = embedded(page)
    assert info.physics and data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["iterations"] == 150
    assert 'id="ckg-notice"' not in page and "by degree" not in page
    _, info = render_page(partner_meeting_graph(), "t", physics_limit=15)
    assert not info.physics


def test_same_graph_gives_identical_html_whatever_the_insertion_order():
    g = news_graph(400, 900, seed=5)
    first, _ = render_page(g, "t")
    assert render_page(g, "t")[0] == first
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes(data=True), reverse=True))
    h.add_edges_from((v, u, d) for u, v, d in reversed(list(g.edges(data=True))))
    assert render_page(h, "t")[0] == first
    assert render_page(g, "t", seed=8)[0] != first


def test_empty_graph():
    page, info = render_page(nx.Graph(), "فارغ")
    assert (info.nodes, info.edges, info.shown_nodes, info.truncated) == (0, 0, 0, False)
    assert embedded(page)["nodes"] == []


def test_write_page_writes_utf8_atomically(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    info = write_page(partner_meeting_graph(), target, "شركاء")
    assert info.path == str(target) and info.bytes == target.stat().st_size
    assert target.read_bytes() == render_page(partner_meeting_graph(), "شركاء")[0].encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
    with pytest.raises(FileNotFoundError):
        write_page(partner_meeting_graph(), tmp_path / "missing" / "page.html", "t")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


@pytest.mark.parametrize("options", [{"max_nodes": 0}, {"physics_limit": -1}])
def test_bad_options_are_refused(options):
    with pytest.raises(ValueError):
        render_page(nx.Graph(), "t", **options)


# ----------------------------------------------------------------------------- in a browser


def chromium() -> str:
    exe = shutil.which("chromium")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed")
    return exe


def run_chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    """Load ``url`` in headless Chromium. A DOM dump taken before the first frame was drawn (it
    happens on a loaded machine: the dump does not wait for canvas frames) is taken again, up to
    three times, each time with a fresh profile and more virtual time."""
    for attempt in range(3):
        cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / f'profile{attempt}'}",
               f"--virtual-time-budget={10000 * (attempt + 1)}", *args, url]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=True)
        if "--dump-dom" not in args or re.search(r"<body[^>]*data-ckg-drawn=", proc.stdout):
            return proc
    return proc


def test_browser_runs_no_hostile_payload_and_draws_the_nodes(tmp_path):
    page = tmp_path / "hostile.html"
    write_page(hostile_graph(), page, "<img src=x onerror=\"document.title='pwned'\">")
    target = sorted(hostile_graph())[1]
    url = page.as_uri() + "#node=" + re.sub(r"[^A-Za-z0-9]", lambda m: "%%%02X" % ord(m.group()), target)
    dom = run_chromium(tmp_path, url, "--dump-dom").stdout
    parsed = tags_of(dom)
    body = next(a for t, a in parsed.tags if t == "body")
    assert body.get("data-ckg-drawn") == str(len(HOSTILE))
    assert parsed.text["title"] == "<img src=x onerror=\"document.title='pwned'\">"
    assert not any(a.get("id") == "pwned" for _, a in parsed.tags)
    assert not {"img", "svg", "a", "b", "iframe"} & {t for t, _ in parsed.tags}
    # The details panel shows the hostile label of the linked node, as text.
    details = re.search(r'<section id="ckg-details">(.*?)</section>', dom, re.S)
    assert details, "the #node= link did not open the details panel"
    assert "&lt;img src=x onerror=" in details.group(1)


def test_browser_draws_without_animation_frames(tmp_path):
    # A busy or background browser may give no animation frame for a while (it happened in CI):
    # the page must still draw once its layout has stabilised, not wait for the next frame.
    page = tmp_path / "partners.html"
    write_page(partner_meeting_graph(), page, "شركاء")
    html = page.read_text(encoding="utf-8")
    starve = "<script>window.requestAnimationFrame = function () { return 0; };</script>"
    page.write_text(html.replace("<head>", "<head>" + starve, 1), encoding="utf-8")
    dom = run_chromium(tmp_path, page.as_uri(), "--dump-dom").stdout
    body = next(a for t, a in tags_of(dom).tags if t == "body")
    assert body.get("data-ckg-drawn") == "16" and body.get("data-ckg-stable") == "true"


def test_browser_switches_language_and_direction(tmp_path):
    page = tmp_path / "partners.html"
    write_page(partner_meeting_graph(), page, "شركاء")
    dom = run_chromium(tmp_path, page.as_uri() + "#lang=en", "--dump-dom").stdout
    html_tag = next(a for t, a in tags_of(dom).tags if t == "html")
    assert (html_tag["lang"], html_tag["dir"]) == ("en", "ltr")
    assert 'value="en" lang="en" aria-pressed="true"' in dom
    assert 'data-ckg-drawn="16"' in dom and 'data-ckg-stable="true"' in dom


def png_rows(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the (filtered) scanlines of an 8-bit RGB(A) PNG."""
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(raw):
        length, kind = struct.unpack(">I4s", raw[pos:pos + 8])
        chunk = raw[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    data = zlib.decompress(idat)
    stride = 1 + width * channels
    return width, height, [data[i:i + stride] for i in range(0, len(data), stride)]


def test_browser_screenshot_of_an_arabic_page_is_not_blank(tmp_path):
    page = tmp_path / "partners.html"
    write_page(partner_meeting_graph(), page, "شركاء التحالف والاجتماعات")
    shot = tmp_path / "partners.png"
    run_chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,800")
    assert shot.exists() and shot.stat().st_size > 10_000
    width, height, rows = png_rows(shot)
    assert (width, height) == (1200, 800) and len(rows) == 800
    # A blank page has a handful of distinct rows; text, legend and drawn nodes give hundreds.
    assert len(set(rows)) > 300
    if os.environ.get("CKG_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["CKG_SCREENSHOT"])
