"""Every record is named in en, zh and ja, and no ja name falls back to a zh form."""

import pytest

from geodata.layers import build_layers
from geodata.records import load_records

KINDS = ("places", "deployments", "routes", "events", "shipments")


@pytest.fixture(scope="module")
def records():
    return load_records()


def _names(records):
    for kind in KINDS:
        for rec in getattr(records, kind).values():
            yield kind, rec.id, rec.names


def _japanese_form(text: str) -> bool:
    """Written in Japanese characters: simplified-only Chinese forms (满, 尔, 铁) fail."""
    try:
        text.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def test_every_record_has_en_zh_and_ja_names(records):
    missing = [f"{kind} {rid}: {lang}" for kind, rid, names in _names(records)
               for lang in ("en", "zh", "ja") if not names.get(lang)]  # fmt: skip
    assert not missing, "\n".join(missing)


def test_no_ja_name_is_a_zh_form(records):
    bad = [f"{kind} {rid}: {names['ja']!r}" for kind, rid, names in _names(records)
           if "ja" in names and not _japanese_form(names["ja"])]  # fmt: skip
    assert not bad, "\n".join(bad)


def test_every_shipment_has_a_title_in_en_zh_ja():
    for f in build_layers()["shipments"]["features"]:
        names = f["properties"]["names"]
        assert {"en", "zh", "ja"} <= set(names), f["properties"]["id"]
        assert "None" not in names["en"], f["properties"]["id"]


def test_no_place_takes_its_ja_name_from_geonames():
    for f in build_layers()["places"]["features"]:
        assert "names_from" not in f["properties"], f["properties"]["id"]


@pytest.mark.parametrize(
    ("place", "ja"),
    [("alma-ata", "アルマ・アタ"), ("dihua", "迪化"), ("harbin", "ハルピン")],
)
def test_period_forms_of_japanese_names(records, place, ja):
    assert records.places[place].names["ja"] == ja


def test_choibalsan_is_bayan_tumen_in_1939(records):
    assert records.places["choibalsan"].names["en"] == "Bayan-Tumen"


def test_yasuoka_label_corrects_the_seed_typo(records):
    event = records.events["kg-yasuoka-dissolved"]
    assert "安冈" in event.names["zh"] and "安岗" in event.sources[0].quote
