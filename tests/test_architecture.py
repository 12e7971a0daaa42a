"""The house keeps its shape (docs/architecture.md): each stage imports only the stages below
it, no module grows past 300 lines, no function past 50 (its docstring aside: a rule's
docstring is its documentation)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest

PACKAGE = Path(__file__).parent.parent / "lint" / "statement_lint"

# From the top of the stack down; a module may import its own stage and the stages below it.
# Stages on one line are neighbours: neither imports the other.
LAYERS = [
    ("statement_lint", "statement_lint.__main__", "statement_lint.schemagen"),
    ("statement_lint.cli",),
    ("statement_lint.web",),
    ("statement_lint.api",),
    ("statement_lint.run",),
    ("statement_lint.engine", "statement_lint.report"),
    ("statement_lint.config", "statement_lint.suppression"),
    ("statement_lint.rules",),
    ("statement_lint.parse",),
    ("statement_lint.reference",),
    ("statement_lint.readers",),
    ("statement_lint.model",),
    (
        "statement_lint.diagnostic",
        "statement_lint.errors",
        "statement_lint.version",
        "statement_lint.similarity",
    ),
    ("statement_lint.records", "statement_lint.regex"),
]
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> tuple[int, str]:
    """The layer of a module and the stage (package) it belongs to: the longest match."""
    best = (-1, "", "")
    for depth, stages in enumerate(LAYERS):
        for stage in stages:
            if (module == stage or module.startswith(stage + ".")) and len(stage) > len(best[2]):
                best = (depth, stage, stage)
    assert best[0] >= 0, f"{module} belongs to no stage of LAYERS: add it"
    return best[0], best[1]


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every statement_lint import, those inside functions too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "statement_lint"]


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_stack(path):
    layer, stage = stage_of(module_name(path))
    for line, target in imports(path):
        target_layer, target_stage = stage_of(target)
        upward = target_layer < layer
        sideways = target_layer == layer and target_stage != stage
        assert not (upward or sideways), (
            f"{path.relative_to(PACKAGE)}:{line} imports {target}, which is "
            f"{'above' if upward else 'beside'} it (docs/architecture.md)"
        )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{path.name}: split it"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                length -= first.end_lineno - first.lineno + 1  # the docstring
            assert length <= MAX_FUNCTION_LINES, f"{path.name}: {node.name} is {length} lines"


def test_the_stack_is_the_one_the_documentation_draws():
    drawing = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for stages in LAYERS:
        for stage in stages:
            name = stage.removeprefix("statement_lint.").replace(".", "/")
            assert name in drawing, f"docs/architecture.md does not place {stage}"


def test_one_vocabulary_of_alignment_slots():
    """The paragraph's slots are named once (model.SLOTS); the registry's statuses, and the
    words the date-aware rules use for them, follow that list."""
    from statement_lint.model import SLOTS, Slot
    from statement_lint.reference.registry import STATUS_SLOTS
    from statement_lint.reference.registry import Slot as StatusSlot
    from statement_lint.rules._dated import SLOT_PLACES, SLOT_WORDS

    assert get_args(Slot) == SLOTS
    assert get_args(StatusSlot) == STATUS_SLOTS
    assert set(STATUS_SLOTS) - {"eu-member"} <= set(SLOTS)
    assert set(SLOT_WORDS) == set(SLOT_PLACES) == set(STATUS_SLOTS)
