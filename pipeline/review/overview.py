"""The overview of a reviewed corpus: who and what it is about, when, how much, and how far
the review has come (`presseschau report` and the review app's overview page).

Pure functions over *reviewed* records, i.e. records with the decision log applied by
`review.apply.apply_decisions` (`load_reviewed` does that; the overlay is never repeated
here). Everything returned is plain JSON-ready data; the page (`static/overview.js`) only
draws it.

Counting rules, the same in every part:
- rejected entities never count;
- with ``reviewed_only`` only accepted and corrected ones count, otherwise pending ones too
  (each name row still says how many of its mentions are reviewed);
- people, organisations and places are grouped by their canonical name, or by their text
  where they have none (e.g. an entity a reviewer added before the linker ran on it).
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import os
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..errors import NoRunOutput
from ..io import BadLine, iter_jsonl
from ..paths import run_articles
from ..record import check_unique_ids, is_article_record
from ..schema import LABELS
from .apply import apply_decisions_from
from .log import KEPT, progress as article_progress

NAME_LABELS = ("PER", "ORG", "LOC")
REVIEWED = KEPT
STATUS_ORDER = ("accepted", "corrected", "pending", "rejected")
#: the granularity of a DATE value on the timeline, finest first
PRECISIONS = ("day", "week", "month", "part", "year", "decade", "century")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: articles listed per name or date (most mentions first; the page shows fewer, and the count of all is kept)
MAX_ARTICLES = 50
#: TIMEX3 year parts: (first month, number of months, name)
YEAR_PARTS = {
    "SP": (3, 3, "spring"), "SU": (6, 3, "summer"), "FA": (9, 3, "autumn"), "WI": (12, 3, "winter"),
    "Q1": (1, 3, "Q1"), "Q2": (4, 3, "Q2"), "Q3": (7, 3, "Q3"), "Q4": (10, 3, "Q4"),
    "H1": (1, 6, "H1"), "H2": (7, 6, "H2"),
}


# --------------------------------------------------------------------------- loading


def load_reviewed(data: os.PathLike | str, annotations: os.PathLike | str | None = "annotations",
                  warn: Optional[Callable[[str], None]] = None, flagged: Optional[list[dict]] = None) -> list[dict]:
    """The reviewed view of a run: `articles.jsonl` (a folder or the file) with the review log
    of `annotations/` applied. A line that is not a JSON object with an id and entities is
    reported through `warn` (file and line) and left out; a missing file raises FileNotFoundError.
    `flagged`, when given, receives the decisions that no longer fit (`apply_decisions`)."""
    path = run_articles(data)
    if not path.is_file():
        raise NoRunOutput(path)
    from ..interop import json_array_rows

    say = warn or (lambda m: None)
    array = json_array_rows(path)  # one JSON list of records, read as `export` reads it
    records = [] if array is None else array
    for lineno, rec in iter_jsonl(path) if array is None else ():
        if isinstance(rec, BadLine):
            say(f"{path}:{lineno}: invalid JSON line ({rec.msg}), left out")
        elif not is_article_record(rec):
            say(f"{path}:{lineno}: not an article record (id, text, entities), left out")
        else:
            records.append(rec)
    check_unique_ids(path, records)  # decisions name articles by id: one record per id
    if annotations is None:
        return records
    reviewed, flags = apply_decisions_from(records, annotations)
    if flagged is not None:
        flagged.extend(flags)
    return reviewed


# --------------------------------------------------------------------------- helpers


def article_title(record: dict) -> str:
    """The headline, else the first non-empty line of the text (shortened), else the id."""
    title = (record.get("meta") or {}).get("title")
    if title:
        return str(title)
    for line in str(record.get("text") or "").splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= 90 else line[:89] + "…"
    return record["id"]


def _counted(ent: dict, reviewed_only: bool) -> bool:
    st = ent.get("status", "pending")
    return st in REVIEWED if reviewed_only else st != "rejected"


def _entities(records: Iterable[dict], labels: Iterable[str], reviewed_only: bool) -> Iterable[tuple[dict, dict]]:
    wanted = set(labels)
    for rec in records:
        for ent in rec.get("entities", []):
            if ent.get("label") in wanted and _counted(ent, reviewed_only):
                yield rec, ent


def name_key(ent: dict) -> str:
    """What a person, organisation or place is counted under: its canonical name, else its text."""
    canonical = ent.get("canonical")
    if isinstance(canonical, str) and canonical.strip():
        return canonical.strip()
    return " ".join(str(ent.get("text", "")).split())


def _most(per_article: Counter[str]) -> list[list]:
    """[article id, mentions] of the `MAX_ARTICLES` articles with the most mentions."""
    return [[a, c] for a, c in sorted(per_article.items(), key=lambda x: (-x[1], x[0]))[:MAX_ARTICLES]]


# --------------------------------------------------------------------------- names


def top_names(records: list[dict], top: int = 20, reviewed_only: bool = False) -> dict[str, dict]:
    """Per label of `NAME_LABELS`: the `top` most mentioned names, each with its mention count,
    how many of those are reviewed, the articles it occurs in (how many; ids with the mentions
    there, most first, at most `MAX_ARTICLES`) and its surface forms; plus how many distinct
    names and mentions the label has in all."""
    out: dict[str, dict] = {}
    for label in NAME_LABELS:
        mentions: Counter[str] = Counter()
        reviewed: Counter[str] = Counter()
        per_article: dict[str, Counter[str]] = defaultdict(Counter)
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for rec, ent in _entities(records, (label,), reviewed_only):
            key = name_key(ent)
            if not key:
                continue
            mentions[key] += 1
            reviewed[key] += ent.get("status") in REVIEWED
            per_article[key][rec["id"]] += 1
            forms[key][" ".join(str(ent.get("text", "")).split())] += 1
        ranked = sorted(mentions, key=lambda k: (-mentions[k], -len(per_article[k]), k.casefold()))
        out[label] = {
            "distinct": len(mentions),
            "mentions": sum(mentions.values()),
            "top": [
                {
                    "name": k,
                    "count": mentions[k],
                    "reviewed": reviewed[k],
                    "n_articles": len(per_article[k]),
                    "articles": _most(per_article[k]),
                    "forms": [[f, c] for f, c in forms[k].most_common(5)],
                }
                for k in ranked[:top]
            ],
        }
    return out


# --------------------------------------------------------------------------- dates


def _days_in_year(y: int) -> int:
    return 366 if y > 0 and calendar.isleap(y) else 365


def _frac(y: int, month: int = 1, day: int = 1) -> float:
    """A calendar day as a fractional year (the timeline's x axis)."""
    if y <= 0:  # no proleptic calendar before year 1: months are evenly spaced there
        return y + (month - 1) / 12 + (day - 1) / 365
    doy = dt.date(y, month, day).timetuple().tm_yday
    return y + (doy - 1) / _days_in_year(y)


def _year_label(y: int) -> str:
    return f"{-y + 1} BC" if y <= 0 else str(y)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def parse_date_value(value: Any) -> Optional[dict]:
    """A calendar DATE value (the forms `nlp.dates` writes: YYYY-MM-DD, YYYY-Www, YYYY-MM,
    YYYY-SP/SU/FA/WI, YYYY-Q1..4, YYYY-H1/2, YYYY, decade YYY, century YY; a leading minus for
    years BC) as its precision, the fractional years [x0, x1) it covers and a readable label;
    None for anything else (durations, sets, unresolved values).

    Hand-written: these are TIMEX3 values (seasons, quarters, decades, centuries, BC years),
    which ISO date parsers (datetime, dateutil, isodate) reject; days and weeks go through
    `datetime`, which also rejects impossible dates."""
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"(-?)(\d{2,4})(?:-(W\d{2}|\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]))?(?:-(\d{2}))?", value)
    if not m:
        return None
    sign, digits, part, day = m.groups()
    if len(digits) < 4:
        if part or day:
            return None
        n = int(digits) * (-1 if sign else 1)
        if len(digits) == 3:
            return {"precision": "decade", "x0": n * 10, "x1": n * 10 + 10, "label": f"{n * 10}s"}
        if sign:  # "-04": the 5th century BC
            return {"precision": "century", "x0": n * 100 - 100, "x1": n * 100, "label": f"{_ordinal(-n + 1)} century BC"}
        return {"precision": "century", "x0": n * 100, "x1": n * 100 + 100, "label": f"{_ordinal(n + 1)} century"}
    y = int(digits) * (-1 if sign else 1)
    try:
        if part is None:
            return {"precision": "year", "x0": y, "x1": y + 1, "label": _year_label(y)}
        if day is not None:
            d = dt.date(y, int(part), int(day))
            x0 = _frac(y, d.month, d.day)
            return {"precision": "day", "x0": x0, "x1": x0 + 1 / _days_in_year(y), "label": f"{d.day} {MONTHS[d.month - 1]} {_year_label(y)}"}
        if part.startswith("W"):
            monday = dt.date.fromisocalendar(y, int(part[1:]), 1)
            x0 = _frac(monday.year, monday.month, monday.day)
            return {"precision": "week", "x0": x0, "x1": x0 + 7 / 365.25, "label": f"week {int(part[1:])} of {_year_label(y)}"}
        if part in YEAR_PARTS:
            first, months, name = YEAR_PARTS[part]
            x0 = _frac(y, first)
            return {"precision": "part", "x0": x0, "x1": x0 + months / 12, "label": f"{name} {_year_label(y)}"}
        month = int(part)
        x0 = _frac(y, month)
        return {"precision": "month", "x0": x0, "x1": x0 + 1 / 12, "label": f"{MONTHS[month - 1]} {_year_label(y)}"}
    except ValueError:  # month 13, day 31 in April, week 54, ...
        return None


DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "TM": "minute", "S": "second"}


def duration_label(value: str) -> str:
    """An ISO 8601 duration in words ("P30Y" -> "30 years", "P1Y6M" -> "1 year 6 months");
    the value itself where it is not one (e.g. "PXY", an unknown number of years)."""
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", value)
    if not m or not any(m.groups()):
        return value
    parts = []
    for n, unit in zip(m.groups(), DURATION_UNITS.values()):
        if n is not None:
            parts.append(f"{n} {unit}{'' if n == '1' else 's'}")
    return " ".join(parts)


def _date_kind(ent: dict) -> str:
    value, kind = ent.get("value"), ent.get("type")
    if value is None or value == "":
        return "unresolved"
    if kind == "duration" or (kind is None and isinstance(value, str) and value.startswith("P")):
        return "duration"
    if kind == "set" or (kind is None and isinstance(value, str) and value.startswith("R")):
        return "set"
    return "date"


def timeline(records: list[dict], reviewed_only: bool = False) -> dict:
    """The DATE values mentioned across the corpus.

    ``points``: one per calendar value (day, week, month, part of a year, year, decade, century)
    with its precision, x range in fractional years, mention count, articles and surface forms;
    ``durations`` and ``sets``: the same per value, apart (they have no place on a calendar);
    ``unresolved``: mentions whose value could not be computed (e.g. a weekday in an undated
    article) or is not a calendar form this page knows.
    """
    groups: dict[str, dict[str, dict]] = {"date": {}, "duration": {}, "set": {}}
    unresolved = 0
    for rec, ent in _entities(records, ("DATE",), reviewed_only):
        kind = _date_kind(ent)
        parsed = parse_date_value(ent.get("value")) if kind == "date" else None
        if kind == "unresolved" or (kind == "date" and parsed is None):
            unresolved += 1
            continue
        value = str(ent["value"])
        g = groups[kind].get(value)
        if g is None:
            label = {"label": duration_label(value)} if kind == "duration" else {"label": value}
            g = groups[kind][value] = {"value": value, **(parsed or label), "count": 0, "reviewed": 0, "_articles": Counter(), "_forms": Counter()}
        g["count"] += 1
        g["reviewed"] += ent.get("status") in REVIEWED
        g["_articles"][rec["id"]] += 1
        g["_forms"][" ".join(str(ent.get("text", "")).split())] += 1

    def finish(g: dict) -> dict:
        arts, forms = g.pop("_articles"), g.pop("_forms")
        g["n_articles"] = len(arts)
        g["articles"] = _most(arts)
        g["forms"] = [[f, c] for f, c in forms.most_common(5)]
        return g

    points = sorted((finish(g) for g in groups["date"].values()), key=lambda g: (g["x0"], PRECISIONS.index(g["precision"])))
    by_count = lambda g: (-g["count"], g["value"])  # noqa: E731
    return {
        "points": points,
        "durations": sorted((finish(g) for g in groups["duration"].values()), key=by_count),
        "sets": sorted((finish(g) for g in groups["set"].values()), key=by_count),
        "unresolved": unresolved,
    }


# --------------------------------------------------------------------------- figures


def figure_rows(records: list[dict], reviewed_only: bool = False) -> list[dict]:
    """Every counted FIGURE as a table row (value, unit, qualifier, about, event, the text, the
    article, the review status), in article order and then text order."""
    rows = []
    for rec, ent in _entities(records, ("FIGURE",), reviewed_only):
        rows.append({
            "value": ent.get("value"), "unit": ent.get("unit"), "qualifier": ent.get("qualifier"),
            "about": ent.get("about"), "event": ent.get("event"), "text": ent.get("text"),
            "article": rec["id"], "start": ent.get("start"), "status": ent.get("status", "pending"),
        })
    return rows


# --------------------------------------------------------------------------- review progress


def review_progress(records: list[dict]) -> dict:
    """Review progress per label (entities by status), per article (`log.progress` of each)
    and in all, with the articles counted as done (no pending entity left), started, not
    started, or without entities."""
    per_label = {lab: {s: 0 for s in STATUS_ORDER} for lab in LABELS}
    articles = []
    states = {"done": 0, "started": 0, "not_started": 0, "empty": 0}
    for rec in records:
        for ent in rec.get("entities", []):
            row = per_label.setdefault(str(ent.get("label")), {s: 0 for s in STATUS_ORDER})
            st = ent.get("status", "pending")
            row[st] = row.get(st, 0) + 1
        p = article_progress(rec)
        state = "empty" if p["total"] == 0 else "done" if p["pending"] == 0 else "started" if p["done"] else "not_started"
        states[state] += 1
        articles.append({"id": rec["id"], "state": state, **{k: p.get(k, 0) for k in STATUS_ORDER + ("total", "done")}})
    for row in per_label.values():
        row["total"] = sum(row[s] for s in STATUS_ORDER)
    total = {s: sum(r[s] for r in per_label.values()) for s in STATUS_ORDER + ("total",)}
    return {"per_label": per_label, "articles": articles, "states": states, "total": total}


# --------------------------------------------------------------------------- all of it


def _year(published: Any) -> Optional[int]:
    """The year of a publication date as the page reads it (`parseInt` of its first 4 characters)."""
    m = re.match(r"\s*\+?(\d+)", str(published or "")[:4])
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def totals(articles: dict[str, dict], figures: list[dict]) -> dict:
    """The counts the page shows over whole tables (the review app sends only their first rows):
    articles, the publication years' range, figures, the articles with figures, figures per event."""
    years = [y for y in (_year(a.get("published")) for a in articles.values()) if y]
    events: Counter[str] = Counter(r["event"] for r in figures if r.get("event"))
    return {
        "articles": len(articles),
        "published_years": [min(years), max(years)] if years else None,
        "figures": len(figures),
        "figure_articles": len({r["article"] for r in figures}),
        "events": [[e, n] for e, n in sorted(events.items(), key=lambda x: -x[1])],
    }


def overview(records: list[dict], top: int = 20, reviewed_only: bool = False) -> dict:
    """Everything the overview page shows, from reviewed records."""
    articles = {
        r["id"]: {
            "title": article_title(r),
            "outlet": (r.get("meta") or {}).get("outlet"),
            "published": (r.get("meta") or {}).get("published"),
        }
        for r in records
    }
    figures = figure_rows(records, reviewed_only)
    return {
        "articles": articles,
        "reviewed_only": reviewed_only,
        "labels": list(LABELS),
        "names": top_names(records, top, reviewed_only),
        "timeline": timeline(records, reviewed_only),
        "figures": figures,
        "progress": review_progress(records),
        "totals": totals(articles, figures),
    }


# --------------------------------------------------------------------------- the app's pages of it

#: rows of each table the review app's /api/overview sends; the rest come from `table_page`
FIRST_ROWS = 50
#: the most rows one request of `table_page` answers
MAX_ROWS = 500
TABLES = ("figures", "articles")
_STATE_ORDER = ("done", "started", "not_started", "empty")


def _columns(data: dict, table: str) -> dict[str, Callable[[dict], Any]]:
    """The value of each column of the page's table (`static/overview.js`, `figuresSection` and
    `progressSection`): what it filters on and sorts by."""
    meta = lambda r, k: (data["articles"].get(r["id"]) or {}).get(k)  # noqa: E731
    if table == "figures":
        return {
            "value": lambda r: r["value"],
            "unit": lambda r: r["unit"], "qualifier": lambda r: r["qualifier"], "about": lambda r: r["about"],
            "event": lambda r: r["event"], "text": lambda r: r["text"],
            "article": lambda r: (data["articles"].get(r["article"]) or {}).get("title") or r["article"],
            "status": lambda r: r["status"],
        }
    return {
        "title": lambda r: meta(r, "title") or r["id"], "outlet": lambda r: meta(r, "outlet"),
        "published": lambda r: meta(r, "published"),
        "state": lambda r: _STATE_ORDER.index(r["state"]) if r["state"] in _STATE_ORDER else -1,
        "share": lambda r: r["done"] / r["total"] if r["total"] else None,
        **{s: (lambda r, s=s: r[s]) for s in STATUS_ORDER},
    }


def _js_text(x: Any) -> str:
    """`String(x ?? "")` as the page writes a cell's value."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    return str(x)


def _blank(x: Any) -> bool:
    return x is None or x == ""


def _collate(text: str) -> tuple[str, str]:
    """A sort key near the page's `localeCompare(…, "de")`: letters first without their accents
    and case ("Ärzte" beside "Arzt", not after "Zoll"), then case-folded."""
    folded = text.casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)), folded


def _num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _rows_of(data: dict, table: str) -> list[dict]:
    return data["figures"] if table == "figures" else data["progress"]["articles"]


def row_key(table: str, row: dict) -> list:
    """A row's place in its table apart from the sorted column, as a cursor names it: its
    article, and for a figure its span (start, length)."""
    if table == "figures":
        return [row["article"], row["start"], len(str(row.get("text") or ""))]
    return [row["id"]]


def table_page(data: dict, table: str, q: str = "", sort: Optional[str] = None, desc: bool = False,
               offset: int = 0, limit: int = FIRST_ROWS, after: Optional[dict] = None) -> dict:
    """One page of a table of the overview `data`, filtered and sorted as the page does it: `q`
    (lower case) in the text of a row's cells, `sort` a column (blanks last either way; numbers
    by value, text case-insensitively; rows of one value in the run's order), `offset`/`limit`.
    With the titles of the articles its rows name, and `next`: where the page ends (the last
    row's sort value `v` and key `k`, `row_key`). `after` (a `next`; `offset` then unused) starts
    the page after that row wherever the table now has it: *show more* while another tab's
    decisions change the rows (by offset a row skipped or shown twice when one before it came,
    went or moved). Raises ValueError for an unknown table or column, or a malformed `after`."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    cols = _columns(data, table)
    if sort and sort not in cols:
        raise ValueError(f"unknown column {sort!r}; one of {', '.join(cols)}")
    rank = {a: i for i, a in enumerate(data["articles"])}
    n_key = 3 if table == "figures" else 1

    def place(k: Any) -> tuple:
        if not (isinstance(k, list) and len(k) == n_key and k[0] in rank and all(_num(x) for x in k[1:])):
            raise ValueError(f"`after` names no row of the {table} table")
        return (rank[k[0]], *k[1:])

    value = cols[sort] if sort else None

    def cmp(a: tuple, b: tuple) -> int:  # (value, collated text, place): the page's comparator (text: localeCompare, here case-folded)
        x, y = a[0], b[0]
        o = 0
        if value is None or x == y:
            pass
        elif _blank(x) or _blank(y):
            return _blank(x) - _blank(y)  # blanks last, either way
        elif _num(x) and _num(y):
            o = (x > y) - (x < y)
        else:
            o = (a[1] > b[1]) - (a[1] < b[1])
        o = -o if desc else o
        return o or (a[2] > b[2]) - (a[2] < b[2])

    def keyed(r: dict) -> tuple:
        v = value(r) if value else None
        return (v, _collate(_js_text(v)), place(row_key(table, r)))

    rows = _rows_of(data, table)
    if q:
        q = q.lower()
        rows = [r for r in rows if q in " ".join(_js_text(v(r)) for v in cols.values()).lower()]
    matched = len(rows)
    if sort:
        rows = sorted(rows, key=lambda r: functools.cmp_to_key(cmp)(keyed(r)))
    if after is not None:
        if not isinstance(after, dict) or (sort and "v" not in after):
            raise ValueError(f"`after` names no row of the {table} table")
        v = after.get("v")
        cur = (v, _collate(_js_text(v)), place(after.get("k")))
        rest = [r for r in rows if cmp(keyed(r), cur) > 0]
        offset, page = matched - len(rest), rest[:limit]
    else:
        page = rows[offset:offset + limit]
    last = page[-1] if page else None
    nxt = ({"v": value(last) if value else None, "k": row_key(table, last)} if last is not None else after)
    ids = {r["article"] if table == "figures" else r["id"] for r in page}
    return {"table": table, "total": len(_rows_of(data, table)), "matched": matched, "offset": offset,
            "limit": limit, "rows": page, "next": nxt, "articles": {a: data["articles"][a] for a in ids if a in data["articles"]}}


def first_page(data: dict, first: int = FIRST_ROWS) -> dict:
    """The overview as the review app sends it: the tables' first `first` rows (their totals in
    ``totals``; more by `table_page`) and the titles of only the articles the payload names, so
    the page's size does not grow with the corpus (12 MB at 10,000 articles with every row)."""
    out = dict(data, figures=data["figures"][:first], progress=dict(data["progress"], articles=data["progress"]["articles"][:first]))
    ids = {r["article"] for r in out["figures"]} | {r["id"] for r in out["progress"]["articles"]}
    for info in data["names"].values():
        for row in info["top"]:
            ids.update(a for a, _ in row["articles"])
    for key in ("points", "durations", "sets"):
        for g in data["timeline"][key]:
            ids.update(a for a, _ in g["articles"])
    out["articles"] = {a: m for a, m in data["articles"].items() if a in ids}
    # where each table's first rows end: *show more* asks for the rows after it (`table_page`'s `after`)
    out["next"] = {t: {"v": None, "k": row_key(t, rows[-1])} if rows else None
                   for t, rows in (("figures", out["figures"]), ("articles", out["progress"]["articles"]))}
    return out
