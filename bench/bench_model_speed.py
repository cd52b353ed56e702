"""Words per second of ``nlp.pipe`` on real German news, single process.

Compares the bundled model (models/de_presseschau, or --model) with
``spacy.blank("de")`` (tokenizer only) in the same run:

    python bench/bench_model_speed.py [--model models/de_presseschau] [--data ../shared/data]
                                      [--limit N] [--batch-size 64] [--repeat 1]
                                      [--baseline OTHER_MODEL]

With ``--baseline`` a second pipeline (e.g. the previous model version, extracted with
``git archive``) is timed in the same run, interleaved file by file, and the ratio
model / baseline words/s is printed (target for a new model: >= 0.9).

The time to load the model is measured too, side by side: ``spacy.load`` against
``pipeline.nlp.load.load_model`` (the loader Presseschau uses: rulers matching on the token
text get their patterns from the tokenizer alone), CPU seconds of each, fastest of ``--repeat``.

Texts: the ``text`` field of news/10kgnad_test.jsonl.gz and news/wikinews_de.jsonl.gz.
"Words" are the tokens produced by the pipeline's own tokenizer (counted
without whitespace tokens).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "de_presseschau"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
FILES = ("10kgnad_test.jsonl.gz", "wikinews_de.jsonl.gz")


def load_texts(data: Path, name: str, limit: int = 0) -> list[str]:
    texts = []
    with gzip.open(data / "news" / name, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            t = json.loads(line).get("text") or ""
            if t.strip():
                texts.append(t)
            if limit and len(texts) >= limit:
                break
    return texts


def bench(nlp, texts: list[str], batch_size: int, repeat: int) -> tuple[int, float]:
    best = None
    n_words = 0
    for _ in range(repeat):
        n_words = 0
        t0 = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=batch_size):
            n_words += sum(1 for t in doc if not t.is_space)
        secs = time.perf_counter() - t0
        best = secs if best is None else min(best, secs)
    return n_words, best


def bench_load(name: str, repeat: int) -> tuple[float, float]:
    """CPU seconds of `spacy.load(name)` and of `load_model(name)`, alternated, fastest of `repeat`."""
    import spacy

    from pipeline.nlp.load import load_model

    plain, ours = [], []
    for _ in range(max(1, repeat)):
        for loader, times in ((spacy.load, plain), (load_model, ours)):
            t0 = time.process_time()
            loader(name)
            times.append(time.process_time() - t0)
    return min(plain), min(ours)


def main(argv: list[str] | None = None) -> int:
    import spacy

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="texts per file (0 = all)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=1, help="runs per cell; the fastest is reported")
    ap.add_argument("--baseline", default=None, help="another model to time in the same run")
    args = ap.parse_args(argv)

    model = spacy.load(args.model)
    blank = spacy.blank("de")
    print(f"spaCy {spacy.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"model {args.model} pipeline {model.pipe_names}")
    baseline = spacy.load(args.baseline) if args.baseline else None
    plain_s, ours_s = bench_load(args.model, args.repeat)
    print(f"load (CPU s): spacy.load {plain_s:.2f}, load_model {ours_s:.2f}, ratio {plain_s / ours_s:.1f}x")
    rows = []
    base_w = base_s = 0.0
    for name in FILES:
        texts = load_texts(args.data, name, args.limit)
        # warm-up (lazy init, caches)
        list(model.pipe(texts[:5]))
        nw_m, s_m = bench(model, texts, args.batch_size, args.repeat)
        nw_b, s_b = bench(blank, texts, args.batch_size, args.repeat)
        if baseline is not None:
            list(baseline.pipe(texts[:5]))
            nw, s = bench(baseline, texts, args.batch_size, args.repeat)
            base_w, base_s = base_w + nw, base_s + s
        rows.append((name, len(texts), nw_m, s_m, nw_m / s_m, nw_b / s_b))
    hdr = f"{'file':<24}{'texts':>7}{'words':>10}{'model s':>9}{'model w/s':>11}{'blank w/s':>12}{'ratio':>8}"
    print(hdr)
    print("-" * len(hdr))
    tot_w = tot_s = 0.0
    for name, n, nw, s, wps_m, wps_b in rows:
        tot_w += nw
        tot_s += s
        print(f"{name:<24}{n:>7}{nw:>10}{s:>9.1f}{wps_m:>11.0f}{wps_b:>12.0f}{wps_b / wps_m:>7.1f}x")
    print(f"{'total':<24}{'':>7}{int(tot_w):>10}{tot_s:>9.1f}{tot_w / tot_s:>11.0f}")
    print("ratio = blank tokenizer words/s divided by model words/s")
    if baseline is not None:
        print(f"baseline {args.baseline}: {base_w / base_s:.0f} words/s; "
              f"model / baseline = {(tot_w / tot_s) / (base_w / base_s):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
