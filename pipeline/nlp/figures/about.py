"""`about`, the thing a figure counts or measures: the counted noun after it, its genitive or von-phrase, a measure
adjective, an apposition; and the event a count reports."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..dates import attributive_before_noun, clause_bounds, has_ann, sentence_bounds
from ..ext import DATE_SPANS
from ..normalize import lookup_unit, multiplier, parse_digits, parse_number_word
from .common import _ADJ_INFL, _GEN_DEPS, _NOUN_POS, _NUM_DEPS, _TIME_UNITS, _adj_stem, _prev


class AboutRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

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
        if nxt is not None and f["end"] + 1 < len(doc) and (
                nxt.text.lower() in self.links_before_digits and parse_digits(doc[f["end"] + 1].text) is not None
                or nxt.text.lower() in self.links_before_words and parse_number_word(doc[f["end"] + 1].text) is not None):
            # session 23 (dev15 wn33173): a bare count coordinated with the next ("mit 28 und drei Punkten
            # Rückstand") shares that one's noun (`_about_linear`), not the head the parse gives the pair
            return None
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
                    return None  # right after the unit: a time unit's next word, a sentence start, a name or a unit is no measured noun
                return t
            if not has_unit and (self._adverbs_then_adjective(doc, k) or (
                    k > j and t.text.lower() in self.coordinators and self._adverbs_then_adjective(doc, k + 1))):
                # session 37 (our own rule; unseen 10kGNAD gnad239 "etwa 3.600 heimische oder schon länger eingebürgerte
                # Arten"): adverbs that grade an adjective of the attribute ("schon länger", "besonders stark") are part of
                # it, also after a coordinator that links two adjectives; they take no step of the four
                k += 1
                continue
            if not has_unit and t.like_num and k + 1 < n and self._is_adj(doc[k + 1]) and not self._is_noun(doc[k + 1]) \
                    and any(sp.start <= k < sp.end for sp in doc.spans.get(DATE_SPANS, [])):
                # session 37 (our own rule; unseen 10kGNAD gnad429 "Die beiden gehörten zu sechs 2014 ernannten
                # nicht-klerikalen Vorstandsmitgliedern"): a year (a DATE) before a participle is the participle's time,
                # part of the attribute, not a number of its own
                k += 1
                continue
            if self._is_adj(t) or ((t.text.lower() in self.coordinators or t.text == "-") and k + 1 < n and self._is_adj(doc[k + 1])) or \
                    (not has_unit and t.pos_ == "ADV" and k + 2 < n and self._is_adj(doc[k + 1]) and self._is_noun(doc[k + 2])) or \
                    (k == j and has_unit and t.text.lower() in self.comparatives):  # "7,5% mehr Ausgaben"
                k += 1
                steps += 1
                continue
            return None
        return None

    def _adverbs_then_adjective(self, doc: Doc, k: int) -> bool:
        """One to three adverbs from ``k`` on and then an adjective that is no noun ("schon länger eingebürgerte")."""
        m = k
        while m < len(doc) and m < k + 3 and doc[m].pos_ == "ADV":
            m += 1
        return k < m < len(doc) and self._is_adj(doc[m]) and not self._is_noun(doc[m])

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

    def _about_bracket(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 29 (our own rule, measures.json `bracket_measure`): an amount with a unit that alone fills a
        bracket right after a common noun measures that noun: "Die Feinunze (31,1 Gramm) Silber" (Wikinews
        wn67886), "der versiegelten Akten (3,62 Gigabyte)" (10kGNAD gnad838). The last rule: any other wins."""
        if f["unit"] is None or f["unit"] in self.bracket_not_units:
            return None
        q0 = self._qualifier_start(doc, f["start"])
        if q0 < 2 or doc[q0 - 1].text != "(" or f["end"] >= len(doc) or doc[f["end"]].text != ")":
            return None
        t = doc[q0 - 2]
        if t.ent_type_:
            return None  # "vor Mirja Gutzeit (3,50 Meter)" (web_pages_de): a name the tagger took for a noun (session 29 review)
        if t.pos_ != "NOUN" or not self._measured_noun(t) or t.text.lower() in self.classifier_nouns:
            return None  # "ein ganzes Stück (mehr als 5 Millimeter) schmaler" (gnad473): a classifier measures nothing
        if any(c.dep_ == "case" and c.pos_ == "ADP" for c in t.children):
            # a noun a preposition governs is a side of the phrase, not what the amount is: "gefolgt von den
            # Volksbanken (3,2 Millionen Euro)" (their credits, gnad118), "ein Preis für literarische Debüts
            # (10.000 Euro)" (the prize, gnad982); a genitive stays ("des absoluten Nullpunktes (minus 273,15 Grad
            # Celsius)", dev3)
            return None
        return t

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
            q0 = self._qualifier_start(doc, f["start"])
            rel = self._relative_antecedent(doc[q0 - 1]) if q0 > 0 else None
            if rel is not None:
                # session 24 (dev15 wn50288): a relative clause the measure opens ("über einer Meeresfläche, die
                # mindestens 26 Grad Celsius warm sein muss"): the relative pronoun's noun, whatever the parse
                # made the adjective's subject
                return rel
            subj = self.subject_of(a)[0]
            if subj is None and a.head.i != a.i:
                subj = self.subject_of(a.head)[0]
            return subj if subj is not None else self._apposed_noun(doc, f)
        if base is None or (a.text[:1].isupper() and self._is_noun(a) and not a.is_sent_start):
            return None  # "liegt in 80 Metern Tiefe": the noun of the dimension, not the adjective "tiefe"
        in_pp = False
        for k in range(j + 1, min(n, j + 9)):  # skip "und 43 Meter breite"
            t = doc[k]
            if t.is_punct and t.text != ",":
                return None
            if t.pos_ == "ADP":
                # session 32 (our own rule; 10kGNAD gnad1008 "Die knapp 19 Meter lange, mit Tarnkappentechnik ausgestattete
                # Raptor", gnad43 "Das 25 Zentimeter große, mit Zacken übersäte Ding"): a prepositional phrase inside a
                # second attribute is passed over up to the attribute's adjective or participle; its noun is not the one
                # the measure adjective modifies
                in_pp = True
                continue
            if in_pp:
                if self._is_adj(t) and not self._is_noun(t):
                    in_pp = False
                continue
            if self._is_noun(t) and not t.like_num and lookup_unit(t.text) is None and (t.pos_ != "PROPN" or self._common_propn(t)):
                # session 25 (dev16 wn55456): a word tagged PROPN in no name the model found is the noun the
                # adjective modifies ("über eine Tonne schwere Weiße Hai"), not a reason to read on
                return t
            if t.pos_ in ("VERB", "AUX") and not self._is_adj(t):
                return None  # the clause's verb: the adjective's noun is not after it ("... Hai bevorzugen ... Nahrung")
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
        j = n.i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1  # session 26 (10kGNAD): a double space between ("die Zahl  der Rechtssachen")
        if j + 1 >= len(doc) or doc[j].text.lower() not in self.genitive_determiners:
            return None
        in_pp = False
        for t in doc[j + 1: min(len(doc), j + 9)]:
            if t.is_punct or t.pos_ in ("VERB", "AUX") and not self._is_adj(t):
                return None
            if t.pos_ == "ADP":
                in_pp = True
            elif self._is_noun(t):
                if not in_pp:
                    return t if self._measured_noun(t) else None
                in_pp = False  # the preposition's noun: "an diesem Tag"
        return None

    @staticmethod
    def _bracket_between(doc: Doc, start: int, end: int) -> bool:
        """Whether a bracket opens in doc[start:end] and is still open at ``end``."""
        depth = 0
        for t in doc[start:end]:
            if t.text == "(":
                depth += 1
            elif t.text == ")" and depth:
                depth -= 1
        return depth > 0

    def about(self, doc: Doc, f: dict) -> Optional[str]:
        if f["unit"] in _TIME_UNITS:
            return None  # durations ("drei Monate", "seit 13 Jahren") measure no noun
        tok = None
        self.last_rule = None
        if f["unit"] in self.distance_units and self._distance(doc, f):
            return None  # "40 km von Abyei entfernt", "500 Kilometer nördlich von Moskau": a place, no measured noun
        q0 = self._qualifier_start(doc, f["start"])
        if f["unit"] is None and q0 > 0 and doc[q0 - 1].text.lower() in self.partitive_adverbs and f["end"] < len(doc) \
                and doc[f["end"]].text.lower() in self.genitive_determiners:
            # session 25 (dev13 wn33489): "Rund 2.000 Soldaten, davon 780 der deutschen Bundeswehr": "davon" already
            # names the set counted, so the genitive after the count says where the part is from, not what it
            # counts; the count before "davon" decides (the elliptic rules of the component)
            return None
        rules = [("context:degree", self._about_degree), ("list_heading", self._about_list_heading), ("label", self._about_label), ("stake", self._about_stake), ("rate", self._about_rate), ("partitive_genitive", self._about_partitive_genitive),
                 ("measure_noun", self._about_measure_noun)]
        rules += [("measure_adj", self._about_measure_adj), ("participle", self._about_participle),
                  ("parse", self._about_parse)] if has_ann(doc, "DEP") else []
        rules += [("linear", self._about_linear), ("context:", self._about_context),
                  ("bound", self._about_bound), ("as", self._about_as), ("bracket", self._about_bracket)]
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
            if tok is not None and name == "parse" and tok.i > f["end"] and self._bracket_between(doc, f["end"], tok.i):
                # session 33 (our own rule; 10kGNAD gnad232 "kommt die SPÖ auf 39,59 Prozent (44 Mandate)"): a noun inside a
                # bracket that opens after the figure belongs to the bracket's own figure, not to this one
                tok = None
            if tok is not None and f["unit"] is None and tok.ent_type_ == "PER" and tok.pos_ == "PROPN" and name in ("parse", "linear") \
                    and tok.text not in self._known_lemmas():
                # session 32 (our own rule; web page "jetzt 3 Punkte Vorsprung (1189 Geiger, 1186 Kobayashi)"): a person's
                # name after a bare count is whose the count is, not what it counts (a common noun the recogniser took for
                # a name stays, as does a word of the lemma table: "1 Prise Salz", "1.426 Pilger")
                tok = None
            if tok is not None and (lookup_unit(tok.text) is not None or tok.is_space or tok.like_num or multiplier(tok.text) is not None):
                # ("Zwei seiner vier Kinder": the parse's head "vier", a number, measures nothing either;
                # nor does a multiplier: "von 20 bis 30 Mrd. Euro", the bare "20" hung on the partner's "Mrd.")
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

    # -- event --
    def event(self, doc: Doc, f: dict, about_tok_text: Optional[str]) -> Optional[str]:
        if about_tok_text and about_tok_text.lower() in self.events_noun:
            return self.events_noun[about_tok_text.lower()]
        # the clause around the figure
        s0, s1 = sentence_bounds(doc, f["num"])
        c0, c1 = clause_bounds(doc, f["start"], f["end"], s0, s1)
        toks = list(doc[c0:c1])
        across: Optional[str] = None
        if has_ann(doc, "DEP"):
            # prefer the verb governing the figure; one across a comma is the parse's guess only when the
            # figure's own clause names no event: "starben ... mindestens 250 Menschen, Tausende wurden
            # verhaftet" hangs "Menschen" under "verhaftet", yet the 250 died
            t = doc[f["num"]]
            for _ in range(6):
                if t.head.i == t.i:
                    break
                t = t.head
                if t.pos_ in ("VERB", "AUX"):
                    ev = self.events_verb.get(self.lemma(t).lower())
                    if ev and c0 <= t.i < c1:
                        return ev
                    across = across or ev
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
        return best[1] if best else across
