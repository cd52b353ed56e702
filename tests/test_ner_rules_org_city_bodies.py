"""presseschau_ner_rules, session 35 (issue 13): a city adjective and a generic authority that the model calls ORG
("Berliner Polizei", "Kölner Polizei", "Pariser Rathaus") is dropped (drops.py `city_body`, switch ``city_bodies``;
ner_rules.json ``city_bodies``): GUIDELINES.md, a city adjective + noun is not annotated. Real sentences of Wikinews
train and 10kGNAD (docs/measurements/ner.md, "Session 35 (ORG on the Wikinews train articles)"); each comes back
as ORG with the switch off. A newspaper named so ("Berliner Zeitung") stays."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# Wikinews train wn58768, wn49483, 10kGNAD gnad238
POLICE = ("Laut Berliner Polizei ist die Demonstration, zu der ein Bündnis von 167 Organisationen aus vielen "
          "gesellschaftlichen Gruppen aufgerufen hatte, „weitgehend störungsfrei“ verlaufen.")
TOWN_HALL = ("Die Organisation Reporter ohne Grenzen hisste am Pariser Rathaus die tibetische Flagge; außerdem zeigte sie "
             "eine schwarze Flagge mit olympischen Ringen, die die Form von Handschellen hatten.")
COLOGNE = "Die Kölner Polizei wollte sich zunächst nicht zu dem Bericht des Bundespolizisten äußern."
# Wikinews train wn77041
NEWSPAPER = ("Laut der Berliner Zeitung werden deutsche Hauptstadtbürger von einem Missionar via SMS-Kurznachricht zur "
             "Konvertierung zum Islam aufgerufen.")


@pytest.mark.parametrize("text, name", [
    (POLICE, "Berliner Polizei"),
    (TOWN_HALL, "Pariser Rathaus"),
    (COLOGNE, "Kölner Polizei"),
])
def test_a_city_adjective_and_an_authority_is_no_name(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert not any(t == name for t, _ in on), on
    off = ents_with(nlp_info, doc, city_bodies=False)
    assert off[(name, "ORG")] == 1, off


def test_a_newspaper_named_by_its_city_stays(nlp_info):
    on = ents_with(nlp_info, _doc(nlp_info, NEWSPAPER))
    assert on[("Berliner Zeitung", "ORG")] == 1, on
