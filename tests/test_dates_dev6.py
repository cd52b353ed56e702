"""DATE constructions found on dev6 (issue 18, session 11: 30 train articles annotated blind,
`presseschau evaluate-rules --split dev6`) and left over from the coverage sweep, each on the
sentence of a Wikinews train article (id and `published` in the comments; none of the test split).
The language data or rule each uses is named in its block."""
import pytest

from figure_helpers import dates_of, make


@pytest.fixture(scope="module")
def nlp():
    return make()


# 1. two qualifiers before a relative time (qualifiers.json "fast genau"): "vor" still reaches the
# amount, so it is the time that long before publication, not a duration
def test_two_qualifiers_before_ago(nlp):
    text = "Vor fast genau zwei Jahren schien EADS den Deal schon in der Tasche zu haben."  # wn61671 (dev5)
    assert ("zwei Jahren", "2008", "date") in dates_of(nlp, text, "2010-03-09")
    text = "Vor fast genau einem Jahr, am 28. September 2005, stürzte bei Weilheim/Teck der Hubschrauber ab."  # wn33276 (dev6)
    assert ("einem Jahr", "2005", "date") in dates_of(nlp, text, "2006-09-27")
    # one qualifier, as before
    text = "Vor knapp zwei Jahren hatte das Regime in Pjöngjang die internationalen Inspektoren ausgewiesen."  # wn1265
    assert ("zwei Jahren", "2002", "date") in dates_of(nlp, text, "2004-12-06")


# 2. a day and month that repeat a whole date named earlier take its year (dates.py
# `_repeated_day_years`), whatever the tense of their clause
def test_repeated_day_takes_earlier_year(nlp):
    text = ("Den Termin hat Köhler für den 18. September 2005 festgesetzt. Für die kommende Bundestagswahl am "
            "18. September kündigte er seine Kandidatur an.")  # wn9019 (dev6)
    assert dates_of(nlp, text, "2005-07-21") == [("18. September 2005", "2005-09-18", "date"),
                                                  ("18. September", "2005-09-18", "date")]
    # no earlier whole date: the tense decides, as before (past: the last 18 September)
    assert dates_of(nlp, "Am 18. September kündigte er seine Kandidatur an.", "2005-07-21") == \
        [("18. September", "2004-09-18", "date")]


# 3. "mit" + a time + an action noun in -ung is a duration, not "mit" + an age (figures.py `is_age`,
# measures.json "action_noun_suffixes")
def test_delay_after_mit_is_duration(nlp):
    text = ("Das in Bremerhaven gebaute Kreuzfahrtschiff Pride of America konnte erst mit einem Tag Verzögerung an "
            "die Reederei übergeben werden. Die Übergabe erfolgte jetzt mit mehr als einem Jahr Verspätung.")  # wn5954 (dev6)
    got = dates_of(nlp, text, "2005-06-07")
    assert ("einem Tag", "P1D", "duration") in got and ("einem Jahr", "P1Y", "duration") in got
    # "mit" + years + a role or a verb stays an age (a FIGURE, no DATE)
    assert not dates_of(nlp, "Er wurde mit 18 Jahren Weltmeister.", "2005-06-07")
    assert not dates_of(nlp, "Mit 75 Jahren starb er in Berlin.", "2005-06-07")


def test_action_noun_suffixes_come_from_the_data(nlp, monkeypatch):
    """The suffix is language data: without it the delay after "mit" is taken for an age."""
    text = "Die Übergabe erfolgte jetzt mit mehr als einem Jahr Verspätung."  # wn5954 (dev6)
    fr = nlp.get_pipe("presseschau_figures")
    assert fr.action_noun_suffixes == ("ung",)
    assert ("einem Jahr", "P1Y", "duration") in dates_of(nlp, text, "2005-06-07")
    monkeypatch.setattr(fr, "action_noun_suffixes", ())
    assert not dates_of(nlp, text, "2005-06-07")


# 4. a race time of hours, minutes and seconds is a duration (dates.py pattern "clock_duration");
# a clock time with "Uhr" and a score are not
def test_race_time_is_duration(nlp):
    text = ("Oliver Sebrantke von LC Hansa Stuhr lief nach einer Zeit von 2:31:37 ins Ziel und wurde damit zum "
            "dritten Mal Sieger.")  # wn76253 (dev6)
    assert ("2:31:37", "PT2H31M37S", "duration") in dates_of(nlp, text, "2013-10-07")
    assert not [d for d in dates_of(nlp, "Um 14:30:00 Uhr begann das Spiel, es endete 2:1.", "2013-10-07")
                if d[2] == "duration"]


# 5. a weekday's genitive after its article is no set (figures.py `_sets`): "im Verlauf des
# Montags" is not "montags"; the adverb stays a set
def test_weekday_genitive_is_no_set(nlp):
    text = "Im Verlauf des Montags überquerte Hamish Fraser Island (siehe Karte)."  # wn56533
    assert not [d for d in dates_of(nlp, text, "2009-03-10") if d[2] == "set"]
    assert ("montags", "XXXX-WXX-1", "set") in dates_of(nlp, "Das Museum hat montags geschlossen.", "2009-03-10")


# 6. the sweep's "auf Oktober vertagt worden" (a perfect passive): the postponement rule gives the
# next October
def test_postponed_perfect_passive(nlp):
    text = ("Das Treffen der Indus Water Commission im pakistanischen Lahore ist am 27. August nach drei Tagen ohne "
            "Ergebnis auf Oktober vertagt worden.")  # wn77285
    assert ("Oktober", "2014-10", "date") in dates_of(nlp, text, "2014-08-29")
