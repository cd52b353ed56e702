"""The record contract: RawDoc + CleanDoc + entities -> one JSON-ready dict per article.

Field names are relied on by the review UI, the exports and outside tools: extend, never
rename (schema: `pipeline/schema/record.schema.json`).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .types import CleanDoc, Entity, RawDoc, meta_to_dict, segments_from_offsets

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "record.schema.json"


def merge_meta(clean: CleanDoc, hints: dict[str, Any]) -> dict[str, Any]:
    """Meta found by the cleaner, completed by what the input itself carried (JSONL fields, HTML metadata)."""
    meta = meta_to_dict(clean.meta)
    for key in ("title", "outlet", "published", "section"):
        if not meta.get(key) and hints.get(key):
            meta[key] = str(hints[key])
    if not meta.get("authors") and hints.get("authors"):
        a = hints["authors"]
        meta["authors"] = [a] if isinstance(a, str) else [str(x) for x in a]
    if meta.get("published"):
        meta["published"] = _iso_date(str(meta["published"]))
    return meta


def _iso_date(value: str) -> Optional[str]:
    """Keep the ISO date part of a timestamp ('2016-05-03T10:00:00Z' -> '2016-05-03')."""
    import re

    m = re.match(r"^(\d{4})(-\d{2})?(-\d{2})?", value.strip())
    return "".join(g for g in m.groups() if g) if m else None


def build_record(raw: RawDoc, clean: CleanDoc, entities: list[Entity], *, lang: Optional[str], pipeline_info: dict[str, Any]) -> dict[str, Any]:
    ents = []
    for e in entities:
        d = e.to_dict()
        d["raw_start"], d["raw_end"] = clean.raw_span(e.start, e.end)
        ents.append(d)
    return {
        "id": raw.id,
        "source": {
            "path": raw.path,
            "sha256": raw.sha256,
            "encoding": raw.encoding,
            "raw_length": len(raw.text),
            "offsets": segments_from_offsets(clean.offsets),
        },
        "meta": merge_meta(clean, raw.meta),
        "text": clean.text,
        "entities": ents,
        "removed": [{"start": r.start, "end": r.end, "kind": r.kind, "text": r.text} for r in clean.removed],
        "lang": lang,
        "warnings": list(clean.warnings),
        "pipeline": pipeline_info,
    }


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_record(record: dict[str, Any]) -> list[str]:
    """Schema errors plus the offset invariant `text[start:end] == entity.text`; [] when valid."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    problems = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(record)]
    text = record.get("text", "")
    for i, ent in enumerate(record.get("entities", [])):
        if text[ent.get("start", 0): ent.get("end", 0)] != ent.get("text"):
            problems.append(f"entities/{i}: text[{ent.get('start')}:{ent.get('end')}] != {ent.get('text')!r}")
    return problems
