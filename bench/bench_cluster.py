"""Cluster benchmark for `presseschau run --cluster` (issue 19), measured side by side in one run.

Corpus: the real articles of bench_batch.py (10kGNAD test + Wikinews from ../shared/data/news),
and a larger corpus made by repeating them with new ids (`--scale`, default 100000).

Measures:
  1. `--cluster local:2` vs `--n-process 2`, words/s on the real articles, each run's own
     start-up (a one-article run of the same kind) excluded, and wall clock included
     (target ratio >= 0.90); and whether both outputs are byte-identical;
  2. the driver's CPU time per article (the run process, which with local:N also hosts the
     Dask scheduler), against a worker's CPU time per article: how many workers one driver
     can keep busy (target >= 50);
  3. the driver's peak memory (RSS of the run process) on the real articles vs the scaled corpus
     (target: flat, < 10 % growth);
  4. a re-run of the unchanged corpus with --cluster vs its full run (target < 2 %).

`--rerun`: only measure 4, on the real articles, for `--cluster local:2` and for `--n-process 2`
(a full run, then the same command again on the unchanged corpus).

`--driver-memory 2000,20000,100000`: only measure 3, with the driver alone (`--cluster tcp://`:
the scheduler and 2 workers in their own processes, as on a real cluster) on corpora of N
short articles made of sentences sampled from the Wikinews corpus (real German sentences,
synthetic articles: 2-3 sentences each, about 46 words, so that large sizes stay affordable;
100,000 would take over an hour on the shared 2-core machine under load).
Per size: the driver's peak RSS (run.json), the scheduler's peak RSS (sampled), the run's
wall time and its unchanged re-run.

Usage: .venv/bin/python bench/bench_cluster.py [--model M] [--scale 100000] [--skip-scale] [--limit N]
       .venv/bin/python bench/bench_cluster.py --rerun [--limit N]
       .venv/bin/python bench/bench_cluster.py --driver-memory 2000,20000,100000
Work files go to bench/_work/ (gitignored).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import NEWS, REPO, WORK, load_articles, print_table, write_corpus  # noqa: E402


def presseschau_run(corpus: Path, out: Path, extra: list[str], model: str | None, fresh: bool = True) -> tuple[float, dict]:
    """Wall time and run.json of one `presseschau run ... EXTRA`; run.json gains `bench_cpu_tree_s`,
    the CPU time of the run's whole process tree (its workers included, once they were waited
    for), which a busy machine changes much less than the wall time."""
    import resource

    if fresh and out.exists():
        shutil.rmtree(out)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = ru.ru_utime + ru.ru_stime
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress", "--no-reviews", *extra]
    if model:
        cmd += ["--model", model]
    log = WORK / f"{out.name}.log"
    t = time.perf_counter()
    with open(log, "w", encoding="utf-8") as fh:
        rc = subprocess.run(cmd, cwd=REPO, stdout=fh, stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONPATH=str(REPO))).returncode
    elapsed = time.perf_counter() - t
    if rc not in (0, 1):
        raise SystemExit(f"run failed ({rc}), see {log}:\n{log.read_text(encoding='utf-8')[-3000:]}")
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    summary["bench_cpu_tree_s"] = ru.ru_utime + ru.ru_stime - cpu_before
    return elapsed, summary


class TcpCluster:
    """`dask scheduler` and `dask worker` processes on 127.0.0.1, as on a real cluster: the
    run process is then the driver alone (with local:N the scheduler runs inside it)."""

    def __init__(self, n_workers: int = 2, nanny: bool = True, scheduler_env: dict[str, str] | None = None):
        import socket

        with socket.socket() as sk:
            sk.bind(("127.0.0.1", 0))
            port = sk.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        dask = str(Path(sys.executable).parent / "dask")
        # nanny=False: no MALLOC_TRIM_THRESHOLD_ (README: 22 % of annotation time) and no profiler
        env = dict(os.environ, PYTHONPATH=str(REPO), **({} if nanny else {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}))
        kw = dict(cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                          **{**kw, "env": {**env, **(scheduler_env or {})}})
        time.sleep(5)
        self.workers = [subprocess.Popen([dask, "worker", self.address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                                          *([] if nanny else ["--no-nanny", "--memory-limit", "0"])], **kw)
                        for _ in range(n_workers)]

    def scheduler_cpu_s(self) -> float:
        import psutil

        t = psutil.Process(self.scheduler.pid).cpu_times()
        return t.user + t.system

    def stop(self) -> None:
        for p in [*self.workers, self.scheduler]:
            p.terminate()
        for p in [*self.workers, self.scheduler]:
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()


def driver_cost(corpus: Path, model: str | None) -> tuple[float, float, int]:
    """(driver CPU s per article, scheduler CPU s per article, articles measured) of a run
    against a separate scheduler, counted from the first committed batch (start-up and model
    loading done) to the last one (before articles.jsonl is written): the CPU time of the run
    process (psutil) and of the scheduler over the same window, over the articles committed
    in it (the cache's row count)."""
    import psutil
    import sqlite3

    cluster = TcpCluster()
    out = WORK / "c_tcp"
    shutil.rmtree(out, ignore_errors=True)
    db = out / ".presseschau" / "cache-v1.sqlite"
    total = sum(1 for _ in open(corpus, encoding="utf-8"))

    def committed() -> int:
        try:
            with sqlite3.connect(db, timeout=1) as con:
                return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        except sqlite3.Error:
            return 0

    def cpu(p) -> float:
        t = p.cpu_times()
        return t.user + t.system

    try:
        cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress", "--no-reviews",
               "--cluster", cluster.address] + (["--model", model] if model else [])
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(REPO)))
        driver, sched = psutil.Process(proc.pid), psutil.Process(cluster.scheduler.pid)
        first = last = None
        while proc.poll() is None:
            n = committed() if db.exists() else 0
            if n and first is None:
                first = (n, cpu(driver), cpu(sched))
            if n >= total and last is None:
                last = (n, cpu(driver), cpu(sched))
            time.sleep(0.2)
    finally:
        cluster.stop()
    if first is None or last is None or last[0] == first[0]:
        raise SystemExit("the tcp run did not commit its batches; see bench/_work")
    arts = last[0] - first[0]
    return (last[1] - first[1]) / arts, (last[2] - first[2]) / arts, arts


# a sentence ends after a word of 4+ lower-case letters (not after "27." or "Dr."): enough to cut
# real sentences for a benchmark corpus, not the pipeline's sentence splitting
SENTENCE_END = re.compile(r"(?<=[a-zäöüß]{4}[.!?])\s+(?=[A-ZÄÖÜ])")


def synthetic_corpus(path: Path, n: int, seed: int = 19) -> Path:
    """N short articles (2-3 sentences, a title of one) drawn from the sentences of the
    Wikinews corpus, each with a published date of a real article: German text the pipeline
    annotates as usual (entities, dates, figures), not N copies of a few texts. Written once
    per N (the same seed gives the same corpus)."""
    if path.exists() and sum(1 for _ in open(path, encoding="utf-8")) == n:
        return path
    sentences, dates = [], []
    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            dates.append(rec.get("published"))
            sentences += [s.strip() for s in SENTENCE_END.split(" ".join(rec["text"].split())) if 40 <= len(s.strip()) <= 300]
    rng = random.Random(seed)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for i in range(n):
            body = rng.sample(sentences, rng.randint(2, 3))
            art = {"id": f"syn-{i:07d}", "title": rng.choice(sentences)[:80], "published": rng.choice(dates), "text": " ".join(body)}
            out.write(json.dumps(art, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def committed(out: Path) -> int:
    """Records committed to the cache of the run writing to `out` so far."""
    import sqlite3

    try:
        with sqlite3.connect(out / ".presseschau" / "cache-v1.sqlite", timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


def driver_memory(sizes: list[int], model: str | None) -> list[tuple[str, str]]:
    """Per corpus size: a fresh loopback cluster (scheduler + 2 workers without nanny), one full
    run and its unchanged re-run through it; the driver's peak RSS from its run.json, the
    scheduler's peak RSS sampled every 0.5 s (psutil). Along the run, every 30 s, a line with
    the records committed and the driver's RSS goes to bench/_work/c_synN.trail (flushed: a
    long run that is stopped still says how far its memory went), and the driver's CPU time
    from the first to the last committed batch gives its CPU per article."""
    import psutil

    rows, base = [], None
    for n in sizes:
        corpus = synthetic_corpus(WORK / f"syn{n}.jsonl", n)
        cluster = TcpCluster(nanny=False)
        peak_sched = 0.0
        out = WORK / f"c_syn{n}"
        shutil.rmtree(out, ignore_errors=True)
        first = last = None  # (committed, driver CPU s) at the first and the last committed batch
        try:
            cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress", "--no-reviews",
                   "--cluster", cluster.address] + (["--model", model] if model else [])
            t = time.perf_counter()
            with open(WORK / f"c_syn{n}.log", "w", encoding="utf-8") as log, open(WORK / f"c_syn{n}.trail", "w", encoding="utf-8") as trail:
                proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONPATH=str(REPO)))
                sched, driver = psutil.Process(cluster.scheduler.pid), psutil.Process(proc.pid)
                next_trail = time.perf_counter()
                while proc.poll() is None:
                    try:
                        peak_sched = max(peak_sched, sched.memory_info().rss / 2**20)
                        if time.perf_counter() >= next_trail:
                            k, rss, ct = committed(out), driver.memory_info().rss / 2**20, driver.cpu_times()
                            cpu = ct.user + ct.system
                            trail.write(f"{time.perf_counter() - t:8.0f} s  {k:>8,} committed  driver RSS {rss:7.1f} MB  scheduler RSS {peak_sched:7.1f} MB (peak)\n")
                            trail.flush()
                            if k and first is None:
                                first = (k, cpu)
                            if k and k < n:
                                last = (k, cpu)
                            next_trail += 30
                    except psutil.Error:  # the run ended between poll() and the sample
                        pass
                    time.sleep(0.5)
            t_full = time.perf_counter() - t
            if proc.returncode not in (0, 1):
                raise SystemExit(f"run failed ({proc.returncode}), see {WORK / f'c_syn{n}.log'}")
            s_full = json.loads((out / "run.json").read_text(encoding="utf-8"))
            t_re, s_re = presseschau_run(corpus, out, ["--cluster", cluster.address], model, fresh=False)
        finally:
            cluster.stop()
        rss = s_full["resources"]["peak_rss_mb"]
        base = base or rss
        c = s_full["counts"]
        rows += [
            (f"{n:,} synthetic articles via tcp:// (2 workers): wall, words/s", f"{t_full:,.0f}s, {c['words'] / t_full:,.0f} words/s ({c['words']:,} words, {c['failed']} failed)"),
            (f"{n:,}: driver peak RSS (MB), growth vs {sizes[0]:,}", f"{rss:.0f}, {100 * (rss / base - 1):+.1f}%"),
            (f"{n:,}: scheduler peak RSS (MB, sampled)", f"{peak_sched:.0f}"),
            (f"{n:,}: driver CPU per article, ms (sampled every 30 s, first to last sample while committing)",
             f"{1000 * (last[1] - first[1]) / (last[0] - first[0]):.2f} ({last[0] - first[0]:,} articles)" if first and last and last[0] > first[0] else "n/a (too short)"),
            (f"{n:,}: unchanged re-run", f"{t_re:.1f}s = {100 * t_re / t_full:.2f}% (processed {s_re['counts']['processed']}, "
                                         f"model loaded: {'yes' if 'load_model' in s_re['timings'] else 'no'}, driver RSS {s_re['resources']['peak_rss_mb']:.0f} MB)"),
        ]
        print_table(rows)  # each size as it is done: the long ones may not finish
    return rows


def rerun_ratios(corpus: Path, model: str | None) -> list[tuple[str, str]]:
    """A full run and the unchanged re-run of the same command, for --cluster local:2 and --n-process 2."""
    rows = []
    for name, extra in (("--cluster local:2", ["--cluster", "local:2"]), ("--n-process 2", ["--n-process", "2"])):
        out = WORK / f"c_rerun_{extra[1].replace(':', '')}"
        t_full, s_full = presseschau_run(corpus, out, extra, model)
        t_re, s_re = presseschau_run(corpus, out, extra, model, fresh=False)
        same = s_re["counts"]["processed"] == 0
        rows.append((f"{s_full['counts']['articles']:,} articles, {name}: unchanged re-run (target < 2%)",
                     f"wall {t_re:.2f}s = {100 * t_re / t_full:.2f}% of {t_full:.0f}s; CPU of the process tree {s_re['bench_cpu_tree_s']:.2f}s = "
                     f"{100 * s_re['bench_cpu_tree_s'] / s_full['bench_cpu_tree_s']:.2f}% of {s_full['bench_cpu_tree_s']:.0f}s (processed {s_re['counts']['processed']}{'' if same else ' (NOT unchanged)'}, "
                     f"model loaded: {'yes' if 'load_model' in s_re['timings'] else 'no'}, run.json total {s_re['timings']['total']:.2f}s)"))
    return rows


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="only the first N real articles (smoke test of the bench)")
    ap.add_argument("--rerun", action="store_true", help="only the unchanged re-run vs full run, local:2 and --n-process 2")
    ap.add_argument("--driver-memory", default=None, metavar="N,N,...", help="only the driver's peak RSS at these corpus sizes (synthetic short articles)")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.driver_memory:
        start = load_average()
        rows = driver_memory([int(x) for x in args.driver_memory.split(",")], args.model)
        print_table([("load average at start (1/5/15 min)", start), *rows, ("load average at end (1/5/15 min)", load_average())])
        return
    articles = load_articles()[: args.limit]
    n = len(articles)
    corpus = write_corpus(WORK / f"news{n}.jsonl", articles, n)
    if args.rerun:
        start = load_average()
        rows = rerun_ratios(corpus, args.model)
        print_table([("load average at start (1/5/15 min)", start), *rows, ("load average at end (1/5/15 min)", load_average())])
        return
    one = write_corpus(WORK / "one.jsonl", articles, 1)
    local, cluster = ["--n-process", "2"], ["--cluster", "local:2"]
    rows: list[tuple[str, str]] = [("load average at start (1/5/15 min)", load_average())]

    t0_local, _ = presseschau_run(one, WORK / "c_one_local", local, args.model)
    t0_cluster, s0_cluster = presseschau_run(one, WORK / "c_one_cluster", cluster, args.model)
    t_local, s_local = presseschau_run(corpus, WORK / "c_local", local, args.model)
    t_cluster, s_cluster = presseschau_run(corpus, WORK / "c_cluster", cluster, args.model)
    same = (WORK / "c_local" / "articles.jsonl").read_bytes() == (WORK / "c_cluster" / "articles.jsonl").read_bytes()
    words, arts = s_cluster["counts"]["words"], s_cluster["counts"]["articles"]
    wps_local, wps_cluster = words / (t_local - t0_local), words / (t_cluster - t0_cluster)
    rows += [
        ("articles (real news)", f"{arts:,} ({s_cluster['counts']['failed']} failed), {words:,} words"),
        ("--n-process 2: words/s (start-up excluded) / wall", f"{wps_local:,.0f} / {t_local:.0f}s (start-up {t0_local:.0f}s)"),
        ("--cluster local:2: words/s (start-up excluded) / wall", f"{wps_cluster:,.0f} / {t_cluster:.0f}s (start-up {t0_cluster:.0f}s, of it cluster start {s0_cluster['timings'].get('cluster_start', 0):.0f}s)"),
        ("ratio cluster / local, start-up excluded (target >= 0.90)", f"{wps_cluster / wps_local:.2f}"),
        ("ratio cluster / local, wall clock", f"{t_local / t_cluster:.2f}"),
        ("articles.jsonl byte-identical", "yes" if same else "NO"),
    ]

    cpu_driver_local = (s_cluster["resources"]["cpu_main_s"] - s0_cluster["resources"]["cpu_main_s"]) / max(1, arts - 1)
    cpu_driver, cpu_scheduler, measured = driver_cost(corpus, args.model)
    cpu_worker = s_local["resources"]["cpu_workers_s"] / max(1, arts)
    rows += [
        ("local:2: run process CPU per article (driver + in-process scheduler), ms", f"{1000 * cpu_driver_local:.2f}"),
        (f"tcp:// (separate scheduler, 2 workers): driver CPU per article, ms ({measured:,} articles)", f"{1000 * cpu_driver:.2f}"),
        ("tcp://: scheduler CPU per article, ms", f"{1000 * cpu_scheduler:.2f}"),
        ("worker CPU per article (--n-process 2 workers), ms", f"{1000 * cpu_worker:.1f}"),
        ("workers one driver keeps busy = worker / driver CPU (target >= 50)", f"{cpu_worker / cpu_driver:.0f}" if cpu_driver > 0 else "n/a"),
    ]

    t_re, s_re = presseschau_run(corpus, WORK / "c_cluster", cluster, args.model, fresh=False)
    rows += [(f"{arts:,} articles: unchanged re-run through --cluster (target < 2%)",
              f"{t_re:.1f}s = {100 * t_re / t_cluster:.1f}% of the full run (processed {s_re['counts']['processed']}, "
              f"cluster started: {'yes' if 'cluster_start' in s_re['timings'] else 'no'})")]
    rows.append((f"driver peak RSS at {arts:,} articles (MB)", f"{s_cluster['resources']['peak_rss_mb']:.0f}"))

    if not args.skip_scale:
        print_table(rows)  # the 2k measurements, before the long run
        big = write_corpus(WORK / f"news{args.scale}.jsonl", articles, args.scale)
        t_big, s_big = presseschau_run(big, WORK / "c_big", cluster, args.model)
        growth = s_big["resources"]["peak_rss_mb"] / s_cluster["resources"]["peak_rss_mb"] - 1
        t_big_re, _ = presseschau_run(big, WORK / "c_big", cluster, args.model, fresh=False)
        rows += [
            (f"{args.scale:,} articles through local:2", f"{t_big:,.0f}s, {s_big['counts']['words'] / t_big:,.0f} words/s"),
            (f"driver peak RSS at {args.scale:,} articles (MB); growth (target < 10%)", f"{s_big['resources']['peak_rss_mb']:.0f}; {100 * growth:+.1f}%"),
            (f"{args.scale:,} articles: unchanged re-run (target < 2%)", f"{t_big_re:.1f}s = {100 * t_big_re / t_big:.2f}%"),
        ]
    rows.append(("load average at end (1/5/15 min)", load_average()))
    print_table(rows)


if __name__ == "__main__":
    main()
