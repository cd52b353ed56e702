""""Apply to all mentions of this name": one reviewer decision carried to every other place
the same text occurs, in the article or in the corpus. Pure planning; the server turns the plan
into decisions of one batch (so one undo takes them all back)."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..schema import LABEL_FIELDS

# (article id, "accept" | "reject" | "correct" | "add", entity decided on or None, new fields or None)
Step = tuple[str, str, Optional[dict], Optional[dict]]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text` as a whole word sequence (not inside a longer word)."""
    if not needle.strip():
        return []
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def _values(ent: dict) -> dict:
    f = LABEL_FIELDS.get(ent["label"], {})
    return {k: ent.get(k) for k in f.get("required", ()) + f.get("optional", ()) if ent.get(k) is not None or k in f.get("required", ())}


def plan(ent: dict, records: Iterable[dict], own: tuple[str, int, int]) -> list[Step]:
    """The decisions that give every mention of `ent`'s text what `ent` has now.

    `ent` rejected: each pending entity with its label at a mention is rejected. Otherwise
    (accepted, corrected or pending: the reviewer vouches for it) `ent` itself is accepted if
    pending, and at each mention a pending entity with its label is accepted, a pending one with
    another label is relabelled, and where nothing covers the mention the entity is added.
    Entities a reviewer already decided are left as they are, and so is a mention that lies inside
    (or across) another entity: no overlaps are made."""
    own_id, own_s, own_e = own
    label, surface = ent["label"], ent["text"]
    out: list[Step] = []
    if ent.get("status") == "pending":
        out.append((own_id, "accept", ent, None))
    rejecting = ent.get("status") == "rejected"
    for rec in records:
        text = rec.get("text", "")
        if surface not in text:
            continue
        ents = rec.get("entities", [])
        for s, e in occurrences(text, surface):
            if rec["id"] == own_id and (s, e) == (own_s, own_e):
                continue
            here = [x for x in ents if x["start"] == s and x["end"] == e and x.get("status") != "rejected"]
            if rejecting:
                out.extend((rec["id"], "reject", x, None) for x in here if x["label"] == label and x.get("status") == "pending")
                continue
            same = [x for x in here if x["label"] == label]
            if same:
                out.extend((rec["id"], "accept", x, None) for x in same if x.get("status") == "pending")
                continue
            if here:
                out.extend((rec["id"], "correct", x, {"label": label, **_values(ent)}) for x in here[:1] if x.get("status") == "pending")
                continue
            if any(x["start"] < e and s < x["end"] and x.get("status") != "rejected" for x in ents):
                continue
            out.append((rec["id"], "add", None, {"start": s, "end": e, "label": label, **_values(ent)}))
    return out
