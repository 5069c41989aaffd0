"""Writing the graph out: RDF serialisations, written atomically.

Formats with named graphs (TriG, N-Quads, JSON-LD) keep one graph per document;
the others (Turtle, N-Triples, RDF/XML) get the merge of all graphs. JSON-LD is
compacted with the context of :mod:`graph.jsonld`, so its keys read as words.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from queries import PREFIXES

from .errors import CkgError
from .jsonld import write_jsonld
from .namespace import BASE
from .store import Store

__all__ = ["FORMATS", "export", "write_atomically"]

FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "xml": (ox.RdfFormat.RDF_XML, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}

EXPORT_PREFIXES = {**PREFIXES, "id": BASE + "id/", "doc": BASE + "doc/", "wd": "http://www.wikidata.org/entity/"}


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    """Serialise the store in ``fmt`` (a key of :data:`FORMATS`) to the binary stream ``out``."""
    if fmt not in FORMATS:
        raise CkgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rdf_format, datasets = FORMATS[fmt]
    db = store.reader()
    if rdf_format == ox.RdfFormat.JSON_LD:
        write_jsonld(db, out)
        return
    prefixes = EXPORT_PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    if datasets:
        ox.serialize(db.quads_for_pattern(None, None, None), out, rdf_format, prefixes=prefixes)
    else:
        triples = db.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        ox.serialize(triples, out, rdf_format, prefixes=prefixes)


def write_atomically(path: str | os.PathLike, write) -> None:
    """Call ``write(fh)`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
