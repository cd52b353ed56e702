"""FIGURE `about` from the error classes of the blind dev4/dev5 sets (issue 18, session 11): real
sentences of those articles (annotations/news/dev4.json, dev5.json; ids in the comments) and of
10kGNAD, each checking a general construction, not the one sentence."""
import pytest

from pipeline.nlp.ext import FIGURE_SPANS


def _abouts(nlp_model, text):
    doc = nlp_model(text)
    return [(s.text, s._.about) for s in doc.spans[FIGURE_SPANS]]


@pytest.mark.parametrize("text, expected", [
    # a present participle of size is a measure adjective: the noun it modifies is measured,
    # not the counted unit before it (measures.json measure_adjectives)
    # wn77331 (dev5)
    ("Die Wahl erfolgte durch ein von Peking bestimmtes, 400 Personen umfassendes Wahlmännergremium, und der "
     "pekingtreue Chui war der einzige Kanditat für das Amt.", [("400", "Wahlmännergremium")]),
    # wn63051 (dev5): the first count keeps its own noun
    ("Aufgrund des Gefahrenpotentials mussten 100 Einwohner der 30.000 Einwohner zählenden Stadt über zwei Tage "
     "hinweg evakuiert werden.", [("100", "Einwohner"), ("30.000", "Stadt")]),
    # wn11775 (dev5)
    ("„Eine Beihilfe zu einem völkerrechtswidrigen Delikt ist selbst ein völkerrechtswidriges Delikt“, begründet das "
     "Gericht seine Entscheidung für den Freispruch in dem mehr als 110 Seiten umfassenden Urteil.", [("110", "Urteil")]),
    # 10kGNAD
    ("Auf Seite drei des gerade einmal 14 Seiten umfassenden Zwischenberichts (ohne Deckblatt, Inhaltsverzeichnis "
     "und Anhang) räumt der Studienautor ein, die Ergebnisse seien vorläufig.", [("14", "Zwischenbericht")]),
    # an attributive distance word ("entfernte", "entfernten") says how far a place lies: no measured noun
    # wn55730 (dev5)
    ("178 Menschen wurden zum Teil schwer verletzt, drei Dutzend Verletzte mit Militärhubschraubern ins 180 km "
     "entfernte Nairobi.", [("178", "Mensch"), ("drei Dutzend", "Verletzte"), ("180 km", None)]),
    # 10kGNAD
    ("Die Herrschaften residieren schließlich im rund 20 Kilometer entfernten Schloss Elmau.", [("20 Kilometer", None)]),
    # an event noun in the dative plural takes its lemma (wn50226, dev4); nominalised participles keep -e
    ("Von bis zu 130.000 Todesopfern ist die Rede.", [("130.000", "Todesopfer")]),
    ("Bei dem Anschlag gab es 20 Tote und 30 Verletzte.", [("20", "Tote"), ("30", "Verletzte")]),
    # a compound of "Beamte" (the model's lemma "Polizeibeamt"; lemmas.tsv)
    ("Insgesamt 280 Polizeibeamte waren im Einsatz.", [("280", "Polizeibeamte")]),
])
def test_about_dev45_classes(nlp_model, text, expected):
    assert _abouts(nlp_model, text) == expected


def test_predicative_measures_unchanged(nlp_model):
    """The infinitive "umfassen" stays a measuring verb (its subject), not a measure adjective."""
    got = _abouts(nlp_model, "Die Truppenstärke sollte zwischen 1.000 und 1.500 Mann umfassen.")
    assert got[0] == ("1.000", "Truppenstärke")
