"""Loading a spaCy model (package name or folder): `spacy.load` with one cost taken out.

spaCy's `entity_ruler` and `span_ruler` turn their phrase patterns into Docs with
`nlp.pipe` when they are loaded, with every component before them enabled (spaCy does so
for rulers whose phrase matcher reads POS or lemmas). The bundled model's `gazetteer` ruler
comes after the tagger, parser and NER and matches on the token text, so `spacy.load` ran the
whole model over its 2,859 place names: about 6 s of CPU at every load (each `presseschau
run`, worker process and evaluation), for Docs of which only the tokens are used.
`load_model` loads such a ruler with the tokenizer alone. The pipeline is the same (the same
components, in the same order, with the same config and patterns; tests/test_model.py
compares them with `spacy.load`'s)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language

RULER_FACTORIES = ("entity_ruler", "span_ruler")
# token attributes the tokenizer alone sets: phrase patterns matched on them need no other component
TOKENIZER_ATTRS = (None, "ORTH", "TEXT", "LOWER")


def model_dir(name: str) -> Optional[Path]:
    """The folder `spacy.load(name)` reads: the path itself, or the data folder of the
    installed package (`<package>/<lang>_<name>-<version>`, as spaCy's `load_model_from_init_py`
    finds it); None for anything else."""
    if Path(name).exists():
        return Path(name).resolve()
    if not spacy.util.is_package(name):
        return None
    package = Path(spacy.util.get_package_path(name))
    try:
        meta = spacy.util.get_model_meta(package)
    except (OSError, ValueError):
        return None
    data = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    return data if data.is_dir() else None


def tokenizer_only_rulers(config: dict) -> list[str]:
    """The enabled components of a model's config that are rulers matching phrases on the
    token text (their patterns need the tokenizer only), in pipeline order."""
    disabled = set(config["nlp"].get("disabled", []))
    components = config.get("components", {})
    return [name for name in config["nlp"].get("pipeline", [])
            if name not in disabled
            and components.get(name, {}).get("factory") in RULER_FACTORIES
            and components[name].get("phrase_matcher_attr") in TOKENIZER_ATTRS
            and "source" not in components[name]]


def load_model(name: str) -> Language:
    """`spacy.load(name)`, the rulers of `tokenizer_only_rulers` loaded with the tokenizer alone.
    Raises what `spacy.load` raises (OSError for no such model, ValueError for a broken config)."""
    folder = model_dir(name)
    if folder is None or not (folder / "config.cfg").is_file():
        return spacy.load(name)
    config = spacy.util.load_config(folder / "config.cfg")
    rulers = tokenizer_only_rulers(config)
    if not rulers:
        return spacy.load(name)
    nlp = spacy.load(name, exclude=rulers)
    order = [n for n in config["nlp"]["pipeline"] if n not in set(config["nlp"].get("disabled", []))]
    for ruler in rulers:
        settings = {k: v for k, v in config["components"][ruler].items() if k != "factory"}
        later = [n for n in order[order.index(ruler) + 1:] if n in nlp.pipe_names]
        place = {"before": later[0]} if later else {"last": True}
        pipe = nlp.add_pipe(config["components"][ruler]["factory"], name=ruler, config=settings, **place)
        with nlp.select_pipes(enable=[]):  # the ruler's nlp.pipe over its patterns: tokenizer only
            pipe.from_disk(folder / ruler)
    return nlp
