"""The config file's keys, validated strictly. Imported only when a config file is read.

`schemas/config.schema.json` is generated from this model.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.json_schema import SkipJsonSchema, WithJsonSchema

from statement_lint.report import FORMATS
from statement_lint.settings import validate_selector
from statement_lint.similarity import closest

OutputFormat = Literal[FORMATS]  # type: ignore[valid-type]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# The pattern helps editors; the validators below give the "did you mean" messages.
Code = Annotated[str, WithJsonSchema({"type": "string", "pattern": "^(ALL|[A-Z]{1,3}[0-9]{0,3})$"})]
Codes = list[Code]
# TOML has no null: a key is set or absent. None marks "absent" and stays out of the schema.
Unset = SkipJsonSchema[None]


class ConfigModel(BaseModel):
    """statement-lint settings: `[tool.statement-lint]` in pyproject.toml, or the top level of
    statement-lint.toml. Globs are gitignore-style, anchored at the config file's directory."""

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=_kebab,
        populate_by_name=False,
        defer_build=True,
        title="statement-lint configuration",
    )
    extend: str | Unset = Field(
        default=None, description="Another config file whose settings this one extends."
    )
    select: Codes | Unset = Field(
        default=None, description="Rule codes or prefixes to enable (default: ALL)."
    )
    extend_select: Codes | Unset = Field(default=None, description="Codes or prefixes to add.")
    ignore: Codes | Unset = Field(default=None, description="Codes or prefixes to disable.")
    per_file_ignores: dict[str, Codes] | Unset = Field(
        default=None, description="Glob -> codes or prefixes ignored in the files it matches."
    )
    exclude: list[str] | Unset = Field(
        default=None,
        description="Globs skipped when directories are walked; replaces the default list.",
    )
    extend_exclude: list[str] | Unset = Field(
        default=None, description="Globs skipped in addition to `exclude`."
    )
    severity: dict[str, Literal["error", "warning", "off"]] | Unset = Field(
        default=None, description="Code or prefix -> severity; the longest match wins."
    )
    fail_on: Literal["error", "warning"] | Unset = Field(
        default=None, description="The lowest severity that makes the run exit 1."
    )
    output_format: OutputFormat | Unset = Field(default=None)
    profile: str | Unset = Field(
        default=None,
        description="A bundled profile name (osce) or the path of a profile JSON file.",
    )

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _known_codes(cls, codes: Codes | None) -> Codes | None:
        for code in codes or ():
            _check_selector(code)
        return codes

    @field_validator("per_file_ignores", "severity")
    @classmethod
    def _known_codes_in_tables(cls, table: dict | None) -> dict | None:
        for value in (table or {}).values():
            for code in value if isinstance(value, list) else ():
                _check_selector(code)
        return table

    @field_validator("severity")
    @classmethod
    def _known_severity_keys(cls, table: dict | None) -> dict | None:
        for code in table or {}:
            _check_selector(code)
        return table


def _check_selector(code: str) -> None:
    problem = validate_selector(code)
    if problem:
        raise ValueError(problem)


def describe(error: ValidationError, prefix: str) -> list[str]:
    """One line per problem: the key path, the bad value, and a suggestion."""
    known = [_kebab(name) for name in ConfigModel.model_fields]
    lines = []
    for problem in error.errors():
        path = ".".join(str(part) for part in (*([prefix] if prefix else []), *problem["loc"]))
        if problem["type"] == "extra_forbidden":
            key = str(problem["loc"][-1])
            guess = closest(key, known) if len(problem["loc"]) == 1 else None
            hint = f"; did you mean '{guess}'?" if guess else ""
            lines.append(f"{path}: unknown key{hint} (known keys: {', '.join(known)})")
            continue
        message = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{path}: {message} (got {_show(problem.get('input'))})")
    return lines


def _show(value: object) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return repr(value)
