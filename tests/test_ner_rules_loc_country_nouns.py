"""presseschau_ner_rules: a country that the lemma table reads as a people's plural ('Schweden': Schwede, 'Polen':
Pole) is a place where `add_places` expects one, after a locative preposition or in a list with a place (added.py
`place_word`, switch `country_nouns`): 'Länder wie Deutschland und [Schweden]' (10kGNAD), 'floh er über Dänemark
nach [Schweden]' (Wikinews train); not the people ('70 Prozent der Polen'). docs/measurements/ner.md, "Session 35
(places: LOC on Wikinews train and GermEval dev)". Each test checks that the error comes back with the rule off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, gnad_doc, needs_pages, text_doc


@needs_pages
def test_a_country_read_as_a_plural_in_a_list_of_places_is_loc(nlp_info):
    doc = gnad_doc(nlp_info, "gnad582", "auch Länder wie Deutschland und Schweden")
    assert ents_with(nlp_info, doc)[("Schweden", "LOC")] == 1
    assert ents_with(nlp_info, doc, country_nouns=False)[("Schweden", "LOC")] == 0


def test_a_country_read_as_a_plural_after_a_preposition_is_loc(nlp_info):
    doc = text_doc(nlp_info, "Nachdem er eine Pazifistin kennengelernt hatte, floh er über Dänemark nach Schweden.")
    assert ents_with(nlp_info, doc)[("Schweden", "LOC")] == 1
    assert ents_with(nlp_info, doc, country_nouns=False)[("Schweden", "LOC")] == 0


def test_the_people_after_an_article_are_no_place(nlp_info):
    # Wikinews train: 'wollten 70 Prozent der Polen keine Flüchtlinge aufnehmen' (gold: no name); no preposition
    # or listed place before the word, so `add_places` adds nothing
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = text_doc(nlp_info, "Laut einer Umfrage wollten 70 Prozent der Polen keine Flüchtlinge aufnehmen.")
    assert [e.text for e in rules.add_places(doc, [], [])] == []
