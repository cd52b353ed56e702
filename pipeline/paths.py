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
