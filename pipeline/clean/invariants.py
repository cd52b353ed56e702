"""The offset and removal contract of a `CleanDoc`, checked (used by the tests and `validate`)."""
from __future__ import annotations

from ..schema import CleanDoc
from .data import NORMALISING_KINDS

def check_invariants(raw: str, doc: CleanDoc) -> list[str]:
    """Return a list of violations of the offset/removal contract (empty when all holds)."""
    errs: list[str] = []
    text, offs = doc.text, doc.offsets
    if len(offs) != len(text) + 1:
        errs.append(f"len(offsets)={len(offs)} != len(text)+1={len(text) + 1}")
        return errs
    norm = [False] * (len(raw) + 1)
    covered = bytearray(len(raw) + 1)
    for r in doc.removed:
        if not (0 <= r.start < r.end <= len(raw)):
            errs.append(f"removed span out of range: {r}")
            continue
        if raw[r.start:r.end] != r.text:
            errs.append(f"removed text mismatch at {r.start}: {r.text!r}")
        covered[r.start:r.end] = b"\x01" * (r.end - r.start)
        if r.kind in NORMALISING_KINDS:
            for k in range(r.start, r.end):
                norm[k] = True
    for i, ch in enumerate(text):
        o = offs[i]
        if not (0 <= o < len(raw)):
            errs.append(f"offset out of range at clean {i}: {o}")
            continue
        covered[o] = 1
        if ch.isspace():
            continue
        if raw[o] != ch and not norm[o]:
            errs.append(f"clean[{i}]={ch!r} but raw[{o}]={raw[o]!r}")
            if len(errs) > 20:
                return errs
    for j, ch in enumerate(raw):
        if not covered[j] and not ch.isspace():
            errs.append(f"raw[{j}]={ch!r} neither kept nor removed")
            if len(errs) > 20:
                return errs
    return errs
