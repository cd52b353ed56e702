"""Review the seed articles in the review UI, driven by Playwright as a reviewer would work.

    python tests/e2e/review_seeds.py [--data outputs] [--annotations annotations]
                                     [--gold annotations/gold/seeds.jsonl] [--reviewer NAME]

What to decide for each entity is judged against the hand-made gold standard of the seeds
(`annotations/gold/seeds.jsonl`, made by hand after `annotations/GUIDELINES.md`): every
predicted entity is accepted, relabelled, re-bounded, value-corrected or rejected, and every
gold entity the pipeline missed is added by selecting its text. Every decision is made in the
browser (clicks, keys, mouse selection), so it goes through the same path as a person's and
lands in `annotations/decisions.jsonl`; at the end the reviewed `articles.jsonl` is written from
the log (`apply.apply_decisions_from`), as `presseschau run` would.
Canonical names are left as the pipeline linked them (the gold does not encode linking).
Gold entities whose text the cleaner removed cannot be added and are listed at the end.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

LABELS = ["PER", "ORG", "LOC", "MISC", "DATE", "FIGURE"]
FIGURE_FIELDS = ("value", "unit", "about", "qualifier", "event")


def key(e) -> str:
    return f'{e["start"]}:{e["end"]}:{e["label"]}'


# --------------------------------------------------------------------------- what to decide


def raw_to_clean(rec: dict) -> dict[int, int]:
    m = {}
    for c, r, n in rec["source"].get("offsets") or []:
        for k in range(n):
            m[r + k] = c + k
    return m


def gold_in_clean(rec: dict, gold: dict) -> tuple[list[dict], list[dict]]:
    m = raw_to_clean(rec)
    placed, lost = [], []
    for g in gold["entities"]:
        s, e = m.get(g["raw_start"]), m.get(g["raw_end"] - 1)
        if s is None or e is None or e + 1 <= s:
            lost.append(g)
            continue
        ge = dict(g, start=s, end=e + 1)
        ge["clean"] = rec["text"][s:e + 1]
        placed.append(ge)
    return placed, lost


def values_of(g: dict) -> dict:
    if g["label"] == "DATE":
        return {"value": g.get("value")}
    if g["label"] == "FIGURE":
        return {k: g.get(k) for k in FIGURE_FIELDS}
    return {}


def value_changes(p: dict, g: dict) -> dict:
    out = {}
    for k, v in values_of(g).items():
        pv = p.get(k)
        if k == "value" and isinstance(v, (int, float)) and isinstance(pv, (int, float)):
            if abs(float(v) - float(pv)) < 1e-9:
                continue
        elif (pv if pv not in ("",) else None) == v:
            continue
        out[k] = v
    return out


def plan(rec: dict, gold: list[dict]) -> list[dict]:
    """Actions turning the record's entities into the gold: accept / reject / correct / add."""
    preds = [e for e in rec["entities"]]
    used_p: set[int] = set()
    used_g: set[int] = set()
    acts: list[dict] = []

    def match(pred_ok):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            cands = [(pi, p) for pi, p in enumerate(preds) if pi not in used_p and pred_ok(p, g)]
            if not cands:
                continue
            pi, p = max(cands, key=lambda x: min(x[1]["end"], g["end"]) - max(x[1]["start"], g["start"]))
            used_p.add(pi)
            used_g.add(gi)
            new = {}
            if (p["start"], p["end"]) != (g["start"], g["end"]):
                new.update(start=g["start"], end=g["end"])
            if p["label"] != g["label"]:
                new["label"] = g["label"]
            new.update(value_changes(p if p["label"] == g["label"] else {}, g))
            acts.append({"do": "correct" if new else "accept", "entity": p, "new": new, "gold": g})

    match(lambda p, g: (p["start"], p["end"], p["label"]) == (g["start"], g["end"], g["label"]))
    match(lambda p, g: (p["start"], p["end"]) == (g["start"], g["end"]))
    match(lambda p, g: p["label"] == g["label"] and p["start"] < g["end"] and g["start"] < p["end"])
    match(lambda p, g: p["start"] < g["end"] and g["start"] < p["end"])
    for pi, p in enumerate(preds):
        if pi not in used_p:
            acts.append({"do": "reject", "entity": p})
    for gi, g in enumerate(gold):
        if gi not in used_g:
            acts.append({"do": "add", "gold": g})
    # what already holds (an earlier pass, re-applied to a new run) is not decided again
    acts = [a for a in acts if not (
        (a["do"] == "accept" and a["entity"].get("status") in ("accepted", "corrected"))
        or (a["do"] == "reject" and a["entity"].get("status") == "rejected"))]
    # in reading order, as a person goes through the text
    acts.sort(key=lambda a: (a.get("entity") or a["gold"])["start"])
    return acts


# --------------------------------------------------------------------------- the UI


class Reviewer:
    def __init__(self, page, base_url: str):
        self.page = page
        self.url = base_url

    def open(self, article_id: str) -> None:
        from playwright.sync_api import expect

        self.article_id = article_id
        self.page.goto(self.url + "#/a/" + article_id)
        expect(self.page.get_by_test_id("meta")).to_contain_text(article_id)  # not the previous article's DOM
        self.page.wait_for_selector("#text [data-off]")

    def panel_key(self) -> str:
        return self.page.locator("#panel-entity").get_attribute("data-key") or ""

    def view(self, article_id: str) -> dict:
        import urllib.request

        with urllib.request.urlopen(self.url + "api/articles/" + article_id) as r:
            return json.loads(r.read())

    def select(self, k: str) -> None:
        loc = self.page.locator(f'#text [data-key="{k}"]')
        for _ in range(4):
            if self.panel_key() == k:
                return
            if loc.count():
                loc.first.click()
            else:
                break
        for _ in range(2000):  # walk with J
            if self.panel_key() == k:
                return
            self.page.keyboard.press("j")
        raise RuntimeError(f"cannot select entity {k}")

    def wait_key(self, k: str, status: str) -> None:
        """Wait until the app shows entity `k` with `status` (asked from the server the page talks to:
        an entity sharing its span with another one is not always the one drawn on top)."""
        import time

        deadline = time.time() + 15
        while time.time() < deadline:
            ents = {key(e): e for e in self.view(self.article_id)["record"]["entities"]}
            if k in ents and ents[k]["status"] in ((status,) if status != "accepted" else ("accepted", "corrected")):
                # ... and the page has taken the answer in (it moves the selection on after it)
                self.page.wait_for_selector('body:not([data-busy="1"])', timeout=10000)
                return
            time.sleep(0.05)
        raise RuntimeError(f"{k} did not become {status}")

    def accept(self, e) -> None:
        self.select(key(e))
        self.page.keyboard.press("a")
        self.wait_key(key(e), "accepted")

    def reject(self, e) -> None:
        self.select(key(e))
        self.page.keyboard.press("x")
        self.wait_key(key(e), "rejected")

    def move(self, e, start: int, end: int) -> str:
        """Boundaries with Alt/Shift+arrows (a word per key; a character per key with snapping
        switched off by W, where the new span cuts a word), then Enter; returns the new key."""
        self.select(key(e))
        kb = self.page.keyboard
        s, t = e["start"], e["end"]
        view = self.view(self.article_id)
        text, w = view["record"]["text"], view["words"]
        spans = [(a, b) for a, b in zip(w[::2], w[1::2]) if any(ch.isalnum() for ch in text[a:b])]
        starts, ends = [a for a, _ in spans], [b for _, b in spans]
        by_word = start in starts and end in ends
        if not by_word:
            kb.press("w")  # snapping off: one character per key
            steps = [("Alt+ArrowLeft", s - start), ("Shift+ArrowRight", end - t), ("Alt+ArrowRight", start - s), ("Shift+ArrowLeft", t - end)]
        else:
            steps = [("Alt+ArrowLeft", sum(start <= x < s for x in starts)), ("Shift+ArrowRight", sum(t < x <= end for x in ends)),
                     ("Alt+ArrowRight", sum(s < x <= start for x in starts)), ("Shift+ArrowLeft", sum(end <= x < t for x in ends))]
        for k, n in steps:
            for _ in range(max(0, n)):
                kb.press(k)
        kb.press("Enter")
        k = f"{start}:{end}:{e['label']}"
        self.wait_key(k, "corrected")
        if not by_word:
            kb.press("w")
        return k

    def relabel(self, k: str, label: str) -> str:
        self.select(k)
        self.page.keyboard.press(str(LABELS.index(label) + 1))
        s, e, _ = k.split(":")
        nk = f"{s}:{e}:{label}"
        self.wait_key(nk, "corrected")
        return nk

    def set_values(self, k: str, values: dict) -> None:
        ent = next((e for e in self.view(self.article_id)["record"]["entities"] if key(e) == k), None)
        if ent is not None and all(ent.get(f) == v for f, v in values.items()):
            return  # already so (an added name's canonical from the linker): nothing to edit
        self.select(k)
        self.page.keyboard.press("e")
        for f, v in values.items():
            inp = self.page.get_by_test_id(f"field-{f}")
            inp.fill("" if v is None else (repr(v) if isinstance(v, float) else str(v)))
        first = self.page.get_by_test_id(f"field-{next(iter(values))}")
        before = len(self.page.locator("#text .st-corrected").all())
        first.press("Enter")
        self.page.wait_for_timeout(150)
        err = self.page.locator("#status.bad")
        if err.count() and err.inner_text():
            raise RuntimeError(f"value refused for {k}: {err.inner_text()}")
        self.wait_key(k, "corrected")
        del before

    def add(self, start: int, end: int, label: str) -> str:
        page = self.page
        box = page.evaluate(
            """([s, e]) => {
              const spans = [...document.querySelectorAll('#text [data-off]')];
              function pos(off, atEnd) {
                for (const sp of spans) {
                  const a = Number(sp.dataset.off), t = sp.firstChild;
                  if (!t) continue;
                  if (atEnd ? (off > a && off <= a + t.length) : (off >= a && off < a + t.length)) return [t, off - a];
                }
                return null;
              }
              const [n1, o1] = pos(s, false), [n2, o2] = pos(e, true);
              const r1 = document.createRange(); r1.setStart(n1, o1); r1.setEnd(n1, o1 + 1);
              const r2 = document.createRange(); r2.setStart(n2, o2 - 1); r2.setEnd(n2, o2);
              n1.parentElement.scrollIntoView({block: 'center'});
              const a = r1.getClientRects()[0], b = r2.getClientRects()[0];
              return {x1: a.left + 0.5, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2};
            }""",
            [start, end],
        )
        page.mouse.move(box["x1"], box["y1"])
        page.mouse.down()
        page.mouse.move(box["x2"], box["y2"], steps=6)
        page.mouse.up()
        page.get_by_test_id("add-bar").wait_for(timeout=5000)
        got = page.locator("#add-text").inner_text()
        want = self.text[start:end].strip()
        if got != want:
            raise RuntimeError(f"selected {got!r}, wanted {want!r}")
        page.keyboard.press(str(LABELS.index(label) + 1))
        k = f"{start}:{end}:{label}"
        self.wait_key(k, "accepted")
        return k


def review_article(rv: Reviewer, rec: dict, gold_rec: dict, log: list) -> None:
    gold, lost = gold_in_clean(rec, gold_rec)
    for g in lost:
        log.append(f"{rec['id']}: gold {g['label']} {g['text']!r} (raw {g['raw_start']}) is not in the clean text")
    rv.open(rec["id"])
    rv.text = rec["text"]
    for a in plan(rec, gold):
        if a["do"] == "accept":
            rv.accept(a["entity"])
        elif a["do"] == "reject":
            rv.reject(a["entity"])
        elif a["do"] == "correct":
            p, new = a["entity"], dict(a["new"])
            k = key(p)
            if "start" in new:
                k = rv.move(p, new.pop("start"), new.pop("end"))
            if "label" in new:
                k = rv.relabel(k, new.pop("label"))
            g = a["gold"]
            if "label" in a["new"] and g["label"] not in ("DATE", "FIGURE") and g.get("canonical"):
                new["canonical"] = g["canonical"]  # a relabelled name loses the old type's linking
            if new:
                rv.set_values(k, new)
        elif a["do"] == "add":
            g = a["gold"]
            k = rv.add(g["start"], g["end"], g["label"])
            vals = {f: v for f, v in values_of(g).items() if v is not None}
            if g["label"] not in ("DATE", "FIGURE") and g.get("canonical"):
                vals = {"canonical": g["canonical"]}
            if vals:
                rv.set_values(k, values_of(g) if g["label"] in ("DATE", "FIGURE") else vals)
    view = rv.view(rec["id"])
    # check: the reviewed entities are exactly the gold (spans, labels, values)
    kept = {(e["start"], e["end"], e["label"]): e for e in view["record"]["entities"] if e["status"] in ("accepted", "corrected")}
    want = {(g["start"], g["end"], g["label"]): g for g in gold}
    for k in sorted(set(want) - set(kept)):
        log.append(f"{rec['id']}: MISSING after review {k} {want[k]['clean']!r}")
    for k in sorted(set(kept) - set(want)):
        log.append(f"{rec['id']}: EXTRA after review {k} {kept[k]['text']!r}")
    for k in sorted(set(kept) & set(want)):
        diff = value_changes(kept[k], want[k])
        if diff:
            log.append(f"{rec['id']}: VALUE differs {k} {kept[k]['text']!r}: {diff}")
    log.append(f"{rec['id']}: {view['progress']} (gold {len(want)}, not in clean text {len(lost)})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "outputs")
    ap.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    ap.add_argument("--gold", type=Path, default=ROOT / "annotations" / "gold" / "seeds.jsonl")
    ap.add_argument("--reviewer", default="seed-review")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--only", nargs="*", help="article ids (default: every article with gold)")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from pipeline.review.server import make_server

    gold = {json.loads(x)["id"]: json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()}
    srv = make_server(args.data, args.annotations, port=0, reviewer=args.reviewer)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    log: list[str] = []
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox"])
            page = b.new_page(viewport={"width": 1400, "height": 1000})
            page.on("pageerror", lambda e: log.append(f"page error: {e}"))
            page.on("dialog", lambda d: d.accept(args.reviewer))
            rv = Reviewer(page, srv.url)
            page.goto(srv.url)
            for aid in args.only or [r["id"] for r in srv.state.records]:
                if aid not in gold:
                    log.append(f"{aid}: no gold, not reviewed")
                    continue
                with srv.state.lock:
                    rec = json.loads(json.dumps(srv.state.records[srv.state.index[aid]]))  # with source.offsets
                review_article(rv, rec, gold[aid], log)
            b.close()
    finally:
        srv.shutdown()
        srv.server_close()
    # the server only appends to the log: the reviewed output is derived from it through apply.py
    from pipeline.io import atomic_write_jsonl, read_jsonl
    from pipeline.review.apply import apply_decisions_from

    path = args.data / "articles.jsonl" if args.data.is_dir() else args.data
    reviewed, _ = apply_decisions_from(list(read_jsonl(path)), args.annotations)
    atomic_write_jsonl(path, reviewed)
    print("\n".join(log))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
