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
  tracked deletions (`w:del`, `w:moveFrom`): the text as it reads now, with every change accepted (a paragraph whose
  mark is deleted begins the next one);
- `Document.iter_inner_content()` passes over content controls at body level (a template's
  title or byline field) and nested tables; they are walked here;
- a text box (`w:txbxContent`) is written twice in the file, the drawing and its fallback for old
  Word (`mc:Fallback`); read once, its paragraphs as blocks after the paragraph anchoring it;
- a numbered list's numbers ("1.", "a)", "IV.", "2.1") are not in the file's text: Word computes
  them from the paragraph's `w:numPr` (or its style's) and the numbering part's levels. python-docx
  parses `w:numPr` and the numbering part's elements but computes no number (it has no list
  counter at all), so `_Numbering` counts them here as Word does and puts each item's number before
  its text: a ranking ("1. Berlin", "2. Hamburg") keeps its order. A bullet stays out: its glyph
  (•, ▪, a Wingdings arrow) is no word, and in a list of items each line is a block of its own;
- a symbol inserted from a symbol font (`w:sym`: the degree sign of "20° Grad" from the font
  Symbol) holds a font's code, not a character: `_SYMBOLS` maps the characters that are text;
  so is text typed in a symbol font ("m" in Symbol is "µ"; also written as its private-use code);
- a list defined through a list style (`w:numStyleLink`) takes its levels from the style's list;
- a file saved as "Strict Open XML Document" (ISO 29500 strict) has its parts in namespaces python-docx
  does not know (`http://purl.oclc.org/ooxml/...`): they are mapped to the transitional ones first
  (`_transitional`), in memory;
- an embedded document (`w:altChunk`: HTML or RTF a program pasted in, which Word converts when
  it opens the file) is not read by python-docx, and an embedded .docx made it fail on the whole
  file: an HTML, plain-text or Word one is read here, another kind (RTF) is named in the record's
  warnings.

A file that cannot be read is a `DocxUnreadable` with the error kind and a reason a user can act
on: an old binary Word file (.doc: save it as .docx), a file locked by a password or by IRM, a ZIP that is
no Word document, a damaged file, a document without text.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Iterator, Optional

from .errors import DocxUnreadable, ErrorKind
from .clean.data import no_person_author

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
#: an OLE2 compound file: an old binary Word file (.doc), or a .docx locked by a password
#: (Office stores the encrypted package in one, with an "EncryptionInfo" stream) or protected with
#: Information Rights Management (IRM, "Restrict Access": the package encrypted by a DRM transform,
#: "DRMEncryptedTransform", with no "EncryptionInfo"; MS-OFFCRYPTO 2.2.11)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: an OpenDocument text's `mimetype` member (odt.py reads these; a .docx that holds one is an .odt renamed)
ODT_MIMETYPES = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_IRM = "DRMEncrypted".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
#: the parts of a .docx that are read (its XML: document, styles, numbering, footnotes, headers,
#: relationships; embedded documents), unpacked, at most, together. python-docx reads every part
#: into memory: a ZIP bomb of under 1 MB unpacked a 200 MB document.xml in 53 s and 1.47 GB before
#: the old limit on all parts (1 GB) could refuse it. Why 50 MB: the run's text limit is 5 MB
#: (`--max-bytes`) and Word's markup is a few bytes per byte of text (each run's properties and
#: revision ids: python-docx's own files about 3x, measured below; Word's edited files more), so the XML
#: of a 5 MB text is some 15 to 25 MB; twice that still reads, while a bomb is refused after unpacking
#: 50 MB, before any XML is parsed. Measured (session 27, python-docx 1.2.0, reports made from the seed
#: articles: a heading, four paragraphs and a 6 x 5 table of figures per page, a page break after each):
#: 300 pages, 1.04 MB of text: document.xml 2.1 MB, all XML parts 3.0 MB (2.85x the text); the same with
#: every sentence a run of its own (font, size, bold/italic): 2.9 / 3.7 MB (3.6x); 1,500 such pages, 5.27 MB
#: of text (over the 5 MB limit): document.xml 14.8 MB, all XML 15.6 MB (3.0x), a third of the limit.
#: Word's own files carry more (revision ids on every run, proofing marks): not measured, no Word here.
MAX_XML_BYTES = 50_000_000
#: parts never unpacked (python-docx gets them empty): photos, embedded objects, fonts, the
#: thumbnail; their text, if any, is not read here, and a bomb among them costs nothing
_MEDIA = re.compile(r"^(?:word/(?:media|embeddings|fonts)/|docProps/thumbnail\.)|\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|wdp|jxr|odttf|ttf|bin|mp4|mov|avi|wmv|wav|mp3|m4a)$", re.I)
#: subtrees whose text is not the document's text as it reads now
_SKIP = {_W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "pPr", _W + "rPr",
         _W + "rt", _MC + "Fallback", _W + "footnoteReference", _W + "endnoteReference", _W + "commentReference"}
#: paragraph styles of a headline (python-docx gives the style's name, the English one also in a
#: German Word: "Heading 1", not "Überschrift 1")
_HEADLINE_STYLES = ("Title", "Heading 1")
#: `w:sym` of a symbol font (Insert > Symbol in Word): the font's code, not a Unicode character;
#: Word writes a code of the font's own encoding either as is ("B0") or moved into the private-use
#: area (F000 + code: "F0B0"). Mapped here are the characters that are text in news: Symbol's
#: (Adobe's Symbol encoding) degree, math signs, Greek letters (µ as the micro sign, as in "µg"),
#: ellipsis, prime, the registered/copyright/trademark signs and, in Microsoft's Symbol font, the
#: euro sign; Wingdings' check marks and ballot boxes (a fact box's "yes"/"no") and its telephone
#: and envelope (a press release's contact line). The rest are ornaments and bullets (Wingdings'
#: arrows and pointing hands, Symbol's card suits and bracket pieces) and are left out, as a
#: symbol of another font is (`_symbol` notes those and the codes a font does not have, for a warning).
_SYMBOLS: dict[str, dict[int, str]] = {
    "symbol": {
        0x2D: "\u2212", 0x3D: "=", 0x2B: "+", 0x3C: "<", 0x3E: ">", 0x25: "%",
        0xA0: "\u20ac", 0xA2: "\u2032", 0xA3: "\u2264", 0xA5: "\u221e", 0xAB: "\u2194", 0xAC: "\u2190",
        0xAD: "\u2191", 0xAE: "\u2192", 0xAF: "\u2193", 0xB0: "\u00b0", 0xB1: "\u00b1", 0xB2: "\u2033",
        0xB3: "\u2265", 0xB4: "\u00d7", 0xB8: "\u00f7", 0xB9: "\u2260", 0xBA: "\u2261", 0xBB: "\u2248",
        0xBC: "\u2026", 0xD2: "\u00ae", 0xD3: "\u00a9", 0xD4: "\u2122", 0xD6: "\u221a", 0xE2: "\u00ae",
        0xE3: "\u00a9", 0xE4: "\u2122",
        # logic, set and arrow signs of science news ("⇒", "∑", "∂", "∼" for "about")
        0x22: "\u2200", 0x24: "\u2203", 0x27: "\u220b", 0x40: "\u2245", 0x5C: "\u2234", 0x5E: "\u22a5", 0x7E: "\u223c",
        0xA1: "\u03d2", 0xA4: "\u2044", 0xA6: "\u0192", 0xB5: "\u221d", 0xB6: "\u2202", 0xC0: "\u2135", 0xC1: "\u2111",
        0xC2: "\u211c", 0xC3: "\u2118", 0xC4: "\u2297", 0xC5: "\u2295", 0xC6: "\u2205", 0xC7: "\u2229", 0xC8: "\u222a",
        0xC9: "\u2283", 0xCA: "\u2287", 0xCB: "\u2284", 0xCC: "\u2282", 0xCD: "\u2286", 0xCE: "\u2208", 0xCF: "\u2209",
        0xD0: "\u2220", 0xD1: "\u2207", 0xD5: "\u220f", 0xD7: "\u22c5", 0xD8: "\u00ac", 0xD9: "\u2227", 0xDA: "\u2228",
        0xDB: "\u21d4", 0xDC: "\u21d0", 0xDD: "\u21d1", 0xDE: "\u21d2", 0xDF: "\u21d3", 0xE0: "\u25ca", 0xE1: "\u2329",
        0xE5: "\u2211", 0xF1: "\u232a", 0xF2: "\u222b",
        # Greek letters: Symbol's A-Z and a-z
        **{0x41 + i: ch for i, ch in enumerate("\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c"
                                                "\u039d\u039f\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396")},
        **{0x61 + i: ch for i, ch in enumerate("\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u00b5"
                                                "\u03bd\u03bf\u03c0\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6")},
    },
    "wingdings": {0x28: "\u260e", 0x2A: "\u2709", 0xFB: "\u2717", 0xFC: "\u2713", 0xFD: "\u2612", 0xFE: "\u2611"},
}
#: codes of a known symbol font that are ornaments, left out without a word: Symbol's bullet (B7),
#: card suits (A7-AA), the pieces of large brackets, integrals and arrows (60, BD-BF, E6-EF,
#: F3-FE); every other Wingdings character (arrows, pointing hands, bullets: dingbats)
_ORNAMENTS = {
    "symbol": lambda code: code in (0x60, 0xB7, 0xBD, 0xBE, 0xBF) or 0xA7 <= code <= 0xAA or 0xE6 <= code <= 0xEF or 0xF3 <= code <= 0xFE,
    "wingdings": lambda code: 0x20 <= code <= 0xFF,
}
#: Word's number formats (`w:numFmt`) other than decimal, as numbers are written in German text;
#: formats of other scripts (Hebrew, Chinese counting) are read as decimal numbers
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
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

    _chunks_as_plain_parts()

    try:
        data = _without_media(data)
    except DocxUnreadable:
        raise
    except Exception as e:  # a damaged ZIP member (zlib.error, a bad CRC, EOFError)
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"a damaged Word document ({type(e).__name__}: {e})") from e
    strict = _strict(data)
    try:
        document = docx.Document(io.BytesIO(_transitional(data) if strict else data))
    except ValueError as e:  # python-docx: "file '...' is not a Word file, content type is '...'"
        what = re.search(r"content type is '([^']*)'", str(e))
        raise DocxUnreadable(ErrorKind.UNREADABLE, "not a Word document (a ZIP of another kind"
                                                   + (f": {what.group(1)}" if what else "") + ")") from e
    except (KeyError, PackageNotFoundError, zipfile.BadZipFile) as e:
        if strict:
            raise DocxUnreadable(ErrorKind.UNSUPPORTED, "a Word document saved as \"Strict Open XML Document\" that could not be "
                                                        f"read ({e}); open it in Word and save it as \"Word Document (*.docx)\"") from e
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"not a Word document (a ZIP without Word's parts: {e})") from e
    except Exception as e:  # damaged XML (lxml's XMLSyntaxError), a damaged ZIP member (zlib.error, EOFError)
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"a damaged Word document ({type(e).__name__}: {e})") from e
    blocks: list[str] = []
    headline: Optional[str] = None
    warnings: list[str] = []
    unknown: list[tuple[str, str]] = []
    _run_styles_inline(document)
    for text, style, paragraph in _blocks(document.element.body, document, numbering=_Numbering(document), warnings=warnings,
                                          unknown=unknown):
        if headline is None and style in _HEADLINE_STYLES:
            # the whole paragraph: a headline broken by hand (Shift+Enter) is one title
            headline = " ".join(paragraph.split()) or None
        blocks.append(text)
    text = "\n\n".join(blocks)
    if unknown:  # symbols Word shows whose character is not known here: left out, said once
        counts: dict[tuple[str, str], int] = {}
        for key in unknown:
            counts[key] = counts.get(key, 0) + 1
        listed = ", ".join(f"{font} {code}" + (f" ({n}×)" if n > 1 else "") for (font, code), n in list(counts.items())[:10])
        more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
        warnings.append(f"{len(unknown)} symbol(s) of a symbol font whose character is not known left out of the text: "
                        f"{listed}{more}; check the file in Word")
    if not any(ch.isalpha() for ch in text):
        raise DocxUnreadable(ErrorKind.EMPTY, "; ".join(["the Word document's body holds no text"] + warnings))
    meta: dict[str, Any] = {"extracted_with": extractor_name(), "blocks": True}
    if warnings:  # what was not read (`ingest` puts them in the record's warnings, naming the file)
        meta["warnings"] = warnings
    props = document.core_properties
    title = " ".join((props.title or "").split())
    if headline:
        meta["title"] = headline
    elif title and not _NO_TITLE.search(title) and len(title.split()) >= 2:
        meta["title"] = title
    author = " ".join((props.author or "").split())
    if author and not no_person_author(author) and any(ch.isalpha() for ch in author):
        meta["authors"] = [name for a in re.split(r";\s*|\s+und\s+", author) for name in _persons(a)]
    return text, meta


def _chunks_as_plain_parts() -> None:
    """Make python-docx load every embedded document (`w:altChunk`'s part) as plain bytes. It picks
    a part's class by its content type, and an embedded Word file (the whole .docx package: the
    Open XML SDK's way to merge documents) has the main document's type: its ZIP bytes were parsed
    as XML, and the whole file was "a damaged Word document". Through python-docx's hook for this
    (`PartFactory.part_class_selector`), installed once, the selector before it kept for the rest."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part, PartFactory

    previous = PartFactory.__dict__.get("part_class_selector")
    if getattr(previous, "chunks_as_bytes", False):
        return

    def select(content_type: str, reltype: str) -> Any:
        if reltype == RT.A_F_CHUNK:
            return Part
        return previous(content_type, reltype) if previous is not None else None

    select.chunks_as_bytes = True  # type: ignore[attr-defined]
    PartFactory.part_class_selector = select  # type: ignore[assignment]


def _persons(names: str) -> list[str]:
    """The names in a piece of the author property, apart by commas; an Office account's name
    "Nachname, Vorname" (two single words) is one person, "Vorname Nachname"."""
    parts = [x.strip() for x in names.split(",") if x.strip()]
    if len(parts) == 2 and all(len(x.split()) == 1 for x in parts):
        return [f"{parts[1]} {parts[0]}"]
    return parts


#: the main document's relationship in a file Word saved as "Strict Open XML Document" (ISO/IEC
#: 29500 strict: a .docx too, in namespaces python-docx does not know)
_STRICT_DOCUMENT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def _strict(data: bytes) -> bool:
    """Whether a ZIP is a Word document in Strict Open XML (its package relationships name the
    main document in the strict namespace)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return _STRICT_DOCUMENT in z.read("_rels/.rels")
    except Exception:  # no ZIP, a damaged member: a question for the caller's error
        return False


#: a namespace or relationship type of Strict Open XML and its transitional counterpart (the ones
#: python-docx knows): "http://purl.oclc.org/ooxml/wordprocessingml/main" is
#: "http://schemas.openxmlformats.org/wordprocessingml/2006/main", ".../officeDocument/relationships/styles"
#: ".../officeDocument/2006/relationships/styles"; the package's own (OPC) namespaces are the same in both
_STRICT_NS = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/")


def _transitional(data: bytes) -> bytes:
    """A Strict Open XML package rewritten in the transitional namespaces, in memory: each XML part
    (and relationships part) with `_STRICT_NS` mapped, the other parts (photos) as they are. What
    Word writes differently in strict beyond the namespaces (measures with units, "start"/"end"
    alignment) is not in what is read here: the text, styles, lists and document properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            part = src.read(item)
            if item.filename.lower().endswith((".xml", ".rels")):
                part = _STRICT_NS.sub(rb"http://schemas.openxmlformats.org/\1/2006/", part)
            dst.writestr(item.filename, part)
    return out.getvalue()


def _check_container(data: bytes) -> None:
    """Raise `DocxUnreadable` where `data` is no .docx package: an old .doc, a locked file, an RTF
    or Word XML file under the name, no ZIP, a ZIP whose text parts would unpack to more than `MAX_XML_BYTES`."""
    if data.startswith(_OLE):
        if _IRM in data or (_ENCRYPTED_PACKAGE in data and _ENCRYPTED not in data):
            raise DocxUnreadable(ErrorKind.UNREADABLE, "the Word document is protected with Information Rights Management (IRM, "
                                                       "\"Restrict Access\"), its text encrypted; open it in Word with an account "
                                                       "allowed to, set the access to \"Unrestricted Access\" and save it again")
        if _ENCRYPTED in data:
            raise DocxUnreadable(ErrorKind.UNREADABLE, "the Word document is encrypted (locked with a password); "
                                                       "open it in Word, remove the password and save it again")
        raise DocxUnreadable(ErrorKind.UNSUPPORTED, "an old binary Word file (.doc) named .docx; "
                                                    "open it in Word or LibreOffice and save it as .docx")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    # Word's other formats saved under the name .docx (Save As "Rich Text Format", "Word XML
    # Document", or an export that writes them and names them for Word)
    if head.startswith(b"{\\rtf"):
        raise DocxUnreadable(ErrorKind.UNSUPPORTED, "an RTF file named .docx; open it in Word or LibreOffice and save it as .docx")
    if head.startswith(b"<?xml") and re.search(rb"progid=[\"']Word\.Document[\"']|<w:wordDocument\b|<pkg:package\b", head):
        raise DocxUnreadable(ErrorKind.UNSUPPORTED, "a Word XML file (Word 2003 XML or flat XML) named .docx; "
                                                    "open it in Word or LibreOffice and save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist() if not _MEDIA.search(i.filename))
            if "mimetype" in z.namelist():  # its first bytes only: a member called so may be a bomb itself
                with z.open("mimetype") as fh:
                    odt = fh.read(64).strip() in ODT_MIMETYPES
            else:
                odt = False
    except zipfile.BadZipFile as e:
        if data.startswith(b"PK\x03\x04"):  # a ZIP's first bytes: its end (the central directory) cut off or broken
            raise DocxUnreadable(ErrorKind.UNREADABLE, f"a damaged Word document: its ZIP package is cut off or broken ({e}); "
                                                       "copy or download it again") from e
        raise DocxUnreadable(ErrorKind.UNREADABLE, f"not a Word document (no ZIP package: {e}; first bytes {data[:8]!r})") from e
    if odt:  # LibreOffice's own format saved under the name .docx ("a ZIP without Word's parts" sent the user looking at the file)
        raise DocxUnreadable(ErrorKind.UNSUPPORTED, "an OpenDocument text (.odt) named .docx; name it .odt (Presseschau reads both)")
    if unpacked > MAX_XML_BYTES:
        raise DocxUnreadable(ErrorKind.TOO_LARGE, _too_large(unpacked))


def _too_large(unpacked: int) -> str:
    return (f"its text parts (XML) unpack to {unpacked:,} bytes or more, over the limit of {MAX_XML_BYTES:,} "
            "(a ZIP bomb, or a document far longer than one article: split it)")


def _without_media(data: bytes) -> bytes:
    """The package with its media parts (`_MEDIA`) empty and every other part copied unpacked,
    streaming, counted against `MAX_XML_BYTES` as it is unpacked (the sizes a ZIP declares can lie):
    what python-docx reads, bounded, and no photo or embedded object unpacked."""
    out = io.BytesIO()
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            if item.is_dir():
                continue
            if _MEDIA.search(item.filename):
                dst.writestr(item.filename, b"")
                continue
            with src.open(item) as part, dst.open(item.filename, "w", force_zip64=True) as copy:
                while chunk := part.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_XML_BYTES:
                        raise DocxUnreadable(ErrorKind.TOO_LARGE, _too_large(total))
                    copy.write(chunk)
    return out.getvalue()


#: what holds text among a body's or a cell's children besides paragraphs (a bookmark or a proofing
#: mark between two paragraphs does not)
_CONTENT_BLOCKS = {_W + "tbl", _W + "sdt", _W + "customXml", _W + "ins", _W + "moveTo", _W + "altChunk"}


def _blocks(container: Any, document: Any, styles: Optional[dict] = None, numbering: Optional["_Numbering"] = None,
            warnings: Optional[list] = None, unknown: Optional[list] = None) -> Iterator[tuple[str, Optional[str], str]]:
    """(text, style name, the paragraph's whole text) of each non-empty paragraph under a body, a table cell or a content
    control, in document order; a table's cells row by row, each cell's paragraphs in turn; a
    numbered paragraph's first line starts with its number (the whole text is without it).
    `styles`: the style name of each paragraph style id met (python-docx looks a paragraph's
    style up by scanning all styles: seconds for a long document, done once per style here).
    `numbering`: the list counters, counted over the whole document in order. `warnings`: what
    could not be read (an embedded RTF document) is said there; `unknown`: (font, code) of each symbol
    left out whose character is not known (`_symbol`)."""
    from docx.text.paragraph import Paragraph

    styles = {} if styles is None else styles
    # the text of a paragraph whose mark is a tracked deletion (an editor joined it to the next one):
    # with the changes accepted it begins the next paragraph; before anything else (a table) or at
    # the end of the container, a block of its own
    joined: list[tuple[str, Optional[str], str]] = []
    for child in container:
        tag = child.tag
        if joined and tag in _CONTENT_BLOCKS:
            yield from joined
            joined = []
        if tag == _W + "p":
            boxes: list = []
            text = _page_breaks("".join(_text(child, boxes, [], unknown, warnings)))
            style = None
            # counted also where the paragraph is empty: Word shows and counts its number; not
            # where its mark is a tracked deletion (an item deleted: with the changes accepted, it
            # is gone, or its text joins the next paragraph, which keeps its own number)
            mark = child.find(f"{_W}pPr/{_W}rPr")
            deleted = mark is not None and (mark.find(_W + "del") is not None or mark.find(_W + "moveFrom") is not None)
            label = numbering.label(child) if numbering is not None and not deleted else ""
            if joined:
                text, joined = joined[0][2] + text, []
            if deleted and text.strip() and not boxes:
                joined = [(line, None, text) for line in text.split("\n") if line.strip()]
                continue
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
            for line in ((label + text) if text.strip() else text).split("\n"):
                if line.strip():
                    yield line, style, text
            for box in boxes:
                yield from _blocks(box, document, styles, numbering, warnings, unknown)
        elif tag == _W + "tbl":
            for row in _wrapped(child, "tr"):
                # a merged cell is one w:tc: read once
                cells = [list(_blocks(cell, document, styles, numbering, warnings, unknown)) for cell in _wrapped(row, "tc")]
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
                yield from _blocks(content, document, styles, numbering, warnings, unknown)
        elif tag in (_W + "ins", _W + "moveTo"):  # inserted rows or paragraphs, tracked: in
            yield from _blocks(child, document, styles, numbering, warnings, unknown)
        elif tag == _W + "altChunk":
            for line in _alt_chunk(child, document, warnings):
                yield line, None, line
    yield from joined


#: a page or column break (`w:br w:type="page"|"column"`) met in a paragraph's text (`_page_breaks`)
_PAGE_BREAK = "\x0c"


def _page_breaks(text: str) -> str:
    """A paragraph's text with its page and column breaks read as Word's plain text reads the
    paragraph: one paragraph, the break a space between the words it parts, nothing next to a space."""
    if _PAGE_BREAK not in text:
        return text

    def sub(m: "re.Match[str]") -> str:
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        return " " if before and after and not before.isspace() and not after.isspace() else ""

    return re.sub(_PAGE_BREAK + "+", sub, text)


#: the content types of an embedded document (`w:altChunk`) read here: a web page's or a text's
_CHUNK_HTML = ("text/html", "application/xhtml+xml")
_CHUNK_TEXT = ("text/plain",)
#: ... and a Word file's (the whole .docx package; the Open XML SDK's types, lower case)
_CHUNK_WORD = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
               "application/vnd.ms-word.document.macroenabled.main+xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
               "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def _alt_chunk(el: Any, document: Any, warnings: Optional[list]) -> list[str]:
    """The lines of an embedded document (`w:altChunk`: a program pasted HTML or RTF into the
    file, and Word shows it where it stands, merging it into the document when it saves it): an
    HTML chunk's text as a reader sees it, a block a line (`html._block_lines`: the whole chunk,
    not a page's main text); a plain-text chunk's lines; an embedded Word file's (a whole .docx,
    as the Open XML SDK merges documents) text as `extract` reads it. Another kind (RTF, a web
    archive) is not read: a warning in `warnings` says so and what to do."""
    rid = el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    try:
        part = document.part.related_parts[rid]
    except KeyError:  # a chunk without its part: nothing Word could show either
        return []
    kind = (part.content_type or "").split(";")[0].strip().lower()
    if kind in _CHUNK_HTML + _CHUNK_TEXT:
        from .ingest import decode_html, decode_with_warnings

        text = (decode_html if kind in _CHUNK_HTML else decode_with_warnings)(part.blob)[0]
        if kind in _CHUNK_TEXT:
            return [line for line in text.splitlines() if line.strip()]
        from .html import _block_lines, parse

        try:
            tree = parse(text)
        except Exception:  # markup lxml cannot read
            tree = None
        if tree is not None:
            body = tree.find(".//body")
            return _block_lines(body if body is not None else tree)
    elif kind in _CHUNK_WORD and part.blob.startswith(b"PK"):
        try:
            text, meta = extract(part.blob)
        except DocxUnreadable as e:
            if e.kind == ErrorKind.EMPTY:  # nothing Word could show either
                return []
            if warnings is not None:
                warnings.append(f"an embedded Word document ({part.partname.lstrip('/')}) is not read: {e.reason}")
            return []
        if warnings is not None:
            warnings.extend(meta.get("warnings", []))
        return text.split("\n\n")
    if warnings is not None:
        warnings.append(f"an embedded document ({part.partname.lstrip('/')}, {kind or 'of no type'}) is not read, "
                        "its text is missing; open the file in Word and save it again (Word then makes it part of the document)")
    return []


def _run_styles_inline(document: Any) -> None:
    """Write a character style's hidden mark (`w:vanish`) and fonts (`w:rFonts`), through its
    `w:basedOn`, into the runs set in it that do not set them themselves, so that `_hidden` and
    `_symbol_fonts` see them: an editor's note in a hidden character style was read, as was
    "m" in a character style of the font Symbol ("mg/m³" for "µg/m³"). Then, as Word ranks them
    (the run's own, its character style's, its paragraph style's), a paragraph style's hidden mark
    and symbol font into the runs of its paragraphs that have neither yet: an editor's note in a
    hidden paragraph style ("Redaktionsnotiz") was read. In the parsed copy only."""
    from copy import deepcopy

    try:
        all_styles = list(document.styles.element.iterchildren(_W + "style"))
    except AttributeError:  # no styles part
        return
    by_type: dict[str, dict[Optional[str], Any]] = {"character": {}, "paragraph": {}}
    default_paragraph: Optional[str] = None
    for st in all_styles:
        kind = st.get(_W + "type") or "paragraph"  # Word's default type
        if kind in by_type:
            by_type[kind][st.get(_W + "styleId")] = st
        if kind == "paragraph" and (st.get(_W + "default") or "").lower() in ("1", "true", "on"):
            default_paragraph = st.get(_W + "styleId")
    found: dict[tuple[str, Optional[str]], dict[str, Any]] = {}

    def props(kind: str, style_id: Optional[str]) -> dict[str, Any]:
        if (kind, style_id) not in found:
            styles, got = by_type[kind], {}
            seen, sid = set(), style_id
            while sid in styles and sid not in seen:
                seen.add(sid)
                for tag in ("vanish", "rFonts"):
                    el = styles[sid].find(f"{_W}rPr/{_W}{tag}")
                    if el is not None and tag not in got:
                        got[tag] = el
                based = styles[sid].find(_W + "basedOn")
                sid = None if based is None else based.get(_W + "val")
            if kind == "paragraph" and "rFonts" in got and not any(
                    (got["rFonts"].get(_W + a) or "").strip().lower() in _SYMBOLS for a in ("ascii", "hAnsi")):
                del got["rFonts"]  # a paragraph style's text font (a heading's): nothing to read here
            found[(kind, style_id)] = got
        return found[(kind, style_id)]

    body = document.element.body
    for ref in list(body.iter(_W + "rStyle")):
        rpr = ref.getparent()
        for tag, el in props("character", ref.get(_W + "val")).items():
            if rpr.find(_W + tag) is None:
                rpr.append(deepcopy(el))
    for p in list(body.iter(_W + "p")):
        ref = p.find(f"{_W}pPr/{_W}pStyle")
        got = props("paragraph", default_paragraph if ref is None else ref.get(_W + "val"))
        if not got:
            continue
        for run in p.iter(_W + "r"):
            if next(run.iterancestors(_W + "p"), None) is not p:  # a run of a text box's own paragraph
                continue
            rpr = run.find(_W + "rPr")
            if rpr is None:
                rpr = run.makeelement(_W + "rPr", {})
                run.insert(0, rpr)
            for tag, el in got.items():
                if rpr.find(_W + tag) is None:
                    rpr.append(deepcopy(el))


def _wrapped(el: Any, tag: str) -> Iterator[Any]:
    """The children `w:<tag>` of a table or a row, also those inside content controls and custom
    XML around them (a template's repeating section: rows in a `w:sdt`), which python-docx's and a
    plain child walk pass over; a control showing its placeholder holds no text."""
    for child in el:
        if child.tag == _W + tag:
            yield child
        elif child.tag == _W + "sdt" and not _placeholder(child):
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _wrapped(content, tag)
        elif child.tag == _W + "customXml":
            yield from _wrapped(child, tag)


def _placeholder(el: Any) -> bool:
    """Whether a content control shows its placeholder ("Klicken oder tippen Sie hier, um Text
    einzugeben."): a template's prompt, not text."""
    return el.tag == _W + "sdt" and el.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def _hidden(run: Any) -> bool:
    """Whether a run is formatted hidden (w:vanish): Word does not show it."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true").lower() not in ("false", "0", "off")


def _text(el: Any, boxes: list, fields: list, unknown: Optional[list] = None, warnings: Optional[list] = None) -> Iterator[str]:
    """The text of a paragraph as Word shows it (tracked deletions out, insertions in, hidden
    runs, placeholders and fields' codes out); its text boxes' contents are appended to `boxes`.
    `fields` holds, for each complex field open (w:fldChar begin ... separate ... end), whether
    its code is being read: a field nested in another's code (PAGE in an IF) is code too. `unknown`:
    a symbol shown whose character is not known is noted there (`_symbol`); `warnings`: an equation
    read as plain text (`_math`) is said there once."""
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
            fonts = _symbol_fonts(el) if el.tag == _W + "r" else None
            if fonts is not None:
                yield _symbol_text(fonts, child.text or "", unknown)
            elif _SYMBOL_CODES.search(child.text or ""):
                yield _symbol_codes_left_out(el, child.text, unknown)
            else:
                yield child.text or ""
        elif tag in (_W + "tab", _W + "ptab"):
            yield "\t"
        elif tag in (_W + "br", _W + "cr"):
            # a page or column break inside a paragraph (the paragraph goes on on the next page or
            # column) is no paragraph end; a manual line break (Shift+Enter) is a line of its own
            yield _PAGE_BREAK if child.get(_W + "type") in ("page", "column") else "\n"
        elif tag == _W + "noBreakHyphen":
            yield "-"
        elif tag == _W + "sym":
            yield _symbol(child.get(_W + "font") or "", child.get(_W + "char") or "", unknown)
        elif tag == _W + "txbxContent":
            boxes.append(child)
        elif tag in (_M + "oMath", _M + "oMathPara"):
            plain: list = []
            yield _math(child, plain)
            if plain and warnings is not None and MATH_AS_PLAIN not in warnings:
                warnings.append(MATH_AS_PLAIN)
        else:
            yield from _text(child, boxes, fields, unknown, warnings)


#: said once in a record's warnings where an equation holds a construct without a linear form here
MATH_AS_PLAIN = "an equation read as plain text (a root, a sum, a matrix or another construct without a linear form); check the file in Word"
#: the super- and subscript characters of digits and signs (Unicode has them for these only)
_SUP = dict(zip("0123456789+-−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾"))
_SUB = dict(zip("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎"))


def _math(el: Any, plain: list) -> str:
    """A Word equation (Office Math: `m:oMath`, `m:oMathPara`) as linear text: its runs' text in
    order; a superscript / subscript (`m:sSup`, `m:sSub`, `m:sSubSup`) of digits and signs as
    Unicode's characters ("CO₂", "m²"), else after "^" / "_" (in parentheses where longer than one
    character: "e^(iπ)"); a fraction (`m:f`) as "a/b" (a part with an operator in parentheses);
    a delimiter (`m:d`) with its characters. Another construct (a root, a sum, a matrix, a stacked
    fraction) is its runs' text in order, and `plain` notes it (for the record's warnings)."""
    tag = el.tag
    if tag in (_M + "t", _W + "t"):  # a math run's text, or a text run's in the equation
        return el.text or ""
    if not isinstance(tag, str) or tag in _SKIP or (tag.startswith(_M) and tag.endswith("Pr")):
        return ""
    name = tag[len(_M):] if tag.startswith(_M) else None
    part = lambda p: "".join(_math(c, plain) for c in el.findall(_M + p))
    if name == "oMathPara":
        return "\n".join(_math(c, plain) for c in el.findall(_M + "oMath"))
    if name in ("sSup", "sSub", "sSubSup"):
        out = part("e")
        for script, chars, sign in (("sub", _SUB, "_"), ("sup", _SUP, "^")):
            if el.find(_M + script) is not None:
                s = part(script)
                if s:
                    out += "".join(chars[c] for c in s) if all(c in chars for c in s) else sign + (s if len(s) == 1 else f"({s})")
        return out
    kind = el.find(f"{_M}fPr/{_M}type") if name == "f" else None
    if name == "f" and (kind is None or kind.get(_M + "val") in ("bar", "skw", "lin")):  # not "noBar": a binomial
        wrap = lambda s: f"({s})" if any(c in s for c in "+-−=±·×/ ") else s
        return f"{wrap(part('num'))}/{wrap(part('den'))}"
    if name == "d":
        pr = el.find(f"{_M}dPr")
        char = lambda key, default: default if pr is None or pr.find(_M + key) is None else pr.find(_M + key).get(_M + "val", "")
        return char("begChr", "(") + char("sepChr", "|").join(_math(c, plain) for c in el.findall(_M + "e")) + char("endChr", ")")
    if name not in (None, "oMath", "r", "e", "num", "den", "sup", "sub", "box"):
        plain.append(name)
    return "".join(_math(c, plain) for c in el)


def _symbol(font: str, char: str, unknown: Optional[list] = None) -> str:
    """The character of a `w:sym` (font, hex code) where it is text (`_SYMBOLS`), else "": an
    ornament of a known font (`_ORNAMENTS`) silently; a code of another font, or one a known font
    does not have, is noted in `unknown` as (font, code), for a warning. A font of Unicode's codes
    (Word's Insert > Symbol from "Cambria Math", "Arial") writes the character's own code: one
    beyond Latin-1 and outside the private-use area is that character ("2211" is "∑")."""
    table = _SYMBOLS.get(font.strip().lower())
    try:
        code = int(char, 16)
    except ValueError:
        code = -1
    if table is None and 0x100 <= code <= 0x10FFFF and not 0xE000 <= code <= 0xF8FF and chr(code).isprintable():
        return chr(code)
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    if table is not None and code in table:
        return table[code]
    if unknown is not None and not (table is not None and _ORNAMENTS[font.strip().lower()](code)):
        unknown.append((font.strip() or "?", char.strip().upper() or "?"))
    return ""


#: characters of the font Symbol typed as text that are what ASCII's are (digits, punctuation); its
#: other ASCII codes are Greek letters (in `_SYMBOLS`) or signs not in the map ("@" is ≅)
_SYMBOL_AS_ASCII = frozenset(chr(c) for c in range(0x20, 0x7F)) - set("\"$'@\\^`~") - {chr(c) for c in _SYMBOLS["symbol"]}


def _symbol_fonts(run: Any) -> Optional[tuple[Optional[str], Optional[str]]]:
    """The symbol fonts (`_SYMBOLS`' keys) a run's text is set in, (for ASCII, for the rest: Word's
    `w:ascii` and `w:hAnsi`), or None where it is set in neither."""
    fonts = run.find(f"{_W}rPr/{_W}rFonts")
    if fonts is None:
        return None
    ascii_font = (fonts.get(_W + "ascii") or "").strip().lower()
    other = (fonts.get(_W + "hAnsi") or "").strip().lower() or ascii_font
    found = (ascii_font if ascii_font in _SYMBOLS else None, other if other in _SYMBOLS else None)
    return found if any(found) else None


def _symbol_text(fonts: tuple[Optional[str], Optional[str]], text: str, unknown: Optional[list] = None) -> str:
    """A run's text typed in a symbol font (Symbol's "m" is Word's "µ", its U+F06D too): each
    character of the font's codes (as is, or in the private-use area F020-F0FF) read as `_symbol`
    reads a `w:sym`; Symbol's digits and punctuation are themselves; characters of other codes
    (Word shows them in another font) as they are; a code the font does not have is noted in `unknown`."""
    out = []
    for ch in text:
        code = ord(ch)
        font = fonts[0] if code < 0x80 else fonts[1]
        if font is None or ch.isspace() or not (0x20 <= code < 0x7F or 0xF020 <= code <= 0xF0FF):
            out.append(ch)
            continue
        base = code - 0xF000 if code >= 0xF000 else code
        mapped = _SYMBOLS[font].get(base)
        if mapped is None and font == "symbol" and chr(base) in _SYMBOL_AS_ASCII:
            mapped = chr(base)
        if mapped is None and unknown is not None and not _ORNAMENTS[font](base):
            unknown.append(({"symbol": "Symbol", "wingdings": "Wingdings"}.get(font, font), f"{0xF000 + base:04X}"))
        out.append(mapped or "")
    return "".join(out)


#: the private-use codes Word writes a symbol font's character as (F000 + its code): in a run of
#: another font than Symbol or Wingdings (Wingdings 2/3, Webdings, a text font after the symbol
#: font was lost in a copy) they are no character a reader has
_SYMBOL_CODES = re.compile("[\uf020-\uf0ff]")


def _symbol_codes_left_out(run: Any, text: str, unknown: Optional[list] = None) -> str:
    """A run's text without the symbol-font codes (`_SYMBOL_CODES`) of a font whose characters are
    not known here, each noted in `unknown` as (font, code) for the record's warnings, as a `w:sym`
    of such a font is (they were kept: "Die Preise \uf0e0 stiegen" in the clean text and the exports)."""
    fonts = run.find(f"{_W}rPr/{_W}rFonts") if run.tag == _W + "r" else None
    font = "" if fonts is None else (fonts.get(_W + "hAnsi") or fonts.get(_W + "ascii") or "").strip()
    if unknown is not None:
        unknown.extend((font or "?", f"{ord(ch):04X}") for ch in _SYMBOL_CODES.findall(text))
    # a symbol that stood between two words ("Kasachstan\uf0a7Russland") keeps them apart
    return re.sub(r"(?<=\w)[\uf020-\uf0ff]+(?=\w)", " ", text).translate({c: None for c in range(0xF020, 0xF100)})


def _int(el: Any, default: Optional[int] = None) -> Optional[int]:
    """An element's `w:val` as a number (None where it has none)."""
    try:
        return int(el.get(_W + "val")) if el is not None else default
    except (TypeError, ValueError):
        return default


class _Numbering:
    """Word's list numbers, counted in document order as Word counts them (python-docx reads the
    numbering part, `w:num` and `w:abstractNum`, but computes no number).

    A paragraph is numbered by its `w:numPr` (`w:numId`, `w:ilvl`) or its paragraph style's
    (python-docx's "List Number"). `w:num` names an abstract list (`w:abstractNum`) whose levels
    give each level's start value (`w:start`), format (`w:numFmt`), text ("%1." or "%1.%2)":
    `w:lvlText`) and what follows the number (`w:suff`: a tab, a space or nothing). A `w:num`
    without overrides continues the count of its abstract list; one with `w:lvlOverride/w:startOverride`
    (Word's "Restart at 1") counts on its own from that start. Numbering a level restarts the
    deeper levels (`w:lvlRestart` may say otherwise). Bullets (`w:numFmt` "bullet") and levels
    without a number ("none") give no label."""

    def __init__(self, document: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.nums: dict[int, tuple[Any, dict[int, Any], dict[int, int]]] = {}
        self.counters: dict[Any, dict[int, int]] = {}
        self.style_numpr: dict[Optional[str], tuple[Optional[int], Optional[int], Optional[str]]] = {}
        try:
            root = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):  # no numbering part: no list
            root = None
        self.styles: dict[str, Any] = {}
        try:
            for st in document.styles.element.iterchildren(_W + "style"):
                self.styles[st.get(_W + "styleId")] = st
        except AttributeError:
            pass
        abstract: dict[int, dict[int, Any]] = {}
        if root is not None:
            for a in root.iterchildren(_W + "abstractNum"):
                aid = _int_attr(a, "abstractNumId")
                abstract[aid] = {_int_attr(l, "ilvl", 0): l for l in a.iterchildren(_W + "lvl")}
            of_num = {_int_attr(n, "numId"): _int(n.find(_W + "abstractNumId")) for n in root.iterchildren(_W + "num")}
            # a list defined through a numbering style (`w:numStyleLink`: Word's "Define new list
            # style") holds no levels: they are the abstract list of that style's own w:num; the
            # lists of one style count on together
            linked: dict[int, int] = {}
            for a in root.iterchildren(_W + "abstractNum"):
                link = a.find(_W + "numStyleLink")
                style = self.styles.get(None if link is None else link.get(_W + "val"))
                if style is None:
                    continue
                target = of_num.get(_int(style.find(f"{_W}pPr/{_W}numPr/{_W}numId")))
                if target in abstract and target != _int_attr(a, "abstractNumId"):
                    linked[_int_attr(a, "abstractNumId")] = target
                    abstract[_int_attr(a, "abstractNumId")] = abstract[target]
            for n in root.iterchildren(_W + "num"):
                aid = _int(n.find(_W + "abstractNumId"))
                aid = linked.get(aid, aid)
                if aid not in abstract:
                    continue
                levels, starts = dict(abstract[aid]), {}
                for o in n.iterchildren(_W + "lvlOverride"):
                    ilvl = _int_attr(o, "ilvl", 0)
                    if o.find(_W + "lvl") is not None:  # a level redefined for this list
                        levels[ilvl] = o.find(_W + "lvl")
                        start = _int(o.find(f"{_W}lvl/{_W}start"))
                        if start is not None:
                            starts[ilvl] = start
                    start = _int(o.find(_W + "startOverride"))
                    if start is not None:
                        starts[ilvl] = start
                # a list restarted counts on its own; else it goes on with its abstract list's count
                self.nums[_int_attr(n, "numId")] = (("num", _int_attr(n, "numId")) if starts else ("abstract", aid), levels, starts)

    def _style_numpr(self, style_id: Optional[str]) -> tuple[Optional[int], Optional[int], Optional[str]]:
        """(numId, ilvl, the style's id) of a paragraph style's numbering, through its `w:basedOn`."""
        if style_id not in self.style_numpr:
            found: tuple[Optional[int], Optional[int], Optional[str]] = (None, None, None)
            seen, sid = set(), style_id
            while sid and sid not in seen and sid in self.styles:
                seen.add(sid)
                st = self.styles[sid]
                numpr = st.find(f"{_W}pPr/{_W}numPr")
                if numpr is not None:
                    found = (_int(numpr.find(_W + "numId")), _int(numpr.find(_W + "ilvl")), style_id)
                    break
                based = st.find(_W + "basedOn")
                sid = None if based is None else based.get(_W + "val")
            self.style_numpr[style_id] = found
        return self.style_numpr[style_id]

    def label(self, p: Any) -> str:
        """The number Word shows before paragraph `p` with what follows it ("1.\t"), "" where it
        has none; counts it."""
        if not self.nums:
            return ""
        numpr = p.find(f"{_W}pPr/{_W}numPr")
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = _int(numpr.find(_W + "numId")), _int(numpr.find(_W + "ilvl"))
        style = p.find(f"{_W}pPr/{_W}pStyle")
        s_num, s_ilvl, s_id = self._style_numpr(None if style is None else style.get(_W + "val"))
        if num_id is None:
            num_id = s_num
        if ilvl is None:
            ilvl = s_ilvl
        if not num_id or num_id not in self.nums:  # numId 0: numbering switched off
            return ""
        key, levels, starts = self.nums[num_id]
        if ilvl is None:  # a level may name the style that is numbered at it ("List Number 2")
            ilvl = next((i for i, l in levels.items() if s_id and l.find(_W + "pStyle") is not None
                         and l.find(_W + "pStyle").get(_W + "val") == s_id), 0)
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        start = lambda i: starts.get(i, _int(levels[i].find(_W + "start"), 0) if i in levels else 1)
        counts = self.counters.setdefault(key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start(ilvl)
        for deeper in [i for i in counts if i > ilvl]:
            restart = _int(levels[deeper].find(_W + "lvlRestart"), deeper) if deeper in levels else deeper
            if restart and ilvl < restart:
                del counts[deeper]
        fmt = lvl.find(_W + "numFmt")
        if fmt is not None and fmt.get(_W + "val") in ("bullet", "none"):
            return ""
        template = lvl.find(_W + "lvlText")
        if template is None or template.get(_W + "val") is None:
            return ""
        legal = lvl.find(_W + "isLgl") is not None and lvl.find(_W + "isLgl").get(_W + "val", "true") not in ("false", "0", "off")

        def number(m: "re.Match[str]") -> str:
            i = int(m.group(1)) - 1
            value = counts.get(i, start(i))
            f = levels[i].find(_W + "numFmt") if i in levels else None
            return _format(value, "decimal" if legal or f is None else f.get(_W + "val") or "decimal")

        text = re.sub(r"%([1-9])", number, template.get(_W + "val")).strip()
        if not text:
            return ""
        suff = lvl.find(_W + "suff")
        return text + {"space": " ", "nothing": ""}.get(None if suff is None else suff.get(_W + "val"), "\t")


def _int_attr(el: Any, name: str, default: Optional[int] = None) -> Optional[int]:
    """An element's attribute `w:name` as a number."""
    try:
        return int(el.get(_W + name))
    except (TypeError, ValueError):
        return default


def _format(value: int, fmt: str) -> str:
    """A list number in Word's format `fmt` (decimal where the format is not one of these)."""
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        # Word's letters: a..z, then aa..zz, aaa..
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman, rest = "", value
        for n, r in _ROMAN:
            while rest >= n:
                roman, rest = roman + r, rest - n
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
