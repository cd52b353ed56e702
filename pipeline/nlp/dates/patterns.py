"""The date patterns built from the language data, and the matches they find."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from spacy.tokens import Token

from ..lemma_table import lookup_lemma_table
from ..normalize import lang_data
from .text import has_ann


def _alt(words: Iterable[str]) -> str:
    ws = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)


def _after(words: Iterable[str]) -> str:
    """A look-behind for one of `words` and a space before a match ("in den [Neunzigern]"), one fixed-width
    look-behind per word (Python's look-behinds have a fixed width); in the pattern, not a later check, so that
    a long candidate it refuses ("gestern [Abend nach dem Spiel]") cannot hide a shorter one."""
    return "(?:" + "|".join(f"(?<=(?<![\\w-]){re.escape(w)}\\s)" for w in words) + ")"


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _both(words: Iterable[str]) -> list[str]:
    out = []
    for w in words:
        out += [w, _cap(w)]
    return out


@functools.lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """Written-out ordinals ("ersten", "zwölften"; dates.json `ordinal_words`: stem + ending) -> number."""
    d = lang_data("dates.json")["ordinal_words"]
    return {stem + end: n for stem, n in d["stems"].items() for end in d["endings"]}


@dataclass
class DateMatch:
    start: int
    end: int
    kind: str
    g: dict[str, Optional[str]]
    priority: int = 0
    value: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


class DatePatterns:
    """Methods of `DateRecognizer` for the job named above (component.py composes the mixins into it)."""

    # -- lemma access (model lemma if set, else lookup table) --
    def _lemma(self, t: Token) -> str:
        if t.lemma_ and has_ann(t.doc, "LEMMA"):
            return t.lemma_
        if not self.lemma_lookup:
            return t.text
        return self._lemma_table().get(t.text, t.text)

    def _lemma_table(self) -> Any:
        """spacy-lookups-data's German lemma table ({} without the package or lookups): the process's one copy,
        shared with the figures component (`lookup_lemma_table`)."""
        if self._lemmas is None:
            self._lemmas = lookup_lemma_table() if self.lemma_lookup else {}
        return self._lemmas

    def _build(self) -> None:
        mon_words = []
        for k in self.months:
            mon_words.append(_cap(k))
        MON = f"(?P<mon>(?:{_alt(w for w in mon_words if w.endswith('.'))})|(?:(?:{_alt(w for w in mon_words if not w.endswith('.'))})(?=s?(?![\\w-]))))s?"
        MON2 = MON.replace("?P<mon>", "?:")
        # "Stand: 1. Sep 2015", "am 3. Okt 2019" (session 37, web pages; our own rule): an abbreviation of `months`
        # without its dot is a month only between a day and a four-digit year ("Jan" alone is a first name)
        UNDOTTED = _alt(w[:-1] for w in mon_words if w.endswith("."))
        WD = f"(?P<wd>{_alt(_cap(w) for w in self.weekdays)})"
        WDX = WD.replace("?P<wd>", "?:")  # the same without the group, for a look-ahead
        DP = f"(?P<dp>{_alt(self.day_parts)})?"
        # a noun part of the day in the spelling before 1996 too: "gestern abend", "Montag abend" (dev15 wn23441)
        DP2 = f"(?:\\s+(?P<dp2>{_alt(v for w, kind in self.day_parts.items() for v in (_both([w]) if kind == 'noun' else [w]))}))?"
        DAY = "(?P<day>0?[1-9]|[12]\\d|3[01])\\."
        BC = self.bc_alt
        YEAR = f"(?P<year>\\d{{1,4}}\\s*{BC}|1\\d{{3}}|20\\d{{2}})"
        YEAR4 = "(?P<year>1\\d{3}|20\\d{2})"
        part_gate = _alt(_cap(w) for w in self.period_parts)
        PART = f"(?P<part>{part_gate})"
        # the holidays as written ("Tag der Deutschen Einheit"): the pattern's alternation and its gate
        holiday_gate = _alt(" ".join(x if x in self.holiday_lowercase else _cap(x) for x in w.split()) for w in self.holidays)
        MOD = f"(?P<mod>{_alt(_both(list(self.rel_mods) + list(self.ana_mods)))})"
        SEAS = f"(?P<season>{_alt(_cap(w) for w in list(self.seasons) + list(self.season_compounds))})(?:e?s)?(?![\\w-])"
        # "im November des Vorjahres", "am 21. September des Vorjahres": a year compound of relative_compounds in
        # the genitive ("Vorjahres", "Folgejahres") is a relative year like "des vergangenen Jahres" (one span)
        OFCOMP = _alt(_cap(w) for w, (u, off) in self.rel_comp.items() if u == "year" and off and w.endswith("jahres"))
        OFYEAR = f"\\s+(?:des\\s+Jahres\\s+(?P<ofyear>1\\d{{3}}|20\\d{{2}})|(?P<ofmod>{_alt(_both(list(self.rel_mods) + list(self.ana_mods) + list(self.of_year_mods)))})\\s+Jahres|(?<=des\\s)(?P<ofcomp>{OFCOMP}))(?![\\w-])"
        B = "(?<![\\w.-])"
        ART = _alt(self.weekday_date_articles)  # "Montag, den 9. Januar"
        PADJ = f"(?:(?P<padj>{_alt(self.period_adjectives)})\\s+)?"  # "den frühen 1960er-Jahren"
        DECW = f"(?P<decw>{_alt(_both(self.decade_words))})(?:\\s+Jahren?|{_alt(self.decade_suffixes)})"
        KW = _alt(self.calendar_week_words)
        # "vom 10. auf den 11. Februar" (a night) links two days like "bis zum"
        LINK = "(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+") for w in sorted(self.day_links, key=len, reverse=True)) + ")"
        self.link_re = re.compile(f"\\s*{LINK}?\\s*")
        E = "(?![\\w-])"
        ORDW = _alt(_both(ordinal_words()))
        # parts of the day that count as a day after a modifier ("am nächsten Morgen")
        DAYP = _alt(_cap(w) for w, u in self.rel_units.items() if u == "day" and w in self.day_parts)
        WEEK = _alt(_cap(w) for w, u in self.rel_units.items() if u == "week")  # "Woche"
        # year words beside "Jahr" ("das abgelaufene Geschäftsjahr"): relative_units with unit year
        FISC = _alt(_cap(w) for w, u in self.rel_units.items() if u == "year" and not w.startswith("jahr"))
        MOD2 = MOD.replace("?P<mod>", "?:")
        # parts of the day as nouns, for "am Nachmittag des 7. Dezember 2009" (one span)
        DPN = _alt(_cap(w) for w, kind in self.day_parts.items() if kind == "noun")
        MNOUN = f"(?P<mnoun>{_alt(self.month_nouns)})"  # "für den Monat Juli"
        MPART = f"(?P<mpart>{_alt(self.month_part_phrases)})"  # "in den ersten Tagen des Juni"
        # the date tail of "numeric" (a weekday before it optional): "Donnerstag, 05.05.2005"
        NUM_TAIL = f"(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\."
        # "15.-18.03.2018": a day before a range dash and a full numeric date (two DATEs, dev8 gold)
        NUM_RANGE_DAY = "(?<![\\d.])(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?=\\s?[-–]\\s?(?:0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.(?P<year>\\d{4})(?!\\d))"
        DYADJ = f"(?P<dyadj>{_alt(_both(self.deictic_year_adjs))})(?:e|en|er|es|em)"
        ELL_LINK = _alt(self.ellipsis_links)
        ELL_PREP = _alt(self.ellipsis_preps)
        # "in die 60-er Jahre des vorigen Jahrhunderts" (dev12 gold): a century counted from publication's
        CMOD = _alt(_both(w for w in self.rel_mods if w not in self.deictic_mods))
        # "In den ersten neun Monaten des Jahres 2012" (dev12 gold): a counted stretch of a named year, one span
        YPART = f"(?P<ypart>(?:{_alt(self.year_part_ords)})\\s+(?:\\d{{1,2}}|{_alt(_both(self.count_words))})\\s+(?:{_alt(self.year_part_units)}))"
        # "im Mai jeden Jahres" (dev12 gold): every year's month, a set
        EVERY = f"\\s+(?P<everyyear>{_alt(self.every_year)}){E}"
        RCMOD = _alt(_both(w for w in self.rel_mods if w not in self.deictic_mods and not w.startswith("heurig")))
        RCU = _alt(_cap(w) for w in self.rel_cent_units)
        RCUG = _alt(_cap(w) for w in self.rel_cent_units if w.endswith("s"))  # "Ende des Jahrhunderts": the genitive
        RCNOT = "|".join(re.escape(w).replace("\\ ", "\\s+") for w in self.rel_cent_not_before)
        WHOLE = _alt(self.whole_mods)  # "ganze", "gesamten" before a period (dates.json whole_modifiers)
        pats: list[tuple[str, str, int]] = [
            ("numeric", f"(?<![\\d.])(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.(?P<year>\\d{{4}}|\\d{{2}})(?![\\d])", 5),
            # "(red, 16. 5. 2016)", "am 18. 9. 2005": the same with a space after each period (a four-digit year only)
            ("numeric", f"(?<![\\d.])(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\. (?P<month>0?[1-9]|1[0-2])\\. (?P<year>1\\d{{3}}|20\\d{{2}})(?![\\d])", 5),
            # "am 24.12.", "vom 3.5. bis 7.5.": day and month in digits without a year (after a trigger word)
            ("numeric_dm", f"(?<![\\d.])(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.(?![\\d])", 4),
            # session 29: "am Mittwoch (26.06)", "Am Freitag (28.06.)" (wn75792), "am Montag (27.7.)" (gnad399): a day
            # and month alone in brackets (the last dot may be missing); kept only after a weekday (context.py)
            ("numeric_dm", "(?<=\\()(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.?(?=\\))", 4),
            # "am Tag zuvor", "Tags darauf", "am Abend davor": the day before/after the date named last
            ("ana_phrase", f"{B}(?P<aph>{_alt(_both(self.ana_phrase_heads))})\\s+(?P<adir>{_alt(self.ana_phrase_dirs)})(?![\\w-])", 2),
            # "kommenden Donnerstag, 05.05.2005": a relative modifier before the weekday is inside (dev8 gold)
            ("numeric", f"{B}{MOD}\\s+(?={WDX}){NUM_TAIL}(?P<year>\\d{{4}}|\\d{{2}})(?![\\d])", 5),
            ("numeric", NUM_RANGE_DAY, 5),
            ("iso", "(?<![\\d-])(?P<year>\\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\\d|3[01])(?![\\d])", 5),
            # "am heutigen 8. Mai": the deictic adjective is inside the span (dev decision)
            # "kommenden Montag, den 9. Januar": a relative modifier before a weekday and date is inside;
            # a part of the day glued to the weekday too: "Sonntagmorgen, dem 22. Januar"
            ("dmy", f"{B}(?:(?P<dmod>{_alt(_both(self.deictic_mods))})\\s+|{MOD}\\s+(?={WDX}))?(?:{WD}{DP},?\\s+(?:(?:{ART})\\s+)?)?{DAY}\\s*{MON}(?:\\s+{YEAR})?", 4),
            # "am Nachmittag des 7. Dezember 2009", "am Abend des 29. Juni": the part of the day is inside,
            # the value the day's (dev7, dev8, dev9 gold: TimeML's one TIMEX for "the morning of January 17")
            ("dmy", f"{B}(?P<dpart>{DPN})\\s+des\\s+{DAY}\\s*{MON}(?:\\s+{YEAR})?", 4),
            ("dmy", f"{B}{DAY}\\s*{MON}{EVERY}", 4),
            ("dmy", f"{B}{DAY}\\s*(?P<mon>{UNDOTTED})\\s+{YEAR4}(?![\\w-]|[.,]\\d)", 4),
            # "am 24., 25., 26. und 31. Dezember": the days of a comma list before the linked pair too
            ("day_list", f"{B}{DAY}(?=(?:\\s*,\\s*(?:0?[1-9]|[12]\\d|3[01])\\.)*\\s*{LINK}\\s*(?:0?[1-9]|[12]\\d|3[01])\\.\\s*{MON2})", 4),
            # session 32: a day without its month ("die am 18. in Oberharz ... ihren Tiefpunkt fanden"): the month
            # the text dated last gives it (component.py; dates.json "bare_day")
            ("bare_day", "(?:" + "|".join(f"(?<=(?<![\\w.-]){re.escape(w)}\\s)" for w in self.bare_day_after) + f"){DAY}(?=\\s*[,;)]|\\s+[a-zäöüß])", 1),
            # "am ersten Oktober", "zum dritten März 2010": a written-out ordinal day (HeidelTime's German day words)
            ("dmy", f"{B}(?P<oday>{ORDW})\\s+{MON}(?:\\s+{YEAR})?", 4),
            ("year_pair", "(?<![\\w.,/:–-])(?P<year>1\\d{3}|20\\d{2})\\s?(?P<sep>/|–|-|bis)\\s?(?P<year2>1\\d{3}|20\\d{2}|\\d{2})(?![\\w/:–-]|[.,]\\d)", 2),
            ("month", f"{B}(?:{PART}\\s+)?(?:(?P<early>{_alt(_both(self.month_prefixes))})-?\\s*)?{MON}(?:\\s+{YEAR})?", 3),
            ("month", f"{B}{MON}{EVERY}", 3),
            # "letzten September", "im kommenden April", "vom vergangenen September": the month strictly
            # before/after publication's (HeidelTime's German rule for a relative modifier before a month)
            ("month", f"{B}{MOD}\\s+{MON}{E}", 3),
            # "den gesamten November 2006" (dev10 gold): "ganze"/"gesamte" inside, as before "Wochenende"
            ("month", f"{B}(?P<mwhole>{_alt(self.whole_mods)})\\s+{MON}(?:\\s+{YEAR})?{E}", 3),
            # "für den Monat Juli", "In den ersten Tagen des Juni", "im Juli des Jahres" (the year the
            # tense gives, as for the month alone): one span each (dev8, dev9 gold)
            ("month", f"{B}(?:{MPART}\\s+des\\s+|{MNOUN}\\s+){MON}(?:\\s+{YEAR})?", 3),
            ("dmy", f"{B}{DAY}\\s*{MON}\\s+(?P<ofjahr>des\\s+Jahres)(?![\\w-]|\\s+(?:1\\d{{3}}|20\\d{{2}}))", 4),  # "am 2. April des Jahres"
            ("month", f"{B}{MON}\\s+(?P<ofjahr>des\\s+Jahres)(?![\\w-]|\\s+(?:1\\d{{3}}|20\\d{{2}}))", 3),
            ("season", f"{B}(?:{PART}\\s+(?:des\\s+)?)?(?:{MOD}\\s+)?{SEAS}(?:\\s+{YEAR})?", 3),
            ("season", f"{B}(?:{PART}\\s+(?:des\\s+)?)?{SEAS}(?:\\s+des)?{OFYEAR}", 3),
            ("month", f"{B}(?:{PART}\\s+)?{MON}(?:\\s+des)?{OFYEAR}", 3),
            ("dmy", f"{B}{DAY}\\s*{MON}(?:\\s+des)?{OFYEAR}", 4),
            # "im dritten Quartal (2004)", "im letzten/laufenden Quartal", "im ersten Quartal des nächsten Jahres"
            ("quarter", f"{B}(?:(?P<ord>{_alt(self.ordinals)})|{MOD})\\s+(?P<q>{_alt(_cap(w) for w in self.quarter_words | self.half_words)})(?:\\s+{YEAR4}|(?:\\s+des)?{OFYEAR})?{E}", 4),
            ("quarter_q", f"{B}Q(?P<qn>[1-4])(?:\\s*|/){YEAR4}{E}", 4),
            ("part_year", f"{B}{PART}\\s+{YEAR}", 3),
            ("part_rel", f"{B}{PART}\\s+(?:des\\s+|der\\s+)?(?:{MOD}\\s+)?(?P<unit>Jahres|Monats|Woche)(?:\\s+{YEAR4})?{E}", 3),
            # "im Laufe des Tages": the day the text named last, else publication
            ("part_rel", f"{B}(?P<part>{_alt(_cap(w) for w in self.day_period_parts)})\\s+des\\s+(?P<unit>Tages){E}", 3),
            # "in KW 49", "in der 12. Kalenderwoche", "Kalenderwoche 3/2021": an ISO week
            ("calweek", f"{B}(?:(?P<kwn>\\d{{1,2}})\\.\\s*(?:{KW})|(?:{KW})\\s*(?P<kwn2>\\d{{1,2}}))(?:(?:\\s*/\\s*|\\s+){YEAR4})?(?![\\w/-])", 3),
            # "im gesamten letzten Jahr" (dev11 gold, wn73758): "ganze"/"gesamte" inside, as before a month
            ("rel", f"{B}(?:(?P<rwhole>{WHOLE})\\s+)?{MOD}\\s+(?P<unit>Jahr|Jahres|Jahre|Monat|Monats|Woche|Wochenende|Tag|Tages|{DAYP}|{FISC})(?:\\s+{YEAR4})?{E}", 2),
            # "im laufenden und im kommenden Jahr": the elliptic first modifier is its own DATE with the
            # second one's unit (the named group in the look-ahead carries it)
            ("rel", f"{B}{MOD}(?=\\s+(?:{ELL_LINK})\\s+(?:(?:{ELL_PREP})\\s+)?{MOD2}\\s+(?P<unit>Jahr|Jahres|Monat|Monats|Woche|{FISC}){E})", 2),
            # "am Pfingstwochenende": the weekend of the holiday
            ("holiday_weekend", f"{B}(?P<hwe>{_alt(_cap(w) for w in self.holiday_weekends)}){E}(?:\\s+{YEAR4})?", 2),
            # a race time "nach einer Zeit von 2:31:37" (wn76253): hours, minutes and seconds, a duration
            # (three parts: no score "2:1", no clock time "9:45 Uhr")
            # a race time in minutes, seconds and hundredths when a unit word follows or the last part is over 59
            ("clock_duration", f"(?<![\\d:.,])(?P<ch>\\d{{1,2}}):(?P<cm>[0-5]\\d):(?P<cs>\\d\\d)(?![\\d:]|,\\d)(?!\\s*Uhr)(?:\\s+(?P<cmin>{_alt(self.race_time_units)})(?![\\w]))?", 3),
            # "im letzten Jahrzehnt": the span up to publication, a duration
            ("period_duration", f"{B}(?P<pdmod>{_alt(_both(self.period_dur_mods))})\\s+(?P<pdw>{_alt(_cap(w) for w in self.period_durs)}){E}", 3),
            # "in ihrer heutigen Ausgabe": the deictic adjective alone is the day before these nouns
            ("deictic_adj", f"{B}(?P<dadj>{_alt(_both(self.deictic_mods))})(?=\\s+(?:{_alt(_cap(w) for w in self.deictic_adj_nouns)}){E})", 2),
            # "dem gestrigen 0:0-Remis", "der morgigen Massenkundgebung": yesterday's/tomorrow's before any noun
            # (a capitalised word or a compound opened by a score or number)
            ("deictic_adj", f"{B}(?P<dadj>{_alt(_both(self.deictic_adj_any))})(?=\\s+(?:[A-ZÄÖÜ]|\\d[\\d:.,]*-[A-ZÄÖÜ]))", 2),
            # "am Wochenende", "seit dem Wochenende" without a modifier: the weekend nearest publication in the
            # tense's direction (dates.json weekend_openers; one fixed-width look-behind per opener)
            ("rel", "(?:" + "|".join(f"(?<=\\b{re.escape(w)}\\s)" for w in self.weekend_openers) + f")(?P<unit>Wochenende){E}", 2),
            # "das ganze Wochenende": the weekend by tense, the adjective inside
            ("rel", f"{B}(?P<whole>{_alt(self.whole_mods)})\\s+(?P<unit>Wochenende){E}", 2),
            # "das neue Jahr", "im neuen Jahr": the year of the New Year nearest publication
            ("new_year", f"{B}(?P<newy>{_alt(self.new_year_words)})\\s+(?:Jahr|Jahres){E}", 2),
            # "am Nachmittag des Tattages", "Am Ende des Wahlabends" (dev11, dev12 gold): a part of the day or
            # of the period before it is inside, the value the compound's (as "am Nachmittag des 7. Dezember")
            ("rel_comp", f"{B}(?:(?:{DPN}|{part_gate})\\s+des\\s+)?(?P<comp>{_alt(_cap(w) for w in self.rel_comp)}){E}(?:\\s+{YEAR4})?", 2),
            # "Im gesamten Jahr 2007" (dev11 gold, wn49378): "ganze"/"gesamte" inside, as before a month
            # "die Jahre 2007 bis 2013" is a plural (the singular is "das Jahr"): the years alone, as "in den Jahren 2009
            # und 2010" (dev13 wn6439 gold); "im Jahre 2005", the old dative singular, keeps "Jahre" inside
            ("jahr_year", f"{B}(?:(?P<jwhole>{WHOLE})\\s+)?(?P<jahr>Jahr|(?<![Dd]ie\\s)(?<![Dd]er\\s)Jahre|Jahres)\\s+{YEAR}", 3),
            ("jahr_year", f"{B}{YPART}\\s+des\\s+(?P<jahr>Jahres)\\s+{YEAR}", 3),
            # "in den 1970-ern und 1980-ern" (wn36397, dev7): the dative plural alone is the decade
            ("decade", f"{B}(?:{PART}\\s+der\\s+)?{PADJ}(?:(?P<dec4>1\\d\\d0|20\\d0)-?er(?:\\s*-?\\s*Jahren?|\\s*-?\\s*Jahre|n)?|(?P<dec2>[1-9]0)-?er\\s*-?\\s*Jahren?|(?P<dec2b>[1-9]0)er-Jahren?|{DECW})(?![\\w])(?:\\s+des\\s+(?:(?P<dcent>\\d{{1,2}})\\.\\s*|(?P<dcmod>{CMOD})\\s+)Jahrhunderts{E})?", 3),
            # "der [20er] und 30er Jahre", "der [zwanziger] und dreißiger Jahre": the elliptic first decade of a
            # coordination is its own DATE (as "im [laufenden] und im kommenden Jahr", relative_ellipsis; dev15
            # wn27195), the hyphen of "20er- und 30er-Jahre" outside; a century after the second one is its century too
            ("decade", f"{B}{PADJ}(?:(?P<dec2>[1-9]0)-?er|(?P<decw>{_alt(_both(self.decade_words))}))(?=-?\\s+(?:{ELL_LINK})\\s+(?:(?:{ELL_PREP})\\s+)?(?:den\\s+)?(?:[1-9]0-?er|{_alt(_both(self.decade_words))})\\s*-?\\s*Jahren?(?![\\w-])(?:\\s+des\\s+(?:(?P<dcent>\\d{{1,2}})\\.\\s*|(?P<dcmod>{CMOD})\\s+)Jahrhunderts(?![\\w-]))?)", 3),
            # "in den Neunzigern" (dev9 gold): the decade word as a dative plural noun, after "den" only
            ("decade", f"{_after(self.decade_dative_after)}{PADJ}(?P<decw>{_alt(_cap(w) for w in self.decade_words)})(?P<decdat>n){E}", 3),
            ("century", f"{B}(?:{PART}\\s+des\\s+)?{PADJ}(?P<cent>\\d{{1,2}})\\.\\s*(?:Jahrhunderts?|Jh\\.)(?P<bc>\\s+{BC})?{E}", 3),
            # "bis zum Ende des Jahrhunderts", "im letzten Jahrhundert", "Anfang des Jahrtausends": a century or millennium
            # without a number, after a period part or a relative modifier (dates.json relative_centuries; session 36, our own
            # rule): the century counted from publication; not before a genitive or an era ("im letzten Jahrhundert des
            # Römischen Reiches": an ordinal of something else)
            ("rel_century", f"{B}(?:{PART}\\s+des\\s+)?(?P<rcmod>{RCMOD})\\s+(?P<rcu>{RCU}){E}(?!\\s+(?:{RCNOT})(?![\\w]))", 3),
            ("rel_century", f"{B}{PART}\\s+des\\s+(?P<rcu>{RCUG}){E}", 3),
            # "aus dem zwölften Jahrhundert": a written-out ordinal century
            ("century", f"{B}(?:{PART}\\s+des\\s+)?{PADJ}(?P<centw>{ORDW})\\s+Jahrhunderts?(?P<bc>\\s+{BC})?{E}", 3),
            ("bc_year", f"{B}(?P<year>\\d{{1,4}}\\s*{BC})(?![\\w-])", 3),
            # "zwischen etwa 2500 und 2400 vor Christus", "von 2800 bis 2400 v. Chr.": the first member of a range
            # takes the era of the second (dev10 gold: -2499, -2399); only a larger number, as the range runs forward
            ("bc_first", f"{B}(?P<year>\\d{{1,4}})(?=\\s*(?:{_alt(self.bc_range_links)})\\s*(?P<year2>\\d{{1,4}})\\s*{BC}(?![\\w-]))", 3),
            ("year", f"(?<![\\w.,/:–-]){YEAR4}(?![\\w/–-]|:(?![ \\t]*\\n|\\s+\\d)|[.,]\\d|\\s?%)", 1),
            # a colon after a year only before a number or a line break: "(2001: 35,2%)", "Wahlergebnisse 2005:",
            # not "4:45" nor the title "2001: Odyssee im Weltraum"
            # a colon before a word after a year that a lower-case word or a bracket opens: the year is an adverbial of its
            # clause ("Das Gremium entschied bereits [2010]: keine NS-Raubkunst", 10kGNAD; "Neu seit [2020]: Den
            # Krankenkassenbeitrag", "(2019: Rückgang von 10,6 Prozent)", web pages). Our own rule (session 35): of the
            # allowed pool's 27 years before a colon and a word, the 6 after a lower-case word or "(" are all years; after
            # a capitalised word the year closes a title or a name ("Handball-EM 2022:", "Best of Houzz 2022:") and stays
            # out, as does "„2001: Odyssee im Weltraum“"
            # (context._accept reads the word before: `ycolon` marks the match)
            ("year", f"(?:(?<=\\s)|(?<=\\())(?<![\\w.,/:–-]){YEAR4}(?=(?P<ycolon>:)[ \\t]+[^\\d\\s])", 1),
            # "am späten Samstagabend", "am frühen Samstag": the adjective narrows the day, inside the span
            ("weekday", f"{B}(?:(?P<wadj>{_alt(self.day_adjectives)})\\s+|{MOD}\\s+)?{WD}{DP}(?![\\w-]){DP2}", 2),
            # "am Montag kommender Woche", "am Dienstag vergangener Woche": the weekday of that week
            ("weekday_week", f"{B}{WD}{DP}\\s+(?P<wmod>{_alt(_both(w for w, off in self.rel_mods.items() if w not in self.deictic_mods))})\\s+(?:{WEEK})(?![\\w-])", 3),
            # "am Tag Zwei ihrer Flucht": the N-th day of an episode the text tells
            ("episode_day", f"{B}Tag\\s+(?P<epn>[A-ZÄÖÜ][a-zäöüß]+|\\d{{1,3}})(?=\\s+(?:{_alt(self.episode_followers)})(?![\\w-]))", 2),
            ("deictic", f"{B}(?P<deic>{_alt(w for d in self.deictic for w in ([d] if d in self.deictic_lowercase_only else [d, _cap(d)]))}){E}{DP2}", 2),
            ("deictic_year", f"{B}(?P<dyear>{_alt(_both(self.deictic_years))}){E}", 2),
            # "Die diesjährige Leipziger Buchmesse": the adjective alone is the year (dev8, dev9 gold)
            ("deictic_year", f"{B}{DYADJ}{E}", 2),
            # "in der Woche vor dem Absturz", "In der Nacht vor dem Brand": the unit before/after the date
            # the text named last, the event inside the span (dev5, dev9 gold)
            ("event_anchored", f"{_after(_both(self.event_articles_before))}(?P<evh>{_alt(_cap(w) for w in self.event_anchor_heads)})\\s+(?P<evdir>{_alt(self.event_anchor_dirs)})\\s+(?:{_alt(self.event_articles)})\\s+[A-ZÄÖÜ][a-zäöüß]+{E}", 2),
            # "Am gestrigen Karfreitag", "am kommenden Ostermontag": a deictic or relative modifier is inside as before a
            # weekday, the holiday resolved in its direction (session 29, our own rule; wn67724)
            # "in der Silvesternacht 2005/06" (dev16 wn25051): the night of the turn of the years, one DATE (find keeps
            # the second year only after a feast of 31 December that it follows)
            ("holiday", f"{B}(?:(?P<hmod>{_alt(_both(self.rel_mods))})\\s+)?(?P<hol>{holiday_gate}){E}(?:\\s+{YEAR4}(?:/(?P<hyear2>\\d{{2}})(?![\\w/–-]))?)?", 2),
            # "dem Islamischen Opferfest", "am Abend des chinesischen Neujahrsfestes": a feast of another calendar,
            # no value (dates.json other_calendar_feasts)
            ("other_feast", f"{B}(?:(?:{DPN})\\s+des\\s+)?(?:{_alt(_both(self.feast_qualifiers))})(?:e|en|es)\\s+(?:{_alt(self.other_feasts)})(?:e?s)?{E}", 2),
            # "den Nationalfeiertag": a country's national day, the country the article names most
            # "der bevorstehende Nationalfeiertag" (dev10 gold): the word that makes it the next one is inside
            ("national_day", f"{B}(?:(?P<ndahead>{_alt(_both(self.national_day_ahead))})\\s+)?(?P<nday>{_alt(_cap(w) for w in self.national_day_words)}){E}", 2),
            # "am 1. Weihnachtstag des vergangenen Jahres": a holiday of a relative year, one span as a month's
            ("holiday", f"{B}(?P<hol>{holiday_gate}){E}(?:\\s+des)?{OFYEAR}", 2),
        ]
        self.patterns = [(k, re.compile(p), pr) for k, p, pr in pats]
        # Gates: a literal every match of the pattern contains. `find` runs a pattern only when
        # its gate occurs in the text; a literal alternation is scanned far faster than the
        # patterns, whose leading look-behind makes the regex engine try every position.
        mon_gate = _alt(mon_words)
        gates = {
            "numeric": r"\d\. ?\d{1,2}\. ?\d\d", "numeric_dm": r"\d\.\d{1,2}[.)]", "ana_phrase": _alt(self.ana_phrase_dirs), "iso": r"\d-\d\d-\d\d", "dmy": mon_gate + "|" + UNDOTTED, "day_list": mon_gate, "bare_day": r"\d\.(?:\s*[,;)]|\s+[a-zäöüß])",
            "month": mon_gate, "season": SEAS.split(")")[0].split("(?P<season>")[1], "part_year": part_gate,
            "quarter": "Quartal|Vierteljahr|Jahresviertel|Halbjahr|Jahreshälfte", "quarter_q": "Q[1-4]",
            "part_rel": part_gate, "rel": "Jahr|Monat|Woche|Tag|" + DAYP + "|" + FISC, "deictic_adj": _alt(_both(self.deictic_mods)), "period_duration": _alt(_cap(w) for w in self.period_durs), "holiday_weekend": _alt(_cap(w) for w in self.holiday_weekends), "rel_comp": _alt(_cap(w) for w in self.rel_comp),
            "jahr_year": "Jahr", "new_year": "Jahr", "decade": r"\d-?er|ziger|ßiger", "calweek": KW, "century": r"Jahrhundert|Jh\.", "rel_century": "Jahrhundert|Jahrtausend", "bc_year": BC, "bc_first": BC,
            "weekday": _alt(_cap(w) for w in self.weekdays), "weekday_week": WEEK, "deictic": "eute|estern|orgen", "episode_day": "Tag",
            "deictic_year": _alt(_both(list(self.deictic_years) + list(self.deictic_year_adjs))),
            "event_anchored": f"\\s(?:{_alt(self.event_anchor_dirs)})\\s",
            "holiday": holiday_gate, "other_feast": _alt(self.other_feasts), "national_day": _alt(_cap(w) for w in self.national_day_words), "clock_duration": r"\d:\d\d:\d",
        }
        compiled = {g: re.compile(g) for g in set(gates.values())}
        self.gates = [compiled[gates[k]] if k in gates else None for k, _, _ in self.patterns]

    # -- candidate search --
    def find(self, text: str) -> list[DateMatch]:
        cands: list[DateMatch] = []
        gate_hit: dict[Any, bool] = {}
        for (kind, rx, prio), gate in zip(self.patterns, self.gates):
            if gate is not None:
                hit = gate_hit.get(gate)
                if hit is None:
                    hit = gate_hit[gate] = gate.search(text) is not None
                if not hit:
                    continue
            for m in rx.finditer(text):
                if kind == "year_pair":
                    y1 = m.group("year")
                    y2 = m.group("year2")
                    if len(y2) == 2:
                        y2 = y1[:2] + y2
                        if int(y2) <= int(y1):
                            continue
                    cands.append(DateMatch(m.start("year"), m.end("year"), "year_part", {"year": y1}, prio))
                    cands.append(DateMatch(m.start("year2"), m.end("year2"), "year_part", {"year": y2}, prio))
                    continue
                g = m.groupdict()
                if g.get("mon") and g["mon"].lower() not in self.months and g["mon"].lower() + "." in self.months:
                    g["mon"] += "."  # an undotted abbreviation ("1. Sep 2015") looks up as the dotted one
                if kind == "bc_first":
                    if int(g["year"]) <= int(g["year2"]):
                        continue
                    cands.append(DateMatch(m.start(), m.end(), "bc_year", {"year": g["year"], "bcfirst": True}, prio))
                    continue
                if kind == "holiday" and g.get("hyear2"):
                    if self.holidays.get(" ".join(g["hol"].lower().split())) != "12-31" \
                            or int(g["hyear2"]) != (int(g["year"]) + 1) % 100:
                        # not a New Year's Eve of the two years: the feast and its year only, as before
                        cands.append(DateMatch(m.start(), m.end("year"), kind, {**g, "hyear2": None}, prio))
                        continue
                if g.get("oday"):
                    g["day"] = str(ordinal_words()[g["oday"].lower()])
                if g.get("centw"):
                    g["cent"] = str(ordinal_words()[g["centw"].lower()])
                if g.get("ofyear"):
                    g["year"] = g["ofyear"]
                cands.append(DateMatch(m.start(), m.end(), kind, g, prio))
        clock = [c for c in cands if c.kind == "clock_duration"]
        if any(c.g.get("cmin") or int(c.g["cs"]) > 59 for c in clock):
            for c in clock:  # one text gives its race times in one format: "1:14:95 Minuten ... (1:15:40)"
                c.extra["race"] = True
        return cands

    @staticmethod
    def _select(cands: list[DateMatch]) -> list[DateMatch]:
        """Longest match first, then priority; no overlaps (linear in the covered text)."""
        cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
        used: set[int] = set()
        taken: list[DateMatch] = []
        for c in cands:
            if not any(k in used for k in range(c.start, c.end)):
                taken.append(c)
                used.update(range(c.start, c.end))
        taken.sort(key=lambda c: c.start)
        return taken
