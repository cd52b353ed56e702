"""The reviewed view: the one function that applies the decision log to pipeline records
(`apply_decisions`). Run output, the review server and exports all get their reviewed
records from here."""
from __future__ import annotations

import os
from pathlib import Path

import json
from typing import Any, Callable, Optional

from ..schema import LABEL_FIELDS, VALUE_FIELDS, date_type_for
from .log import CANCEL_KINDS, DECISIONS_FILE, KEPT, MIN_CONTEXT_MATCH, cancelled_ids, crosses, effective_decisions, kept_span, load_decisions, raw_span, text_sha256
from .anchor import _common_prefix, _common_suffix, cuts_a_word, locate

# --------------------------------------------------------------------------- applying


def _copy_value(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _copy_value(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_copy_value(x) for x in v]
    return v


def _copy_entity(ent: dict) -> dict:
    # an entity's fields are scalars (record.schema.json) except what review added under `review`
    out = dict(ent)
    for k, v in out.items():
        if isinstance(v, (dict, list)):
            out[k] = _copy_value(v)
    return out


def _copy_for_review(record: dict) -> dict:
    """What applying decisions may change, copied: the entity list and `review_flags` (each entity
    only when a decision changes it: `_own`). The rest of the record (text, source offsets,
    removed furniture, meta) is shared with the input, never written to. A `copy.deepcopy` of
    every record cost most of a corpus-wide "apply to all mentions"."""
    out = dict(record)
    out["entities"] = list(record.get("entities", []))  # the entities themselves: copy-on-write (`_own`)
    if "review_flags" in record:
        out["review_flags"] = _copy_value(record["review_flags"])
    return out


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
        self.renamed: list[dict] = []  # entities whose canonical name is recomputed (`_recanonicalise`)
        self.owned: set[int] = set()  # ids of the entities this call copied (or made): it may change them


NAME_LABELS = tuple(lab for lab, f in LABEL_FIELDS.items() if "canonical" in f["optional"] + f["required"])


def _explicit_canonical(d: dict) -> bool:
    """Did the reviewer set the canonical name (not just carry the old one along)?"""
    new_c = (d.get("new") or {}).get("canonical")
    return new_c is not None and new_c != (d.get("old") or {}).get("canonical")


def _renamed(ctx: _Ctx, ent: dict, d: dict, moved: bool) -> None:
    """`ent` got a new span or label, or was added: its canonical name is recomputed, unless the
    reviewer set one. The entity's latest decision counts (a later edit of the name wins)."""
    ctx.renamed = [e for e in ctx.renamed if e is not ent]
    if moved and ent["label"] in NAME_LABELS and not _explicit_canonical(d):
        ctx.renamed.append(ent)


def _recanonicalise(ctx: _Ctx) -> None:
    """Canonical names of the entities a review added, narrowed, widened or relabelled, with the
    pipeline's own linker (`nlp.names.canonical_names`); the article's other name entities are
    its evidence (base forms, a person's full name, acronyms), as in a pipeline run."""
    todo = [e for e in ctx.renamed if e.get("status") != "rejected" and e["label"] in NAME_LABELS]
    if not todo:
        return
    from ..nlp.names import canonical_names

    others = [e for e in ctx.record["entities"] if e["label"] in NAME_LABELS and e.get("status") != "rejected" and all(e is not t for t in todo)]
    names = canonical_names(ctx.text, [(e["start"], e["end"], e["label"]) for e in todo + others])
    for e, c in zip(todo, names):
        e["canonical"] = c


def _find(record: dict, s: int, e: int, label: Optional[str] = None) -> list[dict]:
    return [x for x in record["entities"] if x["start"] == s and x["end"] == e and (label is None or x["label"] == label)]


def _overlapping(record: dict, s: int, e: int, label: Optional[str] = None) -> list[dict]:
    return [x for x in record["entities"] if x["start"] < e and s < x["end"] and (label is None or x["label"] == label)]


def _own(ctx: _Ctx, ent: dict) -> dict:
    """Copy-on-write: the record's entity list is a new list, but its entities are the input's
    until a decision changes one; then it is copied and put in its place (copying every entity of
    every article a corpus-wide batch touches cost most of that batch)."""
    if id(ent) in ctx.owned:
        return ent
    own = _copy_entity(ent)
    ents = ctx.record["entities"]
    for i, x in enumerate(ents):
        if x is ent:
            ents[i] = own
            break
    ctx.owned.add(id(own))
    return own


def _mark(ctx: _Ctx, ent: dict, d: dict, new_entity: bool = False) -> dict:
    """`ent` (made writable: `_own`) records decision `d`; returns the entity to change."""
    ent = _own(ctx, ent)
    rv = ent.get("review")
    if rv is None:
        rv = {"original": None if new_entity else _copy_entity({k: v for k, v in ent.items() if k != "review"}), "decisions": []}
        ent["review"] = rv
    rv["decisions"].append(d["id"])
    rv.pop("changed_since", None)  # a later decision settles what an earlier accept had not seen
    rv["reviewer"] = d.get("reviewer")
    rv["time"] = d.get("time")
    return ent


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


def _new_entity(ctx: _Ctx, fields: dict, status: str, d: dict, restored: bool = False) -> dict:
    record = ctx.record
    ent: dict[str, Any] = {"start": fields["start"], "end": fields["end"], "text": fields["text"], "label": fields["label"], "source": "review", "status": status}
    _set_fields(record, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS})
    ctx.owned.add(id(ent))
    _mark(ctx, ent, d, new_entity=True)
    if restored:
        ent["review"]["restored"] = True  # decided on a model entity this run does not have
    record["entities"].append(ent)
    return ent


def _shift(fields: dict, s: int, e: int, text: str) -> dict:
    f = dict(fields)
    f["start"], f["end"], f["text"] = s, e, text[s:e]
    return f


def _date_type(fields: dict, d: dict) -> dict:
    """A DATE added or corrected by a decision logged without its `type` (before session 22 the log
    left it out): the type its value's shape gives, the decided-on entity's where the shape allows it."""
    if fields.get("label") != "DATE" or fields.get("type") is not None:
        return fields
    old = d.get("old") or {}
    t = date_type_for(fields.get("value"), old.get("type") if old.get("label") == "DATE" else None)
    return fields | {"type": t} if t is not None else fields


# the values a reviewer's accept vouches for; the canonical name is the run's linking, decided by renames
ACCEPTED_VALUES = tuple(k for k in VALUE_FIELDS if k != "canonical")


def _keep_accepted_values(record: dict, ent: dict, seen: dict) -> None:
    """An accept vouches for the values the reviewer saw: where this run computes another one (a rule
    changed), the accepted value stays and the run's is kept in `review.original`; where the reviewer
    saw none and this run has one, the run's stays, unvouched. Either way `review.changed_since` names
    the fields, for a second look (it showed 'accepted' beside values nobody had seen)."""
    changed = sorted(k for k in ACCEPTED_VALUES if k in seen and seen[k] != ent.get(k))
    if not changed:
        return
    kept = {k: seen[k] for k in changed if seen[k] is not None}
    if kept.get("value") is not None and ent["label"] == "DATE" and "type" not in kept:
        kept["type"] = date_type_for(kept["value"], seen.get("type") or ent.get("type"))
    if kept:
        _set_fields(record, ent, {k: ent.get(k) for k in VALUE_FIELDS if k in ent} | kept)
    ent["review"]["changed_since"] = changed


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
            ent = _mark(ctx, exist[0], d)
            merged = {k: v for k, v in fields.items() if k in VALUE_FIELDS and v is not None} | {k: ent.get(k) for k in VALUE_FIELDS if k in ent and fields.get(k) is None}
            if fields["label"] == "DATE" and (fields.get("type") is None or fields.get("value") is None):
                # the entity's own value where the decision has none: its type with it
                merged["type"] = date_type_for(merged.get("value"), ent.get("type"))
            _set_fields(rec, ent, merged)
            ent["status"] = "accepted"
            _renamed(ctx, ent, d, moved=ent.get("canonical") is None)
            return None
        _renamed(ctx, _new_entity(ctx, _date_type(fields, d), "accepted", d), d, moved=True)
        return None

    if kind in ("accept", "reject"):
        if loc is None:
            return why
        s, e = loc
        label = d["label"]
        exist = _find(rec, s, e, label)
        if exist:
            for ent in exist:
                ent = _mark(ctx, ent, d)
                if kind == "reject":
                    ent["status"] = "rejected"
                elif ent.get("status") != "corrected":
                    ent["status"] = "accepted"
                    _keep_accepted_values(rec, ent, d.get("old") or {})
            return None
        if kind == "reject":
            # the new run no longer predicts it: the rejection holds. Whatever it predicts there
            # instead (another label, other boundaries) is new, so it stays pending for review.
            return None
        # the reviewed truth stays, even where the new run lost it or predicts something else
        # there (that prediction stays pending beside it, for the reviewer to judge)
        old = d.get("old") or {"label": label}
        fields = _shift({k: old.get(k) for k in ("label",) + VALUE_FIELDS if k in old}, s, e, text)
        _new_entity(ctx, fields, "accepted", d, restored=True)
        return None

    if kind == "correct":
        new = d.get("new") or {}
        nspan = d.get("new_span") or {"start": new.get("start"), "end": new.get("end"), "text": new.get("text", ""), "before": "", "after": ""}
        target = None
        if loc is not None:
            delta = loc[0] - span["start"]
            ts, te = nspan["start"] + delta, nspan["end"] + delta
            if 0 <= ts < te <= len(text) and text[ts:te] == nspan["text"] and not cuts_a_word(text, ts, te, nspan.get("before") or "", nspan.get("after") or ""):
                target = (ts, te)
        if target is None:
            target, why2 = locate(text, nspan, same)
            if target is None:
                return why2 if loc is None else why2
        ts, te = target
        fields = _date_type(_shift(new, ts, te, text), d)
        old_ents = _find(rec, loc[0], loc[1], d["label"]) if loc is not None else []
        already = [x for x in _find(rec, ts, te, fields["label"]) if all(x is not o for o in old_ents)]
        old_key = (span["start"], span["end"], d["label"])
        moved = (nspan["start"], nspan["end"], fields["label"]) != old_key
        if old_ents:
            ent = old_ents[0]
            if already:
                # the new run already has the corrected entity beside the wrong one
                _mark(ctx, ent, d)["status"] = "rejected"
                ent = already[0]
            ent = _mark(ctx, ent, d)
            ent["start"], ent["end"], ent["text"], ent["label"] = ts, te, fields["text"], fields["label"]
            _set_fields(rec, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS})
            ent["status"] = "corrected"
            _renamed(ctx, ent, d, moved)
            return None
        if already:
            ent = _mark(ctx, already[0], d)
            _set_fields(rec, ent, {k: v for k, v in fields.items() if k in VALUE_FIELDS})
            ent["status"] = "corrected"
            _renamed(ctx, ent, d, moved)
            return None
        _renamed(ctx, _new_entity(ctx, fields, "corrected", d, restored=True), d, moved)
        return None
    return "malformed"


def _fit(record: dict, d: dict) -> tuple[Optional[int], str]:
    """Whether decision `d`'s span is in `record`'s text, anchored as `_apply_one` anchors it:
    (how much of its old context matches there, "") or (None, why not)."""
    span, text = d.get("span"), record["text"]
    if not isinstance(span, dict):
        return None, "malformed"
    try:
        loc, why = locate(text, span, d.get("text_sha256") == text_sha256(text))
    except (KeyError, TypeError, ValueError, IndexError):
        return None, "malformed"
    if loc is None:
        return None, why
    before, after = span.get("before") or "", span.get("after") or ""
    s, e = loc
    return _common_suffix(before, text[max(0, s - len(before)):s]) + _common_prefix(after, text[e:e + len(after)]), ""


def _choose(d: dict, cands: list[dict]) -> tuple[Optional[dict], Optional[str], list[str]]:
    """The record, of several with the hash the decision was made on (the articles of one PDF
    read with `--pdf-articles`, JSONL records of the same text), that the decision is on:
    the one whose text holds its span (`locate`); of several, the one whose context matches
    it best, as `locate` chooses between occurrences in one text (but never by the distance
    of offsets, which do not compare across texts). Returns (record, None, []) or (None,
    reason, the candidates' ids): `ambiguous` where several fit as well, else the reason
    the candidates holding the text give (`span_not_found` where none holds it)."""
    fits, misses = [], []
    for r in cands:
        score, why = _fit(r, d)
        (fits if score is not None else misses).append((score, why, r))
    if len(fits) == 1:
        return fits[0][2], None, []
    if fits:
        fits.sort(key=lambda x: -x[0])
        span = d.get("span") or {}
        full = len(span.get("before") or "") + len(span.get("after") or "")
        if fits[0][0] > fits[1][0] and fits[0][0] >= min(MIN_CONTEXT_MATCH, full):
            return fits[0][2], None, []
        return None, "ambiguous", [r["id"] for sc, _, r in fits if sc == fits[0][0]]
    held = [(why, r) for _, why, r in misses if why != "span_not_found"]
    if held:
        return None, held[0][0], [r["id"] for why, r in held if why == held[0][0]]
    return None, "span_not_found", [r["id"] for r in cands]


def _find_record(d: dict, by_id: dict, by_sha: dict) -> tuple[Optional[dict], Optional[str], list[str]]:
    """(record, None, []) for the record decision `d` is on, or (None, reason, candidates)."""
    rec = by_id.get(d.get("article_id"))
    if rec is not None:
        return rec, None, []
    cands = by_sha.get(d.get("article_sha256")) or []
    if len(cands) > 1:
        return _choose(d, cands)
    return (cands[0], None, []) if cands else (None, "article_missing", [])


def _flag(d: dict, reason: str, candidates: list[str]) -> dict:
    out = {"decision": d, "reason": reason, "message": REASONS.get(reason, reason), "article_id": d.get("article_id")}
    if candidates:
        # its article is not in the output; the articles of the hash it was made on are
        out["candidates"] = candidates
        out["message"] += f" (in none of the {len(candidates)} articles of the same source that could be it: {', '.join(candidates)})" \
            if reason != "ambiguous" else f" (it fits {len(candidates)} articles of the same source as well: {', '.join(candidates)})"
    return out


REASONS = {
    "article_missing": "the article is not in this output any more",
    "span_not_found": "the decided text is not in the article's new text",
    "ambiguous": "the decided text occurs several times and its context no longer tells which",
    "context_changed": "the decided text is still there, but everything around it changed",
    "surface_changed": "the decided text is now only part of a longer word: its surface changed, look at it again",
    "malformed": "the decision line is incomplete",
    "overlap": "the span it keeps overlaps another entity the log keeps (a log written before such overlaps were refused); "
               "it is not applied: an entity's words belong to one entity, decide which in `presseschau review`",
}


def flag_causes(flagged: list[dict]) -> str:
    """Why the decisions `flagged` are not applied, for a console line (export, report)."""
    n = sum(1 for f in flagged if f.get("reason") == "overlap")
    rest = "the article's text changed, or it is not in this run" if n < len(flagged) else ""
    lap = f"{n} keep a span overlapping another entity the log keeps, a log of before such overlaps were refused" if n else ""
    return "; ".join(x for x in (rest, lap) if x)


def flagged_notice(flagged: list[dict], what: str) -> str:
    """The console line for the decisions `flagged` that are left out of an export or a report (`what`)."""
    articles = {str(f.get("article_id")) for f in flagged}
    return (f"{len(flagged)} review decisions of {len(articles)} articles no longer fit the output and are not in the {what} "
            f"({flag_causes(flagged)}): `presseschau review` shows them")


def apply_decisions(records: list[dict], decisions: list[dict]) -> tuple[list[dict], list[dict]]:
    """Apply the review log to pipeline records.

    Returns (records, flagged): new records (the input is never changed; what a decision did not
    touch, an unchanged entity, the text, the offsets, is shared with it: copy before changing
    it in place) with statuses set, corrections made and
    added entities inserted (each touched entity keeps its pipeline original under `review`;
    added, re-bounded and relabelled names get their canonical name from the pipeline's linker
    unless the reviewer set one), and
    one `{"decision", "reason", "message", "article_id"}` per decision that could not be placed
    (in log order). Records that carry review results from an earlier call are reset first, so
    this is idempotent. Flagged decisions are also listed per article under `review_flags`
    (decision ids + reasons).

    The reviewed view is flat: a log that keeps two overlapping spans of an article (written
    before the review app and `import` refused that, `log._check_overlap`; or two logs joined)
    does not keep both: the decision that made the later of the two kept is flagged `overlap`,
    naming the other, and the article's decisions are applied again without it (`_apply_record`).
    """
    out = [strip_review(_copy_for_review(r)) for r in records]
    by_id = {r["id"]: r for r in out}
    by_sha: dict[str, list[dict]] = {}  # several records share one: the articles of a PDF (`--pdf-articles`)
    for r in out:
        sha = (r.get("source") or {}).get("sha256")
        if sha:
            by_sha.setdefault(sha, []).append(r)
    flagged: list[tuple[int, dict]] = []  # (place in the log, flag): returned in log order
    mine: dict[int, tuple[dict, list[tuple[int, dict]]]] = {}  # id(record) -> (record, its decisions with their places)
    for pos, d in enumerate(effective_decisions(decisions)):
        rec, reason, cands = _find_record(d, by_id, by_sha)
        if rec is None:
            flagged.append((pos, _flag(d, reason, cands)))
            continue
        mine.setdefault(id(rec), (rec, []))[1].append((pos, d))
    for rec, ds in mine.values():
        flagged += _apply_record(rec, ds)
        rec["entities"].sort(key=lambda x: (x["start"], x["end"], x["label"]))
    flagged.sort(key=lambda x: x[0])
    return out, [f for _, f in flagged]


def _apply_record(rec: dict, ds: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """Apply one record's decisions ((place in the log, decision), in log order); returns the flags.
    Where the result keeps two overlapping spans, the decision that made the later one kept is
    left out and flagged `overlap`, and the decisions are applied again (`_crossing`)."""
    base = list(rec["entities"])
    left_out: dict[int, tuple[dict, dict]] = {}  # place -> (decision, the kept entity it overlaps)
    while True:
        rec["entities"] = list(base)
        rec.pop("review_flags", None)
        ctx = _Ctx(rec)
        flags: list[tuple[int, dict]] = []
        for pos, d in ds:
            if pos in left_out:
                continue
            try:
                reason = _apply_one(ctx, d)
            except (KeyError, TypeError, ValueError, IndexError):
                reason = "malformed"
            if reason:
                flags.append((pos, _flag(d, reason, [])))
                rec.setdefault("review_flags", []).append({"decision_id": d.get("id"), "reason": reason})
        crossing = _crossing(rec, [(p, d) for p, d in ds if p not in left_out])
        if crossing is None:
            break
        pos, d, other = crossing
        if pos in left_out:  # cannot happen (`_crossing` sees only decisions still applied): never loop on it
            break
        left_out[pos] = (d, _copy_entity({k: v for k, v in other.items() if k != "review"}))
    for pos, (d, other) in sorted(left_out.items()):
        f = _flag(d, "overlap", [])
        f["message"] += f": “{other['text']}” {other['label']} [{other['start']}, {other['end']}), {other.get('status')}"
        f["overlaps"] = other
        flags.append((pos, f))
        rec.setdefault("review_flags", []).append({"decision_id": d.get("id"), "reason": "overlap"})
    _recanonicalise(ctx)
    return flags


def _crossing(rec: dict, ds: list[tuple[int, dict]]) -> Optional[tuple[int, dict, dict]]:
    """Of two kept (accepted, corrected) entities of `rec` that overlap without being one span, the
    decision that made the later of them kept (its first decision that keeps a span: an accept, an
    add, a correction), with its place in the log and the other entity; None when the view is flat.
    `ds`: the decisions still applied; of a decision that is in the log twice (a log appended to
    itself, two copies of one log joined), its first copy."""
    place: dict = {}
    for pos, d in ds:
        place.setdefault(d.get("id"), (pos, d))

    def made_kept(ent: dict) -> tuple[int, dict]:
        for i in (ent.get("review") or {}).get("decisions", []):
            if i in place and kept_span(place[i][1]) is not None:
                return place[i]
        return (-1, {})

    kept = sorted((e for e in rec["entities"] if e.get("status") in KEPT), key=lambda e: (e["start"], e["end"]))
    for i, a in enumerate(kept):
        for j in range(i + 1, len(kept)):
            b = kept[j]
            if b["start"] >= a["end"]:
                break
            if crosses((a["start"], a["end"]), (b["start"], b["end"])):
                (pa, da), (pb, db) = made_kept(a), made_kept(b)
                if max(pa, pb) < 0:
                    continue  # neither made kept by this log (an input that came reviewed so)
                return (pa, da, b) if pa > pb else (pb, db, a)
    return None


def apply_decisions_from(records: list[dict], annotations: os.PathLike | str = "annotations") -> tuple[list[dict], list[dict]]:
    """`apply_decisions` with the log read from `annotations/decisions.jsonl` (no log: records unchanged)."""
    return apply_decisions(records, load_decisions(annotations))


class ReviewOverlay:
    """The review log as an overlay on a run's records, for writers that stream records
    (`presseschau run`): `apply(record)` returns the reviewed record and the decisions that
    no longer fit, touching only articles that decisions concern.

    It places decisions as `apply_decisions` does on the whole output (the review app, export,
    report): by article id, else, for a decision whose article id is not in this run (an input
    file renamed or moved), by the text hash it was made on; what finds no article is flagged
    `article_missing` (`unplaced`). So the run's articles.jsonl and the app show the same
    review, and no decision is dropped without a word. Call `start` before streaming."""

    def __init__(self, log: os.PathLike | str):
        self.log = Path(log)
        self.decisions = load_decisions(self.log)
        self.by_article: dict[str, list[int]] = {}  # article id -> positions in the log
        # decision id -> positions of the undo/dismiss lines cancelling it: an undo carries the
        # article where it was pressed, but may cancel a corpus-wide batch in every article
        self.cancels: dict[str, list[int]] = {}
        for i, d in enumerate(self.decisions):
            if d.get("decision") in CANCEL_KINDS:
                for x in d.get("undoes") or []:
                    self.cancels.setdefault(x, []).append(i)
                continue
            self.by_article.setdefault(d.get("article_id"), []).append(i)
        self.absent: set = set()  # article ids of decisions that are not in this run
        self.by_sha: dict[str, list[int]] = {}  # their decisions by text hash, until an article claims them
        self.placed: dict[str, list[int]] = {}  # those of a hash several articles share: by the article chosen
        self.not_placed: list[dict] = []  # and those that fit none or several of them (flagged)

    @classmethod
    def from_folder(cls, annotations: os.PathLike | str) -> "ReviewOverlay":
        return cls(Path(annotations) / DECISIONS_FILE)

    def start(self, in_run: Callable[[str], bool], sharing: Optional[Callable[[str], list[dict]]] = None) -> None:
        """Before the records are streamed: `in_run(article_id)` says whether an article is in
        this run's output (asked once per article the log names, not once per article);
        `sharing(sha256)` gives the records of this run whose `source.sha256` it is, in the
        run's order (asked once per hash of a decision whose article is not in the run). Where
        several records share the hash (the articles of one PDF, `--pdf-articles`), each such
        decision goes to the one its span fits (`_choose`), as in `apply_decisions`; without
        `sharing`, to the first article with the hash."""
        self.absent = {aid for aid in self.by_article if not (isinstance(aid, str) and in_run(aid))}
        self.by_sha, self.placed, self.not_placed = {}, {}, []
        for aid in self.absent:
            for i in self.by_article[aid]:
                sha = self.decisions[i].get("article_sha256")
                self.by_sha.setdefault(sha if isinstance(sha, str) else None, []).append(i)
        if sharing is None:
            return
        cancelled = cancelled_ids(self.decisions)  # an undone decision is not flagged (as `apply_decisions` skips it)
        for sha in [x for x in self.by_sha if x is not None]:
            cands = sharing(sha)
            if len(cands) < 2:
                continue
            cands = [strip_review(_copy_for_review(r)) for r in cands]
            for i in self.by_sha.pop(sha):
                d = self.decisions[i]
                rec, reason, ids = _choose(d, cands)
                if rec is not None:
                    self.placed.setdefault(rec["id"], []).append(i)
                elif d.get("id") not in cancelled:
                    self.not_placed.append(_flag(d, reason, ids))

    @property
    def wants_sha(self) -> bool:
        """Whether `concerns` needs the article's text hash (decisions wait for one)."""
        return any(sha is not None for sha in self.by_sha)

    def concerns(self, article_id: str, sha256: Optional[str] = None) -> bool:
        return (article_id in self.by_article and article_id not in self.absent) or article_id in self.placed or (sha256 is not None and sha256 in self.by_sha)

    def apply(self, record: dict) -> tuple[dict, list[dict]]:
        mine = [] if record["id"] in self.absent else list(self.by_article.get(record["id"], []))
        mine += self.placed.pop(record["id"], [])
        sha = (record.get("source") or {}).get("sha256")
        if sha is not None:
            mine += self.by_sha.pop(sha, [])  # the first article with that text claims them, as in apply_decisions
        (rec,), flags = apply_decisions([record], self._with_cancels(mine))
        return rec, flags

    def _with_cancels(self, positions: list[int]) -> list[dict]:
        """The decisions at `positions` and the undo/dismiss lines that cancel any of them (and the
        undo of such a line: a dismiss taken back), in log order."""
        cancel: set[int] = set()
        todo = list(positions)
        while todo:
            for j in self.cancels.get(self.decisions[todo.pop()].get("id"), ()):
                if j not in cancel:
                    cancel.add(j)
                    todo.append(j)
        return [self.decisions[i] for i in sorted(set(positions) | cancel)]

    def unplaced(self) -> list[dict]:
        """After the stream: the decisions no article of the run claimed, flagged as
        `apply_decisions` flags them (`article_missing`)."""
        left = sorted(i for idxs in self.by_sha.values() for i in idxs)
        _, flagged = apply_decisions([], self._with_cancels(left))
        return self.not_placed + flagged
