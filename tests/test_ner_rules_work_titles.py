"""presseschau_ner_rules, session 32 (issue 13): a title in quotes after a noun of works is MISC (ner_rules.json
`quoted_work_heads`), and a place with its country or region in brackets is two places (`place_qualifiers`,
`bracket_place`); docs/measurements/ner.md, "Session 32 (titles of works in quotes)". Real sentences of web_pages_de,
10kGNAD and Wikinews; each test checks that the error comes back with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc


@pytest.mark.parametrize("text, title, before", [
    # goodnight.at: the model found nothing in the quotes
    ("Nach Jahren des Songwritings und ihrem darauffolgenden Coming-out mit der ersten Single „Chemie“ wird sie nun im "
     "November als bekannte LGBTQ+-Vorreiterin und Sprachrohr der Gen-Z unausgesprochene Themen in die Welt "
     "hinaustragen.", "Chemie", None),
    # makronom.de: the model's ORG
    ("Diese Veränderungsbedarfe werden auch durch die Studie „Modell Deutschland Circular Economy“ von Öko-Institut "
     "e.V., Fraunhofer ISI und FU Berlin für den WWF Deutschland erneut bestätigt.", "Modell Deutschland Circular Economy",
     "ORG"),
    # brandeins.de
    ("In Ihrem Buch knöpfen Sie sich auch den Roman „Herr der Fliegen“ des britischen Nobelpreisträgers William "
     "Golding vor.", "Herr der Fliegen", None),
])
def test_a_quoted_title_after_a_noun_of_works_is_misc(nlp_info, text, title, before):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(title, "MISC")] == 1
    off = ents_with(nlp_info, doc, quoted_work_heads={})
    assert off[(title, "MISC")] == 0
    if before:
        assert off[(title, before)] == 1


def test_zum_beispiel_names_no_work(nlp_info):
    # Wikinews (wn40419, train): "Beispiel" ends in "Spiel", but what follows it is an example, not a game's title
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    doc = _doc(nlp_info, "Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten vom Frankfurter Hauptbahnhof "
                         "bis zur Paulskirche und skandierten dabei Parolen wie zum Beispiel „Stoppt den Überwachungswahn“.")
    start = next(t.i for t in doc if t.text == "Stoppt")
    assert rules.appositive_label(doc, start) is None


@pytest.mark.parametrize("text, place, country", [
    # 10kGNAD gnad507: the model's one LOC over the town and its Land
    ("Die Bergrettungen des Kleinwalsertales und von Oberstdorf (Bayern) mussten mit Skiern über das "
     "Zweiländerskigebiet Kanzelwand/Fellhorn zur Unfallstelle aufsteigen.", "Oberstdorf", "Bayern"),
])
def test_a_place_with_its_region_in_brackets_is_two_places(nlp_info, text, place, country):
    doc = _doc(nlp_info, text)
    got = ents_with(nlp_info, doc)
    assert got[(place, "LOC")] == 1 and got[(country, "LOC")] == 1
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    assert ents_with(nlp_info, doc, place_qualifiers=rules.place_qualifiers | {country})[(f"{place} ({country})", "LOC")] == 1


def test_a_river_in_brackets_stays_in_the_name(nlp_info):
    # Wikinews train (the gold's one LOC): a river tells two towns of one name apart
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    assert not rules.bracket_place("Saale") and not rules.bracket_place("Luhe") and rules.bracket_place("Katar")
