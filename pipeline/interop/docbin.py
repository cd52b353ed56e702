"""spaCy DocBin: one `Doc` per article (spaCy's German tokenizer, no model).

`doc.ents`: the reviewed entities (accepted, corrected), non-overlapping (reviewed, then longer
spans win); pending model guesses only with `include_pending`, and then also listed apart in
`doc.spans["presseschau_pending"]`. Without it, the tokens of a pending guess are *missing*
(`ent_iob_ == ""`), not "O": spaCy's training takes every token outside `doc.ents` as no entity,
and an unreviewed guess is unknown. Rejected entities and the rest of the text are "O". `doc.spans["presseschau"]`: every exported entity,
overlaps included. `doc.user_data`: `article_id`, `statuses` ([start, end, label, status]) and
`values` ([start, end, label, {field: value}], in the same order: the entity's normalised values
as in `articles.jsonl`, a DATE's ISO `value` and `type`, a FIGURE's `value`, `unit`, `about`,
`qualifier`, `event`, a name's `canonical`). `DocBin(store_user_data=True)` keeps `user_data`:
`DocBin().from_disk(path).get_docs(vocab)` gives them back.
"""
from __future__ import annotations

from .common import KEEP, SPAN_KEY, entity_values, non_overlapping, tokenizer, wanted

PENDING_KEY = "presseschau_pending"


def _doc(nlp, text: str, cuts: set[int]):
    """The tokenizer's Doc, with a token split where an entity begins or ends inside it: the
    review's words split at hyphens ("Kreml" of "Kreml-Kritikern"), spaCy's German tokens do
    not, and an entity must keep its own offsets (not be widened to the whole token)."""
    from spacy.tokens import Doc

    doc = nlp.make_doc(text)
    words, spaces, split = [], [], False
    for t in doc:
        inner = sorted(c for c in cuts if t.idx < c < t.idx + len(t.text))
        split = split or bool(inner)
        bounds = [t.idx] + inner + [t.idx + len(t.text)]
        words += [text[a:b] for a, b in zip(bounds, bounds[1:])]
        spaces += [False] * len(inner) + [bool(t.whitespace_)]
    return Doc(nlp.vocab, words=words, spaces=spaces) if split else doc


def to_docbin(records: list[dict], accepted_only: bool = False, include_pending: bool = False):
    from spacy.tokens import DocBin

    nlp = tokenizer()
    db = DocBin(store_user_data=True)
    for r in records:
        ents = [e for e in r.get("entities", []) if wanted(e, accepted_only=accepted_only, include_pending=include_pending)]
        doc = _doc(nlp, r["text"], {i for e in ents for i in (e["start"], e["end"])})
        spans = []
        for e in ents:
            sp = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand")
            if sp is not None:
                spans.append((e, sp))
        doc.spans[SPAN_KEY] = [sp for _, sp in spans]
        doc.spans[PENDING_KEY] = [sp for e, sp in spans if e.get("status") not in KEEP]
        chosen = {id(e) for e in non_overlapping([e for e, _ in spans])}
        ents, last_end = [], -1
        for e, sp in sorted(spans, key=lambda x: x[1].start):
            if id(e) in chosen and sp.start >= last_end:  # token-expanded spans may still touch
                ents.append(sp)
                last_end = sp.end
        # spaCy reads a token outside doc.ents as "O" (no entity); a model guess left out of the
        # export (pending, not reviewed) is unknown: its tokens are missing, not taught as "O"
        covered = {i for sp in ents for i in range(sp.start, sp.end)}
        unknown: set[int] = set()
        for e in r.get("entities", []):
            if e.get("status", "pending") != "pending" or wanted(e, accepted_only=accepted_only, include_pending=include_pending):
                continue
            sp = doc.char_span(e["start"], e["end"], alignment_mode="expand")
            if sp is not None:
                unknown.update(i for i in range(sp.start, sp.end) if i not in covered)
        doc.set_ents(ents, missing=[doc[i:i + 1] for i in sorted(unknown)], default="outside")
        doc.user_data["article_id"] = r["id"]
        doc.user_data["statuses"] = [[e["start"], e["end"], e["label"], e.get("status")] for e, _ in spans]
        doc.user_data["values"] = [[e["start"], e["end"], e["label"], entity_values(e)] for e, _ in spans]
        db.add(doc)
    return db
