"""Config files: discovery, every key, validation errors, config --show, force-exclude."""

import io
import json
import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import without_pointers
from statement_lint.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "statements" / "pc-del-80-21-rev1.txt"  # ALN002 on line 65
SLIPS = FIXTURES / "statements" / "pc-del-1544-22-slips.txt"  # REF002 DAT003 LNG002 DSC002


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository root (it has .git) as the working directory."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def write(path, text):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def place(source, name):
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, name)


def codes(capsys, *arguments):
    """Run the linter; return its exit status and the (path, code, line) it reported."""
    status = main(["--output-format", "json", "-q", *arguments], stdin=io.StringIO())
    out = capsys.readouterr().out
    report = json.loads(out) if out else {"diagnostics": []}
    found = [(d["path"], d["code"], d["line"]) for d in report["diagnostics"]]
    return status, found


def error_of(capsys, *arguments):
    status = main(list(arguments), stdin=io.StringIO())
    captured = capsys.readouterr()
    assert status == 2
    return without_pointers(captured.err)


# Discovery ---------------------------------------------------------------------------------


def test_closest_config_wins_in_nested_directories(repo, capsys):
    for folder in ("", "a/", "a/b/", "c/", "d/"):
        place(SLIPS, f"{folder}slips.txt")
    write("statement-lint.toml", 'ignore = ["DSC"]\n')
    write("a/statement-lint.toml", 'select = ["REF"]\n')
    # pyproject.toml with the table counts; one without it is passed over
    write("c/pyproject.toml", '[tool.statement-lint]\nselect = ["LNG"]\n')
    write("d/pyproject.toml", '[project]\nname = "x"\n')
    status, found = codes(capsys)
    assert status == 1
    assert found == [
        ("a/b/slips.txt", "REF002", 17),
        ("a/slips.txt", "REF002", 17),
        ("c/slips.txt", "LNG002", 21),
        ("d/slips.txt", "REF002", 17),
        ("d/slips.txt", "DAT003", 19),
        ("d/slips.txt", "LNG002", 21),
        ("slips.txt", "REF002", 17),
        ("slips.txt", "DAT003", 19),
        ("slips.txt", "LNG002", 21),
    ]


def test_statement_lint_toml_wins_over_pyproject_in_one_directory(repo, capsys):
    shutil.copy(SLIPS, "slips.txt")
    write("pyproject.toml", '[tool.statement-lint]\nselect = ["LNG"]\n')
    write("statement-lint.toml", 'select = ["DAT"]\n')
    assert codes(capsys) == (1, [("slips.txt", "DAT003", 19)])


def test_search_stops_at_the_repository_root(tmp_path, monkeypatch, capsys):
    write(tmp_path / "statement-lint.toml", 'select = ["DAT"]\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    shutil.copy(SLIPS, tmp_path / "repo" / "slips.txt")
    monkeypatch.chdir(tmp_path / "repo")
    status, found = codes(capsys)
    assert status == 1
    assert [code for _, code, _ in found] == ["REF002", "DAT003", "LNG002", "DSC002"]


def test_config_option_and_isolated(repo, capsys):
    shutil.copy(SLIPS, "slips.txt")
    write("statement-lint.toml", 'select = ["DAT"]\n')
    write("other.toml", 'select = ["LNG"]\n')
    assert codes(capsys, "--config", "other.toml") == (1, [("slips.txt", "LNG002", 21)])
    assert len(codes(capsys, "--isolated")[1]) == 4


def test_extend_inherits_and_overrides(repo, capsys):
    place(SLIPS, "sub/slips.txt")
    write("base.toml", 'ignore = ["DSC"]\nselect = ["DAT", "DSC", "LNG"]\n')
    write("sub/statement-lint.toml", 'extend = "../base.toml"\nselect = ["DSC", "LNG"]\n')
    assert codes(capsys) == (1, [("sub/slips.txt", "LNG002", 21)])


def test_command_line_select_replaces_and_ignore_adds(repo, capsys):
    shutil.copy(SLIPS, "slips.txt")
    write("statement-lint.toml", 'select = ["DAT", "LNG"]\nignore = ["LNG"]\n')
    assert codes(capsys, "--select", "REF,LNG") == (1, [("slips.txt", "REF002", 17)])
    assert codes(capsys, "--ignore", "DAT") == (0, [])
    assert codes(capsys, "--extend-select", "DSC") == (
        1,
        [("slips.txt", "DAT003", 19), ("slips.txt", "DSC002", 25)],
    )


# Keys ----------------------------------------------------------------------------------------


def test_per_file_ignores_on_a_txt(repo, capsys):
    shutil.copy(SEED, "seed.txt")
    place(SLIPS, "drafts/slips.txt")
    write(
        "statement-lint.toml",
        """
        [per-file-ignores]
        "seed.txt" = ["ALN002"]
        "drafts/*.txt" = ["DSC", "REF002"]
        """,
    )
    assert codes(capsys) == (
        1,
        [("drafts/slips.txt", "DAT003", 19), ("drafts/slips.txt", "LNG002", 21)],
    )


def test_unused_per_file_ignore_is_reported_at_its_line(repo, capsys):
    shutil.copy(SEED, "seed.txt")
    write(
        "statement-lint.toml",
        """
        [per-file-ignores]
        "seed.txt" = ["ALN002"]
        "*.txt" = ["DSC"]
        "elsewhere/*.txt" = ["REF"]
        """,
    )
    status, found = codes(capsys)
    # `*.txt` matched seed.txt and hid nothing; `elsewhere/*.txt` matched no file of the run
    assert (status, found) == (0, [("statement-lint.toml", "SUP001", 3)])


def test_exclude_and_extend_exclude(repo, capsys):
    for name in ("keep.txt", "old/x.txt", "drafts/y.md", ".hidden/z.txt", "README.md"):
        place(SEED, name)
    write("statement-lint.toml", 'extend-exclude = ["old/", "*.md"]\n')
    assert [path for path, _, _ in codes(capsys)[1]] == ["keep.txt"]
    write("statement-lint.toml", 'exclude = ["old/"]\n')  # replaces the defaults
    paths = [path for path, _, _ in codes(capsys)[1]]
    assert paths == [".hidden/z.txt", "README.md", "drafts/y.md", "keep.txt"]


def test_explicit_paths_are_linted_even_when_excluded_unless_force_exclude(repo, capsys):
    place(SEED, "old/x.txt")
    write("statement-lint.toml", 'extend-exclude = ["old/"]\n')
    assert codes(capsys, "old/x.txt") == (1, [("old/x.txt", "ALN002", 65)])
    assert codes(capsys, "--force-exclude", "old/x.txt") == (0, [])
    assert codes(capsys, "--force-exclude", "old") == (0, [])


def test_severity_and_fail_on(repo, capsys):
    shutil.copy(SLIPS, "slips.txt")
    write("statement-lint.toml", 'severity = { ALL = "warning", REF = "off", LNG002 = "error" }\n')
    status = main(["-q", "slips.txt"])
    out = capsys.readouterr().out
    assert status == 1
    assert [line.split()[1] for line in out.splitlines()] == ["DAT003", "LNG002", "DSC002"]
    write("statement-lint.toml", 'severity = { ALL = "warning" }\n')
    assert main(["-q", "slips.txt"]) == 0
    write("statement-lint.toml", 'severity = { ALL = "warning" }\nfail-on = "warning"\n')
    assert main(["-q", "slips.txt"]) == 1
    assert main(["-q", "--fail-on", "error", "slips.txt"]) == 0
    capsys.readouterr()


def test_output_format_from_config(repo, capsys):
    shutil.copy(SEED, "seed.txt")
    write("statement-lint.toml", 'output-format = "json"\n')
    main(["-q", "seed.txt"])
    assert json.loads(capsys.readouterr().out)["summary"]["errors"] == 1
    main(["-q", "--output-format", "concise", "seed.txt"])
    assert capsys.readouterr().out.startswith("seed.txt:65:1: ALN002")


def test_profile_from_a_file(repo, capsys):
    profile = json.loads(
        (Path(__file__).parent.parent / "lint/statement_lint/data/profiles/osce.json").read_text(
            encoding="utf-8"
        )
    )
    profile["name"] = "acme"
    profile["disclaimers"] = [
        {
            "language": "ENGLISH",
            "text": "The Acme Secretariat takes no responsibility for this text.",
        }
    ]
    profile["date"]["languages"] = [
        {**profile["date"]["languages"][0], "format": "{day:02} {month} {year}"}
    ]
    write("profiles/acme.json", json.dumps(profile))
    write("statement-lint.toml", 'profile = "profiles/acme.json"\n')
    write(
        "statement.txt",
        """
        PC.DEL/5/21
        08 July 2021
        ENGLISH only
        The Acme Secretariat takes no responsibility for this text.

        Thank you.
        """,
    )
    assert codes(capsys) == (0, [])
    shutil.copy(SEED, "seed.txt")  # the OSCE disclaimer is no longer the expected one
    assert ("seed.txt", "DSC001", 41) in codes(capsys)[1]


# Errors ---------------------------------------------------------------------------------------


def test_invalid_config_names_the_file_the_key_and_the_fix(repo, capsys):
    write(
        "statement-lint.toml",
        """
        ingore = ["DSC"]
        select = ["ALN02", "REF"]
        severity = { ALN005 = "fatal", XYZ = "off" }
        fail-on = 3
        [per-file-ignores]
        "a.txt" = "ALN"
        """,
    )
    config = repo / "statement-lint.toml"
    assert error_of(capsys, ".") == (
        f"statement-lint: error: {config} is not a valid configuration:\n"
        "  select[0]: 'ALN02' matches no rule code; did you mean ALN002?\n"
        '  per-file-ignores."a.txt": Input should be a valid list (got "ALN")\n'
        "  severity.ALN005: Input should be 'error', 'warning' or 'off' (got \"fatal\")\n"
        "  severity.XYZ: 'XYZ' matches no rule code\n"
        "  fail-on: Input should be 'error' or 'warning' (got 3)\n"
        "  ingore: unknown key; did you mean 'ignore'? (known keys: extend, select, "
        "extend-select, ignore, per-file-ignores, exclude, extend-exclude, severity, fail-on, "
        "output-format, profile, registry, limits)\n"
    )


def test_invalid_pyproject_table_is_named(repo, capsys):
    write("pyproject.toml", '[tool.statement-lint]\nselct = ["ALN"]\n')
    err = error_of(capsys, ".")
    assert "tool.statement-lint.selct: unknown key; did you mean 'select'?" in err


def test_invalid_toml(repo, capsys):
    write("statement-lint.toml", "select = [\n")
    config = repo / "statement-lint.toml"
    assert error_of(capsys, ".").startswith(f"statement-lint: error: {config}: invalid TOML: ")


def test_extend_errors(repo, capsys):
    write("statement-lint.toml", 'extend = "missing.toml"\n')
    config = repo / "statement-lint.toml"
    assert error_of(capsys, ".") == (
        f"statement-lint: error: {config}: extend: '{repo / 'missing.toml'}' cannot be read: no "
        "such file or directory; point extend at a readable UTF-8 TOML file\n"
    )
    write("statement-lint.toml", 'extend = "other.toml"\n')
    write("other.toml", 'extend = "statement-lint.toml"\n')
    assert error_of(capsys, ".") == (
        f"statement-lint: error: {config}: extend makes a cycle: {config} -> "
        f"{repo / 'other.toml'} -> {config}; remove one extend\n"
    )


def test_config_option_errors(repo, capsys):
    assert error_of(capsys, "--config", "nope.toml") == (
        "statement-lint: error: --config nope.toml: cannot be read: no such file or directory; "
        "give --config a readable UTF-8 TOML file\n"
    )
    write("pyproject.toml", '[project]\nname = "x"\n')
    assert error_of(capsys, "--config", "pyproject.toml") == (
        f"statement-lint: error: {repo / 'pyproject.toml'}: has no [tool.statement-lint] table; "
        "add one, or name another config file\n"
    )


def test_profile_errors(repo, capsys):
    shutil.copy(SEED, "seed.txt")
    write("statement-lint.toml", 'profile = "unece"\n')
    assert error_of(capsys, ".") == (
        "statement-lint: error: profile 'unece': no such bundled profile (bundled: osce) and not "
        "a path to a .json file\n"
    )
    write("broken.json", '{"schema_version": 1, "name": "x", "disclaimers": []}')
    write("statement-lint.toml", 'profile = "broken.json"\n')
    err = error_of(capsys, ".")
    assert err.startswith(f"statement-lint: error: profile {repo / 'broken.json'}: disclaimers: ")
    assert f"profile {repo / 'broken.json'}: symbol: Field required" in err


# config --show ------------------------------------------------------------------------------


def test_config_show(repo, capsys):
    write("base.toml", 'ignore = ["DSC"]\n')
    write("sub/statement-lint.toml", 'extend = "../base.toml"\nseverity = { LNG = "warning" }\n')
    assert main(["config", "--show", "sub/x.txt"]) == 0
    sub = repo / "sub" / "statement-lint.toml"
    assert capsys.readouterr().out.splitlines() == [
        "# settings for sub/x.txt",
        f"# config file: {sub}",
        'select = ["ALL"]  # default',
        "extend-select = []  # default",
        f'ignore = ["DSC"]  # {repo / "base.toml"}',
        "per-file-ignores = {}  # default",
        'exclude = [".*", "node_modules/", "__pycache__/", "README.*", "CHANGELOG.*", '
        '"CHANGES.*", "HISTORY.*", "CONTRIBUTING.*", "LICENSE.*", "LICENCE.*", "NOTICE.*", '
        '"AUTHORS.*", "SECURITY.*", "CODE_OF_CONDUCT.*"]  # default',
        "extend-exclude = []  # default",
        f'severity = {{"LNG" = "warning"}}  # {sub}',
        'fail-on = "error"  # default',
        'output-format = "concise"  # default',
        'profile = "osce"  # default',
        'registry = "(bundled)"  # default',
        "limits = {text-mb = 16, document-mb = 50, pages = 500, seconds = 20, memory-mb = 512}"
        "  # default",
    ]


def test_config_keys_are_one_vocabulary():
    """The settings, the config file's model and `config --show` name the same keys."""
    from statement_lint.config.model import ConfigModel
    from statement_lint.config.settings import CONFIG_KEYS, Settings
    from statement_lint.records import fields

    internal = {"root", "config-path", "sources"}
    settings_keys = {f.name.replace("_", "-") for f in fields(Settings)} - internal
    model_keys = {name.replace("_", "-") for name in ConfigModel.model_fields} - {"extend"}
    assert settings_keys == model_keys == set(CONFIG_KEYS)
    assert len(CONFIG_KEYS) == len(set(CONFIG_KEYS))
