"""Check annotated work files, audit consistency, and build the committed corpus.

    python -m annotations.news.build check DIR_OR_FILES...   # markup valid, text unchanged
    python -m annotations.news.build audit DIR               # same surface, different labels;
                                                             # names annotated here, missed there
    python -m annotations.news.build agree DIR_A DIR_B      # inter-annotator F1 per label on the
                                                             # articles both folders hold
    python -m annotations.news.build build DIR [--out annotations/news/wikinews_ner.jsonl]
    python -m annotations.news.build merge-rules GOLD.jsonl...  # blind DATE/FIGURE gold of the
                                                             # rule dev sets into the corpus

The committed corpus holds no article text: one line per article with its id, split,
the sha256 of the text and the entities as character offsets (plus DATE/FIGURE
attributes in the test and dev splits and the train articles of the rule dev sets ``dev2.json``,
``dev3.json`` and ``dev4.json``). ``training.convert`` and the evaluation join it with
``../shared/data/news/wikinews_de.jsonl.gz`` (CC BY 2.5, Wikinews contributors).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from annotations.news.markup import MarkupError, parse
from annotations.news.prepare import DEFAULT_DATA, HERE, load_splits, read_articles
from pipeline.evaluate.rules import RULE_DEV_SETS, RULE_LABELS, rule_sets
from pipeline.io import atomic_open, read_jsonl

CORPUS = HERE / "wikinews_ner.jsonl"
# splits annotated with DATE and FIGURE too: test (for measuring), dev (for developing the rules)
RULE_SPLITS = ("test", "dev")


def rule_ids() -> frozenset[str]:
    """The train articles annotated with DATE and FIGURE: all rule dev sets."""
    return frozenset().union(*rule_sets().values())


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def check_file(path: Path, articles: dict[str, dict], split_of: dict[str, str]) -> list[str]:
    """Problems of one work file, each a line that names the file."""
    doc_id = path.stem
    if doc_id not in articles:
        return [f"{path}: no article {doc_id!r} in the source"]
    try:
        text, marks = parse(path.read_text(encoding="utf-8"))
    except MarkupError as e:
        return [f"{path}: {e}"]
    original = articles[doc_id]["text"]
    if text != original:
        i = next((k for k, (a, b) in enumerate(zip(text, original)) if a != b), min(len(text), len(original)))
        line = original.count("\n", 0, i) + 1
        return [f"{path}: line {line}: text changed near {original[max(0, i - 30):i + 30]!r} "
                f"-> {text[max(0, i - 30):i + 30]!r}"]
    problems = []
    for m in marks:
        if m.label in RULE_LABELS and split_of.get(doc_id) not in RULE_SPLITS and doc_id not in rule_ids():
            problems.append(f"{path}: {m.label} [[{m.text}]] only in the splits {RULE_SPLITS} and the rule dev sets {RULE_DEV_SETS}")
        before = original[m.start - 1] if m.start else " "
        after = original[m.end] if m.end < len(original) else " "
        if (before.isalnum() and m.text[0].isalnum()) or (after.isalnum() and m.text[-1].isalnum()):
            problems.append(f"{path}: [[{m.text}|{m.label}]] starts or ends inside a word")
    return problems


def audit(paths: list[Path], articles: dict[str, dict]) -> list[str]:
    """Consistency report: surfaces with more than one label, and names left unmarked."""
    labels: dict[str, Counter] = defaultdict(Counter)
    where: dict[str, set] = defaultdict(set)
    parsed = {}
    for p in _files(paths):
        try:
            text, marks = parse(p.read_text(encoding="utf-8"))
        except MarkupError:
            continue
        parsed[p.stem] = (text, marks)
        for m in marks:
            if m.label in ("PER", "ORG", "LOC", "MISC"):
                labels[m.text][m.label] += 1
                where[m.text].add(p.stem)
    lines = ["# surfaces with more than one label"]
    for surface, c in sorted(labels.items()):
        if len(c) > 1:
            lines.append(f"{surface!r}: {dict(c)} in {sorted(where[surface])[:8]}")
    lines.append("# annotated names that occur unmarked (word boundaries)")
    for surface, c in sorted(labels.items()):
        if len(surface) < 3:
            continue
        pat = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")
        for doc_id, (text, marks) in parsed.items():
            if surface not in text:  # cheap prefilter before the word-boundary regex
                continue
            covered = [(m.start, m.end) for m in marks]
            for hit in pat.finditer(text):
                if not any(s <= hit.start() and hit.end() <= e for s, e in covered):
                    ctx = text[max(0, hit.start() - 40):hit.end() + 40].replace("\n", " ")
                    lines.append(f"{doc_id}: {surface!r} ({c.most_common(1)[0][0]}) unmarked: …{ctx}…")
    return lines


def agreement(dir_a: Path, dir_b: Path, labels=("PER", "ORG", "LOC", "MISC")) -> tuple[dict, list[str]]:
    """Exact-span agreement of two annotators (F1 is symmetric, so neither is the reference)
    per label and overall, and the disagreements as lines for adjudication."""
    from pipeline.evaluate.scoring import prf

    tp, fp, fn = Counter(), Counter(), Counter()
    diffs: list[str] = []
    both = sorted(set(p.stem for p in dir_a.glob("*.txt")) & set(p.stem for p in dir_b.glob("*.txt")))
    for doc_id in both:
        text, ma = parse((dir_a / f"{doc_id}.txt").read_text(encoding="utf-8"))
        _, mb = parse((dir_b / f"{doc_id}.txt").read_text(encoding="utf-8"))
        a = {(m.start, m.end, m.label) for m in ma if m.label in labels}
        b = {(m.start, m.end, m.label) for m in mb if m.label in labels}
        for s_, e, lab in a & b:
            tp[lab] += 1
        for s_, e, lab in sorted(b - a):
            fp[lab] += 1
            diffs.append(f"{doc_id}\tonly B\t{lab}\t{text[s_:e]!r}\t…{text[max(0, s_ - 40):e + 40]!r}…".replace("\n", " "))
        for s_, e, lab in sorted(a - b):
            fn[lab] += 1
            diffs.append(f"{doc_id}\tonly A\t{lab}\t{text[s_:e]!r}\t…{text[max(0, s_ - 40):e + 40]!r}…".replace("\n", " "))
    scores = {"articles": len(both)}
    for lab in labels:
        p, r, f = prf(tp[lab], fp[lab], fn[lab])
        scores[lab] = {"f1": round(f, 4), "both": tp[lab], "only_a": fn[lab], "only_b": fp[lab]}
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    scores["overall"] = {"f1": round(f, 4), "both": sum(tp.values()), "only_a": sum(fn.values()), "only_b": sum(fp.values())}
    return scores, diffs


def build(paths: list[Path], articles: dict[str, dict], splits: dict[str, list[str]]) -> list[dict]:
    split_of = {i: s for s, ids in splits.items() for i in ids}
    dev_sets = rule_ids()
    records = []
    for p in _files(paths):
        text, marks = parse(p.read_text(encoding="utf-8"))
        assert text == articles[p.stem]["text"], p
        ents = [{"start": m.start, "end": m.end, "label": m.label, "text": m.text, **m.attrs} for m in marks]
        records.append({"id": p.stem, "split": split_of[p.stem],
                        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                        "labels": ["PER", "ORG", "LOC", "MISC"] + (["DATE", "FIGURE"] if split_of[p.stem] in RULE_SPLITS or p.stem in dev_sets else []),
                        "entities": ents})
    return sorted(records, key=lambda r: r["id"])


def merge_rules(records: list[dict], gold: list[dict], articles: dict[str, dict]) -> tuple[list[dict], list[str]]:
    """The corpus ``records`` with the DATE/FIGURE gold of ``gold`` (lines ``{"id", "entities"}``
    as the blind annotators wrote them) put into its articles, which must belong to a rule dev
    set; their earlier DATE/FIGURE entities are replaced, names are kept. Returns the new
    records and the problems found (then nothing should be written): a span whose text is not
    the article's, a label other than DATE/FIGURE, overlapping spans, an article outside the
    rule dev sets."""
    allowed = rule_ids()
    by_id = {g["id"]: g["entities"] for g in gold}
    problems = [f"{i}: not in a rule dev set {RULE_DEV_SETS}" for i in by_id if i not in allowed]
    in_corpus = {r["id"] for r in records}
    problems += [f"{i}: no such article in the corpus" for i in by_id if i in allowed and i not in in_corpus]
    out = []
    for rec in records:
        if rec["id"] not in by_id:
            out.append(rec)
            continue
        text = articles[rec["id"]]["text"]
        new = list(by_id[rec["id"]])
        for e in new:
            if e.get("label") not in RULE_LABELS:
                problems.append(f"{rec['id']}: label {e.get('label')!r} in the DATE/FIGURE gold")
            elif text[e["start"]:e["end"]] != e["text"]:
                problems.append(f"{rec['id']}: {e['text']!r} is not the text at {e['start']}-{e['end']}")
        names = [e for e in rec["entities"] if e["label"] not in RULE_LABELS]
        ents = sorted(names + new, key=lambda e: (e["start"], e["end"]))
        problems += [f"{rec['id']}: {a['label']} {a['text']!r} overlaps {b['label']} {b['text']!r}"
                     for a, b in zip(ents, ents[1:]) if b["start"] < a["end"]]
        labels = [lab for lab in rec["labels"] if lab not in RULE_LABELS] + list(RULE_LABELS)
        out.append({**rec, "labels": labels, "entities": ents})
    return out, problems


def read_gold(paths: list[Path]) -> tuple[list[dict], list[str]]:
    """The lines ``{"id", "entities": [{"start", "end", "label", "text", ...}]}`` of the blind
    DATE/FIGURE gold files and the problems of their shape (file and line named): a line that is
    no such object, an article given twice. A line that is no JSON raises ValueError (the reader)."""
    gold, problems, seen = [], [], {}
    for p in paths:
        for n, g in enumerate(read_jsonl(p), 1):
            where = f"{p}: record {n}"
            ents = g.get("entities") if isinstance(g, dict) else None
            if not isinstance(g, dict) or not isinstance(g.get("id"), str) or not isinstance(ents, list):
                problems.append(f"{where}: not an object with an \"id\" and a list of \"entities\"")
                continue
            bad = [e for e in ents if not (isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
                                           and isinstance(e.get("text"), str) and isinstance(e.get("label"), str))]
            if bad:
                problems.append(f"{where} ({g['id']}): an entity without int start/end and str text/label: {bad[0]!r}")
                continue
            if g["id"] in seen:
                problems.append(f"{where}: {g['id']} given twice (first at {seen[g['id']]})")
                continue
            seen[g["id"]] = where
            gold.append(g)
    return gold, problems


def _write_corpus(records: list[dict], out: Path) -> None:
    # the project's atomic writer; the corpus keeps its own spacing (json.dumps' default), so
    # that a rewrite changes only the lines that changed
    with atomic_open(out) as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["check", "audit", "agree", "build", "merge-rules"])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    articles = read_articles(args.data)
    splits = load_splits()
    split_of = {i: s for s, ids in splits.items() for i in ids}
    if args.command == "check":
        files = _files(args.paths)
        problems = [p for f in files for p in check_file(f, articles, split_of)]
        print("\n".join(problems) if problems else f"ok: {len(files)} files")
        return 1 if problems else 0
    if args.command == "agree":
        scores, diffs = agreement(args.paths[0], args.paths[1])
        print(json.dumps(scores, indent=1))
        if len(args.paths) > 2:
            args.paths[2].write_text("\n".join(diffs) + "\n", encoding="utf-8")
        return 0
    if args.command == "audit":
        print("\n".join(audit(args.paths, articles)))
        return 0
    if args.command == "merge-rules":
        try:
            corpus = list(read_jsonl(args.out))
            gold, problems = read_gold(args.paths)
        except (OSError, UnicodeDecodeError, ValueError) as e:  # a missing file, a bad JSON line
            print(f"error: {e}\nnothing written to {args.out}", file=sys.stderr)
            return 2
        if not problems:
            records, problems = merge_rules(corpus, gold, articles)
        if problems:
            print("\n".join(problems) + f"\nnothing written to {args.out}")
            return 1
        _write_corpus(records, args.out)
        print(f"DATE/FIGURE gold of {len(gold)} articles merged into {args.out}")
        return 0
    records = build(args.paths, articles, splits)
    _write_corpus(records, args.out)
    print(f"{len(records)} articles, {sum(len(r['entities']) for r in records)} entities -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
