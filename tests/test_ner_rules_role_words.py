"""presseschau_ner_rules `role_word` (issue 13; docs/measurements/ner.md, "Session 36 (names in 10kGNAD news)"): one
word that is a person's role ('Kremlchef', 'SPÖ-Klubobmann', 'Ortschef') names no one (annotations/GUIDELINES.md:
roles, titles, jobs alone are not annotated), whichever label the model gave it; a bare title right after a noun may be
a band's or a stage name and stays. Real text (10kGNAD, read at run time); each test checks that the error comes back
with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc


@pytest.mark.parametrize("doc_id, key, role", [
    # gnad272: "Immerhin scheinen hier die dunkelsten Zeiten für den Kremlchef vorbei."
    ("gnad272", "für den Kremlchef vorbei", "Kremlchef"),
    # gnad106: "... geht SPÖ-Klubobmann Andreas Schieder sichtlich ..."
    ("gnad106", "SPÖ-Klubobmann Andreas Schieder", "SPÖ-Klubobmann"),
])
def test_a_role_alone_is_no_name(nlp_info, doc_id, key, role):
    doc = gnad_doc(nlp_info, doc_id, key)
    on = ents_with(nlp_info, doc)
    assert not [k for k in on if k[0] == role], on
    off = ents_with(nlp_info, doc, role_word_drops=False)
    assert [k for k in off if k[0] == role], off


def test_a_bare_title_after_a_noun_stays(nlp_info):
    # the guard ('die britische Rockband Queen', Wikinews train): a title right after a noun may be a name
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = nlp("Das Konzert gab die britische Rockband Queen.")
    (queen,) = [t for t in doc if t.text == "Queen"]
    assert not rules.role_word(queen)
