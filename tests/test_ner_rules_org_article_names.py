"""presseschau_ner_rules `add_article_names` (issue 13; docs/measurements/ner.md, "Session 37 (names in 10kGNAD
news)"): 'Union' alone right after a definite article is ORG (the EU in Austrian news, CDU/CSU in German news;
annotations/GUIDELINES.md: both ORG; ner_rules.json ``article_names``), not after an adjective. Real text (10kGNAD, read
at run time); each test checks that the miss comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, gnad_doc


def test_union_after_an_article_is_org(nlp_info):
    # gnad54: "Beide rechnen damit, dass die Union ihre Kritik an Österreich, wenn es Flüchtlinge nach Slowenien
    # zurückweist, wohl nicht aufrechterhalten könne, sobald die Union Menschen von Griechenland in die Türkei rückführe."
    doc = gnad_doc(nlp_info, "gnad54", "dass die Union ihre Kritik")
    on = ents_with(nlp_info, doc)
    assert on[("Union", "ORG")] == 2, on
    off = ents_with(nlp_info, doc, article_names=False)
    assert off[("Union", "ORG")] == 0, off


def test_union_after_an_adjective_is_left(nlp_info):
    # gnad54: "Es ist kein Zugeständnis erfolgt, dass sich die Europäische Union weniger zur Kurdenfrage ... äußert."
    doc = gnad_doc(nlp_info, "gnad54", "die Europäische Union weniger")
    on = ents_with(nlp_info, doc)
    assert on[("Union", "ORG")] == 0, on
