"""YAML reading that remembers where each mapping stood, so errors can name the line."""

from __future__ import annotations

from pathlib import Path

import yaml

#: The project's folder: errors name files relative to it.
PROJECT = Path(__file__).resolve().parent.parent


class LineDict(dict):
    """A mapping from YAML that knows its 1-based line in the file (``.line``)."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader whose mappings are :class:`LineDict`."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    yield mapping
    mapping.update(loader.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class YamlError(ValueError):
    """A file that is not valid YAML, with the file and line."""


def shown_path(path: Path | str) -> str:
    """``path`` as an error shows it: relative to the project (or the working folder) when
    inside it, else as given.

    >>> shown_path(PROJECT / "geodata" / "sources" / "x.yaml")
    'geodata/sources/x.yaml'
    """
    path = Path(path)
    for base in (PROJECT, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return str(path)


def _yaml_problem(where: str, exc: yaml.YAMLError) -> str:
    """One line: the file, the line of the break and what was wrong.

    A scanner error ("while scanning a simple key") and an unclosed flow collection ("[",
    "{") are noticed lines later; their context mark is where the broken token starts, the
    line to fix. Another parser error's context is the enclosing block: the problem mark is
    kept and the block named.
    """
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    if mark is None:
        return f"{where}: not valid YAML: {problem}"
    line, note = mark.line + 1, ""
    starts_there = isinstance(exc, yaml.scanner.ScannerError) or "flow" in (exc.context or "")
    if context is not None and starts_there:
        line, note = context.line + 1, f" ({exc.context}; noticed at line {mark.line + 1})"
    elif context is not None and getattr(exc, "context", None):
        note = f" ({exc.context} from line {context.line + 1})"
    return f"{where}:{line}: not valid YAML: {problem}{note}"


def load_yaml(path: Path) -> object:
    """Load one YAML file; mappings come back as :class:`LineDict`.

    Raises
    ------
    YamlError
        Naming the file (relative to the project) and line when the file is not UTF-8 text
        or not valid YAML.
    """
    where = shown_path(path)
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise YamlError(f"{where}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                        "save the file as UTF-8") from None  # fmt: skip
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise YamlError(_yaml_problem(where, exc)) from None
