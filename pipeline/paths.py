"""Where things are: the one place for the package's and the repository's paths."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: the repository root when Presseschau runs from a checkout (models/, annotations/ live there)
ROOT = PACKAGE.parent
LANG_DIR = PACKAGE / "lang" / "de"
SCHEMA_PATH = PACKAGE / "schema" / "record.schema.json"
STATIC_DIR = PACKAGE / "review" / "static"
BUNDLED_MODEL = ROOT / "models" / "de_presseschau"
ANNOTATIONS = ROOT / "annotations"
ALIASES = ANNOTATIONS / "aliases.tsv"
GOLD = ANNOTATIONS / "gold" / "seeds.jsonl"
#: the open data sets beside the repository (evaluation and training only)
SHARED_DATA = ROOT.parent / "shared" / "data"


def run_articles(path: Path | str) -> Path:
    """The articles.jsonl of a run as the commands that read one take it (review, export, import,
    report, validate, evaluate): the output folder's, or the file named. The run's run.json named
    instead raises `errors.RunSummaryGiven`, a Parquet output `errors.ParquetOutputGiven`: each says what to give."""
    path = Path(path)
    if path.suffix == ".parquet" or path.parent.suffix == ".parquet":  # out/articles.parquet, a part file in it
        from .errors import ParquetOutputGiven

        raise ParquetOutputGiven(path)
    if path.is_dir():
        return path / "articles.jsonl"
    if path.name == "run.json" and (path.parent / "articles.jsonl").exists():
        from .errors import RunSummaryGiven

        raise RunSummaryGiven(path)
    return path
