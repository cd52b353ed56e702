"""Word boundaries for editing a span: where a reviewer's start and end may fall.

One function decides it for the server and the app: the server sends each article's words
(`word_spans`) with the article, the app snaps drags, selections and arrow keys to them, and
the server refuses a correction or an addition that cuts a word unless the reviewer asked for a
sub-word explicitly.

The words are the tokens of the pipeline's tokenizer (spaCy's German rules, the same as the
model's: `tests/test_review_words.py` checks it on the seeds), or the record's own `tokens` where
it carries them, refined where a token holds more than one word a person may mark:
  * punctuation at a token's edge is a word of its own: "1997." -> "1997" ".";
  * a hyphen, dash or slash inside a token separates words: "Deutschland–Serbien",
    "Nato-Staaten", "2012/13".
On the dev split of the Wikinews NER corpus every one of the 2,169 human spans starts and ends
on these boundaries (with the bare tokens 14 do not: "31. Juli 2007." ends a sentence); so do
the 473 reviewed entities of the committed seed output.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Optional

# Joiners inside a token that separate two words (typographic, not German: the tokenizer's own
# infix rules keep hyphenated compounds and number ranges whole).
JOINERS = "-\u2010\u2011\u2012\u2013\u2014/"
_JOIN = re.compile("[" + re.escape(JOINERS) + "]")
_WORDCH = re.compile(r"[^\W_]")


@functools.lru_cache(maxsize=32)
def _tokens(text: str) -> tuple[tuple[int, int], ...]:
    # cached: an import checks each new span of an article against its words (`log.make_decision`)
    from ..interop.common import tokenizer

    return tuple((t.idx, t.idx + len(t.text)) for t in tokenizer().make_doc(text) if not t.is_space)


def record_tokens(record: dict) -> Optional[list[tuple[int, int]]]:
    """The record's own token offsets (`tokens`: [[start, end], ...] or Prodigy-style
    [{"start", "end"}, ...]) when it carries usable ones, else None."""
    toks = record.get("tokens")
    if not isinstance(toks, list) or not toks:
        return None
    n = len(record.get("text", ""))
    out = []
    for t in toks:
        try:
            s, e = (t["start"], t["end"]) if isinstance(t, dict) else (t[0], t[1])
        except (KeyError, IndexError, TypeError):
            return None
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
            return None
        out.append((s, e))
    return sorted(out)


def _split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """One token -> its words: edge punctuation apart, split at joiners inside."""
    out: list[tuple[int, int]] = []
    tok = text[s:e]
    a, b = 0, len(tok)
    while a < b and not _WORDCH.match(tok[a]):
        a += 1
    while b > a and not _WORDCH.match(tok[b - 1]):
        b -= 1
    if a == b:  # punctuation only ("–", "..."): one word
        return [(s, e)]
    out.extend((s + i, s + i + 1) for i in range(a))
    i = a
    for m in _JOIN.finditer(tok, a, b):
        if m.start() > i:
            out.append((s + i, s + m.start()))
        out.append((s + m.start(), s + m.end()))
        i = m.end()
    if b > i:
        out.append((s + i, s + b))
    out.extend((s + i, s + i + 1) for i in range(b, len(tok)))
    return out


def word_spans(text: str, tokens: Optional[list[tuple[int, int]]] = None) -> list[tuple[int, int]]:
    """The words of `text` in order, as (start, end) code-point offsets; whitespace is in none."""
    out: list[tuple[int, int]] = []
    for s, e in tokens if tokens is not None else _tokens(text):
        # the record's tokens may hold spaces; the tokenizer's never do
        for m in re.finditer(r"\S+", text[s:e]):
            out.extend(_split(text, s + m.start(), s + m.end()))
    return out


def words_of(record: dict) -> list[tuple[int, int]]:
    return word_spans(record["text"], record_tokens(record))


def flat(spans: list[tuple[int, int]]) -> list[int]:
    """[s0, e0, s1, e1, ...]: the form the app receives (half the JSON of a list of pairs)."""
    return [x for se in spans for x in se]


def boundaries(spans: list[tuple[int, int]]) -> tuple[frozenset, frozenset]:
    return frozenset(s for s, _ in spans), frozenset(e for _, e in spans)


def cut_words(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[str]:
    """The words that [start, end) cuts (begins or ends inside), empty when it keeps them whole."""
    out = []
    for s, e in spans:
        if s < start < e or s < end < e:
            out.append(text[s:e])
        if s >= end:
            break
    return out


def snap(start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """[start, end) widened to whole words (the app does the same in `snapSpan`)."""
    a, b = start, end
    for s, e in spans:
        if s < start < e:
            a = s
        if s < end < e:
            b = e
    return a, b


def check_span(text: str, start: Any, end: Any, spans: list[tuple[int, int]]) -> Optional[str]:
    """Why [start, end) may not be saved without the sub-word override, or None."""
    from .log import offset

    try:
        start, end = offset(start), offset(end)
    except ValueError:
        return None  # make_decision reports malformed offsets
    if not 0 <= start < end <= len(text):
        return None  # and spans outside the text
    why = cuts(text, start, end, spans)
    return why and why + ". Send subword: true to keep a part of a word"


def cuts(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Optional[str]:
    """“ingela Merkel” cuts the word “Angela”; whole words: “Angela Merkel” [s, e): what is wrong
    with a span [start, end) that cuts a word, and its whole words; None when it keeps them whole."""
    cut = cut_words(text, start, end, spans)
    if not cut:
        return None
    s, e = snap(start, end, spans)
    return (f"“{text[start:end]}” cuts the word{'s' if len(cut) > 1 else ''} "
            + ", ".join(f"“{w}”" for w in cut) + f"; whole words: “{text[s:e]}” [{s}, {e})")
