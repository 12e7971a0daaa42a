"""The pre-commit hook, run for real by pre-commit in a temporary repository."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from documents import statement_from_top_layout, write_pdf
from statement_lint.version import __version__

PROJECT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    if not Path(PRE_COMMIT).exists():
        pytest.skip("pre-commit is not installed (it is in the test extras)")
    if not (PROJECT / ".git").exists():
        pytest.skip("try-repo needs the project as a git repository")
    # One hook environment for the module's tests, outside the user's cache.
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }  # fmt: skip
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(PROJECT), "statement-lint", "--all-files"],
        cwd=repo, capture_output=True, text=True, env=environment, timeout=600,
    )  # fmt: skip


def make_repo(path: Path, statements: dict[str, Path]) -> Path:
    path.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=path, check=True)
    for name, source in statements.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, path / name)
    subprocess.run(["git", "add", "."], cwd=path, check=True)
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(
        ["git", *identity, "commit", "-qm", "statements", "--allow-empty"], cwd=path, check=True
    )
    return path


def test_hook_fails_on_a_slip(tmp_path, pre_commit_home):
    slip_pdf = write_pdf(
        statement_from_top_layout("layouts/top.txt").replace_text("ALBANIA*,", "ALBANIA,"),
        tmp_path / "slip.pdf",
    )
    repo = make_repo(
        tmp_path / "slip",
        {"seed.txt": FIXTURES / "statements" / "pc-del-80-21-rev1.txt",
         "clean.md": FIXTURES / "layouts" / "top.txt",
         "slip.pdf": slip_pdf},
    )  # fmt: skip
    result = try_repo(repo, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "statement-lint" in result.stdout and "Failed" in result.stdout
    assert "seed.txt:65:1: ALN002 [*] ALBANIA is named in the footnote" in result.stdout
    assert "write ALBANIA* (page 1)" in result.stdout


def test_hook_passes_on_clean_statements(tmp_path, pre_commit_home):
    repo = make_repo(
        tmp_path / "clean",
        {"top.txt": FIXTURES / "layouts" / "top.txt",
         "flat.md": FIXTURES / "layouts" / "flat.txt",
         "notes.json": FIXTURES / "statements" / "pc-del-80-21-rev1.txt"},  # not a statement file
    )  # fmt: skip
    result = try_repo(repo, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def run_hooks(repo: Path, home: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [PRE_COMMIT, "run", "--all-files"],
        cwd=repo, capture_output=True, text=True, env=environment, timeout=600,
    )  # fmt: skip


def readme_snippet() -> str:
    """The README's .pre-commit-config.yaml, as a user copies it."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\nrepos:\n") + len("```yaml\n")
    return readme[start : readme.index("```", start)]


def test_the_readmes_snippet_works_as_written(tmp_path, pre_commit_home):
    snippet = readme_snippet()
    rev = re.search(r"rev: (\S+)", snippet).group(1)
    # The snippet's release exists: it is this version's tag.
    assert rev == f"v{__version__}"
    tags = subprocess.run(["git", "tag"], cwd=PROJECT, capture_output=True, text=True).stdout
    # A checkout with tags must hold this release's; CI clones main alone, without tags.
    assert not tags.split() or rev in tags.split(), f"tag {rev} is missing: git tag {rev}"
    # The snippet is run against this commit, tagged as the release it names.
    release = tmp_path / "release"
    subprocess.run(["git", "clone", "-q", str(PROJECT), str(release)], check=True)
    subprocess.run(["git", "tag", "-f", rev], cwd=release, check=True, capture_output=True)
    (tmp_path / "notes.txt").write_text("Meeting notes: call the Secretariat on Monday.\n")
    repo = make_repo(
        tmp_path / "desk",
        {"statements/seed.txt": FIXTURES / "statements" / "pc-del-80-21-rev1.txt",
         "notes.txt": tmp_path / "notes.txt"},
    )  # fmt: skip
    config = snippet.replace("https://github.com/statement-lint/statement-lint", str(release))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    result = run_hooks(repo, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "statements/seed.txt:65:1: ALN002 [*] ALBANIA is named" in result.stdout
    assert "notes.txt" not in result.stdout  # `files:` keeps the hook to the statements


def test_hook_shows_warnings_and_passes(tmp_path, pre_commit_home):
    text = (FIXTURES / "layouts" / "top.txt").read_text(encoding="utf-8")
    (tmp_path / "top.txt").write_text(text.replace("ANDORRA", "ANDORA"), encoding="utf-8")
    repo = make_repo(tmp_path / "warned", {"top.txt": tmp_path / "top.txt"})
    result = try_repo(repo, pre_commit_home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert "top.txt:" in result.stdout and " ALN008 " in result.stdout
    assert "did you mean Andorra?" in result.stdout
