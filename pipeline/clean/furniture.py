"""Pass 3: classifying lines as body text or page furniture (headers, slugs, captions,
credits, bylines, pull quotes, navigation, boilerplate), each with the reason it is logged under."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .data import _HYPHENS, _LETTERS_HEAD, _LETTERS_TAIL, _lexprob, unit_surfaces
from .meta import _parse_date
from .lines import _Ctx, _Line, _ends_sentence, _is_caps_word, _is_name_like, _starts_lower, _swapped_pair

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
        self.tail_block()
        self.author_note()
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

    def _number_runs_on(self, ln: _Line) -> bool:
        """A number line the next line continues is text, not a page number: "- 2" / "kleine
        Äpfel" in a list of ingredients, "36" / "Stunden. So lange dauert ..." (web_pages_de).
        The next line follows without a blank line and starts in lowercase, or with a unit
        of measurement (`units.tsv`: "Stunden", "Prozent", "Euro"). A page break between them
        keeps it a page number."""
        if ln.i in self.c.page_last:
            return False
        nxt = self.next_nb(ln.i)
        if nxt is None or nxt.i != ln.i + 1 or nxt.i in self.c.page_first:
            return False
        first = nxt.strip.split()[0].strip(".,;:!?")
        return first[:1].islower() or first in unit_surfaces()

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
        pages = self._pages()
        found = True
        while found:
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
            # then the lines the shapes do not know: one repeated at the edges of the pages, a
            # part of the header next to a line they know (after them: the lines they know give
            # meta.published, meta.outlet and meta.section)
            found = self._repeated_edge_lines(pages)
            found = self._unknown_header_parts(pages) or found

    def _pages(self) -> list[list[_Line]]:
        """The nonblank lines of each page, in order (the whole text is one page when it has no
        page breaks)."""
        c = self.c
        pages: list[list[_Line]] = []
        cur: list[_Line] = []
        for ln in c.lines:
            if ln.i in c.page_first and cur:
                pages.append(cur)
                cur = []
            if not ln.blank:
                cur.append(ln)
        if cur:
            pages.append(cur)
        return pages

    # furniture a page edge is made of: a line of it between a candidate and the edge keeps the
    # candidate at the edge
    _EDGE_KINDS = frozenset({"running_header", "page_number", "print_slug"})
    _TOP, _BOTTOM = 3, 2  # the nonblank lines of a page's head and foot, as page_edges reads them

    def _repeated_edge_lines(self, pages: list[list[_Line]]) -> bool:
        """A line that stands at the top or the foot of several pages is the running header or
        footer, whatever it says ("Rhein-Neckar-Zeitung" on every page: an outlet cleaning.json
        does not know, with no date or issue number beside it). Digits are ignored (page numbers).
        Repetition anywhere is no evidence (a refrain, a table row, a repeated heading): the line
        must stand in the head (first three nonblank lines) or foot (last two) of at least two
        pages and of at least half of them, and at most once on any page, as a header is printed
        once per page; and it must not read as running text (`_header_like`). A name that is a
        block of its own once on every page is one as well when one of its occurrences stands at
        a page edge (the others where pdftotext's default mode reads a header part, before the
        column below it). Returns whether a line was classified."""
        if len(pages) < 2:
            return False
        changed = False
        where: dict[str, list[tuple[int, _Line, bool]]] = {}
        for p, page in enumerate(pages):
            edge = {ln.i for ln in page[:self._TOP] + page[-self._BOTTOM:]}
            for ln in page:
                if len(ln.strip) > 100 or len(ln.strip) < 3:
                    continue
                where.setdefault(re.sub(r"\d+", "0", ln.strip), []).append((p, ln, ln.i in edge))
        for key, occ in where.items():
            on = [p for p, _, _ in occ]
            if len(set(on)) < len(on) or any(ln.kind not in (None, "running_header", "page_number") for _, ln, _ in occ):
                continue  # twice on a page, or a line another pass has read as something else
            at_edge = {p for p, _, e in occ if e}
            if not at_edge or not _header_like(key, self.D):
                continue
            # pdftotext's default mode reads the part of a header above the second column as a
            # block before that column, in mid-page; such a part is printed once on every page
            # as a block of its own, a name ("Netzausgabe" of bench_clean.py --header-outlet)
            periodic = len(on) == len(pages) and all(self._isolated(ln) and self._name_part(ln.strip)
                                                     for _, ln, _ in occ)
            if not periodic and (len(at_edge) < 2 or 2 * len(at_edge) < len(pages)):
                continue
            kind = "page_number" if re.fullmatch(r"[\W0]*0[\W0]*", key) else "running_header"
            for _, ln, _ in occ:
                if ln.kind is None:
                    ln.kind = kind
                    changed = True
        return changed

    def _unknown_header_parts(self, pages: list[list[_Line]]) -> bool:
        """The parts of a running header the shapes of `_header_shape` do not know: the name of
        an outlet cleaning.json lacks ("Netzausgabe"), alone or with a section ("Netzausgabe |
        ONLINE"). pdftotext's default mode and pdfminer put each part of a header on a block of
        its own, so the date line is recognised and the name beside it is not. Read from each
        edge of each page, past the furniture already found, the first other line is such a part
        when it is a block of its own (blank lines or the page edge around it) shaped like a
        name (`_name_part`) and
          * the next line inward is a page number or a header line with a date or an issue
            number (`_dated`): it stands between the page edge (or furniture) and such a line,
            where no body text is set (the one-page case as well: "10" / "Netzausgabe" at the
            foot of the only page, "Netzausgabe | ONLINE" / "3.4.2021 | Ausgabe 12" at its head);
            or
          * at the head of a page, it follows header lines with a date or an issue number, and
            is at most three words without digits.
        Either way the header lines around it must have no name of their own (`_nameless`): the
        name a header prints is missing there. The title of the article can stand beside the
        header the same way; a title of at most three capitalised words without a verb or a
        digit is rare (5 of 992 Wikinews titles have that shape, 1 without a digit), and a header
        that has its name leaves the line alone.
        Returns whether a line was classified."""
        changed = False
        for page in pages:
            for inward, zone in ((1, self._TOP), (-1, self._BOTTOM)):
                order = page if inward == 1 else page[::-1]
                for k, ln in enumerate(order[:zone]):
                    if ln.kind in self._EDGE_KINDS:
                        continue
                    if ln.kind is not None or not self._isolated(ln) or not self._name_part(ln.strip):
                        break
                    nxt = order[k + 1] if k + 1 < len(order) else None
                    outer = order[:k]
                    if nxt is not None and (nxt.kind == "page_number" or (
                            nxt.kind == "running_header" and self._dated([nxt]))) and self._nameless(outer + [nxt]):
                        ln.kind = "running_header"
                        changed = True
                    elif inward == 1 and self._dated(outer) and self._nameless(outer) and self._name_part(ln.strip, short=True):
                        ln.kind = "running_header"
                        changed = True
                    break
        return changed

    def _isolated(self, ln: _Line) -> bool:
        """A block of its own: a blank line or a page break before and after it."""
        c, L = self.c, self.c.lines
        before = ln.i == 0 or L[ln.i - 1].blank or ln.i in c.page_first
        after = ln.i + 1 >= len(L) or L[ln.i + 1].blank or ln.i in c.page_last
        return before and after

    def _dated(self, header: list[_Line]) -> bool:
        """Header lines with a date or an issue number among them: a running header, not a lone
        section word or outlet name (a title's words can stand beside those: pdftotext's default
        mode put "Flash-Player" of a title after the header line "Wikinews" at the foot of a
        page of wn4555 in bench_clean.py's dev sample)."""
        text = " ".join(ln.strip for ln in header if ln.kind == "running_header")
        return bool(self._DATE_IN.search(text) or self._ISSUE.search(text))

    def _nameless(self, header: list[_Line]) -> bool:
        """Header lines with no name in them: besides dates, issue and page numbers only words
        in capitals (a section, "WISSENSCHAFT"), no known outlet. A header that has a name of any
        kind ("Nr. 11 / 17.1.2016 Netzausgabe" as pdfminer reads it, "DER SPIEGEL | ONLINE") has
        its outlet, so a name-like line beside it is something else: the title (pdfminer put the
        titles "Will Smith" and "Schneewittchen-Kuchen mit Mini-Marshmallows" of pages of
        bench_clean.py's --web sample between or after the header lines)."""
        D = self.D
        text = " ".join(ln.strip for ln in header if ln.kind == "running_header")
        if any(om.group(0)[:1].isupper() for om in D.outlet_re.finditer(text)):
            return False
        rest = self._ISSUE.sub(" ", self._DATE_IN.sub(" ", text))
        return all(_is_caps_word(w) for w in re.sub(r"[\d/|·•–—:,.()\-]+", " ", rest).split())

    def _name_part(self, t: str, short: bool = False) -> bool:
        """Shaped like a name or a few names separated by "|", "/", "·" or a dash: at most six
        words (`short`: three, no digits), each capitalised, a number, or a function word inside
        ("Welt am Sonntag"); no sentence punctuation. Body lines are longer, start in lowercase
        or hold lowercase words."""
        if len(t) > 60 or re.search(r"[!?]|[a-zäöüß]{2}[.:;,]", t):
            return False
        ws = re.sub(r"[|/·•–—]", " ", t).split()
        if not ws or len(ws) > (3 if short else 6) or not ws[0][:1].isupper():
            return False
        if short and any(ch.isdigit() for ch in t):
            return False
        fw = self.D.function_words
        return all(w[:1].isupper() or w[:1].isdigit() or (k and w in fw) for k, w in enumerate(ws))

    _DATE_IN = re.compile(
        r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b|\b\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|"
        r"September|Oktober|November|Dezember)\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
    _ISSUE = re.compile(r"\b(?:Nr\.|Nummer|Ausgabe|Heft|No\.)\s*\d{1,4}\b")

    def _header_shape(self, ln: _Line) -> Optional[str]:
        c, D = self.c, self.D
        t = ln.strip
        if re.fullmatch(r"(?:[-–—]\s*)?(?:Seite\s*|S\.\s*)?\d{1,4}(?:\s*[-–—])?", t):
            return None if self._number_runs_on(ln) else "page_number"
        if t.count("(") != t.count(")") or any(rx.fullmatch(t) for _, rx in D.tail_inline):
            # the end of a bracket opened in the body ("... erwarten. (Birgit Baumann aus" /
            # "Garmisch-Partenkirchen, 6.6.2015)") or a whole author signature "(APA,
            # 16.10.2015)" at the foot of a page: the body's last line, which tail_inline logs
            return None
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
            if not c.page_first and _LIST_ITEM.match(ln.strip):
                # items of a list or rows of a table in a web text repeat ("- **Ruster Ausbruch
                # DAC**" for each wine of a list): running headers are printed on pages
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
            header_shape = _header_like(key, self.D)
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
        if c.hyphens_deleted():
            # pdftotext's default mode appends the line after a line-end hyphen to it: such
            # doubled lines are as wide as a teaser across the columns, and a paragraph's short
            # last line before one looks like a headline. On bench_clean.py's dev and fresh dev
            # samples in that mode (1,066 articles) this rule took body text for a headline and a
            # teaser in 3 articles and a real teaser in none, so wide lines are no evidence there
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

    def _kicker_ok(self, kicker: str, rest: str) -> bool:
        """A word in capitals before a headline is a kicker ("ANALYSE", "OVKS") unless it is
        part of the name the headline is about: an abbreviation of at most three letters
        ("VW Golf 8 GTI", "DB Lounge", "HTC Touch", "HR Innovation": the audit of
        web_pages_de found only such, none a kicker), or the capitals and the next word occur
        together again in the text ("DB Lounge" ... "ihrer DB Lounge")."""
        if " " not in kicker and "-" not in kicker and len(kicker) <= 3:
            return False
        nxt = rest.split()[0] if rest.split() else ""
        return not (nxt and self.c.N.count(kicker + " " + nxt) >= 2)

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
                if sum(ch.isalpha() for ch in p.strip) < 3:
                    break  # no words: a cell of a table ("21.528,00 €"), not a caption
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
                after = self.next_nb(run[-1].i)
                swapped = (len(run) == 2 and mid_sentence and after is not None and after.kind is None
                           and _swapped_pair(c, before, run[0], run[1], after))  # body, put back in order later
                # a pull quote interrupts the body: not at the start of the text, and not after
                # a short line that ends no sentence, a heading ("Die ukrainische Frage" / "in
                # Polen" heading an OCR page of hipe_ocr_de, the headlines above a subheading)
                in_body = before is not None and not (
                    before.kind is None and len(before.strip) < 0.8 * c.L and not _ends_sentence(before.strip, D))
                # ... and the body goes on after it: three short lines after a finished sentence
                # with no body line after them are the article's last paragraph in a narrow
                # column whose other lines pdftotext lengthened by appending (fresh3 dev wn16930,
                # layout b: "Auch die offizielle Pressemitteilung des" / ... / "Projekt ein."); a
                # quote that breaks into a sentence ("Genauer ge-" / "Am Ende" / ..., the seed) is
                # one wherever it stands
                if first_ok and inner_ok and last_ok and not swapped and in_body \
                        and (mid_sentence or (len(run) >= 3 and any(r.kind is None for r in lines[j:]))):
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
            for m in D.cookie_re.finditer(ln.text):  # cleaning.json cookie_banner_pattern
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

    def tail_block(self) -> None:
        """Web pages: a line that opens the furniture after the article ("Mehr zum Thema",
        "Beiträge aus dem Forum", a support appeal; `tail_block_patterns`) in the last 40 % of
        the text, and every line after it, are logged as `related`. The position bound keeps
        a "Lesen Sie auch:" line in mid-article to itself (line_patterns log it alone)."""
        c, D = self.c, self.D
        if not D.tail_block:
            return
        free = [ln for ln in c.nonblank if ln.kind is None]
        total = sum(len(ln.strip) for ln in free)
        seen = 0
        for k, ln in enumerate(free):
            if seen >= 0.6 * total and len(ln.strip) <= 300:
                t = _strip_md(ln.strip)
                if any(rx.match(t) for rx in D.tail_block):
                    for rest in free[k:]:
                        rest.kind = "related"
                        rest.cuts = []
                    return
            seen += len(ln.strip)

    def author_note(self) -> None:
        """A note about the author at the end of a text ("Der Autor ist Professor für ...",
        or a label "Autor" on its own line followed by the note): from that line to the end,
        logged as byline. Only among the last four lines, where such notes are printed, so
        that a sentence about some author in the body is never touched."""
        c, D = self.c, self.D
        if not D.author_note:
            return
        free = [ln for ln in c.nonblank if ln.kind is None]
        if len(free) < 5:
            return
        for k in range(len(free) - 4, len(free)):
            t = _strip_md(free[k].strip)
            if D.author_note[0].match(t) and len(t) <= 800:
                # the note itself: this line only (what follows may be page navigation)
                free[k].kind = "byline"
                free[k].cuts = []
                return
            if any(rx.match(t) for rx in D.author_note[1:]):
                # a label: the note follows it, to the end of the text
                if sum(len(ln.strip) for ln in free[k:]) <= 1000:  # a note, not a text part
                    for ln in free[k:]:
                        ln.kind = "byline"
                        ln.cuts = []
                return

    def tail_inline(self) -> None:
        """A signature "(Name, d.m.yyyy)" closing the last body line(s): byline + date."""
        c, D = self.c, self.D
        free = [ln for ln in c.nonblank if ln.kind is None]
        if not free:
            return
        first = free[-1]
        for k in (2, 3):
            # the signature may be broken over two or three lines ("(Bir-" / "git Baumann aus
            # Garmisch-Partenkirchen," / "6.6.2015)" in a narrow column)
            if len(free) < k or not all(c.lines[j].blank for j in range(free[-k].i + 1, free[-k + 1].i)):
                break
            first = free[-k]
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
        if m and len(t[m.end():].split()) >= 3 and self._kicker_ok(m.group("kicker"), t[m.end():]):
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


def _header_like(key: str, D) -> bool:
    """A line that can be a running header: it does not end in a hyphen (a broken word) or start
    in lowercase (running text), and has digits, is in capitals, has a "|" or "/" separator, or
    ends no sentence."""
    return not key[-1] in _HYPHENS and not key[0].islower() and (
        any(ch.isdigit() for ch in key) or _is_caps_word(key) or "|" in key or "/" in key
        or not _ends_sentence(key, D))


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


_MD_STRIP = re.compile(r"\*\*|__")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,2}[.)])\s+\S|^\s*\|.*\w")


def _strip_md(s: str) -> str:
    return _MD_STRIP.sub("", s) if ("**" in s or "__" in s) else s
