from pathlib import Path

import pytest

from graph.lexicon import Lexicon, PhraseMatcher
from graph.text import tokenize

LEX = Lexicon.default()


def found(text: str) -> list[str]:
    return [m.entity for m in LEX.match(tokenize(text))]


@pytest.mark.parametrize("text,entity", [
    ("وبفرنسا", "FRA"),
    ("للعراق", "IRQ"),
    ("والعراق", "IRQ"),
    ("في سورية", "SYR"),
    ("في سوريا", "SYR"),
    ("أمريكا", "USA"),
    ("أميركا", "USA"),
    ("الولايات المتحدة", "USA"),
    ("بالولايات المتحدة الأمريكية", "USA"),
    ("وزير الخارجية الفرنسي", "FRA"),
    ("الحكومة الأميركية", "USA"),
    ("القوات الأمريكية", "USA"),
    ("كينيا", "KEN"),
    ("جمهورية الكونغو الديمقراطية", "COD"),
    ("في باريس", "PARIS"),
    ("وواشنطن", "WASHINGTON"),
    ("التحالف الدولي لهزيمة داعش", "COALITION"),
    ("الائتلاف الدولي", "COALITION"),
    ("لداعش", "ISIS"),
    ("تنظيم الدولة الإسلامية", "ISIS"),
])
def test_entities_are_found_with_clitics_and_spelling_variants(text, entity):
    assert entity in found(text)


@pytest.mark.parametrize("text,entities", [
    # an ambiguous name written with its mark: عمّان with the shadda is Amman, never Oman
    ("في العاصمة عمّان", ["AMMAN"]),
    ("وصل الوفد إلى عَمّان", ["AMMAN"]),
    ("بين بغداد وعمّان", ["BAGHDAD", "AMMAN"]),
    ("عمان", []),
    ("سلطنة عمان", ["OMN"]),
])
def test_a_mark_that_tells_an_ambiguous_name_apart(text, entities):
    assert found(text) == entities


def test_longest_match_wins():
    # "الولايات المتحدة" is one country, not a match on a shorter name inside it
    assert found("الولايات المتحدة الأمريكية") == ["USA"]


def test_a_table_of_phrases_sharing_a_first_word():
    # the matcher files phrases by first word and then by second; the choices must be those of
    # trying every phrase of the first word: the longest that fits, then the one added first,
    # a starred second word matching any word it begins, and one-word phrases still found
    pm = PhraseMatcher()
    for phrase, key in [("مجلس", "council"), ("مجلس الأمن", "security-council"),
                        ("مجلس الأمن الدولي", "un-security-council"), ("مجلس الأمن", "second-key"),
                        ("مجلس الوزراء", "cabinet"), ("مجلس النو*", "deputies"),
                        ("مجلس الأمن القومي", "national-security")]:
        pm.add(phrase, key)

    def keys(text):
        return [(m.i, m.j, m.entity) for m in pm.match(tokenize(text))]

    assert keys("قرر مجلس الأمن الدولي") == [(1, 4, "un-security-council")]
    assert keys("قرر مجلس الأمن أمس") == [(1, 3, "security-council")]
    assert keys("وبمجلس الوزراء ثم مجلس النواب") == [(0, 2, "cabinet"), (3, 5, "deputies")]
    assert keys("مجلس محلي ومجلس الأمن القومي") == [(0, 1, "council"), (2, 5, "national-security")]
    assert keys("في مجالس الأمن") == []


def test_offsets_point_at_the_name():
    text = "زار الوزير وبفرنسا أمس"
    [m] = LEX.match(tokenize(text))
    assert text[m.start:m.end] == "وبفرنسا"


def test_countries_have_english_labels_and_wikidata_ids():
    fra = LEX["FRA"]
    assert (fra.en, fra.ar, fra.wikidata) == ("France", "فرنسا", "Q142")


@pytest.mark.parametrize("iso3,label", [
    # CLDR's short names tell the two Congos apart by their capitals; reporting names the state
    ("COD", "Democratic Republic of the Congo"), ("COG", "Republic of the Congo"),
    # "&" and "St." spelled out
    ("BIH", "Bosnia and Herzegovina"), ("LCA", "Saint Lucia"),
    ("FRA", "France"),
])
def test_country_english_labels_are_the_names_reporting_uses(iso3, label):
    assert LEX[iso3].en == label


def test_all_trigger_tables_in_one_pass_find_what_each_table_finds():
    # triggers().find answers from one pass over a sentence for every table; on the bundled
    # documents each table's answer must be the table's own, for whole sentences and for pieces
    from graph.triggers import triggers

    trig = triggers()
    asked = found_any = 0
    for path in sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            toks = tokenize(line)
            for piece in (toks, toks[2:6]):
                for name, table in trig.tables.items():
                    got = trig.find(name, piece)
                    assert got == table.match(piece), (name, line)
                    asked += 1
                    found_any += bool(got)
    assert asked > 1000 and found_any > 100
