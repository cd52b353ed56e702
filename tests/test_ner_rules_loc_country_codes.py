"""presseschau_ner_rules `add_country_codes` (issue 13; docs/measurements/ner.md, "Session 36 (names in 10kGNAD
news)"): a country's three-letter sports code in brackets right after a person's name is the country the athlete
starts for, LOC (ner_rules.json ``country_codes``), where the model called it ORG or nothing; after anything but a
person the bracket is left alone. Real text (10kGNAD, read at run time); the test checks that the error comes back
with the rule switched off."""
from __future__ import annotations

from spacy.tokens import Span

from ner_rule_helpers import ents_with, gnad_doc


def test_a_sports_code_after_a_person_is_the_country(nlp_info):
    # gnad942 (a golf report): "Der Spanier gewann einen Schlag vor Henrik Stenson (SWE) und einen weiteren vor
    # Chris Paisley (ENG)."
    doc = gnad_doc(nlp_info, "gnad942", "vor Henrik Stenson (SWE)")
    on = ents_with(nlp_info, doc)
    assert on[("Henrik Stenson", "PER")] == 1 and on[("Chris Paisley", "PER")] == 1, on
    assert on[("SWE", "LOC")] == 1 and on[("ENG", "LOC")] == 1, on
    off = ents_with(nlp_info, doc, country_codes=False)
    assert off[("SWE", "LOC")] == 0 and off[("ENG", "LOC")] == 0, off


def test_a_code_after_no_person_is_left(nlp_info):
    # the guard: only right after a PER span ('Europäische Zentralbank (EZB)': an acronym after its long form)
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = nlp.make_doc("Der Verband (AUT) lobte Hans Maier (AUT) .")
    ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 6, 8, label="PER")]
    out = rules.add_country_codes(doc, ents, [], [])
    assert [(e.text, e.label_) for e in out] == [("Verband", "ORG"), ("Hans Maier", "PER"), ("AUT", "LOC")]
