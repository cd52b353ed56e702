"""First names and surnames for the `persons` repair of `presseschau_ner_rules` (issue 13),
stored as language data, ``pipeline/lang/de/person_names.tsv`` (columns ``name``, ``kind`` =
``first`` | ``last``).

Sources (../shared/data/gazetteers, see SOURCE.md there): the ``PER_FIRST`` and ``PER_LAST``
rows of ``gazetteer_de.tsv.gz`` (gender-guesser's nam_dict, GNU FDL 1.2; zxcvbn-ts
language-de, MIT) and the first and last words of the 1,361 Bundestag speakers of
``bundestag_names.tsv.gz`` (official works). ``--sources`` picks the gazetteer sources, e.g.
``zxcvbn-ts_language-de`` alone for an MIT-only list. Made once and shipped (9k rows), so the
package does not need ../shared at run time.

A listed first name is no name by itself: the component adds or relabels a person only with
a surname-like word after it (EXPERIMENTS.md, session 10). A listed surname only lifts the
common-noun test for a word after a first name ("Gerhart Baum", "Andrea Fischer").

    python -m training.person_names [--data ../shared/data] [--out pipeline/lang/de/person_names.tsv]
"""
from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from pipeline.io import atomic_open
from pipeline.paths import LANG_DIR, SHARED_DATA

OUT = LANG_DIR / "person_names.tsv"
GAZETTEER = Path("gazetteers/gazetteer_de.tsv.gz")
BUNDESTAG = Path("gazetteers/bundestag_names.tsv.gz")
ALL_SOURCES = ("gender-guesser_nam_dict", "zxcvbn-ts_language-de")


def _rows(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[1] != "label":
                yield cols


def person_names(data: Path, sources: tuple[str, ...] = ALL_SOURCES) -> dict[str, set[str]]:
    """{"first": names, "last": names}: capitalised single words only."""
    out: dict[str, set[str]] = {"first": set(), "last": set()}
    for name, label, source, *_ in _rows(data / GAZETTEER):
        if label in ("PER_FIRST", "PER_LAST") and source in sources:
            out["first" if label == "PER_FIRST" else "last"].add(name)
    for name, label, *_ in _rows(data / BUNDESTAG):
        words = name.split()
        if label == "PER" and len(words) >= 2:
            out["first"].add(words[0])
            out["last"].add(words[-1])
    return {k: {w for w in v if w[:1].isupper() and " " not in w} for k, v in out.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED_DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--sources", default=",".join(ALL_SOURCES),
                    help=f"comma-separated gazetteer sources of PER_FIRST/PER_LAST rows, of {', '.join(ALL_SOURCES)}")
    args = ap.parse_args(argv)
    sources = tuple(s.strip() for s in args.sources.split(",") if s.strip())
    unknown = [s for s in sources if s not in ALL_SOURCES]
    if unknown or not sources:  # a typo would silently leave only the Bundestag's names
        ap.error(f"--sources {args.sources!r}: unknown {unknown}; choose from {', '.join(ALL_SOURCES)}")
    try:
        names = person_names(args.data, sources)
    except (OSError, EOFError, UnicodeDecodeError) as e:  # missing, not gzip, truncated, not UTF-8
        raise SystemExit(f"error: cannot read the gazetteers under {args.data} ({type(e).__name__}: {e}); "
                         f"see --data") from None
    with atomic_open(args.out) as fh:
        fh.write("name\tkind\n")
        for kind in ("first", "last"):
            fh.writelines(f"{n}\t{kind}\n" for n in sorted(names[kind]))
    print(f"{args.out}: {len(names['first'])} first names, {len(names['last'])} surnames")


if __name__ == "__main__":
    main()
