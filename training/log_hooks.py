"""A training logger that also keeps the per-label scores of every evaluation.

spaCy's console logger prints only the columns of `score_weights` (ENTS_F, ENTS_P, ENTS_R); the
per-label F of each checkpoint is lost unless every checkpoint is saved. This logger wraps the
console logger and appends one JSON line per evaluation (step, ENTS_F, `ents_per_type`) to
`path`. Used with `--code training/log_hooks.py --training.logger.@loggers
presseschau.PerTypeLogger.v1 --training.logger.path FILE.jsonl`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.util import registry


@registry.loggers("presseschau.PerTypeLogger.v1")
def per_type_logger(path: str, progress_bar: bool = False):
    # registry.get falls back to spacy-legacy, where ner_vec.cfg's ConsoleLogger.v1 lives
    console = registry.get("loggers", "spacy.ConsoleLogger.v1")(progress_bar=progress_bar)

    def setup(nlp, stdout=sys.stdout, stderr=sys.stderr):
        log_step, finalize = console(nlp, stdout, stderr)
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        fh = out.open("w", encoding="utf-8")

        def step(info):
            log_step(info)
            if info is not None:  # None between evaluations
                other = info.get("other_scores") or {}
                fh.write(json.dumps({"step": info["step"], "ents_f": other.get("ents_f"),
                                     "per_type": other.get("ents_per_type")}) + "\n")
                fh.flush()

        def fin():
            finalize()
            fh.close()

        return step, fin

    return setup
