"""presseschau_ner_rules: the place of a dateline ("Eisenstadt – Der burgenländische ...", derStandard's place
before the dash after the teaser): a place of the place lists there is LOC where the model missed it
(`add_dateline_places`), two places joined by a slash are one LOC each, and a dash inside a sentence or before a
lower-case word is no dateline. Real text: 10kGNAD (../shared/data/news, read at run time); docs/measurements/ner.md,
"Session 28" and "Session 29". Each test checks that the miss comes back with the repair switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, gnad_doc
from repo_data import news_row


def _gnad_doc(nlp_info, doc_id: str):
    """The annotate stage's Doc, without the two rule components, of a 10kGNAD article's first 600 characters
    (the teaser sentence and the dateline: derStandard's "Wien – " on the same line)."""
    from pipeline.evaluate.model import pipeline_docs
    from pipeline.nlp import NER_RULE_COMPONENTS

    nlp, _ = nlp_info
    text = news_row("10kgnad_test.jsonl.gz", "id", doc_id)["text"][:600]
    with nlp.select_pipes(disable=list(NER_RULE_COMPONENTS)):
        (doc,) = pipeline_docs(nlp, [text])
    return doc


@pytest.mark.parametrize("doc_id, places", [
    ("gnad134", ["Eisenstadt"]),  # "... in der Brandung'". Eisenstadt – Der burgenländische Landespolizeidirektor"
    ("gnad148", ["Bern"]),  # "... aufgezeichnet werden. Bern – Den ganz eigenen Klang der Berge"
    ("gnad734", ["Garching", "Heidelberg"]),  # "... Jupitergröße. Garching/Heidelberg – Angesichts der Vielzahl"
])
def test_the_place_of_a_dateline_the_model_missed_is_loc(nlp_info, doc_id, places):
    # the model left these dateline places unlabelled (the cleaner's meta reads the same slot as the place);
    # a place of the place lists before the dash after a sentence's end is LOC ("Heidelberg": the model's own)
    doc = _gnad_doc(nlp_info, doc_id)
    found = ents_with(nlp_info, doc)
    for place in places:
        assert found[(place, "LOC")] >= 1
    off = ents_with(nlp_info, doc, add_dateline_places=lambda _doc, ents, _repaired: ents)
    assert sum(off[(place, "LOC")] for place in places) < sum(found[(place, "LOC")] for place in places)


def test_a_dash_inside_a_sentence_or_before_a_lowercase_word_is_no_dateline(nlp_info):
    # the form's guards, on the model's own sentence shapes: no sentence's end before the place, or no
    # capitalised word after the dash
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    doc = nlp.make_doc("Er fuhr nach Wien – und dann weiter. Bern – das war alles.")
    assert [rules.dateline_places(doc, t.i) for t in doc if t.text in ("Wien", "Bern")] == [[], []]


def test_dateline_places_joined_by_a_slash_are_one_loc_each(nlp_info):
    # gnad544: "Frankfurt/Wien – Spekulationen über eine mögliche Kursänderung Saudi-Arabiens ..." (the
    # dateline after the teaser): the model's one LOC over both places becomes two (as the dateline rule of
    # session 28 adds "Garching/Heidelberg" as two where the model missed them)
    doc = gnad_doc(nlp_info, "gnad544", "Frankfurt/Wien –", before=1)
    # off: session 33's `split_slashed_places` splits a LOC of listed places joined by a slash too
    on, off = ents_with(nlp_info, doc), ents_with(nlp_info, doc, datelines=False, slashed_places=False)
    assert on[("Frankfurt", "LOC")] == 1 and on[("Wien", "LOC")] >= 1 and on[("Frankfurt/Wien", "LOC")] == 0, on
    assert off[("Frankfurt/Wien", "LOC")] == 1, off
