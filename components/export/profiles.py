"""The export browser's scratch folders: one per renderer, named so we can find our own.

Each :class:`components.export.kaleido_batch.FrameRenderer` keeps its Chromium profile and the
page it loads in ``<tmp>/fea-chromium-<pid>-<random>/``, removed when it closes. A process
killed outright (SIGKILL, a power cut) cannot remove it: :func:`clear_stale` removes the
folders of processes that no longer run, and the export command calls it at start.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

#: What our scratch folders' names start with.
PREFIX = "fea-chromium-"
_NAME = re.compile(rf"^{re.escape(PREFIX)}(\d+)-")


def new_scratch() -> Path:
    """A new scratch folder of this process, under the system's temporary folder.

    >>> path = new_scratch()
    >>> path.name.startswith(f"{PREFIX}{os.getpid()}-")
    True
    >>> remove(path); path.exists()
    False
    """
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def remove(path: Path | None) -> None:
    """Remove a scratch folder and everything in it (missing is fine)."""
    if path is not None:
        shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def clear_stale(tmp: Path | str | None = None) -> list[Path]:
    """Remove the scratch folders left by processes that no longer run.

    Parameters
    ----------
    tmp : path, optional
        Where to look (default: the system's temporary folder).

    Returns
    -------
    list of Path
        The folders removed. Other processes' folders, and anything not named as ours,
        are left alone.
    """
    removed = []
    for path in Path(tmp or tempfile.gettempdir()).glob(f"{PREFIX}*"):
        match = _NAME.match(path.name)
        if match and path.is_dir() and not path.is_symlink() and not _running(int(match[1])):
            remove(path)
            removed.append(path)
    return removed
