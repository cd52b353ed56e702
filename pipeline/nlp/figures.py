"""German FIGURE expressions (cardinal quantities): spaCy component.

Factory ``presseschau_figures`` -> ``doc.spans["presseschau_figures"]``; each span has
``span._.value`` (int/float), ``._.unit`` (normalised: "%", "EUR", "USD", "km", "km2", "t",
"year", ... or None for plain counts), ``._.about`` (lemma of the counted/measured noun),
``._.qualifier`` ("mindestens", "mehr als", "knapp", "rund", ...) and ``._.event``
("dead", "injured", "arrested", ...).

Boundary rules (repeated in ``pipeline/lang/de/README.md`` for the annotators)
-------------------------------------------------------------------------
* The span is the number expression with its multiplier and unit word, nothing else:
  "250" (in "mindestens 250 Menschen"), "7000 Kilometer" (in "7000 Kilometer lange Grenze"),
  "3,5 Millionen" (in "3,5 Millionen Russen"), "3,5 Millionen Euro", "100.000", "zwei Drittel",
  "ein halbes Dutzend", "5 %", "$ 20".
* The qualifier ("mindestens", "mehr als", "knapp", "rund", "etwa", "fast", "bis zu", ...)
  is outside the span and goes to ``._.qualifier``.
* The counted noun is outside the span; its lemma goes to ``._.about`` ("Mensch",
  "Grenze" for "7000 Kilometer lange Grenze", "Russe"); found from the dependency parse
  when present, else from POS, else from capitalisation + the lemma lookup table.
* Durations with a number are DATEs (issue 18): the component hands them to
  ``doc.spans["presseschau_dates"]`` with ``span._.date_type`` "duration" (ISO value "P3M"),
  or "date" for relative times ("vor fünf Jahren", "zwei Tage später"); recurring times
  ("jährlich") as "set". Ages ("75 Jahre alt") stay figures (unit "year", about "Alter"). "Hälfte" is a figure (0.5). Ranges share scale/unit/noun ("30 bis 40
  Milliarden Euro"); an elliptic count takes the previous count's noun in the sentence.
* Not FIGURE: years and dates (DATE), ordinals ("30.", "zweiten", "zweitlängste"),
  multiplicatives ("achtmal", "zweimal"), clock times ("4:45 Uhr", "17 Uhr"), numbers in
  names and identifiers ("Boeing 747", "Artikel 4", "G20", "Nr. 2"), hyphenated compound
  adjectives ("30-jährigen"), the article "ein/eine" (only a numeral before a multiplier,
  fraction or unit: "ein halbes Dutzend" = 6, "eine Million", "ein Drittel"), vague plurals
  without a number ("Tausende", "Hunderte", "Millionen Menschen").
"""
from __future__ import annotations

import re
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..clean.data import lexicon  # German word forms (spacy-lookups-data), loaded once per process
from . import ext as spacy_ext  # noqa: F401
from .dates import CLAUSE_COMMAS, TenseDetector, attributive_before_noun, clause_bounds, has_ann, is_bare_year, sentence_bounds
from .normalize import fraction, lang_data, lookup_unit, multiplier, parse_anchor, parse_digits, parse_number_word, shift_period
from .ext import DATE_SPANS, FIGURE_SPANS

_NOUN_POS = {"NOUN", "PROPN"}
# the strong/weak adjective endings of German ("lange", "langen", "langer", "langes", "langem"),
# longest first so that a stem is cut once: a closed grammatical set, not vocabulary
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
_ADJ_INFL = re.compile(r"^[a-zäöüß][a-zäöüß-]*(?:%s)$" % "|".join(_ADJ_ENDINGS))


def _adj_stem(low: str, stems) -> Optional[str]:
    """The stem of an inflected adjective `low` when it is in `stems` ("entfernte" -> "entfernt")."""
    return next((low[:-len(e)] for e in _ADJ_ENDINGS if low.endswith(e) and low[:-len(e)] in stems), None)
_TIME_UNITS = {"s", "min", "h", "day", "week", "month", "year", "decade", "century"}
_CALENDAR_UNITS = {"day", "week", "month", "year", "decade", "century"}  # "vor/in N ..." resolves to a date
_SYMBOL_PREFIX = {"€", "$", "£", "US$"}
_SIGNS = {"-", "−", "–"}  # a sign glued to the digits ("-5", "−3")
_PLUS = "+"  # "+1,0%": an explicit positive sign glued to the digits (not "+49 30 ...", a phone number)
_GROUP_SPACES = {" ", "\u202f", "\u2009", "\u00a0"}  # thousands separators ("45 000")
# a line of a results table: a name, a number, a dash, a name, a number ("Islanders\t4  - Sabres\t6  \t");
# a team's name is one to three words; a heading is no result line ("Artikel 5: Die Rente mit 67",
# "Update 2 - Die Zahl der Toten stieg auf 120")
_TEAM = r"[^\W\d][^\d\s]*(?:[ \t]+[^\W\d][^\d\s]*){0,2}"
_RESULT_LINE = re.compile(rf"[ \t]*(?:{_TEAM})?[ \t]*\d{{1,3}}[ \t]*[-–][ \t]*{_TEAM}[ \t]*\d{{1,3}}[ \t]*")
# a results line in the German manner: two names joined by a spaced dash, then the score and the half-time
# score in brackets, and a note in brackets ("1.FC Nürnberg – Hansa Rostock 1 : 1 (1 : 1)", "Borussia
# Dortmund – FC Schalke 04 2:3 (1:2) (Revierderby)"; dev12 wn47872). The names may hold digits
# ("Hannover 96"), so the score is read from the line's end
_SCORE_LINE = re.compile(r"[^\n]+?[ \t][-–][ \t][^\n]+?[ \t]\d{1,3}[ \t]*:[ \t]*\d{1,3}"
                         r"(?:[ \t]*\([ \t]*\d{1,3}[ \t]*:[ \t]*\d{1,3}[ \t]*\))?(?:[ \t]*\([^()\n\d]*\))?[ \t]*")
# dependency labels (UD and TIGER) linking a number or measure to what it modifies
_NUM_DEPS = {"nummod", "nk", "nmc", "amod", "det", "nummod:gov", "nummod:entity"}
_GEN_DEPS = {"ag", "pg", "nmod", "nmod:poss", "obl", "pobj"}


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


def _prev(doc: Doc, i: int, k: int = 1) -> Optional[Token]:
    """k-th non-space token before i."""
    j = i - 1
    while j >= 0:
        if not doc[j].is_space:
            k -= 1
            if k == 0:
                return doc[j]
        j -= 1
    return None


def _next(doc: Doc, i: int) -> Optional[Token]:
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return doc[j] if j < len(doc) else None


class FigureRecognizer:
    def __init__(self, lemma_lookup: bool = True, lemma_table: Optional[Any] = None, about_model: bool = False):
        self.lemma_lookup = lemma_lookup
        self.about_model = None
        self.use_about_model(about_model)
        self._lemmas = lemma_table if lemma_lookup else None
        self._tense: Optional[TenseDetector] = None  # made on first use ("in vier Tagen" in a past clause)
        self._lemma_cache: dict[tuple[str, Optional[str]], str] = {}
        q = lang_data("qualifiers.json")["qualifiers"]
        self.qualifiers = {k: v for k, v in q.items() if v}
        self.qualifiers_before_digits_only = set(lang_data("qualifiers.json")["before_digits_only"])
        self.max_q = max(len(k.split()) for k in self.qualifiers)
        nums = lang_data("numbers.json")
        self.article_forms = set(nums["article_forms"])
        self.vague = set(nums["vague_plurals"])
        self.vague_before = set(nums["vague_before"])
        self.deictic_days = set(lang_data("dates.json")["deictic_days"])
        self.function_words = set(nums.get("function_words", []))
        self.fraction_nouns = nums.get("fraction_nouns", {})
        self.sign_words = set(nums["sign_words"])
        self.fraction_not_after = set(nums["fraction_noun_not_after"])
        ids = lang_data("identifiers.json")
        self.id_before = set(ids["before"])
        self.id_before_digits = set(ids["before_digits_only"])
        self.id_after = set(ids["after"])
        self.id_compound_heads = tuple(ids["compound_heads"])
        self.coord_degrees = set(ids["coordinates"]["degrees"])
        self.coord_directions = set(ids["coordinates"]["directions"])
        self.events_verb: dict[str, str] = {}
        self.events_noun: dict[str, str] = {}
        self.events_phrase: list[tuple[list[str], str]] = []
        for row in lang_data("events.tsv"):
            w, ev, kind = row["lemma_or_phrase"], row["event"], row["kind"]
            if kind == "phrase":
                self.events_phrase.append((w.lower().split(), ev))
            elif kind == "noun":
                self.events_noun[w.lower()] = ev
            else:
                self.events_verb[w.lower()] = ev
        self.months = lang_data("dates.json")["months"]
        # a tagger without morphology: the endings of an inflected participle before its noun (`_is_adj`)
        self.attributive_participle_endings = tuple(lang_data("dates.json")["attributive_participle_endings"])
        self.last_rule: Optional[str] = None
        self._context_rule: Optional[str] = None
        ms = lang_data("measures.json")
        self.measuring_verbs = {k: set(v) for k, v in ms["measuring_verbs"].items() if not k.startswith("_")}
        self.object_verbs = {k: set(v) for k, v in ms["object_measuring_verbs"].items() if not k.startswith("_")}
        self.subject_deps = set(ms["subject_deps"])
        self.object_deps = set(ms["object_deps"])
        self.particle_deps = set(ms["particle_deps"])
        self.anaphoric_pronouns = set(ms["anaphoric_pronouns"])
        self.rate_prepositions = set(ms["rate_prepositions"]["words"])
        self.speed_units = set(ms["speed"]["units"])
        self.per_words = set(ms["per_unit"]["words"])
        self.per_symbols = dict(ms["per_unit"]["symbols"])
        self.purpose_preps = set(ms["purpose"]["prepositions"])
        self.money_units = set(ms["purpose"]["units"])
        self.participle_not_after = set(ms["participle_phrase"]["not_after"])
        self.partitive_pronouns = set(ms["partitive_pronouns"]["words"])
        self.partitive_pronoun_before = set(ms["partitive_pronouns"]["before"])
        self.ratio_cues = set(ms["ratios"]["cues"])
        self.ratio_separators = set(ms["ratios"]["separators"])
        self.speed_prepositions = set(ms["speed"]["prepositions"])
        self.measure_adjectives = set(ms["measure_adjectives"]["words"])
        self.measure_adjectives_irregular = dict(ms["measure_adjectives"]["irregular"])  # "hohe" -> "hoch"
        self.von = frozenset(ms["von_prepositions"])
        self.links_before_digits = frozenset(ms["number_links"]["before_digits"])
        self.links_before_words = frozenset(ms["number_links"]["before_words"])
        self.predicate_only_with_unit = set(ms["predicate_only_with_unit"])
        self.container_nouns = set(ms["container_nouns"])
        self.bare_quantity_nouns = frozenset(ms["bare_quantity_nouns"])
        self.amount_phrases = [w.split() for w in sorted(ms["amount_phrases"]["phrases"], key=lambda w: -len(w.split()))]
        self.adverbs_after_von = set(ms["amount_phrases"]["adverbs_after_von"])
        self.change_nouns = set(ms["amount_phrases"]["change_nouns"])
        self.change_compound_heads = tuple(ms["amount_phrases"]["change_compound_heads"])
        self._known: Optional[frozenset] = None
        self._lemma_values: Optional[frozenset] = None
        self.change_before = set(ms["amount_phrases"]["change_before"])
        self.change_after = set(ms["amount_phrases"]["change_after"])
        self.change_of = set(ms["amount_phrases"]["change_of"])
        # a unit word that names what it measures ("3000 Höhenmeter" -> Höhe): units.tsv's optional "about"
        self.unit_about = {r["surface"]: r["about"] for r in lang_data("units.tsv") if r.get("about")}
        self.partitive_words = set(ms["partitive_words"])
        self.duration_codes = {k: v for k, v in ms["duration_codes"].items() if not k.startswith("_")}
        self.duration_adjectives = set(ms["duration_adjectives"])
        self.ago_words = set(ms["ago_words"])
        self.set_before = set(ms["set_before"])
        self.genitive_time_preps = set(ms["genitive_time_prepositions"])
        self.ahead_words = set(ms["ahead_words"])
        self.anchored_after = {k: v for k, v in ms["anchored_after"].items() if not k.startswith("_")}
        self.anchored_comparisons = frozenset(ms["anchored_comparisons"])
        self.age_after = set(ms["age_after"])
        self.age_before = [w.split() for w in ms["age_before"]]
        self.action_noun_suffixes = tuple(ms["action_noun_suffixes"])
        self.sets = {k: v for k, v in ms["sets"].items() if not k.startswith("_")}
        self.plural_sets = dict(ms["plural_sets"]["words"])
        self.plural_set_before = [w.split() for w in ms["plural_sets"]["before"]]
        self.street_suffixes = tuple(ms["street_suffixes"])
        self.phone_words = set(ms["phone_words"])
        self.difference_prepositions = set(ms["difference_prepositions"])
        self.comparatives = set(ms["comparatives"])
        self.measure_nouns_before = set(ms["measure_nouns_before"])
        self.bound_prepositions = set(ms["bound_prepositions"])
        self.bound_fillers = set(ms["bound_fillers"])
        self.bound_words = self.bound_prepositions | self.bound_fillers
        self.as_words = set(ms["as_words"])
        self.elliptic_cues = set(ms["elliptic_cues"])
        self.distance_units = set(ms["distance"]["units"])
        self.distance_words = set(ms["distance"]["words"])
        self.lemma_fixes = {r["surface"]: r["lemma"] for r in lang_data("lemmas.tsv") if not r["surface"].startswith("-")}
        self.lemma_suffixes = [(r["surface"][1:], r["lemma"][1:]) for r in lang_data("lemmas.tsv") if r["surface"].startswith("-")]
        self.age_nouns = set(ms["age_nouns"])
        self.age_range_words = set(ms["age_range_words"])
        self.age_compound_suffixes = tuple(ms["age_compounds"]["suffixes"])
        self.age_change_words = frozenset(ms["age_compounds"]["change_words"])
        self.age_compound_not_endings = tuple(ms["age_compounds"]["not_endings"])
        self.age_compound_min_prefix = int(ms["age_compounds"]["min_prefix"])
        self.score_words = set(ms["score_words"])
        self.score_context = set(ms["score_context"])
        self.coordinators = set(ms["coordinators"])
        self.classifier_nouns = set(ms["classifier_nouns"])
        self.stake_before = set(ms["stakes"]["before"])
        vs = ms["vote_shares"]
        self.vote_about = vs["about"]
        self.vote_parts = tuple(vs["parts"])
        self.vote_not_parts = tuple(vs["not_parts"])
        self.vote_part_endings = tuple(vs["part_endings"])
        self.vote_sentences_before = int(vs["sentences_before"])
        self.accusative_articles = set(ms["accusative_articles"])
        self.rate_before = set(ms["rate_nouns"]["before"])
        self.rate_endings = tuple(ms["rate_nouns"]["endings"])
        self.stake_words = tuple(ms["stakes"]["words"])
        self.relative_pronouns = set(ms["relative_pronouns"])
        self.attribute_deps = set(ms["attribute_deps"])
        self.list_headings = set(ms["list_headings"])
        self.rank_nouns = set(ms["rank_nouns"])
        th = ms["table_headings"]
        self.table_heading_units = set(th["units"])
        self.table_heading_lines = int(th["lines_before"])
        self.table_heading_words = int(th["max_words"])
        self.table_prose_words = int(th["prose_words"])
        self.stake_prepositions = set(ms["stakes"]["prepositions"])
        self.content_prepositions = set(ms["content_prepositions"]["words"])
        self.recipient_verbs = set(ms["content_prepositions"]["not_with_verbs"])
        self.definite_articles = set(ms["definite_articles"])
        self.genitive_determiners = set(ms["genitive_determiners"])
        self.range_links = {w for w in ms["range_links"] if " " not in w}  # one word: "bis", "und", "-"
        self.duration_links = set(ms["compound_durations"]["links"])
        self.duration_range_words = set(ms["compound_durations"]["not_after"])
        self.range_link_phrases = [w.split() for w in ms["range_links"]]  # also "bis zu"
        self.alternative_links = set(ms["alternative_links"])
        self.change_from = set(ms["change_links"]["from"])  # "von derzeit 2000 auf rund 15.000"
        self.change_to = set(ms["change_links"]["to"])
        self.partitive_articles = set(ms["partitive_articles"])  # "zwei von den drei Kindern"
        self.bound_not_for_percent = set(ms["bound_not_for_percent"])  # "mit 30 Prozent" measures no noun before it
        self.genitive_one = set(ms["genitive_one"])  # "eines Tages" is no duration
        self.container_prepositions = set(ms["container_prepositions"])  # "in Höhe von"
        self.singular_articles = set(ms["singular_articles"])
        self.threshold_nouns = set(ms["threshold_nouns"])
        self.demonstrative_pronouns = set(ms["demonstrative_pronouns"])
        self.genitive_s_articles = set(ms["genitive_s_articles"])
        self.person_noun_endings = tuple(ms["person_noun_endings"])
        self.period_nouns = set(ms["period_nouns"])
        self.um_object_verbs = set(ms["um_object_verbs"])
        self.degree_prepositions = set(ms["degree_prepositions"]["words"])
        self.degree_not_after = set(ms["degree_prepositions"]["not_after"])
        self.partitive_adverbs = set(ms["partitive_pronouns"]["adverbs"])
        self.partitive_relatives = set(ms["partitive_pronouns"]["relative"])
        self.hundred_word = nums["hundred"]  # "hundert" after "ein" is no multiplier of the article

    def use_about_model(self, on: bool) -> None:
        """Switch the learned `about` (about_model.py; a fallback or an override, as its file's mode
        says) on or off; read when switched on, so that a missing or broken file stops the run
        before any article."""
        from .about_model import load_about_model

        self.about_model = load_about_model() if on else None

    # -- lemmas --
    def _table(self):
        if self._lemmas is None:
            self._lemmas = {}
            if self.lemma_lookup:
                try:
                    from spacy.lookups import load_lookups

                    self._lemmas = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
                except Exception:  # spacy-lookups-data not installed
                    self._lemmas = {}
        return self._lemmas

    def lemma(self, t: Token) -> str:
        """Model lemma when it differs from the word; else the lookup table; else the head
        of a compound ("Gründungsmitgliedern" -> "Gründungsmitglied"); "-innen" -> "-in"."""
        fixed = self.lemma_fixes.get(t.text)
        if fixed is not None:
            return fixed
        for k in range(2, len(t.text) - 3):  # "Polizeibeamten": the fix of the compound's head "Beamten"
            head = self.lemma_fixes.get(t.text[k:].capitalize()) if t.text[k - 1] != "-" and t.text[k].islower() else None
            if head is not None:
                return t.text[:k] + head.lower()
        model = t.lemma_ if (has_ann(t.doc, "LEMMA") and t.lemma_) else None
        if model and model != t.text:
            return model
        return self.lemma_text(t.text, model)

    def lemma_text(self, w: str, model: Optional[str] = None) -> str:
        key = (w, model)
        lem = self._lemma_cache.get(key)
        if lem is None:
            if len(self._lemma_cache) > 200_000:  # bounded over long runs
                self._lemma_cache.clear()
            lem = self._lemma_cache[key] = self._lemma_text(w, model)
        return lem

    def _lemma_text(self, w: str, model: Optional[str]) -> str:
        table = self._table()
        lem = self.lemma_fixes.get(w) or (table.get(w) if table else None)
        if lem:
            return lem
        if w[:1].isupper():
            stripped = inflection_stripped_lemma(w)
            if stripped is not None:
                return stripped
        if w[:1].isupper() and len(w) > 6 and table and w not in self._table_lemmas():
            # session 15 (dev12 wn37511): a word the table has as a lemma of other forms is a word, no
            # compound to split at a short head inside it ("Gefangene", the lemma of "Gefangenen", is
            # no "Gefan" + "Gene"; "Automarke" no "Automark")
            for k in range(2, len(w) - 3):
                head = w[k:].capitalize()
                hl = self.lemma_fixes.get(head) or table.get(head)
                if hl is not None and hl[:1].isupper():
                    return w[:k] + (hl if w[k - 1] == "-" else hl.lower())
        if w[:1].isupper() and w.endswith("innen") and len(w) > 7:
            return w[:-3]
        if w[:1].isupper() and (not model or model == w):
            for suffix, lemma_suffix in self.lemma_suffixes:  # "Amteien" -> "Amtei" (lemmas.tsv)
                if w.endswith(suffix) and len(w) > len(suffix) + 1:
                    return w[: len(w) - len(suffix)] + lemma_suffix
        return model or w

    # -- number expression parsing --
    def may_start(self, word: str) -> bool:
        """Cheap test whether `_base` can read a number at a token with this text (digits,
        number word, fraction noun, article before a multiplier). Most tokens fail it, so the
        component skips the context checks for them."""
        low = word.lower()
        return word[:1].isdigit() or ((word[:1] in _SIGNS or word[:1] == _PLUS) and word[1:2].isdigit()) or low in self.fraction_nouns or low in self.article_forms \
            or parse_number_word(low) is not None

    def _base(self, doc: Doc, i: int) -> Optional[tuple[float, int]]:
        """(value, end index) of the number starting at token i, before multipliers/units."""
        t = doc[i]
        sign = 1
        text = t.text
        if text[:1] in _SIGNS and text[1:2].isdigit():
            sign, text = -1, text[1:]
        elif text[:1] == _PLUS and text[1:2].isdigit():
            text = text[1:]
        v = parse_digits(text)
        if v is None and re.fullmatch(r"\d{1,3}\.(?:\d{1,2}|\d{4,})", text) and i + 1 < len(doc) and lookup_unit(doc[i + 1].text) \
                and lookup_unit(doc[i + 1].text)[0] not in _TIME_UNITS:
            # a decimal point (Swiss and English style) before a unit: "28.56 %", "12.4215 GHz" (dev11 wn54805);
            # never thousands (one, two or four and more digits after the point are no group of three)
            v = float(text)
        if v is not None:
            j = i + 1
            # "45 000", "1 250 000" (space or narrow no-break space between groups of three)
            if re.fullmatch(r"\d{1,3}", text):
                groups = [text]
                k = i
                while True:
                    if doc[k].whitespace_ in _GROUP_SPACES and k + 1 < len(doc) and re.fullmatch(r"\d{3}(?:,\d+)?", doc[k + 1].text):
                        k += 1
                    elif k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text in _GROUP_SPACES - {" "} \
                            and not doc[k + 1].whitespace_ and re.fullmatch(r"\d{3}(?:,\d+)?", doc[k + 2].text):
                        k += 2
                    else:
                        break
                    groups.append(doc[k].text)
                    if "," in doc[k].text:
                        break
                if len(groups) > 1:
                    v = parse_digits("".join(groups))
                    j = k + 1
            return sign * v, j
        w = t.text
        low = w.lower()
        if low in self.fraction_nouns and w[:1].isupper():
            return self.fraction_nouns[low], i + 1  # "mehr als die Hälfte"
        if low in self.article_forms:
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None:
                return None
            nl = nxt.text.lower()
            if nl.startswith("halb") and fraction(nl):
                return 1, i + 1
            genitive = low not in self.genitive_one or (i > 0 and doc[i - 1].text.lower() in self.genitive_time_preps)
            if genitive and (self._time_unit_word(nxt) or (
                    nl in self.duration_adjectives and i + 2 < len(doc) and self._time_unit_word(doc[i + 2]))):
                # "einen Tag", "seit einem Monat", "eine Woche später", "ein weiteres Jahr", "binnen eines
                # Jahrzehnts" (not "eines Tages")
                return 1, i + 1
            if low not in self.genitive_one and nl in self.range_links and i + 2 < len(doc) and (
                    parse_digits(doc[i + 2].text) is not None or parse_number_word(doc[i + 2].text.lower()) is not None):
                # the first number of a range: "ein bis zwei Stunden", "zwischen einer und vier Zigaretten"
                return 1, i + 1
            if multiplier(nl) and nl != self.hundred_word or fraction(nl) or (
                    lookup_unit(nxt.text) and lookup_unit(nxt.text)[0] not in _TIME_UNITS and nxt.text[:1].isupper()
                    and nxt.text.lower() not in ("m", "t", "g", "l")):
                return 1, i + 1
            return None
        p = _prev(doc, i)
        if not (w.islower() or (w[:1].isupper() and (p is None or doc[i].is_sent_start is True
                                                     or p.text in ".!?:„\"»(–-" or doc[i - 1].is_space
                                                     or "\n" in p.whitespace_))):
            return None
        v = parse_number_word(low)
        if v is None:
            return None
        return v, i + 1

    @staticmethod
    def _time_unit_word(t: Token) -> bool:
        u = lookup_unit(t.text)
        return bool(u) and u[0] in _TIME_UNITS and t.text[:1].isupper()

    def _hyphen_amount(self, doc: Doc, i: int) -> Optional[dict]:
        """An amount written as one hyphenated word before a noun or adjective: "ein 60-Millionen-Euro
        teures Projekt" (not "die 5-Milliarden-Dollar-Spritze", "der 100-Meter-Lauf": a last part
        that is no unit or multiplier keeps the word a compound noun)."""
        parts = doc[i].text.split("-")
        v = parse_digits(parts[0]) if len(parts) in (2, 3) else None
        if v is None or not all(parts[1:]):
            return None
        scale, unit = 1, None
        for k, part in enumerate(parts[1:], 1):
            mul = multiplier(part)
            u = lookup_unit(part) if mul is None else None
            if mul is not None and unit is None and k == 1:
                scale *= mul
            elif u is not None and unit is None and u[0] not in _TIME_UNITS and part[:1].isupper():
                unit, v = u[0], v * u[1]
            else:
                return None
        value = v * scale
        value = int(value) if float(value).is_integer() else round(value, 4)
        return {"start": i, "end": i + 1, "num": i, "value": value, "unit": unit, "scale": scale, "bare": False}

    def parse_at(self, doc: Doc, i: int) -> Optional[dict]:
        hyphen = self._hyphen_amount(doc, i) if "-" in doc[i].text[1:] else None
        if hyphen is not None:
            return hyphen
        b = self._base(doc, i)
        if b is None:
            return None
        value, j = b
        start = i
        unit = None
        # "ein halbes Dutzend", "zweieinhalb", "drei Viertel"
        if j < len(doc):
            nl = doc[j].text.lower()
            fr = fraction(nl)
            if fr is not None and nl.startswith("halb"):
                value = value * 0.5 if doc[i].text.lower() in self.article_forms else value + 0.5
                j += 1
            elif fr is not None:
                value = value * fr
                j += 1
        # multipliers: Millionen, Mio., Dutzend, Tausend ...
        scale = 1
        while j < len(doc):
            mul = multiplier(doc[j].text)
            if mul is None:
                break
            value = value * mul
            scale *= mul
            j += 1
        # "ein weiteres Jahr", "drei weitere Monate": an adjective of the duration between the
        # number and a time unit belongs to the span
        if j + 1 < len(doc) and doc[j].text.lower() in self.duration_adjectives and self._time_unit_word(doc[j + 1]):
            j += 1
        # unit word or symbol; compound units first ("Kilometern pro Stunde", "km/h" = three
        # tokens, "Grad Celsius")
        multi = self._multi_unit(doc, j)
        if multi is not None:
            (unit, factor), j = multi
            value = value * factor
        elif j < len(doc):
            u = lookup_unit(doc[j].text)
            if u is not None and not (doc[j].text in ("m", "t", "g", "l") and j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].text.islower()
                                      and doc[j + 1].text not in self.measure_adjectives and self.measure_adj_base(doc[j + 1].text) is None):
                # a one-letter unit before a lower-case word only before a measure adjective: "500 t schwere"
                unit, factor = u
                value = value * factor
                j += 1
        per = self._per_unit(doc, j) if unit is not None and unit not in _TIME_UNITS and unit not in self.money_units else None
        if per is not None:  # "Dollar pro Barrel" -> USD/bbl
            (den, den_factor), j = per
            unit, value = f"{unit}/{den}", value / den_factor
        if unit is None and i > 0 and doc[i - 1].text in _SYMBOL_PREFIX:
            unit, factor = lookup_unit(doc[i - 1].text)
            start = i - 1
        if i > 0 and doc[start - 1].text.lower() in self.sign_words and doc[i].text[:1].isdigit() if start > 0 else False:
            value = -value  # "minus 12 Grad", "− 3 Prozent"
            start -= 1
        value = round(value, 4) if isinstance(value, float) else value
        if isinstance(value, float) and value == int(value):
            value = int(value)
        return {"start": start, "end": j, "num": i, "value": value, "unit": unit, "scale": scale,
                "bare": j == i + 1 and start == i}

    @staticmethod
    def _multi_unit(doc: Doc, j: int) -> Optional[tuple[tuple[str, float], int]]:
        """A unit of two or three tokens at ``j`` (units.tsv surface, tokens joined as written):
        (unit, factor) and the index after it."""
        for k in (3, 2):
            if j + k > len(doc) or any(t.whitespace_ not in ("", " ") for t in doc[j: j + k - 1]):
                continue
            u = lookup_unit("".join(t.text_with_ws for t in doc[j: j + k]).rstrip())
            if u is not None:
                return u, j + k
        return None

    def _per_unit(self, doc: Doc, j: int) -> Optional[tuple[tuple[str, float], int]]:
        """The denominator of a compound unit at ``j`` ("/ h", "pro Barrel", "je Tonne";
        measures.json "per_unit"): (unit, factor) and the index after it. Calendar units
        ("Euro pro Jahr") are no denominator, nor is anything after money (the caller: "150 Euro pro
        Tonne" is a price in EUR): the figure keeps its plain unit."""
        if j + 1 >= len(doc) or doc[j].text.lower() not in self.per_words:
            return None
        den = doc[j + 1]
        if doc[j].text == "/" and (doc[j - 1].whitespace_ or doc[j].whitespace_):
            return None  # "5 Euro / Monat" in a table, "km / h" spaced: no compound
        u = lookup_unit(den.text)
        if u is None and den.text in self.per_symbols:
            u = (self.per_symbols[den.text], 1.0)
        if u is None or u[0] in _CALENDAR_UNITS or "/" in u[0]:
            return None
        return u, j + 2

    def _ratios(self, doc: Doc) -> list[Span]:
        """Ratios after a cue noun (measures.json "ratios"): "im Verhältnis 16:9" (one token),
        "im Verhältnis von 1 zu 3", "1 : 2". One FIGURE, unit "ratio", value a/b."""
        out = []
        n = len(doc)
        for t in doc:
            if t.text.lower() not in self.ratio_cues:
                continue
            k = t.i + 1
            if k < n and doc[k].text.lower() in self.von:
                k += 1
            if k >= n:
                continue
            m = re.fullmatch(r"(\d+(?:,\d+)?):(\d+(?:,\d+)?)((?::\d+(?:,\d+)?)*)", doc[k].text)
            if m and m.group(3):  # "im Verhältnis 1:1:1,5" in one token: more than two terms, no single value
                a, b, end = 1, 1, k + 1
            elif m:
                a, b, end = parse_digits(m.group(1)), parse_digits(m.group(2)), k + 1
            elif k + 2 < n and doc[k + 1].text.lower() in self.ratio_separators:
                a, b, end = parse_digits(doc[k].text), parse_digits(doc[k + 2].text), k + 3
            else:
                continue
            if a is None or not b:
                continue
            v = round(a / b, 4) if not (m and m.group(3)) else None
            while end + 1 < n and doc[end].text in self.ratio_separators and parse_digits(doc[end + 1].text) is not None:
                end, v = end + 2, None  # "im Verhältnis 1 : 1 : 1,5": more than two terms, no single value
            sp = Span(doc, k, end, label="FIGURE")
            sp._.value = v if v is None or not float(v).is_integer() else int(v)
            sp._.unit, sp._.about, sp._.qualifier, sp._.about_rule = "ratio", None, None, "ratio"
            out.append(sp)
        return out

    # -- exclusions --
    def _after_identifier(self, doc: Doc, i: int) -> bool:
        """The number at i names something after a word of identifiers.json ("Artikel 4", "Klasse 5")."""
        t, prev = doc[i], _prev(doc, i)
        return prev is not None and (prev.text.lower() in self.id_before
                                     or (prev.text.lower() in self.id_before_digits and t.text[:1].isdigit())
                                     or (prev.text[:1].isupper() and prev.text.lower().endswith(self.id_compound_heads)))

    def _coordinate(self, doc: Doc, i: int) -> bool:
        """The number at i is a geographic coordinate (identifiers.json "coordinates"): a degree sign
        right after it and a compass word after that, minutes and seconds between ("19,2° Ost",
        "51° 30′ N"): a position, not a quantity."""
        k = i + 1
        if k >= len(doc) or doc[k].text not in self.coord_degrees:
            return False
        for t in doc[k + 1: k + 6]:
            if t.text.lower() in self.coord_directions or t.text.lower().rstrip(".") in self.coord_directions:
                return True  # (a sentence's period can stick to a letter: "30′ N.")
            if not re.fullmatch(r"[\d,.]*[′'″\"’]?", t.text):  # minutes, seconds: "30′", "30 ′"
                return False
        return False

    def _excluded(self, doc: Doc, i: int, blocked: set[int]) -> bool:
        t = doc[i]
        if i in blocked:
            return True
        if self._coordinate(doc, i):
            return True
        if t.ent_type_ and t.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") and not self._ent_slip(doc, i):
            return True  # number inside a PER/ORG/LOC/MISC name ("Boeing 747" tagged MISC)
        prev = _prev(doc, i)
        nxt = _next(doc, i)
        if self._after_identifier(doc, i):
            return True
        if prev is not None and prev.i == i - 1 and prev.text.lower() in self.range_links and i >= 2 \
                and (t.text[:1].isdigit() and doc[i - 2].text[:1].isdigit()
                     or parse_number_word(t.text.lower()) is not None and parse_number_word(doc[i - 2].text.lower()) is not None) \
                and self._after_identifier(doc, i - 2):
            # the end of a range of identifiers: "in den Klassen 5 bis 10", "Artikel 4 bis 7"; session 14 (dev11
            # wn72118): number words alike, "auf die Plätze drei und vier"
            return True
        if prev is not None and prev.text.lower() in self.vague_before and multiplier(t.text) is not None and not t.text[:1].isdigit():
            return True  # "einige hundert", "mehrere tausend Lehrer", "ein paar Dutzend": vague, no figure
        if prev is not None and t.text.lower() in self.fraction_nouns and prev.text.lower() in self.fraction_not_after:
            return True  # "in der ersten Hälfte" (of a match): a part in order, no proportion
        street = prev
        if prev is not None and prev.text == "." and _prev(doc, prev.i) is not None and not prev.whitespace_ is None:
            street = _prev(doc, prev.i)
            street = street if street.i == prev.i - 1 and not street.whitespace_ else None
        if street is not None and street.text[:1].isupper() and re.fullmatch(r"\d{1,3}[a-z]?", t.text) and \
                (street.text.lower() + ("." if street is not prev else "")).endswith(self.street_suffixes) and \
                (nxt is None or not self._is_noun(nxt) or nxt.pos_ == "PROPN"):
            return True  # house number: "Goethestr. 8", "Hauptstraße 12"
        if re.fullmatch(r"\d{5}", t.text) and nxt is not None and nxt.text[:1].isupper() and \
                (nxt.pos_ == "PROPN" or nxt.ent_type_ in ("LOC", "GPE") or (not has_ann(doc, "POS") and prev is not None
                                                                         and prev.text in (",", "in", "D-"))) \
                and (prev is None or not prev.like_num):
            return True  # postcode: "10115 Berlin"
        if self._phone(doc, i):
            return True
        if self._score(doc, i):
            return True
        # (token positions, not `is`: spaCy makes a new Token object on every access)
        if i > 0 and prev is not None and prev.i == i - 1 and not prev.whitespace_ and prev.text[-1:].isalpha():
            return True  # glued to a word: "G 20" split by tokenizer
        if i > 1 and prev is not None and prev.i == i - 1 and not prev.whitespace_ and prev.text in ("-", "/", ".", ":") \
                and doc[i - 2].like_num and not (prev.text == "-" and self._unit_range(doc, i - 2)):
            return True  # "2022-01", "1939/40", "Boeing 737-500"; not the range "300-500 t"
        if re.fullmatch(r"0\d+", t.text):
            return True  # "01", "09": identifiers and date parts
        if nxt is not None and nxt.i == i + 1 and not t.whitespace_ and nxt.text in ("-", "/", ":", ".") and i + 2 < len(doc) and not doc[i + 2].is_space:
            if nxt.text == "-" and self._unit_range(doc, i):
                return False  # "300-500 t schwere", "10-15 Prozent": a range with its unit
            if nxt.text != "." or doc[i + 2].like_num:
                return True  # "30-jährige", "1939/40", "4:45", "17.30"
        if nxt is not None and nxt.text.lower() in self.id_after:
            return True  # "17 Uhr", "12 mal"
        if prev is not None and prev.pos_ == "PROPN" and has_ann(doc, "POS") and t.like_num \
                and prev.text[:1].isupper() and (nxt is None or nxt.pos_ not in _NOUN_POS):
            # session 14 (dev11 wn72118): a partitive after the number counts, the name before it is a
            # recipient ("waren Romney 22 der 23 Delegiertenstimmen zugesprochen worden"); a name after
            # the article stays a name's number ("die Boeing 747 der Lufthansa")
            after = doc[nxt.i + 1] if nxt is not None and nxt.i + 1 < len(doc) else None
            partitive = nxt is not None and nxt.i == i + 1 and nxt.text.lower() in self.genitive_determiners \
                and after is not None and (after.like_num or after.pos_ == "NOUN")
            if prev.text.lower() not in self.qualifiers and not partitive:
                return True  # "Boeing 747"
        if t.like_num and parse_digits(t.text) is not None and re.fullmatch(r"1\d{3}|20\d{2}", t.text):
            if is_bare_year(doc, i, lemma_fn=self.lemma):
                return True
        return False

    @staticmethod
    def _ent_slip(doc: Doc, i: int) -> bool:
        """A number that ends a place or person name and has a unit after it: the model took a
        measure into the name ("Region [Nowgorod 500] Kilometer nördlich von Moskau" as LOC)."""
        t = doc[i]
        if t.ent_type_ not in ("LOC", "GPE", "PER") or t.ent_iob_ == "B" or i + 1 >= len(doc) or doc[i + 1].ent_iob_ == "I":
            return False
        u = lookup_unit(doc[i + 1].text)
        return u is not None and u[0] not in _TIME_UNITS and doc[i + 1].text[:1].isupper() and parse_digits(t.text) is not None

    def _phone(self, doc: Doc, i: int) -> bool:
        """Phone numbers: after "Tel.", "Fax", or in a run of digit groups that starts with
        "+49" or a leading zero ("030 1234567", "+49 30 123456")."""
        k = i
        steps = 0
        while k >= 0 and steps < 8:
            w = doc[k].text
            # an area code in brackets "(030) 123456", not any number in brackets ("(56,1 Prozent)")
            if w.startswith("+") and w[1:].isdigit() and (k < i or self._digit_group_after(doc, i)) or (re.fullmatch(r"0\d+", w) and k < i) or \
                    (w == "(0" or w == "(" and doc[k + 1].text.startswith("0")) and k < i:
                return True
            if k < i and w.lower() in self.phone_words:
                return True
            p = _prev(doc, k)
            if p is None or not (p.text.lstrip("+(").rstrip(")").isdigit() or p.text in ("/", "-", "(", ")") or p.text.lower() in self.phone_words or p.text.lower().rstrip(":") in self.phone_words):
                if p is not None and p.text.lower().rstrip(":") in self.phone_words:
                    return True
                return False
            k = p.i
            steps += 1
        return False

    @staticmethod
    def _digit_group_after(doc: Doc, i: int) -> bool:
        """Is the next token another group of digits ("+49 30 123456"), as in a phone number?"""
        nxt = _next(doc, i)
        return nxt is not None and nxt.text.isdigit()

    def _score(self, doc: Doc, i: int) -> bool:
        """Match results written with "zu" in a sports sentence ("gewann mit 3 zu 1"), and the lines
        of a results table ("Canadiens\t2  - Bruins\t1": names and two numbers around a dash;
        "VfL Wolfsburg – MSV Duisburg 2 : 1 (1 : 1)": the score and the half-time score after them)."""
        text, k = doc.text, doc[i].idx
        a, b = text.rfind("\n", 0, k) + 1, text.find("\n", k)
        line = text[a: b if b >= 0 else len(text)]
        if _RESULT_LINE.fullmatch(line) or _SCORE_LINE.fullmatch(line):
            return True
        nxt, prev = _next(doc, i), _prev(doc, i)
        pair = (nxt is not None and nxt.text.lower() in self.score_words and _next(doc, nxt.i) is not None
                and _next(doc, nxt.i).like_num) or \
               (prev is not None and prev.text.lower() in self.score_words and _prev(doc, prev.i) is not None
                and _prev(doc, prev.i).like_num)
        if not pair:
            return False
        s0, s1 = sentence_bounds(doc, i)
        return any(t.text.lower() in self.score_context or self.lemma(t).lower() in self.score_context for t in doc[s0:s1])

    # -- qualifier --
    def _qualifier(self, doc: Doc, start: int) -> Optional[str]:
        if doc[start].text.lower() in self.fraction_nouns and start > 0 and doc[start - 1].text.lower() in self.definite_articles:
            start -= 1  # "mehr als [die] Hälfte"
        for n in range(self.max_q, 0, -1):
            if start - n < 0:
                continue
            words = " ".join(t.text.lower() for t in doc[start - n: start])
            if words in self.qualifiers:
                if n == 1 and words in self.qualifiers_before_digits_only and not doc[start].text[:1].isdigit():
                    continue  # "verfügt über zwei Pipelines": preposition, not a bound
                return self.qualifiers[words]
        return None

    # -- about --
    def _is_noun(self, t: Token) -> bool:
        if has_ann(t.doc, "POS") and t.pos_:
            return t.pos_ in _NOUN_POS and t.text.lower() not in self.months
        return t.text[:1].isupper() and t.text.replace("-", "").isalpha() and t.text.lower() not in self.months and \
            t.text.lower() not in self.qualifiers and not t.is_sent_start

    def _is_adj(self, t: Token) -> bool:
        if has_ann(t.doc, "POS") and t.pos_:
            if t.pos_ == "VERB" and not t.morph.get("VerbForm") and _ADJ_INFL.match(t.text) \
                    and attributive_before_noun(t, self.attributive_participle_endings, lambda nxt: nxt.pos_ == "NOUN"):
                return True  # a model without morphology: an inflected participle before its noun ("15 verletzte Polizisten")
            return t.pos_ in ("ADJ",) or (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and _ADJ_INFL.match(t.text) is not None)
        return bool(_ADJ_INFL.match(t.text)) and t.text.lower() not in self.article_forms \
            and t.text.lower() not in self.function_words

    def _about_parse(self, doc: Doc, f: dict) -> Optional[Token]:
        span_toks = set(range(f["start"], f["end"]))
        head_tok = doc[f["end"] - 1]  # unit or multiplier or the number itself
        # climb out of the figure span
        t = head_tok
        for _ in range(4):
            if t.head.i == t.i:
                break
            if t.head.i in span_toks:
                t = t.head
                continue
            break
        # number/unit modifying a noun directly
        cand = t.head if t.head.i != t.i else None
        units_inside = f["unit"] is not None and f["end"] - 1 > f["num"]
        if units_inside:
            unit_tok = doc[f["end"] - 1]
            # "7000 Kilometer lange Grenze": unit <- adj -> noun
            # not past a noun the unit hangs on ("auf einer Höhe von 180 Metern gelegenem Drehrestaurant")
            heads = (unit_tok.head,) if unit_tok.head.pos_ in _NOUN_POS and unit_tok.head.i not in span_toks else (unit_tok.head, unit_tok.head.head)
            for c in heads:
                if c.i not in span_toks and c.pos_ == "ADJ" and c.head.pos_ in _NOUN_POS and c.head.i > c.i:
                    return c.head
            # "Prozent der Stimmen", "Millionen Euro Schaden"; after "X von <figure>" a second
            # von-phrase is the source, not the measured ("eine Spende von 180 Dollar vom Ministerium")
            q0 = self._qualifier_start(doc, f["start"])
            after_von = q0 > 0 and doc[q0 - 1].text.lower() in self.von
            for ch in unit_tok.children:
                if ch.i > unit_tok.i and ch.pos_ in _NOUN_POS and ch.dep_ in _GEN_DEPS | {"nk", "appos", "compound"} \
                        and self._genitive_like(ch) and not (after_von and any(c.text.lower() in self.von for c in ch.children if c.i < ch.i)):
                    return ch
            return None
        nxt = doc[f["end"]] if f["end"] < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and cand is not None and cand.i != nxt.i and nxt.text[:1].isupper() \
                and lookup_unit(nxt.text) is None and nxt.text.lower() not in self.months:
            return nxt  # "alle 27 EU-Staaten Konzepte": the noun right after a count is what it counts, not a later head
        if cand is not None and cand.i not in span_toks and cand.pos_ in _NOUN_POS and t.dep_ in _NUM_DEPS:
            return cand
        # partitive "9 der 15 Staaten", "zwei Drittel der Bevölkerung"
        for ch in t.children:
            if ch.i > t.i and ch.pos_ in _NOUN_POS and ch.dep_ in _GEN_DEPS and self._genitive_like(ch):
                return ch
        return None

    def _unit_genitive(self, doc: Doc, f: dict) -> bool:
        """Does a genitive noun phrase follow the amount's unit ("von 75 Prozent der Parlamentarier",
        "auf Grundlage von 65 Prozent ausgezählter Wahlbezirke")? Then the unit counts a part of
        that noun, which is what is measured (guidelines: "40 Prozent der Landesfläche" ->
        Landesfläche), not the noun before "von" ("Zustimmung", "Anteil")."""
        j = f["end"]
        if f["unit"] is None or j + 1 >= len(doc):
            return False
        w = doc[j]
        if w.text.lower() in self.genitive_determiners:
            k = j + 1
            while k < len(doc) and self._is_adj(doc[k]) and not self._is_noun(doc[k]):
                if doc[k].text.endswith("e"):
                    return False  # a weak adjective in -e after "der" is nominative: "mit 4,6 Prozent der größte Verlierer"
                k += 1
            return k < len(doc) and self._is_noun(doc[k])
        # a strong genitive plural adjective before its noun ("ausgezählter Wahlbezirke")
        return w.text.islower() and w.text.endswith("er") and self._is_adj(w) and self._is_noun(doc[j + 1]) \
            and lookup_unit(doc[j + 1].text) is None

    def _genitive_like(self, noun: Token) -> bool:
        """A partitive/genitive dependent ("der Stimmen", "von ihnen"), not a prepositional
        phrase ("in den Straßen", "für den Posten")."""
        case = [c for c in noun.children if c.i < noun.i and (c.dep_ in ("case", "mo") or c.pos_ == "ADP")]
        if case:
            return all(c.text.lower() in self.von for c in case)
        dets = [c for c in noun.children if c.i < noun.i and c.pos_ == "DET"]
        # session 14 (dev11 wn73970): also a demonstrative or possessive of `partitive_words` ("Die Zahl dieser
        # in Frankreich nomadisch lebenden Personen wird auf etwa 400.000 geschätzt" -> Person)
        return not dets or any(d.text.lower() in self.genitive_determiners or d.text.lower() in self.partitive_words for d in dets)

    def _about_linear(self, doc: Doc, f: dict) -> Optional[Token]:
        j = f["end"]
        has_unit = f["unit"] is not None
        n = len(doc)
        if not has_unit and j < n and doc[j].text == "(":
            # "45 (34,1 Prozent) Sitze": the counted noun after a bracket
            close = next((k for k in range(j + 1, min(n, j + 8)) if doc[k].text == ")"), None)
            if close is not None:
                j = close + 1
        # partitive "9 der 15 Nachfolgestaaten", "zwei Drittel der Bevölkerung"
        while j < n and doc[j].is_space:
            j += 1
        if has_unit and j + 1 < n and doc[j].text.lower() in self.content_prepositions:
            # "50 Milliarden Euro an Hilfen", "zwei Tonnen an Waffen": what the amount consists of, a
            # bare noun (no article: "30 Prozent an der Firma" is a share in it, not of it)
            k = j + 1
            while k < n and k < j + 4 and self._is_adj(doc[k]) and not self._is_noun(doc[k]):
                if doc[k].text.endswith("e"):
                    return None  # an accusative: the receiver ("1 Million Dollar an wohltätige Organisationen")
                k += 1
            if k < n and self._is_noun(doc[k]) and doc[k].pos_ != "PROPN" and lookup_unit(doc[k].text) is None \
                    and self.lemma(doc[k].head).lower() not in self.recipient_verbs:
                return doc[k]
            return None
        if j < n and doc[j].text.lower() in self.partitive_words:  # also "Zwei seiner vier Kinder"
            k = j + 1
            skipped = 0
            while k < n and skipped < 3 and (self._is_adj(doc[k]) or doc[k].is_space or doc[k].like_num
                                                      or parse_number_word(doc[k].text) is not None or doc[k].text.lower() in self.partitive_articles):
                skipped += not doc[k].is_space
                k += 1
            if k < n and self._is_noun(doc[k]):
                return doc[k]
            return None
        # coordinated numbers share the noun: "zwischen 130.000 und 200.000 Betreuungsplätze"
        # and a vote "21 zu 8 Stimmen" (a match result "3:1" is no figure)
        q = 1 if j + 2 < n and doc[j + 1].text.lower() in self.qualifiers else 0  # "von derzeit 2000 auf rund 15.000 Soldaten"
        if not has_unit and j + 1 + q < n and doc[j].text.lower() in self.links_before_digits and \
                parse_digits(doc[j + 1 + q].text) is not None or (j + 1 < n and doc[j].text.lower() in self.links_before_words
                                                                 and parse_number_word(doc[j + 1].text) is not None):
            j += 2 + (q if parse_digits(doc[j + 1 + q].text) is not None else 0)
            while j < n and multiplier(doc[j].text):
                j += 1
        k = j
        steps = 0
        while k < n and steps < 4:
            t = doc[k]
            if t.is_space:
                k += 1
                continue
            if t.is_punct:
                return None
            if self._is_noun(t) and not t.like_num:
                if self._labels_count(doc, k):
                    return None  # "28.56 % Sitze 7 (": the noun is the next count's label
                if has_unit and k == j and (f["unit"] in _TIME_UNITS or t.is_sent_start or (t.pos_ == "PROPN" and not self._common_propn(t))
                                            or lookup_unit(t.text) is not None):
                    return None  # "8 Milliarden Euro Staatsschulden" -> Staatsschuld; not a name
                return t
            if self._is_adj(t) or ((t.text.lower() in self.coordinators or t.text == "-") and k + 1 < n and self._is_adj(doc[k + 1])) or \
                    (not has_unit and t.pos_ == "ADV" and k + 2 < n and self._is_adj(doc[k + 1]) and self._is_noun(doc[k + 2])) or \
                    (k == j and has_unit and t.text.lower() in self.comparatives):  # "7,5% mehr Ausgaben"
                k += 1
                steps += 1
                continue
            return None
        return None

    def _qualifier_start(self, doc: Doc, start: int) -> int:
        """Index of the first token of the qualifier before ``start`` (``start`` if none)."""
        for n in range(self.max_q, 0, -1):
            if start - n >= 0 and " ".join(t.text.lower() for t in doc[start - n: start]) in self.qualifiers:
                return start - n
        return start

    def _about_context(self, doc: Doc, f: dict) -> Optional[Token]:
        """`_about_verb`, and for money that no other rule explains, its purpose (`_purpose`)."""
        self._purpose_ctx = None
        tok = self._about_verb(doc, f)
        if tok is None and self._purpose_ctx is not None:
            tok = self._purpose(doc, f, *self._purpose_ctx)
        return tok

    @staticmethod
    def _same_sentence(doc: Doc, i: int, j: int) -> bool:
        return sentence_bounds(doc, i) == sentence_bounds(doc, j)

    @staticmethod
    def _common_propn(t: Token) -> bool:
        """A word tagged PROPN that is in no name the model found ("13 Tonnen Kerosin"): a
        tagging slip, the measured noun."""
        return not t.ent_type_

    def _distance(self, doc: Doc, f: dict) -> bool:
        """A length that says how far a place lies from another: a word of `distance_words`
        ("entfernt", "nördlich") follows in the same clause, before any punctuation."""
        for t in doc[f["end"]: min(len(doc), f["end"] + 6)]:
            if t.is_punct:
                return False
            low = t.text.lower()
            if low in self.distance_words or _adj_stem(low, self.distance_words):
                return True  # attributive too: "ins 180 km entfernte Nairobi"
        return False

    def _about_measure_noun(self, doc: Doc, f: dict) -> Optional[Token]:
        """A bare number right after a noun of `measure_nouns_before` is its value: "ein Erdbeben
        der Stärke 4,4", "auf Stufe 3"."""
        if f["unit"] is not None or f["start"] == 0:
            return None
        p = doc[f["start"] - 1]
        return p if p.text.lower() in self.measure_nouns_before else None

    def _measured_noun(self, t: Optional[Token]) -> bool:
        """A common noun that can be measured: no name, no unit, no number."""
        return t is not None and self._is_noun(t) and not t.like_num and lookup_unit(t.text) is None \
            and not (t.pos_ == "PROPN" and not self._common_propn(t))

    def _about_bound(self, doc: Doc, f: dict) -> Optional[Token]:
        """An amount with a unit after "NOUN bis/über/unter/mit" (qualifiers between) gives that
        noun's value: "in der Gewichtsklasse bis 53 Kilogramm", "ein Elektroauto mit 1.000 PS"."""
        if f["unit"] is None:
            return None
        k = f["start"] - 1
        prep = None
        while k > 0 and f["start"] - k <= 4 and doc[k].text.lower() in self.bound_words:
            if doc[k].text.lower() in self.bound_prepositions:
                prep = doc[k].text.lower()
            k -= 1
        if prep is None or (prep in self.bound_not_for_percent and f["unit"] == "%"):
            return None
        if doc[k].text.lower() in self.rank_nouns:
            return None  # "nimmt den dritten Platz mit 0,186 MW/km² ein": a rank, not what is measured
        if doc[k].text.lower() in self.period_nouns:
            # session 15 (dev12 wn74430): "Umsatzerlöse in Höhe von 80,9 Mio. Euro - das ist mehr als das Doppelte
            # gegenüber dem Vorjahr mit 33,1 Mio. Euro": a period compared is not measured (the amount in the
            # unit before is, `elliptic_unit`)
            return None
        if doc[k].text == ")" and prep == "für":
            # an aside between the noun and its price: "einige Upgrade-Versionen (Voraussetzung ist der
            # Besitz von Windows Vista) für 120 bis 299 Euro" (dev10 wn58800)
            k = next((j for j in range(k - 1, max(-1, k - 30), -1) if doc[j].text in ("(", ")")), -1)
            if k < 1 or doc[k].text != "(":
                return None
            k -= 1
        return doc[k] if self._measured_noun(doc[k]) else None

    def _about_as(self, doc: Doc, f: dict) -> Optional[Token]:
        """An amount with a unit named by "als NOUN" after it: "325 km/h als Höchstgeschwindigkeit"."""
        j = f["end"]
        if f["unit"] is None or j + 1 >= len(doc) or doc[j].text.lower() not in self.as_words:
            return None
        k = j + 1 + (1 if j + 2 < len(doc) and self._is_adj(doc[j + 1]) else 0)
        return doc[k] if self._measured_noun(doc[k]) else None

    def _elliptic_count(self, doc: Doc, prev_span: Span, f: dict) -> bool:
        """A bare count with no noun of its own counts what the count before it counted: in its
        sentence ("von den neun Gründungsmitgliedern sind nur noch sechs übrig", "rund 30.000
        Menschen ..., in Medienberichten ist von etwa 20.000 die Rede": an article or a
        preposition after the count starts a phrase of its own), or in the sentence before
        after a word of `elliptic_cues` ("20.000 Menschen ... Weitere 5.000")."""
        if not prev_span._.about or prev_span._.unit is not None:
            return False
        if not self._same_sentence(doc, prev_span.start, f["num"]):
            s0 = sentence_bounds(doc, f["num"])[0]
            q0 = self._qualifier_start(doc, f["start"])
            if q0 == 0 or doc[q0 - 1].text.lower() not in self.elliptic_cues or \
                    sentence_bounds(doc, prev_span.start)[1] != s0:
                return False
        nxt = _next(doc, f["end"] - 1)
        if nxt is None:
            return True
        # a finite verb right after the count: the count is the subject ("und 29 waren Opfer von Entführungen")
        return not self._is_noun(nxt) and (nxt.text.lower() not in self.function_words or nxt.pos_ in ("DET", "ADP", "AUX"))

    def _vote_context(self, doc: Doc, f: dict) -> bool:
        """Does the figure's sentence, or one of the `sentences_before` before it, name an election,
        a vote or a poll (`vote_shares`)?"""
        s0, s1 = sentence_bounds(doc, f["num"])
        for _ in range(self.vote_sentences_before):
            if s0 == 0:
                break
            s0 = sentence_bounds(doc, s0 - 1)[0]
        tagged = has_ann(doc, "POS")
        for t in doc[s0:s1]:
            low = t.text.lower()
            # a noun that starts or ends with a cue ("Wahlgang", "Landtagswahlen"), not a verb ("bestimmen"),
            # also not one that opens a sentence ("Bestimmen Sie selbst, ..."): tagged, a NOUN or PROPN;
            # untagged, no sentence's first word
            if tagged and t.pos_:
                if t.pos_ not in ("NOUN", "PROPN"):
                    continue
            elif not t.text[:1].isupper() or sentence_bounds(doc, t.i)[0] == t.i:
                continue
            if any(low.startswith(p) or low.endswith(tuple(p + e for e in self.vote_part_endings)) for p in self.vote_parts) \
                    and not any(p in low for p in self.vote_not_parts):
                return True
        return False

    @staticmethod
    def _last_count(out: list) -> Optional[Span]:
        """The last figure before that is no age: an age in brackets between a count and its elliptic
        continuation ("14 der 19 Personen (alle im Alter zwischen 17 und 35 Jahren) wohnen in London und
        vier in Buckinghamshire") counts nothing the continuation shares."""
        return next((sp for sp in reversed(out) if sp._.about_rule != "age"), None)

    def _further_count(self, doc: Doc, out: list, f: dict) -> Optional[str]:
        """A bare count right after or before a word of `elliptic_cues` ("weitere 929", "35 weitere")
        with no noun after it counts what the count before it in its sentence counted, or, with none,
        the noun an article counts there ("kam ein Mensch ums Leben, 35 weitere wurden verletzt")."""
        if f["unit"] is not None or (f["scale"] != 1 and not f["bare"]):
            # no unit, and no scale unless bare: the precedence Python gave it, written out (no test
            # tells it from "(unit or scale) and not bare")
            return None
        q0 = self._qualifier_start(doc, f["start"])
        j = f["end"]
        if j < len(doc) and doc[j].text.lower() in self.elliptic_cues:
            j += 1
        elif not (q0 > 0 and doc[q0 - 1].text.lower() in self.elliptic_cues):
            return None
        if j < len(doc) and (self._is_noun(doc[j]) or doc[j].pos_ in ("ADJ", "VERB") and _ADJ_INFL.match(doc[j].text)
                             and attributive_before_noun(doc[j], _ADJ_ENDINGS, self._is_noun)):
            return None  # "weitere 20 Soldaten", "weitere 20 verletzte Soldaten": the count has its own noun
        last = self._last_count(out)
        if last is not None and last._.about and last._.unit is None and self._same_sentence(doc, last.start, f["num"]):
            return last._.about
        s0 = sentence_bounds(doc, f["num"])[0]
        for k in range(q0 - 2, s0 - 1, -1):
            if doc[k].text.lower() in self.article_forms and self._measured_noun(doc[k + 1]):
                return self.about_lemma(doc, doc[k + 1])
        return None

    def _same_unit_earlier(self, out: list, f: dict) -> Optional[Span]:
        """The last figure before ``f`` in the article in its unit whose `about` is no bare quantity noun."""
        for sp in reversed(out):
            if sp._.unit == f["unit"] and sp._.about and sp._.about.lower() not in self.bare_quantity_nouns:
                return sp
        return None

    def _same_unit_before(self, doc: Doc, out: list, f: dict) -> Optional[Span]:
        """The figure before ``f`` in its sentence that says what an amount with nothing of its
        own measures: the last one in the same unit, counts between skipped ("eine Geldstrafe
        von 20.000 Euro (für jedes der vier Vergehen 5.000 Euro)"), or a money amount right
        before a bracket that converts it ("für 248 Millionen US-Dollar (etwa 210 Millionen Euro)")."""
        q0 = self._qualifier_start(doc, f["start"])
        if out and out[-1]._.about and f["unit"] in self.money_units and out[-1]._.unit in self.money_units \
                and q0 > 0 and doc[q0 - 1].text == "(" and out[-1].end == q0 - 1:
            return out[-1]
        for sp in reversed(out):
            if not self._same_sentence(doc, sp.start, f["num"]):
                return None
            if sp._.unit == f["unit"]:
                return sp if sp._.about else None
            if sp._.unit is not None:
                return None
        return None

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

    @staticmethod
    def _unit_range(doc: Doc, i: int) -> bool:
        """Is doc[i] the first number of "300-500 t", a range glued by a hyphen with a unit
        (no time unit: "1939-45 Jahre" stays out) after the second number?"""
        if i + 3 >= len(doc) or not re.fullmatch(r"\d+(?:,\d+)?", doc[i].text) or not re.fullmatch(r"\d+(?:,\d+)?", doc[i + 2].text):
            return False
        u = lookup_unit(doc[i + 3].text)
        return u is not None and u[0] not in _TIME_UNITS and parse_digits(doc[i].text) < parse_digits(doc[i + 2].text)

    def _after_von(self, doc: Doc, i: int) -> bool:
        """"von" (measures.json "change_links") right before doc[i], or with one adverb between:
        "von derzeit 2000 auf rund 15.000 Soldaten"."""
        if i > 0 and doc[i - 1].text.lower() in self.change_from:
            return True
        return i > 1 and doc[i - 1].pos_ == "ADV" and doc[i - 2].text.lower() in self.change_from

    def _change_first(self, doc: Doc, out: list, f: dict) -> Optional[Span]:
        """The count that opens "von X NOUN ... auf Y" when ``f`` is its bare Y: the last figure, a count with
        an `about`, in the same sentence after "von" (`change_links`), and only words of its phrase between
        it and the "auf" right before ``f`` (no verb, no comma)."""
        if not out or not f["bare"]:
            return None
        q0 = self._qualifier_start(doc, f["start"])
        prev = out[-1]
        if q0 < 1 or doc[q0 - 1].text.lower() not in self.change_to or prev._.unit is not None or not prev._.about \
                or not self._same_sentence(doc, prev.start, f["num"]):
            return None
        p0 = self._qualifier_start(doc, prev.start)
        if p0 < 1 or doc[p0 - 1].text.lower() not in self.change_from:
            return None
        if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in doc[prev.end: q0 - 1]):
            return None
        return prev

    def _changed_from(self, doc: Doc, q0: int) -> bool:
        """Is the amount that starts at ``q0`` (after "auf") the second of "von X auf Y" (`change_links`):
        "von" + a number (an adverb between allowed) right before the "auf"?"""
        k = q0 - 2  # the token before "auf"
        while k >= 0 and (doc[k].like_num or multiplier(doc[k].text) or lookup_unit(doc[k].text) is not None) and q0 - k < 6:
            k -= 1
        return k < q0 - 2 and self._after_von(doc, k + 1)

    def _labels_count(self, doc: Doc, k: int) -> bool:
        """Is doc[k] a plural noun that labels the bare count after it in a table line: "Sitze 7 (",
        "Sitze 0\n"? (A singular noun before a number names its value: "Stufe 3", "Artikel 5".)"""
        t = doc[k]
        if k + 1 >= len(doc) or not t.is_alpha or not t.text[:1].isupper() or not self._is_noun(t) \
                or not re.fullmatch(r"\d+", doc[k + 1].text) or "\n" in t.whitespace_:
            return False
        after = doc[k + 2] if k + 2 < len(doc) else None
        if not (after is None or after.text == "(" or after.is_space or "\n" in doc[k + 1].whitespace_):
            return False
        lem = self.lemma(t)
        return lem != t.text and t.text.startswith(lem[:-1] if lem.endswith("e") else lem)

    def _about_list_heading(self, doc: Doc, f: dict) -> Optional[Token]:
        """A figure of a list after a colon whose heading announces it with a word of `list_headings`
        ("hat für die Parteien folgende Mittelwerte ... ergeben: CDU/CSU 31 Prozent; SPD 28 Prozent"):
        the heading's noun (dev8 annotators' call). The colon is the last one before the figure in
        its sentence, or the end of the sentence before; adjectives between the heading word and its noun are skipped."""
        s0 = sentence_bounds(doc, f["num"])[0]
        colon = next((k for k in range(f["start"] - 1, s0 - 1, -1) if doc[k].text == ":"), None)
        if colon is None:
            # the list on a line of its own: the sentence before ends with the colon
            k = s0 - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k < 0 or doc[k].text != ":":
                return None
            colon, s0 = k, sentence_bounds(doc, k)[0]
        for k in range(s0, colon):
            if doc[k].text.lower() not in self.list_headings:
                continue
            j = k + 1
            while j < colon and self._is_adj(doc[j]) and not self._is_noun(doc[j]):
                j += 1
            if j < colon and self._measured_noun(doc[j]):
                return doc[j]
        return None

    def _table_heading(self, doc: Doc, f: dict) -> Optional[Token]:
        """The noun of a heading line above the figure's line (`table_headings`): a line of at most
        `max_words` words, the first a capitalised noun, the rest capitalised or numbers (a year), that
        ends with a colon ("Wahlergebnisse 2005:"). Up to `lines_before` non-blank lines back; a line of
        prose (ending with a period, more than `prose_words` words) in between ends the search: the
        figure is not in a table under that heading."""
        text = doc.text
        pos = text.rfind("\n", 0, doc[f["start"]].idx) + 1
        seen = 0
        while pos > 0 and seen < self.table_heading_lines:
            end = pos - 1
            pos = text.rfind("\n", 0, end) + 1
            line = text[pos:end].strip()
            if not line:
                continue
            seen += 1
            words = line[:-1].split()
            if line.endswith(":") and 0 < len(words) <= self.table_heading_words and words[0][:1].isupper() \
                    and all(w[:1].isupper() or w.isdigit() for w in words):
                at = pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
                sp = doc.char_span(at, at + len(words[0]), alignment_mode="expand")
                tok = sp[0] if sp is not None and len(sp) else None
                return tok if self._measured_noun(tok) and tok.pos_ != "PROPN" else None
            if line.endswith(".") and len(line.split()) > self.table_prose_words:
                return None
        return None

    def _about_label(self, doc: Doc, f: dict) -> Optional[Token]:
        """A count that ends a "Label: N" line of a table counts the label: "Stimmberechtigte: 39611",
        "Anzahl Gemeinden: 17 / 17" (a container noun first: the noun after it). Counts only: "Partei:
        28.56 %" is a party's result, which the label does not name."""
        if f["unit"] is not None:
            return None
        if f["start"] > 0 and self._labels_count(doc, f["start"] - 1):
            return doc[f["start"] - 1]  # "Sitze 7 (2001: 35,2%)": a plural noun before the count
        k = f["start"] - 1
        if k >= 2 and doc[k].text == "/" and doc[k - 1].like_num:
            k -= 2  # the second of "17 / 17"
        nxt = doc[f["end"]] if f["end"] < len(doc) else None
        if k < 1 or doc[k].text != ":" or not (nxt is None or nxt.is_space or "\n" in doc[f["end"] - 1].whitespace_
                                                or (nxt.text == "/" and f["end"] + 1 < len(doc) and doc[f["end"] + 1].like_num)):
            return None
        j = k
        while j > 0 and not (doc[j - 1].is_space or "\n" in doc[j - 1].whitespace_):
            j -= 1
        label = list(doc[j:k])
        if not 0 < len(label) <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in label):
            return None  # the label starts its line and is one to three capitalised words
        if len(label) > 1 and label[0].text.lower() not in self.container_nouns:
            return None
        return label[-1]

    def _about_partitive_genitive(self, doc: Doc, f: dict) -> Optional[Token]:
        """A count of a part of a definite set: "zwei der drei Manager", "drei der wichtigsten
        Firmen", "zwei Drittel der Einnahmen" -> the set's noun (the parse often hangs the count
        on a later noun)."""
        # a percentage too: "Etwa zehn Prozent der achtzig Millionen Ägypter" (the parse hangs the genitive on the number)
        if f["unit"] not in (None, "%") or f["end"] + 1 >= len(doc) or doc[f["end"]].text.lower() not in self.genitive_determiners:
            return None
        k = f["end"] + 1
        while k < min(len(doc), f["end"] + 4) and self._base(doc, k) is None and not self._is_noun(doc[k]) and \
                (doc[k].pos_ == "ADV" or _ADJ_INFL.match(doc[k].text)):
            k += 1  # "130 der noch übrigen 500 Mitarbeiter" (dev6)
        if self._base(doc, k) is None:
            k = f["end"] + 1
        g = self._base(doc, k)
        if g is not None:
            k = g[1]  # "zwei der drei Manager"
            while k < len(doc) and multiplier(doc[k].text):
                k += 1  # "der achtzig Millionen Ägypter"
        k0 = k
        while k < len(doc) and k < k0 + 4 and not self._is_noun(doc[k]) and (
                _ADJ_INFL.match(doc[k].text) or (doc[k].pos_ == "ADV" or doc[k].text == "zu") and g is None
                and k + 1 < len(doc) and (_ADJ_INFL.match(doc[k + 1].text) or doc[k + 1].text == "zu")):
            # "der wichtigsten"; session 14 (dev11 wn72118): a gerundive with its adverb, "die Hälfte der noch
            # zu vergebenden Delegiertenstimmen"
            k += 1
        if k < len(doc) and self._is_noun(doc[k]) and doc[k].text[:1].isupper() and lookup_unit(doc[k].text) is None \
                and not doc[k].ent_type_:
            return doc[k]
        return None

    def _about_verb(self, doc: Doc, f: dict) -> Optional[Token]:
        """What a figure measures when no counted noun follows it: the noun of a von-phrase
        ("ein Minus von 3 Prozent"), an apposition ("der Umsatz, 4,2 Milliarden Euro"), or the
        subject of a measuring verb ("Die Inflation stieg auf 7,9 Prozent", "Die Temperatur lag
        bei minus 12 Grad", "Die Kosten betragen 12 Millionen Euro")."""
        self._context_rule = None
        q0 = self._qualifier_start(doc, f["start"])
        prev = _prev(doc, q0)
        n = self._about_amount(doc, f)
        if n is not None:
            return n
        if prev is not None and prev.text == "," and f["unit"] is not None:
            n = _prev(doc, prev.i)
            if n is not None and self._is_noun(n) and n.pos_ != "PROPN":
                d = _prev(doc, n.i)
                nxt = _next(doc, f["end"] - 1)
                if (d is None or d.pos_ == "DET" or n.is_sent_start) and (nxt is None or nxt.text in (",", ")", ".", "–")):
                    self._context_rule = "apposition"
                    return self._through_container(n)
        if not has_ann(doc, "DEP"):
            return None
        t = doc[f["end"] - 1]
        for _ in range(4):
            if t.head.i != t.i and f["start"] <= t.head.i < f["end"]:
                t = t.head
            else:
                break
        preps = {c.text.lower() for c in t.children if c.dep_ in ("case", "mo") or (c.pos_ == "ADP" and c.i < t.i)}
        if not preps and f["start"] > 0 and doc[q0 - 1].pos_ == "ADP" if q0 > 0 else False:
            preps = {doc[q0 - 1].text.lower()}
        v = t.head
        passed_noun = False
        for _ in range(3):
            if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                break
            if v.pos_ in _NOUN_POS:
                passed_noun = True  # "liegt per Definition bei 380 US-Dollar": the parse hangs it on "Definition"
            v = v.head
        if preps and v.pos_ in ("VERB", "AUX"):
            c0, c1 = self._clause_of(doc, f)
            if not c0 <= v.i < c1:
                # session 14 (dev11 wn46358): the parse hangs the figure on the next clause's verb ("Die Zahl
                # der Todesopfer liegt bei 56, etwa 120 Personen wurden verletzt"); a measuring verb before it
                # in its own clause that takes its preposition is its verb
                own = next((k for k in reversed(doc[c0:q0]) if k.pos_ in ("VERB", "AUX")
                            and preps & set(self.measuring_verbs.get(self.verb_lemma(k)) or ())), None)
                if own is not None:
                    v = own
                elif c0 < len(doc) and self._relative_antecedent(doc[c0]) is not None and any(
                        k.pos_ in ("VERB", "AUX") and preps & set(self.measuring_verbs.get(self.verb_lemma(k)) or ())
                        for k in doc[f["end"]: c1]):
                    # session 15 (dev12 wn77697): a relative clause with its measuring verb at the end ("eine
                    # Reduzierung der Fördermengen, die effektiv bei 31 Millionen Barrel pro Tag liegen"), which
                    # the parse hangs on the main clause: the relative pronoun's noun
                    self._context_rule = "verb_subject_relative"
                    return self._relative_antecedent(doc[c0])
        self._purpose_ctx = (t, v, preps) if f["unit"] in self.money_units else None
        if v.pos_ not in ("VERB", "AUX"):
            return self._copula_subject(f, t, preps)
        if f["unit"] in self.speed_units and preps & self.speed_prepositions:
            subj, how = self.subject_of(v, exclude=t.i)  # "raste der Jet mit 150 km/h"
            if subj is not None:
                self._context_rule = "speed_subject" + how
                return subj
        lem = self.verb_lemma(v)
        if lem in self.object_verbs:
            # "Den Börsenwert beziffert der Focus auf 17 Milliarden Euro": the object is measured
            if not preps & self.object_verbs[lem]:
                return None
            acc = self._accusative_subject(v)
            if acc is None:
                # session 15 (dev12 wn34097): "der Pilot schätzte die Entfernung auf weniger als 100 Meter": the
                # parse makes both nouns subjects; a verb has one, so the one after the verb is its object
                subs = [c for c in v.children if c.dep_ in self.subject_deps and c.pos_ == "NOUN" and not f["start"] <= c.i < f["end"]]
                if len(subs) == 2 and subs[0].i < v.i < subs[1].i:
                    acc = subs[1]
            if acc is not None:
                self._context_rule = "verb_object_accusative"
                return self._through_container(acc)
            for c in v.children:
                if c.dep_ in self.object_deps and c.pos_ == "NOUN" and not f["start"] <= c.i < f["end"]:
                    self._context_rule = "verb_object"
                    return self._through_container(c)
            allowed = self.object_verbs[lem]  # passive or reflexive: the subject
        else:
            allowed = self.measuring_verbs.get(lem)
        change = bool(preps & self.change_to) and self._changed_from(doc, q0)
        if allowed is None and f["unit"] is not None and preps & self.difference_prepositions and any(
                k.pos_ == "VERB" and self.verb_lemma(k) in self.um_object_verbs for k in doc[slice(*self._clause_of(doc, f))]):
            # session 15 (dev12 wn72918, the annotators' call): "einen Bauunternehmer ... um 40 Millionen Yen
            # erleichtert": a verb whose "um" names what is taken or asked for measures no change of its
            # object (the verb of the clause: the parse hangs the amount on any verb of it)
            return None
        if allowed is None and f["unit"] is not None and (preps & self.difference_prepositions or change):
            # also a change "von X auf Y" ("Die Hunde-Abgabe verändert sich von 120 auf 132 Euro")
            # "Die Außenmauern hatten sich um 2,5 Zentimeter verschoben", "erhöhte die Steuer um 3
            # Prozent": a change by an amount, of the object when there is one, else of the subject
            for c in v.children:
                if c.dep_ in self.object_deps and c.pos_ == "NOUN" and not f["start"] <= c.i < f["end"]:
                    self._context_rule = "difference_object"
                    return self._through_container(c)
            subj, how = self.subject_of(v, exclude=t.i)
            if subj is not None:
                self._context_rule = "difference_subject" + how
                return self._through_container(subj)
            return None
        if allowed is None:
            return None
        after = doc[f["end"]].text.lower() if f["end"] < len(doc) else None
        if allowed and not (preps & allowed) and not (f["unit"] is not None and after in allowed):
            # session 14 (dev11 wn80937, wn75087): an amount with a unit right before the preposition is a
            # difference, still the subject's ("Der Lohn der Arbeiter liege derzeit 25 bis 30 Prozent unter
            # dem Tariflohn", "der Wert ... 50 Prozent über dem Grenzwert lag")
            return None
        if passed_noun and not preps & self.rate_prepositions:
            return None
        if lem in self.predicate_only_with_unit and f["unit"] is None:
            return None
        subj, how = self.subject_of(v, exclude=t.i)
        if subj is not None:
            gapped = self._gapped_subject(doc, subj, q0)
            if gapped is not None:
                subj, how = gapped, "_gapping"
            self._context_rule = "verb_subject" + how
            return self._through_container(subj)
        return None

    def _about_degree(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 15 (dev12 wn40269, wn45213; dev7 wn37353): a share after "zu"/"zur"
        (`degree_prepositions`) says to what degree the clause holds of its subject: "die Kosten ...
        werden nur noch zur Hälfte von den Krankenkassen übernommen" -> Kosten, "die Finanzierung,
        die zu 90 Prozent aus privaten Geldern bestehen soll" -> Finanzierung (the relative pronoun's
        noun). Only a percentage or a fraction noun with no genitive or noun after it ("zu 90 Prozent
        der Stimmen" is a partitive), and not after "bis" ("bis zu 90 Prozent" is a bound)."""
        if not has_ann(doc, "DEP"):
            return None
        fraction = f["unit"] is None and doc[f["end"] - 1].text.lower() in self.fraction_nouns
        if f["unit"] != "%" and not fraction:
            return None
        q0 = self._qualifier_start(doc, f["start"])
        p = _prev(doc, q0)
        if p is None or p.text.lower() not in self.degree_prepositions:
            return None
        pp = _prev(doc, p.i)
        if pp is not None and pp.text.lower() in self.degree_not_after:
            return None
        nxt = _next(doc, f["end"] - 1)
        if nxt is not None and (self._is_noun(nxt) or nxt.text.lower() in self.genitive_determiners):
            return None
        v = doc[f["end"] - 1].head
        for _ in range(3):
            if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                break
            v = v.head
        if v.pos_ not in ("VERB", "AUX"):
            return None
        subj, how = self.subject_of(v, exclude=f["end"] - 1)
        if subj is None:
            # a passive the parse reads as active: its patient is labelled as the object
            subj = next((c for c in v.children if c.dep_ in self.object_deps and c.pos_ == "NOUN"
                         and not f["start"] <= c.i < f["end"]), None)
        if subj is None or not self._measured_noun(subj):
            return None
        return self._through_container(subj)

    def _partitive_antecedent(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 15 (dev12 wn66494, dev8 wn74327, dev8 wn2240): the noun a partitive pronoun stands for,
        when no figure before gives the count's `about`: "zu mehreren Nachbeben, von denen zwei ..." (the
        relative pronoun's noun before the comma), "Im Bus befanden sich Kindergartenkinder, mindestens 40
        von ihnen wurden getötet", "die Triebe ... geteilt und die Hälfte davon ... eingefroren" (the
        nearest subject or object noun before it in the sentence)."""
        n = len(doc)
        pron = None
        if f["end"] + 1 < n and doc[f["end"]].text.lower() in self.partitive_pronoun_before \
                and doc[f["end"] + 1].text.lower() in self.partitive_pronouns:
            pron = doc[f["end"] + 1]  # "40 von ihnen"
        elif f["end"] < n and doc[f["end"]].text.lower() in self.partitive_adverbs:
            pron = doc[f["end"]]  # "die Hälfte davon"
        else:
            q0 = self._qualifier_start(doc, f["start"])
            if q0 >= 2 and doc[q0 - 1].text.lower() in self.partitive_pronouns \
                    and doc[q0 - 2].text.lower() in self.partitive_pronoun_before:
                pron = doc[q0 - 1]  # "von denen zwei"
        if pron is None:
            return None
        if pron.text.lower() in self.partitive_relatives:
            # "..., von denen zwei": the noun before the comma
            c = next((j for j in range(pron.i - 1, max(-1, pron.i - 4), -1) if doc[j].text == ","), None)
            if c is None or c < 1:
                return None
            t = doc[c - 1]
            return t if self._measured_noun(t) and t.pos_ != "PROPN" else None
        s0 = sentence_bounds(doc, f["start"])[0]
        for t in reversed(doc[s0: self._qualifier_start(doc, f["start"])]):
            if self._measured_noun(t) and t.pos_ != "PROPN" and (t.dep_ in self.subject_deps or t.dep_ in self.object_deps):
                return t
        return None

    def _about_amount(self, doc: Doc, f: dict) -> Optional[Token]:
        """The noun before "von", "in Höhe von", "im Wert von", "zwischen" right before the figure
        ("Kredit in Höhe von 750 Millionen Euro", "ein Minus von 3 Prozent"); sets the rule name."""
        self._context_rule = None
        prev = _prev(doc, self._qualifier_start(doc, f["start"]))
        if prev is not None and prev.text.lower() in self.adverbs_after_von and _prev(doc, prev.i) is not None \
                and _prev(doc, prev.i).text.lower() in self.von:
            prev = _prev(doc, prev.i)  # "ein Gewinn von umgerechnet 4,6 Milliarden Euro"
        for words in self.amount_phrases:  # "Kredit in Höhe von ...", "Schaden zwischen ...", "Minus von ..."
            k = len(words)
            if prev is None or prev.i - k + 1 < 0 or [t.text.lower() for t in doc[prev.i - k + 1: prev.i + 1]] != words:
                continue
            n = _prev(doc, prev.i - k + 1)
            # a PROPN outside any name is a tagging slip ("An der Weltrekordlast von 130 Kilogramm")
            if n is not None and self._is_noun(n) and not n.ent_type_ and n.i >= 2 and doc[n.i - 1].text.lower() in self.per_words \
                    and self._is_noun(doc[n.i - 2]) and not doc[n.i - 2].ent_type_:
                # session 15 (dev12 wn74430): "einem Ergebnis pro Aktie von 0,48 Euro": the per-phrase
                # divides the noun before it, which the amount measures
                n = doc[n.i - 2]
            if n is not None and n.text.lower() in self.threshold_nouns and words[0] in self.von:
                # session 15 (dev12 wn77697): "Der Preis ... hat die Marke von 72 US-Dollar unterschritten":
                # a threshold is passed by what the verb's subject measures
                v = n.head
                for _ in range(3):
                    if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                        break
                    v = v.head
                subj = self.subject_of(v, exclude=n.i)[0] if v.pos_ in ("VERB", "AUX") else None
                if subj is not None and not self._measured_noun(subj):
                    # "Der Preis für ein Barrel (159 Liter) hat ...": the parse takes the bracket's unit for the
                    # subject; the first subject noun of the sentence before the threshold stands for it
                    s0 = sentence_bounds(doc, n.i)[0]
                    subj = next((x for x in doc[s0: n.i] if x.dep_ in self.subject_deps and self._measured_noun(x)), None)
                if subj is not None and subj.i != n.i:
                    self._context_rule = "threshold"
                    return self._through_container(subj)
                break
            if n is not None and self._is_noun(n) and not n.ent_type_:  # no name ("laut Franz-Josef Jung zwischen 1.000 und ...")
                self._context_rule = "von" if words[0] in self.von else "amount_phrase"
                return n if k > 1 else self._through_container(n)
            break
        if prev is not None and prev.text.lower() in self.change_before:
            n = _prev(doc, prev.i)  # "das ist ein Anstieg um 1,9 Prozent"
            if n is not None and self._is_noun(n) and n.text.lower() in self.change_nouns:
                self._context_rule = "change"
                return self._through_container(n)
        n = self._change_noun_before(doc, prev)
        if n is not None:
            self._context_rule = "change"
            return self._through_container(n)
        j = f["end"]
        if j + 1 < len(doc) and doc[j].text.lower() in self.change_after and doc[j + 1].text.lower() in self.change_nouns \
                and (j + 2 >= len(doc) or not self._is_noun(doc[j + 2])):
            self._context_rule = "change"  # "lag er mit 2,2 Prozent im Plus"
            return doc[j + 1]
        return None

    def _accusative_subject(self, v: Token) -> Optional[Token]:
        """The noun of a 'subject' of ``v`` that an accusative article opens (`accusative_articles`):
        the parse took the fronted object for the subject ("Den entstandenen Schaden schätzt die
        Polizei auf 250.000 Euro"); with the article itself as the subject, its noun."""
        for c in v.children:
            if c.dep_ not in self.subject_deps:
                continue
            if c.pos_ == "NOUN" and any(d.pos_ == "DET" and d.i < c.i and d.text.lower() in self.accusative_articles for d in c.children):
                return c
            if c.pos_ == "DET" and c.text.lower() in self.accusative_articles:
                # its noun is the last before a comma or verb, not one of a phrase in between ("Den von der
                # Belegschaft zu erzielenden Einspareffekt, ...")
                noun = None
                for x in c.doc[c.i + 1: c.i + 10]:
                    if x.is_punct or x.pos_ in ("VERB", "AUX"):
                        break
                    if x.pos_ == "NOUN":
                        noun = x
                return noun
        return None

    def _change_noun_before(self, doc: Doc, prev: Optional[Token]) -> Optional[Token]:
        """The change noun whose amount a figure after "um"/"auf" (`change_of`) gives, with its
        genitive and attributes between, no verb or punctuation: "eine Verdreifachung der staatlichen
        Bürgschaften für neue Atomkraftwerke auf 54 Milliarden US-Dollar", "die Steigerung der
        Baukosten um 40 Prozent auf mindestens sieben Milliarden Euro" (the second amount too)."""
        if prev is None or prev.text.lower() not in self.change_of:
            return None
        for k in range(prev.i - 1, max(-1, prev.i - 10), -1):
            t = doc[k]
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") and t.text.lower() not in self.coordinators:
                return None
            if self._is_noun(t) and (t.text.lower() in self.change_nouns or self._change_compound(t.text) is not None):
                return t  # also a compound: "Mehrwertsteuererhöhung auf 19 Prozent"
        return None

    def _change_compound(self, word: str) -> Optional[str]:
        """The changed thing of a compound whose head is a change noun: "Mehrwertsteuererhöhung" ->
        "Mehrwertsteuer", "Gehaltserhöhung" -> "Gehalt" (the linking "s" goes with the lemma
        table's genitive, or when the rest is a word the table knows); None for no such compound."""
        low = word.lower()
        # only heads of the "Erhöhung" kind (`change_compound_heads`): "Wirtschaftswachstum" is itself
        # what grows, not a change of "Wirtschaft"
        head = next((c for c in self.change_compound_heads if low.endswith(c) and len(low) - len(c) >= 3), None)
        if head is None:
            return None
        first = word[: len(word) - len(head)].rstrip("-")
        first = first[:1].upper() + first[1:]
        lem = self.lemma_text(first)
        if lem == first and first not in self._known_lemmas():
            # a linking "s" goes only when the rest is a word the lemma table knows ("Wirtschafts"
            # -> "Wirtschaft"); else the compound keeps its own lemma
            if first.endswith("s") and first[:-1] in self._known_lemmas():
                return first[:-1]
            return self.lemma_text(word)
        return lem

    def _table_lemmas(self) -> frozenset:
        """The lemmas of the lemma table (its values)."""
        if self._lemma_values is None:
            self._lemma_values = frozenset((self._table() or {}).values())
        return self._lemma_values

    def _known_lemmas(self) -> frozenset:
        """The lemmas and word forms of the lemma table (to tell a word from a compound's first part)."""
        if self._known is None:
            table = self._table() or {}
            self._known = frozenset(table) | frozenset(table.values())
        return self._known

    def _clause_of(self, doc: Doc, f: dict) -> tuple[int, int]:
        """[start, end) of the figure's clause: its sentence cut at the nearest commas, semicolons or
        colons around the figure (a rough clause; brackets stay inside)."""
        s0, s1 = sentence_bounds(doc, f["num"])
        q0 = self._qualifier_start(doc, f["start"])
        # clamped to the sentence: a figure's span or qualifier reaching past it gives the sentence's edge
        return clause_bounds(doc, max(q0, s0), min(f["end"], s1), s0, s1, CLAUSE_COMMAS)

    def _about_rate(self, doc: Doc, f: dict) -> Optional[Token]:
        """"Die höchste Arbeitslosenquote hatte Spanien mit 23,6 Prozent": a percentage after "mit"
        (`rate_nouns`) gives the value of the rate or level its clause names, the one nearest to it."""
        if f["unit"] != "%":
            return None
        q0 = self._qualifier_start(doc, f["start"])
        if q0 > 1 and doc[q0 - 1].pos_ == "ADV":
            q0 -= 1  # a focus particle: "Mit nur 30,78 Prozent"
        if q0 == 0 or doc[q0 - 1].text.lower() not in self.rate_before:
            return None
        c0, c1 = self._clause_of(doc, f)
        cands = [t for t in doc[c0:c1] if not f["start"] <= t.i < f["end"] and self._is_noun(t) and t.pos_ != "PROPN"
                 and t.text.lower().endswith(self.rate_endings)]
        return min(cands, key=lambda t: abs(t.i - f["num"])) if cands else None

    def _about_stake(self, doc: Doc, f: dict) -> Optional[Token]:
        """A share held in something (`stakes`): "an dem die Stadt mit 60 Prozent beteiligt ist" ->
        the antecedent of "dem", "An der Firma ist Buffet zu 9,9 Prozent beteiligt" -> Firma. The
        figure's clause (between commas) must hold a stake word; the noun of its an/bei-phrase is
        the measured thing, a relative pronoun there stands for the noun the clause hangs on."""
        if f["unit"] != "%":
            return None
        q0 = self._qualifier_start(doc, f["start"])
        if q0 == 0 or doc[q0 - 1].text.lower() not in self.stake_before:
            return None
        c0, c1 = self._clause_of(doc, f)
        stake = next((t for t in doc[c0:c1] if t.text.lower().endswith(self.stake_words) and not f["start"] <= t.i < f["end"]), None)
        if stake is None:
            return None
        for k in range(c0, c1 - 1):
            if doc[k].text.lower() not in self.stake_prepositions or f["start"] <= k < f["end"]:
                continue
            j = k + 1
            if doc[j].pos_ == "PRON":  # "an dem": the noun the relative clause is about
                head = stake if stake.dep_ in ("acl", "relcl") else stake.head
                while head.pos_ not in _NOUN_POS and head.head.i != head.i and head.dep_ not in ("acl", "relcl"):
                    head = head.head
                if head.dep_ in ("acl", "relcl"):
                    head = head.head
                return head if head.pos_ in _NOUN_POS and head.i < c0 else None
            while j < c1 and (doc[j].pos_ == "DET" or self._is_adj(doc[j])) and not self._is_noun(doc[j]):
                j += 1
            if j < c1 and self._is_noun(doc[j]):
                return doc[j]
        return None

    def _copula_subject(self, f: dict, t: Token, preps: set) -> Optional[Token]:
        """"somit liegt die Frauenquote immer noch unter 10 Prozent": the parse makes the figure the
        predicate and the measuring verb its copula; the subject of the figure is what it measures."""
        cop = next((c for c in t.children if c.dep_ == "cop" and c.pos_ in ("VERB", "AUX")), None)
        lem = self.verb_lemma(cop) if cop is not None else None
        allowed = self.measuring_verbs.get(lem) if lem else None
        if allowed is None or (allowed and not preps & allowed) or (lem in self.predicate_only_with_unit and f["unit"] is None):
            return None
        subj, how = self.subject_of(t, exclude=t.i)
        if subj is None:
            return None
        self._context_rule = "verb_subject_copula" + how
        return self._through_container(subj)

    def _gapped_subject(self, doc: Doc, subj: Token, q0: int) -> Optional[Token]:
        """A clause after a comma that leaves out the verb and has a subject of its own ("ging der
        Umsatz um 3,6 Prozent zurück, der Gewinn um nahezu 20 Prozent"): that subject, an article
        and a noun that start the clause, no verb before the figure."""
        comma = next((k for k in range(q0 - 1, subj.i, -1) if doc[k].text == ","), None)
        if comma is None or comma + 2 >= q0:
            return None
        det, noun = doc[comma + 1], doc[comma + 2]
        if det.text.lower() not in self.definite_articles or not self._is_noun(noun) or noun.pos_ == "PROPN":
            return None
        if any(x.pos_ in ("VERB", "AUX") for x in doc[comma + 1: q0]):
            return None
        return noun

    def verb_lemma(self, v: Token) -> str:
        """The verb's lemma with its separated particle ("legte ... zu" -> "zulegen", "gab ...
        nach" -> "nachgeben"); the lookup table's lemma when the model's is no known verb
        ("umfasst")."""
        known = self.measuring_verbs.keys() | self.object_verbs.keys()
        particle = next((c.text.lower() for c in v.children if c.i > v.i and c.dep_ in self.particle_deps
                         and c.pos_ in ("ADP", "ADV", "PART") and c.text.isalpha()), "")
        model = self.lemma(v).lower()
        # neither model nor table knows some forms ("umfasst", "gaben"): the table's lemma, the
        # infinitive of a present form, the table's lemma of the singular preterite ("gaben" -> "gab")
        cands = [model, self.lemma_text(v.text).lower()] + ([model[:-1] + "en"] if model.endswith("t") else []) \
            + ([self.lemma_text(v.text[:-2]).lower()] if v.text.endswith("en") else [])
        for c in cands:
            if particle + c in known:
                return particle + c
        return particle + model

    def subject_of(self, v: Token, exclude: int = -1) -> tuple[Optional[Token], str]:
        """The subject noun of a verb or predicative adjective: its own, else that of the verb it
        is coordinated with ("Diese Einnahmen sind erheblich und betrugen ... 60 Millionen");
        a personal pronoun is resolved to its antecedent ("Es ist 3,21 Meter groß"). Returns
        (noun, how): how is "" (own subject), "_conj" or "_pronoun", for the per-rule scores."""
        how = ""
        for _ in range(2):
            subjects = [c for c in v.children if c.dep_ in self.subject_deps and c.i != exclude]
            if exclude >= 0 and len(subjects) > 1:
                # two subjects are a parse slip: not one a comma parts from the figure ("Die Schneeschicht war
                # ... dick, da sie ... war, dürfte das ... Gesamtgewicht rund 180 Tonnen betragen haben")
                doc = v.doc
                subjects.sort(key=lambda c: any(x.text == "," for x in doc[min(c.i, exclude): max(c.i, exclude)]))
            for c in subjects:
                if c.pos_ == "NOUN":
                    return c, how
                if c.pos_ == "PROPN" and not c.ent_type_ and c.i + 1 < len(c.doc) and c.doc[c.i + 1].head.i == c.i \
                        and c.doc[c.i + 1].pos_ == "NOUN" and c.doc[c.i + 1].dep_ in ("appos", "flat", "nmod", "compound"):
                    # "Der Frankfurter Aktienkurs ... gab um drei Prozentpunkte nach": the parse made the
                    # attributive "Frankfurter" the subject and its noun an apposition
                    return c.doc[c.i + 1], how + "_attribute"
                if c.pos_ == "PROPN" and self._common_propn(c) and any(
                        d.dep_ == "det" and d.i < c.i and d.text.lower() in self.singular_articles for d in c.children):
                    # session 15 (dev12 wn40269): "Das Baby wiegt 4.150 Gramm" (the tagger: "Baby" a PROPN):
                    # a proper noun in no name the model found, opened by a singular article, is a common noun
                    # (not "die Orkanböen ... Spitzengeschwindigkeiten bis zu 200 km/h erreicht", dev7 wn61440,
                    # where the noun before the bound is measured)
                    return c, how + "_propn"
                if c.pos_ == "PRON" and c.text.lower() in self.anaphoric_pronouns:
                    return self.antecedent(c), "_pronoun"
                if c.pos_ in ("PRON", "DET") and c.text.lower() in self.demonstrative_pronouns and c.is_sent_start \
                        and not any(self._is_noun(x) for x in c.children):
                    dem = self._demonstrative_antecedent(c)
                    if dem is not None:
                        return dem, "_demonstrative"
                rel = self._relative_antecedent(c)
                if rel is not None:
                    return rel, "_relative"
                if c.pos_ == "DET":
                    # "dürfte das auf der Hallendecke lastende Gesamtgewicht rund 180 Tonnen betragen
                    # haben": the parse took the article for the subject and its noun for the object
                    noun = next((x for x in v.children if c.i < x.i < c.i + 6 and x.pos_ == "NOUN" and x.dep_ in self.object_deps
                                 and x.i != exclude), None)
                    if noun is not None:
                        return noun, "_determiner"
            if v.dep_ != "conj" or v.head.i == v.i or not any(c.dep_ == "cc" for c in v.children):
                return None, how  # only "A und B": after a comma a new clause may have its own subject
            v, how = v.head, "_conj"
        return None, how

    def _relative_antecedent(self, c: Token) -> Optional[Token]:
        """A relative pronoun as the subject (`relative_pronouns`: "den Mittelfinger zeigen, der 11,1
        Meter hoch ist"): the noun before its comma, over a verb the clause is extraposed after
        (up to three verbs and particles). The parse hangs the relative clause on
        any word ("sich"), so the surface decides; an article before its own noun is none ("..., der
        Gewinn um 20 Prozent")."""
        doc = c.doc
        if c.text.lower() not in self.relative_pronouns or c.i < 2 or doc[c.i - 1].text != ",":
            return None
        if c.i + 1 < len(doc) and self._is_noun(doc[c.i + 1]):
            return None
        k = c.i - 2
        while k > 0 and c.i - k <= 3 and doc[k].pos_ in ("VERB", "AUX", "PART"):
            k -= 1  # extraposed: "den Mittelfinger zeigen, der ..."
        n = doc[k]
        return n if self._measured_noun(n) and n.pos_ != "PROPN" else None

    def _demonstrative_antecedent(self, pron: Token) -> Optional[Token]:
        """Session 15 (dev12 wn45213): a demonstrative that opens its sentence as the subject ("Diese
        liegt bei 765 Millionen Euro") points back to the last noun phrase of the sentence before: its
        last common noun that no preposition governs ("... und die ... angesetzte Summe zur Aufrüstung
        und zum Neubau von Stadien." -> Summe)."""
        if pron.sent.start == 0:
            return None
        prev = pron.doc[pron.sent.start - 1].sent
        for t in reversed(list(prev)):
            if t.pos_ == "NOUN" and not any(x.dep_ == "case" or (x.pos_ == "ADP" and x.i < t.i) for x in t.children) \
                    and self._measured_noun(t):
                return t
        return None

    def antecedent(self, pron: Token) -> Optional[Token]:
        """A rough antecedent for "er/sie/es" (the model gives no gender or number): the nearest
        subject noun before it in its sentence, else the previous sentence's root noun (a
        copula sentence) or, failing that, its subject noun ("Vertreten ist auch das größte Weihrauchfass der Welt. Es
        ist 3,21 Meter groß"). None when neither sentence offers one."""
        sent = pron.sent
        for t in reversed(list(sent[: pron.i - sent.start])):
            if t.pos_ == "NOUN" and t.dep_ in self.subject_deps:
                return t
        if sent.start == 0:
            return None
        prev = pron.doc[sent.start - 1].sent
        for pick in (lambda t: t.dep_ == "ROOT", lambda t: t.dep_ in self.subject_deps):
            for t in prev:
                if t.pos_ == "NOUN" and pick(t):
                    return t
        return None

    def _purpose(self, doc: Doc, f: dict, t: Token, v: Token, preps: set) -> Optional[Token]:
        """Money and its purpose: "70 Milliarden Dollar für Interventionen", "für aktuelle
        Interventionen sind 70 Milliarden Dollar vorgesehen" -> the noun of the für-phrase; money
        inside the für-phrase ("das Kind für 10.000 Euro angeboten") -> the verb's object. Not
        for money in brackets, whose clause the parse does not see ("(für jedes Vergehen 5.000 Euro)")."""
        before = doc[doc[f["start"]].sent.start: f["start"]]
        if sum(x.text == "(" for x in before) > sum(x.text == ")" for x in before):
            return None
        if preps & self.purpose_preps:
            for c in v.children:
                if c.dep_ in self.object_deps and c.pos_ == "NOUN":
                    self._context_rule = "purpose_object"
                    return c
            return None
        n = len(doc)
        k = f["end"]
        if k < n and doc[k].text == "(":  # "1,5 Milliarden Dollar (1,24 Milliarden Euro) für"
            while k < n and doc[k].text != ")":
                k += 1
            k += 1
        if k < n and doc[k].text.lower() in self.purpose_preps:
            for j in range(k + 1, min(n, k + 5)):
                if self._is_noun(doc[j]) and (doc[j].pos_ != "PROPN" or self._common_propn(doc[j])):
                    self._context_rule = "purpose"
                    return doc[j]
                if not (self._is_adj(doc[j]) or doc[j].pos_ == "DET"):
                    break
        if v.pos_ in ("VERB", "AUX", "ADJ"):  # "für Interventionen sind 70 Milliarden Dollar vorgesehen"
            for c in v.children:
                if c.i < f["start"] and c.pos_ == "NOUN" and any(x.text.lower() in self.purpose_preps for x in c.children if x.i < c.i):
                    self._context_rule = "purpose"
                    return c
        return None

    def _capitalised_adjective(self, tok: Token) -> bool:
        """A capitalised inflected adjective of a fixed phrase ("Gelbe Karten", "Rote Karte"): its
        lower-case form is an adjective form the lemma table knows ("gelbe" -> "gelb")."""
        w = tok.text
        if not w[:1].isupper() or not _ADJ_INFL.match(w.lower()):
            return False
        table = self._table() or {}
        lem = table.get(w.lower())
        if lem and lem != w.lower() and lem.islower() and w.lower().startswith(lem[:3]):
            return True  # "deutsche" -> "deutsch"
        noun = table.get(w)  # a nominalised adjective's lemma is its neuter form: "Gelbe" -> "Gelbes"
        return bool(noun) and noun != w and noun.endswith("es") and w.startswith(noun[:-2]) and len(w) - len(noun[:-2]) <= 2

    def _suspended(self, tok: Token) -> Optional[str]:
        """A suspended compound written out (guideline): "Ja- ... Nein-Stimmen" -> "Ja-Stimme",
        "Baseball- und fünf Totschläger" -> "Baseballschläger". The shared head is the part after
        the last hyphen of the next compound, or else its longest ending the lemma table knows
        as a noun."""
        doc = tok.doc
        for k in range(tok.i + 1, min(len(doc), tok.i + 6)):
            t = doc[k]
            if t.is_punct and t.text != "-":
                return None
            if not self._is_noun(t) or t.text.endswith("-"):
                continue
            lem = self.lemma(t)
            if "-" in lem.strip("-"):
                return tok.text + lem.rsplit("-", 1)[1]
            table = self._table()
            for i in range(1, len(lem) - 3):
                head = lem[i:].capitalize()
                # the table maps inflected forms to lemmas; a base form is known through its forms
                if table and any(table.get(head + e) == head for e in ("", "s", "n", "en", "es")):
                    return tok.text[:-1] + head.lower()
            return None
        return None

    def _about_participle(self, doc: Doc, f: dict) -> Optional[Token]:
        """"Von den 250 an Bord befindlichen Menschen", "13 in besagter Lagerhalle beschäftigte
        Mitarbeiter": a bare number, a prepositional phrase, a participle, the counted noun."""
        n = len(doc)
        j = f["end"]
        if f["unit"] is not None or j >= n or doc[j].pos_ != "ADP" or doc[j].text.lower() in self.participle_not_after:
            return None
        for k in range(j + 1, min(n - 1, j + 6)):
            t = doc[k]
            if t.is_punct:
                return None
            if k > j + 1 and t.text.islower() and _ADJ_INFL.match(t.text) and t.pos_ in ("ADJ", "VERB") \
                    and self._is_noun(doc[k + 1]) and doc[k - 1].pos_ in _NOUN_POS:
                return doc[k + 1]
        return None

    def measure_adj_base(self, low: str) -> Optional[str]:
        """Base of an inflected measure adjective ("schwere" -> "schwer", "hohe" -> "hoch"), else None."""
        return self.measure_adjectives_irregular.get(low) or _adj_stem(low, self.measure_adjectives)

    def _about_measure_adj(self, doc: Doc, f: dict) -> Optional[Token]:
        """"3,21 Meter groß" (predicate: the subject), "335 Meter lange und 43 Meter breite
        Schiff", "20.000 Seiten starken Abschlussbericht" (attribute: the noun it modifies)."""
        n = len(doc)
        j = f["end"]
        if j < n and f["unit"] is None and self._is_noun(doc[j]):
            j += 1  # "20.000 Seiten starken": the counted thing works as the unit
        if j >= n:
            return None
        a = doc[j]
        low = a.text.lower()
        base = self.measure_adj_base(low)
        comparison = j + 1 < n and doc[j + 1].text.lower() in self.as_words and base is not None and low.endswith("er")
        if low in self.measure_adjectives or comparison:
            # predicative: "Es ist 3,21 Meter groß"; a comparative before "als" too ("war die
            # Wahlbeteiligung gut acht Prozentpunkte niedriger als bei der Wahl": not the compared noun)
            subj = self.subject_of(a)[0]
            if subj is None and a.head.i != a.i:
                subj = self.subject_of(a.head)[0]
            return subj if subj is not None else self._apposed_noun(doc, f)
        if base is None or (a.text[:1].isupper() and self._is_noun(a) and not a.is_sent_start):
            return None  # "liegt in 80 Metern Tiefe": the noun of the dimension, not the adjective "tiefe"
        for k in range(j + 1, min(n, j + 9)):  # skip "und 43 Meter breite"
            t = doc[k]
            if t.is_punct and t.text != ",":
                return None
            if self._is_noun(t) and not t.like_num and lookup_unit(t.text) is None and t.pos_ != "PROPN":
                return t
        return None

    def _apposed_noun(self, doc: Doc, f: dict) -> Optional[Token]:
        """A measure in apposition to the noun before its comma ("sucht einen Mann, ca. 175 bis 180 cm
        groß", dev9 wn69844): that noun. The phrase starts at the qualifier, or at the first number
        of a range ("175 bis"), which the comma precedes."""
        k = self._qualifier_start(doc, f["start"]) - 1
        if k >= 1 and doc[k].text.lower() in self.range_links and doc[k - 1].like_num:
            k = self._qualifier_start(doc, k - 1) - 1
        if k < 1 or doc[k].text != ",":
            return None
        n = doc[k - 1]
        return n if self._measured_noun(n) and n.pos_ != "PROPN" else None

    def _through_container(self, n: Token) -> Token:
        """"Die Zahl der Toten stieg auf 50" -> Tote: a container noun hands over to its genitive,
        and so does a change noun ("die Anhebung der Löhne um drei Prozent" -> Lohn)."""
        # session 15 (dev12 wn77697, the annotators' call): a change compound with a genitive too, "den
        # Preisverfall des Rohöls um fast 30 Prozent" -> Rohöl (without one its first part, `about`)
        if n.text.lower() in self.container_nouns or n.text.lower() in self.change_nouns \
                or (self._is_noun(n) and self._change_compound(n.text) is not None):
            for c in n.children:
                if c.i > n.i and c.pos_ in _NOUN_POS and c.dep_ in _GEN_DEPS and self._genitive_like(c) \
                        and lookup_unit(c.text) is None and not any(x.like_num for x in c.children):
                    return c  # not the figure itself: "die vorgesehene Quote von acht Prozent" stays Quote
            gen = self._genitive_after(n) if n.text.lower() in self.container_nouns else None
            if gen is not None:
                return gen
            p = _prev(n.doc, n.i)
            if p is not None and p.text.lower() in self.container_prepositions:  # "Umsatzerlöse in Höhe von 80,9 Mio. Euro"
                h = _prev(n.doc, p.i)
                if h is not None and self._is_noun(h) and h.pos_ != "PROPN":
                    return h
        return n

    def _genitive_after(self, n: Token) -> Optional[Token]:
        """Session 15 (dev12 wn74430): a container's genitive read off the surface where the parse gives it
        none ("Die Zahl der an diesem Tag gehandelten Aktien lag ... bei 280.000": the parse makes "Aktien" a
        second subject): after a genitive determiner, the first noun that no preposition in between
        governs, before any verb or punctuation."""
        doc = n.doc
        if n.i + 2 >= len(doc) or doc[n.i + 1].text.lower() not in self.genitive_determiners:
            return None
        in_pp = False
        for t in doc[n.i + 2: min(len(doc), n.i + 10)]:
            if t.is_punct or t.pos_ in ("VERB", "AUX") and not self._is_adj(t):
                return None
            if t.pos_ == "ADP":
                in_pp = True
            elif self._is_noun(t):
                if not in_pp:
                    return t if self._measured_noun(t) else None
                in_pp = False  # the preposition's noun: "an diesem Tag"
        return None

    def _coordinated(self, doc: Doc, f: dict, blocked: set[int]) -> Optional[dict]:
        """The next number when a count and its adjectives are coordinated with it ("200 feste und
        300 freie Mitarbeiter"): it shares the noun after the second. Without adjectives the range
        rules decide."""
        k = f["end"]
        while k < len(doc) and _ADJ_INFL.match(doc[k].text) and self._is_adj(doc[k]):
            k += 1
        if k == f["end"] or k + 1 >= len(doc) or doc[k].text.lower() not in self.coordinators \
                or self._excluded(doc, k + 1, blocked):
            return None
        j = k + 1
        for m in range(min(self.max_q, len(doc) - j - 1), 0, -1):
            if " ".join(t.text.lower() for t in doc[j: j + m]) in self.qualifiers:
                j += m  # session 15 (dev12 wn50164): "43 internationale und mehr als 1.200 nationale Mitarbeiter"
                break
        if self._excluded(doc, j, blocked):
            return None
        partner = self.parse_at(doc, j)
        return partner if partner is not None and partner["unit"] is None else None

    def _list_link(self, doc: Doc, k: int, blocked: set[int]) -> int:
        """From the token after a bare number: over ", <bare number>" items of a list ("62, 64 und
        66 Jahren") to the word that links its last item ("und"); ``k`` itself when there is none."""
        j = k
        while j + 1 < len(doc) and doc[j].text == "," and not self._excluded(doc, j + 1, blocked):
            g = self.parse_at(doc, j + 1)
            if g is None or not g["bare"]:
                return k
            j = g["end"]
        # the words that link the last item: number_links' before_words, the links of any numbers
        return j if j == k or doc[j].text.lower() in self.links_before_words else k

    def _list_start(self, doc: Doc, start: int) -> int:
        """The first number of the list or range a number ends ("[62], 64 und 66 Jahren",
        "zwischen [neun] und zwölf Jahren"), or ``start``."""
        i = start
        while i >= 2 and (doc[i - 1].text == "," or doc[i - 1].text.lower() in self.links_before_words) \
                and self._base(doc, i - 2) is not None and i - start > -8:
            i -= 2
        return i

    def is_age(self, doc: Doc, f: dict) -> bool:
        """"75 Jahre alt", "im Alter von 75 Jahren", "die 14 und 18 Jahre alten Jugendlichen":
        an age, a FIGURE, not a duration."""
        if f.get("age"):
            return True
        if f["unit"] not in ("year", "month", "week", "day"):
            return False
        last = f.get("about_from", f)  # the first of "14 und 18 Jahre alten" asks its partner
        nxt = _next(doc, last["end"] - 1)
        if nxt is not None and nxt.text.lower() in self.age_after:
            return True
        q0 = self._qualifier_start(doc, self._list_start(doc, f["start"]))
        # an action noun right after the time is what it measures: "mit einem Tag Verzögerung",
        # "mit mehr als einem Jahr Verspätung" (wn5954) are durations, not "mit" + an age; a noun of a
        # role stays an age ("mit 18 Jahren Weltmeister"): the suffix (measures.json
        # "action_noun_suffixes") tells them apart without a list
        action_after = nxt is not None and self._is_noun(nxt) and nxt.text.lower().endswith(self.action_noun_suffixes)
        # "im Alter von inzwischen 58, 60 und 65 Jahren" (wn54074, dev7): an adverb between a
        # phrase of several words and the number
        q1 = q0 - 1 if q0 >= 1 and doc[q0 - 1].pos_ == "ADV" and doc[q0 - 1].text.islower() else None
        for words in self.age_before:
            n = len(words)
            if n == 1 and action_after:
                continue
            if (q0 - n >= 0 and [t.text.lower() for t in doc[q0 - n: q0]] == words) or \
                    (n > 1 and q1 is not None and q1 - n >= 0 and [t.text.lower() for t in doc[q1 - n: q1]] == words):
                return True
        # "vier Mädchen zwischen neun und zwölf Jahren", "Kinder unter 14 Jahren": years right after
        # a noun of people (measures.json "age_nouns"); not years that measure a noun or go with a
        # measure adjective after them ("Opfer von 20 Jahren Krieg", "Menschen über 20 Jahre lang")
        if nxt is not None and (self._is_noun(nxt) or nxt.text.lower() in self.measure_adjectives):
            return False
        p = _prev(doc, q0)
        if p is not None and p.text.lower() in self.age_change_words:
            # "Anhebung des Rentenalters auf 67 Jahre": only after a compound of "Alter" ("den
            # Insolvenzverwalter auf fünf Jahre bestellt" is a duration)
            return self._age_change_compound(doc, q0) is not None
        if p is not None and p.text.lower() in self.age_range_words:
            p = _prev(doc, p.i)
        elif p is not None and p.text == "(" and nxt is not None and nxt.text == ")":
            p = _prev(doc, p.i)  # "seine drei Töchter (fünf, sechs und zehn Jahre)" (dev6)
        return p is not None and p.text[:1].isupper() and (p.text.lower() in self.age_nouns or self.lemma(p).lower() in self.age_nouns
                                                           or self._age_compound(p))

    def _age_compound_lemma(self, t: Token) -> str:
        """"Rentenalters" -> "Rentenalter" (the genitive -s off when the lemma table does not know it)."""
        lem = self.lemma(t)
        if lem == t.text and lem.endswith("s") and lem[:-1].lower().endswith(self.age_compound_suffixes):
            lem = lem[:-1]
        return lem

    def _age_compound(self, t: Token) -> bool:
        """A compound of "Alter" ("Rentenalters", "Mindestalter"): a noun of an age. A common noun (when tagged) with
        at least `min_prefix` letters before the suffix (not the name "Walter"), and not a noun of
        `not_endings` that only ends in the letters ("Insolvenzverwalter", "Schalter", "Gestalter")."""
        w = t.text.lower()
        if not t.text[:1].isupper() or (has_ann(t.doc, "POS") and t.pos_ and t.pos_ != "NOUN") \
                or w.endswith(self.age_compound_not_endings):
            return False
        return any(w.endswith(s) and len(w) - len(s) >= self.age_compound_min_prefix for s in self.age_compound_suffixes)

    def _age_change_compound(self, doc: Doc, q0: int) -> Optional[Token]:
        """The compound of "Alter" before a change to an age that starts at ``q0`` ("die Anhebung des
        Rentenalters auf 67 Jahre"); in "von X auf Y" the one before "von" ("des Rentenalters von 65 auf
        67 Jahre": Y is an age as X is, not a duration); None when there is none."""
        p = _prev(doc, q0)
        if p is None or p.text.lower() not in self.age_change_words:
            return None
        if self._changed_from(doc, q0):
            k = p.i - 1
            while k > 0 and doc[k].text.lower() not in self.change_from:
                k -= 1
            p = doc[k]
        t = _prev(doc, p.i)
        return t if t is not None and self._age_compound(t) else None

    def _age_about(self, doc: Doc, f: dict) -> str:
        """What an age is about: the compound of "Alter" a change to it follows ("Rentenalter"; the
        first number of "von 65 auf 67 Jahre" asks its partner), else "Alter"."""
        last = f.get("about_from", f)
        t = self._age_change_compound(doc, self._qualifier_start(doc, self._list_start(doc, last["start"])))
        return self._age_compound_lemma(t) if t is not None else "Alter"

    def _range_second(self, doc: Doc, prev_span: Span, f: dict) -> bool:
        """Is ``f`` the second number of a range whose first is ``prev_span`` ("80 und 150 km/h")?"""
        between = [t.text.lower() for t in doc[prev_span.end: f["start"]] if not t.is_space]
        return between in self.range_link_phrases

    def _shares_about(self, doc: Doc, prev_span: Span, f: dict) -> bool:
        """The second number of a range ("zwischen 80.000 und 300.000 Euro", "200 bis 230 Euro")
        or a figure in brackets right after another one ("75 Sitzen (56,1 Prozent)") measures
        what the first one measures."""
        if self._range_second(doc, prev_span, f):  # "bis zu" is also a qualifier
            return True
        between = [t.text.lower() for t in doc[prev_span.end: f["start"]] if not t.is_space]
        while between and (between[-1] in self.sign_words or between[-1] in ("+", "-", "±") or between[-1] in self.adverbs_after_von):
            # a change in brackets: "157,3 Millionen Nutzer weltweit (+ 38%)"; session 14 (dev11 wn49378): a
            # conversion, "Verluste in Höhe von 12 Milliarden Franken (umgerechnet 7,6 Milliarden Euro)"
            between.pop()
        if between[-1:] == ["("] and len(between) <= 3:
            return True  # the counted noun and one word between: "Nutzer weltweit ("
        return False

    def bare_age(self, doc: Doc, f: dict) -> bool:
        """A bare whole number after a one-word age cue ("mit", measures.json "age_before") that
        opens its clause, before the verb, is an age: "mit zwölf habe er Brieftauben gestohlen",
        "Mit 18 darf man wählen"; inside a clause it is not ("die Zahl der Getöteten war mit vier
        angegeben worden")."""
        if not f["bare"] or f["unit"] is not None or not isinstance(f["value"], int) or not 0 < f["value"] < 120:
            return False
        prev, nxt = _prev(doc, f["start"]), _next(doc, f["end"] - 1)
        if prev is None or nxt is None or [prev.text.lower()] not in self.age_before or nxt.pos_ not in ("AUX", "VERB"):
            return False
        before = _prev(doc, prev.i)
        return before is None or prev.is_sent_start or before.is_punct

    def bracket_age(self, doc: Doc, f: dict) -> bool:
        """A bare whole number in brackets or commas right after a person's name is an age:
        "Peter Paul Michalski (46)", "Alice Kakamara, 30, beschrieb"."""
        if not f["bare"] or f["unit"] is not None or not isinstance(f["value"], int) or not 0 < f["value"] < 120 \
                or not doc[f["num"]].text.isdigit():
            return False
        prev, nxt = _prev(doc, f["start"]), _next(doc, f["end"] - 1)
        if prev is None or nxt is None or (prev.text, nxt.text) not in (("(", ")"), (",", ",")):
            return False
        name = _prev(doc, prev.i)
        if name is None:
            return False
        # a person: a PER name, a proper noun the NER left unlabelled, or a noun of people ("ein
        # Junge (12)"); not a place or organisation, whose bracketed number counts something
        # ("China (132 Fälle von Zensur), Myanmar (85), Iran (27)", wn54964, dev7)
        if name.ent_type_ == "PER":
            return True
        if name.ent_type_ in ("LOC", "ORG", "GPE", "MISC"):
            return False
        return prev.text == "(" and (name.pos_ == "PROPN" or (name.text[:1].isupper() and (
            name.text.lower() in self.age_nouns or self.lemma(name).lower() in self.age_nouns))
            or self._subject_with_bracket(doc, name, nxt))

    def _subject_with_bracket(self, doc: Doc, name: Token, close: Token) -> bool:
        """Session 15 (dev12 wn45074, dev9 wn29640): "Der angeklagte, drogensüchtige Ziehvater (43)
        verweigerte", "Der Fahrer (33) wurde ... vorgeführt": a common noun opened by a singular article
        (`singular_articles`, adjectives and commas between) with a bracketed number right after it
        and the clause's verb right after the bracket is a person (a noun with an ending of persons,
        `person_noun_endings`) and the number an age; a count in brackets follows a plural or a name
        ("die Anträge (43)", "Myanmar (85)")."""
        if name.pos_ != "NOUN" or not name.text[:1].isupper() or not name.text.lower().endswith(self.person_noun_endings):
            return False
        verb = _next(doc, close.i)
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
        for k in range(name.i - 1, max(-1, name.i - 6), -1):
            t = doc[k]
            if t.text.lower() in self.singular_articles:
                return k == 0 or doc[k - 1].is_punct or t.is_sent_start
            if not (self._is_adj(t) or t.text == "," or t.pos_ == "ADJ"):
                return False
        return False

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
        if unit == "year" and sign > 0 and anchor.year + n > 9999:
            return None  # "in 10 Millionen Jahren": no calendar year (ISO 8601 has four digits); a duration
        # "vor 30.000 Jahren" (published 2010) -> -27990, "vor 12.500 Jahren" -> -10493: a year before 1 AD
        # with more digits (ISO 8601's expanded years; dev7 and dev8 gold), not a duration
        value = shift_period(anchor, unit, sign * n)
        if named == "year" and unit != "year":
            return value[:4]  # "vor viereinhalb Jahren" (published 2006-04) -> 2001, not 2001-10
        if named == "month" and unit == "day":
            return value[:7]  # "vor eineinhalb Monaten" -> the month
        return value

    def _relative_sign(self, p: Token, relative_end: dict[int, int]) -> Optional[int]:
        """The direction of a relative time from the word `p` before its number: -1 after "vor",
        1 after "in"; after a range link ("bis") the direction of the relative time it follows
        ("in 15 bis 20 Jahren" -> 1 for "20 Jahren", as its partner); None otherwise."""
        low = p.text.lower()
        if low in self.ago_words:
            return -1
        if low in self.ahead_words:
            return 1
        return relative_end.get(p.i) if low in self.range_links else None

    def _past_clause(self, doc: Doc, i: int) -> bool:
        """Is the clause around doc[i] in the past tense (the dates component's tense cues)?"""
        if self._tense is None:
            self._tense = TenseDetector(lambda t: (self._table() or {}).get(t.text, t.text), self._table)
        s0, s1 = sentence_bounds(doc, i)
        c0, c1 = clause_bounds(doc, i, i + 1, s0, s1)
        # a form that is also an infinitive is no cue here ("dass Autos in 15 bis 20 Jahren zur Marktreife gelangen":
        # "gelangen" is the strong preterite of "gelingen" too, gnad581)
        clause = [t for t in doc[c0:c1] if not (t.text.endswith("en") and self._tense._is_infinitive(t.text))]
        return self._tense.tense(clause, i) == "past"

    def anchored_value(self, doc: Doc, f: dict, sign: int, new_dates: list) -> Optional[str]:
        """Value of "drei Tage später" / "zwei Jahre zuvor": the last calendar date before it in
        the text (else the publication date) shifted by the duration, at the coarser of the two
        precisions."""
        import datetime as dt

        ref = None
        cands = list(doc.spans[DATE_SPANS]) if DATE_SPANS in doc.spans else []
        for sp in sorted(cands + list(new_dates), key=lambda x: x.start):
            if sp.end <= f["start"] and isinstance(sp._.value, str) and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", sp._.value):
                ref = sp._.value
        from_text = ref is not None
        published = doc._.published if isinstance(doc._.published, str) else None
        if ref is None:
            ref = published
        if not ref or not re.match(r"\d{4}", ref):
            return None
        value = self._shift(ref, f, sign)
        if value and from_text and sign > 0 and published and re.match(r"\d{4}", published) \
                and value > published[:len(value)]:
            # "Noch Anfang Januar ... Rund neun Monate später fehlt ihm nun ...", published 2022-09:
            # counted from a date the text named, a later date cannot lie after publication
            # (the text reports it), so it is the publication's period
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
            day = (dt.date(y, mo, d) + dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
            # "eineinhalb Monate zuvor" (45 days): no finer than the duration's own unit, the month
            return day[:7] if f["unit"] == "month" else day[:4] if f["unit"] in ("year", "decade", "century") else day
        if unit == "month":
            if mo is None:
                return None
            m0 = y * 12 + mo - 1 + n
            return f"{m0 // 12:04d}-{m0 % 12 + 1:02d}"
        return f"{y + n:04d}"

    def about(self, doc: Doc, f: dict) -> Optional[str]:
        if f["unit"] in _TIME_UNITS:
            return None  # durations ("drei Monate", "seit 13 Jahren") measure no noun
        tok = None
        self.last_rule = None
        if f["unit"] in self.distance_units and self._distance(doc, f):
            return None  # "40 km von Abyei entfernt", "500 Kilometer nördlich von Moskau": a place, no measured noun
        rules = [("context:degree", self._about_degree), ("list_heading", self._about_list_heading), ("label", self._about_label), ("stake", self._about_stake), ("rate", self._about_rate), ("partitive_genitive", self._about_partitive_genitive),
                 ("measure_noun", self._about_measure_noun)]
        rules += [("measure_adj", self._about_measure_adj), ("participle", self._about_participle),
                  ("parse", self._about_parse)] if has_ann(doc, "DEP") else []
        rules += [("linear", self._about_linear), ("context:", self._about_context),
                  ("bound", self._about_bound), ("as", self._about_as)]
        after = doc[f["end"]] if f["end"] < len(doc) else None
        if f["unit"] is not None and (after is None or not self._is_noun(after)) and not self._unit_genitive(doc, f):
            # "auf einer Höhe von etwa 180 Metern gelegenem Drehrestaurant": the noun the amount is
            # introduced by is measured, not a noun after an adjective ("einem Kilogramm TNT" keeps TNT)
            rules.insert(0, ("context:", self._about_amount))
        for name, rule in rules:
            tok = rule(doc, f)
            if tok is not None and tok.text.lower() in self.classifier_nouns and name != "context:" \
                    and tok.i + 1 < len(doc) and self._measured_noun(doc[tok.i + 1]):
                tok = doc[tok.i + 1]  # "zehntausend Schuss Munition": the noun after the classifier is counted
            if tok is not None and tok.text.lower() in self.classifier_nouns and name != "context:":
                # "zwischen 1.000 und 1.500 Mann umfassen": "Mann" counts the troops; the context
                # (the measuring verb's subject "Truppenstärke") says what is measured, if it can
                ctx = self._about_context(doc, f)
                if ctx is not None and lookup_unit(ctx.text) is None and ctx.text.lower() not in self.classifier_nouns:
                    tok, name = ctx, "context:"
            if tok is not None and (lookup_unit(tok.text) is not None or tok.is_space or tok.like_num):
                # ("Zwei seiner vier Kinder": the parse's head "vier", a number, measures nothing either)
                # a unit ("Euro" as the parse's head; "45 (34,1 Prozent) Sitze": the bracket's
                # unit) measures nothing, nor does a line break the tagger took for a noun
                # ("stieg auf 120\nMehr folgt"): the next rule may know better
                tok = None
            if tok is not None:
                self.last_rule = name + ((self._context_rule or "") if name == "context:" else "")
                break
        if tok is not None and self.last_rule in ("context:change", "context:von") and (changed := self._change_compound(tok.text)) is not None:
            # dev3: "Mehrwertsteuererhöhung auf 19 Prozent" -> Mehrwertsteuer; session 14 (dev11 wn4792,
            # wn49378): the same compound before "von" ("bei einer Lohnsteigerung von unter zehn Prozent" -> Lohn,
            # "einer Kapitalerhöhung von 15 Milliarden Franken" -> Kapital); a plain change noun stays ("ein Minus von 3 Prozent")
            return changed
        if tok is None:
            unit_tok = doc[f["end"] - 1]
            if f["unit"] is not None and unit_tok.text in self.unit_about:
                self.last_rule = "unit"  # "3000 Höhenmeter verloren" -> Höhe
                return self.unit_about[unit_tok.text]
            return None
        return self.about_lemma(doc, tok)

    def about_lemma(self, doc: Doc, tok: Token) -> Optional[str]:
        """The `about` string for the measured token ``tok`` (its lemma, as the guidelines
        write it), or None for a vague plural or a number; shared by the rules and the learned
        fallback (`about_model`)."""
        nxt = _next(doc, tok.i)
        if nxt is not None and nxt.i == tok.i + 1 and self._is_noun(nxt) and self._capitalised_adjective(tok):
            tok = nxt  # "acht Gelbe Karten" (the parse: "Gelbe" a noun): the noun after the adjective is counted
        elif nxt is not None and nxt.i == tok.i + 1 and tok.dep_ in self.attribute_deps and tok.head.i == nxt.i \
                and self._measured_noun(nxt):
            tok = nxt  # "an 120 Wiener Ampeln": the parse's attribute (a PROPN to the tagger) is no counted noun
        if tok.text.endswith("-") and len(tok.text) > 2:
            full = self._suspended(tok)  # "82 Ja- gegen 20 Nein-Stimmen", "sieben Baseball- und fünf Totschläger"
            if full is not None:
                return full
        if tok.text.lower() in self.vague or tok.like_num:
            return None
        low = tok.text.lower()
        w = tok.text
        if w.endswith("innen") and len(w) > 7 and tok.i + 2 < len(doc) and doc[tok.i + 1].text in self.coordinators:
            other = doc[tok.i + 2]
            if other.text.startswith("-") or other.text[:1].isupper():
                # "Staatsbürgerinnen und -bürger", "Bürgerinnen und Bürger": the pair's base noun
                masc = w[:-5] if other.text.startswith("-") else other.text
                lem = self.lemma_text(masc)
                return lem[:1].upper() + lem[1:]
        if low in self.events_noun and low.endswith(("ten", "nen")):
            return tok.text[:-1]  # nominalised participles: "Toten" -> "Tote", "Verletzten" -> "Verletzte"
        if low in self.events_noun and not low.endswith("n"):
            return tok.text  # "Tote", "Opfer"; a dative plural ("130.000 Todesopfern") takes its lemma below
        lem = self.lemma(tok)
        if tok.text[:1].isupper() and lem.islower() and tok.text.lower().startswith(lem) and tok.text.lower() != lem \
                and tok.text.lower()[len(lem):] in ("e", "en", "er"):
            # a nominalised adjective or participle ("500 Beschäftigte": model lemma "beschäftigt"):
            # its noun form in -e, as the guidelines write them ("Jugendliche", "Studierende")
            return tok.text[:1] + lem[1:] + "e"
        lem = self._word_form(tok.text, lem, tok.pos_ == "PROPN")
        if lem == tok.text and tok.pos_ == "PROPN" and not tok.ent_type_:
            lem = self._genitive_stem(tok) or lem
        return lem[:1].upper() + lem[1:] if tok.text[:1].isupper() else lem

    def _genitive_stem(self, tok: Token) -> Optional[str]:
        """Session 15 (dev12 wn77697): a noun in the genitive the tagger took for a name keeps its -s
        ("den Preisverfall des Rohöls"): after a genitive article (`genitive_s_articles`, adjectives
        between) the form without -s or -es that the lexicon knows."""
        w = tok.text
        if not w.endswith("s") or w.endswith("ss") or len(w) < 5:
            return None
        k = tok.i - 1
        while k >= 0 and tok.i - k <= 3 and self._is_adj(tok.doc[k]):
            k -= 1
        if k < 0 or tok.doc[k].text.lower() not in self.genitive_s_articles:
            return None
        lex = lexicon()
        for cut in (1, 2):
            stem = w[:-cut]
            if (cut == 1 or w.endswith("es")) and stem in lex:
                return stem
        return None

    # a plural's plain endings, longest first (the -e and -er plurals change more than an ending)
    _PLURAL_STRIPS = ("en", "n", "s")

    def _word_form(self, surface: str, lem: str, name: bool = False) -> str:
        """The lemma, or a form the lexicon knows when the lemma is no word: the lemmatizer can
        cut a noun it does not know ("Cannabis" -> "Cannabi") or keep a misspelt or loan plural
        ("Parlamentarieren", "Hoteliers"). Then a plain plural strip of the surface that is a word
        ("Parlamentarier", "Hotelier"), else the surface when it is a word ("Cannabis")."""
        if not surface[:1].isupper():
            return lem
        lex = lexicon()
        known = self._known_lemmas()
        # a loan plural in -s kept as its own lemma ("Hoteliers"); the table knows singulars in -s
        # ("Kurs", "Bus"), and a name keeps its -s ("Rolls")
        kept_s_plural = lem == surface and surface.endswith("s") and not surface.endswith("ss") \
            and surface not in known and not name
        if lem != surface and lem.islower() and len(lem) > len(surface) and lem.startswith(surface.lower()) and surface in lex:
            # session 14 (dev11 wn47623): the lemmatizer took a noun for a verb's form and gave the
            # infinitive ("eine Breite von 50 Metern" -> "breiten"); a noun's lemma is never longer
            # than the noun with the surface as its start, so the noun stays
            return surface
        if lem == surface and surface.endswith("e") and len(surface) > 5 and surface not in known and not name \
                and surface[:-1] in lex and surface[:-1] + "es" in lex:
            # session 14 (dev11 wn47623): an -e plural neither lemmatizer knows ("fünf Geschosse"): the
            # stem is the singular when the lexicon has it with a genitive in -es ("Geschosses"), as
            # masculine and neuter nouns with this plural have; a feminine noun in -e has no such form
            return surface[:-1]
        if lem != surface and (surface != lem + "s" or lem in lex or lem in known):
            # the lemmatizer changed the form: trusted (also for compounds the lexicon lacks,
            # "Hilfsgüter" -> "Hilfsgut"), except an -s cut to no word, as nouns in -s are often
            # singular ("Cannabis" -> "Cannabi")
            return lem
        if lem == surface and (lem in lex or lem in known) and not kept_s_plural:
            return lem
        for end in self._PLURAL_STRIPS:
            stem = surface[: -len(end)]
            if surface.endswith(end) and len(stem) > 3 and stem in lex:
                return stem
        return surface if surface in lex else lem

    # -- event --
    def event(self, doc: Doc, f: dict, about_tok_text: Optional[str]) -> Optional[str]:
        if about_tok_text and about_tok_text.lower() in self.events_noun:
            return self.events_noun[about_tok_text.lower()]
        # the clause around the figure
        s0, s1 = sentence_bounds(doc, f["num"])
        c0, c1 = clause_bounds(doc, f["start"], f["end"], s0, s1)
        toks = list(doc[c0:c1])
        if has_ann(doc, "DEP"):
            # prefer the verb governing the figure
            t = doc[f["num"]]
            for _ in range(6):
                if t.head.i == t.i:
                    break
                t = t.head
                if t.pos_ in ("VERB", "AUX"):
                    ev = self.events_verb.get(self.lemma(t).lower())
                    if ev:
                        return ev
        words = {t.text.lower() for t in toks} | {self.lemma(t).lower() for t in toks}
        for phrase, ev in self.events_phrase:
            if all(w in words for w in phrase):
                return ev
        best: Optional[tuple[int, str]] = None
        for t in toks:
            if f["start"] <= t.i < f["end"]:
                continue
            if t.text[:1].isupper() and t.i != c0:
                ev = self.events_noun.get(t.text.lower())
                if ev and t.i == f["end"]:
                    return ev
                continue
            ev = self.events_verb.get(self.lemma(t).lower()) or self.events_verb.get(t.text.lower())
            if ev:
                dist = (t.i - f["end"]) * 2 if t.i >= f["end"] else (f["start"] - t.i) * 2 + 1
                if best is None or dist < best[0]:
                    best = (dist, ev)
        return best[1] if best else None

    # -- component --
    def __call__(self, doc: Doc) -> Doc:
        blocked: set[int] = set()
        if DATE_SPANS in doc.spans:
            for sp in doc.spans[DATE_SPANS]:
                blocked.update(range(sp.start, sp.end))
        out: list[Span] = []
        new_dates: list[Span] = []
        relative_end: dict[int, int] = {}  # end token of a relative time ("in 15") -> its direction (1 / -1)
        n = len(doc)
        ratios = self._ratios(doc)
        for sp in ratios:
            blocked.update(range(sp.start, sp.end))
        free_from = 0  # first token after the last figure found
        for t in doc:
            i = t.i
            if i < free_from or t.is_space or t.is_punct and t.text not in _SYMBOL_PREFIX or not self.may_start(t.text):
                continue
            f = None if self._excluded(doc, i, blocked) else self.parse_at(doc, i)
            if f is None or any(k in blocked for k in range(f["start"], f["end"])):
                continue
            # a bare number coordinated with a scaled one shares scale and unit:
            # "zwei bis drei Millionen Euro" -> 2000000 EUR and 3000000 EUR
            link = 2 if f["end"] + 2 < n and [t.text.lower() for t in doc[f["end"]: f["end"] + 2]] in self.range_link_phrases else 1
            scaled_only = not f["bare"] and f["unit"] is None and f["scale"] != 1 and f["end"] == f["num"] + 2
            link_at = self._list_link(doc, f["end"], blocked) if f["bare"] else f["end"]
            if (f["bare"] or scaled_only) and link_at + 1 < n and (doc[link_at].text.lower() in self.range_links
                                                                  or doc[link_at].text.lower() in self.alternative_links or (
                    doc[link_at].text.lower() in self.change_to and self._after_von(doc, f["start"]))):
                # "600 Millionen bis zu zwei Milliarden Euro": "bis zu" links the range too;
                # "im Alter von 62, 64 und 66 Jahren": the last of a list gives its unit to all
                k = link_at + link
                if k + 1 < n and doc[k].text.lower() in self.qualifiers and not doc[k].like_num:
                    k += 1  # "von derzeit 2000 auf rund 15.000 Soldaten"
                partner = None if self._excluded(doc, k, blocked) else self.parse_at(doc, k)
                if scaled_only and partner is not None and partner["unit"] is not None:
                    # "600 Millionen bis zu zwei Milliarden Euro": the unit only, the scale is its own
                    u = lookup_unit(doc[partner["end"] - 1].text)
                    v = f["value"] * (u[1] if u else 1)
                    f["value"] = int(v) if float(v).is_integer() else round(v, 4)
                    f["unit"] = partner["unit"]
                    f["about_from"] = partner
                elif not scaled_only and partner is not None and (partner["scale"] != 1 or partner["unit"] is not None):
                    factor = partner["scale"]
                    if partner["unit"] is not None:
                        u = lookup_unit(doc[partner["end"] - 1].text)
                        factor *= u[1] if u else 1
                    v = f["value"] * factor
                    f["value"] = int(v) if float(v).is_integer() else round(v, 4)
                    f["unit"] = partner["unit"]
                    f["about_from"] = partner
            if self.bracket_age(doc, f) or self.bare_age(doc, f):
                f["unit"], f["age"] = "year", True
            if f["unit"] in _TIME_UNITS and not self.is_age(doc, f):
                # durations and relative times are DATEs (TimeML): "seit drei Monaten" -> P3M,
                # "vor fünf Jahren" -> the year five years before publication
                q0 = self._qualifier_start(doc, f["start"])
                p = _prev(doc, q0)
                dspan = Span(doc, f["start"], f["end"], label="DATE")
                after = _next(doc, f["end"] - 1)
                if after is not None and after.text.lower() in self.anchored_after and not self._comparison(doc, after.i):
                    # "zwei Tage später": a date relative to the last date the text named
                    dspan = Span(doc, f["start"], after.i + 1, label="DATE")
                    dspan._.value = self.anchored_value(doc, f, self.anchored_after[after.text.lower()], new_dates)
                    dspan._.date_type = "date"
                elif p is not None and p.text.lower() in self.set_before and q0 == f["start"]:
                    # "alle zwei Jahre": every two years, a TimeML set with the span's period
                    dspan = Span(doc, p.i, f["end"], label="DATE")
                    dspan._.value = self.duration_value(f["value"], f["unit"])
                    dspan._.date_type = "set"
                elif f["unit"] in _CALENDAR_UNITS and p is not None \
                        and (sign := self._relative_sign(p, relative_end)) is not None \
                        and not (sign > 0 and p.text.lower() in self.ahead_words and self._past_clause(doc, f["start"])):
                    # "legte in vier Tagen eine Strecke von 80 Kilometern zurück" (dev9 wn28114): "in" in a past
                    # clause is the time something took, a duration, not a time ahead (as dev3's "Was in 10
                    # Millionen Jahren ... geschah")
                    # "vor (knapp) sechs Jahren"; "in vier Sekunden" is a duration, not a time of day;
                    # the second member of a range shares the first's direction: "in 15 bis 20 Jahren"
                    relative_end[f["end"]] = sign
                    dspan._.value = self.ago_value(doc, f["value"], f["unit"], sign)
                    dspan._.date_type = "date"
                    day = self._deictic_before(doc, p.i)
                    if day is not None and sign < 0:
                        # "gestern vor 75 Jahren", "heute vor einem Jahr": that day, years or months before
                        dspan = Span(doc, day.start, f["end"], label="DATE")
                        dspan._.value = self._same_day_before(day._.value, f)
                        dspan._.date_type = "date"
                    if dspan._.value is None and doc._.published:  # geological times: "vor 10 Millionen Jahren"
                        dspan._.value = self.duration_value(f["value"], f["unit"])
                        dspan._.date_type = "duration"
                else:
                    dspan._.value = self.duration_value(f["value"], f["unit"])
                    dspan._.date_type = "duration"
                new_dates.append(dspan)
                free_from = dspan.end
                continue
            if f["unit"] is None and out and not self._is_noun(_next(doc, f["end"] - 1) or doc[f["end"] - 1]):
                # the unit the text leaves out: "7 Millionen Euro für Schulen, 3 Millionen für Kitas"
                prev_span = out[-1]
                if prev_span._.unit is not None and prev_span._.unit not in _TIME_UNITS and \
                        f["start"] - prev_span.end <= 8 and f["scale"] != 1 and \
                        sentence_bounds(doc, prev_span.start) == sentence_bounds(doc, f["num"]):
                    pu = lookup_unit(prev_span[-1].text)
                    if pu is not None and pu[0] == prev_span._.unit:
                        v = f["value"] * pu[1]
                        f["value"] = int(v) if float(v).is_integer() else round(v, 4)
                    f["unit"] = prev_span._.unit
            span = Span(doc, f["start"], f["end"], label="FIGURE")
            span._.value = f["value"]
            span._.unit = f["unit"]
            span._.qualifier = self._qualifier(doc, f["start"])
            ab = self._age_about(doc, f) if f["unit"] in _TIME_UNITS else self.about(doc, f.get("about_from", f))
            rule = self.last_rule
            if "about_from" in f and f["unit"] not in _TIME_UNITS and (own := self._about_amount(doc, f)) is not None:
                # "mit Windgeschwindigkeiten zwischen 80 und 150 Kilometern pro Stunde": the phrase before the
                # range's first number names what the range measures, before the verb's subject
                ab, rule = self.about_lemma(doc, own), "context:" + (self._context_rule or "")
            if ab is None and "about_from" in f:  # "ein Schaden zwischen 80.000 und 300.000 Euro"
                ab = self.about(doc, f)
                rule = self.last_rule
            if ab is None and f["unit"] is None and "about_from" not in f:
                partner = self._coordinated(doc, f, blocked)
                if partner is not None:  # "200 feste und 300 freie Mitarbeiter"
                    ab, rule = self.about(doc, partner), "coordination"
                elif f["end"] + 2 < n and doc[f["end"]].text.lower() in self.coordinators \
                        and doc[f["end"] + 1].text.lower() in self.comparatives and self._measured_noun(doc[f["end"] + 2]):
                    # session 15 (dev10 wn27575): "in zwei oder mehr Häusern": "mehr" stands for a number
                    ab, rule = self.about_lemma(doc, doc[f["end"] + 2]), "coordination"
            span._.about = ab
            span._.about_rule = "age" if f["unit"] in _TIME_UNITS else (rule if ab is not None else None)
            about_tok = None
            if ab is not None:
                for k in range(f["end"], min(n, f["end"] + 6)):
                    if self.lemma(doc[k]).lower() == ab.lower() or doc[k].text.lower() == ab.lower():
                        about_tok = doc[k].text
                        break
            further = self._further_count(doc, out, f)
            if further is None and f["unit"] is None and (ab is None or (rule or "").startswith("context:")) \
                    and (first := self._change_first(doc, out, f)) is not None:
                # session 15 (dev12 wn40269): "ging von 80.000 Behandlungen im Jahr 2003 auf 40.000 im Jahr 2004
                # zurück": the bare second number of "von X NOUN ... auf Y" counts the first's noun
                span._.about, span._.about_rule = first._.about, "change_range"
            elif further is not None:
                # "673 Journalisten festgenommen, weitere 929 erlitten Gewalt", "kam ein Mensch ums Leben,
                # 35 weitere wurden verletzt": "weitere" next to a bare count continues the count before
                span._.about, span._.about_rule = further, "elliptic_further"
            elif out and out[-1]._.about and (out[-1]._.about_rule or "").startswith(("context:amount_phrase", "context:von")) \
                    and f["start"] > out[-1].start and self._range_second(doc, out[-1], f):
                # the second number of that range shares it ("zwischen 80 und 150 Kilometern pro Stunde")
                span._.about, span._.about_rule = out[-1]._.about, "range"
            elif ab is not None and f["end"] < n and doc[f["end"]].text.lower() in self.classifier_nouns and out and out[-1]._.about \
                    and out[-1]._.about.lower() not in self.classifier_nouns and out[-1]._.unit == f["unit"] \
                    and self._same_sentence(doc, out[-1].start, f["num"]):
                # "2009 will BYD 180.000 Autos verkaufen, 2010 sollen es dann 350.000 Stück sein": a
                # classifier with nothing after it counts what the count before it in its sentence counted
                span._.about, span._.about_rule = out[-1]._.about, "elliptic_classifier"
            elif ab is None and out and out[-1]._.about and self._shares_about(doc, out[-1], f):
                span._.about = out[-1]._.about  # "200 bis 230 Euro", "75 Sitzen (56,1 Prozent)"
                span._.about_rule = "range"
            elif ab is None and f["unit"] is None and out and out[-1]._.about and f["end"] + 1 < n and \
                    doc[f["end"]].text.lower() in self.partitive_pronoun_before and doc[f["end"] + 1].text.lower() in self.partitive_pronouns:
                span._.about = out[-1]._.about  # "38 von ihnen": what the figure before counted
                span._.about_rule = "elliptic"
            elif ab is None and f["unit"] is not None and f["unit"] not in _TIME_UNITS and \
                    (same := self._same_unit_before(doc, out, f)) is not None:
                # "eine Neuverschuldung von 407 Milliarden Dollar, für das laufende Jahr mit
                # zusätzlichen 410 Milliarden Dollar": an amount in the unit of the one before, in
                # its sentence, with nothing of its own measures the same
                span._.about = same._.about
                span._.about_rule = "elliptic_unit"
            elif ab is None and f["unit"] is None and (last := self._last_count(out)) is not None and self._elliptic_count(doc, last, f):
                span._.about = last._.about  # "von den neun Gründungsmitgliedern sind nur noch sechs übrig"
                span._.about_rule = "elliptic"
            elif ab is None and f["unit"] is None and (ante := self._partitive_antecedent(doc, f)) is not None:
                # after the elliptic rules: "2.500 Einsatzkräften der Polizei aus, 1.600 davon" keeps the count's noun
                span._.about, span._.about_rule = self.about_lemma(doc, ante), "partitive_pronoun"
            if span._.about is None and f["unit"] in self.table_heading_units and (head := self._table_heading(doc, f)) is not None:
                # "Wahlergebnisse 2005:" above the lines "Christlichdemokratische Volkspartei: 16.58 % Sitze 4
                # (2001: 22,1%; ...)": a results table keeps its heading (guidelines, dev3 call), before the
                # vote-share rule that the heading's "Wahl..." would wake
                span._.about, span._.about_rule = self.about_lemma(doc, head), "table_heading"
            if span._.about is None and f["unit"] == "%" and self._vote_context(doc, f):
                span._.about, span._.about_rule = self.vote_about, "vote_share"
            if span._.about and span._.about.lower() in self.bare_quantity_nouns and f["unit"] is not None \
                    and (same := self._same_unit_earlier(out, f)) is not None:
                # "ab einer Menge von 500 Gramm" after "687 Gramm Cannabis": a quantity noun with no
                # content of its own measures what the article measured in that unit before (README dev10 call)
                span._.about, span._.about_rule = same._.about, "quantity_context"
            span._.event = self.event(doc, f, about_tok)
            out.append(span)
            free_from = f["end"]
        if self.about_model is not None and doc.has_annotation("DEP"):
            # after all figures, so that the rules (ranges, elliptic counts) run as without it; only
            # on a parsed Doc: its features are read off the parse (a pipeline without a parser, as
            # a blank one, crashed spaCy in `Token.children`)
            for span in out:
                if span._.unit not in _TIME_UNITS:
                    about = self.about_model.revise(self, doc, span)
                    if about is not None:
                        span._.about, span._.about_rule = about, "learned"
        doc.spans[FIGURE_SPANS] = sorted(out + ratios, key=lambda sp: sp.start) if ratios else out
        if any(sp[0].ent_type_ for sp in out):
            # a name that swallowed a figure's number (`_ent_slip`) ends before it
            ents = []
            for e in doc.ents:
                cut = next((sp.start for sp in out if e.start < sp.start < e.end <= sp.end), None)
                ents.append(Span(doc, e.start, cut, label=e.label_) if cut is not None else e)
            doc.ents = ents
        new_dates = self._join_durations(doc, new_dates)
        new_dates.extend(self._sets(doc))
        if new_dates:
            old = list(doc.spans[DATE_SPANS]) if DATE_SPANS in doc.spans else []
            old = [d for d in old if not any(d.start < x.end and x.start < d.end for x in new_dates)]
            doc.spans[DATE_SPANS] = sorted(old + new_dates, key=lambda sp: (sp.start, sp.end))
        return doc

    def _join_durations(self, doc: Doc, dates: list[Span]) -> list[Span]:
        """'eine Haftstrafe von [zwei Jahren und fünf Monaten]' (dev10 wn49445 gold): durations in a list closed by
        'und' (measures.json "compound_durations"; commas before it: 'ein Jahr, drei Monate und elf Tage'), each of a
        smaller unit than the one before, are one duration, P2Y5M; a list that does not join stays as it is."""
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
            if group and d._.date_type == "duration" and d.start == group[-1].end + 1 and (
                    doc[d.start - 1].text.lower() in self.duration_links or doc[d.start - 1].text == ","):
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

    def _comparison(self, doc: Doc, i: int) -> bool:
        """Is the anchored word doc[i] ("früher", "später") a comparative ("zehn Stunden früher als
        erwartet")? Then the amount before it is a duration, not a time counted from the last date."""
        j = i + 1
        while j < len(doc) and (doc[j].is_space or doc[j].is_quote):
            j += 1
        return j < len(doc) and doc[j].text.lower() in self.anchored_comparisons

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


@Language.factory("presseschau_figures", default_config={"lemma_lookup": True, "about_model": False},
                  assigns=["doc.spans", "span._.value", "span._.unit", "span._.about", "span._.qualifier", "span._.event"])
def make_figures(nlp: Language, name: str, lemma_lookup: bool, about_model: bool) -> FigureRecognizer:
    """lemma_lookup: look up lemmas for `about` in the pipeline's lookup lemmatizer table
    (the bundled model has one: shared, not loaded twice), else in spacy-lookups-data's.
    about_model: where no rule gives `about` (or, by the file's mode, over a rule), the learned
    ranker of ``pipeline/lang/de/about_model.json`` may (issue 18; `about_rule` "learned"). Off:
    retrained on dev..dev12 in session 15 it gains on the blind dev13 (rules 85 / 114, with it 89),
    but in cross-validation only one of four figures it changes is then right (28 changed, 7 won,
    1 lost): a reviewer is better served by no `about` than by a guess that is wrong three times in
    four (training/EXPERIMENTS.md, issue 18, sessions 11 and 15)."""
    return FigureRecognizer(lemma_lookup=lemma_lookup, lemma_table=_pipeline_lemma_table(nlp), about_model=about_model)


_UMLAUT_FREE = str.maketrans("äöüÄÖÜ", "aouAOU")


def load_lemma_resources() -> None:
    """Load simplemma's German table (about 1 s, 100 MB) now, with the other tables at a batch run's start
    (`pipeline.process.load_resources`, before local workers fork, so that they share it), not in the middle of
    the first article with a figure."""
    inflection_stripped_lemma("Scannern")


def inflection_stripped_lemma(word: str) -> Optional[str]:
    """simplemma's lemma of a word spaCy's lemma table lacks ("Scannern" -> "Scanner", "Wahllokale" -> "Wahllokal",
    "Fässern" -> "Fass"), only where it just cuts an ending, umlaut aside; else None.

    simplemma (Wiktionary-derived German forms, MIT) knows far more plural and dative forms than the lookup table.
    Its other lemmas break the guidelines' forms of `about` (session 18: taking them lost 13 right `about`s on the
    13 dev sets), so they are not taken: a nominalised adjective keeps its -e ("Abgeordnete", not "Abgeordneter"),
    a hyphen stays ("Solo-Album"), "-leute" stays ("Feuerwehrleute")."""
    import simplemma  # its German table is loaded on the first call (`load_lemma_resources`)

    # greedy: simplemma also splits compounds it does not list ("Provisions" -> "Provision"; dev..dev13 +1, no loss)
    lemma = simplemma.lemmatize(word, lang="de", greedy=True)
    if lemma != word and len(lemma) > 2 and word.translate(_UMLAUT_FREE).startswith(lemma.translate(_UMLAUT_FREE)):
        return lemma
    return None


def _pipeline_lemma_table(nlp: Language) -> Optional[Any]:
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_lookup"):
            return lookups.get_table("lemma_lookup")
    return None
