"""Persons (`persons`): a listed first name with surname-like words, or a proper noun after a
person's role, that the model missed or mislabelled; role words and surname-like words."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .common import _FIRST_NAME_POS, _genitive
from .data import common_noun_lemma, compound_head

_PERSON_MAX = 4  # tokens of a person's name the `persons` repair makes ("Jon Dahl Tomasson")


class PersonRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def is_role(self, token: Token, word: Optional[str] = None) -> bool:
        """'Schiedsrichter', 'Juventus-Ex-Sportdirektor': a capitalised word naming a person's role
        (`word`: the part of the token to look at, 'Bundessprecher' of 'AfD-Bundessprecher')."""
        word = token.text if word is None else word
        return word[:1].isupper() and (word.lower() in self.titles or word.lower().endswith(self.role_endings))

    def surname_like(self, t: Token) -> bool:
        """A word that can continue a person's name: capitalised (not an acronym), letters
        with hyphens or an apostrophe, not sentence-initial, no organisation word, title or
        listed place, and no common noun by the lemma table unless a listed surname; a
        compound with a naming head is a street or a building ('Jehudastraße')."""
        w = t.text
        if not w[:1].isupper() or (w.isupper() and len(w) > 1) or t.is_sent_start \
                or not all(part.isalpha() for part in w.replace("'", "-").split("-") if part):
            return False
        if w in self.legal_forms or w in self.org_heads or t.lower_ in self.titles or w in self.known_places:
            return False
        if common_noun_lemma(w) is not None and w not in self.surnames:
            return False
        return compound_head(w) not in self.name_heads

    def person_end(self, doc: Doc, i: int) -> Optional[int]:
        """End of a person's name starting at token `i`: a listed first name (no common noun,
        not sentence-initial) or a proper noun after a role word, followed by surname-like
        words up to a genitive ('Theresa Mays'); None when there is no such name. A role
        word backs a single proper noun ('Sportdirektor Moggi'); a first name needs a surname."""
        t = doc[i]
        first = t.text in self.first_names and not t.text.isupper() and t.pos_ in _FIRST_NAME_POS \
            and not t.is_sent_start and common_noun_lemma(t.text) is None
        role = i > 0 and t.pos_ == "PROPN" and t.text[:1].isupper() and self.is_role(doc[i - 1])
        if not (first or role):
            return None
        end = i + 1
        while end < len(doc) and end - i < _PERSON_MAX and not _genitive(doc[end - 1]) and self.surname_like(doc[end]):
            end += 1
        if end == i + 1 and not (role and self.surname_like(t)):
            return None
        return end

    def add_persons(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """PER for the persons `person_end` finds: added where no entity is, replacing ORG/LOC
        spans that lie inside the name ('Gerhart' ORG + 'Jander' LOC), or a PER span
        extended by the first name before it; never over a PER or MISC span, a listed place
        or a name of the model's gazetteer (no blind overwrite)."""
        owner = {i: k for k, e in enumerate(ents) for i in range(e.start, e.end)}
        # a name an organisation noun typed ORG in this article is no person after a role word:
        # "Vorstandsvorsitzender [Covestro]" after "Der Kunststoff-Hersteller [Covestro]" (session 14)
        org_typed = {e.text for e in typed if e.label_ == "ORG"} if self.org_apposition else set()
        # ... nor a run that ends in such a name: "Project Manager Concept Development [Nordex]", the company
        # typed by its legal form elsewhere (`company_short_names`, session 32)
        org_typed_ends = {e.end: e.start for e in typed if e.label_ == "ORG"} if self.org_apposition else {}
        new, drop = [], set()
        i = 0
        while i < len(doc):
            end = self.person_end(doc, i)
            if end is not None and (doc[i:end].text in org_typed or org_typed_ends.get(end, -1) >= i):
                end = None
            if end is None:
                i += 1
                continue
            inside = sorted({owner[x] for x in range(i, end) if x in owner})
            spans = [ents[k] for k in inside]
            if i > 0 and len(spans) == 1 and spans[0].label_ == "PER" and (spans[0].start, spans[0].end) == (i, end) \
                    and self.is_role(doc[i - 1]) and not self.place_or_genitive(spans[0], ents):
                # the model's own PER after a role word ("Schiedsrichter [Undiano]") is decided by the
                # context as much as one this repair makes: typed, so that `context_wins` beats the
                # model's other guesses for the word ("Undiano" LOC 4x). Session 15: the shipped ner
                # said LOC there and this repair typed its PER; the augmented ner said PER itself,
                # the repair did nothing and the majority turned all five into LOC.
                typed.append(spans[0])
                i = end
                continue
            span = None
            if len(spans) == 1 and spans[0].label_ == "PER" and spans[0].start == i + 1 and i not in owner:
                span = Span(doc, i, spans[0].end, label="PER")  # "Barnaba [Marial Benjamin]"
            elif not any(e.start < i or e.end > end or e.label_ in ("PER", "MISC") for e in spans) \
                    and not (spans and (doc[i:end].text in self.known_names or doc[i:end].text in self.known_places)):
                span = Span(doc, i, end, label="PER")
            if span is None:
                i += 1
                continue
            drop.update(inside)
            new.append(span)
            i = span.end
        if not new:
            return ents
        repaired.extend(new)
        typed.extend(new)
        return sorted([e for k, e in enumerate(ents) if k not in drop] + new, key=lambda e: e.start)

    def place_or_genitive(self, span: Span, ents: list[Span]) -> bool:
        """A place of the gazetteer, or a genitive of one or of another name of the article: after a
        role word it is whose role it is ("Trainer [Ghanas]", "Schlussmann [Kameruns]"), not the
        person, even where the model said PER."""
        text = span.text
        names = {e.text for e in ents if e.start != span.start}
        return text in self.known_places or _genitive(span[-1]) or self.genitive_of_name(span, names)
