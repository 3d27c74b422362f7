"""Data flows one way: geodata never imports the app; the atlas model never imports the page
or the exports; the exports never import the page."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("dash", "components", "app", "flask")
#: The only module of the atlas model that builds Dash components, and what it may import.
VIEWS = ROOT / "components" / "atlas" / "views.py"
VIEWS_ALLOWED = {"dash.html"}


def _imports(path: Path):
    """Every module ``path`` imports, anywhere in it; ``from a import b`` yields ``a.b``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.relative_to(ROOT)}: relative import"
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_geodata_never_imports_dash_or_components():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "geodata").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert not offenders, offenders


def test_the_atlas_model_imports_neither_the_page_nor_the_exports_nor_dash():
    offenders = []
    for path in (ROOT / "components" / "atlas").rglob("*.py"):
        for name in _imports(path):
            if any(_within(name, p) for p in ("components.page", "components.export", "app")):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
            elif _within(name, "dash") or _within(name, "flask"):
                if not (path == VIEWS and name in VIEWS_ALLOWED):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, offenders


def test_the_exports_never_import_the_page():
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "components" / "export").rglob("*.py")
        for name in _imports(path)
        if _within(name, "components.page") or _within(name, "app")
    ]
    assert not offenders, offenders


def test_the_import_rules_see_what_they_forbid(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import dash\nfrom dash import Input, html\nfrom components.page.ids import Id\n"
        "def f():\n    from components.export import render\n",
        encoding="utf-8",
    )
    found = set(_imports(bad))
    assert found == {"dash", "dash.Input", "dash.html", "components.page.ids.Id",
                     "components.export.render"}  # fmt: skip
    assert not {"dash", "dash.Input"} <= VIEWS_ALLOWED
