"""Typed fact records: what extraction finds, before it becomes RDF.

Every record carries its :class:`Evidence` (the sentence and its offsets in the
document) and the name of the rule that produced it. Entities are referred to
by key: a lexicon identifier (``FRA``, ``COALITION``) or a key minted for an
entity found from the language (``person:...``), registered in
:attr:`Parsed.entities`. Dates are strings at the precision the text gives:
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from .ingest import Document
from .text import Sentence, Token

__all__ = [
    "Evidence", "Fact", "Mention", "DateMention", "Quantity", "NewEntity",
    "PersonRole", "Meeting", "Participation", "Join", "CoalitionSize", "Funding",
    "Mandate", "Threat", "Attack", "Commitment", "Parsed",
]


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from: ``document.text[start:end] == text``."""

    sentence: int
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, s: Sentence) -> "Evidence":
        return cls(s.index, s.start, s.end, s.text)


@dataclass
class Fact:
    """Base of all extracted facts."""

    kind_name: ClassVar[str] = "fact"
    evidence: Evidence
    rule: str


@dataclass
class Mention(Fact):
    """An entity named in a sentence, at characters ``[start, end)``."""

    kind_name: ClassVar[str] = "mention"
    entity: str = ""
    start: int = 0
    end: int = 0
    surface: str = ""
    how: str = "name"  # name, adjective, surname


@dataclass
class DateMention(Fact):
    """A date expression: ``value`` at its precision, ``end`` for a range."""

    kind_name: ClassVar[str] = "date"
    value: str | None = None
    end_value: str | None = None
    start: int = 0
    end: int = 0
    surface: str = ""
    relative: bool = False


@dataclass
class Quantity(Fact):
    """A number in the text, with its scale applied; ``currency`` for money."""

    kind_name: ClassVar[str] = "quantity"
    value: float = 0.0
    start: int = 0
    end: int = 0
    surface: str = ""
    currency: str | None = None
    qualifier: str = "exact"
    ordinal: bool = False


@dataclass
class NewEntity:
    """An entity the lexicon does not know, found from the language."""

    key: str
    cls: str
    label_ar: str
    label_en: str | None = None


@dataclass
class PersonRole(Fact):
    kind_name: ClassVar[str] = "position"
    person: str = ""
    role_ar: str | None = None
    role_en: str | None = None
    affiliation: str | None = None


@dataclass
class Meeting(Fact):
    kind_name: ClassVar[str] = "meeting"
    key: str = ""
    kind: str = "other"
    place: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    virtual: bool = False
    label: str = ""


@dataclass
class Participation(Fact):
    kind_name: ClassVar[str] = "participation"
    meeting: str = ""
    actor: str = ""
    role: str = "attendee"


@dataclass
class Join(Fact):
    kind_name: ClassVar[str] = "membership"
    member: str = ""
    meeting: str | None = None
    date: str | None = None


@dataclass
class CoalitionSize(Fact):
    kind_name: ClassVar[str] = "size"
    count: int = 0
    as_of: str | None = None


@dataclass
class Funding(Fact):
    kind_name: ClassVar[str] = "funding"
    kind: str = "pledge"
    amount: float = 0.0
    currency: str = "USD"
    qualifier: str = "exact"
    donor: str | None = None
    beneficiaries: list[str] = field(default_factory=list)
    purpose: str | None = None
    year: str | None = None


@dataclass
class Mandate(Fact):
    kind_name: ClassVar[str] = "mandate"
    group: str = ""
    topic: str | None = None
    focus: str | None = None
    text: str = ""


@dataclass
class Threat(Fact):
    kind_name: ClassVar[str] = "threat"
    kind: str = "isis"
    actor: str | None = None
    region: str | None = None


@dataclass
class Attack(Fact):
    kind_name: ClassVar[str] = "attack"
    perpetrator: str | None = None
    place: str | None = None
    date: str | None = None


@dataclass
class Commitment(Fact):
    kind_name: ClassVar[str] = "commitment"
    kind: str = "policy"
    label: str = ""
    actor: str | None = None
    object: str | None = None
    meeting: str | None = None


@dataclass
class Parsed:
    """A document as the pipeline sees it: sentences, tokens and the facts found so far."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[list[Token]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # states a body's name names by their adjective ("البرلمان البريطاني"): the document mentions them, but no
    # rule reads them as actors of their own
    implied: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    entities: dict[str, NewEntity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    dateline: str | None = None  # the place a report was filed from: "لندن - (وكالات)"

    def facts_of(self, cls: type) -> list:
        return [f for f in self.facts if isinstance(f, cls)]
