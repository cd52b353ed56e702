"""Pass 3: classifying lines as body text or page furniture (headers, slugs, captions,
credits, bylines, pull quotes, navigation, boilerplate), each with the reason it is logged under."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .furniture_pages import PageFurniture
from .furniture_print import PrintFurniture
from .furniture_web import WebFurniture
from .data import first_names
from .lines import _Ctx, _Line, _is_caps_word, _strip_md
from .meta import _parse_date

# a sentence: six words or more up to a sentence end (a headline has none, or is shorter)
_SENTENCE = re.compile(r"(?:\S+\s+){5,}\S*[.!?][\"“”'»«)]?(?:\s|$)")


class _Classifier(PageFurniture, PrintFurniture, WebFurniture):
    """Classifies a document's lines (`run`): the page, print and web furniture passes, composed from their modules."""

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
        # the tail passes measure "the last 40 %" against the same text: the lines free before either runs
        tail = [ln for ln in c.nonblank if ln.kind is None]
        self.tail_block(tail)
        self.comments(tail)
        self.comment_excerpts(tail)
        self.teaser_titles(tail)
        self.author_note()
        self.tail_inline()
        self.title()
        self.dateline_place()

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
        in_body = False  # a sentence came before: the article has begun
        for ln in c.nonblank[:5]:
            if len(ln.strip) > 400:
                in_body = True
                continue
            for kind, rx, before_body in D.head_inline:
                if before_body and in_body:
                    continue
                m = rx.search(ln.text)
                if m:
                    c.cut(ln, ln.s + m.start(), ln.s + m.end(), kind)
                    c.meta(1, "published", _parse_date(m.groupdict().get("date") or "", D), D.date_label_rank(m.group(0)))
                    break
            if ln.cuts and not c.kept_text(ln):
                ln.kind = ln.cuts[-1][2]
                ln.cuts = []
            in_body = in_body or (not ln.kind and _SENTENCE.search(ln.strip) is not None)

    def line_patterns(self) -> None:
        c, D = self.c, self.D
        for ln in c.nonblank:
            if ln.kind or len(ln.strip) > 1000:
                continue
            t = _strip_md(ln.strip)
            for kind, rx in D.line_patterns:
                if kind == "page_number" and (not (c.wrapped or ln.i in c.page_first or ln.i in c.page_last)
                                              or self._number_runs_on(ln)):
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
        """The person names of a byline's author slot, apart by commas, "und", "&"; a name set in
        capitals ("VON MORITZ GATHMANN", cicero.de) is read in normal case ("Moritz Gathmann")
        where its first word is a first name (person_names.tsv): a headline in capitals
        ("VON BERLIN NACH ROM") is none."""
        D = self.D
        s = _strip_md(s).strip(" ,;")
        parts = [p.strip(" *_") for p in re.split(r"\s*,\s*|\s+(?:und|UND)\s+|\s*&\s*|\s+and\s+", s) if p.strip(" *_")]
        parts = [_caps_name(p) if _is_caps_word(p) else p for p in parts]
        if not parts or not all(p and D.name_re.match(p) for p in parts):
            return []
        return parts

    _split_pieces: list = []

    # furniture a page edge is made of: a line of it between a candidate and the edge keeps the
    # candidate at the edge
    _EDGE_KINDS = frozenset({"running_header", "page_number", "print_slug"})
    _TOP, _BOTTOM = 3, 2  # the nonblank lines of a page's head and foot, as page_edges reads them

    # the month in any case: print headers are often set in capitals ("DIENSTAG, 11. JANUAR 2022")
    _DATE_IN = re.compile(
        r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{1,2}\.\s*(?i:Januar|Februar|März|April|Mai|Juni|Juli|August|"
        r"September|Oktober|November|Dezember)\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
    _ISSUE = re.compile(r"\b(?:Nr\.|Nummer|Ausgabe|Heft|No\.)\s*\d{1,4}\b")

    _kicker_lines: list = []

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

    title_line: Optional[_Line] = None


# name particles written in small letters inside a name ("Ursula von der Leyen"), as name_pattern has them
_PARTICLES = frozenset({"von", "van", "de", "der", "zu", "al", "el", "di", "da", "du", "le", "la"})


def _caps_name(p: str) -> str:
    """A name set in capitals in normal case ("MORITZ GATHMANN" -> "Moritz Gathmann",
    "ANNA MÜLLER-LÜDENSCHEIDT" -> "Anna Müller-Lüdenscheidt"), or "" where its first word is no
    first name of person_names.tsv (nor an initial): then it is no name but words in capitals."""
    words = p.split()
    out = [w.lower() if k and w.lower() in _PARTICLES else "-".join(x[:1] + x[1:].lower() for x in w.split("-"))
           for k, w in enumerate(words)]
    first = out[0] if out else ""
    if not (re.fullmatch(r"[A-ZÄÖÜ]\.", first) or first in first_names()):
        return ""
    return " ".join(out)
