"""The `presseschau run` spine: record contract on the five seeds, CLI exit codes, per-file
errors that do not stop the run, incremental re-runs and review decisions kept."""
from __future__ import annotations

import pytest

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path


from pipeline.ingest import MAX_BYTES
from pipeline.record import validate_record
from pipeline.run import RunOptions, run

from repo_data import REPO, SEEDS, read_news


def _records(out):
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_five_seed_records_keep_the_contract(seed_run):
    out, summary, records = seed_run
    assert [r["id"] for r in records] == [p.stem for p in SEEDS]
    for rec, path in zip(records, SEEDS):
        assert validate_record(rec) == [], rec["id"]
        assert rec["source"]["path"].endswith(path.name)
        import hashlib

        assert rec["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        for ent in rec["entities"]:
            assert rec["text"][ent["start"]:ent["end"]] == ent["text"]
            assert ent["source"] in ("model", "rule") and ent["status"] == "pending"
    assert summary["counts"]["articles"] == 5 and summary["errors"] == []


def test_seed_entities_come_from_a_real_model_and_rules(seed_run):
    _, summary, records = seed_run
    labels = summary["counts"]["labels"]
    for label in ("PER", "ORG", "LOC", "DATE", "FIGURE"):
        assert labels.get(label, 0) > 0, label
    by_text = {(e["text"], e["label"]) for r in records for e in r["entities"]}
    # names every reader of these articles sees: the model must find most of them
    expected = [("Kasachstan", "LOC"), ("Russland", "LOC"), ("Almaty", "LOC"), ("Tokajew", "PER"), ("OVKS", "ORG")]
    found = [x for x in expected if x in by_text]
    assert len(found) >= 4, found


def test_raw_offsets_point_back_into_the_raw_file(seed_run):
    _, _, records = seed_run
    for rec, path in zip(records, SEEDS):
        raw = path.read_text(encoding="utf-8")
        assert rec["source"]["raw_length"] == len(raw)
        for ent in rec["entities"]:
            piece = raw[ent["raw_start"]:ent["raw_end"]]
            # the raw piece is the entity, up to line-end hyphenation and whitespace the cleaner mended
            assert _letters(piece) == _letters(ent["text"]), (piece, ent["text"])
        for rem in rec["removed"]:
            assert raw[rem["start"]:rem["end"]] == rem["text"]


def _letters(s):
    return "".join(ch for ch in s if ch.isalnum())


def test_run_json_says_which_model_and_why(seed_run):
    out, summary, _ = seed_run
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info == summary
    assert info["model"]["name"] and info["model"]["version"] and info["model"]["path"]
    assert "de_core_news_md" in info["model"]["reason"] or "--model" in info["model"]["reason"] or "PRESSESCHAU_MODEL" in info["model"]["reason"]
    assert set(info["timings"]) >= {"total", "annotate", "write"}  # load_model: only where the run loads it (below)


def _cli(*args, cwd=REPO):
    env = dict(os.environ, CI="1")
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_cli_bad_file_is_reported_and_the_rest_processed(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS[3], inp / SEEDS[3].name)
    (inp / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    (inp / "empty.md").write_text("")
    res = _cli("run", str(inp), "--out", str(tmp_path / "out"))
    assert res.returncode == 1, res.stderr
    info = json.loads((tmp_path / "out" / "run.json").read_text())
    kinds = {os.path.basename(e["path"]): e["kind"] for e in info["errors"]}
    assert kinds == {"broken.txt": "binary", "empty.md": "empty"}
    assert "broken.txt" in res.stdout + res.stderr
    recs = _records(tmp_path / "out")
    assert [r["id"] for r in recs] == [SEEDS[3].stem]


def test_a_file_that_cleaning_leaves_empty_is_an_error_not_an_empty_article(tmp_path, nlp_info):
    """A file that holds only what the cleaner removes (a publisher's boilerplate line, a photo
    credit, zero-width spaces: a clipper's stub) became a record with text "" and no entities,
    counted as processed, exit 0. Now it is an `empty` error naming the file; the rest is processed."""
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS[4], inp / SEEDS[4].name)
    line = next(x for x in SEEDS[2].read_text(encoding="utf-8").splitlines() if x.startswith("Die WELT als ePaper"))
    (inp / "stub.txt").write_text(line + "\n", encoding="utf-8")
    (inp / "zwsp.txt").write_text("\u200b\n", encoding="utf-8")
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False), nlp_info)
    errors = {os.path.basename(e["path"]): e for e in summary["errors"]}
    assert {k: e["kind"] for k, e in errors.items()} == {"stub.txt": "empty", "zwsp.txt": "empty"}
    assert "stub.txt: no text left after cleaning" in errors["stub.txt"]["message"] and "boilerplate" in errors["stub.txt"]["message"]
    assert [r["id"] for r in _records(tmp_path / "out")] == [SEEDS[4].stem]


def test_an_article_whose_record_cannot_be_built_is_its_error_not_the_batchs_or_the_runs(tmp_path, nlp_info, monkeypatch, seed_run):
    """An exception while one article's record is built (a bug in `build_record`, a MemoryError) ended
    the run with a traceback and no output with -n 1, and failed every article of its batch with
    -n 2 ("its worker failed"). Now it is that article's `annotate_failed` error, naming its file; the
    other seeds of the same batch are written as an undisturbed run writes them."""
    import pipeline.process as process

    bad = SEEDS[2]
    real = process.build_record

    def build_record(raw, *args, **kwargs):
        if raw.id == bad.stem:
            raise MemoryError("simulated")
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(process, "build_record", build_record)
    inp = tmp_path / "in"
    inp.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, inp / seed.name)
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False), nlp_info)  # one batch of all five seeds
    assert [(os.path.basename(e["path"]), e["kind"]) for e in summary["errors"]] == [(bad.name, "annotate_failed")]
    assert summary["errors"][0]["message"] == f"{inp / bad.name}: building its record failed (MemoryError: simulated)"
    expected = {r["id"]: r["entities"] for r in seed_run[2] if r["id"] != bad.stem}
    assert {r["id"]: r["entities"] for r in _records(tmp_path / "out")} == expected


@pytest.mark.slow
def test_cli_exit_codes(tmp_path):
    ok = _cli("run", str(SEEDS[4]), "--out", str(tmp_path / "ok"))
    assert ok.returncode == 0, ok.stderr
    assert _cli("run", str(SEEDS[4]), "--out", str(tmp_path / "m"), "--model", str(tmp_path / "no-such-model")).returncode == 2
    assert _cli("frobnicate").returncode == 2
    assert _cli("run", str(tmp_path / "does-not-exist"), "--out", str(tmp_path / "x")).returncode == 2  # cannot start: nothing written (issue 15)
    assert _cli("validate", str(tmp_path / "ok" / "articles.jsonl")).returncode == 0


def test_a_run_of_no_article_keeps_the_previous_runs_articles(tmp_path, nlp_info, monkeypatch):
    """An empty folder, an empty JSONL file or inputs that all fail, run into an output folder
    that holds a previous run's articles: they stay as they were (exit 2, one line naming the
    inputs and the output), not replaced by an empty articles.jsonl; --force replaces them."""
    out = tmp_path / "out"
    first = run(RunOptions(paths=list(SEEDS[3:]), out=out, progress=False), nlp_info)
    assert first["counts"]["articles"] == 2
    before = {name: (out / name).read_bytes() for name in ("articles.jsonl", "run.json")}
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    (tmp_path / "nav.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")  # extracted in a worker: no article either
    for name in ("empty", "empty.jsonl", "broken.txt", "nav.html"):
        res = _cli("run", str(tmp_path / name), "--out", str(out))
        assert res.returncode == 2, (name, res.stdout, res.stderr)
        line = " ".join((res.stdout + res.stderr).split())
        assert f"no article found in {tmp_path / name}" in line and str(out / "articles.jsonl") in line, line
        assert "Traceback" not in res.stderr
        assert {n: (out / n).read_bytes() for n in before} == before, name
        if name == "empty":  # no input file at all: exit 2's one line, not after the model's line "ℹ Model: ..."
            assert res.stderr.startswith("✘ no article found in") and len(res.stderr.splitlines()) == 1 and not res.stdout, res.stdout + res.stderr
        # an input file that gives no article (an empty .jsonl, a binary file): its warning and the line, no model's line
        # before them (it was said once the input files were found, as if the run went on)
        assert "Model:" not in res.stdout + res.stderr, (name, res.stdout + res.stderr)
    # asked for: the empty output replaces them, and the run says so
    forced = run(RunOptions(paths=[tmp_path / "empty"], out=out, progress=False, force=True), nlp_info)
    assert forced["counts"]["articles"] == 0 and len(forced["deleted"]) == 2
    assert any("no article found in" in n for n in forced["notices"])
    assert (out / "articles.jsonl").read_bytes() == b""
    # a fresh output folder: the empty output is written, with a notice
    fresh = run(RunOptions(paths=[tmp_path / "empty.jsonl"], out=tmp_path / "fresh", progress=False), nlp_info)
    assert fresh["counts"]["articles"] == 0 and any("no article found in" in n for n in fresh["notices"])
    assert (tmp_path / "fresh" / "articles.jsonl").read_bytes() == b""
    # nothing to process: no model loaded for a web page that gives no article (the -n 1 run loaded it after the page's extraction)
    import pipeline.run as run_module

    loads = []
    monkeypatch.setattr(run_module, "load_nlp", lambda model=None: loads.append(model))
    assert run(RunOptions(paths=[tmp_path / "nav.html"], out=tmp_path / "nav", progress=False), None)["counts"]["articles"] == 0
    assert loads == []


def test_incremental_rerun_and_changed_input(tmp_path, nlp_info):
    inp = tmp_path / "in"
    inp.mkdir()
    for p in SEEDS[3:]:
        shutil.copy(p, inp / p.name)
    opts = RunOptions(paths=[inp], out=tmp_path / "out", progress=False)
    first = run(opts, nlp_info)
    assert first["counts"]["processed"] == 2
    before = (tmp_path / "out" / "articles.jsonl").read_bytes()
    second = run(opts, nlp_info)
    assert second["counts"]["processed"] == 0 and second["counts"]["cached"] == 2
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == before
    # one article edited, one deleted: only the edited one is processed, the deleted one reported
    edited = inp / SEEDS[3].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nAm Freitag starben 12 Menschen in Almaty.\n", encoding="utf-8")
    (inp / SEEDS[4].name).unlink()
    third = run(opts, nlp_info)
    assert third["counts"]["processed"] == 1 and third["counts"]["cached"] == 0
    assert third["deleted"] == [SEEDS[4].stem]
    (rec,) = _records(tmp_path / "out")
    assert "Am Freitag starben 12 Menschen in Almaty." in rec["text"]


def test_a_cached_record_names_the_path_its_file_is_at_now(tmp_path, nlp_info):
    """`mv corp corp2 && presseschau run corp2 --out same_out`: the ids (paths under the folder
    given) and hashes are the same, so every article is taken from the cache, but each record's
    `source.path` still named the old, now missing place. A JSONL corpus and a Word file too."""
    docx = pytest.importorskip("docx")
    inp = tmp_path / "corp"
    inp.mkdir()
    shutil.copy(SEEDS[3], inp / SEEDS[3].name)
    lines = SEEDS[4].read_text(encoding="utf-8").splitlines()
    (inp / "archiv.jsonl").write_text(json.dumps({"id": "a1", "text": "\n".join(lines)}, ensure_ascii=False) + "\n", encoding="utf-8")
    d = docx.Document()
    for line in SEEDS[4].read_text(encoding="utf-8").splitlines()[:6]:
        if line.strip():
            d.add_paragraph(line)
    d.save(inp / "bericht.docx")
    out = tmp_path / "out"
    first = run(RunOptions(paths=[inp], out=out, progress=False), nlp_info)
    assert first["counts"]["processed"] == 3
    paths = {r["id"]: r["source"]["path"] for r in _records(out)}
    assert all(p.startswith(str(inp)) for p in paths.values()), paths
    moved = tmp_path / "corp2"
    inp.rename(moved)
    second = run(RunOptions(paths=[moved], out=out, progress=False), nlp_info)
    assert second["counts"]["processed"] == 0 and second["counts"]["cached"] == 3
    now = {r["id"]: r["source"]["path"] for r in _records(out)}
    assert now == {k: str(moved) + v[len(str(inp)):] for k, v in paths.items()}, now
    # the cache holds it (committed), and a third run (nothing moved) writes the same, byte for byte
    import sqlite3

    from pipeline.run import CACHE_NAME

    db = sqlite3.connect(out / CACHE_NAME)
    assert {json.loads(r)["source"]["path"] for (r,) in db.execute("SELECT record FROM records")} == set(now.values())
    db.close()
    before = (out / "articles.jsonl").read_bytes()
    third = run(RunOptions(paths=[moved], out=out, progress=False), nlp_info)
    assert third["counts"]["cached"] == 3 and (out / "articles.jsonl").read_bytes() == before


def test_a_moved_folder_whose_last_articles_are_cached_is_written_with_its_review_log(tmp_path, nlp_info):
    """`mv corp corp2`, one file renamed (`0000.txt`: it sorts first, processed again as a new id) and a
    review log holding a decision of the renamed article (found by its text's hash): the cached
    articles read after the last stored batch had their new path written into the cache in a
    transaction still open when the review overlay attached the run's ledger to the cache, and the
    run ended in `sqlite3.OperationalError: database shared is locked`, a traceback, no output."""
    from pipeline.review import log as dec
    from pipeline.review.apply import ReviewOverlay

    inp, out, ann = tmp_path / "corp", tmp_path / "out", tmp_path / "ann"
    inp.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, inp / seed.name)
    run(RunOptions(paths=[inp], out=out, progress=False), nlp_info)
    first = _records(out)[0]
    ent = next(e for e in first["entities"] if e["label"] == "LOC")
    dec.DecisionStore(ann).append([dec.make_decision(first, "reject", ent, reviewer="t")])
    moved = tmp_path / "corp2"
    inp.rename(moved)
    (moved / SEEDS[0].name).rename(moved / "0000.txt")
    summary = run(RunOptions(paths=[moved], out=out, progress=False, batch_size=1, review=ReviewOverlay.from_folder(ann)), nlp_info)
    assert (summary["counts"]["processed"], summary["counts"]["cached"]) == (1, 2)
    records = _records(out)
    assert [r["id"] for r in records] == ["0000", SEEDS[1].stem, SEEDS[2].stem]
    assert all(r["source"]["path"].startswith(str(moved)) for r in records)
    (rejected,) = [e for e in records[0]["entities"] if e.get("status") == "rejected"]
    assert (rejected["text"], rejected["start"]) == (ent["text"], ent["start"])


def test_jsonl_corpus_with_a_broken_line(tmp_path, nlp_info):
    news = read_news("wikinews_de.jsonl.gz", 3)
    p = tmp_path / "news.jsonl"
    p.write_text(json.dumps(news[0], ensure_ascii=False) + "\n{\"id\": 1, \"te\n" + json.dumps(news[1], ensure_ascii=False) + "\n", encoding="utf-8")
    summary = run(RunOptions(paths=[p], out=tmp_path / "out", progress=False), nlp_info)
    assert [e["line"] for e in summary["errors"]] == [2]
    recs = _records(tmp_path / "out")
    assert [r["id"] for r in recs] == [f"news/{news[0]['id']}", f"news/{news[1]['id']}"]
    assert all(validate_record(r) == [] for r in recs)


def test_a_jsonl_record_with_a_number_as_authors_does_not_end_the_run(tmp_path, nlp_info):
    """`"authors": 3` in one record raised TypeError in `record.merge_meta`: a traceback, and
    no output at all for the run; now the value is left out with a warning in that record."""
    news = read_news("wikinews_de.jsonl.gz", 2)
    p = tmp_path / "news.jsonl"
    p.write_text(json.dumps({**news[0], "authors": 3}, ensure_ascii=False) + "\n" + json.dumps({**news[1], "authors": ["Anna Muster"]}, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = run(RunOptions(paths=[p], out=tmp_path / "out", progress=False), nlp_info)
    assert summary["errors"] == []
    first, second = _records(tmp_path / "out")
    assert (first["meta"]["authors"], second["meta"]["authors"]) == ([], ["Anna Muster"])
    assert first["meta"]["published"] == news[0]["published"] and first["meta"]["title"] == news[0]["title"]
    assert "meta: 'authors' 3 is not a name or a list of names; not taken" in first["warnings"]
    assert validate_record(first) == [] and validate_record(second) == []


def test_not_german_is_flagged_not_processed(tmp_path, nlp_info):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "en.txt").write_text("The Collective Security Treaty Organization sent troops to Kazakhstan on Thursday after violent protests in Almaty left dozens dead.", encoding="utf-8")
    shutil.copy(SEEDS[4], inp / SEEDS[4].name)
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False), nlp_info)
    assert [(os.path.basename(e["path"]), e["kind"]) for e in summary["errors"]] == [("en.txt", "not_german")]
    assert [r["id"] for r in _records(tmp_path / "out")] == [SEEDS[4].stem]


def test_a_text_kept_with_allow_non_german_is_not_taken_from_the_cache_without_it(tmp_path, nlp_info):
    """A run with --allow-non-german, then the same command without it: the English text is the
    `not_german` error a run without a cache gives (before: its record came from the cache, exit 0,
    no word), and the German article stays cached."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "en.txt").write_text("The Collective Security Treaty Organization sent troops to Kazakhstan on Thursday after violent protests in Almaty left dozens dead.", encoding="utf-8")
    shutil.copy(SEEDS[4], inp / SEEDS[4].name)
    allowed = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False, allow_non_german=True), nlp_info)
    assert allowed["errors"] == [] and sorted(r["id"] for r in _records(tmp_path / "out")) == sorted(["en", SEEDS[4].stem])
    # run.json says so (it did not: a run of the same inputs could not be redone from it, the English article left out)
    written = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["options"]
    assert written["allow_non_german"] is True and written["max_bytes"] == MAX_BYTES and written["pdf_articles"] is False
    again = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False, allow_non_german=True), nlp_info)
    assert again["counts"]["cached"] == 2 and again["counts"]["processed"] == 0
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False), nlp_info)
    assert [(os.path.basename(e["path"]), e["kind"]) for e in summary["errors"]] == [("en.txt", "not_german")]
    assert summary["counts"]["cached"] == 1 and summary["options"]["allow_non_german"] is False
    assert [r["id"] for r in _records(tmp_path / "out")] == [SEEDS[4].stem]


@pytest.mark.slow
def test_python_api_processes_text_and_file():
    from pipeline import Presseschau

    ps = Presseschau()
    rec = ps.process_text("Bei den Protesten in Almaty starben mindestens 250 Menschen.", published="2022-01-08")
    assert validate_record(rec) == []
    figs = [e for e in rec["entities"] if e["label"] == "FIGURE"]
    assert figs and figs[0]["value"] == 250
    rec2 = ps.process_file(SEEDS[3])
    assert rec2["id"] == SEEDS[3].stem and validate_record(rec2) == []


@pytest.mark.slow
def test_retrained_weights_change_the_fingerprint(tmp_path):
    """A model retrained under the same name, version and config must still re-process the
    corpus: the fingerprint covers the model's files, not only its meta.json. The one read
    from the files (`model_info`, what the driver uses) is the one a loaded pipeline reports
    (`load_nlp`, what each Dask worker compares)."""
    from pipeline.nlp import load_nlp, model_info

    model = tmp_path / "model"
    shutil.copytree(REPO / "models" / "de_presseschau", model)
    before, again = model_info(str(model)), model_info(str(model))
    weights = model / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 1  # one bit in the middle of the NER weight arrays
    weights.write_bytes(bytes(data))
    after = model_info(str(model))
    assert before.fingerprint == again.fingerprint
    assert after.fingerprint != before.fingerprint and after.version == before.version
    assert load_nlp(str(model))[1] == after


def test_the_fingerprint_covers_every_module_of_the_record_making_stages():
    """Every module of the stages that make a record is in the fingerprint, also in a subpackage
    (session 19 split nlp/figures.py into nlp/figures/, which the glob "nlp/*.py" missed: a change
    there would not have re-processed the corpus)."""
    from pipeline.nlp import record_files
    from pipeline.paths import PACKAGE

    covered = set(record_files())
    modules = [f for stage in ("clean", "nlp", "schema") for f in (PACKAGE / stage).rglob("*.py")
               if "__pycache__" not in f.parts]
    assert any(f.parent.name == "figures" for f in modules)
    assert [f for f in modules if f not in covered] == []
    # the input stage's modules too: html_pages.py (session 21) decides which pages make a record,
    # io.py reads the JSONL corpora and says their encoding; html_meta.py and docx.py (session 22)
    # make a web page's and a Word file's meta and text
    assert {PACKAGE / name for name in ("ingest.py", "io.py", "html.py", "html_pages.py", "html_meta.py", "pdf.py", "docx.py",
                                        "record.py")} <= covered
    # the language data, but not the notes beside it: a README edit re-processed the corpus
    assert PACKAGE / "lang" / "de" / "dates.json" in covered and PACKAGE / "lang" / "de" / "place_names.tsv.gz" in covered
    assert not [f for f in covered if f.suffix == ".md"] and (PACKAGE / "lang" / "de" / "README.md").is_file()


def test_model_info_from_the_files_equals_the_loaded_pipelines(nlp_info):
    """What run.json and every record say about the model, and the fingerprint the cache and
    the workers compare, are the same whether the model was loaded or only its files read."""
    from pipeline.nlp import model_info

    assert model_info(None) == nlp_info[1]
    assert nlp_info[1].pipeline == list(nlp_info[0].pipe_names)


def test_model_info_names_a_model_that_is_not_there(tmp_path):
    from pipeline.errors import ModelNotFound
    from pipeline.nlp import model_info

    with pytest.raises(ModelNotFound, match="no-such-model"):
        model_info(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelNotFound, match="not-a-package"):
        model_info("not-a-package")


def test_a_damaged_model_folder_is_named_in_one_line_not_a_traceback(tmp_path):
    """A model folder half copied or edited by hand (its config.cfg cut off, its meta.json not
    JSON): `presseschau run --model FOLDER` printed a confection ConfigValidationError traceback
    (exit 1) and `Presseschau(model=FOLDER)` raised a bare ValueError ("Unexpected character
    found when decoding") naming no folder; `load_nlp` caught only OSError. Now ModelNotFound
    naming the folder: one line, exit 2, as for a model that is not there."""
    from pipeline.errors import ModelNotFound
    from pipeline.nlp import load_nlp
    from pipeline.paths import BUNDLED_MODEL

    config = (BUNDLED_MODEL / "config.cfg").read_text(encoding="utf-8")
    cut = tmp_path / "cut"
    cut.mkdir()
    shutil.copy(BUNDLED_MODEL / "meta.json", cut / "meta.json")
    (cut / "config.cfg").write_text(config[: config.index("pipeline = [") + 20], encoding="utf-8")
    bad_meta = tmp_path / "bad_meta"
    bad_meta.mkdir()
    (bad_meta / "config.cfg").write_text(config, encoding="utf-8")
    (bad_meta / "meta.json").write_text('{"lang": "de", "name": ', encoding="utf-8")
    for folder in (cut, bad_meta):
        with pytest.raises(ModelNotFound, match=str(folder)) as info:
            load_nlp(str(folder))
        assert "\n" not in str(info.value)
    (tmp_path / "a.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    res = _cli("run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--model", str(cut))
    assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr[-2000:]
    assert str(cut) in res.stdout + res.stderr and not (tmp_path / "out" / "articles.jsonl").exists()


@pytest.mark.parametrize("n_process", [1, 2])
def test_unchanged_rerun_does_not_load_the_model(tmp_path, monkeypatch, n_process):
    """Issue 19: a run with nothing to process never loads the model (in the run's own process
    and for --n-process workers; a --cluster run does not even connect, test_cluster.py), and
    writes the same output. A spy on the loader counts the loads."""
    import pipeline.run as run_module

    loads = []

    def spy(model=None):
        loads.append(model)
        return real(model)

    real = run_module.load_nlp
    monkeypatch.setattr(run_module, "load_nlp", spy)
    inp = tmp_path / "in"
    inp.mkdir()
    for p in SEEDS[3:]:
        shutil.copy(p, inp / p.name)
    opts = RunOptions(paths=[inp], out=tmp_path / "out", progress=False, n_process=n_process)
    first = run(opts)
    assert loads == [None] and first["counts"]["processed"] == 2 and "load_model" in first["timings"]
    before = (tmp_path / "out" / "articles.jsonl").read_bytes()
    second = run(opts)
    assert loads == [None], "the unchanged re-run loaded the model"
    assert second["counts"] == {**first["counts"], "processed": 0, "cached": 2}
    assert "load_model" not in second["timings"] and second["model"] == first["model"]
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == before
    (inp / SEEDS[3].name).write_text(SEEDS[3].read_text(encoding="utf-8") + "\n\nAm Freitag starben 12 Menschen.\n", encoding="utf-8")
    third = run(opts)
    assert loads == [None, None] and third["counts"]["processed"] == 1  # one changed article: loaded again


# --- cannot start: exit 2, one line, nothing written (issue 15) --------------------------------

@pytest.mark.slow
def test_a_mistyped_input_leaves_the_output_as_it_was(tmp_path):
    out = tmp_path / "out"
    assert _cli("run", str(SEEDS[0]), "--out", str(out)).returncode == 0
    before = (out / "articles.jsonl").read_bytes()
    proc = _cli("run", str(tmp_path / "wn200.jsonI"), "--out", str(out))
    assert proc.returncode == 2
    assert "no such file or folder" in " ".join((proc.stdout + proc.stderr).split()) and "Traceback" not in proc.stderr
    assert (out / "articles.jsonl").read_bytes() == before


@pytest.mark.slow
def test_out_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("keep me", encoding="utf-8")
    proc = _cli("run", str(SEEDS[0]), "--out", str(target))
    assert proc.returncode == 2 and "is a file, not a folder" in " ".join((proc.stdout + proc.stderr).split())
    assert "Traceback" not in proc.stderr and target.read_text(encoding="utf-8") == "keep me"
    # the one line of exit 2 (README), not after the model's line
    assert proc.stderr.strip() == f"✘ --out {target} is a file, not a folder" and not proc.stdout, proc.stdout + proc.stderr


def test_an_out_that_cannot_be_made_is_the_one_line_of_exit_2(tmp_path):
    """An --out under a file, or where no folder can be made (/proc): one line, exit 2, before the model's line."""
    (tmp_path / "a-file").write_text("keep me", encoding="utf-8")
    for out, why in [(tmp_path / "a-file" / "out", "Not a directory"), (Path("/proc/presseschau-out"), "No such file or directory")]:
        proc = _cli("run", str(SEEDS[0]), "--out", str(out), "--no-progress")
        assert proc.returncode == 2 and not proc.stdout, proc.stdout + proc.stderr
        assert proc.stderr.strip() == f"✘ cannot write to the output folder {out}: {why}", proc.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep me" and sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.slow
def test_one_run_per_output_folder(tmp_path):
    import fcntl

    out = tmp_path / "out"
    (out / ".presseschau").mkdir(parents=True)
    with open(out / ".presseschau" / "lock", "w", encoding="utf-8") as holder:
        holder.write("4242")
        holder.flush()
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = _cli("run", str(SEEDS[0]), "--out", str(out))
    assert proc.returncode == 2
    assert "in use by another presseschau run (pid 4242)" in " ".join((proc.stdout + proc.stderr).split())
    # the one line of exit 2 (README), not after the model's line "ℹ Model: ..."
    assert proc.stderr.strip() == f"✘ {out} is in use by another presseschau run (pid 4242); wait for it or use another --out", proc.stderr
    assert not proc.stdout, proc.stdout
    assert not (out / "articles.jsonl").exists()
    assert _cli("run", str(SEEDS[0]), "--out", str(out)).returncode == 0  # free again


def test_an_output_folder_on_a_file_system_without_locks_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    """`--out` on a file system that refuses advisory locks (NFS without its lock daemon: ENOLCK; some
    FUSE mounts: EOPNOTSUPP) ended the run with an OSError traceback from `fcntl.flock`. Now it is a
    `CannotStart` line naming the folder and why, and nothing is written."""
    import errno
    import fcntl

    from pipeline.errors import CannotStart

    def flock(fh, op):
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", flock)
    out = tmp_path / "out"
    with pytest.raises(CannotStart) as e:
        run(RunOptions(paths=[SEEDS[0]], out=out, progress=False))
    assert str(e.value).startswith(f"cannot lock {out / '.presseschau' / 'lock'} ({os.strerror(errno.ENOLCK)})"), str(e.value)
    assert not (out / "articles.jsonl").exists() and not (out / "run.json").exists()


def test_a_cache_another_program_holds_locked_is_one_line_and_the_output_stays(tmp_path, nlp_info):
    """The cache open in another program with a write pending (an sqlite3 shell, a database browser on
    .presseschau/cache-v1.sqlite): the re-run ended with `sqlite3.OperationalError: database is locked`,
    a traceback. Now it is the one-line `OutputNotWritable` saying so (exit 2), the previous articles.jsonl
    and run.json unchanged; once the other program lets go, the re-run goes on from the cache."""
    import sqlite3

    from pipeline.errors import OutputNotWritable
    from pipeline.run import CACHE_NAME

    out = tmp_path / "out"
    run(RunOptions(paths=[SEEDS[3]], out=out, progress=False), nlp_info)
    before = {name: (out / name).read_bytes() for name in ("articles.jsonl", "run.json")}
    other = sqlite3.connect(str(out / CACHE_NAME), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE records SET words = words")
    try:
        with pytest.raises(OutputNotWritable) as e:
            run(RunOptions(paths=[SEEDS[3]], out=out, progress=False), nlp_info)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "(database is locked)" in str(e.value) and "close the program that holds the cache open and re-run" in str(e.value), str(e.value)
    assert {name: (out / name).read_bytes() for name in before} == before
    again = run(RunOptions(paths=[SEEDS[3]], out=out, progress=False), nlp_info)
    assert again["counts"]["cached"] == 1 and (out / "articles.jsonl").read_bytes() == before["articles.jsonl"]


def test_the_runs_article_list_is_on_disk_and_keeps_order_duplicates_and_deletions(tmp_path, nlp_info):
    """The driver keeps what it knows per article (ids read, their order, the JSONL ids of a
    file, failures) in `RunLedger` on disk, not in memory (issue 19): the same duplicate
    errors, reading order and `deleted` list as before, and no file left behind."""
    from pipeline.run import CACHE_NAME, LEDGER_NAME

    news = read_news("wikinews_de.jsonl.gz", 5)
    line = lambda rec, rid: json.dumps({**rec, "id": rid}, ensure_ascii=False) + "\n"  # noqa: E731
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "news.jsonl", tmp_path / "b" / "news.jsonl"  # the same stem: ids news/<rid> in both
    a.write_text(line(news[0], "x") + line(news[1], "y") + line(news[2], "x") + line(news[3], "z"), encoding="utf-8")
    b.write_text(line(news[4], "w") + line(news[1], "y"), encoding="utf-8")
    opts = RunOptions(paths=[b, a], out=tmp_path / "out", progress=False)
    first = run(opts, nlp_info)
    msgs = [e["message"] for e in first["errors"]]
    assert len(msgs) == 2, msgs
    assert "twice in" in msgs[0] and "lines 1 and 3" in msgs[0]  # within a.jsonl
    assert f"{b}#y: article id 'news/y' was already read from {a}#y;" in msgs[1]  # b's y after a's (a is read first: sorted)
    assert [r["id"] for r in _records(tmp_path / "out")] == ["news/x", "news/y", "news/z", "news/w"]
    assert first["counts"]["articles"] == 4 and first["counts"]["processed"] == 4
    assert not (tmp_path / "out" / LEDGER_NAME).exists()
    # b dropped: its article is deleted, the others come from the cache in the same order
    second = run(RunOptions(paths=[a], out=tmp_path / "out", progress=False), nlp_info)
    assert second["deleted"] == ["news/w"] and second["counts"]["cached"] == 3 and second["counts"]["processed"] == 0
    assert [r["id"] for r in _records(tmp_path / "out")] == ["news/x", "news/y", "news/z"]
    # a ledger left by a killed run is replaced, not read: no stale id counts as a duplicate
    import sqlite3

    with sqlite3.connect(tmp_path / "out" / LEDGER_NAME) as con:
        con.execute("CREATE TABLE articles (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, failed INTEGER NOT NULL DEFAULT 0)")
        con.execute("INSERT INTO articles (id) VALUES ('news/x')")
    third = run(RunOptions(paths=[a], out=tmp_path / "out", progress=False), nlp_info)
    assert len(third["errors"]) == 1 and third["counts"]["articles"] == 3 and third["deleted"] == []
    assert (tmp_path / "out" / CACHE_NAME).exists() and not (tmp_path / "out" / LEDGER_NAME).exists()


_DIE_WHILE_WRITING = """
import os, signal, sys
from contextlib import contextmanager
import pipeline.run as r
real = r.atomic_open

@contextmanager
def dying(path, *a, **k):  # articles.jsonl written in full, then kill -9 before it is put in place
    with real(path, *a, **k) as fh:
        yield fh
        if path.name == "articles.jsonl":
            fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)

r.atomic_open = dying
from pipeline.cli import app
sys.argv = ["presseschau", *sys.argv[1:]]
app()
"""


def test_a_run_killed_while_writing_leaves_the_output_and_no_litter(tmp_path, nlp_info):
    """`kill -9` while articles.jsonl (and the Parquet parts) are being written: the previous
    outputs stay as they were, and the next run removes the half-written temporary copies
    (each as large as the output; before, they stayed in the folder for good)."""
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    for p in SEEDS[3:]:
        shutil.copy(p, inp / p.name)
    opts = RunOptions(paths=[inp], out=out, progress=False, formats=["jsonl", "parquet"])
    run(opts, nlp_info)
    before = {name: (out / name).read_bytes() for name in ("articles.jsonl", "run.json")}
    parts = sorted(p.relative_to(out) for p in out.glob("*.parquet/*.parquet"))
    assert parts
    edited = inp / SEEDS[3].name  # a change, so that the killed run has new output to write
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nAm Freitag starben 12 Menschen in Almaty.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _DIE_WHILE_WRITING, "run", str(inp), "--out", str(out), "--format", "jsonl", "--format", "parquet"],
                          cwd=REPO, env=dict(os.environ, CI="1"), capture_output=True, text=True, timeout=600)
    assert proc.returncode == -9, proc.stderr
    assert {name: (out / name).read_bytes() for name in before} == before
    litter = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert any(n.startswith(".articles.jsonl.") and n.endswith(".tmp") for n in litter), litter
    assert any(n.startswith(".articles.parquet.tmp-") for n in litter) and any(n.startswith(".entities.parquet.tmp-") for n in litter), litter
    again = run(RunOptions(paths=[inp], out=out, progress=False, formats=["jsonl", "parquet"]), nlp_info)
    assert again["counts"]["cached"] == 2 and again["counts"]["processed"] == 0  # the killed run's new record was kept in the cache
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".presseschau"]
    assert "Am Freitag starben 12 Menschen in Almaty." in _records(out)[0]["text"]
    assert sorted(p.relative_to(out) for p in out.glob("*.parquet/*.parquet")) == parts


def test_a_jsonl_publication_date_that_is_no_iso_date_is_not_read_as_one(tmp_path, nlp_info):
    """A JSONL corpus's `published` as exported by scrapers and databases: a Unix timestamp was
    read as its first four digits (1124539200 -> the year 1124), '2020-02-30' was kept, and the
    basic format '20050820' became the year 2005, so "Gestern" stayed unresolved. A date is kept
    only when it is one, or a Unix time in seconds or milliseconds (read as UTC); else
    `published` is null (never a wrong year)."""
    import datetime as dt

    rec = next(r for r in read_news("wikinews_de.jsonl.gz", 50) if r["text"].startswith("Gestern"))
    day = dt.date.fromisoformat(rec["published"])
    epoch = int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc).timestamp())
    values = {"iso": rec["published"], "epoch": epoch, "epoch_ms": epoch * 1000, "basic": day.strftime("%Y%m%d"),
              "no_day": "2020-02-30", "no_month": "2020-13", "longer": "12345-01-01"}
    corpus = tmp_path / "export.jsonl"
    corpus.write_text("".join(json.dumps({"id": k, "text": rec["text"], "published": v}) + "\n" for k, v in values.items()), encoding="utf-8")
    summary = run(RunOptions(paths=[corpus], out=tmp_path / "out", progress=False), nlp_info)
    assert summary["errors"] == []
    got = {r["id"].split("/")[1]: r for r in _records(tmp_path / "out")}
    published = {k: r["meta"]["published"] for k, r in got.items()}
    # a Unix time (seconds or milliseconds) is read as UTC (ingest._epoch_date), with a warning
    assert published == {"iso": rec["published"], "epoch": rec["published"], "epoch_ms": rec["published"], "basic": rec["published"],
                         "no_day": None, "no_month": None, "longer": None}
    yesterday = (day - dt.timedelta(days=1)).isoformat()
    for k in ("iso", "basic", "epoch", "epoch_ms"):
        assert [e["value"] for e in got[k]["entities"] if e["text"] == "Gestern"] == [yesterday], k
    for rec_out in got.values():
        assert validate_record(rec_out) == []


def test_a_duplicate_id_names_the_file_that_has_it(tmp_path, nlp_info):
    """An id is the file's path under the folder given, without its extension: bericht.txt and
    bericht.md in one folder are one id. The second was refused as "already read from another
    input", though both came from the same folder and no file was named to rename."""
    news = read_news("wikinews_de.jsonl.gz", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bericht.md").write_text(news[0]["title"] + "\n\n" + news[0]["text"], encoding="utf-8")
    (folder / "bericht.txt").write_text(news[1]["title"] + "\n\n" + news[1]["text"], encoding="utf-8")
    summary = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False), nlp_info)
    (err,) = summary["errors"]
    assert err["kind"] == "duplicate_id" and err["path"] == str(folder / "bericht.txt")
    assert f"article id 'bericht' was already read from {folder / 'bericht.md'};" in err["message"]
    assert "another input" not in err["message"]
    assert [r["source"]["path"] for r in _records(tmp_path / "out")] == [str(folder / "bericht.md")]


NAV_ONLY_PAGE = ("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Navigation</title></head><body><nav><ul>"
                 "<li><a href=\"/\">Startseite</a></li><li><a href=\"/politik\">Politik</a></li><li><a href=\"/sport\">Sport</a></li>"
                 "</ul></nav></body></html>")


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_file_that_gives_no_article_leaves_its_id_to_the_next_file_of_the_id(tmp_path, nlp_info, n_process):
    """A web page (PDF, Word file) is extracted where it is processed, after the driver had given
    it its id: a page with no article text (navigation only) beside bericht.txt took the id, the
    text file was skipped as "already read from in/bericht.html", and the article was lost (0
    articles). Now the id is the first file's (in sorted order) that gives an article: the page
    keeps its error, bericht.txt is the article, and a re-run gives the same record from the cache.
    Of a.htm (no article), a.md and a.txt, a.md has the id and a.txt is its duplicate."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bericht.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    shutil.copy(SEEDS[0], folder / "bericht.txt")
    (folder / "a.htm").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    shutil.copy(SEEDS[1], folder / "a.md")
    shutil.copy(SEEDS[2], folder / "a.txt")
    out = tmp_path / "out"
    summary = run(RunOptions(paths=[folder], out=out, progress=False, n_process=n_process), nlp_info)
    records = _records(out)
    assert [(r["id"], r["source"]["path"]) for r in records] == [("a", str(folder / "a.md")), ("bericht", str(folder / "bericht.txt"))]
    import hashlib

    assert records[1]["source"]["sha256"] == hashlib.sha256(SEEDS[0].read_bytes()).hexdigest()
    errors = {e["path"]: e for e in summary["errors"]}
    assert sorted(errors) == [str(folder / "a.htm"), str(folder / "a.txt"), str(folder / "bericht.html")], summary["errors"]
    assert errors[str(folder / "bericht.html")]["kind"] == "empty" and "no article text" in errors[str(folder / "bericht.html")]["message"]
    assert errors[str(folder / "a.txt")]["kind"] == "duplicate_id"
    assert f"article id 'a' was already read from {folder / 'a.md'};" in errors[str(folder / "a.txt")]["message"]
    first = (out / "articles.jsonl").read_bytes()
    again = run(RunOptions(paths=[folder], out=out, progress=False, n_process=n_process), nlp_info)
    assert again["counts"]["cached"] == 2 and again["counts"]["processed"] == 0
    assert (out / "articles.jsonl").read_bytes() == first
    assert sorted(e["path"] for e in again["errors"]) == sorted(errors)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_page_that_gives_no_article_leaves_its_id_to_a_jsonl_record_and_a_pdf_article_of_the_id(tmp_path, nlp_info, n_process):
    """`run in1 in2` with in1/x/r1.html (navigation only, extracted in a worker) and in2/x.jsonl
    holding record r1 (id x/r1 too): the record was skipped as a duplicate of the page at once, the
    page gave no article, and the run wrote 0 articles; so too with a --pdf-articles article
    (in2/seite.pdf: seite#a1) beside in1/seite#a1.html, and with in2/stub.txt beside in1/stub.md,
    a text file read at once that cleaning leaves empty (it kept the id: stub.txt was its
    duplicate). Now the id is the first claimant's that gives an article: a further JSONL record,
    PDF article or file of an id whose article is not back yet is held, and read (of a JSONL file
    that record alone: its other records and its bad line are not read or reported twice) if that
    one gives none; a re-run gives the same."""
    import fpdf

    in1, in2, out = tmp_path / "in1", tmp_path / "in2", tmp_path / "out"
    (in1 / "x").mkdir(parents=True)
    in2.mkdir()
    (in1 / "x" / "r1.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    (in1 / "seite#a1.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    # a text file read at once whose text the cleaner removes whole (a publisher's boilerplate line) gives none either
    (in1 / "stub.md").write_text(next(x for x in SEEDS[2].read_text(encoding="utf-8").splitlines() if x.startswith("Die WELT als ePaper")) + "\n",
                                 encoding="utf-8")
    shutil.copy(SEEDS[4], in2 / "stub.txt")
    texts = [p.read_text(encoding="utf-8") for p in SEEDS[:2]]
    (in2 / "x.jsonl").write_text(json.dumps({"id": "r1", "text": texts[0]}) + "\n{broken\n" + json.dumps({"id": "r2", "text": texts[1]}) + "\n",
                                 encoding="utf-8")
    from pipeline.clean import clean

    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for para in clean(SEEDS[3].read_text(encoding="utf-8")).text.split("\n\n")[:4]:
        pdf.multi_cell(0, 5, para)
        pdf.ln(2)
    pdf.output(str(in2 / "seite.pdf"))
    for _ in range(2):
        summary = run(RunOptions(paths=[in1, in2], out=out, progress=False, n_process=n_process, pdf_articles=True), nlp_info)
        records = _records(out)
        assert [(r["id"], r["source"]["path"]) for r in records] == [
            ("seite#a1", str(in2 / "seite.pdf") + "#a1"), ("stub", str(in2 / "stub.txt")), ("x/r1", str(in2 / "x.jsonl") + "#r1"), ("x/r2", str(in2 / "x.jsonl") + "#r2")]
        assert records[2]["text"].split()[:5] == clean(texts[0]).text.split()[:5]
        assert sorted((e["path"], e["kind"]) for e in summary["errors"]) == [
            (str(in1 / "seite#a1.html"), "empty"), (str(in1 / "stub.md"), "empty"), (str(in1 / "x" / "r1.html"), "empty"), (str(in2 / "x.jsonl"), "invalid_jsonl")], summary["errors"]


def test_an_articles_id_does_not_depend_on_the_order_of_overlapping_inputs(tmp_path, nlp_info):
    """`presseschau run in in/sub` named in/sub/x.txt `sub/x` (its path under `in`), `run in/sub in`
    named it `x` (under `in/sub`, the first input that found it): the ids, which the review log keys
    on, changed with the order of the command line, and x.txt beside sub/x.txt became a duplicate.
    Now the outer folder names it whatever the order, as a run of `in` alone does."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "x.txt")
    shutil.copy(SEEDS[1], folder / "sub" / "x.txt")
    ids = {}
    for name, paths in {"alone": [folder], "outer first": [folder, folder / "sub"], "inner first": [folder / "sub", folder],
                        "file first": [folder / "sub" / "x.txt", folder]}.items():
        summary = run(RunOptions(paths=paths, out=tmp_path / name.replace(" ", "_"), progress=False), nlp_info)
        assert summary["errors"] == [], (name, summary["errors"])
        ids[name] = {r["id"]: r["source"]["path"] for r in _records(tmp_path / name.replace(" ", "_"))}
    assert ids["alone"] == {"sub/x": str(folder / "sub" / "x.txt"), "x": str(folder / "x.txt")}
    assert all(v == ids["alone"] for v in ids.values()), ids


def test_a_file_reached_through_a_link_to_a_folder_elsewhere_keeps_its_path_in_its_id(tmp_path, nlp_info):
    """Links to folders are followed (README), but a file under one (in/sub/archiv -> ../../elsewhere)
    was named by its file name alone, `bericht`: the id of in/bericht.txt, so one of the two was
    skipped as a duplicate. Now its path under the folder given, `sub/archiv/bericht`."""
    folder, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    (folder / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    shutil.copy(SEEDS[0], folder / "bericht.txt")
    shutil.copy(SEEDS[1], elsewhere / "bericht.txt")
    (folder / "sub" / "archiv").symlink_to(os.path.relpath(elsewhere, folder / "sub"))
    summary = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False), nlp_info)
    assert summary["errors"] == [], summary["errors"]
    assert [(r["id"], r["source"]["path"]) for r in _records(tmp_path / "out")] == [
        ("bericht", str(folder / "bericht.txt")), ("sub/archiv/bericht", str(folder / "sub" / "archiv" / "bericht.txt"))]


@pytest.mark.parametrize("where", ["sub", "same"])
def test_an_output_folder_in_the_input_folder_is_not_read_as_input(tmp_path, nlp_info, where):
    """`presseschau run articles/ --out articles/out` (or `--out articles`): the second run read
    its own articles.jsonl as a JSONL corpus, so every run added each article again (2, 4, 6 ...
    records, ids out/articles/<id>, re-annotated clean text)."""
    news = read_news("wikinews_de.jsonl.gz", 2)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, rec in enumerate(news):
        (folder / f"a{i}.txt").write_text(rec["title"] + "\n\n" + rec["text"], encoding="utf-8")
    out = folder / "out" if where == "sub" else folder
    notices: list[str] = []
    for _ in range(3):
        summary = run(RunOptions(paths=[folder], out=out, progress=False), nlp_info, on_notice=notices.append)
        assert summary["errors"] == [] and summary["counts"]["articles"] == 2
        assert [r["id"] for r in _records(out)] == ["a0", "a1"]
    assert summary["counts"]["processed"] == 0 and summary["counts"]["cached"] == 2
    assert any(f"the output folder {out} is in an input folder" in n for n in notices)


def test_the_report_written_into_an_output_folder_that_is_the_input_folder_is_not_read(tmp_path, nlp_info):
    """`presseschau run in --out in`, `presseschau report in` (its default: in/report.html), then the run
    again: the report was read as a web page, a `not_article` error at every run (exit 1), and the
    run's own run.json counted among the "files of types Presseschau does not read". Now the report
    is passed over with a notice naming it, and run.json is the run's own, not counted."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder)
    run(RunOptions(paths=[folder], out=folder, progress=False), nlp_info)
    res = CliRunner().invoke(app, ["report", str(folder), "--annotations", str(tmp_path / "no-log")])
    assert res.exit_code == 0 and (folder / "report.html").is_file(), res.output
    again = run(RunOptions(paths=[folder], out=folder, progress=False), nlp_info)
    assert again["errors"] == [] and again["counts"]["cached"] == 1
    assert any(f"passed over {folder / 'report.html'}: a Presseschau report" in n for n in again["notices"]), again["notices"]
    assert not [n for n in again["notices"] if "types Presseschau does not read" in n], again["notices"]
    assert [r["id"] for r in _records(folder)] == [SEEDS[0].stem]


def test_input_files_in_an_output_folder_inside_the_input_folder_are_named(tmp_path, nlp_info):
    """`presseschau run in --out in/sub` with articles in in/sub: the walk does not enter the output
    folder, so in/sub/b.txt was left out, and the notice spoke only of "the run's output there".
    Now the notice names the input files left out and what to do; named on the command line, one is read."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "a.txt")
    shutil.copy(SEEDS[1], folder / "sub" / "b.txt")
    out = folder / "sub"
    summary = run(RunOptions(paths=[folder], out=out, progress=False), nlp_info)
    (said,) = [n for n in summary["notices"] if "is in an input folder" in n]
    assert f"nor is the 1 input file in it ({out / 'b.txt'}): move it out of the output folder" in said, said
    assert [r["id"] for r in _records(out)] == ["a"]
    summary = run(RunOptions(paths=[folder, out / "b.txt"], out=out, progress=False), nlp_info)
    (said,) = [n for n in summary["notices"] if "is in an input folder" in n]
    assert "input file" not in said and [r["id"] for r in _records(out)] == ["a", "b"]


def test_a_corpus_given_by_another_path_is_not_taken_for_changed_metadata(tmp_path, nlp_info, monkeypatch):
    """A JSONL record whose `published` is a Unix time carries a warning naming file and line
    ("meta: in/wn.jsonl:1: 'published' ... read as a Unix time"); the cache compared it with the
    file's name, so the same corpus given by another path (absolute instead of relative, moved,
    from another folder) was "processed again: ... their metadata in the input changed"."""
    from pathlib import Path

    row = read_news("wikinews_de.jsonl.gz", 1)[0]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wn.jsonl").write_text(json.dumps({"id": row["id"], "text": row["text"], "published": 1124496000000},
                                                       ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = run(RunOptions(paths=[Path("in")], out=tmp_path / "out", progress=False), nlp_info)
    (rec,) = _records(tmp_path / "out")
    assert first["counts"]["processed"] == 1 and rec["meta"]["published"] == "2005-08-20"
    assert any("in/wn.jsonl:1" in w and "Unix time" in w for w in rec["warnings"]), rec["warnings"]
    again = run(RunOptions(paths=[tmp_path / "in"], out=tmp_path / "out", progress=False), nlp_info)
    assert again["counts"]["processed"] == 0 and again["counts"]["cached"] == 1, again["notices"]
    assert not [n for n in again["notices"] if "metadata" in n]


def test_a_jsonl_record_whose_meta_changed_is_processed_again_and_keeps_its_reviews(tmp_path, nlp_info):
    """A JSONL record's hash is of its text alone: a re-run used to keep the record of a changed
    title, a new url or another published date ("unchanged (cached)"); only --force helped.
    `published` moves the DATE values, so the article is processed again, not patched, and a
    review decision on it stays applied."""
    from pipeline.review import log as dec
    from pipeline.review.apply import ReviewOverlay

    news = read_news("wikinews_de.jsonl.gz", 3)
    src = tmp_path / "news.jsonl"

    def write(rows):
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

    write(news)
    ann = tmp_path / "ann"
    opts = RunOptions(paths=[src], out=tmp_path / "out", progress=False, review=ReviewOverlay.from_folder(ann))
    assert run(opts, nlp_info)["counts"]["processed"] == 3
    first = {r["id"]: r for r in _records(tmp_path / "out")}
    target = first[f"news/{news[0]['id']}"]
    ent = next(e for e in target["entities"] if e["label"] != "DATE")
    dec.DecisionStore(ann).append([dec.make_decision(target, "reject", ent, reviewer="t")])

    changed = [dict(r) for r in news]
    changed[0]["title"] = "Ein anderer Titel"
    changed[1]["url"] = "https://de.wikinews.org/wiki/Beispiel"
    changed[2]["published"] = "2011-03-01"
    write(changed)
    opts.review = ReviewOverlay.from_folder(ann)
    summary = run(opts, nlp_info)
    assert summary["counts"]["processed"] == 3 and summary["counts"]["cached"] == 0
    assert any("metadata in the input" in n and n.startswith("3 ") for n in summary["notices"])
    recs = {r["id"]: r for r in _records(tmp_path / "out")}
    a, b, c = (recs[f"news/{r['id']}"] for r in news)
    assert a["meta"]["title"] == "Ein anderer Titel"
    assert b["meta"]["url"] == "https://de.wikinews.org/wiki/Beispiel"
    assert c["meta"]["published"] == "2011-03-01"
    assert all(validate_record(r) == [] for r in recs.values())
    # the review decision is still applied to the re-processed article
    (rejected,) = [e for e in a["entities"] if (e["start"], e["end"]) == (ent["start"], ent["end"])]
    assert rejected["status"] == "rejected" and summary["flagged_decisions"] == []
    # and now it is cached, meta and all
    again = run(opts, nlp_info)
    assert again["counts"]["processed"] == 0 and again["counts"]["cached"] == 3


def _one_line(proc) -> str:
    return " ".join((proc.stdout + proc.stderr).split())


@pytest.mark.parametrize("extra, named", [
    (["--cluster", "local:2", "-n", "2"], ["--cluster local:2", "--n-process 2"]),
    (["--batch-timeout", "inf", "-n", "2"], ["--batch-timeout inf"]),
    (["--batch-timeout", "1e400", "-n", "2"], ["--batch-timeout inf"]),
])
def test_options_that_cannot_be_honoured_are_a_usage_error_naming_them(tmp_path, extra, named):
    """`--cluster` with `-n N` or `--batch-timeout` ran on the cluster and dropped the other option
    without a word; `--batch-timeout inf` ran and wrote run.json with `Infinity`, no JSON. Now one
    line naming the options and values, exit 2, before the model is looked up and nothing written."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), *extra)
    said = _one_line(proc)
    assert proc.returncode == 2, said[-2000:]
    assert "Traceback" not in proc.stderr and said.count("✘") == 1 and "Model:" not in said
    assert all(n in said for n in named), said
    assert said.startswith("✘ presseschau run: ") and said.endswith("(see presseschau run --help)"), said
    assert not out.exists()


@pytest.mark.parametrize("extra, said", [
    (["--n-process", "0"], "--n-process 0: give a whole number of 1 or more"),
    (["-n", "-2"], "--n-process -2: give a whole number of 1 or more"),
    (["--batch-size", "0"], "--batch-size 0: give a whole number of 1 or more"),
    (["--batch-timeout", "-1", "-n", "2"], "--batch-timeout -1: give a number of seconds of 1 or more"),
    (["--batch-timeout", "0.5", "-n", "2"], "--batch-timeout 0.5: give a number of seconds of 1 or more"),
    (["--max-bytes", "0"], "--max-bytes 0: give a whole number of 1 or more"),
    (["--parquet-rows", "0", "--format", "parquet"], "--parquet-rows 0: give a whole number of 1 or more"),
])
def test_a_number_out_of_its_range_is_one_line_naming_option_and_value(tmp_path, extra, said):
    """typer's own range check printed a box of six lines ("Invalid value for '--n-process' / '-n':
    Input should be greater than or equal to 1") that did not show the value given; now one line
    naming the option and the value, as the other unusable options, exit 2, nothing written."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), *extra)
    text = _one_line(proc)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, text[-2000:]
    assert text.count("✘") == 1 and said in text and "│" not in text and "Model:" not in text, text[-2000:]
    # as every command's usage error (README): naming the command and pointing to its --help
    assert f"✘ presseschau run: {said}" in text and text.endswith("(see presseschau run --help)"), text[-2000:]
    assert not out.exists()


def test_an_empty_output_folder_or_input_path_is_a_usage_error(tmp_path):
    """`-o "$OUT"` or `run "$IN"` with the variable unset: pathlib reads "" as ".", so the run wrote
    articles.jsonl, run.json and .presseschau/ into the current folder, or read the whole current
    folder as its input. Now one line naming the option, exit 2, nothing written."""
    cwd = tmp_path / "here"
    cwd.mkdir()
    shutil.copy(SEEDS[0], cwd / SEEDS[0].name)
    proc = _cli("run", str(SEEDS[1]), "-o", "", "--no-reviews", cwd=cwd)
    text = _one_line(proc)
    assert proc.returncode == 2 and text.count("✘") == 1 and "--out '': an empty path names no file or folder" in text, text[-2000:]
    proc = _cli("run", "", "-o", str(tmp_path / "out"), "--no-reviews", cwd=cwd)
    text = _one_line(proc)
    assert proc.returncode == 2 and text.count("✘") == 1 and "the input path '': an empty path" in text, text[-2000:]
    assert sorted(p.name for p in cwd.iterdir()) == [SEEDS[0].name] and not (tmp_path / "out").exists()


def test_options_that_do_nothing_in_this_run_are_said(tmp_path, nlp_info):
    """`--batch-timeout` with one process (the run's own process is not timed; it times only the extraction), `--shared-fs`
    without `--cluster` and `--parquet-rows` without Parquet output did nothing without a word;
    now each is a notice of the run."""
    summary = run(RunOptions(paths=[SEEDS[0]], out=tmp_path / "out", progress=False, batch_timeout=30, shared_fs=True,
                             parquet_rows=100), nlp_info)
    assert summary["counts"]["articles"] == 1
    notices = " ".join(summary["notices"])
    assert "--batch-timeout 30 is applied only to extracting each PDF, web page and Word file: with --n-process 1" in notices
    assert "--shared-fs is not applied without --cluster" in notices
    assert "--parquet-rows 100 is not applied: the run writes no Parquet output" in notices
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_a_previous_runs_output_of_another_format_is_named_as_stale(tmp_path, nlp_info):
    """`run in -o out`, then `run in -o out --format parquet` after the corpus changed: the first run's
    articles.jsonl stayed beside the new Parquet output without a word, and `review`, `export` and
    `report` read it as the run's (an article gone from the corpus still there, a new one missing).
    Now the run names it in a notice (and run.json); it is left as it was."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder)
    out = tmp_path / "out"
    first = run(RunOptions(paths=[folder], out=out, progress=False), nlp_info)
    assert not [n for n in first["notices"] if "previous run's output" in n]
    before = (out / "articles.jsonl").read_bytes()
    (folder / SEEDS[0].name).unlink()
    shutil.copy(SEEDS[1], folder)
    second = run(RunOptions(paths=[folder], out=out, progress=False, formats=("parquet",)), nlp_info)
    (said,) = [n for n in second["notices"] if "previous run's output" in n]
    assert f"{out / 'articles.jsonl'} is a previous run's output, not this run's (--format parquet)" in said
    assert "give --format jsonl too" in said and (out / "articles.jsonl").read_bytes() == before
    third = run(RunOptions(paths=[folder], out=out, progress=False, formats=("jsonl",)), nlp_info)
    (said,) = [n for n in third["notices"] if "previous run's output" in n]
    assert f"{out / 'articles.parquet'} and {out / 'entities.parquet'} are a previous run's output" in said


def test_an_output_folder_that_fails_says_only_what_exists_there(tmp_path):
    """A disk full in a fresh output folder said 'the previous articles.jsonl and run.json are
    unchanged', which were never there."""
    import errno

    from pipeline.errors import OutputNotWritable
    from pipeline.run import RunStats, _writing

    full = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(OutputNotWritable) as e:
        with _writing(tmp_path, "articles.jsonl", RunStats(processed=5)):
            raise full
    assert "the previous articles.jsonl" not in str(e.value) and "the folder held no previous output" in str(e.value)
    with pytest.raises(OutputNotWritable) as e:
        with _writing(tmp_path, "run.json", RunStats(processed=5), written="articles.jsonl"):
            raise full
    assert "articles.jsonl was written; run.json was not" in str(e.value)
    (tmp_path / "articles.jsonl").write_text("{}\n", encoding="utf-8")
    (tmp_path / "run.json").write_text("{}\n", encoding="utf-8")
    with pytest.raises(OutputNotWritable) as e:
        with _writing(tmp_path, "articles.jsonl", RunStats(processed=5)):
            raise full
    assert "the previous articles.jsonl and run.json are unchanged" in str(e.value)
    with pytest.raises(OutputNotWritable) as e:
        with _writing(tmp_path, "run.json", RunStats(processed=5), written="articles.jsonl"):
            raise full
    assert "articles.jsonl was written; run.json is the previous one" in str(e.value)


@pytest.mark.slow
def test_a_batch_timeout_of_weeks_is_no_traceback(tmp_path):
    """`-n 2 --batch-timeout 3000000` (35 days: "never time out") ended in OverflowError from
    the wait for the workers (poll takes its timeout as milliseconds in a C int: 24.8 days)."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), "--no-reviews", "-n", "2", "--batch-timeout", "3000000")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, _one_line(proc)[-2000:]
    assert [r["id"] for r in _records(out)] == [SEEDS[0].stem]
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["options"]["batch_timeout"] == 3000000


def test_no_reviews_with_annotations_is_a_usage_error(tmp_path):
    """`--no-reviews --annotations FOLDER` wrote the pipeline's own output and dropped the
    --annotations given without a word; one says to apply a log, the other not to."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), "--no-reviews", "--annotations", str(REPO / "annotations"))
    said = _one_line(proc)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and said.count("✘") == 1, said[-2000:]
    assert f"--no-reviews and --annotations {REPO / 'annotations'} exclude each other" in said
    assert not out.exists()


@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_model_name_is_a_usage_error(tmp_path, value):
    """`--model "$MODEL"` with the variable unset ran with the default model (or
    PRESSESCHAU_MODEL's) as if no --model had been given; now one line naming the option, exit 2."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), "--model", value)
    said = _one_line(proc)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and said.count("✘") == 1, said[-2000:]
    assert f"--model {value!r}: give a model name or path" in said and "Model:" not in said
    assert not out.exists()


@pytest.mark.parametrize("value", ["xml", ""])
def test_an_unknown_format_is_named_quoted(tmp_path, value):
    """`--format ""` said "--format : use jsonl and/or parquet"; the value is now quoted, as --cluster's is."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), "--format", value)
    said = _one_line(proc)
    assert proc.returncode == 2 and said.count("✘") == 1 and f"--format {value!r}: use jsonl and/or parquet" in said, said[-2000:]
    assert not out.exists()


def test_an_empty_cluster_address_is_a_usage_error(tmp_path):
    """`--cluster "$SCHEDULER"` with the variable unset ran on this machine without a word."""
    out = tmp_path / "out"
    proc = _cli("run", str(SEEDS[0]), "--out", str(out), "--cluster", "")
    said = _one_line(proc)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and said.count("✘") == 1, said[-2000:]
    assert "--cluster '': use local:N" in said and "Model:" not in said
    assert not out.exists()


def test_a_previous_runs_output_in_an_input_folder_is_passed_over_with_a_notice(tmp_path, nlp_info):
    """`presseschau run in -o in`, then `presseschau run in -o o`: the second run read
    in/articles.jsonl as a corpus and wrote 10 records ("articles/000_..." and the seeds again)
    instead of 5. The file is passed over with one notice naming it; named on the command line,
    it is read."""
    folder = tmp_path / "in"
    shutil.copytree(REPO / "corpus", folder)
    assert run(RunOptions(paths=[folder], out=folder, progress=False), nlp_info)["counts"]["articles"] == 5
    notices: list[str] = []
    summary = run(RunOptions(paths=[folder], out=tmp_path / "o", progress=False), nlp_info, on_notice=notices.append)
    assert summary["errors"] == [] and summary["counts"]["articles"] == 5
    assert sorted(r["id"] for r in _records(tmp_path / "o")) == sorted(s.stem for s in SEEDS)
    said = [n for n in notices if str(folder / "articles.jsonl") in n]
    assert len(said) == 1 and "passed over" in said[0] and "output" in said[0], notices

    summary = run(RunOptions(paths=[folder / "articles.jsonl"], out=tmp_path / "o2", progress=False), nlp_info)
    assert summary["errors"] == [] and summary["counts"]["articles"] == 5


def test_a_cache_locked_at_the_start_names_the_lock_not_the_folder(tmp_path):
    """A cache held exclusively by another program when the run opens it (an sqlite3 shell with
    `PRAGMA locking_mode=EXCLUSIVE` and a write open): the start said "cannot open the cache …
    (database is locked); is the output folder writable?", a hint that does not fit (the folder
    is writable). Now the message names the cause and the remedy, as a lock met mid-run does."""
    import sqlite3

    from pipeline.errors import CannotStart
    from pipeline.io import Cache

    path = tmp_path / "cache-v1.sqlite"
    Cache(path).db.close()
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE records SET words = words")
    try:
        with pytest.raises(CannotStart) as e:
            Cache(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "(database is locked)" in str(e.value) and "close the program that holds the cache open and re-run" in str(e.value), str(e.value)
    assert "writable" not in str(e.value), str(e.value)
    assert not list(tmp_path.glob("*.corrupt-*"))  # not moved aside


# the batch timeout of the hung-extraction tests: a real file's extraction in its forked worker ends well within
# it on a busy machine too (2 s timed the real PDF out as well with the suite on two xdist workers beside other jobs)
EXTRACT_TIMEOUT = 8


def test_a_web_page_whose_extraction_hangs_is_timed_out_with_one_process(tmp_path, nlp_info, monkeypatch):
    """`-n 1` (the default) extracted each web page, PDF and Word file in the run's own process, with no
    time limit: a page that made trafilatura loop stopped the run for good. Now the extraction runs in a
    supervised worker process under the batch timeout of `-n 2` (`--batch-timeout`, here `EXTRACT_TIMEOUT`): the
    hung page (its extraction sleeps 30 s here) is killed, tried once more, then it is that file's
    `timed_out` error; the seed and the other real page beside it are written."""
    import time

    import pipeline.process as process
    from repo_data import NEWS

    real = process.read_ref

    def read_ref(ref):
        if ref.path.endswith("haengt.html"):
            time.sleep(30)
        return real(ref)

    monkeypatch.setattr(process, "read_ref", read_ref)  # inherited by the forked extraction worker
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS[3], inp / SEEDS[3].name)
    page = NEWS / "html" / "pages" / "trafilatura--meininger.de-wachstum.html"
    shutil.copy(page, inp / "seite.html")
    shutil.copy(page, inp / "haengt.html")
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False, batch_timeout=EXTRACT_TIMEOUT), nlp_info)
    assert [(os.path.basename(e["path"]), e["kind"]) for e in summary["errors"]] == [("haengt.html", "timed_out")], summary["errors"]
    assert summary["errors"][0]["message"].startswith(f"{inp / 'haengt.html'}: ")
    assert any("did not finish" in n and "haengt.html" in n for n in summary["notices"]), summary["notices"]
    assert sorted(r["id"] for r in _records(tmp_path / "out")) == sorted([SEEDS[3].stem, "seite"])


@pytest.mark.parametrize("mode", ["pdf_articles", "cluster_without_shared_fs"])
def test_a_file_the_driver_extracts_itself_is_timed_out_and_the_run_goes_on(tmp_path, nlp_info, monkeypatch, mode):
    """`--pdf-articles` (a PDF's articles are known only once it is read: the driver extracts it) and
    `--cluster` without `--shared-fs` (the workers get the text: the driver extracts every PDF, Word
    file and web page) read each such file in the run's own process, with no time limit: a file that
    made pdfminer or trafilatura loop stopped the run for good. Now that extraction runs in a supervised
    worker process under the batch timeout (here `EXTRACT_TIMEOUT`), as `-n 1`'s does: the hung file (its extraction
    sleeps 30 s here) is its `timed_out` error naming it, the seed and the real file beside it are written.
    (The cluster's executor is replaced by the in-process one: what is tested is the driver's reading.)"""
    import time

    import pipeline.execute as execute
    import pipeline.ingest as ingest
    import pipeline.run as run_module
    from repo_data import NEWS

    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SEEDS[3], inp / SEEDS[3].name)
    if mode == "pdf_articles":
        import fpdf

        pdf = fpdf.FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, SEEDS[0].read_text(encoding="utf-8").encode("latin-1", "replace").decode("latin-1"))
        pdf.output(str(inp / "seite.pdf"))
        shutil.copy(inp / "seite.pdf", inp / "haengt.pdf")
        real, name, opts = ingest._pdf_articles, "_pdf_articles", dict(pdf_articles=True)
        good = {SEEDS[3].stem, "seite#a1"}
    else:
        page = NEWS / "html" / "pages" / "trafilatura--meininger.de-wachstum.html"
        shutil.copy(page, inp / "seite.html")
        shutil.copy(page, inp / "haengt.html")
        real, name, opts = ingest._from_bytes, "_from_bytes", dict(cluster="local:1")
        good = {SEEDS[3].stem, "seite"}
        # a text file of the hung page's id: the page keeps its id, as a page extracted in a worker does
        # (`_process`: a timed-out file's id is not free), so this one is a duplicate in every mode
        shutil.copy(SEEDS[1], inp / "haengt.txt")
        inline = execute.make_executor
        monkeypatch.setattr(run_module, "make_executor", lambda get_nlp, settings, *a, **k: inline(get_nlp, settings))

    def hanging(data, path, *args):
        if path.name.startswith("haengt.") and path.suffix != ".txt":
            time.sleep(300)  # far past the limit: waited for, the run would take 300 s (a busy machine runs it in 40 s)
        return real(data, path, *args)

    monkeypatch.setattr(ingest, name, hanging)  # inherited by the forked extraction worker
    t = time.monotonic()
    summary = run(RunOptions(paths=[inp], out=tmp_path / "out", progress=False, batch_timeout=EXTRACT_TIMEOUT, **opts), nlp_info)
    assert time.monotonic() - t < 240, "the hung extraction was waited for"
    haengt = next(f for f in inp.iterdir() if f.name.startswith("haengt.") and f.suffix != ".txt")
    errors = [(e["path"], e["kind"]) for e in summary["errors"]]
    assert errors[0] == (str(haengt), "timed_out") and errors[1:] == ([(str(inp / "haengt.txt"), "duplicate_id")] if mode != "pdf_articles" else []), errors
    assert summary["errors"][0]["message"].startswith(f"{haengt}: ")
    assert any("did not finish" in n and haengt.name in n for n in summary["notices"]), summary["notices"]
    assert {r["id"] for r in _records(tmp_path / "out")} == good
