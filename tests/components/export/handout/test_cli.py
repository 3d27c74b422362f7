"""``export --handout``: every bad argument gets one line, exit 2 and no file."""

from __future__ import annotations

import pytest

from components.export.handout.cli import UsageError, build_parser, check_args, main

from ..conftest import run_export

BAD = [
    (["--out", "{d}/a.pdf"], "export: give --period (its key moments) or --dates (2 to 6 days)"),
    (["--period", "boxer", "--out", "{d}/a.pdf"],
     "export: --period boxer: unknown period 'boxer'; known: intervention, border, aid, khasan, "
     "khalkhin-gol"),
    (["--dates", "1939-05-28", "--out", "{d}/a.pdf"],
     "export: --dates 1939-05-28: 1 distinct days; a handout holds 2 to 6 maps"),
    (["--dates", "1939-05-28,1899-01-01", "--out", "{d}/a.pdf"],
     "export: --dates 1899-01-01 is outside the atlas (1917-01-01..1946-12-31)"),
    (["--dates", "1939-05-28,1939-02-30", "--out", "{d}/a.pdf"], "export: --dates 1939-02-30: "),
    (["--period", "khasan", "--maps", "7", "--out", "{d}/a.pdf"],
     "export: --maps 7: expected 2 to 6"),
    (["--dates", "1939-05-28,1939-07-03", "--maps", "3", "--out", "{d}/a.pdf"],
     "export: --maps goes with --period: --dates gives the maps itself"),
    (["--period", "khasan", "--paper", "a3", "--out", "{d}/a.pdf"],
     "export: --paper a3: expected a4 or letter"),
    (["--period", "khasan", "--orientation", "sideways", "--out", "{d}/a.pdf"],
     "export: --orientation sideways: expected portrait or landscape"),
    (["--period", "khasan", "--lang", "fr", "--out", "{d}/a.pdf"],
     "export: --lang fr: unknown language; known: en, zh, ja"),
    (["--period", "khasan", "--out", "{d}/a.png"],
     "export: --out {d}/a.png: a handout is a .pdf file"),
    (["--period", "khasan"], "export: --out is required (a .pdf file)"),
    (["--period", "khasan", "--out", "{d}/no/a.pdf"],
     "export: --out {d}/no/a.pdf: folder {d}/no does not exist"),
    (["--period", "khasan", "--width", "9", "--out", "{d}/a.pdf"],
     "export: unrecognized arguments: --width 9"),
    (["--period", "khasan", "--layers-dir", "{d}/none", "--out", "{d}/a.pdf"],
     "export: --layers-dir {d}/none: no such folder"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a[:2]) for a, _ in BAD])
def test_bad_arguments_one_line_exit_2_nothing_written(tmp_path, capsys, args, message):
    argv = ["--handout", *(a.format(d=tmp_path) for a in args)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message.format(d=tmp_path)) and err.count("\n") == 1, err
    assert list(tmp_path.iterdir()) == []


def test_the_command_teachers_type_refuses_the_same_way(tmp_path):
    out = run_export("--handout", "--period", "khasan", "--lang", "fr", "--out",
                     str(tmp_path / "a.pdf"))  # fmt: skip
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == "export: --lang fr: unknown language; known: en, zh, ja\n"
    assert list(tmp_path.iterdir()) == []


def test_a_good_request(tmp_path):
    dates = "1939-08-20,1939-05-28,1939-05-28,1939-07-03"
    job = check_args(build_parser().parse_args([
        "--handout", "--dates", dates, "--lang", "ja", "--paper", "letter",
        "--orientation", "landscape", "--out", str(tmp_path / "k.pdf")]))  # fmt: skip
    assert job.dates == ("1939-05-28", "1939-07-03", "1939-08-20") and job.count == 3
    assert (job.lang, job.paper, job.orientation) == ("ja", "letter", "landscape")
    job = check_args(build_parser().parse_args(["--period", "khasan", "--maps", "6", "--out",
                                                str(tmp_path / "k.pdf")]))  # fmt: skip
    assert job.count == 6 and job.dates == () and job.period == "khasan"


def test_usage_errors_are_value_errors():
    assert issubclass(UsageError, ValueError)


def test_a_pack_lets_dates_of_its_own_outside_the_atlas_in(tmp_path, capsys):
    import json

    from geodata.imports import import_file

    from ..conftest import ROOT

    pack = tmp_path / "lesson.pack.geojson"
    pack.write_text(json.dumps(import_file(ROOT / "tests/fixtures/imports/lesson.csv").pack))
    argv = ["--handout", "--dates", "1905-02-20,1905-03-10", "--out", str(tmp_path / "a.pdf")]
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("export: --dates 1905-02-20 is outside the atlas")
    job = check_args(build_parser().parse_args([*argv, "--pack", str(pack), "--pack", str(pack)]))
    assert job.dates == ("1905-02-20", "1905-03-10") and len(job.packs) == 2
    assert job.packs[0]["file"] == "lesson.csv"
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "FeatureCollection", "pack": 1, "features": [{"properties": {}}]}')
    assert main([*argv, "--pack", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == f"export: --pack {bad}: feature 1: expected 'layer' one of places, events, " \
                  "deployments, routes, shipments, timeline\n"  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "lesson.pack.geojson"]
