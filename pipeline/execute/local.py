"""Supervised worker processes on this machine (`--n-process N`).

Why not `nlp.pipe(n_process=N)`: spaCy's multiprocessing feeds its workers through queues
and waits on them without a timeout, so a worker killed by the OOM killer or by `kill -9`
leaves the run waiting forever, and Ctrl+C prints one traceback per worker (issue 15). The
components stay spaCy pipeline components (`nlp.pipe` runs them inside each worker); only
the process management is ours. Each worker also does the cleaning.

Why not `concurrent.futures.ProcessPoolExecutor` either (the first version of this module):
one dead worker breaks its whole pool, which terminates the other busy workers too, and it
cannot tell which batch was on the worker that died, so every batch in flight had to be
suspected and retried one at a time. Here each worker has its own pipe and at most one
batch, so the driver always knows which batch a dead worker had:

- a worker that dies is noticed at once (its process sentinel wakes `connection.wait`); only
  its batch is retried, once, in the fresh worker that replaces it; the others keep working;
- if the batch's worker dies again, its articles get `worker_died` errors naming each file,
  and the run goes on with the rest (a poison article costs its batch, not the run);
- a worker that is alive but does not finish its batch in time (hung, stopped, swapping) is
  killed after the batch timeout (`batch_timeout`: `--batch-timeout`, or by default
  `BATCH_TIMEOUT_BASE_S` plus `BATCH_TIMEOUT_S_PER_KCHAR` per 1,000 characters of the batch)
  and handled as one that died: one retry, then `timed_out` errors for its articles.

Fork start: the workers inherit the loaded model and tables; `gc.freeze()` before the fork
keeps those pages shared (the workers' collections never write to frozen objects).

Signals: workers ignore SIGINT (Ctrl+C reaches the whole process group; the driver stops
them) and die quietly on SIGTERM. They die with the driver: the kernel sends them SIGTERM
when the thread that forked them ends (prctl PR_SET_PDEATHSIG; `map` forks from the thread
that iterates it), and a watchdog thread checks the parent where prctl is not available.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator, Optional

from ..errors import ErrorKind
from ..process import BatchResult, WorkSettings, failed_batch, load_cleaning_resources, load_resources, process_batch
from ..schema import Article, FileRef, RawDoc

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCHDOG_S = 2.0
STOP_GRACE_S = 5.0  # how long a stopped worker may take to exit before it is killed
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# the longest single wait for the workers: poll() takes its timeout as milliseconds in a C int (24.8 days),
# so a --batch-timeout of weeks is waited for in steps of this
WAIT_STEP_S = 3600.0
# The default batch timeout, scaled by the batch's text. Measured on the shared 2-core machine:
# a batch of 32 Wikinews articles (~48,000 characters) took up to 45 s at load 9
# (bench/bench_workers.py), about 0.9 s per 1,000 characters; a 5 MB article 1,637 s
# (bench/bench_long_article.py, 0.33 s per 1,000). The default is 5x and 6x those: a batch is
# taken for hung only far past any slowness seen, since a false timeout costs its articles
# (after the retry) while a late one costs only waiting.
BATCH_TIMEOUT_BASE_S = 120.0
BATCH_TIMEOUT_S_PER_KCHAR = 2.0


def batch_timeout_for(batch: list[Article], fixed: Optional[float] = None) -> float:
    """Seconds a worker may take for `batch` before it is taken for hung: `fixed` when given
    (`--batch-timeout`), else scaled by the batch's text; a file the worker extracts counts
    with its bytes, up to the text limit (more than its text: a PDF's or a page's markup,
    fonts and images, which the extraction reads)."""
    if fixed:
        return fixed
    chars = sum(len(r.text) if isinstance(r, RawDoc) else min(r.size, r.max_bytes) for r in batch)
    return BATCH_TIMEOUT_BASE_S + BATCH_TIMEOUT_S_PER_KCHAR * chars / 1000

# The model and settings of the run, set in the driver just before it forks, so that every
# worker inherits them without pickling a model.
_STATE: dict = {}


def _init_worker(parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the driver's handler, inherited by fork
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # blocked by the driver around the fork
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


def _worker_main(conn: Connection, parent_pid: int) -> None:
    """Work on the batches that arrive on `conn` until the driver closes it. Whatever goes
    wrong here ends the worker quietly: the driver notices and reports it, once."""
    try:
        _init_worker(parent_pid)
        while True:
            try:
                batch = conn.recv()
            except EOFError:
                break
            if batch is None:  # the driver's stop
                break
            try:
                result = (_STATE["work"] or process_batch)(_STATE["nlp"], batch, _STATE["settings"])
            except Exception as e:  # process_batch catches per article; this is a bug or MemoryError
                result = failed_batch(batch, ErrorKind.ANNOTATE_FAILED, f"its worker failed ({type(e).__name__}: {e}); not processed")
            try:
                conn.send(result)
            except (BrokenPipeError, ConnectionResetError):
                break
            except Exception as e:  # the result could not be pickled
                conn.send(failed_batch(batch, ErrorKind.ANNOTATE_FAILED, f"its result could not be returned ({type(e).__name__}: {e}); not processed"))
    except BaseException:
        os._exit(1)
    os._exit(0)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection  # the driver's end of this worker's own pipe
    job: Optional[tuple[int, list[Article]]] = None  # (batch number, batch) it works on
    deadline: float = 0.0  # time.monotonic() by which the job's result must be there
    timeout: float = 0.0  # the seconds that deadline allowed


class LocalPool:
    def __init__(self, get_nlp: Callable[[], Any], settings: WorkSettings, n_process: int, on_notice: Callable[[str], None] = lambda m: None,
                 batch_timeout: Optional[float] = None, work: Optional[Callable[[Any, list[Article], WorkSettings], BatchResult]] = None,
                 extract_only: bool = False):
        self.get_nlp = get_nlp  # called before the first fork: no batch, no model loaded
        self.work = work  # what a worker does with a batch: None: `process_batch`; `process.extract_batch` (`inline`)
        self.settings = settings
        self.n_process = n_process
        self.on_notice = on_notice
        self.batch_timeout = batch_timeout  # seconds per batch; None: scaled by the batch (batch_timeout_for)
        self.workers: list[_Worker] = []
        self.deaths: dict[int, int] = {}  # batch number -> how many workers died or hung on it
        self.frozen = False  # whether this pool froze the driver's objects (and unfreezes them at close)
        # a pool that only extracts files (`extract_supervised`) loads no language detector or lemma table
        # before it forks (extraction does not use them, and a driver that does not annotate, `--cluster`,
        # would hold them, about 8 s and 350 MB, for nothing), only the cleaning tables, which extraction
        # uses (a PDF headline of two lines is mended by the cleaner, `pdf._mended`; 3-4 s in each worker
        # otherwise), and freezes nothing
        self.extract_only = extract_only

    def map(self, batches: Iterator[list[Article]]) -> Iterator[BatchResult]:
        # a run may map more than once (the files of an id whose first file gave no article, `run._process`)
        self.deaths = {}
        todo = enumerate(batches)

        def feed() -> None:
            """Every worker gets one batch; the workers are forked at the first one."""
            self._reap_idle()
            while True:
                idle = next((w for w in self.workers if w.job is None), None)
                if idle is None and len(self.workers) >= self.n_process:
                    return
                job = next(todo, None)
                if job is None:
                    return
                self._send(idle or self._spawn(), job)

        try:
            feed()
            while busy := [w for w in self.workers if w.job is not None]:
                first_deadline = min(w.deadline for w in busy)
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                                 timeout=min(max(0.0, first_deadline - time.monotonic()), WAIT_STEP_S)))
                for w in busy:
                    if w.conn in ready or w.process.sentinel in ready:
                        result = self._receive(w)
                        if result is None:  # it died: its batch is retried, or failed the second time
                            result = self._dead(w)
                    elif time.monotonic() >= w.deadline:  # alive but hung: killed, then as if it died
                        # killed before reading: a worker stopped half-way through sending would
                        # block recv; a result it sent in full by the deadline still counts
                        w.process.kill()
                        w.process.join(STOP_GRACE_S)
                        result = self._receive(w)
                        if result is None:
                            result = self._hung(w)
                        else:
                            self._remove(w)
                    else:
                        continue
                    feed()  # before the driver stores the result: the worker goes on meanwhile
                    if result is not None:
                        yield result
                feed()
        finally:
            self._stop()

    def close(self) -> None:
        """Stop the workers at once (also on Ctrl+C and on errors in the driver)."""
        self._stop()
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def _send(self, w: _Worker, job: tuple[int, list[Article]]) -> None:
        w.job = job
        w.timeout = batch_timeout_for(job[1], self.batch_timeout)
        w.deadline = time.monotonic() + w.timeout
        try:
            w.conn.send(job[1])
        except (BrokenPipeError, ConnectionResetError):
            pass  # it died while idle: its sentinel is ready, and the batch is retried

    def _receive(self, w: _Worker) -> Optional[BatchResult]:
        """The worker's result, or None when it died before sending all of it."""
        try:
            if w.conn.poll():
                result = w.conn.recv()
                w.job = None
                return result
        except (EOFError, OSError):
            pass
        return None

    def _dead(self, w: _Worker) -> Optional[BatchResult]:
        """A worker died on its batch: the first time, the batch goes to a fresh worker (and
        None is returned); the second time, its articles are returned as failed."""
        n = len(w.job[1])
        how = self._remove(w)
        return self._retry_or_fail(
            w, first=f"worker process {w.process.pid} died ({how}) on a batch of {n} articles",
            again=f"worker process {w.process.pid} died ({how}) again on the same batch",
            kind=ErrorKind.WORKER_DIED,
            why=f"its worker process died twice on its batch of {n} articles ({how}: killed, out of memory, or a crash on one of them); not processed",
        )

    def _hung(self, w: _Worker) -> Optional[BatchResult]:
        """A worker alive but past its batch's deadline (hung in a component, stopped, swapping):
        killed (SIGKILL also ends a stopped process), then its batch is retried or failed as
        for a worker that died."""
        n, limit = len(w.job[1]), w.timeout
        w.process.kill()
        self._remove(w)
        return self._retry_or_fail(
            w, first=f"worker process {w.process.pid} did not finish its batch of {n} articles within {limit:.0f} s (hung or far too slow); killed it",
            again=f"worker process {w.process.pid} did not finish the same batch within {limit:.0f} s either; killed it",
            kind=ErrorKind.TIMED_OUT,
            why=f"its batch of {n} articles did not finish within {limit:.0f} s, twice (a hung worker, or far too slow: see --batch-timeout); not processed",
        )

    def _retry_or_fail(self, w: _Worker, first: str, again: str, kind: ErrorKind, why: str) -> Optional[BatchResult]:
        """The batch of a worker that was lost (already removed): the first time it goes to a
        fresh worker (None is returned); the second time its articles are returned as failed."""
        seq, batch = w.job
        self.deaths[seq] = self.deaths.get(seq, 0) + 1
        files = _files(batch)
        if self.deaths[seq] == 1:
            self.on_notice(f"{first} ({files}); retrying that batch in a fresh worker")
            self._send(self._spawn(), (seq, batch))
            return None
        self.on_notice(f"{again}: its {len(batch)} articles are not processed ({files})")
        return failed_batch(batch, kind, why)

    def _reap_idle(self) -> None:
        """Workers that died between two batches are replaced when needed; nothing was lost."""
        for w in [w for w in self.workers if w.job is None and not w.process.is_alive()]:
            self.on_notice(f"worker process {w.process.pid} died between two batches ({self._remove(w)}); a fresh worker takes its place")

    def _remove(self, w: _Worker) -> str:
        w.process.join(STOP_GRACE_S)
        w.conn.close()
        self.workers.remove(w)
        return _exit_reason(w.process.exitcode)

    def _spawn(self) -> _Worker:
        if self.extract_only:  # before the fork (once per process): the workers share the tables
            load_cleaning_resources()
        else:
            load_resources()
        _STATE.update(nlp=self.get_nlp(), settings=self.settings, work=self.work)
        if not self.frozen and not self.extract_only:
            # not for a pool that extracts one file: its `close` would unfreeze everything, the pages the
            # run's own workers (`-n N --pdf-articles`) are forked with too
            gc.freeze()
            self.frozen = True
        here, there = multiprocessing.Pipe()
        process = multiprocessing.get_context("fork").Process(target=_worker_main, args=(there, os.getpid()), daemon=True)
        # Ctrl+C between the fork and the worker's own signal setup must not reach the
        # driver's handlers in the worker: blocked across the fork, unblocked in _init_worker
        # (and in the driver only once the worker is on the list that _stop stops)
        old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            process.start()
            there.close()
            w = _Worker(process, here)
            self.workers.append(w)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        return w

    def _stop(self) -> None:
        workers, self.workers = self.workers, []
        for w in workers:
            if w.job is None:
                # an idle worker ends on this (no EOF would come: forked workers hold
                # copies of the driver's ends of the pipes)
                try:
                    w.conn.send(None)
                except OSError:
                    pass
            w.conn.close()
            if w.job is not None and w.process.is_alive():
                w.process.terminate()  # a busy one is stopped (SIGTERM: it dies quietly)
        deadline = time.monotonic() + STOP_GRACE_S
        for w in workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()


def extract_supervised(batches: list[list[Article]], work: Callable[[Any, list[Article], WorkSettings], BatchResult],
                       batch_timeout: Optional[float] = None, on_notice: Callable[[str], None] = lambda m: None) -> dict[str, Any]:
    """id -> outcome of each batch's `work` (an extraction: `process.extract_batch`, `ingest.read_path`'s
    `bounded`) done in one worker process forked for it, one batch after the other: an extractor
    (pdfminer, trafilatura, python-docx) that loops on a file is killed after the batch's timeout,
    tried once more, then that batch's articles are `timed_out` errors naming each file. For the work
    the run's own process would otherwise do with no time limit (`-n 1`, `--pdf-articles`, `--cluster`
    without `--shared-fs`); `work` is inherited by the fork, not pickled."""
    pool = LocalPool(lambda: None, None, 1, on_notice, batch_timeout, work=work, extract_only=True)  # type: ignore[arg-type]
    got: dict[str, Any] = {}
    try:
        for result in pool.map(iter(batches)):
            got.update(result.outcomes)
    finally:
        pool.close()
    return got


def extract_bounded(ref: FileRef, extract: Callable[[], list], batch_timeout: Optional[float] = None,
                    on_notice: Callable[[str], None] = lambda m: None) -> list:
    """What `extract()` gives for the file `ref` names (its articles, or its error), done in a worker
    process under the time limit of `extract_supervised`: the `bounded` of `ingest.read_path`, for a
    file the driver itself extracts (`--pdf-articles`, `--cluster` without `--shared-fs`)."""
    got = extract_supervised([[ref]], lambda nlp, batch, settings: BatchResult([(ref.id, extract())]), batch_timeout, on_notice)[ref.id]
    return got if isinstance(got, list) else [got]


def _exit_reason(code: Optional[int]) -> str:
    if code is None:
        return "exit status unknown"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _files(batch: list[Article], shown: int = 3) -> str:
    paths = [r.path for r in batch]
    return ", ".join(paths[:shown]) + (f" and {len(paths) - shown} more" if len(paths) > shown else "")
