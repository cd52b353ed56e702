"""presseschau_ner_rules, session 32 (issue 13, companies, outlets and capitalised words on web pages: an unseen
sample of 25 pages of web_pages_de ordered by sha1("presseschau-s32org:" + file), checked on the other web pages,
300 10kGNAD articles and Wikinews train; docs/measurements/ner.md, "Session 32 (companies, outlets and capitalised
words on web pages)"). Each test runs real sentences (quoted from a web page of the sample or from 10kGNAD) through
the annotate stage and checks that the error comes back with the session's rule switched off, so no test passes
without it."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

_OFF = 10 ** 9  # a `lowercase_forms.min_count` no lower-case form reaches: the rule switched off

# web_pages_de (the sample: erzbistum-koeln.de, freshideen.com, herzundblut.com): a verb, adjective or participle
# capitalised as a sentence's first word, a name for the model
_LOWERCASE = [
    ("Der Priester allein mit der Urne auf dem Weg von der Trauerhalle zum Grab? Das kommt in St. Severin nicht mehr "
     "vor. Stirbt ein Mensch, der keine Angehörige oder Freunde mehr hat, begleitet ihn eine Begräbnisgemeinschaft aus "
     "Freiwilligen auf dem letzen Weg.", "Stirbt"),
    ("Der traditionelle Stollen mit Puderzucker darauf blickt auf eine lange Geschichte zurück.\n\nPopulär wurde aber "
     "das Gebäck zu Zeiten vom sächsischen Kurfürsten August dem Starken.", "Populär"),
]


@pytest.mark.parametrize("text, word", _LOWERCASE)
def test_a_lower_case_word_at_a_sentence_start_is_no_name(nlp_info, text, word):
    doc = _doc(nlp_info, text)
    assert not [k for k in ents_with(nlp_info, doc) if k[0] == word]
    assert [k for k in ents_with(nlp_info, doc, lowercase_min_count=_OFF) if k[0] == word]


def test_a_surname_that_is_a_word_stays_a_person(nlp_info):
    # 10kGNAD (gnad155): "klug" is far more frequent in lower case, but the article names "Gerald Klug"
    # inside a sentence, and "Klug" is a listed surname
    text = ("Ingrid Thurnerr lud an den Runden Tisch, und beide waren sie gekommen: Gerald Klug und Reinhold Lopatka. "
            "Klug blickte finster drein, als ob dem Bundesheer ein paar Kübelwagen gestohlen worden wären.")
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[("Klug", "PER")] == ents_with(nlp_info, doc, lowercase_min_count=_OFF)[("Klug", "PER")]


@pytest.mark.parametrize("text, word", [
    # 10kGNAD (gnad964, gnad943): the outlet after the reporting verb, PER from the model
    ("Der Testwaggon wurde erfolgreich auf 187 Stundenkilometer beschleunigt, ehe er – in Ermangelung einer Bremse – "
     "durch einen Sandhaufen zum Stehen gebracht wurde, berichtet Wired.", "Wired"),
    ("Wähler hätten zudem, schreibt Politico, eine Schwäche für etwas abseitige Kandidaten.", "Politico"),
])
def test_the_source_after_a_reporting_verb_is_an_organisation(nlp_info, text, word):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(word, "ORG")] == 1
    assert ents_with(nlp_info, doc, source_before_verbs=frozenset())[(word, "PER")] == 1


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
