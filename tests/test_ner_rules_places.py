"""presseschau_ner_rules: places in ordinary prose. A word of the place lists after a locative preposition ("nach
Togliatti", "aus Rodez", even where the model said PER) or joined by "und", "oder" or a comma to a place is LOC,
unless it has another reading (a common noun, a compass direction, a surname particle); a region that the lemma table
reads as a plural is a place ("Mähren"), one that is a noun's base form is not ("im Zug"); "Bezirk" is a descriptor
before the place; places joined by a slash are two names; a place after "und" and a bracketed place is one. Real
sentences of the open dev sets (Wikinews dev, GermEval dev, web, web2) and 10kGNAD; docs/measurements/ner.md,
"Session 25" ... "Session 27", "Session 33 (names the rules still get wrong)", "Session 33 (places)". Each test checks
that the model's error comes back with the rule's data or setting switched off. (The place list itself:
test_place_names.py.)"""
from __future__ import annotations

import pytest

from ner_rule_helpers import (dev_doc as _doc_of, ents_with, germeval_doc as _germeval_doc, needs_germeval, needs_pages,
                              text_doc as _doc)


@needs_pages
@pytest.mark.parametrize("snippet, page_set, name, on, off", [
    ("sollen sich auf dem Weg nach Togliatti befinden", "news", "Togliatti", 1, 0),
    ("seines neues Werks in Grünheide bei Berlin", "web", "Grünheide", 1, 0),
    # "die auf der A6 von Biel herkommend", "die von Biel herkam"; the model has "in Fahrtrichtung Biel"
    ("die auf der A6 von Biel herkommend", "web2", "Biel", 3, 1),
])
def test_place_after_a_locative_preposition_is_loc(nlp_info, snippet, page_set, name, on, off):
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(name, "LOC")] == on
    assert ents_with(nlp_info, doc, places=False)[(name, "LOC")] == off


@needs_pages
def test_place_after_a_preposition_only_where_no_other_reading(nlp_info):
    # a common noun ("in Halle" is also "in a hall"; "bei Eisen", seed 004: a mass noun the lemma table
    # lacks, GeoNames has a place so named), a compass direction (not annotated, GUIDELINES.md) and a
    # surname particle ("Otto von Bismarck") are left alone
    nlp, _ = nlp_info
    rules = nlp.get_pipe("presseschau_ner_rules")
    with nlp.select_pipes(disable=["ner", "gazetteer", "presseschau_ner_rules", "presseschau_names"]):
        doc = nlp("Sie fuhren nach Togliatti und in die Halle, dann weit nach Osten, zu Otto von Bismarck. "
                  "Kasachstan gehört auch bei Eisen, Kupfer, Zink oder Uran international zur Spitze.")
    added = rules.add_places(doc, [], [])
    assert [e.text for e in added] == ["Togliatti"]


@needs_germeval
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


@needs_pages
@pytest.mark.parametrize("snippet, page_set, place", [
    ("Städte in Nordrhein-Westfalen (Bonn, Düsseldorf, Herten, Kamp-Lintfort", "news", "Herten"),
    ("meldeten am Freitag den 13. Rheinfelden und Müllheim", "web2", "Rheinfelden"),
    ("nach Salzburg, Bregenz, Erl und Mörbisch", "web2", "Erl"),
])
def test_place_in_a_list_with_a_place_is_loc(nlp_info, snippet, page_set, place):
    # a place of the place lists that "und", "oder" or a comma joins to a place the model found is a
    # place too (gold LOC); the model left it unlabelled
    doc = _doc_of(nlp_info, snippet, page_set)
    assert ents_with(nlp_info, doc)[(place, "LOC")] >= 1
    assert ents_with(nlp_info, doc, place_coordinators=frozenset())[(place, "LOC")] == 0


@needs_germeval
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


@needs_germeval
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


# 10kGNAD (gnad283, the session's sample): "Bezirk" inside the model's LOC
BEZIRK = ("Auf der Handalm im Bezirk Deutschlandsberg sollen 13 Windräder ab 2017 Strom liefern. Graz – Die Energie "
          "Steiermark AG investiert rund 58 Mio. Euro in den nach eigenen Angaben größten Windpark im Süden Österreichs.")


def test_bezirk_is_a_place_descriptor(nlp_info):
    doc = _doc(nlp_info, BEZIRK)
    on = ents_with(nlp_info, doc)
    assert on[("Deutschlandsberg", "LOC")] == 1 and on[("Bezirk Deutschlandsberg", "LOC")] == 0, on
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    off = ents_with(nlp_info, doc, place_descriptors=rules.place_descriptors - {"bezirk", "bezirks", "bezirkes"})
    assert off[("Bezirk Deutschlandsberg", "LOC")] == 1 and off[("Deutschlandsberg", "LOC")] == 0, off


# web dev: two places joined by a slash, one LOC span from the model; the gold has one span each
SLASHED = [
    ("Im Gründungsjahr 1951 sei mit dem Begriff der grenzüberschreitenden Tätigkeit „meist eine Distanz wie "
     "Hamburg/München gemeint gewesen“, sagte Steinmeier.", ("Hamburg", "München")),
    ("Das in Wallisellen/ZH beheimatete Start-up beschäftigt mittlerweile acht Personen und stellt Geräte zur Messung "
     "von Treibhausgasen und Schadstoffen in der Atmosphäre her.", ("Wallisellen", "ZH")),
]


@pytest.mark.parametrize("text,places", SLASHED)
def test_places_joined_by_a_slash_are_two_names(nlp_info, text, places):
    doc = _doc(nlp_info, text)
    joined = "/".join(places)
    on = ents_with(nlp_info, doc)
    assert all(on[(p, "LOC")] == 1 for p in places) and on[(joined, "LOC")] == 0, on
    off = ents_with(nlp_info, doc, slashed_places=False)
    assert off[(joined, "LOC")] == 1, off


# 10kGNAD (gnad293): the place before "und" ends in its name in brackets, split off by `bracket_place` (session 32)
WALBRZYCH = ("An der mutmaßlichen Fundstelle an der Bahnstrecke zwischen Breslau (Wroclaw) und Walbrzych wird "
             "unterdessen das Unterholz gelichtet.")


def test_a_place_after_und_and_a_bracketed_place(nlp_info):
    doc = _doc(nlp_info, WALBRZYCH)
    on = ents_with(nlp_info, doc)
    assert on[("Walbrzych", "LOC")] == 1 and on[("Wroclaw", "LOC")] == 1, on
    off = ents_with(nlp_info, doc, bracketed_place_before=False)
    assert off[("Walbrzych", "LOC")] == 0, off
