"""Years and day words that are no DATE: a year that is part of a name ("EuroCup 2007", "Konklave
2005") and the last day of a thing, not of a time (dates.json "event_name_suffixes", "event_name_heads",
"last_of_event"), and a newspaper named after a weekday ("Welt am Sonntag", dates.json "newspaper_day_titles")."""
from figure_helpers import dates_of


# origin: session 12, DATE classes (an id without a set: a train article outside the rule dev sets)
# a year after a compound of "Cup" is part of the cup's name (dates.json "event_name_suffixes")
def test_year_of_a_cup_compound(nlp):
    text = "Unter anderem vergab sie die Endrunde des EuroCups 2007 nach Deutschland."  # wn43684 (dev5 gold)
    assert not dates_of(nlp, text, "2007-08-20")
    assert dates_of(nlp, "Das Vereinsheim wurde 2007 gebaut.", "2007-08-20") == [("2007", "2007", "date")]


# origin: session 13, dev8/dev9 errors (round 2: dev10)
# a year after "Konklave" is part of the named event (dates.json "event_name_heads"); dev9 (MISC)
def test_year_of_a_conclave_is_part_of_the_name(nlp):
    text = ("Das soll dazu beigetragen haben, dass der Mann, der schon beim Konklave 2005 die zweitmeisten Stimmen "
            "erhalten hatte, diesmal gewählt wurde.")  # wn75229 (dev9)
    assert dates_of(nlp, text, "2013-03-31") == []


# origin: session 15, dev12 and dev11 errors
# the last day of a thing (dates.json "last_of_event") is no DATE; of a time it stays
def test_last_day_of_an_event_is_no_date(nlp):
    text = "Er wurde am letzten Tag der Grabung neben einer Säule im Jahr 2014 gemacht."  # wn80703 (dev12)
    assert dates_of(nlp, text, "2017-03-15") == [("Jahr 2014", "2014", "date")]
    assert [t for t, _, _ in dates_of(nlp, "In der letzten Woche des Jahres wurde gefeiert.", "2017-03-15")] == \
        ["letzten Woche"]
    # without an article before it the week is an adverbial and "der" opens a dative object
    assert [t for t, _, _ in dates_of(nlp, "Er hat letzte Woche der Presse ein Interview gegeben.", "2017-03-15")] == \
        ["letzte Woche"]


# origin: session 25 (s25-qtitles), dev16 wn79492: a year inside the quoted title of a work is part of the title (MISC
# as a whole, GUIDELINES "titles of works, studies, exhibitions"), not a DATE; four false DATEs of dev16 (dates.json
# "work_title_nouns": the quotation opens right after such a noun). A quotation of speech keeps its dates, and so do
# the topics of talks (dev13 wn76792, DATEs in the gold).
def test_year_in_the_quoted_title_of_a_work_is_no_date(nlp):
    text = ("Die Studie trägt den Titel „Linke Gewalt in Berlin 2009-2013“, und die Ergebnisse wurden mit der "
            "vorhergehenden Studie „Linke Gewalt in Berlin 2003 bis 2008“ verglichen.")  # wn79492 (dev16)
    assert dates_of(nlp, text, "2016-01-31") == []
    text = ("Die Besucher der Veranstaltung konnten in 20 Vorträgen zum Thema allerlei Fakten rund um Themen wie „Der "
            "Einsatz der Trümmerbahnen zur Enttrümmerung Dresdens in den Jahren 1946 – 1958“ erfahren.")  # wn76792 (dev13)
    assert [t for t, _, _ in dates_of(nlp, text, "2014-03-23")] == ["1946", "1958"]
    text = "„Philip Morris wird das Team bis 2011 sponsern“, sagte der Teamchef."  # speech keeps its date
    assert [t for t, _, _ in dates_of(nlp, text, "2006-06-15")] == ["2011"]


# origin: session 29, sweep of unlabelled Wikinews train articles (issue 18)
# "von heute auf morgen" is the idiom "overnight": neither word is a date (dates.json "deictic_idioms"); after "Nacht"
# it is tonight
def test_von_heute_auf_morgen_is_no_date(nlp):
    text = ("Frank Biermann sagte angesichts der Umstände, es sei „unfassbar, mit welcher sozialen Kälte und "
            "Gleichgültigkeit von heute auf morgen gestandenen Lokaljournalisten der Stuhl vor die Tür gesetzt "
            "wird“.")  # wn37530 (a train article outside the rule dev sets)
    assert not dates_of(nlp, text, "2007-01-25")
    # no real sentence found for the literal reading: tonight's night stays dated
    assert ("morgen", "2007-01-26", "date") in dates_of(
        nlp, "In der Nacht von heute auf morgen wird Sturm erwartet.", "2007-01-25")


# origin: session 28, read beside the known open classes (class 2)
# (weekdays): a newspaper named after a weekday ("Welt am Sonntag", "Bild am Sonntag",
# dates.json "newspaper_day_titles") is a name, no DATE; 13 such names in Wikinews, 10kGNAD and the web pages,
# each a newspaper; "in der ORF-Pressestunde am Sonntag" stays a DATE
def test_a_newspaper_named_after_sunday_is_no_date(nlp):
    from repo_data import news_row

    text = news_row("10kgnad_test.jsonl.gz", "id", "gnad653")["text"]
    i = text.index("Eine Sprecherin sagte der Welt am Sonntag")
    sent = text[i: text.index(".", i) + 1]
    assert "Sonntag" not in [t for t, _, _ in dates_of(nlp, sent, "2016-03-15")]
    rundschau = ("So berichtete die in Oberösterreich erscheinende „Rundschau am Sonntag“ gestern von einer Initiative "
                 "oberösterreichischer Geistlicher, die den Amtsantritt Wagners als Weihbischof von Linz verhindern "
                 "wollten.")  # wn56063
    assert dates_of(nlp, rundschau, "2009-02-16") == [("gestern", "2009-02-15", "date")]
    assert dates_of(nlp, "Das sagte Faymann in der ORF-Pressestunde am Sonntag.", "2016-03-15") == \
        [("Sonntag", "2016-03-13", "date")]


# origin: session 35 (dates2), web_pages_de: the dative of the games' heads and "Olympia", their common name, take
# their year into the name as "Winterspiele 2014" does (dates.json "event_name_heads"; GUIDELINES: "Olympische Spiele
# 2008" MISC, the year inside)
def test_year_of_the_olympic_games_in_the_dative_and_olympia(nlp):
    text = "Sie wurde Siebte im Massenstart bei den Olympischen Winterspielen 2006 in Turin."  # biathlonword.com
    assert not dates_of(nlp, text, "2022-02-01")
    assert not dates_of(nlp, "Olympia 2022 - Zwei weitere Corona-Fälle", "2022-02-01")  # spox.com, a heading
    # an election's year stays a DATE (GUIDELINES), and so does a year after a verb
    assert dates_of(nlp, "Bei der Bundestagswahl 2005 hatten sie verloren.", "2022-02-01") == [("2005", "2005", "date")]
    assert dates_of(nlp, "Die Mannschaft trainierte 2006 in Turin.", "2022-02-01") == [("2006", "2006", "date")]
