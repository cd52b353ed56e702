"""Ages: FIGUREs with unit year about "Alter", not durations: ranges after a noun of an age or of people, "mit
zwölf", "mit nur 65 Jahren", "ab 18 Jahren", a number in brackets after a person (and none after a place or a
thing), compounds of "Alter" (measures.json "age_nouns", "age_compounds")."""
import pytest

from figure_helpers import GNAD, date_values, dates_of, doc_figs, fig_rows, figs, model_figs


# ages in a range after a noun of an age or of people (measures.json "age_nouns"): FIGUREs with
# unit year, about Alter, not durations
AGES = [
    ("wn72243", "2012-04-13", "Das entspricht einem saisonbereinigten Anteil von 10,8 Prozent der Gesamtbevölkerung im Alter "
     "zwischen 15 und 74 Jahren. Am stärksten betroffen sind mit 21,6 Prozent junge Erwachsene unter 25 Jahren.",
     [("15", 15, "year", "Alter"), ("74 Jahren", 74, "year", "Alter"), ("25 Jahren", 25, "year", "Alter")]),
    ("wn72243", "2012-04-13", "Unter Jugendarbeitslosigkeit wird bei Eurostat die Altersgruppe von 15 bis 24 Jahren erfasst.",
     [("15", 15, "year", "Alter"), ("24 Jahren", 24, "year", "Alter")]),
    ("wn74419", "2012-12-05", "Laut einem Bericht des niederländischen Innenministeriums vom November 2011 wurden 40 Prozent aller "
     "männlichen marokkanischen Einwanderer im Alter zwischen 12 und 24 Jahren innerhalb der letzten fünf Jahre wegen "
     "Straftaten verhaftet.",
     [("12", 12, "year", "Alter"), ("24 Jahren", 24, "year", "Alter")]),
    ("wn74419", "2012-12-05", "Eine Abseitsentscheidung verärgerte drei jugendliche Fußballspieler im Alter von fünfzehn bis "
     "sechzehn Jahren so sehr, dass sie nach dem Spiel auf den Linienrichter eintraten.",
     [("fünfzehn", 15, "year", "Alter"), ("sechzehn Jahren", 16, "year", "Alter")]),
    ("gnad21", GNAD, "Dort sollen Männer im Alter zwischen 15 und 60 Jahren darin ausgebildet werden, ihre Aufgabe beim "
     "Kampf um die Befreiung zu erfüllen.",
     [("15", 15, "year", "Alter"), ("60 Jahren", 60, "year", "Alter")]),
]


def _run(nlps, text, published):
    return [f[:4] for f in figs(nlps, text, published)], dates_of(nlps, text, published)


# origin: session 10, dev4 errors (an id: a dev4 article or German news outside the rule dev sets)
@pytest.mark.parametrize("pipeline", ["blank", "model"])
@pytest.mark.parametrize("source,published,text,expected", AGES, ids=[c[0] for c in AGES])
def test_ages_in_a_range(request, pipeline, source, published, text, expected):
    # with the parse and without it (the blank pipeline: capitalisation and the lemma table)
    fs, ds = _run(request.getfixturevalue("nlp" if pipeline == "blank" else "nlp_model"), text, published)
    for e in expected:
        assert e in fs
    assert not {d[0] for d in ds} & {e[0] for e in expected}  # no duration over an age


# origin: session 9, dev3 errors (an id without a set: dev3)
def test_age_after_mit(nlp_model):
    # wn67548: "mit zwölf" before the verb is an age (unit year, about Alter); "mit zwei Toren" is none
    assert model_figs(nlp_model, "Über sich sagte Massino, mit zwölf habe er Brieftauben gestohlen.") == \
        [("zwölf", 12, "year", "Alter")]
    assert model_figs(nlp_model, "Die Mannschaft gewann mit zwei Toren Vorsprung.")[0][2] is None
    # inside a clause "mit" + a number before the participle is no age (10kGNAD, a news report)
    assert model_figs(nlp_model, "Am Dienstag war die Zahl der bei dem Anschlag Getöteten mit vier angegeben worden.")[0][2] is None
    assert model_figs(nlp_model, "Mit 18 darf man wählen.")[0][2] == "year"


# origin: session 11, dev6 errors
def test_age_after_mit_unchanged(nlp_model):
    """The bare age after "mit" before the verb stays an age (wn67548, dev3)."""
    got = doc_figs(nlp_model, "Über sich sagte Massino, mit zwölf habe er Brieftauben gestohlen, in den sechziger Jahren "
                              "habe er sich mit Schutzgelderpressung, Überfällen und schließlich mit Mord beschäftigt.")
    assert got == [("zwölf", 12, "year", "Alter")]


# origin: session 11, dev6 errors
def test_ages_in_brackets_after_people(nlp_model):
    """Years in brackets right after a noun of people are ages, a list sharing the last one's unit
    (wn5352, dev6; measures.json age_nouns), not durations."""
    got = doc_figs(nlp_model, "Ein 58jähriger Vater hat mit einem Messer auf seine drei Töchter (fünf, sechs und zehn Jahre) "
                              "eingestochen, bevor er sich selbst mehrere Stiche zufügte.")
    assert got == [("drei", 3, None, "Tochter"), ("fünf", 5, "year", "Alter"), ("sechs", 6, "year", "Alter"),
                   ("zehn Jahre", 10, "year", "Alter")]


# origin: session 11, dev7 errors
def test_bracketed_counts_after_places_are_no_ages(nlp_model):
    # a number in brackets after a place is no age: the list's first item names what is counted,
    # the bare counts after it take that noun (wn54964, dev7; annotators' call)
    text = ("Regierungen folgender Länder gehen mit Pressezensur gegen eine kritische Berichterstattung vor "
            "(in Klammern die jeweils von ROG genannte Fallzahlen von Zensur): China (132 Fälle von Zensur), "
            "Myanmar (85), Iran (27), Malaysia (25), Bolivien (20), Pakistan (19).")
    assert fig_rows(nlp_model, text) == [("132", 132, None, "Fall"), ("85", 85, None, "Fall"), ("27", 27, None, "Fall"),
                                         ("25", 25, None, "Fall"), ("20", 20, None, "Fall"), ("19", 19, None, "Fall")]


# origin: session 11, dev7 errors
@pytest.mark.parametrize("text, age", [
    # a person's name before the bracket stays an age (the rule's own cases)
    ("Peter Paul Michalski (46) wurde festgenommen.", ("46", 46, "year", "Alter")),
])
def test_bracketed_age_after_a_person(nlp_model, text, age):
    assert age in fig_rows(nlp_model, text)


# origin: session 11, dev7 errors
def test_age_with_an_adverb_after_im_alter_von(nlp_model):
    # "im Alter von inzwischen 58, 60 und 65 Jahren": ages, no durations (wn54074, dev7)
    text = ("Wegen Mordes an einem Postbeamten vor 31 Jahren mussten sich drei Männer im Alter von inzwischen "
            "58, 60 und 65 Jahren vor dem Landgericht in Osnabrück verantworten.")
    figs = fig_rows(nlp_model, text)
    assert [f for f in figs if f[3] == "Alter"] == [("58", 58, "year", "Alter"), ("60", 60, "year", "Alter"),
                                                    ("65 Jahren", 65, "year", "Alter")]
    assert [d for d, _ in date_values(nlp_model, text)] == ["31 Jahren"]


# origin: session 15, dev12 errors (an id without a set: dev12)
def test_bracketed_age_after_a_singular_noun(nlp_model):
    # wn45074; dev9 wn29640
    got = figs(nlp_model, "Der angeklagte, drogensüchtige Ziehvater (43) verweigerte zum Prozessauftakt die Aussage.")
    assert [(f[0], f[2], f[3]) for f in got] == [("43", "year", "Alter")]
    got = figs(nlp_model, "Der Fahrer (33) wurde am Montag einem Richter vorgeführt.")
    assert [(f[0], f[2], f[3]) for f in got] == [("33", "year", "Alter")]


# origin: session 15, dev12 errors (an id without a set: dev12)
def test_bracketed_count_after_a_thing_is_no_age(nlp_model):
    # guard: "die" opens a plural too, and a noun of no person keeps a count
    for text in ("Die Anträge (43) wurden vom Gericht abgelehnt.", "Der Antrag (43) wurde vom Gericht abgelehnt."):
        assert all(f[2] != "year" for f in figs(nlp_model, text))


# origin: session 12 review fix, on the reviewer's sentence
# only real compounds of "Alter" (measures.json "age_compounds": `min_prefix`, `not_endings`) make
# years after "auf" an age; "von X auf Y" after one is two ages
@pytest.mark.parametrize("text, expected", [
    ("Der Aufsichtsrat hat den Insolvenzverwalter auf fünf Jahre bestellt.", [("fünf Jahre", "P5Y", "duration")]),
    ("Die Mitglieder wählten Walter auf drei Jahre.", [("drei Jahre", "P3Y", "duration")]),
])
def test_words_ending_in_alter_are_no_age(nlp, text, expected):
    assert dates_of(nlp, text, "2010-01-01") == expected
    assert not figs(nlp, text, "2010-01-01")


# origin: session 12 review fix, on the reviewer's sentence
def test_age_compound_von_auf_both_ages(nlp):
    text = "Gefordert wird die Anhebung des Rentenalters von 65 auf 67 Jahre."
    assert not dates_of(nlp, text, "2005-06-14")
    assert [(f[0], f[1], f[2], f[3]) for f in figs(nlp, text, "2005-06-14")] == [
        ("65", 65, "year", "Rentenalter"), ("67 Jahre", 67, "year", "Rentenalter")]


# origin: session 12, DATE classes (an id without a set: a train article outside the rule dev sets)
def test_retirement_age_figure_is_about_the_compound(nlp):
    from figure_helpers import figs

    text = "Gefordert wird die gesetzliche Anhebung des Rentenalters auf 67 Jahre."  # wn6226 (dev5 gold: about Rentenalter)
    assert [(f[0], f[1], f[2], f[3]) for f in figs(nlp, text, "2005-06-14")] == [("67 Jahre", 67, "year", "Rentenalter")]


# origin: session 27 (s27-dates2): an age after a comparative of "alt"/"jung" is an age (a FIGURE, unit year, about
# Alter; measures.json "age_before"), not a duration DATE: "Taxis nicht älter als [acht Jahre]" (wn71869, dev16 gold:
# FIGURE 8 year Alter); "länger als acht Jahre" stays a duration
def test_age_after_a_comparative(nlp):
    text = "Eine Regelung schreibt vor, dass Taxis nicht älter als acht Jahre sein dürfen."  # wn71869 (dev16 gold)
    assert figs(nlp, text, "2012-12-10")[0][:4] == ("acht Jahre", 8, "year", "Alter")
    assert not dates_of(nlp, text, "2012-12-10")
    text = "Die Entschädigung erhalten nur Menschen, die länger als acht Jahre in Haft waren."
    assert dates_of(nlp, text, "2012-12-10") == [("acht Jahre", "P8Y", "duration")]


# origin: session 32, web pages ostbelgiendirekt.be and unendlich-viel-energie.de (an unseen sample of web pages)
def test_ages_after_a_focus_particle_or_ab(nlp):
    # web ostbelgiendirekt.be: "mit nur 65 Jahren" is an age as "mit 65 Jahren" is (was a DATE P65Y)
    s = "Evelyn Hamann, die heute 81 wäre (sie starb 2007 mit nur 65 Jahren)."
    assert ("65 Jahren", 65, "year", "Alter") in [f[:4] for f in figs(nlp, s, "2022-11-12")]
    assert ("65 Jahren", "P65Y", "duration") not in dates_of(nlp, s, "2022-11-12")
    # web unendlich-viel-energie.de (a press release of 2022-11-22): a lower age bound (was a DATE P18Y)
    s = "YouGov hatte 2056 Menschen in Deutschland befragt, bevölkerungsrepräsentativ nach Alter (ab 18 Jahren), Geschlecht und Region."
    assert ("18 Jahren", 18, "year", "Alter") in [f[:4] for f in figs(nlp, s, "2022-11-22")]
    assert not [d for d in dates_of(nlp, s, "2022-11-22") if d[0] == "18 Jahren"]
    # durations stay durations: an action noun after the years, a stretch of time or a prison term around "ab"
    assert ("einem Jahr", "P1Y", "duration") in dates_of(nlp, "Der Zug kam mit nur einem Jahr Verspätung an.")
    assert ("zwei Jahren", "P2Y", "duration") in dates_of(nlp, "Die Bank bietet eine Laufzeit ab zwei Jahren an.")
    assert ("zwei Jahren", "P2Y", "duration") in dates_of(
        nlp, "Freiheitsstrafen ab zwei Jahren werden nicht zur Bewährung ausgesetzt.")
