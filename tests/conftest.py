from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
LAYOUTS = ("top", "bottom", "middle", "flat", "split")


@dataclass(frozen=True)
class Case:
    source: str  # cases file and index, for the test id
    rule: str
    expect: list[str]
    spec: dict

    @property
    def filename(self) -> str:
        return self.spec.get("filename", "statement.txt")

    @property
    def arguments(self) -> list[str]:
        return self.spec.get("arguments", [])

    def content(self) -> bytes:
        spec = self.spec
        if "content_hex" in spec:
            return bytes.fromhex(spec["content_hex"])
        if "content" in spec:
            text = spec["content"]
        else:
            text = (FIXTURES / spec["fixture"]).read_text(encoding="utf-8")
            for old, new in spec.get("replace", []):
                assert old in text, f"{self.source}: {old!r} is not in {spec['fixture']}"
                text = text.replace(old, new, 1)
            for pattern, replacement in spec.get("sub", []):
                text, count = re.subn(pattern, replacement, text, count=1, flags=re.S | re.M)
                assert count, f"{self.source}: {pattern!r} matches nothing in {spec['fixture']}"
        text = text.replace("\n", spec.get("newline", "\n"))
        return text.encode(spec.get("encoding", "utf-8"))


def load_cases() -> list[Case]:
    cases = []
    for path in sorted((TESTS / "cases").glob("*.toml")):
        with path.open("rb") as handle:
            for index, spec in enumerate(tomllib.load(handle)["case"], start=1):
                cases.append(Case(f"{path.stem}-{index}", spec["rule"], spec["expect"], spec))
    return cases
