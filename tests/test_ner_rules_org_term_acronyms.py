"""presseschau_ner_rules and presseschau_names, session 36 (issue 13): the acronym of a common term (a technology,
a service, a business term) is no name (GUIDELINES.md: common nouns are not entities).
(1) More such acronyms in ner_rules.json ``tech_term_acronyms``, dropped with ``term_acronyms`` (drops.py).
(2) presseschau_names casts no acronym vote for a bracketed acronym after a long name when it is such an acronym
(listed, or dropped by the rules in the doc; names.py ``dropped_acronym_guard``): "Künstliche Intelligenz (KI)" ORG
labelled every "KI" of the page ORG again. (3) The name right before such an acronym in brackets is the term's
long form, dropped too (acronyms.py ``drop_term_acronyms``, switch ``term_acronym_long_forms``). Real sentences of
a 10kGNAD article and of pages of web_pages_de (docs/measurements/ner.md, "Session 36 (acronyms of terms)"); each
comes back wrong with its rule off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

NEW_WORDS = {"LTE", "TTIP", "EEG", "DNS", "AR", "MR", "BIP", "CRM", "POS", "SDG",
             "NGOs", "URL", "HTTPS", "UVP", "SDGs", "AGB", "PIN", "NFC", "MVP", "HIIT", "NDCs", "SARS"}

# erp-news.info (an interview)
KI = ("Klaas Bollhoefer: Künstliche Intelligenz (KI) ist ein großes Innovations- und Forschungsgebiet. Der Mensch "
      "generiert neue Trainingsdaten für die KI und dient dieser als Datenquelle. Die KI wiederum gewinnt nach und "
      "nach an Qualität bzw. an „Intelligenz“ dazu und kann somit dem Menschen besser dienen.")
# 10kGNAD; changelog.blog (an interview)
LTE = ("2030 soll 5G rund 1.000 Mal schneller als das heute bekannte LTE. Mit solchen Geschwindigkeiten ließen sich "
       "alle bei YouTube gespeicherten Filme binnen nur 60 Minuten herunterladen.")
POS = "Das Tablet am POS als Tool für unsere Verkäufer funktioniert ebenfalls sehr gut."
CRM = "Ganz wichtig war es, unser CRM journey-basiert aufzusetzen."
# 10kGNAD
NGOS = ("Insgesamt arbeiten laut NGOs mehr als 60.000 Nordkoreaner im Ausland, wo sie jährlich rund 211 Millionen Euro "
        "zu erwirtschaften – auf Baustellen in Katar, in chinesischen Restaurants und in tschechischen Textilfabriken.")
PIN = ("Google weist während der Einrichtung übrigens – zurecht – darauf hin, dass eine Fingerabdrucksperre weniger "
       "Sicherheit bietet als ein guter PIN oder ein Passwort.")


@pytest.fixture
def without_new_words(nlp_info):
    """presseschau_ner_rules with the ``tech_term_acronyms`` words taken out of its term acronyms."""
    comp = nlp_info[0].get_pipe("presseschau_ner_rules")
    saved = comp.term_acronyms
    comp.term_acronyms = saved - NEW_WORDS
    yield
    comp.term_acronyms = saved


@pytest.mark.parametrize("text, acronym", [(LTE, "LTE"), (POS, "POS"), (CRM, "CRM"), (NGOS, "NGOs"), (PIN, "PIN")])
def test_a_term_acronym_is_no_org(nlp_info, text, acronym):
    on = ents_with(nlp_info, _doc(nlp_info, text))
    assert (acronym, "ORG") not in on, on


@pytest.mark.parametrize("text, acronym", [(LTE, "LTE"), (POS, "POS"), (CRM, "CRM"), (NGOS, "NGOs"), (PIN, "PIN")])
def test_off_case_a_term_acronym(nlp_info, without_new_words, text, acronym):
    off = ents_with(nlp_info, _doc(nlp_info, text))
    assert off[(acronym, "ORG")] == 1, off


def test_a_name_beside_a_term_acronym_stays(nlp_info):
    on = ents_with(nlp_info, _doc(nlp_info, PIN))
    assert on[("Google", "ORG")] == 1, on


def test_a_term_long_form_revives_no_acronym(nlp_info):
    doc = _doc(nlp_info, KI)
    on = ents_with(nlp_info, doc)
    assert ("KI", "ORG") not in on, on
    assert on[("Klaas Bollhoefer", "PER")] == 1, on
    # the long form's drop (3) takes the vote away too: switched off with the guard
    off = ents_with(nlp_info, doc, names={"dropped_acronym_guard": False}, term_acronym_long_forms=False)
    assert off[("KI", "ORG")] == 3, off


def test_the_long_form_of_a_term_acronym_is_no_name(nlp_info):
    # (3) a PER/ORG/LOC right before a listed term acronym in brackets is the term's long form (acronyms.py
    # drop_term_acronyms, switch term_acronym_long_forms)
    doc = _doc(nlp_info, KI)
    on = ents_with(nlp_info, doc)
    assert ("Künstliche Intelligenz", "ORG") not in on, on
    off = ents_with(nlp_info, doc, term_acronym_long_forms=False)
    assert off[("Künstliche Intelligenz", "ORG")] == 1, off
