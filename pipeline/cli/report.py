"""`presseschau report`: the overview of the reviewed output as one static HTML file."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from wasabi import msg

from .app import SHOWN_PROBLEMS, Problems, annotations_folder, app, default_log_notice


@app.command("report")
def report_cmd(
    data: Path = typer.Argument(Path("outputs"), help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Optional[Path] = typer.Option(None, "--annotations", "-a", help="Folder of the decision log, or decisions.jsonl itself (re-applied first; default: annotations/)"),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="HTML file to write, or a folder (one that exists, a path without a suffix, or one ending in /): FOLDER/report.html (default: DATA/report.html)"),
    top: int = typer.Option(20, "--top", min=1, help="How many people, organisations and places to show"),
    reviewed_only: bool = typer.Option(False, "--reviewed-only", help="Count only accepted and corrected entities"),
):
    """Write the overview (top names, dates timeline, figures, review progress) as a self-contained HTML file."""
    from ..interop import out_file, run_output_at
    from ..review.log import DECISIONS_FILE
    from ..review.overview import load_reviewed, overview
    from ..errors import ReportTargetNotHtml
    from ..review.report import check_report_target, write_report

    default_log = annotations is None
    annotations = annotations_folder(Path("annotations") if default_log else annotations)
    # where it goes, checked before the run is read (a name that is no HTML file, the run's own files)
    base = data if data.is_dir() else data.parent
    # a folder, or one to make (`-o reports/`, `-o reports/2024.01/`: its "/" says so, which Path drops), as export's --out
    target = out_file(out if out is not None else base, "report.html")
    clash = run_output_at(target, base, annotations) or (data if not data.is_dir() and target.resolve() == data.resolve() else None)
    if clash is not None:
        what = "the review log" if clash.name.startswith(DECISIONS_FILE) else "the run's output"
        msg.fail(f"{target} is {what} ({clash}); choose another --out")
        raise typer.Exit(2)
    try:
        check_report_target(target)  # `-o r.txt` wrote the HTML under any name
    except ReportTargetNotHtml as e:
        msg.fail(f"{target}: {e}")
        raise typer.Exit(2)
    problems = Problems(msg.warn)
    flagged: list[dict] = []
    try:
        records = load_reviewed(data, annotations, warn=problems, flagged=flagged)
        no_log = not (annotations.is_file() or (annotations / DECISIONS_FILE).is_file())
        notice = default_log_notice(annotations, data, load_reviewed(data, None)) if no_log and default_log and records else None
    except (OSError, ValueError) as e:
        msg.fail(f"cannot read {data}: {e}" if str(data) not in str(e) else str(e))
        raise typer.Exit(2)
    if notice:
        msg.warn(notice)
    if problems.count > SHOWN_PROBLEMS:
        msg.warn(f"{data}: {problems.count} lines left out{problems.more()}")
    if problems.count and not records:
        msg.fail(f"{data}: no line is an article record; is it the articles.jsonl of `presseschau run`?")
        raise typer.Exit(2)
    if flagged:  # as export and run say them: the report counts without them
        from ..review.apply import flagged_notice

        msg.warn(flagged_notice(flagged, "report"))
    if not default_log and not (annotations / DECISIONS_FILE).is_file():  # a mistyped folder must not drop the reviews without a word (as export says it)
        msg.warn(f"no review log at {annotations}: the report counts the pipeline's own output, without review decisions")
    result = overview(records, top=top, reviewed_only=reviewed_only)
    result["meta"] = {"data": str(data), "annotations": str(annotations), "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M")}
    try:
        path = write_report(target, result)
    except OSError as e:
        msg.fail(f"cannot write {target}: {e.strerror or e}")
        raise typer.Exit(2)
    msg.good(f"Wrote {path} ({len(records)} articles)")
    raise typer.Exit(1 if problems.count else 0)
