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
from typing import Any, Callable, Iterator, Optional

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
    """(text, meta) of a PDF's bytes: the text of pdfminer's boxes in reading order
    (`reading_order`), a blank line between two boxes and, in a PDF set in one column, inside a
    box before a line that starts a paragraph by the layout (`_body_text`: set in, or its first
    word would have fit on the line before, which ends a sentence). meta: `extracted_with`,
    `pages`, `lines` (the text is set in lines: the cleaner joins them into paragraphs however
    few), `blank_breaks` in a PDF set in one column (its paragraph breaks are its blank lines: the
    cleaner does not guess one at a short line) and there `runs_on`, the offsets in the text of
    the first lines of its body boxes that are set in the body's font and size and run on into
    the next line (`_runs_on`: body text, which the cleaner reads as no title) and `runs_over`,
    the offsets of the first body lines of a page that go on with the paragraph the page before
    ended in (not set in, their first word would not have fit on that page's last line: no
    paragraph break at the page break, also after a sentence's end); in a PDF of several columns
    `runs_over` holds the first lines of the boxes at a column's top that go on with the paragraph
    the column before ended in (`_column_goes_on`) and the lines inside a body box that the layout
    shows wrapped (not set in, their first word too long for the line before); `large_lines`: the
    offsets of the first lines of the boxes set larger than the body in a page's text (a headline,
    a crosshead; not the running header or footer row), which the cleaner takes for no part of a
    running header; and `title` and
    `authors` from the document information where they look like an article's (a hint: the
    cleaner's own title wins; where the document gives no title, in a PDF set in one column, the
    headline set larger than the body above it on the first page, its lines one line as in the
    text), and `warnings` where text set at an angle beside a page's text (a
    photo credit up the side of a photo: `_turned_aside`) is left out of it. Raises `PdfUnreadable`."""
    text, meta, aside = _extract(data)
    if aside.strip():
        meta["warnings"] = [f"{len(aside):,} characters set at an angle beside the page's text (a photo credit, a note in "
                            f"the margin) are not in the text: {_shortened(aside)}"]
    return text, meta


def _extract(data: bytes) -> tuple[str, dict[str, Any], str]:
    """`extract`'s text and meta (no warnings), and the text it left out: set at an angle beside
    a page's text (`_turned_aside`), each page's lines of it one after the other."""
    out, layout = io.StringIO(), io.StringIO()
    aside: list[str] = []
    devices: list = []
    pages, info = _read(data, lambda resources: devices.append(_ColumnOrder(resources, out, aside, layout,
                                                                              laparams=_laparams())) or devices[-1])
    meta = _meta(info, pages)
    text = out.getvalue()
    if devices and devices[-1].one_column:
        # pages set in one column (an archive export, a press release): the paragraph breaks are
        # read from the layout (`_body_text`), a blank line each, lines without one between are
        # one paragraph (`clean.clean_input`). Not yet on pages of several columns, where a line
        # set across them (a date line, a teaser at body size) stands in every column's way
        text, meta["blank_breaks"] = layout.getvalue(), True
        if devices[-1].runs_on:
            # the body lines that run on into the next (`_runs_on`): body text, no title (`clean_input`)
            meta["runs_on"] = devices[-1].runs_on
        if devices[-1].runs_over:
            # a page's first body lines that go on with the paragraph the page before ended in
            meta["runs_over"] = devices[-1].runs_over
        if devices[-1].large:
            meta["large_lines"] = devices[-1].large
        head = _mended(max(devices[-1].headline, key=lambda run: run[0])[1]) if devices[-1].headline else ""
        if "title" not in meta and len(head.split()) >= 2:
            # the headline set above the body on the first page: a hint, as the document's title is
            # (the cleaner's own title wins; it reads none where a headline set in two lines ends
            # in a function word, "Kasachstan weist keine russischen Reservisten aus")
            meta["title"] = head
    elif devices and devices[-1].column_runs_over:
        # pages of several columns: the first lines of the boxes at a column's top that go on with
        # the paragraph the column before ended in (`_column_goes_on`): no paragraph break there
        meta["runs_over"] = devices[-1].column_runs_over
    if devices and not devices[-1].one_column and devices[-1].column_large:
        # the first lines of the boxes set larger than the body in a page's text (a headline, a crosshead):
        # no part of an unknown outlet's running header (`clean(large_lines=)`)
        meta["large_lines"] = devices[-1].column_large
    check_text_layer(text + "".join(aside), pages)
    return text, meta, "".join(aside)


def _shortened(text: str) -> str:
    """A text on one line, shortened to 60 characters, quoted."""
    one = " ".join(text.split())
    return f'"{one}"' if len(one) <= 60 else f'"{one[:57]}..."'


def _laparams() -> Any:
    """pdfminer's layout parameters: its defaults, and the text of a Form XObject (pdfminer's
    figure: a page placed whole by pdfpages' \\includepdf or pdfjam, an imposed e-paper page)
    read into lines and boxes as a page's text (`all_texts`); pdfminer otherwise gives a
    figure's characters one after the other, without the line ends and spaces between its
    lines ("... für denAusbau der Windkraft ...")."""
    from pdfminer.layout import LAParams

    return LAParams(all_texts=True)


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
    # a PDF saved from Word carries its author property: read as a Word file's is (`docx._persons`:
    # "Nachname, Vorname" one person; an account's name, "Microsoft Office User", none)
    from .clean.data import no_person_author
    from .docx import _persons

    author = _info_text(info.get("Author"))
    if author and not _NO_TITLE.search(author) and not no_person_author(author) and any(ch.isalpha() for ch in author):
        meta["authors"] = [name for a in re.split(r";\s*|\s+und\s+", author) for name in _persons(a)]
    return meta


@dataclass
class PdfArticle:
    """One article of a PDF page split at its headlines (`extract_articles`): its raw text (the
    text of its boxes in reading order, as `extract` writes them but for its headline's lines,
    which are one line (`_headline_text`), and its paragraph breaks, read from the layout: a
    blank line at each, none elsewhere (`_body_text`, `_goes_on`); pages apart by a form feed)
    the pages (1-based) that text is from, and its headline (the text of its headline boxes,
    its lines joined, a line-end hyphen mended as the cleaner mends it: `_mended`; "" for a PDF
    read whole)."""

    text: str
    pages: list[int] = field(default_factory=list)
    headline: str = ""


def extract_articles(data: bytes) -> tuple[list[PdfArticle], str, dict[str, Any]]:
    """(articles, furniture, meta) of a PDF's bytes read article by article (`--pdf-articles`):
    an e-paper page holds several articles, each led by its headline (a box set larger than the
    page's body size, `_HEADLINE`: the boxes that start a block in `reading_order`). The page's
    boxes are read in `reading_order`; a headline after body text starts a new article (a
    headline of several boxes is one), and every box up to the next headline is its article's; a
    crosshead set as large, in one column of an article over several, is no headline
    (`_crosshead`) but a paragraph of its own. A page that starts without a headline continues
    the previous page's last article, also where it starts with a crosshead of it (`_turned_crosshead`). Page furniture is in no article: the running header and
    footer rows of every page, a page's masthead (`_masthead`: the outlet's name set large, a
    date line, above a row of articles), and what stands before the first headline of the PDF;
    `furniture` is its text (a page's rows one after the other). A PDF without any headline is
    one article, text and meta as `extract` reads them; else meta is `extract`'s without the document's title and authors
    (the file's, not each article's) and with `blank_breaks` (the articles' paragraph breaks are
    their blank lines: `clean.clean_input`). Raises `PdfUnreadable`."""
    from pdfminer.converter import PDFPageAggregator

    layouts: list = []
    pages, info = _read(data, lambda resources: _turned_aside(_word_spaced(PDFPageAggregator))(resources, laparams=_laparams()),
                        lambda dev: layouts.append(dev.get_result()))
    articles: list[PdfArticle] = []
    furniture: list[str] = []
    open_article = False  # the last article goes on (no headline since its body began)
    head_size = 0.0  # the size of the last article's headline (its boxes' smallest)
    for number, ltpage in enumerate(layouts, 1):
        boxes, other = _page_boxes(ltpage)
        body = _body_size(boxes)
        top, rest, bottom = _page_furniture(boxes, body) if body else ([], boxes, [])
        furniture += [_box_text(b) for b in _xy_cut(top, body) + _xy_cut(bottom, body)] + ([other] if other else [])
        parts: list[list] = []  # the last article's headline boxes: [size, raw text] of each run of one size
        order = _xy_cut(rest, body) if body else rest
        # the headline size of the article this page goes on with (its text read last on a page before)
        going_on = head_size if open_article and articles and articles[-1].pages[-1] != number else 0.0
        headlines = _headlines(order, rest, body, going_on) if body else set()  # the boxes that start an article (no crosshead)
        masthead = _masthead(order, rest, headlines, body)
        if masthead:  # page furniture, set aside before the page is cut (its lines may cross the columns' white)
            furniture += [_box_text(b) for b in order if id(b) in masthead]
            rest = [b for b in rest if id(b) not in masthead]
            order = _xy_cut(rest, body)
            headlines = _headlines(order, rest, body, going_on)
        texts = [b for b in rest if _box_size(b) <= body * _HEADLINE]  # body boxes, no headline
        edges: dict[int, tuple[float, float]] = {}

        def column(b: Any) -> tuple[float, float]:
            if id(b) not in edges:
                edges[id(b)] = _column(b, texts)
            return edges[id(b)]

        for box, goes_on in _paragraphs_going_on(order, body, column, headlines):
            head = id(box) in headlines
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
            if head and not open_article:
                art.text += _headline_text(box, body)
                if not art.headline:
                    parts = []
                head_size = min(head_size, _box_size(box)) if art.headline else _box_size(box)
                for size, text in _headline_runs(box, body):
                    if parts and max(size, parts[-1][0]) <= min(size, parts[-1][0]) * _HEADLINE:
                        parts[-1][1] += text + "\n"
                    else:  # a kicker over the headline, a subtitle under it: not the title
                        parts.append([size, text + "\n"])
                # the title: the run set largest (a headline of several boxes is one)
                art.headline = _mended(max(parts, key=lambda part: part[0])[1])
            else:
                if goes_on:
                    art.text = art.text[:-1]  # no blank line: the paragraph goes on
                art.text += _body_text(box, body, column(box))
            open_article = open_article or not head
    if not articles:  # no headline: one article, as `extract` reads it (what it leaves out is furniture)
        text, meta, aside = _extract(data)
        return [PdfArticle(text, list(range(1, pages + 1)))], aside, meta
    check_text_layer("".join(a.text for a in articles) + "".join(furniture), pages)
    meta = {k: v for k, v in _meta(info, pages).items() if k not in ("title", "authors")}
    # the articles' paragraph breaks are read from the layout (`_body_text`, `_goes_on`): a blank
    # line is one, lines without one between are one paragraph (`clean.clean_input`)
    meta["blank_breaks"] = True
    return articles, "".join(furniture), meta


def _headlines(order: list, boxes: list, body: float, going_on: float = 0.0) -> set[int]:
    """The ids of the boxes of a page's reading order `order` that are headlines: set larger than
    the body size `body` (`_HEADLINE`), but for a crosshead (`_crosshead`: a subheading inside an
    article, read as its text). `boxes`: the page's boxes (no running header or footer).
    `going_on`: the size of the headline of an article of an earlier page that this page goes on
    with (its text was read last, the page starts without a headline): before this page's first
    headline a crosshead of it (`_turned_crosshead`) is none either."""
    out: set[int] = set()
    heads: list = []  # the headline boxes of the article read now
    text = True  # text was read since the last headline box (or none was read yet)
    for b in order:
        if _box_size(b) <= body * _HEADLINE:
            text = True
        elif not heads and going_on and text and _turned_crosshead(b, going_on, boxes, body):
            text = True
        elif not (text and _crosshead(b, heads, boxes, body)):
            heads = heads + [b] if not text else [b]
            text = False
            out.add(id(b))
    return out


def _crosshead(box: Any, heads: list, boxes: list, body: float) -> bool:
    """Whether `box`, set larger than the body and read after the text of the article whose
    headline boxes on this page are `heads`, is a crosshead of that article (a subheading set in
    one of its columns) rather than the next article's headline. An article stands in a
    rectangle under its headline, so a box is the article's own where it is set smaller than the
    headline and stands under it, within the headline's columns, in one column (no box beside it
    reaches into its width), and beside it, in another of those columns, the text runs from above
    its top (at the top of its column, right under the headline: from its height) down past its
    top (a crosshead may end a column), with no headline beside it at its height. The next
    article under a headline over two columns spans them (set as large), or stands in one of
    them beside the next one's headline, with the text above it ended. In an article set in one
    column (its headline no wider than the column) that witness is missing: `_column_crosshead`
    decides. On a page its headline is not on, read before that page's first headline,
    `_turned_crosshead` decides (`_headlines`)."""
    if not heads:
        return False
    x0, x1, y0 = min(h.x0 for h in heads), max(h.x1 for h in heads), min(h.y0 for h in heads)
    # the headline's columns: those of the boxes right under it that it reaches over (a headline's
    # ink may end inside its last column)
    top = [b for b in boxes if y0 - 3 * body <= b.y1 <= y0 + body and b.x0 < x1 and b.x1 > x0]
    # (a box under the headline may be one short line: its columns' edges are those of all the boxes in them)
    cols = [b for b in boxes if b.y1 <= y0 + body and _box_size(b) <= body * _HEADLINE and any(_same_column(b, t) for t in top)]
    x0, x1 = min([x0] + [b.x0 for b in top + cols]), max([x1] + [b.x1 for b in top + cols])
    if box.x0 < x0 - body or box.x1 > x1 + body or box.y1 > y0 + body or _box_size(box) >= min(map(_box_size, heads)):
        return False
    under = [b for b in top if _box_size(b) <= body * _HEADLINE]
    if under and all(_same_column(b, box) for b in under) and max(h.x1 for h in heads) - min(h.x0 for h in heads) \
            <= max(b.x1 for b in under + cols) - min(b.x0 for b in under + cols) + body:
        return _column_crosshead(box, heads, boxes, body, y0)
    beside = [b for b in boxes if b is not box and b.x0 >= x0 - body and b.x1 <= x1 + body and b.y1 <= y0 + body
              and (b.x0 >= box.x1 or b.x1 <= box.x0)]
    if any(_box_size(b) > body * _HEADLINE and b.y0 < box.y1 and b.y1 > box.y0 for b in beside):
        return False  # a headline beside it: the next articles' row
    text = [b for b in beside if _box_size(b) <= body * _HEADLINE]
    # at the top of its column, right under the headline, the text beside may start at its height
    first = not any(b is not box and _same_column(b, box) and box.y1 < b.y0 and b.y1 <= y0 + body for b in boxes)
    return any((a.y1 > box.y1 or (first and a.y1 >= box.y1 - body)) and c.y0 < box.y1 - body and _same_column(a, c)
               for a in text for c in text)


#: a crosshead is at most this many lines
_CROSSHEAD_LINES = 3
#: a crosshead in a one-column article is set at most this times the body size (a size or two
#: larger: a brief's headline under the article, 12 pt over a 9 pt body, is none)
_CROSSHEAD_SIZE = 1.3


def _column_crosshead(box: Any, heads: list, boxes: list, body: float, y0: float) -> bool:
    """Whether `box`, set larger than the body in the one column of an article whose headline
    (`heads`, its lowest edge `y0`) stands over that column only (no wider), is a crosshead of the article
    (`_crosshead`, which has no column beside it to witness it here): it is short (at most
    `_CROSSHEAD_LINES` lines), set near the body size (at most `_CROSSHEAD_SIZE` times it) and
    clearly smaller than the headline (by the factor `_HEADLINE` that tells a headline from the
    body), and stands between the article's text in its column,
    text above it under the headline and text right below it (within three body sizes) or nothing
    below it (it ends the column: no article has a headline without a body under it). The next
    article of a column of briefs has its headline set as large as the first (or nearly): it still
    starts an article."""
    if len(list(box)) > _CROSSHEAD_LINES or _box_size(box) * _HEADLINE > min(map(_box_size, heads)) \
            or _box_size(box) > body * _CROSSHEAD_SIZE:
        return False
    text = [b for b in boxes if b is not box and _box_size(b) <= body * _HEADLINE and _same_column(b, box)]
    above = any(b.y0 >= box.y1 - body and b.y1 <= y0 + body for b in text)
    below = [b for b in boxes if b is not box and b.y1 <= box.y0 + body and _same_column(b, box)]
    return above and (not below or any(b in text and box.y0 - b.y1 <= 3 * body for b in below))


def _turned_crosshead(box: Any, head: float, boxes: list, body: float) -> bool:
    """Whether `box`, set larger than the body on a page that goes on with an article of an
    earlier page (its headline set at `head`), read before any headline of this page, is a
    crosshead of that article: short, near the body size and clearly smaller than the article's
    headline (`_column_crosshead`'s sizes), with the article's text right below it in its column
    (within three body sizes; a crosshead ends no column here: the page starts with it) and,
    above it in its column, nothing set as a headline (larger than a crosshead may be). A headline
    set no larger (a brief's, 1.3 x body) still reads as a crosshead, as in one column on the
    headline's page."""
    def sized(b: Any) -> bool:  # set as a crosshead of the article may be
        return _box_size(b) * _HEADLINE <= head and _box_size(b) <= body * _CROSSHEAD_SIZE

    if len(list(box)) > _CROSSHEAD_LINES or not sized(box):
        return False
    col = [b for b in boxes if b is not box and _same_column(b, box)]
    if any(b.y0 >= box.y1 - body and not sized(b) for b in col):
        return False
    return any(_box_size(b) <= body * _HEADLINE and b.y1 <= box.y0 + body and box.y0 - b.y1 <= 3 * body for b in col)


#: what a masthead may hold besides its lines set large: a date line, a slogan (lines of body size)
_MASTHEAD_LINES = 2


def _masthead(order: list, boxes: list, headlines: set, body: float) -> set[int]:
    """The ids of the boxes of a page's masthead: the outlet's name set large at the top of the page
    (the first box of its reading order `order` a headline, `headlines`) and what stands above
    the first article's headline, with at most `_MASTHEAD_LINES` lines of body size (a date line,
    a slogan), standing above a row of articles: the first article's headline, where the masthead
    ends, has another box beside it at its height (`boxes`: the page's boxes). The masthead ends at a headline after text, or at
    a headline set smaller than the box above it and aligned with it neither left nor centred
    (a headline's parts, a kicker, the headline, a subtitle, are aligned, and its kicker smaller).
    Without a row of articles under it, or with more text, the top of the page is an article."""
    if not order or id(order[0]) not in headlines:
        return set()
    for k in range(1, len(order)):
        b, before = order[k], order[k - 1]
        if id(b) in headlines and (id(before) not in headlines or (
                _box_size(b) < _box_size(before) and (not _aligned(b, before, body) or _row_under(b, before, boxes, headlines, body)))):
            # the masthead: what is read before `b`, and what stands above its top (a date line
            # that the cut of the page read in a column)
            top = order[:k] + [o for o in boxes if o.y0 >= b.y1 and o not in order[:k]]
            ids = {id(m) for m in top}
            lines = sum(len(list(m)) for m in top if id(m) not in headlines)
            low = min(m.y0 for m in top)
            row = any(id(o) not in ids and o is not b and (o.x0 >= b.x1 or o.x1 <= b.x0) and b.y0 < o.y1 <= low + body
                      for o in boxes)
            return ids if row and lines <= _MASTHEAD_LINES else set()
    return set()


def _row_under(b: Any, before: Any, boxes: list, headlines: set, body: float) -> bool:
    """Whether the headline `b`, set under the box `before`, heads a row of articles: another
    headline (`headlines`: their ids) stands beside it with its top level with the top of `b`
    (within the body size `body`), under `before`. A masthead stands over such a row; a headline's
    subtitle does not start one (the article beside it has its headline level with the headline)."""
    return any(id(o) in headlines and o is not b and (o.x0 >= b.x1 or o.x1 <= b.x0) and abs(o.y1 - b.y1) <= body
               and o.y1 <= before.y0 + body for o in boxes)


def _aligned(a: Any, b: Any, body: float) -> bool:
    """Whether two boxes are set flush left or centred on one another (within the body size)."""
    return abs(a.x0 - b.x0) <= body or abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= body


def _page_boxes(ltpage: Any) -> tuple[list, str]:
    """A page's text boxes, and the text of its other objects (characters in a figure). A page
    with no text box but in its figures is a page placed whole (pdfpages, pdfjam: a Form XObject,
    `_laparams`): the text boxes of its figures are the page's."""
    from pdfminer.layout import LTFigure, LTTextBox

    objs = list(ltpage)
    while not any(isinstance(o, LTTextBox) for o in objs) and any(isinstance(o, LTFigure) for o in objs):
        objs = [c for o in objs for c in (o if isinstance(o, LTFigure) else [o])]
    boxes = [obj for obj in objs if isinstance(obj, LTTextBox)]
    other = "".join(_all_text(obj) for obj in objs if not isinstance(obj, LTTextBox))
    return boxes, other


def _all_text(obj: Any) -> str:
    from pdfminer.layout import LTContainer, LTText

    if isinstance(obj, LTContainer):
        return "".join(_all_text(o) for o in obj)
    return obj.get_text() if isinstance(obj, LTText) else ""


def _box_text(box: Any) -> str:
    """A box's text as pdfminer's TextConverter writes it: its lines, and a line end after it."""
    return box.get_text() + "\n"


#: a line whose first word would have fit at the end of the line before (after a space of this
#: many times the body size) starts a paragraph: the line before was ended, not wrapped
_SPACE = 0.25
#: a line set in from its column's left edge by more than this times the body size starts a paragraph
_INDENT = 0.5


def _ink_x1(line: Any) -> float:
    """Where a line's last visible character ends (a trailing space is no ink)."""
    return max((ch.x1 for ch in line if hasattr(ch, "x1") and not ch.get_text().isspace()), default=line.x1)


def _first_word_width(line: Any) -> float:
    """The width of a line's first word (its characters up to the first space)."""
    x0 = x1 = None
    for ch in line:
        if not hasattr(ch, "x1") or ch.get_text().isspace():
            if x0 is not None:
                break
            continue
        x0 = ch.x0 if x0 is None else x0
        x1 = ch.x1
    return (x1 - x0) if x0 is not None else 0.0


def _starts_paragraph(before: Any, line: Any, edges: tuple[float, float, float], body: float, inside: bool = False,
                      one_box: bool = False) -> bool:
    """Layout evidence that `line` starts a paragraph after the line `before` (`edges`: the left
    edge of the column of `line`, the left and right edges of the column of `before`): it is set
    in (in one box, `one_box`, where `before` is not or is set in as far: lines of a box set in
    by varying amounts, centred ones, are no paragraph starts), or its first word would have fit
    at the end of `before` (so `before` was ended there, not wrapped). A line that ends in a
    hyphen is wrapped whatever follows it. `inside`: the two lines are of one box, no white between them;
    there a short line is a paragraph's end only where it ends a sentence (as the cleaner reads
    it), since a typesetter may wrap a ragged line before a word that would fit (a paragraph
    composer evening out the lines)."""
    from .clean.data import _HYPHENS, _data  # the characters the cleaner reads as a line-end hyphen
    from .clean.lines import _ends_sentence

    left, before_left, right = edges
    if line.x0 > left + body * _INDENT and (not one_box or before.x0 <= before_left + body * _INDENT
                                             or abs(before.x0 - line.x0) < body * 0.1):
        return True
    end = before.get_text().rstrip()
    if len(end) >= 2 and end[-1] in _HYPHENS and end[-2].isalnum():
        return False
    if inside and not _ends_sentence(end, _data()):
        return False
    return _ink_x1(before) + body * _SPACE + _first_word_width(line) <= right


def _side_by_side(boxes: list) -> bool:
    """Whether two of `boxes` stand side by side: one ends left of where the other starts, and
    they overlap in height (two columns of text). A box above or below another is not beside it,
    however far left it ends (a short line of the body under a running header set centred)."""
    return any(a.x1 <= b.x0 and a.y0 < b.y1 and b.y0 < a.y1 for a in boxes for b in boxes)


def _same_column(a: Any, b: Any) -> bool:
    """Whether two boxes stand in one column: they overlap across more than half the narrower."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _font(ch: Any) -> str:
    """The name of the font a character is set in, without a subset's tag ("ABCDEF+Arial": "Arial"),
    which differs between subsets of one font."""
    return _SUBSET.sub("", str(getattr(ch, "fontname", "")))


_SUBSET = re.compile(r"^[A-Z]{6}\+")


def _body_font(boxes: list) -> str:
    """The font most characters of `boxes` (a page's body boxes) are set in."""
    from collections import Counter

    fonts = Counter(_font(ch) for box in boxes for line in box for ch in line if hasattr(ch, "size"))
    return fonts.most_common(1)[0][0] if fonts else ""


def _runs_on(box: Any, body: float, font: str, edges: tuple[float, float]) -> bool:
    """Whether the first line of the body box `box` is set as the page's body (most of its
    characters in the body's font `font`, at its size `body`) and runs on into the box's next
    line: it ends in a hyphen after a letter, or the next line's first word would not have fit
    at its end (the column's right edge, `edges`), and the next line starts no paragraph by the
    layout (`_starts_paragraph`). Such a line is body text, however it ends ("... was nun folgt:
    Die Führung des" / "Landes hat den Nachbarn ..."): no title, which the cleaner otherwise
    guesses from its words alone (a headline also ends in a colon's clause or a function word).
    A title set in a larger or another font (bold), or short of the column's edge, is none."""
    from collections import Counter

    from .clean.data import _HYPHENS

    lines = list(box)
    if len(lines) < 2 or not body:
        return False
    first, second = lines[0], lines[1]
    chars = [ch for ch in first if hasattr(ch, "size")]
    fonts = Counter(_font(ch) for ch in chars)
    if not chars or fonts.most_common(1)[0][0] != font or abs(_box_size([first]) - body) > 0.05 * body:
        return False
    if _starts_paragraph(first, second, (edges[0], edges[0], edges[1]), body, inside=True, one_box=True):
        return False
    end = first.get_text().rstrip()
    return (len(end) >= 2 and end[-1] in _HYPHENS and end[-2].isalpha()) \
        or _ink_x1(first) + body * _SPACE + _first_word_width(second) > edges[1]


def _column(box: Any, texts: list) -> tuple[float, float]:
    """(left, right) edge of the column `box` stands in: the leftmost start and the rightmost line
    end of the page's body boxes `texts` (no headline) in its column (`_same_column`)."""
    col = [b for b in texts if _same_column(b, box)] + [box]
    return min(b.x0 for b in col), max(_ink_x1(ln) for b in col for ln in b)


def _body_text(box: Any, body: float, edges: tuple[float, float]) -> str:
    """A body box's text for its article (`extract_articles`) or page (`extract`): its lines as
    `_box_text` writes them, and a blank line also inside the box before a line that starts a
    paragraph by the layout (`_starts_paragraph`: set in, or its first word would have fit on the line before,
    which ends a sentence) or is set wholly in another font than the line before (`_font_change`:
    a headline set in bold at the body's size right above the body), as between boxes (pdfminer
    puts paragraphs set without white between them into one box)."""
    from .clean.data import _HYPHENS

    lines = list(box)
    sizes = [_box_size([line]) for line in lines]
    out = ""
    for k, line in enumerate(lines):
        end = out.rstrip("\n").rstrip(" ")
        if k and min(sizes[k - 1], sizes[k]) > body * _HEADLINE and max(sizes[k - 1], sizes[k]) <= min(
                sizes[k - 1], sizes[k]) * _HEADLINE and not (len(end) >= 2 and end[-1] in _HYPHENS and end[-2].isalnum()):
            # a headline's lines (set larger than the body) that pdfminer put in the body's box: one
            # line, as `_headline_runs` joins a headline box's
            out = end + " " + line.get_text().lstrip(" ")
            continue
        if k and (_starts_paragraph(lines[k - 1], line, (edges[0], edges[0], edges[1]), body, inside=True, one_box=True)
                  or _font_change(lines[k - 1], line)):
            out += "\n"
        out += line.get_text()
    return out + "\n"


def _font_change(before: Any, line: Any) -> bool:
    """Whether every letter of `before` is set in one font and every letter of `line` in another
    (a bold headline's last line, then the body's first: "... gegen die Proteste im Land" /
    "So überraschend die Proteste ..."), `before` not ending in a hyphen. A word set in bold or
    italics inside a line changes no line's font."""
    from .clean.data import _HYPHENS

    def font(ln: Any) -> Optional[str]:
        fonts = {_font(ch) for ch in ln if hasattr(ch, "size") and ch.get_text().isalpha()}
        return fonts.pop() if len(fonts) == 1 else None

    end = before.get_text().rstrip()
    if len(end) >= 2 and end[-1] in _HYPHENS and end[-2].isalnum():
        return False
    a, b = font(before), font(line)
    return a is not None and b is not None and a != b


def _column_bottom(order: list, headlines: set) -> float:
    """Where the article's text ends in the column of `order[0]`: the lowest bottom of the boxes
    read after it, up to the next headline (`headlines`: their ids; a crosshead is none), that
    stand in its column."""
    low = order[0].y0
    for b in order[1:]:
        if id(b) in headlines:
            break
        if _same_column(b, order[0]):
            low = min(low, b.y0)
    return low


def _goes_on(before: Any, box: Any, body: float, edges: tuple[float, float, float], top: float, bottom: float) -> bool:
    """Whether the body box `box`, read after `before` in its article, goes on with `before`'s
    last paragraph (`edges`: the left edge of the column of `box`, the left and right edges of
    the column of `before`). Right below it in its column, with less white between than a line
    (pdfminer starts a box at a line set in): where `box`'s first line
    starts no paragraph by the layout, as between two lines of a box (`_starts_paragraph`).
    In the next column (beside `before`, not below it): with no white between (`box` no lower
    than the article's text starts in the column of `before`, `top`; `before` no higher than it
    ends in the column of `box`, `bottom`: white above or below is a paragraph break) and where
    its first line starts no paragraph by the layout. Otherwise the white between two boxes is
    a paragraph break."""
    if not len(list(box)) or not len(list(before)):
        return False
    first, last = list(box)[0], list(before)[-1]
    if _same_column(before, box):
        if box.y1 > before.y0 + body * _INDENT or before.y0 - box.y1 > body * _INDENT:
            return False
        return not _starts_paragraph(last, first, edges, body, inside=True)
    if box.x0 < before.x1 or box.y1 <= before.y0 or box.y1 < top - body * _INDENT \
            or before.y0 > bottom + body:
        return False
    return not _starts_paragraph(last, first, edges, body)


def _column_goes_on(boxes: list, body: float) -> set[int]:
    """The ids of a page's body boxes (`boxes` in reading order, `body` the body size) that go on
    in the next column with the paragraph of the body box read before them (`_goes_on`, as
    `extract_articles` reads an article's columns: no white above it at the column's top, none
    below the paragraph's end, and its first line starts no paragraph by the layout). A box set
    larger than the body (a headline, a crosshead) ends the run; the page's running header and
    footer are in none."""
    if not body:
        return set()
    rest = {id(b) for b in _page_furniture(boxes, body)[1]}
    order = [b for b in boxes if id(b) in rest]
    heads = {id(b) for b in order if _box_size(b) > body * _HEADLINE}
    texts = [b for b in order if id(b) not in heads]
    return {id(box) for box, goes_on in _paragraphs_going_on(order, body, lambda b: _column(b, texts), heads, across=True) if goes_on}


def _paragraphs_going_on(order: list, body: float, column: Callable[[Any], tuple[float, float]], headlines: set,
                         across: bool = False) -> Iterator[tuple[Any, bool]]:
    """(box, whether its first line goes on the paragraph of the body box read before it: `_goes_on`) of
    each box of a page's reading order `order` (`body` the body size, `column` a box's column edges,
    `headlines` the ids of the boxes that start an article: one ends the paragraph, and the article's
    text in a column ends before the next, `_column_bottom`). A box set larger than the body (a headline,
    a crosshead) goes on no paragraph, nor does one after it. `across`: only a box in the next column
    goes on (`_column_goes_on`), else one in the same column too (`extract_articles`). The one walk
    of both, so that `extract` and `--pdf-articles` read a column's turn alike."""
    prev, col_top = None, 0.0  # the body box read before; where the article's text starts in the column of `prev`
    for at, box in enumerate(order):
        if id(box) in headlines:
            prev = None
            yield box, False
            continue
        goes_on = prev is not None and max(_box_size(prev), _box_size(box)) <= body * _HEADLINE \
            and not (across and _same_column(prev, box)) \
            and _goes_on(prev, box, body, (column(box)[0], *column(prev)), col_top, _column_bottom(order[at:], headlines))
        if prev is None or not _same_column(prev, box):
            col_top = box.y1  # the top of the article's text in this column
        prev = box
        yield box, goes_on


def _mended(head: str) -> str:
    """A headline's text (`_headline_text`) as one line, a line-end hyphen in it mended as the
    cleaner mends it in the article's text ("Reser-" "visten": "Reservisten"; "Sowjet-" "Traum":
    "Sowjet-Traum"), so that the title is the article's first paragraph. Only line ends and
    hyphens may change: where the cleaner's text differs otherwise, the lines joined as set."""
    joined = " ".join(head.split())
    if len(head.strip().splitlines()) < 2:
        return joined
    from .clean import clean
    from .clean.data import _HYPHENS

    mended = " ".join(clean(head, lines=True).text.split())
    bare = lambda t: "".join(ch for ch in t if not ch.isspace() and ch not in _HYPHENS)
    return mended if mended and bare(mended) == bare(joined) else joined


def _headline_text(box: Any, body: float) -> str:
    """A headline box's text for its article (`extract_articles`): its runs (`_headline_runs`),
    a blank line after each (a kicker, the headline, a subtitle set in one box are a paragraph
    each)."""
    return "".join(text + "\n" for _, text in _headline_runs(box, body))


def _headline_runs(box: Any, body: float) -> list[list]:
    """A headline box's runs of lines of one size ([size, text]): its lines set larger than the
    body size `body` joined into one line with a space (a headline set in two lines is one
    paragraph for the cleaner, which reads two short lines as two), and a line end after it; a
    line set larger than the one before by more than `_HEADLINE` times, or smaller, starts a run
    (a kicker over the headline, a subtitle under it: pdfminer puts them in the headline's box).
    Only whitespace changes: a line that ends in a hyphen after a letter or digit ("Sowjet-",
    "militä-") keeps its line end, so that the cleaner mends it as any line-end hyphen (its
    lexicon decides whether the hyphen stays: "Sowjet-Traum", "militärische"); a line of the
    box set no larger than the body (pdfminer's box may take one) is not joined."""
    from .clean.data import _HYPHENS  # the characters the cleaner reads as a line-end hyphen

    runs: list[list] = []
    big = False
    for line in box:
        text = line.get_text()
        size = _box_size([line])
        large = size > body * _HEADLINE
        if not runs or (big and large and max(size, runs[-1][0]) > min(size, runs[-1][0]) * _HEADLINE):
            runs.append([size, text])
        else:
            end = runs[-1][1].rstrip("\n").rstrip(" ")
            if big and large and not (len(end) >= 2 and end[-1] in _HYPHENS and end[-2].isalnum()):
                runs[-1][1] = end + " " + text.lstrip(" ")
            else:
                runs[-1][1] += text
        big = large
    return runs


def _body_size(boxes: list) -> float:
    sizes = [ch.size for box in boxes for line in box for ch in line if hasattr(ch, "size")]
    return median(sizes) if sizes else 0.0


def _column_converter():
    """pdfminer's TextConverter with the text boxes of a page put in reading order by columns
    (issue 17). pdfminer's own order (`LAParams.boxes_flow`) mixes the columns and the articles
    of an e-paper page holding several; no setting of boxes_flow / line_margin / char_margin /
    detect_vertical / all_texts read more than 18 of 45 such pages in order (the default: 11),
    so the boxes pdfminer found are kept, each with its text, and only their order changes.
    Beside that text it writes each box as `_body_text` writes it (a blank line before a line
    that starts a paragraph by the layout, with the body size and columns of its page or figure)
    to `layout`, and says whether every page was set in one column (`one_column`: `_extract`)."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LTFigure, LTTextBox

    def in_order(container: Any) -> None:
        """`container`'s text boxes in reading order, and those of each figure in it (a Form
        XObject's text, `_laparams`: a page placed whole is read column by column too)."""
        at = [i for i, obj in enumerate(container._objs) if isinstance(obj, LTTextBox)]
        boxes = [container._objs[i] for i in at]
        sizes = [ch.size for box in boxes for line in box for ch in line if hasattr(ch, "size")]
        if sizes:
            for i, box in zip(at, reading_order(boxes, median(sizes))):
                container._objs[i] = box
        for obj in container._objs:
            if isinstance(obj, LTFigure):
                in_order(obj)

    class ColumnOrder(_turned_aside(_word_spaced(TextConverter))):
        def __init__(self, resources: Any, out: Any, aside: list, layout: Any, **kwargs: Any) -> None:
            super().__init__(resources, out, **kwargs)
            self.aside = aside
            # the text with the paragraph breaks the layout shows (`_body_text`), written beside
            # pdfminer's, and whether every page so far is set in one column
            self.layout, self.one_column = layout, True
            # the offsets in `layout` of the body lines that run on (`_runs_on`), and its length
            self.runs_on: list[int] = []
            self.written = 0
            # the first page's headline (`_headline_runs`: its run set largest, mended): its boxes set
            # larger than the body before any box of the body's size; and the pages read so far
            self.headline: list = []
            self.body_seen = False
            self.pages_read = 0
            # the offsets in `layout` of the first body lines of a page that go on with the paragraph
            # the page before ended in (`runs_over`); the last body line read (line, its column's
            # edges, the body size) and whether no body line of this page was read yet
            self.runs_over: list[int] = []
            self.last_line: Optional[tuple] = None
            self.page_top = True
            # on pages of several columns: the offsets in the text (pdfminer's, `out`) of the first
            # lines of the body boxes that go on with the paragraph of the box before them in the
            # column before (`_column_goes_on`), the ids of those boxes (of the page being read),
            # and the text's length
            self.column_runs_over: list[int] = []
            self.goes_on: set[int] = set()
            self.text_written = 0
            # the offsets in `layout` and in the text of the first lines of the boxes set larger than the
            # body in a page's text (not its running header or footer row): `large_lines`
            self.large: list[int] = []
            self.column_large: list[int] = []

        def receive_layout(self, ltpage: Any) -> None:
            from pdfminer.layout import LTContainer, LTText

            in_order(ltpage)
            self.page_top = True
            # the ids of this page's boxes only: a page's layout is freed after it, and Python gives
            # its ids to the boxes of a later page, which the ids of an earlier page would then mark
            self.goes_on = set()
            turned = [o for o in ltpage._objs if getattr(o, "turned", False)]
            if turned and _upright_chars(ltpage) >= sum(o.turned for o in turned):
                # set at an angle beside the page's text (a photo credit): left out of it, not read
                # after its last line, which the cleaner would take for the credit's caption
                ltpage._objs = [o for o in ltpage._objs if not getattr(o, "turned", False)]
                self.aside += [_all_text(o) for o in turned]

            def write(text: str, layout: Optional[str] = None) -> None:
                self.write_text(text)
                self.text_written += len(text)
                layout = text if layout is None else layout
                self.layout.write(layout)
                self.written += len(layout)

            def render(item: Any, body: float, texts: list, font: str = "", large: frozenset = frozenset()) -> None:
                if isinstance(item, LTTextBox):
                    edges = _column(item, texts) if body else (0.0, 0.0)
                    if body and any(b is item for b in texts) and _runs_on(item, body, font, edges):
                        first = list(item)[0].get_text()
                        self.runs_on.append(self.written + len(first) - len(first.lstrip()))
                    lines = list(item)
                    if lines and id(item) in self.goes_on:
                        first = lines[0].get_text()
                        self.column_runs_over.append(self.text_written + len(first) - len(first.lstrip()))
                    body_box = bool(body and any(b is item for b in texts) and abs(_box_size(item) - body) <= 0.05 * body)
                    if body_box:
                        # a body box's lines that the layout shows wrapped, inside a paragraph: not set
                        # in, their first word too long for the line before (`_starts_paragraph`, the
                        # rule of `--pdf-articles`), no change of font (a bold line at the body's size):
                        # no paragraph break there, also after a sentence's end ("... am Montag." /
                        # "„Gleichzeitig glaubt ..."), where the cleaner guesses one at a short line
                        at = self.text_written
                        for k, line in enumerate(lines):
                            if k and not _starts_paragraph(lines[k - 1], line, (edges[0], edges[0], edges[1]), body,
                                                           one_box=True) and not _font_change(lines[k - 1], line):
                                text_k = line.get_text()
                                self.column_runs_over.append(at + len(text_k) - len(text_k.lstrip()))
                            at += len(line.get_text())
                    if body_box and lines:
                        # a body box (no running header set smaller): its first line at the top of a
                        # page goes on with the paragraph the page before ended in where it is not set
                        # in and its first word would not have fit at the end of that page's last
                        # line (the page break fell inside a paragraph, after a sentence's end too)
                        if self.page_top and self.last_line is not None and abs(self.last_line[2] - body) <= 0.05 * body \
                                and not _starts_paragraph(self.last_line[0], lines[0], (edges[0], *self.last_line[1]), body):
                            first = lines[0].get_text()
                            self.runs_over.append(self.written + len(first) - len(first.lstrip()))
                        self.page_top = False
                        self.last_line = (lines[-1], edges, body)
                    if body and not self.pages_read and not self.body_seen:
                        if _box_size(item) > body * _HEADLINE:
                            self.headline += _headline_runs(item, body)
                        elif _box_size(item) >= body * 0.95:
                            self.body_seen = True
                    # a headline box (set larger than the body) as `extract_articles` writes it: its
                    # lines of one size one line (`_headline_text`), which the cleaner reads as one
                    # title; it read a headline set in two lines as a title and a paragraph, and one
                    # in three short lines as a pull quote. In the text of a page of several columns too
                    head = body and _box_size(item) > body * _HEADLINE
                    text = _headline_text(item, body) if head else item.get_text() + "\n"
                    layout = None if not body else _headline_text(item, body) if head else _body_text(item, body, edges)
                    if id(item) in large and text.strip():
                        # a headline or crosshead in the page's text: no running header's part (`clean(large_lines=)`)
                        self.column_large.append(self.text_written + len(text) - len(text.lstrip()))
                        lay = text if layout is None else layout
                        self.large.append(self.written + len(lay) - len(lay.lstrip()))
                    write(text, layout)
                elif isinstance(item, LTContainer):
                    boxes = [o for o in item if isinstance(o, LTTextBox)]
                    if boxes or isinstance(item, LTFigure):
                        body = _body_size(boxes)
                        # the body boxes: no headline, no running header or footer
                        texts = [b for b in (_page_furniture(boxes, body)[1] if body else boxes)
                                 if _box_size(b) <= body * _HEADLINE]
                        font = _body_font(texts)
                        self.goes_on |= _column_goes_on(boxes, body)
                        large = frozenset(id(b) for b in (_page_furniture(boxes, body)[1] if body else ())
                                          if _box_size(b) > body * _HEADLINE)
                        # one column: no two body boxes side by side (at one height, the one left
                        # ending before the other starts); a short line (a crosshead) and a running
                        # header centred above it, which pdfminer's furniture gap may leave among
                        # the body boxes, are not side by side
                        self.one_column = self.one_column and not _side_by_side(texts)
                    for child in item:
                        render(child, body, texts, font, large)
                elif isinstance(item, LTText):
                    write(item.get_text())

            render(ltpage, 0.0, [])
            write("\f")
            self.pages_read += 1

    return ColumnOrder


def _word_spaced(device: type) -> type:
    """The pdfminer layout device `device` with a space's character as wide as the room it takes
    on its line: its glyph and the PDF's word spacing (`Tw`), which justified text set with
    single-byte fonts widens (fpdf2, word processors). pdfminer makes the space's character as
    wide as its glyph and leaves the word spacing as white after it; where that white is wider
    than its `char_margin` times the narrow characters beside it (" Im", " I"), it cut the line
    there into pieces it read out of order ("... Flughafen von Internet wurden ...": the words of
    a justified line moved to the line above; 9 of the 15 justified PDFs of bench/bench_pdf.py).
    Only the character's box changes: every glyph stays where the PDF sets it."""

    class WordSpaced(device):  # type: ignore[misc, valid-type]
        _wordspace = 0.0

        def render_string_horizontal(self, seq: Any, matrix: Any, pos: Any, font: Any, fontsize: float, scaling: float,
                                     charspace: float, wordspace: float, *args: Any) -> Any:
            self._wordspace = wordspace
            try:
                return super().render_string_horizontal(seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                                        *args)
            finally:
                self._wordspace = 0.0

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int, ncs: Any,
                        graphicstate: Any) -> float:
            extra = self._wordspace if cid == 32 and self._wordspace > 0 and fontsize * scaling else 0.0
            if not extra:
                return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            from pdfminer.layout import LTChar
            from pdfminer.pdffont import PDFUnicodeNotDefined

            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            # the room the word spacing adds after it (pdfminer adds `wordspace` to the pen after
            # this character) is the character's own: its advance is returned without it
            item = LTChar(matrix, font, fontsize, scaling, rise, text, font.char_width(cid) + extra / (fontsize * scaling),
                          font.char_disp(cid), ncs, graphicstate)
            self.cur_item.add(item)
            return item.adv - extra

    return WordSpaced


def _turned_aside(device: type) -> type:
    """The pdfminer layout device `device` with the characters set at an angle to the page's lines
    (pdfminer's `upright` false: a photo credit set up the side of a photo, "Foto: Vladimir
    Tretyakov/dpa", a section's name along the page's edge) taken out of the page's layout and read
    as lines in their own direction (`_turned_text`), after the page's boxes. Beside a page's
    upright text they are no part of it: `extract` leaves them out of its text and says so in a
    warning, `extract_articles` counts them as furniture (as a figure's text); a page set at an
    angle as a whole is read from them. pdfminer put each of them in a line of its own, one letter
    a line read into the text ("a p d / v o k a y t e r ...")."""

    class TurnedAside(device):  # type: ignore[misc, valid-type]
        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int, ncs: Any,
                        graphicstate: Any) -> float:
            from math import hypot

            from pdfminer.layout import LTChar

            adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            item = self.cur_item._objs[-1] if self.cur_item._objs else None
            if isinstance(item, LTChar) and not item.upright:
                self.cur_item._objs.pop()
                # its size: the font's, across the line (the matrix may scale it)
                self.__dict__.setdefault("_turned", []).append((item, fontsize * hypot(matrix[2], matrix[3])))
            return adv

        def end_page(self, page: Any) -> None:
            turned = self.__dict__.pop("_turned", [])
            if turned:
                self.cur_item.add(_turned_text(turned))
            super().end_page(page)

    return TurnedAside


def _turned_text(chars: list) -> Any:
    """The characters `chars` ((character, font size), set at an angle) as lines of text: grouped by direction and by
    baseline, each line in order along its direction, a space where the gap between two letters
    is wider than a quarter of their size, a blank line where the lines stand apart."""
    from math import hypot

    from pdfminer.layout import LTAnno, LTContainer

    placed = []
    for ch, size in chars:
        a, b, _, _, x, y = ch.matrix
        n = hypot(a, b) or 1.0
        a, b = round(a / n, 2), round(b / n, 2)  # the line's direction
        # (direction, height across the lines, place along the line, advance, size, character)
        placed.append(((a, b), -b * x + a * y, a * x + b * y, ch.adv * n, max(size, 1.0), ch))
    placed.sort(key=lambda t: (t[0], -t[1]))
    out = LTContainer((min(ch.x0 for ch, _ in chars), min(ch.y0 for ch, _ in chars), max(ch.x1 for ch, _ in chars),
                       max(ch.y1 for ch, _ in chars)))
    lines: list[list] = []
    for t in placed:
        if lines and lines[-1][0][0] == t[0] and abs(lines[-1][0][1] - t[1]) <= 0.5 * t[4]:
            lines[-1].append(t)
        else:
            lines.append([t])
    for k, line in enumerate(lines):
        if k and (line[0][0] != lines[k - 1][0][0] or lines[k - 1][0][1] - line[0][1] > 2 * line[0][4]):
            out.add(LTAnno("\n"))
        line.sort(key=lambda t: t[2])
        end = None
        for direction, up, along, adv, size, ch in line:
            if end is not None and along - end > 0.25 * size and not ch.get_text().isspace() \
                    and not out._objs[-1].get_text().isspace():
                out.add(LTAnno(" "))
            out.add(ch)
            end = along + adv
        out.add(LTAnno("\n"))
    out.turned = len(chars)  # type: ignore[attr-defined]  # (how many characters: `_column_converter`)
    return out


def _upright_chars(container: Any) -> int:
    """The characters of the text boxes in `container` and its figures (no text set at an angle)."""
    from pdfminer.layout import LTChar, LTFigure, LTTextBox

    n = 0
    for obj in container:
        if isinstance(obj, LTTextBox):
            n += sum(1 for line in obj for ch in line if isinstance(ch, LTChar))
        elif isinstance(obj, LTFigure):
            n += _upright_chars(obj)
    return n


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
