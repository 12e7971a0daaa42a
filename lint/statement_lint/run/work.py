"""The work on one file after another, whatever a run makes of each file (linting's
`FileResult`, the register's row): settings by folder, the engine built when first needed, the
result cache, and a bug on one file that never stops the run. A worker process builds a `Work`
of the same class from the same options (`run.workers`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from statement_lint.config.files import ConfigResolver
from statement_lint.config.settings import Settings
from statement_lint.errors import UserError
from statement_lint.records import record
from statement_lint.run.discover import display_path

if TYPE_CHECKING:
    from statement_lint.engine import Engine


@record(frozen=True)
class FileOptions:
    """What the work on each file depends on; the same in every worker process."""

    config: str | None = None
    isolated: bool = False
    overrides: tuple[tuple[str, object], ...] = ()
    cache_dir: str | None = None  # None: no cache
    fix: bool = False
    diff: bool = False
    settings: Settings | None = None  # for every file, instead of config files
    annotate: str | None = None  # Word files' commented copies: "" beside them, or a folder


class Work:
    """Subclasses say what a file gives (`made`: the run asks `cached` first), and what a bug
    met on the way gives (`failed`); `cache` is theirs to set (a `run.cache.ResultCache` or
    `run.register.RowCache`), or None."""

    def __init__(self, options: FileOptions) -> None:
        self.options = options
        self.resolver = ConfigResolver(
            options.config, options.isolated, dict(options.overrides), options.settings
        )
        self.cache = None
        self._engine = None  # built when a file needs reading: a re-run from the cache
        # imports no parser and no rule

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from statement_lint.engine import Engine

            self._engine = Engine()
        return self._engine

    def cached(self, path: str):
        """The file's result from the cache, if it holds a valid one (None without a cache);
        the file's bytes are not read."""
        if self.cache is None:
            return None
        try:
            return self.cache.lookup(self.resolver.for_path(path), path, display_path(path))
        except UserError:
            raise
        except Exception:
            return None  # reading the file will tell what is wrong

    def run(self, path: str):
        """The file's result; a bug met on the way is this file's `failed` result, and the run
        goes on."""
        shown = display_path(path)
        settings = self.resolver.for_path(path)
        try:
            return self.made(path, shown, settings)
        except UserError:
            raise
        except Exception as error:
            return self.failed(path, shown, settings, error)

    def made(self, path: str, shown: str, settings: Settings):
        raise NotImplementedError

    def failed(self, path: str, shown: str, settings: Settings, error: Exception):
        raise NotImplementedError

    def finish(self) -> None:
        """Write what the cache learnt, and close it."""
        if self.cache is not None:
            self.cache.close()
