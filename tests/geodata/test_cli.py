"""``python -m geodata check|build``: one line per problem, no traceback, nothing half-written."""

import shutil
import subprocess
import sys
from pathlib import Path

from geodata.records import SOURCES_DIR
from tests.geodata.test_yamlio import records_text

ROOT = Path(__file__).resolve().parents[2]


def _geodata(*args, cwd=ROOT, preexec=None):
    return subprocess.run([sys.executable, "-m", "geodata", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd, preexec_fn=preexec)  # fmt: skip


def test_check_names_a_file_that_is_not_utf8_without_a_traceback(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    (sources / "extra.yaml").write_bytes(b"places:\n  - id: x\n    note: caf\xe9\n")
    done = _geodata("check", "sources", cwd=tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        "  sources/extra.yaml:3: not UTF-8 text (byte 0xe9); save the file as UTF-8\n"
        in done.stderr
    )


def test_check_reports_a_yaml_break_at_its_line_relative_to_the_project(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    lines = records_text()
    lines[251] = lines[251].replace("- ", "- [", 1)
    (sources / "broken.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _geodata("check", "sources", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "  sources/broken.yaml:252: not valid YAML: " in done.stderr
    assert str(tmp_path) not in done.stderr


def test_build_under_a_file_size_limit_keeps_the_old_layers(tmp_path):
    import resource

    out = tmp_path / "layers"
    assert _geodata("build", "--out", str(out), "--skip-basemap").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "places.geojson").write_text("old\n", encoding="utf-8")
    before["places.geojson"] = b"old\n"

    def limit():  # 100 KB: places fits, deployments (200 KB) does not
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    done = _geodata("build", "--out", str(out), "--skip-basemap", preexec=limit)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().startswith("geodata build: cannot write ")
    assert len(done.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing new, no .part
