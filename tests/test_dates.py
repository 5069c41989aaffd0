"""Tests of graph.dates: explicit, partial and relative Arabic date expressions."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.dates import DateExpr, find_dates

# (text, published, expected values); a tuple is (value, end_value) of a range.
ROWS = [
    # Explicit dates, both month systems, Maghrebi spellings, Arabic-Indic digits.
    ("التقى القادة في باريس في 24 و 25 حزيران 2019.", None, [("2019-06-24", "2019-06-25")]),
    ("شارك الوزير، اليوم الاثنين ٢٨ حزيران ٢٠٢١، في الاجتماع", None, ["2021-06-28"]),
    ("عقد الاجتماع في ٢٨ حزيران ٢٠٢١", None, ["2021-06-28"]),
    ("الاجتماع الوزاري - 25 حزيران 2019", None, ["2019-06-25"]),
    ("تم الإعلان عن التحرير في 23 آذار/مارس 2019.", None, ["2019-03-23"]),
    # the day as an ordinal word
    ("ففي العاشر من ديسمبر 2019 قتل مسلحوه 71 جندياً.", None, ["2019-12-10"]),
    # two days as ordinal words, the second without its article; فاتح, the Maghreb's "first", without من
    ("عقد الاجتماع يومي الأول والثاني من حزيران 2021.", None, [("2021-06-01", "2021-06-02")]),
    ("وانعقد الاجتماع، يومي فاتح وثاني ماي 2021، في الرباط.", None, [("2021-05-01", "2021-05-02")]),
    ("في فاتح يوليوز 2021", None, ["2021-07-01"]),
    # an ordinal in a month's own name is no day: only فاتح goes without من
    ("وفي شهر كانون الثاني عقد الوزراء اجتماعهم", "2021-06-28", ["2021-01"]),
    ("في الحادي عشر من سبتمبر 2001", None, ["2001-09-11"]),
    ("في الخامس والعشرين من تموز/يوليو في مدينة السويداء", "2018-08-17", ["2018-07-25"]),
    ("في الحادي والثلاثين من كانون الأول 2020", None, ["2020-12-31"]),
    # ... not a month's ordinal name followed by من
    ("في كانون الثاني من عام 2015", None, ["2015-01"]),
    ("في مدينة الكويت في شباط/فبراير 2018", None, ["2018-02"]),
    ("البيان الذي أصدره الوزراء في شباط 2019", None, ["2019-02"]),
    ("في حزيران 2019", None, ["2019-06"]),
    ("بحزيران 2019", None, ["2019-06"]),
    ("وقع في 31 دجنبر 2021", None, ["2021-12-31"]),
    ("في 5 يوليوز 2021 و 20 غشت 2021", None, ["2021-07-05", "2021-08-20"]),
    ("في شتنبر 2020 ونونبر 2020", None, ["2020-09", "2020-11"]),
    ("في 4 ابريل 2020", None, ["2020-04-04"]),
    ("في 9 يونيه 2014", None, ["2014-06-09"]),
    ("في 3 كانون الثاني 2015 و 7 تشرين الأول 2016", None, ["2015-01-03", "2016-10-07"]),
    ("في 14 تموز (يوليو) 2016", None, ["2016-07-14"]),
    ("في 25/6/2019", None, ["2019-06-25"]),
    # Years.
    ("منذ عام 2014، حين عقد التحالف اجتماعه", None, ["2014"]),
    ("في العام 2014", None, ["2014"]),
    ("سنة 2014", None, ["2014"]),
    ("في 2014", None, ["2014"]),
    ("بحلول عام 2020", None, ["2020"]),
    ("خلال 2019 وحتى 2021", None, ["2019", "2021"]),
    ("في عام 2019م", None, ["2019"]),
    ("بين عامي 2014 و2017", None, [("2014", "2017")]),
    ("قرار مجلس الأمن رقم 2254", None, []),
    ("ضم التحالف 2019 عضوا", None, []),
    ("في إطار رؤية المملكة 2030", None, []),
    ("بعد ثلاث سنوات ونصف السنة من الجهود", None, []),
    # Day ranges.
    ("يومي 27 و28 أيار/مايو", "2025-06-18", [("2025-05-27", "2025-05-28")]),
    ("يومي 27 و28 أيار/مايو الماضي", "2025-06-18", [("2025-05-27", "2025-05-28")]),
    ("من 24 إلى 26 حزيران 2019", None, [("2019-06-24", "2019-06-26")]),
    ("بين أكتوبر 2020 وأكتوبر 2021", None, ["2020-10", "2021-10"]),
    ("في 30 حزيران و2 تموز 2019", None, ["2019-06-30", "2019-07-02"]),
    # Day and month without a year: the publication year, or the one before.
    ("الهجوم الذي ارتكبه التنظيم في 26 آب/أغسطس في كابول", "2021-09-09", ["2021-08-26"]),
    ("في نيس في 14 تموز/يوليو", "2016-07-22", ["2016-07-14"]),
    ("في 26 كانون الأول", "2021-01-10", ["2020-12-26"]),
    ("وفي آذار", "2019-06", ["2019-03"]),
    ("في كانون الأول/ديسمبر من ذلك العام", None, [None]),
    ("منذ عام 2014 حين عقد اجتماعه في كانون الأول/ديسمبر من ذلك العام", "2017-03-23", ["2014", "2014-12"]),
    # Relative days.
    ("اجتمعوا أمس في واشنطن", "2019-06-26", ["2019-06-25"]),
    ("خلال اجتماع جمعهم يوم أمس الثلاثاء في باريس", "2019-06-26", ["2019-06-25"]),
    ("احتضنت الرياض أمس (الخميس) الاجتماع", "2023-06-09", ["2023-06-08"]),
    ("عقد الوزراء، أمس الأربعاء، اجتماعا", "2017-03-23", ["2017-03-22"]),
    ("أمس", "2019-06", ["2019-06"]),
    ("أول أمس", "2019-06-26", ["2019-06-24"]),
    ("انعقد اليوم في واشنطن", "2019-02-06", ["2019-02-06"]),
    ("انعقد اليوم في واشنطن", "2019-02", ["2019-02"]),
    ("في اليوم الأول من المنتدى", "2017-10-25", []),
    # Weekdays.
    ("الخميس الماضي", "2016-07-22", ["2016-07-21"]),
    ("وكان قد جمع يوم الأربعاء وزراء الدفاع", "2016-07-22", ["2016-07-20"]),
    ("تستمر أعماله حتى الخميس", "2017-10-25", ["2017-10-19"]),
    ("الجمعة المقبلة", "2016-07-22", ["2016-07-29"]),
    ("يوم الأربعاء", "2016-07", [None]),
    ("المسافة بين الاثنين كبيرة", "2016-07-22", []),
    # a time of day tells the ambiguous weekday ("the two") as a day
    ("صدّت القوات فجر الاثنين هجوماً", "2016-07-13", ["2016-07-11"]),
    ("الأحد عشر لاعبا", "2016-07-22", []),
    # Weeks, months, years.
    ("عقدت المجموعة الأسبوع الماضي اجتماعا", "2025-06-03", ["2025-05"]),
    ("عندما التقوا في باريس هذا الأسبوع", "2019-06", ["2019-06"]),
    ("اجتماع بروكسل الشهر الماضي", "2022-01-10", ["2021-12"]),
    ("الشهر الفائت", "2022-03-10", ["2022-02"]),
    ("حي الكرادة في بغداد مطلع الشهر الجاري", "2016-07-22", ["2016-07"]),
    ("هذا الشهر", "2016-07-22", ["2016-07"]),
    ("الاجتماع الذي عقد في حزيران/يونيو الماضي", "2021-09-09", ["2021-06"]),
    ("في يونيو الماضي", "2021-12-03", ["2021-06"]),
    ("حزيران الماضي", "2021-06-15", ["2020-06"]),
    ("في ديسمبر الماضي", "2023-06-09", ["2022-12"]),
    ("يونيو المقبل", "2023-06-09", ["2024-06"]),
    ("في يونيو من العام الماضي", "2023-03-01", ["2022-06"]),
    ("مع نهاية العام الماضي", "2022-01-10", ["2021"]),
    ("السنة الماضية", "2019", ["2018"]),
    ("العام المقبل", "2022-05", ["2023"]),
    ("العام القادم", "2022", ["2023"]),
    ("خلال العام الحالي", "2018-02-13", ["2018"]),
    ("هذا العام", "2018-02-13", ["2018"]),
    ("العام الجاري", "2018", ["2018"]),
    ("فِي العَامِ المَاضِي", "2020-04-01", ["2019"]),
    # A day of a month named by its distance from publication; a day the month lacks is not a date.
    ("في الحادي والعشرين من الشهر الماضي", "2016-11-17", ["2016-10-21"]),
    ("يوم 3 من الشهر الجاري", "2017-11-16", ["2017-11-03"]),
    ("في 31 من الشهر الماضي", "2017-12-16", ["2017-11"]),
    # Hijri dates, by the Umm al-Qura calendar; one given with its Gregorian date is that date.
    ("الذي استضافته الرياض في 19 ذي القعدة 1444هـ", "2024-11-19", ["2023-06-08"]),
    ("في ٥ رمضان ١٤٤٠ هـ", None, ["2019-05-10"]),
    ("يومي 28 و29 جمادى الأولى 1436هـ", None, [("2015-03-19", "2015-03-20")]),
    ("يومي 23 و24 ذو الحجة 1436هـ الموافق 6 و7 أكتوبر 2015م", None, [("2015-10-06", "2015-10-07")]),
    # A weekday with the day and month in figures and no year (an alert's heading): the year of the text.
    ("🔴 الأحد ١٣/١٠ | ١١:٠٥", "2024-10-14", ["2024-10-13"]),
    ("السبت 28/12 | 23:40", "2025-01-02", ["2024-12-28"]),
    # Names and words that are not dates.
    ("قال رجب 1440 مرة", None, []),
    ("قال الوزير دي مايو إن", "2021-06-28", []),
    ("مارس ضغوطا على الحكومة", "2021-06-28", []),
    ("خلال السنوات الماضية", "2021-06-28", []),
]


@pytest.mark.parametrize("text,published,expected", ROWS)
def test_values(text: str, published: str | None, expected: list) -> None:
    got = [(e.value, e.end_value) if e.end_value else e.value for e in find_dates(text, published)]
    assert got == expected


@pytest.mark.parametrize(
    "text,published,surface",
    [
        ("التقى القادة في 24 و 25 حزيران 2019.", None, "24 و 25 حزيران 2019"),
        ("شارك، اليوم الاثنين ٢٨ حزيران ٢٠٢١، في", None, "اليوم الاثنين ٢٨ حزيران ٢٠٢١"),
        ("وفي آذار", "2019-06", "آذار"),
        ("منذ عام 2014", None, "عام 2014"),
        ("فِي العَامِ المَاضِي", "2020", "العَامِ المَاضِي"),
        ("جرى ذلك أمس (الخميس) في الرياض", "2023-06-09", "أمس (الخميس)"),
        ("الـــعام الماضي", "2020", "الـــعام الماضي"),
    ],
)
def test_offsets_slice_the_expression(text: str, published: str | None, surface: str) -> None:
    (e,) = find_dates(text, published)
    assert text[e.start:e.end] == surface


def test_relative_flag() -> None:
    text = "في 26 آب/أغسطس وفي 23 آذار/مارس 2019 وأمس"
    got = [(e.value, e.relative) for e in find_dates(text, "2021-09-09")]
    assert got == [("2021-08-26", True), ("2019-03-23", False), ("2021-09-08", True)]


@pytest.mark.parametrize(
    "text", ["أمس", "اليوم", "الخميس الماضي", "الشهر الماضي", "حزيران الماضي", "26 آب", "العام المقبل"]
)
def test_relative_without_publication_date_is_unresolved(text: str) -> None:
    (e,) = find_dates(text)
    assert e.value is None and e.relative is True


def test_results_are_sorted_and_do_not_overlap() -> None:
    text = "اليوم الاثنين ٢٨ حزيران ٢٠٢١ بعد اجتماع أمس وفي عام 2014 والشهر الماضي"
    found = find_dates(text, "2021-06-28")
    assert [e.value for e in found] == ["2021-06-28", "2021-06-27", "2014", "2021-05"]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize(
    "text,expected",
    [
        # the year the text is about dates a day of a month without its own year
        ("وكان عام 2023 قد بدأ بهجوم دام في 5 شباط/فبراير", ["2023", "2023-02-05"]),
        # a bound is not that year; a day of a month after it is the nearest before publication
        ("ويقاتل التنظيم هناك منذ عام 2016، وفي 5 شباط/فبراير هاجم قرية", ["2016", "2025-02-05"]),
        # nor is a year after publication
        ("وتنتهي الخطة عام 2030 وتبدأ في 5 شباط/فبراير", ["2030", "2025-02-05"]),
        # a season names its year too
        ("وتذكّر بموجة هجمات شتاء 2019، حين ضرب التنظيم قرية في 5 شباط/فبراير", ["2019", "2019-02-05"]),
    ],
)
def test_a_day_of_a_month_in_the_year_the_text_names(text: str, expected: list[str]) -> None:
    assert [e.value for e in find_dates(text, "2025-03-10")] == expected


def test_invalid_dates_are_not_invented() -> None:
    assert [e.value for e in find_dates("في 31 شباط 2019")] == [None]
    assert find_dates("") == []
    assert find_dates("في عام 2014", published="not a date")[0].value == "2014"


def test_corpus_sample() -> None:
    text = (
        "وشارك في الاجتماع ممثلو الأعضاء الـ68 في التحالف، وهو أول لقاء منذ عام 2014، حين عقد التحالف "
        "اجتماعه الوزاري الأول في بروكسل في كانون الأول/ديسمبر من ذلك العام، وكان يضم يومها نحو ستين شريكاً."
    )
    assert [e.value for e in find_dates(text, "2017-03-23")] == ["2014", "2014-12"]


def test_a_long_text_is_read_like_its_paragraphs() -> None:
    """Scanning is local: a paragraph repeated 30 times (about 9,000 characters) gives the
    paragraph's findings 30 times, shifted by its length. (Speed is measured by bench/run.py.)"""
    para = (
        "عقد وزراء خارجية الدول الأعضاء في التحالف، أمس الأربعاء، اجتماعاً في واشنطن في 24 و 25 حزيران 2019، "
        "وهو الأول منذ عام 2014. وأعلن الوزير عن تعهدات بقيمة 20 مليار دولار خلال العام الماضي، فيما "
        "حرر الشركاء أكثر من 60 في المئة من الأراضي في شباط/فبراير 2018 بحسب البيان الصادر الأسبوع الماضي. "
    )
    one = find_dates(para, "2019-06-26")
    many = find_dates(para * 30, "2019-06-26")
    assert one
    assert [(x.start, x.value) for x in many] == [(x.start + k * len(para), x.value) for k in range(30) for x in one]


_ARABIC_BITS = st.sampled_from(
    ["في", "عام", "العام", "الماضي", "أمس", "اليوم", "حزيران", "يونيو", "/", "و", "-", "إلى", "الخميس",
     "يوم", "24", "٢٨", "2019", "١٩٩٠", "(", ")", "ـ", "\u064b", "\u200f", " ", "\n", "من", "ذلك", "الأسبوع"]
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(), st.lists(_ARABIC_BITS, max_size=30).map(" ".join), st.lists(_ARABIC_BITS).map("".join)
    ),
    published=st.one_of(
        st.none(),
        st.text(max_size=12),
        st.sampled_from(["2019", "2019-06", "2019-06-26", "0001-01-01", "9999-12-31"]),
    ),
)
def test_never_raises_and_offsets_are_in_the_text(text: str, published: str | None) -> None:
    found = find_dates(text, published)
    for e in found:
        assert isinstance(e, DateExpr)
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("text,expected", [
    ("في مثل هذا اليوم قبل تسع سنوات، فجّر انتحاريان نفسيهما", ["2016-03-22"]),
    ("في مثل هذا اليوم من العام الماضي اقتحم مسلحون القاعة", ["2024-03-22"]),
    ("في مثل هذا اليوم قبل عامين", ["2023-03-22"]),
    ("في مثل هذا اليوم من عام 1945 وُقّع الميثاق", ["1945-03-22"]),
    # with no year, a day of some year the text does not give: not the day of publication
    ("في مثل هذا اليوم وُقّع في القاهرة ميثاق الجامعة", [None]),
])
def test_this_day_in_another_year(text: str, expected: list) -> None:
    assert [d.value for d in find_dates(text, "2025-03-22")] == expected
