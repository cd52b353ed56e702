"""Gazetteer membership as lexical features of the ner (issue 13: "gazetteers as features").

A word's membership in the name lists (a first name, a surname, a place) is stored as spaCy lexeme
flags (`FLAG20`..`FLAG22`), which the ner's `MultiHashEmbed` embeds like NORM or SHAPE. The model
learns how much a flag counts in context, so a listed word that is a common noun ("Essen", "Koch")
is no blind overwrite. The word table is a `Lookups` table of the vocab (`presseschau_gazetteer_flags`,
word -> bit mask), saved with the model; the flags are set by the `after_creation` callback below,
named in the model's config.cfg, when spaCy creates the pipeline (also in `nlp.pipe` workers).
The table is built from ../shared/data/gazetteers by `python -m training.gazetteer_flags`.
"""
from __future__ import annotations

from functools import partial
from typing import Callable, Mapping, Optional

import srsly
from spacy.attrs import IDS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.util import registry
from spacy.vocab import Vocab

TABLE = "presseschau_gazetteer_flags"
# bit of the table's mask -> the lexeme flag the ner embeds (spaCy's free flags are FLAG19..FLAG63)
FLAGS = {"first_name": 1, "surname": 2, "place": 4}
FLAG_ATTRS = {"first_name": "FLAG20", "surname": "FLAG21", "place": "FLAG22"}


def has_flag(lookups: Lookups, bit: int, word: str) -> bool:
    """The flag getter (bound with functools.partial, so that it pickles into `nlp.pipe` workers).
    The table is read when a lexeme is made, not when the flag is installed: spaCy loads the vocab's
    lookups in place (and empties its lexeme cache) after the callback has run."""
    if not lookups.has_table(TABLE):
        return False
    return bool(lookups.get_table(TABLE).get(word, 0) & bit)


def install_flags(vocab: Vocab, words: Optional[Mapping] = None) -> None:
    """Install the flag getters on `vocab`; with `words`, (re)write its table first."""
    if words is not None:
        if vocab.lookups.has_table(TABLE):
            vocab.lookups.remove_table(TABLE)
        vocab.lookups.add_table(TABLE, words)
    for name, bit in FLAGS.items():
        vocab.add_flag(partial(has_flag, vocab.lookups, bit), flag_id=IDS[FLAG_ATTRS[name]])


@registry.callbacks("presseschau.gazetteer_flags.v1")
def make_gazetteer_flags(path: Optional[str] = None) -> Callable[[Language], Language]:
    """`[nlp.after_creation]` callback. `path`: a JSON file {word: mask} to fill the table with
    (training); null for a saved model, whose vocab brings the table."""
    def after_creation(nlp: Language) -> Language:
        install_flags(nlp.vocab, srsly.read_json(path) if path else None)
        return nlp
    return after_creation
