"""presseschau_ner_rules, session 32 (issue 13: GermEval's OTH recall): a title in quotes after a noun of works is
MISC (ner_rules.json `quoted_work_heads`; docs/measurements/ner.md, "Session 32 (titles of works)"). Real sentences
of web_pages_de; each test checks that the error comes back with the rule's nouns switched off."""
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
