"""ckg: the command line. Each command parses its options, calls the library and prints.

Run ``ckg --help`` (or ``python build_graph.py --help``) for the commands.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

import graph
from graph.errors import CkgError, ParameterError, UnknownQueryError
from graph.store import Store, default_store_path

FORMATS_OUT = ("table", "csv", "tsv", "json", "md")


class _Group(click.Group):
    """Turns library errors into one line on standard error (exit 1), never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (ParameterError, UnknownQueryError) as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
        except CkgError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted; the store is unchanged by the unfinished command.", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), envvar="CKG_STORE",
              default=None, show_envvar=True,
              help=f"Directory of the persistent graph (default: {default_store_path()}).")
@click.version_option(package_name="ckg", message="ckg %(version)s")
@click.pass_context
def cli(ctx: click.Context, store: Path | None) -> None:
    """ckg turns Arabic reporting on the Global Coalition to Defeat ISIS into a knowledge graph.

    \b
    Typical session:
      ckg build                       # the bundled corpus into the default store
      ckg queries                     # what can be asked
      ckg query meetings              # a canned query as a table
      ckg query people --format csv   # ... or CSV, TSV, JSON, Markdown
      ckg export --format turtle --out graph.ttl
    """
    ctx.obj = Store(store or default_store_path())


def _progress_bar(enabled: bool):
    """A progress callback drawing a bar on a terminal, or nothing."""
    if not enabled or not sys.stderr.isatty():
        return None, lambda: None
    state: dict = {}

    def cb(n: int, total: int, path: str) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=total, label="Extracting", file=sys.stderr,
                                                   show_pos=True, show_eta=True)
            bar.__enter__()
        bar.update(1)

    def close() -> None:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)

    return cb, close


def _report(summary, verb: str) -> None:
    for f in summary.failures:
        click.echo(f"Skipped: {f.message}", err=True)
    click.echo(f"{verb}: {summary.line()}")
    if summary.failures:
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction.")
@click.option("--strict", is_flag=True, help="Stop at the first document that cannot be read.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on a terminal.")
@click.pass_obj
def build(store: Store, sources: tuple[Path, ...], jobs: int, strict: bool, progress: bool) -> None:
    """(Re)build the store from SOURCES (files, or directories of .txt, .html and .htm files; default: the bundled corpus).

    A directory may hold manifest.csv (file,published,title,source). The new graph
    replaces the old one only when the build completes; the same input gives the same graph.
    Documents that cannot be read are reported and skipped (exit status 1), unless --strict.
    """
    cb, close = _progress_bar(progress)
    try:
        summary = graph.build(sources or None, store=store.path, jobs=jobs, strict=strict, progress=cb)
    finally:
        close()
    _report(summary, "Built")


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction.")
@click.option("--strict", is_flag=True, help="Stop at the first document that cannot be read.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on a terminal.")
@click.pass_obj
def add(store: Store, sources: tuple[Path, ...], jobs: int, strict: bool, progress: bool) -> None:
    """Add documents to an existing store without rebuilding it.

    A document whose content is already in the store is not added again; a document
    with a known identifier but new content replaces the old version.
    """
    cb, close = _progress_bar(progress)
    try:
        summary = graph.add(sources, store=store.path, jobs=jobs, strict=strict, progress=cb)
    finally:
        close()
    _report(summary, "Added")


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        if "=" not in v:
            raise click.UsageError(f"--param takes KEY=VALUE, got {v!r}")
        k, _, val = v.partition("=")
        out[k.strip()] = val
    return out


@cli.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query variable to a value (repeatable); values are bound, never pasted into the text.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS_OUT), default=None,
              help="Output format (default: table on a terminal, json otherwise).")
@click.option("--endpoint", metavar="URL",
              help="Run on a remote SPARQL 1.1 endpoint instead of the local store "
                   "(credentials from CKG_ENDPOINT_USER / CKG_ENDPOINT_PASSWORD).")
@click.option("--timeout", type=click.FloatRange(min=0.001), default=None, metavar="SECONDS",
              help="Stop the query after this many seconds (it runs in a child process, killed at the limit).")
@click.option("--fresh", is_flag=True,
              help="Evaluate a canned listing even if its answer on this database is kept from an earlier run.")
@click.pass_obj
def query(store: Store, query: str, params: tuple[str, ...], fmt: str | None, endpoint: str | None,
          timeout: float | None, fresh: bool) -> None:
    """Run QUERY: a canned query's name, a .rq file, or '-' for SPARQL on standard input.

    \b
    Examples:
      ckg query meetings
      ckg query mentions --param doc=002_edb1e7ae2f850001 --format csv
      echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | ckg query -
      ckg query meetings --endpoint http://127.0.0.1:7878/query
    Read-only: SPARQL Update is refused. The full listing of a canned query
    (no --param) is kept in the store after its first run and read back
    until 'ckg build' or 'ckg add' changes the store.
    """
    from queries import resolve, run_local, run_remote

    text = sys.stdin.read() if query == "-" else query
    q = resolve(text)
    p = _parse_params(params)
    result = run_remote(q, endpoint, p, timeout) if endpoint else run_local(q, store, p, timeout, keep=not fresh)
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if result.boolean is not None:
        click.echo(result.to_json() if fmt == "json" else ("yes" if result.boolean else "no"))
        return
    out = {"table": result.to_table, "json": result.to_json, "md": result.to_markdown,
           "csv": lambda: result.to_delimited(","), "tsv": lambda: result.to_delimited("\t")}[fmt]()
    click.echo(out, nl=fmt == "json")


@cli.command("queries")
def list_queries() -> None:
    """List the canned queries with a one-line description and their parameters."""
    from queries import canned

    for name, q in canned().items():
        click.echo(f"{name:22} {q.title}: {q.description}")
        for p in q.params:
            click.echo(f"{'':22}   --param {p.name}=… ({p.type}) {p.description}")


def _view_options(f):
    f = click.option("--focus", metavar="ENTITY", help="For the ego view: an entity's English or Arabic label, or its IRI.")(f)
    f = click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 5),
                     help="For the ego view: how many facts away from the focus.")(f)
    return f


@cli.command()
@click.option("--format", "-f", "fmt", default="turtle", show_default=True,
              type=click.Choice(["turtle", "trig", "nt", "nq", "jsonld", "xml", "graphml", "gexf"]),
              help="RDF format (trig, nq and jsonld keep one named graph per document; jsonld is "
                   "compacted with the context in ontology/context.jsonld), or graphml/gexf for a --view.")
@click.option("--view", "view_name", metavar="VIEW", help="Export a NetworkX view ('ckg viz --list') as graphml or gexf.")
@_view_options
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically); default: standard output.")
@click.pass_obj
def export(store: Store, fmt: str, view_name: str | None, focus: str | None, depth: int, out: Path | None) -> None:
    """Write the graph in an RDF format, or a view for Gephi and Cytoscape, to a file or standard output.

    \b
    Examples:
      ckg export --format turtle --out graph.ttl
      ckg export --format trig --out graph.trig      # one named graph per document
      ckg export --format jsonld --out graph.jsonld  # keys read as words: "participant", "startDate"
      ckg export --view partner-meeting --format graphml --out pm.graphml
    """
    from graph.export import export as do_export, write_atomically

    if view_name or fmt in ("graphml", "gexf"):
        if not view_name or fmt not in ("graphml", "gexf"):
            raise click.UsageError("a view is exported with --view VIEW --format graphml|gexf")
        from viz.export import write_view
        from viz.views import view

        g = view(view_name, store, focus=focus, depth=depth)
        write = lambda fh: write_view(g, fmt, fh)  # noqa: E731
    else:
        write = lambda fh: do_export(store, fmt, fh)  # noqa: E731
    if out:
        write_atomically(out, write)
        click.echo(f"Wrote {out} ({out.stat().st_size:,} bytes, {fmt})", err=True)
    else:
        write(sys.stdout.buffer)


@cli.command()
@click.argument("view_name", metavar="VIEW", required=False)
@click.option("--list", "list_views", is_flag=True, help="List the views and what each shows.")
@_view_options
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write (default: VIEW.html).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@click.option("--language", type=click.Choice(["ar", "en"]), default="ar", show_default=True,
              help="Labels first shown on the page (the page has a switch).")
@click.option("--max-nodes", default=2000, show_default=True, type=click.IntRange(10, 100000),
              help="Above this, show the most central nodes only (the page says so).")
@click.pass_obj
def viz(store: Store, view_name: str | None, list_views: bool, focus: str | None, depth: int, out: Path | None,
        open_page: bool, language: str, max_nodes: int) -> None:
    """Write an interactive page (works offline) of a NetworkX view of the graph.

    \b
    Examples:
      ckg viz --list
      ckg viz partner-meeting --open
      ckg viz ego --focus "Burkina Faso" --depth 2 --out bf.html
    """
    from viz.views import VIEWS, view

    if list_views or not view_name:
        for name, v in VIEWS.items():
            click.echo(f"{name:16} {v.description}")
        return
    from viz.pages import write_page

    g = view(view_name, store, focus=focus, depth=depth)
    out = out or Path(f"{view_name}.html")
    info = write_page(g, out, title=f"ckg: {view_name}", language=language, max_nodes=max_nodes)
    note = f", showing the {info.shown_nodes} most central" if info.truncated else ""
    click.echo(f"Wrote {out}: {info.nodes} nodes, {info.edges} edges{note}")
    if open_page:
        import webbrowser

        webbrowser.open(out.resolve().as_uri())


@cli.command()
@click.argument("view_name", metavar="VIEW")
@_view_options
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000), help="How many central nodes.")
@click.pass_obj
def analyze(store: Store, view_name: str, focus: str | None, depth: int, top: int) -> None:
    """Central nodes (degree and betweenness) and communities of a view."""
    from viz.analytics import central, communities, label
    from viz.views import view

    g = view(view_name, store, focus=focus, depth=depth)
    click.echo(f"{view_name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    for measure in ("degree", "betweenness"):
        click.echo(f"\nMost central by {measure}:")
        for n, score in central(g, measure, top):
            click.echo(f"  {score:6.3f}  {label(g, n)}  [{g.nodes[n].get('cls')}]")
    found = communities(g)
    click.echo(f"\nCommunities ({len(found)}):")
    for i, c in enumerate(found[:top], start=1):
        names = ", ".join(label(g, n) for n in c[:12])
        click.echo(f"  {i}. ({len(c)}) {names}{' …' if len(c) > 12 else ''}")


@cli.command()
@click.argument("source")
@click.argument("target")
@click.pass_obj
def path(store: Store, source: str, target: str) -> None:
    """The shortest chain of facts linking two entities, each link with its sentence and document.

    SOURCE and TARGET are labels in Arabic or English, or IRIs: ckg path Kenya "Burkina Faso"
    """
    from viz.analytics import label, shortest_chain
    from viz.views import fact_graph, find_entity

    g = fact_graph(store)
    a, b = find_entity(g, source), find_entity(g, target)
    chain = shortest_chain(g, a, b)
    click.echo(f"{label(g, a)} → {label(g, b)}: {len(chain)} fact{'s' if len(chain) != 1 else ''}")
    for i, link in enumerate(chain, start=1):
        click.echo(f"{i}. {label(g, link.source)} —{link.relation}— {label(g, link.target)}")
        click.echo(f"   «{link.evidence}» ({link.doc})")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def stats(store: Store, as_json: bool) -> None:
    """Counts: documents, triples, entities per class, events, commitments, threats."""
    from graph.stats import stats as compute

    s = compute(store)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    for k, v in s.items():
        if isinstance(v, dict):
            click.echo(f"{k}:")
            for ck, cv in v.items():
                click.echo(f"  {ck:28} {cv:>8,}")
        else:
            click.echo(f"{k:30} {v:>8,}")


@cli.command()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000),
              help="How many violations to print.")
@click.pass_obj
def validate(store: Store, limit: int) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl; exit status 1 on any violation."""
    from graph.validate import validate as run_validation

    report = run_validation(store)
    if report.conforms:
        click.echo(f"Valid: {report.checked:,} triples conform to the shapes in ontology/shapes.ttl")
        return
    click.echo(f"{len(report.violations)} violations in {report.checked:,} triples:")
    for v in report.violations[:limit]:
        name = f" ({v.label})" if v.label else ""
        click.echo(f"- {v.focus}{name}: {v.path or '(node)'}: {v.message}")
    if len(report.violations) > limit:
        click.echo(f"... and {len(report.violations) - limit} more (--limit)")
    sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; 0.0.0.0 exposes the graph to the network).")
@click.option("--port", default=7879, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Time limit of one query, in seconds, waiting for a free worker included.")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1),
              help="Most result rows one query returns.")
@click.option("--in-memory", is_flag=True,
              help="Answer from a copy of the graph in memory: full listings run 2-3 times faster; costs about "
                   "0.6 GiB and 7 s of start-up per million triples, and reloads after a build or add.")
@click.pass_obj
def serve(store: Store, host: str, port: int, timeout: float, max_rows: int, in_memory: bool) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol at http://HOST:PORT/sparql.

    GET and POST; results as SPARQL JSON, XML, CSV or TSV by content negotiation.
    Query any SPARQL client at it, or: ckg query meetings --endpoint http://127.0.0.1:7879/sparql
    """
    from graph.serve import ServerConfig, make_server

    store.in_memory = in_memory
    t0 = time.perf_counter()
    server = make_server(store, ServerConfig(host=host, port=port, timeout=timeout, max_rows=max_rows))
    h, p = server.server_address[:2]
    if in_memory:
        click.echo(f"Loaded {len(store.reader()):,} triples into memory in {time.perf_counter() - t0:.1f} s", err=True)
    click.echo(f"Serving {store.path} read-only at http://{h}:{p}/sparql (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint: Oxigraph http://HOST:7878/store, "
                   "Virtuoso http://HOST:8890/sparql-graph-crud-auth.")
@click.option("--update", metavar="URL", help="SPARQL Update endpoint, used where the server has no Graph Store.")
@click.option("--timeout", default=120.0, show_default=True, type=click.FloatRange(min=1), help="Seconds per request.")
@click.pass_obj
def push(store: Store, endpoint: str, update: str | None, timeout: float) -> None:
    """Load the graph into a SPARQL 1.1 server, one named graph per document.

    A second push replaces each document's graph rather than duplicating it. Credentials
    come from the environment (CKG_ENDPOINT_USER, CKG_ENDPOINT_PASSWORD), never the command line.
    """
    from graph.push import push as do_push

    cb, close = _progress_bar(True)
    try:
        summary = do_push(store, endpoint, update=update, timeout=timeout, progress=cb)
    finally:
        close()
    click.echo(f"Pushed {summary.graphs} graphs, {summary.triples:,} triples to {endpoint} ({summary.method})")


def main() -> None:
    cli(prog_name="ckg")


if __name__ == "__main__":
    main()
