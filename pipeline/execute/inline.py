"""The work done in the run's own process, one batch after the other.

Except the extraction of the PDFs, web pages and Word files a batch names (`FileRef`): pdfminer,
trafilatura or python-docx can loop on one file, which would stop the run for good. A batch's
files are extracted one by one in a worker process (`local.LocalPool`, forked once per batch that
has such files, running `process.extract_batch`), under the same supervision and time limit as the
batches of `-n 2` (`--batch-timeout`, else `local.batch_timeout_for` of the one file): a file whose
extraction hangs is killed, tried once more, then that file's `timed_out` error; the run goes on.
"""
from __future__ import annotations

import time
from typing import Any, Callable, Iterator, Optional

from ..errors import ArticleError
from ..process import BatchResult, WorkSettings, extract_batch, process_batch
from ..schema import Article, FileRef


class InlineExecutor:
    def __init__(self, get_nlp: Callable[[], Any], settings: WorkSettings, on_notice: Callable[[str], None] = lambda m: None,
                 batch_timeout: Optional[float] = None):
        self.get_nlp = get_nlp  # called at the first batch: no batch, no model loaded
        self.settings = settings
        self.on_notice = on_notice
        self.batch_timeout = batch_timeout  # seconds per file extracted; None: scaled by the file (local.batch_timeout_for)

    def map(self, batches: Iterator[list[Article]]) -> Iterator[BatchResult]:
        for batch in batches:
            t = time.perf_counter()
            extracted = self._extract(batch)
            spent = time.perf_counter() - t
            items = [extracted.get(item.id, item) for item in batch]
            ready = [item for item in items if not isinstance(item, ArticleError)]
            # a batch whose files all gave no article (a page of navigation only): no model is loaded for it
            result = process_batch(self.get_nlp(), ready, self.settings) if ready else BatchResult([])
            done = dict(result.outcomes)
            result.outcomes = [(given.id, item if isinstance(item, ArticleError) else done[given.id]) for given, item in zip(batch, items)]
            result.timings["extract"] = result.timings.get("extract", 0.0) + spent
            yield result

    def _extract(self, batch: list[Article]) -> dict[str, Any]:
        """id -> `RawDoc` or error of each `FileRef` of the batch, extracted in a worker process."""
        refs = [item for item in batch if isinstance(item, FileRef)]
        if not refs:
            return {}
        from .local import extract_supervised

        return extract_supervised([[ref] for ref in refs], extract_batch, self.batch_timeout, self.on_notice)

    def close(self) -> None:
        pass
