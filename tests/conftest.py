"""Shared fixtures: the bundled pipeline loaded once, one pipeline run of the seeds."""
from __future__ import annotations

import json

import pytest

from repo_data import CORPUS

# The test files that run longest (they start processes or run the model over whole evaluation sets) go first,
# the longest first: `make test` hands the files to the pytest-xdist workers in collection order
# (`--no-loadscope-reorder`; without it xdist sorts them by their number of tests, and these files, which have
# few, came last and kept one worker busy minutes after the others were idle). A stable sort: every file keeps its
# own order. The order follows the per-file durations of session 33 (docs/measurements/scale.md).
LONG_FILES_FIRST = ("test_cluster.py", "test_workers.py", "test_cluster_timeouts.py", "test_model_floors.py",
                    "test_run.py", "test_hostile.py", "test_cluster_local.py", "test_model.py",
                    "test_evaluate_pipeline_mode.py", "test_batch.py", "test_html.py")


def pytest_collection_modifyitems(session, config, items):
    rank = {name: i for i, name in enumerate(LONG_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session")
def nlp_info():
    from pipeline.nlp import load_nlp

    return load_nlp(None)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory, nlp_info):
    """Run the pipeline once on corpus/ (into a temp folder); returns (out_dir, summary, records)."""
    from pipeline.run import RunOptions, run

    out = tmp_path_factory.mktemp("seed_run")
    summary = run(RunOptions(paths=[CORPUS], out=out, progress=False), nlp_info)
    records = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, summary, records



@pytest.fixture(scope="session")
def nlp_model():
    """The trained model (models/de_presseschau) with the project's components, loaded once for the
    FIGURE/DATE tests; they are skipped where it was not trained."""
    from figure_helpers import MODEL

    if not (MODEL / "meta.json").exists():
        pytest.skip("trained model not available")
    from pipeline.nlp import load_nlp

    return load_nlp(str(MODEL))[0]
