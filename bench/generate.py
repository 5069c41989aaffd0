"""A deterministic generator of Arabic documents in the genre, for benchmarks.

Documents are composed from the lexicon (countries, cities, people, working groups,
armed groups) and sentence patterns that vary word order, month systems, number
words, spelling variants, relative dates and unrelated filler, so that every
extraction step does real work. The same seed gives the same corpus.

    python bench/generate.py OUT_DIR --docs 1000 --seed 1
"""
from __future__ import annotations

import argparse
import csv
import random
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
]
FILLER = [
    "وتشهد المنطقة موجة حر غير مسبوقة منذ مطلع الأسبوع بحسب هيئة الأرصاد.",
    "وارتفعت أسعار الذهب في الأسواق المحلية مع تراجع سعر صرف العملة.",
    "وتستعد المدارس لاستقبال الطلاب مع بداية العام الدراسي الجديد.",
    "وأعلنت وزارة الصحة عن حملة تطعيم جديدة تشمل المحافظات كافة.",
    "وفي الرياضة، فاز المنتخب الوطني في مباراته الودية أمس بهدفين مقابل هدف.",
]


def _date_text(rnd: random.Random, d: date) -> str:
    style = rnd.randrange(3)
    if style == 0:
        return f"{d.day} {LEVANT[d.month - 1]} {d.year}"
    if style == 1:
        return f"{d.day} {EGYPT[d.month - 1]} {d.year}"
    return f"{d.day} {LEVANT[d.month - 1]}/{EGYPT[d.month - 1]} {d.year}"


def document(rnd: random.Random, lex: Lexicon, countries: list, cities: list, people: list, groups: list,
             words: int) -> tuple[str, str]:
    """One document of about ``words`` words and its publication date."""
    pub = date(2014, 9, 1) + timedelta(days=rnd.randrange(4000))
    meeting_day = pub - timedelta(days=rnd.choice([0, 1, 2]))
    city = rnd.choice(cities)
    host = lex[city].extra.get("country")
    host_adj = rnd.choice(countries)
    kind = rnd.choice(KINDS)
    relative = {0: "اليوم", 1: "أمس", 2: "أول أمس"}[(pub - meeting_day).days]
    lines = []
    lines.append(f"عقد التحالف الدولي لهزيمة داعش {relative} {kind} في {lex[city].ar}، "
                 f"بدعوة من {_person_phrase(rnd, lex, people)}، بحضور ممثلي {_country_list(rnd, lex, countries, 3)}.")
    joiner = rnd.choice(countries)
    size = rnd.choice(list(WORDS))
    lines.append(rnd.choice([
        f"ورحب المجتمعون بانضمام {lex[joiner].ar} إلى التحالف الذي أصبح يضم {size} عضواً.",
        f"وأعلن التحالف انضمام {lex[joiner].ar} عضواً جديداً، ليرتفع عدد أعضائه إلى {WORDS[size]} عضواً.",
    ]))
    amount = rnd.choice([50, 120, 350, 600, 1.5, 2.1])
    scale = "مليار" if amount < 10 else "مليون"
    beneficiary = rnd.choice(["العراق", "سوريا", "سورية"])
    lines.append(rnd.choice([
        f"وتعهد الشركاء بتقديم أكثر من {amount} {scale} دولار لدعم الاستقرار في {beneficiary}.",
        f"وأعلنت {lex[host_adj].ar} أنها ستقدم نحو {amount} {scale} يورو لإعادة إعمار المناطق المحررة في {beneficiary}.",
    ]))
    group = rnd.choice(groups)
    lines.append(f"وأشار البيان إلى عمل {lex[group].ar} في مواجهة التنظيم.")
    past = pub - timedelta(days=rnd.randrange(60, 400))
    lines.append(f"وكان التحالف قد عقد اجتماعه السابق في {lex[rnd.choice(cities)].ar} في {_date_text(rnd, past)}.")
    while sum(len(x.split()) for x in lines) < words:
        lines.append(rnd.choice(THREAT_SENTENCES + FILLER + FILLER))
    if host:
        lines.append(f"واختتم الاجتماع بمؤتمر صحفي للوزير {lex[host].ar if host in lex else ''}.")
    return "\n".join(lines) + "\n", pub.isoformat()


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
    lex = Lexicon.default()
    countries = sorted(k for k, e in lex.entries.items() if e.cls == "Country" and not e.extra.get("ambiguous"))
    cities = sorted(k for k, e in lex.entries.items() if e.cls == "City" and e.extra.get("country")
                    and not e.extra.get("ambiguous"))
    people = sorted(k for k, e in lex.entries.items() if e.cls == "Person" and e.extra.get("roles"))
    groups = sorted(k for k, e in lex.entries.items() if e.cls == "WorkingGroup")
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "published", "title", "source"])
        for i in range(docs):
            text, pub = document(rnd, lex, countries, cities, people, groups, rnd.randint(min_words, max_words))
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
