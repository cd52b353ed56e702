"""The `presseschau` command line: thin typer commands over the stages' functions, one
module per command group (run.py, evaluate.py, review.py); messages with wasabi.

Exit codes: 0 all inputs processed; 1 some inputs failed (see run.json "errors");
2 the run could not start (no model, bad arguments).
"""
from __future__ import annotations

from . import run  # noqa: F401  (registers run, validate)
from . import evaluate  # noqa: F401  (registers evaluate, evaluate-model, evaluate-dates)  # isort: skip
from . import report  # noqa: F401  (registers report)  # isort: skip
from .app import app
from .review import export_cmd, import_cmd, review_cmd

app.command("review")(review_cmd)
app.command("export")(export_cmd)
app.command("import")(import_cmd)

__all__ = ["app"]
