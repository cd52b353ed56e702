"""presseschau_ner_rules and presseschau_names: acronyms and their long forms. The acronym or formula of a common
term is no name ("KMU", "DPI", "NH3"; ner_rules.json `term_acronyms`, `term_pos`); a long form spelled by the
letters of a compound is one ORG with its acronym ("Evangelischen Medienverbandes in Deutschland (EMVD)"); an acronym
with its long form in brackets after it names an organisation; a short name in brackets after an organisation's name
is that organisation wherever it stands alone. Real text: the pages of the open dev sets (Wikinews dev and train,
web, web2) and 10kGNAD; docs/measurements/ner.md, "Session 25" ... "Session 27", "Session 31 (names the rules still
get wrong)", "Session 33 (organisations on web pages)". Each test checks that the error comes back with the rule's
data or setting switched off, so no test passes without it."""
from __future__ import annotations

import pytest

from ner_rule_helpers import dev_doc as _doc_of, ents_after as _ents, ents_with, needs_pages, text_doc as _doc


@needs_pages
@pytest.mark.parametrize("snippet, page_set, acronym", [
    ("für kleine und mittlere Unternehmen (KMU)", "web", "KMU"),
    ("kleine und mittelständische Unternehmen (KMU)", "web2", "KMU"),
    ("des elektronischen Entgeltnachweises (ELENA)", "news", "ELENA"),
])
def test_acronym_of_a_term_is_no_name(nlp_info, snippet, page_set, acronym):
    # the long form starts with a lowercase adjective: a term, not a name (the model says ORG)
    doc = _doc_of(nlp_info, snippet, page_set)
    assert not [e for e in ents_with(nlp_info, doc) if e[0] == acronym]
    assert ents_with(nlp_info, doc, term_pos=frozenset())[(acronym, "ORG")] >= 1


@needs_pages
@pytest.mark.parametrize("text, i, term", [
    ("Die Mittel gehen an kleine und mittlere Unternehmen (KMU) im Land.", 8, True),
    # a place's adjective may start a name in lower case (Wikinews train: gold ORG "ANP")
    ("Sie wurden in Einheiten der afghanischen Nationalpolizei (ANP) eingesetzt.", 7, False),
    # capitalised: a name ("Deutsche Flugsicherung GmbH (DFS)")
    ("Demnach darf die Deutsche Flugsicherung (DFS) privatisiert werden.", 5, False),
])
def test_term_long_form(nlp_info, text, i, term):
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = nlp(text)
    assert doc[i].text == "(" and rules.term_long_form(doc, i) is term


@needs_pages
@pytest.mark.parametrize("snippet, page_set, word, off_label", [
    ("„digital public infrastructure“, also DPI, basiert", "web2", "DPI", "ORG"),
    ("die der SUV, in denen", "web2", "SUV", "ORG"),
    ("hat einen Wert von fünf BTC,", "web", "BTC", "ORG"),
    ("Ammoniak (NH3)", "web", "NH3", "ORG"),
])
def test_term_acronym_is_no_name(nlp_info, snippet, page_set, word, off_label):
    # the acronym or formula of a common term is no person, organisation or place (ner_rules.json term_acronyms)
    doc = _doc_of(nlp_info, snippet, page_set)
    start = doc.text.index(snippet) + snippet.index(word)
    on = {(e.start_char, e.end_char): e.label_ for e in _ents(nlp_info, doc)}
    off = {(e.start_char, e.end_char): e.label_ for e in _ents(nlp_info, doc, term_acronyms=frozenset())}
    assert on.get((start, start + len(word))) not in ("PER", "ORG", "LOC")
    assert off.get((start, start + len(word))) == off_label


@needs_pages
def test_term_acronym_drop_keeps_a_misc_and_the_places_rule_has_its_own_switch(nlp_info):
    # the session-27 review: `dropped` runs for every label, so a MISC "PDF" (a format named as such) was dropped
    # although ner_rules.json says a MISC stays; and `places_read_as_persons` ran under the `roads` switch
    from collections import Counter

    from spacy.tokens import Span

    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = nlp.make_doc("Die Datei liegt als PDF vor.")
    word = [t.i for t in doc if t.text == "PDF"][0]
    assert rules.dropped(Span(doc, word, word + 1, label="MISC"), "MISC", Counter()) is False
    assert rules.dropped(Span(doc, word, word + 1, label="ORG"), "ORG", Counter()) is True
    snippet = "Gendarmerie aus Rodez"
    doc = _doc_of(nlp_info, snippet, "news")
    start = doc.text.index(snippet) + snippet.index("Rodez")
    assert (start, "LOC") in {(e.start_char, e.label_) for e in _ents(nlp_info, doc, roads=False)}
    assert (start, "PER") in {(e.start_char, e.label_) for e in _ents(nlp_info, doc, places=False)}


@needs_pages
@pytest.mark.parametrize("snippet, page_set, long_form, acronym", [
    ("Evangelischen Medienverbandes in Deutschland (EMVD)", "web2", "Evangelischen Medienverbandes in Deutschland", "EMVD"),
    ("Hauptstadtbüros Bioenergie (HBB)", "web", "Hauptstadtbüros Bioenergie", "HBB"),
    ("Interessengemeinschaft Deponiesicherheit Region Basel (IGDRB)", "news",
     "Interessengemeinschaft Deponiesicherheit Region Basel", "IGDRB"),
])
def test_acronym_spelled_by_letters_inside_a_compound(nlp_info, snippet, page_set, long_form, acronym):
    # fewer capitalised words than letters: "Medien-v-erbandes" gives M and V; the long form is one ORG
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(long_form, "ORG")] == 1
    assert ents_with(nlp_info, doc)[(acronym, "ORG")] >= 1
    assert ents_with(nlp_info, doc, spells=lambda acronym, words: False)[(long_form, "ORG")] == 0


@needs_pages
def test_term_spelled_inside_a_compound_is_no_name(nlp_info):
    # "Am 3. Januar Mitteleuropäischer Zeit (MEZ)" (Wikinews train): the model saw no name there, a term
    doc = _doc_of(nlp_info, "Mitteleuropäischer Zeit (MEZ)", "train")
    assert not [e for e in ents_with(nlp_info, doc) if e[0] in ("Mitteleuropäischer Zeit", "MEZ")]


@pytest.mark.parametrize("text, acronym, long_form", [
    # Wikinews dev: both missed by the model
    ("Während Premierminister Jean-Claude Juncker ankündigte, den Vorschlag von der zuständigen "
     "Parlamentskommission prüfen zu lassen, stellt sich die ADR (Alternativ Demokratesch Reformpartei) hinter den "
     "Vorschlag von Michel Wolter.", "ADR", "Alternativ Demokratesch Reformpartei"),
    # 10kGNAD (gnad602)
    ("Wir werden versuchen, ihnen zu helfen, die Zeit totzuschlagen, ihnen das Warten zu erleichtern, sagt die "
     "Ärztin Lea Maskarel Maričić von ADRA (Adventist Development and Relief Agency).",
     "ADRA", "Adventist Development and Relief Agency"),
])
def test_an_acronym_with_its_long_form_in_brackets_after_it_names_an_organisation(nlp_info, text, acronym, long_form):
    doc = _doc(nlp_info, text)
    on, off = ents_with(nlp_info, doc), ents_with(nlp_info, doc, bracketed_long_forms=False)
    assert on[(acronym, "ORG")] == 1 and on[(long_form, "ORG")] == 1
    assert not off[(acronym, "ORG")] or not off[(long_form, "ORG")]


# 10kGNAD (gnad32): the short name in brackets after the holding's name, then alone; the model misses it there
OEBIB = ("Die Österreichische Bundes- und Industriebeteiligungen GmbH (Öbib), die den Drittel-Staatsanteil an der "
         "Casag hält, sieht in einer Vereinfachung der Eigentümerstruktur eine Wertsteigerung. Die Öbib wird auch in "
         "Zukunft, unabhängig von möglichen strategischen Partnern, wesentlichen Einfluss ausüben.")


def test_a_short_name_in_brackets_is_the_organisation_everywhere(nlp_info):
    doc = _doc(nlp_info, OEBIB)
    assert ents_with(nlp_info, doc, names={"bracket_short_names": True})[("Öbib", "ORG")] == 2
    assert ents_with(nlp_info, doc, names={"bracket_short_names": False})[("Öbib", "ORG")] == 0
