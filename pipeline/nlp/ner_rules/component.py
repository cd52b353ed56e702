"""The `presseschau_ner_rules` spaCy component: the repairs' switches and data, the order in which
they run on a Doc (the package docstring lists them), and the factory."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...clean.data import place_names
from ..ext import TYPED_SPANS
from ..normalize import lang_data
from .acronyms import AcronymRules
from .added import AddedNameRules
from .apposition import AppositionRules
from .bounds import BoundRules, edge_mark_sets
from .clubs import ClubRules
from .common import _NAME_LABELS
from .data import _common_nouns, evidence_nouns, listed_bodies, person_names, region_names, term_acronyms
from .drops import DropRules
from .labels import EVENT_YEAR, LabelRules
from .persons import PersonRules

REPAIRED_SPANS = "presseschau_ner_rules"  # doc.spans key: the spans this component changed


class NerRules(BoundRules, LabelRules, DropRules, AppositionRules, AddedNameRules, PersonRules, AcronymRules, ClubRules):
    def __init__(self, strip_descriptors: bool = True, org_forms: bool = True, drop_adjectives: bool = True, drop_common_nouns: bool = True,
                 drop_compound_nouns: bool = True, apposition: bool = True, institutions: bool = True, kinds: bool = True,
                 persons: bool = True, institution_places: bool = True, roads: bool = True, name_bounds: bool = True,
                 acronyms: bool = True, org_apposition: bool = True, datelines: bool = True, places: bool = True,
                 known: tuple[Iterable[str], Iterable[str]] = ((), ())):
        self.strip_descriptors = strip_descriptors
        self.datelines = datelines
        self.places = places
        self.name_bounds = name_bounds
        self.acronyms = acronyms
        self.org_apposition = org_apposition
        self.institution_places = institution_places
        self.roads = roads
        self.apposition = apposition
        self.institutions = institutions
        self.kinds = kinds
        self.persons = persons
        self.org_forms = org_forms
        self.drop_adjectives = drop_adjectives
        self.drop_common_nouns = drop_common_nouns
        self.drop_compound_nouns = drop_compound_nouns
        self.drop_plural_compounds = drop_compound_nouns  # `plural_compound` (session 31), with the compound drop
        self.known_names, self.known_places = set(known[0]), set(known[1])
        names = lang_data("names.json")
        data = lang_data("ner_rules.json")
        self.titles = frozenset(names["titles"])
        self.particles = frozenset(names["surname_particles"])
        self.name_suffixes = frozenset(names["name_suffixes"])  # `suffix_end` (session 29)
        self.definite_articles = frozenset(names["definite_articles"])
        self.indefinite_articles = frozenset(names["indefinite_articles"])  # `product_label`
        self.version_names = True  # `product_label`: a name ending in a dotted version number is a product (session 26)
        self.event_year = EVENT_YEAR  # `kind_label` (session 29)
        self.year_events = frozenset(data["kind_heads"]["MISC"]["year_words"])  # `kind_label` (session 30)
        self.event_years = kinds  # `event_year_end`: '[NBA Finals] 2007' -> '[NBA Finals 2007]' (session 37), with the kinds
        self.place_descriptors = frozenset(w.casefold() for w in data["place_descriptors"])
        self.legal_forms = frozenset(data["legal_forms"])
        self.org_heads = frozenset(data["org_heads"])
        self.name_heads = frozenset(data["name_heads"]) | self.org_heads
        self.club_prefixes = frozenset(data["club_prefixes"])
        self.org_compound_prefixes = tuple(data["org_compound_prefixes"])
        self.strip_pos = frozenset(data["strip_leading_pos"])
        self.trailing_pos = frozenset(data["strip_trailing_pos"])
        self.city_suffix = data["city_adjective"]["suffix"]
        self.city_place_endings = tuple(data["city_adjective"]["place_endings"])
        self.trailing_openers = frozenset(data["trailing_openers"])
        self.kind_words = {w: lab for lab, d in data["kind_heads"].items() if not lab.startswith("_") for w in d["words"]}
        self.kind_endings = tuple((e, lab) for lab, d in data["kind_heads"].items() if not lab.startswith("_") for e in d["endings"])
        fed = data["federal_institutions"]
        self.institution_prefixes = tuple(fed["prefixes"])
        self.institution_heads = tuple(fed["heads"])
        self.institution_not_before = frozenset(fed["not_before"])
        self.institution_whole_heads = frozenset(fed["whole_heads"])
        self.chambers = frozenset(data["chambers"])
        # lang/de/institutions_dach.tsv ("ÖVP", "Nationalrat", "Team Stronach") and platforms.tsv ("WhatsApp", session 37)
        self.dach_names = listed_bodies()
        self.dach_lengths = sorted({len(k) for k in self.dach_names}, reverse=True)
        self.dach_first_words = frozenset(k[0] for k in self.dach_names)
        self.hyphen_org_heads = frozenset(data["hyphen_org_heads"])
        self.role_endings = tuple(data["person_roles"]["endings"])
        self.election_heads = tuple(data["election_heads"])
        self.party_nouns = frozenset(data["party_nouns"])
        self.unnamed_nouns = frozenset(w for words in data["unnamed_nouns"].values() for w in words)
        self.unnamed_endings = tuple(data["unnamed_suffixes"]["endings"])
        self.unnamed_stem = int(data["unnamed_suffixes"]["min_stem"])
        # `dropped` (session 27); with those of technologies, services and business terms ('das heute bekannte [LTE]',
        # 'am [POS]'; session 36)
        self.term_acronyms = term_acronyms()
        self.source_before = frozenset(data["news_sources"]["before"])  # `news_sources` (session 28)
        self.source_before_verbs = frozenset(data["news_sources"]["before_verbs"])  # `news_source` (session 32)
        self.source_after = frozenset(data["news_sources"]["after"])
        self.source_outlets = frozenset(data["news_sources"]["outlets"])  # `add_outlets` (session 29)
        self.source_verbs = frozenset(data["news_sources"]["after_verbs"])
        self.road_words = frozenset(data["roads"]["words"])
        self.road_plural_words = frozenset(data["roads"]["plural_words"])
        self.slash_join_words = frozenset(data["slash_join_words"])
        self.place_prepositions = frozenset(data["place_prepositions"]["words"])
        self.not_places = frozenset(data["place_prepositions"]["not_places"])
        self.place_coordinators = frozenset(data["place_prepositions"]["coordinators"])
        self.dateline_ends = frozenset(data["datelines"]["ends"])
        self.dateline_tag_max = int(data["datelines"]["tag_max"])
        # `add_dateline_places` (session 28): the dashes among a dateline's ends (one list for both)
        self.dateline_place_dashes = frozenset(c for c in self.dateline_ends if unicodedata.category(c) == "Pd")
        self.dateline_quotes = frozenset(data["dateline_places"]["quotes"])
        acr = data["acronyms"]
        self.acronym_re = re.compile(acr["pattern"])
        self.long_form_inner = frozenset(acr["long_form_inner"])
        self.term_pos = frozenset(acr["term_pos"])
        self.road_letters = {k: v for k, v in data["roads"]["letters"].items() if not k.startswith("_")}
        self.institution_place_heads = tuple((lab, tuple(words)) for lab, words in data["institution_places"].items()
                                             if not lab.startswith("_"))
        self.appositive_heads = {form.casefold(): label for label, forms in data["appositive_heads"].items()
                                 if not label.startswith("_") for form in forms}
        self.org_apposition_heads = {form.casefold(): "ORG" for form in data["org_apposition_heads"]}
        self.quoted_work_heads = {form.casefold(): "MISC" for form in data["quoted_work_heads"]}  # session 32
        self.place_qualifiers = frozenset(data["place_qualifiers"])  # `bracket_place` (session 32)
        self.not_work_heads = frozenset(w.casefold() for w in data["not_work_heads"])
        # read the common-noun list now, not on the first article: the model is loaded before
        # the workers fork, so they share it, and a broken file stops the run at the start
        _common_nouns()
        evidence_nouns()  # `evidence_noun` (session 36), read now for the same reasons
        self.place_list = place_names()  # lang/de/place_names.tsv.gz (the cleaner's too): `places`
        self.regions = region_names()  # `places`: "Böhmen und [Mähren]"
        branches = data["party_branches"]  # `join_party_branches` (session 30)
        self.branch_parties = frozenset(branches["parties"])
        self.branch_regions = region_names(kinds=frozenset(branches["region_kinds"]))
        self.org_branches = institutions  # `join_party_branches`: any ORG + its Land (session 37)
        self.first_names, self.surnames = person_names()
        self.plural_place_heads = frozenset(data["plural_place_heads"])  # `plural_compound` (session 31)
        self.lineups = persons  # `add_lineup_players` (session 32), with the persons repair
        self.lineup_teams = persons  # `add_lineup_players`: the team's name before a line-up (session 32)
        self.particle_surnames = persons  # `join_particle_surnames` (session 32), with the persons repair
        self.noun_before_first_name = strip_descriptors  # `person_lead` (session 32), with the descriptors
        self.lineup_cfg = data["lineups"]
        self.lineup_separators = frozenset(self.lineup_cfg["separators"])
        self.lineup_dashes = frozenset(self.lineup_cfg["dashes"])
        self.lowercase_min_count = int(data["lowercase_forms"]["min_count"])  # `lowercase_word` (session 32)
        self.company_heads = frozenset(data["company_short_names"]["heads"])  # `company_short_names` (session 32)
        self.short_company_names = True  # `company_short_names` (session 32), with org_apposition
        self.legal_form_ends = strip_descriptors  # `legal_form_end` (session 33), with the trim
        self.legal_form_names = org_apposition  # `add_legal_form_names` (session 33), with org_apposition
        self.bracketed_long_forms = acronyms  # `add_bracketed_long_forms` (session 33), with the acronyms
        self.org_head_words = frozenset(w.casefold() for w in self.org_heads) \
            | {w for w, lab in self.appositive_heads.items() if lab == "ORG"} | set(self.org_apposition_heads)
        self.first_name_surnames = persons  # `add_persons`: '[Gabi] Sprickler-Falschlunger' (session 33)
        self.speakers = persons  # `add_speakers`: 'sagt [Bilalic].' (session 34)
        self.speaker_lemmas = frozenset(data["speaker_verbs"]["lemmas"])
        self.speaker_after = frozenset(data["speaker_verbs"]["after"])
        self.role_surnames = persons  # `role_surname`: 'der Vorsitzende [Richter]' (session 34)
        self.role_surname_words = frozenset(data["role_surnames"]["words"])
        self.role_surname_after = frozenset(data["role_surnames"]["after"])
        self.compound_lead_nouns = strip_descriptors  # `person_lead`: 'Jagdleiter [Gottfried Koller]' (session 34)
        self.role_leads = strip_descriptors  # `person_lead`: 'Jagdleiter [Koller]' (session 34)
        self.role_led_persons = strip_descriptors  # `person_led`: '[Landeshauptmann Günther Platter]' ORG -> PER (session 37)
        self.not_lead_endings = tuple(data["role_led_persons"]["not_lead_endings"])  # 'Galerie', 'Stiftung'
        self.lead_role_endings = tuple(data["person_leads"]["role_endings"])
        self.rank_leads = strip_descriptors  # `lead_role`: 'Golfprofi [Bernd Wiesberger]', 'Generalmajor [Golan]' (session 36)
        self.rank_lead_endings = tuple(data["person_lead_ranks"]["endings"])
        self.role_word_drops = drop_common_nouns  # `role_word`: 'für den [Kremlchef]' dropped (session 36)
        self.agency_credits = org_apposition  # `add_agency_credits`: '([APA], 18.3.2016)' ORG (session 36)
        self.credit_agencies = frozenset(data["agency_credits"]["agencies"])
        self.credit_after = frozenset(data["agency_credits"]["after"])
        self.article_names = institutions  # `add_article_names`: 'dass die [Union] ihre Kritik' ORG (session 37)
        self.article_name_words = {w: lab for lab, words in data["article_names"].items() if not lab.startswith("_")
                                   for w in words}
        self.demonym_drops = drop_common_nouns  # `demonym`: 'der [Norweger] werde' LOC dropped (session 37)
        self.demonym_endings = tuple(sorted(data["demonyms"]["endings"], key=len, reverse=True))
        self.demonym_country_endings = tuple(data["demonyms"]["country_endings"])
        self.acronym_backed_leads = org_apposition  # `acronym_after_spells_rest` (session 37)
        self.dateline_relabels = datelines  # `dateline_persons`: '[Wels] – Keine ...' PER -> LOC (session 37)
        particles = data["person_particles"]  # session 35, with the persons repair
        self.arabic_particles = persons  # `join_arabic_particles`: '[Othman] el-Zentani' -> '[Othman el-Zentani]'
        self.arabic_hyphen_re = re.compile(r"(?:%s)-[A-ZÄÖÜ]" % "|".join(map(re.escape, particles["hyphen_prefixes"])))
        self.arabic_words = frozenset(particles["words"])
        self.arabic_max_runs = int(particles["max_runs"])
        self.bracketed_place_before = places  # `coordinated_with_place`: 'Breslau (Wroclaw) und [Walbrzych]' (session 33)
        self.club_short_names_on = persons  # `club_short_names`: 'SK Rapid Wien' ... '[Rapid]' ORG (session 33)
        clubs = data["club_short_names"]
        self.club_short_prefixes = frozenset(clubs["prefixes"])
        self.club_not_after = frozenset(clubs["not_after"])
        self.club_hyphen_roles = frozenset(clubs["hyphen_roles"])
        self.club_name_words = frozenset(clubs["club_words"])  # `org_label`: 'Wacker Innsbruck' PER -> ORG
        compounds = data["compound_place_nouns"]  # `compound_common_noun` (session 33), with the compound drop
        self.drop_compound_places = drop_compound_nouns
        self.slashed_places = places  # `split_slashed_places` (session 33), with the places repair
        # `places_read_as_persons`: a country or region the model read as a PER is LOC in any context (session 34)
        self.countries_as_persons = places
        self.countries = frozenset(data["countries"]["words"])
        self.country_nouns = places  # `place_word`: 'nach [Schweden]', a country the lemma table reads as a plural (session 35)
        west = data["west_bloc"]  # `add_west_bloc`: 'Westen' as the bloc is LOC (session 34), with the places repair
        self.west_bloc = places
        self.west_words = frozenset(west["words"])
        self.west_articles = frozenset(west["articles"])
        self.west_not_after = frozenset(west["not_after"])
        self.west_compass = frozenset(west["compass"])
        self.west_window = int(west["window"])
        self.compound_place_heads = frozenset(compounds["place_heads"])
        self.compound_linkers = tuple(compounds["linkers"])
        self.compound_min_part = int(compounds["min_part"])
        self.org_years = strip_descriptors  # `trimmed`: an ORG span's last word a year is cut ('die [VIG] 2015'; session 33)
        versions = data["misc_version_numbers"]  # `version_end` (session 34), with the kinds repair; None: off
        self.misc_version_numbers = int(versions["max_digits"]) if kinds else None  # common.py `model_number`
        self.version_not_before_pos = frozenset(versions["not_before_pos"])
        self.model_variants = True  # `version_end`: '[Boeing 767-300]', the variant split off by the tokenizer (session 35)
        # `org_lead_noun`: '[Gewerkschaft IG Metall]' ORG -> 'IG Metall' (session 34), with org_apposition
        self.org_lead_nouns = org_apposition
        self.org_lead_keep = frozenset(data["org_lead_nouns"]["keep_heads"])
        self.org_examples_on = org_apposition  # `org_examples`: 'Firmen wie [Evernote], [Dropbox] oder Google' (session 34)
        self.org_examples_cfg = {k: frozenset(v) for k, v in data["org_examples"].items() if not k.startswith("_")}
        self.version_after = kinds  # `product_version_end`: '[Opera 10.6]' MISC, not '[Opera]' ORG (session 34), with the kinds
        self.i_products = kinds  # `product_label`: 'in der [iCloud]' ORG -> MISC (session 34), with the kinds
        self.i_product_re = re.compile(data["i_products"]["pattern"])
        self.i_products_added = kinds  # `add_i_products`: 'und [iPhones]' MISC where the model found nothing (session 37)
        self.i_product_model_words = frozenset(data["i_products"]["model_words"])  # `i_product_end` (session 37)
        self.english_roles = drop_common_nouns  # `english_role`: '[Chief Digital Officer]' ORG dropped (session 34)
        # `lead_role`: an English job title of english_roles.roles before a name is a role, not part of it ('den
        # detailversessenen Engineer [Moritz Enders]', session 37), with the descriptors
        self.english_lead_roles = strip_descriptors
        self.edge_marks = strip_descriptors  # `trimmed`: no name starts or ends in a quotation or emphasis mark (session 37)
        self.english_role_cfg = {k: frozenset(v) for k, v in data["english_roles"].items() if not k.startswith("_")}
        self.english_terms = drop_common_nouns  # `english_term`: 'mit [Social Media]' ORG dropped (session 36)
        # `drop_term_acronyms`: a name right before a listed term acronym in brackets is dropped, '[Mixed Reality] (MR)'
        self.term_acronym_long_forms = acronyms
        self.english_term_set = frozenset(" ".join(t.split()).casefold() for t in data["english_terms"]["terms"])
        saints = data["saint_abbreviations"]  # `join_saint_names`: '[St .] Peter' -> '[St . Peter]' (session 35), with name_bounds
        self.saint_names = name_bounds
        # `org_label`: a name ending in a hyphenated word whose last part is an organisation head ('[Robert
        # Koch-Institut]' PER -> ORG; session 35), with org_forms
        self.hyphen_org_names = org_forms
        self.saint_words = frozenset(saints["words"])
        self.saint_max_words = int(saints["max_words"])
        hyphen = data["hyphen_places"]  # `add_hyphen_places`: '[Omo-Region]' (session 35), with the places repair
        self.hyphen_places = places
        # `add_country_codes`: '(SWE)' after a person's name LOC (session 36), with the places repair
        self.country_codes = places
        self.sport_country_codes = frozenset(data["country_codes"]["codes"])
        self.hyphen_place_heads = frozenset(hyphen["heads"])
        self.hyphen_multi_part_heads = frozenset(hyphen["multi_part_heads"])
        self.hyphen_listed_heads = frozenset(hyphen["listed_heads"])
        # `org_noun_name`: 'EU-Parlament', 'Bundesliga', 'Youtube' ORG are kept from the common-noun drop (session 35)
        self.org_noun_names = drop_common_nouns
        self.org_hyphen_heads = frozenset(data["org_noun_names"]["hyphen_heads"])
        self.league_heads = tuple(w.casefold() for w in data["org_noun_names"]["league_heads"])
        self.known_other_case = {w.casefold() for w in self.known_names if not w.isupper()}
        self.city_bodies = drop_common_nouns  # `city_body`: '[Berliner Landgericht]' ORG dropped (session 35)
        self.city_body_endings = tuple(data["city_bodies"]["endings"])
        self.street_names = kinds  # `street_label`: '[Fifth Avenue]' ORG -> LOC (session 35)
        self.street_last_words = frozenset(data["street_names"]["last_words"])
        self.street_not_names = frozenset(data["street_names"]["not_names"])
        self.eponym_adjectives = kinds  # `eponym_label`: '[Maxwellschen Gleichungen]' ORG -> MISC (session 35)
        self.eponym_re = re.compile(data["eponym_adjectives"]["pattern"])
        self.eponym_not_stem_endings = tuple(data["eponym_adjectives"]["not_stem_endings"])
        self.outlet_names = drop_common_nouns  # `outlet_name`: 'Angaben des [Spiegel]', '„[Stern]“' ORG kept (session 35)
        self.outlet_cues = {k: (tuple(v) if k == "heads" else frozenset(v)) for k, v in data["outlet_names"].items()
                            if not k.startswith("_")}
        # `misc_adjective`: a one-word MISC that is a lowercase adjective is dropped ('die [europäischen]
        # Polizeibehörden'; session 35), with the adjective drop
        self.misc_adjectives = drop_adjectives
        misc_adj = data["misc_adjectives"]
        self.misc_adjective_endings = tuple(misc_adj["endings"])
        self.evidence_noun_drops = drop_common_nouns  # `evidence_noun`: 'einen [Etat]' dropped (session 36)
        self.evidence_noun_articles = frozenset(data["evidence_nouns"]["articles"])
        self.misc_elections = drop_common_nouns  # `misc_election`: '[Bundestagswahl 2009]' MISC dropped (session 35)
        # `add_place_wars`: 'Irakkrieg', 'Kosovo-Krieg' MISC where the model found nothing (session 35), with the kinds
        self.place_wars = kinds
        wars = data["place_wars"]
        self.war_heads = tuple(sorted((h.casefold() for h in wars["heads"]), key=len, reverse=True))
        self.war_min_place = int(wars["min_place"])
        # `add_named_laws`: 'Benn-Gesetzes', 'Erneuerbare-Energien-Gesetz' MISC where the model found nothing (session 37),
        # with the kinds
        self.named_laws = kinds
        laws = data["named_laws"]
        self.law_heads = frozenset(h.casefold() for h in laws["heads"])
        self.law_min_part = int(laws["min_part"])
        # `add_city_events`: 'der [Frankfurter Buchmesse]' MISC where the model found nothing (session 37), with the kinds
        self.city_events = kinds
        self.city_event_heads = frozenset(data["city_events"]["heads"])
        # `close_quoted_titles`: „[Die Revolution] missbraucht ihre Kinder“ -> the whole quote MISC (session 36), with
        # name_bounds
        titles = data["quoted_titles"]
        self.quoted_titles = name_bounds
        self.title_quote_pairs = {k: frozenset(v) for k, v in titles["pairs"].items()}
        self.title_quotes = frozenset(self.title_quote_pairs) | frozenset(c for v in self.title_quote_pairs.values() for c in v)
        self.edge_openers, self.edge_closers = edge_mark_sets(self.title_quote_pairs, self.title_quotes)  # `edge_mark`
        self.title_max_tokens = int(titles["max_tokens"])
        self.title_min_tokens = int(titles["min_tokens"])
        # `by_apposition`: 'Sendereihe „[oper kompakt]“', 'Dokumentationssendung „[37 Grad]“' MISC (session 36), with apposition
        self.quoted_lowercase_titles = apposition
        self.title_not_last = frozenset(titles["not_last"])

    def listed_place(self, text: str) -> bool:
        """`text` is a place of the lists: the model's gazetteer places, the place list or regions.tsv."""
        return text in self.known_places or text in self.place_list or text in self.regions

    def __call__(self, doc: Doc) -> Doc:
        # no early return for a Doc without entities: the repairs that add names (apposition,
        # institutions, persons) matter most where the model found nothing (session 10: a
        # sentence of GermEval dev is often such a Doc)
        out: list[Span] = []
        repaired: list[Span] = []
        mentions = Counter(e.text for e in doc.ents if e.label_ in _NAME_LABELS)
        model_tokens = {i for e in doc.ents for i in range(e.start, e.end)}
        for ent in doc.ents:
            if ent.label_ == "MISC" and ((self.misc_adjectives and self.misc_adjective(ent))
                                         or (self.misc_elections and self.misc_election(ent))):
                repaired.append(Span(doc, ent.start, ent.end, label="DROPPED"))  # 'die [europäischen] Polizei' (session 35)
                continue
            if ent.label_ not in _NAME_LABELS:
                # MISC too: no name runs over a paragraph break ('Abo\n\nMedia', 'Follows\n\nFollower\n\n'
                # on a web page printed as text, one navigation item a paragraph); a line break
                # inside one stays (a hard-wrapped title)
                a, b = (ent.start, self.paragraph_end(doc, ent.start, ent.end)) if self.name_bounds else (ent.start, ent.end)
                if ent.label_ == "MISC" and self.misc_version_numbers is not None:
                    b = self.version_end(doc, a, b, model_tokens)  # "[Firefox] 5" -> "[Firefox 5]" (session 34)
                if ent.label_ == "MISC":  # "[NBA Finals] 2007" -> "[NBA Finals 2007]" (session 37)
                    b = self.event_year_end(doc, a, b, model_tokens)
                if (a, b) != (ent.start, ent.end):
                    ent = Span(doc, a, b, label=ent.label_, kb_id=ent.kb_id_)
                    repaired.append(ent)
                out.append(ent)
                continue
            start, end, label = ent.start, ent.end, ent.label_
            if self.name_bounds:  # before the descriptors: "Brians Sohn Murchad" is "Brians", not "Murchad"
                end = self.unbracketed_end(doc, start, end)
                end = self.line_end(doc, start, end)
                if label == "PER":
                    end = self.possession_end(doc, start, end)
                    end = self.suffix_end(doc, start, end)
                if start == end:
                    repaired.append(Span(doc, ent.start, ent.end, label="DROPPED"))
                    continue
            if self.strip_descriptors:
                if self.role_led_persons and label in ("ORG", "LOC") and self.person_led(doc, start, end):
                    label = "PER"  # 'bei [Landeshauptmann Günther Platter] (ÖVP)' ORG: `trimmed` then cuts the role
                start, end = self.trimmed(doc[start:end], label)
                if start == end:
                    repaired.append(Span(doc, ent.start, ent.end, label="DROPPED"))
                    continue
                # the last descriptor cut off says what the name is: "Regionen Côte-d'Or" ORG -> LOC
                label = next((lab for t in reversed(doc[ent.start:start]) if (lab := self.descriptor_label(t))), label)
                inner = self.bracketed(Span(doc, start, end, label=label))
                if inner is not None:  # "Nastassia Novikava (Weißrussland)": two names
                    a, b, inner_label = inner
                    end = a - 1
                    span = Span(doc, a, b, label=inner_label)
                    out.append(span)
                    repaired.append(span)
            if self.legal_form_ends and label in _NAME_LABELS:
                end = self.legal_form_end(doc, start, end, model_tokens)
            if self.org_forms:
                label = self.org_label(doc[start:end], label) or label
            if self.kinds and self.version_after:
                end = self.product_version_end(doc, start, end, label)
            if self.kinds:
                label = self.kind_label(doc[start:end], label) or self.street_label(doc[start:end], label) \
                    or self.eponym_label(doc[start:end], label) \
                    or self.product_label(doc[start:end], label) or label
                if label == "MISC" and end == ent.end:
                    # "[Frankfurter Buchmesse] 2019" ORG -> MISC with its year (session 37)
                    end = self.event_year_end(doc, start, end, model_tokens)
            # a listed surname that is a common noun too, right after the role `person_lead` cut off, is the
            # person's name ('sagt Jagdleiter [Koller]': 'Koller' a noun by the lemma table; session 34)
            role_backed = self.role_leads and label == "PER" and ent.start < start == end - 1 \
                and doc[start].text in self.surnames and self.lead_role(doc[start - 1])
            if (self.drop_adjectives or self.drop_common_nouns) and not role_backed:
                if self.dropped(doc[start:end], label, mentions):
                    repaired.append(Span(doc, start, end, label="DROPPED"))
                    continue
            if (start, end, label) == (ent.start, ent.end, ent.label_):
                out.append(ent)
                continue
            span = Span(doc, start, end, label=label, kb_id=ent.kb_id_)
            out.append(span)
            repaired.append(span)
        typed: list[Span] = []  # labels decided by the context, strong evidence for presseschau_names
        out.sort(key=lambda e: e.start)
        out = self.close_quoted_titles(doc, out, repaired)
        if self.saint_names:
            out = self.join_saint_names(doc, out, repaired)
        if self.institution_places:
            out = self.join_institution_places(doc, out, repaired, typed)
        if self.strip_descriptors:
            out = self.join_slashed_orgs(doc, out, repaired)
        if self.apposition:
            out = self.by_apposition(doc, out, repaired, mentions, typed)
        if self.org_apposition:
            out = self.news_sources(doc, out, repaired, typed)
            out = self.add_outlets(doc, out, repaired, typed)
            if self.agency_credits:
                out = self.add_agency_credits(doc, out, repaired, typed)
            if self.org_examples_on:
                out = self.org_examples(doc, out, repaired, typed)
            if self.legal_form_names:
                out = self.add_legal_form_names(doc, out, repaired, typed)
            if self.short_company_names:
                out = self.company_short_names(doc, out, repaired, typed)
        if self.institutions:
            out = self.add_institutions(doc, out, repaired, typed)
            out = self.join_party_branches(doc, out, repaired, typed)
            if self.article_names:
                out = self.add_article_names(doc, out, repaired, typed)
        if self.persons:
            out = self.add_persons(doc, out, repaired, typed)
        if self.speakers:
            out = self.add_speakers(doc, out, repaired)
        if self.role_surnames:
            out = self.role_surname(doc, out, repaired)
        if self.lineups:
            out = self.add_lineup_players(doc, out, repaired, typed)
        if self.club_short_names_on:
            out = self.club_short_names(doc, out, repaired, typed)
        if self.particle_surnames:
            out = self.join_particle_surnames(doc, out, repaired)
        if self.arabic_particles:
            out = self.join_arabic_particles(doc, out, repaired)
        if self.roads:
            out = self.add_roads(doc, out, repaired)
        if self.places:
            out = self.add_places(doc, out, repaired)
            if self.west_bloc:
                out = self.add_west_bloc(doc, out, repaired)
            if self.hyphen_places:
                out = self.add_hyphen_places(doc, out, repaired)
            if self.slashed_places:
                out = self.split_slashed_places(doc, out, repaired)
            if self.country_codes:
                out = self.add_country_codes(doc, out, repaired, typed)
        if self.place_wars:
            out = self.add_place_wars(doc, out, repaired, typed)
        if self.named_laws:
            out = self.add_named_laws(doc, out, repaired, typed)
        if self.i_products_added:
            out = self.add_i_products(doc, out, repaired, typed)
        if self.city_events:
            out = self.add_city_events(doc, out, repaired, typed)
        if self.acronyms:
            out = self.split_acronyms(doc, out, repaired, typed)
            out = self.add_long_forms(doc, out, repaired, typed)
            if self.bracketed_long_forms:
                out = self.add_bracketed_long_forms(doc, out, repaired, typed)
            out = self.drop_term_acronyms(doc, out, repaired)
        if self.datelines:
            out = self.add_dateline_tags(doc, out, repaired, typed)
            out = self.add_dateline_places(doc, out, repaired)
            if self.dateline_relabels:
                out = self.dateline_persons(doc, out, repaired, typed)
        doc.spans[TYPED_SPANS] = typed
        if repaired:
            doc.ents = sorted(out, key=lambda e: e.start)  # the tokens of a dropped span become O (no entity), not missing
        doc.spans[REPAIRED_SPANS] = repaired
        return doc


@Language.factory(
    "presseschau_ner_rules",
    default_config={"strip_descriptors": True, "org_forms": True, "drop_adjectives": True,
                    "drop_common_nouns": True, "drop_compound_nouns": True, "apposition": True,
                    "institutions": True, "kinds": True, "persons": True, "institution_places": True, "roads": True,
                    "name_bounds": True, "acronyms": True, "org_apposition": True, "datelines": True, "places": True},
    requires=["doc.ents", "token.pos"],
    assigns=["doc.ents", "doc.spans"],
)
def make_ner_rules(nlp: Language, name: str, strip_descriptors: bool, org_forms: bool, drop_adjectives: bool,
                   drop_common_nouns: bool, drop_compound_nouns: bool, apposition: bool,
                   institutions: bool, kinds: bool, persons: bool, institution_places: bool, roads: bool,
                   name_bounds: bool, acronyms: bool = True, org_apposition: bool = True, datelines: bool = True,
                   places: bool = True) -> NerRules:
    """strip_descriptors: cut titles, place descriptors and adjectives off the model's names;
    org_forms: ORG for PER/LOC spans ending in a legal form or organisation word, and for
    all-caps acronyms tagged PER (pipeline/lang/de/ner_rules.json)."""
    return NerRules(strip_descriptors=strip_descriptors, org_forms=org_forms, drop_adjectives=drop_adjectives, drop_common_nouns=drop_common_nouns,
                    drop_compound_nouns=drop_compound_nouns, apposition=apposition, institutions=institutions,
                    kinds=kinds, persons=persons, institution_places=institution_places, roads=roads,
                    name_bounds=name_bounds, acronyms=acronyms, org_apposition=org_apposition, datelines=datelines,
                    places=places, known=known_names(nlp))


def known_names(nlp: Language) -> tuple[set[str], set[str]]:
    """-> (single words that are names whatever the lemma table says, single-word places):
    the model's gazetteer (an entity_ruler built from the training data) and the alias
    table's names."""
    from ..names import load_aliases
    from ...paths import ALIASES

    names = {canon for canon in load_aliases(ALIASES)[0].values() if " " not in canon}
    places: set[str] = set()
    for pipe_name, pipe in nlp.pipeline:
        for p in getattr(pipe, "patterns", ()) if pipe_name == "gazetteer" else ():
            if isinstance(p.get("pattern"), str) and " " not in p["pattern"]:
                names.add(p["pattern"])
                if p.get("label") == "LOC":
                    places.add(p["pattern"])
    return names, places
