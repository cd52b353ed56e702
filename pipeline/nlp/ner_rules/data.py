"""The word lists the repairs read from pipeline/lang/de: the common nouns of spaCy's lemma table
(and compound heads by it) and the first names and surnames of `person_names.tsv`."""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...errors import LanguageDataUnreadable
from ..normalize import lang_data
from ...paths import LANG_DIR

PERSON_NAMES_FILE = "person_names.tsv"  # in pipeline/lang/de, made by `python -m training.person_names`
COMMON_NOUNS_FILE = "common_nouns.tsv.gz"  # in pipeline/lang/de, made by `python -m training.common_nouns`
EVIDENCE_NOUNS_FILE = "evidence_nouns.tsv.gz"  # in pipeline/lang/de, made by `python -m training.evidence_nouns`
REGIONS_FILE = "regions.tsv"  # in pipeline/lang/de, written for the project (training/place_names.py)
DACH_INSTITUTIONS_FILE = "institutions_dach.tsv"  # in pipeline/lang/de, written for the project (session 28)
PLATFORMS_FILE = "platforms.tsv"  # in pipeline/lang/de, written for the project (session 37): WhatsApp, Spotify
DACH_COLUMNS = ("name", "label", "country", "kind", "source")
DACH_LABELS = ("ORG", "LOC")


@lru_cache(maxsize=1)
def corpus_counts() -> dict[str, int]:
    """The Bundestag protocols' word forms and their counts, case kept (lang/de/corpus_forms.tsv.gz,
    validated by `read_corpus_forms`): `lowercase_word` (session 32). Loaded once, when a sentence's
    first word first asks (about 1 s)."""
    from ...clean.data import CORPUS_FORMS, read_corpus_forms
    return read_corpus_forms(LANG_DIR / CORPUS_FORMS)[0]


@lru_cache(maxsize=1)
def _common_nouns() -> dict[str, str]:
    """Capitalised German common nouns, form -> lemma ("Batterien" -> "Batterie"), derived
    from spaCy's German lemma table (see training/common_nouns.py for how and why)."""
    path = LANG_DIR / COMMON_NOUNS_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return dict(line.rstrip("\n").split("\t", 1) for line in fh if "\t" in line)
    except (OSError, EOFError, ValueError) as e:  # missing, not gzip, truncated, not UTF-8
        raise LanguageDataUnreadable(f"{path}: cannot read the common-noun list ({type(e).__name__}: {e}); "
                                     f"make it with `python -m training.common_nouns`") from None


def term_acronyms() -> frozenset[str]:
    """The acronyms and formulas of common terms, no names (ner_rules.json ``term_acronyms``, session 27: "DPI",
    "CO2"; and ``tech_term_acronyms``, session 36: "LTE", "CRM"): `dropped` drops them, and presseschau_names casts no
    acronym vote for them."""
    data = lang_data("ner_rules.json")
    return frozenset(data["term_acronyms"]["words"]) | frozenset(data["tech_term_acronyms"]["words"])


@lru_cache(maxsize=1)
def evidence_nouns() -> frozenset[str]:
    """Capitalised German common nouns by their use in the Bundestag protocols ("einen Etat", "grünen Tee"),
    that no name list knows and the lemma table's `_common_nouns` lacks (training/evidence_nouns.py; session 36).
    Validated: three columns a line, a capitalised form without blanks and two counts."""
    path = LANG_DIR / EVIDENCE_NOUNS_FILE
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, EOFError, ValueError) as e:  # missing, not gzip, truncated, not UTF-8
        raise LanguageDataUnreadable(f"{path}: cannot read the evidence noun list ({type(e).__name__}: {e}); "
                                     f"make it with `python -m training.evidence_nouns`") from None
    forms = set()
    for i, line in enumerate(lines, 1):
        cols = line.split("\t")
        if len(cols) != 3 or not cols[0][:1].isupper() or any(c.isspace() for c in cols[0]) \
                or not cols[1].isdigit() or not cols[2].isdigit():
            raise LanguageDataUnreadable(f"{path}:{i}: 'form<TAB>cues<TAB>count' expected, not {line!r}; "
                                         f"make it with `python -m training.evidence_nouns`")
        forms.add(cols[0])
    return frozenset(forms)


@lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) of ``person_names.tsv``: the shared gazetteer's lists and
    the Bundestag's members (training/person_names.py)."""
    path = LANG_DIR / PERSON_NAMES_FILE
    try:
        rows = lang_data(PERSON_NAMES_FILE, str(LANG_DIR))
        names = {kind: frozenset(r["name"] for r in rows if r["kind"] == kind) for kind in ("first", "last")}
        other = sorted({r["kind"] for r in rows} - {"first", "last"})
    except (LanguageDataUnreadable, KeyError, TypeError) as e:  # missing, not UTF-8, no such columns
        raise LanguageDataUnreadable(f"{path}: cannot read the person-name list ({type(e).__name__}: {e}); "
                                     f"make it with `python -m training.person_names`") from None
    if other:  # a row of another kind would be dropped without a word
        raise LanguageDataUnreadable(f"{path}: kind must be 'first' or 'last', not {other}; "
                                     f"make it with `python -m training.person_names`")
    if not names["first"]:
        raise LanguageDataUnreadable(f"{path}: no first names (kind 'first'); make it with `python -m training.person_names`")
    return names["first"], names["last"]


def region_names(path: Path = LANG_DIR / REGIONS_FILE, kinds: Optional[frozenset[str]] = None) -> frozenset[str]:
    """The names of ``regions.tsv`` (the Länder, Kantone, regions: training/place_names.py `read_regions`),
    for the rule `places`; with `kinds`, those of these kinds only ('land', 'bundesland', 'kanton': the
    territories of a party's branches, `join_party_branches`, session 30). A file without its ``name`` and
    ``kind`` columns, or a kind it does not have, is a LanguageDataUnreadable naming it."""
    rows = lang_data(path.name, str(path.parent))
    try:
        if kinds is None:
            return frozenset(r["name"] for r in rows)
        unknown = kinds - {r["kind"] for r in rows}
        if unknown:
            raise LanguageDataUnreadable(f"{path}: no region of the kinds {sorted(unknown)} (ner_rules.json party_branches)")
        return frozenset(r["name"] for r in rows if r["kind"] in kinds)
    except KeyError:
        raise LanguageDataUnreadable(f"{path}: a first line 'name<TAB>kind<TAB>country' expected") from None


@lru_cache(maxsize=None)
def dach_institutions(path: Path = LANG_DIR / DACH_INSTITUTIONS_FILE) -> dict[tuple[str, ...], str]:
    """Austrian and Swiss bodies of ``institutions_dach.tsv`` (issue 13, session 28): the name's words
    (split at spaces: "Team Stronach" -> ("Team", "Stronach")) -> its label, for the rule `institutions`.
    A row without a name, with a label other than ORG/LOC, a missing column or a name given twice is a
    LanguageDataUnreadable naming the file and the row's name."""
    rows = lang_data(path.name, str(path.parent))
    table: dict[tuple[str, ...], str] = {}
    for row in rows:
        if list(row) != list(DACH_COLUMNS) or any(row[c] is None for c in DACH_COLUMNS):
            raise LanguageDataUnreadable(f"{path}: a first line {'<TAB>'.join(DACH_COLUMNS)} and five columns a row "
                                         f"expected (not: {row})")
        name, label = row["name"], row["label"]
        words = tuple(name.split(" "))
        if not name or name != name.strip() or "" in words or label not in DACH_LABELS or words in table:
            raise LanguageDataUnreadable(f"{path}: row {name!r} ({label!r}): a name without outer or double "
                                         f"spaces, given once, and a label of {DACH_LABELS} expected")
        table[words] = label
    return table


def listed_bodies(lang_dir: Path = LANG_DIR) -> dict[tuple[str, ...], str]:
    """The names of ``institutions_dach.tsv`` and ``platforms.tsv`` (internet platforms and services, ORG by
    GUIDELINES.md as companies: 'WhatsApp', 'Spotify'; session 37), one table for the rule `institutions`, as both
    are names the model misses that no person or place bears. A name in both files is a LanguageDataUnreadable
    naming it: one place for each fact."""
    dach = dach_institutions(lang_dir / DACH_INSTITUTIONS_FILE)
    platforms = dach_institutions(lang_dir / PLATFORMS_FILE)
    twice = sorted(" ".join(k) for k in dach.keys() & platforms.keys())
    if twice:
        raise LanguageDataUnreadable(f"{lang_dir / PLATFORMS_FILE}: {twice} listed in {DACH_INSTITUTIONS_FILE} too")
    return {**dach, **platforms}


def compound_head(word: str, min_len: int = 4) -> Optional[str]:
    """The head of a German noun compound when it is a common noun by the lemma table
    ("Armutsgrenze" -> "Grenze", "Spezialkliniken" -> "Kliniken"), the longest one; None
    when no part of at least `min_len` letters after the first letters is one."""
    for i in range(2, len(word) - min_len + 1):
        part = word[i].upper() + word[i + 1:]
        if word[i].islower() and common_noun_lemma(part) is not None:
            return part
    return None


def common_noun_lemma(word: str) -> Optional[str]:
    """The lemma of `word` when it is a (capitalised) common noun by spaCy's lemma table, else None."""
    return _common_nouns().get(word)
