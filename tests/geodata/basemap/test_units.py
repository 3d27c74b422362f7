"""Reading the border units from YAML: the real file, and errors that name what is wrong."""

import textwrap

import pytest

from geodata import citations
from geodata.basemap.borders import PARTS, UNITS
from geodata.basemap.units import BORDERS_FILE, UnitsError, check_sources, load_units

GOOD = """\
units:
  - id: east
    sovereign: japan
    kind: state
    label: [130.0, 40.0]
    note: Approximate. A test unit.
    periods:
      - start: "1917-01-01"
        end: 1931-12-31
        names: {en: East, zh: 东, ja: 東, ru: Восток}
        parts: [japan-home]
        source: {document: 001_3b66db8a6edcebbc.txt, quote: 日本軍は報復として北樺太に出兵した。}
      - start: "1932-01-01"
        end: "1946-12-31"
        names: {en: East, zh: 东, ja: 東, ru: Восток}
        parts: [japan-home, kurils]
"""


def write(tmp_path, text):
    path = tmp_path / "borders.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path, text):
    with pytest.raises(UnitsError) as info:
        load_units(write(tmp_path, text), PARTS)
    return info.value.problems


def test_the_real_file_reads_and_its_quotes_check():
    assert load_units(BORDERS_FILE, PARTS, check_quotes=True) == UNITS
    assert check_sources(UNITS) == []


def test_a_good_unit(tmp_path):
    (unit,) = load_units(write(tmp_path, GOOD), PARTS)
    assert unit.id == "east" and unit.label == (130.0, 40.0) and not unit.overlay
    first, second = unit.periods
    assert first.end == "1931-12-31"  # an unquoted YAML date is read as the ISO day
    assert first.sources[0]["document"] == "001_3b66db8a6edcebbc.txt"
    assert second.parts == ("japan-home", "kurils") and second.sources == ()


def test_a_bad_date_names_file_line_unit_and_field(tmp_path):
    (problem,) = problems(tmp_path, GOOD.replace('"1932-01-01"', '"1932-02-30"'))
    assert problem.startswith("borders.yaml:13: unit 'east': periods[1].start: ")
    assert "ISO day YYYY-MM-DD" in problem and "'1932-02-30'" in problem


def test_an_unknown_part_is_named_with_the_known_ones(tmp_path):
    (problem,) = problems(tmp_path, GOOD.replace("[japan-home, kurils]", "[japan-home, kurills]"))
    assert "unit 'east': periods[1].parts: unknown part(s) ['kurills']" in problem
    assert "kurils" in problem.split("expected", 1)[1]


def test_missing_names(tmp_path):
    text = GOOD.replace("        names: {en: East, zh: 东, ja: 東, ru: Восток}\n", "", 1)
    (problem,) = problems(tmp_path, text)
    assert "unit 'east': periods[0].names: expected a name in each of en, zh, ja, ru" in problem
    text = GOOD.replace("ru: Восток}", "ru: ''}", 1)
    assert "periods[0].names: expected a name in each" in problems(tmp_path, text)[0]


@pytest.mark.parametrize("old, new, expected", [
    ('end: "1946-12-31"', 'end: "1947-12-31"', "periods[1].end: expected a day within the atlas"),
    ('start: "1932-01-01"', 'start: "1931-06-01"', "periods[1].start: expected a day after"),
    ("kind: state", "kind: empire", "kind: expected one of state, colony"),
    ("label: [130.0, 40.0]", "label: [130.0]", "label: expected [lon, lat]"),
    ("    note: Approximate. A test unit.\n", "", "note: expected a non-empty text, got nothing"),
    ("parts: [japan-home]", "parts: [japan-home]\n        colour: red", "colour: unknown field"),
    ("quote: 日本軍は報復として北樺太に出兵した。", "page: 3", "source: expected a document"),
])  # fmt: skip
def test_other_mistakes_are_named(tmp_path, old, new, expected):
    found = problems(tmp_path, GOOD.replace(old, new, 1))
    assert any(expected in p and "unit 'east'" in p for p in found), found


def test_every_problem_is_reported_and_a_unit_without_id_is_counted(tmp_path):
    text = GOOD.replace("  - id: east\n", "  - sovereign: japan\n", 1).replace(
        '"1932-01-01"', "soon"
    )
    found = problems(tmp_path, text)
    assert any(p.startswith("borders.yaml:2: units[0]: id: ") for p in found), found
    assert any("periods[1].start" in p for p in found), found


def test_duplicate_ids_and_bad_files(tmp_path):
    unit = GOOD.split("units:\n", 1)[1]
    assert "duplicate id" in problems(tmp_path, "units:\n" + unit + unit)[0]
    assert problems(tmp_path, "- just a list")[0] == (
        "borders.yaml:1: expected a mapping with a list of 'units'"
    )
    assert "not valid YAML" in problems(tmp_path, "units: [\n")[0]


def test_a_quote_not_in_its_seed_is_named(tmp_path):
    if not citations.available():
        pytest.skip("seed documents not available")
    path = write(tmp_path, GOOD.replace("出兵した。", "出兵しなかった。"))
    with pytest.raises(UnitsError, match="unit 'east': period 1917-01-01: source: quote not found"):
        load_units(path, PARTS, check_quotes=True)
