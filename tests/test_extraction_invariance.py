"""The same report written another way gives the same facts.

Arabic news writes one fact in many ways that carry the same meaning: Arabic-Indic digits or
Western ones, the Gregorian month names of Egypt and the Gulf or the Syriac ones of the Levant
and Iraq, hamza and taa marbuta dropped in hasty typing, tatweel stretching a word, داعش or
تنظيم الدولة الإسلامية for ISIS. Each rewriting
below is applied to every document of the bundled corpus, and every canned query must then find
the same things: the same entities, meetings, dates, amounts and documents (the Arabic text of
labels and evidence changes with the rewriting, so it is not compared where an IRI says the same).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import graph
from queries import canned

GREGORIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر")
SYRIAC = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
          "تشرين الثاني", "كانون الأول")
_ANY_MONTH = "|".join(sorted(GREGORIAN + SYRIAC, key=len, reverse=True))
# A month name in a date: after a day or before a year (مايو alone may be a name: لويجي دي مايو).
_MONTH_IN_DATE = re.compile(rf"(?<=[0-9] )({_ANY_MONTH})(?!\w)|(?<!\w)({_ANY_MONTH})(?= (?:عام |سنة )?[0-9]{{4}})")
_OTHER_MONTH = {**dict(zip(GREGORIAN, SYRIAC)), **dict(zip(SYRIAC, GREGORIAN))}


def arabic_indic_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def other_month_names(text: str) -> str:
    return _MONTH_IN_DATE.sub(lambda m: _OTHER_MONTH[m.group()], text)


def hasty_spelling(text: str) -> str:
    """Hamza dropped from a word's first alef, taa marbuta and alef maqsura written as haa and yaa."""
    text = re.sub(r"(?<!\w)[أإ]", "ا", text)
    return re.sub(r"ى(?!\w)", "ي", re.sub(r"ة(?!\w)", "ه", text))


def tatweel(text: str) -> str:
    """A tatweel inside every third word long enough to be stretched."""
    words = iter(range(1 << 30))
    return re.sub(r"(?<!\w)([\u0628-\u0647])(?=[\u0628-\u064a]{3})",
                  lambda m: m.group(1) + ("\u0640" if next(words) % 3 == 0 else ""), text)


def islamic_state(text: str) -> str:
    """داعش called تنظيم الدولة الإسلامية (an affiliate's own name, داعش خراسان, is left as written)."""
    return re.sub(r"(?<!\w)(?:تنظيم )?«?داعش»?(?! خراسان)(?!\w)", "تنظيم الدولة الإسلامية", text)


REWRITINGS = {f.__name__: f for f in (arabic_indic_digits, other_month_names, hasty_spelling, tatweel, islamic_state)}
# Columns whose text follows the document's own spelling (or numbering of nodes), not the fact.
TEXT_COLUMNS = {"evidence", "meeting_label", "mandate_label", "attack_label", "event_label", "object_label",
                "purpose", "role", "figure", "commitment", "mandate", "threat", "attack"}


def facts(store: Path) -> dict[str, set]:
    out = {}
    for name in canned():
        out[name] = {
            tuple(sorted((k, v) for k, v in row.items()
                         if k not in TEXT_COLUMNS and not (k.endswith("_label") and row.get(k[:-len("_label")]))))
            for row in graph.query(name, store=store)
        }
    return out


@pytest.fixture(scope="module")
def original(seed_store) -> dict[str, set]:
    return facts(seed_store)


@pytest.mark.parametrize("rewrite", sorted(REWRITINGS))
def test_a_rewritten_corpus_gives_the_same_facts(rewrite, original, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(graph.bundled_corpus(), corpus, ignore=shutil.ignore_patterns("__*"))
    changed = 0
    for path in corpus.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        new = REWRITINGS[rewrite](text)
        changed += new != text
        path.write_text(new, encoding="utf-8")
    assert changed >= 3  # two of the five documents name no month
    graph.build([corpus], store=tmp_path / "store")
    got = facts(tmp_path / "store")
    assert sum(map(len, original.values())) > 150  # 179 rows when written
    for name in original:
        lost, new = original[name] - got[name], got[name] - original[name]
        assert not lost and not new, f"{rewrite}, {name}: lost {sorted(lost, key=str)[:3]}, new {sorted(new, key=str)[:3]}"
