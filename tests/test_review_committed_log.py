"""The committed review log (annotations/decisions.jsonl) still applies to a fresh run of the seeds."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from pipeline.review import log as dec
from pipeline.review.apply import apply_decisions
from pipeline.record import validate_record

LOG = Path(__file__).resolve().parents[1] / "annotations" / "decisions.jsonl"


@pytest.mark.skipif(not LOG.exists(), reason="no committed review log")
def test_committed_decisions_reapply_to_a_fresh_run(seed_run):
    _, _, records = seed_run
    log = dec.load_decisions(LOG)
    assert log, "the log is empty or unreadable"
    for d in log:
        for k in ("id", "decision", "article_id", "article_sha256", "text_sha256", "reviewer", "time", "model_version"):
            assert k in d, (k, d.get("id"))
    out, flagged = apply_decisions(records, log)
    for r in out:
        assert validate_record(r) == [], r["id"]
    assert apply_decisions(out, log) == (out, flagged)
    if flagged:  # the pipeline changed under the review: the reviewer has to look (never silently lost)
        warnings.warn(f"{len(flagged)} committed review decisions no longer fit a fresh run: "
                      + "; ".join(f"{f['article_id']} {f['decision']['decision']} {f['decision']['span']['text']!r}: {f['reason']}" for f in flagged[:10]))
    assert len(flagged) < len(log)
