"""Where the driver's memory goes (issue 19): a diagnostic, not a benchmark of the pipeline.

Runs the real driver (`pipeline.run.run`, `--cluster tcp://`) in this process against a
`dask scheduler` and 2 `dask worker` processes on 127.0.0.1 (bench_cluster.TcpCluster), on the
synthetic short-article corpus of bench_cluster.py, but with the workers' task replaced by
one that answers at once with a record of the real size (no spaCy work): the driver, the
cache and the Dask client do all they do in a real run, at a hundred times the rate, so
that 100,000 articles take minutes. While it runs, a thread samples the driver's RSS
(psutil) and the Python heap (tracemalloc) against the number of records committed, and
at the end it prints the growth between two points and the lines of code whose
allocations grew most.

Usage: .venv/bin/python bench/trace_driver_memory.py N [--at A,B] [--no-tracemalloc]
  N: corpus size; A,B: committed-record counts between which the growth is reported
  (default N/5 and N). Work files go to bench/_work/ (gitignored).
"""
from __future__ import annotations

import argparse
import json
import shutil
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


def main() -> None:
    import psutil

    import pipeline.execute.dask as dask_executor
    from pipeline.run import CACHE_NAME, RunOptions, run

    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--at", default=None)
    ap.add_argument("--no-tracemalloc", action="store_true")
    args = ap.parse_args()
    at = [int(x) for x in args.at.split(",")] if args.at else [args.n // 5, args.n]
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = synthetic_corpus(WORK / f"syn{args.n}.jsonl", args.n)
    out = WORK / f"trace{args.n}"
    shutil.rmtree(out, ignore_errors=True)
    dask_executor.work = fake_work  # the driver submits this instead of the real task

    me = psutil.Process()
    samples: list[tuple[float, int, float, float]] = []  # (time, committed, rss MB, traced MB)
    ledger_mb = 0.0  # the largest size of the run's ledger file (pipeline/ledger.py), where there is one
    snaps: dict[int, tracemalloc.Snapshot] = {}
    stop = threading.Event()

    def committed() -> int:
        import sqlite3

        try:
            with sqlite3.connect(out / CACHE_NAME, timeout=1) as con:
                return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        except sqlite3.Error:
            return 0

    def sample() -> None:
        nonlocal ledger_mb
        todo = sorted(at)
        while not stop.is_set():
            try:
                ledger_mb = max(ledger_mb, (out / ".presseschau" / "run-ledger.sqlite").stat().st_size / 2**20)
            except OSError:
                pass
            n = committed() if (out / CACHE_NAME).exists() else 0
            traced = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else 0.0
            samples.append((time.perf_counter(), n, me.memory_info().rss / 2**20, traced))
            while todo and n >= todo[0]:
                if tracemalloc.is_tracing():
                    snaps[todo[0]] = tracemalloc.take_snapshot()
                todo.pop(0)
            stop.wait(0.5)

    if not args.no_tracemalloc:
        tracemalloc.start(3)
    cluster = TcpCluster(nanny=False)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    t = time.perf_counter()
    try:
        summary = run(RunOptions(paths=[corpus], out=out, cluster=cluster.address, progress=False))
    finally:
        stop.set()
        th.join()
        cluster.stop()
    wall = time.perf_counter() - t
    print(f"{args.n:,} articles: {summary['counts']['processed']:,} processed in {wall:.0f} s; peak RSS {summary['resources']['peak_rss_mb']} MB")
    for a in at:
        s = next((x for x in samples if x[1] >= a), None)
        if s:
            print(f"  at {s[1]:>7,} committed: RSS {s[2]:7.1f} MB, Python heap (tracemalloc) {s[3]:7.1f} MB")
    last = samples[-1]
    print(f"  at the end (incl. writing): RSS {last[2]:7.1f} MB, max sampled RSS {max(x[2] for x in samples):.1f} MB; ledger file up to {ledger_mb:.1f} MB")
    before = me.memory_info().rss / 2**20
    t = time.perf_counter()
    again = run(RunOptions(paths=[corpus], out=out, cluster=cluster.address, progress=False))
    print(f"  unchanged re-run: {time.perf_counter() - t:.1f} s, {again['counts']['cached']:,} cached, driver RSS {before:.1f} -> {me.memory_info().rss / 2**20:.1f} MB")
    if len(snaps) >= 2:
        a, b = sorted(snaps)[:2]
        print(f"  top growth of the Python heap from {a:,} to {b:,} committed ({b - a:,} articles):")
        for stat in snaps[b].compare_to(snaps[a], "traceback")[:12]:
            frames = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stat.traceback)
            print(f"    {stat.size_diff / 1024:+9.1f} KB ({stat.size_diff / (b - a):+7.1f} B/article) {stat.count_diff:+8d} blocks  {frames}")
    (WORK / f"trace{args.n}.json").write_text(json.dumps(samples), encoding="utf-8")


if __name__ == "__main__":
    main()
