"""Command line: `python -m dialogue_tracker validate|export|schema|synth|draft`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import data_dir
from dialogue_tracker.problems import DataError
from dialogue_tracker.schema import SCHEMAS, schema_text
from dialogue_tracker.vocabulary import KEYS, registry


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted; nothing more was written", file=sys.stderr)
        return 130
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s) in {args.data}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dialogue_tracker", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument(
        "--data", type=Path, default=data_dir(), help="data folder (default: %(default)s)"
    )

    validate = commands.add_parser(
        "validate", parents=[data], help="check the data; exit 1 on problems"
    )
    validate.add_argument(
        "--include-drafts", action="store_true", help="check the drafts in DATA/drafts/ too"
    )
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", parents=[data], help="print the (filtered) records")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    for name in KEYS:
        export.add_argument(
            f"--{name}",
            action="append",
            default=[],
            metavar="ID",
            help=f"keep only this {name} (repeatable)",
        )
    export.add_argument(
        "--include-drafts",
        action="store_true",
        help="add the drafts in DATA/drafts/, each record with draft: true",
    )
    export.set_defaults(run=_export)

    schema = commands.add_parser(
        "schema", parents=[data], help=f"write DATA/{' and DATA/'.join(SCHEMAS)} from the models"
    )
    schema.set_defaults(run=_schema)

    synth = commands.add_parser(
        "synth", parents=[data], help="write a synthetic valid corpus (registries from DATA)"
    )
    size = synth.add_mutually_exclusive_group(required=True)
    size.add_argument("--sources", type=int, metavar="N", help="N sources of the usual size")
    size.add_argument(
        "--statements", type=int, metavar="N", help="exactly N quotes + stances + next steps"
    )
    synth.add_argument("--out", type=Path, required=True, help="folder to write")
    synth.add_argument("--seed", type=int, default=0, help="same seed, same corpus (default 0)")
    synth.add_argument("--force", action="store_true", help="replace a corpus already in --out")
    synth.set_defaults(run=_synth)

    draft = commands.add_parser(
        "draft", parents=[data], help="draft DATA/drafts/ID.yaml from an article's text"
    )
    draft.add_argument("article", type=Path, metavar="ARTICLE.txt", help="the text (UTF-8)")
    draft.add_argument("--source-id", required=True, metavar="ID", help="the new source's id")
    draft.add_argument("--title", help="its title (default: the text's first line)")
    draft.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the meeting's day; its year completes 'by August'"
    )
    draft.add_argument("--outlet", help="who published it (default: unknown)")
    draft.add_argument("--url", help="where it was published")
    draft.add_argument("--force", action="store_true", help="replace a draft of that id")
    draft.set_defaults(run=_draft)
    return parser


def _validate(args: argparse.Namespace) -> int:
    counts = load_catalog(args.data, include_drafts=args.include_drafts).counts()
    print(
        f"{args.data}: valid — "
        + ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from dialogue_tracker.export import export_records, to_csv, to_json
    from dialogue_tracker.filters import Filters, unknown_ids
    from dialogue_tracker.frames import build_frames

    catalog = load_catalog(args.data, include_drafts=args.include_drafts)
    filters = Filters.from_params(vars(args).get)
    for name in KEYS:
        known = registry(catalog, name)
        for value in unknown_ids(filters.ids(name), known):
            print(f"unknown {name} {value!r} (known: {', '.join(known)})", file=sys.stderr)
            return 2
    records = export_records(catalog, build_frames(catalog), filters, args.include_drafts)
    sys.stdout.write(to_json(records) if args.format == "json" else to_csv(records))
    return 0


def _schema(args: argparse.Namespace) -> int:
    for name in SCHEMAS:
        path = args.data / name
        path.write_text(schema_text(name), encoding="utf-8")
        print(f"wrote {path}")
    return 0


def _synth(args: argparse.Namespace) -> int:
    from dialogue_tracker.progress import Progress
    from dialogue_tracker.synth import Registries, clear_corpus, plan, write_corpus

    try:
        the_plan = plan(
            Registries.read(args.data), sources=args.sources, statements=args.statements
        )
    except ValueError as error:
        print(f"synth: {error}", file=sys.stderr)
        return 2
    refused = _synth_refusal(args)
    if refused:
        print(f"synth: {refused}", file=sys.stderr)
        return 2
    if any((args.out / "sources").glob("*")):
        if not args.force:
            print(f"synth: {args.out}/sources is not empty (use --force)", file=sys.stderr)
            return 2
        clear_corpus(args.out)
    progress = Progress("synth", sys.stderr).count if the_plan.sources >= 100 else None
    counts = write_corpus(args.out, the_plan, args.data, seed=args.seed, progress=progress)
    print(
        f"wrote {args.out}: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
    )
    return 0


def _synth_refusal(args: argparse.Namespace) -> str | None:
    """Why `synth` must not write to `--out`: a data folder, or files it did not write."""
    from dialogue_tracker.synth import foreign_files

    out = args.out.resolve()
    for data in {args.data.resolve(), data_dir().resolve()}:
        if out.is_relative_to(data):
            return f"--out {args.out} is the data folder {data} or inside it; choose another folder"
    foreign = foreign_files(args.out)
    if foreign:
        return (
            f"--out {args.out} holds files synth did not write ({', '.join(foreign[:3])}"
            f"{', …' if len(foreign) > 3 else ''}); choose an empty folder"
        )
    return None


def _draft(args: argparse.Namespace) -> int:
    from dialogue_tracker.draft.command import run
    from dialogue_tracker.draft.pipeline import Options

    options = Options(
        args.source_id, args.title, args.date, args.outlet, args.url, args.article.name
    )
    return run(args.article, options, args.data, args.force, out=sys.stdout, err=sys.stderr)
