"""A read-only SPARQL 1.1 Protocol endpoint over the store.

``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=`` or a
``application/sparql-query`` body; any other body type gets 415); results by
content negotiation: SPARQL JSON (default), XML, CSV and TSV; CONSTRUCT/DESCRIBE
as Turtle or N-Triples. SPARQL Update is refused (403). Each query has a time
limit (503 when exceeded) and a result-size limit (rows past it are cut and the
response says so in the ``X-CKG-Truncated`` header). Queries run on a bounded
pool of threads, and a bounded number of requests (``ServerConfig.queue``) may
wait for one; past that a request waits ``queue_wait`` seconds for a place, then
gets 503 rather than queueing without end. A connection that sends nothing for
``ServerConfig.idle`` seconds, between requests or in the middle of one, is closed.
"""
from __future__ import annotations

import csv
import io
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse
from xml.sax.saxutils import escape

import pyoxigraph as ox

from queries import PREFIXES, _is_update, _term_json

from .store import Store

__all__ = ["ServerConfig", "make_server", "serve"]

JSON_TYPE = "application/sparql-results+json"
XML_TYPE = "application/sparql-results+xml"
RESULT_TYPES = (JSON_TYPE, "application/json", XML_TYPE, "text/csv", "text/tab-separated-values")
FORM_TYPE = "application/x-www-form-urlencoded"
MAX_BODY = 1_000_000
DRAIN_LIMIT = 16 * MAX_BODY  # an oversized body up to this size is read and dropped before the 413
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 7879
    timeout: float = 30.0
    max_rows: int = 100_000
    workers: int = 4
    queue: int = 256  # requests that may wait for a free worker
    queue_wait: float = 2.0  # seconds a request past the queue waits for a place before its 503
    idle: float = 30.0  # seconds a connection may send nothing (between requests, or mid-request) before it is closed


_WAITED = "the server is busy: the query waited its whole time limit for a worker; try again shortly"


class _Rejected(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _negotiate(accept: str, choices) -> str:
    accept = accept or "*/*"
    prefs = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, bits[0].lower()))
    for _, _, mime in sorted(prefs):
        if mime in ("*/*", "application/*"):
            return choices[0]
        if mime in choices:
            return mime
    raise _Rejected(406, f"cannot answer in {accept}; ask for one of {', '.join(choices)}")


def _solutions(result: ox.QuerySolutions, deadline: float, max_rows: int) -> tuple[list[str], list[dict], bool]:
    vars_ = [v.value for v in result.variables]
    rows: list[dict[str, Any]] = []
    for sol in result:
        if len(rows) >= max_rows:
            return vars_, rows, True
        if len(rows) % 256 == 0 and time.monotonic() > deadline:
            raise _Rejected(503, "the query ran past the server's time limit")
        rows.append({v: _term_json(sol[v]) for v in vars_ if sol[v] is not None})
    return vars_, rows, False


def _write_results(mime: str, vars_: list[str], rows: list[dict]) -> bytes:
    if mime in (JSON_TYPE, "application/json"):
        return json.dumps({"head": {"vars": vars_}, "results": {"bindings": rows}}, ensure_ascii=False).encode()
    if mime == XML_TYPE:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f'<variable name="{escape(v)}"/>' for v in vars_]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            for v, t in row.items():
                value = escape(t["value"])
                if t["type"] == "uri":
                    inner = f"<uri>{value}</uri>"
                elif t["type"] == "bnode":
                    inner = f"<bnode>{value}</bnode>"
                elif "xml:lang" in t:
                    inner = f'<literal xml:lang="{escape(t["xml:lang"])}">{value}</literal>'
                elif "datatype" in t:
                    inner = f'<literal datatype="{escape(t["datatype"])}">{value}</literal>'
                else:
                    inner = f"<literal>{value}</literal>"
                out.append(f'<binding name="{escape(v)}">{inner}</binding>')
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    buf = io.StringIO()
    if mime == "text/csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(vars_)
        for row in rows:
            w.writerow([row[v]["value"] if v in row else "" for v in vars_])
    else:  # TSV: terms in SPARQL/N-Triples syntax
        buf.write("\t".join(f"?{v}" for v in vars_) + "\n")
        for row in rows:
            buf.write("\t".join(_tsv_term(row.get(v)) for v in vars_) + "\n")
    return buf.getvalue().encode()


def _tsv_term(t: dict | None) -> str:
    if t is None:
        return ""
    if t["type"] == "uri":
        return f"<{t['value']}>"
    if t["type"] == "bnode":
        return f"_:{t['value']}"
    lit = json.dumps(t["value"], ensure_ascii=False)
    if "xml:lang" in t:
        return f"{lit}@{t['xml:lang']}"
    if "datatype" in t:
        return f"{lit}^^<{t['datatype']}>"
    return lit


class _Endpoint:
    def __init__(self, store: Store, config: ServerConfig):
        self.config = config
        self.store = store
        store.reader()  # fail at start, not on the first request, if the store cannot be opened
        self.pool = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="ckg-query")
        self.slots = threading.BoundedSemaphore(config.workers + config.queue)

    def answer(self, query: str, accept: str) -> tuple[int, str, bytes, dict[str, str]]:
        if _is_update(query):
            raise _Rejected(403, "this endpoint is read-only: SPARQL Update is refused")
        if not self.slots.acquire(timeout=self.config.queue_wait):
            raise _Rejected(503, "the server is busy; try again shortly")
        deadline = time.monotonic() + self.config.timeout  # waiting for a worker counts
        try:
            future = self.pool.submit(self._on_worker, query, accept, deadline)
        except BaseException:
            self.slots.release()
            raise
        # The place is given back when the work ends, not when this request stops waiting for it:
        # the engine cannot stop a query that sorts or groups before its first row, so one past its
        # time limit holds its place, and requests behind it wait or are refused instead of
        # piling up in the pool's queue to run later for nobody.
        future.add_done_callback(lambda _: self.slots.release())
        try:
            return future.result(timeout=self.config.timeout + 1)
        except FutureTimeout:
            if future.cancel():  # still queued: it will not run
                raise _Rejected(503, _WAITED) from None
            raise _Rejected(503, "the query ran past the server's time limit") from None

    def _on_worker(self, query: str, accept: str, deadline: float):
        """:meth:`_evaluate` on a pool thread. pyoxigraph's results may only be freed on the thread
        that made them, so an error leaves without its traceback, whose frames hold them: the
        handler thread that reads the error would otherwise free them, which pyoxigraph refuses
        (it prints a RuntimeError and leaks them)."""
        if time.monotonic() >= deadline:  # its request has been answered already (or is about to be)
            raise _Rejected(503, _WAITED)
        try:
            return self._evaluate(query, accept, deadline)
        except Exception as exc:
            raise exc.with_traceback(None)

    def _evaluate(self, query: str, accept: str, deadline: float):
        try:
            result = self.store.reader().query(query, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise _Rejected(400, f"SPARQL syntax error: {exc}") from None
        headers: dict[str, str] = {}
        if isinstance(result, ox.QueryBoolean):
            mime = _negotiate(accept, (JSON_TYPE, "application/json", XML_TYPE))
            if mime == XML_TYPE:
                body = (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                        f"<boolean>{'true' if result else 'false'}</boolean></sparql>\n").encode()
            else:
                body = json.dumps({"head": {}, "boolean": bool(result)}).encode()
            return 200, mime, body, headers
        if isinstance(result, ox.QuerySolutions):
            mime = _negotiate(accept, RESULT_TYPES)
            vars_, rows, cut = _solutions(result, deadline, self.config.max_rows)
            if cut:
                headers["X-CKG-Truncated"] = f"results cut at {self.config.max_rows} rows"
            return 200, mime, _write_results(mime, vars_, rows), headers
        mime = _negotiate(accept, tuple(GRAPH_TYPES))
        triples = []
        for t in result:
            if len(triples) >= self.config.max_rows:
                headers["X-CKG-Truncated"] = f"results cut at {self.config.max_rows} triples"
                break
            triples.append(t)
        return 200, mime, ox.serialize(triples, format=GRAPH_TYPES[mime]), headers


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # connections the kernel holds before accept; the default 5 drops bursts


def make_server(store: Store, config: ServerConfig | None = None) -> ThreadingHTTPServer:
    """An HTTP server (not yet serving) for ``store``; ``server.server_address`` has the bound port."""
    config = config or ServerConfig()
    endpoint = _Endpoint(store, config)

    class Handler(BaseHTTPRequestHandler):
        server_version = "ckg-sparql/1"
        protocol_version = "HTTP/1.1"
        # Each connection has a thread of its own: a client that keeps one open without using it, or
        # sends a request a byte at a time, would otherwise hold that thread (and its socket) for good.
        timeout = config.idle

        def log_message(self, fmt, *args):  # quiet by default; errors still go back to clients
            return

        def _send(self, status: int, mime: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{mime}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, message: str, close: bool = False) -> None:
            """An error answer; ``close`` when the request's body is left unread, so the
            connection cannot carry another request."""
            if close:
                self.close_connection = True
            self._send(status, "text/plain", (message + "\n").encode(), {"Connection": "close"} if close else None)

        def _discard(self, length: int) -> None:
            """Read and drop a body too large to serve (up to ``DRAIN_LIMIT``): a client still sending
            it would otherwise get a broken pipe instead of the refusal."""
            while 0 < length <= DRAIN_LIMIT:
                chunk = self.rfile.read(min(length, 1 << 16))
                if not chunk:
                    return
                length -= len(chunk)

        def _handle(self, query: str | None) -> None:
            if not query:
                self._error(400, "give a SPARQL query in the 'query' parameter")
                return
            try:
                status, mime, body, headers = endpoint.answer(query, self.headers.get("Accept", ""))
            except _Rejected as exc:
                self._error(exc.status, exc.message)
            except Exception as exc:  # never a traceback on the wire; the message is enough
                self._error(500, f"the query failed: {exc}")
            else:
                self._send(status, mime, body, headers)

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path not in ("/sparql", "/query", "/"):
                self._error(404, "the SPARQL endpoint is /sparql")
                return
            params = parse_qs(url.query)
            if "update" in params:
                self._error(403, "this endpoint is read-only: SPARQL Update is refused")
                return
            self._handle((params.get("query") or [None])[0])

        def do_POST(self) -> None:
            url = urlparse(self.path)
            if url.path not in ("/sparql", "/query", "/"):
                self._error(404, "the SPARQL endpoint is /sparql")
                return
            length = self.headers.get("Content-Length") or "0"
            if not (length.isascii() and length.isdigit()):
                self._error(400, f"bad Content-Length {length[:40]!r}", close=True)
                return
            if int(length) > MAX_BODY:
                self._discard(int(length))
                self._error(413, f"the request is larger than {MAX_BODY // 1_000_000} MB", close=True)
                return
            body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
            ctype = (self.headers.get("Content-Type") or FORM_TYPE).split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                self._error(403, "this endpoint is read-only: SPARQL Update is refused")
                return
            if ctype == "application/sparql-query":
                self._handle(body)
                return
            if ctype != FORM_TYPE:
                self._error(415, f"cannot read a {ctype} body; send application/sparql-query or {FORM_TYPE}")
                return
            params = parse_qs(body)
            if "update" in params:
                self._error(403, "this endpoint is read-only: SPARQL Update is refused")
                return
            self._handle((params.get("query") or [None])[0])

    return _Server((config.host, config.port), Handler)


def serve(store: Store, config: ServerConfig | None = None) -> None:
    """Serve until interrupted."""
    server = make_server(store, config)
    try:
        server.serve_forever()
    finally:
        server.server_close()
