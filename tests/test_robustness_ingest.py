"""Bad documents in a folder of good ones: each is refused with one clear line, the good ones go in.

Everything goes through the CLI (``ckg build``/``ckg add`` in click's CliRunner, or a real process
where memory is measured) and is checked on what the store holds afterwards.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from build_graph import cli
from conftest import ROOT
from graph.ingest import MAX_BYTES, MAX_SENTENCE_CHARS

FIXTURES = Path(__file__).parent / "fixtures"  # saved_page.htm: .htm, as the repository ignores *.html
ID = "https://w3id.org/ckg/id/"

# Good documents: file name -> (bytes, entities the store must then hold for that document).
GOOD: dict[str, tuple[bytes, set[str]]] = {
    "utf8.txt": ("رحب التحالف الدولي بانضمام أوزبكستان في مدريد.".encode(), {"UZB", "MADRID"}),
    "cp1256.txt": ("اجتمع وزراء خارجية دول التحالف في الرياض مع ممثلي العراق.".encode("cp1256"), {"RIYADH", "IRQ"}),
    "utf16le.txt": (b"\xff\xfe" + "زار وفد من التحالف الكويت والأردن.".encode("utf-16-le"), {"KWT", "JOR"}),
    "utf16be.txt": (b"\xfe\xff" + "استضافت تونس اجتماعا للتحالف حضره ممثلو المغرب.".encode("utf-16-be"), {"TUN", "MAR"}),
    # a zero-width space inside واشنطن, a right-to-left override around فرنسا, an isolate around كينيا
    "bidi.txt": ("اجتمع وزراء التحالف في وا\u200bشنطن مع \u202eفرنسا\u202c و\u2067كينيا\u2069.".encode(),
                 {"WASHINGTON", "FRA", "KEN"}),
    "mixed.txt": ("The Global Coalition met on Monday.\nاجتمع التحالف الدولي في باريس مع ممثلي Kenya والأردن.".encode(),
                  {"PARIS", "JOR"}),
    # Persian yeh and kaf (ی ک) and Persian digits
    "persian.txt": ("زار وزیر خارجیة کینیا ایران في ۲۴ حزیران ۲۰۱۹.".encode(), {"KEN", "IRN"}),
    "numbers.txt": ("2019 2020\n123,456 ٧٨٩\n".encode(), set()),
    "page.html": ((FIXTURES / "saved_page.htm").read_bytes(), {"WASHINGTON", "KEN", "FJI", "MADRID"}),
}

# Bad documents: file name -> (bytes or a function writing the file, what is wrong, what to do).
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _big(size: int, newlines: bool):
    """A writer for a file of exactly ``size`` bytes of Arabic text, in one line or in sentences, written by blocks."""
    unit = ("اجتمع التحالف في بغداد" + (".\n" if newlines else " ")).encode()
    block = unit * (2**20 // len(unit))

    def write(path: Path) -> None:
        with open(path, "wb") as fh:
            for _ in range(size // len(block)):
                fh.write(block)
            rest = size % len(block)
            fh.write(unit * (rest // len(unit)) + b" " * (rest % len(unit)))
        assert path.stat().st_size == size

    return write


BAD: dict[str, tuple[object, str, str]] = {
    "empty.txt": (b"", r"is empty", r"put the article's text in it or remove it"),
    "blank.txt": (b"  \n\t \r\n \xc2\xa0\n", r"is empty", r"put the article's text in it"),
    "logo.txt": (PNG, r"binary file \(a PNG image\)", r"convert it to UTF-8 text first"),
    "nul.txt": (b"abc\x00def " + "داعش".encode(), r"NUL bytes", r"save it as UTF-8"),
    "latin1.txt": ("Réunion de la coalition à Genève, été 2019.".encode("latin-1"),
                   r"not valid UTF-8 \(byte 1\) nor Windows-1256", r"re-save it as UTF-8"),
    "oneline.txt": (_big(10 * 2**20, newlines=False), r"is 10\.0 MB, over the 5 MB limit", r"split it into smaller files"),
    "huge.txt": (_big(50 * 2**20, newlines=True), r"is 50\.0 MB, over the 5 MB limit", r"split it into smaller files"),
    "run.txt": (_big(300_000, newlines=False), r"characters without a full stop or a line break",
                r"break the text into sentences or lines"),
}


def _write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, spec in files.items():
        content = spec[0]
        if callable(content):
            content(folder / name)
        else:
            (folder / name).write_bytes(content)
    return folder


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> Path:
    """A folder of the good and the bad documents, plus a hidden binary macOS leaves behind."""
    folder = _write(tmp_path_factory.mktemp("messy") / "docs", {**GOOD, **BAD})
    (folder / "._utf8.txt").write_bytes(b"\x00\x05\x16\x07" + bytes(60))  # AppleDouble: not a document
    return folder


def _ckg(store: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store), *args], catch_exceptions=False)


def _mentions(store: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in graph.query("mentions", store=store):
        out.setdefault(row["doc"], set()).add(row["entity"].removeprefix(ID))
    return out


def _documents(store: Path) -> set[str]:
    q = "SELECT ?id WHERE { ?d a ckg:Document ; dcterms:identifier ?id }"
    return {r["id"] for r in graph.query(q, store=store)}


def test_limits_are_what_the_messages_say():
    assert MAX_BYTES == 5 * 2**20 and MAX_SENTENCE_CHARS == 20_000


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_files_are_skipped_with_one_clear_line_and_the_good_ones_go_in(messy, tmp_path, jobs):
    store = tmp_path / "store"
    t0 = time.monotonic()
    result = _ckg(store, "build", "--jobs", jobs, str(messy))
    assert time.monotonic() - t0 < 30  # nothing huge was extracted
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped: ")]
    assert len(skipped) == len(BAD), result.stderr
    for name, (_, wrong, todo) in BAD.items():
        [line] = [s for s in skipped if f"/{name}: " in s]
        assert str(messy / name) in line
        assert re.search(wrong, line) and re.search(todo, line), line
    assert f"Built: {len(GOOD)} documents" in result.stdout and f"{len(BAD)} failed" in result.stdout
    ids = {Path(n).stem for n in GOOD}
    assert _documents(store) == ids
    found = _mentions(store)
    for name, (_, entities) in GOOD.items():
        assert entities <= found.get(Path(name).stem, set()), name
    assert "numbers" not in found  # a document of numbers only is in the store and names nothing


def test_stored_text_has_no_invisible_characters_and_its_offsets_slice_the_document(messy, tmp_path):
    from graph.ingest import load_document

    store = tmp_path / "store"
    assert _ckg(store, "build", str(messy / "bidi.txt"), str(messy / "page.html")).exit_code == 0
    q = """SELECT ?doc ?text ?start ?end WHERE {
             ?x ckg:startOffset ?start ; ckg:endOffset ?end ; ckg:text|ckg:surface ?text ;
                ckg:document/dcterms:identifier ?doc }"""
    rows = graph.query(q, store=store)
    texts = {d: load_document(messy / f).text for d, f in (("bidi", "bidi.txt"), ("page", "page.html"))}
    assert len(rows) > 10 and {r["doc"] for r in rows} == set(texts)
    assert any("واشنطن" in r["text"] for r in rows if r["doc"] == "bidi")
    for r in rows:
        assert texts[r["doc"]][int(r["start"]):int(r["end"])] == r["text"]
        assert not re.search("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff<>]", r["text"]), r


def test_a_saved_html_page_becomes_its_visible_text(messy, tmp_path):
    store = tmp_path / "store"
    result = _ckg(store, "build", str(messy / "page.html"))
    assert result.exit_code == 0, result.output
    entities = _mentions(store)["page"]
    assert {"WASHINGTON", "KEN", "FJI", "MADRID"} <= entities
    # names only in the scripts, the style, <noscript> and the SVG are not the article's
    assert not entities & {"ROME", "BERLIN", "LONDON", "MOSCOW", "PARIS", "TOKYO", "ANKARA"}
    q = "SELECT ?t WHERE { ?d a ckg:Document ; dcterms:identifier 'page' ; dcterms:title ?t }"
    assert [r["t"] for r in graph.query(q, store=store)] == ["التحالف الدولي يجتمع في واشنطن"]
    literals = [r["o"] for r in graph.query("SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }", store=store)]
    assert not any(w in o for o in literals for w in ("dataLayer", "font-family", "<p>", "&amp;", "&nbsp;"))


def test_strict_build_stops_at_the_first_bad_file_and_keeps_the_store(messy, tmp_path):
    store = tmp_path / "store"
    assert _ckg(store, "build").exit_code == 0
    before = _documents(store)
    result = _ckg(store, "build", "--strict", str(messy))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "blank.txt: is empty" in result.stderr  # the first in name order
    assert result.stderr.count("\n") == 1
    assert _documents(store) == before
    assert [p.name for p in store.glob("db-*")] == [os.readlink(store / "current")]


def test_strict_add_changes_nothing(messy, tmp_path):
    store = tmp_path / "store"
    assert _ckg(store, "build").exit_code == 0
    before = _documents(store)
    folder = _write(tmp_path / "new", {"a_good.txt": GOOD["utf8.txt"], "b_bad.txt": BAD["logo.txt"]})
    result = _ckg(store, "add", "--strict", str(folder))
    assert result.exit_code == 1 and "b_bad.txt: is a binary file" in result.stderr
    assert _documents(store) == before
    result = _ckg(store, "add", str(folder))  # without --strict the good one goes in, the bad one is reported
    assert result.exit_code == 1 and result.stderr.count("Skipped: ") == 1
    assert _documents(store) == before | {"a_good"}


def test_two_files_with_one_identifier_are_not_silently_merged(tmp_path):
    folder = tmp_path / "docs"
    (folder / "2019").mkdir(parents=True)
    (folder / "2020").mkdir()
    (folder / "2019" / "report.txt").write_text("رحب التحالف الدولي بانضمام كينيا.", encoding="utf-8")
    (folder / "2020" / "report.txt").write_text("رحب التحالف الدولي بانضمام فيجي.", encoding="utf-8")
    store = tmp_path / "store"
    result = _ckg(store, "build", str(folder))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Skipped: {folder / '2020' / 'report.txt'}: has the same identifier 'report' as ")
    assert "rename one of them" in line
    assert "KEN" in _mentions(store)["report"] and "FJI" not in _mentions(store)["report"]


def test_a_file_name_that_is_not_utf8_is_reported_not_crashed_on(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("رحب التحالف الدولي بانضمام كينيا.", encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad, "wb") as fh:
        fh.write("رحب التحالف الدولي بانضمام فيجي.".encode())
    store = tmp_path / "store"
    result = _ckg(store, "build", str(folder))
    assert result.exit_code == 1
    assert "Skipped: " in result.stderr and "bad\ufffd.txt: the file name is not valid UTF-8; rename the file" in result.stderr
    assert _documents(store) == {"good"}


def _run_measured(args: list[str], timeout: float) -> tuple[int, int, str]:
    """Run ``python build_graph.py ARGS``; return its exit status, peak memory in KB and standard error."""
    with subprocess.Popen([sys.executable, str(ROOT / "build_graph.py"), *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True) as proc:
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                return proc.returncode, usage.ru_maxrss, proc.stderr.read()
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"ckg {' '.join(args)} did not finish within {timeout} s")
            time.sleep(0.05)


def test_memory_stays_bounded_on_huge_files(messy, tmp_path):
    small = _write(tmp_path / "small", {"utf8.txt": GOOD["utf8.txt"]})
    big = tmp_path / "big"
    big.mkdir()
    shutil.copy(small / "utf8.txt", big / "utf8.txt")
    for name in ("huge.txt", "oneline.txt"):
        os.link(messy / name, big / name)
    code, base_kb, _ = _run_measured(["--store", str(tmp_path / "s1"), "build", str(small)], 60)
    assert code == 0
    code, big_kb, err = _run_measured(["--store", str(tmp_path / "s2"), "build", str(big)], 60)
    assert code == 1 and err.count("Skipped: ") == 2 and "huge.txt: is 50.0 MB" in err
    # 60 MB of input; reading either file would add at least its size
    assert big_kb - base_kb < 10 * 1024, (base_kb, big_kb)


@pytest.mark.parametrize("published,error", [
    ("2019-02-30", "line 3: published date '2019-02-30' is not a real date written YYYY-MM-DD, YYYY-MM or YYYY"),
    ("2019-13", "line 3: published date '2019-13' is not a real date"),
    ("0000", "line 3: published date '0000' is not a real date"),
    ("x" * 200_000, "line 3: field larger than field limit (131072); fix the CSV"),
])
def test_a_manifest_with_an_impossible_date_or_a_broken_row_is_one_clear_error(tmp_path, published, error):
    folder = _write(tmp_path / "docs", {"a.txt": GOOD["utf8.txt"], "b.txt": GOOD["persian.txt"]})
    (folder / "manifest.csv").write_text(f"file,published,title,source\na.txt,2019-06,,\nb.txt,{published},,\n",
                                         encoding="utf-8")
    result = _ckg(tmp_path / "store", "build", str(folder))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {folder / 'manifest.csv'}, {error}") and result.stderr.count("\n") == 1


def test_a_manifest_date_in_arabic_digits_is_read(tmp_path):
    folder = _write(tmp_path / "docs", {"persian.txt": GOOD["persian.txt"]})
    (folder / "manifest.csv").write_text("file,published,title,source\npersian.txt,٢٠١٩-٠٦-٢٦,,\n", encoding="utf-8")
    store = tmp_path / "store"
    assert _ckg(store, "build", str(folder)).exit_code == 0
    q = "SELECT ?p WHERE { ?d dcterms:identifier 'persian' ; ckg:published ?p }"
    assert [r["p"] for r in graph.query(q, store=store)] == ["2019-06-26"]
