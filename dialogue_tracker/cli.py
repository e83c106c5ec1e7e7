"""Command line: `python -m dialogue_tracker validate|export|schema`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dialogue_tracker.filters import Filters, unknown_ids
from dialogue_tracker.frames import build_frames
from dialogue_tracker.loader import load_catalog
from dialogue_tracker.paths import data_dir
from dialogue_tracker.problems import DataError
from dialogue_tracker.schema import SCHEMA_FILE, schema_text


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
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
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", parents=[data], help="print the (filtered) records")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    for name in ("issue", "speaker", "side"):
        export.add_argument(
            f"--{name}",
            action="append",
            default=[],
            metavar="ID",
            help=f"keep only this {name} (repeatable)",
        )
    export.set_defaults(run=_export)

    schema = commands.add_parser(
        "schema", parents=[data], help=f"write DATA/{SCHEMA_FILE} from the model"
    )
    schema.set_defaults(run=_schema)
    return parser


def _validate(args: argparse.Namespace) -> int:
    counts = load_catalog(args.data).counts()
    print(
        f"{args.data}: valid — "
        + ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items())
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from dialogue_tracker.export import export_records, to_csv, to_json

    catalog = load_catalog(args.data)
    filters = Filters(tuple(args.issue), tuple(args.speaker), tuple(args.side))
    registries = {"issue": catalog.issues, "speaker": catalog.speakers, "side": catalog.sides}
    for name, known in registries.items():
        for value in unknown_ids(getattr(args, name), known):
            print(f"unknown {name} {value!r} (known: {', '.join(known)})", file=sys.stderr)
            return 2
    records = export_records(catalog, build_frames(catalog), filters)
    sys.stdout.write(to_json(records) if args.format == "json" else to_csv(records))
    return 0


def _schema(args: argparse.Namespace) -> int:
    path = args.data / SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {path}")
    return 0
