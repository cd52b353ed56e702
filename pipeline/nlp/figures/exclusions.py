"""Numbers that are no figures: identifiers, coordinates, phone numbers, match results, names the model cut,
comparatives."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...clean.data import place_names
from ..dates import has_ann, is_bare_year, sentence_bounds
from ..dates.text import doc_text
from ..normalize import lookup_unit, multiplier, parse_digits, parse_number_word
from .common import _NOUN_POS, _RESULT_LINE, _SCORE_LINE, _TIME_UNITS, _next, _prev

# a code of letters and digits ("x3", "12V") glued to a number by a dash: a model's name ("Atom x3-8300")
_LETTERS_AND_DIGITS = re.compile(r"[A-Za-z]+\d+[A-Za-z]*|\d+[A-Za-z]+")
# a URL or a markdown link's target in web-page text: it ends at white space, a closing bracket or a quote
_URL = re.compile(r"(?:https?://|www\.)[^\s()\[\]<>\"]+")
# what may follow a clock time without "Uhr": a preposition, an adverb, a verb, a pronoun ("um sieben vom
# Freigängerhaus", "um neun hier", "um Viertel vor zehn stattfindet"), not an adjective or article of a noun phrase
_CLOCK_NEXT_POS = frozenset({"ADP", "ADV", "VERB", "AUX", "PART", "SCONJ", "PRON", "PUNCT"})


class ExclusionRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    # -- exclusions --
    @staticmethod
    def _url_tokens(doc: Doc) -> list[tuple[int, int]]:
        """Session 28 (figure precision): the token ranges of the URLs in the text ("https://twitter.com/x/status/
        1253829874919157760", a markdown link's target "[HIER](https://.../Details/6212)"): an identifier, no figure
        in it (guidelines). The tokenizer may cut a URL into several tokens; every token it touches is in the range."""
        text = doc_text(doc)
        if "://" not in text and "www." not in text:
            return []
        out = []
        for m in _URL.finditer(text):
            sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if sp is not None:
                out.append((sp.start, sp.end))
        return out

    def _after_identifier(self, doc: Doc, i: int) -> bool:
        """The number at i names something after a word of identifiers.json ("Artikel 4", "Klasse 5")."""
        t, prev = doc[i], _prev(doc, i)
        if prev is not None and prev.text == ":" and prev.i >= 1 and doc[prev.i - 1].text.lower() in self.id_before \
                and doc[prev.i - 1].text.isupper():
            return True  # an acronym across a colon, "ISBN-13: 9783518029817"; not "Gebundene Ausgabe: 80 Seiten"
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
        if t.text.lower() in self.not_counts:
            return True  # "live ORF eins", "Satz eins", "Nur eins haben wir nicht" (numbers.json not_counts)
        if self._coordinate(doc, i):
            return True
        if t.ent_type_ and t.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") and not self._ent_slip(doc, i):
            return True  # number inside a PER/ORG/LOC/MISC name ("Boeing 747" tagged MISC)
        prev = _prev(doc, i)
        nxt = _next(doc, i)
        if self._after_identifier(doc, i):
            return True
        if self.currency_before(doc, i) is not None:
            return False  # "eine Schenkung von Fr. 1000": an amount, no name's number, no year
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
        if re.fullmatch(r"[1-9]\d{3}", t.text) and nxt is not None and nxt.i == i + 1 and nxt.text[:1].isupper() \
                and (nxt.ent_type_ in ("LOC", "GPE") or nxt.text in place_names()) and lookup_unit(nxt.text) is None \
                and (prev is None or prev.text == "," or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space) \
                and (nxt.i + 1 >= len(doc) or "\n" in nxt.whitespace_ or doc[nxt.i + 1].is_space
                     or doc[nxt.i + 1].like_num or doc[nxt.i + 1].text[:1] in "+|"):
            # an Austrian or Swiss postcode of four digits at the start of an address line or after its street, the
            # place ending the line or followed by a phone number: "Röschibachstr. 24-26, 8037 Zürich", "Bundeshaus
            # Nord, 3003 Bern +41...", "9500 Villach" (session 26); not "2800 Wiener kamen"
            return True
        if self._phone(doc, i):
            return True
        if self._score(doc, i):
            return True
        # (token positions, not `is`: spaCy makes a new Token object on every access)
        if i > 0 and prev is not None and prev.i == i - 1 and not prev.whitespace_ and prev.text[-1:].isalpha():
            return True  # glued to a word: "G 20" split by tokenizer
        if i > 1 and prev is not None and prev.i == i - 1 and not prev.whitespace_ and prev.text in ("-", "/", ".", ":") \
                and (doc[i - 2].like_num and not (prev.text == "-" and self._unit_range(doc, i - 2))
                     or not doc[i - 2].whitespace_ and _LETTERS_AND_DIGITS.fullmatch(doc[i - 2].text)):
            # "2022-01", "1939/40", "Boeing 737-500"; not the range "300-500 t"; session 27 (second round): after a
            # code of letters and digits, a model's number, "Intel Atom x3-8300", "Adapter GAA 12V-21"
            return True
        if re.fullmatch(r"0\d+", t.text):
            return True  # "01", "09": identifiers and date parts
        if nxt is not None and nxt.i == i + 1 and not t.whitespace_ and nxt.text in ("-", "/", ":", ".") and i + 2 < len(doc) and not doc[i + 2].is_space:
            if nxt.text == "-" and self._unit_range(doc, i):
                return False  # "300-500 t schwere", "10-15 Prozent": a range with its unit
            if nxt.text != "." or doc[i + 2].like_num:
                return True  # "30-jährige", "1939/40", "4:45", "17.30"
        if nxt is not None and nxt.text.lower() in self.id_after:
            return True  # "17 Uhr", "12 mal"
        if nxt is not None and nxt.i == i + 1 and nxt.text.lower() in self.range_links and i + 3 < len(doc) \
                and t.like_num and doc[i + 2].like_num and doc[i + 3].text.lower() in self.id_after:
            # session 37 (our own rule; unseen 10kGNAD gnad58 "Montags 10 bis 12 Uhr arabischer Beratungsservice", and
            # "von 10 bis 18 Uhr geöffnet", "zwischen 14 und 16 Uhr"): the first number of a range shares the word after
            # the second, so a clock time's range is a clock time at both ends, no FIGURE (the first was a count of "Uhr")
            return True
        if prev is not None and prev.i == i - 1 and prev.text == "Uhr" and i > 1 and doc[i - 2].like_num \
                and re.fullmatch(r"[0-5]?\d", t.text) and not (nxt is not None and nxt.i == i + 1 and nxt.pos_ in _NOUN_POS):
            # the minutes of a clock time written with "Uhr" between: "seit 4 Uhr 30 morgens" (wn68535), "am Sonntag um
            # 20 Uhr 15" (gnad395); not a count of things after it ("um 20 Uhr 15 Demonstranten"); session 31
            return True
        name_before = prev is not None and (prev.pos_ == "PROPN" and prev.text[:1].isupper()
                                            or (prev.ent_type_ in ("ORG", "MISC") or prev.ent_type_ and t.pos_ == "PROPN")
                                            and re.fullmatch(r"\d{1,4}", t.text) and prev.i == i - 1 and not prev.text.islower())
        # session 27 (second round): a number the tagger took into the name after any name the model found ("Silent
        # Hill 2", Hill PER); a channel's number before a time ("ORF 1 20.15", both PROPN)
        if name_before and has_ann(doc, "POS") and t.like_num and (nxt is None or nxt.pos_ not in _NOUN_POS
                                                                   or nxt.i == i + 1 and nxt.text[:1].isdigit()):
            # session 14 (dev11 wn72118): a partitive after the number counts, the name before it is a
            # recipient ("waren Romney 22 der 23 Delegiertenstimmen zugesprochen worden"); a name after
            # the article stays a name's number ("die Boeing 747 der Lufthansa")
            after = doc[nxt.i + 1] if nxt is not None and nxt.i + 1 < len(doc) else None
            partitive = nxt is not None and nxt.i == i + 1 and nxt.text.lower() in self.genitive_determiners \
                and after is not None and (after.like_num or after.pos_ == "NOUN") \
                and nxt.text.lower() not in self.singular_genitive_determiners  # "das iWork 11 des Herstellers Cube"
            # session 27 (second round): "Mariano Rajoy 119 von 350 Mandaten gewonnen": a count of a number after "von"
            partitive = partitive or nxt is not None and nxt.i == i + 1 and nxt.text.lower() in self.von \
                and after is not None and after.like_num and after.text[:1].isdigit() == t.text[:1].isdigit()
            if prev.text.lower() not in self.qualifiers and not partitive and not self._count_after_name(doc, i, prev, nxt):
                return True  # "Boeing 747"; session 27: a name the model tagged (ORG, MISC) but whose word it gave
                # no PROPN, the number left outside: "mit iOS 9 erschwert", "einen Porsche 911 gekauft"
        if self._clock_time(doc, i):
            return True  # "um sieben vom Freigängerhaus", "um halb neun": a clock time without "Uhr"
        if t.like_num and parse_digits(t.text) is not None and re.fullmatch(r"1\d{3}|20\d{2}", t.text):
            if is_bare_year(doc, i, lemma_fn=self.lemma) or self._year_by_form(doc, i):
                return True
        return False

    def _count_after_name(self, doc: Doc, i: int, prev, nxt) -> bool:
        """Session 31 (our own rule; unseen 10kGNAD gnad47 "Insgesamt existieren in Österreich 15 solcher Städte", session
        30's gnad671 "Im zweiten Quartal hat Sky 337.000 neue Kunden hinzugewonnen"): a number after a name that an
        adjective or determiner and then a plural common noun follow counts that noun (a plural by its lemma), when the name is a place (places
        carry no model numbers) or the number has a thousands separator (no version or model number has one)."""
        if nxt is None or nxt.i != i + 1 or nxt.pos_ not in ("ADJ", "DET", "PRON") or i + 2 >= len(doc):
            return False
        noun = doc[i + 2]
        # a plural: the bundled model has no morphology, so the lemma, which a plural's differs from ("Städte" -> "Stadt")
        if noun.pos_ != "NOUN" or self.lemma(noun) == noun.text or lookup_unit(noun.text) is not None:
            return False
        return prev.ent_type_ in ("LOC", "GPE") or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", doc[i].text) is not None

    def _year_by_form(self, doc: Doc, i: int) -> bool:
        """Session 28 (figure precision): a year `is_bare_year` takes for a count. In brackets alone before a
        citation's colon ("Tezarek, Laura (2017): Andreas Okopenko"; the tokenizer glues "):" into one token the
        tagger calls a noun, which the year then seems to count); or opening its sentence before a verb in the
        singular (identifiers.json year_first_verbs), so not its subject ("1278 war die Burg Juval im Besitz ...": before
        1500 no year without a trigger; a count takes a plural verb, "1278 waren anwesend", or a noun, "1278 Menschen")."""
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None:
            return False
        if prev is not None and prev.text == "(" and re.fullmatch(r"\)[:;,.]?", nxt.text) and int(doc[i].text) >= 1500:
            return True
        if (i == 0 or doc[i].is_sent_start or prev is not None and prev.text in (".", "!", "?")) \
                and nxt.text in self.year_first_verbs and re.fullmatch(r"1\d{3}", doc[i].text):
            return True  # identifiers.json year_first_verbs
        return False

    def _clock_time(self, doc: Doc, i: int) -> bool:
        """A number word of the hours after "um" or "gegen" (identifiers.json clock_words) with no noun or unit after
        it: a clock time without "Uhr" ("um sieben vom Freigängerhaus", "um halb neun", "um Viertel vor zehn");
        without a part of the hour not where the sentence speaks of a difference (a verb of change: "Die Zahl stieg
        um sieben"; the same preposition before a figure earlier in it: "Griss um vier Punkte, Hofer um neun")."""
        t = doc[i]
        v = parse_number_word(t.text.lower())
        if t.text[:1].isdigit() or v is None or not 1 <= v <= self.clock_max_hour or float(v) != int(v):
            return False
        nxt = _next(doc, i)
        if nxt is not None and (self._is_noun(nxt) or lookup_unit(nxt.text) is not None or nxt.text[:1].isdigit()
                                or multiplier(nxt.text) is not None or nxt.text.lower() in self.range_links
                                or not (nxt.is_punct or has_ann(doc, "POS") and nxt.pos_ in _CLOCK_NEXT_POS)):
            return False  # a noun phrase goes on after it: "gegen zwei weitere Verdächtige", "um drei bis vier Prozentpunkte"
        k, part = i, False
        while True:
            words = next((w for w in self.clock_parts if k >= len(w) and [x.text.lower() for x in doc[k - len(w): k]] == w), None)
            if words is None:
                break
            k, part = k - len(words), True  # "um kurz vor halb elf"
        if k == 0 or doc[k - 1].text.lower() not in self.clock_before:
            return False
        if part:
            return True
        j = i + 1
        while j < len(doc) and doc[j].pos_ in ("ADP", "PROPN", "NOUN"):
            j += 1  # "um zwei seit November entführte Botschaftsmitarbeiter": a participle of a noun after it counts
        if j < len(doc) and has_ann(doc, "DEP") and doc[j].dep_ == "amod" and doc[j].head.i > j and doc[j].head.pos_ in _NOUN_POS:
            return False
        prep = doc[k - 1].text.lower()
        s0, s1 = sentence_bounds(doc, i)
        for tok in doc[s0:s1]:
            lem = self.lemma(tok).lower()
            preps = self.measuring_verbs.get(lem, self.object_verbs.get(lem))
            if preps is not None and lem not in self.predicate_only_with_unit and (not preps or prep in preps):
                return False  # "Die Zahl stieg um sieben": a difference

        def counts(w: str) -> bool:
            return parse_number_word(w.lower()) is not None or w[:1].isdigit() or w.lower() in self.qualifiers
        # "Griss um vier Punkte, Hofer um neun": the ellipsis of a difference named before it
        return not any(tok.text.lower() == prep and tok.i + 1 < k - 1 and counts(doc[tok.i + 1].text) for tok in doc[s0: k - 1])

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
        text, k = doc_text(doc), doc[i].idx
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

    def _comparison(self, doc: Doc, i: int) -> bool:
        """Is the anchored word doc[i] ("früher", "später") a comparative ("zehn Stunden früher als
        erwartet")? Then the amount before it is a duration, not a time counted from the last date."""
        j = i + 1
        while j < len(doc) and (doc[j].is_space or doc[j].is_quote):
            j += 1
        return j < len(doc) and doc[j].text.lower() in self.anchored_comparisons
