"""Running headers, footers and page numbers: the lines at the top and foot of each page, told by their shape and by
their repetition over the pages."""
from __future__ import annotations

import re
from typing import Optional

from .data import _HYPHENS, unit_surfaces
from .lines import _Line, _ends_sentence, _is_caps_word
from .meta import _parse_date


def _header_like(key: str, D) -> bool:
    """A line that can be a running header: it does not end in a hyphen (a broken word) or start
    in lowercase (running text), and has digits, is in capitals, has a "|" or "/" separator, or
    ends no sentence."""
    return not key[-1] in _HYPHENS and not key[0].islower() and (
        any(ch.isdigit() for ch in key) or _is_caps_word(key) or "|" in key or "/" in key
        or not _ends_sentence(key, D))


_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,2}[.)])\s+\S|^\s*\|.*\w")


class PageFurniture:
    """Methods of `_Classifier` for the job named above (furniture.py composes the mixins into it)."""

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
        # a date of a line at a page edge is the publication date only where the line is a
        # running header: a line of the body there, a chronicle's "8. Tag: (03.01.2009)" at the end
        # of a Wikinews article (wn55038), dates what it tells, not the article
        for ln in cand:
            date = self._DATE_IN.search(ln.strip) if ln.kind == "running_header" else None
            if date:
                c.meta(3, "published", _parse_date(date.group(0), self.D))

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
                    if ln.kind is not None or not self._isolated(ln) or not self._name_part(ln.strip) \
                            or self.c.nmap[ln.ls] in self.c.large_lines:
                        break  # (a line the extractor saw set larger than the body in the page's text: a crosshead)
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
        if date:  # the date is meta.published only once the line is a header (page_edges)
            anchors += 1
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
        ws = [w for w in rest.split() if w.lower() not in D.header_words]  # a weekday, "Seite": no section
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
