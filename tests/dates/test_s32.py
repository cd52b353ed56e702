"""Session 32 (issue 18): DATE classes found on an unseen sample of web pages, each on the sentence it was found in."""
from figure_helpers import dates_of, figs, model_dates


def test_opening_hours_are_weekly_sets(nlp):
    # web dsv.de (a news item of 2022-02-01): office hours, every week's Monday to Thursday, not the nearest ones
    got = dates_of(nlp, "Telefon: 0561 940 83-14 (Montag bis Donnerstag 08.30 Uhr bis 13.30 Uhr)", "2022-02-01")
    assert got == [("Montag", "XXXX-WXX-1", "set"), ("Donnerstag", "XXXX-WXX-4", "set")]
    # 10kGNAD gnad407: a lone weekday in the list after such a range too
    got = dates_of(nlp, "Die Abgabe ist beim Omnibus in der Otto-Glöckel-Straße in Traiskirchen (Montag bis Freitag 13.30 "
                        "bis 18 Uhr, Samstag 10 bis 18 Uhr) und an den Wiener Carla-Standorten möglich.", "2016-03-15")
    assert got == [("Montag", "XXXX-WXX-1", "set"), ("Freitag", "XXXX-WXX-5", "set"), ("Samstag", "XXXX-WXX-6", "set")]
    # one day stays one day: after "am", and a weekday alone before times with no range of hours before it
    got = dates_of(nlp, "Der Markt ist am Samstag von 10 bis 18 Uhr geöffnet.", "2022-02-01")
    assert [(t, typ) for t, _, typ in got] == [("Samstag", "date")] and got[0][1].startswith("2022-")
    got = dates_of(nlp, "Flohmarkt im Hof: Sonntag 10 bis 17 Uhr.", "2022-02-01")
    assert [(t, typ) for t, _, typ in got] == [("Sonntag", "date")] and got[0][1].startswith("2022-")
    # a range after "vom" is one week's days, both of them
    got = dates_of(nlp, "Die Messe ist vom Montag bis Freitag von 9 bis 17 Uhr geöffnet.", "2022-02-01")
    assert [(t, typ) for t, _, typ in got] == [("Montag", "date"), ("Freitag", "date")]
    # two weekdays without clock times are two days
    assert [v for _, v, _ in dates_of(nlp, "Der Gipfel tagt von Montag bis Mittwoch in Brüssel.", "2022-02-01")] == [
        "2022-01-31", "2022-02-02"]


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




def test_day_without_its_month_takes_the_month_dated_last(nlp_model):
    # web kyffhaeuser-nachrichten.de (a weather report of 2023-10-31)
    text = ("Das Temperaturmittel lag im Oktober 2023 mit 11,9 Grad Celsius um 2,9 Grad über dem Wert der Referenzperiode. "
            "Der anschließende Temperatursturz von im Mittel etwa 15 Grad brachte leichte Nachtfröste, die am 18. in "
            "Oberharz am Brocken-Stiege bei -4,9 °C ihren bundesweiten Tiefpunkt fanden.")
    assert ("18.", "2023-10-18") in model_dates(nlp_model, text, "2023-10-31")
    # no month named before it: no DATE; an ordinal before a noun or a rank is none
    assert model_dates(nlp_model, "Die Windmessungen jedoch bewegen sich am 12. in einem moderaten Bereich.",
                        "2016-01-15") == []
    assert model_dates(nlp_model, "Am 3. Mai begann die Saison. Der FC Bayern München ist zum 19. Mal deutscher "
                                   "Fußball-Meister.", "2016-05-20") == [("3. Mai", "2016-05-03")]
    assert "18." not in [t for t, _ in model_dates(
        nlp_model, "Am 3. Mai verloren sie und sanken auf den alten Platz ihres Gegners, den 18. und letzten.", "2016-05-20")]
