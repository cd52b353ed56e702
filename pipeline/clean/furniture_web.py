"""Furniture of web pages and markdown extractions: links and images, navigation menus, the block after the article,
author notes and closing signatures."""
from __future__ import annotations

import re

from .lines import _strip_md
from .meta import _parse_date


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


class WebFurniture:
    """Methods of `_Classifier` for the job named above (furniture.py composes the mixins into it)."""

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

    def tail_block(self, free: list) -> None:
        """Web pages: a line that opens the furniture after the article ("Mehr zum Thema",
        "Beiträge aus dem Forum", a support appeal, "Folgen Sie uns auf Twitter";
        `tail_block_patterns`) in the last 40 % of the text, and every line after it, are logged
        as `related`. The position bound keeps a "Lesen Sie auch:" line in mid-article to itself
        (line_patterns log it alone). `free`: the lines not yet classified."""
        D = self.D
        if not D.tail_block:
            return
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

    def comments(self, tail: list) -> None:
        """Web pages: the reader comments after the article, logged as `comments`
        (`comment_patterns`). Comments are not the article, yet their texts are prose that no
        pattern tells from the article's; what tells the section is its furniture: a line of the
        comment widget (a count, a vote or login widget, the comment policy: `openers`), or a
        heading "Kommentare" with such a line or a comment header within three lines after it.
        The first such line in the last 40 % of the text (`tail`: the lines free before the
        tail passes, as tail_block measures) opens the section, to the end of the text (a block
        of related links after it is already `related`). The comments printed above the widget
        belong to it: the section starts at the first comment header (a user-name line, then a
        date-and-time line) before the opener, if that lies in the second half of the text.
        A header alone never opens the section: an author line and a dateline have its shape."""
        c, D = self.c, self.D
        total = sum(len(ln.strip) for ln in tail)
        at, seen = [], 0  # at[k]: chars of the text before tail[k]
        for ln in tail:
            at.append(seen)
            seen += len(ln.strip)

        def text(k: int) -> str:
            return _strip_md(c.kept_text(tail[k]))

        def free(k: int) -> bool:
            return 0 <= k < len(tail) and tail[k].kind is None

        def opener(k: int) -> bool:
            return free(k) and len(tail[k].strip) <= 1000 and any(rx.match(text(k)) for rx in D.comment_openers)

        def header(k: int) -> bool:
            return (free(k) and free(k + 1) and D.comment_name.match(text(k)) is not None
                    and len(text(k)) <= 30 and D.comment_date.match(text(k + 1)) is not None)

        start = None
        for k in range(len(tail)):
            if at[k] < 0.6 * total or not free(k):
                continue
            if opener(k):
                start = k
                break
            if (len(tail[k].strip) <= 40 and any(rx.match(text(k)) for rx in D.comment_headings)
                    and any(opener(m) or header(m) for m in range(k + 1, k + 4))):
                start = k
                break
        if start is None:
            return
        for j in range(start):
            if at[j] >= 0.5 * total and header(j):
                start = j
                # a heading "Kommentare" right above the first comment is the section's
                for m in range(max(0, j - 3), j):
                    if free(m) and len(tail[m].strip) <= 40 and any(rx.match(text(m)) for rx in D.comment_headings):
                        start = m
                        break
                break
        for ln in tail[start:]:
            if ln.kind is None:
                ln.kind = "comments"
                ln.cuts = []

    def comment_excerpts(self, tail: list) -> None:
        """Web pages: a comment box that prints each reader comment cut short with a link
        "mehr..." to the forum (`comment_patterns` `excerpt`), logged as `comments`. trafilatura
        keeps these excerpts as paragraphs but drops the header above each (the user name and
        date are a heading inside the link), so `comments` finds neither a widget line nor a
        comment header. Two or more excerpt lines in a row in the last 40 % of the text, one of
        them with the cut mark "[...]" (`excerpt_cut`), are the box; an article paragraph never
        ends two in a row with the link word "mehr..."."""
        c, D = self.c, self.D
        total = sum(len(ln.strip) for ln in tail)
        seen, k = 0, 0
        while k < len(tail):
            run = []
            j = k
            while (j < len(tail) and tail[j].kind is None
                   and D.comment_excerpt.match(_strip_md(c.kept_text(tail[j])))):
                run.append(tail[j])
                j += 1
            if (len(run) >= 2 and seen >= 0.6 * total
                    and any(D.comment_excerpt_cut.search(_strip_md(c.kept_text(ln))) for ln in run)):
                for ln in run:
                    ln.kind = "comments"
                    ln.cuts = []
            for ln in tail[k:max(j, k + 1)]:
                seen += len(ln.strip)
            k = max(j, k + 1)

    def teaser_titles(self, tail: list) -> None:
        """Web pages: a list of links to other articles that ends the text without a heading
        ("Mehr zum Thema" would open tail_block): each line a title with its kicker
        ("Umfrage in Deutschland: Gendersprache stösst auf Ablehnung"; `teaser_title`), logged
        as `teaser`. trafilatura keeps such a link list when its box sits inside the article
        container and its heading is an image or missing, so no tail_block pattern sees it.
        Three or more such lines in a row that end the text (a label of the next box,
        "Aus dem Datencenter:", `teaser_label`, may follow), in its last 40 %; a fact box has
        one-word labels and an interview's answers end with a sentence mark."""
        c, D = self.c, self.D
        if D.teaser_title is None:
            return
        free = [ln for ln in tail if ln.kind is None]
        if len(free) < 4:
            return
        total = sum(len(ln.strip) for ln in tail)
        end = len(free)
        while end > 0 and D.teaser_label is not None and D.teaser_label.match(_strip_md(c.kept_text(free[end - 1]))):
            end -= 1
        if len(free) - end > 1:  # one label at most
            return
        start = end
        while start > 0 and D.teaser_title.match(_strip_md(c.kept_text(free[start - 1]))):
            start -= 1
        if end - start < 3:
            return
        before = sum(len(ln.strip) for ln in tail if ln.i < free[start].i)
        if before < 0.6 * total:
            return
        # the list's first title may have no kicker ("Turbulente Woche für VW-Chef Diess"): taken
        # along only when the list's heading right above it ("Lesen Sie auch:") was logged already
        if start > 0:
            t = _strip_md(c.kept_text(free[start - 1]))
            above = self.prev_nb(free[start - 1].i)
            if (len(t) <= 120 and t[-1:] not in ".!?:;," and above is not None and above.kind is not None
                    and any(rx.match(_strip_md(above.strip)) for rx in D.tail_block)):
                start -= 1
        for ln in free[start:]:
            ln.kind = "teaser"
            ln.cuts = []

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
                if not _parse_date(m.group("date"), D, exists=False):
                    continue
                date = _parse_date(m.group("date"), D)  # "(APA, 30.9.3015)" a signature, its date none
                self.cut_span(seg_s + m.start(), seg_s + m.end(), kind)
                c.meta(2, "published", date)
                for part in re.split(r"\s*,\s*|\s+und\s+", m.group("authors")):
                    part = " ".join(part.split())
                    if D.name_re.match(part):
                        c.meta(1, "authors", part)
                break
