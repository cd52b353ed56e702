"""Silver NER data: Bundestag paragraphs labelled by the whole annotate stage (self-training).

    python -m training.experiments.silver_ner --words 300000 --out training/corpus/silver_bt/silver.spacy

Issue 13 (session 19). The shipped pipeline (model + Presseschau components) beats the bare model by about ten
points P/O/L on web news (web3 0.681 -> 0.754, web4 0.649 -> 0.744), so its output on unlabelled text is a
better teacher than the model itself. This writes that output as training docs for the ner: a seeded sample
of Bundestag paragraphs (official works, § 5 UrhG; the only unlabelled text here that may be trained on: the
web pages and 10kGNAD are local testing only, and Wikinews' dev and test articles are for selection and
measuring), 15 to 80 words each, run through `pipeline.evaluate.model.pipeline_docs`, keeping its
PER/ORG/LOC/MISC entities. The student is the shipped ner recipe on `news_1.0/ner_train.spacy` plus these docs
(`training/experiments/silver_ner.sh`).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from spacy.tokens import Doc, DocBin

from training.vectors import DEFAULT_DATA, bundestag_lines


def sample_paragraphs(data: Path, words: int, seed: int = 19, min_words: int = 15, max_words: int = 80) -> list[str]:
    """Bundestag paragraphs of ``min_words`` to ``max_words`` words, shuffled (seeded), up to ``words`` words."""
    lines = [p for p in bundestag_lines(data) if min_words <= p.count(" ") + 1 <= max_words]
    random.Random(seed).shuffle(lines)
    out, n = [], 0
    for p in lines:
        if n >= words:
            break
        out.append(p)
        n += p.count(" ") + 1
    return out


def silver_docs(nlp, texts: list[str]) -> list[Doc]:
    """One Doc per text with the annotate stage's PER/ORG/LOC/MISC entities, on a fresh Doc of the same tokens
    (so nothing but the entities travels into training)."""
    from pipeline.evaluate.model import PRED_LABEL, pipeline_docs

    out = []
    for doc in pipeline_docs(nlp, texts):
        fresh = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        fresh.ents = [fresh.char_span(e.start_char, e.end_char, label=PRED_LABEL[e.label_])
                      for e in doc.ents if e.label_ in PRED_LABEL]
        out.append(fresh)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--words", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", type=Path, default=Path("training/corpus/silver_bt/silver.spacy"))
    args = ap.parse_args()
    from pipeline.nlp import load_nlp

    nlp, _ = load_nlp(None)
    docs = silver_docs(nlp, sample_paragraphs(args.data, args.words, args.seed))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(args.out)
    n_ents = sum(len(d.ents) for d in docs)
    print(f"{len(docs)} docs, {sum(len(d) for d in docs)} tokens, {n_ents} entities -> {args.out}")


if __name__ == "__main__":
    main()
