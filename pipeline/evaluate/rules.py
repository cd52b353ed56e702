"""Score the DATE and FIGURE rules of the full pipeline against the Wikinews gold (issue 18).

``evaluate_rules(nlp, data_dir, split)`` runs ``nlp`` (``pipeline.nlp.load_nlp()``: model plus
Presseschau components) over the articles of one split of the project's Wikinews corpus
(``annotations/news/wikinews_ner.jsonl``), each anchored at its ``published`` date, turns
the Doc into entities with ``pipeline.nlp.doc_to_entities`` and compares:

* DATE: P/R/F1 on exact spans; on the matched spans the accuracy of ``value`` and ``type``.
* FIGURE: P/R/F1 where a prediction matches a gold FIGURE when the spans overlap and the
  values are equal (relative tolerance 1e-3: "ein Drittel" = 0.333 or 0.3333); on the matched
  pairs the accuracy of ``unit`` and ``about`` (``about`` compared case-insensitively).
  Exact-span P/R/F1 is reported too.

Gold ``-``, ``""`` and null all mean "none" for value, unit, about and type.

Only articles whose ``labels`` include DATE and FIGURE are run and scored: all of dev and
test, and the train articles of the rule dev sets annotated blind ("dev2" to "dev18": 30
each, ``annotations/news/README.md``); ``split`` "dev2" ... "dev18" scores one of them,
"train" all of them.
Test is for measuring only, never for developing rules.

Command line: ``presseschau evaluate-rules [--split dev|dev2|...|dev18|train|test]``.
"""
from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from ..io import read_jsonl
from ..nlp.ext import FIGURE_SPANS
from ..paths import ANNOTATIONS, SHARED_DATA
from .model import NEWS_TEXTS, news_corpus
from .scoring import prf

RULE_LABELS = ("DATE", "FIGURE")
# the train articles with DATE/FIGURE gold: the rules' development sets annotated blind, each
# listed in annotations/news/<name>.json (dev2: session 8, dev3 and dev4: session 9, dev5: session 10, dev6, dev7 and dev8: session 11, dev9: session 12, dev10 and dev11: session 13, dev12: session 14, dev13 and dev14: session 15, dev15 and dev16: session 23, dev17: session 24, dev18: session 29)
RULE_DEV_SETS = ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18")


@functools.lru_cache(maxsize=1)
def rule_sets() -> dict[str, frozenset[str]]:
    """The article ids of each rule dev set; read once (the corpus checks ask for every mark)."""
    return {name: frozenset(json.loads((ANNOTATIONS / "news" / f"{name}.json").read_text(encoding="utf-8"))["ids"])
            for name in RULE_DEV_SETS}


def _none(v: Any) -> Any:
    return None if v in (None, "", "-") else v


def _same_value(a: Any, b: Any) -> bool:
    a, b = _none(a), _none(b)
    if a is None or b is None:
        return a is None and b is None
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)
    return abs(fa - fb) <= 1e-3 * max(1.0, abs(fa), abs(fb))


def _same_text(a: Any, b: Any) -> bool:
    a, b = _none(a), _none(b)
    if a is None or b is None:
        return a is None and b is None
    return str(a).strip().lower() == str(b).strip().lower()


def published_dates(data_dir: Path) -> dict[str, Optional[str]]:
    return {str(r["id"]): r.get("published") for r in read_jsonl(data_dir / NEWS_TEXTS)}


def _pred_dict(e: Any) -> dict:
    d = e.to_dict() if hasattr(e, "to_dict") else dict(e)
    return d


def match_figures(gold: list[dict], pred: list[dict]) -> list[tuple[dict, Optional[int]]]:
    """Each gold FIGURE with the index of the prediction it matches (spans overlap, values
    equal; each prediction used once, first come first served), or None."""
    used: set[int] = set()
    out: list[tuple[dict, Optional[int]]] = []
    for g in gold:
        best = None
        for j, p in enumerate(pred):
            if j in used or not (p["start"] < g["end"] and g["start"] < p["end"]):
                continue
            if _same_value(g.get("value"), p.get("value")):
                best = j
                used.add(j)
                break
        out.append((g, best))
    return out


def score_articles(items: Iterable[tuple[list[dict], list[dict]]], keep_errors: int = 0) -> dict[str, Any]:
    """items: (gold entities, predicted entities) per article, each a dict with start, end,
    label and the value fields. Returns the scores and, with ``keep_errors``, up to that many
    mismatches per kind (for development splits only)."""
    c: Counter = Counter()
    by_rule: Counter = Counter()  # (rule, about right?) on matched figures
    by_type: Counter = Counter()  # (gold DATE type, value right?) on matched dates
    errors: dict[str, list] = {"date_fp": [], "date_fn": [], "date_value": [], "figure_fp": [], "figure_fn": [],
                               "figure_unit": [], "figure_about": []}

    def note(kind: str, item: Any) -> None:
        if keep_errors and len(errors[kind]) < keep_errors:
            errors[kind].append(item)

    for gold, pred in items:
        gd = [g for g in gold if g["label"] == "DATE"]
        pd = [p for p in pred if p["label"] == "DATE"]
        gkeys = {(g["start"], g["end"]): g for g in gd}
        pkeys = {(p["start"], p["end"]): p for p in pd}
        c["date_gold"] += len(gkeys)
        c["date_pred"] += len(pkeys)
        for k, g in gkeys.items():
            p = pkeys.get(k)
            if p is None:
                note("date_fn", g)
                continue
            c["date_tp"] += 1
            ok = _same_text(g.get("value"), p.get("value"))
            by_type[(_none(g.get("type")) or "date", ok)] += 1
            if ok:
                c["date_value"] += 1
            else:
                note("date_value", (g.get("text"), g.get("value"), p.get("value")))
            if _same_text(g.get("type") or "date", p.get("type") or "date"):
                c["date_type"] += 1
        for k, p in pkeys.items():
            if k not in gkeys:
                note("date_fp", p)
        gf = [g for g in gold if g["label"] == "FIGURE"]
        pf = [p for p in pred if p["label"] == "FIGURE"]
        c["fig_gold"] += len(gf)
        c["fig_pred"] += len(pf)
        c["fig_exact"] += len({(g["start"], g["end"]) for g in gf} & {(p["start"], p["end"]) for p in pf})
        used: set[int] = set()
        for g, best in match_figures(gf, pf):
            if best is None:
                note("figure_fn", g)
                continue
            used.add(best)
            p = pf[best]
            c["fig_tp"] += 1
            if _same_text(g.get("unit"), p.get("unit")):
                c["fig_unit"] += 1
            else:
                note("figure_unit", (g.get("text"), g.get("unit"), p.get("unit")))
            ok = _same_text(g.get("about"), p.get("about"))
            by_rule[(p.get("about_rule") or ("none" if _none(p.get("about")) is None else "other"), ok)] += 1
            if ok:
                c["fig_about"] += 1
            else:
                note("figure_about", (g.get("text"), g.get("about"), p.get("about")))
        for j, p in enumerate(pf):
            if j not in used:
                note("figure_fp", p)

    def acc(n: int, d: int) -> float:
        return n / d if d else 0.0

    dp, dr, df = prf(c["date_tp"], c["date_pred"] - c["date_tp"], c["date_gold"] - c["date_tp"])
    fp_, fr, ff = prf(c["fig_tp"], c["fig_pred"] - c["fig_tp"], c["fig_gold"] - c["fig_tp"])
    ep, er, ef = prf(c["fig_exact"], c["fig_pred"] - c["fig_exact"], c["fig_gold"] - c["fig_exact"])
    out: dict[str, Any] = {
        "DATE": {"gold": c["date_gold"], "pred": c["date_pred"], "matched": c["date_tp"],
                 "p": dp, "r": dr, "f1": df,
                 "value_acc": acc(c["date_value"], c["date_tp"]), "type_acc": acc(c["date_type"], c["date_tp"])},
        "FIGURE": {"gold": c["fig_gold"], "pred": c["fig_pred"], "matched": c["fig_tp"],
                   "p": fp_, "r": fr, "f1": ff,
                   "unit_acc": acc(c["fig_unit"], c["fig_tp"]), "about_acc": acc(c["fig_about"], c["fig_tp"]),
                   "exact_span": {"p": ep, "r": er, "f1": ef}},
    }
    out["DATE"]["value_by_gold_type"] = {t: {"matched": by_type[(t, True)] + by_type[(t, False)],
                                              "value_acc": acc(by_type[(t, True)], by_type[(t, True)] + by_type[(t, False)])}
                                          for t in sorted({k[0] for k in by_type})}
    out["FIGURE"]["about_by_rule"] = {r: {"matched": by_rule[(r, True)] + by_rule[(r, False)],
                                          "about_acc": acc(by_rule[(r, True)], by_rule[(r, True)] + by_rule[(r, False)])}
                                      for r in sorted({k[0] for k in by_rule})}
    if keep_errors:
        out["errors"] = errors
    return out


def split_docs(nlp: Any, data_dir: Path, split: str) -> Iterable[tuple[dict, Any]]:
    """(gold record, annotated Doc) for each article of a split with DATE/FIGURE gold, each
    anchored at its ``published`` date."""
    from ..clean.chars import SPACES_AS_BLANKS
    from ..nlp import annotate

    published = published_dates(data_dir)
    only = rule_sets()[split] if split in RULE_DEV_SETS else None
    recs, ctxs = [], []
    for rec, text in news_corpus(data_dir, "train" if only is not None else split):
        if not set(RULE_LABELS) <= set(rec.get("labels", [])):
            continue  # an article annotated without DATE/FIGURE: not run (most of train)
        if only is not None and rec["id"] not in only:
            continue
        recs.append(rec)
        # the spaces the cleaner makes blanks ("84\u202fProzent", 3 train articles) made blanks here too, one
        # for one (the gold's offsets stay): `run` and the API annotate cleaned text, so the rules are scored on
        # what they are given there
        ctxs.append((text.translate(SPACES_AS_BLANKS), {"id": rec["id"], "published": published.get(rec["id"])}))
    for rec, (doc, _) in zip(recs, annotate(nlp, ctxs)):
        yield rec, doc


def evaluate_rules(nlp: Any, data_dir: Path = SHARED_DATA, split: str = "test", keep_errors: int = 0) -> dict[str, Any]:
    """Run the full pipeline over one split of the Wikinews corpus and score DATE and FIGURE
    (see the module docstring)."""
    from ..nlp import doc_to_entities

    items = []
    articles = 0
    for rec, doc in split_docs(nlp, data_dir, split):
        articles += 1
        gold = [e for e in rec["entities"] if e["label"] in RULE_LABELS]
        rules = {(sp.start_char, sp.end_char): sp._.about_rule for sp in doc.spans.get(FIGURE_SPANS, [])}
        pred = [_pred_dict(e) for e in doc_to_entities(doc) if e.label in RULE_LABELS]
        for p in pred:
            if p["label"] == "FIGURE":
                p["about_rule"] = rules.get((p["start"], p["end"]))
        items.append((gold, pred))
    scores = score_articles(items, keep_errors=keep_errors)
    scores["split"] = split
    scores["articles"] = articles
    return scores


def format_scores(s: dict[str, Any]) -> str:
    d, f = s["DATE"], s["FIGURE"]
    lines = [f"Wikinews {s['split']}: {s['articles']} articles with DATE/FIGURE gold",
             "| label | gold | pred | P | R | F1 | attributes on matched |",
             "|---|---|---|---|---|---|---|",
             f"| DATE (exact span) | {d['gold']} | {d['pred']} | {d['p']:.3f} | {d['r']:.3f} | {d['f1']:.3f} | "
             f"value {d['value_acc']:.3f}, type {d['type_acc']:.3f} |",
             f"| FIGURE (value match) | {f['gold']} | {f['pred']} | {f['p']:.3f} | {f['r']:.3f} | {f['f1']:.3f} | "
             f"unit {f['unit_acc']:.3f}, about {f['about_acc']:.3f} (exact-span F1 {f['exact_span']['f1']:.3f}) |"]
    if d.get("value_by_gold_type"):
        lines.append("DATE value accuracy by gold type: " + ", ".join(
            f"{t} {v['value_acc']:.3f} ({v['matched']})" for t, v in d["value_by_gold_type"].items()))
    if f.get("about_by_rule"):
        lines.append("FIGURE about accuracy by the rule that gave it: " + ", ".join(
            f"{r} {v['about_acc']:.3f} ({v['matched']})" for r, v in f["about_by_rule"].items()))
    return "\n".join(lines)
