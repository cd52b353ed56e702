"""Cost of ``presseschau_ner_rules`` (issue 13): words per second of the whole Presseschau
pipeline with the component and without it, timed in the same run, interleaved batch by
batch, single process. The common-noun list the component reads (common_nouns.tsv.gz,
made from spaCy's lemma table by training/common_nouns.py) is loaded before timing starts,
as a long run pays it once per process.

    python bench/bench_ner_rules.py [--limit 300] [--repeat 2]
    python bench/bench_ner_rules.py --persons [--limit 100] [--repeat 5]

Prints both rates and the ratio with / without (target: >= 0.95). ``--persons`` times the
component alone, with its ``persons`` repair (session 10) on and off, on Docs annotated once
without it (copies, made outside the timing): microseconds per token, best of ``--repeat``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "news" / "wikinews_de.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300, help="articles")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--persons", action="store_true", help="the component alone, persons on vs off")
    args = ap.parse_args()
    from pipeline.nlp import NER_RULE_COMPONENTS, load_nlp
    from pipeline.nlp.ner_rules import common_noun_lemma

    texts = []
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break
    nlp, info = load_nlp(None)
    common_noun_lemma("Haus")  # load the lemma table outside the timing
    if args.persons:
        return persons_cost(nlp, info, texts, args.repeat)
    secs = {"with": 0.0, "without": 0.0}
    words = {"with": 0, "without": 0}
    for _ in range(args.repeat):
        for i in range(0, len(texts), args.batch):
            batch = texts[i:i + args.batch]
            for setting in ("with", "without") if (i // args.batch) % 2 == 0 else ("without", "with"):
                disable = [] if setting == "with" else ["presseschau_ner_rules"]
                t0 = time.perf_counter()
                with nlp.select_pipes(disable=disable):
                    n = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(batch))
                secs[setting] += time.perf_counter() - t0
                words[setting] += n
    rate = {k: words[k] / secs[k] for k in secs}
    print(f"model {info.name} {info.version}, {len(texts)} articles x {args.repeat}")
    print(f"with presseschau_ner_rules:    {rate['with']:,.0f} words/s")
    print(f"without presseschau_ner_rules: {rate['without']:,.0f} words/s")
    print(f"ratio with / without: {rate['with'] / rate['without']:.3f}")


def persons_cost(nlp, info, texts: list[str], repeat: int) -> None:
    """µs per token of `presseschau_ner_rules` alone with `persons` on and off, interleaved,
    best of `repeat`, on the Docs the pipeline makes before it."""
    rules = nlp.get_pipe("presseschau_ner_rules")
    with nlp.select_pipes(disable=list(NER_RULE_COMPONENTS)):
        docs = list(nlp.pipe(texts))
    n_tok = sum(len(d) for d in docs)
    best = {True: float("inf"), False: float("inf")}
    for r in range(repeat):
        for on in (True, False) if r % 2 == 0 else (False, True):
            copies = [d.copy() for d in docs]
            rules.persons = on
            t0 = time.perf_counter()
            for d in copies:
                rules(d)
            best[on] = min(best[on], time.perf_counter() - t0)
    rules.persons = True
    print(f"model {info.name} {info.version}, {len(texts)} articles, {n_tok:,} tokens, best of {repeat}")
    print(f"presseschau_ner_rules with persons:    {best[True] / n_tok * 1e6:.2f} µs/token")
    print(f"presseschau_ner_rules without persons: {best[False] / n_tok * 1e6:.2f} µs/token")


if __name__ == "__main__":
    main()
