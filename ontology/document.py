"""Markdown reference of the ckg ontology, generated from ``ontology/ckg.ttl``.

    python -m ontology.document          # rewrites docs/ontology.md
    python -m ontology.document --check  # exit status 1 if docs/ontology.md is out of date

The page has the class hierarchy, one section per class (labels, comments,
superclasses, properties, and the example query ``ontology/examples/<Class>.rq``
when there is one), tables of the properties, and the controlled values (SKOS
concept schemes). The output is sorted and has no timestamp, so a test can
compare it with the committed file.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from queries import PREFIXES as QUERY_PREFIXES  # the prefixes `ckg query` declares

__all__ = ["render", "main", "ONTOLOGY", "EXAMPLES", "OUTPUT"]

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "ckg.ttl"
EXAMPLES = HERE / "examples"
OUTPUT = HERE.parent / "docs" / "ontology.md"

PROPERTY_KINDS = [  # (type, section title, short name)
    (OWL.ObjectProperty, "Object properties", "object"),
    (OWL.DatatypeProperty, "Datatype properties", "datatype"),
    (OWL.AnnotationProperty, "Annotation properties", "annotation"),
]
# Statements every section shows in its own way; anything else on a term is listed as it is.
_SHOWN = {RDF.type, RDFS.label, RDFS.comment, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
          SKOS.prefLabel, SKOS.inScheme}
_PLAIN_LOCAL = re.compile(r"[A-Za-z_][\w.-]*\Z")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def esc(text: str) -> str:
    """Literal text made safe in Markdown (and in a table cell)."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "\\|")


def lit(value: Literal) -> str:
    """A literal as Markdown; Arabic runs right to left."""
    return f'<span dir="rtl">{esc(value)}</span>' if value.language == "ar" else esc(value)


def _lang_order(value: Literal) -> tuple:
    lang = value.language or ""
    return (lang != "en", lang != "ar", lang, str(value))


class Vocabulary:
    """The parsed ontology, with the lookups the page needs."""

    def __init__(self, path: Path = ONTOLOGY):
        self.g = rdflib.Graph(bind_namespaces="none").parse(str(path), format="turtle")
        self.prefixes = {p: str(ns) for p, ns in sorted(self.g.namespaces())}
        self.ns = self.prefixes["ckg"]
        self.classes = self.declared(OWL.Class)
        self.properties = {t: self.declared(t) for t, _, _ in PROPERTY_KINDS}
        self.schemes = sorted(set(self.g.subjects(RDF.type, SKOS.ConceptScheme)))

    def declared(self, rdf_type: URIRef) -> list[URIRef]:
        """Terms of the ckg namespace with this type, sorted."""
        return sorted(s for s in set(self.g.subjects(RDF.type, rdf_type)) if str(s).startswith(self.ns))

    def local(self, term: URIRef) -> str:
        return str(term)[len(self.ns):]

    def qname(self, iri: URIRef) -> str:
        """``prefix:local`` with the file's longest matching prefix, else ``<iri>``."""
        for prefix, ns in sorted(self.prefixes.items(), key=lambda x: -len(x[1])):
            rest = str(iri)[len(ns):]
            if str(iri).startswith(ns) and _PLAIN_LOCAL.match(rest):
                return f"{prefix}:{rest}"
        return f"<{iri}>"

    def texts(self, term, *props: URIRef) -> list[Literal]:
        """Literal values of the first of ``props`` that has any, English first, then Arabic."""
        for p in props:
            values = [o for o in self.g.objects(term, p) if isinstance(o, Literal)]
            if values:
                return sorted(values, key=_lang_order)
        return []

    def text(self, term, lang: str, *props: URIRef) -> Literal | None:
        """The first value in ``lang`` of the first of ``props`` that has any."""
        return next((v for v in self.texts(term, *props) if v.language == lang), None)

    def label(self, term, lang: str) -> str:
        """The label (``rdfs:label``, else ``skos:prefLabel``) in ``lang`` as Markdown, ``—`` if none."""
        found = self.text(term, lang, RDFS.label, SKOS.prefLabel)
        return "—" if found is None else lit(found)

    def title(self, term) -> str:
        """The English label as plain text (a heading), else the prefixed name."""
        found = self.text(term, "en", RDFS.label, SKOS.prefLabel)
        return self.qname(term) if found is None else " ".join(found.split())

    def objects(self, term, prop: URIRef) -> list:
        return sorted(set(self.g.objects(term, prop)))

    def supers(self, cls: URIRef) -> list[URIRef]:
        return self.objects(cls, RDFS.subClassOf)

    def subs(self, cls: URIRef) -> list[URIRef]:
        return sorted(c for c in set(self.g.subjects(RDFS.subClassOf, cls)) if c in self.classes)

    def ancestors(self, cls: URIRef) -> list[URIRef]:
        """ckg superclasses of ``cls``, transitively, nearest first."""
        out: list[URIRef] = []
        todo = [s for s in self.supers(cls) if s in self.classes]
        while todo:
            c = todo.pop(0)
            if c not in out:
                out.append(c)
                todo += [s for s in self.supers(c) if s in self.classes]
        return out

    def all_properties(self) -> list[URIRef]:
        return sorted(p for props in self.properties.values() for p in props)

    def with_value(self, prop: URIRef, value: URIRef) -> list[URIRef]:
        """Properties whose ``prop`` (domain or range) is ``value``."""
        return [p for p in self.all_properties() if value in self.g.objects(p, prop)]

    def property_kind(self, prop: URIRef) -> tuple[str, str]:
        """(section title, short name) of a property."""
        return next((title, short) for t, title, short in PROPERTY_KINDS if prop in self.properties[t])

    def members(self, scheme: URIRef) -> list[URIRef]:
        return sorted(set(self.g.subjects(SKOS.inScheme, scheme)))

    def instances(self, cls: URIRef) -> list[URIRef]:
        return sorted(set(self.g.subjects(RDF.type, cls)))

    def extras(self, term) -> list[tuple[URIRef, object]]:
        """Statements about ``term`` that no column or row of the page shows otherwise."""
        return sorted((p, o) for p, o in self.g.predicate_objects(term) if p not in _SHOWN)

    def undocumented(self) -> list[URIRef]:
        """Subjects the page has no place for (reported under "Other declarations")."""
        known = set(self.classes) | set(self.all_properties()) | set(self.schemes)
        known |= set(self.g.subjects(RDF.type, OWL.Ontology)) | set(self.g.subjects(SKOS.inScheme, None))
        return sorted(s for s in set(self.g.subjects()) if isinstance(s, URIRef) and s not in known)


class Page:
    """Builds the Markdown text of the page from a :class:`Vocabulary` and the example queries."""

    def __init__(self, vocab: Vocabulary, examples: dict[str, Path]):
        self.v = vocab
        self.examples = examples
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
        self.add(*("| " + " | ".join(row) + " |" for row in rows))
        self.add("")

    def ref(self, term) -> str:
        """A term as a link: ckg classes to their section, ckg properties to their table, others to their IRI."""
        if isinstance(term, Literal):
            return lit(term)
        qname = self.v.qname(term)
        if term in self.v.classes:
            target = "#" + slug(self.v.local(term))
        elif term in self.v.all_properties():
            target = "#" + slug(self.v.property_kind(term)[0])
        elif term in self.v.schemes:
            target = "#" + slug(self.v.title(term))
        elif qname.startswith("<"):
            return qname  # an autolink
        else:
            target = str(term)
        return f"[`{qname}`]({target})"

    def refs(self, terms) -> str:
        """Links to ``terms`` in prefixed-name order, ``—`` for none."""
        return ", ".join(self.ref(t) for t in sorted(terms, key=self.v.qname)) or "—"

    def comments(self, term) -> None:
        """The comments of ``term`` as paragraphs, Arabic ones right to left."""
        for c in self.v.texts(term, RDFS.comment):
            self.add(f'<p dir="rtl">{esc(c)}</p>' if c.language == "ar" else esc(c), "")

    def render(self) -> str:
        self.intro()
        self.hierarchy()
        self.add("## Classes", "")
        for cls in self.v.classes:
            self.class_section(cls)
        for rdf_type, title, _ in PROPERTY_KINDS:
            if self.v.properties[rdf_type]:
                self.property_table(title, self.v.properties[rdf_type])
        self.controlled_values()
        self.other_declarations()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def sections(self) -> list[str]:
        out = ["Prefixes", "Class hierarchy", "Classes"]
        out += [title for t, title, _ in PROPERTY_KINDS if self.v.properties[t]]
        if self.v.schemes:
            out.append("Controlled values")
        if self.v.undocumented():
            out.append("Other declarations")
        return out

    def intro(self) -> None:
        v = self.v
        onto = min(v.g.subjects(RDF.type, OWL.Ontology))
        counts = [f"{len(v.classes)} classes"] + [
            f"{len(v.properties[t])} {title.lower()}" for t, title, _ in PROPERTY_KINDS if v.properties[t]
        ] + [f"{len(v.schemes)} concept schemes of {sum(len(v.members(s)) for s in v.schemes)} values"]
        self.add("# The ckg ontology", "",
                 "<!-- Generated by `python -m ontology.document` from ontology/ckg.ttl and "
                 "ontology/examples/*.rq: do not edit by hand. -->", "",
                 f"**{v.label(onto, 'en')}** — {v.label(onto, 'ar')}", "")
        self.comments(onto)
        self.table(["", ""], [
            ["Ontology IRI", f"`{onto}`"],
            ["Namespace", f"`{v.ns}` (prefix `ckg:`)"],
            ["Version", ", ".join(esc(x) for x in v.objects(onto, OWL.versionInfo)) or "—"],
            ["Source", "[`ontology/ckg.ttl`](../ontology/ckg.ttl)"],
            ["Terms", ", ".join(counts)],
        ])
        self.add("This page is generated from `ontology/ckg.ttl` and the example queries in `ontology/examples/`. "
                 "After changing either, regenerate it (a test fails while it is out of date):", "",
                 "```sh",
                 "python -m ontology.document          # rewrites docs/ontology.md",
                 "python -m ontology.document --check  # exit status 1 if docs/ontology.md is out of date",
                 "```", "",
                 "Run an example with `ckg query ontology/examples/Meeting.rq`. `ckg query` declares the prefixes "
                 + ", ".join(f"`{p}:`" for p in sorted(QUERY_PREFIXES))
                 + " and queries the union of the store's named graphs (one per document, one for the shared "
                 "entities, one for the ontology), so the examples need neither `PREFIX` lines nor `GRAPH` "
                 "clauses. On another SPARQL endpoint, add the prefixes and query the union graph "
                 "(`oxigraph serve --union-default-graph`).", "",
                 "## Contents", "")
        self.add(*(f"- [{s}](#{slug(s)})" for s in self.sections()), "")
        self.add("## Prefixes", "")
        self.table(["Prefix", "Namespace"], [[f"`{p}:`", f"`{ns}`"] for p, ns in v.prefixes.items()])

    def hierarchy(self) -> None:
        v = self.v
        self.add("## Class hierarchy", "",
                 "Classes by `rdfs:subClassOf`, with their English and Arabic labels; superclasses from other "
                 "vocabularies follow the arrow. A class with two ckg superclasses appears under both.", "")

        def walk(cls: URIRef, depth: int) -> None:
            outside = [s for s in v.supers(cls) if s not in v.classes]
            tail = f" → {self.refs(outside)}" if outside else ""
            self.add(f"{'  ' * depth}- {self.ref(cls)} {v.label(cls, 'en')} · {v.label(cls, 'ar')}{tail}")
            for sub in v.subs(cls):
                walk(sub, depth + 1)

        for root in (c for c in v.classes if not v.ancestors(c)):
            walk(root, 0)
        self.add("")

    def class_section(self, cls: URIRef) -> None:
        v = self.v
        self.add(f"### {v.local(cls)}", "", f"`{v.qname(cls)}` · <{cls}>", "")
        rows = [["English label", v.label(cls, "en")], ["Arabic label", v.label(cls, "ar")],
                ["Subclass of", self.refs(v.supers(cls))], ["Subclasses", self.refs(v.subs(cls))]]
        rows += [[self.ref(p), self.ref(o)] for p, o in v.extras(cls)]
        self.table(["", ""], rows)
        self.comments(cls)
        own = v.with_value(RDFS.domain, cls)
        if own:
            self.add(f"Properties with domain `{v.qname(cls)}`:", "")
            self.table(["Property", "Kind", "Range", "Comment"], [
                [self.ref(p), v.property_kind(p)[1], self.refs(v.objects(p, RDFS.range)),
                 esc(v.text(p, "en", RDFS.comment) or "—")] for p in own])
        inherited = [f"{self.ref(p)} (from {self.ref(a)})" for a in v.ancestors(cls) for p in v.with_value(RDFS.domain, a)]
        if inherited:
            self.add("Inherited properties: " + ", ".join(inherited) + ".", "")
        targets = v.with_value(RDFS.range, cls)
        if targets:
            self.add(f"Range of: {self.refs(targets)}.", "")
        instances = v.instances(cls)
        if instances:
            schemes = sorted({s for i in instances for s in v.objects(i, SKOS.inScheme)})
            loose = [i for i in instances if not v.objects(i, SKOS.inScheme)]
            parts = [f"the values of [{v.title(s)}](#{slug(v.title(s))})" for s in schemes]
            if loose:
                parts.append(self.refs(loose))
            self.add(f"Instances declared in the ontology: {', '.join(parts)}.", "")
        if v.local(cls) in self.examples:
            self.example(self.examples[v.local(cls)])

    def example(self, path: Path) -> None:
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        self.add(f"Example ([`ontology/examples/{path.name}`](../ontology/examples/{path.name})): "
                 f"{esc(first.lstrip('#').strip())}", "", "```sparql", body.strip("\n"), "```", "")

    def property_table(self, title: str, props: list[URIRef]) -> None:
        v = self.v
        self.add(f"## {title}", "")
        rows = []
        for p in props:
            comment = "<br>".join([lit(c) for c in v.texts(p, RDFS.comment)]
                                  + [f"{self.ref(k)} {self.ref(o)}" for k, o in v.extras(p)])
            rows.append([f"`{v.qname(p)}`", v.label(p, "en"), v.label(p, "ar"), self.refs(v.objects(p, RDFS.domain)),
                         self.refs(v.objects(p, RDFS.range)), self.refs(v.objects(p, RDFS.subPropertyOf)),
                         comment or "—"])
        self.table(["Property", "English", "Arabic", "Domain", "Range", "Sub-property of", "Comment"], rows)

    def controlled_values(self) -> None:
        v = self.v
        if not v.schemes:
            return
        self.add("## Controlled values", "",
                 "SKOS concept schemes, by IRI: a value is the IRI of its scheme, a slash and the value's name.", "")
        for scheme in v.schemes:
            self.add(f"### {v.title(scheme)}", "",
                     f"`{v.qname(scheme)}` · {v.label(scheme, 'ar')} · values `{scheme}/<value>`", "")
            self.comments(scheme)
            self.table(["Value", "English", "Arabic", "Type"], [
                [f"`{str(c)[len(str(scheme)) + 1:]}`" if str(c).startswith(f"{scheme}/") else self.ref(c),
                 v.label(c, "en"), v.label(c, "ar"), self.refs(v.objects(c, RDF.type))]
                for c in v.members(scheme)])

    def other_declarations(self) -> None:
        rest = self.v.undocumented()
        if rest:
            self.add("## Other declarations", "")
            self.table(["Term", "Type", "English", "Arabic"], [
                [self.ref(t), self.refs(self.v.objects(t, RDF.type)), self.v.label(t, "en"), self.v.label(t, "ar")]
                for t in rest])


def load_examples(vocab: Vocabulary, folder: Path = EXAMPLES) -> dict[str, Path]:
    """``{class local name: path}`` of the example queries; a stray or comment-less file is an error."""
    out = {}
    for path in sorted(folder.glob("*.rq")):
        if vocab.g.value(URIRef(vocab.ns + path.stem), RDF.type) != OWL.Class:
            raise ValueError(f"{path}: the ontology has no class ckg:{path.stem}; name an example after its class")
        if not path.read_text(encoding="utf-8").startswith("# "):
            raise ValueError(f"{path}: the first line must be a '# ' comment saying what the query asks")
        out[path.stem] = path
    return out


def render(ontology: Path = ONTOLOGY, examples: Path = EXAMPLES) -> str:
    """The Markdown page for ``ontology`` and the example queries in ``examples``."""
    vocab = Vocabulary(ontology)
    return Page(vocab, load_examples(vocab, examples)).render()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ontology.document", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the page (default: docs/ontology.md)")
    args = parser.parse_args(argv)
    try:
        text = render()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
        if current != text:
            print(f"{args.output} is out of date with ontology/: run `python -m ontology.document` to regenerate it",
                  file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
