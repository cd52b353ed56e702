"""The work done in the run's own process, one batch after the other."""
from __future__ import annotations

from typing import Iterator

from ..process import BatchResult, WorkSettings, process_batch
from ..schema import RawDoc


class InlineExecutor:
    def __init__(self, nlp, settings: WorkSettings):
        self.nlp = nlp
        self.settings = settings

    def map(self, batches: Iterator[list[RawDoc]]) -> Iterator[BatchResult]:
        for batch in batches:
            yield process_batch(self.nlp, batch, self.settings)

    def close(self) -> None:
        pass
