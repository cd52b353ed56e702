"""Review decisions: an append-only log (`annotations/decisions.jsonl`) and its re-application.

Every action a reviewer takes (accept, reject, correct, add, undo) is one JSON line, appended and
fsync'ed the moment it is made, so a crash or a closed browser loses nothing. The log is the
source of truth; the reviewed `articles.jsonl` is derived from it by `apply_decisions`, which the
pipeline calls at the end of every run and the review server calls when it loads.

A decision carries what it needs to find its span again in a *new* run of the pipeline:

    {"id": "d-…", "decision": "accept|reject|correct|add|undo|dismiss",
     "article_id": "…", "article_sha256": "<source.sha256>", "text_sha256": "<sha256 of text>",
     "span": {"start", "end", "text", "before", "after"},   # the span decided on (context = 40 chars)
     "label": "PER",                                        # its label when decided on
     "old": {entity fields before} | null,                  # null for "add"
     "new": {entity fields after} | null,                   # status for accept/reject, full entity for correct/add
     "new_span": {"start", "end", "text", "before", "after"},  # correct only: where the corrected span lies
     "undoes": ["d-…"],                                     # undo/dismiss only
     "batch": "b-…" | null,                                 # decisions made by one action (accept all)
     "reviewer": "…", "time": "2026-…Z", "model_version": "…"}

Re-anchoring: when the text hash still matches, offsets are used as they are; otherwise the span
text is searched in the new text (exactly, then with flexible whitespace) and the occurrence
whose surrounding context matches best wins. A decision that cannot be placed, or that meets an
entity the new model labelled differently, is returned as *flagged* — never silently dropped.

`apply_decisions` is idempotent: entities changed by review carry a `review` key holding the
pipeline's original entity, which is restored before decisions are applied again, so applying
the log to an already reviewed `articles.jsonl` gives the same result (and an undo works on it).
"""
from __future__ import annotations

import copy
import getpass
import hashlib
import json
import os
import re
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional

from .store import fsync_dir

LABELS = ("PER", "ORG", "LOC", "MISC", "DATE", "FIGURE")
KINDS = ("accept", "reject", "correct", "add", "undo", "dismiss")
CANCEL_KINDS = ("undo", "dismiss")
ENTITY_FIELDS = ("start", "end", "text", "label", "source", "status", "value", "unit", "about", "qualifier", "event", "canonical")
VALUE_FIELDS = ("value", "unit", "about", "qualifier", "event", "canonical")
CONTEXT = 40
DECISIONS_FILE = "decisions.jsonl"
MIN_CONTEXT_MATCH = 6  # chars of matching context needed to choose between several occurrences


# --------------------------------------------------------------------------- helpers


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_reviewer() -> str:
    try:
        return os.environ.get("PRESSESCHAU_REVIEWER") or getpass.getuser() or "reviewer"
    except Exception:  # no user database entry (containers)
        return "reviewer"


def model_version(record: dict) -> Optional[str]:
    p = record.get("pipeline") or {}
    model = p.get("model")
    if isinstance(model, dict):
        name = model.get("name") or model.get("lang", "")
        ver = model.get("version")
        m = f"{name}-{ver}" if name and ver else (name or ver)
    else:
        m = model
    parts = [str(x) for x in (p.get("version"), m) if x]
    return "/".join(parts) or None


def span_info(text: str, start: int, end: int) -> dict:
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "before": text[max(0, start - CONTEXT):start],
        "after": text[end:end + CONTEXT],
    }


def entity_snapshot(ent: dict) -> dict:
    return {k: ent.get(k) for k in ENTITY_FIELDS if k in ent}


def entity_key(ent: dict) -> tuple:
    return (ent["start"], ent["end"], ent["label"])


def raw_span(record: dict, start: int, end: int) -> Optional[tuple[int, int]]:
    """Clean [start, end) -> raw offsets via `source.offsets` runs [clean_start, raw_start, length]."""
    segs = (record.get("source") or {}).get("offsets")
    if not segs:
        return None

    def raw_of(i: int) -> Optional[int]:
        for c, r, n in segs:
            if c <= i < c + n:
                return r + (i - c)
        return None

    rs = raw_of(start)
    re_ = raw_of(end - 1) if end > start else rs
    if rs is None or re_ is None:
        return None
    return (rs, re_ + 1) if end > start else (rs, rs)


def clean_offset_of_raw(record: dict, raw: int) -> int:
    """Where, in the clean text, a piece removed at raw offset `raw` was: just after the kept
    character before it (reading order may differ from raw order), else before the next kept one."""
    segs = (record.get("source") or {}).get("offsets") or []
    text_len = len(record.get("text", ""))
    for c, r, n in segs:
        if r <= raw - 1 < r + n:
            return c + (raw - 1 - r) + 1
    following = [(r, c) for c, r, n in segs if r >= raw]
    if following:
        return min(following)[1]
    return text_len


def progress(record: dict) -> dict:
    counts = {s: 0 for s in ("pending", "accepted", "rejected", "corrected")}
    for e in record.get("entities", []):
        counts[e.get("status", "pending")] = counts.get(e.get("status", "pending"), 0) + 1
    total = sum(counts.values())
    counts["total"] = total
    counts["done"] = total - counts["pending"]
    return counts


# --------------------------------------------------------------------------- building decisions


def make_decision(
    record: dict,
    kind: str,
    entity: Optional[dict] = None,
    new: Optional[dict] = None,
    *,
    reviewer: Optional[str] = None,
    batch: Optional[str] = None,
    undoes: Optional[list[str]] = None,
    note: Optional[str] = None,
) -> dict:
    """Build one decision against `record` as it is now (the entity as the reviewer saw it).

    accept/reject: `entity` is the entity decided on. correct: `entity` plus `new` (fields that
    change: start/end/label/value/...). add: `new` with start/end/label (+ value fields).
    undo/dismiss: `undoes` lists the decision ids cancelled.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown decision {kind!r}")
    text = record["text"]
    d: dict[str, Any] = {
        "id": "d-" + uuid.uuid4().hex,
        "decision": kind,
        "article_id": record["id"],
        "article_sha256": (record.get("source") or {}).get("sha256"),
        "text_sha256": text_sha256(text),
        "span": None,
        "label": None,
        "old": None,
        "new": None,
        "reviewer": reviewer or default_reviewer(),
        "time": now_iso(),
        "model_version": model_version(record),
    }
    if batch:
        d["batch"] = batch
    if note:
        d["note"] = note
    if kind in CANCEL_KINDS:
        if not undoes:
            raise ValueError(f"{kind} needs the ids it cancels")
        d["undoes"] = list(undoes)
        return d
    if kind == "add":
        if not new:
            raise ValueError("add needs the new entity")
        s, e = int(new["start"]), int(new["end"])
        _check_span(text, s, e)
        label = new.get("label")
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        d["span"] = span_info(text, s, e)
        d["label"] = label
        d["new"] = _new_entity_fields(text, s, e, label, new, None)
        return d
    if not entity:
        raise ValueError(f"{kind} needs the entity decided on")
    s, e = int(entity["start"]), int(entity["end"])
    _check_span(text, s, e)
    d["span"] = span_info(text, s, e)
    d["label"] = entity["label"]
    d["old"] = entity_snapshot(entity)
    if kind == "accept":
        d["new"] = {"status": "accepted"}
    elif kind == "reject":
        d["new"] = {"status": "rejected"}
    else:  # correct
        new = dict(new or {})
        ns = int(new.get("start", s))
        ne = int(new.get("end", e))
        _check_span(text, ns, ne)
        label = new.get("label", entity["label"])
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        d["new"] = _new_entity_fields(text, ns, ne, label, new, entity)
        d["new_span"] = span_info(text, ns, ne)
    return d


def _check_span(text: str, s: int, e: int) -> None:
    if not (0 <= s < e <= len(text)):
        raise ValueError(f"bad span [{s}, {e}) for a text of {len(text)} characters")
    if not text[s:e].strip():
        raise ValueError("span is only whitespace")


# the values dates.py writes: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-SP/SU/FA/WI, YYYY-Q1..4, YYYY-H1/2,
# YYYY-Www(-WE), decade "199", century "19", negative years; optional time; ranges "a/b"
_ISO_DATE = re.compile(r"-?\d{2,4}(-(\d{2}(-\d{2})?|W\d{2}(-WE|-\d)?|Q[1-4]|H[12]|SP|SU|FA|WI))?([T ]\d{2}(:\d{2}){0,2})?")


def _coerce_value(label: str, value: Any) -> Any:
    if value in ("", None):
        return None
    if label == "FIGURE":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        s = str(value).strip().replace("\u202f", "").replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", s):  # German thousands separators
            s = s.replace(".", "")
        s = s.replace(",", ".")
        try:
            f = float(s)
        except ValueError:
            raise ValueError(f"FIGURE value must be a number, got {value!r}") from None
        return int(f) if f.is_integer() and "." not in s else f
    if label == "DATE":
        s = str(value).strip()
        if not all(_ISO_DATE.fullmatch(part) for part in s.split("/")) or s.count("/") > 1:
            raise ValueError(f"DATE value must be ISO 8601 like the pipeline's (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Q1, YYYY-SU, decade 199), got {value!r}")
        return s
    return value


def _new_entity_fields(text: str, s: int, e: int, label: str, new: dict, old: Optional[dict]) -> dict:
    out: dict[str, Any] = {"start": s, "end": e, "text": text[s:e], "label": label}
    keep_values = old is not None and old.get("label") == label
    if label == "DATE":
        v = new["value"] if "value" in new else (old.get("value") if keep_values else None)
        out["value"] = _coerce_value("DATE", v)
    elif label == "FIGURE":
        for k in ("value", "unit", "about", "qualifier", "event"):
            v = new[k] if k in new else (old.get(k) if keep_values else None)
            out[k] = _coerce_value("FIGURE", v) if k == "value" else (v or None)
        if out["event"] is None and not (old and "event" in old) and "event" not in new:
            del out["event"]  # the pipeline writes `event` only where it found one
    else:
        v = new["canonical"] if "canonical" in new else (old.get("canonical") if keep_values else None)
        out["canonical"] = v or None
    return out


# --------------------------------------------------------------------------- the log


class DecisionStore:
    """Append-only JSONL of decisions. Each append is one write + flush + fsync."""

    def __init__(self, folder: os.PathLike | str = "annotations", filename: str = DECISIONS_FILE):
        self.folder = Path(folder)
        self.path = self.folder / filename
        self._lock = threading.Lock()

    def append(self, decisions: Iterable[dict]) -> list[dict]:
        decisions = list(decisions)
        if not decisions:
            return decisions
        data = "".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n" for d in decisions).encode("utf-8")
        with self._lock:
            created = not self.path.exists()
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                # a previous crash may have left a torn last line: start on a fresh line
                if os.fstat(fd).st_size > 0 and not self._ends_with_newline():
                    data = b"\n" + data
                view = memoryview(data)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                fsync_dir(self.folder)
        return decisions

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def load(self) -> list[dict]:
        return load_decisions(self.path)


def load_decisions(path: os.PathLike | str) -> list[dict]:
    """All decisions in file order. A torn line (a crash mid-write) is skipped, the rest kept."""
    path = Path(path)
    if path.is_dir():
        path = path / DECISIONS_FILE
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(d, dict) and d.get("decision") in KINDS:
                out.append(d)
    return out


def effective_decisions(decisions: list[dict]) -> list[dict]:
    """Decisions in order, without undo/dismiss entries and the decisions they cancel."""
    cancelled: set[str] = set()
    for d in decisions:
        if d.get("decision") in CANCEL_KINDS:
            cancelled.update(d.get("undoes") or [])
    return [d for d in decisions if d.get("decision") not in CANCEL_KINDS and d.get("id") not in cancelled]


def last_undoable(decisions: list[dict], article_id: Optional[str] = None) -> list[dict]:
    """The most recent action (one decision, or every decision of its batch) not yet undone."""
    active = [d for d in effective_decisions(decisions) if article_id is None or d.get("article_id") == article_id]
    if not active:
        return []
    last = active[-1]
    if last.get("batch"):
        return [d for d in active if d.get("batch") == last["batch"]]
    return [last]


# --------------------------------------------------------------------------- re-anchoring


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(needle)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    if out:
        return out
    # 2. flexible whitespace (a re-flowed line, a removed line break)
    toks = needle.split()
    if not toks:
        return out
    out = [(m.start(), m.end()) for m in re.finditer(r"\s+".join(re.escape(t) for t in toks), text)]
    if out:
        return out
    # 3. hyphenation and soft hyphens: "Toka-\njew" <-> "Tokajew", "Toka\u00adjew"
    core = re.sub(r"[\s\u00ad]+", "", re.sub(r"-\s*\n\s*", "", needle))
    if len(core) < 2 or len(core) > 200:
        return out
    glue = r"(?:-?[ \t]*\n\s*|\u00ad|\s+|-)?"
    pat = glue.join(re.escape(ch) for ch in core)
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def locate(text: str, span: dict, same_text: bool = False) -> tuple[Optional[tuple[int, int]], str]:
    """Where `span` (start, end, text, before, after) lies in `text`: ((start, end), "") or (None, reason)."""
    s, e, t = span["start"], span["end"], span["text"]
    if same_text and text[s:e] == t:
        return (s, e), ""
    cands = _occurrences(text, t)
    if not cands:
        return None, "span_not_found"
    before, after = span.get("before") or "", span.get("after") or ""
    scored = []
    for cs, ce in cands:
        ctx = _common_suffix(before, text[max(0, cs - len(before)):cs]) + _common_prefix(after, text[ce:ce + len(after)])
        scored.append((ctx, -abs(cs - s), cs, ce))
    scored.sort(reverse=True)
    best = scored[0]
    full = len(before) + len(after)
    if len(scored) == 1:
        # the only occurrence: still wants a little of its old surroundings
        if best[0] >= min(3, full):
            return (best[2], best[3]), ""
        return None, "context_changed"
    if best[0] >= min(MIN_CONTEXT_MATCH, full) and (best[0] > scored[1][0] or best[0] >= min(full, 2 * CONTEXT) * 0.75):
        return (best[2], best[3]), ""
    if best[0] == full and full > 0:
        return (best[2], best[3]), ""
    return None, "ambiguous"


# --------------------------------------------------------------------------- applying


def strip_review(record: dict) -> dict:
    """Undo the effect of earlier `apply_decisions` on a record (in place): the pipeline's entities back."""
    ents = []
    changed = False
    for ent in record.get("entities", []):
        rv = ent.get("review")
        if rv is None:
            ents.append(ent)
            continue
        changed = True
        orig = rv.get("original")
        if orig is not None:
            ents.append(orig)
    if changed:
        # the original of a corrected entity may duplicate one that was kept: keep one of each
        seen, uniq = set(), []
        for ent in ents:
            k = json.dumps(ent, sort_keys=True, ensure_ascii=False)
            if k not in seen:
                seen.add(k)
                uniq.append(ent)
        record["entities"] = sorted(uniq, key=lambda x: (x["start"], x["end"], x["label"]))
    record.pop("review_flags", None)
    return record


class _Ctx:
    def __init__(self, record: dict):
        self.record = record
        self.text = record["text"]
        self.sha = text_sha256(self.text)


def _find(record: dict, s: int, e: int, label: Optional[str] = None) -> list[dict]:
    return [x for x in record["entities"] if x["start"] == s and x["end"] == e and (label is None or x["label"] == label)]


def _overlapping(record: dict, s: int, e: int, label: Optional[str] = None) -> list[dict]:
    return [x for x in record["entities"] if x["start"] < e and s < x["end"] and (label is None or x["label"] == label)]


def _mark(ent: dict, d: dict, new_entity: bool = False) -> None:
    rv = ent.get("review")
    if rv is None:
        rv = {"original": None if new_entity else copy.deepcopy({k: v for k, v in ent.items() if k != "review"}), "decisions": []}
        ent["review"] = rv
    rv["decisions"].append(d["id"])
    rv["reviewer"] = d.get("reviewer")
    rv["time"] = d.get("time")


def _set_fields(record: dict, ent: dict, fields: dict) -> None:
    for k in VALUE_FIELDS:
        ent.pop(k, None)
    ent.update(fields)
    rs = raw_span(record, ent["start"], ent["end"])
    if rs:
        ent["raw_start"], ent["raw_end"] = rs
    else:
        ent.pop("raw_start", None)
        ent.pop("raw_end", None)


def _new_entity(record: dict, fields: dict, status: str, d: dict, restored: bool = False) -> dict:
    ent: dict[str, Any] = {"start": fields["start"], "end": fields["end"], "text": fields["text"], "label": fields["label"], "source": "review", "status": status}
    _set_fields(record, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS})
    _mark(ent, d, new_entity=True)
    if restored:
        ent["review"]["restored"] = True  # decided on a model entity this run does not have
    record["entities"].append(ent)
    return ent


def _shift(fields: dict, s: int, e: int, text: str) -> dict:
    f = dict(fields)
    f["start"], f["end"], f["text"] = s, e, text[s:e]
    return f


def _apply_one(ctx: _Ctx, d: dict) -> Optional[str]:
    rec, text = ctx.record, ctx.text
    same = d.get("text_sha256") == ctx.sha
    kind = d["decision"]
    span = d.get("span")
    if not span:
        return "malformed"
    loc, why = locate(text, span, same)

    if kind == "add":
        if loc is None:
            return why
        s, e = loc
        fields = _shift(d["new"], s, e, text)
        exist = _find(rec, s, e, fields["label"])
        if exist:
            ent = exist[0]
            _mark(ent, d)
            _set_fields(rec, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS and v is not None} | {k: ent.get(k) for k in VALUE_FIELDS if k in ent and fields.get(k) is None})
            ent["status"] = "accepted"
            return None
        _new_entity(rec, fields, "accepted", d)
        return None

    if kind in ("accept", "reject"):
        if loc is None:
            return why
        s, e = loc
        label = d["label"]
        exist = _find(rec, s, e, label)
        if exist:
            for ent in exist:
                _mark(ent, d)
                if kind == "reject":
                    ent["status"] = "rejected"
                elif ent.get("status") != "corrected":
                    ent["status"] = "accepted"
            return None
        if kind == "reject":
            # the new run no longer predicts it: the rejection holds. Whatever it predicts there
            # instead (another label, other boundaries) is new, so it stays pending for review.
            return None
        # the reviewed truth stays, even where the new run lost it or predicts something else
        # there (that prediction stays pending beside it, for the reviewer to judge)
        old = d.get("old") or {"label": label}
        fields = _shift({k: old.get(k) for k in ("label",) + VALUE_FIELDS if k in old}, s, e, text)
        _new_entity(rec, fields, "accepted", d, restored=True)
        return None

    if kind == "correct":
        new = d.get("new") or {}
        nspan = d.get("new_span") or {"start": new.get("start"), "end": new.get("end"), "text": new.get("text", ""), "before": "", "after": ""}
        target = None
        if loc is not None:
            delta = loc[0] - span["start"]
            ts, te = nspan["start"] + delta, nspan["end"] + delta
            if 0 <= ts < te <= len(text) and text[ts:te] == nspan["text"]:
                target = (ts, te)
        if target is None:
            target, why2 = locate(text, nspan, same)
            if target is None:
                return why2 if loc is None else why2
        ts, te = target
        fields = _shift(new, ts, te, text)
        old_ents = _find(rec, loc[0], loc[1], d["label"]) if loc is not None else []
        already = [x for x in _find(rec, ts, te, fields["label"]) if all(x is not o for o in old_ents)]
        if old_ents:
            ent = old_ents[0]
            if already:
                # the new run already has the corrected entity beside the wrong one
                _mark(ent, d)
                ent["status"] = "rejected"
                ent = already[0]
            _mark(ent, d)
            ent["start"], ent["end"], ent["text"], ent["label"] = ts, te, fields["text"], fields["label"]
            _set_fields(rec, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS})
            ent["status"] = "corrected"
            return None
        if already:
            ent = already[0]
            _mark(ent, d)
            _set_fields(rec, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS})
            ent["status"] = "corrected"
            return None
        _new_entity(rec, fields, "corrected", d, restored=True)
        return None
    return "malformed"


def _find_record(d: dict, by_id: dict, by_sha: dict) -> Optional[dict]:
    rec = by_id.get(d.get("article_id"))
    if rec is None and d.get("article_sha256"):
        rec = by_sha.get(d["article_sha256"])
    return rec


REASONS = {
    "article_missing": "the article is not in this output any more",
    "span_not_found": "the decided text is not in the article's new text",
    "ambiguous": "the decided text occurs several times and its context no longer tells which",
    "context_changed": "the decided text is still there, but everything around it changed",
    "malformed": "the decision line is incomplete",
}


def apply_decisions(records: list[dict], decisions: list[dict]) -> tuple[list[dict], list[dict]]:
    """Apply the review log to pipeline records.

    Returns (records, flagged): deep copies of `records` with statuses set, corrections made and
    added entities inserted (each touched entity keeps its pipeline original under `review`), and
    one `{"decision", "reason", "message", "article_id"}` per decision that could not be placed.
    Records that carry review results from an earlier call are reset first, so this is idempotent.
    Flagged decisions are also listed per article under `review_flags` (decision ids + reasons).
    """
    out = [strip_review(copy.deepcopy(r)) for r in records]
    by_id = {r["id"]: r for r in out}
    by_sha: dict[str, dict] = {}
    for r in out:
        sha = (r.get("source") or {}).get("sha256")
        if sha:
            by_sha.setdefault(sha, r)
    ctxs: dict[int, _Ctx] = {}
    flagged: list[dict] = []
    touched: set[int] = set()
    for d in effective_decisions(decisions):
        rec = _find_record(d, by_id, by_sha)
        if rec is None:
            reason = "article_missing"
        else:
            ctx = ctxs.get(id(rec))
            if ctx is None:
                ctx = ctxs[id(rec)] = _Ctx(rec)
            touched.add(id(rec))
            try:
                reason = _apply_one(ctx, d)
            except (KeyError, TypeError, ValueError, IndexError):
                reason = "malformed"
        if reason:
            flagged.append({"decision": d, "reason": reason, "message": REASONS.get(reason, reason), "article_id": d.get("article_id")})
            if rec is not None:
                rec.setdefault("review_flags", []).append({"decision_id": d.get("id"), "reason": reason})
    for r in out:
        if id(r) in touched:
            r["entities"].sort(key=lambda x: (x["start"], x["end"], x["label"]))
    return out, flagged


def apply_decisions_from(records: list[dict], annotations: os.PathLike | str = "annotations") -> tuple[list[dict], list[dict]]:
    """`apply_decisions` with the log read from `annotations/decisions.jsonl` (no log: records unchanged)."""
    return apply_decisions(records, load_decisions(annotations))
