"""Reading documents: bytes to text, page furniture, manifests, document records.

A document's text is the decoded file, untouched: offsets of sentences and
evidence point into it. Boilerplate (share buttons, cookie banners, related
links) is not deleted but marked as spans that extraction skips.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import DecodeError, ManifestError
from .text import normalize

__all__ = [
    "Document",
    "decode",
    "boilerplate_spans",
    "read_manifest",
    "discover",
    "load_document",
    "MAX_BYTES",
]

MAX_BYTES = 20 * 1024 * 1024
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a document's bytes and say which encoding they were in.

    UTF-8 (with or without BOM), UTF-16 with a BOM and Windows-1256 are read;
    anything else raises :class:`DecodeError` with what to do.

    >>> decode("اجتمع التحالف في سوريا".encode("cp1256"))
    ('اجتمع التحالف في سوريا', 'windows-1256')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    if data.startswith(b"\x89PNG") or data.startswith((b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        raise DecodeError(f"{name}: is a binary file (image, PDF or archive), not text; convert it to UTF-8 text first")
    if b"\x00" in data:
        raise DecodeError(f"{name}: contains NUL bytes, so it is binary or UTF-16 without a BOM; save it as UTF-8")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
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
    with resources.files("graph.data").joinpath("boilerplate.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return {
        "cut_after": [normalize(x) for x in raw.get("cut_after", [])],
        "drop_line": [normalize(x) for x in raw.get("drop_line", [])],
        "drop_line_exact": {normalize(x) for x in raw.get("drop_line_exact", [])},
        "hashtag_line": bool(raw.get("hashtag_line", True)),
    }


_PUNCT_RE = re.compile(r"[\s\W_]+")


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
        bare = _PUNCT_RE.sub(" ", norm).strip()
        if any(bare == h or (bare.startswith(h) and len(bare) <= len(h) + 16) for h in rules["cut_after"]):
            spans.append((start, len(text)))
            break
        if (
            bare in rules["drop_line_exact"]
            or any(norm.startswith(p) or (p in norm and len(norm) < 120) for p in rules["drop_line"])
            or (rules["hashtag_line"] and all(w.startswith("#") for w in norm.split()))
        ):
            spans.append((start, end))
    return spans


def read_manifest(directory: Path) -> dict[str, dict[str, str | None]]:
    """Read ``directory/manifest.csv`` into ``{file: {published, title, source}}``.

    A missing manifest gives an empty mapping; a malformed one raises :class:`ManifestError`.
    """
    path = Path(directory) / "manifest.csv"
    if not path.exists():
        return {}
    try:
        text, _ = decode(path.read_bytes(), str(path))
    except DecodeError as exc:
        raise ManifestError(str(exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise ManifestError(f"{path}: the header must start with 'file,published,title,source'")
    out: dict[str, dict[str, str | None]] = {}
    for lineno, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        published = (row.get("published") or "").strip() or None
        if published and not _DATE_RE.match(published):
            raise ManifestError(
                f"{path}, line {lineno}: published date {published!r} is not YYYY-MM-DD, YYYY-MM or YYYY"
            )
        out[name] = {
            "published": published,
            "title": (row.get("title") or "").strip() or None,
            "source": (row.get("source") or "").strip() or None,
        }
    return out


def discover(sources: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, dict]]:
    """Yield ``(path, manifest_row)`` for every ``.txt`` document under ``sources``, in a stable order."""
    for src in sources:
        src = Path(src)
        if src.is_dir():
            manifest = read_manifest(src)
            for path in sorted(p for p in src.rglob("*.txt") if p.is_file()):
                rel = path.relative_to(src).as_posix()
                meta = manifest.get(rel) if path.parent == src or rel in manifest else read_manifest(path.parent).get(path.name)
                yield path, meta or {}
        elif src.is_file():
            yield src, read_manifest(src.parent).get(src.name, {})
        else:
            raise FileNotFoundError(f"{src}: no such file or directory")


def load_document(path: Path, meta: dict | None = None) -> Document:
    """Read one file into a :class:`Document` (raises :class:`DecodeError` for unreadable bytes)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DecodeError(f"{path}: is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit for one document; split it")
    text, encoding = decode(path.read_bytes(), str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DecodeError(f"{path}: is empty")
    meta = meta or {}
    return Document(
        id=path.stem,
        text=text,
        path=str(path),
        published=meta.get("published"),
        title=meta.get("title"),
        source=meta.get("source"),
        encoding=encoding,
        skip=boilerplate_spans(text),
    )
