"""The ner's gazetteer flags (pipeline/nlp/gazetteer_flags.py, training/gazetteer_flags.py): the word table
from the shared gazetteers, the flags on real tokens, and a saved pipeline that brings its table along."""
import pytest
import spacy
from spacy.attrs import IDS

from pipeline.nlp.gazetteer_flags import FLAG_ATTRS, FLAGS, TABLE, install_flags
from repo_data import SHARED

GAZ = SHARED / "data" / "gazetteers" / "gazetteer_de.tsv.gz"
COLUMNS = [IDS[FLAG_ATTRS[k]] for k in ("first_name", "surname", "place")]


@pytest.fixture(scope="module")
def table():
    if not GAZ.exists():
        pytest.skip(f"{GAZ} not available")
    from training.gazetteer_flags import flag_table
    return flag_table(SHARED / "data")


def test_table_marks_names_and_places_with_their_genitive(table):
    assert table["Angela"] & FLAGS["first_name"] and not table["Angela"] & FLAGS["place"]
    assert table["Scholz"] == FLAGS["surname"]
    assert table["Berlin"] & FLAGS["place"] and table["Berlins"] == table["Berlin"]
    assert table["Moskau"] == FLAGS["place"]
    # no genitive -s after a final s ("Paris" is no "Pariss"), no lowercase words, no multi-word names
    assert "Pariss" not in table and "essen" not in table
    assert not any(" " in w for w in table)


def test_flags_on_a_sentence_and_after_a_save(table, tmp_path):
    nlp = spacy.blank("de")
    install_flags(nlp.vocab, table)
    nlp.config["nlp"]["after_creation"] = {"@callbacks": "presseschau.gazetteer_flags.v1", "path": None}
    words = "Angela Merkel traf Olaf Scholz in Moskau und aß in Essen .".split()
    expect = {"Angela": [1, 0, 0], "Merkel": [0, 1, 0], "Olaf": [1, 0, 0], "Scholz": [0, 1, 0],
              "Moskau": [0, 0, 1], "Essen": [0, 0, 1], "traf": [0, 0, 0], "in": [0, 0, 0]}
    doc = nlp(" ".join(words))
    got = dict(zip([t.text for t in doc], doc.to_array(COLUMNS).tolist()))
    assert {w: got[w] for w in expect} == expect
    nlp.to_disk(tmp_path / "m")
    # a fresh load: the callback named in config.cfg installs the flags, the saved vocab brings the table
    again = spacy.load(tmp_path / "m")
    assert again.vocab.lookups.has_table(TABLE)
    doc = again(" ".join(words))
    assert dict(zip([t.text for t in doc], doc.to_array(COLUMNS).tolist())) == got


def test_without_a_table_no_word_is_flagged():
    nlp = spacy.blank("de")
    install_flags(nlp.vocab)
    assert not nlp("Angela Merkel in Berlin").to_array(COLUMNS).any()
