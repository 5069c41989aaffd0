import pytest

from graph.lexicon import Lexicon
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


def test_offsets_point_at_the_name():
    text = "زار الوزير وبفرنسا أمس"
    [m] = LEX.match(tokenize(text))
    assert text[m.start:m.end] == "وبفرنسا"


def test_countries_have_english_labels_and_wikidata_ids():
    fra = LEX["FRA"]
    assert (fra.en, fra.ar, fra.wikidata) == ("France", "فرنسا", "Q142")
