"""What the exporters and importers of every tool share: which entities go out, the snapshot
each exported task carries, reading and validating a tool's file, and turning what a tool
changed into review decisions.

The snapshot (key ``presseschau`` in a task; Label Studio: in ``data``) records what was
exported: the article id, the hash of its text and every exported span with its status. On
import, the spans the tool returns are compared with the snapshot, not with the article as it
is now, so only what the other tool changed becomes a decision: an untouched file records
nothing, whatever the export options were, and an entity left out of the export (pending
with ``--accepted-only``, or dropped because the tool cannot hold overlapping spans) is never
rejected for being absent. Files without a snapshot (tasks made in the tool itself) are
compared with the article as it is now (`decisions_from_spans`).
"""
from __future__ import annotations

import bisect
import copy
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..errors import RefusedSpan
from ..io import iter_jsonl, BadLine
from ..schema import LABEL_FIELDS, LABELS, VALUE_FIELDS
from ..review import log as dec
from ..review.anchor import locate

KEEP = dec.KEPT  # reviewed and kept
SPAN_KEY = "presseschau"
SNAPSHOT_KEY = "presseschau"
SNAPSHOT_VERSION = 1

Warn = Callable[[str], None]


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (empty, not UTF-8, not JSON, wrong top-level
    type, no valid task): nothing is recorded, the CLI exits 2 with this one line."""


# --------------------------------------------------------------------------- what goes out


def wanted(ent: dict, *, accepted_only: bool = False, include_pending: bool = True) -> bool:
    """Is `ent` exported? Never when rejected; pending ones unless `accepted_only` or not `include_pending`."""
    st = ent.get("status", "pending")
    if st == "rejected":
        return False
    if st in KEEP:
        return True
    return include_pending and not accepted_only


def non_overlapping(ents: list[dict]) -> list[dict]:
    """Greedy like spacy.util.filter_spans: reviewed first, then longer, then earlier."""
    order = sorted(ents, key=lambda e: (e.get("status") not in KEEP, -(e["end"] - e["start"]), e["start"]))
    taken: list[dict] = []
    for e in order:
        if all(e["end"] <= t["start"] or e["start"] >= t["end"] for t in taken):
            taken.append(e)
    return sorted(taken, key=lambda e: e["start"])


def reviewed_records(records: list[dict], accepted_only: bool = False, keep_review: bool = False) -> list[dict]:
    """The records as outside tools should see them: each entity with its status (and `reviewer`);
    `review_flags` left out, and the entities' `review` bookkeeping unless `keep_review` (the
    reviewed JSONL keeps it: the pipeline's original of each reviewed entity, which
    `apply_decisions` restores, so the file given back with its log gives the same records);
    with `accepted_only`, accepted/corrected only."""
    out = []
    for r in records:
        r = copy.deepcopy(r)
        r.pop("review_flags", None)
        ents = []
        for e in r.get("entities", []):
            rv = e.get("review") if keep_review else e.pop("review", None)
            if accepted_only and e.get("status") not in KEEP:
                continue
            if rv and rv.get("reviewer"):
                e["reviewer"] = rv["reviewer"]
            ents.append(e)
        r["entities"] = ents
        out.append(r)
    return out


def entity_values(e: dict) -> dict:
    """The normalised values of an entity that its label has (`pipeline.schema.LABEL_FIELDS`: a
    DATE's ISO `value` and `type`; a FIGURE's `value`, `unit`, `about`, `qualifier`, `event`; a
    name's `canonical`), as the reviewed record holds them (null kept), in `VALUE_FIELDS` order."""
    fields = LABEL_FIELDS.get(e.get("label"), {})
    own = set(fields.get("required", ())) | set(fields.get("optional", ()))
    return {k: e[k] for k in VALUE_FIELDS if k in own and k in e}


def article_meta(r: dict) -> dict:
    m = r.get("meta") or {}
    return {"article_id": r["id"], "title": m.get("title"), "outlet": m.get("outlet"), "published": m.get("published"),
            "source": (r.get("source") or {}).get("path"), "url": m.get("url")}


def hash31(*parts: Any) -> int:
    """A signed 32-bit hash like Prodigy's `_input_hash`/`_task_hash`."""
    h = hashlib.sha256("\x1f".join(json.dumps(p, sort_keys=True, ensure_ascii=False) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(h[:4], "big", signed=True)


def snapshot(record: dict, ents: Iterable[dict], **extra: Any) -> dict:
    """What one exported task holds, for the import to compare against: spans [start, end, label, status]
    in code points of `record["text"]`."""
    return {"v": SNAPSHOT_VERSION, "article_id": record["id"], "text_sha256": dec.text_sha256(record["text"]),
            "spans": [[e["start"], e["end"], e["label"], e.get("status", "pending")] for e in ents], **extra}


_TOKENIZER = None


def tokenizer():
    """spaCy's German tokenizer (no model): Prodigy tokens and DocBin docs."""
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("de")
    return _TOKENIZER


# --------------------------------------------------------------------------- offsets


class Utf16:
    """Code points <-> UTF-16 code units of one text (JavaScript string indices, which doccano's
    default project uses). Hand-written: the conversion is a count of the characters outside
    the Basic Multilingual Plane before an index (each takes two code units); no library needed."""

    def __init__(self, text: str):
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]  # code point indices
        self.unit_starts = [a + k for k, a in enumerate(self.astral)]  # the same in UTF-16 units

    def to_units(self, i: int) -> int:
        return i + bisect.bisect_left(self.astral, i)

    def from_units(self, u: int) -> Optional[int]:
        """The code point index at UTF-16 index `u`; None between the two halves of a surrogate pair."""
        k = bisect.bisect_left(self.unit_starts, u)  # astral characters starting before u
        if k and self.unit_starts[k - 1] + 1 == u:
            return None
        return u - k


# --------------------------------------------------------------------------- reading a tool's file


def _json_array_items(text: str, path: Path) -> list[tuple[int, Any]]:
    """(line, item) for each item of a top-level JSON array. The standard library gives no
    positions of array items, so the array is walked with `raw_decode` to name each item's line."""
    dec_ = json.JSONDecoder()
    items: list[tuple[int, Any]] = []
    i = text.index("[") + 1
    n = len(text)

    def skip_ws(j: int) -> int:
        while j < n and text[j] in " \t\r\n":
            j += 1
        return j

    i = skip_ws(i)
    if i < n and text[i] == "]":
        return items
    while True:
        i = skip_ws(i)
        line = text.count("\n", 0, i) + 1
        try:
            value, i = dec_.raw_decode(text, i)
        except json.JSONDecodeError as e:
            raise ImportFileError(f"{path}:{e.lineno}:{e.colno}: invalid JSON ({e.msg})") from None
        items.append((line, value))
        i = skip_ws(i)
        if i < n and text[i] == ",":
            i += 1
            continue
        if i < n and text[i] == "]":
            rest = text[i + 1:].strip()
            if rest:
                raise ImportFileError(f"{path}:{text.count(chr(10), 0, i) + 1}: unexpected text after the end of the JSON list")
            return items
        line = text.count("\n", 0, i) + 1
        raise ImportFileError(f"{path}:{line}: invalid JSON (the list is cut off or lacks a ',' or ']')")


def read_rows(path: os.PathLike | str) -> tuple[list[tuple[int, Any]], list[str]]:
    """The rows of a tool's export: a JSONL file, or a JSON file holding a list (Label Studio).

    Returns ([(line, value), ...], problems): a JSONL line that is no JSON is a problem (the
    other lines are still read). Raises ImportFileError for what makes the whole file unusable:
    missing, unreadable, empty, not UTF-8, a top-level JSON value that is not a list of tasks.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ImportFileError(f"{path}: is a folder, not an export file") from None
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except OSError as e:
        raise ImportFileError(f"{path}: cannot read ({e.strerror or e})") from None
    if data[:2] == b"\x1f\x8b":
        raise ImportFileError(f"{path}: a gzip file; unpack it first (gunzip)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise ImportFileError(f"{path}:{line}: not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); the tools export UTF-8") from None
    if not text.strip():
        raise ImportFileError(f"{path}: empty file, no tasks to import")
    try:
        return _read_rows(path, text)
    except RecursionError:
        raise ImportFileError(f"{path}: JSON nested too deeply to be a task") from None


def _read_rows(path: Path, text: str) -> tuple[list[tuple[int, Any]], list[str]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        return _json_array_items(text, path), []
    rows: list[tuple[int, Any]] = []
    problems: list[str] = []
    for lineno, value in iter_jsonl(path):
        if isinstance(value, BadLine):
            problems.append(f"{path}:{lineno}: invalid JSON ({value.msg}{', the line is cut off' if value.truncated else ''})")
        else:
            rows.append((lineno, value))
    if not rows:
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None
        if whole is not None and not isinstance(whole, list):
            raise ImportFileError(f"{path}: the file holds one JSON {type(whole).__name__}; expected a list of tasks (JSON) or one task per line (JSONL)")
        raise ImportFileError(problems[0] if len(problems) == 1 else f"{path}: no line is valid JSON ({len(problems)} lines; first: {problems[0]})")
    return rows, problems


def validate_rows(path: os.PathLike | str, rows: list[tuple[int, Any]], schema: dict | Callable[[Any], dict],
                  check: Optional[Callable[[dict], Optional[str]]] = None) -> tuple[list[tuple[int, dict]], list[str]]:
    """Rows checked against a JSON Schema (one per row, or a function choosing it) plus `check`
    (what a schema cannot say, e.g. offsets within the text). Bad rows become problems naming
    file and line and are left out."""
    import jsonschema

    good: list[tuple[int, dict]] = []
    problems: list[str] = []
    for line, row in rows:
        sch = schema(row) if callable(schema) else schema
        err = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(sch).iter_errors(row))
        if err is not None:
            where = "/".join(str(p) for p in err.absolute_path)
            problems.append(f"{path}:{line}: {where + ': ' if where else ''}{_short(err.message)}")
            continue
        why = check(row) if check else None
        if why:
            problems.append(f"{path}:{line}: {why}")
            continue
        good.append((line, row))
    return good, problems


def _short(s: str, n: int = 160) -> str:
    return s if len(s) <= n else s[:n] + "…"


def check_spans(text: Any, spans: Iterable[tuple[Any, Any, Any]], what: str = "span") -> Optional[str]:
    """Offsets within the text and start < end; None when all are fine."""
    if not isinstance(text, str):
        return None
    for k, (s, e, label) in enumerate(spans):
        if not (0 <= s < e <= len(text)):
            return f"{what} {k} [{s}, {e}) {label} lies outside the text ({len(text)} characters) or is empty"
    return None


SNAPSHOT_SCHEMA = {
    "type": "object",
    "required": ["v", "article_id", "text_sha256", "spans"],
    "properties": {
        "v": {"const": SNAPSHOT_VERSION},
        "article_id": {"type": "string"},
        "text_sha256": {"type": "string"},
        "spans": {"type": "array", "items": {"type": "array", "prefixItems": [
            {"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}, {"type": "string"}, {"type": "string"}],
            "minItems": 4, "maxItems": 4}},
    },
}


def fail_if_nothing(path: os.PathLike | str, good: list, problems: list[str]) -> None:
    """A file of which no task could be read is an error of the file, not 'nothing new'."""
    if not good:
        first = problems[0] if problems else f"{path}: no tasks"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise ImportFileError(f"no valid task in the file: {first}{more}")


def fail_if_run_output(path: os.PathLike | str, rows: list[tuple[int, Any]]) -> None:
    """The run's own records (articles.jsonl, a reviewed export) given to `import` in place of
    the tool's file: an error, not 'nothing changed in the tool' (they validate as tasks: they
    carry a text, and a task without an answer says nothing)."""
    for _, row in rows:
        if isinstance(row, dict) and isinstance(row.get("entities"), list) and isinstance(row.get("source"), dict) and "pipeline" in row:
            raise ImportFileError(f"{path}: holds Presseschau's own records (articles.jsonl), not the annotation tool's tasks: "
                                  f"import the file the tool exported")


#: a key of the snapshot that only one tool's tasks carry (`presseschau export`); Label Studio's has none
SNAPSHOT_TOOL_KEYS = {"mode": "prodigy", "offsets": "doccano"}
#: the keys of a Label Studio task (its JSON export, and `presseschau export --format label-studio`) besides "data"
LABEL_STUDIO_TASK_KEYS = ("annotations", "predictions")


def tool_of(row: Any) -> tuple[Optional[str], str]:
    """Which tool's task a row is, where it says so: (tool, how it shows), else (None, "").
    A Prodigy or doccano task of `presseschau export` by its snapshot; a Label Studio task by
    its shape (a "data" object beside "annotations" or "predictions"), also one Label Studio
    exported itself (JSON, or JSON-MIN by its regions); a Prodigy or doccano task without the
    snapshot by its shape (Prodigy's "spans" with an "answer", doccano's [start, end, label] triples)."""
    if not isinstance(row, dict):
        return None, ""
    snap = row.get(SNAPSHOT_KEY)
    tool = next((t for k, t in SNAPSHOT_TOOL_KEYS.items() if k in snap), None) if isinstance(snap, dict) else None
    if tool is not None:
        return tool, f"a {tool} task (`presseschau export --format {tool}`)"
    if isinstance(row.get("data"), dict) and any(isinstance(row.get(k), list) for k in LABEL_STUDIO_TASK_KEYS):
        return "label-studio", 'looks like a Label Studio export (a JSON list of tasks with "data", "annotations", "predictions")'
    regions = row.get("label")
    if isinstance(regions, list) and regions and all(isinstance(r, dict) and isinstance(r.get("labels"), list) for r in regions):
        return "label-studio", 'looks like a Label Studio JSON-MIN export (tasks whose "label" is a list of regions with "labels")'
    # without our snapshot (a file made in the tool, or its snapshot key dropped): the tasks' shape
    if isinstance(row.get("spans"), list) and "answer" in row:
        return "prodigy", 'looks like a prodigy task ("spans" and an "answer")'
    triples = row.get("label", row.get("labels"))
    if isinstance(triples, list) and triples and all(isinstance(t, list) and len(t) == 3 and isinstance(t[2], str) for t in triples):
        return "doccano", 'looks like a doccano task (a "label" list of [start, end, label])'
    return None, ""


def fail_if_other_tool(path: os.PathLike | str, fmt: str, rows: list[tuple[int, Any]]) -> None:
    """A file written for one tool (by `presseschau export`, or Label Studio's own export) given
    to `import` as another's: an error naming the tool it is for and the import to use. (Read as
    doccano or Label Studio, a Prodigy task has none of their span keys: every entity of the
    file was recorded as rejected, exit 0; a Label Studio task read as Prodigy or doccano was
    only "'text' is a required property".)"""
    for lineno, row in rows:
        tool, how = tool_of(row)
        if tool is not None and tool != fmt:
            raise ImportFileError(f"{path}:{lineno}: {how}, not a {fmt} one: "
                                  f"nothing recorded; import it as `presseschau import {tool} {path}`")


# --------------------------------------------------------------------------- decisions


class Index:
    """The articles an import is matched against: by the article id our export wrote (the
    snapshot's, the task's `article_id`), else by the hash of the text, else by the tool's own
    id of the task (doccano's and Label Studio's row ids count 1, 2, 3 ...: taken first, a row id
    equal to an article's id, "1" of `1.txt`, sent the task to that article). A text that several
    articles share (the same agency report in two outlets) names none of them: such a task without
    our article id is not placed (`match` says why; it went to the last of them)."""

    def __init__(self, records: list[dict]):
        self.by_id = {r["id"]: r for r in records}
        self.by_text: dict[str, list[dict]] = {}
        for r in records:
            self.by_text.setdefault(dec.text_sha256(r["text"]), []).append(r)

    def _by_ids(self, ids: Iterable[Any]) -> Optional[dict]:
        for i in ids:
            if isinstance(i, (str, int)) and not isinstance(i, bool) and str(i) in self.by_id:
                return self.by_id[str(i)]
        return None

    def match(self, ids: Iterable[Any], text: Optional[str], tool_ids: Iterable[Any] = ()) -> tuple[Optional[dict], str]:
        """(the task's article, "") or (None, why it has none)."""
        found = self._by_ids(ids)
        if found is not None:
            return found, ""
        same = self.by_text.get(dec.text_sha256(text), []) if isinstance(text, str) else []
        if len(same) > 1:
            shown = ", ".join(r["id"] for r in same[:5]) + (f" and {len(same) - 5} more" if len(same) > 5 else "")
            return None, (f"its text is that of {len(same)} articles ({shown}) and the task names none of them "
                          f"(no article_id): not placed, task skipped; import the file `presseschau export` wrote, "
                          f"whose tasks name their article")
        found = same[0] if same else self._by_ids(tool_ids)
        return (found, "") if found is not None else (None, "no matching article")


def anchor(record: dict, src_text: Optional[str], s: int, e: int) -> Optional[tuple[int, int]]:
    """[s, e) of the tool's copy of the text, placed in the article's text (re-anchored by
    text and context when the texts differ)."""
    text = record["text"]
    if src_text is None or src_text == text:
        return (s, e) if 0 <= s < e <= len(text) else None
    if not (0 <= s < e <= len(src_text)):
        return None
    loc, _ = locate(text, dec.span_info(src_text, s, e))
    return loc


def _placed(record: dict, spans: Iterable[tuple], src_text: Optional[str], problems: list[str], where: str,
            trim: bool = True) -> list[tuple]:
    """The spans placed in the article's text; the tool's own (`trim`) without the whitespace at
    their edges, as `review.log.make_decision` takes a new span (a selection in the tool that took
    in a line end is the same entity)."""
    out = []
    for sp in spans:
        s, e, label = sp[0], sp[1], sp[2]
        if label not in LABELS:
            problems.append(f"{where}: unknown label {label!r} skipped (labels: {', '.join(LABELS)})")
            continue
        loc = anchor(record, src_text, int(s), int(e))
        if loc is None:
            problems.append(f"{where}: span [{s}, {e}) {label} could not be placed in article {record['id']}")
            continue
        if trim and record["text"][loc[0]:loc[1]].strip():
            loc = dec.trim_span(record["text"], loc[0], loc[1])
        out.append((loc[0], loc[1], label) + tuple(sp[3:]))
    return out


def _entity(record: dict, key: tuple[int, int, str]) -> Optional[dict]:
    """The article's entity at `key`, a non-rejected one first."""
    found = [x for x in record.get("entities", []) if (x["start"], x["end"], x["label"]) == key]
    found.sort(key=lambda x: x.get("status") == "rejected")
    return found[0] if found else None


class Conflict(str):
    """A problem that skips no task: the tool changed an entity that the review app changed too
    since the export, or a span of the task was refused (`_SpanRefused`); that one change is not
    recorded (the rest of the task is)."""


def changed_since(record: dict, k: tuple[int, int, str], exported: Iterable[tuple]) -> Optional[dict]:
    """The entity a reviewer made of the exported span `k` in the review app since the export
    (corrected to other bounds or another label, which moves the entity: none is left at `k`, not
    even a rejected one; a reviewed entity over `k` that is none of the `exported` spans), or None."""
    if _entity(record, k) is not None:
        return None
    keys = {tuple(x[:3]) for x in exported}
    return next((x for x in record.get("entities", []) if x.get("status") in KEEP and x["start"] < k[1] and k[0] < x["end"]
                 and (x["start"], x["end"], x["label"]) not in keys), None)


def conflict_with_app(record: dict, k: tuple[int, int, str], app: dict, did: str, where: str) -> Conflict:
    """The problem of an exported span `k` that the tool changed (`did`: "deleted it", ...) and a
    reviewer changed in the review app since the export (`app`, `changed_since`)."""
    text = record["text"]
    return Conflict(f"{where}: article {record['id']}: {text[k[0]:k[1]]!r} {k[2]} [{k[0]}, {k[1]}) was changed in the review app "
                    f"since the export (now {app['text']!r} {app['label']} [{app['start']}, {app['end']}), {app.get('status')}) and "
                    f"the tool {did}: the review app's entity stays, the tool's change is not recorded; decide it in `presseschau review`")


class _Refused(Exception):
    """A decision of a task that `review.log.make_decision` refuses for another reason than its
    span (`RefusedSpan`): the task is skipped, named."""


class _SpanRefused(Exception):
    """A span of a task that cannot be an entity (`errors.RefusedSpan`: only punctuation, over a
    paragraph break, cutting a word, overlapping an entity kept by a reviewer or by the task's
    earlier decisions): that one decision is left out and named (a `Conflict`: the rest of the task is recorded)."""


def _made(record: dict, kind: str, ent: Optional[dict], new: Optional[dict], *, where: str, made: list[dict] = (),
          **kw: Any) -> dict:
    """`make_decision`; a span it refuses (`errors.RefusedSpan`: only punctuation, over a paragraph
    break, cutting a word: the tool's file cannot say a sub-word was meant; overlapping an entity a
    reviewer kept), or one overlapping a span the task's earlier decisions (`made`) keep (as the
    review app refuses the second of two overlapping spans, `review.log.overlapping_kept`), is a
    `_SpanRefused` naming file:line, article, span and reason: that span alone is refused (every
    such refusal takes this one path; the whole task was skipped, session 27). Any other refusal
    is a `_Refused`: the task is skipped, named, instead of a traceback."""
    try:
        d = dec.make_decision(record, kind, ent, new, whole_words=True, **kw)
    except RefusedSpan as err:
        raise _SpanRefused(f"{where}: article {record['id']}: {kind} {err}; that span is not recorded, the rest of the task is") from None
    except ValueError as err:
        raise _Refused(f"{where}: {kind} {err}; task skipped") from None
    p = dec.overlapping_kept(made, d)
    if p is not None:
        (s, e), (ps, pe) = dec.kept_span(d), dec.kept_span(p)
        text = record["text"]
        raise _SpanRefused(f"{where}: article {record['id']}: {kind} “{text[s:e]}” [{s}, {e}) overlaps “{text[ps:pe]}” [{ps}, {pe}) that "
                           f"the same task keeps: an entity's words belong to one entity; that span is not recorded, the rest of the task is")
    return d


def _make_or_name(out: list[dict], problems: list[str], record: dict, kind: str, ent: Optional[dict], new: Optional[dict], **kw: Any) -> None:
    """`_made`'s decision appended to `out`; a refused span (`_SpanRefused`: an overlap, a span of
    punctuation, one over a paragraph break or cutting a word) named in `problems` instead, the task
    going on (a `_Refused` still skips the task).

    A refused correction leaves its entity as it was: it is no longer one the task replaces
    (`replaced`, a list, changed in place), so the task's later spans are checked against it, and
    a span the task made kept before that overlaps it is taken out of `out` again, named."""
    try:
        out.append(_made(record, kind, ent, new, made=out, **kw))
    except _SpanRefused as err:
        problems.append(Conflict(str(err)))
        replaced = kw.get("replaced")
        if ent is None or not isinstance(replaced, list) or not any(x is ent for x in replaced):
            return
        replaced[:] = [x for x in replaced if x is not ent]
        if ent.get("status") not in KEEP:
            return
        text, where = record["text"], kw.get("where") or record["id"]
        for d in list(out):
            sp = dec.kept_span(d)
            if sp is not None and dec.crosses(sp, (ent["start"], ent["end"])):
                out.remove(d)
                problems.append(Conflict(
                    f"{where}: article {record['id']}: {d.get('decision')} “{text[sp[0]:sp[1]]}” [{sp[0]}, {sp[1]}) overlaps "
                    f"“{ent['text']}” {ent['label']} [{ent['start']}, {ent['end']}), {ent.get('status')}, whose change the same task "
                    f"makes is not recorded: an entity's words belong to one entity; that span is not recorded, the rest of the task is"))


def decisions_from_changes(record: dict, exported: list[list], now: list[tuple[int, int, str]], *, reviewer: str,
                           src_text: Optional[str] = None, reviewed: bool = False, note: Optional[str] = None,
                           where: str = "") -> tuple[list[dict], list[str]]:
    """Decisions for what a tool changed: `exported` ([start, end, label, status], the snapshot)
    against `now` ((start, end, label), what the tool returns), both in `src_text`.

    Removed spans are rejected, added ones added (or accepted where the article has them),
    a removed and an added span that overlap are one correction (relabel or new boundaries).
    Unchanged spans make no decision, unless `reviewed` (the annotator completed the task in
    the tool: a Prodigy "accept", a Label Studio annotation): then those exported pending and
    pending still are accepted.
    """
    problems: list[str] = []
    where = where or record["id"]
    tool = sorted(set(x[:3] for x in _placed(record, now, src_text, problems, where)))
    if problems:  # a span left out would read as removed: the whole task is skipped
        return [], problems[:-1] + [problems[-1] + "; task skipped"]
    snap = {tuple(x[:3]): x[3] for x in _placed(record, exported, src_text, problems, where, trim=False)}
    removed = [k for k in sorted(snap) if k not in set(tool)]
    added = [k for k in tool if k not in snap]
    kept = [k for k in sorted(snap) if k in set(tool)]
    batch = "b-" + os.urandom(8).hex()
    out: list[dict] = []

    # the entities the task deletes, relabels or re-bounds: a new span may overlap them (`_made`)
    replaced = [x for r in removed if (x := _entity(record, r)) is not None]

    def mk(kind: str, ent: Optional[dict] = None, new: Optional[dict] = None) -> None:
        _make_or_name(out, problems, record, kind, ent, new, reviewer=reviewer, batch=batch, note=note, where=where, replaced=replaced)

    def changed_in_app(k: tuple[int, int, str]) -> Optional[dict]:
        return changed_since(record, k, snap)

    def conflict(k: tuple[int, int, str], app: dict, tool: Optional[tuple[int, int, str]]) -> None:
        text = record["text"]
        did = "deleted it" if tool is None else f"made it {text[tool[0]:tool[1]]!r} {tool[2]} [{tool[0]}, {tool[1]})"
        problems.append(conflict_with_app(record, k, app, did, where))

    def accept_or_add(k: tuple[int, int, str]) -> None:
        ent = _entity(record, k)
        if ent is None:
            mk("add", new={"start": k[0], "end": k[1], "label": k[2]})
        elif ent.get("status") not in KEEP:
            mk("accept", ent)

    try:
        paired: set[tuple] = set()
        for a in added:
            cands = [r for r in removed if r not in paired and r[0] < a[1] and a[0] < r[1]]
            # the same span relabelled first, then new boundaries with the same label, then any overlap
            cands.sort(key=lambda r: ((r[0], r[1]) != (a[0], a[1]), r[2] != a[2], abs(r[0] - a[0]) + abs(r[1] - a[1])))
            old = _entity(record, cands[0]) if cands else None
            if old is None or old.get("status") == "rejected":
                app = changed_in_app(cands[0]) if cands else None
                there = _entity(record, a)
                if app is not None:  # relabelled or re-bounded in the tool, and corrected in the app
                    paired.add(cands[0])
                    if there is None or there.get("status") == "rejected":
                        conflict(cands[0], app, a)
                        continue
                accept_or_add(a)  # (with `app`: the tool's change is the app's correction, nothing to record)
                continue
            paired.add(cands[0])
            there = _entity(record, a)
            if there is not None:  # the article already has the new span beside the old one
                mk("reject", old)
                if there.get("status") not in KEEP:
                    mk("accept", there)
            else:
                mk("correct", old, {"start": a[0], "end": a[1], "label": a[2]})
        for r in removed:
            if r in paired:
                continue
            ent = _entity(record, r)
            if ent is not None and ent.get("status") != "rejected":
                mk("reject", ent)
            elif (app := changed_in_app(r)) is not None:  # deleted in the tool, corrected in the app
                conflict(r, app, None)
        if reviewed:
            for k in kept:
                ent = _entity(record, k)
                # a guess the annotator saw pending; one exported reviewed and pending now (an accept
                # undone since the export) was accepted again by the untouched task
                if ent is not None and ent.get("status") == "pending" and snap[k] == "pending":
                    mk("accept", ent)
    except _Refused as err:
        return [], [str(err)]
    return out, problems


def decisions_from_spans(record: dict, spans: list[tuple[int, int, str]], *, reviewer: str, src_text: Optional[str] = None,
                         labels: Optional[Iterable[str]] = None, complete: bool = True, note: Optional[str] = None,
                         overlaps_possible: bool = True, where: str = "") -> tuple[list[dict], list[str]]:
    """Decisions turning `record`'s entities into the annotation `spans` ((start, end, label) in
    `src_text`), for files without a snapshot (tasks made in the tool itself).

    `complete`: the annotation is the full truth for `labels` (default: the labels it uses), so
    entities it lacks are rejected. `overlaps_possible=False` (Prodigy ner_manual, which cannot
    hold overlapping spans): an entity overlapping an annotated span is left alone, not rejected.
    Decisions that change nothing are not made.
    """
    problems: list[str] = []
    where = where or record["id"]
    gold = sorted(set(_placed(record, spans, src_text, problems, where)))
    if problems:  # a span left out would read as missing: the whole task is skipped
        return [], problems[:-1] + [problems[-1] + "; task skipped"]
    cover = set(labels) if labels is not None else {g[2] for g in gold}
    ents = record.get("entities", [])
    used: set[int] = set()
    batch = "b-" + os.urandom(8).hex()
    out: list[dict] = []

    exact = set(gold)
    # the entities the annotation corrects or rejects (not given exactly, of a label it covers): a new span may overlap them
    replaced = [x for x in ents if (x["start"], x["end"], x["label"]) not in exact and x["label"] in cover] if complete else []

    def mk(kind, ent=None, new=None):
        _make_or_name(out, problems, record, kind, ent, new, reviewer=reviewer, batch=batch, note=note, where=where, replaced=replaced)

    try:
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
    except _Refused as err:
        return [], [str(err)]
    return out, problems


#: how a task without our snapshot is read, per tool (`no_snapshot_notice`)
_READ_WITHOUT_SNAPSHOT = {
    "prodigy": "an accepted task is taken as the complete annotation of the labels it uses (the article's entities of "
               "those labels missing from it are rejected; an accepted task with no span rejects every entity of the article), "
               "its spans as accepts or additions",
    "doccano": "an example's spans are taken as the complete annotation of the labels they use (the article's entities of "
               "those labels missing from it are rejected), as accepts or additions; examples with no span are left out",
    "label-studio": "a submitted annotation is taken as the complete annotation of the labels it uses (the article's entities of "
                    "those labels missing from it are rejected; a submitted annotation with no region rejects every entity of "
                    "the article), its regions as accepts or additions; tasks without annotation are left out",
}


def no_snapshot_notice(path: os.PathLike | str, n: int, tool: str) -> str:
    """The console's notice for `n` tasks of `path` read without our snapshot: the import cannot
    know which of the article's entities the annotator saw, so it says how it read them."""
    tasks = "1 task carries" if n == 1 else f"{n} tasks carry"
    return (f"{path}: {tasks} no Presseschau snapshot (made in {tool} from the text, or its `{SNAPSHOT_KEY}` key lost): "
            f"which of the article's entities the annotator saw is unknown, so {_READ_WITHOUT_SNAPSHOT[tool]}; "
            f"check with --dry-run, or import the file `presseschau export --format {tool}` wrote")


def numbered(rows: Iterable[Any], path: str) -> Iterable[tuple[str, dict]]:
    """("file:line", row) for rows given as (line, row) (validated by `import_file`) or plain rows."""
    for n, item in enumerate(rows, 1):
        line, row = item if isinstance(item, tuple) else (n, item)
        yield f"{path}:{line}", row


def decide(record: dict, snap: Optional[dict], spans: list[tuple[int, int, str]], *, reviewer: str, src_text: Optional[str],
           reviewed: bool, note: str, where: str, overlaps_possible: bool = True) -> tuple[list[dict], list[str]]:
    """What a task says about `record`: the changes since our export when it carries our snapshot
    (`decisions_from_changes`), else its spans as the full truth (`decisions_from_spans`)."""
    if snap is not None:
        return decisions_from_changes(record, snap["spans"], spans, reviewer=reviewer, src_text=src_text, reviewed=reviewed,
                                      note=note, where=where)
    return decisions_from_spans(record, spans, reviewer=reviewer, src_text=src_text, note=note, overlaps_possible=overlaps_possible,
                                where=where)


def _says(ds: list[dict]) -> list[str]:
    """What decisions say, without what differs between two makings of the same (id, time, batch)."""
    return sorted(json.dumps({k: v for k, v in d.items() if k not in ("id", "time", "batch")}, sort_keys=True, ensure_ascii=False)
                  for d in ds)


def one_copy_each(results: list[tuple[tuple[str, str], str, list[dict]]], stamps: Optional[list[dict]] = None,
                  order: Optional[Callable[[list[dict]], tuple[list[tuple], str]]] = None) -> tuple[list[dict], list[str]]:
    """The decisions of a file's tasks, `results` ((article id, reviewer), "file:line", decisions) in
    file order, with one task per article and reviewer: a file holding an article twice (imported
    into doccano or Label Studio twice) recorded each copy's decisions, so the log got every add
    and reject twice, and undoing one import batch in the app left the other. Copies that say the
    same are recorded once; of copies that differ the later one in the file is, and the problem
    names the file, the lines and the article. A copy that says nothing (left untouched) is no
    statement: the copy that was worked on counts. `stamps` (one per result: Label Studio's
    annotation, its `updated_at`/`created_at` and id) and `order` (`labelstudio.order_by`: a sort
    key per stamp and what the keys say, the problem names it) choose the latest copy instead of
    the later in the file, where the file says when each was made; decided per article and
    reviewer, from that group's copies alone (an untimed row of another article changes nothing)."""
    lines: dict[tuple[str, str], list[int]] = {}
    for i, (key, _, ds) in enumerate(results):
        if ds:
            lines.setdefault(key, []).append(i)
    keep: set[int] = set()
    problems: list[str] = []
    for (aid, rv), idxs in lines.items():
        when, by = order([stamps[i] for i in idxs]) if stamps is not None and order is not None else (None, "")
        at_key = dict(zip(idxs, when)) if when is not None else {}
        last = max(idxs, key=lambda i: (at_key[i], i)) if when is not None else idxs[-1]
        keep.add(last)
        differ = [i for i in idxs if i != last and _says(results[i][2]) != _says(results[last][2])]
        if differ:
            at = lambda i: results[i][1].rsplit(":", 1)[-1]  # noqa: E731  the line of "file:line"
            file = results[last][1].rsplit(":", 1)[0]
            problems.append(f"{file}:{at(last)}: article {aid} was changed in {len(idxs)} tasks of the file (lines "
                            f"{', '.join(at(i) for i in idxs)}; imported into the tool twice?), which differ ({rv}): line {at(last)}'s "
                            f"recorded ({'the later in the file' if when is None or len(set(when)) == 1 else 'the latest by ' + by}), "
                            f"not line {', '.join(at(i) for i in differ)}'s; settle it in the tool or in `presseschau review`")
    return [d for i, (_, _, ds) in enumerate(results) if i in keep for d in ds], problems


def snapshot_of(obj: Any, record: Optional[dict]) -> Optional[dict]:
    """The task's snapshot when it is one of ours and belongs to `record`: the article it names, or
    the one with the text it was exported from (the same texts run under other ids, `corpus/003_….txt`
    now `in/a.txt`: the task is found by its text, and without its snapshot an untouched task was
    read as made in the tool, accepting, adding and rejecting entities)."""
    import jsonschema

    if not isinstance(obj, dict) or record is None:
        return None
    if not jsonschema.Draft202012Validator(SNAPSHOT_SCHEMA).is_valid(obj):
        return None
    if obj["article_id"] != record["id"] and obj["text_sha256"] != dec.text_sha256(record["text"]):
        return None
    return obj
