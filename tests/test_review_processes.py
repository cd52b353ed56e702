"""Several review-app processes on one decision log (annotations/decisions.jsonl), as a team runs
them: every decision is checked against the log as it is now and appended under an advisory lock
(`log.log_lock`), and every process ends up seeing every line. Real processes (fork), the seed
output `outputs/articles.jsonl`, a copy of the committed log."""
from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
from pathlib import Path

import pytest

from pipeline.review import log as dec
from pipeline.review.routes import TestClient
from pipeline.review.state import ReviewState

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "outputs" / "articles.jsonl"
LOG = ROOT / "annotations" / "decisions.jsonl"
ART = "003_402700ddbbeb6917"
WORKERS, ROUNDS, ENTITIES = 4, 3, 6

try:
    FORK = multiprocessing.get_context("fork")
except ValueError:  # pragma: no cover - no fork on this platform
    FORK = None

_STATE: ReviewState | None = None  # loaded once in the test, inherited by the forked workers


def _worker(n: int, barrier, results) -> None:
    warnings: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            warnings.append(record.getMessage())

    logging.getLogger("presseschau").addHandler(Keep(logging.WARNING))
    c = TestClient(_STATE)
    answers = []
    barrier.wait()
    for _ in range(ROUNDS):
        for i in range(ENTITIES):
            st, view = c.get(f"/api/articles/{ART}")  # the page as the reviewer sees it
            assert st == 200, view
            e = view["record"]["entities"][i]
            body = {"action": "accept" if e["status"] == "rejected" else "reject", "reviewer": f"r{n}",
                    "entity": {k: e[k] for k in ("start", "end", "label")},
                    "seen": {"status": e["status"], "reviewed_by": e.get("reviewed_by")}}
            st, _ = c.post(f"/api/articles/{ART}/decide", body)
            answers.append(st)
    barrier.wait()  # everybody has written: one more look must show all of it
    st, view = c.get(f"/api/articles/{ART}")
    results.put((n, answers, len(_STATE.decisions), [(e["status"], e.get("reviewed_by")) for e in view["record"]["entities"]], warnings))


@pytest.mark.skipif(FORK is None or not OUTPUT.exists() or not LOG.exists(), reason="needs fork and the seed output with its log")
def test_review_processes_share_one_log(tmp_path):
    global _STATE
    ann = tmp_path / "annotations"
    ann.mkdir()
    shutil.copy(LOG, ann / dec.DECISIONS_FILE)
    before = len(dec.load_decisions(ann))
    _STATE = ReviewState(OUTPUT, ann, reviewer="r")
    start = [(e["status"], e["start"], e["end"]) for e in _STATE.article(ART)["record"]["entities"][:ENTITIES]]
    barrier, results = FORK.Barrier(WORKERS), FORK.Queue()
    procs = [FORK.Process(target=_worker, args=(n, barrier, results)) for n in range(WORKERS)]
    for p in procs:
        p.start()
    got = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=10)
    assert all(p.exitcode == 0 for p in procs)

    lines = (ann / dec.DECISIONS_FILE).read_bytes().splitlines()
    log = dec.load_decisions(ann)
    assert len(log) == len(lines)
    new = log[before:]
    # (a) nobody saw a line that was still being written as a torn one
    assert not (ann / (dec.DECISIONS_FILE + dec.REJECTED_SUFFIX)).exists()
    assert [w for *_, ws in got for w in ws] == []
    # (c) a decision made on a stale page was refused (409), never appended: for every entity,
    # each decision starts from the status the one before it left
    answers = [a for _, ans, *_ in got for a in ans]
    assert set(answers) <= {200, 409} and answers.count(200) == len(new)
    for status, s, e in start:
        chain = [d for d in new if (d["span"]["start"], d["span"]["end"]) == (s, e)]
        assert [d["old"]["status"] for d in chain] == [status] + [d["new"]["status"] for d in chain[:-1]]
    # (b) every process shows every line of the log
    fresh = ReviewState(OUTPUT, ann, reviewer="x").article(ART)["record"]["entities"]
    for n, _, seen_decisions, statuses, _ in got:
        assert seen_decisions == len(log), n
        assert statuses == [(e["status"], e.get("reviewed_by")) for e in fresh], n


def _slow_writer(path: Path, line: bytes, started) -> None:
    """Another process appending by the log's protocol (flock on the log), slowly."""
    import fcntl
    import os
    import time

    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.write(fd, line[:40])
    started.set()
    time.sleep(0.5)
    os.write(fd, line[40:])
    os.close(fd)


@pytest.mark.skipif(FORK is None or not LOG.exists(), reason="needs fork and the committed log")
def test_a_line_being_written_is_not_taken_for_a_torn_one(tmp_path, caplog):
    ann = tmp_path / "annotations"
    ann.mkdir()
    log = ann / dec.DECISIONS_FILE
    shutil.copy(LOG, log)
    lines = LOG.read_bytes().splitlines(keepends=True)
    d = dict(json.loads(lines[0]), id="d-slow")
    started = FORK.Event()
    p = FORK.Process(target=_slow_writer, args=(log, json.dumps(d).encode() + b"\n", started))
    p.start()
    assert started.wait(10)
    got = dec.load_decisions(ann)  # waits for the writer: the line comes whole
    p.join(10)
    assert [x["id"] for x in got[-2:]] == [json.loads(lines[-1])["id"], "d-slow"]
    assert "torn" not in caplog.text
    assert not (ann / (dec.DECISIONS_FILE + dec.REJECTED_SUFFIX)).exists()
    # a real torn line (a writer died mid-write: nobody holds the lock) is still reported
    with open(log, "ab") as fh:
        fh.write(b'{"id": "d-cut", "decision": "acc')
    assert len(dec.load_decisions(ann)) == len(got)
    assert "torn last line" in caplog.text
    assert (ann / (dec.DECISIONS_FILE + dec.REJECTED_SUFFIX)).exists()
