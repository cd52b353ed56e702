"""Years counted back from publication: "vor N Jahren" (with qualifiers, fractions, counts beyond four digits, a
deictic day before it), years before Christ (1 BC is ISO 8601's year 0000) and their ranges (dates.json
"bc_markers", "bc_range_links"), and "das neue Jahr" (dates.json "new_year", tested with the fractions)."""
import pytest

from figure_helpers import dates_of


# origin: session 11, dev6 errors and the coverage sweep (an id without a set: a train article)
# two qualifiers before a relative time (qualifiers.json "fast genau"): "vor" still reaches the
# amount, so it is the time that long before publication, not a duration
def test_two_qualifiers_before_ago(nlp):
    text = "Vor fast genau zwei Jahren schien EADS den Deal schon in der Tasche zu haben."  # wn61671 (dev5)
    assert ("zwei Jahren", "2008", "date") in dates_of(nlp, text, "2010-03-09")
    text = "Vor fast genau einem Jahr, am 28. September 2005, stürzte bei Weilheim/Teck der Hubschrauber ab."  # wn33276 (dev6)
    assert ("einem Jahr", "2005", "date") in dates_of(nlp, text, "2006-09-27")
    # one qualifier, as before
    text = "Vor knapp zwei Jahren hatte das Regime in Pjöngjang die internationalen Inspektoren ausgewiesen."  # wn1265
    assert ("zwei Jahren", "2002", "date") in dates_of(nlp, text, "2004-12-06")


# origin: session 35, the unseen 10kGNAD sample: a focus particle between "vor" and its amount (measures.json
# "ago_focus_particles") keeps the time relative, as a qualifier does; after "in" the time stays a duration
def test_focus_particle_before_ago(nlp):
    text = ("Fast 3000 größtenteils hellauf begeisterte User-Rezensionen bescheinigen dem kleinen Spiel seit seinem Start "
            "auf Steam vor erst knapp zwei Wochen (!) höchste Qualität.")  # gnad123, anchored at 2016-03-15
    assert ("zwei Wochen", "2016-W09", "date") in dates_of(nlp, text, "2016-03-15")
    text = "Einige Funde deuten auf eine Domestizierung vor bereits 40.000 Jahren hin."  # gnad403
    assert ("40.000 Jahren", "-37984", "date") in dates_of(nlp, text, "2016-03-15")
    # guards: a deictic day before it, read so already (wn73273); "in nur" is a duration
    text = "Heute vor genau einem Jahr erging dort der Urteilsspruch."  # wn73273
    assert ("Heute vor genau einem Jahr", "2015-03-15", "date") in dates_of(nlp, text, "2016-03-15")
    text = "Der Wagen soll in nur zehn Minuten Ladezeit vollständig aufgeladen sein."  # wn55767
    assert ("zehn Minuten", "PT10M", "duration") in dates_of(nlp, text, "2016-03-15")


# origin: session 37 (helper dates, session 36's left class): the particles of "by now" are focus particles too, and
# two may stand in a row (measures.json "ago_focus_particles", `_ago_over_particles`): still ago, no duration
def test_two_focus_particles_before_ago(nlp):
    text = "So bin ich vor mittlerweile 5 Jahren auf die Hamburger Surfwearmarke MYMARINI aufmerksam geworden."  # web page
    assert dates_of(nlp, text, "2016-03-15") == [("5 Jahren", "2011", "date")]
    text = "Liebe Besucher, vor mittlerweile über sieben Jahren habe ich Professor PC gestartet."  # prof-pc.de
    assert dates_of(nlp, text, "2016-03-15") == [("sieben Jahren", "2009", "date")]
    text = ("Darum ist es gut, dass der Bund und die Länder sich vor nun bald zwei Jahren auf einen neuen "
            "Bund-Länder-Finanzausgleich verständigt haben.")  # bundespraesident.de
    assert dates_of(nlp, text, "2003-03-31") == [("zwei Jahren", "2001", "date")]
    # guard: a duration after "in" stays one, whatever particle precedes it
    assert dates_of(nlp, "Das Gerät ist in mittlerweile zehn Minuten aufgeladen.", "2016-03-15") == [
        ("zehn Minuten", "PT10M", "duration")]


# a relative time with a fraction keeps the precision of the unit it names (guidelines; dev4 gold)
FRACTIONS = [
    ("wn25900", "2006-04-28", "Die Anschläge auf die beiden Bürotürme ereigneten sich vor viereinhalb Jahren am 11. September 2001.",
     ("viereinhalb Jahren", "2001", "date")),
    ("wn38180", "2007-02-13", "Colomer empfahl dem Gericht, der vor zweieinhalb Jahren angestrengten Klage der EU-Kommission "
     "gegen die Bundesrepublik Deutschland stattzugeben.", ("zweieinhalb Jahren", "2004", "date")),
]


# "das neue Jahr" (dates.json "new_year"): the year whose 1 January lies nearest publication
NEW_YEAR = [
    ("wn2937", "2005-02-02", "Das neue Jahr ist gerade mal einen Monat alt und schon macht sich der Unmut breit.",
     ("neue Jahr", "2005", "date")),
    ("wn35012", "2006-11-15", "Bis Neujahr sollen 90 Entlassungen stattfinden, 39 weitere sind im neuen Jahr möglich.",
     ("neuen Jahr", "2007", "date")),
    ("wn3814", "2005-03-09", "Nach einem Bericht der „Frankfurter Allgemeine Zeitung“ ist der kriselnde Handelskonzern "
     "KarstadtQuelle mit einem Umsatzminus ins neue Jahr gestartet.", ("neue Jahr", "2005", "date")),
]


# origin: session 10, dev4 errors (an id: a dev4 article or German news outside the rule dev sets)
@pytest.mark.parametrize("source,published,text,expected", NEW_YEAR + FRACTIONS, ids=[c[0] for c in NEW_YEAR + FRACTIONS])
def test_new_year_and_fractions(nlp_model, source, published, text, expected):
    assert expected in dates_of(nlp_model, text, published)


# origin: session 13, dev8/dev9 errors (round 2: dev10)
# "vor 30.000 Jahren" is a year before 1 AD with more digits, not a duration (figures/durations.py ago_value);
# dev7 ("vor mehr als 12.500 Jahren" -> -10493) and dev8 gold; "in 10 Millionen Jahren" stays a duration
def test_years_ago_beyond_four_digits(nlp):
    text = "Der Mensch der Steinzeit nutzte offenbar vor 30.000 Jahren in Europa schon häufiger Pflanzen."  # wn64137 (dev8)
    assert dates_of(nlp, text, "2010-10-19") == [("30.000 Jahren", "-27990", "date")]


# origin: session 25 (s25-dates), dev7 wn37353: "in" + years beyond four digits in a clause that is not past is
# the year that far ahead (ISO 8601's expanded years), as "vor" + such years is the year before 1 AD; the gold
# of dev7 gives 2002007 for both (published 2007-01-21); the rules gave a duration P2000000Y
@pytest.mark.parametrize("text", [
    "Brown schätzt, dass der Komet erst in zwei Millionen Jahren entstehen wird und dann von der Erde aus sichtbar ist.",
    "„Wenn Sie in zwei Millionen Jahren noch mal wiederkämen, könnte EL61 durchaus ein Komet sein.",
])
def test_years_ahead_beyond_four_digits(nlp, text):
    assert ("zwei Millionen Jahren", "2002007", "date") in dates_of(nlp, text, "2007-01-21")


# origin: session 9, dev3 errors (an id without a set: dev3)
@pytest.mark.parametrize("published,text,expected", [
    # wn80622: a geological time in a past clause is a duration, never the year 10002017 (ahead, in a clause that
    # is not past, it is a year: test_years_ahead_beyond_four_digits)
    ("2017-06-01", "2008 erklärte er zu einem Projekt im Bereich der Biomasse-Energie: „Was in 10 Millionen Jahren in der "
     "Erde geschah, machen wir in 10 Sekunden.“",
     [("2008", "2008", "date"), ("10 Millionen Jahren", "P10000000Y", "duration"), ("10 Sekunden", "PT10S", "duration")]),
    # "vor" + years beyond four digits is a year before 1 AD (session 13: dev7 wn37353 "vor etwa 4,5 Milliarden Jahren"
    # -> -4499997993, dev8 wn64137 "vor 30.000 Jahren" -> -27990), no duration; "in" + such years stays one (above)
    ("2017-06-01", "Die Erde entstand vor 4,5 Milliarden Jahren.", [("4,5 Milliarden Jahren", "-4499997983", "date")]),
    # a year-like count of years is a count, not the year 2000; BC years are astronomical (-0483 = 484 v. Chr.)
    ("2017-06-01", "Vor 2000 Jahren lebten hier Römer.", [("2000 Jahren", "0017", "date")]),
    ("2017-06-01", "Die Stadt wurde vor 2500 Jahren gegründet.", [("2500 Jahren", "-0483", "date")]),
])
def test_large_year_counts(nlp, published, text, expected):
    assert dates_of(nlp, text, published) == expected


# origin: session 9, dev3 errors (an id without a set: dev3)
@pytest.mark.parametrize("published,text,expected", [
    # wn52208: a deictic day before "vor N Jahren" is one DATE, that day N years before
    ("2008-08-19", "Der Volksempfänger wurde gestern vor 75 Jahren auf der Funkausstellung vorgestellt.",
     [("gestern vor 75 Jahren", "1933-08-18", "date")]),
    ("2008-08-19", "Heute vor einem Jahr starb der Sänger.", [("Heute vor einem Jahr", "2007-08-19", "date")]),
    ("2008-08-19", "Vor fünf Jahren starb der Sänger.", [("fünf Jahren", "2003", "date")]),
])
def test_deictic_day_years_ago(nlp, published, text, expected):
    assert dates_of(nlp, text, published) == expected


# origin: session 13, dev8/dev9 errors (round 2: dev10)
# years before Christ: "vor Christus" like "v. Chr." (dates.json "bc_markers"); the first member of a range takes
# the second's era (dates.json "bc_range_links"); dev10 gold
@pytest.mark.parametrize("text,expected", [
    ("In der Jungsteinzeit zwischen etwa 2500 und 2400 vor Christus hat ein Mann gelebt, dessen Skelett im Oktober "
     "2004 in Altdorf bei Landshut entdeckt wurde.", [("2500", "-2499", "date"), ("2400 vor Christus", "-2399", "date")]),
    ("Die Schnurkeramische Kultur währte etwa von 2800 bis 2400 vor Christus.",
     [("2800", "-2799", "date"), ("2400 vor Christus", "-2399", "date")]),  # both wn4927 (dev10)
    ("Die Siedlung bestand von 800 bis 450 v. Chr. am Ufer des Sees.",
     [("800", "-0799", "date"), ("450 v. Chr.", "-0449", "date")]),
])
def test_bc_years_and_ranges(nlp, text, expected):
    ds = dates_of(nlp, text, "2005-04-27")
    assert all(e in ds for e in expected)


# origin: session 13, dev8/dev9 errors (round 2: dev10)
@pytest.mark.parametrize("text,expected", [
    ("Die Stadt wurde im Jahr 50 vor Christi Geburt gegründet.", ("Jahr 50 vor Christi Geburt", "-0049", "date")),
    ("Das Grab stammt aus dem 5. Jahrhundert vor Christus.", ("5. Jahrhundert vor Christus", "-04", "date")),
    ("Er lebte um 44 v.Chr. in Rom.", ("44 v.Chr.", "-0043", "date")),
])
def test_bc_markers_everywhere_a_year_stands(nlp, text, expected):
    # the markers of dates.json "bc_markers" after a year, "Jahr" + year and a century alike
    assert expected in dates_of(nlp, text, "2005-04-27")


# origin: session 13, dev8/dev9 errors (round 2: dev10)
def test_bc_range_first_member_only_when_earlier(nlp):
    # "zwischen 20 und 400 v. Chr." would run backwards: the 20 stays no BC year
    ds = dates_of(nlp, "Funde aus der Zeit um 20 und 400 v. Chr. wurden gezeigt.", "2005-04-27")
    assert ("400 v. Chr.", "-0399", "date") in ds and not any(d[0] == "20" for d in ds)


# origin: session 25 (s25-dates): a count of days or weeks that reaches before year 1 or after 9999 crashed the
# figures component (OverflowError from the calendar), so the whole article was lost; it is a duration (no calendar
# day to give), and "N Tage zuvor/später" a DATE without a value. The sentences are dev8 wn64137's and dev9
# wn28114's with the count changed (no article of the open sets counts days that far).
@pytest.mark.parametrize("published,text,expected", [
    ("2010-10-19", "Der Mensch der Steinzeit nutzte offenbar vor 11 Millionen Tagen in Europa schon häufiger Pflanzen.",
     [("11 Millionen Tagen", "P11000000D", "duration")]),
    ("2010-10-19", "Der Mensch der Steinzeit nutzte offenbar vor 1,5 Millionen Wochen in Europa schon Pflanzen.",
     [("1,5 Millionen Wochen", "P1500000W", "duration")]),
    ("2006-06-06", "Am 3. Juni wurde das Tier gesehen. 4 Millionen Tage später legte es eine Strecke von 80 Kilometern zurück.",
     [("3. Juni", "2006-06-03", "date"), ("4 Millionen Tage später", None, "date")]),
])
def test_days_beyond_the_calendar(nlp, published, text, expected):
    assert dates_of(nlp, text, published) == expected


# origin: session 29, a date class left open by session 28 (the form of WikiWarsDE 09_GrecoPersian's years)
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
