"""presseschau_ner_rules, session 35 (issue 13): an ORG of the model whose last word is an English street or hall
word ("Fifth Avenue", "Westminster Hall", "Tennessee Street") is a place, LOC (labels.py `street_label`, switch
``street_names``; ner_rules.json ``street_names``; GUIDELINES.md: streets and buildings LOC). Real sentences of
GermEval 2014 dev (its tokenised text) and 10kGNAD (docs/measurements/ner.md, "Session 35 (false ORG on GermEval
dev)"); each is ORG again with the switch off. "Wall Street" for the market stays ORG (``not_names``)."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# GermEval 2014 dev (held-out sentences)
AVENUE = ("New York Times vom 18. September 1922 Stern lebte mit seiner Familie in seinem Landhaus in Tarrytown am Ostufer des Hudson River und im Stadthaus "
          "993 Fifth Avenue in Manhattan .")
HALL = ("Ursprünglich war es die Aufgabe der Barone , bei der Festprozession von der Westminster Hall zur Abtei und "
        "zurück einen Baldachin über dem Monarchen zu tragen .")
# 10kGNAD gnad1000
STREET = "Robert Green wohnt in so einem Traum, an der Tennessee Street, gleich neben dem Industriekanal."


@pytest.mark.parametrize("text, name", [
    (AVENUE, "Fifth Avenue"),
    (HALL, "Westminster Hall"),
    (STREET, "Tennessee Street"),
])
def test_an_org_ending_in_a_street_word_is_a_place(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert on[(name, "LOC")] == 1 and not on[(name, "ORG")], on
    off = ents_with(nlp_info, doc, street_names=False)
    assert off[(name, "ORG")] == 1, off


def test_a_street_standing_for_its_market_stays_org(nlp_info):
    # GermEval 2014 dev (a training sentence of the model; its gold: "Wall Street" ORG)
    doc = _doc(nlp_info, "Nach den schwächeren Vorgaben der Wall Street vom Vortag setzten die deutschen Standardwerte "
                         "ihren Konsolidierungskurs fort .")
    on = ents_with(nlp_info, doc)
    assert on[("Wall Street", "ORG")] == 1, on
