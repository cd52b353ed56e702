"""Shared by the tests of the NER rule components on real pages (test_ner_rules_web,
test_ner_rules_other_model): run `presseschau_ner_rules` and `presseschau_names` alone on a Doc of the
annotate stage made without them, with some of their settings changed for one call."""
from __future__ import annotations

from collections import Counter

from pipeline.nlp import NER_RULE_COMPONENTS as RULE_PIPES


def ents_with(nlp_info, doc, **settings) -> Counter:
    """Counter of (text, label) of the entities after the rule components, with `settings`
    (attribute -> value on presseschau_ner_rules) for this call only."""
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
    return Counter((e.text, e.label_) for e in doc.ents)
