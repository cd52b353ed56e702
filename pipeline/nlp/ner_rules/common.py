"""What the repairs share: the labels they repair, the tags of first names, brackets, and the genitive test."""
from __future__ import annotations

from spacy.tokens import Token

_FIRST_NAME_POS = ("PROPN", "NOUN", "X")  # the tagger calls first names NOUN at times ("Vincent Aboubakar")
_NAME_LABELS = ("PER", "ORG", "LOC")
_OPENING_BRACKETS = frozenset({"(", "[", "{"})
_CLOSING_BRACKETS = frozenset({")", "]", "}"})


def _genitive(t: Token) -> bool:
    """'Peel's', 'Mays' (Case=Gen): a name in the genitive ends there; the noun after it is its possession."""
    return t.text.endswith(("'s", "’s")) or (t.text.endswith("s") and "Gen" in t.morph.get("Case"))
