"""A deterministic generator of Arabic documents in the genre, for benchmarks.

Documents are composed from the lexicon (countries, cities, people, working groups,
armed groups) and sentence patterns that vary word order, month systems, number
words, spelling variants, relative dates and unrelated filler, so that every
extraction step does real work. About three documents in ten also report one or
two attacks (ISIS or a branch, a city where it operates, casualties, most often a
date), half report a commitment (a roadmap, guidelines, a policy under a Security
Council resolution), and working groups are often told to focus on a branch. The
same seed gives the same corpus.

    python bench/generate.py OUT_DIR --docs 1000 --seed 1
"""
from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from graph.lexicon import Lexicon

LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
          "تشرين الثاني", "كانون الأول"]
EGYPT = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
WORDS = {12: "اثني عشر", 60: "ستين", 80: "ثمانين", 83: "ثلاثة وثمانين", 86: "ستة وثمانين"}
KINDS = ["الاجتماع الوزاري", "اجتماع المديرين السياسيين", "اجتماع المجموعة المصغرة"]
THREAT_SENTENCES = [
    "وحذر المجتمعون من استمرار التنظيم في نشر دعايته عبر الإنترنت.",
    "وناقش الشركاء ملف المقاتلين الإرهابيين الأجانب ومصير المحتجزين في المخيمات.",
    "وأكد البيان ضرورة تجفيف مصادر تمويل التنظيم وملاحقة شبكاته المالية.",
    "كما تناول الاجتماع التهديد المتزايد الذي تشكله فروع داعش في إفريقيا وأفغانستان.",
    "ودعا الوزراء إلى تكثيف جهود إزالة الألغام والعبوات الناسفة في المناطق المحررة.",
    # attack words without a city: a threat, never an attack
    "وحذر البيان من أن التنظيم لا يزال قادراً على شن هجمات في المناطق النائية.",
    "وأكد المشاركون أن خطر الهجمات الإرهابية ما زال قائماً رغم هزيمة التنظيم ميدانياً.",
]
FILLER = [
    "وتشهد المنطقة موجة حر غير مسبوقة منذ مطلع الأسبوع بحسب هيئة الأرصاد.",
    "وارتفعت أسعار الذهب في الأسواق المحلية مع تراجع سعر صرف العملة.",
    "وتستعد المدارس لاستقبال الطلاب مع بداية العام الدراسي الجديد.",
    "وأعلنت وزارة الصحة عن حملة تطعيم جديدة تشمل المحافظات كافة.",
    "وفي الرياضة، فاز المنتخب الوطني في مباراته الودية أمس بهدفين مقابل هدف.",
]


# Attacks. The countries each armed group strikes in (its cities are drawn from the lexicon).
THEATRES = {
    "ISIS": ["IRQ", "SYR", "TUR", "FRA", "BEL", "IRN", "LKA"],
    "ISIS_K": ["AFG", "PAK"],
    "ISIS_PAKISTAN": ["PAK"],
    "ISWAP": ["NGA", "NER", "TCD", "CMR"],
    "ISIS_SAHEL": ["MLI", "NER", "BFA"],
    "ISCAP": ["COD", "UGA"],
    "ISIS_MOZAMBIQUE": ["MOZ"],
    "ISIS_SOMALIA": ["SOM"],
    "ISIS_LIBYA": ["LBY"],
    "ISIS_SINAI": ["EGY"],
    "ISIS_YEMEN": ["YEM"],
    "ISIS_EAST_ASIA": ["PHL", "IDN"],
}
ATTACK_SHARE = 0.3  # documents that report attacks
SECOND_ATTACK_SHARE = 0.4  # of those, the ones that report two
ISIS_SHARE = 0.35  # attacks by ISIS itself; the others are by its branches
# Counts in the genitive/accusative, with the noun form they take: a plural after 3-10, a singular beyond.
COUNTS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة",
          11: "أحد عشر", 12: "اثني عشر", 14: "أربعة عشر", 17: "سبعة عشر", 20: "عشرين", 23: "ثلاثة وعشرين",
          30: "ثلاثين", 41: "واحد وأربعين", 55: "خمسة وخمسين"}
VICTIMS = [("أشخاص", "شخصاً"), ("مدنيين", "مدنياً"), ("جنود", "جندياً"), ("عناصر من الشرطة", "عنصراً من الشرطة"),
           ("مصلين", "مصلياً")]
# {g} the armed group, {c} (and {c2}) the cities, {d} an optional date after a space, {k} the killed,
# {w} the wounded. The attack word comes before the city, the group anywhere; no verb agrees with the
# group, whose names are masculine or feminine. Sentences start with their verb: a connector goes first.
ONE_ATTACK = [
    "أدان المجتمعون الهجوم الإرهابي الذي نفذه عناصر من {g} في {c}{d}، وأسفر عن مقتل {k}.",
    "أعلن بيان منسوب إلى {g} المسؤولية عن التفجير الانتحاري الذي استهدف سوقاً شعبية في {c}{d}، وأودى بحياة {k}.",
    "قتل مسلحون من {g} {k} في هجوم على نقطة تفتيش قرب {c}{d}.",
    "ذكرت مصادر أمنية أن التفجير الذي وقع{d} في {c} أسفر عن مقتل {k} وإصابة {w} آخرين، وأنه يحمل بصمات {g}.",
    "ندد البيان بالاعتداء الذي شنه مقاتلو {g} على قرية قرب {c}{d}، وأوقع {k} بين قتيل وجريح.",
]
# ISIS itself is often just "the organisation": the extractor takes the document's main armed group.
ONE_ATTACK_BY_ISIS = [
    "تبنى التنظيم الهجوم الذي استهدف موكباً عسكرياً في {c}{d}، وأسفر عن مقتل {k}.",
]
TWO_ATTACKS = [
    "شن مسلحون من {g} هجمات متزامنة على مواقع للجيش في {c} و{c2}{d}، أسفرت عن مقتل {k} وإصابة {w} آخرين.",
    "أفادت تقارير بوقوع هجوم في {c} وآخر في {c2}{d}، نفذهما عناصر من {g} وأسفرا عن مقتل {k}.",
]
CONNECTORS = ["و", "و", "وفي سياق متصل، ", "ميدانياً، ", "وعلى الصعيد الأمني، "]

# Commitments a meeting makes: {country} is a member, {res} one of the Security Council resolutions listed.
COMMITMENTS = [
    ("وجدد التحالف الدولي التزامه بدعم حل سياسي في سوريا بموجب {res}.", ["UNSCR_2254"]),
    ("وأكدت {country} ضرورة تنفيذ {res} بشأن المقاتلين الإرهابيين الأجانب وتعزيز أمن الحدود.",
     ["UNSCR_2178", "UNSCR_2396"]),
    ("ودعا الشركاء إلى التقيد بأحكام {res} لتجفيف منابع تمويل التنظيم.", ["UNSCR_2199", "UNSCR_2253", "UNSCR_2462"]),
    ("واعتمد وزراء التحالف خارطة طريق لضمان الهزيمة الدائمة للتنظيم في العراق وسوريا.", []),
    ("وأقر الشركاء المبادئ التوجيهية للتعامل مع المحتجزين وعائلاتهم في المخيمات.", []),
    ("وأكدت {country} التزامها ببناء القدرات وتبادل المعلومات مع شركائها في التحالف.", []),
]
COMMITMENT_SHARE = 0.5  # documents that report one

# Working groups given a mandate, by name or by their topics, sometimes with a branch to focus on.
TOPICS = ["الاتصالات", "مكافحة تمويل داعش", "المقاتلين الإرهابيين الأجانب", "تحقيق الاستقرار"]


def _date_text(rnd: random.Random, d: date) -> str:
    style = rnd.randrange(3)
    if style == 0:
        return f"{d.day} {LEVANT[d.month - 1]} {d.year}"
    if style == 1:
        return f"{d.day} {EGYPT[d.month - 1]} {d.year}"
    return f"{d.day} {LEVANT[d.month - 1]}/{EGYPT[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class Pools:
    """What documents are drawn from: lexicon keys by role, sorted so that a seed gives one corpus."""

    lex: Lexicon
    countries: list[str]
    cities: list[str]
    people: list[str]
    groups: list[str]
    affiliates: list[str]  # ISIS branches, what a working group may be told to focus on
    theatres: dict[str, list[str]]  # armed group -> the cities it attacks in

    @classmethod
    def of(cls, lex: Lexicon) -> "Pools":
        def keys(cls_name: str, keep=lambda e: True) -> list[str]:
            return sorted(k for k, e in lex.entries.items() if e.cls == cls_name and keep(e))

        cities = keys("City", lambda e: e.extra.get("country") and not e.extra.get("ambiguous"))
        theatres = {g: [c for c in cities if lex[c].extra["country"] in where] for g, where in THEATRES.items()}
        return cls(lex, keys("Country", lambda e: not e.extra.get("ambiguous")), cities,
                   keys("Person", lambda e: e.extra.get("roles")), keys("WorkingGroup"),
                   keys("ArmedGroup", lambda e: e.extra.get("threat") == "affiliate"),
                   {g: cs for g, cs in theatres.items() if cs})


def document(rnd: random.Random, pools: Pools, words: int, max_words: int = 800) -> tuple[str, str]:
    """One document of about ``words`` words (never more than ``max_words``) and its publication date."""
    lex, countries, cities = pools.lex, pools.countries, pools.cities
    pub = date(2014, 9, 1) + timedelta(days=rnd.randrange(4000))
    meeting_day = pub - timedelta(days=rnd.choice([0, 1, 2]))
    city = rnd.choice(cities)
    host = lex[city].extra.get("country")
    host_adj = rnd.choice(countries)
    kind = rnd.choice(KINDS)
    relative = {0: "اليوم", 1: "أمس", 2: "أول أمس"}[(pub - meeting_day).days]
    lines = []
    lines.append(f"عقد التحالف الدولي لهزيمة داعش {relative} {kind} في {lex[city].ar}، "
                 f"بدعوة من {_person_phrase(rnd, lex, pools.people)}، بحضور ممثلي "
                 f"{_country_list(rnd, lex, countries, 3)}.")
    lines.append(_join_sentence(rnd, lex, countries))
    amount = rnd.choice([50, 120, 350, 600, 1.5, 2.1])
    scale = "مليار" if amount < 10 else "مليون"
    beneficiary = rnd.choice(["العراق", "سوريا", "سورية"])
    lines.append(rnd.choice([
        f"وتعهد الشركاء بتقديم أكثر من {amount} {scale} دولار لدعم الاستقرار في {beneficiary}.",
        f"وأعلنت {lex[host_adj].ar} أنها ستقدم نحو {amount} {scale} يورو لإعادة إعمار المناطق المحررة في {beneficiary}.",
    ]))
    lines.append(_mandate_sentence(rnd, pools))
    past = pub - timedelta(days=rnd.randrange(60, 400))
    lines.append(f"وكان التحالف قد عقد اجتماعه السابق في {lex[rnd.choice(cities)].ar} في {_date_text(rnd, past)}.")
    if rnd.random() < COMMITMENT_SHARE:
        lines.append(_commitment_sentence(rnd, pools))
    attacks = _attack_sentences(rnd, pools, pub) if rnd.random() < ATTACK_SHARE else []
    closing = f"واختتم الاجتماع بمؤتمر صحفي للوزير {lex[host].ar if host in lex else ''}." if host else None
    count = sum(len(x.split()) for x in [*lines, *attacks])
    room = max_words - len((closing or "").split())
    while count < words:
        extra = rnd.choice(THREAT_SENTENCES + FILLER + FILLER)
        if count + len(extra.split()) > room:
            break
        lines.append(extra)
        count += len(extra.split())
    for sentence in attacks:  # anywhere after the opening sentence
        lines.insert(rnd.randint(1, len(lines)), sentence)
    if closing:
        lines.append(closing)
    return "\n".join(lines) + "\n", pub.isoformat()


def _join_sentence(rnd: random.Random, lex: Lexicon, countries: list) -> str:
    first, second = rnd.sample(countries, 2)
    size = rnd.choice(list(WORDS))
    return rnd.choice([
        f"ورحب المجتمعون بانضمام {lex[first].ar} إلى التحالف الذي أصبح يضم {size} عضواً.",
        f"وأعلن التحالف انضمام {lex[first].ar} عضواً جديداً، ليرتفع عدد أعضائه إلى {WORDS[size]} عضواً.",
        f"وانضم إلى التحالف شريكان جديدان هما {lex[first].ar} و{lex[second].ar}، ليبلغ عدد أعضائه {size} عضواً.",
    ])


def _mandate_sentence(rnd: random.Random, pools: Pools) -> str:
    """A working group named at work or given a task, or the groups named by their topics."""
    lex = pools.lex
    group = lex[rnd.choice(pools.groups)].ar
    branch = _group_name(rnd, lex, rnd.choice(pools.affiliates))
    style = rnd.randrange(4)
    if style == 0:
        return f"وأشار البيان إلى عمل {group} في مواجهة التنظيم."
    if style == 1:
        return f"وكلف المجتمعون {group} بمتابعة نشاط {branch} ورفع تقارير دورية عنه."
    if style == 2:
        return f"وأثنى الوزراء على ما أنجزته {group} خلال العام، وطلبوا منها التركيز على نشاط {branch}."
    topics = rnd.sample(TOPICS, rnd.randint(2, len(TOPICS)))
    return (f"واتفق الشركاء على أن تركز مجموعات العمل التابعة للتحالف والمعنية ب{'، و'.join(topics)} "
            f"على مواجهة {branch}.")


def _commitment_sentence(rnd: random.Random, pools: Pools) -> str:
    """A roadmap, guidelines or policy the meeting committed to, perhaps under a Security Council resolution."""
    pattern, resolutions = rnd.choice(COMMITMENTS)
    res = pools.lex[rnd.choice(resolutions)] if resolutions else None
    return pattern.format(res=rnd.choice([res.ar, *res.patterns]) if res else "",
                          country=pools.lex[rnd.choice(pools.countries)].ar)


def _group_name(rnd: random.Random, lex: Lexicon, key: str) -> str:
    """An armed group by one of the names the press gives it."""
    e = lex[key]
    return rnd.choice(list(dict.fromkeys([e.ar, *e.patterns])))


def _attack_sentences(rnd: random.Random, pools: Pools, pub: date) -> list[str]:
    """One or two attacks: a group, a city where it operates, casualties and, most often, a date."""
    out = []
    branches = sorted(k for k in pools.theatres if k != "ISIS")
    wanted = 2 if rnd.random() < SECOND_ATTACK_SHARE else 1
    while wanted:
        key = "ISIS" if rnd.random() < ISIS_SHARE else rnd.choice(branches)
        where = pools.theatres[key]
        c = rnd.choice(where)
        # two attacks in one sentence: the second city is in the same country
        nearby = [x for x in where if x != c and pools.lex[x].extra["country"] == pools.lex[c].extra["country"]]
        c2 = rnd.choice(nearby) if wanted == 2 and nearby and rnd.random() < 0.5 else None
        wanted -= 2 if c2 else 1
        if c2:
            pattern = rnd.choice(TWO_ATTACKS)
        else:
            pattern = rnd.choice(ONE_ATTACK + (ONE_ATTACK_BY_ISIS if key == "ISIS" else []))
        text = pattern.format(g=_group_name(rnd, pools.lex, key), c=pools.lex[c].ar,
                              c2=pools.lex[c2].ar if c2 else "", d=_attack_date(rnd, pub),
                              k=_toll(rnd), w=_count(rnd, rnd.choice(sorted(COUNTS))))
        out.append(rnd.choice(CONNECTORS) + text)
    return out


def _attack_date(rnd: random.Random, pub: date) -> str:
    """When an attack happened, as the press says it (with a leading space), or nothing."""
    style = rnd.randrange(7)
    if style == 0:
        return ""
    if style == 1:
        return " " + rnd.choice(["أمس", "فجر أمس", "مساء أول أمس"])
    if style == 2:
        return " الأسبوع الماضي"
    day = pub - timedelta(days=rnd.randrange(3, 45))
    if style == 3 and day.year == pub.year:  # the year is the publication's
        return f" في {day.day} {rnd.choice([LEVANT, EGYPT])[day.month - 1]}"
    return f" في {_date_text(rnd, day)}"


def _count(rnd: random.Random, n: int) -> str:
    return str(n) if rnd.random() < 0.3 else COUNTS[n]


def _toll(rnd: random.Random) -> str:
    n = rnd.choice(sorted(COUNTS))
    plural, single = rnd.choice(VICTIMS)
    return f"{_count(rnd, n)} {plural if n <= 10 else single}"


def _person_phrase(rnd: random.Random, lex: Lexicon, people: list) -> str:
    p = lex[rnd.choice(people)]
    role = (p.extra.get("roles") or [{}])[0]
    return f"{role.get('title_ar', 'الوزير')} {p.ar}"


def _country_list(rnd: random.Random, lex: Lexicon, countries: list, n: int) -> str:
    names = [lex[c].ar for c in rnd.sample(countries, n)]
    return "، ".join(names[:-1]) + " و" + names[-1]


def generate(out: Path, docs: int, seed: int = 1, min_words: int = 300, max_words: int = 800) -> Path:
    """Write ``docs`` documents and a manifest.csv into ``out``."""
    rnd = random.Random(seed)
    pools = Pools.of(Lexicon.default())
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "published", "title", "source"])
        for i in range(docs):
            text, pub = document(rnd, pools, rnd.randint(min_words, max_words), max_words)
            name = f"gen{i:06d}.txt"
            (out / name).write_text(text, encoding="utf-8")
            w.writerow([name, pub, "", "bench/generate.py"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    generate(args.out, args.docs, args.seed)
    print(f"wrote {args.docs} documents to {args.out}")


if __name__ == "__main__":
    main()
