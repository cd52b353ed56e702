"""`about` from the figure's clause and text around it when no counted noun follows it: measuring verbs, change nouns,
purposes, shares, elliptic counts, tables and lists."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..dates import attributive_before_noun, has_ann, sentence_bounds
from ..dates.text import doc_text
from ..ext import DATE_SPANS
from ..normalize import lookup_unit, multiplier
from .common import _ADJ_ENDINGS, _ADJ_INFL, _GEN_DEPS, _NOUN_POS, _TIME_UNITS, _next, _prev

# the rules whose `about` of a percentage is the whole it is a share of (`_share_sentence_before`)
# (session 29: `share_subject` too, a share that took the whole of the share before it: dev7 wn29071 "Uwe Barthel
# errang 16,79 Prozent, Karl-Friedrich Zais ... 12,10 Prozent", where the parse makes the first share the subject)
_WHOLE_RULES = frozenset({"partitive_genitive", "elliptic_share", "vote_share", "share_subject"})


def _date_tokens(doc: Doc) -> set[int]:
    """The indices of the tokens inside the Doc's DATE spans."""
    return {k for sp in doc.spans.get(DATE_SPANS, []) for k in range(sp.start, sp.end)}


def _share_figure(sp: Span) -> bool:
    """A figure that is a share: a percentage, or a fraction without a unit ("ein Drittel", 0.33)."""
    return sp._.unit == "%" or (sp._.unit is None and isinstance(sp._.value, (int, float)) and 0 < sp._.value < 1)


class AboutContextRules:
    """Methods of `FigureRecognizer` for the job named above (component.py composes the mixins into it)."""

    def _about_context(self, doc: Doc, f: dict) -> Optional[Token]:
        """`_about_verb`, and for money that no other rule explains, its purpose (`_purpose`)."""
        self._purpose_ctx = None
        tok = self._about_verb(doc, f)
        # read and cleared: the component keeps no token of a Doc after the call (the pipeline pickles)
        purpose, self._purpose_ctx = self._purpose_ctx, None
        if tok is None and purpose is not None:
            tok = self._purpose(doc, f, *purpose)
        return tok

    def _elliptic_count(self, doc: Doc, prev_span: Span, f: dict) -> bool:
        """A bare count with no noun of its own counts what the count before it counted: in its
        sentence ("von den neun Gründungsmitgliedern sind nur noch sechs übrig", "rund 30.000
        Menschen ..., in Medienberichten ist von etwa 20.000 die Rede": an article or a
        preposition after the count starts a phrase of its own), or in the sentence before
        after a word of `elliptic_cues` ("20.000 Menschen ... Weitere 5.000")."""
        if not prev_span._.about or prev_span._.unit is not None:
            return False
        if not self._same_sentence(doc, prev_span.start, f["num"]):
            s0 = sentence_bounds(doc, f["num"])[0]
            q0 = self._qualifier_start(doc, f["start"])
            if q0 == 0 or (doc[q0 - 1].text.lower() not in self.elliptic_cues and not self._expletive_count(doc, f, s0, q0)
                           and not self._partitive_opening(doc, s0, q0)) or \
                    sentence_bounds(doc, prev_span.start)[1] != s0:
                return False
        nxt = _next(doc, f["end"] - 1)
        if nxt is None:
            return True
        # a finite verb right after the count: the count is the subject ("und 29 waren Opfer von Entführungen")
        return not self._is_noun(nxt) and (nxt.text.lower() not in self.function_words or nxt.pos_ in ("DET", "ADP", "AUX"))

    def _partitive_opening(self, doc: Doc, s0: int, q0: int) -> bool:
        """Session 30 (our own rule; Wikinews wn72180 "... sind 117 Superdelegierte nicht an ein Vorwahlergebnis gebunden.
        Von diesen haben sich bislang nur 39 öffentlich ... entschieden"): the count's sentence opens with "davon" or
        "von" + a pronoun alone (`partitive_pronouns` "openers"), no noun, adjective or punctuation before the count: the
        count is a part of the set the sentence before counted."""
        k = s0 + 1 if doc[s0].text.lower() in self.partitive_adverbs else \
            s0 + 2 if s0 + 1 < q0 and doc[s0].text.lower() in self.partitive_pronoun_before and doc[s0 + 1].text.lower() in self.partitive_openers \
            else None
        return k is not None and not any(t.is_punct or self._is_noun(t) or self._is_adj(t) for t in doc[k:q0])

    def _expletive_count(self, doc: Doc, f: dict, s0: int, q0: int) -> bool:
        """Session 27 (10kGNAD gnad602): a bare count in an "es" + "sein" clause (`_copula_es`; "In Preševo stecken rund
        650 Flüchtlinge fest. In ganz Serbien sind es rund 2.000.") has no subject of its own and continues the count of
        the sentence before, as after "weitere"; no noun between "es" and the count. Not after a number earlier in its
        sentence, which may be the count it continues ("hat Sky 337.000 neue Kunden hinzugewonnen, insgesamt sind es nun
        21 Millionen", gnad671: that count is no FIGURE, so the one before would be the Pence of a dividend)."""
        if any(t.like_num for t in doc[s0:q0]):
            return False
        es = self._copula_es(doc, f, _date_tokens(doc))
        return es is not None and not any(self._is_noun(t) for t in doc[es + 1: q0])

    def _copula_es(self, doc: Doc, f: dict, dates: set[int]) -> Optional[int]:
        """Session 31 (measures.json `copula_continuation`): the index of an expletive "es" before the amount whose
        clause is "es" + a form of "sein" ("waren es 43 Prozent", "sind es in Österreich rund 28.000"; a modal before "es"
        and "sein"/"gewesen" after the amount: "sollen es mehr als 200.000 sein"), with only adverbs, dates and
        prepositional phrases between "es" and the amount (`dates`: the tokens of the DATE spans); else None.
        Session 32: also "es" right before the form of "sein" ("In ganz Serbien sind es rund 2.000", "Es waren 43 Prozent"):
        the one detector of this clause, for the continuation of a figure in its unit (`_copula_continuation`) and of a
        count (`_expletive_count`)."""
        q0 = self._qualifier_start(doc, f["start"])
        s0 = sentence_bounds(doc, f["num"])[0]
        es = None
        for k in range(q0 - 1, max(s0 - 1, q0 - 1 - self.copula_max_between), -1):
            if doc[k].is_punct:
                break
            if doc[k].text.lower() == "es":
                es = k
                break
        if es is None:
            return None
        after = doc[es + 1] if es + 1 < q0 else None
        copula_after = after is not None and after.pos_ == "AUX" and self.lemma(after).lower() == "sein"
        in_pp = False
        for x in doc[es + 1 + copula_after: q0]:
            if x.i in dates or x.pos_ == "ADV":
                continue
            if x.pos_ == "ADP":
                in_pp = True
                continue
            if in_pp and x.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
                continue
            return None
        before = doc[es - 1] if es > s0 else None
        if copula_after or before is not None and before.pos_ == "AUX" and self.lemma(before).lower() == "sein":
            return es
        if before is not None and before.pos_ in ("AUX", "VERB"):
            for x in doc[f["end"]: min(len(doc), f["end"] + 4)]:
                if x.is_punct:
                    break
                if x.text.lower() in self.copula_after_words:
                    return es
        return None

    def _copula_continuation(self, doc: Doc, out: list, f: dict) -> Optional[tuple[str, str]]:
        """Session 31 (our own rule, measures.json `copula_continuation`; unseen 10kGNAD gnad820 "Heuer gab die Hälfte der
        Befragten an, mit dem Auto zur Arbeit zu fahren, vergangenes Jahr waren es 43 Prozent"): an amount with nothing of
        its own in an "es" + "sein" clause (`_copula_es`) continues the last figure before it in its unit (a percentage
        also a fraction share, a count a count; ages passed over), in its sentence or the one before, when that one has an
        `about`: (about, rule).
        A share of a named whole continued after "bei"/"unter" + a common noun before "es" counts that noun ("bei Bosniern
        sind es über 70 Prozent"). Not for a count after a number in its sentence that is neither a date nor a figure
        ("hat Sky 337.000 neue Kunden hinzugewonnen, insgesamt sind es nun 21 Millionen": the count it continues is
        not known)."""
        dates = _date_tokens(doc)
        es = self._copula_es(doc, f, dates)
        if es is None:
            return None
        s0 = sentence_bounds(doc, f["num"])[0]
        figs = {k for sp in out for k in range(sp.start, sp.end)}
        if f["unit"] is None and any(t.like_num and t.i not in dates and t.i not in figs for t in doc[s0: f["start"]]):
            return None
        p0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
        prev = None
        for sp in reversed(out):
            if sp.start < p0:
                break
            if sp._.about_rule == "age":
                continue
            if f["unit"] == "%":
                ok = _share_figure(sp)
            else:
                ok = sp._.unit == f["unit"]
            if ok:
                prev = sp
                break
        if prev is None or not prev._.about:
            # the last one in its unit measures nothing known: no guess past it ("Für 6,4 Prozent eines Jahrgangs ...,
            # 2009/10 waren es noch 7,2 Prozent", 10kGNAD gnad402, took a share of "Kinder" two sentences before)
            return None
        if f["unit"] == "%" and prev._.about_rule in _WHOLE_RULES | self.share_subject_rules:
            for k in range(es - 1, s0 - 1, -1):
                if doc[k].is_punct:
                    break
                if doc[k].text.lower() in self.copula_whole_preps:
                    j = k + 1
                    while j < es and (doc[j].pos_ == "DET" or self._is_adj(doc[j])) and not self._is_noun(doc[j]):
                        j += 1
                    if j < es and doc[j].pos_ == "NOUN" and self._measured_noun(doc[j]) and not doc[j].ent_type_:
                        return self.about_lemma(doc, doc[j]), "copula_whole"
                    break
        return prev._.about, "copula_continuation"

    def _accusative_before(self, doc: Doc, f: dict, v: Token) -> Optional[Token]:
        """Session 37 (our own rule; unseen 10kGNAD gnad480 "hatte der Volkskongress im Frühjahr den Militäretat des
        Landes bereits das fünfte Jahr in Folge zweistellig um 10,1 Prozent auf 127 Milliarden Euro erhöht": the parse
        hangs "Militäretat" on the adverb "zweistellig", so the verb has no object and its subject was taken): the object
        of an object-measuring verb read off the surface, the last singular noun of the figure's clause before it that
        an accusative article (`accusative_articles`, "den") opens with no preposition before the article (a dative
        plural "mit den Ländern" is no object), inside the verb's clause."""
        c0, _c1 = self._clause_of(doc, f)
        q0 = self._qualifier_start(doc, f["start"])
        # after a verb before the figure ("erhöhte den Etat um drei Prozent"), else from the clause's start (verb-final)
        lo = max(c0, v.i + 1) if v.i < q0 else c0
        for k in range(q0 - 1, lo - 1, -1):
            t = doc[k]
            if t.pos_ != "NOUN" or "Plur" in t.morph.get("Number"):
                continue
            det = next((d for d in t.children if d.pos_ == "DET" and d.i < t.i), None)
            if det is None or det.text.lower() not in self.accusative_articles:
                continue
            if det.i > 0 and doc[det.i - 1].pos_ == "ADP":
                continue
            return t
        return None

    def _copula_es_after(self, doc: Doc, f: dict) -> bool:
        """Session 37: the count opens an "N + sein + es" clause, past the other counts of its list ("Nur noch 335, 338,
        180, 50 und 200 waren es vergangene Woche"): the mirror of `_copula_es`'s "es" before the amount."""
        s1 = sentence_bounds(doc, f["num"])[1]
        k = f["end"]
        while k < s1 and (doc[k].like_num or doc[k].text in (",", "-", "–") or doc[k].text.lower() in self.coordinators):
            k += 1
        return k + 1 < s1 and doc[k].pos_ == "AUX" and self.lemma(doc[k]).lower() == "sein" and doc[k + 1].text.lower() == "es"

    def _copula_count_set(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 37 (our own rule, measures.json `copula_continuation` "set_containers"/"set_quantity_words"; unseen
        10kGNAD gnad243 "Seit einer Woche gingen die Zahlen der ... geflüchteten Menschen deutlich zurück. Nur noch 335,
        338, 180, 50 und 200 waren es", gnad68 "Hätten die Deutschen ... genau so viele Menschen aufgenommen wie
        Österreich, dann wären es 2015 rund 900.000 gewesen"): a bare count in an "es" + "sein" clause with no figure to
        continue (`_copula_continuation` found none) has no noun of its own: it is the size of the set its sentence
        before it, or the sentence before, named as a number, the genitive of "Zahl" or the noun of "so viele"; the
        last such noun. None when that sentence names none (no guess from any plural noun)."""
        if f["unit"] is not None:
            return None
        nxt = _next(doc, f["end"] - 1)
        if nxt is not None and self._is_noun(nxt):
            return None
        s0 = sentence_bounds(doc, f["num"])[0]
        q0 = self._qualifier_start(doc, f["start"])
        if self._copula_es(doc, f, _date_tokens(doc)) is None and not self._copula_es_after(doc, f):
            return None
        p0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
        for k in range(q0 - 1, p0 - 1, -1):
            t = doc[k]
            if not self._is_noun(t) or t.pos_ == "PROPN" or t.ent_type_:
                continue
            if t.text.lower() in self.copula_set_containers:
                gen = next((c for c in t.children if c.i > t.i and c.pos_ in _NOUN_POS and c.dep_ in _GEN_DEPS
                            and self._genitive_like(c) and self._measured_noun(c)), None) or self._genitive_after(t)
                if gen is not None and gen.i < q0:
                    return gen
            elif k > p0 and doc[k - 1].text.lower() in self.copula_set_quantity_words and self._measured_noun(t):
                return t
        return None

    def _vote_context(self, doc: Doc, f: dict) -> bool:
        """Does the figure's sentence, or one of the `sentences_before` before it, name an election,
        a vote or a poll (`vote_shares`)?"""
        s0, s1 = sentence_bounds(doc, f["num"])
        for _ in range(self.vote_sentences_before):
            if s0 == 0:
                break
            s0 = sentence_bounds(doc, s0 - 1)[0]
        tagged = has_ann(doc, "POS")
        for t in doc[s0:s1]:
            low = t.text.lower()
            # a noun that starts or ends with a cue ("Wahlgang", "Landtagswahlen"), not a verb ("bestimmen"),
            # also not one that opens a sentence ("Bestimmen Sie selbst, ..."): tagged, a NOUN or PROPN;
            # untagged, no sentence's first word
            if tagged and t.pos_:
                if t.pos_ not in ("NOUN", "PROPN"):
                    continue
            elif not t.text[:1].isupper() or sentence_bounds(doc, t.i)[0] == t.i:
                continue
            if any(low.startswith(p) or low.endswith(tuple(p + e for e in self.vote_part_endings)) for p in self.vote_parts) \
                    and not any(p in low for p in self.vote_not_parts):
                return True
        return False

    def _vote_pair(self, doc: Doc, f: dict) -> bool:
        """Session 32 (measures.json `vote_shares` "pair_links"): is the bare count one of a pair "N zu M" with nothing
        after it ("stimmten mit 322 zu 306 für einen Antrag"), in a sentence with a verb of voting or a noun of a vote?"""
        n = len(doc)
        first = f["end"] + 1 < n and doc[f["end"]].text.lower() in self.vote_pair_links and doc[f["end"] + 1].like_num
        second = f["start"] >= 2 and doc[f["start"] - 1].text.lower() in self.vote_pair_links and doc[f["start"] - 2].like_num
        if not (first or second):
            return False
        last = f["end"] + 1 if first else f["end"] - 1
        if last + 1 < n and self._is_noun(doc[last + 1]):
            return False  # "mit 178 zu 120 Stimmen": the noun says it
        s0, s1 = sentence_bounds(doc, f["num"])
        return any(t.pos_ in ("VERB", "AUX") and self.lemma(t).lower() in self.vote_pair_verbs
                   or t.pos_ == "NOUN" and t.text.lower() in self.vote_pair_nouns for t in doc[s0:s1])

    @staticmethod
    def _last_count(out: list) -> Optional[Span]:
        """The last figure before that is no age: an age in brackets between a count and its elliptic
        continuation ("14 der 19 Personen (alle im Alter zwischen 17 und 35 Jahren) wohnen in London und
        vier in Buckinghamshire") counts nothing the continuation shares."""
        return next((sp for sp in reversed(out) if sp._.about_rule != "age"), None)

    def _partitive_set(self, doc: Doc, prev_span: Span, f: dict) -> bool:
        """Issue 18 (dev11 wn75087): a share in the sentence of a set opened by "von den" ("Von den 643
        Messstationen, die in Deutschland betrieben werden, zeigten 52 Prozent ...") is a share of that set."""
        return prev_span.start >= 2 and doc[prev_span.start - 1].text.lower() in ("den", "diesen") \
            and doc[prev_span.start - 2].text.lower() in self.von and self._same_sentence(doc, prev_span.start, f["num"])

    @staticmethod
    def _list_item_count(doc: Doc, prev_span: Span, f: dict) -> bool:
        """Issue 18 (dev13 wn34485): in a list whose items are lines of one shape, the first naming what its
        number is and the rest leaving it out ("Peter Swidler ( Russland, Rating: 2.750)" / "Alexander
        Morosewitsch ( Russland, 2.747)"), a bare count that closes its item's bracket after a comma, in
        the line right after the line of the count before, which closed its bracket the same way, counts
        the same."""
        if not prev_span._.about or prev_span._.unit is not None or f["start"] < 1 or prev_span.start < 1:
            return False

        def closes_item(start: int, end: int) -> bool:
            return doc[start - 1].text in (",", ":") and end < len(doc) and doc[end].text == ")" \
                and (end + 1 >= len(doc) or "\n" in doc[end].whitespace_ or doc[end + 1].is_space or doc[end + 1].is_title)

        if doc[f["start"] - 1].text != "," or not closes_item(f["start"], f["end"]) \
                or not closes_item(prev_span.start, prev_span.end):
            return False
        between = doc[prev_span.end: f["start"]]
        return sum(t.text.count("\n") + t.whitespace_.count("\n") for t in between) == 1 or (
            not any("\n" in t.text or "\n" in t.whitespace_ for t in between) and doc[prev_span.end + 1].is_title)

    def _further_count(self, doc: Doc, out: list, f: dict) -> Optional[str]:
        """A bare count right after or before a word of `elliptic_cues` ("weitere 929", "35 weitere")
        with no noun after it counts what the count before it in its sentence counted, or, with none,
        the noun an article counts there ("kam ein Mensch ums Leben, 35 weitere wurden verletzt")."""
        if f["unit"] is not None or (f["scale"] != 1 and not f["bare"]):
            # no unit, and no scale unless bare: the precedence Python gave it, written out (no test
            # tells it from "(unit or scale) and not bare")
            return None
        q0 = self._qualifier_start(doc, f["start"])
        j = f["end"]
        if j < len(doc) and doc[j].text.lower() in self.elliptic_cues:
            j += 1
        elif not (q0 > 0 and doc[q0 - 1].text.lower() in self.elliptic_cues):
            return None
        if j < len(doc) and (self._is_noun(doc[j]) or doc[j].pos_ in ("ADJ", "VERB") and _ADJ_INFL.match(doc[j].text)
                             and attributive_before_noun(doc[j], _ADJ_ENDINGS, self._is_noun)):
            return None  # "weitere 20 Soldaten", "weitere 20 verletzte Soldaten": the count has its own noun
        last = self._last_count(out)
        if last is not None and last._.about and last._.unit is None and self._same_sentence(doc, last.start, f["num"]):
            return last._.about
        s0 = sentence_bounds(doc, f["num"])[0]
        for k in range(q0 - 2, s0 - 1, -1):
            if doc[k].text.lower() in self.article_forms and self._measured_noun(doc[k + 1]):
                return self.about_lemma(doc, doc[k + 1])
        return None

    def _share_whole(self, doc: Doc, out: list, f: dict) -> Optional[str]:
        """Session 23 (dev15): the `about` of the last share before ``f``, when it is in ``f``'s sentence and
        measured its genitive ("33 Prozent der Befragten": `partitive_genitive`), the whole it is a share of."""
        prev = next((sp for sp in reversed(out) if sp._.unit == "%"), None)
        if prev is None or prev._.about_rule != "partitive_genitive" or not prev._.about \
                or not self._same_sentence(doc, prev.start, f["num"]):
            return None
        return prev._.about

    def _share_sentence_before(self, doc: Doc, out: list, f: dict) -> Optional[str]:
        """Session 26 (dev7, dev16): a percentage that measures nothing of its own, in the sentence right after
        (or in the sentence of) a share of a named whole ("240 Prozent der Wirtschaftsleistung. ... Griechenland
        (180 Prozent)") or a vote share, is a share of that whole: the `about` of the last percentage before it,
        when that one's came from its genitive (`partitive_genitive`, `elliptic_share`) or the vote (`vote_share`);
        not after a share whose `about` the parse or a verb gave (dev11: "Stimmenanteil" for three vote shares)."""
        prev = next((sp for sp in reversed(out) if sp._.unit == "%"), None)
        if prev is None or prev._.about_rule not in _WHOLE_RULES or not prev._.about:
            return None
        s0, _ = sentence_bounds(doc, f["num"])
        p0, p1 = sentence_bounds(doc, prev.start)
        if not (p0 == s0 or s0 - 1 <= p1 <= s0) or self._verb_in_clause(doc, f["start"], f["end"]):
            return None  # a clause with its own verb says what it measures, or does not ("viele Firmen sparen 20 Prozent")
        return prev._.about

    def _bracket_share(self, doc: Doc, out: list, f: dict) -> Optional[str]:
        """Session 33 (our own rule, measures.json `bracket_measure.share_nouns`; web pages and 10kGNAD survey
        reports): a percentage that alone fills a bracket restates the share right before the bracket: after a
        share figure (a percentage or a fraction: "mehr als ein Drittel (36 Prozent)") what that one counts, after
        a share noun with its genitive ("Die Mehrheit der Beschäftigten (56 Prozent)", "Rund die Hälfte der
        Werbeaufträge (48 Prozent)") the genitive."""
        q0 = self._qualifier_start(doc, f["start"])
        if q0 < 2 or doc[q0 - 1].text != "(" or f["end"] >= len(doc) or doc[f["end"]].text != ")":
            return None
        before = doc[q0 - 2]
        if out and out[-1].end == q0 - 1:
            prev = out[-1]
            share = _share_figure(prev)
            return prev._.about if share and prev._.about else None
        if before.pos_ in _NOUN_POS and not before.ent_type_ and before.dep_ in _GEN_DEPS \
                and self.lemma(before.head).lower() in self.bracket_share_nouns and before.head.i < before.i \
                and any(c.text.lower() in self.genitive_determiners for c in before.children if c.i < before.i):
            return self.about_lemma(doc, before)
        return None

    def _share_subject(self, doc: Doc, out: list, f: dict) -> Optional[str]:
        """Session 29 (our own rule, measures.json `share_subject`; unseen 10kGNAD surveys): a percentage with
        nothing of its own whose unit word is the subject of a verb outside the measuring verbs ("47 Prozent von
        ihnen könnten sich vorstellen", "22 Prozent sprechen sich ... aus", "Ganze 83 Prozent gäben ihr Okay")
        counts the whole of the last share before it (a percentage, or a fraction with no unit, whose `about`
        came from its genitive or such a chain), in its sentence or the sentence right before."""
        unit_tok = doc[f["end"] - 1]
        verb = unit_tok.head
        # session 33 (web page "46 Prozent gaben an, dass ..."): a verb that measures its object ("angeben", "schätzen")
        # measures nothing of its subject, so a share that is its subject is a share of the whole too
        if unit_tok.dep_ not in self.subject_deps or verb.i == unit_tok.i or verb.pos_ not in ("VERB", "AUX") \
                or self.verb_lemma(verb) in self.measuring_verbs:
            return None
        prev = next((sp for sp in reversed(out) if sp._.unit == "%" or (
            self.share_subject_fractions and sp._.unit is None and isinstance(sp._.value, (int, float)) and 0 < sp._.value < 1)), None)
        if prev is None or prev._.about_rule not in self.share_subject_rules or not prev._.about:
            return None
        s0, _ = sentence_bounds(doc, f["num"])
        p0, p1 = sentence_bounds(doc, prev.start)
        if not (p0 == s0 or s0 - 1 <= p1 <= s0):
            return None
        return prev._.about

    @staticmethod
    def _verb_in_clause(doc: Doc, start: int, end: int) -> bool:
        """Whether a verb (POS VERB or AUX) stands in the clause of the tokens start..end: between the
        punctuation mark or bracket before them and the one after them."""
        i = start - 1
        while i >= 0 and not (doc[i].is_punct or doc[i].is_sent_start):
            if doc[i].pos_ in ("VERB", "AUX"):
                return True
            i -= 1
        if i >= 0 and not doc[i].is_punct and doc[i].pos_ in ("VERB", "AUX"):
            return True
        j = end
        while j < len(doc) and not doc[j].is_punct and not doc[j].is_sent_start:
            if doc[j].pos_ in ("VERB", "AUX"):
                return True
            j += 1
        return False

    def _same_unit_earlier(self, out: list, f: dict) -> Optional[Span]:
        """The last figure before ``f`` in the article in its unit whose `about` is no bare quantity noun."""
        for sp in reversed(out):
            if sp._.unit == f["unit"] and sp._.about and sp._.about.lower() not in self.bare_quantity_nouns:
                return sp
        return None

    def _same_unit_before(self, doc: Doc, out: list, f: dict) -> Optional[Span]:
        """The figure before ``f`` in its sentence that says what an amount with nothing of its
        own measures: the last one in the same unit, counts between skipped ("eine Geldstrafe
        von 20.000 Euro (für jedes der vier Vergehen 5.000 Euro)"), or a money amount right
        before a bracket that converts it ("für 248 Millionen US-Dollar (etwa 210 Millionen Euro)")."""
        q0 = self._qualifier_start(doc, f["start"])
        if out and out[-1]._.about and f["unit"] in self.money_units and out[-1]._.unit in self.money_units \
                and q0 > 0 and doc[q0 - 1].text == "(" and out[-1].end == q0 - 1:
            return out[-1]
        for sp in reversed(out):
            if not self._same_sentence(doc, sp.start, f["num"]):
                return None
            if sp._.unit == f["unit"]:
                return sp if sp._.about else None
            if sp._.unit is not None:
                return None
        return None

    def _unit_davon_before(self, doc: Doc, out: list, f: dict) -> Optional[Span]:
        """Session 33 (our own rule): for an amount with a unit (no share, no time) right before "davon" (`partitive_pronouns`
        "adverbs"), the last figure before it in the same unit, in its sentence or the one before, when that one has an
        `about`: "180 Quadratmeter davon" after "ein ... Flächenfußabdruck von 2.022 Quadratmetern" (the sentence before)."""
        if f["unit"] in (None, "%") or f["unit"] in _TIME_UNITS or f["end"] >= len(doc) \
                or doc[f["end"]].text.lower() not in self.partitive_adverbs:
            return None
        s0 = sentence_bounds(doc, f["num"])[0]
        p0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else 0
        for sp in reversed(out):
            if sp.start < p0:
                return None
            if sp._.unit == f["unit"]:
                return sp if sp._.about else None
        return None

    def _own_noun_subject(self, doc: Doc, before: Span, f: dict) -> Optional[Token]:
        """Session 29 (our own rule; session 28's reading of `elliptic_unit`): the common-noun subject of the
        figure's own clause, when it stands after the amount before (`before`) and is no part of the figure:
        "wobei die Treibstoffpreise mit minus 16,8 Prozent ... wirkten" (gnad493), "der Onboardspeicher (eMMC) ist
        mit 64 GB dimensioniert" (gnad996) measure their own subject, not the amount before's. A name (PROPN) or a
        pronoun as subject leaves the amount before its say ("liegt HTC Vive 200 Dollar über dem Startpreis"), as does a
        figure in brackets, an apposition ("liegt das Nexus 6P ... hinter ... dem Galaxy S6 (388 MBit/s)", gnad473)."""
        if not has_ann(doc, "DEP"):
            return None
        verb, below = doc[f["num"]], None
        for _ in range(6):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb, below = verb.head, verb
        if below is not None and below.dep_ in self.object_deps:
            return None  # the verb's object: "die Forscher bewerteten ... nur 50 Prozent davon" (gnad17)
        for _ in range(3):  # up the auxiliaries and copulas: "ist ... dimensioniert"
            if verb.pos_ not in ("VERB", "AUX", "ADJ"):
                return None
            subj = [c for c in verb.children if c.dep_ in self.subject_deps]
            if subj:
                s = subj[0]
                if s.pos_ == "NOUN" and before.end <= s.i < f["start"] and s.text[:1].isupper() and not s.ent_type_ \
                        and doc[self._qualifier_start(doc, f["start"]) - 1].text != "(" and self._opens_clause(doc, before, s):
                    return s
                return None
            if verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    @staticmethod
    def _opens_clause(doc: Doc, before: Span, s: Token) -> bool:
        """Does the subject `s` stand first in its clause (only its determiner and adjectives after the comma or
        conjunction that opens it: "wobei die Treibstoffpreise")? After a finite verb it may be the object the
        parse took for one ("und hat die Wahlen damit klar vor Ollanta Humala mit 44,5 Prozent gewonnen", dev9
        wn28062: the subject is García, shared with the clause before)."""
        for k in range(s.i - 1, before.end - 1, -1):
            t = doc[k]
            if t.text in (",", ";", "–") or t.pos_ in ("SCONJ", "CCONJ"):
                return True
            if t.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _after_von(self, doc: Doc, i: int) -> bool:
        """"von" (measures.json "change_links") right before doc[i], or with one adverb between:
        "von derzeit 2000 auf rund 15.000 Soldaten"."""
        if i > 0 and doc[i - 1].text.lower() in self.change_from:
            return True
        return i > 1 and doc[i - 1].pos_ == "ADV" and doc[i - 2].text.lower() in self.change_from

    def _change_first(self, doc: Doc, out: list, f: dict) -> Optional[Span]:
        """The count that opens "von X NOUN ... auf Y" when ``f`` is its bare Y: the last figure, a count with
        an `about`, in the same sentence after "von" (`change_links`), and only words of its phrase between
        it and the "auf" right before ``f`` (no verb, no comma)."""
        if not out or not f["bare"]:
            return None
        q0 = self._qualifier_start(doc, f["start"])
        prev = out[-1]
        if q0 < 1 or doc[q0 - 1].text.lower() not in self.change_to or prev._.unit is not None or not prev._.about \
                or not self._same_sentence(doc, prev.start, f["num"]):
            return None
        p0 = self._qualifier_start(doc, prev.start)
        if p0 < 1 or doc[p0 - 1].text.lower() not in self.change_from:
            return None
        if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in doc[prev.end: q0 - 1]):
            return None
        return prev

    def _change_pair_first(self, doc: Doc, out: list, f: dict, unit: Optional[str]) -> Optional[Span]:
        """Session 34 (our own rule): the figure X of "von X ... auf Y" when ``f`` is its Y and X took the noun right
        before "von" (rule "context:von"): the last figure, in Y's unit and sentence, after "von" (`change_links`,
        an adverb between allowed), and no verb, comma or semicolon between it and the "auf" before Y."""
        if not out:
            return None
        q0 = self._qualifier_start(doc, f["start"])
        prev = out[-1]
        if q0 < 1 or doc[q0 - 1].text.lower() not in self.change_to or prev._.about_rule != "context:von" \
                or prev._.unit != unit or not self._same_sentence(doc, prev.start, f["num"]):
            return None
        if not self._after_von(doc, self._qualifier_start(doc, prev.start)):
            return None
        if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in doc[prev.end: q0 - 1]):
            return None
        return prev

    def _changed_from(self, doc: Doc, q0: int) -> bool:
        """Is the amount that starts at ``q0`` (after "auf") the second of "von X auf Y" (`change_links`):
        "von" + a number (an adverb between allowed) right before the "auf"?"""
        k = q0 - 2  # the token before "auf"
        while k >= 0 and (doc[k].like_num or multiplier(doc[k].text) or lookup_unit(doc[k].text) is not None) and q0 - k < 6:
            k -= 1
        return k < q0 - 2 and self._after_von(doc, k + 1)

    def _labels_count(self, doc: Doc, k: int) -> bool:
        """Is doc[k] a plural noun that labels the bare count after it in a table line: "Sitze 7 (",
        "Sitze 0\n"? (A singular noun before a number names its value: "Stufe 3", "Artikel 5".)"""
        t = doc[k]
        if k + 1 >= len(doc) or not t.is_alpha or not t.text[:1].isupper() or not self._is_noun(t) \
                or not re.fullmatch(r"\d+", doc[k + 1].text) or "\n" in t.whitespace_:
            return False
        after = doc[k + 2] if k + 2 < len(doc) else None
        if not (after is None or after.text == "(" or after.is_space or "\n" in doc[k + 1].whitespace_):
            return False
        lem = self.lemma(t)
        return lem != t.text and t.text.startswith(lem[:-1] if lem.endswith("e") else lem)

    def _about_list_heading(self, doc: Doc, f: dict) -> Optional[Token]:
        """A figure of a list after a colon whose heading announces it with a word of `list_headings`
        ("hat für die Parteien folgende Mittelwerte ... ergeben: CDU/CSU 31 Prozent; SPD 28 Prozent"):
        the heading's noun (dev8 annotators' call). The colon is the last one before the figure in
        its sentence, or the end of the sentence before; adjectives between the heading word and its noun are skipped."""
        if f["unit"] is None and f["end"] < len(doc) and self._measured_noun(doc[f["end"]]) \
                and lookup_unit(doc[f["end"]].text) is None:
            # session 29 (web_pages_de, katholisch.at: "mit folgenden Zahlen belegen: 2020 gab es in Österreich
            # 162.000 Alleinerziehende"; our own rule): a count with its own noun right after it says what it counts
            return None
        s0 = sentence_bounds(doc, f["num"])[0]
        colon = next((k for k in range(f["start"] - 1, s0 - 1, -1) if doc[k].text == ":"), None)
        if colon is None:
            # the list on a line of its own: the sentence before ends with the colon
            k = s0 - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k < 0 or doc[k].text != ":":
                return None
            colon, s0 = k, sentence_bounds(doc, k)[0]
        for k in range(s0, colon):
            if doc[k].text.lower() not in self.list_headings:
                continue
            j = k + 1
            while j < colon and self._is_adj(doc[j]) and not self._is_noun(doc[j]):
                j += 1
            if j < colon and self._measured_noun(doc[j]):
                return doc[j]
        return None

    def _table_heading(self, doc: Doc, f: dict) -> Optional[Token]:
        """The noun of a heading line above the figure's line (`table_headings`): a line of at most
        `max_words` words, the first a capitalised noun, the rest capitalised or numbers (a year), that
        ends with a colon ("Wahlergebnisse 2005:"). Up to `lines_before` non-blank lines back; a line of
        prose (ending with a period, more than `prose_words` words) in between ends the search: the
        figure is not in a table under that heading."""
        text = doc_text(doc)
        pos = text.rfind("\n", 0, doc[f["start"]].idx) + 1
        seen = 0
        while pos > 0 and seen < self.table_heading_lines:
            end = pos - 1
            pos = text.rfind("\n", 0, end) + 1
            line = text[pos:end].strip()
            if not line:
                continue
            seen += 1
            words = line[:-1].split()
            if line.endswith(":") and 0 < len(words) <= self.table_heading_words and words[0][:1].isupper() \
                    and all(w[:1].isupper() or w.isdigit() for w in words):
                at = pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
                sp = doc.char_span(at, at + len(words[0]), alignment_mode="expand")
                tok = sp[0] if sp is not None and len(sp) else None
                return tok if self._measured_noun(tok) and tok.pos_ != "PROPN" else None
            if line.endswith(".") and len(line.split()) > self.table_prose_words:
                return None
        return None

    def _about_label(self, doc: Doc, f: dict) -> Optional[Token]:
        """A count that ends a "Label: N" line of a table counts the label: "Stimmberechtigte: 39611",
        "Anzahl Gemeinden: 17 / 17" (a container noun first: the noun after it). Not a percentage: "Partei:
        28.56 %" is a party's result, which the label does not name. An amount with another unit measures a
        one-word label (session 34: "- Gewicht: 186 Gramm")."""
        measure = f["unit"] is not None
        if measure and (f["unit"] == "%" or f["unit"] in _TIME_UNITS):
            return None
        if not measure and f["start"] > 0 and self._labels_count(doc, f["start"] - 1):
            return doc[f["start"] - 1]  # "Sitze 7 (2001: 35,2%)": a plural noun before the count
        k = self._qualifier_start(doc, f["start"]) - 1 if measure else f["start"] - 1
        if k >= 2 and doc[k].text == "/" and doc[k - 1].like_num:
            k -= 2  # the second of "17 / 17"
        elif measure and k >= 2 and doc[k].text.lower() in self.range_links and doc[k - 1].like_num:
            k -= 2  # the second of "Wurfgewicht: 10 bis 40 Gramm"
        nxt = doc[f["end"]] if f["end"] < len(doc) else None
        if k < 1 or doc[k].text != ":" or not (nxt is None or nxt.is_space or "\n" in doc[f["end"] - 1].whitespace_ or nxt.text == ")"
                                                or (nxt.text == "/" and f["end"] + 1 < len(doc) and doc[f["end"] + 1].like_num)):
            return None
        j = k
        while j > 0 and not (doc[j - 1].is_space or "\n" in doc[j - 1].whitespace_):
            j -= 1
            if doc[j - 1].text in ("(", ",") and nxt is not None and nxt.text == ")" and k - j <= 3:
                break  # issue 18: a label inside a list item's bracket ("Peter Swidler (Russland, Rating: 2.750)")
        label = list(doc[j:k])
        if measure:
            # session 34 (our own rule; web pages' spec lists "\\- Länge: 2,44 Meter", "\\- Gewicht: 186 Gramm", "- Preis: 159,90
            # Euro", "- Neupreis: 20.000 Euro", "- Restwert: 10.000 Euro", "- Inhalt: 0,75 l"): an amount with a unit (no
            # percentage, no duration) that ends a line "Label: amount" measures the label, a list item's bullet before it
            while label and not label[0].is_alpha and set(label[0].text) <= set("\\-*•–·"):
                label = label[1:]
            if len(label) != 1 or not self._is_noun(label[0]) or label[0].ent_type_ or lookup_unit(label[0].text) is not None \
                    or label[0].text.lower() in self.period_nouns:
                return None  # a period compared with names no measure: 10kGNAD gnad389 "(Vorjahr: 3,716 Mrd. Euro)"
        if not 0 < len(label) <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in label):
            return None  # the label starts its line and is one to three capitalised words
        if len(label) > 1 and label[0].text.lower() not in self.container_nouns:
            return None
        return label[-1]

    def _about_partitive_genitive(self, doc: Doc, f: dict) -> Optional[Token]:
        """A count of a part of a definite set: "zwei der drei Manager", "drei der wichtigsten
        Firmen", "zwei Drittel der Einnahmen" -> the set's noun (the parse often hangs the count
        on a later noun)."""
        # a percentage too: "Etwa zehn Prozent der achtzig Millionen Ägypter" (the parse hangs the genitive on the number)
        if f["unit"] not in (None, "%") or f["end"] + 1 >= len(doc):
            return None
        share = f["unit"] == "%" or isinstance(f.get("value"), (int, float)) and 0 < f["value"] < 1
        if doc[f["end"]].text.lower() not in self.genitive_determiners and not (
                share and doc[f["end"]].text.lower() in self.share_genitive_articles):
            return None  # session 33: "ein Zehntel eines Bitcoins" (measures.json `share_genitive_articles`)
        k = f["end"] + 1
        while k < min(len(doc), f["end"] + 4) and self._base(doc, k) is None and not self._is_noun(doc[k]) and \
                (doc[k].pos_ == "ADV" or _ADJ_INFL.match(doc[k].text)):
            k += 1  # "130 der noch übrigen 500 Mitarbeiter" (dev6)
        if self._base(doc, k) is None:
            k = f["end"] + 1
        g = self._base(doc, k)
        if g is not None:
            k = g[1]  # "zwei der drei Manager"
            while k < len(doc) and multiplier(doc[k].text):
                k += 1  # "der achtzig Millionen Ägypter"
        k0 = k
        while k < len(doc) and k < k0 + 4 and not self._is_noun(doc[k]) and (
                _ADJ_INFL.match(doc[k].text) or (doc[k].pos_ == "ADV" or doc[k].text == "zu") and g is None
                and k + 1 < len(doc) and (_ADJ_INFL.match(doc[k + 1].text) or doc[k + 1].text == "zu")):
            # "der wichtigsten"; session 14 (dev11 wn72118): a gerundive with its adverb, "die Hälfte der noch
            # zu vergebenden Delegiertenstimmen"
            k += 1
        if k < len(doc) and self._is_noun(doc[k]) and doc[k].text[:1].isupper() and lookup_unit(doc[k].text) is None \
                and not doc[k].ent_type_:
            if doc[f["end"]].text.lower() in self.share_genitive_articles and k + 3 < len(doc) and doc[k + 1].text.lower() in self.von \
                    and doc[k + 2].like_num and self._is_noun(doc[k + 3]) and lookup_unit(doc[k + 3].text) is None:
                return doc[k + 3]  # "23 Prozent einer Stichprobe von 2.503 Befragten" (dev5 wn51446): the set counted
            return doc[k]
        return None

    def _about_verb(self, doc: Doc, f: dict) -> Optional[Token]:
        """What a figure measures when no counted noun follows it: the noun of a von-phrase
        ("ein Minus von 3 Prozent"), an apposition ("der Umsatz, 4,2 Milliarden Euro"), or the
        subject of a measuring verb ("Die Inflation stieg auf 7,9 Prozent", "Die Temperatur lag
        bei minus 12 Grad", "Die Kosten betragen 12 Millionen Euro")."""
        self._context_rule = None
        q0 = self._qualifier_start(doc, f["start"])
        prev = _prev(doc, q0)
        n = self._about_amount(doc, f)
        if n is not None:
            return n
        if prev is not None and prev.text == "," and f["unit"] is not None:
            n = _prev(doc, prev.i)
            if n is not None and self._is_noun(n) and n.pos_ != "PROPN":
                d = _prev(doc, n.i)
                nxt = _next(doc, f["end"] - 1)
                if (d is None or d.pos_ == "DET" or n.is_sent_start) and (nxt is None or nxt.text in (",", ")", ".", "–")):
                    self._context_rule = "apposition"
                    return self._through_container(n)
        if not has_ann(doc, "DEP"):
            return None
        t = doc[f["end"] - 1]
        for _ in range(4):
            if t.head.i != t.i and f["start"] <= t.head.i < f["end"]:
                t = t.head
            else:
                break
        preps = {c.text.lower() for c in t.children if c.dep_ in ("case", "mo") or (c.pos_ == "ADP" and c.i < t.i)}
        if not preps and f["start"] > 0 and doc[q0 - 1].pos_ == "ADP" if q0 > 0 else False:
            preps = {doc[q0 - 1].text.lower()}
        rel = self._relative_clause_subject(doc, f, preps)
        if rel is not None:
            self._context_rule = "verb_subject_relative"
            return rel
        shape, att = self._attributive_phrase_noun(doc, f, q0, preps)
        if shape:
            # whatever the parse makes of the phrase (here the participle a ROOT, the noun an apposition)
            self._context_rule = "verb_attributive_surface"
            return att
        v = t.head
        passed_noun = False
        for _ in range(3):
            if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                break
            if v.pos_ in _NOUN_POS and not self._source_noun(v):
                # (session 31: a source, "betragen laut Firmenangaben 775.000 Euro", is passed over as no noun)
                passed_noun = True  # "liegt per Definition bei 380 US-Dollar": the parse hangs it on "Definition"
            v = v.head
        if preps and v.pos_ in ("VERB", "AUX"):
            c0, c1 = self._clause_of(doc, f)
            if not c0 <= v.i < c1:
                # session 14 (dev11 wn46358): the parse hangs the figure on the next clause's verb ("Die Zahl
                # der Todesopfer liegt bei 56, etwa 120 Personen wurden verletzt"); a measuring verb before it
                # in its own clause that takes its preposition is its verb
                own = next((k for k in reversed(doc[c0:q0]) if k.pos_ in ("VERB", "AUX")
                            and preps & set(self.measuring_verbs.get(self.verb_lemma(k)) or ())), None)
                if own is not None:
                    v = own
                elif c0 < len(doc) and self._relative_antecedent(doc[c0]) is not None and any(
                        k.pos_ in ("VERB", "AUX") and preps & set(self.measuring_verbs.get(self.verb_lemma(k)) or ())
                        for k in doc[f["end"]: c1]):
                    # session 15 (dev12 wn77697): a relative clause with its measuring verb at the end ("eine
                    # Reduzierung der Fördermengen, die effektiv bei 31 Millionen Barrel pro Tag liegen"), which
                    # the parse hangs on the main clause: the relative pronoun's noun
                    self._context_rule = "verb_subject_relative"
                    return self._relative_antecedent(doc[c0])
        self._purpose_ctx = (t, v, preps) if f["unit"] in self.money_units else None
        if v.pos_ not in ("VERB", "AUX"):
            return self._copula_subject(f, t, preps) or self._clause_verb_subject(doc, f, t, v, preps)
        c0, c1 = self._clause_of(doc, f)
        if not c0 <= v.i < c1 and (own := self._clause_verb_subject(doc, f, t, v, preps)) is not None:
            # the parse hangs the amount on a verb of another clause ("die Benzinpreise um 80 Prozent angehoben;
            # umgerechnet kostet ein Liter Superbenzin jetzt 0,45 Euro"): its own clause's measuring verb decides
            return own
        if f["unit"] in self.speed_units and preps & self.speed_prepositions:
            subj, how = self.subject_of(v, exclude=t.i)  # "raste der Jet mit 150 km/h"
            if subj is not None:
                self._context_rule = "speed_subject" + how
                return subj
        lem = self.verb_lemma(v)
        if lem in self.object_verbs:
            # "Den Börsenwert beziffert der Focus auf 17 Milliarden Euro": the object is measured
            if not preps & self.object_verbs[lem]:
                return None
            acc = self._accusative_subject(v)
            if acc is None:
                # session 15 (dev12 wn34097): "der Pilot schätzte die Entfernung auf weniger als 100 Meter": the
                # parse makes both nouns subjects; a verb has one, so the one after the verb is its object
                subs = [c for c in v.children if c.dep_ in self.subject_deps and c.pos_ == "NOUN" and not f["start"] <= c.i < f["end"]]
                if len(subs) == 2 and subs[0].i < v.i < subs[1].i:
                    acc = subs[1]
            if acc is not None:
                self._context_rule = "verb_object_accusative"
                return self._through_container(acc)
            for c in v.children:
                # session 30 (10kGNAD gnad671 "Die Dividende soll um zwei Prozent auf 12,6 Pence je Aktie erhöht werden": the
                # parse makes "Aktie" the object): a noun after "je"/"pro" (`per_unit`) divides a rate, it is no object
                if c.dep_ in self.object_deps and c.pos_ == "NOUN" and not f["start"] <= c.i < f["end"] \
                        and not (c.i > 0 and doc[c.i - 1].text.lower() in self.per_words):
                    self._context_rule = "verb_object"
                    return self._through_container(c)
            if (acc := self._accusative_before(doc, f, v)) is not None:
                self._context_rule = "verb_object_article"
                return self._through_container(acc)
            allowed = self.object_verbs[lem]  # passive or reflexive: the subject
        else:
            allowed = self.measuring_verbs.get(lem)
        change = bool(preps & self.change_to) and self._changed_from(doc, q0)
        if allowed is None and f["unit"] is not None and preps & self.difference_prepositions and any(
                k.pos_ == "VERB" and self.verb_lemma(k) in self.um_object_verbs for k in doc[slice(*self._clause_of(doc, f))]):
            # session 15 (dev12 wn72918, the annotators' call): "einen Bauunternehmer ... um 40 Millionen Yen
            # erleichtert": a verb whose "um" names what is taken or asked for measures no change of its
            # object (the verb of the clause: the parse hangs the amount on any verb of it)
            return None
        if allowed is None and f["unit"] is not None and (preps & self.difference_prepositions or change):
            # also a change "von X auf Y" ("Die Hunde-Abgabe verändert sich von 120 auf 132 Euro")
            # "Die Außenmauern hatten sich um 2,5 Zentimeter verschoben", "erhöhte die Steuer um 3
            # Prozent": a change by an amount, of the object when there is one, else of the subject
            for c in v.children:
                if c.dep_ in self.object_deps and c.pos_ == "NOUN" and not f["start"] <= c.i < f["end"] \
                        and not (c.i > 0 and doc[c.i - 1].text.lower() in self.per_words):  # "je Aktie" (above)
                    self._context_rule = "difference_object"
                    return self._through_container(c)
            subj, how = self.subject_of(v, exclude=t.i)
            return self._subject_about(doc, subj, how, q0, "difference_subject") if subj is not None else None
        if allowed is None:
            return self._clause_verb_subject(doc, f, t, v, preps)
        after = doc[f["end"]].text.lower() if f["end"] < len(doc) else None
        if allowed and not (preps & allowed) and not (f["unit"] is not None and after in allowed):
            # session 14 (dev11 wn80937, wn75087): an amount with a unit right before the preposition is a
            # difference, still the subject's ("Der Lohn der Arbeiter liege derzeit 25 bis 30 Prozent unter
            # dem Tariflohn", "der Wert ... 50 Prozent über dem Grenzwert lag")
            return None
        if passed_noun and not preps & self.rate_prepositions:
            return None
        if lem in self.predicate_only_with_unit and f["unit"] is None:
            return None
        if v.dep_ == "amod" and v.head.i > v.i and v.head.pos_ in _NOUN_POS:
            # issue 18: an attributive participle measures the noun it modifies, never a subject the parse
            # gives it ("das Auftaktmatch beim mit 1,48 Millionen Dollar dotierten Sandplatz-Tennisturnier")
            self._context_rule = "verb_attributive"
            return v.head
        subj, how = self.subject_of(v, exclude=t.i)
        if subj is None:
            # issue 18 (dev4 wn39628): the parse hangs the verb's subject on the figure ("Der Abstand zur Grenze
            # hätte demnach 1,7 Seemeilen betragen": "Abstand" a subject of "Seemeilen")
            subj = next((c for c in t.children if c.dep_ in self.subject_deps and c.pos_ == "NOUN" and c.i < f["start"]), None)
            how = "_on_figure"
        if subj is None:
            subj, how = self._linear_subject(doc, f, v), "_linear"
        return self._subject_about(doc, subj, how, q0, "verb_subject") if subj is not None else None

    def _subject_about(self, doc: Doc, subj: Token, how: str, q0: int, rule: str) -> Token:
        """What the verb's subject `subj` (found `how`) says the amount measures: the subject of a clause that
        leaves out the verb, when the amount is in one (`_gapped_subject`), else `subj`, through a container noun;
        `rule` and `how` name the context rule."""
        gapped = self._gapped_subject(doc, subj, q0)
        if gapped is not None:
            subj, how = gapped, "_gapping"
        self._context_rule = rule + how
        return self._through_container(subj)

    def _attributive_phrase_noun(self, doc: Doc, f: dict, q0: int, preps: set) -> tuple[bool, Optional[Token]]:
        """Session 26 (10kGNAD gnad335): an amount inside an attributive phrase, read off the surface: an article,
        a preposition or a comma, then the amount's preposition, the amount, a bracket passed over, and the inflected
        participle of a measuring verb that takes that preposition before its noun phrase ("den mit 1,5 Millionen
        Dollar (umgerechnet 1,3 Millionen Euro) dotierten John W. Kluge Preis") measures the phrase's last noun
        ("Preis"), never the clause's subject. (True, noun) where the shape holds, (True, None) where the phrase's
        noun is no measurable noun (a name), (False, None) otherwise."""
        p = _prev(doc, q0)
        if p is None or p.text.lower() not in preps:
            return False, None
        pp = _prev(doc, p.i)
        if pp is None or not (pp.pos_ in ("DET", "ADP") or pp.text == ","):
            return False, None
        k = f["end"]
        if k < len(doc) and doc[k].text == "(":
            k = next((j + 1 for j in range(k + 1, min(len(doc), k + 12)) if doc[j].text == ")"), k)
        if k + 1 >= len(doc) or not doc[k].text.islower() or not doc[k].text.endswith(("e", "en", "er", "es", "em")) \
                or doc[k].pos_ not in ("VERB", "ADJ"):
            return False, None
        allowed = self.measuring_verbs.get(self.verb_lemma(doc[k]))
        if not allowed or not preps & allowed:
            return False, None
        last = None
        for x in doc[k + 1: min(len(doc), k + 8)]:
            if x.pos_ in _NOUN_POS:
                last = x
            elif not (x.pos_ == "ADJ" or self._is_adj(x)) or last is not None:
                break
        if last is None:
            return False, None
        return True, (self._through_container(last) if self._measured_noun(last) else None)

    def _relative_clause_subject(self, doc: Doc, f: dict, preps: set) -> Optional[Token]:
        """An amount in a relative clause whose relative pronoun is the subject of the clause's measuring verb
        ("Der Preis, der in diesem Jahr mit zehn Millionen schwedischen Kronen (950.000 Euro) dotiert ist"):
        the pronoun's antecedent, whatever word the parse hangs the amount on (here the antecedent itself).
        The clause has no subject noun of its own and its verb takes the amount's preposition; a copula or
        "haben" is no such verb (`predicate_only_with_unit`)."""
        c0, c1 = self._clause_of(doc, f)
        if c0 < 2 or doc[c0].text.lower() not in self.relative_pronouns or doc[c0 - 1].text != "," or c0 >= f["start"]:
            return None
        if any(k.dep_ in self.subject_deps and k.pos_ in _NOUN_POS and not f["start"] <= k.i < f["end"] for k in doc[c0 + 1:c1]):
            return None
        after = doc[f["end"]].text.lower() if f["end"] < len(doc) else None
        for k in doc[f["end"]:c1]:
            if k.pos_ not in ("VERB", "AUX"):
                continue
            lem = self.verb_lemma(k)
            allowed = self.measuring_verbs.get(lem)
            if allowed is None or lem in self.predicate_only_with_unit:
                continue
            if not allowed or preps & allowed or (f["unit"] is not None and after in allowed):
                return self._relative_antecedent(doc[c0])
            return None
        return None

    def _clause_verb_subject(self, doc: Doc, f: dict, t: Token, v: Token, preps: set) -> Optional[Token]:
        """An amount with a unit whose parse leads to no measuring verb (a verb of another clause, a
        participle, a noun) measures the subject of the measuring verb of its own clause ("Diese Einnahmen
        sind erheblich und betrugen im Jahre 2005 umgerechnet 60 Millionen US-Dollar": the parse hangs the
        amount on "umgerechnet"): the nearest such verb to the amount that takes its preposition, not a
        copula or "haben" (`predicate_only_with_unit`: their predicate is no amount of theirs)."""
        if f["unit"] is None:
            return None
        c0, c1 = self._clause_of(doc, f)
        q0 = self._qualifier_start(doc, f["start"])
        after = doc[f["end"]].text.lower() if f["end"] < len(doc) else None
        cands = sorted((k for k in doc[c0:c1] if k.pos_ in ("VERB", "AUX") and k.i != v.i and not f["start"] <= k.i < f["end"]),
                       key=lambda k: min(abs(k.i - q0), abs(k.i - f["end"])))
        for k in cands:
            lem = self.verb_lemma(k)
            allowed = self.measuring_verbs.get(lem)
            if allowed is None or lem in self.predicate_only_with_unit:
                continue
            if allowed and not (preps & allowed) and after not in allowed:
                continue
            subj, how = self.subject_of(k, exclude=t.i)
            if subj is None:
                subj, how = self._linear_subject(doc, f, k), "_linear"
            if subj is not None and not f["start"] <= subj.i < f["end"]:
                self._context_rule = "verb_subject_clause" + how
                return self._through_container(subj)
            return None  # the nearest measuring verb has no subject noun: no guess past it
        return None

    def _linear_subject(self, doc: Doc, f: dict, v: Token) -> Optional[Token]:
        """The subject of the measuring verb ``v`` read off the surface where the parse gives it none (the
        bundled parse labels a subject an object or oblique: "während der Ölpreis ... bei 66,40 US-Dollar lag"):
        of the figure's clause before the amount, the last noun that opens a noun phrase no preposition governs
        and that is no genitive attribute of a noun before it; a date ("dieses Jahr") is no subject, a bracket is
        passed over, and a noun coordinated with a noun before it ("Löhne bzw. Gehälter", "zwischen der Stadt und
        den Randbezirken") is that one's phrase. No guess where the subject is a pronoun, the clause a relative
        clause (its pronoun is the subject), or the amount inside an attributive phrase ("den mit 1,5 Millionen
        Dollar dotierten Preis"). POS only."""
        c0, c1 = self._clause_of(doc, f)
        q0 = self._qualifier_start(doc, f["start"])
        if not c0 <= v.i < c1:
            return None
        if c0 > 0 and doc[c0 - 1].text == "," and doc[c0].text.lower() in self.relative_pronouns and c0 + 1 < len(doc) \
                and not (self._is_noun(doc[c0 + 1]) or self._is_adj(doc[c0 + 1])):
            return None  # ", die die Standards erreicht (von 59 auf 65 Prozent)"; not an article (", die Kosten hierfür")
        k = f["end"]
        if k < len(doc) and doc[k].text == "(":
            k = next((j + 1 for j in range(k + 1, min(len(doc), k + 12)) if doc[j].text == ")"), k)
        if k + 1 < len(doc) and self._is_adj(doc[k]) and doc[k].text.islower() and self._is_noun(doc[k + 1]):
            return None
        dates = _date_tokens(doc)
        found: Optional[Token] = None
        in_pp = prev_noun = np_open = x_gen = False  # x_gen: the open phrase is a genitive attribute ("der Preis [des Öls]")
        pp_noun = coord = False  # the last noun was a preposition's; a coordinator follows a noun
        depth = 0
        for x in doc[c0:q0]:
            if x.text == "(":
                depth += 1
            if depth:
                depth -= x.text == ")"
                continue
            low = x.text.lower()
            if low in self.coordinators or low in ("bzw.", "sowie"):
                coord = prev_noun
                in_pp = in_pp or (prev_noun and pp_noun)
                prev_noun = np_open = x_gen = False
                continue
            if x.i in dates or x.is_punct:
                in_pp = prev_noun = np_open = x_gen = coord = False
                continue
            if x.pos_ == "ADP":
                in_pp = np_open = True
                continue
            if low in self.demonstrative_pronouns and not (x.i + 1 < q0 and (self._is_noun(doc[x.i + 1]) or self._is_adj(doc[x.i + 1]))):
                return None  # "Berichten zufolge beliefen sich diese bis April auf 80 Millionen US-Dollar"
            if x.pos_ in ("DET", "ADJ", "NUM", "ADV") or self._is_adj(x) or low in self.genitive_determiners:
                if not np_open:
                    np_open = True
                    x_gen = prev_noun and low in self.genitive_determiners
                    if prev_noun and pp_noun and x.pos_ == "ADJ" and x.text.islower():
                        # session 31 (unseen Wikinews wn5310 "beträgt der wegen der Verzögerung entstandene Schaden für
                        # die BA ... etwas über 28 Millionen Euro"): an adjective after a preposition's noun closes a
                        # participle phrase inside the noun phrase; the noun after it is the phrase's head
                        prev_noun = False
                    if x.pos_ == "DET" and prev_noun and not x_gen and not coord:
                        # session 30 (Wikinews wn72180 "dass seit der Amtseinführung von Barack Obama die Zahl der
                        # Angestellten ... um 140.000 gestiegen sei", the parse: "Zahl" an object): an article that is
                        # no genitive opens a phrase of its own after a noun, no attribute of it
                        prev_noun = False
                continue
            if x.pos_ == "PRON" and not in_pp and low in self.anaphoric_pronouns:
                return None  # the clause's subject is a pronoun: "Im vergangenen Jahr waren es etwa US $ 42.000"
            if self._is_noun(x):
                if not in_pp and not x_gen and not prev_noun and not coord:
                    found = x if x.pos_ == "NOUN" and self._measured_noun(x) else None
                pp_noun = in_pp
                in_pp, prev_noun, np_open, x_gen, coord = False, True, False, False, False
                continue
            in_pp = prev_noun = np_open = x_gen = coord = False
        if found is not None and any(x.text.lower() in self.coordinators and doc[x.i + 1].pos_ in ("VERB", "AUX")
                                     for x in doc[found.i + 1: v.i]):
            return None  # "hat eine Spannweite von 4,5 Metern und wiegt unter fünf Tonnen": the first verb's object
        return found

    def _about_degree(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 15 (dev12 wn40269, wn45213; dev7 wn37353): a share after "zu"/"zur"
        (`degree_prepositions`) says to what degree the clause holds of its subject: "die Kosten ...
        werden nur noch zur Hälfte von den Krankenkassen übernommen" -> Kosten, "die Finanzierung,
        die zu 90 Prozent aus privaten Geldern bestehen soll" -> Finanzierung (the relative pronoun's
        noun). Only a percentage or a fraction noun with no genitive or noun after it ("zu 90 Prozent
        der Stimmen" is a partitive), and not after "bis" ("bis zu 90 Prozent" is a bound)."""
        if not has_ann(doc, "DEP"):
            return None
        fraction = f["unit"] is None and doc[f["end"] - 1].text.lower() in self.fraction_nouns
        if f["unit"] != "%" and not fraction:
            return None
        q0 = self._qualifier_start(doc, f["start"])
        p = _prev(doc, q0)
        if p is None or p.text.lower() not in self.degree_prepositions:
            return None
        pp = _prev(doc, p.i)
        if pp is not None and pp.text.lower() in self.degree_not_after:
            return None
        v = doc[f["end"] - 1].head
        for _ in range(3):
            if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                break
            v = v.head
        # session 30 (our own rule; 10kGNAD gnad671 "Sky gehört zu etwa 39 Prozent zum Medienimperium der Murdoch-Familie",
        # gnad710 "Die ... OMV gehört zu 31,5 Prozent der ... Bundesbeteiligungsholding Öbib"): a verb of ownership
        # (`stakes` "verbs") measures the stake in its subject, a company's name too; the dative or genitive after the
        # share is the owner, no partitive
        # (the model and the lookup table give "gehört" to "hören": the verb's stem decides, "gehör-")
        stake = v.pos_ in ("VERB", "AUX") and (self.verb_lemma(v) in self.stake_verbs
                                               or v.text.lower().startswith(tuple(w[:-2] for w in self.stake_verbs)))
        nxt = _next(doc, f["end"] - 1)
        if nxt is not None and (self._is_noun(nxt) or (nxt.text.lower() in self.genitive_determiners and not stake)):
            return None
        if v.pos_ not in ("VERB", "AUX"):
            return None
        if stake:
            return self._owned(v, f)
        subj, how = self.subject_of(v, exclude=f["end"] - 1)
        if subj is None:
            # a passive the parse reads as active: its patient is labelled as the object
            subj = next((c for c in v.children if c.dep_ in self.object_deps and c.pos_ == "NOUN"
                         and not f["start"] <= c.i < f["end"]), None)
        if subj is None or not self._measured_noun(subj):
            return None
        return self._through_container(subj)

    def _owned(self, v: Token, f: dict) -> Optional[Token]:
        """The subject of a verb of ownership (`_about_degree`): a common noun or a name (the tagger takes a company's
        name for a pronoun at a sentence's start: "Sky gehört zu etwa 39 Prozent ..."; its lemma keeps the capital,
        a pronoun's does not); a personal pronoun stands for its antecedent."""
        for c in v.children:
            if c.dep_ not in self.subject_deps or f["start"] <= c.i < f["end"] or c.like_num:
                continue
            if c.pos_ == "PRON" and c.text.lower() in self.anaphoric_pronouns:
                return self.antecedent(c)
            if c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "PRON" and c.lemma_[:1].isupper()):
                return c
        return None

    @staticmethod
    def _count_near(doc: Doc, prev: Span, f: dict) -> bool:
        """Is `prev` a count (no unit, no fraction, no age) in the figure's sentence or the one before?"""
        if prev._.unit is not None or prev._.about_rule == "age" or (isinstance(prev._.value, (int, float)) and 0 < prev._.value < 1):
            return False
        s0 = sentence_bounds(doc, f["num"])[0]
        return prev.start >= (sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else 0)

    def _partitive_antecedent(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 15 (dev12 wn66494, dev8 wn74327, dev8 wn2240): the noun a partitive pronoun stands for,
        when no figure before gives the count's `about`: "zu mehreren Nachbeben, von denen zwei ..." (the
        relative pronoun's noun before the comma), "Im Bus befanden sich Kindergartenkinder, mindestens 40
        von ihnen wurden getötet", "die Triebe ... geteilt und die Hälfte davon ... eingefroren" (the
        nearest subject or object noun before it in the sentence)."""
        n = len(doc)
        pron = None
        if f["end"] + 1 < n and doc[f["end"]].text.lower() in self.partitive_pronoun_before \
                and doc[f["end"] + 1].text.lower() in self.partitive_pronouns:
            pron = doc[f["end"] + 1]  # "40 von ihnen"
        elif f["end"] < n and doc[f["end"]].text.lower() in self.partitive_adverbs:
            pron = doc[f["end"]]  # "die Hälfte davon"
        else:
            q0 = self._qualifier_start(doc, f["start"])
            if q0 >= 2 and doc[q0 - 1].text.lower() in self.partitive_pronouns \
                    and doc[q0 - 2].text.lower() in self.partitive_pronoun_before:
                pron = doc[q0 - 1]  # "von denen zwei"
            elif f["unit"] is None and (first := doc[sentence_bounds(doc, f["start"])[0]]).text.lower() in self.partitive_adverbs \
                    and not any(t.is_punct or self._is_noun(t) for t in doc[first.i + 1: f["start"]]):
                pron = first  # session 27: "Davon seien noch 200 obdachlos gewesen" (the count's clause opens with "davon")
        if pron is None:
            return None
        if pron.text.lower() in self.partitive_relatives:
            # "..., von denen zwei": the noun before the comma
            c = next((j for j in range(pron.i - 1, max(-1, pron.i - 4), -1) if doc[j].text == ","), None)
            if c is None or c < 1:
                return None
            t = doc[c - 1]
            return t if self._measured_noun(t) and t.pos_ != "PROPN" else None
        s0 = sentence_bounds(doc, f["start"])[0]
        for t in reversed(doc[s0: self._qualifier_start(doc, f["start"])]):
            if self._measured_noun(t) and t.pos_ != "PROPN" and (t.dep_ in self.subject_deps or t.dep_ in self.object_deps):
                return t
        if f["unit"] is None and pron.text.lower() in self.partitive_adverbs and s0 > 0:
            # session 27 (dev13 wn6200, 10kGNAD gnad725): nothing before "davon" in its sentence: it points back to the
            # sentence before, whose last subject or object noun is the set the part is taken from ("... in Traiskirchen
            # hielten sich ... 3.400 Flüchtlinge auf. Davon seien noch 200 obdachlos"; "... einen Erlöß von 500 Millionen
            # Euro erzielen. Die Hälfte davon soll ...")
            p0 = sentence_bounds(doc, s0 - 1)[0]
            for t in reversed(doc[p0: s0]):
                if self._measured_noun(t) and t.pos_ != "PROPN" and (t.dep_ in self.subject_deps or t.dep_ in self.object_deps):
                    return t
        return None

    def _about_amount(self, doc: Doc, f: dict) -> Optional[Token]:
        """The noun before "von", "in Höhe von", "im Wert von", "zwischen" right before the figure
        ("Kredit in Höhe von 750 Millionen Euro", "ein Minus von 3 Prozent"); sets the rule name."""
        self._context_rule = None
        prev = _prev(doc, self._qualifier_start(doc, f["start"]))
        if prev is not None and prev.text.lower() in self.adverbs_after_von and _prev(doc, prev.i) is not None \
                and _prev(doc, prev.i).text.lower() in self.von:
            prev = _prev(doc, prev.i)  # "ein Gewinn von umgerechnet 4,6 Milliarden Euro"
        elif prev is not None and self._adverbial(prev):
            # session 32 (our own rule; 10kGNAD "ein Verlust von jährlich 984.000 Hektar", "Einstiegspreise von inzwischen rund
            # 500 Euro", "Gesamtschaden von deutlich über 200 Millionen Euro", web pages "einem Freibetrag von monatlich knapp
            # 160 Euro"): up to three adverbs (tagged ADV) or uninflected adjectives between "von" and the amount, as one
            # listed adverb
            k, back = prev, 0
            while k is not None and back < 3 and self._adverbial(k):
                k, back = _prev(doc, k.i), back + 1
            if k is not None and k.text.lower() in self.von:
                prev = k
        for words in self.amount_phrases:  # "Kredit in Höhe von ...", "Schaden zwischen ...", "Minus von ..."
            k = len(words)
            if prev is None or prev.i - k + 1 < 0 or [t.text.lower() for t in doc[prev.i - k + 1: prev.i + 1]] != words:
                continue
            n = _prev(doc, prev.i - k + 1)
            # a PROPN outside any name is a tagging slip ("An der Weltrekordlast von 130 Kilogramm")
            if n is not None and self._is_noun(n) and not n.ent_type_ and n.i >= 2 and doc[n.i - 1].text.lower() in self.per_words \
                    and self._is_noun(doc[n.i - 2]) and not doc[n.i - 2].ent_type_:
                # session 15 (dev12 wn74430): "einem Ergebnis pro Aktie von 0,48 Euro": the per-phrase
                # divides the noun before it, which the amount measures
                n = doc[n.i - 2]
            if n is not None and n.text.lower() in self.threshold_nouns and words[0] in self.von:
                # session 15 (dev12 wn77697): "Der Preis ... hat die Marke von 72 US-Dollar unterschritten":
                # a threshold is passed by what the verb's subject measures
                v = n.head
                for _ in range(3):
                    if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
                        break
                    v = v.head
                subj = self.subject_of(v, exclude=n.i)[0] if v.pos_ in ("VERB", "AUX") else None
                if subj is not None and not self._measured_noun(subj):
                    # "Der Preis für ein Barrel (159 Liter) hat ...": the parse takes the bracket's unit for the
                    # subject; the first subject noun of the sentence before the threshold stands for it
                    s0 = sentence_bounds(doc, n.i)[0]
                    subj = next((x for x in doc[s0: n.i] if x.dep_ in self.subject_deps and self._measured_noun(x)), None)
                if subj is not None and subj.i != n.i:
                    self._context_rule = "threshold"
                    return self._through_container(subj)
                break
            if n is not None and self._is_noun(n) and f["unit"] not in _TIME_UNITS and n.text.lower() in self.period_nouns:
                # session 36 (our own rule; 10kGNAD gnad147 "eine Wertberichtigung auf die IT-Systeme im 3. Quartal in Höhe von
                # 195 Mio. Euro", "das EGT der ersten drei Quartale von 440,5 Mio. auf 175,3 Mio. Euro gedrückt", gnad536 "ging sie
                # im selben Zeitraum von 20,9 auf 20,7 Prozent zurück"): a period (`period_nouns`) says when, not what the amount
                # measures, as a time unit does below; the noun that "Höhe"/"Wert"/"Umfang" hangs on in the parse says it
                # ("Wertberichtigung"), as does the noun whose genitive the period is ("das EGT der ersten drei Quartale"); else
                # the verb's subject may (the rules after this one)
                head = doc[prev.i - k + 2].head if k > 1 else n.head if n.dep_ == "nmod" else None
                if head is not None and head.i < n.i and self._is_noun(head) and not head.like_num and lookup_unit(head.text) is None \
                        and head.ent_type_ not in ("PER", "LOC", "GPE") and head.text.lower() not in self.period_nouns:
                    self._context_rule = "von" if words[0] in self.von else "amount_phrase"
                    return self._through_container(head)
                break
            if n is not None and self._is_noun(n) and f["unit"] not in _TIME_UNITS and (u := lookup_unit(n.text)) is not None and u[0] in _TIME_UNITS:
                # session 33 (our own rule; 10kGNAD gnad887 "legten die Oldtimerpreise in den vergangenen Jahren zwischen
                # fünf und sechs Prozent zu"): a noun that is itself a time unit ("Jahren", "Monaten") says when, not what
                # the amount measures; the verb's subject may say it
                break
            if n is not None and self._is_noun(n) and not n.ent_type_:  # no name ("laut Franz-Josef Jung zwischen 1.000 und ...")
                self._context_rule = "von" if words[0] in self.von else "amount_phrase"
                return n if k > 1 else self._through_container(n)
            break
        if prev is not None and prev.text.lower() in self.change_before:
            n = _prev(doc, prev.i)  # "das ist ein Anstieg um 1,9 Prozent"
            if n is not None and self._is_noun(n) and n.text.lower() in self.change_nouns:
                self._context_rule = "change"
                return self._through_container(n)
        n = self._change_noun_before(doc, prev)
        if n is not None:
            self._context_rule = "change"
            return self._through_container(n)
        j = f["end"]
        if j + 1 < len(doc) and doc[j].text.lower() in self.change_after and doc[j + 1].text.lower() in self.change_nouns \
                and (j + 2 >= len(doc) or not self._is_noun(doc[j + 2])):
            self._context_rule = "change"  # "lag er mit 2,2 Prozent im Plus"
            return doc[j + 1]
        return None

    @staticmethod
    def _adverbial(t: Token) -> bool:
        """An adverb or an uninflected adjective (an adverbial one: "jährlich", "deutlich"), in lower case."""
        return t.text.isalpha() and t.text.islower() and (t.pos_ == "ADV" or t.pos_ == "ADJ" and _ADJ_INFL.match(t.text) is None)

    def _change_noun_before(self, doc: Doc, prev: Optional[Token]) -> Optional[Token]:
        """The change noun whose amount a figure after "um"/"auf" (`change_of`) gives, with its
        genitive and attributes between, no verb or punctuation: "eine Verdreifachung der staatlichen
        Bürgschaften für neue Atomkraftwerke auf 54 Milliarden US-Dollar", "die Steigerung der
        Baukosten um 40 Prozent auf mindestens sieben Milliarden Euro" (the second amount too)."""
        if prev is None or prev.text.lower() not in self.change_of:
            return None
        for k in range(prev.i - 1, max(-1, prev.i - 10), -1):
            t = doc[k]
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") and t.text.lower() not in self.coordinators:
                return None
            if self._is_noun(t) and (t.text.lower() in self.change_nouns or self._change_compound(t.text) is not None):
                return t  # also a compound: "Mehrwertsteuererhöhung auf 19 Prozent"
        return None

    def _change_compound(self, word: str) -> Optional[str]:
        """The changed thing of a compound whose head is a change noun: "Mehrwertsteuererhöhung" ->
        "Mehrwertsteuer", "Gehaltserhöhung" -> "Gehalt" (the linking "s" goes with the lemma
        table's genitive, or when the rest is a word the table knows); None for no such compound."""
        low = word.lower()
        # only heads of the "Erhöhung" kind (`change_compound_heads`): "Wirtschaftswachstum" is itself
        # what grows, not a change of "Wirtschaft"
        head = next((c for c in self.change_compound_heads if low.endswith(c) and len(low) - len(c) >= 3), None)
        if head is None:
            return None
        first = word[: len(word) - len(head)].rstrip("-")
        first = first[:1].upper() + first[1:]
        lem = self.lemma_text(first)
        if lem == first and first not in self._known_lemmas():
            # a linking "s" goes only when the rest is a word the lemma table knows ("Wirtschafts"
            # -> "Wirtschaft"); else the compound keeps its own lemma
            if first.endswith("s") and first[:-1] in self._known_lemmas():
                return first[:-1]
            return self.lemma_text(word)
        return lem

    def _about_rate(self, doc: Doc, f: dict) -> Optional[Token]:
        """"Die höchste Arbeitslosenquote hatte Spanien mit 23,6 Prozent": a percentage after "mit"
        (`rate_nouns`) gives the value of the rate or level its clause names, the one nearest to it."""
        if f["unit"] != "%":
            return None
        q0 = self._qualifier_start(doc, f["start"])
        if q0 > 1 and doc[q0 - 1].pos_ == "ADV":
            q0 -= 1  # a focus particle: "Mit nur 30,78 Prozent"
        if q0 == 0 or doc[q0 - 1].text.lower() not in self.rate_before:
            return None
        c0, c1 = self._clause_of(doc, f)
        cands = [t for t in doc[c0:c1] if not f["start"] <= t.i < f["end"] and self._is_noun(t) and t.pos_ != "PROPN"
                 and t.text.lower().endswith(self.rate_endings)]
        return min(cands, key=lambda t: abs(t.i - f["num"])) if cands else None

    def _about_stake(self, doc: Doc, f: dict) -> Optional[Token]:
        """A share held in something (`stakes`): "an dem die Stadt mit 60 Prozent beteiligt ist" ->
        the antecedent of "dem", "An der Firma ist Buffet zu 9,9 Prozent beteiligt" -> Firma. The
        figure's clause (between commas) must hold a stake word; the noun of its an/bei-phrase is
        the measured thing, a relative pronoun there stands for the noun the clause hangs on."""
        if f["unit"] != "%":
            return None
        held = self._stake_after(doc, f)
        if held is not None:
            return held
        q0 = self._qualifier_start(doc, f["start"])
        if q0 == 0 or doc[q0 - 1].text.lower() not in self.stake_before:
            return None
        c0, c1 = self._clause_of(doc, f)
        stake = next((t for t in doc[c0:c1] if t.text.lower().endswith(self.stake_words) and not f["start"] <= t.i < f["end"]), None)
        if stake is None:
            return None
        for k in range(c0, c1 - 1):
            if doc[k].text.lower() not in self.stake_prepositions or f["start"] <= k < f["end"]:
                continue
            j = k + 1
            if doc[j].pos_ == "PRON":  # "an dem": the noun the relative clause is about
                head = stake if stake.dep_ in ("acl", "relcl") else stake.head
                while head.pos_ not in _NOUN_POS and head.head.i != head.i and head.dep_ not in ("acl", "relcl"):
                    head = head.head
                if head.dep_ in ("acl", "relcl"):
                    head = head.head
                return head if head.pos_ in _NOUN_POS and head.i < c0 else None
            while j < c1 and (doc[j].pos_ == "DET" or self._is_adj(doc[j])) and not self._is_noun(doc[j]):
                j += 1
            if j < c1 and self._is_noun(doc[j]):
                return doc[j]
        return None

    def _stake_after(self, doc: Doc, f: dict) -> Optional[Token]:
        """Session 33 (our own rule; `stakes` "_after"): a share directly followed by "an" + a dative article is
        a stake in that phrase's noun when its clause holds a stake word or a verb of holding: "indem sie rund 29,6
        Prozent an der Medial Beteiligungs GmbH hält", "28,14 Prozent an den Casinos gesichert", "Landesbeteiligungen
        (u. a. 51 Prozent an der damaligen BEWAG" (10kGNAD gnad32, gnad947). "einen Anteil von 25,5% an dem Autohersteller"
        keeps "Anteil" (the amount phrase decides first; dev3 wn81518's gold). Not "an die Spitze" (accusative),
        not "23 Prozent an den Volksschulen" (no cue in the clause)."""
        k = f["end"]
        if k + 1 >= len(doc) or doc[k].text.lower() != "an" or doc[k + 1].text.lower() not in self.stake_after_articles:
            return None
        c0, c1 = self._clause_of(doc, f)
        cue = any(not f["start"] <= t.i < f["end"] and (t.text.lower().endswith(self.stake_words + self.stake_after_words)
                  or (t.pos_ in ("VERB", "AUX") and self.verb_lemma(t) in self.stake_after_verbs)) for t in doc[c0:c1])
        if not cue:
            return None
        j = k + 2
        while j < c1 and (doc[j].pos_ == "DET" or self._is_adj(doc[j])) and not self._is_noun(doc[j]):
            j += 1
        return doc[j] if j < c1 and self._is_noun(doc[j]) else None

    def _purpose(self, doc: Doc, f: dict, t: Token, v: Token, preps: set) -> Optional[Token]:
        """Money and its purpose: "70 Milliarden Dollar für Interventionen", "für aktuelle
        Interventionen sind 70 Milliarden Dollar vorgesehen" -> the noun of the für-phrase; money
        inside the für-phrase ("das Kind für 10.000 Euro angeboten") -> the verb's object. Not
        for money in brackets, whose clause the parse does not see ("(für jedes Vergehen 5.000 Euro)")."""
        before = doc[doc[f["start"]].sent.start: f["start"]]
        if sum(x.text == "(" for x in before) > sum(x.text == ")" for x in before):
            return None
        if preps & self.purpose_preps:
            for c in v.children:
                if c.dep_ in self.object_deps and c.pos_ == "NOUN":
                    self._context_rule = "purpose_object"
                    return c
            return None
        n = len(doc)
        k = f["end"]
        if k < n and doc[k].text == "(":  # "1,5 Milliarden Dollar (1,24 Milliarden Euro) für"
            while k < n and doc[k].text != ")":
                k += 1
            k += 1
        if k + 1 < n and doc[k].text.lower() in self.per_words and self._is_noun(doc[k + 1]):
            k += 2  # session 30 (10kGNAD gnad472 "stehen nur 38 Cent pro Monat für die Krankenversorgung zur Verfügung")
        invest = k < n and v.pos_ == "VERB" and doc[k].text.lower() in self.purpose_verb_preps.get(self.verb_lemma(v), ())
        if k < n and (doc[k].text.lower() in self.purpose_preps or invest):
            for j in range(k + 1, min(n, k + 5)):
                if invest and (self._time_unit_word(doc[j]) or doc[j].text.lower() in self.months):
                    break  # "investiert 5 Millionen Euro in den nächsten Jahren": a time, no purpose
                if self._is_noun(doc[j]) and (doc[j].pos_ != "PROPN" or self._common_propn(doc[j])):
                    self._context_rule = "purpose"
                    return doc[j]
                if not (self._is_adj(doc[j]) or doc[j].pos_ == "DET"):
                    break
        if v.pos_ in ("VERB", "AUX", "ADJ"):  # "für Interventionen sind 70 Milliarden Dollar vorgesehen"
            for c in v.children:
                if c.i < f["start"] and c.pos_ == "NOUN" and any(x.text.lower() in self.purpose_preps for x in c.children if x.i < c.i):
                    self._context_rule = "purpose"
                    return c
        return None
