"""presseschau_ner_rules, session 26 (LOC rules; issue 13, LOC error classes counted over the four dev
sets: Wikinews dev, the GermEval held-out sentences, web, web2). Each test runs the whole article or
page and checks that the model's miss comes back with the rule's data switched off, so no test passes
without its rule."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with
from test_ner_rules_s26 import DATA, _doc_of

pytestmark = pytest.mark.skipif(not (DATA / "news" / "html").is_dir(), reason="../shared/data not available")


@pytest.mark.parametrize("snippet, page_set, place", [
    ("Städte in Nordrhein-Westfalen (Bonn, Düsseldorf, Herten, Kamp-Lintfort", "news", "Herten"),
    ("meldeten am Freitag den 13. Rheinfelden und Müllheim", "web2", "Rheinfelden"),
    ("nach Salzburg, Bregenz, Erl und Mörbisch", "web2", "Erl"),
])
def test_place_in_a_list_with_a_place_is_loc(nlp_info, snippet, page_set, place):
    # a place of the place lists that "und", "oder" or a comma joins to a place the model found is a
    # place too (gold LOC); the model left it unlabelled
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(place, "LOC")] >= 1
    assert ents_with(nlp_info, doc, place_coordinators=frozenset())[(place, "LOC")] == 0

