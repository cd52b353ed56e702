"""OpenDocument text (.odt, LibreOffice's and OpenOffice's own format): the body of `content.xml`,
read with the standard library (zipfile + xml.etree), as `docx.py` reads a Word file's.

The text follows the .docx reader's conventions (`pipeline/docx.py`), so that one article reads
the same whether saved as .docx or .odt: each paragraph (`text:p`) and heading (`text:h`) a block,
blank lines between (`"blocks": True`); a list's items (`text:list`) blocks of their own, a bullet
left out, a number ("1.", "a)", "IV.") counted as the list style numbers the level and put before
the item, followed by a tab, as the .docx reader does; a table's rows in order, a row
of one-line cells one line, its cells apart by a tab, else each cell's paragraphs as blocks; a line
break (`text:line-break`) splits a paragraph into lines; `text:s` is its count of spaces
(`text:c`), `text:tab` a tab. Left out, as the .docx reader leaves them out: footnotes and endnotes
(`text:note`), comments (`office:annotation`), the text of tracked deletions
(`text:tracked-changes`: the text as it reads with every change accepted), and page headers and
footers (they are in styles.xml, not the body). The title is the first heading of outline level 1
(or a paragraph of the style "Title"), else the document's `dc:title` (meta.xml) where it looks
like a headline; the author (`meta:initial-creator`, else `dc:creator`) where it is a person's name.
A file that cannot be read is an `OdtUnreadable` with its kind and a reason a user can act on.
"""
from __future__ import annotations

import io
import platform
import re
import zipfile
import zlib
from typing import Any, Iterator, Optional
from xml.etree import ElementTree as ET

from .errors import ErrorKind, OdtUnreadable
from .clean.data import no_person_author
from .docx import _NO_TITLE, _OLE, MAX_XML_BYTES, ODT_MIMETYPES, _format, _persons

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
#: the mimetype of an OpenDocument text (and its template)
#: the parts the reader reads, counted against MAX_XML_BYTES
_READ_PARTS = frozenset({"mimetype", "content.xml", "meta.xml", "styles.xml", "META-INF/manifest.xml"})
#: inline elements whose text is not the body's text as it reads: footnotes, comments, a tracked
#: change's mark (its deleted text is in `text:tracked-changes`), a reading aid above a word (ruby text, as
#: the .docx reader leaves out `w:rt`), declarations, indexes (generated)
_SKIP = {_TEXT + "note", _OFFICE + "annotation", _OFFICE + "annotation-end", _TEXT + "change", _TEXT + "tracked-changes",
         _TEXT + "ruby-text", _TEXT + "sequence-decls", _TEXT + "variable-decls",
         _TEXT + "user-field-decls", _OFFICE + "forms", _TEXT + "table-of-content", _TEXT + "alphabetical-index"}
_HEADLINE_STYLES = ("title",)
#: a list level's `style:num-format` -> the .docx reader's number format (`docx._format`)
_NUM_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


class _Lists:
    """The numbered list styles of a document (style name -> level -> (format, prefix, suffix,
    start)) and the last number of each (style, level) met, for a list that continues one before it."""

    def __init__(self, *roots: Any) -> None:
        self.styles: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        self.last: dict[tuple[Optional[str], int], int] = {}
        for root in roots:
            for ls in root.iter(_TEXT + "list-style") if root is not None else []:
                levels = self.styles.setdefault(ls.get(_STYLE + "name") or "", {})
                for lvl in ls:
                    fmt = _NUM_FORMATS.get(lvl.get(_STYLE + "num-format") or "")
                    if lvl.tag != _TEXT + "list-level-style-number" or fmt is None:
                        continue  # a bullet, an image, a level without a number
                    levels[_int(lvl.get(_TEXT + "level"), 1)] = (fmt, lvl.get(_STYLE + "num-prefix") or "",
                                                                 lvl.get(_STYLE + "num-suffix") or "", _int(lvl.get(_TEXT + "start-value"), 1))


def _int(value: Optional[str], default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def extractor_name() -> str:
    """The record's `source.extracted_with` for an .odt: the standard library's XML reader."""
    return f"presseschau odt (Python {platform.python_version()} zipfile + xml.etree)"


def extract(data: bytes) -> tuple[str, dict[str, Any]]:
    """(text, meta) of an .odt's bytes; meta as `docx.extract` gives it (`extracted_with`,
    `blocks`, `title`, `authors`). Raises `OdtUnreadable`."""
    content, meta_xml = _parts(data)
    try:
        root = ET.fromstring(content)
    except ET.ParseError as e:
        raise OdtUnreadable(ErrorKind.UNREADABLE, f"a damaged OpenDocument file: its content.xml is not well-formed XML ({e})") from e
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise OdtUnreadable(ErrorKind.UNSUPPORTED, "not an OpenDocument text (its content.xml has no text body: a spreadsheet or "
                                                   "a presentation?); save the text as .odt or .docx")
    styles = _paragraph_styles(root)
    lists = _Lists(root, _styles_root(data))
    blocks: list[str] = []
    headline: Optional[str] = None
    for text, title in _blocks(body, styles, lists):
        if headline is None and title is not None:
            headline = " ".join(title.split()) or None
        blocks.extend(line for line in text.split("\n") if line.strip())
    text = "\n\n".join(blocks)
    if not any(ch.isalpha() for ch in text):
        raise OdtUnreadable(ErrorKind.EMPTY, "the OpenDocument text's body holds no text")
    meta: dict[str, Any] = {"extracted_with": extractor_name(), "blocks": True}
    title, author = _properties(meta_xml)
    if headline:
        meta["title"] = headline
    elif title and not _NO_TITLE.search(title) and len(title.split()) >= 2:
        meta["title"] = title
    if author and not no_person_author(author) and any(ch.isalpha() for ch in author):
        meta["authors"] = [name for a in re.split(r";\s*|\s+und\s+", author) for name in _persons(a)]
    return text, meta


def _parts(data: bytes) -> tuple[bytes, Optional[bytes]]:
    """content.xml and meta.xml (or None) of an .odt, or `OdtUnreadable` naming what it is instead."""
    if data.startswith(_OLE):
        raise OdtUnreadable(ErrorKind.UNSUPPORTED, "an old binary Word file (.doc) named .odt; open it in LibreOffice or Word and save it as .odt or .docx")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        if data.startswith(b"PK\x03\x04"):
            raise OdtUnreadable(ErrorKind.UNREADABLE, f"a damaged OpenDocument file: its ZIP package is cut off or broken ({e}); "
                                                      "copy or download it again") from e
        raise OdtUnreadable(ErrorKind.UNREADABLE, f"not an OpenDocument file (no ZIP package: {e}; first bytes {data[:8]!r})") from e
    with z:
        names = set(z.namelist())
        # the parts read (zipfile reads no more than a part declares); pictures are never unpacked
        if sum(i.file_size for i in z.infolist() if i.filename in _READ_PARTS) > MAX_XML_BYTES:
            raise OdtUnreadable(ErrorKind.TOO_LARGE, f"its text parts (XML) unpack to more than {MAX_XML_BYTES:,} bytes "
                                                     "(a ZIP bomb, or a document far longer than one article: split it)")
        try:
            mimetype = z.read("mimetype").strip() if "mimetype" in names else None
            if "word/document.xml" in names:
                raise OdtUnreadable(ErrorKind.UNSUPPORTED, "a Word document (.docx) named .odt; name it .docx")
            if mimetype is not None and mimetype not in ODT_MIMETYPES:
                raise OdtUnreadable(ErrorKind.UNSUPPORTED, f"not an OpenDocument text but {mimetype.decode('ascii', 'replace')!r}; "
                                                           "save the text as .odt or .docx")
            if "content.xml" not in names:
                raise OdtUnreadable(ErrorKind.UNREADABLE, "not an OpenDocument file (a ZIP without content.xml)")
            content = z.read("content.xml")
            meta = z.read("meta.xml") if "meta.xml" in names else None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as e:
            # a damaged member (CRC, deflate data), an encrypted one (a password: RuntimeError)
            raise OdtUnreadable(ErrorKind.UNREADABLE, f"a damaged or encrypted OpenDocument file ({type(e).__name__}: {e}); "
                                                      "open it in LibreOffice, remove any password and save it again") from e
    if b"<manifest:encryption-data" in (_manifest(data) or b""):
        raise OdtUnreadable(ErrorKind.UNREADABLE, "the OpenDocument file is encrypted (saved with a password); open it in "
                                                  "LibreOffice, remove the password and save it again")
    return content, meta


def _manifest(data: bytes) -> Optional[bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.read("META-INF/manifest.xml")
    except Exception:  # no manifest: nothing it says
        return None


def _paragraph_styles(root: Any) -> dict[str, str]:
    """Each automatic paragraph style's parent style name ("P1" -> "Title"): LibreOffice gives a
    paragraph formatted by hand an automatic style of its own, derived from the one the user chose."""
    out: dict[str, str] = {}
    auto = root.find(_OFFICE + "automatic-styles")
    for st in auto if auto is not None else []:
        name, parent = st.get(_STYLE + "name"), st.get(_STYLE + "parent-style-name")
        if name and parent:
            out[name] = parent
    return out


def _is_title(el: Any, styles: dict[str, str]) -> bool:
    if el.tag == _TEXT + "h":
        return (el.get(_TEXT + "outline-level") or "1") == "1"
    style = el.get(_TEXT + "style-name") or ""
    return styles.get(style, style).lower() in _HEADLINE_STYLES


def _styles_root(data: bytes) -> Any:
    """styles.xml's root (the named list styles: "Numbering 123"), or None where it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return ET.fromstring(z.read("styles.xml"))
    except Exception:  # no styles part, a damaged one: the lists of content.xml's own styles are numbered
        return None


def _list(el: Any, styles: dict[str, str], lists: _Lists, outer: Optional[str] = None, level: int = 0) -> Iterator[tuple[str, Optional[str]]]:
    """The blocks of a list (`text:list`), each item's first paragraph after its number where the
    list style numbers its level ("1.", "a)", "IV."), counted as LibreOffice shows it: from the
    level's start value, an item's `text:start-value`, a list that continues the one before it
    (`text:continue-numbering`, `text:continue-list`); a number the file stores (`text:number`) is taken as it is."""
    style = el.get(_TEXT + "style-name") or outer
    level += 1
    fmt = lists.styles.get(style or "", {}).get(level)
    key = (style, level)
    cont = el.get(_TEXT + "continue-numbering") == "true" or el.get(_TEXT + "continue-list") is not None
    n = lists.last.get(key, 0) if cont else (fmt[3] - 1 if fmt else 0)
    for item in el:
        if item.tag not in (_TEXT + "list-item", _TEXT + "list-header"):
            continue
        label = ""
        if item.tag == _TEXT + "list-item" and fmt is not None:
            n = _int(item.get(_TEXT + "start-value"), n + 1)
            label = f"{fmt[1]}{_format(n, fmt[0])}{fmt[2]}\t"
        for sub in item:
            if sub.tag == _TEXT + "list":
                yield from _list(sub, styles, lists, style, level)
                continue
            if label and sub.find(_TEXT + "number") is not None:
                label = ""  # the number as the file stores it
            for text, title in _blocks([sub], styles, lists):
                yield (label + text if label else text), title
                label = ""
    lists.last[key] = n


def _blocks(container: Any, styles: dict[str, str], lists: _Lists) -> Iterator[tuple[str, Optional[str]]]:
    """(text, its text as a title without its number where it is a headline, else None) of each paragraph and heading under a body, a list item,
    a section or a table cell, in document order; a table row by row (`docx._blocks`' convention)."""
    for child in container:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag in (_TEXT + "p", _TEXT + "h"):
            boxes: list = []
            text = "".join(_text(child, boxes))
            if text.strip():
                yield text, "".join(_text(child, [], numbers=False)) if _is_title(child, styles) else None
            for box in boxes:
                yield from _blocks(box, styles, lists)
        elif tag == _TABLE + "table":
            for row in _rows(child):
                cells = [list(_blocks(cell, styles, lists)) for cell in row if cell.tag == _TABLE + "table-cell"]
                cells = [c for c in cells if c]
                if len(cells) > 1 and all(len(c) == 1 and "\n" not in c[0][0] for c in cells):
                    yield "\t".join(c[0][0] for c in cells), None
                else:
                    for c in cells:
                        yield from c
        elif tag in (_TABLE + "table-row", _TABLE + "table-header-rows", _TABLE + "table-rows"):
            continue  # walked by their table
        elif tag == _TEXT + "list":
            yield from _list(child, styles, lists)
        else:  # text:section, text:index-body, a frame ...: their paragraphs in order
            yield from _blocks(child, styles, lists)


def _rows(table: Any) -> Iterator[Any]:
    """A table's rows in order, also those in its header rows and row groups, not a nested table's."""
    for child in table:
        if child.tag == _TABLE + "table-row":
            yield child
        elif child.tag in (_TABLE + "table-header-rows", _TABLE + "table-rows", _TABLE + "table-row-group"):
            yield from _rows(child)


def _text(el: Any, boxes: list, numbers: bool = True) -> Iterator[str]:
    """A paragraph's text as LibreOffice shows it: spans, links and fields' results in, `text:s`
    as its spaces, footnotes, comments and tracked changes' marks out; the paragraphs of a text
    frame anchored in it (`draw:text-box`) are appended to `boxes`."""
    yield el.text or ""
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            pass
        elif tag == _TEXT + "s":
            try:
                n = int(child.get(_TEXT + "c") or 1)
            except ValueError:
                n = 1
            yield " " * max(1, min(n, 1000))
        elif tag == _TEXT + "tab":
            yield "\t"
        elif tag == _TEXT + "line-break":
            yield "\n"
        elif tag == _TEXT + "soft-page-break":
            pass
        elif tag == _TEXT + "number":  # a list item's or heading's number as the writing program shows it ("1."), where it stored it
            number = "".join(child.itertext()).strip() if numbers else ""
            yield number + "\t" if number else ""
        elif tag == _DRAW + "text-box":
            boxes.append(child)
        elif tag in (_DRAW + "frame", _DRAW + "a"):
            for box in child.iter(_DRAW + "text-box"):
                boxes.append(box)
        else:
            yield from _text(child, boxes, numbers)
        yield child.tail or ""


def _properties(meta_xml: Optional[bytes]) -> tuple[str, str]:
    """(dc:title, the author: meta:initial-creator, else dc:creator) of meta.xml, each "" where none."""
    if not meta_xml:
        return "", ""
    try:
        root = ET.fromstring(meta_xml)
    except ET.ParseError:
        return "", ""  # the document's properties only: the text is read without them
    meta = root.find(_OFFICE + "meta")
    if meta is None:
        return "", ""

    def value(tag: str) -> str:
        el = meta.find(tag)
        return " ".join((el.text or "").split()) if el is not None else ""

    return value(_DC + "title"), value(_META + "initial-creator") or value(_DC + "creator")
