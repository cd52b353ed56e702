"""Scoring logic of pipeline/evaluate/gold.py on small runs constructed from the gold itself."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate.gold import evaluate_records, evaluate_run, numbers_equal, predicted_entities

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "annotations" / "gold" / "seeds.jsonl"


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _as_run(gold: list[dict], with_raw: bool = True) -> list[dict]:
    """A perfect run: every gold entity as a pipeline entity (clean == raw offsets here)."""
    run = []
    for g in gold:
        ents = []
        for e in g["entities"]:
            p = {k: v for k, v in e.items() if k not in ("raw_start", "raw_end", "clean_text", "note")}
            p.update(start=e["raw_start"], end=e["raw_end"], source="rule", status="pending")
            if with_raw:
                p.update(raw_start=e["raw_start"], raw_end=e["raw_end"])
            ents.append(p)
        run.append({"id": g["id"], "source": {"path": g["source"]["path"], "sha256": g["source"]["sha256"]}, "entities": ents})
    return run


def _first(gold, label):
    for gi, g in enumerate(gold):
        for ei, e in enumerate(g["entities"]):
            if e["label"] == label:
                return gi, ei
    raise AssertionError(f"no {label} in gold")


def _n(gold, label):
    return sum(1 for g in gold for e in g["entities"] if e["label"] == label)


def test_perfect_run_scores_one(gold):
    res = evaluate_records(_as_run(gold), gold)
    assert res["articles"]["matched"] == len(gold) and res["articles"]["matched_by"] == {"sha256": len(gold)}
    for lab, d in res["labels"].items():
        for mode in ("exact", "lenient"):
            assert d[mode]["precision"] == 1.0 and d[mode]["recall"] == 1.0 and d[mode]["f1"] == 1.0, (lab, mode)
    assert res["micro"]["exact"]["f1"] == 1.0 and res["macro_f1"]["exact"] == 1.0
    for lab, attrs in res["attributes"]["exact"].items():
        for k, a in attrs.items():
            assert a["total"] > 0 and a["accuracy"] == 1.0, (lab, k)
    assert all(not e["false_negatives"] and not e["false_positives"] for e in res["errors"].values())


def test_dropping_an_entity_lowers_recall_by_one_over_support(gold):
    run = _as_run(gold)
    gi, ei = _first(gold, "FIGURE")
    del run[gi]["entities"][ei]
    res = evaluate_records(run, gold)
    n = _n(gold, "FIGURE")
    fig = res["labels"]["FIGURE"]["exact"]
    assert fig["recall"] == pytest.approx((n - 1) / n)
    assert fig["precision"] == 1.0 and fig["fn"] == 1 and fig["fp"] == 0
    total = sum(len(g["entities"]) for g in gold)
    assert res["micro"]["exact"]["recall"] == pytest.approx((total - 1) / total)
    assert res["labels"]["LOC"]["exact"]["recall"] == 1.0
    assert res["errors"][gold[gi]["id"]]["false_negatives"][0]["raw_start"] == gold[gi]["entities"][ei]["raw_start"]


def test_rejected_entities_do_not_count_and_review_entities_do(gold):
    run = _as_run(gold)
    gi, ei = _first(gold, "PER")
    run[gi]["entities"][ei]["status"] = "rejected"
    res = evaluate_records(run, gold)
    n = _n(gold, "PER")
    assert res["labels"]["PER"]["exact"]["recall"] == pytest.approx((n - 1) / n)
    assert res["skipped"]["rejected"] == 1
    run[gi]["entities"][ei].update(status="corrected", source="review")
    assert evaluate_records(run, gold)["labels"]["PER"]["exact"]["recall"] == 1.0


def test_wrong_label_or_extra_entity_lowers_precision(gold):
    run = _as_run(gold)
    gi, ei = _first(gold, "ORG")
    run[gi]["entities"][ei]["label"] = "LOC"
    res = evaluate_records(run, gold)
    assert res["labels"]["ORG"]["exact"]["fn"] == 1
    assert res["labels"]["LOC"]["exact"]["fp"] == 1
    n_loc = _n(gold, "LOC")
    assert res["labels"]["LOC"]["exact"]["precision"] == pytest.approx(n_loc / (n_loc + 1))


def test_wrong_values_lower_value_accuracy(gold):
    run = _as_run(gold)
    gi, ei = _first(gold, "FIGURE")
    run[gi]["entities"][ei]["value"] = gold[gi]["entities"][ei]["value"] * 10
    gd, ed = _first(gold, "DATE")
    run[gd]["entities"][ed]["value"] = "1900-01-01"
    res = evaluate_records(run, gold)
    nf, nd = _n(gold, "FIGURE"), _n(gold, "DATE")
    fv = res["attributes"]["exact"]["FIGURE"]["value"]
    assert fv["total"] == nf and fv["correct"] == nf - 1
    assert fv["accuracy"] == pytest.approx((nf - 1) / nf)
    dv = res["attributes"]["exact"]["DATE"]["value"]
    assert dv["correct"] == nd - 1 and dv["accuracy"] == pytest.approx((nd - 1) / nd)
    # spans are still right: wrong values do not touch span scores
    assert res["labels"]["FIGURE"]["exact"]["f1"] == 1.0 and res["labels"]["DATE"]["exact"]["f1"] == 1.0
    assert res["attributes"]["exact"]["FIGURE"]["unit"]["accuracy"] == 1.0


def test_figure_attributes_are_scored_separately(gold):
    run = _as_run(gold)
    idx = [(gi, ei) for gi, g in enumerate(gold) for ei, e in enumerate(g["entities"]) if e["label"] == "FIGURE" and e["qualifier"]]
    assert idx, "gold has no qualified FIGURE"
    gi, ei = idx[0]
    run[gi]["entities"][ei]["qualifier"] = None
    run[gi]["entities"][ei]["about"] = "Falsch"
    res = evaluate_records(run, gold)["attributes"]["exact"]["FIGURE"]
    n = _n(gold, "FIGURE")
    assert res["qualifier"]["correct"] == n - 1 and res["about"]["correct"] == n - 1
    assert res["value"]["correct"] == n and res["unit"]["correct"] == n


def test_canonical_only_scored_where_predicted(gold):
    run = _as_run(gold)
    for r in run:
        for e in r["entities"]:
            if e["label"] == "PER":
                e["canonical"] = None
    gi, ei = _first(gold, "PER")
    run[gi]["entities"][ei]["canonical"] = "Jemand Anderes"
    res = evaluate_records(run, gold)["attributes"]["exact"]["PER"]["canonical"]
    assert res == {"correct": 0, "total": 1, "accuracy": 0.0}


def test_boundary_error_is_lenient_match_but_not_exact(gold):
    run = _as_run(gold)
    # widen the first DATE span by one character to the left ("am Mittwochabend"-style error)
    gi, ei = _first(gold, "DATE")
    e = run[gi]["entities"][ei]
    e["raw_start"] -= 1
    e["start"] -= 1
    res = evaluate_records(run, gold)
    n = _n(gold, "DATE")
    assert res["labels"]["DATE"]["exact"]["tp"] == n - 1
    assert res["labels"]["DATE"]["exact"]["fp"] == 1 and res["labels"]["DATE"]["exact"]["fn"] == 1
    assert res["labels"]["DATE"]["lenient"]["f1"] == 1.0
    assert res["attributes"]["lenient"]["DATE"]["value"]["total"] == n


def test_raw_offsets_are_computed_from_the_offset_map(gold):
    """Without raw_start/raw_end the clean->raw runs in source.offsets place the entities."""
    g = gold[0]
    shift = 7  # the clean text starts 7 raw characters later (e.g. a removed header)
    raw_len = len((REPO / g["source"]["path"]).read_text(encoding="utf-8"))
    run = _as_run([g], with_raw=False)[0]
    for e in run["entities"]:
        e["start"] -= shift
        e["end"] -= shift
    run["source"]["offsets"] = [[0, shift, raw_len - shift]]
    assert [e for e in run["entities"] if e["start"] < 0] == []
    res = evaluate_records([run], [g])
    assert res["micro"]["exact"]["f1"] == 1.0
    # and a map that is off by one breaks exact matching
    run["source"]["offsets"] = [[0, shift + 1, raw_len - shift - 1]]
    assert evaluate_records([run], [g])["micro"]["exact"]["f1"] < 0.5


def test_offset_map_with_a_gap_spans_the_removed_text():
    """A clean span across a removed piece (e.g. a line-end hyphen) maps to the whole raw extent."""
    raw = "Russ-\nlands Nachbar"
    clean = "Russlands Nachbar"
    # clean[0:4] = raw[0:4]; clean[4:] = raw[6:]
    rec = {
        "id": "x",
        "source": {"sha256": "0" * 64, "offsets": [[0, 0, 4], [4, 6, len(clean) - 4]]},
        "entities": [{"start": 0, "end": 9, "text": "Russlands", "label": "LOC", "source": "model", "status": "pending"}],
    }
    (p,) = predicted_entities(rec)
    assert (p["raw_start"], p["raw_end"]) == (0, 11) and raw[0:11] == "Russ-\nlands"
    # a span reaching past the map cannot be placed: not a prediction, counted as unmapped
    rec["source"]["offsets"] = [[0, 0, 4]]
    rec["entities"][0].update(end=5, text="Russl")
    stats = {"unmapped": 0}
    assert predicted_entities(rec, stats) == [] and stats["unmapped"] == 1


def test_records_match_by_id_when_sha_differs(gold):
    run = _as_run(gold)
    for r in run:
        r["source"]["sha256"] = "f" * 64
    res = evaluate_records(run, gold)
    assert res["articles"]["matched_by"] == {"id": len(gold)} and res["micro"]["exact"]["f1"] == 1.0
    for r in run:
        r["id"] = "renamed"
    res = evaluate_records(run, gold)
    assert res["articles"]["matched_by"] == {"path": len(gold)}


def test_missing_articles(gold):
    run = _as_run(gold)[1:]
    res = evaluate_records(run, gold)
    assert res["articles"]["unmatched_gold"] == [gold[0]["id"]] and res["micro"]["exact"]["recall"] == 1.0
    res = evaluate_records(run, gold, missing_as_empty=True)
    assert res["micro"]["exact"]["recall"] < 1.0


def test_duplicate_predictions_count_once(gold):
    run = _as_run(gold)
    dup = copy.deepcopy(run[0]["entities"][0])
    dup["source"] = "model"
    run[0]["entities"].append(dup)
    res = evaluate_records(run, gold)
    assert res["micro"]["exact"]["precision"] == 1.0 and res["skipped"]["duplicates"] == 1


def test_numbers_equal_tolerance():
    assert numbers_equal(3.5e6, 3500000)
    assert numbers_equal(3500000, 3500000 * (1 + 5e-7))
    assert not numbers_equal(3500000, 3500100)
    assert numbers_equal(None, None) and not numbers_equal(None, 0)
    assert numbers_equal("3,5", 3.5)


@pytest.mark.slow
def test_cli_table_and_json(gold, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _as_run(gold)), encoding="utf-8")
    res = evaluate_run(path, GOLD)
    assert res["micro"]["exact"]["f1"] == 1.0
    proc = subprocess.run([sys.executable, "-m", "pipeline.evaluate.gold", "--run", str(path), "--gold", str(GOLD), "--json"],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["micro"]["exact"]["f1"] == 1.0
    proc = subprocess.run([sys.executable, "-m", "pipeline.evaluate.gold", "--run", str(path), "--gold", str(GOLD)],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0 and "FIGURE" in proc.stdout and "100.0" in proc.stdout


def test_canonical_linked_uses_the_alias_table(gold, tmp_path):
    from pipeline.evaluate.gold import AliasTable

    table = tmp_path / "aliases.tsv"
    table.write_text("alias\tcanonical\tscope\nQassym-Schomart\tKassym-Schomart\tword\nODKB\tOrganisation X\tname\nOVKS\tOrganisation X\tname\n",
                     encoding="utf-8")
    aliases = AliasTable(table)
    assert aliases.link("Qassym-Schomart Toqajew") == "Kassym-Schomart Toqajew"
    assert aliases.link("ODKB") == aliases.link("OVKS") == "Organisation X"
    run = _as_run(gold)
    changed = 0
    for r in run:
        for e in r["entities"]:
            if e["label"] == "ORG" and e["canonical"] in ("ODKB", "OVKS"):
                e["canonical"] = "Organisation X"
                changed += 1
    assert changed
    res = evaluate_records(run, gold, aliases=aliases)["attributes"]["exact"]["ORG"]
    n = _n(gold, "ORG")
    assert res["canonical"]["correct"] == n - changed
    assert res["canonical_linked"]["correct"] == n
    assert "canonical_linked" not in evaluate_records(run, gold)["attributes"]["exact"]["ORG"]


def test_format_report_lists_errors(gold):
    from pipeline.evaluate.gold import format_report

    run = _as_run(gold)
    gi, ei = _first(gold, "DATE")
    missing = run[gi]["entities"].pop(ei)
    res = evaluate_records(run, gold)
    text = format_report(res)
    assert "micro" in text and "DATE" in text and "FN" not in text
    text = format_report(res, errors=5)
    assert "FN DATE" in text and repr(missing["text"]) in text


@pytest.mark.parametrize("which", ["--run", "--gold"])
def test_a_line_that_is_no_record_is_one_line_naming_file_and_line(tmp_path, which):
    """The run's records or the gold written as one JSON array on a line (`json.dump(records)`, a file
    given by mistake): `presseschau evaluate` ended in an AttributeError traceback ('list' object has
    no attribute 'get'); it is one line naming the file and line, exit 2, as an invalid line is."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    source = REPO / "outputs" / "articles.jsonl" if which == "--run" else GOLD
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    as_array = tmp_path / "records.jsonl"
    as_array.write_text(json.dumps(records, ensure_ascii=False) + "\n", encoding="utf-8")
    args = {"--run": str(REPO / "outputs"), "--gold": str(GOLD), which: str(as_array)}
    res = CliRunner().invoke(app, ["evaluate", *[x for kv in args.items() for x in kv]])
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit), (res.output, res.exception)
    assert res.output.count("✘") == 1 and "Traceback" not in res.output, res.output
    assert f"{as_array}:1: not a record: the line is an array, not a JSON object" in res.output, res.output
