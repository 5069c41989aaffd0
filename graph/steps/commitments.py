"""Steps ``mandates`` and ``commitments``: what working groups are charged with, and what was committed to.

A working group named in a sentence gets a mandate with the group's topic and
any affiliate it must focus on. The collective form "مجموعات العمل ... المعنية
بالاتصالات، ومكافحة تمويل داعش، والمقاتلين الإرهابيين الأجانب" names the
groups by their topics. Commitments are roadmaps, guidelines, goals and
policies (a political solution under a Security Council resolution, capacity
building, border security ...), with who made them and at which meeting.
"""
from __future__ import annotations

from ..facts import Commitment, Evidence, Mandate, Mention, Parsed, PersonRole
from ..pipeline import Context, step
from ..text import normalize
from ..triggers import triggers
from ._context import entity_class, in_genre, views
from .meetings import meeting_of

__all__ = ["mandates", "commitments"]

_TOPIC_WORDS = {
    "communications": ("اتصالات", "الاتصالات", "بالاتصالات"),
    "counter-finance": ("تمويل",),
    "foreign-terrorist-fighters": ("المقاتلين", "مقاتلين", "سفر"),
    "stabilization": ("الاستقرار", "استقرار"),
}
_GROUPS_WORD = normalize("مجموعات العمل")


@step("mandates")
def mandates(parsed: Parsed, ctx: Context) -> None:
    """Working groups with their mandate, topic and focus."""
    lex = ctx.lexicon
    if not in_genre(parsed, lex):
        return
    by_topic = {e.extra.get("topic"): e.id for e in lex.entries.values()
                if e.cls == "WorkingGroup" and e.extra.get("topic") and not e.extra.get("topic_alias")}
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        groups = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in ("WorkingGroup",)]
        focus = next((m.entity for m in view.mentions if entity_class(m.entity, lex, parsed) == "ArmedGroup"
                      and (lex[m.entity].extra.get("threat") == "affiliate")), None)
        norm = " ".join(t.norm for t in view.tokens)
        if _GROUPS_WORD in norm:
            k = norm.index(_GROUPS_WORD)
            tail = norm[k:k + 160]
            for topic, words in _TOPIC_WORDS.items():
                gid = _group_for(topic, by_topic, lex)
                if gid and any(w in tail.split() or any(x.endswith(w) for x in tail.split()) for w in words):
                    parsed.facts.append(Mandate(ev, "mandates/groups-by-topic", group=gid, topic=topic,
                                                focus=focus, text=view.sentence.text))
                    parsed.mentions.append(Mention(ev, "mandates/groups-by-topic", entity=gid,
                                                   start=view.sentence.start, end=view.sentence.start,
                                                   surface="مجموعات العمل", how="name"))
        for g in groups:
            e = lex[g.entity]
            parsed.facts.append(Mandate(ev, "mandates/named-group", group=g.entity, topic=e.extra.get("topic"),
                                        focus=focus, text=view.sentence.text))


def _group_for(topic: str, by_topic: dict, lex) -> str | None:
    if topic == "foreign-terrorist-fighters":
        for e in lex.entries.values():
            if e.cls == "WorkingGroup" and e.extra.get("topic") == topic and "fighter" in (e.en or "").lower():
                return e.id
    return by_topic.get(topic)


@step("commitments")
def commitments(parsed: Parsed, ctx: Context) -> None:
    """Roadmaps, guidelines, goals and policy commitments."""
    lex = ctx.lexicon
    if not in_genre(parsed, lex):
        return
    trig = triggers()
    text = parsed.doc.text
    seen: set[tuple[str, str]] = set()
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        held = meeting_of(parsed, view.index)
        meeting = held.key if held else None
        actor = _actor(parsed, lex, view)
        for m in trig.find("commitments", view.tokens):
            label = _phrase(text, m.start, view.sentence.end)
            if (m.entity, normalize(label)) in seen:
                continue
            seen.add((m.entity, normalize(label)))
            parsed.facts.append(Commitment(ev, f"commitments/{m.entity}-word", kind=m.entity, label=label,
                                           actor=actor, meeting=meeting))
        for m in view.mentions:
            if entity_class(m.entity, lex, parsed) == "Resolution":
                label = m.surface
                if ("policy", normalize(label)) in seen:
                    continue
                seen.add(("policy", normalize(label)))
                parsed.facts.append(Commitment(ev, "commitments/resolution", kind="policy", label=label,
                                               actor=actor, object=m.entity, meeting=meeting))


def _actor(parsed: Parsed, lex, view) -> str | None:
    for f in parsed.facts_of(PersonRole):
        if f.evidence.sentence == view.index and f.affiliation:
            return f.affiliation
    for m in view.mentions:
        if entity_class(m.entity, lex, parsed) in ("Coalition", "Country", "CoalitionBody") and m.how == "name":
            return m.entity
    return None


def _phrase(text: str, start: int, limit: int, words: int = 8) -> str:
    rest = text[start:limit]
    for stop in ("،", ",", ".", "؛", ":"):
        k = rest.find(stop)
        if k > 0:
            rest = rest[:k]
    return " ".join(rest.split()[:words])
