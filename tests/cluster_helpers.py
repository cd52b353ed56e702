"""What the Dask cluster tests (test_cluster.py, test_cluster_local.py, test_cluster_timeouts.py) share: a
scheduler and workers as processes of their own (`LoopbackCluster`), the test corpus (the seeds plus 200 Wikinews
articles), a local run of it, and the CLI run in a subprocess. The tests were one file; they are three since session
33, so that `make test --dist loadfile` runs them on three workers at once (one file runs on one worker)."""
from __future__ import annotations

import gzip
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repo_data import NEWS, REPO, SEEDS

distributed = pytest.importorskip("distributed")

DASK = Path(sys.executable).parent / "dask"
N_NEWS = 200


def _env() -> dict:
    # the workers must import this checkout's pipeline (the venv's editable install may point elsewhere)
    return dict(os.environ, CI="1", PYTHONPATH=str(REPO), DASK_DISTRIBUTED__LOGGING__DISTRIBUTED="error")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(p: subprocess.Popen) -> None:
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(10)


class LoopbackCluster:
    """A scheduler and workers as separate processes, as on a real cluster (no nanny: a
    killed worker stays dead, so its tasks must go to the other one)."""

    def __init__(self, request, n_workers: int = 2):
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []
        request.addfinalizer(self.stop)
        self.scheduler = self._start([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"])
        self._wait_port()
        self.workers = [
            self._start([str(DASK), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                         "--host", "127.0.0.1", "--memory-limit", "0"])
            for _ in range(n_workers)
        ]
        with distributed.Client(self.address, timeout=60) as c:
            c.wait_for_workers(n_workers, timeout=120)

    def _start(self, cmd: list[str]) -> subprocess.Popen:
        p = subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.procs.append(p)
        return p

    def _wait_port(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the dask scheduler did not start")

    def transitions(self) -> int:
        """The scheduler's count of task state transitions: unchanged means no task was sent."""
        with distributed.Client(self.address, timeout=30) as c:
            return c.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)

    def stop(self) -> None:
        for p in reversed(self.procs):
            _stop(p)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus the first 200 Wikinews articles (real text), in one input folder."""
    folder = tmp_path_factory.mktemp("cluster_corpus")
    for f in SEEDS:
        (folder / f.name).write_bytes(f.read_bytes())
    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as src, gzip.open(folder / "wikinews200.jsonl.gz", "wt", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= N_NEWS:
                break
            dst.write(line)
    return folder


@pytest.fixture(scope="module")
def local_output(corpus, tmp_path_factory, nlp_info) -> bytes:
    """articles.jsonl of an ordinary run on this machine."""
    from pipeline.run import RunOptions, run

    out = tmp_path_factory.mktemp("local_run")
    summary = run(RunOptions(paths=[corpus], out=out, progress=False), nlp_info)
    assert summary["counts"]["articles"] == len(SEEDS) + N_NEWS and not summary["errors"]
    return (out / "articles.jsonl").read_bytes()


@pytest.fixture(scope="module")
def cluster(request) -> LoopbackCluster:
    return LoopbackCluster(request)


def _run_cli(*args: str, wait: bool = True):
    cmd = [sys.executable, "-m", "pipeline", "run", *args, "--no-reviews", "--no-progress"]
    if wait:
        return subprocess.run(cmd, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=900)
    return subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _committed(out: Path) -> int:
    db = out / ".presseschau" / "cache-v1.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait_committed(out: Path, proc: subprocess.Popen, at_least: int = 1, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while _committed(out) < at_least:
        assert proc.poll() is None, f"the run ended before the fault was injected: {proc.stdout.read()}"
        assert time.monotonic() < deadline, "no batch was committed in time"
        time.sleep(0.2)
