"""The typer app every command module registers on."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import typer

app = typer.Typer(
    name="presseschau",
    help="Raw German news articles in, reviewed structured JSONL out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@contextmanager
def reading(path: Path, exit_code: int):
    """A command reading a JSONL file (articles.jsonl, the gold): a file that cannot be opened,
    an invalid JSON line, a line that is not UTF-8, a truncated .gz is one line naming the file
    (and line: `io.read_jsonl`, `errors.UnreadableFile`) and `exit_code`, not a traceback."""
    from wasabi import msg

    try:
        yield
    except OSError as e:
        msg.fail(f"{e.filename or path}: cannot read ({e.strerror or e})")
        raise typer.Exit(exit_code) from None
    except ValueError as e:  # the message names file and line
        msg.fail(str(e))
        raise typer.Exit(exit_code) from None


#: problems of a file a command prints one by one; the rest are counted (a file that is not JSONL at all
#: has a problem on every line)
SHOWN_PROBLEMS = 50


class Problems:
    """Per-line problems of a file: the first `SHOWN_PROBLEMS` printed with `say`, all counted."""

    def __init__(self, say):
        self.say, self.count = say, 0

    def __call__(self, text: str) -> None:
        self.count += 1
        if self.count <= SHOWN_PROBLEMS:
            self.say(text)

    def more(self) -> str:
        """' (the first 50 shown)' when some were not printed."""
        return f" (the first {SHOWN_PROBLEMS} shown)" if self.count > SHOWN_PROBLEMS else ""


def default_log_notice(annotations: Path, source, records) -> str | None:
    """The warning of a command that reads the review log of the default `annotations/` (relative
    to the working directory) and finds none there while the run's records hold reviewed
    entities (the command was run outside the project folder): those entities are read as the
    pipeline made them, so say how many, instead of dropping their review without a word."""
    n = sum(1 for r in records for e in r.get("entities", []) if isinstance(e, dict) and e.get("review"))
    if not n:
        return None
    return (f"no review log at {annotations} (the default, in the working directory): {n} entities reviewed in {source} "
            f"are read as the pipeline made them, without their review; give --annotations (the project's annotations/)")


def annotations_folder(path: Path) -> Path:
    """Every command's `-a/--annotations`, resolved in one place (`review.log.log_folder`): the
    folder of the review log, given as the folder or as the log file decisions.jsonl; any other
    file is one line naming it and exit 2, before anything is read or written."""
    from wasabi import msg

    from ..errors import NotAReviewLog
    from ..review.log import log_folder

    try:
        return log_folder(path)
    except NotAReviewLog as e:
        msg.fail(str(e))
        raise typer.Exit(2) from None
