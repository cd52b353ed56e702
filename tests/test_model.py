"""The bundled model models/de_presseschau: its loading, and its gazetteer (training/gazetteer.py) on real
data. (Its scores against their floors: test_model_floors.py.)"""
from __future__ import annotations

import json

import pytest

from pipeline.nlp.load import load_model
from repo_data import REPO, SHARED, read_news

pytestmark = pytest.mark.slow

MODEL = REPO / "models" / "de_presseschau"
DATA = SHARED / "data"
GERMEVAL_DEV = DATA / "ner" / "germeval2014" / "NER-de-dev.tsv"


@pytest.fixture(scope="module")
def bundled():
    return load_model(str(MODEL))


def test_gazetteer_lists_consistent_names_and_leaves_out_ambiguous_ones():
    """On GermEval 2014 dev-train: 'Berlin' (LOC 14 of 14 times, never O) goes on the list;
    'Europa' (LOC 6, PER 1: purity 0.86) and 'Chr .' (PER 3 times, once annotated O) do not."""
    from training import convert, gazetteer

    train, held_out = convert.convert_germeval(GERMEVAL_DEV)
    assert len(train) == 1700 and len(held_out) == 500
    ents = gazetteer.entity_counts(train)
    outside = gazetteer.outside_counts(train, set(ents))
    listed = {p["pattern"]: p["label"] for p in gazetteer.select(ents, outside, 3, 0.95, 0.05)}
    assert listed["Berlin"] == "LOC" and listed["CDU"] == "ORG"
    assert ents[("Europa",)]["PER"] == 1 and "Europa" not in listed
    assert outside[("Chr", ".")] >= 1 and "Chr ." not in listed
    # a lower purity bar lets 'Europa' in, with its majority label
    assert {p["pattern"]: p["label"] for p in gazetteer.select(ents, outside, 3, 0.8, 0.05)}["Europa"] == "LOC"


def test_bundled_gazetteer_only_adds_names_the_ner_missed(bundled):
    """On 150 DER STANDARD articles (never trained on; the ner has seen the Wikinews train
    split, so there it misses few listed names) every entity of the statistical ner survives
    unchanged, and the gazetteer adds listed names the ner did not find (7 with model 0.4.0)."""
    assert bundled.pipe_names.index("gazetteer") == bundled.pipe_names.index("ner") + 1
    assert bundled.pipe_names[-1] == "gazetteer"
    texts = [r["text"] for r in read_news("10kgnad_test.jsonl.gz", 150)]
    # the gazetteer is the model's last component, so running it on the docs the rest made
    # is the full pipeline: one pass over the texts instead of two
    gazetteer = bundled.get_pipe("gazetteer")
    with bundled.select_pipes(disable=["gazetteer"]):
        without = list(bundled.pipe(texts))
    ner_only_ents = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in without]
    added = 0
    for ner_only, doc in zip(ner_only_ents, without):
        full = {(e.start_char, e.end_char, e.label_) for e in gazetteer(doc).ents}
        assert ner_only <= full
        added += len(full - ner_only)
    assert added >= 3


def test_load_model_gives_the_pipeline_spacy_load_gives(bundled):
    """pipeline.nlp.load.load_model loads the gazetteer ruler with the tokenizer alone: the
    same components, config and patterns as `spacy.load`, and the same analyses of real text."""
    import spacy

    from pipeline.nlp.load import tokenizer_only_rulers

    plain = spacy.load(MODEL)
    assert tokenizer_only_rulers(plain.config) == ["gazetteer"]
    assert bundled.pipe_names == plain.pipe_names and bundled.config.to_str() == plain.config.to_str()
    assert bundled.get_pipe("gazetteer").patterns == plain.get_pipe("gazetteer").patterns
    texts = [r["text"] for r in read_news("10kgnad_test.jsonl.gz", 20)]

    def analyses(docs):
        return [[(t.i, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in d] for d in docs]

    assert analyses(bundled.pipe(texts)) == analyses(plain.pipe(texts))


def test_a_ruler_on_lemmas_or_sourced_is_loaded_by_spacy_itself():
    """Only a ruler whose phrases match the token text is loaded tokenizer-only: one that matches
    lemmas needs the tagger and lemmatizer on its patterns, and a sourced one is spaCy's to load."""
    from pipeline.nlp.load import tokenizer_only_rulers

    config = {"nlp": {"pipeline": ["ner", "a", "b", "c", "d"], "disabled": ["d"]},
              "components": {"ner": {"factory": "ner"},
                             "a": {"factory": "entity_ruler", "phrase_matcher_attr": None},
                             "b": {"factory": "entity_ruler", "phrase_matcher_attr": "LEMMA"},
                             "c": {"factory": "span_ruler", "phrase_matcher_attr": "LOWER", "source": "x"},
                             "d": {"factory": "span_ruler", "phrase_matcher_attr": "ORTH"}}}
    assert tokenizer_only_rulers(config) == ["a"]


def test_pretraining_sample_is_seeded_cut_at_its_budget_and_drops_short_lines(tmp_path):
    # training/experiments/pretrain_sample.py on real Bundestag paragraphs: the same seed gives the
    # same sample, the word budget is kept to within one line, and lines under 5 words are left out
    from itertools import islice

    from training.experiments.pretrain_sample import write_sample
    from training.vectors import bundestag_lines

    lines = list(islice(bundestag_lines(SHARED / "data"), 3000))
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    n = write_sample(lines, 20_000, a)
    assert write_sample(lines, 20_000, b) == n and a.read_bytes() == b.read_bytes()
    texts = [json.loads(line)["text"] for line in a.read_text(encoding="utf-8").splitlines()]
    longest = max(t.count(" ") + 1 for t in texts)
    assert 20_000 <= n < 20_000 + longest and n == sum(t.count(" ") + 1 for t in texts)
    assert all(t in lines and t.count(" ") + 1 >= 5 for t in texts)
    assert texts[:20] != [t for t in lines if t.count(" ") + 1 >= 5][:20]  # shuffled, not file order
