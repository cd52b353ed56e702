"""Session 33 (issue 18): DATE classes found on an unseen sample of web pages and Wikinews, each on the sentence it
was found in."""
from figure_helpers import dates_of, model_dates


def test_present_season_in_january_and_february_is_the_coming_one(nlp):
    # web natuerliche-jagd.de (a DJV release of 2022-02-02): the coming spring, not the one of 2021
    got = dates_of(nlp, "Schwerpunkt Kommunikation: Im Frühjahr bietet der DJV zwei neue Online-Seminare an.", "2022-02-02")
    assert ("Frühjahr", "2022-SP", "date") in got
    assert ("Sommer", "2022-SU", "date") in dates_of(nlp, "Im Sommer findet die Weltmeisterschaft in Katar statt.", "2022-01-20")
    # the autumn just gone is nearer; a past clause keeps the season before; later in the year nothing changes
    assert ("Herbst", "2021-FA", "date") in dates_of(nlp, "Im Herbst beginnt die Saison.", "2022-01-20")
    assert ("Sommer", "2021-SU", "date") in dates_of(nlp, "Im Sommer hatte die Regierung das Gesetz beschlossen.", "2022-01-20")
    assert ("Frühjahr", "2022-SP", "date") in dates_of(nlp, "Im Frühjahr bietet der DJV zwei Seminare an.", "2022-05-02")


def test_approximate_pair_of_times_with_a_comma(nlp):
    # Wikinews wn75280: "oder [14], [15 Monate]" (the 14 was a FIGURE without a unit)
    got = dates_of(nlp, "Er ist erst seit Anderthalb Jahren in der Position, oder 14, 15 Monate — er ist nicht durch "
                        "die Fellpflege gekommen.", "2015-04-10")
    assert ("14", "P14M", "duration") in got and ("15 Monate", "P15M", "duration") in got
    # web leichtathletik.de: the pair shares the direction of "vor" as a range does ("vor [zwei] bis [drei Jahren]")
    got = dates_of(nlp, "„Vor zwei, drei Wochen hätte ich mit dieser Zeit nicht gerechnet“, sagte er.", "2016-03-15")
    assert got == [("zwei", "2016-W09", "date"), ("drei Wochen", "2016-W08", "date")]
    # 10kGNAD gnad713
    got = dates_of(nlp, "Man kann keine Kaffeepause von fünf, sechs Stunden akzeptieren.", "2016-03-15")
    assert got == [("fünf", "PT5H", "duration"), ("sechs Stunden", "PT6H", "duration")]
    # web infosperber.ch: "ein" as the first of the pair
    got = dates_of(nlp, "Sie hatten damit gerechnet, London nach ein, zwei Tagen mit Geld zu verlassen.", "2016-03-15")
    assert got == [("ein", "P1D", "duration"), ("zwei Tagen", "P2D", "duration")]
    # no pair: a decimal comma, a year before a duration, a rank before a larger gap
    assert dates_of(nlp, "Nach 3,5 Stunden ist das Auto wieder vollständig aufgeladen.", "2016-03-15") == [
        ("3,5 Stunden", "PT210M", "duration")]
    assert ("15 Jahre", "P15Y", "duration") in dates_of(nlp, "Im Jahr 2005, 15 Jahre nach der Wende, kam er zurück.", "2016-03-15")
    assert [t for t, _, _ in dates_of(nlp, "Er kam auf Platz 4, 3 Sekunden hinter dem Sieger.", "2016-03-15")] == ["3 Sekunden"]


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
