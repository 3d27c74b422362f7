"""The export browser's scratch folders: ours are found and the dead ones removed."""

import os
import subprocess
import sys

from components.export.profiles import PREFIX, clear_stale, new_scratch, remove


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def test_only_the_folders_of_processes_gone_are_removed(tmp_path):
    dead = tmp_path / f"{PREFIX}{_dead_pid()}-abc"
    (dead / "Default").mkdir(parents=True)
    (dead / "index.html").write_text("x", encoding="utf-8")
    alive = tmp_path / f"{PREFIX}{os.getpid()}-def"
    alive.mkdir()
    strangers = [tmp_path / f"{PREFIX}notapid", tmp_path / "tmpabc", tmp_path / "fea-other-1-x"]
    for path in strangers:
        path.mkdir()
    assert clear_stale(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [alive.name, *(p.name for p in strangers)]
    )


def test_a_new_scratch_folder_is_named_with_our_pid():
    path = new_scratch()
    try:
        assert path.name.startswith(f"{PREFIX}{os.getpid()}-") and path.is_dir()
        assert clear_stale(path.parent).count(path) == 0  # we are running: kept
    finally:
        remove(path)
    assert not path.exists()
