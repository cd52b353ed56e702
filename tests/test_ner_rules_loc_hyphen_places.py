"""presseschau_ner_rules: a place joined by a hyphen to a geographic head, which the model left out, is LOC (added.py
`add_hyphen_places`, ner_rules.json ``hyphen_places``): 'der ägyptischen [Sinai-Halbinsel]', 'April in [Kuwait-Stadt] unter UN-Schirmherrschaft'
(10kGNAD), 'für die [Omo-Region] zuständige' (Wikinews train); not 'US-Stadt', 'Mozart-Stadt', 'Bayern-Kreis'.
docs/measurements/ner.md, "Session 35 (places: LOC on Wikinews train and GermEval dev)". Each test checks that the
error comes back with the rule off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc, needs_pages, text_doc


@needs_pages
@pytest.mark.parametrize("doc_id, key, name", [
    ("gnad458", "im Norden der ägyptischen Sinai-Halbinsel", "Sinai-Halbinsel"),
    ("gnad657", "April in Kuwait-Stadt unter UN-Schirmherrschaft", "Kuwait-Stadt"),
])
def test_a_place_with_a_hyphenated_head_is_loc(nlp_info, doc_id, key, name):
    doc = gnad_doc(nlp_info, doc_id, key)
    assert ents_with(nlp_info, doc)[(name, "LOC")] >= 1
    assert ents_with(nlp_info, doc, hyphen_places=False)[(name, "LOC")] == 0


def test_the_omo_region_of_the_wikinews_train_article_is_loc(nlp_info):
    doc = text_doc(nlp_info, "So sagte der für die Omo-Region zuständige Kokoordinator für Naturkatastrophen, die "
                             "Helfer seien überlastet.")
    assert ents_with(nlp_info, doc)[("Omo-Region", "LOC")] == 1
    assert ents_with(nlp_info, doc, hyphen_places=False)[("Omo-Region", "LOC")] == 0


def test_an_acronym_a_surname_or_a_one_part_district_is_no_place(nlp_info):
    # 'in der US-Stadt Phoenix' (web_pages_de), 'gratuliert der Mozart-Stadt', 'aus dem engsten Bayern-Kreis' (10kGNAD)
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = text_doc(nlp_info, "In der US-Stadt gratuliert er der Mozart-Stadt und dem engsten Bayern-Kreis.")
    assert [e.text for e in rules.add_hyphen_places(doc, [], [])] == []
