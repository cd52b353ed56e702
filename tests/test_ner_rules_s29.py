"""presseschau_ner_rules, session 29 (issue 13, ORG and PER errors of an unseen sample of 20 web news pages of
web_pages_de, drawn with random.Random(29), checked on 10kGNAD and Wikinews train; docs/measurements/ner.md,
"Session 29 (ORG rules)"). Each test runs one real sentence (quoted from the sample, from 10kGNAD or from
Wikinews train) through the annotate stage and checks that the model's error comes back with the session's
words or rule switched off, so no test passes without them."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

#: the organisation nouns this session added to ner_rules.json org_apposition_heads (lower case)
NEW_ORG_NOUNS = {"ausrüster", "ausrüsters", "autobauer", "autobauers", "zulieferer", "zulieferers", "plattform",
                 "portal", "portals", "netzwerk", "netzwerks", "rockband", "popband", "punkband", "mobilfunker",
                 "dienstleister", "dienstleisters", "versorger", "versorgers", "discounter", "versicherer",
                 "versicherers", "riese", "riesen"}


def _without_new_nouns(nlp_info) -> dict:
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    return {"org_apposition_heads": {k: v for k, v in rules.org_apposition_heads.items() if k not in NEW_ORG_NOUNS}}


@pytest.mark.parametrize("text, name, model_error", [
    # the sample (lacrux.com): the company was PER on all seven mentions of the page
    ("Stimmen unsere Interpretationen eines kürzlich veröffentlichten Videos, so wird Adam Ondra bald beim "
     "Schweizer Outdoorausrüster Mammut unter Vertrag sein.", "Mammut", ("Outdoorausrüster Mammut", "PER")),
    # 10kGNAD (gnad202, gnad328)
    ("Auf dem Gelände des Vorarlberger Recyclingunternehmens Häusle wurden vermutlich seit 2009 illegal "
     "Kunststoffabfälle vergraben.", "Häusle", ("Recyclingunternehmens Häusle", "PER")),
    ("Wäscheriese Palmers macht mittels Barcodesystem den Sprung zur papierlosen Lagerhaltung.", "Palmers",
     ("Wäscheriese Palmers", "PER")),
])
def test_per_span_led_by_an_organisation_compound_is_org(nlp_info, text, name, model_error):
    # a PER span that starts with a compound ending in an organisation noun: the noun says what the rest is
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(name, "ORG")] == 1
    off = ents_with(nlp_info, doc, compound_org_lead=lambda ent: False, **_without_new_nouns(nlp_info))
    assert off[model_error] == 1


@pytest.mark.parametrize("text, name, model_error", [
    # 10kGNAD (gnad227, gnad713): a platform and a car maker the model took for places
    ("Auf der Plattform Change.org wurden bereits über 8.000 Unterschriften gegen die Aktion gesammelt.", "Change.org",
     ("Change.org", "LOC")),
    ("Das Unternehmen, das seit 2010 dem chinesischen Autobauer Geely gehört, setzt derzeit vor allem auf "
     "sogenannte Plug-in-Hybride, die mit Treibstoff betankt, aber auch mit Strom aufgeladen werden können.",
     "Geely", ("Geely", "LOC")),
])
def test_name_after_a_new_organisation_noun_is_org(nlp_info, text, name, model_error):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(name, "ORG")] == 1
    assert ents_with(nlp_info, doc, **_without_new_nouns(nlp_info))[model_error] == 1


@pytest.mark.parametrize("text, name", [
    # the sample (boxen1.com): nine mentions of the boxer, each ended by the model before the suffix
    ("Gegen wen Chris Eubank Jr. letztlich um die WM boxen wird, ist dem Modellathleten anscheinend völlig egal: "
     "„Golovkin, Murata oder Andrade – ich boxe sie alle!“", "Chris Eubank Jr."),
    # 10kGNAD (gnad779), a results list
    ("14. Carlos Sainz jr. (ESP) Toro Rosso 1:43,854", "Carlos Sainz jr."),
])
def test_generational_suffix_is_part_of_the_name(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(name, "PER")] == 1
    assert ents_with(nlp_info, doc, name_suffixes=frozenset())[(name.rsplit(" ", 1)[0], "PER")] == 1


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
