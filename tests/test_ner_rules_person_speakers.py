"""presseschau_ner_rules `add_speakers` (issue 13; docs/measurements/ner.md, "Session 34 (persons in ordinary
prose)"): a capitalised proper noun alone right after a verb of saying and before a punctuation mark is the speaker,
PER, where the model left it out. Real text (10kGNAD; GermEval 2014 dev); each test checks that the error comes back
with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# 10kGNAD (gnad590): the campaign manager named by his surname alone after "sagt"
BILALIC = ("Hundstorfer werde vor allem in der direkten Auseinandersetzung mit den anderen Kandidaten punkten. Distanz "
           "zur SPÖ suche man keine, das wäre auch nicht glaubwürdig, sagt Bilalic. Man weiß, woher der Rudi kommt und "
           "was seine Gesinnung ist.")
# GermEval 2014 dev (one of the 500 held-out sentences, tokenised as the file gives it)
ALT = ('Für Februar sei es " sehr wahrscheinlich " , dass die Arbeitslosenzahl erneut über fünf Millionen liegen wird , '
       'sagte Alt . Für 2006 insgesamt geht er aber davon aus , dass die Arbeitslosigkeit im Schnitt unter dem '
       'Vorjahresniveau liegen wird .')


def test_the_speaker_after_a_verb_of_saying_is_a_person(nlp_info):
    for text, name in ((BILALIC, "Bilalic"), (ALT, "Alt")):
        doc = _doc(nlp_info, text)
        assert ents_with(nlp_info, doc)[(name, "PER")] == 1, name
        assert ents_with(nlp_info, doc, speakers=False)[(name, "PER")] == 0, name
