"""Tests of graph.numbers: digits, number words, scales, currencies, qualifiers, ordinals."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.numbers import Number, find_numbers, parse_number_words

E, ABOUT, MORE, LESS = "exact", "about", "more-than", "less-than"

# (text, expected): each expected number is (value, currency, qualifier, ordinal, unit).
ROWS = [
    # Digits, separators, decimals, Arabic-Indic digits.
    ("يضم التحالف 80 شريكاً", [(80, None, E, False, None)]),
    ("على مساحة 26,500 كيلومتر مربع", [(26500, None, E, False, "km2")]),
    ("على مساحة ٢٦٬٥٠٠ كيلومتر مربع", [(26500, None, E, False, "km2")]),
    ("ستلتزم بتقديم 148.7 مليون دولار منها", [(148.7e6, "USD", E, False, None)]),
    ("بلغت ٣٫٥ مليار يورو", [(3.5e9, "EUR", E, False, None)]),
    ("أكثر من 2.1 مليار دولار", [(2.1e9, "USD", MORE, False, None)]),
    ("ممثلو الأعضاء الـ68 في التحالف", [(68, None, E, False, None)]),
    ("الدول الـ 79", [(79, None, E, False, None)]),
    # Scales and currencies.
    ("جمع الشركاء 20 مليار دولار", [(20e9, "USD", E, False, None)]),
    ("مساهمة إضافية بقيمة مليوني زلوتي", [(2e6, "PLN", E, False, None)]),
    ("منحة قدرها 500 مليون بيزو فلبيني", [(500e6, "PHP", E, False, None)]),
    ("نحو 40 مليار روبية إندونيسية", [(40e9, "IDR", ABOUT, False, None)]),
    # the feminine of "approaches", and a qualifier of the amount's value ("its value exceeds")
    ("فجوة تقارب 90 مليون دولار", [(90e6, "USD", ABOUT, False, None)]),
    ("تعهدات تتجاوز قيمتها 75 مليون يورو", [(75e6, "EUR", MORE, False, None)]),
    ("بلغت قيمتها 75 مليون يورو", [(75e6, "EUR", E, False, None)]),
    ("تحرير أكثر من 7.7 مليون شخص", [(7.7e6, None, MORE, False, None)]),
    ("تم إنقاذ 7 ملايين رجل", [(7e6, None, E, False, None)]),
    ("حوالي 110 آلاف كيلومتر مربع", [(110000, None, ABOUT, False, "km2")]),
    ("تحرير 110 كلم مربع", [(110, None, E, False, "km2")]),
    ("أكثر من 40 ألف مقاتل", [(40000, None, MORE, False, None)]),
    ("600 مليون دولار أمريكي", [(600e6, "USD", E, False, None)]),
    ("10 ملايين جنيه إسترليني", [(10e6, "GBP", E, False, None)]),
    ("5 مليارات ريال سعودي", [(5e9, "SAR", E, False, None)]),
    ("مليار درهم", [(1e9, "AED", E, False, None)]),
    ("100 مليون دينار عراقي", [(100e6, "IQD", E, False, None)]),
    ("50 مليار ين", [(50e9, "JPY", E, False, None)]),
    ("مليار و200 مليون دولار", [(1.2e9, "USD", E, False, None)]),
    ("2 بليون دولار", [(2e9, "USD", E, False, None)]),
    # Qualifiers.
    ("يسيطر على نحو ستين شريكاً", [(60, None, ABOUT, False, None)]),
    ("ما يقرب من 20 مليار دولار", [(20e9, "USD", ABOUT, False, None)]),
    ("قرابة 40 ألف", [(40000, None, ABOUT, False, None)]),
    ("زهاء 300 شخص", [(300, None, ABOUT, False, None)]),
    ("70 ألفا تقريباً", [(70000, None, ABOUT, False, None)]),
    ("350 مليون دولار تقريبًا", [(350e6, "USD", ABOUT, False, None)]),
    ("ما يزيد على 30 وزيراً", [(30, None, MORE, False, None)]),
    ("باستثمارات تتجاوز 500 مليار دولار", [(500e9, "USD", MORE, False, None)]),
    ("هدف يتجاوز 601 مليون دولار بقليل", [(601e6, "USD", MORE, False, None)]),
    ("يفوق 100 شخص", [(100, None, MORE, False, None)]),
    ("ما لا يقل عن 46 دولة", [(46, None, MORE, False, None)]),
    ("لأكثر من أربع سنوات", [(4, None, MORE, False, None)]),
    ("أقل من 3 في المئة", [(3, None, LESS, False, "percent")]),
    ("ما يقل عن 10 آلاف", [(10000, None, LESS, False, None)]),
    ("الأطفال دون 18 عاما", [(18, None, LESS, False, None)]),
    ("بدون 18 عاما", [(18, None, E, False, None)]),
    # Percentages.
    ("حرروا أكثر من 60 في المئة من الأراضي", [(60, None, MORE, False, "percent")]),
    ("ومن عشرين في المئة من مناطقه", [(20, None, E, False, "percent")]),
    ("نحو 10% من التجارة", [(10, None, ABOUT, False, "percent")]),
    ("نسبة ٤٥٪", [(45, None, E, False, "percent")]),
    ("15 بالمئة", [(15, None, E, False, "percent")]),
    # Number words, every case form, compounds, teens, hundreds, scales.
    ("عدد أعضائه ثلاثة وثمانين عضواً", [(83, None, E, False, None)]),
    ("ليرتفع عدد أعضائه إلى ستة وثمانين عضواً", [(86, None, E, False, None)]),
    ("شركاؤنا الثمانون", [(80, None, E, False, None)]),
    ("خلال اثني عشر شهراً", [(12, None, E, False, None)]),
    ("اثنا عشر", [(12, None, E, False, None)]),
    ("أكثر من ألفي شخص", [(2000, None, MORE, False, None)]),
    ("أكثر من ثلاثين دولة", [(30, None, MORE, False, None)]),
    ("ثلاثة آلاف وخمسمئة", [(3500, None, E, False, None)]),
    ("تسعمائة وتسعة وتسعون", [(999, None, E, False, None)]),
    ("مئتي شخص", [(200, None, E, False, None)]),
    ("ثلاث مئة", [(300, None, E, False, None)]),
    ("مئة وخمسة وعشرون ألفا", [(125000, None, E, False, None)]),
    ("مليون ونصف", [(1.5e6, None, E, False, None)]),
    # a fraction before a scale, and the scale said again after the fraction
    ("بنصف مليار دولار", [(0.5e9, "USD", E, False, None)]),
    ("ربع مليون نازح", [(250000, None, E, False, None)]),
    ("بمليار ونصف المليار", [(1.5e9, None, E, False, None)]),
    ("مليار ونصف مليون دولار", [(1.0005e9, "USD", E, False, None)]),
    ("ثلاث سنوات ونصف السنة", [(3.5, None, E, False, None)]),
    ("خمسة عشر", [(15, None, E, False, None)]),
    ("إحدى عشرة دولة", [(11, None, E, False, None)]),
    # Ordinals.
    ("بصفتها العضو الرابع والثمانين", [(84, None, E, True, None)]),
    ("و«توغو» العضو السادس والثمانون", [(86, None, E, True, None)]),
    ("الاجتماع الوزاري الأول", [(1, None, E, True, None)]),
    ("في الثانية عشرة من العمر", [(12, None, E, True, None)]),
    ("الحادي والعشرين", [(21, None, E, True, None)]),
    # without the article, an ordinal counts only with its tens: "sixthly" alone is a word of order
    ("بانضمامها عضواً سادساً وثمانين", [(86, None, E, True, None)]),
    ("ثانياً، قال الوزير", []),
    ("في كانون الثاني وتشرين الأول", []),
    # Not numbers.
    ("آلاف المستثمرين", []),
    ("إحدى دول الساحل", []),
    ("يوم الاثنين", []),
    ("قمة G20", []),
    ("ما يقرب من نصف", []),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_values(text: str, expected: list) -> None:
    got = [(n.value, n.currency, n.qualifier, n.ordinal, n.unit) for n in find_numbers(text)]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g[0] == pytest.approx(e[0])
        assert g[1:] == e[1:]


@pytest.mark.parametrize(
    "text,surface",
    [
        ("هدف يتجاوز 601 مليون دولار بقليل، مبيناً", "يتجاوز 601 مليون دولار بقليل"),
        ("ممثلو الأعضاء الـ68 في التحالف", "الـ68"),
        ("حوالي 110 آلاف كيلومتر مربع من الأراضي", "حوالي 110 آلاف كيلومتر مربع"),
        ("ونصفهم 70 ألفاً تقريباً.", "70 ألفاً تقريباً"),
        ("وبنحو ستين شريكاً", "نحو ستين"),
        ("عددهم ثَلاثَةٌ وثَمانُونَ", "ثَلاثَةٌ وثَمانُونَ"),
        ("ما لا يقل عن 46 دولة", "ما لا يقل عن 46"),
    ],
)
def test_offsets_cover_qualifier_scale_and_currency(text: str, surface: str) -> None:
    (n,) = find_numbers(text)
    assert text[n.start:n.end] == surface


@pytest.mark.parametrize(
    "words,value",
    [
        ("ثلاثة وثمانين", 83), ("ستة وثمانين", 86), ("الثمانون", 80), ("الثمانين", 80), ("ستين", 60),
        ("ستون", 60), ("اثني عشر", 12), ("اثنا عشر", 12), ("ألفي", 2000), ("ألفان", 2000),
        ("ثلاث", 3), ("ثلاثة", 3), ("أربع", 4), ("أربعة", 4), ("مئتان", 200), ("مائتين", 200),
        ("ثلاثمئة", 300), ("ثلاثمائة وستون", 360), ("الرابع والثمانين", 84), ("السادس والثمانون", 86),
        ("عشرة آلاف", 10000), ("مليونين", 2e6), ("2.1 مليار", 2.1e9), ("ثمانية عشر", 18),
        # one before و and a ten; a unit with the accusative's tanween
        ("إحدى وعشرين", 21), ("أحد وثلاثون", 31), ("ثلاثاً وعشرين", 23), ("أربعاً وسبعين", 74),
    ],
)
def test_parse_number_words(words: str, value: float) -> None:
    assert parse_number_words(words) == pytest.approx(value)


@pytest.mark.parametrize("words", ["", "شريكا", "آلاف", "ثلاثة شركاء", "أحد", "الحادي", "نصف"])
def test_parse_number_words_rejects(words: str) -> None:
    assert parse_number_words(words) is None


def test_several_numbers_in_order() -> None:
    text = "تعهد الشركاء بتقديم أكثر من 600 مليون دولار من أصل 670 مليون دولار في عام 2021"
    got = [(n.value, n.qualifier) for n in find_numbers(text)]
    assert got == [(600e6, MORE), (670e6, E), (2021, E)]


def test_a_long_text_is_read_like_its_paragraphs() -> None:
    """Scanning is local: a paragraph repeated 30 times (about 9,000 characters) gives the
    paragraph's findings 30 times, shifted by its length. (Speed is measured by bench/run.py.)"""
    para = (
        "وأعلن بلينكن عن هدف تمويلي يتجاوز 601 مليون دولار بقليل، مبيناً أن الولايات المتحدة ستلتزم بتقديم "
        "148.7 مليون دولار منها، وأن مخيم الهول يضم نحو 50 ألف نازح، وأن عدد الأعضاء ارتفع إلى ستة وثمانين "
        "عضواً، بعد انضمام العضو السادس والثمانون، وأن الشركاء حرروا أكثر من 60 في المئة من الأراضي. "
    )
    one = find_numbers(para)
    many = find_numbers(para * 30)
    assert one
    assert [(x.start, x.value) for x in many] == [(x.start + k * len(para), x.value) for k in range(30) for x in one]


_ARABIC_BITS = st.sampled_from(
    ["أكثر", "من", "نحو", "مليون", "ألف", "آلاف", "دولار", "الـ", "ال", "ثلاثة", "وثمانين", "الرابع", "عشر",
     "%", "في المئة", "26,500", "٢٦٬٥٠٠", "٣٫٥", "$", "ونصف", "سنوات", "كانون", "الثاني", ",", ".", "بقليل",
     "يتجاوز", "ما", "لا", "يقل", "عن", "ريال", "سعودي", "مئة", "ألفي", "٫", "٬", "،", "ـ", "\u064b", "\u200f",
     " ", "\n", "7", "٩"]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(), st.lists(_ARABIC_BITS, max_size=30).map(" ".join), st.lists(_ARABIC_BITS).map("".join)
    )
)
def test_never_raises_and_offsets_are_in_the_text(text: str) -> None:
    found = find_numbers(text)
    for n in found:
        assert isinstance(n, Number)
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start:n.end]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    parse_number_words(text)


def test_a_qualifier_verb_with_the_value_and_its_total_between_it_and_its_preposition():
    found = find_numbers("وأنها قدمت مساعدات تزيد قيمتها الإجمالية على 3.5 مليار دولار")
    assert [(n.value, n.qualifier) for n in found] == [(3.5e9, "more-than")]
    found = find_numbers("منح يقل حجمها عن 5 ملايين دولار")
    assert [(n.value, n.qualifier) for n in found] == [(5e6, "less-than")]
