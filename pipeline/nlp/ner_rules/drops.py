"""Drops: a single-word "name" that is an adjective or a common noun, a phrase ending in an unnamed
noun, a sentence's first word (`drop_adjectives`, `drop_common_nouns`, `drop_compound_nouns`)."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..names import article_before
from .common import _FIRST_NAME_POS
from .data import common_noun_lemma, compound_head, corpus_counts, evidence_nouns

#: a word the model names this often in one article is taken for a name even when the lemma
#: table knows it as a noun ("Airbus", "Grünen"): the article is about it
_TOPIC_MENTIONS = 3
_HYPHENS = frozenset("-\u2010\u2011")  # hyphen-minus, hyphen, non-breaking hyphen


class DropRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def dropped(self, span: Span, label: str, mentions: Counter) -> bool:
        """A single-token "name" that is a lowercase adjective ("polnischen") or an inflected
        common noun ("Batterien", "Hamas-Mitgliedern"), unless the alias table or the
        model's gazetteer lists it."""
        if self.drop_common_nouns and (span.text[:1] in _HYPHENS or span.text[-1:] in _HYPHENS):
            # a word's first or last part cut off by a suspended hyphen ('zwischen einem [DVD-] und einem
            # Blu-ray-Laufwerk' web2, 'Amberg -Stadt und [-Land]' GermEval: LOC): no name of the gold of the
            # four dev sets or of Wikinews train starts or ends so (session 26, LOC rules)
            return True
        if len(span) != 1:
            # "Dennis Poß, [IG Metall-Sekretär], warnte" ORG (web2): a span ending in a hyphenated role word
            # names the person's role, as the single word "AfD-Bundessprecher" does (`unnamed_word`; session 27)
            last = span[-1].text
            return self.drop_common_nouns and (self.unnamed_phrase(span, label) or (
                "-" in last and self.is_role(span[-1], last.rsplit("-", 1)[-1])) or self.english_role(span, label)
                or self.city_body(span, label) or self.english_term(span, label))
        t = span[0]
        if self.org_noun_names and label == "ORG" and self.org_noun_name(t):
            return False  # 'EU-Parlament', 'Fußball-Bundesliga', 'Youtube' (session 35)
        if self.outlet_names and label == "ORG" and self.outlet_name(t):
            return False  # 'Angaben des Spiegel', '„Stern“', 'Nachrichtenmagazin Spiegel' (session 35)
        if self.role_word_drops and label != "MISC" and self.role_word(t):
            return True  # 'für den [Kremlchef]', 'geht [SPÖ-Klubobmann] Andreas Schieder' (session 36)
        if self.demonym_drops and label in ("PER", "LOC") and self.demonym(t):
            return True  # 'der [Norweger] werde seit Jänner gefangen gehalten' LOC (session 37)
        if self.drop_common_nouns and label != "MISC" and t.text in self.term_acronyms:
            # "also [DPI]", "fünf [BTC]", "Ammoniak ([NH3])": the acronym or formula of a common term, which
            # no name of the four dev sets' or Wikinews train's gold is (ner_rules.json term_acronyms; session 27);
            # a MISC stays, as the data says (a product or format named so)
            return True
        if self.drop_adjectives and t.text[:1].islower() and t.pos_ == "ADJ":
            return True
        if self.drop_common_nouns and (self.unnamed_word(t, label) or self.sentence_initial_word(t)
                                       or (label != "MISC" and self.lowercase_word(t))):
            return True
        if self.drop_common_nouns and label in ("PER", "LOC") and self.org_apposition and t.text not in self.known_names \
                and t.text not in self.known_places and self.org_noun(t.text):
            # "gegründete [Start-up-Unternehmen] «MIRO Analytical»" LOC from the augmented ner (session 15): an
            # organisation noun is neither a person nor a place, and inside an entity it could not type the
            # name after it (`appositive_label`), which then took the model's MISC by majority
            return True
        if self.drop_common_nouns and label == "PER" and t.text not in self.known_names \
                and article_before(t.doc, t.i, self.definite_articles, self.particles):
            # "trat die [Diebin] um sich", "an der [Corvette]": a single word after a definite article
            # is a common noun, not a person, whichever model said PER (session 15: 0 right PER so on
            # the dev sets and Wikinews train; the relative pronoun ", der Gerhardt 2001" is no article)
            return True
        if self.drop_common_nouns and t.text[:1].isupper() and t.text not in self.known_names \
                and mentions[t.text] < _TOPIC_MENTIONS and not (label == "ORG" and t.text in self.party_nouns):
            head = t.text.rsplit("-", 1)[-1]
            if head != t.text and (not head[:1].isupper() or head in self.name_heads):
                return False  # "Karl-Marx-Straße", "Gaza-Streifen", "Konrad-Adenauer-Stiftung"
            lemma = common_noun_lemma(head)
            if lemma is not None:
                return lemma not in self.known_names
            if self.evidence_noun_drops and label != "MISC" and head in evidence_nouns() and not self.evidence_noun_kept(t):
                # `evidence_noun`: a noun the lemma table lacks (it lists only the genitive: "Tee"/"Tees"), by its
                # use in the Bundestag protocols ("einen [Etat]", "den grünen [Tee]"; evidence_nouns.tsv.gz, no name
                # list knows it), not after a definite article ('der [Kongress]', 'die [Mafia]': an institution).
                # Our rule (session 36, issue 13; ner_rules.json evidence_nouns)
                return True
            if self.drop_plural_compounds and head == t.text and label in ("PER", "LOC") and self.plural_compound(t.text):
                return True
            if self.drop_compound_places and head == t.text and label == "LOC" and self.compound_common_noun(t.text):
                return True
            if self.drop_compound_nouns and head == t.text and label == "ORG" \
                    and not t.text.startswith(self.org_compound_prefixes):
                # ORG only: place names and surnames are compounds of common nouns far more
                # often ("Marienfeld", "Brinkmann"; on dev the rule cost LOC 1.6 and PER 0.1 F1)
                part = compound_head(head)
                return part is not None and part not in self.name_heads and part not in self.known_names
        return False

    def demonym(self, t: Token) -> bool:
        """'der [Norweger] werde seit Jänner gefangen gehalten', 'von acht getöteten Mexikanern und vier [Ägyptern]'
        (10kGNAD, the model's LOC): a people's noun of a country (ner_rules.json ``demonyms``: an ending of
        ``endings`` after a stem that with one of ``country_endings`` is a country of ``countries``: Norweg|er and
        Norweg|en, Syr|er and Syr|ien, Mexik|aner and Mexik|o) names no one (GUIDELINES.md: nationality nouns are
        not entities). The lemma table lacks these nouns. Not a name of the model's gazetteer or the alias table,
        a place of the lists, a listed first name or surname. Our rule (session 37, issue 13)."""
        w = t.text
        if not w[:1].isupper() or not w.isalpha() or w in self.known_names or self.listed_place(w) \
                or w in self.first_names or w in self.surnames:
            return False
        for ending in self.demonym_endings:
            if w.endswith(ending) and len(w) > len(ending) + 2:
                stem = w[:-len(ending)]
                if any(stem + tail in self.countries for tail in self.demonym_country_endings):
                    return True
        return False

    def evidence_noun_kept(self, t: Token) -> bool:
        """A noun of the name's kind right before `t` (ner_rules.json appositive_heads, org_apposition_heads: 'Das
        Magazin [People]', 'Bezirk [Graz-Umgebung]'), or a definite article, or a preposition fused with one, before
        `t`, adjectives (a place's "Schweizer" too) and quotes between skipped ('der [Kongress]', 'im „[Standard]“',
        'der Schweizer [Sonntagszeitung]'; ner_rules.json evidence_nouns articles): `evidence_noun` keeps such a
        word, an institution named by a noun (Wikinews train gold)."""
        doc, i = t.doc, t.i - 1
        j = i
        while j >= 0 and doc[j].is_quote:
            j -= 1
        if j >= 0 and (doc[j].lower_ in self.appositive_heads or doc[j].lower_ in self.org_apposition_heads):
            return True  # a name after its kind: 'Das Magazin [People]', 'des Vereins [Neustart]', 'Zeitung “[Standard]”'
        while i >= 0 and (doc[i].pos_ == "ADJ" or doc[i].is_quote
                          or (doc[i].text[:1].isupper() and doc[i].text.endswith("er") and doc[i].pos_ == "PROPN")):
            i -= 1
        if i >= 0 and doc[i].lower_ in self.evidence_noun_articles:
            return True
        if t.i > 0 and doc[t.i - 1].pos_ == "ADJ":  # 'der von Demokraten dominierte [Kongress]': the article opens
            for k in range(t.i - 2, max(-1, t.i - 7), -1):  # a phrase of a few words that ends in the adjective
                if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
                    break
                if doc[k].lower_ in self.evidence_noun_articles:
                    return True
        return False

    def role_word(self, t: Token) -> bool:
        """'die dunkelsten Zeiten für den [Kremlchef] vorbei', 'geht [SPÖ-Klubobmann] Andreas Schieder', 'meinte der
        [Ortschef]', 'sagte der [Oberst]' (PER/ORG/LOC of the model): one word that is a person's role by `lead_role`
        (``person_roles``, ``person_leads``, ``person_lead_ranks``, names.json titles; also after a hyphen) names no
        one (GUIDELINES.md: roles, titles, jobs alone are not annotated). `unnamed_word` takes a hyphenated role of the
        narrower `is_role` only ('AfD-Bundessprecher'), so 'SPÖ-Klubobmann', 'Ex-Barca-Profi' and one-word compounds
        ('Kremlchef', 'Logistikchefin') stayed. Not a name of the model's gazetteer or the alias table, a listed first
        name or surname (`lead_role`), nor a bare title right after a noun, where it may be a band's or a stage name
        ('die britische Rockband [Queen]', Wikinews train). Our rule (session 36, issue 13): on the pool (10kGNAD,
        web_pages_de) 40 such spans, none a name; the four dev sets 1 ('Ich bin [Fussballfan]' PER, web), no gold."""
        if t.text in self.known_names or not self.lead_role(t):
            return False
        return not (t.lower_ in self.titles and t.i > 0 and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN"))

    def org_noun_name(self, t: Token) -> bool:
        """A one-word ORG of the model that names an organisation though the lemma table knows its (last) part as a
        noun: a hyphenated name before an organisation noun of ``org_noun_names.hyphen_heads`` ('EU-Parlament',
        'Kifaya-Bewegung', 'Birthler-Behörde', 'Al-Nusra-Front', 'Weser-Kurier'; the first part capitalised), a word
        ending in a league word of ``league_heads`` ('Bundesliga', 'Fußball-Bundesliga', 'Fußballbundesliga':
        GUIDELINES.md, leagues are ORG), or a name of the model's gazetteer or the alias table written in another case
        ('Youtube' for 'YouTube', 'wikinews'; not a name in capitals, 'GRÜNEN' is no 'Grünen'). Our rule (session 35,
        issue 13): on Wikinews train the common-noun drop took 85 one-word ORG that were right (the model had learnt
        them there), 17 of them of these shapes; on the four dev sets it took 98 wrong ORG, 2 right, none of these shapes;
        in the 10kGNAD/web pool 50 of the 53 spans it keeps are right."""
        word = t.text
        if "-" in word:
            first, head = word.split("-", 1)[0], word.rsplit("-", 1)[-1]
            if head in self.org_hyphen_heads and first[:1].isupper():
                return True
        if word.casefold().endswith(self.league_heads):
            return True
        return word not in self.known_names and word.casefold() in self.known_other_case

    def outlet_name(self, t: Token) -> bool:
        """'laut Angaben des [Spiegel]', 'mit der deutschen Illustrierten „[Stern]“', 'dem Nachrichtenmagazin [Spiegel]':
        a one-word ORG of the model on an outlet's name of ``news_sources.outlets`` that is a common noun too is kept
        where the text marks it as a title: in quotation marks (``outlet_names.quotes``), right after a genitive article
        (the common noun would take -s: 'des Spiegels'), or right after a word ending in an outlet noun (``heads``:
        'Nachrichtenmagazin', 'Wochenzeitung'). Not 'vor dem Spiegel' (a mirror), 'schreibt Stern' (a person). Our rule
        (session 35, issue 13): Wikinews train 6 such ORG dropped, all gold ORG; the 10kGNAD/web pool 4, all outlets."""
        if t.text not in self.source_outlets or t.i == 0:
            return False
        prev, cues = t.doc[t.i - 1], self.outlet_cues
        if prev.text in cues["quotes"] and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in cues["quotes"]:
            return True
        return prev.text in cues["genitive_articles"] or prev.text.casefold().endswith(cues["heads"])

    def city_body(self, span: Span, label: str) -> bool:
        """'Berliner Landgericht', 'Hamburger Oberverwaltungsgerichts', 'Kölner Polizei', 'Berliner Feuerwehr', 'Pariser
        Rathaus' ORG: a city adjective and a noun ending in a generic authority (``city_bodies.endings``) name no
        organisation of their own (GUIDELINES.md: 'Berliner Polizei' is not annotated; the authority with its place after
        it is, 'Landgericht Hamburg'), whichever model said ORG. The adjective is a place of the model's gazetteer or
        the place list plus 'er' ('Berliner'), also less 'en' ('Bremer'). Our rule (session 35, issue 13): 6 such ORG
        on Wikinews train, none of them gold ('Berliner Landgericht', 'Bremer Oberverwaltungsgericht', 'Pariser Rathaus',
        'Schweriner Umweltministerium'); none on the four dev sets; 21 in the 10kGNAD/web pool, 19 of them right."""
        if not self.city_bodies or label != "ORG" or len(span) != 2:
            return False
        adj, noun = span[0].text, span[1].text
        if not (adj.endswith(self.city_suffix) and len(adj) > 4 and noun[:1].isupper()
                and noun.casefold().endswith(self.city_body_endings)):
            return False
        stem = adj[:-len(self.city_suffix)]
        return any(stem + e in self.known_places or stem + e in self.place_list for e in ("", "e", "en"))

    def english_role(self, span: Span, label: str) -> bool:
        """'Chief Digital Officer', 'Client Service Director', 'Assistant Professors', 'Junior Software Tester', 'Master
        of Business Administration', 'Chief of the Air Staff', 'Vice President Global Engineering' ORG: an English job
        title or degree is no organisation (GUIDELINES.md: roles and titles are not annotated), whichever model said
        ORG. An ORG span of capitalised words (and ``english_roles.fillers``: "of", "the", "&") that ends in a person's
        role (``roles``), or starts with a degree before "of" (``degrees``: "Master of Education") or with an office
        word before "of" or a role (``offices``: "Head of Social & Community", "Vice President ..."), is dropped; not
        with an organisation word inside (``not_with``, ``org_heads``: "Executive Office of the President"). Our rule (session 34, issue 13): 5 such ORG on three of the four dev sets (GermEval,
        Wikinews, web2) and 9 in the 10kGNAD/web pool, all titles; switch ``english_roles``."""
        if not self.english_roles or label != "ORG" or len(span) < 2:
            return False
        words = [t.text for t in span]
        cfg = self.english_role_cfg
        if not all(w[:1].isupper() or w in cfg["fillers"] for w in words) or any(w in cfg["not_with"] or w in self.org_heads for w in words):
            return False
        return words[-1] in cfg["roles"] or (words[1] == "of" and words[0] in cfg["degrees"]) \
            or (words[0] in cfg["offices"] and (words[1] == "of" or words[1] in cfg["roles"]))

    def english_term(self, span: Span, label: str) -> bool:
        """'inklusive [Social Media] massive Fortschritte', 'werden KI-Technologien wie [Computer Vision] eingesetzt',
        'Männer bekommen [Mental Health] Issues' ORG/LOC/PER: an English common term that German text writes capitalised
        is no name (GUIDELINES.md: common nouns are not entities), whichever model said PER, ORG or LOC. The span's words
        must be exactly a term of ``english_terms.terms`` (case aside); a MISC stays, a longer name with a term inside
        ('Social Media Week') is not touched. Our rule (session 36, issue 13): in the 10kGNAD/web_pages_de pool it drops 68
        spans on 33 texts ('Social Media' ORG 30 times on 13 pages), on the web dev sets 4, all common terms; no listed
        term is a gold PER/ORG/LOC of the four open dev sets or of Wikinews train/dev; switch ``english_terms``."""
        if not self.english_terms or label not in ("PER", "ORG", "LOC"):
            return False
        return " ".join(t.text for t in span if not t.is_space).casefold() in self.english_term_set

    def plural_compound(self, word: str) -> bool:
        """'Seemöwen', 'Knieprobleme', 'Alarmglocken' LOC/PER: a compound whose head is an inflected form of a
        common noun of the lemma table other than its genitive ('Möwen' of 'Möwe', 'Probleme' of 'Problem') is
        a common noun in the plural or an oblique case, which no place or person name is; not a name of the
        place list, the regions, the model's gazetteer or the person-name lists, nor a head that ends place
        names ('Gelsenkirchen', 'Spitzbergen': ``plural_place_heads``), nor a compass word or the like before a
        listed place ('Südbulgarien', 'Südwestfalen'). The compound drop of ORG asks only for a
        common-noun head; for PER and LOC it is too blunt ('Brinkmann', 'Marienfeld'; session 12), an inflected
        head is not (session 31, our rule)."""
        if self.listed_place(word) or word in self.known_names or word in self.first_names or word in self.surnames:
            return False
        part = compound_head(word)
        if part is None or part in self.name_heads or part in self.plural_place_heads:
            return False
        if len(part) < 5 and len(word) - len(part) < 4:
            return False  # a short head after a short first part is no compound ('Fre|gene', an Italian town)
        if any(word[i].isupper() or word[i].upper() + word[i + 1:] in self.place_list or word[i].upper() + word[i + 1:]
               in self.regions for i in range(3, len(word) - 3)):
            return False  # a part of a place ('Süd|bulgarien', 'Nordost|polen', 'Süd|westfalen'), or a capital inside
        lemma = common_noun_lemma(part)
        return lemma is not None and part != lemma and part not in (lemma + "s", lemma + "es")

    def compound_common_noun(self, word: str) -> bool:
        """'Panikattacke', 'Marktumfeld', 'Symbolgrafik', 'Windradar' LOC: a word of letters with no capital
        inside whose head and first part (less a linking element of ``compound_place_nouns.linkers``:
        'Käufer|kreis', 'Wiese|n|bord') are both common nouns of the lemma table is itself a common noun, no
        place. Not a name of the place list, the regions, the model's gazetteer or the person-name lists
        ('Marienfeld', 'Bergheim'), nor one with a head that makes places' names (``name_heads``,
        ``plural_place_heads``, ``compound_place_nouns.place_heads``: 'Schiffbauer|damm', 'Dreifaltigkeits|kirche').
        The compound drop of session 12 asks only the head and was too blunt for LOC; asking the first part as
        well is our rule (session 33)."""
        if not (word.isalpha() and word[1:].islower()) or self.listed_place(word) or word in self.known_names \
                or word in self.first_names or word in self.surnames:
            return False
        part = compound_head(word)
        if part is None or part in self.name_heads or part in self.plural_place_heads or part in self.compound_place_heads \
                or self.listed_place(part):
            return False  # a place after a compass word ('Ost|preußen', 'Ost|alpen': 'Preußen', 'Alpen' are nouns too)
        if common_noun_lemma(part) in self.compound_place_heads:
            return False  # an inflected place head ('Kirchen' of 'Kirche' is in plural_place_heads; 'Türme')
        first = word[:len(word) - len(part)]
        forms = [first] + [first[:-len(e)] for e in self.compound_linkers if first.endswith(e)]
        return any(len(f) >= self.compound_min_part and common_noun_lemma(f) is not None for f in forms)

    def unnamed_word(self, t: Token, label: str) -> bool:
        """A word of ``unnamed_nouns`` ('Wasserstoff', 'Mangan', 'Akkus') or with an ending of
        ``unnamed_suffixes`` ('Homophobie'), or a hyphenated word ending in one ('FDP-Vize',
        'Bitcoin-Futures') or in a person's role ('AfD-Bundessprecher': the person, not the party):
        a common noun that the lemma table misses (mass nouns and uninflected loans inflect like
        names there), so no name, whatever the article's topic (session 14, web news: 'Wasserstoff'
        PER 4x in one article). A listed person's name labelled PER stays ('Nickel', 'Gold' are
        surnames too), and so does a name of the model's gazetteer or the alias table."""
        if t.text in self.known_names or (label == "PER" and (t.text in self.surnames or t.text in self.first_names)):
            return False
        head = t.text.rsplit("-", 1)[-1]
        # the whole word too: a code whose last part is a number ("Covid-19", "SARS-CoV-2"; session 31)
        return head in self.unnamed_nouns or t.text in self.unnamed_nouns or self.abstract_noun(head) \
            or (head != t.text and self.is_role(t, head))

    def abstract_noun(self, word: str) -> bool:
        """'Homophobie', 'Mikroorganismen': an ending of ``unnamed_suffixes`` that no name has."""
        return any(word.endswith(e) and len(word) - len(e) >= self.unnamed_stem for e in self.unnamed_endings)

    def unnamed_phrase(self, span: Span, label: str) -> bool:
        """A PER/LOC span of words before an ``unnamed_nouns`` word ('Grüner Wasserstoff' PER on
        web news): a kind of the substance, no name, unless a listed first name is in it; its
        last word would else be copied on as a surname by ``presseschau_names``. ORG spans keep
        theirs ('Hugo Boss')."""
        last = span[-1].text
        return label in ("PER", "LOC") and (last.rsplit("-", 1)[-1] in self.unnamed_nouns or last in self.unnamed_nouns) \
            and not any(t.text in self.first_names or t.text in self.known_names for t in span[:-1])

    def lowercase_word(self, t: Token) -> bool:
        """'[Stirbt] ein Mensch', '[Klingt] einfach', '[Woran] liegt es', '[Populär] wurde das Gebäck' (PER/ORG/LOC,
        tagged PROPN or NOUN, so `sentence_initial_word` keeps them): a sentence's first word that the Bundestag
        protocols write in lower case at least ``lowercase_forms.min_count`` times and more often than
        capitalised (corpus_forms.tsv.gz: "stirbt" 252, "Stirbt" 10) is a verb, adjective or adverb capitalised
        by its place, no name. A noun is capitalised anywhere and never has the lower-case form, so the test
        leaves common nouns and names alone; names that are also words ("Klug", "Lahm", "Welch") are kept by
        the guards: a listed first name or surname, place or region, a name of the gazetteer or the alias
        table, a party noun, an outlet, or the word written capitalised elsewhere in the article inside a
        sentence ("Gerald Klug ... [Klug] blickte"). One word of letters only with no capital after the first
        ("Al-Qaida": "al-Qaida" is the protocols' spelling of the name). Our rule (session 32, issue 13): 53
        such spans on 642 web pages, 300 10kGNAD articles and the four dev sets, all no names."""
        w = t.text
        if not (t.is_sent_start or self.line_start(t)) or len(w) < 3 or not w.isalpha() \
                or not w[0].isupper() or not w[1:].islower():
            return False
        if w in self.known_names or w in self.known_places or w in self.first_names or w in self.surnames \
                or w in self.place_list or w in self.regions or w in self.party_nouns or w in self.source_outlets:
            return False
        counts = corpus_counts()
        lower = counts.get(w[0].lower() + w[1:], 0)
        if lower < self.lowercase_min_count or lower <= counts.get(w, 0):
            return False
        return not any(u.i != t.i and u.text in (w, w + "s") and not (u.is_sent_start or self.line_start(u))
                       for u in t.doc)

    @staticmethod
    def line_start(t: Token) -> bool:
        """After a line break the parser often starts the sentence at the whitespace token, not at the
        word ("\n\nBeerdigt wird Ligeti": session 15, PER from the augmented ner)."""
        return t.i > 0 and t.doc[t.i - 1].is_space and "\n" in t.doc[t.i - 1].text

    def sentence_initial_word(self, t: Token) -> bool:
        """A sentence's first word that the tagger calls no noun ('Ohnehin', 'Oder', 'Unfreiwillig'
        ADV/CCONJ/ADJ, PER from the model): capitalised only by its place, so no name (session 14:
        3 such spans on the dev sets, none right on them or on train[:300])."""
        return (t.is_sent_start or self.line_start(t)) and t.pos_ not in _FIRST_NAME_POS and t.text[:1].isupper()
