"""Properties of the pure normalisers in pipeline/nlp/normalize.py."""
import datetime as dt
import random

import pytest

from pipeline.nlp.normalize import (
    lang_data,
    lookup_unit,
    number_to_words,
    parse_digits,
    parse_number,
    parse_number_word,
    resolve_day_month,
    resolve_month,
    resolve_season,
    resolve_weekday,
    season_of,
    shift_period,
)


def test_number_words_round_trip_1_to_999():
    for n in range(1, 1000):
        assert parse_number_word(number_to_words(n)) == n, number_to_words(n)


def test_number_words_round_trip_sample_up_to_a_million():
    rng = random.Random(7)
    for n in rng.sample(range(1000, 1_000_000), 2000):
        assert parse_number_word(number_to_words(n)) == n, number_to_words(n)


def test_number_words_are_spelled_from_the_data():
    """number_to_words reads numbers.json backwards (no word lists of its own): the first spelling
    of each value, the compound form "ein"."""
    assert [number_to_words(n) for n in (1, 2, 19, 30, 31, 101, 1000, 1001, 2022, 999_999)] == [
        "eins", "zwei", "neunzehn", "dreißig", "einunddreißig", "einhunderteins", "eintausend", "eintausendeins",
        "zweitausendzweiundzwanzig", "neunhundertneunundneunzigtausendneunhundertneunundneunzig"]
    d = lang_data("numbers.json")
    assert list(d["tens"]).index("dreißig") < list(d["tens"]).index("dreissig")
    assert list(d["units"]).index("zwei") < list(d["units"]).index("zwo")


def test_number_word_spelling_follows_the_data(monkeypatch):
    """A modified copy of numbers.json (the other spelling first, other compound words) changes
    what number_to_words writes: it has no word lists of its own."""
    import copy

    from pipeline.nlp import normalize

    d = copy.deepcopy(lang_data("numbers.json"))
    d["units"] = {"zwo": 2, **d["units"]}  # "zwo" now the first spelling of 2
    d["tens"] = {"dreissig": 30, **d["tens"]}  # "dreissig" before "dreißig"
    d["hundred"], d["thousand"] = "HUNDERT", "TAUSEND"
    real = normalize.lang_data
    monkeypatch.setattr(normalize, "lang_data", lambda name, lang_dir=None: d if name == "numbers.json" else real(name, lang_dir))
    normalize._spellings.cache_clear()  # the tables read backwards are cached per process
    try:
        assert [number_to_words(n) for n in (2, 30, 32, 200, 2002)] == [
            "zwo", "dreissig", "zweiunddreissig", "zweiHUNDERT", "zwoTAUSENDzwo"]
    finally:
        monkeypatch.undo()
        normalize._spellings.cache_clear()
    assert [number_to_words(n) for n in (2, 30, 32, 200, 2002)] == [
        "zwei", "dreißig", "zweiunddreißig", "zweihundert", "zweitausendzwei"]


def test_number_word_data_parses_to_its_value():
    d = lang_data("numbers.json")
    for table in ("teens", "tens"):
        for w, v in d[table].items():
            assert parse_number_word(w) == v
            assert parse_number_word(w.capitalize()) == v


@pytest.mark.parametrize("word,value", [
    ("neun", 9), ("sechs", 6), ("einundzwanzig", 21), ("dreihundertfünfzig", 350),
    ("zweitausendzweiundzwanzig", 2022), ("eineinhalb", 1.5), ("anderthalb", 1.5),
    ("zweieinhalb", 2.5), ("hundert", 100), ("tausend", 1000), ("einhunderteins", 101),
])
def test_number_words(word, value):
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["ein", "eine", "zweiten", "zweitlängste", "neuntgrößte", "achtmal",
                                  "zweiwöchigen", "dreißigste", "Einheit", "acht-", "undzwanzig"])
def test_not_number_words(word):
    assert parse_number_word(word) is None


@pytest.mark.parametrize("text,value", [
    ("250", 250), ("7000", 7000), ("100.000", 100000), ("3,5", 3.5), ("1.250,75", 1250.75),
    ("22,5", 22.5), ("0,7", 0.7),
])
def test_digits(text, value):
    assert parse_digits(text) == value
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["6.1.2022", "4:45", "17.30", "G20", "2.", "1.2.3", "12-mal"])
def test_not_digits(text):
    assert parse_digits(text) is None


def test_units_table():
    assert lookup_unit("Prozent") == ("%", 1.0)
    assert lookup_unit("%") == ("%", 1.0)
    assert lookup_unit("Euro")[0] == lookup_unit("€")[0] == "EUR"
    assert lookup_unit("US-Dollar")[0] == lookup_unit("$")[0] == "USD"
    assert lookup_unit("Kilometer")[0] == lookup_unit("km")[0] == "km"
    assert lookup_unit("Quadratkilometer")[0] == lookup_unit("km²")[0] == "km2"
    assert lookup_unit("Tonnen")[0] == "t"
    assert lookup_unit("Cent") == ("EUR", 0.01)
    assert lookup_unit("Menschen") is None


def _anchors():
    d = dt.date(2021, 12, 20)
    for k in range(0, 120, 3):
        yield d + dt.timedelta(days=k)


def test_resolve_weekday_properties():
    for anchor in _anchors():
        for wd in range(7):
            past = resolve_weekday(anchor, wd, "past")
            fut = resolve_weekday(anchor, wd, "future")
            near = resolve_weekday(anchor, wd, "present")
            strict_past = resolve_weekday(anchor, wd, "past", strict=True)
            assert past.weekday() == fut.weekday() == near.weekday() == strict_past.weekday() == wd
            assert 0 <= (anchor - past).days <= 6
            assert 0 <= (fut - anchor).days <= 6
            assert 1 <= (anchor - strict_past).days <= 7
            assert abs((near - anchor).days) <= 3


def test_resolve_weekday_seed_example():
    # Tagesschau, 6 January 2022 (a Thursday): "hat am Mittwochabend ... gebeten"
    assert resolve_weekday(dt.date(2022, 1, 6), 2, "past") == dt.date(2022, 1, 5)


def test_resolve_month_and_day_properties():
    for anchor in _anchors():
        for month in range(1, 13):
            y, m = resolve_month(anchor, month, "past")
            assert (y, m) <= (anchor.year, anchor.month) and (anchor.year * 12 + anchor.month) - (y * 12 + m) < 12
            y, m = resolve_month(anchor, month, "future")
            assert (y, m) >= (anchor.year, anchor.month) and (y * 12 + m) - (anchor.year * 12 + anchor.month) < 12
            d = resolve_day_month(anchor, month, 15, "past")
            assert d <= anchor and (anchor - d).days < 366
            d = resolve_day_month(anchor, month, 15, "future")
            assert d >= anchor and (d - anchor).days < 366


def test_resolve_season():
    assert season_of(dt.date(2022, 1, 6)) == (2021, "WI")
    for anchor in _anchors():
        for code in ("SP", "SU", "FA", "WI"):
            y = resolve_season(anchor, code, "past")
            assert y <= season_of(anchor)[0]


def test_shift_period():
    a = dt.date(2022, 1, 6)
    assert shift_period(a, "year", -1) == "2021"
    assert shift_period(a, "month", -1) == "2021-12"
    assert shift_period(a, "week", 0) == "2022-W01"
    assert shift_period(a, "day", -1) == "2022-01-05"


def test_nested_keys_of_the_language_data_are_checked_at_load():
    """A nested object a rule reads key by key (`NESTED_KEYS`: dates.json deadline_terms, ner_rules.json
    party_branches ...) missing a key is a LanguageDataError naming the file and the object when the data is
    loaded, not a KeyError at the first document that reaches the rule (session 30's review); the shipped
    files pass."""
    import copy
    import json

    from pipeline.nlp.normalize import LANG_DIR, NESTED_KEYS, LanguageDataError, check_keys

    for (name, path), needed in NESTED_KEYS.items():
        data = json.loads((LANG_DIR / name).read_text(encoding="utf-8"))
        check_keys(name, data)
        for key in sorted(needed):
            broken = copy.deepcopy(data)
            obj = broken
            for k in path:
                obj = obj[k]
            del obj[key]
            with pytest.raises(LanguageDataError, match=rf"{name}: {'.'.join(path)} misses keys \['{key}'\]"):
                check_keys(name, broken)
