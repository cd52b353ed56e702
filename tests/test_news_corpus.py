"""The project's Wikinews NER corpus (annotations/news): integrity against the real texts,
the annotators' markup format, the agreement measure and the conversion to training Docs."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from annotations.news.build import CORPUS, agreement, check_file, merge_rules
from annotations.news.markup import Mark, MarkupError, parse, render
from annotations.news.prepare import SPLITS, load_splits, read_articles, split_ids
from repo_data import SHARED

DATA = SHARED / "data"


@pytest.fixture(scope="module")
def articles():
    return read_articles(DATA)


@pytest.fixture(scope="module")
def corpus():
    return [json.loads(line) for line in CORPUS.open(encoding="utf-8")]


def test_splits_are_fixed_disjoint_and_reproducible(articles):
    splits = load_splits()
    assert {k: len(v) for k, v in splits.items()} == {"train": 792, "dev": 100, "test": 100}
    ids = [i for v in splits.values() for i in v]
    assert len(ids) == len(set(ids)) == len(articles) == 992
    assert split_ids(list(articles)) == splits, f"{SPLITS} is not what prepare.split_ids gives"


def test_every_entity_matches_the_real_text(articles, corpus):
    import hashlib

    labels = Counter()
    for rec in corpus:
        text = articles[rec["id"]]["text"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == rec["sha256"], rec["id"]
        prev_end = 0
        for e in sorted(rec["entities"], key=lambda e: e["start"]):
            assert text[e["start"]:e["end"]] == e["text"], (rec["id"], e)
            assert e["start"] >= prev_end, f"overlapping entities in {rec['id']}"
            prev_end = e["end"]
            assert e["label"] in rec["labels"]
            labels[(rec["split"], e["label"])] += 1
    # DATE and FIGURE gold in the test split (measuring) and the dev split (developing the
    # rules), names everywhere
    assert all(labels[(s, lab)] > 200 for s in ("test", "dev") for lab in ("DATE", "FIGURE"))
    # in train only the blind rule dev sets carry them: 30 articles each, disjoint
    # (annotations/news/dev2.json ... dev18.json)
    from annotations.news.build import rule_ids
    from pipeline.evaluate.rules import rule_sets

    sets = rule_sets()
    assert set(sets) == {f"dev{n}" for n in range(2, 19)} and all(len(ids) == 30 for ids in sets.values())
    assert len(rule_ids()) == 510 and all(i in load_splits()["train"] for i in rule_ids())
    assert {r["id"] for r in corpus if r["split"] == "train" and "DATE" in r["labels"]} == rule_ids()
    assert 1000 < labels[("train", "DATE")] < 2200 and 1000 < labels[("train", "FIGURE")] < 2200
    assert all(labels[("train", lab)] > 500 for lab in ("PER", "ORG", "LOC", "MISC"))


def test_markup_round_trip_on_real_articles(articles, corpus):
    for rec in corpus[:50]:
        text = articles[rec["id"]]["text"]
        marks = [Mark(e["start"], e["end"], e["label"], e["text"],
                      {k: e.get(k) for k in ("value", "type", "unit", "about") if k in e}) for e in rec["entities"]]
        plain, back = parse(render(text, marks))
        assert plain == text
        assert [(m.start, m.end, m.label) for m in back] == [(m.start, m.end, m.label) for m in marks]
        for m, orig in zip(back, marks):
            if m.label == "FIGURE":
                assert m.attrs["value"] == orig.attrs["value"] and m.attrs["unit"] == orig.attrs["unit"]


def test_markup_errors_name_the_line():
    with pytest.raises(MarkupError, match="line 2"):
        parse("Erste Zeile.\nDann [[Berlin|CITY]] hier.")
    with pytest.raises(MarkupError, match="DATE needs value and type"):
        parse("[[gestern|DATE]]")
    # a name in literal brackets: the first "[" is text
    text, marks = parse("'Kaiser' [[[Franz Beckenbauer|PER]]]")
    assert text == "'Kaiser' [Franz Beckenbauer]" and marks[0].text == "Franz Beckenbauer"


def test_check_finds_a_changed_text(tmp_path, articles):
    doc_id = next(iter(articles))
    text = articles[doc_id]["text"]
    bad = tmp_path / f"{doc_id}.txt"
    bad.write_text(text.replace(" ", "  ", 1), encoding="utf-8")
    problems = check_file(bad, articles, {doc_id: "train"})
    assert problems and "text changed" in problems[0]
    bad.write_text(text, encoding="utf-8")
    assert check_file(bad, articles, {doc_id: "train"}) == []


def test_agreement_counts_the_differences(tmp_path, articles, corpus):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for rec in corpus[:5]:
        text = articles[rec["id"]]["text"]
        marks = [Mark(e["start"], e["end"], e["label"], e["text"]) for e in rec["entities"] if e["label"] in ("PER", "ORG", "LOC", "MISC")]
        (a / f"{rec['id']}.txt").write_text(render(text, marks), encoding="utf-8")
        # annotator B relabels the first entity and misses the last
        changed = [Mark(marks[0].start, marks[0].end, "MISC" if marks[0].label != "MISC" else "ORG", marks[0].text)] + marks[1:-1]
        (b / f"{rec['id']}.txt").write_text(render(text, changed), encoding="utf-8")
    scores, diffs = agreement(a, b)
    assert scores["articles"] == 5
    assert scores["overall"]["only_a"] == 10 and scores["overall"]["only_b"] == 5
    assert 0.8 < scores["overall"]["f1"] < 1.0
    assert len(diffs) == 15


def test_training_docs_keep_almost_every_entity():
    from training.convert import convert_news

    docs = convert_news(DATA, "dev")
    assert len(docs) == 100
    n_ents = sum(len(d.ents) for d in docs)
    gold = sum(1 for rec in map(json.loads, CORPUS.open(encoding="utf-8")) if rec["split"] == "dev"
               for e in rec["entities"] if e["label"] in ("PER", "ORG", "LOC", "MISC"))
    assert n_ents >= 0.99 * gold


def test_work_files_from_the_corpus_build_the_same_corpus(tmp_path, articles):
    """Resuming the annotation: the committed corpus written back as work files
    (`prepare --from-corpus`) builds into exactly the committed corpus again."""
    from annotations.news.build import build
    from annotations.news.prepare import write_from_corpus

    assert write_from_corpus(articles, tmp_path) == 992
    rebuilt = build([tmp_path], articles, load_splits())
    assert rebuilt == [json.loads(line) for line in CORPUS.open(encoding="utf-8")]


def test_merge_rules_puts_blind_gold_into_its_articles_and_refuses_bad_spans(articles, corpus):
    """The dev3 gold merged again into the corpus gives the same corpus; a span whose text is
    not the article's, a name label, an overlap or an article outside the rule dev sets is
    refused (nothing would be written)."""
    from pipeline.evaluate.rules import rule_sets

    doc_id = sorted(rule_sets()["dev3"])[0]
    rec = next(r for r in corpus if r["id"] == doc_id)
    gold = [{"id": doc_id, "entities": [e for e in rec["entities"] if e["label"] in ("DATE", "FIGURE")]}]
    assert gold[0]["entities"], doc_id
    merged, problems = merge_rules(corpus, gold, articles)
    assert problems == [] and merged == corpus

    first = dict(gold[0]["entities"][0])
    name = next(e for e in rec["entities"] if e["label"] not in ("DATE", "FIGURE"))
    bad = [{"id": doc_id, "entities": [{**first, "start": first["start"] + 1},
                                       {**name, "label": "PER"},
                                       first, {**first, "end": first["end"] + 1, "text": articles[doc_id]["text"][first["start"]:first["end"] + 1]}]},
           {"id": sorted(load_splits()["dev"])[0], "entities": []}]
    _, problems = merge_rules(corpus, bad, articles)
    assert any("is not the text at" in p for p in problems)
    assert any("label 'PER'" in p for p in problems)
    assert any("overlaps" in p for p in problems)
    assert any("not in a rule dev set" in p for p in problems)


def test_merge_rules_reports_a_bad_gold_file_without_a_traceback(tmp_path, capsys):
    """A gold line that is no JSON, a line of the wrong shape, an article given twice or a missing
    file: a message naming the file, exit status non-zero, the corpus left as it was."""
    from annotations.news.build import main
    from pipeline.evaluate.rules import rule_sets

    out = tmp_path / "corpus.jsonl"
    out.write_bytes(CORPUS.read_bytes())
    doc_id = sorted(rule_sets()["dev3"])[0]
    not_json = tmp_path / "gold.jsonl"
    not_json.write_text('{"id": "%s", "entities": []}\n{"id": broken\n' % doc_id, encoding="utf-8")
    assert main(["merge-rules", str(not_json), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{not_json}:2: invalid JSON line" in err and "nothing written" in err

    shapes = tmp_path / "shapes.jsonl"
    shapes.write_text("\n".join(json.dumps(x) for x in [
        ["not", "an", "object"], {"id": doc_id, "entities": [{"start": 0, "label": "DATE"}]},
        {"id": doc_id, "entities": []}, {"id": doc_id, "entities": []}]) + "\n", encoding="utf-8")
    assert main(["merge-rules", str(shapes), "--out", str(out)]) == 1
    printed = capsys.readouterr().out
    assert f"{shapes}: record 1: not an object" in printed
    assert f"{shapes}: record 2 ({doc_id}): an entity without" in printed
    assert f"{shapes}: record 4: {doc_id} given twice" in printed

    assert main(["merge-rules", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2
    assert "missing.jsonl" in capsys.readouterr().err
    assert out.read_bytes() == CORPUS.read_bytes()


def test_merge_rules_refuses_a_rule_dev_article_missing_from_the_corpus(articles, corpus):
    from pipeline.evaluate.rules import rule_sets

    doc_id = sorted(rule_sets()["dev3"])[0]
    _, problems = merge_rules([r for r in corpus if r["id"] != doc_id], [{"id": doc_id, "entities": []}], articles)
    assert problems == [f"{doc_id}: no such article in the corpus"]


def test_evaluate_rules_refuses_an_unknown_split_in_one_line():
    from typer.testing import CliRunner

    from pipeline.cli import app

    r = CliRunner().invoke(app, ["evaluate-rules", "--split", "dev99"])
    assert r.exit_code == 2 and "dev99" in r.output and "dev16" in r.output and "Traceback" not in r.output
