"""`spacy pretrain` for the inline CNN tok2vec of a transition-based component.

spaCy's pretraining addresses the layer to pretrain as `component.model.get_ref(layer)`. For
an `ner` or `parser` with an inline tok2vec, the ref "tok2vec" is spaCy's wrapper chain
(Tok2Vec -> list2array -> Linear), which returns one array for the whole batch, while the
pretraining objectives need the Tok2Vec's list of per-doc arrays; pretraining it fails with
"Provided 'x' array should be 2-dimensional". The two registered functions below work on the
inner Tok2Vec (the chain's first layer) instead, so the pretrained weights fit the Tok2Vec of
`ner_vec.cfg` and `pos_vec.cfg` alike (same width and depth).

Used with `--code training/pretrain_hooks.py`:
  * pretraining: `[pretraining.objective] @architectures = "presseschau.PretrainCharactersInner.v1"`
  * training: `[initialize.after_init] @callbacks = "presseschau.load_pretrained_tok2vec.v1"`
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from spacy.language import Language
from spacy.ml.models.multi_task import create_pretrain_characters
from spacy.util import registry
from thinc.api import Model


def inner_tok2vec(model: Model) -> Model:
    """The Tok2Vec (docs -> list of arrays) inside spaCy's parser wrapper, or `model` itself."""
    if len(model.layers) == 3 and model.layers[1].name == "list2array":
        return model.layers[0]
    return model


@registry.architectures("presseschau.PretrainCharactersInner.v1")
def pretrain_characters_inner(maxout_pieces: int, hidden_size: int, n_characters: int) -> Callable:
    make = create_pretrain_characters(maxout_pieces, hidden_size, n_characters)
    return lambda vocab, tok2vec: make(vocab, inner_tok2vec(tok2vec))


@registry.callbacks("presseschau.load_pretrained_tok2vec.v1")
def load_pretrained_tok2vec(path: str, component: str) -> Callable[[Language], Language]:
    """After `nlp.initialize`, replace the component's inner Tok2Vec weights with pretrained ones."""

    def after_init(nlp: Language) -> Language:
        if not path:
            return nlp
        model = nlp.get_pipe(component).model
        inner_tok2vec(model.get_ref("tok2vec")).from_bytes(Path(path).read_bytes())
        return nlp

    return after_init
