"""Repairs of the model's PER/ORG/LOC spans: spaCy component ``presseschau_ner_rules``.

Runs after the model (ner + gazetteer) and before ``presseschau_names``, so that name
propagation starts from repaired spans and labels. Each repair fixes one error class of
issue 13 that the Wikinews **dev** split showed (training/EXPERIMENTS.md, "Session 6"
ablation), and each can be switched off in the component config:

* ``strip_descriptors`` -- role words, titles and place descriptors are not part of a name
  (annotations/GUIDELINES.md: ``Präsident [Kennedy]``, ``Provinz [Helmand]``):
  a PER span loses leading titles (``names.json`` ``titles``: "Hauptmann Abraham Sipe" ->
  "Abraham Sipe"), a LOC span leading place descriptors (``ner_rules.json``
  ``place_descriptors``: "Département Yvelines" -> "Yvelines", "Golfstaat Katar" -> "Katar"),
  any span a leading lowercase adjective ("österreichischen Verfassungsgerichtshof" ->
  "Verfassungsgerichtshof") and trailing tokens that cannot end a name (an opening bracket,
  a lowercase verb particle: "Newark (" -> "Newark");
* ``org_forms`` -- a PER or LOC span that ends in a legal form or an organisation head word
  (``legal_forms``, ``org_heads``: "Rabaul Shipping Company", "Japan Aerospace Exploration
  Agency") becomes ORG, and so does a single all-caps acronym the model called PER.

No span is made longer and none is added: a repair only shortens or relabels what the
model found (never a blind overwrite). The repaired spans are listed in
``doc.spans["presseschau_ner_rules"]``.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .normalize import lang_data

REPAIRED_SPANS = "presseschau_ner_rules"  # doc.spans key: the spans this component changed
_NAME_LABELS = ("PER", "ORG", "LOC")
_ACRONYM_MAX = 6


class NerRules:
    def __init__(self, strip_descriptors: bool = True, org_forms: bool = True):
        self.strip_descriptors = strip_descriptors
        self.org_forms = org_forms
        names = lang_data("names.json")
        data = lang_data("ner_rules.json")
        self.titles = frozenset(names["titles"])
        self.particles = frozenset(names["surname_particles"])
        self.place_descriptors = frozenset(w.casefold() for w in data["place_descriptors"])
        self.legal_forms = frozenset(data["legal_forms"])
        self.org_heads = frozenset(data["org_heads"])
        self.strip_pos = frozenset(data["strip_leading_pos"])
        self.trailing_pos = frozenset(data["strip_trailing_pos"])

    # -- single repairs, each on one span: -> (start, end, label), None = keep as it is --
    def trimmed(self, ent: Span) -> tuple[int, int]:
        """Token bounds of `ent` without leading descriptors and trailing non-name tokens."""
        label = ent.label_
        start, end = ent.start, ent.end
        doc = ent.doc
        while end - start > 1:
            t = doc[start]
            if t.text[:1].islower() and t.pos_ in self.strip_pos and t.lower_ not in self.particles \
                    and doc[start + 1].text[:1].isupper():
                start += 1  # "österreichischen Verfassungsgerichtshof"
            elif label == "PER" and t.lower_ in self.titles and doc[start + 1].text[:1].isupper():
                start += 1  # "Hauptmann Abraham Sipe"
            elif label == "LOC" and t.text.casefold() in self.place_descriptors and doc[start + 1].text[:1].isupper():
                start += 1  # "Département Yvelines"
            else:
                break
        while end - start > 1:
            t = doc[end - 1]
            if t.text in "([{„“\"'" or (t.text[:1].islower() and t.pos_ in self.trailing_pos
                                             and t.lower_ not in self.particles):
                end -= 1  # "Newark (", "Weihnachten heim"
            else:
                break
        return start, end

    def org_label(self, span: Span, label: str) -> Optional[str]:
        """ORG for a PER/LOC span that names an organisation by its form, else None."""
        if label not in ("PER", "LOC"):
            return None
        last = span[-1].text
        if len(span) >= 2 and (last in self.legal_forms or last in self.org_heads):
            return "ORG"
        if label == "PER" and len(span) == 1 and 2 <= len(last) <= _ACRONYM_MAX and last.isalpha() and last.isupper():
            return "ORG"
        return None

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            doc.spans[REPAIRED_SPANS] = []
            return doc
        out: list[Span] = []
        repaired: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in _NAME_LABELS:
                out.append(ent)
                continue
            start, end, label = ent.start, ent.end, ent.label_
            if self.strip_descriptors:
                start, end = self.trimmed(ent)
            if self.org_forms:
                label = self.org_label(doc[start:end], label) or label
            if (start, end, label) == (ent.start, ent.end, ent.label_):
                out.append(ent)
                continue
            span = Span(doc, start, end, label=label, kb_id=ent.kb_id_)
            out.append(span)
            repaired.append(span)
        if repaired:
            doc.ents = out
        doc.spans[REPAIRED_SPANS] = repaired
        return doc


@Language.factory(
    "presseschau_ner_rules",
    default_config={"strip_descriptors": True, "org_forms": True},
    requires=["doc.ents", "token.pos"],
    assigns=["doc.ents", "doc.spans"],
)
def make_ner_rules(nlp: Language, name: str, strip_descriptors: bool, org_forms: bool) -> NerRules:
    """strip_descriptors: cut titles, place descriptors and adjectives off the model's names;
    org_forms: ORG for PER/LOC spans ending in a legal form or organisation word, and for
    all-caps acronyms tagged PER (pipeline/lang/de/ner_rules.json)."""
    return NerRules(strip_descriptors=strip_descriptors, org_forms=org_forms)
