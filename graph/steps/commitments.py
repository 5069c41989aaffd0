"""Steps ``mandates`` and ``commitments``: what working groups are charged with, and what was committed to.

A working group named in a sentence gets a mandate with the group's topic and
any affiliate it must focus on. The collective form "مجموعات العمل ... المعنية
بالاتصالات، ومكافحة تمويل داعش، والمقاتلين الإرهابيين الأجانب" names the
groups by their topics. Commitments are roadmaps, guidelines, goals and
policies (a political solution under a Security Council resolution, capacity
building, border security ...), with who made them and at which meeting.
"""
from __future__ import annotations

import itertools
import re

from ..facts import Commitment, Evidence, Mandate, Mention, Parsed, PersonRole
from ..pipeline import Context, step
from ..text import normalize
from ..triggers import triggers
from ._context import definite, entity_class, views
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
        elif any(n.startswith(_GROUP_STEM) or n.startswith("و" + _GROUP_STEM) for n in norms):
            # "تعمل مجموعة ثالثة معنية بالمقاتلين الإرهابيين الأجانب ...، ورابعة معنية بالاتصالات": groups
            # the text tells by what they are for, one "معنية ب..." each
            for i, n in enumerate(norms[:-1]):
                if n not in _CONCERNED or not any(
                        w.lstrip("و").startswith(_GROUP_STEM) or w.lstrip("و") in _ANOTHER for w in norms[max(0, i - 2):i]):
                    continue  # (not "مجموعة من الدول المعنية بالاستقرار": the group right before, or "ورابعة")
                nxt = norms[i + 1]
                word = nxt[3:] if nxt.startswith("بال") else nxt[1:] if nxt.startswith("ب") else None
                for topic, (gid, words) in topics.items():
                    if word and gid in lex and any(("ال" + word).endswith(w) or word.endswith(w) for w in words):
                        parsed.facts.append(Mandate(ev, "mandates/group-concerned-with", group=gid, topic=topic,
                                                    focus=focus, text=view.sentence.text))
                        break
        for g in groups:
            e = lex[g.entity]
            parsed.facts.append(Mandate(ev, "mandates/named-group", group=g.entity, topic=e.extra.get("topic"),
                                        focus=focus, text=view.sentence.text))


_BULLETS = frozenset("-–—•*▪·")
_GROUP_STEM = normalize("مجموع")  # مجموعة، مجموعات، مجموعتان
_ANOTHER = frozenset(normalize(w) for w in ("ثانية", "ثالثة", "رابعة", "خامسة", "سادسة", "أخرى"))
_CONCERNED = frozenset(normalize(w) for w in ("معنية", "المعنية", "تعنى", "مختصة", "المختصة"))


@step("commitments", in_genre=True)
def commitments(parsed: Parsed, ctx: Context) -> None:
    """Roadmaps, guidelines, goals and policy commitments."""
    lex = ctx.lexicon
    trig = triggers()
    text = parsed.doc.text
    dangling = trig.words("dangling")
    # what opens the object of a head, by the head's suffix in commitment_heads ("policy-la" -> "la"):
    # (prepositions written apart, words whose first letter is their own, the clitic that opens, words between)
    opens: dict[str, tuple[frozenset[str], tuple[str, ...], str | None, int] | None] = {
        "": (trig.words("commitment_to"), trig.prefixes("own_ba"), "ب", _GAP),
        "la": (frozenset(), trig.prefixes("own_la"), "ل", _GAP),  # the next word with ل
        "an": (trig.words("commitment_that"), (), None, _GAP),  # the clause after أن
        "on": (frozenset({_ON}), (), None, 0),  # على right after the head
        "to": (trig.words("commitment_to") - {_ON}, (), None, _GAP),  # إلى, never a ب ("تتطلع بشكل خاص إلى")
        "obj": None,  # the noun right after the head, past a subject named there
        "into": (frozenset({_TO, normalize("الى")}), (), None, _CLAUSE_GAP),  # what a change is into
        "call": (frozenset({_TO, normalize("الى")}), (), None, _CALL_GAP),  # what a call is for
    }
    seen: dict[tuple[str, str], Commitment] = {}

    def add(ev, rule: str, kind: str, label: str, **more) -> None:
        key = (kind, normalize(label.translate(_NO_QUOTES)).strip())  # (told once with its quotes, once without)
        found = seen.get(key)
        if found is None:
            seen[key] = Commitment(ev, rule, kind=kind, label=label, **more)
            parsed.facts.append(seen[key])
        elif found.actor is None and more.get("actor") and found.evidence == ev:
            # told twice in a sentence, and the second head names who ("وأكد الوزير التزام الأردن بمواصلة")
            found.actor = more["actor"]

    listing = None  # (actor, meeting) of a commitment whose sentence opens a list with ":"
    for view in views(parsed):
        ev = Evidence.of(view.sentence)
        item = view.sentence.text.lstrip()
        if listing is not None and item[:1] in _BULLETS:
            # "اتفقت الدول المشاركة على ...، بما يشمل: - وقف تدفق المقاتلين الأجانب؛ - مكافحة تمويل التنظيم؛":
            # each item of the list is a commitment of its own
            label = item[1:].strip().rstrip("؛;.،, ")
            if label:
                add(ev, "commitments/listed", "policy", label, actor=listing[0], meeting=listing[1])
            continue
        listing = None
        before = len(parsed.facts)
        held = meeting_of(parsed, view.index)
        meeting = held.key if held else None
        named = _actors(parsed, lex, view, held is not None)
        # a sentence naming nobody ("won by two goals to one") commits no one by a single word; a phrase
        # ("واعتمد المشاركون خطة عمل للمرحلة المقبلة") needs no name
        for m in trig.find("commitments", view.tokens):
            actor = _actor(view, named, m.start, m.end)
            if not (actor or view.mentions) and m.j - m.i < 2:
                continue
            if m.j - m.i == 1 and m.i > 0 and definite(view.tokens[m.i]) and (
                    definite(view.tokens[m.i - 1]) or view.tokens[m.i - 1].norm.endswith(("ه", "ها", "هم", "نا"))):
                continue  # "الشراكة الاستراتيجية"، "شراكته الاستراتيجية": an adjective after its noun commits to nothing
            add(ev, f"commitments/{m.entity}-word", m.entity, _phrase(text, m.start, view.sentence.end),
                actor=actor, meeting=meeting)
        opened: set[int] = set()  # where the objects of heads start
        for m in trig.find("commitment_heads", view.tokens):
            kind, _, how = m.entity.partition("-")
            if how == "call" and held is None and not any(
                    entity_class(x.entity, lex, parsed) in ("Coalition", "CoalitionBody") for x in view.mentions):
                continue  # a call commits only at a meeting of the coalition, or when the coalition calls
            opening = opens[how]
            if opening is None:
                span = _direct_object(view, m.j, dangling)
            else:
                to, own, clitic, gap = opening
                span = _committed_to(view, m.j, to, own, dangling, clitic, gap)
            if span is not None:
                opened.add(span[0])
                add(ev, f"commitments/{kind}-to", kind, text[span[0]:span[1]], actor=_actor(view, named, m.start, m.end),
                    meeting=meeting)
        ends = _mission_ends(view, trig, parsed.doc.published)
        if ends is not None:
            span = _object_span(view, ends, dangling)
            if span is not None:
                add(ev, "commitments/mission-ends", "roadmap", text[span[0]:span[1]],
                    actor=_actor(view, named, ends, ends), meeting=meeting)
        for rule, kind, who, start in _needs_and_duties(view, lex, parsed, trig):
            span = None if start in opened else _object_span(view, start, dangling)
            actor = who or _actor(view, named, start, start)
            if span is not None and (actor or view.mentions):
                add(ev, f"commitments/{rule}", kind, text[span[0]:span[1]], actor=actor, meeting=meeting)
        for m in view.mentions:
            if entity_class(m.entity, lex, parsed) == "Resolution":
                add(ev, "commitments/resolution", "policy", m.surface, actor=_actor(view, named, m.start, m.end),
                    object=m.entity, meeting=meeting)
        made = [f for f in parsed.facts[before:] if isinstance(f, Commitment)]
        if made and view.sentence.text.rstrip().endswith(":"):
            listing = (made[0].actor, meeting)


def _actors(parsed: Parsed, lex, view, at_a_meeting: bool) -> tuple[str | None, list, bool]:
    """Who may commit in a sentence: the affiliation of a person whose office it names; the states,
    the coalition and its bodies it names; and whether the sentence tells of a meeting of the coalition
    (where the partners together, or the meeting itself, speak for it)."""
    office = next((f.affiliation for f in parsed.facts_of(PersonRole)
                   if f.evidence.sentence == view.index and f.affiliation), None)
    # (and a state's adjective on a noun of commitment: "تتضمن الالتزامات السورية بموجب الإعلان:")
    return office, [m for m in view.mentions if (m.how == "name" or (
        m.how == "adjective" and view.token_at(m.start) > 0 and view.tokens[view.token_at(m.start) - 1].norm in _PLEDGES))
                    and entity_class(m.entity, lex, parsed) in ("Coalition", "Country", "CoalitionBody")], at_a_meeting


_PLEDGES = frozenset(normalize(w) for w in ("الالتزامات", "التزامات", "الالتزام", "التعهدات", "تعهدات", "التعهد"))


_COLLECTIVE = triggers().words("collective_subjects")
_SAID_THAT = frozenset(normalize(w) for w in ("إن", "أن", "بأن", "وإن", "وأن"))


def _actor(view, named: tuple[str | None, list, bool], start: int, end: int) -> str | None:
    """Who commits to what is said at ``start``-``end``: the official's state; else the first state or
    body named before it (the subject: "وأكدت فرنسا التزامها"); else one named right after the head
    word, within a word ("وتعهدت فرنسا بـ"، "التزام التحالف بـ"). At a meeting of the coalition, the
    partners together or the meeting itself, written next to the words ("وتعهد المشاركون بـ"، "وأكد
    الاجتماع على"), are the coalition. A state named further on, in another clause ("... فيما رحب الاجتماع
    بانضمام زامبيا"), is not the one bound."""
    office, names, at_a_meeting = named
    toks, at = view.tokens, view.token_at(start)
    if office:
        # what the official said another commits to, named right after إن/أن: "قال السفير فلان إن "التحالف
        # الدولي ... سيبقى ملتزما بمنع" (not "وأن التعاون مع دول التحالف سيستمر": what the official's state does)
        said = max((k for k in range(at) if toks[k].norm in _SAID_THAT), default=None)
        inner = [m for m in names if said is not None and toks[said].start < m.start and m.end <= start
                 and view.token_at(m.start) - said <= 2]
        return inner[0].entity if inner else office
    after = view.token_at(end - 1) + 1
    text = view.sentence.text
    base = view.sentence.start

    def next_to(k: int) -> bool:  # nothing but a space between word k and the words at ``at``
        a, b = min(k, at), max(k, at)
        return not text[toks[a].end - base:toks[b].start - base].strip()

    if at_a_meeting and any(0 <= k < len(toks) and toks[k].norm in _COLLECTIVE and next_to(k) for k in (at - 1, after)):
        return "COALITION"  # "وتعهد المشاركون بـ"، "التزام الشركاء بـ": the partners together
    before = next((m.entity for m in names if m.end <= start), None)
    if before:
        return before
    return next((m.entity for m in names if m.start >= end and view.token_at(m.start) <= after + 1), None)


_GAP = 3  # words between a commitment head and its preposition ("التزام الأعضاء بمواصلة")
_OBJECT_WORDS = 20
_WORD = re.compile(r"\S+")
# a comma goes on only into a list: "، وX"، "، بما في ذلك X"
_OBJECT_END = re.compile(r"[.؛;:(]|[،,](?!\s*(?:و|بما في ذلك))")


_ON = normalize("على")
_IN = normalize("في")
# who may be bound by "على X أن …" ("X must …")
_BOUND = frozenset({"Country", "Coalition", "CoalitionBody", "InternationalOrganization", "GovernmentBody",
                    "WorkingGroup"})


_NO_QUOTES = str.maketrans("", "", "«»“”\"")
_TO = normalize("إلى")
_CLAUSE_GAP = 10  # words between a head of change and its إلى ("وستنتقل العلاقة ...، بعد انتهاء المهمة، إلى")
_CALL_GAP = 24  # words between a call and its إلى: who calls and who is called on, with a clause between
_MISSION_REACH = 6  # words between a mission and the word of its end


def _mission_ends(view, trig, published: str | None) -> int | None:
    """Where a mission's end to come is told, a roadmap ("تنتهي المهمة العسكرية للتحالف ... بحلول نهاية أيلول
    2025"، "المهمة العسكرية ... ستنتهي على مرحلتين"): a word of ending or passing on a few words from a
    mission, in a sentence with a date after the day of the report or with the end in the future tense.
    The document offset of whichever of the two comes first; ``None`` when the sentence tells none."""
    ends = trig.find("mission_end", view.tokens)
    if not ends:
        return None
    missions = trig.find("missions", view.tokens)
    if not missions:
        return None
    future = any(t.norm.startswith(("ست", "سي")) for e in ends for t in view.tokens[e.i:e.j]) or (
        published is not None and any(d.value and d.value > published[:len(d.value)] for d in view.dates))
    if not future:
        return None
    pairs = [(abs(e.i - m.i), min(e.i, m.i)) for e in ends for m in missions if abs(e.i - m.i) <= _MISSION_REACH]
    if not pairs:
        return None
    first = view.tokens[min(pairs)[1]]
    # past a preposition written on the word ("لانتهاء المهمة"، "بإنهاء"; not "للمهمة", whose ل holds the article)
    if first.surface[:1] in "لب" and normalize(first.surface[1:]) in _ENDS_OR_MISSIONS:
        return first.start + 1
    return first.start


_ENDS_OR_MISSIONS = frozenset(normalize(w.split()[0]) for table in ("missions", "mission_end")
                              for w in triggers().raw[table])


def _needs_and_duties(view, lex, parsed: Parsed, trig) -> list[tuple[str, str, str | None, int]]:
    """Commitments said without a head word: (rule, kind, who is bound or None, where the object starts).

    - "the need to": "ضرورة" and what follows it, a goal of whoever the sentence names;
    - a duty: "على" + a state or body + "أن" + the clause ("إن على كندا أن تعمل مع حلفائها"), bound on that
      state or body (a word may come between: "على العراق الآن أن")."""
    toks = view.tokens
    out: list[tuple[str, str, str | None, int]] = []
    need, that = trig.words("need"), trig.words("commitment_that")
    for k, tok in enumerate(toks):
        if tok.norm in need and k + 1 < len(toks):
            out.append(("need", "goal", None, tok.start))
        elif tok.norm == _ON and k + 1 < len(toks):
            named = next((m for m in view.mentions if m.start == toks[k + 1].start and m.how == "name"
                          and entity_class(m.entity, lex, parsed) in _BOUND), None)
            if named is None:
                continue
            after = next((j for j in range(k + 1, len(toks)) if toks[j].start >= named.end), len(toks))
            for j in range(after, min(after + 2, len(toks) - 1)):  # the name, at most a word, then أن
                if toks[j].norm in that and not toks[j].surface.startswith("إ"):  # not إن ("indeed")
                    if "،" not in view.sentence.text[named.end - view.sentence.start:toks[j].start - view.sentence.start]:
                        out.append(("duty", "policy", named.entity, toks[j + 1].start))  # "على منصة X، أن": said there
                    break
    return out


def _committed_to(view, after: int, to: frozenset[str], own_ba: tuple[str, ...],
                  dangling: frozenset[str], clitic: str | None = "ب", gap: int = _GAP) -> tuple[int, int] | None:
    """Document offsets of what a commitment head before token ``after`` commits to: from the word
    after its preposition (or from the word that carries ``clitic``, ب or ل, unless that letter is
    the word's own: ``own_ba``) to the end of the clause, a list joined by "، و" included, at most
    ``_OBJECT_WORDS`` words; ``None`` without a preposition, or when what follows is money (a pledge
    of funds is funding, not a commitment)."""
    toks = view.tokens
    start = None
    limit = after + gap + 1
    for k in range(after, len(toks)):
        if k >= limit:
            break
        norm = toks[k].norm
        if norm == _IN and limit == after + gap + 1:
            limit += 2  # where it was said, in between: "وتعهد الوزراء في البيان الختامي بمواصلة"
        if (norm in to or (norm == clitic == "ب" and toks[k].surface != clitic)) and k + 1 < len(toks):  # "بـ«العمل المشترك»"
            start = toks[k + 1].start
            break
        if (clitic and norm.startswith(clitic) and len(norm) >= 4 and toks[k].surface.startswith(clitic)
                and not norm.startswith(own_ba) and not _named(view, toks[k])):
            start = toks[k].start + (0 if norm.startswith("لل") else 1)  # "للحد من": the article is in the ل
            break
    if start is None:
        return None
    return _object_span(view, start, dangling)


def _direct_object(view, after: int, dangling: frozenset[str]) -> tuple[int, int] | None:
    """Document offsets of the object of a verb ending before token ``after``: from the first word that
    no name found in the sentence covers (the subject, "سيواصل التحالف الدولي"), within a few words; ``None``
    when the clause ends first, or the word is a preposition or particle rather than a noun."""
    toks = view.tokens
    k = after
    while k < min(len(toks), after + _GAP + 1) and _named(view, toks[k]):
        k += 1
    if k >= len(toks) or k > after + _GAP or toks[k].norm in _NOT_OBJECTS:
        return None
    between = view.sentence.text[toks[k - 1].end - view.sentence.start:toks[k].start - view.sentence.start].strip()
    if between and _OBJECT_END.match(between):
        return None  # a comma or stop between: the clause ended
    return _object_span(view, toks[k].start, dangling)


_NOT_OBJECTS = frozenset(normalize(w) for w in ("في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "بعد",
                                                "قبل", "حتى", "خلال", "كما", "لا", "لم", "لن", "قد", "ما"))


def _object_span(view, start: int, dangling: frozenset[str]) -> tuple[int, int] | None:
    """Document offsets of an object that starts at ``start``: to the end of its clause (see
    ``_committed_to``), ``None`` when nothing is left or it is money."""
    rest = view.sentence.text[start - view.sentence.start:]
    cut = _OBJECT_END.search(rest)
    if cut:
        rest = rest[:cut.start()]
    words = list(itertools.islice(_WORD.finditer(rest), _OBJECT_WORDS))
    while words and normalize(words[-1].group()) in dangling:
        words.pop()
    if not words:
        return None
    end = start + len(words[-1].group().rstrip("،,")) + words[-1].start()  # cut by the limit: no comma left
    span = view.sentence.text[start - view.sentence.start:end - view.sentence.start]
    if start > view.sentence.start and view.sentence.text[start - view.sentence.start - 1] in "«“" and (
            span.count("»") + span.count("”") > span.count("«") + span.count("“")):
        start -= 1  # the quotation opened just before it and closed in it: "إلى «تسريع إعادة رعاياها» من المخيمات"
    else:
        end = _without_unopened_quote(span, end)
    if any(q.currency and start <= q.start < end for q in view.quantities):
        return None
    return start, end


def _without_unopened_quote(span: str, end: int) -> int:
    """``end`` moved back over a closing quote the span never opened (a quotation that began before the
    object: "إن واشنطن «ستواصل العمل مع ...»")."""
    while span and ((span[-1] in "»”" and span.count("«") + span.count("“") < span.count("»") + span.count("”"))
                    or (span[-1] == '"' and span.count('"') % 2)):
        span, end = span[:-1], end - 1
    return end


def _named(view, tok) -> bool:
    """Whether ``tok`` is inside a name found in its sentence ("بريطانيا" is no object with ب)."""
    return any(m.start < tok.end and tok.start < m.end for m in view.mentions)


def _phrase(text: str, start: int, limit: int, words: int = 8) -> str:
    rest = text[start:limit]
    for stop in ("،", ",", ".", "؛", ":"):
        k = rest.find(stop)
        if k > 0:
            rest = rest[:k]
    return " ".join(rest.split()[:words])
