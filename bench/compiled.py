"""What compiling the extraction code with mypyc would buy: milliseconds of extraction per document,
the package as it is against a copy of it whose extraction modules mypyc has compiled to C, and
whether both give the same facts.

ckg ships as plain Python. This measures the one way to make the same code faster without
rewriting it, so that the choice rests on a figure anyone can rerun. It needs mypy (which brings
mypyc), setuptools and a C compiler; mypy 1.15 compiles these modules (2.4 stops on an internal
error):

    pip install mypy==1.15.0 setuptools
    python bench/generate.py --docs 1000 /tmp/corpus
    python bench/compiled.py /tmp/corpus --docs 400

Compiling takes about two minutes on two cores. The copy is made in a temporary folder (kept
with ``--keep``); the repository is not touched.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _cli import ROOT, corpus_parser

# The modules the ingest path spends its time in (graph/facts.py stays Python: mypyc does not
# take a dataclass field after a ClassVar with a default).
MODULES = [
    "graph/text.py", "graph/lexicon/__init__.py", "graph/numbers.py", "graph/dates.py", "graph/triggers.py",
    "graph/pipeline.py", "graph/rdf.py", "graph/steps/_context.py", "graph/steps/basics.py",
    "graph/steps/commitments.py", "graph/steps/funding.py", "graph/steps/meetings.py",
    "graph/steps/people.py", "graph/steps/threats.py", "graph/steps/unasserted.py",
]

# Run in a fresh interpreter with the package's root first on sys.path: extraction of the first
# N documents once to warm the caches, then again timed; prints ms a document and a digest of the facts.
_TIMER = """
import hashlib, json, sys, time
root, corpus, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
import graph.text
from graph.api import _collecting_less, extract_file
from graph.ingest import discover
items = list(discover([corpus]))[:n]
digest = hashlib.sha256()
with _collecting_less():
    for p, m in items:
        extract_file(str(p), m, set())
    t = time.process_time()
    described = set()
    for p, m in items:
        ex = extract_file(str(p), m, described)
        digest.update(b"".join(sorted((ex.nquads or b"").splitlines(True))))
    cpu = time.process_time() - t
print(json.dumps({"ms_per_doc": cpu / len(items) * 1000, "facts": digest.hexdigest(),
                  "compiled": graph.text.__file__.endswith(".so")}))
"""


def timed(root: Path, corpus: Path, docs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _TIMER, str(root), str(corpus), str(docs)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compile_copy(dest: Path) -> None:
    """The repository's tracked files in ``dest`` (not pyproject.toml: mypyc's build would read its
    packaging settings), the extraction modules compiled there."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if name == "pyproject.toml" or not (ROOT / name).is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    # the working tree's own changes to the modules, if any, are what gets compiled
    for name in MODULES:
        shutil.copy2(ROOT / name, dest / name)
    log = dest / "mypyc.log"
    with open(log, "w") as fh:
        done = subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports", "--follow-imports=silent",
                               *MODULES], cwd=dest, stdout=fh, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.exit(f"error: mypyc failed (exit {done.returncode}); its output is in {log}")


def main() -> None:
    ap = corpus_parser(__doc__)
    ap.add_argument("--docs", type=int, default=400, help="documents timed (default 400)")
    ap.add_argument("--keep", action="store_true", help="keep the compiled copy and print where it is")
    args = ap.parse_args()
    try:
        import mypyc  # noqa: F401
    except ImportError:
        sys.exit("error: mypyc is not installed: pip install mypy==1.15.0 setuptools")
    tmp = Path(tempfile.mkdtemp(prefix="ckg-mypyc-"))
    try:
        print(f"compiling {len(MODULES)} modules with mypyc in {tmp} ...", flush=True)
        compile_copy(tmp)
        plain, built = timed(ROOT, args.corpus, args.docs), timed(tmp, args.corpus, args.docs)
        if not built["compiled"]:
            sys.exit("error: the compiled copy imported its Python modules, not the compiled ones")
        print(f"| build | extraction, ms a document ({args.docs} documents, CPU) |")
        print("|---|---|")
        print(f"| Python | {plain['ms_per_doc']:.2f} |")
        print(f"| mypyc | {built['ms_per_doc']:.2f} |")
        print(f"speed-up {plain['ms_per_doc'] / built['ms_per_doc']:.2f}x; "
              f"facts {'the same' if plain['facts'] == built['facts'] else 'DIFFERENT'} "
              f"(sha256 {plain['facts'][:12]} / {built['facts'][:12]})")
        if plain["facts"] != built["facts"]:
            sys.exit(1)
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
