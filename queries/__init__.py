"""Canned SPARQL queries (``queries/*.rq``) and the runner for the local store or a remote endpoint.

A canned query is a ``.rq`` file whose header comments give its title, a
description and its parameters::

    # title: Meetings
    # description: One row per meeting ...
    # param: doc  string  only meetings reported by this document

Parameters are bound as values (pyoxigraph ``substitutions``; a trailing
``VALUES`` block on a remote endpoint), never pasted into the query text.
"""
from __future__ import annotations

import csv
import io
import json
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import (
    EndpointError, ParameterError, QueryError, QueryTimeoutError, ReadOnlyQueryError, UnknownQueryError,
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


@lru_cache(maxsize=1)
def canned() -> dict[str, CannedQuery]:
    """The canned queries shipped in ``queries/``, by name."""
    out = {}
    for res in sorted(resources.files("queries").iterdir(), key=lambda r: r.name):
        if res.name.endswith(".rq"):
            name = res.name[:-3]
            out[name] = CannedQuery.parse(name, res.read_text(encoding="utf-8"), str(res))
    return out


_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\b", re.I)


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
        return CannedQuery.parse(p.stem, p.read_text(encoding="utf-8"), str(p))
    if _QUERY_FORM.search(arg):
        return CannedQuery.parse("query", arg)
    raise UnknownQueryError(
        f"no canned query named {arg!r}; 'ckg queries' lists them: {', '.join(queries)}"
    )


@dataclass
class Result:
    """SPARQL results: ``vars`` and rows of W3C JSON bindings (``{var: {type, value, ...}}``)."""

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


def _param_term(p: Param | None, value: str):
    ptype = p.type if p else "string"
    if ptype == "iri" or (value.startswith("<") and value.endswith(">")):
        iri = value[1:-1] if value.startswith("<") else value
        try:
            return ox.NamedNode(iri)
        except ValueError:
            raise ParameterError(f"parameter {p.name if p else ''} needs an IRI, got {value!r}") from None
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
        out[key] = _param_term(declared.get(key), value)
    return out


def _is_update(text: str) -> bool:
    try:
        from rdflib.plugins.sparql.parser import parseUpdate

        parseUpdate(text)
        return True
    except Exception:
        return False


def run_local(q: CannedQuery, store, params: dict[str, str] | None = None, timeout: float | None = None) -> Result:
    """Run ``q`` on a :class:`graph.store.Store` (read-only)."""
    db = store.reader()
    subs = {ox.Variable(k): v for k, v in _bindings(q, params or {}).items()}
    return _run_with_timeout(lambda: _evaluate(db, q, subs), timeout)


def _evaluate(db: ox.Store, q: CannedQuery, subs: dict) -> Result:
    try:
        res = db.query(q.text, use_default_graph_as_union=True, substitutions=subs or None, prefixes=PREFIXES)
    except SyntaxError as exc:
        if _is_update(q.text):
            raise ReadOnlyQueryError(
                "SPARQL Update is refused: 'ckg query' is read-only; rebuild or add documents with 'ckg build'/'ckg add'"
            ) from None
        raise QueryError(f"SPARQL syntax error in {q.path or q.name}: {exc}") from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    if isinstance(res, ox.QueryBoolean):
        return Result([], [], boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        vars_ = [v.value for v in res.variables]
        rows = []
        for sol in res:
            row = {}
            for v in vars_:
                t = sol[v]
                if t is not None:
                    row[v] = _term_json(t)
            rows.append(row)
        return Result(vars_, rows)
    triples = [(t.subject, t.predicate, t.object) for t in res]
    return Result(["subject", "predicate", "object"],
                  [{"subject": _term_json(s), "predicate": _term_json(p), "object": _term_json(o)} for s, p, o in triples])


def _run_with_timeout(fn, timeout: float | None):
    if not timeout:
        return fn()
    box: dict[str, Any] = {}

    def target():
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise QueryTimeoutError(f"the query ran past its {timeout:g} s time limit and was stopped; narrow it or raise --timeout")
    if "error" in box:
        raise box["error"]
    return box["result"]


def _ntriples(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    return str(term)  # pyoxigraph prints literals in N-Triples syntax, escaped


def run_remote(q: CannedQuery, endpoint: str, params: dict[str, str] | None = None,
               timeout: float | None = None) -> Result:
    """Run ``q`` on a SPARQL 1.1 endpoint through SPARQLWrapper (POST, JSON results).

    Credentials come from ``CKG_ENDPOINT_USER`` and ``CKG_ENDPOINT_PASSWORD``.
    """
    import os

    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    if _is_update(q.text):
        raise ReadOnlyQueryError("SPARQL Update is refused: 'ckg query' is read-only")
    text = q.text
    bound = _bindings(q, params or {})
    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items() if not re.search(rf"PREFIX\s+{k}:", text, re.I))
    if bound:
        names = " ".join(f"?{k}" for k in bound)
        values = " ".join(_ntriples(v) for v in bound.values())
        text = f"{text.rstrip()}\nVALUES ({names}) {{ ({values}) }}\n"
    sw = SPARQLWrapper(endpoint, agent="ckg (+https://w3id.org/ckg)")
    sw.setMethod(POST)
    sw.setReturnFormat(JSON)
    sw.setQuery(prologue + text)
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
