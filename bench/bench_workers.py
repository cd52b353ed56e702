"""Worker supervision (issue 15): what a worker killed mid-run costs, measured side by side.

Runs `presseschau run -n 2` on the first N real news articles twice: undisturbed, and with
`kill -9` of one busy worker right after the first batch is committed. Prints:
  - notice: kill -> the driver's message that the worker died (its batch is retried);
  - retried batch stored: kill -> the dead worker's batch committed to the cache by the
    fresh worker (that batch processed again from the start);
  - wall time of the disturbed run / the undisturbed one;
  - whether both wrote identical articles.jsonl.

Usage: .venv/bin/python bench/bench_workers.py [--limit 200] [--model M]
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


def run(corpus: Path, out: Path, model: str | None, kill_worker: bool) -> dict:
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "-n", "2", "--no-progress", "--annotations", str(WORK / "no-annotations")]
    cmd += ["--model", model] if model else []
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: lines.extend((time.perf_counter(), x) for x in proc.stdout), daemon=True)
    reader.start()
    res: dict = {}
    if kill_worker:
        while _stored(out) == 0 and proc.poll() is None:
            time.sleep(0.02)
        worker = int(Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()[0])
        t_kill = time.perf_counter()
        os.kill(worker, signal.SIGKILL)
        while not any("died" in x for _, x in lines) and proc.poll() is None:
            time.sleep(0.01)
        t_notice, text = next((t, x) for t, x in lines if "died" in x)
        res["notice_s"] = t_notice - t_kill
        # the first file the notice names: path#id -> cache id stem/id
        text = "".join(x for _, x in lines[lines.index((t_notice, text)):])
        m = re.search(r"articles \((\S+?)#(\S+?)[,)]", text.replace("\n", " "))
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
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    articles = [a for a in load_articles() if a["id"].startswith("wikinews")][: args.limit]
    corpus = write_corpus(WORK / f"wikinews{len(articles)}.jsonl", articles, len(articles))
    calm = run(corpus, WORK / "out_workers_calm", args.model, kill_worker=False)
    killed = run(corpus, WORK / "out_workers_killed", args.model, kill_worker=True)
    same = (WORK / "out_workers_calm" / "articles.jsonl").read_bytes() == (WORK / "out_workers_killed" / "articles.jsonl").read_bytes()
    print_table([
        (f"{len(articles)} articles, -n 2, kill -9 of a busy worker after the first batch", ""),
        ("kill -> notice (worker died, its batch retried)", f"{killed['notice_s']:.2f} s"),
        ("kill -> the retried batch stored", f"{killed['retried_s']:.1f} s"),
        ("wall time, disturbed / undisturbed run", f"{killed['wall_s'] / calm['wall_s']:.2f} ({killed['wall_s']:.0f} s vs {calm['wall_s']:.0f} s)"),
        ("exit codes, undisturbed / disturbed", f"{calm['rc']} / {killed['rc']}"),
        ("articles.jsonl identical", "yes" if same else "NO"),
    ])


if __name__ == "__main__":
    main()
