"""Canonical names (presseschau_names) on real sentences from the seed articles."""
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

import pipeline.link  # noqa: F401
from pipeline.link import DEFAULT_ALIASES, NameLinker, load_aliases

MODEL = Path(__file__).parents[1] / "models" / "de_presseschau"


def annotate(nlp, text, ents):
    """ents: list of (surface, label); the first occurrence of each not yet used is marked."""
    doc = nlp.make_doc(text)
    toks = [t.text for t in doc]
    spans, used = [], set()
    for surface, label in ents:
        words = [t.text for t in nlp.make_doc(surface)]
        for i in range(len(toks) - len(words) + 1):
            if toks[i:i + len(words)] == words and not used & set(range(i, i + len(words))):
                spans.append(Span(doc, i, i + len(words), label))
                used |= set(range(i, i + len(words)))
                break
        else:
            raise AssertionError(surface)
    doc.ents = sorted(spans, key=lambda s: s.start)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {(e.text, e.label_): e._.canonical for e in doc.ents}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("presseschau_names")
    return nlp


def test_short_form_genitive_and_alias(nlp):
    text = ("Warum tut Kasachstans Präsident Kassym-Schomart Tokajew das? Und was bedeutet diese Wendung für "
            "Russlands Präsidenten Wladimir Putin? In seiner Not blickt Tokajew nach Russland. "
            "Was aber sind Putins Interessen?")
    got = annotate(nlp, text, [("Kasachstans", "LOC"), ("Kassym-Schomart Tokajew", "PER"), ("Russlands", "LOC"),
                               ("Wladimir Putin", "PER"), ("Tokajew", "PER"), ("Russland", "LOC"), ("Putins", "PER")])
    assert got[("Kasachstans", "LOC")] == "Kasachstan"
    assert got[("Russlands", "LOC")] == got[("Russland", "LOC")] == "Russland"
    assert got[("Tokajew", "PER")] == got[("Kassym-Schomart Tokajew", "PER")] == "Kassym-Schomart Tokajew"
    assert got[("Putins", "PER")] == got[("Wladimir Putin", "PER")] == "Wladimir Putin"


def test_titles_are_no_part_of_the_name(nlp):
    got = annotate(nlp, "Für Kremlchef Putin kommen die Unruhen im Nachbarland zur Unzeit.", [("Kremlchef Putin", "PER")])
    assert got == {("Kremlchef Putin", "PER"): "Wladimir Putin"}


def test_transliteration_variants_join(nlp):
    a = annotate(nlp, "Staatschef Qassym-Schomart Toqajew befürchtete einen Putsch.", [("Qassym-Schomart Toqajew", "PER")])
    b = annotate(nlp, "Als der kasachische Präsident Kassym-Jomart Tokajew in der Nacht zum Donnerstag sprach.", [("Kassym-Jomart Tokajew", "PER")])
    assert list(a.values()) == list(b.values()) == ["Kassym-Schomart Tokajew"]


@pytest.mark.parametrize("variants", [
    ["OVKS", "ODKB", "Organisation des Vertrags über kollektive Sicherheit"],
    ["Kirgistan", "Kirgisistan"],
    ["Nur-Sultan", "Astana"],
])
def test_alias_groups(nlp, variants):
    canon = set()
    for v in variants:
        got = annotate(nlp, f"Die Rede ist von {v} und nichts anderem.", [(v, "ORG")])
        canon |= set(got.values())
    assert len(canon) == 1


def test_acronym_in_parentheses_links_to_long_name(tmp_path):
    nlp = spacy.blank("de")
    nlp.add_pipe("presseschau_names", config={"aliases_path": str(tmp_path / "none.tsv")})
    text = "Es ist eine Premiere in der Geschichte der Eurasischen Wirtschaftsgemeinschaft (EAWG): Die EAWG kommt der Bitte nach."
    got = annotate(nlp, text, [("Eurasischen Wirtschaftsgemeinschaft", "ORG"), ("EAWG", "ORG"), ("EAWG", "ORG")])
    assert got[("EAWG", "ORG")] == "Eurasischen Wirtschaftsgemeinschaft"


def test_missing_alias_file_is_no_crash(tmp_path):
    nlp = spacy.blank("de")
    nlp.add_pipe("presseschau_names", config={"aliases_path": str(tmp_path / "missing.tsv")})
    got = annotate(nlp, "Die OVKS führt zwar Übungen durch, aber Kasachstans Führung zögert.", [("OVKS", "ORG"), ("Kasachstans", "LOC")])
    assert got == {("OVKS", "ORG"): "OVKS", ("Kasachstans", "LOC"): "Kasachstan"}


def test_alias_file_from_config(tmp_path):
    p = tmp_path / "aliases.tsv"
    p.write_text("alias\tcanonical\tscope\n# comment\nOVKS\tCSTO\tname\n", encoding="utf-8")
    nlp = spacy.blank("de")
    nlp.add_pipe("presseschau_names", config={"aliases_path": str(p)})
    assert annotate(nlp, "Die OVKS führt zwar Übungen durch.", [("OVKS", "ORG")]) == {("OVKS", "ORG"): "CSTO"}


def test_default_alias_table_is_the_repository_file():
    assert DEFAULT_ALIASES == Path(__file__).parents[1] / "annotations" / "aliases.tsv"
    names, words = load_aliases(None)
    assert names and words
    assert NameLinker().canonical("ODKB") == NameLinker().canonical("OVKS")


def test_no_genitive_stripping_of_names_ending_in_s(nlp):
    got = annotate(nlp, "Doch weder Russland noch Belarus wollte den Bündnispartner unterstützen.", [("Russland", "LOC"), ("Belarus", "LOC")])
    assert got[("Belarus", "LOC")] == "Belarus"


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="trained model not available")
def test_with_trained_model():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("presseschau_names")
    doc = nlp("Warum tut Kasachstans Präsident Kassym-Schomart Tokajew das? In seiner Not blickt Tokajew nach Russland.")
    canon = {e.text: e._.canonical for e in doc.ents}
    for surface, c in canon.items():
        assert c is not None
    if "Tokajew" in canon:
        assert canon["Tokajew"] == "Kassym-Schomart Tokajew"
    if "Kasachstans" in canon:
        assert canon["Kasachstans"] == "Kasachstan"


def test_use_aliases_false_gives_article_local_form():
    nlp = spacy.blank("de")
    nlp.add_pipe("presseschau_names", config={"use_aliases": False})
    text = "Staatschef Qassym-Schomart Toqajew befürchtete einen Putsch. Er rief das Bündnis OVKS. Toqajew blieb."
    got = annotate(nlp, text, [("Qassym-Schomart Toqajew", "PER"), ("OVKS", "ORG"), ("Toqajew", "PER")])
    assert got == {("Qassym-Schomart Toqajew", "PER"): "Qassym-Schomart Toqajew", ("OVKS", "ORG"): "OVKS",
                   ("Toqajew", "PER"): "Qassym-Schomart Toqajew"}


def test_trailing_lowercase_words_are_cut_from_person_names(nlp):
    text = "Für den Russland-Experten Gerhard Mangott von der Universität Innsbruck ist diese Abkehr bemerkenswert. Mangott sagt das."
    got = annotate(nlp, text, [("Gerhard Mangott von der", "PER"), ("Mangott", "PER")])
    assert set(got.values()) == {"Gerhard Mangott"}
