"""Typed errors raised by the ckg library; the CLI turns them into messages and exit codes."""

__all__ = [
    "CkgError",
    "DecodeError",
    "ManifestError",
    "StoreError",
    "StoreLockedError",
    "StoreVersionError",
    "QueryError",
    "UnknownQueryError",
    "ParameterError",
    "ReadOnlyQueryError",
    "QueryTimeoutError",
    "ExtractionError",
    "EndpointError",
]


class CkgError(Exception):
    """Base class of every error the library raises on purpose."""


class DecodeError(CkgError):
    """A document's bytes are not text ckg can read."""


class ManifestError(CkgError):
    """A ``manifest.csv`` is malformed."""


class StoreError(CkgError):
    """The persistent store is missing, unreadable or cannot be written."""


class StoreLockedError(StoreError):
    """Another ckg process is writing to the same store."""


class StoreVersionError(StoreError):
    """The store was written by an incompatible version of ckg."""


class QueryError(CkgError):
    """A SPARQL query is malformed or failed."""


class UnknownQueryError(QueryError):
    """No canned query has that name and no such file exists."""


class ParameterError(QueryError):
    """A ``--param`` does not fit the query."""


class ReadOnlyQueryError(QueryError):
    """SPARQL Update was given where only queries are allowed."""


class QueryTimeoutError(QueryError):
    """A query ran past its time limit."""


class ExtractionError(CkgError):
    """A pipeline step failed on a document."""

    def __init__(self, step: str, doc_id: str, cause: BaseException):
        super().__init__(f"step '{step}' failed on document '{doc_id}': {cause}")
        self.step, self.doc_id, self.cause = step, doc_id, cause


class EndpointError(CkgError):
    """A remote SPARQL endpoint could not be reached or answered with an error."""
