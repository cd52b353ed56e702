"""The review app's state and actions: `ReviewState` (no HTTP here; `routes.py` maps requests
to it, `server.py` serves them).

The pipeline's records, the decision log, and the reviewed records derived from both: loading and
reloading when another process wrote (`maybe_reload`), the article list (search, filters, sort,
pages), facets, the overview, team conflicts, one article's view, and the actions (decide,
accept_all, apply_all, undo, dismiss). Every decision is appended to
`annotations/decisions.jsonl` and fsync'ed before the action returns, then re-applied in memory to
the article it concerns; the pipeline's `articles.jsonl` is never written (the reviewed view is
derived from the log by `apply.py` wherever it is needed). Article ids are looked up in memory,
never used as paths. Errors are `ReviewError(status, message)`, the HTTP status the app answers.
"""
from __future__ import annotations

import contextlib
import copy
import datetime
import json
import os
import re
import threading
import uuid
from http import HTTPStatus
from pathlib import Path
from typing import Any, Iterator, Optional

from . import log as dec
from . import mentions, teams, words
from .apply import _find_record, _flag, apply_decisions, strip_review
from . import overview as ov
from .overview import overview as corpus_overview
from ..errors import NoRunOutput, OverlappingSpan, ReviewLogNotWritable
from ..io import read_jsonl
from ..paths import run_articles
from ..record import check_articles
from ..schema import LABELS



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
    """The pipeline's records, the decision log, and the reviewed records derived from both.

    The pipeline's `articles.jsonl` is only ever read: a decision is appended to the log and
    re-applied (`apply.apply_decisions`) to its own article in memory. Whoever needs the reviewed
    records on disk derives them through `apply.py` (`presseschau run`, `presseschau export`)."""

    def __init__(
        self,
        data: os.PathLike | str = "outputs",
        annotations: os.PathLike | str = "annotations",
        reviewer: Optional[str] = None,
    ):
        self.articles_path = run_articles(Path(data).resolve())
        self.data_dir = self.articles_path.parent
        if not self.articles_path.exists():
            raise NoRunOutput(self.articles_path)
        self.annotations_dir = Path(annotations).resolve()
        self.store = dec.DecisionStore(self.annotations_dir)
        self.reviewer = reviewer or dec.default_reviewer()
        self.lock = threading.RLock()
        self.load_error: Optional[str] = None
        self._log_error: Optional[str] = None  # the load_error saying the log cannot be looked at
        self.generation = 0  # counts the changes of `records` (a load, an article re-applied)
        self._overviews: dict[bool, tuple[int, tuple[dict, dict]]] = {}
        self.load()

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        with self.lock:
            raw = _read_jsonl(self.articles_path)
            check_articles(self.articles_path, raw)  # a line no record, an id on two lines: said, not hidden
            self._sig = _sig(self.articles_path)
            self.base = [strip_review(r) for r in raw]
            self.decisions = self.store.load()
            self._dsig = self.store.sig  # the file as read (under the log's lock), not as it is after
            self.ids = [r["id"] for r in self.base]
            self.index = {aid: i for i, aid in enumerate(self.ids)}
            # several records share a hash (the articles of one PDF read with `--pdf-articles`)
            self.by_sha: dict[str, list[dict]] = {}
            for r in self.base:
                sha = (r.get("source") or {}).get("sha256")
                if sha:
                    self.by_sha.setdefault(sha, []).append(r)
            # decisions found by a hash several articles share that fit none or several of them:
            # id() of the decision -> its flag (`apply._flag`, naming the candidates), applied nowhere
            self.unplaced: dict[int, dict] = {}
            self.by_article: dict[str, list[dict]] = {}
            self.cancels: list[dict] = []
            self.cancelled_by: dict[str, list[dict]] = {}
            self.position: dict[int, int] = {}  # id() of a decision -> its place in the log
            self.article_of: dict[str, str] = {}
            self.by_batch: dict[str, list[dict]] = {}
            for d in self.decisions:
                self._index_decision(d)
            # the log applied to the articles it concerns; the others are shown as the pipeline
            # wrote them (records are replaced on change, never mutated: sharing them is safe)
            self.records = list(self.base)
            concerned = [self.index[a] for a in self.by_article if a in self.index]
            placed = [d for d in self.decisions if id(d) not in self.unplaced] if self.unplaced else self.decisions
            reviewed, flagged = apply_decisions([self.base[i] for i in concerned], placed)
            for i, r in zip(concerned, reviewed):
                self.records[i] = r
            self.flags: dict[str, list[dict]] = {}
            live = {id(d) for d in dec.effective_decisions(self.decisions)} if self.unplaced else set()
            for f in [f for x, f in self.unplaced.items() if x in live] + flagged:
                aid = f.get("article_id")
                self.flags.setdefault(aid if aid in self.index else "", []).append(f)
            self.conflicts: dict[str, list[dict]] = {}
            for c in teams.conflicts(self.decisions):
                self.conflicts.setdefault(c["article_id"], []).append(c)
            self.generation += 1
            self._haystack: Optional[list[str]] = None
            self._words: dict[str, tuple[str, list[tuple[int, int]]]] = {}
            self.summary = [self._summary(r) for r in self.records]

    def _index_decision(self, d: dict) -> None:
        self.position[id(d)] = len(self.position)  # its place in the log
        if d.get("decision") in dec.CANCEL_KINDS:
            self.cancels.append(d)
            for x in d.get("undoes") or []:
                self.cancelled_by.setdefault(x, []).append(d)
            return
        aid = d.get("article_id")
        if aid not in self.index and d.get("article_sha256") in self.by_sha:
            # the article under a new id: found by its hash; of several records with it, the one
            # the decision's span fits, as `apply_decisions` (and `presseschau run`) place it
            rec, reason, cands = _find_record(d, {}, self.by_sha)
            if rec is not None:
                aid = rec["id"]
            else:
                self.unplaced[id(d)] = _flag(d, reason, cands)
        self.by_article.setdefault(aid, []).append(d)
        self.article_of[d.get("id")] = aid
        if d.get("batch"):
            self.by_batch.setdefault(d["batch"], []).append(d)

    def _add_decisions(self, ds: list[dict], touched: Optional[set] = None) -> None:
        """Take decisions appended to the log into the indexes and re-apply the articles concerned."""
        self.decisions.extend(ds)
        touched = set(touched or ())
        for d in ds:
            self._index_decision(d)
            if id(d) in self.unplaced:  # fits none or several of the articles with its hash: named, not applied
                self.flags.setdefault("", []).append(self.unplaced[id(d)])
            if d.get("decision") in dec.CANCEL_KINDS and self.flags.get(""):
                # an orphan withdrawn (`dismiss_orphan`, or an undo by another process): no longer listed
                gone = set(d.get("undoes") or ())
                self.flags[""] = [f for f in self.flags[""] if f["decision"].get("id") not in gone]
                if not self.flags[""]:
                    del self.flags[""]
            if d.get("decision") in dec.CANCEL_KINDS:
                # a withdraw taken back (`undo_withdraw`, or by another process): the orphan is listed again
                for x in d.get("undoes") or []:
                    for c in [c for c in self.cancels if c.get("id") == x and c.get("decision") == "dismiss"]:
                        for f in self._orphans_of(c):
                            if not self._cancelled(f["decision"].get("id")):
                                self.flags.setdefault("", []).append(f)
            touched.add(self.article_of.get(d.get("id"), d.get("article_id")))
            touched.update(self.article_of.get(x) for x in d.get("undoes") or [])
        for aid in touched:
            if aid in self.index:
                self._reapply(aid)

    def _sync_log(self) -> None:
        """Another process appended to the log: read it again and take in only what is new (the
        log is append-only); anything else (rewritten by hand) reloads everything."""
        ds = self.store.load()
        n = len(self.decisions)
        if len(ds) >= n and (n == 0 or (ds[0].get("id"), ds[n - 1].get("id")) == (self.decisions[0].get("id"), self.decisions[-1].get("id"))):
            self._dsig = self.store.sig
            self._add_decisions(ds[n:])
        else:
            self.load()

    def maybe_reload(self) -> bool:
        """Reload when the pipeline rewrote articles.jsonl, or another process (`presseschau import`,
        a second server) appended decisions, since we read them."""
        with self.lock:
            sig = _sig(self.articles_path)
            try:
                dsig = _sig(self.store.path)
            except OSError as e:  # its folder replaced by a file, no permission: keep serving what we have
                self.load_error = self._log_error = f"{self.store.path}: the review log cannot be read ({e.strerror or e})"
                return False
            if self._log_error is not None and self.load_error == self._log_error:
                self.load_error = None  # the log is back
            self._log_error = None
            if (sig != self._sig and sig is not None) or dsig != self._dsig:
                try:
                    if sig == self._sig:
                        self._sync_log()
                    else:
                        self.load()
                except (OSError, ValueError) as e:  # half-written by hand, or broken: keep serving what we have
                    self._sig = sig
                    self.load_error = str(e)
                    return False
                self.load_error = None
                return True
        return False

    def _decisions_of(self, article_id: str) -> list[dict]:
        """The article's decisions in log order, plus the undo/dismiss decisions that cancel any of
        them, each cut down to this article's ids (one undo of a corpus-wide batch lists them all:
        handing it whole to every article would cost articles x batch size)."""
        ds = self.by_article.get(article_id, [])
        mine: dict[int, tuple[dict, list[str]]] = {}
        todo = list(ds)
        while todo:  # and the undo of such a cancel (a dismiss taken back), in turn
            d = todo.pop()
            for c in self.cancelled_by.get(d.get("id"), ()):
                if id(c) not in mine:
                    todo.append(c)
                mine.setdefault(id(c), (c, []))[1].append(d["id"])
        if not mine:
            return list(ds)
        cancels = [(self.position[id(c)], dict(c, undoes=ids)) for c, ids in mine.values()]
        # in log order: which came last (a decision, or a dismiss) is what U takes back
        return [d for _, d in sorted([(self.position[id(d)], d) for d in ds] + cancels, key=lambda x: x[0])]

    def _cancelled(self, decision_id: Any) -> bool:
        """Whether a decision is cancelled by an undo or dismiss that is not itself undone."""
        return any(not self._cancelled(c.get("id")) for c in self.cancelled_by.get(decision_id, ()))

    def _reapply(self, article_id: str) -> None:
        i = self.index[article_id]
        ds = self._decisions_of(article_id)
        recs, flagged = apply_decisions([self.base[i]], ds)
        self.records[i] = recs[0]
        self.generation += 1
        self.flags[article_id] = [f for f in flagged if f.get("article_id") == article_id or f["decision"].get("article_id") not in self.index]
        if not self.flags[article_id]:
            del self.flags[article_id]
        # a conflict needs two reviewers: most articles (and every article of a batch on a corpus
        # one reviewer works through) have one, and need no look at each span
        cs = teams.conflicts(ds) if len({d.get("reviewer") for d in ds if d.get("decision") not in dec.CANCEL_KINDS}) > 1 else []
        if cs:
            self.conflicts[article_id] = cs
        else:
            self.conflicts.pop(article_id, None)
        self.summary[i] = self._summary(self.records[i])

    # ------------------------------------------------------------------ views
    def _summary(self, r: dict) -> dict:
        meta = r.get("meta") or {}
        labels: dict[str, int] = {}
        for e in r.get("entities", []):
            if e.get("status") != "rejected":
                labels[e["label"]] = labels.get(e["label"], 0) + 1
        return {
            "id": r["id"],
            "n": self.index[r["id"]] + 1,
            "title": meta.get("title") or _first_line(r.get("text", "")),
            "outlet": meta.get("outlet"),
            "published": meta.get("published"),
            "progress": dec.progress(r),
            "labels": labels,
            "flags": len(self.flags.get(r["id"], [])),
            "conflicts": len(self.conflicts.get(r["id"], [])),
            "chars": len(r.get("text", "")),
        }

    def summaries(self) -> list[dict]:
        with self.lock:
            return list(self.summary)

    def _search_text(self, i: int) -> str:
        if self._haystack is None:  # built on the first search, kept until the next load
            self._haystack = [
                "\n".join(str(x) for x in ((r.get("meta") or {}).get("title"), (r.get("meta") or {}).get("outlet"), r["id"], r.get("text", "")) if x).casefold()
                for r in self.records
            ]
        return self._haystack[i]

    def list_page(self, query: dict[str, str]) -> dict:
        """One page of the article list: search (`q`, in title, outlet, id and text), filters
        (`outlet`, `status`, `label`, `from`/`to` on the publication date), `sort`/`order`,
        `offset`/`limit`."""
        q = (query.get("q") or "").strip().casefold()
        outlet = query.get("outlet") or ""
        status = query.get("status") or ""
        label = query.get("label") or ""
        date_from, date_to = query.get("from") or "", query.get("to") or ""
        sort = query.get("sort") or "n"
        order = query.get("order") or "asc"
        desc = order == "desc"
        offset = _int(query.get("offset"), 0, 0, 10**9)
        limit = _int(query.get("limit"), 50, 1, 500)
        if sort not in SORT_KEYS:
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown sort {sort!r}; one of {', '.join(SORT_KEYS)}")
        if order not in ("asc", "desc"):  # as /api/overview/rows: a typo is said, not read as ascending
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown order {order!r}; asc or desc")
        if label and label not in LABELS:  # 'per' or 'PERSON': said, not an empty list
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown label {label!r}; one of {', '.join(LABELS)}")
        if status and status not in STATUS_FILTERS:
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown status {status!r}; one of {', '.join(STATUS_FILTERS)}")
        for name, v in (("from", date_from), ("to", date_to)):
            # compared as ISO text with `published`: '06.01.2022' would match (or miss) without a word
            if v and not _ISO_DATE.fullmatch(v):
                raise ReviewError(HTTPStatus.BAD_REQUEST, f"date {name} {v!r}: write it as YYYY-MM-DD (or YYYY-MM, YYYY)")
            if v and not _real_date(v):  # the shape is right, the month or day is not (2022-13-45)
                raise ReviewError(HTTPStatus.BAD_REQUEST, f"date {name} {v!r}: no such date")
        with self.lock:
            rows = self.summary
            if outlet:
                rows = [s for s in rows if (s["outlet"] or "") == outlet]
            if status:
                rows = [s for s in rows if STATUS_FILTERS[status](s)]
            if label:
                rows = [s for s in rows if label in s["labels"]]
            if date_from or date_to:
                # the article's period (a day, a month, a year: `published`) overlaps the range from
                # the first day of `from` to the last day of `to`: a year "2022" is in from=2022-01
                x0 = ov.parse_date_value(date_from)["x0"] if date_from else float("-inf")
                x1 = ov.parse_date_value(date_to)["x1"] if date_to else float("inf")
                rows = [s for s in rows if (p := ov.parse_date_value(s["published"])) and p["x0"] < x1 and x0 < p["x1"]]
            if q:
                rows = [s for s in rows if q in self._search_text(s["n"] - 1)]
            if sort != "n" or desc:
                rows = sorted(rows, key=SORT_KEYS[sort], reverse=desc)
            total = len(rows)
            return {"total": total, "offset": offset, "limit": limit, "items": rows[offset:offset + limit], "articles": len(self.summary)}

    def facets(self) -> dict:
        with self.lock:
            outlets: dict[str, int] = {}
            for s in self.summary:
                if s["outlet"]:
                    outlets[s["outlet"]] = outlets.get(s["outlet"], 0) + 1
            return {"outlets": sorted(outlets.items(), key=lambda x: (-x[1], x[0])), "labels": list(LABELS),
                    "status": list(STATUS_FILTERS), "sort": list(SORT_KEYS)}

    def overview(self) -> dict:
        with self.lock:
            total = {"pending": 0, "accepted": 0, "rejected": 0, "corrected": 0, "total": 0, "done": 0}
            for s in self.summary:
                for k, v in s["progress"].items():
                    total[k] = total.get(k, 0) + v
            missing = self.flags.get("", [])
            resume = self._resume()
            return {
                "resume": resume,
                "resume_title": self.summary[self.index[resume]]["title"] if resume else None,
                "reviewer": self.reviewer,
                "labels": list(LABELS),
                "articles": len(self.records),
                "progress": total,
                "decisions": len(self.decisions),
                "flags": sum(len(v) for v in self.flags.values()),
                "conflicts": sum(len(v) for v in self.conflicts.values()),
                "data": self.articles_path.name,
                "annotations": str(self.store.path.name),
                "orphans": [flag_view(f) for f in missing],
                "withdrawn": [flag_view(f) for f in self._withdrawn()],
                "load_error": self.load_error,
            }

    def corpus_overview(self, reviewed_only: bool = False) -> tuple[dict, dict]:
        """The overview page's data (`overview.overview` of the reviewed records) and the first
        page of it the app sends (`overview.first_page`), made once per
        state of the records: it counts over the whole corpus (about 0.2 s and 1.4 MB at 1,000
        articles), and the page is opened again and again between decisions. Counted outside the
        lock (records are replaced on change, never mutated); kept only if nothing changed meanwhile."""
        with self.lock:
            gen = self.generation
            hit = self._overviews.get(reviewed_only)
            if hit is not None and hit[0] == gen:
                return hit[1]
            records = list(self.records)
        full = corpus_overview(records, reviewed_only=reviewed_only)
        data = (full, ov.first_page(full))
        with self.lock:
            if self.generation == gen:
                self._overviews[reviewed_only] = (gen, data)
        return data

    def overview_page(self, reviewed_only: bool = False) -> dict:
        """What /api/overview sends: the overview with its tables' first rows (`overview.first_page`)."""
        return self.corpus_overview(reviewed_only)[1]

    def overview_rows(self, query: dict[str, str]) -> dict:
        """One page of an overview table (`overview.table_page`): `table` (figures, articles),
        `q`, `sort`, `order` (asc, desc), `offset` or `after` (a page's `next`, as JSON), `limit`
        (at most `overview.MAX_ROWS`), `reviewed_only`."""
        order = query.get("order") or "asc"
        if order not in ("asc", "desc"):
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown order {order!r}; asc or desc")
        data, _ = self.corpus_overview(query.get("reviewed_only") == "1")
        try:
            after = json.loads(query["after"]) if query.get("after") else None
        except ValueError:
            raise ReviewError(HTTPStatus.BAD_REQUEST, "`after` is not JSON: give back a page's `next`") from None
        try:
            return ov.table_page(data, query.get("table") or "", q=(query.get("q") or "").strip().lower(), sort=query.get("sort") or None,
                                 desc=order == "desc", offset=_int(query.get("offset"), 0, 0, 10**9),
                                 limit=_int(query.get("limit"), ov.FIRST_ROWS, 1, ov.MAX_ROWS), after=after)
        except ValueError as e:
            raise ReviewError(HTTPStatus.BAD_REQUEST, str(e)) from None

    def team(self) -> dict:
        with self.lock:
            return {"conflicts": [c for cs in self.conflicts.values() for c in cs], "agreement": teams.agreement(self.decisions)}

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
            s = self.summary[(start + k) % n]
            if s["progress"]["pending"]:
                return s["id"]
        return None

    def article(self, article_id: str) -> dict:
        with self.lock:
            rec = self._get(article_id)
            i = self.index[article_id]
            view = copy.deepcopy(rec)
            conflicts = self.conflicts.get(article_id, [])
            sha = dec.text_sha256(rec["text"])
            last = dec.last_undoable(self._decisions_of(article_id), article_id)
            by_span: dict[tuple, list[dict]] = {}
            for c in conflicts:
                if c["text_sha256"] == sha:
                    by_span.setdefault((c["start"], c["end"]), []).append(c)
            for ent in view["entities"]:
                rv = ent.pop("review", None)
                if rv:
                    ent["reviewed_by"] = rv.get("reviewer")
                    ent["restored"] = bool(rv.get("restored"))
                    ent["changed_since"] = rv.get("changed_since") or []
                    orig = rv.get("original")
                    ent["original"] = {k: orig.get(k) for k in ("start", "end", "text", "label", "value")} if orig else None
                cs = by_span.get((ent["start"], ent["end"]))
                if cs:
                    ent["conflict"] = [_conflict_view(c) for c in cs]
            view.pop("review_flags", None)
            for rm in view.get("removed", []):
                rm["clean_at"] = dec.clean_offset_of_raw(rec, rm["start"])
            view.get("source", {}).pop("offsets", None)
            return {
                "record": view,
                "progress": dec.progress(rec),
                "flags": [flag_view(f) for f in self.flags.get(article_id, [])],
                "conflicts": [_conflict_view(c) for c in conflicts],
                "prev": self.ids[i - 1] if i > 0 else None,
                "next": self.ids[i + 1] if i + 1 < len(self.ids) else None,
                "position": i + 1,
                "count": len(self.ids),
                "can_undo": bool(last),
                # what U takes back now: the page sends it with the undo (`expect`), so that a
                # decision made meanwhile in another tab or by another reviewer is not undone unseen
                "undo_id": last[-1].get("id") if last else None,
                "words": words.flat(self.words(article_id)),
            }

    def words(self, article_id: str) -> list[tuple[int, int]]:
        """The article's words (`words.words_of`), computed once per text."""
        rec = self._get(article_id)
        sha = dec.text_sha256(rec["text"])
        hit = self._words.get(article_id)
        if hit is None or hit[0] != sha:
            hit = self._words[article_id] = (sha, words.words_of(rec))
        return hit[1]

    def _check_words(self, article_id: str, rec: dict, body: dict, new: dict, ent: Optional[dict] = None) -> None:
        """A new span must keep whole words, unless the reviewer chose a sub-word (`subword: true`)."""
        if body.get("subword") is True:
            return
        s, e = new.get("start", ent and ent["start"]), new.get("end", ent and ent["end"])
        if ent is not None and (s, e) == (ent["start"], ent["end"]):
            return  # a relabel or a value edit: the span is the one the model gave
        why = words.check_span(rec["text"], s, e, self.words(article_id))
        if why:
            raise ReviewError(HTTPStatus.BAD_REQUEST, why)

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
        # the types are the route's schema's (`routes.ACTION_BODY`); the span against this text here
        n = len(rec["text"])
        if key[1] <= key[0]:
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"entity.end: {key[1]} is not after entity.start {key[0]}")
        if key[1] > n:
            raise ReviewError(HTTPStatus.BAD_REQUEST, f"entity.end: {key[1]} is beyond the article's text ({n} characters)")
        for e in rec["entities"]:
            if dec.entity_key(e) == key:
                return e
        # relabelled or moved meanwhile (another tab, another reviewer): say by whom and to what
        now = sorted((e for e in rec["entities"] if e.get("review") and e["start"] < key[1] and key[0] < e["end"]),
                     key=lambda e: ((e["start"], e["end"]) != key[:2], e["start"]))
        if now:
            e = now[0]
            raise ReviewError(HTTPStatus.CONFLICT, f"“{rec['text'][key[0]:key[1]]}” {key[2]} was changed meanwhile: "
                              f"{e['review'].get('reviewer') or 'someone'} made it {e['label']} “{e['text']}” ({e.get('status')}). "
                              "The article is shown as it is now; decide again if you disagree")
        raise ReviewError(HTTPStatus.CONFLICT, "that entity is not (or no longer) in the article; reload")

    def _check_seen(self, ent: dict, seen: Any, reviewer: str) -> None:
        """Refuse a decision made on a stale view: the entity changed since the reviewer's page
        showed it (another reviewer decided meanwhile). Never overwrite that silently."""
        if not isinstance(seen, dict) or "status" not in seen:
            return
        rv = ent.get("review") or {}
        if seen.get("status") != ent.get("status") or (seen.get("reviewed_by") or None) != (rv.get("reviewer") or None):
            who = rv.get("reviewer") or "someone"
            raise ReviewError(HTTPStatus.CONFLICT, f"“{ent['text']}” was changed meanwhile: {who} set it to {ent.get('status')}; "
                              f"your page showed {seen.get('status')}. The article is shown as it is now; decide again if you disagree")

    def _resolves(self, article_id: str, rec: dict, spans: list[tuple[int, int]]) -> list[str]:
        sha = dec.text_sha256(rec["text"])
        ids = []
        for c in self.conflicts.get(article_id, []):
            if c["text_sha256"] == sha and (c["start"], c["end"]) in spans:
                ids.extend(p["decision_id"] for p in c["positions"])
        return ids

    @staticmethod
    def _rivals(rec: dict, d: dict) -> list[dict]:
        """The entities a decision that says "this span is a LOC" rules out: those of another label
        on exactly that span not rejected yet (two reviewers added it as LOC and as MISC)."""
        if d.get("decision") not in ("accept", "add", "correct"):
            return []
        span = d.get("new_span") or d.get("span") or {}
        label = (d.get("new") or {}).get("label") or d.get("label")
        own = (d["span"]["start"], d["span"]["end"], d.get("label")) if d.get("decision") == "correct" else None
        return [e for e in rec["entities"] if (e["start"], e["end"]) == (span.get("start"), span.get("end")) and e["label"] != label
                and e.get("status") != "rejected" and dec.entity_key(e) != own]

    def decide(self, article_id: str, body: dict) -> dict:
        action = body.get("action")
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        with self.lock, self._writing():
            rec = self._get(article_id)
            try:
                if action in ("accept", "reject"):
                    ent = self._find_entity(rec, body.get("entity"))
                    self._check_seen(ent, body.get("seen"), reviewer)
                    d = dec.make_decision(rec, action, ent, reviewer=reviewer)
                elif action == "correct":
                    ent = self._find_entity(rec, body.get("entity"))
                    self._check_seen(ent, body.get("seen"), reviewer)
                    new = body.get("new")
                    if not isinstance(new, dict):
                        raise ReviewError(HTTPStatus.BAD_REQUEST, "correct needs `new`")
                    self._check_words(article_id, rec, body, new, ent)
                    d = dec.make_decision(rec, "correct", ent, new, reviewer=reviewer)
                elif action == "add":
                    new = body.get("new")
                    if not isinstance(new, dict):
                        raise ReviewError(HTTPStatus.BAD_REQUEST, "add needs `new`")
                    self._check_words(article_id, rec, body, new)
                    d = dec.make_decision(rec, "add", new=new, reviewer=reviewer)
                else:
                    raise ReviewError(HTTPStatus.BAD_REQUEST, f"unknown action {action!r}")
            except OverlappingSpan as e:  # the entity in the way may be one made since the page showed the article
                raise ReviewError(HTTPStatus.CONFLICT, str(e)) from None
            except (ValueError, TypeError, KeyError) as e:
                raise ReviewError(HTTPStatus.BAD_REQUEST, str(e)) from None
            if body.get("resolve") is True:
                spans = [(d["span"]["start"], d["span"]["end"])] + ([(d["new_span"]["start"], d["new_span"]["end"])] if d.get("new_span") else [])
                ids = self._resolves(article_id, rec, spans)
                if ids:
                    d["resolves"] = ids  # a reviewer shown the conflict settles it (a field added to the log)
                    rivals = self._rivals(rec, d)
                    if rivals:  # "it is a LOC" settles two reviewers' LOC and MISC: the MISC goes, one undo step
                        d["batch"] = "b-" + uuid.uuid4().hex
                        self._commit([d] + [dec.make_decision(rec, "reject", e, reviewer=reviewer, batch=d["batch"]) for e in rivals])
                        return self.article(article_id)
            self._commit([d])
            return self.article(article_id)

    def accept_all(self, article_id: str, body: dict) -> dict:
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        labels = body.get("labels")
        sources = body.get("sources")
        for name, given in (("labels", labels), ("sources", sources)):
            # `"labels": 5` was a TypeError (500), `"labels": "LOC"` filtered by substring
            if given is not None and not (isinstance(given, list) and all(isinstance(x, str) for x in given)):
                raise ReviewError(HTTPStatus.BAD_REQUEST, f"{name} is a list of names or null, not {given!r}")
        with self.lock, self._writing():
            rec = self._get(article_id)
            batch = "b-" + uuid.uuid4().hex
            ds, skipped, shown = [], [], 0
            for e in rec["entities"]:
                if e.get("status") != "pending":
                    continue
                if labels and e["label"] not in labels:
                    continue
                if sources and e.get("source") not in sources:
                    continue
                shown += 1
                try:
                    d = dec.make_decision(rec, "accept", e, reviewer=reviewer, batch=batch)
                except OverlappingSpan:
                    d = None
                if d is None or dec.overlapping_kept(ds, d) is not None:
                    # it overlaps an entity kept (before, or by this batch): left pending, for the reviewer to decide
                    skipped.append({k: e[k] for k in ("start", "end", "text", "label")})
                    continue
                ds.append(d)
            if isinstance(body.get("expect"), int) and body["expect"] != shown:
                # the reviewer confirmed a number: if the article changed meanwhile, ask again
                raise ReviewError(HTTPStatus.CONFLICT, f"{shown} entities are pending now, not {body['expect']}; look again")
            self._commit(ds)
            view = self.article(article_id)
            view["skipped"] = skipped
            return view

    def apply_all(self, article_id: str, body: dict) -> dict:
        """The selected entity's decision for every mention of its text (in the article, or with
        `scope: corpus` in every article): one batch, undone as one. `dry_run` only counts."""
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        scope = body.get("scope") or "article"
        if scope not in ("article", "corpus"):
            raise ReviewError(HTTPStatus.BAD_REQUEST, "scope is article or corpus")
        with self.lock, self._writing(not body.get("dry_run")):
            rec = self._get(article_id)
            ent = self._find_entity(rec, body.get("entity"))
            self._check_seen(ent, body.get("seen"), reviewer)
            batch = "b-" + uuid.uuid4().hex
            targets = [rec] if scope == "article" else self.records
            plan = mentions.plan(ent, targets, own=(article_id, ent["start"], ent["end"]))
            if body.get("dry_run"):
                return {"decisions": len(plan), "articles": len({aid for aid, *_ in plan}), "mentions": sum(1 for p in plan if p[1] != "self")}
            ds = []
            try:
                for aid, kind, target, new in plan:
                    r = self._get(aid)
                    ds.append(dec.make_decision(r, kind, target, new, reviewer=reviewer, batch=batch))
            except OverlappingSpan as e:  # the selected entity itself overlaps one kept (the mentions that do are left out)
                raise ReviewError(HTTPStatus.CONFLICT, str(e)) from None
            except ValueError as e:
                raise ReviewError(HTTPStatus.BAD_REQUEST, str(e)) from None
            self._commit(ds)
            view = self.article(article_id)
            view["applied"] = {"decisions": len(ds), "articles": len({d["article_id"] for d in ds})}
            return view

    def undo(self, article_id: str, body: dict) -> dict:
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        with self.lock, self._writing():
            rec = self._get(article_id)
            last = dec.last_undoable(self._decisions_of(article_id), article_id)
            if not last:
                raise ReviewError(HTTPStatus.CONFLICT, "nothing to undo in this article")
            expect = body.get("expect")
            if isinstance(expect, str) and expect != last[-1].get("id"):
                # the page's last decision is not the article's last any more (another tab, another
                # reviewer decided meanwhile): undoing that one unseen would be a silent overwrite
                x = last[-1]
                what = f"{x.get('reviewer') or 'someone'}'s {x.get('decision')} of “{(x.get('span') or {}).get('text', '')}”"
                raise ReviewError(HTTPStatus.CONFLICT, f"the last decision in this article is now {what}, made meanwhile; "
                                  "the article is shown as it is now: undo again to take that one back")
            batch = last[-1].get("batch")
            if batch:  # a batch may span articles ("apply to all mentions in the corpus"): all of it
                last = [d for d in self.by_batch.get(batch, ()) if not self._cancelled(d.get("id"))]
            d = dec.make_decision(rec, "undo", undoes=[x["id"] for x in last], reviewer=reviewer)
            self._commit([d], touched={x.get("article_id") for x in last} | {article_id})
            view = self.article(article_id)
            # the entities this undo gave back in this article, as they were before the decision
            # (the page selects one of them rather than jumping to the first pending entity)
            view["undone"] = [{"start": x["span"]["start"], "end": x["span"]["end"], "label": x["label"]}
                              for x in last if x.get("article_id") == article_id and x.get("span") and x.get("label")]
            return view

    def dismiss(self, article_id: str, body: dict) -> dict:
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        did = body.get("decision_id")
        with self.lock, self._writing():
            rec = self._get(article_id)
            if not any(f["decision"].get("id") == did for f in self.flags.get(article_id, [])):
                raise ReviewError(HTTPStatus.CONFLICT, "no such flagged decision in this article")
            d = dec.make_decision(rec, "dismiss", undoes=[did], reviewer=reviewer)
            self._commit([d])
            return self.article(article_id)

    def _orphans_of(self, cancel: dict) -> list[dict]:
        """The flags (as the orphans list gives them) of the decisions `cancel` names that fit no
        article of the output: their article is gone, or they fit none or several of those with their hash."""
        out = []
        for x in cancel.get("undoes") or []:
            aid = self.article_of.get(x)
            d = next((y for y in self.by_article.get(aid, ()) if y.get("id") == x), None)
            if d is None:
                continue
            if id(d) in self.unplaced:
                out.append(self.unplaced[id(d)])
            elif aid not in self.index:
                out.append(_flag(d, "article_missing", []))
        return out

    def _withdrawn(self) -> list[dict]:
        """The orphans withdrawn (*Withdraw*: a dismiss not taken back), which *Undo* lists again."""
        out, seen = [], set()
        for c in self.cancels:
            if c.get("decision") != "dismiss" or self._cancelled(c.get("id")):
                continue
            for f in self._orphans_of(c):
                did = f["decision"].get("id")
                # withdrawn by dismisses only (an undo made in its article before it left the output is no withdraw)
                if did not in seen and all(x.get("decision") == "dismiss" for x in self.cancelled_by.get(did, ()) if not self._cancelled(x.get("id"))):
                    seen.add(did)
                    out.append(f)
        return out

    def undo_withdraw(self, body: dict) -> dict:
        """Take back the *Withdraw* of an orphan (`dismiss_orphan`): an `undo` of its dismiss line
        appended to the log; the orphan is listed again. Answers the state (`overview`)."""
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        did = body.get("decision_id")
        with self.lock, self._writing():
            if not any(f["decision"].get("id") == did for f in self._withdrawn()):
                raise ReviewError(HTTPStatus.CONFLICT, "no such withdrawn decision (taken back meanwhile?); reload")
            live = [c for c in self.cancelled_by.get(did, ()) if c.get("decision") == "dismiss" and not self._cancelled(c.get("id"))]
            self._commit([dec.make_cancel(c, "undo", reviewer=reviewer) for c in live])
            return self.overview()

    def dismiss_orphan(self, body: dict) -> dict:
        """Withdraw a decision listed among the orphans (its article is not in the output, or its
        hash is shared by several articles and it fits none or several of them): a `dismiss` line
        appended to the log, as *Dismiss* does for a decision flagged in an article. The orphan
        stays in the log, cancelled; answers the state (`overview`)."""
        reviewer = clean_reviewer(body.get("reviewer")) or self.reviewer
        did = body.get("decision_id")
        with self.lock, self._writing():
            orphan = next((f["decision"] for f in self.flags.get("", []) if f["decision"].get("id") == did), None)
            if orphan is None:
                raise ReviewError(HTTPStatus.CONFLICT, "no such orphaned decision (withdrawn meanwhile?); reload")
            d = dec.make_cancel(orphan, "dismiss", reviewer=reviewer)
            self._commit([d])
            return self.overview()

    @contextlib.contextmanager
    def _writing(self, write: bool = True) -> Iterator[None]:
        """An action's check and its append, atomic between processes: the log's lock is held
        from before the check (after taking in what others appended) until the append is done,
        so a decision made on a page another process made stale is refused (409), not appended."""
        if not write:
            yield
            return
        with self.store.locked():
            if self._log_changed():
                self._sync_log()  # another process appended: check against the log as it is
            yield

    def _log_changed(self) -> bool:
        """Whether the log is not the one last read or written; a log that cannot even be looked
        at (its folder replaced by a file, no permission) cannot be written either."""
        try:
            return dec.file_sig(self.store.path) != self._dsig
        except OSError as e:
            raise ReviewLogNotWritable(self.store.path, e) from e

    def _commit(self, ds: list[dict], touched: Optional[set] = None) -> None:
        """Append to the log (fsync'ed), then re-apply the log to the articles concerned, in memory."""
        if not ds:
            return
        with self.store.locked():
            if self._log_changed():
                self._sync_log()  # someone else appended meanwhile
            self.store.append(ds)
            self._dsig = self.store.sig  # taken under the lock: nothing appended after ours is taken as read
        self._add_decisions(ds, touched)

    def close(self) -> None:
        """Nothing to flush: every decision is in the log the moment it is made."""


def _int(x: Optional[str], default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(x))) if x not in (None, "") else default
    except ValueError:
        raise ReviewError(HTTPStatus.BAD_REQUEST, f"not a number: {x!r}") from None


SORT_KEYS = {
    "n": lambda s: s["n"],
    "title": lambda s: (s["title"] or "").casefold(),
    "outlet": lambda s: ((s["outlet"] or "").casefold(), s["n"]),
    "published": lambda s: (s["published"] or "", s["n"]),
    "pending": lambda s: (s["progress"]["pending"], s["n"]),
    "progress": lambda s: (s["progress"]["done"] / s["progress"]["total"] if s["progress"]["total"] else 1.0, s["n"]),
    "flags": lambda s: (s["flags"] + s["conflicts"], s["n"]),
}
STATUS_FILTERS = {
    "pending": lambda s: s["progress"]["pending"] > 0,
    "done": lambda s: s["progress"]["pending"] == 0,
    "untouched": lambda s: s["progress"]["done"] == 0 and s["progress"]["total"] > 0,
    "flagged": lambda s: s["flags"] > 0,
    "conflict": lambda s: s["conflicts"] > 0,
}


_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _real_date(v: str) -> bool:
    """Whether a date of `_ISO_DATE`'s shape names a real year, month or day."""
    y, m, d = (v.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _conflict_view(c: dict) -> dict:
    return {k: c[k] for k in ("start", "end", "label", "text")} | {
        "positions": [{k: p[k] for k in ("reviewer", "decision", "says", "time", "decision_id")} for p in c["positions"]]}


def clean_reviewer(x: Any) -> Optional[str]:
    """A reviewer's name as the log records it: one line (inner white space one blank), at most 80
    characters; None for no name. The app's and the annotation tools' names (`interop.labelstudio.user_name`)."""
    if not isinstance(x, str):
        return None
    x = " ".join(x.split())[:80]
    return x or None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return "(empty)"


def flag_view(f: dict) -> dict:
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
