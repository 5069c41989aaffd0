import pytest

import graph
from graph.errors import CkgError


def test_build_and_query_from_python(tmp_path):
    summary = graph.build(store=tmp_path / "kg")
    assert summary.documents == 5 and not summary.failures
    rows = graph.query("mentions", store=tmp_path / "kg", params={"doc": "000_ed702eeb4dd5e7be"})
    assert {"Iraq", "Syria", "Paris"} <= {r["entity_label"] for r in rows}


def _quads(store):
    from graph.store import Store

    return {str(q) for q in Store(store).reader().quads_for_pattern(None, None, None, None)}


def test_one_or_two_jobs_and_skipped_copies_give_the_same_graph(tmp_path):
    """Entity descriptions go once per worker: none is lost when the document that carried one is
    not stored (here copies of the documents under other names, skipped as already there)."""
    import shutil

    from conftest import shared_or_skip

    dev = shared_or_skip("corpus-dev")
    corpus = tmp_path / "corpus"
    shutil.copytree(dev, corpus)
    (corpus / "again").mkdir()
    for p in sorted(corpus.glob("*.txt")):
        shutil.copy(p, corpus / "again" / f"{p.stem}-copy.txt")
    one = graph.build([corpus], store=tmp_path / "one", jobs=1)
    two = graph.build([corpus], store=tmp_path / "two", jobs=2)
    clean = graph.build([dev], store=tmp_path / "clean", jobs=1)
    assert one.skipped == two.skipped == clean.documents > 0
    assert not one.failures and not two.failures and not clean.failures
    assert _quads(tmp_path / "one") == _quads(tmp_path / "two")
    entities = "<https://w3id.org/ckg/graph/entities>"
    assert ({q for q in _quads(tmp_path / "two") if q.endswith(entities)}
            == {q for q in _quads(tmp_path / "clean") if q.endswith(entities)})
    assert one.triples == two.triples == two.stored - _ontology_triples()
    assert clean.triples == clean.stored - _ontology_triples()

    # every lexicon entity a document refers to is described (typed and labelled) in the entity graph
    rows = graph.query("""SELECT DISTINCT ?e WHERE { GRAPH ?g { ?x ?p ?e } FILTER(STRSTARTS(STR(?g), STR(ckgg:doc/)))
        FILTER(STRSTARTS(STR(?e), "https://w3id.org/ckg/id/"))
        FILTER NOT EXISTS { GRAPH ckgg:entities { ?e a ?c ; rdfs:label ?l } } }""".replace(
        "ckgg:doc/", "<https://w3id.org/ckg/graph/doc/>").replace("ckgg:entities", "<https://w3id.org/ckg/graph/entities>"),
        store=tmp_path / "two")
    undescribed = {r["e"].rsplit("/", 1)[1] for r in rows}
    from graph.lexicon import Lexicon

    assert not undescribed & set(Lexicon.default().entries)


def _ontology_triples() -> int:
    import pyoxigraph as ox

    from graph.namespace import ontology_path

    return len(list(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)))


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_entity_first_seen_in_a_refused_document_is_still_described(tmp_path, jobs):
    """The second file with identifier 'x' is refused after extraction; the entity it was the first to
    name (Kazakhstan) is named again by a later document and must still be described."""
    for folder, name, text in (("a", "x", "اجتمع وزراء التحالف الدولي في باريس."),
                               ("b", "x", "زار وزير خارجية كازاخستان بغداد."),
                               ("c", "y", "وصل وفد من كازاخستان إلى بغداد.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = graph.build([tmp_path / f for f in "abc"], store=tmp_path / "kg", jobs=jobs)
    assert summary.documents == 2 and len(summary.failures) == 1
    labels = graph.query("""SELECT ?l WHERE { GRAPH <https://w3id.org/ckg/graph/entities> {
        <https://w3id.org/ckg/id/KAZ> rdfs:label ?l FILTER(LANG(?l) = "en") } }""", store=tmp_path / "kg")
    assert [r["l"] for r in labels] == ["Kazakhstan"]


def test_loading_in_small_batches_gives_the_same_graph(tmp_path, monkeypatch):
    """Documents reach the database in batches; an entity described in one batch and named again in
    a later one, and meetings resolved across batches, come out as in one batch."""
    from conftest import shared_or_skip

    from graph.api import _Batch

    dev = shared_or_skip("corpus-dev")
    graph.build([dev], store=tmp_path / "whole", jobs=1)
    monkeypatch.setattr(_Batch, "DOCS", 2)
    summary = graph.build([dev], store=tmp_path / "pairs", jobs=2)
    assert summary.documents > 4 and not summary.failures
    assert _quads(tmp_path / "whole") == _quads(tmp_path / "pairs")


@pytest.mark.parametrize("first", [1, 3])
def test_adding_documents_one_folder_at_a_time_gives_the_graph_of_one_build(tmp_path, first):
    """ckg add reads the store's meetings venue by venue as new meetings ask for them: a meeting
    that a later document reports again must still get the IRI it already has in the store."""
    import shutil

    from conftest import ROOT

    corpus = ROOT / "corpus"
    files = sorted(corpus.glob("*.txt"))
    halves = [tmp_path / "a", tmp_path / "b"]
    for folder, part in zip(halves, (files[:first], files[first:])):
        folder.mkdir()
        shutil.copy(corpus / "manifest.csv", folder / "manifest.csv")
        for f in part:
            shutil.copy(f, folder / f.name)
    whole = graph.build([corpus], store=tmp_path / "whole")
    graph.build([halves[0]], store=tmp_path / "parts")
    added = graph.add([halves[1]], store=tmp_path / "parts")
    assert added.documents == len(files) - first and not added.failures
    assert _quads(tmp_path / "parts") == _quads(tmp_path / "whole")


def test_a_build_in_the_callers_process_leaves_its_garbage_collector_as_it_was(tmp_path):
    """Extraction in this process freezes the lexicon out of the collector and collects less
    often; a program that calls graph.build must get its collector back as it was, also when
    the build fails."""
    import gc

    gc.set_threshold(500, 7, 9)
    try:
        frozen = gc.get_freeze_count()
        graph.build(store=tmp_path / "s", jobs=1)
        assert gc.get_threshold() == (500, 7, 9) and gc.get_freeze_count() == frozen
        (tmp_path / "bad").mkdir()
        (tmp_path / "bad" / "x.txt").write_bytes(b"\xff\xfe\x00broken")
        with pytest.raises(CkgError):
            graph.build([tmp_path / "bad"], store=tmp_path / "t", jobs=1, strict=True)
        assert gc.get_threshold() == (500, 7, 9) and gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.set_threshold(700, 10, 10)
