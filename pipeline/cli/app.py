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
