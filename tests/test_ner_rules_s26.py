"""presseschau_ner_rules / presseschau_names, session 26 (issue 13, ORG/LOC error classes counted over
the four dev sets: Wikinews dev, the GermEval held-out sentences, web, web2). Each test runs the whole
article or page (names propagate inside it) and checks that the model's error comes back with the
session's setting switched off, so no test passes without its rule."""
from __future__ import annotations

import re

import pytest

from repo_data import SHARED
from ner_rule_helpers import RULE_PIPES, ents_with

DATA = SHARED / "data"
pytestmark = pytest.mark.skipif(not (DATA / "news" / "html").is_dir(), reason="../shared/data not available")

NEVER = re.compile(r"(?!)")  # a version pattern that matches nothing: the rule off

_DOCS: dict = {}  # page_set -> its texts, (page_set, text) -> Doc: each read or run once for all tests


def _doc_of(nlp_info, snippet: str, page_set: str):
    """The annotate stage's Doc, without the two rule components, of the article or page that
    contains `snippet` (page_set: news = Wikinews dev, train = Wikinews train, web, web2)."""
    from pipeline.evaluate.model import WEB2_GOLD, WEB_GOLD, pipeline_docs, read_news, read_web
    from pipeline.paths import SHARED_DATA

    if page_set not in _DOCS:  # the set's texts, read once
        _DOCS[page_set] = [it["text"] for it in {"news": lambda: read_news(SHARED_DATA, "dev"),
                                                 "train": lambda: read_news(SHARED_DATA, "train"),
                                                 "web": lambda: read_web(DATA, WEB_GOLD),
                                                 "web2": lambda: read_web(DATA, WEB2_GOLD)}[page_set]()]
    text = next(t for t in _DOCS[page_set] if snippet in t)
    if (page_set, text) not in _DOCS:
        nlp, _ = nlp_info
        with nlp.select_pipes(disable=list(RULE_PIPES)):
            (_DOCS[page_set, text],) = pipeline_docs(nlp, [text])
    return _DOCS[page_set, text]


@pytest.mark.parametrize("snippet, page_set, name, off_label", [
    ("(entspricht Android 8.1)", "news", "Android 8.1", "LOC"),
    ("einer Integration mit Mac OS X 10.7", "web2", "Mac OS X 10.7", "ORG"),
])
def test_name_ending_in_a_version_number_is_a_product(nlp_info, snippet, page_set, name, off_label):
    # a version number ends a product's name, never a person's, organisation's or place's (gold MISC)
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(name, "MISC")] == 1
    off = ents_with(nlp_info, doc, version_re=NEVER)
    assert off[(name, off_label)] == 1 and off[(name, "MISC")] == 0


@pytest.mark.parametrize("snippet, page_set, name", [
    ("in einem Skoda steht", "web2", "Skoda"),  # "Skoda" ORG three more times on the page: not copied over it
    ("Geplant ist ein Commodore OS", "web2", "Commodore OS"),
    ("Der nächste Golf darf kein Tesla sein", "web", "Tesla"),
])
def test_org_after_an_indefinite_article_is_a_product(nlp_info, snippet, page_set, name):
    # "ein BMW", "in einem Skoda": a company's name after "ein"/"kein" is one of its products (gold MISC)
    doc = _doc_of(nlp_info, snippet, page_set)
    start = doc.text.index(snippet) + snippet.index(name)
    on = {(e.start_char, e.label_) for e in _ents(nlp_info, doc)}
    off = {(e.start_char, e.label_) for e in _ents(nlp_info, doc, indefinite_articles=frozenset())}
    assert (start, "MISC") in on and (start, "ORG") not in on
    assert (start, "ORG") in off


@pytest.mark.parametrize("snippet, name", [
    ("als eine al-Qauida nahestehende Gruppierung", "al-Qauida"),  # the article is the noun's after the adjective
    ("eine Nationale Kommission gegen Gewalt an Frauen", "Nationale Kommission gegen Gewalt an Frauen"),  # an organisation word
])
def test_org_after_an_indefinite_article_that_stays(nlp_info, snippet, name):
    doc = _doc_of(nlp_info, snippet, "train")
    start = doc.text.index(snippet) + snippet.index(name)
    assert (start, "ORG") in {(e.start_char, e.label_) for e in _ents(nlp_info, doc)}


def _ents(nlp_info, doc, **settings):
    """The entities after the rule components (`settings` on presseschau_ner_rules for this call)."""
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    saved = {k: getattr(rules, k) for k in settings}
    try:
        for k, v in settings.items():
            setattr(rules, k, v)
        doc = doc.copy()
        for name in RULE_PIPES:
            doc = nlp.get_pipe(name)(doc)
    finally:
        for k, v in saved.items():
            setattr(rules, k, v)
    return list(doc.ents)


@pytest.mark.parametrize("snippet, page_set, long_form, acronym", [
    ("Evangelischen Medienverbandes in Deutschland (EMVD)", "web2", "Evangelischen Medienverbandes in Deutschland", "EMVD"),
    ("Hauptstadtbüros Bioenergie (HBB)", "web", "Hauptstadtbüros Bioenergie", "HBB"),
    ("Interessengemeinschaft Deponiesicherheit Region Basel (IGDRB)", "news",
     "Interessengemeinschaft Deponiesicherheit Region Basel", "IGDRB"),
])
def test_acronym_spelled_by_letters_inside_a_compound(nlp_info, snippet, page_set, long_form, acronym):
    # fewer capitalised words than letters: "Medien-v-erbandes" gives M and V; the long form is one ORG
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(long_form, "ORG")] == 1
    assert ents_with(nlp_info, doc)[(acronym, "ORG")] >= 1
    assert ents_with(nlp_info, doc, spells=lambda acronym, words: False)[(long_form, "ORG")] == 0


def test_term_spelled_inside_a_compound_is_no_name(nlp_info):
    # "Am 3. Januar Mitteleuropäischer Zeit (MEZ)" (Wikinews train): the model saw no name there, a term
    doc = _doc_of(nlp_info, "Mitteleuropäischer Zeit (MEZ)", "train")
    assert not [e for e in ents_with(nlp_info, doc) if e[0] in ("Mitteleuropäischer Zeit", "MEZ")]
