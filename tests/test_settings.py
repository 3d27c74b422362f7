"""Settings: every one declared in ``geodata/settings.py``, documented in the README, read
through :func:`geodata.settings.setting` and never through ``os.environ`` in the app's code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from geodata.settings import SETTINGS, setting

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
NAMES = {s.name for s in SETTINGS}
#: The production code: what the app and the pipeline run (tests/ and benchmarks/ may read
#: the environment themselves).
PRODUCTION = sorted([ROOT / "app.py", *(ROOT / "geodata").rglob("*.py"),
                     *(ROOT / "components").rglob("*.py")])  # fmt: skip
SETTINGS_MODULE = ROOT / "geodata" / "settings.py"
ENV_NAME = re.compile(r"FEA_[A-Z0-9_]+")


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _settings_section() -> str:
    match = re.search(r"^## Settings\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, "README.md has no '## Settings' section"
    return match.group(1)


def _names_read(path: Path) -> set[str]:
    """The ``FEA_*`` names a module reads: string constants that are a whole variable name
    (``setting("FEA_X")``, ``FOO_ENV = "FEA_X"``, ``environ["FEA_X"]``) and every constant
    argument of ``setting(...)``."""
    names = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if ENV_NAME.fullmatch(node.value):
                names.add(node.value)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setting":
            if node.args and isinstance(node.args[0], ast.Constant):
                names.add(node.args[0].value)
    return names


def _environ_reads(path: Path) -> list[int]:
    """The lines where a module touches the environment directly: ``os.environ``,
    ``os.getenv``, ``os.putenv`` or ``from os import environ/getenv``."""
    found = []
    for node in ast.walk(_tree(path)):
        hit = (isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "putenv",
                                                                "environb", "getenvb"}) or (
            isinstance(node, ast.ImportFrom) and node.module == "os"
            and any(a.name in {"environ", "getenv", "environb", "getenvb"} for a in node.names)
        )  # fmt: skip
        if hit:
            found.append(node.lineno)
    return found


def test_settings_are_unique_and_described():
    assert len(NAMES) == len(SETTINGS)
    for s in SETTINGS:
        assert s.meaning.strip(), s.name
        assert s.default is None or isinstance(s.default, str), s.name


@pytest.mark.parametrize("name", [s.name for s in SETTINGS])
def test_every_setting_is_in_the_readme_table(name):
    assert re.search(rf"^\| `{name}` \|", _settings_section(), re.M), (
        f"{name} is declared in geodata/settings.py but not a row of README.md's Settings table"
    )


def test_the_readme_names_no_undeclared_setting():
    # names the JavaScript defines (window.FEA_EXPORT and the like) are not settings
    js = {n for p in [*ROOT.glob("assets/*.js"), *ROOT.glob("components/**/js/*.js")]
          for n in ENV_NAME.findall(p.read_text(encoding="utf-8"))}  # fmt: skip
    unknown = set(ENV_NAME.findall(README)) - NAMES - js
    assert not unknown, f"README.md names settings the code does not declare: {sorted(unknown)}"


def test_every_setting_read_is_declared():
    read = {name: path for path in PRODUCTION for name in _names_read(path)}
    unknown = {n: str(p.relative_to(ROOT)) for n, p in read.items() if n not in NAMES}
    assert not unknown, f"settings read but not declared in geodata/settings.py: {unknown}"


def test_only_the_settings_module_reads_the_environment():
    reads = [f"{path.relative_to(ROOT)}:{line}" for path in PRODUCTION
             if path != SETTINGS_MODULE for line in _environ_reads(path)]  # fmt: skip
    assert not reads, f"read the environment through geodata.settings.setting(): {reads}"


def test_the_scans_see_what_they_look_for(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        'import os\nfrom os import getenv\n"""os.environ in a docstring"""\n'
        'X = os.environ.get("FEA_NOPE")\nY = setting("BROWSER_PATH")\n'
        'Z = f"FEA_EXPORT.load({X})"\n'
    )
    assert _names_read(probe) == {"FEA_NOPE", "BROWSER_PATH"}
    assert _environ_reads(probe) == [2, 4]
    assert _environ_reads(SETTINGS_MODULE), "the scan must see the settings module's own read"


def test_setting_reads_the_given_environment_then_the_default():
    assert setting("FEA_CELERY_BROKER", {"FEA_CELERY_BROKER": "redis://r/0"}) == "redis://r/0"
    assert setting("FEA_CELERY_BROKER", {"FEA_CELERY_BROKER": ""}) is None
    assert Path(setting("FEA_LAYERS_DIR", {})) == ROOT / "geodata" / "layers"


def test_setting_reads_the_process_environment(monkeypatch):
    monkeypatch.setenv("FEA_EXPORT_VERBOSE", "1")
    assert setting("FEA_EXPORT_VERBOSE") == "1"
    monkeypatch.delenv("FEA_EXPORT_VERBOSE")
    assert setting("FEA_EXPORT_VERBOSE") is None


def test_an_unknown_setting_is_named_with_the_known_ones():
    with pytest.raises(KeyError, match="unknown setting 'FEA_BASEMAP_DIR'.*FEA_CACHE_DIR"):
        setting("FEA_BASEMAP_DIR")
