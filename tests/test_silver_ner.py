"""training/experiments/silver_ner.py (issue 13, session 19): Bundestag paragraphs labelled by the whole annotate
stage, as the self-training experiment made its silver docs, on the real protocols."""
from __future__ import annotations

import pytest

from repo_data import SHARED


@pytest.fixture(scope="module")
def paragraphs():
    from training.experiments.silver_ner import sample_paragraphs

    return sample_paragraphs(SHARED / "data", 3000)


def test_the_sample_is_seeded_paragraphs_of_15_to_80_words_up_to_the_word_budget(paragraphs):
    from training.experiments.silver_ner import sample_paragraphs

    counts = [p.count(" ") + 1 for p in paragraphs]
    assert all(15 <= n <= 80 for n in counts)
    assert sum(counts[:-1]) < 3000 <= sum(counts)  # stops at the first paragraph that reaches the budget
    assert not any(p.startswith("# doc ") for p in paragraphs)
    assert sample_paragraphs(SHARED / "data", 3000) == paragraphs


def test_silver_docs_carry_the_annotate_stages_names_and_nothing_else(nlp_info, paragraphs):
    from pipeline.evaluate.model import PRED_LABEL, pipeline_docs
    from training.experiments.silver_ner import silver_docs

    nlp = nlp_info[0]
    texts = paragraphs[:12]
    silver = silver_docs(nlp, texts)
    teacher = list(pipeline_docs(nlp, texts))
    assert [d.text for d in silver] == texts
    expected = [[(e.start_char, e.end_char, PRED_LABEL[e.label_]) for e in d.ents if e.label_ in PRED_LABEL]
                for d in teacher]
    assert [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in silver] == expected
    assert sum(map(len, expected)) > 0  # the protocols name parties, ministries and places
    assert not any(d.has_annotation("DEP") or d.has_annotation("TAG") or d.spans for d in silver)
