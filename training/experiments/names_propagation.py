"""Experiment (issue 13): does `presseschau_names` propagation help, and with how much
evidence? NER F1 of the full Presseschau pipeline (model + gazetteer + rule components +
names) on the Wikinews **dev** split, for: propagation off, on with min_support 1 (any one
model mention), on with min_support 2 (two mentions, or a multi-token name, or the alias
table's type behind the label).

    python -m training.experiments.names_propagation [--model models/de_presseschau]
"""
from __future__ import annotations

import argparse
import json

from pipeline.evaluate.model import evaluate_ner, read_news
from pipeline.nlp import load_nlp
from pipeline.paths import BUNDLED_MODEL, SHARED_DATA


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(BUNDLED_MODEL))
    ap.add_argument("--split", default="dev")
    args = ap.parse_args()
    items = read_news(SHARED_DATA, args.split)
    nlp, _ = load_nlp(args.model)
    names = nlp.get_pipe("presseschau_names")
    rows = {}
    for label, propagate, support in (("off", False, 1), ("min_support=1", True, 1), ("min_support=2", True, 2)):
        names.propagate, names.min_support = propagate, support
        res = evaluate_ner(nlp, items, f"Wikinews {args.split}")
        rows[label] = {k: res["per_label"][k]["f"] for k in ("PER", "ORG", "LOC", "MISC")} | {"all": res["overall"]["f"]}
        print(label, json.dumps(rows[label]))


if __name__ == "__main__":
    main()
