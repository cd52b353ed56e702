"""Batch benchmark for `presseschau run` (issue 7), all numbers measured side by side in one run.

Corpus: the real articles of ../shared/data/news (10kGNAD test + Wikinews, ~2,000), and a
larger corpus made by repeating them with unique ids (`--scale`, default 100000).

Measures:
  1. end-to-end throughput (words/s) of `presseschau run` vs bare `nlp.pipe` of the same model
     on the same texts, single process (target ratio >= 0.90);
  2. `--n-process 2` vs 1 (target >= 1.7x on 2 cores);
  3. peak memory of the run as the corpus grows (target: flat, < 1.5 GB at 100k);
  4. re-run of the unchanged scaled corpus vs its full run (target < 2%);
  5. `kill -9` halfway through, then a re-run: final output identical to an uninterrupted run.
(`kill -9` of one worker during a run, and what it costs: bench/bench_workers.py.)

Usage: .venv/bin/python bench/bench_batch.py [--model M] [--scale 100000] [--skip-scale]
Work files go to bench/_work/ (gitignored; derived from ../shared data, never committed).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
WORK = REPO / "bench" / "_work"
SOURCES = ("10kgnad_test.jsonl.gz", "wikinews_de.jsonl.gz")


def load_articles() -> list[dict]:
    out = []
    for name in SOURCES:
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append({"id": f"{name.split('.')[0]}-{rec['id']}", "text": rec["text"], "published": rec.get("published")})
    return out


def write_corpus(path: Path, articles: list[dict], n: int) -> Path:
    if path.exists() and sum(1 for _ in open(path, encoding="utf-8")) == n:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a = dict(articles[i % len(articles)])
            a["id"] = f"{a['id']}-r{i // len(articles)}"
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def _tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process and all its descendants, in MB (Linux /proc).
    Unlike the sum of RSS, PSS counts a page shared copy-on-write by forked workers once."""
    total_kb, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
                    break
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # the process ended between two reads
    return total_kb / 1024


def presseschau_run(corpus: Path, out: Path, model: str | None, n_process: int = 1, fresh: bool = True) -> tuple[float, dict]:
    """Wall time and run.json of one `presseschau run`; run.json gains the PSS of the whole
    process tree (main + workers), sampled every 0.5 s: its peak (resources.peak_pss_tree_mb)
    and the median of each tenth of the run (resources.pss_tree_deciles_mb), which shows
    whether memory grows along the run or only peaks."""
    if fresh and out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress", "--n-process", str(n_process), "--annotations", str(WORK / "no-annotations")]
    if model:
        cmd += ["--model", model]
    t = time.perf_counter()
    log = WORK / f"{out.name}.log"
    with open(log, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=fh, stderr=subprocess.STDOUT)
        samples: list[float] = []
        while proc.poll() is None:
            samples.append(_tree_pss_mb(proc.pid))
            time.sleep(0.5)
    elapsed = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run failed ({proc.returncode}), see {log}:\n{log.read_text(encoding='utf-8')[-3000:]}")
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    summary["resources"]["peak_pss_tree_mb"] = round(max(samples, default=0.0), 1)
    summary["resources"]["pss_tree_deciles_mb"] = _decile_medians(samples)
    return elapsed, summary


def _decile_medians(samples: list[float]) -> list[float]:
    """Median of each tenth of a time series (fewer parts when there are fewer samples)."""
    import statistics

    parts = min(10, len(samples))
    bounds = [round(i * len(samples) / parts) for i in range(parts + 1)]
    return [round(statistics.median(samples[a:b])) for a, b in zip(bounds, bounds[1:])]


def _cpu_split(summary: dict) -> str:
    r = summary["resources"]
    return f"{r['cpu_main_s']:.0f} / {r['cpu_workers_s']:.0f}"


def bare_pipe(texts: list[str], model: str | None) -> dict[str, float]:
    """words/s of bare `nlp.pipe` of the same model (spacy.load, no Presseschau code), and of
    the same model with Presseschau's components, on the same clean texts, in a fresh process."""
    code = (
        "import json,sys,time,spacy\n"
        "from pipeline.nlp import resolve_model, load_nlp\n"
        f"name=resolve_model({model!r}).name\n"
        "texts=json.load(open(sys.argv[1]))\n"
        "words=sum(len(t.split()) for t in texts)\n"
        "nlp=spacy.load(name)\n"
        "list(nlp.pipe(texts[:1]))\n"  # warm-up, as for the pipeline with components below
        "t=time.perf_counter()\n"
        "for d in nlp.pipe(texts, batch_size=32): pass\n"
        "bare=words/(time.perf_counter()-t)\n"
        "full,_=load_nlp(name)\n"
        "list(full.pipe([(texts[0], {'id': 'warm', 'published': None})], as_tuples=True))\n"
        "t=time.perf_counter()\n"
        "for d in full.pipe(((x, {'id': str(i), 'published': None}) for i, x in enumerate(texts)), as_tuples=True, batch_size=32): pass\n"
        "print(json.dumps({'bare': bare, 'with_components': words/(time.perf_counter()-t)}))\n"
    )
    tmp = WORK / "bare_texts.json"
    tmp.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", code, str(tmp)], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def startup_seconds(model: str | None, articles: list[dict]) -> float:
    """Wall time of `presseschau run` on one article: model, lexicon and detector loading."""
    one = write_corpus(WORK / "one.jsonl", articles, 1)
    return presseschau_run(one, WORK / "out_one", model, 1)[0]


def kill_and_resume(corpus: Path, reference: Path, model: str | None, full_secs: float) -> bool:
    out = WORK / "out_killed"
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress", "--annotations", str(WORK / "no-annotations")] + (["--model", model] if model else [])
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(full_secs / 2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    presseschau_run(corpus, out, model, fresh=False)
    return (out / "articles.jsonl").read_bytes() == (reference / "articles.jsonl").read_bytes()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--skip-scale", action="store_true", help="only the 2k-article measurements")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N real articles (smoke test of the bench)")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    articles = load_articles()[: args.limit]
    n = len(articles)
    corpus = write_corpus(WORK / f"news{n}.jsonl", articles, n)
    rows: list[tuple[str, str]] = []

    # Best of two for each single-process measure: on this shared machine one timing varies by
    # several percent from minute to minute, as much as the overhead being measured.
    t1, s1 = presseschau_run(corpus, WORK / "out1", args.model, 1)
    t0 = startup_seconds(args.model, articles)
    words = s1["counts"]["words"]
    # bare nlp.pipe on the same clean texts the run annotated
    clean_texts = [json.loads(line)["text"] for line in open(WORK / "out1" / "articles.jsonl", encoding="utf-8")]
    bare = bare_pipe(clean_texts, args.model)
    t1 = min(t1, presseschau_run(corpus, WORK / "out1b", args.model, 1)[0])
    bare = {k: max(v, bare_pipe(clean_texts, args.model)[k]) for k, v in bare.items()}
    e2e_wps = words / (t1 - t0)
    rows += [
        ("articles (real news)", f"{s1['counts']['articles']} ({s1['counts']['failed']} failed), {words:,} words"),
        ("bare nlp.pipe of the model, words/s (1 proc)", f"{bare['bare']:,.0f}"),
        ("nlp.pipe model + Presseschau components, words/s", f"{bare['with_components']:,.0f}"),
        ("presseschau run end to end, words/s (1 proc, start-up excluded)", f"{e2e_wps:,.0f} (start-up {t0:.1f}s, wall {t1:.0f}s)"),
        ("(each single-process figure: the better of two runs)", ""),
        ("ratio run / bare model (target >= 0.90)", f"{e2e_wps / bare['bare']:.2f}"),
        ("ratio run / model + components", f"{e2e_wps / bare['with_components']:.2f}"),
    ]
    t2, s2 = presseschau_run(corpus, WORK / "out2", args.model, 2)
    rows += [("--n-process 2 vs 1, start-up excluded (target >= 1.7x)", f"{(t1 - t0) / (t2 - t0):.2f}x ({t1:.0f}s vs {t2:.0f}s wall)"),
             (f"{n:,} articles, 2 proc: peak PSS of main + workers (MB)", f"{s2['resources']['peak_pss_tree_mb']:.0f}"),
             (f"{n:,} articles, 2 proc: peak RSS main / one worker (MB)", f"{s2['resources']['peak_rss_mb']:.0f} / {s2['resources']['peak_rss_workers_mb']:.0f}"),
             ("CPU seconds, 1 proc / 2 proc: main + workers", f"{s1['resources']['cpu_main_s']:.0f} / {_cpu_split(s2)}")]
    same = kill_and_resume(corpus, WORK / "out1", args.model, t1)
    rows.append(("kill -9 halfway + re-run == uninterrupted", "yes" if same else "NO"))

    if not args.skip_scale:
        print_table(rows)  # the 2k measurements, before the long runs
        big = write_corpus(WORK / f"news{args.scale}.jsonl", articles, args.scale)
        tb, sb = presseschau_run(big, WORK / "out_big", args.model, 2)
        tr, sr = presseschau_run(big, WORK / "out_big", args.model, 2, fresh=False)
        rows += [
            (f"{args.scale:,} articles: full run (2 proc)", f"{tb:,.0f}s, {sb['counts']['words'] / tb:,.0f} words/s"),
            (f"{args.scale:,} articles, 2 proc: peak PSS of main + workers (MB, target < 1,500)", f"{sb['resources']['peak_pss_tree_mb']:.0f}"),
            (f"{args.scale:,} articles, 2 proc: PSS median per tenth of the run (MB)", " ".join(str(v) for v in sb["resources"]["pss_tree_deciles_mb"])),
            (f"{args.scale:,} articles, 2 proc: peak RSS main / one worker (MB)", f"{sb['resources']['peak_rss_mb']:.0f} / {sb['resources']['peak_rss_workers_mb']:.0f}"),
            (f"{args.scale:,} articles: unchanged re-run (target < 2%)", f"{tr:.1f}s = {100 * tr / tb:.2f}% (cached {sr['counts']['cached']:,})"),
        ]
    print_table(rows)


def print_table(rows: list[tuple[str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|------")
    for k, v in rows:
        print(f"{k.ljust(width)} | {v}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
