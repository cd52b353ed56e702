"""Dask cluster runs and time: a task that hangs (`--batch-timeout`), the only worker dying, a task
given up as it finishes, scheduler addresses that do not answer (split from test_cluster.py in
session 33: the files run side by side)."""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import time

import pytest

from repo_data import SEEDS

from cluster_helpers import DASK, _env, _free_port, _run_cli, _stop

distributed = pytest.importorskip("distributed")


def _stopped_scheduler(request) -> str:
    """A real `dask scheduler` stopped with SIGSTOP: the kernel accepts connections, nobody answers."""
    port = _free_port()
    p = subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], env=_env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def stop():
        p.send_signal(signal.SIGCONT)
        _stop(p)

    request.addfinalizer(stop)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "the dask scheduler did not start"
            time.sleep(0.3)
    time.sleep(1)
    p.send_signal(signal.SIGSTOP)
    return f"tcp://127.0.0.1:{port}"

def test_addresses_that_are_no_dask_scheduler_are_one_line_errors(request, tmp_path, monkeypatch, nlp_info):
    """The dashboard's http:// address, a bad port, and a scheduler that accepts the connection
    and never answers (stopped, frozen): exit 2 with one line, not a traceback or a run that
    waits for ever (Dask bounds the TCP connect, not its handshake)."""
    for address, says in [("http://127.0.0.1:8787", "not a Dask scheduler address"), ("tcp://127.0.0.1:8786x", "cannot reach the Dask scheduler")]:
        r = _run_cli(str(SEEDS[0]), "--out", str(tmp_path / "never"), "--cluster", address)
        assert r.returncode == 2 and says in " ".join(r.stderr.split()), r.stdout + r.stderr
        assert "Traceback" not in r.stdout + r.stderr

    from pipeline.errors import CannotStart
    from pipeline.execute import dask as dask_executor
    from pipeline.run import RunOptions, run

    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT_S", 3)
    address = _stopped_scheduler(request)
    t = time.monotonic()
    with pytest.raises(CannotStart, match="cannot reach the Dask scheduler.*no answer"):
        run(RunOptions(paths=[SEEDS[0]], out=tmp_path / "out", progress=False, cluster=address), nlp_info)
    assert time.monotonic() - t < 30

def test_a_scheduler_address_where_nothing_listens_is_said_at_once(tmp_path, nlp_info):
    """Nothing listening at the address (a scheduler not started, a wrong port): the connection is
    refused at once, and the run says so at once (before: Dask's connect retried for 20 s, then
    "Timed out trying to connect")."""
    from pipeline.errors import CannotStart
    from pipeline.run import RunOptions, run

    port = _free_port()
    t = time.monotonic()
    with pytest.raises(CannotStart) as e:
        run(RunOptions(paths=[SEEDS[0]], out=tmp_path / "out", progress=False, cluster=f"tcp://127.0.0.1:{port}"), nlp_info)
    assert time.monotonic() - t < 10
    assert str(e.value) == (f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: connection refused at 127.0.0.1:{port}: "
                            "is the scheduler running?")

def _seeds_on_a_preloaded_local_cluster(tmp_path, monkeypatch, preload_code: str, odd_name: str):
    """`local:1` started with `preload_code` as a worker preload (beside the executor's own), and a folder of
    two seeds plus seed 003 as `odd_name` (read first, sorted), which the preload treats specially."""
    import logging

    import pipeline.execute.dask as dask_executor

    preload = tmp_path / "test_preload.py"
    preload.write_text(preload_code, encoding="utf-8")

    def local_cluster(n_workers):
        return distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                        scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR,
                                        preload=[dask_executor.__name__, str(preload)])

    monkeypatch.setattr(dask_executor, "local_cluster", local_cluster)
    folder = tmp_path / "in"
    folder.mkdir()
    for f in SEEDS[:2]:
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / odd_name).write_bytes(SEEDS[3].read_bytes())
    return folder

HANG_PRELOAD = '''
def dask_setup(worker):
    import time

    import pipeline.execute.dask as d

    real = d.process_batch

    def hanging(nlp, batch, settings):
        if any(a.path.endswith("haengt.txt") for a in batch):
            time.sleep(900)
        return real(nlp, batch, settings)

    d.process_batch = hanging
'''


@pytest.mark.slow
def test_a_task_that_hangs_is_timed_out_its_worker_restarted_and_the_run_finishes(tmp_path, nlp_info, monkeypatch):
    """A Dask task that hangs (an extractor or component looping on one article) kept its worker busy and
    the run waited for it for ever: Dask has no time limit for a task. Now a batch past --batch-timeout
    (here 20 s) is given up: its future cancelled, its article a `timed_out` error naming the file, its
    worker restarted (a `local:1` worker has a nanny), and the batches that waited behind it on that
    worker are done by the fresh one. (The hang is a preload that makes the workers' `process_batch`
    sleep on 0000_haengt.txt, the first file read.)"""
    from pipeline.run import RunOptions, run

    folder = _seeds_on_a_preloaded_local_cluster(tmp_path, monkeypatch, HANG_PRELOAD, "0000_haengt.txt")
    notices: list[str] = []
    t = time.monotonic()
    summary = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False, cluster="local:1", batch_size=1, batch_timeout=20),
                  nlp_info, on_notice=notices.append)
    assert time.monotonic() - t < 400, notices
    assert [(e["path"], e["kind"]) for e in summary["errors"]] == [(str(folder / "0000_haengt.txt"), "timed_out")], summary["errors"]
    assert "did not finish on the Dask cluster within 20 s" in summary["errors"][0]["message"]
    assert any("within 20 s" in n and "0000_haengt.txt" in n and "restarted its worker" in n for n in notices), notices
    records = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [f.stem for f in SEEDS[:2]]

DIE_PRELOAD = '''
def dask_setup(worker):
    import os
    from pathlib import Path

    import pipeline.execute.dask as d

    real = d.process_batch

    def dying(nlp, batch, settings):
        marker = Path(os.environ["PRESSESCHAU_TEST_DIED"])
        if any(a.path.endswith("stirbt.txt") for a in batch) and not marker.exists():
            marker.write_text("died", encoding="utf-8")
            os._exit(1)  # the worker process dies once (killed for memory); its nanny starts a new one
        return real(nlp, batch, settings)

    d.process_batch = dying
'''


@pytest.mark.slow
def test_the_only_worker_dying_its_tasks_go_to_the_new_one(tmp_path, nlp_info, monkeypatch):
    """`--cluster local:1`, its one worker dies on a batch (killed for memory): Dask puts that batch and the
    ones waiting in its `no-worker` state, and its nanny starts a new worker, which gets the run's resource
    only once its plugin loaded the model. Dask does not look at waiting tasks then: they waited until the
    batch timeout gave them up, every article after the death a `timed_out` error. Now the driver has the
    scheduler place them when a new worker is ready, and every article is processed."""
    from pipeline.run import RunOptions, run

    monkeypatch.setenv("PRESSESCHAU_TEST_DIED", str(tmp_path / "died"))
    folder = _seeds_on_a_preloaded_local_cluster(tmp_path, monkeypatch, DIE_PRELOAD, "0000_stirbt.txt")
    notices: list[str] = []
    summary = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False, cluster="local:1", batch_size=1, batch_timeout=90),
                  nlp_info, on_notice=notices.append)
    assert (tmp_path / "died").exists()
    assert summary["errors"] == [], (summary["errors"], notices)
    records = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted(["0000_stirbt"] + [f.stem for f in SEEDS[:2]])

def test_a_task_that_finished_by_the_time_it_is_given_up_keeps_its_result(nlp_info):
    """A task past its deadline that finishes between the driver's wait and its give-up was thrown away:
    `_give_up` cancelled it and made its articles `timed_out` errors, and restarted its worker, though
    its result was there. Now a finished task is collected; nothing is restarted."""
    import logging

    from pipeline.execute.dask import DaskExecutor, _Clocks
    from pipeline.ingest import read_path
    from pipeline.process import WorkSettings, extract_batch

    _, info = nlp_info
    notices: list[str] = []
    ex = DaskExecutor(WorkSettings(fingerprint=info.fingerprint, pipeline_info={}), info.name, str(info.path), "tcp://127.0.0.1:8786", notices.append)
    (raw,) = list(read_path(SEEDS[0], SEEDS[0].parent))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        ex.client = client
        f = client.submit(extract_batch, None, [raw], None, pure=False)
        distributed.wait(f)
        clocks = _Clocks(1, lambda f: 1.0)
        clocks.add(f)
        result = ex._give_up(f, [raw], clocks)
        ex.client = None
    assert result.outcomes == [(raw.id, raw)], result.outcomes
    assert notices == [] and clocks.deadlines == {}


def test_the_driver_waits_by_reading_task_states_not_through_client_sync(nlp_info, monkeypatch):
    """Under load 9-11 on 2 cores (session 33) a run blocked for good in `distributed.wait(timeout=1)`:
    `Client.sync` waits for the event loop without a bound, and the loop sat idle. The driver now reads
    its tasks' states (`_ended_within`), which needs no call on the loop: with `Client.sync` made to fail,
    a finished task still comes back, a running one is not waited for past the deadline, and a task the
    client cancelled (as it does when it loses the scheduler) ends the run as `ClusterLost`."""
    import logging

    from pipeline.errors import ClusterLost
    from pipeline.execute.dask import DaskExecutor
    from pipeline.process import WorkSettings

    _, info = nlp_info
    ex = DaskExecutor(WorkSettings(fingerprint=info.fingerprint, pipeline_info={}), info.name, str(info.path), "tcp://127.0.0.1:8786")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        ex.client = client
        fast = client.submit(sum, [1, 2], pure=False)
        slow = client.submit(time.sleep, 5, pure=False)
        distributed.wait(fast)

        def no_sync(*args, **kwargs):
            raise AssertionError("the driver waited through Client.sync")

        monkeypatch.setattr(client, "sync", no_sync)
        assert ex._wait_some([fast, slow]) == [fast]
        assert ex._wait_some([slow], time.monotonic() + 0.2) == []
        monkeypatch.undo()
        slow.cancel()
        with pytest.raises(ClusterLost, match="lost the Dask scheduler"):
            ex._wait_some([slow])
        ex.client = None
