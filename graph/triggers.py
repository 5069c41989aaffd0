"""Trigger-word tables from ``graph/data/triggers.yaml``, compiled into phrase matchers."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from .lexicon import PhraseMatcher, _sentence_variants
from .text import Token, normalize

__all__ = ["Triggers", "triggers"]


_NOT_PHRASES = ("words", "mandate_topics", "groups_word")


class Triggers:
    """Each phrase table of the YAML file as a :class:`PhraseMatcher` whose keys are the table's
    labels, and its ``words`` as sets of normalised words."""

    def __init__(self, raw: dict):
        self.raw = raw
        self.tables: dict[str, PhraseMatcher] = {}
        self._words = {k: frozenset(normalize(str(w)) for w in v) for k, v in raw.get("words", {}).items()}
        for name, value in raw.items():
            if name in _NOT_PHRASES:
                continue
            pm = PhraseMatcher()
            if isinstance(value, dict):
                for label, phrases in value.items():
                    for p in phrases:
                        pm.add(str(p), str(label), "name")
            else:
                for p in value:
                    pm.add(str(p), name, "name")
            self.tables[name] = pm
        # Which tables a phrase may start with a given word (or, for "word*" phrases, two letters):
        # a step asks a dozen tables about each sentence, and most have nothing there.
        self._first: dict[str, set[str]] = {}
        self._starred: dict[str, list[tuple[str, str]]] = {}
        for name, pm in self.tables.items():
            for word in pm._index:
                self._first.setdefault(word, set()).add(name)
            for head, entries in pm._prefix.items():
                self._starred.setdefault(head, []).extend((pre, name) for pre, _, _, _ in entries)
        self._present: dict[int, tuple[list[Token], int, set[str]]] = {}

    def _tables_in(self, tokens: list[Token]) -> set[str]:
        """The tables one of whose phrases may start somewhere in ``tokens`` (kept for the last sentences)."""
        hit = self._present.get(id(tokens))
        if hit is not None and hit[0] is tokens and hit[1] == len(tokens):
            return hit[2]
        _, at, heads = _sentence_variants(tokens)
        present: set[str] = set()
        for form in self._first.keys() & at.keys():
            present |= self._first[form]
        for head in self._starred.keys() & heads.keys():
            for pre, name in self._starred[head]:
                if name not in present and any(form.startswith(pre) for form in heads[head]):
                    present.add(name)
        if len(self._present) >= 512:
            del self._present[next(iter(self._present))]
        self._present[id(tokens)] = (tokens, len(tokens), present)
        return present

    def find(self, table: str, tokens: list[Token]) -> list:
        """Matches of ``table``'s phrases in ``tokens`` (``.entity`` is the label)."""
        if table not in self._tables_in(tokens):
            if table not in self.tables:
                raise KeyError(table)
            return []
        return self.tables[table].match(tokens)

    def labels(self, table: str, tokens: list[Token]) -> list[str]:
        return [m.entity for m in self.find(table, tokens)]

    def words(self, name: str) -> frozenset[str]:
        """The normalised words of ``words: name:`` in the YAML file."""
        return self._words[name]


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    with resources.files("graph.data").joinpath("triggers.yaml").open(encoding="utf-8") as fh:
        return Triggers(yaml.safe_load(fh))
