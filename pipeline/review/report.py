"""`presseschau report`: the overview (`overview.py`) as one static, offline HTML file.

The page is the review app's overview page (`static/overview.js`, `overview.css`) with the
vendored Chart.js (`static/chart.umd.min.js`, MIT, licence beside it) and the data inlined:
no network access, no second file, opens from disk in any browser.
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path

from ..io import atomic_write_bytes
from ..paths import STATIC_DIR

ASSETS = ("chart.umd.min.js", "overview.js", "overview.css")


def _script_safe(text: str) -> str:
    """Text that cannot end the <script>/<style> element it is inlined into."""
    return text.replace("</", "<\\/")


def render_report(data: dict, title: str = "Presseschau report") -> str:
    """The HTML page for overview `data` (the dict of `overview.overview`, plus an optional
    ``meta`` with ``data``, ``annotations``, ``generated``)."""
    chart_js, page_js, page_css = (
        (STATIC_DIR / name).read_text(encoding="utf-8") for name in ASSETS
    )
    # JSON inside <script type="application/json">: "<" escaped, so no "</script>" can occur
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return (
        "<!doctype html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<link rel=\"icon\" href=\"data:,\">\n"
        f"<style>\n{_script_safe(page_css)}\n</style>\n</head>\n<body>\n"
        f"<script type=\"application/json\" id=\"overview-data\">{payload}</script>\n"
        "<div id=\"overview\" data-testid=\"overview\"></div>\n"
        f"<script>\n{_script_safe(chart_js)}\n</script>\n<script>\n{_script_safe(page_js)}\n</script>\n"
        "</body>\n</html>\n"
    )


def check_report_target(path: os.PathLike | str) -> None:
    """The report is HTML: a file named otherwise (`report -o r.txt`, `-o report.json`) is refused
    (`errors.ReportTargetNotHtml`), as `export` refuses a name of another format (`interop.check_target`)."""
    from ..errors import ReportTargetNotHtml

    if Path(path).suffix.lower() not in REPORT_SUFFIXES:
        raise ReportTargetNotHtml(f"the report is one HTML file: give an --out ending in {' or '.join(REPORT_SUFFIXES)}, "
                                  f"or a folder (it gets report.html)")


REPORT_SUFFIXES = (".html", ".htm")


def write_report(path: os.PathLike | str, data: dict, title: str = "Presseschau report") -> Path:
    """Write the report atomically (a reader never sees half a file); returns the path."""
    path = Path(path)
    atomic_write_bytes(path, render_report(data, title).encode("utf-8"))
    return path
