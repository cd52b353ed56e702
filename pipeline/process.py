"""The per-article work of a run: language check, cleaning, annotation, record building.

`process_batch` turns one batch of articles (`RawDoc`s, and `FileRef`s: PDFs and web pages it
extracts itself) into one outcome per article: a `Done` (the
record as a JSON line, ready for the cache) or an `ArticleError`. It runs wherever the work
is done: in the run's own process, in its worker processes (`--n-process`) or on Dask
workers (`--cluster`); see `pipeline/execute/`. The driver (`run.py`) keeps what must be
done once: discovery, decoding of text files, the incremental cache, `articles.jsonl` and
`run.json`.

Nothing an article does can take the batch down: a cleaner or component bug becomes that
article's error, and the others of the batch are annotated one by one.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Union

from .clean import clean_input
from .clean import load_resources as load_cleaning_resources
from .errors import ArticleError, ErrorKind
from .ingest import detect_language, hints_digest, load_detector, read_ref
from .io import dumps, label_counts
from .nlp import annotate, doc_to_entities
from .nlp.figures import load_lemma_resources
from .record import build_record, published_of
from .schema import Article, CleanDoc, FileRef, RawDoc


@dataclass(frozen=True)
class WorkSettings:
    """What a worker needs besides the model: the same for every batch of a run."""

    fingerprint: str
    pipeline_info: dict[str, Any]
    allow_non_german: bool = False
    batch_size: int = 32


@dataclass
class Done:
    """One processed article, as the cache stores it."""

    id: str
    sha256: str
    line: str  # the record, serialised once (io.dumps), where the work was done
    words: int
    labels: dict[str, int]
    path: str = ""  # where it was read (for an error while storing it)
    hints: Optional[str] = None  # digest of the input's meta hints (ingest.hints_digest), kept in the cache


Outcome = Union[Done, ArticleError]


@dataclass
class BatchResult:
    """The outcomes of one batch, in the batch's order, with the time spent per step."""

    outcomes: list[tuple[str, Outcome]]  # (article id, outcome)
    timings: dict[str, float] = field(default_factory=dict)


def load_resources() -> None:
    """Load the language detector, the cleaning tables and the figures' lemma table (once per process;
    before forking workers, so that they share the pages)."""
    load_detector()
    load_cleaning_resources()
    load_lemma_resources()


def process_batch(nlp, batch: list[Article], settings: WorkSettings) -> BatchResult:
    timings: Counter = Counter()
    outcomes: dict[str, Outcome] = {}
    ready: dict[str, tuple[RawDoc, CleanDoc, Optional[str]]] = {}
    t = time.perf_counter()
    load_resources()
    timings["load_resources"] += time.perf_counter() - t
    t = time.perf_counter()
    raws = []
    for item in batch:
        got = read_ref(item) if isinstance(item, FileRef) else item
        if isinstance(got, ArticleError):
            outcomes[item.id] = got
        else:
            raws.append(got)
    timings["extract"] += time.perf_counter() - t
    t = time.perf_counter()
    for raw in raws:
        prepared = _prepare(raw, settings)
        if isinstance(prepared, ArticleError):
            outcomes[raw.id] = prepared
        else:
            ready[raw.id] = (raw, *prepared)
    timings["clean"] += time.perf_counter() - t
    t = time.perf_counter()
    with nlp.memory_zone():  # the strings this batch added to the vocab are freed after it
        for doc_id, result in _annotate_safely(nlp, ready, settings.batch_size):
            if isinstance(result, ArticleError):
                outcomes[doc_id] = result
                continue
            raw, cleaned, lang = ready[doc_id]
            try:
                record = build_record(raw, cleaned, doc_to_entities(result), lang=lang, pipeline_info=settings.pipeline_info)
                outcomes[doc_id] = Done(raw.id, raw.sha256, dumps(record), len(record["text"].split()), label_counts(record), raw.path, cache_hints(raw, lang))
            except Exception as e:  # a bug (or MemoryError) on one article's record: its error, not the batch's (nor, in -n 1, the run's) end
                outcomes[doc_id] = ArticleError(raw.path, ErrorKind.ANNOTATE_FAILED, f"{raw.path}: building its record failed ({type(e).__name__}: {e})")
    timings["annotate"] += time.perf_counter() - t
    return BatchResult([(item.id, outcomes[item.id]) for item in batch], dict(timings))


def cache_hints(raw: RawDoc, lang: Optional[str]) -> str:
    """What the cache keeps beside a record besides its hash (`Done.hints`), as
    `<digest>|<lang>|<bytes>` (`read_cache_hints`): the digest of the input's meta hints
    (`ingest.hints_digest`); the language where the text is not German (processed only with
    --allow-non-german: a run without it must not take that record from the cache,
    `run._cached`), else empty; and the UTF-8 size of the raw text, which `--max-bytes` limits:
    a PDF's or Word file's text is known only once extracted, and a re-run with a lower limit
    must not take its record from the cache by the file's bytes."""
    return f"{hints_digest(raw)}|{'' if lang in (None, 'de') else lang}|{len(raw.text.encode('utf-8'))}"


def read_cache_hints(hints: Optional[str]) -> tuple[str, str, Optional[int]]:
    """(meta hints digest, language where not German else '', raw text bytes or None) of a cache
    row's hints (`cache_hints`; a row of an earlier version has only the digest, or `digest|lang`)."""
    digest, _, rest = (hints or "").partition("|")
    lang, _, size = rest.partition("|")
    return digest, lang, int(size) if size.isdigit() else None


def failed_batch(raws: list[Article], kind: ErrorKind, why: str) -> BatchResult:
    """Every article of a batch that could not be processed at all (e.g. its worker died twice)."""
    return BatchResult([(r.id, ArticleError(r.path, kind, f"{r.path}: {why}")) for r in raws])


def _prepare(raw: RawDoc, settings: WorkSettings) -> Union[tuple[CleanDoc, Optional[str]], ArticleError]:
    return prepare(raw, settings.allow_non_german)


def prepare(raw: RawDoc, allow_non_german: bool = False, option: str = "--allow-non-german") -> Union[tuple[CleanDoc, Optional[str]], ArticleError]:
    """(clean text, language) of an article, or its error: `not_german` (unless
    `allow_non_german`; `option` is how the caller turns it on), `clean_failed`, `empty` (no
    text, or none left after cleaning). The run and the Python API check each article so."""
    if not raw.text.strip():  # ingest names an empty file or record itself; the API's process_text("") comes here
        return ArticleError(raw.path, ErrorKind.EMPTY, f"{raw.path}: no text (empty or only whitespace)")
    lang = detect_language(raw.text)
    if lang not in (None, "de") and not allow_non_german:
        return ArticleError(raw.path, ErrorKind.NOT_GERMAN, f"{raw.path}: text looks {lang!r}, not German; skipped (use {option} to process it)")
    try:
        cleaned = clean_input(raw.text, raw.meta)
    except Exception as e:  # a cleaner bug must not stop the batch
        return ArticleError(raw.path, ErrorKind.CLEAN_FAILED, f"{raw.path}: cleaning failed ({type(e).__name__}: {e})")
    if not cleaned.text.strip():  # only a photo credit, boilerplate, zero-width characters: no article
        kinds = ", ".join(sorted({r.kind for r in cleaned.removed})) or "whitespace"
        return ArticleError(raw.path, ErrorKind.EMPTY, f"{raw.path}: no text left after cleaning (all of its {len(raw.text):,} characters removed: {kinds})")
    return cleaned, lang


def article_context(raw: RawDoc, cleaned: CleanDoc) -> dict[str, Any]:
    """What the components read of an article besides its text: its id and publication date,
    the record's `meta.published` (`record.published_of`: a JSONL record's or the API caller's
    date in any spelling `iso_date` reads, else the cleaner's; the API uses it too)."""
    return {"id": raw.id, "published": published_of(cleaned.meta.published, raw.meta)}


def _annotate_safely(nlp, ready: dict[str, tuple[RawDoc, CleanDoc, Optional[str]]], batch_size: int) -> Iterator[tuple[str, Any]]:
    """(id, Doc or ArticleError) for every prepared article. If the batch raises, the
    articles not yet yielded are annotated one by one, so that only the article that breaks
    a component fails. (spaCy's own `set_error_handler` is not available on every compiled
    component.)"""
    todo = dict(ready)
    try:
        for doc, ctx in annotate(nlp, ((c.text, article_context(r, c)) for r, c, _ in todo.values()), batch_size=batch_size):
            todo.pop(ctx["id"])
            yield ctx["id"], doc
        return
    except Exception:
        pass
    for doc_id, (raw, cleaned, _) in list(todo.items()):
        try:
            for doc, _ctx in annotate(nlp, iter([(cleaned.text, article_context(raw, cleaned))])):
                yield doc_id, doc
        except Exception as e:
            yield doc_id, ArticleError(raw.path, ErrorKind.ANNOTATE_FAILED, f"{raw.path}: annotation failed ({type(e).__name__}: {e})")
