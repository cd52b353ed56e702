"""Worker supervision (issue 15): what a worker killed mid-run costs, measured side by side.

Runs `presseschau run -n 2` on the first N real news articles three times: undisturbed, with
`kill -9` of one busy worker right after the first batch is committed, and with SIGSTOP of one
busy worker at the same point (a worker alive but hung: `--batch-timeout`, default here 60 s).
Prints:
  - notice: kill (stop) -> the driver's message that the worker died (did not finish in time;
    its batch is retried);
  - retried batch stored: kill (stop) -> the lost batch committed to the cache by the fresh
    worker (that batch processed again from the start);
  - wall time of each disturbed run / the undisturbed one;
  - whether all wrote identical articles.jsonl.

Usage: .venv/bin/python bench/bench_workers.py [--limit 200] [--batch-timeout 60] [--model M]
Work files go to bench/_work/ (gitignored).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench_batch import REPO, WORK, load_articles, print_table, write_corpus


def _stored(out: Path, doc_id: str | None = None) -> int:
    try:
        with sqlite3.connect(str(out / ".presseschau" / "cache-v1.sqlite"), timeout=1) as con:
            if doc_id is None:
                return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
            return con.execute("SELECT COUNT(*) FROM records WHERE id = ?", (doc_id,)).fetchone()[0]
    except sqlite3.Error:
        return 0


def run(corpus: Path, out: Path, model: str | None, disturb: signal.Signals | None = None, batch_timeout: float = 60) -> dict:
    """One `-n 2` run; `disturb`: SIGKILL or SIGSTOP to one busy worker after the first batch."""
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "-n", "2", "--no-progress", "--no-reviews"]
    cmd += ["--model", model] if model else []
    cmd += ["--batch-timeout", str(batch_timeout)] if disturb == signal.SIGSTOP else []
    said = "did not finish" if disturb == signal.SIGSTOP else "died"
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: lines.extend((time.perf_counter(), x) for x in proc.stdout), daemon=True)
    reader.start()
    res: dict = {}
    if disturb is not None:
        while _stored(out) == 0 and proc.poll() is None:
            time.sleep(0.02)
        worker = int(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()[0])
        t_kill = time.perf_counter()
        os.kill(worker, disturb)
        while not any(said in x for _, x in lines) and proc.poll() is None:
            time.sleep(0.01)
        t_notice, text = next((t, x) for t, x in lines if said in x)
        res["notice_s"] = t_notice - t_kill
        # the first file the notice names: path#id -> cache id stem/id
        text = "".join(x for _, x in lines[lines.index((t_notice, text)):])
        m = re.search(r"\((\S+?\.jsonl)#(\S+?)[,)]", text.replace("\n", " "))
        doc_id = f"{Path(m.group(1)).stem}/{m.group(2)}"
        while not _stored(out, doc_id) and proc.poll() is None:
            time.sleep(0.02)
        res["retried_s"] = time.perf_counter() - t_kill
    proc.wait()
    reader.join()
    res["wall_s"] = time.perf_counter() - t0
    res["rc"] = proc.returncode
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--batch-timeout", type=float, default=60, help="of the run with a stopped worker (a batch of 32 took up to 45 s at load 9 on 2 cores)")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    articles = [a for a in load_articles() if a["id"].startswith("wikinews")][: args.limit]
    corpus = write_corpus(WORK / f"wikinews{len(articles)}.jsonl", articles, len(articles))
    calm = run(corpus, WORK / "out_workers_calm", args.model)
    killed = run(corpus, WORK / "out_workers_killed", args.model, signal.SIGKILL)
    stopped = run(corpus, WORK / "out_workers_stopped", args.model, signal.SIGSTOP, args.batch_timeout)
    ref = (WORK / "out_workers_calm" / "articles.jsonl").read_bytes()
    same = all((WORK / f"out_workers_{k}" / "articles.jsonl").read_bytes() == ref for k in ("killed", "stopped"))
    print_table([
        (f"{len(articles)} articles, -n 2, kill -9 (SIGSTOP) of a busy worker after the first batch", ""),
        ("kill -> notice (worker died, its batch retried)", f"{killed['notice_s']:.2f} s"),
        ("kill -> the retried batch stored", f"{killed['retried_s']:.1f} s"),
        (f"SIGSTOP -> notice (--batch-timeout {args.batch_timeout:g} s: killed, its batch retried)", f"{stopped['notice_s']:.2f} s"),
        ("SIGSTOP -> the retried batch stored", f"{stopped['retried_s']:.1f} s"),
        ("wall time, killed / undisturbed run", f"{killed['wall_s'] / calm['wall_s']:.2f} ({killed['wall_s']:.0f} s vs {calm['wall_s']:.0f} s)"),
        ("wall time, stopped / undisturbed run", f"{stopped['wall_s'] / calm['wall_s']:.2f} ({stopped['wall_s']:.0f} s vs {calm['wall_s']:.0f} s)"),
        ("exit codes, undisturbed / killed / stopped", f"{calm['rc']} / {killed['rc']} / {stopped['rc']}"),
        ("articles.jsonl identical", "yes" if same else "NO"),
    ])


if __name__ == "__main__":
    main()
