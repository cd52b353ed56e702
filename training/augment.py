"""Mention-replacement augmentation of the in-domain NER data (issue 13, "gazetteers ... for data
augmentation"), after Dai & Adel (2020), "An Analysis of Simple Data Augmentation for Named Entity
Recognition" (COLING): a copy of a sentence or article in which each PER span is swapped for another
person's name and each one-word LOC span for another place, so that the ner has to read the context
instead of remembering the names it saw. Aimed at two error classes of the whole pipeline: lone
surnames in isolated sentences (25 of 43 PER misses on GermEval dev, session 13) and non-German
person names.

Name pools (never from an evaluation set):
  * first names / surnames: the first and last word of every two- or three-word PER span of the
    training mix (GermEval train part, WikiANN, Europarl, SmartData, MobIE, LER, Wikinews train:
    this is where the non-German names come from), plus `pipeline/lang/de/person_names.tsv`
    (the shared gazetteer's PER_FIRST / PER_LAST rows and the Bundestag speakers);
  * places: one-word LOC spans of the training mix.
A multi-word PER span becomes "first last" or, with --lone-share, a lone surname (the context a
lone surname has in an isolated sentence); a one-word PER span becomes a surname. A span whose last
word ends in a genitive "s" keeps the "s" on its replacement ("Merkels" -> "Okonkwos").

    python -m training.augment --train training/corpus/news_1.0/ner_train.spacy \
        --source training/corpus/news_1.0/ner_news.spacy --source training/corpus/news_1.0/ner_germeval.spacy \
        --out training/corpus/news_1.0_aug/ner_train.spacy [--copies 1] [--lone-share 0.3] [--seed 1]

Writes the training mix plus the augmented copies of the --source documents to --out.
"""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from pipeline.nlp.ner_rules import common_noun_lemma
from pipeline.paths import LANG_DIR

_NAME_WORD = re.compile(r"^[A-ZÄÖÜ][a-zäöüßàáâãèéêëìíîïòóôõùúûçñ'-]{1,}$")


def _docs(path: Path, vocab) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(vocab))


def name_pools(docs: list[Doc], min_count: int = 2) -> tuple[list[str], list[str], list[str]]:
    """First names, surnames and one-word places seen at least `min_count` times in the training mix
    (the silver sets' one-off errors, "Partei" as a surname, stay out), plus the shipped name lists;
    never a word of the common-noun list."""
    first, last, places = Counter(), Counter(), Counter()
    for doc in docs:
        for ent in doc.ents:
            words = [t.text for t in ent]
            if ent.label_ == "PER" and 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words):
                first[words[0]] += 1
                last[words[-1]] += 1
            elif ent.label_ == "LOC" and len(words) == 1 and _NAME_WORD.match(words[0]):
                places[words[0]] += 1
    table = LANG_DIR / "person_names.tsv"
    for line in table.read_text(encoding="utf-8").splitlines()[1:]:
        name, kind = line.split("\t")[:2]
        if " " not in name and _NAME_WORD.match(name):
            (first if kind == "first" else last)[name] += min_count
    # a genitive form is no base name ("Merkels" beside "Merkel")
    last = Counter({w: c for w, c in last.items() if not (w.endswith("s") and w[:-1] in last)})
    places = Counter({w: c for w, c in places.items() if not (w.endswith("s") and w[:-1] in places)})
    pick = lambda c: sorted(w for w, n in c.items() if n >= min_count and common_noun_lemma(w) is None)
    return pick(first), pick(last), pick(places)


def _genitive(word: str, pool: set[str]) -> bool:
    return word.endswith("s") and word[:-1] in pool


def augment(doc: Doc, rng: random.Random, first: list[str], last: list[str], places: list[str],
            lone_share: float, labels: frozenset[str] = frozenset({"PER", "LOC"})) -> Doc | None:
    """A copy of `doc` with every PER span and every one-word LOC span swapped; None if it has none.
    One name stands for one name throughout the document (an article's later mentions of a person
    stay that person's)."""
    # a genitive is read off the article's own names ("Armstrongs" beside "Armstrong") and the pools
    last_set = set(last) | {e[-1].text for e in doc.ents if e.label_ == "PER"}
    place_set = set(places) | {e.text for e in doc.ents if e.label_ == "LOC"}
    swap: dict[tuple[str, str], str] = {}

    def new_word(kind: str, old: str, pool: list[str]) -> str:
        return swap.setdefault((kind, old), rng.choice(pool))

    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    i = 0
    changed = False
    by_start = {e.start: e for e in doc.ents}
    while i < len(doc):
        ent = by_start.get(i)
        new: list[str] | None = None
        if ent is not None and ent.label_ == "PER" and "PER" in labels and all(_NAME_WORD.match(t.text) for t in ent):
            surname = ent[-1].text[:-1] if _genitive(ent[-1].text, last_set) else ent[-1].text
            new = [new_word("last", surname, last)]
            if len(ent) >= 2 and rng.random() >= lone_share:
                new.insert(0, new_word("first", ent[0].text, first))
            if surname != ent[-1].text:
                new[-1] += "s"
        elif ent is not None and ent.label_ == "LOC" and "LOC" in labels and len(ent) == 1 and _NAME_WORD.match(ent.text):
            gen = _genitive(ent.text, place_set)
            new = [new_word("loc", ent.text[:-1] if gen else ent.text, places) + ("s" if gen else "")]
        if new is not None:
            ents.append((len(words), len(words) + len(new), ent.label_))
            words.extend(new)
            spaces.extend([True] * (len(new) - 1) + [bool(ent[-1].whitespace_)])
            i = ent.end
            changed = True
            continue
        if ent is not None:
            ents.append((len(words), len(words) + len(ent), ent.label_))
        words.append(doc[i].text)
        spaces.append(bool(doc[i].whitespace_))
        i += 1
    if not changed:
        return None
    out = Doc(doc.vocab, words=words, spaces=spaces)
    out.ents = [Span(out, s, e, label=lab) for s, e, lab in ents]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, required=True)
    ap.add_argument("--source", type=Path, action="append", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--lone-share", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--labels", default="PER,LOC", help="the labels whose spans are swapped (PER, LOC)")
    args = ap.parse_args()
    nlp = spacy.blank("de")
    train = _docs(args.train, nlp.vocab)
    first, last, places = name_pools(train)
    print(f"pools: {len(first)} first names, {len(last)} surnames, {len(places)} places")
    rng = random.Random(args.seed)
    out = DocBin(store_user_data=False)
    for d in train:
        out.add(d)
    n = 0
    for src in args.source:
        for d in _docs(src, nlp.vocab):
            for _ in range(args.copies):
                new = augment(d, rng, first, last, places, args.lone_share, frozenset(args.labels.split(",")))
                if new is not None:
                    out.add(new)
                    n += 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(args.out)
    print(f"{len(train)} training docs + {n} augmented copies -> {args.out}")


if __name__ == "__main__":
    main()
