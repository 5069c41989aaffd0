"""Step ``unasserted``: facts read from sentences the text does not assert are dropped.

Three kinds of sentence tell facts their text does not stand behind:

- a correction's account of what an earlier version got wrong ("ورد في النسخة الأولى من هذا الخبر أن سوريا
  أصبحت العضو التاسع والثمانين ..." before "والصحيح أن ...");
- a question ("هل انضمت روسيا إلى التحالف الدولي؟");
- a claim that goes round, quoted after the words that say so ("تتداول صفحات ... منشوراً يقول: «قمة لقادة 120
  دولة ...»"، "الادعاء الثاني: «...»").

Every rule reads such a sentence as a statement; this step, run last, takes back what was read from it: the
meetings, participations, joins, counts, sums, attacks and commitments whose evidence it is. The meetings step
asks first and tells no meeting from it, so that later sentences do not attach to one. The entities such a
sentence names stay mentioned, and the threats it raises and the titles it gives stay too. A correction that
also holds the corrected account ("... ، والصحيح أن ...") is left whole: its two halves cannot be told apart
by sentence.

Within a sentence the text does assert, a part may still not be: the error half of a correction that holds
both ("ذكرت النسخة الأولى أن ألمانيا تعهدت بمبلغ 21 مليون يورو، والصحيح 12 مليون يورو"), what a denial
denies ("نفى مصدر ... صحة أرقام تداولتها بعض المواقع عن تعهد سعودي بمئة مليون دولار"), and what a verb of a
report going round tells ("تداولت مواقع خبراً عن هجوم ..."). ``error_half``, ``in_the_error``, ``denied`` and
``passed_round`` say so of an offset, for the steps that read joins, participants, sums and attacks.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..facts import Commitment, Join, Meeting, Parsed, Participation, PersonRole, Threat
from ..pipeline import Context, step
from ..text import Sentence, Token, strip_clitics
from ..triggers import triggers

__all__ = ["denied", "error_half", "in_the_error", "passed_round", "unasserted", "unasserted_sentences",
           "quoted_claim"]

# how far after the verb of saying its error or the earlier version may stand ("ورد في النسخة الأولى")
_REACH = 6
# facts that stay whatever sentence they came from: what the text presupposes or raises even in a question
# ("هل ما زالت العبوات الناسفة تمثل خطراً؟" raises a threat the answer then takes up; "هل سيزور الوزير بلينكن
# بغداد؟" names a minister as one). (Mentions, dates and numbers are kept apart from the facts and stay anyway.)
_NAMED = (Threat, PersonRole)


def _has(tok: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(strip_clitics(tok.norm))


# what a correction's sentence must hold somewhere, looked for in the text before its words are: a version
# (نسخة، طبعة) or an error (خطأ، سهواً)
_CORRECTION_HINT = re.compile("نسخ|طبع|خط[أإا]|خطئ|سهو")


def _restates_an_error(sentence: Sentence, toks: list[Token]) -> bool:
    """A correction's account of an earlier version's error: a verb of saying, then within a few words the
    error named ("ذكرنا خطأً أن") or an earlier version of this very text ("في النسخة الأولى من هذا الخبر"; not
    of a strategy or a plan)."""
    if not _CORRECTION_HINT.search(sentence.text):
        return False
    trig = triggers()
    said, in_error, version, earlier, this = (trig.words(w) for w in ("said_before", "in_error", "version", "earlier",
                                                                     "demonstratives"))
    if any(_has(t, trig.words("corrected")) for t in toks):
        return False
    for i, t in enumerate(toks):
        if not _has(t, said):
            continue
        ahead = toks[i + 1:i + 1 + _REACH]
        if any(_has(a, in_error) for a in ahead):
            return True
        for k, a in enumerate(ahead[:-1]):
            if _has(a, version) and ahead[k + 1].norm in earlier and any(
                    b.norm in this for b in toks[i + k + 3:i + k + 5]):
                return True
    return False


def _asks(sentence: Sentence, toks: list[Token]) -> bool:
    """A question: it opens with هل (or a label does: "تحقق | هل ...") and ends with a question mark."""
    if not sentence.text.rstrip(" »\"”").endswith(("؟", "?")):
        return False
    label = max(sentence.text.find("|", 0, _LABEL), sentence.text.find(":", 0, _LABEL))
    first = next((t for t in toks if t.start > sentence.start + label), None)
    return first is not None and first.norm in triggers().words("question")


_LABEL = 30  # how long a label before a headline may be ("تحقق | "، "سؤال القارئ: ")


def quoted_claim(sentence: Sentence, toks: list[Token], at: int) -> bool:
    """Whether the document offset ``at`` is inside a quotation that a word of claiming, or of a claim going
    round, introduces before it in the sentence, or that the sentence calls false ("مقطع «الهجوم في
    كوبنهاغن» مضلل")."""
    text, s = sentence.text, sentence.start
    opened = text.rfind("«", 0, at - s)
    if opened < 0 or text.rfind("»", 0, at - s) > opened:
        return False
    trig = triggers()
    claims, false = trig.words("claims") | trig.words("goes_round"), trig.words("false_words")
    return any(_has(t, claims) for t in toks if t.start < s + opened) or any(_has(t, false) for t in toks)


def error_half(toks: list[Token]) -> tuple[int, int] | None:
    """Where the half of a correction that restates the error lies, as document offsets: from the first verb
    of saying it earlier to the last words that give the right account ("ذكرنا في تدوينة الساعة 10:05 أن
    كازاخستان انضمت إلى التحالف، والصحيح أن وفدها يشارك ... بصفة مراقب"); None in a sentence with no such
    half. Worked out once a sentence by the steps that test many offsets in it."""
    trig = triggers()
    said, corrected = trig.words("said_before"), trig.words("corrected")
    first = next((t.start for t in toks if _has(t, said)), None)
    if first is None:
        return None
    # the right account joined to the error ("، والصحيح أن ...") or opening a clause on it ("الصحيح أنه ..."; not
    # "في الاتجاه الصحيح"), or "وهذا غير صحيح" closing it ("ورد ... أن الاجتماع رحّب بانضمام أذربيجان إلى
    # التحالف، وهذا غير صحيح")
    last = max((t.start for k, t in enumerate(toks)
                if (t.norm in corrected and (t.norm.startswith("و") or (k + 1 < len(toks) and toks[k + 1].norm in _THAT)))
                or (t.norm == _TRUE and k > 1 and toks[k - 1].norm == _NOT and toks[k - 2].norm in _THIS)), default=None)
    return (first, last) if last is not None and last > first else None


def in_the_error(toks: list[Token], at: int) -> bool:
    """Whether the document offset ``at`` is in the error half of a correction (see :func:`error_half`)."""
    half = error_half(toks)
    return half is not None and half[0] < at < half[1]


_TRUE, _NOT = "صحيح", "غير"
_THAT = frozenset({"ان", "انه", "انها"})
_THIS = frozenset({"هذا", "وهذا", "ذلك", "وذلك", "وهو", "هو"})


def passed_round(toks: list[Token], at: int) -> bool:
    """Whether what stands at the document offset ``at`` is told as a report going round, by a verb of it
    before it in the sentence: "تداولت مواقع خبراً عن هجوم لداعش على مخزن عتاد في الطارمية" (not the
    participle, "الأرقام المتداولة", which only describes)."""
    going = triggers().words("goes_round")
    return any(t.start < at and t.norm in going and not t.norm.startswith(("م", "الم")) for t in toks)


def denied(toks: list[Token], at: int) -> bool:
    """Whether what stands at the document offset ``at`` is denied: a word of denial before it in the sentence,
    then what it denies ("صحة"، "أنباء") or a word of a claim going round ("نفى مصدر ... صحة أرقام تداولتها
    بعض المواقع عن تعهد سعودي بمئة مليون دولار")."""
    trig = triggers()
    said, what = trig.words("denied"), trig.words("denied_what") | trig.words("goes_round") | trig.words("claims")
    for i, t in enumerate(toks):
        if t.start >= at:
            return _denied_after(toks, i, said, trig)
        if t.norm in said:
            return any(u.start < at and _has(u, what) for u in toks[i + 1:i + 1 + _REACH])
    return False


def _denied_after(toks: list[Token], i: int, said: frozenset[str], trig) -> bool:
    """What the text reports as said by others before token ``i`` ("ما نشرته وسائل إعلام عن ...") and
    then denies, pointing back ("... فقد نفت سفارة جمهورية كوريا في بغداد صحته")."""
    if not any(t.norm in _WHAT and u.norm.startswith(_reported()) for t, u in zip(toks[:i], toks[1:i])):
        return False
    return any(t.norm in said and any(u.norm in trig.words("denied_it") for u in toks[k + 1:k + 1 + _REACH])
               for k, t in enumerate(toks[i:], i))


_WHAT = frozenset({"ما"})


@lru_cache(maxsize=1)
def _reported() -> tuple[str, ...]:
    """The words of saying or of a report going round, as prefixes ("ما نشرته"، "ما تداولته")."""
    trig = triggers()
    return tuple(sorted(trig.words("said_before") | trig.words("goes_round")))


def _quotes_a_claim(sentence: Sentence, toks: list[Token]) -> bool:
    """A sentence whose text is mostly a claim it quotes: a quotation a word of claiming introduces, which
    holds more than half of the sentence."""
    text = sentence.text
    opened = text.find("«")
    if opened < 0:
        return False
    closed = text.find("»", opened)
    closed = len(text) if closed < 0 else closed
    return 2 * (closed - opened) > len(text) and quoted_claim(sentence, toks, sentence.start + opened + 1)


def unasserted_sentences(parsed: Parsed) -> set[int]:
    """The indices of the sentences the text does not assert (worked out once per document)."""
    found = getattr(parsed, "_unasserted", None)
    if found is None:
        found = parsed._unasserted = {  # type: ignore[attr-defined]
            s.index for s, toks in zip(parsed.sentences, parsed.tokens)
            if _asks(s, toks) or _quotes_a_claim(s, toks) or _restates_an_error(s, toks)}
    return found


@step("unasserted")
def unasserted(parsed: Parsed, ctx: Context) -> None:
    """Drop the facts read from sentences the text does not assert, and what hangs on the meetings they told."""
    gone = unasserted_sentences(parsed)
    if not gone:
        return
    taken_back = [f for f in parsed.facts if f.evidence.sentence in gone and not isinstance(f, _NAMED)]
    # a meeting told only in such a sentence goes with everything said at it; one that a fact of another
    # sentence also refers to stays
    referred = {f.meeting for f in parsed.facts if isinstance(f, (Participation, Join, Commitment))
                and f.meeting and f.evidence.sentence not in gone}
    dropped = {f.key for f in taken_back if isinstance(f, Meeting) and f.key not in referred}
    out = {id(f) for f in taken_back if not (isinstance(f, Meeting) and f.key in referred)}
    parsed.facts = [f for f in parsed.facts if id(f) not in out
                    and not (isinstance(f, Participation) and f.meeting in dropped)]
    for f in parsed.facts:
        if isinstance(f, (Join, Commitment)) and f.meeting in dropped:
            f.meeting = None
