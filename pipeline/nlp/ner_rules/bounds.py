"""Span bounds: leading descriptors and trailing non-name tokens cut off (`strip_descriptors`), a name
in brackets split off, and a name's end at a stray closing bracket, a line break or a person's
possession (`name_bounds`); with the word tests the trimming asks (a city adjective, a named compound)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from ..ext import DATE_SPANS
from .common import _CLOSING_BRACKETS, _NAME_LABELS, _OPENING_BRACKETS, model_number
from .data import common_noun_lemma, compound_head

#: `person_lead`: a word that starts a person's stage name ('Lady Gaga', no names.json title since session 35) but is a
#: role after the word given here ('First Lady Eleanor Roosevelt', 10kGNAD)
_ROLE_PHRASES = {"Lady": "First"}
_NOT_TRAILING_FORMS = frozenset({"Konzern", "Co."})  # `legal_form_end`: a common noun, a list's "und Co."
#: `trimmed` (session 37): the marks a name never starts or ends with as tokens of their own, besides the quotation
#: marks of ``quoted_titles``: markdown's emphasis, which the cleaner keeps ('mit *‚[The Major Minor Collective]‘*')
_EMPHASIS_MARKS = frozenset({"*"})
#: apostrophes, which end a name in the genitive ("Jones'"), are no quotation marks there
_APOSTROPHES = frozenset({"'", "\u2019"})


def edge_mark_sets(quote_pairs: dict[str, frozenset[str]], quotes: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The marks `BoundRules.edge_mark` cuts off a name's start and its end, made once with the component: the opening
    quotation marks of ``quoted_titles`` and the closing ones, no apostrophe, each with markdown's emphasis mark."""
    openers = frozenset(quote_pairs)
    return (openers - _APOSTROPHES) | _EMPHASIS_MARKS, (quotes - openers - _APOSTROPHES) | _EMPHASIS_MARKS


class BoundRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    # -- single repairs, each on one span: -> (start, end, label), None = keep as it is --
    def trimmed(self, ent: Span, label: str) -> tuple[int, int]:
        """Token bounds of `ent` (labelled `label`) without leading descriptors and trailing
        non-name tokens (empty, start == end, when nothing of a name is left)."""
        start, end = ent.start, ent.end
        doc = ent.doc
        if end - start == 1 and self.descriptor_label(doc[start]) == "LOC":
            # a place descriptor alone is no name ("Im [Département] Seine-Saint-Denis"; session 12); not
            # a title alone: titles are surnames too ("Herzog", "Graf", "Kaiser")
            return start, start
        while end - start > 1 and self.edge_mark(doc[start], opening=True):
            start += 1  # "‚ Legalplanung" (web2): the quotation marks stay outside (GUIDELINES.md)
        while end - start > 1 and self.edge_mark(doc[end - 1], opening=False):
            end -= 1  # "The Bridge ‘" (web pages; session 37)
        while end - start > 1:
            t = doc[start]
            if t.text[:1].islower() and t.pos_ in self.strip_pos and t.lower_ not in self.particles \
                    and doc[start + 1].text[:1].isupper():
                start += 1  # "österreichischen Verfassungsgerichtshof"
            elif self.descriptor_label(t) is not None and doc[start + 1].text[:1].isupper():
                start += 1  # "Hauptmann Abraham Sipe", "Département Yvelines"; of any label: "Gouvernement Amran" ORG
            elif end - start == 2 and self.is_city_adjective(t.text) and self.named_compound(doc[start + 1].text):
                start += 1  # "Berliner Humboldt-Universität"; not "Hamburger Abendblatt" (maybe the official name)
            elif label == "PER" and (cut := self.person_lead(doc, start, end)):
                start += cut  # "Richterin Bärbel Stock", "Sketch von Loriot" (session 14)
            else:
                break
        if label == "ORG":  # "Bundesministerium für Wirtschaft und Technologie für den Beschluss ..."
            for i in range(start + 1, end - 1):
                if doc[i].pos_ == "ADP" and doc[i + 1].pos_ == "DET" and doc[i + 1].text[:1].islower():
                    end = i
                    break
        while end - start > 1:
            t = doc[end - 1]
            if self.legal_form_ends and t.text in self.legal_forms:
                break  # "Genossenschaft Studentendorf Berlin-Schlachtensee eG", "Verbraucherzentrale Sachsen e.V."
            if t.text in self.trailing_openers or (t.text[:1].islower() and (t.pos_ in self.trailing_pos
                                                                or t.lower_ in self.particles)):
                end -= 1  # "Newark (", "Weihnachten heim"
            else:
                break
        if DATE_SPANS in doc.spans and label != "PER" and end - start >= 2 and doc[end - 1].text.isdigit() \
                and doc[start:end - 1].text.lower().endswith(self.election_heads) and all(t.pos_ == "NOUN" for t in doc[start:end - 1]):
            # an election and its year ("Landtagswahl 2008" ORG from the model): a generic event, no name,
            # its year a DATE (annotations/GUIDELINES.md, elections; session 11 sweep)
            if any(sp.start == end - 1 for sp in doc.spans[DATE_SPANS]):
                return start, start
        if DATE_SPANS in doc.spans and (label in ("PER", "LOC") or (label == "ORG" and self.org_years and doc[start].text not in self.club_prefixes
                                                                     and self.kind_label(doc[start:end], label) is None)):
            # a place or person never ends in a year: "Saison 2006/2007" (LOC from the model) leaves the
            # years to the dates component (session 10, dev4); events may ("Expo 2000", "WM 2006" MISC).
            # Nor an organisation (session 33): the Wikinews gold leaves the year out of every ORG
            # ("Fußball-Bundesliga 2007"), and of the pool's 20 ORG spans the model ended in a year 17 were
            # a name and its year ("die VIG 2015", "des MDR 1997", "laut Eurostat 2022") or a noun and its
            # year ("Sparpaket 2012"); a club's founding year is part of its name ("VfL Bochum 1848"), and an
            # event's year of an event the model called ORG, which `kind_label` makes MISC ("Olympia 2022")
            years = {i for sp in doc.spans[DATE_SPANS] if sp.text.isdigit() for i in range(sp.start, sp.end)}
            cut = False
            while end - start > 1 and (doc[end - 1].i in years or (doc[end - 1].is_punct and (cut or doc[end - 2].i in years))):
                end -= 1
                cut = True
            if cut and end - start == 1 and doc[start].pos_ == "NOUN" and (label != "ORG" or common_noun_lemma(doc[start].text)):
                return start, start  # what is left is a common noun ("Saison"): no name at all; "laut [Eurostat] 2022" stays
        return start, end

    def edge_mark(self, t, opening: bool) -> bool:
        """An opening (`opening`) or closing quotation mark of ``quoted_titles`` (no apostrophe) or a markdown
        emphasis mark, as a token of its own: GUIDELINES.md puts the quotation marks outside a name
        ('„[Handelsblatt]“'), and no name starts or ends in a mark of the page's markup; the model at times takes
        the closing mark into the span ('*‚[The Bridge‘]*', '‚[Black People of Colour‘] (BPOC)', web pages, session
        37). A closing mark only at the end: "‘" starts a Hawaiian name as its ʻokina ('[‘Adi]', Wikinews dev).
        Our rule, with the descriptors."""
        return bool(self.edge_marks) and t.text in (self.edge_openers if opening else self.edge_closers)

    def person_lead(self, doc: Doc, start: int, end: int) -> int:
        """Tokens at the start of the PER span doc[start:end] that are no part of the name
        (session 14, web news and Wikinews train): a person's role before a listed first name
        ('Richterin [Bärbel Stock]', a role by ``person_roles`` that is no names.json title), or a
        common noun by the lemma table and a lowercase particle before a capitalised word ('Sketch
        von [Loriot]'); 0 when there are none. Not a listed first name or surname ('Graf', 'Baum')."""
        t = doc[start]
        if t.text in self.first_names or t.text in self.surnames:
            return 0
        if end - start >= 3 and self.is_role(t) and doc[start + 1].text in self.first_names:
            return 1
        if end - start >= 2 and start > 0 and _ROLE_PHRASES.get(t.text) == doc[start - 1].text:
            # 'First [Lady Eleanor Roosevelt]': "Lady" is no names.json title (it starts a stage name, 'Lady Gaga';
            # session 35), but after "First" it is the role 'First Lady'
            return 1
        head = t.text.rsplit("-", 1)[-1]
        if end - start >= 2 and head != t.text and self.is_role(t, head) and doc[start + 1].text[:1].isupper():
            # a hyphenated role ('Euro-Kritiker [Lucke]', 'Fiorentina-Boss [Diego Della Valle]') says who
            # the person is, whatever follows: the part before the hyphen names no person (session 15:
            # the augmented ner takes the role into the span, the shipped one did not)
            return 1
        if end - start >= 3 and common_noun_lemma(t.text) is not None and doc[start + 1].lower_ in self.particles \
                and doc[start + 1].text[:1].islower() and doc[start + 2].text[:1].isupper():
            return 2
        if self.noun_before_first_name and end - start >= 3 and common_noun_lemma(t.text) is not None \
                and doc[start + 1].text in self.first_names and doc[start + 2].text[:1].isupper():
            # a common noun before a listed first name and a surname says who the person is ('Politologe
            # [Georg Spitaler]', 'Bassist [Andrew Shives]', 'Wildsau [Max Franz]'; session 32, 10kGNAD: 6
            # articles); not before a first name alone ('Rand Paul': 'Rand' is a noun too)
            return 1
        if self.compound_lead_nouns and end - start >= 3 and doc[start + 1].text in self.first_names \
                and doc[start + 2].text[:1].isupper() and self.compound_noun(t.text):
            # the same for a compound the lemma table knows by its head only ('Jagdleiter [Gottfried Koller]',
            # 'Doppeltorschütze [Theo Walcott]', 'Langzeitobmanns [Wolfgang Schüssel]', 'Ferrari-Star [Sebastian
            # Vettel]'; session 34, the edges of PER spans: 10kGNAD and web pages). Our rule
            return 1
        if self.role_leads and self.lead_role(t) and (self.surname_like(doc[start + 1]) or doc[start + 1].text in self.first_names) \
                and all(self.lineup_word(x) or (x.text.islower() and x.lower_ in self.particles) for x in doc[start + 2:end]) \
                and self.lineup_word(doc[end - 1]):
            # a person's role before a name whose first name no list holds, or before a surname alone ('sagt
            # Jagdleiter [Koller]', 'Digitalkommissar [Oettinger]', 'Allstar [Kyrie Irving]'; session 34): the role
            # says who the person is, the words after it are the name (GUIDELINES.md: role words outside). Our
            # rule; a plain noun does not do ('Brett McLean', 'Gabe Newell', 'Tiger Woods': first names no list holds)
            return 1
        return 0

    def person_led(self, doc: Doc, start: int, end: int) -> bool:
        """An ORG or LOC span that is a person's role or kind and then a person: the word `person_lead` cuts off a
        PER span, then a listed first name and capitalised words only ('bei [Landeshauptmann Günther Platter]
        (ÖVP)' ORG, 'dem [Russen Sergej Wolkow]' ORG, '[EZB-Rat Ewald Nowotny]' LOC; 10kGNAD). The model took the
        role's label, the name is a person's (GUIDELINES.md: roles outside the PER span). Not where the first word
        is an organisation noun, announces a name of its kind ('Verlag', 'Firma') or ends like an institution or a
        building (ner_rules.json ``role_led_persons.not_lead_endings``: 'Galerie', 'Stiftung', 'Kanzlei', 'Hotel':
        a body or building named after a person). Our rule (session 37, issue 13): in the 1,022 10kGNAD articles 6 such spans, all a
        person; none on the four open dev sets."""
        if end - start < 3 or doc[start + 1].text not in self.first_names \
                or not all(t.text[:1].isupper() for t in doc[start + 1:end]):
            return False
        lead = doc[start].text
        if self.org_noun(lead) or self.appositive_label(doc, start + 1, inside=set()) is not None \
                or lead.casefold().endswith(self.not_lead_endings):
            return False
        return self.person_lead(doc, start, end) == 1

    def compound_noun(self, word: str) -> bool:
        """'Jagdleiter', 'Langzeitobmanns', 'Ferrari-Star': a capitalised compound whose head the lemma table
        knows as a common noun (`compound_head`), or a hyphenated word whose last part is one, letters only."""
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            return False
        head = word.rsplit("-", 1)[-1]
        if head != word:
            return head[:1].isupper() and (common_noun_lemma(head) is not None or compound_head(head) is not None)
        return compound_head(word) is not None

    def lead_role(self, t) -> bool:
        """A person's role at the start of a PER span of two words: a role by ``person_roles`` or names.json
        titles, or a word ending in ``person_leads.role_endings`` ('Jagdleiter', 'Klubobfrau'), also after a
        hyphen ('Neos-Parteiobmann'); not a listed first name or surname ('Koch', 'Bauer')."""
        w = t.text
        if not w[:1].isupper() or not w.replace("-", "").isalpha() or w in self.first_names or w in self.surnames:
            return False
        head = w.rsplit("-", 1)[-1]
        low = head.lower()
        # an ending shorter than four letters ('fan') only after four letters of its own ('Tennisfan'; not 'Štefan')
        return self.is_role(t, head) or any(low.endswith(e) and (len(e) >= 4 or len(low) - len(e) >= 4)
                                            for e in self.lead_role_endings) \
            or (self.rank_leads and low.endswith(self.rank_lead_endings)) \
            or (self.english_lead_roles and w in self.english_role_cfg["roles"])  # session 37: 'Engineer [Moritz Enders]'

    def legal_form_end(self, doc: Doc, start: int, end: int, taken: set[int]) -> int:
        """End of the name that runs on into the legal form right after it: "[Deutscher Schwimm-Verband]
        e.V.", "[BSV Sachsen Zwickau] e.V.", "[Haufe Lexware] GmbH & Co KG" (``legal_forms``; not
        "Konzern", a common noun after a name, nor "Co." alone: "Google und Co.", "Instagram, YouTube & Co.").
        The Wikinews train/dev and the web gold take the legal form into the name every time (AG 25x,
        GmbH 28, e.V. 9, Inc. 6, KG 6, ...), never leave it outside; the model and the trailing trim
        (a lower-case "e.V.", "eG") left it out on the web pages of session 33. Not over a line
        break, nor into a token of another entity. Our rule (session 33, issue 13)."""
        n = len(doc)
        while end < n and end not in taken and "\n" not in doc[end - 1].whitespace_ + doc[end].text:
            word = doc[end].text
            if word in self.legal_forms and word not in _NOT_TRAILING_FORMS:
                end += 1
            elif word == "&" and end + 2 < n and doc[end + 1].text in ("Co.", "Co") and doc[end + 2].text in self.legal_forms \
                    and doc[end + 2].text not in _NOT_TRAILING_FORMS and not taken & {end + 1, end + 2}:
                end += 3
            else:
                break
        return end

    def join_saint_names(self, doc: Doc, ents: list, repaired: list) -> list:
        """A name the model ended at an abbreviation of 'Sankt' whose period is a token of its own runs on over
        the capitalised words after the period: '[St .] Nikolauskapelle' -> '[St . Nikolauskapelle]', 'Kirche
        [St .] Peter ,' -> '[St . Peter]' (GermEval dev: text joined from the corpus' tokens, where the sentence
        splitter ends a sentence at the period and the model's span with it). The span takes the words after the
        period up to ``saint_abbreviations.max_words`` (ending after a word in -er: '[St . Petersburger]
        Wirtschaftsforums'), or the entity that starts right after it whole, with that entity's label ('[St .
        Georg]' PER, the saint, where the model read 'Georg' PER); a span ending in the abbreviation itself takes
        the period too. Text as written keeps 'St.' one token, so only
        tokenised corpora meet the rule. Our rule (session 35, issue 13: 11 spans of GermEval dev, 9 of them in
        its sentences the model was trained on)."""
        by_start = {e.start: e for e in ents}
        out: list = []
        absorbed: set[int] = set()
        for e in ents:
            if id(e) in absorbed:
                continue
            end = e.end
            if e.label_ not in _NAME_LABELS:
                out.append(e)
                continue
            if end - e.start >= 2 and doc[end - 2].text in self.saint_words and doc[end - 1].text == ".":
                pass
            elif doc[end - 1].text in self.saint_words and end < len(doc) and doc[end].text == ".":
                end += 1
            else:
                out.append(e)
                continue
            k, label = end, e.label_
            nxt = by_start.get(k)
            if nxt is not None and nxt.label_ in _NAME_LABELS:
                absorbed.add(id(nxt))  # the model's name of the saint or place after the period: its label
                k, label = nxt.end, nxt.label_  # '[St . Georg]' PER, a saint
            else:
                while k < len(doc) and k - end < self.saint_max_words and k not in by_start \
                        and doc[k].text[:1].isupper() and any(c.isalpha() for c in doc[k].text):
                    k += 1
                    if doc[k - 1].text.endswith(self.city_suffix):
                        break  # '[St . Petersburger] Wirtschaftsforums': a word in -er ends the name
            if k == end:
                out.append(e)
                continue
            span = Span(doc, e.start, k, label=label, kb_id=e.kb_id_)
            out.append(span)
            repaired.append(span)
        return out

    @staticmethod
    def line_end(doc: Doc, start: int, end: int) -> int:
        """End of a span before a line break inside it: a name does not run across lines or
        paragraphs ('St. Johannes\\n\\nStühle' -> 'St. Johannes' on web news, where headings and
        list items stand on lines of their own; session 14)."""
        for i in range(start + 1, end):
            if doc[i].is_space and "\n" in doc[i].text:
                return i
        return end

    def version_end(self, doc: Doc, start: int, end: int, taken: set[int]) -> int:
        """End of the MISC span doc[start:end] with the version or model number right after it: "[Firefox] 5",
        "[iOS] 11", "[Android] 3.0", "[Mercedes] 208" (a product's number is inside its name, GUIDELINES.md;
        ner_rules.json ``misc_version_numbers``). Not a number of more digits (a year: the dates component's),
        not over a line break or into another entity, not before a noun it counts ("Firefox 5 Millionen
        Nutzer"). Our rule (session 34, issue 13: on the web2 dev set the model's MISC stopped before the
        number 9 times)."""
        if end >= len(doc) or end in taken or doc[end - 1].whitespace_ != " " \
                or not model_number(doc[end].text, self.misc_version_numbers):
            return self.variant_end(doc, end, taken)
        if end + 1 < len(doc) and doc[end + 1].pos_ in self.version_not_before_pos:
            return end
        return self.variant_end(doc, end + 1, taken)

    def close_quoted_titles(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """A MISC span that starts right after an opening quote and stops short of its closing quote takes the
        rest of the quote: „[Die Revolution] missbraucht ihre Kinder“ -> „[Die Revolution missbraucht ihre
        Kinder]“ (GUIDELINES.md: a title of a work is MISC as a whole, the quotation marks outside; GermEval's
        OTH the same). The model's MISC at the quote's start says the quote is a title; its span breaks off at a
        comma, a colon, a verb or a name inside it ("Sieg auf Brett, Feld[, Kufen und Planche]", "Wallace und
        Gromit : Auf der Jagd[ nach dem Riesenkaninchen]"). Only where the closing quote of that kind comes within
        ``quoted_titles`` ``max_tokens`` tokens of the span's start, with no other quote, no line break and no
        sentence end (``not_last``: quoted speech, „... fair und demokratisch.“) or bracket before it, and where the
        model's span has ``min_tokens`` words at least (one word is a whole name: '"[Golf] aus China"', the car);
        names inside the quote go (they are part of the title). Our rule (session 36, issue 13; switch ``quoted_titles``)."""
        if not self.quoted_titles:
            return ents
        out: list[Span] = []
        drop: set[int] = set()
        for k, ent in enumerate(ents):
            if k in drop:
                continue
            start, end = ent.start, ent.end
            closers = self.title_quote_pairs.get(doc[start - 1].text) if ent.label_ == "MISC" and start > 0 else None
            # one word is a whole name ('"[Golf] aus China"', web dev: the car, not a title): two at least
            if not closers or end - start < self.title_min_tokens or end >= len(doc) or doc[end - 1].text in self.title_quotes:
                out.append(ent)
                continue
            close = None
            for j in range(end, min(len(doc), start + self.title_max_tokens + 1)):
                t = doc[j]
                if t.text in closers:
                    close = j
                    break
                if t.text in self.title_quotes or t.text in _OPENING_BRACKETS or t.text in _CLOSING_BRACKETS \
                        or "\n" in t.text or "\n" in t.whitespace_:  # '„[Nichtraucher-Initiative Deutschland e.V.] (NID)“'
                    break
            if close is None or close == end or doc[close - 1].text in self.title_not_last:
                out.append(ent)
                continue
            inside = [m for m in range(k + 1, len(ents)) if ents[m].start < close]
            if any(ents[m].end > close for m in inside):  # a name runs over the closing quote: leave it
                out.append(ent)
                continue
            for m in inside:
                drop.add(m)
                repaired.append(Span(doc, ents[m].start, ents[m].end, label="DROPPED"))
            span = Span(doc, start, close, label="MISC", kb_id=ent.kb_id_)
            out.append(span)
            repaired.append(span)
        return out

    def variant_end(self, doc: Doc, end: int, taken: set[int]) -> int:
        """`end` + 2 where the MISC span doc[..:end] ends in a model number and a hyphen and the variant's number
        follow with no space, which the tokenizer splits off: "[Boeing 767]-300", "[Boeing 737]-500" (the gold
        has the variant inside the name: Wikinews dev once, train twice; session 35, switch ``model_variants``). At
        most 3 digits, as `version_end`: a year is the dates component's ("AB Wave VI-Part 3-2021", web_pages_de)."""
        if not self.model_variants or end + 1 >= len(doc) or end in taken or end + 1 in taken:
            return end
        last, dash, num = doc[end - 1], doc[end], doc[end + 1]
        if last.text.isdigit() and not last.whitespace_ and dash.text == "-" and not dash.whitespace_ \
                and num.text.isdigit() and len(num.text) <= 3:
            return end + 2
        return end

    @staticmethod
    def paragraph_end(doc: Doc, start: int, end: int) -> int:
        """End of a span before the first paragraph break (a whitespace token with a blank line)
        inside it, and before the whitespace tokens it ends with; the part before the break is
        kept: it is where the model's span starts, the part after it is the next line's start."""
        for i in range(start + 1, end):
            if doc[i].is_space and "\n\n" in doc[i].text:
                end = i
                break
        while end > start + 1 and doc[end - 1].is_space:
            end -= 1
        return end

    @staticmethod
    def unbracketed_end(doc: Doc, start: int, end: int) -> int:
        """End of a span before a closing bracket whose opening one is not inside it: a name
        does not run across a bracket ("(gemeinsam mit Ernest Wolf-Gazo) Whitehead" ->
        "Ernest Wolf-Gazo"; session 13, GermEval dev)."""
        depth = 0
        for i in range(start, end):
            if doc[i].text in _OPENING_BRACKETS:
                depth += 1
            elif doc[i].text in _CLOSING_BRACKETS:
                if depth == 0:
                    return i  # a span that starts with one is no name at all
                depth -= 1
        return end

    def possession_end(self, doc: Doc, start: int, end: int) -> int:
        """End of a PER span before a common noun that follows a word in -s: the noun is the
        person's possession or the sentence's object, not part of the name ("Wulffs
        [Hochzeitsfeier]", "Stanleys [Geburtsdatum]", "Brians [Sohn] Murchad", "Matthew
        Williams [Liebeskummer]"; session 13, GermEval dev). A common noun by the lemma table or
        a compound ending in one; not after a listed first name ("Hans Eichel", "Thomas
        Kaufmann": no genitive) and not a listed first name itself."""
        for i in range(start + 1, end):
            prev, word = doc[i - 1].text, doc[i].text
            if not prev.endswith("s") or prev in self.first_names or word in self.first_names or not word[:1].isupper():
                continue
            if common_noun_lemma(word) is not None or (word not in self.surnames and compound_head(word) is not None):
                return i
        return end

    def suffix_end(self, doc: Doc, start: int, end: int) -> int:
        """End of a PER span with the generational suffix right after it taken in ("[Chris Eubank]
        Jr." -> "Chris Eubank Jr.", "Carlos Sainz jr."; names.json ``name_suffixes``): the suffix is
        part of the name as written (annotations/GUIDELINES.md, span = the full name; our rule,
        session 29: an unseen web page named its boxer so nine times, the model never took the
        suffix in). Only after a capitalised last word."""
        if end < len(doc) and doc[end].text in self.name_suffixes and doc[end - 1].text[:1].isupper() \
                and not doc[end].ent_type_:
            return end + 1
        return end

    def bracketed(self, ent: Span) -> Optional[tuple[int, int, str]]:
        """A name in brackets at the end of a span ('3. Liga (Serie C)', 'Nastassia Novikava
        (Weißrussland)', 'Nordrhein-Westfalen (Bonn'): its token bounds and label (LOC when
        it is a place of the gazetteer, else the span's label); None when there is none.
        Brackets inside a name stay ('Voreqe (Frank) Bainirama'), and so does a place's
        qualifier ('Halle (Saale)', 'Winsen (Luhe)': a LOC ending in one word in brackets), unless
        that word is a place of its own, the country or region the place lies in (`bracket_place`:
        'Doha (Katar)', 'Sunrise (Florida)')."""
        doc = ent.doc
        for i in range(ent.start + 1, ent.end - 1):
            if doc[i].text == "(":
                a = i + 1
                b = next((j for j in range(a, ent.end) if doc[j].text == ")"), ent.end)
                if b == a or not doc[a].text[:1].isupper() or b < ent.end - 1 \
                        or (b == ent.end - 1 and b - a == 1 and ent.label_ == "LOC" and not self.bracket_place(doc[a].text)):
                    return None
                text = doc[a:b].text
                return a, b, "LOC" if text in self.known_places else ent.label_
        return None

    def bracket_place(self, word: str) -> bool:
        """'Katar' of 'Doha (Katar)', 'Florida' of 'Sunrise (Florida)': a word in brackets after a place that is a
        place of its own, a name of the gazetteer's places, the place list or regions.tsv, and none of
        ``place_qualifiers`` (rivers that name which of two towns is meant: 'Halle (Saale)', 'Winsen (Luhe)',
        'Frankfurt (Oder)'). Our rule (session 32, issue 13): on the Wikinews train/dev gold such a pair is two
        LOC 15 times and one LOC twice (the two rivers); s32-org found the model's one span on 16 web pages."""
        return word not in self.place_qualifiers and self.listed_place(word)

    @staticmethod
    def named_compound(word: str) -> bool:
        """'Humboldt-Universität', 'Hebbel-Theaters': a hyphenated compound whose first part
        is a name, not a common noun."""
        first = word.split("-", 1)[0]
        return "-" in word and first[:1].isupper() and common_noun_lemma(first) is None

    def is_city_adjective(self, word: str) -> bool:
        """'Berliner', 'Wiener', 'Karlsruher': a place in the gazetteer plus -er."""
        if not word.endswith(self.city_suffix) or len(word) <= len(self.city_suffix):
            return False
        stem = word[:-len(self.city_suffix)]
        return any(stem + e in self.known_places for e in self.city_place_endings)
