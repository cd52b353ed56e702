"""`nlp`, the two rule components on a blank pipeline (tests/figure_helpers.py, its one definition);
`nlp_model`, the trained model, comes from tests/conftest.py."""
from figure_helpers import nlp  # noqa: F401
