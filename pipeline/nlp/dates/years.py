"""Years: whether a bare number is a year, and the year a weekday with a day and month falls in."""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from ..normalize import lang_data, lookup_unit
from .common import _ISO_DAY, _YEAR_TOKEN
from .text import has_ann


# an identifier word of this length or more also ends a compound before a number ("Sicherheitsratsresolution
# 1701"); shorter ones only as the word or after a hyphen ("Haus", not "Rathaus 1910")
IDENT_HEAD_MIN = 8


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def weekday_year(value: Optional[str], weekday: int) -> Optional[str]:
    """A day resolved without a year (`value`, ISO) that must fall on `weekday` (0 = Monday):
    the value itself when it does, else the same day of the year before or after that does
    ("Montag, 15. Juni" resolved to 2016-06-15, a Wednesday -> 2015-06-15); unchanged when
    neither does (a slip in the text)."""
    if not value or not _ISO_DAY.match(value):
        return value
    d = dt.date.fromisoformat(value)
    if d.weekday() == weekday:
        return value
    for dy in (-1, 1):
        try:
            c = d.replace(year=d.year + dy)
        except ValueError:  # 29 February
            continue
        if c.weekday() == weekday:
            return c.isoformat()
    return value


def _apposed_to_deictic(doc: Doc, spans: list[Span], deictic: frozenset[str], weekdays: dict[str, int],
                        links: frozenset[str]) -> list[Span]:
    """A weekday or a day and month right after a deictic day that restates it ("Für morgen (Mittwoch)",
    "für morgen, den 20. September") is that day: the restatement alone was resolved by the clause's
    tense (the past Wednesday, last year's 20 September), while the reporter names one day twice.
    Only where the restatement fits the deictic day (the same weekday, the same day and month)."""
    for k in range(1, len(spans)):
        a, b = spans[k - 1], spans[k]
        if len(a) != 1 or a.text.lower() not in deictic or not isinstance(a._.value, str) or not _ISO_DAY.match(a._.value):
            continue
        gap = [t.text.lower() for t in doc[a.end:b.start]]
        if not gap or gap[0] not in ("(", ",") or any(w not in links for w in gap) or (b._.date_type or "date") != "date":
            continue
        day = dt.date.fromisoformat(a._.value)
        wd = weekdays.get(b.text.lower())
        same_day = isinstance(b._.value, str) and _ISO_DAY.match(b._.value) and b._.value[5:] == a._.value[5:]
        if (wd is not None and day.weekday() == wd) or same_day:
            b._.value = a._.value
    return spans


def _weekday_of_week(doc: Doc, spans: list[Span]) -> list[Span]:
    """A weekday right before a week ("Mittwoch dieser Woche", "Freitag nächster Woche") is one
    DATE: that weekday in that week (the week's span names no day of its own)."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        wk = _ISO_WEEK.match(sp._.value) if isinstance(sp._.value, str) else None
        if prev is not None and wk and prev.end == sp.start and isinstance(prev._.value, str) \
                and _ISO_DAY.match(prev._.value) and (prev._.date_type or "date") == "date":
            day = dt.date.fromisoformat(prev._.value)
            merged = Span(doc, prev.start, sp.end, label="DATE")
            merged._.value = dt.date.fromisocalendar(int(wk.group(1)), int(wk.group(2)), day.isoweekday()).isoformat()
            out[-1] = merged
            continue
        out.append(sp)
    return out


@functools.lru_cache(maxsize=1)
def _year_words() -> dict[str, frozenset[str]]:
    """The words `is_bare_year` reads (dates.json, identifiers.json), loaded once."""
    d = lang_data("dates.json")
    return {"range_links": frozenset(d["year_range_links"]),
            "qualifier_prepositions": frozenset(d["year_qualifier_prepositions"]),
            "year_nouns": frozenset(d["year_nouns"]),
            "pair_openers": frozenset(d["year_pair_openers"]),
            "comparison_qualifiers": frozenset(d["comparison_years"]["qualifiers"]),
            "comparison_amounts": frozenset(d["comparison_years"]["amount_words"]),
            "bound_prepositions": frozenset(d["year_bound_qualifiers"]["prepositions"]),
            "bound_qualifiers": frozenset(d["year_bound_qualifiers"]["qualifiers"]),
            "months": frozenset(d["months"]),
            "not_after": frozenset(lang_data("identifiers.json")["after"])}


def _closes_year_range(doc: Doc, i: int, window: int = 6) -> bool:
    """Is doc[i] the end of a range that opened with a year: "von 1991 bis zu seinem Rücktritt
    1993 Bundesminister" (the noun after it does not make it a count)?"""
    for k in range(i - 1, max(-1, i - window - 1), -1):
        t = doc[k]
        if t.text in (".", ";", "!", "?") or t.like_num:
            return False
        if t.text.lower() in _year_words()["range_links"] and k > 0 and _YEAR_TOKEN.match(doc[k - 1].text):
            return True
    return False


def _word(doc: Doc, i: int, step: int) -> Optional[Token]:
    """The first token from doc[i] on in direction `step` that is no space, or None."""
    while 0 <= i < len(doc) and doc[i].is_space:
        i += step
    return doc[i] if 0 <= i < len(doc) else None


_PAIR_LINKS = frozenset({"/", "-", "–", "bis"})  # the separators of the `year_pair` pattern


def year_pair_is_count(doc: Doc, i: int) -> bool:
    """Is doc[i], one number of a pair the `year_pair` pattern took for two years ("1500 bis 2000",
    "2000-3000"), a bound of a count's range: a unit after the pair ("Etwa 1500 bis 2000 Euro pro Jahr",
    "2000-3000 Kilometer") or a qualifier before it ("rund 1500 bis 2000"), as `is_bare_year` reads one number?"""
    if i >= 2 and doc[i - 2].like_num and doc[i - 1].text in _PAIR_LINKS:
        first, second = i - 2, i  # the second year ("2013/14 rund 5,3 Prozent": no pair "14 rund 5,3")
    elif i + 2 < len(doc) and doc[i + 2].like_num and doc[i + 1].text in _PAIR_LINKS:
        first, second = i, i + 2
    else:
        return False
    nxt = _word(doc, second + 1, 1)
    if nxt is not None:
        unit = lookup_unit(nxt.text)
        if unit is not None and unit[0] not in ("year", "day", "month", "week"):
            return True  # "1500 bis 2000 Euro"
        if unit is not None and unit[0] == "year" and nxt.text.lower() not in _year_words()["year_nouns"]:
            return True  # "vor 1500 bis 2000 Jahren": a count of years
        if nxt.text.lower() in _year_words()["not_after"]:
            return True
    prev = _word(doc, first - 1, -1)
    prev2 = _word(doc, prev.i - 1, -1) if prev is not None else None
    p1 = prev.text.lower() if prev is not None else ""
    p2 = prev2.text.lower() if prev2 is not None else ""
    quals = lang_data("qualifiers.json")["qualifiers"]
    if p1 in quals or f"{p2} {p1}" in quals:
        return p1 not in _year_words()["qualifier_prepositions"] or f"{p2} {p1}" in quals  # "rund 1500 bis 2000"
    return _noun_counts_pair(doc, prev, nxt, (doc[first], doc[second]))


def _noun_counts_pair(doc: Doc, before: Optional[Token], after: Optional[Token], numbers: tuple[Token, Token]) -> bool:
    """Does the plural noun right after a pair of round numbers count both ("1500 bis 2000 Menschen",
    "zwischen 1500 und 2000 Menschen")? Estimates are round, years of a span seldom both are
    ("zwischen 1869 und 1887 Karten", "Er war 1980 bis 1989 Präsident"). Not after a word that opens
    a span of years ("von 1900 bis 2000"), nor a noun that names the pair ("im Zeitraum 2000 bis
    2100"), nor for a month or a year noun after it."""
    if after is None or not has_ann(doc, "POS") or after.pos_ != "NOUN" or "Sing" in after.morph.get("Number"):
        return False
    if not all(n.text.isdigit() and int(n.text) % 100 == 0 for n in numbers):
        return False
    if before is not None and (before.text.lower() in _year_words()["pair_openers"] or before.pos_ in ("NOUN", "PROPN")):
        return False  # "von 1991 bis 1993", "im Zeitraum 2010 bis 2015": the noun before names the pair
    w = after.text.lower()
    return w not in _year_words()["months"] and w not in _year_words()["year_nouns"] and lookup_unit(after.text) is None


def compared_with_year(doc: Doc, i: int) -> bool:
    """Is the four-digit number doc[i], after "mehr als"/"weniger als", the year an amount is compared with
    ("insgesamt 335 Anzeigen weniger als [2014].", "ein Viertel mehr als [2014].", "9 % mehr als [2020] bewegt")
    rather than a count ("mehr als 2000 zumeist Vermummte")? An amount before the comparative (a number, an
    `amount_words` word, or a noun right after a number) and no noun after the number (dates.json
    comparison_years; our own rule, session 37)."""
    w = _year_words()
    if i < 3 or f"{doc[i - 2].text.lower()} {doc[i - 1].text.lower()}" not in w["comparison_qualifiers"]:
        return False
    a = doc[i - 3]
    amount = (a.like_num and not a.text.endswith(".")) or a.text.lower() in w["comparison_amounts"] \
        or (a.text[:1].isupper() and a.is_alpha and i >= 4 and doc[i - 4].like_num)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return bool(amount) and (nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX"))


def is_bare_year(doc: Doc, i: int, year_triggers: Optional[set] = None,
                 lemma_fn: Optional[Callable[[Token], str]] = None) -> bool:
    """Decide whether a bare 4-digit number token is a year or a count.

    A count when: a qualifier precedes ("mehr als 2000", "rund 1500"), a unit follows
    ("2000 Kilometer"), or a common noun follows that it counts ("2500 Soldaten"; from POS
    when tagged, else a capitalised inflected noun known to the lemma table) -- unless a
    year trigger precedes ("seit 2014", "im Jahr 2010", "Anfang 1990").
    """
    t = doc[i]
    if not _YEAR_TOKEN.match(t.text):
        return False
    y = int(t.text)
    if year_triggers is None:
        year_triggers = set(lang_data("dates.json")["year_triggers"])
    prev = doc[i - 1] if i > 0 else None
    prev2 = doc[i - 2] if i > 1 else None
    p1 = prev.text.lower() if prev is not None else ""
    p2 = prev2.text.lower() if prev2 is not None else ""
    quals = lang_data("qualifiers.json")["qualifiers"]
    # "seit mindestens 2019" (dates.json year_bound_qualifiers): the preposition before the qualifier dates it
    bounded = p1 in _year_words()["bound_qualifiers"] and p2 in _year_words()["bound_prepositions"]
    if (p1 in quals or f"{p2} {p1}" in quals) and not bounded:
        if (p1 not in _year_words()["qualifier_prepositions"] or f"{p2} {p1}" in quals) \
                and not compared_with_year(doc, i):
            return False
    if prev is not None and prev.like_num and not prev.text.endswith("."):
        return False
    ident = set(lang_data("identifiers.json")["before"]) | set(lang_data("identifiers.json")["before_digits_only"])  # a year is digits
    if p1 in ident or p1.rsplit("-", 1)[-1] in ident or any(p1.endswith(w) for w in ident if len(w) >= IDENT_HEAD_MIN):
        return False  # "Artikel 1914"; as a compound's head too: "UN-Resolution 1612", "Sicherheitsratsresolution 1701"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and lookup_unit(nxt.text) is not None and lookup_unit(nxt.text)[0] not in ("year", "day", "month", "week"):
        return False
    if nxt is not None and nxt.text.lower() in _year_words()["not_after"]:
        return False  # "2000 Uhr", "1000 mal"
    if nxt is not None and lookup_unit(nxt.text) is not None and lookup_unit(nxt.text)[0] in ("year", "decade", "century") \
            and nxt.text.lower() not in _year_words()["year_nouns"]:
        return False  # "vor 2000 Jahren", "2000 Jahre alt": a count of years, never the year 2000
    if prev2 is not None and prev2.like_num and p1 in lang_data("measures.json")["range_links"] \
            and _noun_counts_pair(doc, _word(doc, i - 3, -1) if i >= 3 else None, nxt, (prev2, t)):
        return False  # "1500 bis 2000 Menschen": the second bound of a count, not a year after "bis"
    if nxt is not None and nxt.text.lower() in lang_data("measures.json")["range_links"] and i + 2 < len(doc) \
            and doc[i + 2].like_num and _noun_counts_pair(doc, prev, _word(doc, i + 3, 1), (t, doc[i + 2])):
        return False  # "zwischen 1500 und 2000 Menschen": the first bound of a count
    triggered = p1 in year_triggers or _closes_year_range(doc, i)
    if nxt is not None and not triggered:
        measures = lang_data("measures.json")
        if nxt.text.lower() in measures["range_links"] and i + 3 < len(doc) and doc[i + 2].like_num:
            return is_bare_year(doc, i + 2, year_triggers, lemma_fn)
        if nxt.text.lower() in measures["change_links"]["to"] and p1 != "bis" and i + 2 < len(doc) and (
                doc[i + 2].like_num or (doc[i + 2].text.lower() in quals and i + 3 < len(doc) and doc[i + 3].like_num)):
            # "von derzeit 2000 auf rund 15.000 Soldaten": a change between two counts, decided by the second
            return is_bare_year(doc, i + 2 if doc[i + 2].like_num else i + 3, year_triggers, lemma_fn)
        if nxt.pos_ in ("NOUN",) and has_ann(doc, "POS"):
            months = lang_data("dates.json")["months"]
            if nxt.text.lower() not in months:
                return False
        elif not has_ann(doc, "POS") and nxt.text[:1].isupper() and lemma_fn is not None and not nxt.ent_type_:
            lem = lemma_fn(nxt)
            if lem != nxt.text and lem[:1].isupper() and nxt.text.lower() not in lang_data("dates.json")["months"]:
                return False
    if y < 1500 and not triggered and not _bracketed_after_word(doc, i):
        return False
    return True


def _bracketed_after_word(doc: Doc, i: int) -> bool:
    """A four-digit number alone in brackets right after a capitalised word: a year, also before 1500
    ("des Falls von Konstantinopel (1453)", web waldwiesen.net). Our own rule (session 29): in 10kGNAD,
    web_pages_de and Wikinews every bare "(NNNN)" is a year (65 of 1500-2099, this one below); a count of
    that size in brackets is written with its thousands dot ("Tirol (1.574)", "FPÖ (2.496)"). Only after a
    name (PROPN or an entity): "Die Zahl der Teilnehmer (1200)" counts."""
    t = doc[i]
    return (len(t.text) == 4 and t.text.isdigit() and 2 <= i and i + 1 < len(doc)
            and doc[i - 1].text == "(" and doc[i + 1].text == ")" and doc[i - 2].text[:1].isupper()
            and not doc[i - 2].like_num and (doc[i - 2].pos_ == "PROPN" or bool(doc[i - 2].ent_type_)
                                             or not has_ann(doc, "POS")))
