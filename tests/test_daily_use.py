"""The command line's daily conveniences, as users of ruff and yamllint expect them."""

import io
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from statement_lint.cli import main
from statement_lint.cli.arguments import lint_parser
from statement_lint.cli.completion import script

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "statements" / "pc-del-80-21-rev1.txt"
TOP = FIXTURES / "layouts" / "top.txt"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "warned.txt").write_text(
        TOP.read_text(encoding="utf-8").replace("ANDORRA", "ANDORA"), encoding="utf-8"
    )
    return tmp_path


def run(capsys, *arguments):
    status = main(list(arguments), stdin=io.StringIO())
    out, err = capsys.readouterr()
    return status, out, err


def test_check_names_the_default_command(folder, capsys):
    assert run(capsys, "check", "--isolated", "-q", ".") == run(capsys, "--isolated", "-q", ".")


def test_mistyped_command_and_option_get_a_suggestion(folder, capsys):
    status, out, err = run(capsys, "rul", "ALN002")
    assert (status, out) == (2, "")
    assert (
        err
        == "statement-lint: error: 'rul' is neither a command nor a file; did you mean 'rule'?\n"
    )
    status, _, err = run(capsys, "--selct", "ALN", ".")
    assert status == 2
    assert err.startswith(
        "statement-lint: error: unrecognized arguments: --selct (did you mean --select?)\n"
    )


def test_show_files_lists_files_and_their_config(folder, capsys):
    (folder / "statement-lint.toml").write_text('ignore = ["DSC"]\n', encoding="utf-8")
    (folder / "README.md").write_text("# not a statement\n", encoding="utf-8")
    status, out, _ = run(capsys, "--show-files", ".")
    config = folder / "statement-lint.toml"
    assert (status, out) == (0, f"seed.txt  {config}\nwarned.txt  {config}\n")


def test_a_path_with_no_statement_is_said_plainly(folder, capsys):
    (folder / "empty").mkdir()
    status, out, err = run(capsys, "--isolated", "empty")
    assert (status, out) == (0, "")
    assert err.startswith("statement-lint: warning: no statements to lint in empty (files ending")


def test_quiet_levels_and_no_warnings(folder, capsys):
    status, out, err = run(capsys, "--isolated", "-qq", ".")
    assert (status, out, err) == (1, "", "")
    status, out, _ = run(capsys, "--isolated", "-q", "--no-warnings", ".")
    assert status == 1
    assert [line.split()[1] for line in out.splitlines()] == ["ALN002"]  # ALN008 is a warning
    status, out, _ = run(capsys, "--isolated", "-q", ".")
    assert [line.split()[1] for line in out.splitlines()] == ["ALN002", "ALN008"]


def test_statistics_honour_json(folder, capsys):
    status, out, _ = run(capsys, "--isolated", "-q", "--statistics", "--output-format", "json", ".")
    assert status == 1
    assert json.loads(out) == [
        {"code": "ALN002", "name": "footnote-country-not-marked", "count": 1, "fixable": True},
        {"code": "ALN008", "name": "unknown-country", "count": 1, "fixable": False},
    ]


def test_init_writes_a_starter_config_once(folder, capsys):
    status, out, _ = run(capsys, "init")
    assert status == 0
    assert "  - repo: https://github.com/statement-lint/statement-lint\n" in out
    written = (folder / "statement-lint.toml").read_text(encoding="utf-8")
    assert tomllib.loads(written) == {}  # every key commented out: the defaults
    assert run(capsys, "config", "--show", "seed.txt")[0] == 0
    (folder / "statement-lint.toml").write_text('ignore = ["DSC"]\n', encoding="utf-8")
    status, _, err = run(capsys, "init")
    assert status == 2 and "already exists; it was left as it is" in err
    assert (folder / "statement-lint.toml").read_text(encoding="utf-8") == 'ignore = ["DSC"]\n'


def test_bash_completion_completes_options_and_commands(tmp_path):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    (tmp_path / "completion.bash").write_text(script("bash"), encoding="utf-8")
    probe = (
        f"source {tmp_path / 'completion.bash'}\n"
        'COMP_WORDS=(statement-lint --sel); COMP_CWORD=1; _statement_lint; echo "${COMPREPLY[@]}"\n'
        'COMP_WORDS=(statement-lint ali); COMP_CWORD=1; _statement_lint; echo "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run([bash, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.splitlines() == ["--select", "align"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_other_shells_know_every_option(shell):
    text = script(shell)
    for option in (o for o in lint_parser()._option_string_actions if o.startswith("--")):
        assert (option[2:] if shell == "fish" else option) in text


def test_version_loads_no_linter():
    probe = (
        "import sys\nfrom statement_lint.cli import main\nmain(['--version'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('statement_lint.')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines()[0].startswith("statement-lint ")
    loaded = result.stdout.splitlines()[1]
    assert loaded == "['statement_lint.cli', 'statement_lint.errors', 'statement_lint.version']"


@pytest.mark.parametrize(
    ("config", "message", "pointer"),
    [
        ("[limits]\npage = 5\n",
         "limits.page: unknown key; did you mean 'pages'? (known keys: text-mb, document-mb, "
         "pages, seconds, memory-mb)",
         "  2 | page = 5\n      ^^^^"),
        ('[limits]\nseconds = "20"\n',
         'limits.seconds: Input should be a valid number (got "20")',
         '  2 | seconds = "20"\n                ^^^^'),
        ('select = ["ALL"]\nignore = ["DSCX"]\n',
         "ignore[0]: 'DSCX' matches no rule code; did you mean DSC?",
         '  2 | ignore = ["DSCX"]\n               ^^^^^^^^'),
        ("limits = {pages = 0}\n",
         "limits.pages: Input should be greater than 0 (got 0)",
         "  1 | limits = {pages = 0}\n                ^^^^^"),
    ],
)  # fmt: skip
def test_config_errors_point_at_the_line(folder, capsys, config, message, pointer):
    (folder / "statement-lint.toml").write_text(config, encoding="utf-8")
    status, out, err = run(capsys, "seed.txt")
    path = folder / "statement-lint.toml"
    assert (status, out) == (2, "")
    assert err == f"statement-lint: error: {path}: {message}\n{pointer}\n"


def test_config_errors_in_pyproject_point_at_the_line(folder, capsys):
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.statement-lint.limits]\npage = 5\n', encoding="utf-8"
    )
    _, _, err = run(capsys, "seed.txt")
    assert err.endswith("\n  5 | page = 5\n      ^^^^\n")


def test_rule_pages_are_the_rules_documentation(tmp_path, capsys):
    # docs/rules/CODE.md is what `rule CODE` prints; regenerate with
    # `statement-lint rule --all --write-pages docs/rules`.
    committed = Path(__file__).parent.parent / "docs" / "rules"
    assert run(capsys, "rule", "--all", "--write-pages", str(tmp_path))[0] == 0
    written = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert {p.name: p.read_text(encoding="utf-8") for p in committed.iterdir()} == written
    assert run(capsys, "rule", "ALN002")[1] == written["ALN002.md"]


def test_sarif_rules_and_json_diagnostics_link_to_their_page(folder, capsys):
    base = "https://github.com/statement-lint/statement-lint/blob/main/docs/rules/"
    _, out, _ = run(capsys, "--isolated", "-q", "--output-format", "json", "seed.txt")
    assert [d["url"] for d in json.loads(out)["diagnostics"]] == [base + "ALN002.md"]
    _, out, _ = run(capsys, "--isolated", "-q", "--output-format", "sarif", "seed.txt")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"] == base + rule["id"] + ".md" for rule in rules)


def documented_commands(path: Path) -> list[str]:
    """The statement-lint command lines of a document's code blocks (`run:` lines, `- ` script
    lines and shell lines), as written."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip().removeprefix("- ").removeprefix("run: ").strip()
        if text.startswith("statement-lint ") and "<" not in text and ".git" not in text:
            found.append(text)
    return found


def test_the_ci_recipes_commands_run_as_written(tmp_path, monkeypatch):
    # docs/ci.md: each statement-lint command, in a repository with statements/ (its install
    # line needs the network, which the tests do not have: the checkout is installed instead).
    commands = documented_commands(Path(__file__).parent.parent / "docs" / "ci.md")
    assert len(commands) == 5, commands
    monkeypatch.chdir(tmp_path)
    (tmp_path / "statements").mkdir()
    shutil.copy(SEED, tmp_path / "statements" / "seed.txt")
    executable = Path(sys.executable).with_name("statement-lint")
    environment = {"PATH": f"{executable.parent}:/usr/bin:/bin", "HOME": str(tmp_path)}
    for command in commands:
        result = subprocess.run(
            command.replace("statement-lint", str(executable), 1),
            shell=True, capture_output=True, text=True, env=environment, cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode in (0, 1), (command, result.stderr)
    assert json.loads((tmp_path / "statement-lint.sarif").read_text())["version"] == "2.1.0"
    report = json.loads((tmp_path / "gl-code-quality-report.json").read_text())
    assert [issue["check_name"] for issue in report] == ["ALN002"]
    baseline = json.loads((tmp_path / ".statement-lint-baseline.json").read_text())
    assert len(baseline["entries"]) == 1
    register = (tmp_path / "register.csv").read_text().splitlines()
    assert register[0].startswith("path,symbol,") and len(register) == 2


def test_the_readmes_usage_commands_run_as_written(tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## Usage\n") :]
    block = block[block.index("```sh\n") + 6 : block.index("```", block.index("```sh\n") + 6)]
    lines = [line.split("  #")[0].strip() for line in block.splitlines()]
    # Placeholders ([PATH ...]) and the server (which runs until stopped) aside.
    runnable = [line for line in lines if "[" not in line and " serve" not in line]
    assert len(runnable) == 7, runnable
    shutil.copy(SEED, tmp_path / "draft.txt")
    from documents import docx_parts, statement_from_top_layout, write_docx

    write_docx(docx_parts(statement_from_top_layout("layouts/top.txt")), tmp_path / "draft.docx")
    executable = Path(sys.executable).with_name("statement-lint")
    environment = {"PATH": f"{executable.parent}:/usr/bin:/bin", "HOME": str(tmp_path)}
    for line in runnable:
        result = subprocess.run(
            line, shell=True, capture_output=True, text=True, env=environment, cwd=tmp_path
        )
        assert result.returncode in (0, 1), (line, result.stderr)
        assert "statement-lint: error" not in result.stderr, (line, result.stderr)
