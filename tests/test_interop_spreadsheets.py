"""The spreadsheet exports of a real report as a user opens them: csv-excel writes a FIGURE's value with the
decimal comma German Excel reads, and neither csv-excel nor xlsx lets a text that begins with = + - @ become a formula
(OWASP "CSV injection"), while numbers stay numbers and the plain CSV keeps every text as it is. The report is
10kGNAD's (gnad199), read at run time from ../shared/data."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline import interop
from repo_data import entity as _ent, news_row


@pytest.fixture(scope="module")
def boerse():
    """A real agency report of the Vienna stock exchange (10kGNAD gnad199) run through the
    pipeline: FIGUREs "+0,20 Prozent", "-0,25 Prozent" (value -0.25) and "15,43" (15.43)."""
    from pipeline import Presseschau

    row = news_row("10kgnad_test.jsonl.gz", "id", "gnad199")
    rec = Presseschau().process_text(row["text"], id="gnad199")
    rec["meta"]["title"] = "=HYPERLINK(\"http://example.org\")"  # a web page's title, as README warns
    return rec


def test_csv_excel_writes_a_figures_value_with_a_decimal_comma(tmp_path, boerse):
    """README: csv-excel is the CSV "as German Excel opens it ... decimal comma". The `value`
    column kept "15.43" (German Excel reads it as a date or text) while only `value_number` had
    "15,43"; the plain CSV keeps the point."""
    assert _ent(boerse, "15,43")["value"] == 15.43
    p = interop.export([boerse], "csv-excel", tmp_path)
    got = pd.read_csv(p, encoding="utf-8-sig", sep=";", dtype=str, keep_default_na=False)
    row = got[got.text == "15,43"].iloc[0]
    assert row.value == "15,43" and row.value_number == "15,43"
    assert got[got.text == "20"].iloc[0].value == "20"  # a whole number as it was
    # read back as README says, the value is the number
    back = pd.read_csv(p, encoding="utf-8-sig", sep=";", decimal=",", dtype={"article_id": str})
    assert back[back.text == "15,43"].value_number.iloc[0] == 15.43
    plain = pd.read_csv(interop.export([boerse], "csv", tmp_path / "p.csv"), dtype=str, keep_default_na=False)
    assert plain[plain.text == "15,43"].iloc[0].value == "15.43"


def test_spreadsheet_exports_keep_formulas_out_and_numbers_numbers(tmp_path, boerse):
    """A cell that begins with = + - @ is a formula to Excel or LibreOffice opening the CSV
    (OWASP "CSV injection"): the entity "-0,25 Prozent" of a real report, a title "=HYPERLINK(…)".
    csv-excel puts a ' before such a text, xlsx marks the text cell with Excel's quote prefix (its
    text unchanged); a number stays a number in both; the plain csv (pandas, R) keeps every text."""
    import openpyxl

    neg = _ent(boerse, "-0,25 Prozent")
    assert neg["value"] == -0.25
    p = interop.export([boerse], "csv-excel", tmp_path)
    got = pd.read_csv(p, encoding="utf-8-sig", sep=";", dtype=str, keep_default_na=False)
    assert "'-0,25 Prozent" in set(got.text) and "'+0,20 Prozent" in set(got.text)
    row = got[got.text == "'-0,25 Prozent"].iloc[0]
    assert row.value == "-0,25" and row.value_number == "-0,25"  # numbers: no quote
    assert set(got.title) == {"'=HYPERLINK(\"http://example.org\")"}
    assert "minus 2,34 Prozent" in set(got.text)  # nothing else changes

    plain = pd.read_csv(interop.export([boerse], "csv", tmp_path / "p.csv"), dtype=str, keep_default_na=False)
    assert "-0,25 Prozent" in set(plain.text) and set(plain.title) == {boerse["meta"]["title"]}

    x = interop.export([boerse], "xlsx", tmp_path)
    sheet = openpyxl.load_workbook(x).active
    cols = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    cell = next(r[cols.index("text")] for r in rows if r[cols.index("text")].value == "-0,25 Prozent")
    assert cell.data_type == "s" and cell.quotePrefix
    number = next(r[cols.index("value_number")] for r in rows if r[cols.index("text")].value == "-0,25 Prozent")
    assert number.value == -0.25 and number.data_type == "n" and not number.quotePrefix
    title = rows[0][cols.index("title")]
    assert title.value == boerse["meta"]["title"] and title.data_type == "s" and title.quotePrefix
    assert not next(r[cols.index("text")] for r in rows if r[cols.index("text")].value == "minus 2,34 Prozent").quotePrefix
