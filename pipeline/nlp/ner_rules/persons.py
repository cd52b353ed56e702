"""Persons (`persons`): a listed first name with surname-like words, or a proper noun after a
person's role, that the model missed or mislabelled; role words and surname-like words; the players
of a team's line-up in a sports report (`add_lineup_players`, session 32); a surname with particles that
the model cut after its capitalised particle (`join_particle_surnames`, session 32)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .common import _FIRST_NAME_POS, _genitive, with_added
from .data import common_noun_lemma, compound_head

_PERSON_MAX = 4  # tokens of a person's name the `persons` repair makes ("Jon Dahl Tomasson")
_INITIAL = re.compile(r"^[A-ZÄÖÜ][a-z]?\.$")  # a first name's initial in a line-up: "T. Kainz", "Ch. Leitgeb"
_MINUTE = re.compile(r"^\d{1,3}\.$")  # a substitute's minute in a line-up: "(71. Sanogo)"


class PersonRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def is_role(self, token: Token, word: Optional[str] = None) -> bool:
        """'Schiedsrichter', 'Juventus-Ex-Sportdirektor': a capitalised word naming a person's role
        (`word`: the part of the token to look at, 'Bundessprecher' of 'AfD-Bundessprecher')."""
        word = token.text if word is None else word
        return word[:1].isupper() and (word.lower() in self.titles or word.lower().endswith(self.role_endings))

    def surname_like(self, t: Token) -> bool:
        """A word that can continue a person's name: capitalised (not an acronym), letters
        with hyphens or an apostrophe, not sentence-initial, no organisation word, title or
        listed place, and no common noun by the lemma table unless a listed surname; a
        compound with a naming head is a street or a building ('Jehudastraße')."""
        w = t.text
        if not w[:1].isupper() or (w.isupper() and len(w) > 1) or t.is_sent_start \
                or not all(part.isalpha() for part in w.replace("'", "-").split("-") if part):
            return False
        if w in self.legal_forms or w in self.org_heads or t.lower_ in self.titles or w in self.known_places:
            return False
        if self.hyphen_org_names and "-" in w and w.rsplit("-", 1)[1] in self.org_heads:
            return False  # 'Koch-Institut': an institution named after a person (`org_label`; session 35)
        if common_noun_lemma(w) is not None and w not in self.surnames:
            return False
        return compound_head(w) not in self.name_heads

    def person_end(self, doc: Doc, i: int) -> Optional[int]:
        """End of a person's name starting at token `i`: a listed first name (no common noun,
        not sentence-initial) or a proper noun after a role word, followed by surname-like
        words up to a genitive ('Theresa Mays'); None when there is no such name. A role
        word backs a single proper noun ('Sportdirektor Moggi'); a first name needs a surname."""
        t = doc[i]
        first = t.text in self.first_names and not t.text.isupper() and t.pos_ in _FIRST_NAME_POS \
            and not t.is_sent_start and common_noun_lemma(t.text) is None
        role = i > 0 and t.pos_ == "PROPN" and t.text[:1].isupper() and self.is_role(doc[i - 1])
        if not (first or role):
            return None
        end = i + 1
        while end < len(doc) and end - i < _PERSON_MAX and not _genitive(doc[end - 1]) and self.surname_like(doc[end]):
            end += 1
        if end == i + 1 and not (role and self.surname_like(t)):
            return None
        return end

    def add_persons(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """PER for the persons `person_end` finds: added where no entity is, replacing ORG/LOC
        spans that lie inside the name ('Gerhart' ORG + 'Jander' LOC), or a PER span
        extended by the first name before it; never over a PER or MISC span, a listed place
        or a name of the model's gazetteer (no blind overwrite)."""
        owner = {i: k for k, e in enumerate(ents) for i in range(e.start, e.end)}
        # a name an organisation noun typed ORG in this article is no person after a role word:
        # "Vorstandsvorsitzender [Covestro]" after "Der Kunststoff-Hersteller [Covestro]" (session 14)
        org_typed = {e.text for e in typed if e.label_ == "ORG"} if self.org_apposition else set()
        # ... nor a run that ends in such a name: "Project Manager Concept Development [Nordex]", the company
        # typed by its legal form elsewhere (`company_short_names`, session 32)
        org_typed_ends = {e.end: e.start for e in typed if e.label_ == "ORG"} if self.org_apposition else {}
        new, drop = [], set()
        i = 0
        while i < len(doc):
            end = self.person_end(doc, i)
            if end is not None and (doc[i:end].text in org_typed or org_typed_ends.get(end, -1) >= i):
                end = None
            if end is None:
                i += 1
                continue
            inside = sorted({owner[x] for x in range(i, end) if x in owner})
            spans = [ents[k] for k in inside]
            if i > 0 and len(spans) == 1 and spans[0].label_ == "PER" and (spans[0].start, spans[0].end) == (i, end) \
                    and self.is_role(doc[i - 1]) and not self.place_or_genitive(spans[0], ents):
                # the model's own PER after a role word ("Schiedsrichter [Undiano]") is decided by the
                # context as much as one this repair makes: typed, so that `context_wins` beats the
                # model's other guesses for the word ("Undiano" LOC 4x). Session 15: the shipped ner
                # said LOC there and this repair typed its PER; the augmented ner said PER itself,
                # the repair did nothing and the majority turned all five into LOC.
                typed.append(spans[0])
                i = end
                continue
            span = None
            if len(spans) == 1 and spans[0].label_ == "PER" and spans[0].start == i + 1 and i not in owner:
                span = Span(doc, i, spans[0].end, label="PER")  # "Barnaba [Marial Benjamin]"
            elif self.first_name_surnames and len(spans) == 1 and spans[0].label_ == "PER" \
                    and (spans[0].start, spans[0].end) == (i, i + 1) and end > i + 1 \
                    and all(doc[x].pos_ == "PROPN" or compound_head(doc[x].text) is None for x in range(i + 1, end)):
                # session 33: the model's PER is the listed first name alone, the surname after it left out
                # ("kritisiert [Gabi] Sprickler-Falschlunger", "Frauen-Chefin [Sabine] Promberger"); a word
                # after it that the tagger calls no proper noun and whose head is a common noun is none
                # ("werfen [Luna] Menschenhandel vor", "Prinz [Eugens] Gefährte")
                span = Span(doc, i, end, label="PER")
            elif not any(e.start < i or e.end > end or e.label_ in ("PER", "MISC") for e in spans) \
                    and not (spans and (doc[i:end].text in self.known_names or self.listed_place(doc[i:end].text))):
                # session 37: a place of any list, not only the model's gazetteer ('in [Santa Monica] gestorben',
                # the model's LOC, whose two words are listed first names: 10kGNAD)
                span = Span(doc, i, end, label="PER")
            if span is None:
                i += 1
                continue
            drop.update(inside)
            new.append(span)
            i = span.end
        if not new:
            return ents
        repaired.extend(new)
        typed.extend(new)
        return sorted([e for k, e in enumerate(ents) if k not in drop] + new, key=lambda e: e.start)

    def add_speakers(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """PER for a capitalised proper noun alone right after a verb of saying and right before a punctuation
        mark (ner_rules.json ``speaker_verbs``), where no entity is: the speaker of a quote ("sagt [Bilalic].",
        "meinte [Torgersen],"; 10kGNAD and web pages, session 34: the model left these out where the person is
        named by the surname alone). Our rule. Not a listed place, an organisation word, a legal form, a role word,
        a common noun by the lemma table, an acronym or an outlet (`news_sources` types those after reporting
        verbs, which are not in the list)."""
        owner = {i for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        for i in range(1, len(doc) - 1):
            t, verb = doc[i], doc[i - 1]
            w = t.text
            if i in owner or verb.lemma_ not in self.speaker_lemmas or verb.pos_ not in ("VERB", "AUX") \
                    or doc[i + 1].text not in self.speaker_after or t.pos_ != "PROPN" or t.is_sent_start:
                continue
            if not w[:1].isupper() or not w.isalpha() or w.isupper() or self.listed_place(w) or w in self.org_heads \
                    or w in self.legal_forms or w in self.source_outlets or self.is_role(t) \
                    or common_noun_lemma(w) is not None:
                continue
            new.append(Span(doc, i, i + 1, label="PER"))
        return with_added(ents, new, repaired)

    def role_surname(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """A PER span that begins with a word that is a role and a surname (ner_rules.json ``role_surnames``:
        "Richter") right after a lowercase attributive adjective or a word of ``after`` ("Vorsitzende") loses that
        word, and goes where nothing is left: "der Vorsitzende [Richter]", "der Vorsitzende Richter [Klaus
        Tolksdorf]" (Wikinews train, 10kGNAD; session 34). Our rule. The painter ("die sich [Richter] (83) und
        Pärt") stays: no adjective before him."""
        out: list[Span] = []
        changed = False
        for e in ents:
            i = e.start
            if e.label_ != "PER" or i == 0 or e[0].text not in self.role_surname_words:
                out.append(e)
                continue
            prev = doc[i - 1]
            if not (prev.text in self.role_surname_after or (prev.pos_ == "ADJ" and prev.text.islower())):
                out.append(e)
                continue
            changed = True
            if e.end - i == 1:
                repaired.append(Span(doc, e.start, e.end, label="DROPPED"))
                continue
            span = Span(doc, i + 1, e.end, label="PER")
            out.append(span)
            repaired.append(span)
        return out if changed else ents

    def place_or_genitive(self, span: Span, ents: list[Span]) -> bool:
        """A place of the gazetteer, or a genitive of one or of another name of the article: after a
        role word it is whose role it is ("Trainer [Ghanas]", "Schlussmann [Kameruns]"), not the
        person, even where the model said PER."""
        text = span.text
        names = {e.text for e in ents if e.start != span.start}
        return text in self.known_places or _genitive(span[-1]) or self.genitive_of_name(span, names)

    def lineup_word(self, t: Token) -> bool:
        """A word of a player's name in a line-up: capitalised, letters with hyphens or an apostrophe,
        not an acronym ('Caleta-Car', 'De Paula')."""
        w = t.text
        return w[:1].isupper() and not (w.isupper() and len(w) > 1) \
            and all(part.isalpha() for part in w.replace("'", "-").split("-") if part)

    def lineup_item(self, doc: Doc, j: int) -> Optional[tuple[int, int, int, bool]]:
        """(start, end, next, ended) of one player at token `j` of a line-up: an initial, then the
        capitalised words up to a separator, a bracket or the end ('T. Kainz', 'De Paula'); where the
        words run into a list's header ('Wallner Ersatz:') or into other text ('Derflinger Es
        fehlen:', 'Jelic.'), the first word alone, and the run ends there (`ended`). `next`: the token
        after the player and a comment in brackets after it ('Maak (Meniskuseinriss)'). None: no player."""
        cfg = self.lineup_cfg
        a = j
        if j < len(doc) and _INITIAL.match(doc[j].text):
            a = j + 1
        elif j + 1 < len(doc) and doc[j + 1].text == "." and _INITIAL.match(doc[j].text + "."):
            a = j + 2  # 'Ch' '.' 'Leitgeb': the tokenizer split the initial from its point
        if a >= len(doc) or not self.lineup_word(doc[a]):
            return None
        b = a + 1
        while b < len(doc) and self.lineup_word(doc[b]) and b - a < 3:
            b += 1
        nxt = doc[b].text if b < len(doc) else None
        ended = False
        if nxt == ":":  # the last word is the next list's header: 'Wallner [Ersatz]:'
            b, ended = b - 1, True
            if b == a:
                return None
        elif nxt is not None and nxt not in self.lineup_separators and nxt != "(":
            b, ended = a + 1, True
        k = b
        if not ended and k < len(doc) and doc[k].text == "(":
            close = next((x for x in range(k + 1, min(len(doc), k + 1 + cfg["max_bracket"])) if doc[x].text == ")"), None)
            if close is None:
                ended = True
            else:
                k = close + 1
        return j, b, k, ended

    def lineup_substitute(self, doc: Doc, b: int) -> Optional[tuple[int, int]]:
        """(start, end) of the substitute in the brackets right after a player, after the minute he came on
        ('Veltman (71. Sanogo)', 'Atanga (92. Lainer)'); None where the brackets hold anything else."""
        if b + 3 >= len(doc) or doc[b].text != "(" or not _MINUTE.match(doc[b + 1].text):
            return None
        item = self.lineup_item(doc, b + 2)
        if item is None or item[1] >= len(doc) or doc[item[1]].text != ")":
            return None
        return item[0], item[1]

    def lineup_runs(self, doc: Doc) -> tuple[list[tuple[list[tuple[int, int]], int]], list[tuple[int, int]]]:
        """The players (start, end) of the line-ups in `doc` with the token after each run, and the teams'
        names (start, end) before the runs of the line-up's own shape (`lineup_teams`): each run of players after a colon, separated by
        commas, slashes and dashes (ner_rules.json ``lineups``), that holds ``min_items`` players and
        ``min_dashes`` dashes (the formation's lines: 'Grödig: Swete – T. Kainz, D. Baumgartner, ...
        – Brauer, Rasner – ...'), and each run right after such a one whose header has at most
        ``max_header`` words ('Ersatz:', 'Es fehlen:', 'Fraglich:'). 10kGNAD (Der Standard's
        Bundesliga reports): the model took the surnames for places ('Pichler', 'Kerschbaum' LOC)
        or ran two into one span ('Djuric, Ofosu' PER)."""
        cfg = self.lineup_cfg
        runs: list[tuple[list[tuple[int, int]], int]] = []
        headers: list[tuple[int, int]] = []
        prev_end, prev_ok = -10, False
        for i, t in enumerate(doc):
            if t.text != ":":
                continue
            items: list[tuple[int, int]] = []
            dashes, j = 0, i + 1
            while True:
                item = self.lineup_item(doc, j)
                if item is None:
                    break
                a, b, k, ended = item
                items.append((a, b))
                if ended or k >= len(doc) or doc[k].text not in self.lineup_separators:
                    j = k
                    break
                dashes += doc[k].text in self.lineup_dashes
                j = k + 1
            header = doc[prev_end:i] if prev_end >= 0 else None
            chained = prev_ok and header is not None and 0 < len(header) <= cfg["max_header"] \
                and all(w.is_alpha for w in header)
            shaped = len(items) >= cfg["min_items"] and dashes >= cfg["min_dashes"]
            ok = bool(items) and (shaped or chained)
            if ok:
                runs.append((items, j))
                if shaped and self.lineup_teams and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper():
                    # the team's name, one word before the colon ('Sturm:', 'Grödig:'; not the scorer before it in
                    # 'Tore: 1:0 (52.) Junuzovic Österreich:')
                    headers.append((i - 1, i))
            prev_end, prev_ok = j, ok  # j: the token after the run ('Ersatz' of 'Wallner Ersatz:')
        return runs, headers

    def add_lineup_players(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """PER for each player of a line-up (`lineup_runs`), typed (the list's shape decides it): the
        model's spans on a player's words go ('Pichler' LOC, 'Djuric, Ofosu' PER, 'Kienast
        (Hüftprobleme)' LOC), unless one reaches out of the line-up (no blind overwrite)."""
        new: list[Span] = []
        drop: set[int] = set()
        runs, headers = self.lineup_runs(doc)
        for h, i in headers:
            # the team: a place stands for its club (LOC, GUIDELINES.md), else the club's name (ORG); the
            # model's ORG or LOC there stays, its PER or MISC goes ('Sturm' 6x in the article, missed)
            over = [k for k, e in enumerate(ents) if e.start < i and e.end > h]
            if len(over) == 1 and (ents[over[0]].start, ents[over[0]].end) == (h, i) and ents[over[0]].label_ in ("ORG", "LOC"):
                typed.append(ents[over[0]])
                continue
            if any(ents[k].start < h or ents[k].end > i for k in over):
                continue
            text = doc[h:i].text
            label = "LOC" if self.listed_place(text) else "ORG"
            drop.update(over)
            new.append(Span(doc, h, i, label=label))
        for items, hi in runs:
            lo = items[0][0]
            subs = [sub for _, b in items if (sub := self.lineup_substitute(doc, b)) is not None]
            for a, b in items + subs:
                over = [k for k, e in enumerate(ents) if e.start < b and e.end > a]
                if any(ents[k].start < lo or ents[k].end > hi for k in over):
                    continue
                if len(over) == 1 and (ents[over[0]].start, ents[over[0]].end, ents[over[0]].label_) == (a, b, "PER"):
                    typed.append(ents[over[0]])
                    continue
                drop.update(over)
                new.append(Span(doc, a, b, label="PER"))
        if not new and not drop:
            return ents
        repaired.extend(new)
        typed.extend(new)
        return sorted([e for k, e in enumerate(ents) if k not in drop] + new, key=lambda e: e.start)

    def join_particle_surnames(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """A PER span that ends in a capitalised surname particle (names.json ``surname_particles``) before
        lowercase particles and a capitalised word runs on to that word: '[Alexander Van] der Bellen',
        '[Van] der Bellens' (10kGNAD: 30 mentions in 12 articles, every one cut so). Words before the
        particle that are no listed first names are another name ('[Kickl Van] der Bellen' ->
        'Kickl', 'Van der Bellen'; the first of them stays the model's PER). An entity on the surname
        word alone gives way; one reaching further keeps the span as it was."""
        out = list(ents)
        changed = False
        for k, e in enumerate(ents):
            last = doc[e.end - 1]
            if e.label_ != "PER" or not last.text[:1].isupper() or last.lower_ not in self.particles:
                continue
            j = e.end
            while j < len(doc) and j - e.end < 2 and doc[j].text.islower() and doc[j].lower_ in self.particles:
                j += 1
            if j == e.end or j >= len(doc) or not self.lineup_word(doc[j]) or doc[j].is_sent_start:
                continue
            over = [x for x, o in enumerate(ents) if x != k and o.start < j + 1 and o.end > e.end]
            if any(ents[x].start < j or ents[x].end > j + 1 for x in over):
                continue
            start = e.start
            while start < e.end - 1 and doc[start].text in self.first_names:
                start += 1
            start = e.start if start == e.end - 1 else e.end - 1  # all first names: the whole; else from the particle
            span = Span(doc, start, j + 1, label="PER")
            out[k] = span
            repaired.append(span)
            if start > e.start:  # 'Kickl' of '[Kickl Van] der Bellen'
                rest = Span(doc, e.start, start, label="PER")
                out.append(rest)
                repaired.append(rest)
            for x in over:
                out[x] = None
            changed = True
        return sorted((e for e in out if e is not None), key=lambda e: e.start) if changed else ents

    def join_arabic_particles(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """A PER span runs on over an Arabic name particle right after it (ner_rules.json ``person_particles``): a
        token of a listed prefix, a hyphen and a capitalised word ('[Othman] el-Zentani' -> '[Othman el-Zentani]',
        Wikinews train; '[Said Raad] al-Hussein', '[Abu Bakr] al-Baghdadi', 10kGNAD), or a listed lowercase word
        before a capitalised one ('[Ahmed bin Mohammed] al-Mansuri', '[Sultan Turki] bin Said'); at most
        ``max_runs`` steps. The word after the particle may be the model's one-word PER ('Sultan Qabus bin [Said]':
        one person, 10kGNAD), or its one-word LOC/ORG/MISC when that is no listed place ('[Hussein] al [Huthi]' LOC,
        Wikinews dev); any other entity stops the run. Our rule (session 35):
        the model cut these names at the particle."""
        owner = {i: k for k, e in enumerate(ents) for i in range(e.start, e.end)}

        def free(i: int) -> bool:  # no entity on token i, or the model's one-word non-PER guess that no list backs
            k = owner.get(i)
            if k is None:
                return True
            o = ents[k]
            return len(o) == 1 and (o.label_ == "PER" or o.label_ in ("LOC", "ORG", "MISC") and not self.listed_place(o.text))

        out, drop, changed = list(ents), set(), False
        for k, e in enumerate(ents):
            if e.label_ != "PER" or k in drop:
                continue
            end = e.end
            for _ in range(self.arabic_max_runs):
                if end >= len(doc):
                    break
                t = doc[end]
                if free(end) and self.arabic_hyphen_re.match(t.text) and all(p.isalpha() for p in t.text.split("-")):
                    end += 1
                elif end not in owner and t.text in self.arabic_words and end + 1 < len(doc) and free(end + 1) \
                        and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha and not doc[end + 1].is_sent_start:
                    end += 2
                else:
                    break
            if end == e.end:
                continue
            drop.update(owner[i] for i in range(e.end, end) if i in owner)
            out[k] = Span(doc, e.start, end, label="PER", kb_id=e.kb_id_)
            repaired.append(out[k])
            changed = True
        return [e for k, e in enumerate(out) if k not in drop] if changed else ents
