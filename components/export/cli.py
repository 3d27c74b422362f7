"""``export``: PNG, animated GIF, PNG frames or a standalone HTML page, from the command line.

::

    python app.py export --date 1939-08-20 --lang en --out map.png --width 1600 --height 900
    python app.py export --from 1939-05-01 --to 1939-09-15 --step 7d --out khalkhin.gif
    python app.py export --from 1939-05-01 --to 1939-09-15 --step 7d --out frames/
    python app.py export --html atlas.html

(``python -m components.export ...`` is the same.) Every check runs before anything is
drawn (:mod:`components.export.cli_args`); a bad argument prints one line,
``export: <what was wrong>``, and exits with status 2. Files are written under a temporary
name next to the target and renamed at the end, so a failed or stopped export leaves nothing
behind: Ctrl+C prints one line and exits with 130, SIGTERM with 143, after removing the
temporary files and the browser's profile (:mod:`components.export.profiles`).

>>> build_parser().parse_args(["--date", "1939-08-20"]).width
1600
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from components.atlas.timeline import iso_date
from components.export import profiles
from components.export.cli_args import Job, UsageError, build_parser, check_args
from geodata.settings import setting

__all__ = ["Job", "Stopped", "UsageError", "build_parser", "check_args", "main", "run"]


class Stopped(BaseException):
    """SIGTERM arrived: raised in the main thread so that every ``finally`` cleans up.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it.
    """


@contextlib.contextmanager
def stop_on_sigterm():
    """While inside, SIGTERM raises :class:`Stopped` (in the main thread only; elsewhere the
    signal keeps its handler)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum, _frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the cleanup
        raise Stopped

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
    from components.atlas.legend import legend_entries, pack_entries
    from components.atlas.packs import pack_view
    from components.export import render
    from components.export.kaleido_batch import FrameRenderer

    log = log or (lambda msg: None)
    atlas = load_atlas(job.layers_dir)
    if job.kind == "html":
        from components.export.html import write_standalone

        tmp = _temp_beside(job.out)
        try:
            write_standalone(atlas, tmp, lang=job.lang, day=job.days[0] if job.days else None,
                             packs=job.packs)  # fmt: skip
            os.replace(tmp, job.out)
        finally:
            tmp.unlink(missing_ok=True)
        return job.out
    view = job.view or pack_view(job.packs) or render.export_view(job.days[0], job.days[-1])
    args = {"view": view, "visible": job.visible, "legend_days": job.days}
    if job.packs:
        args["packs"] = job.packs  # drawn by the engine from the scene (components/atlas/packs.py)
    frames = []
    with FrameRenderer(job.width, job.height, job.scale) as renderer:
        for i, day in enumerate(job.days, start=1):
            t0 = time.perf_counter()
            # PNG for every kind: a GIF's palette keeps the legend's colours exact, which JPEG
            # blurs away before quantisation
            frames.append((iso_date(day), renderer.frame(atlas, day, job.lang, "png", **args)))
            log(f"frame {i}/{len(job.days)} {iso_date(day)} {time.perf_counter() - t0:.2f} s")
    rows = legend_entries(atlas) + pack_entries(job.packs)
    return _write(job, frames, keep=[e["color"] for e in rows])


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

    0: written; 2: bad arguments (one line on stderr, nothing written); 1: rendering failed;
    130: interrupted (Ctrl+C); 143: stopped by SIGTERM. Nothing is left behind but the result.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["export"]:
        argv = argv[1:]
    if "--handout" in argv:  # a lesson handout (PDF): its own arguments
        from components.export.handout.cli import main as handout_main

        return handout_main(argv)
    try:
        with stop_on_sigterm():
            return _main(argv)
    except KeyboardInterrupt:
        print("export: interrupted, nothing written", file=sys.stderr)
        return 130
    except Stopped:
        print("export: stopped (SIGTERM), nothing written", file=sys.stderr)
        return 143


def _main(argv: list[str]) -> int:
    try:
        job = check_args(build_parser().parse_args(argv))
    except UsageError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    profiles.clear_stale()  # browser profiles of exports that were killed outright
    verbose = setting("FEA_EXPORT_VERBOSE")
    try:
        out = run(job, log=(lambda m: print(m, file=sys.stderr, flush=True)) if verbose else None)
    except Exception as exc:  # noqa: BLE001 - one line for the user, not a traceback
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"export: failed: {message}", file=sys.stderr)
        return 1
    print(out)
    return 0
