"""Numbers of time units as DATEs (issue 18): durations, relative times, sets."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..dates import TenseDetector, clause_bounds, has_ann, sentence_bounds
from ..dates.text import doc_text
from ..ext import DATE_SPANS
from ..normalize import lookup_unit, multiplier, parse_anchor, parse_digits, parse_number_word, shift_period
from .common import _ADJ_ENDINGS, _TIME_UNITS, _prev


# one component of an ISO 8601 duration: "P2Y", "P5M", "PT30M" (weeks aside: ISO does not combine them)
_ONE_DURATION = re.compile(r"^P(T?)(\d+)([YMDHS])$")
_LAST_DURATION = re.compile(r"^P(?:\d+[YMD])*T?(?:\d+[HMS])*?\d+([YMDHS])$")  # a joined one's last unit
_DURATION_ORDER = ("Y", "M", "D", "TH", "TM", "TS")


def join_durations(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """"P2Y" + "P5M" -> "P2Y5M", "PT2H" + "PT30M" -> "PT2H30M", "P1D" + "PT5H" -> "P1DT5H", "P1Y3M" + "P11D" ->
    "P1Y3M11D"; None unless b is one whole-number component of a smaller unit than a's last one."""
    ma, mb = _LAST_DURATION.match(a or ""), _ONE_DURATION.match(b or "")
    if ma is None or mb is None:
        return None
    ka, kb = ("T" if "T" in a else "") + ma.group(1), mb.group(1) + mb.group(3)
    if _DURATION_ORDER.index(ka) >= _DURATION_ORDER.index(kb):
        return None
    time_b = "" if "T" in a or not mb.group(1) else "T"  # the T before the first time component
    return f"{a}{time_b}{mb.group(2)}{mb.group(3)}"


class DurationRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    def _deictic_before(self, doc: Doc, i: int) -> Optional[Span]:
        """The DATE span of a deictic day ("gestern", "heute") that ends right before token i."""
        for sp in doc.spans[DATE_SPANS] if DATE_SPANS in doc.spans else []:
            if sp.end == i and sp.text.lower() in self.deictic_days and isinstance(sp._.value, str) \
                    and re.fullmatch(r"\d{4}-\d{2}-\d{2}", sp._.value):
                return sp
        return None

    def _same_day_before(self, day: str, f: dict) -> Optional[str]:
        """The day ``day`` (ISO) moved back by the whole years or months of ``f``: the same day of
        the month ("gestern vor 75 Jahren", published 2008-08-19 -> 1933-08-18)."""
        import datetime as dt

        shifted = self._shift(day, f, -1)
        if shifted is None or f["unit"] not in ("year", "month", "decade", "century"):
            return shifted
        y, mo = int(shifted[:4]), int(shifted[5:7]) if len(shifted) > 4 else int(day[5:7])
        try:
            return dt.date(y, mo, int(day[8:10])).isoformat()
        except ValueError:  # 29 February in another year
            return shifted

    def duration_value(self, value: float, unit: str) -> Optional[str]:
        """ISO 8601 duration: 3 month -> P3M, 2.5 year -> P30M, 24 h -> PT24H, 3 decade -> P30Y."""
        for _ in range(4):
            code = self.duration_codes.get(unit)
            if code is None:
                return None
            letter, is_time, smaller, factor = code[0], code[1], code[2], code[3]
            if len(code) > 4:  # decade/century: counted in years
                value, unit = value * code[4], smaller
                continue
            if float(value).is_integer():
                n = int(value)
                return f"PT{n}{letter}" if is_time else f"P{n}{letter}"
            if smaller is None:
                return f"PT{round(value, 3)}{letter}" if is_time else f"P{round(value, 3)}{letter}"
            value, unit = round(value * factor, 6), smaller
        return None

    def ago_value(self, doc: Doc, value: float, unit: str, sign: int = -1) -> Optional[str]:
        """"vor fünf Jahren" (published 2022-01-06) -> 2017; "vor drei Wochen" -> ISO week."""
        anchor, _ = parse_anchor(doc._.published)
        if anchor is None:
            return None
        named = unit  # the value keeps the precision of the unit the text names (guidelines, dev4 gold)
        for _ in range(3):  # "vor zweieinhalb Jahren" = 30 months before, at the year's precision
            code = self.duration_codes.get(unit)
            if float(value).is_integer() or code is None or code[2] is None or len(code) > 4:
                break
            value, unit = round(value * code[3], 6), code[2]
        if not float(value).is_integer():
            return None
        n = int(value)
        if unit in ("decade", "century"):
            n, unit = n * (10 if unit == "decade" else 100), "year"
        if unit not in ("year", "month", "week", "day"):
            return None
        # "vor 30.000 Jahren" (published 2010) -> -27990, "vor 12.500 Jahren" -> -10493: a year before 1 AD
        # with more digits (ISO 8601's expanded years; dev7 and dev8 gold), not a duration; the same ahead: "dass
        # der Komet erst in zwei Millionen Jahren entstehen wird" (published 2007) -> 2002007 (dev7 wn37353 gold);
        # "Was in 10 Millionen Jahren in der Erde geschah" is a duration as every "in" of a past clause (dev3)
        try:
            value = shift_period(anchor, unit, sign * n)
        except OverflowError:  # "vor 1 Million Tagen": a day or week outside the calendar (years 1 to 9999); a duration
            return None
        if named == "year" and unit != "year":
            return value[:4]  # "vor viereinhalb Jahren" (published 2006-04) -> 2001, not 2001-10
        if named == "month" and unit == "day":
            return value[:7]  # "vor eineinhalb Monaten" -> the month
        return value

    def _ago_over_particles(self, doc: Doc, p: Optional[Token]) -> Optional[Token]:
        """The word `p` before a time amount's number (and its qualifier), or the "vor" before up to two focus
        particles there (measures.json ago_focus_particles): "vor erst knapp zwei Wochen", "vor bereits 40.000
        Jahren", "vor mittlerweile über sieben Jahren", "vor nun bald zwei Jahren" are still ago, no duration.
        Two at most: a longer run of such words is no phrase of one time."""
        k, n = p, 0
        while k is not None and n < 2 and k.text.lower() in self.ago_focus:
            k, n = _prev(doc, k.i), n + 1
        return k if n and k is not None and k.text.lower() in self.ago_words else p

    def _relative_sign(self, p: Token, relative_end: dict[int, int], pair_commas: frozenset[int] | set[int] = frozenset()) -> Optional[int]:
        """The direction of a relative time from the word `p` before its number: -1 after "vor",
        1 after "in"; after a range link ("bis") the direction of the relative time it follows
        ("in 15 bis 20 Jahren" -> 1 for "20 Jahren", as its partner), as after the comma of an approximate
        pair (`pair_commas`: "vor zwei, drei Wochen"); None otherwise."""
        low = p.text.lower()
        if low in self.ago_words:
            return -1
        if low in self.ahead_words:
            return None if self._counted_before(p) else 1
        return relative_end.get(p.i) if low in self.range_links or p.i in pair_commas else None

    def _time_pair_comma(self, doc: Doc, f: dict, blocked: set[int]) -> bool:
        """Is the bare number `f` the first of an approximate pair of times written with a comma, the unit only
        after the second ("oder [14], [15 Monate]", wn75280; "nach [zwei], [drei Jahrzehnten]", "in [20], [30
        Jahren]", "[fünf], [sechs Stunden]": web pages, 10kGNAD)? Our own rule (session 33): the pair shares the
        unit as a range does ("in [15] bis [20 Jahren]"): two whole numbers, the first glued to the comma and
        smaller than the second, which has a time unit and no multiplier. A decimal comma is one token ("3,5
        Stunden") and a year before a duration ("2005, 15 Jahre später") is no smaller number."""
        k = f["end"]
        if k + 1 >= len(doc) or doc[k].text != "," or doc[k - 1].whitespace_ or k + 1 in blocked \
                or self._excluded(doc, k + 1, blocked):
            return False
        partner = self.parse_at(doc, k + 1)
        if partner is None or partner["unit"] not in _TIME_UNITS or partner["scale"] != 1 or f["scale"] != 1:
            return False
        a, b = f["value"], partner["value"]
        return float(a).is_integer() and float(b).is_integer() and 0 < a < b

    def _counted_before(self, p: Token) -> bool:
        """Does the "in" `p` follow a counted noun ("Drei Attacken in zwei Tagen", dev16 wn55456; "80 Kilometer in
        vier Tagen")? How many in how long: the time it took, a duration, not a time ahead. Not after a determiner
        before the count ("die 22 Spieler in zwei Wochen wiedersehen": those players, two weeks ahead)."""
        doc, j = p.doc, p.i - 1
        if j < 1 or not self._is_noun(doc[j]) or (lookup_unit(doc[j].text) or ("", 0))[0] in _TIME_UNITS:
            return False
        j -= 1
        for _ in range(2):  # "drei tödliche Attacken", "3,5 Millionen Menschen"
            if j > 0 and (self._is_adj(doc[j]) or multiplier(doc[j].text) is not None):
                j -= 1
        t = doc[j]
        if t.text.endswith(".") or not (parse_digits(t.text) is not None or parse_number_word(t.text.lower()) is not None):
            return False  # an ordinal ("3. Etappe") or no number
        j -= 1
        while j >= 0 and doc[j].is_space:  # a heading's count after a paragraph break (the tagger may call "\n\n" DET)
            j -= 1
        if j < 0:
            return True
        before = doc[j]
        if has_ann(doc, "POS") and before.pos_:
            return before.pos_ != "DET"
        return before.text.lower() not in self.function_words

    def _past_clause(self, doc: Doc, i: int) -> bool:
        """Is the clause around doc[i] in the past tense (the dates component's tense cues)?"""
        if self._tense is None:
            self._tense = TenseDetector(self._table_lemma, self._table)  # bound methods, not a lambda: the pipeline pickles
        s0, s1 = sentence_bounds(doc, i)
        c0, c1 = clause_bounds(doc, i, i + 1, s0, s1)
        # a form that is also an infinitive is no cue here ("dass Autos in 15 bis 20 Jahren zur Marktreife gelangen":
        # "gelangen" is the strong preterite of "gelingen" too, gnad581)
        clause = [t for t in doc[c0:c1] if not (t.text.endswith("en") and self._tense._is_infinitive(t.text))]
        return self._tense.tense(clause, i) == "past"

    def _table_lemma(self, t: Token) -> str:
        """The lemma table's lemma of a token's text (the text itself where it has none)."""
        return (self._table() or {}).get(t.text, t.text)

    def anchored_value(self, doc: Doc, f: dict, sign: int, new_dates: list) -> Optional[str]:
        """Value of "drei Tage später" / "zwei Jahre zuvor": the last calendar date before it in
        the text (else the publication date) shifted by the duration, at the coarser of the two
        precisions."""
        ref, ref_text = None, ""
        cands = list(doc.spans[DATE_SPANS]) if DATE_SPANS in doc.spans else []
        for sp in sorted(cands + list(new_dates), key=lambda x: x.start):
            if sp.end <= f["start"] and isinstance(sp._.value, str) and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", sp._.value):
                ref, ref_text = sp._.value, sp.text
        from_text = ref is not None
        published = doc._.published if isinstance(doc._.published, str) else None
        if ref is None:
            ref = published
        if not ref or not re.match(r"\d{4}", ref):
            return None
        value = self._shift(ref, f, sign)
        if value and from_text and sign > 0 and published and re.match(r"\d{4}", published) \
                and value > published[:len(value)] \
                and not (re.search(r"\d{4}", ref_text) and ref[:len(published)] > published[:len(ref)]):
            # "Noch Anfang Januar ... Rund neun Monate später fehlt ihm nun ...", published 2022-09:
            # counted from a date the text named, a later date cannot lie after publication
            # (the text reports it), so it is the publication's period. Not when the date named is
            # itself after publication and written with its year (our own rule, session 34): the text
            # tells a plan, and the later date lies ahead too ("wird voraussichtlich am 16. Oktober 2007
            # ... erscheinen und drei Tage später auch in Europa erhältlich sein", published 2007-03-31,
            # wn39672). A date without a year ("im Oktober", "in 15 Jahren") was placed after
            # publication by the rules' reading of its clause, which a later narrative may not share
            return published[:len(value)]
        return value

    def _shift(self, ref: str, f: dict, sign: int) -> Optional[str]:
        """``ref`` (ISO year, month or day) shifted by the duration of ``f`` times ``sign``."""
        import datetime as dt

        parts = ref[:10].split("-")
        y, mo, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else None, int(parts[2]) if len(parts) > 2 else None
        value, unit = f["value"], f["unit"]
        for _ in range(3):
            code = self.duration_codes.get(unit)
            if code is None:
                return None
            if len(code) > 4:
                value, unit = value * code[4], code[2]
            elif not float(value).is_integer() and code[2] is not None:
                value, unit = round(value * code[3], 6), code[2]
            else:
                break
        if not float(value).is_integer() or unit not in ("year", "month", "week", "day"):
            return None
        n = sign * int(value)
        if unit in ("day", "week"):
            if d is None:
                return None
            try:
                day = (dt.date(y, mo, d) + dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
            except OverflowError:  # "1 Million Tage später": outside the calendar (years 1 to 9999), no value
                return None
            # "eineinhalb Monate zuvor" (45 days): no finer than the duration's own unit, the month
            return day[:7] if f["unit"] == "month" else day[:4] if f["unit"] in ("year", "decade", "century") else day
        if unit == "month":
            if mo is None:
                return None
            m0 = y * 12 + mo - 1 + n
            return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}"
        return f"{y + n:04d}"

    def _join_durations(self, doc: Doc, dates: list[Span]) -> list[Span]:
        """'eine Haftstrafe von [zwei Jahren und fünf Monaten]' (dev10 wn49445 gold): durations in a list closed by
        'und' (measures.json "compound_durations"; commas before it: 'ein Jahr, drei Monate und elf Tage'), each of a
        smaller unit than the one before, are one duration, P2Y5M; a list that does not join stays as it is. Members may
        also stand side by side without a comma ('[sechs Stunden sechs Minuten und achtunddreißig Sekunden]')."""
        out: list[Span] = []
        group: list[Span] = []

        def close() -> None:
            value = group[0]._.value if len(group) > 1 else None
            for d in group[1:]:
                value = join_durations(value, d._.value)
            if value is not None and doc[group[-1].start - 1].text.lower() in self.duration_links \
                    and not any(t.text.lower() in self.duration_range_words
                                for t in doc[max(0, group[0].start - 2): group[0].start]):
                joined = Span(doc, group[0].start, group[-1].end, label="DATE")
                joined._.value, joined._.date_type = value, "duration"
                out.append(joined)
            else:
                out.extend(group)
            group.clear()

        for d in sorted(dates, key=lambda sp: sp.start):
            if group and d._.date_type == "duration" and (d.start == group[-1].end + 1 and (
                    doc[d.start - 1].text.lower() in self.duration_links or doc[d.start - 1].text == ",")
                    # a stage time written out without a comma: "in [fünf Stunden drei Minuten und fünfundvierzig
                    # Sekunden]" (wn8067; wn8814 of session 28's sample): juxtaposed, the list still closed by "und"
                    # (session 29, our own rule)
                    or d.start == group[-1].end):
                group.append(d)
                continue
            if group:
                close()
            if d._.date_type == "duration":
                group.append(d)
            else:
                out.append(d)
        if group:
            close()
        return out

    def _race_times(self, doc: Doc) -> list[Span]:
        """Race and finishing times with a unit word (measures.json "race_times"; guidelines: a DATE duration, the
        unit inside): "in [1:41,983 Minuten]" -> PT1M41.983S, "nach [8:14:40 Stunden]" -> PT8H14M40S, "[3:35:49,5
        Std.]" -> PT3H35M49.5S, "nach [2:46 Stunden]" -> PT2H46M. A score ("2:1") or a clock time ("um 14:30 Uhr")
        has no such unit word; three parts before a minute unit stay the dates rule's (minutes, seconds, hundredths)."""
        if self._race_re is None:
            units = "|".join(re.escape(u) for u in sorted(self.race_hours + self.race_minutes, key=len, reverse=True))
            self._race_re = re.compile(r"(?<![\w:.,-])(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?::(?P<c>[0-5]\d))?(?:,(?P<f>\d{1,3}))?"
                                       rf"\s+(?P<u>{units})(?![\w])")
        out, text = [], doc_text(doc)
        for m in self._race_re.finditer(text):
            hours = m.group("u") in self.race_hours
            if not hours and m.group("c"):  # "1:14:95 Minuten": the dates rule's
                continue
            if hours and m.group("f") and not m.group("c"):  # "2:30,5 Stunden": no reading
                continue
            sp = doc.char_span(m.start(), m.end(), label="DATE")
            if sp is None and m.end() < len(text) and text[m.end()] == ".":  # "min." at a sentence's end
                sp = doc.char_span(m.start(), m.end() + 1, label="DATE")
            if sp is None or (sp.start > 0 and doc[sp.start - 1].text.lower() in self.race_not_after):
                continue
            a, b = int(m.group("a")), int(m.group("b"))
            sec = m.group("c") if hours else m.group("b")
            if sec is not None:
                sec = f"{int(sec)}.{m.group('f')}".rstrip("0").rstrip(".") if m.group("f") else str(int(sec))
            sp._.value = (f"PT{a}H{b}M{sec}S" if sec is not None else f"PT{a}H{b}M") if hours else f"PT{a}M{sec}S"
            sp._.date_type = "duration"
            out.append(sp)
        return out

    def _sets(self, doc: Doc) -> list[Span]:
        """Recurring times (TimeML sets): "jährlich" -> P1Y, "jeden Montag" -> XXXX-WXX-1."""
        found = []
        i, n = 0, len(doc)
        while i < n:
            low = doc[i].text.lower()
            if low in self.plural_sets and any(i >= len(w) and [t.text.lower() for t in doc[i - len(w): i]] == w
                                               for w in self.plural_set_before):
                # "an (den) Wochenenden", "an Sonntagen": every weekend, every Sunday
                sp = Span(doc, i, i + 1, label="DATE")
                sp._.value = self.plural_sets[low]
                sp._.date_type = "set"
                found.append(sp)
                i += 1
                continue
            for k in (2, 1):
                if i + k > n:
                    continue
                key = low if k == 1 else low + " " + doc[i + 1].text.lower()
                if k == 1 and key not in self.sets and i > 0 and (lookup_unit(doc[i - 1].text) or ("", 0))[0] in _TIME_UNITS:
                    # an inflected adjective as the rate of a time: "zwei Stunden wöchentlicher Mehrarbeit"
                    # (not "im täglichen Alltag")
                    key = next((key[:-len(e)] for e in _ADJ_ENDINGS if key.endswith("lich" + e)), key)
                if key in self.sets and not (k == 1 and i > 0 and doc[i - 1].text.lower() in self.genitive_determiners
                                             and doc[i].text[:1].isupper()):
                    # not a genitive noun after its article: "im Verlauf des Montags" (wn56533) is that
                    # Monday, not the set "montags"
                    sp = Span(doc, i, i + k, label="DATE")
                    sp._.value = self.sets[key]
                    sp._.date_type = "set"
                    found.append(sp)
                    i += k - 1
                    break
            i += 1
        return found
