"""Reference data, bundled with the package: the gazetteer of country names, the conventions
profile and the dated registry of the countries' statuses.

Each is a JSON file under ``data/``, described by plain records (`records.record`) in this package
(one module each). The bundled files are read with `json` alone (`build.py`); a user's copy is
validated first (`validation.py`, which turns the classes into pydantic models); the JSON Schemas in
``schemas/`` are generated from the same models (``python -m statement_lint.schemagen``).
Loading happens here, once per file.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING

from statement_lint.errors import UserError, key_path
from statement_lint.reference.build import build

if TYPE_CHECKING:  # imported where they are loaded: a module that needs one needs not all
    from statement_lint.reference.gazetteer import Gazetteer
    from statement_lint.reference.profile import Profile
    from statement_lint.reference.registry import Registry

# The package is installed as files (never zipped): reading them directly spares a run
# importing importlib.resources and what it pulls in.
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "data")


def _data_text(*parts: str) -> str:
    with open(os.path.join(_DATA, *parts), encoding="utf-8") as handle:
        return handle.read()


@cache
def default_gazetteer() -> Gazetteer:
    from statement_lint.reference.gazetteer import Gazetteer

    return build(Gazetteer, json.loads(_data_text("gazetteer.json")))


# The bundled registry and profile are some tens of kilobytes; a user's copy is alike.
USER_FILE_LIMIT = 16 * 1024 * 1024


class ProfileError(UserError):
    """A profile that cannot be read or is invalid: reported with its path, exit 2."""


def bundled_profiles() -> list[str]:
    names = os.listdir(os.path.join(_DATA, "profiles"))
    return sorted(name.removesuffix(".json") for name in names if name.endswith(".json"))


@cache
def load_registry(path: str | None = None) -> Registry:
    """The bundled registry, or the copy at `path`."""
    from statement_lint.reference.registry import Registry

    if path is None:
        return build(Registry, json.loads(_data_text("registry.json")))
    return _load_user_file("registry", path, Registry)


@cache
def default_profile() -> Profile:
    return load_profile("osce")


@cache
def load_profile(spec: str) -> Profile:
    """A bundled profile by name (`osce`), or a profile JSON file by path."""
    from statement_lint.reference.profile import Profile

    if spec in bundled_profiles():
        return build(Profile, json.loads(_data_text("profiles", f"{spec}.json")))
    if not spec.endswith(".json") and "/" not in spec:
        raise ProfileError(
            f"profile {spec!r}: no such bundled profile (bundled: "
            f"{', '.join(bundled_profiles())}) and not a path to a .json file"
        )
    return _load_user_file("profile", spec, Profile)


def _load_user_file(kind: str, path: str, cls: type):
    """A user's profile or registry file, validated; what is wrong is an exit-2 error."""
    from statement_lint.readers import Unreadable, read_utf8
    from statement_lint.reference.validation import ValidationError, validate

    try:
        text = read_utf8(path, USER_FILE_LIMIT, f"a {kind} file")
    except Unreadable as problem:
        raise ProfileError(
            problem.message(f"{kind} {path}:", "give the path of a JSON file")
        ) from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ProfileError(f"{kind} {path}: (top level): Invalid JSON: {error}") from None
    try:
        return validate(cls, data)
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            problems.append(f"{kind} {path}: {key_path(problem['loc'])}: {problem['msg']}")
        raise ProfileError("\n".join(problems)) from None
