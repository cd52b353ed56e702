"""FIGUREs from the error classes of the blind dev6 set (issue 18, session 11): real sentences of
those articles (annotations/news/dev6.json; ids in the comments) and of other Wikinews train/dev
text, each checking a general construction, not the one sentence."""
import pytest

from pipeline.nlp.ext import DATE_SPANS, FIGURE_SPANS


def _figs(nlp_model, text):
    doc = nlp_model(text)
    return [(s.text, s._.value, s._.unit, s._.about) for s in doc.spans[FIGURE_SPANS]]


def _dates(nlp_model, text):
    doc = nlp_model(text)
    return [(s.text, s._.value) for s in doc.spans.get(DATE_SPANS, [])]


@pytest.mark.parametrize("text, expected", [
    # a model number after a hyphen is part of the name, not a count (wn84297, dev6; GUIDELINES:
    # "Boeing 767-300" no FIGURE)
    ("Nur vier Minuten nach dem Start ist eine Boeing 737-500 der indonesischen Fluggesellschaft "
     "Sriwijaya Air von den Radarschirmen verschwunden.", []),
    # a range glued by a hyphen with its unit stays two figures (wn80622, dev3)
    ("So verwendet zum Beispiel ein Versuchslabor in Italien zum Nachweis von Neutrinos 300-500 t schwere "
     "Flüssigszintillatoren.", [("300", 300, "t", "Flüssigszintillator"), ("500 t", 500, "t", "Flüssigszintillator")]),
    # "Sektion 11" numbers a part of a law, like "Artikel 4" (wn76513, dev6; identifiers.json)
    ("Die Sektion 11 des Criminal Law Ammendment diente dazu, homosexuelle Handlungen zu verfolgen.", []),
])
def test_not_figures_dev6(nlp_model, text, expected):
    assert [(t, v, u, a) for t, v, u, a in _figs(nlp_model, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # "Knoten" is a speed unit (dev6 annotators' call), and a converted amount in brackets measures
    # what the amount before it measures (wn30456)
    ("Das Schiff hätte 42 Flugzeuge transportieren sollen und wäre 63 Kilometer pro Stunde (33,8 Knoten) "
     "schnell gewesen.", [("42", 42, None, "Flugzeug"), ("63 Kilometer pro Stunde", 63, "km/h", "Schiff"),
                          ("33,8 Knoten", 33.8, "kn", "Schiff")]),
    # lemma forms the model gets wrong (lemmas.tsv): wn1326, wn38621, wn69725 (an adjectival noun keeps -e)
    ("Das Hotel wird über 300 Zimmer inklusive 40 Suiten nebst Terrasse bieten.",
     [("300", 300, None, "Zimmer"), ("40", 40, None, "Suite")]),
    ("Es gibt vier verschiedene Subtypen von Dengue-Viren.", [("vier", 4, None, "Subtyp")]),
    ("Für den Prozess sind dreizehn Zeugen und drei Sachverständige geladen.",
     [("dreizehn", 13, None, "Zeuge"), ("drei", 3, None, "Sachverständige")]),
])
def test_units_and_lemmas_dev6(nlp_model, text, expected):
    assert _figs(nlp_model, text) == expected


@pytest.mark.parametrize("text, span, value", [
    # "mit N Tag/Jahr(en)" before a noun is a delay, a duration, not an age like "mit zwölf" (wn5954, dev6)
    ("Das Kreuzfahrtschiff konnte erst mit einem Tag Verzögerung an die Reederei übergeben werden.", "einem Tag", "P1D"),
    ("Die Übergabe erfolgte jetzt mit mehr als einem Jahr Verspätung.", "einem Jahr", "P1Y"),
])
def test_delay_is_duration_not_age(nlp_model, text, span, value):
    assert _figs(nlp_model, text) == []
    assert (span, value) in _dates(nlp_model, text)


def test_age_after_mit_unchanged(nlp_model):
    """The bare age after "mit" before the verb stays an age (wn67548, dev3)."""
    got = _figs(nlp_model, "Über sich sagte Massino, mit zwölf habe er Brieftauben gestohlen, in den sechziger Jahren "
                           "habe er sich mit Schutzgelderpressung, Überfällen und schließlich mit Mord beschäftigt.")
    assert got == [("zwölf", 12, "year", "Alter")]


@pytest.mark.parametrize("text, expected", [
    # a change noun before "um" + an amount is measured, as "ein Plus von 1,3 Prozent" (wn70653, dev6;
    # measures.json amount_phrases.change_nouns)
    ("Der EURO STOXX 50 schloss im Plus bei 2358 Punkte; das ist ein Anstieg um 1,9 Prozent.",
     [("2358", 2358, None, "Punkt"), ("1,9 Prozent", 1.9, "%", "Anstieg")]),
    # ... and after the amount with "im" (wn70653)
    ("Zeitweise lag er mit 2,2 Prozent im Plus.", [("2,2 Prozent", 2.2, "%", "Plus")]),
    # "Höhenmeter": unit m, what it measures the height (dev6 annotators' call; units.tsv "about"; wn84297)
    ("Es hat nach Angaben des schwedischen Flugdatenproviders flightradar24 auf Twitter in weniger als einer "
     "Minute 3000 Höhenmeter verloren.", [("3000 Höhenmeter", 3000, "m", "Höhe")]),
])
def test_change_and_unit_about_dev6(nlp_model, text, expected):
    assert _figs(nlp_model, text) == expected


def test_change_noun_von_unchanged(nlp_model):
    """"mit einem Plus von 1,3 Prozent" keeps the von-phrase's noun (wn70653, dev6)."""
    got = _figs(nlp_model, "Der Deutsche Aktienindex (Dax) schloss am Freitag mit einem Plus von 1,3 Prozent bei "
                           "6116 Indexpunkten.")
    assert got[0] == ("1,3 Prozent", 1.3, "%", "Plus")


@pytest.mark.parametrize("text, expected", [
    # the noun of a dimension after a length ("in 80 Metern Tiefe") is no inflected measure adjective
    # ("tiefe"): it is what the figure measures (wn30456, dev6)
    ("Das Wrack hat eine Länge von etwa 250 Metern und liegt in 80 Metern Tiefe vor der Danziger Bucht in der "
     "Nähe einer Ölplattform.", [("250 Metern", 250, "m", "Länge"), ("80 Metern", 80, "m", "Tiefe")]),
    # a partitive genitive with an adverb and an adjective before the set's number (wn35012, dev6)
    ("Der Betriebsrat und die Geschäftsleitung des Kaiserslauterer Nähmaschinenherstellers Pfaff haben sich "
     "geeinigt, bis zu 130 der noch übrigen 500 Mitarbeiter zu entlassen.",
     [("130", 130, None, "Mitarbeiter"), ("500", 500, None, "Mitarbeiter")]),
])
def test_dimension_noun_and_partitive_dev6(nlp_model, text, expected):
    assert _figs(nlp_model, text) == expected


def test_ages_in_brackets_after_people(nlp_model):
    """Years in brackets right after a noun of people are ages, a list sharing the last one's unit
    (wn5352, dev6; measures.json age_nouns), not durations."""
    got = _figs(nlp_model, "Ein 58jähriger Vater hat mit einem Messer auf seine drei Töchter (fünf, sechs und zehn Jahre) "
                           "eingestochen, bevor er sich selbst mehrere Stiche zufügte.")
    assert got == [("drei", 3, None, "Tochter"), ("fünf", 5, "year", "Alter"), ("sechs", 6, "year", "Alter"),
                   ("zehn Jahre", 10, "year", "Alter")]


def test_lebensjahre_is_a_duration(nlp_model):
    """"Lebensjahre" is a time unit (units.tsv): "seine letzten zwei Lebensjahre" is a DATE duration, no
    count of a noun (wn76513, dev6 gold P2Y)."""
    text = ("Die Verurteilung und seine letzten zwei Lebensjahre überschatteten das Leben eines Mannes, der zuvor als "
            "Held gefeiert und als mathematisches Genie verehrt worden war.")
    assert _figs(nlp_model, text) == []
    assert ("zwei Lebensjahre", "P2Y") in _dates(nlp_model, text)
