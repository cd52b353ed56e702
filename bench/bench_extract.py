"""Where PDFs and web pages are extracted: in the workers (`FileRef`, session 20) or, as
before, in the driver one after the other. Side by side in one run on the same inputs.

Inputs: the saved news pages of ../shared/data/news/html/pages (176 pages, trafilatura) and,
with `--pdfs N`, N seed articles set as PDFs (bench/clean_bench/pdf_pages.py, pdfminer).
Each mode runs `presseschau run --n-process 2 --no-reviews` in-process into a fresh folder;
the driver mode calls `ingest.read_path` without `defer`. Prints wall time, the driver's CPU
seconds and the workers', the ratios (workers / driver mode), and whether both wrote the same
records.

Usage: .venv/bin/python bench/bench_extract.py [--n-process 2] [--pdfs 25]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
PAGES = REPO.parent / "shared" / "data" / "news" / "html" / "pages"


def inputs(folder: Path, pdfs: int) -> None:
    from clean_bench.pdf_pages import typeset

    for page in sorted(PAGES.glob("*.html")):
        shutil.copy(page, folder / page.name)
    seeds = sorted((REPO / "corpus").glob("*.txt"))
    for k in range(pdfs):
        seed = seeds[k % len(seeds)]
        typeset(seed.read_text(encoding="utf-8"), folder / f"{seed.stem}_{k}.pdf", size=9 + k % 3)


def run_once(folder: Path, out: Path, n_process: int, in_driver: bool) -> dict:
    import pipeline.run as run_module
    from pipeline.ingest import read_path
    from pipeline.run import RunOptions, run

    if in_driver:  # the behaviour before session 20: every page extracted by the driver
        run_module.read_path = lambda *a, **k: read_path(*a[:5])
    try:
        t, cpu = time.perf_counter(), _cpu()
        summary = run(RunOptions(paths=[folder], out=out, n_process=n_process, progress=False))
        summary["wall"] = time.perf_counter() - t
        summary["cpu"] = [after - before for before, after in zip(cpu, _cpu())]  # this run's (driver, workers)
    finally:
        run_module.read_path = read_path
    return summary


def _cpu() -> tuple[float, float]:
    """CPU seconds so far of this process and of its finished children (the workers)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def records(out: Path) -> list[dict]:
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return sorted(rows, key=lambda r: r["id"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--pdfs", type=int, default=25)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        inputs(folder, args.pdfs)
        got = {}
        for mode in ("driver", "workers"):
            got[mode] = run_once(folder, Path(tmp) / mode, args.n_process, in_driver=mode == "driver")
            s = got[mode]
            print(f"{mode:8} articles {s['counts']['processed']:4}  wall {s['wall']:6.1f} s  driver CPU {s['cpu'][0]:6.1f} s  "
                  f"workers' CPU {s['cpu'][1]:6.1f} s")
        d, w = got["driver"], got["workers"]
        print(f"ratio workers / driver: wall {w['wall'] / d['wall']:.2f}, driver CPU {w['cpu'][0] / d['cpu'][0]:.2f}")
        print("same records:", records(Path(tmp) / "driver") == records(Path(tmp) / "workers"))


if __name__ == "__main__":
    main()
