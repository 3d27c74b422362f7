"""axe-core (vendored under ``vendor/axe-core``, MPL-2.0) on the app page, at desktop and
phone size: no serious or critical violation; the others are printed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
RUN = """async () => (await axe.run(document)).violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => n.target.join(' '))}))"""
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def violations(page) -> list[dict]:
    page.page.add_script_tag(path=str(AXE))
    return page.page.evaluate(RUN)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("query", ["?date=1938-08-01", "?date=1939-08-20&lang=ja"])
def test_no_serious_or_critical_axe_violation(page, fixture_url, size, query):
    width, height = SIZES[size]
    page.page.set_viewport_size({"width": width, "height": height})
    page.open(f"{fixture_url}/{query}")
    found = violations(page)
    for v in found:
        print(f"axe [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])}): {v['nodes'][:5]}")
    grave = [v for v in found if v["impact"] in ("serious", "critical")]
    assert grave == [], grave
    assert page.errors == [], page.errors


def test_no_serious_or_critical_axe_violation_after_using_the_controls(page, fixture_url):
    """Dash re-renders the options it changes: their roles must stay off."""
    page.open(f"{fixture_url}/?date=1938-08-01")
    page.page.click("#lang input[value=zh]")
    page.page.wait_for_function("document.documentElement.lang === 'zh'")
    page.page.click("#speed input[value=month]")
    page.page.click("#layer-toggles input[value=places]")
    page.page.click("#projector input")
    page.page.wait_for_function("document.documentElement.classList.contains('projector')")
    page.settle()
    grave = [v for v in violations(page) if v["impact"] in ("serious", "critical")]
    assert grave == [], grave
    assert page.errors == [], page.errors
