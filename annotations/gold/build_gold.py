#!/usr/bin/env python3
"""Build `annotations/gold/seeds.jsonl` from the hand-written sources in `seeds_src/`.

One source file per article: `seeds_src/<file stem>.psv`. Lines starting with `#@` are
directives, other lines starting with `#` are comments, blank lines are ignored.

Directives::

    #@published 2022-01-08        (required: ISO date of the article, YYYY[-MM[-DD]])
    #@note free text               (optional, copied into the record's "notes")

Data rows are pipe-separated (`|`, surrounding spaces ignored, so columns can be aligned;
no entity surface in the seeds contains `|`), with a header row naming the columns::

    label | text | occ | value | unit | about | qualifier | event | canonical | note

* `text`: the entity surface exactly as in the raw file. Write a raw line break as the two
  characters `\\n` ("Russ-\\nlands"). To pin an occurrence by its context, write the
  context around it and mark the entity with `[[...]]` ("von [[Kasachstan]] (" ).
* `occ`: empty = the next occurrence after the previous row's match (rows are listed in
  raw order), or an integer N = the N-th occurrence in the whole file (1-based).
  Occurrences only count at word boundaries: the characters just outside the match must
  not be a letter, digit or hyphen, so "Kasachstan" never matches inside "Kasachstans" or
  "Kasachstan-Experte".
* `value`: DATE: ISO string or `null`; FIGURE: a JSON number (`3.5e6`) or `null`.
* `unit`, `about`, `qualifier`, `event`: FIGURE only; empty = null.
* `canonical`: PER/ORG/LOC/MISC; empty = the surface itself (with line breaks joined).
* `note`: free text kept on the entity as "note".

The script fails loudly (exit 1) when a surface is not found, when spans overlap, or when
`raw[raw_start:raw_end] != text` for any entity.

Usage::

    python annotations/gold/build_gold.py            # write seeds.jsonl
    python annotations/gold/build_gold.py --check    # exit 1 if seeds.jsonl is stale
    python annotations/gold/build_gold.py --show 002 # list entities with context
    python annotations/gold/build_gold.py --audit    # other occurrences of annotated names
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
SRC = HERE / "seeds_src"
OUT = HERE / "seeds.jsonl"

LABELS = ("PER", "ORG", "LOC", "MISC", "DATE", "FIGURE")
NAME_LABELS = ("PER", "ORG", "LOC", "MISC")
COLUMNS = ("label", "text", "occ", "value", "unit", "about", "qualifier", "event", "canonical", "note")
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-(SP|SU|FA|WI)|-Q[1-4]|-W(0[1-9]|[1-4]\d|5[0-3]))?$")
# ISO 8601 durations and TimeML sets (issue 18: durations are DATEs)
ISO_DURATION = re.compile(r"^(?:P(?:\d+(?:\.\d+)?[YMWD])+(?:T(?:\d+(?:\.\d+)?[HMS])+)?|PT(?:\d+(?:\.\d+)?[HMS])+|XXXX-WXX-[1-7])$")
PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class GoldError(Exception):
    pass


def clean_surface(text: str) -> str:
    """What a cleaner makes of a raw span: line-end hyphenation joined, other breaks -> space."""
    text = re.sub(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])", "", text)
    return re.sub(r"\s*\n\s*", " ", text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "-"


def find_all(raw: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `raw` at word boundaries."""
    hits = []
    i = raw.find(needle)
    while i >= 0:
        j = i + len(needle)
        before_ok = i == 0 or not (_is_word_char(raw[i - 1]) and _is_word_char(needle[0]))
        after_ok = j == len(raw) or not (_is_word_char(raw[j]) and _is_word_char(needle[-1]))
        if before_ok and after_ok:
            hits.append(i)
        i = raw.find(needle, i + 1)
    return hits


def parse_source(path: Path) -> tuple[dict, list[dict]]:
    meta: dict = {"notes": []}
    rows: list[dict] = []
    header: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#@"):
            key, _, val = line[2:].partition(" ")
            if key == "note":
                meta["notes"].append(val.strip())
            else:
                meta[key] = val.strip()
            continue
        if line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in ("label", "text") if c not in header]
            unknown = [c for c in header if c not in COLUMNS]
            if missing or unknown:
                raise GoldError(f"{path.name}:{lineno}: bad header (missing {missing}, unknown {unknown})")
            continue
        if len(cells) > len(header):
            raise GoldError(f"{path.name}:{lineno}: {len(cells)} cells but {len(header)} columns")
        row = {k: (cells[i] if i < len(cells) else "") for i, k in enumerate(header)}
        row["_line"] = lineno
        rows.append(row)
    if "published" not in meta or not PUBLISHED.match(meta["published"]):
        raise GoldError(f"{path.name}: missing or malformed '#@published' directive")
    return meta, rows


def _opt(v: str | None):
    return None if v in (None, "", "null") else v


def _number(v: str, where: str):
    if _opt(v) is None:
        return None
    try:
        x = json.loads(v)
    except json.JSONDecodeError as e:
        raise GoldError(f"{where}: FIGURE value {v!r} is not a JSON number") from e
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise GoldError(f"{where}: FIGURE value {v!r} is not a number")
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        x = int(x)
    return x


def build_article(stem: str) -> dict:
    src = SRC / f"{stem}.psv"
    raw_path = CORPUS / f"{stem}.txt"
    data = raw_path.read_bytes()
    raw = data.decode("utf-8")
    meta, rows = parse_source(src)
    entities: list[dict] = []
    cursor = 0
    for row in rows:
        where = f"{src.name}:{row['_line']}"
        label = row["label"]
        if label not in LABELS:
            raise GoldError(f"{where}: unknown label {label!r}")
        pattern = row["text"].replace("\\n", "\n").replace("\\t", "\t")
        if "[[" in pattern:
            left, _, rest = pattern.partition("[[")
            ent, sep, _right = rest.partition("]]")
            if not sep or not ent:
                raise GoldError(f"{where}: malformed [[...]] marker in {row['text']!r}")
            offset_in = len(left)
            needle = pattern.replace("[[", "", 1).replace("]]", "", 1)
        else:
            ent, offset_in, needle = pattern, 0, pattern
        hits = find_all(raw, needle)
        occ = row.get("occ", "")
        if occ:
            n = int(occ)
            if not 1 <= n <= len(hits):
                raise GoldError(f"{where}: occurrence {n} of {needle!r} requested, {len(hits)} found in {raw_path.name}")
            start = hits[n - 1]
        else:
            after = [h for h in hits if h >= cursor]
            if not after:
                raise GoldError(f"{where}: {needle!r} not found in {raw_path.name} after offset {cursor} ({len(hits)} occurrences in all)")
            start = after[0]
        rs = start + offset_in
        re_ = rs + len(ent)
        cursor = start + len(needle)
        text = raw[rs:re_]
        if text != ent:
            raise GoldError(f"{where}: internal offset error for {ent!r}")
        e: dict = {"raw_start": rs, "raw_end": re_, "text": text, "label": label}
        if "\n" in text:
            e["clean_text"] = clean_surface(text)
        if label == "DATE":
            v = _opt(row.get("value"))
            if v is not None and not ISO_DATE.match(v) and not ISO_DURATION.match(v):
                raise GoldError(f"{where}: DATE value {v!r} is not ISO 8601-shaped")
            e["value"] = v
        elif label == "FIGURE":
            e["value"] = _number(row.get("value", ""), where)
            for k in ("unit", "about", "qualifier", "event"):
                e[k] = _opt(row.get(k))
        else:
            for k in ("value", "unit", "about", "qualifier", "event"):
                if _opt(row.get(k)) is not None:
                    raise GoldError(f"{where}: {k} given for a {label} entity")
            e["canonical"] = _opt(row.get("canonical")) or clean_surface(text)
        if _opt(row.get("note")):
            e["note"] = row["note"]
        entities.append(e)
    entities.sort(key=lambda e: (e["raw_start"], e["raw_end"]))
    for a, b in zip(entities, entities[1:]):
        if b["raw_start"] < a["raw_end"]:
            raise GoldError(f"{stem}: overlapping spans {a['text']!r}@{a['raw_start']} and {b['text']!r}@{b['raw_start']}")
    for e in entities:
        assert raw[e["raw_start"]:e["raw_end"]] == e["text"]
    rec = {
        "id": stem,
        "source": {"path": f"corpus/{raw_path.name}", "sha256": hashlib.sha256(data).hexdigest()},
        "published": meta["published"],
        "entities": entities,
    }
    if meta["notes"]:
        rec["notes"] = meta["notes"]
    return rec


def build_all() -> list[dict]:
    stems = sorted(p.stem for p in SRC.glob("*.psv"))
    if not stems:
        raise GoldError(f"no sources in {SRC}")
    return [build_article(s) for s in stems]


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def show(records: list[dict], prefix: str) -> None:
    for rec in records:
        if not rec["id"].startswith(prefix):
            continue
        raw = (ROOT / rec["source"]["path"]).read_text(encoding="utf-8")
        print(f"== {rec['id']} published={rec['published']} entities={len(rec['entities'])}")
        for e in rec["entities"]:
            s, t = e["raw_start"], e["raw_end"]
            ctx = (raw[max(0, s - 25):s] + "[" + raw[s:t] + "]" + raw[t:t + 25]).replace("\n", "⏎")
            extra = {k: v for k, v in e.items() if k in ("value", "unit", "about", "qualifier", "event", "canonical") and v is not None}
            print(f"{s:6d} {e['label']:6s} {ctx}  {json.dumps(extra, ensure_ascii=False) if extra else ''}")


def audit(records: list[dict]) -> None:
    """List occurrences of annotated name surfaces that no entity covers (to review by hand)."""
    for rec in records:
        raw = (ROOT / rec["source"]["path"]).read_text(encoding="utf-8")
        covered = [(e["raw_start"], e["raw_end"]) for e in rec["entities"]]
        names = {e["text"] for e in rec["entities"] if e["label"] in NAME_LABELS}
        print(f"== {rec['id']}")
        for name in sorted(names):
            for h in find_all(raw, name):
                if not any(s <= h < t for s, t in covered):
                    ctx = raw[max(0, h - 30):h + len(name) + 30].replace("\n", "⏎")
                    print(f"  {h:6d} {name!r}: …{ctx}…")


def counts_table(records: list[dict]) -> str:
    lines = ["| article | " + " | ".join(LABELS) + " | total |", "|---" * (len(LABELS) + 2) + "|"]
    tot = Counter()
    for rec in records:
        c = Counter(e["label"] for e in rec["entities"])
        tot.update(c)
        lines.append(f"| {rec['id']} | " + " | ".join(str(c[l]) for l in LABELS) + f" | {sum(c.values())} |")
    lines.append("| **all** | " + " | ".join(str(tot[l]) for l in LABELS) + f" | {sum(tot.values())} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if seeds.jsonl differs from a fresh build")
    ap.add_argument("--show", metavar="ID_PREFIX", help="print entities with context")
    ap.add_argument("--audit", action="store_true", help="list uncovered occurrences of annotated names")
    ap.add_argument("--counts", action="store_true", help="print counts per label per article (markdown)")
    args = ap.parse_args(argv)
    try:
        records = build_all()
    except GoldError as e:
        print(f"build_gold: ERROR: {e}", file=sys.stderr)
        return 1
    if args.show is not None:
        show(records, args.show)
        return 0
    if args.audit:
        audit(records)
        return 0
    if args.counts:
        print(counts_table(records))
        return 0
    text = dumps(records)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"build_gold: {OUT} is stale; run annotations/gold/build_gold.py", file=sys.stderr)
            return 1
        print(f"build_gold: {OUT.name} up to date ({sum(len(r['entities']) for r in records)} entities)")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"build_gold: wrote {OUT} ({len(records)} articles, {sum(len(r['entities']) for r in records)} entities)")
    print(counts_table(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
