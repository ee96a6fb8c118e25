"""Store commands of the command line: ingest, search, stats, export, and the demo that fills a store."""
from __future__ import annotations

import argparse
import json
import sys

__all__ = ["add_parsers"]

EPILOG_STORE = ("Errors print one line '[Ennn] where: what; what to do' on stderr and exit non-zero; a bad record "
                "in a batch is reported and skipped, and the rest goes in.")


def _open(path: str, *, create: bool = False, readonly: bool = False):
    from .store import Store
    return Store(path, create=create, readonly=readonly)


def _progress(enabled: bool):
    """Return (on_progress, close) that draw a tqdm bar on stderr when it is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm
    bar = tqdm(unit=" records", file=sys.stderr, leave=False, dynamic_ncols=True)

    def update(read: int, added: int) -> None:
        bar.n = read
        bar.set_postfix(new=added, refresh=False)
        bar.refresh()
    return update, bar.close


def _ingest_records(args, records) -> int:
    from .store import ingest
    on_progress, close = _progress(not args.quiet)
    with _open(args.db, create=True) as store:
        try:
            report = ingest(store, records, batch_size=args.batch_size, on_progress=on_progress,
                            on_problem=lambda line: print(f"khobor: skipped {line}", file=sys.stderr))
        finally:
            close()
    if not args.quiet:
        print(f"{args.db}: {report.line()}", file=sys.stderr)
    return 1 if report.problems else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    """Read articles (txt, html, jsonl, warc, rss/atom; folders recursively; - for stdin), analyze the
    new ones and add them to the store. Safe to re-run: what is stored is skipped."""
    from .ingest import read
    fields = {}
    for spec in args.field:
        name, sep, key = spec.partition("=")
        if not sep or name not in ("text", "title", "url", "published", "outlet") or not key:
            from .errors import BadMetadata
            raise BadMetadata(f"--field {spec!r} must be NAME=KEY with NAME one of text, title, url, published, "
                              "outlet (e.g. --field text=body)")
        fields[name] = key
    return _ingest_records(args, read(args.paths, fmt=args.format, fields=fields or None, max_bytes=args.max_bytes))


def cmd_search(args: argparse.Namespace) -> int:
    """Search the store: words match every inflected form ('রাশিয়া' finds 'রাশিয়ার'), Latin words match
    English names ('Putin'), "quoted words" match as a phrase; filters narrow the hits."""
    from .store import search
    with _open(args.db, readonly=True) as store:
        result = search(store.conn, " ".join(args.query), entity=args.entity, label=args.label,
                        date_from=args.date_from, date_to=args.date_to, outlet=args.outlet, event=args.event,
                        limit=args.limit, offset=args.offset)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return 0
    tty = sys.stdout.isatty()
    on, off = ("\033[1m", "\033[0m") if tty else ("«", "»")
    total = f"{result.total}{'' if result.exact else '+'}"
    print(f"{total} articles" + (f"; showing {len(result.hits)}" if result.total > len(result.hits) else ""))
    for h in result.hits:
        snippet = h.snippet
        for s, e in reversed(h.highlights):
            snippet = snippet[:s] + on + snippet[s:e] + off + snippet[e:]
        meta = " · ".join(x for x in (h.published, h.outlet, h.category) if x)
        print(f"[{h.id}] {h.title or '(untitled)'}  ({meta})")
        print(f"    {snippet}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Show what the store holds: articles, outlets, dates, near-duplicates, top entities and events."""
    from .store.stats import report, stats
    with _open(args.db, readonly=True) as store:
        s = stats(store, top=args.top)
    if args.json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False) + "\n")
    else:
        print(report(s))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the store's tables (articles, entities, mentions, quotes, events, event_mentions) as Parquet
    or CSV files into a folder (schemas: docs/store.md)."""
    from .store.export import export
    with _open(args.db, readonly=True) as store:
        counts = export(store, args.out, args.format)
    for name, n in counts.items():
        print(f"{args.out}/{name}.{args.format}: {n} rows")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Ingest the bundled example articles into the store and show what it holds."""
    if args.articles:
        from .cli import cmd_demo_articles
        return cmd_demo_articles(args)
    from .examples import examples
    from .ingest import Record
    from .store import search
    from .store.stats import report, stats
    records = [Record(text=ex.text, where=f"examples/{ex.id}.txt", title=ex.title, published=ex.published,
                      outlet=ex.outlet) for ex in examples()]
    args.quiet = False
    code = _ingest_records(args, records)
    with _open(args.db, readonly=True) as store:
        print(report(stats(store)))
        query = "হাসিনা"
        result = search(store.conn, query, limit=3)
        print(f"\nkhobor search {query} --db {args.db}: {result.total} articles")
        for h in result.hits:
            print(f"  [{h.id}] {h.title}")
    print(f"\nTry: khobor search রাশিয়া --db {args.db} · khobor search Putin --db {args.db} · "
          f"khobor stats --db {args.db} · khobor export --db {args.db} --out tables")
    return code


def add_parsers(sub) -> None:
    """Add the store commands to the command line's subparsers."""
    from .inputs import DEFAULT_MAX_BYTES
    from .store import DEFAULT_DB

    def db(p):
        p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: ./{DEFAULT_DB})")

    p = sub.add_parser("ingest", help="add articles from files, folders, feeds, crawls or stdin to the store",
                       description=cmd_ingest.__doc__, epilog=EPILOG_STORE)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (read recursively), or - for stdin")
    db(p)
    p.add_argument("--format", choices=("txt", "html", "jsonl", "warc", "feed"),
                   help="read every input as this format (default: from the file name; stdin is sniffed)")
    p.add_argument("--field", action="append", default=[], metavar="NAME=KEY",
                   help="jsonl: the key holding text, title, url, published or outlet (e.g. --field text=body)")
    p.add_argument("--batch-size", type=int, default=256, metavar="N",
                   help="articles analyzed and written per transaction (default: 256)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse articles larger than N bytes (default: {DEFAULT_MAX_BYTES})")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="search the store in Bengali (or by English name)",
                       description=cmd_search.__doc__, epilog=EPILOG_STORE)
    p.add_argument("query", nargs="*", metavar="QUERY", help="words; \"quoted words\" for a phrase")
    db(p)
    p.add_argument("--entity", metavar="NAME", help="only articles naming this entity (English name, Bengali name or id)")
    p.add_argument("--label", choices=("PER", "ORG", "LOC", "GPE", "NORP"), type=str.upper,
                   help="with --entity: of this label; else the query words must name an entity of this label")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before DATE (YYYY-MM-DD)")
    p.add_argument("--outlet", metavar="NAME", help="only articles from this outlet")
    p.add_argument("--event", metavar="TYPE", help="only articles with an event of this PLOVER type or CAMEO code")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to show (default: 10)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N hits")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("stats", help="show what the store holds", description=cmd_stats.__doc__, epilog=EPILOG_STORE)
    db(p)
    p.add_argument("--top", type=int, default=10, metavar="N", help="entities, outlets and events to list (default: 10)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="write the store's tables as Parquet or CSV", description=cmd_export.__doc__,
                       epilog=EPILOG_STORE)
    db(p)
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the table files (created if needed)")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="file format (default: parquet)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("demo", help="ingest the bundled example articles into the store and show what it holds",
                       description=cmd_demo.__doc__, epilog=EPILOG_STORE)
    db(p)
    p.add_argument("--batch-size", type=int, default=256, metavar="N", help=argparse.SUPPRESS)
    p.add_argument("--articles", action="store_true", help="instead, analyze each example and summarize it")
    p.set_defaults(func=cmd_demo)
