"""Errors and their kinds: the one place for what can go wrong with an article or a run.

Per-article problems never stop a batch: each becomes an `ArticleError` in `run.json`
(``errors``) and on the console, and the run goes on with the rest (exit code 1). Problems
that stop a run before it starts raise `CannotStart` (exit code 2, one line, no traceback).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Optional


class ErrorKind(str, Enum):
    """Why one input or article was not processed. The values are what `run.json` shows."""

    EMPTY = "empty"                      # no text: empty file, whitespace, empty record, no main text in HTML
    BINARY = "binary"                    # not text at all
    TOO_LARGE = "too_large"              # over --max-bytes
    ENCODING = "encoding"                # bytes that no supported encoding decodes
    INVALID_JSONL = "invalid_jsonl"      # a JSONL line that is no JSON or has no text
    UNREADABLE = "unreadable"            # missing, not readable, broken while reading
    SYMLINK_LOOP = "symlink_loop"        # a link that leads back to itself or to a folder it is in
    DANGLING_LINK = "dangling_link"      # a link whose target does not exist
    UNSUPPORTED = "unsupported"          # a file type Presseschau does not read
    NOT_GERMAN = "not_german"            # the language check says another language
    NOT_ARTICLE = "not_article"          # a web page that is no article (a cookie wall, a front page of teasers), a review log given as input
    DUPLICATE_ID = "duplicate_id"        # an article id already read in this run (or twice in one JSONL file)
    CLEAN_FAILED = "clean_failed"        # the cleaner raised (a bug: reported, batch goes on)
    ANNOTATE_FAILED = "annotate_failed"  # the spaCy pipeline raised on this article
    WORKER_DIED = "worker_died"          # the worker process died on this article's batch, twice
    TIMED_OUT = "timed_out"              # the article's batch did not finish within --batch-timeout, twice (a hung worker)
    STORE_FAILED = "store_failed"        # the record could not be stored in the cache

    def __str__(self) -> str:
        return self.value


# a file's extraction that gave no article: its article id goes to the next file of the id, if any
# (`run`: a web page with no article text does not take the id of bericht.txt beside it)
NO_ARTICLE = frozenset({ErrorKind.EMPTY, ErrorKind.BINARY, ErrorKind.TOO_LARGE, ErrorKind.ENCODING, ErrorKind.UNREADABLE,
                        ErrorKind.UNSUPPORTED, ErrorKind.NOT_ARTICLE})

# a file's worker that hung or died on it, twice: no fault of the file's, which keeps its article id
# (a re-run may read it; `run`: a further file of the id is a duplicate in every mode)
WORKER_LOST = frozenset({ErrorKind.TIMED_OUT, ErrorKind.WORKER_DIED})


@dataclass
class ArticleError:
    """One input (a file, a JSONL line) or article that was not processed, and why."""

    path: str
    kind: ErrorKind
    message: str
    line: Optional[int] = None

    def to_dict(self) -> dict:
        from .io import shown  # a path that is not valid UTF-8 is shown escaped (issue 15)

        d = {"path": shown(self.path), "kind": str(self.kind), "message": shown(self.message)}
        if self.line is not None:
            d["line"] = self.line
        return d


class UnreadableFile(ValueError):
    """A file read line by line (a JSONL corpus, articles.jsonl, the review log, the gold) that
    cannot be read past a point: bytes that are not UTF-8, gzip data cut off or damaged. The
    message names the file and the line; `reason` says what without them. A ValueError, as an
    invalid JSON line of `io.read_jsonl` is, so every command that names that names this too."""

    def __init__(self, path: str, line: int, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{path}:{line}: {reason}")


class DuplicateArticleIds(ValueError):
    """An articles.jsonl in which one article id names several records (two runs joined by hand):
    a review decision names its article by id, so it would fit only one of them and the others
    could not be reviewed, reached or exported with their decisions. `presseschau run` never
    writes an id twice (a second input with an id already read is a `duplicate_id` error), so
    the commands that read a run's output (review, export, import, report) refuse such a file
    with this error and write nothing; `presseschau validate` lists each id. `dups` maps each
    such id to its line numbers (positions for a file read otherwise)."""

    SHOWN = 5  # ids named in the message; the rest counted

    def __init__(self, path: os.PathLike[str] | str, dups: dict[str, list[int]]):
        self.path, self.dups = str(path), dups
        items = list(dups.items())
        named = "; ".join(f"{aid!r} on lines {', '.join(map(str, lines))}" for aid, lines in items[:self.SHOWN])
        more = f" and {len(items) - self.SHOWN} more ids" if len(items) > self.SHOWN else ""
        super().__init__(f"{self.path}: {len(items)} article id{'s' * (len(items) != 1)} on more than one line ({named}{more}): "
                         "an id must name one article (two runs joined?); keep one record of each id")


class NotArticleRecords(ValueError):
    """Lines of an articles.jsonl that are JSON but no article record (no object, no string id,
    no text or entities: a hand edit, ids turned into numbers by pandas): the review app, export
    and import refuse the file with this error naming it and the lines (exit 2, nothing
    written); `presseschau report` leaves such lines out with a warning, `validate` lists them."""

    SHOWN = 5

    def __init__(self, path: os.PathLike[str] | str, lines: list[int], unit: str = "line"):
        self.path, self.lines = str(path), lines
        named = ", ".join(map(str, lines[:self.SHOWN])) + (f" and {len(lines) - self.SHOWN} more" if len(lines) > self.SHOWN else "")
        super().__init__(f"{self.path}: {unit}{'s' * (len(lines) != 1)} {named} {'is' if len(lines) == 1 else 'are'} no article record "
                         "(an object with a string id, a text and a list of entities)")


class ExtractionUnreadable(ValueError):
    """A file whose text an extractor cannot take out. `kind` is the input's error kind, `reason`
    what a user can do, without the file's name (the ingest stage adds it). One class per format."""

    def __init__(self, kind: ErrorKind, reason: str):
        self.kind, self.reason = kind, reason
        super().__init__(reason)


class PdfUnreadable(ExtractionUnreadable):
    """A PDF (`pipeline/pdf.py`): damaged or no PDF, locked by a password, no text layer, fonts
    without a Unicode map."""


class DocxUnreadable(ExtractionUnreadable):
    """A .docx (`pipeline/docx.py`): an old binary .doc under the name, locked by a password, a ZIP
    that is no Word document, damaged, no text in its body."""


class MhtmlUnreadable(ExtractionUnreadable):
    """A saved web archive (MHTML: .mhtml, .mht, or one renamed .html) whose page cannot be taken
    out (`ingest.mhtml_page`): no MIME message, no HTML part, damaged."""


class OdtUnreadable(ExtractionUnreadable):
    """An OpenDocument text (.odt, `pipeline/odt.py`): no ZIP, no OpenDocument text, damaged, no
    text in its body."""


class NoRunOutput(FileNotFoundError):
    """A command that reads a run's articles.jsonl (review, export, import, report, evaluate)
    finds none. The message says why: no run yet, or a run written with `--format parquet`
    only (articles.parquet/ is there), which these commands do not read."""

    def __init__(self, articles: os.PathLike[str] | str):
        articles = Path(articles)
        if (articles.parent / "articles.parquet").is_dir():
            why = (f"{articles.parent} holds a run written with --format parquet only, and this command reads articles.jsonl: "
                   "run it again with --format jsonl --format parquet (nothing is annotated again)")
        else:
            why = "run `presseschau run` first"
        super().__init__(2, f"no such file ({why})", str(articles))
        self.message = f"{articles}: no such file ({why})"

    def __str__(self) -> str:
        return self.message


class RunSummaryGiven(NoRunOutput):
    """A run's `run.json` (its summary: counts, errors, notices) named where its records are read
    (`review outputs/run.json`): the message names the folder or articles.jsonl to give instead."""

    def __init__(self, summary: os.PathLike[str] | str):
        summary = Path(summary)
        FileNotFoundError.__init__(self, 2, "the run's summary, not its records", str(summary))
        self.message = (f"{summary}: the run's summary, not its records: give the output folder ({summary.parent}) "
                        f"or {summary.parent / 'articles.jsonl'}")


class ParquetOutputGiven(RunSummaryGiven):
    """A Parquet output (`articles.parquet/` of `run --format parquet`, a part file in it, an
    export's `.parquet`) named where a run's records are read (`validate out/articles.parquet`):
    these commands read articles.jsonl; the message says which to give, or how to get one. It
    said "articles.parquet/articles.jsonl: no such file", or named every line of a part file an
    invalid JSON line."""

    def __init__(self, given: os.PathLike[str] | str):
        given = Path(given)
        folder = given.parent.parent if given.parent.suffix == ".parquet" else given.parent  # the run's output folder
        jsonl = folder / "articles.jsonl"
        FileNotFoundError.__init__(self, 2, "a Parquet output, not articles.jsonl", str(given))
        give = (f"give the output folder ({folder}) or {jsonl}" if jsonl.is_file() else
                f"{folder} holds no articles.jsonl: run `presseschau run` again with --format jsonl --format parquet (nothing is annotated again)")
        self.message = f"{given}: a Parquet output; this command reads a run's articles.jsonl: {give}"


class ReviewLogNotWritable(OSError):
    """The review log (`annotations/decisions.jsonl`) cannot be written: its folder replaced by a
    file, a full disk, no permission. The decision was not saved (the app answers 503 with this
    message and keeps serving; `presseschau import` names it, exit 2); nothing already in the log is lost.
    An OSError, as the failure it stands for."""

    def __init__(self, path: os.PathLike[str] | str, cause: OSError):
        self.path = str(path)
        reason = cause.strerror or str(cause)
        super().__init__(cause.errno, reason, self.path)  # strerror: the reason, as the OSError's
        self.message = f"{self.path}: the review log cannot be written ({reason}); nothing was written to it: this decision was not saved"

    def __str__(self) -> str:
        return self.message


class RefusedSpan(ValueError):
    """A span that cannot be an entity (`review.log.make_decision`): a new span (an addition, a
    correction's new bounds, an import's region) of only whitespace or punctuation ("?"), one over
    a paragraph break, one that begins or ends inside a word (an import's, which cannot ask whether
    a sub-word was meant), or one overlapping an entity a reviewer kept (`OverlappingSpan`). The
    message names the span's text and the reason. The review app answers 400 (409 for an overlap);
    an import names it (file:line, article) and leaves that span alone out, the rest of the task is
    recorded (`interop.common`: one path for every refused span)."""


class OverlappingSpan(RefusedSpan):
    """A new span (a review's addition, a correction to new bounds, an import's region) overlaps an
    entity a reviewer kept (`review.log.make_decision`): refused, naming that entity. A ValueError,
    as every refused span (`RefusedSpan`); the review app answers 409 (the article as it is now: the entity in the
    way may be another reviewer's, made since the page showed it), an import names it and leaves that span out (the rest of the task is recorded)."""


class ProcessingError(ValueError):
    """The Python API (`pipeline.Presseschau`) could not make a record of an input: the error
    `presseschau run` would name in `run.json` (an input error of `read_path`, an unsupported
    file type, a text that is empty or empty after cleaning, a text not German without
    `allow_non_german=True`). The message names the file or the text's id; `kind` is the run's
    error kind (`ErrorKind`), `path` the input as named."""

    def __init__(self, message: str, kind: Optional[ErrorKind] = None, path: Optional[str] = None):
        super().__init__(message)
        self.message, self.kind, self.path = message, kind, path


class CannotStart(RuntimeError):
    """The run cannot start at all (no model, unusable output folder, ...): exit code 2."""


class NotAReviewLog(CannotStart):
    """`-a/--annotations` names a file (or anything not a folder) other than the review log
    `decisions.jsonl`: refused before anything is read or written (read as a log, its lines
    were rejected and copied to a `.rejected` file beside it; an import tried to make a log
    under it). Exit code 2, one line naming the path (`review.log.log_folder`)."""

    def __init__(self, path: os.PathLike[str] | str):
        self.path = str(path)
        super().__init__(f"{self.path}: not a review log; --annotations takes the folder of the log "
                         f"(annotations/) or the log file decisions.jsonl itself")


class UnusableOptions(CannotStart):
    """Options of `presseschau run` that no run can honour: two that exclude each other
    (`--cluster` with `--n-process N` or `--batch-timeout`), a value no run can use
    (`--batch-timeout inf`). Exit code 2 and one line naming the options and their values,
    before anything is read or written (`run.check_options`). Every command's usage error
    that typer/click find (a value of the wrong type or out of its range, an unknown option or
    command, a missing argument, a bad choice, an empty path) is this line too, with the
    command's --help (`cli.app.usage_line`)."""


class OutputNotWritable(CannotStart):
    """The output folder could not be written any more during the run (made read-only, full,
    removed): exit code 2 and one line, as when it is unwritable at the start. Nothing already
    written is lost: the records committed to the cache stay, and articles.jsonl / run.json are
    replaced atomically, so each is the previous one or the new one, never half of one."""


class NoArticlesFound(CannotStart):
    """The inputs gave no article at all (an empty folder or file, every input an error) and
    the output folder holds a previous run's articles: they are kept, nothing is written
    (articles.jsonl, run.json, the Parquet parts stay as they were), exit code 2 and one line
    naming the inputs and the output. `--force` replaces them with the empty output."""

    def __init__(self, inputs: str, output: str, previous: int, failed: int):
        failed_part = f" ({failed} failed)" if failed else ""
        super().__init__(f"no article found in {inputs}{failed_part}: {output} keeps the previous run's {previous} "
                         f"article{'s' * (previous != 1)}, nothing was written; --force replaces them with an empty output")


class Interrupted(KeyboardInterrupt):
    """SIGINT (Ctrl+C) or SIGTERM stopped the run: the workers are stopped, what was finished
    stays in the cache, and the CLI exits 128 + the signal's number (130, 143) with one line.
    A KeyboardInterrupt, so that code stopping on Ctrl+C stops on it too."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.kept = 0  # articles finished in this run and kept in the cache

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

class ClusterLost(RuntimeError):
    """The Dask scheduler went away during a run (`--cluster`), or every worker did: exit code 1,
    one line; what was finished is in the cache and a re-run goes on from there."""


class ModelNotFound(CannotStart):
    """No spaCy model could be resolved or loaded."""


class LanguageDataUnreadable(CannotStart):
    """A language data file of pipeline/lang/de is missing or broken (truncated, not gzip,
    not UTF-8): exit code 2 and one line naming the file, before any article is processed."""


class LanguageDataError(LanguageDataUnreadable, ValueError):
    """A language data file of pipeline/lang/de whose keys or values are not the ones the code
    reads (an unknown or missing key of `JSON_KEYS`, a holiday rule in no known form): exit
    code 2 and one line naming the file. A ValueError too, as it was before it lived here."""


class ExportTargetClash(ValueError):
    """An `--out` an export cannot be written to without losing what it writes: Label Studio's
    tasks named `.xml`, where its labelling config goes (`<out>.xml`), or a file named for another
    format (`-o results.xlsx` with `--format jsonl`: `interop.check_target`). Nothing is written;
    `presseschau export` says so in one line and exits 2."""


class ReportTargetNotHtml(ValueError):
    """`presseschau report -o r.txt`: the report is one HTML file and was written under any name
    given; an --out ending otherwise than .html/.htm is refused (`review.report.check_report_target`),
    one line, exit 2, before anything is read or written."""


class ExportTooLarge(ValueError):
    """An export the chosen format cannot hold (more entities than an Excel sheet's rows):
    `presseschau export` says so in one line and exits 2, nothing is written."""
