#!/usr/bin/env python
"""Deleted compound hyphens by class, on dev-half articles (issue 17).

For each class of hyphenated word (a capital letter before a word "U-Bahnen", an abbreviation
before a word, a number after a word "Weltranglisten-45", a pair of lowercase words, a number
before an adjective "37-jährige", a suspended hyphen "Staats- und", ...) the first `--n`
dev-half articles (bench_clean.split_of, less the blind `--fresh2` and `--fresh3` samples; shuffled by `--seed`)
holding one are set in a column
that breaks the word at its hyphen, and dehyphenated as pdftotext's default mode does
(`tests/test_clean.py`'s `_column_broken_at`, the helper the unit tests use); cases where the
break falls where no typesetter puts it (the line before the break shorter than 0.75 or longer
than 1.15 median lines) are skipped. Right: the clean text has the word back and not the
glued form. The KEEP class is the reverse: a word the source writes with a capital inside
("YouTube"), broken before that capital, must stay glued. No LaTeX needed.

    .venv/bin/python bench/bench_hyphen_classes.py --n 40 --seed 7
    .venv/bin/python bench/bench_hyphen_classes.py --n 40 --seed 7 --width 40   # layout b's narrow column
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_clean as B  # noqa: E402
from pipeline.clean import clean  # noqa: E402

CLASSES = {
    "num_after_word": re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{3,})-(\d+)(?![\w-])"),
    "code_before_word": re.compile(r"(?<![\w-])([A-ZÄÖÜ]+\d+)-([A-ZÄÖÜ][a-zäöüß]{2,})(?![\w])"),
    "abbr_before_word": re.compile(r"(?<![\w-])([A-ZÄÖÜ]{2,5})-([A-ZÄÖÜ][a-zäöüß]{3,})(?![\w])"),
    "letter_before_word": re.compile(r"(?<![\w-])([A-ZÄÖÜ])-([A-ZÄÖÜ][a-zäöüß]{2,})(?![\w])"),
    "name_name": re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{2,})-([A-ZÄÖÜ][a-zäöüß]{2,})(?![\w-])"),
    "lower_pair": re.compile(r"(?<![\w-])([a-zäöüß]{3,})-([a-zäöüß]{3,})(?![\w-])"),
    "num_adj": re.compile(r"(?<![\w-])(\d+)-([a-zäöüß]{4,})(?![\w-])"),
    "suspended": re.compile(r"(?<![\w-])([A-ZÄÖÜa-zäöüß][a-zäöüß]{2,})- (und|oder|bis|sowie)(?= )"),
    "KEEP_camel": re.compile(r"(?<![\w-])([A-ZÄÖÜ]?[a-zäöüß]*[a-zäöüßA-ZÄÖÜ])([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])"),
}


def _helpers():
    """The column setter of the unit tests (one place for it)."""
    spec = importlib.util.spec_from_file_location("_test_clean", ROOT / "tests" / "test_clean.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod._column_broken_at


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=40, help="cases per class")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--width", type=int, default=52,
                    help="column width in chars (52: about bench_clean.py's layout a, 45-58; "
                         "40: layout b's three 9pt columns, 36-45)")
    args = ap.parse_args()
    broken_at = _helpers()
    # the dev half less the blind samples (`bench_clean.py --fresh2`, `--fresh3`), which are looked
    # at only before and after a round of work
    blind = {a["id"] for a in B.fresh2_dev_articles(150)} | {a["id"] for a in B.fresh3_dev_articles(150)}
    rows = []
    for name in ("10kgnad_test.jsonl.gz", "wikinews_de.jsonl.gz"):
        with gzip.open(B.NEWS / name, "rt", encoding="utf-8") as fh:
            rows.extend(r for r in map(json.loads, fh) if B.split_of(r["id"]) == "dev" and r["id"] not in blind)
    random.Random(args.seed).shuffle(rows)
    res: dict[str, Counter] = defaultdict(Counter)
    errs: dict[str, list[str]] = defaultdict(list)
    for cls, rx in CLASSES.items():
        keep = cls.startswith("KEEP")
        for r in rows:
            if res[cls]["n"] >= args.n:
                break
            m = rx.search(r["text"])
            if not m:
                continue
            word = m.group(0)
            cut = len(m.group(1)) + (0 if keep else 1)
            raw = broken_at(r["text"], word, cut, width=args.width)
            glued = word if keep else word[:cut - 1] + word[cut:].lstrip()
            if glued not in raw:
                continue
            lines = [ln for ln in raw.split("\n") if ln.strip()]
            med = sorted(len(ln) for ln in lines)[len(lines) // 2]
            at = next(ln for ln in lines if glued in ln)
            if not 0.75 * med <= at.find(glued) + cut - 1 <= 1.15 * med:
                continue  # no typesetter breaks a line there
            out = clean(raw).text
            ok = (word in out) if keep else (word in out and (glued not in out or glued in r["text"]))
            res[cls]["n"] += 1
            res[cls]["right"] += ok
            if not ok:
                errs[cls].append(f"{r['id']}:{word}")
    for cls in CLASSES:
        n, k = res[cls]["n"], res[cls]["right"]
        print(f"{cls:20s} {k}/{n}  {' '.join(errs[cls][:12])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
