"""A narrative whose year is before Christ: dates without their own year are counted from the narrated BC year
("Mitte des Jahres" after "Im Frühjahr 479 v. Chr."), until a later year after Christ ends it; a bare BC year sets it
only where it frames the text after it (presseschau_dates' narrative mode). The WikiWarsDE sentence is read from
../shared/data at run time."""
import pytest


# origin: session 28, known open classes (class 4)
# a narrative whose year is before Christ. The narrated year cannot be a date object, so "Mitte des
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


# origin: session 28, review of the known open classes (class 4)
# the year before Christ was the narrated year to the text's end. A later year after Christ
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


# origin: session 28, second review
# a date that names no year ("Am 3. Mai", "Im Sommer") took the publication's year and ended the
# narrated year before Christ; only a date that names its year does
def test_a_date_without_its_own_year_keeps_the_narrated_year_before_christ(nlp):
    text = ("Im Frühjahr 479 v. Chr. zog das persische Heer nach Norden. Am 3. Mai erreichte es Thessalien. "
            "Mitte des Jahres verließ Mardonios das Land.")
    assert _narrative_dates(nlp, text)["Mitte des Jahres"] == "-0478"
