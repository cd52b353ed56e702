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

import gzip
import json
import os
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union

import jsonlines


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()  # what a plain open() gives (mkstemp alone gives 0o600); read once at import


@contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: Optional[str] = "utf-8"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, FILE_MODE)
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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


def iter_jsonl(path: Union[str, Path]) -> Iterator[tuple[int, Union[Any, BadLine]]]:
    """(line number, value or `BadLine`) for every non-blank line; ``.gz`` files are
    decompressed, a UTF-8 BOM is ignored. OS and decoding errors propagate."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
        lines = _NumberedLines(fh)
        reader = jsonlines.Reader(lines)
        while True:
            try:
                value = reader.read(skip_empty=True, allow_none=True)
            except EOFError:
                return
            except jsonlines.InvalidLineError as e:
                cause = e.__cause__
                msg = getattr(cause, "msg", str(e))
                yield e.lineno, BadLine(e.lineno, msg, getattr(cause, "colno", 0), not lines.last.endswith("\n"))
                continue
            yield lines.lineno, value


class _NumberedLines:
    """The lines of a file, remembering the number of the last one handed out."""

    def __init__(self, fh: Iterable[str]):
        self.fh = fh
        self.lineno = 0
        self.last = ""

    def __iter__(self) -> Iterator[str]:
        for self.lineno, self.last in enumerate(self.fh, 1):
            yield self.last


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


def label_counts(record: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in record["entities"]:
        if e.get("status") != "rejected":
            counts[e["label"]] = counts.get(e["label"], 0) + 1
    return counts


class Cache:
    """Processed records keyed by article id, with the hash and fingerprint they came from."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, fingerprint TEXT NOT NULL,"
            " record TEXT NOT NULL, words INTEGER NOT NULL, labels TEXT NOT NULL)"
        )
        self.db.commit()

    def state(self) -> dict[str, tuple[str, str]]:
        return {row[0]: (row[1], row[2]) for row in self.db.execute("SELECT id, sha256, fingerprint FROM records")}

    def put_many(self, rows: Iterable[tuple[str, str, str, dict]]) -> None:
        """Store (id, sha256, fingerprint, record) rows in one transaction."""
        self.put_lines((i, h, f, dumps(r), len(r["text"].split()), label_counts(r)) for i, h, f, r in rows)

    def put_lines(self, rows: Iterable[tuple[str, str, str, str, int, dict]]) -> None:
        """Store (id, sha256, fingerprint, record JSON line, words, label counts) rows, serialised
        where the work was done, in one transaction."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO records (id, sha256, fingerprint, record, words, labels) VALUES (?, ?, ?, ?, ?, ?)",
                ((i, h, f, line, w, dumps(labels)) for i, h, f, line, w, labels in rows),
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
