"""What a FIGURE measures (`about`) where its clause names it, on real text with the trained model (`nlp_model`):
"fassen" measures its subject's capacity ("der Onboardspeicher fasst 32 GB"), a common-noun subject of the figure's own
clause wins over the unit carried from the amount before (`elliptic_unit`), but only where it opens its clause, and a
surname before a bracketed amount ("Mirja Gutzeit (3,50 Meter)") is nothing the amount measures. 10kGNAD and
web_pages_de sentences read from ../shared/data at run time (local testing only) and open dev sentences;
docs/measurements/dates_figures.md, "Session 29 (known date and figure classes)". (`about` by construction on the
blank pipeline: tests/figures/test_about_*.py.)"""
from test_alpine_de import _gnad, _web
from figure_helpers import abouts


def test_fassen_measures_its_subjects_capacity(nlp_model):
    # "fasst 8.600 mAh" had its unit (session 27) but no `about`; "der Onboardspeicher fasst 32 GB" took the RAM of
    # the clause before (`elliptic_unit`); the guidelines: the about of a capacity is the thing that has it
    from figure_helpers import model_figs

    got = model_figs(nlp_model, _gnad("gnad996", "fasst 8.600 mAh"))
    assert ("8.600 mAh", 8600, "mAh", "Akku") in got
    got = model_figs(nlp_model, _gnad("gnad584", "der Onboardspeicher fasst 32 GB"))
    assert ("32 GB", 32, "GB", "Onboardspeicher") in got and ("drei GB", 3, "GB", "RAM") in got


def test_elliptic_unit_yields_to_the_clauses_own_noun_subject(nlp_model):
    # "wobei die Treibstoffpreise mit minus 16,8 Prozent ... wirkten" took "Preis" from the amount before in its
    # unit (`elliptic_unit`); a common-noun subject of the figure's own clause after that amount is what it measures
    from figure_helpers import model_figs

    got = model_figs(nlp_model, _gnad("gnad493", "Treibstoffpreise mit minus 16,8 Prozent"))
    assert ("minus 16,8 Prozent", -16.8, "%", "Treibstoffpreis") in got and ("4,0 Prozent", 4, "%", "Preis") in got
    # a figure in brackets is an apposition: the subject of the clause is not what it measures (gnad473)
    got = model_figs(nlp_model, _gnad("gnad473", "dem Galaxy S6 (388 MBit/s)"))
    assert [g for g in got if g[0] == "388 MBit/s"] == [("388 MBit/s", 388, "Mbit/s", "Wert")]


def test_own_subject_only_where_it_opens_its_clause(nlp_model):
    # dev9 wn28062 (an open set): "und hat die Wahlen ... mit 44,5 Prozent gewonnen": the parse makes "Wahlen" the
    # subject; after the finite verb it is the object, and the share stays the votes' (`elliptic_unit`)
    from figure_helpers import model_figs

    text = ("Nach der Auszählung von mehr als Dreiviertel der abgegebenen Wahlzettel liegt der 57-jährige Alan García "
            "mit 55,5 Prozent der Stimmen vorne und hat die Wahlen damit klar vor Ollanta Humala mit 44,5 Prozent "
            "gewonnen, der im ersten Wahlgang am 9. April noch die meisten Stimmen erhalten hatte.")
    assert ("44,5 Prozent", 44.5, "%", "Stimme") in model_figs(nlp_model, text)


# flvw.de: `bracket_measure` took a surname the tagger called NOUN for what a height measures
def test_bracketed_amount_after_a_name_measures_no_name(nlp_model):
    text = _web("tests/eval/flvw.de-hallenmeisterschaften.html", "Mirja Gutzeit (3,50 Meter)")
    got = dict(abouts(nlp_model, text))
    assert got["3,50 Meter"] != "Gutzeit" and got["3,00 Meter"] != "Gutzeit", got
