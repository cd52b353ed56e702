"""Whether a match is a date in its context: names of events, quotes, anaphora, recurring days, "heute" as nowadays."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..normalize import iso_year, lookup_unit, parse_number_word, shift_period
from .common import _CLAUSE_PUNCT
from .patterns import DateMatch, _alt, _cap
from .text import attributive_before_noun, clause_bounds, has_ann, sentence_bounds
from .years import is_bare_year, year_pair_is_count

# the rest of a gerundive after its "zu": a present participle (infinitive + "d") with an adjective's ending
_GERUNDIVE_REST = re.compile(r"^[a-zäöüß]{2,}(?:en|ern|eln)d(?:e|en|er|es|em)$")
# a past participle with an adjective's ending ("erfolgten", "getroffene"): group 1 the participle
_PARTICIPLE_ATTR = re.compile(r"^([a-zäöüß]{3,}(?:t|en))(?:e|en|er|es|em)$")


class DateContext:
    """Methods of `DateRecognizer` for the job named above (component.py composes the mixins into it)."""

    # -- context checks on tokens --
    def _next_year_rel(self, m: DateMatch) -> bool:
        """ "im nächsten Jahr", "im folgenden Jahr": a relative year ahead (session 18, WikiWarsDE)."""
        if m.kind != "rel" or (m.g.get("unit") or "").lower() not in ("jahr", "jahres"):
            return False
        mod = (m.g.get("mod") or "").lower()
        return (self.rel_mods.get(mod) or self.ana_mods.get(mod) or 0) > 0

    def _prev_words(self, doc: Doc, span: Span, n: int = 3) -> list[str]:
        out = []
        i = span.start - 1
        while i >= 0 and len(out) < n:
            if not doc[i].is_space:
                out.append(doc[i].text.lower())
            i -= 1
        return out

    def _year_frames(self, doc: Doc, text: str, span: Span) -> bool:
        """Does the bare year `span` frame the text after it (narrative mode: it becomes the reference of later
        partial dates): after a `year_frame_words` word ("im Jahr 1941", "seit 1941"), at a sentence's start
        ("1941 begann ...") or on a short line (a heading)?"""
        prev = self._prev_words(doc, span, 1)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line_len = (line_end if line_end >= 0 else len(text)) - line_start
        return bool((prev and prev[0] in self.year_frame_words) or line_len < 80 or not prev or prev[0] in (".", "\n"))

    def bare_year_ok(self, doc: Doc, i: int) -> bool:
        """Is the 4-digit token doc[i] a year (True) or a count ("2500 Soldaten", False)?"""
        return is_bare_year(doc, i, self.year_triggers, self._lemma)

    def _accept(self, doc: Doc, m: DateMatch, span: Span) -> bool:
        if self._in_work_title(doc, span):
            return False  # "die Studie „Linke Gewalt in Berlin 2009-2013“": part of the title (MISC), no date
        g = m.g
        prev = self._prev_words(doc, span)
        nt = self.newspaper_day_titles
        if span.text.lower() in nt["days"] and len(prev) >= 2 and prev[0] == "am" and prev[1] in nt["before"]:
            return False  # "sagte ... der Welt am Sonntag": a newspaper's name
        p1 = prev[0] if prev else ""
        if m.kind == "year":
            if p1 and self._event_name_head(p1):
                return False  # "Fußball-Weltmeisterschaft 2006", "WM 2006": the year is part of the name
            if len(prev) == 3 and prev[0] in self.event_groups and prev[1] in self.event_group_articles \
                    and self._event_name_head(prev[2]):
                return False  # "Weltmeisterschaft der Frauen 2011": the same with the group it is for
            if g.get("ycolon") and not (span.start > 0 and (doc[span.start - 1].text == "(" or doc[span.start - 1].text[:1].islower())):
                return False  # "Handball-EM 2022: Schweden holt Gold": a year before a colon only after a lower-case word or "("
            return self.bare_year_ok(doc, span.start) if len(span) == 1 else False
        if m.kind == "year_part" and len(span) == 1 and year_pair_is_count(doc, span.start):
            return False  # "Etwa 1500 bis 2000 Euro": the bounds of an amount, no years
        if m.kind == "month" and g.get("mod") and not g.get("year"):
            # "Der letzte November mit vergleichbaren Zahlen": after an article a generic month, no date
            return p1 not in self.generic_month_articles
        if m.kind == "month" and not g.get("year") and not g.get("part") and not g.get("early") and not g.get("ofmod") \
                and not g.get("mod") and not g.get("mnoun") and not g.get("mpart") and not g.get("ofjahr"):
            nxt_text = self._text[m.end: m.end + 30]
            links = _alt(self.month_list_links)
            if re.match(f"\\s*(?:{links})\\s*[A-ZÄÖÜ][a-zäöü]+\\.?\\s+\\d{{4}}", nxt_text) and \
                    re.match(f"\\s*(?:{links})\\s*(?:" + "|".join(_cap(k).replace(".", r"\.") for k in self.months) + ")", nxt_text):
                return True
            before = " ".join(reversed(prev[:3]))
            if p1 in self.month_triggers or any(before.endswith(w) for w in self.month_trigger_phrases):
                return True
            return False
        if m.kind == "season" and not g.get("year") and not g.get("part") and not g.get("mod") and not g.get("ofmod"):
            return p1 in self.year_triggers or p1 in self.season_triggers
        if m.kind == "rel":
            # plural vague periods ("in den vergangenen Jahren") are no DATE
            if g["unit"] == "Jahre" and p1 not in self.dative_jahre_after:
                return False
            if (g.get("mod") or "").lower() in self.last_of_mods and p1 in self.last_of_before and self._of_event(doc, span):
                return False  # "am letzten Tag der Grabung": the last day of a thing, no date
            return True
        if m.kind == "ana_phrase" and p1 and (p1[:1].isdigit() or parse_number_word(p1) is not None
                                               or p1 in self.article_numbers) and lookup_unit(g["aph"]) is not None:
            return False  # "ein Jahr danach", "zwei Tage zuvor": an amount of a unit, the figures component dates it
        if m.kind == "deictic" and g["deic"] in self.deictic_lowercase_only and p1 in self.morgen_noun_after:
            return False
        if m.kind == "deictic" and len(span) == 1 and self._in_deictic_idiom(doc, span.start):
            return False  # "von heute auf morgen" (overnight): no date (dates.json deictic_idioms)
        if m.kind == "deictic" and g["deic"].lower() == "heute" and not g.get("dp2"):
            return not self._heute_nowadays(doc, span, p1)
        if m.kind == "episode_day":
            n = self._episode_number(g["epn"])
            return n is not None and 1 <= n <= 366
        if m.kind == "numeric_dm":
            # a day and month in brackets right after a weekday is its own DATE (GUIDELINES.md: "in brackets the
            # date is its own", "[vergangenen Mittwoch] ([17. Juli])"; session 29)
            return bool(g.get("wd")) or p1 in self.day_month_triggers or self._after_bracketed_weekday(prev)
        if m.kind == "weekday":
            # habitual "montags" is excluded by the regex; "Montag" as a name part is rare
            return True
        return True

    def _after_bracketed_weekday(self, prev: list[str]) -> Optional[str]:
        """The weekday (lower case) right before the "(" that opens the span ("am Mittwoch (26.06)"), else None."""
        return prev[1] if len(prev) > 1 and prev[0] == "(" and prev[1] in self.weekdays else None

    def _of_event(self, doc: Doc, span: Span) -> bool:
        """Does a genitive of something that is no time follow `span` ("letzten Tag [der Grabung]")? The
        noun after the article (adjectives skipped) is no unit, month, season, holiday nor weekday."""
        i = span.end
        if i >= len(doc) or doc[i].text.lower() not in self.last_of_articles:
            return False
        times = set(self.rel_units) | set(self.months) | set(self.seasons) | set(self.weekdays)
        for t in doc[i + 1: i + 4]:
            if t.text[:1].isupper():
                forms = (t.text.lower(), self._lemma(t).lower())
                return not any(f in times or f.rstrip("s") in times for f in forms) \
                    and not any(forms[0].startswith(h) for h in self.holidays)
            if not t.is_alpha:
                return False
        return False

    @staticmethod
    def _quoted(text: str, pos: int) -> bool:
        """Is `pos` inside a German quotation („...“ or »...«) of its paragraph?"""
        para = text[text.rfind("\n", 0, pos) + 1: pos]
        return para.count("„") > para.count("“") or para.count("»") > para.count("«")

    def _near_anaphoric(self, doc: Doc, m: DateMatch, last: tuple[str, str, int], s0: int,
                        value: Optional[str]) -> Optional[str]:
        """"gegenüber dem Vorjahr" right after "für das abgelaufene Jahr" (the same or the previous
        sentence): the year before the one the text just named, not before publication; "In diesem
        Jahr" right after "das Jahr 2020" is 2020 (`anaphoric_near` in dates.json). Else ``value``."""
        last_value, kind, last_s0 = last
        date = self._ref_from(last_value)
        prev_s0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
        if last_s0 < prev_s0:
            return value  # named too far back: publication decides
        if m.kind == "rel_comp" and not m.g.get("year") and m.g["comp"].lower() in self.near_anaphoric:
            unit, off = self.rel_comp[m.g["comp"].lower()]
            if kind == "rel_comp" and len(last_value) == (4 if unit == "year" else 7):
                # "gegenüber dem Vorjahr (1.697.881 Passagiere) ... stieg gegenüber dem Vorjahr": a second
                # "Vorjahr" repeats the comparison, the same year, not the year before the first one's
                return last_value
            if unit == "month" and not re.match(r"^\d{4}-\d{2}", last_value):
                return value  # "Vormonat" after a year only: no month to count from
            return shift_period(date, unit, off)
        mod = (m.g.get("mod") or "").lower()
        if m.kind == "rel" and self.rel_units.get(m.g["unit"].lower()) == "day" and (mod in self.ana_mods or mod in self.near_anaphoric_this_year):
            # "Sein letzter Drehtag war Anfang November. An diesem Tag ...": the day of the date just
            # named, at its precision (a month named gives the month)
            if re.match(r"^\d{4}-\d{2}-\d{2}$", last_value):
                return shift_period(date, "day", self.ana_mods.get(mod, 0))
            if re.match(r"^\d{4}-\d{2}$", last_value):
                return last_value
            return value
        if m.kind == "rel" and not m.g.get("year") and mod in self.ana_mods and self.rel_units.get(m.g["unit"].lower()) == "year":
            # "Bei der Landtagswahl in Hessen 2013 ..., bei der im selben Jahr stattfindenden Bundestagswahl"
            # (dev8 wn81491): the year named just before, also a bare one that frames no text
            return iso_year(date.year + self.ana_mods[mod])
        if m.kind == "rel" and not m.g.get("year") and kind == "jahr_year" and (m.g.get("mod") or "").lower() in self.near_anaphoric_this_year \
                and self.rel_units.get(m.g["unit"].lower()) == "year":
            clause_after = re.split(r"[,;:.!?()]", self._text[m.end: m.end + 200], maxsplit=1)[0]
            if any(w.lower() in self.so_far_words for w in re.findall(r"\w+", clause_after)):
                return value  # "in diesem Jahr bisher nur 5.000": the year so far, publication's
            return iso_year(date.year)
        return value

    def _in_work_title(self, doc: Doc, span: Span) -> bool:
        """Is `span` inside a quotation („...“, »...«, "...") of its sentence that opens right after a noun of
        `work_title_nouns` ("Studie „Linke Gewalt in Berlin 2009-2013“", "Film „2001: Odyssee im Weltraum“")?"""
        s0, s1 = sentence_bounds(doc, span.start)
        opening = None
        for k in range(span.start - 1, s0 - 1, -1):
            w = doc[k].text
            if w in self.quote_open or w == '"':
                opening = k
                break
            if w in self.quote_close:
                return False
        if opening is None or opening == 0:
            return False
        noun = doc[opening - 1]
        if not noun.text[:1].isupper() or not noun.text.lower().endswith(self.work_title_nouns):
            return False
        close = self.quote_open.get(doc[opening].text, '"')
        return any(doc[k].text == close for k in range(span.end, s1))

    def _quote_bounds(self, doc: Doc, s0: int, s1: int, i: int) -> tuple[int, int]:
        """[start, end) of the quotation ("„...“", "»...«" as in `quote_marks`) around token ``i``
        inside the sentence [s0, s1), or the sentence itself when ``i`` is not quoted there."""
        opening = None
        for k in range(i - 1, s0 - 1, -1):
            w = doc[k].text
            if w in self.quote_close:
                return s0, s1
            if w in self.quote_open:
                opening = k
                break
        if opening is None:
            return s0, s1
        close = next((k for k in range(i + 1, s1) if doc[k].text == self.quote_open[doc[opening].text]), None)
        return opening + 1, close if close is not None else s1

    def _repeated_day_years(self, matches: list, anchor: Optional[dt.date]) -> None:
        """A day and month without a year that repeat a whole date named earlier in the text take
        its year: "Den Termin hat Köhler für den 18. September 2005 festgesetzt. ... Für die
        kommende Bundestagswahl am 18. September kündigte er ..." (wn9019) is 2005-09-18, whatever
        the tense of its clause says (a reporter names the day once in full, then by day and month)."""
        seen: dict[tuple[int, int], int] = {}
        for m, _ in matches:
            if m.kind != "dmy" or not m.g.get("day") or not m.g.get("mon") or m.extra.get("mon"):
                continue
            key = (int(m.g["day"]), self.months.get(m.g["mon"].lower()))
            year = self._year_value(m.g.get("year"), anchor) if m.g.get("year") else m.extra.get("year")
            if year is not None:
                seen[key] = year
            elif key in seen:
                m.extra["year"] = seen[key]

    def _postponed_to(self, doc: Doc, span: Span, c0: int, c1: int, s1: int, after_postponed: Optional[int] = None,
                      tense: Optional[str] = None) -> bool:
        """A date after "auf (den)" / "für (den)" in a clause with a verb of postponing or
        scheduling ("vertagt", "verschoben", "anberaumt") is the new, later date; not a plan that
        lay in the past ("war für den 5. März geplant, wurde aber abgesagt"). A list of dates after the
        preposition shares it ("auf [Ende September], [Anfang Oktober] festgelegt", dev11 wn27206): a member
        right after a comma that follows a postponed date (`after_postponed`, that date's end) is one too, and
        the verb may stand in the clause after the comma. An attributive participle ("die für ab [Juli] geplante
        Auslieferung") carries no tense: it counts only where the date's verb (or else the clause's `tense`) is not
        in the past."""
        prev = [t.text.lower() for t in doc[max(c0, span.start - 2): span.start]]
        listed = after_postponed is not None and span.start == after_postponed + 1 and doc[after_postponed].text == ","
        if not listed and (not prev or not (prev[-1] in self.postpone_preps or (len(prev) == 2 and prev[0] in self.postpone_preps
                                                                                and prev[1] in self.postpone_between))):
            return False
        words = {t.text.lower() for t in doc[c0:c1]}
        if c1 == span.end and c1 + 1 < s1 and doc[c1].text == ",":
            n0, n1 = clause_bounds(doc, c1 + 1, c1 + 2, c1 + 1, s1)
            words |= {t.text.lower() for t in doc[n0:n1]}
        if words & self.postpone_past_plan:
            return False
        if words & self.postpone_verbs:
            return True
        if not words & self.postpone_attributive:
            return False
        # the tense of the verb the date's noun phrase hangs on decides, where the parse gives one: the clause's
        # cues can lie in the next sentence when an ordinal-like "3." hides the sentence end ("Auslieferung des
        # Modells 3. Ein Sprecher ... teilte mit", wn80937)
        own = self.tense_detector.predicate_tense(doc, span.start, span.end, (c0, c1))
        return (own or tense) != "past"

    def _deadline_term(self, doc: Doc, span: Span, s0: int, s1: int) -> bool:
        """Does the date end a term that its sentence sets, extends or suspends: "bis (zum)" before it and a verb of
        dates.json `deadline_terms` in the sentence ("Am 12. Mai hatte der Sicherheitsrat die UNOTIL-Mission ... bis
        zum [20. Juni] verlängert", wn27603; "beschloss der Ministerrat, den Entwurf bis [Mitte Oktober] zur Anhörung
        freizugeben", wn52445)? The term runs from the decision on, so the past tense of the clause does not put
        its end behind publication (session 30, our own rule)."""
        dt_ = self.deadline_terms
        prev = [t.text.lower() for t in reversed(doc[s0:span.start]) if not t.is_space][:2]
        if not prev:
            return False
        if prev[0] not in dt_["before"] and not (len(prev) == 2 and prev[0] in dt_["between"] and prev[1] in dt_["before"]):
            return False
        return any(t.text.lower() in dt_["verbs"] for t in doc[s0:s1])

    def _gerundive_after(self, doc: Doc, span: Span) -> bool:
        """Does a gerundive (zu + present participle before its noun) follow the date: "einem im [April]
        auszusprechenden Vorschlag", "die am [Montag] zu treffende Entscheidung"? Its thing is still to be done."""
        i = span.end
        if i < len(doc) and doc[i].text.lower() in self.tense_detector.infinitive_marks:
            i += 1
            word = doc[i].text if i < len(doc) else ""
        else:
            word = doc[i].text if i < len(doc) else ""
            pre = next((p for p in self.gerundive_prefixes if word.startswith(p + "zu")), None)
            if pre is None:
                return False
            word = word[len(pre) + 2:]
        # before its noun (no infinitive "zu spenden": a participle's ending, then a capitalised word)
        return bool(_GERUNDIVE_REST.match(word)) and doc[i].text.islower() and attributive_before_noun(
            doc[i], ("e", "en", "er", "es", "em"), lambda nxt: nxt.is_alpha and nxt.text[:1].isupper())

    def _ahead_attribute_before(self, doc: Doc, span: Span) -> bool:
        """Is the date the "am"/"im" attribute of a noun whose adjective puts it ahead: "die kommende
        Bundestagswahl am [18. September]", "der bevorstehenden Parlamentswahlen im [Dezember]"
        (dates.json "ahead_attributes")?"""
        aa = self.ahead_attributes
        i = span.start - 1
        if i < 2 or doc[i].text.lower() not in aa["prepositions"]:
            return False
        noun = doc[i - 1]
        if not (noun.is_alpha and noun.text[:1].isupper()) or noun.text.lower() in aa["words"]:
            return False
        return any(t.text.lower() in aa["words"] for t in doc[max(0, noun.i - aa["span"]): noun.i])

    def _present_participle_after(self, doc: Doc, span: Span) -> bool:
        """Does a present participle before its noun follow the date: "im Vorfeld der am [10. Mai]
        stattfindenden Wahl" (wn78978), "des am [30. Juni] auslaufenden Hilfsprogramms"? Its thing is
        going on or coming then, whatever the tense of the verb the noun phrase hangs on. Not a
        gerundive (`_gerundive_after`), nor "tausende", whose shape is the same."""
        i = span.end
        if i >= len(doc) or not doc[i].text.islower() or doc[i].like_num:
            return False
        word = doc[i].text
        if not _GERUNDIVE_REST.match(word) or "tausend" in word or self._gerundive_after(doc, span):
            return False
        return attributive_before_noun(doc[i], ("e", "en", "er", "es", "em"),
                                       lambda nxt: nxt.is_alpha and nxt.text[:1].isupper())

    def _past_participle_after(self, doc: Doc, span: Span) -> bool:
        """Does a past participle before its noun follow the date: "nach der am [Dienstag] erfolgten
        Veröffentlichung", "die am [Montag] getroffene Entscheidung"? Its thing was done then (not one
        planned for then: "die am Montag geplante Sitzung", "die für Montag angesetzte")."""
        pa = self.participle_attribute
        i = span.end
        if i >= len(doc) or not doc[i].text.islower():
            return False
        if span.start > 0 and doc[span.start - 1].text.lower() in pa["before"]:
            return False
        gap = doc[i].pos_ == "ADP"
        if gap:
            # a prepositional phrase between the date and its participle: "des am [Donnerstagnachmittag] über Litauen
            # abgestürzten Kampfflugzeuges" (wn12716), "einer am [20. Juli] in Kraft getretenen Richtlinie", "die am
            # [Mittwoch] in Wien präsentierten Ergebnisse" (10kGNAD); the participle right after the phrase's noun
            # (session 29, our own rule; dates.json tense.participle_attribute.phrase_gap words at most)
            i = next((j for j in range(i + 2, min(i + 1 + pa["phrase_gap"], len(doc)))
                      if doc[j].text.islower() and _PARTICIPLE_ATTR.match(doc[j].text)
                      and doc[j - 1].pos_ in ("NOUN", "PROPN") and not any(t.is_punct for t in doc[span.end:j])), None)
            if i is None:
                return False
        m = _PARTICIPLE_ATTR.match(doc[i].text)
        if m is None or m.group(1).endswith("nd"):
            return False  # no participle's ending; a present participle ("am 3. Mai beginnende") is none
        stem = m.group(1)
        if any(stem.startswith(p) for p in pa["planned"]):
            return False
        bare = next((stem[len(p):] for p in self.gerundive_prefixes if stem.startswith(p + "ge")), stem)
        if not (bare.startswith(tuple(pa["prefixes"])) or stem.endswith(tuple(pa["suffixes"]) + tuple(s + "t" for s in pa["suffixes"]))):
            return False
        endings = ("e", "en", "er", "es", "em")
        if gap:
            # after a phrase the participle may have adjectives before its noun, and the noun a hyphen ("abgestürzten
            # russischen Kampfflugzeuges", "getretenen EU-Asylaufnahmerichtlinie")
            if not doc[i].text.endswith(endings):
                return False
            k = i + 1
            while k < len(doc) and k <= i + 2 and doc[k].is_alpha and doc[k].text.islower() and doc[k].text.endswith(endings):
                k += 1
            return k < len(doc) and doc[k].text[:1].isupper() and doc[k].text.replace("-", "").isalpha()
        return attributive_before_noun(doc[i], endings, lambda nxt: nxt.is_alpha and nxt.text[:1].isupper())

    def _holiday_named(self, doc: Doc, span: Span) -> bool:
        """A holiday that is the subject or object of its verb, without a preposition, names the
        feast ("Ostern ... zu feiern", "Weihnachten steht vor der Tür"), not a time."""
        if not has_ann(doc, "DEP"):
            return False
        head = doc[span.end - 1]
        return head.dep_ in self.holiday_name_deps and not any(c.dep_ in ("case", "mo") or c.pos_ == "ADP" for c in head.children)

    def _holiday_generic(self, doc: Doc, s0: int, s1: int) -> bool:
        """A holiday in a sentence about every year ("jedes Jahr", "immer", "traditionell" in it or
        in the sentence before) is generic: a DATE without a value (annotations/GUIDELINES.md)."""
        p0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
        words = [t.text.lower() for t in doc[p0:s1]]
        pairs = {" ".join(words[k:k + 2]) for k in range(len(words) - 1)}
        return bool((set(words) | pairs) & self.holiday_generic_words)

    def _recurring(self, doc: Doc, span: Span) -> bool:
        """A day and month after "am" and a word of recurrence ("immer am 19. Januar")."""
        prev = self._prev_words(doc, span, 2)
        return len(prev) == 2 and prev[0] in self.recurring_preps and prev[1] in self.recurring_words

    def _service_hours(self, doc: Doc, span: Span, text: str, hours_ends: list[int]) -> bool:
        """Session 32 (our own rule, dates.json "service_hours"): a weekday of opening or office hours, a weekly
        set: right before a span of clock times ("Samstag 10 bis 18 Uhr"), or the first of two weekdays linked
        by "bis" or a dash before one ("Montag bis Donnerstag 08.30 Uhr bis 13.30 Uhr", web dsv.de); a weekday
        alone before times only in a list after such a range (`hours_ends`: where the earlier ones end)."""
        tail = text[span.end_char: span.end_char + 80]
        r = self.service_range_re.match(tail)
        h = self.service_hours_re.match(tail[r.end():] if r else tail)
        if h is None:
            return False
        if not (h.group("uhr1") or h.group("uhr2") or (":" in h.group("t1") + h.group("t2") or
                                                       ("." in h.group("t1") and "." in h.group("t2")))):
            return False  # "Montag 3-1 gewonnen", "Samstag 10 - 12 Punkte": no clock times
        if any(int(re.split(r"[.:]", h.group(g))[0]) > 24 for g in ("t1", "t2")):
            return False
        prev = self._prev_words(doc, span, 1)
        if prev and prev[0] in self.service_not_after:
            return False  # "am Samstag von 10 bis 18 Uhr": one day
        if r:
            return True
        before = text[max(0, span.start_char - 40): span.start_char]
        b = self.service_before_re.search(before)
        if b:  # the second of a range: the first decides ("vom Montag bis Freitag von 9 bis 17 Uhr" is one week)
            w = re.search(r"(\w+)\W*$", before[:b.start()])
            return not (w and w.group(1).lower() in self.service_not_after)
        return any(0 <= span.start_char - e <= self.service_single_within for e in hours_ends)

    @staticmethod
    def _episode_number(word: str) -> Optional[int]:
        n = int(word) if word.isdigit() else parse_number_word(word)
        return int(n) if n is not None and n == int(n) else None

    def _event_name_head(self, word: str) -> bool:
        """Does `word` (lower case) end a named event that takes its year ("Sommerspiele",
        "Ski-WM")? Short heads only as the whole word or after a hyphen ("WM", not "einem")."""
        for h in self.event_heads:
            if word == h or word.endswith("-" + h) or (len(h) >= 5 and word.endswith(h)):
                return True
        return word.endswith(self.event_suffixes)  # "EuroCups", "Weltcup"

    def _clause_initial(self, doc: Doc, i: int) -> bool:
        """Does doc[i] open a sentence or a clause (nothing but spaces, a clause mark, an opening
        quotation mark of `quote_marks` or one of `clause_openers` before it)?"""
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        return j < 0 or doc[j].text in _CLAUSE_PUNCT or doc[j].text in self.clause_openers or doc[j].text in self.quote_open

    def _until_day(self, doc: Doc, span: Span) -> bool:
        """Is "bis heute" in a clause of an event that ends on the day (`until_day_verbs`)?"""
        s0, s1 = sentence_bounds(doc, span.start)
        c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
        verbs = set(self.nowadays["until_day_verbs"])
        if any(t.text.lower() in self.since_words for t in doc[c0:span.start]):
            return False  # "das seit 1990 bis heute jährlich stattfindet": a span up to now
        return any(self._lemma(t).lower() in verbs for t in doc[span.end:c1])

    def _conjunct_start(self, doc: Doc, c0: int, i: int) -> int:
        """The start of the conjunct that holds doc[i]: after the last `conjunct_links` word before
        it that a verb follows ("wurde verfeinert und ist heute ..."), else the clause's `c0`."""
        links = set(self.nowadays["conjunct_links"])
        tagged = has_ann(doc, "POS")
        stative = set(self.nowadays["stative"])

        def verb(t: Token) -> bool:  # without a tagger only the stative verbs are known as verbs
            return t.pos_ in ("VERB", "AUX") if tagged else t.text.lower() in stative

        for j in range(i - 2, c0 - 1, -1):
            if doc[j].text.lower() in links and verb(doc[j + 1]):
                return j + 1
        return c0

    def _in_deictic_idiom(self, doc: Doc, i: int) -> bool:
        """Is token `i` a word of an idiom of dates.json deictic_idioms ("von heute auf morgen": overnight), not
        after one of its `not_after` words ("in der Nacht von heute auf morgen": tonight)?"""
        w = doc[i].text.lower()
        for phrase in self.deictic_idioms:
            for k, pw in enumerate(phrase):
                s0 = i - k
                if pw != w or s0 < 0 or s0 + len(phrase) > len(doc):
                    continue
                if [t.text.lower() for t in doc[s0: s0 + len(phrase)]] != phrase:
                    continue
                if s0 > 0 and doc[s0 - 1].text.lower() in self.deictic_idioms_not_after:
                    continue
                return True
        return False

    _ATTR_ENDINGS = ("e", "en", "er", "es", "em")
    _PARTICIPLE_STEM = re.compile(r"^(?:[a-zäöü]*ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert|[a-zäöüß]+end)$")

    def _attributive_nowadays(self, doc: Doc, span: Span) -> bool:
        """'heute' between a determiner and the attributive adjective of a noun ('die heute übliche Technik', 'den
        heute zumeist verwendeten Lösungen'): nowadays (dates.json heute_nowadays "_attributive"; our own rule,
        session 33)."""
        cfg = self.nowadays
        if span.start == 0 or len(span) != 1 or doc[span.start - 1].text.lower() not in cfg["attributive_determiners"]:
            return False
        j, adverb = span.end, False
        if j < len(doc) and doc[j].text.lower() in cfg["attributive_adverbs"]:
            adverb, j = True, j + 1
            # "immer schneller verschwindenden": an uninflected adverb or adjective may follow the first
            if j + 1 < len(doc) and doc[j].text.islower() and doc[j].pos_ in ("ADV", "ADJ") \
                    and doc[j + 1].text.islower() and doc[j + 1].pos_ == "ADJ":
                j += 1
        if j + 1 >= len(doc):
            return False
        adj, noun = doc[j], doc[j + 1]
        if not (adj.text.islower() and adj.is_alpha and adj.pos_ == "ADJ" and adj.text.endswith(self._ATTR_ENDINGS)
                and noun.text[:1].isupper() and noun.pos_ in ("NOUN", "PROPN")):
            return False
        if adverb:
            return True
        word = adj.text
        stems = [word[:-len(e)] for e in self._ATTR_ENDINGS if word.endswith(e)]
        prefixes = tuple(self.tense_detector.inseparable_prefixes)
        participle = any(self._PARTICIPLE_STEM.match(st) or (st.startswith(prefixes) and st.endswith(("t", "en")))
                         for st in stems)
        return not participle

    def _heute_nowadays(self, doc: Doc, span: Span, p1: str) -> bool:
        """'heute' meaning 'nowadays' ("bis heute", "(heute Nur-Sultan)", "Heute scheint
        klar") rather than the publication day ("stimmt heute ab", "sagte heute")."""
        if p1 in self.nowadays["day_prev"]:
            return False  # "seit heute", "ab heute": since/from the publication day
        if p1 in self.nowadays["prev"]:
            if p1 == "bis" and self._until_day(doc, span):
                return False  # "das bis heute in Belfast stattfindet": an event that ends today
            if p1 in self.nowadays["prev_comparison_only"] and self._clause_initial(doc, span.start - 1):
                # "Wie heute bekannt wurde": the day when the clause it opens has a past or future verb
                s0, s1 = sentence_bounds(doc, span.start)
                c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
                return self.tense_detector.tense([t for t in doc[c0:c1] if t.i != span.start], span.start) is None
            return True
        nxt = next((t for t in doc[span.end: span.end + 3] if not t.is_space), None)
        nxt_word = nxt.text.lower() if nxt is not None else ""
        if nxt_word in self.nowadays["next"] or nxt_word.endswith(tuple(self.nowadays["next_suffixes"])):
            return True  # "bis heute", "der heute 77-jährige Küng"
        if any(t.text.lower().startswith(tuple(self.nowadays["stative_participles"])) for t in doc[span.end: span.end + 4]):
            return True  # "der heute in Südamerika lebenden Anakonda"
        if self._attributive_nowadays(doc, span):
            return True  # "den heute zumeist verwendeten Vanadiumlösungen", "die heute übliche Technik"
        s0, s1 = sentence_bounds(doc, span.start)
        c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
        c0 = self._conjunct_start(doc, c0, span.start)
        clause = [t for t in doc[c0:c1] if t.i != span.start]
        if self.tense_detector.tense(clause, span.start) is not None:
            # past or future: a specific day ("noch heute ausgeflogen werden", "haben sich heute
            # nicht geeinigt")
            return False
        if p1 in self.nowadays["prev_weak"] or nxt_word in self.nowadays["next_weak"]:
            return True
        # "Heute wird Wasserstoff häufig als Ausgangsmaterial ... verwendet": an adverb of frequency or extent after
        # "heute" in its clause says "nowadays" (dates.json heute_nowadays "_frequency_adverbs"; our own rule, session 36)
        for t in doc[span.end: span.end + 4]:
            if t.is_punct:
                break
            if t.text.lower() in self.nowadays["frequency_adverbs"]:
                return True
        words = {t.text.lower() for t in clause}
        first = next((t.text.lower() for t in clause if not (t.is_space or t.is_punct)), "")
        if (words & set(self.nowadays["generic_subjects"]) or first in self.nowadays["generic_clause_openers"]) \
                and (words & self.tense_detector.not_past or ("mehr" in words and words & set(self.nowadays["generic_no_longer"]))):
            # "Wer heute ein Auto kaufen möchte, ...", "Heute würde man ... sagen", "nimmt man ihm ... heute nicht mehr
            # ab": a generic present; not "Im Bundestag entscheidet man heute über das Gesetz" (the day)
            return True
        return bool(words & set(self.nowadays["stative"]))
