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
    navigation, markdown_link, image, markup, end_mark;
  joins: hyphenation (the "-\n" of a word broken at a line end), word_split (a stray space
    inside a word);
  characters: soft_hyphen, invisible, bom, control (dropped), mojibake, unicode, ligature
    (normalised: the clean char maps onto the piece).
Meta: title (first line when it is a headline, or a headline printed after the body), outlet,
published (ISO date; "YYYY-MM" when only a month is known), authors, section.

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

import bisect
import functools
import gzip
import importlib.resources
import json
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Optional

from .types import CleanDoc, Meta, Removed

DATA_DIR = Path(__file__).parent / "lang" / "de"

#: kinds of `Removed` pieces that stand for a normalised (not dropped) char: the clean char
#: mapped onto such a piece differs from the raw char on purpose.
NORMALISING_KINDS = frozenset({"mojibake", "unicode", "ligature"})

#: kinds that are page furniture / metadata (everything else is normalisation or joins)
FURNITURE_KINDS = frozenset({
    "running_header", "page_number", "print_slug", "caption", "credit", "pull_quote",
    "headline", "kicker", "teaser", "byline", "dateline", "date_marker", "boilerplate",
    "navigation", "markdown_link", "image", "markup", "end_mark",
})

_CHAR_KINDS = frozenset({"mojibake", "unicode", "ligature", "soft_hyphen", "invisible", "bom", "control"})
_HYPHENS = "-\u00ad¬\u2010\u2011"
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS_TAIL = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*$")
_LETTERS_HEAD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*")


# --------------------------------------------------------------------------------------------
# data and lexicon (loaded once, lazily)


class _Data:
    def __init__(self) -> None:
        d: dict = {}
        for p in sorted(DATA_DIR.glob("cleaning*.json")):
            with open(p, encoding="utf-8") as fh:
                part = json.load(fh)
            for k, v in part.items():
                if isinstance(v, list) and isinstance(d.get(k), list):
                    d[k] = d[k] + v
                elif isinstance(v, dict) and isinstance(d.get(k), dict):
                    d[k] = {**d[k], **v}
                else:
                    d[k] = v
        self.raw = d
        self.terminal = set(d["terminal_punct"])
        self.sentence_end = set(d["sentence_end"])
        self.quote_open = set(d["quote_open"])
        self.months = {k.lower(): v for k, v in d["months"].items()}
        self.suspended = {w.lower() for w in d["suspended_hyphen_words"]}
        self.end_marks = set(d["end_marks"])
        self.function_words = frozenset(d.get("function_words", []))
        self.keep_left_suffixes = tuple(d.get("hyphen_keep_left_suffixes", []))
        comp = lambda entries: [(e["kind"], re.compile(e["regex"])) for e in entries]  # noqa: E731
        self.doc_start = comp(d["doc_start_patterns"])
        self.head_inline = comp(d["head_inline_patterns"])
        self.line_patterns = comp(d["line_patterns"])
        self.inline_patterns = comp(d["inline_patterns"])
        self.web_inline = comp(d.get("web_inline_patterns", []))
        self.tail_inline = comp(d.get("tail_inline_patterns", []))
        self.link_re = re.compile(d["link_pattern"])
        self.emph_re = re.compile(d["emphasis_pattern"])
        self.heading_re = re.compile(d["heading_prefix_pattern"])
        self.list_re = re.compile(d["list_prefix_pattern"])
        self.byline_re = re.compile(d["byline_pattern"])
        self.name_re = re.compile(d["name_pattern"])
        self.kicker_re = re.compile(d["kicker_pattern"])
        agencies = sorted(set(d["agencies"]), key=len, reverse=True)
        self.agency_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in agencies) + r")(?![a-zäöüß])"
        )
        prefixes = sorted(set(d["credit_prefixes"]), key=len, reverse=True)
        self.credit_prefix_re = re.compile(
            r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*(?::|©)\s*\S"
        )
        roles = sorted(set(d["author_roles"]), key=len, reverse=True)
        self.role_re = re.compile(r"^(?:" + "|".join(re.escape(r) for r in roles) + r")\b")
        # outlets: alias -> canonical name, domain -> canonical name
        self.outlet_alias: dict[str, str] = {}
        self.outlet_domain: dict[str, str] = {}
        for o in d["outlets"]:
            for a in o["aliases"] + [o["name"]]:
                self.outlet_alias[a.lower()] = o["name"]
            for dom in o["domains"]:
                self.outlet_domain[dom.lower()] = o["name"]
        aliases = sorted(self.outlet_alias, key=len, reverse=True)
        self.outlet_re = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w])", re.IGNORECASE
        )
        self.domain_re = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})", re.I)

    def canonical_outlet(self, s: str) -> Optional[str]:
        s = s.strip(" .,;:/|*")
        if not s:
            return None
        hit = self.outlet_alias.get(s.lower())
        if hit:
            return hit
        m = self.domain_re.fullmatch(s)
        if m:
            dom = m.group(1).lower()
            for k, v in self.outlet_domain.items():
                if dom == k or dom.endswith("." + k):
                    return v
            return dom
        m = self.outlet_re.search(s)
        if m:
            return self.outlet_alias[m.group(0).lower()]
        return s if len(s) <= 60 else None


@functools.lru_cache(maxsize=1)
def _data() -> _Data:
    return _Data()


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """German word forms -> log probability (spacy-lookups-data). Loaded once per process.

    Forms only in the lemma table get a low default probability (-19.0)."""
    base = importlib.resources.files("spacy_lookups_data") / "data"
    lex: dict[str, float] = {}
    try:
        with (base / "de_lexeme_prob.json.gz").open("rb") as fh:
            lex = json.loads(gzip.decompress(fh.read()))
    except (OSError, ValueError):  # pragma: no cover - package without the table
        lex = {}
    try:
        with (base / "de_lemma_lookup.json.gz").open("rb") as fh:
            lem = json.loads(gzip.decompress(fh.read()))
        for k, v in lem.items():
            if k not in lex:
                lex[k] = -19.0
            if v not in lex:
                lex[v] = -19.0
    except (OSError, ValueError):  # pragma: no cover
        pass
    return lex


def load_resources() -> None:
    """Load the pattern tables and the lexicon now rather than on first use, so that a batch
    run pays for them at start-up and not in the middle of its first articles."""
    _data()
    lexicon()


def _lexprob(w: str) -> Optional[float]:
    lex = lexicon()
    best = None
    for v in (w, w.lower(), w[:1].upper() + w[1:].lower() if w else w):
        p = lex.get(v)
        if p is not None and (best is None or p > best):
            best = p
    return best


# --------------------------------------------------------------------------------------------
# stage 1: character normalisation


_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2\u00d0\u00d1\u00c4\u00cb][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    "\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021"
    "\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_SPECIAL = re.compile(
    "[\r\ufeff\u00ad\u200b-\u200f\u2060\u00a0\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c"
    "\u2028\u2029\u0085\ufb00-\ufb06\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u2010\u2011]"
)
_SPACE_CHARS = set("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b")
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
_NEWLINES = set("\x0c\u2028\u2029\u0085")


def _align_fix(tok: str, fixed: str):
    """Yield (fixed_substring, tok_start, tok_end, changed) blocks aligning `fixed` to `tok`."""
    import difflib

    sm = difflib.SequenceMatcher(None, tok, fixed, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        yield fixed[b0:b1], a0, a1, op != "equal"


def _normalise(raw: str, removed: list[Removed]):
    """Return (N, nmap, page_break_positions). N is the normalised text, nmap[i] the raw offset
    of N[i]. Dropped/normalised non-whitespace raw chars are appended to `removed`."""
    # pass A: mojibake and composition, token by token (usually a no-op)
    s1 = raw
    map1: Optional[list[int]] = None
    need_moji = _MOJIBAKE_HINT.search(raw) is not None
    need_nfc = not unicodedata.is_normalized("NFC", raw)
    if need_moji or need_nfc:
        import ftfy

        parts: list[str] = []
        map1 = []
        pos = 0
        for m in re.finditer(r"[^ \n\r\t]+", raw):
            tok = m.group(0)
            if not ((need_moji and _MOJIBAKE_HINT.search(tok)) or (need_nfc and not unicodedata.is_normalized("NFC", tok))):
                continue
            fixed = ftfy.fix_encoding(tok) if need_moji else tok
            moji = fixed != tok
            fixed = unicodedata.normalize("NFC", fixed)
            if fixed == tok:
                continue
            ts = m.start()
            parts.append(raw[pos:ts])
            map1.extend(range(pos, ts))
            for sub, a0, a1, changed in _align_fix(tok, fixed):
                parts.append(sub)
                if not changed:
                    map1.extend(range(ts + a0, ts + a1))
                    continue
                anchor = ts + a0 if a1 > a0 else max(ts + a0 - 1, 0)
                map1.extend([anchor] * len(sub))
                kind = "mojibake" if moji else "unicode"
                if a1 > a0:
                    removed.append(Removed(ts + a0, ts + a1, kind, raw[ts + a0: ts + a1]))
                elif sub and anchor < len(raw):  # inserted chars ride on the char before them
                    removed.append(Removed(anchor, anchor + 1, kind, raw[anchor]))
            pos = m.end()
        parts.append(raw[pos:])
        map1.extend(range(pos, len(raw)))
        s1 = "".join(parts)

    def rawspan(a: int, b: int) -> tuple[int, int]:
        if map1 is None:
            return a, b
        return map1[a], map1[b - 1] + 1

    # pass B: special characters
    out: list[str] = []
    nmap: list[int] = []
    page_breaks: list[int] = []
    pos = 0
    n = len(s1)
    olen = 0
    for m in _SPECIAL.finditer(s1):
        i = m.start()
        c = s1[i]
        if i > pos:
            out.append(s1[pos:i])
            nmap.extend(range(pos, i))
            olen += i - pos
        pos = i + 1
        if c == "\r":
            if i + 1 < n and s1[i + 1] == "\n":
                continue  # CRLF -> the LF stays
            out.append("\n"); nmap.append(i); olen += 1
        elif c in _SPACE_CHARS:
            out.append(" "); nmap.append(i); olen += 1
        elif c in _NEWLINES:
            if c == "\x0c":
                page_breaks.append(olen)
            out.append("\n"); nmap.append(i); olen += 1
        elif c == "\u00ad":
            # a soft hyphen at a line end is a hyphenation point: keep it for the joiner
            j = i + 1
            while j < n and s1[j] in " \t":
                j += 1
            if j < n and s1[j] in "\r\n":
                out.append(c); nmap.append(i); olen += 1
            else:
                rs, re_ = rawspan(i, i + 1)
                removed.append(Removed(rs, re_, "soft_hyphen", raw[rs:re_]))
        elif c in _INVISIBLE:
            rs, re_ = rawspan(i, i + 1)
            removed.append(Removed(rs, re_, "bom" if (c == "\ufeff" and i == 0) else "invisible", raw[rs:re_]))
        elif "\ufb00" <= c <= "\ufb06":
            exp = unicodedata.normalize("NFKC", c)
            out.append(exp); nmap.extend([i] * len(exp)); olen += len(exp)
            rs, re_ = rawspan(i, i + 1)
            removed.append(Removed(rs, re_, "ligature", raw[rs:re_]))
        elif c in "\u2010\u2011":
            out.append("-"); nmap.append(i); olen += 1
            rs, re_ = rawspan(i, i + 1)
            removed.append(Removed(rs, re_, "unicode", raw[rs:re_]))
        else:  # control chars
            rs, re_ = rawspan(i, i + 1)
            removed.append(Removed(rs, re_, "control", raw[rs:re_]))
    if pos < n:
        out.append(s1[pos:])
        nmap.extend(range(pos, n))
    N = "".join(out)
    if map1 is not None:
        nmap = [map1[k] for k in nmap]
    return N, nmap, page_breaks


# --------------------------------------------------------------------------------------------
# dates


def _parse_date(s: str, D: _Data) -> Optional[str]:
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s)
    if m:
        y, mo, d = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= mo <= 12:
            return None
        return f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d else "")
    m = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})", s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})", s)
        if not m or m.group(2).lower() not in D.months:
            return None
        d, mo, y = int(m.group(1)), D.months[m.group(2).lower()], int(m.group(3))
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


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


class _Ctx:
    """Everything the passes share for one document."""

    def __init__(self, raw: str, N: str, nmap: list[int], page_breaks: list[int], D: _Data) -> None:
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
        self.meta_cands: list[tuple[int, str, object]] = []  # (priority, field, value)
        self.warnings: list[str] = []
        self.extra_removed: list[Removed] = []
        # document mode: wrapped lines (print/OCR/PDF) or one paragraph per line (web/archive)
        self.wrapped = False
        self.L = 0.0
        if len(self.nonblank) >= 6:
            med = statistics.median(lens)
            consec = sum(1 for a, b in zip(self.lines, self.lines[1:]) if not a.blank and not b.blank)
            hyph = sum(1 for ln in self.nonblank if ln.strip[-1] in _HYPHENS)
            frac_consec = consec / max(1, len(self.nonblank) - 1)
            if med <= 100 and (frac_consec >= 0.5 or hyph / len(self.nonblank) >= 0.05):
                self.wrapped = True
                body_lens = [x for x in lens if x >= 15] or lens
                self.L = float(statistics.median(body_lens))
        self._counts: Optional[Counter] = None

    @property
    def counts(self) -> Counter:
        if self._counts is None:
            self._counts = Counter(_WORD_RE.findall(self.N))
        return self._counts

    def meta(self, prio: int, field: str, value) -> None:
        if value:
            self.meta_cands.append((prio, field, value))

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


class _Classifier:
    def __init__(self, ctx: _Ctx) -> None:
        self.c = ctx
        self.D = ctx.D

    def run(self) -> None:
        c = self.c
        if not c.nonblank:
            return
        self.doc_start()
        self.head_inline()
        self.line_patterns()
        self.bylines()
        self.credits()
        self.page_edges()
        if c.wrapped:
            self.repetition()
            self.section_labels()
            self.wide_lines()
            self.captions()
            self.pull_quotes()
        self.markdown()
        self.tail_inline()
        self.title()

    # ---- helpers
    def free(self, ln: _Line) -> bool:
        return ln.kind is None and not ln.blank

    def prev_nb(self, i: int, only_free: bool = False) -> Optional[_Line]:
        for j in range(i - 1, -1, -1):
            ln = self.c.lines[j]
            if not ln.blank and (not only_free or ln.kind is None):
                return ln
        return None

    def next_nb(self, i: int, only_free: bool = False) -> Optional[_Line]:
        for j in range(i + 1, len(self.c.lines)):
            ln = self.c.lines[j]
            if not ln.blank and (not only_free or ln.kind is None):
                return ln
        return None

    def set_kind(self, ln: _Line, kind: str) -> None:
        ln.kind = kind

    # ---- passes
    def doc_start(self) -> None:
        c, D = self.c, self.D
        ln = c.nonblank[0]
        for kind, rx in D.doc_start:
            m = rx.match(ln.text)
            if m:
                c.cut(ln, ln.s + m.start(), ln.s + m.end(), kind)
                d = _parse_date(m.groupdict().get("date") or "", D)
                c.meta(5, "published", d)

    def head_inline(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank[:5]:
            if len(ln.strip) > 400:
                continue
            for kind, rx in D.head_inline:
                m = rx.search(ln.text)
                if m:
                    c.cut(ln, ln.s + m.start(), ln.s + m.end(), kind)
                    c.meta(1, "published", _parse_date(m.groupdict().get("date") or "", D))
                    break
            if ln.cuts and not c.kept_text(ln):
                ln.kind = ln.cuts[-1][2]
                ln.cuts = []

    def line_patterns(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 1000:
                continue
            t = _strip_md(ln.strip)
            for kind, rx in D.line_patterns:
                if kind == "page_number" and not (c.wrapped or ln.i in c.page_first or ln.i in c.page_last):
                    continue
                m = rx.fullmatch(t)
                if not m:
                    continue
                ln.kind = kind
                g = m.groupdict()
                prio = {"running_header": 3, "boilerplate": 2}.get(kind, 4)
                if g.get("date"):
                    c.meta(prio, "published", _parse_date(g["date"], D))
                if g.get("outlet"):
                    c.meta(prio, "outlet", D.canonical_outlet(g["outlet"]))
                if g.get("section"):
                    c.meta(prio, "section", g["section"].strip())
                if kind == "boilerplate" and not g.get("outlet"):
                    for dm in D.domain_re.finditer(t):
                        o = D.canonical_outlet(dm.group(1))
                        if o and "." not in o:  # only known outlets
                            c.meta(6, "outlet", o)
                            break
                break

    def _names(self, s: str) -> list[str]:
        D = self.D
        s = _strip_md(s).strip(" ,;")
        parts = [p.strip(" *_") for p in re.split(r"\s*,\s*|\s+und\s+|\s*&\s*|\s+and\s+", s) if p.strip(" *_")]
        if not parts or not all(D.name_re.match(p) for p in parts):
            return []
        return parts

    def bylines(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 160:
                continue
            t = _strip_md(c.kept_text(ln))
            m = D.byline_re.match(t)
            if not m:
                continue
            names = self._names(m.group("authors"))
            if not names:
                continue
            out = m.group("outlet")
            if out and not (D.role_re.match(out.strip()) or D.domain_re.fullmatch(out.strip())
                            or D.outlet_re.fullmatch(out.strip()) or _is_name_like(out)):
                continue
            nxt = self.next_nb(ln.i)
            if c.wrapped and nxt is not None and _starts_lower(nxt.strip):
                continue  # the line runs on: body text that starts with "Von"
            ln.kind = "byline"
            ln.cuts = []
            for nm in names:
                c.meta(0, "authors", nm)
            if out and not D.role_re.match(out.strip()):
                c.meta(3, "outlet", D.canonical_outlet(out))
            if nxt is not None and nxt.kind is None and len(nxt.strip) <= 80 and D.role_re.match(_strip_md(nxt.strip)):
                nxt.kind = "byline"

    def credits(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 300:
                continue
            t = ln.strip
            is_credit = bool(D.credit_prefix_re.match(_strip_md(t)))
            ag = list(D.agency_re.finditer(t))
            near_sep = any(re.search(r"[/|©]\s*$", t[: m.start()]) or re.match(r"\s*[/|]", t[m.end():]) for m in ag)
            if not is_credit and ag and near_sep and not _ends_sentence(t, D):
                # shape: slash-separated names with an agency among them, no sentence
                words = t.replace("/", " ").split()
                is_credit = len(words) <= 14 and sum(1 for w in words if w[:1].islower()) <= 2
            if not is_credit:
                continue
            ln.kind = "credit"
            for om in D.outlet_re.finditer(t):
                c.meta(7, "outlet", D.outlet_alias[om.group(0).lower()])
            # an author glued to the last agency name: "IMAGOChristian Esch n"
            if ag:
                last = ag[-1]
                rest_s = last.end()
                rest = t[rest_s:]
                if rest[:1].isupper() and rest[1:2].islower():
                    off = ln.ls
                    toks = rest.split()
                    mark = None
                    if len(toks) >= 2 and toks[-1] in D.end_marks:
                        mark = toks[-1]
                        name = rest[: rest.rfind(mark)].strip()
                    else:
                        name = rest.strip()
                    if D.name_re.match(name):
                        # the line is logged as credit; clean() splits the tail off as byline
                        self._split_pieces.append((ln, off + rest_s, name, mark))
                        c.meta(0, "authors", name)

    _split_pieces: list = []

    def page_edges(self) -> None:
        """Header/footer lines at the top or bottom of a page (or of the document), told by
        their shape: a date, an issue number, an outlet name or a page number, and otherwise
        only capitalised words (no sentence)."""
        c = self.c
        if not c.page_first and not c.page_last and not c.wrapped:
            return
        # pages as runs of line indexes
        bounds = sorted({0} | c.page_first)
        ends = sorted(c.page_last | {len(c.lines) - 1})
        cand: list[_Line] = []
        for b in bounds:
            got = 0
            for ln in c.lines[b:]:
                if ln.i in c.page_last and ln.i != b and got:
                    break
                if ln.blank:
                    continue
                cand.append(ln)
                got += 1
                if got >= 3:
                    break
        for e in ends:
            got = 0
            for ln in reversed(c.lines[: e + 1]):
                if ln.blank:
                    continue
                cand.append(ln)
                got += 1
                if got >= 2 or ln.i in c.page_first:
                    break
        changed = True
        while changed:  # neighbours of a header line may be headers too ("PANORAMA" above it)
            changed = False
            for ln in cand:
                if ln.kind is not None or len(ln.strip) > 100:
                    continue
                kind = self._header_shape(ln)
                if kind:
                    ln.kind = kind
                    changed = True

    _DATE_IN = re.compile(
        r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|"
        r"September|Oktober|November|Dezember)\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
    _ISSUE = re.compile(r"\b(?:Nr\.|Nummer|Ausgabe|Heft|No\.)\s*\d{1,4}\b")

    def _header_shape(self, ln: _Line) -> Optional[str]:
        c, D = self.c, self.D
        t = ln.strip
        if re.fullmatch(r"(?:[-–—]\s*)?(?:Seite\s*|S\.\s*)?\d{1,4}(?:\s*[-–—])?", t):
            return "page_number"
        rest = t
        anchors = 0
        date = self._DATE_IN.search(rest)
        if date:
            anchors += 1
            c.meta(3, "published", _parse_date(date.group(0), D))
            rest = rest.replace(date.group(0), " ")
        m = self._ISSUE.search(rest)
        if m:
            anchors += 1
            rest = rest.replace(m.group(0), " ")
        outlet = None
        for om in D.outlet_re.finditer(rest):
            if om.group(0)[:1].isupper():
                outlet = D.outlet_alias[om.group(0).lower()]
                anchors += 1
                rest = rest.replace(om.group(0), " ")
                break
        if re.search(r"[!?]|[a-zäöüß]{2}[.:;]", rest):
            return None  # a sentence, not a header
        rest = re.sub(r"[\d/|·•–—:,.()\-]+", " ", rest)
        ws = rest.split()
        if len(ws) > 5 or any(not (w[:1].isupper()) for w in ws):
            return None
        caps = [w for w in ws if _is_caps_word(w)]
        if not anchors:
            # a lone section word in capitals next to a header line
            nb = [self.prev_nb(ln.i), self.next_nb(ln.i)]
            if not (ws and len(caps) == len(ws) and len(ws) <= 3
                    and any(x is not None and x.kind == "running_header" for x in nb)):
                return None
        if outlet:
            c.meta(3, "outlet", outlet)
        if caps and len(caps) == len(ws) and len(ws) <= 3:
            c.meta(4, "section", " ".join(ws))
        return "running_header"

    def repetition(self) -> None:
        c = self.c
        # the same text as a header found at a page edge is that header, wherever it stands
        # (reading-order extraction can put the running header of page 2 mid-text)
        known = {re.sub(r"\d+", "0", ln.strip) for ln in c.nonblank if ln.kind == "running_header"}
        known = {k for k in known if len(k) >= 4}
        if known:
            for ln in c.nonblank:
                if ln.kind is None and len(ln.strip) <= 100 and re.sub(r"\d+", "0", ln.strip) in known:
                    ln.kind = "running_header"
        norm: dict[str, list[_Line]] = {}
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 100 or len(ln.strip) < 3:
                continue
            key = re.sub(r"\d+", "0", ln.strip)
            norm.setdefault(key, []).append(ln)
        edge = c.page_first | c.page_last
        first_last = {c.nonblank[0].i, c.nonblank[-1].i}
        n_rep = sum(len(v) for v in norm.values() if len(v) >= 2)
        if n_rep > 0.3 * len(c.nonblank):
            return  # the text itself repeats (duplicated article): repetition is no evidence here
        for key, lns in norm.items():
            if len(lns) < 2:
                continue
            near = sum(1 for ln in lns if any(abs(ln.i - e) <= 2 for e in edge) or ln.i in first_last)
            header_shape = not key[-1] in _HYPHENS and not key[0].islower() and (
                any(ch.isdigit() for ch in key) or _is_caps_word(key) or "|" in key or "/" in key
                or not _ends_sentence(key, self.D))
            if near >= 2 or (len(lns) >= 3 and not edge and len(key) >= 8 and header_shape):
                kind = "page_number" if re.fullmatch(r"[\W0]*0[\W0]*", key) else "running_header"
                for ln in lns:
                    ln.kind = kind

    def section_labels(self) -> None:
        c = self.c
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 30 or not _is_caps_word(ln.strip):
                continue
            if not re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ &/-]+", ln.strip):
                continue
            nb = [self.prev_nb(ln.i), self.next_nb(ln.i)]
            if any(x is not None and x.kind in ("running_header", "page_number") for x in nb):
                ln.kind = "running_header"
                c.meta(3, "section", ln.strip)

    def wide_lines(self) -> None:
        """Lines much wider than the column: headline/kicker/teaser printed outside the columns."""
        c, D = self.c, self.D
        if c.L < 15:
            return
        lim = 1.45 * c.L
        free = [ln for ln in c.nonblank if ln.kind is None]
        n_wide = sum(1 for ln in free if len(ln.strip) > lim)
        n_body_before = 0
        i = 0
        while i < len(free):
            ln = free[i]
            if len(ln.strip) <= lim:
                n_body_before += 1
                i += 1
                continue
            run = [ln]
            j = i + 1
            while j < len(free) and free[j].i - run[-1].i <= 2 and (
                    len(free[j].strip) > lim
                    # the teaser's last line is shorter: it continues an unfinished sentence
                    or (not _ends_sentence(run[-1].strip, D) and len(free[j].strip) > c.L * 1.05)):
                run.append(free[j]); j += 1
            head = self.prev_nb(run[0].i)
            after = self.next_nb(run[-1].i)
            has_head = (head is not None and head.kind is None and len(head.strip) < 0.9 * c.L
                        and not head.strip.endswith((".", ",", ":", ";", "-", "¬")) and head.strip[:1].isupper()
                        and head.strip.split()[-1] not in D.function_words)
            if has_head:
                before = self.prev_nb(head.i)
                has_head = before is None or before.kind is not None or _ends_sentence(before.strip, D) or before.strip[-1] in _HYPHENS
            tail_evidence = after is not None and (after.kind in ("credit", "caption", "byline", "print_slug") or (
                len(after.strip) < 0.8 * c.L and self.next_nb(after.i) is not None
                and self.next_nb(after.i).kind in ("credit", "caption", "byline", "print_slug")))
            is_sentences = run[-1].strip[-1:] in ".!?…" or run[-1].strip[-2:-1] in ".!?…"
            if (n_body_before >= 5 and n_wide <= max(6, 0.08 * len(c.nonblank)) and len(run) <= 6
                    and is_sentences and (has_head or tail_evidence)):
                for r in run:
                    r.kind = "teaser"
                first = run[0]
                m = D.kicker_re.match(first.strip)
                if m:
                    first.kind = None
                    c.cut(first, first.ls, first.ls + m.end(), "kicker")
                    c.cut(first, first.ls + m.end(), first.le, "teaser")
                    self._kicker_lines.append(first)
                if has_head:
                    head.kind = "headline"
                    c.meta(0, "title", head.strip)
            i = j

    _kicker_lines: list = []

    def captions(self) -> None:
        c = self.c
        for ln in c.nonblank:
            if ln.kind != "credit":
                continue
            k = ln.i
            taken = 0
            while taken < 3:
                p = self.prev_nb(k)
                if p is None or p.kind is not None or len(p.strip) >= 0.8 * c.L or p.strip[-1:] in _HYPHENS:
                    break
                if taken and _ends_sentence(p.strip, self.D) and p.strip[-1] in ".!?":
                    break
                p.kind = "caption"
                taken += 1
                k = p.i

    def pull_quotes(self) -> None:
        c, D = self.c, self.D
        lim = 0.6 * c.L
        lines = c.nonblank
        i = 0
        while i < len(lines):
            if lines[i].kind is not None or len(lines[i].strip) >= lim:
                i += 1
                continue
            j = i
            while j < len(lines) and lines[j].kind is None and len(lines[j].strip) < lim:
                j += 1
            run = lines[i:j]
            if len(run) >= 2:
                first_ok = run[0].strip[:1].isupper() or run[0].strip[:1] in D.quote_open
                inner_ok = all(not _ends_sentence(r.strip, D) for r in run[:-1])
                last_ok = _ends_sentence(run[-1].strip, D)
                before = self.prev_nb(run[0].i)
                mid_sentence = before is not None and before.kind is None and (
                    before.strip[-1] in _HYPHENS or not _ends_sentence(before.strip, D))
                if first_ok and inner_ok and last_ok and (mid_sentence or len(run) >= 3):
                    for r in run:
                        r.kind = "pull_quote"
            i = max(j, i + 1)

    def markdown(self) -> None:
        c, D = self.c, self.D
        N = c.N
        cut_span = self.cut_span
        had = {ln.i for ln in c.nonblank if ln.cuts}
        if "](" in N or "<http" in N:
            for kind, rx in D.inline_patterns:
                for m in rx.finditer(N):
                    cut_span(m.start(), m.end(), kind)
            for m in D.link_re.finditer(N):
                cut_span(m.start(), m.start("text"), "markdown_link")
                cut_span(m.end("text"), m.end(), "markdown_link")
        if "**" in N or "__" in N:
            for m in D.emph_re.finditer(N):
                cut_span(m.start(), m.start("text"), "markup")
                cut_span(m.end("text"), m.end(), "markup")
        for ln in c.nonblank:
            if ln.kind:
                continue
            t = ln.text
            m = D.heading_re.match(t) if not c.wrapped else None
            if m:
                c.cut(ln, ln.s, ln.s + m.end(), "markup")
            elif not c.wrapped and t.lstrip()[:1] in "-*+•":
                m = D.list_re.match(t)
                if m and len(t) > m.end():
                    c.cut(ln, ln.s, ln.s + m.end(), "markup")
            if ln.cuts and ln.i not in had and not c.kept_text(ln).strip(" .,;:()[]"):
                kinds = [k for _, _, k in ln.cuts]
                ln.kind = "markdown_link" if "markdown_link" in kinds else kinds[0]
                ln.cuts = []
        # navigation menus inside long web-page lines (a whole page on one line)
        if not c.wrapped:
            for ln in c.nonblank:
                if ln.kind or len(ln.text) < 400:
                    continue
                for a, b in _nav_spans(ln.text):
                    c.cut(ln, ln.s + a, ln.s + b, "navigation")
                for kind, rx in D.web_inline:
                    for m in rx.finditer(ln.text):
                        c.cut(ln, ln.s + m.start(), ln.s + m.end(), kind)
                if ln.cuts and not c.kept_text(ln):
                    ln.kind, ln.cuts = "navigation", []
        # cookie banners inside long web-page lines
        for ln in c.nonblank:
            if ln.kind or "ookie" not in ln.text:
                continue
            for m in _COOKIE_RE.finditer(ln.text):
                c.cut(ln, ln.s + m.start(), ln.s + m.end(), "boilerplate")
            if ln.cuts and not c.kept_text(ln):
                ln.kind, ln.cuts = "boilerplate", []

    def cut_span(self, a: int, b: int, kind: str) -> None:
        """Cut N span [a, b) that may run over several lines."""
        c = self.c
        if self._starts is None:
            self._starts = [ln.s for ln in c.lines]
        k = bisect.bisect_right(self._starts, a) - 1
        while k < len(c.lines) and a < b:
            ln = c.lines[k]
            e = min(b, ln.e)
            if ln.kind is None and e > a:
                c.cut(ln, a, e, kind)
            k += 1
            if k < len(c.lines):
                a = c.lines[k].s

    _starts: Optional[list[int]] = None

    def tail_inline(self) -> None:
        """A signature "(Name, d.m.yyyy)" closing the last body line(s): byline + date."""
        c, D = self.c, self.D
        free = [ln for ln in c.nonblank if ln.kind is None]
        if not free:
            return
        first = free[-1]
        if len(free) >= 2 and all(c.lines[k].blank for k in range(free[-2].i + 1, free[-1].i)):
            first = free[-2]  # the signature may be broken over two lines
        seg_s, seg_e = first.s, free[-1].e
        t = c.N[seg_s:seg_e]
        for kind, rx in D.tail_inline:
            m = rx.search(t)
            if m and t[: m.start()].strip():
                date = _parse_date(m.group("date"), D)
                if not date:
                    continue
                self.cut_span(seg_s + m.start(), seg_s + m.end(), kind)
                c.meta(2, "published", date)
                for part in re.split(r"\s*,\s*|\s+und\s+", m.group("authors")):
                    part = " ".join(part.split())
                    if D.name_re.match(part):
                        c.meta(1, "authors", part)
                break

    def title(self) -> None:
        c, D = self.c, self.D
        free = [ln for ln in c.nonblank if ln.kind is None]
        if len(free) < 2:
            return
        ln = free[0]
        t = c.kept_text(ln)
        if not t or len(t) > 160 or len(t.split()) < 2:
            return
        if t.endswith((".", ",", ":", ";", "–")) or t[0].islower():
            return
        if c.wrapped and t.split()[-1] in D.function_words and len(free) > 1 and not free[1].strip[:1].isupper():
            return
        if t[-1] in _HYPHENS and not (c.wrapped and len(t) > 1 and t[-2].isalpha()):
            return
        # a leading kicker in capitals ("OVKS Ein Sicherheitsbündnis ...")
        m = D.kicker_re.match(t)
        if m and len(t[m.end():].split()) >= 3:
            off = self.c.N.find(m.group("kicker"), ln.s)
            if off >= 0:
                c.cut(ln, off, off + len(m.group("kicker")), "kicker")
                t = c.kept_text(ln)
        last = ln
        if c.wrapped:
            # a headline set in a large font runs over two or three lines
            k = 1
            while k < min(3, len(free) - 1):
                nxt = free[k]
                nt = c.kept_text(nxt)
                after = c.kept_text(free[k + 1])
                if (nxt.i - last.i > 2 or not nt or nt.endswith((".", ",", ":", ";", "-", "–"))
                        or not (nt[:1].islower() or len(nt) < 0.7 * c.L) or not after[:1].isupper()
                        or _ends_sentence(t, D) or len(t) + len(nt) > 200):
                    break
                if t[-1] in _HYPHENS:  # "Türkeibei-" + "trittsverhandlungen"
                    ml, mn = _LETTERS_TAIL.search(t[:-1]), _LETTERS_HEAD.match(nt)
                    joined = ml and mn and nt[:1].islower() and _lexprob(ml.group(0) + mn.group(0)) is not None
                    t = (t[:-1] if joined or nt[:1].islower() else t) + nt
                else:
                    t = t + " " + nt
                last = nxt
                k += 1
        if t[-1] in _HYPHENS:
            return
        nxt_i = free.index(last) + 1
        if c.wrapped and nxt_i < len(free) and len(c.kept_text(last)) >= 0.8 * c.L and free[nxt_i].strip[:1].islower():
            return  # the line runs on: body text, not a title
        c.meta(2, "title", _strip_md(t).strip())
        self.title_line = last

    title_line: Optional[_Line] = None


_SEG_END = re.compile(r"[.!?…][\"»«“”')]*\s+")
_NAV_FUNCTION = frozenset("und oder für mit von zu zum zur im in am an auf bei".split())


def _nav_spans(text: str, run_min: int = 10, max_lower: float = 0.15) -> list[tuple[int, int]]:
    """Spans of navigation menus in a long line: stretches without sentence punctuation made
    mostly of capitalised menu items ("Zum Inhalt Zur Navigation Suche Login Kontakt Mein ADAC
    MENU ..."). A sentence glued to the end of a menu is kept from the word after the last run
    of `run_min` capitalised tokens."""
    spans: list[tuple[int, int]] = []
    pos = 0
    bounds = [m.end() for m in _SEG_END.finditer(text)] + [len(text)]
    for end in bounds:
        seg_s, seg_e = pos, end
        pos = end
        toks = list(re.finditer(r"\S+", text[seg_s:seg_e]))
        if len(toks) < run_min + 2:
            continue
        cls = []
        for t in toks:
            w = t.group(0).strip("„“\"»«()[]:,;")
            if not w or not any(ch.isalpha() for ch in w):
                cls.append("N")
            elif w[0].islower() and w not in _NAV_FUNCTION:
                cls.append("L")
            elif w[0].islower():
                cls.append("F")
            else:
                cls.append("U")
        # ends of runs of >= run_min capitalised tokens (N and single F do not break a run)
        run = 0
        last_run_end = None
        for k, ck in enumerate(cls):
            if ck == "U":
                run += 1
                if run >= run_min:
                    last_run_end = k + 1
            elif ck == "L" or (ck == "F" and k > 0 and cls[k - 1] == "F"):
                run = 0
        if last_run_end is None:
            continue
        is_sentence_end = bool(_SEG_END.match(text[seg_e - 1:seg_e] + " ")) or text[seg_s:seg_e].rstrip()[-1:] in ".!?…"
        if not is_sentence_end or last_run_end >= len(toks) - 2:
            head = cls
            cut_to = len(toks)
        else:
            head = cls[:last_run_end]
            cut_to = last_run_end
        n_low = sum(1 for ck in head if ck == "L")
        n_word = sum(1 for ck in head if ck != "N")
        if n_word < run_min or n_low > max_lower * n_word:
            continue
        a = seg_s + toks[0].start()
        b = seg_s + toks[cut_to - 1].end()
        region = text[a:b]
        # lists of names and results tables have commas, colons and brackets; menus do not
        if region.count(",") + region.count("(") + region.count(":") > 0.05 * n_word:
            continue
        spans.append((a, b))
    return spans


_COOKIE_RE = re.compile(
    r"\b(?:Wir|Diese (?:Website|Webseite|Seite)|Unsere (?:Website|Webseite|Seite)|Um|Mit|Durch|Auf|Damit|Für)\b"
    r"[^.!?\n]{0,250}\bCookies?\b[^.!?\n]{0,250}[.!?]"
    r"(?:\s+[^.!?\n]{0,250}\b(?:Datenschutz\w*|Cookie\w*|zustimm\w*|Zustimmung|Einwilligung|Widerspruch\w*|widerruf\w*|"
    r"Nutzung|stimmen Sie|akzeptier\w*|einverstanden|Einstellungen|Tracking|Analyse\w*|Drittanbieter\w*|Partner\w*|personalisier\w*)\b[^.!?\n]{0,250}[.!?])*"
    r"(?:\s+(?:OK|Ok|Akzeptieren|Alle akzeptieren|Einverstanden|Verstanden|Ablehnen|Schließen|Zustimmen)\b)?"
)
_MD_STRIP = re.compile(r"\*\*|__")


def _strip_md(s: str) -> str:
    return _MD_STRIP.sub("", s) if ("**" in s or "__" in s) else s


# --------------------------------------------------------------------------------------------
# stage 4: assembling paragraphs


class _Tok:
    __slots__ = ("text", "idx", "sep", "seppos")

    def __init__(self, text: str, idx, sep: str, seppos: int) -> None:
        self.text = text
        self.idx = idx  # N indices of the chars (range or list)
        self.sep = sep  # separator emitted before this token: "", " ", "\n\n"
        self.seppos = seppos  # N index the separator maps to


def _line_tokens(ctx: _Ctx, ln: _Line) -> list[_Tok]:
    N = ctx.N
    if ln.cuts:
        parts = _complement(ln.s, ln.e, ln.cuts)
        chars = "".join(N[a:b] for a, b in parts)
        idx: list[int] = []
        for a, b in parts:
            idx.extend(range(a, b))
    else:
        chars = ln.text
        idx = range(ln.s, ln.e)  # type: ignore[assignment]
    toks = []
    for m in re.finditer(r"\S+", chars):
        a, b = m.start(), m.end()
        first = idx[a]
        toks.append(_Tok(m.group(0), idx[a:b], " ", first - 1 if first > 0 else first))
    return toks


class _Assembler:
    def __init__(self, ctx: _Ctx, removed: list[Removed]) -> None:
        self.c = ctx
        self.D = ctx.D
        self.removed = removed

    def log(self, ns: int, ne: int, kind: str) -> None:
        """Log N span [ns, ne) as removed (raw coordinates)."""
        nmap = self.c.nmap
        rs, re_ = nmap[ns], nmap[ne - 1] + 1
        if re_ <= rs:
            return
        self.removed.append(Removed(rs, re_, kind, self.c.raw[rs:re_]))

    # ---- evidence
    def known(self, w: str) -> Optional[float]:
        """Score of a word form: lexicon log probability, raised by occurrences in the document."""
        p = _lexprob(w) if len(w) > 1 else None
        cnt = self.c.counts.get(w, 0) + (self.c.counts.get(w.lower(), 0) if w[:1].isupper() else 0)
        if cnt:
            p = max(p if p is not None else -20.0, -12.0) + min(cnt, 5)
        return p

    def hyphen_decision(self, a: _Tok, b: _Tok) -> str:
        """a ends with a hyphen char, b starts the next line. -> join | keep | keep_space | space"""
        D = self.D
        h = a.text[-1]
        left = a.text[:-1]
        mb = _LETTERS_HEAD.match(b.text)
        if not left or not (left[-1].isalnum()):
            return "space"  # a dash, not a hyphen ("–", "x -")
        if not mb:
            return "keep" if b.text[:1].isdigit() else "space"
        bw = mb.group(0)
        ml = _LETTERS_TAIL.search(left)
        aw = ml.group(0) if ml else ""
        if bw.lower() in D.suspended and b.text[len(bw):][:1] in ("", ",", "."):
            pj = _lexprob(aw + bw) if aw else None
            if pj is None or pj < -15.0:
                return "keep_space"  # "Osteuropa- und", "Auf¬ und" (but "so-\nwie" -> "sowie")
            return "join"
        if h == "\u00ad":
            return "join"
        if aw and bw[0].isupper() and _is_caps_word(aw) and _is_caps_word(bw):
            # "MÄN-\nNERQUARTETT", "DOKUMEN-\nTATION" vs "SPD-\nCHEF", "UNI-\nFIL"
            sj, sh, sa = _lexprob(aw + bw), _lexprob(aw + "-" + bw), _lexprob(aw)
            if (sj is not None and sh is None) or sa is None:
                return "join"
            return "keep"
        if bw[0].isupper():
            if aw:
                # "UNI-\nFIL" -> "UNIFIL" when only the joined form is attested (case as printed)
                lex = lexicon()
                jw, hw = aw + bw, aw + "-" + bw
                sj = lex.get(jw) if self.c.counts.get(jw, 0) == 0 else 0.0
                sh = lex.get(hw) if self.c.counts.get(hw, 0) == 0 else 0.0
                if h == "¬" and sj is None:
                    sj = lex.get(aw + bw.lower())
                if sj is not None and sh is None and (_is_caps_word(bw) == _is_caps_word(aw) or h == "¬"):
                    return "join"
            return "keep"
        if not aw:
            return "keep"  # "30-\njährige", "US-\namerikanisch" handled below
        joined, hyph = aw + bw, aw + "-" + bw
        sj, sh = self.known(joined), self.known(hyph)
        caps_left = _is_caps_word(aw) or not aw.isalpha()
        if sh is not None and (sj is None or sh > sj + 1.0):
            return "keep"
        if caps_left and sj is None:
            return "keep"
        if sj is None and aw.islower() and aw.endswith(D.keep_left_suffixes) \
                and (_lexprob(aw) is not None or _lexprob(aw + "e") is not None) and _lexprob(bw) is not None:
            # a pair of adjectives and no joined form: "algerisch-\nfranzösische"
            return "keep"
        return "join"

    # ---- main
    def paragraphs(self, body: list[_Line]) -> list[_Tok]:
        c = self.c
        toks: list[_Tok] = []
        prev_line: Optional[_Line] = None
        for ln in body:
            lt = _line_tokens(c, ln)
            if not lt:
                continue
            if not toks:
                lt[0].sep = ""
            else:
                self.join(toks, prev_line, ln, lt)
            toks.extend(lt)
            prev_line = ln
        self.word_splits(toks)
        return toks

    def join(self, toks: list[_Tok], pl: _Line, ln: _Line, lt: list[_Tok]) -> None:
        c, D = self.c, self.D
        a, b = toks[-1], lt[0]
        nl = pl.e if pl.e < len(c.N) else max(pl.e - 1, 0)  # the newline after the previous line
        b.seppos = nl
        blank_between = any(c.lines[k].blank for k in range(pl.i + 1, ln.i))
        a_text = c.kept_text(pl)
        if a.text[-1] in _HYPHENS and len(a.text) >= 2:
            dec = self.hyphen_decision(a, b)
            if dec != "space":
                hpos = a.idx[-1]
                if dec == "join":
                    a.text = a.text[:-1]
                    a.idx = a.idx[:-1]
                    self.log_hyphen(hpos)
                    b.sep = ""
                else:
                    if a.text[-1] != "-":
                        self.log(hpos, hpos + 1, "unicode")
                        a.text = a.text[:-1] + "-"
                    b.sep = "" if dec == "keep" else " "
                return
        # drop cap: "S" + "o überraschend"
        if re.fullmatch(r"[A-ZÄÖÜ]", a_text) and b.text[:1].islower():
            mb = _LETTERS_HEAD.match(b.text)
            if mb and self.known(a_text + mb.group(0)) is not None:
                b.sep = ""
                return
        mid = not _ends_sentence(a_text, D) and b.text[:1].islower()
        if not c.wrapped:
            b.sep = " " if mid else "\n\n"
            return
        if blank_between:
            b.sep = " " if mid else "\n\n"
            return
        if pl is self.title_line or getattr(pl, "_force_break", False):
            b.sep = "\n\n"
            return
        if (a_text and a_text[-1] in D.terminal and _ends_sentence(a_text, D) and len(a_text) < 0.8 * c.L
                and (b.text[:1].isupper() or b.text[:1] in D.quote_open or b.text[:1].isdigit() or b.text[:1] in "–—-")):
            b.sep = "\n\n"
            return
        b.sep = " "

    title_line: Optional[_Line] = None

    def log_hyphen(self, hpos: int) -> None:
        """Log the hyphen and the line break after it ("-\\n") as one hyphenation piece."""
        c = self.c
        rs = c.nmap[hpos]
        re_ = rs + 1
        raw = c.raw
        while re_ < len(raw) and raw[re_] in " \t\r\n\x0c":
            re_ += 1
        self.removed.append(Removed(rs, re_, "hyphenation", raw[rs:re_]))

    def word_splits(self, toks: list[_Tok]) -> None:
        """Re-join a word split by a stray space ("Pogro men") on lexicon/document evidence."""
        if not self.c.wrapped:
            return
        counts = self.c.counts
        for k in range(1, len(toks)):
            a, b = toks[k - 1], toks[k]
            if b.sep != " " or not b.text[:1].islower():
                continue
            ma = _LETTERS_TAIL.search(a.text)
            mb = _LETTERS_HEAD.match(b.text)
            if not ma or not mb or ma.start() != 0 and a.text[ma.start() - 1].isalnum():
                continue
            aw, bw = ma.group(0), mb.group(0)
            if "-" in aw or "-" in bw or len(aw) < 2 or len(bw) < 2:
                continue
            if a.text[len(a.text) - 0:] and not a.text.endswith(aw):
                continue
            # one part must be unknown as a word on its own, the whole must be known
            pa = _lexprob(aw) if counts.get(aw, 0) <= 1 else -10.0
            pb = _lexprob(bw) if counts.get(bw, 0) <= 1 else -10.0
            if pa is not None and pb is not None:
                continue
            pj = _lexprob(aw + bw)
            if pj is None or pj < -17.5:
                continue
            # the space in between
            ns = a.idx[-1] + 1
            ne = b.idx[0]
            if ne > ns:
                self.log(ns, ne, "word_split")
            b.sep = ""


def _reorder_blocks(ctx: _Ctx, body: list[_Line], asm: _Assembler) -> list[_Line]:
    """Blocks read out of order (PDF extraction): a block that starts mid-word ("ben weiteren")
    is moved after the one block that ends with the matching hyphenated start ("mit sie-"),
    when the lexicon knows the joined word and no other block fits as well."""
    if len(body) < 4:
        return body
    blocks: list[list[_Line]] = [[body[0]]]
    for prev, ln in zip(body, body[1:]):
        if ln.i != prev.i + 1:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
    if len(blocks) < 2:
        return body

    def last_tok(bl):
        t = ctx.kept_text(bl[-1])
        return t.split()[-1] if t.split() else ""

    def first_text(bl):
        return ctx.kept_text(bl[0])

    def ends_hyph(bl):
        w = last_tok(bl)
        return len(w) >= 3 and w[-1] in _HYPHENS and w[-2].isalpha()

    def starts_lower(bl):
        t = first_text(bl)
        return t[:1].islower()

    moves = 0
    changed = True
    while changed and moves < 8:
        changed = False
        for j in range(len(blocks)):
            B = blocks[j]
            if not starts_lower(B):
                continue
            mb = _LETTERS_HEAD.match(first_text(B))
            if not mb:
                continue
            bw = mb.group(0)
            if j > 0:
                prev_last = ctx.kept_text(blocks[j - 1][-1])
                if ends_hyph(blocks[j - 1]):
                    continue  # the block before already runs on into this one
                if not _ends_sentence(prev_last, ctx.D):
                    # it may run on ("... und\n\ndie"), unless it is a short heading line and
                    # the first word of B is no word on its own ("senen")
                    pb = _lexprob(bw)
                    if len(prev_last) >= 0.9 * ctx.L or (pb is not None and pb > -14.5):
                        continue
            cands = []
            for k, A in enumerate(blocks):
                if k == j or not ends_hyph(A):
                    continue
                if k + 1 < len(blocks) and k + 1 != j and starts_lower(blocks[k + 1]):
                    continue  # A already continues into its successor
                ml = _LETTERS_TAIL.search(last_tok(A)[:-1])
                if not ml:
                    continue
                p = _lexprob(ml.group(0) + bw)
                if p is not None and p >= -16.5:
                    cands.append((p, k))
            if len(cands) != 1:
                continue
            k = cands[0][1]
            blocks.pop(j)
            blocks.insert(k + 1 if k < j else k, B)
            ctx.warnings.append(f"blocks reordered: line {B[0].i} continues the word broken at line {blocks[k if k < j else k - 1][-1].i}")
            moves += 1
            changed = True
            break
    return [ln for bl in blocks for ln in bl]


def _emit(ctx: _Ctx, toks: list[_Tok]) -> tuple[str, list[int]]:
    nmap = ctx.nmap
    parts: list[str] = []
    offs: list[int] = []
    for t in toks:
        if t.sep:
            parts.append(t.sep)
            p = nmap[t.seppos] if 0 <= t.seppos < len(nmap) else (nmap[t.idx[0]] if len(t.idx) else 0)
            offs.extend([p] * len(t.sep))
        parts.append(t.text)
        offs.extend(nmap[i] for i in t.idx)
    return "".join(parts), offs


# --------------------------------------------------------------------------------------------
# public API


def clean(raw: str) -> CleanDoc:
    """Clean one raw article. See the module docstring for the contract.

    Never raises on text input: should a pass fail on some odd input, the raw text is returned
    as it is (identity offsets) with a warning starting with "clean failed", so a batch goes on."""
    if raw is None:
        raw = ""
    try:
        return _clean(raw)
    except Exception as exc:  # pragma: no cover - safety net for batch runs
        s = len(raw) - len(raw.lstrip())
        text = raw.strip()
        offs = list(range(s, s + len(text)))
        offs.append(offs[-1] + 1 if offs else 0)
        return CleanDoc(text=text, offsets=offs, warnings=[f"clean failed: {type(exc).__name__}: {exc}"])


def _clean(raw: str) -> CleanDoc:
    D = _data()
    if raw is None:
        raw = ""
    removed: list[Removed] = []
    N, nmap, page_breaks = _normalise(raw, removed)
    ctx = _Ctx(raw, N, nmap, page_breaks, D)
    cl = _Classifier(ctx)
    cl._split_pieces = []
    cl._kicker_lines = []
    cl._starts = None
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


def _build_meta(ctx: _Ctx) -> Meta:
    meta = Meta()
    best: dict[str, tuple[int, object]] = {}
    authors: list[str] = []
    for prio, field, value in ctx.meta_cands:
        if field == "authors":
            if value not in authors:
                authors.append(value)  # type: ignore[arg-type]
            continue
        if field == "published":
            # a full date beats a month
            rank = (0 if len(str(value)) == 10 else 1, prio)
        else:
            rank = (0, prio)
        if field not in best or rank < best[field][0]:  # type: ignore[operator]
            best[field] = (rank, value)  # type: ignore[assignment]
    meta.title = best.get("title", (0, None))[1]  # type: ignore[assignment]
    meta.outlet = best.get("outlet", (0, None))[1]  # type: ignore[assignment]
    meta.published = best.get("published", (0, None))[1]  # type: ignore[assignment]
    meta.section = best.get("section", (0, None))[1]  # type: ignore[assignment]
    meta.authors = authors
    return meta


def check_invariants(raw: str, doc: CleanDoc) -> list[str]:
    """Return a list of violations of the offset/removal contract (empty when all holds)."""
    errs: list[str] = []
    text, offs = doc.text, doc.offsets
    if len(offs) != len(text) + 1:
        errs.append(f"len(offsets)={len(offs)} != len(text)+1={len(text) + 1}")
        return errs
    norm = [False] * (len(raw) + 1)
    covered = bytearray(len(raw) + 1)
    for r in doc.removed:
        if not (0 <= r.start < r.end <= len(raw)):
            errs.append(f"removed span out of range: {r}")
            continue
        if raw[r.start:r.end] != r.text:
            errs.append(f"removed text mismatch at {r.start}: {r.text!r}")
        covered[r.start:r.end] = b"\x01" * (r.end - r.start)
        if r.kind in NORMALISING_KINDS:
            for k in range(r.start, r.end):
                norm[k] = True
    for i, ch in enumerate(text):
        o = offs[i]
        if not (0 <= o < len(raw)):
            errs.append(f"offset out of range at clean {i}: {o}")
            continue
        covered[o] = 1
        if ch.isspace():
            continue
        if raw[o] != ch and not norm[o]:
            errs.append(f"clean[{i}]={ch!r} but raw[{o}]={raw[o]!r}")
            if len(errs) > 20:
                return errs
    for j, ch in enumerate(raw):
        if not covered[j] and not ch.isspace():
            errs.append(f"raw[{j}]={ch!r} neither kept nor removed")
            if len(errs) > 20:
                return errs
    return errs
