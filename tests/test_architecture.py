"""Data flows one way: geodata never imports the app."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("dash", "components", "app", "flask")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_geodata_never_imports_dash_or_components():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "geodata").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert not offenders, offenders
