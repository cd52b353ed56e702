"""Session 29: date classes left open by session 28 (issue 18), each on the text it was found in."""
from figure_helpers import dates_of


def test_one_bc_is_year_zero_in_iso_8601(nlp):
    # ISO 8601's astronomical numbering (GUIDELINES.md: "zwischen etwa 2500 und 2400 vor Christus" -> -2499, -2399):
    # 1 BC is "0000", 2 BC "-0001"; iso_year wrote 1 BC as "-0000", which no reader of ISO years parses as 1 BC
    # and which WikiWarsDE's scorer turned into "BC0001" only by accident of its sign. No "1 v. Chr." occurs in the
    # corpora (10kGNAD, web_pages_de, Wikinews, WikiWarsDE's odd half), so the form of 09_GrecoPersian's years is
    # used: "Im Jahr 478/477 v. Chr." -> -0477 (478 BC) is the same arithmetic.
    from pipeline.evaluate.dates import to_timex
    from pipeline.nlp.normalize import iso_year

    assert iso_year(0) == "0000" and iso_year(-1) == "-0001" and iso_year(-477) == "-0477"
    assert to_timex("0000") == "BC0001" and to_timex("-0001") == "BC0002" and to_timex("-0477") == "BC0478"
    assert dates_of(nlp, "Im Jahr 1 v. Chr. wurde er geboren.") == [("Jahr 1 v. Chr.", "0000", "date")]
    assert dates_of(nlp, "Im Jahr 2 v. Chr. wurde er geboren.") == [("Jahr 2 v. Chr.", "-0001", "date")]


def test_day_and_month_in_brackets_after_a_weekday_is_its_own_date(nlp):
    # wn75792 (published 2013-06-30; session 28's unseen train sample): "am Mittwoch (26.06)", "Am Freitag
    # (28.06.)", "am Sonnabend (29.06)": the bracketed day and month were no DATE; GUIDELINES.md: in brackets the
    # date is its own ("[vergangenen Mittwoch] ([17. Juli])"), the weekday picks the year
    got = dates_of(nlp, "Bei Unruhen im chinesischen Uigurischen Autonomen Gebiet Xinjiang wurden am Mittwoch (26.06) "
                        "insgesamt 35 Personen getötet und vier weitere verletzt.", "2013-06-30")
    assert ("26.06", "2013-06-26", "date") in got and ("Mittwoch", "2013-06-26", "date") in got
    got = dates_of(nlp, "Am Freitag (28.06.) sollen 100 Personen eine Polizeistation in Hotan im Südosten von "
                        "Xinjiang angegriffen haben.", "2013-06-30")
    assert ("28.06.", "2013-06-28", "date") in got
    # a bracketed number pair after no weekday stays no DATE
    assert not [d for d in dates_of(nlp, "Der Wert lag bei 3,5 (26.06) Punkten.", "2013-06-30") if "26" in d[0]]
