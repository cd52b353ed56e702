"""DATE by construction class (issue 18, session 10): the classes of German temporal expressions
that HeidelTime's German resources name (holidays fixed and moveable, decades and centuries with
their part words, sets, calendar weeks, "im Laufe", relative modifiers), each on real sentences:
10kGNAD (DER STANDARD 2015-16; the corpus has no dates, so the anchor is set to 2016-03-15),
German Wikinews train articles (their own publication date; none of the rule dev sets, none of
the test split), German web pages, and Bundestag plenary protocols (paragraphs without a date: the
anchor is a date of that electoral period, chosen so that the resolution is checked).
docs/measurements/dates_figures.md "Coverage by construction class" holds the audit table these come from."""
import pytest

from figure_helpers import GNAD, dates_of, nlp  # noqa: F401  (nlp: the shared fixture)
from pipeline.nlp.dates import weekday_year
from pipeline.nlp.normalize import resolve_season



def dates(nlp, text, published):
    return [(t, v, k) for t, v, k in dates_of(nlp, text, published)]


CASES = [
    # holidays: fixed (HeidelTime normHolidayFix) and from Easter (normHolidayVar)
    ("wn18451", "2005-12-26", "Auf der Autobahn A 67 bei Darmstadt ist es am zweiten Weihnachtstag zu einer Massenkarambolage mit mehr als 50 Fahrzeugen gekommen.",
     [("zweiten Weihnachtstag", "2005-12-26", "date")]),
    ("bundestag wp19", "2018-02-22", "Nun zu Ihrem Kollegen Poggenburg. Er hat am Aschermittwoch die Türken in Deutschland aufs Übelste beleidigt und damit ganz sicher die Grenzen des guten Geschmacks überschritten.",
     [("Aschermittwoch", "2018-02-14", "date")]),
    ("bundestag wp19", "2020-04-22", "Aus diesem Grund hat die AfD-Fraktion im Deutschen Bundestag am Karsamstag eine Organklage beim Bundesverfassungsgericht eingereicht.",
     [("Karsamstag", "2020-04-11", "date")]),
    # holidays by a weekday rule (HeidelTime's WeekdayRelativeTo: Advent Sundays, Volkstrauertag, Muttertag)
    ("bundestag wp19", "2018-11-21", "Frau Brantner, Sie haben die Liebeserklärung des Präsidenten Macron am vergangenen Sonntag, am Volkstrauertag, erwähnt.",
     [("vergangenen Sonntag", "2018-11-18", "date"), ("Volkstrauertag", "2018-11-18", "date")]),
    ("bundestag wp19", "2019-12-12", "Er ist am ersten Adventssonntag, völlig unerwartet, aus dem Leben gerissen worden.",
     [("ersten Adventssonntag", "2019-12-01", "date")]),
    ("bundestag wp19", "2021-05-06", "Und worüber reden wir noch? Wir reden darüber, dass in Zukunft, vielleicht am Muttertag, Geimpfte ihre Mütter besuchen können und der Besuch eben nicht auf eine Person beschränkt ist.",
     [("Muttertag", "2021-05-09", "date")]),
    # relative modifiers in the strong dative ("seit vergangenem Jahr")
    ("gnad695", GNAD, "Er trägt die Nummer zwei und gehört erst seit vergangenem Jahr zur Nationalmannschaft.",
     [("vergangenem Jahr", "2015", "date")]),
    ("wn79539", "2016-02-29", "Gegen den „Verband integrativer Kinderbetreuungseinrichtungen“ ermittelt seit vergangenem Jahr die Staatsanwaltschaft.",
     [("vergangenem Jahr", "2015", "date")]),
    # decades written as one word, and the part words "frühen"/"späten" (inside, value unchanged)
    ("gnad175", GNAD, "Dabei waren Wałęsa und Kaczynski früher enge Vertraute und politische Mitstreiter: Jaroslaw und sein Zwillingsbruder Lech gehörten in den Achtzigerjahren der Solidarność an.",
     [("Achtzigerjahren", "198", "date")]),
    ("gnad590", GNAD, "Seine Eltern kamen als Gastarbeiter in den frühen Siebzigerjahren nach Wien, die Mutter Serbin, der Vater Bosnier.",
     [("frühen Siebzigerjahren", "197", "date")]),
    ("gnad299", GNAD, "STANDARD: Seit den späten 1980er-Jahren, seit die FPÖ bei Wahlen in rote Arbeiterhochburgen einbricht, werden in der SPÖ regelmäßig Reformen eingefordert.",
     [("späten 1980er-Jahren", "198", "date")]),
    ("gnad88", GNAD, "Neues Werk der \"Life Is Strange\"-Entwickler entführt ins düstere London des frühen 20. Jahrhunderts.",
     [("frühen 20. Jahrhunderts", "19", "date")]),
    # a decade before the suspension hyphen of a coordination is its own DATE, the hyphen outside (the tokenizer
    # kept "1960er-" one token, so the first decade was lost; GUIDELINES.md "[1950-er] und [1960-er Jahren]")
    ("gnad242", GNAD, "Geschult am Minimalismus der 1960er- und 1970er-Jahre ebenso wie in klassischer Klavierromantik oder Keith Jarretts Köln Concert (abgespielt in doppelter Geschwindigkeit), entsteht bei Melnyk allerdings ein hypnotischer Sog, dem man sich kaum entziehen kann.",
     [("1960er", "196", "date"), ("1970er-Jahre", "197", "date")]),
    ("gnad456", GNAD, "Mittel ist der Schrecken, dessen Verbreitung keinerlei moralische oder humanitäre Skrupel kennt, der das Verbrechen als Zweck an sich selbst ansieht und auf jegliche Rechtfertigungsversuche, wie sie etwa noch die RAF in den 1970er- und 80er-Jahren für ihre Terrorakte anzuführen suchte, verzichtet: Den heutigen Tätern scheint das entbehrlich.",
     [("1970er", "197", "date"), ("80er-Jahren", "198", "date")]),
    # ... and a pair of numbers before a unit is an amount's range, no two years ("Etwa [1500] bis [2000] Euro" were DATEs);
    # a pair of years before an amount stays ("2013/14 rund 5,3 Prozent": "14 rund 5,3" is no pair)
    ("gnad402", GNAD, "SONDERPÄDAGOGISCHER FÖRDERBEDARF (SPF): In Österreich hatten 2013/14 rund 5,3 Prozent der Pflichtschüler SPF wegen psychischer oder körperlicher Behinderung, das sind mehr als in früheren Jahren.",
     [("2013", "2013", "date"), ("14", "2014", "date")]),
    ("gnad887", GNAD, "Etwa 1500 bis 2000 Euro pro Jahr müsse man für einen gut erhaltenen Mittelklassewagen der 1960er- bis 1980er-Jahre mit zwei Litern Hubraum einplanen, ergänzt Wilke.",
     [("1960er", "196", "date"), ("1980er-Jahre", "198", "date")]),
    # a pair of years before a noun stays two years: not round numbers (an estimate's bounds are), a noun in the singular
    ("gnad124", GNAD, "Das älteste verwendete Material stammt aus der Franzisco-Josephinischen Landesaufnahme, für die zwischen 1869 und 1887 Karten der gesamten Habsburgermonarchie angefertigt wurden.",
     [("1869", "1869", "date"), ("1887", "1887", "date")]),
    ("wn80391", "2017-01-08", "Er war 1980 bis 1989 Präsident des iranischen Parlaments und galt schon damals als „heimlicher Regierungschef“.",
     [("1980", "1980", "date"), ("1989", "1989", "date")]),
    # "in diesem Jahr" right after a named year is that year, but "bisher" (so far) ties it to publication's (dev15)
    ("wn45353", "2007-11-03", "Beim letzten Hochwasser im Jahr 1999, dessen Ausmaße geringer waren, seien 20.000 Soldaten im Einsatz gewesen, in diesem Jahr bisher nur 5.000.",
     [("Jahr 1999", "1999", "date"), ("diesem Jahr", "2007", "date")]),
    # a New Year's Eve with the two years it joins is one DATE, the first year's 31 December, and a later offset counts
    # from it (dev16; was "Silvesternacht 2005" + "06" and "drei Monate später" without a value)
    ("wn25051", "2006-04-07", "In der Silvesternacht 2005/06 ereignete sich ein Doppelmord in Iserlohn. Gut drei Monate später hat die Polizei am Montag einen 38-jährigen Mann türkischer Staatsangehörigkeit verhaftet.",
     [("Silvesternacht 2005/06", "2005-12-31", "date"), ("drei Monate später", "2006-03", "date"), ("Montag", "2006-04-03", "date")]),
    # sets: every season, weekday adverbs
    ("web", GNAD, "Aktuell befinden sich im Garten und den Volieren rund 150 Tiere, diese Zahl verdoppelt sich aber jeden Sommer aufs Neue.",
     [("jeden Sommer", "XXXX-SU", "set")]),
    ("web", GNAD, "Das aktuelle Heft ist fertig produziert, vor allem freitags debattieren die Ressorts neue Themen.",
     [("freitags", "XXXX-WXX-5", "set")]),
    # calendar weeks: with and without a year
    ("bundestag wp19", "2017-11-09", "Die nächste Sitzung findet in der 47. Kalenderwoche, also in der Woche vom 20. November, statt.",
     [("47. Kalenderwoche", "2017-W47", "date"), ("20. November", "2017-11-20", "date")]),
    ("bundestag wp19", "2020-06-17", "Welche neuen Erkenntnisse bezogen auf eine zukünftige Einbindung Taiwans in die Weltgesundheitsorganisation erlangte die Bundesregierung auf der WHO-Jahrestagung in der 21. Kalenderwoche 2020?",
     [("21. Kalenderwoche 2020", "2020-W21", "date")]),
    # "im Laufe des Tages": the day (publication, or the day the text named)
    ("wn61440", "2010-03-01", "Das Tiefdruckgebiet bewegte sich mit Windgeschwindigkeiten zwischen 80 und 150 Kilometern pro Stunde über Südwesteuropa und erreichte im Laufe des Tages Westdeutschland.",
     [("Laufe des Tages", "2010-03-01", "date")]),
    # a month or season "des kommenden/nächsten Jahres" is one span (as "Frühjahr des nächsten Jahres")
    ("gnad142", GNAD, "Die Stellen sollen im Herbst ausgeschrieben und idealerweise im Februar des kommenden Jahres die ersten Forscher angestellt werden, so Thurner.",
     [("Herbst", "2016-FA", "date"), ("Februar des kommenden Jahres", "2017-02", "date")]),
    # "im letzten Frühjahr" in mid-March: the spring that has barely begun is not the past one (the
    # Burgenland campaign was in spring 2015)
    ("gnad50", GNAD, "Während des Wahlkampfes im letzten Frühjahr bot Niessl seinen Polizeichef jedenfalls als Kronzeugen dafür auf.",
     [("letzten Frühjahr", "2015-SP", "date")]),
    # a range of relative times shares its direction: "in 15 bis 20 Jahren" (both ahead)
    ("gnad581", GNAD, "Experten rechnen damit, dass selbstfahrende Autos in 15 bis 20 Jahren zur Marktreife gelangen.",
     [("15", "2031", "date"), ("20 Jahren", "2036", "date")]),
    # a weekday with a day and month picks the year it falls in
    ("gnad450", GNAD, "Die Versammlung der Bischöfe beginnt am Montag, 15. Juni, um 15 Uhr mit einem Gebet beim Gnadenaltar in der Mariazeller Basilika.",
     [("Montag, 15. Juni", "2015-06-15", "date")]),
]


@pytest.mark.parametrize("source,published,text,expected", CASES, ids=[c[0] for c in CASES])
def test_class_on_real_sentence(nlp, source, published, text, expected):
    assert dates(nlp, text, published) == expected


@pytest.mark.parametrize("text", [
    # the idiom "am Ende des Tages" (in the end) is no date; only "im Laufe des Tages" is
    "Trotzdem will ich Ihnen sagen: Das Gremium hier ist der Deutsche Bundestag, und am Ende des Tages tragen wir alle dafür Verantwortung, dass die Geheimdienste ordentlich parlamentarisch kontrolliert werden.",
    # "Q2"/"Q3" without a year stay out: qualifying sessions ("von Q1 weg") and car models share the form
    "Diese Tests werden wir in Q2 deutlich ausweiten und wollen Ende Q3 in den bundesweiten Launch gehen.",
])
def test_not_a_date(nlp, text):
    assert dates(nlp, text, GNAD) == []


def test_weekday_year():
    assert weekday_year("2016-06-15", 0) == "2015-06-15"  # 15 June 2015 was the Monday
    assert weekday_year("2016-06-13", 0) == "2016-06-13"  # already right
    assert weekday_year("2016-02-29", 3) == "2016-02-29"  # no other year has the day: unchanged
    assert weekday_year(None, 0) is None


def test_past_season_of_the_anchor():
    import datetime as dt

    assert resolve_season(dt.date(2016, 3, 15), "SP", "past", strict=True) == 2015  # spring barely begun
    assert resolve_season(dt.date(2015, 11, 20), "FA", "past", strict=True) == 2015  # most of autumn passed
    assert resolve_season(dt.date(2016, 3, 15), "SP", "past") == 2016  # without a modifier: this spring


def test_weekday_holiday_rules():
    import datetime as dt

    from pipeline.nlp.normalize import holiday_date

    assert holiday_date("12-24:6:-4", 2017, None) == dt.date(2017, 12, 3)  # 24 Dec a Sunday: the 4th Advent itself
    assert holiday_date("12-24:6:-4", 2016, None) == dt.date(2016, 11, 27)
    assert holiday_date("11-22:2:-1", 2016, None) == dt.date(2016, 11, 16)  # Buß- und Bettag
    assert holiday_date("05-01:6:2", 2016, None) == dt.date(2016, 5, 8)  # 1 May a Sunday: Mother's Day the 8th


@pytest.mark.parametrize("rule", ["05-01:6", "05-01:6:0", "12-24:7:-4", "E+x", "13-01", "Muttertag"])
def test_a_holiday_rule_in_no_known_form_names_the_file(tmp_path, rule):
    """A typo in a holiday rule of dates.json stops at load with the file and the rule, not with
    a ValueError inside `holiday_date` on the first article that names the holiday."""
    import json

    from pipeline.errors import LanguageDataError, LanguageDataUnreadable
    from pipeline.nlp.normalize import LANG_DIR, lang_data

    data = json.loads((LANG_DIR / "dates.json").read_text(encoding="utf-8"))
    data["holidays"]["muttertag"] = rule
    (tmp_path / "dates.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LanguageDataError, match="muttertag") as e:
        lang_data("dates.json", str(tmp_path))
    assert str(tmp_path / "dates.json") in str(e.value) and isinstance(e.value, LanguageDataUnreadable)


def test_broken_language_data_stops_the_run_in_one_line(tmp_path, monkeypatch):
    """An unknown key or a file that is no JSON: `presseschau run` exits 2 with one line naming
    the file (was a traceback: LanguageDataError was no CannotStart)."""
    import json

    from typer.testing import CliRunner

    import pipeline.nlp.normalize as normalize
    from pipeline.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Am 8. Mai 2016 gingen 300 Menschen in Berlin auf die Straße.", encoding="utf-8")
    lang = tmp_path / "lang"
    lang.mkdir()
    for p in normalize.LANG_DIR.iterdir():
        (lang / p.name).symlink_to(p)
    data = json.loads((normalize.LANG_DIR / "dates.json").read_text(encoding="utf-8"))
    data["extra_key"] = []
    (lang / "dates.json").unlink()
    (lang / "dates.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(normalize, "LANG_DIR", lang)
    normalize.lang_data.cache_clear()
    try:
        res = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-n", "1", "--no-progress"])
    finally:
        normalize.lang_data.cache_clear()
    assert res.exit_code == 2, res.output
    shown = "".join(res.output.split())  # the console wraps the line
    assert "Traceback" not in res.output and "".join(f"{lang / 'dates.json'}: unknown keys ['extra_key']".split()) in shown


def test_calendar_week_zero_has_no_iso_value(nlp):
    """'KW 0' is no ISO week: value null, as week 53 of a year with 52 (was '2016-W00')."""
    assert dates(nlp, "Die Lieferung kommt in KW 0.", GNAD) == [("KW 0", None, "date")]
    assert dates(nlp, "Die Lieferung kam in KW 53 2015.", GNAD) == [("KW 53 2015", "2015-W53", "date")]


@pytest.mark.parametrize("text", [
    "Rund 1500 bis 2000 Menschen demonstrierten am Samstag vor dem Parlament.",
    "Zwischen 1500 und 2000 Menschen demonstrierten am Samstag vor dem Parlament.",
    "1500 bis 2000 Menschen demonstrierten am Samstag vor dem Parlament.",
])
def test_a_pair_of_round_numbers_before_a_plural_noun_counts_it(nlp_model, text):
    """An estimate's bounds before the plural noun they count are two FIGUREs of it, no years
    (the second was a year after "bis"/"und", or both were: no corpus sentence has this shape,
    the sentences are written for it). "von 1991 bis 1993 Bundesminister" and the two cases
    above stay years. The parse tells the noun: the trained pipeline."""
    from figure_helpers import model_figs

    assert [t for t, _, _ in dates_of(nlp_model, text, "2020-01-06")] == ["Samstag"]
    assert [(t, v, a) for t, v, _, a in model_figs(nlp_model, text)] == [("1500", 1500, "Mensch"), ("2000", 2000, "Mensch")]
    assert [t for t, _, _ in dates_of(nlp_model, "Er war von 1991 bis 1993 Bundesminister für Arbeit.", "2020-01-06")] == ["1991", "1993"]
