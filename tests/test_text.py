import pytest

from graph.text import normalize, split_sentences, strip_clitics, tokenize


@pytest.mark.parametrize("a,b", [
    ("أميركا", "اميركا"), ("إفريقيا", "افريقيا"), ("الخارجيَّة", "الخارجيه"), ("مصطفى", "مصطفي"),
    ("مسؤول", "مسوول"), ("٢٠٢١", "2021"), ("۲۰۲۱", "2021"), ("الـــدولي", "الدولي"), ("ی", "ي"), ("ک", "ك"),
    ("Paris", "paris"), ("دا\u200bعش", "داعش"),
])
def test_normalize_folds_spelling_variants(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize("word,stem", [
    ("وبفرنسا", "فرنسا"), ("للعراق", "العراق"), ("والعراق", "العراق"), ("بالعراق", "العراق"),
    ("فالتحالف", "التحالف"), ("كالتحالف", "التحالف"), ("ولسوريا", "سوريا"), ("لداعش", "داعش"),
])
def test_clitics_are_stripped(word, stem):
    assert stem in strip_clitics(normalize(word))


def test_clitic_stripping_keeps_a_stem():
    assert strip_clitics("وب") == ("وب",)


def test_tokens_slice_the_original_text():
    text = "شارك وزير الخارجيَّة الدكتور فؤاد حسين، اليوم ٢٨ حزيران"
    for t in tokenize(text):
        assert text[t.start:t.end] == t.surface


def test_sentences_keep_offsets_into_the_original(seed_text):
    sentences = split_sentences(seed_text)
    assert len(sentences) > 10
    for s in sentences:
        assert seed_text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


def test_decimal_points_do_not_end_a_sentence():
    text = "تم تحرير أكثر من 7.7 مليون شخص. ثم انتهى."
    assert [s.text for s in split_sentences(text)] == ["تم تحرير أكثر من 7.7 مليون شخص.", "ثم انتهى."]


def test_skipped_spans_drop_their_sentences():
    text = "خبر أول.\nشارك الخبر"
    assert [s.text for s in split_sentences(text, skip=[(9, len(text))])] == ["خبر أول."]


@pytest.fixture()
def seed_text():
    from graph.api import bundled_corpus

    return (bundled_corpus() / "001_6d08743864bcd230.txt").read_text(encoding="utf-8")
