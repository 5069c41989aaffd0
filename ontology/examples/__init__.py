"""Example SPARQL queries, one per ontology class (``<Class>.rq``), shown in docs/ontology.md."""
