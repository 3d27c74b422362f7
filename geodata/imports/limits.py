"""How much one import may take: bytes and rows, from the settings (``FEA_IMPORT_MAX_BYTES``,
``FEA_IMPORT_MAX_ROWS``). Every expensive thing has a limit; past it the whole file is refused
with a message that says which limit and how to raise it."""

from __future__ import annotations

from dataclasses import dataclass

from geodata.settings import setting


class ImportFailed(ValueError):
    """The whole file is refused (too big, unreadable, unknown format, ``--strict``).

    ``report`` holds the report so far (a dict, or ``None`` when the file could not be read).
    """

    def __init__(self, message: str, report: dict | None = None):
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class ImportLimits:
    """The largest file and the most rows (lines, features, slides) one import reads.

    Examples
    --------
    >>> ImportLimits(max_bytes=100).max_bytes
    100
    >>> ImportLimits.from_settings({"FEA_IMPORT_MAX_ROWS": "10"}).max_rows
    10
    """

    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 50_000

    @classmethod
    def from_settings(cls, env=None) -> ImportLimits:
        """The limits the settings give (the defaults: 10 MB and 50,000 rows)."""
        return cls(
            int(setting("FEA_IMPORT_MAX_BYTES", env)), int(setting("FEA_IMPORT_MAX_ROWS", env))
        )

    def check_bytes(self, size: int, file: str) -> None:
        """Refuse a file larger than ``max_bytes``."""
        if size > self.max_bytes:
            raise ImportFailed(
                f"{file}: the file has {size:,} bytes, more than the {self.max_bytes:,} an "
                "import takes (FEA_IMPORT_MAX_BYTES); split it into smaller files"
            )

    def check_rows(self, count: int, file: str, what: str = "rows") -> None:
        """Refuse a file with more than ``max_rows`` rows."""
        if count > self.max_rows:
            raise ImportFailed(
                f"{file}: the file has more than {self.max_rows:,} {what}, the most an import "
                "takes (FEA_IMPORT_MAX_ROWS); split it into smaller files"
            )
