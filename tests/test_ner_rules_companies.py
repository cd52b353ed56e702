"""presseschau_ner_rules: companies and other organisations typed by what the text says of them. A name after an
organisation noun or a compound of one ("Outdoorausrüster Mammut", "Wäscheriese Palmers"; ner_rules.json
`org_apposition_heads`, `compound_org_lead`) is ORG, a person after such a compound stays a person; a name takes the
legal form after it ("Deutscher Schwimm-Verband e.V.") and a name before its legal form is an organisation
("naturstrom AG"), and so is the company's short name elsewhere ("Nordex"). Real text: web_pages_de, 10kGNAD and
Wikinews; docs/measurements/ner.md, "Session 29 (ORG rules)", "Session 32 (companies, outlets and capitalised words on
web pages)", "Session 33 (organisations on web pages)". Each test checks that the error comes back with the rule's
words or switch off, so no test passes without them."""
from __future__ import annotations

import pytest

from figure_helpers import annotated as _entities
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


# `compound_org_lead`: a person after a compound of an organisation noun ("-riese", "-betreiber") stays a person
def test_person_after_an_organisation_compound_is_no_org(nlp_info):
    got = _entities(nlp_info, "Basketballriese Dirk Nowitzki traf dreimal.")
    assert not [e for e in got if e[1] == "ORG"], got


@pytest.mark.parametrize("text, name", [
    # web_pages_de (the sample: dsv.de; lsvd.de): the model's or the trim's span leaves the legal form outside
    ("Die Bestellung kann per E-Mail, postalisch oder telefonisch erfolgen unter:\n\nDeutscher Schwimm-Verband e.V.\n\n"
     "Abteilung Wettkampfsport Synchronschwimmen", "Deutscher Schwimm-Verband e.V."),
    ("Sie wird von der Bundesweiten Arbeitsgemeinschaft der psychosozialen Zentren für Flüchtlinge und Folteropfer "
     "(BAfF e.V.), dem CSD Bremen, dem Rat&Tat Zentrum für Queeres Leben Bremen, der Rosa Strippe in Bochum und der "
     "Schwulenberatung Berlin unterstützt.", "BAfF e.V."),
    # web_pages_de (the studentendorf page): a cooperative PER without its legal form
    ("Eigentümer\n\nGenossenschaft Studentendorf Berlin-Schlachtensee eG\n\nBauherr der Denkmalmaßnahme",
     "Studentendorf Berlin-Schlachtensee eG"),
])
def test_a_name_takes_the_legal_form_after_it(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(name, "ORG")] == 1
    assert not ents_with(nlp_info, doc, legal_form_ends=False)[(name, "ORG")]


@pytest.mark.parametrize("text, name", [
    # web_pages_de (unendlich-viel-energie.de): a lower-case company name before its legal form, missed
    ("Etliche Haushalte nehmen zudem die geplante Strompreisbremse als Motivation, ihren nicht durch den Preisdeckel "
     "erfassten Verbrauchsanteil zu reduzieren“, bilanziert Dr. Kirsten Nölke, Vorständin der naturstrom AG.",
     "naturstrom AG"),
    # 10kGNAD (gnad24)
    ("Da de facto nur die marktbeherrschende ÖBB-Personenverkehr AG in der Lage ist, einen solchen Taktfahrplan "
     "landesweit anzubieten, blieben für Konkurrenz-EVUs nur schlechtere Trassen (ohne Anschlusszüge) übrig.",
     "ÖBB-Personenverkehr AG"),
])
def test_a_name_before_its_legal_form_is_an_organisation(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(name, "ORG")] == 1
    assert not ents_with(nlp_info, doc, legal_form_names=False)[(name, "ORG")]


# web_pages_de (the sample: iwr.de, a press release of Nordex SE): the company's short name in a caption, PER
NORDEX = ("Herausgeber: Nordex SE\n\nIWES und Nordex Group intensivieren Zusammenarbeit bei Netzintegration von "
          "Windenergieanlagen\n\nVon links nach rechts: Mathias Malischewski, Project Manager Concept Development Nordex, "
          "Prof. Dr. Jan Wenske, Deputy Director IWES, Michael Franke VP Global Engineering Nordex, Prof. Dr. Andreas "
          "Reuter, Managing Director IWES")


def test_the_short_name_of_a_company_with_its_legal_form_is_the_company(nlp_info):
    doc = _doc(nlp_info, NORDEX)
    # off: session 33's legal-form names off too, which type "Herausgeber: [Nordex SE]" on their own
    on, off = ents_with(nlp_info, doc), ents_with(nlp_info, doc, short_company_names=False, legal_form_names=False)
    # the caption's two mentions ORG, the job title "Concept Development" no longer part of a person
    assert on[("Nordex", "ORG")] >= 2 and not [k for k in on if k[1] == "PER" and "Nordex" in k[0]]
    assert off[("Nordex", "PER")] == 2 and off[("Concept Development Nordex", "PER")] == 1
