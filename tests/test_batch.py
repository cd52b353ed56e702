"""Batch robustness on real news: worker processes give the same output as one process, and a
`kill -9` in the middle of a run followed by a re-run gives exactly the uninterrupted output."""
from __future__ import annotations

import pytest

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from pipeline.run import CACHE_NAME, LEDGER_NAME, RunOptions, run

from repo_data import REPO, read_news


def _corpus(tmp_path, n):
    p = tmp_path / "news.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for rec in read_news("wikinews_de.jsonl.gz", n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return p


@pytest.mark.slow
def test_two_worker_processes_give_identical_output(tmp_path, nlp_info):
    corpus = _corpus(tmp_path, 24)
    run(RunOptions(paths=[corpus], out=tmp_path / "one", progress=False), nlp_info)
    run(RunOptions(paths=[corpus], out=tmp_path / "two", progress=False, n_process=2, batch_size=4), nlp_info)
    one = (tmp_path / "one" / "articles.jsonl").read_text(encoding="utf-8")
    two = (tmp_path / "two" / "articles.jsonl").read_text(encoding="utf-8")
    assert one == two
    recs = [json.loads(x) for x in one.splitlines()]
    assert len(recs) == 24
    # the rule components ran inside the workers too
    assert any(e["label"] == "DATE" for r in recs for e in r["entities"])


def test_article_metadata_reaches_the_worker_processes(nlp_info):
    """With --n-process 2 the texts are tokenized in the workers (ArticleText), and each
    article's publication date must come along: the same seed sentence with "am Dienstag"
    resolves against each article's own date, in input order."""
    from pipeline.nlp import annotate
    from pipeline.nlp.ext import DATE_SPANS

    nlp, _ = nlp_info
    raw = (REPO / "corpus" / "004_fa3f6e095796322b.txt").read_text(encoding="utf-8")
    sentence = next(s.strip() + "." for s in raw.split(".") if "am Dienstag mitteilte" in s)
    published = {"a": "2022-09-28", "b": "2022-10-06", "c": "2021-03-05"}
    items = [(sentence, {"id": f"{k}{i}", "published": v}) for i in range(3) for k, v in published.items()]
    got = list(annotate(nlp, items, n_process=2, batch_size=1))
    assert [ctx for _, ctx in got] == [ctx for _, ctx in items]
    tuesday = {"a": "2022-09-27", "b": "2022-10-04", "c": "2021-03-02"}
    for doc, ctx in got:
        assert [(s.text, s._.value) for s in doc.spans[DATE_SPANS]] == [("Dienstag", tuesday[ctx["id"][0]])]


def test_article_text_pickles_with_its_metadata():
    import pickle

    from pipeline.nlp import ArticleText

    text = ArticleText("Am Dienstag teilte die Behörde mit.", {"id": "x", "published": "2022-09-28"})
    back = pickle.loads(pickle.dumps(text))
    assert (type(back), str(back), back.context) == (ArticleText, str(text), text.context)


def test_doc_bytes_round_trip_keeps_rule_spans_and_their_values(nlp_info):
    """Workers hand Docs back as bytes (srsly msgpack, whose plugin lookup spacy_ext does once):
    the rule spans and their extension values must survive."""
    from spacy.tokens import Doc

    from pipeline.nlp import annotate
    from pipeline.nlp.ext import DATE_SPANS, FIGURE_SPANS

    nlp, _ = nlp_info
    recs = read_news("wikinews_de.jsonl.gz", 12)
    for doc, _ in annotate(nlp, [(r["text"], {"id": r["id"], "published": r.get("published")}) for r in recs]):
        back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        for key in (DATE_SPANS, FIGURE_SPANS):
            want = [(s.start_char, s.end_char, s._.value, s._.unit, s._.about) for s in doc.spans.get(key, [])]
            assert [(s.start_char, s.end_char, s._.value, s._.unit, s._.about) for s in back.spans.get(key, [])] == want
        assert back._.article_id == doc._.article_id and back._.published == doc._.published


def test_msgpack_plugins_registered_after_start_up_are_used():
    """spacy_ext caches srsly's plugin lookup; a plugin registered later must still be used
    (and no longer used once removed), or Doc extension values could be lost in transit."""
    import catalogue
    import srsly
    from srsly.msgpack import msgpack_decoders, msgpack_encoders

    import pipeline.nlp.ext  # noqa: F401  (installs the cached lookup)

    def encode(obj, chain=None):
        return {"__frozenset__": sorted(obj)} if isinstance(obj, frozenset) else (obj if chain is None else chain(obj))

    def decode(obj, chain=None):
        return frozenset(obj["__frozenset__"]) if "__frozenset__" in obj else (obj if chain is None else chain(obj))

    value = {"labels": frozenset({"PER", "LOC"})}
    msgpack_encoders.register("presseschau_test_frozenset", func=encode)
    msgpack_decoders.register("presseschau_test_frozenset", func=decode)
    try:
        assert srsly.msgpack_loads(srsly.msgpack_dumps(value)) == value
    finally:
        for reg in (msgpack_encoders, msgpack_decoders):
            catalogue._remove((*reg.namespace, "presseschau_test_frozenset"))
    assert "presseschau_test_frozenset" not in msgpack_encoders.get_all()


def _stored(out):
    db = out / CACHE_NAME
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(str(db), timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_midway_then_rerun_equals_uninterrupted(tmp_path, nlp_info):
    # 128 articles in batches of 16: eight commits, so the kill lands after the first one
    corpus = _corpus(tmp_path, 128)
    ref = tmp_path / "ref"
    run(RunOptions(paths=[corpus], out=ref, progress=False), nlp_info)
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--annotations", str(tmp_path / "a"),
           "--no-progress", "--batch-size", "16"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while _stored(out) == 0 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = _stored(out)
    assert 0 < done_before < 128, "the kill should land in the middle of the run"
    assert not (out / "articles.jsonl").exists()
    # the killed run's list of the articles it had read was on disk (issue 19: not in its memory)
    assert (out / LEDGER_NAME).exists()
    summary = run(RunOptions(paths=[corpus], out=out, progress=False), nlp_info)
    assert summary["counts"]["cached"] == done_before
    assert summary["counts"]["processed"] == 128 - done_before
    assert summary["errors"] == [] and not (out / LEDGER_NAME).exists()  # replaced, not read: no stale duplicates
    assert (out / "articles.jsonl").read_bytes() == (ref / "articles.jsonl").read_bytes()
