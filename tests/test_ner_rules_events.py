"""presseschau_ner_rules: an event with its year is MISC, no organisation ("IBU Weltmeisterschaften 2005",
`event_year`; "Olympia 2022", `year_events`): the year is inside the event's name (GUIDELINES.md). Real sentences of
web_pages_de; docs/measurements/ner.md, "Session 29 (ORG rules)" and "Session 30 (names the rules still get wrong)".
Each test checks that the model's ORG comes back with the rule switched off. (An organisation's year:
test_ner_rules_org_years.py.)"""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc


def test_event_with_its_year_is_no_organisation(nlp_info):
    # the second sample (biathlonword.com): the model's ORG over a championship and its year; the year is
    # inside the event's name (GUIDELINES.md), so its head word is the one before it (kind_heads: MISC)
    text = ("Xianying Liu gewann Silber in der Verfolgung der IBU Weltmeisterschaften 2005 in Hochfilzen und wurde "
            "Siebte im Massenstart bei den Olympischen Winterspielen 2006 in Turin.")
    doc = _doc(nlp_info, text)
    import re

    off = ents_with(nlp_info, doc, event_year=re.compile(r"(?!)"))
    on = ents_with(nlp_info, doc)
    assert off[("IBU Weltmeisterschaften 2005", "ORG")] == 1
    assert on[("IBU Weltmeisterschaften 2005", "ORG")] == 0
    assert not any(label == "ORG" and "Winterspielen" in name for name, label in on)


@pytest.mark.parametrize("text", [
    # web_pages_de (spox.com, a page of session 29's second web sample): ORG from the model
    "Nordische Kombination bei Olympia 2022: Staffel in Gefahr?",
    "Olympia 2022 - Zwei weitere Corona-Fälle! Kombinierer Eric Frenzel und Terence Weber betroffen",
])
def test_olympia_with_its_year_is_an_event(nlp_info, text):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[("Olympia 2022", "MISC")] == 1
    # off: session 33's `org_years` would cut the year off the model's ORG too
    assert ents_with(nlp_info, doc, year_events=frozenset(), org_years=False)[("Olympia 2022", "ORG")] == 1
