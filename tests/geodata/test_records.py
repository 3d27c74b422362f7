from pathlib import Path

import pytest

from geodata.records import RecordsError, load_records

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture
def fixture_seeds(monkeypatch):
    monkeypatch.setenv("FEA_SEEDS_DIR", str(FIXTURES))
    from geodata import citations

    citations._document_text.cache_clear()
    yield
    citations._document_text.cache_clear()


def test_good_fixture_loads(fixture_seeds):
    recs = load_records(FIXTURES / "good", check_quotes=True)
    unit = recs.deployments["unit-a"]
    assert [w.place for w in unit.waypoints] == ["vladivostok", "khabarovsk"]
    assert unit.waypoints[1].date.precision == "month"
    assert unit.strength_variants[0].strength == 3100
    assert recs.deployments["unit-b"].names == {"en": "Unit B"}
    assert recs.shipments["batch-1"].end.end == "1918-12-31"


def test_bad_records_name_file_line_record_and_field(fixture_seeds):
    with pytest.raises(RecordsError) as info:
        load_records(FIXTURES / "bad", check_quotes=True)
    text = str(info.value)
    assert "broken.yaml:6: places[1] 'Bad Id': field 'id': expected lower-case" in text
    assert "field 'kind': expected one of" in text
    assert "field 'names': expected a mapping with at least 'en'" in text
    assert (
        "broken.yaml:11: deployments[0] 'unit-x': field 'strength': expected a whole number" in text
    )
    assert "field 'date': expected a real calendar date, got '1918-13-01'" in text


def test_every_problem_is_reported_not_just_the_first(fixture_seeds):
    with pytest.raises(RecordsError) as info:
        load_records(FIXTURES / "bad", check_quotes=True)
    assert len(info.value.problems) >= 5


def test_unknown_place_and_unverbatim_quote(tmp_path, fixture_seeds):
    (tmp_path / "r.yaml").write_text(
        "places:\n"
        "  - {id: a, kind: city, names: {en: Chita},"
        " source: {document: seed.txt, quote: 'moved to Khabarovsk'}}\n"
        "events:\n"
        "  - id: e\n    start: '1920'\n    place: atlantis\n    names: {en: E}\n"
        "    source: {document: seed.txt, quote: 'moved to  Khabarovsk'}\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordsError) as info:
        load_records(tmp_path, check_quotes=True)
    text = str(info.value)
    assert "r.yaml:4: e: field 'place': unknown id 'atlantis'" in text
    assert "r.yaml:4: e: field 'source': quote not found verbatim in seed.txt" in text


def test_invalid_yaml_names_the_line(tmp_path):
    (tmp_path / "x.yaml").write_text("places:\n  - id: a\n   kind: [\n", encoding="utf-8")
    with pytest.raises(RecordsError, match=r"x\.yaml:\d+: not valid YAML"):
        load_records(tmp_path, check_quotes=False)


def test_duplicate_ids_across_files(tmp_path):
    rec = "places:\n  - {id: a, kind: city, names: {en: Chita}, source: {document: d, quote: q}}\n"
    (tmp_path / "1.yaml").write_text(rec, encoding="utf-8")
    (tmp_path / "2.yaml").write_text(rec, encoding="utf-8")
    with pytest.raises(RecordsError, match="2.yaml:2: places\\[0\\] 'a': field 'id': duplicate id"):
        load_records(tmp_path, check_quotes=False)


def test_gaps_unknown_positions_and_timeline_only_events(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "places:\n"
        "  - {id: a, kind: city, names: {en: Chita}, source: {document: d, quote: q}}\n"
        "deployments:\n"
        "  - id: u\n    side: white\n    nation: WHT\n    unit: U\n"
        "    source: {document: d, quote: q}\n"
        "    waypoints:\n"
        "      - {date: '1919-04', place: a, end: '1919-04'}\n"
        "      - {date: '1919-11', place: a}\n"
        "  - id: p\n    side: intervention\n    nation: POL\n    unit: P\n"
        "    position: unknown\n    start: '1918-08'\n    end: '1920-07'\n"
        "    source: {document: d, quote: q}\n"
        "events:\n"
        "  - {id: e, start: '1918-01', timeline_only: true, names: {en: E},"
        " source: {document: d, quote: q}}\n",
        encoding="utf-8",
    )
    recs = load_records(tmp_path, check_quotes=False)
    assert recs.deployments["u"].waypoints[0].end.end == "1919-04-30"
    assert (
        recs.deployments["p"].waypoints == [] and recs.deployments["p"].start.start == "1918-08-01"
    )
    assert recs.events["e"].place is None


def test_a_deployment_needs_waypoints_unless_its_position_is_unknown(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "deployments:\n  - id: u\n    side: white\n    nation: WHT\n    unit: U\n"
        "    source: {document: d, quote: q}\n"
        "events:\n  - {id: e, start: '1918', names: {en: E}, source: {document: d, quote: q}}\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordsError) as info:
        load_records(tmp_path, check_quotes=False)
    assert "field 'waypoints': expected a non-empty list" in str(info.value)
    assert "e: field 'place': is required" in str(info.value) or "'place': is required" in str(
        info.value
    )


def _unit_with(tmp_path, waypoint: str, extra: str = "") -> Path:
    (tmp_path / "r.yaml").write_text(
        "places:\n"
        "  - {id: a, kind: city, names: {en: A}, source: {document: d, quote: q}}\n"
        "  - {id: b, kind: city, names: {en: B}, source: {document: d, quote: q}}\n"
        "deployments:\n  - id: u\n    side: white\n    nation: WHT\n    unit: U\n"
        f"{extra}"
        "    source: {document: d, quote: q}\n    waypoints:\n"
        "      - {date: '1919-04', place: a}\n"
        f"      - {waypoint}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_movement_is_cited_by_a_quote_of_its_waypoint(tmp_path):
    ok = "{date: '1919-11', place: b, movement: withdrawal, source: {document: d, quote: 退向远东}}"
    recs = load_records(_unit_with(tmp_path, ok), check_quotes=False)
    assert [w.movement for w in recs.deployments["u"].waypoints] == [None, "withdrawal"]
    said = (
        "{date: '1919-11', place: b, movement: attack, source: {document: d, quote: 一路退向远东}}"
    )
    with pytest.raises(RecordsError) as info:
        load_records(_unit_with(tmp_path, said), check_quotes=False)
    assert "field 'movement': expected a quote of this waypoint saying 'attack'" in str(info.value)
    assert "r.yaml:" in str(info.value)


def test_a_movement_is_one_of_the_four_kinds(tmp_path):
    bad = "{date: '1919-11', place: b, movement: retreat, source: {document: d, quote: 退}}"
    with pytest.raises(RecordsError) as info:
        load_records(_unit_with(tmp_path, bad), check_quotes=False)
    assert "expected one of attack, advance, withdrawal, transfer, got 'retreat'" in str(info.value)


def test_a_short_name_is_read_per_language(tmp_path):
    wp = "{date: '1919-11', place: b}"
    extra = "    short: {en: US AEF, zh: 美军, ja: アメリカ派遣軍}\n"
    recs = load_records(_unit_with(tmp_path, wp, extra), check_quotes=False)
    assert recs.deployments["u"].short == {"en": "US AEF", "zh": "美军", "ja": "アメリカ派遣軍"}


def test_the_kinds_of_movement_are_the_registry_s():
    from components.atlas.registry import MOVEMENTS as DRAWN
    from geodata.model import MOVEMENTS

    assert DRAWN == MOVEMENTS
