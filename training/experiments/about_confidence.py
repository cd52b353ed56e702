"""Can a confidence make the learned `about` fallback precise? (issue 18, session 16; training/EXPERIMENTS.md)

    python -m training.experiments.about_confidence [--cache DIR] [--held-out dev14] [--model FILE | --report FILE]

Out of fold (leave one set out over ``training.train_about.TRAIN_SETS`` less ``--held-out``, which is
never read), with the ranker configuration of the model file (default the shipped one: its groups,
previous sentence, L2 and training subset) or, with ``--report``, the fallback configuration a
`python -m training.train_about --json FILE` run chose by accuracy (the one that fills most), for
every figure the rules leave null:

1. the fills ranked by four confidences: the best candidate's probability (what the model file's
   threshold reads), its margin over the null option, over the second candidate, over both; how many
   of the top k are right;
2. a calibrated gate: a logistic regression of "the fill is right" on the log-odds of the
   probability, the null's log-odds, the margin over the second, the figure's unit class, whether the
   candidate is a name (PROPN or an entity), in the sentence before or after the figure, a rank noun
   (``measures.json`` ``rank_nouns``); fitted on the other folds' fills, its threshold chosen on the
   other folds too (nested, by right - FILL_COST x wrong), counted on the held-out fold;
3. the fills by kind (unit class, name, rank noun): right / wrong where the gold names another noun /
   wrong where the gold is null.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional

import numpy as np

from training.train_about import HELD_OUT, TRAIN_SETS, collect, instance, modelled, out_of_fold, same, utility

GATE_THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))
GATES = (("lp",), ("lp", "lnull"), ("lp", "second"), ("lp", "money", "percent", "count"), ("lp", "named"),
         ("lp", "money", "percent", "count", "named", "prev", "right", "rank"))
GATE_L2 = (0.3, 1.0, 3.0)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def fills(fr: Any, figs: list, sets: tuple[str, ...], cfg: dict) -> list[dict[str, Any]]:
    """One row per rule-null modelled figure with a candidate: the fill and its confidences, out of fold."""
    from pipeline.nlp.about_model import candidates, unit_class

    groups, prev = tuple(cfg["groups"]), cfg["prev_sentence"]
    rows = []
    for held, te, dists, _ in out_of_fold(fr, figs, sets, groups, prev, cfg["l2"], cfg["subset"]):
        for f, d in zip(te, dists):
            if f.rule_about is not None or not modelled(f) or len(d) < 2:
                continue
            by: dict[str, float] = defaultdict(float)
            for a, p in d[1:]:
                by[a] += p
            ranked = sorted(by.items(), key=lambda kv: (-kv[1], kv[0]))
            best, p = ranked[0]
            p2 = ranked[1][1] if len(ranked) > 1 else 0.0
            j = max((i for i in range(1, len(d)) if d[i][0] == best), key=lambda i: d[i][1])
            tok = candidates(fr, f.doc, f.span, prev)[j - 1][0]
            assert len(instance(fr, f, groups, prev)) == len(d)
            u = unit_class(f.span._.unit, fr.money_units)
            rows.append({"set": held, "figure": f.span.text, "fill": best, "gold": f.gold, "ok": same(best, f.gold),
                         "gold_null": f.gold is None, "unit": u,
                         "conf": {"probability": p, "null_margin": p - d[0][1], "second_margin": p - p2,
                                  "margin": p - max(d[0][1], p2)},
                         "x": {"lp": _logit(p), "lnull": _logit(d[0][1]), "second": p - p2,
                               "money": u == "money", "percent": u == "percent", "count": u == "count",
                               "named": tok.pos_ == "PROPN" or bool(tok.ent_type_),
                               "prev": tok.i < f.span.sent.start, "right": tok.i >= f.span.end,
                               "rank": tok.text.lower() in fr.rank_nouns}})
    return rows


def _fit(rows: list[dict], keys: tuple[str, ...], l2: float) -> np.ndarray:
    """Logistic regression (Newton, L2 on all but the intercept) of ``ok`` on the ``keys`` of ``x``."""
    X = np.array([[1.0] + [float(r["x"][k]) for k in keys] for r in rows])
    y = np.array([r["ok"] for r in rows], dtype=float)
    reg = l2 * np.diag(np.r_[0.0, np.ones(len(keys))])
    w = np.zeros(X.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        w -= np.linalg.solve(X.T @ (X * (p * (1 - p))[:, None]) + reg + 1e-9 * np.eye(len(w)), X.T @ (p - y) + reg @ w)
    return w


def _prob(w: np.ndarray, r: dict, keys: tuple[str, ...]) -> float:
    return float(1 / (1 + math.exp(-(w[0] + sum(w[i + 1] * float(r["x"][k]) for i, k in enumerate(keys))))))


def _utility(scored: list[tuple[float, dict]], t: float) -> tuple[int, int]:
    f = [r for s, r in scored if s >= t]
    return utility([len(f), sum(r["ok"] for r in f), 0]), -len(f)


def nested_gate(rows: list[dict], keys: tuple[str, ...], l2: float) -> list[dict]:
    """The fills the gate lets through, each held-out fold's gate and threshold fitted on the other folds."""
    sets = sorted({r["set"] for r in rows})
    out = []
    for h in sets:
        tr = [r for r in rows if r["set"] != h]
        inner = []
        for j in sets:
            if j == h or not any(r["set"] == j for r in tr):
                continue
            w = _fit([r for r in tr if r["set"] != j], keys, l2)
            inner += [(_prob(w, r, keys), r) for r in tr if r["set"] == j]
        t = max(GATE_THRESHOLDS, key=lambda t: _utility(inner, t))
        w = _fit(tr, keys, l2)
        out += [r for r in rows if r["set"] == h and _prob(w, r, keys) >= t]
    return out


def _summary(f: list[dict]) -> str:
    n, ok, null = len(f), sum(r["ok"] for r in f), sum(r["gold_null"] for r in f)
    return f"fills {n}, right {ok}, wrong {n - ok} (gold null {null}), net {ok - null:+d}, " \
           f"precision {ok / n:.2f}" if n else "fills 0"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--held-out", default=HELD_OUT)
    ap.add_argument("--model", type=Path, default=None, help="model file whose configuration to use (default: shipped)")
    ap.add_argument("--report", type=Path, default=None,
                    help="a train_about --json report: use its fallback configuration chosen by accuracy")
    args = ap.parse_args(argv)
    from pipeline.nlp import load_nlp
    from pipeline.paths import LANG_DIR

    if args.report is not None:
        cfg = json.loads(args.report.read_text(encoding="utf-8"))["cv"]["fallback"]["by_accuracy"]
    else:
        model = json.loads((args.model or LANG_DIR / "about_model.json").read_text(encoding="utf-8"))
        cfg = dict(model, subset=model["trained_on"]["subset"])
    cfg = {k: cfg[k] for k in ("groups", "prev_sentence", "l2", "subset")}
    held = {s.strip() for s in args.held_out.split(",") if s.strip()}
    sets = tuple(s for s in TRAIN_SETS if s not in held)
    nlp, _ = load_nlp()
    fr = nlp.get_pipe("presseschau_figures")
    fr.about_model = None
    rows = fills(fr, collect(nlp, sets, args.cache), sets, cfg)
    print(f"configuration {cfg}; {len(rows)} rule-null figures with a candidate, out of fold over {len(sets)} sets")
    print("\n1. right among the k most confident fills")
    for kind in ("probability", "null_margin", "second_margin", "margin"):
        ranked = sorted(rows, key=lambda r: -r["conf"][kind])
        print(f"  {kind:14s} " + "  ".join(f"top {k}: {sum(r['ok'] for r in ranked[:k])}/{k}" for k in (3, 5, 10, 15, 20, 30)))
    print("\n2. calibrated gates, nested (fills on the held-out folds)")
    for keys in GATES:
        for l2 in GATE_L2:
            print(f"  {'+'.join(keys):45s} l2 {l2}: {_summary(nested_gate(rows, keys, l2))}")
    print("\n3. fills with probability >= 0.5 by kind: right / wrong (another noun) / wrong (gold null)")
    for name, key in (("unit", lambda r: r["unit"]), ("name", lambda r: r["x"]["named"]),
                      ("rank noun", lambda r: r["x"]["rank"]), ("sentence before", lambda r: r["x"]["prev"])):
        c: dict[Any, Counter] = defaultdict(Counter)
        for r in rows:
            if r["conf"]["probability"] >= 0.5:
                c[key(r)]["right" if r["ok"] else "null" if r["gold_null"] else "other"] += 1
        print(f"  {name}: " + "; ".join(f"{k}: {v['right']}/{v['other']}/{v['null']}" for k, v in sorted(c.items(), key=str)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
