import pytest

from graph.errors import DecodeError, ManifestError
from graph.ingest import boilerplate_spans, decode, discover, load_document, read_manifest

ARABIC = "اجتمع وزراء خارجية دول التحالف الدولي في واشنطن."


@pytest.mark.parametrize("data,encoding", [
    (ARABIC.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig"),
    (ARABIC.encode("utf-16"), "utf-16"),
    (b"\xfe\xff" + ARABIC.encode("utf-16-be"), "utf-16"),
    (ARABIC.encode("cp1256"), "windows-1256"),
])
def test_decodes_the_encodings_of_arabic_text(data, encoding):
    assert decode(data) == (ARABIC, encoding)


@pytest.mark.parametrize("data,words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"abc\x00def", "NUL"),
    (bytes(range(0x80, 0x100)) * 3, "UTF-8"),
    (b"\xef\xbb\xbf\xff\xfe bad", "UTF-8"),
])
def test_refuses_bytes_that_are_not_text(data, words):
    with pytest.raises(DecodeError, match=words):
        decode(data, "x.txt")


def test_boilerplate_is_marked_not_deleted():
    text = "التحالف يجتمع في روما.\nطباعة | مشاركة\nأخبار ذات صلة\n- رابط آخر"
    spans = boilerplate_spans(text)
    assert [text[a:b] for a, b in spans] == ["طباعة | مشاركة", "أخبار ذات صلة\n- رابط آخر"]


def test_manifest_gives_publication_dates(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published,title,source\na.txt,2019-06,عنوان,news\n", encoding="utf-8")
    [(path, meta)] = list(discover([tmp_path]))
    doc = load_document(path, meta)
    assert (doc.id, doc.published, doc.title, doc.source) == ("a", "2019-06", "عنوان", "news")


def test_a_file_without_a_manifest_row_has_no_date(tmp_path):
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    [(path, meta)] = list(discover([tmp_path]))
    assert load_document(path, meta).published is None


@pytest.mark.parametrize("content,error", [
    ("name,date\nx,1\n", "header"),
    ("file,published,title,source\na.txt,June 2019,,\n", "line 2"),
])
def test_bad_manifests_are_refused_with_the_line(tmp_path, content, error):
    (tmp_path / "manifest.csv").write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=error):
        read_manifest(tmp_path)


def test_empty_file_is_refused(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n", encoding="utf-8")
    with pytest.raises(DecodeError, match="empty"):
        load_document(p)
