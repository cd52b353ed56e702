"""`about` in lists and results tables: a list under a heading line ("folgende Mittelwerte ...:"), a
results table's heading and where prose ends it, "Label: N" lines, a count after its plural noun
(measures.json "list_headings", "table_headings")."""
from figure_helpers import abouts, model_figs


# origin: session 13, dev8/dev9 errors
def test_list_after_a_heading_measures_the_heading(nlp_model):
    # `list_headings`: a poll list on a line of its own after "folgende Mittelwerte ...:" (wn63838, dev8
    # annotators' call), before the vote-share rule and the parse's neighbours ("Bündnis")
    text = ("Eine Analyse der veröffentlichten Umfragen großer Meinungsforschungsinstitute hat für die Parteien "
            "folgende Mittelwerte bezüglich der Sonntagsfrage für den Bundestag ergeben:\n\nCDU/CSU 31 Prozent; "
            "SPD 28 Prozent; Bündnis 90/Die Grünen 19,3 Prozent; Die Linke 9,8 Prozent.")
    got = abouts(nlp_model, text)
    assert [a for _, a in got] == ["Mittelwert"] * 4


# origin: session 13, dev8/dev9 errors
def test_colon_without_a_heading_word_is_no_list_heading(nlp_model):
    # no word of `list_headings` before the colon: the figures keep their own rules
    text = "Das Ergebnis der Umfrage: 31 Prozent der Befragten sind dafür."
    assert ("31 Prozent", "Befragte") in abouts(nlp_model, text)


_TABLE = ("Die Evangelische Volkspartei tritt erstmals seit zwölf Jahren wieder an.\n\n Wahlergebnisse 2005: \n\n"
          "Solothurn/Lebern \nAmtei Solothurn/Lebern\nStimmberechtigte: 39611   \n\n"
          " Freisinnig-demokratische Partei: 28.56 % Sitze 7 (2001: 35,2%;1997: 35,3%)\n"
          "Christlichdemokratische Volkspartei: 16.58 % Sitze 4 (2001: 22,1%; 1997: 24,2%)\n")


# origin: session 29 (second round), web_pages_de katholisch.at: a count with its own noun after a colon whose heading
# names "Zahlen" counts its noun, not the heading's (`list_headings`); it was "Zahl"
def test_list_heading_leaves_a_count_with_its_own_noun(nlp_model):
    got = dict(abouts(nlp_model, "Der Bedarf nach solchen Formen der Unterstützung ist groß, wie die ÖPA mit folgenden "
                                 "Zahlen belegen: 2020 gab es in Österreich 162.000 Alleinerziehende."))
    assert got["162.000"] == "Alleinerziehende", got


# origin: session 13, dev8/dev9 errors
def test_results_table_keeps_its_heading(nlp_model):
    # `table_headings`: the guidelines' results-table call, before the vote-share rule (wn3552, dev3)
    got = dict(abouts(nlp_model, _TABLE))
    assert got["28.56 %"] == "Wahlergebnis" and got["16.58 %"] == "Wahlergebnis"


# origin: session 13, dev8/dev9 errors
def test_prose_between_heading_and_figure_ends_the_table(nlp_model):
    # a prose line (a period, more than `prose_words` words) between: the heading does not reach the figure;
    # without it, it does
    tail = "Am Ende waren es 41 Prozent.\n"
    prose = "Die Partei hat in diesem Jahr im ganzen Kanton deutlich verloren und liegt nun hinten.\n"
    assert ("41 Prozent", "Ergebnis") in abouts(nlp_model, "Ergebnisse 2005:\n\n" + tail)
    assert ("41 Prozent", "Ergebnis") not in abouts(nlp_model, "Ergebnisse 2005:\n\n" + prose + tail)


# origin: session 9, dev3 errors (an id without a set: dev3)
def test_about_table_labels(nlp_model):
    # wn3552: "Label: N" lines of a results table count their label (a container noun first: the noun after it)
    text = ("Stand: 27.02.2005, 18:23   \nAnzahl Gemeinden: 17 / 17   \nStimmberechtigte: 39611   \n"
            "Stimmende: 15801   \n")
    assert [(f[0], f[3]) for f in model_figs(nlp_model, text)] == [
        ("17", "Gemeinde"), ("17", "Gemeinde"), ("39611", "Stimmberechtigte"), ("15801", "Stimmende")]


# origin: session 9, dev3 errors (an id without a set: dev3)
def test_about_count_after_its_noun_and_changes(nlp_model):
    # wn3552: "Sitze 7 (2001: ...)": a plural noun labels the count after it, and is not what the % before it measures
    figs_ = model_figs(nlp_model, "Freisinnig-demokratische Partei: 28.56 % Sitze 7 (2001: 35,2%;1997: 35,3%)\n")
    assert ("7", 7, None, "Sitz") in figs_ and ("28.56 %", 28.56, "%", "Sitz") not in figs_
    # wn31406: the first count of a change shares the noun of the second
    assert model_figs(nlp_model, "Die Sicherheitsratsresolution sieht eine Verstärkung der bereits im Land stationierten "
                                 "UN-Truppen (UNIFIL) von derzeit 2000 auf rund 15.000 Soldaten vor.") == [
        ("2000", 2000, None, "Soldat"), ("15.000", 15000, None, "Soldat")]


# origin: issue 18, dev13 errors (wn34485)
def test_list_items_share_the_first_items_label(nlp_model):
    # the first item names what its number is ("Rating: 2.750", a label inside the item's bracket), the
    # items after it, lines of the same shape, leave it out
    text = ("Im Zuge des Superturniers nehmen zehn Großmeister am Turnier teil:\n\n Peter Swidler ( Russland, "
            "Rating: 2.750)\n Alexander Morosewitsch ( Russland, 2.747)\n Levon Aronian ( Armenien, 2.741)\n"
            " Peter Leko (20px Ungarn, 2.741)\n\n")
    assert abouts(nlp_model, text) == [("zehn", "Großmeister"), ("2.750", "Rating"), ("2.747", "Rating"),
                                       ("2.741", "Rating"), ("2.741", "Rating")]


def test_bracketed_numbers_of_unlike_lines_share_nothing(nlp_model):
    # a bare number in a bracket on the line after a labelled one, but not closing an item the same way
    text = "Die Gemeinde hat viele Vereine ( Sport, Mitglieder: 350)\nDer Chor (seit 1990) probt 2 Mal."
    assert ("2", "Mitglied") not in abouts(nlp_model, text)


# origin: session 34, web page web110 of web_pages_de (a fishing rod's test, its closing spec list): an amount with a
# unit that ends a "Label: amount" list line measures the one-word label, the item's bullet before it (none before)
def test_spec_list_amount_measures_its_label(nlp_model):
    text = ("Merkmale der Testrute\n\n\\- Länge: 2,44 Meter\n\n\\- Wurfgewicht: 10 bis 40 Gramm\n\n"
            "\\- Gewicht: 186 Gramm\n\n\\- Transportlänge: 127 Zentimeter\n\n\\- Preis: 159,90 Euro\n")
    got = dict(abouts(nlp_model, text))
    assert got["2,44 Meter"] == "Länge", got
    assert got["10"] == got["40 Gramm"] == "Wurfgewicht", got
    assert got["186 Gramm"] == "Gewicht", got
    assert got["127 Zentimeter"] == "Transportlänge", got
    assert got["159,90 Euro"] == "Preis", got
    # 10kGNAD gnad389: a period compared with is no label that names a measure (it was "Vorjahr" without the check)
    got = dict(abouts(nlp_model, "Der Umsatz im Konzern solle 2016 auf circa 4 Mrd. Euro zulegen (Vorjahr: 3,716 Mrd. Euro)."))
    assert got["3,716 Mrd. Euro"] != "Vorjahr", got
