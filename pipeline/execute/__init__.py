"""Where the per-article work of a run is done (`process.process_batch`).

An executor takes an iterator of batches (lists of `RawDoc` and `FileRef`) and yields one
`BatchResult` per batch, in any order, with a bounded number of batches in flight, so that
the driver's memory stays flat at any corpus size. Work starts only when the first batch arrives: a
re-run of an unchanged corpus loads nothing and starts no worker. So the local executors
get the pipeline as `get_nlp`, a function that loads it (once) when first called, and the
Dask one only the model's name and path (its workers load it).

- `inline`: in the run's own process (`--n-process 1`), the files it extracts in a supervised worker;
- `local`: supervised worker processes on this machine (`--n-process N`);
- `dask`: a Dask cluster (`--cluster local:N` or `--cluster tcp://HOST:PORT`);
"""
from __future__ import annotations

from typing import Any, Callable, Iterator, Optional, Protocol

from ..process import BatchResult, WorkSettings
from ..schema import Article


class Executor(Protocol):
    def map(self, batches: Iterator[list[Article]]) -> Iterator[BatchResult]: ...

    def close(self) -> None: ...


def make_executor(get_nlp: Callable[[], Any], settings: WorkSettings, n_process: int = 1, on_notice: Callable[[str], None] = lambda m: None,
                  cluster: Optional[str] = None, model: tuple[str, str] = ("", ""), shared_fs: bool = False, max_bytes: int = 0,
                  batch_timeout: Optional[float] = None) -> Executor:
    """`on_notice` hears what the run should tell its user (e.g. a worker died and its batch is retried).
    `batch_timeout`: seconds a local worker may take for one batch (None: scaled by the batch,
    `local.batch_timeout_for`); with `n_process` 1 it bounds the extraction of each PDF, web page
    and Word file (done in a worker process), the rest of the work in the run's own process is not timed.
    With `cluster`, the work goes to Dask workers, which load the model `(name, path)` themselves
    (and, with `shared_fs`, read the article files themselves); `batch_timeout` is then each task's
    time limit (`dask.DaskExecutor`)."""
    if cluster:
        from .dask import DaskExecutor

        return DaskExecutor(settings, model[0], model[1], cluster, on_notice, shared_fs=shared_fs, max_bytes=max_bytes,
                            batch_timeout=batch_timeout)
    if n_process <= 1:
        from .inline import InlineExecutor

        return InlineExecutor(get_nlp, settings, on_notice, batch_timeout=batch_timeout)
    from .local import LocalPool

    return LocalPool(get_nlp, settings, n_process, on_notice, batch_timeout=batch_timeout)
