"""The extraction pipeline: named steps with one signature, run in a configured order.

A step is a function ``step(parsed: Parsed, ctx: Context) -> None`` that reads
the document and what earlier steps found, and appends facts. Steps register
under a name with :func:`step`; :data:`DEFAULT_PIPELINE` is the order ckg runs.
An exception inside a step becomes :class:`~graph.errors.ExtractionError`
naming the step and the document.

>>> from graph.ingest import Document
>>> parsed = run(Document(id="t", text="اجتمع وزراء التحالف الدولي في باريس."))
>>> sorted({m.entity for m in parsed.mentions})
['COALITION', 'PARIS']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from .errors import ExtractionError
from .facts import Parsed
from .ingest import Document
from .lexicon import Lexicon
from .text import normalize, strip_clitics

__all__ = ["Context", "step", "STEPS", "IN_GENRE", "DEFAULT_PIPELINE", "run", "about_the_coalition"]


@dataclass
class Context:
    """What every step may use: the lexicon (trigger words come from :func:`graph.triggers.triggers`)."""

    lexicon: Lexicon = field(default_factory=Lexicon.default)

    @classmethod
    def default(cls) -> "Context":
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls()
        return _DEFAULT


_DEFAULT: Context | None = None

StepFn = Callable[[Parsed, Context], None]
STEPS: dict[str, StepFn] = {}
IN_GENRE: set[str] = set()  # the steps that run only on documents about the coalition or ISIS


def step(name: str, in_genre: bool = False) -> Callable[[StepFn], StepFn]:
    """Register a pipeline step under ``name``.

    A step registered with ``in_genre=True`` runs only on documents about the coalition
    or ISIS (see :func:`about_the_coalition`); others get mentions and people only.
    """

    def register(fn: StepFn) -> StepFn:
        if name in STEPS:
            raise ValueError(f"pipeline step {name!r} registered twice")
        STEPS[name] = fn  # (kept apart from the function: a compiled one takes no attributes)
        if in_genre:
            IN_GENRE.add(name)
        return fn

    return register


DEFAULT_PIPELINE: tuple[str, ...] = (
    "sentences",
    "entities",
    "dates",
    "quantities",
    "people",
    "meetings",
    "membership",
    "coalition_size",
    "funding",
    "mandates",
    "threats",
    "attacks",
    "commitments",
    "unasserted",
)


def about_the_coalition(parsed: Parsed, lexicon: Lexicon) -> bool:
    """Whether the document names the coalition, one of its bodies, ISIS or a branch of it (decided
    once, on the lexicon's mentions). "التحالف" alone does not: a report on another alliance ("تحالف
    أوبك+") calls it that too."""
    decided = getattr(parsed, "_in_genre", None)
    if decided is None:
        decided = any(
            (e := lexicon.get(m.entity)) is not None
            and (e.cls in ("Coalition", "CoalitionBody", "WorkingGroup") or e.extra.get("threat") in ("isis", "affiliate"))
            and not _bare(m.surface, e)
            for m in parsed.mentions
        )
        parsed._in_genre = decided  # type: ignore[attr-defined]
    return decided


def _bare(surface: str, entry) -> bool:
    """Whether a mention is one of its entity's bare forms ("التحالف", "للتحالف"), which name it only
    in a document that names it in full."""
    bare = entry.extra.get("bare_patterns")
    if not bare:
        return False
    forms = _bare_forms(tuple(bare))
    return any(f in forms for f in strip_clitics(normalize(surface)))


@lru_cache(maxsize=None)
def _bare_forms(bare: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(b) for b in bare)


def run(doc: Document, ctx: Context | None = None, steps: tuple[str, ...] = DEFAULT_PIPELINE) -> Parsed:
    """Run ``steps`` over ``doc`` and return what they found."""
    from . import steps as _register  # noqa: F401  (registers the built-in steps)

    ctx = ctx or Context.default()
    parsed = Parsed(doc)
    for name in steps:
        fn = STEPS.get(name)
        if fn is None:
            raise ValueError(f"unknown pipeline step {name!r}; known: {', '.join(sorted(STEPS))}")
        if name in IN_GENRE and not about_the_coalition(parsed, ctx.lexicon):
            continue
        try:
            fn(parsed, ctx)
        except ExtractionError:
            raise
        except Exception as exc:  # a bug or bad input inside one step: name it
            raise ExtractionError(name, doc.id, exc) from exc
    return parsed
