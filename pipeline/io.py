"""Persistence: the one JSONL reader, atomic file writes and the incremental cache behind
`presseschau run`.

- `iter_jsonl` / `read_jsonl`: every JSONL file Presseschau reads (corpora, runs, the gold,
  the review log, imports) goes through here, `.jsonl` or `.jsonl.gz`, parsed by `jsonlines`.
- `atomic_write_*`: write to a temp file in the same folder, fsync, `os.replace` — a reader
  (or a `kill -9`) sees the old file or the new one, never half of one.
- `Cache`: an SQLite database in the output folder holding every processed record with the
  content hash and pipeline fingerprint it was made from. Records are committed in small
  transactions, so a killed run keeps all it finished and the next run does only the rest.
"""
from __future__ import annotations

import errno
import glob
import gzip
import json
import logging
import os
import sqlite3
import tempfile
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union

import jsonlines

log = logging.getLogger("presseschau")


def shown(value: Union[str, bytes, os.PathLike]) -> str:
    """A path or text as it can be written anywhere (UTF-8 files, SQLite, a terminal): a file
    name that is not valid UTF-8 reaches Python with its bad bytes as surrogate escapes
    (os.fsdecode); they are shown escaped, e.g. b"caf\xe9.txt" as "caf\\xe9.txt"."""
    s = value if isinstance(value, str) else os.fsdecode(value)
    try:
        data = s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # lone surrogates that are no escaped bytes (JSON "\ud800")
        return s.encode("utf-8", "backslashreplace").decode("utf-8")
    return data.decode("utf-8", "backslashreplace")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()  # what a plain open() gives (mkstemp alone gives 0o600); read once at import


def _temp_affixes(path: Path) -> tuple[str, str]:
    """The prefix and suffix of `atomic_open`'s temporary files for `path` (one place, so that
    `remove_stale_temps` finds exactly those)."""
    return f".{path.name}.", ".tmp"


@contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: Optional[str] = "utf-8", keep: Optional[list] = None):
    """A file written to a temporary file beside `path`, fsync'ed and renamed over it; with `keep`,
    not renamed: (temporary file, path) is appended to `keep` for the caller to rename
    (`atomic_write_files`)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as e:  # a file where a folder of the path should be: said so, not "File exists"
        raise NotADirectoryError(errno.ENOTDIR, f"{e.filename} is a file, not a folder", e.filename) from None
    prefix, suffix = _temp_affixes(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    try:
        os.chmod(tmp, FILE_MODE)
        # a lone surrogate (a file name that is not UTF-8) is written as the escape "\udcxx":
        # inside a JSON string that is the same character again, and the write cannot fail
        text_args = {"encoding": encoding, "errors": "backslashreplace"} if "b" not in mode else {}
        with os.fdopen(fd, mode, **text_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if keep is not None:
            keep.append((tmp, path))
            return
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files `atomic_open(path)` left behind when its process was killed
    mid-write (`kill -9`, the OOM killer, a power cut): each is as large as the file, and
    nothing else ever removes them. Only for a caller that owns `path` now (the run holds the
    output folder's lock): a live writer's temporary file would go too. Returns what was
    removed; a file that cannot be removed is left (it harms nothing)."""
    path = Path(path)
    prefix, suffix = _temp_affixes(path)
    removed = []
    for tmp in path.parent.glob(f"{glob.escape(prefix)}*{glob.escape(suffix)}"):
        if len(tmp.name) == len(prefix) + 8 + len(suffix) and tmp.is_file():  # mkstemp's 8 random characters
            try:
                tmp.unlink()
            except OSError:
                continue
            removed.append(tmp)
    return removed


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def atomic_write_json(path: Path, obj: Any) -> None:
    with atomic_open(path) as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def atomic_write_gzip(path: Path, text: str) -> None:
    """`text` gzipped (mtime 0, no file name in the header: the same text gives the same bytes, as a generated
    table of pipeline/lang/ must, being part of the pipeline fingerprint), written atomically."""
    atomic_write_bytes(path, gzip.compress(text.encode("utf-8"), mtime=0))


def atomic_write_files(files: list[tuple[Path, bytes]]) -> None:
    """Write files that belong together (Label Studio's tasks and their labelling config) as far
    as one can: each to a temporary file beside it (fsync'ed) first, and only when every one is
    written are they renamed, the first of `files` last, so a reader who finds the first new finds
    the others new too. A failure while they are written (a full disk) or a folder in a file's
    place (checked for every file before the first rename) leaves every file as it was and no
    temporary file behind; only a rename failing after another one succeeded (rare) leaves those
    renamed before new. An OSError names the file (not its temporary one)."""
    temps: list[tuple[str, Path]] = []
    path = Path(files[0][0]) if files else Path()
    try:
        try:
            for path, data in files:
                path = Path(path)
                with atomic_open(path, "wb", keep=temps) as fh:
                    fh.write(data)
            for _, path in temps:  # a rename over a folder fails: found before any file is replaced
                if path.is_dir() and not path.is_symlink():
                    raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
            for tmp, path in list(reversed(temps)):
                os.replace(tmp, path)
                temps.remove((tmp, path))
                fsync_dir(path.parent)
        except OSError as e:
            raise OSError(e.errno, e.strerror, str(path)) from e
    finally:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def atomic_write_jsonl(path: Path, records: Iterable[dict]) -> int:
    n = 0
    with atomic_open(path) as fh:
        for rec in records:
            fh.write(dumps(rec))
            fh.write("\n")
            n += 1
    return n


@dataclass(frozen=True)
class BadLine:
    """A line of a JSONL file that is not valid JSON (``truncated`` when the file ends
    without its newline, as after a killed writer)."""

    lineno: int
    msg: str
    colno: int
    truncated: bool


#: byte order marks and their codecs, UTF-32 first: UTF-32-LE's (FF FE 00 00) begins with UTF-16-LE's (FF FE)
BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def jsonl_encoding(path: Union[str, Path]) -> str:
    """How `iter_jsonl` reads a JSONL file, from its first bytes: "utf-32" or "utf-16" (a
    byte order mark; UTF-32's first, as UTF-32-LE's begins with UTF-16-LE's), "gzip"
    (gzipped UTF-8), "utf-8-sig" (UTF-8 with a BOM) or "utf-8". OS errors propagate."""
    with open(path, "rb") as fh:
        magic = fh.read(4)
    for bom, encoding in BOMS:
        if magic.startswith(bom):
            return encoding
    if magic[:2] == b"\x1f\x8b":
        return "gzip"
    return "utf-8-sig" if magic[:3] == b"\xef\xbb\xbf" else "utf-8"


def iter_jsonl(path: Union[str, Path]) -> Iterator[tuple[int, Union[Any, BadLine]]]:
    """(line number, value or `BadLine`) for every non-blank line; gzipped files are
    decompressed (recognised by their magic bytes, whatever their name: a gzip file named
    `.jsonl` is read too), a UTF-8 BOM is ignored, a file with a UTF-16 or UTF-32 BOM is read
    as such (`jsonl_encoding`). Each line is decoded on its own, so a line
    that is not UTF-8 (a hand edit saved as cp1252) is a `BadLine` naming its byte, and the
    lines after it are read. OS errors propagate; truncated or damaged gzip data raises
    `errors.UnreadableFile` naming the file and line, after the lines read before it."""
    path = Path(path)
    encoding = jsonl_encoding(path)
    if encoding in ("utf-16", "utf-32"):
        # UTF-16 with a BOM, as Windows PowerShell's `>` and Notepad's "Unicode" write it:
        # decoded as such (a line that is not UTF-8 would otherwise be every line)
        fh_cm = open(path, "rt", encoding=encoding, newline="")
    else:
        fh_cm = (gzip.open if encoding == "gzip" else open)(path, "rb")
    with fh_cm as fh:
        lines = _NumberedLines(fh, path)
        reader = jsonlines.Reader(lines)  # bytes lines: jsonlines decodes each as UTF-8 and drops a BOM
        while True:
            try:
                value = reader.read(skip_empty=True, allow_none=True)
            except EOFError:
                return
            except jsonlines.InvalidLineError as e:
                cause = e.__cause__
                if isinstance(cause, UnicodeDecodeError):
                    msg, col = f"not UTF-8 text: byte 0x{cause.object[cause.start]:02x}", cause.start + 1
                else:
                    # json's messages "Invalid control character at" and "Unterminated string
                    # starting at" expect the position after them; it is in `colno`
                    msg, col = getattr(cause, "msg", str(e)).removesuffix(" at"), getattr(cause, "colno", 0)
                yield e.lineno, BadLine(e.lineno, msg, col, not lines.ended())
                continue
            except RecursionError:  # json's decoder on arrays/objects nested thousands deep (issue 15)
                yield lines.lineno, BadLine(lines.lineno, "JSON nested too deeply", 0, not lines.ended())
                continue
            yield lines.lineno, value


class _NumberedLines:
    """The lines of a file (bytes), remembering the number of the last one handed out."""

    def __init__(self, fh: Iterable[bytes], path: Union[str, Path] = ""):
        self.fh = fh
        self.path = shown(path)
        self.lineno = 0
        self.last = b""

    def ended(self) -> bool:
        """Whether the last line handed out ends with its newline (not cut off)."""
        return self.last.endswith(b"\n" if isinstance(self.last, bytes) else "\n")

    def __iter__(self) -> Iterator[bytes]:
        from .errors import UnreadableFile

        try:
            for self.lineno, self.last in enumerate(self.fh, 1):
                yield self.last
        except EOFError as e:
            # gzip's "Compressed file ended before the end-of-stream marker was reached" (a
            # truncated .gz): an EOFError, as is the end of input to jsonlines' reader, so that
            # `iter_jsonl` would end quietly and lose the rest of the file without a word
            raise UnreadableFile(self.path, self.lineno + 1, "the file is truncated: its gzip data ends here") from e
        except (zlib.error, gzip.BadGzipFile) as e:
            raise UnreadableFile(self.path, self.lineno + 1, f"the gzip data is damaged here ({e})") from e
        except UnicodeDecodeError as e:  # a UTF-16 file (BOM) cut off in the middle of a character
            raise UnreadableFile(self.path, self.lineno + 1, f"not {e.encoding.upper()} text here ({e.reason})") from e


def read_jsonl(path: Union[str, Path], on_invalid: Optional[Callable[[BadLine], None]] = None) -> Iterator[Any]:
    """The values of a JSONL file. An invalid line raises ValueError naming file and line,
    or, with ``on_invalid``, is handed to it and skipped."""
    for lineno, value in iter_jsonl(path):
        if isinstance(value, BadLine):
            if on_invalid is None:
                raise ValueError(f"{path}:{lineno}: invalid JSON line ({value.msg})")
            on_invalid(value)
            continue
        yield value


def storage_failed(e: BaseException) -> bool:
    """The error is the storage's (read-only, full, gone, an I/O error, cannot be opened, locked by
    another program: `storage_locked`), not one record's nor a corrupt database's."""
    if isinstance(e, OSError):
        return True
    if not isinstance(e, sqlite3.OperationalError):
        return False
    if storage_locked(e):
        return True
    name = getattr(e, "sqlite_errorname", None)  # Python >= 3.11
    if name is not None:
        return name.startswith(("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM"))
    # Python 3.10: SQLite's own messages for the same result codes (sqlite3.c, sqlite3ErrStr)
    return any(m in str(e) for m in ("readonly database", "disk is full", "disk I/O error", "unable to open database", "access permission denied"))


def storage_locked(e: BaseException) -> bool:
    """Another program holds a lock on the database past the wait (an sqlite3 shell or a database
    browser with a write open on the cache): SQLITE_BUSY, SQLITE_LOCKED."""
    if not isinstance(e, sqlite3.OperationalError):
        return False
    name = getattr(e, "sqlite_errorname", None)  # Python >= 3.11
    if name is not None:
        return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    return any(m in str(e) for m in ("database is locked", "database table is locked"))


def label_counts(record: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in record["entities"]:
        if e.get("status") != "rejected":
            counts[e["label"]] = counts.get(e["label"], 0) + 1
    return counts


class Cache:
    """Processed records keyed by article id, with the hash and fingerprint they came from.

    The cache is derived data: a corrupt database file is moved aside (kept, renamed
    `cache-v1.sqlite.corrupt-<time>`) and an empty one built in its place, with a warning
    (`warnings`, and `on_warning`: by default the `presseschau` logger; the run records it in
    run.json `notices`), so a run never stops on it (issue 15)."""

    def __init__(self, path: Path, on_warning: Callable[[str], None] = log.warning):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.warnings: list[str] = []
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as e:
            if storage_failed(e):  # a healthy cache in a folder that cannot be written: not corrupt
                from .errors import CannotStart

                hint = ("another program holds it locked (an sqlite3 shell, a database browser): close the program that holds the cache open and re-run"
                        if storage_locked(e) else "is the output folder writable?")
                raise CannotStart(f"cannot open the cache {shown(self.path)} ({e}); {hint}") from None
            aside = self._move_aside()
            warning = f"{shown(self.path)}: the cache was corrupt ({e}); kept as {aside.name} and rebuilt, so every article is processed again"
            self.warnings.append(warning)
            on_warning(warning)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path))
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                " record TEXT NOT NULL, words INTEGER NOT NULL, labels TEXT NOT NULL, hints TEXT)"
            )
            # --pdf-articles: how many articles a PDF of these bytes gave (their ids are `<file id>#a1` ... `#aN`), so
            # that a re-run finds an unchanged PDF's articles in `records` without extracting it again
            db.execute("CREATE TABLE IF NOT EXISTS pdf_articles (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, articles INTEGER NOT NULL)")
            if "hints" not in {row[1] for row in db.execute("PRAGMA table_info(records)")}:
                # a cache of an earlier version: its rows have no hints digest (NULL); their
                # fingerprint is another (this file is in it), so they are processed again anyway
                db.execute("ALTER TABLE records ADD COLUMN hints TEXT")
            db.commit()
            # damage past the header shows only when the pages are read: check them once
            # (quick_check reads every page, without the index cross-checks of integrity_check)
            problem = db.execute("PRAGMA quick_check(1)").fetchone()[0]
            if problem != "ok":
                raise sqlite3.DatabaseError(problem)
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> Path:
        from .errors import CannotStart

        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            for extra in ("", "-wal", "-shm"):  # SQLite's side files belong to the database
                src = Path(str(self.path) + extra)
                if os.path.lexists(src):
                    os.replace(src, Path(str(aside) + extra))
        except OSError as e:
            raise CannotStart(f"the cache {shown(self.path)} is corrupt and cannot be moved aside ({e.strerror}); delete it (it is derived data)") from None
        return aside

    def state(self) -> dict[str, tuple[str, str]]:
        """Every stored id -> (sha256, fingerprint); for tests and small caches (a run looks
        each article up with `stored`, so that its memory does not grow with the cache)."""
        return {row[0]: (row[1], row[2]) for row in self.db.execute("SELECT id, sha256, fingerprint FROM records")}

    def stored(self, doc_id: str) -> Optional[tuple[str, str]]:
        """(sha256, fingerprint) the article's stored record came from, or None."""
        row = self.db.execute("SELECT sha256, fingerprint FROM records WHERE id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def lookup(self, doc_id: str) -> Optional[tuple[str, str, Optional[str]]]:
        """(sha256, fingerprint, hints digest) the article's stored record came from, or None."""
        row = self.db.execute("SELECT sha256, fingerprint, hints FROM records WHERE id = ?", (doc_id,)).fetchone()
        return tuple(row) if row else None

    def pdf_articles(self, doc_id: str, sha256: str) -> Optional[int]:
        """How many articles the PDF of id `doc_id` gave with `--pdf-articles` when its bytes had this
        hash (`note_pdf_articles`), or None."""
        row = self.db.execute("SELECT articles FROM pdf_articles WHERE id = ? AND sha256 = ?", (doc_id, sha256)).fetchone()
        return row[0] if row else None

    def note_pdf_articles(self, doc_id: str, sha256: str, articles: int) -> None:
        """The PDF of id `doc_id` (bytes of this hash) gave `articles` articles with `--pdf-articles`
        (not committed here: the next batch's store or the run's end commits it)."""
        self.db.execute("INSERT OR REPLACE INTO pdf_articles (id, sha256, articles) VALUES (?, ?, ?)", (doc_id, sha256, articles))

    def set_path(self, doc_id: str, path: str) -> bool:
        """Give a stored record the path its article was found at in this run: an input folder
        moved or renamed since keeps the ids and hashes (the cache's keys), so the record is taken
        from the cache, but its `source.path` named the old, now missing place. Only where it
        differs (the record's first characters say so, without reading it all); not committed here
        (the next batch's store or the run's end commits it). Whether it was changed."""
        prefix = '{"id":' + dumps(doc_id) + ',"source":{"path":' + dumps(path) + ","
        row = self.db.execute("SELECT substr(record, 1, ?) FROM records WHERE id = ?", (len(prefix), doc_id)).fetchone()
        if row is None or row[0] == prefix:
            return False
        rec = json.loads(self.db.execute("SELECT record FROM records WHERE id = ?", (doc_id,)).fetchone()[0])
        source = rec.get("source")
        if not isinstance(source, dict) or source.get("path") == path:
            return False
        source["path"] = path
        self.db.execute("UPDATE records SET record = ? WHERE id = ?", (dumps(rec), doc_id))
        return True

    def put_many(self, rows: Iterable[tuple[str, str, str, dict]]) -> None:
        """Store (id, sha256, fingerprint, record) rows in one transaction."""
        self.put_lines((i, h, f, dumps(r), len(r["text"].split()), label_counts(r)) for i, h, f, r in rows)

    def put_lines(self, rows: Iterable[tuple]) -> None:
        """Store (id, sha256, fingerprint, record JSON line, words, label counts[, hints digest])
        rows, serialised where the work was done, in one transaction."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO records (id, sha256, fingerprint, record, words, labels, hints) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((r[0], r[1], r[2], r[3], r[4], dumps(r[5]), r[6] if len(r) > 6 else None) for r in rows),
            )

    def get(self, doc_id: str) -> Optional[dict]:
        row = self.db.execute("SELECT record FROM records WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def iter_stored(self, ids: Iterable[str]) -> Iterator[tuple[str, str, int, dict]]:
        """(id, record JSON text, words, label counts) in the order of `ids`, without parsing records."""
        for doc_id in ids:
            row = self.db.execute("SELECT record, words, labels FROM records WHERE id = ?", (doc_id,)).fetchone()
            if row is not None:
                yield doc_id, row[0], row[1], json.loads(row[2])

    def close(self) -> None:
        self.db.close()
