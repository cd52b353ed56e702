"""Exports of the reviewed output and imports of review results from other annotation tools.

Exports (`export(records, fmt, out)`):
  jsonl         the reviewed records, each entity with its status (`accepted_only` keeps accepted/corrected)
  prodigy       Prodigy tasks: `ner_manual` (one task per article: text, tokens, spans, answer) or
                `binary` (one task per entity: one span, answer accept/reject/ignore)
  doccano       doccano sequence-labelling JSONL (`text`, `label: [[start, end, label]]`)
  label-studio  Label Studio tasks with `predictions` (+ the labelling config as `<out>.xml`)
  docbin        spaCy DocBin: `doc.ents` (non-overlapping) and every span in `doc.spans["presseschau"]`
  csv, parquet  one row per entity (pandas)

Imports (`import_file(fmt, path, records)` -> decisions for `annotations/decisions.jsonl`):
  prodigy (ner_manual answers and binary ner answers), doccano (JSONL, `label`/`labels`/`entities`),
  label-studio (JSON export: latest non-cancelled annotation of each task).
An imported annotation is compared with the article as it is now: matching spans are accepted,
relabelled or re-bounded spans corrected, missing ones added, and entities the annotator left out
rejected (only for the labels the import uses). Articles are matched by id, else by text hash;
when the tool's text differs, spans are re-anchored by text and context like any decision.
"""
from __future__ import annotations

import copy
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable, Optional

from ..io import atomic_write_bytes, read_jsonl
from ..schema import LABELS
from ..review import log as dec
from ..review.anchor import locate
from ..review.apply import apply_decisions

FORMATS = ("jsonl", "prodigy", "doccano", "label-studio", "docbin", "csv", "parquet")
IMPORT_FORMATS = ("prodigy", "doccano", "label-studio")
EXTENSIONS = {"jsonl": ".jsonl", "prodigy": ".jsonl", "doccano": ".jsonl", "label-studio": ".json", "docbin": ".spacy", "csv": ".csv", "parquet": ".parquet"}
KEEP = ("accepted", "corrected")
SPAN_KEY = "presseschau"


# --------------------------------------------------------------------------- io helpers


def load_records(path: os.PathLike | str = "outputs", annotations: Optional[os.PathLike | str] = None) -> list[dict]:
    """Records of `articles.jsonl` (a folder or the file); with `annotations`, the review log re-applied."""
    path = Path(path)
    if path.is_dir():
        path = path / "articles.jsonl"
    records = read_json_rows(path)
    if annotations is not None:
        records, _ = apply_decisions(records, dec.load_decisions(Path(annotations)))
    return records


def read_json_rows(path: os.PathLike | str) -> list[dict]:
    """A JSONL file, or a JSON file holding a list (Label Studio exports)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    stripped = text.lstrip()
    if stripped.startswith("["):
        data = json.loads(stripped)
        return [x for x in data if isinstance(x, dict)]
    return list(read_jsonl(path))


def _jsonl_bytes(rows: Iterable[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode("utf-8")


def _hash31(*parts: Any) -> int:
    h = hashlib.sha256("\x1f".join(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:4], "big", signed=True)


def _kept(ent: dict, accepted_only: bool) -> bool:
    st = ent.get("status", "pending")
    return st in KEEP if accepted_only else st != "rejected"


def _non_overlapping(ents: list[dict]) -> list[dict]:
    """Greedy like spacy.util.filter_spans: reviewed first, then longer, then earlier."""
    order = sorted(ents, key=lambda e: (e.get("status") not in KEEP, -(e["end"] - e["start"]), e["start"]))
    taken: list[dict] = []
    for e in order:
        if all(e["end"] <= t["start"] or e["start"] >= t["end"] for t in taken):
            taken.append(e)
    return sorted(taken, key=lambda e: e["start"])


# --------------------------------------------------------------------------- exports


def reviewed_records(records: list[dict], accepted_only: bool = False) -> list[dict]:
    """The records as outside tools should see them: each entity with its status; the review
    bookkeeping (`review`, `review_flags`) left out; with `accepted_only`, accepted/corrected only."""
    out = []
    for r in records:
        r = copy.deepcopy(r)
        r.pop("review_flags", None)
        ents = []
        for e in r.get("entities", []):
            rv = e.pop("review", None)
            if accepted_only and e.get("status") not in KEEP:
                continue
            if rv and rv.get("reviewer"):
                e["reviewer"] = rv["reviewer"]
            ents.append(e)
        r["entities"] = ents
        out.append(r)
    return out


_TOKENIZER = None


def _tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("de")
    return _TOKENIZER


def _tokens(text: str) -> tuple[list[dict], dict[int, int], dict[int, int]]:
    doc = _tokenizer().make_doc(text)
    toks = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)} for t in doc]
    starts = {t["start"]: t["id"] for t in toks}
    ends = {t["end"]: t["id"] for t in toks}
    return toks, starts, ends


def _meta(r: dict) -> dict:
    m = r.get("meta") or {}
    return {"article_id": r["id"], "title": m.get("title"), "outlet": m.get("outlet"), "published": m.get("published"), "source": (r.get("source") or {}).get("path")}


def to_prodigy(records: list[dict], mode: str = "manual", accepted_only: bool = False) -> list[dict]:
    tasks = []
    for r in records:
        text = r["text"]
        if mode == "binary":
            for e in r.get("entities", []):
                if accepted_only and e.get("status") not in KEEP:
                    continue
                answer = {"accepted": "accept", "corrected": "accept", "rejected": "reject"}.get(e.get("status"), "ignore")
                span = {"start": e["start"], "end": e["end"], "label": e["label"], "text": e["text"]}
                ih = _hash31(text)
                tasks.append({
                    "text": text, "spans": [span], "answer": answer, "_view_id": "ner",
                    "meta": {**_meta(r), "status": e.get("status"), "source": e.get("source"), "mode": "binary"},
                    "_input_hash": ih, "_task_hash": _hash31(ih, span),
                })
            continue
        toks, starts, ends = _tokens(text)
        spans = []
        for e in _non_overlapping([e for e in r.get("entities", []) if _kept(e, accepted_only)]):
            sp = {"start": e["start"], "end": e["end"], "label": e["label"], "text": e["text"]}
            if e["start"] in starts and e["end"] in ends:
                sp["token_start"], sp["token_end"] = starts[e["start"]], ends[e["end"]]
            spans.append(sp)
        pending = any(e.get("status") == "pending" for e in r.get("entities", []))
        ih = _hash31(text)
        tasks.append({
            "text": text, "tokens": toks, "spans": spans, "answer": "ignore" if pending else "accept",
            "_view_id": "ner_manual", "meta": _meta(r), "_input_hash": ih, "_task_hash": _hash31(ih, spans),
        })
    return tasks


def to_doccano(records: list[dict], accepted_only: bool = False) -> list[dict]:
    out = []
    for r in records:
        ents = [e for e in r.get("entities", []) if _kept(e, accepted_only)]
        out.append({"text": r["text"], "label": [[e["start"], e["end"], e["label"]] for e in ents], "article_id": r["id"], "meta": _meta(r)})
    return out


def label_studio_config(labels: Iterable[str] = LABELS) -> str:
    items = "\n".join(f'    <Label value="{l}"/>' for l in labels)
    return f'<View>\n  <Labels name="label" toName="text">\n{items}\n  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n'


def to_label_studio(records: list[dict], accepted_only: bool = False) -> list[dict]:
    tasks = []
    for r in records:
        result = []
        for i, e in enumerate(r.get("entities", [])):
            if not _kept(e, accepted_only):
                continue
            result.append({
                "id": f"e{i}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": e["start"], "end": e["end"], "text": e["text"], "labels": [e["label"]]},
                "meta": {"status": e.get("status"), "source": e.get("source")},
            })
        tasks.append({
            "data": {"text": r["text"], "article_id": r["id"], "title": (r.get("meta") or {}).get("title")},
            "predictions": [{"model_version": dec.model_version(r) or "presseschau", "result": result}],
        })
    return tasks


def to_docbin(records: list[dict], accepted_only: bool = False):
    from spacy.tokens import DocBin

    nlp = _tokenizer()
    db = DocBin(store_user_data=True)
    for r in records:
        doc = nlp.make_doc(r["text"])
        spans = []
        for e in r.get("entities", []):
            if not _kept(e, accepted_only):
                continue
            sp = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand")
            if sp is not None:
                spans.append((e, sp))
        doc.spans[SPAN_KEY] = [sp for _, sp in spans]
        chosen = {id(e) for e in _non_overlapping([e for e, _ in spans])}
        ents, last_end = [], -1
        for e, sp in sorted(spans, key=lambda x: x[1].start):
            if id(e) in chosen and sp.start >= last_end:
                ents.append(sp)
                last_end = sp.end
        doc.ents = ents
        doc.user_data["article_id"] = r["id"]
        doc.user_data["statuses"] = [[e["start"], e["end"], e["label"], e.get("status")] for e, _ in spans]
        db.add(doc)
    return db


TABLE_COLUMNS = ["article_id", "title", "outlet", "published", "start", "end", "raw_start", "raw_end", "text", "label", "source", "status",
                 "value", "value_number", "value_date", "unit", "about", "qualifier", "event", "canonical", "reviewer"]


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
            })
    df = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    for c in ("start", "end", "raw_start", "raw_end"):
        df[c] = df[c].astype("Int64")
    df["value_number"] = df["value_number"].astype("float64")
    for c in ("article_id", "title", "outlet", "published", "text", "label", "source", "status", "value", "value_date", "unit", "about", "qualifier", "event", "canonical", "reviewer"):
        df[c] = df[c].astype("string")
    return df


def export(records: list[dict], fmt: str, out: os.PathLike | str, accepted_only: bool = False, prodigy_mode: str = "manual") -> Path:
    """Write `records` (already reviewed, e.g. from `load_records(dir, annotations)`) as `fmt` to `out` (atomically)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    out = Path(out)
    if out.is_dir() or not out.suffix:
        out = out / f"articles.{fmt}{EXTENSIONS[fmt]}" if fmt != "jsonl" else out / "articles.reviewed.jsonl"
    recs = reviewed_records(records, accepted_only=False)
    if fmt == "jsonl":
        atomic_write_bytes(out, _jsonl_bytes(reviewed_records(records, accepted_only)))
    elif fmt == "prodigy":
        atomic_write_bytes(out, _jsonl_bytes(to_prodigy(recs, prodigy_mode, accepted_only)))
    elif fmt == "doccano":
        atomic_write_bytes(out, _jsonl_bytes(to_doccano(recs, accepted_only)))
    elif fmt == "label-studio":
        atomic_write_bytes(out, json.dumps(to_label_studio(recs, accepted_only), ensure_ascii=False, indent=1).encode("utf-8"))
        atomic_write_bytes(out.with_suffix(".xml"), label_studio_config().encode("utf-8"))
    elif fmt == "docbin":
        atomic_write_bytes(out, to_docbin(recs, accepted_only).to_bytes())
    elif fmt == "csv":
        atomic_write_bytes(out, entities_table(recs, accepted_only).to_csv(index=False).encode("utf-8"))
    elif fmt == "parquet":
        buf = io.BytesIO()
        entities_table(recs, accepted_only).to_parquet(buf, index=False, engine="pyarrow")
        atomic_write_bytes(out, buf.getvalue())
    return out


# --------------------------------------------------------------------------- imports


class _Index:
    def __init__(self, records: list[dict]):
        self.by_id = {r["id"]: r for r in records}
        self.by_text = {dec.text_sha256(r["text"]): r for r in records}

    def find(self, ids: Iterable[Any], text: Optional[str]) -> Optional[dict]:
        for i in ids:
            if isinstance(i, (str, int)) and str(i) in self.by_id:
                return self.by_id[str(i)]
        if text is not None:
            return self.by_text.get(dec.text_sha256(text))
        return None


def _anchor(record: dict, src_text: Optional[str], s: int, e: int) -> Optional[tuple[int, int]]:
    text = record["text"]
    if src_text is None or src_text == text:
        return (s, e) if 0 <= s < e <= len(text) else None
    if not (0 <= s < e <= len(src_text)):
        return None
    loc, _ = locate(text, dec.span_info(src_text, s, e))
    return loc


def decisions_from_spans(record: dict, spans: list[tuple[int, int, str]], *, reviewer: str, src_text: Optional[str] = None,
                         labels: Optional[Iterable[str]] = None, complete: bool = True, note: Optional[str] = None,
                         overlaps_possible: bool = True) -> tuple[list[dict], list[str]]:
    """Decisions turning `record`'s entities into the annotation `spans` ((start, end, label) in `src_text`).

    `complete`: the annotation is the full truth for `labels` (default: the labels it uses), so
    entities it lacks are rejected. `overlaps_possible=False` (Prodigy ner_manual, which cannot
    hold overlapping spans): an entity overlapping an annotated span is left alone, not rejected.
    Decisions that change nothing are not made.
    """
    problems: list[str] = []
    gold: list[tuple[int, int, str]] = []
    for s, e, label in spans:
        if label not in LABELS:
            problems.append(f"{record['id']}: unknown label {label!r} skipped")
            continue
        loc = _anchor(record, src_text, int(s), int(e))
        if loc is None:
            problems.append(f"{record['id']}: span [{s}, {e}) {label} could not be placed in the article")
            continue
        if not record["text"][loc[0]:loc[1]].strip():
            continue
        gold.append((loc[0], loc[1], label))
    gold = sorted(set(gold))
    cover = set(labels) if labels is not None else {g[2] for g in gold}
    ents = record.get("entities", [])
    used: set[int] = set()
    batch = "b-" + os.urandom(8).hex()
    out: list[dict] = []

    def mk(kind, ent=None, new=None):
        out.append(dec.make_decision(record, kind, ent, new, reviewer=reviewer, batch=batch, note=note))

    rest = []
    for g in gold:  # exact matches first
        i = next((k for k, x in enumerate(ents) if k not in used and (x["start"], x["end"], x["label"]) == g), None)
        if i is None:
            rest.append(g)
            continue
        used.add(i)
        if ents[i].get("status") not in KEEP:
            mk("accept", ents[i])
    for s, e, label in rest:
        same_span = next((k for k, x in enumerate(ents) if k not in used and (x["start"], x["end"]) == (s, e)), None)
        overl = next((k for k, x in enumerate(ents) if k not in used and x["label"] == label and x["start"] < e and s < x["end"]), None)
        k = same_span if same_span is not None else overl
        if k is not None:
            used.add(k)
            mk("correct", ents[k], {"start": s, "end": e, "label": label})
        else:
            mk("add", new={"start": s, "end": e, "label": label})
    if complete:
        for k, x in enumerate(ents):
            if k not in used and x["label"] in cover and x.get("status") != "rejected":
                if not overlaps_possible and any(x["start"] < e and s < x["end"] for s, e, _ in gold):
                    continue
                mk("reject", x)
    return out, problems


def _prodigy_spans(task: dict) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s.get("label")) for s in task.get("spans") or [] if "start" in s and "end" in s]


def import_prodigy(rows: list[dict], records: list[dict], reviewer: str = "import:prodigy") -> tuple[list[dict], list[str]]:
    idx = _Index(records)
    decisions: list[dict] = []
    problems: list[str] = []
    manual: dict[str, tuple[dict, dict]] = {}
    for n, task in enumerate(rows, 1):
        meta = task.get("meta") or {}
        rec = idx.find([meta.get("article_id"), meta.get("id"), task.get("article_id"), task.get("id")], task.get("text"))
        if rec is None:
            problems.append(f"task {n}: no matching article")
            continue
        who = task.get("_annotator_id") or task.get("_session_id")
        rv = f"{reviewer}:{who}" if who else reviewer
        answer = task.get("answer")
        binary = task.get("_view_id") in ("ner", "binary") or meta.get("mode") == "binary" or (task.get("_view_id") is None and "tokens" not in task and len(task.get("spans") or []) == 1 and answer in ("accept", "reject"))
        if binary:
            for s, e, label in _prodigy_spans(task):
                loc = _anchor(rec, task.get("text"), s, e)
                if loc is None or label not in LABELS:
                    problems.append(f"task {n}: span [{s}, {e}) {label} could not be placed")
                    continue
                ent = next((x for x in rec["entities"] if (x["start"], x["end"], x["label"]) == (loc[0], loc[1], label)), None)
                if answer == "accept":
                    if ent is None:
                        decisions.append(dec.make_decision(rec, "add", new={"start": loc[0], "end": loc[1], "label": label}, reviewer=rv))
                    elif ent.get("status") not in KEEP:
                        decisions.append(dec.make_decision(rec, "accept", ent, reviewer=rv))
                elif answer == "reject" and ent is not None and ent.get("status") != "rejected":
                    decisions.append(dec.make_decision(rec, "reject", ent, reviewer=rv))
            continue
        if answer != "accept":
            continue  # rejected / ignored task: no statement about its spans
        manual[rec["id"]] = (task, {"reviewer": rv, "rec": rec})  # the last answer for an article wins
    for task, info in manual.values():
        ds, ps = decisions_from_spans(info["rec"], _prodigy_spans(task), reviewer=info["reviewer"], src_text=task.get("text"), note="prodigy",
                                      overlaps_possible=False)
        decisions.extend(ds)
        problems.extend(ps)
    return decisions, problems


def import_doccano(rows: list[dict], records: list[dict], reviewer: str = "import:doccano", include_empty: bool = False) -> tuple[list[dict], list[str]]:
    idx = _Index(records)
    decisions: list[dict] = []
    problems: list[str] = []
    for n, row in enumerate(rows, 1):
        meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
        spans: list[tuple[int, int, str]] = []
        if isinstance(row.get("entities"), list):
            spans = [(x["start_offset"], x["end_offset"], x["label"]) for x in row["entities"] if isinstance(x, dict)]
        else:
            lab = row.get("label", row.get("labels"))
            if isinstance(lab, list):
                spans = [tuple(x[:3]) for x in lab if isinstance(x, (list, tuple)) and len(x) >= 3]
        if not spans and not include_empty:
            continue  # doccano exports unannotated texts with an empty label list
        rec = idx.find([row.get("article_id"), meta.get("article_id"), row.get("id")], row.get("text"))
        if rec is None:
            problems.append(f"row {n}: no matching article")
            continue
        ds, ps = decisions_from_spans(rec, spans, reviewer=reviewer, src_text=row.get("text"), note="doccano")
        decisions.extend(ds)
        problems.extend(ps)
    return decisions, problems


def import_label_studio(tasks: list[dict], records: list[dict], reviewer: str = "import:label-studio") -> tuple[list[dict], list[str]]:
    idx = _Index(records)
    decisions: list[dict] = []
    problems: list[str] = []
    for n, task in enumerate(tasks, 1):
        data = task.get("data") or {}
        text = data.get("text")
        rec = idx.find([data.get("article_id"), data.get("id"), (task.get("meta") or {}).get("article_id"), task.get("article_id")],
                       text if text is not None else task.get("text"))
        if rec is None and "annotations" in task:
            problems.append(f"task {n}: no matching article")
            continue
        if "annotations" not in task and isinstance(task.get("label"), list):
            # JSON-MIN export: {"text", "label": [{"start", "end", "text", "labels"}], "annotator", ...}
            text = task.get("text", text)
            rec = rec or idx.find([task.get("article_id"), task.get("id")], text)
            if rec is None:
                problems.append(f"task {n}: no matching article")
                continue
            spans = [(v["start"], v["end"], lab) for v in task["label"] if isinstance(v, dict) and "start" in v for lab in v.get("labels") or []]
            who = task.get("annotator")
            ds, ps = decisions_from_spans(rec, spans, reviewer=f"{reviewer}:{who}" if who else reviewer, src_text=text, note="label-studio")
            decisions.extend(ds)
            problems.extend(ps)
            continue
        anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
        if not anns:
            continue
        ann = max(anns, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))
        spans = []
        for res in ann.get("result") or []:
            v = res.get("value") or {}
            if res.get("type") in ("labels", None) and "start" in v and "end" in v and v.get("labels"):
                for label in v["labels"]:
                    spans.append((v["start"], v["end"], label))
        who = ann.get("completed_by")
        if isinstance(who, dict):
            who = who.get("email") or who.get("id")
        rv = f"{reviewer}:{who}" if who not in (None, "") else reviewer
        ds, ps = decisions_from_spans(rec, spans, reviewer=rv, src_text=text, note="label-studio")
        decisions.extend(ds)
        problems.extend(ps)
    return decisions, problems


def import_file(fmt: str, path: os.PathLike | str, records: list[dict], reviewer: Optional[str] = None) -> tuple[list[dict], list[str]]:
    """Decisions from a Prodigy / doccano / Label Studio export file, against the reviewed `records`."""
    rows = read_json_rows(path)
    if fmt == "prodigy":
        return import_prodigy(rows, records, reviewer or "import:prodigy")
    if fmt == "doccano":
        return import_doccano(rows, records, reviewer or "import:doccano")
    if fmt == "label-studio":
        return import_label_studio(rows, records, reviewer or "import:label-studio")
    raise ValueError(f"unknown import format {fmt!r}; one of {', '.join(IMPORT_FORMATS)}")
