"""The bundled model models/de_presseschau: its reported scores, and its gazetteer
(training/gazetteer.py) on real data."""
from __future__ import annotations

import json

import pytest
import spacy

from repo_data import REPO, SHARED, read_news

MODEL = REPO / "models" / "de_presseschau"
DATA = SHARED / "data"
GERMEVAL_DEV = DATA / "ner" / "germeval2014" / "NER-de-dev.tsv"


@pytest.fixture(scope="module")
def bundled():
    return spacy.load(MODEL)


def test_evaluation_reproduces_the_scores_in_meta_json():
    """`presseschau evaluate-model` on the full GermEval 2014 and GSD test sets gives the
    numbers meta.json (and the README) report."""
    from pipeline.model_eval import evaluate_model

    reported = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))["presseschau_scores"]
    res = evaluate_model(str(MODEL), DATA)
    ner = reported["ner_germeval2014_test"]
    for label, prf in ner["per_label"].items():
        for m in ("p", "r", "f"):
            assert res["ner"]["per_label"][label][m] == pytest.approx(prf[m], abs=5e-4), (label, m)
    assert res["ner"]["overall"]["f"] == pytest.approx(ner["overall"]["f"], abs=5e-4)
    ud = reported["ud_gsd_test"]
    for mode, key in (("raw", "raw_text"), ("gold_tok", "gold_tokenization")):
        assert res["ud"][mode]["upos_acc"] == pytest.approx(ud[key]["upos_acc"], abs=5e-4)
        assert res["ud"][mode]["las"] == pytest.approx(ud[key]["las"], abs=5e-4)


def test_gazetteer_lists_consistent_names_and_leaves_out_ambiguous_ones():
    """On GermEval 2014 dev-train: 'Berlin' (LOC 14 of 14 times, never O) goes on the list;
    'Europa' (LOC 6, PER 1: purity 0.86) and 'Chr .' (PER 3 times, once annotated O) do not."""
    from training import convert, gazetteer

    train, held_out = convert.convert_germeval(GERMEVAL_DEV)
    assert len(train) == 1700 and len(held_out) == 500
    ents = gazetteer.entity_counts(train)
    outside = gazetteer.outside_counts(train, set(ents))
    listed = {p["pattern"]: p["label"] for p in gazetteer.select(ents, outside, 3, 0.95, 0.05)}
    assert listed["Berlin"] == "LOC" and listed["CDU"] == "ORG"
    assert ents[("Europa",)]["PER"] == 1 and "Europa" not in listed
    assert outside[("Chr", ".")] >= 1 and "Chr ." not in listed
    # a lower purity bar lets 'Europa' in, with its majority label
    assert {p["pattern"]: p["label"] for p in gazetteer.select(ents, outside, 3, 0.8, 0.05)}["Europa"] == "LOC"


def test_bundled_gazetteer_only_adds_names_the_ner_missed(bundled):
    """On 150 Wikinews articles every entity of the statistical ner survives unchanged, and the
    gazetteer adds listed names the ner did not find."""
    assert bundled.pipe_names.index("gazetteer") == bundled.pipe_names.index("ner") + 1
    texts = [r["text"] for r in read_news("wikinews_de.jsonl.gz", 150)]
    with_gaz = list(bundled.pipe(texts))
    with bundled.select_pipes(disable=["gazetteer"]):
        without = list(bundled.pipe(texts))
    added = 0
    for a, b in zip(with_gaz, without):
        full = {(e.start_char, e.end_char, e.label_) for e in a.ents}
        ner_only = {(e.start_char, e.end_char, e.label_) for e in b.ents}
        assert ner_only <= full
        added += len(full - ner_only)
    assert added >= 10
