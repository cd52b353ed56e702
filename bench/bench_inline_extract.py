"""What `-n 1` pays for extracting its PDFs, web pages and Word files in a supervised worker
process (`execute/inline.py`, session 26: a file that makes an extractor loop is timed out)
instead of in the run's own process, side by side in one run on the same inputs.

Inputs: the seed corpus (text files: nothing to extract, no worker), the first `--pages` saved
news pages of ../shared/data/news/html/pages (trafilatura) and `--pdfs` seed articles set as
PDFs (pdfminer). Each mode runs `presseschau run` (`-n 1`, no review log) in-process into a
fresh folder, `--rounds` times, alternating; "in-process" is the behaviour before (the files
extracted by `process_batch` itself). Prints the median wall time of each mode, the ratio
worker / in-process, and whether both wrote the same records.

Usage: .venv/bin/python bench/bench_inline_extract.py [--pages 40] [--pdfs 10] [--rounds 2]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
PAGES = REPO.parent / "shared" / "data" / "news" / "html" / "pages"


def inputs(folder: Path, pages: int, pdfs: int) -> None:
    from clean_bench.pdf_pages import typeset

    seeds = sorted((REPO / "corpus").glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    for page in sorted(PAGES.glob("*.html"))[:pages]:
        shutil.copy(page, folder / page.name)
    for k in range(pdfs):
        seed = seeds[k % len(seeds)]
        typeset(seed.read_text(encoding="utf-8"), folder / f"{seed.stem}_{k}.pdf", size=9 + k % 3)


def run_once(folder: Path, out: Path, in_process: bool, nlp_info) -> float:
    from pipeline.execute.inline import InlineExecutor
    from pipeline.run import RunOptions, run

    real = InlineExecutor._extract
    if in_process:  # the behaviour before: process_batch extracts the files itself
        InlineExecutor._extract = lambda self, batch: {}
    try:
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        run(RunOptions(paths=[folder], out=out, progress=False), nlp_info)
        return time.perf_counter() - t
    finally:
        InlineExecutor._extract = real


def records(out: Path) -> list[dict]:
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    for r in rows:
        r.pop("pipeline", None)
    return sorted(rows, key=lambda r: r["id"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--pdfs", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from pipeline.nlp import load_nlp

    nlp_info = load_nlp(None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        inputs(folder, args.pages, args.pdfs)
        walls: dict[str, list[float]] = {"in-process": [], "worker": []}
        for _ in range(args.rounds):
            for mode in walls:
                walls[mode].append(run_once(folder, Path(tmp) / mode, mode == "in-process", nlp_info))
        for mode, w in walls.items():
            print(f"{mode:10} files {len(list(folder.iterdir())):4}  wall (median of {args.rounds}) {statistics.median(w):6.2f} s  all: "
                  + ", ".join(f"{x:.2f}" for x in w))
        print(f"ratio worker / in-process: {statistics.median(walls['worker']) / statistics.median(walls['in-process']):.3f}")
        print("same records:", records(Path(tmp) / "in-process") == records(Path(tmp) / "worker"))


if __name__ == "__main__":
    main()
