"""spacy-lookups-data's German lemma table, the one copy a process (about 160 MB): the fallback of the dates and
figures components where a token has no lemma of the pipeline's (dates/patterns.py `_lemma_table`, figures/lemmas.py
`_table` and `_singular_in_e`). Its own module, so that both stages import it without a cycle (figures imports dates)."""
from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=1)
def lookup_lemma_table() -> Any:
    """spacy-lookups-data's German ``lemma_lookup`` table, loaded on the first call; {} without the package."""
    try:
        from spacy.lookups import load_lookups

        return load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    except Exception:  # spacy-lookups-data not installed
        return {}
