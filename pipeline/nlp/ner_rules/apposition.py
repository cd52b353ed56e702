"""Apposition: a common noun right before a name says what it is ('Reederei [Hapag-Lloyd]' ORG);
relabels the name, or adds the one the model missed (`apposition`, `org_apposition`)."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Span

from .common import _NAME_LABELS, _OPENING_BRACKETS, date_figure_tokens, with_added
from .data import common_noun_lemma, compound_head, corpus_counts

_APPOSITION_LABELS = ("ORG", "LOC", "MISC")
_NO_NAME_FORMS = frozenset({"Konzern", "Co.", "mbH"})  # `add_legal_form_names`: a common noun, "und Co.", "Gesellschaft mbH"
_NO_NAME_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "VERB", "AUX", "PRON", "NUM", "PUNCT", "ADV", "PART", "SYM", "SPACE"})
_LEGAL_NAME_MAX = 5  # words of a name before its legal form (`add_legal_form_names`)
#: an appositive noun as a compound's end needs a modifier of this many letters ('Rüstungs|konzern')
_COMPOUND_MODIFIER_MIN = 3
_QUOTED_MAX = 6  # tokens of a quoted name after an appositive noun ('Organisation „Ein französisches Schiff für Gaza“')
# ... and of a quoted title after a noun of works, which runs longer ('Gedichtband „Seht es sind Schmerzen an denen
# wir leiden“', GermEval dev; session 32)
_QUOTED_WORK_MAX = 12
_EXAMPLE_MAX = 3  # words of a listed name after 'Firmen wie' (`org_examples`; session 34)
_CLOSING_QUOTES = frozenset({"“", "”", "\"", "»", "«", "'"})
#: `by_apposition`: a lowercase quoted word of these tags after a noun of works is no title ('bei jedem Spiel
#: „unterstützt“ wird', web_pages_de; session 36)
_NOT_TITLE_START = frozenset({"VERB", "AUX"})


class AppositionRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def by_apposition(self, doc: Doc, ents: list[Span], repaired: list[Span], mentions: Counter,
                      typed: list[Span]) -> list[Span]:
        """Relabel a name after an appositive noun to the label the noun announces
        ('Reederei Hapag-Lloyd' LOC -> ORG), and add the name the model missed there
        ('US-Institut Stratfor' -> ORG); a person's genitive keeps its label ('Partei Putins')."""
        out = []
        names = {e.text for e in ents if e.label_ != "ORG"}  # the article's other names (a genitive's base)
        # the tokens of the entities as repaired so far: a noun of a span dropped before ("gegründete
        # [Start-up-Unternehmen] «MIRO Analytical»" LOC; session 15) types the name after it again
        inside = {i for e in ents for i in range(e.start, e.end)}
        for ent in ents:
            if self.org_apposition and ent.label_ in _NAME_LABELS and (self.appositive_inside(ent) or self.compound_org_lead(ent)
                                                                        or self.org_lead_noun(ent)):
                ent = Span(doc, ent.start + 1, ent.end, label="ORG", kb_id=ent.kb_id_)
                out.append(ent)
                repaired.append(ent)
                typed.append(ent)
                continue
            label = self.appositive_label(doc, ent.start, inside) if ent.label_ in _APPOSITION_LABELS or ent.label_ == "PER" else None
            # a genitive place is no apposition ("Automobilhersteller Europas"), and a person
            # after such a noun is usually the person of it ("Softwareunternehmens Kevin Lynch")
            genitive = ent[-1].text.endswith("s") and (ent.label_ == "LOC" or "Gen" in ent[-1].morph.get("Case")
                                                       or self.genitive_of_name(ent, names))
            # a place of the model's gazetteer after such a noun is no apposition but the next phrase
            # ("der Fluggesellschaft [Frankreich] nicht mehr überfliegen"; session 12, Wikinews train)
            place = ent.label_ == "LOC" and ent.text in self.known_places
            # ... but a single word after an organisation noun that is no listed first name or surname
            # is the organisation ("US-Magazin [Barrons]" PER -> ORG; session 12), and a name without a
            # listed first name after a noun of works is the work ("Dokumentation [Matto Grosso]"; session 13)
            # ... and so is a PER span of several words none of which is a listed first name
            # ("Konsortium [Ocean Winds]"; session 14, real web news)
            person = ent.label_ == "PER" and not (label == "ORG" and self.org_apposition and len(ent) > 1
                                                  and not any(t.text in self.first_names for t in ent)) \
                and not (label == "ORG" and len(ent) == 1 and ent.text not in self.first_names
                         and ent.text not in self.surnames) \
                and not (label == "MISC" and not any(t.text in self.first_names for t in ent))
            # a PER span cut short by the model stays as it is: the name runs on into a capitalised
            # noun outside it ("Stromanbieter [Yello] Strom"; relabelling half a name gains nothing)
            cut = self.org_apposition and ent.label_ == "PER" and ent.end < len(doc) and not doc[ent.end].ent_type_ \
                and doc[ent.end].text[:1].isupper() and doc[ent.end].pos_ in ("NOUN", "PROPN") \
                and not doc[ent.end].is_sent_start
            if label is None or label == ent.label_ or genitive or place or person or cut:
                out.append(ent)
                if self.org_apposition and label == "ORG" == ent.label_ and not genitive \
                        and doc[ent.start - 1].text not in _OPENING_BRACKETS \
                        and ent.text not in self.known_places and not self.genitive_of_name(ent, names):
                    # not "Unternehmen (KMU)" (the noun's acronym), nor a name of the gazetteer or of
                    # this article in the genitive ("LGBT-Bewegung [Chiles]" ORG, "Chile" LOC 3x; Wikinews dev)
                    # the noun confirms the model's ORG ("Der Kunststoff-Hersteller [Covestro]"): the
                    # context decided it, which outweighs the model's LOC and PER for the same word
                    # elsewhere in the article (session 14, real web news: "Covestro" LOC 1, PER 1)
                    typed.append(ent)
                continue
            span = Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id_)
            out.append(span)
            repaired.append(span)
            typed.append(span)
        taken = {i for e in out for i in range(e.start, e.end)}
        for t in doc:
            # a title in quotes after a noun of works may start in lower case or with a digit: 'Sendereihe „oper
            # kompakt“', 'Dokumentationssendung „37 Grad“' (GermEval dev), 'Sendung „plusminus“', 'Codenamen „8Ball“'
            # (Wikinews): MISC 5 times of 5 in that gold; our rule (session 36, switch ``quoted_lowercase_titles``)
            any_case = self.quoted_lowercase_titles and t.i > 0 and doc[t.i - 1].text in self.trailing_openers \
                and t.text[:1].isalnum() and t.pos_ not in _NOT_TITLE_START  # 'bei jedem Spiel „unterstützt“ wird'
            if t.i in taken or not (t.text[:1].isupper() or any_case):
                continue
            label = self.appositive_label(doc, t.i, inside)
            if not t.text[:1].isupper() and label != "MISC":
                continue
            bounds = self.appositive_name(doc, t.i, taken, _QUOTED_WORK_MAX if label == "MISC" else _QUOTED_MAX,
                                          any_case=label == "MISC" and any_case) \
                if label in _APPOSITION_LABELS else None
            if bounds is None:
                continue
            span = Span(doc, *bounds, label=label)
            if self.dropped(span, label, mentions):
                continue
            out.append(span)
            repaired.append(span)
            typed.append(span)
            taken.update(range(*bounds))
        return sorted(out, key=lambda e: e.start)

    def genitive_of_name(self, ent: Span, names: set[str]) -> bool:
        """'Chiles' after 'LGBT-Bewegung': the genitive of a place of the gazetteer or of another
        name of the article, whatever label the model gave it, is the noun's attribute, not its
        name (session 15: the augmented ner called "Chiles" PER, which the organisation noun turned
        into a typed ORG, and `context_wins` then made "Chile" ORG 3x)."""
        base = ent.text.removesuffix("s")
        return base != ent.text and (base in self.known_places or base in names)

    def news_sources(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """ORG for a one-word PER span that names the source of a report: right after "laut"/"zitiert"
        or right before "berichtete"/"zufolge" (ner_rules.json ``news_sources``): 'zitiert [Welt-Online]
        den Minister', 'erreichte laut [Statista]' (session 28). Not a listed first name or surname, nor
        a word of a longer PER of the article: a person named in full before ('Hanif Atmar' ... 'laut
        Atmar'); a PER of several words is a person named in full ('zitiert Sergei Voznyak')."""
        persons = [e for e in ents if e.label_ == "PER"]
        out = []
        for ent in ents:
            if ent.label_ == "PER" and self.news_source(doc, ent, persons):
                ent = Span(doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id_)
                repaired.append(ent)
                typed.append(ent)
            out.append(ent)
        return out

    def org_examples(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """'Firmen wie [Evernote], [Dropbox] oder Google', 'Sender wie MTV, [Hustler TV] oder [Eurosport]', 'Firmen wie
        [Coca-Cola], [Nestlé] und [Unilever]' LOC: the names listed after a plural organisation noun and "wie"
        (``org_examples.heads``, also as a compound's end: "IT-Firmen", "Technologiekonzernen") are organisations.
        Each item is up to `_EXAMPLE_MAX` capitalised words (an article before it is skipped), ended by a comma, a
        coordinator or a word that is no name; a name the model left out is added, a PER or LOC span of just the
        item becomes ORG (not a PER with a listed first name: "Marken wie Ralph Lauren" stays as the model said);
        not a word of the lemma table ("Organisationen wie Vereine"; the whole word: "Evernote" is a name), a listed place, a word inside another
        entity or a date or figure; the list ends at the first item that is none. MISC stays ("Plattformen wie
        PlayStation": products; "Plattformen" is no head). Our rule (session 34, issue 13: on the dev sets' ORG
        errors and the 10kGNAD/web pool; switch ``org_examples_on``, with org_apposition); typed, so
        ``presseschau_names`` finds the other mentions."""
        cfg = self.org_examples_cfg
        by_start = {e.start: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        blocked = date_figure_tokens(doc)
        new: dict[int, Span] = {}  # start -> the ORG span replacing or adding there
        def name_word(k: int) -> bool:
            w = doc[k].text
            return (w[:1].isupper() or any(c.isupper() for c in w[1:])) \
                and doc[k].pos_ not in ("PUNCT", "DET", "ADP", "VERB", "AUX", "PRON", "CCONJ")

        for t in doc[:-2]:
            if doc[t.i + 1].lower_ not in cfg["links"] or not self.example_head(t.text):
                continue
            i, last = t.i + 2, False
            while i < len(doc):
                if doc[i].lower_ in self.definite_articles:
                    i += 1
                if i + 1 < len(doc) and name_word(i + 1) and (self.org_noun_end(doc[i].text) or self.lemma_noun(doc[i].text)):
                    i += 1  # "IT-Firmen wie der iPhone-Fertiger [Foxconn]": the noun says what the name is
                j = i
                while j < len(doc) and j - i < _EXAMPLE_MAX and name_word(j) and (j == i or "\n" not in doc[j - 1].whitespace_) \
                        and (j == i or doc[j].text.isupper() or not self.lemma_noun(doc[j].text)):
                    j += 1  # "Konzerne wie [Siemens] Aufträge": a common noun after the name is none of it
                if j == i or (j < len(doc) and j - i == _EXAMPLE_MAX and name_word(j)):
                    break  # no item, or a name that runs on past the limit
                item = doc[i:j]
                if not self.example_item(item, by_start, taken, blocked):
                    break
                new[i] = Span(doc, i, j, label="ORG")
                if last or j >= len(doc) or not (doc[j].text == "," or doc[j].lower_ in cfg["coordinators"]):
                    break
                last = doc[j].lower_ in cfg["coordinators"]
                i = j + 1
        if not new:
            return ents
        out = [e for e in ents if e.start not in new]
        for span in new.values():
            out.append(span)
            repaired.append(span)
            typed.append(span)
        return sorted(out, key=lambda e: e.start)

    def example_head(self, word: str) -> bool:
        """A plural organisation noun of ``org_examples.heads`` as the word, its last hyphen part or its compound's end
        after a modifier of `_COMPOUND_MODIFIER_MIN` letters ("Firmen", "IT-Firmen", "Technologiekonzernen")."""
        w = word.rsplit("-", 1)[-1]
        heads = self.org_examples_cfg["heads"]
        return w in heads or any(w[k:].capitalize() in heads for k in range(_COMPOUND_MODIFIER_MIN, len(w) - 2))

    def example_item(self, item: Span, by_start: dict, taken: set[int], blocked: set[int]) -> bool:
        """`org_examples`: the listed words are a name the rule may type ORG."""
        if any(t.i in blocked for t in item):
            return False
        if len(item) == 1 and (common_noun_lemma(item.text) is not None or self.listed_place(item.text)):
            return False  # "Organisationen wie Vereine und Stiftungen", "Länder"
        ent = by_start.get(item.start)
        if ent is not None:
            if ent.end != item.end or ent.label_ not in ("PER", "LOC", "ORG"):
                return False
            if ent.label_ == "PER" and any(t.text in self.first_names for t in ent):
                return False  # "Marken wie [Ralph Lauren]": a person's name, whatever it stands for here
            return True
        return not any(t.i in taken for t in item)

    def add_outlets(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """ORG for a newspaper or magazine whose one-word name is a common noun (``news_sources.outlets``:
        'Kurier', 'Spiegel'), which the model leaves out, where it stands as the source of a report: after
        'laut'/'zitiert' or a reporting verb (``after_verbs``), a definite article between them or not ('laut
        dem [Spiegel]', 'zitiert der [Kurier] Villeneigentümer', 'berichtete der [Kurier] am Samstag'), or before
        'berichtet'/'zufolge' ('wie der [Spiegel] berichtet'); the word no entity, date or figure covers
        (session 29, 10kGNAD)."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        taken |= date_figure_tokens(doc)
        persons = [e for e in ents if e.label_ == "PER"]
        added: list[Span] = []
        for t in doc:
            if t.text not in self.source_outlets or t.i in taken or _in_longer_person(t.text, persons):
                continue  # "Klaus Stern ... schreibt [Stern]": the person (web_pages_de; session 29 review)
            prev = doc[t.i - 1] if t.i > 0 else None
            if prev is not None and (prev.pos_ == "ADJ" or (prev.pos_ == "DET" and prev.lower_ not in self.definite_articles)):
                continue  # "Das neue Format meldet", "Diesem Bild zufolge": a common noun (session 29 review)
            if t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "sich" and "wort" not in {w.lower_ for w in doc[t.i + 3: t.i + 10]}:
                continue  # "Der Kurier meldete sich nicht mehr": no report; "meldete sich ... zu Wort" is one (session 29 review)
            j = t.i - 1
            if j >= 0 and doc[j].lower_ in self.definite_articles:
                j -= 1  # "laut dem Spiegel", "zitiert der Kurier"
            before = doc[j].lower_ if j >= 0 else ""
            after = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
            if before in self.source_before or before in self.source_verbs or after in self.source_after:
                added.append(Span(doc, t.i, t.i + 1, label="ORG"))
        return with_added(ents, added, repaired, typed)

    def add_legal_form_names(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """A company or club the model missed before its legal form: "Vorständin der [naturstrom AG]",
        "[ENERTRAG Betrieb GmbH]", "Benkos [Signa Holding]", "[ÖBB-Personenverkehr AG]", "[SÜDWIND e.V.]".
        The name is the run of up to five words right before the legal form (``legal_forms``; not "Konzern",
        "Co.", "mbH") on its line, no word of an entity: capitalised words, hyphenated ones, and lower-case
        ones the tagger calls a proper noun, noun or foreign word ("naturstrom", "enen endless energy"); it
        stops at an article, preposition, conjunction, verb, pronoun, number, adverb or punctuation ("das
        [AG]" for a court, "Arbeitgeber ([AG])", "30 [KG]", "muss [KG]" for Klosterneuburg, "der [GmbH]",
        "Google und [Co.]" give no name), and at a common noun of the lemma table before a name word
        ("Pressesprecher [naturstrom AG]", "Öko-Energieversorger [naturstrom AG]"). Not a run of common
        nouns only, nor one right after an entity (the model's name may start before it: "Kopak Ipek
        Holding"). Counted on the 10kGNAD articles and web pages (session 33): half the legal forms outside
        every entity are no name (session 32), and this shape keeps only the names. Our rule (session 33,
        issue 13)."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        added: list[Span] = []
        for t in doc:
            if t.text not in self.legal_forms or t.text in _NO_NAME_FORMS or t.i in taken or t.i == 0:
                continue
            j = t.i
            while j - 1 >= 0 and t.i - (j - 1) <= _LEGAL_NAME_MAX:
                w = doc[j - 1]
                if w.i in taken or "\n" in w.whitespace_ or w.pos_ in _NO_NAME_POS \
                        or not (w.is_alpha or ("-" in w.text and w.text[:1].isalpha())):
                    break
                if w.text[:1].islower() and w.pos_ not in ("PROPN", "X", "NOUN"):
                    break
                if j < t.i and w.text[:1].isupper() and ((w.pos_ == "NOUN" and self.lemma_noun(w.text)) or self.org_noun_end(w.text)):
                    break  # "Pressesprecher naturstrom AG": the job, not the firm; "Öko-Energieversorger": what it is
                j -= 1
            if j == t.i or (j > 0 and (j - 1 in taken or doc[j - 1].text == "&")) \
                    or all(w.text[:1].isupper() and self.lemma_noun(w.text) for w in doc[j:t.i]):
                continue
            span = Span(doc, j, self.legal_form_end(doc, j, t.i + 1, taken), label="ORG")  # "GmbH & Co KG"
            added.append(span)
            taken.update(range(span.start, span.end))
        return with_added(ents, added, repaired, typed)

    def org_noun_end(self, word: str) -> bool:
        """'Öko-Energieversorger', 'Rüstungskonzern': the word or its last hyphen part ends in an ORG noun of
        ``appositive_heads``/``org_apposition_heads`` (after a modifier of `_COMPOUND_MODIFIER_MIN` letters)."""
        w = word.rsplit("-", 1)[-1].casefold()
        return any(self.appositive_heads.get(w[k:]) == "ORG" or self.org_apposition_heads.get(w[k:]) == "ORG"
                   for k in range(len(w) - 1) if k == 0 or k >= _COMPOUND_MODIFIER_MIN)

    @staticmethod
    def lemma_noun(word: str) -> bool:
        """A common noun of the lemma table, as a whole word, its compound head or its last hyphen part
        ("Pressesprecher", "Öko-Energieversorger")."""
        last = word.rsplit("-", 1)[-1]
        return any(common_noun_lemma(w) is not None or ((h := compound_head(w)) is not None and common_noun_lemma(h) is not None)
                   for w in {word, last} if w)

    def company_short_names(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """'Nordex SE' ... 'Engineering [Nordex]' PER, 'Valendo GmbH' ... '[Valendo] bietet' PER: the words before the
        legal form of an ORG of the article (``legal_forms``, and ``company_short_names.heads``: 'Group', 'Gruppe')
        are the company's short name; a PER/LOC span of just these words is the company, ORG, and so is a
        mention the model left out ('Gemfields Group Ltd.' ... 'von [Gemfields]'). Our rule (session 32, issue 13:
        web_pages_de, the short name PER on 5 pages). Not a name that is also a place, person or common noun:
        a listed place or region, a name of the gazetteer's places, a listed surname, a name with a listed
        first name ('Max Jüdel & Co.'), a word of the lemma table ('Ersparnis AG' of a table), a word of a person
        named in full in the article ('Heinrich Büssing' ... 'Büssing AG': the founder and the firm share it), nor
        a name of one lower-case word; a mention is added only where the tagger reads its words as proper nouns
        ("im [Fußball]" of "Fußball AG", "der regionalen [Volksbanken]" of "Volksbanken AG": common nouns)."""
        shorts: set[tuple[str, ...]] = set()
        # persons named in full with a listed first name ("Heinrich Büssing"), not a job title the model took
        # for a name ("Concept Development [Nordex]" PER)
        persons = [e for e in ents if e.label_ == "PER" and any(t.text in self.first_names for t in e)]
        for e in ents:
            if e.label_ != "ORG" or len(e) < 2 or (e[-1].text not in self.legal_forms and e[-1].text not in self.company_heads):
                continue
            name = e[:-1]
            while len(name) > 1 and (name[-1].text in self.legal_forms or name[-1].text in self.company_heads
                                     or name[-1].text in ("&", "Co", "Co.", "und")):
                name = name[:-1]  # "Haufe Lexware GmbH & Co KG", "Nordex Group SE"
            words = tuple(t.text for t in name)
            if not all(w[:1].isupper() or w[:1].isdigit() for w in words) or not any(w[:1].isalpha() for w in words):
                continue
            text = " ".join(words)
            if self.listed_place(text):
                continue  # "Göttingen GmbH": the town's company; "Göttingen" stays the town
            if len(words) == 1 and (text in self.surnames or common_noun_lemma(text) is not None
                                    or _in_longer_person(text, persons)):
                continue
            if any(w in self.first_names for w in words):
                continue  # "Max Jüdel & Co.": a firm named after its founder, who is named so too
            shorts.add(words)
        if not shorts:
            return ents
        taken = {i: e for e in ents for i in range(e.start, e.end)}
        taken_other = date_figure_tokens(doc)
        out, added = [], []
        for e in ents:
            words = tuple(t.text for t in e)
            tail = next((w for w in shorts if len(words) > len(w) and words[-len(w):] == w), None)
            if tail is not None and not self.followed_by_form(doc, e.end) \
                    and not any(t.text in self.first_names for t in e[:-len(tail)]) \
                    and (e.label_ == "PER" or (e.label_ == "ORG" and e.start > 0 and self.is_role(doc[e.start - 1]))):
                # "Project Manager [Concept Development Nordex]" PER, or ORG after a role word: a job title before
                # the company (as PER its last word would else be voted the surname of a person and win over the
                # company); not an ORG whose name ends in another's ("Vox, [Super RTL]" of "RTL Group", Wikinews train)
                e = Span(doc, e.end - len(tail), e.end, label="ORG", kb_id=e.kb_id_)
                repaired.append(e)
                typed.append(e)
            elif e.label_ in ("PER", "LOC") and words in shorts and not self.followed_by_form(doc, e.end):
                e = Span(doc, e.start, e.end, label="ORG", kb_id=e.kb_id_)
                repaired.append(e)
                typed.append(e)
            out.append(e)
        for words in shorts:
            n = len(words)
            for i in range(len(doc) - n + 1):
                if doc[i].text != words[0] or tuple(t.text for t in doc[i:i + n]) != words or self.followed_by_form(doc, i + n):
                    continue
                if any(j in taken or j in taken_other for j in range(i, i + n)) \
                        or any(t.pos_ not in ("PROPN", "X") for t in doc[i:i + n]):
                    continue  # a mention the tagger reads as a common noun ("im [Fußball]" of "Fußball AG")
                span = Span(doc, i, i + n, label="ORG")
                added.append(span)
                taken.update({j: span for j in range(i, i + n)})
        out = with_added(out, added, repaired, typed)
        return out

    def followed_by_form(self, doc: Doc, end: int) -> bool:
        """The words before `end` go on into a legal form or company head ("Nordex [SE]"): the full name."""
        return end < len(doc) and (doc[end].text in self.legal_forms or doc[end].text in self.company_heads)

    def news_source(self, doc: Doc, ent: Span, persons: list[Span]) -> bool:
        if len(ent) != 1:
            return False  # a person named in full ('zitiert Sergei Voznyak', Wikinews train 3x)
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if before not in self.source_before and before not in self.source_before_verbs and after not in self.source_after:
            return False  # session 32: also "berichtet [Wired]", "schreibt [Politico]" (``before_verbs``)
        word = ent[0].text
        if word in self.first_names or word in self.surnames:
            return False
        return not _in_longer_person(word, persons)

    def appositive_inside(self, ent: Span) -> bool:
        """'[Erneuerbare-Energien-Unternehmen Invenergy]' (one ORG span from the model): the span
        starts with a hyphenated organisation noun (its last part an ORG word of
        ``appositive_heads``/``org_apposition_heads``) before a capitalised word, which says what
        the rest is and is no part of the name (annotations/GUIDELINES.md: 'Reederei [Hapag-Lloyd]').
        Only hyphenated nouns: "Bundesverband Deutscher ..." and "Verband der ..." are names."""
        first = ent[0].text
        rest = ent[1:].text
        if len(ent) < 2 or "-" not in first or not ent[1].text[:1].isupper() \
                or {rest, rest.removesuffix("s")} & self.known_places or "Gen" in ent[-1].morph.get("Case"):
            return False  # "[LGBT-Bewegung Chiles]": the movement of a place (Wikinews dev), no apposition
        head = first.rsplit("-", 1)[-1].casefold()
        return self.appositive_heads.get(head) == "ORG" or self.org_apposition_heads.get(head) == "ORG"

    def org_lead_noun(self, ent: Span) -> bool:
        """'[Gewerkschaft IG Metall]', '[Zeitschrift Science]', '[Modulanbieter IBC]', '[Marktforschungsinstitut
        GfK]', '[Linkspartei Podemos]' (one ORG span from the model): an ORG span that starts with an organisation
        noun of ``appositive_heads``/``org_apposition_heads`` (the whole word or a compound's end, no hyphen: that is
        `appositive_inside`) before a name of its own, which the noun only describes (annotations/GUIDELINES.md:
        role words and descriptors outside, 'Reederei [Hapag-Lloyd]'; the Wikinews train/dev gold puts such a noun
        outside the ORG 341 times). The rest is a name of its own where its first word is a proper noun (tagger),
        an acronym or a word with an inner capital ('proPellets'), and no word of it is a common noun of the lemma
        table, a word the Bundestag protocols write in lower case (``lowercase_forms.min_count``: "Deutscher"), an
        adjective, article, preposition, conjunction, number or lower-case word, a place of the lists or a legal
        form (after an acronym, a common noun belongs to the name: "IG Metall"): "Gewerkschaft Deutscher Lokomotivführer", "Verband der ...", "Gewerkschaft Erziehung und
        Wissenschaft", "Piratenpartei Deutschland", "Genossenschaftsverband Bayern", "Wirtschaftsförderungsgesellschaft
        Nordfriesland mbH" are names as a whole and stay. Not a noun of ``org_lead_nouns.keep_heads`` that starts
        official names itself ("Bank Austria", "Institut Pasteur", "Club Bouliste Monegasque"), nor an acronym of the
        noun itself ("Vnesheconombank VEB"), nor where a capitalised proper noun right before the span may start the
        name ("Raiffeisen [Bank International]"). Our rule (session 34, issue 13: on the dev sets' ORG errors and the
        10kGNAD/web pool; switch ``org_lead_nouns``)."""
        if not self.org_lead_nouns or ent.label_ != "ORG" or len(ent) < 2:
            return False
        first, rest = ent[0].text, ent[1:]
        if "-" in first or not first[:1].isupper() or first in self.org_lead_keep or not self.org_noun_end(first):
            return False
        word = rest[0].text
        if not (rest[0].pos_ in ("PROPN", "X") or (word.isupper() and len(word) >= 2) or any(c.isupper() for c in word[1:])):
            return False
        if not (word[:1].isupper() or any(c.isupper() for c in word[1:])):
            return False
        if self.acronym_backed_leads and self.acronym_after_spells_rest(ent):
            return True  # '[Jihadistenmiliz Islamischer Staat] (IS)': the acronym names the rest alone (session 37)
        counts = corpus_counts()
        acronym = word.isupper() and len(word) >= 2  # "IG Metall", "HD Austria": a name that starts with an acronym
        for t in rest:
            w = t.text
            if t.pos_ in ("ADJ", "DET", "ADP", "CCONJ", "NUM", "PUNCT") or not any(c.isupper() for c in w) \
                    or w in self.legal_forms \
                    or any(self.listed_place(p) or self.listed_place(p.removesuffix("s")) for p in {w, *w.split("-")} if p):
                return False  # "Verkehrsclub [Deutschland]", "Bank [of] England", "[Nordfriesland] mbH"
            if not acronym and not w.isupper() and (self.lemma_noun(w) or counts.get(w[:1].lower() + w[1:], 0) >= self.lowercase_min_count):
                # a common noun ("Gewerkschaft [Erziehung] und Wissenschaft", "Bauen-Agrar-[Umwelt]") or a word the
                # Bundestag protocols write in lower case ("Gewerkschaft [Deutscher] Lokomotivführer", tagged PROPN)
                return False
        if len(rest) == 1 and word.isupper() and word[0] == first[0].upper():
            return False  # "Vnesheconombank VEB": the name's own acronym
        doc = ent.doc
        if ent.start > 0 and doc[ent.start - 1].pos_ == "PROPN" and doc[ent.start - 1].text[:1].isupper() \
                and not doc[ent.start - 1].is_sent_start:
            return False  # "Raiffeisen [Bank International]": the name may start before the span
        return True

    def acronym_after_spells_rest(self, ent: Span) -> bool:
        """'[Jihadistenmiliz Islamischer Staat] (IS)', '[Terrororganisation Islamischer Staat] (IS)' (10kGNAD): the
        acronym in brackets right after the ORG span has the initials of its words after the first (`initials_match`)
        and is not spelt by the whole span (`spells`): the text names the organisation by the rest, so the first word
        only describes it, though the rest holds an adjective that `org_lead_noun` otherwise takes for part of one
        name ('Gewerkschaft Erziehung und Wissenschaft (GEW)', 'Arbeiterpartei Kurdistans (PKK)': the acronym spells
        the whole, which stays). Our rule (session 37, issue 13)."""
        doc = ent.doc
        if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
            return False
        acronym = doc[ent.end + 1].text
        if not (acronym.isalpha() and acronym.isupper() and len(acronym) >= 2):
            return False
        words = [t.text for t in ent]
        return self.initials_match(acronym, words[1:]) and not self.spells(acronym, words)

    def compound_org_lead(self, ent: Span) -> bool:
        """'[Outdoorausrüster Mammut]', '[Fahrzeugeinrichter Sortimo]' (one PER span from the model):
        a PER span that starts with a compound (no hyphen) ending in an ORG word of
        ``appositive_heads``/``org_apposition_heads`` after a modifier of at least
        `_COMPOUND_MODIFIER_MIN` letters, before a capitalised word: the compound says what the
        rest is, an organisation, and is no part of its name (our rule, session 29, issue 13: two
        companies of an unseen web sample were PER on every mention so). PER only: an ORG or LOC
        span may start so ("Bundesverband Deutscher ..."); not where the compound is a listed first name or
        surname, nor where a word after it is a listed first name."""
        first = ent[0].text
        if ent.label_ != "PER" or len(ent) < 2 or "-" in first or not ent[1].text[:1].isupper() \
                or first in self.first_names or first in self.surnames or not first[:1].isupper() \
                or any(t.text in self.first_names for t in ent[1:]):
            return False  # "Basketballriese [Dirk Nowitzki]", "Clubbetreiber [Stefan Mayer]": a person (session 29 review)
        word = first.casefold()
        return any(self.appositive_heads.get(word[k:]) == "ORG" or self.org_apposition_heads.get(word[k:]) == "ORG"
                   for k in range(_COMPOUND_MODIFIER_MIN, len(word) - 1))

    def appositive_label(self, doc: Doc, start: int, inside: Optional[set[int]] = None) -> Optional[str]:
        """The label that the common noun right before token `start` (or before its opening
        quote) announces: 'Reederei [Hapag-Lloyd]' -> ORG, 'Musikzeitschrift „[Billboard]“' ->
        ORG, 'Region [Basel]' -> LOC (``appositive_heads``); None when there is none. The noun
        may be the end of a compound ('Rüstungskonzern') or its last hyphen part
        ('US-Institut'); a name ('Düsseldorf') or a word inside an entity is no such noun."""
        i = start - 1
        quoted = i >= 0 and doc[i].text in self.trailing_openers
        if quoted:
            i -= 1
        in_entity = i >= 0 and (bool(doc[i].ent_type_) if inside is None else i in inside)
        if i < 0 or in_entity or doc[i].text in self.known_names or not doc[i].text[:1].isupper():
            return None
        word = doc[i].text.rsplit("-", 1)[-1].casefold()
        for k in range(len(word) - 1):
            if k == 0 or k >= _COMPOUND_MODIFIER_MIN:
                label = self.appositive_heads.get(word[k:]) or (self.org_apposition_heads.get(word[k:])
                                                                if self.org_apposition else None) \
                    or (self.quoted_work_heads.get(word[k:]) if quoted and word not in self.not_work_heads else None)
                if label is not None:
                    return label
        return None

    def appositive_name(self, doc: Doc, start: int, taken: set[int], most: int = _QUOTED_MAX,
                        any_case: bool = False) -> Optional[tuple[int, int]]:
        """Token bounds of a name the model missed right after an appositive noun: the words
        between quotes ('Zeitung „Hürriyet“', at most `most` tokens, the first one
        capitalised, or any word with `any_case`: a title after a noun of works) or a run of proper nouns
        ('US-Institut Stratfor'); None when the tokens
        are taken by an entity, or are no name."""
        if start >= len(doc) or start in taken:
            return None
        if doc[start - 1].text in self.trailing_openers:
            for end in range(start + 1, min(len(doc), start + most + 1)):
                t = doc[end]
                if t.text in _CLOSING_QUOTES:
                    ok = (any_case or doc[start].text[:1].isupper()) and not any(i in taken for i in range(start, end)) \
                        and not any(doc[i].is_sent_start for i in range(start + 1, end))
                    return (start, end) if ok else None
            return None
        end = start
        while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].is_alpha and (end == start or not doc[end].is_sent_start):
            end += 1
        return (start, end) if end > start else None


def _in_longer_person(word: str, persons: list[Span]) -> bool:
    """Is `word` (or its genitive) a word of a person named by more than one word in the text ("Hanif Atmar" ...
    "laut Atmar")? Then a one-word source named so is that person, no organisation."""
    return any(len(p) > 1 and any(t.text in (word, word + "s") or word in (t.text, t.text + "s") for t in p)
               for p in persons)
