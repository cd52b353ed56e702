"""The `review`, `export` and `import` commands (registered on the `presseschau` typer app in `pipeline/cli/__init__.py`)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from wasabi import msg

from .app import annotations_folder


def _check_reviewer(reviewer: Optional[str], default: str, env: Optional[str] = None) -> None:
    """`--reviewer "$NAME"` with the variable unset (or the variable `env` set but empty): the decisions
    went in under the default name without a word, so two reviewers could count as one (`--agreement`).
    A usage error naming it, as `--model ""`, before anything is read or written."""
    import os

    if reviewer is not None and not reviewer.strip():
        raise typer.BadParameter(f"--reviewer {reviewer!r}: give a name (or leave --reviewer out for the default, {default})")
    value = os.environ.get(env) if env and reviewer is None else None
    if value is not None and not value.strip():
        raise typer.BadParameter(f"{env}={value!r} (the environment variable is set but empty): give a name, or unset it "
                                 f"for the default, {default}")


def review_cmd(
    data: Path = typer.Argument(Path("outputs"), help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Optional[Path] = typer.Option(None, "--annotations", "-a", help="Folder of the decision log decisions.jsonl, or that file itself (default: annotations/)"),
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

    default_log = annotations is None
    annotations = annotations_folder(Path("annotations") if default_log else annotations)

    if conflicts or agreement:
        from ..review import log as dec
        from ..review import teams

        log_path = annotations / dec.DECISIONS_FILE
        if not log_path.is_file():  # a mistyped folder must not read as "no conflicts" without a word
            msg.warn(f"no review log at {annotations}: no decisions to compare")
            return  # one message: not also "0 open conflict(s) in <the missing log>"
        decisions = dec.load_decisions(log_path)
        if conflicts:
            cs = teams.conflicts(decisions)
            for line in teams.format_conflicts(cs):
                print(line)
            msg.info(f"{len(cs)} open conflict(s) in {log_path}")
        if agreement:
            rows = teams.agreement(decisions)
            print("\n".join(teams.format_agreement(rows)) if rows else "no article was reviewed by two reviewers")
        return
    _check_reviewer(reviewer, "the user name", env="PRESSESCHAU_REVIEWER")  # the name the app's decisions are recorded under
    if not host.strip():  # `--host "$HOST"` unset: the socket bound every interface ("Listening on :"), not this machine only
        raise typer.BadParameter(f"--host {host!r}: give an address (127.0.0.1, the default, for this machine only; 0.0.0.0 for "
                                 "every interface)")
    from ..review.server import serve
    from ..review.log import DECISIONS_FILE

    if default_log and not (annotations / DECISIONS_FILE).is_file():
        from ..interop import load_records
        from .app import default_log_notice

        try:  # run outside the project folder: its reviews would show as pending, new ones go to a new log here
            notice = default_log_notice(annotations, data, load_records(data))
        except (OSError, ValueError):
            notice = None  # the app says what is wrong with the data
        if notice:
            msg.warn(notice + "; decisions made now go to a new log in the working directory")
    try:
        serve(data, annotations, host, port, reviewer, open_browser, verbose)
    except (FileNotFoundError, CannotStart) as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    except ValueError as e:  # a line of articles.jsonl that is no JSON, not UTF-8, a truncated .gz: names file and line
        msg.fail(f"{e}; fix or re-create it (`presseschau run`)")
        raise typer.Exit(2)
    except OSError as e:
        if e.filename is not None:  # reading articles.jsonl or the log (a folder, no permission), not the socket
            msg.fail(f"cannot read {e.filename}: {e.strerror or e}")
        else:
            msg.fail(f"cannot serve on {host}:{port}: {e}")
        raise typer.Exit(2)


# choices checked by typer (exit 2 with the allowed values); the values are interop's
ExportFormat = Enum("ExportFormat", {f.replace("-", "_"): f for f in ("jsonl", "prodigy", "doccano", "label-studio", "docbin", "csv", "csv-excel", "xlsx", "parquet")}, type=str)
ImportFormat = Enum("ImportFormat", {f.replace("-", "_"): f for f in ("prodigy", "doccano", "label-studio")}, type=str)
ProdigyMode = Enum("ProdigyMode", {"manual": "manual", "binary": "binary"}, type=str)
DoccanoOffsets = Enum("DoccanoOffsets", {"utf16": "utf16", "codepoints": "codepoints"}, type=str)


def export_cmd(
    fmt: ExportFormat = typer.Option("jsonl", "--format", "-f", help="Format to write. csv: UTF-8, ',' (pandas, R, DuckDB); csv-excel: the CSV as German Excel opens it (UTF-8 with BOM, ';', decimal comma); xlsx: an Excel workbook (ids and values kept as text); parquet: with typed dates"),
    data: Path = typer.Option(Path("outputs"), "--data", "-d", help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Optional[Path] = typer.Option(None, "--annotations", "-a", help="Folder of the decision log, or decisions.jsonl itself, re-applied before export (default: annotations/)"),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="File to write, or a folder (an existing one, a name without a suffix, or one ending in /): FOLDER/articles.<ext> (articles.reviewed.jsonl, articles.prodigy.jsonl, articles.doccano.jsonl, articles.label-studio.json, articles.spacy, articles.csv, articles.excel.csv, articles.xlsx, articles.entities.parquet). Default: the DATA folder"),
    accepted_only: bool = typer.Option(False, "--accepted-only", help="Keep only accepted and corrected entities (jsonl, doccano, label-studio, csv, csv-excel, xlsx, parquet; prodigy and docbin do so by default)"),
    include_pending: bool = typer.Option(False, "--include-pending", help="prodigy, docbin: also the pending (unreviewed) model guesses, marked as pending. Default: reviewed entities only. The other formats always carry pending entities with their status"),
    prodigy_mode: ProdigyMode = typer.Option("manual", "--prodigy-mode", help="prodigy: manual (one ner_manual task per article) or binary (one task per entity)"),
    doccano_offsets: DoccanoOffsets = typer.Option("utf16", "--doccano-offsets", help="doccano: utf16 (code units, as a doccano project counts) or codepoints"),
    doccano_overlapping: bool = typer.Option(False, "--doccano-overlapping", help="doccano: the project allows overlapping entities; default: overlapping spans left out (a default project drops them)"),
):
    """Export the reviewed output: reviewed JSONL, Prodigy, doccano, Label Studio, spaCy DocBin, CSV, Excel, Parquet.

    Prodigy, doccano and Label Studio tasks carry a snapshot of what was exported
    (`presseschau` key), so `presseschau import` records only what the tool changed.
    """
    from ..errors import ExportTargetClash, ExportTooLarge
    from .app import default_log_notice
    from ..interop import check_target, export, export_path, load_records, load_records_flagged, run_output_at
    from ..review.log import DECISIONS_FILE

    default_log = annotations is None
    annotations = annotations_folder(Path("annotations") if default_log else annotations)
    no_log = not (annotations / DECISIONS_FILE).is_file()
    if no_log and not default_log:  # a project that never reviewed anything gets no notice
        # a mistyped folder must not drop the reviews without a word (as `run` says it)
        msg.warn(f"no review log at {annotations}: the export holds the pipeline's own output, without review decisions")
    fmt_ = fmt.value
    base = data if data.is_dir() else data.parent
    target = export_path(fmt_, out if out is not None else base)
    source = data / "articles.jsonl" if data.is_dir() else data
    clash = run_output_at(target, base, annotations)
    if clash is None and target.exists() and source.exists() and target.resolve() == source.resolve():
        clash = source
    if clash is not None:
        what = "is the run output itself" if target.resolve() == clash.resolve() else f"would write into the run output {clash}"
        what = "is the review log" if clash.name.startswith(DECISIONS_FILE) else what
        msg.fail(f"{target} {what}; choose another --out")
        raise typer.Exit(2)
    try:
        check_target(fmt_, target)
    except ExportTargetClash as e:
        msg.fail(f"{target}: {e}")
        raise typer.Exit(2)
    try:
        records, flagged = load_records_flagged(data, annotations, warn=msg.warn)
        # the default annotations/ is relative to the working directory: run elsewhere, the run's
        # reviews (in articles.jsonl, from the project's log) were dropped without a word
        notice = default_log_notice(annotations, source, load_records(data)) if no_log and default_log else None
    except (OSError, ValueError) as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    if notice:
        msg.warn(notice)
    if flagged:
        from ..review.apply import flagged_notice

        msg.warn(flagged_notice(flagged, "export"))
    try:
        path = export(records, fmt_, target, accepted_only=accepted_only, prodigy_mode=prodigy_mode.value, include_pending=include_pending,
                      doccano_offsets=doccano_offsets.value, doccano_overlapping=doccano_overlapping, warn=msg.warn)
    except OSError as e:
        named = e.filename if e.filename in (str(target), str(target.with_suffix(".xml"))) else target  # Label Studio's config too
        msg.fail(f"cannot write {named}: {e.strerror or e}")
        raise typer.Exit(2)
    except ExportTooLarge as e:
        msg.fail(f"{target}: {e}")
        raise typer.Exit(2)
    except ImportError as e:  # an install older than the openpyxl dependency
        msg.fail(f"--format {fmt_} needs {e.name or 'openpyxl'}: pip install openpyxl (or reinstall presseschau)")
        raise typer.Exit(2)
    n = sum(len(r.get("entities", [])) for r in records)
    msg.good(f"Wrote {path} ({len(records)} articles, {n} entities before filtering)")


def import_cmd(
    fmt: ImportFormat = typer.Argument(..., help="The tool the file comes from"),
    path: Path = typer.Argument(..., help="The tool's export file (JSONL, or JSON for Label Studio)"),
    data: Path = typer.Option(Path("outputs"), "--data", "-d", help="Output folder of `presseschau run` (or an articles.jsonl)"),
    annotations: Path = typer.Option(Path("annotations"), "--annotations", "-a", help="Folder of the decision log to append to, or decisions.jsonl itself"),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", "-r", help="Reviewer recorded on the decisions (default: import:<format>)"),
    accept_unchanged: bool = typer.Option(False, "--accept-unchanged", help="doccano: the file holds approved examples only (doccano's 'Export only approved documents'): pending guesses left unchanged are accepted"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be recorded, write nothing"),
):
    """Read review results from Prodigy, doccano or Label Studio into annotations/decisions.jsonl.

    Only what the tool changed since `presseschau export` becomes a decision. Exit codes:
    0 all tasks read; 1 some tasks were malformed or could not be placed (each named with
    file and line; the rest is recorded); 2 the file cannot be used at all (empty, not UTF-8,
    not JSON, wrong top-level type, no valid task) or the data cannot be read: nothing recorded.
    """
    import contextlib

    from ..review import log as dec
    from ..interop import ImportFileError, import_file, load_records

    _check_reviewer(reviewer, f"import:{fmt.value}")
    annotations = annotations_folder(annotations)
    store = dec.DecisionStore(annotations)
    # the check (the reviewed records, the log as it is) and the append under the log's lock, as an action
    # of the review app: a decision another process appends meanwhile is seen, not overridden unseen (no
    # lock for a dry run, nor where there is no log yet: taking it would create one, and nothing is decided)
    with store.locked() if not dry_run and store.path.is_file() else contextlib.nullcontext():
        try:
            records = load_records(data, annotations)
        except (OSError, ValueError) as e:
            msg.fail(str(e))
            raise typer.Exit(2)
        try:
            decisions, problems = import_file(fmt.value, path, records, reviewer, accept_unchanged=accept_unchanged, warn=msg.warn)
        except ImportFileError as e:
            msg.fail(str(e))
            raise typer.Exit(2)
        for p in problems:
            msg.warn(p)
        kinds: dict[str, int] = {}
        for d in decisions:
            kinds[d["decision"]] = kinds.get(d["decision"], 0) + 1
        # with problems (tasks skipped, articles not found), an empty result is no "nothing changed"
        summary = ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) or (
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} above" if problems else "nothing changed in the tool")
        if dry_run:
            msg.info(f"Would record {len(decisions)} decisions ({summary})")
        else:
            try:
                store.append(decisions)
            except OSError as e:  # --annotations naming the log file itself, a folder that cannot be made, a full disk
                msg.fail(f"cannot write {store.path}: {e.strerror or e}; the decisions were not recorded")
                raise typer.Exit(2)
            msg.good(f"Recorded {len(decisions)} decisions ({summary}) in {Path(annotations) / dec.DECISIONS_FILE}")
    if problems:
        raise typer.Exit(1)
