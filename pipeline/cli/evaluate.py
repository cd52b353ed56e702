"""`presseschau evaluate`, `evaluate-model` and `evaluate-dates`: the measurements."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from ..paths import SHARED_DATA as DEFAULT_DATA
from .app import app, reading


@contextmanager
def cannot_start():
    """A model or a language data file that cannot be loaded (`CannotStart`: no such model, a
    broken about_model.json): one line and exit code 2, as for `run`, not a traceback."""
    from wasabi import msg

    from ..errors import CannotStart

    try:
        yield
    except CannotStart as e:
        msg.fail(str(e))
        raise typer.Exit(2) from None


def _check_model(model: Optional[str]) -> None:
    """`--model ""` (`--model "$MODEL"` unset): the usage error `run` gives, naming the option, before the data
    is looked at; the API's message said "or None for the default", which no command line can give."""
    if model is not None and not model.strip():
        raise typer.BadParameter(f"--model {model!r}: give a model name or path (or leave --model out for the default)")


def need_data(data: Path, holds: Optional[str] = None) -> None:
    """The shared open data a measurement reads (`--data`): a folder that is not there, or one without the
    files the measurement reads (`holds`, a glob pattern inside it), is one line and exit code 2, before the
    model is loaded (another folder gave a traceback, or for evaluate-dates all-zero scores of 0 documents)."""
    from wasabi import msg

    if not data.exists():
        msg.fail(f"{data}: no such folder (the evaluation data, see ../shared/data/README.md; give --data)")
        raise typer.Exit(2)
    if holds is not None and not any(data.glob(holds)):
        msg.fail(f"{data}: no {holds} in this folder, not the evaluation data (see ../shared/data/README.md; give --data)")
        raise typer.Exit(2)


@app.command("evaluate")
def evaluate_cmd(
    run_file: Path = typer.Option(Path("outputs/articles.jsonl"), "--run", help="articles.jsonl of a run, or the output folder holding it"),
    gold: Path = typer.Option(Path("annotations/gold/seeds.jsonl"), "--gold"),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
):
    """Score a run against the hand-made gold standard (P/R/F1 per label; value/unit/about accuracy)."""
    from wasabi import msg

    from ..errors import NoRunOutput, RunSummaryGiven
    from ..evaluate.gold import evaluate_run, format_report
    from ..paths import run_articles

    try:  # the output folder, as validate, review, export and report take it
        run_file = run_articles(run_file)
    except RunSummaryGiven as e:
        msg.fail(str(e))
        raise typer.Exit(2)
    if not run_file.exists():
        msg.fail(f"{NoRunOutput(run_file)}; or give --run")
        raise typer.Exit(2)
    if not gold.exists():
        msg.fail(f"{gold}: no such file (give --gold)")
        raise typer.Exit(2)
    with reading(run_file, 2):
        scores = evaluate_run(run_file, gold)
    print(json.dumps(scores, indent=2, ensure_ascii=False) if as_json else format_report(scores))


@app.command("evaluate-model")
def evaluate_model_cmd(
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model name or path (default: as for `run`)"),
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="The shared open data folder"),
    as_json: bool = typer.Option(False, "--json"),
    mode: str = typer.Option("model", "--mode", help="model: the bare spaCy model; pipeline: the annotate stage as users get it (model + Presseschau components, sentence by sentence); both"),
    split: str = typer.Option("test", "--split", help="test: GermEval test, CoNLL testa, Wikinews test (measure only); dev: the 500 held-out GermEval dev sentences, Wikinews dev and the web news sets of annotations/web (to develop on; web3 and web4 kept blind)"),
    limit: int = typer.Option(0, "--limit", min=0, help="only the first N sentences/articles of each set (0: all)"),
    sets: Optional[str] = typer.Option(None, "--sets", help="comma-separated NER sets of the split to score (default: all), e.g. ner_news_dev,ner_germeval_dev"),
):
    """NER on GermEval 2014 test, CoNLL-2003 German testa and the Wikinews test split; UPOS and LAS on UD German-GSD test.
    With --split dev: NER on the development sets instead, no UD; with --mode pipeline/both: NER through the annotate stage."""
    from ..nlp import resolve_model

    _check_model(model)
    from ..evaluate.model import MODES, NER_SPLITS, evaluate_model, format_scores, parse_sets

    if mode not in (*MODES, "both"):
        raise typer.BadParameter(f"--mode {mode!r}: one of {', '.join((*MODES, 'both'))}")
    if split not in NER_SPLITS:
        raise typer.BadParameter(f"--split {split!r}: one of {', '.join(NER_SPLITS)}")
    try:
        chosen = parse_sets(split, sets)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    modes = MODES if mode == "both" else (mode,)
    need_data(data)
    with cannot_start():
        scores = evaluate_model(resolve_model(model).name, data, limit=limit, modes=modes, split=split, sets=chosen)
    print(json.dumps(scores, indent=2, ensure_ascii=False) if as_json else format_scores(scores))


@app.command("evaluate-dates")
def evaluate_dates_cmd(
    model: Optional[str] = typer.Option(None, "--model", "-m"),
    data: Path = typer.Option(DEFAULT_DATA / "dates" / "wikiwars_de", "--data"),
    half: Optional[str] = typer.Option(None, "--half", help="Only the odd-numbered documents (the dev half, whose errors may be read) or the even-numbered ones (held out)"),
):
    """Date detection and normalisation on WikiWarsDE (TIMEX2 gold)."""
    from ..nlp import load_nlp

    _check_model(model)
    from ..evaluate.dates import check_half, evaluate_wikiwars

    try:
        check_half(half)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--half") from None
    need_data(data, "in/*.sgm")
    with cannot_start():
        nlp, _ = load_nlp(model)
    scores = evaluate_wikiwars(nlp, data, half=half)
    print(json.dumps(scores, indent=2, ensure_ascii=False))


@app.command("evaluate-rules")
def evaluate_rules_cmd(
    split: str = typer.Option("test", "--split", help="Wikinews articles with DATE/FIGURE gold: dev (the dev split), dev2 ... dev18 (30 train articles each, annotated blind), train (dev2-dev18 together) to develop on, or test (measure only)"),
    model: Optional[str] = typer.Option(None, "--model", "-m"),
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="The shared open data folder"),
    as_json: bool = typer.Option(False, "--json"),
    errors: int = typer.Option(0, "--errors", min=0, help="With --json: keep up to N mismatches per kind (dev only)"),
    about_model: Optional[bool] = typer.Option(None, "--about-model/--no-about-model",
                                               help="FIGURE about: the learned fallback where the rules give none on/off (default: the component's)"),
):
    """DATE (exact span F1, value and type accuracy) and FIGURE (F1 with value match, unit and about accuracy) on the Wikinews gold."""
    from ..nlp import load_nlp

    _check_model(model)
    from ..evaluate.rules import RULE_DEV_SETS, evaluate_rules, format_scores
    from ..evaluate.model import NEWS_TEXTS

    splits = ("dev", *RULE_DEV_SETS, "train", "test")
    if split not in splits:
        raise typer.BadParameter(f"{split!r} is none of {', '.join(splits)}", param_hint="--split")
    if errors and split == "test":
        raise typer.BadParameter("--errors lists gold mismatches: use it on dev, never on test", param_hint="--errors")
    need_data(data, NEWS_TEXTS.as_posix())
    with cannot_start():
        nlp, _ = load_nlp(model)
        if about_model is not None:
            nlp.get_pipe("presseschau_figures").use_about_model(about_model)
    scores = evaluate_rules(nlp, data, split, keep_errors=errors)
    print(json.dumps(scores, indent=2, ensure_ascii=False) if as_json else format_scores(scores))
