"""Clean stage: raw article text -> `CleanDoc` (clean text, clean->raw offset map, removed pieces, Meta).

    from pipeline.clean import clean
    doc = clean(raw_text)

How it works (each decision is taken from evidence, the patterns live in
`pipeline/lang/de/cleaning.json`):

1. Character normalisation (`_normalise`): mojibake is repaired with ftfy token by token and
   aligned back to the raw text; text is NFC-composed; ligatures are expanded; soft hyphens,
   zero-width characters, BOMs and control characters are dropped; NBSP and other spaces become
   " "; CR/CRLF, form feeds (page breaks, remembered as evidence) and Unicode line separators
   become "\\n". Curly quotes, »…« and „…“ are text and stay.
2. Lines are classified (`_Classifier`): page furniture by pattern (running headers, print slugs,
   datelines, bylines, credits, publisher footers, cookie/navigation boilerplate), by repetition
   (lines repeated on several pages, digits ignored), by position (lines next to page breaks,
   titles at the top, a tail after the body) and by shape (line length against the column width
   of the document: wide lines are headline/teaser, runs of short lines are pull quotes or
   captions; a lone capital letter is a drop cap).
3. Body lines are joined back into paragraphs (`_assemble`). A line-end hyphen is removed or kept
   by looking up the joined and the hyphenated form in a German lexicon (spaCy lookups' German
   lexeme probability table plus its lemma table, loaded once, lazily) and in the document's own
   word counts. Words split by a stray space ("Pogro men") are re-joined on the same evidence.
   Columns read out of order (text starting mid-sentence while a drop cap marks the real start
   later) are put back in order (a warning says so).

Offsets: `offsets[i]` is the raw offset of clean char i; `offsets[len(text)]` is one past the
last kept char (0 for an empty text). Every removed raw piece is logged as
`Removed(start, end, kind, raw[start:end])`.

Kinds of `Removed` pieces:
  page furniture and metadata: running_header, page_number, print_slug, caption, credit,
    pull_quote, headline, kicker, teaser, byline, dateline, date_marker, boilerplate,
    navigation, markdown_link, image, markup, end_mark, related (the block of related
    articles, forum links, support appeals or calls to follow the outlet on social media after
    a web article), comments (the reader comments after a web article: comment headers and
    texts, vote and login widgets, the comment policy);
  joins: hyphenation (the "-\n" of a word broken at a line end), word_split (a stray space
    inside a word);
  characters: soft_hyphen, invisible, bom, control (dropped), mojibake, unicode, ligature
    (normalised: the clean char maps onto the piece), hyphen_restored (a compound hyphen a PDF
    extractor deleted, "NatoGipfel" -> "Nato-Gipfel": the clean "-" maps onto the first char of
    the right half).
Meta: title (first line when it is a headline, or a headline printed after the body), outlet,
published (ISO date; "YYYY-MM" when only a month is known), authors, section, place (a news
dateline's "MOSKAU (dpa) –" or a byline's "Von Friedrich Schmidt, Moskau"; the dateline is kept in the text).

Whitespace policy (documented choice): whitespace is exempt from logging. Raw whitespace may be
dropped or turned into another whitespace char without a `Removed` entry, and the whitespace
chars of the clean text (single spaces, the "\\n\\n" between paragraphs) are synthesised: they map
to the raw whitespace they stand for where there is one, else to a neighbouring raw char.
Everything else holds exactly:
  * every non-whitespace raw char is either mapped from a clean char or inside a `Removed` piece;
  * `raw[offsets[i]] == text[i]` for every clean char that is not whitespace, unless
    `offsets[i]` lies in a `Removed` piece whose kind is in `NORMALISING_KINDS` (the char was
    normalised: mojibake repair, Unicode composition, ligature expansion, "¬" -> "-").
`check_invariants(raw, doc)` verifies this and is used by the tests.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional

from ..errors import LanguageDataUnreadable
from ..schema import CleanDoc, Removed
from .data import _CHAR_KINDS, _LETTERS_HEAD, _data
from .chars import _normalise
from .meta import _build_meta
from .lines import _Ctx
from .furniture import _Classifier
from .hyphenation import _Assembler
from .side_by_side import _MID_HYPHEN, repair_side_by_side
from .columns import _emit, _reorder_blocks, _repair_interleaved_lines, _repair_swapped_lines
from .data import FURNITURE_KINDS, NORMALISING_KINDS, lexicon, load_resources
from .invariants import check_invariants

__all__ = ["clean", "clean_input", "check_invariants", "lexicon", "load_resources", "NORMALISING_KINDS", "FURNITURE_KINDS"]

# --------------------------------------------------------------------------------------------
# public API


def clean_input(text: str, hints: Mapping[str, Any]) -> CleanDoc:
    """`clean` with what the input stage knows of a text (`RawDoc.meta`): the furniture spans
    of a web page's markup, that a web page's extraction holds one block per line
    (`"blocks": True`), that a PDF's text layer is set in lines (`"lines": True`), that its
    paragraph breaks were read from the page's layout (`"blank_breaks": True`), and where its
    lines set as the body run on into the next (`"runs_on"`: their raw offsets) and where a page's
    first line goes on with the paragraph the page before ended in (`"runs_over"`), and where lines
    set larger than the body in the page's text start (`"large_lines"`)."""
    return clean(text, hints.get("furniture"), blocks=bool(hints.get("blocks")), lines=bool(hints.get("lines")),
                 blank_breaks=bool(hints.get("blank_breaks")), runs_on=hints.get("runs_on") or (),
                 runs_over=hints.get("runs_over") or (), large_lines=hints.get("large_lines") or ())


def clean(raw: str, furniture: Optional[list] = None, blocks: bool = False, lines: bool = False,
          blank_breaks: bool = False, runs_on: Iterable[int] = (), runs_over: Iterable[int] = (),
          large_lines: Iterable[int] = ()) -> CleanDoc:
    """Clean one raw article. See the module docstring for the contract.

    `furniture`: raw spans `[start, end, kind]` the input stage already knows to be furniture
    (an HTML page's kicker, marked by its class); every line inside one is logged as `kind`.
    `blocks`: every line is a block of its own (a paragraph, a heading, a list item: a web
    page's extraction), never a line wrapped in a column, however short the lines are.
    `lines`: the text is set in lines (a PDF's text layer): its lines are joined into paragraphs
    however few they are and whatever their shape.
    `blank_breaks`: the extractor read the paragraph breaks from the page's layout (indent, white,
    where a line ends in its column: `pdf.extract_articles`) and wrote each as a blank line, so
    lines without a blank line between them are one paragraph (the guess from a short line's
    sentence end is not made).
    `runs_on`: the raw offsets where lines start that the layout shows set in the body's font and
    size and running on into the next line (`pdf.extract`): body text, no title, however the
    line ends (the title rule otherwise guesses from its words alone).
    `runs_over`: the raw offsets where a page's first lines start that the layout shows going on
    with the paragraph the page before ended in (`pdf.extract`: the last line of that page was
    full, the word after it would not have fit there): no paragraph break at that page break,
    also after a sentence's end; on pages of several columns also the lines inside a column that
    the layout shows wrapped (not set in, their first word too long for the line before): no
    break guessed there at a short line's sentence end.
    `large_lines`: the raw offsets where lines start that the layout shows set larger than the
    body in the page's text, not in its running header or footer row (`pdf.extract`: a headline,
    a crosshead): no part of an unknown outlet's running header, however it is shaped.

    Never raises on text input: should a pass fail on some odd input, the raw text is returned
    as it is (identity offsets) with a warning starting with "clean failed", so a batch goes on.
    Broken language data (a cleaning*.json unreadable or with a missing key) is no text input:
    its one-line error (LanguageDataUnreadable) is raised, not turned into a warning per article."""
    if raw is None:
        raw = ""
    try:
        return _clean(raw, furniture, blocks, lines, blank_breaks, runs_on, runs_over, large_lines)
    except LanguageDataUnreadable:
        raise
    except Exception as exc:  # pragma: no cover - safety net for batch runs
        s = len(raw) - len(raw.lstrip())
        text = raw.strip()
        offs = list(range(s, s + len(text)))
        offs.append(offs[-1] + 1 if offs else 0)
        return CleanDoc(text=text, offsets=offs, warnings=[f"clean failed: {type(exc).__name__}: {exc}"])


def _clean(raw: str, furniture: Optional[list] = None, blocks: bool = False, lines: bool = False,
           blank_breaks: bool = False, runs_on: Iterable[int] = (), runs_over: Iterable[int] = (),
           large_lines: Iterable[int] = ()) -> CleanDoc:
    D = _data()
    if raw is None:
        raw = ""
    removed: list[Removed] = []
    N, nmap, page_breaks = _normalise(raw, removed)
    ctx = _Ctx(raw, N, nmap, page_breaks, D, blocks, lines)
    side_warnings: list[str] = []
    if ctx.wrapped and " " in N and _MID_HYPHEN.search(N) and ctx.hyphens_deleted():
        # two columns read side by side (pdftotext's default mode): put back in reading order first
        N2, nmap2, pb2, side_warnings = repair_side_by_side(N, nmap, page_breaks, ctx.col_width(), D.suspended,
                                                            ctx.counts)
        if N2 != N:
            N, nmap, page_breaks = N2, nmap2, pb2
            ctx = _Ctx(raw, N, nmap, page_breaks, D, blocks, lines)
        ctx.warnings.extend(side_warnings)
    ctx.blank_breaks = blank_breaks and ctx.wrapped
    ctx.runs_on = set(runs_on)
    ctx.runs_over = set(runs_over)
    ctx.large_lines = set(large_lines)
    cl = _Classifier(ctx)
    cl._split_pieces = []
    cl._kicker_lines = []
    cl._starts = None
    if furniture:
        # the input's markup said what these lines are: classify them before any pass
        for ln in ctx.lines:
            if ln.blank or ln.le <= ln.ls:
                continue
            rs, re_ = nmap[ln.ls], nmap[ln.le - 1] + 1
            for fs, fe, kind in furniture:
                if fs <= rs and re_ <= fe:
                    ln.kind = kind
                    break
    cl.run()
    asm = _Assembler(ctx, removed)
    asm.title_line = cl.title_line

    # log removed lines (merging neighbours of one kind) and inline cuts
    pending: Optional[list] = None  # [ns, ne, kind]
    def flush():
        nonlocal pending
        if pending:
            asm.log(pending[0], pending[1], pending[2])
        pending = None
    for ln in ctx.lines:
        if ln.blank:
            continue
        if ln.kind is not None:
            if pending and pending[2] == ln.kind and ctx.N[pending[1]:ln.ls].strip() == "":
                pending[1] = ln.le
            else:
                flush()
                pending = [ln.ls, ln.le, ln.kind]
            continue
        flush()
        for a, b, kind in _merge_cuts(ln.cuts):
            # trim whitespace: whitespace is exempt
            while a < b and N[a].isspace():
                a += 1
            while b > a and N[b - 1].isspace():
                b -= 1
            if b > a:
                asm.log(a, b, kind)
    flush()
    # glued author in a credit line: re-log that tail as byline (+ end mark)
    for ln, ns, name, mark in cl._split_pieces:
        # the whole line was logged as credit; split the last Removed accordingly
        rs = nmap[ns]
        line_end = nmap[ln.le - 1] + 1  # raw end of the credit line
        for k in range(len(removed) - 1, -1, -1):
            r = removed[k]
            if r.kind == "credit" and r.start < rs < r.end:
                end = r.end
                pieces = [Removed(r.start, rs, "credit", ctx.raw[r.start:rs])]
                mpos = ctx.raw.rfind(mark, rs, line_end) if mark else -1
                if mpos > rs:
                    nend = len(ctx.raw[:mpos].rstrip())
                    pieces.append(Removed(rs, nend, "byline", ctx.raw[rs:nend]))
                    pieces.append(Removed(mpos, mpos + len(mark), "end_mark", mark))
                else:
                    pieces.append(Removed(rs, line_end, "byline", ctx.raw[rs:line_end]))
                if end > line_end:  # credit lines merged after this one
                    nxt = line_end
                    while nxt < end and ctx.raw[nxt].isspace():
                        nxt += 1
                    if nxt < end:
                        pieces.append(Removed(nxt, end, "credit", ctx.raw[nxt:end]))
                removed[k:k + 1] = pieces
                break

    body = [ln for ln in ctx.lines if ln.kind is None and not ln.blank]
    # columns read out of order: the text starts mid-sentence and a drop cap marks the start later
    if ctx.wrapped and len(body) > 3 and (body[0].strip[:1].islower() or not body[0].strip[:1].isalnum()):
        for k in range(1, len(body) - 1):
            t = ctx.kept_text(body[k])
            nxt = ctx.kept_text(body[k + 1])
            if re.fullmatch(r"[A-ZÄÖÜ]", t) and nxt[:1].islower():
                mb = _LETTERS_HEAD.match(nxt)
                if mb and asm.known(t + mb.group(0)) is not None:
                    body = body[k:] + body[:k]
                    ctx.warnings.append("columns reordered: text started mid-sentence, drop cap at line %d" % body[0].i)
                    break
    if ctx.wrapped:
        body = _reorder_blocks(ctx, body, asm)
        body = _repair_interleaved_lines(ctx, body, asm)
        body = _repair_swapped_lines(ctx, body)
    toks = asm.paragraphs(body)
    text, offsets = _emit(ctx, toks)
    offsets.append(offsets[-1] + 1 if offsets else 0)
    if len(removed) > 1:
        removed.sort(key=lambda r: (r.start, -r.end))
        # drop char-level pieces (soft hyphen, mojibake, ...) inside a removed line: that line's
        # piece already covers them
        kept: list[Removed] = []
        cover_end = -1
        for r in removed:
            if r.end <= cover_end and r.kind in _CHAR_KINDS:
                continue
            kept.append(r)
            if r.kind not in _CHAR_KINDS:
                cover_end = max(cover_end, r.end)
        removed = kept
    meta = _build_meta(ctx)
    warnings = ctx.warnings
    if ctx.wrapped:
        warnings.append("layout: wrapped lines (column width ~%d chars)" % round(ctx.L))
    return CleanDoc(text=text, offsets=offsets, removed=removed, meta=meta, warnings=warnings)


def _merge_cuts(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[list] = []
    for a, b, k in sorted(cuts):
        if out and a <= out[-1][1] and (a < out[-1][1] or out[-1][2] == k):
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b, k])
    return [tuple(x) for x in out]  # type: ignore[misc]
