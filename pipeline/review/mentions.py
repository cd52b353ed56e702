""""Apply to all mentions of this name": one reviewer decision carried to every other place
the same text occurs, in the article or in the corpus. Pure planning; the server turns the plan
into decisions of one batch (so one undo takes them all back)."""
from __future__ import annotations

from typing import Iterable, Optional

from ..schema import LABEL_FIELDS
from .log import KEPT, crosses

# (article id, "accept" | "reject" | "correct" | "add", entity decided on or None, new fields or None)
Step = tuple[str, str, Optional[dict], Optional[dict]]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text` as a whole word sequence (not inside a longer word).
    `str.find` with a look at the neighbours: a regular expression with look-arounds was 16x
    slower (bench/bench_review.py), and this runs over every article of the corpus for "apply to all mentions"."""
    if not needle.strip():
        return []
    out = []
    n, i = len(needle), text.find(needle)
    while i != -1:
        e = i + n
        if not (i > 0 and _word(text[i - 1])) and not (e < len(text) and _word(text[e])):
            out.append((i, e))
            i = text.find(needle, e)  # mentions do not overlap ("Bad Bad" in "Bad Bad Bad": once)
        else:
            i = text.find(needle, i + 1)
    return out


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _values(ent: dict) -> dict:
    f = LABEL_FIELDS.get(ent["label"], {})
    return {k: ent.get(k) for k in f.get("required", ()) + f.get("optional", ()) if ent.get(k) is not None or k in f.get("required", ())}


def _kept_over(x: dict, kept: list[tuple[int, int]]) -> bool:
    """Whether a span a reviewer kept (`kept`: the article's) overlaps `x`, not on its very span:
    keeping `x` too would keep both (`log.make_decision` refuses it), so the mention is left as it is."""
    return any(crosses(k, (x["start"], x["end"])) for k in kept)


def plan(ent: dict, records: Iterable[dict], own: tuple[str, int, int]) -> list[Step]:
    """The decisions that give every mention of `ent`'s text what `ent` has now.

    `ent` rejected: each pending entity with its label at a mention is rejected. Otherwise
    (accepted, corrected or pending: the reviewer vouches for it) `ent` itself is accepted if
    pending, and at each mention a pending entity with its label is accepted (given `ent`'s canonical
    name where the reviewer corrected it and the mention has another), a pending one with
    another label is relabelled, and where nothing covers the mention the entity is added.
    Entities a reviewer already decided are left as they are (a mention rejected with `ent`'s label
    too: no entity is added over it), and so is a mention that lies inside (or across) another
    entity, and a pending one that overlaps an entity a reviewer kept: no overlaps are made."""
    own_id, own_s, own_e = own
    label, surface = ent["label"], ent["text"]
    out: list[Step] = []
    if ent.get("status") == "pending":
        out.append((own_id, "accept", ent, None))
    rejecting = ent.get("status") == "rejected"
    # a name's canonical form is the same wherever its text is (a date's or a figure's values depend
    # on the sentence: those mentions keep their own); a corrected one is carried to the mentions
    name = ent.get("canonical") if "canonical" in LABEL_FIELDS.get(label, {}).get("optional", ()) and ent.get("status") == "corrected" else None
    for rec in records:
        text = rec.get("text", "")
        if surface not in text:
            continue
        ents = rec.get("entities", [])
        at: dict[tuple[int, int], list[dict]] = {}  # the record's entities by span: one pass, not one per mention
        refused: set[tuple[int, int]] = set()  # spans a reviewer rejected with this label: decided, left alone
        kept: list[tuple[int, int]] = []  # the spans a reviewer kept (`_kept_over`)
        for x in ents:
            if x.get("status") != "rejected":
                at.setdefault((x["start"], x["end"]), []).append(x)
                if x.get("status") in KEPT:
                    kept.append((x["start"], x["end"]))
            elif x["label"] == label:
                refused.add((x["start"], x["end"]))
        for s, e in occurrences(text, surface):
            if rec["id"] == own_id and (s, e) == (own_s, own_e):
                continue
            if (s, e) in refused and not rejecting:
                continue  # an `add` here would undo the reviewer's rejection without a word
            here = at.get((s, e), [])
            if rejecting:
                out.extend((rec["id"], "reject", x, None) for x in here if x["label"] == label and x.get("status") == "pending")
                continue
            same = [x for x in here if x["label"] == label]
            if same:
                for x in same:
                    if x.get("status") != "pending" or _kept_over(x, kept):
                        continue
                    if name and x.get("canonical") != name:  # the reviewer's name for it, not the pipeline's
                        out.append((rec["id"], "correct", x, {"canonical": name}))
                    else:
                        out.append((rec["id"], "accept", x, None))
                continue
            if here:
                out.extend((rec["id"], "correct", x, {"label": label, **_values(ent)}) for x in here[:1]
                           if x.get("status") == "pending" and not _kept_over(x, kept))
                continue
            if any(x["start"] < e and s < x["end"] and x.get("status") != "rejected" for x in ents):
                continue
            out.append((rec["id"], "add", None, {"start": s, "end": e, "label": label, **_values(ent)}))
    return out
