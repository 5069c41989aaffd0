"""Why the store is Oxigraph: load and query a synthetic news-event graph in rdflib and pyoxigraph.

Run: python bench/store_choice.py [--triples 100000] [--repeat 3]
Prints a Markdown table (seconds, medians of --repeat runs after a warm-up).
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

import pyoxigraph as ox
import rdflib

EX = "https://w3id.org/ckg/"


def synthetic(n_triples: int, seed: int = 7) -> bytes:
    """N-Triples of meetings with partners, labels and dates, about ``n_triples`` lines."""
    rnd = random.Random(seed)
    lines = []
    countries = [f"<{EX}id/C{i}>" for i in range(200)]
    for i, c in enumerate(countries):
        lines.append(f'{c} <http://www.w3.org/2000/01/rdf-schema#label> "بلد {i}"@ar .')
        lines.append(f"{c} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{EX}ontology#Country> .")
    m = 0
    while len(lines) < n_triples:
        meeting = f"<{EX}id/m{m}>"
        lines.append(f"{meeting} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{EX}ontology#Meeting> .")
        lines.append(f'{meeting} <{EX}ontology#startDate> "20{rnd.randint(14, 25)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"'
                     f"^^<http://www.w3.org/2001/XMLSchema#date> .")
        for j in range(rnd.randint(5, 20)):
            p = f"<{EX}id/p{m}_{j}>"
            lines.append(f"{p} <{EX}ontology#meeting> {meeting} .")
            lines.append(f"{p} <{EX}ontology#participant> {rnd.choice(countries)} .")
        m += 1
    return ("\n".join(lines) + "\n").encode()


Q_JOIN = f"""SELECT ?m ?d ?c ?l WHERE {{ ?p <{EX}ontology#meeting> ?m ; <{EX}ontology#participant> ?c .
 ?m <{EX}ontology#startDate> ?d . ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l }} ORDER BY ?d"""
Q_GROUP = f"""SELECT ?c (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?p <{EX}ontology#meeting> ?m ;
 <{EX}ontology#participant> ?c }} GROUP BY ?c ORDER BY DESC(?n)"""


def timed(fn, repeat: int) -> float:
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    data = synthetic(args.triples)

    def load_rdflib():
        g = rdflib.Graph()
        g.parse(data=data, format="nt")
        return g

    def load_ox():
        s = ox.Store()
        s.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
        return s

    g, s = load_rdflib(), load_ox()
    rows = [
        ("load N-Triples", timed(load_rdflib, args.repeat), timed(load_ox, args.repeat)),
        ("partner-meeting join, all rows", timed(lambda: list(g.query(Q_JOIN)), args.repeat),
         timed(lambda: list(s.query(Q_JOIN)), args.repeat)),
        ("meetings per country (GROUP BY)", timed(lambda: list(g.query(Q_GROUP)), args.repeat),
         timed(lambda: list(s.query(Q_GROUP)), args.repeat)),
        ("Turtle serialisation", timed(lambda: g.serialize(format="turtle"), args.repeat),
         timed(lambda: s.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()), args.repeat)),
    ]
    print(f"{len(g):,} triples, medians of {args.repeat} runs after a warm-up\n")
    print("| operation | rdflib (memory) | pyoxigraph | ratio |")
    print("|---|---|---|---|")
    for name, a, b in rows:
        print(f"| {name} | {a:.3f} s | {b:.3f} s | {a / b:.0f}x |")


if __name__ == "__main__":
    main()
