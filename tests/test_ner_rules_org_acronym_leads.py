"""presseschau_ner_rules `acronym_after_spells_rest` (issue 13; docs/measurements/ner.md, "Session 37 (names in
10kGNAD news)"): an organisation noun at the start of the model's ORG span is cut off where the acronym in brackets
after the span has the initials of the rest ('Jihadistenmiliz [Islamischer Staat] (IS)'; annotations/GUIDELINES.md:
descriptors outside), not where it spells the whole. Real text (10kGNAD, read at run time); each test checks that the
error comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, gnad_doc


def test_the_noun_before_a_name_its_acronym_spells_is_cut(nlp_info):
    # gnad164: "Bei einem Drohnenangriff nahe der syrischen Stadt Raqqa ist nach Angaben der Syrischen Beobachtungsstelle
    # für Menschenrechte ein Kommandant der Jihadistenmiliz Islamischer Staat (IS) getötet worden."
    doc = gnad_doc(nlp_info, "gnad164", "Jihadistenmiliz Islamischer Staat (IS)")
    on = ents_with(nlp_info, doc)
    assert on[("Islamischer Staat", "ORG")] == 1, on
    off = ents_with(nlp_info, doc, acronym_backed_leads=False)
    assert off[("Jihadistenmiliz Islamischer Staat", "ORG")] == 1, off


def test_an_acronym_of_the_whole_keeps_it(nlp_info):
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    doc = nlp_info[0].make_doc("die Gewerkschaft Erziehung und Wissenschaft ( GEW ) und die Arbeiterpartei Kurdistans ( PKK )")
    assert not rules.acronym_after_spells_rest(doc[1:5])
    assert not rules.acronym_after_spells_rest(doc[10:12])
