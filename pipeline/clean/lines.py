"""Pass 2: the line model (lines, their layout, the document context shared by the passes)."""
from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from typing import Optional

from ..schema import Removed
from .data import _Data, _HYPHENS, _LETTERS_HEAD, _LETTERS_TAIL, _WORD_RE, _lexprob

# --------------------------------------------------------------------------------------------
# stage 2/3: lines and their classification


class _Line:
    __slots__ = ("i", "s", "e", "text", "strip", "kind", "cuts", "ls", "le")

    def __init__(self, i: int, s: int, e: int, text: str) -> None:
        self.i = i
        self.s = s
        self.e = e
        self.text = text
        self.strip = text.strip()
        lead = len(text) - len(text.lstrip())
        self.ls = s + lead  # stripped span
        self.le = self.ls + len(self.strip)
        self.kind: Optional[str] = None
        self.cuts: list[tuple[int, int, str]] = []  # N coords

    @property
    def blank(self) -> bool:
        return not self.strip

    def __repr__(self) -> str:  # pragma: no cover
        return f"<L{self.i} {self.kind} {self.strip[:40]!r}>"


_WIDE_LINES_MAX = 160  # characters: the median line of a wrapped text set full width
_EVEN_LINE = 0.12  # a line within 12 % of the median's length is of the text's measure
_WIDE_SHARE = 0.6  # of lines followed by a line, and of lines of the measure


class _Ctx:
    """Everything the passes share for one document."""

    def __init__(self, raw: str, N: str, nmap: list[int], page_breaks: list[int], D: _Data, blocks: bool = False,
                 lines: bool = False) -> None:
        self.raw, self.N, self.nmap, self.D = raw, N, nmap, D
        self.lines: list[_Line] = []
        pos = 0
        for i, t in enumerate(N.split("\n")):
            self.lines.append(_Line(i, pos, pos + len(t), t))
            pos += len(t) + 1
        starts = [ln.s for ln in self.lines]
        self.page_first: set[int] = set()
        self.page_last: set[int] = set()
        for pb in page_breaks:
            k = bisect.bisect_right(starts, pb) - 1  # line holding the page break
            self.page_last.add(k)
            if k + 1 < len(self.lines):
                self.page_first.add(k + 1)
        self.nonblank = [ln for ln in self.lines if not ln.blank]
        lens = [len(ln.strip) for ln in self.nonblank]
        self.meta_cands: list[tuple[int, str, object, int]] = []  # (priority, field, value, label rank)
        self.warnings: list[str] = []
        self.extra_removed: list[Removed] = []
        # document mode: wrapped lines (print/OCR/PDF) or one paragraph per line (web/archive)
        self.wrapped = False
        self.L = 0.0
        self.blank_breaks = False  # paragraph breaks read from the layout (`clean(blank_breaks=)`)
        self.runs_on: set[int] = set()  # raw starts of lines set as the body that run on (`clean(runs_on=)`)
        self.runs_over: set[int] = set()  # raw starts of a page's first lines that go on a paragraph (`clean(runs_over=)`)
        self.large_lines: set[int] = set()  # raw starts of lines set larger than the body in a page's text (`clean(large_lines=)`)
        # a web page's extraction (`blocks`) has one block per line: its short lines (headings,
        # list items, short paragraphs) are no column, and joining them glued headings into
        # paragraphs (26 of the 176 saved pages of ../shared/data/news/html were read as wrapped)
        # A PDF's text layer (`lines`) is set in lines whatever their number and shape: a short
        # page of 8 to 25 lines without a running header, justified (the word spaces doubled in
        # pdfminer's reading, 4 of 17 lines short at paragraph ends), had neither shape of the
        # test below and came out one paragraph per line, its first line the title
        if lines and self.nonblank:
            self.wrapped = True
        elif len(self.nonblank) >= 6 and not blocks:
            med = statistics.median(lens)
            consec = sum(1 for a, b in zip(self.lines, self.lines[1:]) if not a.blank and not b.blank)
            hyph = sum(1 for ln in self.nonblank if ln.strip[-1] in _HYPHENS)
            frac_consec = consec / max(1, len(self.nonblank) - 1)
            # lines of near one length, most of them followed by another: a text set in lines
            # wider than 100 characters (a full-width page of 9-10 pt: archive exports, press
            # releases, printed web pages; median 104-120 characters in pdfminer's reading).
            # No text of one paragraph per line has that: of the 1,124 real texts of
            # ../shared/data/news (Wikinews, 10kGNAD, web pages, HIPE OCR, the saved pages'
            # extractions) and the seeds, none has both shares >= 0.6 (at most 0.50)
            # (lengths with runs of blanks as one: a justified line's extra word spaces
            # come out of pdfminer as blanks, its paragraph's last line has none)
            words = [len(" ".join(ln.strip.split())) for ln in self.nonblank]
            wmed = statistics.median(words)
            even = sum(1 for x in words if abs(x - wmed) <= _EVEN_LINE * wmed) / len(words)
            wide = med <= _WIDE_LINES_MAX and frac_consec >= _WIDE_SHARE and even >= _WIDE_SHARE
            if (med <= 100 and (frac_consec >= 0.5 or hyph / len(self.nonblank) >= 0.05)) or wide:
                self.wrapped = True
        if self.wrapped:
            body_lens = [x for x in lens if x >= 15] or lens
            self.L = float(statistics.median(body_lens))
        self._counts: Optional[Counter] = None
        self._col_width: Optional[float] = None  # `col_width`, measured once

    @property
    def counts(self) -> Counter:
        if self._counts is None:
            self._counts = Counter(_WORD_RE.findall(self.N))
        return self._counts

    def hyphens_deleted(self) -> bool:
        """The text is set in lines (a PDF extraction) of at least 6 lines and at most 10 % of
        them end with a hyphen: the extractor deleted them. pdftotext's default mode keeps only
        the hyphens at the end of a text block: at most 2.5 % of the lines of an article in
        bench_clean.py's layout a, up to 11 % in the short articles of its narrow three-column
        layout b (2 of 19 lines; more is read below); pdftotext -raw and pdfminer keep them
        all: 15 to 50 % of the lines of a German column end in one. A web text is never touched."""
        if not self.wrapped:
            return False
        lines = self.nonblank
        # every hyphen char counts: an OCR text breaks its words with "¬" (HIPE), and a text
        # that keeps those has deleted nothing
        hyph = [ln for ln in lines if len(ln.strip) > 1 and ln.strip[-1] in _HYPHENS and ln.strip[-2].isalnum()]
        if len(lines) < 6:
            return False
        if len(hyph) <= 0.10 * len(lines):
            return True
        # the hyphens the default mode keeps end a text block (a column's or a page's last line:
        # a blank line or a page break follows), the ones -raw and pdfminer keep lie inside one;
        # a short article in layout b's three narrow columns has a block end in every 8 lines
        # or so (2 hyphens kept of 19 lines in gnad324 of bench_clean.py's dev sample: 10.5 %,
        # a compound glued there was left unrestored). On the dev and fresh samples (533
        # articles per layout) no hyphen the default mode keeps lies inside a block; on the
        # 242 HIPE OCR pages and the 667 web pages no text has a share of 10-25 % all at block
        # ends, so this reads no other text as dehyphenated
        inside = any(ln.i + 1 < len(self.lines) and not self.lines[ln.i + 1].blank and ln.i not in self.page_last
                     for ln in hyph)
        return not inside and len(hyph) <= 0.25 * len(lines)

    def col_width(self) -> float:
        """The column width in chars of a text whose line-end hyphens pdftotext deleted. The
        median line length (`ctx.L`) misses it there: every line that ended in a hyphen has
        the next line appended, and in a short article or a narrow column those doubled
        lines are half the lines or more (bench_clean.py's dev half: the median lies outside
        the column's 45-58 chars in 43 of 300 layout-a articles). So the width is the
        length that explains the most lines as one, two or three column lines (a comb:
        weight 1, 0.7, 0.5, 0.4 for the lines of about 1, 2, 3, 4 widths, +-12 %), among
        lengths of 30 chars or more held by 2 lines or more, less one for every line that
        ends in mid-sentence and would be shorter than a column line; it is the median of the
        lines about one width long. On bench_clean.py's default and fresh dev samples (533
        articles per layout) it lies in the column's range (layout a 45-58 chars, b 36-45) in
        531 and 531 articles (without the mid-sentence term, the fourth width and the 30-char
        floor: 528 and 529; articles where nearly every line is a doubled one, wn60990: 98
        chars for a column of 49)."""
        if self._col_width is not None:
            return self._col_width
        nb = [ln.strip for ln in self.lines if not ln.blank]
        lens = sorted(len(t) for t in nb)
        # lines that end in mid-sentence (a letter or a comma): none of them is shorter than
        # the column, bar a line pdftotext broke at a wide gap
        mid = sorted(len(t) for t in nb if t[-1].isalpha() or t[-1] == ",")

        def short_mid(x: float) -> int:
            return bisect.bisect_left(mid, 0.88 * x) - bisect.bisect_right(mid, 0.3 * x)

        def between(lo: float, hi: float) -> int:
            return bisect.bisect_right(lens, hi) - bisect.bisect_left(lens, lo)

        best: Optional[tuple[float, int]] = None
        for x in sorted(set(lens)):
            if x < 30:  # no column of running text is narrower (bench layout b: 36-45)
                continue
            n1, n2, n3, n4 = (between(k * 0.88 * x, k * 1.12 * x) for k in (1, 2, 3, 4))
            if n1 < 2:
                continue
            # a width that would make lines ending in mid-sentence shorter than a column line
            # is too wide: an article whose lines are nearly all doubled ones has its column
            # width at the doubled length by the comb alone (wn60990: 93 chars, the column 49)
            score = n1 + 0.7 * n2 + 0.5 * n3 + 0.4 * n4 - short_mid(x)
            if best is None or score > best[0]:
                best = (score, x)
        if best is None:
            self._col_width = self.L
            return self._col_width
        x = best[1]
        self._col_width = float(statistics.median(lens[bisect.bisect_left(lens, 0.88 * x):bisect.bisect_right(lens, 1.12 * x)]))
        return self._col_width

    def meta(self, prio: int, field: str, value, label: int = 1) -> None:
        """A candidate for meta `field`; `label` ranks candidates of one priority (a date's
        label: `_Data.date_label_rank`), before the order they were found in."""
        if value:
            self.meta_cands.append((prio, field, value, label))

    def cut(self, ln: _Line, s: int, e: int, kind: str) -> None:
        if e > s:
            ln.cuts.append((s, e, kind))

    def kept_text(self, ln: _Line) -> str:
        if not ln.cuts:
            return ln.strip
        return "".join(self.N[a:b] for a, b in _complement(ln.s, ln.e, ln.cuts)).strip()


def _complement(s: int, e: int, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    out = []
    pos = s
    for a, b, _ in sorted(cuts):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < e:
        out.append((pos, e))
    return out


def _ends_sentence(t: str, D: _Data) -> bool:
    t = t.rstrip()
    return bool(t) and t[-1] in D.terminal


def _starts_lower(t: str) -> bool:
    t = t.lstrip()
    return bool(t) and t[0].islower()


def _is_name_like(t: str) -> bool:
    """Capitalised words only ("Moskau", "Neue Zürcher Zeitung", "ARD-Studio Moskau")."""
    ws = t.strip().split()
    return 0 < len(ws) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in ws)


def _is_caps_word(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _swapped_pair(ctx: _Ctx, x: _Line, y: _Line, z: _Line, w: _Line) -> bool:
    """Two lines read in the wrong order (pdfminer, column layouts): the first line of the
    next paragraph (`y`) stands before the last line of the current one (`z`):
        "die zuletzt bekannte vollständige Anschrift" / "In vielen Ländern ist" /
        "bekannt gegeben." / "diese Art der Bekanntmachung üblich,"
    Evidence: `x` is a full line that runs on (no sentence end; a line-end hyphen only where
    `z` holds the broken word's rest, below); `y` and `z` are
    short (a justified column has short lines only at a paragraph end); `y` starts a sentence
    and does not end one, `z` ends one; `z` continues `x` (it starts in lowercase) or `y`
    breaks a word ("In der Reality-TV-" / ... / "Show The Apprentice"), and `w` continues `y`
    (lowercase, or the rest of that word). A pull quote opens with a quotation mark and is
    left alone."""
    D, L = ctx.D, ctx.L
    tx, ty, tz, tw = (ctx.kept_text(ln) for ln in (x, y, z, w))
    if not (tx and ty and tz and tw) or L < 15:
        return False
    if _ends_sentence(tx, D) or len(tx) < 0.85 * L:
        return False
    if tx[-1] in _HYPHENS:
        # our own rule: `x` ends in a word broken at the line end whose rest starts `z`, not `y`:
        # "kraft verzichten. Es wäre verantwortungs-" / "Interessant ist" / "los gegenüber der
        # Welt." / "nun, dass ..." (pdfminer, bench_clean.py --html-fresh layout b, faz.de; the
        # two lines were removed as a pull quote). The broken word and `z`'s first word make a
        # word of the lexicon, with `y`'s first word none (a compound's hyphen before `y`,
        # "Reality-" / "TV-Show", is no swap)
        ml, mz, my = _LETTERS_TAIL.search(tx[:-1]), _LETTERS_HEAD.match(tz), _LETTERS_HEAD.match(ty)
        if not (ml and mz and my and tz[:1].islower() and _lexprob(ml.group(0) + mz.group(0)) is not None
                and _lexprob(ml.group(0) + "-" + my.group(0)) is None
                and _lexprob(ml.group(0) + my.group(0).lower()) is None):
            return False
    if not ty[:1].isupper() or ty[:1] in D.quote_open or _ends_sentence(ty, D) or len(ty) >= 0.8 * L:
        return False
    if not _ends_sentence(tz, D) or len(tz) >= 0.8 * L:
        return False
    y_breaks = ty[-1] in _HYPHENS and len(ty) > 1 and ty[-2].isalpha()
    return (tz[:1].islower() or y_breaks) and (tw[:1].islower() or y_breaks)


_MD_STRIP = re.compile(r"\*\*|__")


def _strip_md(s: str) -> str:
    """A line without markdown's bold/underline marks ("**Foto:** dpa" -> "Foto: dpa")."""
    return _MD_STRIP.sub("", s) if ("**" in s or "__" in s) else s
