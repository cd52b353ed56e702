"""presseschau_ner_rules `role_surname` (issue 13; docs/measurements/ner.md, "Session 34 (persons in ordinary
prose)"): "Richter" is a surname and a role; after "Vorsitzende" or a lowercase attributive adjective it is the role,
not part of a person's name. Real text (10kGNAD; Wikinews train); each test checks that the error comes back with the
rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# Wikinews train (wn3855, wn12162): the model's span began with the role
TOLKSDORF = ("Die beiden anderen Bandmitglieder haben Bewährungsstrafen anerkannt. \n\nDer Vorsitzende Richter Klaus "
             "Tolksdorf sagte: „Ohne feste Struktur und gemeinsame Ziele seiner Gruppenmitglieder sei die Band gar nicht "
             "erst in der Lage gewesen, bestehende braune Netzwerke zu nutzen.“")
STOCK = ("Zur Urteilsbegründung erklärte die Vorsitzende Richterin Bärbel Stock, dass nicht zweifelsfrei geklärt werden "
         "konnte, „ob ein Oralverkehr gegen den Willen der Nebenklägerin durchgeführt wurde“.")


def test_the_role_before_a_name_is_no_part_of_it(nlp_info):
    for text, name in ((TOLKSDORF, "Klaus Tolksdorf"), (STOCK, "Bärbel Stock")):
        doc = _doc(nlp_info, text)
        on = ents_with(nlp_info, doc)
        assert on[(name, "PER")] == 1 and not [k for k in on if k[0].startswith("Richter")], on
        off = ents_with(nlp_info, doc, role_surnames=False)
        assert off[(name, "PER")] == 0, off


# 10kGNAD (gnad927): the role alone was PER
JUDGE = ("Ein Verteidiger sagte am Sonntag, es gebe keinen politischen Grund für die erneute Verschiebung. Der "
         "Vorsitzende Richter sei krank, aus rechtlichen Gründen könne das Urteil nicht von einem anderen Richter "
         "gesprochen werden.")


def test_the_role_alone_is_no_person(nlp_info):
    doc = _doc(nlp_info, JUDGE)
    assert ents_with(nlp_info, doc)[("Richter", "PER")] == 0
    assert ents_with(nlp_info, doc, role_surnames=False)[("Richter", "PER")] >= 1
