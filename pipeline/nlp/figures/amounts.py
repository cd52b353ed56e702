"""Reading a figure: its number, multiplier, unit, qualifier, and the ranges and lists it belongs to."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..normalize import fraction, lookup_unit, multiplier, parse_digits, parse_number_word
from .common import _ADJ_INFL, _CALENDAR_UNITS, _FRANC_PREFIX, _FRANC_PRICE, _GROUP_SPACES, _PLUS, _SIGNS, _SYMBOL_PREFIX, _TIME_UNITS, _prev

# Swiss thousands separators: "80’000", "40'000", "1'250.50"
_SWISS_GROUPS = re.compile(r"\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?")
# a price with a dash for its cents: "449,-", "3.000,-", "49,–", "20.–", "5,--"
# a decimal number written with a comma, its decimals: "12,55", "0,70"
_DECIMALS = re.compile(r"^\d+,(\d+)$")
_DASH_PRICE = re.compile(r"(?:\d+|\d{1,3}(?:['’.]\d{3})+)[.,][–—-]{1,2}")
# a number with thousands dots that kept the sentence's period in its token ("um 849.000.", "auf knapp 6.000.")
_END_PERIOD = re.compile(r"\d{1,3}(?:\.\d{3})+\.")
# a plain number with a glued period: mostly an ordinal ("am 3. Mai", "– 2. Jari-Matti Latvala"), a count only
# before a word that opens a sentence and cannot follow an ordinal ("stieg von sechs auf 92. Der dramatische ...")
_PLAIN_PERIOD = re.compile(r"[1-9]\d{0,2}\.")
_SENTENCE_OPENER_POS = frozenset({"DET", "PRON", "ADV", "SCONJ", "CCONJ", "ADP", "AUX", "VERB"})


class AmountRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    # -- number expression parsing --
    def may_start(self, word: str) -> bool:
        """Cheap test whether `_base` can read a number at a token with this text (digits,
        number word, fraction noun, article before a multiplier). Most tokens fail it, so the
        component skips the context checks for them."""
        low = word.lower()
        return self._plain_start(word) or ("-" in low and parse_number_word(low.split("-", 1)[0]) is not None)

    def _plain_start(self, word: str) -> bool:
        """`may_start` without the number word that opens a hyphenated compound ("Zwei-Tonnen-Lastwagen")."""
        low = word.lower()
        return word[:1].isdigit() or ((word[:1] in _SIGNS or word[:1] == _PLUS) and word[1:2].isdigit()) or low in self.fraction_nouns or low in self.article_forms \
            or parse_number_word(low) is not None

    def glued_range_dash(self, doc: Doc, i: int) -> bool:
        """Is the sign glued to the whole number at token i the dash of a range whose first number stands
        bare right before it, "10 -14 € pro Woche", "2 -3 Personen" (web_pages_de; session 26)? Only whole
        numbers that rise: a change after a level ("17.500 -0,56 Prozent", "12 -5") stays negative."""
        text = doc[i].text
        if not (i > 0 and text[:1] in _SIGNS and text[1:].isdigit() and doc[i - 1].whitespace_ and doc[i - 1].text.isdigit()):
            return False
        return int(doc[i - 1].text) < int(text[1:]) and (i < 2 or not doc[i - 2].like_num)

    def sentence_period(self, doc: Doc, i: int) -> bool:
        """Is token i a number with thousands dots whose glued period ends its sentence ("liegt bereits bei
        76.500.", "im Euroraum um 849.000.": the tokenizer keeps the period on such a token)? Not an ordinal:
        an article (or a preposition with its article, a possessive) before it and a noun or adjective
        after it ("zum 100.000. Mal", "Der 100.000. Artikel"), nor a word in lower case after it (the
        sentence goes on). A plain number ("auf 92.") only before a capitalised function word (below)."""
        if _PLAIN_PERIOD.fullmatch(doc[i].text):
            # "stieg von sechs auf 92. Der ...": a word before it that is no noun or name (whose number it would be:
            # "bei Skalenpunkt 5.", "des Modells 3.") nor "Uhr" ("um 20 Uhr 15."), and after it a capitalised function word;
            # not "als" ("kam er als 4. Danach ...": a rank; measures.json as_words) unless after "mehr"/"weniger"
            # (comparatives: "auf mehr als 92. Der ...")
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            prev = doc[i - 1] if i > 0 else None
            rank = prev is not None and prev.text.lower() in self.as_words \
                and not (i > 1 and doc[i - 2].text.lower() in self.comparatives)
            return prev is not None and prev.is_alpha and prev.pos_ not in ("NOUN", "PROPN") and not rank \
                and prev.text.lower() not in self.ordinal_articles and prev.text.lower() not in self.id_after \
                and nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and nxt.pos_ in _SENTENCE_OPENER_POS
        if not _END_PERIOD.fullmatch(doc[i].text):
            return False
        if i + 1 >= len(doc) or "\n" in doc[i].whitespace_ or (doc[i + 1].is_space and "\n" in doc[i + 1].text):
            return True
        nxt = doc[i + 1]
        if not nxt.is_alpha or nxt.text[:1].islower():
            return False
        return not (i > 0 and doc[i - 1].text.lower() in self.ordinal_articles and (nxt.pos_ in ("NOUN", "ADJ", "PROPN")
                                                                                           or not doc.has_annotation("POS")))

    def _base(self, doc: Doc, i: int) -> Optional[tuple[float, int]]:
        """(value, end index) of the number starting at token i, before multipliers/units."""
        t = doc[i]
        sign = 1
        text = t.text
        if text[:1] in _SIGNS and text[1:2].isdigit():
            sign, text = (1 if self.glued_range_dash(doc, i) else -1), text[1:]
        elif text[:1] == _PLUS and text[1:2].isdigit():
            text = text[1:]
        v = parse_digits(text)
        if v is None and _SWISS_GROUPS.fullmatch(text):
            # Swiss thousands separators, the apostrophe straight or curly ("80’000 Franken", "40'000";
            # infosperber.ch, polizeiticker.ch); a decimal after them is a point or a comma ("1'250.50")
            v = parse_digits(re.sub(r"['’]", "", text).replace(".", ","))
        if v is None and re.fullmatch(r"\d{1,3}\.(?:\d{1,2}|\d{4,})", text) and i + 1 < len(doc) and lookup_unit(doc[i + 1].text) \
                and lookup_unit(doc[i + 1].text)[0] not in _TIME_UNITS:
            # a decimal point (Swiss and English style) before a unit: "28.56 %", "12.4215 GHz" (dev11 wn54805);
            # never thousands (one, two or four and more digits after the point are no group of three)
            v = float(text)
        if v is None and self.sentence_period(doc, i):
            v = parse_digits(text[:-1])  # "um 849.000." at a sentence's end
        if v is None and self.currency_before(doc, i) is not None:
            v = self._franc_price(text)  # "Fr. 20.–", "sFr. 150.–", "Fr. 14.05"
        if v is None and _DASH_PRICE.fullmatch(text) and i + 1 < len(doc) and lookup_unit(doc[i + 1].text) \
                and lookup_unit(doc[i + 1].text)[0] in self.money_units:
            # a price whose cents are a dash, before the currency: "449,- Euro", "3.000,- Euro", "1.000,- €",
            # "20.– Franken" (web_pages_de; session 26)
            v = self._franc_price(text)
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
            if nl in self.plural_time_units:
                # an article agrees with a singular noun: before a plural time unit it belongs to a noun further on
                # ("eine Jahrhunderte übergreifende Kollektion"; measures.json plural_time_units; session 37)
                return None
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
            if low not in self.genitive_one and nl == "," and not doc[i].whitespace_ and i + 3 < len(doc) \
                    and parse_number_word(doc[i + 2].text.lower()) is not None and self._time_unit_word(doc[i + 3]):
                # the first of an approximate pair of times (session 33, our own rule; component._time_pair_comma):
                # "nach ein, zwei Tagen", "nie länger als ein, zwei Minuten" (web page, 10kGNAD)
                return 1, i + 1
            if multiplier(nl) and nl != self.hundred_word or fraction(nl) or (
                    lookup_unit(nxt.text) and lookup_unit(nxt.text)[0] not in _TIME_UNITS and nxt.text[:1].isupper()
                    and nxt.text.lower() not in ("m", "t", "g", "l")):
                return 1, i + 1
            return None
        p = _prev(doc, i)
        if not (w.islower() or (w[:1].isupper() and (p is None or doc[i].is_sent_start is True
                                                     or p.text in ".!?:„\"»(–-" or doc[i - 1].is_space
                                                     or "\n" in p.whitespace_))
                or (w[:1].isupper() and i + 1 < len(doc) and self._time_unit_word(doc[i + 1]))):
            # mid-sentence a capital number word counts only before a time unit ("erst seit Anderthalb Jahren in der
            # Position", "In den letzten Zehn Jahren", wn75280; "während der Neun Monate dauernden Verhandlung",
            # wn68535): elsewhere it is part of a name ("Die Drei von der Tankstelle"); session 31, our own rule
            return None
        v = parse_number_word(low)
        if v is None:
            return None
        return v, i + 1

    def _duration_adjective(self, t: Token) -> bool:
        """An inflected adjective that may stand between a number and its time unit ("torlosen", "langen",
        "magere"): lower case, an adjective's ending, an adjective where the doc has POS; no number word,
        multiplier or fraction ("zwei hundert", "drei viertel"), nor an adjective of separate units
        (measures.json `not_duration_adjective_stems`: "in zwei aufeinanderfolgenden Jahren")."""
        w = t.text
        if not (w.isalpha() and w.islower() and _ADJ_INFL.match(w)) or w.startswith(self.not_duration_adjective_stems):
            return False
        if t.doc.has_annotation("POS") and t.pos_ != "ADJ":
            return False
        return parse_number_word(w) is None and multiplier(w) is None and fraction(w) is None

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

    def _hyphen_compound(self, doc: Doc, i: int) -> Optional[dict]:
        """Session 35 (the open sets' gold: "eine 8-Kilo-Bombe" dev5, "zwölf 65-Kilogramm-Fässern" dev13, "in einer
        3.000-US-Dollar-Luxus-Suite" dev7, "das 700-Milliarden-US-Dollar-Hilfspaket" dev16; Wikinews train wn50777 "mit
        einem Zwei-Tonnen-Lastwagen"): an amount with its unit inside a compound noun, written as one hyphenated word
        ("NUMBER-[MULTIPLIER-]UNIT-Head"), is a figure that measures the compound's head. Not a percentage (a
        threshold: "die 5-Prozent-Hürde", dev gold unmarked), a time unit (durations are DATEs, "24-Stunden-Rennen"),
        nor a head of measures.json `hyphen_compounds.not_heads` (an event or a thing named by its amount:
        "100-Meter-Lauf", "Elf-Meter-Schießen", "500-Euro-Schein"). The figure is the whole word (the tokenizer keeps
        it one token); `compound_head` holds the head for `about`."""
        parts = doc[i].text.split("-")
        if len(parts) < 3 or not all(parts):
            return None
        v = parse_digits(parts[0]) if parts[0][:1].isdigit() else parse_number_word(parts[0].lower())
        if v is None:
            return None
        k, scale = 1, 1
        mul = multiplier(parts[k])
        if mul is not None:
            scale, k = mul, k + 1
        unit = None
        for width in (2, 1):  # "US-Dollar" before "Dollar"
            if k + width < len(parts):
                u = lookup_unit("-".join(parts[k:k + width]))
                if u is not None and parts[k][:1].isupper():
                    unit, k = u, k + width
                    break
        if unit is None and k + 1 < len(parts) and parts[k].lower() in self.hyphen_count_nouns and parts[k + 1][:1].isupper() \
                and parts[-1].lower() not in self.hyphen_not_heads:
            # session 36 (our own rule; dev12 gold "in der 390.000-Einwohner-Stadt": 390000 about Einwohner; 10kGNAD
            # "26.000-Einwohner-Stadt", "900-Einwohner-Gemeinde"): a count of people inside the compound
            # (measures.json `hyphen_compounds.count_nouns`) is a figure of that noun, no unit; other counted nouns there
            # name a kind ("Fünf-Sterne-Hotel", "Zwei-Staaten-Lösung", "3-Wege-Finanzierung") and stay no figure
            value = v * scale
            value = int(value) if float(value).is_integer() else round(value, 4)
            return {"start": i, "end": i + 1, "num": i, "value": value, "unit": None, "scale": scale, "bare": False,
                    "compound_head": parts[k]}
        if unit is None or unit[0] in _TIME_UNITS or unit[0] in self.hyphen_not_units:
            return None
        tail = parts[k:]
        if not tail[0][:1].isupper() or lookup_unit(tail[0]) is not None or multiplier(tail[0]) is not None \
                or tail[-1].lower() in self.hyphen_not_heads:
            return None
        value = v * unit[1] * scale
        value = int(value) if float(value).is_integer() else round(value, 4)
        return {"start": i, "end": i + 1, "num": i, "value": value, "unit": unit[0], "scale": scale, "bare": False,
                "compound_head": "-".join(tail)}

    def parse_at(self, doc: Doc, i: int) -> Optional[dict]:
        if "-" in doc[i].text[1:]:
            hyphen = self._hyphen_amount(doc, i) or self._hyphen_compound(doc, i)
            if hyphen is not None:
                return hyphen
            if not self._plain_start(doc[i].text):
                return None  # a number word opening a compound that is no amount ("Drei-Königs-Treffen"): as before
        b = self._base(doc, i)
        if b is None:
            return None
        value, j = b
        start = i
        unit = None
        closed = self.sentence_period(doc, i)
        if closed:
            j = len(doc)  # the sentence ends with the number: no fraction, multiplier or unit after it (reset below)
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
        j = self._over_space(doc, j)  # "mehr als 15  Milliarden Euro", "bis zu 60.000  Euro": a double space
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
        elif j + 1 < len(doc) and j == i + 1 and not closed and self._duration_adjective(doc[j]) and self._time_unit_word(doc[j + 1]) \
                and not (j + 2 < len(doc) and doc[j + 2].lower_ in ("pro", "je")):
            # session 30 (our own rule): any inflected adjective between a number and a time unit keeps it a
            # duration, the adjective inside the span: "nach 120 torlosen Minuten" (10kGNAD), "Nach sieben langen
            # Jahren" (wn37853), "zwei magere Jahre", "16 turbulente Jahre lang" were FIGUREs without a unit;
            # not before "pro"/"je", a rate ("3 simulierten Tagen pro Tag")
            j += 1
        # unit word or symbol; compound units first ("Kilometern pro Stunde", "km/h" = three
        # tokens, "Grad Celsius")
        j = self._over_space(doc, j)
        multi = self._multi_unit(doc, j)
        side = None  # "unter Null" / "über Null" after a temperature (measures.json zero_sides)
        if multi is not None:
            (unit, factor), j = multi
            value = value * factor
        elif j < len(doc):
            u = lookup_unit(doc[j].text)
            if u is not None and not (doc[j].text in ("m", "t", "g", "l") and doc[j - 1].whitespace_ and j + 1 < len(doc) and doc[j + 1].is_alpha and doc[j + 1].text.islower()
                                      and doc[j + 1].text not in self.measure_adjectives and self.measure_adj_base(doc[j + 1].text) is None):
                # a one-letter unit before a lower-case word only before a measure adjective: "500 t schwere";
                # glued to its number it is always the unit: "(20m bis 400m)" (session 26)
                unit, factor = u
                value = value * factor
                j += 1
                if unit == "°C" and doc[j - 1].text == "Grad" and j < len(doc) and doc[j].text.lower().startswith(self.angle_after):
                    unit = "°"  # an angle: "35 Grad steilen Hang", "um 180 Grad schwenkbares Display" (measures.json)
                side = self.zero_sides.get(f"{doc[j].text} {doc[j + 1].text}".lower()) if unit == "°C" and j + 1 < len(doc) else None
                if side is not None:
                    value, j = abs(value) * side, j + 2  # "bei 196 Grad unter Null" -> -196 (measures.json zero_sides)
        per = self._per_unit(doc, j) if unit is not None and unit not in _TIME_UNITS and unit not in self.money_units else None
        if per is not None:  # "Dollar pro Barrel" -> USD/bbl
            (den, den_factor), j = per
            unit, value = f"{unit}/{den}", value / den_factor
        if closed:
            j = i + 1
        before = self.currency_before(doc, i) if unit is None else None
        if before is not None:
            (unit, factor), start = before
        if i > 0 and doc[start - 1].text.lower() in self.sign_words and doc[i].text[:1].isdigit() if start > 0 else False:
            if side is None:  # "minus 5 Grad unter Null" is -5 once, not +5
                value = -value  # "minus 12 Grad", "− 3 Prozent"
            start -= 1
        value = round(value, 4) if isinstance(value, float) else value
        if isinstance(value, float) and value == int(value):
            value = int(value)
        return {"start": start, "end": j, "num": i, "value": value, "unit": unit, "scale": scale,
                "bare": j == i + 1 and start == i, "closed": closed}

    @staticmethod
    def _over_space(doc: Doc, j: int) -> int:
        """Past a whitespace token of spaces alone (a double space: "60.000  Euro", 10kGNAD) to a multiplier or unit
        after it; ``j`` where there is none (a line break ends the figure)."""
        if j + 1 < len(doc) and doc[j].is_space and "\n" not in doc[j].text \
                and (multiplier(doc[j + 1].text) is not None or lookup_unit(doc[j + 1].text) is not None):
            return j + 1
        return j

    def currency_before(self, doc: Doc, i: int) -> Optional[tuple[tuple[str, float], int]]:
        """(unit, factor) and start of a currency written before the number at i ("€ 500", "CHF 80 000",
        "sFr. 150.–", the tokenizer's "sFr" + "."; "Fr. 20.–" only before an amount written as a price)."""
        if i < 1:
            return None
        surface, start = doc[i - 1].text, i - 1
        if surface == "." and i >= 2 and not doc[i - 2].whitespace_:
            surface, start = doc[i - 2].text + ".", i - 2
        if surface in _SYMBOL_PREFIX or (surface in _FRANC_PREFIX and self._franc_price(doc[i].text) is not None):
            u = lookup_unit(surface)
            if u is not None:
                return u, start
        return None

    @staticmethod
    def _franc_price(text: str) -> Optional[float]:
        """The value of an amount written as a Swiss price ("20.–", "150.-", "14.05", "1'200.–", "1000"), else None."""
        m = _FRANC_PRICE.fullmatch(text)
        if m is None:
            return None
        v = int(re.sub(r"['’.]", "", m.group(1)))
        return v + int(m.group(2)) / 100 if m.group(2) else v

    @staticmethod
    def _multi_unit(doc: Doc, j: int) -> Optional[tuple[tuple[str, float], int]]:
        """A unit of two or three tokens at ``j`` (units.tsv surface, tokens joined as written):
        (unit, factor) and the index after it."""
        for k in (3, 2):
            if j + k > len(doc) or any(t.whitespace_ not in ("", " ") for t in doc[j: j + k - 1]) \
                    or any(t.is_space for t in doc[j: j + k]):  # "Euro" + a paragraph break's token is "Euro"
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

    def _qualifier_start(self, doc: Doc, start: int) -> int:
        """Index of the first token of the qualifier before ``start`` (``start`` if none)."""
        for n in range(self.max_q, 0, -1):
            if start - n >= 0 and " ".join(t.text.lower() for t in doc[start - n: start]) in self.qualifiers:
                return start - n
        return start

    def _unit_range(self, doc: Doc, i: int) -> bool:
        """Is doc[i] the first number of "300-500 t", a range glued by a hyphen with a unit
        (no time unit: "1939-45 Jahre" stays out) after the second number? Session 36 (our own rule; 10kGNAD gnad303
        "mindestens 12-14 Zeichen", web pages "8-10 Milchkühe, 35-40 Schweine", "2-3 Sätze"): a counted noun after the
        second number makes the same range ("zwischen 12 und 14 Zeichen"): a capitalised common noun the tagger calls
        NOUN, no name, no month ("7-9 Januar", a date) and no word after which a number is an identifier
        (`id_after`: "8-23 Uhr")."""
        if i + 3 >= len(doc) or not re.fullmatch(r"\d+(?:,\d+)?", doc[i].text) or not re.fullmatch(r"\d+(?:,\d+)?", doc[i + 2].text):
            return False
        if parse_digits(doc[i].text) >= parse_digits(doc[i + 2].text):
            return False
        nxt = doc[i + 3]
        u = lookup_unit(nxt.text)
        if u is not None:
            return u[0] not in _TIME_UNITS
        low = nxt.text.lower()
        return nxt.pos_ == "NOUN" and nxt.text[:1].isupper() and nxt.text.isalpha() and not nxt.ent_type_ \
            and low not in self.months and low not in self.id_after

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

    def _alternative_count(self, doc: Doc, f: dict, blocked: set[int]) -> Optional[dict]:
        """The count after "statt" ("50 statt 100 Flüchtlingen") when ``f`` is a bare count right before it:
        the two count one noun, the one after the second."""
        k = f["end"]
        if not f["bare"] or f["unit"] is not None or k + 1 >= len(doc) or doc[k].text.lower() not in self.alternative_links \
                or self._excluded(doc, k + 1, blocked):
            return None
        partner = self.parse_at(doc, k + 1)
        if partner is None or partner["unit"] is not None or partner["scale"] != 1 or partner["end"] >= len(doc) \
                or not self._measured_noun(doc[partner["end"]]):
            return None
        return partner

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

    def _carried_decimal_unit(self, doc: Doc, f: dict, before: list[Span]) -> Optional[tuple[str, float]]:
        """The unit a bare decimal number leaves out in a parallel clause right after a decimal number with a unit
        in its sentence: "(10,25 Prozent zahlt der Arbeitnehmer, 12,55 der Arbeitgeber)", "0,30 Sekunden vor
        Jansrud und 0,70 vor Guillermo Fayed" (guidelines: an elliptic figure shares what it leaves out). Only
        where both numbers have as many decimals, the bare one follows a comma or a coordinator and no noun of its
        own follows it (that would be what it counts), and nothing but words lies between the two (no number)."""
        m = _DECIMALS.match(doc[f["num"]].text)
        if not f["bare"] or f["unit"] is not None or m is None or f["end"] >= len(doc) or not before:
            return None
        prev = max(before, key=lambda sp: sp.end)
        if len(prev) != 2 or prev.end > f["start"] or f["start"] - prev.end > 8 \
                or doc[f["start"] - 1].text.lower() not in {","} | self.coordinators:
            return None
        pm = _DECIMALS.match(prev[0].text)
        unit = lookup_unit(prev[1].text)
        if pm is None or len(pm.group(1)) != len(m.group(1)) or unit is None or unit[1] != 1 \
                or any(t.like_num or t.text in "()[]:;" for t in doc[prev.end: f["start"]]):
            return None
        nxt = doc[f["end"]]
        if self._is_noun(nxt) or nxt.like_num or not self._same_sentence(doc, prev.start, f["num"]) \
                or (prev.label_ == "FIGURE" and prev._.unit != unit[0]):
            return None
        return unit

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
        while between and (between[-1] in self.sign_words or between[-1] in ("+", "-", "±", "plus") or between[-1] in self.adverbs_after_von):
            # a change in brackets: "157,3 Millionen Nutzer weltweit (+ 38%)", "465 Fälle (plus 82 Prozent)"
            # (session 28, gnad609: "minus" is a sign word, "plus" was not popped); session 14 (dev11 wn49378): a
            # conversion, "Verluste in Höhe von 12 Milliarden Franken (umgerechnet 7,6 Milliarden Euro)"
            between.pop()
        if between[-1:] == ["("] and len(between) <= 3 and self._same_sentence(doc, prev_span.start, f["num"]):
            # the counted noun and one word between: "Nutzer weltweit ("; not across a sentence's end ("um 13,5
            # Prozent. Gemüse (plus 9,4 Prozent)", gnad493)
            return True
        return False
