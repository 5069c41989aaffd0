"""Step ``people``: office-holders, from the lexicon and from the language of the text.

The press names people as TITLE [modifiers] [AFFILIATION] NAME:
"وزير الخارجية الفرنسي جان إيف لو دريان", "المستشار الخاص للأمم المتحدة كريم خان",
"المبعوث الأمريكي الخاص بالإنابة للتحالف الدولي جون غودفري". A title opens the
pattern (``titles.tsv``), a nationality adjective or an organisation gives the
affiliation, and the name is either a person the lexicon knows or the run of
name-like words that follows. Later mentions by surname alone resolve to the
same person within the document.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from ..facts import Evidence, Mention, NewEntity, Parsed, PersonRole
from ..lexicon import PhraseMatcher
from ..pipeline import Context, step
from ..rdf import mint_key
from ..text import Token, normalize, strip_clitics
from ..triggers import triggers
from ._context import ACTOR_CLASSES, definite, entity_class, forget_views, main_armed_group, proclitic, views
from ._context import punct_between as _punct_between
from .meetings import _DELEGATION, _after_preposition

__all__ = ["people", "titles"]

_WORDS = triggers().words
_MODIFIERS = _WORDS("person_modifiers")
_STOP = _WORDS("person_stop")
_HONORIFICS = _WORDS("honorifics")
_OBJECTS = _WORDS("not_names")
_PLACE_NOUNS = _WORDS("place_nouns")
_LINEAGE = frozenset(normalize(w) for w in ("بن", "ابن", "آل"))
_CONNECTORS = _WORDS("name_connectors")
_SPEECH = _WORDS("speech_verbs")


@lru_cache(maxsize=1)
def _title_rows() -> list[dict[str, str]]:
    """The rows of ``lexicon/data/titles.tsv`` (title_ar, title_en, rank)."""
    path = resources.files("graph.lexicon").joinpath("data", "titles.tsv")
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def _expert_keys() -> frozenset[str]:
    """Keys of the titles of experts (researcher, analyst ...): their field ("الباحث في الجماعات
    المتطرفة") comes between the title and the name."""
    return frozenset(f"t{i}" for i, row in enumerate(_title_rows()) if (row.get("rank") or "").strip() == "expert")


@lru_cache(maxsize=1)
def titles() -> tuple[PhraseMatcher, dict[str, tuple[str, str]]]:
    """The title matcher and ``{key: (title_ar, title_en)}`` from ``lexicon/data/titles.tsv``."""
    pm = PhraseMatcher()
    table: dict[str, tuple[str, str]] = {}
    listed = {(row.get("title_ar") or "").strip() for row in _title_rows()}
    # "رئيسة" is a title of its own, not "رئيسه" ("its head"): the two are one form once normalised
    listed_forms = {normalize(t) for t in listed}
    for i, row in enumerate(_title_rows()):
        ar, en = (row.get("title_ar") or "").strip(), (row.get("title_en") or "").strip()
        if ar:
            key = f"t{i}"
            table[key] = (ar, en)
            pm.add(ar, key)
            if not ar.startswith(_DEPUTY_HEADS):
                # "نائبة المبعوث"، "نائب قائد الشرطة": the deputy of any office holds an office
                for dep in ("نائب", "نائبة"):
                    table[f"{key}:{dep}"] = (f"{dep} {ar}", f"Deputy {en}" if en else "")
                    pm.add(f"{dep} {ar}", f"{key}:{dep}")
                if ar.startswith(("وزير ", "وزيرة ")):  # "مساعدة وزير الخزانة": a minister's assistant holds an office too
                    for dep in ("مساعد", "مساعدة") if f"مساعد {ar}" not in listed else ():
                        table[f"{key}:{dep}"] = (f"{dep} {ar}", f"Assistant {en}" if en else "")
                        pm.add(f"{dep} {ar}", f"{key}:{dep}")
            if ar.endswith("*"):
                continue  # "وزير ال*": any ministry, written with its article
            for variant in _construct_forms(ar):
                pm.add(variant, key)
            for variant in _possessive_forms(ar):
                if normalize(variant) in listed_forms:
                    continue
                table[key + ":poss"] = (ar, en)
                pm.add(variant, key + ":poss")
    return pm, table


_DEPUTY_HEADS = ("نائب", "مساعد", "وكيل")  # titles that already name a deputy
_MP = frozenset(normalize(w) for w in ("النائب", "النائبة"))
# ranks that are also common words ("the team", "the brigade", "the dean"): no name after them across punctuation
_WORD_RANKS = frozenset(normalize(w) for w in ("الفريق", "اللواء", "العميد"))
# military ranks, which close a title before the name ("نائب قائد العمليات المشتركة الفريق أول الركن فلان")
_RANKS = frozenset(normalize(w) for w in ("الفريق", "اللواء", "العميد", "العقيد", "الجنرال", "الأدميرال", "الأميرال",
                                          "المشير"))
_GRADES = frozenset(normalize(w) for w in ("أول", "الركن", "ركن"))
_ORDINALS_EN = {normalize(w): en for w, en in (("الأول", "First"), ("الأولى", "First"), ("الثاني", "Second"),
                                                 ("الثانية", "Second"), ("الثالث", "Third"), ("الثالثة", "Third"))}
_ORDINALS = frozenset(_ORDINALS_EN)
_DEPUTY = frozenset(normalize(w) for w in ("نائب", "نائبة"))


def _construct_forms(title: str) -> list[str]:
    """"وزير الخارجية" -> "وزير خارجية" (الولايات المتحدة): a title whose head noun governs its last
    word is also written with that word bare, governing the state after it. A title whose head
    carries the article ends in an adjective (الأمين العام) and has no such form.

    >>> _construct_forms("وزير الخارجية"), _construct_forms("الأمين العام")
    (['وزير خارجية'], [])
    """
    words = title.split()
    if len(words) < 2 or words[0].startswith("ال") or not words[-1].startswith("ال"):
        return []
    return [" ".join(words[:-1] + [words[-1][2:]])]


def _possessive_forms(title: str) -> list[str]:
    """"سفير" -> "سفيرها"، "وزير الخارجية" -> "وزير خارجيتها": the title of "its" state."""
    words = title.split()
    last = words[-1]
    if last.startswith("ال"):
        last = last[2:]
    if last.endswith("ة"):
        last = last[:-1] + "ت"
    if len(words) == 1 and title.startswith("ال"):
        return []
    return [" ".join(words[:-1] + [last + suffix]) for suffix in ("ها", "ه")]


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _lexicon_role(entry, year: str | None, title: str | None = None) -> tuple[str | None, str | None, str | None]:
    """The office the lexicon gives a person in ``year``: of several held then, the one whose title the
    text uses ("الرئيس أحمد الشرع" in 2025: president, not the group he led until then), else the one
    taken last."""
    roles = entry.extra.get("roles") or []
    if not roles:
        return None, None, None
    chosen = roles[0]
    if year:
        held = [r for r in roles if str(r.get("from") or "0000")[:4] <= year[:4] <= str(r.get("to") or "9999")[:4]]
        if held:
            named = [r for r in held if title and normalize(r.get("title_ar") or "") == normalize(title)]
            chosen = sorted(named or held, key=lambda r: str(r.get("from") or "0000"))[-1]
    return chosen.get("title_ar"), chosen.get("title_en"), chosen.get("affiliation")


@step("people")
def people(parsed: Parsed, ctx: Context) -> None:
    """Positions held by people, with role and affiliation, and their later mentions."""
    lex = ctx.lexicon
    matcher, table = titles()
    text = parsed.doc.text
    _drop_named_facilities(parsed, lex)
    year = parsed.doc.published
    titled: set[str] = set()
    surnames: dict[str, str] = {}

    new_mentions: list[Mention] = []

    for view in views(parsed):
        toks = view.tokens
        ev = Evidence.of(view.sentence)
        starts = {m.start: m for m in view.mentions}
        used_until = -1
        for t in matcher.match(toks):
            if t.i < used_until:
                continue
            if t.i > 0 and (_FACILITIES | _APPS) & set(strip_clitics(toks[t.i - 1].norm)):
                continue
            if table[t.entity][0].endswith("*") and definite(toks[t.i]):
                continue  # "وزير ال*" is a minister of something; "الوزير التزام ..." is the minister and a noun
            if t.j - t.i == 1 and toks[t.i].norm in _MP and t.j < len(toks) and toks[t.j].norm in _ORDINALS:
                continue  # "النائب الأول لرئيس مجلس الوزراء": a deputy, not a member of parliament
            role_start = _without_clitic(text, t.start, t.end, table[t.entity][0])
            role_end = t.end
            role_en = table[t.entity][1] or None
            if t.i >= 2 and toks[t.i - 1].norm in _ORDINALS and toks[t.i - 2].norm in _MP | _DEPUTY \
                    and role_start > t.start:
                # "النائب الأول لرئيس المجلس": the first deputy of the office the title names
                role_start = toks[t.i - 2].start
                role_en = f"{_ORDINALS_EN[toks[t.i - 1].norm]} Deputy {role_en}" if role_en else None
            role_end, run_j = _title_run(text, matcher, toks, t.j, t.end)
            role_end, adj_j = _office_adjectives(text, matcher, toks, t.i, run_j, role_end, starts)
            role_end = _affairs(text, toks, adj_j, role_end, starts)  # "وكيلة الوزارة للشؤون السياسية فيكتوريا نولاند"
            base = t.entity.split(":", 1)[0]  # the office's own key, without its deputy or "its"
            office = table[base][0]
            pos = t.j
            # (or a title written without its last word's article, heading what follows: "نائب رئيس بعثة
            # جامعة الدول العربية في واشنطن خالد حسني")
            construct = (" " in office and office.split()[-1].startswith("ال") and t.j == run_j
                         and toks[t.j - 1].norm == normalize(office.split()[-1])[2:])
            if construct:
                role_en = None  # "نائب رئيس بعثة ..." is no "Vice President"
            if (" " not in office and not office.startswith("ال")) or construct:  # "قائد شرطة X"، "نائب قائد شرطة X"
                if not t.entity.endswith(":poss") and t.j < len(toks) and toks[t.j].norm.startswith("لل") \
                        and toks[t.j].start not in starts and not _quoted_name_after(text, toks[t.j].end):
                    continue  # "لانتخاب رئيس للجمهورية وسط توقعات": a head with لل is a common noun, no title
                    # (not "قائد لواء المشاة"، "رئيس لجنة الأمن": words that begin with ل)
                role_end = _head_of(text, toks, t.j, starts, role_end, lex, parsed)
                while pos < len(toks) and toks[pos].start < role_end and toks[pos].start not in starts:
                    pos += 1  # past what a bare head title heads ("مدير المركز الإعلامي سامي ...")
            affiliation = None
            person = None
            limit = min(len(toks), t.j + 10)
            name_start, closed = None, False
            complement = _opens_complement(table[t.entity][0])  # inside "باسم ..." or "لشؤون ...": its definite words are the title's
            on_behalf = False  # whether "باسم" has been read after the title
            while pos < limit:
                if run_j <= pos < adj_j:  # the office's adjectives ("وزير الدفاع الوطني") come before the name
                    pos = adj_j
                    continue
                tok = toks[pos]
                m = starts.get(tok.start)
                if m is None and any(x.start < tok.start < x.end and x.start < role_end for x in view.mentions):
                    pos += 1  # "وزيرة الخزانة الأمريكية": the rest of a body's name that the title's last word begins
                    continue
                if tok.norm in _POSTED_TO and pos + 1 < len(toks) and (to := starts.get(toks[pos + 1].start)) is not None \
                        and entity_class(to.entity, lex, parsed) in ("Country", "City", "InternationalOrganization") \
                        and not _punct_between(text, tok.end, toks[pos + 1].start):
                    # "المبعوث الخاص إلى سوريا توم باراك"، "السفير لدى تركيا": where the post is, not whose
                    pos = view.token_at(to.end - 1) + 1
                    continue
                between = text[toks[pos - 1].end:tok.start].strip() if pos > t.j else ""
                if between == "(" and m is not None and text[m.end:m.end + 1] == ")":
                    # "لمنظمة الأمم المتحدة للطفولة (يونيسف) كاثرين راسل": a body's short name in brackets
                    pos = view.token_at(m.end - 1) + 1
                    if affiliation is None and entity_class(m.entity, lex, parsed) in ACTOR_CLASSES:
                        affiliation = m.entity
                    continue
                if between == ")" and text[toks[pos - 1].start - 1:toks[pos - 1].start] == "(":
                    pass  # just past the bracketed short name
                elif pos > t.j and _punct_between(text, toks[pos - 1].end, tok.start):
                    # set off by a comma, not the next of a list ("، وأنتوني بلينكن"): a known person
                    # ("ووزير الخارجية الأمريكي، أنتوني بلينكن،"), a second title of the same person ("رئيس
                    # الوفد التشادي، وزير الخارجية أمين أبا صديق"), or a name closed by a comma ("مدير
                    # المركز الإعلامي لـ«قسد»، فرهاد شامي، إن")
                    sep = text[toks[pos - 1].end:tok.start].strip(_QUOTES + " \n\t")
                    if sep[:1] == ")" and text[toks[pos - 1].start - 1:toks[pos - 1].start] == "(":
                        sep = sep[1:].strip()  # "نائب الأمين العام لحلف شمال الأطلسي (الناتو)، ميرتشا جوانا،"
                    if sep not in ("،", ","):
                        break
                    if m is None:
                        again = [x for x in matcher.match(toks[pos:pos + 5]) if x.i == 0]
                        if again:
                            a = again[0]
                            if _without_clitic(text, a.start, a.end, table[a.entity][0]) != a.start:
                                break  # "، ووزير الخارجية": the next of a list
                            pos += a.j
                            limit = min(len(toks), pos + 10)
                            continue
                        if tok.surface.startswith("و"):
                            break
                        if tok.norm in _HONORIFICS and pos + 1 < len(toks):
                            pos += 1  # "الخبير ... في الشؤون الأمنية، الدكتور فلان،": the word of address opens the name
                        name_start, closed = pos, True
                        break
                    if entity_class(m.entity, lex, parsed) != "Person" or proclitic(m, lex).startswith("و"):
                        break
                if m is not None:
                    cls = entity_class(m.entity, lex, parsed)
                    if cls == "Person":
                        person = m.entity
                        pos = view.token_at(m.end - 1) + 1
                        break
                    if (cls in ACTOR_CLASSES or cls == "ArmedGroup") and affiliation is None:  # "قائد «قسد» مظلوم عبدي"
                        affiliation = m.entity
                    pos = view.token_at(m.end - 1) + 1
                    continue
                if tok.norm in _HONORIFICS:
                    # "رئيس أمن الدولة الأستاذ عبدالعزيز ..."، "الشيخ الدكتور احمد ناصر ...": the words of address open the name
                    k = pos + 1
                    while k < len(toks) and toks[k].norm in _HONORIFICS:
                        k += 1
                    if k < len(toks) and toks[k].start not in starts and not _not_a_name_word(toks[k]):
                        name_start = k
                        break
                if tok.norm[:1] in "بل" and tok.norm[1:] in _WORKPLACES and pos + 1 < len(toks) \
                        and not _punct_between(text, tok.end, toks[pos + 1].start):
                    complement = True  # "الأمين العام لوزارة شؤون البيشمركة": the ministry the office is in
                    pos += 1
                    continue
                if (tok.norm.startswith("لل") and "ال" + tok.norm[2:] in _BODIES_AGAIN and tok.start not in starts
                        and pos + 1 < len(toks) and not _punct_between(text, toks[pos - 1].end, toks[pos + 1].start)):
                    pos += 1  # "المديرة التنفيذية للمنظمة نور الهدى العبدالله": the body named before, by its noun
                    continue
                if (tok.norm.startswith("لل") and "ال" + tok.norm[2:] in _PORTFOLIO_NOUNS and pos > t.j
                        and tok.start not in starts and not _punct_between(text, toks[pos - 1].end, tok.start)):
                    pos += 1  # "كاتب الدولة الأمريكي للخارجية": the portfolio after the office's adjective
                    continue
                nxt = [x for x in matcher.match(toks[pos:pos + 4]) if x.i == 0]
                if nxt:
                    pos += nxt[0].j
                    complement = _opens_complement(table[nxt[0].entity][0])
                    continue
                if (tok.norm[:1] == "و" and tok.norm.endswith("ه") and len(tok.norm) >= 5 and definite(toks[pos - 1])
                        and not definite(tok)
                        and pos + 1 < len(toks) and definite(toks[pos + 1]) and tok.norm[1:] not in _title_heads()
                        and not _punct_between(text, toks[pos - 1].end, toks[pos + 1].start)):
                    pos += 2  # "وزير الصناعة وتنمية الصادرات": the office's second part, not a name
                    continue
                if (tok.norm.startswith("وال") and len(tok.norm) >= 6 and definite(toks[pos - 1]) and affiliation is None
                        and (tok.norm[1:] in _PORTFOLIO_NOUNS or tok.norm.endswith("يين"))
                        and tok.start not in starts and not _punct_between(text, toks[pos - 1].end, tok.start)):
                    pos += 1  # "وزيرة الخارجية والتكامل الإقليمي": a second portfolio of the office, not a name
                    while (pos < len(toks) and definite(toks[pos]) and toks[pos].norm.endswith(("ي", "يه"))
                           and toks[pos].start not in starts and not _punct_between(text, toks[pos - 1].end, toks[pos].start)):
                        pos += 1  # with its adjective
                    continue
                if tok.norm == _IN and pos + 1 < len(toks) and toks[pos + 1].norm == _ABROAD \
                        and not _punct_between(text, toks[pos - 1].end, toks[pos + 1].start):
                    pos += 2  # "وزير الخارجية والتوغوليين في الخارج": of the nationals abroad
                    continue
                if tok.norm == _AT_ABROAD:
                    pos += 1  # "وزير الشؤون الخارجية والهجرة والتونسيين بالخارج"
                    continue
                if _before_name(tok, toks, pos, starts):  # "لـ«قسد»": the preposition written apart
                    pos += 1
                    continue
                if (tok.norm == _IN and pos + 1 < len(toks) and toks[pos + 1].norm in _WORKPLACES
                        and toks[pos + 1].start not in starts and not _punct_between(text, tok.end, toks[pos + 1].start)):
                    complement = True  # "المدير السياسي في وزارة الخارجية الإيطالية باسكوالي فيرارا": where the office is
                    pos += 1
                    continue
                if (tok.norm == _IN and pos + 1 < len(toks) and not _punct_between(text, tok.end, toks[pos + 1].start)
                        and (toks[pos + 1].norm in _AFFAIRS
                             or (definite(toks[pos + 1]) and base in _expert_keys()))):
                    complement = True  # a field: "الباحث في شؤون الجماعات المتطرفة"، "الخبير في الجماعات المسلحة"
                    pos += 1
                    continue
                if complement and tok.norm in _AFFAIRS:
                    pos += 1
                    continue
                if tok.norm == _ON_BEHALF and (on_behalf or table[t.entity][0].endswith("باسم")) \
                        and pos + 1 < len(toks) and toks[pos + 1].start not in starts:
                    name_start = pos  # "الناطق الرسمي باسم الحكومة باسم العوادي": a second "باسم" is the name Basim
                    break
                on_behalf = on_behalf or tok.norm == _ON_BEHALF
                if tok.norm in _COMPLEMENTS and pos + 1 < len(toks) and (
                        definite(toks[pos + 1]) or toks[pos + 1].start in starts or toks[pos + 1].norm in _COMMON_NOUNS):
                    complement = True  # "المتحدث باسم الجيش"، "مساعد الوزير لشؤون التنمية" (باسم is also a name)
                    pos += 1
                    continue
                if tok.norm in _FOR_AFFAIRS:
                    # "لشؤون تمويل الإرهاب"، "لشؤون مكافحة غسل الأموال": the nouns of the field up to its first word
                    # with the article are the title's (no name follows لشؤون)
                    k = pos + 1
                    while k < min(len(toks), pos + 4) and not definite(toks[k]) and k + 1 < len(toks):
                        k += 1
                    if k > pos + 1 and definite(toks[k]) and not _punct_between(text, tok.end, toks[k].start):
                        complement = True
                        pos = k
                        continue
                if complement and (definite(tok) or tok.norm in _COMMON_NOUNS) and tok.norm not in _STOP:
                    pos += 1
                    continue
                if tok.norm in _MODIFIERS or definite(tok) or tok.norm in _STOP:
                    if tok.norm in _STOP and tok.norm not in _MODIFIERS:
                        break
                    # A preposition or a definite word goes on the title ("من أجل هزيمة", "لدى التحالف") only
                    # when more of it follows; before a bare word the sentence has moved on ("حذر الوزير الإيطالي
                    # من أي شعور", "طالب الوزير الأميركي الدول الأعضاء باستعادة مواطنيها").
                    nxt_tok = toks[pos + 1] if pos + 1 < len(toks) else None
                    goes_on = (nxt_tok is None or nxt_tok.start in starts or nxt_tok.norm in _MODIFIERS or definite(nxt_tok)
                               or _before_name(nxt_tok, toks, pos + 1, starts))
                    if (tok.norm not in _MODIFIERS or tok.norm in _STOP) and not goes_on:
                        break
                    if affiliation is not None and tok.norm not in _MODIFIERS and not (
                            tok.norm in _OFFICE_AFTER_STATE and pos > 0 and (prev_m := starts.get(toks[pos - 1].start))
                            is not None and prev_m.how == "adjective"):
                        break  # the title ended with its country (not "المندوبة الأمريكية الدائمة"، "المبعوث الأمريكي الخاص")
                    pos += 1
                    continue
                if (tok.norm in _COMMON_NOUNS or tok.norm[1:] in _COMMON_NOUNS) and pos + 1 < len(toks) \
                        and (shut := _quoted_name_after(text, tok.end)) is not None:
                    # "الرئيس التنفيذي لشركة «بلاك روك» لاري فينك"، "رئيس مجموعة «سوفت بنك» اليابانية": the
                    # body's quoted name and its adjectives are the title's
                    if affiliation is None and not _punct_between(text, role_end, tok.start):
                        role_end = shut  # the body has no entry: its name stays with the title
                    while pos < len(toks) and toks[pos].start < shut:
                        pos += 1
                    complement = True
                    continue
                if (tok.norm[:1] in "بل" and pos + 1 < len(toks) and definite(toks[pos + 1]) and definite(toks[pos - 1])
                        and affiliation is None  # (after the title's state the sentence has moved on: "التزام مصر بمواصلة التنسيق")
                        and ((tok.norm.endswith("ه") and len(tok.norm) >= 5) or tok.norm[1:] in _COMMON_NOUNS)):
                    # "منسق البرنامج الوطني لمكافحة التطرف"، "مدير ... بهيئة السوق"، "الرئيس المشارك لحزب ..."
                    complement = True
                    pos += 1
                    continue
                name_start = pos
                break
            role_ar = text[role_start:role_end]
            if table[t.entity][0].startswith("ال") and role_ar.startswith("ل") and not role_ar.startswith("ال"):
                role_ar = "ا" + role_ar  # "للمتحدث باسم ...": the title is "المتحدث باسم", its article's alef dropped after ل
            if person is None and name_start is not None and t.i > 0 and toks[t.i - 1].norm in _HONORIFICS \
                    and _punct_between(text, toks[name_start - 1].end, toks[name_start].start):
                name_start = None  # "السيد الوزير، تتواتر التقارير ...": the office addressed, no name after it
            if person is None and name_start is not None and not _ends_a_quotation(text, view.sentence.start, t):
                person, end_tok = _unknown_person(parsed, view, name_start, starts, surnames, closed, lex=lex)
                if person is not None:
                    pos = end_tok
            if person is None:
                continue
            if affiliation is None and t.entity.endswith(":poss") and table[t.entity][0] in _GROUP_LEADERS:
                affiliation = _group_referred_to(parsed, view, t, lex)  # "وخسر التنظيم ... التخلص من زعيمه"
            if affiliation is None and t.entity.endswith(":poss"):
                # (not a name used as an adjective after a definite noun: "ورحبت وزارة الخارجية الأمريكية
                # بالمساهمة السعودية، وقالت المتحدثة باسمها")
                affiliation = next((m.entity for m in reversed(view.mentions) if m.end <= t.start and m.how == "name"
                                    and entity_class(m.entity, lex, parsed) == "Country"
                                    and not _after_definite_noun(view, m)), None)
            if affiliation is None and t.entity.endswith(":poss"):
                affiliation = _possessor(view, t, text, lex, parsed)
            if affiliation is None:
                # "مساعدة وزيرة الخزانة الأمريكية": a body whose name the title's last words begin; a state's
                # ministry stands for the state, as "وزيرة الخزانة الأمريكية" would
                body = next((m.entity for m in view.mentions if role_start <= m.start < t.end < m.end
                             and entity_class(m.entity, lex, parsed) in ACTOR_CLASSES), None)
                affiliation = (lex[body].extra.get("country") or body) if body in lex.entries \
                    and lex[body].cls == "GovernmentBody" else body
            if affiliation is None:
                affiliation = _affiliation_before(view, t, lex, parsed)
            if affiliation is None and table[base][0].endswith("باسم") and t.j < len(toks):
                affiliation = _institution_named_before(parsed, lex, view, toks[t.j]) \
                    or _ministry_named_before(parsed, lex, view, t.j)
            ministry = next((k for k in range(t.i, t.j) if toks[k].norm == _MINISTRY), None) if affiliation is None else None
            if ministry is not None and ministry + 1 < t.j:
                # "وكيل وزارة الخزانة ..." after "فرضت وزارة الخزانة الأمريكية": the state of that ministry
                affiliation = _ministry_named_before(parsed, lex, view, ministry)
            if affiliation is None and (any(toks[k].norm == _IN and toks[k + 1].norm == _THE_MINISTRY
                                            for k in range(t.j, min(pos, len(toks) - 1)))
                                        or any(toks[k].norm == _THE_MINISTRY for k in range(t.i, t.j))):
                # "منسق مكافحة الإرهاب بالإنابة في الوزارة" after "وذكرت وزارة الخارجية الأمريكية", "وقال وكيل
                # الوزارة ..." after "فرضت وزارة الخزانة الأمريكية عقوبات": that ministry
                affiliation = next((m.entity for m in reversed(view.mentions) if m.end <= t.start
                                    and entity_class(m.entity, lex, parsed) == "GovernmentBody"
                                    and _MINISTRY in normalize(m.surface).split()), None)
            used_until = pos
            entry = lex.get(person)
            if affiliation is None and entry is not None:
                affiliation = _lexicon_role(entry, year, role_ar)[2]
            if affiliation is None and entry is None and _a_ministers(role_ar) \
                    and not _visit_or_other_state(view, lex, parsed, t.start):
                # "وأعلن وزير الصحة فلان الحصيلة" in a report filed from Baghdad: that state's minister (not
                # "استقبل العبادي وزير الدفاع فلان، الذي يزور العراق")
                affiliation = _filed_from(parsed, lex)
            if affiliation is None and not _MP.isdisjoint(toks[k].norm for k in range(t.i, min(pos, len(toks)))):
                # "رئيس اللجنة النائب فلان"، "رئيسة اللجنة، النائبة فلانة": a member of the parliament the text names
                affiliation = _body_named(parsed, lex, view, _LEGISLATURE_WORDS)
            if affiliation is None and normalize(role_ar) in _JUDGES:
                affiliation = _body_named(parsed, lex, view, _COURT_WORDS)  # "هيئة برئاسة القاضي فلان" under a court's heading
            titled.add(person)
            parsed.facts.append(PersonRole(ev, "people/title-name", person=person, role_ar=role_ar,
                                           role_en=role_en, affiliation=affiliation))

    _addressed_names(parsed, matcher, table, surnames)
    _group_leaders(parsed, lex, surnames, titled)
    _titles_after_names(parsed, lex, matcher, table, titled)

    # surnames of people found from the language, used alone later in the document
    if surnames:
        for view in views(parsed):
            taken = {(m.start, m.end) for m in view.mentions}
            for tok in view.tokens:
                for variant in (tok.norm, tok.norm[1:] if tok.norm[:1] in "وفبل" else None):
                    key = surnames.get(variant) if variant else None
                    if key and not any(a <= tok.start < b for a, b in taken):
                        new_mentions.append(Mention(Evidence.of(view.sentence), "people/surname", entity=key,
                                                    start=tok.start, end=tok.end, surface=tok.surface, how="surname"))
                        break
    parsed.mentions.extend(new_mentions)
    _surname_like_an_adjective(parsed, lex)

    # a bare "الوزير" adds nothing when the same person's full title is in the document
    full = {f.person for f in parsed.facts_of(PersonRole) if f.role_ar and len(f.role_ar.split()) > 1}
    parsed.facts[:] = [f for f in parsed.facts if not (isinstance(f, PersonRole) and f.person in full
                                                       and f.role_ar and len(f.role_ar.split()) == 1)]

    # people the lexicon knows, mentioned without a title: their role from general knowledge
    seen: dict[str, Mention] = {}
    for m in parsed.mentions:
        if entity_class(m.entity, lex, parsed) == "Person":
            seen.setdefault(m.entity, m)
    for key, m in seen.items():
        entry = lex.get(key)
        if key in titled or entry is None:
            continue
        known_ar, known_en, aff = _lexicon_role(entry, year)
        parsed.facts.append(PersonRole(m.evidence, "people/lexicon-role", person=key, role_ar=known_ar,
                                       role_en=known_en, affiliation=aff if aff is not None and aff in lex else None))


def _surname_like_an_adjective(parsed: Parsed, lex) -> None:
    """"«الصباح»: السوداني يريد جدولاً ..." in a document that names "محمد شياع السوداني": a family name the
    lexicon does not match alone, as it is also a nationality's adjective, stands for the person named in
    full in the document when it heads a clause, where no noun stands before it for an adjective to follow."""
    text = parsed.doc.text
    family: dict[str, str] = {}
    for m in parsed.mentions:
        if m.how == "name" and (e := lex.get(m.entity)) is not None and e.cls == "Person" \
                and e.extra.get("ambiguous_surname") and len(e.ar.split()) > 1:
            family[normalize(e.ar.split()[-1])] = m.entity
    if not family:
        return
    changed = False
    for i, m in enumerate(parsed.mentions):
        if m.how != "adjective" or normalize(m.surface) not in family:
            continue
        before = text[:m.start].rstrip(" \t")
        if before and before[-1] not in ":«\"\n.؟?!":
            continue  # "الجيش السوداني": an adjective after its noun
        parsed.mentions[i] = Mention(m.evidence, "people/surname-heading-a-clause", entity=family[normalize(m.surface)],
                                     start=m.start, end=m.end, surface=m.surface, how="surname")
        changed = True
    if changed:
        forget_views(parsed)


# the label of a byline or a guest line, before a colon and a name
_BYLINES = frozenset(normalize(w) for w in ("الحوار", "حاوره", "حاورته", "الضيف", "الضيفة", "إعداد", "بقلم", "تقديم",
                                            "تحرير", "كتب", "كتبت", "المحاور", "المحاورة"))


def _addressed_names(parsed: Parsed, matcher, table, surnames: dict) -> None:
    """A name the lexicon does not know after a word of address and before a title, set off by a comma
    or not: "برئاسة معالي سلطان محمد الشامسي، مساعد وزير الخارجية"، "معالي ليلى حداد وزيرة الثقافة";
    or after a verb of saying and set off by a comma: "وقالت سارة ميتشل، رئيسة فريق الاتصال" (the
    title is then read as after any name)."""
    text = parsed.doc.text
    for view in views(parsed):
        toks = view.tokens
        starts = {m.start: m for m in view.mentions}

        def titled(j: int) -> bool:
            if j >= len(toks) or text[toks[j - 1].end:toks[j].start].strip() not in ("", "،", ","):
                return False
            first = [x for x in matcher.match(toks[j:j + 5]) if x.i == 0 and not x.entity.endswith(":poss")]
            return bool(first) and table[first[0].entity][0] not in _HONORIFICS and \
                _without_clitic(text, first[0].start, first[0].end, table[first[0].entity][0]) == first[0].start

        for k, tok in enumerate(toks[:-1]):
            if (tok.norm in _HONORIFICS or tok.norm[:1] in "وبلف" and tok.norm[1:] in _HONORIFICS) \
                    and toks[k + 1].start not in starts \
                    and (not _punct_between(text, tok.end, toks[k + 1].start)
                         or len(tok.norm) == 1 and text[tok.end:toks[k + 1].start].strip() == "."):  # "د. هالة": an abbreviation's point
                _unknown_person(parsed, view, k + 1, starts, surnames, then=titled)
            elif tok.norm in _BYLINES and toks[k + 1].start not in starts \
                    and text[tok.end:toks[k + 1].start].strip() == ":" and toks[k + 1].norm not in _HONORIFICS:
                # "أجرت الحوار: زينب الكعبي، مقدمة البرنامج"، "الضيف: ..."، "إعداد: ...": a byline's name
                _unknown_person(parsed, view, k + 1, starts, surnames, closed=True, then=titled, labelled=True)
            elif tok.norm in _SPEECH and toks[k + 1].start not in starts and not _punct_between(text, tok.end, toks[k + 1].start) \
                    and toks[k + 1].norm not in _HONORIFICS \
                    and not any(x.i == 0 for x in matcher.match(toks[k + 1:k + 4])):  # "وقالت رئيسة اللجنة، النائبة ..."
                _unknown_person(parsed, view, k + 1, starts, surnames, closed=True, then=titled)


def _group_leaders(parsed: Parsed, lex, surnames: dict, titled: set[str]) -> None:
    """The leader of an armed group, named after "بقيادة" that follows the group ("«ولاية خراسان» بقيادة
    فلان") or after "يقود" and the group ("ويقود الجماعة فلان"): role قائد, affiliation the group."""
    led_by, leads, nouns = _WORDS("led_by"), _WORDS("leads"), _WORDS("group_nouns")
    text = parsed.doc.text
    for view in views(parsed):
        toks = view.tokens
        if not any(t.norm in led_by or t.norm in leads for t in toks):
            continue
        starts = {m.start: m for m in view.mentions}
        for k, tok in enumerate(toks[:-2]):
            group, at = None, None
            if tok.norm in led_by and k > 0:
                before = [m for m in view.mentions if m.end <= tok.start and view.token_at(m.end - 1) == k - 1]
                if before and entity_class(before[-1].entity, lex, parsed) == "ArmedGroup":
                    group, at = before[-1].entity, k + 1
            elif tok.norm in leads:
                m = starts.get(toks[k + 1].start)
                if m is not None and entity_class(m.entity, lex, parsed) == "ArmedGroup":
                    group, at = m.entity, view.token_at(m.end - 1) + 1
                elif toks[k + 1].norm in nouns:
                    group, at = main_armed_group(parsed, lex), k + 2
            if group is None or at is None or at >= len(toks) or _punct_between(text, toks[at - 1].end, toks[at].start, _QUOTES):
                continue
            m = starts.get(toks[at].start)
            if m is not None:
                person = m.entity if entity_class(m.entity, lex, parsed) == "Person" else None
            else:
                person, _ = _unknown_person(parsed, view, at, starts, surnames, lex=lex)
            if person is None:
                continue
            titled.add(person)
            parsed.facts.append(PersonRole(Evidence.of(view.sentence), "people/group-leader", person=person,
                                           role_ar="قائد", role_en="leader", affiliation=group))


def _office_adjectives(text: str, matcher, toks, i: int, j: int, end: int, starts: dict) -> tuple[int, int]:
    """Where a title ends when adjectives of its office follow it: "وزير السلامة العامة"، "وزير الدفاع
    الوطني"، "وزير الأمن الداخلي". Only after a head in the construct state whose last word carries the
    article; up to two words, each with the article written bare (not "وال": the next of a list), shaped
    like an adjective that agrees (ـي/ـية, or ـة after a noun in ـة, or العام), not a named state or
    demonym (those are the affiliation), a word that ends a name, nor the start of another title.
    Gives the title's end offset and the token after it."""
    k, noun = j, toks[j - 1]
    if j - i < 2 or definite(toks[i]) or not noun.surface.startswith("ال"):
        return end, j
    while k < len(toks) and k < j + 2:
        tok, before = toks[k], toks[k - 1]
        adjectival = (tok.norm.endswith(("ي", "يه")) or tok.norm in _GENERAL
                      or (before.norm.endswith("ه") and tok.norm.endswith("ه")))
        if (not tok.surface.startswith("ال") or not adjectival or tok.start in starts or tok.norm in _STOP
                or _punct_between(text, before.end, tok.start)
                or any(x.i == 0 for x in matcher.match(toks[k:k + 4]))):
            break
        end, k = tok.end, k + 1
    return end, k


_GENERAL = frozenset({"العام", "العامه"})
# adjectives of an office that may follow the state's adjective inside the title
_OFFICE_AFTER_STATE = frozenset(normalize(w) for w in ("الدائم", "الدائمة", "الخاص", "الخاصة", "المقيم", "المقيمة",
                                                    "البديل", "البديلة", "المناوب", "المناوبة"))


def _title_run(text: str, matcher, toks, j: int, end: int) -> tuple[int, int]:
    """Where a title ends when more titles follow it with nothing between ("القائم بأعمال منسق
    مكافحة الإرهاب", "نائب رئيس مجلس الوزراء ووزير الخارجية"): its end offset and next token."""
    while j < len(toks) and not _punct_between(text, toks[j - 1].end, toks[j].start):
        if toks[j].norm in _HONORIFICS:
            break  # "نائب وزير الخارجية الشيخ جراح ...": the word of address opens the name, though "الشيخ" is a title too
        nxt = [x for x in matcher.match(toks[j:j + 5]) if x.i == 0]
        if not nxt:
            break
        end, j = nxt[0].end, j + nxt[0].j
    return end, j


def _titles_after_names(parsed: Parsed, lex, matcher, table, titled: set[str]) -> None:
    """A title set after a name: "ريكس تيلرسون وزير خارجية الولايات المتحدة", "ناصر بوريطة، وزير
    الشؤون الخارجية ... في المملكة المغربية". The state or body is the first one named before the
    clause ends; else the person's own from general knowledge."""
    text = parsed.doc.text
    # a bare title before the name ("الوزير"، "الشيخ") leaves room for the full one after it
    # (a military rank is no office: "العميد الركن سلام الدراجي، المتحدث باسم قيادة العمليات المشتركة")
    have = {(f.person, f.evidence.sentence) for f in parsed.facts_of(PersonRole) if len((f.role_ar or "").split()) > 1
            and normalize(f.role_ar.split()[0]) not in _RANKS}
    for view in views(parsed):
        toks = view.tokens
        starts = {m.start: m for m in view.mentions}
        for m in list(view.mentions):
            if m.how != "name" or entity_class(m.entity, lex, parsed) != "Person" or (m.entity, view.index) in have:
                continue
            k = view.token_at(m.end - 1) + 1
            while k + 1 < len(toks) and toks[k].norm in _LINEAGE and not _punct_between(text, toks[k - 1].end, toks[k + 1].start):
                k += 2  # "الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد": the lineage after the name the lexicon knows
            if k >= len(toks) or _punct_between(text, toks[k - 1].end, toks[k].start, exclude="،,"):  # a comma may set it off
                continue
            first = [x for x in matcher.match(toks[k:k + 5]) if x.i == 0 and not x.entity.endswith(":poss")]
            if not first or table[first[0].entity][0] in _HONORIFICS:
                continue
            t = first[0]
            role_start = _without_clitic(text, t.start, t.end, table[t.entity][0])
            if role_start != t.start:  # "ناصر بوريطة، والمبعوث الخاص ...": the next person's title
                continue
            role_end, j = _title_run(text, matcher, toks, k + t.j, t.end)
            role_end, j = _office_adjectives(text, matcher, toks, k + t.i, j, role_end, starts)
            office = table[t.entity][0]
            if " " not in office and not office.startswith("ال") and j == k + t.j:
                role_end = _head_of(text, toks, j, starts, role_end, lex, parsed)  # "، مدير عام إدارة مكافحة الإرهاب"
            role_end = _affairs(text, toks, j, role_end, starts)  # "، المدير العام للشؤون السياسية"
            while j < len(toks) and toks[j].start < role_end:
                j += 1
            affiliation = None
            for pos in range(j, min(len(toks), j + 10)):
                if _punct_between(text, toks[pos - 1].end, toks[pos].start):
                    break
                a = starts.get(toks[pos].start)
                if a is not None and toks[pos - 1].norm in _POSTED_TO:
                    continue  # "سفير خادم الحرمين الشريفين لدى الولايات المتحدة": where the post is, not whose
                if a is not None and a.entity != m.entity:
                    cls = entity_class(a.entity, lex, parsed)
                    if cls == "Person":
                        break
                    if (cls in ACTOR_CLASSES or cls == "ArmedGroup") and cls not in ("City", "Region"):
                        affiliation = a.entity  # "مظلوم عبدي، القائد العام لقوات سوريا الديمقراطية"
                        break
            entry = lex.get(m.entity)
            if affiliation is None and entry is not None:
                affiliation = _lexicon_role(entry, parsed.doc.published)[2]
            if affiliation is None:
                # "وترأس وفد المملكة العربية السعودية الأستاذ فلان، مدير عام ...": the state whose delegation
                # the person heads, named before the name and its words of address
                s = view.token_at(m.start)
                while s > 0 and toks[s - 1].norm in _HONORIFICS:
                    s -= 1
                affiliation = _affiliation_before(view, toks[s], lex, parsed)
            have.add((m.entity, view.index))
            titled.add(m.entity)
            parsed.facts.append(PersonRole(Evidence.of(view.sentence), "people/name-title", person=m.entity,
                                           role_ar=text[role_start:role_end], role_en=table[t.entity][1] or None,
                                           affiliation=affiliation))


_FACILITIES = _WORDS("facilities")
_APPS = _WORDS("app_nouns")
_QUOTES = "«»\"“”'"
# Nouns that open the name of a company or body, not of a person ("لشركة «بلاك روك»").
_COMMON_NOUNS = _WORDS("company_nouns")


def _drop_named_facilities(parsed: Parsed, lex) -> None:
    """"جسر الملك سلمان" names a bridge: the person is not mentioned."""
    keep = []
    for m in parsed.mentions:
        if entity_class(m.entity, lex, parsed) == "Person":
            before = parsed.doc.text[max(0, m.start - 12):m.start].split()
            if before and _FACILITIES & set(strip_clitics(normalize(before[-1]))):
                continue
        keep.append(m)
    parsed.mentions[:] = keep


def _without_clitic(text: str, start: int, end: int, title: str) -> int:
    """Start of the title proper: "والقائم بأعمال" -> "القائم بأعمال"."""
    surface_norm, title_norm = normalize(text[start:end]), normalize(title)
    if not surface_norm.startswith(title_norm[:2]) and text[start] in "وفبلك":
        return start + 1
    return start


_GROUP_LEADERS = frozenset({"زعيم", "قائد", "أمير"})
# who "its" in a possessive title may be besides a state ("المتحدث باسمها"): a body or a group, not a person
_POSSESSORS = frozenset({"InternationalOrganization", "Organization", "GovernmentBody", "MilitaryCommand",
                         "Coalition", "CoalitionBody", "WorkingGroup", "ArmedGroup"})


def _group_referred_to(parsed: Parsed, view, t, lex) -> str | None:
    """The armed group a leader's pronoun refers to: one named before the title in the sentence, or
    "التنظيم" standing for the group the document names most."""
    named = [m.entity for m in view.mentions if m.end <= t.start and entity_class(m.entity, lex, parsed) == "ArmedGroup"]
    if named:
        return named[-1]
    if not any(tok.norm in _THE_ORGANISATION and tok.end <= t.start for tok in view.tokens):
        return None
    return main_armed_group(parsed, lex)


_THE_ORGANISATION = _WORDS("the_organisation_itself")


def _possessor(view, t, text: str, lex, parsed) -> str | None:
    """The body or group "its" of a possessive title stands for when no state is named before it: the
    nearest before the title whose gender the pronoun agrees with ("حركة طالبان ... المتحدث باسمها":
    a name whose first word ends in ة is feminine; "التحالف" is not "ها")."""
    feminine = normalize(text[t.start:t.end]).endswith("ها")
    for m in reversed(view.mentions):
        if m.end > t.start or m.how != "name" or entity_class(m.entity, lex, parsed) not in _POSSESSORS:
            continue
        words = m.surface.split()
        if words and normalize(words[0]).endswith("ه") == feminine:
            return m.entity
    return None


# A state's institutions, named again by their bare noun ("المتحدث باسم الوزارة") after the sentence that
# named them with their state ("وزارة الخارجية الأردنية").
_INSTITUTIONS = frozenset(normalize(w) for w in ("الوزارة", "الحكومة", "الرئاسة"))


def _institution_named_before(parsed: Parsed, lex, view, tok) -> str | None:
    """The state of "الوزارة"/"الحكومة"/"الرئاسة" a spokesperson speaks for when no state follows it: the
    last state named right after the same institution (within three words: "وزارة الخارجية الأردنية",
    "الحكومة العراقية") earlier in the sentence or in the two sentences before."""
    if tok.norm not in _INSTITUTIONS:
        return None
    stem = tok.norm[2:]  # "وزارة الخارجية" or "الوزارة" again
    near = [v for v in views(parsed) if view.index - 2 <= v.index <= view.index]
    for v in reversed(near):
        toks = v.tokens
        for m in reversed(v.mentions):
            if m.end > tok.start or m.how not in ("name", "adjective") or entity_class(m.entity, lex, parsed) != "Country":
                continue
            at = v.token_at(m.start)
            if any(stem in (w.norm, w.norm[2:] if w.norm.startswith("ال") else None) for w in toks[max(0, at - 3):at]):
                return m.entity
    return None


_MINISTER = frozenset(normalize(w) for w in ("وزير", "وزيرة"))


def _a_ministers(role: str) -> bool:
    """Whether a title is a minister's or a minister's deputy's ("وزير الداخلية"، "نائب وزير الخارجية")."""
    words = [normalize(w) for w in role.split()[:2]]
    return bool(words) and (words[0] in _MINISTER or (len(words) == 2 and words[0].startswith(_DEPUTY_WORDS)
                                                       and words[1] in _MINISTER))


_DEPUTY_WORDS = tuple(normalize(w) for w in _DEPUTY_HEADS)  # as they are compared, normalised
_VISIT = (normalize("يزور"), normalize("زيارة"), normalize("تزور"), normalize("زار"))


def _visit_or_other_state(view, lex, parsed, at: int) -> bool:
    """Whether a sentence tells a visit, or names a state other than the one the report was filed from (not
    one after a preposition past the title at ``at``: "ودعم الدول في إعادة مواطنيها المحتجزين في سوريا", nor
    one inside a longer name: "شمال شرق سوريا")."""
    home = _filed_from(parsed, lex)
    return any(strip_clitics(t.norm)[-1].startswith(_VISIT) for t in view.tokens) or any(
        entity_class(m.entity, lex, parsed) == "Country" and m.entity != home and m.how == "name"
        and not (m.start > at and _after_preposition(view, m, lex)) for m in view.mentions)


def _filed_from(parsed: Parsed, lex) -> str | None:
    """The state a report was filed from: its dateline's, when that is a state or a capital."""
    if not parsed.dateline:
        return None
    if entity_class(parsed.dateline, lex, parsed) == "Country":
        return parsed.dateline
    e = lex.get(parsed.dateline)
    return e.extra.get("country") if e is not None and e.extra.get("capital") else None


# A ministry named by its portfolio alone ("المتحدث باسم الخارجية"، "باسم وزارة الدفاع").
_MINISTRY = normalize("وزارة")
_THE_MINISTRY = normalize("الوزارة")
_PORTFOLIOS = frozenset(normalize(w) for w in ("الخارجية", "الدفاع", "الداخلية", "الخزانة"))


def _ministry_named_before(parsed: Parsed, lex, view, j: int) -> str | None:
    """The state of a ministry a spokesperson speaks for, named by its portfolio alone with no state
    after it ("وأعلن الناطق باسم الخارجية جون كيربي"): the state whose minister or ministry of that
    portfolio the text named before it ("وزير الخارجية الأميركي جون كيري"، "الخارجية الأميركية"), when
    it named one state so, or the one of several the report was filed from."""
    toks = view.tokens
    if toks[j].norm == _MINISTRY and j + 1 < len(toks):
        j += 1
    if toks[j].norm not in _PORTFOLIOS:
        return None
    at = toks[j].start
    portfolio = toks[j].norm
    roles = [f for f in parsed.facts_of(PersonRole) if f.affiliation and f.evidence.start < at
             and portfolio in normalize(f.role_ar or "").split()
             and entity_class(f.affiliation, lex, parsed) == "Country"]
    named = []
    for v in views(parsed):
        if v.index > view.index:
            break
        for m in v.mentions:
            if m.end <= at and m.how in ("name", "adjective") and entity_class(m.entity, lex, parsed) == "Country":
                k = v.token_at(m.start)
                if k > 0 and v.tokens[k - 1].norm == portfolio:
                    named.append((m.start, m.entity))
            elif m.end <= at and (e := lex.get(m.entity)) is not None and e.cls == "GovernmentBody" \
                    and e.extra.get("country") and portfolio in normalize(m.surface).split():
                named.append((m.start, e.extra["country"]))  # "وزارة الخزانة الأمريكية" named as one body
    states = {f.affiliation for f in roles} | {e for _, e in named}
    if len(states) == 1:
        return states.pop()
    # several: the one the report was filed from ("واشنطن - مراسل «الصحيفة»"), else none can be told
    home = _filed_from(parsed, lex)
    return home if home in states else None


# "ومثّل تركيا ... نائب وزير الخارجية": the verb of representing a state, before it
_SIDE = frozenset(normalize(w) for w in ("الجانب", "والجانب"))
_REPRESENTED = frozenset(normalize(w) for w in ("مثل", "ومثل", "مثلت", "ومثلت", "يمثل", "تمثل", "ويمثل", "وتمثل"))


_JUDGES = frozenset(normalize(w) for w in ("القاضي", "القاضية"))
_COURT_WORDS = (normalize("محكمة"),)
_LEGISLATURE_WORDS = tuple(normalize(w) for w in (
    "مجلس النواب", "البرلمان", "برلمان", "الكونغرس", "مجلس الشيوخ", "مجلس العموم", "مجلس الأمة", "الجمعية الوطنية",
    "مجلس الشعب", "مجلس نواب", "البوندستاغ"))


def _ends_a_quotation(text: str, start: int, t) -> bool:
    """Whether a title word is the last of a quoted name: "«اللجنة المفوضة»، أعلى هيئة تنفيذية" (a quotation
    opened before it closes right after it), which opens no person's name."""
    return text.rfind("«", start, t.start) > text.rfind("»", start, t.start) and text[t.end:t.end + 2].lstrip()[:1] == "»"


def _body_named(parsed: Parsed, lex, view, words) -> str | None:
    """The body a member of parliament or a judge belongs to: a state's body with one of ``words`` in its
    name (a parliament, a court) named in the sentence, else the last one named before it ("مجلس النواب
    العراقي – الدائرة الإعلامية ... برئاسة رئيس اللجنة النائب فلان")."""
    def body(m) -> bool:
        e = lex.get(m.entity)
        return e is not None and e.cls == "GovernmentBody" and any(w in normalize(e.ar) for w in words)
    own = [m for m in view.mentions if body(m)]
    if own:
        return own[0].entity
    before = [m for m in parsed.mentions if m.end <= view.sentence.start and body(m)]
    return max(before, key=lambda m: m.start).entity if before else None


def _affiliation_before(view, t, lex, parsed) -> str | None:
    """The body just before a title ("وفد من جامعة الدول العربية برئاسة الأمين العام"), or the
    country a possessive title refers back to ("مثّل تركيا ... سفيرها")."""
    for m in reversed(view.mentions):
        if m.end > t.start:
            continue
        cls = entity_class(m.entity, lex, parsed)
        gap = view.token_at(t.start) - view.token_at(m.end - 1) - 1
        if _punct_between(parsed.doc.text, m.end, t.start):
            break  # "في مقر وزارة الخارجية الأميركية، بدعوة من وزير الخارجية": the next clause's title
        if cls in ("InternationalOrganization", "Organization", "GovernmentBody") and gap <= 2:
            return m.entity
        k = view.token_at(m.start)
        if cls == "Country" and gap <= 3 and k > 0 and (view.tokens[k - 1].norm in _DELEGATION or (
                m.how == "adjective" and view.tokens[k - 1].norm in _SIDE)):
            # ("ومثّل الجانب الإيطالي المستشار فلان": the side a state's adjective names is its delegation)
            return m.entity  # "وترأست وفد غانا إلى الاجتماع وزيرة الخارجية ...": who heads a state's delegation is its
        if cls == "Country" and gap <= 4 and k > 0 and view.tokens[k - 1].norm in _REPRESENTED:
            return m.entity  # "ومثّل تركيا في الاجتماع نائب وزير الخارجية فلان": who represents a state is its
        break
    return None



_HEADED_BODIES = frozenset({"InternationalOrganization", "Organization", "GovernmentBody", "MilitaryCommand"})
# the common nouns a body's name may open with, which a bare head title governs ("رئيس بعثة ...")
_BODY_HEADS = frozenset(normalize(w) for w in ("بعثة", "مكتب", "هيئة", "لجنة", "مجلس", "وكالة", "مفوضية", "جهاز",
                                              "مديرية", "قيادة", "قوة", "مركز", "برنامج", "صندوق", "منظمة"))


def _head_of(text: str, toks, j: int, starts: dict, end: int, lex, parsed: Parsed) -> int:
    """Where a bare head title ends with what it heads: "مدير المركز الإعلامي", "منسق مركز مكافحة
    الإرهاب" (indefinite nouns up to the definite one that closes them, then its adjectives); the title
    alone when no definite word closes it within four words, or a name or punctuation comes first; a body
    the text names after an indefinite noun closes it with its name ("رئيس بعثة جامعة الدول العربية")."""
    k, closed_at = j, None
    while k < len(toks) and k < j + 6:
        tok = toks[k]
        if k == j and tok.start in starts and entity_class(starts[tok.start].entity, lex, parsed) in _HEADED_BODIES \
                and tok.norm in _BODY_HEADS:
            return starts[tok.start].end  # "رئيس بعثة الأمم المتحدة لمساعدة العراق": heads the body named right after
        if (tok.start in starts and k > j and closed_at is None and not _punct_between(text, toks[k - 1].end, tok.start)
                and not any(c in _QUOTES for c in text[toks[j].start:tok.start]) and entity_class(starts[tok.start].entity, lex, parsed) != "Person"):
            return starts[tok.start].end  # "رئيس بعثة جامعة الدول العربية": a body the text names closes it
            # (not a person: "رئيس حكومة إقليم كوردستان مسرور بارزاني" has his name begin there)
        if (tok.start in starts or tok.norm in _STOP or tok.norm in _CONNECTORS or tok.norm in _HONORIFICS
                or _punct_between(text, toks[k - 1].end, tok.start)):
            break  # "نائب الحاكم الشيخ ...": the word of address opens the name
        if k > j and tok.norm in _RANKS:
            # "قائد العمليات اللواء"، "نائب قائد العمليات المشتركة الفريق أول الركن": a rank and its grade
            # end what the head heads
            k += 1
            while k < len(toks) and toks[k].norm in _GRADES:
                k += 1
            return toks[k - 1].end
        if definite(tok):
            closed_at = k
        elif closed_at is not None or k >= j + 4:
            break
        k += 1
    return toks[closed_at].end if closed_at is not None else end


_NAME_SKIPS = 2  # letters two spellings of one given name may differ by ("أنتوني"، "أنطوني")


def _another_given_name(lex, person: str, word: Token) -> bool:
    """Whether ``word`` is not a spelling of the first given name of the lexicon's ``person``."""
    e = lex.get(person)
    return e is not None and all(_letters_apart(word.norm, normalize(n.split()[0])) > _NAME_SKIPS
                                 for n in [e.ar] + e.patterns if n.split())


def _letters_apart(a: str, b: str) -> int:
    """The edit distance of two words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _initial(text: str, tok) -> bool:
    """Whether ``tok`` is a middle initial: one letter and a full stop ("ج.")."""
    return len(tok.surface) == 1 and text[tok.end:tok.end + 1] == "."


# the second half of a compound given name, which a bare surname may follow ("نور الدين حداد")
_GIVEN_NAME_ENDS = frozenset(normalize(w) for w in ("الله", "الدين", "الرحمن", "الرحيم", "الإسلام", "الحق",
                                                   "العابدين", "الهدى", "الزمان"))
# Ruling families whose name closes a name of four words ("جراح جابر الأحمد الصباح")
_DYNASTIES = frozenset(normalize(w) for w in ("الصباح",))
_POSTED_TO = frozenset(normalize(w) for w in ("إلى", "الى", "لدى"))
_FOR_AFFAIRS = frozenset(normalize(w) for w in ("للشؤون", "لشؤون", "للشئون", "لشئون"))
_ON_BEHALF = normalize("باسم")
_COMPLEMENTS = _FOR_AFFAIRS | {_ON_BEHALF}
# the second portfolio of a ministry ("وزيرة الخارجية والتكامل الإقليمي"), or its nationals ("والتوغوليين في الخارج")
_PORTFOLIO_NOUNS = frozenset(normalize(w) for w in (
    "التكامل", "التعاون", "المغتربين", "التنمية", "الشؤون", "التجارة", "الاقتصاد", "الصناعة", "العدل", "الأوقاف",
    "المالية", "الإعلام", "الثقافة", "التخطيط", "الاستثمار", "الاستخبارات", "التعليم", "الصحة", "الطاقة", "الهجرة",
    "اللاجئين", "المغاربة", "الأمن", "الدفاع", "الداخلية", "الخارجية", "الرياضة", "الشباب", "السياحة", "البيئة"))
_IN = normalize("في")
_ABROAD = normalize("الخارج")
_AT_ABROAD = normalize("بالخارج")
# the ministry or office a title is held in, after في ("في وزارة الخارجية الإيطالية")
_WORKPLACES = frozenset(normalize(w) for w in ("وزارة", "الوزارة", "الخارجية", "رئاسة", "مكتب", "ديوان"))
_BODIES_AGAIN = frozenset(normalize(w) for w in ("المنظمة", "الهيئة", "الوكالة", "المؤسسة", "الجمعية", "المركز",
                                                 "البرنامج", "الصندوق", "الشبكة"))
_AFFAIRS = frozenset(normalize(w) for w in ("شؤون", "الشؤون", "شئون", "الشئون"))


_AFFAIRS_WORDS = 3


def _affairs(text: str, toks, j: int, end: int, starts: dict) -> int:
    """Where a title ends when "للشؤون" and the affairs it names follow it ("المدير العام للشؤون السياسية"،
    "مساعد الوزير لشؤون الأمن"، "لشؤون الإرهاب والاستخبارات المالية"): up to three more words, each an
    adjective or noun with the article."""
    if j >= len(toks) or toks[j].norm not in _FOR_AFFAIRS or _punct_between(text, toks[j - 1].end, toks[j].start):
        return end
    k = j + 1
    while k < len(toks) and k <= j + _AFFAIRS_WORDS and toks[k].start not in starts and toks[k].norm not in _STOP \
            and toks[k].norm not in _HONORIFICS \
            and toks[k].surface.startswith(("ال", "وال")) and not _punct_between(text, toks[k - 1].end, toks[k].start):
        k += 1
    return toks[k - 1].end if k > j + 1 else end


def _opens_complement(title: str) -> bool:
    """Whether a title ends with باسم or لشؤون, so that the body after it belongs to the title."""
    return normalize(title.split()[-1]) in _COMPLEMENTS


# the verbal nouns of the derived verbs, written with a bare alef: استمرار، انتهاء، اعتقال، اجتماع ...
_DERIVED_NOUNS = ("است", "ان", "اعت", "اجت", "اخت", "افت", "اقت", "ابت", "ارت", "اتخ", "اصط", "اضط")
_PRONOUN_SUFFIXES = ("ها", "هما", "هم", "هن", "كم", "ته")
_CLITIC_ARTICLE = ("بال", "لل", "فال", "كال")


def _not_a_name_word(tok) -> bool:
    """Whether a word cannot be part of a name: it carries tanween ("مؤتمراً"), a pronoun
    ("مقترحها"، "زيارته") or a preposition on the article ("بالخطوة"), as nouns do and names do not."""
    bare = _MARKS.sub("", tok.surface)
    last = tok.surface.rstrip("ا")[-1:]
    if last and last in "\u064b\u064c\u064d":
        return True
    return len(bare) >= 5 and (bare.endswith(_PRONOUN_SUFFIXES) or (len(bare) >= 6 and bare.startswith(_CLITIC_ARTICLE)))


def _taf_il(bare: str) -> bool:
    """Whether a word has the form of the verbal noun تفعيل (تخصيص، تقديم، تعزيز): five letters, ت, two
    consonants, ي, one more ("توفيق" and "تيسير", names, have a long vowel second)."""
    return len(bare) == 5 and bare[0] == "ت" and bare[1] not in "اويىآأإ" and bare[3] == "ي"


def _stop_word(norm: str) -> bool:
    """Whether a word ends a name: a stop word, alone or after و ("ومنها"، "وقال")."""
    return norm in _STOP or (norm[:1] == "و" and norm[1:] in _STOP)


_ALA = re.compile(r"(?<![\u0621-\u064A])على(?![\u0621-\u064A])")


def _writes_ala(text: str) -> bool:
    """Whether a text writes the preposition على with alef maqsura (as a word of its own)."""
    return _ALA.search(text) is not None


_APART = frozenset({"ل", "ب"})  # a preposition written apart from its noun with a tatweel: "لـ«قسد»"


def _after_definite_noun(view, m) -> bool:
    """Whether a name with the article follows a definite noun, as its adjective ("بالمساهمة السعودية")."""
    i = view.token_at(m.start)
    if i == 0 or not view.tokens[i].norm.startswith("ال"):
        return False
    prev = view.tokens[i - 1]
    return definite(prev) and not any(x.end == prev.end for x in view.mentions)


def _quoted_name_after(text: str, at: int) -> int | None:
    """Where a name in guillemets or quotation marks right after ``at`` closes ("لشركة «بلاك روك»"),
    when it is a short name (at most four words), else None."""
    rest = text[at:at + 48]
    lead = len(rest) - len(rest.lstrip(" "))
    if not rest[lead:lead + 1] or rest[lead] not in "«\"“":
        return None
    close = {"«": "»", "\"": "\"", "“": "”"}[rest[lead]]
    end = rest.find(close, lead + 1)
    if end < 0 or len(rest[lead + 1:end].split()) > 4:
        return None
    return at + end + 1


def _before_name(tok, toks, pos: int, starts: dict) -> bool:
    """Whether ``tok`` is a preposition written apart (لـ، بـ) right before a name found in the text."""
    return tok.norm in _APART and pos + 1 < len(toks) and toks[pos + 1].start in starts


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The first words of the titles (وزير، وكيل، رئيس ...), normalised."""
    return frozenset(normalize(ar).split()[0] for ar, _ in titles()[1].values())


_TOPIC = frozenset(normalize(w) for w in ("أما", "وأما"))


def _unknown_person(parsed: Parsed, view, i: int, starts: dict, surnames: dict,
                    closed: bool = False, then=None, labelled: bool = False, lex=None) -> tuple[str | None, int]:
    """A person named from token ``i`` on: 2 to 5 name-like words, or a known surname; with ``closed``,
    only a name that punctuation or the sentence's end closes (a name set off by commas); with ``then``,
    only where ``then(j)`` holds of the token ``j`` after the name; with ``labelled``, a name after a byline's
    colon; with the lexicon ``lex``, a known family name after another given name ends a new person's name."""
    toks = view.tokens
    text = parsed.doc.text
    words: list[Token] = []
    j = i
    while j < len(toks) and len(words) < 5:
        tok = toks[j]
        after_initial = j > i and _initial(text, toks[j - 1])
        if j > i and not after_initial and _punct_between(text, toks[j - 1].end, tok.start, _QUOTES):
            break
        if after_initial and tok.start in starts and (
                starts[tok.start].how == "surname" or getattr(parsed.entities.get(starts[tok.start].entity), "cls", None) == "Person"):
            m = starts[tok.start]  # "أنتوني ج. بلينكن": a person the text or the lexicon knows, with a middle initial
            return m.entity, view.token_at(m.end - 1) + 1
        # "جمال علي الدوري": Ali inside a name, in a text that writes the preposition على apart, with a family
        # name with the article after it
        ali = (j > i and _MARKS.sub("", tok.surface) == "علي" and _writes_ala(text) and j + 1 < len(toks)
               and definite(toks[j + 1]) and toks[j + 1].start not in starts and not _stop_word(toks[j + 1].norm))
        # "د. هالة المصري، أستاذة ...": a family name that is a nationality's adjective, right after a given
        # name and closing the name, is the name's
        nisba = (len(words) == 1 and tok.start in starts and starts[tok.start].how == "adjective" and definite(tok)
                 and (j + 1 >= len(toks) or _punct_between(text, tok.end, toks[j + 1].start, _QUOTES)))
        # "العقيد فراس الخصاونة": a known person's family name after another given name is another
        # person's ("الخصاونة" alone is the prime minister's)
        kin = (1 <= len(words) <= 2 and tok.start in starts and starts[tok.start].how == "surname"
               and starts[tok.start].end == tok.end and lex is not None and _another_given_name(lex, starts[tok.start].entity, words[0]))
        if (_stop_word(tok.norm) and not ali) or (tok.start in starts and not nisba and not kin) or tok.norm.isdigit() \
                or _not_a_name_word(tok) or tok.norm in _APART:
            break  # (a preposition written apart, "بـ«...»", is no name either)
        if (len(words) >= 2 and definite(words[-1]) and words[-1].norm not in _GIVEN_NAME_ENDS
                and words[-2].norm not in _CONNECTORS and not definite(tok) and tok.norm not in _CONNECTORS):
            break  # "سالم الكعبي حصيلة": after a surname with the article only another such word goes on
        if len(words) >= 2 and tok.norm in _OBJECTS:
            break  # "وأدان الرئيس الكيني وليام روتو الهجوم": what the person did something to
        if words and tok.norm in _PLACE_NOUNS:
            break  # "أمير منطقة مكة المكرمة": a governor's office and its province, no name
        if (len(words) >= 2 and not definite(tok) and words[-1].norm not in _CONNECTORS and tok.norm not in _CONNECTORS
                and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال") and toks[j + 1].norm not in _GIVEN_NAME_ENDS
                and not toks[j + 1].norm.endswith("ي")  # "حاكم جاسم محمد الزاملي": a surname of relation
                and toks[j + 1].start not in starts and not _punct_between(text, tok.end, toks[j + 1].start)):
            break  # "ترأس ... إدموندو تشيريلي مراسم الصورة": a noun heading a definite one is the object
        if len(words) >= 2 and definite(tok) and tok.norm.endswith(("يه", "ات")):
            break  # "ووصفت الوزيرة ليلى حداد الخطة بأنها ...": a feminine or plural noun with the article is
            # the object; a surname with the article is a nisba ("الكعبي") or a family's name ("الخصاونة")
        if len(words) >= 2 and len(tok.norm) >= 5 and _MARKS.sub("", tok.surface).startswith(_DERIVED_NOUNS):
            break  # "... سامي حداد انتهاء المرحلة": a verbal noun with a bare alef (names carry the hamza: أحمد)
        if (len(words) >= 2 and _taf_il(_MARKS.sub("", tok.surface))
                and not (j + 1 < len(toks) and definite(toks[j + 1]) and toks[j + 1].norm.endswith("ي"))):
            break  # "أعلنت المنسقة ليندا كارفر تخصيص 45 مليون": a verbal noun of the form تفعيل, the object
            # ("حسن تحسين الجبوري": the same form as a father's name, before a surname of relation)
        if len(words) >= 2 and tok.norm[:1] in "بل" and tok.norm[1:].startswith(("است", "ت")):
            break  # "السفير الكندي جون سميث باستضافة ..."، "... لتعزيز": a verbal noun after its preposition
        if len(words) >= 2 and tok.norm.startswith("و") and tok.norm[1:] in _title_heads():
            break  # "الدكتور أنور قرقاش ووكيل وزارة الخارجية ...": the next person's title
        if len(words) >= 2 and tok.norm in _title_heads() and words[-1].norm not in _CONNECTORS:
            break  # "السيدة ليلى حداد نائبة المنسق المقيم": the name's own title ("عبد الملك" is a name)
        if j == i and (definite(tok) or tok.norm in _MODIFIERS or tok.norm in _COMMON_NOUNS):
            return None, i
        if j == i and i > 0 and not labelled and (":" in (between := text[toks[i - 1].end:tok.start])
                                 or (tok.norm.startswith("و") and ("،" in between or "," in between))):
            # "المذيعة: هناك حديث ..."، "... وزير الدولة للشؤون الخارجية، وضم الوفد ...": a speaker's label, or a
            # clause that goes on after the title, opens no name
            return None, i
        if j == i and i > 0 and toks[i - 1].norm in _WORD_RANKS and _punct_between(text, toks[i - 1].end, tok.start):
            return None, i  # "وثائق اطلع عليها الفريق، نقلت ...": a rank that is also a word ("the team"), then a comma
        if len(words) >= 2 and tok.norm.startswith("ف") and _TOPIC.intersection(t.norm for t in toks[:i]):
            break  # "أما النائب شيرزاد قادر فسأل عن ...": the topic's name ends where فـ answers it
        if j == i and tok.norm in surnames:
            # "برئاسة السفير حسام زكي ..." then "وألقى السفير زكي كلمة": the person named in full before, by
            # surname (not a new "زكي كلمة")
            return surnames[tok.norm], j + 1
        if j == i and tok.norm[:1] in "بل" and (tok.norm.endswith("ه") or tok.norm[1:].startswith("است")) \
                and len(tok.norm) >= 6:
            # "التزام مصر بمواصلة التنسيق"، "تطبيقات المراسلة لاستقطاب المراهقين": a verbal noun after its
            # preposition opens no name
            return None, i
        if j == i and tok.norm in _OBJECTS:
            return None, i  # "الملك محمد السادس، حفظه الله،": a blessing, or a noun, opens no name
        words.append(tok)
        j += 1
        if (sum(w.norm not in _CONNECTORS for w in words) >= 3 and words[-1].norm not in _CONNECTORS
                and not (j < len(toks) and toks[j].norm in _GIVEN_NAME_ENDS | _DYNASTIES
                         and not _punct_between(text, toks[j - 1].end, toks[j].start))
                # (a name set off by commas may have a fourth: "، غلام محمد إسحاق زي،")
                and not (closed and len(words) == 3 and j + 1 < len(toks) and not _punct_between(text, toks[j - 1].end, toks[j].start)
                         and text[toks[j].end:toks[j + 1].start].strip()[:1] in ("،", ","))):
            break  # three names, and the particles between them ("عدنان أبو وليد الصحراوي"); a name written
            # apart from its "الله" or "الدين" goes on to it ("سامي رشيد نصر الله")
    while words and words[-1].norm in _CONNECTORS:
        words.pop()
        j -= 1
    if closed and j < len(toks) and not _punct_between(text, toks[j - 1].end, toks[j].start):
        return None, i
    if then is not None and not then(j):
        return None, i
    if len(words) == 1:
        key = surnames.get(words[0].norm)
        return (key, j) if key else (None, i)
    if len(words) < 2:
        return None, i
    name = text[words[0].start:words[-1].end]
    norm_name = " ".join(w.norm for w in words)
    if words[-1].start in starts:  # the family name read as a nationality's adjective: it names no state
        parsed.mentions[:] = [m for m in parsed.mentions if m is not starts[words[-1].start]]
        forget_views(parsed)  # (one mention for another: the views' counts stay the same)
    key = mint_key("person", norm_name)
    if key not in parsed.entities:
        parsed.entities[key] = NewEntity(key, "Person", name)
    surnames.setdefault(words[-1].norm, key)
    parsed.mentions.append(Mention(Evidence.of(view.sentence), "people/title-name", entity=key,
                                   start=words[0].start, end=words[-1].end, surface=name, how="name"))
    return key, j
