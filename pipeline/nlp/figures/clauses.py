"""The clause around a figure: a verb's subject and lemma, antecedents of pronouns."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..dates import CLAUSE_COMMAS, clause_bounds, sentence_bounds


class ClauseRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    @staticmethod
    def _same_sentence(doc: Doc, i: int, j: int) -> bool:
        return sentence_bounds(doc, i) == sentence_bounds(doc, j)

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

    def _clause_of(self, doc: Doc, f: dict) -> tuple[int, int]:
        """[start, end) of the figure's clause: its sentence cut at the nearest commas, semicolons or
        colons around the figure (a rough clause; brackets stay inside)."""
        s0, s1 = sentence_bounds(doc, f["num"])
        q0 = self._qualifier_start(doc, f["start"])
        # clamped to the sentence: a figure's span or qualifier reaching past it gives the sentence's edge
        return clause_bounds(doc, max(q0, s0), min(f["end"], s1), s0, s1, CLAUSE_COMMAS)

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
        if det.text.lower() not in self.definite_articles and det.text[:1].isupper() and not det.ent_type_ \
                and det.pos_ in ("NOUN", "PROPN") and all(x.pos_ in ("ADV", "ADP") for x in doc[comma + 2: q0]):
            return det  # no article: "Heizöl verbilligte sich um fast ein Viertel, Sprit immerhin um 13,5 Prozent"
        if det.text.lower() in self.definite_articles:
            # session 30 (10kGNAD gnad934 "das geschätzte monatliche Einkommen eines ... Vermieters bei 341 Euro"): the
            # subject's adjectives between article and noun
            k = comma + 2
            while k < q0 - 1 and k < comma + 5 and self._is_adj(doc[k]) and not self._is_noun(doc[k]):
                k += 1
            noun = doc[k]
        # session 30 (10kGNAD gnad357 "Die Bestellungen aus dem Ausland sanken um 1,2 Prozent, die Inlandsorders um 2,6
        # Prozent"): a word the tagger took for a name but that is in no name the model found is the gapped subject too
        if det.text.lower() not in self.definite_articles or not self._is_noun(noun) \
                or (noun.pos_ == "PROPN" and not self._common_propn(noun)):
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

    def _source_noun(self, n: Token) -> bool:
        """Session 31 (measures.json `source_prepositions`): a noun governed by "laut" or "zufolge" ("laut
        Firmenangaben", "Berichten zufolge") names where a statement comes from."""
        return n.pos_ in ("NOUN", "PROPN") and any(c.text.lower() in self.source_prepositions and c.pos_ == "ADP"
                                                   for c in n.children)

    def subject_of(self, v: Token, exclude: int = -1) -> tuple[Optional[Token], str]:
        """The subject noun of a verb or predicative adjective: its own, else that of the verb it
        is coordinated with ("Diese Einnahmen sind erheblich und betrugen ... 60 Millionen");
        a personal pronoun is resolved to its antecedent ("Es ist 3,21 Meter groß"). Returns
        (noun, how): how is "" (own subject), "_conj" or "_pronoun", for the per-rule scores."""
        how = ""
        for _ in range(2):
            # session 31: a noun "laut"/"zufolge" governs is the statement's source, no subject ("der verursachte Schaden
            # sich laut DNA-Schätzungen auf etwa 16 Millionen Euro beläuft": the parse makes "DNA-Schätzungen" one)
            subjects = [c for c in v.children if c.dep_ in self.subject_deps and c.i != exclude and not self._source_noun(c)]
            if not subjects:
                # issue 18: the parse hangs the subject on the verb's auxiliary ("Der Preis ist mit 25.000 Euro
                # dotiert": "Preis" a subject of "ist"); the clause has one subject, the verb's
                subjects = [c for a in v.children if a.dep_ in ("aux", "aux:pass") and a.pos_ == "AUX"
                            for c in a.children if c.dep_ in self.subject_deps and c.i != exclude]
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
                if c.pos_ == "PROPN" and self._common_propn(c) and c.i > 0 and c.doc[c.i - 1].ent_type_ \
                        and c.doc[c.i - 1].text.endswith("s") and c.doc[c.i - 1].head.i == c.i:
                    # session 33 (our own rule; 10kGNAD gnad889 "Österreichs Schuldenquote wird ... bei 84,5 Prozent liegen"): a
                    # proper noun in no name the model found, after a name's genitive ("Österreichs") that hangs on it, is the
                    # thing the name owns
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
            if v.dep_ != "conj" or v.head.i == v.i or not any(c.dep_ == "cc" for c in v.children) \
                    or any(c.dep_ in self.subject_deps and self._source_noun(c) for c in v.children):
                # only "A und B": after a comma a new clause may have its own subject; session 31: a clause whose
                # parsed subject was a source ("laut DNA-Schätzungen") has one of its own, which the surface gives
                return None, how
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
        subject noun before it in its sentence, else the previous sentence's root noun when it heads a
        copula, else its subject noun, else its root noun ("Vertreten ist auch das größte Weihrauchfass der Welt. Es
        ist 3,21 Meter groß"). None when neither sentence offers one."""
        sent = pron.sent
        for t in reversed(list(sent[: pron.i - sent.start])):
            if t.pos_ == "NOUN" and t.dep_ in self.subject_deps and t.text[:1].isupper():
                return t
        if sent.start == 0:
            return None
        prev = pron.doc[sent.start - 1].sent
        # session 37 (our own rule; unseen 10kGNAD gnad616 "Der mutmaßliche Haupttäter ist zwischen 20 und 25 Jahre alt,
        # von dunklem Teint und dünner, schmaler Statur. Er ... ist etwa 1,70 Meter groß"): the root noun stands for the
        # sentence's topic only when it heads a copula ("Die Etappe ist die drittlängste"); a root noun without one is
        # the parser's guess for a clause it could not attach ("Statur" at the end of a list of features), so the
        # subject comes first there, and the bare root noun only when no subject is found (a verbless fragment)
        def copula_root(t: Token) -> bool:
            return t.dep_ == "ROOT" and any(c.dep_ == "cop" for c in t.children)

        for pick in (copula_root, lambda t: t.dep_ in self.subject_deps, lambda t: t.dep_ == "ROOT"):
            for t in prev:
                # session 35 (our own rule; Wikinews train wn8067 "Die heutige Etappe ist die drittlängste der Tour
                # gewesen. Sie war 228.5 Kilometer lang"): a word in lower case the tagger made a noun (a superlative
                # after its article) is no noun to point back to; the copula's subject is ("Etappe")
                if t.pos_ == "NOUN" and pick(t) and t.text[:1].isupper():
                    return t
        return None
