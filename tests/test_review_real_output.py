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


def _date(records, text):
    """(record, entity) of the pipeline's DATE with this text in the seed run."""
    return next((r, e) for r in records for e in r["entities"] if e["label"] == "DATE" and e["text"] == text)


def _reviewed(records, ds, r, start, end):
    out, flagged = apply_decisions(records, ds)
    assert flagged == []
    o = next(x for x in out if x["id"] == r["id"])
    assert validate_record(o) == []
    return next(e for e in o["entities"] if (e["start"], e["end"], e["label"]) == (start, end, "DATE"))


def test_a_duration_date_can_be_corrected(seed_run):
    # "Drei Jahrzehnte" is a DATE of type duration, value P30Y: its span, its label (the app sends
    # the label it has) and its value could not be corrected ("DATE value must be ISO 8601 ... 'P30Y'")
    _, _, records = seed_run
    r, e = _date(records, "Drei Jahrzehnte")
    assert (e["value"], e["type"]) == ("P30Y", "duration")
    s = r["text"].index("Drei Jahrzehnte")
    d = dec.make_decision(r, "correct", e, {"end": e["end"] - 1}, reviewer="t")
    assert d["new"]["value"] == "P30Y" and d["new"]["type"] == "duration"
    got = _reviewed(records, [d], r, s, e["end"] - 1)
    assert (got["value"], got["type"], got["status"]) == ("P30Y", "duration", "corrected")
    d = dec.make_decision(r, "correct", e, {"label": "DATE"}, reviewer="t")
    assert (d["new"]["value"], d["new"]["type"]) == ("P30Y", "duration")
    d = dec.make_decision(r, "correct", e, {"value": "P3Y"}, reviewer="t")
    got = _reviewed(records, [d], r, e["start"], e["end"])
    assert (got["value"], got["type"]) == ("P3Y", "duration")
    # a duration corrected to a calendar date is a date now; to a set's value, a set
    assert dec.make_decision(r, "correct", e, {"value": "1992"}, reviewer="t")["new"]["type"] == "date"
    assert dec.make_decision(r, "correct", e, {"value": "XXXX-WXX-1"}, reviewer="t")["new"]["type"] == "set"
    # added elsewhere with the duration's value (as "apply to all mentions" adds it): a duration
    d = dec.make_decision(r, "add", new={"start": s, "end": s + 4, "label": "DATE", "value": "P30Y"}, reviewer="t")
    assert (d["new"]["value"], d["new"]["type"]) == ("P30Y", "duration")


@pytest.mark.parametrize("value", ["2022-01-06", "2022-01", "2022", "2022-W03", "2005-W35-WE", "2004-Q4", "2005-H1",
                                   "2010-SU", "199", "19", "-1499", "P3M", "P30M", "PT2H", "P2Y6M", "P1DT5H",
                                   "PT1M14.95S", "P1W", "XXXX-01-19", "XXXX-05", "XXXX-WXX-4", "XXXX-WXX-WE"])
def test_every_value_shape_the_pipeline_writes_is_a_correction_value(seed_run, value):
    from pipeline.schema import date_value_shape

    _, _, records = seed_run
    r, e = _date(records, "Donnerstag")
    d = dec.make_decision(r, "correct", e, {"value": value}, reviewer="t")
    assert d["new"]["value"] == value
    assert d["new"]["type"] == {"date": "date", "duration": "duration", "set": "set"}[date_value_shape(value)]


def test_correcting_a_date_value_keeps_its_type(seed_run):
    # "Donnerstag" 2022-01-06 -> 2021-12-31 lost `type` in the reviewed view
    _, _, records = seed_run
    r, e = _date(records, "Donnerstag")
    assert (e["value"], e["type"]) == ("2022-01-06", "date")
    d = dec.make_decision(r, "correct", e, {"value": "2021-12-31"}, reviewer="t")
    got = _reviewed(records, [d], r, e["start"], e["end"])
    assert (got["value"], got["type"]) == ("2021-12-31", "date")
    # a reviewer sets the type of a duration-shaped value (every week: a set); a type the value cannot have is refused
    d = dec.make_decision(r, "correct", e, {"value": "P1W", "type": "set"}, reviewer="t")
    got = _reviewed(records, [d], r, e["start"], e["end"])
    assert (got["value"], got["type"]) == ("P1W", "set")
    for bad in ({"value": "Donnerstag"}, {"value": "P"}, {"value": "2022-01-06", "type": "duration"},
                {"value": "P1W", "type": "date"}, {"type": "often"}):
        with pytest.raises(ValueError):
            dec.make_decision(r, "correct", e, bad, reviewer="t")
    # a decision logged before this fix (no `type` in `new`) gets the type its value has
    d = dec.make_decision(r, "correct", e, {"value": "2021-12-31"}, reviewer="t")
    del d["new"]["type"]
    got = _reviewed(records, [d], r, e["start"], e["end"])
    assert (got["value"], got["type"]) == ("2021-12-31", "date")


def test_a_corrected_duration_round_trips_through_export(seed_run, tmp_path):
    import csv
    import shutil

    from typer.testing import CliRunner

    from pipeline.cli import app

    src, _, records = seed_run
    data = tmp_path / "outputs"
    data.mkdir()
    shutil.copy(src / "articles.jsonl", data / "articles.jsonl")
    r, e = _date(records, "Drei Jahrzehnte")
    r2, e2 = _date(records, "Donnerstag")
    dec.DecisionStore(tmp_path / "annotations").append([
        dec.make_decision(r, "correct", e, {"value": "P3Y"}, reviewer="t"),
        dec.make_decision(r2, "correct", e2, {"value": "2021-12-31"}, reviewer="t"),
    ])
    runner = CliRunner()
    for fmt in ("jsonl", "csv"):
        res = runner.invoke(app, ["export", "--format", fmt, "--data", str(data), "--annotations", str(tmp_path / "annotations"),
                                  "--out", str(tmp_path / f"x.{fmt}")])
        assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    by = {(x["id"], y["start"], y["label"]): y for x in rows for y in x["entities"]}
    got, got2 = by[(r["id"], e["start"], "DATE")], by[(r2["id"], e2["start"], "DATE")]
    assert (got["value"], got["type"], got["status"]) == ("P3Y", "duration", "corrected")
    assert (got2["value"], got2["type"], got2["status"]) == ("2021-12-31", "date", "corrected")
    assert all(validate_record(x) == [] for x in rows)
    with open(tmp_path / "x.csv", encoding="utf-8", newline="") as fh:
        table = {(x["article_id"], int(x["start"]), x["label"]): x for x in csv.DictReader(fh)}
    row, row2 = table[(r["id"], e["start"], "DATE")], table[(r2["id"], e2["start"], "DATE")]
    assert (row["value_date"], row["type"], row["status"]) == ("P3Y", "duration", "corrected")
    assert (row2["value_date"], row2["type"], row2["status"]) == ("2021-12-31", "date", "corrected")
