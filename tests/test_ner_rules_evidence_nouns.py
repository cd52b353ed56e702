"""presseschau_ner_rules `evidence_noun` (issue 13; docs/measurements/ner.md, "Session 36 (evidence nouns)"): a
single-word PER/ORG/LOC that pipeline/lang/de/evidence_nouns.tsv.gz lists (a common noun by its use in the Bundestag
protocols that spaCy's lemma table lacks and no name list knows: training/evidence_nouns.py) is dropped, unless a
definite article or a noun of the name's kind comes before it ('Im Kongress', 'Das Magazin People'). Real text
(10kGNAD, Wikinews train, the web dev pages, read at run time); each drop test checks that the error comes back
with the rule switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import dev_doc, ents_with, gnad_doc, needs_pages


@pytest.mark.parametrize("doc_id, key, word", [
    # gnad950: "Denken Sie an Joghurt: Als wir Kinder waren, gab es Joghurt meistens im Glas, ..." (PER by the model)
    ("gnad950", "Denken Sie an Joghurt", "Joghurt"),
    # gnad418: "Trotz Schocks parierte er die Schikane mit ..." (PER)
    ("gnad418", "Trotz Schocks parierte", "Schocks"),
])
def test_an_evidence_noun_is_no_name(nlp_info, doc_id, key, word):
    doc = gnad_doc(nlp_info, doc_id, key)
    off = ents_with(nlp_info, doc, evidence_noun_drops=False)
    assert [k for k in off if k[0] == word], off
    on = ents_with(nlp_info, doc)
    assert not [k for k in on if k[0] == word], on


@needs_pages
@pytest.mark.parametrize("snippet, page_set, word", [
    ("Er schreibt hier unter Pseudonym.", "web", "Pseudonym"),  # PER by the model (web dev)
    ("Neben Account und regulärem Passwort", "web2", "Account"),  # PER by the model (web2 dev)
])
def test_an_evidence_noun_on_a_page_is_no_name(nlp_info, snippet, page_set, word):
    doc = dev_doc(nlp_info, snippet, page_set)
    off = ents_with(nlp_info, doc, evidence_noun_drops=False)
    assert (word, "PER") in off, off
    on = ents_with(nlp_info, doc)
    assert (word, "PER") not in on, on


def test_a_noun_named_after_its_article_or_kind_stays(nlp_info):
    # the guard: 'Im Kongress warb Obama' (Wikinews train gold ORG), 'Das Magazin People twitterte' (gnad382):
    # an institution or outlet named by a noun the table lists
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    for text, word in (("Im Kongress warb Obama für die Annahme eines Gesetzes.", "Kongress"),
                       ("Das Magazin People twitterte: Die unglaublichste Geschichte.", "People"),
                       ("Er ist Chefredakteur der Schweizer Sonntagszeitung.", "Sonntagszeitung")):
        doc = nlp(text)
        (tok,) = [t for t in doc if t.text == word]
        assert rules.evidence_noun_kept(tok), text
    doc = nlp("Sie lieben Joghurt mit frischen Früchten.")
    (tok,) = [t for t in doc if t.text == "Joghurt"]
    assert not rules.evidence_noun_kept(tok)


def test_the_table_holds_nouns_and_no_listed_names():
    from pipeline.nlp.ner_rules.data import evidence_nouns, person_names

    nouns = evidence_nouns()
    assert {"Tee", "Etat", "Joghurt", "Pseudonym"} <= nouns
    first, last = person_names()
    assert not nouns & (first | last)
    assert not {"Müller", "Koch", "Beck", "Halle", "Merkel", "Berlin"} & nouns
