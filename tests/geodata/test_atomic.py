"""Files written whole or not at all (issue 12, finding 5)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geodata import atomic
from geodata.atomic import write_all_atomic, write_atomic


def test_a_write_that_fails_midway_leaves_the_old_files_and_no_temporary(tmp_path, monkeypatch):
    old = {tmp_path / "a.geojson": "old a\n", tmp_path / "b.geojson": "old b\n"}
    for path, text in old.items():
        path.write_text(text, encoding="utf-8")
    real_fdopen = os.fdopen

    class Breaks:  # the second file's write fails after the first was written
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, body):
            self.fh.write(body[:3])
            raise OSError(27, "File too large")

    calls = []

    def fdopen(fd, mode):
        calls.append(fd)
        return Breaks(real_fdopen(fd, mode)) if len(calls) == 2 else real_fdopen(fd, mode)

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    with pytest.raises(OSError, match="File too large") as info:
        write_all_atomic({path: "new\n" for path in old})
    assert info.value.filename == str(tmp_path / "b.geojson")
    assert {p: p.read_text(encoding="utf-8") for p in old} == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.geojson", "b.geojson"]


def test_under_a_file_size_limit_the_layers_stay_whole(tmp_path):
    """``ulimit -f`` in a subprocess: the write of a big layer fails, the old file stays."""
    target = tmp_path / "deployments.geojson"
    target.write_text('{"type":"FeatureCollection","features":[]}\n', encoding="utf-8")
    code = (
        "import resource, sys\n"
        "from geodata.atomic import write_atomic\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))\n"
        "try:\n"
        f"    write_atomic({str(target)!r}, 'x' * 200_000)\n"
        "except OSError as exc:\n"
        "    print(exc.errno, exc.filename)\n"
        "    sys.exit(1)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout.split() == ["27", str(target)]  # EFBIG, named
    assert target.read_text(encoding="utf-8") == '{"type":"FeatureCollection","features":[]}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["deployments.geojson"]


def test_written_files_get_the_usual_mode(tmp_path):
    mask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "x.json", b"{}")
    finally:
        os.umask(mask)
    assert path.read_bytes() == b"{}" and (path.stat().st_mode & 0o777) == 0o644
