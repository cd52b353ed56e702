"""Compound hyphens a PDF extractor deleted at line ends, put back: where a glued word was cut, on the lexicon's and
the document's evidence (web addresses, brand families, the document's own hyphenated heads)."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Callable, Optional

from .data import (_lexprob, abbreviation_glued_tails, corpus_probs, first_names, hyphen_only_heads, hyphen_parts,
                   hyphen_span_prob, isch_tails, lexicon, unit_surfaces)

if TYPE_CHECKING:
    from .hyphenation import _Tok  # a type only: hyphenation.py imports this module


class CompoundHyphens:
    """Methods of `_Assembler` for the job named above (hyphenation.py composes the mixins into it)."""

    def restore_compound_hyphens(self, toks: list[_Tok]) -> None:
        """Put back the compound hyphens a PDF extractor deleted at line ends.

        pdftotext's default mode drops every line-end hyphen and glues the two halves on one
        line, the hyphen of a compound too: "Nato-\\nGipfel" -> "NatoGipfel", "Staats-\\nund"
        -> "Staatsund". German orthography has no capital inside a word, so a word with one is
        a glued compound or a CamelCase name ("YouTube", "BahnCard"). Decided on evidence:
          * the word lies in a line too short to hold a join (`_merged_lines`): keep;
          * the word is a listed CamelCase name (`camelcase_names` in
            lang/de/cleaning_camelcase.json), or a name prefix ("McLaren"), or a Binnen-I
            ("ArbeitnehmerInnen"): keep;
          * a hashtag, a handle, a web address (also without a scheme: "pic.twitter.com/..."): keep,
            but for a hyphen between two words of a lowercase part where a line was appended
            ("www.jugendforscht.de" -> "www.jugend-forscht.de", `_web_cut`);
          * an article, a preposition or a pronoun glued to a capitalised word ("dasDarlehen",
            "keineSondertilgungen"): keep, a space was lost, not a hyphen;
          * the document writes the hyphenated form inside another of its words
            ("Snapdragon-810-Chip" for "Snapdragon810-Plattform"), the cut where a line was
            appended: restore, also where the glued form is there twice;
          * a right half in mixed case ending in a capital ("VfL", "StA"): an abbreviation, keep;
          * the document writes the hyphenated form or the halves as two words ("Red Bull"),
            or the lexicon knows it, as a form or inside one (`hyphen_spans`), and not the
            glued one (or knows it as likelier): restore;
          * the glued form is a common word of the lexicon (log prob >= -15.5: "YouTube",
            "BahnCard"; the lexicon also holds rare glued forms of web text, "31jähriger"
            -17.5, "USamerikanischen" -17.7), for a capital before a lowercase letter any word
            of it ("TorrentFreak"), or appears twice or more in the document (a line end
            splits a word once, a brand is written so every time), or its left half is glued
            to another capitalised word where no line was appended ("VivaPress" beside
            "VivaDesigner", `_brand_family`): keep;
          * a word without a capital inside: restored where the lexicon knows it clearly
            likelier hyphenated, cut where a line was appended ("nordrheinwestfälischen",
            `_attested_split`); a range of years there ("18951944" -> "1895-1944");
          * otherwise by the shape of the junction (see `_cuts`), and only where pdftotext
            appended a line (`_at_junction`, from the column width `_col_width`): a capital
            inside a word elsewhere in the line is a name ("G2 WinPro PC"); a line shorter than
            1.4 widths that ends in mid-sentence holds no appended line.
        Only in texts whose line-end hyphens were all deleted (`_Ctx.hyphens_deleted`).
        The restored "-" maps onto the first raw char of the right half, logged as a
        `hyphen_restored` piece (a normalising kind: the clean char stands for it); a suspended
        hyphen ("Staats- und") gets its space back too (whitespace is synthesised)."""
        if not self.c.hyphens_deleted():
            return
        self._W = self._col_width()
        merged = self._merged_lines()
        self._word_counts(merged)
        starts = [ln.s for ln in self.c.lines]
        for ti, t in enumerate(toks):
            next_word = toks[ti + 1].text if ti + 1 < len(toks) and toks[ti + 1].sep == " " else ""
            # the word runs on a sentence: a word or a comma before it in the same paragraph (a capital
            # there is no sentence's first letter; see `_noun_participle`)
            prev = toks[ti - 1].text[-1:] if ti > 0 and t.sep == " " else ""
            mid_sentence = prev.isalnum() or prev in (",", ";")
            if len(t.text) < 4:
                continue
            line = bisect.bisect_right(starts, t.idx[0]) - 1
            if line not in merged:
                continue
            ln = self.c.lines[line]
            inserts: dict[int, str] = {}
            web = self._is_web(t.text)
            for j, m in enumerate(re.finditer(r"[^\W_]+", t.text)):
                if m.start() > 0 and t.text[m.start() - 1] in "#@":
                    continue  # a hashtag or a handle is written glued: "#G7Sum", "@DerStandardat"
                # the word's chars in its line (a token lies in one line: pdftotext's join
                # puts no line break inside a word); the line's first word: "(Vorstands..."
                first = j == 0 and t.idx[0] == ln.ls and self._after_fragment(line)
                at = (lambda k, o=t.idx[m.start()] - ln.ls, ln=ln, f=first, n=len(m.group(0)):
                      self._at_junction(ln, o + k, f, n - k))
                if web:
                    # a web address is written as it stands ("pic.twitter.com/vRR4ubIRiQ"), but for
                    # a hyphen between two words of its host name or path (`_web_cut`)
                    k = self._web_cut(m.group(0), at)
                    if k is not None:
                        inserts[m.start() + k] = "-"
                    continue
                after_hyphen = m.start() > 0 and t.text[m.start() - 1] == "-"
                follows = t.text[m.end():m.end() + 1]
                before_hyphen = follows == "-"
                nxt = re.match(r"[^\W_]*", t.text[m.end() + 1:]).group(0) if before_hyphen else ""
                for k, ins in self._cuts(m.group(0), at, after_hyphen, before_hyphen, follows not in ("", "-"), nxt,
                                         next_word, mid_sentence and j == 0 and m.start() == 0):
                    inserts[m.start() + k] = ins
            if not inserts:
                continue
            out, idx, last = [], [], 0
            for pos in sorted(inserts):
                out.append(t.text[last:pos])
                idx.extend(t.idx[last:pos])
                out.append(inserts[pos])
                idx.extend([t.idx[pos]] * len(inserts[pos]))
                self.log(t.idx[pos], t.idx[pos] + 1, "hyphen_restored")
                last = pos
            out.append(t.text[last:])
            idx.extend(t.idx[last:])
            t.text = "".join(out)
            t.idx = idx

    def _is_web(self, t: str) -> bool:
        """Token `t` is (or holds) a web address, also without a scheme: "pic.twitter.com/..."."""
        return "://" in t or t.startswith("www.") or self._WEB_PATH.search(t) is not None

    def _web_cut(self, w: str, at: Callable[[int], bool]) -> Optional[int]:
        """The cut in a lowercase part of a web address ("www.jugendforscht.de",
        "digitaleedition.at", "berlinerfeuerwehr.de/ueber-uns/freiwilligefeuerwehr/") whose hyphen
        pdftotext deleted at a line end: where a line was appended, the document prints the part
        hyphenated elsewhere, or the part is no word of the lexicon nor of the document and its
        halves are two common words (-14 or better, four letters or more; no function word or
        article: "derstandard.at" is glued) at exactly one such place. A host name or a path glues
        a compound the lexicon knows ("tagesschau", "bundesregierung") and hyphenates a phrase of
        two words ("berliner-feuerwehr", "jugend-forscht", "digitale-edition"). On session 16's
        --web-rest sample 6 of layout a's 27 wrong decisions were such parts; a web address was
        left glued as a whole before. A compound the page prints as a word is glued ("angelshow.de"
        beside "Angelshow"), and a person's name, glued or hyphenated alike ("wolfgangschmale.eu",
        "jan-grosser.de"), gets no hyphen after a first name (both from the `--web` sample, layout
        b, where a first version put one in)."""
        if not (w.isalpha() and w.islower()) or len(w) < 8:
            return None
        printed = [k for k in range(1, len(w)) if self._wc.get(w[:k] + "-" + w[k:]) and at(k)]
        if printed:
            return printed[0]
        ks = [k for k in range(4, len(w) - 3) if at(k) and self._web_pair(w[:k], w[k:])]
        return ks[0] if len(ks) == 1 else None

    def _web_pair(self, left: str, right: str) -> bool:
        """`left` + `right`, glued in a web address, are two words of a phrase the address
        hyphenates (see `_web_cut`): each a common word of the lexicon (-14 or better, four letters
        or more, no function word or article), the first no first name, the glued form no word of
        the lexicon nor of the document (in any case: "Angelshow")."""
        D = self.D

        def word(x: str) -> bool:
            return len(x) >= 4 and x.islower() and x not in D.function_words and x not in D.determiners \
                and (_lexprob(x) or -99.0) >= -14.0

        w = left + right
        return word(left) and word(right) and left[:1].upper() + left[1:] not in first_names() \
            and _lexprob(w) is None and not self.c.counts.get(w[:1].upper() + w[1:])

    def _cuts(self, w: str, at: Callable[[int], bool] = lambda k: True,
              after_hyphen: bool = False, before_hyphen: bool = False,
              before_punct: bool = False, nxt: str = "", next_word: str = "",
              mid_sentence: bool = False) -> list[tuple[int, str]]:
        """Where a hyphen was deleted inside the glued word `w` (letters and digits): a list
        of (position, text to insert: "-" or "- "). `at(k)`: whether a cut before char k of
        `w` lies where pdftotext appended a line (`_at_junction`); a cut that no lexicon or
        document evidence supports is made only there. `after_hyphen`: `w` follows a hyphen
        in its token ("Gruppe-BViertelfinalisten"), `before_hyphen`: a hyphen follows it
        ("Herzogvon-Weimar-Straße"), `nxt` the part after that hyphen ("Straße"); `before_punct`:
        a stop, comma or other mark follows it in its token ("Dornoch,"); `next_word`: the
        token after it ("Regierungschefs" after "Staatsund"); `mid_sentence`: `w` is its token's first
        word and a word or a comma comes before it in its paragraph."""
        if len(w) < 4 and not (before_hyphen and re.fullmatch(r"\d[^\W\d_]{2}", w)):
            # (a digit and a unit symbol of two letters before a hyphen is read below: "1km-Gitter" for
            # "1-km-Gitter", session 29's --web-rest2 sample, mpimet.de; not a digit and one letter,
            # which German writes glued as a code: "5V-Ladeanschluss", "3D-Drucker", "5G-Netz", dev gnad996)
            return []
        lex, counts, D = lexicon(), self._wc, self.D
        low = w.lower()
        if low in D.camel_names:
            return []
        if any(w.startswith(lab) and w[len(lab):len(lab) + 1].isupper() for lab in D.lost_break_labels):
            # a link's label glued to the line after it lost a line break, not a hyphen: "AbstractNature
            # Energy: Fast and ..." (10kGNAD's DER STANDARD science articles; `lost_break_labels`), cut
            # "Abstract-Nature" at a junction of layout b (fresh3 dev gnad967, twice)
            return []
        for name in D.camel_names:
            # a listed name glued to the next word: "PowerPointDokumente", "YouTubeKanal"
            if len(w) > len(name) + 2 and low.startswith(name) and self._CAMEL.match(w, len(name)):
                return [(len(name), "-")]
            # a word glued to a listed name that starts in lowercase, where a line was appended:
            # "ZolliPhone" for "Zoll-iPhone" ("Zolli-Phone" by the capital, gnad444 in layout c)
            k = len(w) - len(name)
            if k >= 3 and low.endswith(name) and w[k].islower() and w[:k].isalpha() \
                    and (_lexprob(w[:k]) or -99.0) >= -16.0 and at(k):
                return [(k, "-")]
        # a suspended hyphen: "Staatsund" ("Staats- und"), "Fahrzeugund"; the glued form is no
        # word and the left part is one ("Staats", "Wirtschafts" are in the lexicon), also where
        # the document has it twice at junctions ("wissenschaftsund", "Schiffsund Hollandfonds"
        # and "Schiffsund Immobilienfonds"). Not a name that ends so ("Hassabis", "Celebis",
        # "Dornoch": the lexicon knows "Hassa", "Cele", "Dor" from web text; 8 false cuts on
        # bench_clean.py's dev and fresh dev samples, none of the 50 right ones lost): printed
        # so once where no line was appended, or the genitive of a word of the document
        # ("Celebis" beside "Celebi"), or before a stop or a comma ("in Dornoch,"): a suspended
        # hyphen's word is followed by the second part ("Staats- und Regierungschefs").
        # (Where a line was appended is not asked: in a narrow column the appended line can be
        # short, "Fischund Wildamt des" / "US-Innenministeriums", bench_hyphen_classes.py)
        for fw in D.suspended_glued:
            left = w[:-len(fw)]
            if not w.endswith(fw):
                continue
            m2 = self._CODE.match(next_word)
            if self._CODE.fullmatch(left) and m2 and next_word[m2.end():][:1] == "-" \
                    and not before_hyphen and not before_punct:
                # a code before a suspended hyphen, the second half a compound of a code of the same
                # shape: "EH55und EH40-Anträgen" for "EH55- und EH40-Anträgen" (web sample bmwi.de;
                # a code glued to a lowercase word is read as "CO2neutral" below, "EH55-und")
                return [(len(left), "- ")]
            if (len(left) >= 3 or (len(left) == 2 and left.isupper())) and left[-1].isalpha() \
                    and self._glued_unknown(w, left) and ((_lexprob(left) or -99.0) >= -15.0 or (
                        (_lexprob(left) is not None or self._compound_head(w, fw) or self._linking_s_head(left))
                        and not (left[:1].isupper() and next_word[:1].islower()
                                 and next_word.lower().strip(",.;:!?") not in D.function_words))):
                # (an abbreviation of two letters too: "EUund" for "EU- und Nicht-EU-Staaten";
                # a left part the lexicon lacks that splits into two of its words: "Fahrassistenz-
                # und", "Metallerzeugungs- und". Such a part, or one the lexicon knows only as a
                # rare form of web text, below -15, "Hassa" -17.0, capitalised only before a
                # capitalised word, "Staats- und Regierungschefs", or a function word, "sowohl
                # Google- als auch": "Demis Hassabis sagte" is a name (layout c, gnad410). A
                # common left part goes before any word: "NATO- und afghanischen Militäreinheiten")
                if before_hyphen:
                    # inside a chain of hyphens it is a connector: "Katzund-Maus-Spiels" ->
                    # "Katz-und-Maus-Spiels", "Jägerund-Sammler-Völkern" (never "Katz- und-Maus")
                    return [(len(left), "-")] if at(len(left)) else []
                if before_punct or (w.endswith("s") and counts.get(w[:-1], 0)) \
                        or (counts.get(w, 0) >= 2 and not self._at_junctions(w, [len(left)])):
                    break
                return [(len(left), "- ")]
        pg = lex.get(w)
        if self._wc_fixed.get(w, 0) and not any(
                self._spans.get(h) or self._wc.get(h)
                for h in (w[:c.start()] + "-" + w[c.start():] for c in self._CAMEL.finditer(w))):
            # printed so where no line ends; but not a word with a capital inside whose hyphenated
            # spelling the document prints too ("Drei-WegeFinanzierung" in a heading's short line,
            # where pdftotext glued a heading broken at its hyphen, beside "Drei-Wege-Finanzierung"
            # four times: --web sample verivox.de, layout b): German writes no capital inside a word
            return []
        for k in range(2, len(w) - 1):
            # the document's own spelling: the hyphenated form inside another word of it
            # ("Snapdragon810-Plattform" beside "Snapdragon-810-Chip", "Vorhernachher-Vergleich"
            # twice beside "Vorher-nachher-Vergleich"), where a line was appended
            if self._spans.get(w[:k] + "-" + w[k:]) and at(k):
                return [(k, "-")]
        cut = self._doc_head_cut(w, pg, at)
        if cut is not None:
            return [(cut, "-")]
        m = self._WORD_NUMBER.fullmatch(w)
        if m and before_hyphen and nxt[:1].isupper() and lex.get(m.group(1)) is not None and at(m.end(1)):
            # our own rule: a word and a number heading a compound, "Helium4-Kernen" for "Helium-4-Kernen"
            # (session 30's --html-fresh sample, internetchemie.info, layout b), where a line was appended
            # and the document prints the glued form nowhere else (`_wc_fixed` above). German hyphenates the
            # whole chain: in the Bundestag protocols 220 forms of this shape (809 times: "Leopard-2-Panzer",
            # "Euro-7-Norm", "Artikel-7-Verfahren", "Cäsium-137-Werte") to 8 glued (24 times), all names
            # ("Target2-Salden", "Tele2-Urteil"); in the sources of the dev half and the web pages 30 forms to
            # 3 ("Cat5-Kabel", "Covid19-Arbeitslosen"; "Covid" is no word of the lexicon). A typesetter
            # breaks no glued word at a digit, so a cut there is a deleted hyphen (training/hyphen_pairs.py
            # counts the shapes)
            return [(m.end(1), "-")]
        if counts.get(w, 0) >= 2 and not self._at_junctions(w):
            return []  # printed twice (a line end splits a word once, a brand is written so every time)

        def attested(left: str, right: str, common: float = -15.5) -> Optional[bool]:
            """True: the hyphenated form is attested (in the document, or in the lexicon as a
            form or inside one: "Grand-Slam-Turnier" attests "Grand-Slam"); False: the glued
            one (log prob >= `common`); None: neither."""
            hyph = left + "-" + right
            ph = hyphen_span_prob(hyph)
            if counts.get(hyph, 0) or self._spans.get(hyph, 0) or (ph is not None and (pg is None or ph > pg)):
                return True
            if left[-1:].isalpha() and right[:1].isupper() and self._pairs.get((left, right), 0):
                # the document writes the two halves as two words ("Red Bull", "Air France"): a
                # name written so is glued in no compound, its hyphen was deleted
                # ("RedBull-Milliardär" for "Red-Bull-Milliardär"), though the lexicon knows
                # "RedBull" from web text
                return True
            if pg is not None and pg >= common:
                return False
            return None

        m = self._YEARS.fullmatch(w)
        if m and 0 < int(m.group(2)) - int(m.group(1)) <= 120 and at(4):
            return [(4, "-")]  # a range of years: "18951944" -> "1895-1944" (life dates, terms)
        m = self._CODE_CAP.match(w)
        if m and (_lexprob(w[m.end():]) is not None or len(w) - m.end() >= 8) and at(m.end()):
            # a code and a word: "H5N1Virusstamm" ("H5N1-Virusstamm"); a word and its number and
            # a word: "Covid19Entlassungswelle" ("Covid19-Entlassungswelle", web sample
            # neues-deutschland.de; the source writes "Covid19" glued, so the cut is after the
            # number only; a number of two digits or more: a name writes one digit for a word,
            # "Sharia4Belgium", fresh3 dev wn80411). (A word and a number, "Snapdragon810" for
            # "Snapdragon-810", is left: names are written so, "France24")
            return [(m.end(), "-")]
        if re.search(r"[a-zäöüß]\d|\d[^\W\d_]+\d", w):
            return []  # a code or an id ("SSLv2", "fR7dXVXy3S")
        if w[:1].isdigit() or (w[:1].isupper() and re.match(r"[A-ZÄÖÜ]+\d", w)):
            # a number: "18Jährige", "1990erJahren", "G8Staaten"
            m = self._NUM_UNIT.fullmatch(w)
            if m and before_hyphen and nxt[:1].isupper() and m.group(2) in unit_surfaces() and at(m.end(1)):
                # a number and a unit symbol before a hyphen: "10km-Lauf" for "10-km-Lauf" (a compound
                # that holds a figure is hyphenated throughout: "400-m-Lauf", "5-kg-Sack", "100-PS-Motor";
                # fresh3 dev wn76253)
                return [(m.end(1), "-")]
            m = self._CODE_WORD.fullmatch(w)
            if m and (lex.get(m.group(2)) or -99.0) >= -14.0 and at(m.end(1)):
                # a formula or a code glued to a lowercase word of the lexicon: "CO2neutral" for
                # "CO2-neutral" ("CO2-arm", "H2-haltig"; German glues no lowercase word to a code,
                # fresh3 dev wn51339)
                return [(m.end(1), "-")]
            m = self._NUM_CAP.search(w)
            if m and not self._CAMEL.search(w, m.end() + 1):
                if self._glues_numbers(w):
                    return []
                return [] if attested(w[:m.end()], w[m.end():]) is False else [(m.end(), "-")]
            m = self._NUM_ABBR.match(w)
            if m and w[:1].isdigit():
                # "30jährige", "20minütige", "3fache": an adjective of measure (German glues no
                # other lowercase word to a number; "90ern", "49ers" are written so)
                right = w[m.end():]
                if self._MEASURE.fullmatch(w) and lex.get(right) is not None and at(m.end()) \
                        and not self._glues_measures(w):
                    # (not where the document glues its other ones: "28jähriger" twice and
                    # "23jährigen" where no line ends, none hyphenated, wn82573; on the dev
                    # half 105 articles hyphenate them, 3 glue them, none does both)
                    return [(m.end(), "-")]
                return []
        m = self._NUM_ABBR.match(w)
        if m and not (lex.get(w[:m.end() - 1]) is not None
                      and (lex.get(w[:m.end()]) is None or lex.get(w[m.end() - 1:]) is not None)):
            # an abbreviation glued to a lowercase word: "EUweit", "USamerikanischen" ("EUund"
            # is a suspended hyphen, "EU- und"; "EUKommission" is read below); not when the
            # capital run takes the first letter of a noun: "USYacht", "KPÖSpuren", "TVShow",
            # also after a single letter: "UBahnen", "BTeams", "SReihe" ("U-Bahnen", not
            # "UB-ahnen": on dev-half articles broken at such a hyphen, 4 of 32 were cut so)
            left, right = w[:m.end()], w[m.end():]
            pr = lex.get(right)
            if right not in D.function_words and pr is not None and pr >= -14.0 and attested(left, right) is not False \
                    and not self._abbreviation_suffix(right):
                return [(m.end(), "-")]
        m = self._WORD_LETTER.fullmatch(w)
        if m and before_hyphen and lex.get(w) is None and at(m.end(1)) and (
                self._pairs.get(m.group(1, 2)) or hyphen_span_prob(m.group(1) + "-" + m.group(2)) is not None):
            # a word and a capital letter before a hyphen: "VitaminD-Spiegel" for "Vitamin-D-Spiegel"
            # ("Hepatitis-B-Impfung", "Plan-B-Szenario"), where the document writes the two as two
            # words ("Vitamin D") or the lexicon holds the hyphenated pair; the capital run of an
            # abbreviation needs two letters (`_CAPS_TAIL`), so no cut was tried (session 16's
            # --web-rest sample, wmn.de; the lexicon knows "vitamind" of web text in lowercase only)
            return [(m.end(1), "-")]
        split = self._attested_split(w, at)
        if split is not None:
            return [(split, "-")]
        heads, connectors = hyphen_parts()
        if before_hyphen and pg is None and counts.get(w, 0) <= 1:
            # a connector glued to the word before it in a chain of hyphens: "Herzogvon-Weimar-
            # Straße", "Videoon-Demand", "L'Aiguillonsur-Mer" (connectors from the lexicon's
            # hyphenated forms, `hyphen_parts`); the glued form no word, the left half one, or
            # the connector with the part after it a run of hyphenated names itself ("sur-Mer" in
            # the document's "Faute-sur-Mer" and in the lexicon's "Boulogne-sur-Mer" forms, wn61440:
            # a place name's first part is often unknown, "Aiguillon")
            for c in connectors:
                left = w[:-len(c)]
                if w.endswith(c) and len(left) >= 3 and left[-1].isalpha() and at(len(left)) \
                        and (_lexprob(left) is not None or counts.get(left, 0)
                             or (nxt[:1].isupper() and (self._spans.get(c + "-" + nxt)
                                                        or hyphen_span_prob(c + "-" + nxt) is not None))):
                    return [(len(left), "-")]
        m = re.fullmatch(r"([A-ZÄÖÜ][a-zäöüß]+)([A-ZÄÖÜ]{2,}s?)", w)
        if m and m.group(1) in heads and pg is None and at(m.end(1)):
            # a prefix German joins with a hyphen before an abbreviation ("Ex-KPÖ-Chef",
            # "Pro-EU", "Anti-AKW"; `hyphen_parts`); before a word it may be a brand's first
            # syllable ("SuperCars", "Super-" heads 30 forms), left to the rules below
            return [(m.end(1), "-")]
        if w.islower():
            # a pair of adjectives: "griechischmazedonischen", "katholischländlichen";
            # both halves words, the glued form none ("deutschsprachigen" is one)
            if pg is not None:
                return []
            k = self._participle_pair(w, at)
            if k is not None:
                return [(k, "-")]
            stem = re.sub(r"e[mnrs]?$", "", w)
            if any(lex.get(stem + e) is not None for e in ("", "e", "en", "er", "es", "em")):
                return []  # the glued word in another inflection: "türkischstämmige(n)"
            glued_tails, hyph_tails = isch_tails()
            for m in self.D.adj_pair_re.finditer(w):
                left, right = w[:m.start()], w[m.start():]
                tail = re.sub(r"e[mnrs]?$", "", right)
                if glued_tails.get(tail, 0) > hyph_tails.get(tail, 0):
                    continue  # a second half German glues on: "albanischstämmigen"
                # (the first half a word of the lexicon above its stray forms of web text: "gutsch"
                # -16.5 made "gutsch-rieben" of "gutschrieben", earlier-runs dev sample gnad796)
                if len(tail) < 4:
                    # a second half of three letters is a suffix: "befischbare" is "befisch" + "-bar", a
                    # verb stem in -sch (the lexicon knows "befische" as a verb form) and "bare" (English
                    # in the lexicon's web text), not "befisch-bare" (--web-rest sample, layout b);
                    # "waschbare", "mischbare" likewise
                    continue
                if len(left) >= 5 and (lex.get(right) or -99.0) >= -16.0 and (
                        max(_lexprob(left) or -99.0, lex.get(left + "e") or -99.0) >= -16.0
                        or (left.endswith("isch") and at(m.start())
                            and any(lex.get(left + e) is not None for e in ("e", "en", "er")))):
                    # (an adjective in -isch the lexicon knows only in rare inflected forms,
                    # "salafistische" -17.0, where a line was appended: "salafistisch-terroristische",
                    # fresh3 dev wn80411; the ending -isch is an adjective's, not a stray web form's)
                    return [(m.start(), "-")]
            return []
        k = self._noun_participle(w, at, next_word) if mid_sentence else None
        if k is not None:
            return [(k, "-")]
        # (the plural "s" of an abbreviation is no cut: "KonkurrenzEVUs")
        cuts = sorted({c.start() for c in self._CAMEL.finditer(w) if not re.fullmatch(r"[A-ZÄÖÜ]s", w[c.start():])}
                      | {c.start() for c in self._CAPS_TAIL.finditer(w)})
        # name prefixes are written with a capital after them ("McLaren", "DeMarcus",
        # "MacBook"; cleaning_camelcase.json): the capital after them is no cut
        cuts = [k for k in cuts if w[:k] not in self.D.camel_name_prefixes]
        if len(cuts) >= 2:
            # two capitals inside ("ProSiebenSat") is a name, not one glued compound; but a name with a
            # capital inside that the lexicon knows as such ("AirAsia" -16.1, "PlayStation") or that the
            # document prints on its own where no line was appended, glued at a junction to a common word
            # of the lexicon, lost the hyphen of a compound it heads: "AirAsiaFlugzeug" ->
            # "AirAsia-Flugzeug" (session 29's --web-rest2 sample, layout b; the listed names are read
            # above, "YouTubeKanal")
            k = cuts[-1]
            left, right = w[:k], w[k:]
            if (lex.get(left) is not None or (counts.get(left, 0) and not self._at_junctions(left))) \
                    and len(right) >= 4 and right[1:].islower() and (_lexprob(right) or -99.0) >= -14.5 \
                    and lex.get(w) is None and at(k):
                return [(k, "-")]
            return []
        if len(cuts) != 1:
            return []
        k = cuts[0]
        left, right = w[:k], w[k:]
        if left.islower() and (left in D.function_words or left in D.determiners) and not after_hyphen:
            # an article, a preposition or a pronoun glued to a capitalised word lost a space, not a
            # hyphen: no compound starts with one ("dasDarlehen", "keineSondertilgungen",
            # "oderBallonfinanzierungen", "alleKorsetts": web pages' own typos, session 16's
            # --web-rest sample, 8 of its 63 wrong decisions were such words cut at a junction).
            # Inside a chain of hyphens it is a connector: "Herzog-vonWeimar-Straße"
            return []
        if len(left) >= 7 and not after_hyphen and D.adjective_form_re.fullmatch(left):
            # a lowercase derived adjective ("-lich", "-ig", "-isch", ... `adjective_suffixes`) glued to a
            # capitalised word lost a space too: a hyphenated noun compound starts with a capital, and
            # the lexicon's hyphenated forms with a lowercase head ("online-Shop", "email-Adresse") have no
            # such head ("unumstoesslichAntworten" was cut at a junction, session 30's --html-fresh sample,
            # zeit.de, layout b; "eigentlichenAbschluss", "händlerunabhängigenKredit" in the web samples).
            # (Seven letters or more: "config-Datei" is the lexicon's)
            return []
        if len(right) <= 4 and re.search(r"[a-zäöüß][A-ZÄÖÜ]$", right):
            # a right half in mixed case that ends in a capital ("StA", "GmbH", "AöR") is no
            # word but an abbreviation of several, glued in a name's: "WKStA"
            return []
        if re.fullmatch(r"In(?:nen)?", right) or (right.startswith("Innen") and left[-1].islower()
                                                  and lex.get(right) is None):
            # the "Binnen-I" of gender-inclusive spelling: "ArbeitnehmerInnen",
            # "SchülerInnenvertretung"; not before a word: "BundesInnenminister"
            return []
        # a word with a capital inside that the lexicon knows at all (it holds 1.3 M forms of web
        # text) is a name: on bench_clean.py's default dev sample (layout a) 72 of the 118 words
        # the source writes so are forms of the lexicon ("AppArmor" -16.9, "ElBaradei" -16.5,
        # "WebKit" -16.4), of the 214 glued compounds only 3 with a capital inside ("EMails",
        # "BadenWürttemberg", whose hyphenated form is likelier and wins)
        # (not where the left half is a hyphen head of the lexicon, `hyphen_parts`: "Köln-" heads
        # 45 forms, and web text glues its compounds too, "KölnTourismus" -17.2; nor where the
        # hyphenated form is about as likely: "HongKong" -16.0, "Hong-Kong" -16.6, both written)
        ph = hyphen_span_prob(left + "-" + right)
        if pg is not None and ph is not None and abs(ph - pg) <= 1.0:
            ev = None
        else:
            ev = attested(left, right, common=-99.0 if right[1:2].islower() and left not in hyphen_parts()[0] else -15.5)
        if ev is not None:
            return [(k, "-")] if ev else []
        if self._brand_family(w, k):
            return []
        pr = lex.get(right)
        if k == 1:
            # "iPhone", "eBay", "iMessage": a one-letter first half only with evidence ("E-Mails"),
            # or before a long common word at a junction ("Core-iProzessoren": "Core-i-Prozessoren")
            if left.islower() and len(right) >= 8 and (pr or -99.0) >= -13.5 and at(k):
                return [(k, "-")]
            # a one-letter connector in a chain of hyphens: "Tehrik-iTaliban" ("Tehrik-i-Taliban",
            # wn69650; the lexicon's "Mazar-i-Sharif", "Kitab-i-Aqdas"): after a hyphen, the
            # glued form unknown and the right half a word the document prints on its own
            # ("Taliban"); a brand of this shape is a lexicon form ("Apple-iPhone": kept above)
            if left.islower() and after_hyphen and pg is None and counts.get(right, 0) and at(k):
                return [(k, "-")]
            # a capital letter before a word: "Gruppe-AKonstellation", "USB-CAnschluss",
            # "Serie-AAuswärtsduell" (group, port, league names), no name is written so; a word of
            # five letters too when it is a common one ("BTeams", "LTarif", "SReihe": log prob
            # >= -12; on dev-half articles broken at such a hyphen 3 of 32 stayed glued)
            if left.isupper() and ((len(right) >= 6 and ((pr or -99.0) >= -16.0 or after_hyphen))
                                   or (len(right) == 5 and (pr or -99.0) >= -12.0)) and at(k):
                return [(k, "-")]
            return []
        if left in D.hyphen_prefixes:
            return [(k, "-")]  # the Arabic article of a name: "AlKuds" -> "Al-Kuds"
        if left in hyphen_only_heads() and pg is None and at(k):
            # a head the lexicon writes hyphenated before a capital 20 times as often as glued
            # ("Ex-": 139 forms to 2), where a line was appended: "ExÖbfa-Chefin" -> "Ex-Öbfa-Chefin"
            # (fresh dev gnad40), though "Öbfa" is short and unknown (the shape of a brand below)
            return [(k, "-")]
        # no evidence either way: German orthography writes no capital inside a word, so in a
        # line that holds a join it is a glued compound ("AwashFluss", "CSUInnenexperte",
        # "STANDARDGespräch", "verdiVerhandlungsführer") ...
        if (len(right) < 3 and not right.isupper()) or right.lower() in D.function_words \
                or right.lower() in D.english_function_words:
            return []  # no compound ends in an article or preposition: a lost space ("AbstractThe")
        if not left.isupper() and len(left) <= 5 and len(right) <= 4 and (pr is None or pr < -12.5) \
                and left.lower() != right.lower():
            # two short syllables, the second no common German word: the shape of a brand
            # ("AirPods", "DeepMind", "GoPro"; but "HamasChef", "WienWahl"). Not a word said twice,
            # which German hyphenates: "Mahi-Mahi-Fisch", "Bora-Bora", "Baden-Baden" (session 16's
            # --web-rest sample, anchor.ch)
            return []
        # ... where a line was appended: a capital inside a word elsewhere in such a line is a
        # name ("G2 WinPro PC", "VivaPress", "DolbyDigital")
        return [(k, "-")] if at(k) else []

    def _noun_participle(self, w: str, at: Callable[[int], bool], next_word: str) -> Optional[int]:
        """The cut between a noun and a past participle glued to it, capitalised in mid-sentence, where a
        line was appended: "Coronabedingte Ausgangssperre" for "Corona-bedingte", "Erdgasbetriebene
        Kraftwerke", "Tonygekrönte Rolle" (the --web and --web-rest samples, three outlets, session 32).
        Our own rule: an adjective or a participle is written in lowercase in mid-sentence, glued to a noun
        too ("coronabedingte"); its capital there is the noun's of a hyphenated pair ("Corona-bedingte",
        "KI-betriebene"), whose hyphen pdftotext deleted. The tail a participle by its shape
        (`participle_prefixes` + stem + "t"/"en", or "-iert", with an inflection ending) that the lexicon
        knows in lowercase (-15.5 or better) far likelier than capitalised (by 2: not a noun, "Gebiet",
        "Vertreter"); the head a noun of the lexicon (-15 or better, four letters or more, likelier
        capitalised); the glued form no word of the lexicon above its stray forms of web text (-17:
        "Erdgasbetriebene" -17.7; "Asylberechtigten", "Erwerbstätigen" are words); a capitalised word after
        it, no pronoun (an attributive participle before its noun; a participle used as a noun, "die
        Kochbegeisterten aus", is glued) or the participle uninflected ("arbeiten Ergebnisorientiert."). One such cut only.
        Counted in the sources of the dev half (10kGNAD, Wikinews) and the 667 web pages, in mid-sentence: 13
        such pairs hyphenated ("Satelliten-gestützte", "Algorithmen-gesteuerten", "Oscar-prämierte"), 1 glued, a
        lost space ("Meeresbodengerammt"). Without the capitalised word after it 12 were glued, nouns in the
        plural ("Teilerfolgen", "Kaufbelegen") and participles used as nouns ("Armutsgefährdeten")."""
        if not (w.isalpha() and w[:1].isupper() and w[1:].islower()):
            return None
        if not ((next_word[:1].isupper() and next_word.lower().strip(",.;:!?") not in self.D.function_words)
                or w.endswith("t")):
            # (a pronoun after it is no noun: "... online buchbaren Unterkünftenerhalten Sie die Kontaktdaten",
            # a space the page lost, --web-rest2 sample, travanto.de; "erhalten" has a participle's shape)
            return None
        lex = lexicon()
        if (lex.get(w) or -99.0) >= -17.0:
            return None
        ks = []
        for k in range(4, len(w) - 5):
            head, tail = w[:k], w[k:]
            if not self.D.participle_re.fullmatch(tail):
                continue
            ph, pt = lex.get(head), lex.get(tail)
            if ph is None or ph < -15.0 or ph <= (lex.get(head.lower()) or -99.0):
                continue
            if pt is None or pt < -15.5 or pt - (lex.get(tail[:1].upper() + tail[1:]) or -99.0) < 2.0:
                continue
            if at(k):
                ks.append(k)
        return ks[0] if len(ks) == 1 else None

    @staticmethod
    def _participle_pair(w: str, at: Callable[[int], bool]) -> Optional[int]:
        """The cut after a present participle glued to a second word, where a line was appended:
        "abweisenddistanzierend" for "abweisend-distanzierend" (session 30's --html-fresh sample,
        sueddeutsche.de, layout b). Our own rule, on the Bundestag protocols' counts
        (training/hyphen_pairs.py): German writes a present participle before an adjective apart
        ("überwiegend positiv") or, as a pair, hyphenated ("beschreibend-analytische",
        "forschend-experimentellen": 3 forms, 4 times), and glues none to a word of the lexicon
        but the adverbs in "-erweise" ("überraschenderweise", a comparative's "-er" and "weise")
        and a lost space ("passendrechnen", once); the sources of the dev half and the web pages
        hyphenate one ("strahlend-weiße") and glue none the lexicon lacks. The participle is an
        infinitive of the lexicon and "d" ("abweisen", -15 or better; the participle a word of it),
        seven letters or more; the second word one of the lexicon of six letters or more (-16 or
        better) or a participle too ("distanzierend" is a rare form, -17.6); the glued form no word of
        the lexicon (asked before) nor of the protocols."""
        lex = lexicon()
        if corpus_probs()[0].get(w) is not None:
            return None

        def participle(x: str) -> bool:
            m = re.fullmatch(r"([a-zäöüß]{4,}en)d(?:e[mnrs]?)?", x)
            return m is not None and (lex.get(m.group(1)) or -99.0) >= -15.0

        for k in range(7, len(w) - 5):
            left, right = w[:k], w[k:]
            if left.endswith("end") and participle(left) and (lex.get(left) or -99.0) >= -16.0 and right != "erweise" \
                    and ((lex.get(right) or -99.0) >= -16.0 or participle(right)) and at(k):
                return k
        return None

    @staticmethod
    def _abbreviation_suffix(right: str) -> bool:
        """`right`, glued to an abbreviation, is a suffix the lexicon glues to capitals
        (`abbreviation_glued_tails`: "-ler") with an inflection ending or none: "ITler", "SPDlern",
        "CDUlerin" are written so, no compound lost its hyphen (session 30's --html-fresh sample,
        sueddeutsche.de: "ITler" was cut "IT-ler" in layouts a and b)."""
        return any(right.startswith(t) and right[len(t):] in ("", "n", "s", "in", "innen")
                   for t in abbreviation_glued_tails())

    @staticmethod
    def _glued_unknown(w: str, left: str) -> bool:
        """The word glued of a suspended hyphen's left part and its connector ("Kinderund") is no
        word: the lexicon lacks it, or knows it only as a stray form of web text (below -17,
        "Kinderund" -17.4: web pages lose their hyphens too) while the left part is a common word
        (-10 or better, "Kinder" -7.8), so that the glued form is that word and the connector.
        A word that ends like a connector is no such form: "Werkstatt", "Hintergrund", "Signals"
        are likelier than -17 (web sample pronats.de, "Kinderund Jugendgesetz"). (-12 took the
        interjection "sch" -12.0 for the left part of a word broken off in the source, "ein
        schwie- –", and made "sch-wie-", fresh3 dev gnad93)"""
        pw = _lexprob(w)
        return pw is None or (pw < -17.0 and (_lexprob(left) or -99.0) >= -10.0)

    @staticmethod
    def _compound_head(w: str, fw: str) -> bool:
        """`w` minus the connector `fw` glued to it ("Metallerzeugungsund" - "und") is a compound
        of two words of the lexicon, the second with its linking "s" ("Metall" + "erzeugung(s)",
        "Fahr" + "assistenz", "Feuer" + "leit", "Ionen" + "therapie"; parts of 3 and 4 letters or
        more, log prob >= -15): a suspended compound head the lexicon lacks as a form. Not where
        `w` itself ends in a word of the lexicon longer than the connector glued to a word or
        such a compound ("Gesundheits" + "verbund", not "Gesundheitsverb- und")."""
        def word(x: str) -> bool:
            return (_lexprob(x) or -99.0) >= -15.0 or (x.endswith("s") and (_lexprob(x[:-1]) or -99.0) >= -15.0)

        def compound(x: str) -> bool:
            return any(word(x[:k]) and word(x[k:]) for k in range(3, len(x) - 3))

        left = w[:-len(fw)]
        if not compound(left):
            return False
        return not any((_lexprob(w[k:]) or -99.0) >= -15.0 and (word(w[:k]) or compound(w[:k]))
                       for k in range(3, len(w) - len(fw) - 1))

    def _linking_s_head(self, left: str) -> bool:
        """`left` is a noun with the linking "s" that its ending demands as a compound's first part
        (`linking_s_suffixes`: "-ung", "-heit", "-keit", "-schaft", "-ion", "-tät" ...), the noun a
        word of the lexicon (-15 or better): "Digitalisierungs" ("Digitalisierung" -12.9),
        "Veruntreuungs". The lexicon lacks most such heads as forms, and they do not split into two
        of its words (`_compound_head`): "Digitalisierungsund Innovations-Geschacher" and
        "Veruntreuungsund Korruptionsfälle" stayed glued (session 29's --web-rest2 sample, layouts b
        and a)."""
        stem = left[:-1]
        return len(stem) >= 6 and left.endswith("s") and stem.endswith(self.D.linking_s_suffixes) \
            and (_lexprob(stem) or -99.0) >= -15.0

    def _brand_family(self, w: str, k: int) -> bool:
        """The document glues the left half of `w` (its first `k` chars) to another capitalised
        word where no line was appended, and never prints it before a hyphen: a brand's family
        name ("VivaPress" beside "VivaDesigner" in wn925, also "Viva Technology"; "PlayStation"
        beside "PlayStore"). German orthography writes no capital inside a word, so the source
        glues such a pair only in a name; a compound whose hyphen pdftotext deleted is glued only
        at a junction (`_at_junctions`), where this is no evidence. The lexicon knows none of
        these names (bench_clean.py's dev half: "VivaPress", "VivaDesigner" unknown)."""
        left = w[:k]
        if len(left) < 3 or left.isupper() or self._heads.get(left, 0):
            # a one-letter product prefix ("iPhone" beside "Core-iProzessoren", gnad996) is
            # read by the rules for one letter; an abbreviation ("SPD") heads compounds; and a
            # head the document prints before a hyphen ("Nato-Gipfel") is no brand's
            return False
        for o in self._wc:
            if o != w and len(o) > k + 2 and o.startswith(left) and "-" not in o \
                    and o[k].isupper() and o[k + 1].islower() and not self._at_junctions(o, [k]):
                return True
        return False

    def _glues_numbers(self, w: str) -> bool:
        """The document glues numbers to capitalised words as its own style: three or more other
        such words ("2Toronto", "6Buffalo", "3Colorado": a results table that lost its spaces,
        gnad976 on bench_clean.py's earlier-runs dev sample). A line end splits a compound of a
        number once or twice in an article ("18Jährige"); a table glues every row."""
        # (a word of the lexicon after the number, each word once: "2Gplus-Regel", its part "2Gplus" and
        # "2GplusRegelung" are a code, "2G", and one word, not a table; they had kept the hyphen of
        # "SARS-CoV-2Arbeitsschutzverordnung" out, --web-rest sample handwerksblatt.de, layout b)
        return sum(1 for o in self._wc if o != w and "-" not in o and o[:1].isdigit() and (m := self._NUM_CAP.search(o))
                   and _lexprob(o[m.end():]) is not None) >= 3

    def _glues_measures(self, w: str) -> bool:
        """The document glues a number and an adjective of measure: it writes none hyphenated
        and another one than `w` glued where no line was appended (not every occurrence at a
        junction, `_at_junctions`; a hyphenated one broken at a line end is glued there)."""
        if self._measure_hyph:
            return False
        return any(o != w and not self._at_junctions(o, [re.match(r"\d+", o).end()])
                   for o in self._measure_glued)

    def _doc_head_cut(self, w: str, pg: Optional[float], at: Callable[[int], bool]) -> Optional[int]:
        """The cut after a head the document itself prints before a hyphen elsewhere, where a
        line was appended: a word and a number ("Weltranglisten45" beside "Weltranglisten-15"
        or "Weltranglisten-Zwölfte", "Sojus2" beside "Sojus-Fregat") and a pair of lowercase
        words ("schwarzgrünen" beside "schwarz-grüne", wn51963). The lexicon has no evidence
        here: it knows no word glued to a number ("Weltranglisten45", "France24", "Check24"
        are all unknown to it) and writes most lowercase heads glued ("anti": 357 glued forms
        to 14 hyphenated), so the document's own spelling decides, as for a whole word
        (`_spans`). On bench_clean.py's dev half (less the blind sample), of the 22 words glued
        to a number or hyphenated before one, 6 of the 8 hyphenated ones have their head
        hyphenated elsewhere in the article and none of the 14 glued ones ("Check24",
        "Bündnis90"): a brand is printed glued every time. A glued form the lexicon knows as a
        common word is never cut ("antiamerikanisch")."""
        def hyphenates(head: str, tail: Callable[[str], bool]) -> bool:
            # the document prints the head hyphenated more often than glued to another word of
            # the same kind: gnad456 writes "nicht-militärischer" once, "nichtmilitärischer" and
            # "nichtstaatliche" glued, so its "nichtklassischen" stays glued
            glued = sum(n for o, n in self._wc.items()
                        if o != w and o.startswith(head) and "-" not in o and tail(o[len(head):]))
            return self._heads.get(head, 0) > glued

        m = re.fullmatch(r"([^\W\d_]{3,})(\d+)", w)
        if m:
            # (or the Bundestag protocols write the word and its number hyphenated, `hyphen_span_prob`:
            # "Covid19-Pandemie" for "Covid-19-Pandemie", "COVID19-Bedeutung"; --web-rest hss.de and
            # --web uepo.de. A brand glued to its number, "Check24", "France24", is no form there)
            return m.end(1) if (hyphenates(m.group(1), str.isdigit)
                                or hyphen_span_prob(m.group(0)[:m.end(1)] + "-" + m.group(2)) is not None) \
                and at(m.end(1)) else None
        if not w.isalpha() or not w.islower() or (pg is not None and pg >= -15.5):
            return None

        def word(x: str) -> bool:
            return len(x) >= 4 and x.islower() and (_lexprob(x) or -99.0) >= -16.0

        for k in range(3, len(w) - 3):
            if self._heads.get(w[:k]) and word(w[k:]) and hyphenates(w[:k], word) and at(k):
                return k
        return None

    def _attested_split(self, w: str, at: Callable[[int], bool]) -> Optional[int]:
        """A word with no capital inside that the lexicon knows better hyphenated, cut where
        a line was appended: "nordrheinwestfälischen" (-16.3; "nordrhein-westfälischen" -13.2),
        "saudiarabische", "Kimoon" ("Ki-moon"), "Invitro" ("In-vitro"). The hyphenated form must
        be clearly likelier than the glued one (by 0.5; "radikal-islamische" -16.5 against
        "radikalislamische" -16.7 is a tie: both are written) or, the glued form unknown,
        likelier than -17 ("Ex-finanzminister" -17.7 is a stray form of web text). Returns the cut
        with the likeliest hyphenated form, or None."""
        if not w.isalpha() or self._CAMEL.search(w):
            return None
        pg = _lexprob(w)
        # a capitalised word the lexicon knows with its capital ("Deutschösterreichische" -17.7,
        # a name: "Die nationalsozialistische Deutschösterreichische Tages-Zeitung") is weighed
        # against the hyphenated form with the same capital only: the lexicon's lowercase
        # "deutsch-österreichische" (-16.3) is the adjective, which the capital rules out
        # (fresh dev gnad640; no right cut on the dev or fresh samples rests on another case)
        exact = w[:1].isupper() and lexicon().get(w) is not None
        look = (lambda x: lexicon().get(x)) if exact else _lexprob
        best: Optional[tuple[float, int]] = None
        for k in range(2, len(w) - 1):
            if not at(k):
                continue
            hyph = w[:k] + "-" + w[k:]
            ph = self._wc.get(hyph) and -10.0 or max(look(hyph) or -99.0, hyphen_span_prob(hyph) or -99.0)
            ph = None if ph == -99.0 else ph
            if ph is None or ph <= (pg + 0.5 if pg is not None else -17.0):
                continue
            if best is None or ph > best[0]:
                best = (ph, k)
        return best[1] if best else None
