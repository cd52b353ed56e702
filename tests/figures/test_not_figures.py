"""Numbers that are no FIGURE: vague amounts ("einige hundert"), identifiers (model numbers, sections of a law,
alarm levels, school grades, transponders: identifiers.json), ranks, a storm's category, coordinates, match
results, years before Christ, the minutes of a clock time ("20 Uhr 15"); and the guards where a number stays a
FIGURE."""
import pytest

from figure_helpers import abouts, doc_figs, fig_rows, figs, gnad_sentence


# origin: session 9, dev3 errors (an id without a set: dev3)
@pytest.mark.parametrize("text,expected", [
    # wn6028, wn67548: "einige/mehrere hundert" is vague, no figure (guidelines); a plain "hundert" is one
    ("Zeitgleich wurden einige hundert demonstrierende Studenten auf dem Gelände der größten Universität von Addis Abeba verhaftet.", []),
    ("Schnell sei er an die Spitze der Hierarchie des mehrere hundert Mitglieder umfassenden Bonanno-Clans gelangt.", []),
    ("Ein paar tausend Menschen demonstrierten, dazu kamen hundert Polizisten.", [("hundert", 100)]),
    # wn83739: "hunderten", "tausende"
    ("General Soleimani und seine Quds-Einheit waren für den Tod von hunderten Amerikanern und Koalitionsangehörigen "
     "und mehr als tausende Verletzte verantwortlich.", []),
])
def test_vague_amounts_are_no_figures(nlp, text, expected):
    assert [f[:2] for f in figs(nlp, text)] == expected


# origin: session 11, dev6 errors
@pytest.mark.parametrize("text, expected", [
    # a model number after a hyphen is part of the name, not a count (wn84297, dev6; GUIDELINES:
    # "Boeing 767-300" no FIGURE)
    ("Nur vier Minuten nach dem Start ist eine Boeing 737-500 der indonesischen Fluggesellschaft "
     "Sriwijaya Air von den Radarschirmen verschwunden.", []),
    # a range glued by a hyphen with its unit stays two figures (wn80622, dev3)
    ("So verwendet zum Beispiel ein Versuchslabor in Italien zum Nachweis von Neutrinos 300-500 t schwere "
     "Flüssigszintillatoren.", [("300", 300, "t", "Flüssigszintillator"), ("500 t", 500, "t", "Flüssigszintillator")]),
    # "Sektion 11" numbers a part of a law, like "Artikel 4" (wn76513, dev6; identifiers.json)
    ("Die Sektion 11 des Criminal Law Ammendment diente dazu, homosexuelle Handlungen zu verfolgen.", []),
])
def test_not_figures_dev6(nlp_model, text, expected):
    assert [(t, v, u, a) for t, v, u, a in doc_figs(nlp_model, text)] == expected


# origin: session 11, dev7 errors
@pytest.mark.parametrize("text", [
    # a compound in "-stufe" names a level like "Stufe 3" (wn62691, dev7; identifiers.json)
    "Bereits in der Nacht zum Mittwoch wurde in Brandenburg die Hochwasseralarmstufe 2 ausgelöst.",
    "Irgendwann in den nächsten Tagen soll der steigende Wasserstand dann die Ausrufung der Alarmstufe 4, "
    "der höchsten Stufe, notwendig machen.",
    "Die Behörden haben die Dämme bereits gemäht, damit die ab der Warnstufe 3 vorgeschriebene Überwachung "
    "sorgfältiger erfolgen kann.",
])
def test_level_compounds_are_identifiers(nlp_model, text):
    assert fig_rows(nlp_model, text) == []


# origin: session 13 round 2, dev10 errors (an id without a set: dev10)
def test_school_grades_are_identifiers(nlp_model):
    # identifiers.json `before_digits_only`: "Klasse(n)" + digits names a grade, and the end of its range too (wn82348)
    text = ("Die Gemeinschaftsschule ist verbindliche Ganztagsschule in den Klassen 5 bis 10, bietet an einzelnen "
            "Orten gemeinsames Lernen von Klasse 1 bis 10 und kann darüber hinaus auch die Oberstufe anbieten.")
    assert abouts(nlp_model, text) == []


# origin: session 13 round 2, dev10 errors (an id without a set: dev10)
def test_counted_classes_stay_figures(nlp_model):
    # guards: a number before "Klassen" counts them; a range after a noun that names no identifier stays
    got = abouts(nlp_model, "Es gibt drei Klassen mit 25 Schülern.")
    assert ("drei", "Klasse") in got and ("25", "Schüler") in got
    assert [v for v, _ in abouts(nlp_model, "Die Preise stiegen von 5 bis 10 Euro.")] != []


# origin: session 14, dev11 errors (an id without a set: dev11)
def test_scale_categories_are_no_figures(nlp_model):
    # the dev11 annotators' call: a storm's category is no quantity (wn12706)
    text = ("Bereits gestern hatte Rita Kurs auf Texas genommen, jetzt hat er die Hurrikan-Stärke zwei erreicht. "
            "Das „National Hurricane Centre“ der USA geht davon aus, dass er Kategorie fünf erreichen wird.")
    assert figs(nlp_model, text) == []


# origin: session 14, dev11 errors (an id without a set: dev11)
def test_earthquake_magnitude_stays(nlp_model):
    # guard: an earthquake's "Stärke 4,4" is measured (dev gold, wn15980)
    text = "Bei Lauffenburg ereignete sich ein Erdbeben der Stärke 4,4 auf der Richter-Skala."
    assert abouts(nlp_model, text) == [("4,4", "Stärke")]


# origin: session 14, dev11 errors (an id without a set: dev11)
def test_ranks_identifiers_and_coordinates_are_no_figures(nlp_model):
    # ranks (wn72118, wn56019), a transponder and a coordinate (wn54805), a genitive article number (wn24326)
    assert [f[0] for f in figs(nlp_model, "Ron Paul und Newt Gingrich kamen mit deutlichem Rückstand auf die "
                                          "Plätze drei und vier und erhielten 9,3 bzw. 8,0 Prozent der abgegebenen Stimmen.")] \
        == ["9,3", "8,0 Prozent"]
    assert figs(nlp_model, "Sie verdrängte die nun auf Position vier liegende Záhrobská vom Bronzerang.") == []
    assert figs(nlp_model, "Der temporäre Kanal ist auf Transponder 101 des Satelliten ASTRA 1H 19,2° Ost zu erreichen.") == []
    assert figs(nlp_model, "Sie bitten, die Anwendung des ´Artikels 7` der Verfassung in Betracht zu ziehen.") == []


# origin: session 14, dev11 errors (an id without a set: dev11)
def test_counted_places_and_positions_stay(nlp_model):
    # guard: a number before the noun counts it
    got = abouts(nlp_model, "Es gibt noch drei Plätze und zwei Positionen.")
    assert ("drei", "Platz") in got and ("zwei", "Position") in got


# origin: session 14, dev11 errors (an id without a set: dev11)
def test_name_with_number_before_a_genitive_name_stays_out(nlp_model):
    # guard: "die Boeing 747 der Lufthansa" is a name's number
    assert figs(nlp_model, "Die Boeing 747 der Lufthansa landete am Morgen.") == []


# origin: session 14, dev11 errors (an id without a set: dev11)
# session 14, after dev12's blind measure (dev12 wn47872)
def test_results_lines_with_half_time_scores_are_no_figures(nlp_model):
    # "Team – Team 2 : 1 (1 : 0)": a match result, not a figure (issue 18: scores of a match are no
    # figures); the real lines of a Bundesliga matchday from the Wikinews text (names with digits too)
    import gzip
    import json

    from repo_data import NEWS

    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as fh:
        text = next(r["text"] for r in map(json.loads, fh) if r["id"] == "wn47872")
    lines = [ln for ln in text.splitlines() if " – " in ln and ":" in ln]
    assert len(lines) >= 9 and any("Hannover 96" in ln for ln in lines) and any("(Revierderby)" in ln for ln in lines)
    assert figs(nlp_model, "\n\n".join(lines)) == []


# origin: session 14, dev11 errors (an id without a set: dev11)
def test_a_dash_line_with_a_count_at_its_end_stays_a_figure(nlp_model):
    # guard: no score after the names, so the number is a figure as before
    got = abouts(nlp_model, "Berlin – Hamburg: Auf der Strecke fuhren am Sonntag 120 Sonderzüge.")
    assert ("120", "Sonderzug") in got


# origin: session 13, dev8/dev9 errors (round 2: dev10)
def test_bc_year_is_no_figure(nlp):
    text = "In der Jungsteinzeit zwischen etwa 2500 und 2400 vor Christus hat ein Mann gelebt."  # wn4927 (dev10)
    assert figs(nlp, text, "2005-04-27") == []


# origin: session 23, dev15 errors (wn4555)
def test_version_numbers_after_the_plural_are_no_figures(nlp_model):
    # identifiers.json: "Versionen 8" names versions like "Version 8" (guidelines: versions are no FIGURE);
    # the "8" was a FIGURE counting Flash-Player
    text = ("Auf der Macromedia-Entwicklerkonferenz Flashforward 2005 in San Francisco hat der Chief Software "
            "Architect des Softwareunternehmens Kevin Lynch Anfang April erneut einen Einblick in die kommenden "
            "Versionen 8 des Flash-Players (Codenamen: „Maelstrom“) und des Flash-Autoren-Tools (Codenamen „8Ball“) gegeben.")
    assert figs(nlp_model, text) == []


# origin: session 31, Wikinews wn68535 and 10kGNAD gnad395 (a fourth unseen Wikinews sample)
def test_minutes_after_uhr_are_no_figure(nlp):
    # wn68535 and 10kGNAD gnad395: "4 Uhr 30", "20 Uhr 15" are clock times; the minutes were a FIGURE 30 / 15
    assert not figs(nlp, "Die „Kachelmanngroupies“ standen seit 4 Uhr 30 morgens vor den Absperrgittern am Seiteneingang.",
                    "2011-06-04")
    s = "So startet auch der Bremer Tatort Wer Wind erntet, sät Sturm am Sonntag um 20 Uhr 15."
    assert not figs(nlp, s, "2016-03-15")


# origin: session 37 (about), 10kGNAD gnad58 and gnad893 (the first unseen, the second found by the pool check): the first
# number of a range whose second is a clock time is a clock time too; it was a FIGURE about "Uhr"
@pytest.mark.parametrize("doc_id, key, first", [
    ("gnad58", "Montags 10 bis 12 Uhr", "10"),
    ("gnad893", "zwischen 11 und 19 Uhr", "11"),
])
def test_first_number_of_a_clock_time_range_is_no_figure(nlp_model, doc_id, key, first):
    got = figs(nlp_model, gnad_sentence(doc_id, key))
    assert first not in [f[0] for f in got], got
