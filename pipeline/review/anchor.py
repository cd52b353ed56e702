"""Re-anchoring: finding a decided span again in a new run's text (same offsets when the text
is unchanged, else the occurrence whose context matches best). An occurrence that begins or
ends inside a word, where the decided span did not, is no occurrence: after "Bundesgerichtshof"
became "Bundesgerichtshoff" the decision is flagged ("surface_changed") for the reviewer, not
put on the first 17 characters of the new word (issue 15)."""
from __future__ import annotations

import re
from typing import Optional

from .log import CONTEXT, MIN_CONTEXT_MATCH

# --------------------------------------------------------------------------- re-anchoring


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(needle)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    if out:
        return out
    # 2. flexible whitespace (a re-flowed line, a removed line break)
    toks = needle.split()
    if not toks:
        return out
    out = [(m.start(), m.end()) for m in re.finditer(r"\s+".join(re.escape(t) for t in toks), text)]
    if out:
        return out
    # 3. hyphenation and soft hyphens: "Toka-\njew" <-> "Tokajew", "Toka\u00adjew"
    core = re.sub(r"[\s\u00ad]+", "", re.sub(r"-\s*\n\s*", "", needle))
    if len(core) < 2 or len(core) > 200:
        return out
    glue = r"(?:-?[ \t]*\n\s*|\u00ad|\s+|-)?"
    pat = glue.join(re.escape(ch) for ch in core)
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def cuts_a_word(text: str, start: int, end: int, before: str, after: str) -> bool:
    """Whether [start, end) of `text` begins or ends inside a word where the decided span, with
    its old context `before`/`after`, did not."""
    left = 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum() and not before[-1:].isalnum()
    right = 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum() and not after[:1].isalnum()
    return left or right


def locate(text: str, span: dict, same_text: bool = False) -> tuple[Optional[tuple[int, int]], str]:
    """Where `span` (start, end, text, before, after) lies in `text`: ((start, end), "") or (None, reason)."""
    s, e, t = span["start"], span["end"], span["text"]
    if same_text and text[s:e] == t:
        return (s, e), ""
    cands = _occurrences(text, t)
    if not cands:
        return None, "span_not_found"
    before, after = span.get("before") or "", span.get("after") or ""
    cands = [(cs, ce) for cs, ce in cands if not cuts_a_word(text, cs, ce, before, after)]
    if not cands:  # only inside longer words now: the surface changed
        return None, "surface_changed"
    scored = []
    for cs, ce in cands:
        ctx = _common_suffix(before, text[max(0, cs - len(before)):cs]) + _common_prefix(after, text[ce:ce + len(after)])
        scored.append((ctx, -abs(cs - s), cs, ce))
    scored.sort(reverse=True)
    best = scored[0]
    full = len(before) + len(after)
    if len(scored) == 1:
        # the only occurrence: still wants a little of its old surroundings
        if best[0] >= min(3, full):
            return (best[2], best[3]), ""
        return None, "context_changed"
    if best[0] >= min(MIN_CONTEXT_MATCH, full) and (best[0] > scored[1][0] or best[0] >= min(full, 2 * CONTEXT) * 0.75):
        return (best[2], best[3]), ""
    if best[0] == full and full > 0:
        return (best[2], best[3]), ""
    return None, "ambiguous"
