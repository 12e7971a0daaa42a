"""`regex` gives what `re.compile` gives, compiling only when first used, and from the kept
code when this Python compiled the expression before."""

from __future__ import annotations

import copy
import importlib
import marshal
import os
import pickle
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import statement_lint
from statement_lint import regex as regex_module
from statement_lint.regex import LazyPattern, compile_kept, regex

TEXT = "ENGLISH only\nPC.DEL/80/21/Rev.1\n22 February 2021"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A store of compiled code of the test's own, empty, and nothing read or compiled yet."""
    path = tmp_path / "__pycache__" / "regex.marshal"
    monkeypatch.setattr(regex_module, "STORE", str(path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    regex_module.forget()
    yield path
    regex_module.forget()


def test_nothing_is_compiled_before_use(store, monkeypatch):
    compiled = []
    real = regex_module.compile_kept
    monkeypatch.setattr(regex_module, "compile_kept", lambda *a: compiled.append(a) or real(*a))
    pattern = regex(r"(?P<body>PC)\.DEL", re.IGNORECASE)
    assert pattern.pattern == r"(?P<body>PC)\.DEL"
    assert compiled == []
    assert pattern.search(TEXT).group("body") == "PC"
    pattern.search(TEXT)
    pattern.finditer(TEXT)
    assert compiled == [(r"(?P<body>PC)\.DEL", re.IGNORECASE)]  # once, for all its methods


@pytest.mark.parametrize(
    "source, flags", [(r"\d+", 0), (r"^\w+", re.MULTILINE), (r"rev\.(\d)", re.IGNORECASE)]
)
def test_the_same_answers_as_a_compiled_pattern(source, flags):
    lazy, compiled = regex(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("#", TEXT) == compiled.sub("#", TEXT)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert lazy.groups == compiled.groups


def test_pickled_it_stays_lazy_and_works():
    again = pickle.loads(pickle.dumps(regex(r"Rev\.\d")))
    assert isinstance(again, LazyPattern) and "search" not in vars(again)
    assert again.search(TEXT).group() == "Rev.1"


def test_copies_stay_lazy_and_attributes_are_the_compiled_pattern_s():
    pattern = regex(r"rev\.(\d)", re.IGNORECASE)
    for copied in (copy.copy(pattern), copy.deepcopy(pattern)):
        assert isinstance(copied, LazyPattern) and copied.pattern == pattern.pattern
    assert pattern.flags == re.compile(r"rev\.(\d)", re.IGNORECASE).flags


def test_a_bad_pattern_fails_on_first_use():
    pattern = regex("(unclosed")
    with pytest.raises(re.error):
        pattern.search(TEXT)


def _package_patterns() -> list[LazyPattern]:
    """Every expression the package's modules hold at import (the web app's aside, which
    needs its extras)."""
    found = {}
    for module in pkgutil.walk_packages(statement_lint.__path__, "statement_lint."):
        if module.name.startswith("statement_lint.web") or module.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, LazyPattern):
                found[(value.pattern, value._flags)] = value
    return list(found.values())


def test_every_expression_of_the_package_is_built_from_kept_code_as_re_compiles_it(
    store, monkeypatch
):
    patterns = _package_patterns()
    assert len(patterns) > 50
    fresh = [compile_kept(p.pattern, p._flags) for p in patterns]
    regex_module.save()
    regex_module.forget()
    # From the store now: none is compiled afresh.
    monkeypatch.setattr(regex_module, "_entry", lambda *a: pytest.fail(f"compiled {a[0]!r}"))
    for pattern, first in zip(patterns, fresh, strict=True):
        kept = compile_kept(pattern.pattern, pattern._flags)
        wanted = re.compile(pattern.pattern, pattern._flags)
        # Patterns are equal when their source, flags and engine code are.
        assert kept == wanted == first, pattern.pattern
        assert (kept.groups, kept.groupindex) == (wanted.groups, wanted.groupindex)


def test_every_expression_a_parse_builds_from_the_profile_is_kept_as_re_compiles_it(
    store, tmp_path
):
    """The parser's expressions made from the profile (header tokens, dates, markers, the
    alignment paragraph's phrases), as the statements of every layout use them: parsed in a
    process of its own, where nothing is compiled yet, which keeps them at its end."""
    statements = sorted(str(p) for p in (Path(__file__).parent / "fixtures").rglob("*.txt"))
    script = (
        "import sys\n"
        "from statement_lint.parse import default_parser\n"
        "parser = default_parser()\n"
        "for path in sys.argv[1:]:\n"
        "    parser.parse(open(path, encoding='utf-8', errors='replace').read())\n"
    )
    done = _python(script, tmp_path, *statements)
    assert done.returncode == 0, done.stderr
    (kept,) = (tmp_path / "statement-lint").iterdir()
    _key, entries = marshal.loads(kept.read_bytes())
    assert len(statements) > 50 and len(entries) > 40
    store.parent.mkdir()
    store.write_bytes(kept.read_bytes())
    for source, flags in entries:
        assert compile_kept(source, flags) == re.compile(source, flags), source


def test_the_kept_code_answers_as_a_compiled_pattern(store):
    source = r"(?P<symbol>[A-Z]{2,4}\.[A-Z]{2,4}/\d+/\d\d)(?:/Rev\.(?P<rev>\d))?|(?i:only)"
    compile_kept(source, re.MULTILINE)
    regex_module.save()
    regex_module.forget()
    kept, wanted = compile_kept(source, re.MULTILINE), re.compile(source, re.MULTILINE)
    assert (
        [m.groupdict() for m in kept.finditer(TEXT)]
        == [m.groupdict() for m in wanted.finditer(TEXT)]
        == [{"symbol": None, "rev": None}, {"symbol": "PC.DEL/80/21", "rev": "1"}]
    )


def test_a_store_is_merged_with_what_another_process_kept(store):
    compile_kept(r"first")
    regex_module.save()
    regex_module.forget()
    compile_kept(r"second")
    regex_module.save()
    _key, entries = marshal.loads(store.read_bytes())
    assert set(entries) == {("first", 0), ("second", 0)}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff not marshal data",
        marshal.dumps(("another python", {})),
        marshal.dumps((regex_module._KEY, [1, 2])),
        marshal.dumps(42),
    ],
    ids=["empty", "damaged", "another Python's", "not a mapping", "not a pair"],
)
def test_a_store_that_is_not_ours_is_ignored_and_written_again(store, content):
    store.parent.mkdir()
    store.write_bytes(content)
    assert compile_kept(r"Rev\.(\d)").search(TEXT).group(1) == "1"
    regex_module.save()
    key, entries = marshal.loads(store.read_bytes())
    assert key == regex_module._KEY and list(entries) == [(r"Rev\.(\d)", 0)]


def test_code_the_engine_refuses_is_compiled_afresh(store):
    flags, code, groups, groupindex, indexgroup = regex_module._entry(r"Rev\.(\d)", 0)
    broken = (flags, [99999, *code], groups, groupindex, indexgroup)
    store.parent.mkdir()
    store.write_bytes(marshal.dumps((regex_module._KEY, {(r"Rev\.(\d)", 0): broken})))
    assert compile_kept(r"Rev\.(\d)") == re.compile(r"Rev\.(\d)")


def test_nothing_is_written_without_bytecode_or_where_the_folder_is_read_only(
    store, monkeypatch, tmp_path
):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compile_kept(r"\d+")
    regex_module.save()
    assert not store.exists()
    regex_module.forget()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setattr(regex_module, "STORE", str(blocked / "regex.marshal"))
    compile_kept(r"\d+")
    regex_module.save()  # no error: compiled afresh next time
    assert blocked.read_text() == "" and list(tmp_path.iterdir()) == [blocked]


def test_a_run_keeps_the_code_when_it_ends(tmp_path):
    """End to end, in a process of its own: the store is written at exit and read by the next
    process, which then compiles none of the package's expressions afresh."""
    script = (
        "import sys\n"
        "from statement_lint import regex as r\n"
        "if sys.argv[1] == 'check':\n"
        "    r._entry = lambda *a: sys.exit(f'compiled {a[0]!r}')\n"
        "from statement_lint.parse import default_parser\n"
        "default_parser().parse('PC.DEL/80/21\\n22 February 2021\\nENGLISH only\\n\\nText.')\n"
    )
    for step in ("write", "check"):
        done = _python(script, tmp_path, step)
        assert done.returncode == 0 and done.stderr == "", done.stderr
    assert [p.name.startswith("regex-") for p in (tmp_path / "statement-lint").iterdir()] == [True]


def test_the_store_is_in_the_user_s_cache_folder_not_the_package_s(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert Path(regex_module._store()).parent == tmp_path / "cache" / "statement-lint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert Path(regex_module._store()).parent == tmp_path / "home" / ".cache" / "statement-lint"
    # One file for each Python: another version's is never read, nor overwritten.
    assert f"{sys.hexversion:x}" in Path(regex_module._store()).name
    # No home folder (a container's user): nothing kept, and no `~` folder where the run is.
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    assert regex_module._store() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as XDG says
    assert regex_module._store() is None
    monkeypatch.undo()
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert Path(regex_module._store()).parent == tmp_path / "home" / ".cache" / "statement-lint"


def test_without_a_store_nothing_is_written_and_patterns_still_compile(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(regex_module, "STORE", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    regex_module.forget()
    assert compile_kept(r"Rev\.(\d)") == re.compile(r"Rev\.(\d)")
    regex_module.save()
    regex_module.forget()
    assert list(tmp_path.iterdir()) == []


def _python(script: str, cache: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`script` run by a Python of its own that keeps compiled code, under the cache folder
    `cache`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache)
    command = [sys.executable, "-c", script, *arguments]
    return subprocess.run(command, capture_output=True, text=True, env=env)
