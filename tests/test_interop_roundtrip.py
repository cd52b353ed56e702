"""Exact round trips with Prodigy, doccano and Label Studio (issue 16), canonical names after
review, and the committed seed outputs fully reviewed.

Real text: the committed reviewed outputs (outputs/articles.jsonl + annotations/decisions.jsonl)
and the seeds without reviews (`sample_records`). The tools' formats follow their documentation
(cited in pipeline/interop/*.py); Label Studio's own SDK checks the tasks where it is installed.
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from pipeline import interop
from pipeline.interop.common import Utf16
from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions, strip_review
from pipeline.review.sample import sample_records

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ROOT / "outputs" / "articles.jsonl"
ANN = ROOT / "annotations"
ART = "001_660f1e0e655a289c"


@pytest.fixture(scope="module")
def committed():
    return [json.loads(x) for x in OUTPUTS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def unreviewed():
    return sample_records(ROOT / "corpus")


def _roundtrip(records, fmt, tmp_path, **opts):
    """Export `records` with `opts`, import the file untouched: the decisions it records."""
    p = interop.export(records, fmt, tmp_path / f"x-{fmt}", **opts)
    if p.stat().st_size == 0:  # nothing to export (binary Prodigy tasks of an unreviewed run)
        return [], []
    return interop.import_file(fmt, p, records)


CASES = [("prodigy", {}), ("prodigy", {"include_pending": True}), ("prodigy", {"prodigy_mode": "binary"}),
         ("prodigy", {"prodigy_mode": "binary", "include_pending": True}), ("doccano", {}), ("doccano", {"accepted_only": True}),
         ("doccano", {"doccano_offsets": "codepoints", "doccano_overlapping": True}), ("label-studio", {}),
         ("label-studio", {"accepted_only": True})]


@pytest.mark.parametrize("fmt,opts", CASES, ids=[f"{f}-{'-'.join(o) or 'default'}" for f, o in CASES])
def test_untouched_export_records_nothing(tmp_path, committed, unreviewed, fmt, opts):
    for records in (unreviewed, committed):
        decisions, problems = _roundtrip(records, fmt, tmp_path, **opts)
        assert problems == [] and decisions == [], (len(decisions), problems[:3])


def test_doccano_accept_unchanged_accepts_only_pending(tmp_path, unreviewed):
    p = interop.export(unreviewed, "doccano", tmp_path / "d.jsonl")
    decisions, problems = interop.import_file("doccano", p, unreviewed, accept_unchanged=True)
    n_shown = sum(len(json.loads(x)["label"]) for x in p.read_text(encoding="utf-8").splitlines())
    assert problems == [] and len(decisions) == n_shown and {d["decision"] for d in decisions} == {"accept"}


def _emoji_record(base):
    """A seed article with emoji in front of its names (as in social-media quotes)."""
    r = copy.deepcopy(next(x for x in base if x["id"] == ART))
    pre = "\U0001F1F0\U0001F1FF Kasachstan \U0001F600 "
    r["text"] = pre + r["text"]
    for e in r["entities"]:
        e["start"] += len(pre)
        e["end"] += len(pre)
    r["entities"].insert(0, {"start": 3, "end": 13, "text": "Kasachstan", "label": "LOC", "source": "model", "status": "pending", "canonical": "Kasachstan"})
    r["source"]["offsets"] = []
    assert all(r["text"][e["start"]:e["end"]] == e["text"] for e in r["entities"])
    return r


def test_doccano_offsets_are_utf16_code_units(tmp_path, unreviewed):
    r = _emoji_record(unreviewed)
    warnings: list[str] = []
    p = interop.export([r], "doccano", tmp_path / "e.jsonl", warn=warnings.append)
    row = json.loads(p.read_text(encoding="utf-8"))
    units = row["text"].encode("utf-16-le")
    for s, e, _ in row["label"]:  # what doccano (JavaScript) highlights is the entity's text
        assert units[2 * s:2 * e].decode("utf-16-le") in {x["text"] for x in r["entities"]}
    assert row["label"][0][:2] == [5, 15]  # the flag emoji is 2 code points, 4 code units
    assert any("UTF-16" in w for w in warnings)
    # in doccano the annotator relabels "Kasachstan" after the flag and deletes the person after the 😀
    tok = r["text"].index("Kassym-Jomart Tokajew")
    conv = Utf16(r["text"])
    row["label"][0][2] = "ORG"
    row["label"] = [x for x in row["label"] if x[:2] != [conv.to_units(tok), conv.to_units(tok + 21)]]
    decisions, problems = interop.import_doccano([row], [r])
    assert problems == [] and sorted(d["decision"] for d in decisions) == ["correct", "reject"]
    out, flagged = apply_decisions([r], decisions)
    assert flagged == []
    st = {(e["start"], e["end"], e["label"]): e["status"] for e in out[0]["entities"]}
    assert st[(3, 13, "ORG")] == "corrected" and st[(tok, tok + 21, "PER")] == "rejected"
    # and a file in code points (--doccano-offsets codepoints) reads back the same way
    p2 = interop.export([r], "doccano", tmp_path / "c.jsonl", doccano_offsets="codepoints")
    assert json.loads(p2.read_text(encoding="utf-8"))["label"][0][:2] == [3, 13]
    assert interop.import_file("doccano", p2, [r]) == ([], [])


def test_label_studio_offsets_are_code_points_and_a_hand_edit_keeps_what_was_reviewed(tmp_path, unreviewed):
    """Label Studio saves code point offsets (its front end converts JavaScript's UTF-16; issue
    #4988): the export writes and the import reads them unconverted. A round trip as an annotator
    makes it on the emoji text: the region after the flag relabelled, the person after the 😀
    deleted, "Präsident" (an umlaut, after both emoji) added; the reviewer's accept made before the
    export is neither lost nor rewritten, and importing the file again records nothing."""
    r = _emoji_record(unreviewed)
    text = r["text"]
    oak = next(e for e in r["entities"] if e["text"] == "ODKB")
    reviewed, _ = apply_decisions([r], [dec.make_decision(r, "accept", oak, reviewer="anna")])
    r = reviewed[0]
    t = interop.to_label_studio([r])[0]
    res = json.loads(json.dumps(t["predictions"][0]["result"]))
    labs = [x for x in res if x["type"] == "labels"]
    assert all(text[x["value"]["start"]:x["value"]["end"]] == x["value"]["text"] for x in labs)  # code points
    assert (labs[0]["value"]["start"], labs[0]["value"]["end"]) == (3, 13)  # the flag: 2 code points (4 UTF-16 units)
    tok = text.index("Kassym-Jomart Tokajew")
    labs[0]["value"]["labels"] = ["ORG"]
    res = [x for x in res if x["value"].get("start") != tok]
    p = text.index("Präsident")
    res.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": p, "end": p + 9, "text": text[p:p + 9], "labels": ["MISC"]}})
    t["annotations"] = [{"id": 1, "completed_by": 3, "result": res, "was_cancelled": False}]
    f = tmp_path / "ls.json"
    f.write_text(json.dumps([t], ensure_ascii=False), encoding="utf-8")
    decisions, problems = interop.import_file("label-studio", f, [r])
    assert problems == []
    changed = sorted((d["decision"], d["span"]["text"], (d.get("new_span") or d["span"])["start"]) for d in decisions if d["decision"] != "accept")
    assert changed == [("add", "Präsident", p), ("correct", "Kasachstan", 3), ("reject", "Kassym-Jomart Tokajew", tok)]
    assert not any(d["span"]["start"] == oak["start"] for d in decisions)  # the reviewer's accept is not made again
    base = _emoji_record(unreviewed)
    out, flagged = apply_decisions([base], [dec.make_decision(base, "accept", oak, reviewer="anna")] + decisions)
    assert flagged == []
    st = {(e["start"], e["end"], e["label"]): (e["status"], e.get("review", {}).get("reviewer")) for e in out[0]["entities"]}
    assert st[(oak["start"], oak["end"], "ORG")] == ("accepted", "anna")
    assert st[(3, 13, "ORG")][0] == "corrected" and st[(tok, tok + 21, "PER")][0] == "rejected" and st[(p, p + 9, "MISC")][0] == "accepted"
    assert interop.import_file("label-studio", f, out) == ([], [])  # the same file again: nothing new


def test_label_studio_file_of_before_2021_with_utf16_offsets_is_read_by_its_regions_text(tmp_path, unreviewed):
    """A Label Studio from before its 2021 fix (issue #1347) saved the regions' offsets in UTF-16
    code units: each region after the flag (2 characters outside the BMP) and the 😀 is 2 or 3 off.
    Read in code points, the annotator's new "Präsident" was refused as cutting a word ("räsident"
    ... the message said nothing of the offsets) and the regions copied from the prediction became
    corrections to other bounds. Each region carries its own text (`value.text`); where that is not
    the text at its offsets but exactly the text at them read as UTF-16 units, it is read so, with a
    notice naming the file: the same decisions as the file in code points. A region without its
    text is read in code points, and its refusal comes with a hint naming the UTF-16 reading."""
    r = _emoji_record(unreviewed)
    text, units = r["text"], Utf16(r["text"])
    t = interop.to_label_studio([r])[0]
    res = json.loads(json.dumps(t["predictions"][0]["result"]))
    tok = text.index("Kassym-Jomart Tokajew")
    res = [x for x in res if x["value"].get("start") != tok]  # the person deleted
    p = text.index("Präsident")
    res.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": p, "end": p + 9, "text": text[p:p + 9], "labels": ["MISC"]}})
    for x in res:  # as the old front end saved them: JavaScript's string indices
        x["value"]["start"], x["value"]["end"] = units.to_units(x["value"]["start"]), units.to_units(x["value"]["end"])
    assert res[-1]["value"]["start"] == p + 3
    t["annotations"] = [{"id": 1, "completed_by": 3, "result": res, "was_cancelled": False}]
    f = tmp_path / "ls-2020.json"
    f.write_text(json.dumps([t], ensure_ascii=False), encoding="utf-8")
    notices: list[str] = []
    decisions, problems = interop.import_file("label-studio", f, [r], warn=notices.append)
    assert problems == []
    got = sorted((d["decision"], d["span"]["text"], (d.get("new_span") or d["span"])["start"]) for d in decisions if d["decision"] != "accept")
    assert got == [("add", "Präsident", p), ("reject", "Kassym-Jomart Tokajew", tok)]
    assert len(notices) == 1 and str(f) in notices[0] and "UTF-16" in notices[0] and "issue #1347" in notices[0]

    del res[-1]["value"]["text"]  # a region without its own text: read as it says, the refusal explained
    f.write_text(json.dumps([t], ensure_ascii=False), encoding="utf-8")
    decisions, problems = interop.import_file("label-studio", f, [r])
    hint = [x for x in problems if "UTF-16" in x]
    assert len(hint) == 1 and f"{f}:1: region [{p + 3}, {p + 12})" in hint[0] and "“Präsident”" in hint[0]
    assert not any(d["decision"] == "add" for d in decisions)


def test_doccano_overlaps_warned_and_never_rejected(tmp_path, unreviewed):
    r = copy.deepcopy(next(x for x in unreviewed if x["id"] == ART))
    tok = next(e for e in r["entities"] if e["text"] == "Kassym-Jomart Tokajew")
    nested = {**tok, "start": tok["end"] - 7, "text": "Tokajew", "status": "accepted"}  # reviewed, overlapping
    r["entities"].append(nested)
    warnings: list[str] = []
    p = interop.export([r], "doccano", tmp_path / "o.jsonl", warn=warnings.append)
    assert any("overlapping" in w for w in warnings)
    row = json.loads(p.read_text(encoding="utf-8"))
    spans = sorted(tuple(x[:2]) for x in row["label"])
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # what a default doccano project keeps
    assert (nested["start"], nested["end"]) in spans  # the reviewed span won
    # the annotator deletes one other span; the overlapping model span left out is not rejected
    gone = next(x for x in row["label"] if x[:2] != [nested["start"], nested["end"]])
    row["label"].remove(gone)
    decisions, problems = interop.import_doccano([row], [r])
    assert problems == [] and [(d["decision"], d["span"]["start"]) for d in decisions] == [("reject", gone[0])]


def test_pending_distinguishable_in_every_format(tmp_path, unreviewed):
    recs, _ = apply_decisions(unreviewed, [dec.make_decision(r, "accept", r["entities"][0], reviewer="t") for r in unreviewed])
    prod = interop.to_prodigy(recs, include_pending=True)
    spans = [s for t in prod for s in t["spans"]]
    assert {s.get("status") for s in spans} == {None, "pending"} and all(t["answer"] == "ignore" for t in prod)
    assert all(s.get("status") is None for t in interop.to_prodigy(recs) for s in t["spans"])  # default: reviewed only
    ls = interop.to_label_studio(recs)
    res = [x for t in ls for x in t["predictions"][0]["result"] if x["type"] == "labels"]  # (the textarea results hold values)
    assert sum("meta" not in x for x in res) == len(recs) and all(x["meta"]["text"] == ["pending: model guess, not reviewed"] for x in res if "meta" in x)
    snaps = [t["presseschau"] for t in interop.to_doccano(recs)]  # doccano has no span status: the snapshot keeps it
    assert {s[3] for sn in snaps for s in sn["spans"]} == {"accepted", "pending"}


def test_docbin_pending_only_on_request(tmp_path, unreviewed):
    import spacy
    from spacy.tokens import DocBin

    recs, _ = apply_decisions(unreviewed, [dec.make_decision(r, "accept", r["entities"][0], reviewer="t") for r in unreviewed])
    vocab = spacy.blank("de").vocab
    docs = list(DocBin().from_disk(interop.export(recs, "docbin", tmp_path / "a.spacy")).get_docs(vocab))
    assert [len(d.ents) for d in docs] == [1] * len(recs) and all(len(d.spans["presseschau_pending"]) == 0 for d in docs)
    docs = list(DocBin().from_disk(interop.export(recs, "docbin", tmp_path / "b.spacy", include_pending=True)).get_docs(vocab))
    assert all(len(d.ents) > 1 and len(d.spans["presseschau_pending"]) >= len(d.ents) - 1 for d in docs)


def test_docbin_unreviewed_guesses_are_missing_not_outside(tmp_path, unreviewed):
    """spaCy trains on `doc.ents` and reads every other token as "O" (no entity): a model guess
    nobody reviewed is unknown, so its tokens are missing (ent_iob ""), not taught as "no entity";
    a rejected entity is "O"."""
    import spacy
    from spacy.tokens import DocBin

    r = next(x for x in unreviewed if x["id"] == ART)
    kas = next(e for e in r["entities"] if e["text"] == "Kasachstan")
    kreml = next(e for e in r["entities"] if e["text"] == "Kreml")
    recs, _ = apply_decisions(unreviewed, [dec.make_decision(r, "accept", kas, reviewer="t"), dec.make_decision(r, "reject", kreml, reviewer="t")])
    vocab = spacy.blank("de").vocab
    for opts in ({}, {"accepted_only": True}):
        docs = list(DocBin().from_disk(interop.export(recs, "docbin", tmp_path / "a.spacy", **opts)).get_docs(vocab))
        doc = next(d for d in docs if d.user_data["article_id"] == ART)
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(kas["start"], kas["end"], "LOC")]
        iob = {t.idx: t.ent_iob_ for t in doc}
        assert iob[kreml["start"]] == "O"  # rejected
        pending = [e for e in next(x for x in recs if x["id"] == ART)["entities"] if e["status"] == "pending"]
        assert len(pending) > 10 and all(iob[e["start"]] == "" for e in pending), [e["text"] for e in pending if iob[e["start"]] != ""]
        for d in docs:  # the articles nobody reviewed: every guess missing, no entity
            ents = next(x for x in recs if x["id"] == d.user_data["article_id"])["entities"]
            if d.user_data["article_id"] != ART:
                assert not d.ents and {t.ent_iob_ for t in d.char_span(0, len(d.text), alignment_mode="expand")} == {"", "O"}
                assert all(t.ent_iob_ == "" for e in ents for t in d.char_span(e["start"], e["end"], alignment_mode="expand"))
        assert sum(t.ent_iob_ == "O" for t in doc) > len(doc) // 2  # the rest of the text stays "O"
    # with --include-pending the guesses are entities (as before)
    docs = list(DocBin().from_disk(interop.export(recs, "docbin", tmp_path / "b.spacy", include_pending=True)).get_docs(vocab))
    assert all(t.ent_iob_ in ("B", "I", "O") for d in docs for t in d)


def test_label_studio_submitted_annotation(unreviewed):
    """An annotation submitted unchanged accepts the pending guesses; one region deleted and one
    relabelled become a reject and a correction."""
    t = copy.deepcopy(next(x for x in interop.to_label_studio(unreviewed) if x["data"]["article_id"] == ART))
    res = copy.deepcopy(t["predictions"][0]["result"])
    t["annotations"] = [{"id": 1, "result": res, "completed_by": 3, "updated_at": "2026-01-01"}]
    ds, ps = interop.import_label_studio([t], unreviewed)
    n = sum(x["type"] == "labels" for x in res)  # the regions (the textarea results hold their values)
    assert ps == [] and {d["decision"] for d in ds} == {"accept"} and len(ds) == n
    gone = res.pop(0)
    res[0]["value"]["labels"] = ["MISC"]
    ds, ps = interop.import_label_studio([t], unreviewed)
    kinds = sorted(d["decision"] for d in ds)
    assert ps == [] and kinds == sorted(["reject", "correct"] + ["accept"] * (n - 2))
    assert next(d for d in ds if d["decision"] == "reject")["span"]["start"] == gone["value"]["start"]


def test_label_studio_sdk_round_trip(tmp_path, committed):
    """Label Studio's own SDK: the labelling config parses, every prediction validates, and its
    converter's JSON-MIN of an export (predictions submitted, one region deleted) imports as
    exactly that one rejection."""
    pytest.importorskip("label_studio_sdk", reason="label-studio-sdk not installed (heavy: opencv, nltk, its own numpy pin); "
                        "`make labelstudio-check` runs it in a venv of its own")
    from label_studio_sdk.converter import Converter
    from label_studio_sdk.label_interface import LabelInterface

    p = interop.export(committed, "label-studio", tmp_path / "tasks.json")
    config = p.with_suffix(".xml").read_text(encoding="utf-8")
    iface = LabelInterface(config)
    tasks = json.loads(p.read_text(encoding="utf-8"))
    for t in tasks:
        assert iface.validate_task({"data": t["data"]})  # (validate_task() with predictions fails inside the SDK 2.1)
        assert iface.validate_prediction(t["predictions"][0], return_errors=True) == []
    gone = tasks[1]["predictions"][0]["result"][0]
    for i, t in enumerate(tasks):
        res = copy.deepcopy(t["predictions"][0]["result"])
        if i == 1:
            res.pop(0)  # the annotator deletes one region
        t.update(id=i + 1, annotations=[{"id": i + 1, "completed_by": 1, "result": res, "was_cancelled": False,
                                          "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}])
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    Converter(config, project_dir=str(tmp_path)).convert_to_json_min(str(export), str(tmp_path / "min"), is_dir=False)
    for f in (export, tmp_path / "min" / "result.json"):
        ds, ps = interop.import_file("label-studio", f, committed)
        assert ps == [] and [(d["decision"], d["span"]["start"]) for d in ds] == [("reject", gone["value"]["start"])]


# --------------------------------------------------------------------------- canonical names after review


def _pipeline_records(committed):
    return [strip_review(copy.deepcopy(r)) for r in committed]


def test_canonical_of_narrowed_relabelled_and_added_names(committed):
    recs = _pipeline_records(committed)
    r = next(x for x in recs if x["id"] == ART)
    odkb = next(e for e in r["entities"] if e["text"] == "Russisch ODKB")
    plain = {e["canonical"] for e in r["entities"] if e["text"] == "ODKB" and e["label"] == "ORG"}
    assert len(plain) == 1 and odkb["canonical"] not in plain
    narrowed = dec.make_decision(r, "correct", odkb, {"start": odkb["end"] - 4}, reviewer="t")
    moskau = next(e for e in r["entities"] if e["text"] == "Moskau" and e["label"] == "LOC")
    relabel = dec.make_decision(r, "correct", moskau, {"label": "ORG"}, reviewer="t")
    i = r["text"].index("Kassym-Jomart Tokajew")
    model_canonical = next(e["canonical"] for e in r["entities"] if (e["start"], e["end"], e["label"]) == (i, i + 21, "PER"))
    j = re.search(r"\bTokajew\b", r["text"][i + 21:]).start() + i + 21  # a later mention
    r["entities"] = [e for e in r["entities"] if not (e["start"] >= i and e["end"] <= i + 21) and not (e["start"] < j + 7 and j < e["end"])]  # the model missed him
    added = dec.make_decision(r, "add", new={"start": i, "end": i + 21, "label": "PER"}, reviewer="t")
    # (not "Kassym-Jomart" inside the one added: a log keeping both, overlapping, is flagged since session 27)
    named = dec.make_decision(r, "add", new={"start": j, "end": j + 7, "label": "PER", "canonical": "K.-J. Tokajew"}, reviewer="t")
    (out,), flagged = apply_decisions([r], [narrowed, relabel, added, named])
    assert flagged == []
    by = {(e["start"], e["end"], e["label"]): e for e in out["entities"]}
    assert by[(odkb["end"] - 4, odkb["end"], "ORG")]["canonical"] == plain.pop()  # the canonical of ODKB
    assert by[(moskau["start"], moskau["end"], "ORG")]["canonical"] == "Moskau"  # relabelling keeps a name
    assert by[(i, i + 21, "PER")]["canonical"] == model_canonical == "Kassym-Schomart Tokajew"  # as the pipeline names him
    assert by[(j, j + 7, "PER")]["canonical"] == "K.-J. Tokajew"  # set by the reviewer: kept
    # kept through a re-run: the log applied again to the pipeline output gives the same names
    again, _ = apply_decisions([out], [narrowed, relabel, added, named])
    assert again == [out]
    # a later edit of the name wins over the recomputation
    odkb_now = by[(odkb["end"] - 4, odkb["end"], "ORG")]
    edit = dec.make_decision(out, "correct", odkb_now, {"canonical": "ODKB"}, reviewer="t")
    (out2,), _ = apply_decisions([r], [narrowed, relabel, added, named, edit])
    assert next(e for e in out2["entities"] if (e["start"], e["end"], e["label"]) == (odkb["end"] - 4, odkb["end"], "ORG"))["canonical"] == "ODKB"


def test_added_name_gets_the_pipeline_canonical(committed):
    """A reviewer adding a name the model missed gets what the pipeline would have given it:
    every name entity of 002 removed and added back by a decision."""
    r = next(x for x in _pipeline_records(committed) if x["id"].startswith("002"))
    names = [e for e in r["entities"] if e["label"] in ("PER", "ORG", "LOC", "MISC") and e.get("canonical")]
    ds = []
    for e in names:
        ds.append(dec.make_decision(r, "add", new={"start": e["start"], "end": e["end"], "label": e["label"]}, reviewer="t"))
    bare = dict(r, entities=[e for e in r["entities"] if e not in names])
    (out,), _ = apply_decisions([bare], ds)
    got = {(e["start"], e["end"], e["label"]): e["canonical"] for e in out["entities"] if e.get("source") == "review"}
    want = {(e["start"], e["end"], e["label"]): e["canonical"] for e in names}
    same = sum(got[k] == v for k, v in want.items())
    assert len(names) > 50 and same == len(names), [(k, want[k], got[k]) for k in want if got[k] != want[k]][:5]


# --------------------------------------------------------------------------- the committed seed outputs


def test_committed_outputs_fully_reviewed(committed):
    assert len(committed) == 5
    pending = [(r["id"], e["text"], e["label"]) for r in committed for e in r["entities"] if e["status"] == "pending"]
    assert pending == []
    for r in committed:  # no span holds two live entities (old FIGURE decisions on durations are gone)
        live = [(e["start"], e["end"]) for e in r["entities"] if e["status"] != "rejected"]
        assert len(live) == len(set(live)), r["id"]
    # applying the committed log to the committed output changes nothing
    assert apply_decisions(committed, dec.load_decisions(ANN))[0] == committed


def test_prodigy_export_of_committed_outputs(tmp_path, committed):
    tasks = [json.loads(x) for x in interop.export(committed, "prodigy", tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(tasks) == 5 and {t["answer"] for t in tasks} == {"accept"}
    assert all(t["meta"]["pending"] == 0 for t in tasks)
    n_live = sum(1 for r in committed for e in r["entities"] if e["status"] in ("accepted", "corrected"))
    assert sum(len(t["spans"]) for t in tasks) == n_live  # no overlaps left to drop


def test_prodigy_binary_answers_changed_both_ways_come_back(tmp_path, committed):
    """Binary Prodigy tasks of the committed reviewed run: an entity the review rejected goes out
    answered "reject"; the annotator who changes that answer to "accept" in Prodigy un-rejects it
    (it recorded nothing: the span was in the snapshot, so "unchanged", and only pending ones were
    accepted), and one who changes an "accept" to "reject" rejects it. Each change is one
    decision, applied with the log it is the new status, and the file exported again after it
    records nothing."""
    p = interop.export(committed, "prodigy", tmp_path / "b.jsonl", prodigy_mode="binary")
    tasks = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
    rej = next(t for t in tasks if t["answer"] == "reject" and t["meta"]["article_id"] == ART)
    acc = next(t for t in tasks if t["answer"] == "accept" and t["meta"]["article_id"] == ART)
    rej["answer"], acc["answer"] = "accept", "reject"
    back = tmp_path / "db-out.jsonl"
    back.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in (rej, acc)), encoding="utf-8")
    decisions, problems = interop.import_file("prodigy", back, committed)
    assert problems == []
    got = sorted((d["decision"], d["span"]["start"], d["label"]) for d in decisions)
    assert got == sorted([("accept", rej["spans"][0]["start"], rej["spans"][0]["label"]),
                          ("reject", acc["spans"][0]["start"], acc["spans"][0]["label"])])
    out, flagged = apply_decisions(_pipeline_records(committed), dec.load_decisions(ANN) + decisions)
    assert flagged == []
    st = {(e["start"], e["end"], e["label"]): e["status"] for e in next(r for r in out if r["id"] == ART)["entities"]}
    assert st[(rej["spans"][0]["start"], rej["spans"][0]["end"], rej["spans"][0]["label"])] == "accepted"
    assert st[(acc["spans"][0]["start"], acc["spans"][0]["end"], acc["spans"][0]["label"])] == "rejected"
    assert _roundtrip(out, "prodigy", tmp_path, prodigy_mode="binary") == ([], [])


# --------------------------------------------------------------------------- normalised values in the tools' formats


def _with_value_review(committed):
    """The committed reviewed run (whose log already corrected the `event` of "250" in 002) and
    one more review: "Ende Januar" given an interval as its ISO value."""
    r = next(x for x in committed if x["id"].startswith("002"))
    ende = next(e for e in r["entities"] if e["text"] == "Ende Januar" and e["label"] == "DATE")
    d = dec.make_decision(r, "correct", ende, {"value": "2022-01-20/2022-01-31"}, reviewer="t")
    log = dec.load_decisions(ANN) + [d]
    out, flagged = apply_decisions(_pipeline_records(committed), log)
    assert flagged == []
    return out, r["id"], ende["start"], log


def test_values_travel_to_prodigy_label_studio_and_docbin(tmp_path, committed):
    """The ISO dates, numbers, units, `about` and `event` of the reviewed entities are in the
    Prodigy spans, the Label Studio regions (per-region TextArea) and the DocBin's user_data,
    and an import of the untouched files records nothing (the values change no decision)."""
    import spacy
    from spacy.tokens import DocBin

    recs, aid, ende, _ = _with_value_review(committed)
    rec = next(r for r in recs if r["id"] == aid)
    by = {(e["start"], e["end"], e["label"]): e for e in rec["entities"] if e["status"] != "rejected"}
    fig = next(e for e in by.values() if e["text"] == "250")
    assert (fig["status"], fig["event"], fig["qualifier"], fig["about"]) == ("corrected", "dead", "mindestens", "Mensch")
    date = next(e for e in by.values() if e["start"] == ende)
    assert (date["status"], date["value"], date["type"]) == ("corrected", "2022-01-20/2022-01-31", "date")
    km = next(e for e in by.values() if e["text"] == "7000 Kilometer")
    fields = {"DATE": ("value", "type"), "FIGURE": ("value", "unit", "about", "qualifier", "event")}

    def want(e):
        return {k: e[k] for k in fields.get(e["label"], ("canonical",)) if k in e}

    # Prodigy ner_manual: each span carries its entity's values, as in articles.jsonl
    p = interop.export(recs, "prodigy", tmp_path / "p.jsonl")
    task = next(json.loads(x) for x in p.read_text(encoding="utf-8").splitlines() if json.loads(x)["meta"]["article_id"] == aid)
    spans = {(s["start"], s["end"], s["label"]): s for s in task["spans"]}
    assert set(spans) == set(by)
    for k, s in spans.items():
        assert {f: s[f] for f in want(by[k])} == want(by[k]), k
    assert spans[(date["start"], date["end"], "DATE")]["value"] == "2022-01-20/2022-01-31"
    assert spans[(km["start"], km["end"], "FIGURE")]["unit"] == "km" and spans[(km["start"], km["end"], "FIGURE")]["value"] == 7000
    # Prodigy binary: the span and the card's meta
    pb = interop.export(recs, "prodigy", tmp_path / "b.jsonl", prodigy_mode="binary")
    bt = [json.loads(x) for x in pb.read_text(encoding="utf-8").splitlines()]
    b250 = next(t for t in bt if t["meta"]["article_id"] == aid and t["spans"][0]["start"] == fig["start"])
    assert b250["spans"][0]["event"] == "dead" and b250["meta"]["event"] == "dead" and b250["meta"]["about"] == "Mensch"
    # Label Studio: a textarea result with the region's id, the values as "key: value" lines
    pl = interop.export(recs, "label-studio", tmp_path / "ls.json")
    assert '<TextArea name="values" toName="text" perRegion="true"' in pl.with_suffix(".xml").read_text(encoding="utf-8")
    lt = next(t for t in json.loads(pl.read_text(encoding="utf-8")) if t["data"]["article_id"] == aid)
    res = lt["predictions"][0]["result"]
    regions = {x["id"]: x for x in res if x["type"] == "labels"}
    notes = {x["id"]: x for x in res if x["type"] == "textarea"}
    assert len(regions) == len(by) and set(notes) <= set(regions)
    for rid, n in notes.items():
        assert n["from_name"] == "values" and (n["value"]["start"], n["value"]["end"]) == (regions[rid]["value"]["start"], regions[rid]["value"]["end"])
    lines = {(regions[i]["value"]["start"], regions[i]["value"]["labels"][0]): notes[i]["value"]["text"] for i in notes}
    assert lines[(fig["start"], "FIGURE")] == ["value: 250", "about: Mensch", "qualifier: mindestens", "event: dead"]
    assert lines[(date["start"], "DATE")] == ["value: 2022-01-20/2022-01-31", "type: date"]
    assert lines[(km["start"], "FIGURE")][:3] == ["value: 7000", "unit: km", "about: Grenze"]
    # DocBin: user_data["values"] survives the file
    pd_ = interop.export(recs, "docbin", tmp_path / "x.spacy")
    doc = next(d for d in DocBin().from_disk(pd_).get_docs(spacy.blank("de").vocab) if d.user_data["article_id"] == aid)
    vals = {(s, e, lab): v for s, e, lab, v in doc.user_data["values"]}
    assert set(vals) == set(by)
    for k, v in vals.items():
        assert v == want(by[k]), k
    # round trip: the untouched files record nothing; an annotation submitting the Label Studio
    # regions with their values records nothing either (all reviewed already)
    for fmt, path in (("prodigy", p), ("prodigy", pb), ("label-studio", pl)):
        assert interop.import_file(fmt, path, recs) == ([], []), (fmt, path)
    tasks = json.loads(pl.read_text(encoding="utf-8"))
    for i, t in enumerate(tasks):
        t["annotations"] = [{"id": i + 1, "result": t["predictions"][0]["result"], "was_cancelled": False, "completed_by": 1}]
    sub = tmp_path / "submitted.json"
    sub.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert interop.import_file("label-studio", sub, recs) == ([], [])


def test_label_studio_value_edits_come_back_as_corrections(tmp_path, committed):
    """An annotator edits the values TextArea of regions in Label Studio: the import records each
    as a correction of that entity's values (nothing else), a line that is no value is named and
    its region skipped, and importing the file again records nothing."""
    recs, aid, ende, log = _with_value_review(committed)
    p = interop.export(recs, "label-studio", tmp_path / "ls.json")
    tasks = json.loads(p.read_text(encoding="utf-8"))
    rec = next(r for r in recs if r["id"] == aid)
    half = next(e for e in rec["entities"] if e["text"] == "Hälfte")
    km = next(e for e in rec["entities"] if e["text"] == "7000 Kilometer")
    for i, t in enumerate(tasks):
        res = copy.deepcopy(t["predictions"][0]["result"])
        if t["data"]["article_id"] == aid:
            starts = {x["id"]: x["value"]["start"] for x in res if x["type"] == "labels"}
            for x in res:
                if x["type"] != "textarea":
                    continue
                if starts[x["id"]] == ende:
                    x["value"]["text"] = ["value: 2022-01-25/2022-01-31", "type: date"]
                elif starts[x["id"]] == km["start"]:
                    # about deleted, the value typed the German way
                    x["value"]["text"] = [ln.replace("7000", "7.000") for ln in x["value"]["text"] if not ln.startswith("about:")]
                elif starts[x["id"]] == half["start"]:
                    x["value"]["text"] = [ln.replace("Gesamtvermögen", "Vermögen") for ln in x["value"]["text"]]
                elif x["value"]["text"][0] == "value: 1992":
                    x["value"]["text"] = ["Wert 1993"]  # not a `field: value` line
        t["annotations"] = [{"id": i + 1, "result": res, "was_cancelled": False, "completed_by": 2}]
    sub = tmp_path / "submitted.json"
    sub.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    ds, ps = interop.import_file("label-studio", sub, recs)
    assert len(ps) == 1 and "region" in ps[0] and "'Wert 1993'" in ps[0] and ps[0].startswith(f"{sub}:"), ps
    assert sorted((d["decision"], d["span"]["start"]) for d in ds) == sorted(("correct", s) for s in (ende, km["start"], half["start"]))
    out, flagged = apply_decisions(recs, log + ds)  # (as `run` and `export` apply the whole log)
    assert flagged == []
    by = {(e["start"], e["label"]): e for e in next(r for r in out if r["id"] == aid)["entities"] if e["status"] != "rejected"}
    assert (by[(ende, "DATE")]["value"], by[(ende, "DATE")]["type"]) == ("2022-01-25/2022-01-31", "date")
    assert (by[(km["start"], "FIGURE")]["about"], by[(km["start"], "FIGURE")]["unit"], by[(km["start"], "FIGURE")]["value"]) == (None, "km", 7000)
    assert (by[(half["start"], "FIGURE")]["about"], by[(half["start"], "FIGURE")]["value"]) == ("Vermögen", 0.5)
    untouched = [(e["start"], e["label"], {k: e.get(k) for k in ("value", "unit", "about", "qualifier", "event", "type", "canonical")})
                 for r in recs for e in r["entities"] if e["start"] not in (ende, km["start"], half["start"]) or r["id"] != aid]
    assert untouched == [(e["start"], e["label"], {k: e.get(k) for k in ("value", "unit", "about", "qualifier", "event", "type", "canonical")})
                         for r in out for e in r["entities"] if e["start"] not in (ende, km["start"], half["start"]) or r["id"] != aid]
    again, ps2 = interop.import_file("label-studio", sub, out)
    assert again == [] and len(ps2) == 1
    # annotations without the values results (a tool or an export that drops them) empty nothing
    for t in tasks:
        t["annotations"][0]["result"] = [x for x in t["annotations"][0]["result"] if x["type"] == "labels"]
    sub.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert interop.import_file("label-studio", sub, recs) == ([], [])


def test_reviewed_jsonl_given_back_with_its_log_is_unchanged(tmp_path):
    """`export --format jsonl` and that file given back as `--data` with the same review log: the
    same rows (applying the log is idempotent on a reviewed export, as on articles.jsonl); the
    committed run's log relabels "Gemeinschaft Unabhängiger Staaten" LOC -> ORG, which came back
    as an extra rejected LOC when the export dropped the entities' pipeline originals."""
    recs, flagged = interop.load_records_flagged(ROOT / "outputs", ANN)
    assert flagged == []
    first = interop.export(recs, "jsonl", tmp_path / "r.jsonl")
    again, flagged2 = interop.load_records_flagged(first, ANN)
    assert flagged2 == []
    second = interop.export(again, "jsonl", tmp_path / "r2.jsonl")
    assert second.read_bytes() == first.read_bytes()
    a = interop.export(recs, "csv", tmp_path / "a.csv").read_text(encoding="utf-8")
    b = interop.export(again, "csv", tmp_path / "b.csv").read_text(encoding="utf-8")
    assert b == a and len(a.splitlines()) == 1 + sum(len(r["entities"]) for r in recs)
    gus = [e for r in again for e in r["entities"] if e["text"] == "Gemeinschaft Unabhängiger Staaten"]
    assert [(e["label"], e["status"]) for e in gus] == [("ORG", "corrected")]
    # a later decision applies to the reviewed export as to the run's output
    r = next(x for x in recs if x["id"] == ART)
    d = dec.make_decision(r, "reject", next(e for e in r["entities"] if e["status"] == "pending" or e["status"] == "accepted"), reviewer="t")
    log = dec.load_decisions(ANN) + [d]
    from_run, _ = apply_decisions(interop.load_records(ROOT / "outputs"), log)
    from_export, _ = apply_decisions(interop.load_records(first), log)
    assert interop.reviewed_records(from_export) == interop.reviewed_records(from_run)


def test_values_travel_to_doccano(tmp_path, committed, unreviewed):
    """doccano's spans are [start, end, label]: the normalised values travel as the task's
    top-level `values` ([start, end, label, {field: value}] per span of `label`, same order and
    offsets), which doccano keeps as metadata; its export of the project (the metadata back at
    the top level) imports as nothing changed, and the offsets are UTF-16 units as the spans'."""
    recs, aid, ende, _ = _with_value_review(committed)
    rec = next(r for r in recs if r["id"] == aid)
    by = {(e["start"], e["end"], e["label"]): e for e in rec["entities"] if e["status"] != "rejected"}
    fields = {"DATE": ("value", "type"), "FIGURE": ("value", "unit", "about", "qualifier", "event")}
    p = interop.export(recs, "doccano", tmp_path / "d.jsonl")
    rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
    row = next(x for x in rows if x["article_id"] == aid)
    assert [v[:3] for v in row["values"]] == row["label"] and len(row["label"]) > 20
    vals = {(s, e, lab): v for s, e, lab, v in row["values"]}
    for k, v in vals.items():
        assert v == {f: by[k][f] for f in fields.get(k[2], ("canonical",)) if f in by[k]}, k
    date = next(k for k in vals if k[0] == ende)
    assert vals[date] == {"value": "2022-01-20/2022-01-31", "type": "date"}
    fig = next(k for k in vals if row["text"][k[0]:k[1]] == "250")
    assert vals[fig] == {"value": 250, "unit": None, "about": "Mensch", "qualifier": "mindestens", "event": "dead"}
    km = next(k for k in vals if row["text"][k[0]:k[1]] == "7000 Kilometer")
    assert (vals[km]["value"], vals[km]["unit"]) == (7000, "km")
    # doccano's JSONL export of the project: {"id", "text", **meta, "label", "Comments"}
    back = tmp_path / "doccano-export.jsonl"
    back.write_text("".join(json.dumps({"id": i + 1, "text": x["text"], **{k: v for k, v in x.items() if k not in ("text", "label")},
                                        "label": x["label"], "Comments": []}, ensure_ascii=False) + "\n"
                            for i, x in enumerate(rows)), encoding="utf-8")
    assert interop.import_file("doccano", back, recs) == ([], [])
    # characters outside the BMP: the values' offsets are UTF-16 units, as the spans'
    r = _emoji_record(unreviewed)
    t = interop.to_doccano([r])[0]
    assert [v[:3] for v in t["values"]] == t["label"]
    assert t["values"][0] == [5, 15, "LOC", {"canonical": "Kasachstan"}]


def test_an_old_reviewed_export_given_back_is_said(tmp_path):
    """A reviewed JSONL written before the originals were kept (entities with `reviewer`, no
    `review`) given back with its log: the export says the log goes on top of that review."""
    from typer.testing import CliRunner
    from pipeline.cli import app

    recs, _ = interop.load_records_flagged(ROOT / "outputs", ANN)
    old = tmp_path / "old.reviewed.jsonl"
    old.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in interop.reviewed_records(recs)), encoding="utf-8")
    n = sum(1 for r in recs for e in r["entities"] if e.get("review"))
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(old), "--annotations", str(ANN), "--out", str(tmp_path / "x.csv")])
    assert res.exit_code == 0, res.output
    assert f"is a reviewed export without the pipeline's originals of its {n} reviewed entities" in " ".join(res.output.split())
    new = interop.export(recs, "jsonl", tmp_path / "new.reviewed.jsonl")
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--data", str(new), "--annotations", str(ANN), "--out", str(tmp_path / "y.csv")])
    assert res.exit_code == 0 and "without the pipeline's originals" not in res.output


def test_label_studio_utf16_hint_only_where_the_refusal_keeps_the_other_reading():
    """The hint of a region without its text names the UTF-16 reading only where the import's refusal
    (review.words.cuts) would keep that reading: "McDonald" of "McDonald's-Restaurant" (wikinews_de wn15010)
    cuts the word "McDonald's" as the refusal reads it, so a hint offering it misled (the old test looked at
    letters and digits only)."""
    from repo_data import news_row
    from pipeline.interop.labelstudio import in_code_points

    text = news_row("wikinews_de.jsonl.gz", "id", "wn15010")["text"]
    text = "\U0001F600 " + text[max(0, text.index("McDonald's") - 200):]
    cs = text.index("McDonald's")
    units = Utf16(text)
    s, e = units.to_units(cs), units.to_units(cs + len("McDonald"))  # one more each: the emoji
    task = {"data": {"text": text}, "annotations": [{"id": 1, "result": [
        {"id": "r1", "type": "labels", "value": {"start": s, "end": e, "labels": ["ORG"]}}]}]}
    _, n, hints = in_code_points([(1, task)], "ls.json")
    assert n == 0 and hints == []
    # the same region over "Polizei" (a whole word read as UTF-16) gets the hint
    cs = text.index("Polizei")
    s, e = units.to_units(cs), units.to_units(cs + len("Polizei"))
    task["annotations"][0]["result"][0]["value"].update(start=s, end=e)
    _, n, hints = in_code_points([(1, task)], "ls.json")
    assert len(hints) == 1 and "ls.json:1: region" in hints[0] and "“Polizei”" in hints[0]
