"""DATE constructions the rules still missed on dev4 and dev5 (issue 18, session 10, helper H6): each on
its dev sentence (annotations/news/dev4.json, dev5.json, ids in the comments) and, where German news
outside the rule dev sets and the test split has one, on a Wikinews train article (own `published`).
The language data each uses is named in its block."""
import pytest

from figure_helpers import dates_of, make


@pytest.fixture(scope="module")
def nlp():
    return make()


# 1. an elliptic first modifier of a coordination (dates.json "relative_ellipsis"): its own DATE, the
# second one's unit (dev4 gold: "im [laufenden] und im [kommenden Jahr]")
def test_elliptic_relative_modifier(nlp):
    text = ("Aufgrund des schwachen Wirtschaftswachstums werde die Arbeitslosigkeit im laufenden und im "
            "kommenden Jahr nicht fallen, heißt es im letzten Beschäftigungs-Jahresbericht.")  # wn72243
    ds = dates_of(nlp, text, "2012-04-13")
    assert ("laufenden", "2012", "date") in ds
    assert ("kommenden Jahr", "2013", "date") in ds
    # without the coordination the modifier alone is nothing
    assert not [d for d in dates_of(nlp, "Im laufenden Verfahren wurde nichts entschieden.", "2012-04-13")]


# 2. a deictic adjective alone before a noun of the day's own thing (dates.json "deictic_adjective_nouns")
def test_deictic_adjective_alone(nlp):
    text = ("Das berichtet die Financial Times Deutschland unter Berufung auf Unternehmenskreise in ihrer "
            "heutigen Ausgabe.")  # wn60304
    assert dates_of(nlp, text, "2010-01-05") == [("heutigen", "2010-01-05", "date")]
    # nowadays: no DATE
    assert not dates_of(nlp, "Das Gebiet liegt im heutigen Deutschland.", "2010-01-05")


# 3. relative modifier + a year word beside "Jahr" (dates.json "relative_units": Geschäftsjahr)
def test_fiscal_year(nlp):
    text = ("Unter anderem wegen der Finanzierungsprobleme beim Militärtransporter A400M verbuchte der Konzern "
            "für das abgelaufene Geschäftsjahr einen Nettoverlust von 763 Millionen Euro.")  # wn61671
    assert ("abgelaufene Geschäftsjahr", "2009", "date") in dates_of(nlp, text, "2010-03-09")
    assert ("laufenden Geschäftsjahr", "2010", "date") in dates_of(
        nlp, "Im laufenden Geschäftsjahr rechnet der Konzern mit einem Gewinn.", "2010-03-09")


# 4. the day of the deed (dates.json "relative_compounds" + "anaphoric_compounds": Tattag, Tatmorgen,
# Tatabend, Tatnacht = the day the text named last, like "Vortag" one day before it)
def _article(wid: str, upto: str) -> tuple[str, str]:
    """The real text of a Wikinews train article (outside every rule dev set and the test split) up to
    the end of the sentence holding `upto`, and its publication date."""
    import gzip
    import json
    import re

    from pipeline.paths import SHARED_DATA

    path = SHARED_DATA / "news" / "wikinews_de.jsonl.gz"
    if not path.exists():
        pytest.skip("shared Wikinews data not available")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] == wid:
                m = re.search(re.escape(upto) + r"[^.]*\.", r["text"])
                return r["text"][:m.end()], r["published"]
    pytest.skip(f"{wid} not in the shared Wikinews data")


def test_day_of_the_deed_dev5(nlp):
    text = ("Am 19. August 2009 erschoss der Mann in Weinheim zwei Menschen. Seine Opfer, von denen sich die Familie "
            "in Weinheim am Tatmorgen zufällig im Ausland befand, gaben an, die Rechnungen nicht bezahlt zu haben.")
    # wn63051's sentence (its date, named earlier in the article, in a short lead-in)
    assert ("Tatmorgen", "2009-08-19", "date") in dates_of(nlp, text, "2010-06-23")


@pytest.mark.parametrize("wid,upto,expected", [
    # "am Mittwochvormittag, dem 2. Juni 2010" opens the article
    ("wn62831", "Tattages", ("Tattages", "2010-06-02", "date")),
    # "Diese wurde am 3. Februar 2003 ... erschossen" is the date named last
    ("wn40724", "Tatnacht", ("Tatnacht", "2003-02-03", "date")),
])
def test_day_of_the_deed_news(nlp, wid, upto, expected):
    text, published = _article(wid, upto)
    assert expected in dates_of(nlp, text, published)
