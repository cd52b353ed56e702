"""The typer app every command module registers on."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="presseschau",
    help="Raw German news articles in, reviewed structured JSONL out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
