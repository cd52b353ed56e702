"""Ages: "75 Jahre alt", "(43)" after a name, compounds of "Alter"."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..dates import has_ann, sentence_bounds
from ..normalize import lookup_unit
from .common import _next, _prev


class AgeRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    def is_age(self, doc: Doc, f: dict) -> bool:
        """"75 Jahre alt", "im Alter von 75 Jahren", "die 14 und 18 Jahre alten Jugendlichen":
        an age, a FIGURE, not a duration."""
        if f.get("age"):
            return True
        if f["unit"] not in ("year", "month", "week", "day"):
            return False
        if self._bracket_years_age(doc, f):
            return True
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
        # session 32: a focus particle after a one-word cue ("die 2007 mit nur 65 Jahren starb", web pages)
        p1 = q0 - 1 if q0 >= 1 and doc[q0 - 1].text in self.age_before_particles else None
        for words in self.age_before:
            n = len(words)
            if n == 1 and action_after:
                continue
            if (q0 - n >= 0 and [t.text.lower() for t in doc[q0 - n: q0]] == words) or \
                    (n > 1 and q1 is not None and q1 - n >= 0 and [t.text.lower() for t in doc[q1 - n: q1]] == words) or \
                    (n == 1 and p1 is not None and p1 >= 1 and doc[p1 - 1].text.lower() == words[0]):
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
        if p is not None and p.text.lower() in self.age_threshold_words and f["unit"] == "year" and self._age_threshold(doc, p):
            return True  # session 32: "Personen ab 18 Jahren", "Kids ab zwei Jahren": a lower age bound
        if p is not None and p.text.lower() in self.age_range_words:
            p = _prev(doc, p.i)
        elif p is not None and p.text == "(" and nxt is not None and nxt.text == ")":
            p = _prev(doc, p.i)  # "seine drei Töchter (fünf, sechs und zehn Jahre)" (dev6)
        return p is not None and p.text[:1].isupper() and (p.text.lower() in self.age_nouns or self.lemma(p).lower() in self.age_nouns
                                                           or self._age_compound(p) or self._age_adjective_before(p))

    def _age_adjective_before(self, p: Token) -> bool:
        """A noun of people the table lacks, after an adjective of age that the parse makes modify it:
        "Jugendliche Asylwerber bis 25 Jahren" (gnad647; session 26) names people as "Jugendliche bis 25 Jahren"
        does."""
        a = _prev(p.doc, p.i)
        return a is not None and has_ann(p.doc, "DEP") and a.pos_ == "ADJ" and a.head.i == p.i and a.text.lower() in self.age_nouns

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

    def bare_age(self, doc: Doc, f: dict) -> bool:
        """A bare whole number after a one-word age cue ("mit", measures.json "age_before") that
        opens its clause, before the verb, is an age: "mit zwölf habe er Brieftauben gestohlen",
        "Mit 18 darf man wählen"; inside a clause it is not ("die Zahl der Getöteten war mit vier
        angegeben worden")."""
        if not f["bare"] or f["unit"] is not None or not isinstance(f["value"], int) or not 0 < f["value"] < 120:
            return False
        prev, nxt = _prev(doc, f["start"]), _next(doc, f["end"] - 1)
        if prev is None or nxt is None or [prev.text.lower()] not in self.age_before:
            return False
        before = _prev(doc, prev.i)
        if nxt.pos_ in ("AUX", "VERB") and (before is None or prev.is_sent_start or before.is_punct):
            return True
        return prev.text.lower() == "mit" and self._bare_age_inside(doc, f, before, nxt)

    def _bare_age_inside(self, doc: Doc, f: dict, before: Optional[Token], nxt: Token) -> bool:
        """Session 29 (our own rule, measures.json "bare_age_inside"): "mit" + a bare number inside its clause is an
        age next to an adverb of a time of life ("Schon mit 21 saß er", gnad200; "nach Renteneintritt mit 67 noch 24
        Jahre leben", web finanztip.de), after a noun of retirement ("die Rente mit 67", wn), between commas
        ("Heute, mit 68, kann", gnad), or where the clause's subject is a person ("Ich habe mit 14 den
        Steppenwolf verschlungen"); a count ("Die Zahl der Haftbefehle ist mit 17 allerdings gering") is not, nor a
        number before a full stop, an ordinal or a date ("480 Personen lebten mit 6. August", gnad483; "Kunden mit 1. Klasse")."""
        cfg = self.bare_age_inside
        low = nxt.text.lower()
        if nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.like_num or low in cfg["not_after"] or low == "." \
                or lookup_unit(nxt.text) is not None or not doc[f["num"]].text.isalnum():
            return False
        b = before.text.lower() if before is not None else ""
        s0, s1 = sentence_bounds(doc, f["num"])  # punctuation-based: also a Doc without the parser's sentences
        if any(t.lemma_.lower() in cfg["not_in_sentence"] or t.lower_ in cfg["not_in_sentence"] for t in doc[s0:s1]):
            return False  # a speed or a count of players ("Er fuhr mit 100 durch die Ortschaft"; measures.json)
        if b in cfg["adverbs"] or low in cfg["adverbs"] or b in cfg["nouns_before"]:
            return True
        if b == "," and low == ",":
            return True
        if not has_ann(doc, "DEP"):
            return False
        verb = doc[f["num"]].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(3):  # up the auxiliaries: "habe ... verschlungen", "wurde ... überzeugt"
            subj = [c for c in verb.children if c.dep_ in ("sb", "nsubj")]
            if subj:
                s = subj[0]
                return s.text.lower() in cfg["person_pronouns"] or s.ent_type_ == "PER" or (
                    s.pos_ == "NOUN" and (s.text.lower() in self.age_nouns or s.text.lower().endswith(self.person_noun_endings)))
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return False

    def bracket_age(self, doc: Doc, f: dict) -> bool:
        """A bare whole number in brackets or commas right after a person's name is an age:
        "Peter Paul Michalski (46)", "Alice Kakamara, 30, beschrieb"."""
        if not f["bare"] or f["unit"] is not None or not isinstance(f["value"], int) or not 0 < f["value"] < 120 \
                or not doc[f["num"]].text.isdigit():
            return False
        prev, nxt = _prev(doc, f["start"]), _next(doc, f["end"] - 1)
        # session 29: the tokenizer glues "):" and "):" into one token ("für Mark Rylance (56): Der", gnad382)
        if prev is None or nxt is None or (prev.text, nxt.text) not in (("(", ")"), ("(", "):"), ("(", ");"), (",", ",")):
            return False
        name = _prev(doc, prev.i)
        if name is None:
            return False
        # a person: a PER name, a proper noun the NER left unlabelled, or a noun of people ("ein
        # Junge (12)"); not a place or organisation, whose bracketed number counts something
        # ("China (132 Fälle von Zensur), Myanmar (85), Iran (27)", wn54964, dev7)
        if name.ent_type_ == "PER" or (prev.text == "(" and self._first_name_entity(name)):
            return True
        if name.ent_type_ in ("LOC", "ORG", "GPE", "MISC"):
            return False
        return prev.text == "(" and (name.pos_ == "PROPN" or (name.text[:1].isupper() and (
            name.text.lower() in self.age_nouns or self.lemma(name).lower() in self.age_nouns))
            or self._subject_with_bracket(doc, name, nxt))

    @staticmethod
    def _first_name_entity(name: Token) -> bool:
        """Session 29 (our own rule): a name of two or more proper nouns that opens with a known first name
        (person_names.tsv) is a person's, whatever the model labelled it when the figures run ("Star-Quarterback
        Peyton Manning (39)" LOC, "Tatort-Kommissar Axel Milberg (59)" ORG, gnad1026, gnad799; the NER rules
        relabel them later); counted places and clubs open with none ("Leicester City (76)", "Atlético Madrid (26)")."""
        from ..ner_rules.data import person_names

        ent = next((e for e in name.doc.ents if e.start <= name.i < e.end), None)
        if ent is None or ent.end - 1 != name.i or len(ent) < 2 or not all(t.pos_ == "PROPN" for t in ent):
            return False
        return ent[0].text in person_names()[0]

    def _bracket_years_age(self, doc: Doc, f: dict) -> bool:
        """Years alone in brackets right after a person's name are an age: "Telesforo Santillan (60 Jahre), der
        ..." (wn23741); in a sentence of a sentence or prison term (measures.json "bracket_years_age") they are the
        term, a duration: "Die höchste Strafe erhielt ... der Angeklagte Gelowicz (12 Jahre)" (wn61550)."""
        if f["unit"] != "year" or not isinstance(f["value"], int) or not 0 < f["value"] < 120:
            return False
        prev, nxt = _prev(doc, f["start"]), _next(doc, f["end"] - 1)
        if prev is None or nxt is None or prev.text != "(" or nxt.text != ")":
            return False
        name = _prev(doc, prev.i)
        if name is None or not (name.ent_type_ == "PER" or (not name.ent_type_ and name.pos_ == "PROPN")):
            return False
        sent = name.sent if doc.has_annotation("SENT_START") else doc[:]
        return not any(t.text.lower() in self.term_tokens or self._term_word(t.text.lower()) for t in sent)

    def _age_threshold(self, doc: Doc, ab: Token) -> bool:
        """Session 32 (our own rule, measures.json "age_threshold"): years after "ab" (no noun after them: `is_age`
        has returned before) are a lower age bound, unless a noun of a stretch of time stands before "ab" ("eine
        Laufzeit ab zwei Jahren") or the sentence is about a prison term ("Freiheitsstrafen ab zwei Jahren")."""
        before = _prev(doc, ab.i)
        if before is not None and before.text.lower().endswith(self.age_threshold_not_after):
            return False
        s0, s1 = sentence_bounds(doc, ab.i)
        return not any(t.text.lower() in self.term_tokens or self._term_word(t.text.lower()) for t in doc[s0:s1])

    def _term_word(self, low: str) -> bool:
        """Is the lower-case word one of a sentence or prison term ("Haftstrafe", "verurteilt", "Urteil"), not a
        word that only holds one ("beurteilte", "Vorurteil": `term_not_after` before it)?"""
        return any(w in low and low[:low.index(w)] not in self.term_not_after for w in self.term_words)

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
