"""PDF text: pdfminer.six reads the text layer of an e-paper or print PDF.

The extracted text becomes the article's raw text, as trafilatura's does for a web page
(`pipeline/html.py`): the record's `source.offsets`, `raw_length` and the `removed` offsets
count in it, and `source.extracted_with` names the extractor, so that the map leads back
to the file through one deterministic step.

Why pdfminer.six: it is pure Python (no system package; `pdftotext` of poppler is not on
every machine), keeps line-end hyphens as the print shows them (poppler's default mode
deletes them, issue 17), and reads multi-column pages block by block. The cleaner was
measured on its output (`bench/bench_clean.py --extractors pdfminer`: word precision and
recall >= 0.998 on typeset articles), so its running headers, page numbers, hyphenation and
column breaks are mended there, not here.

What cannot be read is a `PdfUnreadable` with the error kind and a reason a user can act on:
a file that is no PDF or is damaged, a PDF locked by a password, pages without a text layer
(a scan: OCR it first), fonts without a Unicode map (pdfminer gives "(cid:N)" codes).
"""
from __future__ import annotations

import io
import logging
import re
import warnings
from typing import Any, Optional

from .errors import ErrorKind, PdfUnreadable

#: "(cid:123)": a glyph code pdfminer could not map to a character (a font without ToUnicode)
_CID = re.compile(r"\(cid:\d+\)")
#: more of the glyphs than this are "(cid:N)" codes: the text layer cannot be read
_MAX_CID_SHARE = 0.05
#: where a PDF's header may start (the PDF specification lets bytes precede it; readers
#: accept up to 1024 of them)
_HEADER_WITHIN = 1024
#: document titles that are a file name or a tool's placeholder, not the article's headline
_NO_TITLE = re.compile(r"\.(?:docx?|pdf|indd|qxp|qxd|rtf|odt|txt|tiff?|jpe?g)\b|^(?:microsoft\s+\w+\s+-|untitled|unbenannt|ohne titel)",
                       re.I)


def extractor_name() -> str:
    """`pdfminer.six <version>`: the record's `source.extracted_with` for a PDF."""
    import pdfminer

    return f"pdfminer.six {pdfminer.__version__}"


def extract(data: bytes) -> tuple[str, dict[str, Any]]:
    """(text, meta) of a PDF's bytes. meta: `extracted_with`, `pages`, `lines` (the text is
    set in lines: the cleaner joins them into paragraphs however few), and `title` and
    `authors` from the document information where they look like an article's (a hint: the
    cleaner's own title wins). Raises `PdfUnreadable`."""
    if b"%PDF-" not in data[:_HEADER_WITHIN]:
        raise PdfUnreadable(ErrorKind.UNREADABLE, f"not a PDF file (no %PDF header; first bytes {data[:8]!r})")
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # its warnings ("CropBox missing") are about the file's form, not its text
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                # one parse for the text, the page count and the document information:
                # pdfminer's `extract_text` with the document kept
                document = PDFDocument(PDFParser(io.BytesIO(data)))
                info = document.info[0] if document.info else {}
                resources, out = PDFResourceManager(caching=True), io.StringIO()
                interpreter = PDFPageInterpreter(resources, TextConverter(resources, out, laparams=LAParams()))
                pages = 0
                for page in PDFPage.create_pages(document):
                    interpreter.process_page(page)
                    pages += 1
                text = out.getvalue()
            except (PDFPasswordIncorrect, PDFEncryptionError) as e:
                raise PdfUnreadable(ErrorKind.UNREADABLE, f"the PDF is locked with a password or an unsupported encryption "
                                                          f"({type(e).__name__}); decrypt it first (e.g. qpdf --decrypt)") from e
            except PdfUnreadable:
                raise
            except Exception as e:  # pdfminer's syntax errors have no common base class
                raise PdfUnreadable(ErrorKind.UNREADABLE, f"not a readable PDF ({type(e).__name__}: {e})") from e
    finally:
        quiet.setLevel(level)
    check_text_layer(text, pages)
    # "lines": a text layer is set in lines, however few (`clean.clean_input`)
    meta: dict[str, Any] = {"extracted_with": extractor_name(), "pages": pages, "lines": True}
    title = _info_text(info.get("Title"))
    if title and not _NO_TITLE.search(title) and len(title.split()) >= 2:
        meta["title"] = title
    author = _info_text(info.get("Author"))
    if author and not _NO_TITLE.search(author):
        meta["authors"] = [a.strip() for a in re.split(r"[;,]\s*|\s+und\s+", author) if a.strip()]
    return text, meta


def check_text_layer(text: str, pages: int) -> None:
    """Raise `PdfUnreadable` where the text layer holds no readable text: no letter at all
    (page images only: a scan), or mostly "(cid:N)" glyph codes."""
    cids = len(_CID.findall(text))  # glyphs, as the letters are
    letters = sum(ch.isalpha() for ch in _CID.sub("", text))
    if cids > _MAX_CID_SHARE * max(1, cids + letters):
        raise PdfUnreadable(ErrorKind.ENCODING, "the PDF's fonts carry no Unicode map (pdfminer reads \"(cid:N)\" glyph codes), "
                                                "so its text cannot be read; OCR it first (e.g. ocrmypdf --force-ocr)")
    if not letters:
        raise PdfUnreadable(ErrorKind.EMPTY, f"no text layer on its {pages} page{'s' if pages != 1 else ''} (page images only: "
                                             "a scan?); OCR it first (e.g. ocrmypdf) and pass the result")


def _info_text(value: Any) -> Optional[str]:
    """A document information string (PDF text strings are PDFDocEncoding or UTF-16 with a BOM)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        value = decode_text(value)
    elif isinstance(value, PSLiteral):
        value = str(value.name)
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None
