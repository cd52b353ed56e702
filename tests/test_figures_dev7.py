"""FIGUREs and DATEs from the error classes of the blind dev7 set (issue 18, session 11, helper H7):
real sentences of those articles (annotations/news/dev7.json; ids in the comments), each checking a
general construction, not the one sentence."""
import pytest

from figure_helpers import dates_of, figs


def _figs(nlp_model, text):
    return [f[:4] for f in figs(nlp_model, text)]


def _dates(nlp_model, text, published="2022-01-06"):
    return [(t, v) for t, v, _ in dates_of(nlp_model, text, published)]


def test_bracketed_counts_after_places_are_no_ages(nlp_model):
    # a number in brackets after a place is no age: the list's first item names what is counted,
    # the bare counts after it take that noun (wn54964, dev7; annotators' call)
    text = ("Regierungen folgender Länder gehen mit Pressezensur gegen eine kritische Berichterstattung vor "
            "(in Klammern die jeweils von ROG genannte Fallzahlen von Zensur): China (132 Fälle von Zensur), "
            "Myanmar (85), Iran (27), Malaysia (25), Bolivien (20), Pakistan (19).")
    assert _figs(nlp_model, text) == [("132", 132, None, "Fall"), ("85", 85, None, "Fall"), ("27", 27, None, "Fall"),
                                      ("25", 25, None, "Fall"), ("20", 20, None, "Fall"), ("19", 19, None, "Fall")]


@pytest.mark.parametrize("text, age", [
    # a person's name before the bracket stays an age (the rule's own cases)
    ("Peter Paul Michalski (46) wurde festgenommen.", ("46", 46, "year", "Alter")),
])
def test_bracketed_age_after_a_person(nlp_model, text, age):
    assert age in _figs(nlp_model, text)


def test_age_with_an_adverb_after_im_alter_von(nlp_model):
    # "im Alter von inzwischen 58, 60 und 65 Jahren": ages, no durations (wn54074, dev7)
    text = ("Wegen Mordes an einem Postbeamten vor 31 Jahren mussten sich drei Männer im Alter von inzwischen "
            "58, 60 und 65 Jahren vor dem Landgericht in Osnabrück verantworten.")
    figs = _figs(nlp_model, text)
    assert [f for f in figs if f[3] == "Alter"] == [("58", 58, "year", "Alter"), ("60", 60, "year", "Alter"),
                                                    ("65 Jahren", 65, "year", "Alter")]
    assert [d for d, _ in _dates(nlp_model, text)] == ["31 Jahren"]


@pytest.mark.parametrize("text", [
    # a compound in "-stufe" names a level like "Stufe 3" (wn62691, dev7; identifiers.json)
    "Bereits in der Nacht zum Mittwoch wurde in Brandenburg die Hochwasseralarmstufe 2 ausgelöst.",
    "Irgendwann in den nächsten Tagen soll der steigende Wasserstand dann die Ausrufung der Alarmstufe 4, "
    "der höchsten Stufe, notwendig machen.",
    "Die Behörden haben die Dämme bereits gemäht, damit die ab der Warnstufe 3 vorgeschriebene Überwachung "
    "sorgfältiger erfolgen kann.",
])
def test_level_compounds_are_identifiers(nlp_model, text):
    assert _figs(nlp_model, text) == []


@pytest.mark.parametrize("text, published, expected", [
    # a part of a day after a deictic adjective (wn37082, dev7)
    ("Am gestrigen Vormittag korrigierte Amazon jedoch den Fehler.", "2007-01-12", [("gestrigen Vormittag", "2007-01-11")]),
    # "im ablaufenden Jahr": the current year (wn54964, dev7), like "im laufenden Jahr"
    ("263 Journalisten wurden im ablaufenden Jahr in Afrika auf Veranlassung von staatlichen Behörden festgenommen.",
     "2008-12-30", [("ablaufenden Jahr", "2008")]),
])
def test_deictic_days_dev7(nlp_model, text, published, expected):
    assert _dates(nlp_model, text, published) == expected


def test_decade_dative_plural_dev7(nlp_model):
    # "in den 1970-ern und 1980-ern": each a decade, like "1970er Jahren" (wn36397, dev7)
    text = "Hentschel wurde vor allem als Rotlichtgröße in den 1970-ern und 1980-ern bekannt."
    assert _dates(nlp_model, text, "2006-12-19") == [("1970-ern", "197"), ("1980-ern", "198")]


def test_weekday_after_seit_lies_before(nlp_model):
    # "Seit Donnerstag halten ... besetzt" (present tense), published on a Tuesday: the Thursday before
    # (wn56998, dev7; dates.json "since_words")
    text = "Seit Donnerstag halten Rot-Hemden den Amtssitz des Ministerpräsidenten besetzt."
    assert _dates(nlp_model, text, "2009-04-07") == [("Donnerstag", "2009-04-02")]
