"""NER F1 on the held-out parts of the historical OCR corpora (issue 13, item 4).

    python -m training.experiments.ocr_robustness NAME=MODEL [NAME=MODEL ...]
        [--corpus training/corpus/news_ocr] [--json out.json]

MODEL is a spaCy pipeline with an `ner` (a training output such as
training/output/ocr_a/model-best, or models/de_presseschau); only its `ner` runs, on the gold
tokens. The held-out parts (`ner_europeana_held_out.spacy`, `ner_zefys_held_out.spacy`, written
by `python -m training.convert`, see `ocr_split` there) were never trained on. The corpora label
PER, LOC and ORG only, so predicted MISC spans are dropped before scoring: a MISC name there is
annotated O and a MISC prediction is neither right nor wrong. Scoring is spaCy's `get_ner_prf`,
which ignores predictions over the few tokens with missing (unreadable) gold tags.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, DocBin
from spacy.training import Example

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("europeana", "zefys")
LABELS = ("PER", "LOC", "ORG")


def score(nlp, gold: list[Doc]) -> dict:
    """Micro P/R/F over PER/LOC/ORG and F per label of the pipeline's ner on `gold`."""
    ner = nlp.get_pipe("ner")
    docs = [Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]) for g in gold]
    examples = []
    for pred, ref in zip(ner.pipe(docs, batch_size=256), gold):
        pred.ents = [e for e in pred.ents if e.label_ in LABELS]
        examples.append(Example(pred, ref))
    prf = get_ner_prf(examples)
    per = prf["ents_per_type"] or {}
    return {"p": prf["ents_p"], "r": prf["ents_r"], "f": prf["ents_f"],
            "per_type": {k: per.get(k, {}).get("f") for k in LABELS}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+", help="NAME=PATH of a spaCy pipeline with an ner")
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "corpus" / "news_ocr")
    ap.add_argument("--json", type=Path, help="also write the scores here")
    args = ap.parse_args(argv)
    gold = {}
    for part in PARTS:
        path = args.corpus / f"ner_{part}_held_out.spacy"
        if not path.exists():
            sys.exit(f"error: {path} is missing (run `python -m training.convert --out {args.corpus}` first)")
        vocab = spacy.blank("de").vocab
        gold[part] = list(DocBin().from_disk(path).get_docs(vocab))
    results = {}
    print(f"{'model':<24} {'part':<10} {'P':>6} {'R':>6} {'F':>6}   " + "  ".join(f"{k:>5}" for k in LABELS))
    for spec in args.models:
        name, _, path = spec.partition("=")
        if not path:
            sys.exit(f"error: expected NAME=PATH, got {spec!r}")
        nlp = spacy.load(path)
        results[name] = {}
        for part, docs in gold.items():
            s = results[name][part] = score(nlp, docs)
            print(f"{name:<24} {part:<10} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}   "
                  + "  ".join(f"{(s['per_type'][k] or 0):5.3f}" for k in LABELS))
    if args.json:
        tmp = args.json.with_suffix(".tmp")
        tmp.write_text(json.dumps(results, indent=1), encoding="utf-8")
        tmp.replace(args.json)


if __name__ == "__main__":
    main()
