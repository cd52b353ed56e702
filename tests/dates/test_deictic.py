""""heute", "gestern", "morgen" and their adjectives ("heutigen", "gestrigen", "morgigen", "diesjährige"):
the day they name, a restatement of it ("für morgen (Mittwoch)"), or "nowadays" (no DATE) by the clause
and the noun after them (dates.json "heute_nowadays", "deictic_adjective_nouns", "deictic_adjectives_any_noun")."""
import pytest

from figure_helpers import date_values, dates_of, model_dates


# origin: session 12, DATE classes (an id without a set: a train article outside the rule dev sets)
# "für morgen" is tomorrow (dates.json "morgen_noun_after" no longer holds "für"), and a weekday or a day
# and month that restates a deictic day is that day (dates.json "apposition_links")
def test_fuer_morgen_and_its_restatement(nlp):
    text = ("Für morgen (Mittwoch) haben die in dem Bündnis organisierten politischen Kräfte eine Massenkundgebung "
            "in Bangkok angekündigt, zu der 100.000 Menschen erwartet werden.")  # wn56998 (dev7 gold)
    assert dates_of(nlp, text, "2009-04-07") == [("morgen", "2009-04-08", "date"), ("Mittwoch", "2009-04-08", "date")]
    text = ("Eine für morgen, den 20. September, geplante Demonstration von Schwulen, Lesben und Transgendern in der "
            "Belgrader Innenstatt ist heute aus Sicherheitsgründen abgesagt worden.")  # wn58874
    assert dates_of(nlp, text, "2009-09-19")[:2] == [("morgen", "2009-09-20", "date"), ("20. September", "2009-09-20", "date")]


# origin: session 12, DATE classes (an id without a set: a train article outside the rule dev sets)
def test_restatement_that_does_not_fit_keeps_its_own_value(nlp):
    # a weekday that is not the deictic day keeps the value its clause gives it
    ds = dates_of(nlp, "Für morgen (Freitag) haben die Anhänger eine Kundgebung angekündigt.", "2009-04-07")
    assert ("morgen", "2009-04-08", "date") in ds
    assert [d for d in ds if d[0] == "Freitag"] and [d for d in ds if d[0] == "Freitag"][0][1] != "2009-04-08"


# origin: session 12, DATE classes (an id without a set: a train article outside the rule dev sets)
# "Wie heute bekannt wurde": a clause-initial "wie" opens a clause whose verb decides (dates.json
# "heute_nowadays.prev_comparison_only"); "damals wie heute" stays "nowadays"
def test_wie_heute_bekannt_wurde(nlp):
    text = ("Von bis zu 130.000 Todesopfern ist die Rede. Wie heute bekannt wurde, sind in dem am schwersten "
            "betroffenen Gebiet 95 Prozent der Häuser zerstört worden.")  # wn50226 (dev4 gold)
    assert ("heute", "2008-05-16", "date") in dates_of(nlp, text, "2008-05-16")
    assert not dates_of(nlp, "Der Karneval ist damals wie heute ein Fest der Straße.", "2008-05-16")
    assert not dates_of(nlp, "Er sagte, wie heute üblich, nichts.", "2008-05-16")


# origin: session 12, DATE classes (an id without a set: a train article outside the rule dev sets)
# an inflected participle before its noun is an adjective, no perfect tense cue (dates/tense.py
# TenseDetector._participle): "heute" with a stative "ist" stays "nowadays"
def test_attributive_participle_is_no_perfect(nlp):
    text = ("Während anfangs nur eine kleine Gruppe von Teilnehmern zu Fuß durch die Straßen zog, ist der Karneval "
            "heute eine Massenveranstaltung mit über hundert bunt geschmückten Festwagen.")  # wn50115 (dev4 gold)
    assert not dates_of(nlp, text, "2008-05-12")
    # a participle at the end of its clause still makes a perfect
    assert dates_of(nlp, "Die Polizei hat heute die gestohlenen Autos gefunden.", "2008-05-12") == \
        [("heute", "2008-05-12", "date")]


# origin: session 13, dev8/dev9 errors (round 2: dev10)
# "diesjährige(n)" alone is the publication year (dates.json "deictic_year_adjectives"); dev8, dev9 gold
@pytest.mark.parametrize("text,published,expected", [
    ("Der diesjährige Kurator Mohammed Amjahid hat internationale Gäste eingeladen.", "2018-03-17",
     ("diesjährige", "2018", "date")),  # wn82340 (dev8)
    ("Im Vorfeld der diesjährigen Veranstaltung hatten Rihanna und Pink einen Auftritt abgesagt.", "2019-09-29",
     ("diesjährigen", "2019", "date")),  # wn83589 (dev9)
])
def test_this_years_adjective(nlp, text, published, expected):
    assert expected in dates_of(nlp, text, published)


# origin: session 13, dev8/dev9 errors (round 2: dev10)
# "heutigen" before the act of one day (dates.json "deictic_adjective_nouns": zusammenkunft, rücktritt,
# verlegung); dev8, dev9 gold; "im heutigen Deutschland" stays "nowadays"
@pytest.mark.parametrize("text,published,expected", [
    ("Mit ihrem heutigen Rücktritt endet vorläufig eine von Beobachtern als beispiellos bezeichnete Karriere.",
     "2008-07-08", ("heutigen", "2008-07-08", "date")),  # wn59410 (dev9)
    ("Nach der heutigen Verlegung sind in der Stadt insgesamt 423 Stolpersteine verlegt.", "2019-07-12",
     ("heutigen", "2019-07-12", "date")),  # wn83285 (dev8)
])
def test_today_adjective_before_an_act(nlp, text, published, expected):
    assert expected in dates_of(nlp, text, published)


# origin: session 13, dev8/dev9 errors (round 2: dev10)
def test_today_adjective_nowadays(nlp):
    assert dates_of(nlp, "Die Stadt liegt im heutigen Deutschland.", "2019-07-12") == []


# origin: session 14, dev11 errors
# "gestrigen"/"morgigen" alone before any noun are the day (dates.json "deictic_adjectives_any_noun");
# "heutigen" only before the nouns of deictic_adjective_nouns (nowadays elsewhere)
@pytest.mark.parametrize("text,published,expected", [
    ("Der FC Bayern München hat sich nach der Niederlage am Freitag und dem gestrigen 0:0-Remis im Heimspiel gegen "
     "den VfL Bochum von Trainer Felix Magath getrennt.", "2007-01-31", ("gestrigen", "2007-01-30", "date")),  # wn37718
    ("Die Thaksin-Anhänger, die sich anschickten, an der morgigen Massenkundgebung zum Sturz der amtierenden "
     "Regierung teilzunehmen, wurden festgenommen.", "2009-04-07", ("morgigen", "2009-04-08", "date")),  # wn56998 (dev7)
    ("Der gestrige Straßenumzug war der Höhepunkt eines das ganze Wochenende andauernden Straßenfestes.",
     "2008-05-12", ("gestrige", "2008-05-11", "date")),  # wn50115 (dev4, re-marked in session 14)
])
def test_yesterdays_and_tomorrows_before_a_noun(nlp, text, published, expected):
    assert expected in dates_of(nlp, text, published)


# origin: session 14, dev11 errors
def test_yesterdays_before_a_weekday_stays_one_span(nlp):
    assert dates_of(nlp, "Die Colombo Express ist am gestrigen Freitag in Hamburg eingelaufen.", "2005-04-30") == \
        [("gestrigen Freitag", "2005-04-29", "date")]


# origin: session 34, the unseen Wikinews train sample: "vorgestrigen" before a weekday as "gestrigen" (dates.json
# "deictic_modifiers")
def test_day_before_yesterdays_weekday_is_one_span(nlp):
    text = ("Am vorgestrigen Donnerstag wollte ein Autofahrer den Bahnübergang an der Kasseler Straße Schenkebier "
            "Stanne überqueren.")  # wn4833, published on Saturday 2005-04-23
    assert dates_of(nlp, text, "2005-04-23") == [("vorgestrigen Donnerstag", "2005-04-21", "date")]
    assert dates_of(nlp, "Das Finale findet am übermorgigen Sonntag statt.", "2005-04-22") == [
        ("übermorgigen Sonntag", "2005-04-24", "date")]


# origin: session 14, dev11 errors
def test_heutigen_before_any_noun_stays_nowadays(nlp):
    assert dates_of(nlp, "Die Stadt liegt im heutigen Polen.", "2008-05-12") == []


# origin: session 15, dev12 and dev11 errors
# "heutigen" before a decision of the day (dates.json "deictic_adjective_nouns")
def test_todays_decision(nlp):
    text = ("Die deutsche Bundeskanzlerin Merkel begrüßte den heutigen Beschluss der IAEA und griff den Iran mit "
            "ungewöhnlich scharfen Formulierungen an.")  # wn21450 (dev12)
    assert dates_of(nlp, text, "2006-02-04") == [("heutigen", "2006-02-04", "date")]
    assert dates_of(nlp, "Die heutigen Standards sind streng.", "2006-02-04") == []


# origin: session 24 (s24-dates2), dev15 error and 10kGNAD
# "heutigen" before a visit or a game of the day (dates.json "deictic_adjective_nouns"); it was no DATE
@pytest.mark.parametrize("text, published, expected", [
    ("Im Vorfeld des heutigen Besuchs der „Troika“ in Athen hat der IWF jedoch keine öffentliche Stellungnahme "
     "abgegeben.", "2012-07-24", [("heutigen", "2012-07-24", "date")]),  # wn73475 (dev15 gold)
    ("Die heutige Partie war meine stärkste hier in Buenos Aires bisher, obwohl es immer etwas unangenehm ist, "
     "gegen einen Freund und Doppel-Partner anzutreten.", "2016-03-15", [("heutige", "2016-03-15", "date")]),  # gnad371 (10kGNAD)
    ("Aber die heutige Niederlage war eine von Lee Sedol, nicht der Menschheit, sagte er.", "2016-03-15",
     [("heutige", "2016-03-15", "date")]),  # gnad410 (10kGNAD)
])
def test_todays_visit_and_game(nlp, text, published, expected):
    assert dates_of(nlp, text, published) == expected


# origin: session 31, Wikinews wn17060 (a fourth unseen Wikinews sample)
def test_todays_appearance_is_the_day(nlp):
    # wn17060 (published 2005-12-09): an appearance, like a visit or a meeting, is the day's own thing
    got = dates_of(nlp, "Bei ihrem heutigen Auftritt in Brüssel bei einem Treffen der NATO-Außenminister sagte Rice, "
                        "die USA hielten sich an die Anti-Folterkonvention.", "2005-12-09")
    assert ("heutigen", "2005-12-09", "date") in got
    # "nowadays" stays no DATE
    assert not dates_of(nlp, "In der heutigen Zeit ist dieses Thema wieder aktuell.", "2005-12-09")


# origin: session 15, dev12 and dev11 errors
# "heute": a conjunct of its own decides (heute_nowadays "conjunct_links"); "bis heute" of an event that ends
# today ("until_day_verbs")
def test_heute_in_a_stative_conjunct_is_nowadays(nlp):
    text = ("Nach dem ersten großen Erfolg wurde die Methode der In-Vitro-Fertilisation rasch verfeinert und ist heute "
            "eines der Standardverfahren in der Reproduktionsmedizin.")  # wn40269 (dev12)
    assert dates_of(nlp, text, "2007-04-11") == []
    # a conjunct in the past keeps the day
    assert dates_of(nlp, "Der Minister traf in Berlin ein und wurde heute von Merkel empfangen.", "2007-04-11") == \
        [("heute", "2007-04-11", "date")]


# origin: session 15, dev12 and dev11 errors
def test_heute_conjunct_with_the_trained_model(nlp_model):
    # with a tagger any verb opens the conjunct (the path of the full pipeline)
    text = ("Nach dem ersten großen Erfolg wurde die Methode der In-Vitro-Fertilisation rasch verfeinert und ist heute "
            "eines der Standardverfahren in der Reproduktionsmedizin.")  # wn40269 (dev12)
    assert dates_of(nlp_model, text, "2007-04-11") == []
    assert dates_of(nlp_model, "Der Minister traf in Berlin ein und wurde heute von Merkel empfangen.", "2007-04-11") == \
        [("heute", "2007-04-11", "date")]


# origin: session 15, dev12 and dev11 errors
def test_bis_heute_of_a_meeting_is_the_day(nlp):
    text = ("Die Details wurden am Mittwoch im Rahmen eines Treffens der britischen Astronomen bekanntgegeben, das "
            "bis heute in Belfast stattfindet.")  # wn49443 (dev12)
    assert ("heute", "2008-04-04", "date") in dates_of(nlp, text, "2008-04-04")
    assert dates_of(nlp, "Die Gemälde sind bis heute verschwunden.", "2008-04-04") == []  # wn22065 (dev)
    assert "heute" not in [t for t, _, _ in dates_of(nlp, "Das Festival, das seit 1990 bis heute stattfindet.", "2008-04-04")]


# origin: session 10, dev4/dev5 errors (an id without a set: a train article)
# a deictic adjective alone before a noun of the day's own thing (dates.json "deictic_adjective_nouns")
def test_deictic_adjective_alone(nlp):
    text = ("Das berichtet die Financial Times Deutschland unter Berufung auf Unternehmenskreise in ihrer "
            "heutigen Ausgabe.")  # wn60304
    assert dates_of(nlp, text, "2010-01-05") == [("heutigen", "2010-01-05", "date")]
    # nowadays: no DATE
    assert not dates_of(nlp, "Das Gebiet liegt im heutigen Deutschland.", "2010-01-05")


# origin: session 9, dev3 errors (an id without a set: dev3)
@pytest.mark.parametrize("text,expected", [
    # "heute" before an age is nowadays (dates.json heute_nowadays next_suffixes; wn12953 dev3)
    ("Johannes Paul II. hatte dem heute 77-jährigen Küng, der in Tübingen lebt, aber aus der Schweiz stammt, im Jahr "
     "1979 die Lehrerlaubnis entzogen.", [("Jahr 1979", "1979", "date")]),
    # an attributive participle is no past verb: "schon heute" in a present clause is nowadays (wn40335 dev3)
    ("Die taz vermutet, dass der automatisierte Zugriff auf diese Daten schon heute üblich ist.", []),
    # "heute als" is the day in a past clause (wn60764 dev3), nowadays in a present one
    ("Zwei Männer, die im Oktober von einem iranischen Gericht zum Tod durch den Strang verurteilt worden waren, wurden "
     "heute als „Feinde Gottes“ hingerichtet.", [("Oktober", "2009-10", "date"), ("heute", "2010-01-28", "date")]),
    ("Das Gebäude, das heute als Museum dient, wurde 1900 gebaut.", [("1900", "1900", "date")]),
])
def test_heute_nowadays_or_today(nlp_model, text, expected):
    assert dates_of(nlp_model, text, published="2010-01-28") == expected


# origin: session 11, dev7 errors
@pytest.mark.parametrize("text, published, expected", [
    # a part of a day after a deictic adjective (wn37082, dev7)
    ("Am gestrigen Vormittag korrigierte Amazon jedoch den Fehler.", "2007-01-12", [("gestrigen Vormittag", "2007-01-11")]),
    # "im ablaufenden Jahr": the current year (wn54964, dev7), like "im laufenden Jahr"
    ("263 Journalisten wurden im ablaufenden Jahr in Afrika auf Veranlassung von staatlichen Behörden festgenommen.",
     "2008-12-30", [("ablaufenden Jahr", "2008")]),
])
def test_deictic_days_dev7(nlp_model, text, published, expected):
    assert date_values(nlp_model, text, published) == expected


# origin: session 25 (s25-dates), dev10 wn43134 (published on a Sunday, 2007-07-29): the weekend of publication is
# not over, so "vom vergangenen Wochenende" is the one before (gold 2007-W29-WE, was the running W30); on a Monday it
# is the weekend just ended (dev6 wn72779 gold 2012-W20-WE)
@pytest.mark.parametrize("published,text,expected", [
    ("2007-07-29", "Von den ehemaligen TRT-Mandatsträgern wurde Aufklärung darüber verlangt, ob sie mit den "
     "gewalttätigen Demonstrationen vom vergangenen Wochenende etwas zu tun hätten.",
     [("vergangenen Wochenende", "2007-W29-WE", "date")]),
    ("2012-05-21", "Am vergangenen Wochenende trafen sich in Frankfurt am Main mehrere tausend Menschen.",
     [("vergangenen Wochenende", "2012-W20-WE", "date")]),
])
def test_past_weekend_published_on_a_sunday(nlp, published, text, expected):
    assert dates_of(nlp, text, published) == expected


# origin: session 33, web page jugend-forscht.de (an unseen sample of web pages and Wikinews)
def test_heute_before_an_attributive_adjective_is_nowadays(nlp_model):
    # web jugend-forscht.de (a release of 2021-11-02): "heute" describes the solutions as they are nowadays
    assert model_dates(nlp_model, "Die beiden Jungforscherinnen suchten nach einer kostengünstigen Alternative zu den "
                                  "heute zumeist verwendeten Vanadiumlösungen.", "2021-11-02") == []
    assert model_dates(nlp_model, "Dazu kommt die heute übliche Kommunikationstechnik.", "2021-11-02") == []
    # a participle may tell the day's act; another adverb or a phrase between keeps the day
    day = [("heute", "2021-11-02")]
    assert model_dates(nlp_model, "Die heute veröffentlichte Studie zeigt einen Anstieg.", "2021-11-02") == day
    assert model_dates(nlp_model, "Die heute erstmals stattfindende Messe ist ausgebucht.", "2021-11-02") == day
    assert model_dates(nlp_model, "Auf der heute in München stattfindenden Sicherheitskonferenz kam es zu Protesten.",
                       "2021-11-02") == day


# origin: session 28 (s28-dates), an unseen sample of 10kGNAD and web pages labelled by hand: "heute" in a present
# clause with a generic subject ("man", or "wer" opening the clause) is "nowadays", no DATE (dates.json
# heute_nowadays generic_subjects, generic_clause_openers). The 10kGNAD and web sentences are read at run time.
@pytest.mark.parametrize("name,key,doc_id,sentence_key", [
    ("web_pages_de.jsonl.gz", "file", "tests/eval/verivox.de.finanzierung.html", "Wer heute ein Auto kaufen"),
    ("10kgnad_test.jsonl.gz", "id", "gnad720", "Zwar nimmt man ihm"),
])
def test_heute_with_a_generic_subject_is_nowadays(nlp_model, name, key, doc_id, sentence_key):
    from repo_data import news_row

    row = news_row(name, key, doc_id)
    text = row.get("text") or row["markdown_extract"]
    i = text.index(sentence_key)
    sentence = text[text.rfind(".", 0, i) + 1: text.find(".", i) + 1].strip()
    assert "heute" in sentence
    assert not [d for d in dates_of(nlp_model, sentence, published="2016-03-15") if d[0].lower() == "heute"]


def test_heute_with_a_definite_subject_stays_the_day(nlp_model):
    # wn3552 (published 2005-02-27): a present clause without a generic subject keeps the publication day
    assert dates_of(nlp_model, "Im Schweizer Kanton Solothurn wird heute eine neue Regierung und ein neues Parlament "
                    "gewählt.", published="2005-02-27") == [("heute", "2005-02-27", "date")]


# review of the generic-subject class (session 28): "man" or a clause-opening "wer" alone is no cue; a report of
# the day has them too. They make "heute" "nowadays" only with a subjunctive or "möchte" in the clause, or a
# "no longer" ("nicht mehr"): the two sentences above still lose their DATE, these keep it (the reviewer's)
@pytest.mark.parametrize("text", [
    "Im Bundestag entscheidet man heute über das neue Gesetz.",
    "In Paris zieht man heute Bilanz.",
])
def test_heute_with_man_in_a_report_of_the_day_stays_the_day(nlp_model, text):
    assert dates_of(nlp_model, text, published="2022-06-01") == [("heute", "2022-06-01", "date")]


# origin: session 36, an unseen sample of web pages (orsted.de, leukefeld-handball.de): "heute" followed in its clause
# by an adverb of frequency or extent means "nowadays" in a present clause (dates.json heute_nowadays
# frequency_adverbs); a past clause or a comma before the adverb keeps the day
def test_heute_before_an_adverb_of_frequency_is_nowadays(nlp_model):
    assert model_dates(nlp_model, "Heute wird Wasserstoff häufig als Ausgangsmaterial für die Ammoniakproduktion "
                                  "(hauptsächlich für Düngemittel), zur Raffination und für andere chemische Prozesse "
                                  "verwendet.", "2021-11-02") == []  # orsted.de
    assert model_dates(nlp_model, "Nach unzähligen Erfolgen auf internationaler Ebene und auch als Bundestrainer, arbeitet "
                                  "Dago Leukefeld heute schwerpunktmäßig mit Kindern und Jugendlichen.",
                       "2021-11-02") == []  # leukefeld-handball.de
    day = [("heute", "2021-11-02")]
    assert model_dates(nlp_model, "Heute wurde im Landtag oft gelacht.", "2021-11-02") == [("Heute", "2021-11-02")]
    assert model_dates(nlp_model, "Der Minister sagte heute, man werde häufig kontrollieren.", "2021-11-02") == day
