"""文书字号: formatting and parsing document numbers by an agency's pattern.

The default pattern, after GB/T 9704-2012 §7.2.5, is ``{agency}{code}字〔{year}〕{seq}号`` (e.g.
``东综执罚决字〔2026〕12号``). An agency may print ``第{seq}号`` or pad the sequence: ``{seq:03}``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

DEFAULT_PATTERN = "{agency}{code}字〔{year}〕{seq}号"


@dataclass(frozen=True)
class ParsedNumber:
    agency: str
    code: str
    year: int
    seq: int


def _parts(pattern: str) -> list[tuple[str, str | None, str]]:
    from desk.casefile.limits import pattern_error

    if pattern_error(pattern) is not None:
        raise ValueError(f"a number pattern needs each of {{agency}} {{code}} {{year}} {{seq}} once: {pattern}")
    parts = list(string.Formatter().parse(pattern))
    return [(literal, name, spec or "") for literal, name, spec, _ in parts]


def format_number(pattern: str, *, agency: str, code: str, year: int, seq: int) -> str:
    head, width, tail = around_seq(pattern, agency=agency, code=code, year=year)
    return head + str(seq).zfill(width) + tail


def around_seq(pattern: str, *, agency: str, code: str, year: int) -> tuple[str, int, str]:
    """What a number of this pattern prints before its sequence, the sequence's zero-padded width, and what
    follows it: ``format_number`` is ``head + str(seq).zfill(width) + tail`` (the pattern names {seq} once)."""
    texts: list[list[str]] = [[], []]  # before and after {seq}
    width, after = 0, 0
    for literal, name, spec in _parts(pattern):
        texts[after].append(literal)
        if name == "seq":
            width, after = int(spec) if spec.isdigit() else 0, 1
        elif name is not None:
            texts[after].append(str({"agency": agency, "code": code, "year": year}[name]))
    return "".join(texts[0]), width, "".join(texts[1])


@cache
def _regex(pattern: str, agency: str) -> re.Pattern[str]:
    out = []
    for literal, name, spec in _parts(pattern):
        out.append(re.escape(literal))
        if name == "agency":
            out.append(re.escape(agency))
        elif name == "code":
            out.append(r"(?P<code>[^\d\s〔〕\[\]()（）]+?)")
        elif name == "year":
            out.append(r"(?P<year>\d{4})")
        elif name == "seq":
            width = int(spec) if spec.isdigit() else 0
            out.append(rf"(?P<seq>\d{{{width}}}|[1-9]\d{{{width},}})" if width else r"(?P<seq>[1-9]\d*)")
    return re.compile("".join(out) + r"\Z")


def parse_number(pattern: str, agency: str, number: str) -> ParsedNumber | None:
    """The parts of ``number`` under ``pattern``, or None when it does not match."""
    m = _regex(pattern, agency).match(number)
    if not m or int(m["seq"]) == 0:
        return None
    return ParsedNumber(agency, m["code"], int(m["year"]), int(m["seq"]))
