"""One row per entity (CSV, Parquet) with pandas: typed columns, the value split into a number
(FIGURE) and an ISO string (DATE), with the DATE's `type` (date, duration, set) beside it and the
article's `meta.url` (columns added at the end: existing column positions do not move)."""
from __future__ import annotations

from .common import KEEP

TABLE_COLUMNS = ["article_id", "title", "outlet", "published", "start", "end", "raw_start", "raw_end", "text", "label", "source", "status",
                 "value", "value_number", "value_date", "unit", "about", "qualifier", "event", "canonical", "reviewer", "type", "url"]


def entities_table(records: list[dict], accepted_only: bool = False):
    import pandas as pd

    rows = []
    for r in records:
        m = r.get("meta") or {}
        for e in r.get("entities", []):
            if accepted_only and e.get("status") not in KEEP:
                continue
            v = e.get("value")
            rows.append({
                "article_id": r["id"], "title": m.get("title"), "outlet": m.get("outlet"), "published": m.get("published"),
                "start": e["start"], "end": e["end"], "raw_start": e.get("raw_start"), "raw_end": e.get("raw_end"),
                "text": e["text"], "label": e["label"], "source": e.get("source"), "status": e.get("status"),
                "value": None if v is None else str(v),
                "value_number": float(v) if e["label"] == "FIGURE" and isinstance(v, (int, float)) and not isinstance(v, bool) else None,
                "value_date": v if e["label"] == "DATE" and isinstance(v, str) else None,
                "unit": e.get("unit"), "about": e.get("about"), "qualifier": e.get("qualifier"), "event": e.get("event"), "canonical": e.get("canonical"),
                "reviewer": (e.get("review") or {}).get("reviewer") or e.get("reviewer"),
                "type": e.get("type") if e["label"] == "DATE" else None, "url": m.get("url"),
            })
    df = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    for c in ("start", "end", "raw_start", "raw_end"):
        df[c] = df[c].astype("Int64")
    df["value_number"] = df["value_number"].astype("float64")
    for c in ("article_id", "title", "outlet", "published", "text", "label", "source", "status", "value", "value_date", "unit", "about", "qualifier", "event", "canonical", "reviewer", "type", "url"):
        df[c] = df[c].astype("string")
    return df
