"""The review server at scale and in teams, over HTTP: the paged article list, "apply to all
mentions" undone as one, stale views and conflicting reviewers, agreement, and the defects of
issue 16 (busy port, deeply nested JSON, a server bound to every address)."""
from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.review import log as dec
from pipeline.review import teams
from pipeline.review.apply import apply_decisions
from pipeline.review.sample import sample_records
from pipeline.review.server import make_server
from test_review_server import Client, dirs, first, ref, server, start, write_jsonl  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]
ART = "001_660f1e0e655a289c"


@pytest.fixture()
def recs():
    return sample_records(ROOT / "corpus")


def words(text: str, w: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text)]


def seen(e):
    return {"status": e["status"], "reviewed_by": e.get("reviewed_by")}


# ---------------------------------------------------------------------- the list


def test_article_list_pages_searches_sorts_and_filters(tmp_path):
    """On the committed pipeline output of the seeds (real titles, outlets, dates, entities)."""
    from pipeline.review.apply import strip_review

    recs = [strip_review(json.loads(x)) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    write_jsonl(tmp_path / "out" / "articles.jsonl", recs)
    srv = start(tmp_path / "out", tmp_path / "ann")
    try:
        c = Client(srv)
        st, p, _ = c.get("/api/articles?limit=2")
        assert st == 200 and p["total"] == 5 and [a["id"] for a in p["items"]] == [r["id"] for r in recs[:2]]
        _, p, _ = c.get("/api/articles?limit=2&offset=4")
        assert [a["id"] for a in p["items"]] == [recs[4]["id"]]
        # search: title and text, case-insensitive
        _, p, _ = c.get("/api/articles?q=paschinjan")
        assert {a["id"] for a in p["items"]} == {r["id"] for r in recs if "paschinjan" in r["text"].casefold()} and 0 < p["total"] < 5
        # sort by date, newest first
        _, p, _ = c.get("/api/articles?sort=published&order=desc")
        dates = [a["published"] for a in p["items"]]
        assert dates == sorted((r["meta"]["published"] for r in recs), reverse=True)
        _, p, _ = c.get("/api/articles?from=2022-03&to=2022-12")
        assert sorted(a["published"] for a in p["items"]) == ["2022-03-28", "2022-09"]
        # filters: outlet (offered by /api/facets), label, status
        _, f, _ = c.get("/api/facets")
        assert {o for o, _ in f["outlets"]} == {r["meta"]["outlet"] for r in recs if r["meta"].get("outlet")}
        outlet = "Frankfurter Allgemeine Zeitung"
        _, p, _ = c.get("/api/articles?outlet=" + outlet.replace(" ", "%20"))
        assert [a["outlet"] for a in p["items"]] == [outlet]
        _, p, _ = c.get("/api/articles?label=MISC")
        assert {a["id"] for a in p["items"]} == {r["id"] for r in recs if any(e["label"] == "MISC" for e in r["entities"])} and p["total"] < 5
        c.post(f"/api/articles/{ART}/accept_all", {})
        _, p, _ = c.get("/api/articles?status=done")
        assert [a["id"] for a in p["items"]] == [ART]
        _, p, _ = c.get("/api/articles?status=pending&sort=pending")
        pend = [a["progress"]["pending"] for a in p["items"]]
        assert p["total"] == 4 and pend == sorted(pend)
        assert c.get("/api/articles?sort=nonsense")[0] == 400
        assert c.get("/api/articles?limit=abc")[0] == 400
    finally:
        srv.shutdown()
        srv.server_close()


def test_the_date_filter_keeps_an_article_whose_period_overlaps_the_range(tmp_path):
    """The list's `from`/`to` compared `published` as text: an article dated by its year only
    ("2022", as an archive export gives it) was left out of from=2022-01, and the month
    "2022-09" of the seeds out of from=2022-09-15, though both periods overlap the range.
    Now an article is listed when its period (day, month or year) overlaps from's first day to
    to's last day. On the committed seed output, one record's `published` made a year."""
    from pipeline.review.apply import strip_review

    recs = [strip_review(json.loads(x)) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    year_only = recs[0]["id"]
    recs[0]["meta"]["published"] = "2022"
    write_jsonl(tmp_path / "out" / "articles.jsonl", recs)
    srv = start(tmp_path / "out", tmp_path / "ann")
    try:
        c = Client(srv)

        def listed(q: str) -> list[str]:
            st, p, _ = c.get("/api/articles?" + q)
            assert st == 200, (q, p)
            return sorted(a["published"] for a in p["items"])

        assert sorted(r["meta"]["published"] for r in recs) == ["2022", "2022-01-06", "2022-01-06", "2022-03-28", "2022-09"]
        assert listed("from=2022-01") == ["2022", "2022-01-06", "2022-01-06", "2022-03-28", "2022-09"]
        assert listed("from=2022-09-15") == ["2022", "2022-09"]
        assert listed("from=2022-02&to=2022-02") == ["2022"]
        assert listed("to=2022-01-06") == ["2022", "2022-01-06", "2022-01-06"]
        assert listed("from=2022-03-28&to=2022-03-28") == ["2022", "2022-03-28"]
        assert listed("from=2022-09-30&to=2022-09-30") == ["2022", "2022-09"]
        assert listed("from=2023") == [] and listed("to=2021-12-31") == []
        assert year_only in {a["id"] for a in c.get("/api/articles?from=2022-01")[1]["items"]}
    finally:
        srv.shutdown()
        srv.server_close()


# ---------------------------------------------------------------------- apply to all mentions


def test_apply_to_all_mentions_in_the_article_is_one_undo(server, recs):
    c = Client(server)
    text = next(r for r in recs if r["id"] == ART)["text"]
    # a name the sample tagger missed: add it once, then everywhere in the article
    s = text.index("Aserbaidschan")
    _, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": s, "end": s + 13, "label": "LOC"}})
    added = first(view, "Aserbaidschan", "LOC")
    st, view, _ = c.post(f"/api/articles/{ART}/apply_all", {"entity": ref(added), "seen": seen(added)})
    assert st == 200
    got = sorted(e["start"] for e in view["record"]["entities"] if e["text"] == "Aserbaidschan" and e["status"] == "accepted")
    assert got == words(text, "Aserbaidschan") and len(got) > 1
    assert view["applied"] == {"decisions": len(got) - 1, "articles": 1}
    # accept one Kasachstan: every mention of it accepted, in one batch
    kas = first(view, "Kasachstan")
    st, view, _ = c.post(f"/api/articles/{ART}/apply_all", {"entity": ref(kas)})
    kas_all = [e for e in view["record"]["entities"] if e["text"] == "Kasachstan"]
    assert len(kas_all) == len(words(text, "Kasachstan")) > 3 and {e["status"] for e in kas_all} == {"accepted"}
    log = dec.load_decisions(server.state.store.path)
    assert len({d.get("batch") for d in log[-len(kas_all):]}) == 1
    # one undo takes the whole group back; the next the Aserbaidschan group
    _, view, _ = c.post(f"/api/articles/{ART}/undo", {})
    assert {e["status"] for e in view["record"]["entities"] if e["text"] == "Kasachstan"} == {"pending"}
    assert all(e["status"] == "accepted" for e in view["record"]["entities"] if e["text"] == "Aserbaidschan")
    _, view, _ = c.post(f"/api/articles/{ART}/undo", {})
    assert [e["start"] for e in view["record"]["entities"] if e["text"] == "Aserbaidschan"] == [s]


def test_relabel_in_the_whole_corpus_then_undo_as_one(server, recs):
    c = Client(server)
    # "Innsbruck" is tagged MISC by the sample (a place): relabel one, carry it to the corpus
    where = [(r["id"], e) for r in recs for e in r["entities"] if e["text"] == "Innsbruck"]
    aid, inn = where[0]
    _, view, _ = c.post(f"/api/articles/{aid}/decide", {"action": "correct", "entity": ref(inn), "new": {"label": "LOC"}})
    loc = first(view, "Innsbruck", "LOC")
    st, dry, _ = c.post(f"/api/articles/{aid}/apply_all", {"entity": ref(loc), "scope": "corpus", "dry_run": True})
    assert st == 200 and dry["decisions"] == len(where) - 1
    assert dec.load_decisions(server.state.store.path)[-1]["decision"] == "correct"  # a dry run records nothing
    st, view, _ = c.post(f"/api/articles/{aid}/apply_all", {"entity": ref(loc), "scope": "corpus"})
    assert view["applied"]["decisions"] == len(where) - 1
    for r in recs:
        _, v, _ = c.get(f"/api/articles/{r['id']}")
        assert all(e["label"] == "LOC" and e["status"] == "corrected" for e in v["record"]["entities"] if e["text"] == "Innsbruck")
    # Russland rejected in one article, then everywhere; undone as one from that article
    russ_arts = {r["id"] for r in recs if any(e["text"] == "Russland" for e in r["entities"])}
    assert len(russ_arts) > 1
    _, v, _ = c.get(f"/api/articles/{ART}")
    russ = first(v, "Russland")
    c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(russ)})
    _, v, _ = c.post(f"/api/articles/{ART}/apply_all", {"entity": ref(russ), "scope": "corpus"})
    assert v["applied"]["articles"] == len(russ_arts)
    c.post(f"/api/articles/{ART}/undo", {})
    for aid2 in russ_arts:
        _, v2, _ = c.get(f"/api/articles/{aid2}")
        sts = [e["status"] for e in v2["record"]["entities"] if e["text"] == "Russland"]
        assert sts == (["rejected"] + ["pending"] * (len(sts) - 1) if aid2 == ART else ["pending"] * len(sts))


# ---------------------------------------------------------------------- teams


def test_stale_view_is_refused_and_a_disagreement_is_a_conflict(server, dirs):
    data, ann = dirs
    c = Client(server)
    _, bobs_page, _ = c.get(f"/api/articles/{ART}")
    kreml = first(bobs_page, "Kreml")
    # anna accepts; bob's page still shows "pending": his reject is refused, not last-write-wins
    c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kreml), "seen": seen(kreml), "reviewer": "anna"})
    st, body, _ = c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(kreml), "seen": seen(kreml), "reviewer": "bob"})
    assert st == 409 and "anna" in body["error"]
    assert [d["reviewer"] for d in dec.load_decisions(ann)] == ["anna"]
    # bob, now shown anna's accept, disagrees: recorded, and shown to the next reviewer as a conflict
    _, view, _ = c.get(f"/api/articles/{ART}")
    k = first(view, "Kreml")
    assert k["reviewed_by"] == "anna" and "conflict" not in k
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(k), "seen": seen(k), "reviewer": "bob"})
    assert st == 200
    k = first(view, "Kreml")
    assert [p["reviewer"] for p in k["conflict"][0]["positions"]] == ["anna", "bob"]
    assert [p["says"] for p in k["conflict"][0]["positions"]] == ["ORG", "not ORG"]
    _, p, _ = c.get("/api/articles?status=conflict")
    assert [a["id"] for a in p["items"]] == [ART] and p["items"][0]["conflicts"] == 1
    assert c.get("/api/state")[1]["conflicts"] == 1
    # `presseschau review --conflicts` lists it
    out = subprocess.run([sys.executable, "-m", "pipeline", "review", "--conflicts", "--annotations", str(ann)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if "Kreml" in x)
    assert ART in line and "anna ORG" in line and "bob not ORG" in line
    # carol, shown the conflict, settles it
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(k), "seen": seen(k), "reviewer": "carol", "resolve": True})
    assert st == 200 and "conflict" not in first(view, "Kreml")
    assert dec.load_decisions(ann)[-1]["resolves"] == [d["id"] for d in dec.load_decisions(ann)[:2]]
    assert c.get("/api/state")[1]["conflicts"] == 0 and teams.conflicts(dec.load_decisions(ann)) == []


def test_two_reviewers_adding_one_span_with_two_labels_is_a_conflict_one_decision_settles(server, dirs):
    """anna adds 'Organisation des Vertrags über Kollektive Sicherheit' as ORG, bob the same span as
    MISC: both stayed accepted and no conflict was listed (conflicts were kept per span and label),
    while the agreement counted the span as a disagreement."""
    data, ann = dirs
    c = Client(server)
    _, view, _ = c.get(f"/api/articles/{ART}")
    name = "Organisation des Vertrags über Kollektive Sicherheit"
    s = view["record"]["text"].index(name)
    assert not any(e["start"] == s for e in view["record"]["entities"])
    for who, label in (("anna", "ORG"), ("bob", "MISC")):
        st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": s, "end": s + len(name), "label": label}, "reviewer": who})
        assert st == 200, view
    (row,) = teams.agreement(dec.load_decisions(ann))
    assert row["observed"] == 0.0  # the agreement counts it as a disagreement: so must the conflicts
    cs = teams.conflicts(dec.load_decisions(ann))
    assert [(c_["start"], c_["text"]) for c_ in cs] == [(s, name)]
    assert [p["reviewer"] for p in cs[0]["positions"]] == ["anna", "bob"]
    assert c.get("/api/state")[1]["conflicts"] == 1
    ents = [e for e in view["record"]["entities"] if e["start"] == s]
    assert sorted(e["label"] for e in ents) == ["MISC", "ORG"] and all(e.get("conflict") for e in ents)
    # carol, shown the conflict, rejects the MISC: one decision settles it
    misc = next(e for e in ents if e["label"] == "MISC")
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(misc), "seen": seen(misc), "reviewer": "carol", "resolve": True})
    assert st == 200 and not any(e.get("conflict") for e in view["record"]["entities"] if e["start"] == s)
    assert teams.conflicts(dec.load_decisions(ann)) == [] and c.get("/api/state")[1]["conflicts"] == 0
    assert sorted((e["label"], e["status"]) for e in view["record"]["entities"] if e["start"] == s) == [("MISC", "rejected"), ("ORG", "accepted")]
    # undone, the conflict is back; carol's accept of the ORG settles it too: it is an ORG, so not
    # the MISC (rejected with it, one undo step)
    st, view, _ = c.post(f"/api/articles/{ART}/undo", {})
    assert st == 200 and len(teams.conflicts(dec.load_decisions(ann))) == 1
    org = next(e for e in view["record"]["entities"] if e["start"] == s and e["label"] == "ORG")
    assert org.get("conflict")
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(org), "seen": seen(org), "reviewer": "carol", "resolve": True})
    assert st == 200 and teams.conflicts(dec.load_decisions(ann)) == []
    assert sorted((e["label"], e["status"]) for e in view["record"]["entities"] if e["start"] == s) == [("MISC", "rejected"), ("ORG", "accepted")]
    assert [d["decision"] for d in dec.load_decisions(ann)][-2:] == ["accept", "reject"]
    st, view, _ = c.post(f"/api/articles/{ART}/undo", {})
    assert sorted((e["label"], e["status"]) for e in view["record"]["entities"] if e["start"] == s) == [("MISC", "accepted"), ("ORG", "accepted")]
    assert len(teams.conflicts(dec.load_decisions(ann))) == 1


def test_agreement_per_reviewer_pair(recs):
    rec = next(r for r in recs if r["id"] == ART)
    ents = rec["entities"]
    k = 4
    anna = [dec.make_decision(rec, "accept", e, reviewer="anna") for e in ents]
    bob = [dec.make_decision(rec, "reject" if i < k else "accept", e, reviewer="bob") for i, e in enumerate(ents)]
    other = [dec.make_decision(recs[0], "accept", recs[0]["entities"][0], reviewer="carol")]  # no common article
    (row,) = teams.agreement(anna + bob + other)
    n = len({(e["start"], e["end"]) for e in ents})
    assert row["reviewers"] == ["anna", "bob"] and row["articles"] == 1 and row["spans_both"] == n
    assert row["observed"] == pytest.approx((n - k) / n)
    assert row["span_f1"] == pytest.approx(2 * (n - k) / (2 * n - k))
    assert 0 < row["kappa"] < row["observed"]
    (same,) = teams.agreement(anna + [dict(d, reviewer="bob", id=d["id"] + "b") for d in anna])
    assert same["kappa"] == 1.0 and same["span_f1"] == 1.0


# ---------------------------------------------------------------------- defects


def test_busy_port_is_one_line_and_exit_2(dirs):
    data, ann = dirs
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "pipeline", "review", str(data), "--annotations", str(ann), "--port", str(port)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    lines = [x for x in (out.stdout + out.stderr).splitlines() if x.strip()]
    assert out.returncode == 2 and len(lines) == 1, lines
    assert str(port) in lines[0] and "Traceback" not in out.stderr


def test_deeply_nested_json_is_a_400(server):
    c = Client(server)
    _, view, _ = c.get(f"/api/articles/{ART}")
    body = b'{"action": "accept", "entity": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    conn.request("POST", f"/api/articles/{ART}/decide", body=body,
                 headers={"Host": f"127.0.0.1:{server.server_address[1]}", "Content-Type": "application/json"})
    r = conn.getresponse()
    assert r.status == 400 and "deep" in json.loads(r.read())["error"]
    conn.close()
    assert c.get(f"/api/articles/{ART}")[0] == 200 and dec.load_decisions(server.state.store.path) == []


def test_all_addresses_need_the_token_and_same_origin(dirs):
    srv = make_server(*dirs, host="0.0.0.0", port=0, reviewer="net")
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        assert srv.token and f"?token={srv.token}" in srv.url
        c = Client(srv)
        port = srv.server_address[1]
        host = {"Host": f"192.0.2.7:{port}"}  # reached under any name
        assert c.get("/api/articles", headers=host)[0] == 401
        assert c.get("/", headers=host)[0] == 401
        assert c.get("/?token=wrong", headers=host)[0] == 401
        st, _, h = c.get(f"/?token={srv.token}", headers=host)
        assert st == 200 and h["Set-Cookie"].startswith(f"presseschau_token={srv.token};") and "HttpOnly" in h["Set-Cookie"]
        auth = host | {"Cookie": f"presseschau_token={srv.token}"}
        st, view, _ = c.get(f"/api/articles/{ART}", headers=auth)
        assert st == 200
        e = ref(view["record"]["entities"][0])
        # the Origin check holds: a page elsewhere cannot post, even with the cookie
        assert c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": e}, headers=auth | {"Origin": "http://evil.example"})[0] == 403
        assert c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": e}, headers=host | {"Origin": f"http://192.0.2.7:{port}"})[0] == 401
        st, _, _ = c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": e}, headers=auth | {"Origin": f"http://192.0.2.7:{port}"})
        assert st == 200 and [d["reviewer"] for d in dec.load_decisions(dirs[1])] == ["net"]
    finally:
        srv.shutdown()
        srv.server_close()


def test_accept_all_confirmed_count_must_match(server):
    c = Client(server)
    _, view, _ = c.get(f"/api/articles/{ART}")
    n = view["progress"]["pending"]
    st, _, _ = c.post(f"/api/articles/{ART}/accept_all", {"expect": n + 1})
    assert st == 409 and dec.load_decisions(server.state.store.path) == []
    st, view, _ = c.post(f"/api/articles/{ART}/accept_all", {"expect": n})
    assert st == 200 and view["progress"]["pending"] == 0
    recs = [json.loads(x) for x in (server.state.articles_path).read_text(encoding="utf-8").splitlines()]
    reviewed, _ = apply_decisions(recs, dec.load_decisions(server.state.store.path))
    assert dec.progress(next(r for r in reviewed if r["id"] == ART))["accepted"] == n


# ---------------------------------------------------------------------- corpus-wide batches at scale


def _committed_seed_output():
    from pipeline.review.apply import strip_review

    return [strip_review(json.loads(x)) for x in (ROOT / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_applying_the_log_never_changes_its_input():
    """Copy-on-write in apply_decisions: the seeds' pipeline records, under the committed review
    log (accepts, rejects, corrections, additions, undos), are the same before and after."""
    recs = _committed_seed_output()
    before = json.dumps(recs, sort_keys=True)
    log = dec.load_decisions(ROOT / "annotations")
    assert {d["decision"] for d in log} >= {"accept", "reject", "correct", "add"}
    out, _ = apply_decisions(recs, log)
    assert json.dumps(recs, sort_keys=True) == before
    again, _ = apply_decisions(out, log)  # and applying to its own output is idempotent
    assert json.dumps(again, sort_keys=True) == json.dumps(out, sort_keys=True)
    assert sum(e["status"] != "pending" for r in out for e in r["entities"]) > 400


def test_a_corpus_wide_batch_shows_what_a_fresh_start_derives_from_the_log(tmp_path):
    """The server re-applies only the articles a batch touches, with entities copied on write: what
    it shows after "apply to all mentions" in the corpus (and after its undo) is exactly what a
    new server derives from articles.jsonl + the log."""
    recs = _committed_seed_output()
    copies = []
    for k in range(4):  # 20 articles: the seeds under other ids
        for r in recs:
            copies.append(dict(r, id=f"{k}_{r['id']}", source=dict(r["source"], sha256=f"{k}{r['source']['sha256'][1:]}")))
    write_jsonl(tmp_path / "out" / "articles.jsonl", copies)
    srv = start(tmp_path / "out", tmp_path / "ann")
    try:
        c = Client(srv)
        aid = copies[1]["id"]
        _, v, _ = c.get(f"/api/articles/{aid}")
        kas = next(e for e in v["record"]["entities"] if e["text"] == "Kasachstan" and e["label"] == "LOC")
        st, v, _ = c.post(f"/api/articles/{aid}/apply_all", {"entity": ref(kas), "scope": "corpus"})
        assert st == 200 and v["applied"]["articles"] == sum("Kasachstan" in r["text"] for r in copies) > 4

        def shown():
            return [c.get(f"/api/articles/{r['id']}")[1]["record"] for r in copies]

        def fresh():
            other = start(tmp_path / "out", tmp_path / "ann")
            try:
                return [Client(other).get(f"/api/articles/{r['id']}")[1]["record"] for r in copies]
            finally:
                other.shutdown()
                other.server_close()

        after = shown()
        assert after == fresh()
        assert sum(e["text"] == "Kasachstan" and e["status"] == "accepted" for r in after for e in r["entities"]) > 20
        c.post(f"/api/articles/{aid}/undo", {})
        undone = shown()
        assert undone == fresh()
        assert not any(e["text"] == "Kasachstan" and e["status"] == "accepted" for r in undone for e in r["entities"])
    finally:
        srv.shutdown()
        srv.server_close()


def test_mentions_are_found_as_whole_words_like_the_regular_expression():
    from pipeline.review.mentions import occurrences

    n = 0
    for r in _committed_seed_output():
        for e in r["entities"]:
            for needle in (e["text"], e["text"][:3], e["text"] + ".", "-" + e["text"]):
                want = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", r["text"])]
                assert occurrences(r["text"], needle) == want, needle
                n += 1
    assert n > 1000


def test_conflicts_and_agreement_name_the_log_they_read(tmp_path):
    """`review --conflicts -a annotatons` (a typo) said "0 open conflict(s)" and exit 0 without a
    word that no log is there; given the log file itself it read it but named
    `decisions.jsonl/decisions.jsonl`."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    recs = sample_records(ROOT / "corpus")
    rec = next(r for r in recs if r["id"] == ART)
    e = first({"record": rec}, "Kreml")
    ann = tmp_path / "annotations"
    dec.DecisionStore(ann).append([dec.make_decision(rec, "accept", e, reviewer="anna"), dec.make_decision(rec, "reject", e, reviewer="bob")])
    for given in (ann, ann / "decisions.jsonl"):
        res = CliRunner().invoke(app, ["review", "--conflicts", "-a", str(given)])
        assert res.exit_code == 0 and f"1 open conflict(s) in {ann / 'decisions.jsonl'}" in " ".join(res.output.split()), res.output
        assert "decisions.jsonl/decisions.jsonl" not in "".join(res.output.split())
    for flag in ("--conflicts", "--agreement"):
        res = CliRunner().invoke(app, ["review", flag, "-a", str(tmp_path / "annotatons")])
        assert "no review log at" in res.output and "annotatons" in res.output, res.output
        # one message: not also "0 open conflict(s) in <the log that is not there>" or "no article was reviewed by two reviewers"
        assert "open conflict" not in res.output and "two reviewers" not in res.output, res.output
