"""Review app at archive scale (issue 16): the article list and a decision with N articles.

Corpus: the committed pipeline output of the seeds (`outputs/articles.jsonl`: real texts,
entities, offsets and removed furniture; their review stripped) replicated to N records with new
ids, source hashes, titles, outlets and dates, so every copy is a distinct article.

Measures, in one run, side by side:
  1. list: server time of a page of the article list (`GET /api/articles`), plain, with a
     full-text search, with filters + sort; in process (`ReviewState.list_page`) and over HTTP;
     target < 300 ms;
  2. the browser render of the list page (headless Chromium, when Playwright and a Chromium are
     installed): from navigation to the rows drawn, and a page change;
  3. decision: server time of one accept/reject/correct (`POST .../decide`: log append with
     fsync + re-applying the article), over HTTP; target < 50 ms; and "apply to all mentions"
     in the whole corpus;
  4. what a decision cost before (issue 16: the server rewrote the whole articles.jsonl after
     decisions): one atomic rewrite of the N reviewed records, measured on the same data, as
     the ratio to a decision now.

Usage: .venv/bin/python bench/bench_review.py [--articles 10000] [--decisions 200] [--no-browser]
       .venv/bin/python bench/bench_review.py --batch-only [--code OTHER_CHECKOUT]
`--batch-only` times only "apply to all mentions" in the corpus and its undo, in process; with
`--code` the review code of another checkout is timed on the same corpus (side by side: e.g.
`mkdir /tmp/before && git archive 7d54855 pipeline bench outputs | tar -x -C /tmp/before`, then run both).
Work files go to a temporary folder (removed at the end).
"""
from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CODE = Path(sys.argv[sys.argv.index("--code") + 1]).resolve() if "--code" in sys.argv[:-1] else REPO
sys.path.insert(0, str(CODE))

from pipeline.io import atomic_write_jsonl  # noqa: E402
from pipeline.review.apply import strip_review  # noqa: E402
from pipeline.review.server import make_server  # noqa: E402

OUTLETS = ["DER SPIEGEL", "Frankfurter Allgemeine Zeitung", "WELT", "tagesschau.de", "Süddeutsche Zeitung", "taz", "ZEIT ONLINE"]


def build(n: int, out: Path) -> list[dict]:
    seeds = [strip_review(json.loads(x)) for x in (REPO / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = []
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(n):
            r = dict(seeds[i % len(seeds)])
            r["id"] = f"{i:06d}_{r['id']}"
            src = dict(r["source"])
            src["sha256"] = hashlib.sha256(f"{i}:{src['sha256']}".encode()).hexdigest()
            r["source"] = src
            meta = dict(r.get("meta") or {})
            meta["title"] = f"{meta.get('title') or 'Artikel'} ({i})"
            meta["outlet"] = OUTLETS[i % len(OUTLETS)]
            meta["published"] = f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            r["meta"] = meta
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            rows.append(r)
    return rows


def ms(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return f"median {statistics.median(xs) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  max {xs[-1] * 1000:7.1f} ms  (n={len(xs)})"


class Http:
    def __init__(self, srv):
        self.host, self.port = srv.server_address[:2]
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=900)

    def call(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode()
        h = {"Host": f"127.0.0.1:{self.port}"}
        if data is not None:
            h["Content-Type"] = "application/json"
        t = time.perf_counter()
        self.conn.request(method, path, body=data, headers=h)
        r = self.conn.getresponse()
        raw = r.read()
        dt = time.perf_counter() - t
        if r.status != 200:
            raise RuntimeError(f"{method} {path}: {r.status} {raw[:200]!r}")
        return json.loads(raw), dt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--decisions", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=20, help="requests per list measurement")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--batch-only", action="store_true", help="only the corpus-wide batch and its undo, in process")
    ap.add_argument("--code", type=Path, default=None, help="time the pipeline package of this checkout (read at import)")
    args = ap.parse_args(argv)
    if args.batch_only:
        return batch_only(args.articles)
    rnd = random.Random(16)
    tmp = Path(tempfile.mkdtemp(prefix="bench_review_"))
    try:
        data, ann = tmp / "outputs", tmp / "annotations"
        data.mkdir()
        t = time.perf_counter()
        rows = build(args.articles, data / "articles.jsonl")
        size = (data / "articles.jsonl").stat().st_size
        print(f"corpus: {len(rows)} articles, {sum(len(r['entities']) for r in rows)} entities, articles.jsonl {size / 1e6:.0f} MB (built in {time.perf_counter() - t:.1f} s)")
        t = time.perf_counter()
        srv = make_server(data, ann, port=0, reviewer="bench")
        print(f"server start (read + index): {time.perf_counter() - t:.1f} s, max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        st, c = srv.state, Http(srv)
        results: dict[str, float] = {}

        print("\n1. article list, one page of 50 (target < 300 ms)")
        queries = {
            "first page": "",
            "page 150": "offset=7500",
            "search 'paschinjan' (full text)": "q=paschinjan",
            "outlet + sort by date desc": "outlet=WELT&sort=published&order=desc",
            "status pending + label MISC + sort pending": "status=pending&label=MISC&sort=pending",
        }
        for name, q in queries.items():
            qd = dict(x.split("=", 1) for x in q.split("&") if x)
            st.list_page(qd)  # the first search builds the search index: timed below apart
            inproc, over = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                st.list_page(qd)
                inproc.append(time.perf_counter() - t)
                _, dt = c.call("GET", "/api/articles?" + q + ("&" if q else "") + "limit=50")
                over.append(dt)
            results[f"list {name}"] = statistics.median(over)
            print(f"  {name:<45} in process {statistics.median(inproc) * 1000:6.1f} ms | HTTP {ms(over)}")
        for name, path in (("header numbers (/api/state)", "/api/state"), ("outlets for the filter (/api/facets)", "/api/facets")):
            over = [c.call("GET", path)[1] for _ in range(args.repeat)]
            print(f"  {name:<45} HTTP {ms(over)}")
        st._haystack = None
        t = time.perf_counter()
        st.list_page({"q": "x"})
        print(f"  (first search after start: builds the search text of {len(rows)} articles once: {(time.perf_counter() - t) * 1000:.0f} ms)")

        if not args.no_browser:
            print("\n2. browser render of the list (headless Chromium)")
            try:
                browser_list(srv.url)
            except Exception as e:  # noqa: BLE001 - optional part of the benchmark
                print(f"  skipped: {type(e).__name__}: {str(e).splitlines()[0]}")

        print(f"\n3. decisions (target < 50 ms server time), {args.decisions} on random articles")
        times: dict[str, list[float]] = {"accept": [], "reject": [], "correct": []}
        for k in range(args.decisions):
            i = rnd.randrange(len(rows))
            aid = rows[i]["id"]
            view, _ = c.call("GET", f"/api/articles/{aid}")
            pending = [e for e in view["record"]["entities"] if e["status"] == "pending"]
            e = rnd.choice(pending)
            kind = ("accept", "reject", "correct")[k % 3]
            body = {"action": kind, "entity": {"start": e["start"], "end": e["end"], "label": e["label"]},
                    "seen": {"status": e["status"], "reviewed_by": e.get("reviewed_by")}}
            if kind == "correct":
                body["new"] = {"label": "MISC" if e["label"] != "MISC" else "ORG"}
            _, dt = c.call("POST", f"/api/articles/{aid}/decide", body)
            times[kind].append(dt)
        all_t = [x for v in times.values() for x in v]
        for kind, v in times.items():
            print(f"  {kind:<8} {ms(v)}")
        print(f"  all      {ms(all_t)}")
        results["decision"] = statistics.median(all_t)
        view, _ = c.call("GET", f"/api/articles/{rows[1]['id']}")
        e = next(x for x in view["record"]["entities"] if x["text"] == "Kasachstan" and x["status"] == "pending")
        ref = {"start": e["start"], "end": e["end"], "label": e["label"]}
        dry, _ = c.call("POST", f"/api/articles/{rows[1]['id']}/apply_all", {"entity": ref, "scope": "corpus", "dry_run": True})
        _, dt = c.call("POST", f"/api/articles/{rows[1]['id']}/apply_all", {"entity": ref, "scope": "corpus"})
        print(f"  apply to all mentions in the corpus: {dry['decisions']} decisions in {dry['articles']} articles in {dt:.2f} s "
              f"(one batch; {dry['decisions'] / dt:.0f} decisions/s)")
        _, dt_undo = c.call("POST", f"/api/articles/{rows[1]['id']}/undo", {})
        print(f"  ... undone as one in {dt_undo:.2f} s")

        print("\n4. side by side: what each batch of decisions cost before (rewrite of articles.jsonl)")
        t = time.perf_counter()
        atomic_write_jsonl(tmp / "rewrite.jsonl", st.records)
        rewrite = time.perf_counter() - t
        print(f"  rewrite of {len(rows)} reviewed records: {rewrite:.2f} s  vs  a decision now: {results['decision'] * 1000:.1f} ms  "
              f"(ratio {rewrite / results['decision']:.0f}x)")
        print(f"  articles.jsonl untouched by the review: {(data / 'articles.jsonl').stat().st_size == size}")

        print("\nsummary")
        worst_list = max(v for k, v in results.items() if k.startswith("list"))
        print(f"  list page, slowest query (HTTP median): {worst_list * 1000:.1f} ms  target < 300 ms: {'met' if worst_list < 0.3 else 'NOT met'}")
        print(f"  decision (HTTP median): {results['decision'] * 1000:.1f} ms  target < 50 ms: {'met' if results['decision'] < 0.05 else 'NOT met'}")
        srv.shutdown()
        srv.server_close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def batch_only(n: int) -> int:
    import resource as res

    from pipeline.review.state import ReviewState

    tmp = Path(tempfile.mkdtemp(prefix="bench_review_"))
    try:
        (tmp / "outputs").mkdir()
        rows = build(n, tmp / "outputs" / "articles.jsonl")
        st = ReviewState(tmp / "outputs", tmp / "annotations", reviewer="bench")
        aid = rows[1]["id"]
        e = next(x for x in st.article(aid)["record"]["entities"] if x["text"] == "Kasachstan" and x["status"] == "pending")
        ref = {"start": e["start"], "end": e["end"], "label": e["label"]}
        t = time.perf_counter()
        dry = st.apply_all(aid, {"entity": ref, "scope": "corpus", "dry_run": True})
        t_plan = time.perf_counter() - t
        t = time.perf_counter()
        st.apply_all(aid, {"entity": ref, "scope": "corpus"})
        t_apply = time.perf_counter() - t
        t = time.perf_counter()
        st.undo(aid, {})
        t_undo = time.perf_counter() - t
        print(f"code {CODE}: {n} articles; apply to all mentions in the corpus: {dry['decisions']} decisions in {dry['articles']} articles: "
              f"plan (dry run) {t_plan:.2f} s, apply {t_apply:.2f} s, undo {t_undo:.2f} s; max RSS {res.getrusage(res.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def browser_list(url: str) -> None:
    import os

    from playwright.sync_api import sync_playwright

    exe = os.environ.get("PRESSESCHAU_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            pg = b.new_page(viewport={"width": 1300, "height": 900})
            loads, inpage, pages = [], [], []
            for _ in range(5):
                t = time.perf_counter()
                pg.goto(url)
                pg.wait_for_selector("[data-testid=article-row] >> nth=49")
                loads.append(time.perf_counter() - t)
                inpage.append(float(pg.evaluate("document.body.dataset.firstRowsMs")) / 1000)
                t = time.perf_counter()
                first = pg.get_attribute("[data-testid=article-row]", "data-id")
                pg.click("[data-testid=pg-next]")
                pg.wait_for_function("(f) => document.querySelector('[data-testid=article-row]').dataset.id !== f", arg=first)
                pages.append(time.perf_counter() - t)
                pg.click("[data-testid=pg-prev]")
                pg.wait_for_function("(f) => document.querySelector('[data-testid=article-row]').dataset.id === f", arg=first)
            print(f"  open the app to 50 rows drawn: {ms(loads)}  (as Playwright sees it: includes its polling)")
            print(f"  ... in the page, navigation start to rows drawn (performance.now): {ms(inpage)}")
            print(f"  next page drawn:               {ms(pages)}")
            print(f"  fetch + render of a page, in the page (performance.now): {pg.evaluate('document.body.dataset.listMs')} ms")
        finally:
            b.close()


if __name__ == "__main__":
    raise SystemExit(main())
