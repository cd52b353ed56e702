"""General constructions from the errors of dev4 (issue 18, session 10, helper H5): each on a real
sentence of a dev4 article (annotations/news/dev4.json, ids in the comments) and on one of German
news outside the rule dev sets (10kGNAD: DER STANDARD 2015-16, undated, anchor 2016-03-15; German
Wikinews train articles outside dev, dev2-dev5 and the test split, their own publication date).
The language data they use is named in each block; the trained model is used where the parse
decides (skipped without it)."""
import pytest

from figure_helpers import dates_of, figs, make

GNAD = "2016-03-15"  # anchor for the undated 10kGNAD articles


@pytest.fixture(scope="module")
def nlp():
    return make()


def _run(nlps, text, published):
    return [f[:4] for f in figs(nlps, text, published)], dates_of(nlps, text, published)


# 1. ages in a range after a noun of an age or of people (measures.json "age_nouns"): FIGUREs with
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


@pytest.mark.parametrize("source,published,text,expected", AGES, ids=[c[0] for c in AGES])
def test_ages_in_a_range(nlp, source, published, text, expected):
    fs, ds = _run(nlp, text, published)
    for e in expected:
        assert e in fs
    assert not {d[0] for d in ds} & {e[0] for e in expected}  # no duration over an age


@pytest.mark.parametrize("source,published,text,expected", AGES, ids=[c[0] for c in AGES])
def test_ages_in_a_range_model(nlp_model, source, published, text, expected):
    fs, ds = _run(nlp_model, text, published)
    for e in expected:
        assert e in fs
    assert not {d[0] for d in ds} & {e[0] for e in expected}  # no duration over an age
