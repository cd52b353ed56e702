"""`presseschau review`: a local web app over the pipeline's output; this module does its HTTP.

Standard library only (`http.server.ThreadingHTTPServer`); the front end is plain files in
`static/` (no build step, no CDN). Here: `Handler` with its guards (Host, Origin on POST, the
token and its cookie), the static pages, reading a request's body, and `ReviewServer`,
`make_server`, `serve`; every `/api/` request goes to `routes.dispatch` (the route table), which
calls the app's state and actions (`state.ReviewState`). Every decision is appended to
`annotations/decisions.jsonl` and fsync'ed before the answer goes back; the pipeline's
`articles.jsonl` is never written. The server only ever reads the files of its static folder (by
an allow-list of names) and the output/annotation files it was started on; article ids are
looked up in memory, never used as paths. Bound to another address than the loopback, it asks
for a token (printed at start, in the URL; kept in a same-site cookie) on every request.
"""
from __future__ import annotations

import errno
import hmac
import json
import os
import secrets
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qsl, urlsplit

from .routes import dispatch, json_body, split_path
from .state import ReviewError, ReviewState
from ..errors import CannotStart
from ..paths import STATIC_DIR

__all__ = ["Handler", "ReviewServer", "ReviewState", "make_server", "serve"]

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
    # headers and body go out in two writes: without TCP_NODELAY the body waits for the
    # client's delayed ACK (40 ms on Linux) on a kept-alive connection
    disable_nagle_algorithm = True

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

    def _origin_ok(self) -> bool:
        """A POST from a page of another origin is refused. With a known host list the Origin
        must be one of them; bound to every address, it must name the host the request went to."""
        origin = self.headers.get("Origin")
        if (self.headers.get("Sec-Fetch-Site") or "").lower() == "cross-site":
            return False
        if not origin:
            return True
        netloc = (urlsplit(origin).netloc or "").lower()
        allowed = getattr(self.server, "allowed_hosts", None)
        if allowed:
            return netloc in allowed
        return netloc == (self.headers.get("Host") or "").strip().lower()

    def _token_ok(self) -> tuple[bool, bool]:
        """(allowed, came in the URL): the server's token in the query, a header or the cookie."""
        token = getattr(self.server, "token", None)
        if not token:
            return True, False
        q = dict(parse_qsl(urlsplit(self.path).query))
        if q.get("token") and hmac.compare_digest(q["token"], token):
            return True, True
        given = self.headers.get("X-Presseschau-Token") or ""
        for part in (self.headers.get("Cookie") or "").split(";"):
            k, _, v = part.strip().partition("=")
            if k == TOKEN_COOKIE:
                given = given or v
        return bool(given) and hmac.compare_digest(given, token), False

    def _guard(self) -> bool:
        if not self._host_ok():
            self._error(HTTPStatus.FORBIDDEN, "bad Host header")
            return False
        ok, _ = self._token_ok()
        if not ok:
            self._error(HTTPStatus.UNAUTHORIZED, "token required: open the URL `presseschau review` printed at start")
            return False
        return True

    def _segments(self) -> Optional[list[str]]:
        return split_path(urlsplit(self.path).path)

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
        return json_body(self.rfile.read(n) if n else b"{}")

    def _api(self, method: str) -> None:
        """An `/api/` request: the route table answers (`routes.dispatch`); the body is read
        only once a route matched."""
        url = urlsplit(self.path)
        self._json(*dispatch(self.state, method, url.path, url.query, self._body if method == "POST" else None))

    # -------------------------------------------------------------- verbs
    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._guard():
            return
        segs = self._segments()
        if segs is None:
            return self._error(HTTPStatus.FORBIDDEN, "path outside the served folders")
        try:
            if segs == [""] or segs == ["index.html"]:
                _, in_url = self._token_ok()
                cookie = {"Set-Cookie": f"{TOKEN_COOKIE}={self.server.token}; Path=/; HttpOnly; SameSite=Strict"} if in_url else None  # type: ignore[attr-defined]
                return self._static("index.html", cookie)
            if segs == ["overview"]:
                return self._static("overview.html")
            if len(segs) == 2 and segs[0] == "static":
                return self._static(segs[1])
            if segs[0] == "api":
                return self._api("GET")
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        except Exception as e:  # pragma: no cover - keep serving
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(e).__name__}: {e}")

    def _static(self, name: str, extra: Optional[dict] = None) -> None:
        files = getattr(self.server, "static_files", None) or _static_files()
        p = files.get(name)
        if p is None or not p.is_relative_to(STATIC_DIR):
            return self._error(HTTPStatus.NOT_FOUND, "not found")
        self._send(200, p.read_bytes(), CONTENT_TYPES[p.suffix], extra)

    def do_POST(self) -> None:
        if not self._guard():
            return
        if not self._origin_ok():
            return self._error(HTTPStatus.FORBIDDEN, "cross-origin request refused")
        if self._segments() is None:
            return self._error(HTTPStatus.FORBIDDEN, "path outside the served folders")
        try:
            return self._api("POST")
        except Exception as e:  # pragma: no cover
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(e).__name__}: {e}")


TOKEN_COOKIE = "presseschau_token"
ANY_ADDRESS = ("0.0.0.0", "::", "")


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state: ReviewState, host: str = "127.0.0.1", port: int = 8080, verbose: bool = False, token: Optional[str] = None):
        self.state = state  # before binding: a failed bind calls server_close()
        try:
            super().__init__((host, port), Handler)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise CannotStart(f"port {port} is in use on {host}; choose another with --port") from None
            raise CannotStart(f"cannot serve on {host}:{port}: {e.strerror or e}") from None
        self.verbose = verbose
        self.static_files = _static_files()
        real_port = self.server_address[1]
        loopback = host in ("127.0.0.1", "localhost", "::1")
        # off the loopback anyone on the network can reach the app: every request needs the token
        self.token: Optional[str] = token or (None if loopback else secrets.token_urlsafe(24))
        if host in ANY_ADDRESS:
            self.allowed_hosts = None  # reachable under any name: the token and the Origin check guard it
        else:
            names = {host, "localhost", "127.0.0.1", "[::1]"} if loopback else {host}
            self.allowed_hosts = {f"{n}:{real_port}" for n in names} | ({n for n in names} if real_port == 80 else set())

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = "127.0.0.1" if host in ANY_ADDRESS else host
        return f"http://{host}:{port}/" + (f"?token={self.token}" if self.token else "")

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
    verbose: bool = False,
    token: Optional[str] = None,
) -> ReviewServer:
    state = ReviewState(data, annotations, reviewer=reviewer)
    return ReviewServer(state, host, port, verbose, token)


def serve(
    data: os.PathLike | str = "outputs",
    annotations: os.PathLike | str = "annotations",
    host: str = "127.0.0.1",
    port: int = 8080,
    reviewer: Optional[str] = None,
    open_browser: bool = False,
    verbose: bool = False,
) -> None:
    srv = make_server(data, annotations, host, port, reviewer, verbose)
    print(f"Presseschau review: {srv.url}  (data {srv.state.articles_path}, decisions {srv.state.store.path}; Ctrl+C to stop)", flush=True)
    if srv.token:
        print(f"Listening on {host}: every request needs the token in that URL (open it once; the browser keeps it).", flush=True)
    if open_browser:
        import webbrowser

        webbrowser.open(srv.url)
    import signal

    def _term(signum, frame):  # `kill`: stop like Ctrl+C
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
