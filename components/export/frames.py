"""The animation job's renderer: frames from ``components.export``'s warm Chromium, one GIF.

This module draws nothing itself: :class:`components.export.kaleido_batch.FrameRenderer`
renders each date of the job (one browser for the whole batch) and
:func:`components.export.gif.write_gif` writes the GIF; the frames can also go in a zip.
It only maps a job's parameters (:func:`components.export.animation.animation_params`) to
those calls and reports each finished frame.

>>> job = {"dates": ["1938-07-29"], "lang": "en", "size": [5000, 10], "view": None,
...        "layers": None}
>>> frame_size(job)
(1600, 240)
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from components.atlas.data import Atlas
from components.atlas.legend import legend_entries, pack_entries
from components.atlas.timeline import day_number
from components.export.animation import FRAME_MS

#: The frames' size in CSS pixels when the page sent none, and the bounds it is kept in.
DEFAULT_SIZE = (960, 640)
MIN_SIZE, MAX_SIZE = (320, 240), (1600, 1200)


def frame_size(job: dict) -> tuple[int, int]:
    """The frames' width and height: the page's map size, kept within bounds.

    Examples
    --------
    >>> frame_size({"size": None}), frame_size({"size": [939, 650]})
    ((960, 640), (939, 650))
    """
    width, height = job.get("size") or DEFAULT_SIZE
    return (min(max(int(width), MIN_SIZE[0]), MAX_SIZE[0]),
            min(max(int(height), MIN_SIZE[1]), MAX_SIZE[1]))  # fmt: skip


def figure_args(job: dict) -> dict:
    """What :func:`components.export.render.export_figure` takes from the job: its view
    (else one holding what the reader's packs draw), layers, days, and ``packs`` (the
    reader's imported packs, read back by the job's kind, drawn and listed in the legend).

    Examples
    --------
    >>> figure_args({"dates": ["1938-07-29", "1938-08-05"], "view": None, "layers": ["events"]})
    {'visible': ['events'], 'legend_days': [14088, 14095]}
    """
    from components.atlas.packs import pack_view

    packs = job.get("packs") or None
    args = {"view": job.get("view") or (pack_view(packs) if packs else None),
            "visible": job.get("layers"), "legend_days": [day_number(d) for d in job["dates"]],
            "packs": packs}  # fmt: skip
    return {k: v for k, v in args.items() if v is not None}


def render_frames(atlas: Atlas, job: dict, on_frame: Callable[[int], None]) -> list[bytes]:
    """The PNG of every date of ``job``, from one warm Chromium; ``on_frame(n)`` after each."""
    from components.export.kaleido_batch import FrameRenderer

    width, height = frame_size(job)
    args, frames = figure_args(job), []
    with FrameRenderer(width, height) as renderer:
        for n, date in enumerate(job["dates"], 1):
            frames.append(renderer.frame(atlas, day_number(date), job["lang"], **args))
            on_frame(n)
    return frames


def frames_zip(frames: list[bytes], dates: list[str]) -> bytes:
    """The PNG frames in a zip, named as the export CLI names them (``frame-0000-<date>.png``).

    Examples
    --------
    >>> data = frames_zip([b"png0", b"png1"], ["1938-07-29", "1938-08-05"])
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist()
    ['frame-0000-1938-07-29.png', 'frame-0001-1938-08-05.png']
    """
    from components.export.gif import frame_name

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:  # PNGs are compressed
        for i, (png, iso) in enumerate(zip(frames, dates, strict=True)):
            archive.writestr(frame_name(i, iso), png)
    return out.getvalue()


def frame_renderer(atlas: Atlas) -> Callable:
    """The animation job's renderer (:class:`components.export.jobs.JobKind`):
    ``render(job, on_frame) -> files``.

    ``files`` is ``{"gif": bytes}``, with ``"zip"`` (the PNG frames) when the job asks.
    ``job["packs"]``, when there are any, is the list of the reader's packs (the job's kind
    reads them back from the jobs' store: :func:`components.page.exports.animation_kind`).

    Examples
    --------
    >>> from components.atlas.data import load_atlas
    >>> callable(frame_renderer(load_atlas(FIXTURE_DIR)))
    True
    """

    def render(job: dict, on_frame: Callable[[int], None]) -> dict[str, bytes]:
        from components.export import gif

        frames = render_frames(atlas, job, on_frame)
        out = io.BytesIO()
        # the legend's colours (the packs' too) stay exact in the GIF's palette
        rows = legend_entries(atlas) + pack_entries(job.get("packs") or [])
        gif.write_gif(frames, out, frame_ms=FRAME_MS, keep=[e["color"] for e in rows])
        files = {"gif": out.getvalue()}
        if job.get("zip"):
            files["zip"] = frames_zip(frames, job["dates"])
        return files

    return render
