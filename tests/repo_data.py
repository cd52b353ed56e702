"""Paths of the real test material: the seed corpus and ../shared/data (imported by tests
as `repo_data`; conftest.py itself is not importable by name once subfolders have their own)."""
from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
NEWS = SHARED / "data" / "news"
SEEDS = sorted(CORPUS.glob("*.txt"))


def read_news(name: str, limit: int) -> list[dict]:
    """The first `limit` records of a gzipped JSONL file in ../shared/data/news."""
    out = []
    with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


@functools.cache
def web_set(name: str) -> tuple[dict, ...]:
    """The items of the web NER set `name` (web, web2, web3, web4: `pipeline.evaluate.model.read_web`,
    which extracts every page again, some seconds a set), read once per test process; not to be changed."""
    from pipeline.evaluate import model

    gold = {"web": model.WEB_GOLD, "web2": model.WEB2_GOLD, "web3": model.WEB3_GOLD, "web4": model.WEB4_GOLD}[name]
    return tuple(model.read_web(SHARED / "data", gold))


def news_row(name: str, key: str, value: str) -> dict:
    """The record of a gzipped JSONL file in ../shared/data/news whose `key` is `value` (a test
    without the file is skipped)."""
    import pytest

    path = NEWS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r[key] == value:
                return r
    raise AssertionError(f"no record with {key}={value!r} in {path}")


def seed_output() -> list[dict]:
    """The records of the committed run of the seeds (outputs/articles.jsonl): real pipeline output."""
    return [json.loads(x) for x in (REPO / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def entity(record: dict, text: str) -> dict:
    """The first entity of `record` whose text is `text`."""
    return next(e for e in record["entities"] if e["text"] == text)
