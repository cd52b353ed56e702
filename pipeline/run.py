"""Batch orchestration of `presseschau run`: the driver. It discovers and reads the inputs,
keeps the incremental cache and writes the outputs; the per-article work (clean, annotate,
record: `process.process_batch`) is done by an executor (`execute/`: in this process or in
supervised workers).

Incremental: an article is processed only when its content hash, its meta hints (a JSONL
record's title, published, url ...: `ingest.hints_digest`) or the pipeline fingerprint
(package version, model, language data) changed since it was last processed into this
output folder. Finished records are committed to the cache one transaction per batch as
they arrive, so a killed run loses at most the batches in flight; `articles.jsonl` and `run.json` are replaced
atomically at the end. Review decisions are an overlay the caller hands in
(`RunOptions.review`, `review.apply.ReviewOverlay` from the CLI); the run never writes them.
"""
from __future__ import annotations

import errno
import functools
import json
import math
import os
import signal
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from . import __version__
from .errors import NO_ARTICLE, WORKER_LOST, ArticleError, CannotStart, ErrorKind, Interrupted, NoArticlesFound, OutputNotWritable, UnusableOptions
from .execute import make_executor
from .ingest import (JSONL_SUFFIXES, MAX_BYTES, PDF_SUFFIXES, IngestError, Unchanged, doc_id_for, find_inputs, hints_digest, passed_over_notice,
                     pdf_article, pdf_article_number, previous_output_notice, read_path, suffix_of)
from .io import Cache, atomic_open, atomic_write_json, dumps, label_counts, remove_stale_temps, shown, storage_failed, storage_locked
from .ledger import RunLedger
from .nlp import ModelInfo, load_nlp, model_info
from .process import Done, WorkSettings, read_cache_hints
from .schema import Article, FileRef, RawDoc

CACHE_NAME = ".presseschau/cache-v1.sqlite"  # bump when the table layout changes
LEDGER_NAME = ".presseschau/run-ledger.sqlite"  # this run's article list (ledger.py): scratch, removed at the end
PARQUET_ROWS = 5000  # articles per Parquet part where --parquet-rows is not given


@dataclass
class RunOptions:
    paths: list[Path]
    out: Path = Path("outputs")
    model: Optional[str] = None
    n_process: int = 1
    batch_size: int = 32
    # seconds a worker (--n-process 2+) may take for one batch before it is killed as hung and
    # the batch retried once, or a Dask task (--cluster) before it is given up; with -n 1, --pdf-articles
    # and a --cluster without --shared-fs, each file's extraction; None: scaled by the batch's text
    # (execute/local.py batch_timeout_for)
    batch_timeout: Optional[float] = None
    max_bytes: int = MAX_BYTES
    allow_non_german: bool = False
    force: bool = False
    # the review log as an overlay on the records written (review.apply.ReviewOverlay: the
    # caller composes it, the run does not read review decisions itself); None: the
    # pipeline's own output
    review: Optional[Any] = None
    progress: Optional[bool] = None  # None: only on an interactive terminal outside CI
    cluster: Optional[str] = None  # Dask: "local:N" or "tcp://HOST:PORT" (execute/dask.py); None: this machine
    formats: tuple[str, ...] = ("jsonl",)  # "jsonl" (articles.jsonl) and/or "parquet" (interop/parquet.py)
    parquet_rows: Optional[int] = None  # articles per Parquet part; None: PARQUET_ROWS (given without --format parquet: a notice)
    shared_fs: bool = False  # --cluster: workers read the article files themselves (execute/dask.py FileRef)
    pdf_articles: bool = False  # --pdf-articles: a PDF is split into its articles at its headlines (ingest._pdf_articles)


@dataclass
class RunStats:
    articles: int = 0
    processed: int = 0
    cached: int = 0
    words: int = 0
    labels: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)
    timings: Counter = field(default_factory=Counter)
    redone: Counter = field(default_factory=Counter)  # cached articles processed again, by why (run._cached)


def output_names(formats: Iterable[str]) -> list[str]:
    """The files a run writes beside run.json, the first one its main output."""
    formats = tuple(formats)
    return (["articles.jsonl"] if "jsonl" in formats else []) + (["articles.parquet", "entities.parquet"] if "parquet" in formats else [])


#: the options of a whole number with a least value: below it, `UnusableOptions` naming the option and the value given
#: (typer's own range check printed a box of several lines without the value)
_AT_LEAST = (("--n-process", "n_process", 1), ("--batch-size", "batch_size", 1), ("--max-bytes", "max_bytes", 1),
             ("--parquet-rows", "parquet_rows", 1))


def check_options(opts: RunOptions) -> list[str]:
    """Options that no run can honour (an empty --model too, a number out of its range) raise `UnusableOptions` (one line
    naming them, exit 2); returns the notices for options that do nothing in this run (they were dropped without a
    word): `--batch-timeout` with one process (it times the extraction only), `--shared-fs` without `--cluster`, `--parquet-rows` without Parquet output."""
    for option, name, least in _AT_LEAST:
        value = getattr(opts, name)
        if value is not None and value < least:
            raise UnusableOptions(f"{option} {value}: give a whole number of {least} or more")
    if opts.model is not None and not opts.model.strip():
        # `--model "$MODEL"` with the variable unset: not the default model without a word
        raise UnusableOptions(f"--model {opts.model!r}: give a model name or path (or leave --model out for the default)")
    if opts.cluster is not None and not opts.cluster.strip():
        # `--cluster "$SCHEDULER"` with the variable unset: not this machine without a word
        from .execute.dask import parse_cluster

        parse_cluster(opts.cluster)  # its one line: what --cluster takes
    timeout = f"{opts.batch_timeout:g}" if opts.batch_timeout is not None else None
    if opts.batch_timeout is not None and not math.isfinite(opts.batch_timeout):
        raise UnusableOptions(f"--batch-timeout {timeout}: give a number of seconds (a large one where no batch should be timed out)")
    if opts.batch_timeout is not None and opts.batch_timeout < 1:
        raise UnusableOptions(f"--batch-timeout {timeout}: give a number of seconds of 1 or more")
    notices = []
    if opts.parquet_rows is not None and "parquet" not in opts.formats:
        notices.append(f"--parquet-rows {opts.parquet_rows} is not applied: the run writes no Parquet output (--format parquet)")
    if opts.cluster:
        if opts.n_process > 1:
            raise UnusableOptions(f"--cluster {opts.cluster} and --n-process {opts.n_process} exclude each other: with --cluster "
                                  "the cluster's workers do the work (local:N starts N worker processes here); give one of them")
        return notices
    if timeout is not None and opts.n_process <= 1:
        notices.append(f"--batch-timeout {timeout} is applied only to extracting each PDF, web page and Word file: with --n-process 1 "
                       "the run's own process does the rest of the work, and it is not timed (the limit is for the workers of -n 2 or more)")
    if opts.shared_fs:
        notices.append("--shared-fs is not applied without --cluster: the workers on this machine read the files themselves")
    return notices


def check_inputs(paths: list[Path]) -> None:
    """Every named input exists (a link counts even when it dangles: that is the input's own
    error later). Checked before the output folder is touched, so a mistyped path never
    rewrites an existing output with nothing (issue 15)."""
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise CannotStart(f"no such file or folder: {', '.join(missing)}; nothing was written")


def check_output(out: Path) -> None:
    """What stops a run at its output folder, found before anything is loaded or written (the CLI
    checks it before the model's line, so exit 2 is its one line): an --out that is a file, one
    that cannot be made (a path under a file, /proc/x: probed in the nearest folder that exists,
    with a folder made and removed there), and one in use by another run (its lock probed)."""
    import tempfile

    if out.exists() and not out.is_dir():
        raise CannotStart(f"--out {out} is a file, not a folder")
    if not out.exists():
        parent = next((p for p in Path(os.path.abspath(out)).parents if os.path.lexists(p)), None)
        try:
            if parent is None or not parent.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(parent))
            os.rmdir(tempfile.mkdtemp(prefix=".presseschau-write-test-", dir=parent))
        except OSError as e:
            raise CannotStart(f"cannot write to the output folder {out}: {e.strerror or e}") from None
    elif (out / ".presseschau" / "lock").is_file():
        import fcntl

        try:
            fh = open(out / ".presseschau" / "lock", encoding="utf-8")
        except OSError:
            return  # prepare_output / lock_output name what is wrong
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)  # taken and let go at once: the run takes it for good
            except BlockingIOError:
                raise CannotStart(_in_use(out, fh.read().strip())) from None
            except OSError:
                return  # no file locks there (ENOLCK): lock_output names it


def _in_use(out: Path, holder: str) -> str:
    return f"{out} is in use by another presseschau run (pid {holder or 'another process'}); wait for it or use another --out"


def prepare_output(out: Path) -> None:
    check_output(out)
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "a+", encoding="utf-8")
    except OSError as e:
        raise CannotStart(f"cannot write to {path.parent} ({e.strerror or e}); is the output folder writable?") from None
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # once more, a moment later: another run's CLI may be probing it (`check_output`'s shared lock)
            time.sleep(0.2)
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip()
        fh.close()
        raise CannotStart(_in_use(out, holder)) from None
    except OSError as e:  # a file system without advisory locks (NFS without its lock daemon: ENOLCK; some FUSE mounts)
        fh.close()
        raise CannotStart(f"cannot lock {path} ({e.strerror or e}): the output folder's file system does not support file locks, "
                          "which keep two runs from writing one folder; give an --out on a local disk") from None
    fh.seek(0)
    fh.truncate()
    fh.write(str(os.getpid()))
    fh.flush()
    return fh


def _remove_stale_temps(out: Path) -> None:
    """What a run killed mid-write (`kill -9`) left in the folder: the half-written temporary
    copies of articles.jsonl / run.json and of the Parquet folders. The previous outputs were
    never touched (they are replaced by renames); the temporary ones would stay for good."""
    from .interop.parquet import remove_stale_temps as remove_parquet_temps

    for name in ("articles.jsonl", "run.json"):
        remove_stale_temps(out / name)
    remove_parquet_temps(out)


def _inside(folder: Path, parent: Path) -> bool:
    """Whether `folder` is `parent` or under it (links resolved)."""
    try:
        Path(folder).resolve().relative_to(Path(parent).resolve())
        return True
    except (ValueError, OSError):
        return False


def _show_progress(flag: Optional[bool]) -> bool:
    if flag is not None:
        return flag
    return sys.stderr.isatty() and not os.environ.get("CI")


def run(
    opts: RunOptions,
    nlp_and_info: Optional[tuple[Any, ModelInfo]] = None,
    on_error: Callable[[dict], None] = lambda e: None,
    on_notice: Callable[[str], None] = lambda m: None,
    on_start: Callable[[], None] = lambda: None,
) -> dict[str, Any]:
    """Process the inputs into `opts.out`; returns the run summary that is written as run.json.
    `nlp_and_info`: a pipeline loaded by the caller (`load_nlp`); without it the model is
    described from its files (`model_info`) and loaded only when the first batch needs it, so
    that a re-run of an unchanged corpus never loads it. `on_error` hears every per-article
    error, `on_notice` what else the user should know; `on_start` is called once the run can go on
    (its output folder taken, its first article read, or its empty output to be written: the CLI says the model
    there, so that what stops the run before, `CannotStart` and `NoArticlesFound`, is the one line of exit 2)."""
    t_start = time.perf_counter()
    stats = RunStats()
    if nlp_and_info is not None:
        loaded, info = nlp_and_info
        get_nlp: Callable[[], Any] = lambda: loaded
    else:
        info = model_info(opts.model)
        get_nlp = functools.cache(lambda: _load_model(opts.model, info, stats))

    unused = check_options(opts)
    check_inputs(opts.paths)
    prepare_output(opts.out)
    lock = lock_output(opts.out)
    _remove_stale_temps(opts.out)
    notices: list[str] = []

    def notice(message: str) -> None:
        notices.append(message)
        on_notice(message)

    for message in unused:
        notice(message)

    try:
        cache = Cache(opts.out / CACHE_NAME, on_warning=notice)  # a corrupt cache: rebuilt, with a notice
    except BaseException:
        lock.close()
        raise
    try:
        # what the run knows per article (files found, ids read, their order, failures) is kept on disk, not
        # in this process: its memory stays flat at any corpus size (issue 19)
        ledger = RunLedger(opts.out / LEDGER_NAME)
    except BaseException:
        cache.close()
        lock.close()
        raise
    if opts.review is not None and not opts.review.log.is_file():
        # a mistyped --annotations must not drop the reviews without a word (issue 15)
        notice(f"no review log at {opts.review.log}: articles.jsonl is the pipeline's own output, without review decisions (--no-reviews says so on purpose)")

    settings = WorkSettings(
        fingerprint=info.fingerprint,
        pipeline_info={"version": __version__, "fingerprint": info.fingerprint, "model": {"name": info.name, "version": info.version}},
        allow_non_german=opts.allow_non_german, batch_size=opts.batch_size,
    )
    executor = make_executor(get_nlp, settings, opts.n_process, on_notice=notice, cluster=opts.cluster, model=(info.name, info.path),
                             shared_fs=opts.shared_fs, max_bytes=opts.max_bytes, batch_timeout=opts.batch_timeout)
    # a PDF, Word file or web page the driver extracts itself (--pdf-articles, --cluster without --shared-fs), under the time limit
    from .execute.local import extract_bounded

    bounded = functools.partial(extract_bounded, batch_timeout=opts.batch_timeout, on_notice=notice)
    held = _HeldSignals()
    try:
        with _writing(opts.out, "the cache", stats):
            cache.db.execute(LAST_RUN_TABLE)
        found = Counter()

        def add_file(resolved: Path, f: Path, root: Path) -> None:
            if ledger.add_file(resolved, f, root):
                found["files"] += 1
                found["jsonl"] += suffix_of(f) in JSONL_SUFFIXES

        passed_over: Counter = Counter()
        previous_outputs: list[Path] = []
        in_output: list[Path] = []
        for err in find_inputs(opts.paths, add_file, passed_over, skip=opts.out, previous_outputs=previous_outputs, in_output=in_output):
            _error(stats, err.to_dict(), on_error)
        for f in previous_outputs:
            notice(previous_output_notice(f))
        if any(_inside(opts.out, p) for p in opts.paths if Path(p).is_dir()):
            unread = ""
            if in_output:  # `run in -o in/sub` with articles in in/sub: they were left out, the notice spoke only of the output
                named = ", ".join(shown(f) for f in in_output[:3]) + (f" and {len(in_output) - 3} more" if len(in_output) > 3 else "")
                unread = (f"; nor {'is' if len(in_output) == 1 else 'are'} the {len(in_output)} input file{'s' * (len(in_output) != 1)} "
                          f"in it ({named}): move {'it' if len(in_output) == 1 else 'them'} out of the output folder, or name "
                          f"{'it' if len(in_output) == 1 else 'them'} on the command line")
            notice(f"the output folder {shown(opts.out)} is in an input folder: the run's output there is not read as input{unread}")
        if passed_over:
            notice(passed_over_notice(passed_over))
        if not found["files"]:  # no input file at all (an empty folder): a previous run's articles stop it here
            _keep_previous(opts, cache, len(stats.errors))
        # the model's line once the run has an article (read, or cached), or writes its (empty) output: inputs that give
        # none over a previous run's output stop it (`NoArticlesFound`) with their warnings and one line, no model named
        start = _Once(on_start)
        known_total = None if found["jsonl"] else found["files"]
        bar = _progress_bar(_show_progress(opts.progress), total=known_total)
        files: Iterable[tuple[Path, Path]] = ledger.files()
        while True:
            _process(executor, _batches(files, opts, cache, ledger, info.fingerprint, stats, bar, lambda e: _error(stats, e, on_error), bounded, start),
                     opts, cache, ledger, info.fingerprint, stats, bar, on_error, start)
            # a file whose extraction gave no article leaves its id to the id's next file, read now (and so on)
            files, duplicates = ledger.settle()
            for path, doc_id, where in duplicates:
                _error(stats, _duplicate(path, doc_id, where), on_error)
            if not files:
                break
        if bar is not None:
            bar.close()
        if stats.redone["meta"]:
            notice(f"{stats.redone['meta']} article(s) processed again: same text, but their metadata in the input "
                   "(title, published, url ...) changed since they were cached")
        if stats.redone["pipeline"]:
            notice(f"{stats.redone['pipeline']} article(s) processed again: the pipeline (Presseschau's code, model or "
                   f"language data; fingerprint {info.fingerprint}) changed since they were cached")

        t = time.perf_counter()
        articles_out = output_names(opts.formats)[0]
        if ledger.count_kept() == 0:
            _no_articles(opts, cache, len(stats.errors), notice)
        start()
        with _writing(opts.out, articles_out, stats):
            if opts.review is not None:
                opts.review.start(ledger.is_kept, _sharing(cache, ledger))
            # once every line is written, a signal lets the run finish (the articles output put in place, the
            # workers closed, about a second, and run.json), so that run.json is of the same run as articles.jsonl
            flagged, reviewed = _write_articles(opts, cache, ledger.kept(), stats, committing=held.start)
        n_articles = ledger.count_kept()
        with _writing(opts.out, "the cache", stats, written=articles_out):
            deleted = _replace_last_run(cache, ledger)
        stats.timings["write"] += time.perf_counter() - t
    except Interrupted as e:
        e.kept = stats.processed
        raise
    except BaseException:
        held.stop()
        raise
    finally:
        executor.close()
        ledger.close()
        cache.close()
        lock.close()

    for signum in held.got[:1]:
        notice(f"{'Ctrl+C' if signum == signal.SIGINT else signal.Signals(signum).name} came after {articles_out} was written: "
               "the run finished, and run.json is of the same run")
    stale = [name for name in output_names(("jsonl", "parquet")) if name not in output_names(opts.formats) and (opts.out / name).exists()]
    if stale:
        # `--format parquet` into a folder of a jsonl run (or the other way): review, export and report would read
        # the previous run's articles.jsonl as this run's, pandas the previous articles.parquet/, without a word
        notice(f"{' and '.join(shown(opts.out / name) for name in stale)} {'are' if len(stale) > 1 else 'is'} a previous run's "
               f"output, not this run's (--format {' --format '.join(opts.formats)}): left as it was, it no longer matches the "
               f"inputs; remove it, or give --format {'jsonl' if 'jsonl' not in opts.formats else 'parquet'} too")
    try:
        return _finish(opts, info, stats, t_start, notices, n_articles, deleted, flagged, reviewed)
    finally:
        held.stop()


def _finish(opts: RunOptions, info: ModelInfo, stats: RunStats, t_start: float, notices: list[str], n_articles: int,
            deleted: list[str], flagged: list[dict], reviewed: int) -> dict[str, Any]:
    """The run summary, written as run.json."""
    articles_out = output_names(opts.formats)[0]
    stats.timings["total"] = time.perf_counter() - t_start
    summary = {
        "pipeline": {"version": __version__, "fingerprint": info.fingerprint},
        "model": info.to_dict(),
        "inputs": [str(p) for p in opts.paths],
        "output": str(opts.out / output_names(opts.formats)[0]),
        "outputs": [str(opts.out / name) for name in output_names(opts.formats)],
        "counts": {
            "articles": n_articles,
            "processed": stats.processed,
            "cached": stats.cached,
            "failed": len(stats.errors),
            "deleted": len(deleted),
            "words": stats.words,
            "entities": sum(stats.labels.values()),
            "labels": dict(sorted(stats.labels.items())),
        },
        "errors": stats.errors,
        "notices": notices,
        "deleted": deleted,
        "reviews": {"decisions": str(opts.review.log) if opts.review else None, "articles_reviewed": reviewed},
        "flagged_decisions": flagged,
        "timings": {k: round(v, 3) for k, v in stats.timings.items()},
        "resources": _resource_use(),
        "options": {"n_process": opts.n_process, "batch_size": opts.batch_size, "batch_timeout": opts.batch_timeout, "force": opts.force, "cluster": opts.cluster, "shared_fs": opts.shared_fs, "formats": list(opts.formats),
                    # what the output depends on besides the inputs: a run of the same inputs is redone with these
                    "allow_non_german": opts.allow_non_german, "max_bytes": opts.max_bytes, "pdf_articles": opts.pdf_articles,
                    "parquet_rows": opts.parquet_rows},
    }
    with _writing(opts.out, "run.json", stats, written=articles_out):
        atomic_write_json(opts.out / "run.json", summary)
    return summary


@contextmanager
def _writing(out: Path, what: str, stats: RunStats, written: Optional[str] = None) -> Iterator[None]:
    """An output folder that cannot be written any more during the run (made read-only, full,
    removed) ends the run with one line and exit 2 (`OutputNotWritable`), as one that is
    unwritable at the start, instead of a traceback. The message says what stays: the records
    committed to the cache, and the previous articles.jsonl and run.json (replaced atomically),
    or the new articles output when only what comes after it failed (`written`: its name)."""
    try:
        yield
    except Exception as e:
        if not storage_failed(e):
            raise
        reason = getattr(e, "strerror", None) or str(e)
        # locked by another program (an sqlite3 shell, a database browser): free space or permissions would not help
        remedy = "close the program that holds the cache open" if storage_locked(e) else "make the folder writable (or free space)"
        kept = _what_stays(out, written)
        raise OutputNotWritable(
            f"cannot write {what} in the output folder {out} any more ({reason}); {kept}, and the "
            f"{stats.processed} articles processed in this run are kept in its cache: {remedy} and re-run to go on"
        ) from None


def _what_stays(out: Path, written: Optional[str]) -> str:
    """What the output folder holds after a failed write, by what is there (a fresh folder has no previous output)."""
    previous_json = (out / "run.json").is_file()
    if written:
        return f"{written} was written; " + ("run.json is the previous one" if previous_json else "run.json was not")
    previous = [name for name in (*output_names(("jsonl", "parquet")), "run.json") if (out / name).exists()]
    if not previous:
        return "the folder held no previous output"
    return f"the previous {' and '.join(previous) if len(previous) < 3 else ', '.join(previous[:-1]) + ' and ' + previous[-1]} {'are' if len(previous) > 1 else 'is'} unchanged"


def _load_model(model: Optional[str], info: ModelInfo, stats: RunStats):
    """The pipeline, loaded when the first batch needs it; its fingerprint must still be the
    one the run started with (the records and the cache carry it)."""
    t = time.perf_counter()
    nlp, loaded = load_nlp(model)
    stats.timings["load_model"] += time.perf_counter() - t
    if loaded.fingerprint != info.fingerprint:
        raise CannotStart(f"the model at {loaded.path} changed while the run started (fingerprint {info.fingerprint} -> {loaded.fingerprint}); run again")
    return nlp


def _process(executor, batches: Iterator[list[Article]], opts: RunOptions, cache: Cache, ledger: RunLedger, fingerprint: str,
             stats: RunStats, bar, on_error: Callable[[dict], None], on_article: Callable[[], None] = lambda: None) -> None:
    """Send the batches to the executor and store what comes back: the records in the cache,
    the errors in the run's; a file that gave no article (`NO_ARTICLE`) frees its id (`RunLedger.resolve`)."""
    for result in executor.map(batches):
        stats.timings.update(result.timings)
        done = []
        for doc_id, outcome in result.outcomes:
            ledger.resolve(doc_id, isinstance(outcome, ArticleError) and outcome.kind in NO_ARTICLE)
            if isinstance(outcome, ArticleError):
                ledger.fail(doc_id)
                _error(stats, outcome.to_dict(), on_error)
            else:
                on_article()
                done.append(outcome)
        with _writing(opts.out, "the cache", stats):
            not_stored = _store(cache, done, fingerprint)
        for doc_id, err in not_stored:
            ledger.fail(doc_id)
            _error(stats, err.to_dict(), on_error)
        ledger.flush()
        stats.processed += len(done) - len(not_stored)
        if bar is not None:
            bar.update(len(result.outcomes))


def _batches(files, opts: RunOptions, cache: Cache, ledger: RunLedger, fingerprint: str, stats: RunStats, bar, error: Callable[[dict], None],
             bounded: Optional[Callable] = None, on_article: Callable[[], None] = lambda: None) -> Iterator[list[Article]]:
    """Read the inputs in order and group the articles that need work into batches of
    `opts.batch_size`; each article read is noted in the `ledger` (its id, in reading order).
    Unchanged articles (same content hash and pipeline fingerprint as in the cache) are only
    counted: nothing is sent for them. `bounded`: how a file the driver extracts itself is extracted
    (`ingest.read_path`: in a worker process, under the batch timeout); `on_article` is called for each article noted."""
    batch: list[Article] = []
    lookup = None if opts.force else cache.lookup
    stored = None if opts.force else (lambda doc_id, digest: (row := cache.lookup(doc_id)) is not None and row[:2] == (digest, fingerprint)
                                      and (opts.allow_non_german or not _language_of(row)) and _fits(row, opts.max_bytes))
    # PDFs and web pages are extracted where they are processed (`FileRef`): pdfminer and
    # trafilatura take 0.1 s a page, which the driver would do one after the other for all
    # workers (176 web pages with --n-process 2: 21 s of the driver's 30 s of CPU). Not for
    # a cluster whose workers do not see the files (no --shared-fs): they get the text.
    defer = not (opts.cluster and not opts.shared_fs)
    # --pdf-articles: a PDF's articles' ids are known only once it is extracted; the cache keeps how many an
    # unchanged PDF gave, so a re-run (or a resumed one) takes them from there when every one is stored
    known = None if stored is None else (lambda doc_id, digest: (n := cache.pdf_articles(doc_id, digest))
                                         and all(stored(pdf_article(doc_id, k), digest) for k in range(1, n + 1)) and n)
    for path, root, *only in files:
        # `only`: a held file read again (`RunLedger.settle`) for these ids; of a JSONL file or a --pdf-articles PDF
        # the other articles and the errors were read and reported when it was read first
        only = only[0] if only else None
        several = only is not None and (suffix_of(path) in JSONL_SUFFIXES or (opts.pdf_articles and suffix_of(path) in PDF_SUFFIXES))
        split = opts.pdf_articles and suffix_of(path) in PDF_SUFFIXES and only is None
        digest, articles = None, 0  # a --pdf-articles PDF extracted now: its hash, and how many articles it gave (`#aN`)
        for item in read_path(path, root, opts.max_bytes, functools.partial(ledger.first_line, str(path)), stored, defer, opts.pdf_articles, bounded,
                              known):
            if split and isinstance(item, (RawDoc, IngestError)) and (n := pdf_article_number(item.path)):
                articles = max(articles, n)
                digest = item.sha256 if isinstance(item, RawDoc) else digest
            if only is not None and (item.id not in only if not isinstance(item, IngestError) else several):
                continue
            if isinstance(item, IngestError):
                if item.kind in WORKER_LOST and not several and not (opts.pdf_articles and suffix_of(path) in PDF_SUFFIXES):
                    # a file the driver extracted in a worker (`bounded`) that timed out or whose worker died keeps
                    # its id, as one extracted where it is processed does (`_process`): a re-run may read it
                    if ledger.add(doc_id_for(path, root), item.path) is not False:
                        ledger.fail(doc_id_for(path, root))
                error(item.to_dict())
                continue
            added = ledger.add(item.id, item.path, isinstance(item, FileRef))
            if added is False:
                # ids are the path under the folder given, without the extension: a.txt and a.md, or
                # x.txt in two folders given, are one id; the message names the file that has it. An id is
                # the first file's that gives an article: while its article is not back (a FileRef extracted in
                # the worker, or any article sent: cleaning may leave it empty) a further file (JSONL record,
                # --pdf-articles article) of the id is held, read if that one gives none (`RunLedger.settle`)
                if ledger.is_pending(item.id):
                    ledger.hold(item.id, item.path, path, root)
                    continue
                error(_duplicate(item.path, item.id, ledger.path_of(item.id)))
                continue
            stats.articles += added is True
            if not isinstance(item, FileRef):  # a named file has an article once its worker extracted one (`_process`)
                on_article()
            if isinstance(item, Unchanged) or _cached(lookup, item, fingerprint, stats, opts.allow_non_german):
                stats.cached += 1
                ledger.resolve(item.id, False)  # its article is the cached one: the id's further files are duplicates
                with _writing(opts.out, "the cache", stats):
                    cache.set_path(item.id, item.path)  # where it is now (its folder moved since: the same id and hash)
                continue
            if not isinstance(item, FileRef):  # read at once, it too may give no article (`NO_ARTICLE`): pending until back
                ledger.sent(item.id)
            if opts.cluster and opts.shared_fs and isinstance(item, RawDoc) and suffix_of(path) not in JSONL_SUFFIXES and not item.meta.get("pdf_pages"):
                # --shared-fs: the worker reads the file itself, by the path the file system knows (`item.path` is
                # the name as shown: a name that is not UTF-8 has its bytes escaped there, "\\xe4", and is no file)
                item = FileRef(item.id, item.path, os.path.abspath(path), item.sha256, opts.max_bytes, len(item.text))
            batch.append(item)
            if len(batch) >= opts.batch_size:
                yield batch
                batch = []
        if digest is not None:
            with _writing(opts.out, "the cache", stats):
                cache.note_pdf_articles(doc_id_for(path, root), digest, articles)
    if batch:
        yield batch


class _Once:
    """`call` the first time this is called, never again."""

    def __init__(self, call: Callable[[], None]):
        self.call: Optional[Callable[[], None]] = call

    def __call__(self) -> None:
        call, self.call = self.call, None
        if call is not None:
            call()


def _duplicate(path: str, doc_id: str, where: str) -> dict:
    """The error of a file whose article id was read already, from `where`."""
    return ArticleError(path, ErrorKind.DUPLICATE_ID, f"{path}: article id {doc_id!r} was already read from {where or 'another input'}; "
                        "skipped (rename one of the files)").to_dict()


def _language_of(row: tuple) -> str:
    """The language a cached record was stored with where it is not German (`process.cache_hints`), else ''."""
    return read_cache_hints(row[2])[1]


def _fits(row: tuple, max_bytes: int) -> bool:
    """Whether a cached record's raw text is known to be within `--max-bytes` (`process.cache_hints`):
    a PDF's or Word file's limit is on its text, so its unchanged bytes alone do not say that a
    run with a lower limit would make it (an unknown size, a row of an earlier version: extracted again)."""
    size = read_cache_hints(row[2])[2]
    return size is not None and size <= max_bytes


def _cached(lookup, item: Article, fingerprint: str, stats: RunStats, allow_non_german: bool = False) -> bool:
    """Whether the cache holds `item`'s record as this run would make it: the same content hash,
    pipeline fingerprint and (a read article) meta hints, `ingest.hints_digest`: a JSONL
    record's hash is of its text alone, not of its title, published, url ... A `FileRef`
    (PDF, Word file, web page) is its bytes, and its text within `--max-bytes` (`_fits`). A record of a text that is not
    German (made with --allow-non-german) is not this run's without that option: processed
    again, it is the `not_german` error a run without the cache gives. Counts why a stored one is redone."""
    row = lookup(item.id) if lookup is not None else None
    if row is None or row[0] != item.sha256:
        return False
    if row[1] != fingerprint:
        stats.redone["pipeline"] += 1
        return False
    if _language_of(row) and not allow_non_german:
        return False
    if isinstance(item, FileRef) and not _fits(row, item.max_bytes):
        return False
    if isinstance(item, RawDoc) and read_cache_hints(row[2])[0] != hints_digest(item):
        stats.redone["meta"] += 1
        return False
    return True


def _store(cache: Cache, done: list[Done], fingerprint: str) -> list[tuple[str, ArticleError]]:
    """Commit one batch's records in one transaction. If that fails, they are stored one by
    one, so that only an article that cannot be stored (e.g. text the database cannot
    encode) fails, as its own error, and the rest of the batch is kept. A failure of the
    folder itself (read-only, full: `io.storage_failed`) is raised: it is no article's fault."""
    rows = [(d.id, d.sha256, fingerprint, d.line, d.words, d.labels, d.hints) for d in done]
    try:
        cache.put_lines(rows)
        return []
    except Exception as e:
        if storage_failed(e):  # the folder's problem (read-only, full): no record can be stored
            raise
    failed = []
    for d, row in zip(done, rows):
        try:
            cache.put_lines([row])
        except Exception as e:  # the article's error, never the run's end, unless the folder failed
            if storage_failed(e):
                raise
            path = d.path or d.id
            failed.append((d.id, ArticleError(path, ErrorKind.STORE_FAILED, f"{path}: its record could not be stored in the cache ({type(e).__name__}: {e}); not written")))
    return failed


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT (Ctrl+C) and SIGTERM raise `Interrupted` in the driver instead of killing it
    mid-way, so that the run stops its workers and closes the cache on its way out (what was
    committed stays; a re-run goes on from there). Further signals are ignored from then on:
    the clean-up is short, and a second Ctrl+C must not cut it with a traceback. For the CLI
    (a process that ends after the run); only in the main thread, where Python handles
    signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, signal.SIG_IGN)
        raise Interrupted(signum)

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    interrupted = False
    try:
        yield
    except Interrupted:
        interrupted = True  # the handlers stay ignoring: the process ends
        raise
    finally:
        if not interrupted:
            for s, handler in old.items():
                signal.signal(s, handler)


class _HeldSignals:
    """SIGINT and SIGTERM noted (`got`) instead of stopping the run, from `start` to `stop`: once
    the articles output is written, the run finishes (closing the workers, run.json) rather than
    leaving a new articles.jsonl beside the previous run.json. Only in the main thread, where
    Python handles signals."""

    def __init__(self) -> None:
        self.got: list[int] = []
        self.old: dict = {}

    def start(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.old = {s: signal.signal(s, self._note) for s in (signal.SIGINT, signal.SIGTERM)}

    def _note(self, signum, frame) -> None:
        self.got.append(signum)

    def stop(self) -> None:
        for s, handler in self.old.items():
            signal.signal(s, handler)
        self.old = {}


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


def _error(stats: RunStats, err: dict, on_error: Callable[[dict], None]) -> None:
    stats.errors.append(err)
    on_error(err)


def _sharing(cache: Cache, ledger: RunLedger) -> Callable[[str], list[dict]]:
    """For the review overlay: the records of this run with a source hash, in the run's order
    (the articles of one PDF read with `--pdf-articles` share the file's)."""
    def records(sha: str) -> list[dict]:
        with ledger.attached(cache.db, "shared") as kept:
            rows = cache.db.execute(f"SELECT r.record FROM records r JOIN {kept} k ON k.id = r.id WHERE r.sha256 = ? ORDER BY k.pos", (sha,)).fetchall()
        return [json.loads(row[0]) for row in rows]
    return records


def _write_articles(opts: RunOptions, cache: Cache, ids: Iterable[str], stats: RunStats,
                    committing: Callable[[], None] = lambda: None) -> tuple[list[dict], int]:
    """articles.jsonl (and/or the Parquet parts, `--format`) = this run's articles, with the
    review overlay applied (if any). Returns the decisions that no longer fit and the number
    of reviewed articles. `committing` is called when every line is written, before the files
    are put in place."""
    from contextlib import nullcontext

    from .interop.parquet import PartitionedWriter

    flagged: list[dict] = []
    reviewed = 0
    parquet_out = PartitionedWriter(opts.out, opts.parquet_rows or PARQUET_ROWS) if "parquet" in opts.formats else nullcontext()
    jsonl_out = atomic_open(opts.out / "articles.jsonl") if "jsonl" in opts.formats else nullcontext()
    with parquet_out as parquet, jsonl_out as fh:
        by_sha = opts.review is not None and opts.review.wants_sha  # decisions whose article id is not in the run
        for doc_id, line, words, labels in cache.iter_stored(ids):
            sha = (cache.stored(doc_id) or (None,))[0] if by_sha else None
            if opts.review is not None and opts.review.concerns(doc_id, sha):
                # only reviewed articles are parsed and re-serialised
                rec, flags = opts.review.apply(json.loads(line))
                flagged.extend(flags)
                reviewed += 1
                line, labels = dumps(rec), label_counts(rec)
            stats.words += words
            stats.labels.update(labels)
            if fh is not None:
                fh.write(line)
                fh.write("\n")
            if parquet is not None:
                parquet.add(line)
        committing()
    if opts.review is not None:
        flagged.extend(opts.review.unplaced())  # decisions of articles not in this run: named, not dropped
    return flagged, reviewed


def _no_articles(opts: RunOptions, cache: Cache, failed: int, notice: Callable[[str], None]) -> None:
    """The inputs gave no article: a previous run's articles in the output folder are not
    replaced by an empty output (`NoArticlesFound`, exit 2) unless `--force` says so; on a
    fresh folder the empty output is written, with a notice."""
    inputs, output, previous = _keep_previous(opts, cache, failed)
    notice(f"no article found in {inputs}" + (f": {output} no longer holds the previous run's {previous} article{'s' * (previous != 1)} (--force)" if previous else ""))


def _keep_previous(opts: RunOptions, cache: Cache, failed: int) -> tuple[str, str, int]:
    """`NoArticlesFound` where the output folder holds a previous run's articles and --force is not
    given; else the inputs and the output as named in the notice, and the previous run's count."""
    inputs = ", ".join(shown(p) for p in opts.paths)
    previous = cache.db.execute("SELECT COUNT(*) FROM last_run").fetchone()[0]
    jsonl = opts.out / "articles.jsonl"
    if not previous and jsonl.is_file():  # a cache rebuilt (or removed) beside a previous output
        with open(jsonl, "rb") as fh:
            previous = sum(1 for line in fh if line.strip())
    output = shown(opts.out / output_names(opts.formats)[0])
    if previous and not opts.force:
        raise NoArticlesFound(inputs, output, previous, failed)
    return inputs, output, previous


LAST_RUN_TABLE = "CREATE TABLE IF NOT EXISTS last_run (pos INTEGER PRIMARY KEY, id TEXT NOT NULL)"


def _replace_last_run(cache: Cache, ledger: RunLedger) -> list[str]:
    """The articles of the previous run that are not in this one's output (gone, or failed
    now), sorted; then this run's articles become the last run's. In SQL, with the ledger
    attached to the cache, rather than id by id in Python (100,000 look-ups: seconds)."""
    with ledger.attached(cache.db, "run") as kept:
        # SQLite's BINARY order of UTF-8 text is Python's str order (ids have no lone surrogates: io.shown)
        deleted = [r[0] for r in cache.db.execute(
            f"SELECT id FROM last_run l WHERE NOT EXISTS (SELECT 1 FROM {kept} k WHERE k.id = l.id) ORDER BY id")]
        with cache.db:
            cache.db.execute("DELETE FROM last_run")
            cache.db.execute(f"INSERT INTO last_run (pos, id) SELECT pos, id FROM {kept} ORDER BY pos")
    return deleted


def _progress_bar(show: bool, total: Optional[int]):
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="art", desc="presseschau", dynamic_ncols=True)
