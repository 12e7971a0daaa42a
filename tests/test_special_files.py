"""Only regular files are linted: a FIFO, a device or a socket that carries a statement's name
gets one DOC001, is never opened for long or read, and the run goes on."""

import io
import os
import shutil
import socket
from pathlib import Path

import pytest

from statement_lint.cli import main
from statement_lint.readers import Limits, read_path

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "layouts" / "top.txt", tmp_path / "good.txt")
    return tmp_path


def run(capsys, *arguments):
    status = main(["--isolated", "--no-cache", "-q", *arguments], stdin=io.StringIO())
    return status, capsys.readouterr().out


def test_a_fifo_a_device_and_a_socket_are_reported_and_skipped(workdir, capsys):
    os.mkfifo("pipe.txt")  # nobody writes to it: opening it to read would block forever
    os.symlink("/dev/zero", "zero.docx")  # endless: reading it would never stop
    os.symlink("/dev/null", "null.pdf")
    server = socket.socket(socket.AF_UNIX)
    server.bind("socket.md")
    try:
        status, out = run(capsys, ".")
    finally:
        server.close()
    assert status == 1
    assert out.splitlines() == [
        "null.pdf:1:1: DOC001 the file is a character device, not a regular file",
        "pipe.txt:1:1: DOC001 the file is a FIFO (named pipe), not a regular file",
        "socket.md:1:1: DOC001 the file is a socket, not a regular file",
        "zero.docx:1:1: DOC001 the file is a character device, not a regular file",
    ]


def test_a_fifo_named_on_the_command_line_does_not_block(workdir, capsys):
    os.mkfifo("pipe.txt")
    assert run(capsys, "pipe.txt", "good.txt") == (
        1,
        "pipe.txt:1:1: DOC001 the file is a FIFO (named pipe), not a regular file\n",
    )


def test_a_file_longer_than_its_size_says_is_read_only_up_to_the_limit(workdir, monkeypatch):
    """Files in /proc or on some network file systems say 0 and go on: the limit holds."""
    Path("long.txt").write_bytes(b"x" * 3 * 1024 * 1024)
    real_fstat = os.fstat

    def zero_size(descriptor):
        status = real_fstat(descriptor)
        return os.stat_result((*status[:6], 0, *status[7:]))

    monkeypatch.setattr(os, "fstat", zero_size)
    document = read_path("long.txt", limits=Limits(text_mb=1))
    assert document.error == "is over the 1.0 MB limit for a text statement"
