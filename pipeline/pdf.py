"""PDF text: pdfminer.six reads the text layer of an e-paper or print PDF.

The extracted text becomes the article's raw text, as trafilatura's does for a web page
(`pipeline/html.py`): the record's `source.offsets`, `raw_length` and the `removed` offsets
count in it, and `source.extracted_with` names the extractor, so that the map leads back
to the file through one deterministic step.

Why pdfminer.six: it is pure Python (no system package; `pdftotext` of poppler is not on
every machine), keeps line-end hyphens as the print shows them (poppler's default mode
deletes them, issue 17), and reads multi-column pages block by block; its blocks are put in
reading order by columns here (`reading_order`). The cleaner was
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
from dataclasses import dataclass, field
from statistics import median
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
    out = io.StringIO()
    pages, info = _read(data, lambda resources: _ColumnOrder(resources, out, laparams=_laparams()))
    text = out.getvalue()
    check_text_layer(text, pages)
    return text, _meta(info, pages)


def _laparams() -> Any:
    from pdfminer.layout import LAParams

    return LAParams()


def _read(data: bytes, device: Any, on_page: Any = None) -> tuple[int, dict]:
    """Run every page of the PDF `data` through the pdfminer device `device(resources)` makes;
    `on_page(device)` after each page. (pages, document information); raises `PdfUnreadable`."""
    if b"%PDF-" not in data[:_HEADER_WITHIN]:
        raise PdfUnreadable(ErrorKind.UNREADABLE, f"not a PDF file (no %PDF header; first bytes {data[:8]!r})")
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
                resources = PDFResourceManager(caching=True)
                dev = device(resources)
                interpreter = PDFPageInterpreter(resources, dev)
                pages = 0
                for page in PDFPage.create_pages(document):
                    interpreter.process_page(page)
                    pages += 1
                    if on_page is not None:
                        on_page(dev)
            except (PDFPasswordIncorrect, PDFEncryptionError) as e:
                raise PdfUnreadable(ErrorKind.UNREADABLE, f"the PDF is locked with a password or an unsupported encryption "
                                                          f"({type(e).__name__}); decrypt it first (e.g. qpdf --decrypt)") from e
            except PdfUnreadable:
                raise
            except Exception as e:  # pdfminer's syntax errors have no common base class
                raise PdfUnreadable(ErrorKind.UNREADABLE, f"not a readable PDF ({type(e).__name__}: {e})") from e
    finally:
        quiet.setLevel(level)
    return pages, info


def _meta(info: dict, pages: int) -> dict[str, Any]:
    # "lines": a text layer is set in lines, however few (`clean.clean_input`)
    meta: dict[str, Any] = {"extracted_with": extractor_name(), "pages": pages, "lines": True}
    title = _info_text(info.get("Title"))
    if title and not _NO_TITLE.search(title) and len(title.split()) >= 2:
        meta["title"] = title
    author = _info_text(info.get("Author"))
    if author and not _NO_TITLE.search(author):
        meta["authors"] = [a.strip() for a in re.split(r"[;,]\s*|\s+und\s+", author) if a.strip()]
    return meta


@dataclass
class PdfArticle:
    """One article of a PDF page split at its headlines (`extract_articles`): its raw text (the
    text of its boxes in reading order, as `extract` writes them but for its headline's lines,
    which are one line (`_headline_text`); pages apart by a form feed)
    the pages (1-based) that text is from, and its headline (the text of its headline boxes,
    its lines joined; "" for a PDF read whole)."""

    text: str
    pages: list[int] = field(default_factory=list)
    headline: str = ""


def extract_articles(data: bytes) -> tuple[list[PdfArticle], str, dict[str, Any]]:
    """(articles, furniture, meta) of a PDF's bytes read article by article (`--pdf-articles`):
    an e-paper page holds several articles, each led by its headline (a box set larger than the
    page's body size, `_HEADLINE`: the boxes that start a block in `reading_order`). The page's
    boxes are read in `reading_order`; a headline after body text starts a new article (a
    headline of several boxes is one), and every box up to the next headline is its article's.
    A page that starts without a headline continues the previous page's last article. Page
    furniture is in no article: the running header and footer rows of every page, and what
    stands before the first headline of the PDF (a masthead); `furniture` is its text (a page's
    rows one after the other). A PDF without any headline is one article, text and meta as
    `extract` reads them; else meta is `extract`'s without the document's title and authors
    (the file's, not each article's). Raises `PdfUnreadable`."""
    from pdfminer.converter import PDFPageAggregator

    layouts: list = []
    pages, info = _read(data, lambda resources: PDFPageAggregator(resources, laparams=_laparams()),
                        lambda dev: layouts.append(dev.get_result()))
    articles: list[PdfArticle] = []
    furniture: list[str] = []
    open_article = False  # the last article goes on (no headline since its body began)
    for number, ltpage in enumerate(layouts, 1):
        boxes, other = _page_boxes(ltpage)
        body = _body_size(boxes)
        top, rest, bottom = _page_furniture(boxes, body) if body else ([], boxes, [])
        furniture += [_box_text(b) for b in _xy_cut(top, body) + _xy_cut(bottom, body)] + ([other] if other else [])
        for box in (_xy_cut(rest, body) if body else rest):
            head = body and _box_size(box) > body * _HEADLINE
            if head and (not articles or open_article):
                articles.append(PdfArticle("", [number]))
                open_article = False
            if not articles:
                furniture.append(_box_text(box))
                continue
            art = articles[-1]
            if art.pages[-1] != number:
                art.text += "\f"
                art.pages.append(number)
            art.text += _headline_text(box, body) if head and not open_article else _box_text(box)
            if head and not open_article:
                art.headline = " ".join((art.headline + " " + box.get_text()).split())
            open_article = open_article or not head
    if not articles:  # no headline: one article, as `extract` reads it
        text, meta = extract(data)
        return [PdfArticle(text, list(range(1, pages + 1)))], "", meta
    check_text_layer("".join(a.text for a in articles) + "".join(furniture), pages)
    return articles, "".join(furniture), {k: v for k, v in _meta(info, pages).items() if k not in ("title", "authors")}


def _page_boxes(ltpage: Any) -> tuple[list, str]:
    """A page's text boxes, and the text of its other objects (characters in a figure)."""
    from pdfminer.layout import LTTextBox

    boxes = [obj for obj in ltpage if isinstance(obj, LTTextBox)]
    other = "".join(_all_text(obj) for obj in ltpage if not isinstance(obj, LTTextBox))
    return boxes, other


def _all_text(obj: Any) -> str:
    from pdfminer.layout import LTContainer, LTText

    if isinstance(obj, LTContainer):
        return "".join(_all_text(o) for o in obj)
    return obj.get_text() if isinstance(obj, LTText) else ""


def _box_text(box: Any) -> str:
    """A box's text as pdfminer's TextConverter writes it: its lines, and a line end after it."""
    return box.get_text() + "\n"


def _headline_text(box: Any, body: float) -> str:
    """A headline box's text for its article (`extract_articles`): its lines set larger than the
    body size `body` joined into one line with a space (a headline set in two lines is one
    paragraph for the cleaner, which reads two short lines as two), and a line end after it.
    Only whitespace changes: a line that ends in a hyphen after a letter or digit ("Sowjet-",
    "militä-") keeps its line end, so that the cleaner mends it as any line-end hyphen (its
    lexicon decides whether the hyphen stays: "Sowjet-Traum", "militärische"); a line of the
    box set no larger than the body (pdfminer's box may take one) is not joined."""
    from .clean.data import _HYPHENS  # the characters the cleaner reads as a line-end hyphen

    out, big = "", False
    for line in box:
        text = line.get_text()
        large = _box_size([line]) > body * _HEADLINE
        end = out.rstrip("\n").rstrip(" ")
        if big and large and not (len(end) >= 2 and end[-1] in _HYPHENS and end[-2].isalnum()):
            out = end + " " + text.lstrip(" ")
        else:
            out += text
        big = large
    return out + "\n"


def _body_size(boxes: list) -> float:
    sizes = [ch.size for box in boxes for line in box for ch in line if hasattr(ch, "size")]
    return median(sizes) if sizes else 0.0


def _column_converter():
    """pdfminer's TextConverter with the text boxes of a page put in reading order by columns
    (issue 17). pdfminer's own order (`LAParams.boxes_flow`) mixes the columns and the articles
    of an e-paper page holding several; no setting of boxes_flow / line_margin / char_margin /
    detect_vertical / all_texts read more than 18 of 45 such pages in order (the default: 11),
    so the boxes pdfminer found are kept, each with its text, and only their order changes."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LTTextBox

    class ColumnOrder(TextConverter):
        def receive_layout(self, ltpage: Any) -> None:
            at = [i for i, obj in enumerate(ltpage._objs) if isinstance(obj, LTTextBox)]
            boxes = [ltpage._objs[i] for i in at]
            sizes = [ch.size for box in boxes for line in box for ch in line if hasattr(ch, "size")]
            if sizes:
                for i, box in zip(at, reading_order(boxes, median(sizes))):
                    ltpage._objs[i] = box
            super().receive_layout(ltpage)

    return ColumnOrder


def _ColumnOrder(*args: Any, **kwargs: Any) -> Any:
    return _column_converter()(*args, **kwargs)


#: a box set larger than this times the page's body size is a headline: it starts a block
_HEADLINE = 1.15
#: a headline cuts its region across only where it spans more than this share of the region's
#: width (one over a single column of three does not: the columns beside it read on)
_HEADLINE_SPAN = 0.5
#: a running header or footer stands apart from the text by more white than this times the body
#: size (on the bench's LaTeX pages 2.1 and more; a paragraph's last line alone below a blank
#: line, which is text, by about 1.4)
_FURNITURE_GAP = 1.75


def reading_order(boxes: list, body: float) -> list:
    """The text boxes of a page in reading order. The page's top and bottom rows, where they
    are single lines no larger than the body size `body` set apart by white (a running header,
    a footer, a page number, which may stand in the white between the columns), are read first
    and last and set aside before the page is cut (`_xy_cut`)."""
    top, rest, bottom = _page_furniture(boxes, body)
    return _xy_cut(top, body) + _xy_cut(rest, body) + _xy_cut(bottom, body)


def _page_furniture(boxes: list, body: float) -> tuple[list, list, list]:
    """(top row, the rest, bottom row) of a page's boxes: `reading_order`'s running header and
    footer set aside (empty where there is none)."""
    gaps = _gaps([(-b.y1, -b.y0) for b in boxes])  # top down
    top: list = []
    bottom: list = []
    if gaps:
        if gaps[0][1] - gaps[0][0] >= body * _FURNITURE_GAP:
            top = [b for b in boxes if -b.y0 <= gaps[0][0]]
            top = top if _furniture(top, body) else []
        if gaps[-1][1] - gaps[-1][0] >= body * _FURNITURE_GAP and not (top and len(gaps) == 1):
            bottom = [b for b in boxes if -b.y1 >= gaps[-1][1]]
            bottom = bottom if _furniture(bottom, body) else []
    aside = {id(b) for b in top + bottom}
    rest = [b for b in boxes if id(b) not in aside]
    return top, rest, bottom


def _furniture(row: list, body: float) -> bool:
    """A row of one-line boxes no larger than the body text: a running header, footer or page number."""
    return bool(row) and all(len(list(b)) == 1 and _box_size(b) <= body * _HEADLINE for b in row)


def _xy_cut(boxes: list, body: float) -> list:
    """The text boxes in reading order (a recursive cut of the region along its white space):
    where a vertical strip of white crosses the whole region, the columns left of it come first,
    each read whole; otherwise the region is cut across, top to bottom, above and below each
    headline (a box set larger than the body size `body` that spans most of the region's width:
    its article's columns follow it), and where there is no such headline, below its topmost row
    only (a title over the columns). A single column is read top to bottom, as pdfminer reads it."""
    if len(boxes) < 2:
        return list(boxes)
    gaps = _gaps([(b.x0, b.x1) for b in boxes])
    if gaps:
        bounds = [g[0] for g in gaps]
        cols: list[list] = [[] for _ in range(len(bounds) + 1)]
        for b in boxes:
            cols[sum(1 for x in bounds if b.x0 >= x)].append(b)
        return [b for col in cols for b in _xy_cut(col, body)]
    gaps = _gaps([(-b.y1, -b.y0) for b in boxes])  # top down
    if not gaps:
        return list(boxes)  # pdfminer's order (a word it set apart inside a column stays where it put it)
    width = max(b.x1 for b in boxes) - min(b.x0 for b in boxes)
    heads = [b for b in boxes if _box_size(b) > body * _HEADLINE and b.x1 - b.x0 > _HEADLINE_SPAN * width]
    cuts = [lo for lo, hi in gaps if any(-h.y0 == lo or -h.y1 == hi for h in heads)] or [gaps[0][0]]
    rows: list[list] = [[] for _ in range(len(cuts) + 1)]
    for b in boxes:
        rows[sum(1 for c in cuts if -b.y0 > c)].append(b)
    return [b for row in rows for b in _xy_cut(row, body)]


def _box_size(box: Any) -> float:
    sizes = [ch.size for line in box for ch in line if hasattr(ch, "size")]
    return median(sizes) if sizes else 0.0


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The (start, end) of the white between spans that no span crosses, in order."""
    out, reach = [], None
    for lo, hi in sorted(spans):
        if reach is not None and lo > reach:
            out.append((reach, lo))
        reach = hi if reach is None else max(reach, hi)
    return out


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
