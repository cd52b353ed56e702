"""Plain data types passed between the stages (ingest -> clean -> annotate -> review -> export).

Every stage takes and returns these; no stage reaches into another's internals.
Offsets: `Removed.start/end` are offsets into the *raw* decoded text; `Entity.start/end`
are offsets into the *clean* text (`CleanDoc.text`, the record's `text`).
"""
from __future__ import annotations

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
    """A one-article file named instead of read: a PDF or web page whose text the worker
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
