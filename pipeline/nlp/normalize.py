"""Pure normalisation functions for German dates and numbers.

No spaCy here: text in, value out. The language data (month names, number words, units,
qualifiers, event words) lives as data under ``pipeline/lang/de/`` and is read through
:func:`lang_data` (cached per process, so every ``nlp.pipe`` worker rebuilds it from the
files on first use).

Main entry points
-----------------
- :func:`parse_number` -- "250", "100.000", "3,5", "neun", "dreihundertfünfzig", "eineinhalb"
- :func:`number_to_words` -- 1..999999 -> German words (inverse of :func:`parse_number_word`)
- :func:`resolve_weekday`, :func:`resolve_month`, :func:`resolve_day_month`,
  :func:`resolve_season`, :func:`resolve_quarter` -- partial/relative dates against an anchor
- :func:`iso_week`, :func:`shift_period` -- ISO helpers
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import LanguageDataError, LanguageDataUnreadable  # noqa: F401  (LanguageDataError: importable from here too)
from ..clean.data import CLEANING_KEYS
from ..paths import LANG_DIR

Number = Union[int, float]


# ---------------------------------------------------------------------------- data


#: the keys each JSON language file must have, no more, no fewer (keys starting with "_" are
#: comments). Checked at load, as dateparser checks its language files: a key that no code
#: reads, or a typo in one, is an error instead of a silently ignored entry.
JSON_KEYS: dict[str, frozenset[str]] = {
    # the cleaner's cleaning*.json: listed in clean/data.py (CLEANING_KEYS), which checks them itself
    # without importing this package (pipeline/nlp/__init__ imports spaCy, which the cleaner never needs)
    **CLEANING_KEYS,
    "dates.json": frozenset({
        "months", "weekdays", "day_parts", "seasons", "season_months", "period_parts", "ordinals",
        "quarter_words", "half_words", "quarter_last_words", "deictic_days", "relative_modifiers", "relative_units",
        "relative_compounds", "year_triggers", "month_triggers", "tense", "anaphoric_modifiers",
        "heute_nowadays", "anaphoric_compounds", "deictic_modifiers", "decade_words", "holidays",
        "event_name_heads", "event_name_suffixes", "episode_day_followers", "recurring_day_words", "service_hours", "bare_day", "holiday_generic", "postponed_to", "holiday_lowercase_words",
        "ordinal_nouns", "season_compounds", "month_prefixes", "of_year_modifiers", "deictic_lowercase_only",
        "season_triggers", "dative_jahre_after", "morgen_noun_after", "deictic_idioms", "year_frame_words", "deictic_years",
        "quote_marks", "clause_openers", "anaphoric_near", "day_month_triggers", "anaphoric_phrases", "decade_compound_suffixes",
        "period_adjectives", "day_adjectives", "apposition_links", "race_time_units", "bc_markers", "bc_range_links", "whole_modifiers", "weekend_openers", "new_year", "calendar_week_words", "day_period_parts", "weekday_date_articles",
        "recurring_day_prepositions", "day_list_links", "month_list_links", "year_qualifier_prepositions", "year_bound_qualifiers", "year_nouns", "year_range_links", "year_pair_openers",
        "relative_ellipsis", "deictic_adjective_nouns", "set_adjectives", "deictic_adjectives_any_noun", "other_calendar_feasts", "since_words", "origin_words", "ahead_attributes", "narrative_bound_words", "narrative_pluperfect", "period_durations", "holiday_weekends",
        "generic_month_articles", "ordinal_words", "event_name_groups", "national_days",
        "attributive_endings", "attributive_participle_endings", "deictic_year_adjectives", "month_nouns", "month_part_phrases", "year_part_counts", "every_year_genitives", "lead_day_compounds", "last_of_event",
        "decade_dative_after", "event_anchored", "relative_centuries", "work_title_nouns", "newspaper_day_titles", "deadline_terms",
        "comparison_years"}),
    "numbers.json": frozenset({
        "units", "teens", "tens", "unit_prefixes_in_compounds", "hundred", "thousand", "multipliers",
        "fractions", "mixed", "article_forms", "vague_plurals", "function_words", "fraction_nouns", "sign_words",
        "vague_before", "fraction_noun_not_after", "not_counts", "ordinal_articles"}),
    "qualifiers.json": frozenset({"qualifiers", "before_digits_only"}),
    "identifiers.json": frozenset({"before", "before_digits_only", "compound_heads", "after", "coordinates", "clock_words", "year_first_verbs"}),
    "measures.json": frozenset({"compound_durations", "race_times", "bracket_years_age", "age_before_particles", "age_threshold",
        "measuring_verbs", "object_measuring_verbs", "subject_deps", "object_deps", "particle_deps", "anaphoric_pronouns", "purpose", "participle_phrase", "partitive_pronouns", "ratios", "speed", "rate_prepositions", "measure_adjectives", "angle_after", "zero_sides", "predicate_only_with_unit", "container_nouns", "bare_quantity_nouns", "amount_phrases", "partitive_words", "duration_codes",
        "ago_words", "ago_focus_particles", "set_before", "genitive_time_prepositions", "ahead_words", "anchored_after", "anchored_comparisons", "age_after", "age_before", "action_noun_suffixes", "age_nouns", "age_range_words", "age_compounds", "sets", "plural_sets", "difference_prepositions", "comparatives", "measure_nouns_before", "bound_prepositions", "bound_fillers", "as_words", "elliptic_cues", "distance", "street_suffixes", "phone_words", "score_words",
        "score_context", "duration_adjectives", "not_duration_adjective_stems", "von_prepositions", "number_links", "coordinators", "definite_articles",
        "genitive_determiners", "singular_genitive_determiners", "range_links", "change_links", "classifier_nouns", "content_prepositions", "per_unit",
        "partitive_articles", "bound_not_for_percent", "genitive_one", "plural_time_units", "container_prepositions", "stakes", "rate_nouns", "vote_shares", "accusative_articles", "alternative_links", "dimension_links",
        "relative_pronouns", "attribute_deps", "list_headings", "rank_nouns", "table_headings",
        "singular_articles", "degree_prepositions", "threshold_nouns", "um_object_verbs", "demonstrative_pronouns",
        "genitive_s_articles", "person_noun_endings", "period_nouns", "share_subject", "share_genitive_articles", "bracket_measure", "bare_age_inside", "copula_continuation", "source_prepositions", "hyphen_compounds"}),
    "names.json": frozenset({"titles", "surname_particles", "name_suffixes", "definite_articles", "indefinite_articles", "not_adjectives", "feminine_suffixes", "article_genders",
                         "place_genitive_endings", "genitive_s_not_after", "no_genitive_s_endings", "adjective_endings"}),
    "ner_rules.json": frozenset({
        "place_descriptors", "legal_forms", "org_heads", "name_heads", "club_prefixes", "org_compound_prefixes",
        "strip_leading_pos", "strip_trailing_pos", "city_adjective", "trailing_openers", "appositive_heads",
        "federal_institutions", "kind_heads", "person_roles", "election_heads", "institution_places", "party_nouns", "roads", "slash_join_words",
        "unnamed_nouns", "unnamed_suffixes", "acronyms", "org_apposition_heads", "datelines", "chambers", "hyphen_org_heads", "place_prepositions",
        "term_acronyms", "news_sources", "dateline_places", "party_branches", "plural_place_heads", "lineups",
        "quoted_work_heads", "not_work_heads", "lowercase_forms", "company_short_names", "place_qualifiers", "club_short_names",
        "compound_place_nouns", "org_lead_nouns", "english_roles", "org_examples",
        "saint_abbreviations", "hyphen_places",
        "speaker_verbs", "role_surnames", "misc_version_numbers", "countries", "west_bloc", "i_products", "person_leads",
        "org_noun_names", "city_bodies", "outlet_names", "street_names", "eponym_adjectives",
        "person_particles", "misc_adjectives", "place_wars", "named_laws", "city_events",
        "english_terms", "quoted_titles", "country_codes", "person_lead_ranks", "agency_credits", "evidence_nouns",
        "tech_term_acronyms", "article_names", "demonyms", "role_led_persons"}),
}


#: keys a nested object of a language data file must hold ("_"-keys are comments; more keys are allowed where
#: the object is older than its check): (file, path of keys) -> the keys. Session 30's review: a misspelt key
#: failed only at the first document that reached its rule, as a bare KeyError.
NESTED_KEYS: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {
    ("dates.json", ("deadline_terms",)): frozenset({"before", "between", "verbs"}),
    ("dates.json", ("tense", "state_plans")): frozenset({"aux", "participles", "not_with"}),
    ("dates.json", ("relative_centuries",)): frozenset({"units", "not_before"}),
    ("dates.json", ("comparison_years",)): frozenset({"qualifiers", "amount_words"}),
    ("dates.json", ("year_bound_qualifiers",)): frozenset({"prepositions", "qualifiers"}),
    ("ner_rules.json", ("party_branches",)): frozenset({"parties", "region_kinds"}),
    ("ner_rules.json", ("lineups",)): frozenset({"separators", "dashes", "min_items", "min_dashes", "max_header", "max_bracket"}),
    ("ner_rules.json", ("kind_heads", "MISC")): frozenset({"words", "endings", "year_words"}),
    ("ner_rules.json", ("lowercase_forms",)): frozenset({"min_count"}),
    ("ner_rules.json", ("company_short_names",)): frozenset({"heads"}),
    ("ner_rules.json", ("club_short_names",)): frozenset({"prefixes", "hyphen_roles", "not_after", "club_words"}),
    ("ner_rules.json", ("compound_place_nouns",)): frozenset({"place_heads", "linkers", "min_part"}),
    ("ner_rules.json", ("misc_version_numbers",)): frozenset({"max_digits", "not_before_pos"}),
    ("ner_rules.json", ("org_lead_nouns",)): frozenset({"keep_heads"}),
    ("ner_rules.json", ("english_roles",)): frozenset({"roles", "degrees", "offices", "fillers", "not_with"}),
    ("ner_rules.json", ("english_terms",)): frozenset({"terms"}),
    ("ner_rules.json", ("tech_term_acronyms",)): frozenset({"words"}),
    ("ner_rules.json", ("org_examples",)): frozenset({"heads", "links", "coordinators"}),
    ("ner_rules.json", ("news_sources",)): frozenset({"before", "after", "outlets", "after_verbs", "before_verbs"}),
    ("ner_rules.json", ("speaker_verbs",)): frozenset({"lemmas", "after"}),
    ("ner_rules.json", ("role_surnames",)): frozenset({"words", "after"}),
    ("ner_rules.json", ("countries",)): frozenset({"words"}),
    ("ner_rules.json", ("west_bloc",)): frozenset({"words", "articles", "not_after", "compass", "window"}),
    ("ner_rules.json", ("saint_abbreviations",)): frozenset({"words", "max_words"}),
    ("ner_rules.json", ("hyphen_places",)): frozenset({"heads", "multi_part_heads", "listed_heads"}),
    ("ner_rules.json", ("i_products",)): frozenset({"pattern", "model_words"}),
    ("ner_rules.json", ("person_leads",)): frozenset({"role_endings"}),
    ("ner_rules.json", ("org_noun_names",)): frozenset({"hyphen_heads", "league_heads"}),
    ("ner_rules.json", ("city_bodies",)): frozenset({"endings"}),
    ("ner_rules.json", ("outlet_names",)): frozenset({"quotes", "genitive_articles", "heads"}),
    ("ner_rules.json", ("street_names",)): frozenset({"last_words", "not_names"}),
    ("ner_rules.json", ("eponym_adjectives",)): frozenset({"pattern", "not_stem_endings"}),
    ("ner_rules.json", ("person_particles",)): frozenset({"hyphen_prefixes", "words", "max_runs"}),
    ("ner_rules.json", ("misc_adjectives",)): frozenset({"endings"}),
    ("ner_rules.json", ("place_wars",)): frozenset({"heads", "min_place"}),
    ("ner_rules.json", ("named_laws",)): frozenset({"heads", "min_part"}),
    ("ner_rules.json", ("city_events",)): frozenset({"heads"}),
    ("ner_rules.json", ("quoted_titles",)): frozenset({"pairs", "max_tokens", "min_tokens", "not_last"}),
    ("ner_rules.json", ("country_codes",)): frozenset({"codes"}),
    ("ner_rules.json", ("person_lead_ranks",)): frozenset({"endings"}),
    ("ner_rules.json", ("agency_credits",)): frozenset({"agencies", "after"}),
    ("ner_rules.json", ("evidence_nouns",)): frozenset({"articles"}),
    ("measures.json", ("stakes",)): frozenset({"before", "words", "prepositions", "verbs", "after_articles", "after_words",
                                                  "after_verbs"}),
    ("measures.json", ("bracket_measure",)): frozenset({"not_units", "share_nouns"}),
    ("measures.json", ("partitive_pronouns",)): frozenset({"words", "before", "adverbs", "relative", "openers"}),
    ("measures.json", ("copula_continuation",)): frozenset({"whole_prepositions", "after_words", "max_between",
                                                             "set_containers", "set_quantity_words"}),
    ("measures.json", ("hyphen_compounds",)): frozenset({"not_units", "not_heads", "count_nouns"}),
    ("measures.json", ("vote_shares",)): frozenset({"about", "parts", "not_parts", "part_endings", "sentences_before",
                                                   "pair_links", "pair_verbs", "pair_nouns"}),
}


# a holiday rule of dates.json (see `holiday_date`): "MM-DD", "E+N" / "E-N" (days from Easter
# Sunday) or "MM-DD:W:N" (the Nth weekday W, 0 = Monday, from that day on; N < 0 counts back)
HOLIDAY_RULE = re.compile(r"^(?:E[+-]\d{1,3}|(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?::[0-6]:-?[1-9])?)$")


#: the genders/numbers names.json "article_genders" may give a name's head (UD morphology values)
NAME_GENDERS = frozenset({"Fem", "Masc", "Neut", "Plur"})


def check_keys(name: str, data: Any, shown: Optional[str] = None) -> None:
    """The keys of language data file `name` against `JSON_KEYS` (and the holiday rules of
    dates.json against `HOLIDAY_RULE`, the genders of names.json against `NAME_GENDERS`);
    LanguageDataError naming the file (`shown`, else `name`)."""
    expected = JSON_KEYS.get(name)
    if expected is None or not isinstance(data, dict):
        return
    keys = {k for k in data if not k.startswith("_")}
    if keys != expected:
        raise LanguageDataError(f"{shown or name}: unknown keys {sorted(keys - expected)}, missing keys {sorted(expected - keys)}")
    for (file, path), needed in NESTED_KEYS.items():
        if file != name:
            continue
        obj: Any = data
        for k in path:
            obj = obj.get(k) if isinstance(obj, dict) else None
        have = {k for k in obj if not k.startswith("_")} if isinstance(obj, dict) else set()
        if not needed <= have:
            raise LanguageDataError(f"{shown or name}: {'.'.join(path)} misses keys {sorted(needed - have)}")
    if name == "dates.json":
        bad = {k: v for k, v in data["holidays"].items() if not k.startswith("_") and not HOLIDAY_RULE.match(str(v))}
        if bad:
            raise LanguageDataError(f"{shown or name}: holiday rules in no known form {bad} "
                                    f"('MM-DD', 'E+N', 'E-N' or 'MM-DD:weekday:n', n not 0)")
    if name == "names.json":
        genders = data["article_genders"]
        entries = {end: arts for end, arts in genders.items() if not end.startswith("_")} if isinstance(genders, dict) else None
        not_dicts = sorted(end for end, arts in (entries or {}).items() if not isinstance(arts, dict))
        if entries is None or not_dicts:
            raise LanguageDataError(f"{shown or name}: article_genders must map each adjective ending to "
                                    f"{{article: gender}}, not so: {not_dicts or type(genders).__name__}")
        # "_"-prefixed keys are comments here too, as at the top level
        bad = {f"{end} {art}": g for end, arts in entries.items()
               for art, g in arts.items() if not art.startswith("_") and g not in NAME_GENDERS}
        if bad:
            raise LanguageDataError(f"{shown or name}: article_genders not in {sorted(NAME_GENDERS)}: {bad}")


@lru_cache(maxsize=None)
def lang_data(name: str, lang_dir: Optional[str] = None) -> Any:
    """Load ``<lang_dir>/<name>`` (``.json`` -> object, ``.tsv`` -> list of row dicts); the
    keys of a JSON file are checked against `JSON_KEYS`."""
    path = Path(lang_dir) if lang_dir else LANG_DIR
    path = path / name
    try:
        if name.endswith(".json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            check_keys(name, data, str(path))
            return data
        if name.endswith(".tsv"):
            with path.open(encoding="utf-8", newline="") as fh:
                rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
            return [r for r in rows if r and not next(iter(r.values()), "").startswith("#")]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:  # missing, not UTF-8, no JSON
        raise LanguageDataUnreadable(f"{path}: cannot read the language data ({type(e).__name__}: {e})") from None
    raise ValueError(f"unknown data file type: {name}")


@lru_cache(maxsize=None)
def unit_table(lang_dir: Optional[str] = None) -> dict[str, tuple[str, float]]:
    """surface -> (normalised unit, multiplier). Exact surface first; lookups also try lower case."""
    table: dict[str, tuple[str, float]] = {}
    for row in lang_data("units.tsv", lang_dir):
        table[row["surface"]] = (row["unit"], float(row["multiplier"]))
    return table


def lookup_unit(surface: str, lang_dir: Optional[str] = None) -> Optional[tuple[str, float]]:
    table = unit_table(lang_dir)
    if surface in table:
        return table[surface]
    # case variants of word units ("prozent", "EURO"), but never single letters ("m", "t") nor a short
    # all-capitals code, which is an ISO currency code or an acronym, not a unit written in capitals
    # ("3 Mrd. SEK" is Swedish kronor, not "sec")
    if len(surface) > 2 and not (surface.isupper() and len(surface) <= 3):
        for cand in (surface.capitalize(), surface.lower()):
            if cand in table:
                return table[cand]
    return None


# ---------------------------------------------------------------------------- numbers

_DIGITS_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 100.000 / 1.250,5
_DIGITS_PLAIN = re.compile(r"^\d+(?:,\d+)?$")  # 250 / 3,5
_DIGITS_THIN = re.compile(r"^\d{1,3}(?:[\u2009\u202f ]\d{3})+(?:,\d+)?$")  # 100 000


def _num(x: float) -> Number:
    if isinstance(x, int):
        return x
    r = round(x, 6)
    return int(r) if r == int(r) else r


@lru_cache(maxsize=65536)
def parse_digits(text: str) -> Optional[Number]:
    """German digit notation: '250', '100.000', '3,5', '1.250,75' -> number; else None."""
    t = text.strip()
    if _DIGITS_THOUSANDS.match(t) or _DIGITS_THIN.match(t):
        t = re.sub(r"[.\u2009\u202f ]", "", t)
    elif not _DIGITS_PLAIN.match(t):
        return None
    if "," in t:
        return _num(float(t.replace(",", ".")))
    return int(t)


def _below_100(w: str) -> Optional[int]:
    d = lang_data("numbers.json")
    if w in d["teens"]:
        return d["teens"][w]
    if w in d["tens"]:
        return d["tens"][w]
    if w in d["units"] and w not in ("ein", "eine"):
        return d["units"][w]
    if "und" in w:
        unit, _, ten = w.partition("und")
        if ten in d["tens"] and unit in d["unit_prefixes_in_compounds"]:
            return d["tens"][ten] + d["unit_prefixes_in_compounds"][unit]
    return None


def _below_1000(w: str) -> Optional[int]:
    if not w:
        return None
    d = lang_data("numbers.json")
    if d["hundred"] in w:
        left, _, right = w.partition(d["hundred"])
        if left == "":
            h = 1
        elif left in d["unit_prefixes_in_compounds"]:
            h = d["unit_prefixes_in_compounds"][left]
        else:
            return None
        return _scaled(h, 100, right, _below_100)
    return _below_100(w)


def _scaled(count: int, scale: int, rest: str, parse_rest) -> Optional[int]:
    """count x scale plus what follows the scale word ('dreihundert|fünfzig', 'zweitausend|eins')."""
    if rest == "":
        return count * scale
    r = 1 if rest == "eins" else parse_rest(rest)
    return None if r is None else count * scale + r


@lru_cache(maxsize=65536)
def parse_number_word(word: str) -> Optional[Number]:
    """One German number word -> number: 'neun' 9, 'dreihundertfünfzig' 350,
    'zweitausendzweiundzwanzig' 2022, 'eineinhalb' 1.5, 'zweieinhalb' 2.5.
    Articles ('ein', 'eine') and ordinals/adjectives ('zweiten', 'zweitlängste') -> None."""
    w = word.lower().strip()
    if not w:
        return None
    d = lang_data("numbers.json")
    if w in d["mixed"]:
        return d["mixed"][w]
    if w.endswith("einhalb") and len(w) > len("einhalb"):
        base = parse_number_word(w[: -len("einhalb")])
        return None if base is None else base + 0.5
    if w == "eins":
        return 1
    if w in ("ein", "eine"):
        return None
    if d["thousand"] in w:
        left, _, right = w.partition(d["thousand"])
        if left == "" or left == "ein":
            th = 1
        else:
            th = _below_1000(left)
            if th is None:
                return None
        return _scaled(th, 1000, right, _below_1000)
    return _below_1000(w)


def parse_number(text: str) -> Optional[Number]:
    """Digits ('100.000', '3,5') or a single number word ('neun') -> number, else None."""
    v = parse_digits(text)
    if v is not None:
        return v
    return parse_number_word(text)


@lru_cache(maxsize=None)
def _spellings(table: str) -> dict[int, str]:
    """A number table of numbers.json read backwards, for `number_to_words`: the first spelling of
    each value ("units": 1 "eins", not "ein"/"eine"; 2 "zwei", not "zwo"; "tens": 30 "dreißig", not
    "dreissig"; "unit_prefixes_in_compounds": 1 "ein" of "einhundert", "einundzwanzig")."""
    out: dict[int, str] = {}
    for word, value in lang_data("numbers.json")[table].items():
        out.setdefault(value, word)
    return out


def _words_below_100(n: int, final: bool = True) -> str:
    if n < 10:
        return _spellings("units")[n] if final or n != 1 else _spellings("unit_prefixes_in_compounds")[1]
    if n < 20:
        return _spellings("teens")[n]
    t, u = divmod(n, 10)
    if u == 0:
        return _spellings("tens")[n]
    return _spellings("unit_prefixes_in_compounds")[u] + "und" + _spellings("tens")[10 * t]


def _words_below_1000(n: int) -> str:
    h, r = divmod(n, 100)
    out = ""
    if h:
        out = _spellings("unit_prefixes_in_compounds")[h] + lang_data("numbers.json")["hundred"]
    if r:
        out += _words_below_100(r)
    return out


def number_to_words(n: int) -> str:
    """Integer 0..999999 -> German number word (one word, standard spelling)."""
    if n == 0:
        return "null"
    if not 0 < n < 1_000_000:
        raise ValueError("only 0..999999")
    th, r = divmod(n, 1000)
    out = ""
    if th:
        out = (_spellings("unit_prefixes_in_compounds")[1] if th == 1 else _words_below_1000(th)) + lang_data("numbers.json")["thousand"]
    if r:
        out += _words_below_1000(r)
    return out


def multiplier(word: str) -> Optional[Number]:
    return lang_data("numbers.json")["multipliers"].get(word.lower())


def fraction(word: str) -> Optional[float]:
    return lang_data("numbers.json")["fractions"].get(word.lower())


# ---------------------------------------------------------------------------- dates


def parse_iso_date(value: Optional[str]) -> Optional[dt.date]:
    """'2022-01-06', '2022-01-06T12:33:00' -> date; anything else -> None."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_anchor(value: Optional[str]) -> tuple[Optional[dt.date], Optional[str]]:
    """Publication date -> (anchor date, precision "day"|"month"|"year").

    A month-only date ("2022-09") anchors at the month's last day with precision "month", a
    year ("2022") at 31 December with precision "year": enough to resolve "im Januar" or
    "im vergangenen Jahr", not "am Montag"."""
    d = parse_iso_date(value)
    if d is not None:
        return d, "day"
    if not value:
        return None, None
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})$", s)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return nxt - dt.timedelta(days=1), "month"
    m = re.match(r"^(\d{4})$", s)
    if m:
        return dt.date(int(m.group(1)), 12, 31), "year"
    return None, None


def iso_year(year: int) -> str:
    """ISO 8601 year in astronomical numbering: 1 BC is "0000" (there is no "-0000"), 2 BC "-0001"."""
    if year < 0:
        return f"-{abs(year):04d}"
    return f"{year:04d}"


def iso_month(year: int, month: int) -> str:
    return f"{iso_year(year)}-{month:02d}"


def iso_day(year: int, month: int, day: int) -> Optional[str]:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def expand_year(y: int, anchor: Optional[dt.date] = None) -> int:
    """Two-digit year -> four digits ('22' -> 2022), relative to the anchor's century window."""
    if y >= 100:
        return y
    ref = anchor.year if anchor else 2000
    cand = (ref // 100) * 100 + y
    if cand > ref + 20:
        cand -= 100
    return cand


def _direction(tense: str) -> int:
    return {"past": -1, "future": 1}.get(tense, 0)


def resolve_weekday(anchor: dt.date, weekday: int, tense: str = "past", strict: bool = False) -> dt.date:
    """The `weekday` (0=Monday) meant relative to `anchor`.

    past: the latest such day on or before the anchor (strictly before if `strict`);
    future: the next on or after (strictly after if `strict`); present: the nearest.
    """
    back = (anchor.weekday() - weekday) % 7
    fwd = (weekday - anchor.weekday()) % 7
    if strict:
        back = back or 7
        fwd = fwd or 7
    d = _direction(tense)
    if d < 0:
        return anchor - dt.timedelta(days=back)
    if d > 0:
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back) if back <= fwd else anchor + dt.timedelta(days=fwd)


def resolve_month(anchor: dt.date, month: int, tense: str = "past") -> tuple[int, int]:
    """(year, month) of a month named without a year. Past: the latest on or before the
    anchor's month; future: the next on or after; present: the anchor's year."""
    d = _direction(tense)
    y = anchor.year
    if d < 0:
        return (y if month <= anchor.month else y - 1, month)
    if d > 0:
        return (y if month >= anchor.month else y + 1, month)
    return (y, month)


def resolve_day_month(anchor: dt.date, month: int, day: int, tense: str = "past") -> Optional[dt.date]:
    d = _direction(tense)
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    if d < 0:
        past = [c for c in cands if c <= anchor]
        return max(past) if past else min(cands)
    if d > 0:
        fut = [c for c in cands if c >= anchor]
        return min(fut) if fut else max(cands)
    # present tense: the nearest, so across the turn of the year "am 31. Dezember" in an article
    # of 5 January is the past one; the anchor's year wins a tie
    return min(cands, key=lambda c: (abs((c - anchor).days), c.year != anchor.year))


def holiday_date(rule: str, year: Optional[int], anchor: Optional[dt.date], tense: str = "past") -> Optional[dt.date]:
    """The day of a holiday rule from dates.json ("12-25"; "E+1" = days from Western Easter
    Sunday, computed by dateutil rather than by hand; "12-24:6:-4" = the 4th weekday 6 (Sunday)
    counted back from 24 December, that day included: the first Advent; "05-01:6:2" = the 2nd
    Sunday from 1 May on: Mother's Day) in ``year``, or, without a year, the occurrence the tense
    points to from ``anchor`` (as `resolve_day_month`)."""
    from dateutil.easter import easter

    def on(y: int) -> dt.date:
        if rule.startswith("E"):
            return easter(y) + dt.timedelta(days=int(rule[1:]))
        if ":" in rule:
            md, wd, n = rule.split(":")
            m, d = md.split("-")
            base, wd_i, n_i = dt.date(y, int(m), int(d)), int(wd), int(n)
            if n_i > 0:
                return base + dt.timedelta(days=(wd_i - base.weekday()) % 7, weeks=n_i - 1)
            return base - dt.timedelta(days=(base.weekday() - wd_i) % 7, weeks=-n_i - 1)
        m, d = rule.split("-")
        return dt.date(y, int(m), int(d))

    if year is not None:
        return on(year)
    if anchor is None:
        return None
    cands = [on(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    d = _direction(tense)
    if d < 0:
        return max(c for c in cands if c <= anchor)
    if d > 0:
        return min(c for c in cands if c >= anchor)
    return min(cands, key=lambda c: abs((c - anchor).days))


def season_of(d: dt.date) -> tuple[int, str]:
    """(season year, code) containing the date; January/February belong to the previous year's WI."""
    for code, months in lang_data("dates.json")["season_months"].items():
        if d.month in months:
            # a season that spans the turn of the year belongs to the year it starts in
            return (d.year - 1 if d.month < months[0] else d.year), code
    raise ValueError(f"dates.json season_months does not cover month {d.month}")


_SEASON_ORDER = ["SP", "SU", "FA", "WI"]


def resolve_season(anchor: dt.date, code: str, tense: str = "past", strict: bool = False) -> int:
    """Year of a season named without a year (the anchor's own season counts as 'this'). With
    `strict` ("im vergangenen/letzten Frühjahr") the anchor's own season is the past one only
    when most of it has passed: in its first month it has barely begun, so the year before is
    meant ("im letzten Frühjahr", published 15 March 2016 -> 2015-SP; "im vergangenen Herbst",
    published in November -> this year's autumn)."""
    ay, acode = season_of(anchor)
    ai, ci = _SEASON_ORDER.index(acode), _SEASON_ORDER.index(code)
    d = _direction(tense)
    if ci == ai:
        first_month = lang_data("dates.json")["season_months"][acode][0]
        return ay - 1 if strict and d < 0 and anchor.month == first_month else ay
    if d < 0:
        return ay if ci < ai else ay - 1
    if d > 0:
        return ay if ci > ai else ay + 1
    if anchor.year != ay and (ci - ai) % 4 <= 2:
        # our own rule (session 33): in January and February the anchor's season is the winter of the year
        # before, but a present-tense spring or summer is the coming one ("Im Frühjahr bietet der DJV zwei
        # neue Online-Seminare an", published 2022-02-02 -> 2022-SP; "Im Sommer findet die WM statt" in
        # January -> this summer), not the one of the year before; the autumn just gone stays the nearer
        return anchor.year
    return ay


def resolve_quarter(anchor: dt.date, q: int, tense: str = "past") -> int:
    aq = (anchor.month - 1) // 3 + 1
    d = _direction(tense)
    if d < 0:
        return anchor.year if q <= aq else anchor.year - 1
    if d > 0:
        return anchor.year if q >= aq else anchor.year + 1
    return anchor.year


def resolve_iso_week(anchor: dt.date, week: int, tense: str = "past") -> int:
    """The ISO year of calendar week `week` named without a year ("in KW 49"): like a quarter,
    the publication's year unless the tense points past it (week 49 in a past clause of an
    article of week 2 is last year's)."""
    ay, aw, _ = anchor.isocalendar()
    d = _direction(tense)
    if d < 0:
        return ay if week <= aw else ay - 1
    if d > 0:
        return ay if week >= aw else ay + 1
    return ay


def shift_period(anchor: dt.date, unit: str, offset: int) -> str:
    """ISO value of the year/month/week `offset` units from the anchor's."""
    if unit == "year":
        return iso_year(anchor.year + offset)
    if unit == "month":
        m0 = anchor.year * 12 + anchor.month - 1 + offset
        return iso_month(m0 // 12, m0 % 12 + 1)
    if unit == "week":
        return iso_week(anchor + dt.timedelta(weeks=offset))
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat()
    raise ValueError(unit)
