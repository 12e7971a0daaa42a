"""Writes the JSON Schemas in `schemas/` from the pydantic models they describe.

    python -m statement_lint.schemagen [DIRECTORY]

The schemas ship with the package for editors and other tools; a test fails when a committed
schema no longer matches its model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schemas() -> dict[str, dict]:
    from statement_lint.config.model import ConfigModel
    from statement_lint.reference.gazetteer import Gazetteer
    from statement_lint.reference.profile import Profile
    from statement_lint.reference.registry import Registry
    from statement_lint.reference.validation import model_for
    from statement_lint.report.json import Report
    from statement_lint.run.baseline import BaselineFile

    models: dict[str, tuple[type[BaseModel], str]] = {
        "baseline.schema.json": (BaselineFile, "statement-lint baseline"),
        "config.schema.json": (ConfigModel, "statement-lint configuration"),
        "gazetteer.schema.json": (model_for(Gazetteer), "statement-lint gazetteer"),
        "profile.schema.json": (model_for(Profile), "statement-lint profile"),
        "registry.schema.json": (model_for(Registry), "statement-lint country registry"),
        "report.schema.json": (Report, "statement-lint report"),
        "register.schema.json": (_register_model(), "statement-lint register"),
    }
    generated = {}
    for filename, (model, title) in models.items():
        mode = "serialization" if model is Report else "validation"
        schema = _without_null_defaults(model.model_json_schema(by_alias=True, mode=mode))
        generated[filename] = {"$schema": SCHEMA_DIALECT, **schema, "title": title}
    return generated


def _register_model() -> type[BaseModel]:
    """`register --output-format json`'s document, its rows' fields read from the rows' own
    class (run/register.py), so the two cannot drift apart."""
    from typing import Literal, get_type_hints

    from pydantic import ConfigDict, create_model

    from statement_lint.run.register import Aligned, Row

    strict = ConfigDict(extra="forbid")
    aligned = create_model("Aligned", __config__=strict,
                           **{k: (v, ...) for k, v in get_type_hints(Aligned).items()})  # fmt: skip
    fields = {k: (v, ...) for k, v in get_type_hints(Row).items()}
    fields["aligned"] = (list[aligned], ...)
    document = create_model("Document", __config__=strict, **fields)
    tool = create_model("Tool", __config__=strict, name=(Literal["statement-lint"], ...),
                        version=(str, ...))  # fmt: skip
    return create_model(
        "Register", __config__=strict, schema_version=(Literal[1], ...), tool=(tool, ...),
        documents=(list[document], ...),
    )  # fmt: skip


def _without_null_defaults(schema: dict) -> dict:
    # Optional config keys default to "absent", which JSON Schema says by leaving them out.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        for prop in definition.get("properties", {}).values():
            if "default" in prop and prop["default"] is None:
                del prop["default"]
    return schema


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    directory = Path(arguments[0] if arguments else "schemas")
    directory.mkdir(parents=True, exist_ok=True)
    for filename, schema in schemas().items():
        (directory / filename).write_text(render(schema), encoding="utf-8")
        print(f"wrote {directory / filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
