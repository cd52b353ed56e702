"""Helpers of the FIGURE/DATE tests (test_figures, test_figures_dev3): a pipeline of the two rule
components on a blank or trained model, and what it finds in a text. The trained model is the
``nlp_model`` fixture of conftest.py."""
from pathlib import Path

import spacy

import pipeline.nlp.dates  # noqa: F401  (registers the components)
import pipeline.nlp.figures  # noqa: F401
from pipeline.nlp.ext import FIGURE_SPANS

MODEL = Path(__file__).parents[1] / "models" / "de_presseschau"


def make(model=None):
    nlp = spacy.load(model) if model else spacy.blank("de")
    nlp.add_pipe("presseschau_dates")
    nlp.add_pipe("presseschau_figures")
    return nlp


def figs(nlp, text, published="2022-01-06"):
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.value, s._.unit, s._.about, s._.qualifier, s._.event) for s in doc.spans[FIGURE_SPANS]]


def dates_of(nlp, text, published="2022-01-06"):
    from pipeline.nlp.ext import DATE_SPANS

    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.value, s._.date_type or "date") for s in doc.spans[DATE_SPANS]]


def model_figs(nlp, text):
    from pipeline.nlp import doc_to_entities

    doc = nlp(text)
    return [(e.text, e.value, e.unit, e.about) for e in doc_to_entities(doc) if e.label == "FIGURE"]
