"""Word boundaries for editing spans (pipeline/review/words.py) and the server's refusal of a
span that cuts a word without the explicit sub-word override (issue 16)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from pipeline.review import log as dec
from pipeline.review import words
from repo_data import NEWS as NEWS_DIR
from test_review_server import ART, Client, dirs, first, ref, server, start, write_jsonl  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]
NEWS = NEWS_DIR / "wikinews_de.jsonl.gz"


def texts(spans, text):
    return [text[s:e] for s, e in spans]


def test_words_split_edge_punctuation_and_joiners_but_keep_numbers_and_abbreviations():
    t = "Am 2. Mai 1997. sagte z.B. die ODKB (3,5 Prozent) zum Spiel Deutschland–Serbien 2012/13 über Nato-Staaten."
    w = texts(words.word_spans(t), t)
    # a period at a token's edge is a word of its own ("2. Mai" and "2" both end on a boundary)
    assert w[:6] == ["Am", "2", ".", "Mai", "1997", "."]
    assert "z.B" in w and "3,5" in w and "(" in w and "ODKB" in w  # no cut inside a number or an abbreviation
    assert ["Deutschland", "–", "Serbien"] == w[w.index("Deutschland"):w.index("Deutschland") + 3]
    assert ["2012", "/", "13"] == w[w.index("2012"):w.index("2012") + 3]
    assert ["Nato", "-", "Staaten", "."] == w[-4:]


def test_the_record_tokens_are_used_when_it_carries_them():
    t = "Kassym-Jomart Tokajew"
    rec = {"text": t, "tokens": [[0, 13], [14, 21]]}
    assert texts(words.words_of(rec), t) == ["Kassym", "-", "Jomart", "Tokajew"]
    rec = {"text": t, "tokens": [{"start": 0, "end": 21}]}  # Prodigy-style, one token holding a space
    assert texts(words.words_of(rec), t) == ["Kassym", "-", "Jomart", "Tokajew"]
    # unusable tokens (out of range): the tokenizer's words instead
    assert words.record_tokens({"text": t, "tokens": [[0, 99]]}) is None


def test_the_review_tokenizer_is_the_models():
    """The words come from spaCy's German rules: the same tokens as the shipped model's tokenizer."""
    import spacy

    from pipeline.interop.common import tokenizer

    model_tok = ROOT / "models" / "de_presseschau" / "tokenizer"
    if not model_tok.exists():
        pytest.skip("no model in models/")
    nlp = spacy.blank("de")
    nlp.tokenizer.from_disk(model_tok)
    for line in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        assert [t.idx for t in tokenizer().make_doc(text)] == [t.idx for t in nlp.make_doc(text)]


def test_every_reviewed_seed_entity_keeps_whole_words():
    for line in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        ws = words.words_of(r)
        for e in r["entities"]:
            assert words.check_span(r["text"], e["start"], e["end"], ws) is None, e


@pytest.mark.skipif(not NEWS.exists(), reason="shared Wikinews texts not available")
def test_human_spans_of_the_wikinews_dev_split_keep_whole_words():
    """Every span the annotators marked on the dev split starts and ends on a word boundary."""
    ann = [json.loads(x) for x in (ROOT / "annotations" / "news" / "wikinews_ner.jsonl").read_text(encoding="utf-8").splitlines()]
    dev = {a["id"]: a for a in ann if a["split"] == "dev"}
    n, cut = 0, []
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            a = dev.get(r["id"])
            if a is None:
                continue
            ws = words.word_spans(r["text"])
            for e in a["entities"]:
                n += 1
                if words.cut_words(r["text"], e["start"], e["end"], ws):
                    cut.append(e["text"])
    assert n > 2000 and cut == []


def test_snap_widens_to_whole_words_and_names_what_a_cut_would_cut():
    t = "Proteste in Almaty und Astana"
    ws = words.word_spans(t)
    a = t.index("Almaty")
    assert words.snap(a, a + 4, ws) == (a, a + 6)
    assert words.cut_words(t, a, a + 4, ws) == ["Almaty"]
    why = words.check_span(t, a, a + 4, ws)
    assert "“Alma” cuts the word “Almaty”" in why and "subword" in why


def test_server_sends_the_words_and_refuses_a_partial_word_without_the_override(server):
    c = Client(server)
    _, view, _ = c.get(f"/api/articles/{ART}")
    text = view["record"]["text"]
    w = view["words"]
    pairs = list(zip(w[::2], w[1::2]))
    assert pairs == words.word_spans(text)
    al = text.index("Almaty")
    # add: "Alma" is refused with a message naming the word; whole-word "Almaty" is taken
    st, err, _ = c.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": al, "end": al + 4, "label": "LOC"}})
    assert st == 400 and "Almaty" in err["error"]
    assert dec.load_decisions(server.state.store.path) == []
    # correct: narrowing "Kassym-Jomart Tokajew" to "Jomart Toka" is refused, to "Jomart Tokajew" taken
    tok = first(view, "Kassym-Jomart Tokajew")
    st, err, _ = c.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(tok), "new": {"start": tok["start"] + 7, "end": tok["end"] - 3}})
    assert st == 400 and "Tokajew" in err["error"]
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(tok), "new": {"start": tok["start"] + 7, "end": tok["end"]}})
    assert st == 200 and first(view, "Jomart Tokajew")["status"] == "corrected"
    # the explicit override keeps a sub-word
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": al, "end": al + 4, "label": "LOC"}, "subword": True})
    assert st == 200 and first(view, "Alma", "LOC")["status"] == "accepted"
    # a relabel keeps the model's span as it is, whole words or not
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(first(view, "Alma", "LOC")), "new": {"label": "ORG"}})
    assert st == 200 and first(view, "Alma", "ORG")
    assert [d["decision"] for d in dec.load_decisions(server.state.store.path)] == ["correct", "add", "correct"]


def test_mentions_do_not_overlap():
    """"Apply to all mentions" plans one decision per mention: a name repeated back to back
    ("Bad Bad" in "Bad Bad Bad") is found once, as the regular expression did."""
    from pipeline.review.mentions import occurrences

    assert occurrences("Bad Bad Bad", "Bad Bad") == [(0, 7)]
    assert occurrences("Bad Bad Bad Bad", "Bad Bad") == [(0, 7), (8, 15)]
    assert occurrences("Baden Bad, Bad", "Bad") == [(6, 9), (11, 14)]
