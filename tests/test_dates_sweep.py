"""DATE constructions found by the coverage sweep on unlabelled text (issue 18, session 11:
`python -m training.experiments.date_sweep`, docs/measurements/dates_figures.md "DATE coverage sweep"), each on the sentence of a
Wikinews train article outside every rule dev set, the dev6 articles and the test split (id and
`published` in the comments). The language data each uses is named in its block."""
import json

import pytest

from figure_helpers import article_until, dates_of, model_dates, nlp  # noqa: F401  (nlp: the shared fixture)




# 1. a relative modifier before a month (the `month` pattern with the relative modifiers; dates.json
# "generic_month_articles"): the month strictly before/after publication's, HeidelTime's reading
def test_relative_modifier_and_month(nlp):
    text = ("Selbst die linksextreme Wochenzeitschrift „Jungle World“ hatte letzten September kritisiert, dass sie "
            "„für ihre unkritische Einstellung gegenüber Terrorgruppen“ wie der Hisbollah bekannt sei.")  # wn51747
    assert ("letzten September", "2007-09", "date") in dates_of(nlp, text, "2008-07-20")
    text = ("Es war das bisher stärkste Nachbeben seit dem Erdbeben vom vergangenen September, das jedoch trotz "
            "seiner größeren Intensität glimpflicher abgelaufen war.")  # wn66494
    assert ("vergangenen September", "2010-09", "date") in dates_of(nlp, text, "2011-02-22")
    # published in September, "letzten September" is a year back; "kommenden April" the next April
    assert ("letzten September", "2007-09", "date") in dates_of(nlp, "Er kam letzten September.", "2008-09-20")
    assert ("kommenden April", "2009-04", "date") in dates_of(nlp, "Er kommt im kommenden April.", "2008-07-20")
    # after an article a generic month: no DATE
    text = "Der letzte November mit vergleichbaren Zahlen liegt 15 Jahre zurück (1992)."  # wn45882
    assert not [d for d in dates_of(nlp, text, "2007-11-29") if "November" in d[0]]


# 2. written-out ordinals (dates.json "ordinal_words"): a day before a month, a century
def test_ordinal_words(nlp):
    text = "Am ersten Oktober sind Parlamentswahlen in Georgien."  # wn74006
    assert dates_of(nlp, text, "2012-09-21") == [("ersten Oktober", "2012-10-01", "date")]
    text = ("Die Kirche aus dem zwölften Jahrhundert brannte mehrere Stunden, erst am späten Nachmittag konnte die "
            "Feuerwehr den Brand unter Kontrolle bekommen.")  # wn27258
    assert ("zwölften Jahrhundert", "11", "date") in dates_of(nlp, text, "2006-05-22")
    # an ordinal before another noun stays no DATE
    assert not dates_of(nlp, "Die ersten Ergebnisse kamen im zweiten Anlauf.", "2006-05-22")


# 3. a two-digit decade with a hyphen before "er" (the `decade` pattern)
def test_decade_with_hyphen(nlp):
    text = ("Dänische Forscher aus dem Kopenhagener Botanik-Institut suchen seit den 90-er Jahren nach einer "
            "Möglichkeit, mit Hilfe der Gentechnologie den perfekten Weihnachtsbaum zu entwickeln.")  # wn2240
    assert ("90-er Jahren", "199", "date") in dates_of(nlp, text, "2004-12-24")


# 4. holidays: the New Year's Eve night, numbered Christmas days, a holiday of a relative year
# (dates.json "holidays")
def test_holiday_nights_and_numbered_days(nlp):
    text = "In der Silvesternacht gab es in Deutschland ein paar kleine Unfälle und Randale."  # wn46721
    assert dates_of(nlp, text, "2008-01-02") == [("Silvesternacht", "2007-12-31", "date")]
    text = "In der Silvesternacht 2005/06 ereignete sich ein Doppelmord in Iserlohn."  # wn25051
    # the night of the two years it joins, one DATE (dev16's gold of this article)
    assert dates_of(nlp, text, "2006-04-07") == [("Silvesternacht 2005/06", "2005-12-31", "date")]
    text = ("Der Anschlag des Flugzeugattentäters am 1. Weihnachtstag des vergangenen Jahres wurde dem "
            "jemenitischen Zweig zugeschrieben.")  # wn60335's construction
    assert ("1. Weihnachtstag des vergangenen Jahres", "2009-12-25", "date") in dates_of(nlp, text, "2010-01-06")


# 5. "seit heute", "ab heute" are the publication day whatever the verb (dates.json "heute_nowadays.day_prev");
# "bis heute" stays "nowadays"
def test_heute_after_seit_and_ab(nlp):
    assert dates_of(nlp, "Michael Jackson ist seit heute ein freier Mann.", "2005-06-13") == \
        [("heute", "2005-06-13", "date")]  # wn6196
    text = ("Der aktuelle, hochauflösende Vorführsender von EinsFestival ist ab heute wieder über Satellit zu "
            "empfangen.")  # wn54805
    assert dates_of(nlp, text, "2008-12-23") == [("heute", "2008-12-23", "date")]
    assert not dates_of(nlp, "Die Mordwaffe ist bis heute nicht aufgetaucht.", "2006-04-07")  # wn25051


# 6. "Vorabend": the day before the date named last (dates.json "relative_compounds", "anaphoric_compounds")
def test_vorabend(nlp):
    text = ("Als Beispiel nannte der Berliner das Regionalligaspiel FC Sachsen Leipzig gegen Erzgebirge Aue am "
            "14. Oktober 2000. Am Vorabend sei Hoyzer mit zwei der drei angesetzten Schiedsrichter und dem "
            "Vereinsbetreuer zunächst in eine Table-Dance-Bar gegangen.")  # wn3354
    assert ("Vorabend", "2000-10-13", "date") in dates_of(nlp, text, "2005-02-19")


# 7. a weekday after "darauffolgenden": the first such weekday after the date named last (was null); the
# articles' own text up to that sentence
@pytest.mark.parametrize("wid,upto,expected", [
    ("wn3560", "darauffolgenden Samstag", [("Freitag", "2005-02-25", "date"), ("darauffolgenden Samstag", "2005-02-26", "date")]),
    ("wn74142", "darauffolgenden Donnerstag", [("darauffolgenden Donnerstag", "2012-10-11", "date")]),
])
def test_following_weekday(nlp, wid, upto, expected):
    text, published = article_until(wid, upto)
    ds = dates_of(nlp, text, published)
    assert all(e in ds for e in expected), ds


# 8. a bare month after "auf"/"vor" (dates.json "month_triggers")
def test_month_after_auf_and_vor(nlp):
    text = ("Diese Situation entstand, weil die Republikanische Partei dieses Bundesstaates im März die Regeln für die "
            "Ermittlung der Delegiertenstimmen änderte, nachdem die Partei auf nationaler Ebene entschieden hatte, die "
            "Delegationen aus jenen Bundesstaaten zu bestrafen, die vor März festgelegt wurden.")  # wn72118
    assert [d for d in dates_of(nlp, text, "2012-03-23") if d[0] == "März"] == [("März", "2012-03", "date")] * 2
    text = "Die Verhandlungen waren am 27. August nach drei Tagen ohne Ergebnis auf Oktober vertagt worden."  # wn77285
    assert "Oktober" in [d[0] for d in dates_of(nlp, text, "2014-08-29")]


# 9. precision: a year inside a named event, after the group it is for (dates.json "event_name_groups"), a cup
# or finals ("event_name_heads"); a number after an identifier that heads a compound ("UN-Resolution 1612",
# identifiers.json through `is_bare_year`)
def test_years_in_names_and_identifiers(nlp):
    text = ("Dafür soll Deutschland seinerseits das Nachbarland bei der Bewerbung zur Europameisterschaft der Frauen "
            "2013 unterstützen.")  # wn45213
    assert not dates_of(nlp, text, "2007-10-30")
    text = ("Damit gelang es dem Verein mit einem 1:0-Sieg über Eintracht Frankfurt im Endspiel des DFB-Pokals 2006, "
            "als erste Mannschaft den Titel zu verteidigen.")  # wn25991
    assert not [d for d in dates_of(nlp, text, "2006-05-01") if d[0] == "2006"]
    text = "Im Westen werden sich San Antonio durchsetzen und die NBA Finals 2007 bestreiten."  # wn41379
    assert not dates_of(nlp, text, "2007-05-19")
    text = ("Der Bericht ist der zweite Länderbericht dieser Art, der auf die UN-Resolution 1612 vom Juli 2005 "
            "zurückgeht.")  # wn31955
    assert dates_of(nlp, text, "2006-08-23") == [("Juli 2005", "2005-07", "date")]
    # a year after an ordinary noun stays a year
    assert ("1910", "1910", "date") in dates_of(nlp, "Das Rathaus wurde 1910 erbaut.", "2006-08-23")


# 10. an election and its year that the model took for a name (ner_rules.json "election_heads"): the name
# goes, the year is a DATE (elections are generic events, annotations/GUIDELINES.md)
def test_election_year_kept(nlp_model):
    text = ("Als Spitzenkandidat der Grünen holte er bei der Landtagswahl 2008 mit 9,4 Prozent das bisher beste "
            "Ergebnis für die Grünen in Bayern.")  # wn63500
    assert ("2008", "2008") in model_dates(nlp_model, text, "2010-08-19")


# 11. "heute" before the participle of a stative verb is "nowadays" (dates.json "heute_nowadays.stative_participles");
# before an event's participle it is the day
def test_heute_before_stative_participle(nlp):
    text = "In der Lebensweise ähnelte ''Titanoboa'' wahrscheinlich der heute in Südamerika lebenden Anakonda."  # wn55776
    assert not dates_of(nlp, text, "2009-02-05")
    text = ("Auf der heute in München stattfindenden Sicherheitskonferenz mit internationaler Beteiligung kam es zu "
            "einem verbalen Schlagabtausch.")  # wn21450
    assert dates_of(nlp, text, "2006-02-04") == [("heute", "2006-02-04", "date")]
    assert dates_of(nlp, "Die Firma gab heute bekannt, dass sie schließt.", "2006-02-04") == [("heute", "2006-02-04", "date")]


# the sweep itself (training/experiments/date_sweep.py): a trigger inside a DATE is not counted, one outside
# is, by its named class; the dev6 articles are never among the Wikinews documents
def test_sweep_counts_triggers_outside_dates(nlp):
    from training.experiments.date_sweep import Sweep

    sw = Sweep()
    text = ("Selbst die Wochenzeitschrift hatte letzten September kritisiert, dass sie zu viel zahlt. In der 70. Minute "
            "schoss Michael Bradley das 0:2.")  # wn51747, wn64617
    doc = nlp.make_doc(text)
    doc._.published = "2008-07-20"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    sw.add(doc, "wikinews", examples=1)
    assert sw.classes[("minute of a match (in der 70. Minute: no DATE)", "wikinews")] == 1
    assert sw.classes[("relative modifier + month", "wikinews")] == 0
    assert not any(trig == "september" for _, trig, _ in sw.missed)


def test_sweep_month_classes_use_the_month_names_of_the_data():
    """The month classes match every month name of dates.json (no list of their own): "Jänner" too."""
    from pipeline.nlp.normalize import lang_data
    from training.experiments.date_sweep import Sweep

    names = [k for k in lang_data("dates.json")["months"] if not k.endswith(".")]
    assert "jänner" in names
    sw = Sweep()
    for name in names:
        sw.classify("missed", f"hatte letzten [{name.capitalize()}] kritisiert", "wikinews", "t")
        sw.classify("missed", f"auf [{name.capitalize()}] verschoben", "wikinews", "t")
    assert sw.classes[("relative modifier + month", "wikinews")] == len(names)
    assert sw.classes[("auf/vor + bare month", "wikinews")] == len(names)
    sw.classify("missed", "hatte letzten [Jahrestag] kritisiert", "wikinews", "t")  # no month: not counted
    assert sw.classes[("relative modifier + month", "wikinews")] == len(names)


def test_sweep_never_reads_dev6():
    from pathlib import Path

    from pipeline.evaluate.rules import RULE_DEV_SETS
    from pipeline.paths import ANNOTATIONS, SHARED_DATA
    from training.experiments.date_sweep import rule_dev_ids, wikinews_items

    if not (Path(SHARED_DATA) / "news" / "wikinews_de.jsonl.gz").exists():
        pytest.skip("shared Wikinews data not available")
    dev6 = set(json.loads((ANNOTATIONS / "news" / "dev6.json").read_text(encoding="utf-8"))["ids"])
    # every rule dev set of train articles is left out, dev6 among them
    assert dev6 <= rule_dev_ids() and {f"dev{k}" for k in range(2, 8)} <= set(RULE_DEV_SETS)
    ids = {ctx["id"] for _, ctx in wikinews_items(SHARED_DATA)}
    assert ids and not ids & rule_dev_ids()
    # all other train articles are read: the train split less the rule dev sets (792 - 30 per set)
    train = set(json.loads((ANNOTATIONS / "news" / "splits.json").read_text(encoding="utf-8"))["train"])
    assert ids == train - rule_dev_ids()


# 12. a country's national day (a DATE by the guidelines, dates.json "national_days"): the country the article names
# most often, the year by tense; the next one after "bevorstehende"
def test_national_day(nlp):
    text, published = article_until("wn77466", "Der bevorstehende Nationalfeiertag")  # China, 2014-09-29
    ds = [d for d in dates_of(nlp, text, published) if d[0].endswith("Nationalfeiertag")]
    # session 13 (dev10 gold): the word that makes it the next one is inside the span
    assert ds == [("Nationalfeiertag", "2014-10-01", "date"), ("bevorstehende Nationalfeiertag", "2014-10-01", "date")]
    # no country named: a DATE without a value
    assert dates_of(nlp, "Am Nationalfeiertag gab es Paraden.", "2016-10-20") == [("Nationalfeiertag", None, "date")]


def test_sweep_names_an_unknown_source_before_loading_the_model(monkeypatch, capsys):
    import pipeline.nlp
    from training.experiments import date_sweep

    monkeypatch.setattr(pipeline.nlp, "load_nlp", lambda *a, **k: pytest.fail("the model was loaded"))
    with pytest.raises(SystemExit) as e:
        date_sweep.main(["--sources", "wikinews,wiki"])
    assert e.value.code == 2 and "--sources wiki: unknown" in capsys.readouterr().err
