"""spaCy DocBin: one `Doc` per article (spaCy's German tokenizer, no model).

`doc.ents`: the reviewed entities (accepted, corrected), non-overlapping (reviewed, then longer
spans win); pending model guesses only with `include_pending`, and then also listed apart in
`doc.spans["presseschau_pending"]`. `doc.spans["presseschau"]`: every exported entity,
overlaps included. `doc.user_data`: `article_id` and `statuses` ([start, end, label, status]).
"""
from __future__ import annotations

from .common import KEEP, SPAN_KEY, non_overlapping, tokenizer, wanted

PENDING_KEY = "presseschau_pending"


def to_docbin(records: list[dict], accepted_only: bool = False, include_pending: bool = False):
    from spacy.tokens import DocBin

    nlp = tokenizer()
    db = DocBin(store_user_data=True)
    for r in records:
        doc = nlp.make_doc(r["text"])
        spans = []
        for e in r.get("entities", []):
            if not wanted(e, accepted_only=accepted_only, include_pending=include_pending):
                continue
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
        doc.ents = ents
        doc.user_data["article_id"] = r["id"]
        doc.user_data["statuses"] = [[e["start"], e["end"], e["label"], e.get("status")] for e, _ in spans]
        db.add(doc)
    return db
