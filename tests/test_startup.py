"""Start-up: a plain run imports only what the files at hand need."""

import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).parent / "fixtures" / "statements" / "pc-del-80-21-rev1.txt"

PROBE = """
import sys
from statement_lint.cli import main
main(sys.argv[1:])
lazy = ("jsonschema", "statement_lint.config.model", "statement_lint.run.baseline",
        "statement_lint.report.json", "statement_lint.report.full", "statement_lint.run.fix",
        "statement_lint.readers.pdf", "statement_lint.readers.docx", "pypdfium2",
        "defusedxml", "multiprocessing", "statement_lint.reference.validation", "pydantic",
        "tomllib", "traceback", "importlib.resources")
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
    assert loaded_modules("-q", "seed.txt", cwd=tmp_path) == ""


def test_config_file_loads_the_validation_model(tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "statement-lint.toml").write_text('ignore = ["DSC"]\n', encoding="utf-8")
    assert loaded_modules("-q", "seed.txt", cwd=tmp_path) == (
        "statement_lint.config.model,pydantic,tomllib,importlib.resources"
    )
