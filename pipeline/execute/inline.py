"""The work done in the run's own process, one batch after the other."""
from __future__ import annotations

from typing import Any, Callable, Iterator

from ..process import BatchResult, WorkSettings, process_batch
from ..schema import Article


class InlineExecutor:
    def __init__(self, get_nlp: Callable[[], Any], settings: WorkSettings):
        self.get_nlp = get_nlp  # called at the first batch: no batch, no model loaded
        self.settings = settings

    def map(self, batches: Iterator[list[Article]]) -> Iterator[BatchResult]:
        for batch in batches:
            yield process_batch(self.get_nlp(), batch, self.settings)

    def close(self) -> None:
        pass
