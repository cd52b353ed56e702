"""Long articles (issue 15, item 9): one article of about 5 MB through `presseschau run`.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters, E088); the pipeline now
annotates long texts in parts of `nlp.PART_CHARS` characters, cut at paragraph breaks, and
joins them with exact offsets (`nlp.annotate_long`). This measures, side by side in one
run, each in a fresh `presseschau run` process (single process, same model):

  big    one article of ~5,000,000 bytes (the real articles of ../shared/data/news, Wikinews,
         10kGNAD and the historical OCR pages, joined
         by blank lines; `--one-line`: joined by spaces, so no paragraph breaks at all);
  small  the first tenth of the same text as one article.

Printed: wall time, time per MB, peak RSS of the run process, entities, and the ratios
big/small (time per MB: target ~1, i.e. linear; peak memory: bounded, not 10x). Every
entity's offsets are checked against the record's text.

Usage: .venv/bin/python bench/bench_long_article.py [--mb 5] [--one-line] [--model M]
Work files go to bench/_work/long/ (gitignored; derived from ../shared data).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
WORK = REPO / "bench" / "_work" / "long"
SOURCES = ("wikinews_de.jsonl.gz", "10kgnad_test.jsonl.gz", "hipe_ocr_de.jsonl.gz")


def build_text(n_bytes: int, sep: str) -> str:
    parts, size = [], 0
    for name in SOURCES:
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                t = json.loads(line)["text"].strip()
                if sep == " ":
                    t = " ".join(t.split())
                b = len(t.encode("utf-8")) + len(sep)
                if size + b > n_bytes:
                    return sep.join(parts)
                parts.append(t)
                size += b
    return sep.join(parts)


def run_one(path: Path, out: Path, model: str | None) -> dict:
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline", "run", str(path), "--out", str(out), "--no-progress", "--no-reviews"]
    if model:
        cmd += ["--model", model]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=dict(os.environ, CI="1"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        raise SystemExit(f"run failed (exit {rc}):\n{output[-3000:]}")
    (rec,) = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    bad = [e for e in rec["entities"] if rec["text"][e["start"]:e["end"]] != e["text"]]
    if bad:
        raise SystemExit(f"{len(bad)} entities whose offsets do not match the text, e.g. {bad[0]}")
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    mb = path.stat().st_size / 1e6
    return {"mb": mb, "wall_s": wall, "s_per_mb": wall / mb, "peak_rss_mb": usage.ru_maxrss / 1024,
            "entities": len(rec["entities"]), "labels": info["counts"]["labels"], "annotate_s": info["timings"].get("annotate")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--one-line", action="store_true", help="no paragraph breaks: parts are cut at sentence ends")
    ap.add_argument("--model")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    sep = " " if args.one_line else "\n\n"
    text = build_text(int(args.mb * 1_000_000), sep)
    small = text[: len(text) // 10]
    small = small[: small.rfind(sep)]
    big_path, small_path = WORK / "big.txt", WORK / "small.txt"
    big_path.write_text(text, encoding="utf-8")
    small_path.write_text(small, encoding="utf-8")
    print(f"big: {big_path.stat().st_size:,} bytes, {len(text):,} characters; small: {small_path.stat().st_size:,} bytes"
          f" ({'one line' if args.one_line else 'paragraphs'})", flush=True)
    rows = {}
    for name, path in (("small", small_path), ("big", big_path)):
        rows[name] = r = run_one(path, WORK / f"out-{name}", args.model)
        print(f"{name:5}  {r['mb']:.2f} MB  wall {r['wall_s']:.1f} s  ({r['s_per_mb']:.1f} s/MB)  peak RSS {r['peak_rss_mb']:.0f} MB  "
              f"entities {r['entities']:,} {r['labels']}", flush=True)
    b, s = rows["big"], rows["small"]
    print(f"ratio big/small: time per MB {b['s_per_mb'] / s['s_per_mb']:.2f}, peak RSS {b['peak_rss_mb'] / s['peak_rss_mb']:.2f}"
          f" (size {b['mb'] / s['mb']:.1f}x)")


if __name__ == "__main__":
    main()
