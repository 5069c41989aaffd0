import graph


def test_build_and_query_from_python(tmp_path):
    summary = graph.build(store=tmp_path / "kg")
    assert summary.documents == 5 and not summary.failures
    rows = graph.query("mentions", store=tmp_path / "kg", params={"doc": "000_ed702eeb4dd5e7be"})
    assert {"Iraq", "Syria", "Paris"} <= {r["entity_label"] for r in rows}
