"""The Python API: what the ``ckg`` commands do, a call away in a notebook.

>>> import tempfile, graph
>>> store = tempfile.mkdtemp()
>>> summary = graph.build(store=store)             # the bundled corpus
>>> summary.documents
5
>>> rows = graph.query("meetings", store=store)    # canned query -> list of dicts
>>> sorted(rows[0])[:3]
['doc', 'end', 'kind']
"""
from __future__ import annotations

import gc
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from .errors import CkgError, DecodeError, ExtractionError, ManifestError, StoreError
from .ingest import discover, display_path, load_document
from .pipeline import Context, run
from .facts import Meeting
from .rdf import doc_graph, document_rdf, entity_iri, entity_nquads
from .resolve import MeetingIndex, MeetingRef
from .store import Store, default_store_path, release_inherited_locks

__all__ = ["Summary", "Failure", "build", "add", "query", "bundled_corpus", "extract_file", "open_store"]


@dataclass
class Failure:
    """A document that could not be ingested, and why (one sentence)."""

    path: str
    message: str


@dataclass
class Summary:
    """What a build or add did."""

    documents: int = 0
    skipped: int = 0
    sentences: int = 0
    entities: int = 0
    facts: int = 0
    triples: int = 0  # extracted: each document's graph, plus each lexicon entity's description once
    stored: int | None = None  # triples in the store once shared ones are merged (set by build)
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    def line(self) -> str:
        stored = f" ({self.stored:,} in the store)" if self.stored is not None else ""
        s = (f"{self.documents} documents, {self.sentences} sentences, {self.entities} entities, "
             f"{self.facts} facts, {self.triples:,} triples extracted{stored} in {self.seconds:.1f} s")
        if self.skipped:
            s += f" ({self.skipped} already in the store)"
        if self.failures:
            s += f"; {len(self.failures)} failed"
        return s


def bundled_corpus() -> Path:
    """The directory of the documents shipped with ckg (``corpus/``)."""
    return Path(str(resources.files("corpus")))


def open_store(store: str | os.PathLike | None) -> Store:
    return Store(store or default_store_path())


@dataclass
class _Extracted:
    path: str
    doc_id: str = ""
    sha256: str = ""
    nquads: bytes = b""
    refers: frozenset = frozenset()  # the lexicon entities the document refers to
    described: dict = field(default_factory=dict)  # entity -> its description, the first time this process sends it
    sentences: int = 0
    entities: int = 0
    facts: int = 0
    triples: int = 0
    meetings: list = field(default_factory=list)
    error: str | None = None


def extract_file(path: str, meta: dict, described: set[str] | None = None) -> _Extracted:
    """Read and extract one file into N-Quads (runs in worker processes).

    The description of a lexicon entity (type, labels, Wikidata link) goes into the shared
    entity graph once: it comes back with the first document of this process that refers to
    it, and ``described`` (the keys already sent, per build) grows when the document succeeds.

    Never raises: a document that cannot be read, or that trips a bug in a pipeline step, comes
    back with ``error`` set to one sentence naming the file, so the other documents go on.
    """
    if described is None:  # in a worker of a build: the worker's set; called alone: describe them all
        described = _DESCRIBED if _DESCRIBED is not None else set()
    try:
        doc = load_document(Path(path), meta)
        lexicon = Context.default().lexicon
        parsed = run(doc, Context.default())
        rdf = document_rdf(parsed, lexicon)
        new = {k: entity_nquads(k, lexicon).encode("utf-8") for k in rdf.entities - described}
        meetings = [MeetingRef(entity_iri(m.key).value, m.place, m.start_date, m.end_date, m.kind)
                    for m in parsed.facts_of(Meeting)]
        ex = _Extracted(
            path, doc.id, doc.sha256, rdf.nquads.encode("utf-8"), rdf.entities, new, len(parsed.sentences),
            len({m.entity for m in parsed.mentions}) + len(parsed.entities), len(parsed.facts), rdf.triples,
            meetings,
        )
        described.update(new)
        return ex
    except ExtractionError as exc:
        return _Extracted(path, error=f"{display_path(path)}: {exc}; this is a bug in ckg: please report it with the file")
    except CkgError as exc:
        return _Extracted(path, error=str(exc))
    except Exception as exc:  # a bug (or no memory) on one document must not stop the others
        return _Extracted(path, error=f"{display_path(path)}: could not be extracted ({type(exc).__name__}: {exc}); "
                                      "this is a bug in ckg: please report it with the file")


# The entities whose description this extraction worker has sent (a new set when a worker starts).
_DESCRIBED: set[str] | None = None


def _worker_init(parent: int) -> None:
    """First thing in an extraction worker: let go of the parent's store lock and die with the parent.

    Without this, workers left behind by a killed ``ckg build --jobs N`` would hold the store's
    lock (and wait for work) for ever.
    """
    global _DESCRIBED
    release_inherited_locks()
    _DESCRIBED = set()
    _collect_less()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _collect_less() -> tuple[int, int, int]:
    """Load the lexicon, then make Python's cyclic garbage collector cheaper for extraction.

    Extraction makes and drops many small containers, few in cycles, while the lexicon and the
    word caches (hundreds of thousands of objects that live as long as the process) were walked
    by every full collection. They are frozen out of the collector (``gc.freeze``) and
    collections come less often. ``ckg build`` of 1,000 generated documents, three times each way
    interleaved: 20.0-22.3 s of CPU before, 16.3-20.4 s after with ``--jobs 1``; 20.9-22.9 s
    before, 16.8-20.8 s after with ``--jobs 2``. Returns the thresholds it replaced.
    """
    Context.default()
    gc.freeze()
    before = gc.get_threshold()
    gc.set_threshold(20_000, 20, 20)
    return before


@contextmanager
def _collecting_less() -> Iterator[None]:
    """:func:`_collect_less` for extraction in this process, undone afterwards."""
    before = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _extract_all(items: list[tuple[Path, dict]], jobs: int) -> Iterator[_Extracted]:
    if jobs <= 1 or len(items) < 2:
        described: set[str] = set()  # per build or add
        with _collecting_less():
            for p, m in items:
                yield extract_file(str(p), m, described)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))
    try:
        yield from pool.map(extract_file, [str(p) for p, _ in items], [m for _, m in items], chunksize=8)
    except BrokenProcessPool:
        raise CkgError("a worker process died while extracting (out of memory?); nothing was written: "
                       "rerun with fewer --jobs") from None
    finally:  # stopped early (--strict, an error, Ctrl-C): do not extract the rest
        pool.shutdown(wait=True, cancel_futures=True)


def _ingest(db: ox.Store, sources: Iterable, jobs: int, known: dict[str, str], strict: bool,
            progress: Callable[[int, int, str], None] | None, summary: Summary,
            meetings: MeetingIndex | None = None) -> None:
    meetings = meetings if meetings is not None else MeetingIndex()
    try:
        items = list(discover(sources))
    except FileNotFoundError as exc:
        raise StoreError(f"{exc}; give existing files or directories") from None
    except OSError as exc:
        raise StoreError(f"cannot list the documents: {exc}; give directories you may read") from None
    except ManifestError:
        raise
    seen_hash = {h: i for i, h in known.items()}
    this_run: dict[str, str] = {}  # document id -> the file it came from in this build or add
    batch = _Batch(db)
    with closing(_extract_all(items, jobs)) as extracted:
        for n, ex in enumerate(extracted, start=1):
            if progress:
                progress(n, len(items), ex.path)
            batch.descriptions.update(ex.described)
            if ex.error is None and ex.sha256 not in seen_hash and ex.doc_id in this_run:
                ex.error = (f"{display_path(ex.path)}: has the same identifier '{ex.doc_id}' as "
                            f"{display_path(this_run[ex.doc_id])} (an identifier is the file name without its "
                            "extension); rename one of them")
            if ex.error:
                if strict:
                    raise DecodeError(ex.error)
                summary.failures.append(Failure(ex.path, ex.error))
                continue
            _load(batch, ex, known, seen_hash, meetings, summary)
            this_run[ex.doc_id] = ex.path
    batch.flush()


class _Batch:
    """N-Quads of several documents, bulk-loaded together.

    One ``bulk_load`` of many documents costs a fraction of one transactional load per
    document (300 generated documents: 0.7 s against 2.2 s), and the main process is the
    one every worker waits on. Each load adds files that RocksDB then compacts, so fewer,
    larger loads cost less: 10,000 generated documents with ``--jobs 2`` took 110 s in loads
    of 64 documents, 93 s in loads of 512 and 80 s in loads of 1,024 (the main process then
    peaks at about 630 MiB instead of 160). The database being written is a private copy until
    the build or add completes, so a load that is not transactional loses nothing if it fails.
    """

    DOCS, BYTES = 1024, 64 << 20

    def __init__(self, db: ox.Store):
        self.db, self.parts, self.size, self.docs = db, [], 0, 0
        self.descriptions: dict[str, bytes] = {}  # lexicon entity -> its quads, as received from the workers
        self.described: set[str] = set()  # entities whose quads are in the batch or the database

    def add(self, data: bytes, entities: Iterable[str] = ()) -> int:
        """Queue a document's quads and the descriptions of its entities not queued before; returns
        the number of description triples that added."""
        self.parts.append(data)
        self.size += len(data)
        self.docs += 1
        added = 0
        for key in entities:
            if key not in self.described:
                self.described.add(key)
                text = self.descriptions[key]
                self.parts.append(text)
                self.size += len(text)
                added += text.count(b"\n")
        if self.docs >= self.DOCS or self.size >= self.BYTES:
            self.flush()
        return added

    def flush(self) -> None:
        if self.parts:
            self.db.bulk_load(input=b"".join(self.parts), format=ox.RdfFormat.N_QUADS)
            self.parts, self.size, self.docs = [], 0, 0


def _load(batch: _Batch, ex: _Extracted, known: dict[str, str], seen_hash: dict[str, str],
          meetings: MeetingIndex, summary: Summary) -> None:
    """Put one extracted document into the batch for the database (or count it as already there)."""
    if ex.sha256 in seen_hash:
        summary.skipped += 1
        return
    if ex.doc_id in known:  # same identifier, new content: replace that document's graph
        batch.db.remove_graph(doc_graph(ex.doc_id))
    data = ex.nquads
    for ref in ex.meetings:  # one real meeting, one IRI, whichever document reports it
        iri = meetings.resolve(ref)
        if iri != ref.iri:
            data = data.replace(f"<{ref.iri}>".encode(), f"<{iri}>".encode())
    summary.triples += batch.add(data, ex.refers)
    known[ex.doc_id] = ex.sha256
    seen_hash[ex.sha256] = ex.doc_id
    summary.documents += 1
    summary.sentences += ex.sentences
    summary.entities += ex.entities
    summary.facts += ex.facts
    summary.triples += ex.triples


def build(sources: Iterable[str | os.PathLike] | None = None, store: str | os.PathLike | None = None,
          jobs: int = 1, strict: bool = False,
          progress: Callable[[int, int, str], None] | None = None) -> Summary:
    """(Re)build ``store`` from ``sources`` (default: the bundled corpus).

    The new graph replaces the old one only when the build completes. Documents that cannot be
    read are listed in :attr:`Summary.failures` (or, with ``strict``, the first raises
    :class:`~graph.errors.DecodeError` and the store is unchanged).
    """
    t0 = time.perf_counter()
    st = open_store(store)
    summary = Summary()
    sources = list(sources) if sources else [bundled_corpus()]
    with st.rebuild() as db:
        _ingest(db, sources, jobs, {}, strict, progress, summary)
        summary.stored = len(db)
    summary.seconds = time.perf_counter() - t0
    return summary


def add(sources: Iterable[str | os.PathLike], store: str | os.PathLike | None = None, jobs: int = 1,
        strict: bool = False, progress: Callable[[int, int, str], None] | None = None) -> Summary:
    """Add documents to an existing store; content already there is skipped.

    The additions go into a copy of the live database that replaces it only when the add
    completes: an error, ``strict`` stopping at a bad document, or a killed process leaves the
    store as it was. Two adds at once take turns (the second waits for the lock, then fails with
    :class:`~graph.errors.StoreLockedError` if the first takes too long).
    """
    t0 = time.perf_counter()
    st = open_store(store)
    summary = Summary()
    with st.writer() as db:
        known = Store.document_hashes(db)
        _ingest(db, list(sources), jobs, known, strict, progress, summary, MeetingIndex.from_store(db))
    summary.seconds = time.perf_counter() - t0
    return summary


def query(name_or_sparql: str, store: str | os.PathLike | None = None, params: dict[str, str] | None = None,
          endpoint: str | None = None, timeout: float | None = None) -> list[dict[str, str | None]]:
    """Run a canned query (by name), a ``.rq`` file or SPARQL text; rows as plain dicts."""
    from queries import resolve, run_local, run_remote

    q = resolve(name_or_sparql)
    if endpoint:
        result = run_remote(q, endpoint, params or {}, timeout=timeout)
    else:
        result = run_local(q, open_store(store), params or {}, timeout=timeout)
    return result.as_dicts()
