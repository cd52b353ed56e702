"""Where the driver's memory goes (issue 19): a diagnostic, not a benchmark of the pipeline.

Runs the real driver (`pipeline.run.run`, `--cluster tcp://`) in this process against a
`dask scheduler` and 2 `dask worker` processes on 127.0.0.1 (bench_cluster.TcpCluster), on the
synthetic short-article corpus of bench_cluster.py, but with the workers' task replaced by
one that answers at once with a record of the real size (no spaCy work): the driver, the
cache and the Dask client do all they do in a real run, at a hundred times the rate, so
that 100,000 articles take minutes. By default the driver runs in its own process
(`presseschau run`, the task swapped in) and this one samples its RSS every 0.5 s against
the records committed, then times its unchanged re-run; with --tracemalloc the driver runs
in this process and the lines of code whose allocations grew most are printed.

The `dask scheduler` process's RSS is sampled alongside; `--scheduler-log-length K` starts it
with `DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=K` (Dask's default keeps the last 1,000
messages of each connection), to see whether its growth is those debug logs.

Usage: .venv/bin/python bench/trace_driver_memory.py N [--at A,B,...] [--tracemalloc] [--scheduler-log-length K]
  N: corpus size; A,B,...: committed-record counts at which the RSS is reported (default N/5
  and N); --tracemalloc: the driver in this process instead, and the lines of code whose
  allocations grew most between A and B. Work files go to bench/_work/ (gitignored).
"""
from __future__ import annotations

import argparse
import inspect
import json
import shutil
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import REPO, WORK  # noqa: E402
from bench_cluster import TcpCluster, synthetic_corpus  # noqa: E402

sys.path.insert(0, str(REPO))
RECORD_PAD = 4000  # characters: about the size of a real record of a synthetic article


def fake_work(batch, settings):
    """The task, answered at once: one record line per article of about the real size
    (pickled by value, as a function of __main__, so the workers need nothing extra)."""
    from pipeline.io import dumps
    from pipeline.process import BatchResult, Done

    out = []
    for raw in batch:
        rec = {"id": raw.id, "text": raw.text, "pad": "x" * max(0, RECORD_PAD - len(raw.text))}
        out.append((raw.id, Done(raw.id, raw.sha256, dumps(rec), len(raw.text.split()), {"PER": 1, "LOC": 1}, raw.path)))
    return BatchResult(out, {"annotate": 0.0})


def committed(out: Path) -> int:
    import sqlite3

    from pipeline.run import CACHE_NAME

    try:
        with sqlite3.connect(out / CACHE_NAME, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


def in_process(corpus: Path, out: Path, address: str, at: list[int]) -> None:
    """The driver in this process, with tracemalloc: the lines whose allocations grew most
    between the first two counts of `at`. (The sampling thread and the snapshots add to the
    RSS: for RSS figures use the default, the driver in its own process.)"""
    import pipeline.execute.dask as dask_executor
    from pipeline.run import RunOptions, run

    dask_executor.work = fake_work  # the driver submits this instead of the real task
    snaps: dict[int, tracemalloc.Snapshot] = {}
    stop = threading.Event()

    def sample() -> None:
        todo = sorted(at)
        while todo and not stop.is_set():
            n = committed(out)
            while todo and n >= todo[0]:
                snaps[todo.pop(0)] = tracemalloc.take_snapshot()
            stop.wait(0.5)

    tracemalloc.start(3)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    try:
        run(RunOptions(paths=[corpus], out=out, cluster=address, progress=False))
    finally:
        stop.set()
        th.join()
    a, b = sorted(snaps)[:2]
    print(f"top growth of the Python heap from {a:,} to {b:,} committed ({b - a:,} articles):")
    for stat in snaps[b].compare_to(snaps[a], "traceback")[:12]:
        frames = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stat.traceback)
        print(f"  {stat.size_diff / 1024:+9.1f} KB ({stat.size_diff / (b - a):+7.1f} B/article) {stat.count_diff:+8d} blocks  {frames}")


# fake_work is defined in the child's __main__, so that Dask sends the function itself (by
# value) and neither the scheduler nor the workers need to import this file
CHILD = """
import sys
sys.path[:0] = [{repo!r}]
RECORD_PAD = {pad!r}
{source}
import pipeline.execute.dask as d
d.work = fake_work
from pipeline.cli import app
sys.argv = ["presseschau", "run", *{args!r}]
app(prog_name="presseschau")
"""


def own_process(corpus: Path, out: Path, cluster: TcpCluster, at: list[int], n: int) -> None:
    """The driver in its own process (`presseschau run` with the task replaced), its RSS and the
    scheduler's sampled every 0.5 s from here, as bench_cluster.py samples it; then its unchanged
    re-run."""
    import psutil

    address = cluster.address
    scheduler = psutil.Process(cluster.scheduler.pid)
    trail = []  # (seconds, committed, driver RSS MB, phase, scheduler RSS MB)

    def one_run() -> tuple[float, dict]:
        args = [str(corpus), "--out", str(out), "--no-progress", "--no-reviews", "--cluster", address]
        code = CHILD.format(repo=str(REPO), pad=RECORD_PAD, source=inspect.getsource(fake_work), args=args)
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        me = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                rss = me.memory_info().rss / 2**20
            except psutil.Error:
                break
            k = committed(out) if (out / ".presseschau").exists() else 0
            writing = any(out.glob(".articles.jsonl.*.tmp"))
            trail.append((time.perf_counter() - t, k, rss, "writing" if writing else "reading", scheduler.memory_info().rss / 2**20))
            time.sleep(0.5)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"the run failed ({proc.returncode})")
        return time.perf_counter() - t, json.loads((out / "run.json").read_text(encoding="utf-8"))

    wall, summary = one_run()
    print(f"{n:,} articles: {summary['counts']['processed']:,} processed in {wall:.0f} s; driver peak RSS (run.json) {summary['resources']['peak_rss_mb']} MB")
    for a in at:
        s = next((x for x in trail if x[1] >= a), None)
        if s:
            print(f"  at {s[1]:>7,} committed: driver RSS {s[2]:7.1f} MB, scheduler RSS {s[4]:7.1f} MB")
    reading = [x[2] for x in trail if x[3] == "reading" and x[1] > 0]
    writing = [x[2] for x in trail if x[3] == "writing"]
    print(f"  max sampled RSS while committing {max(reading, default=0):.1f} MB, while writing articles.jsonl {max(writing, default=0):.1f} MB")
    (WORK / f"trace{n}.json").write_text(json.dumps(trail), encoding="utf-8")
    trail.clear()
    wall_re, again = one_run()
    print(f"  unchanged re-run: {wall_re:.1f} s wall, {again['timings']['total']:.2f} s inside the run, {again['counts']['cached']:,} cached; "
          f"driver peak RSS {again['resources']['peak_rss_mb']} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--at", default=None)
    ap.add_argument("--tracemalloc", action="store_true", help="the driver in this process, with tracemalloc (slower; RSS not comparable)")
    ap.add_argument("--scheduler-log-length", type=int, default=None, metavar="K",
                    help="start the scheduler with DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=K")
    args = ap.parse_args()
    at = [int(x) for x in args.at.split(",")] if args.at else [args.n // 5, args.n]
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = synthetic_corpus(WORK / f"syn{args.n}.jsonl", args.n)
    out = WORK / f"trace{args.n}"
    shutil.rmtree(out, ignore_errors=True)
    log_length = args.scheduler_log_length
    cluster = TcpCluster(nanny=False, scheduler_env=None if log_length is None else
                         {"DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH": str(log_length)})
    try:
        if args.tracemalloc:
            in_process(corpus, out, cluster.address, at)
        else:
            own_process(corpus, out, cluster, at, args.n)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
