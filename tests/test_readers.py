"""Reading files: encodings, line ends, binary and unreadable input."""

import codecs
import os

import pytest

from statement_lint.readers import Limits, read_bytes, read_path

TEXT = "PC.DEL/1/21\r\n22 February 2021\rENGLISH only\n\u2019"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"],
)
def test_encodings_and_line_ends(data):
    document = read_bytes(data, "x.txt")
    assert document.error is None
    assert document.text == "PC.DEL/1/21\n22 February 2021\nENGLISH only\n\u2019"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (TEXT.encode("utf-16-le"), "is binary: it contains NUL bytes"),
        (
            b"%PDF-1.7\n",
            "is not text: it is a PDF file: give it the .pdf suffix to lint it as one",
        ),
        (b"line\nline \x92 two", "is not valid UTF-8 (byte 0x92 on line 2)"),
        (codecs.BOM_UTF8 + b"\xc3(", "is not valid UTF-8 despite its byte-order mark"),
    ],
)
def test_undecodable_input(data, reason):
    document = read_bytes(data, "x.txt")
    assert document.text is None
    assert document.error.startswith(reason)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2_000_000)
    limits = Limits(text_mb=1)
    assert read_path(str(path), limits=limits).error == (
        "is 1.9 MB, over the 1.0 MB limit for a text statement"
    )


def test_io_error_is_reported_not_raised(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("x", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert read_path(str(path)).error == "cannot be read: permission denied"


def test_directory_is_reported(tmp_path):
    assert read_path(str(tmp_path)).error == "is a directory, not a file"


def test_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    from statement_lint.run.discover import discover

    (tmp_path / "closed").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def listdir(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(discover([str(tmp_path)]))
    assert found == [str(tmp_path / "closed"), str(tmp_path / "open" / "a.txt")]
    monkeypatch.setattr(os, "listdir", listdir)
    assert read_path(found[0]).error == "is a folder that cannot be read: permission denied"
