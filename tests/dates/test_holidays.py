"""Holidays and feasts: national days with the word that makes them the next one, feasts of another
calendar (a DATE without a value), holiday weekends and plurals ("Pfingstwochenende", "Osterfeiertage")
(dates.json "national_days", "other_calendar_feasts", "holiday_weekends", "holidays")."""
import pytest

from figure_helpers import dates_of


# origin: session 13, dev8/dev9 errors (round 2: dev10)
# "der bevorstehende Nationalfeiertag": the word that makes it the next one is inside (dates.json
# "national_days" "ahead_words"); dev10 gold
def test_national_day_with_ahead_word(nlp):
    text = ("Für die chinesischsprachigen Medien in China gibt es kein wichtigeres Ereignis. Der bevorstehende "
            "Nationalfeiertag ist ein für die Medien glückliches Zusammentreffen.")  # wn77466 (dev10)
    assert ("bevorstehende Nationalfeiertag", "2014-10-01", "date") in dates_of(nlp, text, "2014-09-29")


# origin: session 14, dev11 errors
# a feast of another calendar after the adjective that names it: a DATE without a value, a part of the day with
# "des" inside (dates.json "other_calendar_feasts"; dev10 and dev11 gold)
@pytest.mark.parametrize("text,published,expected", [
    ("Mehrere Waggons des Zuges – vollgepackt mit Fahrgästen, die von dem Islamischen Opferfest auf dem Weg nach Hause "
     "waren – rutschten ins Wasser.", "2007-12-20", [("Islamischen Opferfest", None, "date")]),  # wn46358 (dev11)
    ("Die giftige Brühe war sogar bis in das Wohnhaus eingedrungen, wo er am Abend des chinesischen Neujahrsfestes mit "
     "Nachbarn saß.", "2017-02-24", [("Abend des chinesischen Neujahrsfestes", None, "date")]),  # wn80548 (dev10)
])
def test_feast_of_another_calendar(nlp, text, published, expected):
    assert dates_of(nlp, text, published) == expected


# origin: session 14, dev11 errors
def test_new_year_feast_alone_is_no_other_calendar(nlp):
    # without the adjective "Neujahrsfest" is 1 January's feast, not one of another calendar
    assert all(v is not None for _, v, _ in dates_of(nlp, "Das Neujahrsfest wurde in Berlin gefeiert.", "2017-01-02"))


# origin: session 10, dev4/dev5 errors (an id without a set: a train article)
# holiday compounds: a holiday's weekend (dates.json "holiday_weekends": YYYY-Www-WE; generic with a
# recurrence cue: a set without a value, dev4 gold) and its holidays in the plural ("holidays":
# "Osterfeiertage" = Easter Sunday, as "an den Ostertagen")
@pytest.mark.parametrize("published,text,expected", [
    ("2008-05-12", "Bei der Veranstaltung handelt es sich um einen „alternativen Karneval“, der seitdem alljährlich am "
     "Pfingstwochenende in Berlin-Kreuzberg gefeiert wird.", ("Pfingstwochenende", None, "set")),  # wn50115 (dev4)
    ("2016-03-15", "Am Osterwochenende wird mit starkem Reiseverkehr gerechnet.",
     ("Osterwochenende", "2016-W12-WE", "date")),  # Easter Sunday 2016 was 27 March (no real sentence found)
    ("2006-05-04", "Deiss, der sich an den Osterfeiertagen zu diesem Schritt entschlossen hatte, sagte zur Begründung, "
     "er wolle neuen Politikern den Platz frei machen.", ("Osterfeiertagen", "2006-04-16", "date")),  # wn26226
    ("2008-03-05", "Während der Osterfeiertage sollen die Arbeitskämpfe zunächst ausgesetzt werden, so "
     "verdi-Verhandlungsführer Frank Bäsler.", ("Osterfeiertage", "2008-03-23", "date")),  # wn48687
], ids=["wn50115", "easter-weekend", "wn26226", "wn48687"])
def test_holiday_compounds(nlp, published, text, expected):
    assert expected in dates_of(nlp, text, published)


# origin: session 29, unseen Wikinews sample (issue 18)
# a deictic or relative modifier before a holiday is inside the span as before a weekday ("am gestrigen Mittwoch"),
# the holiday resolved in the modifier's direction (patterns.py "holiday" hmod)
def test_holiday_with_a_deictic_modifier(nlp):
    text = ("Am gestrigen Karfreitag wurde berichtet, dass in dem ungarischen Dorf Gyöngyöspata nordöstlich von Budapest "
            "Roma-Anwohner von rechtsextremen Gruppen angegriffen wurden.")  # wn67724, published on Saturday 2011-04-23
    assert dates_of(nlp, text, "2011-04-23") == [("gestrigen Karfreitag", "2011-04-22", "date")]
