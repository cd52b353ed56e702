"""`presseschau run --cluster local:N` (a Dask cluster the run starts itself): workers of another
pipeline, Ctrl+C while the workers start and mid-run, a web page without an article; the local
cluster's start and close (split from test_cluster.py in session 33: the files run side by side)."""
from __future__ import annotations

import dataclasses
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repo_data import REPO, SEEDS

from cluster_helpers import N_NEWS, _committed, _env, _run_cli, _stop, _wait_committed, corpus  # noqa: F401  (fixtures)

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_workers_with_another_pipeline_refuse_and_the_run_cannot_start(corpus, tmp_path, request, nlp_info):
    """A driver whose fingerprint no worker shares: every worker refuses, the run stops before
    any work (CannotStart = exit 2) and names the reason."""
    from pipeline.errors import CannotStart
    from pipeline.run import RunOptions, run

    nlp, info = nlp_info
    other = dataclasses.replace(info, fingerprint="0" * 64)
    notices: list[str] = []
    with pytest.raises(CannotStart, match="every worker refused"):
        run(RunOptions(paths=[corpus], out=tmp_path / "out", progress=False, cluster="local:1"), (nlp, other), on_notice=notices.append)
    assert any("refuses to work" in n and "differs from the driver's 000000000000" in n for n in notices), notices
    assert not (tmp_path / "out" / "articles.jsonl").exists()

@pytest.mark.slow
def test_ctrl_c_on_a_local_cluster_run_prints_no_worker_traceback(corpus, tmp_path):
    """Ctrl+C in a terminal reaches the whole process group, the `local:N` workers too: they
    must leave the stop to the driver (before: a Dask worker's KeyboardInterrupt traceback
    under the run's one line)."""
    out = tmp_path / "out"
    proc = _run_cli(str(corpus), "--out", str(out), "--cluster", "local:1", "--batch-size", "8", wait=False)
    try:
        _wait_committed(out, proc)
        time.sleep(1)  # the worker is busy with its next batch
    except BaseException:
        _stop(proc)
        raise
    _ctrl_c(proc)
    assert 0 < _committed(out) < len(SEEDS) + N_NEWS

def _spawned_children(pid: int) -> list[int]:
    """The driver's children started by multiprocessing's spawn (Dask's nanny starts its worker processes so)."""
    found = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (d / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"spawn_main" in cmd:
            found.append(int(d.name))
    return found

@pytest.mark.slow
def test_ctrl_c_while_the_local_workers_start_prints_no_traceback(tmp_path):
    """Ctrl+C in a terminal reaches every process of its group, also a `local:N` worker process
    that is still importing, before Dask's preload (`dask_setup`) makes it ignore Ctrl+C: it
    printed its KeyboardInterrupt traceback under the run's line. Ctrl+C right when the first
    worker process appears (SIGINT at its default, as in a terminal: a shell without job control
    starts background jobs with it ignored)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in SEEDS[:3]:
        (inputs / f.name).write_bytes(f.read_bytes())
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out), "--cluster", "local:2", "--no-reviews", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        while not _spawned_children(proc.pid):
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "no worker process was started"
            time.sleep(0.05)
        time.sleep(1)  # its Python is up and importing (at once: still at the default, SIGINT ends it silently)
    except BaseException:
        _stop(proc)
        raise
    _ctrl_c(proc)

def _ctrl_c(proc) -> None:
    """Ctrl+C in the run's terminal (SIGINT to its process group), checked to end the run with the
    one line of a stopped run (exit 130, no traceback)."""
    try:
        os.killpg(proc.pid, signal.SIGINT)
        output, _ = proc.communicate(timeout=120)
    finally:
        _stop(proc)
    assert proc.returncode == 130, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert "Stopped (Ctrl+C)" in output, output

@pytest.mark.slow
def test_a_page_with_no_article_leaves_its_id_to_the_text_file_on_a_cluster(tmp_path, nlp_info):
    """With --shared-fs the Dask worker extracts the web page: a navigation-only bericht.html
    took the id and bericht.txt beside it was skipped as a duplicate (0 articles). Now the text
    file is read in a second round on the same cluster: its record is the one a local run makes,
    and a re-run takes it from the cache."""
    from pipeline.run import RunOptions, run
    from test_run import NAV_ONLY_PAGE

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bericht.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    (folder / "bericht.txt").write_bytes(SEEDS[0].read_bytes())
    opts = RunOptions(paths=[folder], out=tmp_path / "out", progress=False, cluster="local:1", shared_fs=True)
    summary = run(opts, nlp_info)
    assert [e["path"] for e in summary["errors"]] == [str(folder / "bericht.html")], summary["errors"]
    assert summary["counts"]["articles"] == 1
    run(RunOptions(paths=[folder], out=tmp_path / "local", progress=False), nlp_info)
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == (tmp_path / "local" / "articles.jsonl").read_bytes()
    assert run(opts, nlp_info)["counts"]["cached"] == 1

def test_a_local_cluster_prints_no_warning_when_port_8787_is_taken():
    """`local:N` beside another run's (or a notebook's) Dask cluster, which holds Dask's default
    port 8787: the scheduler's HTTP server takes a free port without a word (before: "UserWarning:
    Port 8787 is already in use. Perhaps you already have a cluster running?" in the run's output)."""
    import warnings

    from pipeline.execute.dask import local_cluster

    holder = socket.socket()
    try:
        holder.bind(("", 8787))
        holder.listen()
    except OSError:
        pass  # taken already: the case itself
    try:
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            cluster = local_cluster(1)
            try:
                assert len(cluster.scheduler_info["workers"]) == 1
            finally:
                cluster.close()
        assert not [w for w in said if "8787" in str(w.message)], [str(w.message) for w in said]
    finally:
        holder.close()

def test_a_worker_closing_while_the_model_loads_logs_no_traceback(caplog):
    """Ctrl+C in the first seconds of a `local:N` run, while the workers load the model: the
    driver closes them, which cancels the plugin's setup. Dask logged that as an ERROR with a
    CancelledError traceback per worker; the plugin now ends quietly (through Dask's own
    `Worker.plugin_add` and its `log_errors`)."""
    import asyncio
    import logging
    import threading

    from distributed import Worker

    from pipeline.execute.dask import PipelinePlugin

    loading = threading.Event()
    plugin = PipelinePlugin("de_presseschau", "", "0" * 16)
    plugin._load = lambda: loading.set() or time.sleep(1) or None

    class Stub:  # what Worker.plugin_add needs of a worker
        plugins: dict = {}

    async def closing() -> None:
        task = asyncio.ensure_future(Worker.plugin_add(Stub(), plugin=plugin, name=plugin.name))
        while not loading.is_set():
            await asyncio.sleep(0.01)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

    with caplog.at_level(logging.ERROR, logger="distributed"):
        for name in ("distributed", "distributed.worker", "distributed.utils"):
            logging.getLogger(name).setLevel(logging.ERROR)  # `_quiet_dask_logs` of another test may have raised it
        # in a thread of its own: a test before this one (the browser tests' sync API) may leave an
        # event loop running in the main thread, where asyncio.run refuses to start
        runner = threading.Thread(target=asyncio.run, args=(closing(),))
        runner.start()
        runner.join()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert plugin.nlp is None and plugin.problem != "still loading the model"

def test_ctrl_c_while_the_local_cluster_starts_arrives_once_it_is_in_hand():
    """Ctrl+C or SIGTERM inside Dask's start of a `local:N` cluster left the half-built cluster to
    Dask's exit hook ("AssertionError: Status.init" under the run's line): the driver holds them
    back while the cluster starts, and gets them right after (held back, not lost)."""
    import signal

    from pipeline.execute.dask import _stop_signals_held

    for sig in (signal.SIGINT, signal.SIGTERM):
        got: list[int] = []
        old = {s: signal.signal(s, lambda signum, frame: got.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            with _stop_signals_held():
                os.kill(os.getpid(), sig)
                time.sleep(0.1)
                assert got == []  # the cluster is still starting
            time.sleep(0.1)
            assert got == [sig]
        finally:
            for s, handler in old.items():
                signal.signal(s, handler)


def test_a_local_worker_logs_no_traceback_for_a_heartbeat_to_its_gone_scheduler(caplog):
    """Ctrl+C while the `local:N` workers start, on a loaded machine: the run stopped (exit 130), its
    scheduler went with it, and a worker's next heartbeat logged "Failed to communicate with scheduler
    during heartbeat." with a CommClosedError traceback under the run's line (seen once under load 6
    in test_ctrl_c_while_the_local_workers_start_prints_no_traceback). The workers' preload
    (`dask_setup`) drops that record; a worker's other errors are still logged."""
    import logging

    from distributed.comm.core import CommClosedError

    from pipeline.execute.dask import _CommClosedFilter, dask_setup

    worker_log = logging.getLogger("distributed.worker")
    old_sigint = signal.getsignal(signal.SIGINT)
    try:
        dask_setup(None)
        with caplog.at_level(logging.ERROR, logger="distributed.worker"):
            for exc in (CommClosedError("in <TCP (closed) ConnectionPool.heartbeat_worker local=tcp://127.0.0.1:40001>: Stream is closed"),
                        MemoryError("a worker's own failure")):
                try:
                    raise exc
                except Exception:
                    worker_log.exception("Failed to communicate with scheduler during heartbeat.")
        assert [r.exc_info[0] for r in caplog.records] == [MemoryError], caplog.text
    finally:
        signal.signal(signal.SIGINT, old_sigint)
        for f in [f for f in worker_log.filters if isinstance(f, _CommClosedFilter)]:
            worker_log.removeFilter(f)
