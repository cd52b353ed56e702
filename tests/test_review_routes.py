"""The review app's route table, through the in-process client (`routes.TestClient`, no sockets):
what each route does to the state and the log; the HTTP guards are tested over sockets in
test_review_server.py."""
from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from pipeline.io import iter_jsonl as read_jsonl_lines
from pipeline.review import log as dec
from pipeline.review import routes
from pipeline.review.apply import apply_decisions
from pipeline.review.overview import FIRST_ROWS, MAX_ROWS, first_page, overview
from pipeline.review.routes import ROUTES, TestClient, split_path
from pipeline.review.sample import make_record, sample_records
from pipeline.review.state import ReviewState
from test_review_server import ART, Client, dirs, first, ref, start, write_jsonl  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def state(dirs):
    st = ReviewState(*dirs, reviewer="tester")
    yield st
    st.close()


@pytest.fixture()
def client(state):
    return TestClient(state)


def log(state):
    return dec.load_decisions(state.store.path)


def test_list_open_accept_and_undo(client, state, dirs):
    data, _ = dirs
    before = (data / "articles.jsonl").read_bytes()
    st, page = client.get("/api/articles?limit=2&offset=1")
    assert st == 200 and page["total"] == 5 and page["articles"] == 5 and [a["id"] for a in page["items"]] == state.ids[1:3]
    st, view = client.get(f"/api/articles/{ART}")
    assert st == 200 and view["position"] == state.ids.index(ART) + 1 and view["record"]["text"].startswith("Kasachstan bittet")
    kas = first(view, "Kasachstan")
    assert kas["status"] == "pending" and not view["can_undo"]

    st, view = client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kas)})
    assert st == 200 and first(view, "Kasachstan")["status"] == "accepted" and view["can_undo"]
    [d] = log(state)
    assert (d["decision"], d["article_id"], d["reviewer"], d["span"]["start"], d["span"]["end"]) == ("accept", ART, "tester", kas["start"], kas["end"])
    row = next(a for a in client.get("/api/articles")[1]["items"] if a["id"] == ART)
    assert row["progress"]["accepted"] == 1

    st, view = client.post(f"/api/articles/{ART}/undo", {})
    assert st == 200 and first(view, "Kasachstan")["status"] == "pending" and not view["can_undo"]
    assert [(x["decision"], x.get("undoes")) for x in log(state)] == [("accept", None), ("undo", [d["id"]])]
    assert client.post(f"/api/articles/{ART}/undo", {}) == (409, {"error": "nothing to undo in this article"})
    assert len(log(state)) == 2 and (data / "articles.jsonl").read_bytes() == before  # the pipeline's output is never written


def test_unknown_routes_and_articles_are_404(client, state):
    assert client.get("/api/nope") == (404, {"error": "not found"})
    assert client.get("/api") == (404, {"error": "not found"})
    assert client.get("/api/articles/nope") == (404, {"error": "no article 'nope'"})
    assert client.get("/api/articles/") == (404, {"error": "no article ''"})
    assert client.get(f"/api/articles/{ART}/decide") == (404, {"error": "not found"})  # a POST route: no 405, as ever
    assert client.post("/api/state", {}) == (404, {"error": "not found"})
    assert client.get("/") == (404, {"error": "not found"})  # pages are the server's, not routes
    assert client.get("/api/articles/..") == (403, {"error": "path outside the served folders"})
    _, view = client.get(f"/api/articles/{ART}")
    e = ref(view["record"]["entities"][0])
    assert client.post(f"/api/articles/{ART}/explode", {"action": "accept", "entity": e}) == (404, {"error": "not found"})
    assert client.post("/api/articles/nope/decide", {"action": "accept", "entity": e}) == (404, {"error": "no article 'nope'"})
    assert log(state) == [] and client.get("/api/state")[1]["decisions"] == 0


def test_bad_bodies_are_400_and_write_nothing(client, state):
    url = f"/api/articles/{ART}/decide"
    _, view = client.get(f"/api/articles/{ART}")
    e = ref(first(view, "Kreml"))
    assert client.post(url, raw=b"{") == (400, {"error": "invalid JSON"})
    assert client.post(url, raw=b"\xff") == (400, {"error": "invalid JSON"})
    assert client.post(url, [e]) == (400, {"error": "JSON object expected"})
    assert client.post(url, raw=b"[" * 100_000) == (400, {"error": "JSON nested too deeply"})
    assert client.post(url, {"action": "explode", "entity": e}) == (400, {"error": "unknown action 'explode'"})
    assert client.post(url, {"action": "accept"}) == (400, {"error": "missing entity"})
    assert client.post(url, {"action": "add", "new": {"start": 0, "end": 10, "label": "WHAT"}})[0] == 400
    assert client.post("/api/reviewer", {"reviewer": "  "}) == (400, {"error": "reviewer name needed"})
    # offsets outside the text or not whole numbers: said as such (a start of -1 was "“” cuts the
    # word “Angela”", 0.5 / 6.9 were recorded as [0, 6))
    n = len(view["record"]["text"])
    for start, end, needle in ((-1, 6, "bad span [-1, 6)"), (0, n + 5, f"bad span [0, {n + 5})"), (0.5, 6.9, "whole numbers, not 0.5"),
                               ("0", 6, "whole numbers, not '0'")):
        code, body = client.post(url, {"action": "add", "new": {"start": start, "end": end, "label": "PER"}})
        assert code == 400 and needle in body["error"], body
    # a new span over a paragraph break (a selection dragged past a paragraph's end)
    other = "002_952582db0378b41f"  # a seed with paragraph breaks
    brk = client.get(f"/api/articles/{other}")[1]["record"]["text"].index("\n\n", 200)
    code, body = client.post(f"/api/articles/{other}/decide", {"action": "add", "new": {"start": brk - 5, "end": brk + 8, "label": "PER"}, "subword": True})
    assert code == 400 and "runs over a paragraph break" in body["error"], body
    assert client.post("/api/nope", raw=b"{") == (404, {"error": "not found"})  # no route: the body is never read
    assert log(state) == [] and state.reviewer == "tester"
    assert first(client.get(f"/api/articles/{ART}")[1], "Kreml")["status"] == "pending"


def test_reviewer_accept_all_state_and_team(client, state):
    assert client.post("/api/reviewer", {"reviewer": "  eva  "}) == (200, {"reviewer": "eva"})
    assert state.reviewer == "eva" and client.get("/api/state")[1]["reviewer"] == "eva"
    st, view = client.post(f"/api/articles/{ART}/accept_all", {"labels": ["LOC"]})
    locs = [e for e in view["record"]["entities"] if e["label"] == "LOC"]
    assert st == 200 and locs and all(e["status"] == "accepted" and e["reviewed_by"] == "eva" for e in locs)
    assert len(log(state)) == len(locs) and {d["reviewer"] for d in log(state)} == {"eva"} and len({d["batch"] for d in log(state)}) == 1
    s = client.get("/api/state")[1]
    assert s["decisions"] == len(locs) and s["progress"]["accepted"] == len(locs) and s["conflicts"] == 0
    # two reviewers disagree on one entity: a conflict in /api/team and the list's status filter
    kreml = ref(first(view, "Kreml"))
    client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": kreml, "reviewer": "anna"})
    client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": kreml, "reviewer": "bob"})
    _, team = client.get("/api/team")
    assert [(c["article_id"], c["text"], [p["reviewer"] for p in c["positions"]]) for c in team["conflicts"]] == [(ART, "Kreml", ["anna", "bob"])]
    _, page = client.get("/api/articles?status=conflict")
    assert [a["id"] for a in page["items"]] == [ART]
    assert client.get("/api/articles?status=odd") == (400, {"error": "unknown status 'odd'; one of pending, done, untouched, flagged, conflict"})
    _, facets = client.get("/api/facets")
    assert facets["status"] == list(state.facets()["status"]) and sum(n for _, n in facets["outlets"]) <= 5


def test_a_dismiss_is_undone_as_any_decision(client, state, dirs, tmp_path):
    """A flag dismissed by a mis-click could not be taken back: U passed over the dismiss and undid
    the decision before it (here the reject of 'Kreml'). U takes the dismiss back: the flag is shown
    again, in the app and by the run's overlay, and the reject stays; U again undoes the reject."""
    from pipeline.review.apply import ReviewOverlay

    data, ann = dirs
    _, view = client.get(f"/api/articles/{ART}")
    client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(first(view, "Kassym-Jomart Tokajew"))})
    recs = sample_records(ROOT / "corpus")
    r = next(x for x in recs if x["id"] == ART)
    new = make_record(ART, r["text"].replace("Kassym-Jomart Tokajew", "Kassym-Schomart Tokajew"), model="v2")
    time.sleep(0.05)
    write_jsonl(data / "articles.jsonl", [new if x["id"] == ART else x for x in recs])
    _, view = client.get(f"/api/articles/{ART}")
    (flag,) = view["flags"]
    st, view = client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(first(view, "Kreml"))})
    assert st == 200 and first(view, "Kreml")["status"] == "rejected"
    st, view = client.post(f"/api/articles/{ART}/dismiss", {"decision_id": flag["decision_id"]})
    assert st == 200 and view["flags"] == [] and view["can_undo"]
    dismiss_id = log(state)[-1]["id"]
    assert view["undo_id"] == dismiss_id  # what U takes back now: the dismiss
    st, view = client.post(f"/api/articles/{ART}/undo", {"expect": view["undo_id"]})
    assert st == 200, view
    assert [f["decision_id"] for f in view["flags"]] == [flag["decision_id"]] and client.get("/api/flags")[1][0]["decision_id"] == flag["decision_id"]
    assert first(view, "Kreml")["status"] == "rejected"  # the decision before the dismiss stays
    assert log(state)[-1]["decision"] == "undo" and log(state)[-1]["undoes"] == [dismiss_id]
    # the run's overlay (presseschau run, export) reads the log so too
    overlay = ReviewOverlay.from_folder(ann)
    overlay.start(lambda aid: aid == ART)
    rec, flags = overlay.apply(new)
    assert [f["decision"]["id"] for f in flags] == [flag["decision_id"]]
    assert next(e for e in rec["entities"] if e["text"] == "Kreml")["status"] == "rejected"
    # a fresh server reads the log as the first did
    fresh = ReviewState(data, ann)
    try:
        assert [f["decision_id"] for f in fresh.article(ART)["flags"]] == [flag["decision_id"]]
    finally:
        fresh.close()
    # U again: the reject
    st, view = client.post(f"/api/articles/{ART}/undo", {"expect": view["undo_id"]})
    assert st == 200 and first(view, "Kreml")["status"] == "pending" and len(view["flags"]) == 1


def test_rerun_flags_and_dismiss(client, state, dirs):
    """A GET takes in a re-run of the pipeline (`maybe_reload`); the decision it cannot place is
    flagged in /api/flags until dismissed."""
    data, _ = dirs
    _, view = client.get(f"/api/articles/{ART}")
    client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(first(view, "Kassym-Jomart Tokajew"))})
    assert client.get("/api/flags") == (200, [])
    recs = sample_records(ROOT / "corpus")
    r = next(x for x in recs if x["id"] == ART)
    new = make_record(ART, r["text"].replace("Kassym-Jomart Tokajew", "Kassym-Schomart Tokajew"), model="v2")
    time.sleep(0.05)
    write_jsonl(data / "articles.jsonl", [new if x["id"] == ART else x for x in recs])
    st, flags = client.get("/api/flags")
    assert st == 200 and [(f["reason"], f["text"], f["article_id"]) for f in flags] == [("span_not_found", "Kassym-Jomart Tokajew", ART)]
    st, view = client.post(f"/api/articles/{ART}/dismiss", {"decision_id": flags[0]["decision_id"]})
    assert st == 200 and view["flags"] == [] and client.get("/api/flags") == (200, [])
    assert [d["decision"] for d in log(state)] == ["accept", "dismiss"] and log(state)[1]["undoes"] == [flags[0]["decision_id"]]
    assert client.post(f"/api/articles/{ART}/dismiss", {"decision_id": "nope"}) == (409, {"error": "no such flagged decision in this article"})


def test_orphaned_decisions_can_be_withdrawn_from_the_app(tmp_path):
    """A decision found only by a hash several articles share (the articles of one PDF read with
    `--pdf-articles`) that fits two of them alike, and one whose article left the output, were
    listed among the orphans with no way to take them back: undo and Dismiss work per article,
    and these have none. `POST /api/orphans/dismiss` withdraws one (a `dismiss` line appended
    to the log, through the same commit as every decision); the other stays listed, and a
    server started afresh on the log lists only it."""
    recs = sample_records(ROOT / "corpus")
    r = next(x for x in recs if x["id"] == ART)
    kas = next(e for e in r["entities"] if e["text"] == "Kasachstan")
    on_page = dec.make_decision(r, "reject", kas, reviewer="anna")  # made on the whole page, id gone
    other = next(x for x in recs if x["id"] != ART)
    gone = dec.make_decision(other, "accept", other["entities"][0], reviewer="anna")
    sha = r["source"]["sha256"]
    split = [dict(r, id=f"seite#a{i}", source=dict(r["source"], sha256=sha)) for i in (1, 2)]  # the same text twice
    data, ann = tmp_path / "outputs", tmp_path / "annotations"
    write_jsonl(data / "articles.jsonl", split + [x for x in recs if x["id"] not in (ART, other["id"])])
    dec.DecisionStore(ann).append([on_page, gone])
    client = TestClient(ReviewState(data, ann, reviewer="tester"))

    _, st = client.get("/api/state")
    assert sorted((o["decision_id"], o["reason"]) for o in st["orphans"]) == sorted([(on_page["id"], "ambiguous"), (gone["id"], "article_missing")])
    assert "seite#a1, seite#a2" in next(o["message"] for o in st["orphans"] if o["reason"] == "ambiguous")
    assert client.post("/api/articles/seite%23a1/undo", {}) == (409, {"error": "nothing to undo in this article"})

    status, st = client.post("/api/orphans/dismiss", {"decision_id": on_page["id"]})
    assert status == 200 and [o["decision_id"] for o in st["orphans"]] == [gone["id"]] and st["flags"] == 1
    assert client.get("/api/flags")[1] == st["orphans"]
    written = dec.load_decisions(ann)
    assert [(d["decision"], d.get("undoes"), d["reviewer"]) for d in written] == \
        [("reject", None, "anna"), ("accept", None, "anna"), ("dismiss", [on_page["id"]], "tester")]
    assert all(e.get("status") == "pending" for x in client.state.records if x["id"].startswith("seite#") for e in x["entities"])
    # withdrawn already, or never an orphan: refused, nothing written
    assert client.post("/api/orphans/dismiss", {"decision_id": on_page["id"]})[0] == 409
    assert client.post("/api/orphans/dismiss", {"decision_id": "d-nope"})[0] == 409
    assert len(dec.load_decisions(ann)) == 3

    status, st = client.post("/api/orphans/dismiss", {"decision_id": gone["id"], "reviewer": "bob"})
    assert status == 200 and st["orphans"] == [] and st["flags"] == 0
    assert dec.load_decisions(ann)[-1]["reviewer"] == "bob"
    # read afresh (a server restarted on this log, or `presseschau run`): both stay withdrawn
    again = ReviewState(data, ann)
    assert again.overview()["orphans"] == [] and again.flags == {}
    _, flagged = apply_decisions(split, dec.load_decisions(ann))
    assert flagged == []


def test_overview_and_apply_all(client, state):
    _, view = client.get(f"/api/articles/{ART}")
    kas = first(view, "Kasachstan")
    st, dry = client.post(f"/api/articles/{ART}/apply_all", {"entity": ref(kas), "scope": "corpus", "dry_run": True})
    assert st == 200 and dry["decisions"] > 1 and log(state) == []
    st, view = client.post(f"/api/articles/{ART}/apply_all", {"entity": ref(kas), "scope": "corpus"})
    assert st == 200 and view["applied"]["decisions"] == dry["decisions"] == len(log(state))
    assert client.post(f"/api/articles/{ART}/apply_all", {"entity": ref(kas), "scope": "world"}) == (400, {"error": "scope is article or corpus"})
    for q, only in (("", False), ("?reviewed_only=1", True), ("?reviewed_only=1&reviewed_only=1", False), ("?reviewed_only=yes", False)):
        st, o = client.get("/api/overview" + q)
        assert st == 200 and o["reviewed_only"] is only and o == first_page(overview(list(state.records), reviewed_only=only)), q


def test_overview_is_computed_once_per_state_of_the_records(client, state, dirs, monkeypatch):
    """/api/overview counts over the whole corpus (about 0.2 s and 1.4 MB at 1,000 articles,
    linear in the corpus): a page opened again while nothing changed gets the counts made for
    the last one; a decision, or a new articles.jsonl, makes them anew."""
    from pipeline.review import overview as ov_module
    calls = []
    real = ov_module.top_names
    monkeypatch.setattr(ov_module, "top_names", lambda *a, **k: calls.append(1) or real(*a, **k))
    first_view = client.get("/api/overview")[1]
    assert client.get("/api/overview")[1] == first_view and len(calls) == 1
    assert client.get("/api/overview?reviewed_only=1")[1]["reviewed_only"] is True and len(calls) == 2
    client.get("/api/overview?reviewed_only=1")
    assert len(calls) == 2

    _, view = client.get(f"/api/articles/{ART}")
    kas = first(view, "Kasachstan")
    assert client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kas)})[0] == 200
    after = client.get("/api/overview?reviewed_only=1")[1]
    assert len(calls) == 3 and after == first_page(overview(list(state.records), reviewed_only=True))
    assert after["progress"]["total"]["accepted"] == 1

    data, _ = dirs
    time.sleep(0.05)
    recs = [r for r in sample_records(ROOT / "corpus") if r["id"] != ART]
    write_jsonl(data / "articles.jsonl", recs)  # the pipeline ran again: one article fewer
    n = len(calls)
    again = client.get("/api/overview")[1]
    assert len(calls) == n + 1 and len(again["articles"]) == len(recs) and ART not in again["articles"]


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A review state of 1,000 articles: the committed seeds' run output (real text, the
    pipeline's FIGUREs, dates and names) repeated under new ids, no review log."""
    recs = [r for _, r in read_jsonl_lines(ROOT / "outputs" / "articles.jsonl")]
    out = tmp_path_factory.mktemp("big")
    many = [dict(r, id=f"{r['id']}-{k:04d}", source=dict(r["source"], sha256=f"{k:04d}{r['source']['sha256'][4:]}"))
            for k in range(1000 // len(recs)) for r in recs]
    write_jsonl(out / "outputs" / "articles.jsonl", many)
    return TestClient(ReviewState(out / "outputs", out / "annotations", reviewer="t")), len(many)


def test_the_overview_page_stays_small_on_a_large_corpus(big):
    """/api/overview sent every figure row and every article's title and progress: 12 MB at
    10,000 articles, linear in the corpus. It sends the tables' first rows, their totals, and
    the titles of the articles it names; the page asks for more rows as the reader wants them."""
    client, n = big
    status, o = client.get("/api/overview")
    full, _ = client.state.corpus_overview()
    size = len(json.dumps(o, ensure_ascii=False).encode("utf-8"))
    assert status == 200 and len(full["figures"]) >= 3 * n and len(full["progress"]["articles"]) == n
    assert len(o["figures"]) == len(o["progress"]["articles"]) == FIRST_ROWS
    assert o["figures"] == full["figures"][:FIRST_ROWS] and o["progress"]["articles"] == full["progress"]["articles"][:FIRST_ROWS]
    assert o["totals"]["articles"] == n and o["totals"]["figures"] == len(full["figures"])
    assert o["totals"]["figure_articles"] == len({r["article"] for r in full["figures"]})
    assert o["names"] == full["names"] and o["timeline"] == full["timeline"] and o["progress"]["per_label"] == full["progress"]["per_label"]
    # every article the page can name has its title; no other is sent
    named = {r["article"] for r in o["figures"]} | {r["id"] for r in o["progress"]["articles"]} | \
        {a for info in o["names"].values() for row in info["top"] for a, _ in row["articles"]} | \
        {a for k in ("points", "durations", "sets") for g in o["timeline"][k] for a, _ in g["articles"]}
    assert set(o["articles"]) == named and len(named) < n / 2
    # 0.19 MB here (the names' and dates' article lists, at most 50 each), 0.98 MB with every row
    assert size < 250_000 and 4 * size < len(json.dumps(full, ensure_ascii=False).encode("utf-8")), size


def test_overview_rows_page_through_every_row(big):
    client, n = big
    full, _ = client.state.corpus_overview()
    for table, rows in (("figures", full["figures"]), ("articles", full["progress"]["articles"])):
        got, offset = [], 0
        while True:
            status, page = client.get(f"/api/overview/rows?table={table}&offset={offset}&limit={MAX_ROWS}")
            assert status == 200 and page["total"] == page["matched"] == len(rows) and len(page["rows"]) <= MAX_ROWS
            ids = {r["article"] if table == "figures" else r["id"] for r in page["rows"]}
            assert set(page["articles"]) == ids and all(page["articles"][a] == full["articles"][a] for a in ids)
            got += page["rows"]
            offset += MAX_ROWS
            if offset >= page["matched"]:
                break
        assert got == rows, table
    # sorted by value, largest first (blanks last), across pages: every row once
    pages = [client.get(f"/api/overview/rows?table=figures&sort=value&order=desc&offset={o}&limit=400")[1]["rows"] for o in range(0, len(full["figures"]), 400)]
    got = [r for p in pages for r in p]
    key = lambda r: (r["article"], r["start"])  # noqa: E731
    assert sorted(map(key, got)) == sorted(map(key, full["figures"]))
    nums = [r["value"] for r in got if isinstance(r["value"], (int, float))]
    assert nums == sorted(nums, reverse=True) and all(r["value"] in (None, "") for r in got[len(got) - sum(r["value"] in (None, "") for r in got):])
    # filtered as the page filters: the text of a row's cells, the article's title among them
    status, page = client.get("/api/overview/rows?table=figures&q=mensch&limit=500")
    want = [r for r in full["figures"] if "mensch" in " ".join(str(r[k] or "") for k in ("unit", "qualifier", "about", "event", "text")).lower()
            or "mensch" in full["articles"][r["article"]]["title"].lower()]
    assert status == 200 and 0 < page["matched"] == len(want) < len(full["figures"]) and page["rows"] == want[:500]
    status, page = client.get("/api/overview/rows?table=articles&sort=title&q=kasachstan")
    assert status == 200 and 0 < page["matched"] < n and page["total"] == n
    assert client.get("/api/overview/rows?table=names") == (400, {"error": "unknown table 'names'; one of figures, articles"})
    assert client.get("/api/overview/rows?table=figures&sort=colour")[0] == 400
    assert client.get("/api/overview/rows?table=figures&order=up")[0] == 400


@pytest.fixture()
def seeds_run(tmp_path):
    """The committed seeds' run output (the pipeline's FIGUREs on real text), no review log."""
    write_jsonl(tmp_path / "outputs" / "articles.jsonl", [r for _, r in read_jsonl_lines(ROOT / "outputs" / "articles.jsonl")])
    st = ReviewState(tmp_path / "outputs", tmp_path / "annotations", reviewer="t")
    yield TestClient(st)
    st.close()


def test_overview_rows_show_more_while_another_tab_decides(seeds_run):
    """*show more* pages the overview's tables on the server. Paged by offset, a decision made in
    another tab between two pages moved every later row: a figure rejected on the first page made
    the next page skip a row, one accepted while sorted by status (it moves to the top) showed a
    row twice. Each page now names where it ends (`next`: the last row's sort value and key) and
    the next one starts after that row, wherever it now is."""
    client = seeds_run
    key = lambda r: (r["article"], r["start"])  # noqa: E731
    _, page1 = client.get("/api/overview/rows?table=figures&limit=5")
    full = [key(r) for r in client.state.corpus_overview()[0]["figures"]]
    assert [key(r) for r in page1["rows"]] == full[:5] and len(full) > 10
    hit = page1["rows"][2]
    view = client.get(f"/api/articles/{hit['article']}")[1]
    fig = next(e for e in view["record"]["entities"] if e["label"] == "FIGURE" and e["start"] == hit["start"])
    assert client.post(f"/api/articles/{hit['article']}/decide", {"action": "reject", "entity": ref(fig)})[0] == 200
    _, page2 = client.get(f"/api/overview/rows?table=figures&limit=5&after={quote(json.dumps(page1['next']))}")
    assert [key(r) for r in page2["rows"]] == full[5:10]  # (by offset: full[6:11], the 6th row never shown)
    # sorted by status: a row not shown yet, accepted in another tab, moves to the top
    _, page1 = client.get("/api/overview/rows?table=figures&sort=status&limit=5")
    _, rest = client.get("/api/overview/rows?table=figures&sort=status&offset=5&limit=500")
    assert {r["status"] for r in page1["rows"] + rest["rows"]} == {"pending"}
    hit = rest["rows"][2]
    view = client.get(f"/api/articles/{hit['article']}")[1]
    fig = next(e for e in view["record"]["entities"] if e["label"] == "FIGURE" and e["start"] == hit["start"])
    assert client.post(f"/api/articles/{hit['article']}/decide", {"action": "accept", "entity": ref(fig)})[0] == 200
    _, page2 = client.get(f"/api/overview/rows?table=figures&sort=status&limit=5&after={quote(json.dumps(page1['next']))}")
    want = [key(r) for r in rest["rows"] if key(r) != key(hit)][:5]
    assert [key(r) for r in page2["rows"]] == want  # (by offset: the first page's last row again)
    assert client.get("/api/overview/rows?table=figures&after=%5B1")[0] == 400


# ---------------------------------------------------------------------- the table itself


def _route_of(method, path):
    found = routes.find_route(method, split_path(urlsplit(path).path))
    return found and found[0]


REQUESTS = [  # one request per route, with the answer it gets on the seeds
    ("GET", "/api/state", 200),
    ("GET", "/api/articles?limit=1", 200),
    ("GET", "/api/facets", 200),
    ("GET", "/api/team", 200),
    ("GET", "/api/overview", 200),
    ("GET", "/api/overview/rows?table=figures", 200),
    ("GET", f"/api/articles/{ART}", 200),
    ("GET", "/api/flags", 200),
    ("POST", f"/api/articles/{ART}/undo", 409),
    ("POST", "/api/orphans/dismiss", 409),
    ("POST", "/api/orphans/undo", 409),
    ("POST", "/api/reviewer", 200),
]


def test_every_route_is_reached_and_none_overlaps(client):
    reached = []
    for method, path, status in REQUESTS:
        body = {"reviewer": "x"} if method == "POST" else None
        st, _ = client.request(method, path, body) if method == "GET" else client.post(path, body)
        assert st == status, path
        reached.append(_route_of(method, path))
    assert reached == ROUTES  # each route once, in the table's order
    # no two routes answer the same method and path: patterns of one method and length differ in a literal
    for i, a in enumerate(ROUTES):
        for b in ROUTES[i + 1:]:
            sa, sb = a.pattern.split("/"), b.pattern.split("/")
            assert a.method != b.method or len(sa) != len(sb) or any(
                x != y and not x.startswith("{") and not y.startswith("{") for x, y in zip(sa, sb)), (a, b)


def test_in_process_answers_are_the_servers(dirs):
    """The same requests over HTTP (Handler → dispatch) and in-process answer the same."""
    srv = start(*dirs)
    try:
        http, inproc = Client(srv), TestClient(srv.state)
        _, view, _ = http.get(f"/api/articles/{ART}")
        kas = ref(first(view, "Kasachstan"))
        gets = [p for m, p, _ in REQUESTS if m == "GET"] + ["/api/nope", "/api/articles/nope", "/api/articles?sort=x", "/api/overview?reviewed_only=1"]
        for path in gets:
            assert http.get(path)[:2] == inproc.get(path), path
        posts = [(f"/api/articles/{ART}/explode", {}), ("/api/nope", {}), ("/api/reviewer", {}), (f"/api/articles/{ART}/decide", {"action": "x"}),
                 ("/api/state", {})]
        for path, body in posts:
            assert http.post(path, body)[:2] == inproc.post(path, body), path
        st, a, _ = http.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": kas})
        assert st == 200 and inproc.post(f"/api/articles/{ART}/undo", {})[0] == 200
        assert [d["decision"] for d in dec.load_decisions(srv.state.store.path)] == ["accept", "undo"]
        assert http.get(f"/api/articles/{ART}")[:2] == inproc.get(f"/api/articles/{ART}")
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_log_that_cannot_be_written_is_503_named_and_the_app_goes_on(client, state, dirs):
    """The annotations folder replaced by a file (a sync tool, a mistaken `mv`): a decision answers
    503 with a message naming the log (`errors.ReviewLogNotWritable`; was a raw 500
    "NotADirectoryError" and every GET after it 500 too), nothing changes in memory, GETs keep
    answering (the header says the log cannot be read); with the folder back, the next decision
    is logged after the ones made before."""
    _, ann = dirs
    _, view = client.get(f"/api/articles/{ART}")
    kas = first(view, "Kasachstan")
    assert client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kas)})[0] == 200
    saved = ann.rename(ann.with_name("annotations.moved"))
    ann.write_text("not a folder\n", encoding="utf-8")
    almaty = first(view, "Almaty")
    st, body = client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(almaty)})
    assert st == 503, body
    assert body == {"error": f"{ann / 'decisions.jsonl'}: the review log cannot be written (Not a directory); "
                             "nothing was written to it: this decision was not saved"}
    assert client.post(f"/api/articles/{ART}/undo", {})[0] == 503
    st, s = client.get("/api/state")
    assert st == 200 and s["decisions"] == 1 and str(ann / "decisions.jsonl") in s["load_error"]
    st, view = client.get(f"/api/articles/{ART}")
    assert st == 200 and first(view, "Kasachstan")["status"] == "accepted" and first(view, "Almaty")["status"] == "pending"
    assert client.get("/api/articles")[0] == 200

    ann.unlink()
    saved.rename(ann)
    assert client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(almaty)})[0] == 200
    assert [d["decision"] for d in log(state)] == ["accept", "reject"]
    assert client.get("/api/state")[1]["load_error"] is None


def test_a_full_disk_is_503_and_loses_no_logged_decision(client, state, monkeypatch):
    """ENOSPC while appending (a full disk): 503 naming the log; the decision made before stays
    in the log and the view, the refused one is in neither."""
    import errno
    import os

    _, view = client.get(f"/api/articles/{ART}")
    kas, almaty = first(view, "Kasachstan"), first(view, "Almaty")
    assert client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kas)})[0] == 200

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(dec.os, "write", full)
    st, body = client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(almaty)})
    monkeypatch.undo()
    assert st == 503 and body["error"].startswith(f"{state.store.path}: the review log cannot be written (No space left on device)")
    assert [d["decision"] for d in log(state)] == ["accept"]
    _, view = client.get(f"/api/articles/{ART}")
    assert first(view, "Kasachstan")["status"] == "accepted" and first(view, "Almaty")["status"] == "pending"


def test_list_order_and_impossible_dates_are_400(client):
    """`order` other than asc/desc was read as ascending without a word; a date of the right shape
    that is no date (month 13, day 45) was compared as text."""
    assert client.get("/api/articles?order=weird") == (400, {"error": "unknown order 'weird'; asc or desc"})
    assert client.get("/api/articles?from=2022-13-45") == (400, {"error": "date from '2022-13-45': no such date"})
    assert client.get("/api/articles?to=2022-02-30") == (400, {"error": "date to '2022-02-30': no such date"})
    assert client.get("/api/articles?to=2022-13") == (400, {"error": "date to '2022-13': no such date"})
    assert client.get("/api/articles?label=PERSON")[0] == 400  # an empty list said nothing
    ok = [client.get(f"/api/articles?{q}") for q in ("order=asc", "order=desc", "from=2024-02-29", "from=2022-01&to=2022", "order=", "label=PER")]
    assert [st for st, _ in ok] == [200] * 6 and ok[5][1]["total"] > 0
    assert [a["id"] for a in ok[1][1]["items"]] == [a["id"] for a in ok[0][1]["items"]][::-1]


def test_an_id_on_two_lines_is_named_not_hidden(dirs, tmp_path):
    """articles.jsonl holding one id twice (two runs joined by hand): the list showed both rows
    and both opened the second record. The app refuses to load it (`errors.DuplicateArticleIds`,
    naming the file, the id and its lines); rewritten so while the app runs, the header says so
    and the app goes on with what it read before."""
    from pipeline.errors import DuplicateArticleIds

    data, ann = dirs
    path = data / "articles.jsonl"
    good = path.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    aid = json.loads(lines[1])["id"]
    joined = "".join(lines + ["\n", lines[1]])
    path.write_text(joined, encoding="utf-8")
    with pytest.raises(DuplicateArticleIds) as e:
        ReviewState(data, ann)
    assert str(e.value).startswith(f"{path}: 1 article id on more than one line ('{aid}' on lines 2, {len(lines) + 2})")

    path.write_text(good, encoding="utf-8")
    st = ReviewState(data, ann)
    c = TestClient(st)
    path.write_text(joined, encoding="utf-8")
    code, s = c.get("/api/state")
    assert code == 200 and f"'{aid}' on lines 2, {len(lines) + 2}" in s["load_error"]
    assert c.get("/api/articles")[1]["total"] == len(lines)


def test_undo_never_takes_back_a_decision_made_meanwhile_in_another_tab(dirs):
    """Two reviewers on one log (two servers): anna accepts “Kasachstan”, bea then rejects
    “Russland”; anna's U (her page shows her acceptance as the last decision) must not withdraw
    bea's rejection unseen (before: 200, bea's decision undone, anna's acceptance kept)."""
    anna, bea = TestClient(ReviewState(*dirs, reviewer="anna")), TestClient(ReviewState(*dirs, reviewer="bea"))
    view = anna.get(f"/api/articles/{ART}")[1]
    kas, russ = first(view, "Kasachstan"), first(view, "Russland")
    st, view = anna.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kas)})
    assert st == 200 and view["undo_id"] == log(anna.state)[-1]["id"]
    mine = view["undo_id"]
    assert bea.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(russ)})[0] == 200
    st, err = anna.post(f"/api/articles/{ART}/undo", {"expect": mine})
    assert st == 409 and "bea's reject of “Russland”" in err["error"]
    assert [d["decision"] for d in log(anna.state)] == ["accept", "reject"]  # nothing undone
    view = anna.get(f"/api/articles/{ART}")[1]  # the page, shown as it is now, undoes what it shows
    assert first(view, "Russland")["status"] == "rejected" and view["undo_id"] != mine
    st, view = anna.post(f"/api/articles/{ART}/undo", {"expect": view["undo_id"]})
    assert st == 200 and first(view, "Russland")["status"] == "pending" and first(view, "Kasachstan")["status"] == "accepted"
    assert view["undo_id"] == mine


def test_a_figure_value_that_is_no_finite_number_is_400_and_not_logged(client, state):
    """'nan', 'inf' or '1e400' typed as a FIGURE's value (and NaN / Infinity in a JSON body) were
    taken: the log got a line with NaN (no JSON), and every answer of the article carried it, which
    the page's JSON.parse cannot read: the article could no longer be opened in the app."""
    view = client.get(f"/api/articles/{ART}")[1]
    fig = next(e for e in view["record"]["entities"] if e["label"] == "FIGURE" and e["text"] == "sechs")
    for value in ("nan", "inf", "-Infinity", "1e400"):
        st, err = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(fig), "new": {"value": value}})
        assert st == 400 and "finite number" in err["error"], value
    raw = json.dumps({"action": "correct", "entity": ref(fig), "new": {"value": float("nan")}}).encode()
    assert b"NaN" in raw
    st, err = client.post(f"/api/articles/{ART}/decide", raw=raw)
    assert st == 400 and "finite number" in err["error"]
    assert log(state) == []
    st, view = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(fig), "new": {"value": "6.000"}})
    assert st == 200 and first(view, "sechs", "FIGURE")["value"] == 6000  # a German number still reads


def test_apply_to_all_mentions_keeps_a_mention_the_reviewer_rejected(client, state):
    """The reviewer rejects one “Kasachstan” LOC, accepts another and applies it to all mentions
    (M): the rejected one stays rejected (before: an `add` at its span made it accepted, the
    rejection lost without a word), every other mention is accepted once, and no span is doubled."""
    view = client.get(f"/api/articles/{ART}")[1]
    kas = [e for e in view["record"]["entities"] if e["text"] == "Kasachstan" and e["label"] == "LOC"]
    assert len(kas) >= 3
    no, yes = kas[1], kas[0]
    assert client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(no)})[0] == 200
    assert client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(yes)})[0] == 200
    st, dry = client.post(f"/api/articles/{ART}/apply_all", {"entity": ref(yes), "dry_run": True})
    st, view = client.post(f"/api/articles/{ART}/apply_all", {"entity": ref(yes)})
    assert st == 200 and view["applied"]["decisions"] == dry["decisions"] == len(kas) - 2
    at = {}
    for e in view["record"]["entities"]:
        at.setdefault((e["start"], e["end"], e["label"]), []).append(e["status"])
    assert at[(no["start"], no["end"], "LOC")] == ["rejected"]
    assert all(at[(e["start"], e["end"], "LOC")] == ["accepted"] for e in kas if e is not no)


def test_apply_to_all_mentions_carries_a_corrected_canonical_name(client, state):
    """The reviewer corrects the canonical name of one “Kasachstan” LOC and applies it to all
    mentions (M, "one reviewer decision carried to every other place"): the other pending
    mentions get that name too (before: they were only accepted, with the pipeline's name, so the
    reviewed corpus held two names for one place); one undo takes them all back."""
    view = client.get(f"/api/articles/{ART}")[1]
    kas = [e for e in view["record"]["entities"] if e["text"] == "Kasachstan" and e["label"] == "LOC"]
    assert len(kas) >= 3 and all(e["canonical"] == "Kasachstan" for e in kas)
    one = kas[0]
    st, view = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(one), "new": {"canonical": "Republik Kasachstan"}})
    assert st == 200
    st, view = client.post(f"/api/articles/{ART}/apply_all", {"entity": ref(one)})
    assert st == 200 and view["applied"]["decisions"] == len(kas) - 1
    now = [e for e in view["record"]["entities"] if e["text"] == "Kasachstan" and e["label"] == "LOC"]
    assert len(now) == len(kas) and {e["canonical"] for e in now} == {"Republik Kasachstan"}
    assert {e["status"] for e in now} == {"corrected"}
    st, view = client.post(f"/api/articles/{ART}/undo", {})
    after = [e for e in view["record"]["entities"] if e["text"] == "Kasachstan" and e["label"] == "LOC"]
    assert st == 200 and [e["canonical"] for e in after] == ["Republik Kasachstan"] + ["Kasachstan"] * (len(kas) - 1)


def test_a_value_field_that_is_no_text_is_refused_and_a_log_line_holding_one_is_kept_aside(client, state, dirs):
    """A FIGURE's unit / about / qualifier / event and a name's canonical are text: a list or a
    number sent by a client went into the log, and every later load of it (the app's start,
    `presseschau review --conflicts`) ended in `TypeError: unhashable type: 'list'`."""
    data, ann = dirs
    _, view = client.get(f"/api/articles/{ART}")
    sechs, tok = first(view, "sechs", "FIGURE"), first(view, "Tokajew", "PER")
    for ent, new in ((sechs, {"unit": ["Staaten"]}), (sechs, {"about": {"x": 1}}), (tok, {"canonical": 5})):
        st, body = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(ent), "new": new})
        key = next(iter(new))
        assert st == 400 and f"{key} must be text" in body["error"], body
    assert log(state) == []
    st, _ = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(sechs), "new": {"unit": "Staaten"}})
    assert st == 200 and first(client.get(f"/api/articles/{ART}")[1], "sechs")["unit"] == "Staaten"
    # a line with a list as unit (another tool, a hand edit) is named and kept aside; the app still opens
    [good] = (ann / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    bad = json.loads(good)
    bad["id"], bad["new"]["unit"] = "d-bad", ["Staaten"]
    (ann / "decisions.jsonl").write_text(good + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    again = ReviewState(data, ann, reviewer="tester")
    assert [d["id"] for d in again.decisions] == [json.loads(good)["id"]] and again.conflicts == {}
    assert "unit must be text" in (ann / "decisions.jsonl.rejected").read_text(encoding="utf-8")


def test_a_date_value_on_no_calendar_is_refused_and_a_real_one_shows_on_the_timeline(client, state):
    """The DATE grammar checks where the digits stand, not whether the day is on a calendar: a
    typed "2022-02-30" or "2022-13" was saved as a correction, and the overview's timeline, which
    reads it as no date, left the reviewed entity out, counted with the mentions whose value the
    pipeline could not compute (`unresolved`)."""
    aid = "003_402700ddbbeb6917"
    _, view = client.get(f"/api/articles/{aid}")
    date = first(view, "06.01.2022", "DATE")
    for typo, part in (("2022-02-30", "2022-02 has no day 30"), ("2022-13", "there is no month 13"),
                       ("2022-W60", "2022 has no week 60"), ("2022-01-06/2022-01-32", "2022-01 has no day 32"),
                       ("XXXX-00-05", "there is no month 00")):
        st, body = client.post(f"/api/articles/{aid}/decide", {"action": "correct", "entity": ref(date), "new": {"value": typo}})
        assert (st, body) == (400, {"error": f"DATE value {typo!r} is no date: {part}"})
    assert log(state) == []
    for good in ("2024-02-29", "XXXX-02-29", "2022-W03-4", "2022-01-05"):
        st, view = client.post(f"/api/articles/{aid}/decide", {"action": "correct", "entity": ref(date), "new": {"value": good}})
        assert st == 200 and first(view, "06.01.2022", "DATE")["value"] == good
        date = first(view, "06.01.2022", "DATE")
    timeline = overview(state.records)["timeline"]
    [day] = [p for p in timeline["points"] if p["value"] == "2022-01-05"]
    assert [aid, 1] in day["articles"] and timeline["unresolved"] == 0


def test_a_figure_value_below_one_typed_with_a_point_is_not_read_as_thousands(client, state):
    """The app shows a FIGURE's value as JSON gives it (0.375); a reviewer typing "0.375" got 375
    (the German thousands point was read in "0.375", which no German writes for 375)."""
    _, view = client.get(f"/api/articles/{ART}")
    sechs = first(view, "sechs", "FIGURE")
    for typed, value in (("0.375", 0.375), ("-0.125", -0.125), ("1.250", 1250), ("0,375", 0.375), ("1.250,5", 1250.5)):
        st, view = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(sechs), "new": {"value": typed}})
        sechs = first(view, "sechs", "FIGURE")
        assert st == 200 and sechs["value"] == value, (typed, sechs["value"])


def test_accept_all_with_labels_that_are_no_list_is_a_400_and_accepts_nothing(client, state):
    """`labels` / `sources` of accept_all are lists (the page sends them so): a number was a
    TypeError (500 from the server) and a string filtered by substring ("PER" in "PERSON")."""
    for body in ({"labels": 5}, {"sources": 5}, {"labels": "PERSON"}, {"labels": [["PER"]]}):
        st, r = client.post(f"/api/articles/{ART}/accept_all", body)
        assert st == 400 and "is a list of names or null" in r["error"], (body, r)
    assert log(state) == []
    st, view = client.post(f"/api/articles/{ART}/accept_all", {"labels": ["PER"]})
    assert st == 200 and {e["label"] for e in view["record"]["entities"] if e["status"] == "accepted"} == {"PER"}


def test_log_lines_whose_reviewer_or_batch_is_no_string_are_kept_aside_and_the_app_opens(client, state, dirs):
    """A log line written by hand or by another tool with `"reviewer": ["anna"]`, `"batch": ["b"]`
    or an entity value that is a list (used as keys when the log is indexed and conflicts are
    counted) made every load of the log a `TypeError: unhashable type: 'list'`: the app did not
    start, nor `review --agreement`."""
    from pipeline.review import teams

    data, ann = dirs
    _, view = client.get(f"/api/articles/{ART}")
    client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(first(view, "Tokajew", "PER"))})
    [good] = (ann / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    bad = []
    for i, (key, value) in enumerate((("reviewer", ["anna"]), ("batch", ["b"]), ("time", 5), ("resolves", 5),
                                      ("value", ["2022"]), ("value", {"a": 1}), ("type", ["date"]))):
        d = json.loads(good)
        if key in ("value", "type"):  # the entity's fields the decision says
            d["id"], d["old"][key] = f"d-bad{i}", value
        else:
            d["id"], d[key] = f"d-bad{i}", value
        bad.append(json.dumps(d))
    (ann / "decisions.jsonl").write_text("\n".join([good] + bad) + "\n", encoding="utf-8")
    again = ReviewState(data, ann, reviewer="tester")
    assert [d["id"] for d in again.decisions] == [json.loads(good)["id"]]
    assert first(TestClient(again).get(f"/api/articles/{ART}")[1], "Tokajew", "PER")["status"] == "accepted"
    assert teams.agreement(dec.load_decisions(ann / "decisions.jsonl")) == []
    side = (ann / "decisions.jsonl.rejected").read_text(encoding="utf-8")
    assert all(f"'{k}' must be" in side for k in ("reviewer", "batch", "time", "resolves"))
    assert "'old' value must be a number or text" in side and "'old' type must be text" in side


def test_a_span_overlapping_one_a_reviewer_kept_is_refused(client, state):
    """anna accepted "Kassym-Jomart Tokajew"; bob then added "Tokajew" inside it and someone the
    wider "Präsident Kassym-Jomart Tokajew": all three were kept, overlapping (a flat NER view,
    `doc.ents`, cannot hold them; which one is right was never asked). The second span is refused
    (409, naming the entity kept and its reviewer: the page shows the article as it is now), nothing is logged; once anna's entity is
    corrected to the wider bounds, or rejected, the span can be decided."""
    _, view = client.get(f"/api/articles/{ART}")
    text = view["record"]["text"]
    tok = first(view, "Kassym-Jomart Tokajew")
    assert client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(tok), "reviewer": "anna"})[0] == 200
    inner = text.index("Tokajew", tok["start"])
    wide = text.index("Präsident Kassym-Jomart")
    for s, e in ((inner, tok["end"]), (wide, tok["end"]), (wide, tok["start"] + 6)):
        st, answer = client.post(f"/api/articles/{ART}/decide", {"action": "add", "reviewer": "bob", "new": {"start": s, "end": e, "label": "PER"}, "subword": True})
        assert st == 409 and "overlaps “Kassym-Jomart Tokajew” PER" in answer["error"] and "by anna" in answer["error"], answer
    # a pending entity corrected onto the kept one's words: refused alike
    kreml = first(view, "Kreml")
    st, answer = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(kreml), "new": {"start": inner, "end": tok["end"]}})
    assert st == 409 and "overlaps" in answer["error"]
    assert [d["decision"] for d in log(state)] == ["accept"]
    # the same span with another label is no overlap (two labels on one span: a conflict between reviewers)
    assert client.post(f"/api/articles/{ART}/decide", {"action": "add", "reviewer": "bob", "new": {"start": tok["start"], "end": tok["end"], "label": "MISC"}})[0] == 200
    # but now anna cannot widen hers over bob's MISC until that is gone
    st, answer = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "reviewer": "anna", "entity": ref(tok), "new": {"start": wide, "end": tok["end"]}})
    assert st == 409 and "overlaps “Kassym-Jomart Tokajew” MISC" in answer["error"] and "by bob" in answer["error"]
    assert client.post(f"/api/articles/{ART}/undo", {})[0] == 200
    # anna's entity widened (a correction of its own bounds), then another span inside it: refused
    st, view = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "reviewer": "anna", "entity": ref(tok), "new": {"start": wide, "end": tok["end"]}})
    assert st == 200 and [(e["text"], e["status"]) for e in view["record"]["entities"] if e["label"] == "PER" and e["start"] == wide] == \
        [("Präsident Kassym-Jomart Tokajew", "corrected")]
    assert client.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": inner, "end": tok["end"], "label": "PER"}})[0] == 409
    # rejected, it is in nobody's way
    wid = next(e for e in view["record"]["entities"] if e["start"] == wide)
    assert client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(wid)})[0] == 200
    st, view = client.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": inner, "end": tok["end"], "label": "PER"}})
    assert st == 200 and ("Tokajew", "accepted") in [(e["text"], e["status"]) for e in view["record"]["entities"]]


def test_a_withdrawn_orphan_is_listed_again_by_undo(tmp_path):
    """A decision whose article left the output (a re-run without that file), withdrawn from the
    list (`POST /api/orphans/dismiss`), could not be taken back: U and Dismiss work in an article,
    and it has none. It is listed under `withdrawn`, and `POST /api/orphans/undo` appends an undo of
    its dismiss line: the orphan is listed again, here and in a server started afresh on the log,
    and `presseschau run`'s overlay flags it again."""
    recs = sample_records(ROOT / "corpus")
    other = next(x for x in recs if x["id"] != ART)
    gone = dec.make_decision(other, "accept", other["entities"][0], reviewer="anna")
    data, ann = tmp_path / "outputs", tmp_path / "annotations"
    write_jsonl(data / "articles.jsonl", [x for x in recs if x["id"] != other["id"]])
    dec.DecisionStore(ann).append([gone])
    client = TestClient(ReviewState(data, ann, reviewer="tester"))
    assert [o["decision_id"] for o in client.get("/api/state")[1]["orphans"]] == [gone["id"]]
    assert client.post("/api/orphans/undo", {"decision_id": gone["id"]})[0] == 409  # not withdrawn: nothing to take back

    status, st = client.post("/api/orphans/dismiss", {"decision_id": gone["id"]})
    assert status == 200 and st["orphans"] == [] and [o["decision_id"] for o in st["withdrawn"]] == [gone["id"]]
    status, st = client.post("/api/orphans/undo", {"decision_id": gone["id"], "reviewer": "bob"})
    assert status == 200 and [(o["decision_id"], o["reason"]) for o in st["orphans"]] == [(gone["id"], "article_missing")]
    assert st["withdrawn"] == [] and st["flags"] == 1
    written = dec.load_decisions(ann)
    assert [(d["decision"], d.get("undoes"), d["reviewer"]) for d in written] == \
        [("accept", None, "anna"), ("dismiss", [gone["id"]], "tester"), ("undo", [written[1]["id"]], "bob")]
    assert client.post("/api/orphans/undo", {"decision_id": gone["id"]})[0] == 409  # taken back already
    again = ReviewState(data, ann)
    assert [o["decision_id"] for o in again.overview()["orphans"]] == [gone["id"]] and again.overview()["withdrawn"] == []
    _, flagged = apply_decisions([x for x in recs if x["id"] != other["id"]], written)
    assert [f["decision"]["id"] for f in flagged] == [gone["id"]]
    # withdrawn again, then restarted: withdrawn
    client.post("/api/orphans/dismiss", {"decision_id": gone["id"]})
    assert [o["decision_id"] for o in ReviewState(data, ann).overview()["withdrawn"]] == [gone["id"]]


@pytest.mark.parametrize("relabels", [["LOC"], ["ORG"], ["ORG", "MISC", "LOC"]])
def test_a_relabel_after_reject_and_add_on_one_span_is_what_the_reviewer_did(client, state, dirs, relabels):
    """Reject "ODKB" ORG, add the same span as MISC, then relabel that one (to a third label, back to
    the rejected ORG, or to and fro): the reviewed view shows the last label kept and the others
    rejected, the same read afresh from the log (as `presseschau run` applies it), and each undo
    takes back one step."""
    _, view = client.get(f"/api/articles/{ART}")
    odkb = first(view, "ODKB")
    s = odkb["start"]

    def at(v):
        return sorted((e["label"], e["status"]) for e in v["record"]["entities"] if (e["start"], e["end"]) == (s, odkb["end"]))

    client.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(odkb)})
    _, view = client.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": s, "end": odkb["end"], "label": "MISC"}})
    steps = [at(view)]
    assert steps[0] == [("MISC", "accepted"), ("ORG", "rejected")]
    for to in relabels:
        kept = next(e for e in view["record"]["entities"] if e["start"] == s and e["status"] != "rejected")
        st, view = client.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(kept), "new": {"label": to}})
        assert st == 200
        steps.append(at(view))
        assert [x for x in steps[-1] if x[1] != "rejected"] == [(to, "corrected")] and len(steps[-1]) == 2, steps
    data, _ = dirs
    again = next(r for r in apply_decisions(sample_records(ROOT / "corpus"), log(state))[0] if r["id"] == ART)
    assert at({"record": again}) == steps[-1]
    for want in reversed(steps[:-1]):
        _, view = client.post(f"/api/articles/{ART}/undo", {})
        assert at(view) == want


def test_a_guess_overlapping_an_entity_kept_is_not_accepted_beside_it(client, state):
    """bob added "Präsident Kassym-Jomart Tokajew" over the model's pending "Kassym-Jomart Tokajew"
    (a pending guess beside a kept entity is fine: the reviewer judges it). Accepting that guess,
    relabelling it, or *accept all* kept both, overlapping. The single accept or relabel is refused
    (409, naming bob's entity); *accept all* accepts the rest and leaves it pending, saying so; *apply
    to all mentions* leaves such a mention as it is."""
    _, view = client.get(f"/api/articles/{ART}")
    text = view["record"]["text"]
    tok = first(view, "Kassym-Jomart Tokajew")
    wide = text.index("Präsident Kassym-Jomart")
    assert client.post(f"/api/articles/{ART}/decide", {"action": "add", "reviewer": "bob", "new": {"start": wide, "end": tok["end"], "label": "PER"}})[0] == 200
    for body in ({"action": "accept"}, {"action": "correct", "new": {"label": "MISC"}}):
        st, answer = client.post(f"/api/articles/{ART}/decide", dict(body, entity=ref(tok)))
        assert st == 409 and "overlaps “Präsident Kassym-Jomart Tokajew” PER" in answer["error"] and "by bob" in answer["error"], answer
    pending = [e for e in view["record"]["entities"] if e["status"] == "pending"]
    st, view = client.post(f"/api/articles/{ART}/accept_all", {"expect": len(pending)})
    assert st == 200 and view["skipped"] == [{k: tok[k] for k in ("start", "end", "text", "label")}]
    kept = [(e["text"], e["status"]) for e in view["record"]["entities"] if e["start"] < tok["end"] and wide < e["end"]]
    assert sorted(kept) == [("Kassym-Jomart Tokajew", "pending"), ("Präsident Kassym-Jomart Tokajew", "accepted")]
    assert view["progress"]["pending"] == 1
    # "apply to all mentions" of an accepted "Kassym-Jomart Tokajew" elsewhere leaves this one alone
    from pipeline.review import mentions
    rec = state.records[state.index[ART]]
    assert [p for p in mentions.plan(dict(tok, status="accepted"), [rec], own=("elsewhere", 0, 0)) if p[2] is not None and p[2]["start"] == tok["start"]] == []


def test_an_entity_reference_of_a_wrong_type_or_outside_the_text_is_a_400_naming_the_field(client, state):
    """`entity.start` sent as the string "1", a float 1.5, true, -1, or a span that ends before it
    starts or beyond the text was read with int() ("1" -> 1, 1.5 -> 1, true -> 1) and answered 409
    "that entity is not (or no longer) in the article; reload": the client's bug read as another
    reviewer's change. The route's schema (`routes.ACTION_BODY`) checks the body's types, one place
    for every action; the span against the text is checked where the entity is looked up. Nothing logged."""
    url = f"/api/articles/{ART}/decide"
    view = client.get(f"/api/articles/{ART}")[1]
    kreml = ref(first(view, "Kreml"))
    n = len(view["record"]["text"])
    for field, value, said in (("start", str(kreml["start"]), f"entity.start: offsets are whole numbers, not '{kreml['start']}'"),
                               ("start", kreml["start"] + 0.5, f"entity.start: offsets are whole numbers, not {kreml['start'] + 0.5}"),
                               ("end", True, "entity.end: offsets are whole numbers, not True"),
                               ("start", -1, "entity.start: -1 is less than the minimum of 0"),
                               ("label", 5, "entity.label: 5 is not of type 'string'"),
                               ("start", kreml["end"] + 3, f"entity.end: {kreml['end']} is not after entity.start {kreml['end'] + 3}"),
                               ("end", n + 10, f"entity.end: {n + 10} is beyond the article's text ({n} characters)")):
        for action in ("accept", "reject", "correct"):
            body = {"action": action, "entity": dict(kreml, **{field: value}), "new": {"label": "LOC"}}
            assert client.post(url, body) == (400, {"error": said}), (action, field, value)
        assert client.post(f"/api/articles/{ART}/apply_all", {"entity": dict(kreml, **{field: value}), "dry_run": True}) == (400, {"error": said})
    assert client.post(url, {"action": "add", "new": {"start": "3", "end": 9, "label": "PER"}}) == \
        (400, {"error": "new.start: offsets are whole numbers, not '3'"})
    assert client.post(url, {"action": "accept", "entity": [kreml]}) == (400, {"error": "entity: [" + json.dumps(kreml).replace('"', "'") + "] is not of type 'object'"})
    assert log(state) == []
    # a whole number sent as 1.0 is still that number (as `review.log.offset` reads it)
    code, view = client.post(url, {"action": "accept", "entity": dict(kreml, start=float(kreml["start"]))})
    assert code == 200 and first(view, "Kreml")["status"] == "accepted" and len(log(state)) == 1


def test_a_guard_of_the_wrong_type_is_a_400_not_passed_over(client, state):
    """accept_all's `expect` (the number of pending entities the reviewer confirmed) and undo's
    `expect` (the id of the page's last decision) guard against a change made meanwhile; given as
    another type ("3", 5) they were passed over: accept_all accepted whatever was pending, undo took
    back whatever decision was last. Each article action's body has its schema (`routes.ACTION_BODIES`)."""
    _, view = client.get(f"/api/articles/{ART}")
    n = sum(e["status"] == "pending" for e in view["record"]["entities"])
    assert client.post(f"/api/articles/{ART}/accept_all", {"expect": str(n)}) == (400, {"error": f"expect: '{n}' is not of type 'integer'"})
    assert log(state) == []
    code, view = client.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(first(view, "Kreml"))})
    assert code == 200 and len(log(state)) == 1
    assert client.post(f"/api/articles/{ART}/undo", {"expect": 5}) == (400, {"error": "expect: 5 is not of type 'string'"})
    assert client.post(f"/api/articles/{ART}/dismiss", {"decision_id": [1]}) == (400, {"error": "decision_id: [1] is not of type 'string'"})
    assert client.post("/api/orphans/dismiss", {"decision_id": 7}) == (400, {"error": "decision_id: 7 is not of type 'string'"})
    assert len(log(state)) == 1 and first(client.get(f"/api/articles/{ART}")[1], "Kreml")["status"] == "accepted"
    # the page's own bodies still pass
    code, view = client.post(f"/api/articles/{ART}/undo", {"expect": view["undo_id"]})
    assert code == 200 and first(view, "Kreml")["status"] == "pending"
    code, view = client.post(f"/api/articles/{ART}/accept_all", {"labels": None, "sources": None, "expect": n})
    assert code == 200 and all(e["status"] != "pending" or (e["start"], e["end"], e["text"], e["label"]) in
                               {(s["start"], s["end"], s["text"], s["label"]) for s in view["skipped"]} for e in view["record"]["entities"])
