"""The persistent store: an Oxigraph database on disk, one named graph per document.

Layout of a store directory::

    STORE/ckg-store.json   format marker (refuses stores of another format)
    STORE/current -> db-…  symlink to the live database
    STORE/db-…/            Oxigraph (RocksDB) databases
    STORE/lock             taken by writers
    STORE/answers/…        answers of canned listings kept per live database (see :meth:`Store.generation`)

A live database is never written to. ``build`` (:meth:`Store.rebuild`) writes a
new database beside it, and ``add`` (:meth:`Store.writer`) a copy of it (a
RocksDB checkpoint: hard links, so it costs next to nothing); either swaps the
``current`` symlink only when its work is complete (an atomic rename). So an
interrupted, failed or killed command leaves the previous store as it was, and
readers, which open the live database read-only and never block, only ever see
a complete database. Writers take an exclusive lock; a second writer waits a
little, then says that another ckg process is writing. Databases that are no
longer live (the replaced one, leftovers of killed commands) are removed by the
next writer; a reader that has one open keeps reading it (Oxigraph holds its
files open).
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from .errors import StoreError, StoreLockedError, StoreVersionError
from .namespace import CKG, ONTOLOGY_GRAPH, ontology_path

__all__ = ["Store", "FORMAT", "default_store_path", "release_inherited_locks"]

FORMAT = 1
MARKER = "ckg-store.json"
# What ckg itself puts in a store directory (leftovers of a killed command included).
_OWN_NAMES = re.compile(r"^(lock|current|answers|ckg-store\.json|db-[\w-]+|\.current-\w+|\.ckg-store\.json\.tmp|\.trash-[\w-]+)$")
# Descriptors of the store locks this process holds: a worker process forked while one is held
# must let go of its copy (:func:`release_inherited_locks`), or the lock outlives this process.
_HELD_LOCKS: set[int] = set()
# Held while a database is copied into memory, so that concurrent readers wait for one copy (a
# module-level lock: a Store is pickled to the child process that runs a query with a time limit).
_COPYING = threading.Lock()


def default_store_path() -> Path:
    """``$CKG_STORE``, else ``$XDG_DATA_HOME/ckg/store`` (``~/.local/share/ckg/store``)."""
    env = os.environ.get("CKG_STORE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "ckg" / "store"


def release_inherited_locks() -> None:
    """In a process forked from a writer, drop the inherited references to the store lock.

    A lock taken with ``flock`` belongs to the open file, which a forked child shares: were the
    writer killed, its surviving workers would keep the store locked. Worker processes call this
    first (``ProcessPoolExecutor(initializer=...)``).
    """
    if not _HELD_LOCKS:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in _HELD_LOCKS:
            try:
                os.dup2(null, fd)  # the descriptor stays valid but no longer refers to the lock file
            except OSError:
                pass
    finally:
        os.close(null)
    _HELD_LOCKS.clear()


class Store:
    """A ckg store directory. Open with :meth:`reader` (read-only) or write with :meth:`writer`/:meth:`rebuild`."""

    def __init__(self, path: str | os.PathLike, in_memory: bool = False):
        """``in_memory``: :meth:`reader` gives a copy of the live database in memory (for a server:
        at a million triples the canned full listings ran 2 to 3 times faster, for about 0.6 GiB
        and 7 s of loading); it is loaded again when a writer makes another database live."""
        self.path = Path(path)
        self.in_memory = in_memory
        self._reader: tuple[Path, ox.Store] | None = None  # the live database last opened, and its handle

    def __getstate__(self) -> dict:
        """Pickled (to the child process that runs a query with a time limit) without its open database."""
        return {**self.__dict__, "_reader": None}

    # -- state ---------------------------------------------------------------
    @property
    def exists(self) -> bool:
        return (self.path / MARKER).is_file() and (self.path / "current").exists()

    def _foreign(self) -> list[str]:
        """Names in the store directory that ckg did not put there."""
        try:
            return sorted(p.name for p in self.path.iterdir() if not _OWN_NAMES.match(p.name))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StoreError(f"cannot read the store directory {self.path}: {exc.strerror or exc}") from None

    def check(self) -> None:
        """Raise a :class:`StoreError` telling the user what to do if this is not a usable store."""
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store directory; point --store at a directory")
        marker = self.path / MARKER
        if not marker.is_file():
            foreign = self._foreign()
            if foreign:
                raise StoreVersionError(
                    f"{self.path} is not a ckg store (no {MARKER}; it holds {', '.join(foreign[:3])}"
                    f"{', …' if len(foreign) > 3 else ''}); point --store at another directory"
                )
            raise StoreError(f"no store at {self.path}; run 'ckg build' first (or pass --store)")
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{marker} is unreadable ({exc}); rebuild the store with 'ckg build'") from None
        found = info.get("format") if isinstance(info, dict) else None
        if found != FORMAT:
            by = f" (written by ckg {info['ckg']})" if isinstance(info, dict) and info.get("ckg") else ""
            raise StoreVersionError(
                f"the store at {self.path} has format {found!r}{by}, this ckg reads format {FORMAT}; "
                "rebuild it with 'ckg build' (give your documents again)"
            )
        if not (self.path / "current").exists():
            raise StoreError(f"the store at {self.path} has no live database; rebuild it with 'ckg build'")

    def _live(self) -> Path:
        return (self.path / "current").resolve()

    # -- reading -------------------------------------------------------------
    def reader(self) -> ox.Store:
        """The live database, read-only.

        A database never changes once live (writers make a new one and switch the link), so
        the handle is kept and reused until the link points elsewhere: opening costs about
        20 ms at a million triples, more than most canned queries. A writer may swap in a new
        database while this opens the old one and then remove the old one; the open is then
        retried on the new live database.
        """
        for attempt in range(5):
            self.check()
            live = self._live()
            if self._reader is not None and self._reader[0] == live:
                return self._reader[1]
            try:
                if self.in_memory:
                    return self._memory_copy(live)
                db = ox.Store.read_only(str(live))
                self._reader = (live, db)
                return db
            except (OSError, RuntimeError) as exc:  # RocksDB says "Corruption" when files vanish under it
                if attempt < 4 and self._live() != live:
                    continue
                raise StoreError(
                    f"cannot open the store at {self.path}: {exc}; rebuild it with 'ckg build'"
                ) from None
        raise AssertionError("unreachable")

    def generation(self) -> str | None:
        """A name for the live database as it is now, or None if it cannot be read.

        The database's directory name (a writer always makes a new one) and a digest of the names,
        sizes and modification times of its files, so that a database written to by something other
        than ckg (pyoxigraph opened on it) gets another name too. Opening a database read-only, as
        every ckg reader does, changes none of its files.
        """
        try:
            live = self._live()
            digest = hashlib.blake2b(digest_size=8)
            for entry in sorted(os.scandir(live), key=lambda e: e.name):
                st = entry.stat(follow_symlinks=False)
                digest.update(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            return f"{live.name}.{digest.hexdigest()}"
        except OSError:
            return None

    def answers_dir(self, generation: str) -> Path:
        """Where answers computed on database ``generation`` are kept (see :mod:`queries`)."""
        return self.path / "answers" / generation

    def _memory_copy(self, live: Path) -> ox.Store:
        """The database at ``live`` copied into memory (one copy at a time: concurrent callers wait)."""
        with _COPYING:
            if self._reader is not None and self._reader[0] == live:
                return self._reader[1]
            mem = ox.Store()
            mem.bulk_extend(ox.Store.read_only(str(live)).quads_for_pattern(None, None, None, None))
            self._reader = (live, mem)  # the previous copy goes when its last query ends
            return mem

    # -- writing -------------------------------------------------------------
    @contextmanager
    def _lock(self, wait: float = 10.0) -> Iterator[None]:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fh = open(self.path / "lock", "a+")
        except OSError as exc:
            raise StoreError(
                f"cannot write to {self.path} ({exc.strerror or exc}); choose a directory you may write to"
            ) from None
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
            _HELD_LOCKS.add(fh.fileno())
            try:
                yield
            finally:
                _HELD_LOCKS.discard(fh.fileno())
        finally:
            fh.close()

    def _new_database(self) -> tuple[str, Path]:
        name = f"db-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        return name, self.path / name

    @contextmanager
    def _building(self, new: Path, db: ox.Store) -> Iterator[ox.Store]:
        """Yield ``db`` (at ``new``); remove ``new`` if the block fails, so the store stays as it was."""
        try:
            yield db
            db.flush()
        except BaseException as exc:
            del db
            shutil.rmtree(new, ignore_errors=True)
            if isinstance(exc, OSError):
                raise StoreError(f"writing the store at {self.path} failed ({exc}); it is unchanged") from exc
            raise

    @contextmanager
    def writer(self) -> Iterator[ox.Store]:
        """A writable copy of the live database, under the store's lock, that replaces it when the block completes.

        If the block raises (or the process dies), the live database is untouched.
        """
        self.check()
        with self._lock():
            self.check()  # a build may have swapped the database while this waited for the lock
            self._collect(keep=self._live().name)
            name, new = self._new_database()
            try:  # a RocksDB checkpoint: hard links to the live database's immutable files
                ox.Store.read_only(str(self._live())).backup(str(new))
                db = ox.Store(str(new))
            except (OSError, RuntimeError) as exc:
                shutil.rmtree(new, ignore_errors=True)
                raise StoreError(f"cannot copy the store at {self.path} to write to it: {exc}") from None
            with self._building(new, db) as db:
                yield db
            del db
            self._swap(name, marker=False)

    @contextmanager
    def rebuild(self) -> Iterator[ox.Store]:
        """A fresh database that replaces the live one only if the block completes."""
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store directory; point --store at a directory")
        if not (self.path / MARKER).exists():
            foreign = self._foreign()
            if foreign:
                raise StoreError(
                    f"{self.path} exists and is not a ckg store (it holds {', '.join(foreign[:3])}"
                    f"{', …' if len(foreign) > 3 else ''}); choose an empty or new directory for --store"
                )
        current = self.path / "current"
        if current.exists() and not current.is_symlink():
            raise StoreVersionError(
                f"the store at {self.path} has an older layout ('current' is not a link); "
                "move it away or choose another directory for --store"
            )
        with self._lock():
            self._collect(keep=self._live().name if current.exists() else None)
            name, new = self._new_database()
            try:
                db = ox.Store(str(new))
            except OSError as exc:
                raise StoreError(f"cannot create a database in {self.path}: {exc}") from None
            with self._building(new, db) as db:
                db.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE,
                             to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
                yield db
                db.flush()
                db.optimize()
            del db
            self._swap(name, marker=True)

    def _swap(self, name: str, marker: bool) -> None:
        """Make database ``name`` the live one (atomically), then remove the others."""
        tmp_link = self.path / f".current-{uuid.uuid4().hex[:8]}"
        try:
            os.symlink(name, tmp_link)
            if marker:
                marker_tmp = self.path / f".{MARKER}.tmp"
                marker_tmp.write_text(json.dumps({"format": FORMAT, "ckg": _version()}), encoding="utf-8")
                os.replace(marker_tmp, self.path / MARKER)
            os.replace(tmp_link, self.path / "current")
        except OSError as exc:
            raise StoreError(f"cannot switch the store at {self.path} to its new database: {exc}") from None
        _fsync_dir(self.path)
        self._collect(keep=name)

    def _collect(self, keep: str | None) -> None:
        """Remove the databases other than ``keep`` and the leftovers of interrupted commands.

        Runs under the lock, so no other writer is making one. A database is first renamed
        (atomically) out of the ``db-*`` names, so a removal cut short leaves nothing that looks live.
        """
        for p in list(self.path.iterdir()):
            n = p.name
            try:
                if n.startswith("db-") and n != keep and p.is_dir() and not p.is_symlink():
                    _remove_tree(p)
                elif n.startswith(".trash-"):
                    shutil.rmtree(p, ignore_errors=True)
                elif n.startswith(".current-") or n == f".{MARKER}.tmp":
                    p.unlink()
            except OSError:
                pass  # the next writer tries again
        self.forget_answers(keep)

    def forget_answers(self, keep: str | None = None) -> None:
        """Remove the answers kept for databases other than ``keep`` (all of them by default)."""
        answers = self.path / "answers"
        try:
            for p in list(answers.iterdir()):
                if p.name.startswith(".trash-"):
                    shutil.rmtree(p, ignore_errors=True)
                elif keep is None or not p.name.startswith(keep + "."):
                    _remove_tree(p)
            answers.rmdir()  # if empty
        except OSError:
            pass  # none kept, or the next writer tries again

    # -- facts about documents ---------------------------------------------
    @staticmethod
    def document_hashes(db: ox.Store) -> dict[str, str]:
        """``{document id: content hash}`` of the documents in ``db``."""
        q = f"""SELECT ?id ?h WHERE {{ GRAPH ?g {{ ?d a <{CKG.Document}> ;
                <http://purl.org/dc/terms/identifier> ?id ; <{CKG.contentHash}> ?h }} }}"""
        return {s["id"].value: s["h"].value for s in db.query(q)}


def _remove_tree(path: Path) -> None:
    """Rename ``path`` out of its name (atomically) to ``.trash-NAME``, then remove it: a removal cut
    short leaves a ``.trash-`` directory for the next writer, never a half of the original."""
    trash = path.with_name(f".trash-{path.name}")
    os.replace(path, trash)
    shutil.rmtree(trash, ignore_errors=True)


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
