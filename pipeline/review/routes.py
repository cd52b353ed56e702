"""The review app's route table and dispatch: which API request calls which `ReviewState` action.

`ROUTES` lists every route of `/api/` as `Route(method, pattern, handler, body)`, `body` the JSON Schema
of the request body's fields, checked before the handler (`check_body`: a 400 naming the field); a `{name}` segment of
a pattern matches any one (percent-decoded) path segment and reaches the handler in `params`. A
handler is a small function `(state, params, query, body) -> payload` (JSON-serialisable) that
raises `ReviewError(status, message)` for an error. `dispatch(state, method, path, query, body)`
finds the route and answers `(status, payload)`, an error as `{"error": message}`; a path no
route matches, or one that only a route of another method matches, is 404 "not found".
`server.py` does the HTTP around it (host, origin and token guards, static pages, reading the
body); `TestClient` sends requests straight to `dispatch`, in-process and without sockets (as
datasette's `ds.client` does), for tests.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Callable, Mapping, Optional, Union
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import ReviewLogNotWritable
from .state import ReviewError, ReviewState, clean_reviewer, flag_view

Query = dict[str, list[str]]  # as `urllib.parse.parse_qs` gives it: every value of each name
Body = Optional[dict]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str  # "/api/articles/{id}": literal segments and `{name}` parameters
    handler: Callable[[ReviewState, dict[str, str], Query, Body], Any]
    # a JSON Schema of the body's fields (`check_body`), checked before the handler; or a function of the
    # route's parameters giving it (one route serves every article action, each with its own body)
    body: Union[dict, Callable[[dict[str, str]], Optional[dict]], None] = None

    def match(self, method: str, segs: list[str]) -> Optional[dict[str, str]]:
        """The route's parameters if it serves this method and these path segments, else None."""
        pattern = self.pattern.split("/")[1:]
        if method != self.method or len(pattern) != len(segs):
            return None
        params = {}
        for p, s in zip(pattern, segs):
            if p.startswith("{") and p.endswith("}"):
                params[p[1:-1]] = s
            elif p != s:
                return None
        return params


# ---------------------------------------------------------------------- request bodies
#: an offset into the article's text: a whole number (5.0 is 5, as `review.log.offset` reads it), not "5", 0.5, true
OFFSET = {"type": "integer"}
#: the entity a decision is about, as the page has it (`ReviewState._find_entity` finds it in the article)
ENTITY_REF = {"type": "object", "required": ["start", "end", "label"],
              "properties": {"start": {**OFFSET, "minimum": 0}, "end": {**OFFSET, "minimum": 1}, "label": {"type": "string"}}}
#: the body of POST /api/articles/{id}/decide: the types of the fields it may carry (which fields an
#: action needs, and offsets against the text, the action checks)
ACTION_BODY = {"type": "object", "properties": {
    "entity": ENTITY_REF,
    "new": {"type": "object", "properties": {"start": OFFSET, "end": OFFSET, "label": {"type": "string"}}},
}}
#: a decision's id (undo's `expect`, the page's last decision; dismiss's `decision_id`)
DECISION_ID = {"type": "string"}
#: the bodies of the article actions (`ACTIONS`). A guard of the wrong type was passed over: accept_all's
#: `expect` "3" (the number of pending entities the reviewer confirmed) accepted whatever was pending,
#: undo's `expect` 5 undid whatever decision was last
ACTION_BODIES = {
    "decide": ACTION_BODY,
    "apply_all": {"type": "object", "properties": {"entity": ENTITY_REF}},
    "accept_all": {"type": "object", "properties": {"expect": {"type": "integer", "minimum": 0}}},
    "undo": {"type": "object", "properties": {"expect": DECISION_ID}},
    "dismiss": {"type": "object", "properties": {"decision_id": DECISION_ID}},
}
ORPHAN_BODY = {"type": "object", "properties": {"decision_id": DECISION_ID}}


def check_body(schema: dict, body: Any) -> None:
    """The request body against its route's schema: the first field of a wrong type or value is a
    `ReviewError` 400 naming it ("entity.start: offsets are whole numbers, not '1'"; a string "1", a
    float 1.5, true, -1 as `entity.start` were read with int() and answered 409 "that entity is not
    (or no longer) in the article; reload"). One place for the types of the fields the schemas name (the
    entity reference, the guards `expect` and `decision_id`); the handlers check the other fields they read."""
    import jsonschema

    err = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(body))
    if err is not None:
        field = ".".join(str(p) for p in err.absolute_path) or "body"
        if err.validator == "type" and err.validator_value == "integer" and field.endswith(("start", "end")):
            why = f"offsets are whole numbers, not {err.instance!r}"
        else:
            why = err.message
        raise ReviewError(HTTPStatus.BAD_REQUEST, f"{field}: {why}")


# ---------------------------------------------------------------------- handlers (GET)
def get_state(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    return state.overview()


def list_articles(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    return state.list_page({k: v[-1] for k, v in query.items()})  # a name given twice: the last


def get_facets(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    return state.facets()


def get_team(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    return state.team()


def get_overview(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    """/api/overview[?reviewed_only=1]: the overview page's data (review/overview.py), its
    tables' first rows only (`overview.first_page`)."""
    return state.overview_page(reviewed_only=query.get("reviewed_only") == ["1"])


def get_overview_rows(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    """/api/overview/rows?table=figures|articles&q=&sort=&order=&offset=&limit=&reviewed_only=:
    one page of an overview table, filtered and sorted."""
    return state.overview_rows({k: v[-1] for k, v in query.items()})


def get_article(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    return state.article(params["id"])


def list_flags(state: ReviewState, params: dict, query: Query, body: Body) -> list:
    with state.lock:
        return [flag_view(f) for fs in state.flags.values() for f in fs]


# ---------------------------------------------------------------------- handlers (POST)
ACTIONS = tuple(ACTION_BODIES)  # ReviewState methods (article_id, body): each with its body's schema


def article_action(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    if params["action"] not in ACTIONS:
        raise ReviewError(HTTPStatus.NOT_FOUND, "not found")
    state.maybe_reload()
    return getattr(state, params["action"])(params["id"], body)


def dismiss_orphan(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    """POST /api/orphans/dismiss {decision_id}: withdraw a decision listed among the orphans."""
    state.maybe_reload()
    return state.dismiss_orphan(body)


def undo_withdraw(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    """POST /api/orphans/undo {decision_id}: take back the withdraw of an orphan (listed again)."""
    state.maybe_reload()
    return state.undo_withdraw(body)


def set_reviewer(state: ReviewState, params: dict, query: Query, body: Body) -> dict:
    name = clean_reviewer(body.get("reviewer"))
    if not name:
        raise ReviewError(HTTPStatus.BAD_REQUEST, "reviewer name needed")
    state.reviewer = name
    return {"reviewer": name}


ROUTES = [
    Route("GET", "/api/state", get_state),
    Route("GET", "/api/articles", list_articles),
    Route("GET", "/api/facets", get_facets),
    Route("GET", "/api/team", get_team),
    Route("GET", "/api/overview", get_overview),
    Route("GET", "/api/overview/rows", get_overview_rows),
    Route("GET", "/api/articles/{id}", get_article),
    Route("GET", "/api/flags", list_flags),
    Route("POST", "/api/articles/{id}/{action}", article_action, lambda params: ACTION_BODIES.get(params["action"])),
    Route("POST", "/api/orphans/dismiss", dismiss_orphan, ORPHAN_BODY),
    Route("POST", "/api/orphans/undo", undo_withdraw, ORPHAN_BODY),
    Route("POST", "/api/reviewer", set_reviewer),
]


# ---------------------------------------------------------------------- dispatch
def split_path(path: str) -> Optional[list[str]]:
    """A URL path's segments, percent-decoded; None for a path that names `.`, `..` or a NUL."""
    segs = [unquote(s) for s in path.split("/")[1:]]
    if any(s in (".", "..") or "\x00" in s for s in segs):
        return None
    return segs


def find_route(method: str, segs: list[str]) -> Optional[tuple[Route, dict[str, str]]]:
    for route in ROUTES:
        params = route.match(method, segs)
        if params is not None:
            return route, params
    return None


def json_body(raw: bytes) -> dict:
    """A request body: a JSON object, else `ReviewError` 400."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ReviewError(HTTPStatus.BAD_REQUEST, "invalid JSON") from None
    except RecursionError:  # "[[[[…" 100,000 deep: the parser's recursion limit, not a server fault
        raise ReviewError(HTTPStatus.BAD_REQUEST, "JSON nested too deeply") from None
    if not isinstance(body, dict):
        raise ReviewError(HTTPStatus.BAD_REQUEST, "JSON object expected")
    return body


def dispatch(
    state: ReviewState,
    method: str,
    path: str,
    query: Union[str, Mapping[str, Any], None] = None,
    body: Union[dict, Callable[[], dict], None] = None,
) -> tuple[int, Any]:
    """Answer one API request: `(status, payload)`.

    `path` is the URL path (no query); `query` the query string or a mapping (name -> value or
    list of values); `body` the request's JSON object, or a function that reads it, called only
    once a route matched (the server reads no body for a path that has none; a body it cannot
    read is that request's error). Every GET of `/api/` first takes in what other processes
    wrote (`maybe_reload`); the article actions do so after the body is read and the action
    known. A log that cannot be written (`errors.ReviewLogNotWritable`) is 503 with its message;
    other errors than `ReviewError` are raised."""
    segs = split_path(path)
    if segs is None:
        return HTTPStatus.FORBIDDEN, {"error": "path outside the served folders"}
    try:
        if method == "GET" and segs[:1] == ["api"]:
            state.maybe_reload()
        found = find_route(method, segs)
        if found is None:
            raise ReviewError(HTTPStatus.NOT_FOUND, "not found")
        route, params = found
        if callable(body):
            body = body()
        schema = route.body(params) if callable(route.body) else route.body
        if schema is not None:
            check_body(schema, body)
        return HTTPStatus.OK, route.handler(state, params, _query(query), body)
    except ReviewError as e:
        return e.status, {"error": e.message}
    except ReviewLogNotWritable as e:  # nothing saved, nothing lost: the page says so, GETs go on
        return HTTPStatus.SERVICE_UNAVAILABLE, {"error": e.message}


def _query(query: Union[str, Mapping[str, Any], None]) -> Query:
    if query is None:
        return {}
    if isinstance(query, str):
        return parse_qs(query)
    return {k: [str(x) for x in v] if isinstance(v, (list, tuple)) else [str(v)] for k, v in query.items()}


# ---------------------------------------------------------------------- in-process client
class TestClient:
    """Requests to `dispatch` in-process, no sockets (datasette's `ds.client`): `.get(path)`,
    `.post(path, body)` answer `(status, payload)`, the payload as it would arrive in JSON. The
    HTTP-only guards (host, origin, token, content type, body size) are not on this way in; the
    socket tests (tests/test_review_server.py) check them."""

    __test__ = False  # not a pytest class

    def __init__(self, state: ReviewState):
        self.state = state

    def request(self, method: str, path: str, body: Union[dict, Callable[[], dict], None] = None) -> tuple[int, Any]:
        url = urlsplit(path)
        status, payload = dispatch(self.state, method, url.path, url.query, body)
        return int(status), json.loads(json.dumps(payload, ensure_ascii=False))

    def get(self, path: str) -> tuple[int, Any]:
        return self.request("GET", path)

    def post(self, path: str, body: Any = None, raw: Optional[bytes] = None) -> tuple[int, Any]:
        """`body` sent as JSON (`{}` if None), or `raw` bytes as they are."""
        data = raw if raw is not None else json.dumps({} if body is None else body).encode("utf-8")
        return self.request("POST", path, lambda: json_body(data))
