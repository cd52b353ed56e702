"""presseschau_ner_rules, session 34 (issue 13): an ORG span of the model that starts with an organisation noun
before a name of its own loses the noun (apposition.py `org_lead_noun`, switch ``org_lead_nouns``): the noun says
what the name is and stays outside, as GUIDELINES.md puts descriptors ("Reederei [Hapag-Lloyd]"). Names that are
one name with their noun stay whole ("Gewerkschaft Deutscher Lokomotivführer", "Volksbank Etruria"). Real
sentences (docs/measurements/ner.md, "Session 34 (organisations in ordinary prose)"); each check of a cut comes
back wrong with the switch off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# web2 dev (a news page on the industrial power price), 10kGNAD gnad783 and gnad540
IG_METALL = ("Der Zweite Vorsitzende der Gewerkschaft IG Metall, Jürgen Kerner, kritisierte mit Blick auf im "
             "internationalen Vergleich hohe Strompreise, die Bundesregierung führe seit Monaten eine öffentliche "
             "Debatte über einen „Brückenstrompreis“, ohne dass ein Ergebnis in Sicht wäre.")
GFK = ("Wien – Die Radiotest-Manipulationen durch das Marktforschungsinstitut GfK könnten in den vergangenen fünf "
       "Jahren einen Schaden von bis zu 20 Millionen Euro verursacht haben.")
PODEMOS = ("Madrid – Gut zwei Monate nach der Parlamentswahl in Spanien hat die Linkspartei Podemos am Montag "
           "Verhandlungen mit der Sozialistischen Arbeiterpartei (PSOE) über eine Regierungsbildung aufgenommen.")
# Wikinews train (gold: the whole name) and 10kGNAD gnad157
GDL = ("Neue Verhandlungen: Die Gewerkschaft Deutscher Lokomotivführer konnte ihre Forderung nach einem eigenen "
       "Tarifvertrag nicht durchsetzen: Für einen Kompromiss müssen beide Seiten Kröten schlucken.")
ETRURIA = "Die vier Pleitebanken sind die Banca Marche, die Volksbank Etruria sowie die Sparkassen von Chieti und von Ferrara."


@pytest.mark.parametrize("text, whole, name", [
    (IG_METALL, "Gewerkschaft IG Metall", "IG Metall"),
    (GFK, "Marktforschungsinstitut GfK", "GfK"),
    (PODEMOS, "Linkspartei Podemos", "Podemos"),
])
def test_the_organisation_noun_is_cut_off(nlp_info, text, whole, name):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert on[(name, "ORG")] == 1 and on[(whole, "ORG")] == 0, on
    off = ents_with(nlp_info, doc, org_lead_nouns=False)
    assert off[(whole, "ORG")] == 1 and off[(name, "ORG")] == 0, off


@pytest.mark.parametrize("text, whole", [
    (GDL, "Gewerkschaft Deutscher Lokomotivführer"),  # an adjective: the protocols write "deutscher"
    (ETRURIA, "Volksbank Etruria"),  # a noun that starts banks' names (``keep_heads``)
])
def test_a_name_with_its_noun_stays_whole(nlp_info, text, whole):
    on = ents_with(nlp_info, _doc(nlp_info, text))
    assert on[(whole, "ORG")] == 1, on
