"""The per-article work on a Dask cluster (`--cluster local:N` or `--cluster tcp://HOST:PORT`).

Why Dask (`distributed`) and not a home-made scheduler: it already starts workers on SLURM and
PBS (dask-jobqueue), Kubernetes (dask-kubernetes, Helm chart) and over SSH (`dask ssh`),
reschedules the tasks of a worker that dies, and runs on one machine for tests.

- The driver (`run.py`) keeps discovery, the cache and the outputs; a task is one batch,
  `process.process_batch` on a worker, and its result (JSON lines) comes back to the driver,
  which commits it to the cache at once. At most `in_flight` batches are submitted at a time,
  so the driver's memory does not grow with the corpus.
- Each worker loads the pipeline once, in a worker plugin (`PipelinePlugin`), from the model
  path the driver resolved (or, where that path does not exist on the worker, the package of
  that name), and compares its pipeline fingerprint with the driver's. A worker whose
  fingerprint differs refuses: it never gets the Dask resource `presseschau-<fingerprint>-<run>`
  that every task of the run asks for, so it gets none of the run's tasks (and stays
  free for others). No worker that can work: the run cannot start (exit 2). The plugin is
  the run's own (its name, like the resource's, is per run): `close` unregisters it, so
  that no worker that joins the scheduler later is handed it.
- A worker that dies: Dask reschedules its tasks on the others (`distributed.scheduler.allowed-failures`
  times; a batch that keeps killing workers ends as `worker_died` errors for its articles).
- A task that hangs (an extractor or a component that loops): Dask has no time limit for a task, and
  the run waited for it for ever. A batch gets the time of `-n N`'s (`--batch-timeout`, else
  `local.batch_timeout_for`), counted from when a worker thread would be free for it (the batches in
  flight start in the order they were sent, as many at a time as the cluster has threads); past it, its
  future is cancelled, its articles are `timed_out` errors, and its worker is restarted (a thread cannot
  be stopped; a worker without a nanny cannot be restarted: a notice says so, and that worker's
  next tasks wait behind the hung one until they time out too). No retry, unlike `-n N`. A task that
  finished by the time it is given up is collected, not thrown away. `Client.restart_workers` may
  count the other tasks running on the restarted worker as suspicious (as for a worker that died),
  so on a worker of several threads, repeated give-ups can make innocent batches that were running
  beside the hung ones end as `worker_died` errors (`KilledWorker`, after
  `distributed.scheduler.allowed-failures`).
- The scheduler goes away: the run stops with `ClusterLost` (exit 1); everything finished is
  in the cache, and a re-run sends only the rest.
- Lazy: nothing connects before the first batch, so a re-run of an unchanged corpus sends
  nothing to the cluster.
"""
from __future__ import annotations

import asyncio
import dataclasses
from concurrent.futures import CancelledError, ThreadPoolExecutor
import logging
import math
import os
import signal
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from ..errors import CannotStart, ClusterLost, ErrorKind
from ..process import BatchResult, WorkSettings, failed_batch, load_resources, process_batch
from ..schema import Article, FileRef
from .local import batch_timeout_for

CONNECT_TIMEOUT_S = 20      # scheduler unreachable at start: cannot start
WORKERS_TIMEOUT_S = 120     # no worker joined (or none loaded the model) by then: cannot start
NO_WORKER_S = 120          # mid-run, no worker left that can work for this long: the run stops (ClusterLost)
WORKER_CHECK_S = 5         # while no result comes: how often the driver asks whether any worker can still work
LOST_AFTER_S = 15           # the client has not been connected for this long: the scheduler is gone
POLL_S = 1.0
STATE_POLL_S = 0.05         # while waiting for tasks: how often the driver reads their states (`_ended_within`)
RESULT_TIMEOUT_S = 120      # a finished task whose result is not fetched by then: its batch fails (`_collect`)
# a task that ended: done, erred, or cancelled (the client cancels every task when it loses the
# scheduler). "lost" (its result's worker died) is not among them: the scheduler computes it again
ENDED = ("finished", "error", "cancelled")
LOADING = "still loading the model"
# Dask keeps the last `distributed.admin.low-level-log-length` (1,000) messages of each
# connection for debugging: on the client's connection to the scheduler each is a task with
# its batch (about 22 KB for 32 short articles), so the driver's memory grew by some 20 MB over
# the first 1,000 batches (measured: bench/trace_driver_memory.py, 500 B per article up to
# 32,000 articles). Our runs keep none (also for the scheduler's logs with `local:N`).
DASK_CONFIG = {"distributed.admin.low-level-log-length": 0}
# the address schemes of Dask's comms (distributed.comm.registry)
SCHEMES = ("tcp", "tls", "ws", "wss", "ucx", "inproc")


@dataclass(frozen=True)
class ClusterSpec:
    kind: str  # "local" | "remote"
    n_workers: int = 0
    address: str = ""

    def __str__(self) -> str:
        return f"local:{self.n_workers}" if self.kind == "local" else self.address


def parse_cluster(spec: str) -> ClusterSpec:
    """`local:N` or a scheduler address (`tcp://HOST:PORT`, `tls://...`)."""
    s = spec.strip()
    if s.startswith("local:"):
        n = s[len("local:"):]
        if not n.isdigit() or int(n) < 1:
            raise CannotStart(f"--cluster {spec!r}: local:N needs a number of workers >= 1, e.g. local:4")
        return ClusterSpec("local", n_workers=int(n))
    if "://" in s and s.split("://", 1)[1]:
        scheme = s.split("://", 1)[0].lower()
        if scheme not in SCHEMES:
            raise CannotStart(f"--cluster {spec!r}: {scheme}:// is not a Dask scheduler address (the dashboard's http:// address is not "
                              "the scheduler's); use the address `dask scheduler` prints, e.g. tcp://10.0.0.5:8786")
        return ClusterSpec("remote", address=s)
    raise CannotStart(f"--cluster {spec!r}: use local:N (N worker processes here) or the scheduler's address, e.g. tcp://10.0.0.5:8786")


def resource_name(fingerprint: str) -> str:
    return f"presseschau-{fingerprint[:16]}"


def run_plugin_name(fingerprint: str) -> str:
    """The name of one run's worker plugin, and of the Dask resource its workers get: one per
    run, so that a run that ends and unregisters its plugin takes nothing from another run on
    the same scheduler, even one with the same pipeline."""
    return f"{resource_name(fingerprint)}-{uuid.uuid4().hex[:8]}"


def _quiet_dask_logs() -> None:
    """Dask's client logs every failed reconnect with a traceback; the run tells its user
    what matters in one line (a refusing worker, a lost scheduler, a batch that kills workers).
    A connection of the (`local:N`) scheduler that its workers closed under it (SIGTERM to the
    process group: they end with the driver) leaves a future nobody reads, which asyncio logs at
    its end as "Future exception was never retrieved" with a CommClosedError traceback, before
    the run's own line: that one record is dropped (`_CommClosedFilter`), asyncio's others stay."""
    for name in ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    asyncio_log = logging.getLogger("asyncio")
    if not any(isinstance(f, _CommClosedFilter) for f in asyncio_log.filters):
        asyncio_log.addFilter(_CommClosedFilter())


class _CommClosedFilter(logging.Filter):
    """Drops asyncio's log record of a Dask connection closed under a pending future (`_quiet_dask_logs`)."""

    def __init__(self) -> None:
        super().__init__()
        from distributed.comm.core import CommClosedError  # imported now: the record may come at the interpreter's exit

        self.closed = CommClosedError

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], self.closed))


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise CannotStart("--cluster needs Dask: pip install 'presseschau[cluster]' (dask[distributed])") from None
    return distributed


try:  # the plugin must subclass WorkerPlugin; without Dask installed, --cluster says so (above)
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover - only without the cluster extra
    _WorkerPluginBase = object


class PipelinePlugin(_WorkerPluginBase):
    """Loads the pipeline once per worker and checks its fingerprint against the driver's."""

    def __init__(self, model_name: str, model_path: str, fingerprint: str, name: str = ""):
        self.model_name = model_name
        self.model_path = model_path
        self.fingerprint = fingerprint
        self.name = name or run_plugin_name(fingerprint)
        self.nlp = None
        self.problem: Optional[str] = LOADING

    async def setup(self, worker) -> None:
        # loading takes seconds: in a thread, so that the worker keeps answering heartbeats
        try:
            self.problem = await asyncio.get_running_loop().run_in_executor(None, self._load)
        except asyncio.CancelledError:
            # the worker closes while the model loads (the run stopped: Ctrl+C, or the run failed):
            # nothing to report, where Dask logged a CancelledError traceback per worker
            self.problem = "the worker closed while loading the model"
            return
        if self.problem is None:
            await worker.set_resources(**{self.name: worker.state.nthreads})

    async def teardown(self, worker) -> None:
        # unregistered at the run's end (or the worker closes): the model goes, and so does the
        # resource that drew the run's tasks here
        self.nlp = None
        if self.problem is None and not worker.status.name.startswith("clos"):
            await worker.set_resources(**{self.name: 0})

    def _load(self) -> Optional[str]:
        from ..nlp import load_nlp

        ref = self.model_path if self.model_path and Path(self.model_path).exists() else self.model_name
        try:
            nlp, info = load_nlp(ref)
            load_resources()
        except Exception as e:  # any failure here is the worker's refusal, reported to the driver
            return f"cannot load the model {ref!r} ({type(e).__name__}: {e})"
        if info.fingerprint != self.fingerprint:
            return (f"its pipeline fingerprint {info.fingerprint[:12]} (model {info.name} {info.version} at {info.path}) "
                    f"differs from the driver's {self.fingerprint[:12]}: install the same presseschau version and model there")
        self.nlp = nlp
        return None


def dask_setup(worker) -> None:
    """Dask preload hook of the `local:N` workers (their `preload` names this module; a worker
    of your own cluster is not touched): Ctrl+C reaches every process of the terminal's
    process group, and a Dask worker process would end on it with a KeyboardInterrupt
    traceback under the run's own one line. The driver stops them (`close`), as the workers
    of `--n-process N` (execute/local.py). Their scheduler is in the driver: once it is gone the
    run is over, and a worker's heartbeat that finds its connection closed meanwhile (a stopped run
    whose close was slow under load) is not logged with its traceback under the run's line
    (`_CommClosedFilter`); the worker's other records stay."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_log = logging.getLogger("distributed.worker")
    if not any(isinstance(f, _CommClosedFilter) for f in worker_log.filters):
        worker_log.addFilter(_CommClosedFilter())


def _bounded(call: Callable[[], Any], seconds: float) -> Any:
    """`call()`, or TimeoutError after `seconds`. Dask's synchronous client methods wait for its event
    loop through `Client.sync` without a bound of their own (`_ended_within`), and their own `timeout`
    arguments are kept by the loop: a call the loop never runs waits for good. The call runs in a daemon
    thread, which a call left waiting does not keep alive at exit (a `ThreadPoolExecutor` joins its threads)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as e:  # handed to the caller, as the call would raise it
            box["error"] = e

    thread = threading.Thread(target=run, name="presseschau-dask-call", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"no answer from the Dask client within {seconds:.0f} s")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def _ended_within(futures: list, seconds: float) -> list:
    """The futures that ended (`ENDED`), waiting up to `seconds` for one. It reads the states that the
    client's event loop keeps instead of calling `distributed.wait`: that one runs on the loop through
    `Client.sync`, which waits for the loop without a bound of its own, and under heavy load (load 9-11
    on 2 cores, session 33) a wait of 1 s never came back: the driver blocked for good in
    `threading.Event.wait` while the loop sat idle in select. Reading a state needs no loop."""
    end = time.monotonic() + seconds
    while True:
        done = [f for f in futures if f.status in ENDED]
        if done or time.monotonic() >= end:
            return done
        time.sleep(STATE_POLL_S)


def _plugin_status(dask_worker, name: str) -> Optional[str]:
    """Run on every worker by the driver: None when it can work, else why not."""
    plugin = dask_worker.plugins.get(name)
    if plugin is None:
        return "the presseschau plugin is not loaded"
    return plugin.problem


def _handshake(address: str, timeout: float) -> None:
    """Connect to the scheduler and exchange Dask's handshake, all within `timeout` seconds.
    `distributed.Client(timeout=...)` bounds the TCP connect but not the handshake: a scheduler
    that accepts and never answers (stopped, frozen, or another server on that port) kept the
    run waiting for ever. Its own event loop in its own thread (the caller may be in a loop).
    A TCP address is first connected to plainly: Dask's `connect` retries a refused connection
    until the timeout, and then says only that it timed out; nothing listening there is said at once."""
    import socket

    from distributed.comm import connect
    from distributed.comm.addressing import parse_address, parse_host_port

    scheme, location = parse_address(address)
    if scheme in ("tcp", "tls", "ws", "wss"):
        host, port = parse_host_port(location)
        try:
            socket.create_connection((host, port), timeout=timeout).close()
        except ConnectionRefusedError:
            raise ConnectionRefusedError(f"connection refused at {host}:{port}: is the scheduler running?") from None
        except TimeoutError:
            raise TimeoutError(f"no answer from {address} within {timeout} s") from None

    async def probe() -> None:
        comm = await asyncio.wait_for(connect(address, timeout=timeout), timeout)
        await comm.close()

    with ThreadPoolExecutor(1) as pool:
        try:
            pool.submit(asyncio.run, probe()).result()
        except (asyncio.TimeoutError, TimeoutError):
            raise TimeoutError(f"no answer from {address} within {timeout} s") from None


def _cannot_import(e: BaseException) -> str:
    """A worker where `_plugin_status` failed: it cannot import presseschau (or the plugin broke)."""
    return f"it cannot load presseschau ({type(e).__name__}: {e}); install presseschau and its model in the workers' environment"


def to_ref(item: Article, max_bytes: int) -> Article:
    """`--shared-fs`: a one-article file becomes a `FileRef` (the worker reads it itself). A
    JSONL record is sent as it is: the driver does not know its byte position, and a .jsonl.gz
    cannot be read from the middle, so a worker would have to read the whole file again for
    every batch."""
    from ..ingest import JSONL_SUFFIXES, suffix_of

    # the worker opens the file by the driver's absolute path: its working directory is not the driver's
    if isinstance(item, FileRef):
        return dataclasses.replace(item, file=os.path.abspath(item.file))
    if suffix_of(Path(item.path.split("#", 1)[0])) in JSONL_SUFFIXES or item.meta.get("pdf_pages"):
        return item  # a JSONL record, or one article of a PDF (--pdf-articles): not the whole file
    return FileRef(item.id, item.path, os.path.abspath(item.path), item.sha256, max_bytes, len(item.text))


def work(batch: list[Article], settings: WorkSettings, name: str) -> BatchResult:
    """The task: one batch on a worker whose plugin `name` loaded the run's pipeline."""
    from distributed import get_worker

    plugin = get_worker().plugins[name]
    return process_batch(plugin.nlp, batch, settings)


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back while the `local:N` cluster starts, and raised again as soon
    as the cluster and its client are in hand, so that the run closes them (`close`): stopped
    inside Dask's start, the driver left the half-built cluster to Dask's exit hook, which printed
    "AssertionError: Status.init" (and "Nanny failed to start") under the run's own line. Only
    in the main thread, where Python handles signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[int] = []
    old = {s: signal.signal(s, lambda signum, frame: got.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        for signum in got[:1]:
            signal.raise_signal(signum)


@contextmanager
def _ctrl_c_ignored_by_new_workers() -> Iterator[None]:
    """While the `local:N` cluster spawns its worker processes: SIGINT ignored here, so that they
    start with it ignored (an ignored signal stays so across exec; a handler does not). Else a
    Ctrl+C, which reaches the terminal's whole process group, hit a worker still importing,
    before its preload (`dask_setup`) ignores it, and it printed a KeyboardInterrupt traceback
    under the run's one line. A Ctrl+C meanwhile is not lost: a sentinel process in the same
    group, with SIGINT at its default, dies of it, and the driver raises SIGINT once the
    workers are started (held by `_stop_signals_held` until the cluster is in hand). A SIGINT
    sent to this process alone meanwhile (not to its group) is not seen; SIGTERM is held as
    before. (Blocking SIGINT instead does not reach the workers: their spawn clears the mask.)
    Only in the main thread, where Python handles signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import subprocess
    import sys

    try:
        sentinel = subprocess.Popen(
            [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGINT, signal.SIG_DFL); time.sleep(900)"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # no process to spare: Ctrl+C stays the driver's (a worker hit while it starts may print a traceback)
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
        if sentinel.poll() is None:
            sentinel.kill()
        # a SIGINT sent before the kill is its exit status even where it had not died of it yet (the
        # kernel fixes the exit signal when the fatal signal is sent)
        if sentinel.wait() == -signal.SIGINT:
            signal.raise_signal(signal.SIGINT)


def local_cluster(n_workers: int):
    """The `local:N` cluster: N single-threaded worker processes here, the scheduler in this process."""
    import dask
    import distributed

    # Two Dask defaults that cost spaCy work time (README: the same for your workers):
    # the statistical profiler samples the task thread's stack every 10 ms (taking the
    # GIL), and the nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes
    # glibc hand memory back after every batch (22 % more annotation time, measured)
    environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items() if k != "MALLOC_TRIM_THRESHOLD_"}
    with dask.config.set({"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": environ}):
        # preload: the workers ignore Ctrl+C (`dask_setup` below), which a terminal sends to the
        # whole process group: the driver stops them. The scheduler's HTTP server (no dashboard)
        # on any free port: on Dask's default, 8787, a second run or a notebook's cluster made
        # Dask print "UserWarning: Port 8787 is already in use" into the run's output
        with _ctrl_c_ignored_by_new_workers():
            return distributed.LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=True,
                dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR, preload=[__name__],
            )


class _Clocks:
    """The time limits of the tasks in flight. A task's clock starts when a worker thread would be free for
    it: the tasks start in the order they were sent, `threads` at a time (a task waiting in a queue is not
    timed)."""

    def __init__(self, threads: int, limit_of: Callable[[Any], float]):
        self.threads = max(1, threads)
        self.limit_of = limit_of
        self.waiting: list = []  # sent, not yet timed, in the order sent
        self.deadlines: dict = {}  # timed: future -> time.monotonic() deadline
        self.limits: dict = {}  # future -> its seconds

    def add(self, f) -> None:
        self.waiting.append(f)
        self._start()

    def remove(self, futures) -> None:
        for f in futures:
            self.deadlines.pop(f, None)
            self.limits.pop(f, None)
            if f in self.waiting:
                self.waiting.remove(f)
        self._start()

    def restart(self) -> None:
        """Every timed task's clock from now on (after a worker's restart, which moves its tasks)."""
        now = time.monotonic()
        self.deadlines = {f: now + self.limits[f] for f in self.deadlines}

    def first_deadline(self) -> float:
        return min(self.deadlines.values(), default=math.inf)

    def past(self) -> list:
        now = time.monotonic()
        return [f for f, d in self.deadlines.items() if d <= now]

    def _start(self) -> None:
        while self.waiting and len(self.deadlines) < self.threads:
            f = self.waiting.pop(0)
            self.limits[f] = self.limit_of(f)
            self.deadlines[f] = time.monotonic() + self.limits[f]


class DaskExecutor:
    def __init__(self, settings: WorkSettings, model_name: str, model_path: str, cluster: str,
                 on_notice: Callable[[str], None] = lambda m: None, in_flight: Optional[int] = None,
                 shared_fs: bool = False, max_bytes: int = 0, batch_timeout: Optional[float] = None):
        self.spec = parse_cluster(cluster)
        self.batch_timeout = batch_timeout  # seconds per task (batch); None: scaled by the batch (local.batch_timeout_for)
        _import_distributed()
        self.settings = settings
        self.model_name = model_name
        self.model_path = model_path
        self.on_notice = on_notice
        self.in_flight_fixed = in_flight
        self.shared_fs = shared_fs
        self.max_bytes = max_bytes
        self.client = None
        self.cluster = None
        self.config = None  # DASK_CONFIG, set from the start of the cluster until close()
        self.plugin_name = run_plugin_name(settings.fingerprint)
        self.registered = False  # the plugin is on the scheduler: close() unregisters it
        self.ready_seen: set[str] = set()  # the workers seen holding the run's resource (`_wait_some`)

    # -- lifecycle ------------------------------------------------------------------------

    def _start(self) -> None:
        distributed = _import_distributed()
        import dask

        _quiet_dask_logs()
        # for the executor's lifetime, not just a `with` around the start: Dask reads it again
        # when the client reconnects
        self.config = dask.config.set(DASK_CONFIG)
        try:
            if self.spec.kind == "local":
                with _stop_signals_held():
                    self.cluster = local_cluster(self.spec.n_workers)
                    self.client = distributed.Client(self.cluster)
            else:
                _handshake(self.spec.address, CONNECT_TIMEOUT_S)
                self.client = distributed.Client(self.spec.address, timeout=CONNECT_TIMEOUT_S)
        except ConnectionRefusedError as e:
            self.close()
            raise CannotStart(f"cannot reach the Dask scheduler at {self.spec}: {e}") from None
        except (OSError, TimeoutError, asyncio.TimeoutError, ValueError) as e:
            self.close()
            raise CannotStart(f"cannot reach the Dask scheduler at {self.spec} ({type(e).__name__}: {e})") from None
        plugin = PipelinePlugin(self.model_name, self.model_path, self.settings.fingerprint, self.plugin_name)
        self.registered = True  # also when some worker failed: the scheduler keeps it (and gives it to workers that join)
        try:
            self.client.register_plugin(plugin, name=plugin.name)
        except Exception:  # e.g. presseschau is not installed where some workers run: _check_workers names them
            pass
        self._check_workers(plugin.name)
        if self.spec.kind != "local":
            self._check_scheduler_logs()

    def _check_scheduler_logs(self) -> None:
        """A scheduler started with Dask's default debug logs grows by about 2 KB per article
        over a run (bench/trace_driver_memory.py: 120 -> 182 MB over 30,000 articles; with the
        setting at 0, 117 -> 119 MB). It reads the setting when it starts, so the driver can only
        tell the user. The probe is a lambda so that it travels by value: the scheduler need not
        have Presseschau installed."""
        try:
            length = self.client.run_on_scheduler(lambda: __import__("dask").config.get("distributed.admin.low-level-log-length"))
        except Exception:  # an older or locked-down scheduler: the hint is not worth failing the run
            return
        if length:
            self.on_notice(f"the Dask scheduler at {self.spec} keeps its last {length} messages of each kind for debugging, "
                           "so its memory grows with the run (about 2 KB per article); start it with "
                           "DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=0 to keep it flat")

    def _check_workers(self, name: str) -> None:
        """Wait for a worker that loaded the run's pipeline; tell the user about refusals."""
        deadline = time.monotonic() + WORKERS_TIMEOUT_S
        told: set[str] = set()
        while True:
            status = self.client.run(_plugin_status, name=name, on_error="return") if self.client.scheduler_info()["workers"] else {}
            status = {addr: _cannot_import(p) if isinstance(p, BaseException) else p for addr, p in status.items()}
            for addr, problem in status.items():
                if problem and problem != LOADING and addr not in told:
                    told.add(addr)
                    self.on_notice(f"Dask worker {addr} refuses to work: {problem}")
            if any(p is None for p in status.values()):
                self.ready_seen |= self._ready_worker_names() or set()  # the run's first workers (`_wait_some`)
                return
            if status and all(p != LOADING for p in status.values()):
                raise CannotStart(f"no Dask worker at {self.spec} can run this pipeline: every worker refused (see above); nothing was processed")
            if time.monotonic() > deadline:
                raise CannotStart(f"no Dask worker at {self.spec} is ready after {WORKERS_TIMEOUT_S} s ({len(status)} joined); nothing was processed")
            time.sleep(POLL_S)

    def _unregister(self, client) -> None:
        """Take the run's plugin off the scheduler, so that workers that join later (for another
        job, without Presseschau) are not handed it. A worker that never got it (it cannot
        import Presseschau) answers KeyError: the scheduler has dropped it all the same. Any
        other failure is a notice: the run's outcome stands."""
        name = self.plugin_name
        try:
            if client.status != "running":
                raise ConnectionError("not connected to the scheduler")
            try:  # bounded: a frozen scheduler must not hold the run's end
                _bounded(lambda: client.unregister_worker_plugin(name), CONNECT_TIMEOUT_S)
            except KeyError:
                pass
        except Exception as e:
            self.on_notice(f"could not unregister the worker plugin {name} from the Dask scheduler at {self.spec} ({type(e).__name__}: {e}); "
                           f"workers that join it later still load it: remove it with Client.unregister_worker_plugin({name!r})")

    def close(self) -> None:
        client, cluster, config = self.client, self.cluster, self.config
        self.client = self.cluster = self.config = None
        if client is not None and self.registered and cluster is None:  # a LocalCluster goes with its plugin
            self.registered = False
            self._unregister(client)
        for thing in (client, cluster):
            if thing is None:
                continue
            try:
                thing.close()
            except Exception:  # the scheduler may already be gone; closing must not hide the run's outcome
                pass
        if config is not None:
            config.__exit__(None, None, None)  # Dask's own way back to the config before _start

    # -- work -----------------------------------------------------------------------------

    def map(self, batches: Iterator[list[Article]]) -> Iterator[BatchResult]:
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return
        start_s = None
        if self.client is None:  # a run may map more than once (`run._process`): the cluster is started once
            t = time.perf_counter()
            self._start()
            start_s = time.perf_counter() - t  # reported with the first result (run.json timings)
        threads = self._n_threads()
        in_flight = self.in_flight_fixed or max(4, 2 * threads)
        pending: dict[Any, list[Article]] = {}
        clocks = _Clocks(threads, lambda f: batch_timeout_for(pending[f], self.batch_timeout))
        batch: Optional[list[Article]] = first
        while True:
            while batch is not None and len(pending) < in_flight:
                f = self._submit(batch)
                pending[f] = batch
                clocks.add(f)
                batch = next(batches, None)
            if not pending:
                return
            done = self._wait_some(list(pending), clocks.first_deadline())
            results = [self._collect(f, pending.pop(f)) for f in done]
            clocks.remove(done)
            if clocks.past() and not self._ready_workers():
                clocks.restart()  # no worker that can work (one restarting, loading the model): no task runs, none is timed
            while late := clocks.past():  # one at a time: giving one up restarts the others' clocks
                results.append(self._give_up(late[0], pending.pop(late[0]), clocks))
            for result in results:
                if start_s is not None:
                    result.timings["cluster_start"] = start_s
                    start_s = None
                yield result

    def _give_up(self, f, batch: list[Article], clocks: "_Clocks") -> BatchResult:
        """A task past its time limit: its future cancelled, its worker restarted (else the hung thread
        holds it for good), its articles `timed_out` errors naming each file."""
        from .local import _files

        limit = clocks.limits.get(f, 0.0)
        clocks.remove([f])
        try:
            workers = [w for w, keys in _bounded(self.client.processing, CONNECT_TIMEOUT_S).items() if f.key in keys]
        except Exception:
            workers = []
        if f.status in ("finished", "error"):  # it ended after the wait: its result (or error) counts
            return self._collect(f, batch)
        try:
            _bounded(f.cancel, CONNECT_TIMEOUT_S)
        except Exception:  # the scheduler is slow or going: the task is dropped all the same (released, never read)
            pass
        f.release()
        restarted = ""
        if workers:
            try:
                _bounded(lambda: self.client.restart_workers(workers, timeout=WORKERS_TIMEOUT_S), WORKERS_TIMEOUT_S + CONNECT_TIMEOUT_S)
                restarted = f"; restarted its worker {', '.join(workers)}"
                # the fresh worker loads the model before it takes a task: the batches in flight are not timed meanwhile
                deadline = time.monotonic() + WORKERS_TIMEOUT_S
                while not self._ready_workers() and time.monotonic() < deadline:
                    time.sleep(POLL_S)
                self._schedule_unrunnable()
            except Exception as e:  # no nanny (a bare `dask worker --no-nanny`), or the restart failed
                restarted = (f"; its worker {', '.join(workers)} could not be restarted ({type(e).__name__}: {e}): its thread stays busy, "
                             "restart that worker")
        clocks.restart()  # the batches in flight may have waited behind it, or moved with the restarted worker
        self.on_notice(f"a Dask task did not finish its batch of {len(batch)} articles within {limit:.0f} s (hung or far too slow); "
                       f"its articles are not processed ({_files(batch)}){restarted}")
        return failed_batch(batch, ErrorKind.TIMED_OUT, f"its batch of {len(batch)} articles did not finish on the Dask cluster within {limit:.0f} s "
                            "(a hung task, or far too slow: see --batch-timeout); not processed")

    def _n_threads(self) -> int:
        return sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()) or 1

    def _submit(self, batch: list[Article]):
        sent = [to_ref(item, self.max_bytes) for item in batch] if self.shared_fs else batch
        return self.client.submit(work, sent, self.settings, self.plugin_name, pure=False, resources={self.plugin_name: 1})

    def _wait_some(self, futures: list, deadline: float = math.inf) -> list:
        """The finished futures, or none once `deadline` (time.monotonic()) is past; raises ClusterLost when the
        scheduler is gone (the client cancels every future when it loses the connection, or stays unconnected)."""
        lost_since: Optional[float] = None
        no_worker_since: Optional[float] = None
        checked = time.monotonic()
        while True:
            done = _ended_within(futures, min(POLL_S, max(0.0, deadline - time.monotonic())))
            if any(f.status == "cancelled" for f in done):  # the client cancels every task when it loses the scheduler
                raise self._lost(CancelledError())  # (a task the run gives up is cancelled once no longer waited for)
            if self.client.status == "running":
                lost_since = None
                now = time.monotonic()
                if done or now >= deadline:
                    return list(done)
                if now - checked >= WORKER_CHECK_S:  # every worker gone (killed, walltime): Dask would wait for ever
                    checked = now
                    ready = self._ready_worker_names()
                    if ready and ready - self.ready_seen and (self.ready_seen or no_worker_since is not None):
                        # a worker that joined after the run began (a dead one's nanny started it, or a new one): the
                        # tasks a dead worker left wait in `no-worker` until placed (`_schedule_unrunnable`)
                        self._schedule_unrunnable()
                    self.ready_seen |= ready or set()
                    if ready is None or ready:
                        no_worker_since = None
                    elif no_worker_since is None:
                        no_worker_since = now
                        self.on_notice(f"no Dask worker at {self.spec} can run this pipeline any more (they left or died); "
                                       f"waiting up to {NO_WORKER_S} s for one to join")
                    elif now - no_worker_since > NO_WORKER_S:
                        raise ClusterLost(f"no Dask worker at {self.spec} could run this pipeline for {NO_WORKER_S} s; the records "
                                          "finished so far are in the cache: start workers and run the same command again to process the rest")
                continue
            lost_since = lost_since or time.monotonic()
            if self.client.status in ("closed", "closing") or time.monotonic() - lost_since > LOST_AFTER_S:
                raise self._lost(None)

    def _schedule_unrunnable(self) -> None:
        """The run's tasks that lost their worker wait in the scheduler's `no-worker` state until a worker
        that can run them is *added*; a restarted worker gets the run's resource only later, once its plugin
        loaded the model (`PipelinePlugin.setup`), and Dask does not look at those tasks again then: they
        waited for ever. The scheduler is asked to place them now (as on a worker's arrival): after a give-up
        restarted a worker (`_give_up`), and when a worker the run had not seen is ready (`_wait_some`: the
        only worker died and its nanny started a new one). A nested
        function travels by value: the scheduler need not have Presseschau installed."""
        name = self.plugin_name

        def place(dask_scheduler) -> None:
            for ws in list(dask_scheduler.running):
                if ws.resources.get(name):
                    dask_scheduler.transitions(dask_scheduler.bulk_schedule_unrunnable_after_adding_worker(ws), f"presseschau-{name}-{time.time()}")

        try:
            _bounded(lambda: self.client.run_on_scheduler(place), CONNECT_TIMEOUT_S)
        except Exception as e:  # another Dask version's scheduler: the tasks may wait; say so
            self.on_notice(f"could not ask the Dask scheduler at {self.spec} to place the tasks of the restarted worker "
                           f"({type(e).__name__}: {e}); if the run waits, restart it (what is finished is in the cache)")

    def _ready_workers(self) -> int:
        """Workers that loaded this run's pipeline (they hold its resource); on a failed look-up
        the scheduler may be going: that is `_wait_some`'s to tell."""
        names = self._ready_worker_names()
        return 1 if names is None else len(names)

    def _ready_worker_names(self) -> Optional[set[str]]:
        """The addresses of the workers that loaded this run's pipeline; None on a failed look-up."""
        name = self.plugin_name
        try:
            workers = _bounded(self.client.scheduler_info, CONNECT_TIMEOUT_S)["workers"]
        except Exception:
            return None
        return {addr for addr, w in workers.items() if (w.get("resources") or {}).get(name)}

    def _lost(self, e: Optional[BaseException]) -> ClusterLost:
        why = f" ({type(e).__name__})" if e is not None else ""
        return ClusterLost(f"lost the Dask scheduler at {self.spec}{why}; the records finished so far are in the cache: "
                           f"run the same command again to process the rest")

    def _collect(self, f, batch: list[Article]) -> BatchResult:
        from distributed import KilledWorker

        try:
            return f.result(timeout=RESULT_TIMEOUT_S)
        except CancelledError as e:  # the scheduler went away between the wait and the result
            raise self._lost(e) from None
        except KilledWorker:
            self.on_notice(f"a batch of {len(batch)} articles killed its Dask workers repeatedly; not processed")
            return failed_batch(batch, ErrorKind.WORKER_DIED, "its Dask workers died on it repeatedly (killed, or out of memory?); not processed")
        except Exception as e:  # the task raised (a bug outside process_batch's own guards)
            if isinstance(e, TimeoutError) and f.status == "finished":  # it ended, but its result did not come back
                self.on_notice(f"the result of a batch of {len(batch)} articles did not come back from the Dask cluster within "
                               f"{RESULT_TIMEOUT_S} s; not processed")
                return failed_batch(batch, ErrorKind.TIMED_OUT, f"its result did not come back from the Dask cluster within {RESULT_TIMEOUT_S} s; "
                                    "not processed")
            return failed_batch(batch, ErrorKind.ANNOTATE_FAILED, f"its Dask task failed ({type(e).__name__}: {e}); not processed")
        finally:
            f.release()
