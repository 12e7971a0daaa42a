"""Discovery streams the files folder by folder, in the order of their displayed paths: the
same order a sort of all of them gives, without holding all of them."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statement_lint.run.discover import discover, display_path


def make(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_files_come_in_the_order_of_their_paths(tmp_path, monkeypatch):
    # `a/` sorts after `a.txt` and `a-b.txt` (`/` is after `.` and `-`) and before `a0.txt`.
    make(tmp_path, "a0.txt", "a/z.txt", "a.txt", "a-b.txt", "a/b/c.txt", "B.txt", "a/b.txt")
    monkeypatch.chdir(tmp_path)
    found = [display_path(path) for path in discover(["."])]
    assert found == sorted(found)
    assert found == ["B.txt", "a-b.txt", "a.txt", "a/b.txt", "a/b/c.txt", "a/z.txt", "a0.txt"]


def test_overlapping_paths_give_each_file_once_in_order(tmp_path, monkeypatch):
    make(tmp_path, "x/1.txt", "x/y/2.txt", "x-3.txt", "z.txt")
    monkeypatch.chdir(tmp_path)
    found = [display_path(p) for p in discover(["z.txt", "x/y", "x", "./x/1.txt", "x-3.txt"])]
    assert found == ["x-3.txt", "x/1.txt", "x/y/2.txt", "z.txt"]


def test_a_folder_is_listed_only_when_the_run_reaches_it(tmp_path, monkeypatch):
    make(tmp_path, "one/a.txt", "two/b.txt", "three/c.txt")
    listed = []
    real_scandir = os.scandir

    def scandir(path):
        listed.append(os.path.basename(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = discover([str(tmp_path)])
    assert next(files) == str(tmp_path / "one" / "a.txt")
    assert listed == [tmp_path.name, "one"]
    assert [os.path.basename(path) for path in files] == ["c.txt", "b.txt"]
    assert listed == [tmp_path.name, "one", "three", "two"]


SEGMENTS = ["a", "b c", "..", ".", "..x", "x..", "statement.txt", "", "é"]


@settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.booleans(),
    st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=5),
    st.sampled_from(["", "a", "a/b c", "..x"]),
)
def test_display_path_is_the_relative_path_when_inside(tmp_path_factory, absolute, parts, cwd):
    # The folder's relative path is remembered: the result must be what relpath gives, from
    # whatever working directory.
    base = tmp_path_factory.getbasetemp() / "display"
    (base / cwd).mkdir(parents=True, exist_ok=True)
    path = os.path.join(str(base) if absolute else "", *parts)
    previous = os.getcwd()
    os.chdir(base / cwd)
    try:
        if not path:
            return
        expected = os.path.normpath(path)
        if os.path.isabs(path) or path.startswith(".."):
            relative = os.path.relpath(path)
            expected = path if relative.startswith("..") else relative
        assert display_path(path) == expected
    finally:
        os.chdir(previous)
