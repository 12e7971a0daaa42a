"""Validating a user's profile or registry, and writing the JSON Schemas: each reference class
turned into a pydantic model, from its type hints and the `spec(...)` of its fields. Imported
only for those two jobs: a run on the bundled data never loads pydantic."""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    model_validator,
)

from statement_lint.records import MISSING, is_record
from statement_lint.records import Field as RecordField
from statement_lint.records import fields as fields_of
from statement_lint.reference.build import _hints, build, dump
from statement_lint.reference.phrases import PHRASE_DESCRIPTION, parse_phrase

__all__ = ["ValidationError", "model_for", "validate"]

_CONFIG = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def validate(cls: type, data: Any) -> Any:
    """An instance of the reference class `cls` from a user's parsed JSON, or a pydantic
    ValidationError naming each problem and where it is."""
    model = model_for(cls).model_validate(data)
    return build(cls, model.model_dump(by_alias=True, mode="json"))


@cache
def model_for(cls: type) -> type[BaseModel]:
    """The pydantic model of a reference class: the same fields, keys, defaults and checks."""
    hints = _hints(cls)
    fields = {
        field.name: (_kind(hints[field.name], field.metadata), _field(field))
        for field in fields_of(cls)
    }

    def whole(self):
        # The class's own checks run on a built instance (in __post_init__): a ValueError
        # there is reported at this object's place in the file.
        build(cls, self.model_dump(by_alias=True, mode="json"))
        return self

    return create_model(
        cls.__name__,
        __config__=_CONFIG,
        __doc__=cls.__doc__,
        __validators__={"_checks": model_validator(mode="after")(whole)},
        **fields,
    )


def _field(field: RecordField) -> Any:
    meta = field.metadata
    options: dict[str, Any] = {"description": meta.get("description")}
    options.update({key: meta[key] for key in ("min_length", "max_length", "pattern", "ge")
                    if meta.get(key) is not None})  # fmt: skip
    if meta.get("also"):
        key = meta.get("alias") or field.name
        options["validation_alias"] = AliasChoices(key, *meta["also"])
        options["serialization_alias"] = key
    elif meta.get("alias"):
        options["alias"] = meta["alias"]
    if field.default is not MISSING:
        options["default"] = field.default
    elif field.default_factory is not MISSING:
        factory = field.default_factory
        options["default_factory"] = lambda: _as_models(factory())
    return Field(**options)


def _as_models(value: Any) -> Any:
    """A default made of reference objects, as the models' instances it stands for."""
    if isinstance(value, list):
        return [_as_models(item) for item in value]
    if is_record(value):
        return model_for(type(value)).model_validate(dump(value))
    return value


def _kind(kind: Any, meta: typing.Mapping[str, Any]) -> Any:
    """The type pydantic validates: reference classes as their models, and the strings of a
    phrase field (or a field of non-empty strings) with their checks."""
    origin = typing.get_origin(kind)
    if is_record(kind):
        return model_for(kind)
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_kind(arg, meta) for arg in typing.get_args(kind))]  # noqa: UP007
    if origin is list:
        (item,) = typing.get_args(kind)
        return list[_kind(item, meta)]
    if origin is dict:
        key, value = typing.get_args(kind)
        # Non-empty strings, for a dict, are its keys (`abbreviations`); phrases, its values.
        key_kind = _text(meta) if key is str and meta.get("items_min_length") else key
        value_meta = {name: v for name, v in meta.items() if name != "items_min_length"}
        return dict[key_kind, _kind(value, value_meta)]
    if kind is str and (meta.get("phrase") or meta.get("items_min_length")):
        return _text(meta)
    return kind


def _text(meta: typing.Mapping[str, Any]) -> Any:
    if meta.get("phrase"):
        return Annotated[
            str,
            AfterValidator(_phrase),
            Field(min_length=1, description=PHRASE_DESCRIPTION),
        ]
    return Annotated[str, Field(min_length=meta.get("items_min_length") or 1)]


def _phrase(phrase: str) -> str:
    parse_phrase(phrase)
    return phrase
