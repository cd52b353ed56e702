"""German common nouns for `presseschau_ner_rules` (issue 13), derived from spaCy's German
lemma table (spacy-lookups-data) and stored as language data,
``pipeline/lang/de/common_nouns.tsv.gz`` (form, TAB, lemma; one line per form).

A capitalised lemma counts as a common noun when the table lists an inflected form of it
other than a genitive ("Batterie"/"Batterien", "Mitglied"/"Mitgliedern"): a name inflects
only in the genitive ("Merkel"/"Merkels", "Berlin"/"Berlins"), so the names in the table
stay out. The table has no part of speech, hence this test. Generated once instead of at
load time: reading the 355k-form table took 2-5 s and ~100 MB in every worker process.

    python -m training.common_nouns [--out pipeline/lang/de/common_nouns.tsv.gz]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.io import atomic_write_gzip

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "lang" / "de" / "common_nouns.tsv.gz"
_GENITIVE_ENDINGS = ("s", "es", "'", "’")


def common_nouns(table: dict[str, str]) -> dict[str, str]:
    """form -> lemma of the capitalised common nouns in a lemma lookup table."""
    forms: dict[str, list[str]] = {}
    for form, lemma in table.items():
        if form[:1].isupper() and lemma[:1].isupper() and form != lemma:
            forms.setdefault(lemma, []).append(form)
    out: dict[str, str] = {}
    for lemma, fs in forms.items():
        if any(f not in {lemma + e for e in _GENITIVE_ENDINGS} for f in fs):
            out[lemma] = lemma
            out.update((f, lemma) for f in fs)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    import spacy_lookups_data
    import srsly

    table = srsly.read_gzip_json(str(spacy_lookups_data.get_file("de_lemma_lookup.json.gz")))
    nouns = common_nouns(table)
    atomic_write_gzip(args.out, "".join(f"{form}\t{lemma}\n" for form, lemma in sorted(nouns.items())))
    print(f"{args.out}: {len(nouns):,} forms of {len(set(nouns.values())):,} nouns "
          f"(spacy-lookups-data {spacy_lookups_data.__version__})")


if __name__ == "__main__":
    main()
