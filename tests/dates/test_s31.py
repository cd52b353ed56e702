"""Session 31 (issue 18): DATE classes found on a fourth unseen Wikinews sample, each on the sentence it was found in."""
from figure_helpers import dates_of, figs


def test_state_passive_of_a_plan_lies_ahead(nlp):
    # wn49104 (published 2008-03-20): "sind ... geplant" is the state of a plan, not a perfect; the 1 April was 2007's
    got = dates_of(nlp, "Vier weitere Konzerte sind vom 25. März bis zum 1. April in den Niederlanden geplant.",
                   "2008-03-20")
    assert ("25. März", "2008-03-25", "date") in got and ("1. April", "2008-04-01", "date") in got
    # a perfect of a verb of motion stays behind, and so do a perfect passive and a plan told in the past
    assert dates_of(nlp, "Er ist am 1. April nach Paris gereist.", "2008-03-20") == [("1. April", "2007-04-01", "date")]
    assert dates_of(nlp, "Der Streik ist am 1. April angekündigt worden.", "2008-03-20") == [
        ("1. April", "2007-04-01", "date")]
    assert dates_of(nlp, "Die Wahl war für den 1. April geplant.", "2008-03-20") == [("1. April", "2007-04-01", "date")]


def test_todays_appearance_is_the_day(nlp):
    # wn17060 (published 2005-12-09): an appearance, like a visit or a meeting, is the day's own thing
    got = dates_of(nlp, "Bei ihrem heutigen Auftritt in Brüssel bei einem Treffen der NATO-Außenminister sagte Rice, "
                        "die USA hielten sich an die Anti-Folterkonvention.", "2005-12-09")
    assert ("heutigen", "2005-12-09", "date") in got
    # "nowadays" stays no DATE
    assert not dates_of(nlp, "In der heutigen Zeit ist dieses Thema wieder aktuell.", "2005-12-09")


def test_capitalised_number_word_before_a_time_unit(nlp):
    # wn75280 (an interview; its record has no usable publication date): capital number words mid-sentence
    got = dates_of(nlp, "Der neue Knabe ist erst seit Anderthalb Jahren in der Position.", "2013-04-10")
    assert got == [("Anderthalb Jahren", "P18M", "duration")]
    got = dates_of(nlp, "In den letzten Zehn Jahren ungefähr wurde das schwerer.", "2013-04-10")
    assert got == [("Zehn Jahren", "P10Y", "duration")]
    # wn68535: "während der Neun Monate dauernden Verhandlung"
    got = dates_of(nlp, "Man konnte in der Berichterstattung während der Neun Monate dauernden Verhandlung wenig "
                        "bemerken.", "2011-05-31")
    assert got == [("Neun Monate", "P9M", "duration")]
    # a capital number word before no time unit is still no amount
    assert not dates_of(nlp, "Er spielte in dem Film Die Drei von der Tankstelle.", "2013-04-10")


def test_minutes_after_uhr_are_no_figure(nlp):
    # wn68535 and 10kGNAD gnad395: "4 Uhr 30", "20 Uhr 15" are clock times; the minutes were a FIGURE 30 / 15
    assert not figs(nlp, "Die „Kachelmanngroupies“ standen seit 4 Uhr 30 morgens vor den Absperrgittern am Seiteneingang.",
                    "2011-06-04")
    s = "So startet auch der Bremer Tatort Wer Wind erntet, sät Sturm am Sonntag um 20 Uhr 15."
    assert not figs(nlp, s, "2016-03-15")
