"""Finding and reading config files.

For each linted file, the closest `statement-lint.toml`, or `pyproject.toml` with a
`[tool.statement-lint]` table, walking up from the file's directory to the repository root
(the directory holding `.git`) or the filesystem root, applies; in one directory,
`statement-lint.toml` wins. `extend = "path"` inherits another file's settings, which this
file's own keys override. `--config PATH` uses one file for everything; `--isolated` none.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from statement_lint.errors import UserError
from statement_lint.settings import Settings

CONFIG_NAMES = ("statement-lint.toml", "pyproject.toml")
PYPROJECT_TABLE = "tool.statement-lint"
COMMAND_LINE = "command line"
# Keys whose values are paths, resolved against the directory of the file that sets them.
_PATH_KEYS = ("profile", "registry")


class ConfigError(UserError):
    """A config file that cannot be read or is invalid: reported with its path, exit 2."""


@dataclass(frozen=True)
class ConfigValues:
    """The keys a config file sets (after `extend`), each with the file that set it."""

    path: Path
    values: dict[str, tuple[object, str]]


def config_table(path: Path) -> tuple[dict | None, str]:
    """The statement-lint table of a config file (None if a pyproject.toml has none), and the
    key prefix to show in messages."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(
            f"{path}: cannot be read: {(error.strerror or str(error)).lower()}"
        ) from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("statement-lint")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: {PYPROJECT_TABLE} must be a table")
        return table, PYPROJECT_TABLE
    return document, ""


def read_config(path: Path, seen: tuple[Path, ...] = ()) -> ConfigValues:
    path = path.resolve()
    if path in seen:
        chain = " -> ".join(str(p) for p in (*seen, path))
        raise ConfigError(f"{path}: extend makes a cycle: {chain}")
    table, prefix = config_table(path)
    if table is None:
        raise ConfigError(f"{path}: has no [{PYPROJECT_TABLE}] table")

    from pydantic import ValidationError

    from statement_lint.configmodel import ConfigModel, describe

    try:
        model = ConfigModel.model_validate(table)
    except ValidationError as error:
        problems = "".join(f"\n  {problem}" for problem in describe(error, prefix))
        raise ConfigError(f"{path} is not a valid configuration:{problems}") from None

    values: dict[str, tuple[object, str]] = {}
    if model.extend is not None:
        base = Path(model.extend)
        base = base if base.is_absolute() else path.parent / base
        if not base.is_file():
            key = f"{prefix}.extend" if prefix else "extend"
            raise ConfigError(f"{path}: {key}: no such file {str(base)!r}")
        values.update(read_config(base, (*seen, path)).values)
    for key, value in model.model_dump(exclude_unset=True, exclude={"extend"}).items():
        if key in _PATH_KEYS and isinstance(value, str) and _looks_like_path(value):
            value = str((path.parent / value).resolve())
        values[key] = (value, str(path))
    return ConfigValues(path, values)


def _looks_like_path(value: str) -> bool:
    # `profile = "osce"` names a bundled profile; anything path-like is a file.
    return "/" in value or value.endswith(".json") or value.startswith(".")


def apply(settings: Settings, config: ConfigValues) -> Settings:
    """`settings` with the config's values on top, anchored at the config's directory."""
    for key, (value, source) in config.values.items():
        if key == "limits":
            values = {name: number for name, number in value.items() if number is not None}
            settings = settings.with_values(source, limits=replace(settings.limits, **values))
            continue
        if isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, dict):
            value = tuple(
                (name, tuple(item) if isinstance(item, list) else item)
                for name, item in value.items()
            )
        settings = settings.with_values(source, **{key: value})
    return settings.with_values(
        str(config.path), root=str(config.path.parent), config_path=str(config.path)
    )


class ConfigResolver:
    """Settings for each file: defaults, then the file's config, then the command line."""

    def __init__(
        self,
        config: str | None = None,
        isolated: bool = False,
        overrides: dict[str, object] | None = None,
    ) -> None:
        self._overrides = overrides or {}
        self._fixed: Settings | None = None
        self._by_directory: dict[str, Settings] = {}
        self._by_config: dict[str, Settings] = {}
        if config is not None:
            path = Path(config)
            if not path.is_file():
                raise ConfigError(f"--config {config}: no such file")
            self._fixed = self._settings(path)
        elif isolated:
            self._fixed = self._finish(Settings())

    def for_path(self, path: str) -> Settings:
        directory = path if os.path.isdir(path) else os.path.dirname(path) or "."
        return self.for_directory(directory)

    def for_directory(self, directory: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        directory = os.path.abspath(directory)
        found = self._by_directory.get(directory)
        if found is None:
            config = _config_in(directory)
            parent = os.path.dirname(directory)
            if config is not None:
                found = self._settings(config)
            elif parent == directory or os.path.exists(os.path.join(directory, ".git")):
                found = self._finish(Settings())
            else:
                found = self.for_directory(parent)
            self._by_directory[directory] = found
        return found

    def _settings(self, config: Path) -> Settings:
        key = str(config.resolve())
        if key not in self._by_config:
            self._by_config[key] = self._finish(apply(Settings(), read_config(config)))
        return self._by_config[key]

    def _finish(self, settings: Settings) -> Settings:
        values = dict(self._overrides)
        if "ignore" in values:
            values["ignore"] = settings.ignore + tuple(values["ignore"])
        if "extend_select" in values:
            values["extend_select"] = settings.extend_select + tuple(values["extend_select"])
        return settings.with_values(COMMAND_LINE, **values) if values else settings


def _config_in(directory: str) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = Path(directory, name)
        if candidate.is_file():
            if name == "pyproject.toml" and config_table(candidate)[0] is None:
                continue
            return candidate
    return None
