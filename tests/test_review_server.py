"""The review server over HTTP (no browser): API, durability, restart, re-runs, refusals."""
from __future__ import annotations

import http.client
import json
import threading
from pathlib import Path

import pytest

from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions
from pipeline.record import validate_record
from pipeline.review.sample import make_record, sample_records
from pipeline.review.server import make_server

ROOT = Path(__file__).resolve().parents[1]
ART = "001_660f1e0e655a289c"


def write_jsonl(path: Path, records) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


class Client:
    def __init__(self, srv):
        self.host, self.port = srv.server_address[:2]

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection(self.host, self.port, timeout=10)
        h = {"Host": f"127.0.0.1:{self.port}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        c.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for k, v in h.items():
            c.putheader(k, v)
        if data is not None:
            c.putheader("Content-Length", str(len(data)))
        c.endheaders(data)
        r = c.getresponse()
        raw = r.read()
        c.close()
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = raw
        return r.status, payload, dict(r.getheaders())

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body, **kw):
        return self.request("POST", path, body, **kw)


@pytest.fixture()
def dirs(tmp_path):
    data = tmp_path / "outputs"
    write_jsonl(data / "articles.jsonl", sample_records(ROOT / "corpus"))
    return data, tmp_path / "annotations"


def start(data, ann, **kw):
    srv = make_server(data, ann, port=0, reviewer="tester", **kw)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return srv


@pytest.fixture()
def server(dirs):
    srv = start(*dirs)
    yield srv
    srv.shutdown()
    srv.server_close()


def first(view, text, label=None):
    return next(e for e in view["record"]["entities"] if e["text"] == text and (label is None or e["label"] == label))


def ref(e):
    return {"start": e["start"], "end": e["end"], "label": e["label"]}


def test_pages_and_listing(server):
    c = Client(server)
    st, body, h = c.get("/")
    assert st == 200 and b"/static/app.js" in body
    assert "script-src 'self'" in h["Content-Security-Policy"] and h["X-Content-Type-Options"] == "nosniff"
    for name in ("app.js", "app.css"):
        assert c.get(f"/static/{name}")[0] == 200
    st, page, _ = c.get("/api/articles")
    arts = page["items"]
    assert st == 200 and page["total"] == 5 and len(arts) == 5 and all(a["progress"]["pending"] == a["progress"]["total"] for a in arts)
    st, view, _ = c.get(f"/api/articles/{ART}")
    assert view["record"]["text"].startswith("Kasachstan bittet") and view["position"] == 2 and view["prev"] and view["next"]


def test_decisions_are_on_disk_before_the_answer_and_survive_a_restart(dirs):
    data, ann = dirs
    srv = start(data, ann)
    c = Client(srv)
    _, view, _ = c.get(f"/api/articles/{ART}")
    kas, russ, odkb = first(view, "Kasachstan"), first(view, "Russland"), first(view, "ODKB")
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(kas)})
    assert st == 200
    assert len(dec.load_decisions(ann)) == 1  # written (and fsync'ed) before the answer came back
    c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(russ)})
    c.post(f"/api/articles/{ART}/decide", {"action": "correct", "entity": ref(odkb), "new": {"label": "MISC"}})
    s = view["record"]["text"].index("Streitkräften")
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": s, "end": s + 13, "label": "ORG"}, "reviewer": "eva"})
    assert st == 200
    p = view["progress"]
    assert (p["accepted"], p["rejected"], p["corrected"]) == (2, 1, 1)
    # the server dies without any shutdown; a new one resumes where the reviewer stopped
    srv.socket.close()
    srv2 = start(data, ann)
    try:
        _, view2, _ = Client(srv2).get(f"/api/articles/{ART}")
        assert view2["progress"] == p
        assert first(view2, "Streitkräften")["reviewed_by"] == "eva"
        assert first(view2, "ODKB", "MISC")["original"]["label"] == "ORG"
    finally:
        srv2.shutdown()
        srv2.server_close()
    log = dec.load_decisions(ann)
    assert [d["decision"] for d in log] == ["accept", "reject", "correct", "add"]
    assert {d["reviewer"] for d in log} == {"tester", "eva"}


def test_undo_accept_all_and_articles_jsonl_never_written(dirs):
    data, ann = dirs
    before = (data / "articles.jsonl").read_bytes()
    srv = start(data, ann)
    c = Client(srv)
    _, view, _ = c.get(f"/api/articles/{ART}")
    russ = first(view, "Russland")
    c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(russ)})
    st, view, _ = c.post(f"/api/articles/{ART}/accept_all", {"labels": ["LOC"]})
    assert view["progress"]["pending"] > 0 and all(e["status"] != "pending" for e in view["record"]["entities"] if e["label"] == "LOC")
    st, view, _ = c.post(f"/api/articles/{ART}/undo", {})  # the whole batch
    assert view["progress"]["rejected"] == 1 and view["progress"]["accepted"] == 0
    st, view, _ = c.post(f"/api/articles/{ART}/undo", {})
    assert view["progress"]["done"] == 0 and not view["can_undo"]
    assert c.post(f"/api/articles/{ART}/undo", {})[0] == 409
    st, view, _ = c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(russ)})
    srv.shutdown()
    srv.server_close()
    # the pipeline's output is untouched; the reviewed view is the log applied to it, as the app showed
    assert (data / "articles.jsonl").read_bytes() == before
    rows = [json.loads(x) for x in before.decode("utf-8").splitlines()]
    reviewed, flagged = apply_decisions(rows, dec.load_decisions(ann))
    a = next(r for r in reviewed if r["id"] == ART)
    assert flagged == [] and [e["status"] for e in a["entities"] if e["start"] == russ["start"]] == ["accepted"]
    assert [(e["start"], e["label"], e["status"]) for e in a["entities"]] == [(e["start"], e["label"], e["status"]) for e in view["record"]["entities"]]
    assert all(validate_record(r) == [] for r in reviewed)


def test_rerun_reapplies_and_flags(dirs):
    data, ann = dirs
    srv = start(data, ann)
    c = Client(srv)
    try:
        _, view, _ = c.get(f"/api/articles/{ART}")
        tok = first(view, "Kassym-Jomart Tokajew")
        kreml = first(view, "Kreml")
        c.post(f"/api/articles/{ART}/decide", {"action": "reject", "entity": ref(kreml)})
        c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(tok)})
        # the pipeline runs again: new text in front, and the name re-written
        recs = sample_records(ROOT / "corpus")
        r = next(x for x in recs if x["id"] == ART)
        pre = "Aktualisiert.\n"
        new = make_record(ART, pre + r["text"].replace("Kassym-Jomart Tokajew", "Kassym-Schomart Tokajew"), model="v2")
        recs = [new if x["id"] == ART else x for x in recs]
        import time

        time.sleep(0.05)
        write_jsonl(data / "articles.jsonl", recs)
        _, view, _ = c.get(f"/api/articles/{ART}")
        k2 = first(view, "Kreml")
        assert k2["start"] == new["text"].index("Kreml") != kreml["start"] and k2["status"] == "rejected"
        assert [f["reason"] for f in view["flags"]] == ["span_not_found"]
        assert view["flags"][0]["text"] == "Kassym-Jomart Tokajew"
        st, view, _ = c.post(f"/api/articles/{ART}/dismiss", {"decision_id": view["flags"][0]["decision_id"]})
        assert st == 200 and view["flags"] == []
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize("path", [
    "/static/../decisions.py",
    "/static/..%2f..%2fdecisions.py",
    "/static/%2e%2e/%2e%2e/decisions.py",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static//etc/passwd",
    "/static/%2Fetc%2Fpasswd",
    "/static/server.py",
    "/static/..",
    "/api/articles/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/articles/%2E%2E",
    "/annotations/decisions.jsonl",
    "/outputs/articles.jsonl",
    "/articles.jsonl",
])
def test_refuses_paths_outside_its_folders(server, path):
    st, body, _ = Client(server).get(path)
    assert st in (403, 404)
    text = body if isinstance(body, bytes) else json.dumps(body).encode()
    assert b"root:" not in text and b"import" not in text and b"decision" not in text.lower().replace(b"decisions.py", b"")


def test_refuses_foreign_hosts_origins_and_non_json(server):
    c = Client(server)
    assert c.get("/api/articles", headers={"Host": "evil.example:80"})[0] == 403
    _, view, _ = c.get(f"/api/articles/{ART}")
    e = ref(view["record"]["entities"][0])
    assert c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": e}, headers={"Origin": "http://evil.example"})[0] == 403
    assert c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": e}, headers={"Content-Type": "text/plain"})[0] == 415
    assert c.post(f"/api/articles/{ART}/decide", {"action": "explode", "entity": e})[0] == 400
    assert c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": {"start": 0, "end": 1, "label": "PER"}})[0] == 409
    assert c.post(f"/api/articles/{ART}/decide", {"action": "add", "new": {"start": 0, "end": 10, "label": "WHAT"}})[0] == 400
    assert c.post("/api/articles/nope/decide", {"action": "accept", "entity": e})[0] == 404
    assert dec.load_decisions(server.state.store.path) == []


def test_binds_to_loopback_by_default(dirs):
    srv = make_server(*dirs, port=0)
    try:
        assert srv.server_address[0] == "127.0.0.1"
    finally:
        srv.server_close()


def test_cli_review_command_serves(dirs):
    """`presseschau review DIR --port 0` starts, prints its URL, answers, and stops on SIGINT."""
    import signal
    import subprocess
    import sys
    import urllib.request

    data, ann = dirs
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "review", str(data), "--annotations", str(ann), "--port", "0", "--reviewer", "cli"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line, line
        url = line.split()[2]
        with urllib.request.urlopen(url + "api/state", timeout=10) as r:
            st = json.loads(r.read())
        assert st["reviewer"] == "cli" and st["articles"] == 5
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _serve_cli(data, ann):
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "review", str(data), "--annotations", str(ann), "--port", "0"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = proc.stdout.readline()
    assert "http://127.0.0.1:" in line, line
    return proc, line.split()[2]


def _call(url, body=None):
    import urllib.request

    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"} if body is not None else {})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def test_kill_9_right_after_a_decision_loses_nothing(dirs):
    data, ann = dirs
    proc, url = _serve_cli(data, ann)
    try:
        view = _call(url + f"api/articles/{ART}")
        e = first(view, "Russland")
        _call(url + f"api/articles/{ART}/decide", {"action": "reject", "entity": ref(e)})
    finally:
        proc.kill()  # SIGKILL: no shutdown code runs
        proc.wait(timeout=10)
    assert [d["decision"] for d in dec.load_decisions(ann)] == ["reject"]
    proc, url = _serve_cli(data, ann)
    try:
        view = _call(url + f"api/articles/{ART}")
        assert first(view, "Russland")["status"] == "rejected"
        assert _call(url + "api/state")["resume"] == ART
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_decisions_appended_by_another_process_show_up(server, dirs):
    """`presseschau import` (or a second server) appends to the log while this one runs."""
    data, ann = dirs
    c = Client(server)
    _, view, _ = c.get(f"/api/articles/{ART}")
    rec = next(r for r in sample_records(ROOT / "corpus") if r["id"] == ART)
    e = next(x for x in rec["entities"] if x["text"] == "Kreml")
    dec.DecisionStore(ann).append([dec.make_decision(rec, "reject", e, reviewer="importer")])
    _, view, _ = c.get(f"/api/articles/{ART}")
    assert first(view, "Kreml")["status"] == "rejected"
    # and a decision made here afterwards keeps both
    c.post(f"/api/articles/{ART}/decide", {"action": "accept", "entity": ref(first(view, "Russland"))})
    assert [d["reviewer"] for d in dec.load_decisions(ann)] == ["importer", "tester"]


def test_concurrent_reviewers_lose_no_decision(server, dirs):
    _, ann = dirs
    c = Client(server)
    arts = [a["id"] for a in c.get("/api/articles")[1]["items"]]
    errors = []

    def reviewer(n):
        try:
            aid = arts[n % len(arts)]
            _, view, _ = c.get(f"/api/articles/{aid}")
            for i, e in enumerate(view["record"]["entities"][:15]):
                st, _, _ = c.post(f"/api/articles/{aid}/decide", {"action": "accept" if (i + n) % 2 else "reject", "entity": ref(e), "reviewer": f"r{n}"})
                assert st == 200, st
        except Exception as ex:  # pragma: no cover - reported below
            errors.append(repr(ex))

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    log = dec.load_decisions(ann)
    assert len(log) == 8 * 15
    assert len(ann.joinpath("decisions.jsonl").read_text(encoding="utf-8").splitlines()) == 8 * 15
    # the app shows what the log says
    records = [json.loads(x) for x in (dirs[0] / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    expected, _ = apply_decisions(records, log)
    for r in expected:
        _, view, _ = c.get(f"/api/articles/{r['id']}")
        assert [e["status"] for e in view["record"]["entities"]] == [e["status"] for e in r["entities"]]
