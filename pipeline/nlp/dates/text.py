"""Sentences, clauses and annotations, shared by the date and the figure rules."""
from __future__ import annotations

import re
import weakref
from typing import Any, Callable, Optional

from spacy.tokens import Doc, Token

from ..ext import token_texts
from ..normalize import lang_data, lookup_unit
from .common import _CLAUSE_PUNCT, _YEAR_TOKEN


_NUM_RANGE = re.compile(r"^(\d{1,4}\.?)([/–-])(\d{1,4}\.?)$")
_ORDINAL_PERIOD = re.compile(r"^\d+\.$")
_PLAIN_NUMBER = re.compile(r"^\d+(?:,\d+)?$")
_THOUSANDS_PERIOD = re.compile(r"^\d{1,3}(?:\.\d{3})+\.$")  # "5.000." at a sentence end
# a capitalised word of a closed class cannot be the noun an ordinal modifies: after "N." it opens a sentence
_SENTENCE_OPENER_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "AUX", "PART"})
# a cardinal's word before it ("nur", "sogar", "zirka", "es"); an article or a contracted preposition ("am", "der 3.")
# takes an ordinal, a noun or name a number of its own ("Platz 3.", "Windows 7.")
_CARDINAL_BEFORE_POS = frozenset({"ADV", "PRON", "VERB", "AUX", "CCONJ", "PART"})
_CONTRACTED_PREPOSITIONS = frozenset({"am", "im", "zum", "zur", "vom", "beim", "ans", "ins", "aufs"})
# "15.-18.03.2018" (dev8 wn82340): a first day, a dash and a whole numeric date in one token, two DATEs
_NUMERIC_DAY_RANGE = re.compile(r"^(\d{1,2}\.)([-–])(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?)$")
_NUM_UNIT_GLUED = re.compile(r"^(\d+(?:,\d+)?)([A-Za-z]{2,4})$")  # "1eV" (the tokenizer splits only the units it knows)
_SEMICOLON_JOINED = re.compile(r"^\d[\d.,]*%?;\d[\d.,]*%?$")  # "35,2%;1997" (no space after the semicolon)
_DECIMAL_PERIOD = re.compile(r"^\d+(?:[,:]\d+)+\.$")  # "1,5." "16:9." "1:1:1,5.": never an ordinal
# "der 1960er- und 1970er-Jahre", "der 20er- und 30er-Jahre": a decade with the suspension hyphen of a coordination
_SUSPENDED_DECADE = re.compile(r"^((?:1\d\d0|20\d0|[1-9]0)er)-$")


_WRAP_KEY = ("presseschau", "hard_wrapped")


#: the clause marks of the figures package's rough clause of a figure (`FigureRecognizer._clause_of`): `_CLAUSE_PUNCT`
#: without the dashes, as that clause was cut since session 12 (a dash inside it, a range "20 – 30" say, stays in)
CLAUSE_COMMAS = frozenset({",", ";", ":"})


_DOC_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access, so a rule
    that reads it per number or per entity is quadratic in the article's length. A Doc's text
    never changes (the retokenizer keeps it); the string is dropped with its Doc."""
    text = _DOC_TEXTS.get(doc)
    if text is None:
        text = _DOC_TEXTS[doc] = doc.text
    return text


def has_ann(doc: Doc, attr: str) -> bool:
    """Cached ``doc.has_annotation(attr)`` (spaCy scans every token on each call)."""
    key = ("presseschau", "has", attr, len(doc))
    v = doc.user_data.get(key)
    if v is None:
        v = doc.user_data[key] = doc.has_annotation(attr)
    return v


def _short_year_after_range(doc: Doc, i: int) -> bool:
    """Is doc[i] ("13.") the two-digit second year of a range the tokenizer split at the
    slash or dash ("Schuljahr 2012/13. Bisher ...")?"""
    return i >= 2 and len(doc[i].text) == 3 and doc[i - 1].text in ("/", "–", "-") \
        and not doc[i - 1].whitespace_ and bool(_YEAR_TOKEN.match(doc[i - 2].text))


def _cardinal_before_sentence(doc: Doc, i: int, months: Any, ordinal_nouns: frozenset, names: bool) -> bool:
    """Is doc[i] ("27.", "5.000.") a count whose period ends its sentence: a word of a closed class or, after a
    number with thousands points (no ordinal before a name), a name opens the next one, capitalised, and the word
    before the number is an adverb, pronoun, verb or conjunction, no article ("am 27. Auch" stays an ordinal day)?"""
    if i == 0 or i + 1 >= len(doc) or not doc.has_annotation("POS"):
        return False
    prev, nxt = doc[i - 1], doc[i + 1]
    if "\n" in prev.whitespace_ or prev.is_space or not nxt.text[:1].isupper() or nxt.text.lower() in months \
            or nxt.text.lower() in ordinal_nouns:
        return False
    if prev.pos_ not in _CARDINAL_BEFORE_POS or prev.text.lower() in _CONTRACTED_PREPOSITIONS:
        return False
    return nxt.pos_ in _SENTENCE_OPENER_POS or (names and nxt.pos_ == "PROPN")


def split_trailing_periods(doc: Doc) -> Doc:
    """Retokenize number tokens the German tokenizer keeps whole but that hold two date or
    figure parts: a sentence-final period ("1997." -> "1997" "."; the tokenizer keeps "2."
    together because it is usually an ordinal, so we only split when what follows cannot
    continue an ordinal: end of text, a line break, or, for 4-digit years, a word that is
    no month and no ordinal-taking noun, or a number; a decimal or a ratio with a period, "1,5." or
    "16:9.", always), ranges ("1890–1970", "27./28.") and a decade before a suspension hyphen ("20er-" of
    "20er- und 30er-Jahre")."""
    months = lang_data("dates.json")["months"]
    ordinal_nouns = frozenset(lang_data("dates.json")["ordinal_nouns"])
    ellipsis_links = frozenset(lang_data("dates.json")["relative_ellipsis"]["links"])
    todo: list[tuple[Token, list[str]]] = []
    texts = token_texts(doc)
    # both patterns start with a digit: look at those tokens only
    for i, text in enumerate(texts):
        if text.endswith(".") and i > 1 and texts[i - 1] == "/" and len(text) <= 4 and lookup_unit(f"{texts[i - 2]}/{text[:-1]}"):
            # the tokenizer keeps "h." of a compound unit at a sentence end: "412,28 km/h." -> "h" "."
            todo.append((doc[i], [text[:-1], "."]))
            continue
        if text.endswith(".") and 1 < len(text) <= 5 and i > 0 and _PLAIN_NUMBER.match(texts[i - 1]) and "\n" not in doc[i - 1].whitespace_ \
                and text[:-1].isalpha() and lookup_unit(text[:-1]) and i + 1 < len(texts) and texts[i + 1][:1].isupper():
            # a unit after its number at a sentence end: "wiegt 165g. Das" -> "165" "g" "." (dev15 wn75684), "165 g. Das"
            todo.append((doc[i], [text[:-1], "."]))
            continue
        if not text[:1].isdigit():
            continue
        t = doc[i]
        gm = _NUM_UNIT_GLUED.match(text)
        if gm and lookup_unit(gm.group(2)) and lookup_unit(gm.group(2))[0] not in ("s", "min", "h", "day", "week", "month", "year"):
            todo.append((t, [gm.group(1), gm.group(2)]))  # "1eV", "100PS": a number glued to its unit
            continue
        if ";" in text and _SEMICOLON_JOINED.match(text):
            # a results table without spaces: "35,2%;1997" -> "35,2" "%" ";" "1997"
            todo.append((t, re.findall(r"\d[\d.,]*\d|\d|[%;]", text)))
            continue
        sd = _SUSPENDED_DECADE.match(text)
        if sd and i + 1 < len(texts) and texts[i + 1] in ellipsis_links:
            # "20er- und 30er-Jahre": the first decade is its own DATE, the hyphen outside (GUIDELINES.md)
            todo.append((t, [sd.group(1), "-"]))
            continue
        dm = _NUMERIC_DAY_RANGE.match(text)
        if dm:
            todo.append((t, list(dm.groups())))
            continue
        rm = _NUM_RANGE.match(text)
        if rm:
            a, sep, b = rm.groups()
            if b.endswith(".") and not a.endswith(".") and len(b) > 2:
                # "1777/78." at the end of a sentence: range plus period
                todo.append((t, [a, sep, b[:-1], "."]))
            else:
                todo.append((t, [a, sep, b]))
            continue
        if _DECIMAL_PERIOD.match(text):
            todo.append((t, [text[:-1], "."]))  # a sentence-final decimal or ratio: "im Verhältnis 1 : 1 : 1,5."
            continue
        if _THOUSANDS_PERIOD.match(text) or _ORDINAL_PERIOD.match(text) and not _YEAR_TOKEN.match(text[:-1]):
            if _cardinal_before_sentence(doc, i, months, ordinal_nouns, names=bool(_THOUSANDS_PERIOD.match(text))):
                # "bisher nur 5.000. Mexikos ...", "in den USA sogar 27. Auch ...": a count ends the sentence
                todo.append((t, [text[:-1], "."]))
                continue
        if not _ORDINAL_PERIOD.match(text):
            continue
        num = text[:-1]
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is None or "\n" in t.whitespace_ + (nxt.text if nxt.is_space else ""):
            todo.append((t, [num, "."]))
        elif (_YEAR_TOKEN.match(num) or _short_year_after_range(doc, t.i)) and nxt.text.lower() not in months \
                and nxt.text.lower() not in ordinal_nouns and (nxt.text[:1].isupper() or nxt.is_punct
                                                                   or (nxt.text[:1].isdigit() and bool(_YEAR_TOKEN.match(num)))):
            # a year and a number after it: "im Jahr 2005. 1997 wurde ..." (no 2005th)
            todo.append((t, [num, "."]))
    if not todo:
        return doc
    parsed = has_ann(doc, "DEP")
    with doc.retokenize() as retok:
        for t, parts in todo:
            # a period split off ends the sentence: the number's head after it was the next sentence's word
            # ("nur 5.000. Mexikos Innenminister": no "5.000 Mexikos")
            ends = parts[-1] == "." and t.head.i > t.i
            head0 = t.head if (parsed and t.head.i != t.i and not ends) else (t, 0)
            heads = [head0] + [(t, 0)] * (len(parts) - 1)
            # a unit split off its number and period ("165g." -> "165" "g" "."): a noun, as the tagger has "165 g"
            pos = [("NOUN" if p.isalpha() and lookup_unit(p) else "PUNCT") if not p[:1].isdigit() else (t.pos_ or "NUM")
                   for p in parts]
            attrs: dict[str, Any] = {"POS": pos}
            if parsed:
                attrs["DEP"] = [t.dep_] + ["punct" if not p[:1].isdigit() else "conj" for p in parts[1:]]
            retok.split(t, parts, heads=heads, attrs=attrs)
    return doc


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """[start, end) token indices of the sentence around token i.

    Punctuation-based on purpose, also when the model sets sentence boundaries: a weak
    parser's boundaries ("... machte im Handelsblatt | Mitte August deutlich") cut clauses
    off their verb, and the tense cues need the whole clause. A line break ends a sentence
    unless the text is hard-wrapped (print layouts: most lines end without punctuation)."""
    wrapped = _hard_wrapped(doc)

    def brk(t: Token) -> bool:
        if t.text in (".", "!", "?"):
            return True
        ws = t.text if t.is_space else t.whitespace_
        if "\n" not in ws:
            return False
        return not wrapped or ws.count("\n") > 1

    start = i
    while start > 0 and not brk(doc[start - 1]):
        start -= 1
    end = i + 1
    while end < len(doc):
        t = doc[end]
        end += 1
        if brk(t):
            break
    return start, end


def _hard_wrapped(doc: Doc, text: Optional[str] = None) -> bool:
    cached = doc.user_data.get(_WRAP_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    if text is None:
        text = doc_text(doc)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    open_lines = sum(1 for ln in lines if not re.search(r"[.!?:;\"“”»)]$", ln))
    wrapped = len(lines) >= 5 and open_lines / len(lines) > 0.6
    doc.user_data[_WRAP_KEY] = (len(doc), wrapped)
    return wrapped


def clause_bounds(doc: Doc, start: int, end: int, s0: int, s1: int, punct: Any = _CLAUSE_PUNCT) -> tuple[int, int]:
    """[a, b) of the clause around [start, end) within the sentence [s0, s1): cut at the nearest
    token in `punct` on either side (the tokens of [start, end) themselves are not looked at)."""
    a = start
    while a > s0 and doc[a - 1].text not in punct:
        a -= 1
    b = end
    while b < s1 and doc[b].text not in punct:
        b += 1
    return a, b


def attributive_before_noun(t: Token, endings: tuple[str, ...], is_noun: Callable[[Token], bool]) -> bool:
    """An inflected participle (or adjective) right before its noun is an adjective, not a verb:
    "15 verletzte Polizisten", "hundert bunt geschmückten Festwagen", "weitere 20 verletzte Soldaten".
    True when `t` ends in one of `endings` (dates.json "attributive_endings" or
    "attributive_participle_endings", which differ on purpose: see there) and the next token passes
    `is_noun` (the callers' tests of a noun differ too: a tagger's NOUN, or a capitalized word)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and t.text.endswith(endings) and is_noun(nxt)
