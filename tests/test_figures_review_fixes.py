"""Session 12 review fixes (figures.py, dates.py): each on the reviewer's sentence that went wrong."""
import pytest

from figure_helpers import dates_of, figs, make


@pytest.fixture(scope="module")
def nlp():
    return make()


def _figure(nlp):
    return next(p for _, p in nlp.pipeline if hasattr(p, "_change_compound"))


# 1. only real compounds of "Alter" (measures.json "age_compounds": `min_prefix`, `not_endings`) make
# years after "auf" an age; "von X auf Y" after one is two ages
@pytest.mark.parametrize("text, expected", [
    ("Der Aufsichtsrat hat den Insolvenzverwalter auf fünf Jahre bestellt.", [("fünf Jahre", "P5Y", "duration")]),
    ("Die Mitglieder wählten Walter auf drei Jahre.", [("drei Jahre", "P3Y", "duration")]),
])
def test_words_ending_in_alter_are_no_age(nlp, text, expected):
    assert dates_of(nlp, text, "2010-01-01") == expected
    assert not figs(nlp, text, "2010-01-01")


def test_age_compound_von_auf_both_ages(nlp):
    text = "Gefordert wird die Anhebung des Rentenalters von 65 auf 67 Jahre."
    assert not dates_of(nlp, text, "2005-06-14")
    assert [(f[0], f[1], f[2], f[3]) for f in figs(nlp, text, "2005-06-14")] == [
        ("65", 65, "year", "Rentenalter"), ("67 Jahre", 67, "year", "Rentenalter")]


# 2. compounds of a change noun split only for heads of the "Erhöhung" kind (`change_compound_heads`)
def test_change_compound_heads(nlp):
    fig = _figure(nlp)
    assert fig._change_compound("Wirtschaftswachstum") is None
    assert fig._change_compound("Umsatzplus") is None
    assert fig._change_compound("Gehaltserhöhung") == "Gehalt"
    assert fig._change_compound("Mehrwertsteuererhöhung") == "Mehrwertsteuer"


def test_growth_compound_is_no_change_of_its_first_part(nlp_model):
    text = "Die Regierung senkte die Prognose für das Wirtschaftswachstum auf 1,5 Prozent."
    assert [(f[0], f[3]) for f in figs(nlp_model, text)] == [("1,5 Prozent", "Prognose")]
    text = "Die Bank rechnet mit einem Wirtschaftswachstum um 2 Prozent."
    assert "Wirtschafts" not in [f[3] for f in figs(nlp_model, text)]


# 3. a vote cue is a noun, not a sentence's first verb (`vote_shares`)
def test_sentence_initial_verb_is_no_vote_cue(nlp, nlp_model):
    text = "Bestimmen Sie selbst, was Sie kaufen. Der Rabatt beträgt 20 Prozent."
    assert [(f[0], f[3]) for f in figs(nlp, text)] == [("20 Prozent", None)]
    assert "Stimme" not in [f[3] for f in figs(nlp_model, text)]


def test_vote_cue_noun_still_counts(nlp):
    text = "Bei der Landtagswahl kam die Partei auf 20 Prozent."
    assert ("20 Prozent", "Stimme") in [(f[0], f[3]) for f in figs(nlp, text)]
