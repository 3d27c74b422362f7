"""The page: the contract ids exist and the slider covers the data at day resolution."""

from dash import dcc, html

from components.atlas.data import load_atlas
from components.atlas.registry import LAYERS
from components.atlas.scene import build_scene, default_day
from components.atlas.timeline import day_number
from components.page.ids import Id
from components.page.layout import build_layout, export_panel, guide_body, page_ids, slider_marks
from tests.fixtures import FIXTURE_DIR

ATLAS = load_atlas(FIXTURE_DIR)


def walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str):
            yield from walk(child)


def by_id(page):
    return {str(c.id): c for c in walk(page) if getattr(c, "id", None) is not None
            and isinstance(c.id, str)}  # fmt: skip


def test_the_contract_ids_are_the_right_components():
    ids = by_id(build_layout(ATLAS))
    assert isinstance(ids["map"], dcc.Graph)
    assert isinstance(ids["time-slider"], dcc.Slider)
    assert isinstance(ids["play"], html.Button)
    assert isinstance(ids["lang"], dcc.RadioItems)
    assert ids["current-date"].dateTime == "1918-08-20"  # machine-readable
    assert ids["current-date"].children == "20 August 1918"  # as people write it


def test_the_slider_spans_the_data_by_days_with_event_ticks():
    slider = by_id(build_layout(ATLAS))[Id.TIME_SLIDER]
    assert (slider.min, slider.max, slider.step) == (*ATLAS.span, 1)
    assert slider.value == default_day(ATLAS)
    marks = slider_marks(ATLAS)
    assert sum(1 for m in marks.values() if isinstance(m, dict)) == 3


def test_the_timeline_state_and_the_scene():
    ids = by_id(build_layout(ATLAS))
    assert ids["timeline"].data == {
        "day": default_day(ATLAS),
        "min": ATLAS.span[0],
        "max": ATLAS.span[1],
        "speed": "week",
        "playing": False,
    }
    scene = ids[Id.SCENE].data
    assert scene == build_scene(ATLAS)
    assert {p["id"] for p in scene["periods"]} == {"intervention", "border", "aid", "khasan",
                                                   "khalkhin-gol"}  # fmt: skip


def test_the_page_adapter_gets_the_ids_from_ids_py_and_what_was_plotted():
    page = by_id(build_layout(ATLAS))[Id.PAGE].data
    assert page["ids"] == page_ids() == {member.name: member.value for member in Id}
    assert page["plotted"] == {"lang": "en", "layers": [s.id for s in LAYERS
                                                        if s.default_visible],
                               "day": day_number("1918-08-20")}  # fmt: skip
    figure = by_id(build_layout(ATLAS))[Id.MAP].figure
    assert [t.meta["layer"] for t in figure.data if t.visible] == [
        s.id for s in LAYERS if s.default_visible and s.id != "borders"
    ]


def test_the_guide_holds_every_moment_with_the_shown_one_visible(tmp_path):
    body = guide_body(ATLAS, "ja", 1)
    assert [b.hidden for b in body] == [True, False, True]
    assert [b.id for b in body] == [{"type": Id.MOMENT, "index": i} for i in range(3)]
    assert body[1].children[1].children == "張鼓峰事件"
    assert "geodata build" in guide_body(load_atlas(tmp_path), "en")[0].children


def test_an_empty_atlas_still_builds_a_page_with_a_notice(tmp_path):
    ids = by_id(build_layout(load_atlas(tmp_path)))
    assert ids["notice"].hidden is False
    assert ids[Id.BORDERS_NOTE].hidden is True


def test_the_export_panel_keeps_the_job_id_in_local_storage():
    ids = by_id(export_panel(ATLAS, "ja", day_number("1938-07-29")))
    assert isinstance(ids[Id.SNAPSHOT_BUTTON], html.Button)
    assert ids[Id.SNAPSHOT_SCALE].value == 2
    assert [o["value"] for o in ids[Id.SNAPSHOT_SCALE].options] == [1, 2, 4]
    assert ids[Id.ANIM_JOB].storage_type == "local"
    assert ids[Id.ANIM_START].value == "1938-07-29" and ids[Id.ANIM_END].value == "1938-08-26"
    assert not any(isinstance(c, dcc.Download) for c in ids.values())  # jobs answer links
    assert ids[Id.ANIM_BUTTON].children == "GIF を作成"
    # what the PNG of the view is composed from is in the scene
    scene = build_scene(ATLAS)
    assert set(scene) >= {"legend", "strings", "attribution", "snapshot"}
    assert scene["snapshot"]["scales"] == [1, 2, 4] and scene["snapshot"]["default_scale"] == 2
    assert set(scene["snapshot"]["layout"]) >= {"header", "legend", "footer"}


def test_events_placed_nowhere_mark_the_slider():
    from components.atlas.data import load_atlas
    from components.atlas.timeline import day_number
    from components.page.layout import slider_marks

    atlas = load_atlas()
    marks = slider_marks(atlas)
    assert atlas.timeline, "the built events hold timeline-only ones"
    for event in atlas.timeline:
        assert marks[day_number(event["properties"]["start"])] is not None
    assert any(isinstance(m, dict) and m["label"] == "◇" for m in marks.values())


def parents(page):
    """Each component of ``page`` with its parent."""

    def visit(component, parent):
        yield component, parent
        children = getattr(component, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if child is not None and not isinstance(child, str):
                yield from visit(child, component)

    return visit(page, None)


def test_key_moments_come_before_the_export_panel():
    sidebar = by_id(build_layout(ATLAS))[Id.SIDEBAR]
    classes = [c.className for c in sidebar.children]
    assert classes.index("panel guide") < classes.index("panel export")


def test_the_projector_toggle_is_one_checkbox_in_the_header_kept_across_visits():
    ids = by_id(build_layout(ATLAS))
    toggle = ids[Id.PROJECTOR]
    assert isinstance(toggle, dcc.Checklist) and toggle.value == []
    assert toggle.options == [{"label": "Projector", "value": "on"}]
    assert (toggle.persistence, toggle.persistence_type) == (True, "local")
    header = next(c for c in walk(build_layout(ATLAS)) if isinstance(c, html.Header))
    assert any(getattr(c, "id", None) == Id.PROJECTOR for c in walk(header))


def test_every_option_list_and_the_slider_sit_in_a_named_group():
    page = build_layout(ATLAS)
    ids = by_id(page)
    grouped = {str(c.id): p for c, p in parents(page)
               if isinstance(c, dcc.RadioItems | dcc.Checklist | dcc.Slider)}  # fmt: skip
    single = {Id.PROJECTOR, Id.ANIM_ZIP}  # one checkbox each, named by its own label
    assert set(grouped) - single == {Id.LANG, Id.SPEED, Id.LAYERS, Id.SNAPSHOT_SCALE,
                                     Id.TIME_SLIDER, Id.HANDOUT_WHAT, Id.HANDOUT_PAPER,
                                     Id.HANDOUT_ORIENTATION}  # fmt: skip
    for component_id, group in grouped.items():
        if component_id in single:
            continue
        label = getattr(group, "aria-labelledby")
        assert group.role in ("group", "radiogroup") and label in ids, component_id
        assert ids[label].children, component_id  # a name that is not empty
    assert ids[Id.LANG_LABEL].children == "Language / 语言 / 言語"


def test_event_marks_are_lifted_above_the_year_labels():
    marks = slider_marks(ATLAS)
    events = [m for m in marks.values() if isinstance(m, dict)]
    assert events and all(m["style"]["top"].startswith("-") for m in events)
    assert all(m["style"]["bottom"] == "auto" for m in events)


def test_the_document_declares_its_language():
    from app import INDEX

    assert '<html lang="en">' in INDEX


def test_event_marks_are_the_events_orange_and_readable_on_white():
    """The slider's event marks share the events' hue on the map, darkened to 4.5:1 on white
    (they are text glyphs: axe checks their contrast)."""
    import colorsys

    from components.atlas.registry import layer_spec
    from components.page.layout import EVENT_MARK

    def rgb(hex_color):
        return [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]

    def luminance(hex_color):
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb(hex_color)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    events = layer_spec("events").style["color"]
    hue = lambda c: colorsys.rgb_to_hsv(*rgb(c))[0] * 360  # noqa: E731
    assert abs(hue(EVENT_MARK["color"]) - hue(events)) < 8
    assert 1.05 / (luminance(EVENT_MARK["color"]) + 0.05) >= 4.5
