"""presseschau_ner_rules (issue 13): a MISC span of the model that starts right after an opening quote and stops short
of the closing quote takes the rest of the quote (a title of a work is MISC as a whole; ner_rules.json
`quoted_titles`, `close_quoted_titles` in ner_rules/bounds.py); docs/measurements/ner.md, "Session 36 (MISC: titles in
quotes cut short)". Real sentences of Wikinews train, web2 and GermEval dev (its training part) and of the web dev set;
each test checks that the error comes back with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc


@pytest.mark.parametrize("text, title, cut", [
    # Wikinews train (wn78858): the model's MISC "Die Revolution", the verb after it left out
    ("Der Autor Christian Füller hat in seinem neuen Buch mit dem Titel „Die Revolution missbraucht ihre Kinder“ die "
     "Entgleisungen der Reformpädagogik und insbesondere der linken Ideologen angeprangert.",
     "Die Revolution missbraucht ihre Kinder", "Die Revolution"),
    # web2 dev: the model's MISC "Per Anhalter", the book's title is the whole quote
    ("Grok sei als künstliche Intelligenz dem Buch „Per Anhalter durch die Galaxis“ nachempfunden.",
     "Per Anhalter durch die Galaxis", "Per Anhalter"),
    # GermEval 2014 dev (a sentence of its training part, tokens as the file has them): cut at the comma
    ("Nur das Motto „ Ein Mann suchte Amerika , doch er konnte es nirgends mehr finden “ wird einem auf dem "
     "Filmplakat mitgegeben .",
     "Ein Mann suchte Amerika , doch er konnte es nirgends mehr finden", "Ein Mann suchte Amerika"),
])
def test_a_title_in_quotes_is_one_misc(nlp_info, text, title, cut):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(title, "MISC")] == 1
    off = ents_with(nlp_info, doc, quoted_titles=False)
    assert off[(title, "MISC")] == 0 and off[(cut, "MISC")] == 1


def test_a_one_word_name_in_quotes_stays_as_it_is(nlp_info):
    # web dev (a headline): "Golf" is the car (gold MISC) and "China" a place (gold LOC), no title
    doc = _doc(nlp_info, 'VW-Chef warnt vor Tesla und "Golf aus China"')
    ents = ents_with(nlp_info, doc)
    assert ents[("Golf", "MISC")] == 1 and ents[("China", "LOC")] == 1 and ents[("Golf aus China", "MISC")] == 0


@pytest.mark.parametrize("text, title", [
    # GermEval 2014 dev (held-out sentences): gold OTH, the model found nothing; the titles start in lower case or
    # with a digit
    ("Am zweiten Weihnachtsfeiertag startet das SWR Fernsehen die erste Staffel der neuen Sendereihe „ oper kompakt “ .",
     "oper kompakt"),
    ("Ungeachtet der Kritik verwendet das ZDF einen Ausschnitt des Liedes seit 2005 als Titelmusik der wöchentlichen "
     "Dokumentationssendung „ 37 Grad “ .", "37 Grad"),
])
def test_a_title_after_a_noun_of_works_may_start_in_lower_case(nlp_info, text, title):
    doc = _doc(nlp_info, text)
    assert ents_with(nlp_info, doc)[(title, "MISC")] == 1
    assert ents_with(nlp_info, doc, quoted_lowercase_titles=False)[(title, "MISC")] == 0
