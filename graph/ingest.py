"""Reading documents: bytes to text, page furniture, manifests, document records.

A document's text is the decoded file with only what carries no content taken
out: line breaks are made ``\\n``, and invisible formatting characters (zero-width
spaces, bidi overrides and isolates, soft hyphens, control characters) are
dropped, so that they can neither split a name nor reorder what a terminal
shows. A saved HTML page becomes the text a browser would show (scripts, styles
and markup removed). Offsets of sentences and evidence point into that text.
Boilerplate (share buttons, cookie banners, related links) is not deleted but
marked as spans that extraction skips.

Files ckg cannot read are refused with a :class:`DecodeError` that names the
file, says what is wrong and what to do: binary files, unknown encodings, empty
files, files over :data:`MAX_BYTES` (refused from their size, never read) and
runs of text longer than :data:`MAX_SENTENCE_CHARS` without a sentence end or a
line break, which are not prose and would make extraction crawl.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .data import load_yaml
from .errors import DecodeError, ManifestError
from .text import normalize, split_sentences

__all__ = [
    "Document",
    "decode",
    "boilerplate_spans",
    "read_manifest",
    "discover",
    "load_document",
    "clean_text",
    "display_path",
    "looks_like_html",
    "html_to_text",
    "DOCUMENT_SUFFIXES",
    "MAX_BYTES",
    "MAX_SENTENCE_CHARS",
]

#: The largest file read as one document. News articles and reports are far smaller; extraction
#: takes about 20 s and 70 MB of memory per MB of text, so a larger file is refused from its size.
MAX_BYTES = 5 * 1024 * 1024
#: The longest run of text without a sentence end or a line break (a 10 MB single line is not prose,
#: and some extraction steps grow faster than linearly with a sentence's length).
MAX_SENTENCE_CHARS = 20_000
#: File name endings read as documents when a directory is given (HTML is reduced to its text).
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_DATE_RE = re.compile(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass
class Document:
    """One source document: its identifier, text and metadata."""

    id: str
    text: str
    path: str = ""
    published: str | None = None
    title: str | None = None
    source: str | None = None
    encoding: str = "utf-8"
    skip: list[tuple[int, int]] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        """Hash of the decoded text: the same content is the same document."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# Leading bytes of the binary formats people drop into a folder of articles by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"), (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"), (b"\xd0\xcf\x11\xe0", "an old Office file"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a document's bytes and say which encoding they were in.

    UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1256 and, for an
    HTML page, the charset its ``<meta>`` declares are read; anything else
    raises :class:`DecodeError` with what to do.

    >>> decode("اجتمع التحالف في سوريا".encode("cp1256"))
    ('اجتمع التحالف في سوريا', 'windows-1256')
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n", "logo.txt")
    Traceback (most recent call last):
    graph.errors.DecodeError: logo.txt: is a binary file (a PNG image), not text; convert it to UTF-8 text first or remove it
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"{name}: is a binary file ({kind}), not text; convert it to UTF-8 text first or remove it")
    if b"\x00" in data:
        raise DecodeError(f"{name}: contains NUL bytes, so it is binary or UTF-16 without a BOM; save it as UTF-8")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = _declared_charset(data)
    if declared:
        return _strict(data, declared, name), declared
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_arabic(text):
        return text, "windows-1256"
    raise DecodeError(
        f"{name}: is not valid UTF-8 (byte {utf8_error.start}) nor Windows-1256 Arabic; "
        "re-save it as UTF-8"
    )


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in its first 4 KB, if it is one Python knows."""
    m = _META_CHARSET_RE.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{name}: invalid {encoding.upper()} at byte {exc.start}; re-save it as UTF-8") from None


def _looks_arabic(text: str) -> bool:
    """Whether bytes read as Windows-1256 look like Arabic prose rather than noise."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isspace() for c in text) < len(text) / 30:
        return False
    arabic = sum("\u0621" <= c <= "\u064a" for c in letters)
    plain = sum(c.isascii() or "\u0621" <= c <= "\u0652" for c in text)
    return arabic / len(letters) > 0.5 and plain / len(text) > 0.85


@lru_cache(maxsize=1)
def _boilerplate() -> dict:
    raw = load_yaml("boilerplate.yaml")
    cut_after = [normalize(x) for x in raw.get("cut_after", [])]
    drop_line = [normalize(x) for x in raw.get("drop_line", [])]
    exact = {normalize(x) for x in raw.get("drop_line_exact", [])}
    return {
        "cut_after": cut_after,
        "drop_line": drop_line,
        "drop_line_exact": exact,
        "hashtag_line": bool(raw.get("hashtag_line", True)),
        # One regular expression per rule answers for most lines that no phrase is in them; the
        # phrases are then tried one by one only on the rare line that holds one.
        "cut_re": re.compile("|".join(re.escape(x) for x in cut_after) or "(?!)"),
        # A heading or an exact line can only be a line whose first word starts as one of theirs
        # does: most lines are told apart by that without working out their words.
        "first_words": tuple({_first_word(x) for x in (*cut_after, *exact)} - {""}),
        "drop_re": re.compile("|".join(re.escape(x) for x in drop_line) or "(?!)"),
    }


_PUNCT_RE = re.compile(r"[\s\W_]+")
_WORD_CHARS_RE = re.compile(r"[^\W_]+")


def _first_word(norm: str) -> str:
    m = _WORD_CHARS_RE.search(norm)
    return m.group() if m else ""


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are page furniture rather than the article.

    >>> t = "خبر مهم.\\nشارك الخبر: فيسبوك\\nأخبار ذات صلة\\n- رابط"
    >>> [t[a:b] for a, b in boilerplate_spans(t)]
    ['شارك الخبر: فيسبوك', 'أخبار ذات صلة\\n- رابط']
    """
    rules = _boilerplate()
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        norm = normalize(line).strip()
        if not norm:
            continue
        first = _first_word(norm)
        bare = _PUNCT_RE.sub(" ", norm).strip() if first.startswith(rules["first_words"]) else None
        if bare is not None and rules["cut_re"].match(bare) and any(
            bare == h or (bare.startswith(h) and len(bare) <= len(h) + 16) for h in rules["cut_after"]
        ):
            spans.append((start, len(text)))
            break
        if (
            (bare is not None and bare in rules["drop_line_exact"])
            or (rules["drop_re"].search(norm)
                and any(norm.startswith(p) or (p in norm and len(norm) < 120) for p in rules["drop_line"]))
            or (rules["hashtag_line"] and norm[0] == "#" and all(w.startswith("#") for w in norm.split()))
        ):
            spans.append((start, end))
    return spans


def read_manifest(directory: Path) -> dict[str, dict[str, str | None]]:
    """Read ``directory/manifest.csv`` into ``{file: {published, title, source}}``.

    A missing manifest gives an empty mapping; a malformed one raises :class:`ManifestError`.
    """
    path = Path(directory) / "manifest.csv"
    if not path.is_file():
        return {}
    name = display_path(path)
    try:
        text, _ = decode(_read_bounded(path, name), name)
    except DecodeError as exc:
        raise ManifestError(str(exc)) from None
    text = clean_text(text)
    reader = csv.DictReader(io.StringIO(text))
    out: dict[str, dict[str, str | None]] = {}
    try:
        if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
            raise ManifestError(f"{name}: the header must start with 'file,published,title,source'")
        reader.fieldnames = [f.strip() for f in reader.fieldnames]
        for row in reader:
            file = (row.get("file") or "").strip()
            if not file:
                continue
            published = (row.get("published") or "").strip().translate(_DIGITS) or None
            if published and not _is_date(published):
                raise ManifestError(
                    f"{name}, line {reader.line_num}: published date {published!r} is not a real date written "
                    "YYYY-MM-DD, YYYY-MM or YYYY"
                )
            out[file] = {
                "published": published,
                "title": (row.get("title") or "").strip() or None,
                "source": (row.get("source") or "").strip() or None,
            }
    except csv.Error as exc:
        raise ManifestError(f"{name}, line {reader.line_num + 1}: {exc}; fix the CSV") from None  # the line it failed on
    return out


def _is_date(value: str) -> bool:
    """Whether ``value`` is a real date at day, month or year precision (``2019-02-30`` is not).

    >>> [_is_date(v) for v in ("2019-06-26", "2019-06", "2019", "2019-13", "2019-02-30", "19-06-26")]
    [True, True, True, False, False, False]
    """
    if not _DATE_RE.match(value):
        return False
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return False
    return True


def discover(sources: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, dict]]:
    """Yield ``(path, manifest_row)`` for every document under ``sources``, in a stable order.

    In a directory, the files ending in one of :data:`DOCUMENT_SUFFIXES` are documents, at any
    depth; hidden files and directories (a name starting with ".", such as the ``._name.txt``
    copies macOS leaves behind) are passed over. A file given by name is always read.
    """
    for src in sources:
        src = Path(src)
        if src.is_dir():
            manifests = {src: read_manifest(src)}
            for path in _documents_under(src):
                rel = path.relative_to(src).as_posix()
                if path.parent == src or rel in manifests[src]:
                    meta = manifests[src].get(rel)
                else:
                    if path.parent not in manifests:
                        manifests[path.parent] = read_manifest(path.parent)
                    meta = manifests[path.parent].get(path.name)
                yield path, meta or {}
        elif src.is_file():
            yield src, read_manifest(src.parent).get(src.name, {})
        else:
            raise FileNotFoundError(f"{src}: no such file or directory")


def _documents_under(root: Path) -> list[Path]:
    """The document files under ``root``, sorted; hidden directories are not entered (nor ``.git``)."""

    def fail(exc: OSError) -> None:
        raise exc  # an unreadable directory is reported, not silently passed over

    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=fail):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath) / name
            if not name.startswith(".") and path.suffix.lower() in DOCUMENT_SUFFIXES and path.is_file():
                found.append(path)
    return sorted(found)


# Line breaks of every kind become "\n"; invisible characters that carry no content are dropped:
# C0/C1 controls (not tab and newline), soft hyphen, Arabic letter mark, zero-width space, word
# joiners, left-to-right/right-to-left marks, bidi embeddings, overrides and isolates, BOMs.
# ZWNJ and ZWJ (U+200C, U+200D) stay: they shape Persian and Arabic words.
_LINE_BREAK_RE = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def clean_text(text: str) -> str:
    """The text of a document: NFC, ``\\n`` line breaks, invisible formatting characters removed.

    >>> clean_text("وا\\u200bشنطن\\r\\n\\u202eabc\\u202c")
    'واشنطن\\nabc'
    """
    text = _INVISIBLE_RE.sub("", _LINE_BREAK_RE.sub("\n", text))
    return unicodedata.normalize("NFC", text)  # last: a removed character may have separated two marks


_HTML_START_RE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
# Elements whose content is not shown as text; "head" ends at the first element that cannot be in it.
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select"})
_HEAD_TAGS = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "caption", "body", "html",
})


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (a doctype or an ``<html>`` element at its start).

    >>> looks_like_html("<!DOCTYPE html><html><body>خبر</body></html>"), looks_like_html("خبر <b>عاجل</b>")
    (True, False)
    """
    return bool(_HTML_START_RE.match(text[:2048]))


class _TextOfPage(HTMLParser):
    """Collects the text a browser shows, one line per block element, and the page's title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.hidden = 0
        self.in_head = False
        self.in_title = False
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.in_head and tag not in _HEAD_TAGS:
            self.in_head = False
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "head":
            self.in_head = True
        elif tag == "title":
            self.in_title = True
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.in_title:
            self.title.append(data)
        elif not self.in_head:
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The text of an HTML page (scripts, styles and markup removed, one line per block) and its title.

    >>> html_to_text("<html><head><title>عنوان</title><style>p{}</style></head>"
    ...              "<body><p>اجتمع <b>التحالف</b> &amp; شركاؤه.</p><script>var x=1;</script><p>ثم انتهى.</p></body></html>")
    ('اجتمع التحالف & شركاؤه.\\nثم انتهى.', 'عنوان')
    """
    parser = _TextOfPage()
    parser.feed(markup)
    if parser.rawdata.lstrip().startswith("<"):  # a comment or tag cut off by the end of the file: not text
        parser.rawdata = ""
    parser.close()
    lines = (" ".join(line.split()) if not parser.pre else line.strip() for line in "".join(parser.parts).split("\n"))
    title = " ".join("".join(parser.title).split()) or None
    return "\n".join(line for line in lines if line), title


def display_path(path: str | os.PathLike) -> str:
    """``path`` as printable text (bytes of a file name that are not UTF-8 shown as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def _read_bounded(path: Path, name: str) -> bytes:
    """The bytes of ``path``, refusing a file over :data:`MAX_BYTES` without reading more than that."""
    try:
        size = path.stat().st_size
        if size <= MAX_BYTES:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
            size = len(data)
    except OSError as exc:
        raise DecodeError(f"{name}: cannot be read ({exc.strerror or exc}); check that it exists and that you may read it") from None
    if size > MAX_BYTES:
        raise DecodeError(
            f"{name}: is {size / 2**20:.1f} MB, over the {MAX_BYTES / 2**20:g} MB limit for one document; "
            "split it into smaller files"
        )
    return data


def _check_runs(text: str, name: str) -> None:
    """Refuse text with a run longer than :data:`MAX_SENTENCE_CHARS` without a sentence end or line break."""
    if len(text) <= MAX_SENTENCE_CHARS:
        return
    for s in split_sentences(text):
        if s.end - s.start > MAX_SENTENCE_CHARS:
            raise DecodeError(
                f"{name}: has {s.end - s.start:,} characters without a full stop or a line break (from character "
                f"{s.start:,}); ckg reads prose of at most {MAX_SENTENCE_CHARS:,} characters a sentence: "
                "break the text into sentences or lines"
            )


def load_document(path: Path, meta: dict | None = None) -> Document:
    """Read one file into a :class:`Document`.

    Raises :class:`DecodeError`, naming the file, what is wrong and what to do, for a file that
    cannot be read, is not text, is empty, is over :data:`MAX_BYTES` or is not prose.
    """
    path = Path(path)
    name = display_path(path)
    if name != str(path):
        raise DecodeError(f"{name}: the file name is not valid UTF-8; rename the file")
    text, encoding = decode(_read_bounded(path, name), name)
    title = None
    if path.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text):
        text, title = html_to_text(text)
        if not text.strip():
            raise DecodeError(f"{name}: is an HTML page with no text outside its markup; save the article's text instead")
    text = clean_text(text)
    if not text.strip():
        raise DecodeError(f"{name}: is empty (no text, or only spaces); put the article's text in it or remove it")
    _check_runs(text, name)
    meta = meta or {}
    return Document(
        id=path.stem,
        text=text,
        path=str(path),
        published=meta.get("published"),
        title=meta.get("title") or title,
        source=meta.get("source"),
        encoding=encoding,
        skip=boilerplate_spans(text),
    )
