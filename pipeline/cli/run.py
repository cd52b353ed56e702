"""`presseschau run` (batch processing) and `presseschau validate` (check a run's output)."""
from __future__ import annotations

import functools
import signal
from pathlib import Path
from typing import List, NoReturn, Optional

import typer
from wasabi import msg

from ..ingest import MAX_BYTES, READ_SUFFIXES
from .app import Problems, annotations_folder, app, reading


def _stops_on_signals(command):
    """Ctrl+C and SIGTERM: the workers are stopped, the cache kept, one line, exit 130 / 143."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from ..errors import Interrupted
        from ..run import stop_on_signals

        try:
            with stop_on_signals():
                return command(*args, **kwargs)
        except Interrupted as e:
            name = "Ctrl+C" if e.signum == signal.SIGINT else signal.Signals(e.signum).name
            msg.fail(f"Stopped ({name}); {e.kept} articles done are kept, re-run to go on")
            raise typer.Exit(e.exit_code)

    return wrapper


@app.command()
@_stops_on_signals
def run(
    paths: Optional[List[str]] = typer.Argument(None, metavar="PATH", help=f"Files or folders (recursive): {', '.join(READ_SUFFIXES)}. Default: corpus/"),
    out: str = typer.Option("outputs", "--out", "-o", metavar="FOLDER", help="Output folder for articles.jsonl and run.json"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy model name or path (default: de_core_news_md if installed, else the bundled model)"),
    n_process: int = typer.Option(1, "--n-process", "-n", help="Worker processes (supervised: a worker that dies has its batch retried once)"),
    batch_size: int = typer.Option(32, "--batch-size", "-b", help="Articles per batch sent to a worker"),
    batch_timeout: Optional[float] = typer.Option(None, "--batch-timeout", help="Seconds a worker may take for one batch (-n 2 or more; --cluster: a Dask task, given up without a retry), or for one file's extraction (-n 1, --pdf-articles, --cluster without --shared-fs: PDFs, web pages, Word and OpenDocument files), before it is killed as hung and retried once (default: 120 s + 2 s per 1,000 characters)"),
    max_bytes: int = typer.Option(MAX_BYTES, "--max-bytes", help="Refuse an article (a file, or a JSONL record's text) larger than this many bytes (longer texts are annotated in parts; 5 MB measured in bench/bench_long_article.py)"),
    force: bool = typer.Option(False, "--force", help="Re-process every article, ignoring the cache (and let inputs that give no article replace a previous run's articles)"),
    allow_non_german: bool = typer.Option(False, "--allow-non-german", help="Process texts detected as not German"),
    annotations: Optional[Path] = typer.Option(None, "--annotations", help="Folder with review decisions to re-apply, or its decisions.jsonl (default: annotations/, when it holds a review log)"),
    no_reviews: bool = typer.Option(False, "--no-reviews", help="Write the pipeline's own output, without re-applying review decisions (to measure the pipeline); not with --annotations"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal, off in CI)"),
    formats: List[str] = typer.Option(["jsonl"], "--format", help="jsonl (articles.jsonl) and/or parquet (articles.parquet/ + entities.parquet/, one part per --parquet-rows articles); repeat for both"),
    parquet_rows: Optional[int] = typer.Option(None, "--parquet-rows", help="Articles per Parquet part file (default: 5000)"),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Run the work on Dask: local:N (N worker processes here) or tcp://HOST:PORT (a running scheduler); not with -n N; see README 'Running on a cluster'"),
    shared_fs: bool = typer.Option(False, "--shared-fs", help="With --cluster: the workers see the input files at the same paths, so article files are named, not sent (JSONL records are still sent)"),
    pdf_articles: bool = typer.Option(False, "--pdf-articles", help="Split each PDF (an e-paper page of several articles) at its headlines: one record per article, id <file id>#a<N> (see README 'PDF inputs')"),
):
    """Turn raw German articles into structured JSONL (articles.jsonl + run.json)."""
    from ..errors import CannotStart, ClusterLost
    from ..nlp import ModelNotFound, model_info
    from ..run import RunOptions, check_inputs, check_options, check_output, run as run_batch

    if no_reviews and annotations is not None:
        _usage_error(f"--no-reviews and --annotations {annotations} exclude each other: --no-reviews writes the "
                     "pipeline's own output, without any review log; give one of them")
    # an empty path (`-o "$OUT"`, `run "$IN"` with the variable unset) is no folder: pathlib reads it as ".", the current one
    empty = [f"--out {out!r}"] * (out == "") + [f"the input path {p!r}" for p in paths or [] if p == ""]
    if empty:
        _usage_error(f"{', '.join(empty)}: an empty path names no file or folder (not the current folder: give '.' for that)")
    opts = RunOptions(
        paths=[Path(p) for p in paths] if paths else [Path("corpus")], out=Path(out), model=model, n_process=n_process, batch_size=batch_size, batch_timeout=batch_timeout,
        max_bytes=max_bytes, force=force, allow_non_german=allow_non_german, review=None if no_reviews else _overlay(annotations), progress=progress,
        cluster=cluster, formats=tuple(dict.fromkeys(formats)), parquet_rows=parquet_rows, shared_fs=shared_fs,
        pdf_articles=pdf_articles,
    )
    try:
        check_options(opts)  # the run says its notices; here only what stops it, before the model is looked up
    except CannotStart as e:  # an option no run can honour (`UnusableOptions`, an empty --cluster)
        _usage_error(str(e))
    bad_formats = sorted(set(formats) - {"jsonl", "parquet"})
    if bad_formats:
        _usage_error(f"--format {', '.join(map(repr, bad_formats))}: use jsonl and/or parquet")
    if cluster:
        from ..execute.dask import parse_cluster

        try:
            parse_cluster(cluster)
        except CannotStart as e:
            _usage_error(str(e))
    try:
        # a mistyped input path, an --out that is a file: its one line alone, not after the model's line (the run checks again)
        check_inputs(opts.paths)
        check_output(opts.out)
    except CannotStart as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    try:
        info = model_info(model)  # from its files: the run loads it only if there is work (or its workers do)
    except ModelNotFound as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    try:  # the model's line once the run goes on: what stops it before (a locked output, no article) is exit 2's one line
        summary = run_batch(opts, on_error=lambda e: msg.warn(e["message"]), on_notice=msg.warn,
                            on_start=lambda: msg.info(f"Model: {info.name} {info.version} ({info.reason}) at {info.path}"))
    except CannotStart as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    except ClusterLost as e:
        msg.fail(str(e))
        raise typer.Exit(1)
    _print_summary(summary)
    raise typer.Exit(1 if summary["errors"] else 0)


def _usage_error(text: str) -> NoReturn:
    """An option of `run` no run can use: the usage error of every command (`app.usage_line`), one line
    naming the command, the option and its value, and `presseschau run --help`, exit 2; before, run's own
    checks printed the option and value alone, without the command and its --help."""
    raise typer.BadParameter(text)


def _print_summary(summary: dict) -> None:
    c = summary["counts"]
    t = summary["timings"]
    rows = [
        ("articles", c["articles"]), ("processed", c["processed"]), ("unchanged (cached)", c["cached"]),
        ("failed inputs", c["failed"]), ("gone or failed since last run", c["deleted"]), ("words", c["words"]),
    ]
    rows += [(f"entities {k}", v) for k, v in c["labels"].items()]
    rows += [("time (s)", t.get("total"))]
    msg.table(rows, header=("", ""), divider=True, aligns=("l", "r"))
    flagged = summary.get("flagged_decisions") or []
    missing = [f for f in flagged if f.get("reason") == "article_missing"]
    if len(flagged) > len(missing):
        msg.warn(f"{len(flagged) - len(missing)} review decisions no longer fit the new output: see run.json 'flagged_decisions'")
    if missing:
        # decisions of articles that are not among this run's inputs: a corpus changed, or a run
        # of another corpus (or part of one) beside the project's review log
        articles = sorted({str(f.get("article_id")) for f in missing})
        shown = ", ".join(articles[:3]) + (f" and {len(articles) - 3} more" if len(articles) > 3 else "")
        msg.warn(f"{len(missing)} review decisions are for {len(articles)} articles not in this run ({shown}): kept in the log, "
                 f"listed in run.json 'flagged_decisions'; --annotations FOLDER or --no-reviews for a corpus reviewed elsewhere")
    out = summary["outputs"]
    (msg.good if not summary["errors"] else msg.warn)(f"Wrote {', '.join(out)} and {Path(out[0]).with_name('run.json')}")


@app.command()
def validate(path: Path = typer.Argument(Path("outputs/articles.jsonl"), help="articles.jsonl, or the output folder holding it")):
    """Check an articles.jsonl against the record schema and the offset invariant, and that no id is on two lines."""
    from ..record import duplicate_ids, validate_record
    from ..io import BadLine, iter_jsonl

    from ..errors import NoRunOutput, RunSummaryGiven
    from ..paths import run_articles

    try:
        path = run_articles(path)
    except RunSummaryGiven as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    if not path.exists():  # nothing to check is a usage error (exit 2), as for report, evaluate, export; 1 is "invalid"
        msg.fail(str(NoRunOutput(path)))
        raise typer.Exit(2)
    fail = Problems(msg.fail)
    bad: set[int] = set()
    ids: list[tuple[int, dict]] = []
    n = 0
    with reading(path, 1):
        for lineno, rec in iter_jsonl(path):  # each problem named file:line; a bad line hides no other
            n += 1
            before = fail.count
            if isinstance(rec, BadLine):
                fail(f"{path}:{lineno}: invalid JSON line ({rec.msg})")
            else:
                rid = f" ({rec.get('id')})" if isinstance(rec, dict) else ""
                for problem in validate_record(rec):
                    fail(f"{path}:{lineno}{rid}: {problem}")
                if isinstance(rec, dict):
                    ids.append((lineno, {"id": rec.get("id")}))
            if fail.count > before:
                bad.add(lineno)
    # an id on several lines: the review app, export and import could reach only one of them
    for aid, lines in duplicate_ids(ids).items():
        for lineno in lines[1:]:
            fail(f"{path}:{lineno} ({aid}): duplicate id, also on line {lines[0]}: an id must name one article")
            bad.add(lineno)
    bad_lines = len(bad)
    if fail.count:
        msg.fail(f"{path}: {fail.count} problem{'s' * (fail.count != 1)} in {bad_lines} of {n} lines{fail.more()}")
        raise typer.Exit(1)
    msg.good(f"{path}: {n} records valid")


def _overlay(annotations: Optional[Path]):
    """The review decisions to re-apply: the folder given (a missing log there is a notice of the
    run: a mistyped path must not drop the reviews without a word), or annotations/ when it
    holds a log (a project that never reviewed anything gets no notice)."""
    from ..review.apply import DECISIONS_FILE, ReviewOverlay

    if annotations is None:
        default = Path("annotations")
        return ReviewOverlay.from_folder(default) if (default / DECISIONS_FILE).is_file() else None
    return ReviewOverlay.from_folder(annotations_folder(annotations))
