"""Plain data types passed between the stages (ingest -> clean -> annotate -> review -> export).

Every stage takes and returns these; no stage reaches into another's internals.
Offsets: `Removed.start/end` are offsets into the *raw* decoded text; `Entity.start/end`
are offsets into the *clean* text (`CleanDoc.text`, the record's `text`).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Optional, Union

LABELS = ("PER", "ORG", "LOC", "MISC", "DATE", "FIGURE")
SOURCES = ("model", "rule", "review")
STATUSES = ("pending", "accepted", "rejected", "corrected")

#: the value fields each label carries (the record schema, the review log, exports and the
#: review app read them from here); ``required`` ones are present even when null
LABEL_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    **{lab: {"optional": ("canonical",), "required": ()} for lab in ("PER", "ORG", "LOC", "MISC")},
    "DATE": {"optional": ("type",), "required": ("value",)},
    "FIGURE": {"optional": ("event",), "required": ("value", "unit", "about", "qualifier")},
}
#: every value field of any label, in a fixed order
VALUE_FIELDS = ("value", "unit", "about", "qualifier", "event", "canonical", "type")
#: DATE ``type`` (TimeML): a point or period on the calendar, a duration, a recurring set
DATE_TYPES = ("date", "duration", "set")

# The DATE values the pipeline writes (TimeML VALUE; nlp/dates, nlp/figures/durations, the sets of
# lang/de/measures.json), one grammar for the record schema, the review log and the review app:
#   date:     a year ("2022"; expanded and before 1 AD "-1499", "-27990"), decade "199", century "19",
#             + "-01", "-01-06", "-W03", "-W35-WE", "-W03-4", "-Q1", "-H2", "-SP|SU|FA|WI"; a time "T12:30";
#             an interval "a/b" of two of them
#   duration: "P30Y", "P6M", "P2Y5M", "P1DT5H", "PT2H46M", "PT1M14.95S", "P1W" ("X" for an unknown number: "PXY")
#   set:      "XXXX-01", "XXXX-01-19", "XXXX-WXX-1", "XXXX-WXX-WE", "XXXX-SU"; and a duration's shape
#             ("P1Y" every year, "PT30M" every half hour) with the type "set"
_D_CAL = r"-?\d{2,}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-[1-7]|-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:T\d{2}(?::\d{2}(?::\d{2})?)?)?"
_D_N = r"(?:\d+(?:\.\d+)?|X)"
_D_DUR = rf"P(?!T?$)(?:{_D_N}Y)?(?:{_D_N}M)?(?:{_D_N}W)?(?:{_D_N}D)?(?:T(?!$)(?:{_D_N}H)?(?:{_D_N}M)?(?:{_D_N}S)?)?"
_D_SET = r"XXXX-(?:\d{2}(?:-\d{2})?|WXX(?:-[1-7]|-WE)?|SP|SU|FA|WI)"
DATE_VALUE_SHAPES = {"date": rf"{_D_CAL}(?:/{_D_CAL})?", "duration": _D_DUR, "set": _D_SET}
#: the whole grammar, anchored (the record schema's `pattern` for a DATE's value)
DATE_VALUE_PATTERN = "^(?:" + "|".join(f"(?:{p})" for p in DATE_VALUE_SHAPES.values()) + ")$"
#: the types a value of each shape may have (a duration's shape is also a set's: "P1Y" = every year)
DATE_SHAPE_TYPES = {"date": ("date",), "duration": ("duration", "set"), "set": ("set",)}


def date_value_shape(value: Any) -> Optional[str]:
    """"date", "duration" or "set": the shape of a DATE value in the grammar above; None when it is none of them."""
    if not isinstance(value, str):
        return None
    return next((k for k, p in DATE_VALUE_SHAPES.items() if re.fullmatch(p, value)), None)


def date_type_for(value: Any, current: Optional[str] = None) -> Optional[str]:
    """The `type` a DATE with `value` has: `current` (the entity's type so far) where the value's shape
    allows it (a set "P1Y" stays a set, a date stays a date), else the shape's own ("P3M" -> duration,
    "2022-01" -> date, "XXXX-WXX-1" -> set); `current` (or "date") for no value or one outside the grammar."""
    shape = date_value_shape(value)
    if shape is None:
        return current if current in DATE_TYPES else "date" if value is None else current
    return current if current in DATE_SHAPE_TYPES[shape] else DATE_SHAPE_TYPES[shape][0]


_CALENDAR_PARTS = re.compile(r"(?:^|/)(-?\d{4,}|XXXX)-(?:(\d{2})(?:-(\d{2}))?|W(\d{2}))")


def _no_such_date(value: str) -> Optional[str]:
    """The month, day or week of a DATE value's shape that is on no calendar ("2022-13", "2022-02-30",
    "2022-W60", "XXXX-00-05"), else None: the grammar checks the digits' places only, and such a value
    a reviewer typed fell out of the overview's timeline without a word."""
    import datetime

    for m in _CALENDAR_PARTS.finditer(value):
        year, month, day, week = m.groups()
        if month is not None and not 1 <= int(month) <= 12:
            return f"month {month}"
        if day is not None:
            y = int(year) if year != "XXXX" and 1 <= int(year) <= 9999 else 2000  # a set's day: any leap year's
            try:
                datetime.date(y, int(month), int(day))
            except ValueError:
                return f"day {year}-{month}-{day}"
        if week is not None and not 1 <= int(week) <= 53:
            return f"week W{week}"
    return None


def check_date_value(value: Any, type_: Any = None, current: Optional[str] = None) -> tuple[Optional[str], str]:
    """A DATE value and type given by a person (a review decision): (value, type), or ValueError
    saying what is wrong. `type_` None: the type follows the value (`date_type_for`)."""
    if value in ("", None):
        value = None
    else:
        value = str(value).strip()
        if len(value) > 10 and value[10] == " " and value[:4].isdigit():
            value = value[:10] + "T" + value[11:]  # "2022-01-06 12:30"
        if date_value_shape(value) is None:
            raise ValueError(
                f"DATE value must be ISO 8601 as the pipeline writes it: a date (2022-01-06, 2022-01, 2022, 2022-W03, "
                f"2022-Q1, 2022-SU, decade 199), a duration (P3M, P30Y, P2Y6M, PT2H) or a set (P1W, XXXX-WXX-1, "
                f"XXXX-01-19); got {value!r}")
        bad = _no_such_date(value)
        if bad:
            raise ValueError(f"DATE value {value!r}: {bad} does not exist")
    if type_ in ("", None):
        return value, date_type_for(value, current)
    if type_ not in DATE_TYPES:
        raise ValueError(f"DATE type must be one of {', '.join(DATE_TYPES)}, got {type_!r}")
    shape = date_value_shape(value)
    if shape is not None and type_ not in DATE_SHAPE_TYPES[shape]:
        raise ValueError(f"DATE value {value!r} is a {shape}'s; its type is {' or '.join(DATE_SHAPE_TYPES[shape])}, not {type_!r}")
    return value, type_
#: what a review decision snapshots of an entity
ENTITY_FIELDS = ("start", "end", "text", "label", "source", "status") + VALUE_FIELDS


@dataclass
class RawDoc:
    """One article as read from disk, before any cleaning."""

    id: str
    path: str  # file path; for JSONL corpora "file.jsonl.gz#<record id>"
    sha256: str  # of the raw bytes (file) or of the UTF-8 text (JSONL record)
    text: str  # decoded raw text; `Removed` offsets point into it
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)  # hints carried by the input (JSONL fields)
    warnings: list[str] = field(default_factory=list)  # what reading it repaired (encoding), for the record's `warnings`


@dataclass(frozen=True)
class FileRef:
    """A one-article file named instead of read: a PDF, Word file or web page whose text the worker
    extracts (`ingest.read_ref`), so that pdfminer and trafilatura run in the workers, not in
    the driver; and with `--cluster --shared-fs` every file. `file` is the path as the file
    system knows it, `path` as it is shown, `size` its bytes (for the batch's time limit)."""

    id: str
    path: str
    file: str
    sha256: str
    max_bytes: int
    size: int = 0


#: an article to process: read (`RawDoc`) or named (`FileRef`, read where it is processed)
Article = Union[RawDoc, FileRef]


@dataclass
class Removed:
    """A piece of the raw text the cleaner cut, with why (`kind`)."""

    start: int
    end: int
    kind: str  # e.g. "running_header", "hyphenation", "caption", "credit", "print_slug", "boilerplate"
    text: str


@dataclass
class Meta:
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 date
    authors: list[str] = field(default_factory=list)
    section: Optional[str] = None
    # where the article is datelined from / the correspondent writes from ("MOSKAU (dpa) –",
    # "Von Friedrich Schmidt, Moskau"); in the record only where the cleaner found one
    place: Optional[str] = None


@dataclass
class CleanDoc:
    """Output of the clean stage.

    `offsets[i]` is the raw offset of clean character i; `offsets[len(text)]` is the raw
    offset just past the last kept character, so a clean span [s, e) maps to raw
    [offsets[s], offsets[e - 1] + 1).
    """

    text: str
    offsets: list[int]
    removed: list[Removed] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    warnings: list[str] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str
    source: str = "model"
    status: str = "pending"
    # DATE: ISO 8601 (date, duration or set; its kind in extra["type"]) or None; FIGURE: number
    value: Any = None
    unit: Optional[str] = None
    about: Optional[str] = None
    qualifier: Optional[str] = None
    canonical: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. {"event": "dead"}, raw offsets

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "source": self.source,
            "status": self.status,
        }
        if self.label == "DATE":
            d["value"] = self.value
        elif self.label == "FIGURE":
            d.update(value=self.value, unit=self.unit, about=self.about, qualifier=self.qualifier)
        else:
            d["canonical"] = self.canonical
        d.update(self.extra)
        return d


def segments_from_offsets(offsets: list[int]) -> list[list[int]]:
    """Compress a per-character offset map into runs [clean_start, raw_start, length]."""
    segs: list[list[int]] = []
    n = len(offsets) - 1  # last entry is the end sentinel
    i = 0
    while i < n:
        j = i + 1
        while j < n and offsets[j] == offsets[j - 1] + 1:
            j += 1
        segs.append([i, offsets[i], j - i])
        i = j
    return segs


def offsets_from_segments(segs: list[list[int]], length: int, raw_end: int) -> list[int]:
    out = [0] * (length + 1)
    for c, r, n in segs:
        for k in range(n):
            out[c + k] = r + k
    out[length] = raw_end
    return out


def meta_to_dict(meta: Meta) -> dict[str, Any]:
    return asdict(meta)
