"""The `presseschau` command line (typer; messages with wasabi).

Exit codes: 0 all inputs processed; 1 some inputs failed (see run.json "errors");
2 the run could not start (no model, bad arguments).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer
from wasabi import msg

app = typer.Typer(
    name="presseschau",
    help="Raw German news articles in, reviewed structured JSONL out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DATA = Path("../shared/data")


@app.command()
def run(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or folders (recursive): .txt, .md, .html, .jsonl[.gz]. Default: corpus/"),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder for articles.jsonl and run.json"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy model name or path (default: de_core_news_md if installed, else the bundled model)"),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes for nlp.pipe"),
    batch_size: int = typer.Option(32, "--batch-size", "-b", min=1),
    chunk_size: int = typer.Option(2000, "--chunk-size", min=1, help="Articles per nlp.pipe call (memory is released between chunks)"),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="Refuse single articles larger than this"),
    force: bool = typer.Option(False, "--force", help="Re-process every article, ignoring the cache"),
    allow_non_german: bool = typer.Option(False, "--allow-non-german", help="Process texts detected as not German"),
    annotations: Path = typer.Option(Path("annotations"), "--annotations", help="Folder with review decisions to re-apply"),
    no_reviews: bool = typer.Option(False, "--no-reviews", help="Write the pipeline's own output, without re-applying review decisions (to measure the pipeline)"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal, off in CI)"),
):
    """Turn raw German articles into structured JSONL (articles.jsonl + run.json)."""
    from .annotate import ModelNotFound, load_nlp
    from .runner import RunOptions, run as run_batch

    opts = RunOptions(
        paths=list(paths) if paths else [Path("corpus")], out=out, model=model, n_process=n_process, batch_size=batch_size, chunk_size=chunk_size,
        max_bytes=max_bytes, force=force, allow_non_german=allow_non_german, annotations=None if no_reviews else annotations, progress=progress,
    )
    try:
        nlp_info = load_nlp(model)
    except ModelNotFound as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    _, info = nlp_info
    msg.info(f"Model: {info.name} {info.version} ({info.reason}) at {info.path}")
    summary = run_batch(opts, nlp_info, on_error=lambda e: msg.warn(e["message"]))
    _print_summary(summary)
    raise typer.Exit(1 if summary["errors"] else 0)


def _print_summary(summary: dict) -> None:
    c = summary["counts"]
    t = summary["timings"]
    rows = [
        ("articles", c["articles"]), ("processed", c["processed"]), ("unchanged (cached)", c["cached"]),
        ("failed inputs", c["failed"]), ("deleted since last run", c["deleted"]), ("words", c["words"]),
    ]
    rows += [(f"entities {k}", v) for k, v in c["labels"].items()]
    rows += [("time (s)", t.get("total"))]
    msg.table(rows, header=("", ""), divider=True, aligns=("l", "r"))
    if summary.get("flagged_decisions"):
        msg.warn(f"{len(summary['flagged_decisions'])} review decisions no longer fit the new output: see run.json 'flagged_decisions'")
    out = summary["output"]
    (msg.good if not summary["errors"] else msg.warn)(f"Wrote {out} and {Path(out).with_name('run.json')}")


@app.command()
def validate(path: Path = typer.Argument(Path("outputs/articles.jsonl"))):
    """Check an articles.jsonl against the record schema and the offset invariant."""
    from .record import validate_record
    from .store import read_jsonl

    bad = 0
    n = 0
    try:
        for n, rec in enumerate(read_jsonl(path), 1):
            for problem in validate_record(rec):
                bad += 1
                msg.fail(f"{path} record {n} ({rec.get('id')}): {problem}")
    except (OSError, ValueError) as e:
        msg.fail(str(e))
        raise typer.Exit(1)
    if bad:
        raise typer.Exit(1)
    msg.good(f"{path}: {n} records valid")


@app.command("evaluate")
def evaluate_cmd(
    run_file: Path = typer.Option(Path("outputs/articles.jsonl"), "--run", help="articles.jsonl of a run"),
    gold: Path = typer.Option(Path("annotations/gold/seeds.jsonl"), "--gold"),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
):
    """Score a run against the hand-made gold standard (P/R/F1 per label; value/unit/about accuracy)."""
    from .evaluate import evaluate_run, format_report

    scores = evaluate_run(run_file, gold)
    print(json.dumps(scores, indent=2, ensure_ascii=False) if as_json else format_report(scores))


@app.command("evaluate-model")
def evaluate_model_cmd(
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model name or path (default: as for `run`)"),
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="The shared open data folder"),
    as_json: bool = typer.Option(False, "--json"),
):
    """NER on GermEval 2014 test, UPOS and LAS on UD German-GSD test."""
    from .annotate import resolve_model
    from .model_eval import evaluate_model, format_scores

    scores = evaluate_model(resolve_model(model).name, data)
    print(json.dumps(scores, indent=2, ensure_ascii=False) if as_json else format_scores(scores))


@app.command("evaluate-dates")
def evaluate_dates_cmd(
    model: Optional[str] = typer.Option(None, "--model", "-m"),
    data: Path = typer.Option(DEFAULT_DATA / "dates" / "wikiwars_de", "--data"),
):
    """Date detection and normalisation on WikiWarsDE (TIMEX2 gold)."""
    from .annotate import load_nlp
    from .dates_eval import evaluate_wikiwars

    nlp, _ = load_nlp(model)
    scores = evaluate_wikiwars(nlp, data)
    print(json.dumps(scores, indent=2, ensure_ascii=False))


# review web app, exports, imports (pipeline/review/cli.py)
from .review.cli import export_cmd, import_cmd, review_cmd  # noqa: E402

app.command("review")(review_cmd)
app.command("export")(export_cmd)
app.command("import")(import_cmd)


if __name__ == "__main__":
    app()
