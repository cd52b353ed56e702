"""presseschau_ner_rules, session 28 (issue 13, ORG error classes counted over the four dev sets:
Wikinews dev, the GermEval held-out sentences, web, web2, and a self-labelled sample of 10kGNAD and web
pages). Each test runs the whole article or page (names propagate inside it) and checks that the model's
error comes back with the session's setting switched off, so no test passes without its rule."""
from __future__ import annotations

import pytest

from repo_data import SHARED
from ner_rule_helpers import dev_doc as _doc_of, ents_after as _ents

DATA = SHARED / "data"
pytestmark = pytest.mark.skipif(not (DATA / "news" / "html").is_dir(), reason="../shared/data not available")


def _label_at(ents, start: int, end: int):
    return {(e.start_char, e.end_char): e.label_ for e in ents}.get((start, end))


@pytest.mark.parametrize("snippet, page_set, word", [
    ("zitiert Welt-Online den Minister", "news", "Welt-Online"),
    ("zitiert T3N den leitenden", "web", "T3N"),
    ("erreichte laut Statista im vergangenen", "web", "Statista"),
])
def test_news_source_after_laut_or_zitiert_is_org(nlp_info, snippet, page_set, word):
    # a one-word PER that names the source of a report (ner_rules.json news_sources) is an outlet or company
    doc = _doc_of(nlp_info, snippet, page_set)
    start = doc.text.index(snippet) + snippet.index(word)
    assert _label_at(_ents(nlp_info, doc), start, start + len(word)) == "ORG"
    off = _ents(nlp_info, doc, source_before=frozenset(), source_after=frozenset())
    assert _label_at(off, start, start + len(word)) == "PER"


@pytest.mark.parametrize("snippet, page_set, word", [
    ("sollen laut Atmar neun Zivilisten", "news", "Atmar"),  # "Hanif Atmar" named in full before
    ("dass Tesla laut Musk ohnehin", "web2", "Musk"),  # "Elon Musk"
])
def test_person_named_in_full_stays_per_after_laut(nlp_info, snippet, page_set, word):
    # the guard: a word of a longer PER of the article is that person's surname (gold PER)
    doc = _doc_of(nlp_info, snippet, page_set)
    start = doc.text.index(snippet) + snippet.index(word)
    assert _label_at(_ents(nlp_info, doc), start, start + len(word)) == "PER"

