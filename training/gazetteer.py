"""Name list for the bundled model's `entity_ruler`, built from the NER training data.

The statistical NER misses names it has seen many times in training ("EADS", "Saale",
"Bundesgerichtshof") when the context is unusual. A name list fills such gaps: a name goes
on the list when, across the *training* splits of all NER sources (never GermEval test, never
the 500 held-out GermEval dev sentences),

* it is annotated as an entity at least `min_count` times,
* one label covers at least `purity` of those annotations, and
* the same word sequence occurs outside any entity (annotated O) at most `o_ratio` times as
  often as it is annotated (so "Richter", a surname and the word for judge, stays off), and
* its last word does not end in a lowercase part ("US-amerikanische" is an adjective).

The ruler runs *after* the ner with `overwrite_ents = false`: it only adds names where the
model found nothing, never changes the model's spans. (Placed before the ner, with the model
building around the pre-set spans, it lowered dev F1 by 1.2 to 2.4 points: see
EXPERIMENTS.md.)

    python -m training.gazetteer [--data ../shared/data] [--out training/corpus/gazetteer.jsonl]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from spacy.tokens import Doc

from training import convert

LABELS = ("PER", "ORG", "LOC", "MISC")
MAX_TOKENS = 8
DEFAULT_OUT = convert.ROOT / "training" / "corpus" / "gazetteer.jsonl"


def training_docs(data: Path) -> list[Doc]:
    """All annotated training sentences of every NER source (full LER and WikiANN train; the
    held-out GermEval dev sentences are left out)."""
    parts, _held_out_dev = convert.ner_parts(data, ler_n=10**9, wikiann_n=10**9)
    return [doc for docs in parts.values() for doc in docs]


def entity_counts(docs: Iterable[Doc]) -> dict[tuple[str, ...], Counter]:
    """Word sequence -> how often it is annotated with each label."""
    counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in LABELS and len(ent) <= MAX_TOKENS:
                counts[tuple(t.text for t in ent)][ent.label_] += 1
    return dict(counts)


def outside_counts(docs: Iterable[Doc], names: set[tuple[str, ...]]) -> Counter:
    """How often each name's word sequence occurs with every token annotated O.

    Tokens inside another entity or with missing annotation (LER's legal-norm classes) do
    not count either way."""
    longest = max((len(n) for n in names), default=0)
    counts: Counter = Counter()
    for doc in docs:
        words = [t.text for t in doc]
        outside = [t.ent_iob_ == "O" for t in doc]
        for i in range(len(words)):
            for n in range(1, min(longest, len(words) - i) + 1):
                if not outside[i + n - 1]:
                    break
                key = tuple(words[i:i + n])
                if key in names:
                    counts[key] += 1
    return counts


def _ends_lowercase(words: tuple[str, ...]) -> bool:
    """'US-amerikanische', 'EU-weiten': a German name's last part is capitalised, so a
    lowercase last word or hyphen part marks a derived adjective (not an entity in GermEval's
    or our guidelines), whatever a silver corpus labelled it."""
    last = words[-1].rsplit("-", 1)[-1]
    return last[:1].islower()


def select(ents: dict[tuple[str, ...], Counter], outside: Counter, min_count: int,
           purity: float, o_ratio: float) -> list[dict]:
    """entity_ruler patterns ({"label", "pattern"}) for the names that pass the three tests."""
    patterns = []
    for words, labels in sorted(ents.items()):
        label, n = labels.most_common(1)[0]
        total = sum(labels.values())
        if total < min_count or n < purity * total or outside[words] > o_ratio * total:
            continue
        if not words[0][:1].isupper() or len(" ".join(words)) < 2 or _ends_lowercase(words):
            continue
        patterns.append({"label": label, "pattern": " ".join(words)})
    return patterns


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=convert.DEFAULT_DATA)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--purity", type=float, default=0.95)
    p.add_argument("--o-ratio", type=float, default=0.05)
    args = p.parse_args(argv)
    docs = training_docs(args.data)
    ents = entity_counts(docs)
    outside = outside_counts(docs, set(ents))
    patterns = select(ents, outside, args.min_count, args.purity, args.o_ratio)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for pat in patterns:
            f.write(json.dumps(pat, ensure_ascii=False) + "\n")
    tmp.replace(args.out)
    by_label = Counter(p["label"] for p in patterns)
    print(f"{len(docs)} training sentences, {len(ents)} distinct names, {len(patterns)} on the list "
          f"({dict(by_label)}) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
