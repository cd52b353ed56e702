"""presseschau_ner_rules: a name the model ended at 'St' and its period, a token of its own in text joined from a
corpus' tokens (GermEval), runs on over the name after the period (bounds.py `join_saint_names`, ner_rules.json
``saint_abbreviations``): 'Nordseite von [St . Willibrord]', 'Spielen in [St . Moritz]' (GermEval dev, held out).
docs/measurements/ner.md, "Session 35 (places: LOC on Wikinews train and GermEval dev)". Each test checks that the
error comes back with the rule off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, germeval_doc, needs_germeval, text_doc


@needs_germeval
@pytest.mark.parametrize("snippet, name", [
    ("an der Nordseite von St . Willibrord", "St . Willibrord"),
    ("an den Spielen in St . Moritz", "St . Moritz"),
])
def test_a_place_after_st_and_its_period_is_one_loc(nlp_info, snippet, name):
    doc = germeval_doc(nlp_info, snippet)
    assert ents_with(nlp_info, doc)[(name, "LOC")] == 1
    off = ents_with(nlp_info, doc, saint_names=False)
    assert off[(name, "LOC")] == 0 and off[("St .", "LOC")] == 1


def test_text_as_written_keeps_st_one_token(nlp_info):
    # 'St.' of ordinary text is one token: the rule has nothing to join ('St. Pölten', 10kGNAD's spelling)
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = text_doc(nlp_info, "Die Kirche St. Peter in St. Pölten wurde 1787 erbaut.")
    assert [(e.text, e.label_) for e in rules.join_saint_names(doc, list(doc.ents), [])] == \
        [(e.text, e.label_) for e in doc.ents]
