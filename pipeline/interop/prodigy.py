"""Prodigy: tasks out (`to_prodigy`), annotated tasks back (`import_prodigy`).

Prodigy is not on PyPI; the formats are those of its documentation (prodi.gy/docs/api-interfaces):
`ner_manual` tasks hold `text`, `tokens` ({text, start, end, id, ws}) and `spans` ({start, end,
label, token_start, token_end}); `ner` (binary) tasks hold one span and get `answer`
accept/reject/ignore. Offsets are Python string indices (code points), as in spaCy. Prodigy
keeps task keys it does not know through `db-out`, so the snapshot travels as `presseschau`;
extra keys on a span (`status`, `source`) are kept the same way, and so are the entity's
normalised values, as in `articles.jsonl` (DATE `value` ISO + `type`; FIGURE `value`, `unit`,
`about`, `qualifier`, `event`; a name's `canonical`); a binary task also shows the non-null
ones in its `meta` (Prodigy displays a task's meta on the card). The import reads spans and
answers only: values are carried out, not read back.

Which entities go out: reviewed ones (accepted, corrected); pending model guesses only with
`include_pending`, marked `"status": "pending"` on the span; binary tasks of rejected
entities are answered "reject". A task whose article still has
pending entities gets `answer: "ignore"` (an incomplete annotation: `prodigy db-in` would
otherwise take a task without answer as "accept"). `ner_manual` cannot show overlapping spans:
reviewed, then longer spans win, and the export warns about the ones left out.
"""
from __future__ import annotations

from typing import Optional

from .common import (KEEP, SNAPSHOT_KEY, SNAPSHOT_SCHEMA, Index, Warn, article_meta, changed_since, check_spans, conflict_with_app,
                     decide, decisions_from_changes,
                     decisions_from_spans, entity_values, hash31, no_snapshot_notice, numbered, non_overlapping, snapshot, snapshot_of,
                     tokenizer, wanted)
from ..review import log as dec
from ..schema import LABELS

MODES = ("manual", "binary")
ANSWERS = ("accept", "reject", "ignore")

_SPAN = {"type": "object", "required": ["start", "end"], "properties": {
    "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}, "label": {"type": "string"}}}
TASK_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string"},
        "spans": {"type": "array", "items": _SPAN},
        "tokens": {"type": "array"},
        "answer": {"enum": list(ANSWERS)},
        "meta": {"type": "object"},
        "_view_id": {"type": "string"},
    },
}


def _tokens(text: str) -> tuple[list[dict], dict[int, int], dict[int, int]]:
    doc = tokenizer().make_doc(text)
    toks = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)} for t in doc]
    return toks, {t["start"]: t["id"] for t in toks}, {t["end"]: t["id"] for t in toks}


def _span(e: dict) -> dict:
    sp = {"start": e["start"], "end": e["end"], "label": e["label"], "text": e["text"], **entity_values(e)}
    if e.get("status") not in KEEP:
        sp["status"] = e.get("status", "pending")
        sp["source"] = e.get("source")
    return sp


def to_prodigy(records: list[dict], mode: str = "manual", accepted_only: bool = False, include_pending: bool = False,
               warn: Optional[Warn] = None) -> list[dict]:
    if mode not in MODES:
        raise ValueError(f"unknown Prodigy mode {mode!r}; one of {', '.join(MODES)}")
    tasks = []
    dropped = 0
    for r in records:
        text = r["text"]
        ih = hash31(text)
        pending = sum(1 for e in r.get("entities", []) if e.get("status", "pending") == "pending")
        ents = [e for e in r.get("entities", []) if wanted(e, accepted_only=accepted_only, include_pending=include_pending)]
        if mode == "binary":
            # one decision per task: rejected entities are answers too ("reject"), unless accepted_only
            for e in r.get("entities", []):
                if not (wanted(e, accepted_only=accepted_only, include_pending=include_pending)
                        or (e.get("status") == "rejected" and not accepted_only)):
                    continue
                answer = {"accepted": "accept", "corrected": "accept", "rejected": "reject"}.get(e.get("status"), "ignore")
                span = _span(e)
                tasks.append({
                    "text": text, "spans": [span], "answer": answer, "_view_id": "ner",
                    "meta": {**article_meta(r), "status": e.get("status"), "source": e.get("source"), "mode": "binary",
                             **{k: v for k, v in entity_values(e).items() if v is not None}},
                    "_input_hash": ih, "_task_hash": hash31(ih, span),
                    SNAPSHOT_KEY: snapshot(r, [e], answer=answer, mode="binary"),
                })
            continue
        toks, starts, ends = _tokens(text)
        shown = non_overlapping(ents)
        dropped += len(ents) - len(shown)
        spans = []
        for e in shown:
            sp = _span(e)
            if e["start"] in starts and e["end"] in ends:
                sp["token_start"], sp["token_end"] = starts[e["start"]], ends[e["end"]]
            spans.append(sp)
        answer = "ignore" if pending else "accept"
        tasks.append({
            "text": text, "tokens": toks, "spans": spans, "answer": answer,
            "_view_id": "ner_manual", "meta": {**article_meta(r), "pending": pending}, "_input_hash": ih, "_task_hash": hash31(ih, spans),
            SNAPSHOT_KEY: snapshot(r, shown, answer=answer, mode="manual"),
        })
    if dropped and warn:
        warn(f"Prodigy ner_manual cannot show overlapping spans: {dropped} overlapping entities left out "
             "(reviewed and longer spans kept; importing the file does not reject them)")
    return tasks


def check_task(task: dict) -> Optional[str]:
    spans = [(s["start"], s["end"], s.get("label")) for s in task.get("spans") or []]
    return check_spans(task["text"], spans)


def _spans(task: dict) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s.get("label")) for s in task.get("spans") or []]


def import_prodigy(rows: list[dict] | list[tuple[int, dict]], records: list[dict], reviewer: str = "import:prodigy",
                   path: str = "prodigy", warn: Optional[Warn] = None) -> tuple[list[dict], list[str]]:
    """Decisions from Prodigy answers (`db-out` of ner_manual or binary ner tasks).

    With our snapshot: only what changed since the export (a task answered "accept" accepts
    the pending spans it showed). Without: ner_manual "accept" = the full truth for the labels
    it uses, and an accepted task with no span says the text has no entities (Prodigy's
    meaning: `data-to-spacy` trains it as all "O"), so every entity of the article is rejected;
    `warn` hears how many tasks were read so (`no_snapshot_notice`). Binary accept/reject = that
    span. "ignore"/"reject" of a whole ner_manual task and tasks without an answer say nothing.
    Of several answers of one annotator to one task the last counts (by `_timestamp`, else file
    order): a later "reject" or "ignore" takes an earlier "accept" back.
    """
    idx = Index(records)
    decisions: list[dict] = []
    problems: list[str] = []
    answers: dict[tuple, list[tuple]] = {}  # (article, annotator, task) -> its answers in file order
    for n, (where, task) in enumerate(numbered(rows, path)):
        meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
        snap_raw = task.get(SNAPSHOT_KEY) if isinstance(task.get(SNAPSHOT_KEY), dict) else {}
        rec, why = idx.match([snap_raw.get("article_id"), meta.get("article_id"), task.get("article_id")], task.get("text"),
                             [meta.get("id"), task.get("id")])
        if rec is None:
            problems.append(f"{where}: {why}")
            continue
        snap = snapshot_of(task.get(SNAPSHOT_KEY), rec)
        who = task.get("_annotator_id") or task.get("_session_id")
        rv = f"{reviewer}:{who}" if who else reviewer
        answer = task.get("answer")
        binary = task.get("_view_id") in ("ner", "binary") or meta.get("mode") == "binary" or (snap or {}).get("mode") == "binary" or (
            task.get("_view_id") is None and "tokens" not in task and len(task.get("spans") or []) == 1 and answer in ("accept", "reject"))
        if answer is None:
            continue  # not answered: no answer, it takes no earlier one back
        if not binary and answer == "accept":
            unknown = sorted({str(lab) for _, _, lab in _spans(task) if lab not in LABELS})
            if unknown:  # a task skipped, named: not an answer (an earlier answer of the annotator stands)
                problems.append(f"{where}: unknown label {', '.join(map(repr, unknown))} (labels: {', '.join(LABELS)}); task skipped")
                continue
        key = (rec["id"], rv, "binary", tuple(_spans(task))) if binary else (rec["id"], rv, "manual")
        answers.setdefault(key, []).append((n, task, rv, rec, snap, where, binary))
    # each annotator's last answer to a task counts (a "reject" or "ignore" after an "accept" takes
    # the accept back): by Prodigy's `_timestamp` where every answer has one, else in file order
    last = []
    for given in answers.values():
        stamps = [g[1].get("_timestamp") for g in given]
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in stamps):
            given = sorted(given, key=lambda g: g[1]["_timestamp"])  # stable: file order within one second
        last.append(given[-1])
    manual: list[tuple] = []
    for _, task, rv, rec, snap, where, binary in sorted(last, key=lambda g: g[0]):
        answer = task.get("answer")
        if binary:
            if snap is not None and answer == snap.get("answer"):
                continue  # unchanged
            if answer not in ("accept", "reject"):
                continue
            app = _changed_in_app(rec, snap, task["text"])
            if app is not None:  # the exported span was corrected in the review app since: its entity stays
                k, ent = app
                problems.append(conflict_with_app(rec, k, ent, f"answered {answer!r}", where))
                continue
            # an answer given or changed in Prodigy says what the span is, whatever it was (a
            # rejected entity answered "accept" is accepted again)
            for s, e, label in _spans(task):
                ds, ps = decisions_from_changes(rec, [], [(s, e, label)], reviewer=rv, src_text=task["text"], note="prodigy", where=where) \
                    if answer == "accept" else _reject_binary(rec, task["text"], s, e, label, rv, where)
                decisions.extend(ds)
                problems.extend(ps)
            continue
        if answer != "accept":
            continue  # rejected / ignored / unanswered task: no statement about its spans
        manual.append((task, rv, rec, snap, where))
    bare = 0
    for task, rv, rec, snap, where in manual:
        spans = _spans(task)
        bare += snap is None
        if snap is None and not spans:  # "no entities in this text", for every label
            ds, ps = decisions_from_spans(rec, [], reviewer=rv, src_text=task["text"], labels=LABELS, note="prodigy", where=where)
        else:
            ds, ps = decide(rec, snap, spans, reviewer=rv, src_text=task["text"], reviewed=True, note="prodigy", where=where,
                            overlaps_possible=False)
        decisions.extend(ds)
        problems.extend(ps)
    if bare and warn:
        warn(no_snapshot_notice(path, bare, "prodigy"))
    return decisions, problems


def _changed_in_app(rec: dict, snap: Optional[dict], text: str) -> Optional[tuple[tuple[int, int, str], dict]]:
    """Of a binary task with our snapshot: (its exported span, the entity a reviewer made of it in
    the review app since the export), or None."""
    from .common import anchor

    if snap is None or not snap["spans"]:
        return None
    s, e, label = snap["spans"][0][:3]
    loc = anchor(rec, text, s, e)
    if loc is None:
        return None
    k = (loc[0], loc[1], label)
    ent = changed_since(rec, k, [k])
    return (k, ent) if ent is not None else None


def _reject_binary(rec: dict, text: str, s: int, e: int, label: str, rv: str, where: str) -> tuple[list[dict], list[str]]:
    from .common import anchor

    loc = anchor(rec, text, s, e)
    if loc is None:
        return [], [f"{where}: span [{s}, {e}) {label} could not be placed in article {rec['id']}"]
    ent = next((x for x in rec["entities"] if (x["start"], x["end"], x["label"]) == (loc[0], loc[1], label)), None)
    if ent is None or ent.get("status") == "rejected":
        return [], []
    return [dec.make_decision(rec, "reject", ent, reviewer=rv, note="prodigy")], []


__all__ = ["MODES", "TASK_SCHEMA", "SNAPSHOT_SCHEMA", "to_prodigy", "import_prodigy"]
