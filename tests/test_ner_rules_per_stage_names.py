"""presseschau_ner_rules / presseschau_names: "Lady" starts a stage name and is no title to cut off (issue 13, false PER;
docs/measurements/ner.md, "Session 35 (false persons)"). With "lady" among names.json's titles the rules cut the
model's "Lady Gaga" to "Gaga", a false PER (and a missed one) in the GermEval dev gold twice; after "First" the word is
the role ("First Lady Eleanor Roosevelt", 10kGNAD) and stays outside. Each test runs real text through the rule
components and checks that the error comes back with "lady" a title again."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

from pipeline.nlp.ner_rules import bounds

# GermEval 2014 dev (a held-out sentence of the open ner_germeval_dev set), as the evaluation joins its tokens
GAGA = "Der Münchner von heute setzt im Fasching eher auf Lady Gaga und Michael Jackson ."
# 10kGNAD (gnad207)
ROOSEVELT = ("Es gab auch andere Kandidatinnen, etwa die frühere First Lady Eleanor Roosevelt oder die schwarze "
             "Bürgerrechtsikone Rosa Parks.")


def _lady_a_title(nlp_info) -> tuple[dict, dict]:
    nlp, _ = nlp_info
    rules, names = nlp.get_pipe("presseschau_ner_rules"), nlp.get_pipe("presseschau_names")
    return {"titles": frozenset(rules.titles) | {"lady"}}, {"titles": set(names.titles) | {"lady"}}


def test_lady_gaga_is_one_name(nlp_info):
    doc = _doc(nlp_info, GAGA)
    on = ents_with(nlp_info, doc)
    assert on[("Lady Gaga", "PER")] == 1 and on[("Gaga", "PER")] == 0, on
    rules, names = _lady_a_title(nlp_info)
    off = ents_with(nlp_info, doc, names=names, **rules)
    assert off[("Gaga", "PER")] == 1, off


def test_first_lady_stays_outside(nlp_info, monkeypatch):
    doc = _doc(nlp_info, ROOSEVELT)
    on = ents_with(nlp_info, doc)
    assert on[("Eleanor Roosevelt", "PER")] == 1 and on[("Lady Eleanor Roosevelt", "PER")] == 0, on
    monkeypatch.setattr(bounds, "_ROLE_PHRASES", {})
    off = ents_with(nlp_info, doc)
    assert off[("Lady Eleanor Roosevelt", "PER")] == 1, off
