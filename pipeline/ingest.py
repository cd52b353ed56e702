"""Ingest stage: find input files, read and decode them into `RawDoc`s.

Supported inputs: `.txt`, `.md` (as they are), `.html`/`.htm` (main text extracted with
trafilatura), `.mhtml`/`.mht` (a saved web archive: its HTML page, `mhtml_page`, read as a `.html`),
`.pdf` (the text layer, read with pdfminer.six: `pdf.py`), `.docx` (the Word
document's body, read with python-docx: `docx.py`), `.odt` (an OpenDocument text's body: `odt.py`), and JSONL corpora of
`{"id", "text", ...}` records (`.jsonl`, `.jsonl.gz`).
Every problem with one input becomes an `IngestError` naming the file (and line), so the
caller can report it and go on with the rest.
"""
from __future__ import annotations

import codecs
import dataclasses
import errno
import gzip
import hashlib
import json
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from .errors import ArticleError, CannotStart, DocxUnreadable, ErrorKind, MhtmlUnreadable, OdtUnreadable, PdfUnreadable, UnreadableFile
from .io import BOMS, BadLine, iter_jsonl, jsonl_encoding, shown
from .schema import FileRef, RawDoc

TEXT_SUFFIXES = {".txt", ".md"}
#: web pages; a saved web archive (MHTML: Chrome's and Edge's "Webpage, Single File") is read as its page
MHTML_SUFFIXES = {".mhtml", ".mht"}
HTML_SUFFIXES = {".html", ".htm"} | MHTML_SUFFIXES
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
ODT_SUFFIXES = {".odt"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz", ".ndjson"}
#: every suffix `run` reads
READ_SUFFIXES = tuple(sorted(TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | ODT_SUFFIXES | JSONL_SUFFIXES))
#: files extracted by a library (pdfminer, python-docx, trafilatura, odt.py): read by the workers (`FileRef`)
EXTRACTED_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES | ODT_SUFFIXES | HTML_SUFFIXES
#: the suffixes `run` does not read but can say what to do with: the file's error or the notice says so
CONVERT_HINTS = {".doc": "an old binary Word file: open it in Word or LibreOffice and save it as .docx (or .odt)"}
#: what `run` reads, as the messages name it
READS = ".txt, .md, .html, .mhtml, .pdf, .docx, .odt or .jsonl[.gz]"
# one article (`--max-bytes`: a file, or the text of one JSONL record); larger ones are refused
# with a clear message. Texts over spaCy's max_length are annotated in parts
# (nlp.annotate_long): a 5 MB article is processed in bounded memory (bench/bench_long_article.py)
MAX_BYTES = 5_000_000
#: a PDF file's own limit: its pages carry images and fonts, so the file is many times its
#: text (an e-paper page: 1-20 MB for 10-40 kB of text); `--max-bytes` applies to its text.
#: A .docx's too: its photos make it many times its text
PDF_MAX_FILE_BYTES = 200_000_000


#: the ingest stage's name for a per-input error (see errors.py)
IngestError = ArticleError


@dataclass(frozen=True)
class Unchanged:
    """A PDF, Word file or web page whose bytes the caller already holds the record of (`read_path`'s
    `unchanged`): not extracted again. pdfminer takes about 0.1 s a page and trafilatura about
    as long for a page, in the driver; a re-run of an archive of PDFs would spend that on every
    file only to find it cached."""

    id: str
    path: str
    sha256: str


Item = Union[RawDoc, IngestError, Unchanged, FileRef]
#: (article id, sha256 of the file's bytes) -> whether its record is stored already
UnchangedCheck = Callable[[str, str], bool]


def hints_digest(raw: RawDoc) -> str:
    """Digest of what an article's record takes from its input besides the text: the meta hints
    (a JSONL record's title, published, url ...) and the warnings of reading it. A JSONL
    record's `sha256` is of its text alone, so the cache keeps this beside it: a record whose
    meta changed is processed again (`published` moves the DATE values). A warning naming the file (a Unix time read
    as a date: "meta: in/k.jsonl:2: ...") counts without the file's name: the same corpus given by another path
    (absolute, from another folder, moved) is not "metadata changed", processed again."""
    name = raw.path.rsplit("#", 1)[0]
    warnings = [w.replace(f" {name}:", " :") for w in raw.warnings] if name else raw.warnings
    blob = json.dumps([raw.meta, warnings], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for s in JSONL_SUFFIXES:
        if name.endswith(s):
            return s
    return path.suffix.lower()


def is_supported(path: Path) -> bool:
    return suffix_of(path) in READ_SUFFIXES


def discover(paths: Iterable[Path]) -> tuple[list[tuple[Path, Path]], list[IngestError]]:
    """Expand files and folders (recursively) into (file, root) pairs, sorted, deduplicated.

    `root` is the folder the file was found under (its id is relative to it). Links to
    folders are followed. Nothing is skipped without a word (issue 15): an unreadable
    folder, a symlink loop and a dangling link each become an error naming the path.
    Hidden files and folders (".presseschau", ".git"), Office's owner files of open documents
    ("~$richt.docx"), files of other types and a previous run's output met in a folder
    (`is_run_output`) are not inputs and are passed over.
    """
    found: dict[Path, tuple[Path, Path]] = {}  # resolved path (for de-duplication) -> (path as given, root)
    errors = find_inputs(paths, lambda resolved, f, root: found.setdefault(resolved, (f, root)))
    return sorted(found.values(), key=lambda fr: str(fr[0])), errors


def find_inputs(paths: Iterable[Path], add: Callable[[Path, Path, Path], Any], passed_over: Optional[Counter] = None,
                skip: Optional[Path] = None, previous_outputs: Optional[list] = None, in_output: Optional[list] = None) -> list[IngestError]:
    """`discover` without holding what it finds: each supported file goes to
    `add(resolved path, path as found, root)`, in the order of the walk; the caller keeps the
    first of each resolved path and sorts them by `str(path)`. `presseschau run` keeps them
    on disk (`ledger.RunLedger.add_file`), so that an archive of millions of article files
    does not grow its memory (issue 19). Returns the errors. `passed_over` counts the files
    of other types found in the folders, by suffix (`passed_over_notice`). `skip`: the run's
    output folder, not entered by the walk (inside an input folder, its articles.jsonl would be
    read as a corpus, and every run would add its articles again), nor its articles.jsonl.
    A previous run's output met in a folder (`is_run_output`) is not an input either: it is
    appended to `previous_outputs`, for the run's notice naming it; the input files in the output folder `skip`, not
    read either, to `in_output`, for the notice naming them. A file named in `paths`
    is read whatever it holds."""
    errors: list[IngestError] = []
    skipped = set()  # the folder, and its articles.jsonl (and run.json) where the output folder is an input folder itself
    for q in ([Path(skip), Path(skip) / "articles.jsonl", Path(skip) / "run.json"] if skip is not None else []):
        try:
            st = os.stat(q)
            skipped.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    paths = sorted(map(Path, paths), key=_outer_first)
    named = set()  # the files named on the command line: read whatever they hold, also where a folder given holds them
    for p in paths:
        try:
            if p.is_file():
                st = os.stat(p)
                named.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    for p in paths:
        bad_link = _link_problem(p)
        if bad_link is not None:
            errors.append(bad_link)
        elif p.is_dir():
            for f in _walk(p, errors, passed_over=passed_over, skipped=frozenset(skipped), previous_outputs=previous_outputs,
                           named=frozenset(named), in_output=in_output):
                add(f.resolve(), f, p)
        elif p.is_file():
            if is_supported(p):
                add(p.resolve(), p, p.parent)
            else:
                errors.append(unsupported_error(p))
        elif p.exists():  # a pipe (`run <(zcat corpus.jsonl.gz)`), a device, a socket: there, but no file to read
            errors.append(_not_a_file_error(p))
        else:
            errors.append(IngestError(shown(p), ErrorKind.UNREADABLE, f"{shown(p)}: no such file or folder"))
    return errors


def _outer_first(p: Path) -> tuple[int, str]:
    """The order in which the inputs are walked: a file found under two inputs given (`run in in/sub`) is named by
    the first that finds it, so the outer folder comes first whatever the order on the command line (the id
    `sub/a` of in/sub/a.txt, as a run of `in` alone names it; `run in/sub in` named it `a`), and inputs that do not
    contain one another in one order too. By the path as given (made absolute, links not followed), as the walk
    names what it finds: a link named beside the folder that holds it is named as that folder's walk names it."""
    given = os.path.abspath(p)
    return len(Path(given).parts), given


class NotRegularFile(Exception):
    """`read_regular`: the path is no regular file (a pipe, a device, a socket)."""


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked on the open file (fstat), so
    that a file replaced by a pipe after it was listed is refused at once (`NotRegularFile`) instead
    of waiting for a writer that may never come; an OSError as `Path.read_bytes` raises it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(path)
        return fh.read()


def _not_a_file_error(p: Path) -> IngestError:
    """The `unreadable` error of an input that is there but no regular file nor folder: a pipe, a device, a socket
    (reading one would wait for a writer that may never come)."""
    return IngestError(shown(p), ErrorKind.UNREADABLE, f"{shown(p)}: not a regular file nor a folder (a pipe, a device "
                                                       f"or a socket); save the input to a file first")


def unsupported_error(p: Path) -> IngestError:
    """The `unsupported` error of a file named as an input whose type Presseschau does not read."""
    s = suffix_of(p)
    hint = f"{CONVERT_HINTS[s]}; Presseschau reads {READS}" if s in CONVERT_HINTS else f"use {READS}"
    return IngestError(shown(p), ErrorKind.UNSUPPORTED, f"{shown(p)}: unsupported file type {shown(s)!r} ({hint})")


def _link_problem(path: Path) -> Optional[IngestError]:
    """The error of a symbolic link that leads nowhere (a loop, a missing target), else None."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
        return None
    except OSError as e:
        if e.errno == errno.ELOOP:
            return IngestError(shown(path), ErrorKind.SYMLINK_LOOP, f"{shown(path)}: symlink loop (the link leads back to itself)")
        if e.errno == errno.ENOENT:
            try:
                target = shown(os.readlink(path))
            except OSError:
                target = "?"
            return IngestError(shown(path), ErrorKind.DANGLING_LINK, f"{shown(path)}: dangling symbolic link (its target {target} does not exist)")
        return IngestError(shown(path), ErrorKind.UNREADABLE, f"{shown(path)}: cannot follow the link ({e.strerror})")


def _walk(folder: Path, errors: list[IngestError], ancestors: frozenset = frozenset(), passed_over: Optional[Counter] = None,
          skipped: frozenset = frozenset(), previous_outputs: Optional[list] = None, named: frozenset = frozenset(),
          in_output: Optional[list] = None) -> Iterator[Path]:
    """The supported files under `folder`, links to folders followed. Written out instead of
    `Path.rglob`, which passes over unreadable folders, loops and dangling links without a
    word (and before Python 3.13 does not follow links to folders at all)."""
    try:
        st = os.stat(folder)
        ancestors = ancestors | {(st.st_dev, st.st_ino)}
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        errors.append(IngestError(shown(folder), ErrorKind.UNREADABLE, f"{shown(folder)}: cannot read folder ({e.strerror}); its files were not processed"))
        return
    for entry in entries:
        # hidden files; and the owner files Word and Office write beside a document open in them
        # ("~$richt.docx" for "Bericht.docx": the user's name, no document), hidden there
        if entry.name.startswith((".", "~$")):
            continue
        path = Path(entry.path)
        bad_link = _link_problem(path)
        if bad_link is not None:
            errors.append(bad_link)
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            errors.append(IngestError(shown(path), ErrorKind.UNREADABLE, f"{shown(path)}: cannot read ({e.strerror})"))
            continue
        if (st.st_dev, st.st_ino) in skipped:
            if in_output is not None and stat.S_ISDIR(st.st_mode):  # the output folder: the article files a user left in it
                in_output.extend(f for f in _walk(path, [], ancestors, None, skipped, None, named) if _identity(f) not in named)
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in ancestors:
                errors.append(IngestError(shown(path), ErrorKind.SYMLINK_LOOP, f"{shown(path)}: symlink loop (leads back to {shown(os.path.realpath(path))}, a folder it is in)"))
                continue
            yield from _walk(path, errors, ancestors, passed_over, skipped, previous_outputs, named, in_output)
        elif stat.S_ISREG(st.st_mode) and is_supported(path):
            if suffix_of(path) in JSONL_SUFFIXES | HTML_SUFFIXES and (st.st_dev, st.st_ino) not in named and is_run_output(path):
                if previous_outputs is not None:
                    previous_outputs.append(path)
                continue
            yield path
        elif stat.S_ISREG(st.st_mode) and passed_over is not None:
            passed_over[suffix_of(path) or "(no suffix)"] += 1
        elif not stat.S_ISREG(st.st_mode) and is_supported(path):  # a pipe named x.txt in a folder: left out without a word
            errors.append(_not_a_file_error(path))


def _identity(path: Path) -> Optional[tuple[int, int]]:
    try:
        st = os.stat(path)
        return st.st_dev, st.st_ino
    except OSError:
        return None


def is_run_output(path: Path) -> bool:
    """Whether a JSONL file is a Presseschau run's output (`presseschau run in -o in`, then
    `run in -o o`: its articles would be read again as a corpus, ids "articles/000_..."):
    an articles.jsonl with the run's run.json beside it, or a file whose first record is a
    run's article record (a "pipeline" object, "entities" and "removed" lists: a copy, an
    export), or a Prodigy / doccano export of one (a first record with the export's snapshot:
    its texts would be read again as articles named by line number; they come back with
    `presseschau import`); or `presseschau report`'s page (`is_report`). A file that cannot be read is not one:
    reading it names the problem."""
    if suffix_of(path) in HTML_SUFFIXES:
        return is_report(path)
    if path.name == "articles.jsonl" and (path.parent / "run.json").is_file():
        return True
    lines = iter_jsonl(path)
    try:
        first = next(lines, None)
    except (OSError, ValueError, EOFError):  # UnreadableFile is a ValueError
        return False
    finally:
        lines.close()
    obj = first[1] if first is not None else None
    if not isinstance(obj, dict):
        return False
    snapshot = obj.get("presseschau")  # an annotation tool's task as `export` writes it (interop.common.SNAPSHOT_KEY)
    return (isinstance(obj.get("pipeline"), dict) and isinstance(obj.get("entities"), list) and isinstance(obj.get("removed"), list)) \
        or (isinstance(snapshot, dict) and "article_id" in snapshot and "text_sha256" in snapshot)


#: the head of `presseschau report`'s page (review/report.py `render_report`, the title the command writes)
REPORT_TITLE = b"<title>Presseschau report</title>"


def is_report(path: Path) -> bool:
    """Whether an HTML file is `presseschau report`'s page, written by default into the run's output folder
    (DATA/report.html): with `--out` the input folder it was read as a web page at every later run, a
    `not_article` error (exit 1); it is no article."""
    try:
        with open(path, "rb") as fh:
            return REPORT_TITLE in fh.read(4096)
    except OSError:
        return False


def previous_output_notice(path: Path) -> str:
    """The run's word on a previous run's output met in an input folder (`is_run_output`)."""
    if suffix_of(path) in HTML_SUFFIXES:
        return (f"passed over {shown(path)}: a Presseschau report (`presseschau report`), not read as input; "
                f"name the file on the command line to read it")
    return (f"passed over {shown(path)}: a previous Presseschau run's output (its article records, or an annotation tool's "
            f"export of them: `presseschau import` reads those), not read as input; "
            f"name the file on the command line to read it as a corpus")


def passed_over_notice(passed_over: Counter, shown_types: int = 5) -> Optional[str]:
    """The run's word on the files of other types in its folders ("a PDF folder with the
    scans' JPEGs beside it"): how many, of which types, and what it reads. None if none."""
    n = sum(passed_over.values())
    if not n:
        return None
    by_count = sorted(passed_over.items(), key=lambda sk: (-sk[1], sk[0]))[:shown_types]
    types = ", ".join(f"{s} {k}" for s, k in by_count)
    more = f" and {len(passed_over) - shown_types} more types" if len(passed_over) > shown_types else ""
    hints = "".join(f"; {k}: {h}" for k, h in sorted(CONVERT_HINTS.items()) if passed_over.get(k))
    return (f"passed over {n:,} file{'s' if n != 1 else ''} of types Presseschau does not read ({types}{more}); "
            f"it reads {READS.replace(' or ', ' and ')}{hints}")


def doc_id_for(path: Path, root: Path) -> str:
    """An article's id: its path under the folder given (`root`), without the extension."""
    try:
        rel = path.resolve().relative_to(Path(root).resolve())
    except ValueError:
        try:  # reached through a link to a folder (or file) elsewhere: its path under root as the walk found it
            rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        except ValueError:
            rel = Path(path.name)
    name = rel.name
    for s in sorted(READ_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(s):
            name = name[: -len(s)]
            break
    return shown(rel.with_name(name).as_posix())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_SIGNATURES = ((b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"PK\x03\x04", "a ZIP archive (or .docx, .odt)"),
               (b"\x1f\x8b", "gzip data"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"))


def binary_reason(data: bytes) -> Optional[str]:
    """Why `data` is not a text file ("a PNG image", "1,024 NUL bytes in the first 8,192
    bytes, the first at offset 16"), or None for text. A few NUL bytes in the first 8 KB of
    otherwise text (at most one in 1,000 bytes: a stray NUL that an export left at the end)
    do not make a binary file: the text is read, and the cleaner removes and logs each NUL
    as it does any other control character ("control" in `removed`)."""
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith(tuple(bom for bom, _ in BOMS)) or utf16_without_bom(head):  # UTF-16/32 text has NUL bytes by nature
        return None
    nul = head.count(0)
    if nul > max(1, len(head) // 1000):
        return f"{nul:,} NUL bytes in the first {len(head):,} bytes, the first at offset {head.index(0):,}"
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if len(head) > 0 and ctrl / len(head) > 0.05:
        return f"{ctrl:,} control characters in the first {len(head):,} bytes"
    return None


def utf16_without_bom(data: bytes) -> Optional[str]:
    """"utf-16-le" or "utf-16-be" when `data` is UTF-16 text without a byte order mark, else
    None. Latin-script text in UTF-16 has a NUL in every other byte, on one side only: the
    high byte of each code unit. The sample must then decode to printable text."""
    head = data[:8192]
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    units = len(head) // 2
    even_nul = head[0::2].count(0)  # NUL as the first byte of a unit: big-endian
    odd_nul = head[1::2].count(0)
    for enc, high, low in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if high >= 0.6 * units and low <= 0.02 * units:
            try:
                text = head.decode(enc)
            except UnicodeDecodeError:
                continue
            printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
            if printable >= 0.95 * len(text):
                return enc
    return None


# Bytes 0x80-0x9F are printable in cp1252 („ “ ” – € …) but C1 controls in latin-1; German
# text exported from Windows uses them, so cp1252 is tried first. charset-normalizer only
# decides between the rarer cases (cp850, mac-roman ...).
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# A UTF-8 sequence for a character German text uses (Latin-1 supplement, Latin Extended-A,
# „ “ – € …): evidence that a file is UTF-8 at heart, even where some of its bytes are not.
_UTF8_GERMAN = re.compile(rb"[\xc2-\xc5][\x80-\xbf]|\xe2[\x80-\x82][\x80-\xbf]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises UnicodeDecodeError if hopeless."""
    text, encoding, _ = decode_with_warnings(data)
    return text, encoding


def decode_with_warnings(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings). A file that is UTF-8 except for some lines or bytes is
    decoded line by line (`_decode_mixed`), with a warning saying what was repaired."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        try:
            return data.decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError:
            text, warnings = _decode_mixed(data)
            return text, "utf-8-sig", warnings
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError:
                if enc == "utf-16":
                    return _decode_utf16_replacing(data, enc)
                # UTF-16-LE text whose first character is U+0000: not UTF-32
    enc16 = utf16_without_bom(data)
    if enc16 is not None:
        try:
            return data.decode(enc16), enc16, []
        except UnicodeDecodeError:
            return _decode_utf16_replacing(data, enc16)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if _UTF8_GERMAN.search(data):
        text, warnings = _decode_mixed(data)
        return text, "utf-8", warnings
    if not any(b in _CP1252_UNDEFINED for b in data):
        text = data.decode("cp1252")
        if _plausible_german(text):
            return text, "cp1252", []
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, []
    return data.decode("latin-1"), "latin-1", []


def _decode_utf16_replacing(data: bytes, enc: str) -> tuple[str, str, list[str]]:
    """UTF-16 text with bytes that do not decode (a file cut off in half a character: an odd
    number of bytes; a lone surrogate): each becomes U+FFFD, with a warning, as in UTF-8 text."""
    text = data.decode(enc, errors="replace")
    n = text.count("\ufffd") - data.decode(enc, errors="ignore").count("\ufffd")
    odd = "; the file has an odd number of bytes: its end is cut off" if len(data) % 2 else ""
    return text, enc, [f"encoding: {n} undecodable {enc} byte sequence(s) replaced with U+FFFD{odd}"]


# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> Optional[str]:
    """The Python codec of the charset a web page declares in a <meta> of its first 4 KB, or None.
    As browsers do (WHATWG Encoding), a declared ISO-8859-1 or US-ASCII is read as windows-1252."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "latin-1", "ascii") else name


def decode_html(data: bytes) -> tuple[str, str, list[str]]:
    """A web page's (text, encoding, warnings): a page that is not UTF-8 is read in the charset
    it declares (ISO-8859-15's "€" is byte 0xA4, "¤" in cp1252) where its bytes decode in it;
    else, and for UTF-8, as any text file (`decode_with_warnings`)."""
    enc = declared_charset(data)
    if enc is not None and not enc.startswith("utf") and not data.startswith((b"\xef\xbb\xbf",) + tuple(bom for bom, _ in BOMS)):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError:
                pass
    return decode_with_warnings(data)


def _decode_mixed(data: bytes) -> tuple[str, list[str]]:
    """A UTF-8 file with lines or bytes in another encoding (a cp1252 paragraph pasted into a
    UTF-8 file, a stray latin-1 byte): each line that is valid UTF-8 stays as it is; any other
    line is read as cp1252 and its UTF-8 parts repaired by ftfy (`fix_encoding` undoes
    mojibake, also within a line). Where that gives no plausible German, the line is decoded
    as UTF-8 with U+FFFD for the bad bytes. Both are reported with their line numbers."""
    import ftfy
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    out: list[str] = []
    repaired: list[int] = []
    replaced: list[int] = []
    n_bad = 0
    for lineno, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        fixed = ftfy.fix_encoding(line.decode("sloppy-windows-1252"))
        if _plausible_german(fixed) and not any("\x80" <= ch <= "\x9f" for ch in fixed):
            out.append(fixed)
            repaired.append(lineno)
        else:
            text = line.decode("utf-8", errors="replace")
            n_bad += text.count("\ufffd") - line.decode("utf-8", errors="ignore").count("\ufffd")
            out.append(text)
            replaced.append(lineno)
    warnings = []
    if repaired:
        warnings.append(f"encoding: UTF-8 file with {len(repaired)} line(s) in another encoding, read as cp1252 and repaired (lines {_line_list(repaired)})")
    if replaced:
        warnings.append(f"encoding: {n_bad} byte(s) that are not UTF-8 replaced with U+FFFD (lines {_line_list(replaced)})")
    return "".join(out), warnings


def _nul_warning(text: str) -> list[str]:
    """A warning for NUL characters in a text that is read nonetheless (`binary_reason`): the
    cleaner removes each (logged as "control"), but a NUL in a text file is a sign of damage."""
    n = text.count("\x00")
    if not n:
        return []
    return [f"encoding: {n} NUL character(s) in the text, the first at character {text.index(chr(0)):,}; removed as control characters"]


def _line_list(lines: list[int], most: int = 10) -> str:
    head = ", ".join(map(str, lines[:most]))
    return head + (f" and {len(lines) - most} more" if len(lines) > most else "")


def _plausible_german(text: str) -> bool:
    # cp1252 decodes any byte string; reject it when the result is full of unusual symbols
    odd = sum(1 for ch in text if ord(ch) >= 0x80 and ch not in "äöüÄÖÜßéèàáâçñ„“”‚‘’–—…€»«·°§²³µ½¼¾ëïíóúôêîûÉÈÀ")
    return odd <= max(3, len(text) // 200)


FirstLine = Callable[[str, int], Optional[int]]  # (record id, line) -> the line it was first seen on, or None


def read_path(path: Path, root: Path, max_bytes: int = MAX_BYTES, first_line: Optional[FirstLine] = None,
              unchanged: Optional[UnchangedCheck] = None, defer: bool = False, pdf_articles: bool = False,
              bounded: Optional[Callable[[FileRef, Callable[[], list]], Iterable[Item]]] = None,
              known_articles: Optional[Callable[[str, str], Optional[int]]] = None) -> Iterator[Item]:
    """Yield the RawDocs of one input file, or IngestErrors naming it. `first_line`: see `read_jsonl`.
    `unchanged`: a PDF or web page it says is stored already is an `Unchanged`, not extracted;
    `defer`: any other PDF or web page is a `FileRef`, extracted by whoever reads it (`read_ref`).
    `pdf_articles`: a PDF is split into its articles (`_pdf_articles`), one RawDoc each; it is
    extracted here (its articles' ids are known only then), neither `Unchanged` nor a `FileRef`.
    `bounded`: a PDF, Word file or web page extracted here is extracted by `bounded(ref, extract)`
    (`execute.local.extract_bounded`: in a worker process, under the batch timeout), so that an
    extractor that loops on one file cannot stop the run.
    `known_articles`: (file id, sha256 of its bytes) -> N where a `pdf_articles` PDF of these bytes gave N
    articles whose records are all stored already: they are `Unchanged` (`<file id>#a1` ... `#aN`), the
    PDF not extracted again (a None or 0: extracted)."""
    s = suffix_of(path)
    if s not in READ_SUFFIXES:  # a file `run` finds is of a type it reads; the API's caller names any file
        yield unsupported_error(path)
        return
    name = shown(path)
    try:
        st = path.stat()
    except OSError as e:
        yield IngestError(name, ErrorKind.UNREADABLE, f"{name}: cannot read ({e.strerror})")
        return
    if not stat.S_ISREG(st.st_mode):  # replaced by a pipe since it was listed: reading would wait for a writer
        yield _not_a_file_error(path)
        return
    if s in JSONL_SUFFIXES:
        yield from read_jsonl(path, root, max_bytes, first_line)
        return
    size = st.st_size
    # a web archive holds the page's images too: many times its text, as a Word file (also one renamed .html)
    limit = max(max_bytes, PDF_MAX_FILE_BYTES) if s in PDF_SUFFIXES | DOCX_SUFFIXES | ODT_SUFFIXES | MHTML_SUFFIXES else max_bytes
    if size > limit and s in HTML_SUFFIXES and _is_mhtml(_head(path)):
        s, limit = ".mhtml", max(max_bytes, PDF_MAX_FILE_BYTES)
    if size > limit:
        what = {".pdf": "one PDF (split it)", ".docx": "one Word file (split it)", ".odt": "one OpenDocument file (split it)",
                ".mhtml": "one web archive", ".mht": "one web archive"}.get(s, "one article (split it or raise --max-bytes)")
        yield IngestError(name, ErrorKind.TOO_LARGE, f"{name}: {size:,} bytes is over the limit of {limit:,} bytes for {what}")
        return
    try:
        data = read_regular(path)
    except NotRegularFile:
        yield _not_a_file_error(path)
        return
    except OSError as e:
        yield IngestError(name, ErrorKind.UNREADABLE, f"{name}: cannot read ({e.strerror})")
        return
    if (unchanged is not None or defer) and s in EXTRACTED_SUFFIXES and not (pdf_articles and s in PDF_SUFFIXES):
        doc_id, digest = doc_id_for(path, root), sha256(data)
        if unchanged is not None and unchanged(doc_id, digest):
            yield Unchanged(doc_id, name, digest)
            return
        if defer and data.strip():
            yield FileRef(doc_id, name, os.fspath(path), digest, max_bytes, len(data))
            return
    if pdf_articles and known_articles is not None and s in PDF_SUFFIXES:
        doc_id, digest = doc_id_for(path, root), sha256(data)
        n = known_articles(doc_id, digest)
        if n:
            yield from (Unchanged(pdf_article(doc_id, k), pdf_article(name, k), digest) for k in range(1, n + 1))
            return
    if bounded is not None and s in EXTRACTED_SUFFIXES and data.strip():
        ref = FileRef(doc_id_for(path, root), name, os.fspath(path), sha256(data), max_bytes, len(data))
        yield from bounded(ref, lambda: list(_decoded(data, path, root, s, max_bytes, pdf_articles)))
        return
    yield from _decoded(data, path, root, s, max_bytes, pdf_articles)


def _decoded(data: bytes, path: Path, root: Path, suffix: str, max_bytes: int, pdf_articles: bool = False) -> Iterator[Item]:
    """The article of one file's bytes (decoded, or extracted from a PDF or web page), or its
    error; `pdf_articles`: a PDF's articles (`_pdf_articles`)."""
    try:
        if suffix in PDF_SUFFIXES:
            yield from (_pdf_articles if pdf_articles else _from_pdf)(data, path, root, max_bytes)
            return
        if suffix in DOCX_SUFFIXES:
            yield from _from_docx(data, path, root, max_bytes)
            return
        if suffix in ODT_SUFFIXES:
            yield from _from_odt(data, path, root, max_bytes)
            return
        yield from _from_bytes(data, path, root, suffix, max_bytes)
    except Exception as e:  # a decoder or extractor bug on this file is its error, not the run's end (issue 15)
        name = shown(path)
        yield IngestError(name, ErrorKind.UNREADABLE, f"{name}: reading it failed ({type(e).__name__}: {e})")


def read_ref(ref: FileRef) -> Union[RawDoc, IngestError]:
    """The `RawDoc` of a `FileRef`, read and extracted exactly as `read_path` does, or the
    error that says why not; an error too if the file changed or went since it was found."""
    path = Path(ref.file)
    try:
        data = read_regular(path)
    except NotRegularFile:
        return _not_a_file_error(Path(ref.path))
    except OSError as e:
        # gone since the run found it, or (--cluster --shared-fs) not there for this worker
        return IngestError(ref.path, ErrorKind.UNREADABLE, f"{ref.path}: cannot read {ref.file} where it is processed ({e.strerror}): gone since the run "
                           "found it, or (--shared-fs) the Dask worker does not see the input files under the driver's paths; not processed")
    if sha256(data) != ref.sha256:
        return IngestError(ref.path, ErrorKind.UNREADABLE, f"{ref.path}: changed since the run found it; not processed (run it again)")
    shown_as = Path(ref.path)  # named as the run shows it (the file may be opened by its absolute path)
    (got,) = _decoded(data, shown_as, shown_as.parent, suffix_of(path), ref.max_bytes)  # one article file: one item
    return dataclasses.replace(got, id=ref.id) if isinstance(got, RawDoc) else got


def _from_pdf(data: bytes, path: Path, root: Path, max_bytes: int) -> Iterator[Item]:
    """The RawDoc of a PDF: its text layer (`pdf.extract`) is the raw text."""
    from .pdf import extract

    yield from _extracted(data, path, root, max_bytes, extract, PdfUnreadable, "pdf")


def _from_docx(data: bytes, path: Path, root: Path, max_bytes: int) -> Iterator[Item]:
    """The RawDoc of a Word file: its body's text (`docx.extract`) is the raw text."""
    from .docx import extract

    yield from _extracted(data, path, root, max_bytes, extract, DocxUnreadable, "docx")


def _from_odt(data: bytes, path: Path, root: Path, max_bytes: int) -> Iterator[Item]:
    """The RawDoc of an OpenDocument text: its body's text (`odt.extract`) is the raw text."""
    from .odt import extract

    yield from _extracted(data, path, root, max_bytes, extract, OdtUnreadable, "odt")


def _extracted(data: bytes, path: Path, root: Path, max_bytes: int, extract: Callable[[bytes], tuple[str, dict]],
               unreadable: type, encoding: str) -> Iterator[Item]:
    """The RawDoc of a file whose text an extractor gives (`extract(bytes) -> (text, meta)`), or
    the error that says why it cannot be read (`unreadable`: the extractor's error, with its
    kind and reason). `max_bytes` limits the text, as for a JSONL record."""
    name = shown(path)
    if not data.strip():
        yield IngestError(name, ErrorKind.EMPTY, f"{name}: file is empty")
        return
    try:
        text, meta = extract(data)
    except unreadable as e:
        yield IngestError(name, e.kind, f"{name}: {e.reason}")
        return
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        yield IngestError(name, ErrorKind.TOO_LARGE, f"{name}: its text has {size:,} bytes, over the limit of {max_bytes:,} bytes for one article (split it or raise --max-bytes)")
        return
    # what the extractor could not read (a Word file's embedded RTF): the record's warnings, naming the file
    warnings = [f"{encoding}: {name}: {w}" for w in meta.pop("warnings", [])]
    yield RawDoc(id=doc_id_for(path, root), path=name, sha256=sha256(data), text=text, encoding=encoding, meta=meta, warnings=warnings)


def pdf_article(base: str, n: int) -> str:
    """The id or path of article N of a `--pdf-articles` PDF: `<file id>#aN`, `<file>#aN` (`_pdf_articles`)."""
    return f"{base}#a{n}"


def pdf_article_number(path: str) -> int:
    """N of a `--pdf-articles` article's id or path `<file>#aN` (`pdf_article`), else 0."""
    _, sep, n = path.rpartition("#a")
    return int(n) if sep and n.isdigit() else 0


def _pdf_articles(data: bytes, path: Path, root: Path, max_bytes: int) -> Iterator[Item]:
    """`--pdf-articles`: the RawDocs of a PDF's articles (`pdf.extract_articles`: an e-paper
    page split at its headlines), or the error that says why it cannot be read. Article N (in
    reading order, from 1) has the id `<file id>#aN` and the path `<file>#aN` (as a JSONL
    record's are `<file id>/<id>` and `<file>#<id>`), its own text as raw text (`source.offsets`
    count in it), the pages it is on (`source.pages`), and the file's sha256. The page furniture
    (running header and footer rows, what stands before the first headline: a masthead) is in
    no article's text: the first article's warnings say how much and how it starts, and its
    date and section (the cleaner reads them in a running header) are every article's meta
    hints, as its headline is its title's, where the article's own text gives none. An article's text over `max_bytes` is an
    error naming it; the other articles go on. A PDF without a headline is one article, `#a1`."""
    from .pdf import extract_articles

    name = shown(path)
    if not data.strip():
        yield IngestError(name, ErrorKind.EMPTY, f"{name}: file is empty")
        return
    try:
        articles, furniture, meta = extract_articles(data)
    except PdfUnreadable as e:
        yield IngestError(name, e.kind, f"{name}: {e.reason}")
        return
    hints: dict = {}
    warnings: list[str] = []
    if furniture.strip():
        from .clean import clean_input

        page = clean_input(furniture, meta).meta
        hints = {k: v for k, v in (("published", page.published), ("section", page.section)) if v}
        first = " ".join(furniture.split())
        warnings = [f"pdf: {len(furniture):,} characters of page furniture (running headers, footers, a masthead) are in no "
                    f"article's text: {_short(first)}"]
    doc_id, digest = doc_id_for(path, root), sha256(data)
    for n, art in enumerate(articles, 1):
        size = len(art.text.encode("utf-8"))
        if size > max_bytes:
            yield IngestError(pdf_article(name, n), ErrorKind.TOO_LARGE, f"{pdf_article(name, n)}: its text has {size:,} bytes, over the limit of {max_bytes:,} bytes for one article (raise --max-bytes)")
            continue
        yield RawDoc(id=pdf_article(doc_id, n), path=pdf_article(name, n), sha256=digest, text=art.text, encoding="pdf",
                     meta={**hints, **({"title": art.headline} if art.headline else {}), **meta, "pdf_pages": art.pages},
                     warnings=warnings if n == 1 else [])


def _from_bytes(data: bytes, path: Path, root: Path, suffix: str, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    name = shown(path)
    if not data.strip():
        yield IngestError(name, ErrorKind.EMPTY, f"{name}: file is empty")
        return
    # a web archive's parts may be binary (Content-Transfer-Encoding: binary, an image's bytes as they are): its page is checked
    archive = suffix in HTML_SUFFIXES and _is_mhtml(data)
    why = None if archive else binary_reason(data)
    if why is not None:
        yield IngestError(name, ErrorKind.BINARY, f"{name}: binary file, not text ({why}; first bytes {data[:8]!r})")
        return
    page, archive_url, decoded, archive_warnings = data, None, None, []
    # a saved web archive (also one renamed .html); a page itself named .mhtml is read as the page it is
    if archive or (suffix in MHTML_SUFFIXES and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")):
        try:
            page, charset, archive_url, archive_warnings = mhtml_page(data)
            archive_warnings = [f"mhtml: {name}: {w}" for w in archive_warnings]
        except MhtmlUnreadable as e:
            yield IngestError(name, e.kind, f"{name}: {e.reason}")
            return
        why = binary_reason(page)
        if why is not None:
            yield IngestError(name, ErrorKind.BINARY, f"{name}: the web archive's page is binary, not text ({why}; first bytes {page[:8]!r})")
            return
        try:  # in the charset its MIME part declares (ISO-8859-1 read as windows-1252, as browsers do); else as a page's bytes
            enc = codecs.lookup(charset).name if charset else None
            enc = "cp1252" if enc in ("iso8859-1", "latin-1", "ascii") else enc
            decoded = (page.decode(enc), enc, []) if enc and enc != "utf-8" else None  # UTF-8 (a BOM, bad bytes): as a page's
        except (LookupError, UnicodeDecodeError):
            decoded = None
    # a web archive may be 200 MB (its images: read_path's file limit); its page is held to a page's limit,
    # as is a page itself named .mhtml
    if (page is not data or suffix in MHTML_SUFFIXES) and len(page) > max_bytes:
        yield IngestError(name, ErrorKind.TOO_LARGE, f"{name}: its web page has {len(page):,} bytes, over the limit of "
                                                     f"{max_bytes:,} bytes for one article (raise --max-bytes)")
        return
    try:
        text, encoding, warnings = decoded or (decode_html(page) if suffix in HTML_SUFFIXES else decode_with_warnings(data))
    except UnicodeDecodeError as e:
        yield IngestError(name, ErrorKind.ENCODING, f"{name}: cannot decode text ({e})")
        return
    meta: dict = {}
    # a web archive cut off in its page: said with the error its page gives (what is left may hold no article)
    cut_note = "; the web archive is cut off in its page: save the page again" if archive_warnings else ""
    if suffix in HTML_SUFFIXES:
        html = text
        text, meta = extract_html(html)
        if archive_url and not meta.get("url"):  # the address the archive was saved from, where the page names none
            meta["url"] = archive_url
        if not text.strip():
            yield IngestError(name, ErrorKind.EMPTY, f"{name}: no main text found in the HTML page{cut_note}")
            return
        from .html_pages import page_problem

        problem = page_problem(text, html, meta.get("title"))
        if problem:
            kind, why = problem
            yield IngestError(name, kind, f"{name}: no article text found ({why}){cut_note}")
            return
    if not text.strip():
        yield IngestError(name, ErrorKind.EMPTY, f"{name}: file holds only whitespace")
        return
    warnings = archive_warnings + warnings + _nul_warning(text)
    yield RawDoc(id=doc_id_for(path, root), path=name, sha256=sha256(data), text=text, encoding=encoding, meta=meta, warnings=warnings)


def _head(path: Path, n: int = 4096) -> bytes:
    """The first `n` bytes of a file (b"" where it cannot be read: reading it names the problem)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def _is_mhtml(data: bytes) -> bool:
    """Whether `data` is a saved web archive (MHTML: Chrome's "Webpage, Single File", Internet
    Explorer's .mht): MIME headers, not markup, at its top, declaring multipart/related."""
    head = data[:4096].lstrip()
    return not head.startswith(b"<") and re.search(rb"(?im)^MIME-Version:", head) is not None and re.search(rb"(?i)multipart/related", head) is not None


def mhtml_page(data: bytes) -> tuple[bytes, Optional[str], Optional[str], list[str]]:
    """The page of a saved web archive (MHTML, RFC 2557: a multipart/related MIME message): (the
    root HTML part's bytes, its declared charset or None, the address it was saved from or None,
    warnings: a cut-off archive, whose page may be incomplete).
    The root part is the one the message's `start` parameter or `Content-Location` names, else
    the first text/html part; its transfer encoding (quoted-printable, base64) is undone. The
    address is the message's `Snapshot-Content-Location` (Chrome) or `Content-Location`, else the
    root part's, where it is an absolute http(s) URL. Raises `MhtmlUnreadable`."""
    import email
    import email.errors
    import email.policy

    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as e:  # the email package reads nearly anything; a bug on odd bytes is this file's error
        raise MhtmlUnreadable(ErrorKind.UNREADABLE, f"a damaged web archive (MHTML) ({type(e).__name__}: {e})") from e
    if not msg.is_multipart():
        if (msg.get_content_type() == "text/html" and msg.get("MIME-Version") is not None):  # a one-part archive: the page itself
            parts = [msg]
        else:
            raise MhtmlUnreadable(ErrorKind.UNREADABLE, "a damaged or cut-off web archive (MHTML): no MIME parts found "
                                                        f"(its type is {msg.get_content_type()!r}); save the page again")
    else:
        parts = [p for p in msg.walk() if not p.is_multipart()]

    def location(part) -> Optional[str]:
        loc = str(part.get("Content-Location") or "").strip()
        return loc or None

    def cid(part) -> Optional[str]:
        v = str(part.get("Content-ID") or "").strip()
        return v.strip("<>") or None

    start = str(msg.get_param("start") or "").strip().strip("<>") if msg.is_multipart() else ""
    root_loc = location(msg) or str(msg.get("Snapshot-Content-Location") or "").strip() or None
    root = next((p for p in parts if start and cid(p) == start), None) \
        or next((p for p in parts if root_loc and location(p) == root_loc), None) \
        or next((p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)
    if root is None:
        types = sorted({p.get_content_type() for p in parts})
        raise MhtmlUnreadable(ErrorKind.UNSUPPORTED, "a saved web archive (MHTML) without an HTML page (its parts: "
                                                     f"{', '.join(types[:5]) or 'none'}); save the web page again")
    if root.get_content_type() not in ("text/html", "application/xhtml+xml"):
        raise MhtmlUnreadable(ErrorKind.UNSUPPORTED, f"a saved web archive (MHTML) whose page is no HTML but {root.get_content_type()!r}; "
                                                     "open the page itself in the browser and save it as \"Webpage, HTML only\"")
    try:
        page = root.get_payload(decode=True)
    except Exception as e:
        raise MhtmlUnreadable(ErrorKind.UNREADABLE, f"a damaged web archive (MHTML): its page cannot be decoded ({type(e).__name__}: {e})") from e
    if not page or not page.strip():
        raise MhtmlUnreadable(ErrorKind.EMPTY, "a saved web archive (MHTML) whose page is empty (cut off?); save the page again")
    charset = root.get_content_charset()
    url = next((u for u in (str(msg.get("Snapshot-Content-Location") or "").strip(), root_loc or "", location(root) or "")
                if re.match(r"https?://[^\s/]+\S*$", u)), None)
    # cut off in its last part: where that is the page (Chrome writes it first, its images after), the page's end is missing
    cut = root is parts[-1] and any(isinstance(d, email.errors.CloseBoundaryNotFoundDefect) for p in msg.walk() for d in p.defects)
    warnings = ["the web archive is cut off in its page (its closing MIME boundary is missing): the page's end may be missing; "
                "save the page again"] if cut else []
    return page, charset, url, warnings


def extract_html(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page. The extracted text becomes the 'raw' text of
    the record (the cleaner's `removed` offsets point into it); see `pipeline/html.py`.

    meta: title, published (htmldate), authors, outlet, description, `extracted_with`, and
    `furniture`: raw spans [start, end, kind] that the page's markup marks as furniture (a
    kicker), for the cleaner to log."""
    from .html import extract

    return extract(html)


# A JSONL record's fields read as meta -> the record's meta field each fills. Where a record
# holds several for one field, the first of them here with a usable value wins (`published`
# before `date`), and a top-level field before one of a nested `meta` object. Besides
# Presseschau's own names: news-please's (`date_publish`, `source_domain`, `url`; its text
# `maintext`) and trafilatura's JSON output (`author` "A; B", `source-hostname` = its
# sitename, `hostname`, `source` = the URL, taken only where it is an http(s) URL).
JSONL_META_FIELDS = {"title": "title", "published": "published", "date": "published", "date_publish": "published",
                     "outlet": "outlet", "sitename": "outlet", "source-hostname": "outlet", "source_domain": "outlet", "hostname": "outlet",
                     "section": "section", "authors": "authors", "author": "authors",
                     "url": "url", "source_url": "url", "link": "url", "source": "url"}
JSONL_TEXT_FIELDS = ("text", "maintext")  # the article text: Presseschau's, news-please's
_RANK = {k: i for i, k in enumerate(JSONL_META_FIELDS)}
_SURROGATE = re.compile("[\ud800-\udfff]")
# a Unix time read as a JSONL record's published date: seconds or milliseconds (told apart by
# size: the ranges do not meet) between 1990-01-01 and 2100-01-01 UTC
_EPOCH_RANGE = (631152000, 4102444800)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def read_jsonl(path: Path, root: Path, max_bytes: int = MAX_BYTES, first_line: Optional[FirstLine] = None) -> Iterator[Item]:
    """Stream a JSONL corpus; each bad line is an error with its line number, the rest goes on.
    A record's text over `max_bytes` (UTF-8) is refused as an article file over it is.

    The record id is the line's `id` (a string or a number); a line without one (or with
    null or "") is named by its line number. An id met twice in one file is an error naming
    both lines; the first is kept. `first_line` remembers the ids met: by default a dict for
    this file; `presseschau run` keeps them on disk (`ledger.RunLedger.first_line`), so that
    its memory does not grow with the file (issue 19)."""
    stem = doc_id_for(path, root)
    name = shown(path)
    lineno = 0
    first_line = first_line or _first_line_in_memory()
    try:
        encoding = jsonl_encoding(path)  # the file's: its records' `source.encoding`
        if encoding in ("utf-8", "utf-8-sig"):  # not text at all (xz or zstd data, a ZIP): one error, not one per "line" of it
            with open(path, "rb") as fh:
                head = fh.read(8192)
            why = binary_reason(head)
            if why is not None:
                yield IngestError(name, ErrorKind.BINARY, f"{name}: binary file, not JSON Lines ({why}; first bytes {head[:8]!r})")
                return
        encoding = "utf-8" if encoding == "gzip" else encoding
        for lineno, obj in iter_jsonl(path):
            if isinstance(obj, BadLine):
                what = "truncated" if obj.truncated else "invalid"
                yield IngestError(name, ErrorKind.INVALID_JSONL, f"{name}:{lineno}: {what} JSON line ({obj.msg} at column {obj.colno})", line=lineno)
                continue
            field = next((f for f in JSONL_TEXT_FIELDS if isinstance(obj.get(f), str)), None) if isinstance(obj, dict) else None
            if field is None and lineno == 1 and _is_review_decision(obj):
                # `presseschau run .` in a project folder: its review log is no corpus (one
                # error for the file, not one per decision)
                yield IngestError(name, ErrorKind.NOT_ARTICLE, f"{name}: a Presseschau review log (review decisions, no articles): "
                                                               f"not read as input; a command takes its folder with -a/--annotations")
                return
            if field is None:
                why = ("holds a JSON array, not one record (JSON Lines: one {\"id\", \"text\"} object per line; "
                       "e.g. pandas' to_json(orient=\"records\", lines=True))" if isinstance(obj, list) else "record has no string field 'text'")
                yield IngestError(name, ErrorKind.INVALID_JSONL, f"{name}:{lineno}: {why}", line=lineno)
                continue
            raw_id = obj.get("id")
            if raw_id is None or raw_id == "":
                rid = str(lineno)
            elif isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool):
                rid = shown(str(raw_id))
            else:
                yield IngestError(name, ErrorKind.INVALID_JSONL, f"{name}:{lineno}: record id must be a string or a number, not {type(raw_id).__name__}", line=lineno)
                continue
            first = first_line(rid, lineno)
            if first is not None:
                yield IngestError(f"{name}#{rid}", ErrorKind.DUPLICATE_ID, f"{name}:{lineno}: article id {rid!r} is twice in {name}, lines {first} and {lineno}; the second is skipped", line=lineno)
                continue
            text, warnings = _without_surrogates(obj[field])
            if not text.strip():
                yield IngestError(name, ErrorKind.EMPTY, f"{name}:{lineno}: record {rid!r} has empty text", line=lineno)
                continue
            data = text.encode("utf-8")
            if len(data) > max_bytes:
                yield IngestError(f"{name}#{rid}", ErrorKind.TOO_LARGE, f"{name}:{lineno}: record {rid!r} has {len(data):,} bytes of text, over the limit of {max_bytes:,} bytes for one article (split it or raise --max-bytes)", line=lineno)
                continue
            meta, meta_warnings = _jsonl_meta(obj, f"{name}:{lineno}")
            yield RawDoc(id=f"{stem}/{rid}", path=f"{name}#{rid}", sha256=sha256(data), text=text, encoding=encoding, meta=meta, warnings=warnings + meta_warnings)
        if lineno == 0:  # an export that came out empty: said, as an empty text file is
            yield IngestError(name, ErrorKind.EMPTY, f"{name}: holds no JSON line (the file is empty or blank)")
    except CannotStart:  # the run's own storage failed (`first_line` on disk): the run's end, not the file's error
        raise
    except Exception as e:  # OSError, EOFError, UnicodeDecodeError, or a bug: the file's error, the run goes on
        if isinstance(e, UnreadableFile):  # not UTF-8, gzip data cut off: named with its line by the reader
            yield IngestError(name, ErrorKind.UNREADABLE, f"{name}: stopped reading after line {e.line - 1} ({e.reason})", line=e.line)
        elif lineno == 0 and isinstance(e, OSError) and not isinstance(e, gzip.BadGzipFile):
            yield IngestError(name, ErrorKind.UNREADABLE, f"{name}: cannot open ({e.strerror})")
        else:
            yield IngestError(name, ErrorKind.UNREADABLE, f"{name}: stopped reading after line {lineno} ({type(e).__name__}: {e})", line=lineno + 1)


def _is_review_decision(obj: Any) -> bool:
    """Whether a JSONL line is a review decision (the lines of `annotations/decisions.jsonl`,
    written by `review.log`), not an article."""
    return isinstance(obj, dict) and isinstance(obj.get("decision"), str) and "article_id" in obj


def _jsonl_meta(obj: dict, where: str = "") -> tuple[dict, list[str]]:
    """The record's meta fields (`JSONL_META_FIELDS`, top-level and in a nested `meta` object)
    as the record contract types them: title, outlet, section, url and published a string (a
    number is written as one), authors a list of names ("A; B" is two). A value of another
    shape (a list as title, an object, a number as authors) or a published that is no date is
    not taken, with a warning, instead of its Python repr. A published that is a Unix time
    (`_epoch_date`) is read as UTC, with a warning naming `where` (file:line)."""
    from .clean.meta import iso_date

    meta: dict = {}
    best: dict[str, tuple[int, int]] = {}  # the field -> (level, rank) of the key it came from
    notes: dict[str, str] = {}  # the field -> how its value was read (a Unix time)
    warnings: list[str] = []
    nested = obj.get("meta")
    sources = [("", obj)] + ([("meta.", nested)] if isinstance(nested, dict) else [])
    for level, (prefix, src) in enumerate(sources):
        for k, v in src.items():
            key = JSONL_META_FIELDS.get(k)
            if key is None or v is None or v == "" or v == []:
                continue
            if key == "url" and k == "source" and not (isinstance(v, str) and re.match(r"https?://\S+$", v.strip())):
                continue  # `source` is trafilatura's URL, elsewhere often an agency or a path
            label, note = prefix + k, None
            if key == "authors":
                items = ([x for x in v.split(";") if x.strip()] or [v]) if isinstance(v, str) else v if isinstance(v, list) else None
                names = [x.strip() for x in items or [] if isinstance(x, str) and x.strip()]
                if items is None or len(names) < len([x for x in items if x is not None]):
                    warnings.append(f"meta: {label!r} {_short(v)} is not a name or a list of names; " + ("its other items not taken" if names else "not taken"))
                if not names:
                    continue
                v = names
            elif key == "published" and not isinstance(v, bool) and isinstance(v, (int, float, str)) and iso_date(v) is None:
                epoch = _epoch_date(v)
                if epoch is None:
                    warnings.append(f"meta: {label!r} {_short(v)} is no date; not taken")
                    continue
                v, unit, instant = epoch
                note = f"meta: {where}: {label!r} {_short(src[k])} read as a Unix time in UTC {unit} ({instant})"
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                v = str(v)
            elif not isinstance(v, str):
                warnings.append(f"meta: {label!r} {_short(v)} is not a string; not taken")
                continue
            if key in best and best[key] < (level, _RANK[k]):
                continue  # the field has a value from a better key
            meta[key], best[key] = _clean_value(v), (level, _RANK[k])
            notes.pop(key, None)
            if note:
                notes[key] = note
    return meta, warnings + list(notes.values())


def _epoch_date(v: Union[int, float, str]) -> Optional[tuple[str, str, str]]:
    """A JSONL published date written as a Unix time (pandas' `to_json` writes datetimes as
    epoch milliseconds, scrapers often seconds): (ISO date in UTC, "seconds" or
    "milliseconds", the instant), or None where `v` is no number of seconds or milliseconds
    between 1990 and 2100. Only for this field: in free text such a number is no date
    (`clean.meta.iso_date`)."""
    import datetime as dt

    if isinstance(v, str):
        if not _DIGITS.fullmatch(v.strip()):
            return None
        v = float(v.strip())
    lo, hi = _EPOCH_RANGE
    for unit, scale in (("seconds", 1), ("milliseconds", 1000)):
        if lo * scale <= v < hi * scale:
            t = dt.datetime.fromtimestamp(v / scale, dt.timezone.utc)
            return t.date().isoformat(), unit, t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def _short(v) -> str:
    text = _clean_value(json.dumps(v, ensure_ascii=False))
    return text if len(text) <= 60 else text[:57] + "..."


def _first_line_in_memory() -> FirstLine:
    seen: dict[str, int] = {}

    def first_line(rid: str, lineno: int) -> Optional[int]:
        first = seen.setdefault(rid, lineno)
        return None if first == lineno else first

    return first_line


def _without_surrogates(text: str) -> tuple[str, list[str]]:
    """JSON may escape lone surrogates ("\\ud800"), which no file or database can store as
    UTF-8: each becomes U+FFFD, with a warning."""
    n = len(_SURROGATE.findall(text))
    if not n:
        return text, []
    return _SURROGATE.sub("\ufffd", text), [f"encoding: {n} lone surrogate escape(s) in the JSON text replaced with U+FFFD"]


def _clean_value(v):
    if isinstance(v, str):
        return _SURROGATE.sub("\ufffd", v)
    if isinstance(v, list):
        return [_clean_value(x) for x in v]
    return v


# -- language check ---------------------------------------------------------------------------

_CANDIDATES = ("GERMAN", "ENGLISH", "FRENCH", "ITALIAN", "SPANISH", "DUTCH", "POLISH", "TURKISH", "RUSSIAN", "PORTUGUESE", "DANISH", "SWEDISH")


@lru_cache(maxsize=1)
def load_detector():
    """The language detector, built once per process. Low-accuracy mode (trigram models only)
    is lingua's fast mode; on the 1,000-character samples used here it agrees with the
    high-accuracy mode on all 2,256 German news texts of ../shared/data/news at half the cost."""
    from lingua import Language, LanguageDetectorBuilder

    return (LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in _CANDIDATES))
            .with_low_accuracy_mode().with_preloaded_language_models().build())


def detect_language(text: str, sample_chars: int = 1000, quick_chars: int = 400) -> Optional[str]:
    """ISO 639-1 code of the text's language (lingua, restricted to likely languages), or None.

    lingua's cost grows with the sample (0.43 ms for 400 characters, 0.87 ms for 1,000, per
    article). German, the case of nearly every article, is accepted from the first
    `quick_chars` characters; any other first verdict is made again on the full sample, so a
    text is only ever flagged as not German on `sample_chars` of it. On the 2,923 texts of
    ../shared/data/news both ways give the same answer for every text."""
    sample = text[:sample_chars]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    detector = load_detector()
    if len(sample) > quick_chars:
        first = detector.detect_language_of(sample[:quick_chars])
        if first is not None and first.iso_code_639_1.name == "DE":
            return "de"
    lang = detector.detect_language_of(sample)
    if lang is not None and lang.name != "GERMAN" and len(sample) < quick_chars:
        lang = _german_or(lang.name).detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


@lru_cache(maxsize=None)
def _german_or(other: str):
    """lingua in high-accuracy mode between German and `other` alone: the check of a short
    text (under `quick_chars`) that the fast mode calls another language. The trigram-only mode
    is unreliable on a sentence or a headline, as lingua's own docs say: "Angela Merkel besuchte
    Paris." came out Dutch, 10kGNAD's "Israel greift Hamas-Trainingslager im Gazastreifen an."
    Swedish (4 of 400 first sentences of 10kGNAD refused). Two languages' full models load only
    when such a text comes (about 1 s, 70 MB each), not at every start."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.GERMAN, getattr(Language, other)).build()
