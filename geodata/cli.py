"""Command line: ``python -m geodata geocode|build|check|import``."""

from __future__ import annotations

import argparse
import json
import sys

from geodata.geocode import GeocodeError, geocode
from geodata.imports.cli import add_parser as add_import_parser
from geodata.layers import LAYERS_DIR, build_layers, write_layers
from geodata.records import RecordsError, load_records


def _geocode(args: argparse.Namespace) -> int:
    results = []
    for name in args.names:
        try:
            results.append(geocode(name).as_dict())
        except GeocodeError as exc:
            results.append({"query": name, "error": str(exc), "suggestions": exc.suggestions})
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for r in results:
            if "error" in r:
                print(f"{r['query']}: {r['error']}")
            else:
                print(f"{r['query']}: {r['name']} ({r['country']}) {r['lat']:.4f}, {r['lon']:.4f}"
                      f"  [{r['source']}; confidence {r['confidence']}]")  # fmt: skip
    return 0


def _build(args: argparse.Namespace) -> int:
    try:
        paths = write_layers(args.out, build_layers())
    except RecordsError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a file size limit: the old layers stay whole
        print(f"geodata build: cannot write {exc.filename or args.out}: {exc.strerror or exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    for path in paths:
        print(f"wrote {path}")
    if not args.skip_basemap:
        from geodata.basemap.build import build_basemap  # heavy: only when asked

        for path in build_basemap():
            print(f"wrote {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    try:
        build_layers(load_records(args.sources))
    except RecordsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("records OK")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs test)."""
    p = argparse.ArgumentParser(prog="python -m geodata", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("geocode", help="resolve place names")
    g.add_argument("names", nargs="+", metavar="NAME")
    g.add_argument("--json", action="store_true", help="print one JSON array")
    g.set_defaults(run=_geocode)
    b = sub.add_parser("build", help="geocode the records and write the GeoJSON layers")
    b.add_argument("--out", default=LAYERS_DIR, help="output folder (default: geodata/layers)")
    b.add_argument("--skip-basemap", action="store_true", help="only the historical layers")
    b.set_defaults(run=_build)
    c = sub.add_parser("check", help="validate the records and their geocoding")
    c.add_argument("sources", nargs="?", default=None, help="folder of record files")
    c.set_defaults(run=_check)
    add_import_parser(sub)  # python -m geodata import FILE: geodata/imports/cli.py
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    if getattr(args, "sources", 1) is None:
        from geodata.records import SOURCES_DIR

        args.sources = SOURCES_DIR
    return args.run(args)
