"""presseschau_ner_rules `lead_role` with the role endings of session 37 (issue 13; docs/measurements/ner.md,
"Session 37 (names in 10kGNAD news)"; ner_rules.json ``person_leads.role_endings``: 'vize', 'veteranin', 'rätin',
'ograf', 'kameramann'): the role before a person's name is no part of the PER span (annotations/GUIDELINES.md: roles
outside), and the role alone is no name (`role_word`). Real text (10kGNAD, read at run time); each test checks that
the error comes back without the new endings."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc

_NEW = ("vize", "veteran", "veteranin", "rätin", "ograf", "ografin", "kameramann", "kamerafrau")


def _without_new(nlp_info):
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    return tuple(e for e in rules.lead_role_endings if e not in _NEW)


@pytest.mark.parametrize("doc_id, key, role, name", [
    # gnad54: "... dämpften auch Kanzler Werner Faymann (SPÖ) und Vize Reinhold Mitterlehner (ÖVP) die Erwartungen ..."
    ("gnad54", "Vize Reinhold Mitterlehner", "Vize", "Reinhold Mitterlehner"),
    # gnad615: "... wie Maria Bill, die Édith Piaf singt und dabei an Schlagerveteranin Mireille Mathieu denkt."
    ("gnad615", "Schlagerveteranin Mireille Mathieu", "Schlagerveteranin", "Mireille Mathieu"),
    # gnad137: "... der Chefposten des ÖVP-Wirtschaftsbunds von Leitl an Ex-ÖVP-Landesrätin Doris Hummer übergehen."
    ("gnad137", "Ex-ÖVP-Landesrätin Doris Hummer", "Ex-ÖVP-Landesrätin", "Doris Hummer"),
])
def test_a_role_before_the_name_is_no_part_of_it(nlp_info, doc_id, key, role, name):
    doc = gnad_doc(nlp_info, doc_id, key)
    on = ents_with(nlp_info, doc)
    assert on[(name, "PER")] == 1 and not [k for k in on if k[0].startswith(role)], on
    off = ents_with(nlp_info, doc, lead_role_endings=_without_new(nlp_info))
    assert off[(f"{role} {name}", "PER")] == 1, off


def test_a_role_alone_is_no_name(nlp_info):
    # gnad677: "Der doppelt Oscar-prämierte Kameramann und Regisseur wurde 93 Jahre alt."
    doc = gnad_doc(nlp_info, "gnad677", "Oscar-prämierte Kameramann")
    on = ents_with(nlp_info, doc)
    assert not [k for k in on if k[0] == "Kameramann"], on
    off = ents_with(nlp_info, doc, lead_role_endings=_without_new(nlp_info))
    assert off[("Kameramann", "PER")] == 1, off
