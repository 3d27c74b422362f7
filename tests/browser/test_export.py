"""Exports in a real browser: the PNG of the view, and the animation's background job."""

from __future__ import annotations

import io
import os
import signal
import time
import zipfile

import pytest
from PIL import Image

from components.atlas.registry import SNAPSHOT_LAYOUT as LAYOUT

pytestmark = pytest.mark.browser

MAP_SIZE = "() => { const c = FEA.page.map().getCanvas(); " \
           "return [c.clientWidth, c.clientHeight]; }"  # fmt: skip


def snapshot_size(width: int, height: int, scale: int) -> tuple[int, int]:
    """The composed PNG's size: the map, a legend column beside it, bands above and below."""
    return (
        (width + LAYOUT["legend"]) * scale,
        (LAYOUT["header"] + height + LAYOUT["footer"]) * scale,
    )


def colours(image: Image.Image) -> int:
    found = image.convert("RGB").getcolors(maxcolors=1 << 22)
    return len(found) if found else 1 << 22


def download_png(page, scale: int, tmp_path):
    page.page.check(f"#export-scale input[value='{scale}']")
    with page.page.expect_download(timeout=60000) as info:
        page.page.click("#export-png")
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return download.suggested_filename, Image.open(io.BytesIO(path.read_bytes()))


def test_png_export_downloads_the_view_at_the_chosen_scale(page, fixture_url, tmp_path):
    page.open(f"{fixture_url}/?date=1938-08-01&view=130.6,42.5,5")
    width, height = page.page.evaluate(MAP_SIZE)
    name, image = download_png(page, 2, tmp_path)
    assert name == "atlas-1938-08-01-en@2x.png"
    assert image.format == "PNG" and image.size == snapshot_size(width, height, 2)
    top = LAYOUT["header"] * 2
    the_map = image.crop((0, top, width * 2, top + height * 2))
    assert colours(the_map) > 2000  # the relief, coast and markers, not a blank canvas
    band = image.crop((0, 0, image.size[0], top))
    assert colours(band) > 20  # title and date written on the band
    assert "atlas-1938-08-01-en@2x.png" in page.page.text_content("#export-status")
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def test_png_export_in_japanese_at_1x(page, fixture_url, tmp_path):
    page.open(f"{fixture_url}/?date=1939-08-20&lang=ja")
    width, height = page.page.evaluate(MAP_SIZE)
    name, image = download_png(page, 1, tmp_path)
    assert name == "atlas-1939-08-20-ja@1x.png" and image.size == snapshot_size(width, height, 1)
    assert page.page.text_content("#export-status").startswith("保存しました")
    assert page.errors == [], page.errors


def test_animation_form_follows_the_map_and_refuses_bad_requests(page, fixture_url):
    page.open(f"{fixture_url}/?date=1939-08-20")
    value = "document.getElementById('anim-start').value"
    page.page.wait_for_function(f"() => {value} === '1939-08-20'")
    assert page.page.input_value("#anim-end") == "1939-09-17"
    page.page.click("#step-forward")  # a week on: the form follows the map's date
    page.page.wait_for_function(f"() => {value} === '1939-08-27'")
    page.page.fill("#anim-start", "1939-09-16")
    page.page.click("#step-forward")  # an edited date stays as typed
    page.page.wait_for_function("() => document.getElementById('current-date')"
                                ".getAttribute('datetime') === '1939-09-03'")  # fmt: skip
    assert page.page.input_value("#anim-start") == "1939-09-16"
    page.page.fill("#anim-end", "1939-05-11")
    page.page.click("#anim-make")
    page.page.wait_for_function("() => document.getElementById('anim-status').textContent"
                                ".includes('before the start')")  # fmt: skip
    page.page.fill("#anim-end", "1947-01-01")
    page.page.click("#anim-make")
    page.page.wait_for_function("() => document.getElementById('anim-status').textContent"
                                ".includes('outside the atlas')")  # fmt: skip
    page.page.fill("#anim-end", "1945-01-01")
    page.page.fill("#anim-step", "day")
    page.page.click("#anim-make")
    page.page.wait_for_function("() => document.getElementById('anim-status').textContent"
                                ".includes('too many')")  # fmt: skip
    assert page.page.evaluate("() => localStorage.getItem('anim-job')") in (None, "null")
    # Chromium logs the server's 400 (the refused requests' answer, told on the page)
    refused = "the server responded with a status of 400"
    assert [e for e in page.errors if refused not in e] == [], page.errors


@pytest.fixture
def logged_slow_renders(monkeypatch, tmp_path):
    """The real renderer, a second slower a frame, logging the dates of each job it renders.

    The job runs in a process forked from this one, which inherits the patch.
    """
    import components.export.frames as animation_render

    log, real = tmp_path / "renders.log", animation_render.render_frames

    def render_frames(atlas, job, on_frame):
        with log.open("a") as out:
            out.write(",".join(job["dates"]) + "\n")

        def slow(n):
            time.sleep(1.0)
            on_frame(n)

        return real(atlas, job, slow)

    monkeypatch.setattr(animation_render, "render_frames", render_frames)
    return log


STATUS = "document.getElementById('anim-status').textContent"


def start_job(page, url, start, end, step, frames_zip=False):
    page.open(url)
    page.page.fill("#anim-start", start)
    page.page.fill("#anim-end", end)
    page.page.fill("#anim-step", step)
    if frames_zip:
        page.page.check("#anim-zip input[value=zip]")
    page.page.click("#anim-make")
    page.page.wait_for_function("() => JSON.parse(localStorage.getItem('anim-job'))")
    return page.page.evaluate("() => JSON.parse(localStorage.getItem('anim-job'))")


def test_animation_job_survives_a_reload_and_gives_a_gif_and_its_frames(
    page, fixture_url, logged_slow_renders, tmp_path
):
    job = start_job(page, f"{fixture_url}/?date=1938-07-29&view=130.6,42.5,5.5",
                    "1938-07-29", "1938-08-12", "7d", frames_zip=True)  # fmt: skip
    assert list(job) == ["id"] and len(job["id"]) == 32  # the page holds only the id
    seen = set()
    for _ in range(400):  # the status tells each step as it comes
        seen.add(page.page.evaluate(f"() => {STATUS}").split(" of ")[0])
        if seen & {"Rendering frame 2", "Rendering frame 3"}:
            break
        page.page.wait_for_timeout(200)
    assert "Rendering frame 1" in seen and seen & {"Rendering frame 2", "Rendering frame 3"}
    with page.page.expect_download(timeout=90000) as info:
        page.page.reload()  # leave and come back: the same job is followed, not restarted
        page.page.wait_for_selector("#anim-progress:not([hidden])", timeout=20000)
    stem = "atlas-1938-07-29_1938-08-12-en-3f"
    assert info.value.suggested_filename == f"{stem}.gif"
    info.value.save_as(tmp_path / f"{stem}.gif")
    gif = Image.open(io.BytesIO((tmp_path / f"{stem}.gif").read_bytes()))
    assert gif.format == "GIF" and gif.n_frames == 3
    assert gif.size == tuple(page.page.evaluate(MAP_SIZE)) and colours(gif.convert("RGB")) > 100
    page.page.wait_for_function(f"() => {STATUS}.startsWith('Done')")
    assert page.page.evaluate("() => localStorage.getItem('anim-job')") in (None, "null")
    rendered = logged_slow_renders.read_text().split()  # rendered once, then followed
    assert rendered == ["1938-07-29,1938-08-05,1938-08-12"]
    with page.page.expect_download(timeout=20000) as info:  # the frames: on a click
        page.page.click("#anim-zip-get")
    assert info.value.suggested_filename == f"{stem}.zip"
    info.value.save_as(tmp_path / f"{stem}.zip")
    assert len(zipfile.ZipFile(tmp_path / f"{stem}.zip").namelist()) == 3
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def job_record(job_id):
    from components.export.jobs import JobBoard, Limits, make_manager, store_of

    return JobBoard(store_of(make_manager()), Limits.from_settings()).record(job_id)


def test_a_killed_renderer_is_reported_within_30_s_then_retry_and_cancel(
    page, fixture_url, logged_slow_renders
):
    job = start_job(page, f"{fixture_url}/?date=1938-07-29", "1938-07-29", "1938-09-30", "7d")
    page.page.wait_for_function(f"() => /Rendering frame [2-8] of 10/.test({STATUS})",
                                timeout=90000)  # fmt: skip
    os.killpg(job_record(job["id"])["pid"], signal.SIGKILL)  # the renderer and its Chromium
    killed = time.monotonic()
    page.page.wait_for_function(f"() => {STATUS}.includes('failed: the renderer stopped')",
                                timeout=35000)  # fmt: skip
    assert time.monotonic() - killed < 30
    assert page.page.is_visible("#anim-retry") and page.page.is_hidden("#anim-cancel")
    page.page.click("#anim-retry")  # the same parameters, kept on the server, a new id
    page.page.wait_for_function("() => JSON.parse(localStorage.getItem('anim-job'))")
    again = page.page.evaluate("() => JSON.parse(localStorage.getItem('anim-job'))")
    assert again["id"] != job["id"]
    assert job_record(again["id"])["params"] == job_record(job["id"])["params"]
    page.page.wait_for_selector("#anim-cancel:not([hidden])")
    page.page.click("#anim-cancel")
    page.page.wait_for_function(f"() => {STATUS} === 'Cancelled'")
    page.page.wait_for_timeout(1500)  # a poll still under way says the same
    assert page.page.evaluate(f"() => {STATUS}") == "Cancelled"
    assert job_record(again["id"])["state"] == "cancelled"
    assert page.page.is_hidden("#anim-cancel") and page.page.is_enabled("#anim-make")
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def test_a_failed_poll_is_retried_with_backoff_and_the_page_says_so(
    page, fixture_url, logged_slow_renders
):
    """A server restart mid-job: the polls fail for a while, the page waits longer each time,
    says it is trying again, and follows the job once the server answers."""
    failed = []

    def drop(route):
        failed.append(time.monotonic())
        route.abort("connectionreset")

    page.open(f"{fixture_url}/?date=1938-07-29")
    page.page.route("**/_fea/jobs/*", drop)
    start_job(page, f"{fixture_url}/?date=1938-07-29", "1938-07-29", "1938-09-30", "7d")
    page.page.wait_for_function(f"() => {STATUS}.startsWith('No answer from the server')")
    page.page.wait_for_timeout(6000)
    page.page.unroute("**/_fea/jobs/*")
    gaps = [b - a for a, b in zip(failed, failed[1:], strict=False)]
    assert len(failed) >= 3 and gaps[1] > gaps[0] * 1.5  # 1 s, 2 s, 4 s...
    page.page.wait_for_function(f"() => !{STATUS}.startsWith('No answer')", timeout=20000)
    assert page.page.evaluate(f"() => {STATUS}").startswith(("Starting", "Rendering", "Done"))
    page.page.click("#anim-cancel")
    page.page.wait_for_function(f"() => {STATUS} === 'Cancelled'")
    errors = [e for e in page.errors if "net::ERR_" not in e]  # the dropped polls themselves
    assert page.outside == [] and errors == [], (page.outside, errors)


@pytest.fixture
def one_at_a_time(monkeypatch, tmp_path):
    """The app with room for one rendering job (``FEA_JOB_CONCURRENCY=1``)."""
    from app import create_app
    from components.export.jobs import make_manager
    from tests.browser.conftest import serve
    from tests.fixtures import FIXTURE_DIR

    monkeypatch.setenv("FEA_JOB_CONCURRENCY", "1")
    url, server = serve(create_app(FIXTURE_DIR, make_manager({"FEA_CACHE_DIR": str(tmp_path)})))
    yield url
    server.shutdown()


def test_a_second_job_waits_in_line_and_the_page_says_its_place(
    page, browser, one_at_a_time, logged_slow_renders
):
    from tests.browser.conftest import Page

    start_job(page, f"{one_at_a_time}/?date=1938-07-29", "1938-07-29", "1938-09-30", "7d")
    other = Page(browser)
    try:
        start_job(other, f"{one_at_a_time}/?date=1938-07-29", "1938-07-29", "1938-08-12", "7d")
        other.page.wait_for_function(f"() => {STATUS} === 'Queued: number 1 in line'")
        other.page.wait_for_selector("#anim-cancel:not([hidden])")  # once the poll came back
        assert other.page.is_disabled("#anim-make")
        assert other.page.evaluate(f"() => {STATUS}") == "Queued: number 1 in line"
        page.page.click("#anim-cancel")  # the first leaves: the second starts
        page.page.wait_for_function(f"() => {STATUS} === 'Cancelled'")
        other.page.wait_for_function(f"() => /^(Starting|Rendering)/.test({STATUS})",
                                     timeout=20000)  # fmt: skip
        other.page.click("#anim-cancel")
        other.page.wait_for_function(f"() => {STATUS} === 'Cancelled'")
        assert other.errors == [] and page.errors == [], (other.errors, page.errors)
    finally:
        other.close()


PACK_RGB = (0x15, 0x65, 0xC0)  # the engine's colour of the first pack (#1565c0)


def pack_pixels(image: Image.Image, box) -> int:
    """How many pixels of ``image`` within ``box`` are the first pack's colour (give or take
    the markers' opacity over the relief)."""
    found = image.convert("RGB").crop(box).getcolors(maxcolors=1 << 22)
    return sum(n for n, rgb in found if _distance(rgb, PACK_RGB) <= 24)


def _distance(rgb, other) -> int:
    return max(abs(a - b) for a, b in zip(rgb, other, strict=True))


def test_the_gif_of_an_imported_pack_draws_it_and_lists_it_in_the_legend(
    page, fixture_url, tmp_path
):
    from tests.browser.test_import import LESSON, imported

    page.open(f"{fixture_url}/")
    page.page.evaluate("() => indexedDB.deleteDatabase('fea-imports')")
    page.page.set_input_files("#import-file", str(LESSON))
    imported(page)
    page.page.fill("#anim-start", "1905-02-20")  # the pack's days, before the atlas'
    page.page.fill("#anim-end", "1905-03-10")
    page.page.fill("#anim-step", "6d")
    with page.page.expect_download(timeout=120000) as info:
        page.page.click("#anim-make")
    stem = "atlas-1905-02-20_1905-03-10-en-4f"
    assert info.value.suggested_filename == f"{stem}.gif"
    path = tmp_path / f"{stem}.gif"
    info.value.save_as(path)
    gif = Image.open(io.BytesIO(path.read_bytes()))
    width, height = gif.size
    legend = (0, height - 80, 160, height)  # the legend's box, bottom left
    assert gif.n_frames == 4
    on_map, in_legend = [], []
    for n in range(gif.n_frames):
        gif.seek(n)
        frame = gif.convert("RGB")
        frame.save(tmp_path / f"frame-{n}.png")
        on_map.append(pack_pixels(frame, (0, 0, width, height - 80)))
        in_legend.append(pack_pixels(frame, legend))
    # the regiment (Changchun, then Mukden) in the pack's colour on the map in every frame,
    # and the pack's row in the legend
    assert all(n > 50 for n in on_map) and all(n > 20 for n in in_legend), (on_map, in_legend)
    page.page.wait_for_function(f"() => {STATUS}.startsWith('Done')")
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def test_only_the_packs_the_map_shows_go_with_the_gif_request(page, fixture_url):
    from tests.browser.test_handout_page import PACK

    page.open(f"{fixture_url}/?date=1938-08-01")
    page.page.evaluate(
        """pack => FEA.page.setPacks([
        {key: 'a', pack: Object.assign({}, pack, {name: 'Hidden'}), hidden: true},
        {key: 'b', pack: pack, hidden: false}])""",
        PACK,
    )
    page.page.fill("#anim-start", "1905-03-01")
    page.page.fill("#anim-end", "1905-03-10")
    page.page.fill("#anim-step", "day")
    with page.page.expect_request("**/_fea/animation?lang=en") as sent:
        page.page.click("#anim-make")
    body = sent.value.post_data_json
    assert [p["name"] for p in body["packs"]] == ["Lesson"]  # shown ones only, as they are
    assert body["packs"][0]["slot"] == 1  # with its colour on the page: the second's
    assert (body["start"], body["end"], body["step"]) == ("1905-03-01", "1905-03-10", "day")
    assert body["request"]["lang"] == "en" and len(body["request"]["size"]) == 2
    job = page.page.wait_for_function("() => JSON.parse(localStorage.getItem('anim-job'))")
    assert len(job.json_value()["id"]) == 32  # the server took it: the pack covers 1905
    page.page.click("#anim-cancel")
    page.page.wait_for_function(f"() => {STATUS} === 'Cancelled'", timeout=30000)
    # more than the server takes: said in the page at once, nothing uploaded
    page.page.evaluate("() => document.getElementById('anim-make').dataset.limit = '100'")
    asked = []
    page.page.on("request", lambda r: asked.append(r.url) if "/_fea/animation" in r.url else None)
    page.page.click("#anim-make")
    page.page.wait_for_function(f"() => {STATUS}.includes('too big for a GIF')")
    assert asked == [] and page.page.is_enabled("#anim-make")
    assert page.errors == [] and page.outside == [], (page.errors, page.outside)
