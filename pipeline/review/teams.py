"""Several reviewers on one log: conflicting decisions and agreement per reviewer pair.

Pure functions over the decision log (`log.load_decisions`); the review server shows their
results, `presseschau review --conflicts / --agreement` prints them.

Each decision *asserts* something about a span of an article's text: "this span is a PER"
(accept, add, the new side of a correct, with the value the reviewer saw or gave) or "this span
is not a PER" (reject, the old side of a correct that moved or relabelled it). Per reviewer only
the latest assertion counts. Two reviewers conflict on a span when their latest assertions about
the same label differ; saying a span is a MISC also says it is not the LOC another reviewer
gave it (unless this reviewer said something of that LOC too). A decision carrying `resolves` (made in the app by a reviewer who was
shown the conflict) settles the span: only assertions after it count.
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any, Iterable, Optional

from ..evaluate.scoring import prf
from .log import effective_decisions

# which value fields make two "is a <label>" assertions differ (canonical names are the linker's
# business and recomputed after review: not a disagreement between reviewers)
COMPARED_VALUES = {"DATE": ("value",), "FIGURE": ("value", "unit")}
NOT = "O"  # the category of a rejected span in the agreement statistics


def _span_key(d: dict, span: Optional[dict]) -> Optional[tuple]:
    if not span or span.get("start") is None:
        return None
    return (d.get("article_id"), d.get("text_sha256"), int(span["start"]), int(span["end"]))


def _values(label: str, fields: Optional[dict]) -> tuple:
    fields = fields or {}
    return tuple(fields.get(k) for k in COMPARED_VALUES.get(label, ()))


def assertions(d: dict) -> list[tuple[tuple, str, bool, tuple]]:
    """What decision `d` says: [(span key, label, is-that-label, compared values)]."""
    kind, label = d.get("decision"), d.get("label")
    span = _span_key(d, d.get("span"))
    if span is None:
        return []
    new = d.get("new") or {}
    if kind == "accept":
        return [(span, label, True, _values(label, d.get("old")))]
    if kind == "reject":
        return [(span, label, False, ())]
    if kind == "add":
        lab = new.get("label", label)
        return [(span, lab, True, _values(lab, new))]
    if kind == "correct":
        nspan = _span_key(d, d.get("new_span")) or span
        lab = new.get("label", label)
        out = [(nspan, lab, True, _values(lab, new))]
        if (nspan, lab) != (span, label):
            out.insert(0, (span, label, False, ()))
        return out
    return []


def _says(label: str, truth: bool, values: tuple) -> str:
    if not truth:
        return f"not {label}"
    vals = [str(v) for v in values if v is not None]
    return label + (f" = {' '.join(vals)}" if vals else "")


def conflicts(decisions: Iterable[dict]) -> list[dict]:
    """Open conflicts, in log order of their first decision: one dict per (span, label) on which
    reviewers' latest assertions differ, with each reviewer's position."""
    state: dict[tuple, dict[str, dict]] = {}  # (span key, label) -> reviewer -> position
    order: dict[tuple, int] = {}
    texts: dict[tuple, str] = {}
    labels: dict[tuple, set] = {}  # span key -> the labels asserted of it
    for d in effective_decisions(list(decisions)):
        claims = assertions(d)
        if d.get("resolves"):
            settled = {c[0] for c in claims}
            for k in [k for k in state if k[0] in settled]:
                state[k].clear()
        rv = d.get("reviewer") or "?"
        for span, label, truth, values in claims:
            k = (span, label)
            order.setdefault(k, len(order))
            spaninfo = d.get("new_span") if d.get("decision") == "correct" and span == _span_key(d, d.get("new_span")) else d.get("span")
            texts.setdefault(k, (spaninfo or {}).get("text", ""))
            labels.setdefault(span, set()).add(label)
            state.setdefault(k, {})[rv] = {
                "reviewer": rv, "decision": d.get("decision"), "decision_id": d.get("id"),
                "says": _says(label, truth, values), "truth": truth, "values": list(values), "time": d.get("time"),
            }
            if truth:  # "this span is a MISC" says it is not the LOC another reviewer gave it (as `agreement` counts it);
                # where this reviewer said something of that LOC themselves, that stands
                for other in [(span, lab) for lab in sorted(labels[span]) if lab != label and state[(span, lab)] and rv not in state[(span, lab)]]:
                    state[other][rv] = {
                        "reviewer": rv, "decision": d.get("decision"), "decision_id": d.get("id"),
                        "says": f"{_says(label, truth, values)}, not {other[1]}", "truth": False, "values": [], "time": d.get("time"),
                    }
    out = []
    for k, by_rev in state.items():
        if len({(p["truth"], tuple(p["values"]) if p["truth"] else ()) for p in by_rev.values()}) < 2:
            continue
        (aid, sha, s, e), label = k
        out.append({"article_id": aid, "text_sha256": sha, "start": s, "end": e, "label": label, "text": texts[k],
                    "positions": sorted(by_rev.values(), key=lambda p: p["time"] or ""), "_order": order[k]})
    out.sort(key=lambda c: c.pop("_order"))
    return out


def cohen_kappa(pairs: list[tuple[Any, Any]]) -> Optional[float]:
    """Cohen's kappa of two raters' categories. Written out (a few lines) rather than adding
    scikit-learn as a dependency for one formula: (p_o - p_e) / (1 - p_e)."""
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[c] * cb[c] for c in ca) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def agreement(decisions: Iterable[dict]) -> list[dict]:
    """Agreement per reviewer pair on the articles both reviewed.

    kappa: Cohen's kappa over the spans both decided on, each span's category being the label
    the reviewer says it has, or "O" (rejected). span F1: the spans each reviewer says are
    entities (label and boundaries exact) in the articles both reviewed, the first reviewer
    taken as the reference."""
    latest: dict[str, dict[tuple, tuple]] = {}  # reviewer -> (span, label) -> (truth, values)
    articles: dict[str, set] = {}
    for d in effective_decisions(list(decisions)):
        rv = d.get("reviewer") or "?"
        for span, label, truth, values in assertions(d):
            latest.setdefault(rv, {})[(span, label)] = (truth, values)
            articles.setdefault(rv, set()).add(span[0])
    out = []
    for a, b in combinations(sorted(latest), 2):
        common = articles[a] & articles[b]
        if not common:
            continue

        def category(rv: str) -> dict[tuple, str]:
            cats: dict[tuple, str] = {}
            for (span, label), (truth, _values) in latest[rv].items():
                if span[0] in common:
                    if truth:
                        cats[span] = label
                    else:
                        cats.setdefault(span, NOT)
            return cats

        ca, cb = category(a), category(b)
        both = sorted(set(ca) & set(cb), key=str)
        pairs = [(ca[s], cb[s]) for s in both]
        ents_a = {(s, lab) for s, lab in ca.items() if lab != NOT}
        ents_b = {(s, lab) for s, lab in cb.items() if lab != NOT}
        tp = len(ents_a & ents_b)
        p, r, f = prf(tp, len(ents_b - ents_a), len(ents_a - ents_b))
        out.append({
            "reviewers": [a, b], "articles": len(common), "spans_both": len(pairs),
            "observed": (sum(x == y for x, y in pairs) / len(pairs)) if pairs else None,
            "kappa": cohen_kappa(pairs), "span_p": p, "span_r": r, "span_f1": f,
            "entities": [len(ents_a), len(ents_b)],
        })
    return out


def format_conflicts(cs: list[dict]) -> list[str]:
    return [
        f"{c['article_id']} [{c['start']}:{c['end']}] {c['text']!r} {c['label']}: "
        + "; ".join(f"{p['reviewer']} {p['says']} ({p['decision']}, {p['time'] or '?'})" for p in c["positions"])
        for c in cs
    ]


def format_agreement(rows: list[dict]) -> list[str]:
    def f(x: Optional[float]) -> str:
        return "  -  " if x is None else f"{x:.3f}"

    lines = [f"{'reviewers':<32} {'articles':>8} {'spans':>6} {'agree':>6} {'kappa':>6} {'spanF1':>6}"]
    for r in rows:
        lines.append(f"{' / '.join(r['reviewers']):<32} {r['articles']:>8} {r['spans_both']:>6} {f(r['observed']):>6} {f(r['kappa']):>6} {f(r['span_f1']):>6}")
    return lines
