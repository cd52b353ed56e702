"""One row per entity (CSV, Parquet) with pandas: typed columns, the value split into a number
(FIGURE) and an ISO string (DATE), with the DATE's `type` (date, duration, set) beside it and the
article's `meta.url` (columns added at the end: existing column positions do not move).

Parquet (`parquet_table`) adds two typed date columns at the end, `published_day` and
`value_day`: the calendar day as a Parquet DATE where `published` / a DATE entity's value (of
`type` date) is one whole day, else null. `published` and `value_date` stay strings beside them,
as they can be a month ("2022-09"), a year, a week or a duration ("P3M"), which a date type
cannot hold, and readers of the string columns go on working. The CSV has exactly the columns of
`TABLE_COLUMNS`; `csv-excel` is that table as German Excel opens a CSV (UTF-8 with BOM, ';',
decimal comma) and `xlsx` as an Excel workbook (`xlsx_bytes`, with openpyxl)."""
from __future__ import annotations

import datetime
import re
from typing import Optional

from ..errors import ExportTooLarge
from .common import KEEP

TABLE_COLUMNS = ["article_id", "title", "outlet", "published", "start", "end", "raw_start", "raw_end", "text", "label", "source", "status",
                 "value", "value_number", "value_date", "unit", "about", "qualifier", "event", "canonical", "reviewer", "type", "url"]
PARQUET_COLUMNS = TABLE_COLUMNS + ["published_day", "value_day"]
XLSX_MAX_ROWS = 1_048_576  # an Excel sheet's rows, the header included
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# characters an xlsx cell cannot hold (XML 1.0): control characters but tab, newline, carriage return
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_MAX_CELL = 32_767  # the characters an Excel cell holds (openpyxl cuts a longer text there without a word)


def entities_table(records: list[dict], accepted_only: bool = False):
    import pandas as pd

    rows = []
    for r in records:
        m = r.get("meta") or {}
        for e in r.get("entities", []):
            if accepted_only and e.get("status") not in KEEP:
                continue
            v = e.get("value")
            rows.append({
                "article_id": r["id"], "title": m.get("title"), "outlet": m.get("outlet"), "published": m.get("published"),
                "start": e["start"], "end": e["end"], "raw_start": e.get("raw_start"), "raw_end": e.get("raw_end"),
                "text": e["text"], "label": e["label"], "source": e.get("source"), "status": e.get("status"),
                "value": None if v is None else str(v),
                "value_number": float(v) if e["label"] == "FIGURE" and isinstance(v, (int, float)) and not isinstance(v, bool) else None,
                "value_date": v if e["label"] == "DATE" and isinstance(v, str) else None,
                "unit": e.get("unit"), "about": e.get("about"), "qualifier": e.get("qualifier"), "event": e.get("event"), "canonical": e.get("canonical"),
                "reviewer": (e.get("review") or {}).get("reviewer") or e.get("reviewer"),
                "type": e.get("type") if e["label"] == "DATE" else None, "url": m.get("url"),
            })
    df = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    for c in ("start", "end", "raw_start", "raw_end"):
        df[c] = df[c].astype("Int64")
    df["value_number"] = df["value_number"].astype("float64")
    for c in ("article_id", "title", "outlet", "published", "text", "label", "source", "status", "value", "value_date", "unit", "about", "qualifier", "event", "canonical", "reviewer", "type", "url"):
        df[c] = df[c].astype("string")
    return df


def iso_day(v) -> Optional[datetime.date]:
    """The calendar day of an ISO string that is one whole day (YYYY-MM-DD, a real date), else
    None: a month, a year, a week, a duration, nothing."""
    if not isinstance(v, str) or not _ISO_DAY.fullmatch(v):
        return None
    try:
        return datetime.date.fromisoformat(v)
    except ValueError:  # 2022-02-30
        return None


def _day(values, keep=None):
    """A date32 column of `iso_day`, null where `keep` is False."""
    import pandas as pd
    import pyarrow as pa

    keep = [True] * len(values) if keep is None else list(keep)
    days = [iso_day(None if pd.isna(v) else v) if k else None for v, k in zip(values, keep)]
    return pd.Series(days, index=values.index, dtype=object).astype(pd.ArrowDtype(pa.date32()))


def parquet_table(records: list[dict], accepted_only: bool = False):
    """`entities_table` with the typed date columns of Parquet (`PARQUET_COLUMNS`)."""
    df = entities_table(records, accepted_only)
    df["published_day"] = _day(df["published"])
    df["value_day"] = _day(df["value_date"], (df["label"] == "DATE").fillna(False).astype(bool) & (df["type"] == "date").fillna(False).astype(bool))
    return df


# a text cell a spreadsheet reads as a formula (OWASP "CSV injection"): =, +, -, @, tab, carriage return first
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")  # "-0,25", "+1.5e-05": a number, no formula


def formula_like(v) -> bool:
    """Whether text `v` would be a formula to Excel or LibreOffice (a title "=HYPERLINK(…)", an
    entity "-0,25 Prozent"), a number such as "-0,25" aside: numbers stay numbers."""
    return isinstance(v, str) and v.startswith(_FORMULA_START) and not _NUMBER.fullmatch(v)


def excel_csv_bytes(df) -> bytes:
    """The table as German Excel reads a CSV it is given by a double click: UTF-8 with a BOM
    (else cp1252: "Ã¼" for "ü"), ';' between the fields (',' is its decimal mark), decimal comma,
    also in the `value` text of a FIGURE ("0,5", which Excel reads as a number; "0.5" it read as a
    date, 0. Mai). A text cell that would be a formula (`formula_like`) gets a `'` before it
    (OWASP): the plain `csv`, for pandas and R, keeps every text as it is."""
    df = df.copy()
    fig = df["value_number"].notna() & df["value"].notna()
    df.loc[fig, "value"] = df.loc[fig, "value"].str.replace(".", ",", regex=False)
    for c in df.columns:
        if df[c].dtype == "string":
            df[c] = df[c].map(lambda v: "'" + v if formula_like(v) else v, na_action="ignore").astype("string")
    return df.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def xlsx_bytes(df, warn=None) -> bytes:
    """The table as an Excel workbook: one sheet, a header row (frozen, with a filter), numbers as
    numbers and every text as text: an id "00123" keeps its zeros, a value "2022-01" stays a
    string, a title that starts with "=" is no formula. Characters a cell cannot hold (control
    characters) are left out and a text longer than a cell holds (`XLSX_MAX_CELL`) is cut there,
    both said through `warn`. More rows than a sheet holds: ExportTooLarge."""
    import io
    import numbers

    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.utils import get_column_letter

    if len(df) + 1 > XLSX_MAX_ROWS:
        raise ExportTooLarge(f"{len(df)} rows: an Excel sheet holds {XLSX_MAX_ROWS - 1} below its header; "
                             "export csv or parquet, or fewer entities (--accepted-only)")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("entities")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    ws.append(list(df.columns))
    stripped = cut = 0
    for row in df.itertuples(index=False, name=None):
        cells = []
        for v in row:
            if v is None or v is pd.NA or (isinstance(v, float) and v != v):
                cells.append(None)
                continue
            if isinstance(v, str):
                clean = _XLSX_ILLEGAL.sub("", v)
                stripped += clean != v
                if len(clean) > XLSX_MAX_CELL:
                    clean = clean[:XLSX_MAX_CELL]
                    cut += 1
                if clean in ERROR_CODES or formula_like(clean):  # text, not the formula or error openpyxl would write
                    cell = WriteOnlyCell(ws, value=clean)
                    cell.data_type = "s"
                    if formula_like(clean):  # Excel's own quote prefix: the text as it is, and no formula once edited (OWASP)
                        cell.quotePrefix = True
                    clean = cell
                cells.append(clean)
            else:
                cells.append(int(v) if isinstance(v, numbers.Integral) else float(v))
        ws.append(cells)
    if stripped and warn is not None:
        warn(f"{stripped} cells held control characters, which an Excel cell cannot hold: those characters are left out of the xlsx")
    if cut and warn is not None:
        warn(f"{cut} cells held more than {XLSX_MAX_CELL:,} characters, the most an Excel cell holds: they are cut there in the xlsx "
             f"(csv and parquet hold them whole)")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
