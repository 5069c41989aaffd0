"""docs/ontology.md is generated from ontology/ and kept in step with it; the example queries run."""
import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

import graph
from ontology import document

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "ontology.md"
EXAMPLES = ROOT / "ontology" / "examples"
REGENERATE = "run `python -m ontology.document` and commit docs/ontology.md"

# Read here, not through the generator, so that a term the page leaves out is caught.
G = rdflib.Graph().parse(ROOT / "ontology" / "ckg.ttl", format="turtle")
NS = "https://w3id.org/ckg/ontology#"
# The classes a reader asks about first: the actors, meetings, attacks, commitments and money, threats.
MAIN_CLASSES = ["Country", "Organization", "Person", "ArmedGroup", "Coalition", "WorkingGroup",
                "Meeting", "Attack", "Commitment", "FundingFigure", "ThreatReport"]
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.rq"))


def declared(rdf_type) -> list[str]:
    return sorted(str(s)[len(NS):] for s in G.subjects(RDF.type, rdf_type) if str(s).startswith(NS))


def labels(local: str) -> tuple[str, str]:
    """The English and Arabic labels of a term; both must exist."""
    found = {o.language: str(o) for o in G.objects(rdflib.URIRef(NS + local), RDFS.label)}
    assert "en" in found and "ar" in found, f"ckg:{local} lacks an English or Arabic rdfs:label"
    return found["en"], found["ar"]


def page_part(heading: str) -> str:
    """The part of the page under ``heading``, up to the next heading of level 2 or 3."""
    text = PAGE.read_text(encoding="utf-8")
    assert f"\n{heading}\n" in text, f"{heading!r} is not in docs/ontology.md"
    return re.split(r"\n#{2,3} ", text.split(f"\n{heading}\n", 1)[1], maxsplit=1)[0]


def cells(markdown: str) -> set[str]:
    """The text of every table cell in ``markdown``, HTML tags (the right-to-left spans) removed."""
    return {re.sub(r"<[^>]+>", "", cell).strip()
            for line in markdown.splitlines() if line.startswith("|")
            for cell in re.split(r"(?<!\\)\|", line.strip("|"))}


def test_committed_page_is_the_generated_one():
    same = PAGE.is_file() and PAGE.read_text(encoding="utf-8") == document.render()
    assert same, f"docs/ontology.md is out of date with ontology/: {REGENERATE}"


def test_check_mode_reports_a_stale_page_in_one_line(tmp_path, capsys):
    page = tmp_path / "ontology.md"
    assert document.main(["--output", str(page)]) == 0
    assert document.main(["--check", "--output", str(page)]) == 0
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    capsys.readouterr()
    assert document.main(["--check", "--output", str(page)]) == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "python -m ontology.document" in message


@pytest.mark.parametrize("local", declared(OWL.Class))
def test_every_class_has_a_section_with_both_labels(local):
    section = page_part(f"### {local}")
    assert f"`ckg:{local}`" in section
    for label in labels(local):
        assert label in cells(section), f"the section of ckg:{local} lacks its label {label!r}"


@pytest.mark.parametrize("title,local", [("Object properties", p) for p in declared(OWL.ObjectProperty)]
                         + [("Datatype properties", p) for p in declared(OWL.DatatypeProperty)])
def test_every_property_has_a_row_with_both_labels(title, local):
    rows = [line for line in page_part(f"## {title}").splitlines() if line.startswith(f"| `ckg:{local}` |")]
    assert len(rows) == 1, f"ckg:{local} has no row in the {title} table"
    for label in labels(local):
        assert label in cells(rows[0]), f"the row of ckg:{local} lacks its label {label!r}"


@pytest.mark.parametrize("local", MAIN_CLASSES)
def test_every_main_class_has_an_example(local):
    assert (rdflib.URIRef(NS + local), RDF.type, OWL.Class) in G, f"the ontology has no class ckg:{local}"
    assert (EXAMPLES / f"{local}.rq").is_file(), f"write ontology/examples/{local}.rq, then {REGENERATE}"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_says_what_it_asks_and_returns_rows(path, seed_store):
    assert path.stem in declared(OWL.Class), f"{path.name} is not named after a class of the ontology"
    assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name} must begin with a '# ' comment"
    rows = graph.query(str(path), store=seed_store)
    assert rows, f"{path.name} returns no row on the store built from the bundled corpus"
