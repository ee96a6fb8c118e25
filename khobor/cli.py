"""The `khobor` command line: a thin layer that turns library errors into one clear line and an exit code."""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
from typing import Any, Sequence

from . import __version__
from .errors import KhoborError

EPILOG = "Errors print one line '[Ennn] where: what; what to do' on stderr and exit non-zero."


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def cmd_analyze(args: argparse.Namespace) -> int:
    """Analyze articles: one JSON object per line, or a readable rendering with --format pretty."""
    from . import load
    from .inputs import read_article
    from .render import pretty

    pipeline = load()
    failed = 0
    for path in args.paths:
        try:
            raw = read_article(path, max_bytes=args.max_bytes)
            doc = pipeline.process(raw.text, published=args.published, title=args.title or raw.title)
        except KhoborError as exc:
            failed += 1
            print(f"khobor: error: {exc.line()}", file=sys.stderr)
            if len(args.paths) == 1:
                return exc.exit_code
            continue
        if args.format == "pretty":
            sys.stdout.write(pretty(doc, tokens=args.tokens))
            if len(args.paths) > 1:
                sys.stdout.write("\n")
        else:
            _print_json(doc.to_dict(tokens=args.tokens))
    return 1 if failed else 0


def cmd_demo_articles(args: argparse.Namespace) -> int:
    """Analyze the bundled example articles and print a short readable summary of each (khobor demo --articles)."""
    import time
    from collections import Counter

    from . import load
    from .examples import examples
    from .render import summary_line

    pipeline = load()
    t0 = time.perf_counter()
    chars = 0
    items = examples()
    for ex in items:
        doc = pipeline.process(ex.text, published=ex.published, title=ex.title, outlet=ex.outlet, id=ex.id)
        chars += len(doc.text)
        first = doc.sentences[0].text if doc.sentences else ""
        if len(first) > 110:
            first = first[:107] + "…"
        print(f"{ex.id} · {ex.published} · {ex.outlet} · {ex.category}")
        print(f"  {ex.title}")
        print(f"  {summary_line(doc)}")
        print(f"  first sentence: {first}")
        names = Counter((e.canonical or e.text, e.label) for e in doc.entities)
        if names:
            print("  named: " + ", ".join(f"{n} ({lab}){' ×' + str(c) if c > 1 else ''}"
                                         for (n, lab), c in names.most_common(6)))
        art = doc.article
        facts = [f"category {art.get('category')}", f"{len(doc.times)} times", f"{len(doc.numbers)} amounts",
                 f"{len(doc.quotes)} quotes", f"{len(doc.events)} events"]
        if art.get("source"):
            facts.append(f"source {art['source'].get('canonical')}")
        print("  " + " · ".join(facts))
        for q in doc.quotes[:1]:
            snippet = q.text if len(q.text) <= 70 else q.text[:67] + "…"
            print(f"  quote: “{snippet}” — {q.speaker or '?'}")
        for ev in doc.events[:2]:
            e = ev.to_dict(doc)
            actor = (e["actor"] or {}).get("canonical") or "?"
            rec = (e["recipient"] or {}).get("canonical") if e["recipient"] else None
            print(f"  event: {actor} —{e['type']}→ {rec or '∅'} [CAMEO {e['cameo']}]")
        print()
    dt = time.perf_counter() - t0
    print(f"{len(items)} example articles analyzed ({chars} characters) in {dt:.2f} s. "
          f"Try: khobor analyze --format pretty {os.path.join('khobor', 'examples', items[0].id + '.txt')}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score a capability against gold data."""
    if args.task == "sentences":
        from .eval import sentences as mod
        result = mod.evaluate(args.data, show_errors=args.show_errors)
    elif args.task == "events":
        from .eval import events as mod
        result = mod.evaluate(args.data, show_errors=args.show_errors)
    elif args.task == "summary":
        from .eval import summary as mod
        result = mod.evaluate(args.data, show_errors=args.show_errors)
    elif args.task in ("times", "numbers", "quotes", "article"):
        from .eval import layers as mod
        result = mod.evaluate(args.task, args.data, show_errors=args.show_errors)
    else:
        from .eval import ner as mod
        from .nerdata import guess_format
        result = mod.evaluate(args.data, fmt=args.format or guess_format(args.data), folds=args.folds,
                              train_extra=[(x, guess_format(x)) for x in args.train_extra], model=args.model,
                              show_errors=args.show_errors, log=lambda s: print(s, file=sys.stderr))
    if args.json:
        _print_json(result)
    else:
        print(mod.report(result))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """Train the NER tagger (CRF) and write the model with its manifest (data hashes, date, scores)."""
    from .nerdata import guess_format
    from .nertrain import train_command
    out = args.out or str(pathlib.Path(__file__).parent / "models" / "ner.crfsuite")
    train_command([(d, guess_format(d)) for d in args.data], out, folds_n=args.folds, no_repair=args.no_repair,
                  log=lambda s: print(s, file=sys.stderr))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for all subcommands."""
    parser = argparse.ArgumentParser(prog="khobor", description="Bengali news in, structured knowledge out.",
                                     epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"khobor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyze articles and print JSON (khobor.document/1) or a readable view",
                       description=cmd_analyze.__doc__, epilog=EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article text file (UTF-8), or - for stdin")
    p.add_argument("--published", metavar="DATE", help="publication date YYYY-MM-DD (resolves relative dates)")
    p.add_argument("--title", help="article title (default: a first line followed by a blank line)")
    p.add_argument("--format", choices=("json", "pretty"), default="json", help="output format (default: json)")
    p.add_argument("--tokens", action="store_true", help="include tokens")
    p.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N",
                   help="refuse inputs larger than N bytes (default: 5000000)")
    p.set_defaults(func=cmd_analyze)

    from .cli_store import add_parsers
    add_parsers(sub)

    p = sub.add_parser("eval", help="score against gold data (precision, recall, F1)", description=cmd_eval.__doc__)
    p.add_argument("task", choices=("sentences", "ner", "times", "numbers", "quotes", "article", "summary", "events"),
                   help="what to evaluate")
    p.add_argument("--data", required=True, metavar="PATH",
                   help="gold directory or file (tests/data/gold), or banglakit main.jsonl")
    p.add_argument("--format", choices=("khobor", "banglakit", "conll"),
                   help="ner data format (default: from the path: directory = khobor, .jsonl = banglakit, else conll)")
    p.add_argument("--folds", type=int, default=0, metavar="K",
                   help="ner: retrain the tagger K times on contiguous blocks and score each held-out block")
    p.add_argument("--model", metavar="FILE", help="ner without --folds: score this model instead of the shipped one")
    p.add_argument("--train-extra", action="append", default=[], metavar="PATH",
                   help="ner with --folds: more training data for every fold (repeatable)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--show-errors", type=int, default=0, metavar="N", help="list up to N documents with errors")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("train", help="train a statistical model (ner) from annotated data", description=cmd_train.__doc__)
    p.add_argument("task", choices=("ner",), help="what to train")
    p.add_argument("--data", action="append", required=True, metavar="PATH",
                   help="training data: khobor gold directory, banglakit .jsonl or CoNLL file (repeatable)")
    p.add_argument("--out", default=None, metavar="FILE",
                   help="model file to write (default: the shipped khobor/models/ner.crfsuite); the manifest goes beside it")
    p.add_argument("--folds", type=int, default=0, metavar="K",
                   help="also cross-validate with K contiguous folds and record the scores in the manifest")
    p.add_argument("--no-repair", action="store_true", help="train on banglakit/CoNLL labels as they are")
    p.set_defaults(func=cmd_train)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KhoborError as exc:
        print(f"khobor: error: {exc.line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("khobor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("KHOBOR_DEBUG"):
            raise
        print(f"khobor: error: [E999] internal error: {type(exc).__name__}: {exc}; "
              "re-run with KHOBOR_DEBUG=1 and report it with the input", file=sys.stderr)
        return 70


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    entry()
