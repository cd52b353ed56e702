"""German common nouns by their use in open text, a second source for `drop_common_nouns`
(issue 13, session 36), stored as language data, ``pipeline/lang/de/evidence_nouns.tsv.gz``
(form, TAB, cue count, TAB, count; one line per form, sorted by form).

``common_nouns.tsv.gz`` (training/common_nouns.py) takes a lemma of spaCy's lemma table as a
common noun only where the table lists an inflected form other than a genitive; nouns whose only
listed form is the genitive ("Tee"/"Tees", "Etat", "Senat", "Beton") are missing from it, and a
lone model PER/ORG/LOC on them stayed. This table adds the evidence of use: in the Bundestag's
plenary protocols 2017-2026 (../shared/data/text/bundestag; official works, § 5 UrhG, free of
copyright) a capitalised word that follows an indefinite or quantifying determiner or a numeral
word ("einen Etat", "keinen Beton", "zwei Flamingos": `DETERMINERS`) or a declined adjective after
an article ("den grünen Tee", "einen neuen Senat") is a common noun: a name is so used seldom
("einen Müller"). A form is kept where such a cue precedes it `--min-cues` times or more (3)
and in at least `--min-share` (0.1) of all its uses (corpus_forms.tsv.gz: the same protocols'
counts). Measured (session 36): of the 13,139 forms of the lemma table's common nouns seen 3 times
or more, 5,467 pass; of the 4,529 listed names so seen (person_names.tsv, place_names.tsv.gz, the
gazetteers), 92 pass (2 %, most of them nouns a gazetteer lists: "Kosten", "Treffen", "Kita",
but "Sowjetunion", "Aleppo", "Greta" too). So every word a name list knows is left out:
person_names.tsv's first names and surnames, place_names.tsv.gz, and the single-word names of
../shared/data/gazetteers (gazetteer_de.tsv.gz, bundestag_names.tsv.gz's person names' words),
and the forms common_nouns.tsv.gz has already.

    python -m training.evidence_nouns [--min-cues 3] [--min-share 0.1] [--out pipeline/lang/de/evidence_nouns.tsv.gz]
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from pipeline.io import atomic_write_gzip

from pipeline.paths import LANG_DIR as LANG, SHARED_DATA

OUT = LANG / "evidence_nouns.tsv.gz"
SRC = SHARED_DATA / "text" / "bundestag"
GAZETTEERS = SHARED_DATA / "gazetteers"

DETERMINERS = ("ein eine einen einem einer eines kein keine keinen keinem keiner keines viel viele vielen vieler "
               "wenig wenige wenigen weniger mehr einige einigen einiger mehrere mehreren manche manchen mancher "
               "solche solchen solcher jede jeden jedem jeder jedes etwas "
               "zwei drei vier fünf sechs sieben acht neun zehn").split()
ARTICLES = DETERMINERS + "der die das den dem des".split()
_WORD = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß]+)*"
_AFTER_DETERMINER = re.compile(r"(?<![\w-])(?:%s) (%s)(?![\w-])" % ("|".join(DETERMINERS), _WORD))
_AFTER_ADJECTIVE = re.compile(r"(?<![\w-])(?:%s) [a-zäöüß]+(?:e|en|em|er|es) (%s)(?![\w-])" % ("|".join(ARTICLES), _WORD))


def cue_counts(lines) -> Counter:
    """Capitalised word -> how often a determiner or an article + declined adjective precedes it."""
    cues: Counter = Counter()
    for line in lines:
        if line.startswith("# doc"):
            continue
        cues.update(m.group(1) for m in _AFTER_DETERMINER.finditer(line))
        cues.update(m.group(1) for m in _AFTER_ADJECTIVE.finditer(line))
    return cues


def listed_names() -> set[str]:
    """Every single word a name list of the project or the shared gazetteers holds."""
    names = {line.split("\t", 1)[0] for line in (LANG / "person_names.tsv").read_text(encoding="utf-8").splitlines()[1:]}
    with gzip.open(LANG / "place_names.tsv.gz", "rt", encoding="utf-8") as fh:
        names.update(line.rstrip("\n") for line in fh)
    with gzip.open(GAZETTEERS / "gazetteer_de.tsv.gz", "rt", encoding="utf-8") as fh:
        names.update(n for line in fh if " " not in (n := line.split("\t", 1)[0]))
    with gzip.open(GAZETTEERS / "bundestag_names.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and cols[1] == "PER":
                names.update(cols[0].split())
    return names


def evidence_nouns(cues: Counter, counts: dict[str, int], known: set[str], min_cues: int, min_share: float) -> dict[str, tuple[int, int]]:
    """form -> (cue count, count) of the forms a cue precedes `min_cues` times and in `min_share` of their uses at
    least, less the `known` names and nouns."""
    return {w: (c, counts[w]) for w, c in cues.items()
            if c >= min_cues and counts.get(w) and c / counts[w] >= min_share and w not in known}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-cues", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.1)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from pipeline.clean.data import read_corpus_forms
    from pipeline.nlp.ner_rules.data import _common_nouns

    cues: Counter = Counter()
    for path in sorted(SRC.glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            cues += cue_counts(fh)
    counts, _ = read_corpus_forms(LANG / "corpus_forms.tsv.gz")
    nouns = evidence_nouns(cues, counts, listed_names() | set(_common_nouns()), args.min_cues, args.min_share)
    atomic_write_gzip(args.out, "".join(f"{w}\t{c}\t{n}\n" for w, (c, n) in sorted(nouns.items())))
    print(f"{args.out}: {len(nouns):,} forms")


if __name__ == "__main__":
    main()
