"""Label Studio: tasks out (`to_label_studio` + `label_studio_config`), its JSON export back
(`import_label_studio`).

Tasks (Label Studio docs, "Import pre-annotated data"): `{"data": {"text": ...}, "predictions":
[{"model_version", "result": [{"id", "from_name", "to_name", "type": "labels", "value": {"start",
"end", "text", "labels"}}]}]}`. The entities go out as one prediction (pre-annotations the
annotator starts from); a pending model guess carries the region note `meta.text` "pending"
so it stays distinguishable in the tool, and the snapshot travels in `data.presseschau`
(Label Studio exports `data` as imported). Label Studio keeps overlapping regions, so all
entities go out. An entity's normalised values (DATE `value` ISO + `type`; FIGURE `value`,
`unit`, `about`, `qualifier`, `event`; a name's `canonical`) go out as a per-region TextArea
(`<TextArea name="values" perRegion="true">` in the config): one more result with the region's
`id`, `"type": "textarea"` and `value.text` the lines "key: value", shown and editable with the
region. On import (the JSON export, which keeps our prediction beside the annotation), a region
whose TextArea lines differ from the prediction's, its span and label unchanged, becomes a
`correct` decision of those values (a line left out: that field null; no values result at all:
the values stay); a line that is not
`field: value`, a value the review would refuse, or values changed together with the span or
label are problems naming the region, and that region's values are not read. JSON-MIN has no
prediction to compare with: its values are not read.

Offsets: Label Studio stores Python-style code point offsets in `value.start/end` (its
frontend converts from JavaScript's UTF-16; HumanSignal/label-studio issue #4988: with an
emoji before "firetrucks" the highlight was off in the UI but "firetrucks is correctly marked
in the exported JSON"), so no conversion is made; but a Label Studio from before that fix (2021, issue
#1347) saved UTF-16 offsets, and a region whose own text (`value.text`) says so is read in them
(`in_code_points`).

Back: the JSON export (each annotator's latest non-cancelled annotation of a task) or JSON-MIN (`text`,
`label: [{start, end, text, labels}]`, the data keys at the top level). A submitted
annotation is a reviewed task: with the snapshot, what it changed becomes decisions and the
pending guesses it kept are accepted; without (tasks made in Label Studio), its regions are the
full truth for the labels they use, and one with no region says the text has no entities; a task
without annotation (JSON-MIN: `annotation_id` null) records nothing.
"""
from __future__ import annotations

import re

import json
from typing import Any, Iterable, Optional

from .common import (KEEP, SNAPSHOT_KEY, Conflict, Index, Utf16, Warn, check_spans, decide, decisions_from_spans, entity_values, no_snapshot_notice, numbered,
                     one_copy_each, snapshot, snapshot_of, wanted)
from ..review import log as dec, words
from ..schema import LABELS, VALUE_FIELDS

PENDING_NOTE = "pending: model guess, not reviewed"
VALUES_NAME = "values"  # the per-region TextArea of the config: an entity's normalised values

_REGION = {"type": "object", "properties": {
    "type": {"type": "string"},
    "value": {"type": "object", "properties": {
        "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
        "labels": {"type": "array", "items": {"type": "string"}}}}}}
_ANNOTATION = {"type": "object", "properties": {"result": {"type": "array", "items": _REGION}, "was_cancelled": {"type": "boolean"}}}
FULL_SCHEMA = {
    "type": "object",
    "required": ["data"],
    "properties": {
        "data": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        "annotations": {"type": "array", "items": _ANNOTATION},
        "predictions": {"type": "array"},
    },
}
MIN_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string"},
        "label": {"type": "array", "items": {"type": "object", "required": ["start", "end", "labels"], "properties": {
            "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
            "labels": {"type": "array", "items": {"type": "string"}}}}},
    },
}


def schema_for(task: Any) -> dict:
    return FULL_SCHEMA if isinstance(task, dict) and ("data" in task or "annotations" in task) else MIN_SCHEMA


def label_studio_config(labels: Iterable[str] = LABELS) -> str:
    items = "\n".join(f'    <Label value="{l}"/>' for l in labels)
    return (f'<View>\n  <Labels name="label" toName="text">\n{items}\n  </Labels>\n  <Text name="text" value="$text"/>\n'
            f'  <TextArea name="{VALUES_NAME}" toName="text" perRegion="true" editable="true" placeholder="value: …"/>\n</View>\n')


def value_lines(e: dict) -> list[str]:
    """The entity's non-null normalised values as the lines of its region's TextArea: `key: value`
    (a DATE "value: 2022-01-06", "type: date"; a FIGURE "value: 250", "unit: …", "about: Mensch")."""
    return [f"{k}: {v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)}" for k, v in entity_values(e).items()
            if v is not None]


def to_label_studio(records: list[dict], accepted_only: bool = False, warn: Optional[Warn] = None) -> list[dict]:
    tasks = []
    for r in records:
        result, values = [], []
        ents = [e for e in r.get("entities", []) if wanted(e, accepted_only=accepted_only)]
        for i, e in enumerate(ents):
            res: dict[str, Any] = {
                "id": f"e{i}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": e["start"], "end": e["end"], "text": e["text"], "labels": [e["label"]]},
            }
            if e.get("status") not in KEEP:
                res["meta"] = {"text": [PENDING_NOTE]}
            result.append(res)
            lines = value_lines(e)
            if lines:  # a per-region TextArea result: the same region id, its own from_name and type
                values.append({"id": res["id"], "from_name": VALUES_NAME, "to_name": "text", "type": "textarea",
                               "value": {"start": e["start"], "end": e["end"], "text": lines}})
        tasks.append({
            "data": {"text": r["text"], "article_id": r["id"], "title": (r.get("meta") or {}).get("title"),
                     "url": (r.get("meta") or {}).get("url"), SNAPSHOT_KEY: snapshot(r, ents)},
            "predictions": [{"model_version": dec.model_version(r) or "presseschau", "result": result + values}],
        })
    return tasks


def _full_spans(ann: dict) -> list[tuple[int, int, str]]:
    spans = []
    for res in ann.get("result") or []:
        v = res.get("value") or {}
        if res.get("type") in ("labels", None) and "start" in v and "end" in v and v.get("labels"):
            spans.extend((v["start"], v["end"], label) for label in v["labels"])
    return spans


def _min_spans(task: dict) -> list[tuple[int, int, str]]:
    return [(v["start"], v["end"], lab) for v in task.get("label") or [] for lab in v.get("labels") or []]


def _other_regions(task: dict) -> list[str]:
    """JSON-MIN's keys besides "label" that hold regions (a list of {start, end, labels}): a
    project whose Labels tag has another name than presseschau's config gives ("ner": [...])."""
    return [k for k, v in task.items() if k != "label" and isinstance(v, list) and v
            and all(isinstance(x, dict) and {"start", "end", "labels"} <= x.keys() for x in v)]


def _who(ann: dict) -> Optional[str]:
    """The annotator of a JSON export's annotation (`completed_by`), as a name (`user_name`)."""
    return user_name(ann.get("completed_by"))


def user_name(who: Any) -> Optional[str]:
    """A Label Studio user as the name the log records after "import:label-studio:": Label Studio
    writes `completed_by` (JSON-MIN: `annotator`) as the user's id (7) or email, some versions as
    the user object ({"id": 7, "email": "eva@example.org", ...}: its email, else username, else id)
    or a list of them ([7]: its users, joined by ","); None where it names nobody. A list was
    recorded as the reviewer "import:label-studio:[7]", an object without email as its Python repr."""
    if isinstance(who, list):
        names = [n for x in who if (n := user_name(x))]
        return ",".join(dict.fromkeys(names)) or None
    if isinstance(who, dict):
        return next((n for k in ("email", "username", "id") if (n := user_name(who.get(k)))), None)
    if isinstance(who, float) and who.is_integer():
        who = int(who)
    if isinstance(who, (str, int)) and not isinstance(who, bool):
        from ..review.state import clean_reviewer

        return clean_reviewer(str(who))  # one line, as the review app's names
    return None


def annotation_order(anns: list[dict], id_key: str = "id", task_key: str = "task") -> list[tuple]:
    """A sort key per annotation (a JSON export's annotation, a JSON-MIN row): `order_by`'s."""
    return order_by(anns, id_key, task_key)[0]


def _whole(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def order_by(anns: list[dict], id_key: str = "id", task_key: str = "task") -> tuple[list[tuple], str]:
    """(a sort key per annotation, what the keys say): by time (`updated_at`, else `created_at`,
    compared as times with their zones) where every one has a time, then Label Studio's
    annotation id (a number, counting up) where every one has one; without a time on every one,
    by the annotation id alone, else by the task id (a number: the task imported later has the
    higher one), else none (place in the file breaks ties). A time missing on one copy, or one
    that is no time, compared as text ("" before any time) chose by chance; ids of mixed types
    ("x" and 3) do not compare (a TypeError reached the user): then none counts."""
    by_id = all(_whole(a.get(id_key)) for a in anns)
    moments = [_moment(str(a.get("updated_at") or a.get("created_at") or "")) for a in anns]
    if all(m is not None for m in moments):  # compared as times: "...:00Z" before "...:00.5Z", "+01:00" counted
        return [(m, a[id_key] if by_id else 0) for m, a in zip(moments, anns)], \
            "updated_at/created_at" + (" and annotation id" if by_id else "")
    if by_id:
        return [(0, a[id_key]) for a in anns], "annotation id (not every copy has a time)"
    if all(_whole(a.get(task_key)) for a in anns):
        return [(0, a[task_key]) for a in anns], "task id (not every copy has a time or an annotation id)"
    return [(0, 0) for _ in anns], ""


def _moment(stamp: str) -> float | None:
    """An ISO 8601 time (Label Studio writes "2024-01-02T03:04:05.123456Z") as seconds; one without
    a zone counts as UTC; None for no time or another text (then the times are compared as text)."""
    from datetime import datetime, timezone

    # Python 3.10's fromisoformat reads neither "Z" nor a fraction of other than 3 or 6 digits
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?", stamp.strip())
    if m is None:
        return None
    zone = {None: "", "Z": "+00:00"}.get(m[3]) if m[3] in (None, "Z") else m[3][:3] + ":" + m[3][-2:]
    try:
        t = datetime.fromisoformat(m[1] + (f".{m[2][:6]:0<6}" if m[2] else "") + zone)
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).timestamp()


def _latest(task: dict) -> list[dict]:
    """Each annotator's (`completed_by`) latest non-cancelled annotation of the task: a project
    with overlap has several annotators' annotations of one task, and each one's work counts."""
    anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    keys = annotation_order(anns)
    order = sorted(range(len(anns)), key=lambda i: (keys[i], i))
    latest: dict[str, dict] = {}
    for i in order:
        latest[str(_who(anns[i]))] = anns[i]
    return list(latest.values())


def in_code_points(rows: list[tuple[int, Any]], path: str = "label-studio") -> tuple[list[tuple[int, Any]], int, list[str]]:
    """The file's tasks with the regions of a Label Studio from before its 2021 fix (issue #1347: offsets
    in UTF-16 code units, JavaScript's, one more per emoji or other character outside the BMP before
    them) read in code points, where the region's own text (`value.text`, which Label Studio writes in
    both exports) says so: it is not the text at its offsets, and is exactly the text at them read as
    UTF-16 units. Returns (rows, how many regions were converted, hints): a region without its text
    whose offsets cut a word where their UTF-16 reading keeps whole words is read as it is (in code
    points, as Label Studio writes them since), with a hint naming it (file:line), which the refusal
    of a span that cuts a word alone would not tell."""
    out, n, hints = [], 0, []
    for line, task in rows:
        if not isinstance(task, dict):
            out.append((line, task))
            continue
        full = "data" in task or "annotations" in task
        text = (task.get("data") or {}).get("text") if full and isinstance(task.get("data"), dict) else task.get("text")
        if not isinstance(text, str) or all(ord(ch) <= 0xFFFF for ch in text):
            out.append((line, task))
            continue
        units = Utf16(text)
        spans = words.word_spans(text)

        def fixed(v: Any) -> Any:
            nonlocal n
            if not isinstance(v, dict) or not all(isinstance(v.get(k), int) and not isinstance(v.get(k), bool) for k in ("start", "end")):
                return v
            s, e, said = v["start"], v["end"], v.get("text")
            cs, ce = units.from_units(s), units.from_units(e)
            if cs is None or ce is None or (cs, ce) == (s, e) or not 0 <= cs < ce <= len(text):
                return v
            if isinstance(said, str):
                if text[s:e] != said and text[cs:ce] == said:
                    n += 1
                    return {**v, "start": cs, "end": ce}
            elif words.cuts(text, s, e, spans) and not words.cuts(text, cs, ce, spans):  # the refusal's own test
                hints.append(f"{path}:{line}: region [{s}, {e}) “{text[s:e]}” cuts a word, but read as UTF-16 code units, as Label "
                             f"Studio saved them before its 2021 fix (one more per emoji before it), its offsets give “{text[cs:ce]}”: "
                             "the region carries no text of its own to tell which (value.text); read in code points, as Label Studio "
                             "writes them since; export the task again from a current Label Studio")
            return v

        if full:
            task = {**task, "annotations": [
                {**a, "result": [{**r, "value": fixed(r.get("value"))} if isinstance(r, dict) and r.get("type") in ("labels", None) else r
                                 for r in a.get("result") or []]} if isinstance(a, dict) and isinstance(a.get("result"), list) else a
                for a in task.get("annotations") or []]} if isinstance(task.get("annotations"), list) else task
        elif isinstance(task.get("label"), list):
            task = {**task, "label": [fixed(v) for v in task["label"]]}
        out.append((line, task))
    return out, n, hints


def check_task(task: dict) -> Optional[str]:
    if "data" in task or "annotations" in task:
        return next((why for ann in _latest(task) if (why := check_spans(task["data"]["text"], _full_spans(ann)))), None)
    return check_spans(task["text"], _min_spans(task))


def import_label_studio(tasks: list[dict] | list[tuple[int, dict]], records: list[dict], reviewer: str = "import:label-studio",
                        path: str = "label-studio", warn: Optional[Warn] = None) -> tuple[list[dict], list[str]]:
    """Decisions from Label Studio's JSON export or JSON-MIN. With our snapshot: what each submitted
    annotation changed since the export. Without (tasks made in Label Studio from the text): a
    submitted annotation is the full truth for the labels it uses, and one with no region says
    the text has no entities (as an accepted Prodigy task with no span): every entity of the
    article is rejected; `warn` hears how many tasks were read so (`no_snapshot_notice`). A task
    without annotation (JSON-MIN: `annotation_id` null, as Label Studio's converter writes a task
    nobody annotated) says nothing."""
    idx = Index(records)
    results: list[tuple[tuple[str, str], str, list[dict]]] = []
    stamps: list[dict] = []  # per result, what says when its annotation was made (`annotation_order`)
    problems: list[str] = []
    bare = 0
    for where, task in numbered(tasks, path):
        full = "data" in task or "annotations" in task
        data = task.get("data") if full and isinstance(task.get("data"), dict) else task  # JSON-MIN: data keys at the top
        text = data.get("text")
        snap_raw = data.get(SNAPSHOT_KEY) if isinstance(data.get(SNAPSHOT_KEY), dict) else {}
        if full:
            anns = _latest(task)
            if not anns:
                continue  # no (or only cancelled) annotations: nothing was reviewed
            views = [(ann, _full_spans(ann), _who(ann)) for ann in anns]
        else:
            if "annotation_id" in task and task["annotation_id"] is None:
                continue  # JSON-MIN's row of a task nobody annotated (it rejected every exported entity)
            other = _other_regions(task)
            if other:  # read as no region, the task would reject every entity of the article
                problems.append(f"{where}: regions under {', '.join(map(repr, other))} are not read (JSON-MIN names them after "
                                f"the Labels tag; presseschau's config calls it 'label'); task skipped")
                continue
            views = [(None, _min_spans(task), user_name(task.get("annotator")))]
        rec, why = idx.match([snap_raw.get("article_id"), data.get("article_id"), (task.get("meta") or {}).get("article_id")
                              if isinstance(task.get("meta"), dict) else None, task.get("article_id")], text, [data.get("id")])
        if rec is None:
            problems.append(f"{where}: {why}")
            continue
        snap = snapshot_of(data.get(SNAPSHOT_KEY), rec)
        bare += snap is None
        for ann, spans, who in views:
            rv = f"{reviewer}:{who}" if who else reviewer
            if snap is None and not spans:  # submitted with no region: "no entities in this text", for every label
                ds, ps = decisions_from_spans(rec, [], reviewer=rv, src_text=text, labels=LABELS, note="label-studio", where=where)
            else:
                ds, ps = decide(rec, snap, spans, reviewer=rv, src_text=text, reviewed=True, note="label-studio", where=where)
            if ann is not None and snap is not None and all(isinstance(p, Conflict) for p in ps):  # the task was not skipped
                vs, vps = _value_edits(rec, task, ann, text, rv, ds[0].get("batch") if ds else None, where)
                ds, ps = ds + vs, ps + vps
            results.append(((rec["id"], rv), where, ds))
            stamps.append(ann if ann is not None else {k: task.get(k) for k in ("updated_at", "created_at")}
                          | {"id": task.get("annotation_id"), "task": task.get("id")})
            problems.extend(ps)
    # a task imported into Label Studio twice: one copy's decisions per annotator, the latest annotation's
    # (by `updated_at`/`created_at`, then annotation id, as of one task's annotations; JSON-MIN has them per row),
    # decided among that article's copies alone
    decisions, twice = one_copy_each(results, stamps, order_by)  # ordered per article and annotator
    problems.extend(twice)
    if bare and warn:
        warn(no_snapshot_notice(path, bare, "label-studio"))
    return decisions, problems


def _by_id(results: Any, kind: str) -> dict[str, dict]:
    return {r["id"]: r for r in results or [] if isinstance(r, dict) and r.get("type") == kind and isinstance(r.get("id"), str)
            and isinstance(r.get("value"), dict) and (kind != "textarea" or r.get("from_name") == VALUES_NAME)}


def _lines(res: Optional[dict]) -> Optional[list[str]]:
    """The lines of a TextArea result; None for none, or one whose text is no string or list."""
    t = (res or {}).get("value", {}).get("text")
    return [t] if isinstance(t, str) else [x for x in t if isinstance(x, str)] if isinstance(t, list) else None


def _value_edits(rec: dict, task: dict, ann: dict, text: Optional[str], reviewer: str, batch: Optional[str],
                 where: str) -> tuple[list[dict], list[str]]:
    """`correct` decisions for the regions whose values TextArea the annotator changed: the
    annotation's lines against our prediction's (same region id), for a region whose span and
    label are as exported. A field without a line in a region's values is emptied (null); a region
    without a values result keeps its values."""
    from .common import anchor

    preds = task.get("predictions") or []
    pred = preds[0].get("result") if preds and isinstance(preds[0], dict) else None
    p_lab, p_val = _by_id(pred, "labels"), _by_id(pred, "textarea")
    a_lab, a_val = _by_id(ann.get("result"), "labels"), _by_id(ann.get("result"), "textarea")
    out: list[dict] = []
    problems: list[str] = []
    for rid, region in a_lab.items():
        # a region without a values result in the annotation says nothing about its values (a
        # tool that does not carry them over must not empty them); an emptied one empties them
        now, before = _lines(a_val.get(rid)), _lines(p_val.get(rid)) or []
        if now is None or now == before or rid not in p_lab:
            continue
        key = lambda r: (r["value"].get("start"), r["value"].get("end"), tuple(r["value"].get("labels") or ()))  # noqa: E731
        if key(region) != key(p_lab[rid]) or len(key(region)[2]) != 1:
            problems.append(f"{where}: region {rid}: values changed together with its span or label; set them in `presseschau review`")
            continue
        s, e, label = key(region)[0], key(region)[1], key(region)[2][0]
        loc = anchor(rec, text, s, e)
        ent = next((x for x in rec["entities"] if loc and (x["start"], x["end"], x["label"]) == (loc[0], loc[1], label)
                    and x.get("status") != "rejected"), None)
        if ent is None:
            problems.append(f"{where}: region {rid}: no entity [{s}, {e}) {label} to set the values of")
            continue
        fields = entity_values({**{f: None for f in VALUE_FIELDS}, "label": label})  # the label's value fields
        new: dict[str, Any] = {k: None for k in entity_values(ent)}
        # a line as the export wrote it keeps the entity's value as it is ("value: 1.125" is not read
        # again); a line typed in the tool is read as the review app reads a value ("7.000" = 7000)
        kept = {ln: k for k in entity_values(ent) for ln in value_lines({"label": label, k: ent[k]})}
        bad = None
        for line in now:
            k, sep, v = line.partition(":")
            k, v = k.strip(), v.strip()
            if not sep or k not in fields:
                bad = f"line {line!r} is not `field: value` with a field of {label} ({', '.join(fields)})"
                break
            new[k] = ent[k] if kept.get(f"{k}: {v}") == k else None if v in ("", "null") else v
        if bad is None:
            try:
                d = dec.make_decision(rec, "correct", ent, new, reviewer=reviewer, batch=batch, note="label-studio")
            except ValueError as err:
                bad = str(err)
        if bad is not None:
            problems.append(f"{where}: region {rid} ({ent['text']!r} {label}): values not read: {bad}")
            continue
        if any(d["new"].get(k) != ent.get(k) for k in entity_values(d["new"])):
            out.append(d)
    return out, problems
