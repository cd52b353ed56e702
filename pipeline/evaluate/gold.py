"""Score a pipeline run (``articles.jsonl``) against the gold standard (``annotations/gold/``).

Evaluation happens in *raw* coordinates: the gold stores character offsets into the raw
decoded file (which never changes), a run stores clean-text offsets plus ``raw_start`` /
``raw_end`` on every entity (or, failing those, the clean->raw map ``source.offsets`` from
which they are computed here).

* Records are matched to gold articles by ``source.sha256``; fallback: ``id``, then the
  stem of ``source.path``.
* Predicted entities with ``status == "rejected"`` are not predictions; everything else
  (model, rule, review; pending, accepted, corrected) is.
* Span scores per label: **exact** (same raw start, end and label) and **lenient** (same
  label, overlapping raw spans; one-to-one, largest overlap first). Precision, recall, F1
  per label, micro over all labels, and macro F1.
* Attribute accuracies over matched pairs (exact matches; the lenient figures are also
  reported): DATE value; FIGURE value (relative tolerance 1e-6), unit, about, qualifier,
  event; PER/ORG/LOC/MISC canonical, only where the prediction carries one. The gold's
  canonical is the article's own base form (see annotations/GUIDELINES.md); with an alias
  table (default ``annotations/aliases.tsv``) ``canonical_linked`` also compares both sides
  after mapping them through the table, i.e. "same real-world entity" rather than "same string".

``python -m pipeline.evaluate --run outputs/articles.jsonl --gold annotations/gold/seeds.jsonl``
prints a table; ``--json`` prints the full result dict.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

LABELS = ("PER", "ORG", "LOC", "MISC", "DATE", "FIGURE")
NAME_LABELS = ("PER", "ORG", "LOC", "MISC")
FIGURE_ATTRS = ("value", "unit", "about", "qualifier", "event")
REL_TOL = 1e-6
from ..errors import UnreadableFile
from ..io import BadLine, iter_jsonl
from ..nlp.names import load_aliases
from ..paths import ALIASES as DEFAULT_ALIASES
from ..paths import GOLD as DEFAULT_GOLD
from .scoring import prf

# When two predictions share span and label, keep the most authoritative one.
_SOURCE_RANK = {"review": 0, "rule": 1, "model": 2}
_STATUS_RANK = {"corrected": 0, "accepted": 1, "pending": 2}


# ---------------------------------------------------------------------------- reading


def _stem(path: Optional[str]) -> Optional[str]:
    if not path:
        return None
    return Path(str(path).split("#", 1)[0]).stem or None


class _Mapper:
    """Clean offset -> raw offset from runs ``[clean_start, raw_start, length]``."""

    def __init__(self, segments: list[list[int]]):
        self.segs = sorted((int(c), int(r), int(n)) for c, r, n in segments)
        self.starts = [c for c, _, _ in self.segs]

    def raw(self, clean: int) -> Optional[int]:
        i = bisect_right(self.starts, clean) - 1
        if i < 0:
            return None
        c, r, n = self.segs[i]
        if clean < c + n:
            return r + (clean - c)
        return None

    def span(self, start: int, end: int) -> Optional[tuple[int, int]]:
        if end <= start:
            return None
        rs, re_ = self.raw(start), self.raw(end - 1)
        if rs is None or re_ is None:
            return None
        return rs, re_ + 1


def predicted_entities(record: dict, stats: Optional[dict] = None) -> list[dict]:
    """The record's entities that count as predictions, each with ``raw_start``/``raw_end``.

    Drops rejected entities and entities whose raw span cannot be determined; collapses
    duplicates (same raw span and label) onto the most authoritative one.
    """
    stats = stats if stats is not None else defaultdict(int)
    segs = (record.get("source") or {}).get("offsets")
    mapper = _Mapper(segs) if segs else None
    best: dict[tuple[int, int, str], dict] = {}
    for e in record.get("entities") or []:
        if e.get("status") == "rejected":
            stats["rejected"] += 1
            continue
        label = e.get("label")
        if label not in LABELS:
            stats["unknown_label"] += 1
            continue
        rs, re_ = e.get("raw_start"), e.get("raw_end")
        if not (isinstance(rs, int) and isinstance(re_, int)):
            span = mapper.span(int(e["start"]), int(e["end"])) if mapper and "start" in e and "end" in e else None
            if span is None:
                stats["unmapped"] += 1
                continue
            rs, re_ = span
        p = dict(e, raw_start=rs, raw_end=re_)
        key = (rs, re_, label)
        if key in best:
            stats["duplicates"] += 1
            if _authority(p) >= _authority(best[key]):
                continue
        best[key] = p
    return sorted(best.values(), key=lambda x: (x["raw_start"], x["raw_end"], x["label"]))


def _authority(e: dict) -> tuple[int, int]:
    return (_SOURCE_RANK.get(e.get("source"), 3), _STATUS_RANK.get(e.get("status"), 3))


class AliasTable:
    """alias -> canonical from ``aliases.tsv`` (columns alias, canonical, scope name|word)."""

    def __init__(self, path: Optional[Path] = None):
        self.names: dict[str, str] = {}
        self.words: dict[str, str] = {}
        if path is None or not Path(path).is_file():
            return
        self.names, self.words = load_aliases(path)  # the linker's own reading of the table

    def __bool__(self) -> bool:
        return bool(self.names or self.words)

    def link(self, name: Optional[str]) -> Optional[str]:
        if name is None:
            return None
        form = "".join(self.words.get(p, p) for p in re.split(r"(\s+)", name))
        return self.names.get(_key(form), form)


def _key(s: str) -> str:
    return " ".join(s.split()).casefold()


# ---------------------------------------------------------------------------- matching


def match_exact(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    index: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        index[(p["raw_start"], p["raw_end"], p["label"])].append(j)
    pairs = []
    for i, g in enumerate(gold):
        js = index.get((g["raw_start"], g["raw_end"], g["label"]))
        if js:
            pairs.append((i, js.pop(0)))
    return pairs


def match_lenient(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Same label and overlapping raw spans, one-to-one, largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g["label"] != p["label"]:
                continue
            ov = min(g["raw_end"], p["raw_end"]) - max(g["raw_start"], p["raw_start"])
            if ov > 0:
                exact = g["raw_start"] == p["raw_start"] and g["raw_end"] == p["raw_end"]
                cands.append((-int(exact), -ov, i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return sorted(pairs)


# ---------------------------------------------------------------------------- comparing values


def _as_number(v: Any) -> Optional[float]:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.replace(",", ".")) if v.strip() else None
        except ValueError:
            return None
    return None


def numbers_equal(a: Any, b: Any, rel_tol: float = REL_TOL) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = _as_number(a), _as_number(b)
    if x is None or y is None:
        return False
    return math.isclose(x, y, rel_tol=rel_tol, abs_tol=0.0)


def _norm_str(v: Any) -> Optional[str]:
    if v is None:
        return None
    s = " ".join(str(v).split()).casefold()
    return s or None


def strings_equal(a: Any, b: Any) -> bool:
    return _norm_str(a) == _norm_str(b)


def _pred_attr(p: dict, name: str) -> Any:
    if name in p:
        return p[name]
    extra = p.get("extra")
    if isinstance(extra, dict):
        return extra.get(name)
    return None


# ---------------------------------------------------------------------------- scoring


def _prf(tp: int, fp: int, fn: int) -> dict:
    p, r, f = prf(tp, fp, fn)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f, "support": tp + fn}


class _Acc:
    def __init__(self) -> None:
        self.correct = 0
        self.total = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(bool(ok))

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": (self.correct / self.total) if self.total else None}


def _attribute_scores(pairs_by_article: Iterable[tuple[list[dict], list[dict], list[tuple[int, int]]]],
                      aliases: Optional[AliasTable] = None) -> dict:
    name_attrs = ("canonical", "canonical_linked") if aliases else ("canonical",)
    acc: dict[str, dict[str, _Acc]] = {
        "DATE": {"value": _Acc()},
        "FIGURE": {k: _Acc() for k in FIGURE_ATTRS},
        **{lab: {k: _Acc() for k in name_attrs} for lab in NAME_LABELS},
    }
    for gold, pred, pairs in pairs_by_article:
        for i, j in pairs:
            g, p = gold[i], pred[j]
            lab = g["label"]
            if lab == "DATE":
                acc["DATE"]["value"].add(strings_equal(g.get("value"), _pred_attr(p, "value")))
            elif lab == "FIGURE":
                acc["FIGURE"]["value"].add(numbers_equal(g.get("value"), _pred_attr(p, "value")))
                for k in ("unit", "about", "qualifier", "event"):
                    acc["FIGURE"][k].add(strings_equal(g.get(k), _pred_attr(p, k)))
            elif lab in NAME_LABELS:
                pc = _pred_attr(p, "canonical")
                if pc is not None and g.get("canonical") is not None:
                    acc[lab]["canonical"].add(strings_equal(g["canonical"], pc))
                    if aliases:
                        acc[lab]["canonical_linked"].add(strings_equal(aliases.link(g["canonical"]), aliases.link(pc)))
    return {lab: {k: a.to_dict() for k, a in d.items()} for lab, d in acc.items()}


def _entity_brief(e: dict) -> dict:
    keep = ("raw_start", "raw_end", "text", "label", "value", "unit", "about", "qualifier", "event", "canonical", "source", "status")
    return {k: e[k] for k in keep if k in e}


def evaluate_records(run_records: Iterable[dict], gold_records: Iterable[dict], missing_as_empty: bool = False,
                     aliases: Optional[AliasTable] = None) -> dict:
    """Score run records against gold records (both as dicts). See module docstring."""
    gold_list = list(gold_records)
    by_sha = {g["source"]["sha256"]: g for g in gold_list if g.get("source", {}).get("sha256")}
    by_id = {g["id"]: g for g in gold_list}
    by_stem = {_stem(g.get("source", {}).get("path")): g for g in gold_list}

    stats: dict[str, int] = defaultdict(int)
    matched: dict[str, tuple[dict, dict]] = {}
    matched_by: dict[str, int] = defaultdict(int)
    unmatched_run: list[str] = []
    n_run = 0
    for rec in run_records:
        n_run += 1
        src = rec.get("source") or {}
        g, how = None, None
        if src.get("sha256") in by_sha:
            g, how = by_sha[src["sha256"]], "sha256"
        elif rec.get("id") in by_id:
            g, how = by_id[rec["id"]], "id"
        elif _stem(src.get("path")) in by_stem:
            g, how = by_stem[_stem(src.get("path"))], "path"
        if g is None:
            unmatched_run.append(str(rec.get("id")))
            continue
        if g["id"] in matched:
            stats["duplicate_records"] += 1
            continue
        matched[g["id"]] = (g, rec)
        matched_by[how] += 1
    unmatched_gold = [g["id"] for g in gold_list if g["id"] not in matched]
    if missing_as_empty:
        for gid in unmatched_gold:
            matched[gid] = (by_id[gid], {"id": gid, "entities": []})

    counts = {mode: {lab: [0, 0, 0] for lab in LABELS} for mode in ("exact", "lenient")}
    exact_pairs, lenient_pairs, per_article, errors = [], [], {}, {}
    for gid in sorted(matched):
        g, rec = matched[gid]
        gold = sorted(g["entities"], key=lambda e: (e["raw_start"], e["raw_end"]))
        pred = predicted_entities(rec, stats)
        art = {"gold": len(gold), "pred": len(pred)}
        for mode, fn in (("exact", match_exact), ("lenient", match_lenient)):
            pairs = fn(gold, pred)
            (exact_pairs if mode == "exact" else lenient_pairs).append((gold, pred, pairs))
            mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
            for lab in LABELS:
                tp = sum(1 for i, _ in pairs if gold[i]["label"] == lab)
                fn_ = sum(1 for i, e in enumerate(gold) if e["label"] == lab and i not in mg)
                fp = sum(1 for j, e in enumerate(pred) if e["label"] == lab and j not in mp)
                c = counts[mode][lab]
                c[0] += tp
                c[1] += fp
                c[2] += fn_
            tp_all = len(pairs)
            art[mode] = _prf(tp_all, len(pred) - tp_all, len(gold) - tp_all)
            if mode == "exact":
                errors[gid] = {
                    "false_negatives": [_entity_brief(gold[i]) for i in range(len(gold)) if i not in mg],
                    "false_positives": [_entity_brief(pred[j]) for j in range(len(pred)) if j not in mp],
                }
        per_article[gid] = art

    labels_out: dict[str, dict] = {}
    micro, macro = {}, {}
    for mode in ("exact", "lenient"):
        tot = [0, 0, 0]
        f1s = []
        for lab in LABELS:
            tp, fp, fn_ = counts[mode][lab]
            labels_out.setdefault(lab, {})[mode] = _prf(tp, fp, fn_)
            tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn_]
            if tp + fp + fn_:
                f1s.append(labels_out[lab][mode]["f1"])
        micro[mode] = _prf(*tot)
        macro[mode] = sum(f1s) / len(f1s) if f1s else 0.0

    return {
        "articles": {
            "gold": len(gold_list),
            "run": n_run,
            "matched": len(matched) - (len(unmatched_gold) if missing_as_empty else 0),
            "matched_by": dict(matched_by),
            "unmatched_gold": unmatched_gold,
            "unmatched_run": unmatched_run,
            "missing_as_empty": missing_as_empty,
        },
        "labels": labels_out,
        "micro": micro,
        "macro_f1": macro,
        "attributes": {
            "exact": _attribute_scores(exact_pairs, aliases),
            "lenient": _attribute_scores(lenient_pairs, aliases),
        },
        "per_article": per_article,
        "skipped": {k: stats.get(k, 0) for k in ("rejected", "unmapped", "duplicates", "unknown_label", "duplicate_records")},
        "errors": errors,
    }


def _records(path: Path) -> Iterator[dict]:
    """The records of a run's articles.jsonl or of the gold. A line that is JSON but no record (a
    number, a JSON array on one line: a file given by mistake) is `UnreadableFile` naming file and
    line, as an invalid line is (`presseschau evaluate`: one line, exit 2), not an AttributeError."""
    for lineno, value in iter_jsonl(path):
        if isinstance(value, BadLine):
            raise UnreadableFile(path, lineno, f"invalid JSON line ({value.msg})")
        if not isinstance(value, dict):
            kind = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}.get(type(value), "a number")
            raise UnreadableFile(path, lineno, f"not a record: the line is {kind}, not a JSON object "
                                               "(give a run's articles.jsonl and a gold JSONL)")
        yield value


def evaluate_run(articles_jsonl: Path, gold: Path = DEFAULT_GOLD, missing_as_empty: bool = False,
                 aliases: Optional[Path] = DEFAULT_ALIASES) -> dict:
    """Score a run file against a gold JSONL file; returns the result dict (see module doc).

    ``aliases``: alias table for ``canonical_linked`` (None: strict canonical only).
    """
    table = AliasTable(aliases) if aliases else None
    result = evaluate_records(_records(Path(articles_jsonl)), _records(Path(gold)), missing_as_empty=missing_as_empty,
                              aliases=table or None)
    result["run_path"] = str(articles_jsonl)
    result["gold_path"] = str(gold)
    result["aliases_path"] = str(aliases) if table else None
    return result


# ---------------------------------------------------------------------------- output


def _pct(x: Optional[float]) -> str:
    return "   -  " if x is None else f"{100 * x:6.1f}"


def format_table(result: dict) -> str:
    a = result["articles"]
    lines = [
        f"run:  {result.get('run_path', '?')}",
        f"gold: {result.get('gold_path', '?')}",
        f"articles: {a['matched']} matched of {a['gold']} gold ({a['run']} run records"
        + (f"; gold without run record: {', '.join(a['unmatched_gold'])}" if a["unmatched_gold"] else "")
        + ")",
        "",
        f"{'label':8s} {'gold':>5s} {'pred':>5s} | {'exact P':>7s} {'R':>6s} {'F1':>6s} | {'lenient P':>9s} {'R':>6s} {'F1':>6s}",
        "-" * 72,
    ]
    for lab in LABELS + ("micro",):
        d = result["micro"] if lab == "micro" else result["labels"][lab]
        ex, le = d["exact"], d["lenient"]
        if lab == "micro":
            lines.append("-" * 72)
        lines.append(
            f"{lab:8s} {ex['tp'] + ex['fn']:5d} {ex['tp'] + ex['fp']:5d} | {_pct(ex['precision']):>7s} {_pct(ex['recall'])} {_pct(ex['f1'])} | "
            f"{_pct(le['precision']):>9s} {_pct(le['recall'])} {_pct(le['f1'])}"
        )
    lines.append(f"{'macro F1':8s} {'':5s} {'':5s} | {'':7s} {'':6s} {_pct(result['macro_f1']['exact'])} | {'':9s} {'':6s} {_pct(result['macro_f1']['lenient'])}")
    lines += ["", "attribute accuracy on matched pairs (exact span / lenient span):"]
    ex_attr, le_attr = result["attributes"]["exact"], result["attributes"]["lenient"]
    for lab, attrs in ex_attr.items():
        for k, v in attrs.items():
            lv = le_attr[lab][k]
            if v["total"] == 0 and lv["total"] == 0:
                continue
            lines.append(
                f"  {lab:6s} {k:16s} {_pct(v['accuracy'])}% ({v['correct']}/{v['total']})   {_pct(lv['accuracy'])}% ({lv['correct']}/{lv['total']})"
            )
    sk = result["skipped"]
    lines += ["", "not counted: " + ", ".join(f"{k}={v}" for k, v in sk.items())]
    return "\n".join(lines)


def format_errors(result: dict, limit: int) -> str:
    out = []
    for gid, err in result["errors"].items():
        out.append(f"== {gid}")
        for kind in ("false_negatives", "false_positives"):
            items = err[kind][:limit]
            for e in items:
                extra = {k: e[k] for k in ("value", "unit", "about", "qualifier") if e.get(k) is not None}
                out.append(f"  {'FN' if kind == 'false_negatives' else 'FP'} {e['label']:6s} {e['raw_start']:6d} {e['text']!r} {json.dumps(extra, ensure_ascii=False) if extra else ''}")
            if len(err[kind]) > limit:
                out.append(f"  ... {len(err[kind]) - limit} more {kind}")
    return "\n".join(out)


def format_report(result: dict, errors: int = 0) -> str:
    """The table (and, with ``errors`` > 0, up to that many FN/FP per article); used by ``presseschau evaluate``."""
    text = format_table(result)
    if errors:
        text += "\n\n" + format_errors(result, errors)
    return text


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description="Score a pipeline run against the gold standard.")
    ap.add_argument("--run", required=True, type=Path, help="articles.jsonl of a pipeline run")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold JSONL (default: {DEFAULT_GOLD})")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="also list up to N false negatives/positives per article")
    ap.add_argument("--missing-as-empty", action="store_true", help="score gold articles without a run record as predicting nothing")
    ap.add_argument("--aliases", type=Path, default=DEFAULT_ALIASES,
                    help="alias table for the canonical_linked score (default: annotations/aliases.tsv when present)")
    ap.add_argument("--no-aliases", action="store_true", help="strict canonical comparison only")
    args = ap.parse_args(argv)
    try:
        result = evaluate_run(args.run, args.gold, missing_as_empty=args.missing_as_empty,
                              aliases=None if args.no_aliases else args.aliases)
    except (OSError, ValueError, KeyError) as e:
        print(f"evaluate: error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_report(result, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
