"""presseschau_ner_rules: a country, continent or region that the model read as a person is a place in any context,
not only after a locative preposition (ner_rules.json ``countries``, added.py `country_word`): 'Spitzenreiter
[Lettland] führt', '[Thüringens] Autohäuser' (web dev), '[Brasiliens] Teamkicker', 'ein Vertreter [Kaliforniens]'
(10kGNAD). docs/measurements/ner.md, "Session 34 (places: LOC in ordinary prose, second round)". Each test checks
that the model's PER comes back with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import dev_doc, ents_with, gnad_doc, needs_pages


@needs_pages
@pytest.mark.parametrize("snippet, page_set, place", [
    ("Spitzenreiter Lettland führt das Ranking", "web", "Lettland"),
    ("Thüringens Autohäuser rechnen", "web", "Thüringens"),
])
def test_a_country_or_region_read_as_a_person_is_loc_on_the_dev_pages(nlp_info, snippet, page_set, place):
    doc = dev_doc(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(place, "LOC")] >= 1
    assert ents_with(nlp_info, doc)[(place, "PER")] == 0
    assert ents_with(nlp_info, doc, countries_as_persons=False)[(place, "PER")] >= 1


@needs_pages
@pytest.mark.parametrize("doc_id, key, place", [
    ("gnad1", "betonte Brasiliens Teamkicker", "Brasiliens"),
    ("gnad672", "ein Vertreter Kaliforniens", "Kaliforniens"),
])
def test_a_country_or_region_read_as_a_person_is_loc_in_10kgnad(nlp_info, doc_id, key, place):
    doc = gnad_doc(nlp_info, doc_id, key)
    assert ents_with(nlp_info, doc)[(place, "LOC")] == 1
    assert ents_with(nlp_info, doc, countries_as_persons=False)[(place, "PER")] == 1
