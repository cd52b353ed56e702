"""presseschau_ner_rules `lead_role` (issue 13; docs/measurements/ner.md, "Session 36 (names in 10kGNAD news)"): a
sports professional's or a military rank's word before a person's name is no part of it (annotations/GUIDELINES.md:
role words outside; ner_rules.json ``person_lead_ranks``: 'Golfprofi', 'Generalmajor'), where the model's PER span
began with it. Real text (10kGNAD, read at run time); each test checks that the error comes back with the rule
switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc


@pytest.mark.parametrize("doc_id, key, role, name", [
    # gnad942: "Golfprofi Bernd Wiesberger hat sich auf der vierten Runde des Europa-Tour-Turniers in München auf
    # den 27. Endrang verbessert."
    ("gnad942", "Golfprofi Bernd Wiesberger", "Golfprofi", "Bernd Wiesberger"),
    # gnad1011: "Netanjahu zitierte seinen Verteidigungsminister und Parteifreund Jaalon nach umstrittenen Aussagen
    # von Generalmajor Golan zu sich."
    ("gnad1011", "von Generalmajor Golan", "Generalmajor", "Golan"),
])
def test_a_rank_before_the_name_is_no_part_of_it(nlp_info, doc_id, key, role, name):
    doc = gnad_doc(nlp_info, doc_id, key)
    on = ents_with(nlp_info, doc)
    assert on[(name, "PER")] == 1 and not [k for k in on if k[0].startswith(role)], on
    off = ents_with(nlp_info, doc, rank_leads=False)
    assert off[(f"{role} {name}", "PER")] == 1, off
