"""The floors gate of the bundled model models/de_presseschau: `presseschau evaluate-model` on the full
evaluation sets, every score at or above its floor. In a file of its own (session 33): it is the suite's
longest test, and with `--dist loadfile` a file runs on one worker, so beside test_model.py's other model
tests it made that file the longest of the suite."""
from __future__ import annotations

import json

import pytest

from repo_data import REPO, SHARED

pytestmark = pytest.mark.slow

MODEL = REPO / "models" / "de_presseschau"
DATA = SHARED / "data"


# Floors, not pins (as trafilatura's evaluation gate): a better model passes, a broken or
# worse one fails. The scores themselves are in meta.json, the README ("Measured") and docs/measurements/ner.md.
FLOORS = {
    "ner": 0.59,            # GermEval 2014 test, outer level, micro F1 (model 0.4.0: 0.609)
    "ner_conll2003": 0.52,  # CoNLL-2003 German testa, micro F1 (0.544)
    "ner_news": 0.72,       # Wikinews test split, the ner alone (0.741)
    "upos": 0.91,           # UD GSD test, raw text (0.918)
    "las": 0.65,            # (0.671)
}


def test_evaluation_meets_the_floors_and_meta_json_reports_it():
    """`presseschau evaluate-model` on the full evaluation sets: every score at or above its
    floor, and meta.json reports scores that meet the same floors."""
    from pipeline.evaluate.model import evaluate_model

    res = evaluate_model(str(MODEL), DATA)
    for key in ("ner", "ner_conll2003", "ner_news"):
        assert res[key]["overall"]["f"] >= FLOORS[key], (key, res[key]["overall"])
    assert res["ud"]["raw"]["upos_acc"] >= FLOORS["upos"]
    assert res["ud"]["raw"]["las"] >= FLOORS["las"]
    reported = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))["presseschau_scores"]
    assert reported["ner_germeval2014_test"]["overall"]["f"] >= FLOORS["ner"]
    assert reported["ud_gsd_test"]["raw_text"]["upos_acc"] >= FLOORS["upos"]
