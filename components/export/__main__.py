"""``python -m components.export ...``: the same as ``python app.py export ...``."""

import sys

from components.export.cli import main

sys.exit(main())
