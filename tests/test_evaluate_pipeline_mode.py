"""`evaluate-model --mode pipeline --split dev`: the whole annotate stage scored on the
development sets (the 500 held-out GermEval dev sentences, Wikinews dev); never the test sets."""
from __future__ import annotations

import pytest

from repo_data import SHARED, web_set

DATA = SHARED / "data"
pytestmark = pytest.mark.skipif(not (DATA / "news").is_dir(), reason="../shared/data not available")


def test_held_out_germeval_sentences_are_the_ones_training_leaves_out():
    """The 500 sentences `--split dev` scores are exactly those training/convert.py keeps out
    of the training corpus (one definition of the split, used by both)."""
    from pipeline.evaluate.model import GERMEVAL_DEV, read_germeval_held_out
    from training import convert

    held = read_germeval_held_out(DATA / GERMEVAL_DEV)
    train, dev = convert.convert_germeval(DATA / GERMEVAL_DEV)
    assert len(held) == len(dev) == 500 and sum(len(s["gold"]) for s in held) == 505
    assert [s["text"] for s in held] == [d.text.strip() for d in dev]
    assert not {s["text"] for s in held} & {d.text.strip() for d in train}


def test_pipeline_mode_scores_the_presseschau_components(nlp_info):
    """On a Wikinews dev sentence, the bare model's span 'Hauptmann Abraham Sipe' is wrong
    (gold: 'Abraham Sipe'); the annotate stage cuts the title, so only the pipeline mode
    counts the person as found."""
    from pipeline.evaluate.model import evaluate_ner, read_news
    from pipeline.nlp.load import load_model
    from pipeline.paths import BUNDLED_MODEL

    article = next(s for s in read_news(DATA, "dev") if "Hauptmann Abraham Sipe" in s["text"])
    a = article["text"].index("Hauptmann Abraham Sipe")
    start, end = article["text"].rfind("\n", 0, a) + 1, article["text"].find("\n", a)
    text = article["text"][start:end]
    gold = [(ga - start, gb - start, lab) for ga, gb, lab in article["gold"] if start <= ga and gb <= end]
    assert ("Abraham Sipe", "PER") in {(text[ga:gb], lab) for ga, gb, lab in gold}
    item = [{"text": text, "gold": gold}]
    nlp, _ = nlp_info
    bare = evaluate_ner(load_model(str(BUNDLED_MODEL)), item, "one sentence")
    whole = evaluate_ner(nlp, item, "one sentence", whole_pipeline=True)
    assert whole["per_label"]["PER"]["tp"] == bare["per_label"]["PER"]["tp"] + 1


@pytest.fixture(scope="module")
def dev_scores():
    from pipeline.evaluate.model import evaluate_model
    from pipeline.paths import BUNDLED_MODEL

    return evaluate_model(str(BUNDLED_MODEL), DATA, limit=3, modes=("model", "pipeline"), split="dev")


def test_dev_split_scores_both_modes_and_no_test_set(dev_scores):
    from pipeline.evaluate.model import evaluate_model, format_report
    from pipeline.paths import BUNDLED_MODEL

    res = dev_scores
    sets = {"ner_germeval_dev", "ner_news_dev", "ner_web_dev", "ner_web2_dev", "ner_web3_dev", "ner_web4_dev"}
    assert set(k for k in res if k.startswith("ner")) == sets | {f"{k}_pipeline" for k in sets}
    assert "ud" not in res and res["ner_news_dev_pipeline"]["sentences"] == 3
    assert "presseschau_ner_rules" in res["pipeline_components"]
    assert "whole pipeline" in format_report(res)
    with pytest.raises(ValueError, match="unknown split"):
        evaluate_model(str(BUNDLED_MODEL), DATA, split="train")


def test_model_card_takes_the_whole_pipeline_scores(dev_scores, tmp_path):
    """training/assemble.py --update-meta copies both modes' NER scores into meta.json (here
    from a dev run with its keys renamed to the test sets' keys: no test set is run)."""
    import json

    from training.assemble import update_meta

    renamed = {"ner_news": dev_scores["ner_news_dev"], "ner_news_pipeline": dev_scores["ner_news_dev_pipeline"]}
    (tmp_path / "scores.json").write_text(json.dumps(renamed), encoding="utf-8")
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    update_meta(tmp_path, tmp_path / "scores.json", {})
    perf = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))["presseschau_scores"]
    assert perf["ner_wikinews_test"]["overall"]["f"] == dev_scores["ner_news_dev"]["overall"]["f"]
    assert perf["ner_wikinews_test_whole_pipeline"]["overall"]["f"] == dev_scores["ner_news_dev_pipeline"]["overall"]["f"]
    assert "ud_gsd_test" not in perf


@pytest.mark.parametrize("args, message", [(["--split", "train"], "--split 'train'"), (["--mode", "rules"], "--mode 'rules'")])
def test_cli_rejects_an_unknown_split_or_mode_in_one_line(args, message):
    from typer.testing import CliRunner

    from pipeline.cli import app

    res = CliRunner().invoke(app, ["evaluate-model", *args])
    assert res.exit_code != 0 and message in res.output and "Traceback" not in res.output


def test_missing_data_is_reported_not_a_traceback(tmp_path):
    """A data folder without the evaluation sets (not built, not shipped): every set, UD
    included, says 'not scored' with the missing file; `--json` is written atomically and the
    model card step skips the unscored UD."""
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.evaluate.model import main
    from pipeline.paths import BUNDLED_MODEL
    from training.assemble import update_meta

    res = CliRunner().invoke(app, ["evaluate-model", "--data", str(tmp_path), "--limit", "1"])
    assert res.exit_code == 0 and "Traceback" not in res.output, res.output
    assert "UD   UD German-GSD test (de_gsd-ud-test.conllu): not scored" in res.output
    assert "de_gsd-ud-test.conllu" in res.output and "NER-de-test.tsv" in res.output
    out = tmp_path / "scores.json"
    assert main(["--model", str(BUNDLED_MODEL), "--data", str(tmp_path), "--json", str(out)]) == 0
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert "missing" in scores["ud"] and "missing" in scores["ner"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    update_meta(tmp_path, out, {})
    assert "ud_gsd_test" not in json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))["presseschau_scores"]


def test_cli_rejects_a_negative_limit_in_one_line():
    """--limit -1 took all but the last sentence of each set (sents[:-1]); now refused."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    res = CliRunner().invoke(app, ["evaluate-model", "--limit", "-1"])
    assert res.exit_code == 2 and "--limit" in res.output and "Traceback" not in res.output
    from pipeline.evaluate.model import main

    with pytest.raises(SystemExit) as e:
        main(["--limit", "-1"])
    assert e.value.code == 2


def test_ner_rules_experiment_refuses_the_test_split(capsys):
    """training/experiments/ner_rules.py ablates the repairs and lists errors (--errors): a
    development tool, so the Wikinews test split is refused before anything runs."""
    from training.experiments.ner_rules import main

    with pytest.raises(SystemExit) as e:
        main(["--split", "test", "--errors"])
    assert e.value.code == 2 and "--split" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["evaluate-model", "evaluate-rules"])
def test_cli_unknown_model_is_one_line(tmp_path, command):
    """No such model: exit code 2 and one line (was spaCy's OSError E050 as a traceback)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    res = CliRunner().invoke(app, [command, "--model", str(tmp_path / "no-model"), "--split", "dev"])
    assert res.exit_code == 2 and "no-model" in res.output and "Traceback" not in res.output, res.output


def test_evaluate_rules_with_a_broken_about_model_is_one_line(tmp_path, monkeypatch):
    """--about-model with a malformed about_model.json: one line naming it, exit code 2."""
    from typer.testing import CliRunner

    import pipeline.nlp.about_model as about_model
    from pipeline.cli import app

    (tmp_path / "about_model.json").write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(about_model, "LANG_DIR", tmp_path)
    about_model.load_about_model.cache_clear()
    try:
        res = CliRunner().invoke(app, ["evaluate-rules", "--split", "dev", "--about-model"])
    finally:
        about_model.load_about_model.cache_clear()
    shown = "".join(res.output.split())
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    assert "".join(str(tmp_path / "about_model.json").split()) in shown


def test_germeval_entities_are_scored_on_germeval_tokens(nlp_info):
    """GermEval is scored per given token: the model's "Mustafa S." (spaCy splits GermEval's
    token "S.*") tags the token "S.*", so it matches the gold chunk "Mustafa S.*" (held-out
    dev sentence, session 13); an entity on whole tokens is scored as before."""
    from pipeline.evaluate.model import GERMEVAL_DEV, count_matches, on_gold_tokens, read_germeval_held_out

    sent = next(s for s in read_germeval_held_out(DATA / GERMEVAL_DEV) if "Mustafa S.*" in s["text"])
    text = sent["text"]
    a = text.index("Mustafa S.*")
    assert (a, a + len("Mustafa S.*"), "PER") in sent["gold"]
    assert on_gold_tokens((a, a + len("Mustafa S.")), sent["tokens"]) == (a, a + len("Mustafa S.*"))
    assert on_gold_tokens((a, a + len("Mustafa")), sent["tokens"]) == (a, a + len("Mustafa"))
    nlp, _ = nlp_info
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(a, a + len("Mustafa S."), label="PER")]
    tp, fp, fn, _ = count_matches([sent], [doc])
    assert tp["PER"] == 1 and fp["PER"] == 0
    untokenized = {k: v for k, v in sent.items() if k != "tokens"}  # Wikinews items: characters only
    tp, fp, fn, _ = count_matches([untokenized], [doc])
    assert tp["PER"] == 0 and fp["PER"] == 1


def test_web_gold_is_found_in_the_pages_as_extracted_now():
    """The web NER sets hold offsets only; the text is extracted again from the saved pages, and
    every gold name must be found there (a cleaner change that moved text is absorbed by `anchor`)."""
    from pipeline.evaluate.model import WEB2_GOLD, WEB3_GOLD, WEB_GOLD
    from pipeline.io import read_jsonl

    for name, gold_file, n_pages, min_names in (("web", WEB_GOLD, 40, 900), ("web2", WEB2_GOLD, 40, 900),
                                                ("web3", WEB3_GOLD, 30, 400)):
        items = web_set(name)
        n_names = sum(len(r["entities"]) for r in read_jsonl(gold_file))
        assert len(items) == n_pages and sum(len(i["gold"]) for i in items) == n_names > min_names
    covestro = next(i for i in web_set("web") if "Covestro" in i["text"])
    assert {(covestro["text"][a:b], lab) for a, b, lab in covestro["gold"]} >= {("Covestro", "ORG")}


def test_anchor_finds_names_in_a_changed_text_and_counts_the_lost():
    from pipeline.evaluate.model import anchor

    item = next(i for i in web_set("web") if "Covestro" in i["text"])
    text = item["text"]
    ents = [{"start": a, "end": b, "label": lab, "text": text[a:b]} for a, b, lab in item["gold"]]
    assert anchor(text, ents) == (sorted(item["gold"]), 0)
    shifted, lost = anchor("Kicker\n" + text, ents)  # a line more at the top: every name 7 chars on
    assert lost == 0 and shifted == [(a + 7, b + 7, lab) for a, b, lab in sorted(item["gold"])]
    first = min(item["gold"])
    spans, lost = anchor(text.replace(text[first[0]:first[1]], "X" * (first[1] - first[0])), ents)
    assert lost >= 1 and first not in spans


def test_sets_scores_only_the_sets_named(tmp_path):
    """`--sets` (session 17): the dev sets without a blind one; a name that is no set of the split
    is one line naming it, not a KeyError."""
    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.evaluate.model import evaluate_model, parse_sets
    from pipeline.paths import BUNDLED_MODEL

    res = evaluate_model(str(BUNDLED_MODEL), DATA, limit=2, modes=("model",), split="dev", sets=["ner_news_dev"])
    assert [k for k in res if k.startswith("ner")] == ["ner_news_dev"] and res["ner_news_dev"]["sentences"] == 2
    assert parse_sets("dev", None) is None
    with pytest.raises(ValueError, match="ner_web9"):
        parse_sets("dev", "ner_news_dev,ner_web9")
    out = CliRunner().invoke(app, ["evaluate-model", "--split", "dev", "--sets", "ner_news", "--limit", "1"])
    assert out.exit_code != 0 and "is not a set of --split dev" in " ".join(out.output.split()) and "Traceback" not in out.output
    # `--sets ""` (an unset variable) said "no set is not a set of --split test": a usage error saying what to give
    for given in ("", ","):
        out = CliRunner().invoke(app, ["evaluate-model", "--sets", given])
        said = " ".join(out.output.split())
        assert out.exit_code == 2 and said.count("✘") == 1 and "Traceback" not in out.output, out.output
        assert f"presseschau evaluate-model: --sets {given!r} names no set: give one or more of --split test (ner, ner_conll2003, ner_news)" in said, said
        assert "no set is not" not in said
