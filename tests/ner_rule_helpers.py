"""Shared by the tests of the NER rule components on real pages (test_ner_rules_web,
test_ner_rules_other_model, test_ner_rules_s25/s26): run `presseschau_ner_rules` and `presseschau_names` alone on a Doc of the
annotate stage made without them, with some of their settings changed for one call."""
from __future__ import annotations

from collections import Counter

from pipeline.nlp import NER_RULE_COMPONENTS as RULE_PIPES
from repo_data import web_set


def ents_after(nlp_info, doc, names: dict | None = None, **settings) -> list:
    """The entities (spans) after the rule components, with `settings` (attribute -> value on
    presseschau_ner_rules) and `names` (the same on presseschau_names) for this call only."""
    nlp, _ = nlp_info
    changes = [(nlp.get_pipe("presseschau_ner_rules"), settings), (nlp.get_pipe("presseschau_names"), names or {})]
    saved = [(pipe, {k: getattr(pipe, k) for k in attrs}) for pipe, attrs in changes]
    try:
        for pipe, attrs in changes:
            for k, v in attrs.items():
                setattr(pipe, k, v)
        doc = doc.copy()
        for name in RULE_PIPES:
            doc = nlp.get_pipe(name)(doc)
    finally:
        for pipe, attrs in saved:
            for k, v in attrs.items():
                setattr(pipe, k, v)
    return list(doc.ents)


def ents_with(nlp_info, doc, names: dict | None = None, **settings) -> Counter:
    """Counter of (text, label) of `ents_after`."""
    return Counter((e.text, e.label_) for e in ents_after(nlp_info, doc, names, **settings))


_DOCS: dict = {}  # page_set -> its texts, (page_set, text) -> Doc: each read or run once for all tests


def dev_doc(nlp_info, snippet: str, page_set: str):
    """The annotate stage's Doc, without the two rule components, of the article or page that
    contains `snippet` (page_set: news = Wikinews dev, train = Wikinews train, web, web2)."""
    from pipeline.evaluate.model import pipeline_docs, read_news
    from pipeline.paths import SHARED_DATA

    if page_set not in _DOCS:  # the set's texts, read once
        _DOCS[page_set] = [it["text"] for it in {"news": lambda: read_news(SHARED_DATA, "dev"),
                                                 "train": lambda: read_news(SHARED_DATA, "train"),
                                                 "web": lambda: web_set("web"),
                                                 "web2": lambda: web_set("web2")}[page_set]()]
    text = next(t for t in _DOCS[page_set] if snippet in t)
    if (page_set, text) not in _DOCS:
        nlp, _ = nlp_info
        with nlp.select_pipes(disable=list(RULE_PIPES)):
            (_DOCS[page_set, text],) = pipeline_docs(nlp, [text])
    return _DOCS[page_set, text]


def text_doc(nlp_info, text: str):
    """The annotate stage's Doc, without the two rule components, of `text` (a sentence or page read
    from ../shared/data by the test), run once for all tests."""
    from pipeline.evaluate.model import pipeline_docs

    if text not in _DOCS:
        nlp, _ = nlp_info
        with nlp.select_pipes(disable=list(RULE_PIPES)):
            (_DOCS[text],) = pipeline_docs(nlp, [text])
    return _DOCS[text]
