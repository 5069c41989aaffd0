"""Counts over the store: documents, triples, entities per class, facts per kind."""
from __future__ import annotations

from .namespace import CKG
from .store import Store

__all__ = ["stats"]


def stats(store: Store) -> dict[str, object]:
    """``{documents, triples, entities: {class: n}, meetings, attacks, commitments, funding, threats, ...}``."""
    db = store.reader()

    def one(q: str) -> int:
        for row in db.query(q, use_default_graph_as_union=True):
            return int(row[0].value)
        return 0

    out: dict[str, object] = {
        "documents": one(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a <{CKG.Document}> }}"),
        "triples": one("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    }
    per_class = {}
    q = f"""SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?d <{CKG.mentions}> ?e . ?e a ?c }} GROUP BY ?c ORDER BY DESC(?n)"""
    for row in db.query(q, use_default_graph_as_union=True):
        per_class[row["c"].value.split("#")[-1]] = int(row["n"].value)
    out["entities"] = per_class
    for key, cls in (("meetings", CKG.Meeting), ("attacks", CKG.Attack), ("commitments", CKG.Commitment),
                     ("funding figures", CKG.FundingFigure), ("threat reports", CKG.ThreatReport),
                     ("people's positions", CKG.Position), ("memberships", CKG.Membership),
                     ("mandates", CKG.Mandate)):
        out[key] = one(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{cls}> }}")
    return out
