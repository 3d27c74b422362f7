"""YAML errors name the file (relative to the project) and the line of the break."""

from pathlib import Path

import pytest

from geodata.yamlio import PROJECT, YamlError, load_yaml, shown_path

SOURCE = PROJECT / "geodata" / "sources" / "khasan_1938.yaml"


def records_text(n: int = 60) -> list[str]:
    """Route records as the sources write them: ``id``, ``via`` and three places each."""
    lines = ["# test routes", "routes:"]
    for i in range(n):
        lines += [f"  - id: r{i}", "    via:", *[f"      - Place {i}-{k}" for k in range(3)]]
    return lines


def _broken(tmp_path: Path, line: int, edit) -> Path:
    lines = records_text()
    assert lines[line - 1].startswith("      - Place ")
    lines[line - 1] = edit(lines[line - 1])
    path = tmp_path / "khasan_1938.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s.replace("- ", "- [", 1),  # an unclosed flow list, noticed 7 lines on
        lambda s: s.replace("- Place", "  oops: [x"),
        lambda s: "    just words",  # a key without ':', noticed at the next line
        lambda s: s.lstrip(),  # a list item out of its block
        lambda s: s + ": x: y",
        lambda s: "\t" + s,
    ],
)
def test_a_syntax_error_names_the_line_of_the_break(tmp_path, edit, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _broken(tmp_path, 252, edit)
    with pytest.raises(YamlError) as info:
        load_yaml(path)
    message = str(info.value)
    assert message.startswith("khasan_1938.yaml:252: not valid YAML: "), message
    assert "\n" not in message and str(tmp_path) not in message


def test_a_file_in_the_project_is_named_relative_to_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert shown_path(SOURCE) == "geodata/sources/khasan_1938.yaml"
    assert shown_path(tmp_path / "a" / "b.yaml") == "a/b.yaml"
    assert shown_path("/elsewhere/b.yaml") == "/elsewhere/b.yaml"


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "latin1.yaml"
    path.write_bytes("places:\n  - id: x\n    note: café\n".encode("latin-1"))
    with pytest.raises(YamlError, match=r"^latin1\.yaml:3: not UTF-8 text \(byte 0xe9\)"):
        load_yaml(path)
