"""Trigger-word tables from ``graph/data/triggers.yaml``, compiled into phrase matchers."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from .data import load_yaml
from .lexicon import Lexicon, PhraseMatcher, PhraseTables, with_interchangeable
from .text import Token, normalize

__all__ = ["Triggers", "triggers"]


_NOT_PHRASES = ("words", "mandate_topics", "groups_word")


class Triggers:
    """Each phrase table of the YAML file as a :class:`PhraseMatcher` whose keys are the table's
    labels, and its ``words`` as sets of normalised words. A phrase holding a name of one of
    ``interchangeable``'s groups (تمويل داعش) also matches with the others (تمويل الدولة الإسلامية)."""

    def __init__(self, raw: dict, interchangeable: Sequence[tuple[str, ...]] = ()):
        self.raw = raw
        self.tables: dict[str, PhraseMatcher] = {}
        self._words = {k: frozenset(normalize(str(w)) for w in v) for k, v in raw.get("words", {}).items()}
        self._prefixes: dict[str, tuple[str, ...]] = {}
        for name, value in raw.items():
            if name in _NOT_PHRASES:
                continue
            pm = PhraseMatcher()
            if isinstance(value, dict):
                for label, phrases in value.items():
                    for p in with_interchangeable(map(str, phrases), interchangeable):
                        pm.add(p, str(label), "name")
            else:
                for p in with_interchangeable(map(str, value), interchangeable):
                    pm.add(p, name, "name")
            self.tables[name] = pm
        self._all = PhraseTables(self.tables)

    def find(self, table: str, tokens: list[Token]) -> list:
        """Matches of ``table``'s phrases in ``tokens`` (``.entity`` is the label)."""
        return self._all.find(table, tokens)

    def labels(self, table: str, tokens: list[Token]) -> list[str]:
        return [m.entity for m in self.find(table, tokens)]

    def words(self, name: str) -> frozenset[str]:
        """The normalised words of ``words: name:`` in the YAML file."""
        return self._words[name]

    def prefixes(self, name: str) -> tuple[str, ...]:
        """The same words as a tuple for ``str.startswith``, for the lists the YAML file marks as
        prefixes (made once a list)."""
        found = self._prefixes.get(name)
        if found is None:
            found = self._prefixes[name] = tuple(sorted(self._words[name]))
        return found


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    return Triggers(load_yaml("triggers.yaml"), Lexicon.default().interchangeable)
