"""training/augment.py (issue 13, session 14): mention replacement on a real Wikinews train article
with its gold names (annotations/news), as the experiment made its training copies."""
from __future__ import annotations

import random

import spacy

from repo_data import SHARED


def _article_doc():
    """The first train article with a person named twice by surname, as a Doc with its gold PER/ORG/LOC/MISC."""
    from pipeline.evaluate.model import news_corpus

    nlp = spacy.blank("de")
    for rec, text in news_corpus(SHARED / "data", "train"):
        per = [e for e in rec["entities"] if e["label"] == "PER"]
        surnames = [e["text"].split()[-1] for e in per]
        if len(per) < 3 or not any(surnames.count(s) > 1 and " " not in s for s in surnames):
            continue
        doc = nlp(text)
        spans = [doc.char_span(e["start"], e["end"], e["label"]) for e in rec["entities"]
                 if e["label"] in ("PER", "ORG", "LOC", "MISC")]
        if all(s is not None for s in spans):
            doc.ents = spans
            return doc
    raise AssertionError("no train article with a repeated person")


def test_every_person_is_swapped_one_name_for_one_name():
    from training.augment import augment

    doc = _article_doc()
    first, last, places = ["Ayşe", "Kwame"], ["Okonkwo", "Yılmaz", "Haddad"], ["Tamale", "Konya"]
    new = augment(doc, random.Random(1), first, last, places, lone_share=0.3)
    old_per = [e for e in doc.ents if e.label_ == "PER"]
    new_per = [e for e in new.ents if e.label_ == "PER"]
    assert len(new_per) == len(old_per) and [e.label_ for e in new.ents] == [e.label_ for e in doc.ents]
    # every new person is made of the pools' words (a genitive keeps its "s")
    assert all(w.removesuffix("s") in first + last for e in new_per for w in e.text.split())
    # one surname stands for one surname throughout the article
    swap = {}
    for o, n in zip(old_per, new_per):
        swap.setdefault(o[-1].text.removesuffix("s"), set()).add(n[-1].text.removesuffix("s"))
    assert all(len(v) == 1 for v in swap.values())
    # ORG and MISC spans and the words outside the names stay as they were
    assert [e.text for e in new.ents if e.label_ in ("ORG", "MISC")] == [e.text for e in doc.ents if e.label_ in ("ORG", "MISC")]
    outside = lambda d: [t.text for t in d if not t.ent_type_]
    assert outside(new) == outside(doc)


def test_per_only_leaves_places_and_a_doc_without_names_gives_none():
    from training.augment import augment

    doc = _article_doc()
    new = augment(doc, random.Random(1), ["Ayşe"], ["Okonkwo"], ["Tamale"], 0.0, labels=frozenset({"PER"}))
    assert [e.text for e in new.ents if e.label_ == "LOC"] == [e.text for e in doc.ents if e.label_ == "LOC"]
    plain = spacy.blank("de")("Der Regen fiel am Morgen auf die Felder.")
    assert augment(plain, random.Random(1), ["Ayşe"], ["Okonkwo"], ["Tamale"], 0.3) is None
