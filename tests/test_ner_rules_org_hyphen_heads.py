"""presseschau_ner_rules: a name ending in a hyphenated word whose last part is an organisation head (``org_heads``) is
an institution named after a person, ORG, not PER (issue 13, false PER; docs/measurements/ner.md, "Session 35 (false
persons)"): '[Robert Koch-Institut]' PER in the Wikinews train article quoted here and on two web_pages_de pages. The
persons repair took 'Koch-Institut' for a surname after the listed first name 'Robert' and made the span PER again;
such a word is no longer surname-like. The test checks that the error comes back with the switch off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# Wikinews train (CC BY 2.5)
RKI = ("Laut Robert Koch-Institut gehören Infektionen mit dem Dengue-Fieber-Erreger zu den am häufigsten aus dem Ausland "
       "eingeschleppten Fiebererkrankungen nach einer Fernreise.")


def test_an_institute_named_after_a_person_is_org(nlp_info):
    doc = _doc(nlp_info, RKI)
    on = ents_with(nlp_info, doc)
    assert on[("Robert Koch-Institut", "ORG")] == 1, on
    off = ents_with(nlp_info, doc, hyphen_org_names=False)
    assert off[("Robert Koch-Institut", "PER")] == 1, off
