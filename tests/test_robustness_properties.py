"""Properties that hold for any text: nothing raises, every offset is inside the text and slices it.

Hypothesis draws both arbitrary Unicode and Arabic-looking text built from the words the date and
number grammars react to, with the marks, digits, invisible characters and punctuation of real
documents, so the grammars' rarely taken paths are reached too.
"""
from __future__ import annotations

import datetime
import math
import os
import re
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.dates import find_dates
from graph.errors import DecodeError
from graph.facts import DateMention, Mention, Quantity
from graph.ingest import Document, clean_text, decode, html_to_text
from graph.numbers import find_numbers
from graph.pipeline import Context, run
from graph.rdf import document_quads
from graph.text import normalize, split_sentences, tokenize

# CKG_HYPOTHESIS_EXAMPLES=5000 python -m pytest tests/test_robustness_properties.py  hunts longer
# No example database: a run leaves nothing in the checkout; failures found are kept as @example.
SETTINGS = settings(max_examples=int(os.environ.get("CKG_HYPOTHESIS_EXAMPLES", "200")), deadline=None,
                    database=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "اجتمع وزراء خارجية التحالف الدولي لهزيمة داعش في واشنطن باريس كينيا فيجي العراق سوريا "
    "يوم أمس اليوم غدا الثلاثاء الأربعاء الماضي المقبل الشهر العام عام في من إلى و "
    "كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول يناير فبراير مارس يونيو ديسمبر "
    "مليون مليار ألف آلاف مئة المئة بالمئة دولار يورو جنيه ريال أكثر نحو حوالي أقل ثلاثة خمسين الرابع "
    "والثمانين عشرين اثنين تعهد بتقديم مساعدات ميزانية هجوم تفجير انضمام عضوا الشركاء الاجتماع الوزاري "
    "المجموعة المصغرة مجموعة العمل 2019 2014 24 25 7.7 1,500 ٢٠١٩ ٢٤ ۲۰۱۹ ۱۵ ٪ % / - ، . ؟ ! ؛ … « » ( )"
).split()
MARKS = ["\u064e", "\u0651", "\u0640", "\u200b", "\u200c", "\u200f", "\u202b", "\u202e", "\u2069", "\ufeff", "\u00ad"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\r\n", ". ", "، ", "\t", "\u00a0", "\u2028"]

arabic_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(SEPARATORS),
              st.integers(0, 3000).map(str), st.text(max_size=3)),
    max_size=60,
).map("".join)
any_text = st.one_of(st.text(max_size=300), arabic_text)
published = st.one_of(
    st.none(),
    st.from_regex(r"\A[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z"),  # real and impossible dates: 2019-13-45
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["", " ", "2019-6", "٢٠١٩-٠٦-٢٦", "june", "2019-06-26T10:00"]),
)
# What a manifest may give a Document (read_manifest refuses anything else).
valid_published = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
)
ISO = re.compile(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z")


@SETTINGS
@given(any_text)
def test_normalize_is_total_idempotent_and_drops_what_must_not_decide_a_match(text):
    norm = normalize(text)
    assert normalize(norm) == norm
    assert not re.search("[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", norm)
    assert not re.search("[٠-٩۰-۹أإآىةی]", norm)


@SETTINGS
@given(any_text, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=3))
def test_sentences_slice_the_original_text(text, skip):
    sentences = split_sentences(text, skip=[(min(a, b), max(a, b)) for a, b in skip])
    previous_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
        previous_end = s.end


@SETTINGS
@given(any_text, st.integers(0, 10_000))
def test_tokens_slice_the_original_text(text, offset):
    previous_end = offset
    for t in tokenize(text, offset):
        assert previous_end <= t.start < t.end <= offset + len(text)
        assert text[t.start - offset:t.end - offset] == t.surface
        # the normalised word; a Latin acronym keeps its capitals (UNDP, not undp)
        assert t.norm and normalize(t.norm) == normalize(t.surface)
        assert t.norm == normalize(t.surface) or t.surface.isupper()
        previous_end = t.end


@SETTINGS
@given(any_text, published)
def test_dates_slice_the_text_and_are_real_iso_dates(text, pub):
    previous_end = 0
    for e in find_dates(text, published=pub):
        assert previous_end <= e.start < e.end <= len(text)
        previous_end = e.end
        for value in (e.value, e.end_value):
            if value is not None:
                assert ISO.match(value), value
                parts = [int(x) for x in value.split("-")]
                if len(parts) == 3:
                    datetime.date(*parts)  # exists: no 30 February
                elif len(parts) == 2:
                    assert 1 <= parts[1] <= 12


@SETTINGS
@given(any_text)
def test_numbers_slice_the_text_and_are_finite(text):
    previous_end = 0
    for n in find_numbers(text):
        assert previous_end <= n.start < n.end <= len(text)
        previous_end = n.end
        assert math.isfinite(n.value)
        assert n.qualifier in ("exact", "about", "more-than", "less-than")


def _check_parsed(doc: Document) -> None:
    parsed = run(doc, Context.default())
    text = doc.text
    for s in parsed.sentences:
        assert text[s.start:s.end] == s.text
    for f in [*parsed.mentions, *parsed.dates, *parsed.quantities, *parsed.facts]:
        ev = f.evidence
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.text, f
        if isinstance(f, (Mention, DateMention, Quantity)):
            assert ev.start <= f.start < f.end <= ev.end, f
            assert text[f.start:f.end] == f.surface, f
    quads = document_quads(parsed, Context.default().lexicon)  # what 'ckg build' stores
    ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


@SETTINGS
@given(any_text, valid_published)
def test_the_pipeline_never_raises_and_every_evidence_slices_the_text(text, pub):
    _check_parsed(Document(id="hypothesis", text=text, published=pub))


@SETTINGS
@given(any_text)
@example("\u0300\x1b\u0316")  # two marks brought together by removing a control character: NFC reorders them
def test_the_pipeline_on_cleaned_text(text):
    """What ingest hands the pipeline: the text after :func:`clean_text`."""
    cleaned = clean_text(text)
    assert not re.search("[\u200b\u202a-\u202e\u2066-\u2069\ufeff\r\x00]", cleaned)
    assert unicodedata.is_normalized("NFC", cleaned) and clean_text(cleaned) == cleaned
    _check_parsed(Document(id="hypothesis", text=cleaned, published="2019-06-26"))


@SETTINGS
@given(st.binary(max_size=400) | arabic_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decoding_any_bytes_gives_text_or_a_decode_error(data):
    try:
        text, encoding = decode(data, "x.txt")
    except DecodeError as exc:
        assert str(exc).startswith("x.txt: ") and ";" in str(exc)  # the file, what is wrong; what to do
    else:
        assert isinstance(text, str) and encoding


@SETTINGS
@given(st.lists(st.one_of(arabic_text, st.sampled_from(
    ["<p>", "</p>", "<script>", "</script>", "<style>", "<br/>", "<!--", "-->", "<head>", "<b>", "&amp;", "&#x627;",
     "&bogus;", "<", ">", "<![CDATA[", "<title>", "</title>", "<svg>", "<pre>", "</pre>"])), max_size=40).map("".join))
def test_html_to_text_never_raises_and_keeps_no_markup_of_its_own(markup):
    text, title = html_to_text("<html>" + markup)
    assert "<script>" not in text and "</p>" not in text
    assert text == "\n".join(line for line in text.split("\n") if line)


@pytest.mark.parametrize("text", [
    "اجتمع وزراء التحالف في وا\u200bشنطن",  # a zero-width space inside a name
    "\u202eكينيا\u202c",                      # a right-to-left override around one
])
def test_invisible_characters_no_longer_hide_names(text):
    parsed = run(Document(id="t", text=clean_text(text)))
    assert parsed.mentions and all(m.surface in clean_text(text) for m in parsed.mentions)
