"""Label Studio's files on the committed run of the seeds: its tasks (.json) and labelling config (.xml) are
written as a pair (a failure leaves both as they were, the file it could not write named), and the copies of an
article in a JSON-MIN export are ordered among themselves by their own times, else by annotation id, task id or
their place in the file, which the problem says. (The other Label Studio round trips: test_interop.py,
test_interop_roundtrip.py.)"""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline import interop
from pipeline.cli import app
from repo_data import REPO as ROOT, entity as _ent, seed_output as _real_output


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
