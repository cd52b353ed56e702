"""Review decisions: the append-only log (`annotations/decisions.jsonl`) and how a decision is
made. Re-anchoring is in `anchor.py`, the re-application (the reviewed view) in `apply.py`.

Every decision a reviewer makes (accept, reject, correct, add, undo, dismiss) is one JSON line; an
action that decides several entities (accept all, apply to all mentions, an import) writes one line
per decision, all of one `batch`, with a single write. They are appended and fsync'ed the moment
they are made, so a crash or a closed browser loses nothing. The log is the
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

import contextlib
import functools
import getpass
import hashlib
import json
import logging
import math
import os
import re
import threading
import unicodedata
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from ..errors import NotAReviewLog, OverlappingSpan, RefusedSpan, ReviewLogNotWritable, UnreadableFile
from ..io import BadLine, fsync_dir, iter_jsonl
from ..schema import ENTITY_FIELDS, LABELS, VALUE_FIELDS  # noqa: F401  (LABELS: part of this module's API)
from ..schema import check_date_value, date_type_for

KINDS = ("accept", "reject", "correct", "add", "undo", "dismiss")
CANCEL_KINDS = ("undo", "dismiss")
CONTEXT = 40
DECISIONS_FILE = "decisions.jsonl"
MIN_CONTEXT_MATCH = 6  # chars of matching context needed to choose between several occurrences
SHOWN_BAD_LINES = 50  # log lines that cannot be applied named one by one; the rest counted


# --------------------------------------------------------------------------- helpers


def log_folder(annotations: os.PathLike | str) -> Path:
    """The folder of the review log that a command's `-a/--annotations` names: a folder (one
    that does not exist yet is made when the first decision is written), or the log file
    `decisions.jsonl` itself (its folder). Anything else that exists (another file, a log's
    `.rejected` copy, a device) raises `NotAReviewLog`: no command reads it as a log or
    writes beside it. The one place every command resolves the option."""
    p = Path(annotations)
    if p.is_dir():
        return p
    if p.name == DECISIONS_FILE and (p.is_file() or not p.exists()):
        return p.parent
    if p.exists():
        raise NotAReviewLog(p)
    return p


@functools.lru_cache(maxsize=256)
def text_sha256(text: str) -> str:
    # cached: a batch of decisions ("apply to all mentions") hashes each article's text once,
    # not once per decision (the key is the string itself: its hash is kept on the object)
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
    """Clean [start, end) -> raw offsets via `source.offsets` runs [clean_start, raw_start, length];
    a span ending in a normalised char ends at the end of its raw piece (`normalised_piece_ends`),
    as the run's own entities do (`record.build_record`)."""
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
    if end <= start:
        return rs, rs
    from ..clean.data import normalised_piece_ends

    return rs, normalised_piece_ends(record.get("removed") or []).get(re_, re_ + 1)


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
    whole_words: bool = False,
    replaced: Iterable[dict] = (),
) -> dict:
    """Build one decision against `record` as it is now (the entity as the reviewer saw it).

    accept/reject: `entity` is the entity decided on. correct: `entity` plus `new` (fields that
    change: start/end/label/value/...). add: `new` with start/end/label (+ value fields).
    undo/dismiss: `undoes` lists the decision ids cancelled.

    `whole_words`: a new span (an add, a correction's new bounds) that begins or ends inside a
    word (`review.words`: "ingela Merkel", "Merkel'" of "Merkel's") is refused, naming the whole
    words, as spaCy and Prodigy leave out a span that does not align with the tokens (an import,
    which cannot ask the annotator; the review app refuses it unless the reviewer chose a sub-word).

    A span made kept (an add; an accept or a correction of an entity not kept yet; a correction to
    new bounds) that overlaps another entity a reviewer kept is refused (`_check_overlap`), except
    the entities in `replaced` (an import's task that corrects or rejects them in the same batch).
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
        s, e = _check_span(text, offset(new["start"]), offset(new["end"]), new_span=True)
        if whole_words:
            _check_words(record, s, e)
        _check_overlap(record, s, e, replaced)
        label = new.get("label")
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        d["span"] = span_info(text, s, e)
        d["label"] = label
        d["new"] = _new_entity_fields(text, s, e, label, new, None)
        return d
    if not entity:
        raise ValueError(f"{kind} needs the entity decided on")
    s, e = offset(entity["start"]), offset(entity["end"])
    _check_span(text, s, e)
    d["span"] = span_info(text, s, e)
    d["label"] = entity["label"]
    d["old"] = entity_snapshot(entity)
    if kind == "accept":
        if entity.get("status") not in KEPT:  # a model's guess (or a rejected entity) kept now
            _check_overlap(record, s, e, [entity, *replaced])
        d["new"] = {"status": "accepted"}
    elif kind == "reject":
        d["new"] = {"status": "rejected"}
    else:  # correct
        new = dict(new or {})
        ns = offset(new.get("start", s))
        ne = offset(new.get("end", e))
        ns, ne = _check_span(text, ns, ne, new_span=(ns, ne) != (s, e))
        if whole_words and (ns, ne) != (s, e):
            _check_words(record, ns, ne)
        if (ns, ne) != (s, e) or entity.get("status") not in KEPT:  # new bounds, or a guess relabelled: kept now
            _check_overlap(record, ns, ne, [entity, *replaced])
        label = new.get("label", entity["label"])
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        d["new"] = _new_entity_fields(text, ns, ne, label, new, entity)
        d["new_span"] = span_info(text, ns, ne)
    return d


def make_cancel(target: dict, kind: str = "dismiss", *, reviewer: Optional[str] = None) -> dict:
    """An undo/dismiss of decision `target` without its article's record (a decision whose
    article is not in the output, or not one alone): it names the article and hashes `target` names."""
    if kind not in CANCEL_KINDS:
        raise ValueError(f"{kind!r} cancels nothing")
    return {
        "id": "d-" + uuid.uuid4().hex, "decision": kind, "article_id": target.get("article_id"),
        "article_sha256": target.get("article_sha256"), "text_sha256": target.get("text_sha256"),
        "span": None, "label": None, "old": None, "new": None, "undoes": [target["id"]],
        "reviewer": reviewer or default_reviewer(), "time": now_iso(), "model_version": target.get("model_version"),
    }


def offset(x: Any) -> int:
    """A character offset sent by a client: a whole number (5.0 is 5); 0.5 or "5" is refused, not cut to 0 or read."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if not isinstance(x, int) or isinstance(x, bool):
        raise ValueError(f"offsets are whole numbers, not {x!r}")
    return x


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without the whitespace at its edges, as the review app trims a selection
    (app.js `currentSelection`): a span from an import ("Osten?\n") gets the same."""
    if 0 <= s < e <= len(text):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _check_span(text: str, s: int, e: int, new_span: bool = False) -> tuple[int, int]:
    """The span checked; a new span (an add, a correction's new bounds) is returned trimmed (`trim_span`)."""
    if not (0 <= s < e <= len(text)):
        raise ValueError(f"bad span [{s}, {e}) for a text of {len(text)} characters")
    if not text[s:e].strip():
        raise RefusedSpan(f"span [{s}, {e}) is only whitespace")
    if not new_span:
        return s, e
    s, e = trim_span(text, s, e)
    if all(unicodedata.category(ch).startswith("P") or ch.isspace() for ch in text[s:e]):
        # an import's span of a question mark and a line end ("?\n") was recorded as an added entity
        raise RefusedSpan(f"“{text[s:e]}” [{s}, {e}) is only punctuation; an entity is a name, a date or a figure")
    if "\n\n" in text[s:e]:
        # a name, a date or a figure never runs over a paragraph break: a selection dragged
        # past the end of a paragraph saved a 250-character "PER"
        raise RefusedSpan(f"“{text[s:e][:40]}…” runs over a paragraph break; select within one paragraph")
    return s, e


KEPT = ("accepted", "corrected")  # what a reviewer vouched for


def kept_span(d: dict) -> Optional[tuple[int, int]]:
    """The span decision `d` keeps as an entity (an add's, a correction's new one, an accept's), or None."""
    if d.get("decision") == "correct":
        sp = d.get("new_span") or {}
    elif d.get("decision") in ("add", "accept"):
        sp = d.get("span") or {}
    else:
        return None
    return sp.get("start"), sp.get("end")


def crosses(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans (start, end) overlap without being one span: a flat view cannot keep both."""
    return a[0] < b[1] and b[0] < a[1] and a != b


def overlapping_kept(ds: Iterable[dict], d: dict) -> Optional[dict]:
    """Of the decisions `ds` (made before `d` in one batch, not applied yet), one that keeps a span
    overlapping, not equal to, the one `d` keeps: the batch would keep both (`_check_overlap` sees
    only the record as it was before the batch)."""
    span = kept_span(d)
    if span is None:
        return None
    for p in ds:
        q = kept_span(p)
        if q is not None and crosses(q, span):
            return p
    return None


def _check_overlap(record: dict, s: int, e: int, replaced: Iterable[dict] = ()) -> None:
    """A span made kept (an add, a correction's new bounds, a guess accepted or relabelled) may not
    overlap another span a reviewer kept (accepted or corrected), the entities of `replaced` aside
    (the one corrected, those an import's task rejects or corrects in the same batch): the
    reviewed view is flat, as spaCy's `doc.ents`
    and a Prodigy `ner_manual` task are, and two reviewers' (or a reviewer's and a tool's)
    "Tokajew" and "Kassym-Jomart Tokajew" were both kept. Refused naming the kept entity. The same
    span with another label is not refused here: two labels on one span is a conflict between
    reviewers (`teams.conflicts`)."""
    aside = None
    for x in record.get("entities", ()):
        # the cheap test first: a corpus-wide "apply to all mentions" makes thousands of decisions
        if not crosses((x["start"], x["end"]), (s, e)) or x.get("status") not in KEPT:
            continue
        if aside is None:
            aside = {id(y) for y in replaced}
        if id(x) in aside:
            continue
        who = (x.get("review") or {}).get("reviewer") or x.get("reviewer")
        raise OverlappingSpan(f"“{record['text'][s:e]}” [{s}, {e}) overlaps “{x['text']}” {x['label']} [{x['start']}, {x['end']}), "
                              f"{x.get('status')}{' by ' + who if who else ''}: an entity's words belong to one entity; "
                              f"correct or reject that one first")


def _check_words(record: dict, s: int, e: int) -> None:
    from . import words

    why = words.cuts(record["text"], s, e, words.words_of(record))
    if why:
        raise RefusedSpan(why)


def _coerce_value(label: str, value: Any) -> Any:
    if value in ("", None):
        return None
    if label == "FIGURE":
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else _figure_number(value)
        if not math.isfinite(number):
            # a JSON body's NaN / Infinity, "nan", "inf", "1e400" (float() reads them): no JSON; the log's
            # line and every answer of the article became JSON the page could not read
            raise ValueError(f"FIGURE value must be a finite number, got {value!r}")
        return number
    if label == "DATE":
        return check_date_value(value)[0]  # the grammar of the values the pipeline writes (pipeline.schema)
    return value


def _figure_number(value: Any) -> float:
    """A FIGURE value the reviewer typed ("1.250,5", "45 000"): its number, an int where it has no decimals."""
    s = str(value).strip().replace("\u202f", "").replace(" ", "")
    # German thousands separators ("1.250"); never after a leading 0: "0.375" (as the app shows 0.375) is no 375
    if re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?", s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        f = float(s)
    except ValueError:
        raise ValueError(f"FIGURE value must be a number, got {value!r}") from None
    return int(f) if f.is_integer() and "." not in s else f


def _new_entity_fields(text: str, s: int, e: int, label: str, new: dict, old: Optional[dict]) -> dict:
    out: dict[str, Any] = {"start": s, "end": e, "text": text[s:e], "label": label}
    keep_values = old is not None and old.get("label") == label
    if label == "DATE":
        # a value the reviewer gives is checked; the entity's own value (a span or label change) is kept
        # as it is. The type follows the value's shape (pipeline.schema.date_type_for), or the reviewer's
        current = old.get("type") if keep_values else None
        if "value" in new or "type" in new:
            v = new["value"] if "value" in new else (old.get("value") if keep_values else None)
            out["value"], out["type"] = check_date_value(v, new.get("type"), current)
        else:
            out["value"] = old.get("value") if keep_values else None
            out["type"] = date_type_for(out["value"], current)
    elif label == "FIGURE":
        for k in ("value", "unit", "about", "qualifier", "event"):
            v = new[k] if k in new else (old.get(k) if keep_values else None)
            out[k] = _coerce_value("FIGURE", v) if k == "value" else _text_value(label, k, v)
        if out["event"] is None and not (old and "event" in old) and "event" not in new:
            del out["event"]  # the pipeline writes `event` only where it found one
    else:
        v = new["canonical"] if "canonical" in new else (old.get("canonical") if keep_values else None)
        out["canonical"] = _text_value(label, "canonical", v)
    return out


#: the value fields that hold text (a unit, a lemma, a name), never a list, an object or a number
TEXT_VALUE_FIELDS = ("unit", "about", "qualifier", "event", "canonical")


def _text_value(label: str, key: str, v: Any) -> Optional[str]:
    """A text field of a decision (`TEXT_VALUE_FIELDS`): a string or nothing (ValueError else: a
    list given as `unit` went into the log, and every later load of the log, the app's start and
    `review --conflicts`, ended in a TypeError traceback)."""
    if v is not None and not isinstance(v, str):
        raise ValueError(f"{label} {key} must be text, got {v!r}")
    return v or None


# --------------------------------------------------------------------------- the log


_LOCKS: dict[str, "_LogLock"] = {}
_LOCKS_GUARD = threading.Lock()


class _LogLock:
    def __init__(self) -> None:
        self.rlock = threading.RLock()  # the threads of this process, one at a time
        self.depth = 0
        self.fd: Optional[int] = None
        self.exclusive = False


@contextlib.contextmanager
def log_lock(path: os.PathLike | str, exclusive: bool = True) -> Iterator[None]:
    """An advisory lock (`fcntl.flock`) on the log file itself, between processes (review
    servers, `presseschau import`, a run applying the log) and the threads of this one.

    Writers hold it exclusive around check + append (`ReviewState`'s actions: the check sees
    every line appended before, and nobody appends between check and append). Readers hold it
    shared while they read and stat the file, so they never see a line half-written, and the
    (mtime, size) they keep is the file they read. Hence a last line without its newline read
    under the lock is a real torn line (a writer died mid-write), never one being written.

    Reentrant within the process (a load inside a writer's lock takes nothing more). No lock
    where there is nothing to lock or it cannot be had (no log yet for a reader, a read-only
    folder for a writer: its append fails as before, a file system without flock, no fcntl):
    the log is then read and written as it was without the lock."""
    key = os.path.abspath(path)
    with _LOCKS_GUARD:
        lk = _LOCKS.setdefault(key, _LogLock())
    with lk.rlock:
        if lk.depth == 0:
            lk.fd, lk.exclusive = _flock(Path(path), exclusive), exclusive
        elif exclusive and not lk.exclusive and lk.fd is not None:
            import fcntl

            fcntl.flock(lk.fd, fcntl.LOCK_EX)  # a reader that turns writer (not done here today)
            lk.exclusive = True
        lk.depth += 1
        try:
            yield
        finally:
            lk.depth -= 1
            if lk.depth == 0 and lk.fd is not None:
                os.close(lk.fd)  # releases the flock
                lk.fd = None


def _forget_locks_in_child() -> None:
    """A forked child holds none of its parent's locks (it would believe it does)."""
    global _LOCKS_GUARD
    for lk in _LOCKS.values():
        if lk.fd is not None:
            os.close(lk.fd)  # the child's copy only: the parent's lock stays
    _LOCKS.clear()
    _LOCKS_GUARD = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks_in_child)


def _flock(path: Path, exclusive: bool) -> Optional[int]:
    try:
        import fcntl
    except ImportError:  # not Linux/macOS
        return None
    try:
        if exclusive:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        else:
            fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
    except OSError:  # no flock on this file system (some network mounts)
        os.close(fd)
        return None
    return fd


def file_sig(path: os.PathLike | str) -> Optional[tuple[int, int]]:
    """(mtime_ns, size) of the log, None when there is none: what changes when someone appends."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


class DecisionStore:
    """Append-only JSONL of decisions. Each append is one write + flush + fsync, under the log's
    lock (`log_lock`). `sig` is the log's (mtime_ns, size) as the last `load` read it or the
    last `append` left it."""

    def __init__(self, folder: os.PathLike | str = "annotations", filename: str = DECISIONS_FILE):
        self.folder = Path(folder)
        self.path = self.folder / filename
        self.sig: Optional[tuple[int, int]] = None

    def locked(self, exclusive: bool = True):
        return log_lock(self.path, exclusive)

    def append(self, decisions: Iterable[dict]) -> list[dict]:
        decisions = list(decisions)
        if not decisions:
            return decisions
        data = "".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n" for d in decisions).encode("utf-8")
        try:
            self._append(data)
        except ReviewLogNotWritable:
            raise
        except OSError as e:  # folder replaced by a file, full disk, no permission: named, no traceback
            raise ReviewLogNotWritable(self.path, e) from e
        return decisions

    def _append(self, data: bytes) -> None:
        with self.locked():
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                size = os.fstat(fd).st_size
                # a previous crash may have left a torn last line: start on a fresh line
                if size > 0 and not self._ends_with_newline():
                    data = b"\n" + data
                view = memoryview(data)
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
                os.fsync(fd)
                st = os.fstat(fd)
                self.sig = (st.st_mtime_ns, st.st_size)
            finally:
                os.close(fd)
            if size == 0:  # the log is new (created here, or by the lock just before)
                fsync_dir(self.folder)

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def load(self) -> list[dict]:
        with self.locked(exclusive=False):
            out = load_decisions(self.path)
            self.sig = file_sig(self.path)
        return out


REJECTED_SUFFIX = ".rejected"  # decisions.jsonl.rejected: a copy of the lines not applied
log = logging.getLogger("presseschau")


def load_decisions(path: os.PathLike | str, rejected: Optional[list[dict]] = None) -> list[dict]:
    """All valid decisions in file order.

    Read under the log's shared lock (`log_lock`): no writer is mid-line meanwhile, so a last
    line without its newline is a write a crash cut off. A line that is no JSON (such a torn
    line, a corrupted line) or that is
    not a decision of the right shape and types (`check_decision`) is not applied, and never
    dropped without a word (issue 15): a warning names file and line, the line stays in the
    log as it is, and a copy of every such line is kept aside in `decisions.jsonl.rejected`
    (rewritten on each load; removed when there are none). `rejected`, when given, receives
    {"line", "reason", "text"} for each."""
    path = Path(path)
    if path.is_dir():
        path = path / DECISIONS_FILE
    if not path.exists():
        return []
    with log_lock(path, exclusive=False):  # no writer is mid-line while we read
        return _load_decisions(path, rejected)


def _load_decisions(path: Path, rejected: Optional[list[dict]]) -> list[dict]:
    bad: list[dict] = []
    out: list[dict] = []
    try:
        for lineno, value in iter_jsonl(path):
            if isinstance(value, BadLine):
                what = "torn last line (a write was cut off)" if value.truncated else f"invalid JSON ({value.msg})"
                bad.append({"line": lineno, "reason": what})
                continue
            why = check_decision(value)
            if why:
                bad.append({"line": lineno, "reason": why})
                continue
            out.append(value)
    except (OSError, UnreadableFile) as e:
        detail = f"line {e.line}: {e.reason}" if isinstance(e, UnreadableFile) else f"{type(e).__name__}: {e}"
        log.warning(f"{path}: cannot read the review log past the decisions read so far ({detail}); none of them is applied twice")
    if bad:
        _keep_aside(path, bad, all_bad=not out)
        if rejected is not None:
            rejected.extend(bad)
    else:
        side = path.with_name(path.name + REJECTED_SUFFIX)
        if side.exists():
            try:
                side.unlink()  # a copy of lines since repaired: the log itself holds them
            except OSError:
                pass
    return out


def _keep_aside(path: Path, bad: list[dict], all_bad: bool = False) -> None:
    """Warn about each rejected line (the first `SHOWN_BAD_LINES`, then their count) and copy them
    to the side file (best effort: a log in a read-only folder still loads). `all_bad`: no line
    of the file was a decision."""
    from ..io import atomic_write_jsonl

    wanted = {b["line"] for b in bad}
    try:
        with open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                if lineno in wanted:
                    next(b for b in bad if b["line"] == lineno)["text"] = raw.decode("utf-8", "backslashreplace").rstrip("\n")
    except OSError:
        pass
    side = path.with_name(path.name + REJECTED_SUFFIX)
    try:
        atomic_write_jsonl(side, bad)
        where = f"kept aside in {side}"
    except OSError as e:
        where = f"not copied to {side} ({e.strerror})"
    for b in bad[:SHOWN_BAD_LINES]:
        log.warning(f"{path}:{b['line']}: review decision not applied: {b['reason']}; the line stays in the log, {where}")
    if len(bad) > SHOWN_BAD_LINES:  # a file that is no review log (a CSV given as --annotations) named every line
        log.warning(f"{path}: {len(bad) - SHOWN_BAD_LINES} more lines not applied (the first {SHOWN_BAD_LINES} named above), {where}"
                    + ("; no line of the file is a review decision: is it the review log (annotations/decisions.jsonl)?" if all_bad else ""))


def check_decision(d: Any) -> Optional[str]:
    """Why a log line cannot be applied as a decision (shape and types), or None when it can."""
    if not isinstance(d, dict):
        return f"a decision is a JSON object, not {type(d).__name__}"
    kind = d.get("decision")
    if kind not in KINDS:
        return f"unknown decision {kind!r} (one of {', '.join(KINDS)})"
    for key in ("reviewer", "batch", "time"):  # keys of dicts and sorts: a list there was a TypeError loading the log
        if d.get(key) is not None and not isinstance(d[key], str):
            return f"'{key}' must be a string, not {d[key]!r}"
    if d.get("resolves") is not None and not (isinstance(d["resolves"], list) and all(isinstance(x, str) for x in d["resolves"])):
        return f"'resolves' must be a list of decision ids, not {d['resolves']!r}"
    if kind in CANCEL_KINDS:
        undoes = d.get("undoes")
        if not isinstance(undoes, list) or not all(isinstance(x, str) for x in undoes):
            return f"{kind}: 'undoes' must be a list of decision ids, not {undoes!r}"
        return None
    if not isinstance(d.get("id"), str):
        return "'id' must be a string"
    if not isinstance(d.get("article_id"), str):
        return "'article_id' must be a string"
    for key in ("span", "new_span"):
        if key == "span" or d.get(key) is not None:
            why = _check_span_info(d.get(key))
            if why:
                return f"'{key}' {why}"
    if d.get("label") not in LABELS:
        return f"unknown label {d.get('label')!r}"
    for key in ("new", "old"):
        if d.get(key) is not None and not isinstance(d[key], dict):
            return f"'{key}' must be an object"
    if not isinstance(d.get("new"), dict):
        return f"{kind}: 'new' must be an object"
    if kind in ("add", "correct") and d["new"].get("label") not in LABELS:
        return f"{kind}: unknown label {d['new'].get('label')!r} in 'new'"
    for key in ("new", "old"):
        fields = d.get(key) or {}
        bad = [k for k in TEXT_VALUE_FIELDS + ("type",) if not isinstance(fields.get(k), (str, type(None)))]
        if bad:
            return f"'{key}' {bad[0]} must be text, not {fields[bad[0]]!r}"
        if isinstance(fields.get("value"), (bool, list, dict)):
            return f"'{key}' value must be a number or text, not {fields['value']!r}"
    for key in ("text_sha256", "article_sha256"):
        if d.get(key) is not None and not isinstance(d[key], str):
            return f"'{key}' must be a string"
    return None


def _check_span_info(span: Any) -> Optional[str]:
    if not isinstance(span, dict):
        return "must be an object with start, end and text"
    s, e = span.get("start"), span.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (s, e)) or not 0 <= s <= e:
        return f"needs whole-number offsets 0 <= start <= end, not {s!r}, {e!r}"
    if not isinstance(span.get("text"), str):
        return "needs its 'text'"
    if any(span.get(k) is not None and not isinstance(span[k], str) for k in ("before", "after")):
        return "'before' and 'after' must be strings"
    return None


def cancelled_ids(decisions: list[dict]) -> set[str]:
    """The ids of the decisions cancelled: by an undo or dismiss that is not itself undone (a
    dismiss taken back with U cancels nothing). A cancel comes after what it cancels in the log,
    so the log read backwards meets each cancel's own cancel first."""
    cancelled: set[str] = set()
    for d in reversed(decisions):
        if d.get("decision") in CANCEL_KINDS and d.get("id") not in cancelled:
            cancelled.update(d.get("undoes") or [])
    return cancelled


def effective_decisions(decisions: list[dict]) -> list[dict]:
    """Decisions in order, without undo/dismiss entries and the decisions they cancel."""
    cancelled = cancelled_ids(decisions)
    return [d for d in decisions if d.get("decision") not in CANCEL_KINDS and d.get("id") not in cancelled]


def last_undoable(decisions: list[dict], article_id: Optional[str] = None) -> list[dict]:
    """The most recent action (one decision, or every decision of its batch, or a dismiss of a
    flagged decision: a mis-click is taken back as any decision) not yet undone. `decisions` in log order."""
    cancelled = cancelled_ids(decisions)
    active = [d for d in decisions if d.get("id") not in cancelled and d.get("decision") != "undo"
              and (article_id is None or d.get("article_id") == article_id)]
    if not active:
        return []
    last = active[-1]
    if last.get("batch"):
        return [d for d in active if d.get("batch") == last["batch"]]
    return [last]
