"""Every setting the project reads from the environment, declared once: name, default, meaning.

The code reads a setting through :func:`setting`, never through ``os.environ``; the README's
"Settings" table lists :data:`SETTINGS`, and ``tests/test_settings.py`` checks both (every
setting documented, every setting read declared here).

An empty variable counts as unset: ``FEA_CACHE_DIR=`` gives the default.

>>> setting("FEA_CELERY_BROKER", {"FEA_CELERY_BROKER": "redis://localhost:6379/0"})
'redis://localhost:6379/0'
>>> setting("FEA_CELERY_BROKER", {}) is None
True
>>> Path(setting("FEA_LAYERS_DIR", {})).name
'layers'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

_GEODATA = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Setting:
    """One environment variable the project reads.

    Parameters
    ----------
    name : str
        The variable's name, e.g. ``"FEA_CACHE_DIR"``.
    default : str or None
        The value when the variable is unset or empty; ``None`` when the code that reads it
        falls back on something else (the fallback is told in ``meaning``).
    meaning : str
        What it sets, in a sentence, as the README shows it.

    Examples
    --------
    >>> Setting("FEA_X", None, "An example.").name
    'FEA_X'
    """

    name: str
    default: str | None
    meaning: str


#: Every environment variable the project's code (``geodata/``, ``components/``, ``app.py``)
#: reads, in the order the README's "Settings" table lists them.
SETTINGS: tuple[Setting, ...] = (
    Setting("FEA_SEEDS_DIR", str(_GEODATA.parents[1] / "shared" / "seeds"),
            "The folder of seed documents that citations quote verbatim."),
    Setting("FEA_LAYERS_DIR", str(_GEODATA / "layers"),
            "The built GeoJSON layers the app and the exports load."),
    Setting("FEA_CACHE_DIR", None,
            "Where caches go: the gazetteer index (else ~/.cache/far-east-atlas) and, in its "
            "jobs/ folder, the export jobs' DiskCache (else <system temp>/far-east-atlas-jobs)."),
    Setting("FEA_CELERY_BROKER", None,
            "A Celery broker (e.g. redis://localhost:6379/0): background exports run on Celery "
            "workers instead of DiskCache."),
    Setting("FEA_CELERY_BACKEND", None,
            "Celery's result store (else the broker)."),
    Setting("FEA_JOB_CONCURRENCY", None,
            "How many export jobs render at once, across all web and Celery workers (else one "
            "per core of the web server's machine)."),
    Setting("FEA_JOB_QUEUE_MAX", "12",
            "How many export jobs may wait in the queue; past it a new job is refused."),
    Setting("FEA_JOB_TIME_LIMIT", "900",
            "The most seconds an export job may render; then it is stopped and reported failed."),
    Setting("FEA_JOB_ABANDON_AFTER", "600",
            "Seconds after the last poll from a page when an export job nobody follows is "
            "cancelled."),
    Setting("FEA_RESULTS_MAX_BYTES", "2000000000",
            "The total size of the kept export files (24 hours each); past it the oldest go."),
    Setting("FEA_CHROMIUM", None,
            "The Chromium binary the exports render with (else BROWSER_PATH, else chromium or "
            "chromium-browser on PATH)."),
    Setting("BROWSER_PATH", None,
            "The Chromium binary when FEA_CHROMIUM is unset (the name Kaleido also reads)."),
    Setting("FEA_EXPORT_VERBOSE", None,
            "When set non-empty, `python app.py export` logs its progress on stderr."),
    Setting("FEA_IMPORT_MAX_BYTES", str(10 * 1024 * 1024),
            "The largest file (in bytes) an import of the user's own data takes."),
    Setting("FEA_IMPORT_MAX_ROWS", "50000",
            "The most rows (lines, features, slides) an import of the user's own data takes."),
    Setting("FEA_PACK_DAYS", "30",
            "How many days a pack shared by link (\"Share link\" of the Import panel) is kept."),
)  # fmt: skip

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str, env: Mapping[str, str] | None = None) -> str | None:
    """The value of setting ``name``: from the environment when set and non-empty, else its default.

    Parameters
    ----------
    name : str
        A name declared in :data:`SETTINGS`.
    env : mapping, optional
        Where to look (default ``os.environ``), for code and tests that pass their own.

    Returns
    -------
    str or None
        The variable's value, or the setting's default (``None`` for some, see ``meaning``).

    Raises
    ------
    KeyError
        When ``name`` is not declared in :data:`SETTINGS`, naming it and the known settings.

    Examples
    --------
    >>> setting("FEA_CACHE_DIR", {"FEA_CACHE_DIR": "/srv/fea"})
    '/srv/fea'
    >>> setting("FEA_CACHE_DIR", {"FEA_CACHE_DIR": ""}) is None
    True
    >>> setting("FEA_CACHE", {})
    Traceback (most recent call last):
    ...
    KeyError: "unknown setting 'FEA_CACHE'; the settings are: FEA_SEEDS_DIR, FEA_LAYERS_DIR, ..."
    """
    try:
        declared = _BY_NAME[name]
    except KeyError:
        known = ", ".join(_BY_NAME)
        raise KeyError(f"unknown setting {name!r}; the settings are: {known}") from None
    value = (os.environ if env is None else env).get(name)
    return value if value else declared.default
