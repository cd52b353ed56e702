"""presseschau_ner_rules `add_agency_credits` (issue 13; docs/measurements/ner.md, "Session 36 (names in 10kGNAD
news)"): a news agency in the credit line in brackets that closes a derStandard article ('(APA, 18.3.2016)', '(APA)') is
ORG where the model found nothing (annotations/GUIDELINES.md: agencies ORG; the names of a source line are annotated;
ner_rules.json ``agency_credits``). Real text (10kGNAD, read at run time); each test checks that the miss comes back
with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc


@pytest.mark.parametrize("doc_id, key", [
    # gnad139: "... ergänzte: Wir müssen einen Abwärtstrend aufhalten, Rapid hatte nur einen Aussetzer. (APA, 18.3.2016)"
    ("gnad139", "(APA, 18.3.2016)"),
    # gnad268: "... grundsätzlich kostenlos und soll durch Zahlungen im Spiel Geld einbringen. (APA)"
    ("gnad268", "(APA)"),
])
def test_the_agency_of_a_credit_line_is_org(nlp_info, doc_id, key):
    doc = gnad_doc(nlp_info, doc_id, key, before=1)
    on = ents_with(nlp_info, doc)
    assert on[("APA", "ORG")] == 1, on
    off = ents_with(nlp_info, doc, agency_credits=False)
    assert off[("APA", "ORG")] == 0, off
