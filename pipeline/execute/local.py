"""Supervised worker processes on this machine (`--n-process N`).

Why not `nlp.pipe(n_process=N)`: spaCy's multiprocessing feeds its workers through queues
and waits on them without a timeout, so a worker killed by the OOM killer or by `kill -9`
leaves the run waiting forever, and Ctrl+C prints one traceback per worker (issue 15). The
components stay spaCy pipeline components (`nlp.pipe` runs them inside each worker); only
the process management is ours, on `concurrent.futures.ProcessPoolExecutor`, which notices
a dead worker at once (`BrokenProcessPool`). Each worker also does the cleaning, which used
to run serially in the main process.

- Fork start: the workers inherit the loaded model and tables; `gc.freeze()` before the fork
  keeps those pages shared (the workers' collections never write to frozen objects).
- A batch whose worker died is retried once, alone, in a fresh pool. If that worker dies too,
  the batch's articles get `worker_died` errors and the run goes on with the rest.
- Workers ignore SIGINT (the driver stops them all on Ctrl+C) and die with the driver: the
  kernel sends them SIGTERM when it exits (prctl PR_SET_PDEATHSIG), and a watchdog thread
  checks the parent where prctl is not available.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, Optional

from ..errors import ErrorKind
from ..process import BatchResult, WorkSettings, failed_batch, load_resources, process_batch
from ..schema import RawDoc

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCHDOG_S = 2.0

# The model and settings of the run, set in the driver just before the pool forks, so that
# every worker inherits them without pickling a model.
_STATE: dict = {}


def _init_worker(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the watchdog alone
        pass
    if os.getppid() != parent_pid:  # the driver died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCHDOG_S)
    os._exit(1)


def _work(batch: list[RawDoc]) -> BatchResult:
    return process_batch(_STATE["nlp"], batch, _STATE["settings"])


class LocalPool:
    def __init__(self, nlp, settings: WorkSettings, n_process: int, on_notice: Callable[[str], None] = lambda m: None):
        self.nlp = nlp
        self.settings = settings
        self.n_process = n_process
        self.in_flight = 2 * n_process
        self.on_notice = on_notice
        self.pool: Optional[ProcessPoolExecutor] = None
        self.frozen = False

    def map(self, batches: Iterator[list[RawDoc]]) -> Iterator[BatchResult]:
        futures: dict[Future, list[RawDoc]] = {}
        batches = iter(batches)
        while True:
            while len(futures) < self.in_flight:
                batch = next(batches, None)
                if batch is None:
                    break
                futures[self._submit(batch)] = batch
            if not futures:
                break
            done, _ = wait(futures, return_when=FIRST_COMPLETED)
            lost: list[list[RawDoc]] = []
            for f in done:
                yield from self._collect(f, futures.pop(f), lost)
            if lost:
                # a worker died, and with it the pool: every batch still in flight ends now,
                # with its result or as lost
                for f in list(futures):
                    wait([f])
                    yield from self._collect(f, futures.pop(f), lost)
                self.on_notice(f"a worker process died; retrying {sum(map(len, lost))} articles in a fresh worker")
                self._restart()
                for batch in lost:
                    yield self._retry_alone(batch)
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    def close(self) -> None:
        """Stop the workers at once (also on Ctrl+C and on errors in the driver)."""
        self._stop()
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def _collect(self, f: Future, batch: list[RawDoc], lost: list[list[RawDoc]]) -> Iterator[BatchResult]:
        try:
            yield f.result()
        except BrokenProcessPool:
            lost.append(batch)
        except Exception as e:  # the batch could not be sent or returned (e.g. not picklable)
            yield failed_batch(batch, ErrorKind.ANNOTATE_FAILED, f"its worker failed ({type(e).__name__}: {e}); not processed")

    def _retry_alone(self, batch: list[RawDoc]) -> BatchResult:
        try:
            return self._submit(batch).result()
        except BrokenProcessPool:
            self._restart()
            return failed_batch(batch, ErrorKind.WORKER_DIED, "its worker process died twice (killed, or out of memory?); not processed")

    def _submit(self, batch: list[RawDoc]) -> Future:
        if self.pool is None:
            self._start()
        return self.pool.submit(_work, batch)

    def _start(self) -> None:
        load_resources()  # before the fork: the workers share the tables
        _STATE.update(nlp=self.nlp, settings=self.settings)
        if not self.frozen:
            gc.freeze()
            self.frozen = True
        self.pool = ProcessPoolExecutor(
            max_workers=self.n_process, mp_context=multiprocessing.get_context("fork"),
            initializer=_init_worker, initargs=(os.getpid(),),
        )

    def _restart(self) -> None:
        self._stop()
        self._start()

    def _stop(self) -> None:
        if self.pool is None:
            return
        # ProcessPoolExecutor has no public way to stop workers that are busy: shutdown()
        # only cancels the batches not yet started, so the running ones are terminated here.
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(5)
        self.pool = None
