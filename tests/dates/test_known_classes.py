"""Session 28 (issue 18, known open classes): lists of days, weekdays and relative times near the
publication day, tense. The 10kGNAD and web sentences are read from ../shared/data at run time (local
testing only)."""
import pytest
from figure_helpers import dates_of
from repo_data import news_row

EMDEN = "tests/eval/reisen-mit-dem-internet.de.emden-21416.html"


def _line(text: str, key: str) -> str:
    i = text.index(key)
    a = text.rfind("\n", 0, i)
    b = text.find("\n", i)
    return text[a + 1: b if b >= 0 else len(text)]


# class 1: "24., 25., 26. und 31. Dezember" (web_pages_de, the only list of three or more days in
# Wikinews, 10kGNAD and the web pages): each day before the comma is a DATE of the list's month,
# as the first of "2. und 3. Januar" is (GUIDELINES.md: an elliptic first member is its own DATE)
def test_every_day_of_a_comma_list_is_a_date_of_the_lists_month(nlp):
    line = _line(news_row("web_pages_de.jsonl.gz", "file", EMDEN)["markdown_extract"], "26. und 31. Dezember")
    got = dates_of(nlp, line, "2019-06-01")
    days = [(t, v) for t, v, _ in got if v and v[5:7] == "12"]
    assert [t for t, _ in days] == ["24.", "25.", "26.", "31. Dezember"]
    assert {v[:8] for _, v in days} == {"2018-12-"}
    assert [v[8:] for _, v in days] == ["24", "25", "26", "31"]


# class 5: an upcoming event named in a past sentence. "kommende" (dates.json "ahead_attributes") before the
# noun the date is the "am" attribute of puts the event ahead, whatever the verb's tense (wn9019: was 2004);
# of the 17 sentences of Wikinews, 10kGNAD and the web pages with that shape only this one changes
def test_a_date_of_a_coming_event_lies_ahead_in_a_past_sentence(nlp_model):
    text = "Für die kommende Bundestagswahl am 18. September kündigte er seine Kandidatur an."  # wn9019
    assert dates_of(nlp_model, text, "2005-07-21") == [("18. September", "2005-09-18", "date")]


# review of class 5: "nächste" is no "ahead" attribute. In a past narrative it is "the following" (the next
# meeting after the one told of), so the past tense keeps the date behind (the reviewer's sentences; Wikinews
# has no sentence where "nächste" put such a date ahead)
@pytest.mark.parametrize("text,published,expected", [
    ("Bei der nächsten Sitzung am 3. März wurde der Antrag abgelehnt.", "2022-06-01", ("3. März", "2022-03-03")),
    ("Die nächste Ausgabe im Mai war ausverkauft.", "2022-08-01", ("Mai", "2022-05")),
    ("Vor dem nächsten Spiel am Dienstag hatte der Trainer gewarnt.", "2022-08-04", ("Dienstag", "2022-08-02")),
])
def test_naechste_in_a_past_sentence_is_the_following_not_ahead(nlp_model, text, published, expected):
    assert dates_of(nlp_model, text, published) == [(*expected, "date")]


# class 4: a narrative whose year is before Christ. The narrated year cannot be a date object, so "Mitte des
# Jahres" after "Im Frühjahr 479 v. Chr." was the publication's year (2011); it is counted from the BC year
# (WikiWarsDE 09_GrecoPersian, odd half; read at run time)
def test_a_year_relative_to_a_narrated_year_before_christ(nlp):
    import re

    from pipeline.nlp.ext import DATE_SPANS
    from pipeline.paths import SHARED_DATA

    path = SHARED_DATA / "dates" / "wikiwars_de" / "in" / "09_GrecoPersian.sgm"
    if not path.exists():
        pytest.skip(f"{path} not available")
    raw = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
    a = raw.index("Im Frühjahr 479 v. Chr.")
    b = raw.index("Heer", raw.index("Mitte des Jahres verließ"))
    doc = nlp.make_doc(raw[a:b])
    doc._.published = "2011-02-16"
    doc = nlp.get_pipe("presseschau_dates")(doc, mode="narrative")
    got = {s.text: s._.value for s in doc.spans[DATE_SPANS]}
    assert got["Frühjahr 479 v. Chr."] == "-0478-SP"
    assert got["Mitte des Jahres"] == "-0478"


# read beside class 2 (weekdays): a newspaper named after a weekday ("Welt am Sonntag", "Bild am Sonntag",
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


# review of class 4: the year before Christ was the narrated year to the text's end. A later year after Christ
# ends it ("Ende des Jahres" after "wurde 1850 in einem Buch beschrieben" was -0478; now as without the BC year,
# a bare year that frames nothing gives no reference), and a bare BC year sets it only where it frames the text
# after it, as a bare year sets the reference (the reviewer's sentence, cut with "...")
def _narrative_dates(nlp, text, published="2011-02-16"):
    from pipeline.nlp.ext import DATE_SPANS

    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp.get_pipe("presseschau_dates")(doc, mode="narrative")
    return {s.text: s._.value for s in doc.spans[DATE_SPANS]}


def test_a_later_year_after_christ_ends_the_narrated_year_before_christ(nlp):
    text = ("Im Frühjahr 479 v. Chr. zog das persische Heer nach Norden. Die Stadt wurde 1850 in einem Buch "
            "beschrieben, das viele Auflagen erlebte. Ende des Jahres erschien es neu.")
    got = _narrative_dates(nlp, text)
    assert got["Frühjahr 479 v. Chr."] == "-0478-SP"
    assert got["Ende des Jahres"] == _narrative_dates(nlp, text[text.index("Die Stadt"):])["Ende des Jahres"]
    assert not got["Ende des Jahres"].startswith("-")
    framed = text.replace("Die Stadt wurde 1850 in einem Buch beschrieben", "1850 wurde die Stadt in einem Buch beschrieben")
    assert _narrative_dates(nlp, framed)["Ende des Jahres"] == "1850"
    # a bare BC year inside a long sentence frames nothing, as an AD one does not
    inner = ("Die Stadt wurde 479 v. Chr. zerstört, wie viele Quellen aus späterer Zeit berichten und erzählen. "
             "Mitte des Jahres verließ Mardonios Thessalien.")
    assert _narrative_dates(nlp, inner)["Mitte des Jahres"] == _narrative_dates(nlp, inner.replace("479 v. Chr.", "1479"))["Mitte des Jahres"]


# second review: a date that names no year ("Am 3. Mai", "Im Sommer") took the publication's year and ended the
# narrated year before Christ; only a date that names its year does
def test_a_date_without_its_own_year_keeps_the_narrated_year_before_christ(nlp):
    text = ("Im Frühjahr 479 v. Chr. zog das persische Heer nach Norden. Am 3. Mai erreichte es Thessalien. "
            "Mitte des Jahres verließ Mardonios das Land.")
    assert _narrative_dates(nlp, text)["Mitte des Jahres"] == "-0478"
