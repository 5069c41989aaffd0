"""Canned SPARQL queries (``queries/*.rq``) and the runner for the local store or a remote endpoint.

A canned query is a ``.rq`` file whose header comments give its title, a
description and its parameters::

    # title: Meetings
    # description: One row per meeting ...
    # param: doc  string  only meetings reported by this document

Parameters are bound as values (a ``VALUES`` block of RDF terms in each group
that can use them, locally and on a remote endpoint), never pasted into the query text.
Only queries run: SPARQL Update is refused. With a time limit, a local query
runs in a child process that is killed when the time is up, so a runaway query
really stops and gives its CPU and memory back.
"""
from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import multiprocessing
import os
import pickle
import re
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import (
    CkgError, EndpointError, ParameterError, QueryError, QueryTimeoutError, ReadOnlyQueryError, UnknownQueryError,
)

__all__ = ["CannedQuery", "Result", "canned", "resolve", "run_local", "run_remote", "PREFIXES"]

PREFIXES = {
    "ckg": "https://w3id.org/ckg/ontology#",
    "kind": "https://w3id.org/ckg/kind/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
}

_TYPES = ("string", "iri", "integer", "date")


@dataclass
class Param:
    name: str
    type: str
    description: str


@dataclass
class CannedQuery:
    """A query with its header: name, title, description, parameters and SPARQL text."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[Param] = field(default_factory=list)
    path: str | None = None

    @classmethod
    def parse(cls, name: str, text: str, path: str | None = None) -> "CannedQuery":
        q = cls(name=name, text=text, path=path)
        for line in text.splitlines():
            m = re.match(r"^\s*#\s*(title|description|param)\s*:\s*(.*)$", line)
            if not m:
                if line.strip() and not line.lstrip().startswith("#"):
                    break
                continue
            key, value = m.group(1), m.group(2).strip()
            if key == "title":
                q.title = value
            elif key == "description":
                q.description = (q.description + " " + value).strip()
            else:
                parts = value.split(None, 2)
                ptype = parts[1] if len(parts) > 1 and parts[1] in _TYPES else "string"
                desc = parts[2] if len(parts) > 2 and ptype == parts[1] else " ".join(parts[1:])
                q.params.append(Param(parts[0].lstrip("?$"), ptype, desc))
        return q


# The queries that ship with ckg (the canned ones and the views'), by name: their full listings are
# kept (see run_local); a query with another text under one of these names is not.
_SHIPPED: dict[str, str] = {}


def ship(q: CannedQuery) -> CannedQuery:
    """Register ``q`` as a query that ships with ckg; returns it."""
    _SHIPPED[q.name] = q.text
    return q


@lru_cache(maxsize=1)
def canned() -> dict[str, CannedQuery]:
    """The canned queries shipped in ``queries/``, by name."""
    out = {}
    for res in sorted(resources.files("queries").iterdir(), key=lambda r: r.name):
        if res.name.endswith(".rq"):
            name = res.name[:-3]
            out[name] = ship(CannedQuery.parse(name, res.read_text(encoding="utf-8"), str(res)))
    return out


# Tokens that may come before a SPARQL request's first keyword: space, comments, IRIs and prefix names.
_LEAD_TOKEN_RE = re.compile(r"\s+|#[^\n]*|<[^<>\s]*>|[^\W\d][\w.-]*:|:|[A-Za-z]+")
_QUERY_KEYWORDS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})


def _first_keyword(text: str) -> str | None:
    """The first keyword of a SPARQL request, after comments and its prologue (BASE, PREFIX), upper-cased.

    >>> _first_keyword("# a note\\nPREFIX ex: <http://example.org/#>\\ninsert data { ex:a ex:b ex:c }")
    'INSERT'
    """
    pos = 0
    while True:
        m = _LEAD_TOKEN_RE.match(text, pos)
        if not m:
            return None
        token, pos = m.group(), m.end()
        if token[0].isspace() or token[0] in "#<:" or token.endswith(":"):
            continue
        word = token.upper()
        if word not in ("BASE", "PREFIX"):
            return word


def resolve(name_or_file_or_text: str) -> CannedQuery:
    """A canned query by name, a ``.rq`` file by path, or SPARQL text."""
    arg = name_or_file_or_text
    queries = canned()
    if arg in queries:
        return queries[arg]
    p = Path(arg)
    if len(arg) < 4096 and "\n" not in arg and (arg.endswith(".rq") or arg.endswith(".sparql") or p.is_file()):
        if not p.is_file():
            raise UnknownQueryError(f"no query file {arg}")
        try:
            return CannedQuery.parse(p.stem, p.read_text(encoding="utf-8"), str(p))
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read the query file {arg}: {exc}; save it as UTF-8 text") from None
    if _first_keyword(arg) in _QUERY_KEYWORDS | _UPDATE_KEYWORDS:
        return CannedQuery.parse("query", arg)
    raise UnknownQueryError(
        f"no canned query named {arg!r}; 'ckg queries' lists them: {', '.join(queries)}"
    )


@dataclass
class Result:
    """SPARQL results: ``vars`` and rows of W3C JSON bindings (``{var: {type, value, ...}}``).

    Read-only: rows read back from a kept answer share the dict of a term they have in common.
    """

    vars: list[str]
    bindings: list[dict[str, dict[str, str]]]
    boolean: bool | None = None

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [{v: (b[v]["value"] if v in b else None) for v in self.vars} for b in self.bindings]

    def to_json(self) -> str:
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        return json.dumps({"head": {"vars": self.vars}, "results": {"bindings": self.bindings}},
                          ensure_ascii=False, indent=1)

    def to_delimited(self, delimiter: str) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
        w.writerow(self.vars)
        for row in self.as_dicts():
            w.writerow(["" if row[v] is None else row[v] for v in self.vars])
        return buf.getvalue()

    def to_markdown(self) -> str:
        def esc(x: str | None) -> str:
            return "" if x is None else x.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(self.vars) + " |", "|" + "---|" * len(self.vars)]
        lines += ["| " + " | ".join(esc(r[v]) for v in self.vars) + " |" for r in self.as_dicts()]
        return "\n".join(lines) + "\n"

    def to_table(self, width: int = 40) -> str:
        """A plain-text table, long cells cut to ``width`` characters."""
        def cut(x: str | None) -> str:
            x = "" if x is None else " ".join(_short(x).split())
            return x if len(x) <= width else x[: width - 1] + "…"

        rows = [[cut(r[v]) for v in self.vars] for r in self.as_dicts()]
        widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(self.vars)]
        line = "  ".join(v.ljust(w) for v, w in zip(self.vars, widths))
        out = [line, "  ".join("-" * w for w in widths)]
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out) + "\n"


def _short(value: str) -> str:
    for prefix, ns in (("", "https://w3id.org/ckg/id/"), ("kind:", "https://w3id.org/ckg/kind/"),
                       ("ckg:", PREFIXES["ckg"])):
        if value.startswith(ns):
            return prefix + value[len(ns):]
    return value


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _param_term(name: str, p: Param | None, value: str):
    """The RDF term ``value`` stands for: a declared parameter by its type; an undeclared one is
    an IRI when written ``<...>``, else a string."""
    ptype = p.type if p else "string"
    if ptype == "iri" or (p is None and value.startswith("<") and value.endswith(">")):
        iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
        try:
            return ox.NamedNode(iri)
        except ValueError:
            raise ParameterError(f"parameter {name} needs an IRI, got {value!r}") from None
    if ptype == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise ParameterError(f"parameter {p.name} needs a whole number, got {value!r}")
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def _variables(text: str) -> set[str]:
    stripped = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^>\s]*>|#[^\n]*', " ", text)
    return set(re.findall(r"[?$]([A-Za-z_][\w]*)", stripped))


def _bindings(q: CannedQuery, params: dict[str, str]) -> dict[str, Any]:
    declared = {p.name: p for p in q.params}
    known = sorted(declared) or sorted(_variables(q.text))
    out = {}
    for key, value in params.items():
        if key not in declared and key not in _variables(q.text):
            listing = ", ".join(known) if known else "none"
            raise ParameterError(f"the query {q.name!r} has no parameter {key!r}; its parameters: {listing}")
        out[key] = _param_term(key, declared.get(key), value)
    return out


def _is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update request (its first keyword after the prologue says so).

    >>> _is_update("DROP ALL"), _is_update("SELECT * WHERE { ?s ?p ?o }")
    (True, False)
    """
    return _first_keyword(text) in _UPDATE_KEYWORDS


def run_local(q: CannedQuery, store, params: dict[str, str] | None = None, timeout: float | None = None,
              keep: bool = True) -> Result:
    """Run ``q`` on a :class:`graph.store.Store` (read-only).

    With ``timeout`` (seconds), the query runs in a child process, killed when the time is up;
    :class:`QueryTimeoutError` says so.

    The full listing of a query that ships with ckg (a canned one, or one registered with
    :func:`ship`), run without parameters, is kept beside the database it was computed on and
    read back by later runs until a writer makes another database live (see :class:`_Kept`);
    ``keep=False`` evaluates it anyway and keeps nothing.
    """
    params = params or {}
    bound = _bindings(q, params)  # a bad parameter is reported before anything runs
    kept = _Kept.of(q, store) if keep and not bound else None
    if kept is not None:
        answer = kept.read()
        if answer is not None:
            return answer
    answer = _evaluate(store.reader(), q, bound) if not timeout else _run_in_child(q, store, params, timeout)
    if kept is not None:
        kept.write(answer)
    return answer


class _Kept:
    """The kept answer of one canned listing on one database.

    A database never changes once live (:mod:`graph.store`), so the answer computed on it stays
    right for as long as it is live. At a million triples the engine gives the canned listings at
    tens of thousands of rows a second; read back, they come many times faster (the figures are
    in bench/results/latest.md). The file's name holds a digest of the query text, the prefixes
    and the pyoxigraph version; its directory
    is named by :meth:`graph.store.Store.generation`, which changes with the database's files.
    The database is named again after the query: if it changed meanwhile, nothing is kept.
    Kept answers of databases that are no longer live are removed by the next writer. A store
    that cannot be written to (read-only mount) is queried as usual.
    """

    def __init__(self, store, generation: str, key: str):
        self.store, self.generation, self.key = store, generation, key
        self.path = store.answers_dir(generation) / f"{key}.json"

    @classmethod
    def of(cls, q: CannedQuery, store) -> "_Kept | None":
        canned()  # registers the canned queries as shipped
        if _SHIPPED.get(q.name) != q.text or not hasattr(store, "generation"):
            return None  # a user's .rq file or text can change under the same name: always evaluated
        generation = store.generation()
        if generation is None:
            return None
        digest = hashlib.blake2b(digest_size=10)
        for part in (q.text, json.dumps(PREFIXES, sort_keys=True), ox.__version__):
            digest.update(part.encode("utf-8") + b"\0")
        return cls(store, generation, f"{q.name}-{digest.hexdigest()}")

    # Kept as each distinct term once and the rows as lists of term numbers (-1: unbound): at a
    # million triples, tried by hand, 0.4 to 1.9 MiB a listing against 0.7 to 11 MiB of W3C JSON,
    # and a term that many rows repeat is parsed and made into a dict once, not once a row.

    def read(self) -> Result | None:
        try:
            body = self.path.read_bytes()
            with _collector_paused():
                kept = json.loads(body)
                names, terms = kept["vars"], kept["terms"]
                rows = [{v: terms[i] for v, i in zip(names, row) if i >= 0} for row in kept["rows"]]
            return Result(names, rows)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None  # not kept yet, or unreadable: evaluated (and kept) again

    def write(self, answer: Result) -> None:
        if answer.boolean is not None or self.store.generation() != self.generation:
            return
        numbers: dict[tuple, int] = {}
        terms: list[dict[str, str]] = []
        rows = []
        for binding in answer.bindings:
            row = []
            for v in answer.vars:
                term = binding.get(v)
                if term is None:
                    row.append(-1)
                    continue
                key = tuple(sorted(term.items()))
                n = numbers.get(key)
                if n is None:
                    n = numbers[key] = len(terms)
                    terms.append(term)
                row.append(n)
            rows.append(row)
        body = json.dumps({"vars": answer.vars, "terms": terms, "rows": rows},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        tmp = self.path.with_name(f".{self.key}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(body)
            os.replace(tmp, self.path)  # readers see the whole answer or none
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass


def _evaluate(db: ox.Store, q: CannedQuery, bound: dict) -> Result:
    text = _with_values(q.text, bound) if bound else q.text
    try:
        res = db.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        return _result(res)
    except SyntaxError as exc:
        if _is_update(q.text):
            raise ReadOnlyQueryError(
                "SPARQL Update is refused: 'ckg query' is read-only; rebuild or add documents with 'ckg build'/'ckg add'"
            ) from None
        raise QueryError(f"SPARQL syntax error in {q.path or q.name}: {exc}") from None
    except (OSError, RuntimeError) as exc:  # also while the answer is read: a SERVICE out of reach, a storage error
        raise QueryError(f"the query failed: {exc}") from None


def _result(res) -> Result:
    """A pyoxigraph answer, read to the end, as a :class:`Result`."""
    if isinstance(res, ox.QueryBoolean):
        return Result([], [], boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        # Oxigraph writes the W3C JSON of the whole answer and json.loads reads it, both in native
        # code: a million-triple listing comes out 10-20 % sooner than term by term in Python, and
        # the bindings are the same (what _term_json would give, tested).
        body = res.serialize(format=ox.QueryResultsFormat.JSON)
        with _collector_paused():
            answer = json.loads(body)
        return Result(answer["head"]["vars"], answer["results"]["bindings"])
    triples = [(t.subject, t.predicate, t.object) for t in res]
    return Result(["subject", "predicate", "object"],
                  [{"subject": _term_json(s), "predicate": _term_json(p), "object": _term_json(o)} for s, p, o in triples])


@contextmanager
def _collector_paused():
    """Python's cyclic garbage collector off while an answer's rows are made.

    Tens of thousands of new dicts, none of them in a cycle, set off collections that walk every
    object the process holds, the rows made so far included: with a few answers in memory, that
    doubled the time to read a listing of 45,000 rows.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _run_in_child(q: CannedQuery, store, params: dict[str, str], timeout: float) -> Result:
    """Evaluate ``q`` in a child process; kill it if its answer is not ready ``timeout`` s after it started.

    The child is forked (instant) when that is safe, from a process with one thread on Linux;
    otherwise it is a fresh interpreter (a fork of a process whose other threads hold locks,
    Oxigraph's among them, could hang).
    """
    if sys.platform.startswith("linux") and _native_threads() == 1:
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_child, args=(send, q, store, params), name="ckg-query", daemon=True)
        child.start()
        send.close()
        stop = lambda: (child.kill(), child.join())  # noqa: E731  (kill does nothing to a finished child)
    else:
        receive, popen = _fresh_interpreter(q, store, params)
        stop = lambda: (popen.kill(), popen.wait())  # noqa: E731
    try:
        message = _receive(receive, max(timeout, 60.0))  # the child opened the store: the clock starts
        if message == "started":
            if not receive.poll(timeout):
                raise QueryTimeoutError(
                    f"the query ran past its {timeout:g} s time limit and was stopped; narrow it or raise --timeout"
                )
            message = _receive(receive, None)
    finally:
        stop()
        receive.close()
    status, payload = message
    if status == "error":
        raise payload
    return payload


def _fresh_interpreter(q: CannedQuery, store, params: dict[str, str]):
    """Start ``python -c 'queries._child_main(FD)'`` with the work on its standard input; its answers come on FD."""
    from multiprocessing.connection import Connection

    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    r, w = os.pipe()
    try:
        popen = subprocess.Popen([sys.executable, "-c", f"import queries; queries._child_main({w})"],
                                 stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 pass_fds=(w,), env=env)
    except OSError:
        os.close(r)
        raise
    finally:
        os.close(w)
    with popen.stdin:
        popen.stdin.write(pickle.dumps((q, store, params)))
    return Connection(r, writable=False), popen


def _child_main(fd: int) -> None:
    """Entry point of the fresh-interpreter child of :func:`_run_in_child`."""
    from multiprocessing.connection import Connection

    q, store, params = pickle.load(sys.stdin.buffer)
    _child(Connection(fd, readable=False), q, store, params)


def _receive(conn, wait: float | None):
    if wait is not None and not conn.poll(wait):
        raise QueryError("the query process did not start; try again")
    try:
        return conn.recv()
    except EOFError:
        raise QueryError("the query process ended without an answer (out of memory?); narrow the query") from None


def _child(conn, q: CannedQuery, store, params: dict[str, str]) -> None:
    """The body of the child process of :func:`_run_in_child`: ``"started"``, then ``(status, payload)``."""
    try:
        db = store.reader()
        bound = _bindings(q, params)
        conn.send("started")
        message = ("ok", _evaluate(db, q, bound))
    except CkgError as exc:
        message = ("error", exc)
    except Exception as exc:
        message = ("error", QueryError(f"the query failed: {exc}"))
    try:
        conn.send(message)
    except Exception as exc:  # an answer that cannot be pickled
        conn.send(("error", QueryError(f"the query's answer could not be returned: {exc}")))
    finally:
        conn.close()


def _native_threads() -> int:
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _ntriples(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    return str(term)  # pyoxigraph prints literals in N-Triples syntax, escaped


_MASK_RE = re.compile(r"(?m)^[ \t]*#.*$|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>")
_SELECT_RE = re.compile(r"\bSELECT\b((?:[^{}])*?)\bWHERE\s*\{", re.I)


def _projects(projection: str, name: str) -> bool:
    """Whether a sub-SELECT's projection passes ``?name`` through (not as an expression's alias)."""
    while True:  # drop the parenthesised expressions, ``(... AS ?x)`` included
        stripped = re.sub(r"\([^()]*\)", " ", projection)
        if stripped == projection:
            break
        projection = stripped
    return "*" in projection or re.search(rf"[?$]{re.escape(name)}\b", projection) is not None


def _with_values(text: str, bound: dict[str, Any]) -> str:
    """``text`` with each parameter as a ``VALUES`` block in every group that can use it.

    The block opens the outermost WHERE group, and every sub-SELECT that passes the variable
    through gets one too, so engines narrow the inner pattern before aggregating rather than
    after (at a million triples: milliseconds instead of seconds). A trailing VALUES clause
    would be the standard place, but Virtuoso ignores it after ORDER BY; pyoxigraph's
    ``substitutions`` filter the finished answer instead of narrowing the pattern. The
    values are RDF terms written by pyoxigraph (IRIs checked, literals escaped): data, never
    query text. Comments, strings and IRIs are skipped when looking for the groups.
    """
    masked = _MASK_RE.sub(lambda m: " " * len(m.group()), text)
    blocks = {k: f"VALUES ?{k} {{ {_ntriples(v)} }}" for k, v in bound.items()}
    outer = re.search(r"\bWHERE\s*\{", masked, re.I) or re.search(r"\{", masked)
    if not outer:
        return f"{text.rstrip()}\n" + " ".join(blocks.values()) + "\n"
    inserts = [(outer.end(), list(blocks))]
    for m in _SELECT_RE.finditer(masked):
        if m.end() != outer.end():
            inserts.append((m.end(), [k for k in blocks if _projects(m.group(1), k)]))
    for pos, names in sorted(inserts, reverse=True):
        if names:
            text = f"{text[:pos]} {' '.join(blocks[k] for k in names)}{text[pos:]}"
    return text


def remote_text(q: CannedQuery, params: dict[str, str]) -> str:
    """The text sent to a remote endpoint: the prefixes the query lacks, the query, its parameters."""
    bound = _bindings(q, params)
    text = _with_values(q.text, bound) if bound else q.text
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()
                       if not re.search(rf"PREFIX\s+{k}:", q.text, re.I))
    return prologue + text


def run_remote(q: CannedQuery, endpoint: str, params: dict[str, str] | None = None,
               timeout: float | None = None) -> Result:
    """Run ``q`` on a SPARQL 1.1 endpoint through SPARQLWrapper (POST, JSON results).

    Credentials come from ``CKG_ENDPOINT_USER`` and ``CKG_ENDPOINT_PASSWORD``.
    """

    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    if _is_update(q.text):
        raise ReadOnlyQueryError("SPARQL Update is refused: 'ckg query' is read-only")
    sw = SPARQLWrapper(endpoint, agent="ckg (+https://w3id.org/ckg)")
    sw.setMethod(POST)
    sw.setReturnFormat(JSON)
    sw.setQuery(remote_text(q, params or {}))
    if timeout:
        sw.setTimeout(int(max(1, timeout)))
    user, password = os.environ.get("CKG_ENDPOINT_USER"), os.environ.get("CKG_ENDPOINT_PASSWORD")
    if user:
        from SPARQLWrapper import DIGEST

        sw.setHTTPAuth(os.environ.get("CKG_ENDPOINT_AUTH", DIGEST).upper())
        sw.setCredentials(user, password or "")
    try:
        data = sw.queryAndConvert()
    except SPARQLWrapperException as exc:
        raise EndpointError(f"{endpoint} refused the query: {str(exc).splitlines()[0][:300]}") from None
    except OSError as exc:
        if "timed out" in str(exc):
            raise QueryTimeoutError(f"{endpoint} did not answer within {timeout} s") from None
        raise EndpointError(f"cannot reach {endpoint}: {exc}") from None
    if not isinstance(data, dict):
        raise EndpointError(f"{endpoint} did not answer with SPARQL JSON results")
    if "boolean" in data:
        return Result([], [], boolean=bool(data["boolean"]))
    bindings = data["results"]["bindings"]
    for row in bindings:
        for cell in row.values():
            if cell.get("type") == "typed-literal":
                cell["type"] = "literal"
    return Result(data["head"]["vars"], bindings)
