"""Exports of the reviewed output and imports of review results from other annotation tools,
one module per format and a shared part (`common`: which entities go out, the snapshot,
reading and validating files, decisions from what a tool changed).

Exports (`export(records, fmt, out)`):
  jsonl         the reviewed records, each entity with its status (`accepted_only` keeps accepted/corrected) and,
                where a decision touched it, its `review` (the pipeline's original): given back as data with
                the same log, it gives the same records (`apply_decisions` restores the originals first)
  prodigy       Prodigy tasks: `ner_manual` (one task per article) or `binary` (one task per entity);
                reviewed entities only unless `include_pending`
  doccano       doccano sequence-labelling JSONL (`text`, `label: [[start, end, label]]`, UTF-16 offsets)
  label-studio  Label Studio tasks with `predictions` (+ the labelling config as `<out>.xml`)
  docbin        spaCy DocBin: reviewed entities in `doc.ents`; pending ones only with `include_pending`
  csv, parquet  one row per entity (pandas); Parquet adds the typed dates `published_day`, `value_day`
  csv-excel     the CSV as German Excel opens it: UTF-8 with BOM, ';', decimal comma
  xlsx          the CSV's table as an Excel workbook (openpyxl): ids and values stay text

Prodigy spans, doccano tasks (`values`), Label Studio regions (a per-region TextArea) and DocBin docs (`user_data["values"]`)
carry the entities' normalised values (`common.entity_values`); of the imports only Label Studio's
JSON export reads them back (values edited in the TextArea: `correct` decisions).

Every Prodigy, doccano and Label Studio task carries a snapshot of what was exported; an import
compares the tool's file with it, so only what the tool changed becomes a decision (`common`).

Imports (`import_file(fmt, path, records)` -> decisions for `annotations/decisions.jsonl`):
  prodigy (ner_manual and binary ner answers), doccano (JSONL: `label`/`labels`/`entities`),
  label-studio (JSON export: each annotator's latest non-cancelled annotation of a task; JSON-MIN).
The file is validated first: a file that cannot be used at all raises `ImportFileError` (the CLI
exits 2, nothing recorded); a task that is malformed is a problem naming file and line and is
skipped (the CLI records the rest and exits 1). Articles are matched by the article id our export wrote, else by text hash, else by the tool's own row id;
when the tool's text differs, spans are re-anchored by text and context like any decision.
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Optional

from ..errors import ExportTargetClash, NoRunOutput, NotArticleRecords, UnreadableFile
from ..io import atomic_write_bytes, atomic_write_files, read_jsonl, shown
from ..paths import run_articles
from ..record import check_articles, is_article_record
from ..review import log as dec
from ..review.apply import apply_decisions
from . import doccano as _doccano, labelstudio as _ls, parquet as _parquet, prodigy as _prodigy
from .common import (KEEP, SPAN_KEY, ImportFileError, Warn, decisions_from_changes, decisions_from_spans, fail_if_nothing, fail_if_other_tool, fail_if_run_output,
                     read_rows, reviewed_records, validate_rows)
from .docbin import to_docbin
from .doccano import import_doccano, to_doccano
from .labelstudio import import_label_studio, label_studio_config, to_label_studio
from .prodigy import import_prodigy, to_prodigy
from .tables import PARQUET_COLUMNS, TABLE_COLUMNS, entities_table, excel_csv_bytes, parquet_table, xlsx_bytes

FORMATS = ("jsonl", "prodigy", "doccano", "label-studio", "docbin", "csv", "csv-excel", "xlsx", "parquet")
IMPORT_FORMATS = ("prodigy", "doccano", "label-studio")
# the file an export writes into a folder: `articles.<ext>`, the JSONL formats told apart, and
# never a name of the run's own output (`RUN_OUTPUTS`): the Parquet table of entities is not
# `articles.parquet`, the folder `presseschau run --format parquet` writes its articles to
EXPORT_NAMES = {"jsonl": "articles.reviewed.jsonl", "prodigy": "articles.prodigy.jsonl", "doccano": "articles.doccano.jsonl",
                "label-studio": "articles.label-studio.json", "docbin": "articles.spacy", "csv": "articles.csv",
                "csv-excel": "articles.excel.csv", "xlsx": "articles.xlsx", "parquet": "articles.entities.parquet"}
# what `presseschau run` writes into its output folder (files and Parquet dataset folders)
RUN_OUTPUTS = ("articles.jsonl", "run.json", _parquet.ARTICLES_DIR, _parquet.ENTITIES_DIR)
PENDING_ON_REQUEST = ("prodigy", "docbin")  # formats that leave pending entities out unless asked

__all__ = [
    "FORMATS", "IMPORT_FORMATS", "EXPORT_NAMES", "RUN_OUTPUTS", "KEEP", "SPAN_KEY", "TABLE_COLUMNS", "PARQUET_COLUMNS", "ImportFileError",
    "load_records", "read_json_rows", "reviewed_records", "export", "export_path", "out_file", "check_target", "run_output_at", "import_file",
    "to_prodigy", "to_doccano", "to_label_studio", "label_studio_config", "to_docbin", "entities_table",
    "import_prodigy", "import_doccano", "import_label_studio", "decisions_from_spans", "decisions_from_changes",
]


def load_records(path: os.PathLike | str = "outputs", annotations: Optional[os.PathLike | str] = None) -> list[dict]:
    """Records of `articles.jsonl` (a folder or the file); with `annotations`, the review log re-applied."""
    return load_records_flagged(path, annotations)[0]


def load_records_flagged(path: os.PathLike | str = "outputs", annotations: Optional[os.PathLike | str] = None,
                         warn: Optional[Warn] = None) -> tuple[list[dict], list[dict]]:
    """`load_records`, and the decisions of the log that no longer fit the records
    (`apply_decisions`' flagged ones: an article re-run with changed text, or gone). `warn`
    hears of a reviewed export without the pipeline's originals (`stripped_reviews`) given
    with a log."""
    path = run_articles(path)
    if not path.exists():
        raise NoRunOutput(path)
    records = read_json_rows(path)
    check_articles(path, records)  # records with an id each, one record per id: decisions name articles by id
    if annotations is None:
        return records, []
    decisions = dec.load_decisions(Path(annotations))
    n = stripped_reviews(records) if decisions and warn else 0
    if n:
        warn(f"{shown(path)} is a reviewed export without the pipeline's originals of its {n} reviewed entities (written by "
             f"`export --format jsonl` before they were kept): the log is applied on top of that review, and a correction can show "
             f"twice (the corrected entity and the original it restores); export from the run's output folder instead")
    return apply_decisions(records, decisions)


def stripped_reviews(records: list[dict]) -> int:
    """Entities that carry a `reviewer` (a reviewed export) but not the `review` bookkeeping
    with their pipeline original: an `export --format jsonl` of before the originals were kept.
    `apply_decisions` cannot restore the pipeline's entities there."""
    return sum(1 for r in records for e in r.get("entities", []) if e.get("reviewer") is not None and "review" not in e)


def read_json_rows(path: os.PathLike | str) -> list[dict]:
    """The rows of a JSONL file (the one JSONL reader), or of a JSON file holding a list (a Label
    Studio export given by mistake); an item of the list that is no article record
    (`record.is_article_record`) raises `errors.NotArticleRecords` naming the file and the items.
    What a JSONL line holds is checked by `record.check_articles`."""
    rows = json_array_rows(path)
    return list(read_jsonl(path)) if rows is None else rows  # the one JSONL reader: names the file and line of what it cannot read


def json_array_rows(path: os.PathLike | str) -> Optional[list[dict]]:
    """The article records of a file holding one JSON list of them (`[{...}, {...}]`, on one line or
    several), None for any other file (JSONL): `read_json_rows` and `report` (`overview.load_reviewed`)
    read such a file alike. An item that is no article record raises `errors.NotArticleRecords`."""
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"["):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise UnreadableFile(shown(path), data[:e.start].count(b"\n") + 1, f"not UTF-8 text (byte 0x{data[e.start]:02x})") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise UnreadableFile(shown(path), e.lineno, f"invalid JSON ({e.msg})") from None
        bad = [i for i, x in enumerate(data, 1) if not is_article_record(x)] if isinstance(data, list) else [1]
        if bad:
            raise NotArticleRecords(shown(path), bad, unit="item")
        return data
    return None


def _jsonl_bytes(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode("utf-8")


def run_output_at(target: os.PathLike | str, run_folder: os.PathLike | str,
                  annotations: Optional[os.PathLike | str] = None) -> Optional[Path]:
    """The run output (`RUN_OUTPUTS` in `run_folder`, or in another folder that holds a run's
    `run.json`) or, with `annotations`, the review log
    there (decisions.jsonl and its .rejected copy) that writing `target` would replace or write
    into, or None: an export or report must never change what `presseschau run` wrote nor the
    reviewers' decisions."""
    from ..review.log import DECISIONS_FILE, REJECTED_SUFFIX

    target = Path(target).resolve()
    owned = [Path(run_folder) / name for name in RUN_OUTPUTS]
    if annotations is not None:
        log = Path(annotations) if Path(annotations).is_file() else Path(annotations) / DECISIONS_FILE  # the folder, or the log named
        owned += [log, log.with_name(log.name + REJECTED_SUFFIX)]
    for path in owned:
        own = path.resolve()
        if target == own or own in target.parents:
            return path
    for path in (target, *target.parents):  # another run's output: its folder holds its run.json
        if path.name in RUN_OUTPUTS and (path.parent / "run.json").is_file():
            return path
    return None


def out_file(out: os.PathLike | str, name: str) -> Path:
    """Where a command given `--out` writes: `out` itself, or `out/name` when `out` is a folder
    (an existing one, a path without a suffix, or one given as text ending in "/": `dir/2024.01/`
    is a folder though its name has a dot; `Path` drops the slash, so callers pass the text).
    `export` (`export_path`) and `report` (report.html)."""
    folder = isinstance(out, str) and out.endswith(("/", os.sep))
    out = Path(out)
    return out / name if folder or out.is_dir() or not out.suffix else out


def export_path(fmt: str, out: os.PathLike | str) -> Path:
    """Where `export` writes: `out` itself, or `out/articles.<ext>` when `out` is a folder (`out_file`)."""
    return out_file(out, EXPORT_NAMES[fmt])


# the formats whose files end so: an --out with one of these endings and another --format is refused
#: the formats an --out ending names (from EXPORT_NAMES; not .json: Label Studio's tasks and any JSON a user names so)
WRITTEN_AS = {suffix: tuple(f for f, name in EXPORT_NAMES.items() if Path(name).suffix == suffix)
              for suffix in sorted({Path(name).suffix for name in EXPORT_NAMES.values()} - {".json"})}


def check_target(fmt: str, path: os.PathLike | str) -> None:
    """Raise `ExportTargetClash` where writing `fmt` to `path` (as `export_path` gives it) would
    overwrite part of the export: Label Studio's tasks at `.xml`, the name of its config; or would
    write a file under another format's ending (`export -o results.xlsx` without `--format xlsx`
    wrote JSON Lines named .xlsx, which Excel refuses to open)."""
    path = Path(path)
    if fmt == "label-studio" and path.with_suffix(".xml") == path:
        raise ExportTargetClash(f"Label Studio's tasks are JSON and its labelling config is written beside them as "
                                f"{path.name}; choose an --out ending in .json")
    formats = WRITTEN_AS.get(path.suffix.lower())
    if formats and fmt not in formats:
        raise ExportTargetClash(f"a {path.suffix} name, but --format {fmt} writes {Path(EXPORT_NAMES[fmt]).suffix}: give "
                                f"--format {' or '.join(formats)}, or an --out ending in {Path(EXPORT_NAMES[fmt]).suffix}")


def export(records: list[dict], fmt: str, out: os.PathLike | str, accepted_only: bool = False, prodigy_mode: str = "manual",
           include_pending: bool = False, doccano_offsets: str = "utf16", doccano_overlapping: bool = False,
           warn: Optional[Warn] = None) -> Path:
    """Write `records` (already reviewed, e.g. from `load_records(dir, annotations)`) as `fmt` to
    `out` (atomically); returns the path written. `warn` receives what the format cannot hold."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    out = export_path(fmt, out)
    check_target(fmt, out)
    recs = reviewed_records(records, accepted_only=False)
    if fmt in ("prodigy", "docbin") and not include_pending and warn is not None:
        ents = [e for r in records for e in r.get("entities", [])]
        if ents and all(e.get("status", "pending") == "pending" for e in ents):
            warn(f"no entity of these {len(records)} articles is reviewed yet, and a {fmt} export carries reviewed entities only: "
                 f"its file holds none of the {len(ents)} model guesses; --include-pending exports them, marked as pending")
    if fmt == "jsonl":
        atomic_write_bytes(out, _jsonl_bytes(reviewed_records(records, accepted_only, keep_review=True)))
    elif fmt == "prodigy":
        atomic_write_bytes(out, _jsonl_bytes(to_prodigy(recs, prodigy_mode, accepted_only, include_pending, warn=warn)))
    elif fmt == "doccano":
        atomic_write_bytes(out, _jsonl_bytes(to_doccano(recs, accepted_only, doccano_offsets, doccano_overlapping, warn=warn)))
    elif fmt == "label-studio":
        # the tasks and their config as one pair: a failure writing either leaves both as they were
        atomic_write_files([(out, json.dumps(to_label_studio(recs, accepted_only, warn=warn), ensure_ascii=False, indent=1).encode("utf-8")),
                            (out.with_suffix(".xml"), label_studio_config().encode("utf-8"))])
    elif fmt == "docbin":
        atomic_write_bytes(out, to_docbin(recs, accepted_only, include_pending).to_bytes())
    elif fmt == "csv":
        atomic_write_bytes(out, entities_table(recs, accepted_only).to_csv(index=False).encode("utf-8"))
    elif fmt == "csv-excel":
        atomic_write_bytes(out, excel_csv_bytes(entities_table(recs, accepted_only)))
    elif fmt == "xlsx":
        atomic_write_bytes(out, xlsx_bytes(entities_table(recs, accepted_only), warn=warn))
    elif fmt == "parquet":
        buf = io.BytesIO()
        parquet_table(recs, accepted_only).to_parquet(buf, index=False, engine="pyarrow")
        atomic_write_bytes(out, buf.getvalue())
    return out


_VALIDATION = {
    "prodigy": (_prodigy.TASK_SCHEMA, _prodigy.check_task),
    "doccano": (_doccano.TASK_SCHEMA, _doccano.check_row),
    "label-studio": (_ls.schema_for, _ls.check_task),
}


def import_file(fmt: str, path: os.PathLike | str, records: list[dict], reviewer: Optional[str] = None,
                accept_unchanged: bool = False, warn: Optional[Warn] = None) -> tuple[list[dict], list[str]]:
    """Decisions from a Prodigy / doccano / Label Studio export file, against the reviewed `records`.

    Returns (decisions, problems); problems name file and line (malformed tasks, spans that
    cannot be placed, articles not found) and those tasks are skipped. Raises ImportFileError
    when the file as a whole is unusable. `accept_unchanged` (doccano): the file holds approved
    examples, so the pending guesses left as they were are accepted. `warn` hears how tasks
    without our snapshot (a Prodigy, doccano or Label Studio file made in the tool) were read.
    """
    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown import format {fmt!r}; one of {', '.join(IMPORT_FORMATS)}")
    rows, problems = read_rows(path)
    fail_if_run_output(path, rows)
    fail_if_other_tool(path, fmt, rows)
    if fmt == "label-studio":  # a Label Studio of before 2021 saved UTF-16 offsets (issue #1347)
        rows, converted, hints = _ls.in_code_points(rows, str(path))
        problems += hints
        if converted and warn:
            warn(f"{path}: {converted} region{'s' * (converted != 1)} count{'s' * (converted == 1)} {'its' if converted == 1 else 'their'} offsets "
                 "in UTF-16 code units, as Label Studio saved them before its 2021 fix (issue #1347: one more per emoji before "
                 f"the region), which {'its' if converted == 1 else 'their'} own text (value.text) shows: read as such")
    schema, check = _VALIDATION[fmt]
    good, bad = validate_rows(path, rows, schema, check)
    problems += bad
    fail_if_nothing(path, good, problems)
    where = str(path)
    if fmt == "prodigy":
        ds, ps = import_prodigy(good, records, reviewer or "import:prodigy", path=where, warn=warn)
    elif fmt == "doccano":
        ds, ps = import_doccano(good, records, reviewer or "import:doccano", accept_unchanged=accept_unchanged, path=where, warn=warn)
    else:
        ds, ps = import_label_studio(good, records, reviewer or "import:label-studio", path=where, warn=warn)
    return ds, problems + ps
