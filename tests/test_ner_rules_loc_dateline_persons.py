"""presseschau_ner_rules `dateline_persons` (issue 13; docs/measurements/ner.md, "Session 37 (names in 10kGNAD
news)"): the place of a dateline that the model called a person is LOC ('... kämpfen". [Wels] – Keine
Sozialleistungen', derStandard's dateline after the teaser sentence), and a place of the lists is not made a person by
the `persons` repair ('in [Santa Monica] gestorben', whose two words are listed first names). Real text (10kGNAD, read at
run time); each test checks that the error comes back with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc


@pytest.mark.parametrize("doc_id, key, place", [
    # gnad127: 'Medienkulturhaus setzt Flüchtlingsschwerpunkt: "Für eine Willkommenskultur kämpfen". Wels – Keine
    # Sozialleistungen für Ausländer aus Nicht-EU-Staaten, ...'
    ("gnad127", "Wels – Keine", "Wels"),
    # gnad494: 'Neue Ausgabe des IS-Magazins "Dabiq" zeigt getötete Ausländer. Raqqa – Die Jihadistenorganisation ...'
    ("gnad494", "Raqqa – Die", "Raqqa"),
])
def test_a_dateline_place_read_as_a_person_is_loc(nlp_info, doc_id, key, place):
    doc = gnad_doc(nlp_info, doc_id, key, before=1)
    on = ents_with(nlp_info, doc)
    assert on[(place, "LOC")] == 1 and on[(place, "PER")] == 0, on
    off = ents_with(nlp_info, doc, dateline_relabels=False)
    assert off[(place, "PER")] == 1, off


def test_a_two_word_dateline_place_of_the_lists_is_loc(nlp_info):
    # gnad677: "Der doppelt Oscar-prämierte Kameramann und Regisseur wurde 93 Jahre alt. Santa Monica – Über das Jahr
    # 1968 in Amerika ..."
    doc = gnad_doc(nlp_info, "gnad677", "Santa Monica – Über", before=1)
    on = ents_with(nlp_info, doc)
    assert on[("Santa Monica", "LOC")] == 1 and on[("Santa Monica", "PER")] == 0, on
    off = ents_with(nlp_info, doc, dateline_relabels=False)
    assert off[("Santa Monica", "PER")] == 1, off


def test_a_place_of_the_lists_is_not_made_a_person(nlp_info):
    # gnad677: "Am Sonntag ist er im Alter von 93 Jahren in Santa Monica gestorben."
    doc = gnad_doc(nlp_info, "gnad677", "in Santa Monica gestorben")
    on = ents_with(nlp_info, doc)
    assert on[("Santa Monica", "LOC")] == 1 and on[("Santa Monica", "PER")] == 0, on
