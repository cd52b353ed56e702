"""Pass 4: joining body lines into paragraphs; line-end hyphens and split words decided
with the German lexicon and the document's own word counts."""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..schema import Removed
from .data import _HYPHENS, _LETTERS_HEAD, _LETTERS_TAIL, _lexprob, lexicon
from .hyphen_compounds import CompoundHyphens
from .hyphen_lines import LineEvidence
from .lines import _Ctx, _Line, _complement, _ends_sentence, _is_caps_word

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


class _Assembler(LineEvidence, CompoundHyphens):
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
        if sj is None and self._is_web(left + b.text) and self._web_pair(aw, bw):
            # a hyphen between two words of a web address, "www.jugend-\nforscht.de" (as `_web_cut`
            # restores it where pdftotext deleted it; session 16's --web-rest sample, -raw mode)
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
        self.restore_compound_hyphens(toks)
        return toks

    # glued compounds, by the shape of the junction (the cut lies before the right half):
    # "NatoGipfel", "CDUVorsitzende", "verdiVerhandlungsführer" (a capital inside a word)
    _CAMEL = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ][a-zäöüß])|(?<=[A-ZÄÖÜ])(?=[A-ZÄÖÜ][a-zäöüß])")
    # "18Jährige", "1990erJahren", "G8Staaten" (a number glued to a capitalised word)
    _NUM_CAP = re.compile(r"(?<=\d)(?:er)?(?=[A-ZÄÖÜ][a-zäöüß]{2})")
    # "30jährige", "EUweit", "USamerikanischen" (a number or an abbreviation glued to a lowercase word)
    _NUM_ABBR = re.compile(r"^(?:\d+|[A-ZÄÖÜ]{2,6})(?=[a-zäöüß]{3,}$)")
    # a number and an adjective of measure, glued or hyphenated: "30jährige", "3-fache"
    _MEASURE = re.compile(r"\d+-?[a-zäöüß]*(?:ig|fach|malig|lich)(?:e[mnrs]?)?")
    # a pair of adjectives ("griechischmazedonischen", "wissenschaftlichtechnischer"): `D.adj_pair_re`,
    # built from cleaning.json by data.adjective_pair_re
    # "FußballWM", "KonkurrenzEVUs", "microUSB" (an abbreviation glued to the end of a word)
    _CAPS_TAIL = re.compile(r"(?<=[a-zäöüß]{3})(?=[A-ZÄÖÜ]{2,}s?$)")
    # "10km" before "-Lauf" (a number and a unit symbol), "CO2neutral" (a formula and a lowercase word)
    _NUM_UNIT = re.compile(r"(\d+)([^\W\d_]{1,4})")
    _CODE_WORD = re.compile(r"([A-ZÄÖÜ]+\d+)([a-zäöüß]{3,})")
    # a code of capitals and a number: "EH55", "EH40", "G7", "A4"
    _CODE = re.compile(r"[A-ZÄÖÜ]+\d+")
    # a code ("H5N1") or a word in lowercase and its number of two digits or more ("Covid19") before
    # a capitalised word of five letters or more: "H5N1Virusstamm", "Covid19Entlassungswelle" (the
    # cut is the match's end)
    _CODE_CAP = re.compile(r"(?:[A-ZÄÖÜ]+\d+[A-ZÄÖÜ]\d+|[^\W\d_]*[a-zäöüß]\d{2,})(?=[A-ZÄÖÜ][a-zäöüß]{4,}$)")
    # a capitalised word of four letters or more and a number: "Helium4" (before "-Kernen")
    _WORD_NUMBER = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{3,})(\d+)")
    # a word and a capital letter: "VitaminD" (before "-Spiegel"), "HepatitisB"
    _WORD_LETTER = re.compile(r"([A-ZÄÖÜ]?[a-zäöüß]{3,})([A-ZÄÖÜ])")
    # "18951944" (a range of years, 1500-2099)
    _YEARS = re.compile(r"(1[5-9]\d\d|20\d\d)(1[5-9]\d\d|20\d\d)")
    # a host name and a path without a scheme: "pic.twitter.com/vRR4ubIRiQ", "bit.ly/2abCDe"
    _WEB_PATH = re.compile(r"[^\W_]\.[a-z]{2,6}/\S")

    _wc: Counter = Counter()
    _wc_fixed: Counter = Counter()
    _spans: Counter = Counter()
    _heads: Counter = Counter()
    _measure_glued: set = set()
    _measure_hyph = 0
    _pairs: Counter = Counter()
    _occ: dict = {}
    _W: float = 0.0

    def join(self, toks: list[_Tok], pl: _Line, ln: _Line, lt: list[_Tok]) -> None:
        c, D = self.c, self.D
        a, b = toks[-1], lt[0]
        nl = pl.e if pl.e < len(c.N) else max(pl.e - 1, 0)  # the newline after the previous line
        b.seppos = nl
        blank_between = any(c.lines[k].blank for k in range(pl.i + 1, ln.i))
        a_text = c.kept_text(pl)
        if c.large_lines and c.nmap[ln.ls] in c.large_lines and c.nmap[pl.ls] not in c.large_lines:
            # a line the extractor saw set larger than the body after a body line (`clean(large_lines=)`):
            # a headline or crosshead, a paragraph of its own, whatever the line before ends in (an
            # article cut at a column's end in a word, "... Neben gigantischen Öl-" / "Putins Sieg in
            # Kasachstan": glued into that word before)
            b.sep = "\n\n"
            return
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
            b.sep = " " if mid or self.runs_over_page(pl, ln, a_text, b) or c.nmap[ln.ls] in c.runs_over else "\n\n"
            return
        if pl is self.title_line or getattr(pl, "_force_break", False):
            b.sep = "\n\n"
            return
        if c.blank_breaks:  # the extractor wrote every paragraph break it read in the layout as a blank line
            b.sep = " "
            return
        if (a_text and a_text[-1] in D.terminal and _ends_sentence(a_text, D) and len(a_text) < 0.8 * c.L
                and (b.text[:1].isupper() or b.text[:1] in D.quote_open or b.text[:1].isdigit() or b.text[:1] in "–—-")
                and c.nmap[ln.ls] not in c.runs_over):  # the extractor saw the line wrapped (`clean(runs_over=)`)
            b.sep = "\n\n"
            return
        b.sep = " "

    title_line: Optional[_Line] = None

    def runs_over_page(self, pl: _Line, ln: _Line, a_text: str, b: _Tok) -> bool:
        """A sentence that a page break cuts before a capitalised word ("Sorgenvoll beachtet
        wurde in" / page break, running header / "Kasachstan ein Ausspruch"): the line before
        the break is of full width and ends in no sentence mark, and the next starts with a
        letter, also one after an opening quotation mark ("... Bevölkerungszahl Russlands ein" /
        page break / "\"geopolitisches Problem\" sei.", seed 003 set full width at 10 pt). A blank
        line alone is no such evidence (pdftotext's blocks: a heading, a caption); a page break
        inside a paragraph is, in a wrapped text. A shorter line that stops after a function word
        runs over the page too: the next word did not fit ("... nachdem Russland gemeinsam mit
        Belarus und Kasachstan das" / page break / "Gründungsabkommen der EAWU ...", seed 004 set
        at 12 pt)."""
        c = self.c
        first = b.text[1:2] if b.text[:1] in self.D.quote_open else b.text[:1]
        open_end = a_text.split()[-1] in self.D.function_words if a_text.split() else False
        return (c.wrapped and any(k in c.page_last for k in range(pl.i, ln.i))
                and (len(a_text) >= 0.9 * c.L or open_end) and not _ends_sentence(a_text, self.D)
                and a_text[-1:].isalnum() and first.isalpha())

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
