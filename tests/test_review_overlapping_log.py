"""A review log written before overlapping kept spans were refused, on the committed run of the seeds: the
decision that keeps the later of two overlapping spans is flagged `overlap` and not applied (the rest of the log is),
`export` says why it left it out, and a log joined to itself with such an overlap is applied once and ends."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions, strip_review

ROOT = Path(__file__).resolve().parents[1]
ART = "001_660f1e0e655a289c"


def _output():
    """The committed run of the seeds (real pipeline output) and the committed review log."""
    recs = [json.loads(x) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return recs, dec.load_decisions(ROOT / "annotations")


def _kept(rec, s, e):
    return sorted((x["text"], x["label"], x["status"]) for x in rec["entities"] if x["start"] < e and s < x["end"] and x["status"] in dec.KEPT)


def test_an_old_log_keeping_overlapping_spans_is_flagged_not_applied_twice():
    """Before the overlap check (session 26), a reviewer could add "Präsident Kassym-Jomart
    Tokajew" over the "Kassym-Jomart Tokajew" another reviewer had accepted (each on the page as
    it was): such a log was applied as it is, both kept, overlapping, without a word, though the
    app answers 409 and an import refuses it now. The decision that made the later one kept is
    flagged (reason `overlap`, naming the other entity), not applied; the rest of the log is."""
    recs, log = _output()
    pipe = strip_review(json.loads(json.dumps(next(r for r in recs if r["id"] == ART))))
    text = pipe["text"]
    tok = next(e for e in pipe["entities"] if e["text"] == "Kassym-Jomart Tokajew")
    wide = text.index("Präsident Kassym-Jomart Tokajew")
    assert tok["status"] == "pending"
    # made on the page as it was before the accept: the check then let it through
    add = dec.make_decision(pipe, "add", new={"start": wide, "end": tok["end"], "label": "PER"}, reviewer="bob")
    assert ("Kassym-Jomart Tokajew", "PER", "accepted") in _kept(apply_decisions(recs, log)[0][1], wide, tok["end"])

    out, flagged = apply_decisions(recs, log + [add])
    a = next(r for r in out if r["id"] == ART)
    assert _kept(a, wide, tok["end"]) == [("Kassym-Jomart Tokajew", "PER", "accepted")]
    assert [(f["reason"], f["decision"]["id"]) for f in flagged if f["reason"] == "overlap"] == [("overlap", add["id"])]
    f = next(f for f in flagged if f["reason"] == "overlap")
    assert "overlaps another entity" in f["message"] and "“Kassym-Jomart Tokajew” PER [154, 175), accepted" in f["message"], f["message"]
    assert {"decision_id": add["id"], "reason": "overlap"} in a["review_flags"]
    # the rest of the log as without the old line
    alone, flagged_alone = apply_decisions(recs, log)
    assert [x for x in out if x["id"] != ART] == [x for x in alone if x["id"] != ART]
    assert [f for f in flagged if f["reason"] != "overlap"] == flagged_alone
    # idempotent: applied again to its own output, the same
    again, flagged_again = apply_decisions(out, log + [add])
    assert again == out and [f["decision"]["id"] for f in flagged_again] == [f["decision"]["id"] for f in flagged]

    # the other way round: the wide one added first, the accept (made on the page before it) later: the accept is flagged
    accept = dec.make_decision(pipe, "accept", tok, reviewer="anna")
    rest = [d for d in log if not (d.get("span") or {}).get("start") == tok["start"] or d.get("article_id") != ART]
    out, flagged = apply_decisions(recs, rest + [add, accept])
    a = next(r for r in out if r["id"] == ART)
    assert _kept(a, wide, tok["end"]) == [("Präsident Kassym-Jomart Tokajew", "PER", "accepted")]
    assert [f["decision"]["id"] for f in flagged if f["reason"] == "overlap"] == [accept["id"]]

    # a log that rejects the one before it keeps the other is flat: nothing flagged
    reject = dec.make_decision(pipe, "reject", tok, reviewer="anna")
    out, flagged = apply_decisions(recs, log + [reject, add])
    assert not [f for f in flagged if f["reason"] == "overlap"]
    assert _kept(next(r for r in out if r["id"] == ART), wide, tok["end"]) == [("Präsident Kassym-Jomart Tokajew", "PER", "accepted")]


def test_export_says_why_an_old_overlapping_decision_is_left_out(tmp_path):
    """`export` (and `report`) said of every decision not applied "the article's text changed, or
    it is not in this run"; an `overlap` flag is said as what it is."""
    import shutil

    from typer.testing import CliRunner

    from pipeline.cli import app

    recs, _ = _output()
    pipe = strip_review(json.loads(json.dumps(next(r for r in recs if r["id"] == ART))))
    tok = next(e for e in pipe["entities"] if e["text"] == "Kassym-Jomart Tokajew")
    wide = pipe["text"].index("Präsident Kassym-Jomart Tokajew")
    ann = tmp_path / "ann"
    ann.mkdir()
    shutil.copy(ROOT / "annotations" / dec.DECISIONS_FILE, ann / dec.DECISIONS_FILE)
    dec.DecisionStore(ann).append([dec.make_decision(pipe, "add", new={"start": wide, "end": tok["end"], "label": "PER"}, reviewer="bob")])
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(ROOT / "outputs"), "-a", str(ann), "--out", str(tmp_path / "x.csv")])
    said = " ".join(res.output.split())
    assert res.exit_code == 0 and "1 review decisions of 1 articles no longer fit the output" in said, said
    assert "1 keep a span overlapping another entity the log keeps" in said and "text changed" not in said, said
    rows = [r for r in (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines() if r.startswith(ART) and ",Präsident Kassym-Jomart Tokajew," in r]
    assert rows == []


def test_a_log_joined_to_itself_with_an_overlap_is_applied_once_and_ends():
    """A log appended to itself (or two copies of one log joined) holds each decision twice; where
    two of them keep overlapping spans, applying it must end (it looped forever: the decision's
    place was its last copy, never the one left out) and flag the later one as with one copy."""
    import signal

    recs, log = _output()
    pipe = strip_review(json.loads(json.dumps(next(r for r in recs if r["id"] == ART))))
    tok = next(e for e in pipe["entities"] if e["text"] == "Kassym-Jomart Tokajew")
    wide = pipe["text"].index("Präsident Kassym-Jomart Tokajew")
    rest = [d for d in log if d.get("article_id") != ART]
    accept = dec.make_decision(pipe, "accept", tok, reviewer="anna")
    add = dec.make_decision(pipe, "add", new={"start": wide, "end": tok["end"], "label": "PER"}, reviewer="bob")
    once = rest + [accept, add]

    def _hang(*_):
        raise TimeoutError("apply_decisions did not end on a log joined to itself")

    old = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(30)
    try:
        out, flagged = apply_decisions(recs, once + once)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    out1, flagged1 = apply_decisions(recs, once)
    a = next(r for r in out if r["id"] == ART)
    assert _kept(a, wide, tok["end"]) == [("Kassym-Jomart Tokajew", "PER", "accepted")]
    spans = lambda r: [(e["start"], e["end"], e["label"], e["status"]) for e in r["entities"]]  # noqa: E731
    assert spans(a) == spans(next(r for r in out1 if r["id"] == ART))
    assert {f["decision"]["id"] for f in flagged if f["reason"] == "overlap"} == {add["id"]}
