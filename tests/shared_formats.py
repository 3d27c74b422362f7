"""Where the workplace's shared folders are: ``shared/formats/`` (the real files in the
formats teachers use: public projects' files under their own licences, used from there and
never copied into the repository) and ``shared/seeds/`` (the seed documents quotes are checked
against).

They sit beside the checkout (``../shared``); a clone elsewhere (CI) finds them through
``$FEA_FORMATS_DIR`` / ``$FEA_SEEDS_DIR``, a ``shared`` folder beside any parent folder, or
the workplace's ``/work/shared``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir(name: str, env: str) -> Path | None:
    """``$env``, else the first ``shared/<name>`` beside a parent folder or in the workplace
    that is a non-empty folder; None when there is none."""
    if os.environ.get(env):
        return Path(os.environ[env])
    candidates = [parent / "shared" / name for parent in ROOT.parents]
    candidates.append(Path("/work/shared") / name)
    return next((c for c in candidates if c.is_dir() and any(c.iterdir())), None)


FORMATS = shared_dir("formats", "FEA_FORMATS_DIR") or ROOT.parent / "shared" / "formats"
