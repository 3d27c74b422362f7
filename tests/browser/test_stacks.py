"""Units standing at one place, in a real browser: fanned out on a ring so that each can be
clicked, with one label for the stack (``assets/fea-1-stacks.js``)."""

import json

import pytest

from tests.browser.test_engine import AT, edited_app

KHABAROVSK = [135.07, 48.48]


@pytest.fixture
def stacked_url(tmp_path):
    """The fixture layers and a Japanese brigade at Khabarovsk beside the American force
    (which stands there from 1 September 1918 until it leaves for Vladivostok)."""

    def add_brigade(deployments):
        unit = json.loads(json.dumps(deployments["features"][-1]))  # the 12th Division at Harbin
        names = {"en": "Japanese brigade", "zh": "日本旅团", "ja": "旅団"}
        unit["properties"].update(id="jp-brigade--0", deployment="jp-brigade", seq=0,
                                  start="1918-10-01", end="1919-10-31", strength=4000,
                                  names=names, unit=names, place="khabarovsk")  # fmt: skip
        unit["properties"].pop("short", None)
        unit["geometry"]["coordinates"] = KHABAROVSK
        deployments["features"].append(unit)

    url, server = edited_app(tmp_path, "deployments", add_brigade)
    yield url
    server.shutdown()


def test_a_stack_fans_out_and_each_unit_can_be_clicked(page, stacked_url):
    page.open(f"{stacked_url}/?date=1919-06-01&view=135.07,48.48,7")
    centre = page.page.evaluate(AT, KHABAROVSK)
    slots = page.page.evaluate("() => FEA.page.positions('deployments').filter(Boolean)")
    here = sorted(p[3] for p in slots if p[:2] == KHABAROVSK)
    assert here == [[0, 15], [180, 15]], slots  # above and below the place, 15 px off
    titles = []
    for direction in (-1, 1):  # the slot above, then the one below
        page.page.mouse.click(centre[0], centre[1] + direction * 15)
        page.page.wait_for_function(
            "n => document.querySelectorAll('#details .details-title').length"
            " && document.querySelector('#details .details-title').textContent !== n",
            arg=titles[-1] if titles else "",
        )
        titles.append(page.page.text_content("#details .details-title"))
    assert sorted(titles) == ["American Expeditionary Force, Siberia", "Japanese brigade"], titles
    # one label for the two, the stronger first, set beyond the ring
    labels = page.page.evaluate("() => FEA.page.overlay('labels').map(f => f.properties.t)")
    assert "US AEF 7,950\nJapanese brigade 4,000" in labels, labels
    assert page.errors == [], page.errors
