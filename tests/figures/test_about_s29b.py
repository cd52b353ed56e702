"""Session 29, second round (about, issue 18): classes found on a second unseen, self-labelled sample of 25 10kGNAD
articles and 10 web_pages_de news pages (../shared/data, local testing only: the text is read at run time or quoted
in one sentence, never copied here)."""

from figure_helpers import abouts, fig_rows, gnad_sentence


# origin: session 29 (second round), web_pages_de scinexx.com: "Nanometer" is a unit (nm); the amount had none
def test_nanometer_is_a_unit(nlp_model):
    rows = fig_rows(nlp_model, "Um das zu testen, verwendete das Forschungsteam nun einen 500-fach größeren Reaktor, dessen "
                               "Lichtquelle aus einem dichten Array von LEDs der Wellenlänge 470 Nanometer bestand.")
    assert any(r[0] == "470 Nanometer" and r[1] == 470 and r[2] == "nm" for r in rows), rows


# origin: session 29 (second round), web_pages_de katholisch.at: a count with its own noun after a colon whose heading
# names "Zahlen" counts its noun, not the heading's (`list_headings`); it was "Zahl"
def test_list_heading_leaves_a_count_with_its_own_noun(nlp_model):
    got = dict(abouts(nlp_model, "Der Bedarf nach solchen Formen der Unterstützung ist groß, wie die ÖPA mit folgenden "
                                 "Zahlen belegen: 2020 gab es in Österreich 162.000 Alleinerziehende."))
    assert got["162.000"] == "Alleinerziehende", got


# origin: session 29 (second round), 10kGNAD gnad81: a bare count before "statt" counts the noun of the count it
# replaces (`alternative_links`); it had no `about`
def test_count_before_statt_shares_the_noun(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad81", "50 statt 100 Flüchtlingen")))
    assert got["50"] == "Flüchtling", got
    assert got["100"] == "Flüchtling", got
