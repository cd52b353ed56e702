"""Word text: python-docx opens a .docx (a manuscript, an archive export, a press release).

The extracted text becomes the article's raw text, as pdfminer's does for a PDF (`pipeline/pdf.py`)
and trafilatura's for a web page (`pipeline/html.py`): the record's `source.offsets`,
`raw_length` and the `removed` offsets count in it, and `source.extracted_with` names the
extractor, so that the map leads back to the file through one deterministic step.

The text is the document body in order: each paragraph a line of its own, blank lines between
(`"blocks": True`, as a web page's extraction: the cleaner never joins them as wrapped lines),
headings as their own lines, a table's cells (a fact box) row by row, left to right, each cell's
paragraphs as lines. Left out, as they are not the article: page headers and footers (the
outlet's letterhead, "Seite 2 von 3"), comments (an editor's notes) and footnotes (the author's
sources and remarks: their reference marks are not in the text, so appended at the end they
would stand apart from what they annotate, and a cleaner reading them as the article's last
lines would take a source line for a byline or a date line).

What python-docx does not do, and this module does on its XML:
- `Paragraph.text` reads only the runs that are the paragraph's children: the text of a tracked
  insertion (`w:ins`), of a content control (`w:sdt`), of a smart tag or a field's result in a
  `w:fldSimple` is lost, so the paragraph's text is read from all its text nodes, leaving out
  tracked deletions (`w:del`, `w:moveFrom`): the text as it reads now, with every change accepted;
- `Document.iter_inner_content()` passes over content controls at body level (a template's
  title or byline field) and nested tables; they are walked here;
- a text box (`w:txbxContent`) is written twice in the file, the drawing and its fallback for old
  Word (`mc:Fallback`); read once, its paragraphs as blocks after the paragraph anchoring it.

A file that cannot be read is a `DocxUnreadable` with the error kind and a reason a user can act
on: an old binary Word file (.doc: save it as .docx), a file locked by a password, a ZIP that is
no Word document, a damaged file, a document without text.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Iterator, Optional

from .errors import DocxUnreadable, ErrorKind

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: an OLE2 compound file: an old binary Word file (.doc), or a .docx locked by a password
#: (Office stores the encrypted package in one, with an "EncryptionInfo" stream)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
#: the parts of a .docx unpacked, at most (python-docx reads every part into memory; a ZIP bomb
#: of a few kB would unpack to gigabytes)
MAX_UNPACKED_BYTES = 1_000_000_000
#: subtrees whose text is not the document's text as it reads now
_SKIP = {_W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "pPr", _W + "rPr",
         _MC + "Fallback", _W + "footnoteReference", _W + "endnoteReference", _W + "commentReference"}
#: paragraph styles of a headline (python-docx gives the style's name, the English one also in a
#: German Word: "Heading 1", not "Überschrift 1")
_HEADLINE_STYLES = ("Title", "Heading 1")
#: core-property author names that are a machine's or a template's, not a person's
_NO_AUTHOR = re.compile(r"^(?:python-docx|microsoft office (?:user|benutzer)|windows[- ]?(?:user|benutzer)|administrator|admin|user|benutzer|"
                        r"unknown|unbekannt|owner|besitzer)$", re.I)
#: document titles that are a file name or a tool's placeholder, not the article's headline
#: ("Word Document": python-docx's invented title of a file without document properties)
_NO_TITLE = re.compile(r"\.(?:docx?|pdf|dotx?|rtf|odt|txt)\b|^(?:microsoft\s+\w+\s+-|untitled|unbenannt|ohne titel|dokument\d*|document\d*|word document)$", re.I)


def extractor_name() -> str:
    """`python-docx <version>`: the record's `source.extracted_with` for a .docx."""
    import docx

    return f"python-docx {getattr(docx, '__version__', '?')}"


def extract(data: bytes) -> tuple[str, dict[str, Any]]:
    """(text, meta) of a .docx's bytes. meta: `extracted_with`, `blocks` (one block per line:
    `clean.clean_input`), `title` (the first Title or Heading 1 paragraph, else the core
    properties' title where it looks like a headline) and `authors` (the core properties'
    author, where it is a person's name: a hint, the cleaner's byline wins). Raises `DocxUnreadable`.

    The core properties' `created` and `modified` are not taken as the publication date: they
    are the file's dates (when a template was first saved, when someone last opened and saved
    the file), not the article's, which the cleaner finds in its text where it is given."""
    _check_container(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as e:  # python-docx: "file '...' is not a Word file, content type is '...'"
        what = re.search(r"content type is '([^']*)'", str(e))
        raise DocxUnreadable(ErrorKind.UNREADABLE, "not a Word document (a ZIP of another kind"
                                                   + (f": {what.group(1)}" if what else "") + ")") from e
    except (KeyError, PackageNotFoundError, zipfile.BadZipFile) as e:
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"not a Word document (a ZIP without Word's parts: {e})") from e
    except Exception as e:  # damaged XML (lxml's XMLSyntaxError), a damaged ZIP member (zlib.error, EOFError)
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"a damaged Word document ({type(e).__name__}: {e})") from e
    blocks: list[str] = []
    headline: Optional[str] = None
    for text, style, paragraph in _blocks(document.element.body, document):
        if headline is None and style in _HEADLINE_STYLES:
            # the whole paragraph: a headline broken by hand (Shift+Enter) is one title
            headline = " ".join(paragraph.split()) or None
        blocks.append(text)
    text = "\n\n".join(blocks)
    if not any(ch.isalpha() for ch in text):
        raise DocxUnreadable(ErrorKind.EMPTY, "the Word document's body holds no text")
    meta: dict[str, Any] = {"extracted_with": extractor_name(), "blocks": True}
    props = document.core_properties
    title = " ".join((props.title or "").split())
    if headline:
        meta["title"] = headline
    elif title and not _NO_TITLE.search(title) and len(title.split()) >= 2:
        meta["title"] = title
    author = " ".join((props.author or "").split())
    if author and not _NO_AUTHOR.match(author) and any(ch.isalpha() for ch in author):
        meta["authors"] = [name for a in re.split(r";\s*|\s+und\s+", author) for name in _persons(a)]
    return text, meta


def _persons(names: str) -> list[str]:
    """The names in a piece of the author property, apart by commas; an Office account's name
    "Nachname, Vorname" (two single words) is one person, "Vorname Nachname"."""
    parts = [x.strip() for x in names.split(",") if x.strip()]
    if len(parts) == 2 and all(len(x.split()) == 1 for x in parts):
        return [f"{parts[1]} {parts[0]}"]
    return parts


def _check_container(data: bytes) -> None:
    """Raise `DocxUnreadable` where `data` is no .docx package: an old .doc, a locked file, no ZIP,
    a ZIP that would unpack to more than `MAX_UNPACKED_BYTES`."""
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise DocxUnreadable(ErrorKind.UNREADABLE, "the Word document is locked with a password; "
                                                       "open it in Word, remove the password and save it again")
        raise DocxUnreadable(ErrorKind.UNSUPPORTED, "an old binary Word file (.doc) named .docx; "
                                                    "open it in Word or LibreOffice and save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile as e:
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"not a Word document (no ZIP package: {e}; first bytes {data[:8]!r})") from e
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxUnreadable(ErrorKind.TOO_LARGE, f"its parts unpack to {unpacked:,} bytes, over the limit of {MAX_UNPACKED_BYTES:,}")


def _blocks(container: Any, document: Any, styles: Optional[dict] = None) -> Iterator[tuple[str, Optional[str], str]]:
    """(text, style name, the paragraph's whole text) of each non-empty paragraph under a body, a table cell or a content
    control, in document order; a table's cells row by row, each cell's paragraphs in turn.
    `styles`: the style name of each paragraph style id met (python-docx looks a paragraph's
    style up by scanning all styles: seconds for a long document, done once per style here)."""
    from docx.text.paragraph import Paragraph

    styles = {} if styles is None else styles
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            boxes: list = []
            text = "".join(_text(child, boxes, []))
            style = None
            if text.strip():
                style_id = child.find(f"{_W}pPr/{_W}pStyle")
                key = None if style_id is None else style_id.get(_W + "val")
                if key not in styles:
                    try:
                        styles[key] = Paragraph(child, document).style.name
                    except Exception:  # a style id the styles part does not define
                        styles[key] = None
                style = styles[key]
            # a manual line break (Shift+Enter) splits the paragraph into lines, each a block
            for line in text.split("\n"):
                if line.strip():
                    yield line, style, text
            for box in boxes:
                yield from _blocks(box, document, styles)
        elif tag == _W + "tbl":
            for row in child.iterchildren(_W + "tr"):
                # a merged cell is one w:tc: read once
                cells = [list(_blocks(cell, document, styles)) for cell in row.iterchildren(_W + "tc")]
                cells = [c for c in cells if c]
                if len(cells) > 1 and all(len(c) == 1 for c in cells):
                    # a row of one-line cells ("Gründung | 1992") is one line, its cells apart by a
                    # tab: as blocks of their own, a cell starting in lower case ("sechs Staaten")
                    # was joined to the cell before it, and a label stood apart from its value
                    row_text = "\t".join(c[0][0] for c in cells)
                    yield row_text, None, row_text
                else:
                    for c in cells:  # a fact box in one cell: its paragraphs as blocks
                        yield from c
        elif tag in (_W + "sdt", _W + "customXml"):
            if _placeholder(child):
                continue
            content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
            if content is not None:
                yield from _blocks(content, document, styles)
        elif tag in (_W + "ins", _W + "moveTo"):  # inserted rows or paragraphs, tracked: in
            yield from _blocks(child, document, styles)


def _placeholder(el: Any) -> bool:
    """Whether a content control shows its placeholder ("Klicken oder tippen Sie hier, um Text
    einzugeben."): a template's prompt, not text."""
    return el.tag == _W + "sdt" and el.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def _hidden(run: Any) -> bool:
    """Whether a run is formatted hidden (w:vanish): Word does not show it."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true").lower() not in ("false", "0", "off")


def _text(el: Any, boxes: list, fields: list) -> Iterator[str]:
    """The text of a paragraph as Word shows it (tracked deletions out, insertions in, hidden
    runs, placeholders and fields' codes out); its text boxes' contents are appended to `boxes`.
    `fields` holds, for each complex field open (w:fldChar begin ... separate ... end), whether
    its code is being read: a field nested in another's code (PAGE in an IF) is code too."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "fldChar":
            kind = child.get(_W + "fldCharType")
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
        elif _placeholder(child):
            continue
        elif tag == _W + "r" and _hidden(child):
            for _ in _text(child, [], fields):  # not shown; its field characters still count
                pass
        elif any(fields):  # a field's code: only its field characters are read
            for _ in _text(child, [], fields):
                pass
        elif tag == _W + "t":
            yield child.text or ""
        elif tag in (_W + "tab", _W + "ptab"):
            yield "\t"
        elif tag in (_W + "br", _W + "cr"):
            yield "\n"
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag == _W + "txbxContent":
            boxes.append(child)
        else:
            yield from _text(child, boxes, fields)
