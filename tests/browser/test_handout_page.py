"""The Export panel's "Handout (PDF)" in a real browser: a background job followed map by map,
the PDF downloaded, bad dates refused with what was wrong, the new controls named (axe)."""

from __future__ import annotations

import subprocess
import time

import pytest

from tests.browser.test_a11y import violations

pytestmark = pytest.mark.browser

STATUS = "document.getElementById('handout-status').textContent"


@pytest.fixture
def slow_maps(monkeypatch):
    """The real handout printer, a second slower a map (long enough to see each step).

    The job runs in a process forked from this one, which inherits the patch.
    """
    import components.export.handout.printing as printing

    real = printing.handout_pdf

    def handout_pdf(atlas, handout, on_map=None, **kwargs):
        def slow(n):
            time.sleep(1.0)
            on_map(n)

        return real(atlas, handout, on_map=slow, **kwargs)

    monkeypatch.setattr(printing, "handout_pdf", handout_pdf)


def refused(errors: list[str]) -> list[str]:
    """The console's errors less Chromium's line for the server's 400 answer to a bad request
    (the answer the page expects, whose message it shows)."""
    return [e for e in errors if "the server responded with a status of 400" not in e]


def open_panel(page, url):
    page.open(url)
    page.page.click("#handout-summary")
    page.page.wait_for_selector("#handout-make", state="visible")


def test_a_handout_of_the_period_is_made_in_the_background_and_downloaded(
    page, fixture_url, slow_maps, tmp_path
):
    open_panel(page, f"{fixture_url}/?date=1938-08-01")
    page.page.fill("#handout-maps", "2")
    page.page.click("#handout-make")
    page.page.wait_for_function("() => JSON.parse(localStorage.getItem('handout-job'))")
    job = page.page.evaluate("() => JSON.parse(localStorage.getItem('handout-job'))")
    assert list(job) == ["id"] and len(job["id"]) == 32  # the page holds only the id
    with page.page.expect_download(timeout=120000) as info:
        page.page.wait_for_function(f"() => /Drawing map [12] of 2/.test({STATUS})",
                                    timeout=60000)  # fmt: skip
        # status, bar and buttons are set one after another: wait for each
        page.page.wait_for_selector("#handout-progress:not([hidden])", timeout=5000)
        page.page.wait_for_selector("#handout-make:disabled", timeout=5000)
        page.page.wait_for_selector("#handout-cancel:not([hidden])", timeout=5000)
    name = "handout-1938-07-29-1938-08-11-en.pdf"
    assert info.value.suggested_filename == name
    info.value.save_as(tmp_path / name)
    assert (tmp_path / name).read_bytes().startswith(b"%PDF")

    def poppler(*command):  # poppler-utils, from make system-deps
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    assert "Lake Khasan 1938" in poppler("pdftotext", str(tmp_path / name), "-")
    assert "Pages:" in poppler("pdfinfo", str(tmp_path / name))
    page.page.wait_for_function(f"() => {STATUS}.startsWith('Done: {name}')")
    assert page.page.evaluate("() => localStorage.getItem('handout-job')") in (None, "null")
    assert page.page.is_enabled("#handout-make") and page.page.is_hidden("#handout-progress")
    assert page.outside == [] and page.errors == [], (page.outside, page.errors)


def test_bad_dates_get_their_message_and_the_controls_have_names(page, fixture_url):
    open_panel(page, f"{fixture_url}/?date=1938-08-01&lang=ja")
    page.page.check("#handout-what input[value=dates]")
    page.page.fill("#handout-dates", "1938-07-29, 1938-02-30")
    page.page.click("#handout-make")
    page.page.wait_for_function(f"() => {STATUS}.includes('1938-02-30')")
    assert page.page.evaluate(f"() => {STATUS}").startswith("配布資料を作成できません：dates:")
    assert page.page.evaluate("() => localStorage.getItem('handout-job')") in (None, "null")
    assert page.page.text_content("#handout-summary") == "配布資料（PDF）"
    grave = [v for v in violations(page) if v["impact"] in ("serious", "critical")]
    assert grave == [], grave
    assert refused(page.errors) == [], page.errors


PACK = {"type": "FeatureCollection", "pack": 1, "name": "Lesson", "file": "lesson.csv",
        "span": {"start": "1905-01-01", "end": "1905-03-10"}, "features": [{"type": "Feature",
                      "geometry": {"type": "Point", "coordinates": [123.43, 41.8]},
                      "properties": {"id": "mukden", "layer": "events", "start": "1905-03-10",
                                     "end": "1905-03-10", "names": {"en": "Battle of Mukden"},
                                     "source": [{"document": "lesson.csv", "line": 2,
                                                 "quote": "It ended."}]}}]}  # fmt: skip


def test_the_packs_the_map_shows_go_with_the_request_and_too_big_ones_stay(page, fixture_url):
    open_panel(page, f"{fixture_url}/?date=1938-08-01")
    page.page.evaluate(
        """pack => FEA.page.setPacks([{key: 'a', pack: pack, hidden: false},
        {key: 'b', pack: Object.assign({}, pack, {name: 'Hidden'}), hidden: true}])""",
        PACK,
    )
    page.page.check("#handout-what input[value=dates]")
    page.page.fill("#handout-dates", "1905-03-01, 1905-03-10")
    with page.page.expect_request("**/_fea/handout?lang=en") as sent:
        page.page.click("#handout-make")
    body = sent.value.post_data_json
    assert [p["name"] for p in body["packs"]] == ["Lesson"]  # shown ones only, as they are
    assert body["dates"] == "1905-03-01, 1905-03-10" and body["what"] == "dates"
    page.page.wait_for_function("() => JSON.parse(localStorage.getItem('handout-job'))")
    page.page.click("#handout-cancel")  # the server took it (the pack covers 1905)
    page.page.wait_for_function(f"() => {STATUS} === 'Cancelled'", timeout=30000)
    # more than the server takes: said in the page, nothing sent
    page.page.evaluate("() => document.getElementById('handout-make').dataset.limit = '100'")
    asked = []
    page.page.on("request", lambda r: asked.append(r.url) if "/_fea/handout" in r.url else None)
    page.page.click("#handout-make")
    page.page.wait_for_function(f"() => {STATUS}.includes('too big for a handout')")
    assert asked == [] and page.page.is_enabled("#handout-make")
    assert page.errors == [] and page.outside == [], (page.errors, page.outside)
