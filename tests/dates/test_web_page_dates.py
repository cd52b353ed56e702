"""Session 37 (dates on unseen web pages, web_pages_de): an undotted month abbreviation between a day and a year,
an article before a plural time unit that is no "one", and a bounding qualifier between a year's preposition and
the year (dates.json "year_bound_qualifiers", measures.json "plural_time_units")."""
from figure_helpers import dates_of


# origin: session 37, web page chabermu.wordpress.com (web_pages_de row 198): "1. Sep 2015" was the year alone
def test_undotted_month_abbreviation_between_day_and_year(nlp):
    text = ("Microsoft ist mächtig (Börsenwert an Nasdaq: 334,48 Milliarden US-Dollar, Stand: 1. Sep 2015) "
            "und sammelt Daten.")
    assert ("1. Sep 2015", "2015-09-01", "date") in dates_of(nlp, text, "2016-09-26")
    # without the year the abbreviation is no month: "Jan" is also a first name
    assert not [d for d in dates_of(nlp, "Er traf am 5. Jan zurück ein.", "2016-09-26") if "Jan" in d[0]]


# origin: session 37, web page tell-review.de (row 592): "eine Jahrhunderte übergreifende Kollektion" was
# "eine Jahrhunderte" P100Y; Wikinews wn25328 "ein Jahrzehnte altes Foto" was "ein Jahrzehnte" P10Y
def test_article_before_plural_time_unit_is_no_one(nlp):
    text = "Földényi präsentiert dem Leser eine Jahrhunderte übergreifende Kollektion von Beispielen."
    assert dates_of(nlp, text, "2019-10-01") == []
    text = "Von ihm sind nur ein Jahrzehnte altes Foto und ein Phantombild verfügbar."
    assert dates_of(nlp, text, "2006-04-11") == []
    # the singular keeps its one
    assert ("einem Jahr", "P1Y", "duration") in dates_of(nlp, "Er lebt seit einem Jahr in Berlin.", "2019-10-01")


# origin: session 37, web page peta.de (row 508): "seit mindestens 2019" was no DATE (the qualifier made a count);
# 10kGNAD gnad858 "bis mindestens 2024" was a FIGURE
def test_bounding_qualifier_after_a_years_preposition(nlp):
    text = ("Wir erhielten eine Meldung, wonach zwei Hunde in Bad Windsheim seit mindestens 2019 an einem Drahtseil "
            "angebunden seien.")
    assert ("2019", "2019", "date") in dates_of(nlp, text, "2022-01-20")
    text = "Die ISS soll noch bis mindestens 2024 in Betrieb bleiben."
    assert ("2024", "2024", "date") in dates_of(nlp, text, "2016-03-15")
    # a unit after it still counts: a duration of 2000 years, not the year 2000
    assert ("2000", "2000", "date") not in dates_of(nlp, "Das gibt es seit mindestens 2000 Jahren.", "2016-03-15")


# origin: session 37, web page ekd.de (row 277, an address of 11 November 2021): "Martinstag" was no DATE
def test_martinstag_is_a_fixed_holiday(nlp):
    text = "Gerechtigkeit ist grundlegend für den Frieden. Heute am Martinstag schauen wir auf den Offizier."
    assert ("Martinstag", "2021-11-11", "date") in dates_of(nlp, text, "2021-11-11")
