"""presseschau_ner_rules, session 26 (LOC rules; issue 13, LOC error classes counted over the four dev
sets: Wikinews dev, the GermEval held-out sentences, web, web2). Each test runs the whole article or
page and checks that the model's miss comes back with the rule's data switched off, so no test passes
without its rule."""
from __future__ import annotations

import pytest

from ner_rule_helpers import dev_doc as _doc_of, ents_with
from test_ner_rules_s26 import DATA

pytestmark = pytest.mark.skipif(not (DATA / "news" / "html").is_dir(), reason="../shared/data not available")


@pytest.mark.parametrize("snippet, page_set, place", [
    ("Städte in Nordrhein-Westfalen (Bonn, Düsseldorf, Herten, Kamp-Lintfort", "news", "Herten"),
    ("meldeten am Freitag den 13. Rheinfelden und Müllheim", "web2", "Rheinfelden"),
    ("nach Salzburg, Bregenz, Erl und Mörbisch", "web2", "Erl"),
])
def test_place_in_a_list_with_a_place_is_loc(nlp_info, snippet, page_set, place):
    # a place of the place lists that "und", "oder" or a comma joins to a place the model found is a
    # place too (gold LOC); the model left it unlabelled
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(place, "LOC")] >= 1
    assert ents_with(nlp_info, doc, place_coordinators=frozenset())[(place, "LOC")] == 0



def _germeval_doc(nlp_info, snippet: str):
    """The annotate stage's Doc, without the two rule components, of the held-out GermEval dev sentence
    that contains `snippet` (one Doc per sentence, as the evaluation runs them)."""
    from pipeline.evaluate.model import GERMEVAL_DEV, pipeline_docs, read_germeval_held_out
    from pipeline.nlp import NER_RULE_COMPONENTS

    if "germeval" not in _GERMEVAL:
        _GERMEVAL["germeval"] = [it["text"] for it in read_germeval_held_out(DATA / GERMEVAL_DEV)]
    text = next(t for t in _GERMEVAL["germeval"] if snippet in t)
    nlp, _ = nlp_info
    with nlp.select_pipes(disable=list(NER_RULE_COMPONENTS)):
        (doc,) = pipeline_docs(nlp, [text])
    return doc


_GERMEVAL: dict = {}


@pytest.mark.parametrize("snippet, source, fragment", [
    ("zwischen einem DVD- und einem Blu-ray-Laufwerk", "web2", "DVD-"),
    ("Ortsgruppe Amberg -Stadt und -Land", "germeval", "-Land"),
])
def test_fragment_cut_off_by_a_suspended_hyphen_is_no_name(nlp_info, snippet, source, fragment):
    # the model's LOC over a word's part before or after a suspended hyphen: no name (no gold name of the
    # four dev sets or Wikinews train starts or ends in a hyphen)
    doc = _germeval_doc(nlp_info, snippet) if source == "germeval" else _doc_of(nlp_info, snippet, source)
    assert not any(text == fragment for text, _label in ents_with(nlp_info, doc))
    assert ents_with(nlp_info, doc, drop_common_nouns=False)[(fragment, "LOC")] == 1
