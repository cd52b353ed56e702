"""presseschau_ner_rules: the legal forms session 37 added to ner_rules.json `legal_forms` ("Plc", "gGmbH",
"Aktiengesellschaft"; issue 13, recall; docs/measurements/ner.md, "Session 37 (recall: names the pipeline misses)").
A name before a listed legal form is a company (`add_legal_form_names`), and its short name elsewhere too
(`company_short_names`). Real page of the web dev set; the test checks that the miss comes back without the new forms."""
from __future__ import annotations

from ner_rule_helpers import dev_doc, ents_with, needs_pages

NEW_FORMS = {"Plc", "gGmbH", "Aktiengesellschaft"}


@needs_pages
def test_a_company_before_plc_and_its_short_name_are_org(nlp_info):
    # web dev: "Nick Waters, Group CEO bei Ebiquity Plc" (missed) and "Ebiquity und Scope3 empfehlen" (PER)
    doc = dev_doc(nlp_info, "Group CEO bei Ebiquity Plc", "web")
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    on = ents_with(nlp_info, doc)
    assert on[("Ebiquity Plc", "ORG")] == 1 and on[("Ebiquity", "PER")] == 0, on
    off = ents_with(nlp_info, doc, legal_forms=rules.legal_forms - NEW_FORMS)
    assert off[("Ebiquity Plc", "ORG")] == 0 and off[("Ebiquity", "PER")] >= 1, off
