"""`presseschau run --format parquet`: the run's records as partitioned Parquet, for archives
too large for one JSONL file (pandas, DuckDB, Spark, Polars read a folder of parts).

    out/articles.parquet/part-00000.parquet ...  one row per article: id, title, outlet,
        published, lang, words, entities (count), text, record (the full JSON line, so
        nothing of the record is lost), published_day (`published` as a DATE where it is one
        whole day, else null: see `tables`)
    out/entities.parquet/part-00000.parquet ...  one row per entity, the columns of
        `presseschau export --format parquet` (`interop.tables.parquet_table`), joined on article_id

One part per `rows_per_file` articles, in the order of articles.jsonl. The parts are
written to two hidden temporary folders, which then replace the previous two by renames:
first both previous folders are moved aside, then both new ones moved in. A rename that
fails (a folder made read-only) puts the previous folders back, so the run's error leaves
the previous articles.parquet/ and entities.parquet/ together; the two are not one atomic
swap, though: a reader in the instant between the renames, or a crash (power loss) there,
can see one folder missing or the new one beside the previous one. (One swap of a common
parent folder would be atomic but change the output layout, which readers rely on.)

Read back: `pd.read_parquet("out/articles.parquet")`,
`duckdb.sql("SELECT * FROM 'out/entities.parquet/*.parquet'")`, `spark.read.parquet("out/articles.parquet")`.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Optional

from ..io import fsync_dir

ARTICLES_DIR = "articles.parquet"
ENTITIES_DIR = "entities.parquet"
ROWS_PER_FILE = 5000


def _article_schema():
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()), ("title", pa.string()), ("outlet", pa.string()), ("published", pa.string()),
        ("lang", pa.string()), ("words", pa.int64()), ("entities", pa.int64()), ("text", pa.string()), ("record", pa.string()),
        ("published_day", pa.date32()),
    ])


class PartitionedWriter:
    """Collects the final record lines of a run and writes one Parquet part per `rows_per_file`.
    As a context manager: committed when the block ends normally, discarded when it raises."""

    def __init__(self, out: Path, rows_per_file: int = ROWS_PER_FILE):
        self.out = Path(out)
        self.rows_per_file = max(1, rows_per_file)
        self.tmp = {name: self.out / f".{name}.tmp-{os.getpid()}" for name in (ARTICLES_DIR, ENTITIES_DIR)}
        for folder in self.tmp.values():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        self.lines: list[str] = []
        self.parts = 0

    def __enter__(self) -> "PartitionedWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self.discard()

    def add(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) >= self.rows_per_file:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .tables import iso_day, parquet_table

        if not self.lines and self.parts:
            return
        records = [json.loads(line) for line in self.lines]
        meta = [r.get("meta") or {} for r in records]
        articles = pa.table({
            "id": [r["id"] for r in records],
            "title": [_str(m.get("title")) for m in meta],
            "outlet": [_str(m.get("outlet")) for m in meta],
            "published": [_str(m.get("published")) for m in meta],
            "lang": [_str(r.get("lang")) for r in records],
            "words": [len(r["text"].split()) for r in records],
            "entities": [sum(1 for e in r["entities"] if e.get("status") != "rejected") for r in records],
            "text": [r["text"] for r in records],
            "record": self.lines,
            "published_day": [iso_day(m.get("published")) for m in meta],
        }, schema=_article_schema())
        name = f"part-{self.parts:05d}.parquet"
        pq.write_table(articles, self.tmp[ARTICLES_DIR] / name)
        pq.write_table(pa.Table.from_pandas(parquet_table(records), preserve_index=False), self.tmp[ENTITIES_DIR] / name)
        self.parts += 1
        self.lines = []

    def commit(self) -> None:
        """Write the last part and put both folders in place of the previous ones: the previous
        ones aside first, then the new ones in; when a rename fails, the previous ones go back
        (as far as the folder still allows) and the error is raised."""
        self._flush()
        aside: list[tuple[Path, Path]] = []  # (final, where the previous folder went)
        placed: list[tuple[Path, Path]] = []  # (final, the temporary folder it came from)
        try:
            for name in self.tmp:
                final = self.out / name
                if final.exists():
                    old = self.out / f".{name}.old-{os.getpid()}"
                    shutil.rmtree(old, ignore_errors=True)
                    os.replace(final, old)
                    aside.append((final, old))
            for name, tmp in self.tmp.items():
                os.replace(tmp, self.out / name)
                placed.append((self.out / name, tmp))
        except BaseException:
            for final, tmp in reversed(placed):
                _rename_quietly(final, tmp)  # discarded afterwards
            for final, old in reversed(aside):
                _rename_quietly(old, final)
            raise
        for _, old in aside:
            shutil.rmtree(old, ignore_errors=True)
        fsync_dir(self.out)

    def discard(self) -> None:
        for tmp in self.tmp.values():
            shutil.rmtree(tmp, ignore_errors=True)


def remove_stale_temps(out: Path) -> list[Path]:
    """Remove the temporary and set-aside folders a `PartitionedWriter` left in `out` when its
    run was killed (`.articles.parquet.tmp-PID`, `.articles.parquet.old-PID`, the same for
    entities.parquet). Only for the run that holds the output folder's lock. Returns them."""
    removed = []
    for name in (ARTICLES_DIR, ENTITIES_DIR):
        for kind in ("tmp", "old"):
            for folder in Path(out).glob(f".{name}.{kind}-*"):
                if folder.name.rpartition("-")[2].isdigit() and folder.is_dir() and not folder.is_symlink():
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
    return removed


def _rename_quietly(src: Path, dst: Path) -> None:
    """A rename while undoing a failed commit: the commit's own error is the one to report."""
    try:
        os.replace(src, dst)
    except OSError:
        pass


def _str(v) -> Optional[str]:
    return None if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
