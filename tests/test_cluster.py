"""`presseschau run --cluster` on a real Dask cluster (issue 19): a `dask scheduler` and two
`dask worker` processes from the project's venv on 127.0.0.1, the seeds plus 200 Wikinews
articles, compared byte for byte with a run on this machine. Every process a test starts is
stopped by a finalizer, also when the test fails."""
from __future__ import annotations

import dataclasses
import gzip
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repo_data import NEWS, REPO, SEEDS

distributed = pytest.importorskip("distributed")

DASK = Path(sys.executable).parent / "dask"
N_NEWS = 200


def _env() -> dict:
    # the workers must import this checkout's pipeline (the venv's editable install may point elsewhere)
    return dict(os.environ, CI="1", PYTHONPATH=str(REPO), DASK_DISTRIBUTED__LOGGING__DISTRIBUTED="error")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(p: subprocess.Popen) -> None:
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(10)


class LoopbackCluster:
    """A scheduler and workers as separate processes, as on a real cluster (no nanny: a
    killed worker stays dead, so its tasks must go to the other one)."""

    def __init__(self, request, n_workers: int = 2):
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []
        request.addfinalizer(self.stop)
        self.scheduler = self._start([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"])
        self._wait_port()
        self.workers = [
            self._start([str(DASK), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                         "--host", "127.0.0.1", "--memory-limit", "0"])
            for _ in range(n_workers)
        ]
        with distributed.Client(self.address, timeout=60) as c:
            c.wait_for_workers(n_workers, timeout=120)

    def _start(self, cmd: list[str]) -> subprocess.Popen:
        p = subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.procs.append(p)
        return p

    def _wait_port(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the dask scheduler did not start")

    def transitions(self) -> int:
        """The scheduler's count of task state transitions: unchanged means no task was sent."""
        with distributed.Client(self.address, timeout=30) as c:
            return c.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)

    def stop(self) -> None:
        for p in reversed(self.procs):
            _stop(p)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus the first 200 Wikinews articles (real text), in one input folder."""
    folder = tmp_path_factory.mktemp("cluster_corpus")
    for f in SEEDS:
        (folder / f.name).write_bytes(f.read_bytes())
    with gzip.open(NEWS / "wikinews_de.jsonl.gz", "rt", encoding="utf-8") as src, gzip.open(folder / "wikinews200.jsonl.gz", "wt", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= N_NEWS:
                break
            dst.write(line)
    return folder


@pytest.fixture(scope="module")
def local_output(corpus, tmp_path_factory, nlp_info) -> bytes:
    """articles.jsonl of an ordinary run on this machine."""
    from pipeline.run import RunOptions, run

    out = tmp_path_factory.mktemp("local_run")
    summary = run(RunOptions(paths=[corpus], out=out, progress=False), nlp_info)
    assert summary["counts"]["articles"] == len(SEEDS) + N_NEWS and not summary["errors"]
    return (out / "articles.jsonl").read_bytes()


@pytest.fixture(scope="module")
def cluster(request) -> LoopbackCluster:
    return LoopbackCluster(request)


def _run_cli(*args: str, wait: bool = True):
    cmd = [sys.executable, "-m", "pipeline", "run", *args, "--no-reviews", "--no-progress"]
    if wait:
        return subprocess.run(cmd, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=900)
    return subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _committed(out: Path) -> int:
    db = out / ".presseschau" / "cache-v1.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait_committed(out: Path, proc: subprocess.Popen, at_least: int = 1, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while _committed(out) < at_least:
        assert proc.poll() is None, f"the run ended before the fault was injected: {proc.stdout.read()}"
        assert time.monotonic() < deadline, "no batch was committed in time"
        time.sleep(0.2)


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
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        ex.client = client
        f = client.submit(extract_batch, None, [raw], None, pure=False)
        distributed.wait(f)
        clocks = _Clocks(1, lambda f: 1.0)
        clocks.add(f)
        result = ex._give_up(f, [raw], clocks)
        ex.client = None
    assert result.outcomes == [(raw.id, raw)], result.outcomes
    assert notices == [] and clocks.deadlines == {}
