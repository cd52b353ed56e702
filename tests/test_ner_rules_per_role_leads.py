"""presseschau_ner_rules `person_lead` (issue 13; docs/measurements/ner.md, "Session 34 (the edges of PER spans)"):
a person's role before the name is no part of it (annotations/GUIDELINES.md: role words outside), where the model's
PER span began with it: a compound the lemma table knows by its head only before a listed first name
(`compound_lead_nouns`), and a role (ner_rules.json ``person_leads.role_endings``, ``person_roles``) before a surname
alone or a name whose first name no list holds (`role_leads`). Real text (10kGNAD); each test checks that the error
comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, gnad_doc


def test_a_compound_before_a_first_name_is_no_part_of_the_name(nlp_info):
    # gnad125: "... seit dem Abgang des Langzeitobmanns Wolfgang Schüssel (1995 bis 2007) verschlissen."
    doc = gnad_doc(nlp_info, "gnad125", "Langzeitobmanns Wolfgang Schüssel")
    on = ents_with(nlp_info, doc)
    assert on[("Wolfgang Schüssel", "PER")] == 1 and not [k for k in on if k[0].startswith("Langzeitobmanns")], on
    off = ents_with(nlp_info, doc, compound_lead_nouns=False)
    assert off[("Langzeitobmanns Wolfgang Schüssel", "PER")] == 1, off


def test_a_role_before_a_surname_is_no_part_of_the_name(nlp_info):
    # gnad569: "Konfrontiert mit den Vorwürfen sagt Jagdleiter Koller zum STANDARD: ..." ('Koller', a listed
    # surname, is a common noun too: after the role it stays); gnad847: "..., sagt Klubobfrau Krismer im Gespräch
    # mit dem STANDARD."; gnad241: "... ohne seinen verletzten Allstar Kyrie Irving (Bruch der Kniescheibe) ..."
    for doc_id, role, name in (("gnad569", "Jagdleiter", "Koller"), ("gnad847", "Klubobfrau", "Krismer"),
                               ("gnad241", "Allstar", "Kyrie Irving")):
        doc = gnad_doc(nlp_info, doc_id, f"{role} {name}")
        on = ents_with(nlp_info, doc)
        assert on[(name, "PER")] == 1 and not [k for k in on if k[0].startswith(role)], (doc_id, on)
        off = ents_with(nlp_info, doc, role_leads=False)
        assert off[(f"{role} {name}", "PER")] == 1, (doc_id, off)


def test_a_fan_before_the_name_is_no_part_of_it(nlp_info):
    # gnad793: "... vor den Augen von Schauspielerin und Tennisfan Eva Longoria das Break zum 3:1 schaffte, ..."
    # ('fan', shorter than four letters, ends a role only after four letters of its own: not 'Štefan Füle')
    doc = gnad_doc(nlp_info, "gnad793", "Tennisfan Eva Longoria", before=2)
    on = ents_with(nlp_info, doc)
    assert on[("Eva Longoria", "PER")] == 1 and not [k for k in on if k[0].startswith("Tennisfan")], on
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    off = ents_with(nlp_info, doc, lead_role_endings=tuple(e for e in rules.lead_role_endings if e != "fan"))
    assert off[("Tennisfan Eva Longoria", "PER")] == 1, off
