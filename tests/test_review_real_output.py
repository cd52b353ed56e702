"""Decisions, exports and the review server on a real `presseschau run` of the seeds (`seed_run`)."""
from __future__ import annotations

import copy
import json
import re

import pytest

from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions
from pipeline import interop
from pipeline.record import validate_record


def _decide_everything(records):
    """A reviewer's pass over the real output: every kind of decision, on every article."""
    ds = []
    for r in records:
        covered = set()
        for i, e in enumerate(r["entities"]):
            covered.update(range(e["start"], e["end"]))
            if i % 7 == 3 and e["label"] not in ("DATE", "FIGURE"):
                ds.append(dec.make_decision(r, "correct", e, {"label": "MISC"}, reviewer="t"))
            elif i % 5 == 4 and e["end"] - e["start"] > 3:
                ds.append(dec.make_decision(r, "correct", e, {"end": e["end"] - 1}, reviewer="t"))
            elif i % 2:
                ds.append(dec.make_decision(r, "reject", e, reviewer="t"))
            else:
                ds.append(dec.make_decision(r, "accept", e, reviewer="t"))
        m = next(m for m in re.finditer(r"\b[A-ZÄÖÜ][a-zäöüß]{6,}\b", r["text"]) if not covered & set(range(m.start(), m.end())))
        ds.append(dec.make_decision(r, "add", new={"start": m.start(), "end": m.end(), "label": "MISC"}, reviewer="t"))
    return ds


def test_every_kind_of_decision_on_the_real_output(seed_run):
    _, _, records = seed_run
    ds = _decide_everything(records)
    out, flagged = apply_decisions(records, ds)
    assert flagged == []
    for r in out:
        assert validate_record(r) == [], r["id"]
        p = dec.progress(r)
        assert p["pending"] == 0 and p["total"] == len(r["entities"])
        for e in r["entities"]:
            if e.get("source") == "review" or e["status"] == "corrected":
                s, t = e["raw_start"], e["raw_end"]
                assert (s, t) == dec.raw_span(r, e["start"], e["end"])
    again, flagged = apply_decisions(out, ds)
    assert flagged == [] and again == out
    # the same log on the untouched run, through JSON (as the files hold it)
    ds_json = json.loads(json.dumps(ds))
    assert apply_decisions(copy.deepcopy(records), ds_json)[0] == out


def test_exports_of_the_real_output(seed_run, tmp_path):
    _, _, records = seed_run
    out, _ = apply_decisions(records, _decide_everything(records))
    for fmt in interop.FORMATS:
        p = interop.export(out, fmt, tmp_path / f"x.{fmt}", accepted_only=(fmt == "csv"))
        assert p.stat().st_size > 0
    # an annotator accepts the Prodigy tasks unchanged: nothing new to record
    tasks = interop.to_prodigy(interop.reviewed_records(out))
    for t in tasks:
        t["answer"] = "accept"
    decisions, problems = interop.import_prodigy(tasks, out)
    assert problems == []
    assert decisions == []  # spans left out of ner_manual because they overlap are not rejected either


def test_server_on_the_real_output(seed_run, tmp_path):
    import shutil

    from pipeline.review.state import ReviewState

    src, _, records = seed_run
    data = tmp_path / "outputs"
    data.mkdir()
    shutil.copy(src / "articles.jsonl", data / "articles.jsonl")
    before = (data / "articles.jsonl").read_bytes()
    st = ReviewState(data, tmp_path / "annotations", reviewer="t")
    for r in records:
        view = st.article(r["id"])
        assert view["record"]["text"] == r["text"]
        for rm in view["record"].get("removed", []):
            assert 0 <= rm["clean_at"] <= len(r["text"])
        e = r["entities"][0]
        view = st.decide(r["id"], {"action": "reject", "entity": {"start": e["start"], "end": e["end"], "label": e["label"]}})
        assert view["record"]["entities"][0]["status"] == "rejected"
    st.close()
    assert (data / "articles.jsonl").read_bytes() == before  # decisions go to the log only
    rows, flagged = apply_decisions(records, dec.load_decisions(tmp_path / "annotations"))
    assert flagged == [] and [r["entities"][0]["status"] for r in rows] == ["rejected"] * len(records)
    assert all(validate_record(r) == [] for r in rows)


@pytest.mark.parametrize("shift", ["Vorspann.\n", "Ein ganz neuer erster Absatz mit Kasachstan und Russland.\n\n"])
def test_real_decisions_follow_a_shifted_text(seed_run, shift):
    from pipeline.review.sample import make_record

    _, _, records = seed_run
    r = records[1]
    ds = [dec.make_decision(r, "reject" if i % 2 else "accept", e, reviewer="t") for i, e in enumerate(r["entities"])]
    # the new run: the same entities, moved (no model needed to know where they are)
    new = make_record(r["id"], shift + r["text"], names=[])
    new["entities"] = [dict(e, start=e["start"] + len(shift), end=e["end"] + len(shift)) for e in r["entities"]]
    out, flagged = apply_decisions([new], ds)
    assert flagged == []
    assert [e["status"] for e in out[0]["entities"]] == ["rejected" if i % 2 else "accepted" for i in range(len(r["entities"]))]
