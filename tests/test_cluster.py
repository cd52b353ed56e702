"""`presseschau run --cluster` on a real Dask cluster (issue 19): a `dask scheduler` and two
`dask worker` processes from the project's venv on 127.0.0.1, the seeds plus 200 Wikinews
articles, compared byte for byte with a run on this machine. Every process a test starts is
stopped by a finalizer, also when the test fails. (`local:N` clusters: test_cluster_local.py;
hung tasks, dying workers and schedulers that do not answer: test_cluster_timeouts.py.)"""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repo_data import NEWS, SEEDS

from cluster_helpers import N_NEWS, LoopbackCluster, _committed, _env, _run_cli, _stop, _wait_committed, cluster, corpus, local_output  # noqa: F401  (fixtures)

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_cluster_run_equals_local_run_and_rerun_sends_nothing(corpus, local_output, cluster, tmp_path):
    out = tmp_path / "out"
    r = _run_cli(str(corpus), "--out", str(out), "--cluster", cluster.address, "--batch-size", "16")
    assert r.returncode == 0, r.stdout + r.stderr
    assert (out / "articles.jsonl").read_bytes() == local_output
    # the test's scheduler runs with Dask's default debug logs: the run says how to bound them
    assert "DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH=0" in " ".join((r.stdout + r.stderr).split())

    before = cluster.transitions()
    again = _run_cli(str(corpus), "--out", str(out), "--cluster", cluster.address)
    assert again.returncode == 0, again.stdout + again.stderr
    counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
    assert counts["processed"] == 0 and counts["cached"] == len(SEEDS) + N_NEWS
    assert cluster.transitions() == before, "an unchanged re-run sent tasks to the cluster"
    assert (out / "articles.jsonl").read_bytes() == local_output

@pytest.mark.slow
def test_killed_worker_run_completes_identical(corpus, local_output, cluster, tmp_path):
    """With --shared-fs (the workers read the seed files themselves) and a worker killed
    after the first committed batch: its tasks go to the other worker, same output."""
    out = tmp_path / "out"
    proc = _run_cli(str(corpus), "--out", str(out), "--cluster", cluster.address, "--batch-size", "8", "--shared-fs", wait=False)
    try:
        _wait_committed(out, proc)
        victim = cluster.workers[1]
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait(10)
        output, _ = proc.communicate(timeout=900)
    finally:
        _stop(proc)
    assert proc.returncode == 0, output
    assert (out / "articles.jsonl").read_bytes() == local_output

@pytest.mark.slow
def test_shared_fs_relative_inputs_are_found_by_workers_in_another_working_directory(cluster, tmp_path, monkeypatch, nlp_info):
    """The workers run in the checkout, the user in their own folder with `presseschau run in
    --shared-fs`: the workers open the files by the driver's absolute paths (before: the
    relative path, so every file was 'changed or gone'), and the records name them as a run on
    one machine does."""
    from pipeline.run import RunOptions, run

    (tmp_path / "in").mkdir()
    for f in SEEDS[:2]:
        (tmp_path / "in" / f.name).write_bytes(f.read_bytes())
    page = NEWS / "html" / "pages" / "readability4j--faz-1.html"  # a web page: extracted by the worker
    (tmp_path / "in" / page.name).write_bytes(page.read_bytes())
    cmd = [sys.executable, "-m", "pipeline", "run", "in", "--out", "out", "--no-reviews", "--no-progress", "--cluster", cluster.address, "--shared-fs"]
    r = subprocess.run(cmd, cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    monkeypatch.chdir(tmp_path)
    run(RunOptions(paths=[Path("in")], out=Path("local"), progress=False), nlp_info)
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == (tmp_path / "local" / "articles.jsonl").read_bytes()

@pytest.mark.slow
def test_shared_fs_reads_a_file_whose_name_is_not_utf8_and_the_run_leaves_no_plugin_behind(cluster, tmp_path, nlp_info):
    """--shared-fs with a Latin-1 file name (b"Bericht_\\xe4.txt", as an old archive has them):
    the worker opens it by the name the file system knows (before: by the name as shown,
    "Bericht_\\xe4.txt", so it was 'cannot read ... No such file'); the records equal a run on
    one machine. After the run, its worker plugin is gone from the scheduler and its workers
    (before: it stayed, and every worker that joined later was handed it)."""
    from pipeline.run import RunOptions, run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"Bericht_\xe4.txt")).write_bytes(SEEDS[0].read_bytes())
    (folder / SEEDS[1].name).write_bytes(SEEDS[1].read_bytes())
    summary = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False, cluster=cluster.address, shared_fs=True), nlp_info)
    assert not summary["errors"] and summary["counts"]["processed"] == 2, summary["errors"]
    run(RunOptions(paths=[folder], out=tmp_path / "local", progress=False), nlp_info)
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == (tmp_path / "local" / "articles.jsonl").read_bytes()

    with distributed.Client(cluster.address, timeout=30) as c:
        assert not [n for n in c.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins)) if n.startswith("presseschau")]
        for addr, (plugins, resources) in c.run(lambda dask_worker: (list(dask_worker.plugins), dict(dask_worker.state.total_resources))).items():
            assert not [n for n in plugins if n.startswith("presseschau")], addr
            assert not any(resources.values()), (addr, resources)  # no task of a later run is drawn to a worker without the model

@pytest.mark.slow
def test_lost_scheduler_ends_the_run_with_exit_1_and_a_rerun_resumes(corpus, local_output, cluster, tmp_path, nlp_info):
    """Runs last: it stops the module's scheduler."""
    out = tmp_path / "out"
    proc = _run_cli(str(corpus), "--out", str(out), "--cluster", cluster.address, "--batch-size", "8", wait=False)
    try:
        _wait_committed(out, proc)
        cluster.scheduler.kill()
        output, _ = proc.communicate(timeout=300)
    finally:
        _stop(proc)
    assert proc.returncode == 1, output
    assert "lost the Dask scheduler" in output and "Traceback" not in output
    done = _committed(out)
    assert 0 < done < len(SEEDS) + N_NEWS

    from pipeline.run import RunOptions, run

    summary = run(RunOptions(paths=[corpus], out=out, progress=False), nlp_info)
    assert summary["counts"]["cached"] == done and summary["counts"]["processed"] == len(SEEDS) + N_NEWS - done
    assert (out / "articles.jsonl").read_bytes() == local_output

NO_PRESSESCHAU = """
import sys
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path_importer_cache.clear()
try:
    import pipeline
    sys.exit("pipeline is importable")
except ImportError:
    pass
from distributed.cli.dask_worker import main
sys.argv = ["dask-worker", *sys.argv[1:]]
main()
"""


@pytest.mark.slow
def test_a_worker_without_presseschau_refuses_and_a_run_whose_workers_all_die_stops(corpus, local_output, request, tmp_path, monkeypatch, nlp_info):
    """A worker started from a Python without the project is named and gets no task while the
    other works (before: a traceback); when every worker that can work is gone mid-run, the run
    stops with ClusterLost (exit 1) instead of waiting for ever, and a re-run goes on."""
    from pipeline.errors import ClusterLost
    from pipeline.execute import dask as dask_executor
    from pipeline.run import RunOptions, run

    cl = LoopbackCluster(request, n_workers=1)
    good = cl.workers[0]
    # the venv's Python without this checkout on its path (no PYTHONPATH, another folder, no editable install)
    env = {k: v for k, v in _env().items() if k != "PYTHONPATH"}
    bad = subprocess.Popen([sys.executable, "-c", NO_PRESSESCHAU, cl.address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"],
                           cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    cl.procs.append(bad)
    with distributed.Client(cl.address, timeout=60) as c:
        c.wait_for_workers(2, timeout=120)
    monkeypatch.setattr(dask_executor, "NO_WORKER_S", 3)
    monkeypatch.setattr(dask_executor, "WORKER_CHECK_S", 1)
    out = tmp_path / "out"
    notices: list[str] = []

    def kill_the_good_worker():
        deadline = time.monotonic() + 600
        while _committed(out) < 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        os.kill(good.pid, signal.SIGKILL)

    import threading

    killer = threading.Thread(target=kill_the_good_worker, daemon=True)
    killer.start()
    with pytest.raises(ClusterLost, match="no Dask worker .* could run this pipeline"):
        run(RunOptions(paths=[corpus], out=out, progress=False, cluster=cl.address, batch_size=8), nlp_info, on_notice=notices.append)
    killer.join(10)
    assert bad.poll() is None
    assert any("refuses to work: it cannot load presseschau" in n and "No module named 'pipeline'" in n for n in notices), notices
    assert any("waiting up to" in n for n in notices), notices
    done = _committed(out)
    assert 0 < done < len(SEEDS) + N_NEWS

    summary = run(RunOptions(paths=[corpus], out=out, progress=False), nlp_info)
    assert summary["counts"]["cached"] == done
    assert (out / "articles.jsonl").read_bytes() == local_output

def test_bad_cluster_spec_is_a_one_line_error():
    r = _run_cli(str(SEEDS[0]), "--out", "/tmp/never-written", "--cluster", "local:zero")
    assert r.returncode == 2 and "local:N" in r.stderr and "Traceback" not in r.stdout + r.stderr

def test_shared_fs_worker_reads_the_file_as_the_driver_did_and_refuses_a_changed_one(tmp_path):
    from pipeline.errors import ArticleError, ErrorKind
    from pipeline.execute.dask import to_ref
    from pipeline.ingest import read_path, read_ref as resolve
    from pipeline.schema import FileRef

    src = tmp_path / "corpus"
    src.mkdir()
    f = src / SEEDS[0].name
    f.write_bytes(SEEDS[0].read_bytes())
    (raw,) = list(read_path(f, src))
    ref = to_ref(raw, 5_000_000)
    assert isinstance(ref, FileRef) and raw.text not in repr(ref)
    assert resolve(ref) == raw

    f.write_bytes(SEEDS[1].read_bytes())  # changed between the driver's read and the worker's
    err = resolve(ref)
    assert isinstance(err, ArticleError) and err.kind == ErrorKind.UNREADABLE and str(f) in err.message
    f.unlink()
    assert isinstance(resolve(ref), ArticleError)

    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as fh:
        (src / "news.jsonl").write_text(next(fh), encoding="utf-8")
    (rec,) = list(read_path(src / "news.jsonl", src))
    assert to_ref(rec, 5_000_000) is rec  # JSONL records travel with their text

def test_a_plugin_that_cannot_be_unregistered_is_a_notice_not_a_crash(nlp_info):
    """The run's end (normal, error, Ctrl+C) unregisters its worker plugin; a scheduler that
    fails that (gone, refusing) costs a notice naming the plugin, never the run's outcome."""
    from pipeline.execute.dask import DaskExecutor
    from pipeline.process import WorkSettings

    _, info = nlp_info
    notices: list[str] = []
    ex = DaskExecutor(WorkSettings(fingerprint=info.fingerprint, pipeline_info={}), info.name, str(info.path), "tcp://127.0.0.1:8786", notices.append)
    calls: list[str] = []

    class Client:
        status = "running"

        def unregister_worker_plugin(self, name):
            calls.append(name)
            raise OSError("the scheduler hung up")

        def close(self):
            calls.append("closed")

    ex.client, ex.registered = Client(), True
    ex.close()
    assert calls == [ex.plugin_name, "closed"]
    assert len(notices) == 1 and ex.plugin_name in notices[0] and "the scheduler hung up" in notices[0], notices


def test_a_plugin_unregistration_that_never_returns_is_given_up_after_its_bound(nlp_info, monkeypatch):
    """Dask's synchronous calls wait for its event loop without a bound of their own; the run's end
    asked in a thread pool with a timeout, but leaving the pool joined the thread, so a call that never
    returned held the driver all the same. Now it is given up after CONNECT_TIMEOUT_S with a notice,
    and the client is still closed."""
    import threading

    from pipeline.execute import dask as dask_executor
    from pipeline.process import WorkSettings

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT_S", 0.5)
    _, info = nlp_info
    notices: list[str] = []
    ex = dask_executor.DaskExecutor(WorkSettings(fingerprint=info.fingerprint, pipeline_info={}), info.name, str(info.path),
                                    "tcp://127.0.0.1:8786", notices.append)
    calls: list[str] = []
    never = threading.Event()

    class Client:
        status = "running"

        def unregister_worker_plugin(self, name):
            calls.append(name)
            never.wait(30)

        def close(self):
            calls.append("closed")

    ex.client, ex.registered = Client(), True
    started = time.monotonic()
    ex.close()
    never.set()
    assert calls == [ex.plugin_name, "closed"]
    assert time.monotonic() - started < 15, "the driver waited for the call"
    assert len(notices) == 1 and ex.plugin_name in notices[0] and "no answer" in notices[0], notices

def test_a_connection_closed_under_a_pending_future_is_not_logged_after_quieting(caplog):
    """SIGTERM to the process group of a `local:N` run: its workers close the scheduler's
    connections, and asyncio logged "Future exception was never retrieved" with a CommClosedError
    traceback before "Stopped (SIGTERM)". After `_quiet_dask_logs` that record is dropped, through
    asyncio's own path (a future garbage-collected with its exception unread); another exception
    is still logged."""
    import asyncio
    import gc
    import logging

    from distributed.comm.core import CommClosedError

    from pipeline.execute.dask import _quiet_dask_logs

    def unread(exc: BaseException) -> None:
        loop = asyncio.new_event_loop()
        try:
            fut = loop.create_future()
            fut.set_exception(exc)
            del fut
            gc.collect()
        finally:
            loop.close()

    _quiet_dask_logs()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        unread(CommClosedError("in <TCP (closed) Scheduler Broadcast local=tcp://127.0.0.1:47726>: Stream is closed"))
        assert not [r for r in caplog.records if "never retrieved" in r.getMessage()], caplog.text
        unread(ValueError("a bug"))
        assert [r for r in caplog.records if "never retrieved" in r.getMessage()], "other exceptions must still be logged"
