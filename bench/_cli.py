"""What the scripts that measure a folder of documents share: the repository on ``sys.path`` (so
``graph`` imports when a script is run from anywhere) and a parser that takes the folder.

    from _cli import corpus_parser   # first, before importing graph
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def corpus_parser(doc: str) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of ``doc``, with the positional ``corpus`` folder."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="a folder of documents (with its manifest.csv, if any)")
    return ap
