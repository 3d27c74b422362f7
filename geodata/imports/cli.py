"""``python -m geodata import FILE [--format F] [--strict] [--json] [--out PACK]``.

Prints the report ("N imported, M skipped" and every problem, or one JSON report with
``--json``), writes the pack to PACK with ``--out`` (whole or not at all), and exits 0 when
something was imported, 2 when nothing was.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from geodata.imports import FORMATS, ImportFailed, describe, dumps, import_file


def add_parser(sub) -> argparse.ArgumentParser:
    """Add the ``import`` subcommand to the ``python -m geodata`` parser's subparsers."""
    p = sub.add_parser(
        "import",
        help="import your own data (spreadsheet, GeoJSON, LPF, LP-TSV, TimelineJS, StoryMapJS)",
        description=__doc__.split("\n\n")[1],
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=(*FORMATS, "atlas"), help="else found from the file")
    p.add_argument("--strict", action="store_true", help="refuse the file on any error")
    p.add_argument("--json", action="store_true", help="print one JSON report")
    p.add_argument("--out", metavar="PACK", help="write the pack (GeoJSON) here")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``import``; returns the exit status."""
    try:
        result = import_file(args.file, fmt=args.format, strict=args.strict)
    except ImportFailed as exc:
        _failed(args, exc)
        return 2
    report = result.report
    if args.out and report["features"]:
        try:
            write_pack(result.pack, Path(args.out))
        except OSError as exc:
            print(f"{args.out}: cannot write the pack ({exc.strerror})", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        _print_report(report, args.out if report["features"] else None)
    return 0 if report["features"] else 2


def _failed(args, exc: ImportFailed) -> None:
    if args.json:
        report = dict(exc.report or {"file": Path(args.file).name, "format": args.format})
        report["error"] = str(exc)
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(exc, file=sys.stderr)
        for entry in (exc.report or {}).get("errors", []):
            print("  error: " + describe(exc.report["file"], entry), file=sys.stderr)


def _print_report(report: dict, out: str | None) -> None:
    e, w = len(report["errors"]), len(report["warnings"])
    print(
        f"{report['file']} ({report['format']}): {report['features']} imported, "
        f"{report['skipped']} skipped ({e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)})"
    )
    for kind in ("errors", "warnings"):
        for entry in report[kind]:
            print(f"  {kind[:-1]}: {describe(report['file'], entry)}")
    if out:
        print(f"wrote {out}")


def write_pack(pack: dict, path: Path) -> None:
    """Write the pack whole or not at all (a temporary file beside it, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(dumps(pack))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
