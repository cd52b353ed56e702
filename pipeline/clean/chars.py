"""Pass 1: character normalisation (mojibake, Unicode composition, ligatures, invisible
characters, spaces, line separators) with a map back to the raw text."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from ..schema import Removed

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
#: the cleaner's one-for-one replacement of the space characters, for readers of raw text that must
#: see what the pipeline sees without moving an offset (evaluate.rules scores gold offsets of raw text)
SPACES_AS_BLANKS = {ord(c): " " for c in _SPACE_CHARS}
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
