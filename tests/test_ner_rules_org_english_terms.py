"""presseschau_ner_rules, session 36 (issue 13): an English common term that German web text writes capitalised and
the model calls PER, ORG or LOC is dropped (drops.py `english_term`, switch ``english_terms``, the list
``english_terms`` of ner_rules.json): common nouns are not entities (GUIDELINES.md). Real sentences of pages of
web_pages_de (docs/measurements/ner.md, "Session 36 (web pages)"); each comes back wrong with the switch off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# changelog.blog (an interview), digitale-exzellenz.de, missy-magazine.de (a column)
SOCIAL_MEDIA = ("Beispiele sind vor allem im Marketing, wo wir weg vom Katalog hin zum Customer Journey Marketing "
                "inklusive Social Media massive Fortschritte gemacht haben.")
COMPUTER_VISION = ("Um den Mangel an qualifizierten Ärzten anzugehen, werden KI-Technologien wie Computer Vision und "
                   "Natural Language Processing eingesetzt, damit der komplette Vorgang effizienter wird.")
MENTAL_HEALTH = ("Das beruhigt nicht nur das Nervensystem, sondern lässt auch Aron, dessen Mental Health nicht in "
                 "Bestform ist, Vertrauen zu Gianni aufbauen.")


@pytest.mark.parametrize("text, term", [
    (SOCIAL_MEDIA, "Social Media"),
    (COMPUTER_VISION, "Computer Vision"),
    (MENTAL_HEALTH, "Mental Health"),
])
def test_an_english_term_is_no_name(nlp_info, text, term):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert not any(t == term and lab in ("PER", "ORG", "LOC") for t, lab in on), on
    off = ents_with(nlp_info, doc, english_terms=False)
    assert any(t == term and lab in ("PER", "ORG", "LOC") for t, lab in off), off


def test_a_name_in_the_same_sentence_stays(nlp_info):
    on = ents_with(nlp_info, _doc(nlp_info, MENTAL_HEALTH))
    assert on[("Aron", "PER")] == 1, on
