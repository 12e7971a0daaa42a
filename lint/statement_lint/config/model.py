"""The config file's keys, validated strictly. Imported only when a config file is read.

`schemas/config.schema.json` is generated from this model.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic.json_schema import WithJsonSchema

from statement_lint.config.quick import LIMITS, SEVERITIES
from statement_lint.config.settings import FAIL_ON_CHOICES, OUTPUT_FORMATS
from statement_lint.errors import key_path
from statement_lint.rules._selection import validate_selector
from statement_lint.similarity import closest, did_you_mean

OutputFormat = Literal[OUTPUT_FORMATS]  # type: ignore[valid-type]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _known_selector(code: str) -> str:
    problem = validate_selector(code)
    if problem:
        raise ValueError(problem)
    return code


# The pattern helps editors; the validator gives the "did you mean" messages.
Code = Annotated[
    str,
    AfterValidator(_known_selector),
    WithJsonSchema({"type": "string", "pattern": "^(ALL|[A-Z]{1,3}[0-9]{0,3})$"}),
]
Codes = list[Code]
Severity = Literal[SEVERITIES]  # type: ignore[valid-type]


def _valid_glob(pattern: str) -> str:
    # Checked when the config is read, so that a bad glob names its key, not a traceback.
    from statement_lint.config.globs import GlobError, compile_glob

    try:
        compile_glob(pattern)
    except GlobError as error:
        raise ValueError(str(error)) from None
    return pattern


def _no_nul(path: str) -> str:
    if "\0" in path:
        raise ValueError("a path cannot contain a NUL character (\\u0000); remove it")
    return path


Glob = Annotated[str, AfterValidator(_valid_glob)]
PathText = Annotated[str, AfterValidator(_no_nul)]


class LimitsModel(BaseModel):
    """What a reader may spend on one file; a file over a limit gets one DOC001."""

    # Upper bounds catch a slip (an extra zero, `inf`) that would switch a limit off or
    # overflow the system calls that apply it. Files are read whole into memory: 1 GB is far
    # beyond any statement. An hour, 100,000 pages and 64 GB are beyond any PDF's extraction.
    # Strict: `seconds = "20"` is a string in TOML, and a mistake worth saying.
    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, defer_build=True, allow_inf_nan=False, strict=True
    )
    text_mb: float = Field(
        None,
        gt=LIMITS["text_mb"].above,
        le=LIMITS["text_mb"].at_most,
        description="Largest text statement, and the text extracted from a Word file (16).",
    )
    document_mb: float = Field(
        None,
        gt=LIMITS["document_mb"].above,
        le=LIMITS["document_mb"].at_most,
        description="Largest PDF or Word file, and a Word file's parts once inflated, each and "
        "together (50).",
    )
    pages: int = Field(
        None,
        gt=LIMITS["pages"].above,
        le=LIMITS["pages"].at_most,
        description="Most PDF pages read (500).",
    )
    seconds: float = Field(
        None,
        gt=LIMITS["seconds"].above,
        le=LIMITS["seconds"].at_most,
        description="Longest PDF extraction (20).",
    )
    memory_mb: int = Field(
        None,
        ge=LIMITS["memory_mb"].at_least,
        le=LIMITS["memory_mb"].at_most,
        description="Memory for PDF extraction (512).",
    )


class ConfigModel(BaseModel):
    """statement-lint settings: `[tool.statement-lint]` in pyproject.toml, or the top level of
    statement-lint.toml. Globs are gitignore-style, anchored at the config file's directory."""

    # Keys left out of a file stay unset (None, never validated), so that `extend` and the
    # defaults show through; the schema says so by giving them no default.
    model_config = ConfigDict(
        extra="forbid",
        alias_generator=_kebab,
        populate_by_name=False,
        defer_build=True,
        title="statement-lint configuration",
    )
    extend: PathText = Field(
        None, description="Another config file whose settings this one extends."
    )
    select: Codes = Field(None, description="Rule codes or prefixes to enable (default: ALL).")
    extend_select: Codes = Field(None, description="Codes or prefixes to add.")
    ignore: Codes = Field(None, description="Codes or prefixes to disable.")
    per_file_ignores: dict[Glob, Codes] = Field(
        None, description="Glob -> codes or prefixes ignored in the files it matches."
    )
    exclude: list[Glob] = Field(
        None, description="Globs skipped when directories are walked; replaces the default list."
    )
    extend_exclude: list[Glob] = Field(None, description="Globs skipped in addition to `exclude`.")
    severity: dict[Code, Severity] = Field(
        None, description="Code or prefix -> severity; the longest match wins."
    )
    fail_on: Literal[FAIL_ON_CHOICES] = Field(  # type: ignore[valid-type]
        None, description="The lowest severity that makes the run exit 1 (default: error)."
    )
    output_format: OutputFormat = Field(None, description="How diagnostics are printed.")
    profile: PathText = Field(
        None, description="A bundled profile name (osce) or the path of a profile JSON file."
    )
    registry: PathText = Field(
        None, description="Your own copy of the dated country registry (default: the bundled one)."
    )
    limits: LimitsModel = Field(None, description="What a reader may spend on one file.")


def describe(error: ValidationError, prefix: str) -> list[tuple[tuple, str]]:
    """One line per problem: the key path, the bad value, and a suggestion; each with where
    it is (the location's keys, for pointing at its line)."""
    lines = []
    for problem in error.errors():
        location = problem["loc"]
        path = key_path(location, prefix)
        if problem["type"] == "extra_forbidden":
            model = LimitsModel if location[:1] == ("limits",) else ConfigModel
            known = [_kebab(name) for name in model.model_fields]
            guess = closest(str(location[-1]), known) if len(location) <= 2 else None
            hint = "; " + did_you_mean(guess, quote="'") if guess else ""
            line = f"{path}: unknown key{hint} (known keys: {', '.join(known)})"
        elif problem["type"] == "value_error":
            line = f"{path}: {problem['msg'].removeprefix('Value error, ')}"
        else:
            line = f"{path}: {problem['msg']} (got {_show(problem.get('input'))})"
        lines.append((location, line))
    return lines


def _show(value: object, width: int = 60) -> str:
    """The value as TOML-like text, cut short: a message stays one readable line."""
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        shown = repr(value)
    return shown if len(shown) <= width else shown[: width - 3] + "..."
