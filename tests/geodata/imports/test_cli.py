"""``python -m geodata import``: the report, the pack written whole, the exit status."""

from __future__ import annotations

import json

from geodata.cli import main

CSV = "layer,id,date,lat,lon,name_en\nevents,a,1918-08-12,43.1,131.9,Landing\n"
BAD = "layer,id,date,lat,lon,name_en\nevents,a,1918-08-12,94,131.9,Too far north\n"


def test_import_writes_the_pack_and_exits_0(tmp_path, capsys):
    src, out = tmp_path / "lesson.csv", tmp_path / "packs" / "lesson.geojson"
    src.write_text(CSV, encoding="utf-8")
    assert main(["import", str(src), "--out", str(out)]) == 0
    assert "1 imported, 0 skipped" in capsys.readouterr().out
    pack = json.loads(out.read_text(encoding="utf-8"))
    assert pack["features"][0]["properties"]["start"] == "1918-08-12"
    assert [p.name for p in out.parent.iterdir()] == ["lesson.geojson"]  # no temporary left


def test_nothing_imported_exits_2_with_a_json_report_and_no_pack(tmp_path, capsys):
    src, out = tmp_path / "bad.csv", tmp_path / "bad.geojson"
    src.write_text(BAD, encoding="utf-8")
    assert main(["import", str(src), "--json", "--out", str(out)]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["features"] == 0 and report["skipped"] == 1
    assert report["errors"][0] == {
        "line": 2, "field": "lat", "message": "coordinate out of range",
        "expected": "a latitude between -90 and 90", "got": "94",
    }  # fmt: skip
    assert not out.exists()


def test_strict_refuses_the_file_and_names_the_error(tmp_path, capsys):
    src = tmp_path / "mixed.csv"
    src.write_text(CSV + "events,b,1918-08-13,94,131.9,North\n", encoding="utf-8")
    assert main(["import", str(src), "--strict"]) == 2
    err = capsys.readouterr().err
    assert "refused under --strict" in err and "line 3: field 'lat'" in err


def test_unreadable_or_unknown_files_exit_2_with_a_message(tmp_path, capsys):
    assert main(["import", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: cannot read the file" in capsys.readouterr().err
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK")
    assert main(["import", str(other), "--json"]) == 2
    assert "cannot tell the format" in json.loads(capsys.readouterr().out)["error"]
