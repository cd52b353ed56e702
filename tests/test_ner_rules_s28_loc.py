"""presseschau_ner_rules, session 28 (LOC rules; issue 13). Each test runs the real text (10kGNAD in
../shared/data/news) and checks that the miss comes back with the repair switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with
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
