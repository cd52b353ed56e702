"""presseschau_ner_rules, session 37 (issue 13, web pages: an unseen sample of web_pages_de; docs/measurements/ner.md,
"Session 37 (web pages)"). Real sentences of the sample's pages; each comes back wrong with its switch off:

* an organisation with its Land right after it is one ORG, the Land's branch (added.py `join_party_branches`, switch
  ``org_branches``; before, only a listed party took its Land);
* an English job title of ``english_roles.roles`` before a name is the person's role, not part of the name
  (bounds.py `lead_role`, switch ``english_lead_roles``);
* a name never ends in a closing quotation mark nor starts or ends in markdown's emphasis mark (bounds.py
  `edge_mark`, switch ``edge_marks``)."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# gruen-digital.de (a party's announcement), gitarrebass.de (a magazine's issue), amazedmag.de (a column)
BOELL = ("Unter dem Titel „Politik im Netz“ veranstaltet die Heinrich-Böll-Stiftung Baden-Württemberg am Samstag, "
         "31. Januar 2015, zwischen 10:00 und 17:00 Uhr im Stuttgarter Rathaus ihre diesjährige Jahrestagung.")
ENGINEER = ("Das beste analoge Vintage-Equipment trifft auf Ausnahme-Musiker und den detailversessenen Engineer "
            "Moritz Enders.")
BPOC = ("Da ich im Vergleich zu ‚Black People of Colour‘ (BPOC), für viele weiße Menschen, visuell näher am "
        "europäischen Ideal zu verorten bin.")


def test_an_organisation_and_its_land_are_one_org(nlp_info):
    doc = _doc(nlp_info, BOELL)
    on = ents_with(nlp_info, doc)
    assert on[("Heinrich-Böll-Stiftung Baden-Württemberg", "ORG")] == 1, on
    assert ("Baden-Württemberg", "LOC") not in on, on
    off = ents_with(nlp_info, doc, org_branches=False)
    assert ("Heinrich-Böll-Stiftung Baden-Württemberg", "ORG") not in off, off


def test_an_english_job_title_is_no_part_of_the_name(nlp_info):
    doc = _doc(nlp_info, ENGINEER)
    on = ents_with(nlp_info, doc)
    assert on[("Moritz Enders", "PER")] == 1, on
    off = ents_with(nlp_info, doc, english_lead_roles=False)
    assert off[("Engineer Moritz Enders", "PER")] == 1, off


def test_a_closing_quotation_mark_is_outside_the_name(nlp_info):
    doc = _doc(nlp_info, BPOC)
    on = ents_with(nlp_info, doc)
    assert not any(text.endswith("‘") for text, _ in on), on
    off = ents_with(nlp_info, doc, edge_marks=False)
    assert any(text == "Black People of Colour‘" for text, _ in off), off
