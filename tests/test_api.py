"""The library API: lint_text, lint_paths, lint_bytes."""

from pathlib import Path

from statement_lint import Diagnostic, Settings, lint_bytes, lint_paths, lint_text

SEED = Path(__file__).parent / "fixtures" / "statements" / "pc-del-80-21-rev1.txt"


def test_lint_text():
    [diagnostic] = lint_text(SEED.read_text(encoding="utf-8"), path="seed.txt")
    assert isinstance(diagnostic, Diagnostic)
    assert (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code) == (
        "seed.txt",
        65,
        1,
        "ALN002",
    )
    assert (diagnostic.end_line, diagnostic.end_column) == (65, 8)
    assert diagnostic.severity == "error"
    assert "ALBANIA" in diagnostic.message


def test_lint_text_with_settings():
    assert lint_text(SEED.read_text(encoding="utf-8"), settings=Settings(ignore=("ALN",))) == []


def test_lint_paths(tmp_path):
    (tmp_path / "one.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "two.txt").write_bytes(b"")
    found = lint_paths([str(tmp_path)])
    assert [(Path(d.path).name, d.code) for d in found] == [
        ("one.txt", "ALN002"),
        ("two.txt", "DOC002"),
    ]


def test_lint_bytes():
    assert [d.code for d in lint_bytes(b"\x00\x00")] == ["DOC001"]
