"""Fuzzing: clean statements in every layout, damaged as drafts and extraction damage them and
then some (hostile characters, long runs, lines joined and broken), as .txt and as .docx.

For every input: no exception escapes (a bug would show as DOC003), every diagnostic's span lies
inside the text, the input is linted without hanging, and --fix never removes a word it does
not put back, and changes nothing when run a second time. The seed is fixed (derandomize), so
CI runs the same inputs every time; raise FUZZ_EXAMPLES to search longer, and set FUZZ_RANDOM=1
to search new inputs on every run.
"""

import os
import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents import Statement, docx_parts, write_docx
from mutations import layout_texts, lost_words, mutate
from statement_lint.config.settings import Settings
from statement_lint.diagnostic import Diagnostic
from statement_lint.engine import Engine
from statement_lint.readers import read_bytes, read_path
from statement_lint.run.fix import fix_document

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
# Not a speed claim (the benchmarks make those): a guard that turns a hang or a blow-up into a
# failure naming the input, with a margin of hundreds over a normal linting.
HANG_SECONDS = 10

LAYOUTS = layout_texts()
ENGINE = Engine()


def lint(document):
    return ENGINE.lint(document, Settings()).diagnostics


TRICKY = (
    "İ", "ß", "ﬁ", "\u00ad", "\u00a0", "\u200b", "\u202e", "\t", " ", "\n", "\r\n", "\r", "*",
    "+", "†", "/", ".", ",", "0", "9", "-", "'", "\u2019", "[1]", "OSCE+", "only", "Original:",
    "ENGLISH", "PC.DEL/", "2021", "31 April", "0000", "\\", "<!--", "statement-lint:", "disable=",
    "align themselves with this statement.", "the Candidate Countries", "as well as", "a",
)  # fmt: skip


def hostile(text: str, rng: random.Random) -> str:
    """`text` with a few edits no draft would make but a file may hold: tricky characters, long
    runs of them, slices dropped or doubled, lines joined or broken, case flipped."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        operation = rng.randrange(6)
        if operation == 0:
            text = text[:at] + rng.choice(TRICKY) + text[at:]
        elif operation == 1:  # a long run: the worst case of many a pattern
            run = rng.choice(TRICKY) * rng.choice((50, 500, 5000))
            text = text[:at] + run + text[at:]
        elif operation == 2:
            text = text[:at] + text[at + rng.randint(1, 200) :]
        elif operation == 3:
            end = at + rng.randint(1, 300)
            text = text[:end] + text[at:end] + text[end:]
        elif operation == 4:
            text = text.replace("\n", " ") if rng.random() < 0.5 else text.replace(", ", ",\n")
        else:
            end = at + rng.randint(1, 300)
            text = text[:at] + text[at:end].swapcase() + text[end:]
    return text


def damaged(rng: random.Random) -> str:
    text = LAYOUTS[rng.choice(sorted(LAYOUTS))]
    text = mutate(text, rng)
    if rng.random() < 0.5:
        text = hostile(text, rng)
    return text


def check_spans(diagnostics: list[Diagnostic], text: str) -> None:
    lines = text.split("\n")
    for d in diagnostics:
        assert d.code != "DOC003", d.message
        for line, column in ((d.line, d.column), (d.end_line, d.end_column)):
            assert 1 <= line <= len(lines), d
            assert 1 <= column <= len(lines[line - 1]) + 1, d
        assert (d.line, d.column) <= (d.end_line, d.end_column), d


def timed(function, *arguments):
    started = time.monotonic()
    result = function(*arguments)
    assert time.monotonic() - started < HANG_SECONDS, "hangs or blows up on this input"
    return result


FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=not os.environ.get("FUZZ_RANDOM"),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_text_statements(rng):
    text = damaged(rng)
    data = text.encode("utf-8", "surrogatepass")
    document = read_bytes(data, "fuzz.txt")
    diagnostics = timed(lint, document)
    if document.text is None:
        assert [d.code for d in diagnostics] == ["DOC001"]
        return
    check_spans(diagnostics, document.text)
    if not any(d.fix for d in diagnostics):
        return
    fixed = timed(fix_document, document, diagnostics, lint)
    after = fixed.data.decode(document.encoding)
    assert lost_words(document.raw or document.text, after) == []
    check_spans(fixed.diagnostics, fixed.document.text)
    again = fix_document(fixed.document, fixed.diagnostics, lint)
    assert again.data == fixed.data, "a second --fix changed the file again"


@settings(FUZZ, max_examples=max(EXAMPLES // 4, 10))
@given(st.randoms(use_true_random=False))
def test_word_statements(tmp_path_factory, rng):
    # Characters XML 1.0 cannot carry would only make every file DOC001: leave them out.
    text = "".join(c for c in damaged(rng) if c in "\t\n" or ord(c) >= 0x20)
    paragraphs = tuple(text.split("\n"))
    path = Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.docx"
    write_docx(docx_parts(Statement((), "", paragraphs, ())), path)
    document = timed(read_path, str(path))
    diagnostics = timed(lint, document)
    if document.text is not None:
        check_spans(diagnostics, document.text)
    else:
        assert [d.code for d in diagnostics] == ["DOC001"]
