"""The overview as a person sees it, in headless Chromium: the static report opened from disk
with the network cut off, and the review app's /overview page under its Content-Security-Policy.
Charts must be drawn (pixels on every canvas), clicks must work, and the console stays clean.
Screenshots go to $PRESSESCHAU_SHOTS when set (to look at them), else to the test's temp folder."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_e2e_review import ROOT, App, browser, expect  # noqa: F401  (browser: the shared fixture)

from pipeline.cli import app as cli
from pipeline.review.overview import load_reviewed, overview

pytestmark = pytest.mark.slow
OUTPUTS, ANNOTATIONS = ROOT / "outputs", ROOT / "annotations"
CANVASES = 6  # people, organisations, places, timeline, entities per label, articles by state


@pytest.fixture()
def page(browser):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def _shot(page, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("PRESSESCHAU_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)


def _drawn_canvases(page) -> list[int]:
    """Per canvas: how many pixels are not transparent (0 = nothing drawn)."""
    return page.evaluate("""() => [...document.querySelectorAll('canvas')].map(c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })""")


def _click_bar(page, canvas_index: int, bar: int) -> None:
    """Click the `bar`-th bar of a horizontal bar chart where Chart.js drew it."""
    x, y = page.evaluate("""([i, k]) => { const c = document.querySelectorAll('canvas')[i];
        const el = Chart.getChart(c).getDatasetMeta(0).data[k]; const r = c.getBoundingClientRect();
        return [r.left + (el.base + el.x) / 2, r.top + el.y]; }""", [canvas_index, bar])
    page.mouse.click(x, y)


def test_report_from_disk_offline(page, tmp_path):
    out = tmp_path / "report.html"
    res = CliRunner().invoke(cli, ["report", str(OUTPUTS), "--annotations", str(ANNOTATIONS), "--out", str(out)])
    assert res.exit_code == 0, res.output
    expected = overview(load_reviewed(OUTPUTS, ANNOTATIONS))
    asked: list[str] = []
    page.route("**/*", lambda route: (asked.append(route.request.url), route.abort() if not route.request.url.startswith("file:") else route.continue_()))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-rendered='1']")
    assert all(u.startswith("file:") for u in asked), asked  # nothing fetched from anywhere else
    drawn = _drawn_canvases(page)
    assert len(drawn) == CANVASES and all(n > 500 for n in drawn), drawn

    top = expected["names"]["PER"]["top"]
    detail = page.get_by_test_id("name-detail")
    expect(detail).to_contain_text(f"{top[0]['name']} person · {top[0]['count']} mentions")
    _click_bar(page, 0, 1)  # the second person
    expect(detail).to_contain_text(f"{top[1]['name']} person · {top[1]['count']} mentions")
    _click_bar(page, 2, 0)  # the most mentioned place
    expect(detail).to_contain_text(expected["names"]["LOC"]["top"][0]["name"] + " place")

    # the figures table sorts by value (numbers, not text) and filters
    figs = page.get_by_test_id("figures-table")
    values = sorted(f["value"] for f in expected["figures"])
    figs.locator("th", has_text="Value").click()  # numbers: largest first
    expect(figs.locator("tbody tr").first.locator("td").first).to_have_text(f"{values[-1]:,}".replace(",", "."))
    figs.locator("th", has_text="Value").click()
    expect(figs.locator("tbody tr").first.locator("td").first).to_have_text(str(values[0]).replace(".", ","))
    figs.get_by_placeholder("filter…").fill("Mensch")
    expect(figs.locator("tbody tr")).to_have_count(sum(f["about"] == "Mensch" for f in expected["figures"]))

    # the timeline starts on the years of 95% of the mentions (the seeds: 1992 on, 1968 is one
    # mention of 35), shows all years or zooms to the publication period on a click
    def x_range():
        return page.evaluate("() => { const c = Chart.getChart(document.querySelector('[data-testid=timeline] canvas')); return [c.scales.x.min, c.scales.x.max]; }")

    points = expected["timeline"]["points"]
    assert x_range() == [1992, 2023] and points[0]["value"] == "1968" and points[0]["count"] == 1
    page.get_by_test_id("all-years").click()
    assert x_range() == [1968, 2023]
    page.get_by_test_id("around-publication").click()
    assert x_range() == [2021, 2024]
    _shot(page, tmp_path, "report.png")
    assert page.problems == []  # type: ignore[attr-defined]


def _without_two_accepts(decisions: Path) -> str:
    lines = decisions.read_text(encoding="utf-8").splitlines(keepends=True)
    accepts = [(i, json.loads(line)) for i, line in enumerate(lines) if '"decision":"accept"' in line]
    by_article: dict[str, dict[str, int]] = {}
    for i, d in accepts:
        by_article.setdefault(d["article_id"], {}).setdefault(d["label"], i)
    drop = next(set(v[lab] for lab in ("PER", "ORG")) for v in by_article.values() if "PER" in v and "ORG" in v)
    return "".join(line for i, line in enumerate(lines) if i not in drop)


def test_overview_page_of_the_review_app(page, tmp_path):
    data, ann = tmp_path / "outputs", tmp_path / "annotations"
    data.mkdir()
    ann.mkdir()
    shutil.copy(OUTPUTS / "articles.jsonl", data)
    # the committed seeds are fully reviewed: leave out one article's accept of a PER and of an
    # ORG, so that "reviewed only" counts fewer and a pending ORG is left to decide in the app
    (ann / "decisions.jsonl").write_text(_without_two_accepts(ANNOTATIONS / "decisions.jsonl"), encoding="utf-8")
    srv = App(data, ann)
    try:
        page.goto(srv.url)
        page.get_by_test_id("overview-link").click()
        page.wait_for_selector("body[data-rendered='1']")
        assert page.url == srv.url + "overview"
        drawn = _drawn_canvases(page)
        assert len(drawn) == CANVASES and all(n > 500 for n in drawn), drawn
        _shot(page, tmp_path, "app_overview.png")

        expected = overview(load_reviewed(data, ann))
        kpis = page.get_by_test_id("kpis")
        expect(kpis).to_contain_text(f"{expected['names']['PER']['mentions']} mentions")
        page.get_by_test_id("reviewed-only").check()
        strict = overview(load_reviewed(data, ann), reviewed_only=True)
        expect(kpis).to_contain_text(f"{strict['names']['PER']['mentions']} mentions")
        assert strict["names"]["PER"]["mentions"] < expected["names"]["PER"]["mentions"]

        # a decision made in the app shows in the overview at once
        rec = next(r for r in load_reviewed(data, ann) if r["meta"].get("title") and any(e["status"] == "pending" and e["label"] == "ORG" for e in r["entities"]))
        ent = next(e for e in rec["entities"] if e["status"] == "pending" and e["label"] == "ORG")
        r = page.request.post(f"{srv.url}api/articles/{rec['id']}/decide", data=json.dumps({"action": "reject", "entity": ent}), headers={"Content-Type": "application/json"})
        assert r.ok, r.text()
        after = page.request.get(srv.url + "api/overview").json()
        assert after["progress"]["per_label"]["ORG"]["rejected"] == expected["progress"]["per_label"]["ORG"]["rejected"] + 1

        # an article link of the overview opens the article in the app
        page.get_by_test_id("articles-table").get_by_role("link", name=expected["articles"][rec["id"]]["title"]).click()
        expect(page.get_by_test_id("title")).to_have_text(expected["articles"][rec["id"]]["title"])
        assert page.problems == []  # type: ignore[attr-defined]
    finally:
        srv.close()


def test_report_of_an_empty_run_claims_nothing_reviewed(page, tmp_path):
    """A run with no article (an empty articles.jsonl) showed "100% reviewed · 0 of 0 articles done"."""
    data = tmp_path / "outputs"
    data.mkdir()
    (data / "articles.jsonl").write_text("", encoding="utf-8")
    out = tmp_path / "report.html"
    res = CliRunner().invoke(cli, ["report", str(data), "--annotations", str(tmp_path / "annotations"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-rendered='1']")
    kpis = page.get_by_test_id("kpis")
    expect(kpis).to_contain_text("0 articles")
    expect(kpis).not_to_contain_text("100%")
    expect(kpis).to_contain_text("–")
    assert page.problems == []  # type: ignore[attr-defined]


def test_the_app_overview_pages_its_tables_through_the_server(page, tmp_path):
    """120 articles (the seeds' run output under new ids): the page arrives with the first 50
    rows of each table and the counts of all; *show more*, the filter and a column's sort ask
    the server (/api/overview/rows), and the rows they bring name their articles by title."""
    from pipeline.io import iter_jsonl

    recs = [r for _, r in iter_jsonl(OUTPUTS / "articles.jsonl")]
    many = [dict(r, id=f"{r['id']}-{k:03d}", meta=dict(r["meta"], title=f"{r['meta']['title']} ({k})"),
                 source=dict(r["source"], sha256=f"{k:03d}{r['source']['sha256'][3:]}")) for k in range(24) for r in recs]
    data = tmp_path / "outputs"
    data.mkdir()
    (data / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in many), encoding="utf-8")
    srv = App(data, tmp_path / "annotations")
    try:
        full = overview(load_reviewed(data, tmp_path / "annotations"))
        n_fig = len(full["figures"])
        page.goto(srv.url + "overview")
        page.wait_for_selector("body[data-rendered='1']")
        figs, arts = page.get_by_test_id("figures-table"), page.get_by_test_id("articles-table")
        expect(page.get_by_test_id("kpis").locator(".kpi.FIGURE b")).to_have_text(str(n_fig))
        expect(page.get_by_test_id("figures")).to_contain_text(f"{n_fig} figures in {len(many)} articles")
        expect(figs).to_contain_text(f"{n_fig} rows, first 50 shown")
        expect(figs.locator("tbody tr")).to_have_count(50)
        # another tab rejects a figure this page shows: *show more* goes on after the 50th row (by
        # offset it skipped the 51st)
        hit = full["figures"][10]
        rec = next(r for r in srv.srv.state.records if r["id"] == hit["article"])
        fig = next(e for e in rec["entities"] if e["label"] == "FIGURE" and e["start"] == hit["start"])
        srv.srv.state.decide(hit["article"], {"action": "reject", "entity": {k: fig[k] for k in ("start", "end", "label")}})
        figs.get_by_role("button", name="show more").click()
        expect(figs.locator("tbody tr")).to_have_count(250)
        # the count of all rows is the table's now, not the page's (was "359 of 360 rows": one row
        # seemed filtered out with no filter set)
        expect(figs).to_contain_text(f"{n_fig - 1} rows, first 250 shown")
        expect(figs).not_to_contain_text(f"of {n_fig} rows")
        texts = figs.locator("tbody tr").evaluate_all("trs => trs.map(tr => tr.querySelectorAll('td')[5].innerText)")
        assert texts == [r["text"] or "" for r in full["figures"][:250]]  # the first 50 as loaded, then from the 51st on
        # the 250th row is the full table's, its article by title
        assert figs.locator("tbody tr").nth(249).locator("td").nth(6).inner_text() == full["articles"][full["figures"][249]["article"]]["title"]
        figs.get_by_role("searchbox").fill("mensch")
        want = [r for r in full["figures"] if "mensch" in f"{r['about']} {r['text']}".lower()]
        expect(figs).to_contain_text(f"{len(want)} of {n_fig - 1} rows")
        figs.get_by_role("searchbox").fill("")
        figs.locator("th[data-key=value]").click()  # a number column: largest first
        top = max(r["value"] for r in full["figures"] if isinstance(r["value"], (int, float)))
        expect(figs.locator("tbody tr").first.locator("td").first).to_have_text(f"{top:,}".replace(",", "."))
        # the articles table: row 51 onwards from the server, with working links
        expect(arts).to_contain_text(f"{len(many)} rows, first 50 shown")
        arts.get_by_role("button", name="show more").click()
        expect(arts.locator("tbody tr")).to_have_count(len(many))
        last = many[-1]
        arts.get_by_role("link", name=last["meta"]["title"], exact=True).click()
        expect(page.get_by_test_id("title")).to_have_text(last["meta"]["title"])
        assert page.problems == []  # type: ignore[attr-defined]
    finally:
        srv.close()
