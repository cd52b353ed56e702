"""`presseschau review`: a local web app over the pipeline's output.

Standard library only (`http.server.ThreadingHTTPServer`); the front end is plain files in
`static/` (no build step, no CDN). Every decision is appended to `annotations/decisions.jsonl`
and fsync'ed before the answer goes back; the reviewed `articles.jsonl` is rewritten atomically
(temp file + os.replace) a moment later. The server only ever reads the files of its static
folder (by an allow-list of names) and the output/annotation files it was started on; article
ids are looked up in memory, never used as paths.
"""
from __future__ import annotations

import copy
import json
import os
import threading
import time
import uuid
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qs, unquote, urlsplit

from . import log as dec

from .apply import apply_decisions, strip_review
from .overview import overview
from ..io import atomic_write_jsonl, read_jsonl

from ..paths import STATIC_DIR
from ..schema import LABELS
ARTICLES_FILE = "articles.jsonl"
MAX_BODY = 1 << 20
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


class ReviewError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _read_jsonl(path: Path) -> list[dict]:
    return list(read_jsonl(path))


def _sig(path: Path) -> Optional[tuple[int, int]]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


class ReviewState:
    """The pipeline's records, the decision log, and the reviewed records derived from both."""

    def __init__(
        self,
        data: os.PathLike | str = "outputs",
        annotations: os.PathLike | str = "annotations",
        reviewer: Optional[str] = None,
        write_back: bool = True,
        write_delay: float = 0.5,
    ):
        data = Path(data).resolve()
        if data.is_file():
            self.articles_path = data
            self.data_dir = data.parent
        else:
            self.data_dir = data
            self.articles_path = data / ARTICLES_FILE
        if not self.articles_path.exists():
            raise FileNotFoundError(f"no {ARTICLES_FILE} in {self.data_dir} (run `presseschau run` first)")
        self.annotations_dir = Path(annotations).resolve()
        self.store = dec.DecisionStore(self.annotations_dir)
        self.reviewer = reviewer or dec.default_reviewer()
        self.write_back = write_back
        self.write_delay = write_delay
        self.lock = threading.RLock()
        self._write_lock = threading.Lock()
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._writer: Optional[threading.Thread] = None
        self.load_error: Optional[str] = None
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        with self.lock:
            raw = _read_jsonl(self.articles_path)
            self._sig = _sig(self.articles_path)
            self.base = [strip_review(r) for r in raw]
            self.decisions = self.store.load()
            self._dsig = _sig(self.store.path)
            self.records, flagged = apply_decisions(self.base, self.decisions)
            self.index = {r["id"]: i for i, r in enumerate(self.records)}
            self.flags: dict[str, list[dict]] = {}
            for f in flagged:
                aid = f.get("article_id")
                self.flags.setdefault(aid if aid in self.index else "", []).append(f)

    def maybe_reload(self) -> bool:
        """Reload when the pipeline rewrote articles.jsonl, or another process (`presseschau import`,
        a second server) appended decisions, since we read them."""
        with self.lock:
            sig = _sig(self.articles_path)
            if (sig != self._sig and sig is not None) or _sig(self.store.path) != self._dsig:
                try:
                    self.load()
                except (OSError, ValueError) as e:  # half-written by hand, or broken: keep serving what we have
                    self._sig = sig
                    self.load_error = str(e)
                    return False
                self.load_error = None
                return True
        return False

    def _reapply(self, article_id: str) -> None:
        i = self.index[article_id]
        base = self.base[i]
        sha = (base.get("source") or {}).get("sha256")
        ds = [
            d for d in self.decisions
            if d.get("article_id") == article_id
            or d.get("decision") in dec.CANCEL_KINDS
            or (sha and d.get("article_sha256") == sha and d.get("article_id") not in self.index)
        ]
        recs, flagged = apply_decisions([base], ds)
        self.records[i] = recs[0]
        self.flags[article_id] = [f for f in flagged if f.get("article_id") == article_id]
        if not self.flags[article_id]:
            del self.flags[article_id]

    # ------------------------------------------------------------------ views
    def summaries(self) -> list[dict]:
        out = []
        with self.lock:
            for r in self.records:
                meta = r.get("meta") or {}
                out.append({
                    "id": r["id"],
                    "title": meta.get("title") or _first_line(r.get("text", "")),
                    "outlet": meta.get("outlet"),
                    "published": meta.get("published"),
                    "progress": dec.progress(r),
                    "flags": len(self.flags.get(r["id"], [])),
                    "chars": len(r.get("text", "")),
                })
        return out

    def overview(self) -> dict:
        with self.lock:
            total = {"pending": 0, "accepted": 0, "rejected": 0, "corrected": 0, "total": 0, "done": 0}
            for r in self.records:
                for k, v in dec.progress(r).items():
                    total[k] = total.get(k, 0) + v
            missing = self.flags.get("", [])
            return {
                "resume": self._resume(),
                "reviewer": self.reviewer,
                "labels": list(LABELS),
                "articles": len(self.records),
                "progress": total,
                "decisions": len(self.decisions),
                "flags": sum(len(v) for v in self.flags.values()),
                "data": self.articles_path.name,
                "annotations": str(self.store.path.name),
                "orphans": [_flag_view(f) for f in missing],
                "load_error": self.load_error,
            }

    def _resume(self) -> Optional[str]:
        """Where the reviewer stopped: the article of the last decision if it still has pending
        entities, else the next article (in output order) that has some."""
        if not self.records:
            return None
        start = 0
        for d in reversed(self.decisions):
            if d.get("article_id") in self.index:
                start = self.index[d["article_id"]]
                break
        n = len(self.records)
        for k in range(n):
            r = self.records[(start + k) % n]
            if any(e.get("status") == "pending" for e in r.get("entities", [])):
                return r["id"]
        return None

    def article(self, article_id: str) -> dict:
        with self.lock:
            rec = self._get(article_id)
            i = self.index[article_id]
            ids = [r["id"] for r in self.records]
            view = copy.deepcopy(rec)
            for ent in view["entities"]:
                rv = ent.pop("review", None)
                if rv:
                    ent["reviewed_by"] = rv.get("reviewer")
                    ent["restored"] = bool(rv.get("restored"))
                    orig = rv.get("original")
                    ent["original"] = {k: orig.get(k) for k in ("start", "end", "text", "label", "value")} if orig else None
            view.pop("review_flags", None)
            for rm in view.get("removed", []):
                rm["clean_at"] = dec.clean_offset_of_raw(rec, rm["start"])
            view.get("source", {}).pop("offsets", None)
            return {
                "record": view,
                "progress": dec.progress(rec),
                "flags": [_flag_view(f) for f in self.flags.get(article_id, [])],
                "prev": ids[i - 1] if i > 0 else None,
                "next": ids[i + 1] if i + 1 < len(ids) else None,
                "position": i + 1,
                "count": len(ids),
                "can_undo": bool(dec.last_undoable(self.decisions, article_id)),
            }

    def _get(self, article_id: str) -> dict:
        i = self.index.get(article_id)
        if i is None:
            raise ReviewError(HTTPStatus.NOT_FOUND, f"no article {article_id!r}")
        return self.records[i]

    # ------------------------------------------------------------------ actions
    def _find_entity(self, rec: dict, ent: Any) -> dict:
        if not isinstance(ent, dict):
            raise ReviewError(HTTPStatus.BAD_REQUEST, "missing entity")
        try:
            key = (int(ent["start"]), int(ent["end"]), str(ent["label"]))
        except (KeyError, TypeError, ValueError):
            raise ReviewError(HTTPStatus.BAD_REQUEST, "entity needs start, end, label") from None
        for e in rec["entities"]:
            if dec.entity_key(e) == key:
                return e
        raise ReviewError(HTTPStatus.CONFLICT, "that entity is not (or no longer) in the article; reload")

    def decide(self, article_id: str, body: dict) -> dict:
        action = body.get("action")
        reviewer = _clean_reviewer(body.get("reviewer")) or self.reviewer
        with self.lock:
            rec = self._get(article_id)
            try:
                if action in ("accept", "reject"):
                    ent = self._find_entity(rec, body.get("entity"))
                    d = dec.make_decision(rec, action, ent, reviewer=reviewer)
                elif action == "correct":
                    ent = self._find_entity(rec, body.get("entity"))
                    new = body.get("new")
                    if not isinstance(new, dict):
                        raise ReviewError(HTTPStatus.BAD_REQUEST, "correct needs `new`")
                    d = dec.make_decision(rec, "correct", ent, new, reviewer=reviewer)
                elif action == "add":
                    new = body.get("new")
                    if not isinstance(new, dict):
                        raise ReviewError(HTTPStatus.BAD_REQUEST, "add needs `new`")
                    d = dec.make_decision(rec, "add", new=new, reviewer=reviewer)
                else:
                    raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown action {action!r}")
            except ValueError as e:
                raise ReviewError(HTTPStatus.BAD_REQUEST, str(e)) from None
            self._commit(article_id, [d])
            return self.article(article_id)

    def accept_all(self, article_id: str, body: dict) -> dict:
        reviewer = _clean_reviewer(body.get("reviewer")) or self.reviewer
        labels = body.get("labels")
        sources = body.get("sources")
        with self.lock:
            rec = self._get(article_id)
            batch = "b-" + uuid.uuid4().hex
            ds = []
            for e in rec["entities"]:
                if e.get("status") != "pending":
                    continue
                if labels and e["label"] not in labels:
                    continue
                if sources and e.get("source") not in sources:
                    continue
                ds.append(dec.make_decision(rec, "accept", e, reviewer=reviewer, batch=batch))
            self._commit(article_id, ds)
            return self.article(article_id)

    def undo(self, article_id: str, body: dict) -> dict:
        reviewer = _clean_reviewer(body.get("reviewer")) or self.reviewer
        with self.lock:
            rec = self._get(article_id)
            last = dec.last_undoable(self.decisions, article_id)
            if not last:
                raise ReviewError(HTTPStatus.CONFLICT, "nothing to undo in this article")
            d = dec.make_decision(rec, "undo", undoes=[x["id"] for x in last], reviewer=reviewer)
            self._commit(article_id, [d])
            return self.article(article_id)

    def dismiss(self, article_id: str, body: dict) -> dict:
        reviewer = _clean_reviewer(body.get("reviewer")) or self.reviewer
        did = body.get("decision_id")
        with self.lock:
            rec = self._get(article_id)
            if not any(f["decision"].get("id") == did for f in self.flags.get(article_id, [])):
                raise ReviewError(HTTPStatus.CONFLICT, "no such flagged decision in this article")
            d = dec.make_decision(rec, "dismiss", undoes=[did], reviewer=reviewer)
            self._commit(article_id, [d])
            return self.article(article_id)

    def _commit(self, article_id: str, ds: list[dict]) -> None:
        if not ds:
            return
        if _sig(self.store.path) != self._dsig:
            self.load()  # someone else appended meanwhile: start from the whole log
        self.store.append(ds)  # fsync'ed before anything else happens
        self._dsig = _sig(self.store.path)
        self.decisions.extend(ds)
        self._reapply(article_id)
        self._dirty.set()

    # ------------------------------------------------------------------ write-back
    def start_writer(self) -> None:
        if not self.write_back or self._writer is not None:
            return
        self._writer = threading.Thread(target=self._write_loop, name="presseschau-writeback", daemon=True)
        self._writer.start()

    def _write_loop(self) -> None:
        while not self._stop.is_set():
            if self._dirty.wait(0.2):
                time.sleep(self.write_delay)
                self.flush()

    def flush(self) -> None:
        """Write the reviewed records to articles.jsonl (atomically) if decisions were made."""
        if not self.write_back:
            self._dirty.clear()
            return
        with self._write_lock:  # one writer at a time; requests keep being served meanwhile
            with self.lock:
                if not self._dirty.is_set():
                    return
                self._dirty.clear()
                if _sig(self.articles_path) != self._sig:
                    # the pipeline wrote a new output meanwhile: take it, re-apply the log onto it
                    self.load()
                snapshot = list(self.records)  # records are replaced on change, never mutated
                sig_before = self._sig
            atomic_write_jsonl(self.articles_path, snapshot)
            with self.lock:
                if self._sig == sig_before:
                    self._sig = _sig(self.articles_path)

    def close(self) -> None:
        self._stop.set()
        if self._writer is not None:
            self._writer.join(timeout=5)
        self.flush()


def _clean_reviewer(x: Any) -> Optional[str]:
    if not isinstance(x, str):
        return None
    x = x.strip()[:80]
    return x or None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return "(empty)"


def _flag_view(f: dict) -> dict:
    d = f["decision"]
    span = d.get("span") or {}
    new = d.get("new") or {}
    return {
        "decision_id": d.get("id"),
        "decision": d.get("decision"),
        "reason": f.get("reason"),
        "message": f.get("message"),
        "article_id": d.get("article_id"),
        "text": span.get("text"),
        "label": d.get("label"),
        "new_label": new.get("label"),
        "before": span.get("before"),
        "after": span.get("after"),
        "reviewer": d.get("reviewer"),
        "time": d.get("time"),
    }


def _overview(state: ReviewState, path: str) -> dict:
    """/api/overview[?reviewed_only=1]: the overview page's data (review/overview.py)."""
    with state.lock:
        records = list(state.records)  # records are replaced on change, never mutated
    reviewed_only = parse_qs(urlsplit(path).query).get("reviewed_only") == ["1"]
    return overview(records, reviewed_only=reviewed_only)


# ---------------------------------------------------------------------- HTTP


def _static_files() -> dict[str, Path]:
    """Allow-list: the plain files directly inside static/, by name."""
    out = {}
    if STATIC_DIR.is_dir():
        for p in STATIC_DIR.iterdir():
            if p.is_file() and not p.name.startswith(".") and p.suffix in CONTENT_TYPES:
                out[p.name] = p.resolve()
    return out


class Handler(BaseHTTPRequestHandler):
    server_version = "presseschau-review"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def state(self) -> ReviewState:
        return self.server.state  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    # -------------------------------------------------------------- plumbing
    def _send(self, status: int, body: bytes, ctype: str, extra: Optional[dict] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, obj: Any) -> None:
        self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"error": message})

    def _host_ok(self) -> bool:
        allowed = getattr(self.server, "allowed_hosts", None)
        if not allowed:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        return host in allowed

    def _segments(self) -> Optional[list[str]]:
        path = urlsplit(self.path).path
        raw = path.split("/")[1:]
        segs = [unquote(s) for s in raw]
        for s in segs:
            if s in (".", "..") or "\x00" in s:
                return None
        return segs

    def _body(self) -> dict:
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise ReviewError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
        try:
            n = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            n = -1
        if n < 0 or n > MAX_BODY:
            raise ReviewError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body too large")
        raw = self.rfile.read(n) if n else b"{}"
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ReviewError(HTTPStatus.BAD_REQUEST, "invalid JSON") from None
        if not isinstance(body, dict):
            raise ReviewError(HTTPStatus.BAD_REQUEST, "JSON object expected")
        return body

    # -------------------------------------------------------------- verbs
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, "bad Host header")
        segs = self._segments()
        if segs is None:
            return self._error(HTTPStatus.FORBIDDEN, "path outside the served folders")
        try:
            if segs == [""] or segs == ["index.html"]:
                return self._static("index.html")
            if segs == ["overview"]:
                return self._static("overview.html")
            if len(segs) == 2 and segs[0] == "static":
                return self._static(segs[1])
            if segs[0] == "api":
                self.state.maybe_reload()
                if segs[1:] == ["state"]:
                    return self._json(200, self.state.overview())
                if segs[1:] == ["articles"]:
                    return self._json(200, self.state.summaries())
                if segs[1:] == ["overview"]:
                    return self._json(200, _overview(self.state, self.path))
                if len(segs) == 3 and segs[1] == "articles":
                    return self._json(200, self.state.article(segs[2]))
                if segs[1:] == ["flags"]:
                    with self.state.lock:
                        return self._json(200, [_flag_view(f) for fs in self.state.flags.values() for f in fs])
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        except ReviewError as e:
            return self._error(e.status, e.message)
        except Exception as e:  # pragma: no cover - keep serving
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(e).__name__}: {e}")

    def _static(self, name: str) -> None:
        files = getattr(self.server, "static_files", None) or _static_files()
        p = files.get(name)
        if p is None or not p.is_relative_to(STATIC_DIR):
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        self._send(200, p.read_bytes(), CONTENT_TYPES[p.suffix])

    def do_POST(self) -> None:
        if not self._host_ok():
            return self._error(HTTPStatus.FORBIDDEN, "bad Host header")
        origin = self.headers.get("Origin")
        if origin and getattr(self.server, "allowed_hosts", None):
            o = urlsplit(origin)
            if (o.netloc or "").lower() not in self.server.allowed_hosts:  # type: ignore[attr-defined]
                return self._error(HTTPStatus.FORBIDDEN, "cross-origin request refused")
        segs = self._segments()
        if segs is None:
            return self._error(HTTPStatus.FORBIDDEN, "path outside the served folders")
        try:
            if len(segs) == 4 and segs[:2] == ["api", "articles"]:
                body = self._body()
                aid, action = segs[2], segs[3]
                fn = {"decide": self.state.decide, "accept_all": self.state.accept_all, "undo": self.state.undo, "dismiss": self.state.dismiss}.get(action)
                if fn is None:
                    return self._error(HTTPStatus.NOT_FOUND, "not found")
                return self._json(200, fn(aid, body))
            if segs == ["api", "reviewer"]:
                body = self._body()
                name = _clean_reviewer(body.get("reviewer"))
                if not name:
                    raise ReviewError(HTTPStatus.BAD_REQUEST, "reviewer name needed")
                self.state.reviewer = name
                return self._json(200, {"reviewer": name})
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        except ReviewError as e:
            return self._error(e.status, e.message)
        except Exception as e:  # pragma: no cover
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(e).__name__}: {e}")


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state: ReviewState, host: str = "127.0.0.1", port: int = 8080, verbose: bool = False):
        super().__init__((host, port), Handler)
        self.state = state
        self.verbose = verbose
        self.static_files = _static_files()
        real_port = self.server_address[1]
        if host in ("0.0.0.0", "::", ""):
            self.allowed_hosts = None  # explicitly exposed: the user chose to
        else:
            names = {host, "localhost", "127.0.0.1", "[::1]"} if host in ("127.0.0.1", "localhost", "::1") else {host}
            self.allowed_hosts = {f"{n}:{real_port}" for n in names} | ({n for n in names} if real_port == 80 else set())

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        try:
            self.state.close()
        finally:
            super().server_close()


def make_server(
    data: os.PathLike | str = "outputs",
    annotations: os.PathLike | str = "annotations",
    host: str = "127.0.0.1",
    port: int = 8080,
    reviewer: Optional[str] = None,
    write_back: bool = True,
    verbose: bool = False,
) -> ReviewServer:
    state = ReviewState(data, annotations, reviewer=reviewer, write_back=write_back)
    srv = ReviewServer(state, host, port, verbose)
    state.start_writer()
    return srv


def serve(
    data: os.PathLike | str = "outputs",
    annotations: os.PathLike | str = "annotations",
    host: str = "127.0.0.1",
    port: int = 8080,
    reviewer: Optional[str] = None,
    write_back: bool = True,
    open_browser: bool = False,
    verbose: bool = False,
) -> None:
    srv = make_server(data, annotations, host, port, reviewer, write_back, verbose)
    print(f"Presseschau review: {srv.url}  (data {srv.state.articles_path}, decisions {srv.state.store.path}; Ctrl+C to stop)", flush=True)
    if open_browser:
        import webbrowser

        webbrowser.open(srv.url)
    import signal

    def _term(signum, frame):  # `kill`: stop like Ctrl+C, so the reviewed output is flushed
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, _term)
    except ValueError:  # not the main thread
        pass
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
