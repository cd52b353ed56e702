"""A seeded sample of the unlabelled Bundestag + Wikinews text as JSONL for `spacy pretrain`.

    python -m training.experiments.pretrain_sample --words 24000000 --out training/corpus/pretrain_bt.jsonl

Issue 13 (session 12): `spacy pretrain` on the 35.7M Bundestag words takes about 5 hours an epoch on
one core here (~1,900 words/s), so it ran on a GPU machine, which was lent for 15 minutes: the text it
got is this sample (Bundestag paragraphs and Wikinews paragraphs, shuffled with seed 13, lines of at
least 5 words, cut at ``--words``; the run itself read the first 14.8M words in 526 s). A prefix of the
file is a random sample too, so a shorter run sees every source. Licences: the Bundestag protocols are
official works (§ 5 UrhG), Wikinews CC BY 2.5; only the text, no label, is used.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from training.vectors import DEFAULT_DATA, bundestag_lines, wikinews_lines


def paragraphs(data: Path) -> list[str]:
    """Every Bundestag paragraph and every Wikinews paragraph, in file order."""
    return list(bundestag_lines(data)) + [p.strip() for p in wikinews_lines(data)]


def write_sample(lines: list[str], words: int, out: Path, seed: int = 13, min_words: int = 5) -> int:
    """Shuffle ``lines`` (seeded) and write them as ``{"text": ...}`` until ``words`` words; returns the count."""
    lines = list(lines)
    random.Random(seed).shuffle(lines)
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for line in lines:
            w = line.count(" ") + 1
            if w < min_words:
                continue
            fh.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
            n += w
            if n >= words:
                break
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--words", type=int, default=24_000_000)
    ap.add_argument("--out", type=Path, default=Path("training/corpus/pretrain_bt.jsonl"))
    args = ap.parse_args()
    n = write_sample(paragraphs(args.data), args.words, args.out)
    print(f"{n} words -> {args.out}")


if __name__ == "__main__":
    main()
