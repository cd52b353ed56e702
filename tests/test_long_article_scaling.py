"""A long article costs time and memory in proportion to its length: the rule components
(dates, figures, names, NER rules) build per-Doc structures once instead of rescanning the
whole Doc per entity or per number.

Before, `join_slashed_orgs` (per entity) and the figures' `_score` / `_table_heading` (per
number) read `doc.text`, which spaCy rebuilds from every token on each access: 50,000
characters of Wikinews took 21 s (14.5 s in 734 rebuilds, 5.8 million Token objects), 200,000
characters were killed by the OOM killer."""
from __future__ import annotations

from spacy.tokens import Doc

from repo_data import read_news


class CountingDoc(Doc):
    """A Doc that counts how often its whole text is built."""

    text_builds = 0

    @property
    def text(self) -> str:
        CountingDoc.text_builds += 1
        return super().text


def test_rule_components_build_the_text_of_a_long_doc_once(nlp_info):
    from pipeline.nlp import CUSTOM_COMPONENTS, doc_to_entities

    nlp, _ = nlp_info
    news = read_news("wikinews_de.jsonl.gz", 120)
    text = ""
    for n in news:
        text = f"{text}\n\n{n['text']}" if text else n["text"]
        if len(text) > 60_000:
            break
    assert len(text) > 60_000
    model_pipes = [name for name in nlp.pipe_names if name not in set(CUSTOM_COMPONENTS) | {"presseschau_context"}]
    with nlp.select_pipes(enable=model_pipes):
        parsed = nlp(text)
    data = parsed.to_bytes(exclude=["tensor"])

    def rules(doc: Doc) -> Doc:
        doc._.article_id, doc._.published = "long", "2005-03-10"
        for name, proc in nlp.pipeline:
            if name in CUSTOM_COMPONENTS:
                doc = proc(doc)
        return doc

    CountingDoc.text_builds = 0
    counted = rules(CountingDoc(nlp.vocab).from_bytes(data))
    builds = CountingDoc.text_builds
    plain = rules(Doc(nlp.vocab).from_bytes(data))
    ents = [(e.start, e.end, e.label, e.value, e.unit, e.canonical) for e in doc_to_entities(counted)]
    assert ents == [(e.start, e.end, e.label, e.value, e.unit, e.canonical) for e in doc_to_entities(plain)]
    labels = [e[2] for e in ents]
    # the per-entity and per-number rules ran many times on this text ...
    assert labels.count("ORG") > 100 and labels.count("FIGURE") > 100 and labels.count("DATE") > 100
    # ... and the text of the Doc was built a fixed number of times, not once per entity or number
    assert 1 <= builds <= 3, builds
