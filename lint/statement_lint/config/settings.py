"""The settings that apply to a file: plain values, with where each came from.

Settings come from defaults, then a config file (and the files it extends), then the command
line. Each value remembers where it came from, for `statement-lint config --show`.
"""

from __future__ import annotations

from statement_lint.readers.limits import Limits
from statement_lint.records import field, record, replace

# Skipped when a directory is walked (a path named on the command line is linted anyway,
# unless --force-exclude): hidden files and folders, tool folders, and the files that sit
# beside statements in archives and repositories but are not statements.
DEFAULT_EXCLUDE = (
    ".*",
    "node_modules/",
    "__pycache__/",
    "README.*",
    "CHANGELOG.*",
    "CHANGES.*",
    "HISTORY.*",
    "CONTRIBUTING.*",
    "LICENSE.*",
    "LICENCE.*",
    "NOTICE.*",
    "AUTHORS.*",
    "SECURITY.*",
    "CODE_OF_CONDUCT.*",
)
FAIL_ON_CHOICES = ("error", "warning")
# The output formats: each is the module of its name in `report/`, which says whether it is
# written file by file as the run goes (`STREAMS`).
OUTPUT_FORMATS = ("concise", "full", "json", "sarif", "github", "gitlab", "junit")
DEFAULT_SOURCE = "default"


# The keys a config file may set (besides `extend`), in the order `config --show` prints them:
# each is a field of Settings below (`-` for `_`) and of config.model.ConfigModel; a test
# keeps the three in step.
CONFIG_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "severity",
    "fail-on",
    "output-format",
    "profile",
    "registry",
    "limits",
)


@record(frozen=True)
class Settings:
    """Effective settings for one file. Tuples throughout, so settings can key caches."""

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    output_format: str = "concise"
    profile: str = "osce"
    registry: str | None = None  # a registry file; None: the bundled one
    limits: Limits = field(default_factory=Limits)
    # Where globs are anchored and relative paths resolved: the config file's directory.
    root: str | None = None
    config_path: str | None = None
    sources: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def source_of(self, key: str) -> str:
        return dict(self.sources).get(key, DEFAULT_SOURCE)

    def with_values(self, source: str, **values: object) -> Settings:
        """These settings with `values` set (keys as field names), remembering `source`."""
        known = dict(self.sources)
        known.update({key.replace("_", "-"): source for key in values})
        return replace(self, **values, sources=tuple(sorted(known.items())))

    @property
    def excluded(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude
