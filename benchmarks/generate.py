"""Generate a corpus of realistic statements for benchmarks.

    python benchmarks/generate.py DIRECTORY [COUNT]

Statements are about 3 KB, spread over the five layouts (header first, last, in the middle,
the whole document on one line, disclaimer split around the date); a third carry one slip.
The corpus is the same for the same COUNT (a fixed random seed).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

DISCLAIMER = (
    "The OSCE Secretariat bears no responsibility for the content of this document and "
    "circulates it without altering its content. The distribution by OSCE Conference Services "
    "of this document is without prejudice to OSCE decisions, as set out in documents agreed "
    "by OSCE participating States."
)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
SENTENCES = [
    "The European Union thanks the Chairpersonship for convening this meeting.",
    "We recall the commitments made in the Helsinki Final Act and the Charter of Paris.",
    "Russia's war of aggression against Ukraine continues to violate international law.",
    "We commend the work of the Special Monitoring Mission and of ODIHR in the region.",
    "The European Union calls for the full implementation of OSCE commitments on media freedom.",
    "We encourage the host country to make full use of the Office's expertise.",
    "We welcome the report presented on 11 November 2022 (SEC.GAL/142/22 OSCE+).",
    "As stated in PC.DEL/45/21, we remain committed to the comprehensive concept of security.",
    "Civil society and human rights defenders must be able to work without fear of reprisals.",
]
ALIGNMENT = (
    "The Candidate Countries NORTH MACEDONIA*, MONTENEGRO*, ALBANIA*, UKRAINE, the REPUBLIC OF "
    "MOLDOVA and BOSNIA and HERZEGOVINA*, the EFTA countries ICELAND, LIECHTENSTEIN and NORWAY, "
    "members of the European Economic Area, as well as ANDORRA and SAN MARINO align themselves "
    "with this statement."
)
FOOTNOTE = (
    "* North Macedonia, Montenegro, Albania and Bosnia and Herzegovina continue to be part of "
    "the Stabilisation and Association Process."
)
SLIPS = [
    ("symbol", lambda s: s.replace("/23", "/2023", 1)),
    ("date", lambda s: s.replace(" 2023", ", 2023", 1)),
    ("marker", lambda s: s.replace("ENGLISH only", "English only", 1)),
    ("disclaimer", lambda s: s.replace("without altering", "without changing", 1)),
    ("alignment", lambda s: s.replace("ALBANIA*", "ALBANIA", 1)),
]


def wrap(text: str, width: int = 90) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def parts(rng: random.Random, number: int) -> tuple[list[str], list[str], list[str]]:
    """Header lines, body paragraphs and the alignment closing of one generated statement."""
    header = [
        f"PC.DEL/{number + 1}/23",
        f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2023",
        "ENGLISH only",
    ]
    body = [" ".join(rng.choice(SENTENCES) for _ in range(4)) for _ in range(6)]
    return header, body, [ALIGNMENT, FOOTNOTE]


def statement(rng: random.Random, number: int) -> str:
    symbol = f"PC.DEL/{number + 1}/23"
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2023"
    body = [" ".join(rng.choice(SENTENCES) for _ in range(4)) for _ in range(6)]
    layout = rng.choice(["top", "bottom", "middle", "flat", "split"])
    if layout == "flat":
        left, right = DISCLAIMER.split(" and circulates", 1)
        first, second = right.split(" Conference Services", 1)
        header = f"{left} {symbol} and circulates{first} {date} Conference Services{second}"
        text = " ".join([header, "ENGLISH only", "Mr Chair,", *body, ALIGNMENT, FOOTNOTE]) + "\n"
    elif layout == "split":
        first, second = DISCLAIMER.split(" Conference Services", 1)
        header = f"{symbol} {first} {date}\n\nConference Services{second} ENGLISH only"
        text = "\n\n".join([header, "Mr Chair,", *body, ALIGNMENT, FOOTNOTE]) + "\n"
    else:
        header = "\n".join([symbol, date, "ENGLISH only", *wrap(DISCLAIMER)])
        paragraphs = ["\n".join(wrap(p)) for p in body]
        end = "\n".join([*wrap(ALIGNMENT), *wrap(FOOTNOTE)])
        if layout == "top":
            parts = [header, "Mr Chair,", *paragraphs, end]
        elif layout == "bottom":
            parts = ["Mr Chair,", *paragraphs, header, end]
        else:
            parts = ["Mr Chair,", *paragraphs[:3], header, *paragraphs[3:], end]
        text = "\n\n".join(parts) + "\n"
    if number % 3 == 0:
        _, slip = SLIPS[(number // 3) % len(SLIPS)]
        text = slip(text)
    return text


def generate(directory: Path, count: int) -> list[Path]:
    rng = random.Random(20261128)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = directory / f"pc-del-{number + 1:06d}-23.txt"
        path.write_text(statement(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    generate(target, total)
    print(f"wrote {total} statements to {target}")
