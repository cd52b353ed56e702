"""Full-width PDF pages made with fpdf2 (pure Python, no LaTeX): the way archive exports,
press releases and printed web pages are set. Used by bench/bench_pdf.py and tests/test_pdf.py."""
from __future__ import annotations

from pathlib import Path

HEADER = "DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 5"


def typeset(text: str, out: Path, size: int = 10, align: str = "L", header: str = HEADER, crossheads=(),
            crosshead_pt: float = 0, headline_pt: float = 0, headline_width: float = 0) -> Path:
    """`text` (paragraphs split by blank lines) set full width on A4 pages (20 mm margins),
    each page under a running header; Helvetica in Windows-1252, which holds every character
    of the seeds. `align`: "L" ragged right, "J" justified. `crossheads`: paragraphs set as
    crossheads, bold at `crosshead_pt` (default the body size); `headline_pt`: the first
    paragraph set as a headline, bold at that size, ragged, `headline_width` mm wide (0: full)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, 20)
    pdf.set_margins(20, 15, 20)

    def page_header():
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, header, align="C")
        pdf.ln(8)
        pdf.set_font("Helvetica", size=size)

    pdf.header = page_header
    pdf.add_page()
    for k, para in enumerate(text.split("\n\n")):
        if k == 0 and headline_pt:
            pdf.set_font("Helvetica", "B", headline_pt)
            pdf.multi_cell(headline_width, headline_pt * 0.45, para, align="L")
        elif para in crossheads:
            pdf.set_font("Helvetica", "B", crosshead_pt or size)
            pdf.multi_cell(0, (crosshead_pt or size) * 0.5, para, align=align)
        else:
            pdf.multi_cell(0, size * 0.5, para, align=align)
        pdf.set_font("Helvetica", "", size)
        pdf.ln(2)
    pdf.output(str(out))
    return out
