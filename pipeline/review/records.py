"""Reading a run's records for the reviewed view (`export`/`import --data`, `review DATA`, the
overview): what a line must hold to be one, and the reader that names a line that is not. Kept
apart from `pipeline/record.py`, whose content is part of the pipeline's fingerprint (a change
there re-processes every article)."""
from __future__ import annotations

import os
from typing import Any

from ..errors import NotArticleRecord
from ..io import BadLine, iter_jsonl


def is_article_record(rec: Any) -> bool:
    """Whether a JSON value has what the review overlay, the exports and the overview read of a
    record: a string `id` and `text`, and `entities`, a list of objects (`record.validate_record`
    checks the whole schema)."""
    return (isinstance(rec, dict) and isinstance(rec.get("id"), str) and isinstance(rec.get("text"), str)
            and isinstance(rec.get("entities"), list) and all(isinstance(e, dict) for e in rec["entities"]))


def read_records(path: os.PathLike | str) -> list[dict]:
    """The records of a run's articles.jsonl (or a reviewed export of it), read with the one JSONL
    reader (`io.iter_jsonl`): a line that is no JSON raises ValueError, a line that is JSON but no
    record (an annotation tool's task, an input corpus given by mistake) `errors.NotArticleRecord`,
    both naming the file and the line."""
    out = []
    for lineno, value in iter_jsonl(path):
        if isinstance(value, BadLine):
            raise ValueError(f"{path}:{lineno}: invalid JSON line ({value.msg})")  # as `io.read_jsonl` says it
        if not is_article_record(value):
            raise NotArticleRecord(path, lineno)
        out.append(value)
    return out
