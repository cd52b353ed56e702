"""The `presseschau_dates` spaCy component: finds the dates of a Doc and resolves them."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..ext import DATE_SPANS
from ..normalize import iso_day, lang_data, parse_anchor
from .common import _ISO_DAY
from .context import DateContext
from .patterns import DateMatch, DatePatterns, _alt, _cap
from .tense import TenseDetector
from .text import _hard_wrapped, clause_bounds, sentence_bounds, split_trailing_periods
from .values import DateValues
from .years import _apposed_to_deictic, _weekday_of_week, weekday_year
from .. import ext as spacy_ext  # noqa: F401  (registers the extensions)


class DateRecognizer(DatePatterns, DateContext, DateValues):
    """The spaCy component; also usable on its own: ``DateRecognizer()(nlp.make_doc(text))``."""

    def __init__(self, mode: str = "news", split_periods: bool = True, lemma_lookup: bool = True):
        self.mode = mode
        self.split_periods = split_periods
        self.lemma_lookup = lemma_lookup
        self._lemmas = None
        d = lang_data("dates.json")
        self.months = d["months"]
        self.weekdays = d["weekdays"]
        self.seasons = d["seasons"]
        self.day_parts = d["day_parts"]
        self.period_parts = d["period_parts"]
        self.deictic = d["deictic_days"]
        self.rel_mods = {k: v for k, v in d["relative_modifiers"].items() if not k.startswith("folgend")}
        self.ana_mods = d["anaphoric_modifiers"]
        self.deictic_mods = {k: v for k, v in d["deictic_modifiers"].items() if not k.startswith("_")}
        self.rel_mods.update(self.deictic_mods)  # "am gestrigen Mittwoch" is a weekday with a direction
        self.decade_words = {k: v for k, v in d["decade_words"].items() if not k.startswith("_")}
        self.decade_suffixes = list(d["decade_compound_suffixes"])
        self.period_adjectives = dict(d["period_adjectives"])
        self.day_adjectives = list(d["day_adjectives"])
        # the era after a year before Christ ("v. Chr.", "vor Christus"): a regex alternation, spaces flexible
        self.bc_alt = "(?:" + "|".join(r"\.\s?".join(re.escape(p).replace("\\ ", "\\s+") for p in m.split(". "))
                                       for m in sorted(d["bc_markers"], key=len, reverse=True)) + ")"
        self.bc_re = re.compile(f"^(\\d{{1,4}})\\s*{self.bc_alt}$")
        self.bc_range_links = list(d["bc_range_links"])
        # the kinds whose year before Christ is the narrated year (`bc_ref`): a year or a date with its era
        self.bc_ref_kinds = frozenset({"year", "bc_year", "jahr_year", "part_year", "dmy", "month", "season"})
        self.apposition_links = frozenset(d["apposition_links"])
        self.race_time_units = list(d["race_time_units"])
        self.article_numbers = frozenset(w.lower() for w in lang_data("numbers.json")["article_forms"])  # "ein(en)"
        self.whole_mods = list(d["whole_modifiers"])
        # each opener also with a capital first letter, at a sentence's start ("Zum Wochenende hin")
        self.weekend_openers = [v for w in d["weekend_openers"] for v in dict.fromkeys((w, w[:1].upper() + w[1:]))]
        self.ellipsis_links = list(d["relative_ellipsis"]["links"])
        self.ellipsis_preps = list(d["relative_ellipsis"]["prepositions"])
        self.deictic_adj_nouns = list(d["deictic_adjective_nouns"])
        self.deictic_adj_any = list(d["deictic_adjectives_any_noun"])
        if not set(self.deictic_adj_any) <= set(self.deictic_mods):
            # their day offset is the one deictic_modifiers gives
            raise ValueError("dates.json: deictic_adjectives_any_noun must be keys of deictic_modifiers")
        self.feast_qualifiers = list(d["other_calendar_feasts"]["qualifiers"])
        self.other_feasts = list(d["other_calendar_feasts"]["feasts"])
        self.period_dur_mods = list(d["period_durations"]["modifiers"])
        self.period_durs = dict(d["period_durations"]["words"])
        self.rel_cent_units = dict(d["relative_centuries"]["units"])
        self.rel_cent_not_before = list(d["relative_centuries"]["not_before"])
        self.holiday_weekends = dict(d["holiday_weekends"])
        self.new_year_words = list(d["new_year"]["words"])
        self.new_year_until = int(d["new_year"]["this_year_until_month"])
        self.calendar_week_words = list(d["calendar_week_words"])
        self.day_period_parts = list(d["day_period_parts"])
        self.weekday_date_articles = list(d["weekday_date_articles"])
        self.recurring_preps = set(d["recurring_day_prepositions"])
        self.day_links = list(d["day_list_links"])  # "2. und 3. Januar", "vom 10. auf den 11. Februar"
        self.bare_day_after = list(d["bare_day"]["after"])  # session 32: "am 18." of the month dated last
        self.bare_day_next_pos = frozenset(d["bare_day"]["next_pos"])
        self.bare_day_next_words = frozenset(d["bare_day"]["next_words"])
        self.month_list_links = list(d["month_list_links"])
        self.generic_month_articles = frozenset(d["generic_month_articles"])
        # multi-word triggers before a bare month ("im Laufe des"), matched on the words before it
        self.month_trigger_phrases = [w for w in d["month_triggers"] if " " in w]
        self.rel_units = d["relative_units"]
        self.rel_comp = d["relative_compounds"]
        self.ana_comp = set(d.get("anaphoric_compounds", []))
        self.lead_comp = set(d["lead_day_compounds"])
        if not self.lead_comp <= set(self.rel_comp):
            raise ValueError("dates.json: lead_day_compounds must be keys of relative_compounds")
        self.holidays = {k: v for k, v in d["holidays"].items() if not k.startswith("_")}
        self.holiday_lowercase = frozenset(d["holiday_lowercase_words"])
        self.year_triggers = set(d["year_triggers"])
        self.month_triggers = set(d["month_triggers"])
        self.ordinals = d["ordinals"]
        self.quarter_words = set(d["quarter_words"])
        self.half_words = set(d["half_words"])
        self.quarter_last_words = set(d["quarter_last_words"])
        self.nowadays = d["heute_nowadays"]
        self.ago_words = set(lang_data("measures.json")["ago_words"])
        sa = d["set_adjectives"]
        self.set_adjectives = {w: v for w, v in lang_data("measures.json")["sets"].items()
                               if not w.startswith("_") and " " not in w and w.endswith("lich")}
        self.set_adjective_endings = tuple(sorted(sa["endings"], key=len, reverse=True))
        self.set_adjective_not_before = frozenset(sa["not_before"])
        self.set_adjective_links = frozenset(sa["coordination"])
        self.event_heads = d["event_name_heads"]
        self.event_suffixes = tuple(d["event_name_suffixes"])
        self.event_groups = frozenset(d["event_name_groups"]["groups"])
        self.national_day_words = list(d["national_days"]["words"])
        self.national_days = {day: tuple(starts) for day, starts in d["national_days"]["countries"].items()}
        self.national_day_ahead = frozenset(d["national_days"]["ahead_words"])
        self.since_words = frozenset(d["since_words"])
        self.origin_words = frozenset(d["origin_words"]["words"])
        self.origin_not_before = frozenset(d["origin_words"]["not_before"])
        self.ahead_attributes = d["ahead_attributes"]  # "die kommende Bundestagswahl am 18. September"
        self.narrative_bound_words = frozenset(d["narrative_bound_words"])
        self.pluperfect_aux = frozenset(d["narrative_pluperfect"]["aux"])
        self.pluperfect_not_after = frozenset(d["narrative_pluperfect"]["not_in_clause_after"])
        self.event_group_articles = frozenset(d["event_name_groups"]["articles"])
        self.episode_followers = d["episode_day_followers"]
        self.recurring_words = set(d["recurring_day_words"])
        sh = d["service_hours"]  # session 32: opening hours ("Montag bis Freitag 9-12 Uhr") are weekly sets
        self.service_not_after = frozenset(sh["not_after"])
        self.service_single_within = int(sh["single_within"])
        links, wds = _alt(sh["links"]), _alt(_cap(w) for w in self.weekdays)
        self.service_range_re = re.compile(rf"\s*(?:{links})\s*(?:{wds})(?![\w-])\.?")
        self.service_before_re = re.compile(rf"(?:{wds})\.?\s*(?:{links})\s*$")
        t = r"\d{1,2}(?:[.:]\d{2})?"
        self.service_hours_re = re.compile(rf"\s*,?\s*(?:(?:{_alt(sh['lead_words'])})\s+)?(?P<t1>{t})\s*(?P<uhr1>Uhr\s*)?"
                                           rf"(?:{links})\s*(?P<t2>{t})(?P<uhr2>\s*Uhr)?(?![\w])")
        self.holiday_generic_words = set(d["holiday_generic"]["words"])
        self.postpone_preps = set(d["postponed_to"]["prepositions"])
        self.postpone_between = set(d["postponed_to"]["between"])
        self.postpone_past_plan = set(d["postponed_to"]["past_plan"])
        self.postpone_verbs = set(d["postponed_to"]["verbs"])
        self.postpone_attributive = set(d["postponed_to"]["attributive"])
        self.deadline_terms = {k: frozenset(v) for k, v in d["deadline_terms"].items()}
        self.gerundive_prefixes = tuple(d["tense"]["gerundive_prefixes"])
        self.participle_attribute = d["tense"]["participle_attribute"]
        self.holiday_name_deps = set(d["holiday_generic"]["name_deps"])
        self.season_compounds = {k: v for k, v in d["season_compounds"].items()}
        self.month_prefixes = list(d["month_prefixes"])
        self.of_year_mods = dict(d["of_year_modifiers"])
        self.deictic_lowercase_only = set(d["deictic_lowercase_only"])
        self.season_triggers = set(d["season_triggers"])
        self.dative_jahre_after = set(d["dative_jahre_after"])
        self.morgen_noun_after = set(d["morgen_noun_after"])
        self.deictic_idioms = [[w.lower() for w in ph] for ph in d["deictic_idioms"]["phrases"]]
        self.deictic_idioms_not_after = set(d["deictic_idioms"]["not_after"])
        self.year_frame_words = set(d["year_frame_words"])
        self.deictic_years = {k: v for k, v in d["deictic_years"].items()}
        self.day_month_triggers = set(d["day_month_triggers"])
        self.ana_phrase_heads = list(d["anaphoric_phrases"]["heads"])
        self.ana_phrase_dirs = dict(d["anaphoric_phrases"]["directions"])
        self.quote_open = {o: c for o, c in d["quote_marks"]}  # opening mark -> its closing mark
        self.quote_close = set(self.quote_open.values())
        self.work_title_nouns = tuple(d["work_title_nouns"])
        self.newspaper_day_titles = d["newspaper_day_titles"]  # "Welt am Sonntag": a name
        self.clause_openers = frozenset(d["clause_openers"])
        self.near_anaphoric = set(d["anaphoric_near"]["compounds"])
        self.near_anaphoric_this_year = set(d["anaphoric_near"]["this_year_modifiers"])
        self.so_far_words = set(d["anaphoric_near"]["so_far_words"])
        self.tense_detector = TenseDetector(self._lemma, self._lemma_table)
        self.parse_tense_kinds = set(d["tense"]["parse_tense_kinds"])
        self.deictic_year_adjs = dict(d["deictic_year_adjectives"])
        self.month_nouns = list(d["month_nouns"])
        self.month_part_phrases = list(d["month_part_phrases"])
        self.decade_dative_after = list(d["decade_dative_after"])
        self.year_part_ords = list(d["year_part_counts"]["ordinals"])
        self.year_part_units = list(d["year_part_counts"]["units"])
        nums = lang_data("numbers.json")
        # the written-out counts of "ersten neun Monaten" (two to ninety: "ein" is the article)
        self.count_words = sorted(w for part in ("units", "teens", "tens") for w, v in nums[part].items() if v >= 2)
        self.every_year = list(d["every_year_genitives"])
        self.last_of_mods = frozenset(d["last_of_event"]["modifiers"])
        self.last_of_articles = frozenset(d["last_of_event"]["articles"])
        self.last_of_before = frozenset(d["last_of_event"]["before"])
        ev = d["event_anchored"]
        self.event_anchor_heads = list(ev["heads"])
        self.event_anchor_dirs = dict(ev["directions"])
        self.event_articles_before = list(ev["articles_before"])
        self.event_articles = list(ev["event_articles"])
        self._build()

    # -- component --
    def __call__(self, doc: Doc, mode: Optional[str] = None) -> Doc:
        saved = self.mode
        if mode:
            self.mode = mode
        try:
            return self._process(doc)
        finally:
            self.mode = saved

    def _present_finite(self, doc: Doc, c0: int, c1: int, span: Span) -> bool:
        """Has the clause [c0, c1) of `span`, which the tense cues left without a tense, a verb of its own (the
        tagger's) that is no participle, infinitive or preterite, a present? Then its tense is the present, not
        the sentence's: "ist die Parlamentswahl im [Juni], bei der die PVV ... angekündigt hat" (dev16 wn61652)
        is the June nearest publication, not the one gone by."""
        td = self.tense_detector

        def past_with_prefix(w: str) -> bool:  # "stattfand", "teilnahm": a strong preterite after a separable prefix
            return any(w.endswith(p) and len(w) - len(p) >= 2 for p in td.strong if len(p) >= 3)

        # an auxiliary of the future or a modal is a cue only with its infinitive, which may stand in the next clause
        # ("wird nicht wie angekündigt am [20. November], sondern erst ... in den Handel kommen", gnad755)
        aux = td.future_aux | td.modal_future | td.present_modals | td.modal_past
        if any(t.text.lower() in td.future_aux and t.head.i != t.i and c0 <= t.head.i < c1
               and not span.start <= t.head.i < span.end and td._participle(t.head)
               and doc[t.head.i - 1].text.lower() not in self.nowadays["prev_comparison_only"] for t in doc[c0:c1]):
            # "wird" on a participle of the clause (the parse) is a present passive: "Im Wahlkreis Dresden I wird erst
            # am [2. Oktober] gewählt, da eine Kandidatin der NPD verstarb" (dev11 wn12491) is not dated by "verstarb";
            # "wird nicht wie angekündigt am [20. November], sondern ... kommen" keeps the future of its infinitive
            # ("wie angekündigt" is a comparison, no predicate; gnad755)
            return True
        return any(t.pos_ in ("VERB", "AUX") and t.text.lower() not in aux and not td._participle(t) and not td._infinitive(t)
                   and not td._preterite(t) and not past_with_prefix(t.text.lower())
                   for t in doc[c0:c1] if t.i < span.start or t.i >= span.end)

    def _process(self, doc: Doc) -> Doc:
        if self.split_periods:
            doc = split_trailing_periods(doc)
        anchor, precision = parse_anchor(doc._.published)
        matches = []
        self._text = text = doc.text  # Doc.text is rebuilt on every access: read it once
        _hard_wrapped(doc, text)  # cached for sentence_bounds (here and in the figures component)
        # "in den ersten neun Monaten des Jahres 2012" as one DATE of the year is the news gold's call (dev12);
        # WikiWarsDE's TIMEX2 gold (narrative mode) reads it otherwise (one more span matched there, none more
        # right), so narrative texts keep the duration and the year apart as before
        for m in self._select([c for c in self.find(text) if self.mode == "news" or not c.g.get("ypart")]):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not self._accept(doc, m, span):
                continue
            if span.start_char != m.start or span.end_char != m.end:
                # the tokenizer merged the expression with neighbouring characters; keep the
                # token-aligned span only if it adds nothing but a trailing period
                extra = text[m.end: span.end_char]
                if text[span.start_char: m.start] or extra not in ("", "."):
                    continue
            matches.append((m, span))
        # year of list members ("2. und 3. Januar 2022", "Mai/Juni 1940")
        for idx, (m, span) in enumerate(matches):
            if m.kind == "dmy" and m.g.get("mon") and not m.g.get("year") and not m.g.get("mod"):
                # "in der Nacht vom 8. Februar auf den 9. Februar 1904", "vom 30. Dezember bis 2. Januar 2005": a day
                # and month linked to a following one with a year is of that year (a later month: the year before)
                for m2, _ in matches[idx + 1: idx + 2]:
                    if m2.kind == "dmy" and m2.g.get("year") and m2.g.get("mon") and m2.start - m.end <= 12 \
                            and self.link_re.fullmatch(text[m.end:m2.start]):
                        y2 = self._year_value(m2.g["year"], anchor)
                        later = self.months[m.g["mon"].lower()] > self.months[m2.g["mon"].lower()]
                        m.extra["year"] = None if y2 is None else y2 - later
            if m.kind in ("day_list", "month") and not m.g.get("year"):
                for m2, _ in matches[idx + 1: idx + 3]:
                    if m2.start - m.end > 12:
                        break
                    between = text[m.end:m2.start]
                    if not self.link_re.fullmatch(between):
                        continue
                    if m2.g.get("year"):
                        m.extra["year"] = self._year_value(m2.g["year"], anchor)
                    elif m.kind == "month" and m2.kind == "month" and (m2.g.get("ofmod") or m2.g.get("ofcomp")) \
                            and self.months[m.g["mon"].lower()] <= self.months[m2.g["mon"].lower()]:
                        # "Zwischen Juli und Oktober des vergangenen Jahres": the first month is of the second's
                        # relative year, as of its named year ("Mai/Juni 1940")
                        m.g = dict(m.g, ofmod=m2.g.get("ofmod"), ofcomp=m2.g.get("ofcomp"))
                    if m.kind == "day_list" and m2.g.get("mon"):
                        m.extra["mon"] = self.months.get(m2.g["mon"].lower())
                        if not m2.g.get("year"):
                            m.extra.setdefault("year", None)
                    break
        # "am 24., 25., 26. und 31. Dezember": a day before a comma takes the month and year of the day after it
        for idx in range(len(matches) - 2, -1, -1):
            m, m2 = matches[idx][0], matches[idx + 1][0]
            if m.kind == m2.kind == "day_list" and m.extra.get("mon") is None and m2.extra.get("mon") is not None \
                    and re.fullmatch(r"\s*,\s*", text[m.end:m2.start]):
                m.extra["mon"] = m2.extra["mon"]
                m.extra.setdefault("year", m2.extra.get("year"))
        if self.mode == "news":  # a history names the same day of several years ("am 6. Juni" of 1944 and 1945)
            self._repeated_day_years(matches, anchor)
        spans = []
        bare_months: list[tuple[Span, DateMatch, Optional[str]]] = []  # months without a year of their own, for ranges
        holidays: set[tuple[int, int]] = set()
        worded: set[tuple[int, int]] = set()  # dates with a month's name or "heuer"
        ref: Optional[dt.date] = None
        day_ref: Optional[dt.date] = None  # the reference while it was last a whole day
        bc_ref: Optional[int] = None  # a narrative's year before Christ (no date object: ref stays as it was)
        lead_day: Optional[dt.date] = None  # the first whole day the text names (its event's, for "Wahlabend")
        frame_year: Optional[tuple[int, int]] = None  # (year, token) of a year that opens its sentence or clause
        episode_start: Optional[dt.date] = None
        last_dated: Optional[tuple[str, str, int]] = None  # (value, kind, sentence start) of the last dated span
        history: Optional[list[int]] = []  # years of the dates so far while all lie years before publication
        postponed_end: Optional[int] = None  # the end of the last date that `_postponed_to` moved to the future
        hours_ends: list[int] = []  # where the opening hours read as weekly sets so far end (`_service_hours`)
        month_ref: Optional[tuple[int, int]] = None  # (year, month) of the last date written with its month (`bare_day`)
        for m, span in matches:
            s0, s1 = sentence_bounds(doc, span.start)
            c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
            tense = self.tense_detector.predicate_tense(doc, span.start, span.end, (c0, c1)) \
                if m.kind in self.parse_tense_kinds else None
            if tense is None:
                tense = self.tense_detector.tense([t for t in doc[c0:c1] if t.i < span.start or t.i >= span.end], span.start)
            if tense is None and not self._present_finite(doc, c0, c1, span):
                # the sentence's tense; inside a quotation only the quotation's ("„... bis Ende Oktober
                # aus der EU raus sind“, sagte Raab": "sagte" is the reporter's tense, not the speaker's)
                q0, q1 = self._quote_bounds(doc, s0, s1, span.start)
                tense = self.tense_detector.tense([t for t in doc[q0:q1] if t.i < span.start or t.i >= span.end], span.start)
            if m.kind == "national_day" and m.g.get("ndahead"):
                tense = "future"  # "der bevorstehende Nationalfeiertag"
            behind = False  # a since- or origin-word says the day lies behind, whatever a participle after it says
            if m.kind in ("weekday", "month", "dmy", "numeric_dm", "season", "holiday") and self._prev_words(doc, span, 1)[:1] \
                    and self._prev_words(doc, span, 1)[0] in self.since_words:
                # "Seit Donnerstag halten sie ... besetzt": the day before publication; the same for a month or
                # a day and month ("listet seit [Anfang Juli] die Nebeneinkünfte", dev8 wn43411)
                tense, behind = "past", True
            if m.kind == "weekday" and not m.g.get("mod") and self._prev_words(doc, span, 1)[:1] \
                    and self._prev_words(doc, span, 1)[0] in self.origin_words \
                    and not (span.end < len(doc) and doc[span.end].text.lower() in self.origin_not_before):
                tense, behind = "past", True  # "Die Zusammenstöße vom Mittwoch waren ...": the day a thing is dated from lies behind
            if self._postponed_to(doc, span, c0, c1, s1, postponed_end, tense):
                tense = "future"  # "der Prozess wurde auf den 28. November vertagt": a later day
                postponed_end = span.end
            if tense == "past" and not behind and self._deadline_term(doc, span, s0, s1):
                tense = "present"  # "hatte ... bis zum 20. Juni verlängert": a term set then ends at the nearest one
            if tense != "future" and not behind and self._ahead_attribute_before(doc, span):
                tense = "future"  # "Für die kommende Bundestagswahl am 18. September kündigte er ... an": the next one
            if tense != "future" and self._gerundive_after(doc, span) \
                    and self.tense_detector.predicate_tense(doc, span.start, span.end, (c0, c1)) != "past":
                tense = "future"  # "einem im April auszusprechenden Vorschlag": a thing still to be done lies ahead
            elif tense != "past" and self._past_participle_after(doc, span):
                tense = "past"  # "nach der am Dienstag erfolgten Veröffentlichung": a thing done then lies behind
            elif tense == "past" and not behind and self._present_participle_after(doc, span):
                # "der am 10. Mai stattfindenden Wahl": a thing going on or coming then, the nearest; not after "seit"
                # ("die seit Montag laufenden Verhandlungen": going on since a day behind)
                tense = "present"
            if m.kind == "day_list" and m.extra.get("mon") is None:
                continue
            if m.kind == "rel":
                m.extra["quoted"] = self._quoted(text, m.start)
            if m.kind == "bare_day":
                # session 32 (dates.json "bare_day"): "am 18." of the month the text dated last
                nxt = next((t for t in doc[span.end: span.end + 2] if not t.is_space), None)
                if month_ref is None or (nxt is not None and nxt.text not in ",;)" and nxt.pos_ not in self.bare_day_next_pos
                                          and nxt.text not in self.bare_day_next_words):
                    continue
                value = iso_day(month_ref[0], month_ref[1], int(m.g["day"]))
                if value is None:
                    continue
            elif m.kind == "episode_day":
                # day N counts from the episode's first day: the date the text named last
                # before the first "Tag N" is taken as its day 1 ("am Tag Zwei ihrer Flucht" after
                # "am Donnerstag, den 26. November" -> the 27th); later "Tag N" count from there
                n = self._episode_number(m.g["epn"])
                if episode_start is None and ref is not None:
                    episode_start = ref
                value = None if episode_start is None or n is None else \
                    (episode_start + dt.timedelta(days=n - 1)).isoformat()
            else:
                if m.kind in ("rel_comp", "event_anchored") and day_ref is not None:
                    m.extra["day_ref"] = day_ref
                if m.kind == "rel_comp":
                    m.extra["lead_day"] = lead_day
                if self.mode == "news" and frame_year is not None and c0 <= frame_year[1] < span.start and m.kind in ("dmy", "numeric_dm", "holiday", "month") \
                        and not m.g.get("year") and m.extra.get("year") is None and not m.g.get("mod") \
                        and not m.g.get("dmod") and not m.g.get("everyyear"):
                    # "1953 kamen am Heiligen Abend ... um", "Im Jahr 1953 starb er am 3. Mai": a day, holiday
                    # or month without a year in the clause a year opens is of that year (dev12 wn66494); not in
                    # another clause ("1998 gegründet, feiert der Verein am 3. Mai ...")
                    m.extra["year"] = frame_year[0]
                if bc_ref is not None and ref is None:
                    m.extra["bc_ref"] = bc_ref
                value = self.normalise(m, anchor, tense, ref)
                if self.mode == "news" and m.kind == "dmy" and tense != "future" and history is not None \
                        and len(history) >= HISTORY_MIN_DATES and not m.g.get("year") and m.extra.get("year") is None:
                    # a history told in a news article ("... auf 12,5 Millionen (1939). ... Mit Gesetz vom
                    # 1. September wurden ..."): every date so far lies years before publication, so a
                    # day and month (not in the future tense) belong to the year the text named last
                    mon = m.extra.get("mon") or self.months.get((m.g.get("mon") or "").lower())
                    past = iso_day(history[-1], mon, int(m.g["day"])) if mon else None
                    wd = m.g.get("wd")
                    # a weekday the text gives must fall on that day: "Sonntag, 8. Januar" after two
                    # 1990s dates in an article of 2017 is 2017's Sunday, not 1997's Wednesday
                    if past is not None and (not wd or dt.date.fromisoformat(past).weekday() == self.weekdays[wd.lower()]):
                        value = past
                wd_br = self._after_bracketed_weekday(self._prev_words(doc, span, 2)) if m.kind == "numeric_dm" else None
                if m.kind in ("dmy", "numeric_dm") and (m.g.get("wd") or wd_br) and not m.g.get("year") and m.extra.get("year") is None:
                    # "am Montag, 15. Juni" without a year: the weekday the text gives picks the year
                    # when the tense's year does not have it (15 June was a Monday in 2015, not 2016);
                    # "am Montag (27.7.)" too
                    value = weekday_year(value, self.weekdays[(m.g.get("wd") or wd_br).lower()])
                if self.mode == "news" and last_dated is not None:
                    value = self._near_anaphoric(doc, m, last_dated, s0, value)
            if m.kind == "holiday_weekend" and not m.g.get("year") and self._holiday_generic(doc, s0, s1):
                value = None  # "der seitdem alljährlich am Pfingstwochenende ... gefeiert wird": every year's
                generic_weekend = True
            else:
                generic_weekend = False
            if m.kind == "holiday" and not m.g.get("year"):
                if self._holiday_named(doc, span):
                    continue  # "Ostern weltweit am gleichen Tage zu feiern": the feast, not a time
                if self._holiday_generic(doc, s0, s1):
                    value = None  # "Jedes Jahr ... Allein zu Silvester gingen 100 Autos in Flammen auf"
            service = m.kind == "weekday" and not m.g.get("mod") and not m.g.get("wadj") and not m.g.get("dp") \
                and not m.g.get("dp2") and self._service_hours(doc, span, text, hours_ends)
            if service:
                value = f"XXXX-WXX-{self.weekdays[m.g['wd'].lower()] + 1}"  # "Montag bis Freitag 9-12 Uhr": every week's
                hours_ends.append(span.end_char)
            if not service and precision != "day" and value is not None and not self._explicit(m) and \
                    not (self.mode == "narrative" and ref is not None):
                value = self._coarse(value, m, precision)
            span = Span(doc, span.start, span.end, label="DATE")
            span._.value = value
            if m.kind in ("period_duration", "clock_duration"):
                span._.date_type = "duration"
            if generic_weekend or service:
                span._.date_type = "set"
            if m.g.get("everyyear") and m.g.get("mon"):
                # "im Mai jeden Jahres": every year's month (or day), a TimeML set
                mon = self.months[m.g["mon"].lower()]
                span._.value = f"XXXX-{mon:02d}" + (f"-{int(m.g['day']):02d}" if m.g.get("day") else "")
                span._.date_type = "set"
            elif m.kind == "dmy" and not m.g.get("year") and m.g.get("mon") and self._recurring(doc, span):
                # "immer am 19. Januar": every year's 19 January, a TimeML set
                span._.value = f"XXXX-{self.months[m.g['mon'].lower()]:02d}-{int(m.g['day']):02d}"
                span._.date_type = "set"
            spans.append(span)
            if m.kind == "month" and not m.g.get("year") and m.extra.get("year") is None and not m.g.get("ofmod") \
                    and not m.g.get("ofcomp") and not m.g.get("mod") and span._.date_type != "set":
                bare_months.append((span, m, tense))
            r_val = self._ref_from(value) if value and span._.date_type != "set" else None
            anniversary = m.kind == "deictic" and span.end < len(doc) and doc[span.end].text.lower() in self.ago_words
            restated = m.kind == "rel" and (m.g.get("mod") or "").lower() in self.ana_mods  # "im selben Jahr": no new date
            if r_val is not None and history is not None and anchor is not None and not anniversary and not restated:
                # ("gestern vor 75 Jahren": an anniversary, the figures component dates it)
                history = history + [r_val.year] if r_val.year <= anchor.year - 2 else None  # None: the present came up
            if value and span._.date_type != "set" and self._ref_from(value) is not None:
                last_dated = (value, m.kind, s0)
            if m.kind in ("dmy", "numeric_dm", "numeric", "iso", "month", "day_list") and value and span._.date_type != "set":
                mm = re.match(r"(\d{4})-(\d{2})(?:-\d{2})?$", value)
                if mm:
                    month_ref = (int(mm.group(1)), int(mm.group(2)))
            if lead_day is None and value and span._.date_type != "set" and _ISO_DAY.match(value):
                lead_day = dt.date.fromisoformat(value)
            if m.kind == "holiday":
                holidays.add((span.start, span.end))
            elif (m.kind in ("month", "dmy") and m.g.get("mon")) or m.kind == "deictic_year":
                worded.add((span.start, span.end))
            if self.mode == "narrative" and (m.kind == "new_year" or self._next_year_rel(m)) and self._ref_from(value) is not None:
                # the narrative goes on in the new year ("des neuen Jahres", "erst im nächsten Jahr": "am 28. Mai"
                # after it is of that year); a year back ("das Schlachtfeld des letzten Jahres") is a look back
                ref = self._ref_from(value)
            elif self.mode == "narrative" and set(self._prev_words(doc, span, 1)) & self.narrative_bound_words:
                pass  # "von dem seit 1939 okkupierten Albanien", "bis März 1862 gesperrt": a bound, not the narrated time
            elif self.mode == "narrative" and self._pluperfect(doc, span, c0, c1):
                pass  # "ersterer hatte ... im Juli 1917 ... in die Hände gespielt": a look back from the narrated time
            elif m.kind in ("weekday", "weekday_week") and value and self.mode == "news" and self._ref_from(value) is not None:
                # a weekday resolved to its day is the date an anaphoric day counts from ("Atmar
                # teilte am Montag mit ... am Vortag"); in narrative texts the frame stays
                ref = self._ref_from(value)
            elif m.kind not in ("deictic", "deictic_adj", "period_duration", "clock_duration", "deictic_year", "new_year", "rel", "weekday", "year_part", "episode_day", "ana_phrase") and value:
                r = self._ref_from(value)
                if r is None:
                    pass
                elif m.kind == "year":
                    # a bare year moves the narrative reference only where it frames the
                    # following text ("1941 begann ...", "im Jahr 1941", headings)
                    prev = self._prev_words(doc, span, 1)
                    if self._year_frames(doc, text, span):
                        ref = r
                    if (prev and prev[0] in self.year_frame_words and prev[0] not in self.since_words) \
                            or self._clause_initial(doc, span.start):
                        frame_year = (r.year, span.start)
                elif m.g.get("year") or m.kind in ("numeric", "iso") or (m.kind in ("dmy", "numeric_dm") and self.mode == "news"):
                    if m.kind == "jahr_year" and not m.g.get("ypart"):
                        frame_year = (r.year, span.start)  # "Im Jahr 1953 kamen am Heiligen Abend ..."
                    # in news a day and month without a year ("Am Morgen des 28. November") is
                    # resolved to one day, so "am nächsten Morgen" after it counts from there
                    ref = r
                elif ref is not None and self.mode == "narrative":
                    ref = r
            if self.mode == "narrative" and value and m.kind in self.bc_ref_kinds:
                if re.match(r"-\d{4}(?![\d])", value):
                    # "Im Frühjahr 479 v. Chr.": "Mitte des Jahres" after it is of that year; a bare year only
                    # where it frames the following text, as for `ref`
                    if m.kind not in ("year", "bc_year") or self._year_frames(doc, text, span):
                        bc_ref = int(value[:5])
                elif re.match(r"\d{4}(?![\d])", value) and (m.g.get("year") or m.extra.get("year") is not None):
                    # "Die Stadt wurde 1850 in einem Buch beschrieben": the narrative has left that year; only a date
                    # that names its year ("Am 3. Mai erreichte es Thessalien" took the publication's: review)
                    bc_ref = None
            if ref is not None and value and _ISO_DAY.match(value) and ref == self._ref_from(value):
                day_ref = ref
        self._month_ranges(text, bare_months)
        if holidays:
            # a holiday the model took for a name ("an [Weihnachten heim]" as LOC) is a DATE: a
            # model entity over it goes when no proper noun lies outside the holiday
            def over_holiday(e: Span) -> bool:
                for a, b in holidays:
                    if e.start < b and a < e.end and all(t.pos_ != "PROPN" for t in doc[e.start:e.end] if not a <= t.i < b):
                        return True
                return False

            if any(over_holiday(e) for e in doc.ents):
                doc.ents = [e for e in doc.ents if not over_holiday(e)]
        if worded:
            # a month's name or "heuer" the model took for a name (Austrian "im [Jänner] 2014", "Seit dem
            # [1. Jänner]" as LOC/ORG, "[Heuer] werde ..." as PER; 10kGNAD): a model entity wholly inside
            # such a date goes, as over a holiday; one reaching beyond it stays and the date yields
            def inside(e: Span) -> bool:
                return any(a <= e.start and e.end <= b for a, b in worded)

            if any(inside(e) for e in doc.ents):
                doc.ents = [e for e in doc.ents if not inside(e)]
        self._free_day_compounds(doc, spans)
        spans = self._set_adjective_spans(doc, spans)
        spans = _apposed_to_deictic(doc, spans, frozenset(self.deictic), self.weekdays, self.apposition_links)
        doc.spans[DATE_SPANS] = _weekday_of_week(doc, spans)
        return doc

    def _day_compound(self, tok: Token) -> bool:
        """A weekday and a part of the day in one word ("Dienstagabend", "Montagfrüh"): no name has it."""
        low = tok.text.lower()
        return any(low.startswith(wd) and low[len(wd):] in self.day_parts for wd in self.weekdays)

    def _free_day_compounds(self, doc: Doc, spans: list[Span]) -> None:
        """A model entity that ends in a date of a weekday and a part of the day ("so Polizeisprecher [Fritz
        Grundnig Dienstagabend]" as PER, "berichtete die [BBC Mittwochfrüh]" as ORG, "[Montagfrüh]" as LOC;
        10kGNAD) loses it, and the words before it that are no part of a name ("[Dienstschluss am
        Mittwochabend]"): the date wins the overlap (`doc_to_entities` gives a PER/ORG/LOC the overlap)."""
        days = {(sp.start, sp.end) for sp in spans if sp.end - sp.start == 1 and self._day_compound(doc[sp.start])}
        if not days or not any((e.end - 1, e.end) in days for e in doc.ents):
            return
        ents = []
        for e in doc.ents:
            if (e.end - 1, e.end) in days:
                end = e.end - 1
                while end > e.start and doc[end - 1].pos_ in ("ADP", "DET", "PUNCT", "CCONJ", "SPACE"):
                    end -= 1
                if end > e.start:
                    ents.append(Span(doc, e.start, end, label=e.label_, kb_id=e.kb_id_))
                continue
            ents.append(e)
        doc.ents = ents

    def _month_ranges(self, text: str, bare_months: list[tuple[Span, DateMatch, Optional[str]]]) -> None:
        """Two months without a year linked as a range or list ("Zwischen Jänner und November", "im Mai oder
        Juni") lie in one year when the first comes before the second: each resolved alone by the tense, a range
        over the publication month fell apart ("Jänner" 2016, "November" 2015). Looking back, the later month
        (the one nearer publication) gives the year; ahead, the first one (a range of relative times shares the
        direction of its first member, GUIDELINES.md)."""
        for (s1, m1, t1), (s2, m2, _) in zip(bare_months, bare_months[1:]):
            v1, v2 = s1._.value, s2._.value
            if not v1 or not v2 or not re.fullmatch(r"\d{4}-\d{2}", v1) or not re.fullmatch(r"\d{4}-\d{2}", v2) \
                    or v1[:4] == v2[:4] or int(v1[5:]) > int(v2[5:]) or m2.start - m1.end > 12 \
                    or not self.link_re.fullmatch(text[m1.end:m2.start]):
                continue
            if t1 == "future":
                s2._.value = v1[:4] + v2[4:]
            else:
                s1._.value = v2[:4] + v1[4:]

    def _pluperfect(self, doc: Doc, span: Span, c0: int, c1: int) -> bool:
        """Is the clause [c0, c1) around `span` a pluperfect ("hatte ... gespielt": dates.json
        "narrative_pluperfect"), not one opened by a conjunction of sequence ("Nachdem ... genommen hatte")?"""
        clause = [t for t in doc[c0:c1] if not (span.start <= t.i < span.end)]
        if any(t.text.lower() in self.pluperfect_not_after for t in clause[:1]):
            return False
        aux = [t.i for t in clause if t.text.lower() in self.pluperfect_aux]
        return bool(aux) and any(t.i > aux[0] and t.pos_ in ("VERB", "AUX", "") and self.tense_detector._participle(t)
                                 for t in clause)

    def _set_adjective_spans(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """`spans` and each inflected set adjective before its noun ("Von den [halbjährlichen] Gebühren",
        "beim [täglichen] einstündigen Hofgang"): a set, the noun outside (dates.json "set_adjectives")."""
        taken = {i for sp in spans for i in range(sp.start, sp.end)}
        out = list(spans)
        for t in doc:
            if t.i in taken or not t.text.islower():
                continue
            low = t.text
            end = next((e for e in self.set_adjective_endings if low.endswith(e) and low[:-len(e)] in self.set_adjectives), None)
            if end is None:
                continue
            j = t.i + 1
            if j + 1 < len(doc) and doc[j].text in self.set_adjective_links and doc[j + 1].text.islower() \
                    and doc[j + 1].is_alpha and doc[j + 1].text.endswith(self.set_adjective_endings):
                j += 1  # "[halbjährlichen] und monatlichen Zahlenwerten": the first member of a coordination
            limit = min(len(doc), j + 2)  # two inflected adjectives at most before the noun
            while j < limit and doc[j].text.islower() and doc[j].is_alpha \
                    and doc[j].text.endswith(self.set_adjective_endings):
                j += 1  # "täglichen einstündigen Hofgang"
            nxt = doc[j] if j < len(doc) else None
            if nxt is None or not (nxt.is_alpha or "-" in nxt.text) or not nxt.text[:1].isupper() \
                    or nxt.text.lower() in self.set_adjective_not_before:
                continue
            span = Span(doc, t.i, t.i + 1, label="DATE")
            span._.value = self.set_adjectives[low[:-len(end)]]
            span._.date_type = "set"
            out.append(span)
        return sorted(out, key=lambda sp: (sp.start, sp.end))


# a news article tells a history when its first dates (at least this many, none within a year of
# publication) all lie years back: one date could be background, two begin a narrative
HISTORY_MIN_DATES = 2


@Language.factory(
    "presseschau_dates",
    default_config={"mode": "news", "split_periods": True, "lemma_lookup": True},
    assigns=["doc.spans", "span._.value"],
)
def make_dates(nlp: Language, name: str, mode: str, split_periods: bool, lemma_lookup: bool) -> DateRecognizer:
    """mode: "news" resolves partial dates against doc._.published; "narrative" (history
    texts such as WikiWarsDE) against the last explicitly mentioned date, falling back to
    doc._.published."""
    return DateRecognizer(mode=mode, split_periods=split_periods, lemma_lookup=lemma_lookup)
