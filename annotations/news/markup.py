"""Inline markup of the news NER corpus: the format the annotators read and write.

An annotated article is its text with every entity wrapped as ``[[surface|LABEL]]``;
DATE and FIGURE entities (test split only) carry their normalised attributes:

    [[Angela Merkel|PER]]  [[Bundestag|ORG]]  [[Guam|LOC]]  [[Boeing 747|MISC]]
    [[Gestern|DATE|2007-08-20|date]]          [[drei Monaten|DATE|P3M|duration]]
    [[318|FIGURE|318|-|Passagier]]            [[7000 Kilometer|FIGURE|7000|km|Grenze]]

DATE: value (ISO 8601 date, month, year, week, season; ISO duration ``P3M``; ``-`` when
the text does not allow resolution), type (``date``, ``duration`` or ``set``).
FIGURE: value (a number), unit (``-`` for plain counts), about (lemma of what is
counted or measured, ``-`` when the text does not say).

Removing the markup must give back the article text exactly; ``parse`` checks that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

NAME_LABELS = ("PER", "ORG", "LOC", "MISC")
LABELS = NAME_LABELS + ("DATE", "FIGURE")
DATE_TYPES = ("date", "duration", "set")
MARK = re.compile(r"\[\[(?!\[)(?P<body>.+?)\]\]", re.S)  # "[[[X|PER]]]": literal "[" + mark + "]"


class MarkupError(ValueError):
    """An annotated text that does not parse, with the 1-based line it is on."""

    def __init__(self, message: str, line: int):
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str
    text: str
    attrs: dict = field(default_factory=dict, hash=False, compare=False)


def _null(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _attrs(label: str, parts: list[str], line: int) -> dict:
    if label in NAME_LABELS:
        if parts:
            raise MarkupError(f"{label} takes no attributes, got {parts!r}", line)
        return {}
    if label == "DATE":
        if len(parts) != 2:
            raise MarkupError("DATE needs value and type: [[text|DATE|value|type]]", line)
        kind = parts[1].strip()
        if kind not in DATE_TYPES:
            raise MarkupError(f"DATE type must be one of {DATE_TYPES}, got {kind!r}", line)
        return {"value": _null(parts[0]), "type": kind}
    if len(parts) != 3:
        raise MarkupError("FIGURE needs value, unit, about: [[text|FIGURE|value|unit|about]]", line)
    try:
        value = float(parts[0].strip().replace(",", "."))
    except ValueError:
        raise MarkupError(f"FIGURE value must be a number, got {parts[0]!r}", line) from None
    return {"value": int(value) if value.is_integer() else value,
            "unit": _null(parts[1]), "about": _null(parts[2])}


def parse(annotated: str) -> tuple[str, list[Mark]]:
    """Plain text and entities (character offsets into the plain text)."""
    plain: list[str] = []
    marks: list[Mark] = []
    pos = 0
    length = 0
    for m in MARK.finditer(annotated):
        before = annotated[pos:m.start()]
        plain.append(before)
        length += len(before)
        line = annotated.count("\n", 0, m.start()) + 1
        parts = m.group("body").split("|")
        # the surface may itself contain "|": the label is the first part that is one
        k = next((k for k in range(1, len(parts)) if parts[k].strip() in LABELS), None)
        if k is None:
            raise MarkupError(f"no known label {LABELS} in [[{m.group('body')}]]", line)
        surface, rest = "|".join(parts[:k]), parts[k:]
        label = rest[0].strip()
        if not surface.strip() or surface != surface.strip():
            raise MarkupError(f"span with outer spaces or empty: [[{m.group('body')}]]", line)
        if "[[" in surface:
            raise MarkupError(f"nested or unclosed markup in [[{m.group('body')}]]", line)
        marks.append(Mark(length, length + len(surface), label, surface, _attrs(label, rest[1:], line)))
        plain.append(surface)
        length += len(surface)
        pos = m.end()
    plain.append(annotated[pos:])
    text = "".join(plain)
    for bracket in ("[[", "]]"):
        if bracket in text:
            raise MarkupError(f"stray {bracket!r}", text[: text.index(bracket)].count("\n") + 1)
    return text, marks


def render(text: str, marks: list[Mark]) -> str:
    """The inverse of ``parse``: text with the entities wrapped."""
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: m.start):
        out.append(text[pos:m.start])
        body = [text[m.start:m.end], m.label]
        if m.label == "DATE":
            body += [m.attrs.get("value") or "-", m.attrs.get("type") or "date"]
        elif m.label == "FIGURE":
            body += [str(m.attrs.get("value")), m.attrs.get("unit") or "-", m.attrs.get("about") or "-"]
        out.append("[[" + "|".join(body) + "]]")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)
