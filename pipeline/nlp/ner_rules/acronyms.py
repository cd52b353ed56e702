"""Acronyms (`acronyms`; session 14, real web news): an acronym the text defines names an
organisation; split off a span's end, and its long form found by initials."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from .common import _NAME_LABELS


class AcronymRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def acronym_label(self, long_form: Span, label: Optional[str]) -> str:
        """The label of a name that the text abbreviates by an acronym: the model's ORG or MISC,
        else ORG ("Augsburger Verkehrs- und Tarifverbund AVV" LOC -> ORG): a text defines an
        acronym for an organisation far more often than for a place or person, and the places
        that have one ("Vereinigte Staaten (USA)") are in the model's gazetteer or matched no
        initials; a place of the gazetteer keeps LOC."""
        if label in ("ORG", "MISC"):
            return label
        if label == "LOC" and long_form.text in self.known_places:
            return label
        return "ORG"

    @staticmethod
    def initials_match(acronym: str, words: list[str]) -> bool:
        """'ÖPA' for 'Österreichische Plattform Alleinerziehende', 'BSI' for 'Bundesamt Sicherheit
        Informationstechnik': the acronym's letters are the capitalised words' initials."""
        return len(words) == len(acronym) and all(w[:1].casefold() == c.casefold() for w, c in zip(words, acronym))

    @staticmethod
    def spells(acronym: str, words: list[str]) -> bool:
        """'EMVD' for 'Evangelischen Medienverbandes Deutschland', 'HBB' for 'Hauptstadtbüros
        Bioenergie': each word gives the acronym its initial and, in order, maybe further letters
        from inside it (the parts of a compound: "Medien-v-erbandes"), and every letter is used."""
        acr = acronym.casefold()

        def match(k: int, w: int) -> bool:  # letters from k on, words from w on
            if w == len(words):
                return k == len(acr)
            word = words[w].casefold()
            if k == len(acr) or word[:1] != acr[k]:
                return False
            pos, k = 1, k + 1
            while True:
                if match(k, w + 1):
                    return True
                if k == len(acr):
                    return False
                pos = word.find(acr[k], pos) + 1
                if pos == 0:
                    return False
                k += 1
        return match(0, 0)

    def long_form_start(self, doc: Doc, end: int, acronym: str) -> Optional[int]:
        """Start of the long form right before token `end` whose capitalised words have the
        acronym's letters as initials, with only function words of ``acronyms.long_form_inner``
        between them ("Bundesamt für Sicherheit in der Informationstechnik (BSI)"); None when
        there is none, or it has fewer than two words. Where the words are fewer than the letters,
        the letters inside a compound may spell the rest (``spells``: "Evangelischen Medienverbandes
        in Deutschland (EMVD)"; session 26), the longest such long form of two words or more."""
        words: list[tuple[int, str]] = []
        i = end - 1
        complete = True  # the words ran up to as many as the acronym has letters
        while i >= 0 and len(words) < len(acronym):
            t = doc[i]
            if t.text[:1].isupper() and t.is_alpha or (t.text[:1].isupper() and t.text.endswith("-")):
                words.insert(0, (i, t.text))
            elif t.lower_ not in self.long_form_inner or not words:
                complete = False
                break
            i -= 1
        if complete and len(words) >= 2 and self.initials_match(acronym, [w for _, w in words]):
            start = words[0][0]
            # a capitalised article is no initial: "Die Schutzvereinigung für Wertpapierbesitz (DSW)"
            # is the Deutsche one, the model's span without "Die" stays (Wikinews train)
            return None if doc[start].lower_ in self.long_form_inner else start
        for k in range(len(words) - 1):
            sub = words[k:]
            if len(sub) < len(acronym) and doc[sub[0][0]].lower_ not in self.long_form_inner \
                    and self.spells(acronym, [w for _, w in sub]):
                return sub[0][0]
        return None

    def split_acronyms(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """A name with its acronym right after it in one span ("Augsburger Verkehrs- und
        Tarifverbund AVV" LOC) is two names of one organisation: the long form and the acronym,
        both of the label ``acronym_label`` gives; typed, so that ``presseschau_names`` finds the
        acronym's other mentions ("im AVV" x5). Only when the acronym starts with the first
        word's initial and its letters occur in that order in the long form ("Samsung SDI" stays:
        a long form of one word is no definition), and never a legal form ("Airbus SE")."""
        out: list[Span] = []
        for e in ents:
            last = e[-1].text
            long_text = doc[e.start:e.end - 1].text.casefold()
            if e.label_ not in _NAME_LABELS or len(e) < 3 or last in self.legal_forms or not self.acronym_re.fullmatch(last) \
                    or doc[e.end - 2].is_punct or last[0].casefold() != long_text[:1] \
                    or not re.search(".*".join(map(re.escape, last.casefold())), long_text):
                out.append(e)
                continue
            label = self.acronym_label(doc[e.start:e.end - 1], e.label_)
            pair = [Span(doc, e.start, e.end - 1, label=label, kb_id=e.kb_id_), Span(doc, e.end - 1, e.end, label=label)]
            out.extend(pair)
            repaired.extend(pair)
            typed.extend(pair)
        return out

    def add_long_forms(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """The long form that an acronym in brackets right after it abbreviates, by initials:
        added where the model found nothing ("Die [Österreichische Plattform für Alleinerziehende]
        (ÖPA)"), and a model span inside it extended to it ("[Bundesamt für Sicherheit] in der
        Informationstechnik (BSI)": the trimmed span or the model's cut). A span that reaches
        outside the long form stays as it is. The acronym's other mentions follow from
        ``presseschau_names`` (an acronym in brackets after a long name)."""
        changed = False
        for i in range(1, len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")" or not self.acronym_re.fullmatch(doc[i + 1].text):
                continue
            start = self.long_form_start(doc, i, doc[i + 1].text)
            if start is None:
                continue
            inside = [e for e in ents if e.start < i and e.end > start]
            if not inside and not any(e.start == i + 1 and e.label_ in _NAME_LABELS for e in ents) \
                    and not self.initials_match(doc[i + 1].text, [t.text for t in doc[start:i] if t.lower_ not in self.long_form_inner]):
                # spelled with letters inside a compound, where the model saw no name in the long form or the
                # acronym: a term ("Mitteleuropäischer Zeit (MEZ)", Wikinews train), no name
                continue
            if any(e.start < start or e.end > i for e in inside) or (inside and (inside[0].start, inside[0].end) == (start, i)):
                continue
            if any(e.label_ == "PER" for e in inside):
                continue
            label = self.acronym_label(doc[start:i], inside[0].label_ if inside else None)
            if label == "ORG" and self.english_role(doc[start:i], label):
                # "der [Master of Business Administration] ([MBA])", "Chief Digital Officer (CDO)": a title and its
                # acronym, no organisation (`english_role`, session 34): the model's ORG on the acronym goes too
                drop = [e for e in ents if e.start == i + 1 and e.end == i + 2 and e.label_ == "ORG"]
                if drop:
                    ents = [e for e in ents if e not in drop]
                    repaired.extend(Span(doc, e.start, e.end, label="DROPPED") for e in drop)
                    changed = True
                continue
            span = Span(doc, start, i, label=label)
            ents = [e for e in ents if e not in inside] + [span]
            repaired.append(span)
            typed.append(span)
            changed = True
        return sorted(ents, key=lambda e: e.start) if changed else ents

    def add_bracketed_long_forms(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """An acronym with its long form in brackets right after it (the other order of
        `add_long_forms`): "die [ADR] ([Alternativ Demokratesch Reformpartei])" (both missed, Wikinews
        dev), "Naturschutzverband [LBV] (Landesbund für Vogelschutz)" (the long form LOC, an unseen web
        sample of session 33), "die RBS (Royal Bank of Scotland)" (10kGNAD). The capitalised words in the
        brackets, with only function words of ``acronyms.long_form_inner`` between them, have the
        acronym's letters as initials or spell it (``spells``: "Landes-b-und"); nothing else stands in
        the brackets. A term has this shape too ("LCI (Life Cycle Impulse)", "AGB (Allgemeine
        Geschäftsbedingungen)", web pages), so the pair is taken only where the model saw a name in
        the acronym or the long form, or the long form ends in an organisation word (``org_heads``,
        the ORG nouns of ``appositive_heads``/``org_apposition_heads``, or a compound ending in one:
        "Reformpartei"). Both get the label ``acronym_label`` gives (ORG unless the model says a place
        of the gazetteer) and are typed, so ``presseschau_names`` finds the acronym's other mentions.
        Left as it is: a PER or MISC span in either (a person's initials, a law), a span that reaches
        outside the acronym or the brackets. Our rule (session 33, issue 13)."""
        changed = False
        for i in range(len(doc) - 4):
            acronym = doc[i].text
            if doc[i + 1].text != "(" or not self.acronym_re.fullmatch(acronym):
                continue
            j = i + 2
            while j < len(doc) and j - i - 2 <= 2 * len(acronym) + 2 and doc[j].text != ")" \
                    and ((doc[j].text[:1].isupper() and (doc[j].is_alpha or doc[j].text.endswith("-")))
                         or doc[j].lower_ in self.long_form_inner):
                j += 1
            if j >= len(doc) or doc[j].text != ")" or doc[i + 2].lower_ in self.long_form_inner:
                continue
            words = [t.text for t in doc[i + 2:j] if t.lower_ not in self.long_form_inner]
            if len(words) < 2 or not (self.initials_match(acronym, words) or self.spells(acronym, words)):
                continue
            near = [e for e in ents if e.start < j and e.end > i]
            if any(e.label_ not in ("ORG", "LOC") or not (e.start >= i + 2 or (e.start, e.end) == (i, i + 1))
                   for e in near):
                continue  # a PER or MISC, or a span over the bracket or from before the acronym
            if not near and not self.org_word_end(words[-1]):
                continue
            inside = [e for e in near if e.start >= i + 2]
            model = inside[0].label_ if inside else (near[0].label_ if near else None)
            label = self.acronym_label(doc[i + 2:j], model)
            pair = [Span(doc, i, i + 1, label=label), Span(doc, i + 2, j, label=label)]
            if [(e.start, e.end, e.label_) for e in near] == [(s.start, s.end, s.label_) for s in pair]:
                continue
            ents = [e for e in ents if e not in near] + pair
            repaired.extend(pair)
            typed.extend(pair)
            changed = True
        return sorted(ents, key=lambda e: e.start) if changed else ents

    def org_word_end(self, word: str) -> bool:
        """'Reformpartei', 'Agency', 'Vereinigung'? The word is an organisation word of ``org_heads``
        or an ORG noun of ``appositive_heads``/``org_apposition_heads``, or a compound ending in one
        after a modifier of at least four letters."""
        w = word.casefold()
        heads = self.org_head_words
        return w in heads or any(w[k:] in heads for k in range(4, len(w) - 2))

    def term_long_form(self, doc: Doc, i: int) -> bool:
        """True when the acronym in brackets at token `i` + 1 abbreviates a term, not a name: its
        long form starts with a lowercase adjective ("kleine und mittlere Unternehmen (KMU)", "des
        elektronischen Entgeltnachweises (ELENA)"; a name's adjectives are capitalised: "Deutsche
        Flugsicherung GmbH (DFS)"): the noun right before the bracket is capitalised, the words before
        it are lowercase adjectives (``acronyms.term_pos``) with "und"/"oder"/commas between them, one
        of them, no adjective of a place, has the acronym's first letter as its initial, and the
        acronym's other letters follow in order from there to the bracket."""
        acronym = doc[i + 1].text.casefold()
        if i < 2 or not doc[i - 1].text[:1].isupper() or not doc[i - 1].is_alpha:
            return False
        k = i - 2
        while k >= 0 and (doc[k].text[:1].islower() and doc[k].pos_ in self.term_pos or doc[k].lower_ in ("und", "oder", ",")):
            k -= 1
        for j in range(k + 1, i - 1):
            t = doc[j]
            if t.pos_ in self.term_pos and t.text[:1].islower() and t.lower_[:1] == acronym[:1] and not self.place_adjective(t.lower_):
                rest = doc[j:i].text.casefold()[1:]
                return re.search(".*".join(map(re.escape, acronym[1:])), rest) is not None
        return False

    def place_adjective(self, word: str) -> bool:
        """'afghanischen', 'europäische', 'deutschen': an adjective of a place of the model's
        gazetteer (its stem, without an -isch ending, begins such a place: "Afghanistan", "Europa",
        "Deutschland"). A name's long form may start with one in lower case ("der afghanischen
        Nationalpolizei (ANP)", Wikinews train), so it starts no term."""
        stem = re.sub("(e|en|er|es|em)$", "", word)
        # the -isch stem from four letters ("afghan"), a whole stem from six ("deutsch"; not "klein")
        stems = [st for st in (stem.removesuffix("isch") if stem.endswith("isch") else "",) if len(st) >= 4]
        stems += [stem] if len(stem) >= 6 else []
        return any(place.casefold().startswith(st[:len(st) - 1]) for st in stems for place in self.known_places)

    def drop_term_acronyms(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """An acronym the text defines for a term (``term_long_form``) is no name: the PER/ORG/LOC
        entities of its exact text are dropped, in the brackets and wherever else the text uses it
        (a MISC stays: a named law or programme; session 25: "kleine und mittlere Unternehmen (KMU)"
        ORG on a page of web and of web2, "(ELENA)" ORG on Wikinews dev)."""
        terms = {doc[i + 1].text for i in range(1, len(doc) - 2)
                 if doc[i].text == "(" and doc[i + 2].text == ")" and self.acronym_re.fullmatch(doc[i + 1].text)
                 and self.term_long_form(doc, i)}
        # our rule (session 36, web pages): a PER/ORG/LOC right before a listed term acronym in brackets is that
        # term's long form, no name either ("[Künstliche Intelligenz] (KI)", "[Mixed Reality] (MR)",
        # "Klimagas [Kohlendioxid] (CO2)"; term_acronyms, tech_term_acronyms of ner_rules.json)
        long_forms = {(e.start, e.end) for e in ents if self.term_acronym_long_forms and e.label_ in _NAME_LABELS
                      and e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")"
                      and doc[e.end + 1].text in self.term_acronyms}
        if not terms and not long_forms:
            return ents
        dropped = [e for e in ents if e.label_ in _NAME_LABELS and (e.text in terms or (e.start, e.end) in long_forms)]
        repaired.extend(Span(doc, e.start, e.end, label="DROPPED") for e in dropped)
        return [e for e in ents if e not in dropped]

