"""Shared fixtures: the real seed corpus, the shared open data, one pipeline run of the seeds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
NEWS = SHARED / "data" / "news"
SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp_info():
    from pipeline.annotate import load_nlp

    return load_nlp(None)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, nlp_info):
    """Run the pipeline once on corpus/ (into a temp folder); returns (out_dir, summary, records)."""
    from pipeline.runner import RunOptions, run

    out = tmp_path_factory.mktemp("seed_run")
    summary = run(RunOptions(paths=[CORPUS], out=out, annotations=out / "no-annotations", progress=False), nlp_info)
    records = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, summary, records


def read_news(name: str, limit: int):
    """The first `limit` records of a gzipped JSONL file in ../shared/data/news."""
    import gzip

    out = []
    with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out
