"""presseschau_ner_rules, session 33 (issue 13, places the rules got wrong in ordinary prose: the LOC errors of the
four open dev sets, each class counted on the 10kGNAD articles and web_pages_de pages before it was built;
docs/measurements/ner.md, "Session 33 (places)"). Each test runs a real sentence (quoted from the dev sets' pages)
through the annotate stage and checks that the error comes back with the session's rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# two common nouns in one compound, taken for places by the model (web dev / web2 dev / Wikinews dev pages)
COMPOUNDS = [
    ("Gestern Abend gab das Unternehmen Investoren gegenüber die jüngsten Finanzergebnisse bekannt und verwies dabei "
     "auf das verschlechterte Marktumfeld angesichts der gestiegenen Zinsen.", "Marktumfeld"),
    ("Möglicherweise litt er an einer plötzlich auftretenden klaustrophobischen Panikattacke, durch die er Angst von "
     "dem Aufenthalt in geschlossenen Räumen bekam.", "Panikattacke"),
    ("Knapp vor einem steil abfallenden Wiesenbord kam die Corvette zum Stillstand.", "Wiesenbord"),
]


@pytest.mark.parametrize("text,word", COMPOUNDS)
def test_a_compound_of_two_common_nouns_is_no_place(nlp_info, text, word):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert not [k for k in on if k[0] == word], on
    off = ents_with(nlp_info, doc, drop_compound_places=False)
    assert off[(word, "LOC")] == 1, off


def test_a_compound_with_a_place_head_stays(nlp_info):
    # Wikinews dev: 'Bundesrepublik' (Bund|es|republik: a state) is gold LOC
    doc = _doc(nlp_info, "Sie ist verantwortlich für einen pünktlichen und vor allem sicheren Flugverkehr in der "
                         "Bundesrepublik.")
    on = ents_with(nlp_info, doc)
    off = ents_with(nlp_info, doc, drop_compound_places=False)
    assert on[("Bundesrepublik", "LOC")] == off[("Bundesrepublik", "LOC")] == 1, on


# web dev: two places joined by a slash, one LOC span from the model; the gold has one span each
SLASHED = [
    ("Im Gründungsjahr 1951 sei mit dem Begriff der grenzüberschreitenden Tätigkeit „meist eine Distanz wie "
     "Hamburg/München gemeint gewesen“, sagte Steinmeier.", ("Hamburg", "München")),
    ("Das in Wallisellen/ZH beheimatete Start-up beschäftigt mittlerweile acht Personen und stellt Geräte zur Messung "
     "von Treibhausgasen und Schadstoffen in der Atmosphäre her.", ("Wallisellen", "ZH")),
]


@pytest.mark.parametrize("text,places", SLASHED)
def test_places_joined_by_a_slash_are_two_names(nlp_info, text, places):
    doc = _doc(nlp_info, text)
    joined = "/".join(places)
    on = ents_with(nlp_info, doc)
    assert all(on[(p, "LOC")] == 1 for p in places) and on[(joined, "LOC")] == 0, on
    off = ents_with(nlp_info, doc, slashed_places=False)
    assert off[(joined, "LOC")] == 1, off
