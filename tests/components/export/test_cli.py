"""The export command: checks first (exit 2, nothing written), then real exports offline."""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image

from components.export import cli_args
from components.export.animation import MAX_FRAMES
from components.export.cli import build_parser, check_args, main
from components.export.profiles import PREFIX

from .conftest import ROOT, blocked_env, run_export

BAD = [
    (["--date", "1899-01-01", "--out", "{d}/a.png"],
     "export: --date 1899-01-01 is outside the atlas (1917-01-01..1946-12-31)"),
    (["--from", "1939-09-15", "--to", "1939-05-01", "--out", "{d}/a.gif"],
     "export: --to 1939-05-01 is before --from 1939-09-15"),
    (["--date", "1939-08-20", "--lang", "fr", "--out", "{d}/a.png"],
     "export: --lang fr: unknown language 'fr'; known: en, zh, ja"),
    (["--date", "1939-08-20", "--out", "{d}/missing/a.png"], "export: --out {d}/missing/a.png: "),
    (["--date", "1939-08-20", "--out", "/proc/a.png"], "export: --out /proc/a.png: folder /proc"),
    (["--date", "1939-02-30", "--out", "{d}/a.png"], "export: --date 1939-02-30: expected a real"),
    (["--from", "1939-05-01", "--to", "1939-06-01", "--step", "2x", "--out", "{d}/a.gif"],
     "export: --step 2x: expected"),
    (["--date", "1939-08-20", "--out", "{d}/a.gif"], "export: --out {d}/a.gif: a PNG export"),
    (["--date", "1939-08-20", "--width", "0", "--out", "{d}/a.png"], "export: --width 0"),
    (["--date", "1939-08-20"], "export: --out is required"),
    (["--frobnicate"], "export: unrecognized arguments: --frobnicate"),
    (["--date", "1939-08-20", "--layers", "places,bogus", "--out", "{d}/a.png"],
     "export: --layers: unknown layer 'bogus'"),
    (["--from", "1939-05-01", "--to", "1939-06-01", "--frame-ms", "0", "--out", "{d}/a.gif"],
     "export: --frame-ms 0: expected 20..60000 milliseconds a frame"),
    (["--from", "1939-05-01", "--to", "1939-06-01", "--frame-ms", "-5", "--out", "{d}/a.gif"],
     "export: --frame-ms -5: expected 20..60000"),
    (["--from", "1939-01-01", "--to", "1939-07-20", "--step", "1d", "--out", "{d}/a.gif"],
     f"export: 201 frames are too many (at most {MAX_FRAMES})"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[b[1][8:40] for b in BAD])
def test_bad_arguments_exit_2_with_one_line_and_write_nothing(tmp_path, capsys, argv, message):
    argv = [a.format(d=tmp_path) for a in argv]
    assert main(["export", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(message.format(d=tmp_path)), err
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_and_the_page_share_one_frame_cap():
    assert cli_args.MAX_FRAMES is MAX_FRAMES


def _not_regular(tmp_path, kind):
    """A target that exists and is not a regular file, and how to see it was left alone."""
    other = tmp_path / "other.png"
    other.write_bytes(b"keep")
    target = tmp_path / ("a.gif" if kind.endswith("gif") else "a.png")
    if kind in ("symlink", "symlink-gif"):
        target.symlink_to(other)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind in ("folder", "dangling"):
        target.mkdir() if kind == "folder" else target.symlink_to(tmp_path / "nowhere.png")
    return target, lambda: other.read_bytes() == b"keep" and not (tmp_path / "nowhere.png").exists()


@pytest.mark.parametrize(("kind", "said"), [
    ("symlink", "is a symbolic link, not a regular file"),
    ("symlink-gif", "is a symbolic link, not a regular file"),
    ("dangling", "is a symbolic link, not a regular file"),
    ("fifo", "is a named pipe, not a regular file"),
    ("folder", "is a folder, not a regular file"),
])  # fmt: skip
def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path, capsys, kind, said):
    target, untouched = _not_regular(tmp_path, kind)
    before = sorted(p.name for p in tmp_path.iterdir())
    dates = ["--from", "1939-05-01", "--to", "1939-05-08"] if kind.endswith("gif") else \
        ["--date", "1939-08-20"]  # fmt: skip
    if kind == "folder":  # a folder named a.png: a PNG export must not go into it
        dates = ["--date", "1939-08-20"]
    assert main(["export", *dates, "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == f"export: --out {target} {said}: nothing written\n", err
    assert main(["export", "--html", str(target)]) == 2
    assert capsys.readouterr().err == f"export: --html {target} {said}: nothing written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before and untouched()


def test_a_device_is_never_replaced(capsys):
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert main(["export", "--html", "/dev/full"]) == 2
    assert capsys.readouterr().err == (
        "export: --html /dev/full is a character device, not a regular file: nothing written\n"
    )
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_frames_go_into_a_folder_never_through_a_link_or_into_a_file(tmp_path, capsys):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    argv = ["export", "--from", "1939-05-01", "--to", "1939-05-08"]
    assert main([*argv, "--out", f"{tmp_path}/link/"]) == 2
    assert "is a symbolic link, not a folder" in capsys.readouterr().err
    (tmp_path / "file").write_bytes(b"")
    assert main([*argv, "--out", f"{tmp_path}/file/"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert list(real.iterdir()) == []


def test_sigterm_while_writing_removes_the_part_file(tmp_path, monkeypatch):
    from components.export import cli, gif

    def write_gif(frames, path, **_kwargs):
        Path(path).write_bytes(b"GIF89a half")
        os.kill(os.getpid(), signal.SIGTERM)  # the handler raises at the next bytecode
        time.sleep(5)

    monkeypatch.setattr(gif, "write_gif", write_gif)
    job = cli.Job("gif", tmp_path / "a.gif", "en", days=[1, 2])
    with pytest.raises(cli.Stopped), cli.stop_on_sigterm():
        cli._write(job, [("1939-05-01", b""), ("1939-05-08", b"")])
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


@pytest.mark.browser
@pytest.mark.parametrize(("sig", "status", "line"), [
    (signal.SIGINT, 130, "export: interrupted, nothing written"),
    (signal.SIGTERM, 143, "export: stopped (SIGTERM), nothing written"),
])  # fmt: skip
def test_a_signal_mid_export_prints_one_line_and_leaves_nothing(tmp_path, needs_chromium, sig,
                                                                 status, line):  # fmt: skip
    """A GIF of 6 frames stopped after its first frame: no traceback, no file, no profile
    folder, no Chromium left running."""
    out = tmp_path / "out"
    out.mkdir()
    env = {**blocked_env(), "FEA_EXPORT_VERBOSE": "1"}
    command = [sys.executable, "-m", "components.export", "--from", "1925-06-01",
               "--to", "1925-07-06", "--out", str(out / "a.gif"), "--width", "320",
               "--height", "180"]  # fmt: skip
    # Ctrl+C as a terminal gives it: a suite run in the background (nohup, CI) ignores SIGINT,
    # which a child inherits, and Python then installs no KeyboardInterrupt handler
    with subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
                          preexec_fn=_default_sigint) as proc:  # fmt: skip
        first = proc.stderr.readline()
        assert first.startswith("frame 1/6 "), first
        scratch = sorted(Path(tempfile.gettempdir()).glob(f"{PREFIX}{proc.pid}-*"))
        assert len(scratch) == 1 and (scratch[0] / "index.html").is_file()
        proc.send_signal(sig)
        rest = proc.stderr.read()
        assert proc.wait(timeout=60) == status
        assert rest.splitlines()[-1] == line and "Traceback" not in rest, rest
        assert list(out.iterdir()) == [] and not scratch[0].exists()
    assert not _processes_using(str(scratch[0]))


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _processes_using(text: str) -> list[str]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text in cmdline.read_text(errors="replace"):
                found.append(cmdline.parent.name)
        except OSError:
            continue
    return found


def test_a_range_with_a_folder_makes_frames_and_views_follow_the_period(tmp_path):
    args = build_parser().parse_args(["--from", "1939-05-01", "--to", "1939-09-15",
                                      "--step", "7d", "--out", f"{tmp_path}/frames/"])  # fmt: skip
    job = check_args(args)
    assert job.kind == "frames" and len(job.days) == 20


def _image(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def _not_blank(im: Image.Image) -> int:
    colours = im.convert("RGB").getcolors(1 << 24)
    return len(colours)


@pytest.mark.browser
def test_png_has_the_exact_size_and_is_not_blank(tmp_path, needs_chromium):
    out = tmp_path / "map.png"
    done = run_export("--date", "1925-06-01", "--lang", "zh", "--out", str(out),
                      "--width", "480", "--height", "270")  # fmt: skip
    assert done.returncode == 0, done.stderr
    im = _image(out.read_bytes())
    assert im.format == "PNG" and im.size == (480, 270)
    assert _not_blank(im) > 2000  # relief, borders, labels: thousands of colours
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


@pytest.mark.browser
def test_gif_has_one_frame_per_step(tmp_path, needs_chromium):
    out = tmp_path / "anim.gif"
    done = run_export("--from", "1925-06-01", "--to", "1925-06-15", "--step", "7d",
                      "--out", str(out), "--width", "320", "--height", "180")  # fmt: skip
    assert done.returncode == 0, done.stderr
    im = _image(out.read_bytes())
    assert im.format == "GIF" and im.n_frames == 3 and im.size == (320, 180)
    assert [p.name for p in tmp_path.iterdir()] == ["anim.gif"]


@pytest.mark.browser
def test_frames_folder_gets_one_png_per_step(tmp_path, needs_chromium):
    out = tmp_path / "frames"
    done = run_export("--from", "1925-06-01", "--to", "1925-06-02", "--step", "1d",
                      "--out", f"{out}/", "--width", "320", "--height", "180")  # fmt: skip
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["frame-0000-1925-06-01.png", "frame-0001-1925-06-02.png"]
    assert all(_image((out / n).read_bytes()).size == (320, 180) for n in names)
    assert [p.name for p in tmp_path.iterdir()] == ["frames"]
