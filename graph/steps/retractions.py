"""Step ``retractions``: facts read from what a correction says an earlier version got wrong are dropped.

A correction notice restates the error before it gives the right account ("ورد في النسخة الأولى من هذا
الخبر أن سوريا أصبحت العضو التاسع والثمانين ... والصحيح أن سوريا هي العضو التسعون"). Every rule reads the
first sentence as a statement; this step, run last, takes back what was read from it: the meetings,
participations, joins, counts, sums, roles and the rest whose evidence it is. The entities it names stay
mentioned. A sentence that holds the corrected account too ("... ، والصحيح أن ...") is left as it is: its
two halves cannot be told apart by sentence.
"""
from __future__ import annotations

from ..facts import Commitment, DateMention, Join, Meeting, Mention, Parsed, Participation, Quantity
from ..pipeline import Context, step
from ..text import Token, strip_clitics
from ..triggers import triggers

__all__ = ["retractions", "retracted_sentences"]

# how far after the verb of saying its error or the earlier version may stand ("ورد في النسخة الأولى")
_REACH = 6
# facts that stay whatever sentence they came from: what the text names, not what it asserts
_NAMED = (Mention, DateMention, Quantity)


def _has(tok: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(strip_clitics(tok.norm))


def _retracts(toks: list[Token]) -> bool:
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
            return True  # "ذكرنا خطأً أن ..."
        for k, a in enumerate(ahead[:-1]):
            # "في النسخة الأولى من هذا الخبر": an earlier version of this very text, not of a strategy or a plan
            if _has(a, version) and ahead[k + 1].norm in earlier and any(
                    b.norm in this for b in toks[i + k + 3:i + k + 5]):
                return True
    return False


def retracted_sentences(parsed: Parsed) -> set[int]:
    """The indices of the sentences a correction takes back (worked out once per document: the meetings
    step asks first, so that no meeting is told from them for the sentences after to refer to)."""
    found = getattr(parsed, "_retracted", None)
    if found is None:
        found = parsed._retracted = {s.index for s, toks in zip(parsed.sentences, parsed.tokens)  # type: ignore[attr-defined]
                                     if _retracts(toks)}
    return found


@step("retractions")
def retractions(parsed: Parsed, ctx: Context) -> None:
    """Drop the facts read from sentences a correction takes back, and what hangs on the meetings they told."""
    gone = retracted_sentences(parsed)
    if not gone:
        return
    taken_back = [f for f in parsed.facts if f.evidence.sentence in gone and not isinstance(f, _NAMED)]
    # a meeting told only in a retracted sentence goes with everything said at it; one that a fact of
    # another sentence also refers to stays
    referred = {f.meeting for f in parsed.facts if isinstance(f, (Participation, Join, Commitment))
                and f.meeting and f.evidence.sentence not in gone}
    dropped = {f.key for f in taken_back if isinstance(f, Meeting) and f.key not in referred}
    out = {id(f) for f in taken_back if not (isinstance(f, Meeting) and f.key in referred)}
    parsed.facts = [f for f in parsed.facts if id(f) not in out
                    and not (isinstance(f, Participation) and f.meeting in dropped)]
    for f in parsed.facts:
        if isinstance(f, (Join, Commitment)) and f.meeting in dropped:
            f.meeting = None
