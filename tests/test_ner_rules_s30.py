"""presseschau_ner_rules and presseschau_names, session 30 (issue 13, names the rules still got wrong: an unseen
sample of 14 web news pages of web_pages_de drawn with random.Random(3013), checked on 10kGNAD and on the web
pages of session 29; docs/measurements/ner.md, "Session 30 (names the rules still get wrong)"). Each test runs one
real sentence (quoted from the sample, from 10kGNAD or from a web page) through the annotate stage and checks that
the error comes back with the session's rule switched off, so no test passes without it."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc


# the sample (public.spot-on-news.de; its first and third sentence): the full name, then the listed first name alone
LEANDER = ("Nach zahlreichen Intrigen und Dramen in der ablaufenden Staffel gehen Eleni Schwarzbach (Dorothée Neff, 35) "
           "und Leander Saalfeld (Marcel Zuschlag, 30) nun endlich den Bund der Ehe ein. Fünf Folgen später macht das neue "
           "Ehepaar dann den Abflug nach Tansania, weil Leander dem Ruf eines Jobangebotes folgt.")


def test_first_name_alone_after_the_full_name_is_per(nlp_info):
    doc = _doc(nlp_info, LEANDER)
    assert ents_with(nlp_info, doc, names={"first_names_alone": True})[("Leander", "PER")] == 1
    assert ents_with(nlp_info, doc, names={"first_names_alone": False})[("Leander", "PER")] == 0


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


@pytest.mark.parametrize("text, branch", [
    # 10kGNAD (gnad15, gnad487): the party ORG and the Land LOC apart
    ("Vor einem dreiviertel Jahr hingegen sei seine Forderung nach einem Assistenzeinsatz des Bundesheeres noch von "
     "der ÖVP Burgenland konterkariert worden.", "ÖVP Burgenland"),
    ("Was für ihn klar war: dass er nicht Chef der ÖVP Wien werden wollte.", "ÖVP Wien"),
])
def test_party_and_its_land_are_one_branch(nlp_info, text, branch):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(branch, "ORG")] == 1
    off = ents_with(nlp_info, doc, join_party_branches=lambda doc, ents, repaired, typed: ents)
    assert off[(branch, "ORG")] == 0
