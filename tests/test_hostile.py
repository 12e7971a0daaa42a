"""Hostile input: every file gets its one diagnostic, the run goes on, nothing on disk changes."""

import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from documents import (
    deflate_bomb_pdf,
    docx_parts,
    encrypted_pdf,
    nest_body,
    nested_pdf,
    statement_from_top_layout,
    with_headers,
    write_docx,
    write_image_only_pdf,
    write_pdf,
)
from statement_lint.cli import main
from statement_lint.readers.docx import MAX_MEMBERS

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = statement_from_top_layout("layouts/top.txt")
LIMITS = "[limits]\nseconds = 5\nmemory-mb = 256\ndocument-mb = 5\n"

XXE = """<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://{sentinel}">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXPECTED = [
    ("binary.txt", "DOC001", "the file is binary: it contains NUL bytes"),
    ("bomb.docx", "DOC001", "the file has a part (word/document.xml) of 20.0 MB once inflated, "
     "over the 5.0 MB limit (a zip bomb?)"),
    ("bomb.pdf", "DOC001", None),  # out of memory or out of time: either is a DOC001
    ("deep.docx", None, None),  # 100,000 levels of content controls
    ("encrypted.pdf", "DOC001", "the file is encrypted (password-protected): save an unprotected "
     "copy to lint it"),
    ("encrypted-word.docx", "DOC001", "the file is encrypted (password-protected) or an old "
     "binary .doc; save it as an unprotected .docx"),
    ("good.docx", None, None),
    ("good.pdf", None, None),
    ("good.txt", None, None),
    ("headers.docx", "DOC001", "the file has parts that inflate past the 5.0 MB limit in all "
     "(a zip bomb?)"),  # ten headers of 0.9 MB each
    ("huge.txt", "DOC001", "the file is 100.0 MB, over the 16.0 MB limit for a text statement"),
    ("laughs.docx", "DOC001", "the file has unsafe XML in word/document.xml (DTDForbidden: DTDs, "
     "entities and external references are refused)"),
    ("latin1.txt", "DOC001", "the file is not valid UTF-8 (byte 0xe9 on line 1); re-save it as "
     "UTF-8"),
    ("liar.docx", "DOC001", "the file is corrupt: word/document.xml cannot be inflated"),
    ("loop.txt", "DOC001", "the file cannot be read: too many levels of symbolic links"),
    ("members.docx", "DOC001", f"the file has more than {MAX_MEMBERS} ZIP members, over the "
     "limit for a Word file (a zip bomb?)"),
    ("nested.pdf", "DOC004", None),  # a valid PDF: its only text is "deep", no statement header
    ("no-document.docx", "DOC001", "the file is not a Word document: word/document.xml is "
     "missing"),
    ("not-a-zip.docx", "DOC001", "the file is not a valid Word file (not a ZIP archive, or "
     "truncated)"),
    ("nul.txt", "DOC001", "the file is binary: it contains NUL bytes"),
    ("scanned.pdf", "DOC002", "the PDF has no extractable text: a scanned image? run OCR first"),
    ("seed.txt", "ALN002", "ALBANIA is named in the footnote"),
    ("text-box.docx", None, None),  # the header in a text box, and its VML copy
    ("text.pdf", "DOC001", "the file is not a PDF: it has no PDF header (it looks like text)"),
    ("truncated.pdf", "DOC001", "the file is not a valid PDF (corrupt or truncated)"),
    ("xxe.docx", "DOC001", "the file has unsafe XML in word/document.xml (DTDForbidden: DTDs, "
     "entities and external references are refused)"),
]  # fmt: skip


def _bomb_docx(path: Path) -> None:
    parts = docx_parts(CLEAN)
    parts["word/document.xml"] = parts["word/document.xml"] + " " * (20 * 1024 * 1024)
    write_docx(parts, path)


def _liar_docx(path: Path) -> None:
    """A part whose declared size is smaller than what it inflates to."""
    write_docx(docx_parts(CLEAN), path)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    lie = (100).to_bytes(4, "little")
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name.decode()).header_offset
    data[local + 22 : local + 26] = lie  # uncompressed size in the local header
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = lie  # and in the central directory
    path.write_bytes(bytes(data))


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "statement-lint.toml").write_text(LIMITS, encoding="utf-8")
    shutil.copy(FIXTURES / "statements" / "pc-del-80-21-rev1.txt", folder / "seed.txt")
    (folder / "good.txt").write_text(CLEAN.text(), encoding="utf-8")
    write_pdf(CLEAN, folder / "good.pdf")
    write_docx(docx_parts(CLEAN), folder / "good.docx")
    good_pdf = (folder / "good.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    write_image_only_pdf(folder / "scanned.pdf")
    (folder / "bomb.pdf").write_bytes(deflate_bomb_pdf(600))
    (folder / "nested.pdf").write_bytes(nested_pdf(100_000))
    (folder / "text.pdf").write_text("PC.DEL/1/21\nthis is text\n", encoding="utf-8")
    _bomb_docx(folder / "bomb.docx")
    _liar_docx(folder / "liar.docx")
    write_docx(with_headers(docx_parts(CLEAN), 10, 900_000), folder / "headers.docx")
    write_docx(nest_body(docx_parts(CLEAN), 100_000, "sdt"), folder / "deep.docx")
    write_docx(docx_parts(CLEAN, header_in_text_box=True), folder / "text-box.docx")
    members = docx_parts(CLEAN)
    members.update({f"word/media/{number}.png": "" for number in range(MAX_MEMBERS)})
    write_docx(members, folder / "members.docx")
    sentinel = tmp_path / "secret.txt"
    sentinel.write_text("TOP-SECRET-SENTINEL", encoding="utf-8")
    parts = docx_parts(CLEAN)
    parts["word/document.xml"] = XXE.format(sentinel=sentinel)
    write_docx(parts, folder / "xxe.docx")
    parts["word/document.xml"] = LAUGHS
    write_docx(parts, folder / "laughs.docx")
    parts.pop("word/document.xml")
    write_docx(parts, folder / "no-document.docx")
    (folder / "not-a-zip.docx").write_bytes(b"PK\x03\x04 and then nothing of a zip")
    (folder / "encrypted-word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (folder / "binary.txt").write_bytes(os.urandom(256) + b"\0")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    (folder / "nul.txt").write_bytes(b"PC.DEL/1/21\n\0\0\0\n")
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (folder / "dir.txt").mkdir()  # a directory with a statement's name: walked, not read
    os.symlink("loop.txt", folder / "loop.txt")
    monkeypatch.chdir(folder)
    return folder, sentinel


def _snapshot(folder: Path) -> dict[str, tuple]:
    state = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or path.is_dir():
            state[str(path)] = ("link" if path.is_symlink() else "dir",)
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[str(path)] = (digest, path.stat().st_mtime_ns, path.stat().st_mode)
    return state


def test_hostile_archive(hostile, capsys):
    folder, _ = hostile
    before = _snapshot(folder)
    cache = str(folder.parent / "cache")  # the cache may write; the archive must not change
    status = main(["--output-format", "json", "-q", "--cache-dir", cache, "."], stdin=io.StringIO())
    out = capsys.readouterr().out
    assert status == 1
    report = json.loads(out)
    by_file: dict[str, list[dict]] = {}
    for diagnostic in report["diagnostics"]:
        by_file.setdefault(diagnostic["path"], []).append(diagnostic)
    assert report["summary"]["files"] == len(EXPECTED)
    for name, code, message in EXPECTED:
        found = by_file.get(name, [])
        if code is None:
            assert found == [], name
            continue
        assert found[0]["code"] == code, (name, found)
        if code.startswith("DOC"):
            assert len(found) == 1, (name, found)
        if message:
            assert found[0]["message"].startswith(message), (name, found[0]["message"])
    assert "TOP-SECRET-SENTINEL" not in out
    assert _snapshot(folder) == before


def test_bomb_pdf_is_stopped_by_a_limit(hostile, capsys):
    status = main(["-q", "bomb.pdf"], stdin=io.StringIO())
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("bomb.pdf:1:1: DOC001 the file ")
    assert (
        ("took longer than 5 s" in out)
        or ("made the PDF reader fail" in out)
        or ("needs more memory" in out)
    )


def test_timeout_message(hostile, capsys):
    (hostile[0] / "statement-lint.toml").write_text("[limits]\nseconds = 0.001\n", encoding="utf-8")
    main(["-q", "good.pdf", "good.txt"], stdin=io.StringIO())
    out = capsys.readouterr().out
    assert (
        out
        == "good.pdf:1:1: DOC001 the file took longer than 0.001 s to extract, and was stopped\n"
    )


def test_page_limit(hostile, capsys):
    (hostile[0] / "statement-lint.toml").write_text("[limits]\npages = 1\n", encoding="utf-8")
    long = CLEAN.__class__(CLEAN.header, CLEAN.disclaimer, tuple(CLEAN.body) * 12, CLEAN.closing)
    write_pdf(long, hostile[0] / "long.pdf")
    main(["-q", "long.pdf"], stdin=io.StringIO())
    assert capsys.readouterr().out == (
        "long.pdf:1:1: DOC001 the file has 3 pages, over the limit of 1\n"
    )


def test_directory_with_a_statement_name_is_walked(hostile, capsys):
    shutil.copy(FIXTURES / "statements" / "pc-del-80-21-rev1.txt", hostile[0] / "dir.txt" / "in.md")
    main(["-q", "dir.txt"], stdin=io.StringIO())
    assert capsys.readouterr().out.startswith("dir.txt/in.md:65:1: ALN002 ")
