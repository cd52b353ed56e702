"""Batch orchestration of `presseschau run`: ingest -> clean -> annotate -> record -> store.

Incremental: an article is processed only when its content hash or the pipeline fingerprint
(package version, model, language data) changed since it was last processed into this
output folder. Finished records are committed to the cache in small transactions, so a
killed run loses at most the batch in flight; `articles.jsonl` and `run.json` are replaced
atomically at the end. Review decisions are an overlay the caller hands in
(`RunOptions.review`, `review.apply.ReviewOverlay` from the CLI); the run never writes them.
"""
from __future__ import annotations

import gc
import itertools
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from . import __version__
from .clean import clean
from .clean import load_resources as load_cleaning_resources
from .clean.meta import iso_date
from .errors import ArticleError, CannotStart, ErrorKind
from .ingest import MAX_BYTES, IngestError, detect_language, discover, load_detector, read_path
from .io import Cache, atomic_open, atomic_write_json, dumps, label_counts
from .nlp import ModelInfo, annotate, doc_to_entities, load_nlp
from .record import build_record
from .schema import RawDoc

CACHE_NAME = ".presseschau/cache-v1.sqlite"  # bump when the table layout changes
COMMIT_EVERY = 64


@dataclass
class RunOptions:
    paths: list[Path]
    out: Path = Path("outputs")
    model: Optional[str] = None
    n_process: int = 1
    batch_size: int = 32
    max_bytes: int = MAX_BYTES
    allow_non_german: bool = False
    force: bool = False
    # the review log as an overlay on the records written (review.apply.ReviewOverlay: the
    # caller composes it, the run does not read review decisions itself); None: the
    # pipeline's own output
    review: Optional[Any] = None
    chunk_size: int = 2000  # articles per nlp.pipe call: strings and workers are released between chunks
    progress: Optional[bool] = None  # None: only on an interactive terminal outside CI


@dataclass
class RunStats:
    articles: int = 0
    processed: int = 0
    cached: int = 0
    words: int = 0
    labels: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)
    timings: Counter = field(default_factory=Counter)


def check_inputs(paths: list[Path]) -> None:
    """Every named input exists (a link counts even when it dangles: that is the input's own
    error later). Checked before the output folder is touched, so a mistyped path never
    rewrites an existing output with nothing (issue 15)."""
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise CannotStart(f"no such file or folder: {', '.join(missing)}; nothing was written")


def prepare_output(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise CannotStart(f"--out {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".presseschau-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise CannotStart(f"cannot write to the output folder {out}: {e.strerror or e}") from None


def lock_output(out: Path):
    """One run per output folder: an advisory lock (fcntl.flock) on out/.presseschau/lock,
    held until the run ends (the OS releases it when the process dies). A second run stops at
    once, naming the holder."""
    import fcntl

    path = out / ".presseschau" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise CannotStart(f"{out} is in use by another presseschau run (pid {holder}); wait for it or use another --out") from None
    fh.seek(0)
    fh.truncate()
    fh.write(str(os.getpid()))
    fh.flush()
    return fh


def _show_progress(flag: Optional[bool]) -> bool:
    if flag is not None:
        return flag
    return sys.stderr.isatty() and not os.environ.get("CI")


def run(opts: RunOptions, nlp_and_info: Optional[tuple[Any, ModelInfo]] = None, on_error: Callable[[dict], None] = lambda e: None) -> dict[str, Any]:
    """Process the inputs into `opts.out`; returns the run summary that is written as run.json."""
    t_start = time.perf_counter()
    stats = RunStats()
    t = time.perf_counter()
    nlp, info = nlp_and_info or load_nlp(opts.model)
    stats.timings["load_model"] += time.perf_counter() - t

    check_inputs(opts.paths)
    prepare_output(opts.out)
    lock = lock_output(opts.out)
    cache = Cache(opts.out / CACHE_NAME)
    try:
        previous = set(_last_run_ids(cache))
        state = cache.state()
        files, discover_errors = discover(opts.paths)
        for err in discover_errors:
            _error(stats, err.to_dict(), on_error)
        seen: list[str] = []
        seen_set: set[str] = set()
        pending: dict[str, tuple[RawDoc, Any, Optional[str]]] = {}
        pipeline_info = {"version": __version__, "fingerprint": info.fingerprint, "model": {"name": info.name, "version": info.version}}

        def to_process() -> Iterator[tuple[str, dict]]:
            for path, root in files:
                t0 = time.perf_counter()
                for item in read_path(path, root, opts.max_bytes):
                    if isinstance(item, IngestError):
                        _error(stats, item.to_dict(), on_error)
                        continue
                    if item.id in seen_set:
                        _error(stats, ArticleError(item.path, ErrorKind.DUPLICATE_ID, f"{item.path}: article id {item.id!r} was already read from another input; skipped").to_dict(), on_error)
                        continue
                    seen_set.add(item.id)
                    stats.articles += 1
                    if not opts.force and state.get(item.id) == (item.sha256, info.fingerprint):
                        seen.append(item.id)
                        stats.cached += 1
                        continue
                    if "load_resources" not in stats.timings:
                        # first article to process: load the detector and the cleaning tables
                        # now (start-up, not per-article time; skipped when all are cached)
                        t1 = time.perf_counter()
                        load_detector()
                        load_cleaning_resources()
                        stats.timings["load_resources"] = time.perf_counter() - t1
                        t0 += stats.timings["load_resources"]
                    lang = detect_language(item.text)
                    if lang not in (None, "de") and not opts.allow_non_german:
                        _error(stats, ArticleError(item.path, ErrorKind.NOT_GERMAN, f"{item.path}: text looks {lang!r}, not German; skipped (use --allow-non-german to process it)").to_dict(), on_error)
                        continue
                    try:
                        cleaned = clean(item.text, item.meta.get("furniture"))
                    except Exception as e:  # a cleaner bug must not stop the batch
                        _error(stats, ArticleError(item.path, ErrorKind.CLEAN_FAILED, f"{item.path}: cleaning failed ({type(e).__name__}: {e})").to_dict(), on_error)
                        continue
                    seen.append(item.id)
                    pending[item.id] = (item, cleaned, lang)
                    stats.timings["ingest_clean"] += time.perf_counter() - t0
                    yield cleaned.text, {"id": item.id, "published": cleaned.meta.published or _hint_date(item)}
                    t0 = time.perf_counter()

        known_total = None if any(str(f).endswith((".jsonl", ".jsonl.gz", ".ndjson")) for f, _ in files) else len(files)
        bar = _progress_bar(_show_progress(opts.progress), total=known_total)
        buffer: list[tuple[str, str, str, dict]] = []
        t = time.perf_counter()
        def failed(doc_id: str, error: ArticleError) -> None:
            seen.remove(doc_id)
            _error(stats, error.to_dict(), on_error)
        cache.on_store_error = lambda doc_id, why: failed(doc_id, ArticleError(doc_id, ErrorKind.STORE_FAILED, f"{doc_id}: the record could not be stored ({why})"))

        for doc, ctx in _annotate_in_chunks(nlp, to_process(), pending, opts, failed):
            raw, cleaned, lang = pending.pop(ctx["id"])
            record = build_record(raw, cleaned, doc_to_entities(doc), lang=lang, pipeline_info=pipeline_info)
            buffer.append((raw.id, raw.sha256, info.fingerprint, record))
            stats.processed += 1
            if bar is not None:
                bar.update(1)  # cached articles are counted in bar.total only when known
            if len(buffer) >= COMMIT_EVERY:
                cache.put_many(buffer)
                buffer.clear()
        if buffer:
            cache.put_many(buffer)
        if bar is not None:
            bar.close()
        stats.timings["annotate"] += time.perf_counter() - t - stats.timings["ingest_clean"] - stats.timings.get("load_resources", 0.0)

        t = time.perf_counter()
        flagged, reviewed = _write_articles(opts, cache, seen, stats)
        _set_last_run_ids(cache, seen)
        stats.timings["write"] += time.perf_counter() - t
    finally:
        cache.close()
        lock.close()

    deleted = sorted(previous - set(seen))
    stats.timings["total"] = time.perf_counter() - t_start
    summary = {
        "pipeline": {"version": __version__, "fingerprint": info.fingerprint},
        "model": info.to_dict(),
        "inputs": [str(p) for p in opts.paths],
        "output": str(opts.out / "articles.jsonl"),
        "counts": {
            "articles": len(seen),
            "processed": stats.processed,
            "cached": stats.cached,
            "failed": len(stats.errors),
            "deleted": len(deleted),
            "words": stats.words,
            "entities": sum(stats.labels.values()),
            "labels": dict(sorted(stats.labels.items())),
        },
        "errors": stats.errors,
        "deleted": deleted,
        "reviews": {"decisions": str(opts.review.log) if opts.review else None, "articles_reviewed": reviewed},
        "flagged_decisions": flagged,
        "timings": {k: round(v, 3) for k, v in stats.timings.items()},
        "resources": _resource_use(),
        "options": {"n_process": opts.n_process, "batch_size": opts.batch_size, "force": opts.force},
    }
    atomic_write_json(opts.out / "run.json", summary)
    return summary


def _resource_use() -> dict[str, float]:
    """Peak resident memory (MB) and CPU time (user + system, s) of this process and of its
    finished workers: with --n-process N the main process's share shows how much serial work
    competes with the workers for the cores."""
    import resource

    self_, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "peak_rss_mb": round(self_.ru_maxrss / 1024, 1),  # Linux reports KiB
        "peak_rss_workers_mb": round(children.ru_maxrss / 1024, 1),
        "cpu_main_s": round(self_.ru_utime + self_.ru_stime, 1),
        "cpu_workers_s": round(children.ru_utime + children.ru_stime, 1),
    }


def _hint_date(raw: RawDoc) -> Optional[str]:
    v = raw.meta.get("published")
    return iso_date(v) if v else None


def _error(stats: RunStats, err: dict, on_error: Callable[[dict], None]) -> None:
    stats.errors.append(err)
    on_error(err)


def _annotate_in_chunks(nlp, items: Iterator[tuple[str, dict]], pending: dict, opts: RunOptions, fail: Callable[[str, ArticleError], None]):
    """Annotate in chunks of `opts.chunk_size` articles, each inside `nlp.memory_zone()`, so
    that memory stays flat on long runs: the strings a chunk added to the vocab are freed and,
    with n_process > 1, each chunk gets fresh worker processes. Every Doc is turned into a
    plain record by the caller before the next one is yielded, i.e. inside its zone."""
    items = iter(items)
    frozen = False
    try:
        while True:
            try:
                first = next(items)  # the first article loads the detector and cleaning tables
            except StopIteration:
                return
            if opts.n_process > 1 and not frozen:
                # Forked workers inherit the model and the tables loaded so far. In the GC's
                # permanent generation, the workers' collections never write to those objects,
                # so their pages stay shared instead of being copied (Python docs, gc.freeze).
                gc.freeze()
                frozen = True
            chunk = itertools.chain([first], itertools.islice(items, opts.chunk_size - 1))
            with nlp.memory_zone():
                yield from _annotate_safely(nlp, chunk, pending, opts.n_process, opts.batch_size, fail)
    finally:
        if frozen:
            gc.unfreeze()


def _annotate_safely(nlp, items: Iterator[tuple[str, dict]], pending: dict, n_process: int, batch_size: int, fail: Callable[[str, ArticleError], None]):
    """nlp.pipe over `items`; if a batch raises, its articles are retried one by one so that
    only the article that breaks a component fails, and the stream goes on with the rest.
    (spaCy's own `set_error_handler` is not available on every compiled component.)"""
    while True:
        try:
            yield from annotate(nlp, items, n_process=n_process, batch_size=batch_size)
            return
        except Exception:
            for doc_id in list(pending):
                raw, cleaned, _ = pending[doc_id]
                try:
                    yield from annotate(nlp, iter([(cleaned.text, {"id": doc_id, "published": cleaned.meta.published or _hint_date(raw)})]))
                except Exception as e:
                    pending.pop(doc_id)
                    fail(doc_id, ArticleError(raw.path, ErrorKind.ANNOTATE_FAILED, f"{raw.path}: annotation failed ({type(e).__name__}: {e})"))


def _write_articles(opts: RunOptions, cache: Cache, ids: list[str], stats: RunStats) -> tuple[list[dict], int]:
    """articles.jsonl = this run's articles, with the review overlay applied (if any).
    Returns the decisions that no longer fit and the number of reviewed articles."""
    flagged: list[dict] = []
    reviewed = 0
    with atomic_open(opts.out / "articles.jsonl") as fh:
        for doc_id, line, words, labels in cache.iter_stored(ids):
            if opts.review is not None and opts.review.concerns(doc_id):
                # only reviewed articles are parsed and re-serialised
                rec, flags = opts.review.apply(json.loads(line))
                flagged.extend(flags)
                reviewed += 1
                line, labels = dumps(rec), label_counts(rec)
            stats.words += words
            stats.labels.update(labels)
            fh.write(line)
            fh.write("\n")
    return flagged, reviewed


def _last_run_ids(cache: Cache) -> list[str]:
    cache.db.execute("CREATE TABLE IF NOT EXISTS last_run (pos INTEGER PRIMARY KEY, id TEXT NOT NULL)")
    return [r[0] for r in cache.db.execute("SELECT id FROM last_run ORDER BY pos")]


def _set_last_run_ids(cache: Cache, ids: list[str]) -> None:
    with cache.db:
        cache.db.execute("DELETE FROM last_run")
        cache.db.executemany("INSERT INTO last_run (pos, id) VALUES (?, ?)", enumerate(ids))


def _progress_bar(show: bool, total: Optional[int]):
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="art", desc="presseschau", dynamic_ncols=True)
