"""presseschau_ner_rules (issue 13): a product's version or model number right after the model's MISC span is
inside the name (ner_rules.json `misc_version_numbers`, `version_end`); docs/measurements/ner.md, "Session 34
(MISC: products and their numbers)". Real sentences of the open dev sets (web2, GermEval dev); each test checks that
the error comes back with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc


@pytest.mark.parametrize("text, name", [
    # web2 dev (heise.de, Firefox roadmap): the model's MISC "Firefox", gold "Firefox 5"
    ("Bereits im Februar waren erste Skizzen für neue UI-Elemente von Firefox 5 aufgetaucht.", "Firefox 5"),
    # web2 dev (the same page): the model's MISC "Android", gold "Android 3.0"
    ("Auch an einer Integration mit Mac OS X 10.7 und Android 3.0 sowie einer hohen JIT-Leistung auf "
     "ARM-Prozessoren wollen die Entwickler arbeiten.", "Android 3.0"),
    # GermEval 2014 dev (held-out sentence): the model's MISC "Mercedes", gold "Mercedes 208"
    ("Und sein Mercedes 208 fährt heute wohl immer noch als Taxi durch Gambia .", "Mercedes 208"),
])
def test_a_version_number_after_a_product_is_in_its_name(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(name, "MISC")] == 1
    off = ents_with(nlp_info, doc, misc_version_numbers=None)
    assert off[(name, "MISC")] == 0
    assert off[(name.rsplit(" ", 1)[0], "MISC")] == 1
