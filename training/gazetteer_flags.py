"""The word table of the ner's gazetteer flags (`pipeline/nlp/gazetteer_flags.py`): word -> bit mask
(1 first name, 2 surname, 4 place), written as JSON for the training config's `after_creation`.

Sources (../shared/data/gazetteers, SOURCE.md there): first names and surnames as in
`pipeline/lang/de/person_names.tsv` (`training.person_names`: gender-guesser, zxcvbn-ts, Bundestag
speakers); places: the one-word LOC names of `gazetteer_de.tsv.gz` (GeoNames cities, CLDR and ISO 3166
in German, German districts) that start with a capital letter. A person's or place's genitive in -s
("Merkels", "Berlins") gets the same bits: German news writes both forms.

    python -m training.gazetteer_flags [--data ../shared/data] --out training/corpus/gazetteer_flags.json
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import srsly

from pipeline.nlp.gazetteer_flags import FLAGS
from pipeline.paths import LANG_DIR, SHARED_DATA
from training.person_names import GAZETTEER, _rows

KINDS = {"first": FLAGS["first_name"], "last": FLAGS["surname"]}


def _genitive(word: str) -> str | None:
    return None if word[-1] in "sßxz" else word + "s"


def _add(table: dict[str, int], word: str, bit: int) -> None:
    for w in (word, _genitive(word)):
        if w:
            table[w] = table.get(w, 0) | bit


def flag_table(data: Path, person_names: Path = LANG_DIR / "person_names.tsv") -> dict[str, int]:
    table: dict[str, int] = {}
    with open(person_names, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            _add(table, row["name"], KINDS[row["kind"]])
    for name, label, *_ in _rows(data / GAZETTEER):
        if label == "LOC" and " " not in name and name[:1].isupper() and name.replace("-", "").isalpha():
            _add(table, name, FLAGS["place"])
    return dict(sorted(table.items()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED_DATA)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    table = flag_table(args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_json(args.out, table)
    counts = {name: sum(1 for m in table.values() if m & bit) for name, bit in FLAGS.items()}
    print(f"{len(table)} words -> {args.out}: {counts}")


if __name__ == "__main__":
    main()
