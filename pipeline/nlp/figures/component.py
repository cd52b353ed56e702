"""The `presseschau_figures` spaCy component: finds the figures of a Doc and fills their attributes."""
from __future__ import annotations

from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import TenseDetector, sentence_bounds
from ..ext import DATE_SPANS, FIGURE_SPANS
from ..normalize import lang_data, lookup_unit, parse_number_word
from .about import AboutRules
from .about_context import AboutContextRules
from .ages import AgeRules
from .amounts import AmountRules
from .clauses import ClauseRules
from .common import _CALENDAR_UNITS, _NUMBER_ONLY, _SYMBOL_PREFIX, _TIME_UNITS, _next, _prev
from .durations import DurationRules
from .exclusions import ExclusionRules
from .lemmas import LemmaRules, _pipeline_lemma_table
from .. import ext as spacy_ext  # noqa: F401  (registers the span extensions)

# the `about` rules a share of a named whole earlier in its sentence overrides (`_share_whole`): the parse's
# head, the noun after the share, a coordinated verb's subject
_SHARE_OVER_RULES = frozenset({"parse", "linear", "context:verb_subject_conj"})
# the rules whose `about` of the Y of "von X auf Y" the X takes over from the noun before "von" (`_change_pair_first`)
_CHANGE_PAIR_RULES = ("context:verb_subject", "context:verb_object", "context:change")


class FigureRecognizer(AmountRules, ExclusionRules, AboutRules, AboutContextRules,
                       ClauseRules, AgeRules, DurationRules, LemmaRules):
    def __init__(self, lemma_lookup: bool = True, lemma_table: Optional[Any] = None, about_model: bool = False):
        self.lemma_lookup = lemma_lookup
        self.about_model = None
        self.use_about_model(about_model)
        self._lemmas = lemma_table if lemma_lookup else None
        self._tense: Optional[TenseDetector] = None  # made on first use ("in vier Tagen" in a past clause)
        self._race_re: Optional[Any] = None  # made on first use (durations.py `_race_times`)
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
        self.not_counts = set(nums["not_counts"])
        self.ordinal_articles = set(nums["ordinal_articles"])
        ids = lang_data("identifiers.json")
        self.id_before = set(ids["before"])
        self.id_before_digits = set(ids["before_digits_only"])
        self.id_after = set(ids["after"])
        self.id_compound_heads = tuple(ids["compound_heads"])
        self.year_first_verbs = frozenset(ids["year_first_verbs"])
        self.clock_before = set(ids["clock_words"]["before"])
        self.clock_parts = [w.split() for w in ids["clock_words"]["parts"]]
        self.clock_max_hour = ids["clock_words"]["max_hour"]
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
        self.purpose_verb_preps = {k: set(v) for k, v in ms["purpose"]["verb_prepositions"].items()}  # "investiert ... in"
        self.money_units = set(ms["purpose"]["units"])
        self.participle_not_after = set(ms["participle_phrase"]["not_after"])
        self.partitive_pronouns = set(ms["partitive_pronouns"]["words"])
        self.partitive_pronoun_before = set(ms["partitive_pronouns"]["before"])
        self.ratio_cues = set(ms["ratios"]["cues"])
        self.ratio_separators = set(ms["ratios"]["separators"])
        self.speed_prepositions = set(ms["speed"]["prepositions"])
        self.measure_adjectives = set(ms["measure_adjectives"]["words"])
        self.angle_after = tuple(ms["angle_after"])
        self.zero_sides = {k: v for k, v in ms["zero_sides"].items() if not k.startswith("_")}
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
        self.not_duration_adjective_stems = tuple(ms["not_duration_adjective_stems"])
        self.ago_words = set(ms["ago_words"])
        self.ago_focus = set(ms["ago_focus_particles"])
        self.set_before = set(ms["set_before"])
        self.genitive_time_preps = set(ms["genitive_time_prepositions"])
        self.ahead_words = set(ms["ahead_words"])
        self.anchored_after = {k: v for k, v in ms["anchored_after"].items() if not k.startswith("_")}
        self.anchored_comparisons = frozenset(ms["anchored_comparisons"])
        self.age_after = set(ms["age_after"])
        self.age_before = [w.split() for w in ms["age_before"]]
        self.age_before_particles = frozenset(ms["age_before_particles"])  # session 32: "mit nur 65 Jahren"
        self.age_threshold_words = frozenset(ms["age_threshold"]["words"])  # session 32: "Personen ab 18 Jahren"
        self.age_threshold_not_after = tuple(ms["age_threshold"]["not_after_endings"])
        self.bare_age_inside = ms["bare_age_inside"]
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
        self.lemma_fixes = {r["surface"]: r["lemma"] for r in lang_data("lemmas.tsv") if not r["surface"].startswith(("-", "="))}
        # session 30: rows whose surface starts with "=" fix a whole word only, never a compound's head ("=Asse" -> "Ass":
        # "22 Asse", while "Gewichtsklasse", "Startmasse" keep theirs)
        self.lemma_words = {r["surface"][1:]: r["lemma"] for r in lang_data("lemmas.tsv") if r["surface"].startswith("=")}
        self.lemma_suffixes = [(r["surface"][1:], r["lemma"][1:]) for r in lang_data("lemmas.tsv") if r["surface"].startswith("-")]
        self.age_nouns = set(ms["age_nouns"])
        self.term_words = tuple(ms["bracket_years_age"]["term_words"])  # "Strafe ... Gelowicz (12 Jahre)": a term
        self.term_tokens = set(ms["bracket_years_age"]["term_tokens"])
        self.term_not_after = set(ms["bracket_years_age"]["term_not_after"])  # "beurteilte", "Vorurteil"
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
        self.bracket_not_units = frozenset(ms["bracket_measure"]["not_units"])
        self.bracket_share_nouns = frozenset(ms["bracket_measure"]["share_nouns"])
        self.share_subject_rules = frozenset(ms["share_subject"]["prev_rules"])
        self.share_subject_fractions = bool(ms["share_subject"]["fractions"])
        vs = ms["vote_shares"]
        self.vote_about = vs["about"]
        self.vote_parts = tuple(vs["parts"])
        self.vote_not_parts = tuple(vs["not_parts"])
        self.vote_part_endings = tuple(vs["part_endings"])
        self.vote_sentences_before = int(vs["sentences_before"])
        self.vote_pair_links = set(vs["pair_links"])
        self.vote_pair_verbs = set(vs["pair_verbs"])
        self.vote_pair_nouns = set(vs["pair_nouns"])
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
        self.stake_verbs = set(ms["stakes"]["verbs"])
        self.stake_after_articles = set(ms["stakes"]["after_articles"])
        self.stake_after_words = tuple(ms["stakes"]["after_words"])
        self.stake_after_verbs = set(ms["stakes"]["after_verbs"])
        self.content_prepositions = set(ms["content_prepositions"]["words"])
        self.recipient_verbs = set(ms["content_prepositions"]["not_with_verbs"])
        self.definite_articles = set(ms["definite_articles"])
        self.genitive_determiners = set(ms["genitive_determiners"])
        self.share_genitive_articles = frozenset(ms["share_genitive_articles"])
        self.singular_genitive_determiners = set(ms["singular_genitive_determiners"])
        self.range_links = {w for w in ms["range_links"] if " " not in w}  # one word: "bis", "und", "-"
        self.duration_links = set(ms["compound_durations"]["links"])
        self.duration_range_words = set(ms["compound_durations"]["not_after"])
        self.race_hours = list(ms["race_times"]["hours"])  # "8:14:40 Stunden", "2:46 Stunden"
        self.race_minutes = list(lang_data("dates.json")["race_time_units"])  # "1:41,983 Minuten": the dates rule's list
        self.race_not_after = set(ms["race_times"]["not_after"])
        self.range_link_phrases = [w.split() for w in ms["range_links"]]  # also "bis zu"
        self.alternative_links = set(ms["alternative_links"])
        self.dimension_links = set(ms["dimension_links"]["words"])  # "123 × 65 × 9,8 mm"
        self.dimension_not_before = tuple(ms["dimension_links"]["not_before"])
        self.dimension_units = set(ms["dimension_links"]["units"])
        self.change_from = set(ms["change_links"]["from"])  # "von derzeit 2000 auf rund 15.000"
        self.change_to = set(ms["change_links"]["to"])
        self.partitive_articles = set(ms["partitive_articles"])  # "zwei von den drei Kindern"
        self.bound_not_for_percent = set(ms["bound_not_for_percent"])  # "mit 30 Prozent" measures no noun before it
        self.genitive_one = set(ms["genitive_one"])  # "eines Tages" is no duration
        self.plural_time_units = set(ms["plural_time_units"])  # "eine Jahrhunderte übergreifende ...": no "one"
        self.container_prepositions = set(ms["container_prepositions"])  # "in Höhe von"
        self.singular_articles = set(ms["singular_articles"])
        self.threshold_nouns = set(ms["threshold_nouns"])
        self.demonstrative_pronouns = set(ms["demonstrative_pronouns"])
        self.genitive_s_articles = set(ms["genitive_s_articles"])
        self.person_noun_endings = tuple(ms["person_noun_endings"])
        self.period_nouns = set(ms["period_nouns"])
        self.hyphen_not_units = frozenset(ms["hyphen_compounds"]["not_units"])
        self.hyphen_not_heads = frozenset(ms["hyphen_compounds"]["not_heads"])
        self.hyphen_count_nouns = frozenset(ms["hyphen_compounds"]["count_nouns"])
        self.um_object_verbs = set(ms["um_object_verbs"])
        self.degree_prepositions = set(ms["degree_prepositions"]["words"])
        self.degree_not_after = set(ms["degree_prepositions"]["not_after"])
        self.partitive_adverbs = set(ms["partitive_pronouns"]["adverbs"])
        self.partitive_relatives = set(ms["partitive_pronouns"]["relative"])
        self.partitive_openers = set(ms["partitive_pronouns"]["openers"])
        self.source_prepositions = set(ms["source_prepositions"])
        cc = ms["copula_continuation"]
        self.copula_whole_preps = set(cc["whole_prepositions"])
        self.copula_after_words = set(cc["after_words"])
        self.copula_max_between = int(cc["max_between"])
        self.copula_set_containers = frozenset(cc["set_containers"])
        self.copula_set_quantity_words = frozenset(cc["set_quantity_words"])
        self.hundred_word = nums["hundred"]  # "hundert" after "ein" is no multiplier of the article

    def use_about_model(self, on: bool) -> None:
        """Switch the learned `about` (about_model.py; a fallback or an override, as its file's mode
        says) on or off; read when switched on, so that a missing or broken file stops the run
        before any article."""
        from ..about_model import load_about_model

        self.about_model = load_about_model() if on else None

    @staticmethod
    def _unit_opens_name(doc: Doc, e: Span) -> bool:
        """Session 28 (figure precision): a name (ORG, MISC) the model begins with a unit of units.tsv right after a
        number is the figure's unit and the noun after it, no name ("mit drei GB RAM": "GB RAM" ORG hid the FIGURE
        "drei GB"; "300-400 Megawatt Offshore Windpark" ORG; "drei Zoll Diagonale" MISC): the name is dropped, the unit
        goes back to the figure. What is left of such a name was no name in any case read (RAM, Offshore Windpark,
        Diagonale)."""
        prev = doc[e.start - 1] if e.start > 0 else None
        return e.label_ in ("ORG", "MISC") and prev is not None and lookup_unit(e[0].text) is not None \
            and (prev.like_num or parse_number_word(prev.text.lower()) is not None)

    # -- component --
    def __call__(self, doc: Doc) -> Doc:
        if any(_NUMBER_ONLY.fullmatch(e.text) for e in doc.ents):
            doc.ents = [e for e in doc.ents if not _NUMBER_ONLY.fullmatch(e.text)]  # a number is never a name
        if any(e.label_ in ("ORG", "MISC") and e.start > 0 and lookup_unit(e[0].text) is not None for e in doc.ents):
            doc.ents = [e for e in doc.ents if not self._unit_opens_name(doc, e)]
        blocked: set[int] = set()
        if DATE_SPANS in doc.spans:
            for sp in doc.spans[DATE_SPANS]:
                blocked.update(range(sp.start, sp.end))
        out: list[Span] = []
        new_dates: list[Span] = []
        relative_end: dict[int, int] = {}  # end token of a relative time ("in 15") -> its direction (1 / -1)
        pair_commas: set[int] = set()  # the comma of an approximate pair of times ("vor zwei, drei Wochen")
        n = len(doc)
        ratios = self._ratios(doc)
        for sp in ratios:
            blocked.update(range(sp.start, sp.end))
        races = self._race_times(doc)
        for sp in races:
            blocked.update(range(sp.start, sp.end))
        for start, end in self._url_tokens(doc):
            blocked.update(range(start, end))  # "https://twitter.com/x/status/1253829874919157760": no figure in a URL
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
            if f["bare"] and link_at < n and self.glued_range_dash(doc, link_at):
                link = 0  # "10 -14 €": the dash is glued to the second number
            pair_comma = f["bare"] and not f.get("closed") and link_at == f["end"] and self._time_pair_comma(doc, f, blocked)
            if pair_comma:
                pair_commas.add(link_at)
            if (f["bare"] or scaled_only) and not f.get("closed") and link_at + 1 < n and (link == 0 or pair_comma or doc[link_at].text.lower() in self.range_links
                                                                  or doc[link_at].text.lower() in self.alternative_links or (
                    doc[link_at].text.lower() in self.change_to and self._after_von(doc, f["start"]))
                                                                  or doc[link_at].text.lower() in self.dimension_links):
                # "600 Millionen bis zu zwei Milliarden Euro": "bis zu" links the range too;
                # "im Alter von 62, 64 und 66 Jahren": the last of a list gives its unit to all
                k = link_at + link
                if k + 1 < n and doc[k].text.lower() in self.qualifiers and not doc[k].like_num:
                    k += 1  # "von derzeit 2000 auf rund 15.000 Soldaten"
                partner = None if self._excluded(doc, k, blocked) else self.parse_at(doc, k)
                if f["bare"] and doc[link_at].text.lower() in self.dimension_links:
                    # "123 × 65 × 9,8 mm": a size's numbers share the unit of the last
                    while partner is not None and partner["bare"] and partner["end"] + 1 < n \
                            and doc[partner["end"]].text.lower() in self.dimension_links:
                        k = partner["end"] + 1
                        partner = None if self._excluded(doc, k, blocked) else self.parse_at(doc, k)
                    if partner is None or partner["unit"] not in self.dimension_units or (
                            partner["end"] < n and doc[partner["end"]].text.lower().startswith(self.dimension_not_before)):
                        partner = None  # "960 × 540 Pixeln": a count's chain, nothing to share; "4 x 100 Meter Staffel"; "3 x 50 Euro"
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
                    if partner["scale"] != 1 and partner["value"] and abs(f["value"] * factor) >= 1000 * abs(partner["value"]):
                        # "von 100.000 bis 5 Mio. EUR": a number written out in full takes the unit, not the
                        # multiplier (100.000 Mio. would be 1e11, 20,000 times its partner)
                        factor /= partner["scale"]
                    v = f["value"] * factor
                    f["value"] = int(v) if float(v).is_integer() else round(v, 4)
                    f["unit"] = partner["unit"]
                    f["about_from"] = partner
            if f["unit"] is None and (carried := self._carried_decimal_unit(doc, f, out[-1:] + new_dates[-1:])) is not None:
                f["unit"] = carried[0]  # "10,25 Prozent zahlt der Arbeitnehmer, 12,55 der Arbeitgeber"
            if self.bracket_age(doc, f) or self.bare_age(doc, f):
                f["unit"], f["age"] = "year", True
            if f["unit"] in _TIME_UNITS and not self.is_age(doc, f):
                # durations and relative times are DATEs (TimeML): "seit drei Monaten" -> P3M,
                # "vor fünf Jahren" -> the year five years before publication
                q0 = self._qualifier_start(doc, f["start"])
                p = self._ago_over_particles(doc, _prev(doc, q0))
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
                        and (sign := self._relative_sign(p, relative_end, pair_commas)) is not None \
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
                # a unit written before the first number ("zwischen CHF 80 000 und 100 000") carries over to
                # the range's bare second number, which has no multiplier of its own to show it is an amount
                unit_first = lookup_unit(prev_span[0].text)
                if prev_span._.unit is not None and prev_span._.unit not in _TIME_UNITS and \
                        f["start"] - prev_span.end <= 8 and (f["scale"] != 1 or (
                            unit_first is not None and unit_first[0] == prev_span._.unit and self._range_second(doc, prev_span, f))) and \
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
                elif (partner := self._alternative_count(doc, f, blocked)) is not None:
                    # session 29 (10kGNAD gnad81 "wieder 50 statt 100 Flüchtlingen pro Stunde"): a bare count
                    # before "statt" counts the noun of the count that it replaces (measures.json alternative_links)
                    ab = self.about(doc, partner)
                    rule = "alternative" if ab is not None else rule
            if f.get("compound_head"):
                # session 35: "eine 8-Kilo-Bombe" measures the compound's head (amounts.py `_hyphen_compound`)
                ab, rule = self.compound_head_lemma(f["compound_head"]), "compound_head"
            span._.about = ab
            span._.about_rule = "age" if f["unit"] in _TIME_UNITS else (rule if ab is not None else None)
            about_tok = None
            if ab is not None:
                for k in range(f["end"], min(n, f["end"] + 6)):
                    if self.lemma(doc[k]).lower() == ab.lower() or doc[k].text.lower() == ab.lower():
                        about_tok = doc[k].text
                        break
                if f.get("closed") and about_tok is not None:
                    # "im März 30.000. Bulgarien baut ...": the number ended its sentence, so a noun after it
                    # belongs to the next one and measures nothing of it
                    ab = span._.about = span._.about_rule = about_tok = None
            further = self._further_count(doc, out, f)
            copula = self._copula_continuation(doc, out, f) if ab is None and f["unit"] not in _TIME_UNITS else None
            if copula is not None:
                # session 31: "Heuer gab die Hälfte der Befragten an, ..., vergangenes Jahr waren es 43 Prozent": an amount
                # after "es" + "sein" continues the last figure in its unit (about_context.py `_copula_continuation`)
                span._.about, span._.about_rule = copula
            elif further is None and f["unit"] is None and (ab is None or (rule or "").startswith("context:")) \
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
            elif ab is None and out and out[-1]._.about and f["end"] + 1 < n and (f["unit"] is None or f["unit"] == "%" and self._count_near(doc, out[-1], f)) and \
                    doc[f["end"]].text.lower() in self.partitive_pronoun_before and doc[f["end"] + 1].text.lower() in self.partitive_pronouns:
                # "38 von ihnen": what the figure before counted; session 32 (our own rule; unseen 10kGNAD gnad144 "... kamen
                # ... rund 180.000 Menschen nach Österreich. Etwa zehn Prozent von ihnen blieben im Land"): a share of them
                # after a count too (after a share, the share's whole: `_share_subject`)
                span._.about = out[-1]._.about
                span._.about_rule = "elliptic"
            elif ab is None and f["unit"] is not None and f["unit"] not in _TIME_UNITS and \
                    (same := self._same_unit_before(doc, out, f)) is not None:
                # "eine Neuverschuldung von 407 Milliarden Dollar, für das laufende Jahr mit
                # zusätzlichen 410 Milliarden Dollar": an amount in the unit of the one before, in
                # its sentence, with nothing of its own measures the same
                own = self._own_noun_subject(doc, same, f)
                span._.about = self.lemma(own) if own is not None else same._.about
                span._.about_rule = "own_subject" if own is not None else "elliptic_unit"
            elif ab is None and (same := self._unit_davon_before(doc, out, f)) is not None:
                # session 33 (our own rule; web page web195 "... Flächenfußabdruck von 2.022 Quadratmetern pro Jahr vor. 180
                # Quadratmeter davon entfallen auf Grünland"; a count's "8,6 Mrd. davon" (10kGNAD gnad860) already had its
                # noun from `_partitive_antecedent`): an amount right before "davon" is a part of the last amount in its
                # unit, in its sentence or the one before, and measures the same
                span._.about, span._.about_rule = same._.about, "partitive_unit"
            elif ab is None and (last := self._last_count(out)) is not None and self._elliptic_count(doc, last, f) \
                    and (f["unit"] is None or (f["unit"] == "%" and self._partitive_set(doc, last, f))):
                # a share of a set opened by "von den" counts it: "Von den 643 Messstationen ... zeigten 52 Prozent"
                span._.about = last._.about  # "von den neun Gründungsmitgliedern sind nur noch sechs übrig"
                span._.about_rule = "elliptic"
            elif ab is None and f["unit"] is None and out and self._list_item_count(doc, out[-1], f):
                span._.about, span._.about_rule = out[-1]._.about, "list_item"
            elif ab is None and f["unit"] not in _TIME_UNITS and (ante := self._partitive_antecedent(doc, f)) is not None:
                # after the elliptic rules: "2.500 Einsatzkräften der Polizei aus, 1.600 davon" keeps the count's noun
                span._.about, span._.about_rule = self.about_lemma(doc, ante), "partitive_pronoun"
            elif ab is None and copula is None and (counted := self._copula_count_set(doc, f)) is not None:
                # session 37: "die Zahlen der ... geflüchteten Menschen ... Nur noch 335, 338 ... waren es": a bare count
                # after "es" + "sein" with no figure to continue is the size of the set named before it
                span._.about, span._.about_rule = self.about_lemma(doc, counted), "copula_set"
            if span._.about is not None and f["unit"] == "%" and span._.about_rule in _SHARE_OVER_RULES \
                    and not self._unit_genitive(doc, f) and (whole := self._share_whole(doc, out, f)) is not None:
                # session 23 (dev15, the annotators' call): a share with no genitive of its own in the sentence of a
                # share of a named whole is a share of that whole ("Während 33 Prozent der Befragten ..., berichten
                # nur zwölf Prozent von ...", "lag bei 100 Prozent des Bruttoinlandsprodukts und war auf 121
                # Prozent gestiegen"), not the noun the parse, the next word or the verb's subject gives it
                span._.about, span._.about_rule = whole, "elliptic_share"
            if span._.about is None and f["unit"] in self.table_heading_units and (head := self._table_heading(doc, f)) is not None:
                # "Wahlergebnisse 2005:" above the lines "Christlichdemokratische Volkspartei: 16.58 % Sitze 4
                # (2001: 22,1%; ...)": a results table keeps its heading (guidelines, dev3 call), before the
                # vote-share rule that the heading's "Wahl..." would wake
                span._.about, span._.about_rule = self.about_lemma(doc, head), "table_heading"
            if span._.about is None and f["unit"] == "%" and (whole := self._bracket_share(doc, out, f)) is not None:
                # session 33: "Die Mehrheit der Beschäftigten (56 Prozent)", "mehr als ein Drittel (36 Prozent)": a bracketed
                # percentage restates the share before it (about_context.py `_bracket_share`)
                span._.about, span._.about_rule = whole, "bracket_share"
            if span._.about is None and f["unit"] == "%" and (whole := self._share_sentence_before(doc, out, f)) is not None:
                # session 26: "... 240 Prozent der Wirtschaftsleistung. ... Griechenland (180 Prozent)": the share of
                # the whole the sentence before named, before the vote-share guess
                span._.about, span._.about_rule = whole, "share_sentence_before"
            fraction = f["unit"] is None and self.share_subject_fractions and isinstance(f["value"], (int, float)) and 0 < f["value"] < 1
            if span._.about is None and (f["unit"] == "%" or fraction) and (whole := self._share_subject(doc, out, f)) is not None:
                # session 33 (web pages "Knapp die Hälfte gab später an", "Immerhin ein Fünftel (21 Prozent) arbeitet"): a
                # fraction as the subject too
                # session 29: "84 Prozent der Befragten ... 47 Prozent von ihnen könnten sich vorstellen": a share that is
                # the subject of a verb that measures nothing counts the whole of the share before it
                span._.about, span._.about_rule = whole, "share_subject"
            if span._.about is None and f["unit"] == "%" and self._vote_context(doc, f):
                span._.about, span._.about_rule = self.vote_about, "vote_share"
            if span._.about is None and f["unit"] is None and self._vote_pair(doc, f):
                # session 32: "Die Abgeordneten stimmten mit 322 zu 306 für einen Antrag": a vote's bare pair counts votes
                span._.about, span._.about_rule = self.vote_about, "vote_pair"
            if span._.about and span._.about.lower() in self.bare_quantity_nouns and f["unit"] is not None \
                    and (same := self._same_unit_earlier(out, f)) is not None:
                # "ab einer Menge von 500 Gramm" after "687 Gramm Cannabis": a quantity noun with no
                # content of its own measures what the article measured in that unit before (README dev10 call)
                span._.about, span._.about_rule = same._.about, "quantity_context"
            if span._.about and (span._.about_rule or "").startswith(_CHANGE_PAIR_RULES) \
                    and (first := self._change_pair_first(doc, out, f, span._.unit)) is not None and first._.about != span._.about:
                # session 34 (our own rule; 10kGNAD gnad669 "der Anteil der Austrittsbefürworter wuchs im Lauf des Abends von
                # 17 auf 30 Prozent", gnad628 "der Anteil der Problemkredite an den Gesamtkrediten von 45 Prozent ... auf 60
                # Prozent", gnad406 "seine Wachstumsprognose gegenüber dem vergangenen Herbst von zwei auf 1,5 Prozent
                # gesenkt", web pages "Der bereinigte Verlust sank im Jahresvergleich von 228,4 auf 211,5 Millionen Dollar",
                # "eine Absenkung der Mehrwertsteuer auf Tickets von 19 auf sieben Prozent": 9 figures of the pool change,
                # all wrong before and right after): both ends of a change
                # measure the same, and the verb's subject or object or the change noun that Y gives names it better than
                # the noun right before "von" (a time, a phrase inside the subject's attribute)
                first._.about, first._.about_rule = span._.about, "change_pair"
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
        new_dates.extend(races)
        new_dates.extend(self._sets(doc))
        if new_dates:
            old = list(doc.spans[DATE_SPANS]) if DATE_SPANS in doc.spans else []
            old = [d for d in old if not any(d.start < x.end and x.start < d.end for x in new_dates)]
            doc.spans[DATE_SPANS] = sorted(old + new_dates, key=lambda sp: (sp.start, sp.end))
        return doc


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
