"""The reader's packs carried by a job: checked (never trusting the page), their days taken,
kept beside the job under a key and forgotten when asked."""

from __future__ import annotations

import pytest

from components.atlas.timeline import day_number
from components.export.job_packs import (
    MAX_PACKS,
    JobRequestError,
    check_packs,
    covered,
    drop_packs,
    keep_packs,
    kept_packs,
    pack_spans,
)
from components.export.jobs_store import MemoryStore


def pack(features=None, **extra) -> dict:
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [123.43, 41.8]},
               "properties": {"id": "mukden", "layer": "events", "start": "1905-03-10",
                              "end": "1905-03-10",
                              "names": {"en": "Battle of Mukden"}}}  # fmt: skip
    return {"type": "FeatureCollection", "pack": 1, "name": "Lesson", "file": "lesson.csv",
            "span": {"start": "1905-01-01", "end": "1905-03-10"},
            "features": [feature] if features is None else features, **extra}  # fmt: skip


@pytest.mark.parametrize(("value", "message"), [
    ("packs", "packs: expected a list of imported packs"),
    ({"pack": 1}, "packs: expected a list of imported packs"),
    ([pack()] * (MAX_PACKS + 1), "packs: 7 imported packs shown; a GIF takes at most 6: hide"),
    ([pack(), pack(pack=2)], "packs: pack 2 (lesson.csv): expected pack format 1, got 2"),
    ([pack([{"type": "Feature", "properties": {"id": "x"}}])],
     "packs: pack 1 (lesson.csv): feature 1: expected 'layer' one of places"),
    ([["not", "a pack"]], "packs: pack 1: "),
])  # fmt: skip
def test_a_crafted_pack_is_refused_naming_the_field_and_the_pack(value, message):
    with pytest.raises(JobRequestError) as found:
        check_packs(value, "a GIF")
    assert str(found.value).startswith(message) and found.value.status == 400


def test_good_packs_come_back_as_they_came():
    assert check_packs(None) == [] and check_packs([pack()] * MAX_PACKS) == [pack()] * MAX_PACKS


def test_a_day_outside_the_atlas_is_covered_only_by_a_pack_that_holds_it():
    spans = pack_spans([pack(), pack(span=None, features=[])])
    assert spans == [(day_number("1905-01-01"), day_number("1905-03-10"))]
    assert covered("1905-02-20", spans) and covered(day_number("1905-03-10"), spans)
    assert not covered("1905-03-11", spans) and not covered("1905-02-30", spans)
    assert not covered(None, spans) and not covered("1905-02-20", [])


def test_packs_are_kept_under_a_key_read_back_and_forgotten():
    store = MemoryStore()
    assert keep_packs(store, {"dates": []}) == {"dates": []}
    kept = keep_packs(store, {"dates": ["1905-03-10"], "packs": [pack()]})
    assert kept["packs"]["names"] == ["Lesson"] and set(kept["packs"]) == {"key", "names"}
    assert kept_packs(store, kept, "GIF") == [pack()] and kept_packs(store, {"dates": []}) == []
    drop_packs(store, kept)
    with pytest.raises(JobRequestError, match="imported data of this GIF is no longer kept"):
        kept_packs(store, kept, "GIF")
