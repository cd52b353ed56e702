"""The review app as a reviewer uses it: a real headless Chromium driven by Playwright.

Skips (with the reason) when the `playwright` package or a Chromium binary is missing.
Chromium is looked up as $PRESSESCHAU_CHROMIUM, then `chromium`, `chromium-browser`,
`google-chrome` on PATH (Debian: `apt-get install chromium`), then Playwright's own download.
(The fixtures live here, not in a conftest.py: tests/conftest.py is imported by name.)
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import threading
from pathlib import Path

import pytest


from pipeline.review.apply import apply_decisions
from pipeline.review.sample import make_record, sample_records

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)").expect
expect.set_options(timeout=20_000)  # 2 shared cores in CI: be patient, never flaky


pytestmark = pytest.mark.slow

def write_jsonl(path: Path, records) -> None:
    """Replace articles.jsonl as `presseschau run` does (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    os.replace(tmp, path)


ROOT = Path(__file__).resolve().parents[2]
ART = "001_660f1e0e655a289c"
DATE_ART = "003_402700ddbbeb6917"


def _chromium_path():
    env = os.environ.get("PRESSESCHAU_CHROMIUM")
    if env:
        return env if os.path.exists(env) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        p = shutil.which(name)
        if p:
            return p
    return None


_SHARED: dict = {}  # one Chromium per session, also for the modules that import this fixture


@pytest.fixture(scope="session")
def browser():
    if "browser" in _SHARED:  # another module's copy of this fixture started it (closed at session end)
        yield _SHARED["browser"]
        return
    try:
        from playwright.sync_api import Error as PWError
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    path = _chromium_path()
    pw = sync_playwright().start()
    try:
        try:
            b = pw.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        except PWError as e:
            pw.stop()
            pytest.skip(f"no usable Chromium ({path or 'playwright default'}): {str(e).splitlines()[0]}")
        _SHARED["browser"] = b
        yield b
        _SHARED.pop("browser", None)
        b.close()
    finally:
        try:
            pw.stop()
        except Exception:
            pass


class App:
    def __init__(self, data: Path, annotations: Path):
        from pipeline.review.server import make_server

        self.data, self.annotations = data, annotations
        self.srv = make_server(data, annotations, port=0, reviewer="e2e")
        self.thread = threading.Thread(target=self.srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = self.srv.url

    def decisions(self):
        from pipeline.review.log import load_decisions

        return load_decisions(self.annotations)

    def close(self):
        self.srv.shutdown()
        self.srv.server_close()


@pytest.fixture()
def make_app(tmp_path):
    apps = []

    def make(records):
        data = tmp_path / "outputs"
        write_jsonl(data / "articles.jsonl", records)
        app = App(data, tmp_path / "annotations")
        apps.append(app)
        return app

    yield make
    for a in apps:
        a.close()


@pytest.fixture()
def app_on():
    """A review server over an existing output folder and annotation folder."""
    apps = []

    def make(data: Path, annotations: Path):
        app = App(data, annotations)
        apps.append(app)
        return app

    yield make
    for a in apps:
        a.close()


@pytest.fixture()
def seed_app(make_app):
    from pipeline.review.sample import sample_records

    return make_app(sample_records(ROOT / "corpus"))


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def key(e):
    return f'{e["start"]}:{e["end"]}:{e["label"]}'


def find(records, aid, text, label=None, nth=0):
    r = next(x for x in records if x["id"] == aid)
    return [e for e in r["entities"] if e["text"] == text and (label is None or e["label"] == label)][nth]


def ent_loc(page, k):
    return page.locator(f'#text [data-key="{k}"]').first


def open_article(page, app, title_part):
    page.goto(app.url)
    page.get_by_test_id("articles").get_by_role("link", name=title_part).click()
    page.wait_for_selector("#text [data-testid=ent]")


def status_of(page, k):
    cls = ent_loc(page, k).get_attribute("class")
    return re.search(r"st-(\w+)", cls).group(1)


def wait_status(page, k, st):
    expect(ent_loc(page, k)).to_have_class(re.compile(rf"\bst-{st}\b"))


def select_text(page, start, end):
    """Drag the mouse over clean-text characters [start, end) as a person selecting text would."""
    box = page.evaluate(
        """([s, e]) => {
          const spans = [...document.querySelectorAll('#text [data-off]')];
          function pos(off) {
            for (const sp of spans) {
              const a = Number(sp.dataset.off), t = sp.firstChild;
              if (t && off >= a && off <= a + t.length) return [t, off - a];
            }
            return null;
          }
          const [n1, o1] = pos(s), [n2, o2] = pos(e);
          const r1 = document.createRange(); r1.setStart(n1, o1); r1.setEnd(n1, Math.min(o1 + 1, n1.length));
          const r2 = document.createRange(); r2.setStart(n2, Math.max(o2 - 1, 0)); r2.setEnd(n2, o2);
          r1.startContainer.parentElement.scrollIntoView({block: 'center'});
          const a = r1.getBoundingClientRect(), b = r2.getBoundingClientRect();
          return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
        }""",
        [start, end],
    )
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=4)
    page.mouse.move(box["x2"], box["y2"], steps=4)
    page.mouse.up()


def test_review_an_article_with_mouse_and_keyboard_and_reload(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    kas = find(recs, ART, "Kasachstan")
    russ = find(recs, ART, "Russland")
    odkb = find(recs, ART, "ODKB")
    tok = find(recs, ART, "Kassym-Jomart Tokajew")
    kreml = find(recs, ART, "Kreml")
    text = next(r for r in recs if r["id"] == ART)["text"]

    open_article(page, seed_app, "Kasachstan bittet um militärische Hilfe")
    # the first pending entity is selected on opening; A accepts it and moves on
    page.get_by_test_id("p-text").wait_for()
    assert page.get_by_test_id("p-text").inner_text() == "Kasachstan"
    page.keyboard.press("a")
    wait_status(page, key(kas), "accepted")
    # the next one is Russland: X rejects it
    assert page.get_by_test_id("p-text").inner_text() == "Russland"
    page.keyboard.press("x")
    wait_status(page, key(russ), "rejected")
    # relabel ODKB by clicking it and pressing 4 (MISC)
    ent_loc(page, key(odkb)).click()
    page.keyboard.press("4")
    odkb_misc = dict(odkb, label="MISC")
    ent_loc(page, key(odkb_misc)).wait_for()
    assert status_of(page, key(odkb_misc)) == "corrected"
    # adjust boundaries: "Kassym-Jomart Tokajew" -> "Tokajew" with Alt+→ (start, a word per key) then Enter
    ent_loc(page, key(tok)).click()
    page.keyboard.press("Alt+ArrowRight")
    assert page.get_by_test_id("p-text").inner_text() == "Jomart Tokajew"
    page.keyboard.press("Alt+ArrowRight")
    assert page.get_by_test_id("p-text").inner_text() == "Tokajew"
    page.keyboard.press("Enter")
    tok_new = dict(tok, start=tok["start"] + 14, text="Tokajew")
    ent_loc(page, key(tok_new)).wait_for()
    assert status_of(page, key(tok_new)) == "corrected"
    # add a missed entity by selecting text with the mouse, then 2 (ORG)
    s = text.index("Streitkräften")
    select_text(page, s, s + len("Streitkräften"))
    page.get_by_test_id("add-bar").wait_for()
    assert page.locator("#add-text").inner_text() == "Streitkräften"
    page.keyboard.press("2")
    added = {"start": s, "end": s + 13, "label": "ORG"}
    ent_loc(page, key(added)).wait_for()
    assert status_of(page, key(added)) == "accepted"
    # reject Kreml by button, then undo it with U
    ent_loc(page, key(kreml)).click()
    page.get_by_test_id("reject").click()
    wait_status(page, key(kreml), "rejected")
    page.keyboard.press("u")
    wait_status(page, key(kreml), "pending")

    expected = {key(kas): "accepted", key(russ): "rejected", key(odkb_misc): "corrected", key(tok_new): "corrected", key(added): "accepted", key(kreml): "pending"}
    log = seed_app.decisions()
    assert [d["decision"] for d in log] == ["accept", "reject", "correct", "correct", "add", "reject", "undo"]
    assert all(d["reviewer"] == "e2e" for d in log)

    # reload: every decision is still there, in the page
    page.reload()
    page.wait_for_selector("#text [data-testid=ent]")
    for k, st in expected.items():
        assert status_of(page, k) == st, k
    assert "5/64 reviewed" in page.get_by_test_id("progress").inner_text()
    # a new browser session on the list resumes where the reviewer stopped
    page.goto(seed_app.url)
    expect(page.get_by_test_id("resume")).to_contain_text("Kasachstan bittet um militärische Hilfe")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#/a/001_"))
    page.wait_for_selector("#text [data-testid=ent]")
    expect(page.get_by_test_id("p-status")).to_have_text("pending")
    assert page.js_errors == []


def test_accept_all_filters_and_next_article(page, seed_app):
    open_article(page, seed_app, "Kasachstan bittet um militärische Hilfe")
    # filter: only ORG entities shown
    for lab in ("PER", "LOC", "MISC", "DATE", "FIGURE"):
        page.get_by_test_id(f"filter-{lab}").uncheck()
    labels = set(page.eval_on_selector_all("#text [data-testid=ent]", "ns => ns.map(n => n.dataset.key.split(':')[2])"))
    assert labels == {"ORG"}
    n_org = page.locator("#text .ent.st-pending").count()
    page.keyboard.press("Shift+A")  # accept all remaining shown (ORG) entities: asks first, with the count
    expect(page.get_by_test_id("confirm-text")).to_have_text(f"Accept all {n_org} remaining shown entities (ORG)?")
    assert seed_app.decisions() == []
    page.keyboard.press("Enter")
    expect(page.locator("#text .ent.st-pending")).to_have_count(0)
    assert len(seed_app.decisions()) == n_org
    for lab in ("PER", "LOC"):
        page.get_by_test_id(f"filter-{lab}").check()
    page.get_by_test_id("filter-status").select_option("pending")
    shown = page.eval_on_selector_all("#text [data-testid=ent]", "ns => ns.map(n => n.dataset.key.split(':')[2])")
    assert shown and set(shown) <= {"PER", "LOC"}
    page.get_by_test_id("filter-status").select_option("")
    # the filters are kept in the browser; undo takes the whole batch back
    page.keyboard.press("Control+z")
    expect(page.locator("#text .ent.st-accepted")).to_have_count(0)
    assert {d["decision"] for d in seed_app.decisions()} == {"accept", "undo"}
    page.keyboard.press("n")
    page.wait_for_url(re.compile("#/a/002_"))
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-testid=article-row]")
    assert len(page.query_selector_all("[data-testid=article-row]")) == 5


def test_edit_a_date_value(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    d = find(recs, DATE_ART, "06.01.2022", "DATE")
    open_article(page, seed_app, "date 2022-01 OVKS Ein Sicherheitsbündnis für den Osten? Stand: 06.01.2022 12:33 Uhr")
    ent_loc(page, key(d)).click()
    page.keyboard.press("e")
    field = page.get_by_test_id("field-value")
    assert field.input_value() == "2022-01-06"
    field.fill("2022-01-05")
    field.press("Enter")
    wait_status(page, key(d), "corrected")
    # a value that is not a date is refused, with a message, and nothing is recorded
    ent_loc(page, key(d)).click()
    page.keyboard.press("e")
    page.get_by_test_id("field-value").fill("gestern")
    page.get_by_test_id("field-value").press("Enter")
    expect(page.get_by_test_id("status")).to_contain_text("ISO")
    log = seed_app.decisions()
    assert len(log) == 1 and log[0]["new"]["value"] == "2022-01-05" and log[0]["old"]["value"] == "2022-01-06"
    page.reload()
    page.wait_for_selector("#text [data-testid=ent]")
    ent_loc(page, key(d)).click()
    assert page.get_by_test_id("field-value").input_value() == "2022-01-05"
    assert page.get_by_test_id("field-type").input_value() == "date"  # the type follows the value (it was dropped)
    # a duration: the type follows the new value's shape
    page.keyboard.press("e")
    page.get_by_test_id("field-value").fill("P3M")
    page.get_by_test_id("field-value").press("Enter")
    expect(page.get_by_test_id("status")).to_contain_text("Corrected")
    last = seed_app.decisions()[-1]["new"]
    assert (last["value"], last["type"]) == ("P3M", "duration")
    ent_loc(page, key(d)).click()
    assert page.get_by_test_id("field-type").input_value() == "duration"


def test_rerun_reapplies_decisions_and_flags_the_rest(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    kreml = find(recs, ART, "Kreml")
    tok = find(recs, ART, "Kassym-Jomart Tokajew")
    open_article(page, seed_app, "Kasachstan bittet um militärische Hilfe")
    ent_loc(page, key(kreml)).click()
    page.keyboard.press("x")
    wait_status(page, key(kreml), "rejected")
    ent_loc(page, key(tok)).click()
    page.keyboard.press("a")
    wait_status(page, key(tok), "accepted")
    # the pipeline runs again, with a better cleaner: a new first line, and the name spelled differently
    base = next(r for r in recs if r["id"] == ART)
    new = make_record(ART, "Aktualisiert am 7. Januar.\n" + base["text"].replace("Kassym-Jomart Tokajew", "Kassym-Schomart Tokajew"), model="sample-v2")
    new_recs = [new if r["id"] == ART else r for r in recs]
    # what `presseschau run` does at its end: the log re-applied to the fresh output
    applied, flagged = apply_decisions(new_recs, seed_app.decisions())
    assert [f["reason"] for f in flagged] == ["span_not_found"]
    write_jsonl(seed_app.data / "articles.jsonl", applied)
    page.reload()
    page.wait_for_selector("#text [data-testid=ent]")
    k2 = {"start": new["text"].index("Kreml"), "end": new["text"].index("Kreml") + 5, "label": "ORG"}
    assert k2["start"] != kreml["start"]
    assert status_of(page, key(k2)) == "rejected"
    flags = page.get_by_test_id("flag")
    assert flags.count() == 1 and "Kassym-Jomart Tokajew" in flags.first.inner_text()
    # the reviewer deals with it: accept the new spelling, dismiss the flag
    t2 = next(e for e in new["entities"] if e["text"] == "Kassym-Schomart Tokajew")
    ent_loc(page, key(t2)).click()
    page.keyboard.press("a")
    wait_status(page, key(t2), "accepted")
    flags.first.get_by_role("button", name="Dismiss").click()
    page.wait_for_selector("[data-testid=flags]", state="hidden")
    assert [d["decision"] for d in seed_app.decisions()][-2:] == ["accept", "dismiss"]
    # a mis-click is taken back: U undoes the dismiss (it passed over it and undid the accept before it)
    page.keyboard.press("u")
    page.wait_for_selector("[data-testid=flag]")
    assert [d["decision"] for d in seed_app.decisions()][-3:] == ["accept", "dismiss", "undo"] and status_of(page, key(t2)) == "accepted"


def test_article_html_is_shown_as_text_never_run(page, make_app):
    evil = ('<script>window.__pwned = 1</script> Die <b>OVKS</b> tagt. '
            '<img src=x onerror="window.__pwned = 2"> <a href="javascript:window.__pwned=3">Link</a> '
            '"><svg onload="window.__pwned=4"> Kasachstan')
    rec = make_record("evil", evil, names=[("OVKS", "ORG", {"canonical": '<img src=x onerror="window.__pwned=5">'}), ("Kasachstan", "LOC", {})],
                      title='<img src=x onerror="window.__pwned=6">Titel')
    rec["meta"]["outlet"] = "<script>window.__pwned=7</script>"
    rec["removed"] = [{"start": 0, "end": 0, "kind": "<script>x</script>", "text": "<img src=x onerror=\"window.__pwned=8\">"}]
    app = make_app([rec])
    page.goto(app.url)
    page.get_by_test_id("articles").get_by_role("link", name=re.compile("Titel")).click()
    page.wait_for_selector("#text [data-testid=ent]")
    page.get_by_test_id("show-removed").check()
    o = evil.index("OVKS")
    ent_loc(page, f"{o}:{o + 4}:ORG").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#text").inner_text().startswith("⟦")  # the removed marker, as text
    assert "<script>window.__pwned = 1</script>" in page.locator("#text").inner_text()
    assert page.locator("#text script, #text img, #text svg, #text a, #title img, #meta script").count() == 0
    assert page.get_by_test_id("title").inner_text() == '<img src=x onerror="window.__pwned=6">Titel'
    assert page.get_by_test_id("field-canonical").input_value() == '<img src=x onerror="window.__pwned=5">'
    assert page.js_errors == []


def test_removed_furniture_on_request(page, make_app):
    raw = "DER SPIEGEL 99\nDie OVKS tagt in Almaty.\nFoto: dpa\nKasachstan bittet um Hilfe."
    clean = "Die OVKS tagt in Almaty.\nKasachstan bittet um Hilfe."
    rec = make_record("furn", clean, names=[("OVKS", "ORG", {}), ("Almaty", "LOC", {}), ("Kasachstan", "LOC", {})])
    a, b = raw.index("Die"), raw.index("Foto")
    rec["source"]["offsets"] = [[0, a, 25], [25, raw.index("Kasachstan"), len(clean) - 25]]
    rec["source"]["raw_length"] = len(raw)
    rec["removed"] = [{"start": 0, "end": a, "kind": "running_header", "text": raw[:a]}, {"start": b, "end": b + 10, "kind": "credit", "text": raw[b:b + 10]}]
    app = make_app([rec])
    page.goto(app.url + "#/a/furn")
    page.wait_for_selector("#text [data-testid=ent]")
    page.get_by_test_id("show-removed").uncheck()
    assert page.locator("[data-testid=removed]").count() == 0
    page.keyboard.press("f")
    page.wait_for_selector("[data-testid=removed]")
    marks = page.locator("[data-testid=removed]").all_inner_texts()
    assert any("running_header" in m and "DER SPIEGEL 99" in m for m in marks)
    assert any("credit" in m and "Foto: dpa" in m for m in marks)
    assert "Foto: dpa" in page.get_by_test_id("removed-list").inner_text()
    # the credit is shown where it was cut: between the two paragraphs
    t = page.locator("#text").inner_text()
    assert t.index("Almaty") < t.index("Foto: dpa") < t.index("bittet um Hilfe")
    page.keyboard.press("f")
    page.wait_for_selector("[data-testid=removed]", state="detached")


def test_browser_is_refused_paths_outside_the_app(page, seed_app):
    for path in ("static/..%2f..%2fdecisions.py", "static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "..%2f..%2fetc%2fpasswd"):
        resp = page.goto(seed_app.url + path)
        assert resp.status in (403, 404), path
        assert "root:" not in page.content() and "import" not in page.content()


def test_keyboard_help_and_list_navigation(page, seed_app):
    page.goto(seed_app.url)
    page.wait_for_selector("[data-testid=article-row]")
    page.keyboard.press("?")
    assert page.get_by_test_id("help").is_visible()
    page.keyboard.press("Escape")
    assert not page.get_by_test_id("help").is_visible()
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#/a/001_"))
    page.wait_for_selector("#text [data-testid=ent]")
    first = page.get_by_test_id("p-text").inner_text()
    page.keyboard.press("j")
    assert page.get_by_test_id("p-text").inner_text() != first
    page.keyboard.press("k")
    assert page.get_by_test_id("p-text").inner_text() == first
    json.dumps(seed_app.decisions())  # nothing decided by navigating
    assert seed_app.decisions() == []


@pytest.mark.parametrize("n", [1])
def test_reviewer_name_is_recorded(page, seed_app, n):
    page.goto(seed_app.url + f"#/a/{ART}")
    page.wait_for_selector("#text [data-testid=ent]")
    page.once("dialog", lambda d: d.accept("Ada"))
    page.get_by_test_id("reviewer").click()
    assert page.get_by_test_id("reviewer").inner_text() == "Reviewer: Ada"
    page.keyboard.press("a")
    expect(page.locator("#text .ent.st-accepted")).to_have_count(1)
    assert seed_app.decisions()[-1]["reviewer"] == "Ada"


def _run_pipeline(corpus: Path, out: Path, ann: Path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, CI="1")
    p = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--annotations", str(ann), "--no-progress"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if p.returncode == 2:
        pytest.skip(f"the pipeline cannot run here: {p.stdout[-300:]} {p.stderr[-300:]}")
    assert p.returncode == 0, p.stdout + p.stderr
    return [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_review_then_run_the_real_pipeline_again(page, tmp_path, app_on):
    """Review real `presseschau run` output in the browser, change the article, run the pipeline
    again: the decisions come back at their new offsets, the one that lost its text is flagged."""
    stem = "003_402700ddbbeb6917"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / f"{stem}.txt", corpus)
    out, ann = tmp_path / "outputs", tmp_path / "annotations"
    recs = _run_pipeline(corpus, out, ann)
    rec = recs[0]
    text = rec["text"]
    anchor = text.index("Es war ausgerechnet")
    later = [e for e in rec["entities"] if e["start"] > anchor and e["label"] in ("PER", "ORG", "LOC")]
    assert len(later) >= 3, "the model found too little to review"
    e1, e2, e3 = later[:3]
    new_label = "MISC" if e3["label"] != "MISC" else "ORG"
    app = app_on(out, ann)
    page.goto(app.url + "#/a/" + rec["id"])
    page.wait_for_selector("#text [data-testid=ent]")
    ent_loc(page, key(e1)).click()
    page.keyboard.press("a")
    wait_status(page, key(e1), "accepted")
    ent_loc(page, key(e2)).click()
    page.keyboard.press("x")
    wait_status(page, key(e2), "rejected")
    ent_loc(page, key(e3)).click()
    page.keyboard.press(str(["PER", "ORG", "LOC", "MISC", "DATE", "FIGURE"].index(new_label) + 1))
    e3n = dict(e3, label=new_label)
    wait_status(page, key(e3n), "corrected")
    s = text.index("Aserbaidschan")
    select_text(page, s, s + len("Aserbaidschan"))
    page.get_by_test_id("add-bar").wait_for()
    page.keyboard.press("3")
    wait_status(page, f"{s}:{s + 13}:LOC", "accepted")
    assert [d["decision"] for d in app.decisions()] == ["accept", "reject", "correct", "add"]

    # the source changes: a sentence inserted before the reviewed paragraph, the added name removed
    raw_path = corpus / f"{stem}.txt"
    raw = raw_path.read_text(encoding="utf-8")
    inserted = "Das Bündnis tagte am Donnerstag erneut. "
    assert raw.count("Es war ausgerechnet") == 1 and raw.count("des Nachbarn Aserbaidschan") == 1
    raw = raw.replace("Es war ausgerechnet", inserted + "Es war ausgerechnet").replace("des Nachbarn Aserbaidschan", "des Nachbarlandes")
    raw_path.write_text(raw, encoding="utf-8")
    recs2 = _run_pipeline(corpus, out, ann)  # `presseschau run` re-applies the log itself
    new_text = recs2[0]["text"]
    delta = new_text.index("Es war ausgerechnet") - anchor
    assert delta == len(inserted)

    def moved(e, label=None):
        return f'{e["start"] + delta}:{e["end"] + delta}:{label or e["label"]}'

    by_key = {key(e): e for e in recs2[0]["entities"]}
    assert by_key[moved(e1)]["status"] == "accepted"
    assert moved(e2) not in by_key or by_key[moved(e2)]["status"] == "rejected"
    assert by_key[moved(e3, new_label)]["status"] == "corrected"
    # and in the browser, after a reload
    page.reload()
    page.wait_for_selector("#text [data-testid=ent]")
    assert status_of(page, moved(e1)) == "accepted"
    assert status_of(page, moved(e3, new_label)) == "corrected"
    flags = page.get_by_test_id("flag")
    assert flags.count() == 1 and "Aserbaidschan" in flags.first.inner_text()


def test_edit_a_figure(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    f = find(recs, "000_983499c68f515bd7", "sechs", "FIGURE")
    page.goto(seed_app.url + "#/a/000_983499c68f515bd7")
    page.wait_for_selector("#text [data-testid=ent]")
    ent_loc(page, key(f)).click()
    page.keyboard.press("e")
    assert page.get_by_test_id("field-value").input_value() == "6"
    page.get_by_test_id("field-about").fill("Gründungsmitglied")
    page.get_by_test_id("field-value").fill("1.500,5")
    page.get_by_test_id("field-unit").fill("EUR")
    page.get_by_test_id("save").click()
    wait_status(page, key(f), "corrected")
    d = seed_app.decisions()[-1]
    assert d["decision"] == "correct" and d["new"]["value"] == 1500.5 and d["new"]["about"] == "Gründungsmitglied" and d["new"]["unit"] == "EUR"
    assert d["old"]["value"] == 6 and d["old"]["about"] == "Mitglied"
    ent_loc(page, key(f)).click()
    assert page.get_by_test_id("field-value").input_value() == "1500,5"  # as typed: a decimal comma
    assert "was: FIGURE" in page.locator("#p-orig").inner_text()


def test_a_figure_value_with_three_decimals_shown_and_saved_again_keeps_its_value(page, seed_app):
    """A FIGURE's value of three decimals ("1,375 Prozent": 1.375) was shown as "1.375", which the
    server reads as a German 1375: a typo mended in the value as shown ("1.376") made it a thousand
    times larger. It is shown with a decimal comma, as the server reads it."""
    recs = sample_records(ROOT / "corpus")
    f = find(recs, "000_983499c68f515bd7", "sechs", "FIGURE")
    page.goto(seed_app.url + "#/a/000_983499c68f515bd7")
    page.wait_for_selector("#text [data-testid=ent]")
    ent_loc(page, key(f)).click()
    page.keyboard.press("e")
    page.get_by_test_id("field-value").fill("1,375")
    page.get_by_test_id("field-value").press("Enter")
    wait_status(page, key(f), "corrected")
    assert seed_app.decisions()[-1]["new"]["value"] == 1.375
    ent_loc(page, key(f)).click()
    shown = page.get_by_test_id("field-value").input_value()
    assert shown == "1,375"
    page.get_by_test_id("field-unit").fill("%")
    page.get_by_test_id("field-value").fill(shown[:-1] + "6")  # a typo mended in the value as shown
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("field-unit")).to_have_value("%")
    d = seed_app.decisions()[-1]
    assert d["new"]["unit"] == "%" and d["new"]["value"] == 1.376 and len(seed_app.decisions()) == 2


@contextlib.contextmanager
def _article_page(browser, seed_app, **context):
    """A page of a new browser context (`context`: viewport, touch) with the seed article ART open
    and its entities drawn; yields (page, the page's JS errors); the context is closed after."""
    ctx = browser.new_context(**context)
    try:
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(seed_app.url + "#/a/" + ART)
        pg.wait_for_selector("#text [data-testid=ent]")
        yield pg, errors
    finally:
        ctx.close()


def test_a_phone_shows_the_selected_entitys_panel_without_scrolling(browser, seed_app):
    """390 x 844, touch: the panel of the entity tapped far down the article is on screen (a bottom
    sheet), the entity above it; tap and keys decide; Esc or × hides it to read, a tap brings it
    back; the last lines of the text can be scrolled above it. (Before: the panel was below the
    whole article, the Accept button 7000 px down.)"""
    recs = sample_records(ROOT / "corpus")
    kreml = find(recs, ART, "Kreml", nth=1)  # far down the article
    ents = next(r for r in recs if r["id"] == ART)["entities"]
    odkb = min((e for e in ents if e["start"] > kreml["start"]), key=lambda e: e["start"])
    W, H = 390, 844
    with _article_page(browser, seed_app, viewport={"width": W, "height": H}, has_touch=True, is_mobile=True) as (pg, errors):

        def on_screen(k):
            """the panel shows entity k; its Accept button is in the window and not covered; the entity is above the panel"""
            expect(pg.locator("#panel-entity")).to_have_attribute("data-key", k)
            expect(pg.get_by_test_id("accept")).to_be_visible()
            b = pg.get_by_test_id("accept").bounding_box()
            assert b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["width"] <= W and b["y"] + b["height"] <= H, b
            top = pg.evaluate("""() => { const b = document.querySelector('#accept').getBoundingClientRect();
                                         const e = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
                                         return e && e.id; }""")
            assert top == "accept", top
            panel = pg.get_by_test_id("panel").bounding_box()
            ent = ent_loc(pg, k).bounding_box()
            assert ent["y"] >= 0 and ent["y"] + ent["height"] <= panel["y"], (ent, panel)

        on_screen(key(find(recs, ART, "Kasachstan")))  # the first pending one, on opening
        ent_loc(pg, key(kreml)).tap()
        on_screen(key(kreml))
        pg.get_by_test_id("accept").tap()
        wait_status(pg, key(kreml), "accepted")
        on_screen(key(odkb))  # A / Accept moves on to the next pending one, still in view
        pg.keyboard.press("x")
        wait_status(pg, key(odkb), "rejected")
        # Esc hides the panel to read the text (the article stays open); a tap on an entity shows it again
        pg.keyboard.press("Escape")
        expect(pg.get_by_test_id("panel")).to_be_hidden()
        assert "#/a/" in pg.url
        ent_loc(pg, key(kreml)).tap()
        on_screen(key(kreml))
        pg.get_by_test_id("panel-close").tap()
        expect(pg.get_by_test_id("panel")).to_be_hidden()
        ent_loc(pg, key(odkb)).tap()
        on_screen(key(odkb))
        # the end of the text can be scrolled above the panel
        pg.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        text = pg.get_by_test_id("text").bounding_box()
        assert text["y"] + text["height"] <= pg.get_by_test_id("panel").bounding_box()["y"]
        assert pg.evaluate("document.documentElement.scrollWidth") <= W
        assert [d["decision"] for d in seed_app.decisions()] == ["accept", "reject"]
        assert errors == []


def _uncovered(pg, sel):
    """the element `sel` is inside the window and on top at its centre (not covered by anything)"""
    return pg.evaluate("""(sel) => { const el = document.querySelector(sel), b = el.getBoundingClientRect();
        if (b.width === 0 || b.left < 0 || b.top < 0 || b.right > innerWidth || b.bottom > innerHeight) return false;
        const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return !!top && (top === el || el.contains(top)); }""", sel)


def test_a_phone_sheet_gives_way_to_the_add_bar_follows_its_order_and_comes_back_by_a_button(browser, seed_app):
    """390 x 844, touch. Selecting text to add an entity: the add bar's buttons are all on screen and
    uncovered, and the sheet is not underneath it (before: the add bar lay over Accept / Reject).
    The sheet's controls come in the page (Tab, screen readers) in the order they are shown, top to
    bottom (before: Accept / Reject were shown first but came last); a wide window puts them back at
    the end. A closed sheet comes back by a "Show entity panel" button (Enter on it after Esc, or a
    tap), there only while the sheet is closed; and the text no longer keeps the sheet's room below it."""
    recs = sample_records(ROOT / "corpus")
    kreml = find(recs, ART, "Kreml", nth=1)
    W, H = 390, 844
    with _article_page(browser, seed_app, viewport={"width": W, "height": H}, has_touch=True, is_mobile=True) as (pg, errors):
        ent_loc(pg, key(kreml)).tap()
        expect(pg.locator("#panel-entity")).to_have_attribute("data-key", key(kreml))
        show = pg.get_by_role("button", name="Show entity panel")
        expect(show).to_be_hidden()  # the sheet is open

        # the sheet's focusable controls, in page order, run top to bottom (left to right in a row)
        order = pg.evaluate("""() => [...document.querySelectorAll('#panel button, #panel input, #panel select')]
            .filter((e) => e.offsetParent !== null).map((e) => { const b = e.getBoundingClientRect();
              return [e.id || e.dataset.testid || e.textContent, Math.round(b.top), Math.round(b.left)]; })""")
        ids = [o[0] for o in order]
        assert ids.index("accept") < ids.index("relabel-PER"), ids
        rows = [(o[1], o[2]) for o in order if o[0] != "panel-close"]
        for (y0, x0), (y1, x1) in zip(rows, rows[1:]):
            assert y1 > y0 + 4 or (abs(y1 - y0) <= 4 and x1 > x0), order

        # select text: the add bar takes the bottom, the sheet steps aside
        text = next(r for r in recs if r["id"] == ART)["text"]
        s = text.index("Streitkräften")
        select_text(pg, s, s + len("Streitkräften"))
        expect(pg.locator("#add-text")).to_have_text("Streitkräften")
        for sel in ["[data-testid=add-PER]", "[data-testid=add-FIGURE]", "#reselect"]:
            assert _uncovered(pg, sel), sel
        bar = pg.get_by_test_id("add-bar").bounding_box()
        panel = pg.get_by_test_id("panel").bounding_box()
        assert panel is None or panel["y"] >= bar["y"] + bar["height"], (panel, bar)
        expect(show).to_be_hidden()
        # Esc drops the selection and the sheet is back, its buttons uncovered
        pg.keyboard.press("Escape")
        expect(pg.get_by_test_id("add-bar")).to_be_hidden()
        expect(pg.get_by_test_id("accept")).to_be_visible()
        assert _uncovered(pg, "#accept")

        # Esc hides the sheet: the button is there, focused, Enter brings the sheet back
        pg.keyboard.press("Escape")
        expect(pg.get_by_test_id("panel")).to_be_hidden()
        expect(show).to_be_visible()
        assert _uncovered(pg, "#panel-open")
        expect(show).to_be_focused()
        # ... and the text no longer keeps the sheet's room below it
        pg.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        below = pg.evaluate("""() => innerHeight - document.querySelector('#text').getBoundingClientRect().bottom""")
        assert below < 100, below  # was 46vh (388 px)
        pg.keyboard.press("Enter")
        expect(pg.get_by_test_id("accept")).to_be_visible()
        expect(pg.locator("#panel-entity")).to_have_attribute("data-key", key(kreml))
        expect(show).to_be_hidden()
        # × then a tap on the button
        pg.get_by_test_id("panel-close").tap()
        expect(pg.get_by_test_id("panel")).to_be_hidden()
        show.tap()
        expect(pg.get_by_test_id("accept")).to_be_visible()
        assert _uncovered(pg, "#accept")
        pg.get_by_test_id("accept").tap()
        wait_status(pg, key(kreml), "accepted")

        # a wide window: Accept / Reject at the end of the panel again, no show button
        pg.set_viewport_size({"width": 1300, "height": 900})
        # (not wait_for_function: its polling evaluates a string, which the app's CSP refuses: flaky)
        expect(pg.locator("#panel-entity > .buttons:last-child")).to_have_count(1)
        expect(show).to_be_hidden()
        assert [d["decision"] for d in seed_app.decisions()] == ["accept"]
        assert errors == []


def _select_in_page(pg, start, end):
    """Select clean-text characters [start, end) from the page's own script (createRange + addRange on the
    text nodes), as a long-press and the selection handles of a phone do: no mouseup, no keyup."""
    pg.evaluate(
        """([s, e]) => {
          const spans = [...document.querySelectorAll('#text [data-off]')];
          function pos(off, end) {
            for (const sp of spans) {
              const a = Number(sp.dataset.off), t = sp.firstChild;
              if (t && (end ? off > a : off >= a) && off <= a + t.length) return [t, off - a];
            }
            throw new Error('no text node at ' + off);
          }
          const [n1, o1] = pos(s, false), [n2, o2] = pos(e, true);
          const r = document.createRange(); r.setStart(n1, o1); r.setEnd(n2, o2);
          n1.parentElement.scrollIntoView({block: 'center'});
          const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
        }""",
        [start, end],
    )


def test_a_touch_selection_shows_the_add_bar_without_mouseup_or_keyup(browser, seed_app):
    """390 x 844, touch. A long-press selection (and dragging its handles) fires no mouseup / keyup: the
    app follows the selection itself and shows the add bar for it, updates it as the selection grows,
    drops it when the selection collapses or spans two paragraphs; adding logs one decision, and the
    bar does not come back by itself after Esc or the add. (Before: no add bar at all, a reviewer on a
    tablet could not add a missed name.)"""
    recs = sample_records(ROOT / "corpus")
    rec = next(r for r in recs if r["id"] == ART)
    text = rec["text"]
    s = text.index("Streitkräften")
    e = s + len("Streitkräften")
    assert not any(x["start"] < e and s < x["end"] for x in rec["entities"])  # a word no entity covers
    with _article_page(browser, seed_app, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True) as (pg, errors):
        bar, add_text = pg.get_by_test_id("add-bar"), pg.locator("#add-text")
        _select_in_page(pg, s, e)
        expect(bar).to_be_visible(timeout=1000)
        expect(add_text).to_have_text("Streitkräften")
        # the handles grow it to the next word: the bar follows
        _select_in_page(pg, s, e + len(" lieferten"))
        expect(add_text).to_have_text("Streitkräften lieferten", timeout=1000)
        # collapsed: the bar goes
        pg.evaluate("getSelection().collapseToStart()")
        expect(bar).to_be_hidden(timeout=1000)
        # over a paragraph's end (the title into the subtitle): no bar
        nl = text.index("\n")
        _select_in_page(pg, nl - len("Hilfe"), nl + 1 + len("Kasachstans"))
        pg.wait_for_timeout(700)
        expect(bar).to_be_hidden()
        # Esc drops the selection and the bar, which does not come back by itself
        _select_in_page(pg, s, e)
        expect(add_text).to_have_text("Streitkräften", timeout=1000)
        pg.keyboard.press("Escape")
        expect(bar).to_be_hidden()
        pg.wait_for_timeout(700)
        expect(bar).to_be_hidden()
        # add it as ORG by a tap: one decision, the new entity selected, the bar gone and staying gone
        _select_in_page(pg, s, e)
        expect(add_text).to_have_text("Streitkräften", timeout=1000)
        pg.get_by_test_id("add-ORG").tap()
        new = {"start": s, "end": e, "label": "ORG"}
        wait_status(pg, key(new), "accepted")
        expect(pg.locator("#panel-entity")).to_have_attribute("data-key", key(new))
        pg.wait_for_timeout(700)
        expect(bar).to_be_hidden()
        assert [(d["decision"], d["new"]["start"], d["new"]["end"], d["new"]["label"]) for d in seed_app.decisions()] == [("add", s, e, "ORG")]
        # "Set as boundaries" by a tap: the selected Kreml becomes "vom Kreml", one decision, no bar after it
        kreml = find(recs, ART, "Kreml", nth=1)
        ent_loc(pg, key(kreml)).tap()
        expect(pg.locator("#panel-entity")).to_have_attribute("data-key", key(kreml))
        vom = kreml["start"] - len("vom ")
        assert text[vom:kreml["end"]] == "vom Kreml"
        _select_in_page(pg, vom, kreml["end"])
        expect(add_text).to_have_text("vom Kreml", timeout=1000)
        pg.locator("#reselect").tap()
        wide = dict(kreml, start=vom)
        wait_status(pg, key(wide), "corrected")
        pg.wait_for_timeout(700)
        expect(bar).to_be_hidden()
        log = seed_app.decisions()
        assert [(d["decision"], d["new"]["start"], d["new"]["end"], d["new"]["label"]) for d in log] == [
            ("add", s, e, "ORG"), ("correct", vom, kreml["end"], "ORG")]
        assert errors == []


def test_a_touch_laptop_used_with_a_mouse_keeps_the_desktop_selection(browser, seed_app):
    """A wide touch screen used with a mouse: the mouse selection with Alt stays a sub-word (the
    selection the app follows on touch does not snap it back to the word a moment later), and a
    selection the page makes by itself after that shows no add bar (a mouse was the last pointer)."""
    recs = sample_records(ROOT / "corpus")
    text = next(r for r in recs if r["id"] == ART)["text"]
    a = text.index("Aserbaidschan")
    with _article_page(browser, seed_app, viewport={"width": 1300, "height": 900}, has_touch=True) as (pg, errors):
        assert pg.evaluate("navigator.maxTouchPoints") > 0
        pg.keyboard.down("Alt")
        select_text(pg, a, a + 4)
        pg.keyboard.up("Alt")
        expect(pg.locator("#add-text")).to_have_text("Aser")
        pg.wait_for_timeout(700)
        expect(pg.locator("#add-text")).to_have_text("Aser")
        pg.keyboard.press("Escape")
        expect(pg.get_by_test_id("add-bar")).to_be_hidden()
        _select_in_page(pg, a, a + len("Aserbaidschan"))
        pg.wait_for_timeout(700)
        expect(pg.get_by_test_id("add-bar")).to_be_hidden()
        assert errors == []
