"""presseschau_names: a mention whose label its own context decided keeps it against the article's vote for the form
(issue 13, false PER; docs/measurements/ner.md, "Session 35 (false persons)"). A company named after its founder:
"Conrad Conradty" PER makes the surname "Conradty" PER by `surname_wins`, which overruled the ORG that the noun
"Firma" gave the mention ("die Firma [Conradty]"; Wikinews train, 3 mentions); counted on the pool the same happened to
"Drogeriemarktkette [Schlecker]" 2x and "Firma [McAfee]" (10kGNAD). Each test runs real text through the rule
components and checks that the error comes back with the switch off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# Wikinews train (CC BY 2.5), the article on the Conradty managers' trial
CONRADTY = ("Drei ehemalige Topmanager der Firmen Conradty Carbon und Conradty COVA mit Sitz in Röthenbach an der "
            "Pegnitz bei Nürnberg standen vor Gericht, nachdem im September und Oktober 2004 die gesamte Führungsebene "
            "der Firma Conradty inhaftiert wurde.\n\nDie Firma Conradty war eine alteingesessene gutsituierte Firma, "
            "hervorgegangen aus einem 1855 von Conrad Conradty (1827 – 1901) in Nürnberg gegründeten Werk zur "
            "Bleistiftproduktion.")


def test_a_company_named_after_its_founder_stays_org(nlp_info):
    doc = _doc(nlp_info, CONRADTY)
    on = ents_with(nlp_info, doc)
    assert on[("Conrad Conradty", "PER")] == 1, on
    assert on[("Conradty", "ORG")] == 2 and on[("Conradty", "PER")] == 0, on
    off = ents_with(nlp_info, doc, names={"typed_mentions_keep": False})
    assert off[("Conradty", "PER")] == 2, off
