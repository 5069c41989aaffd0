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
from ._context import entity_class, views
from .meetings import meeting_of

__all__ = ["mandates", "commitments"]



@step("mandates", in_genre=True)
def mandates(parsed: Parsed, ctx: Context) -> None:
    """Working groups with their mandate, topic and focus."""
    lex = ctx.lexicon
    trig = triggers()
    groups_word = tuple(normalize(trig.raw["groups_word"]).split())
    topics = {t: (v["group"], [normalize(w) for w in v["words"]]) for t, v in trig.raw["mandate_topics"].items()}
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        groups = [m for m in view.mentions if entity_class(m.entity, lex, parsed) in ("WorkingGroup",)]
        focus = next((m.entity for m in view.mentions if entity_class(m.entity, lex, parsed) == "ArmedGroup"
                      and (lex[m.entity].extra.get("threat") == "affiliate")), None)
        norms = [t.norm for t in view.tokens]
        at = next((i for i in range(len(norms)) if tuple(norms[i:i + len(groups_word)]) == groups_word), None)
        if at is not None:  # "مجموعات العمل ... المعنية بالاتصالات، ومكافحة تمويل داعش": groups by topic
            first, last = view.tokens[at], view.tokens[at + len(groups_word) - 1]
            tail = norms[at:at + 30]
            for topic, (gid, words) in topics.items():
                if gid in lex and any(x.endswith(w) for w in words for x in tail):
                    parsed.facts.append(Mandate(ev, "mandates/groups-by-topic", group=gid, topic=topic,
                                                focus=focus, text=view.sentence.text))
                    parsed.mentions.append(Mention(ev, "mandates/groups-by-topic", entity=gid, start=first.start,
                                                   end=last.end, surface=parsed.doc.text[first.start:last.end],
                                                   how="name"))
        for g in groups:
            e = lex[g.entity]
            parsed.facts.append(Mandate(ev, "mandates/named-group", group=g.entity, topic=e.extra.get("topic"),
                                        focus=focus, text=view.sentence.text))


@step("commitments", in_genre=True)
def commitments(parsed: Parsed, ctx: Context) -> None:
    """Roadmaps, guidelines, goals and policy commitments."""
    lex = ctx.lexicon
    trig = triggers()
    text = parsed.doc.text
    seen: set[tuple[str, str]] = set()
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        held = meeting_of(parsed, view.index)
        meeting = held.key if held else None
        actor = _actor(parsed, lex, view)
        if actor is None and not view.mentions:
            continue  # a sentence naming nobody ("won by two goals to one") commits no one
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
