"""The commands that read a run's articles.jsonl (validate, evaluate, export, report, review)
and the review log, on the damaged files users hand them: a cp1252 copy of the
real seed output, a gzip copy cut off in the middle, a missing file. Each says one line naming
the file (and line), with the documented exit code; no traceback (`errors.UnreadableFile`,
raised by the one JSONL reader, `io.iter_jsonl`)."""
from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import interop
from pipeline.cli import app
from pipeline.errors import UnreadableFile
from pipeline.io import BadLine, iter_jsonl, read_jsonl
from pipeline.review import log as dec

from repo_data import REPO

OUTPUT = REPO / "outputs" / "articles.jsonl"  # the committed, reviewed output of the five seeds
GOLD = REPO / "annotations" / "gold" / "seeds.jsonl"


def flat(res) -> str:
    return " ".join(res.output.split())


@pytest.fixture()
def damaged(tmp_path):
    """{kind: a folder holding such an articles.jsonl}, made from the real seed output."""
    raw = OUTPUT.read_bytes()
    folders = {}
    # cp1252, as an editor on Windows saves it: the first umlaut is on the first line
    text = raw.decode("utf-8")
    folders["cp1252"] = tmp_path / "cp1252"
    folders["cp1252"].mkdir()
    (folders["cp1252"] / "articles.jsonl").write_bytes(text.encode("cp1252", errors="replace"))
    # a gzip copy cut off after its first part (an interrupted copy), under the plain name
    packed = gzip.compress(raw)
    folders["truncated"] = tmp_path / "truncated"
    folders["truncated"].mkdir()
    (folders["truncated"] / "articles.jsonl").write_bytes(packed[: len(packed) // 2])
    return folders


def test_the_jsonl_reader_names_file_and_line(damaged):
    path = damaged["truncated"] / "articles.jsonl"
    with pytest.raises(UnreadableFile) as e:
        list(read_jsonl(path))
    assert e.value.path == str(path) and "the file is truncated" in e.value.reason
    assert str(e.value).startswith(f"{path}:{e.value.line}: ") and e.value.line >= 1
    assert isinstance(e.value, ValueError)  # every command that names a bad JSON line names this too
    # a line that is not UTF-8 costs only itself: named with its byte, the other lines are read
    path = damaged["cp1252"] / "articles.jsonl"
    lines = OUTPUT.read_text(encoding="utf-8").splitlines()
    got = list(iter_jsonl(path))
    assert len(got) == len(lines)
    for (lineno, value), line in zip(got, lines):
        if line.isascii():
            assert value == json.loads(line)
        else:
            assert isinstance(value, BadLine) and value.msg.startswith("not UTF-8 text: byte 0x") and value.colno >= 1
    with pytest.raises(ValueError, match=f"^{re.escape(str(path))}:1: invalid JSON line \\(not UTF-8 text: byte 0x"):
        list(read_jsonl(path))


@pytest.mark.parametrize("kind", ["cp1252", "truncated"])
@pytest.mark.parametrize("command, code", [
    (["validate", "{f}"], {"cp1252": 1, "truncated": 1}),
    (["evaluate", "--run", "{f}", "--gold", str(GOLD)], {"cp1252": 2, "truncated": 2}),
    (["export", "--format", "csv", "--data", "{d}", "--annotations", "{d}/ann", "--out", "{d}/x.csv"], {"cp1252": 2, "truncated": 2}),
    # the report leaves a line that is not a record out and names it; with no line left (every
    # seed line has an umlaut) it writes nothing (README)
    (["report", "{d}", "--annotations", "{d}/ann", "--out", "{d}/r.html"], {"cp1252": 2, "truncated": 2}),
    # the review app did not start with a traceback (a ValueError its start-up did not catch)
    (["review", "{d}", "--annotations", "{d}/ann", "--port", "0"], {"cp1252": 2, "truncated": 2}),
])
def test_commands_name_a_damaged_articles_jsonl(damaged, kind, command, code):
    d = damaged[kind]
    code = code[kind]
    args = [a.format(f=d / "articles.jsonl", d=d) for a in command]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output and "codec can't decode" not in res.output
    assert re.search(re.escape(str(d / "articles.jsonl")) + r":\d+: " + ("the file is truncated" if kind == "truncated" else ".*not UTF-8 text"), flat(res)), flat(res)


def test_validate_without_a_file_is_a_usage_error(tmp_path):
    """A mistyped path: exit 2 and one line naming it, as report, evaluate and export do; exit 1
    stays for a file that is there and invalid (was 1 for both)."""
    for given in (tmp_path / "outputs" / "articles.jsonl", tmp_path):
        res = CliRunner().invoke(app, ["validate", str(given)])
        assert res.exit_code == 2 and isinstance(res.exception, SystemExit), flat(res)
        assert str(tmp_path / "outputs" / "articles.jsonl" if given.suffix else tmp_path / "articles.jsonl") in flat(res)
        assert "Traceback" not in flat(res)


def test_evaluate_without_a_run_says_so(tmp_path):
    res = CliRunner().invoke(app, ["evaluate", "--run", str(tmp_path / "outputs" / "articles.jsonl"), "--gold", str(GOLD)])
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit), res.output
    assert f"{tmp_path / 'outputs' / 'articles.jsonl'}: no such file" in flat(res)
    res = CliRunner().invoke(app, ["evaluate", "--run", str(OUTPUT), "--gold", str(tmp_path / "gold.jsonl")])
    assert res.exit_code == 2 and f"{tmp_path / 'gold.jsonl'}: no such file" in flat(res)
    res = CliRunner().invoke(app, ["evaluate", "--run", str(OUTPUT), "--gold", str(GOLD)])
    assert res.exit_code == 0 and "PER" in res.output  # the real scores


def test_evaluate_takes_the_output_folder_as_the_other_commands_do(tmp_path):
    """`evaluate --run outputs` (the folder, as validate, review, export and report take it)
    said "outputs: cannot read (Is a directory)", exit 2. On the committed seed output."""
    res = CliRunner().invoke(app, ["evaluate", "--run", str(OUTPUT.parent), "--gold", str(GOLD), "--json"])
    assert res.exit_code == 0, flat(res)
    by_file = CliRunner().invoke(app, ["evaluate", "--run", str(OUTPUT), "--gold", str(GOLD), "--json"])
    assert json.loads(res.output) == json.loads(by_file.output) and "PER" in json.loads(res.output)["labels"]
    res = CliRunner().invoke(app, ["evaluate", "--run", str(tmp_path), "--gold", str(GOLD)])  # a folder without a run
    assert res.exit_code == 2 and f"{tmp_path / 'articles.jsonl'}: no such file" in flat(res), flat(res)


def test_a_review_log_saved_as_cp1252_keeps_every_line_it_can_read(tmp_path, caplog):
    """The repo's review log re-saved in cp1252 by a hand edit: the decisions whose line is
    still UTF-8 (ASCII) are applied; each other line is named (file:line) and kept aside in
    decisions.jsonl.rejected, as any corrupt line of the log (before: the whole log was read
    only up to the first such byte, and the warning named no line)."""
    ann = tmp_path / "ann"
    ann.mkdir()
    lines = (REPO / "annotations" / dec.DECISIONS_FILE).read_text(encoding="utf-8").splitlines(keepends=True)
    (ann / dec.DECISIONS_FILE).write_bytes("".join(lines).encode("cp1252", errors="replace"))
    with caplog.at_level("WARNING", logger="presseschau"):
        got = dec.load_decisions(ann)
    ascii_lines = [i for i, x in enumerate(lines, 1) if x.isascii() and x.strip()]
    other = [i for i, x in enumerate(lines, 1) if not x.isascii()]
    assert len(got) == len(ascii_lines) and 0 < len(other) < len(lines)
    warnings = " ".join(r.getMessage() for r in caplog.records)
    assert f"{ann / dec.DECISIONS_FILE}:{other[0]}: " in warnings and "not UTF-8 text" in warnings
    aside = [json.loads(x) for x in (ann / (dec.DECISIONS_FILE + ".rejected")).read_text(encoding="utf-8").splitlines()]
    assert [x["line"] for x in aside] == other
    shutil.rmtree(ann)


@pytest.mark.parametrize("command", [
    ["review", "{d}", "--annotations", "{d}/ann", "--port", "0"],
    ["export", "--format", "csv", "--data", "{d}", "--annotations", "{d}/ann", "--out", "{d}/x.csv"],
    ["import", "doccano", "{d}/tasks.jsonl", "--data", "{d}", "--annotations", "{d}/ann"],
    ["report", "{d}", "--annotations", "{d}/ann", "--out", "{d}/r.html"],
    ["evaluate", "--run", "{d}/articles.jsonl", "--gold", str(GOLD)],
])
def test_a_parquet_only_run_is_told_apart_from_no_run(tmp_path, command):
    """After `presseschau run --format parquet` (no articles.jsonl), the commands that read
    articles.jsonl said "run `presseschau run` first" to a user who just had. They now say
    what is there and how to get articles.jsonl (`errors.NoRunOutput`, one place)."""
    from pipeline.interop.parquet import PartitionedWriter

    d = tmp_path / "out"
    d.mkdir()
    with PartitionedWriter(d) as writer:  # the run's --format parquet output of the real seed records
        for line in OUTPUT.read_text(encoding="utf-8").splitlines():
            writer.add(line)
    (d / "tasks.jsonl").write_text('{"text": "Kasachstan", "label": []}\n', encoding="utf-8")
    args = [a.format(d=d) for a in command]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2 and (res.exception is None or isinstance(res.exception, SystemExit)), res.output
    assert f"{d / 'articles.jsonl'}: no such file ({d} holds a run written with --format parquet only" in flat(res)
    assert "--format jsonl --format parquet" in flat(res)
    shutil.rmtree(d / "articles.parquet")
    shutil.rmtree(d / "entities.parquet")
    res = CliRunner().invoke(app, args)  # no run at all
    assert res.exit_code == 2 and "no such file (run `presseschau run` first)" in flat(res), res.output


def test_the_parquet_output_given_by_name_says_what_to_give(tmp_path):
    """`validate out/articles.parquet` (the folder a --format parquet run wrote) said "out/articles.parquet/
    articles.jsonl: no such file (run `presseschau run` first)", and a part file in it was "invalid JSON"
    on every line: one line saying these commands read articles.jsonl, and which to give (`paths.run_articles`)."""
    from pipeline.interop.parquet import PartitionedWriter

    d = tmp_path / "out"
    d.mkdir()
    with PartitionedWriter(d) as writer:  # the run's --format parquet output of the real seed records
        for line in OUTPUT.read_text(encoding="utf-8").splitlines():
            writer.add(line)
    part = next((d / "articles.parquet").glob("*.parquet"))
    commands = [["validate", "{p}"], ["report", "{p}", "-a", str(tmp_path / "ann"), "-o", str(tmp_path / "r.html")],
                ["export", "--format", "csv", "--data", "{p}", "-a", str(tmp_path / "ann"), "-o", str(tmp_path / "x.csv")]]
    for given in (d / "articles.parquet", part, d / "entities.parquet"):
        for command in commands:
            res = CliRunner().invoke(app, [a.format(p=given) for a in command])
            assert res.exit_code == 2 and flat(res).count("✘") == 1, res.output
            assert (f"{given}: a Parquet output; this command reads a run's articles.jsonl: {d} holds no articles.jsonl: "
                    f"run `presseschau run` again with --format jsonl --format parquet") in flat(res), res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    shutil.copy(OUTPUT, d / "articles.jsonl")  # a run of both formats: the file to give is named
    res = CliRunner().invoke(app, ["validate", str(d / "articles.parquet")])
    assert res.exit_code == 2 and f"give the output folder ({d}) or {d / 'articles.jsonl'}" in flat(res), res.output
    assert CliRunner().invoke(app, ["validate", str(d)]).exit_code == 0


def test_report_writes_html_only_under_an_html_name(tmp_path):
    """`report -o r.txt` wrote the HTML page as r.txt (export refuses a name of another format): an --out
    not ending in .html/.htm is one line, exit 2, nothing written; .HTM and a folder are fine."""
    ann = ["-a", str(REPO / "annotations")]
    for name in ("r.txt", "report.json", "r.jsonl"):
        res = CliRunner().invoke(app, ["report", str(OUTPUT.parent), *ann, "-o", str(tmp_path / name)])
        assert res.exit_code == 2 and flat(res).count("✘") == 1, res.output
        assert f"{tmp_path / name}: the report is one HTML file: give an --out ending in .html or .htm, or a folder" in flat(res), res.output
    assert not list(tmp_path.iterdir())
    for out, written in (("R.HTM", "R.HTM"), ("reports", "reports/report.html")):
        res = CliRunner().invoke(app, ["report", str(OUTPUT.parent), *ann, "-o", str(tmp_path / out)])
        assert res.exit_code == 0 and (tmp_path / written).read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html"), res.output


def test_an_out_folder_with_a_dot_in_its_name_given_with_its_slash(tmp_path):
    """`export --out exports/2024.01/`: the trailing "/" says a folder, but Path() dropped it and
    the name's ".01" read as a file's suffix: the export was written as the file `2024.01`."""
    ann = tmp_path / "ann"
    out = tmp_path / "exports" / "2024.01"
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(REPO / "outputs"), "-a", str(ann), "--out", str(out) + "/"])
    assert res.exit_code == 0, res.output
    assert (out / "articles.csv").is_file()
    assert interop.export_path("csv", str(out) + "/") == out / "articles.csv"
    assert interop.export_path("csv", out / "x.csv") == out / "x.csv"  # a file stays a file
    # `report --out` alike (it refused the folder: "the report is one HTML file")
    rep = tmp_path / "reports" / "2024.01"
    res = CliRunner().invoke(app, ["report", str(REPO / "outputs"), "-a", str(ann), "--out", str(rep) + "/"])
    assert res.exit_code == 0, res.output
    assert (rep / "report.html").is_file()



def test_report_and_export_read_a_json_list_of_records_alike(tmp_path):
    """The seed records saved as one JSON list (`json.dump(records)`, one line): `export --data` read them,
    `report` said "line 1 is not an article record" and "no line is an article record", exit 2. Both read it
    with the one reader (`interop.json_array_rows`), and both refuse a list with an item that is no record."""
    records = [json.loads(x) for x in OUTPUT.read_text(encoding="utf-8").splitlines()]
    ann = ["-a", str(tmp_path / "ann")]
    given = tmp_path / "records.json"
    given.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    report = CliRunner().invoke(app, ["report", str(given), *ann, "-o", str(tmp_path / "r.html")])
    export = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(given), *ann, "-o", str(tmp_path / "x.csv")])
    for res in (report, export):
        assert res.exit_code == 0 and f"({len(records)} articles" in flat(res) and "not an article record" not in flat(res), res.output
    ids = [r["id"] for r in records]
    assert all(i in (tmp_path / "r.html").read_text(encoding="utf-8") for i in ids)
    given.write_text(json.dumps(records[:2] + [{"text": records[2]["text"]}], ensure_ascii=False), encoding="utf-8")
    for args in (["report", str(given), *ann, "-o", str(tmp_path / "r2.html")],
                 ["export", "--format", "csv", "--data", str(given), *ann, "-o", str(tmp_path / "x2.csv")]):
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 2 and f"{given}: item 3 is no article record" in flat(res), res.output
    assert not (tmp_path / "r2.html").exists() and not (tmp_path / "x2.csv").exists()


def test_a_run_says_which_reviewed_articles_it_does_not_hold(tmp_path):
    """A run of another corpus (here: none) beside the project's review log: the decisions of the
    five seeds are not applied anywhere; the run says so in one line naming the articles (they
    are in run.json, as the review app lists them), instead of dropping them without a word."""
    (tmp_path / "in").mkdir()
    res = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--annotations", str(REPO / "annotations"), "--no-progress"])
    assert res.exit_code == 0, res.output
    n = len(dec.effective_decisions(dec.load_decisions(REPO / "annotations")))
    assert f"{n} review decisions are for 5 articles not in this run (000_983499c68f515bd7, 001_660f1e0e655a289c, 002_952582db0378b41f and 2 more)" in flat(res)
    flagged = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["flagged_decisions"]
    assert len(flagged) == n and {f["reason"] for f in flagged} == {"article_missing"}
    res = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-reviews", "--no-progress"])
    assert res.exit_code == 0 and "review decisions" not in flat(res)


@pytest.mark.parametrize("command", [["evaluate-model", "--split", "dev"], ["evaluate-dates"], ["evaluate-rules", "--split", "dev"]])
def test_evaluation_commands_without_their_data_say_so(tmp_path, command):
    """A new user without ../shared/data: one line naming the folder, exit 2, before the model
    is loaded (evaluate-dates and evaluate-rules loaded it first, then died with a traceback)."""
    missing = tmp_path / "shared" / "data"
    if command[0] == "evaluate-dates":
        missing = missing / "dates" / "wikiwars_de"
    res = CliRunner().invoke(app, [*command, "--data", str(missing)])
    assert res.exit_code == 2 and (res.exception is None or isinstance(res.exception, SystemExit)), res.output
    assert f"{missing}: no such folder" in flat(res) and "Traceback" not in res.output


@pytest.mark.parametrize("command", [["evaluate-dates", "--half", "odd"], ["evaluate-rules", "--split", "dev"]])
def test_evaluation_commands_given_another_folder_say_so(tmp_path, command):
    """`--data` naming a folder that is there but holds no evaluation data (the shared data folder given to
    evaluate-dates, which wants its wikiwars_de folder): one line naming the folder, exit 2, before the model is
    loaded. evaluate-dates printed all-zero scores of 0 documents with exit 0, evaluate-rules a traceback."""
    res = CliRunner().invoke(app, [*command, "--data", str(tmp_path)])
    assert res.exit_code == 2 and (res.exception is None or isinstance(res.exception, SystemExit)), res.output
    assert f"{tmp_path}: no " in flat(res) and "not the evaluation data" in flat(res) and "Traceback" not in res.output


def test_evaluate_dates_names_its_halves():
    """`--half` takes the dev half or the held-out half of WikiWarsDE; anything else is one line naming both, exit 2,
    before the model is loaded."""
    res = CliRunner().invoke(app, ["evaluate-dates", "--half", "third"])
    assert res.exit_code == 2 and "'third': one of odd, even" in flat(res) and "Traceback" not in res.output


def test_run_help_names_every_input_type_it_reads():
    """The help listed .txt, .md, .html and JSONL after PDFs became inputs (session 21)."""
    from pipeline.ingest import is_supported

    res = CliRunner().invoke(app, ["run", "--help"], env={"COLUMNS": "400"})
    listed = re.search(r"Files or folders \(recursive\): ([^D]+)\. Default", res.output).group(1).split(", ")
    assert {".pdf", ".txt", ".md", ".html", ".jsonl.gz"} <= set(listed)
    assert all(is_supported(Path("a" + s)) for s in listed)


def test_validate_names_every_hand_broken_line(tmp_path):
    """`presseschau validate` on a hand-edited copy of the real seed output: each broken record
    is named by file and line (blank lines counted, as an editor counts them), a line that is not
    JSON does not hide the records after it, and a record of the wrong shape (an array, an entity
    that is a number, a string offset) is a schema error, not a traceback."""
    lines = OUTPUT.read_text(encoding="utf-8").splitlines()
    shifted = json.loads(lines[1])
    shifted["entities"][0]["start"] += 1
    shifted["entities"][0]["end"] += 1
    odd_offset = json.loads(lines[2])
    odd_offset["entities"][0]["start"] = "0"
    odd_entity = json.loads(lines[3])
    odd_entity["entities"][1] = 7
    broken = [
        lines[0],
        "",                                       # line 2: blank
        json.dumps(shifted, ensure_ascii=False),  # line 3
        lines[4][:-2],                            # line 4: cut off: not JSON
        json.dumps(odd_offset, ensure_ascii=False),  # line 5
        json.dumps(odd_entity, ensure_ascii=False),  # line 6
        "[1, 2]",                                 # line 7
    ]
    f = tmp_path / "articles.jsonl"
    f.write_text("\n".join(broken) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["validate", str(f)])
    out = flat(res)
    assert res.exit_code == 1 and (res.exception is None or isinstance(res.exception, SystemExit)), out
    assert "Traceback" not in out
    for line, what in [(3, "entities/0: text["), (4, "invalid JSON line"), (5, "entities/0/start"),
                       (6, "entities/1"), (7, "is not of type 'object'")]:
        assert re.search(re.escape(f"{f}:{line}") + r"\b[^✘]*" + re.escape(what), out), (line, out)
    assert not re.search(re.escape(f"{f}:") + "[12]\\b", out), out  # the good first line, the blank one
    assert f"{f}: 5 problems in 5 of 6 lines" in out
    # the output folder names its articles.jsonl, as for report, review and export
    res = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert res.exit_code == 1 and f"{f}:3 " in flat(res), flat(res)
    # a file that is not JSONL at all (run.json, an article .txt given by mistake): 50 lines and a count
    many = tmp_path / "many.jsonl"
    many.write_text("x\n" * 500, encoding="utf-8")
    res = CliRunner().invoke(app, ["validate", str(many)])
    assert res.exit_code == 1 and flat(res).count("invalid JSON line") == 50, flat(res)
    assert f"{many}: 500 problems in 500 of 500 lines (the first 50 shown)" in flat(res)


def test_the_readme_pandas_recipe_keeps_the_ids(tmp_path):
    """README: "For tables: `pandas.read_json(...)`". An archive whose files are named by number
    (`00123.txt`) gets the ids "00123", ...; pandas' default dtype inference made them the
    integers 123, ..., so the ids no longer matched the review log, the exports or the files."""
    import pandas

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    call = re.search(r"`(pandas\.read_json\(\"outputs/articles\.jsonl\"[^`]*\))`", readme).group(1)
    lines = OUTPUT.read_text(encoding="utf-8").splitlines()
    out = tmp_path / "outputs"
    out.mkdir()
    ids = [f"{i:05d}" for i in range(1, len(lines) + 1)]
    (out / "articles.jsonl").write_text("".join(json.dumps({**json.loads(x), "id": i}, ensure_ascii=False) + "\n" for x, i in zip(lines, ids)), encoding="utf-8")
    df = eval(call.replace('"outputs/articles.jsonl"', repr(str(out / "articles.jsonl"))), {"pandas": pandas})
    assert list(df["id"]) == ids
    assert [len(e) for e in df["entities"]] == [len(json.loads(x)["entities"]) for x in lines]


@pytest.mark.parametrize("command", [
    ["report", "{d}", "--annotations", "{a}", "--out", "{target}"],
    ["export", "--format", "jsonl", "--data", "{d}", "--annotations", "{a}", "--out", "{target}"],
])
@pytest.mark.parametrize("target", ["{a}/decisions.jsonl", "{d}/articles.jsonl", "{d}/run.json"])
def test_report_and_export_never_overwrite_the_review_log_or_the_run(tmp_path, command, target):
    """`report -o outputs/articles.jsonl` replaced the run's records with the HTML page, and
    `report` or `export` with `-o annotations/decisions.jsonl` replaced the append-only review
    log (every reviewer's decisions) with HTML or records, exit 0. Both are refused (exit 2,
    one line), and nothing is changed."""
    d, a = tmp_path / "outputs", tmp_path / "annotations"
    d.mkdir()
    a.mkdir()
    shutil.copy(OUTPUT, d / "articles.jsonl")
    (d / "run.json").write_text('{"articles": 5}\n', encoding="utf-8")
    shutil.copy(REPO / "annotations" / dec.DECISIONS_FILE, a / dec.DECISIONS_FILE)
    before = {p: p.read_bytes() for p in (d / "articles.jsonl", d / "run.json", a / dec.DECISIONS_FILE)}
    args = [x.format(d=d, a=a, target=target.format(d=d, a=a)) for x in command]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit), flat(res)
    assert "choose another --out" in flat(res) and target.format(d=d, a=a) in flat(res)
    assert {p: p.read_bytes() for p in before} == before


def test_report_on_a_file_that_is_no_run_output_is_short(tmp_path):
    """`presseschau report` given a web page instead of articles.jsonl printed a warning per line
    (569 for one page) and wrote an empty report, exit 0."""
    page = tmp_path / "page.jsonl"
    page.write_text("".join(f"<p>Absatz {i}</p>\n" for i in range(300)), encoding="utf-8")
    res = CliRunner().invoke(app, ["report", str(page), "--out", str(tmp_path / "r.html"), "--annotations", str(tmp_path / "a")])
    assert res.exit_code == 2 and "Traceback" not in res.output
    lines = [line for line in res.output.splitlines() if "⚠" in line or "✘" in line]
    assert len(lines) == 52  # 50 lines named, one count, one failure
    assert "300 lines left out (the first 50 shown)" in flat(res) and "no line is an article record" in flat(res)
    assert not (tmp_path / "r.html").exists()
    # a run output with one damaged line among good ones still gets its report
    good = (REPO / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(good[:2] + ["{not json"] + good[2:]) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["report", str(mixed), "--out", str(tmp_path / "r.html"), "--annotations", str(tmp_path / "a")])
    assert res.exit_code == 1 and f"{mixed}:3: invalid JSON line" in flat(res)
    assert (tmp_path / "r.html").exists()


def test_an_id_on_two_lines_is_named_by_every_command(tmp_path):
    """Two runs joined by hand (the real seed output with its first record again at the end):
    validate names the id and both lines (exit 1, was "6 records valid"); review, export, import
    and report refuse the file in one line naming it, the id and its lines, and write nothing
    (the review list showed both rows and opened the second record from both, and export put
    every decision on the last record of the id). One check (`record.duplicate_ids`)."""
    lines = OUTPUT.read_text(encoding="utf-8").splitlines(keepends=True)
    first_id = json.loads(lines[0])["id"]
    d = tmp_path / "joined"
    d.mkdir()
    (d / "articles.jsonl").write_text("".join(lines + lines[:1]), encoding="utf-8")
    n = len(lines) + 1
    where = f"{d / 'articles.jsonl'}"

    res = CliRunner().invoke(app, ["validate", str(d)])
    assert res.exit_code == 1, flat(res)
    assert f"{where}:{n} ({first_id}): duplicate id, also on line 1" in flat(res)
    assert f"1 problem in 1 of {n} lines" in flat(res)

    (tmp_path / "p.jsonl").write_text("{}\n", encoding="utf-8")
    for args in (["review", str(d), "--annotations", str(tmp_path / "ann"), "--port", "0"],
                 ["export", "--format", "csv", "--data", str(d), "--out", str(tmp_path / "x.csv"), "-a", str(tmp_path / "ann")],
                 ["import", "prodigy", str(tmp_path / "p.jsonl"), "--data", str(d), "-a", str(tmp_path / "ann")],
                 ["report", str(d), "-a", str(tmp_path / "ann"), "-o", str(tmp_path / "r.html")]):
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 2 and (res.exception is None or isinstance(res.exception, SystemExit)), (args[0], flat(res))
        assert f"{where}: 1 article id on more than one line ('{first_id}' on lines 1, {n})" in flat(res), (args[0], flat(res))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["joined", "p.jsonl"]  # nothing written, no log made

    (d / "articles.jsonl").write_text("".join(lines), encoding="utf-8")  # one record per id again: valid
    assert CliRunner().invoke(app, ["validate", str(d)]).exit_code == 0


def test_a_line_that_is_no_article_record_is_named_not_a_traceback(tmp_path):
    """The real seed output with one record's id made a number (pandas' `to_json` of a frame read
    without `dtype=False`) and a line that is a JSON list: review and export answered with a
    KeyError / AttributeError traceback. Now review, export and import refuse it in one line
    naming the file and the lines (exit 2, nothing written); report leaves them out (exit 1)."""
    lines = OUTPUT.read_text(encoding="utf-8").splitlines(keepends=True)
    rec = json.loads(lines[1])
    rec["id"] = 123
    d = tmp_path / "edited"
    d.mkdir()
    (d / "articles.jsonl").write_text("".join([lines[0], json.dumps(rec, ensure_ascii=False) + "\n", "[1, 2]\n"] + lines[2:]),
                                      encoding="utf-8")
    (tmp_path / "p.jsonl").write_text("{}\n", encoding="utf-8")
    where = d / "articles.jsonl"
    for args in (["review", str(d), "--annotations", str(tmp_path / "ann"), "--port", "0"],
                 ["export", "--format", "jsonl", "--data", str(d), "--out", str(tmp_path / "x.jsonl"), "-a", str(REPO / "annotations")],
                 ["import", "prodigy", str(tmp_path / "p.jsonl"), "--data", str(d), "-a", str(tmp_path / "ann")]):
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 2 and (res.exception is None or isinstance(res.exception, SystemExit)), (args[0], flat(res), repr(res.exception))
        assert f"{where}: lines 2, 3 are no article record" in flat(res), (args[0], flat(res))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edited", "p.jsonl"]
    res = CliRunner().invoke(app, ["report", str(d), "-a", str(REPO / "annotations"), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 1 and f"{where}:2: not an article record" in flat(res), flat(res)


def test_every_command_reads_annotations_as_the_folder_or_the_log_and_refuses_other_files(tmp_path, monkeypatch):
    """`-a/--annotations` given the log file decisions.jsonl: `review` exited 2 ("…/decisions.jsonl/
    decisions.jsonl: Not a directory"), `run` wrote the unreviewed output (the log looked for under
    the file), while `export` and `report` read the file as the log; given a file that is no log,
    `import` read it as a log, wrote `<file>.rejected` beside it and then failed ("File exists").
    Now every command resolves the option in one function (`review.log.log_folder`): the folder or
    decisions.jsonl itself is the log; any other file is one line naming it, exit 2, nothing
    read as a log and nothing written (checked on the real seed output and review log)."""
    import pipeline.review.server as server
    from pipeline import interop

    d, a = tmp_path / "outputs", tmp_path / "annotations"
    d.mkdir()
    a.mkdir()
    shutil.copy(OUTPUT, d / "articles.jsonl")
    log = a / dec.DECISIONS_FILE
    shutil.copy(REPO / "annotations" / dec.DECISIONS_FILE, log)
    n_log = len(dec.effective_decisions(dec.load_decisions(log)))
    notes = tmp_path / "notes.txt"  # a file that is not a review log
    notes.write_text('{"id": "x", "text": "Notizen zur Recherche"}\n', encoding="utf-8")
    served = []

    def serve(data, annotations, host, port, *rest):  # the app as `review` starts it, without serving forever
        srv = server.make_server(data, annotations, host, 0)
        served.append((srv.state.store.path, len(srv.state.decisions)))
        srv.server_close()

    monkeypatch.setattr(server, "serve", serve)
    (tmp_path / "in").mkdir()
    task = next(t for t in json.loads(json.dumps(interop.to_prodigy(interop.load_records(d, a), include_pending=True))) if t["spans"])
    task["spans"], task["answer"] = task["spans"][1:], "accept"  # the first span rejected in Prodigy
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    commands = {
        "review": ["review", str(d), "-a", "{a}", "--port", "0"],
        "review --conflicts": ["review", str(d), "-a", "{a}", "--conflicts"],
        "export": ["export", "--data", str(d), "-a", "{a}", "--out", str(tmp_path / "x.jsonl")],
        "report": ["report", str(d), "-a", "{a}", "-o", str(tmp_path / "r.html")],
        "import": ["import", "prodigy", str(answers), "--data", str(d), "-a", "{a}", "--dry-run"],
        "run": ["run", str(tmp_path / "in"), "--out", str(tmp_path / "run"), "--annotations", "{a}", "--no-progress"],
    }
    for given in (a, log):
        for name, args in commands.items():
            res = CliRunner().invoke(app, [x.format(a=given) for x in args])
            assert res.exit_code == 0, (name, given, flat(res))
            assert "no review log" not in flat(res), (name, given, flat(res))
        assert served.pop() == (log, len(dec.load_decisions(log)))
        assert f"{n_log} review decisions are for 5 articles not in this run" in flat(res)  # run: the log applied
        exported = [json.loads(x) for x in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()]
        assert sum(e["status"] != "pending" for r in exported for e in r["entities"]) > 0  # export: the log applied
    before = log.read_bytes()
    res = CliRunner().invoke(app, [x.format(a=log) for x in commands["import"] if x != "--dry-run"])
    assert res.exit_code == 0 and f"in {log}" in flat(res), flat(res)
    assert log.read_bytes().startswith(before) and len(log.read_bytes()) > len(before)  # appended to the log named

    for name, args in commands.items():
        res = CliRunner().invoke(app, [x.format(a=notes) for x in args])
        assert res.exit_code == 2 and isinstance(res.exception, SystemExit), (name, flat(res))
        assert f"✘ {notes}: not a review log" in flat(res) and flat(res).count("✘") == 1, (name, flat(res))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations", "answers.jsonl", "in", "notes.txt", "outputs", "r.html", "run", "x.jsonl"]
    assert notes.read_text(encoding="utf-8") == '{"id": "x", "text": "Notizen zur Recherche"}\n'


def test_an_out_under_a_file_says_the_file_is_in_the_way(tmp_path):
    """`export`/`report -o notes.txt/x` (a file where a folder should be) said "cannot write
    notes.txt/x…: File exists", which names no reason a user can act on. On the seed output."""
    notes = tmp_path / "notes.txt"
    notes.write_text("Notizen\n", encoding="utf-8")
    for args in (["export", "--format", "csv", "--data", str(OUTPUT.parent), "-a", str(tmp_path / "ann"), "--out", str(notes / "x.csv")],
                 ["report", str(OUTPUT.parent), "-a", str(tmp_path / "ann"), "--out", str(notes / "r.html")]):
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 2 and isinstance(res.exception, SystemExit), flat(res)
        assert f"cannot write {notes / args[-1].rsplit('/', 1)[1]}: {notes} is a file, not a folder" in flat(res), flat(res)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"] and notes.read_text(encoding="utf-8") == "Notizen\n"


def test_a_pipe_given_to_run_is_not_called_missing(tmp_path):
    """`presseschau run <(zcat corpus.jsonl.gz)` (a pipe) or /dev/null: the input's error said
    "no such file or folder", though the path is there; now it says what it is (exit 1 as for
    any input that cannot be read; nothing to annotate, so no model is loaded)."""
    import os

    fifo = tmp_path / "corpus.jsonl"
    os.mkfifo(fifo)
    for given in (fifo, Path("/dev/null")):
        res = CliRunner().invoke(app, ["run", str(given), "--out", str(tmp_path / "out"), "--no-progress", "--no-reviews"])
        assert res.exit_code == 1, flat(res)
        assert f"{given}: not a regular file nor a folder (a pipe, a device or a socket)" in flat(res), flat(res)
        assert "no such file" not in flat(res)


def test_a_pipe_in_an_input_folder_is_named_not_left_out_without_a_word(tmp_path, nlp_info):
    """A FIFO named `live.txt` in a folder given to `run` (a feed a tool writes into) was left out
    without a word: no error, no notice, exit 0, though the same pipe named on the command line is
    an error. Now it is that error too, naming it; the folder's articles are processed."""
    import os

    from pipeline.run import RunOptions, run
    from repo_data import SEEDS

    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS[3], inp / SEEDS[3].name)
    os.mkfifo(inp / "live.txt")
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False), nlp_info)
    assert [(e["path"], e["kind"]) for e in summary["errors"]] == [(str(inp / "live.txt"), "unreadable")]
    assert summary["errors"][0]["message"].startswith(f"{inp / 'live.txt'}: not a regular file nor a folder (a pipe")
    assert [json.loads(x)["id"] for x in (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()] == [SEEDS[3].stem]


@pytest.mark.parametrize("command", [["export", "--format", "csv", "--data", "{run}", "--out", "{tmp}/x.csv"], ["validate", "{run}"],
                                     ["evaluate", "--run", "{run}"], ["report", "{run}", "--out", "{tmp}/r.html"]])
def test_the_runs_summary_given_for_its_records_says_what_to_give(tmp_path, command):
    """`presseschau export --data outputs/run.json` (the committed seed run's summary, a JSON object
    over many lines): "invalid JSON line ... fix or re-create it" sent the user to re-run a run that
    is fine. Every command that reads a run's records names the folder or articles.jsonl to give."""
    repo = Path(__file__).resolve().parents[1]
    shutil.copytree(repo / "outputs", tmp_path / "outputs", ignore=shutil.ignore_patterns(".presseschau"))
    run = tmp_path / "outputs" / "run.json"
    args = [a.format(run=run, tmp=tmp_path) for a in command]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 2 and "Traceback" not in r.output, r.output
    out = " ".join(r.output.split())
    assert "the run's summary, not its records" in out and str(tmp_path / "outputs" / "articles.jsonl") in out.replace("\n", "")


def test_the_review_app_given_the_runs_summary_says_what_to_give(tmp_path):
    from pipeline.errors import RunSummaryGiven
    from pipeline.review.state import ReviewState

    repo = Path(__file__).resolve().parents[1]
    shutil.copytree(repo / "outputs", tmp_path / "outputs", ignore=shutil.ignore_patterns(".presseschau"))
    with pytest.raises(RunSummaryGiven, match="give the output folder"):
        ReviewState(tmp_path / "outputs" / "run.json", tmp_path / "annotations")
