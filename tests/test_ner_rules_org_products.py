"""presseschau_ner_rules, session 34 (issue 13): products the model calls ORG, PER or LOC are MISC (GUIDELINES.md:
products and models MISC, "iPhone", "Windows Vista"). (1) A version number right after the name belongs to it
(labels.py `product_version_end`, switch ``version_after``): "[Opera 10.6]" MISC, not "[Opera]" ORG; not a clock time of a TV
listing, not a number in thousands. (2) A one-word ORG of "i" and a capitalised word is a maker's product
(`product_label`, switch ``i_products``; ner_rules.json ``i_products``): "in der [iCloud]". Real sentences of web2 dev
and 10kGNAD (docs/measurements/ner.md, "Session 34 (products and cue-less companies)"); each comes back wrong with
its switch off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# web2 dev (a browser benchmark; Mozilla's pre-release)
OPERA = ("Nach Angaben von Microsoft soll der Browser nun an der Konkurrenz vorbeigezogen sein und absolviere die als "
         "maßgeblich angesehene Benchmark-Suite SunSpider schneller als die Konkurrenz, die bisher von Opera 10.6 angeführt "
         "wurde.")
FIREFOX = "Mozilla hat Firefox 5.0a2 veröffentlicht und zugleich eine erste Entwicklerversion von Firefox 6 freigegeben."
# 10kGNAD gnad1009: a TV listing, the time after the channel stays out
TV = "Bis 22.15, ARD 21.10 MAGAZINThema 1) Lauda-Air-Absturz – 25 Jahre danach."
# web2 dev (mobilsicher.de)
ICLOUD = "Anders sieht es bei den Daten aus, die iPhone-Nutzer*innen in der iCloud sichern."


def test_a_version_number_after_a_name_makes_a_product(nlp_info):
    doc = _doc(nlp_info, OPERA)
    on = ents_with(nlp_info, doc)
    assert on[("Opera 10.6", "MISC")] == 1 and not on[("Opera", "ORG")], on
    off = ents_with(nlp_info, doc, version_after=False)
    assert off[("Opera", "ORG")] == 1, off


def test_a_pre_release_version_inside_the_span_makes_a_product(nlp_info):
    doc = _doc(nlp_info, FIREFOX)
    on = ents_with(nlp_info, doc)
    assert on[("Firefox 5.0a2", "MISC")] == 1, on
    off = ents_with(nlp_info, doc, version_after=False)
    assert off[("Firefox 5.0a2", "MISC")] == 0, off


def test_a_clock_time_after_a_channel_is_no_version(nlp_info):
    on = ents_with(nlp_info, _doc(nlp_info, TV))
    assert on[("ARD", "ORG")] == 1 and not any(t.startswith("ARD ") for t, _ in on), on


def test_an_i_word_is_a_product(nlp_info):
    doc = _doc(nlp_info, ICLOUD)
    on = ents_with(nlp_info, doc)
    assert on[("iCloud", "MISC")] == 1 and not on[("iCloud", "ORG")], on
    off = ents_with(nlp_info, doc, i_products=False)
    assert off[("iCloud", "ORG")] == 1, off
