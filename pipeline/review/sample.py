"""Records in the pipeline's output format made without the NLP stages (tests, demos).

`sample_records(corpus)` turns each seed file into one record of `articles.jsonl`: the text is the
file content (identity offset map, nothing removed) and the entities are found by string search
of a small name list. It is a stand-in for `presseschau run` output, not a tagger.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable, Optional

# (surface, label, extra fields)
SAMPLE_NAMES: list[tuple[str, str, dict]] = [
    ("Kassym-Jomart Tokajew", "PER", {"canonical": "Kassym-Schomart Tokajew"}),
    ("Kassym-Schomart Tokajew", "PER", {"canonical": "Kassym-Schomart Tokajew"}),
    ("Tokajew", "PER", {"canonical": "Kassym-Schomart Tokajew"}),
    ("Nikol Paschinjan", "PER", {"canonical": "Nikol Paschinjan"}),
    ("Wladimir Putin", "PER", {"canonical": "Wladimir Putin"}),
    ("Putin", "PER", {"canonical": "Wladimir Putin"}),
    ("Gerhard Mangott", "PER", {"canonical": None}),
    ("Silvia Stöber", "PER", {"canonical": None}),
    ("OVKS", "ORG", {"canonical": "OVKS"}),
    ("ODKB", "ORG", {"canonical": "OVKS"}),
    ("Nato", "ORG", {"canonical": "NATO"}),
    ("Kreml", "ORG", {"canonical": None}),
    ("Kasachstan", "LOC", {"canonical": "Kasachstan"}),
    ("Almaty", "LOC", {"canonical": "Almaty"}),
    ("Armenien", "LOC", {"canonical": "Armenien"}),
    ("Ukraine", "LOC", {"canonical": "Ukraine"}),
    ("Russland", "LOC", {"canonical": "Russland"}),
    ("Innsbruck", "MISC", {"canonical": None}),  # deliberately wrong label (a place): for review
    ("06.01.2022", "DATE", {"value": "2022-01-06"}),
    ("28.03.2022", "DATE", {"value": "2022-03-28"}),
    ("8.1.2022", "DATE", {"value": "2022-01-08"}),
    ("sechs", "FIGURE", {"value": 6, "unit": None, "about": "Mitglied", "qualifier": None}),
    ("Zehntausende", "FIGURE", {"value": 10000, "unit": None, "about": "Bürger", "qualifier": None}),
]


def _entities(text: str, names: Iterable[tuple[str, str, dict]], source: str) -> list[dict]:
    taken: list[tuple[int, int]] = []
    out = []
    for surface, label, extra in sorted(names, key=lambda x: -len(x[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            ent = {"start": s, "end": e, "text": text[s:e], "label": label, "source": "rule" if label in ("DATE", "FIGURE") else source, "status": "pending"}
            if label == "DATE":
                ent["value"] = extra.get("value")
            elif label == "FIGURE":
                ent.update({k: extra.get(k) for k in ("value", "unit", "about", "qualifier")})
            else:
                ent["canonical"] = extra.get("canonical")
            ent["raw_start"], ent["raw_end"] = s, e
            out.append(ent)
    out.sort(key=lambda x: (x["start"], x["end"]))
    return out


def make_record(doc_id: str, text: str, path: str = "", names: Optional[Iterable[tuple[str, str, dict]]] = None,
                model: str = "sample", title: Optional[str] = None) -> dict:
    raw = text.encode("utf-8")
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    return {
        "id": doc_id,
        "source": {"path": path or f"{doc_id}.txt", "sha256": hashlib.sha256(raw).hexdigest(), "encoding": "utf-8",
                   "raw_length": len(text), "offsets": [[0, 0, len(text)]] if text else []},
        "meta": {"title": title if title is not None else (first[:100] if first else None), "outlet": None,
                 "published": None, "authors": [], "section": None},
        "text": text,
        "entities": _entities(text, SAMPLE_NAMES if names is None else names, "model"),
        "removed": [],
        "lang": "de",
        "warnings": [],
        "pipeline": {"version": "0.1.0", "model": {"name": model, "version": "0"}},
    }


def sample_records(corpus: Path | str = "corpus", names=None, model: str = "sample") -> list[dict]:
    corpus = Path(corpus)
    return [make_record(p.stem, p.read_text(encoding="utf-8"), str(p), names, model) for p in sorted(corpus.glob("*.txt"))]
