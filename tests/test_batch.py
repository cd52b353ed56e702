"""Batch robustness on real news: worker processes give the same output as one process, and a
`kill -9` in the middle of a run followed by a re-run gives exactly the uninterrupted output."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from pipeline.runner import CACHE_NAME, RunOptions, run

from repo_data import REPO, read_news


def _corpus(tmp_path, n):
    p = tmp_path / "news.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for rec in read_news("wikinews_de.jsonl.gz", n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return p


def test_two_worker_processes_give_identical_output(tmp_path, nlp_info):
    corpus = _corpus(tmp_path, 24)
    run(RunOptions(paths=[corpus], out=tmp_path / "one", annotations=tmp_path / "a", progress=False), nlp_info)
    run(RunOptions(paths=[corpus], out=tmp_path / "two", annotations=tmp_path / "a", progress=False, n_process=2, batch_size=4), nlp_info)
    one = (tmp_path / "one" / "articles.jsonl").read_text(encoding="utf-8")
    two = (tmp_path / "two" / "articles.jsonl").read_text(encoding="utf-8")
    assert one == two
    recs = [json.loads(x) for x in one.splitlines()]
    assert len(recs) == 24
    # the rule components ran inside the workers too
    assert any(e["label"] == "DATE" for r in recs for e in r["entities"])


def _stored(out):
    db = out / CACHE_NAME
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(str(db), timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_midway_then_rerun_equals_uninterrupted(tmp_path, nlp_info):
    corpus = _corpus(tmp_path, 300)
    ref = tmp_path / "ref"
    run(RunOptions(paths=[corpus], out=ref, annotations=tmp_path / "a", progress=False), nlp_info)
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--annotations", str(tmp_path / "a"), "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while _stored(out) == 0 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = _stored(out)
    assert 0 < done_before < 300, "the kill should land in the middle of the run"
    assert not (out / "articles.jsonl").exists()
    summary = run(RunOptions(paths=[corpus], out=out, annotations=tmp_path / "a", progress=False), nlp_info)
    assert summary["counts"]["cached"] == done_before
    assert summary["counts"]["processed"] == 300 - done_before
    assert (out / "articles.jsonl").read_bytes() == (ref / "articles.jsonl").read_bytes()
