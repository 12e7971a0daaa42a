"""Finding and reading config files.

For each linted file, the closest `statement-lint.toml`, or `pyproject.toml` with a
`[tool.statement-lint]` table, walking up from the file's directory to the repository root
(the directory holding `.git`) or the filesystem root, applies; in one directory,
`statement-lint.toml` wins. `extend = "path"` inherits another file's settings, which this
file's own keys override. `--config PATH` uses one file for everything; `--isolated` none.
"""

from __future__ import annotations

import os

from statement_lint.config.quick import quick_values
from statement_lint.config.settings import Settings
from statement_lint.errors import UserError
from statement_lint.readers import Unreadable, read_utf8
from statement_lint.readers.limits import MEGABYTE
from statement_lint.records import record, replace

CONFIG_NAMES = ("statement-lint.toml", "pyproject.toml")
PYPROJECT_TABLE = "tool.statement-lint"
COMMAND_LINE = "command line"
# Keys whose values are paths, resolved against the directory of the file that sets them.
_PATH_KEYS = ("profile", "registry")
# A config is a few hundred bytes; 4 MB still holds some 70,000 per-file-ignores entries (about
# a second to parse), and keeps a wrong file (a log, a disk image) from being read whole.
CONFIG_LIMIT = 4 * MEGABYTE
_TOML_TYPES = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"))


class ConfigError(UserError):
    """A config file that cannot be read or is invalid: reported with its path, exit 2."""


@record(frozen=True)
class ConfigValues:
    """The keys a config file sets (after `extend`), each with the file that set it."""

    path: str
    values: dict[str, tuple[object, str]]


@record(frozen=True)
class Named:
    """How a message about reading a config file names it, and what it says to do."""

    subject: str
    advice: str

    @classmethod
    def found(cls, path: str) -> Named:
        return cls(f"{path}:", "a config file must be a readable UTF-8 TOML file")


def config_table(path: str, named: Named | None = None) -> tuple[dict | None, str]:
    """The statement-lint table of a config file (None if a pyproject.toml has none), and the
    key prefix to show in messages. `named`: how to name the file if it cannot be read."""
    try:
        text = read_utf8(path, CONFIG_LIMIT, "a config file")
    except Unreadable as problem:
        named = named or Named.found(path)
        raise ConfigError(problem.message(named.subject, named.advice)) from None
    import tomllib  # only where there is a config file: a run without one spares the import

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(
            f"{path}: invalid TOML: arrays or inline tables nested too deeply to read; "
            "settings nest two levels deep at most"
        ) from None
    if os.path.basename(path) != "pyproject.toml":
        return document, ""
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(
            f"{path}: tool: must be a table, not {_toml_type(tool)}; statement-lint reads "
            f"its settings from [{PYPROJECT_TABLE}]"
        )
    table = tool.get("statement-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(
            f"{path}: {PYPROJECT_TABLE}: must be a table, not {_toml_type(table)}; write the "
            f"settings under [{PYPROJECT_TABLE}]"
        )
    return table, PYPROJECT_TABLE


def _toml_type(value: object) -> str:
    for kind, name in _TOML_TYPES:
        if isinstance(value, kind):
            return name
    return "an array" if isinstance(value, list) else "a date or time"


def read_config(path: str, named: Named | None = None) -> ConfigValues:
    """The values of the config file at `path` and of the files it extends (followed in a
    loop, not by recursion: a chain of any length is read)."""
    chain: list[tuple[str, dict[str, object]]] = []
    named = named or Named.found(path)  # by the name it was found under, not a link's target
    current = _real(path)
    seen: set[str] = set()
    while True:
        if current in seen:
            cycle = " -> ".join((*(p for p, _ in chain), current))
            raise ConfigError(f"{current}: extend makes a cycle: {cycle}; remove one extend")
        seen.add(current)
        own, prefix = _validated(current, named)
        extend = own.pop("extend", None)
        chain.append((current, own))
        if extend is None:
            break
        base = os.path.normpath(os.path.join(os.path.dirname(current), extend))
        key = f"{prefix}.extend" if prefix else "extend"
        named = Named(f"{current}: {key}: {base!r}", f"point {key} at a readable UTF-8 TOML file")
        current = _real(base)

    values: dict[str, tuple[object, str]] = {}
    for source, own in reversed(chain):  # the base first: each file overrides what it extends
        for key, value in own.items():
            if key in _PATH_KEYS and isinstance(value, str) and _looks_like_path(value):
                value = _real(os.path.join(os.path.dirname(source), value))
            values[key] = (value, source)
    return ConfigValues(chain[0][0], values)


def _real(path: str) -> str:
    # Not Path.resolve(), which raises on a symlink loop: reading the path reports that.
    return os.path.realpath(path)


def _validated(path: str, named: Named | None) -> tuple[dict[str, object], str]:
    """The values the file sets (by field name: `extend_select`), validated, and the key
    prefix for messages."""
    table, prefix = config_table(path, named)
    if table is None:
        raise ConfigError(
            f"{path}: has no [{PYPROJECT_TABLE}] table; add one, or name another config file"
        )
    values = quick_values(table)
    if values is not None:
        return values, prefix

    from pydantic import ValidationError

    from statement_lint.config.model import ConfigModel, describe

    try:
        return ConfigModel.model_validate(table).model_dump(exclude_unset=True), prefix
    except ValidationError as error:
        problems = describe(error, prefix)
    shown = [_pointed_at(path, prefix, location, line) for location, line in problems]
    if len(shown) == 1:
        raise ConfigError(f"{path}: {shown[0]}")
    listed = "".join(f"\n  {problem}" for problem in shown)
    raise ConfigError(f"{path} is not a valid configuration:{listed}")


def _pointed_at(path: str, prefix: str, location: tuple, line: str) -> str:
    """The problem with the line it is on and a caret under it, where that can be found."""
    from statement_lint.config.pointer import pointed

    try:
        text = read_utf8(path, CONFIG_LIMIT, "a config file")
    except Unreadable:
        return line
    unknown_key = "unknown key" in line
    found = pointed(text, prefix, location, at_value=not unknown_key)
    return f"{line}\n{found}" if found else line


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
        config.path, root=os.path.dirname(config.path), config_path=config.path
    )


class ConfigResolver:
    """Settings for each file: defaults, then the file's config, then the command line."""

    def __init__(
        self,
        config: str | None = None,
        isolated: bool = False,
        overrides: dict[str, object] | None = None,
        settings: Settings | None = None,
    ) -> None:
        """`settings`, when given, apply to every file (the library's callers pass them)."""
        self._overrides = overrides or {}
        self._fixed: Settings | None = settings
        self._by_directory: dict[str, Settings] = {}
        self._by_config: dict[str, Settings] = {}
        if settings is None and config is not None:
            named = Named(f"--config {config}:", "give --config a readable UTF-8 TOML file")
            self._fixed = self._settings(config, named)
        elif settings is None and isolated:
            self._fixed = self._finish(Settings())

    def for_path(self, path: str) -> Settings:
        if self._fixed is not None:
            return self._fixed  # no need to look at the path (a stat per file)
        directory = path if os.path.isdir(path) else os.path.dirname(path) or "."
        return self.for_directory(directory)

    def for_directory(self, directory: str) -> Settings:
        if self._fixed is not None:
            return self._fixed
        # Up from `directory` in a loop (a folder may be thousands deep): the folders passed
        # on the way get the settings found.
        directory = os.path.abspath(directory)
        passed = []
        found = self._by_directory.get(directory)
        while found is None:
            passed.append(directory)
            config = _config_in(directory)
            parent = os.path.dirname(directory)
            if config is not None:
                found = self._settings(config)
            elif parent == directory or os.path.exists(os.path.join(directory, ".git")):
                found = self._finish(Settings())
            else:
                directory = parent
                found = self._by_directory.get(directory)
        for folder in passed:
            self._by_directory[folder] = found
        return found

    def _settings(self, config: str, named: Named | None = None) -> Settings:
        key = _real(config)
        if key not in self._by_config:
            values = read_config(config, named)
            self._by_config[key] = self._finish(apply(Settings(), values))
        return self._by_config[key]

    def _finish(self, settings: Settings) -> Settings:
        values = dict(self._overrides)
        if "ignore" in values:
            values["ignore"] = settings.ignore + tuple(values["ignore"])
        if "extend_select" in values:
            values["extend_select"] = settings.extend_select + tuple(values["extend_select"])
        return settings.with_values(COMMAND_LINE, **values) if values else settings


def _config_in(directory: str) -> str | None:
    """The config file of `directory`, if any. Whatever bears a config file's name is read as
    one: a FIFO, a folder or a dangling link of that name is an error, not a silent default."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if not os.path.lexists(candidate):
            continue
        if name == "pyproject.toml" and config_table(candidate)[0] is None:
            continue
        return candidate
    return None
