"""Helpers of the FIGURE/DATE tests (tests/dates/, tests/figures/, test_figures, test_dates_classes,
test_dates_sweep): a pipeline of the two rule components on a blank or trained model, the `nlp` fixture of
the blank one (the one definition), and what a pipeline finds in a text. The trained model is the
``nlp_model`` fixture of conftest.py."""
from pathlib import Path

import pytest
import spacy

import pipeline.nlp.dates  # noqa: F401  (registers the components)
import pipeline.nlp.figures  # noqa: F401
from pipeline.nlp.load import load_model
from pipeline.nlp.ext import DATE_SPANS, FIGURE_SPANS

MODEL = Path(__file__).parents[1] / "models" / "de_presseschau"
GNAD = "2016-03-15"  # anchor for the undated 10kGNAD articles (DER STANDARD 2015-16)


def make(model=None):
    nlp = load_model(model) if model else spacy.blank("de")
    nlp.add_pipe("presseschau_dates")
    nlp.add_pipe("presseschau_figures")
    return nlp


@pytest.fixture(scope="module")
def nlp():
    """The two rule components on a blank pipeline (no tagger, no parse), one per test module; the
    conftest.py of tests/dates/ and tests/figures/ import it."""
    return make()


def figs(nlp, text, published="2022-01-06"):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.value, s._.unit, s._.about, s._.qualifier, s._.event) for s in doc.spans[FIGURE_SPANS]]


def dates_of(nlp, text, published="2022-01-06"):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.value, s._.date_type or "date") for s in doc.spans[DATE_SPANS]]


def model_dates(nlp_model, text, published):
    """(text, value) of the DATEs of the whole annotate stage (the trained model and the rules) on `text`."""
    from pipeline.nlp import annotate, doc_to_entities

    (doc, _), = annotate(nlp_model, [(text, {"id": "t", "published": published})])
    return [(e.text, e.value) for e in doc_to_entities(doc) if e.label == "DATE"]


def model_figs(nlp, text):
    from pipeline.nlp import doc_to_entities

    doc = nlp(text)
    return [(e.text, e.value, e.unit, e.about) for e in doc_to_entities(doc) if e.label == "FIGURE"]


def abouts(nlp_model, text):
    """(text, about) of each FIGURE `figs` finds."""
    return [(f[0], f[3]) for f in figs(nlp_model, text)]


def units_of(nlp_model, text):
    """(text, value, unit) of each FIGURE `figs` finds."""
    return [(f[0], f[1], f[2]) for f in figs(nlp_model, text)]


def fig_rows(nlp_model, text):
    """(text, value, unit, about) of each FIGURE `figs` finds."""
    return [f[:4] for f in figs(nlp_model, text)]


def date_values(nlp_model, text, published="2022-01-06"):
    """(text, value) of each DATE `dates_of` finds."""
    return [(t, v) for t, v, _ in dates_of(nlp_model, text, published)]


def doc_figs(nlp_model, text):
    """(text, value, unit, about) of each FIGURE of the whole pipeline called on the text (no publication date)."""
    doc = nlp_model(text)
    return [(s.text, s._.value, s._.unit, s._.about) for s in doc.spans[FIGURE_SPANS]]


def doc_dates(nlp_model, text):
    """(text, value) of each DATE of the whole pipeline called on the text (no publication date)."""
    doc = nlp_model(text)
    return [(s.text, s._.value) for s in doc.spans.get(DATE_SPANS, [])]


def about_of(nlp_model, text, fig_text):
    """The `about` of the FIGURE `fig_text` in the text (it must be found)."""
    got = [f for f in model_figs(nlp_model, text) if f[0] == fig_text]
    assert got, model_figs(nlp_model, text)
    return got[0][3]


def article_until(wid: str, upto: str) -> tuple[str, str]:
    """The real text of a Wikinews train article (outside every rule dev set and the test split) up to
    the end of the sentence holding `upto`, and its publication date."""
    import gzip
    import json
    import re

    from pipeline.paths import SHARED_DATA

    path = SHARED_DATA / "news" / "wikinews_de.jsonl.gz"
    if not path.exists():
        pytest.skip("shared Wikinews data not available")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] == wid:
                m = re.search(re.escape(upto) + r"[^.]*\.", r["text"])
                return r["text"][:m.end()], r["published"]
    pytest.skip(f"{wid} not in the shared Wikinews data")


def gnad_sentence(doc_id: str, key: str) -> str:
    """The sentence of a 10kGNAD article (../shared/data, local testing only: read at run time) that holds `key`."""
    from repo_data import news_row

    return sentence_with(news_row("10kgnad_test.jsonl.gz", "id", doc_id)["text"], key)


def web_sentence(file: str, key: str) -> str:
    """The sentence of a page of web_pages_de (its `markdown_extract`, read at run time) that holds `key`."""
    from repo_data import news_row

    return sentence_with(news_row("web_pages_de.jsonl.gz", "file", file)["markdown_extract"], key)


def passage(name: str, doc_id: str, start: str, end: str) -> str:
    """The text of a row of the shared news file `name` (../shared/data, local testing only: read at run time)
    from `start` to the end of `end`: a 10kGNAD or Wikinews article by its id, a page of web_pages_de (its
    `markdown_extract`) by its file."""
    from repo_data import news_row

    if name == "web_pages_de.jsonl.gz":
        text = news_row(name, "file", doc_id)["markdown_extract"]
    else:
        text = news_row(name, "id", doc_id)["text"]
    i = text.index(start)
    return text[i: text.index(end, i) + len(end)]


def sentence_with(text: str, key: str) -> str:
    """The sentence (or line) of `text` that holds `key`."""
    import re

    i = text.index(key)
    a = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i))
    m = re.search(r"[.!?](?=\s|$)|\n", text[i + len(key):])
    return text[a + 1: i + len(key) + (m.end() if m else len(text))].strip()


def annotated(nlp_info, text: str, published: str = "2016-03-15") -> list[tuple]:
    """(text, label, value) of every entity (names, DATEs, FIGUREs) the whole annotate stage of `nlp_info`'s
    pipeline gives `text` published on `published`."""
    from pipeline.nlp import annotate, doc_to_entities

    nlp, _ = nlp_info
    ((doc, _),) = list(annotate(nlp, [(text, {"id": "t", "published": published})]))
    return [(e.text, e.label, e.value) for e in doc_to_entities(doc)]
