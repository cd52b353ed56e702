"""Word-form counts of the Bundestag plenary protocols 2017-2026 for the cleaner's line-end
hyphen decisions (issue 17), stored as language data, ``pipeline/lang/de/corpus_forms.tsv.gz``
(form, TAB, count; one line per form, sorted by form; a first line ``#total<TAB>N`` holds the
number of tokens counted).

The cleaner's lexicon (spacy-lookups-data's German lexeme probabilities) has few modern or
hyphenated compounds ("Corona-Pandemie", "Ukraine-Krieg", "CO2-Preis" are no forms of it), and
a deleted line-end hyphen is decided by whether German writes the two parts hyphenated or glued.
The protocols (35.7M words, ../shared/data/text/bundestag, official works, § 5 UrhG) write
today's compounds both ways, so their counts are that evidence. Tokenised so that a hyphenated
compound stays one form ("Corona-Pandemie", "CO2-Preis", "Covid-19-Pandemie"); a form must hold
a letter, and a suspended hyphen ("Staats- und") is not part of its word. Case is kept (a glued
"Onlineausgabe" is no "Online-Ausgabe", as `pipeline.clean.data.hyphen_spans` reads the lexicon).
Unhyphenated forms with a capital inside or a digit glued to a letter are left out
(`_GLUED_ARTEFACT`). Only forms seen `--min-count` times or more (default 3) are kept: rarer ones
are the protocols' typos and speakers' one-off coinages, and the table ships with the package.

Never built from Wikinews or 10kGNAD text: the cleaning bench's articles come from them.

    python -m training.hyphen_corpus [--min-count 3] [--out pipeline/lang/de/corpus_forms.tsv.gz]
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.io import atomic_write_gzip

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pipeline" / "lang" / "de" / "corpus_forms.tsv.gz"
SRC = ROOT.parent / "shared" / "data" / "text" / "bundestag"

# a word: letters and digits, hyphen-joined parts kept together ("CO2-Preis", "Covid-19-Pandemie");
# the protocols write U+2010 and U+2011 rarely, read as "-"
TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
# an unhyphenated form with a capital after a lowercase letter or a digit glued to a letter: the
# protocols' committee lists lost their separators in extraction ("EnergieAusschuss",
# "VerbraucherschutzAusschuss", "1Anlage", hundreds of times each), exactly the glued compounds
# the cleaner must cut; the names written so ("DigitalPakt", "BioNTech") the lexicon knows
_GLUED_ARTEFACT = re.compile(r"[a-zäöüß][A-ZÄÖÜ]|\d[^\W\d_]|[^\W\d_]\d")


def text_lines(lines: Iterable[str]) -> Iterator[str]:
    """The text lines of the protocol files (a `# doc ...` line is no text), U+2010/U+2011 read as "-"."""
    for line in lines:
        if not line.startswith("# doc "):
            yield line.replace("\u2010", "-").replace("\u2011", "-")


def count_forms(lines: Iterable[str]) -> Counter:
    """form -> count over the `text_lines` of `lines`."""
    counts: Counter = Counter()
    for line in text_lines(lines):
        counts.update(t for t in TOKEN.findall(line)
                      if _LETTER.search(t) and ("-" in t or not _GLUED_ARTEFACT.search(t)))
    return counts


def protocol_paths(src: Path) -> list[Path]:
    """The protocol files under `src`; none is a SystemExit naming the folder."""
    paths = sorted(src.glob("bundestag_plenarprotokolle_wp*.txt.gz"))
    if not paths:
        raise SystemExit(f"{src}: no bundestag_plenarprotokolle_wp*.txt.gz")
    return paths


def raw_lines(paths: list[Path]) -> Iterator[str]:
    for p in paths:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            yield from fh


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    paths = protocol_paths(args.src)
    counts = count_forms(raw_lines(paths))
    total = sum(counts.values())
    kept = sorted((f, n) for f, n in counts.items() if n >= args.min_count)
    text = f"#total\t{total}\n" + "".join(f"{f}\t{n}\n" for f, n in kept)
    atomic_write_gzip(args.out, text)
    hy = sum(1 for f, _ in kept if "-" in f)
    print(f"{args.out}: {len(kept):,} forms (count >= {args.min_count}; {hy:,} hyphenated) of "
          f"{len(counts):,}, {total:,} tokens, {args.out.stat().st_size:,} bytes ({', '.join(p.name for p in paths)})")


if __name__ == "__main__":
    main()
