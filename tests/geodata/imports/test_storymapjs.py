"""StoryMapJS: the Katrina example as a guided tour, and a slide that tries to run script."""

from __future__ import annotations

import json

from geodata.imports import import_file


def test_katrina_becomes_a_tour_with_the_overview_year_and_a_warning(formats):
    result = import_file(formats / "storymapjs" / "katrina.json")
    pack, report = result.pack, result.report
    assert (report["format"], report["features"], report["errors"]) == ("storymapjs", 7, [])
    assert pack["name"] == "The Path of Hurricane Katrina"
    tour = pack["tour"]
    assert [s["id"] for s in tour] == [f"slide-{n}" for n in range(2, 9)]
    assert tour[0]["start"] == "2013-08-23" and tour[0]["center"] == [-75.5, 23.2]
    assert tour[0]["zoom"] == 10
    assert tour[-1].get("closing") is True and tour[-1]["start"] == "2013-08-31"
    aug23 = next(w for w in report["warnings"] if w["slide"] == 2)
    assert (
        aug23["field"] == "date" and "2013" in aug23["message"] and "overview" in aug23["message"]
    )
    assert tour[0]["text"]["en"].startswith("Tropical Depression Twelve formed")
    assert "http://www.uscg.mil/history/katrina/img/katrinaphoto1sm.jpg" in tour[0]["links"]


def test_script_and_handlers_in_a_slide_are_reduced_to_text():
    story = {
        "storymap": {
            "slides": [
                {"type": "overview", "date": "1918", "text": {"headline": "<i>Intervention</i>"}},
                {
                    "date": "Aug 12",
                    "location": {"lat": 43.1, "lon": 131.9, "zoom": 7},
                    "text": {
                        "headline": "Landing<script>alert('x')</script>",
                        "text": '<p onclick="steal()">Troops <img src="https://evil.example/x.png" '
                        'onerror="alert(1)">land</p><a href="javascript:alert(2)">more</a>',
                    },
                    "media": {"url": "javascript:alert(3)"},
                    "background": {"url": "https://upload.wikimedia.org/bg.jpg"},
                },
                {"date": "sometime", "location": {"lat": 43.1, "lon": 131.9}},
            ]
        }
    }
    result = import_file(json.dumps(story).encode(), filename="story.json")
    out = json.dumps(result.pack)
    for bad in ("<", "script", "alert", "onerror", "onclick", "evil.example", "javascript:"):
        assert bad not in out, bad
    stop = result.pack["tour"][0]
    assert stop["names"] == {"en": "Landing"} and stop["text"] == {"en": "Troops land\nmore"}
    assert stop["links"] == ["https://upload.wikimedia.org/bg.jpg"]
    assert result.pack["name"] == "Intervention" and stop["start"] == "1918-08-12"
    (error,) = result.report["errors"]
    assert (error["slide"], error["field"]) == (3, "date")
