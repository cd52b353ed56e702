"""Exports (reviewed JSONL, Prodigy, doccano, Label Studio, DocBin, CSV, Parquet) and imports (pipeline/interop/)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions
from pipeline import interop
from pipeline.record import validate_record
from pipeline.review.sample import sample_records

ROOT = Path(__file__).resolve().parents[1]
ART = "001_660f1e0e655a289c"


def ent(record, text, label=None, nth=0):
    return [e for e in record["entities"] if e["text"] == text and (label is None or e["label"] == label)][nth]


LOG: dict[str, list] = {}


@pytest.fixture()
def reviewed():
    """The seed records with a few decisions applied: accepted, rejected, corrected, added, pending."""
    recs = sample_records(ROOT / "corpus")
    r = next(x for x in recs if x["id"] == ART)
    s = r["text"].index("Streitkräften")
    ds = [
        dec.make_decision(r, "accept", ent(r, "Kasachstan"), reviewer="anna"),
        dec.make_decision(r, "reject", ent(r, "Russland"), reviewer="anna"),
        dec.make_decision(r, "correct", ent(r, "ODKB"), {"label": "MISC"}, reviewer="anna"),
        dec.make_decision(r, "add", new={"start": s, "end": s + 13, "label": "ORG"}, reviewer="anna"),
    ]
    out, flagged = apply_decisions(recs, ds)
    assert not flagged
    LOG["base"], LOG["decisions"] = recs, ds
    return out


def art(records, aid=ART):
    return next(x for x in records if x["id"] == aid)


def statuses(record):
    return {(e["start"], e["end"], e["label"]): e["status"] for e in record["entities"]}


def test_reviewed_jsonl(tmp_path, reviewed):
    p = interop.export(reviewed, "jsonl", tmp_path / "r.jsonl")
    rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5
    a = art(rows)
    assert {e["status"] for e in a["entities"]} == {"pending", "accepted", "rejected", "corrected"}
    # the review bookkeeping stays on the entities a decision touched (the pipeline's original, which
    # apply_decisions restores before it applies a log again), never on the others
    assert "review_flags" not in a
    assert all(("review" in e) == (e["status"] != "pending") for e in a["entities"])
    assert ent(a, "ODKB", "MISC")["review"]["original"]["label"] == "ORG"
    assert ent(a, "Kasachstan")["reviewer"] == "anna"
    for rec in rows:
        assert validate_record(rec) == []
    p2 = interop.export(reviewed, "jsonl", tmp_path / "acc.jsonl", accepted_only=True)
    acc = art([json.loads(x) for x in p2.read_text(encoding="utf-8").splitlines()])
    assert {e["status"] for e in acc["entities"]} == {"accepted", "corrected"}
    assert len(acc["entities"]) == 3


def test_prodigy_export(tmp_path, reviewed):
    p = interop.export(reviewed, "prodigy", tmp_path / "p.jsonl")
    tasks = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
    t = next(x for x in tasks if x["meta"]["article_id"] == ART)
    assert t["answer"] == "ignore" and t["_view_id"] == "ner_manual"  # still has pending entities
    assert all(t["text"][s["start"]:s["end"]] == s["text"] for s in t["spans"])
    assert not any(s["text"] == "Russland" and s["start"] == ent(art(reviewed), "Russland")["start"] for s in t["spans"])
    for s in t["spans"]:
        if "token_start" in s:
            assert t["tokens"][s["token_start"]]["start"] == s["start"] and t["tokens"][s["token_end"]]["end"] == s["end"]
    assert isinstance(t["_input_hash"], int) and isinstance(t["_task_hash"], int)
    pb = interop.export(reviewed, "prodigy", tmp_path / "b.jsonl", prodigy_mode="binary")
    bt = [json.loads(x) for x in pb.read_text(encoding="utf-8").splitlines()]
    answers = {x["answer"] for x in bt if x["meta"]["article_id"] == ART}
    assert answers == {"accept", "reject"}  # pending guesses only on request
    assert all(len(x["spans"]) == 1 for x in bt)
    bp = [json.loads(x) for x in interop.export(reviewed, "prodigy", tmp_path / "bp.jsonl", prodigy_mode="binary", include_pending=True)
          .read_text(encoding="utf-8").splitlines()]
    pend = [x for x in bp if x["meta"]["article_id"] == ART and x["answer"] == "ignore"]
    assert pend and all(x["spans"][0]["status"] == "pending" for x in pend)


def test_doccano_and_label_studio_export(tmp_path, reviewed):
    p = interop.export(reviewed, "doccano", tmp_path / "d.jsonl", accepted_only=True)
    rows = [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]
    d = next(x for x in rows if x["article_id"] == ART)
    assert sorted(x[2] for x in d["label"]) == ["LOC", "MISC", "ORG"]
    p = interop.export(reviewed, "label-studio", tmp_path / "ls.json")
    tasks = json.loads(p.read_text(encoding="utf-8"))
    t = next(x for x in tasks if x["data"]["article_id"] == ART)
    res = [r for r in t["predictions"][0]["result"] if r["type"] == "labels"]  # (the "textarea" results hold the values)
    assert res and all(r["from_name"] == "label" and r["to_name"] == "text" for r in res)
    assert all(t["data"]["text"][r["value"]["start"]:r["value"]["end"]] == r["value"]["text"] for r in res)
    assert t["predictions"][0]["model_version"] == "0.1.0/sample-0"
    assert '<Label value="FIGURE"/>' in (tmp_path / "ls.xml").read_text(encoding="utf-8")


def test_docbin_export(tmp_path, reviewed):
    import spacy
    from spacy.tokens import DocBin

    p = interop.export(reviewed, "docbin", tmp_path / "x.spacy")
    docs = list(DocBin().from_disk(p).get_docs(spacy.blank("de").vocab))
    assert len(docs) == 5
    d = next(x for x in docs if x.user_data["article_id"] == ART)
    labels = {(e.text, e.label_) for e in d.ents}
    assert ("Kasachstan", "LOC") in labels and ("ODKB", "MISC") in labels and ("Streitkräften", "ORG") in labels
    rus = ent(art(reviewed), "Russland")
    assert not any(s.start_char == rus["start"] for s in d.spans["presseschau"])
    assert len(d.spans["presseschau"]) >= len(d.ents)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables(tmp_path, reviewed, fmt):
    p = interop.export(reviewed, fmt, tmp_path / f"e.{fmt}")
    df = pd.read_csv(p) if fmt == "csv" else pd.read_parquet(p)
    assert list(df.columns) == (interop.TABLE_COLUMNS if fmt == "csv" else interop.PARQUET_COLUMNS)
    assert len(df) == sum(len(r["entities"]) for r in reviewed)
    a = df[df.article_id == ART]
    assert set(a.status) == {"pending", "accepted", "rejected", "corrected"}
    figs = df[df.label == "FIGURE"]
    assert len(figs) and figs.value_number.notna().all()
    dates = df[df.label == "DATE"]
    assert len(dates) and dates.value_date.notna().all()
    acc = interop.entities_table(reviewed, accepted_only=True)
    assert set(acc.status) == {"accepted", "corrected"}


def _apply(records, decisions):
    """The log so far plus the imported decisions, applied to the pipeline output (as `run` does)."""
    out, flagged = apply_decisions(LOG["base"], LOG["decisions"] + decisions)
    assert flagged == []
    return out


def test_prodigy_manual_round_trip(reviewed):
    t = next(x for x in interop.to_prodigy(reviewed, include_pending=True) if x["meta"]["article_id"] == ART)
    r = art(reviewed)
    kreml = ent(r, "Kreml")
    tok = ent(r, "Kassym-Jomart Tokajew")
    spans = [s for s in t["spans"] if s["start"] != kreml["start"]]  # annotator removed "Kreml"
    for s in spans:
        if s["start"] == tok["start"]:
            s["label"] = "MISC"  # ... relabelled Tokajew
    i = t["text"].index("Fernsehansprache")
    spans.append({"start": i, "end": i + len("Fernsehansprache"), "label": "MISC"})  # ... added one
    t.update(spans=spans, answer="accept", _annotator_id="ds-bob")
    decisions, problems = interop.import_prodigy([t], reviewed)
    assert problems == []
    assert all(d["reviewer"] == "import:prodigy:ds-bob" for d in decisions)
    out = art(_apply(reviewed, decisions))
    st = statuses(out)
    assert st[(kreml["start"], kreml["end"], "ORG")] == "rejected"
    assert st[(tok["start"], tok["end"], "MISC")] == "corrected"
    assert st[(i, i + 16, "MISC")] == "accepted"
    assert "pending" not in set(st.values())
    # importing the same file again changes nothing
    again, _ = interop.import_prodigy([t], _apply(reviewed, decisions))
    assert again == []


def test_prodigy_two_annotators_of_one_article_both_count(reviewed):
    """Prodigy's `db-out` of a dataset two annotators worked on holds a task of each for the same
    article (`_annotator_id`). Only the last one was read: the first annotator's rejection was
    dropped without a word. Each annotator's last answer counts, under their name (a conflict
    between them is then `presseschau review --conflicts`' to show)."""
    r = art(reviewed)
    t = next(x for x in interop.to_prodigy(reviewed, include_pending=True) if x["meta"]["article_id"] == ART)
    kreml, tok = ent(r, "Kreml"), ent(r, "Kassym-Jomart Tokajew")
    anna = dict(t, answer="accept", _annotator_id="ds-anna", spans=[s for s in t["spans"] if s["start"] != kreml["start"]])
    ben = dict(t, answer="accept", _annotator_id="ds-ben", spans=[s for s in t["spans"] if s["start"] != tok["start"]])
    decisions, problems = interop.import_prodigy([anna, ben], reviewed)
    assert problems == []
    rejected = {(d["reviewer"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"}
    assert rejected == {("import:prodigy:ds-anna", "Kreml"), ("import:prodigy:ds-ben", "Kassym-Jomart Tokajew")}
    # one annotator's later answer for the article still replaces their earlier one
    again = dict(anna, spans=t["spans"])
    decisions, _ = interop.import_prodigy([anna, again], reviewed)
    assert not any(d["decision"] == "reject" for d in decisions)


def test_prodigy_binary_and_ignored_tasks(reviewed):
    r = art(reviewed)
    kreml = ent(r, "Kreml")
    tasks = [
        {"text": r["text"], "spans": [{"start": kreml["start"], "end": kreml["end"], "label": "ORG"}], "answer": "reject", "_view_id": "ner", "meta": {"article_id": ART}},
        {"text": r["text"], "spans": [], "answer": "ignore", "meta": {"article_id": ART}},
        {"text": "Ein ganz anderer Text", "spans": [], "answer": "accept", "meta": {"article_id": "nope"}},
    ]
    decisions, problems = interop.import_prodigy(tasks, reviewed)
    assert [d["decision"] for d in decisions] == ["reject"]
    assert problems == ["prodigy:3: no matching article"]


def test_prodigy_accepted_task_without_spans_says_the_article_has_no_entities(reviewed):
    """Prodigy: an accepted ner_manual example with no spans is the annotation "this text has no
    entities" (what `data-to-spacy` trains from it): every model entity of the article is rejected,
    whatever its label. (It recorded nothing: a task without our snapshot was taken as complete
    for "the labels it uses", and an empty task uses none.) "ignore" and a rejected manual task
    say nothing; a file made in Prodigy without our snapshot is said (a notice naming the file)."""
    r = art(reviewed)
    live = [e for e in r["entities"] if e["status"] != "rejected"]
    assert {e["label"] for e in live} >= {"PER", "LOC", "ORG", "FIGURE"}
    t = {"text": r["text"], "spans": [], "answer": "accept", "_view_id": "ner_manual", "meta": {"article_id": ART}}
    notices = []
    decisions, problems = interop.import_prodigy([t], reviewed, path="prodigy.jsonl", warn=notices.append)
    assert problems == []
    assert sorted((d["decision"], d["span"]["start"], d["label"]) for d in decisions) == \
        sorted(("reject", e["start"], e["label"]) for e in live)
    assert "pending" not in statuses(art(_apply(reviewed, decisions))).values()
    assert len(notices) == 1 and notices[0].startswith("prodigy.jsonl: 1 task carries no Presseschau snapshot"), notices
    for answer in ("ignore", "reject"):
        assert interop.import_prodigy([dict(t, answer=answer)], reviewed) == ([], [])


def test_doccano_round_trip_with_shifted_text(reviewed):
    r = art(reviewed)
    row = next(x for x in interop.to_doccano(reviewed) if x["article_id"] == ART)
    # doccano's copy of the text has an extra first line: every offset is off by its length
    pre = "Quelle: Archiv\n"
    row = {"text": pre + row["text"], "label": [[s + len(pre), e + len(pre), l] for s, e, l in row["label"]], "article_id": ART}
    kas = ent(r, "Kasachstan", nth=1)
    row["label"] = [x for x in row["label"] if x[0] != kas["start"] + len(pre)]
    decisions, problems = interop.import_doccano([row, {"text": "leer", "label": []}], reviewed)
    assert problems == []
    out = art(_apply(reviewed, decisions))
    st = statuses(out)
    assert st[(kas["start"], kas["end"], "LOC")] == "rejected"
    assert st[(ent(r, "Tokajew")["start"], ent(r, "Tokajew")["end"], "PER")] == "accepted"


def test_label_studio_round_trip(reviewed):
    r = art(reviewed)
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    res = [dict(x) for x in t["predictions"][0]["result"]]
    tok = ent(r, "Kassym-Jomart Tokajew")
    for x in res:
        if x["value"]["start"] == tok["start"] and x["type"] == "labels":  # annotator shortened the span
            x["value"] = dict(x["value"], start=tok["start"] + 14, text="Tokajew")
    t["annotations"] = [
        {"id": 1, "result": [], "was_cancelled": True, "updated_at": "2026-01-02"},
        {"id": 2, "result": res, "was_cancelled": False, "completed_by": 7, "updated_at": "2026-01-01"},
    ]
    decisions, problems = interop.import_label_studio([t, {"data": {"text": r["text"]}, "annotations": []}], reviewed)
    assert problems == []
    out = art(_apply(reviewed, decisions))
    st = statuses(out)
    assert st[(tok["start"] + 14, tok["end"], "PER")] == "corrected"
    assert (tok["start"], tok["end"], "PER") not in st
    assert "pending" not in st.values()
    assert {d["reviewer"] for d in decisions} == {"import:label-studio:7"}


def test_label_studio_two_annotators_of_one_task_both_count(reviewed):
    """A Label Studio project with overlap: two annotators submitted an annotation of the same
    task. Only the latest one was read: the other annotator's work was dropped without a word.
    Each annotator's latest annotation counts, under their name."""
    r = art(reviewed)
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    res = t["predictions"][0]["result"]
    kreml, tok = ent(r, "Kreml"), ent(r, "Kassym-Jomart Tokajew")
    without = lambda e: [x for x in res if x["value"]["start"] != e["start"]]  # noqa: E731  (the region and its values)
    t["annotations"] = [
        {"id": 1, "result": without(kreml), "was_cancelled": False, "completed_by": 7, "updated_at": "2026-01-01"},
        {"id": 2, "result": without(tok), "was_cancelled": False, "completed_by": 8, "updated_at": "2026-01-02"},
        {"id": 3, "result": res, "was_cancelled": True, "completed_by": 7, "updated_at": "2026-01-03"},
    ]
    decisions, problems = interop.import_label_studio([t], reviewed)
    assert problems == []
    rejected = {(d["reviewer"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"}
    assert rejected == {("import:label-studio:7", "Kreml"), ("import:label-studio:8", "Kassym-Jomart Tokajew")}


def test_label_studio_annotator_given_as_a_list_or_a_user_object_is_named_cleanly(reviewed):
    """Label Studio writes `completed_by` as the user's id; some versions write the user object or a
    list ([7]): a list was recorded as the reviewer "import:label-studio:[7]" (and a user object
    without email as its Python repr). The user's email, else username, else id is the name."""
    r = art(reviewed)
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    res = t["predictions"][0]["result"]
    kreml, tok, oak = ent(r, "Kreml"), ent(r, "Kassym-Jomart Tokajew"), ent(r, "ODKB", nth=1)
    without = lambda e: [x for x in res if x["value"]["start"] != e["start"]]  # noqa: E731
    t["annotations"] = [
        {"id": 1, "result": without(kreml), "was_cancelled": False, "completed_by": [7], "updated_at": "2026-01-01"},
        {"id": 2, "result": without(tok), "was_cancelled": False, "updated_at": "2026-01-02",
         "completed_by": {"id": 8, "email": "eva@example.org", "first_name": "Eva", "last_name": "K"}},
        {"id": 3, "result": without(oak), "was_cancelled": False, "completed_by": {"id": 9, "first_name": "Jo"}, "updated_at": "2026-01-03"},
    ]
    decisions, problems = interop.import_label_studio([t], reviewed)
    assert problems == []
    rejected = {(d["reviewer"], d["span"]["text"], d["span"]["start"]) for d in decisions if d["decision"] == "reject"}
    assert rejected == {("import:label-studio:7", "Kreml", kreml["start"]), ("import:label-studio:eva@example.org", "Kassym-Jomart Tokajew", tok["start"]),
                        ("import:label-studio:9", "ODKB", oak["start"])}
    assert {d["reviewer"] for d in decisions} == {"import:label-studio:7", "import:label-studio:eva@example.org", "import:label-studio:9"}
    row = {"id": 17, "text": r["text"], "article_id": ART, "annotator": [{"id": 4, "email": "lu@example.org"}], "annotation_id": 5,
           "label": [{"start": tok["start"], "end": tok["end"], "text": tok["text"], "labels": ["PER"]}]}
    decisions, problems = interop.import_label_studio([row], reviewed)  # JSON-MIN's `annotator` alike
    assert decisions and {d["reviewer"] for d in decisions} == {"import:label-studio:lu@example.org"}


def test_cli_export_and_import(tmp_path, reviewed):
    from typer.testing import CliRunner

    from pipeline.cli import app

    data = tmp_path / "outputs"
    data.mkdir()
    base = sample_records(ROOT / "corpus")
    (data / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in base), encoding="utf-8")
    ann = tmp_path / "annotations"
    runner = CliRunner()
    # a Prodigy file with one article fully reviewed
    t = next(x for x in interop.to_prodigy(base, include_pending=True) if x["meta"]["article_id"] == ART)
    t["answer"] = "accept"
    (tmp_path / "prodigy.jsonl").write_text(json.dumps(t, ensure_ascii=False) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["import", "prodigy", str(tmp_path / "prodigy.jsonl"), "--data", str(data), "--annotations", str(ann)])
    assert res.exit_code == 0, res.output
    logged = dec.load_decisions(ann)
    assert logged and {d["decision"] for d in logged} == {"accept"}
    for fmt in interop.FORMATS:
        out = tmp_path / "exp" / f"x.{fmt}"
        res = runner.invoke(app, ["export", "--format", fmt, "--data", str(data), "--annotations", str(ann), "--out", str(out)])
        assert res.exit_code == 0, res.output
        assert out.exists() and out.stat().st_size > 0
    rows = [json.loads(x) for x in (tmp_path / "exp" / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(e["status"] == "accepted" for e in art(rows)["entities"])
    res = runner.invoke(app, ["export", "--format", "xml", "--data", str(data)])
    assert res.exit_code == 2


def test_label_studio_json_min(reviewed):
    r = art(reviewed)
    tok = ent(r, "Kassym-Jomart Tokajew")
    row = {"id": 17, "text": r["text"], "article_id": ART, "annotator": "eva@example.org",
           "label": [{"start": tok["start"], "end": tok["end"], "text": tok["text"], "labels": ["PER"]}]}
    decisions, problems = interop.import_label_studio([row], reviewed)
    assert problems == []
    out = art(_apply(reviewed, decisions))
    st = statuses(out)
    assert st[(tok["start"], tok["end"], "PER")] == "accepted"
    assert all(v == "rejected" for (s, e, l), v in st.items() if l == "PER" and s != tok["start"])
    assert {d["reviewer"] for d in decisions} == {"import:label-studio:eva@example.org"}


def test_docbin_keeps_a_reviewed_entity_inside_a_hyphenated_token(tmp_path):
    """The review app takes "Kreml" in "Kreml-Kritikern" as whole words (a token is split at its
    hyphen), but spaCy's German tokenizer keeps "Kreml-Kritikern" one token: the DocBin export
    widened the accepted ORG "Kreml" to "Kreml-Kritikern" (char_span "expand"), without a word."""
    import spacy
    from spacy.tokens import DocBin

    from pipeline.review import words

    recs = sample_records(ROOT / "corpus")
    r = art(recs)
    s = r["text"].index("Kreml-Kritikern")
    assert words.check_span(r["text"], s, s + 5, words.words_of(r)) is None  # the app accepts it without `subword`
    d = dec.make_decision(r, "add", new={"start": s, "end": s + 5, "label": "ORG"}, reviewer="anna")
    reviewed, _ = apply_decisions(recs, [d])
    p = interop.export(reviewed, "docbin", tmp_path / "x.spacy")
    doc = next(x for x in DocBin().from_disk(p).get_docs(spacy.blank("de").vocab) if x.user_data["article_id"] == ART)
    assert doc.text == r["text"]
    kept = {(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents}
    assert (s, s + 5, "ORG", "Kreml") in kept
    assert [(sp.start_char, sp.end_char, sp.label_, "accepted") for sp in doc.spans["presseschau"]] == [tuple(x) for x in doc.user_data["statuses"]]


def test_tables_and_task_meta_carry_date_type_and_url(tmp_path):
    """An analyst tells a date from a duration in the CSV/Parquet table (`type`, as in the record),
    and every format with a place for article meta carries `meta.url` (a JSONL input's url).
    Real pipeline output: the committed outputs/articles.jsonl."""
    import spacy  # noqa: F401  (the exports below need it installed, as the product does)

    recs = [json.loads(x) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    url = "https://www.faz.net/aktuell/politik/ausland/kasachstan-bittet-um-militaerische-hilfe.html"
    art(recs)["meta"]["url"] = url
    want = {(r["id"], e["start"], e["end"]): e.get("type") for r in recs for e in r["entities"] if e["label"] == "DATE"}
    assert "duration" in want.values() and "date" in want.values()
    for fmt in ("csv", "parquet"):
        p = interop.export(recs, fmt, tmp_path / f"e.{fmt}")
        df = pd.read_csv(p, keep_default_na=False, na_values=[""]) if fmt == "csv" else pd.read_parquet(p)
        dates = df[df.label == "DATE"]
        got = {(a, int(s), int(e)): t for a, s, e, t in zip(dates.article_id, dates.start, dates.end, dates.type)}
        assert got == want, fmt
        assert df[df.label != "DATE"].type.isna().all()
        assert set(df[df.article_id == ART].url) == {url} and df[df.article_id != ART].url.isna().all()
        slices = {r["id"]: r["text"] for r in recs}
        assert all(slices[a][int(s):int(e)] == t for a, s, e, t in zip(df.article_id, df.start, df.end, df.text))
    tasks = [json.loads(x) for x in interop.export(recs, "prodigy", tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {t["meta"]["article_id"]: t["meta"]["url"] for t in tasks}[ART] == url
    rows = [json.loads(x) for x in interop.export(recs, "doccano", tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["article_id"]: r["meta"]["url"] for r in rows}[ART] == url
    ls = json.loads(interop.export(recs, "label-studio", tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert {t["data"]["article_id"]: t["data"]["url"] for t in ls}[ART] == url
    # what the tool gives back untouched still records nothing
    for fmt, name in (("prodigy", "p.jsonl"), ("doccano", "d.jsonl"), ("label-studio", "ls.json")):
        assert interop.import_file(fmt, tmp_path / name, recs) == ([], [])


def _real_output():
    return [json.loads(x) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_excel_exports_keep_umlauts_ids_and_text(tmp_path):
    """German Excel opens a CSV as cp1252 with ';': the plain CSV shows one column and "Ã¼".
    `csv-excel` (UTF-8 with BOM, ';', decimal comma) and `xlsx` (text cells: an id "00123" keeps
    its zeros, a title starting with "=" is no formula) hold the plain CSV's table; the plain CSV
    stays as it was (UTF-8, no BOM, ','). Real pipeline output: the committed outputs/articles.jsonl."""
    import openpyxl

    recs = _real_output()
    a = art(recs)
    a["id"] = "00123"  # the id of an input 00123.txt
    a["meta"]["title"] = "=Hilfe mit Hintersinn"
    plain = interop.export(recs, "csv", tmp_path / "e.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and plain.split(b"\n")[0].decode() == ",".join(interop.TABLE_COLUMNS)
    want = pd.read_csv(tmp_path / "e.csv", dtype=str, keep_default_na=False)
    assert any("ü" in t for t in want.text) and "00123" in set(want.article_id)

    p = interop.export(recs, "csv-excel", tmp_path)
    assert p.name == "articles.excel.csv"
    assert p.read_bytes().startswith(b"\xef\xbb\xbfarticle_id;title;")
    got = pd.read_csv(p, encoding="utf-8-sig", sep=";", decimal=",", dtype=str, keep_default_na=False)
    assert list(got.columns) == interop.TABLE_COLUMNS
    nums = want.value_number != ""
    assert nums.any() and (got.value_number[nums].str.replace(",", ".") == want.value_number[nums]).all()
    # the FIGURE's value text with the decimal comma too ("0,5" of seed 002's "Hälfte"), the title
    # that would be a formula after a ' (csv-excel only); the rest as the plain CSV has it
    assert (got.value[nums].str.replace(",", ".") == want.value[nums]).all() and "0,5" in set(got.value[nums])
    assert set(got.title[got.article_id == "00123"]) == {"'=Hilfe mit Hintersinn"}
    same = got.article_id != "00123"
    assert got[same].drop(columns=["value_number", "value"]).equals(want[same].drop(columns=["value_number", "value"]))
    assert got.value[~nums].equals(want.value[~nums])

    p = interop.export(recs, "xlsx", tmp_path)
    assert p.name == "articles.xlsx"
    x = pd.read_excel(p, keep_default_na=False)
    assert list(x.columns) == interop.TABLE_COLUMNS and len(x) == len(want)
    assert x.article_id.tolist() == want.article_id.tolist()  # "00123" as text, read without dtype
    assert x.text.tolist() == want.text.tolist() and x.title.tolist() == want.title.tolist()
    assert x.start.tolist() == [int(v) for v in want.start]
    sheet = openpyxl.load_workbook(p).active
    title = next(c for c in sheet["B"][1:] if c.value == "=Hilfe mit Hintersinn")
    assert title.data_type == "s"  # text, not a formula
    assert isinstance(sheet["E2"].value, int)  # start: a number Excel can sort


def test_xlsx_says_when_a_cell_is_cut_to_excels_limit(tmp_path):
    """An Excel cell holds at most 32,767 characters; openpyxl cuts a longer text there without a
    word, so a title that holds a whole article (a JSONL record's text given as its title) lost
    its end in the xlsx, exit 0, no notice, while the CSV and Parquet hold it whole. The cut is
    said (as for control characters). Real pipeline output: the committed outputs/articles.jsonl."""
    import openpyxl

    recs = _real_output()
    a = art(recs)
    a["meta"]["title"] = (a["text"] + "\n") * (32_767 // len(a["text"]) + 2)
    assert len(a["meta"]["title"]) > 32_767
    said = []
    p = interop.export(recs, "xlsx", tmp_path, warn=said.append)
    cells = [c.value for c in openpyxl.load_workbook(p).active["B"][1:] if c.value and c.value.startswith(a["text"][:50])]
    assert cells and all(len(v) == 32_767 for v in cells)
    assert len(said) == 1 and f"{len(cells)} cells" in said[0] and "32,767" in said[0]
    said.clear()
    interop.export(_real_output(), "xlsx", tmp_path, warn=said.append)
    assert said == []


def test_excel_export_too_large_for_a_sheet(tmp_path, monkeypatch):
    """More entities than a sheet's rows: one line naming the file, exit 2, nothing written."""
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.interop import tables

    monkeypatch.setattr(tables, "XLSX_MAX_ROWS", 10)
    out = tmp_path / "e.xlsx"
    res = CliRunner().invoke(app, ["export", "--format", "xlsx", "--data", str(ROOT / "outputs"), "--annotations", str(tmp_path / "ann"), "--out", str(out)])
    assert res.exit_code == 2 and str(out) in res.output and "Traceback" not in res.output
    assert not out.exists()


def test_parquet_dates_are_typed(tmp_path):
    """`published` and a DATE's day as a date type in Parquet (`published_day`, `value_day`), so
    an analyst filters by date without converting; only where the string is one whole day: a
    month ("2022-09"), a year, a week or a duration stays null there and a string in `published`
    / `value_date`. Real pipeline output: the committed outputs/articles.jsonl."""
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = _real_output()
    pubs = {r["id"]: r["meta"].get("published") for r in recs}
    assert "2022-09" in pubs.values() and "2022-01-06" in pubs.values()
    p = interop.export(recs, "parquet", tmp_path / "e.parquet")
    schema = pq.read_schema(p)
    assert schema.field("published_day").type == pa.date32() and schema.field("value_day").type == pa.date32()
    assert pa.types.is_string(schema.field("published").type) or pa.types.is_large_string(schema.field("published").type)
    for df in (pd.read_parquet(p), pq.read_table(p).to_pandas(ignore_metadata=True)):
        for a, day in zip(df.article_id, df.published_day):
            full = len(pubs[a]) == 10
            assert (day == datetime.date.fromisoformat(pubs[a])) if full else pd.isna(day), (a, pubs[a], day)
        want = {(a, int(s)): v for a, s, v, t in zip(df.article_id, df.start, df.value_date, df.type)
                if isinstance(v, str) and len(v) == 10 and v[4] == "-" and t == "date"}
        got = {(a, int(s)): d.isoformat() for a, s, d in zip(df.article_id, df.start, df.value_day) if not pd.isna(d)}
        assert got == want and len(got) >= 5
        assert len(df[df.published_day >= datetime.date(2022, 1, 7)]) == sum(1 for r in recs for _ in r["entities"] if pubs[r["id"]] in ("2022-01-08", "2022-03-28"))


def test_the_readme_csv_recipes_keep_the_ids(tmp_path):
    """README: how to read the CSVs back keeping ids as text. An archive named by number
    (`00123.txt`) has ids "00123"; a plain `pd.read_csv` makes them the integers 123."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    recs = _real_output()
    ids = [f"{i:05d}" for i in range(1, len(recs) + 1)]
    for r, i in zip(recs, ids):
        r["id"] = i
    want = [r["id"] for r in recs for _ in r["entities"]]
    for fmt, name in (("csv", "outputs/articles.csv"), ("csv-excel", "articles.excel.csv")):
        p = interop.export(recs, fmt, tmp_path)
        call = re.search(r"`(pd\.read_csv\(\"" + re.escape(name) + r"\"[^`]*\))`", readme).group(1)
        df = eval(call.replace(f'"{name}"', repr(str(p))), {"pd": pd})
        assert list(df.article_id) == want, fmt
        assert list(df.columns) == interop.TABLE_COLUMNS
    assert list(pd.read_csv(tmp_path / "articles.csv").article_id)[:1] == [1]  # why the recipe is there


def test_an_imported_span_is_trimmed_and_one_of_punctuation_is_refused(reviewed):
    """An added span from an import that began or ended in whitespace was recorded as it came, and
    one of a question mark and a line end ("?\\n" after the headline of seed 003) was recorded as an
    added entity. Now every new span is trimmed as the review app trims a selection (in
    `make_decision`, so the app's API and every import get it), a span of only punctuation is
    refused naming file and task, and one over a paragraph break is refused so, not a traceback:
    that span alone, the rest of the task (here the accepted guesses) is recorded."""
    aid = "003_402700ddbbeb6917"
    r = art(reviewed, aid)
    text = r["text"]
    q = text.index("?\n")
    task = next(t for t in interop.to_prodigy(reviewed, include_pending=True) if t["meta"]["article_id"] == aid)

    def imported(*spans):
        t = json.loads(json.dumps(task))
        t["spans"] += [{"start": s, "end": e, "label": lab} for s, e, lab in spans]
        t["answer"] = "accept"
        return interop.import_prodigy([(4, t)], reviewed, path="prodigy.jsonl")

    untouched, _ = imported()
    assert untouched and {d["decision"] for d in untouched} == {"accept"}
    ds, ps = imported((q, q + 2, "MISC"))
    assert ps == [f"prodigy.jsonl:4: article {aid}: add “?” [{q}, {q + 1}) is only punctuation; an entity "
                  "is a name, a date or a figure; that span is not recorded, the rest of the task is"]
    assert [d["span"] for d in ds] == [d["span"] for d in untouched]  # the rest of the task
    ds, ps = imported((q - 6, q + 9, "MISC"))  # a word, "?", the paragraph break and the next words
    assert len(ps) == 1 and ps[0].startswith(f"prodigy.jsonl:4: article {aid}: add “{text[q - 6:q + 1]}\n\n") and "runs over a paragraph break" in ps[0]
    assert [d["span"] for d in ds] == [d["span"] for d in untouched]
    k = text.index("Kasachstans Präsident")
    assert not any(e["start"] == k + 12 for e in r["entities"])
    ds, ps = imported((k + 11, k + 22, "MISC"))  # " Präsident" with the space before it
    assert ps == [] and [(d["new"]["start"], d["new"]["end"], d["new"]["text"]) for d in ds if d["decision"] == "add"] == \
        [(k + 12, k + 21, "Präsident")]
    d = dec.make_decision(r, "add", new={"start": k + 11, "end": k + 22, "label": "MISC"}, reviewer="t")  # the app's API alike
    assert (d["span"]["start"], d["span"]["end"], d["new"]["text"]) == (k + 12, k + 21, "Präsident")
    with pytest.raises(ValueError, match="only punctuation"):
        dec.make_decision(r, "add", new={"start": q, "end": q + 2, "label": "MISC"}, reviewer="t")


def test_label_studio_submitted_annotation_without_regions_says_the_article_has_no_entities(reviewed):
    """Label Studio without our snapshot (tasks made in Label Studio from the text): a submitted
    annotation with no region recorded nothing and said nothing. As an accepted Prodigy task with
    no span, it says the text has no entities: every entity of the article is rejected, and the
    console hears, naming the file, how tasks without the snapshot were read. JSON-MIN alike (a row
    with an `annotation_id` and no `label`); JSON-MIN's row of a task nobody annotated
    (`annotation_id` null, as Label Studio's converter writes it) says nothing, also with our
    snapshot (it rejected every exported entity of the article)."""
    r = art(reviewed)
    live = [e for e in r["entities"] if e["status"] != "rejected"]
    assert {e["label"] for e in live} >= {"PER", "LOC", "ORG", "FIGURE"}
    full = {"id": 1, "data": {"text": r["text"]}, "predictions": [],
            "annotations": [{"id": 3, "completed_by": 7, "result": [], "was_cancelled": False, "created_at": "2026-01-01T00:00:00Z"}]}
    json_min = {"id": 1, "text": r["text"], "annotator": 7, "annotation_id": 3, "created_at": "2026-01-01T00:00:00Z"}
    for task in (full, json_min):
        notices = []
        decisions, problems = interop.import_label_studio([(2, task)], reviewed, path="ls.json", warn=notices.append)
        assert problems == []
        assert sorted((d["decision"], d["span"]["start"], d["label"]) for d in decisions) == \
            sorted(("reject", e["start"], e["label"]) for e in live)
        assert {d["reviewer"] for d in decisions} == {"import:label-studio:7"}
        assert len(notices) == 1 and notices[0].startswith("ls.json: 1 task carries no Presseschau snapshot"), notices
    ours = next(t for t in interop.to_label_studio(reviewed) if t["data"]["article_id"] == ART)
    unannotated = dict(ours["data"], id=1, annotator=None, annotation_id=None, created_at=None, updated_at=None, lead_time=None)
    assert interop.import_label_studio([unannotated], reviewed) == ([], [])
    assert interop.import_label_studio([dict(json_min, annotator=None, annotation_id=None)], reviewed) == ([], [])
    assert interop.import_label_studio([dict(full, annotations=[])], reviewed) == ([], [])
    # a project whose Labels tag is named otherwise: JSON-MIN keys its regions so; not read as "no entities"
    ner = dict(json_min, ner=[{"start": 0, "end": 3, "text": r["text"][:3], "labels": ["ORG"]}])
    assert interop.import_label_studio([(2, ner)], reviewed, path="ls.json") == \
        ([], ["ls.json:2: regions under 'ner' are not read (JSON-MIN names them after the Labels tag; presseschau's config "
              "calls it 'label'); task skipped"])


def test_a_tools_own_row_ids_do_not_send_a_task_to_another_article(reviewed):
    """doccano and Label Studio number the rows of their export 1, 2, 3 ... in their own order; the
    import matched a task by that id before its text, so in a run of `1.txt` ... `5.txt` (ids
    "1" ... "5") the row doccano numbered 1 went to article "1" whatever its text: every span of it
    "could not be placed in article 1", the task skipped. The text's hash comes before the tool's id."""
    import copy

    recs = copy.deepcopy(reviewed)
    for k, r in enumerate(recs, 1):
        r["id"] = str(k)
    rows = list(reversed(interop.to_doccano(recs)))  # the tool's order, not ours
    gone = {row["article_id"]: row["label"][0] for row in rows}  # the annotator deleted each article's first span
    tool = [{"id": n, "text": row["text"], "label": row["label"][1:], "Comments": []} for n, row in enumerate(rows, 1)]
    json_min = [{"id": n, "text": row["text"], "annotator": 1, "annotation_id": 10 + n,
                 "label": [{"start": s, "end": e, "text": row["text"][s:e], "labels": [lab]} for s, e, lab in row["label"][1:]]}
                for n, row in enumerate(rows, 1)]
    assert [t["id"] for t in tool] != [int(row["article_id"]) for row in rows]  # ids that collide with other articles'
    for decisions, problems in (interop.import_doccano(tool, recs), interop.import_label_studio(json_min, recs)):
        assert problems == []
        by_id = {r["id"]: r for r in recs}
        assert all(d["text_sha256"] == dec.text_sha256(by_id[d["article_id"]]["text"]) for d in decisions)
        assert {(d["article_id"], d["span"]["start"], d["span"]["end"], d["label"]) for d in decisions if d["decision"] == "reject"} \
            == {(aid, s, e, lab) for aid, (s, e, lab) in gone.items()}


@pytest.mark.parametrize("fmt", ["prodigy", "docbin"])
def test_a_reviewed_only_export_of_a_run_nobody_reviewed_says_it_holds_nothing(tmp_path, fmt):
    """Prodigy and DocBin exports carry reviewed entities only: of the seed run with no decision
    the file holds none, and the export says so and names --include-pending (it said "Wrote ...
    455 entities before filtering" over an empty file). A run with one decision is not warned of."""
    recs = sample_records(ROOT / "corpus")
    said: list[str] = []
    interop.export(recs, fmt, tmp_path / f"x.{fmt}", warn=said.append)
    assert len(said) == 1 and "--include-pending" in said[0] and "reviewed entities only" in said[0]
    r = next(x for x in recs if x["id"] == ART)
    one, _ = apply_decisions(recs, [dec.make_decision(r, "accept", ent(r, "Kasachstan"), reviewer="anna")])
    said.clear()
    interop.export(one, fmt, tmp_path / f"y.{fmt}", warn=said.append)
    assert not any("--include-pending" in m for m in said)


def test_a_task_whose_text_two_articles_share_is_not_sent_to_the_last_of_them(reviewed):
    """Two articles with the same text (the same agency report saved twice): a task without our
    snapshot (made in the tool from the text) was matched by its text to the last of them, and its
    decisions recorded there without a word. Now such a task is named, with the articles it could
    be, and skipped; a task of our export names its article and goes to it."""
    import copy

    r = art(reviewed)
    twin = dict(copy.deepcopy(r), id="zz_twin")
    recs = reviewed + [twin]
    live = [e for e in r["entities"] if e["status"] != "rejected"]
    gone = next(e for e in live if e["text"] == "Kasachstan")
    kept = [e for e in live if e is not gone]
    doccano = {"id": 1, "text": r["text"], "label": [[e["start"], e["end"], e["label"]] for e in kept], "Comments": []}
    prodigy = {"text": r["text"], "spans": [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in kept],
               "answer": "accept", "_view_id": "ner_manual"}
    ls_min = {"id": 1, "text": r["text"], "annotator": 7, "annotation_id": 3,
              "label": [{"start": e["start"], "end": e["end"], "text": e["text"], "labels": [e["label"]]} for e in kept]}
    for imp, row in ((interop.import_doccano, doccano), (interop.import_prodigy, prodigy), (interop.import_label_studio, ls_min)):
        decisions, problems = imp([(3, row)], recs, path="tool.jsonl")
        assert decisions == [], imp.__name__
        assert len(problems) == 1 and problems[0].startswith(f"tool.jsonl:3: its text is that of 2 articles ({ART}, zz_twin)"), problems
        # the same task with the article's id goes to that article, not to its twin
        decisions, problems = imp([(3, dict(row, article_id=ART))], recs, path="tool.jsonl")
        assert problems == [] and decisions and {d["article_id"] for d in decisions} == {ART}, imp.__name__
        assert ("reject", gone["start"]) in {(d["decision"], d["span"]["start"]) for d in decisions}
    # our export's tasks name their article: each goes to its own
    tasks = [t for t in interop.to_doccano(recs) if t["article_id"] in (ART, "zz_twin")]
    for t in tasks:
        t["label"] = [x for x in t["label"] if x[:2] != [gone["start"], gone["end"]]]
    decisions, problems = interop.import_doccano(tasks, recs)
    assert problems == [] and sorted(d["article_id"] for d in decisions) == [ART, "zz_twin"]


def test_an_imported_span_that_cuts_a_word_is_named_and_refused_alone(reviewed):
    """A span from an import that began or ended inside a word (a Label Studio region dragged one
    letter short, "assym-Jomart Tokajew"; "Putin" of "Putins") was recorded as it came: a
    correction or an added entity of part of a word. The review app snaps a selection to whole
    words and its API refuses a sub-word unless asked for; spaCy and Prodigy leave out a span that
    does not align with the tokens. An import cannot ask the annotator: such a span is refused,
    named with file, line, article and the whole words, that span alone (the rest of the task is
    recorded; until session 27 the whole task was skipped); whole words are taken."""
    r = art(reviewed)
    text = r["text"]
    k = text.index("Kassym-Jomart Tokajew")
    p = text.index("Putins")
    g = text.index("Russlands")
    ours = next(t for t in interop.to_label_studio(reviewed) if t["data"]["article_id"] == ART)
    result = json.loads(json.dumps(ours["predictions"][0]["result"]))
    region = next(x for x in result if x["type"] == "labels" and (x["value"]["start"], x["value"]["end"]) == (k, k + 21))
    region["value"]["start"] = k + 1
    task = dict(ours, annotations=[{"id": 1, "completed_by": 7, "result": result, "was_cancelled": False}])
    ds, ps = interop.import_label_studio([(2, task)], reviewed, path="ls.json")
    assert ps == [f"ls.json:2: article {ART}: correct “assym-Jomart Tokajew” cuts the word “Kassym”; whole words: “Kassym-Jomart Tokajew” "
                  f"[{k}, {k + 21}); that span is not recorded, the rest of the task is"]
    # the rest: the submitted task's pending guesses accepted, the region cut short left as it was (pending)
    assert ds and {d["decision"] for d in ds} == {"accept"} and k not in {d["span"]["start"] for d in ds}
    assert ent(art(apply_decisions(reviewed, ds)[0]), "Kassym-Jomart Tokajew")["status"] == "pending"
    prodigy = next(t for t in interop.to_prodigy(reviewed, include_pending=True) if t["meta"]["article_id"] == ART)

    def answered(start, end):
        t = json.loads(json.dumps(prodigy))
        t["spans"].append({"start": start, "end": end, "label": "PER"})
        t["answer"] = "accept"
        return interop.import_prodigy([(5, t)], reviewed, path="prodigy.jsonl")

    ds, ps = answered(p, p + 5)
    assert ps == [f"prodigy.jsonl:5: article {ART}: add “Putin” cuts the word “Putins”; whole words: “Putins” "
                  f"[{p}, {p + 6}); that span is not recorded, the rest of the task is"]
    assert ds and {d["decision"] for d in ds} == {"accept"}
    ds, ps = answered(p, p + 6)
    assert ps == [] and [(d["span"]["start"], d["span"]["end"]) for d in ds if d["decision"] == "add"] == [(p, p + 6)]
    doccano = {"id": 1, "text": text, "label": [[g, g + 8, "LOC"]]}  # made in doccano: "Russland" of "Russlands"
    ds, ps = interop.import_doccano([(3, doccano)], reviewed, path="doccano.jsonl")
    assert ps == [f"doccano.jsonl:3: article {ART}: add “Russland” cuts the word “Russlands”; whole words: “Russlands” "
                  f"[{g}, {g + 9}); that span is not recorded, the rest of the task is"]
    # made in doccano: the example is the complete annotation of LOC; the refused span is not read as "no Russlands"
    assert all(d["decision"] == "reject" and d["label"] == "LOC" for d in ds) and g not in {d["span"]["start"] for d in ds}
    # the review app's explicit sub-word (its API checks the words itself, `subword: true` overrides) is still made
    d = dec.make_decision(r, "add", new={"start": p, "end": p + 5, "label": "PER"}, reviewer="t")
    assert d["new"]["text"] == "Putin"


def test_refused_spans_of_one_task_are_refused_alone_and_the_rest_of_the_task_is_recorded(reviewed):
    """Session 27: a task with one region of only punctuation, one over a paragraph break or one
    that cuts a word was skipped whole: the annotator's relabel and deletion in the same task were
    lost (exit 1, "task skipped"). As an overlapping span, each such span is refused alone, named
    with file:line, article, the span's text and the reason; the rest of the task is recorded
    (one path for every refused span: `errors.RefusedSpan`). Seed 002, Label Studio's JSON export."""
    aid = "002_952582db0378b41f"
    r = art(reviewed, aid)
    text = r["text"]
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == aid)
    result = json.loads(json.dumps([x for x in t["predictions"][0]["result"] if x["type"] == "labels"]))
    ukr, rus = ent(r, "Ukraine"), ent(r, "Russland")
    for x in result:
        if (x["value"]["start"], x["value"]["end"]) == (ukr["start"], ukr["end"]):
            x["value"]["labels"] = ["MISC"]  # relabelled
    result = [x for x in result if x["value"]["start"] != rus["start"]]  # deleted
    dot = text.index("Sowjetunion.") + len("Sowjetunion")
    brk = text.index("gesprochen.\n\nEs") + len("gesprochen.")
    sub = text.index("Sowjetrepublik")

    def region(s, e, rid):
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": s, "end": e, "text": text[s:e], "labels": ["MISC"]}}

    result += [region(dot, dot + 1, "n1"), region(brk - 11, brk + 8, "n2"), region(sub, sub + 13, "n3")]
    task = dict(t, annotations=[{"id": 1, "completed_by": 7, "result": result, "was_cancelled": False}])
    ds, ps = interop.import_label_studio([(3, task)], reviewed, path="ls.json")
    head = f"ls.json:3: article {aid}: add “"
    tail = "; that span is not recorded, the rest of the task is"
    assert len(ps) == 3 and all(p.startswith(head) and p.endswith(tail) for p in ps), ps
    why = " | ".join(ps)
    assert f"add “.” [{dot}, {dot + 1}) is only punctuation" in why
    assert f"add “{text[brk - 11:brk + 8]}…” runs over a paragraph break" in why
    assert "add “Sowjetrepubli” cuts the word “Sowjetrepublik”" in why
    changed = sorted((d["decision"], d["span"]["text"], (d.get("new") or {}).get("label")) for d in ds if d["decision"] != "accept")
    assert changed == [("correct", "Ukraine", "MISC"), ("reject", "Russland", None)]
    assert not any(d["decision"] == "add" for d in ds)
    out = art(apply_decisions(reviewed, ds)[0], aid)
    assert ent(out, "Ukraine", "MISC")["status"] == "corrected" and ent(out, "Russland")["status"] == "rejected"
    assert {e["status"] for e in out["entities"] if e["start"] not in (ukr["start"], rus["start"])} <= {"accepted", "corrected", "rejected"}


def test_a_date_value_that_is_no_day_is_refused_from_label_studio_and_the_review(reviewed):
    """A DATE value edited in Label Studio's values TextArea (or typed in the review app) was
    checked for its shape only: "2022-02-30", "2022-13-01", "2021-W53" were recorded as corrected
    values (the Parquet export's `value_day` then null, `validate` content), as `run` leaves out a
    `published` that is no date. Now such a value is refused: the import names file, line and
    region and leaves that region's values out; a real day is taken."""
    aid = "002_952582db0378b41f"
    r = art(reviewed, aid)
    date = next(e for e in r["entities"] if e["label"] == "DATE" and e["text"] == "28.03.2022")
    ours = next(t for t in interop.to_label_studio(reviewed) if t["data"]["article_id"] == aid)
    rid = next(x["id"] for x in ours["predictions"][0]["result"] if x["type"] == "labels" and x["value"]["start"] == date["start"])

    def edited(value):
        result = json.loads(json.dumps(ours["predictions"][0]["result"]))
        box = next(x for x in result if x["type"] == "textarea" and x["id"] == rid)
        box["value"]["text"] = [f"value: {value}" if ln.startswith("value:") else ln for ln in box["value"]["text"]]
        task = dict(ours, annotations=[{"id": 1, "completed_by": 7, "result": result, "was_cancelled": False}])
        return interop.import_label_studio([(6, task)], reviewed, path="ls.json")

    for bad, why in (("2022-02-30", "2022-02 has no day 30"), ("2022-13-01", "there is no month 13"), ("2021-W53", "2021 has no week 53")):
        ds, ps = edited(bad)
        assert [d for d in ds if d["decision"] == "correct"] == [] and \
            ps == [f"ls.json:6: region {rid} ('28.03.2022' DATE): values not read: DATE value '{bad}' is no date: {why}"], ps
    ds, ps = edited("2022-03-29")
    assert ps == [] and [(d["decision"], d["new"]["value"]) for d in ds if d["decision"] == "correct"] == [("correct", "2022-03-29")]
    with pytest.raises(ValueError, match="no day 29"):  # the review app's value edit alike
        dec.make_decision(r, "correct", date, {"value": "2022-02-29"}, reviewer="t")
    assert dec.make_decision(r, "correct", date, {"value": "2024-02-29"}, reviewer="t")["new"]["value"] == "2024-02-29"


def test_an_export_found_by_its_text_in_a_run_of_other_ids_keeps_its_snapshot(reviewed):
    """The same texts run again under other ids (`corpus/001_….txt` copied to `in/b.txt`): a task of
    the earlier export is found by its text, but its snapshot, naming the old id, was dropped, and
    the task read as if made in the tool: the untouched doccano file accepted every pending guess
    and rejected what overlapped (Prodigy: 133 decisions of an untouched export of the seed run),
    with the notice that the tasks carry no snapshot. A snapshot of the article's very text is the
    article's: untouched records nothing, and a deleted span is that one rejection."""
    import copy

    rows = interop.to_doccano(reviewed)
    renamed = copy.deepcopy(reviewed)
    for r in renamed:
        r["id"] = "in/" + r["id"][:3]
    notices: list[str] = []
    assert interop.import_doccano(rows, renamed, warn=notices.append) == ([], []) and notices == []
    task = next(t for t in rows if t["article_id"] == ART)
    gone = task["label"][0]
    edited = [dict(t, label=t["label"][1:]) if t is task else t for t in rows]
    decisions, problems = interop.import_doccano(edited, renamed, warn=notices.append)
    assert problems == [] and notices == []
    assert [(d["decision"], d["article_id"], d["span"]["start"], d["span"]["end"], d["label"]) for d in decisions] == \
        [("reject", "in/001", *gone)]


def test_a_completed_task_accepts_the_guesses_it_showed_pending_not_an_accept_undone_since(reviewed):
    """An accepted Prodigy task and a submitted Label Studio annotation accept the pending guesses
    they kept. They also accepted an entity exported as accepted whose accept was undone in the
    review app after the export ("Kasachstan", pending again): the task re-accepted it over the
    reviewer's undo, though the annotator saw it as reviewed, not as a guess (of a task the export
    answered "accept" itself, a file untouched in Prodigy did so). What was exported reviewed is left
    as the log has it now; the guesses the task showed pending are accepted."""
    r = art(reviewed)
    kas = ent(r, "Kasachstan")
    assert kas["status"] == "accepted"
    accept = next(d for d in LOG["decisions"] if d["decision"] == "accept")
    undone, _ = apply_decisions(LOG["base"], LOG["decisions"] + [dec.make_decision(r, "undo", undoes=[accept["id"]], reviewer="anna")])
    assert ent(art(undone), "Kasachstan")["status"] == "pending"
    prodigy = next(t for t in interop.to_prodigy(reviewed, include_pending=True) if t["meta"]["article_id"] == ART)
    ls = next(t for t in interop.to_label_studio(reviewed) if t["data"]["article_id"] == ART)
    pending_shown = {(x["value"]["start"], x["value"]["end"]) for x in ls["predictions"][0]["result"] if x.get("meta")}
    assert pending_shown == {(s["start"], s["end"]) for s in prodigy["spans"] if s.get("status") == "pending"}
    assert pending_shown and (kas["start"], kas["end"]) not in pending_shown
    submitted = dict(ls, annotations=[{"id": 1, "completed_by": 7, "result": ls["predictions"][0]["result"], "was_cancelled": False}])
    for decisions, problems in (interop.import_prodigy([dict(prodigy, answer="accept")], undone),
                                interop.import_label_studio([submitted], undone)):
        assert problems == []
        assert {d["decision"] for d in decisions} == {"accept"} and \
            {(d["span"]["start"], d["span"]["end"]) for d in decisions} == pending_shown


def test_prodigy_an_annotators_later_reject_or_ignore_takes_their_accept_back(reviewed):
    """README: in a Prodigy `db-out` "each one's last answer counts". An annotator who accepted a
    task and later answered it "reject" or "ignore" still had the accept's decisions recorded (the
    deleted "Kreml" rejected, every pending guess accepted). The last answer per annotator and task
    counts: by Prodigy's `_timestamp` where the answers have one, else in file order."""
    r = art(reviewed)
    kreml = ent(r, "Kreml")
    t = next(x for x in interop.to_prodigy(reviewed, include_pending=True) if x["meta"]["article_id"] == ART)
    acc = dict(t, answer="accept", _annotator_id="ds-anna", spans=[s for s in t["spans"] if s["start"] != kreml["start"]])
    accepted, problems = interop.import_prodigy([acc], reviewed)
    assert problems == [] and ("reject", "Kreml") in {(d["decision"], d["span"]["text"]) for d in accepted}
    for later in ("reject", "ignore"):
        assert interop.import_prodigy([acc, dict(t, answer=later, _annotator_id="ds-anna")], reviewed) == ([], [])
        # by time, not by place in the file
        assert interop.import_prodigy([dict(t, answer=later, _annotator_id="ds-anna", _timestamp=1700000200),
                                       dict(acc, _timestamp=1700000100)], reviewed) == ([], [])
        decisions, problems = interop.import_prodigy([dict(acc, _timestamp=1700000300),
                                                      dict(t, answer=later, _annotator_id="ds-anna", _timestamp=1700000200)], reviewed)
        assert problems == [] and _says(decisions) == _says(accepted)
    # a task without an answer is none: it takes nothing back
    unanswered = {k: v for k, v in t.items() if k != "answer"}
    decisions, _ = interop.import_prodigy([acc, dict(unanswered, _annotator_id="ds-anna")], reviewed)
    assert _says(decisions) == _says(accepted)
    # another annotator's later reject takes nothing back
    decisions, _ = interop.import_prodigy([acc, dict(t, answer="reject", _annotator_id="ds-ben")], reviewed)
    assert _says(decisions) == _says(accepted)
    # binary: the span's last answer
    b = next(x for x in interop.to_prodigy(reviewed, mode="binary", include_pending=True)
             if x["meta"]["article_id"] == ART and x["spans"][0]["start"] == kreml["start"])
    assert b["answer"] == "ignore"
    yes, no = dict(b, answer="accept", _annotator_id="ds-anna"), dict(b, answer="reject", _annotator_id="ds-anna")
    assert interop.import_prodigy([yes, dict(b, _annotator_id="ds-anna")], reviewed) == ([], [])
    decisions, _ = interop.import_prodigy([yes, no], reviewed)
    assert [(d["decision"], d["span"]["text"]) for d in decisions] == [("reject", "Kreml")]


def _says(decisions):
    return sorted((d["decision"], d["span"]["start"], d["span"]["end"], d["label"], d["reviewer"]) for d in decisions)


def test_label_studio_annotation_ids_of_mixed_types_without_times(tmp_path, reviewed):
    """Label Studio annotations whose ids are of mixed types ("x" and 3) and that carry no time:
    ordering them was a TypeError traceback. The later one in the list is the annotator's latest."""
    r = art(reviewed)
    kreml = ent(r, "Kreml")
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    res = t["predictions"][0]["result"]
    t["annotations"] = [{"id": 3, "result": res, "completed_by": 7},
                        {"id": "x", "result": [x for x in res if x["value"]["start"] != kreml["start"]], "completed_by": 7}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([t], ensure_ascii=False), encoding="utf-8")
    decisions, problems = interop.import_file("label-studio", path, reviewed)
    assert problems == []
    assert ("reject", "Kreml") in {(d["decision"], d["span"]["text"]) for d in decisions}
    t["annotations"].reverse()
    path.write_text(json.dumps([t], ensure_ascii=False), encoding="utf-8")
    decisions, problems = interop.import_file("label-studio", path, reviewed)
    assert problems == [] and "reject" not in {d["decision"] for d in decisions}


def test_an_article_twice_in_a_doccano_or_label_studio_file_is_recorded_once(reviewed):
    """An article imported into doccano or Label Studio twice comes back as two tasks. Each copy
    recorded its decisions: the log got every reject twice, in two batches, and undoing one import
    batch in the app left the other. Copies that say the same are recorded once; of copies that
    differ the later one in the file is, and a problem names the file, the lines and the article;
    an untouched copy says nothing."""
    r = art(reviewed)
    kreml, tok = ent(r, "Kreml"), ent(r, "Kassym-Jomart Tokajew")
    row = next(x for x in interop.to_doccano(reviewed) if x["article_id"] == ART)
    no_kreml = dict(row, label=[x for x in row["label"] if x[0] != kreml["start"]])
    no_tok = dict(row, label=[x for x in row["label"] if x[0] != tok["start"]])
    decisions, problems = interop.import_doccano([no_kreml, row, dict(no_kreml)], reviewed, path="d.jsonl")
    assert problems == []
    assert [(d["decision"], d["span"]["text"]) for d in decisions] == [("reject", "Kreml")]
    decisions, problems = interop.import_doccano([no_kreml, no_tok, row], reviewed, path="d.jsonl")
    assert [(d["decision"], d["span"]["text"]) for d in decisions] == [("reject", "Kassym-Jomart Tokajew")]
    assert len(problems) == 1 and problems[0].startswith("d.jsonl:2: article 001_660f1e0e655a289c was changed in 2 tasks") \
        and "lines 1, 2" in problems[0] and "not line 1's" in problems[0], problems
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    res = t["predictions"][0]["result"]
    sub = dict(t, annotations=[{"id": 1, "completed_by": 7, "result": [x for x in res if x["value"]["start"] != kreml["start"]]}])
    decisions, problems = interop.import_label_studio([sub, dict(t), dict(sub)], reviewed, path="ls.json")
    assert problems == []
    assert len({d["batch"] for d in decisions}) == 1
    assert [(d["decision"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"] == [("reject", "Kreml")]
    # two annotators of the copies: each one's counts
    other = dict(t, annotations=[{"id": 2, "completed_by": 8, "result": [x for x in res if x["value"]["start"] != tok["start"]]}])
    decisions, problems = interop.import_label_studio([sub, other], reviewed, path="ls.json")
    assert problems == [] and {(d["reviewer"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"} == \
        {("import:label-studio:7", "Kreml"), ("import:label-studio:8", "Kassym-Jomart Tokajew")}


def test_a_span_the_tool_deleted_or_relabelled_and_the_app_corrected_since_the_export_is_named(reviewed):
    """After the export a reviewer relabelled "Kreml" (ORG -> LOC) in the review app; in the tool the
    annotator deleted it, or relabelled it MISC. The deletion was dropped without a word (no entity
    at the exported span any more), and the relabel came back as an added "Kreml" MISC beside the
    reviewer's LOC. The review app's entity stays; the tool's change of it is not recorded, and a
    problem names the file, line, article and entity; the rest of the task is recorded."""
    r = art(reviewed)
    kreml, tok = ent(r, "Kreml"), ent(r, "Kassym-Jomart Tokajew")
    row = next(x for x in interop.to_doccano(reviewed) if x["article_id"] == ART)
    ls = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    fix = dec.make_decision(r, "correct", kreml, {"label": "LOC"}, reviewer="anna")
    now, flagged = apply_decisions(LOG["base"], LOG["decisions"] + [fix])
    assert not flagged
    for to in (None, "MISC", "LOC"):
        label = [[s, e, to or lab] if s == kreml["start"] else [s, e, lab] for s, e, lab in row["label"]
                 if not (to is None and s == kreml["start"]) and s != tok["start"]]
        res = [dict(x, value=dict(x["value"], labels=[to or x["value"]["labels"][0]])) if x["value"]["start"] == kreml["start"] else x
               for x in ls["predictions"][0]["result"] if not (to is None and x["value"]["start"] == kreml["start"])
               and x["value"]["start"] != tok["start"]]
        sub = dict(ls, annotations=[{"id": 1, "completed_by": 7, "result": res}])
        for decisions, problems in (interop.import_doccano([dict(row, label=label)], now, path="d.jsonl"),
                                    interop.import_label_studio([sub], now, path="ls.json")):
            assert ("reject", "Kassym-Jomart Tokajew") in {(d["decision"], d["span"]["text"]) for d in decisions}
            assert not any(d["span"]["start"] == kreml["start"] and d["decision"] != "accept" for d in decisions), decisions
            out = art(apply_decisions(LOG["base"], LOG["decisions"] + [fix] + decisions)[0])
            assert [(e["label"], e["status"]) for e in out["entities"] if e["start"] == kreml["start"]] == [("LOC", "corrected")]
            if to == "LOC":  # the tool did what the app did: no conflict
                assert problems == []
                continue
            assert len(problems) == 1, problems
            assert problems[0].split(":")[0] in ("d.jsonl", "ls.json") and "article 001_660f1e0e655a289c: 'Kreml' ORG" in problems[0] \
                and "now 'Kreml' LOC" in problems[0] and ("deleted it" if to is None else "made it 'Kreml' MISC") in problems[0], problems
    # Prodigy's binary task of "Kreml" ORG answered in the tool: the reject was dropped without a word, the accept
    # added "Kreml" ORG back beside the reviewer's LOC
    b = next(x for x in interop.to_prodigy(reviewed, mode="binary", include_pending=True)
             if x["meta"]["article_id"] == ART and x["spans"][0]["start"] == kreml["start"])
    for answer in ("reject", "accept"):
        decisions, problems = interop.import_prodigy([dict(b, answer=answer)], now, path="p.jsonl")
        assert decisions == [] and len(problems) == 1 and problems[0].startswith("p.jsonl:1: article 001_660f1e0e655a289c: 'Kreml' ORG") \
            and f"the tool answered {answer!r}" in problems[0], problems


def test_import_holds_the_logs_lock_from_its_check_to_its_append(tmp_path, monkeypatch):
    """The review README: a decision is checked and appended under the log's lock, "between processes
    too (several servers, or `presseschau import`, on one log)". `presseschau import` read the log, made
    its decisions against it and appended them without holding the lock in between: a reviewer's
    decision appended meanwhile by the review app was neither seen nor refused. Another process now
    cannot take the lock while the import decides."""
    import subprocess
    import sys

    from typer.testing import CliRunner

    from pipeline.cli import app

    data = tmp_path / "outputs"
    data.mkdir()
    base = sample_records(ROOT / "corpus")
    (data / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in base), encoding="utf-8")
    ann = tmp_path / "annotations"
    r = art(base)
    dec.DecisionStore(ann).append([dec.make_decision(r, "accept", ent(r, "Kasachstan"), reviewer="anna")])
    t = next(x for x in interop.to_doccano(base) if x["article_id"] == ART)
    t["label"] = t["label"][1:]
    (tmp_path / "d.jsonl").write_text(json.dumps(t, ensure_ascii=False) + "\n", encoding="utf-8")
    probe = ("import fcntl, os, sys\nfd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND)\n"
             "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n    print('free')\nexcept BlockingIOError:\n    print('held')\n")
    seen = []
    real = interop.import_file

    def deciding(*a, **kw):  # another process tries to append while the import decides
        seen.append(subprocess.run([sys.executable, "-c", probe, str(ann / dec.DECISIONS_FILE)], capture_output=True, text=True,
                                   timeout=60).stdout.strip())
        return real(*a, **kw)

    monkeypatch.setattr(interop, "import_file", deciding)
    res = CliRunner().invoke(app, ["import", "doccano", str(tmp_path / "d.jsonl"), "--data", str(data), "-a", str(ann)])
    assert res.exit_code == 0, res.output
    assert seen == ["held"]
    assert [d["decision"] for d in dec.load_decisions(ann)] == ["accept", "reject"]


def test_a_tool_span_overlapping_one_the_app_kept_is_refused_as_in_the_app(reviewed):
    """A reviewer accepted "Kassym-Jomart Tokajew" in the app; in Label Studio (which keeps
    overlapping regions) the annotator added "Tokajew" inside it and left the accepted region as it
    was: the import recorded the add, and both were kept, overlapping. It is refused as the review
    app refuses it (named with file, line, article and the entity kept; exit 1), that span alone:
    the rest of the task (here a region deleted) is recorded (session 27: the whole task was
    skipped). Two new overlapping regions of one task are refused alike; a region re-bounded over
    the kept one's words, or one that replaces a region the task deletes, is a correction, as before."""
    r = art(reviewed)
    tok = ent(r, "Kassym-Jomart Tokajew")
    now, _ = apply_decisions(LOG["base"], LOG["decisions"] + [dec.make_decision(art(LOG["base"]), "accept", ent(art(LOG["base"]), "Kassym-Jomart Tokajew"), reviewer="anna")])
    t = next(x for x in interop.to_label_studio(now) if x["data"]["article_id"] == ART)
    res = [x for x in t["predictions"][0]["result"] if x["type"] == "labels"]
    inner = r["text"].index("Tokajew", tok["start"])
    wide = r["text"].index("Präsident Kassym-Jomart")

    def region(s, e, label="PER", rid="n1"):
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": s, "end": e, "text": r["text"][s:e], "labels": [label]}}

    def submit(result):
        return interop.import_label_studio([dict(t, annotations=[{"id": 1, "completed_by": 7, "result": result}])], now, path="ls.json")

    kreml = ent(r, "Kreml")
    decisions, problems = submit([x for x in res if x["value"]["start"] != kreml["start"]] + [region(inner, tok["end"])])
    assert len(problems) == 1 and problems[0].startswith(f"ls.json:1: article {ART}: add “Tokajew”") \
        and "overlaps “Kassym-Jomart Tokajew” PER" in problems[0] and "by anna" in problems[0] \
        and "that span is not recorded, the rest of the task is" in problems[0], problems
    assert [(d["decision"], d["span"]["text"]) for d in decisions if d["decision"] != "accept"] == [("reject", "Kreml")]  # the rest of the task
    assert (inner, tok["end"]) not in {(d["span"]["start"], d["span"]["end"]) for d in decisions}
    # two new overlapping regions (the accepted one deleted): the second is refused, the first recorded
    decisions, problems = submit([x for x in res if x["value"]["start"] != tok["start"]] + [region(wide, tok["end"]), region(inner, tok["end"], rid="n2")])
    assert len(problems) == 1 and "that the same task keeps" in problems[0] and "the rest of the task is" in problems[0], problems
    assert [(d["decision"], d["span"]["text"], d["new_span"]["text"]) for d in decisions if d["decision"] != "accept"] == \
        [("correct", "Kassym-Jomart Tokajew", "Präsident Kassym-Jomart Tokajew")]
    # the accepted region deleted and a wider one drawn: one correction of it
    decisions, problems = submit([x for x in res if x["value"]["start"] != tok["start"]] + [region(wide, tok["end"])])
    assert problems == [] and [(d["decision"], d["span"]["text"], d["new_span"]["text"]) for d in decisions if d["decision"] == "correct"] == \
        [("correct", "Kassym-Jomart Tokajew", "Präsident Kassym-Jomart Tokajew")]
    out = art(apply_decisions(LOG["base"], LOG["decisions"] + decisions)[0])
    assert [(e["text"], e["status"]) for e in out["entities"] if e["start"] < tok["end"] and tok["start"] < e["end"]] == \
        [("Präsident Kassym-Jomart Tokajew", "corrected")]


def test_label_studio_json_min_copies_of_an_article_the_latest_annotation_counts(reviewed):
    """An article imported into Label Studio twice, exported as JSON-MIN: two rows of one annotator
    that differ. The later row in the file was recorded, whatever the rows' `updated_at` said (a
    JSON-MIN export lists tasks by task id, not by when they were annotated). The row annotated last
    counts (`updated_at`, else `created_at`, then `annotation_id`, as of one task's annotations in
    the JSON export), and the problem says which and why."""
    r = art(reviewed)
    kreml, tok = ent(r, "Kreml"), ent(r, "Kassym-Jomart Tokajew")
    t = next(x for x in interop.to_label_studio(reviewed) if x["data"]["article_id"] == ART)
    regions = [{"start": x["value"]["start"], "end": x["value"]["end"], "text": x["value"]["text"], "labels": x["value"]["labels"]}
               for x in t["predictions"][0]["result"] if x["type"] == "labels"]

    def row(task_id, without, ann_id, updated=None):
        out = {"id": task_id, "text": t["data"]["text"], "article_id": ART, "presseschau": t["data"]["presseschau"], "annotator": 7,
               "annotation_id": ann_id, "label": [x for x in regions if x["start"] != without["start"]]}
        return out | ({"created_at": "2026-03-01T08:00:00Z", "updated_at": updated} if updated else {})

    late = row(1, kreml, 1, "2026-03-02T10:00:00.000000Z")  # first in the file, annotated last
    early = row(2, tok, 2, "2026-03-01T09:00:00.000000Z")
    decisions, problems = interop.import_label_studio([late, early], reviewed, path="min.json")
    assert [(d["decision"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"] == [("reject", "Kreml")]
    assert len(problems) == 1 and problems[0].startswith("min.json:1: article") and "line 1's recorded (the latest" in problems[0] \
        and "not line 2's" in problems[0], problems
    # times in two formats of one second: compared as times, not as text ("...:00Z" sorts after "...:00.5Z" as text)
    late, early = row(1, kreml, 1, "2026-03-02T10:00:00.5Z"), row(2, tok, 2, "2026-03-02T11:00:00+01:00")
    decisions, problems = interop.import_label_studio([early, late], reviewed, path="min.json")
    assert [(d["decision"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"] == [("reject", "Kreml")]
    # no times: the later annotation id
    decisions, problems = interop.import_label_studio([row(1, kreml, 9), row(2, tok, 4)], reviewed, path="min.json")
    assert [(d["decision"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"] == [("reject", "Kreml")]
    # no time, annotation ids that are no numbers: the task id (nothing to go by: test_interop_label_studio.py)
    decisions, problems = interop.import_label_studio([dict(row(1, kreml, 1), annotation_id="a"), dict(row(2, tok, 2), annotation_id="b")],
                                                      reviewed, path="min.json")
    assert [(d["decision"], d["span"]["text"]) for d in decisions if d["decision"] == "reject"] == [("reject", "Kassym-Jomart Tokajew")]
    assert "line 2's recorded (the latest by task id" in problems[0], problems


@pytest.mark.parametrize("tool", ["label-studio", "doccano", "prodigy"])
@pytest.mark.parametrize("to", ["ORG", "LOC"])
def test_a_tool_relabel_after_reject_and_add_on_one_span_is_what_the_annotator_did(tmp_path, tool, to):
    """In the app "ODKB" ORG was rejected and the same span added as MISC; exported, the annotator
    relabels it in the tool, back to the rejected ORG or to LOC: the reviewed view keeps that label
    alone (the other rejected), as the same relabel in the app does."""
    base = sample_records(ROOT / "corpus")
    r = art(base)
    odkb = ent(r, "ODKB")
    s, e = odkb["start"], odkb["end"]
    log = [dec.make_decision(r, "reject", odkb, reviewer="anna")]
    log.append(dec.make_decision(art(apply_decisions(base, log)[0]), "add", new={"start": s, "end": e, "label": "MISC"}, reviewer="anna"))
    now, _ = apply_decisions(base, log)
    p = interop.export(now, tool, tmp_path / ("x.json" if tool == "label-studio" else "x.jsonl"))
    if tool == "label-studio":
        t = next(x for x in json.loads(p.read_text(encoding="utf-8")) if x["data"]["article_id"] == ART)
        res = [dict(x, value=dict(x["value"], labels=[to])) if x["value"]["start"] == s else x for x in t["predictions"][0]["result"] if x["type"] == "labels"]
        rows = [dict(t, annotations=[{"id": 1, "completed_by": 1, "result": res}])]
        p.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    else:
        row = next(x for x in map(json.loads, p.read_text(encoding="utf-8").splitlines()) if SNAP_ID(x) == ART)
        if tool == "doccano":
            row["label"] = [[a, b, to if a == s else lab] for a, b, lab in row["label"]]
        else:
            row["spans"] = [dict(sp, label=to) if sp["start"] == s else sp for sp in row["spans"]]
            row["answer"] = "accept"
        p.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    decisions, problems = interop.import_file(tool, p, now)
    assert problems == []
    out = art(apply_decisions(base, log + decisions)[0])
    assert sorted((x["label"], x["status"]) for x in out["entities"] if (x["start"], x["end"]) == (s, e) and x["status"] != "rejected") == \
        [(to, "accepted" if to == "ORG" else "corrected")]
    assert {x["label"] for x in out["entities"] if (x["start"], x["end"]) == (s, e) and x["status"] == "rejected"} == ({"MISC"} if to == "ORG" else {"ORG"})


def SNAP_ID(task):
    return (task.get("presseschau") or {}).get("article_id")


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
    nk = ent(rec, "Nagornyj Karabach")
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



def test_a_tool_keeping_a_guess_that_overlaps_an_entity_kept_is_refused(reviewed):
    """A reviewer added "Präsident Kassym-Jomart Tokajew" over the model's pending "Kassym-Jomart
    Tokajew"; Label Studio got both (it keeps overlapping regions) and the annotator submitted the
    task as it was: a submitted annotation accepts the pending guesses it kept, and both were kept,
    overlapping. Refused as the review app refuses that accept (named; the task's other accepts
    recorded); deleting one of the two in the tool records the task."""
    base = LOG["base"]
    r = art(base)
    tok = ent(r, "Kassym-Jomart Tokajew")
    wide = r["text"].index("Präsident Kassym-Jomart")
    now, _ = apply_decisions(base, LOG["decisions"] + [dec.make_decision(r, "add", new={"start": wide, "end": tok["end"], "label": "PER"}, reviewer="bob")])
    t = next(x for x in interop.to_label_studio(now) if x["data"]["article_id"] == ART)
    res = [x for x in t["predictions"][0]["result"] if x["type"] == "labels"]
    decisions, problems = interop.import_label_studio([dict(t, annotations=[{"id": 1, "completed_by": 7, "result": res}])], now, path="ls.json")
    assert len(problems) == 1 and problems[0].startswith(f"ls.json:1: article {ART}: accept") \
        and "overlaps “Präsident Kassym-Jomart Tokajew” PER" in problems[0] and "not recorded, the rest of the task is" in problems[0], problems
    assert decisions and "Kassym-Jomart Tokajew" not in {d["span"]["text"] for d in decisions}  # the other pending guesses accepted
    assert all(d["decision"] == "accept" for d in decisions)
    out = art(apply_decisions(base, LOG["decisions"] + [dec.make_decision(r, "add", new={"start": wide, "end": tok["end"], "label": "PER"}, reviewer="bob")] + decisions)[0])
    assert ("Kassym-Jomart Tokajew", "pending") in {(x["text"], x["status"]) for x in out["entities"]}
    kept = [x for x in res if x["value"]["start"] != tok["start"]]
    decisions, problems = interop.import_label_studio([dict(t, annotations=[{"id": 1, "completed_by": 7, "result": kept}])], now, path="ls.json")
    assert problems == [] and ("reject", "Kassym-Jomart Tokajew") in [(d["decision"], d["span"]["text"]) for d in decisions]
