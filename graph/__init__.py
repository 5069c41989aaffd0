"""ckg: knowledge graphs from Arabic reporting on the Global Coalition to Defeat ISIS.

The library behind the ``ckg`` command. The main calls::

    import graph
    graph.build(["corpus/"], store="kg")          # documents -> persistent store
    graph.add(["new.txt"], store="kg")            # incremental add
    rows = graph.query("meetings", store="kg")    # canned query -> list of dicts
"""
from .api import Summary, add, build, bundled_corpus, query

__all__ = ["build", "add", "query", "bundled_corpus", "Summary"]
