"""The clause and the attributive participle, shared by the dates and the figures packages: a figure's clause is
dates/text.py `clause_bounds` with the clause marks without dashes (`CLAUSE_COMMAS`), and "an inflected
participle before its noun is an adjective" is dates/text.py `attributive_before_noun`, its endings in
dates.json ("attributive_endings", "attributive_participle_endings": two lists, see there)."""
import pytest

from pipeline.nlp.dates import CLAUSE_COMMAS, TenseDetector, attributive_before_noun, clause_bounds, sentence_bounds
from pipeline.nlp.figures import FigureRecognizer
from pipeline.nlp.normalize import lang_data


def _index(doc, word):
    return next(t.i for t in doc if t.text == word)


# origin: session 12, the dedup of dates.py and figures.py
def test_clause_of_a_figure_keeps_dashes_inside(nlp):
    # a dash cuts a tense clause (dates/tense.py) but not a figure's clause (figures/clauses.py `_clause_of`)
    doc = nlp.make_doc("Die Zahl der Toten stieg auf 27 – die Behörden rechnen mit weiteren Opfern, sagte ein Sprecher.")
    i = _index(doc, "27")
    s0, s1 = sentence_bounds(doc, i)
    dash, comma = _index(doc, "–"), _index(doc, ",")
    assert clause_bounds(doc, i, i + 1, s0, s1) == (s0, dash)
    assert clause_bounds(doc, i, i + 1, s0, s1, CLAUSE_COMMAS) == (s0, comma)


# origin: session 12, the dedup of dates.py and figures.py
def test_attributive_endings_are_data(nlp):
    dates = lang_data("dates.json")
    assert TenseDetector(lambda t: t.lemma_).attributive_endings == tuple(dates["attributive_endings"])
    assert FigureRecognizer(lemma_lookup=False).attributive_participle_endings == \
        tuple(dates["attributive_participle_endings"])


# origin: session 12, the dedup of dates.py and figures.py
@pytest.mark.parametrize("text,word,tense_list,figure_list", [
    ("Am Montag wurden weitere 15 verletzte Polizisten ins Krankenhaus gebracht.", "verletzte", True, True),
    ("Der Karneval ist heute eine Massenveranstaltung mit über hundert bunt geschmückten Festwagen.",
     "geschmückten", True, True),  # wn50115 (dev4 gold)
    # why two lists: any "-en" before a capitalized word is attributive for the tense cue (it only looks at
    # words shaped like a participle), not for a tagger's VERB in the figures package (an infinitive stays a verb)
    ("Viele wollten gehen Menschen zufolge.", "gehen", True, False),
])
def test_attributive_before_noun(nlp, text, word, tense_list, figure_list):
    dates = lang_data("dates.json")
    doc = nlp.make_doc(text)
    t = doc[_index(doc, word)]
    capitalized = lambda n: n.text[:1].isupper()  # noqa: E731
    assert attributive_before_noun(t, tuple(dates["attributive_endings"]), capitalized) is tense_list
    assert attributive_before_noun(t, tuple(dates["attributive_participle_endings"]), capitalized) is figure_list
    assert not attributive_before_noun(doc[-1], tuple(dates["attributive_endings"]), capitalized)  # no next token
