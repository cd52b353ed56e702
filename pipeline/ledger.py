"""The run's per-article bookkeeping, kept on disk instead of in the driver's memory (issue 19).

For every article read in a run the driver must know the input files (sorted, without
duplicates), whether an article's id was read before (a duplicate), where a JSONL record's id
was first seen in its file, the order in which the articles were read (the order of
`articles.jsonl`), which of them failed, and the further files (JSONL records, PDF articles)
of an id whose first article is not back from processing yet (`hold`: read if that one gives
no article, `settle`). Held in Python sets, dicts and lists, the
articles' part came to about 230 bytes per article (measured with
`bench/trace_driver_memory.py`): 23 MB at 100,000 articles, 2.3 GB at 10 million. Here they
live in a scratch SQLite database beside the cache and are read back as streams; SQLite's
page cache is bounded (its default, 2 MB), so the driver's memory does not grow with the corpus.

Scratch: no journal, no fsync. Each run starts it afresh and removes it at its end; a run
that is killed leaves it behind for the next run to replace. What makes a run resumable is
the cache (`io.Cache`), not this.

Why SQLite and not a library for on-disk sets: it is in the standard library, the cache
already uses it, and the three lookups here are primary-key look-ups and ordered scans.
"""
from __future__ import annotations

import functools
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .errors import CannotStart, OutputNotWritable
from .io import shown, storage_failed


def _storage(method):
    """The output folder failing under the ledger (full, made read-only) ends the run with one
    line (`OutputNotWritable`, exit 2), as it does under the cache."""
    @functools.wraps(method)
    def wrapped(self, *args):
        try:
            return method(self, *args)
        except (OSError, sqlite3.Error) as e:
            if not storage_failed(e):
                raise
            raise OutputNotWritable(
                f"cannot write {shown(self.path)} in the output folder any more ({getattr(e, 'strerror', None) or e}); "
                "the previous articles.jsonl and run.json are unchanged, and the articles processed in this run are "
                "kept in its cache: make the folder writable (or free space) and re-run to go on") from None
    return wrapped


def _order_key(s: str) -> bytes:
    """Bytes that SQLite's BINARY order (memcmp) sorts as Python sorts `s`: by code point,
    which UTF-32-BE keeps (UTF-8 would not for the surrogate escapes of a non-UTF-8 name)."""
    return s.encode("utf-32-be", "surrogatepass")


class RunLedger:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.db: Optional[sqlite3.Connection] = None
        try:
            self._remove()
            self.db = sqlite3.connect(str(self.path))
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
            # pos: the rowid, so the articles come back in reading order without a sort
            # path: where the article was read (as shown), so that a second one of the id can name it
            # pending: its file (a PDF, Word file, web page) is extracted where it is processed, or its article
            # (read at once) was sent to be processed (`sent`), and it is not yet back;
            # free: that extraction gave no article, so the id is free for the next file of the id (`hold`)
            self.db.execute("CREATE TABLE articles (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL DEFAULT '', failed INTEGER NOT NULL DEFAULT 0, "
                            "pending INTEGER NOT NULL DEFAULT 0, free INTEGER NOT NULL DEFAULT 0)")
            # the further files of an id whose file was pending when they were read, in reading order
            self.db.execute("CREATE TABLE held (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, shown TEXT NOT NULL, path BLOB NOT NULL, root BLOB NOT NULL)")
            self.db.execute("CREATE TABLE jsonl_ids (file TEXT NOT NULL, rid TEXT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (file, rid)) WITHOUT ROWID")
            # the input files (ingest.find_inputs): paths as bytes (a file name need not be UTF-8)
            self.db.execute("CREATE TABLE files (resolved BLOB PRIMARY KEY, sortkey BLOB NOT NULL, path BLOB NOT NULL, root BLOB NOT NULL) WITHOUT ROWID")
            self.db.execute("CREATE INDEX files_order ON files (sortkey)")
        except (OSError, sqlite3.Error) as e:
            self.close()
            raise CannotStart(f"cannot create {shown(self.path)} ({getattr(e, 'strerror', None) or e}); is the output folder writable?") from None

    @_storage
    def add_file(self, resolved: Path, path: Path, root: Path) -> bool:
        """Note an input file (`ingest.find_inputs`); False if the same file (resolved) was found before."""
        row = (os.fsencode(resolved), _order_key(str(path)), os.fsencode(path), os.fsencode(root))
        return self.db.execute("INSERT OR IGNORE INTO files (resolved, sortkey, path, root) VALUES (?, ?, ?, ?)", row).rowcount == 1

    def files(self, page: int = 1000) -> Iterator[tuple[Path, Path]]:
        """The (path, root) of the input files, sorted by `str(path)` as `ingest.discover` sorts
        them; read a page at a time, so that no statement stays open while articles are noted."""
        after = b""
        while True:
            rows = self.db.execute("SELECT sortkey, path, root FROM files WHERE sortkey > ? ORDER BY sortkey LIMIT ?", (after, page)).fetchall()
            for after, path, root in rows:
                yield Path(os.fsdecode(path)), Path(os.fsdecode(root))
            if len(rows) < page:
                return

    @_storage
    def add(self, doc_id: str, path: str = "", pending: bool = False) -> Optional[bool]:
        """Note an article read in this run (in reading order) from `path`: True if its id is new,
        None if the id's earlier file gave no article (`settle`) and this one takes it (at the
        id's place in the order), False if the id was read already. `pending`: its file is
        extracted where it is processed (`FileRef`); until `resolve`, the id's further files are `hold`."""
        if self.db.execute("INSERT OR IGNORE INTO articles (id, path, pending) VALUES (?, ?, ?)", (doc_id, path, int(pending))).rowcount == 1:
            return True
        if self.db.execute("UPDATE articles SET path = ?, pending = ?, free = 0, failed = 0 WHERE id = ? AND free = 1",
                           (path, int(pending), doc_id)).rowcount == 1:
            return None
        return False

    @_storage
    def sent(self, doc_id: str) -> None:
        """An article read at once (a text file, a JSONL record, a --pdf-articles article) is sent to be
        processed: it too may give none (its text cleaned to nothing), so its id is pending until `resolve`."""
        self.db.execute("UPDATE articles SET pending = 1 WHERE id = ?", (doc_id,))

    def is_pending(self, doc_id: str) -> bool:
        """Whether the id's file is not extracted yet (so a further file of the id may still be needed)."""
        return self.db.execute("SELECT 1 FROM articles WHERE id = ? AND pending = 1", (doc_id,)).fetchone() is not None

    @_storage
    def hold(self, doc_id: str, shown: str, path: Path, root: Path) -> None:
        """Keep a further file of a pending id (a file, a JSONL record, a --pdf-articles article:
        `path` is its file), to be read if the pending one gives no article."""
        self.db.execute("INSERT INTO held (id, shown, path, root) VALUES (?, ?, ?, ?)", (doc_id, shown, os.fsencode(path), os.fsencode(root)))

    @_storage
    def resolve(self, doc_id: str, no_article: bool) -> None:
        """A pending id's file came back: an article (or an error of the pipeline, not of the
        file: the id stays the file's), or `no_article` (its extraction failed: the id is free)."""
        self.db.execute("UPDATE articles SET pending = 0, free = ? WHERE id = ? AND pending = 1", (int(no_article), doc_id))

    @_storage
    def settle(self) -> tuple[list[tuple[Path, Path, frozenset]], list[tuple[str, str, str]]]:
        """Once no id is pending: the held files to read next, the first held one of each free
        id (in reading order), as (path, root, the ids to take from it: a JSONL file or a
        --pdf-articles PDF gives other articles too, read already), and the held files that are
        duplicates after all, as (shown, id, where the id was read), of the ids that have their article."""
        self.db.commit()
        rows = self.db.execute("SELECT h.seq, h.id, h.shown, h.path, h.root, a.free, a.path FROM held h JOIN articles a ON a.id = h.id "
                               "WHERE a.pending = 0 ORDER BY h.seq").fetchall()
        retry: dict[tuple[bytes, bytes], set] = {}
        dups, taken = [], set()
        for seq, doc_id, shown_as, path, root, free, where in rows:
            if free and doc_id in taken:
                continue
            if free:
                taken.add(doc_id)
                retry.setdefault((path, root), set()).add(doc_id)
            else:
                dups.append((shown_as, doc_id, where))
            self.db.execute("DELETE FROM held WHERE seq = ?", (seq,))
        return [(Path(os.fsdecode(path)), Path(os.fsdecode(root)), frozenset(ids)) for (path, root), ids in retry.items()], dups

    def path_of(self, doc_id: str) -> str:
        """Where the article of this id was read in this run ('' if not noted)."""
        row = self.db.execute("SELECT path FROM articles WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else ""

    @_storage
    def first_line(self, file: str, rid: str, line: int) -> Optional[int]:
        """Note that record id `rid` is on `line` of the JSONL `file`; the line where it was
        first seen if it is there twice, else None (`ingest.read_jsonl`'s `first_line`; None too for the
        line it was first seen on: the file read again for a held record, `settle`)."""
        if self.db.execute("INSERT OR IGNORE INTO jsonl_ids (file, rid, line) VALUES (?, ?, ?)", (file, rid, line)).rowcount == 1:
            return None
        first = self.db.execute("SELECT line FROM jsonl_ids WHERE file = ? AND rid = ?", (file, rid)).fetchone()[0]
        return None if first == line else first

    @_storage
    def fail(self, doc_id: str) -> None:
        """The article did not make it into this run's output (its error was reported)."""
        self.db.execute("UPDATE articles SET failed = 1 WHERE id = ?", (doc_id,))

    @_storage
    def flush(self) -> None:
        """End the current transaction, so that it never holds more than a batch's worth."""
        self.db.commit()

    def kept(self) -> Iterator[str]:
        """The ids of the articles read and not failed, in reading order, streamed."""
        self.db.commit()
        yield from (row[0] for row in self.db.execute("SELECT id FROM articles WHERE failed = 0 ORDER BY pos"))

    def is_kept(self, doc_id: str) -> bool:
        """Whether the article was read in this run and not failed (it is in the output)."""
        self.db.commit()
        return self.db.execute("SELECT 1 FROM articles WHERE id = ? AND failed = 0", (doc_id,)).fetchone() is not None

    def count_kept(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles WHERE failed = 0").fetchone()[0]

    @contextmanager
    def attached(self, db: sqlite3.Connection, alias: str) -> Iterator[str]:
        """This ledger attached (read) to another connection, the cache's, for set operations
        in SQL; yields the kept articles as a table expression there (columns pos, id)."""
        self.db.commit()
        # and the other's (a record's path `Cache.set_path` changed, a PDF's count of articles): a database attached
        # inside a transaction cannot be detached ("database ... is locked"), as when the run's last articles were cached
        db.commit()
        db.execute(f"ATTACH DATABASE ? AS {alias}", (str(self.path),))
        try:
            yield f"(SELECT pos, id FROM {alias}.articles WHERE failed = 0)"
        finally:
            db.execute(f"DETACH DATABASE {alias}")

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        try:
            self._remove()
        except OSError:  # a folder that went read-only: the next run replaces the file
            pass

    def _remove(self) -> None:
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
