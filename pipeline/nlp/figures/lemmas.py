"""The lemma `about` is written in: the lemma table, the lexicon, simplemma."""
from __future__ import annotations

import re
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...clean.data import lexicon
from ..dates import has_ann
from ..lemma_table import lookup_lemma_table
from ..normalize import lookup_unit
from .common import _next


_UMLAUT_FREE = str.maketrans("äöüÄÖÜ", "aouAOU")
# session 32 (our own rule; web pages "rund 24.000 Mitarbeiter\\*innen", "5,5 Millionen Kund\\*innen", 10kGNAD
# "WissenschafterInnen"): a gender-inclusive plural, with a star (as the markdown extraction escapes it, "\\*"), colon,
# underscore or slash before "innen", or a capital "I" inside the word (the Binnen-I)
_GENDER_PLURAL = re.compile(r"([A-ZÄÖÜ][\w-]*?[a-zäöüß])(?:\\?\*|:|_|/-?|·)innen|([A-ZÄÖÜ][\w-]*?[a-zäöüß])Innen")


def load_lemma_resources() -> None:
    """Load simplemma's German table (about 1 s, 100 MB) now, with the other tables at a batch run's start
    (`pipeline.process.load_resources`, before local workers fork, so that they share it), not in the middle of
    the first article with a figure."""
    inflection_stripped_lemma("Scannern")


def inflection_stripped_lemma(word: str, table: Optional[Any] = None) -> Optional[str]:
    """simplemma's lemma of a word spaCy's lemma table lacks ("Scannern" -> "Scanner", "Wahllokale" -> "Wahllokal",
    "Fässern" -> "Fass"), only where it just cuts an ending, umlaut aside; else None.

    simplemma (Wiktionary-derived German forms, MIT) knows far more plural and dative forms than the lookup table.
    Its other lemmas break the guidelines' forms of `about` (session 18: taking them lost 13 right `about`s on the
    13 dev sets), so they are not taken: a nominalised adjective keeps its -e ("Abgeordnete", not "Abgeordneter"),
    a hyphen stays ("Solo-Album"), "-leute" stays ("Feuerwehrleute"). `table`: the lemma table `_singular_in_e` reads
    (the pipeline's; None: spacy-lookups-data's)."""
    import simplemma  # its German table is loaded on the first call (`load_lemma_resources`)

    if word.endswith(("leute", "leuten")):
        # session 23 (dev15 wn22629): simplemma cuts "Fachleute" to "Fachleut", no word; "-leute" stays, as the
        # gold writes it ("Feuerwehrleute", dev4, dev5), a dative plural loses its -n
        return word[:-1] if word.endswith("n") else None
    # greedy: simplemma also splits compounds it does not list ("Provisions" -> "Provision"; dev..dev13 +1, no loss)
    lemma = simplemma.lemmatize(word, lang="de", greedy=True)
    if lemma == word[:-1] and word.endswith("e") and _singular_in_e(word, table):
        return None
    if lemma != word and len(lemma) > 2 and word.translate(_UMLAUT_FREE).startswith(lemma.translate(_UMLAUT_FREE)):
        return lemma
    return None


def _singular_in_e(word: str, table: Optional[Any] = None) -> bool:
    """Session 35 (our own rule; 10kGNAD / web pages "800-Liter-Feuerlöschpumpe" -> "Feuerlöschpump", "Heckpumpe" ->
    "Heckpump", "Abhörfalle" -> "Abhörfall"): simplemma's greedy lemma drops the -e of a feminine singular when it knows
    a shorter homograph ("Pump", "Fall", "Hall"). The word's head, its longest end the lexicon knows as a word, is a
    singular in -e when the lemma table takes its form in -n to it and it to itself ("Pumpen" -> "Pumpe", "Pumpe" ->
    "Pumpe"): then the -e stays. A plural in -e has its -n form taken to its singular ("Schiffen" -> "Schiff")."""
    lex = lexicon()
    if table is None:
        table = lookup_lemma_table()
    for k in range(len(word) - 3):
        head = word if k == 0 else word[k:].capitalize()
        if head in lex:
            return table.get(head + "n") == head and table.get(head, head) == head
    return False


def _pipeline_lemma_table(nlp: Language) -> Optional[Any]:
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_lookup"):
            return lookups.get_table("lemma_lookup")
    return None


class LemmaRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    # -- lemmas --
    def _table(self):
        if self._lemmas is None:
            # no table of the pipeline's lemmatizer: the process's one copy of spacy-lookups-data's (`lookup_lemma_table`)
            self._lemmas = lookup_lemma_table() if self.lemma_lookup else {}
        return self._lemmas

    def lemma(self, t: Token) -> str:
        """Model lemma when it differs from the word; else the lookup table; else the head
        of a compound ("Gründungsmitgliedern" -> "Gründungsmitglied"); "-innen" -> "-in"."""
        fixed = self._fixed_lemma(t.text)
        if fixed is not None:
            return fixed
        model = t.lemma_ if (has_ann(t.doc, "LEMMA") and t.lemma_) else None
        if model and model != t.text:
            return model
        return self.lemma_text(t.text, model)

    def _fixed_lemma(self, w: str) -> Optional[str]:
        """The lemma lemmas.tsv gives the word or its compound's head ("Polizeibeamten": the fix of "Beamten"), else None."""
        fixed = self.lemma_words.get(w) or self.lemma_fixes.get(w)
        if fixed is not None:
            return fixed
        for k in range(2, len(w) - 3):
            if w[k - 1] == "-" and w[k].isupper():
                # session 26 (10kGNAD): a hyphenated compound's last part as lemmas.tsv has it ("Hypo-Schulden": the model's "Hypo-Schulde");
                # the part after a hyphen is a whole word, so a whole-word ("=") row holds too ("Tennis-Asse")
                head = self.lemma_words.get(w[k:]) or self.lemma_fixes.get(w[k:])
                if head is not None:
                    return w[:k] + head
                continue
            head = self.lemma_fixes.get(w[k:].capitalize()) if w[k - 1] != "-" and w[k].islower() else None
            if head is not None:
                return w[:k] + head.lower()
        return None

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
        lem = self.lemma_words.get(w) or self.lemma_fixes.get(w) or (table.get(w) if table else None)
        if lem:
            return lem
        last = w.rfind("-") + 1
        if w[:1].islower() and last > 1 and w[last:last + 1].isupper() and len(w) - last > 2:
            # session 28 (web pages): a hyphenated compound whose first part is written in lower case ("6.353
            # iCloud-Konten", "eBay-Händlern") is a noun like any other: its last part takes its lemma
            return w[:last] + self._lemma_text(w[last:], None)
        if w[:1].isupper():
            stripped = inflection_stripped_lemma(w, self._table())
            if stripped is not None:
                return stripped
        if w[:1].isupper() and len(w) > 6 and table and w not in self._table_lemmas():
            # session 15 (dev12 wn37511): a word the table has as a lemma of other forms is a word, no
            # compound to split at a short head inside it ("Gefangene", the lemma of "Gefangenen", is
            # no "Gefan" + "Gene"; "Automarke" no "Automark")
            last = w.rfind("-") + 1
            word_last = last > 0 and w[last:] in self._table_lemmas()
            for k in range(2, len(w) - 3):
                if word_last and k > last:
                    # session 26 (10kGNAD): nor is a hyphenated compound's last part the table has as a lemma: it
                    # is looked up whole ("US-Firmen" -> "US-Firma"), not split ("Kfz-Kennzeichen" no "Kfz-Kennz" + "Eiche")
                    break
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

    def about_lemma(self, doc: Doc, tok: Token) -> Optional[str]:
        """The `about` string for the measured token ``tok`` (its lemma, as the guidelines
        write it), or None for a vague plural or a number; shared by the rules and the learned
        fallback (`about_model`). A lemma the lemma table spells in the old way keeps the surface's "ss"
        (`_reformed_spelling`)."""
        lem = self._about_lemma(doc, tok)
        return self._reformed_spelling(tok.text, lem) if lem else lem

    def compound_head_lemma(self, head: str) -> str:
        """Session 35: the `about` of an amount inside a compound, the lemma of the compound's head as written after
        the unit ("Bombe", "Fässern" -> "Fass", "Luxus-Suite"): its last part takes its lemma as in `_about_lemma`."""
        first, _, last = head.rpartition("-")
        lem = self._reformed_spelling(last, inflection_stripped_lemma(last, self._table()) or self.lemma_text(last))
        lem = lem[:1].upper() + lem[1:]
        return f"{first}-{lem}" if first else lem

    @staticmethod
    def _reformed_spelling(surface: str, lem: str) -> str:
        """Session 32 (our own rule; web page "sieben thematische Dialogprozesse" -> "Dialogprozeß"): spaCy's lemma table
        spells some lemmas in the spelling before the 1996 reform ("Prozesse" -> "Prozeß", "Fässern" -> "Faß"); where the
        surface writes "ss" and the lemma with "ss" for "ß" starts the surface (umlauts aside), the lemma takes the
        surface's spelling ("Dialogprozess", "Fass"). A surface with "ß" keeps it ("Straßen" -> "Straße")."""
        if "ß" not in lem or "ß" in surface:
            return lem
        ss = lem.replace("ß", "ss")
        return ss if surface.translate(_UMLAUT_FREE).lower().startswith(ss.translate(_UMLAUT_FREE).lower()) else lem

    def _about_lemma(self, doc: Doc, tok: Token) -> Optional[str]:
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
        parts = tok.text.split("-")
        if len(parts) >= 3 and parts[0][:1].isdigit() and parts[0].replace(".", "").replace(",", "").isdigit() \
                and lookup_unit(parts[1]) is not None and parts[-1][:1].isupper():
            # session 25 (dev13 wn61550): an amount inside a compound ("zwölf 65-Kilogramm-Fässern") describes
            # its head; what is counted is the head (guidelines: the compound's head), "Fass"
            head = parts[-1]  # simplemma's lemma first: the lemma table spells some in the old way ("Fässern" -> "Faß")
            return inflection_stripped_lemma(head, self._table()) or self.lemma_text(head)
        low = tok.text.lower()
        w = tok.text
        if w.endswith("innen") and len(w) > 7 and tok.i + 2 < len(doc) and doc[tok.i + 1].text in self.coordinators:
            other = doc[tok.i + 2]
            if other.text.startswith("-") or other.text[:1].isupper():
                # "Staatsbürgerinnen und -bürger", "Bürgerinnen und Bürger": the pair's base noun
                masc = w[:-5] if other.text.startswith("-") else other.text
                lem = self.lemma_text(masc)
                return lem[:1].upper() + lem[1:]
        if (masc := self._gendered_plural(w)) is not None:
            return masc
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
        if self._fixed_lemma(tok.text) != lem:
            # a form lemmas.tsv fixes is the lemma: no plural strip of it ("Fonds", whose -s is no plural: not "Fond";
            # the plural-only "Staatsschulden")
            lem = self._word_form(tok.text, lem, tok.pos_ == "PROPN")
        if tok.text[:1].isupper() and tok.text.endswith("e") and (
                lem == tok.text + "r"
                or (lem == tok.text[:-1] and lem not in self._known_lemmas() and (self._table() or {}).get(tok.text.lower()) is not None)):
            # session 27 (10kGNAD): a nominalised adjective or participle in -e whose lemma came out as the strong masculine
            # ("Obdachlose" -> "Obdachloser", "Freiwillige" -> "Freiwilliger") or as the bare adjective, capitalised
            # ("14 Verdächtige" -> "Verdächtig", "Angeklagte" -> "Angeklagt": no noun the lemma table knows, while the
            # lower-case word is a form it knows): the -e form, as the guidelines write them ("Tote", "Verletzte")
            return tok.text
        if lem == tok.text and tok.pos_ == "PROPN" and not tok.ent_type_:
            lem = self._genitive_stem(tok) or lem
        if lem == tok.text and lem[:1].isupper() and lem.endswith("en") \
                and (adj := (self._table() or {}).get(lem.lower())) and adj.islower() and adj != lem.lower():
            # session 23 (dev15 wn33173): a nominalised adjective the lemmatizers give no noun form of ("die vier
            # Besten": "besten" a form of "gut"): its noun form in -e, as the guidelines write them ("Tote")
            lem = lem[:-1]
        if len(lem) > 2 and lem.endswith(".") and lem[-2].isdigit():
            lem = lem[:-1]  # session 23 (dev15 wn2464): the tokenizer keeps a sentence's period after a digit ("für eine Tonne CO2.")
        return lem[:1].upper() + lem[1:] if tok.text[:1].isupper() else lem

    def _gendered_plural(self, w: str) -> Optional[str]:
        """Session 32 (our own rule, as the guidelines' "Staatsbürgerinnen und -bürger" -> Staatsbürger): the lemma of a
        gender-inclusive plural is the lemma of its masculine plural: the stem before the star for a stem in -er, -el or
        -en ("Mitarbeiter\\*innen" -> Mitarbeiter), else the stem + "en" ("Kund*innen" -> "Kunden" -> Kunde,
        "Patient:innen" -> Patient); None for another word."""
        m = _GENDER_PLURAL.fullmatch(w)
        if m is None:
            return None
        stem = m.group(1) or m.group(2)
        plural = stem if stem.endswith(("er", "el", "en")) else stem + "en"
        lem = self.lemma_text(plural)
        return lem[:1].upper() + lem[1:]

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
