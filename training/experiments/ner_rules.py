"""Experiment (issue 13): what each span repair of `presseschau_ner_rules` and of
`presseschau_names` is worth. NER F1 of the whole Presseschau pipeline on a development set
(the Wikinews **dev** split, or the 500 held-out GermEval dev sentences, one Doc per
sentence as `evaluate-model --mode pipeline` runs them) with all repairs on, with none, and
with each one switched off alone (ablation). The model runs once; the rule components run
again per setting.

    python -m training.experiments.ner_rules [--model models/de_presseschau] [--set news|germeval_dev] [--split dev|train]
    python -m training.experiments.ner_rules --errors   # also list the remaining errors
    python -m training.experiments.ner_rules --set germeval_dev --prf   # P/R/F per label
"""
from __future__ import annotations

import argparse
import json
from collections import Counter

from pipeline.evaluate.model import NER_DEV_SETS, NER_LABELS, PRED_LABEL, _prf, count_matches, pipeline_docs, read_news
from pipeline.nlp import NER_RULE_COMPONENTS, load_nlp
from pipeline.paths import BUNDLED_MODEL, SHARED_DATA

# setting name -> {component: {attribute: value}}; "all on" is the shipped configuration
RULES = {
    "strip_descriptors": ("presseschau_ner_rules", "strip_descriptors"),
    "org_forms": ("presseschau_ner_rules", "org_forms"),
    "drop_adjectives": ("presseschau_ner_rules", "drop_adjectives"),
    "drop_common_nouns": ("presseschau_ner_rules", "drop_common_nouns"),
    "drop_compound_nouns": ("presseschau_ner_rules", "drop_compound_nouns"),
    "surname_wins": ("presseschau_names", "surname_wins"),
    "kinds": ("presseschau_ner_rules", "kinds"),
    "apposition": ("presseschau_ner_rules", "apposition"),
    "institutions": ("presseschau_ner_rules", "institutions"),
    "persons": ("presseschau_ner_rules", "persons"),
    "institution_places": ("presseschau_ner_rules", "institution_places"),
    "roads": ("presseschau_ner_rules", "roads"),
    "name_bounds": ("presseschau_ner_rules", "name_bounds"),
    "context_wins": ("presseschau_names", "context_wins"),
    "acronyms": ("presseschau_ner_rules", "acronyms"),
    "org_apposition": ("presseschau_ner_rules", "org_apposition"),
    "datelines": ("presseschau_ner_rules", "datelines"),
    "places": ("presseschau_ner_rules", "places"),
}


def score(items: list[dict], docs, prf: bool = False) -> dict:
    tp, fp, fn, _ = count_matches(items, docs)
    row = {lab: _prf(tp[lab], fp[lab], fn[lab]) if prf else _prf(tp[lab], fp[lab], fn[lab])["f"] for lab in NER_LABELS}
    row["all"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))["f"]
    return row


def error_classes(items: list[dict], docs) -> Counter:
    """The error classes of issue 13, counted on gold vs prediction (PER/ORG/LOC):
    org_as_per: a gold ORG predicted PER (same span, or a PER acronym over an ORG);
    descriptor_inside: a prediction that is a gold name plus leading words ("Provinz Helmand");
    common_noun: a single-token prediction no gold entity overlaps;
    missed_per: a gold PER no prediction overlaps (non-German names among them: see --errors);
    org_split_or_missed: a multi-token gold ORG found only in part, or not at all;
    copied_label: a wrong entity that `presseschau_names` added or relabelled."""
    from pipeline.nlp.names import PROPAGATED_SPANS, RELABELLED_SPANS

    c: Counter = Counter()
    for s, doc in zip(items, docs):
        gold = {(a, b): lab for a, b, lab in s["gold"] if lab in ("PER", "ORG", "LOC")}
        pred = {(e.start_char, e.end_char): PRED_LABEL[e.label_] for e in doc.ents
                if PRED_LABEL.get(e.label_) in ("PER", "ORG", "LOC")}
        changed = {(e.start_char, e.end_char) for key in (PROPAGATED_SPANS, RELABELLED_SPANS) for e in doc.spans.get(key, [])}
        for (a, b), lab in pred.items():
            over = [(ga, gb) for ga, gb in gold if ga < b and a < gb]
            if gold.get((a, b)) == "ORG" and lab == "PER":
                c["org_as_per"] += 1
            if any(gb == b and ga > a for ga, gb in over):
                c["descriptor_inside"] += 1
            if not over and len(s["text"][a:b].split()) == 1 and s["text"][a:a + 1].isupper():
                c["common_noun"] += 1
            if (a, b) in changed and gold.get((a, b)) != lab:
                c["copied_label"] += 1
        for (a, b), lab in gold.items():
            over = [(pa, pb) for pa, pb in pred if pa < b and a < pb]
            if lab == "PER" and not over:
                c["missed_per"] += 1
            if lab == "ORG" and len(s["text"][a:b].split()) >= 2 and pred.get((a, b)) != "ORG":
                c["org_split_or_missed"] += 1
    return c


def run_rules(nlp, model_docs: list, setting: dict[str, bool]) -> list:
    """The rule components (`presseschau_ner_rules`, `presseschau_names`) on copies of the
    model's Docs, with the repairs of `setting` switched on or off."""
    for key, on in setting.items():
        comp, attr = RULES[key]
        setattr(nlp.get_pipe(comp), attr, on)
    procs = [nlp.get_pipe(n) for n in NER_RULE_COMPONENTS]
    out = []
    for doc in model_docs:
        doc = doc.copy()
        for proc in procs:
            doc = proc(doc)
        out.append(doc)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(BUNDLED_MODEL))
    # an ablation chooses repairs and --errors lists gold mismatches: never on the test split
    ap.add_argument("--split", default="dev", choices=["dev", "train"], help="Wikinews split (with --set news); never test")
    ap.add_argument("--set", default="news", choices=["news", "germeval_dev"],
                    help="news: the Wikinews split of --split; germeval_dev: the 500 held-out GermEval dev sentences")
    ap.add_argument("--limit", type=int, default=0, help="only the first N items (0: all; session 12/14: train[:300])")
    ap.add_argument("--errors", action="store_true", help="print the errors left with all repairs on")
    ap.add_argument("--prf", action="store_true", help="precision, recall and F1 per label (default: F1)")
    args = ap.parse_args(argv)
    if args.set == "germeval_dev":
        items = NER_DEV_SETS["ner_germeval_dev"][1](SHARED_DATA)
    else:
        items = read_news(SHARED_DATA, args.split)
    if args.limit:
        items = items[:args.limit]
    nlp, _ = load_nlp(args.model)
    with nlp.select_pipes(disable=list(NER_RULE_COMPONENTS)):
        # the annotate stage without the two rule components (context, dates and figures run)
        model_docs = list(pipeline_docs(nlp, (s["text"] for s in items)))
    all_on = {k: True for k in RULES}
    settings = {"all repairs": all_on, "none": {k: False for k in RULES}}
    settings |= {f"without {k}": all_on | {k: False} for k in RULES}
    for name, setting in settings.items():
        docs = run_rules(nlp, model_docs, setting)
        print(f"{name:28s}", json.dumps(score(items, docs, args.prf)))
        if name in ("all repairs", "none"):
            print(f"{'':28s}", "error classes:", json.dumps(dict(sorted(error_classes(items, docs).items()))))
    if args.errors:
        for s, doc in zip(items, run_rules(nlp, model_docs, all_on)):
            pred = {(e.start_char, e.end_char, PRED_LABEL[e.label_]) for e in doc.ents if e.label_ in PRED_LABEL}
            gold = set(s["gold"])
            for kind, spans in (("FP", pred - gold), ("FN", gold - pred)):
                for a, b, lab in sorted(spans):
                    print(kind, lab, repr(s["text"][a:b]), "|", s["text"][max(0, a - 40):b + 30].replace("\n", " "))


if __name__ == "__main__":
    main()
