"""DATE construction classes of session 12 (issue 18, recall on unseen news; docs/measurements/dates_figures.md
"Session 12: DATE classes"), each on the sentence of a Wikinews article it was found in: a rule dev set (dev5,
dev7, dev: the set named in the comment) or a train article outside every rule dev set (found by grepping the
unlabelled train text for the construction). The language data each uses is named in its block."""
import pytest

from figure_helpers import dates_of, make


@pytest.fixture(scope="module")
def nlp():
    return make()


# 1. "frühen"/"späten" before a weekday narrow it to a part of the day and are inside the span (dates.json
# "day_adjectives"), as before a decade ("frühen 1960er-Jahren")
@pytest.mark.parametrize("text,published,expected", [
    ("Rund 15 Stunden nach der Massenkarambolage wurde der Autobahnabschnitt am frühen Mittwochmorgen wieder "
     "freigegeben.", "2013-02-20", ("frühen Mittwochmorgen", "2013-02-20", "date")),  # wn75013 (dev5 gold)
    ("Am frühen Samstagmorgen landete die Präsidentenmaschine in Dschidda.", "2011-01-15",
     ("frühen Samstagmorgen", "2011-01-15", "date")),  # wn65602
    ("Im Nordirak ist am späten Samstagabend ein Hubschrauber des Typs „UH-60 Blackhawk“ der US-Armee mit zwölf "
     "Menschen an Bord abgestürzt.", "2006-01-09", ("späten Samstagabend", "2006-01-07", "date")),  # wn19599
    ("Eine malaysische Spezialeinheit erreichte das Gebiet am frühen Samstag.", "2006-05-27",
     ("frühen Samstag", "2006-05-27", "date")),  # wn27603
])
def test_early_and_late_weekday(nlp, text, published, expected):
    assert expected in dates_of(nlp, text, published)


def test_early_and_late_without_a_day_stay_no_date(nlp):
    # a part of the day alone stays no DATE (annotations/GUIDELINES.md), with the adjective too
    assert not dates_of(nlp, "Erst am späten Nachmittag konnte die Feuerwehr den Brand unter Kontrolle bringen.",
                        "2006-05-22")  # wn27258


# 2. "für morgen" is tomorrow (dates.json "morgen_noun_after" no longer holds "für"), and a weekday or a day
# and month that restates a deictic day is that day (dates.json "apposition_links")
def test_fuer_morgen_and_its_restatement(nlp):
    text = ("Für morgen (Mittwoch) haben die in dem Bündnis organisierten politischen Kräfte eine Massenkundgebung "
            "in Bangkok angekündigt, zu der 100.000 Menschen erwartet werden.")  # wn56998 (dev7 gold)
    assert dates_of(nlp, text, "2009-04-07") == [("morgen", "2009-04-08", "date"), ("Mittwoch", "2009-04-08", "date")]
    text = ("Eine für morgen, den 20. September, geplante Demonstration von Schwulen, Lesben und Transgendern in der "
            "Belgrader Innenstatt ist heute aus Sicherheitsgründen abgesagt worden.")  # wn58874
    assert dates_of(nlp, text, "2009-09-19")[:2] == [("morgen", "2009-09-20", "date"), ("20. September", "2009-09-20", "date")]


def test_restatement_that_does_not_fit_keeps_its_own_value(nlp):
    # a weekday that is not the deictic day keeps the value its clause gives it
    ds = dates_of(nlp, "Für morgen (Freitag) haben die Anhänger eine Kundgebung angekündigt.", "2009-04-07")
    assert ("morgen", "2009-04-08", "date") in ds
    assert [d for d in ds if d[0] == "Freitag"] and [d for d in ds if d[0] == "Freitag"][0][1] != "2009-04-08"


# 3. a night "vom 10. zum 11. Januar": the first day takes the second's month and year (dates.json "day_list_links")
def test_night_vom_zum(nlp):
    text = ("In der Nacht vom 10. zum 11. Januar 2006 unterlief dem Online-Händler „amazon.de“ eine Panne bei der "
            "Preisauszeichnung.")  # wn37082 (dev7 gold)
    assert dates_of(nlp, text, "2007-01-12") == [("10.", "2006-01-10", "date"), ("11. Januar 2006", "2006-01-11", "date")]


# 4. "früher/später als" compares: the amount is a duration, not a time counted from the last date
# (measures.json "anchored_comparisons")
def test_earlier_than_is_a_duration(nlp):
    text = ("Bereits in der Nacht zum Mittwoch, dem 26. Mai, wurde in Brandenburg die Hochwasseralarmstufe 2 "
            "ausgelöst, etwa „acht bis zehn Stunden früher“ als erwartet.")  # wn62691 (dev7 gold)
    ds = dates_of(nlp, text, "2010-05-26")
    assert ("acht", "PT8H", "duration") in ds and ("zehn Stunden", "PT10H", "duration") in ds
    # without "als" the offset from the date named last stays
    ds = dates_of(nlp, "Am 3. Mai kam er an. Zwei Tage später reiste er ab.", "2010-05-26")
    assert ("Zwei Tage später", "2010-05-05", "date") in ds


# 5. a compound of "Alter" is a noun of an age, also before a change to a number of years
# (measures.json "age_compounds")
def test_retirement_age_is_no_duration(nlp):
    text = ("Zu dem Forderungskatalog gehört außerdem eine generelle Abschaffung des Kündigungsschutzes für "
            "Neueinstellungen sowie die gesetzliche Anhebung des Rentenalters auf 67 Jahre.")  # wn6226 (dev5 gold)
    assert not dates_of(nlp, text, "2005-06-14")
    # a period extended "auf drei Jahre" stays a duration
    assert dates_of(nlp, "Die Frist wurde auf drei Jahre verlängert.", "2005-06-14") == [("drei Jahre", "P3Y", "duration")]


def test_retirement_age_figure_is_about_the_compound(nlp):
    from figure_helpers import figs

    text = "Gefordert wird die gesetzliche Anhebung des Rentenalters auf 67 Jahre."  # wn6226 (dev5 gold: about Rentenalter)
    assert [(f[0], f[1], f[2], f[3]) for f in figs(nlp, text, "2005-06-14")] == [("67 Jahre", 67, "year", "Rentenalter")]


# 6. race times in minutes, seconds and hundredths (dates.json "race_time_units"): a unit word after the time or
# a last part over 59 says so, and the text's other three-part times are read the same way
def test_race_times_in_hundredths(nlp):
    text = ("Die Österreicherin gewann den Riesenslalom im Skiweltcup in St. Moritz heute zum 20. Mal mit einer Zeit von "
            "1:14:95 Minuten, zwei Plätze vor ihrer deutschen Kollegin Maria Riesch (1:15:40). Sie verpasste mit "
            "dieser Zeit nur knapp den zweiten Platz vor Lindsey Kildow aus den USA mit 1:15:32.")  # wn2096 (dev7 gold)
    ds = dates_of(nlp, text, "2004-12-21")
    assert [d for d in ds if d[2] == "duration"] == [("1:14:95 Minuten", "PT1M14.95S", "duration"),
                                                      ("1:15:40", "PT1M15.4S", "duration"),
                                                      ("1:15:32", "PT1M15.32S", "duration")]
    # alone, a three-part time is hours, minutes and seconds (dev6 wn76253)
    assert dates_of(nlp, "Er lief nach einer Zeit von 2:31:37 ins Ziel.", "2013-10-07") == [("2:31:37", "PT2H31M37S", "duration")]


# 7. "im Jahr zuvor", "in der Woche darauf": the head's unit counted from the date named last (dates.json
# "anaphoric_phrases"; the year, month or week, as "am Tag zuvor" the day); after an amount the figures
# component's offset keeps the whole span ("Ein Jahr zuvor", dev5 gold)
def test_anaphoric_phrases_of_years_months_weeks(nlp):
    text = ("In diesem Jahr haben Schätzungen zufolge bisher etwa 150.000 Flüchtlinge Europa auf dem Seeweg erreicht. "
            "Bei der versuchten Überfahrt sind mehr als 1.900 Menschen gestorben, zwei Mal so viele wie im Jahr "
            "zuvor.")  # gnad455 (10kGNAD, undated: anchored in 2015)
    assert dates_of(nlp, text, "2015-08-01") == [("diesem Jahr", "2015", "date"), ("Jahr zuvor", "2014", "date")]
    ds = dates_of(nlp, "Am 3. März 2005 kam er an. In der Woche darauf reiste er ab.", "2008-05-14")
    assert ("Woche darauf", "2005-W10", "date") in ds
    text = ("EADS meldete für das vergangene Geschäftsjahr einen Verlust. Ein Jahr zuvor konnte EADS noch einen Gewinn "
            "verbuchen.")  # wn61671's construction (dev5)
    assert ("Ein Jahr zuvor", "2008", "date") in dates_of(nlp, text, "2010-03-09")


# 8. "Wie heute bekannt wurde": a clause-initial "wie" opens a clause whose verb decides (dates.json
# "heute_nowadays.prev_comparison_only"); "damals wie heute" stays "nowadays"
def test_wie_heute_bekannt_wurde(nlp):
    text = ("Von bis zu 130.000 Todesopfern ist die Rede. Wie heute bekannt wurde, sind in dem am schwersten "
            "betroffenen Gebiet 95 Prozent der Häuser zerstört worden.")  # wn50226 (dev4 gold)
    assert ("heute", "2008-05-16", "date") in dates_of(nlp, text, "2008-05-16")
    assert not dates_of(nlp, "Der Karneval ist damals wie heute ein Fest der Straße.", "2008-05-16")
    assert not dates_of(nlp, "Er sagte, wie heute üblich, nichts.", "2008-05-16")


# 9. a year after a compound of "Cup" is part of the cup's name (dates.json "event_name_suffixes")
def test_year_of_a_cup_compound(nlp):
    text = "Unter anderem vergab sie die Endrunde des EuroCups 2007 nach Deutschland."  # wn43684 (dev5 gold)
    assert not dates_of(nlp, text, "2007-08-20")
    assert dates_of(nlp, "Das Vereinsheim wurde 2007 gebaut.", "2007-08-20") == [("2007", "2007", "date")]


# 10. an inflected participle before its noun is an adjective, no perfect tense cue (dates.py
# TenseDetector._participle): "heute" with a stative "ist" stays "nowadays"
def test_attributive_participle_is_no_perfect(nlp):
    text = ("Während anfangs nur eine kleine Gruppe von Teilnehmern zu Fuß durch die Straßen zog, ist der Karneval "
            "heute eine Massenveranstaltung mit über hundert bunt geschmückten Festwagen.")  # wn50115 (dev4 gold)
    assert not dates_of(nlp, text, "2008-05-12")
    # a participle at the end of its clause still makes a perfect
    assert dates_of(nlp, "Die Polizei hat heute die gestohlenen Autos gefunden.", "2008-05-12") == \
        [("heute", "2008-05-12", "date")]


# 11. "in der letzten/vergangenen Nacht" is the night before publication, not before the date named last
# (dates.py, a past modifier before a part of the day; "am nächsten Morgen" stays anaphoric)
def test_last_night_counts_from_publication(nlp):
    text = ("Am Sonntag demonstrierten 5000 Menschen. In einer Videobotschaft, die in der letzten Nacht bei einer "
            "Kundgebung live eingespielt wurde, sagte Thaksin, man werde kämpfen.")  # wn56998's construction (dev7 gold)
    assert ("letzten Nacht", "2009-04-06", "date") in dates_of(nlp, text, "2009-04-07")
    text = "In Triberg brannte in der vergangenen Nacht ein historischer Schwarzwald-Bauernhof ab."  # wn37935 (dev4)
    assert dates_of(nlp, text, "2007-02-07") == [("vergangenen Nacht", "2007-02-06", "date")]
    ds = dates_of(nlp, "Am 3. März kam er an. Am nächsten Morgen reiste er ab.", "2009-04-07")
    assert ("nächsten Morgen", "2009-03-04", "date") in ds
