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


@pytest.mark.parametrize("token, after_misc, dotted, pre_release", [
    # the numbers of the sentences above and of tests/test_ner_rules_org_products.py, tests/test_ner_rules_misc_events.py
    ("5", True, False, False),          # "von Firefox 5 aufgetaucht"
    ("3.0", True, True, True),          # "und Android 3.0 sowie"
    ("208", True, False, False),        # "sein Mercedes 208 fährt"
    ("767-300", True, False, False),    # "Boeing 767-300": the variant, when it stands in one token
    ("5.0a2", True, False, True),       # "Mozilla hat Firefox 5.0a2 veröffentlicht": a pre-release
    ("10.6", True, True, True),         # "von Opera 10.6 angeführt"
    ("2021", False, False, False),      # a year: the dates component's
    ("1.200", True, True, True),        # a number in thousands: `product_version_end` leaves it out by its own test
])
def test_one_recogniser_of_a_version_number(token, after_misc, dotted, pre_release):
    # session 36: common.py `version_token` is the one pattern of `version_end` (`model_number`) and
    # `product_version_end` / `product_label` (`dotted_version`), which had a pattern each
    from pipeline.nlp.ner_rules.common import dotted_version, model_number, version_token

    assert version_token(token) is not None
    assert model_number(token, 3) is after_misc
    assert dotted_version(token, pre_release=False) is dotted
    assert dotted_version(token, pre_release=True) is pre_release
