#!/usr/bin/env python
"""Main-text extraction from real saved news pages: Presseschau against its peers, in one run.

The pages: ../shared/data/news/html (176 German pages of 159 outlets, the test fixtures of
trafilatura, readability, Readability4J, snacktory, postlight and goose3). `pages.jsonl` gives
per page `with` snippets (a correct extraction must contain them) and `without` snippets (it
must not). For every extractor this prints

  * with:    share of `with` snippets found in the extracted text
  * without: share of `without` snippets absent from it

over all snippets of all pages (micro), and per outlet (`--per-outlet`). Whitespace is
collapsed on both sides before the substring test (the snippets come from the HTML source,
where line breaks inside a paragraph are arbitrary).

Extractors:
  presseschau        ingest.read_path (.html) + clean.clean: the record's `text`
  trafilatura        trafilatura.extract(html) with its defaults
  trafilatura_recall trafilatura.extract(html, favor_recall=True)
  readability        readability-lxml Document(html).summary(), text of the summary
  justext            jusText with the German stoplist, non-boilerplate paragraphs

Usage:
    .venv/bin/python bench/bench_html.py [--per-outlet] [--only presseschau] [--show-misses]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest import decode, read_path  # noqa: E402
from pipeline.clean import check_invariants, clean_input  # noqa: E402

HTML_DIR = ROOT.parent / "shared" / "data" / "news" / "html"
WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return WS.sub(" ", s.replace("\u00ad", "")).strip()


def ex_presseschau(path: Path, html: str) -> str:
    (doc,) = list(read_path(path, path.parent))
    if not hasattr(doc, "text"):
        return ""
    cd = clean_input(doc.text, doc.meta)
    errs = check_invariants(doc.text, cd)
    if errs:
        print(f"  invariant violations in {path.name}: {errs[:2]}", file=sys.stderr)
    return cd.text


def ex_trafilatura(path: Path, html: str) -> str:
    import trafilatura
    return trafilatura.extract(html) or ""


def ex_trafilatura_recall(path: Path, html: str) -> str:
    import trafilatura
    return trafilatura.extract(html, favor_recall=True) or ""


def ex_readability(path: Path, html: str) -> str:
    import lxml.html
    from readability import Document
    summary = Document(html).summary(html_partial=True)
    if not summary.strip():
        return ""
    return lxml.html.fromstring(summary).text_content()


def ex_justext(path: Path, html: str) -> str:
    import justext
    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("German"), encoding="utf-8")
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate)


EXTRACTORS = {
    "presseschau": ex_presseschau,
    "trafilatura": ex_trafilatura,
    "trafilatura_recall": ex_trafilatura_recall,
    "readability": ex_readability,
    "justext": ex_justext,
}


def load_pages(limit: int | None = None) -> list[dict]:
    pages = [json.loads(l) for l in (HTML_DIR / "pages.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    return pages[:limit] if limit else pages


def run(names: list[str], pages: list[dict], show_misses: bool = False):
    # results[name][page id] = (with_hits, with_total, without_ok, without_total)
    results: dict[str, dict[str, tuple[int, int, int, int]]] = {n: {} for n in names}
    seconds = {n: 0.0 for n in names}
    for p in pages:
        path = HTML_DIR / p["file"]
        html, _ = decode(path.read_bytes())
        W = [norm(s) for s in p.get("with", [])]
        WO = [norm(s) for s in p.get("without", [])]
        for n in names:
            t0 = time.perf_counter()
            try:
                out = EXTRACTORS[n](path, html)
            except Exception as e:  # a peer failing on a page scores 0 on it
                print(f"  {n} failed on {p['id']}: {type(e).__name__}: {e}", file=sys.stderr)
                out = ""
            seconds[n] += time.perf_counter() - t0
            t = norm(out)
            wh = [s for s in W if s in t]
            wo = [s for s in WO if s not in t]
            results[n][p["id"]] = (len(wh), len(W), len(wo), len(WO))
            if show_misses and n == names[0]:
                for s in W:
                    if s not in t:
                        print(f"  MISS  {p['id']}: {s!r}")
                for s in WO:
                    if s in t:
                        print(f"  KEPT  {p['id']}: {s!r}")
    return results, seconds


def totals(res: dict[str, tuple[int, int, int, int]], ids=None):
    a = b = c = d = 0
    for pid, (wh, w, wo, wt) in res.items():
        if ids is not None and pid not in ids:
            continue
        a += wh; b += w; c += wo; d += wt
    return a, b, c, d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", default=None, help="extractors to run (default: all)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--per-outlet", action="store_true")
    ap.add_argument("--show-misses", action="store_true", help="list the snippets the first extractor gets wrong")
    args = ap.parse_args()
    names = args.only or list(EXTRACTORS)
    pages = load_pages(args.limit)
    results, seconds = run(names, pages, args.show_misses)
    print(f"\n{len(pages)} pages, {len({p['outlet'] for p in pages})} outlets\n")
    print("| extractor | with present | without absent | pages all right | s/page |")
    print("|---|---|---|---|---|")
    for n in names:
        a, b, c, d = totals(results[n])
        perfect = sum(1 for (wh, w, wo, wt) in results[n].values() if wh == w and wo == wt)
        print(f"| {n} | {a / b:.3f} ({a}/{b}) | {c / d:.3f} ({c}/{d}) | {perfect}/{len(pages)} | {seconds[n] / len(pages):.3f} |")
    if args.per_outlet:
        by_outlet = defaultdict(set)
        for p in pages:
            by_outlet[p["outlet"]].add(p["id"])
        print("\nper outlet, with present / without absent:\n")
        print("| outlet | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for o in sorted(by_outlet):
            cells = []
            for n in names:
                a, b, c, d = totals(results[n], by_outlet[o])
                cells.append(f"{(a / b if b else 1):.2f} / {(c / d if d else 1):.2f}")
            print(f"| {o} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
