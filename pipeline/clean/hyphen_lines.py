"""Where pdftotext joined or broke lines: the column width, fragments of broken lines, the junctions where a deleted
line-end hyphen can lie, and the document's own word counts that weigh a join."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .data import _lexprob, lexicon
from .lines import _Line, _ends_sentence


class LineEvidence:
    """Methods of `_Assembler` for the job named above (hyphenation.py composes the mixins into it)."""

    def _merged_lines(self) -> set[int]:
        """pdftotext's default mode joins the line after a line-end hyphen onto the line that
        ends in it (hyphen deleted, no line break), so a compound glued so always lies in a
        line at least as long as the column is wide (the column width `_W`, from `_col_width`;
        lines a few chars shorter than it still count, a justified column's lines vary). A word with a capital inside in a shorter line was printed so ("BorVfL Wolfsburg"
        in a results table, "ChrGermany." at a paragraph end): measured on bench_clean.py's
        dev half, 208 of 217 glued compounds lie in lines >= 1.12 L and 76 of 176 names in
        shorter ones. Returns the indices of the lines that can hold such a join."""
        c = self.c
        out = {ln.i for ln in c.lines if not ln.blank and len(ln.strip) >= 0.9 * self._W}
        # pdftotext also breaks a justified line with wide gaps into one line per word
        # ("der" / "EUDaueraufenthaltsrichtlinie" / "haben"): a one-word line between
        # one-word lines can hold a join too
        nb = [ln for ln in c.lines if not ln.blank]
        one = [len(ln.strip.split()) == 1 for ln in nb]
        for k, ln in enumerate(nb):
            if one[k] and (k > 0 and one[k - 1]) and (k + 1 < len(nb) and one[k + 1]):
                out.add(ln.i)
        # and the line after two or more such one-word lines that run on ("David" / "Beasley," /
        # "Exekutivdirektor" / "des" / "UNWelternährungsprogramms: "Nur wenn wir den"): the rest
        # of the broken column line, with the next line appended after a line-end hyphen, is
        # shorter than a column line when the words before took most of it; the words and the
        # line are as long as one (web sample bmz.de, layout a: 36 + 46 chars in a 52-char
        # column). One short line before is no evidence: a headline or a subhead ends in a letter
        # too ("COP26 in Glasgow" / "Die COP26 muss ...", web sample gruene-bundestag.de)
        for k, ln in enumerate(nb):
            if ln.i in out or ln.kind:
                continue
            run, n, j = 0, 0, k - 1
            while j >= 0 and one[j] and not nb[j].kind and (nb[j].strip[-1].isalnum() or nb[j].strip[-1] == ","):
                run += len(nb[j].strip) + 1
                n += 1
                j -= 1
            if n >= 2 and run + len(ln.strip) >= 0.9 * self._W:
                out.add(ln.i)
        return out

    def _col_width(self) -> float:
        """The column width in chars of a text whose line-end hyphens pdftotext deleted
        (`_Ctx.col_width`, which the pull-quote pass reads too)."""
        return self.c.col_width()

    def _after_fragment(self, i: int) -> bool:
        """Line `i` follows a fragment of a line that pdftotext broke at a wide gap (the line
        before is a single word or shorter than half the column): only then can its first word
        hold a join. After a full column line ("... zu einem Familiendrama: Ein" / "58jähriger
        Vater ...") the first word is printed as it stands: a join lies where the line before
        ended, at its end (wn5352 on bench_clean.py's fresh dev sample, "58jähriger")."""
        return self._is_fragment(self._neighbour(i, -1))

    def _is_fragment(self, t: Optional[str]) -> bool:
        """Line text `t` (None: no such line) is what pdftotext leaves of a column line it broke
        at a wide gap: a single word or shorter than half the column (`_W`). Shared by
        `_after_fragment` and `_mid_fragment`."""
        return t is not None and (len(t.split()) == 1 or len(t) < 0.5 * self._W)

    def _neighbour(self, i: int, step: int) -> Optional[str]:
        """The text of the next non-blank line before (`step` -1) or after (+1) line `i`."""
        lines = self.c.lines
        k = i + step
        while 0 <= k < len(lines) and lines[k].blank:
            k += step
        return lines[k].strip if 0 <= k < len(lines) else None

    def _mid_fragment(self, i: int, step: int) -> bool:
        """The line before (`step` -1) or after (+1) line `i` is a fragment of a column line that
        pdftotext broke at a wide gap: a single word or less than half the column, ending in
        mid-sentence (a letter, a digit or a comma; a paragraph's short last line ends in a stop).
        In a narrow column a justified line has wide gaps, and poppler breaks it there: the
        line appended after a line-end hyphen is cut short ("Angeblich plant der
        AirbusVorstandsvorsitzende" / "Thomas" / "Enders den Ausstieg ..."), and the line that
        ends in the hyphen starts after a fragment ("der" / "Herren-HandballEuropameisterschaft
        in seinem ..."; bench_clean.py's layout c, three 10pt columns of 34 chars, dev sample)."""
        t = self._neighbour(i, step)
        return t is not None and self._is_fragment(t) and (t[-1].isalnum() or t[-1] == ",")

    def _at_junction(self, ln: _Line, pos: int, first_word: bool, rest: int = 0) -> bool:
        """Could char `pos` of line `ln` be where pdftotext appended the next line? The first
        appended line starts after a whole column line (0.68 to 1.18 widths: a justified
        line's char count varies); after two or more, anywhere from 1.4 widths on. (What
        follows is no test: pdftotext writes no blank line between paragraphs, so a short
        last line of a paragraph can be appended to any line.) A line broken by pdftotext
        at a wide gap can start with a fragment, its first word ("EU" +
        "Daueraufenthaltsrichtlinie", "(Vorstandsvergütungs" + "Offenlegungsgesetz)"); after a
        fragment that ends in mid-sentence (`_mid_fragment`) the rest of the broken column line
        starts the line, so the junction lies anywhere in its first column width ("der" /
        "Herren-HandballEuropameisterschaft in seinem ..."). A column line ends short of 0.68
        widths (from 0.4 on) where the part after the hyphen, `rest` chars, did not fit into it:
        a typesetter breaks a word with a hyphen of its own only there ("Die EU muss mit dem
        UN-" / "Flüchtlingshochkommissariat und den", 23 chars of a 40-char column in layout b)."""
        W, n = self._W, len(ln.strip)
        if first_word:
            return True
        if pos <= 1.25 * W and self._mid_fragment(ln.i, -1):
            # (1.25: a full column line follows a fragment of the line before too, "von" /
            # "Marktbeobachtern einen Tiefschlag. EADSVorstandsvorsitzender", 39 chars of a 33-char
            # column in layout c)
            return True
        if n < 0.9 * W:
            return False
        if self._heading_last_word(ln, n, pos, rest):
            return True
        if n < 1.4 * W and (ln.strip[-1].isalnum() or ln.strip[-1] == ",") and ln is not self.title_line \
                and not (n >= 1.2 * W and self._mid_fragment(ln.i, 1)) and not self._heading_run_on(ln, n):
            # poppler appends the whole next line: to a line of less than 1.4 widths only a
            # paragraph's short last line, which ends a sentence; a line that ends in
            # mid-sentence so short is one column line ("des G2 WinPro", "alternativen
            # DolbyDigtial" in layout b's 39-char column); a headline ends in no stop
            # ("... über Fillon" + "Nachfolge"). Unless a fragment follows: poppler broke the
            # appended line at a wide gap (`_mid_fragment`: "... der AirbusVorstandsvorsitzende"
            # / "Thomas")
            return False
        return 0.68 * W <= pos <= 1.18 * W or pos >= 1.4 * W or (0.4 * W <= pos < 0.68 * W and pos + rest > 1.18 * W)

    def _heading_last_word(self, ln: _Line, n: int, pos: int, rest: int) -> bool:
        """Line `ln` (`n` chars) is a heading whose last word was broken at its hyphen over two column
        lines, the second holding only the word's tail, which poppler appended: "Das perfekte Steak aus dem
        Discounter-" / "Grill" -> "... dem DiscounterGrill", "Montessori Spielzeug ab KindergartenAlter"
        (session 32: the --web-rest2 sample, layout b, chip.de and familie.de; 1.08 widths, which
        `_heading_run_on` leaves: a column line is as long; the web samples hold four more such headings,
        "Punch-HoleDesign", "MagdalenerWeine", not taken: a lowercase start, a name). Our own rule, on the geometry and the
        lexicon: the cut at `pos` lies where a full column line ends (0.85 widths or more) and the word's
        rest, `rest` chars, ends the line; the line is a paragraph of its own (as in `_heading_run_on`, or
        after a heading: a short line that ends in no stop), starts with a capital or a digit and ends in a
        letter or a digit, and the next line starts a block (a capital, a digit, "#", or none); the halves
        are two common words of the lexicon (-14.5 or better, four letters or more) and the glued whole, with
        its capital inside, is none of its forms."""
        W, t = self._W, ln.strip
        if not (0.95 * W <= n < 1.15 * W) or pos + rest != n or pos < 0.85 * W or not t[-1].isalnum() \
                or not (t[:1].isupper() or t[:1].isdigit()):
            return False
        # the two halves common words of the lexicon, the glued whole (its case kept: "Kindergartenalter" is
        # one) none: the geometry alone does not tell a heading from a paragraph's first line ("und sendet
        # einen alternativen DolbyDigtial" / "Audiotrack mit.", dev wn54805, layout b: a first version cut it)
        m = re.search(r"[^\W\d_]+$", t[:pos])
        left, right = (m.group(0) if m else ""), t[pos:]
        if len(left) < 4 or len(right) < 4 or not right.isalpha() or lexicon().get(left + right) is not None \
                or min(_lexprob(left) or -99.0, _lexprob(right) or -99.0) < -14.5:
            return False
        if not (ln.i == 0 or self.c.lines[ln.i - 1].blank):
            before = self._neighbour(ln.i, -1)
            # (a heading before it: a short line that ends in no stop, "Beef Maker von Aldi im Test")
            if before is not None and not _ends_sentence(before, self.D) \
                    and not (len(before) < 0.85 * W and before[-1:].isalnum()):
                return False
        after = self._neighbour(ln.i, 1)
        return after is None or after[:1].isupper() or after[:1].isdigit() or after[:1] == "#"

    def _heading_run_on(self, ln: _Line, n: int) -> bool:
        """Line `ln` (`n` chars) is a heading broken over two column lines, the second appended by
        poppler: longer than a column line holds (1.15 widths: the lines about one width long lie
        within 0.88-1.12 of it, `_col_width`), a paragraph of its own (the line before ends a
        sentence, a blank line comes before it, or there is none) and ending in a letter or a digit, as a heading does: a heading
        has no stop, so the appended line does not end one ("Mit der Entwicklung der
        InternetKonzerne Schritt halten", 1.38 widths; "Auf dem Weg zu einem globalen
        PlastikVertrag", 1.16; web pages' subheadings, set as paragraphs, session 29's --web-rest2
        sample in layout b's 39-char columns). A first line of a body paragraph that runs on is one
        column line, no longer than 1.12 widths."""
        if n < 1.15 * self._W or not ln.strip[-1].isalnum():
            return False
        if ln.i == 0 or self.c.lines[ln.i - 1].blank:
            return True  # the first line of a text block
        before = self._neighbour(ln.i, -1)
        return before is None or _ends_sentence(before, self.D)

    def _word_counts(self, merged: set[int]) -> None:
        """Occurrences of every word with its digits ("9Live", "30-jährige"; `ctx.counts`
        has letters only) and of each of its hyphen-separated parts: in the whole text
        (`_wc`) and in the lines that cannot hold a join (`_wc_fixed`: a word there is
        printed as it stands); and of every pair of words with only a space between them
        (`_pairs`: "Red Bull", "Air France", a line break counting as a space)."""
        self._pairs = Counter(m.group(1, 2) for m in re.finditer(r"([^\W_]+)(?=\s+([^\W_]+))", self.c.N))
        self._wc, self._wc_fixed, self._spans = Counter(), Counter(), Counter()
        # the heads the document prints before a hyphen ("Weltranglisten" of
        # "Weltranglisten-Zwölfte"): pdftotext deletes only line-end hyphens, so a hyphen
        # left in any line is the source's own
        self._heads: Counter = Counter()
        self._measure_glued: set[str] = set()
        self._measure_hyph = 0
        self._occ: dict[str, list[tuple[int, int, int]]] = {}
        for ln in self.c.lines:
            for m in re.finditer(r"[^\W_]+(?:-[^\W_]+)*", ln.strip):
                ws = [m.group(0)] + (m.group(0).split("-") if "-" in m.group(0) else [])
                self._wc.update(ws)
                parts = ws[1:]
                self._heads.update(parts[:-1])
                # the runs of two parts or more inside a hyphenated word: "Snapdragon-810-Chip"
                # writes "Snapdragon-810" (as `hyphen_spans` reads the lexicon's forms)
                self._spans.update("-".join(parts[i:j]) for i in range(len(parts))
                                   for j in range(i + 2, len(parts) + 1))
                if ln.i not in merged:
                    self._wc_fixed.update(ws)
                if self._MEASURE.fullmatch(m.group(0)):
                    # the document's own spellings of a number and an adjective of measure
                    # (hyphenated: a hyphen left is printed; glued: see `_glues_measures`)
                    if "-" in m.group(0):
                        self._measure_hyph += 1
                    else:
                        self._measure_glued.add(m.group(0))
                pos = m.start()
                for part in ws[1:] or ws:
                    self._occ.setdefault(part, []).append((len(ln.strip), pos, ln.i))
                    pos += len(part) + 1

    def _at_junctions(self, w: str, cuts: Optional[list[int]] = None) -> bool:
        """Every occurrence of `w` lies where poppler joined two lines: in a line far longer
        than the column (the next line was appended to it) with a capital inside `w` (or one
        of `cuts`) about one column width from the line start, where the first line ended, or
        alone in its line (see `_merged_lines`). A compound broken at two line ends of an
        article is glued twice ("MogulSender", "ChampionsLeague", "EUDaueraufenthaltsrichtlinie"
        on bench_clean.py's dev half); a brand printed twice lies anywhere. After a fragment
        of a line broken at a wide gap (`_mid_fragment`), anywhere in the first 1.25 column
        widths, as in `_at_junction`."""
        L = self._W
        occ = self._occ.get(w, [])

        def ends(i: int) -> bool:
            return _ends_sentence(self.c.lines[i].strip, self.D)

        if cuts is None:
            cuts = [m.start() for m in self._CAMEL.finditer(w)]
        # (a line of this one word: poppler broke a widely spaced line into one line per word;
        # after two appended lines: "die BankAustria-Mutter" at 2.6 widths, also where the second
        # is a paragraph's short last line, which ends a sentence: "... eine Minderheit der
        # SPDFraktion." at 1.9 widths of a line of 2.1, wn7546 on bench_clean.py's earlier-runs dev
        # sample; a line of 2.1 widths that runs on has one appended line, "den die „GlobalFlyer“
        # nach", wn21815)
        return bool(occ and cuts) and all(
            (n == len(w) and pos == 0)
            or (any(pos + k <= 1.25 * L for k in cuts) and self._mid_fragment(i, -1))
            or (n >= 1.25 * L and any(
                0.6 * L <= pos + k <= 1.15 * L or (n >= (2.0 if ends(i) else 2.25) * L and pos + k >= 1.4 * L)
                for k in cuts))
            for n, pos, i in occ)
