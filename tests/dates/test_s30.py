"""Session 30 (issue 18): DATE classes found on real text (a third unseen Wikinews sample and the known open
classes), each on the sentence it was found in."""
from figure_helpers import dates_of, figs


def test_adjective_between_number_and_time_unit_keeps_a_duration(nlp):
    # "nach 120 torlosen Minuten" (10kGNAD gnad707) and "Nach sieben langen Jahren" (wn37853) were FIGUREs 120 and 7
    # without a unit: only "weitere"/"zusätzliche" could stand between a number and its time unit
    s = "Messi traf zwar nach 120 torlosen Minuten vom Punkt, allerdings als einziger Argentinier."
    assert dates_of(nlp, s, "2016-03-15") == [("120 torlosen Minuten", "PT120M", "duration")]
    assert not figs(nlp, s, "2016-03-15")
    s = "„Nach sieben langen Jahren“, so die Nachrichtenagentur, habe man ein wirksames Mittel gefunden."
    assert dates_of(nlp, s, "2007-02-06") == [("sieben langen Jahren", "P7Y", "duration")]
    # a count of things with an adjective stays a FIGURE, an age stays an age
    assert figs(nlp, "Er hat 3 kleine Kinder.")[0][:2] == ("3", 3)
    assert not dates_of(nlp, "Die Kinder sind sieben Monate alt.")

