"""Decision log and re-application onto new pipeline runs (pipeline/review/log.py)."""
from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions, strip_review
from pipeline.record import validate_record
from pipeline.review.sample import make_record, sample_records

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ART = "001_660f1e0e655a289c"  # "Kasachstan bittet um militärische Hilfe" (FAZ)


@pytest.fixture()
def records():
    return sample_records(CORPUS)


def rec_of(records, aid=ART):
    return next(r for r in records if r["id"] == aid)


def ent(record, text, label=None, nth=0):
    hits = [e for e in record["entities"] if e["text"] == text and (label is None or e["label"] == label)]
    return hits[nth]


def shifted(record, prefix="EILMELDUNG: Neue Fassung des Artikels.\n\n", replace=None):
    """The same article as a new pipeline run would give it: text moved, entities re-found."""
    text = prefix + record["text"]
    for old, new in (replace or []):
        text = text.replace(old, new)
    return make_record(record["id"], text, record["source"]["path"], model="sample-v2")


def test_accept_reject_correct_add_on_the_same_output(records):
    r = rec_of(records)
    kas = ent(r, "Kasachstan")
    tok = ent(r, "Kassym-Jomart Tokajew")
    odkb = ent(r, "ODKB")
    russ = ent(r, "Russland")
    s = r["text"].index("Streitkräften")
    ds = [
        dec.make_decision(r, "accept", kas, reviewer="t"),
        dec.make_decision(r, "reject", russ, reviewer="t"),
        dec.make_decision(r, "correct", odkb, {"label": "MISC"}, reviewer="t"),
        dec.make_decision(r, "correct", tok, {"start": tok["start"] + len("Kassym-Jomart "), "canonical": "Tokajew"}, reviewer="t"),
        dec.make_decision(r, "add", new={"start": s, "end": s + len("Streitkräften"), "label": "ORG"}, reviewer="t"),
    ]
    out, flagged = apply_decisions(records, ds)
    assert flagged == []
    o = rec_of(out)
    by = {(e["start"], e["end"], e["label"]): e for e in o["entities"]}
    assert by[(kas["start"], kas["end"], "LOC")]["status"] == "accepted"
    assert by[(russ["start"], russ["end"], "LOC")]["status"] == "rejected"
    assert by[(odkb["start"], odkb["end"], "MISC")]["status"] == "corrected"
    assert (odkb["start"], odkb["end"], "ORG") not in by
    t = by[(tok["start"] + 14, tok["end"], "PER")]
    assert t["text"] == "Tokajew" and t["status"] == "corrected" and t["canonical"] == "Tokajew"
    added = by[(s, s + 13, "ORG")]
    assert added["source"] == "review" and added["status"] == "accepted" and added["raw_start"] == s
    for rec in out:
        assert validate_record({k: v for k, v in rec.items()}) == []
    # the input records are not modified
    assert all(e["status"] == "pending" for e in rec_of(records)["entities"])


def test_apply_is_idempotent_and_undo_works_on_reviewed_output(records):
    r = rec_of(records)
    a = dec.make_decision(r, "reject", ent(r, "Kasachstan"), reviewer="t")
    b = dec.make_decision(r, "correct", ent(r, "ODKB"), {"label": "MISC"}, reviewer="t")
    once, _ = apply_decisions(records, [a, b])
    twice, flagged = apply_decisions(once, [a, b])
    assert flagged == []
    assert once == twice
    # undo the correction, applied to the already reviewed output: the model's ORG comes back pending
    u = dec.make_decision(rec_of(once), "undo", undoes=[b["id"]], reviewer="t")
    after, _ = apply_decisions(once, [a, b, u])
    o = rec_of(after)
    odkb = ent(r, "ODKB")
    assert [e["label"] for e in o["entities"] if e["start"] == odkb["start"]] == ["ORG"]
    assert ent(o, "ODKB")["status"] == "pending"
    assert ent(o, "Kasachstan")["status"] == "rejected"
    # stripping review bookkeeping gives back exactly the pipeline's records
    assert strip_review(copy.deepcopy(o))["entities"] == r["entities"]


def test_reanchored_when_offsets_move(records):
    r = rec_of(records)
    tok2 = ent(r, "Kasachstan", "LOC", nth=1)  # "Kasachstan" occurs often: context decides which
    ds = [
        dec.make_decision(r, "accept", tok2, reviewer="t"),
        dec.make_decision(r, "reject", ent(r, "Kasachstan", nth=2), reviewer="t"),
        dec.make_decision(r, "correct", ent(r, "ODKB", nth=1), {"label": "MISC"}, reviewer="t"),
    ]
    s = r["text"].index("Streitkräften")
    ds.append(dec.make_decision(r, "add", new={"start": s, "end": s + 13, "label": "ORG"}, reviewer="t"))
    new = shifted(r)
    shift = len("EILMELDUNG: Neue Fassung des Artikels.\n\n")
    out, flagged = apply_decisions([new], ds)
    assert flagged == []
    o = out[0]
    by = {(e["start"], e["end"], e["label"]): e for e in o["entities"]}
    assert by[(tok2["start"] + shift, tok2["end"] + shift, "LOC")]["status"] == "accepted"
    k = ent(r, "Kasachstan", nth=2)
    assert by[(k["start"] + shift, k["end"] + shift, "LOC")]["status"] == "rejected"
    od = ent(r, "ODKB", nth=1)
    assert by[(od["start"] + shift, od["end"] + shift, "MISC")]["status"] == "corrected"
    assert by[(s + shift, s + shift + 13, "ORG")]["source"] == "review"
    # everything else is still pending: nothing was applied to the wrong occurrence
    reviewed = [e for e in o["entities"] if e["status"] != "pending"]
    assert len(reviewed) == 4


def test_reanchoring_survives_edits_around_the_span(records):
    r = rec_of(records)
    e = ent(r, "Kassym-Jomart Tokajew")
    d = dec.make_decision(r, "accept", e, reviewer="t")
    # the cleaner now drops the headline and re-flows a line: the span moves by a different amount
    new = make_record(r["id"], r["text"].replace("Kasachstan bittet um militärische Hilfe\n", ""), model="v2")
    out, flagged = apply_decisions([new], [d])
    assert flagged == []
    hit = [x for x in out[0]["entities"] if x["text"] == "Kassym-Jomart Tokajew"]
    assert hit[0]["status"] == "accepted"


def test_decisions_that_no_longer_fit_are_flagged_not_dropped(records):
    r = rec_of(records)
    gone = dec.make_decision(r, "accept", ent(r, "Kassym-Jomart Tokajew"), reviewer="t")
    relabelled = dec.make_decision(r, "reject", ent(r, "Kreml"), reviewer="t")
    other = dec.make_decision(records[0], "accept", records[0]["entities"][0], reviewer="t")
    text = r["text"].replace("Kassym-Jomart Tokajew", "der Präsident")
    names = [("Kreml", "LOC", {}), ("Kasachstan", "LOC", {})]
    new = make_record(r["id"], text, names=names, model="v2")
    out, flagged = apply_decisions([new], [gone, relabelled, other])
    reasons = {f["decision"]["id"]: f["reason"] for f in flagged}
    assert reasons == {gone["id"]: "span_not_found", other["id"]: "article_missing"}
    assert all(f["message"] for f in flagged)
    assert {x["decision_id"] for x in out[0]["review_flags"]} == {gone["id"]}
    # the rejected ORG "Kreml" is gone; the new run's LOC "Kreml" is new: pending, for review
    assert {(e["label"], e["status"]) for e in out[0]["entities"] if e["text"] == "Kreml"} == {("LOC", "pending")}
    # a dismissed flag is gone, the rest stay
    dis = dec.make_decision(new, "dismiss", undoes=[gone["id"]], reviewer="t")
    _, flagged2 = apply_decisions([new], [gone, relabelled, other, dis])
    assert {f["decision"]["id"] for f in flagged2} == {other["id"]}


def test_reviewed_truth_stays_beside_a_new_conflicting_prediction():
    r1 = make_record("o", "Er bat den Nachbarn Russland und die ODKB um Hilfe.", names=[("Russland", "LOC", {}), ("ODKB", "ORG", {})])
    rus, odkb = r1["entities"]
    ds = [dec.make_decision(r1, "accept", rus, reviewer="t"), dec.make_decision(r1, "correct", odkb, {"label": "MISC"}, reviewer="t")]
    # the new model says "Nachbarn Russland" and ODKB is a LOC
    r2 = make_record("o", r1["text"], names=[("Nachbarn Russland", "LOC", {}), ("ODKB", "LOC", {})])
    out, flagged = apply_decisions([r2], ds)
    assert flagged == []
    got = {(e["text"], e["label"], e["status"], e["source"]) for e in out[0]["entities"]}
    assert got == {("Russland", "LOC", "accepted", "review"), ("Nachbarn Russland", "LOC", "pending", "model"),
                   ("ODKB", "MISC", "corrected", "review"), ("ODKB", "LOC", "pending", "model")}
    assert all(e["review"]["restored"] for e in out[0]["entities"] if e["source"] == "review")
    assert validate_record(out[0]) == []
    assert apply_decisions(out, ds)[0] == out


def test_accepted_entity_the_new_model_missed_is_kept(records):
    r = rec_of(records)
    k = ent(r, "Kreml")
    acc = dec.make_decision(r, "accept", k, reviewer="t")
    rej = dec.make_decision(r, "reject", ent(r, "Russland"), reviewer="t")
    new = make_record(r["id"], r["text"], names=[("Kasachstan", "LOC", {})], model="v2")
    out, flagged = apply_decisions([new], [acc, rej])
    assert flagged == []
    kept = [e for e in out[0]["entities"] if e["text"] == "Kreml"]
    assert len(kept) == 1 and kept[0]["status"] == "accepted" and kept[0]["label"] == "ORG"
    assert not [e for e in out[0]["entities"] if e["text"] == "Russland"]


def test_ambiguous_span_is_flagged():
    text1 = "Die OVKS tagt. Dann tagt die OVKS wieder."
    r1 = make_record("x", text1, names=[("OVKS", "ORG", {})])
    d = dec.make_decision(r1, "reject", r1["entities"][1], reviewer="t")
    r2 = make_record("x", "Völlig neuer Text über OVKS und noch einmal OVKS hier.", names=[("OVKS", "ORG", {})])
    out, flagged = apply_decisions([r2], [d])
    assert [f["reason"] for f in flagged] == ["ambiguous"]
    assert all(e["status"] == "pending" for e in out[0]["entities"])


def test_date_and_figure_values():
    r = make_record("v", "Am 06.01.2022 kamen sechs Staaten.", names=[("06.01.2022", "DATE", {"value": "2022-06-01"}), ("sechs", "FIGURE", {"value": 6})])
    date, fig = r["entities"]
    ds = [
        dec.make_decision(r, "correct", date, {"value": "2022-01-06"}, reviewer="t"),
        dec.make_decision(r, "correct", fig, {"value": "1.500,5", "unit": "EUR", "about": "Staat"}, reviewer="t"),
    ]
    out, flagged = apply_decisions([r], ds)
    assert flagged == []
    d, f = out[0]["entities"]
    assert d["value"] == "2022-01-06" and d["status"] == "corrected"
    assert f["value"] == 1500.5 and f["unit"] == "EUR" and f["about"] == "Staat" and f["qualifier"] is None
    assert validate_record(out[0]) == []
    with pytest.raises(ValueError):
        dec.make_decision(r, "correct", date, {"value": "6. Januar"})
    with pytest.raises(ValueError):
        dec.make_decision(r, "correct", fig, {"value": "viele"})
    with pytest.raises(ValueError):
        dec.make_decision(r, "add", new={"start": 2, "end": 3, "label": "PER"})  # whitespace only
    with pytest.raises(ValueError):
        dec.make_decision(r, "add", new={"start": 0, "end": 999, "label": "PER"})


def test_store_appends_fsyncs_and_survives_a_torn_line(tmp_path, records, monkeypatch):
    r = rec_of(records)
    store = dec.DecisionStore(tmp_path / "annotations")
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    d1 = dec.make_decision(r, "accept", r["entities"][0], reviewer="t")
    store.append([d1])
    assert synced, "append must fsync"
    # a crash in the middle of the next write leaves half a line
    with open(store.path, "a", encoding="utf-8") as fh:
        fh.write('{"id": "d-torn", "decision": "acc')
    d2 = dec.make_decision(r, "reject", r["entities"][1], reviewer="t")
    store.append([d2])
    loaded = store.load()
    assert [d["id"] for d in loaded] == [d1["id"], d2["id"]]
    lines = store.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[-1])["id"] == d2["id"]
    for k in ("article_id", "article_sha256", "text_sha256", "span", "label", "old", "new", "decision", "reviewer", "time", "model_version"):
        assert k in loaded[0]
    assert loaded[0]["model_version"] == "0.1.0/sample-0"
    assert loaded[0]["span"]["before"] == r["text"][max(0, r["entities"][0]["start"] - 40):r["entities"][0]["start"]]


def test_last_undoable_takes_a_whole_batch(records):
    r = rec_of(records)
    a = dec.make_decision(r, "reject", r["entities"][0], reviewer="t")
    b1 = dec.make_decision(r, "accept", r["entities"][1], reviewer="t", batch="b-1")
    b2 = dec.make_decision(r, "accept", r["entities"][2], reviewer="t", batch="b-1")
    assert [d["id"] for d in dec.last_undoable([a, b1, b2], r["id"])] == [b1["id"], b2["id"]]
    u = dec.make_decision(r, "undo", undoes=[b1["id"], b2["id"]], reviewer="t")
    assert [d["id"] for d in dec.last_undoable([a, b1, b2, u], r["id"])] == [a["id"]]
    assert dec.last_undoable([a, b1, b2, u], "other") == []


def test_reanchoring_across_hyphenation_and_reflowed_lines():
    old = make_record("h", "Der Präsident Toka-\njew sprach mit Nikol\nPaschinjan in Almaty.", names=[("Toka-\njew", "PER", {}), ("Nikol\nPaschinjan", "PER", {})])
    ds = [dec.make_decision(old, "accept", e, reviewer="t") for e in old["entities"]]
    new = make_record("h", "Der Präsident Tokajew sprach mit Nikol Paschinjan in Almaty.", names=[("Tokajew", "PER", {}), ("Nikol Paschinjan", "PER", {})])
    out, flagged = apply_decisions([new], ds)
    assert flagged == []
    assert [(e["text"], e["status"]) for e in out[0]["entities"]] == [("Tokajew", "accepted"), ("Nikol Paschinjan", "accepted")]
    # and back: the better cleaner was reverted
    ds2 = [dec.make_decision(new, "reject", e, reviewer="t") for e in new["entities"]]
    out2, flagged2 = apply_decisions([old], ds2)
    assert flagged2 == []
    assert [e["status"] for e in out2[0]["entities"]] == ["rejected", "rejected"]


def test_a_lone_occurrence_in_a_rewritten_text_is_flagged():
    r1 = make_record("c", "Gestern sagte die Nato in Brüssel etwas Wichtiges.", names=[("Nato", "ORG", {})])
    d = dec.make_decision(r1, "reject", r1["entities"][0], reviewer="t")
    r2 = make_record("c", "Völlig anderer Bericht; am Rande: Nato.", names=[("Nato", "ORG", {})])
    out, flagged = apply_decisions([r2], [d])
    assert [f["reason"] for f in flagged] == ["context_changed"]
    assert out[0]["entities"][0]["status"] == "pending"


def test_removed_pieces_are_placed_in_reading_order():
    # raw: "HEAD\nB-\nbody A.\n" ; clean reads "body A. B" (the cleaner moved a column)
    rec = {"text": "body A. B", "source": {"offsets": [[0, 9, 7], [7, 16, 1], [8, 5, 1]]}}
    assert dec.clean_offset_of_raw(rec, 0) == 8  # removed before the first raw char: before the next kept one
    assert dec.clean_offset_of_raw(rec, 6) == 9  # "-\n" after "B": just after it, at the end of the clean text
    assert dec.raw_span(rec, 0, 4) == (9, 13)
    assert dec.raw_span(rec, 8, 9) == (5, 6)


def test_the_runs_overlay_honours_an_undo_pressed_in_another_article(tmp_path, records):
    """"Apply to all mentions in the whole corpus" then Undo, in the review app: the undo line
    carries the article where Undo was pressed, but cancels the batch in every article. The
    app and `export` showed none of the batch; `presseschau run` (`ReviewOverlay`, article by
    article) gave each other article its undone accepts back in articles.jsonl."""
    from pipeline.io import atomic_write_jsonl
    from pipeline.review.apply import ReviewOverlay
    from pipeline.review.routes import TestClient
    from pipeline.review.state import ReviewState

    out = tmp_path / "out"
    atomic_write_jsonl(out / "articles.jsonl", records)
    st = ReviewState(out, tmp_path / "ann", reviewer="anna")
    c = TestClient(st)
    kas = ent(rec_of(st.records), "Kasachstan")
    status, view = c.post(f"/api/articles/{ART}/apply_all", {"entity": {k: kas[k] for k in ("start", "end", "label")}, "scope": "corpus"})
    assert status == 200 and view["applied"]["articles"] > 1
    assert c.post(f"/api/articles/{ART}/undo", {})[0] == 200
    decisions = dec.load_decisions(tmp_path / "ann")
    expected, flags = apply_decisions(records, decisions)
    assert flags == [] and all(e["status"] == "pending" for r in expected for e in r["entities"])  # the app's view, and export's

    overlay = ReviewOverlay.from_folder(tmp_path / "ann")
    overlay.start(lambda aid: aid in {r["id"] for r in records})
    got = [overlay.apply(r)[0] for r in records]
    assert got == expected
    assert overlay.unplaced() == []


def test_a_hash_several_articles_share_places_a_decision_only_where_it_fits(records):
    """A decision whose article id is gone is found by the hash it was made on; where several
    articles have that hash (JSONL records of the same text: the hash is of the text; the
    articles of one PDF: the file's), it used to go to the first one blindly. It goes to the
    one whose text holds the decided span; where several hold it alike, it is flagged
    `ambiguous` naming them, where none, `span_not_found`; the run's overlay does the same."""
    from pipeline.review.apply import ReviewOverlay

    r = rec_of(records)
    tok = ent(r, "Kassym-Jomart Tokajew")
    d = dec.make_decision(r, "reject", tok, reviewer="t")
    other, third = [x for x in records if "Kassym-Jomart Tokajew" not in x["text"]][:2]
    sha = r["source"]["sha256"]
    moved = lambda rec, new_id: dict(rec, id=new_id, source=dict(rec["source"], sha256=sha))

    def both(recs):
        got, flagged = apply_decisions(recs, [d])
        ov = ReviewOverlay.__new__(ReviewOverlay)
        ov.decisions, ov.by_article, ov.cancels = [d], {d["article_id"]: [0]}, {}
        ov.start(lambda aid: False, lambda h: [x for x in recs if x["source"]["sha256"] == h])
        streamed = [ov.apply(x)[0] if ov.concerns(x["id"], x["source"]["sha256"]) else x for x in recs]
        assert [x["id"] for x in streamed] == [x["id"] for x in got]
        assert [x["entities"] for x in streamed] == [x["entities"] for x in got]
        assert [(f["reason"], f.get("candidates")) for f in ov.unplaced()] == [(f["reason"], f.get("candidates")) for f in flagged]
        return {x["id"]: x for x in got}, flagged

    # the other article first: the decision goes to the one that holds the span
    got, flagged = both([moved(other, "neu/1"), moved(r, "neu/2")])
    assert flagged == []
    assert [e["status"] for e in got["neu/2"]["entities"] if e["text"] == tok["text"]] == ["rejected"]
    assert all(e.get("status") != "rejected" for e in got["neu/1"]["entities"])
    # the same text twice: either could be it
    got, flagged = both([moved(r, "neu/1"), moved(r, "neu/2")])
    assert [(f["reason"], f["candidates"]) for f in flagged] == [("ambiguous", ["neu/1", "neu/2"])]
    assert "neu/1, neu/2" in flagged[0]["message"]
    assert all(e.get("status") != "rejected" for x in got.values() for e in x["entities"])
    # in neither
    got, flagged = both([moved(other, "neu/1"), moved(third, "neu/2")])
    assert [f["reason"] for f in flagged] == ["span_not_found"]
    # a hash of one article: as before, the decision goes to it
    got, flagged = apply_decisions([moved(r, "neu/2")], [d])
    assert flagged == [] and [e["status"] for e in got[0]["entities"] if e["text"] == tok["text"]] == ["rejected"]


def test_the_review_app_places_a_decision_by_a_shared_hash_where_apply_decisions_does(tmp_path, records):
    """The review app (`ReviewState`) found a decision whose article id is gone by its hash,
    but sent it to the FIRST article with that hash (the articles of one PDF read with
    `--pdf-articles` all carry the file's): a reject of 'Nikol Paschinjan' made on the third
    article's text was shown on the first, which names him too. It goes where
    `apply_decisions` (export) and `presseschau run` put it: the article whose text holds the
    span; where several fit alike, nowhere, flagged `ambiguous` naming them, as in run.json.
    Whether the log is read at start or appended to by another process while the app runs."""
    from pipeline.io import atomic_write_jsonl
    from pipeline.review.state import ReviewState

    r = rec_of(records)
    name = "Nikol Paschinjan"
    other = next(x for x in records if x is not r and any(e["text"] == name for e in x["entities"]))
    d = dec.make_decision(r, "reject", ent(r, name), reviewer="t")  # made on the whole page, id gone
    sha = r["source"]["sha256"]
    moved = lambda rec, new_id: dict(rec, id=new_id, source=dict(rec["source"], sha256=sha))

    def app(recs, name_, log_first=True):
        out, ann = tmp_path / name_ / "out", tmp_path / name_ / "ann"
        atomic_write_jsonl(out / "articles.jsonl", recs)
        if log_first:
            dec.DecisionStore(ann).append([d])
        st = ReviewState(out, ann, reviewer="anna")
        if not log_first:
            dec.DecisionStore(ann).append([d])  # another process (`presseschau import`) appends it
            assert st.maybe_reload()
        return st

    recs = [moved(other, "seite#a1"), moved(r, "seite#a3")]
    expected, flagged = apply_decisions(recs, [d])
    assert flagged == []
    for log_first in (True, False):
        st = app(recs, f"fits{log_first}", log_first)
        got = {x["id"]: x for x in st.records}
        assert [x["entities"] for x in st.records] == [x["entities"] for x in expected]
        (rejected,) = [e for e in got["seite#a3"]["entities"] if e.get("status") == "rejected"]
        assert rejected["text"] == name and rejected["review"]["decisions"] == [d["id"]]
        assert all(e.get("status") == "pending" for e in got["seite#a1"]["entities"])
        assert st.flags == {} and st.overview()["orphans"] == []
        assert st.article("seite#a3")["flags"] == [] and st.article("seite#a1")["flags"] == []

    # the same text twice: either could be it; applied to neither, flagged naming both
    recs = [moved(r, "seite#a1"), moved(r, "seite#a3")]
    _, flagged = apply_decisions(recs, [d])
    for log_first in (True, False):
        st = app(recs, f"both{log_first}", log_first)
        assert all(e.get("status") == "pending" for x in st.records for e in x["entities"])
        assert [(f["reason"], f["candidates"], f["message"]) for f in st.flags[""]] == \
            [(f["reason"], f["candidates"], f["message"]) for f in flagged] == \
            [("ambiguous", ["seite#a1", "seite#a3"], flagged[0]["message"])]
        assert [o["reason"] for o in st.overview()["orphans"]] == ["ambiguous"]
        assert "seite#a1, seite#a3" in st.overview()["orphans"][0]["message"]

    # a hash of one article: as before, the decision goes to it (here: the one that holds it)
    recs = [dict(moved(other, "seite#a1"), source=dict(other["source"], sha256="0" * 64)), moved(r, "seite#a3")]
    expected, flagged = apply_decisions(recs, [d])
    st = app(recs, "one")
    assert flagged == [] and st.flags == {}
    assert [x["entities"] for x in st.records] == [x["entities"] for x in expected]
    assert [e["text"] for e in st.records[1]["entities"] if e.get("status") == "rejected"] == [name]


def test_an_accept_keeps_the_values_it_saw_when_a_new_run_computes_others():
    """An accept vouches for the values the reviewer saw. A re-run whose rules compute another value
    showed the entity 'accepted' with a value nobody had seen (the seed log's "neun Monate später",
    accepted as 2022-10, came out accepted as 2022-09). The accepted value stays, the run's is kept in
    review.original, and review.changed_since names the field; a value the reviewer did not see (none
    then) is the run's, named too."""
    text = "Am 06.01.2022 kamen sechs Staaten, neun Monate später zwei."
    r = make_record("v", text, names=[("06.01.2022", "DATE", {"value": "2022-06-01", "type": "date"}),
                                      ("sechs", "FIGURE", {"value": 6, "about": None}),
                                      ("neun Monate später", "DATE", {"value": "2022-10", "type": "date"})])
    ds = [dec.make_decision(r, "accept", e, reviewer="t") for e in r["entities"]]
    new = make_record("v", text, names=[("06.01.2022", "DATE", {"value": "2022-06-01", "type": "date"}),
                                        ("sechs", "FIGURE", {"value": 6, "about": "Staat"}),
                                        ("neun Monate später", "DATE", {"value": "2022-09", "type": "date"})])
    out, flagged = apply_decisions([new], ds)
    assert flagged == []
    got = {e["text"]: e for e in out[0]["entities"]}
    same, fig, later = got["06.01.2022"], got["sechs"], got["neun Monate später"]
    assert (same["status"], same["value"], "changed_since" in same["review"]) == ("accepted", "2022-06-01", False)
    assert (later["status"], later["value"], later["type"]) == ("accepted", "2022-10", "date")
    assert later["review"]["original"]["value"] == "2022-09" and later["review"]["changed_since"] == ["value"]
    assert (fig["status"], fig["about"], fig["review"]["changed_since"]) == ("accepted", "Staat", ["about"])
    assert validate_record(out[0]) == []
    assert apply_decisions(out, ds)[0] == out


def test_a_correction_after_such_an_accept_settles_the_changed_value():
    text = "Am 06.01.2022 kamen sechs Staaten, neun Monate später zwei."
    r = make_record("v", text, names=[("neun Monate später", "DATE", {"value": "2022-10", "type": "date"})])
    acc = dec.make_decision(r, "accept", r["entities"][0], reviewer="t")
    new = make_record("v", text, names=[("neun Monate später", "DATE", {"value": "2022-09", "type": "date"})])
    seen = apply_decisions([new], [acc])[0][0]["entities"][0]
    fix = dec.make_decision(apply_decisions([new], [acc])[0][0], "correct", seen, {"value": "2022-09"}, reviewer="t")
    [later] = apply_decisions([new], [acc, fix])[0][0]["entities"]
    assert (later["status"], later["value"], "changed_since" in later["review"]) == ("corrected", "2022-09", False)
