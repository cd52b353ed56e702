"""doccano sequence labelling: JSONL out (`to_doccano`), its export back (`import_doccano`).

Format (doccano's documented sequence-labelling example, backend/data_export/pipeline/examples/
sequence_labeling/example.jsonl): `{"text": ..., "label": [[start, end, "LABEL"], ...]}`; keys
besides `text` and `label` are kept as the example's metadata and come back at the top level of
doccano's JSONL export (ExportedExample.to_dict: `{"id", "text", **meta, "label", "Comments"}`),
so the snapshot travels as the key `presseschau`. Older exports use `labels`, or `entities`
with `start_offset`/`end_offset`; both are read.

Values: a span is only [start, end, label], so the entities' normalised values (as in
`articles.jsonl`: a DATE's ISO `value` and `type`, a FIGURE's `value`, `unit`, `about`,
`qualifier`, `event`, a name's `canonical`) travel as the top-level key `values`, one
[start, end, label, {field: value}] per span of `label`, in its order and offsets (DocBin's
`user_data["values"]`); doccano keeps it as metadata. The import reads spans only: values are
carried out, not read back (set them in `presseschau review`).

Offsets: a doccano sequence-labelling project counts in UTF-16 code units, as JavaScript does,
unless it was created with "Count grapheme clusters as one character" (doccano issue #2290:
"👨🏻‍🚒 firemen drive firetrucks": doccano 22-32, Python 19-29). So `offsets="utf16"` (the
default) converts code points to UTF-16 units on export and back on import; `"codepoints"`
writes Python offsets. Grapheme mode is not supported.

Overlaps: doccano's default project (`allow_overlapping=False`, SequenceLabelingProject)
drops overlapping spans on import, so by default only non-overlapping spans are exported
(reviewed, then longer ones win), with a warning; `overlapping=True` for a project created
with "Allow overlapping entity". Pending model guesses cannot be marked in doccano (a span is
start, end, label); the snapshot keeps their status, so those left unchanged stay pending on
import, unless `accept_unchanged` (a file of examples the annotators approved: doccano's
"Export only approved documents").
"""
from __future__ import annotations

from typing import Any, Optional

from .common import (SNAPSHOT_KEY, Index, Utf16, Warn, article_meta, check_spans, decide, entity_values, no_snapshot_notice,
                     non_overlapping, numbered, one_copy_each, snapshot, snapshot_of, wanted)

OFFSETS = ("utf16", "codepoints")

_TRIPLE = {"type": "array", "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}, {"type": "string"}],
           "minItems": 3}
_ENTITY = {"type": "object", "required": ["start_offset", "end_offset", "label"], "properties": {
    "start_offset": {"type": "integer", "minimum": 0}, "end_offset": {"type": "integer", "minimum": 0}, "label": {"type": "string"}}}
TASK_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string"},
        "label": {"type": "array", "items": _TRIPLE},
        "labels": {"type": "array", "items": _TRIPLE},
        "entities": {"type": "array", "items": _ENTITY},
    },
}


def to_doccano(records: list[dict], accepted_only: bool = False, offsets: str = "utf16", overlapping: bool = False,
               warn: Optional[Warn] = None) -> list[dict]:
    if offsets not in OFFSETS:
        raise ValueError(f"unknown doccano offsets {offsets!r}; one of {', '.join(OFFSETS)}")
    out = []
    dropped = 0
    astral = 0
    for r in records:
        ents = [e for e in r.get("entities", []) if wanted(e, accepted_only=accepted_only)]
        shown = ents if overlapping else non_overlapping(ents)
        dropped += len(ents) - len(shown)
        conv = Utf16(r["text"])
        astral += bool(conv.astral)
        to = conv.to_units if offsets == "utf16" else (lambda i: i)
        out.append({
            "text": r["text"], "label": [[to(e["start"]), to(e["end"]), e["label"]] for e in shown],
            "values": [[to(e["start"]), to(e["end"]), e["label"], entity_values(e)] for e in shown],
            "article_id": r["id"], "meta": article_meta(r),
            SNAPSHOT_KEY: snapshot(r, shown, offsets=offsets),
        })
    if dropped and warn:
        warn(f"doccano's default project drops overlapping spans: {dropped} overlapping entities left out of the export "
             "(reviewed and longer spans kept); for a project with 'Allow overlapping entity' export with --doccano-overlapping")
    if astral and warn and offsets == "utf16":
        warn(f"{astral} articles contain characters outside the BMP (emoji): offsets are written in UTF-16 code units "
             "as doccano's default project counts them; a project with 'Count grapheme clusters as one character' is not supported")
    return out


def _raw_spans(row: dict) -> list[tuple[Any, Any, Any]]:
    if isinstance(row.get("entities"), list):
        return [(x["start_offset"], x["end_offset"], x["label"]) for x in row["entities"]]
    lab = row.get("label", row.get("labels"))
    return [tuple(x[:3]) for x in lab] if isinstance(lab, list) else []


def _to_codepoints(row: dict, offsets: str) -> tuple[list[tuple[int, int, str]], Optional[str]]:
    spans = _raw_spans(row)
    if offsets != "utf16":
        return spans, None
    conv = Utf16(row["text"])
    out = []
    for k, (s, e, label) in enumerate(spans):
        cs, ce = conv.from_units(s), conv.from_units(e)
        if cs is None or ce is None:
            return [], f"span {k} [{s}, {e}) {label} splits a character (UTF-16 offsets inside a surrogate pair)"
        out.append((cs, ce, label))
    return out, None


def check_row(row: dict) -> Optional[str]:
    offsets = row[SNAPSHOT_KEY].get("offsets", "utf16") if isinstance(row.get(SNAPSHOT_KEY), dict) else "utf16"
    spans, why = _to_codepoints(row, offsets)
    return why or check_spans(row["text"], spans)


def import_doccano(rows: list[dict] | list[tuple[int, dict]], records: list[dict], reviewer: str = "import:doccano",
                   include_empty: bool = False, accept_unchanged: bool = False, path: str = "doccano",
                   warn: Optional[Warn] = None) -> tuple[list[dict], list[str]]:
    """Decisions from doccano's JSONL export. With our snapshot: what changed since the export;
    without: the example's spans are the full truth for the labels they use (examples with no
    span are skipped unless `include_empty`: doccano exports unannotated examples too), and
    `warn` hears how many examples were read so (`no_snapshot_notice`)."""
    idx = Index(records)
    results: list[tuple[tuple[str, str], str, list[dict]]] = []
    problems: list[str] = []
    bare = 0
    for where, row in numbered(rows, path):
        meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
        snap_raw = row.get(SNAPSHOT_KEY) if isinstance(row.get(SNAPSHOT_KEY), dict) else {}
        rec, unplaced = idx.match([snap_raw.get("article_id"), row.get("article_id"), meta.get("article_id")], row.get("text"), [row.get("id")])
        snap = snapshot_of(row.get(SNAPSHOT_KEY), rec)
        spans, why = _to_codepoints(row, snap.get("offsets", "utf16") if snap else "utf16")
        if why:
            problems.append(f"{where}: {why}")
            continue
        if snap is None and not spans and not include_empty:
            continue
        if rec is None:
            problems.append(f"{where}: {unplaced}")
            continue
        bare += snap is None
        ds, ps = decide(rec, snap, spans, reviewer=reviewer, src_text=row["text"], reviewed=accept_unchanged, note="doccano", where=where)
        results.append(((rec["id"], reviewer), where, ds))
        problems.extend(ps)
    decisions, twice = one_copy_each(results)  # an article imported into doccano twice: one copy's decisions
    problems.extend(twice)
    if bare and warn:
        warn(no_snapshot_notice(path, bare, "doccano"))
    return decisions, problems
