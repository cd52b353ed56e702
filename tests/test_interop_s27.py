"""Exports and imports as a user meets them (session 27's review): the German Excel CSV's decimal
comma, formulas in spreadsheet exports, an --out folder named with a dot, Label Studio's pair of
files written as one."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import interop
from pipeline.cli import app
from repo_data import news_row

ROOT = Path(__file__).resolve().parents[1]


def _real_output():
    return [json.loads(x) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def boerse():
    """A real agency report of the Vienna stock exchange (10kGNAD gnad199) run through the
    pipeline: FIGUREs "+0,20 Prozent", "-0,25 Prozent" (value -0.25) and "15,43" (15.43)."""
    from pipeline import Presseschau

    row = news_row("10kgnad_test.jsonl.gz", "id", "gnad199")
    rec = Presseschau().process_text(row["text"], id="gnad199")
    rec["meta"]["title"] = "=HYPERLINK(\"http://example.org\")"  # a web page's title, as README warns
    return rec


def _ent(rec, text):
    return next(e for e in rec["entities"] if e["text"] == text)


def test_csv_excel_writes_a_figures_value_with_a_decimal_comma(tmp_path, boerse):
    """README: csv-excel is the CSV "as German Excel opens it ... decimal comma". The `value`
    column kept "15.43" (German Excel reads it as a date or text) while only `value_number` had
    "15,43"; the plain CSV keeps the point."""
    assert _ent(boerse, "15,43")["value"] == 15.43
    p = interop.export([boerse], "csv-excel", tmp_path)
    got = pd.read_csv(p, encoding="utf-8-sig", sep=";", dtype=str, keep_default_na=False)
    row = got[got.text == "15,43"].iloc[0]
    assert row.value == "15,43" and row.value_number == "15,43"
    assert got[got.text == "20"].iloc[0].value == "20"  # a whole number as it was
    # read back as README says, the value is the number
    back = pd.read_csv(p, encoding="utf-8-sig", sep=";", decimal=",", dtype={"article_id": str})
    assert back[back.text == "15,43"].value_number.iloc[0] == 15.43
    plain = pd.read_csv(interop.export([boerse], "csv", tmp_path / "p.csv"), dtype=str, keep_default_na=False)
    assert plain[plain.text == "15,43"].iloc[0].value == "15.43"


def test_spreadsheet_exports_keep_formulas_out_and_numbers_numbers(tmp_path, boerse):
    """A cell that begins with = + - @ is a formula to Excel or LibreOffice opening the CSV
    (OWASP "CSV injection"): the entity "-0,25 Prozent" of a real report, a title "=HYPERLINK(…)".
    csv-excel puts a ' before such a text, xlsx marks the text cell with Excel's quote prefix (its
    text unchanged); a number stays a number in both; the plain csv (pandas, R) keeps every text."""
    import openpyxl

    neg = _ent(boerse, "-0,25 Prozent")
    assert neg["value"] == -0.25
    p = interop.export([boerse], "csv-excel", tmp_path)
    got = pd.read_csv(p, encoding="utf-8-sig", sep=";", dtype=str, keep_default_na=False)
    assert "'-0,25 Prozent" in set(got.text) and "'+0,20 Prozent" in set(got.text)
    row = got[got.text == "'-0,25 Prozent"].iloc[0]
    assert row.value == "-0,25" and row.value_number == "-0,25"  # numbers: no quote
    assert set(got.title) == {"'=HYPERLINK(\"http://example.org\")"}
    assert "minus 2,34 Prozent" in set(got.text)  # nothing else changes

    plain = pd.read_csv(interop.export([boerse], "csv", tmp_path / "p.csv"), dtype=str, keep_default_na=False)
    assert "-0,25 Prozent" in set(plain.text) and set(plain.title) == {boerse["meta"]["title"]}

    x = interop.export([boerse], "xlsx", tmp_path)
    sheet = openpyxl.load_workbook(x).active
    cols = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    cell = next(r[cols.index("text")] for r in rows if r[cols.index("text")].value == "-0,25 Prozent")
    assert cell.data_type == "s" and cell.quotePrefix
    number = next(r[cols.index("value_number")] for r in rows if r[cols.index("text")].value == "-0,25 Prozent")
    assert number.value == -0.25 and number.data_type == "n" and not number.quotePrefix
    title = rows[0][cols.index("title")]
    assert title.value == boerse["meta"]["title"] and title.data_type == "s" and title.quotePrefix
    assert not next(r[cols.index("text")] for r in rows if r[cols.index("text")].value == "minus 2,34 Prozent").quotePrefix


def test_an_out_folder_with_a_dot_in_its_name_given_with_its_slash(tmp_path):
    """`export --out exports/2024.01/`: the trailing "/" says a folder, but Path() dropped it and
    the name's ".01" read as a file's suffix: the export was written as the file `2024.01`."""
    ann = tmp_path / "ann"
    out = tmp_path / "exports" / "2024.01"
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(ROOT / "outputs"), "-a", str(ann), "--out", str(out) + "/"])
    assert res.exit_code == 0, res.output
    assert (out / "articles.csv").is_file()
    assert interop.export_path("csv", str(out) + "/") == out / "articles.csv"
    assert interop.export_path("csv", out / "x.csv") == out / "x.csv"  # a file stays a file
    # `report --out` alike (it refused the folder: "the report is one HTML file")
    rep = tmp_path / "reports" / "2024.01"
    res = CliRunner().invoke(app, ["report", str(ROOT / "outputs"), "-a", str(ann), "--out", str(rep) + "/"])
    assert res.exit_code == 0, res.output
    assert (rep / "report.html").is_file()


def test_label_studio_tasks_and_config_are_written_as_a_pair(tmp_path):
    """Label Studio's tasks (.json) and their labelling config (.xml) were two writes: when the
    second failed, the new tasks stood beside the old config (or none). Both are written to
    temporary files first; a failure leaves both as they were, no temporary file behind, and
    the CLI names the file it could not write."""
    recs = _real_output()
    out = tmp_path / "ls.json"
    out.write_text("[]", encoding="utf-8")  # an earlier export
    (tmp_path / "ls.xml").mkdir()  # the config's name taken by a folder: its write fails
    with pytest.raises(OSError) as err:
        interop.export(recs, "label-studio", out)
    assert err.value.filename == str(tmp_path / "ls.xml")
    assert out.read_text(encoding="utf-8") == "[]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ls.json", "ls.xml"]
    res = CliRunner().invoke(app, ["export", "--format", "label-studio", "--data", str(ROOT / "outputs"), "-a", str(tmp_path / "ann"),
                                   "--out", str(out)])
    assert res.exit_code == 2 and f"cannot write {tmp_path / 'ls.xml'}" in " ".join(res.output.split()), res.output
    assert out.read_text(encoding="utf-8") == "[]"
    (tmp_path / "ls.xml").rmdir()
    interop.export(recs, "label-studio", out)
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(recs) and (tmp_path / "ls.xml").read_text(encoding="utf-8").startswith("<View")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ls.json", "ls.xml"]


def test_label_studio_copies_without_a_time_are_ordered_by_what_the_file_gives():
    """An article imported into Label Studio twice, exported as JSON-MIN, two rows of one annotator
    that differ, one row without `updated_at`/`created_at` (a row written by a script, an older
    Label Studio): the times were compared as text, "" before any time, so the row with a time won
    whatever the ids said. Without a time on every copy, the annotation id decides, else the task
    id, else the place in the file, and the problem says which."""
    recs = _real_output()
    aid = "001_660f1e0e655a289c"
    r = next(x for x in recs if x["id"] == aid)
    kreml, tok = _ent(r, "Kreml"), _ent(r, "Kassym-Jomart Tokajew")
    t = next(x for x in interop.to_label_studio(recs) if x["data"]["article_id"] == aid)
    regions = [{"start": x["value"]["start"], "end": x["value"]["end"], "text": x["value"]["text"], "labels": x["value"]["labels"]}
               for x in t["predictions"][0]["result"] if x["type"] == "labels"]

    def row(task_id, without, ann_id, updated=None):
        out = {"id": task_id, "text": t["data"]["text"], "article_id": aid, "presseschau": t["data"]["presseschau"], "annotator": 7,
               "annotation_id": ann_id, "label": [x for x in regions if x["start"] != without["start"]]}
        if ann_id is None:  # a row without the key (None there is a task nobody annotated)
            del out["annotation_id"]
        return out | ({"updated_at": updated} if updated else {})

    def rejected(rows):
        ds, ps = interop.import_label_studio(rows, recs, path="min.json")
        return [d["span"]["text"] for d in ds if d["decision"] == "reject"], ps

    # annotation 9 (no time) was made after annotation 4 (with one): 9 counts, wherever it is in the file
    for rows in ([row(1, kreml, 9), row(2, tok, 4, "2026-03-02T10:00:00Z")], [row(2, tok, 4, "2026-03-02T10:00:00Z"), row(1, kreml, 9)]):
        got, ps = rejected(rows)
        assert got == ["Kreml"], got
        assert len(ps) == 1 and "recorded (the latest by annotation id (not every copy has a time))" in ps[0], ps
    # a time that is no time ("gestern") is no time either
    got, _ = rejected([row(1, kreml, 9, "gestern"), row(2, tok, 4, "2026-03-02T10:00:00Z")])
    assert got == ["Kreml"]
    # no annotation ids either: the task imported later (the higher task id)
    got, ps = rejected([row(9, kreml, None), row(3, tok, None, "2026-03-02T10:00:00Z")])
    assert got == ["Kreml"] and "the latest by task id" in ps[0], ps
    # nothing to go by: the later in the file, said so
    got, ps = rejected([row("b", kreml, None), row("a", tok, None)])
    assert got == ["Kassym-Jomart Tokajew"] and "recorded (the later in the file)" in ps[0], ps


def test_an_add_over_an_entity_whose_correction_is_refused_is_refused_too():
    """Seed 001: "Nagornyj Karabach" and "Armenien" accepted; the tool widens the first over
    "Armenien" (refused: it overlaps the accepted "Armenien") and adds "Karabach" inside it. The
    first stays as it was, so the add overlaps a kept entity: it was recorded all the same (the
    entity counted as one the task replaces), and the log kept two overlapping spans. Now the add
    is refused too, named; the same with the add made before the refused correction (a task
    without a snapshot, its spans in text order: "Nagornyj" PER first)."""
    from pipeline.interop.common import decisions_from_changes, decisions_from_spans
    from pipeline.review import log as dec
    from pipeline.review.apply import apply_decisions, strip_review

    rec = strip_review(next(r for r in _real_output() if r["id"] == "001_660f1e0e655a289c"))
    text = rec["text"]
    nk = _ent(rec, "Nagornyj Karabach")
    arm = next(e for e in rec["entities"] if e["start"] == text.index("Armenien", nk["end"]))
    log = [dec.make_decision(rec, "accept", nk, reviewer="anna"), dec.make_decision(rec, "accept", arm, reviewer="anna")]
    (rv,), flags = apply_decisions([rec], log)
    assert not flags
    exported = [[nk["start"], nk["end"], "LOC", "accepted"], [arm["start"], arm["end"], "LOC", "accepted"]]
    wide = (nk["start"], arm["end"], "LOC")
    for add in [(text.index("Karabach", nk["start"]), nk["end"], "LOC"), (nk["start"], nk["start"] + len("Nagornyj"), "PER")]:
        now = [wide, (arm["start"], arm["end"], "LOC"), add]
        if add[2] == "LOC":
            out, problems = decisions_from_changes(rv, exported, now, reviewer="tool", where="t.json")
        else:
            out, problems = decisions_from_spans(rv, now, reviewer="tool", labels=["LOC", "PER"], where="t.json")
            out = [d for d in out if d["decision"] != "reject"]  # the task's other LOC and PER of the article
        assert out == [], out
        assert len(problems) == 2 and all("that span is not recorded, the rest of the task is" in str(p) for p in problems)
        assert any(f"“{text[add[0]:add[1]]}” [{add[0]}, {add[1]})" in str(p) for p in problems), problems
        (again,), flags = apply_decisions([rv], log + out)
        assert not flags and again == rv


def test_label_studio_orders_each_articles_copies_by_their_own_times():
    """Two copies of seed 001 in a JSON-MIN export, both with a time (the later-updated one has the
    lower annotation id and comes first in the file), and one row of seed 003 without a time: the
    row of the other article switched every article's copies to annotation-id order, so the
    earlier-updated copy of 001 won. Each article's copies are ordered among themselves."""
    recs = _real_output()
    aid, other = "001_660f1e0e655a289c", "003_402700ddbbeb6917"
    r = next(x for x in recs if x["id"] == aid)
    kreml, tok = _ent(r, "Kreml"), _ent(r, "Kassym-Jomart Tokajew")
    tasks = {x["data"]["article_id"]: x for x in interop.to_label_studio(recs)}

    def row(art, task_id, ann_id, without=None, updated=None):
        t = tasks[art]
        regions = [{"start": x["value"]["start"], "end": x["value"]["end"], "text": x["value"]["text"], "labels": x["value"]["labels"]}
                   for x in t["predictions"][0]["result"] if x["type"] == "labels"]
        out = {"id": task_id, "text": t["data"]["text"], "article_id": art, "presseschau": t["data"]["presseschau"], "annotator": 7,
               "annotation_id": ann_id, "label": [x for x in regions if without is None or x["start"] != without["start"]]}
        return out | ({"updated_at": updated} if updated else {})

    rows = [row(aid, 2, 4, tok, "2026-03-02T11:00:00Z"), row(aid, 1, 9, kreml, "2026-03-02T10:00:00Z"), row(other, 3, 5)]
    ds, ps = interop.import_label_studio(rows, recs, path="min.json")
    assert [d["span"]["text"] for d in ds if d["decision"] == "reject" and d["article_id"] == aid] == ["Kassym-Jomart Tokajew"]
    assert len(ps) == 1 and "recorded (the latest by updated_at/created_at and annotation id)" in ps[0], ps


def test_label_studio_pair_left_as_it_was_when_the_tasks_name_is_a_folder(tmp_path):
    """`io.atomic_write_files` says a folder in a file's place leaves every file as it was: the
    config (.xml, renamed first) was replaced before the rename of the tasks over their folder
    failed. Every target is checked before the first rename; the error names the folder."""
    from pipeline.io import atomic_write_files

    recs = _real_output()
    tasks = json.dumps(interop.to_label_studio(recs), ensure_ascii=False).encode("utf-8")
    (tmp_path / "ls.json").mkdir()
    (tmp_path / "ls.xml").write_text("<View/>", encoding="utf-8")  # an earlier export's config
    with pytest.raises(OSError) as err:
        atomic_write_files([(tmp_path / "ls.json", tasks), (tmp_path / "ls.xml", interop.label_studio_config().encode("utf-8"))])
    assert err.value.filename == str(tmp_path / "ls.json")
    assert (tmp_path / "ls.xml").read_text(encoding="utf-8") == "<View/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ls.json", "ls.xml"] and not any((tmp_path / "ls.json").iterdir())
