"""``export``: PNG, animated GIF, PNG frames or a standalone HTML page, from the command line.

::

    python app.py export --date 1939-08-20 --lang en --out map.png --width 1600 --height 900
    python app.py export --from 1939-05-01 --to 1939-09-15 --step 7d --out khalkhin.gif
    python app.py export --from 1939-05-01 --to 1939-09-15 --step 7d --out frames/
    python app.py export --html atlas.html

(``python -m components.export ...`` is the same.) Every check runs before anything is
drawn; a bad argument prints one line, ``export: <what was wrong>``, and exits with status 2.
Files are written under a temporary name next to the target and renamed at the end, so a
failed export leaves nothing behind.

>>> build_parser().parse_args(["--date", "1939-08-20"]).width
1600
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from components.atlas.i18n import LANGS
from components.atlas.registry import LAYER_IDS
from components.atlas.timeline import iso_date
from components.export.animation import AnimationRequestError, frame_days, parse_step
from geodata.settings import setting

MAX_SIDE = 8192
MAX_FRAMES = 400


class UsageError(ValueError):
    """A bad argument: the message says which and why (printed as one line)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage block
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The ``export`` command's arguments."""
    p = _Parser(prog="export", description="Export the atlas: a PNG of one day, an animated "
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


def _writable_target(path: Path, what: str) -> Path:
    parent = path.parent if path.name else path
    if not parent.is_dir():
        raise UsageError(f"{what} {path}: folder {parent} does not exist")
    if path.is_dir() and what != "--out DIR/":
        raise UsageError(f"{what} {path} is a folder")
    try:  # a probe file: the only test that holds for root, read-only mounts and ACLs
        fd, probe = tempfile.mkstemp(prefix=".fea-probe-", dir=parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(
            f"{what} {path}: folder {parent} is not writable ({exc.strerror or exc})"
        ) from None
    return path


def _check_day(value: str, what: str) -> int:
    from components.export.render import check_day

    try:
        return check_day(value, what)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _days(args) -> tuple[str, list[int]]:
    check_day = _check_day

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
    from components.export.render import check_lang

    check_day = _check_day
    try:
        lang = check_lang(args.lang)
    except ValueError as exc:
        raise UsageError(f"--lang {args.lang}: {exc}") from None
    common = {"lang": lang, "layers_dir": args.layers_dir}
    if args.html:
        if args.out or args.start or args.end:
            raise UsageError("--html writes a page: leave out --out, --from and --to")
        day = [check_day(args.date, "--date")] if args.date else []
        return Job("html", _writable_target(Path(args.html), "--html"), days=day, **common)
    kind, days = _days(args)
    if not args.out:
        raise UsageError("--out is required (a .png, a .gif or DIR/ for PNG frames)")
    for name in ("width", "height"):
        value = getattr(args, name)
        if not 16 <= value <= MAX_SIDE:
            raise UsageError(f"--{name} {value}: expected 16..{MAX_SIDE} pixels")
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


def _temp_beside(path: Path, suffix: str = "") -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix + ".part",
                                dir=path.parent or ".")  # fmt: skip
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(name, 0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
    return Path(name)


def run(job: Job, log=None) -> Path:
    """Render ``job`` and move the result into place; returns the written path."""
    from components.atlas.data import load_atlas
    from components.atlas.legend import legend_entries
    from components.export import render
    from components.export.kaleido_batch import FrameRenderer

    log = log or (lambda msg: None)
    atlas = load_atlas(job.layers_dir)
    if job.kind == "html":
        from components.export.html import write_standalone

        tmp = _temp_beside(job.out)
        try:
            write_standalone(atlas, tmp, lang=job.lang, day=job.days[0] if job.days else None)
            os.replace(tmp, job.out)
        finally:
            tmp.unlink(missing_ok=True)
        return job.out
    view = job.view or render.export_view(job.days[0], job.days[-1])
    args = {"view": view, "visible": job.visible, "legend_days": job.days}
    frames = []
    with FrameRenderer(job.width, job.height, job.scale) as renderer:
        for i, day in enumerate(job.days, start=1):
            t0 = time.perf_counter()
            # PNG for every kind: a GIF's palette keeps the legend's colours exact, which JPEG
            # blurs away before quantisation
            frames.append((iso_date(day), renderer.frame(atlas, day, job.lang, "png", **args)))
            log(f"frame {i}/{len(job.days)} {iso_date(day)} {time.perf_counter() - t0:.2f} s")
    return _write(job, frames, keep=[e["color"] for e in legend_entries(atlas)])


def _write(job: Job, frames: list[tuple[str, bytes]], keep=()) -> Path:
    from components.export import gif

    if job.kind == "frames":
        tmp = Path(tempfile.mkdtemp(prefix=f".{job.out.name or 'frames'}.", dir=job.out.parent))
        try:
            gif.write_frames(frames, tmp)
            if job.out.is_dir():
                for path in sorted(tmp.iterdir()):
                    os.replace(path, job.out / path.name)
            else:
                os.replace(tmp, job.out)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return job.out
    tmp = _temp_beside(job.out)
    try:
        if job.kind == "png":
            tmp.write_bytes(frames[0][1])
        else:
            gif.write_gif([f for _d, f in frames], tmp, frame_ms=job.frame_ms, keep=keep)
        os.replace(tmp, job.out)
    finally:
        tmp.unlink(missing_ok=True)
    return job.out


def main(argv: list[str] | None = None) -> int:
    """Run ``export`` with ``argv`` (a leading ``"export"`` is ignored); returns the exit status.

    0: written; 2: bad arguments (one line on stderr, nothing written); 1: rendering failed.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["export"]:
        argv = argv[1:]
    if "--handout" in argv:  # a lesson handout (PDF): its own arguments
        from components.export.handout.cli import main as handout_main

        return handout_main(argv)
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
