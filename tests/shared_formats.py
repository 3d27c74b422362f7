"""Where the real files in the formats teachers use are (``shared/formats/``): public projects'
files under their own licences, used from there and never copied into the repository.

The folder sits beside the checkout (``../shared/formats``); a clone elsewhere (CI) finds it
through ``$FEA_FORMATS_DIR``, a ``shared/formats`` beside any parent folder, or the
workplace's ``/work/shared/formats``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def formats_dir() -> Path:
    """The first folder of the candidates holding the files' README (else the first)."""
    candidates = [Path(os.environ["FEA_FORMATS_DIR"])] if os.environ.get("FEA_FORMATS_DIR") else []
    candidates += [parent / "shared" / "formats" for parent in ROOT.parents]
    candidates.append(Path("/work/shared/formats"))
    return next((c for c in candidates if (c / "README.md").is_file()), candidates[0])


FORMATS = formats_dir()
