"""Experiment (issue 13, session 15): where a new ner's bare gain goes in the whole pipeline.
Two or more pipelines (the same rule components, different ner) on a development set: P/R/F of
the annotate stage without the rule components ("bare") and with them, and, for the first two,
every gold PER/ORG/LOC span that one pipeline gets and the other does not, by what the two bare
models said there (a model difference, or a rule that repairs one model's error and not the
other's), and the false positives likewise.

    python -m training.experiments.ner_compare --models models/de_presseschau,DIR [--set news|germeval_dev|web] [--show]

Dev material only (the Wikinews dev split, the 500 held-out GermEval dev sentences, the web dev
set `ner_web_dev`); never a test split, never web2 or web3 (kept blind).
"""
from __future__ import annotations

import argparse
from collections import Counter

from pipeline.evaluate.model import NER_DEV_SETS, PRED_LABEL, count_matches, _prf, pipeline_docs, read_news, read_web
from pipeline.nlp import NER_RULE_COMPONENTS, load_nlp
from pipeline.paths import SHARED_DATA

from .ner_rules import run_rules

CORE = ("PER", "ORG", "LOC")


def items_of(name: str) -> list[dict]:
    if name == "germeval_dev":
        return NER_DEV_SETS["ner_germeval_dev"][1](SHARED_DATA)
    if name == "web":
        return read_web(SHARED_DATA)
    return read_news(SHARED_DATA, "dev")


def docs_of(model: str, texts: list[str]) -> tuple[list, list]:
    """(bare Docs, whole-pipeline Docs) of `model` on `texts`: the model runs once."""
    nlp, _ = load_nlp(model)
    with nlp.select_pipes(disable=list(NER_RULE_COMPONENTS)):
        bare = list(pipeline_docs(nlp, texts))
    return bare, run_rules(nlp, bare, {})


def core_spans(doc) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, PRED_LABEL[e.label_]) for e in doc.ents if PRED_LABEL.get(e.label_) in CORE}


def f1_row(items: list[dict], docs: list) -> str:
    tp, fp, fn, _ = count_matches(items, docs)
    return " / ".join(f"{_prf(tp[lab], fp[lab], fn[lab])['f']:.4f}" for lab in CORE)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", required=True, help="comma-separated pipeline directories; the first two are compared span by span")
    ap.add_argument("--set", default="news", choices=["news", "germeval_dev", "web"])
    ap.add_argument("--show", action="store_true", help="list the gold spans only one pipeline gets and the false ones only one makes, with context")
    args = ap.parse_args(argv)
    items = items_of(args.set)
    texts = [it["text"] for it in items]
    models = args.models.split(",")
    runs = {m: docs_of(m, texts) for m in models}
    for m, (bare, full) in runs.items():
        print(f"{m}: F1 PER / ORG / LOC bare {f1_row(items, bare)}, whole pipeline {f1_row(items, full)}")
    if len(models) < 2:
        return
    x, y = models[:2]
    c: Counter = Counter()
    for k, it in enumerate(items):
        gold = {g for g in it["gold"] if g[2] in CORE}
        px, py = core_spans(runs[x][1][k]), core_spans(runs[y][1][k])
        bx, by = core_spans(runs[x][0][k]), core_spans(runs[y][0][k])
        t = it["text"]
        for s in sorted(gold):
            if (s in px) == (s in py):
                continue
            win = "first" if s in px else "second"
            kind = f"TP only {win}: bare first {'right' if s in bx else 'wrong'}, second {'right' if s in by else 'wrong'}"
            c[kind] += 1
            if args.show:
                print(f"  {kind}: {s[2]} {t[s[0]:s[1]]!r} | {t[max(0, s[0] - 40):s[1] + 25]!r}")
        for s in sorted((px ^ py) - gold):
            who = "first" if s in px else "second"
            kind = f"FP only {who}: bare first {'same' if s in bx else 'not'}, second {'same' if s in by else 'not'}"
            c[kind] += 1
            if args.show:
                print(f"  {kind}: {s[2]} {t[s[0]:s[1]]!r} | {t[max(0, s[0] - 40):s[1] + 25]!r}")
    print(f"first = {x}, second = {y}")
    for kind, n in sorted(c.items()):
        print(f"  {n:4d} {kind}")


if __name__ == "__main__":
    main()
