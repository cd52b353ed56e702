"""presseschau_ner_rules `demonym` (issue 13; docs/measurements/ner.md, "Session 37 (names in 10kGNAD news)"): a
people's noun of a country that the model called LOC is no name (annotations/GUIDELINES.md: nationality nouns are not
entities; ner_rules.json ``demonyms``: Norweg|er and Norweg|en, Ägypt|ern and Ägypt|en). Real text (10kGNAD, read at
run time); each test checks that the error comes back with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc


@pytest.mark.parametrize("doc_id, key, word", [
    # gnad494: "Die norwegische Regierung hatte im September erklärt, der Norweger werde seit Jänner gefangen gehalten, ..."
    ("gnad494", "der Norweger werde", "Norweger"),
    # gnad502: "In ägyptischen Justizkreisen war jedoch von acht getöteten Mexikanern und vier Ägyptern die Rede."
    ("gnad502", "vier Ägyptern die Rede", "Ägyptern"),
])
def test_a_peoples_noun_is_no_place(nlp_info, doc_id, key, word):
    doc = gnad_doc(nlp_info, doc_id, key)
    on = ents_with(nlp_info, doc)
    assert not [k for k in on if k[0] == word], on
    off = ents_with(nlp_info, doc, demonym_drops=False)
    assert off[(word, "LOC")] == 1, off


def test_a_country_is_no_peoples_noun(nlp_info):
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    doc = nlp_info[0].make_doc("Norwegen Italiener Italien Mexikaner Wagner")
    assert [rules.demonym(t) for t in doc] == [False, True, False, True, False]
