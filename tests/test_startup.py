"""Start-up: a plain run imports only what the files at hand need."""

import subprocess
import sys
from pathlib import Path

STATEMENTS = Path(__file__).parent / "fixtures" / "statements"
SEED = STATEMENTS / "pc-del-80-21-rev1.txt"  # one slip
CLEAN = STATEMENTS / "pc-del-1544-22-top.txt"

PROBE = """
import sys
from statement_lint.cli import main
main(sys.argv[1:])
lazy = ("jsonschema", "statement_lint.config.model", "statement_lint.run.baseline",
        "statement_lint.report.json", "statement_lint.report.full", "statement_lint.run.fix",
        "statement_lint.readers.pdf", "statement_lint.readers.docx", "pypdfium2",
        "defusedxml", "multiprocessing", "statement_lint.reference.validation", "pydantic",
        "tomllib", "traceback", "importlib.resources", "shutil", "dataclasses", "inspect",
        "pathlib", "difflib", "calendar", "hashlib")
loaded = [m for m in lazy if m in sys.modules]
print(",".join(loaded), file=sys.stderr)
"""


def loaded_modules(*arguments, cwd):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, cwd=cwd
    )
    return result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


def test_plain_run_imports_no_pydantic_validation_baseline_or_other_formats(tmp_path):
    # pydantic is for the boundaries (a config file, a user's profile, a baseline): building
    # its validators is most of a cold start.
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    assert loaded_modules("-q", "seed.txt", cwd=tmp_path) == "hashlib"  # the cache's key


def test_a_run_without_the_cache_imports_none_of_the_heavier_standard_modules(tmp_path):
    # dataclasses with inspect, ast and dis (8 ms), hashlib with OpenSSL (3 ms), pathlib with
    # urllib and ipaddress (3 ms), difflib (an altered disclaimer's), calendar: a cold start on
    # a clean statement needs none of them.
    (tmp_path / "clean.txt").write_bytes(CLEAN.read_bytes())
    assert loaded_modules("-q", "--no-cache", "clean.txt", cwd=tmp_path) == ""
    # A slip's fingerprint is a hash.
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    assert loaded_modules("-q", "--no-cache", "seed.txt", cwd=tmp_path) == "hashlib"


def test_plain_config_file_is_read_without_pydantic(tmp_path):
    # Lists of codes and globs, names and numbers in range are checked without the model.
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "statement-lint.toml").write_text(
        'ignore = ["DSC"]\nextend-exclude = ["drafts/"]\n[limits]\npages = 50\n', encoding="utf-8"
    )
    assert loaded_modules("-q", "seed.txt", cwd=tmp_path) == "tomllib,hashlib"


def test_config_file_with_a_problem_loads_the_validation_model(tmp_path):
    # The model says what is wrong ("did you mean"), so a doubtful value goes to it.
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "statement-lint.toml").write_text('ignore = ["DSCX"]\n', encoding="utf-8")
    assert loaded_modules("-q", "seed.txt", cwd=tmp_path) == (
        "statement_lint.config.model,pydantic,tomllib,importlib.resources,shutil,dataclasses,"
        "inspect,pathlib,calendar,hashlib"  # pydantic's
    )
