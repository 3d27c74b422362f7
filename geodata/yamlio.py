"""YAML reading that remembers where each mapping stood, so errors can name the line."""

from __future__ import annotations

from pathlib import Path

import yaml


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


def load_yaml(path: Path) -> object:
    """Load one YAML file; mappings come back as :class:`LineDict`.

    Raises
    ------
    YamlError
        Naming the file and line when the text is not valid YAML.
    """
    text = Path(path).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"{where}: not valid YAML: {problem}") from None
