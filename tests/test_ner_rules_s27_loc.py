"""presseschau_ner_rules and the place list, session 27 (LOC rules; issue 13, LOC error classes counted over
the four dev sets: Wikinews dev, the GermEval held-out sentences, web, web2). Each test runs the real
sentence and checks that the model's miss comes back with the rule's data switched off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with
from test_ner_rules_s26 import DATA
from test_ner_rules_s26_loc import _germeval_doc

pytestmark = pytest.mark.skipif(not (DATA / "ner" / "germeval2014").is_dir(), reason="../shared/data not available")


@pytest.mark.parametrize("snippet", [
    "mit geraubtem jüdischen Inventar aus Böhmen und Mähren",
    "Gutsbesitzerfamilie ursprünglich in Böhmen und Mähren",
])
def test_a_region_the_lemma_table_reads_as_a_plural_is_a_place(nlp_info, snippet):
    # GermEval dev (gold LOC): "Mähren" is a form of the noun "Mähre" by spaCy's lemma table, so the rule
    # `places` skipped it; a region of regions.tsv that is only a noun's other form is a place
    doc = _germeval_doc(nlp_info, snippet)
    assert ents_with(nlp_info, doc)[("Mähren", "LOC")] == 1
    assert ents_with(nlp_info, doc, regions=frozenset())[("Mähren", "LOC")] == 0


def test_a_region_that_is_a_nouns_base_form_stays_a_noun(nlp_info):
    # 10kGNAD (../shared/data/news/10kgnad_test.jsonl.gz): "Zug" is a Kanton of regions.tsv and the base
    # form of a noun by the lemma table: "im Zug" is no place
    from pipeline.evaluate.model import pipeline_docs
    from pipeline.nlp import NER_RULE_COMPONENTS

    nlp, _ = nlp_info
    text = ("Bei Fahrten in seine belgische Heimat sitze er nun den ganzen Tag im Zug, sagt de Decker, wo er "
            "früher gemütlich im Schlafwagen reiste.")
    with nlp.select_pipes(disable=list(NER_RULE_COMPONENTS)):
        (doc,) = pipeline_docs(nlp, [text])
    assert ents_with(nlp_info, doc)[("Zug", "LOC")] == 0


@pytest.mark.parametrize("snippet, page_set, place", [
    ("Ermittlungsabteilung der Gendarmerie aus Rodez", "news", "Rodez"),
    ("Konrad-Adenauer-Stiftung in Ramallah leitete", "web2", "Ramallah"),
])
def test_a_place_the_model_read_as_a_person_after_a_locative_preposition_is_loc(nlp_info, snippet, page_set, place):
    # the model's PER over a word of the place lists right after "in"/"aus" (gold LOC); the guards of the
    # rule `places` hold (no listed first name or surname, no common noun, no capitalised name after it)
    from ner_rule_helpers import dev_doc

    doc = dev_doc(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(place, "LOC")] >= 1
    assert ents_with(nlp_info, doc, places_read_as_persons=lambda _doc, ents, _repaired: ents)[(place, "PER")] >= 1


def test_a_regions_file_without_its_name_column_is_named(tmp_path):
    from pipeline.errors import LanguageDataUnreadable
    from pipeline.nlp.ner_rules.data import region_names

    path = tmp_path / "regions.tsv"
    path.write_text("Name\tkind\tcountry\nMähren\tregion\tCZ\n", encoding="utf-8")
    with pytest.raises(LanguageDataUnreadable, match=r"regions\.tsv: a first line"):
        region_names(path)
    with pytest.raises(LanguageDataUnreadable, match=r"regions\.tsv: cannot read"):
        region_names(tmp_path / "missing" / "regions.tsv")
    assert "Mähren" in region_names()
