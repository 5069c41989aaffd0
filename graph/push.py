"""Loading the graph into a SPARQL 1.1 server, one named graph per document.

The Graph Store Protocol is tried first: ``PUT ENDPOINT?graph=IRI`` (``graph-uri=``
for Virtuoso's ``sparql-graph-crud`` endpoints) replaces a graph, so a second
push replaces each document's graph instead of duplicating it. Where the server
has no Graph Store (an answer 404, 405 or 415), ``--update URL`` is used instead:
``DROP SILENT GRAPH`` then batched ``INSERT DATA``. Credentials come from
``CKG_ENDPOINT_USER`` / ``CKG_ENDPOINT_PASSWORD``, with digest authentication
(``CKG_ENDPOINT_AUTH=basic`` for basic).
"""
from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Callable, Iterator

import pyoxigraph as ox

from .errors import EndpointError
from .store import Store

__all__ = ["PushSummary", "push"]

USER_AGENT = "ckg-push (+https://w3id.org/ckg)"
BATCH = 1000  # triples per INSERT DATA; Virtuoso refuses much more than ~1,400


@dataclass
class PushSummary:
    graphs: int = 0
    triples: int = 0
    method: str = "graph-store"


def _opener(url: str) -> urllib.request.OpenerDirector:
    user = os.environ.get("CKG_ENDPOINT_USER")
    handlers: list = []
    if user:
        pm = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        parts = urllib.parse.urlsplit(url)
        pm.add_password(None, f"{parts.scheme}://{parts.netloc}/", user, os.environ.get("CKG_ENDPOINT_PASSWORD", ""))
        basic = os.environ.get("CKG_ENDPOINT_AUTH", "digest").lower() == "basic"
        handlers.append(urllib.request.HTTPBasicAuthHandler(pm) if basic else urllib.request.HTTPDigestAuthHandler(pm))
    return urllib.request.build_opener(*handlers)


def _request(opener, method: str, url: str, body: bytes, ctype: str, timeout: float) -> int:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": ctype, "User-Agent": USER_AGENT})
    try:
        with opener.open(req, timeout=timeout) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", errors="replace").strip().splitlines()
        if exc.code in (404, 405, 415, 501):
            return exc.code
        raise EndpointError(f"{url.split('?')[0]} answered {exc.code}: {detail[0] if detail else exc.reason}") from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"cannot reach {url.split('?')[0]}: {exc.reason}") from None


def _graphs(db: ox.Store) -> list[ox.NamedNode]:
    return sorted((g for g in db.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)


def _triples(db: ox.Store, g: ox.NamedNode) -> Iterator[ox.Triple]:
    for q in db.quads_for_pattern(None, None, None, g):
        yield ox.Triple(q.subject, q.predicate, q.object)


def push(store: Store, endpoint: str, update: str | None = None, timeout: float = 120.0,
         progress: Callable[[int, int, str], None] | None = None) -> PushSummary:
    """Push every named graph of ``store`` to ``endpoint`` (Graph Store) or ``update`` (SPARQL Update)."""
    db = store.reader()
    graphs = _graphs(db)
    opener = _opener(endpoint)
    param = "graph-uri" if "graph-crud" in endpoint else "graph"
    summary = PushSummary()
    use_update = False
    for n, g in enumerate(graphs, start=1):
        triples = list(_triples(db, g))
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        if not use_update:
            url = f"{endpoint}{'&' if '?' in endpoint else '?'}{param}={urllib.parse.quote(g.value, safe='')}"
            status = _request(opener, "PUT", url, body, "application/n-triples", timeout)
            if status in (415,):  # some servers only take Turtle; N-Triples is valid Turtle
                status = _request(opener, "PUT", url, body, "text/turtle", timeout)
            if status in (404, 405, 415, 501):
                if not update:
                    raise EndpointError(
                        f"{endpoint} has no Graph Store Protocol (answered {status}); "
                        "give its SPARQL Update endpoint with --update URL"
                    )
                use_update = True
                summary.method = "sparql-update"
        if use_update:
            _update_graph(opener, update, g, triples, timeout)
        summary.graphs += 1
        summary.triples += len(triples)
        if progress:
            progress(n, len(graphs), g.value)
    return summary


def _update_graph(opener, update: str, g: ox.NamedNode, triples: list[ox.Triple], timeout: float) -> None:
    def send(text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode()
        status = _request(opener, "POST", update, body, "application/x-www-form-urlencoded", timeout)
        if status >= 400:
            raise EndpointError(f"{update} refused SPARQL Update (answered {status})")

    send(f"DROP SILENT GRAPH <{g.value}>")
    for i in range(0, len(triples), BATCH):
        chunk = " .\n".join(str(t) for t in triples[i:i + BATCH])
        send(f"INSERT DATA {{ GRAPH <{g.value}> {{\n{chunk} .\n}} }}")
