"""The record contract: RawDoc + CleanDoc + entities -> one JSON-ready dict per article.

Field names are relied on by the review UI, the exports and outside tools: extend, never
rename (schema: `pipeline/schema/record.schema.json`).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Iterable, Optional

from .schema import DATE_SHAPE_TYPES, DATE_VALUE_PATTERN, LABEL_FIELDS, LABELS, SOURCES, STATUSES, CleanDoc, Entity, RawDoc, date_value_shape, meta_to_dict, segments_from_offsets

from .clean.data import normalised_piece_ends
from .clean.meta import iso_date
from .paths import SCHEMA_PATH


def hints_are_explicit(hints: dict[str, Any]) -> bool:
    """Whether the input's meta is what the user's system of record says (a JSONL record's own
    fields, the API caller's `meta`/`published`), not an extractor's guess (a web page's
    trafilatura/htmldate metadata, a PDF: marked by `extracted_with`)."""
    return not hints.get("extracted_with")


def _hint_published(hints: dict[str, Any]) -> Optional[str]:
    v = hints.get("published")
    return iso_date(v) if v else None


def published_of(clean_published: Optional[str], hints: dict[str, Any]) -> Optional[str]:
    """The article's publication date, which also anchors its relative DATE values: an explicit
    hint's (`hints_are_explicit`) where it is a date, else the cleaner's, else an extractor's."""
    hint = _hint_published(hints)
    if hint and hints_are_explicit(hints):
        return hint
    if _is_web_page(hints) and clean_published and hint and len(clean_published) == len(hint) == 10:
        # a web page: every date it shows (a "Stand:" line, an update, the day the page was
        # saved) is on or after its publication, so the earlier of the page's markup date and
        # the cleaner's date line. Of the 176 saved pages 10 have both: 7 agree, and of the 3
        # that do not the earlier is right each time (tagesschau.de's "Stand: 28.04.2020" before
        # its <meta name="date"> 04-29; rtl.de's and br-online.de's date lines are an update and
        # the saving day, after the page's datePublished / DC.Date)
        if _day_month_swapped(clean_published, hint):
            return clean_published
        return min(clean_published, hint)
    return clean_published or hint


def _day_month_swapped(shown: str, markup: str) -> bool:
    """Whether the markup date is the shown date with day and month swapped: a slashed
    `<meta name="date" content="11/01/2023">` read month-first (htmldate's, the US order) on a
    German page whose date line says "Erstellt am: 01.11.2023" (simmentalzeitung.ch). The page's
    own line is what its readers see, so it wins over the earlier, misread markup date."""
    return shown != markup and shown[:4] == markup[:4] and shown[5:7] == markup[8:10] and shown[8:10] == markup[5:7]


def _is_web_page(hints: dict[str, Any]) -> bool:
    """Whether the input is a saved web page: its outlet (the page's site name: og:site_name,
    trafilatura's sitename) is the site it was saved from, a fact, and wins over an outlet the
    cleaner finds in the text. On the 176 saved pages the two disagree twice, and the site is
    right both times: reitschuster.de's photo credit "Bild: Screenshot ..." read as the outlet
    "BILD", and tagesschau.de's byline "Von ..., NDR" naming the ARD broadcaster that made the
    piece, not the site that published it (a byline's outlet can be a partner or an agency)."""
    return str(hints.get("extracted_with") or "").startswith("trafilatura")


def merge_meta(clean: CleanDoc, hints: dict[str, Any]) -> dict[str, Any]:
    """Meta of the record. A JSONL record's own fields (and the API caller's meta) win over what
    the cleaner found in the text (title from the first line, a date line, a byline); the
    cleaner's values fill their gaps. An extractor's metadata (a web page's <title>, htmldate)
    is a guess: there the cleaner's values win and the extractor's fill the gaps, except a web
    page's outlet (`_is_web_page`) and the headline of a PDF's article (`--pdf-articles`, marked
    by `pdf_pages`): the cleaner's title is the first line alone, a headline set in two lines
    ("Kasachstan weist / keine Reservisten aus") cut in half."""
    meta = meta_to_dict(clean.meta)
    if not meta.get("place"):  # the dateline's or byline's place: only where the cleaner found one
        meta.pop("place", None)
    explicit = hints_are_explicit(hints)
    for key in ("title", "outlet", "section"):
        if hints.get(key) and (explicit or not meta.get(key) or (key == "outlet" and _is_web_page(hints))
                               or (key == "title" and hints.get("pdf_pages"))):
            meta[key] = str(hints[key])
    if hints.get("authors") and (explicit or not meta.get("authors")):
        a = hints["authors"]
        names = [str(x) for x in a if x is not None] if isinstance(a, (list, tuple)) else [str(a)]
        meta["authors"] = names or meta.get("authors") or []
    meta["published"] = published_of(iso_date(meta["published"]) if meta.get("published") else None, hints)
    if hints.get("url"):  # only where the input gave one (a JSONL record's url, a web page's canonical URL)
        meta["url"] = str(hints["url"])
    return meta


def build_record(raw: RawDoc, clean: CleanDoc, entities: list[Entity], *, lang: Optional[str], pipeline_info: dict[str, Any]) -> dict[str, Any]:
    ents = []
    piece_ends = normalised_piece_ends(clean.removed)
    for e in entities:
        d = e.to_dict()
        rs, re_ = clean.raw_span(e.start, e.end)
        d["raw_start"], d["raw_end"] = rs, piece_ends.get(re_ - 1, re_) if re_ > rs else re_
        ents.append(d)
    return {
        "id": raw.id,
        "source": {
            "path": raw.path,
            "sha256": raw.sha256,
            "encoding": raw.encoding,
            "raw_length": len(raw.text),
            "offsets": segments_from_offsets(clean.offsets),
            **({"extracted_with": raw.meta["extracted_with"]} if raw.meta.get("extracted_with") else {}),
            **({"pages": list(raw.meta["pdf_pages"])} if raw.meta.get("pdf_pages") else {}),  # --pdf-articles
        },
        "meta": merge_meta(clean, raw.meta),
        "text": clean.text,
        "entities": ents,
        "removed": [{"start": r.start, "end": r.end, "kind": r.kind, "text": r.text} for r in clean.removed],
        "lang": lang,
        "warnings": list(raw.warnings) + list(clean.warnings),
        "pipeline": pipeline_info,
    }


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The record's JSON Schema (schema/record.schema.json), its label, source and status
    enums and the per-label required fields filled in from `pipeline.schema`, so that they
    are written down once."""
    sch = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    ent = sch["properties"]["entities"]["items"]
    ent["properties"]["label"]["enum"] = list(LABELS)
    ent["properties"]["source"]["enum"] = list(SOURCES)
    ent["properties"]["status"]["enum"] = list(STATUSES)
    for rule in ent["allOf"]:
        label = rule["if"]["properties"]["label"]["const"]
        rule["then"]["required"] = list(LABEL_FIELDS[label]["required"])
        if label == "DATE":  # the grammar of DATE values (pipeline.schema); its type is checked in validate_record
            rule["then"]["properties"]["value"]["pattern"] = DATE_VALUE_PATTERN
    return sch


def validate_record(record: dict[str, Any]) -> list[str]:
    """Schema errors plus the offset invariant `text[start:end] == entity.text`; [] when valid."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    problems = [f"{'/'.join(map(str, e.path)) or 'record'}: {e.message}" for e in validator.iter_errors(record)]
    if not isinstance(record, dict) or not isinstance(record.get("text", ""), str) or not isinstance(record.get("entities", []), list):
        return problems  # the schema errors say what is wrong; no offsets to check
    text = record.get("text", "")
    for i, ent in enumerate(record.get("entities", [])):
        if not isinstance(ent, dict) or not all(isinstance(ent.get(k, 0), int) for k in ("start", "end")):
            continue  # a schema error already
        if text[ent.get("start", 0): ent.get("end", 0)] != ent.get("text"):
            problems.append(f"entities/{i}: text[{ent.get('start')}:{ent.get('end')}] != {ent.get('text')!r}")
        shape = date_value_shape(ent.get("value")) if ent.get("label") == "DATE" else None
        if shape is not None and ent.get("type") is not None and ent["type"] not in DATE_SHAPE_TYPES[shape]:
            problems.append(f"entities/{i}: DATE value {ent['value']!r} is a {shape}'s, its type is not {ent['type']!r}")
    return problems


def duplicate_ids(numbered: Iterable[tuple[int, Any]]) -> dict[str, list[int]]:
    """The article ids that more than one record of a run's output holds, each with the line
    numbers it is on, from `(line number, record)` pairs (`io.iter_jsonl`'s); what is not a
    record with an id is passed over (other checks name it). The one check of unique ids:
    `presseschau validate` reports them, `check_unique_ids` refuses them."""
    lines: dict[str, list[int]] = {}
    for lineno, rec in numbered:
        if isinstance(rec, dict) and isinstance(rec.get("id"), str):
            lines.setdefault(rec["id"], []).append(lineno)
    return {aid: ls for aid, ls in lines.items() if len(ls) > 1}


def is_article_record(rec: Any) -> bool:
    """Whether a line of a run's output is an article record as far as the readers of the
    reviewed view need it: an object with a string id, a text and a list of entity objects."""
    return (isinstance(rec, dict) and isinstance(rec.get("id"), str) and isinstance(rec.get("text"), str)
            and isinstance(rec.get("entities"), list) and all(isinstance(e, dict) for e in rec["entities"]))


def check_articles(path: Any, records: list[Any]) -> None:
    """Raise `errors.NotArticleRecords` naming the lines of `path` that are no article record,
    else `errors.DuplicateArticleIds` for an id on several lines (`check_unique_ids`): what the
    review app, export and import read must be records they can name and place decisions on."""
    from .errors import NotArticleRecords
    from .io import BadLine, iter_jsonl

    if all(is_article_record(r) for r in records):
        return check_unique_ids(path, records)
    try:
        lines = [n for n, r in iter_jsonl(path) if not isinstance(r, BadLine) and not is_article_record(r)]
    except (OSError, ValueError):
        lines = []
    raise NotArticleRecords(path, lines or [i for i, r in enumerate(records, 1) if not is_article_record(r)])


def check_unique_ids(path: Any, records: list[dict]) -> None:
    """Raise `errors.DuplicateArticleIds` (naming the file, each id and its lines) when an id of
    `records`, read from `path`, names more than one of them: the review app, export, import and
    report would otherwise place every decision on one of them and silently leave the others."""
    from .errors import DuplicateArticleIds
    from .io import iter_jsonl

    if len({r.get("id") for r in records if isinstance(r, dict)}) == len(records):
        return
    dups = duplicate_ids(enumerate(records, 1))
    if not dups:
        return
    try:  # the lines, as an editor shows them (blank lines are not records)
        dups = duplicate_ids(iter_jsonl(path)) or dups
    except (OSError, ValueError):
        pass  # positions then
    raise DuplicateArticleIds(path, dups)
