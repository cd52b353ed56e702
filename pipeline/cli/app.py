"""The typer app every command module registers on."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import typer
from typer.core import TyperCommand, TyperGroup


def _click_errors():
    """click's exceptions module as typer uses it (typer 0.12 uses click's, newer ones carry their own copy)."""
    import sys

    return sys.modules[typer.BadParameter.__module__]


def usage_line(e) -> str:
    """A usage error typer/click finds (a value of the wrong type or out of its range, an unknown
    option or command, a missing argument, a bad choice) as one line naming the option and the
    value given, and the command's --help: the form of `run`'s own usage errors (`UnusableOptions`)."""
    import shlex
    from enum import Enum

    BadParameter, MissingParameter = _click_errors().BadParameter, _click_errors().MissingParameter

    ctx = getattr(e, "ctx", None)
    command = ctx.command_path if ctx is not None else "presseschau"
    plain = isinstance(e, BadParameter) and e.param is None and e.param_hint is None  # a command's own message: no "Invalid value: "
    what = " ".join((e.message if plain else e.format_message()).split())  # click's text, its line breaks and tabs (a missing choice's list) flattened
    cause = e.__cause__
    param = getattr(e, "param", None)
    if isinstance(e, BadParameter) and not isinstance(e, MissingParameter) and param is not None and hasattr(cause, "errors"):
        # typer's own check of the value (pydantic): its message names neither the option nor the value
        error = cause.errors()[0]
        name = _param_name(param)
        value = error.get("input")
        given = shlex.quote(str(value))
        low, high = getattr(param, "min", None), getattr(param, "max", None)
        kind = "whole number" if error["type"] == "int_parsing" or isinstance(low if low is not None else high, int) else "number"
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            what = f"{name} {given}: give one of {', '.join(str(m.value) for m in annotation)}"
        elif error["type"] in ("int_parsing", "float_parsing", "greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            span = (f" from {low} to {high}" if low is not None and high is not None else f" of {low} or more" if low is not None
                    else f" of {high} or less" if high is not None else "")
            what = f"{name} {given}: give a {kind}{span}"
        else:
            what = f"{name} {given}: {' '.join(str(error.get('msg', what)).split())}"
    return f"{command}: {what} (see {command} --help)"


def _param_name(param) -> str:
    """An option by its long name (`--n-process`), an argument by its name as the usage shows it (`the argument data`)."""
    return max(param.opts, key=len) if param.param_type_name == "option" else f"the argument {param.metavar or param.name}"


# path options typed as text, not Path: `export`'s and `report`'s --out, whose trailing "/" says a folder
# (`interop.out_file`), which Path drops
_PATHS_AS_TEXT = frozenset({"out"})


def _refuse_empty_paths(command, ctx, raw: dict) -> None:
    """A path option or argument given as "" (`-a "$ANN"` with the variable unset): pathlib reads
    it as ".", the current folder, and the command went on there (`--annotations ''` read no log
    in the working directory and said only "no review log at ."). A usage error naming it instead."""
    from pathlib import PurePath

    for param in command.params:
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        if param.name not in _PATHS_AS_TEXT and not any(isinstance(t, type) and issubclass(t, PurePath)
                                                        for t in (annotation, *getattr(annotation, "__args__", ()))):
            continue
        value = raw.get(param.name)
        values = value if isinstance(value, (list, tuple)) else [value]
        if any(v == "" for v in values):
            raise _click_errors().UsageError(f"{_param_name(param)} '': an empty path names no file or folder (not the current folder: give '.' for that)", ctx=ctx)


class _Command(TyperCommand):
    """Every command: an empty path is a usage error (`_refuse_empty_paths`)."""

    def parse_args(self, ctx, args):
        try:
            if not ctx.resilient_parsing:
                raw, _, _ = self.make_parser(ctx).parse_args(args=list(args))  # the values as given, before typer converts them
                _refuse_empty_paths(self, ctx, raw)
            return super().parse_args(ctx, args)
        except _click_errors().UsageError as e:
            if e.ctx is None:  # the parser's own errors ("Option '-n' requires an argument") name no command
                e.ctx = ctx
            raise


class _Group(TyperGroup):
    """The `presseschau` group: every command's usage error, found by typer/click while reading the
    command line or raised by a command (`typer.BadParameter`), is one line (`usage_line`) and exit
    2, in this one place; typer printed a box of six lines. `--help` and the help of a bare
    `presseschau` are as typer makes them."""

    def parse_args(self, ctx, args):
        with _one_line_usage_errors():
            return super().parse_args(ctx, args)

    def invoke(self, ctx):
        with _one_line_usage_errors():
            return super().invoke(ctx)


@contextmanager
def _one_line_usage_errors():
    from wasabi import msg

    from ..errors import UnusableOptions

    try:
        yield
    except _click_errors().UsageError as e:
        if type(e).__name__ == "NoArgsIsHelpError":  # a bare `presseschau`: typer printed the help
            raise
        msg.fail(str(UnusableOptions(usage_line(e))))
        raise typer.Exit(2) from None


class _Typer(typer.Typer):
    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or _Command, **kwargs)


def _plain_when_piped() -> None:
    """Messages without colour codes where they do not go to a terminal (a pipe, a file, a CI
    log) or where NO_COLOR is set (no-color.org): wasabi colours whenever the system supports
    ANSI, so `presseschau run ... | tee run.log` and scripts reading the messages got escape codes.
    Decided per stream: stdout for results (`msg`), stderr for errors and warnings (`_stderr`)."""
    import os
    import sys

    from wasabi import msg

    if os.getenv("NO_COLOR") or not sys.stdout.isatty():
        msg.show_color = False
    if os.getenv("NO_COLOR") or not sys.stderr.isatty():
        _stderr.show_color = False


def _errors_to_stderr() -> None:
    """Errors (`msg.fail`) and warnings (`msg.warn`) of every command go to stderr, beside the progress
    bar; results and progress lines (`msg.good`, `msg.info`, tables) stay on stdout, so `presseschau run
    ... > run.log` or `presseschau evaluate --json > scores.json` keep data and diagnostics apart. Every
    command prints with wasabi's one `msg`; wasabi's Printer prints to stdout only, so its fail and warn
    are made here by a second printer whose text goes to stderr (looked up at each call)."""
    import sys

    from wasabi import msg

    def to_stderr(kind):
        def say(title="", text="", show=True, spaced=False, exits=None):
            if not show:
                return
            print(getattr(_stderr, kind)(title, text, spaced=spaced), file=sys.stderr, flush=True)
            if exits is not None:
                sys.exit(exits)
        return say

    msg.fail, msg.warn = to_stderr("fail"), to_stderr("warn")


from wasabi import Printer as _Printer  # noqa: E402

_stderr = _Printer(no_print=True)
_plain_when_piped()
_errors_to_stderr()


def _unwrapped() -> None:
    """Every message on one line, as long as it is: wasabi's `Printer.text` hard-wraps each message at
    80 columns (`wasabi.util.wrap`, textwrap), so a path or a command in an error message was broken
    across lines, on a terminal and into a pipe or a log file alike (copy-paste and grep found half a
    path). A terminal wraps a long line for the eye by itself. The one change here, for every command:
    the same textwrap fill (whitespace as before: a line break or tab in a message is a space), but no
    width."""
    import sys
    import textwrap

    import wasabi.printer

    def wrap(text, wrap_max: int = 80, indent: int = 4) -> str:
        return textwrap.fill(str(text), width=sys.maxsize, initial_indent=" " * indent, break_long_words=False, break_on_hyphens=False)

    wasabi.printer.wrap = wrap


_unwrapped()


app = _Typer(
    cls=_Group,
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
