"""Importers and exports on hostile input (issue 15 item 10, the `export --out DIR` line of item 11),
through the CLI as a user runs it.

Exit codes of `presseschau import`: 2 when the file as a whole cannot be used (one line, nothing
recorded); 1 when some tasks are malformed (each named with file and line; the good ones are
recorded); never a traceback.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import interop
from pipeline.cli import app
from pipeline.review import log as dec
from pipeline.review.sample import sample_records

ROOT = Path(__file__).resolve().parents[1]
ANN_ROOT = ROOT / "annotations"
ART = "001_660f1e0e655a289c"


@pytest.fixture(scope="module")
def base():
    return sample_records(ROOT / "corpus")


@pytest.fixture()
def ws(tmp_path, base):
    data = tmp_path / "outputs"
    data.mkdir()
    (data / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in base), encoding="utf-8")
    return tmp_path, data, tmp_path / "annotations"


def _good_prodigy(base) -> dict:
    """A Prodigy task of our export, annotated: the first pending span rejected by leaving it out."""
    t = next(x for x in interop.to_prodigy(base, include_pending=True) if x["meta"]["article_id"] == ART)
    t = json.loads(json.dumps(t))
    t["spans"] = t["spans"][1:]
    t["answer"] = "accept"
    return t


def run_import(ws, fmt, content: bytes | str, name="in.jsonl", extra=()):
    tmp, data, ann = ws
    p = tmp / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    p.write_bytes(content)
    res = CliRunner().invoke(app, ["import", fmt, str(p), "--data", str(data), "--annotations", str(ann), *extra])
    return p, res


def flat(res) -> str:
    """The output with its whitespace flattened."""
    return " ".join(res.output.split())


def assert_clean(res, code):
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output


TRUNC_LS = '[\n {"data": {"text": "abc"}, "annotations": []},\n {"data": {"text": "de'

# (format, file name, content, substring of the one-line error); all exit 2 and record nothing
FILE_ERRORS = [
    ("prodigy", "empty.jsonl", b"", "empty file"),
    ("doccano", "blank.jsonl", b"  \n\n \t\n", "empty file"),
    ("prodigy", "latin1.jsonl", '{"text": "Gr\u00fc\u00dfe aus M\u00fcnchen"}\n'.encode("latin-1"), "not UTF-8"),
    ("doccano", "gz.jsonl", gzip.compress(b'{"text": "x", "label": []}\n'), "gzip"),
    ("label-studio", "trunc.json", TRUNC_LS, "invalid JSON"),
    ("label-studio", "object.json", '{\n  "data": {"text": "abc"},\n  "annotations": [\n  ]\n', "invalid JSON"),
    ("label-studio", "pretty_object.json", json.dumps({"tasks": [{"data": {"text": "x"}}]}, indent=2), "one JSON dict"),
    ("label-studio", "number.json", "42\n", "is not of type 'object'"),
    ("label-studio", "strings.json", '["a", "b"]', "is not of type 'object'"),
    ("label-studio", "emptylist.json", "[]", "no valid task"),
    ("prodigy", "nulls.jsonl", "null\nnull\n", "None is not of type 'object'"),
    ("prodigy", "notext.jsonl", '{"spans": [], "answer": "accept"}\n', "'text' is a required property"),
    ("prodigy", "spans_str.jsonl", '{"text": "abc", "spans": "0-3", "answer": "accept"}\n', "spans: '0-3' is not of type 'array'"),
    ("prodigy", "start_str.jsonl", '{"text": "abc", "spans": [{"start": "0", "end": 3, "label": "PER"}], "answer": "accept"}\n', "spans/0/start"),
    ("prodigy", "out_of_range.jsonl", '{"text": "abc", "spans": [{"start": 1, "end": 30, "label": "PER"}], "answer": "accept"}\n', "lies outside the text"),
    ("prodigy", "answer.jsonl", '{"text": "abc", "spans": [], "answer": "maybe"}\n', "answer: 'maybe' is not one of"),
    ("prodigy", "meta.jsonl", '{"text": "abc", "meta": "x", "answer": "accept"}\n', "meta: 'x' is not of type 'object'"),
    ("doccano", "triple_types.jsonl", '{"text": "abc", "label": [["a", 3, "PER"]]}\n', "label/0/0"),
    ("doccano", "pair.jsonl", '{"text": "abc", "label": [[0, 3]]}\n', "label/0"),
    ("doccano", "entities_key.jsonl", '{"text": "abc", "entities": [{"end_offset": 3, "label": "PER"}]}\n', "'start_offset' is a required property"),
    ("doccano", "surrogate.jsonl", '{"text": "\U0001F600 Putin", "label": [[1, 7, "PER"]]}\n', "splits a character"),
    ("doccano", "text_number.jsonl", '{"text": 17, "label": []}\n', "text: 17 is not of type 'string'"),
    ("label-studio", "anns_str.json", '[{"data": {"text": "abc"}, "annotations": "none"}]', "annotations: 'none' is not of type 'array'"),
    ("label-studio", "negative.json", json.dumps([{"data": {"text": "abc"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": -1, "end": 2, "labels": ["PER"]}}]}]}]), "is less than the minimum of 0"),
    ("label-studio", "nodata_text.json", '[{"data": {"body": "abc"}, "annotations": []}]', "'text' is a required property"),
    ("label-studio", "min_nolabels.json", '[{"text": "abc", "label": [{"start": 0, "end": 3}]}]', "'labels' is a required property"),
    ("prodigy", "deep.jsonl", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
]


@pytest.mark.parametrize("fmt,name,content,needle", FILE_ERRORS, ids=[c[1] for c in FILE_ERRORS])
def test_unusable_file_exit_2_one_line_nothing_recorded(ws, fmt, name, content, needle):
    p, res = run_import(ws, fmt, content, name)
    assert_clean(res, 2)
    assert res.output.count("\u2718") == 1 and "\u26a0" not in res.output, res.output  # one ✘ message, no warnings
    out = flat(res)
    assert str(p) in out and needle in out, out
    assert not (ws[2] / dec.DECISIONS_FILE).exists()


def test_error_names_the_line(ws):
    _, res = run_import(ws, "prodigy", '{"text": "abc", "answer": "accept"}\n\n{"text": 5}\n', "l3.jsonl")
    assert_clean(res, 1)
    assert "l3.jsonl:3: text: 5 is not of type 'string'" in flat(res) and "l3.jsonl:1: no matching article" in flat(res)


def test_missing_file_and_folder(ws):
    tmp, data, ann = ws
    for target in (tmp / "nope.jsonl", tmp):
        res = CliRunner().invoke(app, ["import", "doccano", str(target), "--data", str(data), "--annotations", str(ann)])
        assert_clean(res, 2)
        assert str(target) in flat(res)


def test_bad_tasks_among_good_ones_exit_1_rest_recorded(ws, base):
    good = _good_prodigy(base)
    lines = [
        json.dumps(good, ensure_ascii=False),
        '{"text": "abc", "spans": [{"start": 0, "end": 99, "label": "PER"}], "answer": "accept"}',
        json.dumps({**good, "spans": [{"start": 0, "end": 3, "label": "PERSON"}]}, ensure_ascii=False),
        '{"text": "Ein Text, den es nicht gibt.", "spans": [], "answer": "accept"}',
        '{"text": "abgeschnitten", "spans": [{"sta',
    ]
    p, res = run_import(ws, "prodigy", "\n".join(lines), "mixed.jsonl")
    assert_clean(res, 1)
    out = flat(res)
    assert f"{p}:2:" in out and "lies outside the text" in out
    assert f"{p}:3:" in out and "unknown label 'PERSON'" in out
    assert f"{p}:4: no matching article" in out
    assert f"{p}:5: invalid JSON" in out and "cut off" in out
    logged = dec.load_decisions(ws[2])
    # the span the annotator removed is rejected, the ones shown and kept in an accepted task accepted
    assert [d["decision"] for d in logged] == ["reject"] + ["accept"] * len(good["spans"])
    assert {d["article_id"] for d in logged} == {ART}
    assert sorted((d["span"]["start"], d["span"]["end"]) for d in logged if d["decision"] == "accept") == sorted(
        (s["start"], s["end"]) for s in good["spans"])


def test_option_values_are_checked(ws, base):
    tmp, data, ann = ws
    r = CliRunner()
    for args, said in ((["export", "--format", "prodigy", "--prodigy-mode", "bogus", "--data", str(data)], "--prodigy-mode bogus: give one of manual, binary"),
                       (["export", "--format", "xml", "--data", str(data)], "--format xml: give one of jsonl, prodigy,"),
                       (["export", "--format", "doccano", "--doccano-offsets", "bytes", "--data", str(data)], "--doccano-offsets bytes: give one of utf16, codepoints"),
                       (["import", "bogus", str(tmp / "x.jsonl"), "--data", str(data)], "the argument fmt bogus: give one of prodigy, doccano, label-studio")):
        res = r.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert said in flat(res) and flat(res).count("✘") == 1 and "│" not in res.output, flat(res)  # one line naming option and value
    assert not list(data.glob("articles.*.*"))


def test_untouched_bom_file_records_nothing(ws, base):
    t = next(x for x in interop.to_prodigy(base, include_pending=True) if x["meta"]["article_id"] == ART)
    _, res = run_import(ws, "prodigy", b"\xef\xbb\xbf" + (json.dumps(t, ensure_ascii=False) + "\n").encode("utf-8"), "bom.jsonl")
    assert_clean(res, 0)
    assert "Recorded 0 decisions (nothing changed in the tool)" in flat(res)


@pytest.mark.parametrize("fmt", interop.FORMATS)
def test_export_into_a_folder(ws, fmt):
    tmp, data, ann = ws
    r = CliRunner()
    for out in (tmp / "exp", data):  # a new folder (no suffix) and the data folder itself
        res = r.invoke(app, ["export", "--format", fmt, "--data", str(data), "--annotations", str(ann), "--out", str(out)])
        assert_clean(res, 0)
        written = out / interop.EXPORT_NAMES[fmt]
        assert written.is_file() and written.stat().st_size > 0, res.output
        assert not written.name.endswith((".csv.csv", ".parquet.parquet", ".jsonl.jsonl"))
    # the run output is never overwritten
    assert (data / "articles.jsonl").read_bytes().count(b"\n") == 5
    assert json.loads((data / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"].startswith("000_")


def test_export_parquet_beside_a_parquet_run_leaves_the_run_output_alone(ws):
    """`presseschau run --format parquet` writes the folder articles.parquet/; the Parquet
    export (one row per entity) was named articles.parquet too, so with the default --out (the
    data folder) it went into that folder, and `pd.read_parquet("outputs/articles.parquet")`
    then read 5 articles and 500 entities as one table of 21 columns. The export is now
    articles.entities.parquet, and an --out that would replace or write into any of the run's
    outputs is refused."""
    import pandas as pd

    from pipeline.interop.parquet import PartitionedWriter

    tmp, data, ann = ws
    lines = (data / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    with PartitionedWriter(data) as writer:  # the run's --format parquet output of these records
        for line in lines:
            writer.add(line)
    before = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    res = CliRunner().invoke(app, ["export", "--format", "parquet", "--data", str(data), "--annotations", str(ann)])
    assert_clean(res, 0)
    assert {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file() and p.name != "articles.entities.parquet"} == before
    assert pd.read_parquet(data / "articles.parquet")["id"].tolist() == [json.loads(x)["id"] for x in lines]
    table = pd.read_parquet(data / "articles.entities.parquet")
    assert len(table) == sum(len(json.loads(x)["entities"]) for x in lines)
    for out in (data / "articles.parquet", data / "entities.parquet", data / "run.json"):
        res = CliRunner().invoke(app, ["export", "--format", "parquet", "--data", str(data), "--annotations", str(ann), "--out", str(out)])
        assert_clean(res, 2)
        assert "the run output" in flat(res) and out.name in flat(res)
    assert {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file() and p.name != "articles.entities.parquet"} == before


def test_export_refuses_to_overwrite_the_run_output(ws):
    tmp, data, ann = ws
    before = (data / "articles.jsonl").read_bytes()
    res = CliRunner().invoke(app, ["export", "--format", "jsonl", "--data", str(data), "--out", str(data / "articles.jsonl")])
    assert_clean(res, 2)
    assert "run output itself" in flat(res)
    assert (data / "articles.jsonl").read_bytes() == before


@pytest.mark.parametrize("fmt,name", [("jsonl", "articles.jsonl"), ("csv", "run.json")])
def test_export_refuses_to_overwrite_another_runs_output(ws, fmt, name):
    """An --out naming the articles.jsonl (or run.json) of another run's output folder (an
    `articles.jsonl` with its `run.json` beside it) replaced that run's output with this run's
    records, exit 0: only the output folder of --data was guarded."""
    tmp, data, ann = ws
    other = tmp / "other_run"
    other.mkdir()
    lines = (data / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (other / "articles.jsonl").write_text(lines[0], encoding="utf-8")  # a run of one seed article
    (other / "run.json").write_text(json.dumps({"articles": 1}), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in other.iterdir()}
    res = CliRunner().invoke(app, ["export", "--format", fmt, "--data", str(data), "--annotations", str(ann), "--out", str(other / name)])
    assert_clean(res, 2)
    assert "run output" in flat(res) and str(other / name) in flat(res)
    assert {p.name: p.read_bytes() for p in other.iterdir()} == before
    # its folder given as --out gets the export beside the run's files, as for --data's own folder
    res = CliRunner().invoke(app, ["export", "--format", fmt, "--data", str(data), "--annotations", str(ann), "--out", str(other)])
    assert_clean(res, 0)
    assert {p.name: p.read_bytes() for p in other.iterdir() if p.name in before} == before


def test_import_into_a_log_that_cannot_be_written_is_one_line(ws, base):
    """A folder that cannot be made (under the log file): `import` ended in a NotADirectoryError
    traceback after reading and checking the whole file. (`--annotations annotations/decisions.jsonl`,
    the log file itself, is that log: tests/test_cli_files.py.)"""
    tmp, data, ann = ws
    ann.mkdir()
    log = ann / dec.DECISIONS_FILE
    log.write_text("", encoding="utf-8")
    p = tmp / "answers.jsonl"
    p.write_text(json.dumps(_good_prodigy(base), ensure_ascii=False) + "\n", encoding="utf-8")
    where = log / "sub"
    res = CliRunner().invoke(app, ["import", "prodigy", str(p), "--data", str(data), "--annotations", str(where)])
    assert_clean(res, 2)
    assert "cannot write" in flat(res) and str(where / dec.DECISIONS_FILE) in flat(res)
    assert log.read_text(encoding="utf-8") == ""


def test_export_says_when_reviews_are_not_in_it(ws, base):
    """`export --annotations` with a mistyped folder wrote the unreviewed output with exit 0 and no
    word, and decisions that no longer fit the output (here: their article is gone from the
    run) were left out without a word, while `run` and the review app say both."""
    tmp, data, ann = ws
    p = tmp / "answers.jsonl"
    p.write_text(json.dumps(_good_prodigy(base), ensure_ascii=False) + "\n", encoding="utf-8")
    assert_clean(CliRunner().invoke(app, ["import", "prodigy", str(p), "--data", str(data), "--annotations", str(ann)]), 0)
    out = tmp / "export.jsonl"

    res = CliRunner().invoke(app, ["export", "--data", str(data), "--annotations", str(tmp / "annotatoins"), "--out", str(out)])
    assert_clean(res, 0)
    assert f"no review log at {tmp / 'annotatoins'}" in flat(res)

    res = CliRunner().invoke(app, ["export", "--data", str(data), "--annotations", str(ann), "--out", str(out)])
    assert_clean(res, 0)
    assert "no review log" not in flat(res) and "no longer fit" not in flat(res)

    kept = [r for r in base if r["id"] != ART]
    (data / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    res = CliRunner().invoke(app, ["export", "--data", str(data), "--annotations", str(ann), "--out", str(out)])
    assert_clean(res, 0)
    n = len(dec.load_decisions(ann))  # the accepted task: its kept guesses accepted, the left-out one rejected
    assert n > 1 and f"{n} review decisions of 1 articles no longer fit the output" in flat(res)


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "label-studio"])
def test_importing_the_run_output_is_an_error(ws, fmt):
    """The run's own articles.jsonl given to `import` (a file mixed up) said "Recorded 0 decisions
    (nothing changed in the tool)", exit 0, for Prodigy and Label Studio."""
    tmp, data, ann = ws
    res = CliRunner().invoke(app, ["import", fmt, str(data / "articles.jsonl"), "--data", str(data), "--annotations", str(ann)])
    assert_clean(res, 2)
    assert "holds Presseschau's own records (articles.jsonl)" in flat(res)
    assert not (ann / dec.DECISIONS_FILE).exists()


@pytest.mark.parametrize("fmt,name", [("doccano", "articles.doccano.jsonl"), ("label-studio", "articles.label-studio.json")])
def test_a_tool_file_given_as_data_is_named(ws, base, fmt, name):
    """A tool's export (or an input corpus) given as `--data` in place of the run's articles.jsonl
    (files of one folder mixed up): `export` and `import` ended in a traceback (KeyError: 'id' in
    apply_decisions), as did `presseschau review` on it; now one line naming the file and line, exit
    2, nothing written, nothing recorded."""
    tmp, data, ann = ws
    p = interop.export(base, fmt, tmp / name)
    out = tmp / "x.csv"
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(p), "--annotations", str(ann), "--out", str(out)])
    assert_clean(res, 2)
    where = f"{p}: {'line' if fmt == 'doccano' else 'item'}s 1, 2"  # every task of the file named (the first five)
    assert where in flat(res) and "are no article record" in flat(res) and not out.exists()
    res = CliRunner().invoke(app, ["import", fmt, str(p), "--data", str(p), "--annotations", str(ann)])
    assert_clean(res, 2)
    assert where in flat(res) and not (ann / dec.DECISIONS_FILE).exists()
    if fmt == "doccano":  # the review app reads the file as the run's records too
        from pipeline.errors import NotArticleRecords
        from pipeline.review.state import ReviewState

        with pytest.raises(NotArticleRecords, match=f"{p}: lines 1, 2"):
            ReviewState(p, ann)
        # the input corpus ({"id", "text"} records) given in place of the run's output
        corpus = tmp / "corpus.jsonl"
        corpus.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in base), encoding="utf-8")
        res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(corpus), "--annotations", str(ann), "--out", str(out)])
        assert_clean(res, 2)
        assert f"{corpus}: lines 1, 2, 3, 4, 5 are no article record" in flat(res) and not out.exists()


def test_label_studio_out_named_xml_is_refused(ws, base):
    """`export --format label-studio --out tasks.xml` wrote the tasks to tasks.xml, then the
    labelling config over them (`<out>.xml`), and said "Wrote tasks.xml (5 articles, …)": the
    tasks were lost. Now refused in one line, exit 2, nothing written."""
    tmp, data, ann = ws
    out = tmp / "tasks.xml"
    res = CliRunner().invoke(app, ["export", "--format", "label-studio", "--data", str(data), "--annotations", str(ann), "--out", str(out)])
    assert_clean(res, 2)
    assert "choose an --out ending in .json" in flat(res) and not out.exists()
    with pytest.raises(ValueError, match="ending in .json"):
        interop.export(base, "label-studio", out)
    assert not out.exists()
    res = CliRunner().invoke(app, ["export", "--format", "label-studio", "--data", str(data), "--annotations", str(ann), "--out", str(tmp / "tasks.json")])
    assert_clean(res, 0)
    assert len(json.loads((tmp / "tasks.json").read_text(encoding="utf-8"))) == len(base) and (tmp / "tasks.xml").read_text(encoding="utf-8").startswith("<View>")


def test_export_elsewhere_says_the_reviews_are_not_in_it(tmp_path, monkeypatch):
    """`presseschau export --data PROJECT/outputs` run from another folder: the default
    `annotations/` is looked up in the working directory, is not there, and the export held the
    committed run's entities as the pipeline made them (453 pending, none of its 364 accepted)
    with exit 0 and no word. The export is still the pipeline's own (as with a mistyped
    --annotations), but it says so and how many reviewed entities are left without their review."""
    recs = [json.loads(x) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    n = sum(1 for r in recs for e in r["entities"] if e.get("review"))
    assert n > 400
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "x.csv"
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(ROOT / "outputs"), "--out", str(out)])
    assert_clean(res, 0)
    assert f"no review log at annotations (the default, in the working directory): {n} entities reviewed in" in flat(res)
    res = CliRunner().invoke(app, ["report", str(ROOT / "outputs"), "--out", str(tmp_path / "r.html")])
    assert_clean(res, 0)
    assert f"{n} entities reviewed in {ROOT / 'outputs'} are read as the pipeline made them" in flat(res)
    # the review app (its server stubbed): said before it serves them as pending
    import pipeline.review.server as server
    monkeypatch.setattr(server, "serve", lambda *a, **k: None)
    res = CliRunner().invoke(app, ["review", str(ROOT / "outputs"), "--port", "0"])
    assert_clean(res, 0)
    assert f"{n} entities reviewed in {ROOT / 'outputs'} are read as the pipeline made them" in flat(res)
    assert "decisions made now go to a new log in the working directory" in flat(res)
    # a run never reviewed, exported from anywhere: no notice
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample_records(ROOT / "corpus")),
                                                       encoding="utf-8")
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(tmp_path / "plain"), "--out", str(out)])
    assert_clean(res, 0)
    assert "no review log" not in flat(res)


def test_a_file_that_is_no_review_log_is_not_named_line_by_line(tmp_path, caplog):
    """A CSV export given as `-a` is refused in one line (`review.log.log_folder`). Copied over
    the log itself (decisions.jsonl holding 502 lines that are no decisions), each line was one
    warning line; now the first 50 are named, the rest counted, with the question whether it is
    the review log; all are still kept aside and the export is the pipeline's own output."""
    csv = interop.export(interop.load_records(ROOT / "outputs", ANN_ROOT), "csv", tmp_path / "articles.csv")
    n = len(csv.read_text(encoding="utf-8").splitlines())
    assert n > 400
    res = CliRunner().invoke(app, ["export", "--format", "jsonl", "--data", str(ROOT / "outputs"), "--annotations", str(csv),
                                   "--out", str(tmp_path / "x.jsonl")])
    assert_clean(res, 2)
    assert str(csv) in flat(res) and not (tmp_path / "x.jsonl").exists() and not (tmp_path / "articles.csv.rejected").exists()
    (tmp_path / "ann").mkdir()
    log = tmp_path / "ann" / dec.DECISIONS_FILE
    log.write_bytes(csv.read_bytes())
    with caplog.at_level("WARNING", logger="presseschau"):
        res = CliRunner().invoke(app, ["export", "--format", "jsonl", "--data", str(ROOT / "outputs"), "--annotations", str(log.parent),
                                       "--out", str(tmp_path / "x.jsonl")])
    assert_clean(res, 0)
    said = "\n".join(r.getMessage() for r in caplog.records)
    named = [x for x in said.splitlines() if "review decision not applied" in x]
    assert len(named) == 50 and f"{log}:1: " in named[0] and f"{log}:50: " in named[-1]
    assert f"{log}: {n - 50} more lines not applied (the first 50 named above)" in said and "is it the review log" in said
    assert len((tmp_path / "ann" / (dec.DECISIONS_FILE + ".rejected")).read_text(encoding="utf-8").splitlines()) == n


@pytest.mark.parametrize("imported", ["prodigy", "doccano"])
def test_a_label_studio_export_imported_as_another_tool_is_named(ws, imported):
    """Label Studio's JSON export (a list of tasks with "data", "annotations", "predictions"),
    as `presseschau export --format label-studio` wrote it and as Label Studio exports it after
    annotating, imported as prodigy or doccano: exit 2 with only "'text' is a required property".
    Now it says the file looks like a Label Studio export and which import to use; nothing recorded."""
    tmp, data, ann = ws
    out = tmp / "tasks.json"
    assert_clean(CliRunner().invoke(app, ["export", "--format", "label-studio", "--data", str(data), "--annotations", str(ann),
                                          "--out", str(out)]), 0)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    annotated = tmp / "project-1-at-2024.json"  # as Label Studio exports it: an id, the annotations, the data without our snapshot
    annotated.write_text(json.dumps([{"id": k + 1, "annotations": [{"id": k + 1, "result": t["predictions"][0]["result"], "was_cancelled": False}],
                                      "data": {"text": t["data"]["text"]}, "predictions": []} for k, t in enumerate(tasks)]), encoding="utf-8")
    json_min = tmp / "project-1-min.json"  # Label Studio's JSON-MIN: the data keys and the regions at the top (was: "nothing changed" as prodigy)
    json_min.write_text(json.dumps([dict(t["data"], id=k + 1, annotator=1, annotation_id=k + 1,
                                         label=[{"start": r["value"]["start"], "end": r["value"]["end"], "text": r["value"]["text"], "labels": r["value"]["labels"]}
                                                for r in t["predictions"][0]["result"] if r.get("type") == "labels"])
                                    for k, t in enumerate(tasks)]), encoding="utf-8")
    for path in (out, annotated, json_min):
        res = CliRunner().invoke(app, ["import", imported, str(path), "--data", str(data), "--annotations", str(ann)])
        assert_clean(res, 2)
        assert f"{path}" in flat(res) and re.search(r"looks like a Label Studio (JSON-MIN )?export", flat(res)), flat(res)
        assert f"presseschau import label-studio {path}" in flat(res), flat(res)
        assert not (ann / dec.DECISIONS_FILE).exists()
    for path in (out, json_min):
        res = CliRunner().invoke(app, ["import", "label-studio", str(path), "--data", str(data), "--annotations", str(ann), "--dry-run"])
        assert_clean(res, 0)


def test_doccano_file_without_our_snapshot_is_said(ws):
    """A doccano file without presseschau's snapshot (labelled in doccano from scratch, or the
    `presseschau` key lost): the import cannot know which entities the annotator saw, and took the
    spans as complete for their labels without a word ("Would record 1 decisions (1 reject)" for a
    span the annotator never had). Now a notice names the file and says how it was read; exit 0,
    and the untouched export, snapshot and all, has no notice."""
    tmp, data, ann = ws
    out = tmp / "d.jsonl"
    assert_clean(CliRunner().invoke(app, ["export", "--format", "doccano", "--data", str(data), "--annotations", str(ann),
                                          "--out", str(out)]), 0)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    res = CliRunner().invoke(app, ["import", "doccano", str(out), "--data", str(data), "--annotations", str(ann), "--dry-run"])
    assert_clean(res, 0)
    assert "snapshot" not in flat(res) and "nothing changed in the tool" in flat(res), flat(res)
    row = next(r for r in rows if r["article_id"] == ART)
    row.pop("presseschau")
    row["label"] = row["label"][1:]  # one span deleted in doccano
    bare = tmp / "from-doccano.jsonl"
    bare.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["import", "doccano", str(bare), "--data", str(data), "--annotations", str(ann), "--dry-run"])
    assert_clean(res, 0)
    assert f"{bare}: 1 task carries no Presseschau snapshot" in flat(res), flat(res)
    assert "1 reject" in flat(res), flat(res)


@pytest.mark.parametrize("exported, imported", [("prodigy", "doccano"), ("prodigy", "label-studio"), ("doccano", "prodigy"),
                                                ("doccano", "label-studio")])
def test_another_tools_file_without_our_snapshot_is_named_by_its_shape(ws, exported, imported):
    """A Prodigy or doccano file that does not carry presseschau's snapshot (made in the tool from
    the text, or its snapshot key dropped on the way), imported as another tool's: "Would record 0
    decisions (nothing changed in the tool)", exit 0, for the 62 entities the reviewer accepted in
    it (or a schema error that names no tool). Its tasks' shape names the tool: Prodigy's `spans`
    with an `answer`, doccano's `label` of [start, end, label] triples; as its own format it is read."""
    tmp, data, ann = ws
    out = tmp / f"tasks.{exported}.jsonl"
    assert_clean(CliRunner().invoke(app, ["export", "--format", exported, "--data", str(data), "--annotations", str(ann),
                                          "--out", str(out), *(["--include-pending"] if exported == "prodigy" else [])]), 0)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        r.pop("presseschau")
        if exported == "prodigy":
            r["answer"] = "accept"
    bare = tmp / f"bare.{exported}.jsonl"
    bare.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    res = CliRunner().invoke(app, ["import", imported, str(bare), "--data", str(data), "--annotations", str(ann)])
    assert_clean(res, 2)
    assert f"{bare}:1: looks like a {exported} task" in flat(res) and f"presseschau import {exported} {bare}" in flat(res), flat(res)
    assert not (ann / dec.DECISIONS_FILE).exists()
    res = CliRunner().invoke(app, ["import", exported, str(bare), "--data", str(data), "--annotations", str(ann), "--dry-run"])
    assert_clean(res, 0)
    assert "Would record" in flat(res) and "nothing changed" not in flat(res), flat(res)


@pytest.mark.parametrize("exported, imported", [("prodigy", "doccano"), ("prodigy", "label-studio"), ("doccano", "prodigy"),
                                                ("doccano", "label-studio")])
def test_importing_another_tools_export_is_an_error(ws, exported, imported):
    """`presseschau export --format prodigy`'s file (untouched, or annotated in Prodigy) imported
    as doccano or Label Studio: none of their span keys is in a Prodigy task, so every entity of
    the seeds was recorded as rejected ("Recorded 454 decisions (454 reject)"), exit 0. Now the
    tool the file was exported for is named, exit 2, nothing recorded; imported as its own
    format it still works."""
    tmp, data, ann = ws
    out = tmp / f"tasks.{exported}.jsonl"
    assert_clean(CliRunner().invoke(app, ["export", "--format", exported, "--data", str(data), "--annotations", str(ann),
                                          "--out", str(out), *(["--include-pending"] if exported == "prodigy" else [])]), 0)
    res = CliRunner().invoke(app, ["import", imported, str(out), "--data", str(data), "--annotations", str(ann)])
    assert_clean(res, 2)
    assert f"{out}:1: a {exported} task" in flat(res) and f"presseschau import {exported} {out}" in flat(res), flat(res)
    assert not (ann / dec.DECISIONS_FILE).exists()
    res = CliRunner().invoke(app, ["import", exported, str(out), "--data", str(data), "--annotations", str(ann)])
    assert_clean(res, 0)
    assert "Recorded 0 decisions (nothing changed in the tool)" in flat(res)


def test_a_skipped_task_is_not_said_as_nothing_changed(ws, base):
    """A Prodigy task of seed 003 with a span of "?" and the line end after its headline added: the
    span is refused naming file and line (exit 1, no traceback; since session 27 that span alone, the
    rest of the task recorded); a task skipped whole said "Recorded 0 decisions (nothing changed in
    the tool)" under the warning, as if the annotator had changed nothing."""
    aid = "003_402700ddbbeb6917"
    t = next(x for x in interop.to_prodigy(base, include_pending=True) if x["meta"]["article_id"] == aid)
    q = t["text"].index("?\n")
    t["spans"].append({"start": q, "end": q + 2, "label": "MISC"})
    t["answer"] = "accept"
    p, res = run_import(ws, "prodigy", json.dumps(t, ensure_ascii=False) + "\n", "p.jsonl")
    assert_clean(res, 1)
    # session 27: that span alone is refused, the rest of the task (the guesses it accepts) recorded
    assert f"{p}:1: article {aid}: add “?” [{q}, {q + 1}) is only punctuation" in flat(res), flat(res)
    assert "that span is not recorded, the rest of the task is" in flat(res) and "nothing changed in the tool" not in flat(res)
    logged = dec.load_decisions(ws[2])
    assert logged and {d["decision"] for d in logged} == {"accept"}
    # a task still skipped whole (a span the import cannot place: an unknown label) is not "nothing changed"
    t["spans"][-1]["label"] = "WHAT"
    p, res = run_import(ws, "prodigy", json.dumps(t, ensure_ascii=False) + "\n", "p2.jsonl")
    assert_clean(res, 1)
    assert "task skipped" in flat(res) and "nothing changed in the tool" not in flat(res) and "Recorded 0 decisions (1 problem above)" in flat(res), flat(res)
    assert dec.load_decisions(ws[2]) == logged


@pytest.mark.parametrize("args, name, said", [
    ([], "results.xlsx", "a .xlsx name, but --format jsonl writes .jsonl: give --format xlsx, or an --out ending in .jsonl"),
    (["--format", "csv"], "results.xlsx", "a .xlsx name, but --format csv writes .csv: give --format xlsx"),
    (["--format", "xlsx"], "results.csv", "a .csv name, but --format xlsx writes .xlsx: give --format csv or csv-excel"),
    (["--format", "jsonl"], "results.parquet", "a .parquet name, but --format jsonl writes .jsonl: give --format parquet"),
])
def test_an_out_named_for_another_format_is_refused(ws, args, name, said):
    """`presseschau export -o results.xlsx` without `--format xlsx` wrote the default JSON Lines into
    results.xlsx (and `-f xlsx -o results.csv` a workbook named .csv), exit 0: Excel refuses to open the
    file. One line naming the file, the format and the way out, exit 2, nothing written."""
    tmp, data, ann = ws
    out = tmp / name
    res = CliRunner().invoke(app, ["export", *args, "--data", str(data), "--annotations", str(ann), "--out", str(out)])
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit), (res.output, res.exception)
    assert res.output.count("\u2718") == 1 and f"{out}: {said}" in res.output, res.output
    assert not out.exists()
    fmt = {".xlsx": "xlsx", ".csv": "csv", ".parquet": "parquet"}[out.suffix]
    res = CliRunner().invoke(app, ["export", "--format", fmt, "--data", str(data), "--annotations", str(ann), "--out", str(out)])
    assert res.exit_code == 0 and out.stat().st_size > 0, res.output
