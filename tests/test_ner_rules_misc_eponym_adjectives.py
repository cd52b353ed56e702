"""presseschau_ner_rules, session 35 (issue 13): an ORG of the model made of an adjective from a person's name in -sche
and a common noun ("Maxwellschen Gleichungen", "Hebbschen Regel") names a law or theory after its author: MISC
(labels.py `eponym_label`, switch ``eponym_adjectives``; ner_rules.json ``eponym_adjectives``). Real sentences of
GermEval 2014 dev (its tokenised text; gold "Maxwellschen Gleichungen" MISC) and 10kGNAD (docs/measurements/ner.md,
"Session 35 (false ORG on GermEval dev)"); each is ORG again with the switch off. A newspaper named by a city's
adjective in -sche ("Celleschen Zeitung") stays ORG."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# GermEval 2014 dev (held-out sentence)
MAXWELL = ("Er entwickelte einen Satz von Gleichungen ( die Maxwellschen Gleichungen ) , welche die Grundlagen der "
           "Elektrizitätslehre und des Magnetismus bilden .")
# 10kGNAD gnad192
HEBB = "Er arbeitet nach dem AhaH-Prinzip (Anti-Hebbian and Hebbian), das sich von der Hebbschen Regel ableitet."
# 10kGNAD gnad676
CELLE = ("Gegen den 43-jährigen Ehemann werde wegen Mordes ermittelt, sagte Staatsanwalt Witold Franke am Dienstag zu "
         "einem Bericht der Celleschen Zeitung.")


@pytest.mark.parametrize("text, name", [
    (MAXWELL, "Maxwellschen Gleichungen"),
    (HEBB, "Hebbschen Regel"),
])
def test_a_law_named_after_its_author_is_misc(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert on[(name, "MISC")] == 1 and not on[(name, "ORG")], on
    off = ents_with(nlp_info, doc, eponym_adjectives=False)
    assert off[(name, "ORG")] == 1, off


def test_a_newspaper_named_by_a_city_adjective_stays_org(nlp_info):
    on = ents_with(nlp_info, _doc(nlp_info, CELLE))
    assert on[("Celleschen Zeitung", "ORG")] == 1, on
