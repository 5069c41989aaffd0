"""The ckg commands through click's CliRunner, on a store built from the bundled corpus."""
import json

import pytest
import rdflib
import rdflib.compare

from build_graph import cli
from conftest import invoke, rows

CONTRACT = {
    "meetings": ["meeting", "meeting_label", "kind", "place", "place_label", "start", "end", "doc"],
    "partners-at-meeting": ["meeting", "meeting_label", "start", "place_label", "partner", "partner_label", "role"],
    "joins": ["member", "member_label", "event", "event_label", "date", "doc", "evidence"],
    "coalition-size": ["count", "as_of", "doc", "evidence"],
    "funding": ["figure", "kind", "donor", "donor_label", "amount", "currency", "qualifier", "beneficiary",
                "beneficiary_label", "purpose", "year", "doc", "evidence"],
    "group-mandates": ["group", "group_label", "mandate", "mandate_label", "topic", "focus_label", "doc", "evidence"],
    "threats": ["threat", "threat_label", "kind", "region", "region_label", "doc", "evidence"],
    "attacks": ["attack", "attack_label", "perpetrator", "perpetrator_label", "place", "place_label", "date", "doc",
                "evidence"],
    "people": ["person", "person_label", "role", "affiliation", "affiliation_label", "doc", "evidence"],
    "mentions": ["doc", "entity", "entity_label", "type"],
    "commitments": ["commitment", "kind", "actor", "actor_label", "object_label", "event", "doc", "evidence"],
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_canned_queries_return_the_contracted_variables(runner, seed_store, name):
    result = invoke(runner, seed_store, "query", name, "--format", "json")
    assert result.exit_code == 0, result.output
    head = json.loads(result.output)["head"]["vars"]
    assert set(CONTRACT[name]) <= set(head)


def test_queries_lists_all_canned_queries_with_descriptions(runner, seed_store):
    result = invoke(runner, seed_store, "queries")
    for name in CONTRACT:
        assert name in result.output
    assert "--param doc=" in result.output


def test_mentions_of_one_document_by_parameter(runner, seed_store):
    result = invoke(runner, seed_store, "query", "mentions", "--param", "doc=002_edb1e7ae2f850001", "--format", "json")
    found = rows(result)
    assert {r["doc"] for r in found} == {"002_edb1e7ae2f850001"}
    labels = {r["entity_label"] for r in found}
    assert {"Kenya", "Fiji", "Washington, D.C."} <= labels
    assert {r["type"] for r in found if r["entity_label"] == "Kenya"} == {"Country"}


@pytest.mark.parametrize("fmt,check", [
    ("csv", lambda out: out.splitlines()[0] == "doc,entity,entity_label,type"),
    ("tsv", lambda out: out.splitlines()[0] == "doc\tentity\tentity_label\ttype"),
    ("md", lambda out: out.startswith("| doc | entity | entity_label | type |")),
    ("table", lambda out: out.splitlines()[0].split() == ["doc", "entity", "entity_label", "type"]),
])
def test_output_formats(runner, seed_store, fmt, check):
    result = invoke(runner, seed_store, "query", "mentions", "--format", fmt)
    assert result.exit_code == 0 and check(result.output)


def test_sparql_from_standard_input(runner, seed_store):
    q = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ckg:Document }"
    result = invoke(runner, seed_store, "query", "-", "--format", "csv", input=q)
    assert result.output.splitlines() == ["n", "5"]


def test_update_is_refused(runner, seed_store):
    result = invoke(runner, seed_store, "query", "-", input="INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert result.exit_code == 1
    assert "read-only" in result.output


def test_unknown_query_is_a_usage_error(runner, seed_store):
    result = invoke(runner, seed_store, "query", "no-such-query")
    assert result.exit_code == 2 and "ckg queries" in result.output


def test_unknown_parameter_lists_the_known_ones(runner, seed_store):
    result = invoke(runner, seed_store, "query", "mentions", "--param", "entity_type=x")
    assert result.exit_code == 2 and "doc" in result.output


def test_missing_store_is_one_clear_line(runner, tmp_path):
    result = invoke(runner, tmp_path / "nowhere", "query", "meetings")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "ckg build" in result.output


def test_build_twice_gives_the_same_graph(runner, tmp_path):
    dumps = []
    for name in ("a", "b"):
        store = tmp_path / name
        assert invoke(runner, store, "build").exit_code == 0
        out = invoke(runner, store, "export", "--format", "nq").output
        dumps.append(sorted(out.splitlines()))
    assert dumps[0] == dumps[1]


def test_add_skips_a_document_already_in_the_store(runner, seed_store, tmp_path):
    from graph.api import bundled_corpus

    store = tmp_path / "s"
    invoke(runner, store, "build")
    before = invoke(runner, store, "export", "--format", "nq").output
    result = invoke(runner, store, "add", str(bundled_corpus() / "000_ed702eeb4dd5e7be.txt"))
    assert result.exit_code == 0 and "1 already in the store" in result.output
    assert invoke(runner, store, "export", "--format", "nq").output == before


def test_add_puts_a_new_document_in(runner, tmp_path):
    store = tmp_path / "s"
    invoke(runner, store, "build")
    doc = tmp_path / "extra.txt"
    doc.write_text("رحب التحالف الدولي بانضمام أوزبكستان في مدريد.", encoding="utf-8")
    result = invoke(runner, store, "add", str(doc))
    assert "Added: 1 documents" in result.output
    found = rows(invoke(runner, store, "query", "mentions", "--param", "doc=extra", "--format", "json"))
    assert {"Uzbekistan", "Madrid"} <= {r["entity_label"] for r in found}


def test_turtle_export_reimports_to_the_same_graph(runner, seed_store, tmp_path):
    out = tmp_path / "g.ttl"
    assert invoke(runner, seed_store, "export", "--format", "turtle", "--out", str(out)).exit_code == 0
    ttl = rdflib.Graph().parse(out, format="turtle")
    nt = rdflib.Graph().parse(data=invoke(runner, seed_store, "export", "--format", "nt").output, format="nt")
    assert len(ttl) > 500
    assert rdflib.compare.isomorphic(ttl, nt)


def test_trig_keeps_one_graph_per_document(runner, seed_store):
    ds = rdflib.Dataset()
    ds.parse(data=invoke(runner, seed_store, "export", "--format", "trig").output, format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    assert sum("/graph/doc/" in n for n in names) == 5


def test_stats_counts_documents(runner, seed_store):
    data = json.loads(invoke(runner, seed_store, "stats", "--json").output)
    assert data["documents"] == 5 and data["triples"] > 500 and data["entities"]["Country"] >= 10


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 20, name
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0


@pytest.mark.parametrize("fmt,rapper_syntax", [("turtle", "turtle"), ("nt", "ntriples"), ("nq", "nquads"),
                                                 ("trig", "trig"), ("xml", "rdfxml")])
def test_export_is_accepted_by_rapper(runner, seed_store, tmp_path, fmt, rapper_syntax):
    import os
    import shutil
    import subprocess

    if not shutil.which("rapper"):
        if os.environ.get("CI") == "true":
            pytest.fail("rapper (Debian raptor2-utils) is missing; .ci/run installs it")
        pytest.skip("rapper not installed")
    out = tmp_path / f"g.{fmt}"
    invoke(runner, seed_store, "export", "--format", fmt, "--out", str(out))
    proc = subprocess.run(["rapper", "-i", rapper_syntax, "-c", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "returned" in proc.stderr
