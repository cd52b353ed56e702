"""Pass 0b: two columns read side by side (pdftotext's default mode) put back in reading order.

Where the gap between two columns of a page is narrow and their lines lie on one baseline, poppler's layout
analysis in its default mode (no `-raw`, no `-layout`) can take the two columns for one block and read them row
by row: each line of the text is a line of the left column, a space (or nothing), and the line of the right
column beside it ("des Weges zu Beitrittsverhandlungen ge- auf Biegen und Brechen durchdrücken"). The text
carries no trace of the gap but one, which this pass reads: the default mode deletes every hyphen at the end
of a line it reads, so a word broken at a column's line end keeps its hyphen only where that line end lies
inside a line of the text, one column width from its start, and the rest of the word starts a next line
("Gerichtsver- wird das anders." / "fahren klären, ..."). Such a hyphen inside a line, before no conjunction (a
suspended hyphen, "Gerichts- und"), is a column end; a text block of the default mode (its lines between blank
lines) with two such rows or more is read as two columns side by side. Its rows are split there (rows without
one at a lowercase letter glued to a capital, else at the space nearest to the width the split rows show; a
line of two rows, appended after the right column's deleted hyphen, first where a word no lexicon knows ends in
a common one), and the left column's lines are put before the right column's. Nothing is dropped: the chars are
only reordered (the offset map moves with them). A block whose rows this does not split (three columns to a
row, a junction no word marks, a line a word) is left as read. Either way a warning logs the block ("columns
read side by side: ..."). Our own rule (session 33, issue 17): in bench_clean.py's layout b, 6 of the 558 pages of
the web samples and `--html-fresh` read two columns side by side (pdftotext `-bbox-layout`); the signal finds
all 6 and no other of 2,332 extractions (both layouts, all extractors) nor of 2,830 texts of the dev half and
the web pages set in lines as the default mode does; it puts 1 in order (verbaende.com) and leaves 5 as read.
"""
from __future__ import annotations

import re
import statistics
from typing import Optional

from .data import _LETTERS_HEAD, _LETTERS_TAIL, _lexprob

# a word broken at a line end inside a line: letters, a hyphen, a space, a word
_MID_HYPHEN = re.compile(r"(?<=[^\W\d_]{2})-(?= [^\W\d_„\"(])")
# a lowercase letter glued to a capital (two words without their space)
_GLUED = re.compile(r"(?<=[a-zäöüß]{3})(?=[A-ZÄÖÜ][a-zäöüß])")


def _is_word(w: str, counts) -> bool:
    """`w` is a word: the document writes it, the lexicon knows it, or it is a compound of two lexicon words."""
    if len(w) < 3:
        return False
    if counts.get(w, 0) or (_lexprob(w) or -99.0) >= -17.0:
        return True
    return any((_lexprob(w[:k]) or -99.0) >= -14.0 and (_lexprob(w[k:].capitalize()) or -99.0) >= -13.0
               for k in range(4, len(w) - 3))


def _cue(line: str, nxt: list[str], W: float, suspended: set[str]) -> Optional[int]:
    """Where the right column starts in `line` (a char index), read from a word broken at a line end, its
    hyphen one column width from the line's start (0.6 to 1.35 widths) and before no conjunction (a
    suspended hyphen: "Gerichts- und"), the rest of the word starting one of the next three lines `nxt` in
    lowercase; None: no such hyphen."""
    if not any(t[:1].islower() for t in nxt):
        return None
    best = None
    for m in _MID_HYPHEN.finditer(line):
        h = m.start()
        if not 0.6 * W <= h + 1 <= 1.35 * W:
            continue
        after = line[h + 2:].split(" ", 1)[0]
        if after.lower().rstrip(",.;:") in suspended:
            continue  # "Gerichts- und Verwaltungskosten"
        if best is None or abs(h + 1 - W) < abs(best - 1 - W):
            best = h + 2
    return best


def _split_row(t: str, h0: int, h1: int, cue: Optional[int], left_w: float, W: float) -> Optional[int]:
    """Where the right column's line starts in the row `t[h0:h1]` (an index of `t`): at the cue, at a lowercase
    letter glued to a capital one column width in (poppler wrote no space between the columns: "Die Aussage
    von EU-KommissionspräsidentinBeitritt auch nur zu"), else at the space nearest to the split rows' left
    width `left_w`. None: no space."""
    if cue is not None and h0 < cue < h1:
        return cue
    seg = t[h0:h1]
    glued = [m.start() for m in _GLUED.finditer(seg) if abs(m.start() - left_w) <= 0.2 * W]
    sp = glued or [m.start() + 1 for m in re.finditer(" ", seg)]
    if not sp:
        return None
    return h0 + min(sp, key=lambda x: abs(x - left_w))


def _row_junction(t: str, target: float, W: float, counts) -> Optional[int]:
    """In a line of four column lines (two rows), where the second row starts: inside a token near `target`
    that is no word, after a fragment that is no word either, before a word."""
    best = None
    for m in re.finditer(r"\S+", t):
        if not (m.start() <= target + 0.4 * W and m.end() >= target - 0.4 * W):
            continue
        tok = m.group(0)
        core = tok.strip(".,;:!?\"„“”()")
        if _is_word(core, {core: counts.get(core, 0) - 1}) or not core.isalpha():
            # (the token itself is one of the document's counts: a word only where written twice)
            continue
        off = m.start() + tok.find(core)
        for k in range(2, len(core) - 2):
            head, tail = core[:k], core[k:]
            pt = _lexprob(tail) or -99.0
            if (_lexprob(head) or -99.0) >= -15.0 or pt < -14.0:
                continue
            # the likeliest second word, then the nearest ("Kommis" + "erreicht", not "Kommiserrei" + "cht")
            key = (-pt, abs(off + k - target))
            if best is None or key < best[0]:
                best = (key, off + k)
    return best[1] if best else None


def repair_side_by_side(N: str, nmap: list[int], page_breaks: list[int], W: float, suspended: set[str],
                        counts) -> tuple[str, list[int], list[int], list[str]]:
    """Blocks of rows of two columns read side by side, put back in reading order (see the module's doc).
    Returns the new (N, nmap, page_breaks) and the warnings; unchanged where no block is found."""
    if W < 20:
        return N, nmap, page_breaks, []
    lines = N.split("\n")
    starts, pos = [], 0
    for t in lines:
        starts.append(pos)
        pos += len(t) + 1
    cues: dict[int, int] = {}
    for i, t in enumerate(lines):
        if len(t.strip()) < 1.5 * W or "-" not in t:
            continue
        c = _cue(t, [x.strip() for x in lines[i + 1:i + 4] if x.strip()], W, suspended)
        if c is not None:
            cues[i] = c
    if len(cues) < 2:
        # one broken word in mid-line is no block (a typo, "Gerichtsver- fahren"); two rows are
        return N, nmap, page_breaks, []
    # blocks: the default mode writes a blank line between the text blocks of its layout analysis, and two
    # columns read as one are one such block: every line of it is a row of the two (or a column's line of its
    # own where the other column's line was short or missing); a block with two cue rows or more is read so
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip():
            j += 1
        if sum(1 for k in cues if i <= k <= j) >= 2:
            # a line shorter than a row at the block's edges is none of it (a title the default mode
            # writes without a blank line after it: "Die Aussage von EU-Kommissionspräsidentin Ursula von der")
            a, b = i, j
            while a < b and len(lines[a].strip()) < 1.5 * W:
                a += 1
            while b > a and len(lines[b].strip()) < 1.5 * W:
                b -= 1
            blocks.append((a, b))
        i = j + 1
    edits = []  # (first line, last line, new text, new map)
    warnings: list[str] = []
    for a, b in blocks:
        if any(starts[a] <= pb < starts[b] + len(lines[b]) for pb in page_breaks):
            continue
        if any(len(lines[k].split()) == 1 and len(lines[k + 1].split()) == 1 for k in range(a, b)):
            # a row broken into one line a word (poppler split a justified
            # line at its wide gaps): no split is sure there, the block is left as read, and logged
            warnings.append(f"columns read side by side: lines {a}-{b} left as read (rows not split)")
            continue
        left_w = statistics.median(cues[k] for k in cues if a <= k <= b)
        lefts: list[list[tuple[int, int]]] = []  # each left column line: its (N start, N end) ranges
        rights: list[list[tuple[int, int]]] = []
        unsplit = []
        for i in range(a, b + 1):
            t = lines[i]
            s0 = starts[i]
            n = len(t.rstrip())
            if n < 1.5 * W:
                # a column line of its own: the left column's where the left column's last line ends in a
                # broken word that it continues, or where no left line is open in this row; else the right's
                prev_l = N[lefts[-1][-1][0]:lefts[-1][-1][1]] if lefts else ""
                prev_r = N[rights[-1][-1][0]:rights[-1][-1][1]] if rights else ""
                side = "left" if len(lefts) <= len(rights) else "right"
                for other, name in ((prev_l, "left"), (prev_r, "right")):
                    if other.endswith("-") and t[:1].islower():
                        ml = _LETTERS_TAIL.search(other[:-1])
                        mh = _LETTERS_HEAD.match(t.strip())
                        if ml and mh and _is_word(ml.group(0).split("-")[-1] + mh.group(0), counts):
                            side = name
                            break
                (lefts if side == "left" else rights).append([(s0, s0 + n)])
                continue
            # several rows: the right column's line ended in a broken word, whose hyphen the default mode
            # deleted, and the next row was appended ("... und andere Leistundie konkreten Ansprüche noch
            # immer von gen an ..."): cut where a word no lexicon knows ends in one that starts the next row
            halves, h0 = [], 0
            while n - h0 > 2.8 * W:
                cut = _row_junction(t[h0:n], 2 * left_w, W, counts)
                if cut is None:
                    break
                halves.append((h0, h0 + cut))
                h0 += cut
            halves.append((h0, n))
            if n - h0 > 2.8 * W:
                unsplit.append(i)
                halves = []
            if not halves:
                lefts.append([(s0, s0 + n)])
                continue
            row_rights = []
            for h0, h1 in halves:
                c = _split_row(t, h0, h1, cues.get(i) if h0 == 0 else None, left_w, W)
                if h0 and c is not None:
                    # the row's right line starts with the rest of the word broken in the row before
                    # ("Leistun" + "gen")
                    ml = _LETTERS_TAIL.search(t[:h0])
                    alt = [m.end() for m in re.finditer(r" (?=[a-zäöüß])", t[h0:h1])
                           if abs(m.end() - left_w) <= 0.35 * W and ml
                           and _is_word(ml.group(0) + _LETTERS_HEAD.match(t[h0 + m.end():]).group(0), counts)]
                    if alt:
                        c = h0 + min(alt, key=lambda x: abs(x - left_w))
                if c is None:
                    unsplit.append(i)
                    lefts.append([(s0 + h0, s0 + h1)])
                    continue
                lefts.append([(s0 + h0, s0 + c - 1 if t[c - 1] == " " else s0 + c)])
                row_rights.append((s0 + c, s0 + h1))
            if row_rights:
                # the broken words of the right column go on in the next row's right line: one line, as
                # the default mode writes a column
                rights.append(row_rights)
        too_long = [r for r in lefts + rights if any(e - s > 1.45 * W for s, e in r)]
        if unsplit or too_long:
            # a line that is no row of two column lines (three columns read as one, a row whose junction
            # no word marks): the block is left as read, and logged
            warnings.append(f"columns read side by side: lines {a}-{b} left as read (rows not split)")
            continue
        text_parts, map_parts = [], []
        for k, ranges in enumerate(lefts + rights):
            if k:
                s = ranges[0][0]
                text_parts.append("\n")
                map_parts.append(nmap[s] if s < len(nmap) else nmap[-1])
            for s, e in ranges:
                text_parts.append(N[s:e])
                map_parts.extend(nmap[s:e])
        edits.append((a, b, "".join(text_parts), map_parts))
        warnings.append(f"columns read side by side: lines {a}-{b} put in reading order "
                        f"({len(lefts)} lines of the left column before {len(rights)} of the right)")
    if not edits:
        return N, nmap, page_breaks, warnings
    outN, outmap, cur = [], [], 0
    shift: list[tuple[int, int]] = []
    for a, b, txt, mp in edits:
        s, e = starts[a], starts[b] + len(lines[b])
        outN.append(N[cur:s])
        outmap.extend(nmap[cur:s])
        outN.append(txt)
        outmap.extend(mp)
        shift.append((e, len(txt) - (e - s)))
        cur = e
    outN.append(N[cur:])
    outmap.extend(nmap[cur:])
    pbs = [pb + sum(d for e, d in shift if e <= pb) for pb in page_breaks]
    return "".join(outN), outmap, pbs, warnings
