"""The `review`, `export` and `import` commands (registered on the `presseschau` typer app in `pipeline/cli/__init__.py`)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from wasabi import msg


def review_cmd(
    data: Path = typer.Argument(Path("outputs"), help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Path = typer.Option(Path("annotations"), "--annotations", "-a", help="Folder of the decision log decisions.jsonl"),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only; any other asks for a token, printed at start)"),
    port: int = typer.Option(8080, "--port", "-p", min=0, max=65535, help="Port (0: any free port)"),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", "-r", help="Reviewer name stored with each decision (default: $PRESSESCHAU_REVIEWER or the user name)"),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in the default browser"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every request"),
    conflicts: bool = typer.Option(False, "--conflicts", help="List the spans on which reviewers' decisions conflict, then exit"),
    agreement: bool = typer.Option(False, "--agreement", help="Agreement per reviewer pair (Cohen's kappa, span F1) on doubly reviewed articles, then exit"),
):
    """Review the pipeline's output in a local web app: accept, reject, relabel, fix, add entities."""
    from ..errors import CannotStart

    if conflicts or agreement:
        from ..review import log as dec
        from ..review import teams

        decisions = dec.load_decisions(annotations)
        if conflicts:
            cs = teams.conflicts(decisions)
            for line in teams.format_conflicts(cs):
                print(line)
            msg.info(f"{len(cs)} open conflict(s) in {Path(annotations) / dec.DECISIONS_FILE}")
        if agreement:
            rows = teams.agreement(decisions)
            print("\n".join(teams.format_agreement(rows)) if rows else "no article was reviewed by two reviewers")
        return
    from ..review.server import serve

    try:
        serve(data, annotations, host, port, reviewer, open_browser, verbose)
    except (FileNotFoundError, CannotStart) as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    except OSError as e:
        msg.fail(f"cannot serve on {host}:{port}: {e}")
        raise typer.Exit(2)


def export_cmd(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | prodigy | doccano | label-studio | docbin | csv | parquet"),
    data: Path = typer.Option(Path("outputs"), "--data", "-d", help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Path = typer.Option(Path("annotations"), "--annotations", "-a", help="Folder of the decision log (re-applied before export)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (default: DATA/articles.<format>.<ext>)"),
    accepted_only: bool = typer.Option(False, "--accepted-only", help="Keep only accepted and corrected entities"),
    prodigy_mode: str = typer.Option("manual", "--prodigy-mode", help="prodigy: manual (one task per article) or binary (one per entity)"),
):
    """Export the reviewed output: reviewed JSONL, Prodigy, doccano, Label Studio, spaCy DocBin, CSV, Parquet."""
    from ..interop import FORMATS, export, load_records

    if fmt not in FORMATS:
        msg.fail(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        records = load_records(data, annotations)
    except (OSError, ValueError) as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    base = data if data.is_dir() else data.parent
    path = export(records, fmt, out if out is not None else base, accepted_only=accepted_only, prodigy_mode=prodigy_mode)
    n = sum(len(r.get("entities", [])) for r in records)
    msg.good(f"Wrote {path} ({len(records)} articles, {n} entities before filtering)")


def import_cmd(
    fmt: str = typer.Argument(..., help="prodigy | doccano | label-studio"),
    path: Path = typer.Argument(..., help="The tool's export file (JSONL, or JSON for Label Studio)"),
    data: Path = typer.Option(Path("outputs"), "--data", "-d", help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Path = typer.Option(Path("annotations"), "--annotations", "-a", help="Folder of the decision log to append to"),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", "-r", help="Reviewer recorded on the decisions (default: import:<format>)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be recorded, write nothing"),
):
    """Read review results from Prodigy, doccano or Label Studio into annotations/decisions.jsonl."""
    from ..review import log as dec
    from ..interop import IMPORT_FORMATS, import_file, load_records

    if fmt not in IMPORT_FORMATS:
        msg.fail(f"unknown format {fmt!r}; one of {', '.join(IMPORT_FORMATS)}")
        raise typer.Exit(2)
    try:
        records = load_records(data, annotations)
        decisions, problems = import_file(fmt, path, records, reviewer)
    except (OSError, ValueError) as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    for p in problems:
        msg.warn(p)
    kinds: dict[str, int] = {}
    for d in decisions:
        kinds[d["decision"]] = kinds.get(d["decision"], 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) or "nothing new"
    if dry_run:
        msg.info(f"Would record {len(decisions)} decisions ({summary})")
        return
    dec.DecisionStore(annotations).append(decisions)
    msg.good(f"Recorded {len(decisions)} decisions ({summary}) in {Path(annotations) / dec.DECISIONS_FILE}")
    if problems:
        raise typer.Exit(1)
