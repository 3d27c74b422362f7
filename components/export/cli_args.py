"""The ``export`` command's arguments: parsed and checked before anything is drawn.

A bad argument raises :class:`UsageError`, which :func:`components.export.cli.main` prints as
one line with exit status 2. A target that exists and is not a regular file (a folder, a
device, a named pipe, a symbolic link) is refused: the export never writes through it.

>>> build_parser().parse_args(["--date", "1939-08-20"]).width
1600
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from components.atlas.i18n import LANGS
from components.atlas.registry import LAYER_IDS
from components.atlas.timeline import day_number
from components.export.animation import (
    MAX_FRAMES,
    AnimationRequestError,
    frame_days,
    parse_step,
)

MAX_SIDE = 8192
#: What a GIF frame may last, in milliseconds (GIF counts hundredths of a second).
FRAME_MS = (20, 60_000)
#: What the kinds of file that are not regular files are called in a refusal.
_KINDS = {stat.S_ISDIR: "a folder", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device", stat.S_ISFIFO: "a named pipe",
          stat.S_ISSOCK: "a socket", stat.S_ISLNK: "a symbolic link"}  # fmt: skip


class UsageError(ValueError):
    """A bad argument: the message says which and why (printed as one line)."""


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are a :class:`UsageError` (one line, no usage block)."""

    def error(self, message):
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The ``export`` command's arguments."""
    p = OneLineParser(prog="export", description="Export the atlas: a PNG of one day, an animated "
                "GIF (or PNG frames) of a date range, or a standalone HTML page.")  # fmt: skip
    p.add_argument("--date", help="the day of a PNG, YYYY-MM-DD")
    p.add_argument("--from", dest="start", help="first day of an animation")
    p.add_argument("--to", dest="end", help="last day of an animation")
    p.add_argument("--step", default="7d", help="day, week, month or Nd (default 7d)")
    p.add_argument("--lang", default="en", help=f"one of {', '.join(LANGS)} (default en)")
    p.add_argument("--out", help="file to write (.png, .gif) or DIR/ for PNG frames")
    p.add_argument("--html", help="write a standalone HTML page to this file")
    p.add_argument("--width", type=int, default=1600, help="pixels (default 1600)")
    p.add_argument("--height", type=int, default=900, help="pixels (default 900)")
    p.add_argument("--scale", type=float, default=1, help="device pixel ratio: 1, 2 or 4")
    p.add_argument("--view", help="lon,lat,zoom of the map's centre (default: by period)")
    p.add_argument("--layers", help=f"comma-separated, of: {', '.join(LAYER_IDS)}")
    p.add_argument("--frame-ms", type=int, default=400, help="GIF frame time (default 400)")
    p.add_argument("--layers-dir", help="folder of the GeoJSON layers (default geodata/layers)")
    p.add_argument("--pack", action="append", default=[], metavar="PACK",
                   help="an imported pack drawn over the atlas (python -m geodata import FILE "
                        "--out PACK); may be given several times")  # fmt: skip
    return p


@dataclass
class Job:
    """A checked export request."""

    kind: str  # png, gif, frames, html
    out: Path
    lang: str
    days: list[int] = field(default_factory=list)
    width: int = 1600
    height: int = 900
    scale: float = 1
    view: dict | None = None
    visible: list[str] | None = None
    frame_ms: int = 400
    layers_dir: str | None = None
    packs: list = field(default_factory=list)  # imported packs drawn over the atlas


def _view(value: str | None) -> dict | None:
    if value is None:
        return None
    try:
        lon, lat, zoom = (float(v) for v in value.split(","))
    except ValueError:
        raise UsageError(f"--view {value}: expected lon,lat,zoom like 118.5,47.6,6") from None
    if not (-180 <= lon <= 180 and -85 <= lat <= 85 and 0 <= zoom <= 20):
        raise UsageError(f"--view {value}: lon, lat or zoom out of range")
    return {"lon": lon, "lat": lat, "zoom": zoom}


def _layers(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in LAYER_IDS]
    if unknown:
        raise UsageError(f"--layers: unknown layer {unknown[0]!r}; known: {', '.join(LAYER_IDS)}")
    return names


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, or None for a regular file."""
    return next((name for test, name in _KINDS.items() if test(mode)), None)


def _writable_target(path: Path, what: str) -> Path:
    """``path`` when the export may write it: its folder exists and is writable, and it is
    missing or a regular file (``--out DIR/``: missing or a folder); never a symbolic link."""
    folder = what == "--out DIR/"
    parent = path.parent if path.name else path
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"{what} {path}: {exc.strerror or exc}") from None
    if mode is not None and not (folder and stat.S_ISDIR(mode)):
        kind = _kind(mode)
        if kind is not None:
            expected = "a folder" if folder else "a regular file"
            raise UsageError(f"{what} {path} is {kind}, not {expected}: nothing written")
        if folder:
            raise UsageError(f"{what} {path} is a file, not a folder: nothing written")
    if not parent.is_dir():
        raise UsageError(f"{what} {path}: folder {parent} does not exist")
    try:  # a probe file: the only test that holds for root, read-only mounts and ACLs
        fd, probe = tempfile.mkstemp(prefix=".fea-probe-", dir=parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(
            f"{what} {path}: folder {parent} is not writable ({exc.strerror or exc})"
        ) from None
    return path


def _check_day(value: str, what: str, spans=()) -> int:
    """The day number of ``value``: in the atlas period, or in an imported pack's span."""
    from components.export.render import check_day

    try:
        return check_day(value, what)
    except ValueError as exc:
        for first, last in spans:
            with contextlib.suppress(ValueError):
                if first <= day_number(value) <= last:
                    return day_number(value)
        raise UsageError(str(exc)) from None


def _packs(paths: list[str]) -> list[dict]:
    from components.atlas.packs import load_pack

    try:
        return [load_pack(path) for path in paths]
    except ValueError as exc:
        raise UsageError(f"--pack {exc}") from None


def _days(args, check_day=_check_day) -> tuple[str, list[int]]:
    if args.date and (args.start or args.end):
        raise UsageError("give either --date or --from/--to, not both")
    if args.date:
        return "png", [check_day(args.date, "--date")]
    if not (args.start and args.end):
        raise UsageError("give --date for a PNG, or --from and --to for an animation")
    first, last = check_day(args.start, "--from"), check_day(args.end, "--to")
    if last < first:
        raise UsageError(f"--to {args.end} is before --from {args.start}")
    try:
        days = frame_days(first, last, parse_step(args.step))
    except AnimationRequestError as exc:
        raise UsageError(f"--step {args.step}: expected day, week, month or Nd like 7d") from exc
    if len(days) > MAX_FRAMES:
        raise UsageError(f"{len(days)} frames are too many (at most {MAX_FRAMES}): "
                         "shorten the range or take a longer step")  # fmt: skip
    return "gif", days


def check_args(args) -> Job:
    """Turn parsed arguments into a :class:`Job`, or raise :class:`UsageError`."""
    from components.atlas.packs import pack_span
    from components.export.render import check_lang

    try:
        lang = check_lang(args.lang)
    except ValueError as exc:
        raise UsageError(f"--lang {args.lang}: {exc}") from None
    packs = _packs(args.pack)
    spans = [span for span in map(pack_span, packs) if span]

    def check_day(value, what):
        return _check_day(value, what, spans)

    common = {"lang": lang, "layers_dir": args.layers_dir, "packs": packs}
    if args.html:
        if args.out or args.start or args.end:
            raise UsageError("--html writes a page: leave out --out, --from and --to")
        day = [check_day(args.date, "--date")] if args.date else []
        return Job("html", _writable_target(Path(args.html), "--html"), days=day, **common)
    kind, days = _days(args, check_day)
    if not args.out:
        raise UsageError("--out is required (a .png, a .gif or DIR/ for PNG frames)")
    for name in ("width", "height"):
        value = getattr(args, name)
        if not 16 <= value <= MAX_SIDE:
            raise UsageError(f"--{name} {value}: expected 16..{MAX_SIDE} pixels")
    if not FRAME_MS[0] <= args.frame_ms <= FRAME_MS[1]:
        raise UsageError(f"--frame-ms {args.frame_ms}: expected {FRAME_MS[0]}..{FRAME_MS[1]} "
                         "milliseconds a frame")  # fmt: skip
    if args.scale not in (1, 2, 4):
        raise UsageError(f"--scale {args.scale:g}: expected 1, 2 or 4")
    out = Path(args.out)
    if kind == "gif" and (args.out.endswith(("/", os.sep)) or out.is_dir()):
        kind, out = "frames", _writable_target(out, "--out DIR/")
    else:
        suffix = {"png": ".png", "gif": ".gif"}[kind]
        if out.suffix.lower() != suffix:
            raise UsageError(f"--out {args.out}: a {kind.upper()} export needs a {suffix} file"
                             + (" or DIR/" if kind == "gif" else ""))  # fmt: skip
        _writable_target(out, "--out")
    return Job(kind, out, days=days, width=args.width, height=args.height, scale=args.scale,
               view=_view(args.view), visible=_layers(args.layers), frame_ms=args.frame_ms,
               **common)  # fmt: skip
