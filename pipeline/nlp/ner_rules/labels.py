"""Labels from a span's own words: a title or place descriptor (`descriptor_label`), a legal form,
organisation word or club prefix (`org_forms`), a kind of thing (`kinds`)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from .common import _NAME_LABELS

_ACRONYM_MAX = 6

#: a version number ("10.7", "8.1", "3.0"): the last word of a product's name, never of a person's,
#: organisation's or place's (session 26: "Mac OS X 10.7" ORG, "Android 8.1" LOC; gold MISC)
VERSION_NUMBER = re.compile(r"\d+(?:\.\d+)+")
EVENT_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # `kind_label`: a year after an event's head word


class LabelRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def descriptor_label(self, token: Token) -> Optional[str]:
        """PER for a person's title ('Hauptmann', names.json), LOC for a place descriptor
        ('Provinz'): what a name after it is."""
        if token.lower_ in self.titles:
            return "PER"
        if token.text.casefold() in self.place_descriptors:
            return "LOC"
        return None

    def org_label(self, span: Span, label: str) -> Optional[str]:
        """ORG for a PER/LOC span that names an organisation by its form, else None."""
        if label not in ("PER", "LOC"):
            return None
        last = span[-1].text
        if len(span) >= 2 and (last in self.legal_forms or last in self.org_heads or span[0].text in self.club_prefixes):
            return "ORG"  # "Rabaul Shipping Company", "RB Leipzig"
        if len(span) >= 2 and self.club_short_names_on and span[0].text in self.club_name_words:
            return "ORG"  # "Wacker Innsbruck", "Admira Wacker Mödling" PER (10kGNAD Sport; session 33)
        if label == "PER" and len(span) == 1 and 2 <= len(last) <= _ACRONYM_MAX and last.isalpha() and last.isupper():
            return "ORG"
        return None

    def org_noun(self, word: str) -> bool:
        """'Start-up-Unternehmen': a hyphenated word whose last part is an organisation noun of
        ``appositive_heads``/``org_apposition_heads``. Only the whole last part: a compound head
        would take places ("Westbank": "bank"; Wikinews dev)."""
        head = word.rsplit("-", 1)[-1].casefold()
        return head != word.casefold() and (self.appositive_heads.get(head) == "ORG"
                                            or self.org_apposition_heads.get(head) == "ORG")

    def kind_label(self, span: Span, label: str) -> Optional[str]:
        """MISC for an event or award, LOC for a building ('Fußball-Weltmeisterschaft',
        'Schloss Tullibole'; ``kind_heads``) that the model called PER/ORG/LOC; None when the
        span is no such name or ends in a legal form / organisation word."""
        last = span[-1].text
        if label not in _NAME_LABELS or last in self.legal_forms or last in self.org_heads:
            return None
        if len(span) > 1 and self.event_year.fullmatch(last):
            if span[-2].text in self.year_events:
                # session 30: a word that names an event only with its year ("Olympia 2022", ORG 3x on two web
                # pages of session 29; "Olympia" alone is also a place and a first name): `kind_heads` year_words
                return "MISC" if label != "MISC" else None
            # session 29: an event's year is inside its name (GUIDELINES.md), its head is the word before it:
            # "IBU Weltmeisterschaften 2005", "Olympischen Winterspielen 2006" (web news, ORG)
            span, last = span[:-1], span[-2].text
        words = [span[0].text, last.rsplit("-", 1)[-1]] if len(span) > 1 else [last.rsplit("-", 1)[-1]]
        kind = next((self.kind_words[w] for w in words if w in self.kind_words), None)
        for word in words if kind is None else ():
            low = word.lower()
            kind = kind or next((lab for e, lab in self.kind_endings if low.endswith(e) and len(low) > len(e)), None)
        if kind == "LOC" and len(span) == 2 and self.is_city_adjective(span[0].text):
            return None  # "Moskauer Stadion": a description, no building's name (GUIDELINES.md); "Frankfurter Musikpreis" is one
        return kind if kind != label else None

    def product_label(self, span: Span, label: str) -> Optional[str]:
        """MISC for a product the model called PER/ORG/LOC (session 26): a name ending in a
        version number ("Mac OS X 10.7" ORG, "Android 8.1" LOC; ``version_re``), and an ORG right
        after an indefinite article (names.json ``indefinite_articles``): a company's name after
        "ein"/"kein" is one of its products ("ein BMW", "in einem Skoda", "kein Tesla", "ein Commodore
        OS"). Not when the article belongs to a noun after the name ("eine al-Qaida nahestehende
        Gruppierung": an adjective follows) or the span holds an organisation word or legal form ("eine
        Nationale Kommission gegen Gewalt an Frauen"; Wikinews train)."""
        if label not in _NAME_LABELS:
            return None
        if len(span) >= 2 and self.version_re.fullmatch(span[-1].text):
            return "MISC"
        doc = span.doc
        if label != "ORG" or span.start == 0 or doc[span.start - 1].lower_ not in self.indefinite_articles:
            return None
        if span.end < len(doc) and doc[span.end].pos_ == "ADJ":
            return None
        if any(t.text in self.org_heads or t.text in self.legal_forms or self.org_noun(t.text) for t in span):
            return None
        if len(span) >= 2 and span[0].text in self.club_prefixes:
            return None  # "Ein Real Madrid in Bestform", "ein FC Bayern": a club as a kind of itself, no product (session 27)
        # an organisation as a kind of itself, not a product: "Eine NATO ohne die USA", "eine SPD, die wieder
        # Wahlen gewinnt" (an acronym in capitals: a party, alliance or body; a maker's brand is rarely one),
        # "eine EU, die handelt" (a relative clause after the name: its pronouns are the definite articles')
        if all(t.text.isupper() and len(t.text) >= 2 for t in span if t.is_alpha) and any(t.is_alpha for t in span):
            return None
        if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in self.definite_articles:
            return None
        return "MISC"
