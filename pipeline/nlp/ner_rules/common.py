"""What the repairs share: the labels they repair, the tags of first names, brackets, the genitive test, the
version or model number a product's name ends in, the tokens of dates and figures, and how added spans join the
entities."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..ext import DATE_SPANS, FIGURE_SPANS

_FIRST_NAME_POS = ("PROPN", "NOUN", "X")  # the tagger calls first names NOUN at times ("Vincent Aboubakar")
_NAME_LABELS = ("PER", "ORG", "LOC")
_OPENING_BRACKETS = frozenset({"(", "[", "{"})
_CLOSING_BRACKETS = frozenset({")", "]", "}"})


def _genitive(t: Token) -> bool:
    """'Peel's', 'Mays' (Case=Gen): a name in the genitive ends there; the noun after it is its possession."""
    return t.text.endswith(("'s", "’s")) or (t.text.endswith("s") and "Gen" in t.morph.get("Case"))


#: a version or model number as one token: a number ("5", "208"), its point parts ("3.0", "10.10"), a variant after a
#: hyphen ("767-300"), a letter suffix ("6s", "5.0a2"); what each rule takes of it: `model_number`, `dotted_version`
_VERSION = re.compile(r"(?P<number>\d+)(?P<points>(?:\.\d+)*)(?:-(?P<variant>\d+))?(?P<suffix>[a-z]{1,2}\d*)?")
_PRE_RELEASE = re.compile(r"[ab]\d*")  # an alpha's or beta's suffix: "5.0a2", "4.0b1"


def version_token(text: str) -> Optional[re.Match]:
    """The parts (number, points, variant, suffix) of a token that is a version or model number, else None: the one
    recogniser of bounds.py `version_end` and labels.py `product_version_end` / `product_label` (session 36: each had
    its own pattern)."""
    return _VERSION.fullmatch(text)


def model_number(text: str, max_digits: int) -> bool:
    """A product's version or model number after a MISC span (`version_end`): "5", "11", "3.0", "208", "767-300",
    "6s", of at most `max_digits` digits before any point (ner_rules.json ``misc_version_numbers``; more is a year)."""
    m = version_token(text)
    return m is not None and len(m["number"]) <= max_digits


def dotted_version(text: str, pre_release: bool) -> bool:
    """A version number with points and nothing else ("10.7", "8.1", "3.0"; `product_label`), with `pre_release`
    also with an alpha's or beta's suffix ("5.0a2", "4.0b1"; `product_version_end`)."""
    m = version_token(text)
    if m is None or not m["points"] or m["variant"] is not None:
        return False
    return m["suffix"] is None or (pre_release and _PRE_RELEASE.fullmatch(m["suffix"]) is not None)


def date_figure_tokens(doc: Doc) -> set[int]:
    """The tokens of the dates and figures components' spans: no name is added over them."""
    return {i for key in (DATE_SPANS, FIGURE_SPANS) for sp in doc.spans.get(key, []) for i in range(sp.start, sp.end)}


def with_added(ents: list[Span], added: list[Span], repaired: list[Span], typed: Optional[list[Span]] = None) -> list[Span]:
    """`ents` and the spans a rule `added`, in the order of their starts (`ents` itself when it added none); the added
    spans are noted among the `repaired` and, where given, the `typed` (labelled by their context: strong evidence
    for presseschau_names)."""
    if not added:
        return ents
    repaired.extend(added)
    if typed is not None:
        typed.extend(added)
    return sorted(ents + added, key=lambda e: e.start)
