"""``export --handout``: a printable lesson handout (PDF) from the command line.

::

    python app.py export --handout --period khalkhin-gol --lang zh --out lesson.pdf
    python app.py export --handout --dates 1939-05-28,1939-07-03,1939-08-20 --out lesson.pdf
    python app.py export --handout --period khasan --maps 6 --paper letter \\
        --orientation landscape --out khasan.pdf
    python app.py export --handout --dates 1905-02-20,1905-03-10 --pack lesson.pack.geojson \\
        --out mukden.pdf

``--pack PACK`` (repeatable) draws the reader's imported pack (``python -m geodata import FILE
--out PACK``) on the maps, with a legend row, its lines in the captions and its quotes in the
sources, marked as the reader's; days outside the atlas are taken when a pack covers them.

Every check runs before anything is drawn; a bad argument prints one line,
``export: <what was wrong>``, exits with status 2 and writes nothing. The PDF is written
under a temporary name beside the target and renamed when complete.

>>> check_args(build_parser().parse_args(["--period", "khasan", "--out", "k.pdf"])).count
4
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from components.atlas.i18n import LANGS
from components.atlas.packs import pack_span
from components.atlas.registry import PERIODS
from components.export.cli_args import OneLineParser, UsageError, _check_day, _packs
from components.export.handout.dates import DEFAULT_MAPS, MAX_MAPS, MIN_MAPS, period
from components.export.handout.model import ORIENTATIONS, PAPERS
from geodata.settings import setting


def build_parser() -> argparse.ArgumentParser:
    """The arguments of ``export --handout``."""
    p = OneLineParser(prog="export --handout", description="A printable lesson handout (PDF): "
                "maps of key dates with captions, a legend, a scale and the sources.")  # fmt: skip
    p.add_argument("--handout", action="store_true", help="make a handout (this command)")
    p.add_argument("--period", help=f"a period: {', '.join(p.id for p in PERIODS)}")
    p.add_argument("--dates", help="comma-separated days, YYYY-MM-DD (2 to 6)")
    p.add_argument("--maps", type=int, help=f"maps of a --period, {MIN_MAPS} to {MAX_MAPS} "
                   f"(default {DEFAULT_MAPS})")  # fmt: skip
    p.add_argument("--lang", default="en", help=f"one of {', '.join(LANGS)} (default en)")
    p.add_argument("--paper", default="a4", help=f"{' or '.join(PAPERS)} (default a4)")
    p.add_argument("--orientation", default="portrait", help="portrait or landscape")
    p.add_argument("--out", help="the PDF file to write")
    p.add_argument("--layers-dir", help="folder of the GeoJSON layers (default geodata/layers)")
    p.add_argument("--pack", action="append", default=[], metavar="PACK",
                   help="an imported pack drawn on the maps (python -m geodata import FILE "
                        "--out PACK); may be given several times")  # fmt: skip
    return p


@dataclass(frozen=True)
class HandoutJob:
    """A checked handout request: ``dates`` given, or ``count`` maps of ``period``."""

    out: Path
    lang: str
    paper: str
    orientation: str
    period: str | None
    dates: tuple[str, ...]
    count: int
    layers_dir: str | None = None
    #: the reader's imported packs, checked (:func:`components.atlas.packs.load_pack`)
    packs: tuple = ()


def _dates(value: str, spans=()) -> tuple[str, ...]:
    days = [v.strip() for v in value.split(",") if v.strip()]
    for day in days:  # in the atlas, or in the span of one of the packs
        _check_day(day, "--dates", spans)
    distinct = tuple(sorted(set(days)))
    if not MIN_MAPS <= len(distinct) <= MAX_MAPS:
        raise UsageError(f"--dates {value}: {len(distinct)} distinct days; a handout holds "
                         f"{MIN_MAPS} to {MAX_MAPS} maps")  # fmt: skip
    return distinct


def _target(value: str | None) -> Path:
    if not value:
        raise UsageError("--out is required (a .pdf file)")
    out = Path(value)
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"--out {value}: a handout is a .pdf file")
    if out.is_dir():
        raise UsageError(f"--out {value} is a folder")
    parent = out.parent
    if not parent.is_dir():
        raise UsageError(f"--out {value}: folder {parent} does not exist")
    try:  # a probe file: the one test that holds for root, read-only mounts and ACLs
        fd, probe = tempfile.mkstemp(prefix=".fea-probe-", dir=parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"--out {value}: folder {parent} is not writable "
                         f"({exc.strerror or exc})") from None  # fmt: skip
    return out


def check_args(args) -> HandoutJob:
    """Turn parsed arguments into a :class:`HandoutJob`, or raise :class:`UsageError`."""
    if args.lang not in LANGS:
        raise UsageError(f"--lang {args.lang}: unknown language; known: {', '.join(LANGS)}")
    if args.paper not in PAPERS:
        raise UsageError(f"--paper {args.paper}: expected {' or '.join(PAPERS)}")
    if args.orientation not in ORIENTATIONS:
        raise UsageError(f"--orientation {args.orientation}: expected portrait or landscape")
    if not (args.period or args.dates):
        raise UsageError("give --period (its key moments) or --dates (2 to 6 days)")
    if args.period:
        try:
            period(args.period)
        except ValueError as exc:
            raise UsageError(f"--period {args.period}: {exc}") from None
    if args.maps is not None and args.dates:
        raise UsageError("--maps goes with --period: --dates gives the maps itself")
    if args.maps is not None and not MIN_MAPS <= args.maps <= MAX_MAPS:
        raise UsageError(f"--maps {args.maps}: expected {MIN_MAPS} to {MAX_MAPS}")
    if args.layers_dir and not Path(args.layers_dir).is_dir():
        raise UsageError(f"--layers-dir {args.layers_dir}: no such folder")
    packs = _packs(args.pack)
    spans = [span for span in map(pack_span, packs) if span]
    dates = _dates(args.dates, spans) if args.dates else ()
    return HandoutJob(out=_target(args.out), lang=args.lang, paper=args.paper,
                      orientation=args.orientation, period=args.period, dates=dates,
                      count=len(dates) or args.maps or DEFAULT_MAPS,
                      layers_dir=args.layers_dir, packs=tuple(packs))  # fmt: skip


def run(job: HandoutJob, log=None) -> Path:
    """Make the handout of ``job`` and move it into place; returns the written path."""
    from components.atlas.data import load_atlas
    from components.export.handout import printing
    from components.export.handout.dates import handout_dates

    log = log or (lambda msg: None)
    start = time.perf_counter()
    atlas = load_atlas(job.layers_dir)
    dates = list(job.dates) or handout_dates(atlas, period(job.period), job.count)
    _h, pdf = printing.make_handout(atlas, dates, job.lang, job.paper, job.orientation,
                                    job.period, list(job.packs), on_map=lambda n: log(
        f"map {n}/{len(dates)} {time.perf_counter() - start:.2f} s"))  # fmt: skip
    fd, name = tempfile.mkstemp(prefix=f".{job.out.name}.", suffix=".part", dir=job.out.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pdf)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, job.out)
    finally:
        tmp.unlink(missing_ok=True)
    log(f"handout {len(pdf):,} bytes in {time.perf_counter() - start:.2f} s")
    return job.out


def main(argv: list[str]) -> int:
    """Run ``export --handout`` with ``argv``; returns the exit status.

    0: written; 2: bad arguments (one line on stderr, nothing written); 1: rendering failed.
    """
    try:
        job = check_args(build_parser().parse_args(argv))
    except UsageError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    verbose = setting("FEA_EXPORT_VERBOSE")
    try:
        out = run(job, log=(lambda m: print(m, file=sys.stderr)) if verbose else None)
    except Exception as exc:  # noqa: BLE001 - one line for the user, not a traceback
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"export: failed: {message}", file=sys.stderr)
        return 1
    print(out)
    return 0
