"""presseschau_ner_rules: 'Westen' as the geopolitical bloc is LOC (GUIDELINES.md, names 11), a compass direction or
a part of a country is not (ner_rules.json ``west_bloc``, added.py `add_west_bloc`): 'wo der [Westen] mit seinen
Waffen', 'um in den [Westen] zu gelangen' (10kGNAD), 'Der [Westen] hatte von der neugewählten ...' (Wikinews dev);
not 'der Westen und Norden des Bundeslandes' (Wikinews train, gold: no name). docs/measurements/ner.md, "Session 34
(places: LOC in ordinary prose, second round)". Each test checks that the error comes back with the rule off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc, needs_pages, text_doc


@needs_pages
@pytest.mark.parametrize("doc_id, key", [
    ("gnad762", "wo der Westen mit seinen Waffen"),
    ("gnad960", "um in den Westen zu gelangen"),
])
def test_the_west_as_a_bloc_after_an_article_is_loc(nlp_info, doc_id, key):
    doc = gnad_doc(nlp_info, doc_id, key)
    assert ents_with(nlp_info, doc)[("Westen", "LOC")] == 1
    assert ents_with(nlp_info, doc, west_bloc=False)[("Westen", "LOC")] == 0


@needs_pages
def test_the_west_of_the_news_dev_article_is_loc(nlp_info):
    from ner_rule_helpers import dev_doc

    doc = dev_doc(nlp_info, "Der Westen hatte von der neugewählten", "news")
    assert ents_with(nlp_info, doc)[("Westen", "LOC")] >= 1
    assert ents_with(nlp_info, doc, west_bloc=False)[("Westen", "LOC")] == 0


def test_the_west_as_a_compass_direction_is_no_name(nlp_info):
    # Wikinews train wn45940 (gold: no name) and a web_pages_de page ("vom Osten bis in den Westen"): a compass
    # word near it, a genitive after it ("der Westen des Landes") or "im Westen" leave it alone
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = text_doc(nlp_info, "Besonders der Westen und Norden des Bundeslandes seien betroffen. Sie lebten vom Osten "
                             "bis in den Westen. Der Westen des Landes und die Dörfer im Westen waren überflutet.")
    assert [e.text for e in rules.add_west_bloc(doc, [], [])] == []
    assert [e.text for e in rules.add_west_bloc(text_doc(nlp_info, "Der Westen hatte von der neugewählten Regierung "
                                                                   "gefordert."), [], [])] == ["Westen"]
