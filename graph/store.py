"""The persistent store: an Oxigraph database on disk, one named graph per document.

Layout of a store directory::

    STORE/ckg-store.json   format marker (refuses stores of another format)
    STORE/current -> db-…  symlink to the live database
    STORE/db-…/            Oxigraph (RocksDB) databases
    STORE/lock             taken by writers

``build`` writes a new database beside the live one and swaps the ``current``
symlink only when it is complete (an atomic rename), so an interrupted build
leaves the previous store as it was. Writers take an exclusive lock; readers
open the live database read-only and never block.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .errors import StoreError, StoreLockedError, StoreVersionError
from .namespace import CKG, ONTOLOGY_GRAPH, ontology_path

__all__ = ["Store", "FORMAT", "default_store_path"]

FORMAT = 1
MARKER = "ckg-store.json"


def default_store_path() -> Path:
    """``$CKG_STORE``, else ``$XDG_DATA_HOME/ckg/store`` (``~/.local/share/ckg/store``)."""
    env = os.environ.get("CKG_STORE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "ckg" / "store"


class Store:
    """A ckg store directory. Open with :meth:`open` (existing) or use :meth:`writer`/:meth:`rebuild`."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    # -- state ---------------------------------------------------------------
    @property
    def exists(self) -> bool:
        return (self.path / MARKER).is_file() and (self.path / "current").exists()

    def check(self) -> None:
        """Raise a :class:`StoreError` telling the user what to do if this is not a usable store."""
        marker = self.path / MARKER
        if not marker.is_file():
            if self.path.exists() and any(self.path.iterdir()):
                raise StoreVersionError(
                    f"{self.path} is not a ckg store (no {MARKER}); point --store at another directory"
                )
            raise StoreError(f"no store at {self.path}; run 'ckg build' first (or pass --store)")
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{marker} is unreadable ({exc}); rebuild with 'ckg build'") from None
        if info.get("format") != FORMAT:
            raise StoreVersionError(
                f"the store at {self.path} has format {info.get('format')!r}, this ckg reads format {FORMAT}; "
                "rebuild it with 'ckg build'"
            )
        if not (self.path / "current").exists():
            raise StoreError(f"the store at {self.path} has no live database; rebuild it with 'ckg build'")

    def _live(self) -> Path:
        return (self.path / "current").resolve()

    # -- reading -------------------------------------------------------------
    def reader(self) -> ox.Store:
        """The live database, read-only."""
        self.check()
        try:
            return ox.Store.read_only(str(self._live()))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from None

    # -- writing -------------------------------------------------------------
    @contextmanager
    def _lock(self, wait: float = 10.0) -> Iterator[None]:
        self.path.mkdir(parents=True, exist_ok=True)
        fh = open(self.path / "lock", "a+")
        deadline = time.monotonic() + wait
        try:
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                        raise StoreLockedError(
                            f"another ckg process is writing to {self.path}; wait for it to finish and try again"
                        ) from None
                    time.sleep(0.1)
            yield
        finally:
            fh.close()

    @contextmanager
    def writer(self) -> Iterator[ox.Store]:
        """The live database, writable, under the store's lock."""
        self.check()
        with self._lock():
            db = ox.Store(str(self._live()))
            try:
                yield db
                db.flush()
            finally:
                del db

    @contextmanager
    def rebuild(self) -> Iterator[ox.Store]:
        """A fresh database that replaces the live one only if the block completes."""
        if self.path.exists() and not (self.path / MARKER).exists() and any(
            p.name != "lock" for p in self.path.iterdir()
        ):
            raise StoreError(f"{self.path} exists and is not a ckg store; choose an empty directory for --store")
        with self._lock():
            name = f"db-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
            new = self.path / name
            db = ox.Store(str(new))
            try:
                db.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
                yield db
                db.flush()
                db.optimize()
            except BaseException:
                del db
                shutil.rmtree(new, ignore_errors=True)
                raise
            del db
            old = (self.path / "current").resolve() if (self.path / "current").exists() else None
            tmp_link = self.path / f".current-{uuid.uuid4().hex[:6]}"
            os.symlink(name, tmp_link)
            marker_tmp = self.path / f".{MARKER}.tmp"
            marker_tmp.write_text(json.dumps({"format": FORMAT, "ckg": _version()}), encoding="utf-8")
            os.replace(marker_tmp, self.path / MARKER)
            os.replace(tmp_link, self.path / "current")
            _fsync_dir(self.path)
            for p in self.path.glob("db-*"):
                if p.name != name and (old is None or p == old or p.resolve() != new):
                    shutil.rmtree(p, ignore_errors=True)

    # -- facts about documents ---------------------------------------------
    @staticmethod
    def document_hashes(db: ox.Store) -> dict[str, str]:
        """``{document id: content hash}`` of the documents in ``db``."""
        q = f"""SELECT ?id ?h WHERE {{ GRAPH ?g {{ ?d a <{CKG.Document}> ;
                <http://purl.org/dc/terms/identifier> ?id ; <{CKG.contentHash}> ?h }} }}"""
        return {s["id"].value: s["h"].value for s in db.query(q)}


def load_nquads(db: ox.Store, data: bytes) -> None:
    """Add N-Quads ``data`` to ``db`` (used for documents extracted in worker processes)."""
    db.load(input=data, format=ox.RdfFormat.N_QUADS)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("ckg")
    except Exception:
        return "unknown"


def quads_of_graphs(db: ox.Store, graphs: Iterable[ox.NamedNode]) -> Iterator[ox.Quad]:
    for g in graphs:
        yield from db.quads_for_pattern(None, None, None, g)
