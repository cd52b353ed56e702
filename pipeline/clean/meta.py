"""Article metadata found while cleaning: publication dates in German spellings, title,
outlet, authors, section."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..schema import Meta
from .data import _Data, _data
from .lines import _Ctx

# --------------------------------------------------------------------------------------------
# dates


#: no publication date lies after this year: "(APA, 30.9.3015)" closing a derStandard article
#: (10kGNAD gnad413) is a typo, not the year 3015 (a Unix time is read between 1990 and 2100 too)
_LAST_YEAR = 2100


def _parse_date(s: str, D: _Data, exists: bool = True) -> Optional[str]:
    """A date spelt as ISO or German -> ISO; None when it is none. `exists`: the day must exist
    and lie before _LAST_YEAR's end (else only the month and day numbers are checked: a date's
    shape, which a signature "(APA, 30.9.3015)" has)."""
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s)
    if m:
        y, mo, d = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= mo <= 12:
            return None
        if exists and not _exists(int(y), mo, int(d or 1)):
            return None
        return f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d else "")
    m = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})", s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})", s)
        if not m or m.group(2).lower() not in D.months:
            return None
        d, mo, y = int(m.group(1)), D.months[m.group(2).lower()], int(m.group(3))
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if exists and not _exists(y, mo, d):
        return None  # "30.2.2020", "31.9.2015": no day, as "2020-02-30" is none for iso_date
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _exists(y: int, mo: int, d: int) -> bool:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return y <= _LAST_YEAR


def iso_date(value: object) -> Optional[str]:
    """The one parser for metadata dates (a page's "Stand:" line, a JSONL record's
    ``published``, an HTML page's date): ISO strings and timestamps keep their date part
    ('2016-05-03T10:00:00Z' -> '2016-05-03'), German spellings are read ('6.1.2022',
    '6. Januar 2022', also as a timestamp: 'Donnerstag, 6.1.2022, 12:33 Uhr'); a year or a month keeps that
    precision ('2022', '2022-01', 'Januar 2022' -> '2022-01'); None when the value is no date."""
    s = str(value).strip()
    # the ISO date at the start, and no more digits after it: a Unix timestamp (1124539200) or
    # a longer number is no year; '20050820' is ISO 8601's basic format
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?!\d)", s) or re.match(r"^(\d{4})(\d{2})(\d{2})(?![\d-])", s)
    if m:
        y, mo, d = m.groups()
        if not _exists(int(y), int(mo or 1), int(d or 1)):  # 2020-02-30, 2020-13, 3015
            return None
        return y + (f"-{mo}" if mo else "") + (f"-{d}" if d else "")
    # a German timestamp keeps its date part, as an ISO one does: "07.01.2022 12:33",
    # "Freitag, 7. Januar 2022, 12:33 Uhr" (a weekday before it, a time after it)
    s = _GERMAN_TIME.sub("", _GERMAN_WEEKDAY.sub("", s))
    D = _data()
    day = _parse_date(s, D)
    if day is None:
        # a month in German ("Januar 2022", "Jan. 2022", "Jänner 2022"): the month, as "2022-01" keeps it; no day made up
        m = re.fullmatch(r"([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})", s)
        mo = D.months.get(m.group(1).lower()) if m else None
        if mo and _exists(int(m.group(2)), mo, 1):
            return f"{m.group(2)}-{mo:02d}"
    return day


_GERMAN_WEEKDAY = re.compile(r"^(?:Mo(?:ntag)?|Di(?:enstag)?|Mi(?:ttwoch)?|Do(?:nnerstag)?|Fr(?:eitag)?|Sa(?:mstag)?|"
                             r"Sonnabend|So(?:nntag)?)\.?,?\s+(?=\d)")
_GERMAN_TIME = re.compile(r"(?<=\d),?\s+(?:um\s+)?\d{1,2}(?::\d{2}(?::\d{2})?\s*(?:Uhr)?|\.\d{2}\s*Uhr|\s*Uhr)$")


def _build_meta(ctx: _Ctx) -> Meta:
    meta = Meta()
    best: dict[str, tuple[tuple[int, ...], object]] = {}
    authors: list[str] = []
    for prio, field, value, label in ctx.meta_cands:
        if field == "authors":
            if value not in authors:
                authors.append(value)  # type: ignore[arg-type]
            continue
        if field == "published":
            # a full date beats a month; at one priority a publication label beats an update
            # label ("Aktualisiert am 22.08.2005" above "Veröffentlicht am 20.08.2005")
            rank = (0 if len(str(value)) == 10 else 1, prio, label)
        else:
            rank = (0, prio, label)
        if field not in best or rank < best[field][0]:  # type: ignore[operator]
            best[field] = (rank, value)  # type: ignore[assignment]
    meta.title = best.get("title", (0, None))[1]  # type: ignore[assignment]
    meta.outlet = best.get("outlet", (0, None))[1]  # type: ignore[assignment]
    meta.published = best.get("published", (0, None))[1]  # type: ignore[assignment]
    meta.section = best.get("section", (0, None))[1]  # type: ignore[assignment]
    meta.place = best.get("place", (0, None))[1]  # type: ignore[assignment]
    meta.authors = authors
    return meta
