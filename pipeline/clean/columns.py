"""Pass 5: columns read out of order put back in reading order; emitting the clean text
with its offset map."""
from __future__ import annotations

from .data import _HYPHENS, _LETTERS_HEAD, _LETTERS_TAIL, _lexprob, lexicon
from .lines import _Ctx, _Line, _ends_sentence, _swapped_pair
from .hyphenation import _Assembler, _Tok

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


def _is_word(asm: _Assembler, w: str, strong: bool) -> bool:
    """`w` is a word: strong evidence = the document writes it or the lexicon knows it as a
    common form (log prob >= -14.5); weak evidence = any lexicon entry, or a compound of two
    known words ("Regional|parlaments")."""
    if asm.c.counts.get(w, 0) or (_lexprob(w) or -99.0) >= -14.5:
        return True
    if strong:
        return False
    if asm.known(w) is not None:
        return True
    return any((_lexprob(w[:k]) or -99.0) >= -14.0 and (_lexprob(w[k:].capitalize()) or -99.0) >= -13.0
               for k in range(4, len(w) - 3))


def _repair_interleaved_lines(ctx: _Ctx, body: list[_Line], asm: _Assembler) -> list[_Line]:
    """A line of the other column (or a word box of a widely spaced line) read in mid-sentence
    (pdfminer): "Nobelpreisträ-" / "Intellektuelle, Menschenrechtsaktivisten, und" / "ger,".
    The line after a word broken at a line end does not continue it (the joined word and the
    hyphenated one are both unknown) while one of the next three lines starts with the rest
    of the word ("Nobelpreisträger" is a word): that line moves up behind the broken word,
    and a warning logs the move ("line moved: ..."). Nothing is dropped, only reordered."""
    out = list(body)
    moves = 0
    k = 0
    while k < len(out) - 2 and moves < 20:
        t = ctx.kept_text(out[k])
        last = t.split()[-1] if t.split() else ""
        k += 1
        if len(last) < 3 or last[-1] not in _HYPHENS or not last[-2].isalpha():
            continue
        ml = _LETTERS_TAIL.search(last[:-1])
        if not ml or "-" in ml.group(0):
            continue
        left = ml.group(0)
        nxt = ctx.kept_text(out[k])
        if (lexicon().get(left) or -99.0) >= -15.0 or ctx.counts.get(left, 0) > 1:
            # the first half is a word of its own ("EU-" / "Kommission", "Windows-" / "Rechner")
            continue
        if nxt[:1].islower():
            # a word broken inside ("Nobelpreisträ-") goes on in lowercase, so a next line in
            # capitals or punctuation does not continue it; one in lowercase does, unless it is
            # a word box of a widely spaced line (short) that pdfminer read in between and the
            # joined word is none ("traditio-" / "starker" / "Industriebundesland mit" / "nelle")
            mn = _LETTERS_HEAD.match(nxt)
            if not mn or len(nxt) >= 0.5 * ctx.L or _is_word(asm, left + mn.group(0), strong=False) or _is_word(asm, left + mn.group(0).split("-")[0], strong=False):
                continue
        for j in range(k + 1, min(k + 4, len(out))):
            cand = ctx.kept_text(out[j])
            mc = _LETTERS_HEAD.match(cand)
            if not (mc and cand[:1].islower() and _is_word(asm, left + mc.group(0), strong=False)):
                continue
            prev = ctx.kept_text(out[j - 1]).split()
            mp = _LETTERS_TAIL.search(prev[-1][:-1]) if prev and prev[-1][-1:] in _HYPHENS else None
            if mp and _is_word(asm, mp.group(0) + mc.group(0), strong=False):
                break  # the candidate continues the line before it
            ln = out.pop(j)
            out.insert(k, ln)
            ctx.warnings.append(f"line moved: line {ln.i} continues the word broken at line {out[k - 1].i} "
                                f"(read between lines of another column)")
            moves += 1
            break
    return out


def _repair_swapped_lines(ctx: _Ctx, body: list[_Line]) -> list[_Line]:
    """The first line of a paragraph read before the last line of the paragraph above it
    (pdfminer; see `_swapped_pair` for the evidence): the two lines change places and a
    warning logs it ("lines swapped: ..."). Nothing is dropped, only reordered."""
    out = list(body)
    moves = 0
    k = 1
    while k < len(out) - 2 and moves < 20:
        x, y, z, w = out[k - 1:k + 3]
        if y.i == x.i + 1 and z.i == y.i + 1 and _swapped_pair(ctx, x, y, z, w):
            out[k], out[k + 1] = z, y
            ctx.warnings.append(f"lines swapped: line {z.i} ends the paragraph that line {y.i} was read into")
            moves += 1
            k += 2
            continue
        k += 1
    return out


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
