"""Files written whole or not at all: a temporary file in the same folder, then a rename.

A full disk, a file size limit (``ulimit -f``) or a kill in the middle of a write leaves the
previous file as it was, and no temporary file behind: the app never starts on a layer
truncated to invalid JSON.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8 with ``\\n`` line ends, or bytes) to ``path`` atomically.

    The bytes go to a hidden ``.<name>.*.part`` file beside ``path``, are flushed to disk,
    and the file is then renamed over ``path`` (a rename within one folder is atomic).

    Parameters
    ----------
    path : str or Path
        The file to write; its folder must exist.
    data : str or bytes
        What to write.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OSError
        When the write fails; ``path`` is then unchanged and the temporary file removed.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.json"
    >>> write_atomic(target, '{"a": 1}\\n').read_text()
    '{"a": 1}\\n'
    >>> sorted(p.name for p in target.parent.iterdir())
    ['a.json']
    """
    return write_all_atomic({path: data})[0]


def write_all_atomic(files: dict) -> list[Path]:
    """Write several files, each as :func:`write_atomic` does, and rename them only once all
    are written: a failure leaves every one of them as it was (a set of layers never mixes
    old and new files).

    Parameters
    ----------
    files : dict
        ``{path: data}``, data as for :func:`write_atomic`.

    Returns
    -------
    list of Path
        The paths, in order.
    """
    done: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            done.append((_temp_file(path, data), path))
        for temp, path in done:
            os.replace(temp, path)
    except BaseException as exc:
        for temp, _path in done:
            Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename is None and files:
            exc.filename = str(path)  # name the file a failed write was for
        raise
    return [path for _temp, path in done]


def _temp_file(path: Path, data: str | bytes) -> str:
    """A hidden ``.<name>.*.part`` beside ``path`` holding ``data``, flushed to disk."""
    body = data.encode("utf-8") if isinstance(data, str) else data
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(name, 0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return name
