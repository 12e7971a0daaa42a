"""Mutated statements for the fuzz tests: a clean statement in one of the five layouts with its
disclaimer, header or alignment paragraph damaged the ways drafts and extraction damage them
(a word dropped, changed or swapped, a line dropped or moved, body text pushed in), and the
checks that --fix kept every word it does not restore."""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from pathlib import Path

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
DISCLAIMER_START = "The OSCE Secretariat"
DISCLAIMER_END = "participating States."
BODY_FRAGMENTS = (
    "Madam Chair,",
    "Thank you, Mr Chair.",
    "We call for full respect of the ceasefire",
    "* North Macedonia, Montenegro and Albania continue to be part of the Process.",
    "as well as UKRAINE",
    "PC.DEL/99/21",
    "8 July 2021",
    "ENGLISH only",
    "changing",
    "the",
    "Secretariat",
)
_WORD = re.compile(r"\S+")


def layout_texts() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(LAYOUTS.glob("*.txt"))}


def _disclaimer_words(text: str) -> list[re.Match[str]]:
    start = text.find(DISCLAIMER_START)
    end = text.find(DISCLAIMER_END, start) + len(DISCLAIMER_END)
    return list(_WORD.finditer(text, start, end))


def _line_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end + 1


# Slips in the other fixable parts: (pattern, replacements), the first match replaced.
HEADER_SLIPS = (
    (r"\b(\d{1,2}) (\w+) (20\d\d)\b", (r"\2 \1, \3", r"\1 \2, \3", r"\1th \2 \3", r"\2\n\1, \3")),
    (
        r"ENGLISH only",
        (
            "English only",
            "Only ENGLISH",
            "ENGLISH ONLY",
            "ENGLISH\nonly",
            "English only EUROPEAN UNION",
        ),
    ),
    (r"Original: ENGLISH", ("Original: English", "ORIGINAL: ENGLISH", "Original:\nEnglish")),
    (r"ALBANIA\*", ("ALBANIA", "ALBANIA ")),
    (
        r"align themselves with this statement",
        (
            "align with this statement",
            "align themselves\nwith this declaration",
            "aligns with this statement",
        ),
    ),
)


# What extraction and conversion leave around correct text: a header cell beside a letterhead
# (a tab, a -layout gap), invisible marks, a symbol wrapped after its slash, pdftotext's page
# break glued to a page number.
EXTRACTION = (
    (r"(?m)^PC\.DEL/", ("EUROPEAN UNION\tPC.DEL/", "EUROPEAN UNION      PC.DEL/")),
    (r"(\d{4})\n", ("\\1\u200e\n", "\\1\u200b\n")),
    (r"ALBANIA", ("\u200fALBANIA", "ALBANIA\u2060")),
    (r"(PC\.DEL/\d+/)", ("\\1\n",)),
    (r"\n(?=[A-Z])", ("\n\f- 2 -\n", "\n- 2 -\nPC.DEL/1/21\n")),
)


def mutate(text: str, rng: random.Random) -> str:
    """`text` with one to three random damages to its disclaimer, and sometimes to its header
    or alignment paragraph."""
    for _ in range(rng.randint(0, 2)):
        pattern, replacements = rng.choice(HEADER_SLIPS + EXTRACTION)
        text = re.sub(pattern, rng.choice(replacements), text, count=1)
    for _ in range(rng.randint(1, 3)):
        words = _disclaimer_words(text)
        if len(words) < 8:
            return text
        index = rng.randrange(len(words) - 6)
        word = words[index]
        run = words[index : index + rng.randint(1, 6)]
        fragment = rng.choice(BODY_FRAGMENTS)
        operation = rng.randrange(8)
        if operation == 0:  # a word dropped
            text = text[: word.start()] + text[word.end() + 1 :]
        elif operation == 1:  # a word changed
            text = text[: word.start()] + fragment.split()[0] + text[word.end() :]
        elif operation == 2:  # a run replaced by other text
            text = text[: run[0].start()] + fragment + text[run[-1].end() :]
        elif operation == 3:  # a line dropped
            start, end = _line_of(text, word.start())
            text = text[:start] + text[end:]
        elif operation == 4:  # a line moved to another place
            start, end = _line_of(text, word.start())
            line, rest = text[start:end], text[:start] + text[end:]
            lines = rest.splitlines(keepends=True)
            where = rng.randrange(len(lines) + 1)
            text = "".join(lines[:where]) + line.rstrip("\n") + "\n" + "".join(lines[where:])
        elif operation == 5:  # text pushed in
            text = text[: word.start()] + fragment + " " + text[word.start() :]
        elif operation == 6:  # two words swapped
            following = words[index + 1]
            text = (
                text[: word.start()]
                + following.group()
                + text[word.end() : following.start()]
                + word.group()
                + text[following.end() :]
            )
        else:  # a run dropped
            text = text[: run[0].start()] + text[run[-1].end() :]
    return text


# The most words one fix may replace: a slip of the pen, not a passage.
MAX_REPLACED = 2


def _normal_words(text: str) -> list[str]:
    words = (word.strip(".,;:!?()[]\"'").lower() for word in text.split())
    return [word for word in words if word]


def lost_words(before: str, after: str) -> list[str]:
    """The words a fix took away without putting them back. Case, punctuation and order do
    not count (`Only ENGLISH` -> `ENGLISH only` loses nothing). Words are lost when more words
    are gone than came back, or when one stretch of the text lost more than a slip's worth
    (a sentence overwritten by disclaimer words)."""
    old, new = _normal_words(before), _normal_words(after)
    gone = Counter(old) - Counter(new)
    added = Counter(new) - Counter(old)
    lost = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        taken = [word for word in old[i1:i2] if gone[word] > 0] if tag != "equal" else []
        if len(taken) > MAX_REPLACED:
            lost.append(" ".join(old[i1:i2]))
    if gone.total() > added.total():
        lost.append(" ".join(sorted(gone.elements())))
    return lost
