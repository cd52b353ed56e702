"""Usage errors of every command: what typer/click find while reading the command line (a value
of the wrong type or out of its range, an unknown option or command, a missing argument, a bad
choice) and an empty path, as a user mistypes them. README: exit 2 "prints one line"; typer
printed a box of six lines ("╭─ Error ─...") that named the option but not the value given."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from repo_data import REPO


def flat(text: str) -> str:
    return " ".join(text.split())


def _one_usage_line(res) -> str:
    """The output of a usage error: one message, no box, exit 2."""
    text = flat(res.output)
    assert res.exit_code == 2 and (res.exception is None or isinstance(res.exception, SystemExit)), (res.output, res.exception)
    assert text.count("✘") == 1 and "│" not in text and "╭" not in text and "Usage:" not in text, res.output
    assert "Traceback" not in res.output
    return text


@pytest.mark.parametrize("args, said", [
    (["run", "-n", "abc"], "presseschau run: --n-process abc: give a whole number"),
    (["run", "--batch-timeout", "soon"], "presseschau run: --batch-timeout soon: give a number"),
    (["run", "--nope"], "presseschau run: No such option: --nope"),
    (["run", "-n"], "presseschau run: Option '-n' requires an argument."),
    (["report", "--top", "0"], "presseschau report: --top 0: give a whole number of 1 or more"),
    (["report", "--top", "many"], "presseschau report: --top many: give a whole number of 1 or more"),
    (["review", "--port", "70000"], "presseschau review: --port 70000: give a whole number from 0 to 65535"),
    (["review", "--port", "-1"], "presseschau review: --port -1: give a whole number from 0 to 65535"),
    (["evaluate-model", "--limit", "-1"], "presseschau evaluate-model: --limit -1: give a whole number of 0 or more"),
    (["evaluate-rules", "--errors", "-1"], "presseschau evaluate-rules: --errors -1: give a whole number of 0 or more"),
    (["evaluate-model", "--model", "", "--data", "nodata"], "presseschau evaluate-model: --model '': give a model name or path (or leave --model out"),
    (["evaluate-rules", "-m", " ", "--data", "nodata"], "presseschau evaluate-rules: --model ' ': give a model name or path"),
    (["evaluate-dates", "--model", "", "--data", "nodata"], "presseschau evaluate-dates: --model '': give a model name or path"),
    (["evaluate-model", "--mode", "fast"], "presseschau evaluate-model: --mode 'fast': one of model, pipeline, both"),
    (["export", "--format", "xml"], "presseschau export: --format xml: give one of jsonl, prodigy, doccano, label-studio, docbin, csv, csv-excel, xlsx, parquet"),
    (["export", "--doccano-offsets", "bytes"], "presseschau export: --doccano-offsets bytes: give one of utf16, codepoints"),
    (["import"], "presseschau import: Missing argument 'fmt'. Choose from: prodigy, doccano, label-studio"),
    (["import", "prodigy"], "presseschau import: Missing argument 'path'."),
    (["import", "brat", "x.ann"], "presseschau import: the argument fmt brat: give one of prodigy, doccano, label-studio"),
    (["validate", "a.jsonl", "b.jsonl"], "presseschau validate: Got unexpected extra argument(s) (b.jsonl)"),
    (["nosuchcmd"], "presseschau: No such command 'nosuchcmd'."),
    (["--nope"], "presseschau: No such option: --nope"),
])
def test_every_usage_error_is_one_line_naming_option_and_value(args, said):
    text = _one_usage_line(CliRunner().invoke(app, args))
    command = said.split(":")[0]
    assert said in text and f"(see {command} --help)" in text, text


@pytest.mark.parametrize("args, said", [
    (["run", "corpus", "--annotations", ""], "presseschau run: --annotations '': an empty path names no file or folder"),
    (["report", "outputs", "-a", ""], "presseschau report: --annotations '': an empty path"),
    (["report", ""], "presseschau report: the argument data '': an empty path"),
    (["report", "outputs", "-o", ""], "presseschau report: --out '': an empty path"),
    (["review", "outputs", "-a", ""], "presseschau review: --annotations '': an empty path"),
    (["review", "", "--conflicts"], "presseschau review: the argument data '': an empty path"),
    (["export", "-d", ""], "presseschau export: --data '': an empty path"),
    (["export", "-o", ""], "presseschau export: --out '': an empty path"),
    (["import", "prodigy", ""], "presseschau import: the argument path '': an empty path"),
    (["import", "prodigy", "x.jsonl", "-a", ""], "presseschau import: --annotations '': an empty path"),
    (["validate", ""], "presseschau validate: the argument path '': an empty path"),
    (["evaluate", "--run", ""], "presseschau evaluate: --run '': an empty path"),
    (["evaluate", "--gold", ""], "presseschau evaluate: --gold '': an empty path"),
    (["evaluate-model", "--data", ""], "presseschau evaluate-model: --data '': an empty path"),
    (["evaluate-rules", "--data", ""], "presseschau evaluate-rules: --data '': an empty path"),
])
def test_an_empty_path_is_a_usage_error_for_every_path_option(tmp_path, monkeypatch, args, said):
    """`-a "$ANN"` with the variable unset: pathlib read "" as ".", the current folder (`run --annotations ''`
    gave only a notice "no review log at ." and ran without the project's reviews; `export -o ''` wrote into the
    working directory). Now one line naming the option, exit 2, before anything is read or written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text((REPO / "corpus" / "003_402700ddbbeb6917.txt").read_text(encoding="utf-8"), encoding="utf-8")
    text = _one_usage_line(CliRunner().invoke(app, args))
    assert said in text and "(not the current folder: give '.' for that)" in text, text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]  # nothing written here


@pytest.mark.parametrize("module", ["pipeline", "pipeline.cli"])
def test_the_installed_command_prints_the_usage_error_in_one_line(module):
    """The console script, `python -m pipeline` and `python -m pipeline.cli` (which said "No module named
    pipeline.cli.__main__", exit 1) go through the same group: one message, exit 2; --help unchanged."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "80"}
    proc = subprocess.run([sys.executable, "-m", module, "report", "--top", "0"], capture_output=True, text=True, env=env, cwd=REPO)
    text = flat(proc.stdout + proc.stderr)
    assert proc.returncode == 2 and text.count("✘") == 1 and "│" not in text, text
    assert "presseschau report: --top 0: give a whole number of 1 or more (see presseschau report --help)" in text, text
    proc = subprocess.run([sys.executable, "-m", "pipeline", "report", "--help"], capture_output=True, text=True, env=env, cwd=REPO)
    assert proc.returncode == 0 and "Usage: presseschau report [OPTIONS] [data]" in proc.stdout and "--top" in proc.stdout, proc.stdout


def _cli(*args, cwd=REPO, **env):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "80", **env}, timeout=300)


def test_a_long_message_is_one_line_not_wrapped_at_80_columns(tmp_path):
    """wasabi hard-wrapped every message at 80 columns, into a pipe or a log file too: the path of
    this message was cut in two lines, so copying it or grepping the log for it failed."""
    missing = tmp_path / "Zeitungsarchiv_2022" / "Ausgaben_Januar" / "Lokalteil_Landkreis_Nord" / "fehlt"
    proc = _cli("run", str(missing), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    line = f"✘ no such file or folder: {missing}; nothing was written"
    assert len(line) > 80 and line in proc.stderr.splitlines(), proc.stderr
    # and it is the one message (README: exit 2 prints one line), not after the model's line "ℹ Model: ..."
    assert proc.stderr.strip() == line and not proc.stdout, proc.stdout + proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_model_variable_is_a_usage_error(tmp_path, value):
    """`PRESSESCHAU_MODEL="$MODEL"` with the variable unset ran with the default model without a word,
    where `--model ""` is refused: the same one line naming the variable, exit 2, nothing written."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text((REPO / "corpus" / "003_402700ddbbeb6917.txt").read_text(encoding="utf-8"), encoding="utf-8")
    proc = _cli("run", str(corpus), "--out", str(tmp_path / "out"), PRESSESCHAU_MODEL=value)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2 and "Traceback" not in text and text.count("✘") == 1, text
    assert f"PRESSESCHAU_MODEL={value!r} (the environment variable is set but empty): give a model name or path" in text, text
    assert "Model:" not in text and not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, env, said", [
    (["review", "outputs", "-r", ""], {}, "presseschau review: --reviewer '': give a name"),
    (["review", "outputs", "--reviewer", " "], {}, "presseschau review: --reviewer ' ': give a name"),
    (["review", "outputs"], {"PRESSESCHAU_REVIEWER": ""}, "presseschau review: PRESSESCHAU_REVIEWER='' (the environment variable is set but empty)"),
    (["import", "prodigy", "tasks.jsonl", "-r", ""], {}, "presseschau import: --reviewer '': give a name"),
    # the same for the address: "" bound every interface ("Listening on :"), not this machine only
    (["review", "outputs", "--host", ""], {}, "presseschau review: --host '': give an address (127.0.0.1, the default"),
])
def test_an_empty_reviewer_name_or_host_is_a_usage_error(tmp_path, monkeypatch, args, env, said):
    """`--reviewer "$NAME"` (or PRESSESCHAU_REVIEWER) with the variable unset recorded the decisions under the
    login name (import: "import:prodigy") without a word, so two reviewers could count as one. One line, exit 2,
    before the app starts or anything is read or written (the folder here has no outputs: the refusal comes first)."""
    monkeypatch.chdir(tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    text = _one_usage_line(CliRunner().invoke(app, args))
    assert said in text and "(see presseschau" in text, text
    assert list(tmp_path.iterdir()) == []


def test_errors_and_warnings_go_to_stderr_results_to_stdout(tmp_path):
    """README 'Messages': every message went to stdout, so `presseschau validate ... > log` or a script
    reading a command's result got the errors mixed into it. Errors and warnings are on stderr (without
    colour codes when it is not a terminal), the result line on stdout."""
    good = _cli("validate", str(REPO / "outputs" / "articles.jsonl"))
    assert good.returncode == 0 and good.stdout.startswith("✔ ") and "records valid" in good.stdout and not good.stderr, good.stdout + good.stderr
    bad = tmp_path / "articles.jsonl"
    bad.write_text((REPO / "outputs" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n{not json\n", encoding="utf-8")
    proc = _cli("validate", str(bad))
    assert proc.returncode == 1 and not proc.stdout, proc.stdout
    assert proc.stderr.startswith(f"✘ {bad}:2: invalid JSON line") and "\x1b[" not in proc.stderr, proc.stderr
    # a warning (a mistyped review log folder) on stderr, the report's "Wrote ..." on stdout
    proc = _cli("report", str(REPO / "outputs"), "-a", str(tmp_path / "no-log"), "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 0 and proc.stdout.startswith(f"✔ Wrote {tmp_path / 'r.html'}"), proc.stdout + proc.stderr
    assert proc.stderr.startswith(f"⚠ no review log at {tmp_path / 'no-log'}") and "Wrote" not in proc.stderr, proc.stderr
