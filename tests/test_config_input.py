"""Config input never gives a traceback nor hangs: unreadable, mis-encoded, misshapen or hostile
config files, bad limits and globs each get one line naming the file and the key, and exit 2.
Globs are matched in time linear in the path's length."""

import inspect
import io
import json
import os
import random
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import without_pointers
from statement_lint.cli import main
from statement_lint.config import files as configfile
from statement_lint.config.globs import _Automaton, compile_glob, exclusion_matcher
from statement_lint.config.settings import DEFAULT_EXCLUDE

SEED = Path(__file__).parent / "fixtures" / "statements" / "pc-del-80-21-rev1.txt"
ALN002 = (
    "seed.txt:65:1: ALN002 [*] ALBANIA is named in the footnote * (line 67) but has no * in the "
    "alignment paragraph: write ALBANIA*\n"
)
ADVICE = "a config file must be a readable UTF-8 TOML file"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository root (it has .git) holding seed.txt, as the working directory. A call that
    blocks (on a FIFO) or reads forever (/dev/zero) is interrupted, so that the test fails
    instead of hanging."""
    (tmp_path / ".git").mkdir()
    shutil.copy(SEED, tmp_path / "seed.txt")
    monkeypatch.chdir(tmp_path)

    def interrupt(signum, frame):
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(30)
    yield tmp_path
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def error_of(capsys, *arguments):
    """The one error line of a run that must exit 2."""
    status = main(list(arguments), stdin=io.StringIO())
    captured = capsys.readouterr()
    assert (status, captured.out) == (2, "")
    return without_pointers(captured.err)


def toml(text, name="statement-lint.toml"):
    Path(name).write_text(text, encoding="utf-8")


# Reading the file ------------------------------------------------------------------------------


def test_pyproject_tool_that_is_not_a_table(repo, capsys):
    toml('tool = "x"\n', "pyproject.toml")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'pyproject.toml'}: tool: must be a table, not a "
        "string; statement-lint reads its settings from [tool.statement-lint]\n"
    )
    toml("[tool]\nstatement-lint = 3\n", "pyproject.toml")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'pyproject.toml'}: tool.statement-lint: must be a "
        "table, not an integer; write the settings under [tool.statement-lint]\n"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'select = ["ALN"]  # caf\xe9\n', "is not UTF-8 (byte 0xe9 on line 1)"),
        (b"\n\n# \xff\n", "is not UTF-8 (byte 0xff on line 3)"),
        (
            'select = ["ALN"]\n'.encode("utf-16"),
            "is UTF-16 (it starts with a byte-order mark), not UTF-8",
        ),
        (
            'select = ["ALN"]\n'.encode("utf-32"),
            "is UTF-32 (it starts with a byte-order mark), not UTF-8",
        ),
    ],
)
def test_config_that_is_not_utf8(repo, capsys, data, problem):
    Path("statement-lint.toml").write_bytes(data)
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: {problem}; re-save it as UTF-8\n"
    )


def test_config_with_a_utf8_byte_order_mark_is_read(repo, capsys):
    Path("statement-lint.toml").write_bytes(b'\xef\xbb\xbfignore = ["ALN"]\n')
    assert main(["-q", "seed.txt"]) == 0
    assert capsys.readouterr() == ("", "")


def test_config_too_deeply_nested(repo, capsys):
    toml("select = " + "[" * 5000 + "]" * 5000 + "\n")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: invalid TOML: arrays or inline "
        "tables nested too deeply to read; settings nest two levels deep at most\n"
    )
    toml("x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n")
    assert "nested too deeply to read" in error_of(capsys, "seed.txt")


def test_a_long_bad_value_is_cut_short(repo, capsys):
    toml("select = " + "[" * 300 + "]" * 300 + "\n")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: select[0]: Input should be a "
        f"valid string (got {'[' * 57}...)\n"
    )


def test_config_over_the_size_bound(repo, capsys, monkeypatch):
    monkeypatch.setattr(configfile, "CONFIG_LIMIT", 1024 * 1024)
    toml("# padding\n" * 110_000)
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: is over the 1.0 MB limit for a "
        f"config file; {ADVICE}\n"
    )


@pytest.mark.parametrize("name", ["statement-lint.toml", "pyproject.toml"])
def test_a_fifo_bearing_a_config_name_is_an_error_not_a_block(repo, capsys, name):
    os.mkfifo(name)
    expected = (
        f"statement-lint: error: {repo / name}: is a FIFO (named pipe), not a regular file; "
        f"{ADVICE}\n"
    )
    assert error_of(capsys, "seed.txt") == expected
    assert error_of(capsys, "config", "--show", "seed.txt") == expected


def test_a_folder_or_broken_link_bearing_a_config_name(repo, capsys):
    os.mkdir("statement-lint.toml")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: is a directory, not a file; "
        f"{ADVICE}\n"
    )
    os.rmdir("statement-lint.toml")
    os.symlink("nowhere.toml", "pyproject.toml")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'pyproject.toml'}: cannot be read: no such file or "
        f"directory; {ADVICE}\n"
    )
    os.symlink("statement-lint.toml", "statement-lint.toml")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: cannot be read: too many levels "
        f"of symbolic links; {ADVICE}\n"
    )


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("folder", "is a directory, not a file"),
        ("fifo", "is a FIFO (named pipe), not a regular file"),
        ("/dev/zero", "is a character device, not a regular file"),
        ("missing.toml", "cannot be read: no such file or directory"),
        ("loop", "cannot be read: too many levels of symbolic links"),
    ],
)
def test_extend_and_config_pointing_at_what_is_not_a_config_file(repo, capsys, target, problem):
    os.mkdir("folder")
    os.mkfifo("fifo")
    os.symlink("loop", "loop")
    toml(f'extend = "{target}"\n')
    shown = target if target.startswith("/") else repo / target
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: extend: '{shown}' {problem}; "
        "point extend at a readable UTF-8 TOML file\n"
    )
    assert error_of(capsys, "--config", target, "seed.txt") == (
        f"statement-lint: error: --config {target}: {problem}; give --config a readable UTF-8 "
        "TOML file\n"
    )


def test_extend_in_pyproject_names_the_table_key(repo, capsys):
    os.mkfifo("fifo")
    toml('[tool.statement-lint]\nextend = "fifo"\n', "pyproject.toml")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'pyproject.toml'}: tool.statement-lint.extend: "
        f"'{repo / 'fifo'}' is a FIFO (named pipe), not a regular file; point "
        "tool.statement-lint.extend at a readable UTF-8 TOML file\n"
    )


def test_extend_itself(repo, capsys):
    toml('extend = "statement-lint.toml"\n')
    config = repo / "statement-lint.toml"
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {config}: extend makes a cycle: {config} -> {config}; remove "
        "one extend\n"
    )


def test_paths_with_a_nul_character(repo, capsys):
    toml('extend = "a\\u0000.toml"\n')
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: extend: a path cannot contain "
        "a NUL character (\\u0000); remove it\n"
    )
    toml('profile = "a\\u0000.json"\nregistry = "r\\u0000.json"\n')
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'} is not a valid configuration:\n"
        "  profile: a path cannot contain a NUL character (\\u0000); remove it\n"
        "  registry: a path cannot contain a NUL character (\\u0000); remove it\n"
    )


def test_a_long_extend_chain_is_read(repo, capsys):
    # Followed in a loop: a chain longer than Python's recursion limit is no crash.
    for number in range(1500):
        toml(f'extend = "c{number + 1}.toml"\n', f"c{number}.toml")
    toml('ignore = ["ALN"]\n', "c1500.toml")
    toml('extend = "c0.toml"\n')
    assert main(["-q", "seed.txt"]) == 0
    assert capsys.readouterr() == ("", "")


def test_config_found_for_a_file_deeper_than_the_recursion_limit(repo, capsys):
    # A tight recursion limit stands for thousands of folders (a tree that deep would be left
    # behind: pytest's clean-up, shutil.rmtree, recurses).
    toml('ignore = ["DSC"]\n')
    folder = "/".join(["d"] * 300)
    os.makedirs(folder)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 150)
    try:
        status = main(["config", "--show", f"{folder}/seed.txt"])
    finally:
        sys.setrecursionlimit(limit)
    assert status == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:5] == [
        f"# config file: {repo / 'statement-lint.toml'}",
        'select = ["ALL"]  # default',
        "extend-select = []  # default",
        f'ignore = ["DSC"]  # {repo / "statement-lint.toml"}',
    ]


# Limits ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "problem"),
    [
        ("text-mb = inf", "text-mb: Input should be a finite number (got Infinity)"),
        ("text-mb = nan", "text-mb: Input should be a finite number (got NaN)"),
        ("document-mb = -inf", "document-mb: Input should be a finite number (got -Infinity)"),
        ("text-mb = -1", "text-mb: Input should be greater than 0 (got -1)"),
        ("text-mb = 0", "text-mb: Input should be greater than 0 (got 0)"),
        ("text-mb = 1e300", "text-mb: Input should be less than or equal to 1024 (got 1e+300)"),
        (
            "document-mb = 2048",
            "document-mb: Input should be less than or equal to 1024 (got 2048)",
        ),
        (
            "pages = 100000000000000000000",
            "pages: Input should be less than or equal to 100000 (got 100000000000000000000)",
        ),
        ("seconds = 1e9", "seconds: Input should be less than or equal to 3600 (got 1000000000.0)"),
        ("seconds = nan", "seconds: Input should be a finite number (got NaN)"),
        ("memory-mb = 1", "memory-mb: Input should be greater than or equal to 64 (got 1)"),
        (
            "memory-mb = 9999999999999",
            "memory-mb: Input should be less than or equal to 65536 (got 9999999999999)",
        ),
    ],
)
def test_limits_out_of_range(repo, capsys, setting, problem):
    toml(f"[limits]\n{setting}\n")
    assert error_of(capsys, "seed.txt") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: limits.{problem}\n"
    )


def test_limits_at_their_bounds_are_taken(repo, capsys):
    toml("[limits]\ntext-mb = 1024\ndocument-mb = 0.5\npages = 100000\nseconds = 3600\n")
    assert main(["config", "--show", "seed.txt"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "limits = {text-mb = 1024, document-mb = 0.5, pages = 100000, seconds = 3600, "
        f"memory-mb = 512}}  # {repo / 'statement-lint.toml'}"
    )


# Globs -----------------------------------------------------------------------------------------

CLASS_ADVICE = "write a class as [abc] or [a-z]"


@pytest.mark.parametrize(
    ("setting", "key", "glob", "problem"),
    [
        ('exclude = ["[z-a]"]', "exclude[0]", "[z-a]", "[z-a] is not a valid character class "
         "(bad character range z-a)"),
        ('extend-exclude = ["*.md", "a/[]x"]', "extend-exclude[1]", "a/[]x", "[] is not a valid "
         "character class (unterminated character set)"),
        ('[per-file-ignores]\n"x/[9-0]*.txt" = ["ALN"]', 'per-file-ignores."x/[9-0]*.txt"',
         "x/[9-0]*.txt", "[9-0] is not a valid character class (bad character range 9-0)"),
    ],
)  # fmt: skip
def test_an_invalid_glob_names_its_key(repo, capsys, setting, key, glob, problem):
    toml(setting + "\n")
    assert error_of(capsys, ".") == (
        f"statement-lint: error: {repo / 'statement-lint.toml'}: {key}: invalid glob '{glob}': "
        f"{problem}; {CLASS_ADVICE}\n"
    )


def test_pathological_globs_in_config_finish(repo, capsys):
    name = "a" * 200 + ".txt"
    shutil.copy(SEED, name)
    shutil.copy(SEED, "seed.txt")
    toml(
        'extend-exclude = ["*a*a*a*a*a*a*a*a*b", "**/**/**/**/**/**/**/**/z", "["]\n'
        '[per-file-ignores]\n"*a*a*a*a*a*a*a*a*a*a*a*t" = ["ALN"]\n'
    )
    assert main(["-q", "."]) == 1
    # the long name is ignored by the per-file glob (it ends in "t"), seed.txt has no "a" run
    assert capsys.readouterr().out == ALN002


SEMANTICS = [
    # pattern, path, is_dir, matches
    ("*.md", "a/b/notes.md", False, True),
    ("*.md", "notes.md/x.txt", False, True),  # a matching folder takes what is below it
    ("drafts/", "drafts", False, False),
    ("drafts/", "drafts", True, True),
    ("drafts/", "x/drafts/a.txt", False, True),
    ("README.*", "docs/README.md", False, True),
    ("/archive/2019/*", "archive/2019/a.txt", False, True),
    ("/archive/2019/*", "x/archive/2019/a.txt", False, False),
    ("archive/**/draft-*.txt", "archive/draft-1.txt", False, True),
    ("archive/**/draft-*.txt", "archive/a/b/draft-1.txt", False, True),
    ("archive/*.txt", "archive/a/b.txt", False, False),  # * stays in a segment
    ("archive/**", "archive/a/b.txt", False, True),
    ("a**b", "a/x/b", False, True),  # ** spans segments
    ("a*b", "a/x/b", False, False),
    ("x?z", "x/z", False, False),
    ("pc-del-[0-9]*.txt", "pc-del-7.txt", False, True),
    ("pc-del-[0-9]*.txt", "pc-del-x.txt", False, False),
    ("[", "[", False, True),  # a [ without ] is a literal
    ("**/drafts/**/old-*", "a/drafts/b/old-1.txt", False, True),
    ("*a*a*b", "xaxayb", False, True),
    ("*a*a*b", "xaxb", False, False),
    ("*a*/**/*b", "xa/q/r/sb", False, True),
    ("*a*/**/*b", "xa/q/r/s", False, False),
    ("**/x/**/y/", "x/y", True, True),
    ("**/x/**/y/", "x/y", False, False),
    ("**/x/**/y/", "q/x/z/y/f.txt", False, True),
]


@pytest.mark.parametrize(("pattern", "path", "is_dir", "expected"), SEMANTICS)
def test_glob_semantics(pattern, path, is_dir, expected):
    glob = compile_glob(pattern)
    assert glob.matches(path, is_dir) is expected
    assert (
        _Automaton(glob.tokens).run(path, parents=True, whole=is_dir or not glob.directories_only)
        is expected
    )


def test_ordinary_globs_keep_the_regex_fast_path():
    ordinary = [
        *DEFAULT_EXCLUDE, "drafts/", "archive/2019/*", "archive/**/draft-*.txt",
        "translations/**", "**/drafts/**", "*.md", "/archive/*", "pc-del-?.txt",
    ]  # fmt: skip
    assert [p for p in ordinary if not compile_glob(p).simple] == []
    assert [p for p in ("*a*b", "a**b", "x/**/y/**/z") if compile_glob(p).simple] == []


GLOB_PARTS = ["a", "b", "/", "*", "**", "**/", "?", "[ab]", "[!a]", ".", "[a-b]"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    pattern=st.lists(st.sampled_from(GLOB_PARTS), min_size=1, max_size=6).map("".join),
    path=st.lists(st.sampled_from(["a", "b", "!", ".", "ab", "ba"]), min_size=1, max_size=5),
    is_dir=st.booleans(),
)
def test_automaton_and_regex_agree(pattern, path, is_dir):
    """The automaton (pathological globs) and the regexes (ordinary ones) match alike, and as
    testing each parent folder in turn with the whole-path regex would."""
    glob = compile_glob(pattern)
    relative = "/".join(path)
    parts = relative.split("/")
    by_parents = any(
        glob.regex.fullmatch("/".join(parts[:end])) is not None
        for end in range(1, len(parts) + 1)
        if not glob.directories_only or end < len(parts) or is_dir
    )
    automaton = _Automaton(glob.tokens)
    whole = is_dir or not glob.directories_only
    assert automaton.run(relative, parents=True, whole=whole) is by_parents
    assert glob.matches(relative, is_dir) is by_parents
    assert automaton.run(relative, parents=False, whole=True) is (
        glob.regex.fullmatch(relative) is not None
    )


def _seconds(test, size):
    """The least time of a few runs of `test` on a path of `size`: the fairest measure on a busy
    machine."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        test(size)
        best = min(best, time.perf_counter() - start)
    return best


PATHOLOGICAL = [
    ("*a*b", lambda n: "a" * n),  # quadratic for a backtracking regex
    ("*a*a*a*a*a*a*b", lambda n: "a" * n),
    ("**/**/**/**/**/**/x", lambda n: "a/" * n + "b"),
    ("a/**/b/**/c", lambda n: "a/" + "b/" * n + "d"),
    ("**/a*/**/*b", lambda n: "a/" * n + "c"),
]


@pytest.mark.parametrize(("pattern", "path_of"), PATHOLOGICAL)
def test_glob_matching_time_grows_linearly(pattern, path_of):
    glob = compile_glob(pattern)
    excluded = exclusion_matcher((pattern,))

    def test(size):
        path = path_of(size)
        for _ in range(10):
            glob.matches(path)
            glob.matches(path, is_dir=True)
            excluded(path, False)

    small, large = 500, 4000  # eight times longer
    # Linear time makes the ratio about 8; a quadratic match makes it 64.
    assert _seconds(test, large) / _seconds(test, small) < 24


def test_discovery_with_pathological_excludes(repo, capsys):
    rng = random.Random(7)
    expected = []
    for index in range(30):
        folder = "/".join("a" * rng.randint(1, 40) for _ in range(rng.randint(1, 6)))
        os.makedirs(folder, exist_ok=True)
        shutil.copy(SEED, f"{folder}/{'a' * 60}{index}.txt")
        if index % 10 != 9:
            expected.append(f"{folder}/{'a' * 60}{index}.txt")
    os.remove("seed.txt")
    toml('exclude = ["*a*a*a*a*a*a*a*a*b", "a/**/a/**/a/**/a/**/b", "*a*a*a*a*9.txt"]\n')
    assert main(["-q", "--output-format", "json", "--no-cache", "."]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in report["diagnostics"]] == sorted(expected)
