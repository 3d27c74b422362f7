"""The animation job's renderer: job to frame size and figure arguments, frames to a zip."""

import io
import zipfile

from components.atlas.data import load_atlas
from components.export.frames import figure_args, frame_renderer, frame_size, frames_zip
from tests.fixtures import FIXTURE_DIR


def test_frame_size_follows_the_page_within_bounds():
    assert frame_size({"size": [939, 650]}) == (939, 650)
    assert frame_size({"size": [100, 5000]}) == (320, 1200)
    assert frame_size({}) == (960, 640)


def test_figure_args_keep_the_view_and_layers_and_list_every_day_for_the_legend():
    args = figure_args({"dates": ["1939-05-11", "1939-05-12"], "layers": ["deployments"],
                        "view": {"lon": 118.5, "lat": 47.6, "zoom": 6}})  # fmt: skip
    assert args["view"]["zoom"] == 6 and args["visible"] == ["deployments"]
    assert args["legend_days"][1] - args["legend_days"][0] == 1


def test_frames_zip_names_frames_by_index_and_date():
    data = frames_zip([b"a", b"b", b"c"], ["1939-05-11", "1939-05-12", "1939-05-13"])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist()[2] == "frame-0002-1939-05-13.png"
    assert archive.read("frame-0001-1939-05-12.png") == b"b"


def test_renderer_is_built_without_starting_a_browser():
    assert callable(frame_renderer(load_atlas(FIXTURE_DIR)))


def test_figure_args_carry_the_readers_packs_and_a_view_that_holds_them():
    pack = {"type": "FeatureCollection", "pack": 1, "name": "Lesson", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [123.43, 41.8]},
         "properties": {"id": "m", "layer": "events", "start": "1905-03-10", "end": "1905-03-10",
                        "names": {"en": "Mukden"}}}]}  # fmt: skip
    args = figure_args({"dates": ["1905-03-10"], "packs": [pack]})
    assert args["packs"] == [pack]
    assert abs(args["view"]["lon"] - 123.43) < 1 and abs(args["view"]["lat"] - 41.8) < 1
    # the page's own view wins; no packs, no key
    view = {"lon": 130.0, "lat": 42.0, "zoom": 5}
    assert figure_args({"dates": ["1905-03-10"], "packs": [pack], "view": view})["view"] == view
    assert "packs" not in figure_args({"dates": ["1938-07-29"], "packs": []})


def test_the_gif_palette_keeps_the_packs_colours(monkeypatch):
    from components.export import frames, gif

    kept = []
    monkeypatch.setattr(frames, "render_frames", lambda atlas, job, on_frame: [b"png"])
    monkeypatch.setattr(gif, "write_gif", lambda frames_, out, frame_ms, keep: kept.extend(keep))
    render = frame_renderer(load_atlas(FIXTURE_DIR))
    render({"dates": ["1905-03-10"], "lang": "en", "packs": [{"name": "Lesson"}]}, print)
    assert kept[-1] == "#1565c0"  # the engine's colour of the first pack
