"""Shared by the tests of the NER rule components on real text (tests/test_ner_rules_*.py): run
`presseschau_ner_rules` and `presseschau_names` alone on a Doc of the annotate stage made without them, with
some of their settings changed for one call; the Docs of the texts they run (a dev set's article or page, a
GermEval sentence, a 10kGNAD sentence, a quoted text), and the skip marks of the tests that need
../shared/data's pages or GermEval."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from pipeline.nlp import NER_RULE_COMPONENTS as RULE_PIPES
from repo_data import SHARED, news_row, web_set

DATA = SHARED / "data"
#: a test on the pages of ../shared/data/news/html (Wikinews, web, web2), skipped without them
needs_pages = pytest.mark.skipif(not (DATA / "news" / "html").is_dir(), reason="../shared/data not available")
#: a test on the GermEval 2014 sentences of ../shared/data/ner, skipped without them
needs_germeval = pytest.mark.skipif(not (DATA / "ner" / "germeval2014").is_dir(), reason="../shared/data not available")


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


def gnad_doc(nlp_info, doc_id: str, key: str, whole: bool = False, before: int = 0):
    """The annotate stage's Doc, without the rule components, of the sentence of 10kGNAD article `doc_id`
    that contains `key` (with the `before` sentences before it; `whole`: of the whole article)."""
    from pipeline.evaluate.model import pipeline_docs

    text = news_row("10kgnad_test.jsonl.gz", "id", doc_id)["text"]
    if not whole:
        sents = re.split(r"(?<=[.!?])\s+", text)
        k = next(i for i, s in enumerate(sents) if key in s)
        text = " ".join(sents[max(0, k - before):k + 1])
    nlp, _ = nlp_info
    with nlp.select_pipes(disable=list(RULE_PIPES)):
        (doc,) = pipeline_docs(nlp, [text])
    return doc


_GERMEVAL: dict = {}


def germeval_doc(nlp_info, snippet: str):
    """The annotate stage's Doc, without the two rule components, of the held-out GermEval dev sentence
    that contains `snippet` (one Doc per sentence, as the evaluation runs them)."""
    from pipeline.evaluate.model import GERMEVAL_DEV, pipeline_docs, read_germeval_held_out

    if "germeval" not in _GERMEVAL:
        _GERMEVAL["germeval"] = [it["text"] for it in read_germeval_held_out(DATA / GERMEVAL_DEV)]
    text = next(t for t in _GERMEVAL["germeval"] if snippet in t)
    nlp, _ = nlp_info
    with nlp.select_pipes(disable=list(RULE_PIPES)):
        (doc,) = pipeline_docs(nlp, [text])
    return doc
