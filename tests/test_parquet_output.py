"""`presseschau run --format parquet` (issue 19): partitioned Parquet beside or instead of
articles.jsonl, on the seeds plus real Wikinews articles."""
from __future__ import annotations

import gzip
import json
import os

import pandas as pd
import pyarrow.parquet as pq
import pytest

from repo_data import NEWS, SEEDS


def _corpus(folder):
    folder.mkdir()
    for f in SEEDS:
        (folder / f.name).write_bytes(f.read_bytes())
    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as src:
        lines = [next(src) for _ in range(6)]
    (folder / "news.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder


def test_parquet_parts_hold_the_same_records_as_articles_jsonl(tmp_path, nlp_info):
    from pipeline.run import RunOptions, run

    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    summary = run(RunOptions(paths=[corpus], out=out, progress=False, formats=("jsonl", "parquet"), parquet_rows=4), nlp_info)
    n = summary["counts"]["articles"]
    assert n == len(SEEDS) + 6 and not summary["errors"]
    assert summary["outputs"] == [str(out / name) for name in ("articles.jsonl", "articles.parquet", "entities.parquet")]
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()

    parts = sorted((out / "articles.parquet").glob("*.parquet"))
    assert [p.name for p in parts] == [f"part-{i:05d}.parquet" for i in range(-(-n // 4))]
    articles = pd.read_parquet(out / "articles.parquet")
    assert articles["record"].tolist() == lines  # every record whole, in the order of articles.jsonl
    records = [json.loads(line) for line in lines]
    assert articles["id"].tolist() == [r["id"] for r in records]
    assert articles["title"].tolist()[0] == records[0]["meta"]["title"]
    assert articles["words"].sum() == summary["counts"]["words"]

    entities = pd.read_parquet(out / "entities.parquet")
    assert len(entities) == summary["counts"]["entities"] > 0
    assert set(entities["article_id"]) <= set(articles["id"])
    first = records[0]["entities"][0]
    row = entities[(entities.article_id == records[0]["id"]) & (entities.start == first["start"])].iloc[0]
    assert (row.text, row.label) == (first["text"], first["label"])
    # one schema across parts, also where a part has no value in a column
    assert len({pq.read_schema(p) for p in parts}) == 1
    assert len({pq.read_schema(p) for p in (out / "entities.parquet").glob("*.parquet")}) == 1
    # published as a date where it is one whole day (a month or a year stays a string only)
    days = [None if pd.isna(d) else d.isoformat() for d in articles["published_day"]]
    pubs = [r["meta"].get("published") for r in records]
    assert days == [p if p and len(p) == 10 else None for p in pubs] and any(days)

    # Parquet instead of JSONL: articles.jsonl stays as it was, the parts are replaced whole
    before = (out / "articles.jsonl").read_bytes()
    again = run(RunOptions(paths=[corpus], out=out, progress=False, formats=("parquet",), parquet_rows=100), nlp_info)
    assert again["counts"]["cached"] == n and again["output"].endswith("articles.parquet")
    assert again["outputs"] == [str(out / "articles.parquet"), str(out / "entities.parquet")]
    assert (out / "articles.jsonl").read_bytes() == before
    assert [p.name for p in (out / "articles.parquet").iterdir()] == ["part-00000.parquet"]
    assert pd.read_parquet(out / "articles.parquet")["record"].tolist() == lines
    assert not [p for p in out.iterdir() if p.name.startswith(".articles.parquet") or p.name.startswith(".entities.parquet")]


def test_a_failed_commit_leaves_both_previous_folders(tmp_path, monkeypatch):
    """The second folder's rename fails (the folder turned read-only, here a patched
    os.replace): articles.parquet/ goes back to the previous one too, so the two previous
    folders stay together and no temporary folder is left."""
    from pipeline.interop import parquet

    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as src:
        records = [json.loads(next(src)) for _ in range(3)]
    lines = [json.dumps({"id": r["id"], "text": r["text"], "lang": "de", "meta": {}, "entities": []}, ensure_ascii=False)
             for r in records]
    with parquet.PartitionedWriter(tmp_path) as w:
        w.add(lines[0])
    previous = pd.read_parquet(tmp_path / parquet.ARTICLES_DIR)["id"].tolist()

    real = os.replace

    def refuse_entities(src, dst):
        if str(src).endswith(f".{parquet.ENTITIES_DIR}.tmp-{os.getpid()}"):
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(parquet.os, "replace", refuse_entities)
    with pytest.raises(PermissionError):
        with parquet.PartitionedWriter(tmp_path) as w:
            for line in lines:
                w.add(line)
    monkeypatch.setattr(parquet.os, "replace", real)
    assert pd.read_parquet(tmp_path / parquet.ARTICLES_DIR)["id"].tolist() == previous == [records[0]["id"]]
    assert (tmp_path / parquet.ENTITIES_DIR).is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == [parquet.ARTICLES_DIR, parquet.ENTITIES_DIR]
