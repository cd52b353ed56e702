"""Names found by their form where the model missed or split them: federal institutions
(`institutions`), an authority or facility word with its place (`institution_places`), a
dateline's agency tags (`datelines`), roads by number (`roads`), and a party name joined by a
slash ('Bündnis 90/Die Grünen', `strip_descriptors`)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .common import _genitive, date_figure_tokens, with_added
from .data import common_noun_lemma


class AddedNameRules:
    """Methods of `NerRules` for the job named above (component.py composes the mixins into it)."""

    def is_institution(self, doc: Doc, i: int) -> bool:
        """'Generalbundesanwaltschaft', 'Bundesbildungsministeriums': a single word that names
        a federal institution (``federal_institutions``), not followed by 'für'; or a parliamentary
        chamber (``chambers``: 'Unterhaus', 'Senat'; session 25), or a foundation or parliamentary group by
        its hyphenated compound (``hyphen_org_heads``: 'Gates-Stiftung', 'Grünen-Fraktion'; session 25)."""
        word = doc[i].text
        if word in self.chambers:  # "Das britische Unterhaus", not "Berliner Senat" (a city adjective's noun)
            prev = doc[i - 1] if i else None
            return not (prev is not None and prev.text[:1].isupper() and prev.text.endswith(self.city_suffix)
                        and not prev.is_sent_start)
        if "-" in word and word[:1].isupper() and word.rsplit("-", 1)[1] in self.hyphen_org_heads:
            return True  # "Gates-Stiftung", "Grünen-Fraktion"
        if not word.startswith(self.institution_prefixes) or not word.isalpha() \
                or (i + 1 < len(doc) and doc[i + 1].lower_ in self.institution_not_before):
            return False
        stem = word.removesuffix("es") if word.endswith("es") else word.removesuffix("s")
        for w in {word, stem}:
            rest = next((w[len(p):] for p in sorted(self.institution_prefixes, key=len, reverse=True) if w.startswith(p)), "")
            if rest in self.institution_whole_heads or (rest.endswith(self.institution_heads) and rest[:1].islower()):
                return True
        return False

    def dach_institution(self, doc: Doc, i: int, starts: frozenset = frozenset()) -> Optional[tuple[int, str]]:
        """(end, label) of an Austrian or Swiss body of ``institutions_dach.tsv`` starting at token `i`
        ('ÖVP', 'Nationalrats', 'Team Stronach'; session 28): its words as whole tokens, case-sensitive,
        the longest; None where there is none, where a capitalised adjective is before it (a longer
        name: 'Hessischen Verwaltungsgerichtshof') or a proper noun, the start of an entity (`starts`) or a
        listed place after it (a title: 'Nationalrat Roland Borer', a Swiss member of the chamber; a
        party's branch: 'ÖVP Burgenland', 'ÖVP Wien', 10kGNAD)."""
        if doc[i].text not in self.dach_first_words:
            return None
        for n in self.dach_lengths:
            words = tuple(t.text for t in doc[i:i + n])
            label = self.dach_names.get(words) if len(words) == n else None
            if label is None:
                continue
            prev = doc[i - 1] if i else None
            nxt = doc[i + n] if i + n < len(doc) else None
            if prev is not None and prev.pos_ == "ADJ" and prev.text[:1].isupper() and not prev.is_sent_start:
                return None
            if nxt is not None and ((nxt.pos_ == "PROPN" and nxt.text[:1].isupper()) or nxt.i in starts
                                    or nxt.text in self.regions or nxt.text in self.place_list):
                return None
            return i + n, label
        return None

    def add_institutions(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """ORG for the federal institutions the model missed (no entity covers the word), and the
        Austrian and Swiss bodies of ``institutions_dach.tsv`` (`dach_institution`) over no entity; a
        model's PER or LOC over exactly such a name takes the table's label (`dach_relabelled`)."""
        starts = frozenset(e.start for e in ents)
        ents = self.dach_relabelled(doc, ents, starts, repaired, typed)
        taken = {i for e in ents for i in range(e.start, e.end)}
        added = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.i not in taken and self.is_institution(doc, t.i)]
        taken |= {i for e in added for i in range(e.start, e.end)}
        i = 0
        while i < len(doc):
            found = self.dach_institution(doc, i, starts) if i not in taken else None
            if found is None or any(k in taken for k in range(i, found[0])):
                i += 1
                continue
            added.append(Span(doc, i, found[0], label=found[1]))
            i = found[0]
        added.sort(key=lambda e: e.start)
        return with_added(ents, added, repaired, typed)

    def join_party_branches(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """A party and the Land or canton right after it, one space between, are one ORG: the party's branch
        ('von der ÖVP Burgenland konterkariert', 'Chef der ÖVP Wien' -> 'ÖVP Burgenland', 'ÖVP Wien'; 10kGNAD,
        where `dach_institution` leaves the party out for the place after it and `presseschau_names` then made
        ORG + LOC of them); each word the model's entity of its own (the party ORG, the place LOC) or no
        entity's word. Our rule (session 30, issue 13): GUIDELINES.md keeps an authority with its place as one
        name ('Staatsanwaltschaft Ellwangen'), the Wikinews gold 'Grüne Kanton Solothurn' (ner_rules.json
        ``party_branches``: the parties, the kinds of regions.tsv). Session 37 (switch ``org_branches``): any ORG
        entity, not only a listed party, with its Land right after it in the same sentence ('die
        Heinrich-Böll-Stiftung Baden-Württemberg' ORG + LOC, web pages); the ORG's last word ends in a letter or
        digit ('Merlicek & Bergmann. Wien', 10kGNAD, stays two)."""
        by_start = {e.start: e for e in ents}
        by_end = {e.end: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        drop: set[int] = set()
        added: list[Span] = []
        for t in doc[:-1]:
            i = t.i
            if doc[i + 1].text not in self.branch_regions or t.whitespace_ != " ":
                continue
            org, place = by_end.get(i + 1), by_start.get(i + 1)
            place_ok = (i + 1 not in taken) or (place is not None and (place.end, place.label_) == (i + 2, "LOC"))
            if not place_ok:
                continue
            if t.text in self.branch_parties and (i not in taken or (org is not None and (org.start, org.label_) == (i, "ORG"))):
                start = i
            elif self.org_branches and org is not None and org.label_ == "ORG" and t.text[-1:].isalnum() \
                    and not doc[i + 1].is_sent_start:
                # any organisation the model or a rule named, with its Land right after it in the same sentence: the
                # Land's branch ('die Heinrich-Böll-Stiftung Baden-Württemberg', 'ver.di Baden-Württemberg'; session 37),
                # not a place that starts the next sentence ('Merlicek & Bergmann. Wien', 10kGNAD)
                start = org.start
            else:
                continue
            drop |= {id(e) for e in (org, place) if e is not None}
            added.append(Span(doc, start, i + 2, label="ORG"))
        if not added:
            return ents
        repaired.extend(added)
        typed.extend(added)
        return sorted([e for e in ents if id(e) not in drop] + added, key=lambda e: e.start)

    def dach_relabelled(self, doc: Doc, ents: list[Span], starts: frozenset, repaired: list[Span],
                        typed: list[Span]) -> list[Span]:
        """The model's PER or LOC whose words are exactly a body of ``institutions_dach.tsv`` (with
        the guards of `dach_institution`) takes the table's label: 'Team Stronach' PER (the party,
        named after its founder), 'von Polizei und [Bundesheer]' LOC -> ORG (session 29, 10kGNAD). The
        table lists only names that are no person's or place's; a typed label, so `presseschau_names`
        gives every mention of the name the same one."""
        out: list[Span] = []
        for e in ents:
            found = self.dach_institution(doc, e.start, starts) if e.label_ in ("PER", "LOC") else None
            if found is not None and found[0] == e.end and found[1] != e.label_:
                e = Span(doc, e.start, e.end, label=found[1], kb_id=e.kb_id_)
                repaired.append(e)
                typed.append(e)
            out.append(e)
        return out

    def institution_place_label(self, token: Token) -> Optional[str]:
        """ORG for an authority ('Polizeidirektion', 'Amtsgerichts'), LOC for a facility
        ('Flughafen', 'Kernkraftwerkes') that makes one name with the place after it
        (``institution_places``: the whole word or a compound's end, genitive -s/-es too; a
        hyphenated compound by its last part: 'NS-Dokumentationszentrum'); None for any other word."""
        word = token.text
        if not word[:1].isupper() or not word.rsplit("-", 1)[-1].isalpha():
            return None
        low = word.lower()
        stems = (low, low[:-1]) if low.endswith("s") else (low,)
        stems += (low[:-2],) if low.endswith("es") else ()
        return next((lab for lab, heads in self.institution_place_heads for stem in stems if stem.endswith(heads)), None)

    def join_institution_places(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """'Polizeidirektion [Hannover]' -> 'Polizeidirektion Hannover' ORG, 'Justizvollzugsanstalt
        [Aachen]' -> LOC: a place (LOC span) right after an authority or facility word that no
        entity covers is one name with it (GUIDELINES.md: 'Staatsanwaltschaft Ellwangen',
        'Flughafen Guam'), with capitalised adjectives before that word inside ('Technischen
        Universität München'); not a place in the genitive ('Polizei Mexikos': the place's police)."""
        out: list[Span] = []
        for ent in ents:
            i = ent.start - 1
            prev_end = out[-1].end if out else 0
            label = self.institution_place_label(doc[i]) if ent.label_ == "LOC" and i >= prev_end and not _genitive(ent[-1]) else None
            if label is None:
                out.append(ent)
                continue
            # adjectives of the name: capitalised mid-sentence ("Freien Universität"), not an article or a sentence start
            while i - 1 >= prev_end and doc[i - 1].pos_ == "ADJ" and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start:
                i -= 1
            span = Span(doc, i, ent.end, label=label, kb_id=ent.kb_id_)
            out.append(span)
            repaired.append(span)
            typed.append(span)
        return out

    def dateline_tags(self, doc: Doc, place: Span) -> list[tuple[int, int]]:
        """Token bounds of the agency tags of a dateline: a place at a line's start, then the
        tags in brackets, one word each, joined by slashes, then a full stop or a dash
        (``datelines``): "Hamburg (dpa/lno) –", "Wiesbaden (KNA/iz).", "Berlin (jur)."; none
        where the words do not have this form."""
        i, n = place.end, len(doc)
        line_start = place.start == 0 or "\n" in doc[place.start - 1].text or doc[place.start - 1].text_with_ws.endswith("\n")
        if not line_start or i >= n or doc[i].text != "(":
            return []
        tags, j = [], i + 1
        while j < n and doc[j].text.isalpha() and len(doc[j].text) <= self.dateline_tag_max:
            tags.append((j, j + 1))
            if j + 1 < n and doc[j + 1].text == "/":
                j += 2
                continue
            j += 1
            break
        closed = j < n and doc[j].text == ")" and j + 1 < n and doc[j + 1].text in self.dateline_ends
        return tags if closed and tags and j == tags[-1][1] else []

    def add_dateline_tags(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """ORG for the agency tags of a dateline the model missed ("Wiesbaden ([KNA]/[iz]).",
        "Hamburg (dpa/[lno]) –"; session 16, web news: the news and picture agencies, regional
        services included, are organisations in the web gold); a tag the model named keeps its label."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        added: list[Span] = []
        for ent in ents:
            if ent.label_ != "LOC":
                continue
            for a, b in self.dateline_tags(doc, ent):
                if not any(i in taken for i in range(a, b)):
                    span = Span(doc, a, b, label="ORG")
                    added.append(span)
                    repaired.append(span)
                    typed.append(span)
        return sorted(ents + added, key=lambda e: e.start) if added else ents

    def dateline_places(self, doc: Doc, i: int) -> list[int]:
        """The tokens of the place(s) of a dateline starting at token `i`: at the text's or a line's
        start or right after a sentence's end (derStandard puts "Wien – " after the teaser sentence on
        the same line), one or more single words joined by slashes ("Garching/Heidelberg"), then a dash
        and a capitalised word ("Eisenstadt – Der burgenländische ..."; the dashes among ``datelines.ends``); each
        word a place of the place lists (the model's gazetteer, place_names.tsv.gz, regions.tsv) and no
        common noun, first name or surname (the guards of `add_places`); [] where the words do not have
        this form."""
        n = len(doc)
        if not self.dateline_opens(doc, i):
            return []
        words, j = [], i
        while j < n:
            t = doc[j]
            if not self.place_word(t, any_region=True):
                return []
            words.append(j)
            if j + 2 < n and doc[j + 1].text == "/" and not doc[j].whitespace_:
                j += 2
                continue
            j += 1
            break
        return words if self.dateline_dash(doc, j) else []

    def dateline_opens(self, doc: Doc, i: int) -> bool:
        """Token `i` may open a dateline: at the text's or a line's start or right after a sentence's end (a closing
        quote of ``dateline_places.quotes`` may stand between: derStandard's teaser sentence, then 'Wien – ')."""
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and "\n" not in prev.text and not prev.text_with_ws.endswith("\n"):
            if prev.text in self.dateline_quotes and i >= 2:
                prev = doc[i - 2]
            if prev.text not in (".", "!", "?"):
                return False
        return True

    def dateline_dash(self, doc: Doc, j: int) -> bool:
        """Token `j` is the dash that closes a dateline's place(s): one of ``datelines.ends``' dashes after a space,
        then a capitalised word ('Eisenstadt – Der burgenländische ...')."""
        return 0 < j and j + 1 < len(doc) and doc[j].text in self.dateline_place_dashes and bool(doc[j - 1].whitespace_) \
            and doc[j + 1].text[:1].isupper()

    def dateline_persons(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """LOC for a model's PER or ORG that is a dateline's place: the whole span between a dateline's opening
        (`dateline_opens`) and its dash (`dateline_dash`), one word of the place lists with `place_word`'s guards
        ('Wels', 'Raqqa': 'Medienkulturhaus setzt Flüchtlingsschwerpunkt. [Wels] – Keine Sozialleistungen'), or
        several words that a place list holds as one name ('[Santa Monica] – Über das Jahr 1968', where 'Santa' and
        'Monica' are first names). The slot before the dash names where the report comes from (derStandard, agency
        copy), and the model, which saw few datelines, took such a word for the subject of the sentence; a
        person's name there would need a dash right after a sentence's end. Our rule (session 37, issue 13)."""
        out: list[Span] = []
        for e in ents:
            if e.label_ in ("PER", "ORG") and self.dateline_opens(doc, e.start) and self.dateline_dash(doc, e.end) \
                    and (self.place_word(doc[e.start], any_region=True) if len(e) == 1
                         else all(t.is_alpha for t in e) and self.listed_place(e.text)):
                e = Span(doc, e.start, e.end, label="LOC")
                repaired.append(e)
                typed.append(e)
            out.append(e)
        return out

    def add_dateline_places(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """LOC for the place of a dateline the model missed (`dateline_places`: "Eisenstadt – Der
        burgenländische Landespolizeidirektor", "Bern – Den ganz eigenen Klang", "Garching/[Heidelberg] –":
        session 28, 10kGNAD, where the cleaner's meta already reads them as the place: clean/furniture_print.py
        `_dateline_at`); the words no entity, date or figure covers ("[Garching]/Heidelberg": the model's LOC stays)."""
        ents = self.split_dateline_places(doc, ents, repaired)
        taken = {i for e in ents for i in range(e.start, e.end)}
        taken |= date_figure_tokens(doc)
        added: list[Span] = []
        i = 0
        while i < len(doc):
            words = self.dateline_places(doc, i) if i not in taken else []
            if not words:
                i += 1
                continue
            added.extend(Span(doc, k, k + 1, label="LOC") for k in words if k not in taken)  # "[Garching]/Heidelberg"
            i = words[-1] + 1
        return with_added(ents, added, repaired)

    def split_dateline_places(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """A model's LOC over a dateline's places joined by slashes is one LOC per place
        (`dateline_places`, each word a place of the lists): '[Frankfurt/Wien] – Spekulationen' ->
        '[Frankfurt]/[Wien]', 'Wien/Schwechat/Frankfurt –', 'Jerusalem/Ramallah –' (session 29, 10kGNAD:
        a dateline names the places the report comes from, each its own name). Elsewhere a slashed
        LOC stays ('Weilheim/Teck', 'eine Distanz wie Hamburg/München': the gold keeps some whole)."""
        out: list[Span] = []
        for e in ents:
            if e.label_ == "LOC" and len(e) >= 3 and any(t.text == "/" for t in e):
                words = self.dateline_places(doc, e.start)
                if words and words[-1] == e.end - 1 and len(words) == (len(e) + 1) // 2:
                    parts = [Span(doc, k, k + 1, label="LOC") for k in words]
                    out.extend(parts)
                    repaired.extend(parts)
                    continue
            out.append(e)
        return out

    def road_bounds(self, doc: Doc, i: int) -> Optional[tuple[int, int]]:
        """Token bounds of a road by number starting at token `i` (``roads``): a road word and a
        number ('Autobahn 52', 'Bundesstraße 49'), or a road letter and a number ('A 52', 'A1',
        'B 500') after a road word, an article or preposition, a bracket or a comma, so not a
        model's name ('Audi A4', 'DIN A4', 'Gruppe B 3'); None when there is none."""
        t = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if t.text in self.road_words:
            return (i, i + 2) if nxt is not None and nxt.text.isdigit() and len(nxt.text) <= 3 else None
        letter, digits = t.text[:1], t.text[1:]
        if letter not in self.road_letters or (digits and not digits.isdigit()):
            return None
        end = i + 1 if digits else i + 2
        digits = digits or (nxt.text if nxt is not None and nxt.text.isdigit() else "")
        if not digits or len(digits) > self.road_letters[letter] or (end < len(doc) and doc[end].text[:1].isdigit()):
            return None
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and not (prev.text in self.road_words or prev.text in self.road_plural_words
                                     or prev.pos_ in ("DET", "ADP") or prev.text in ("(", ",")):
            return None
        return i, end

    def add_roads(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """LOC for the roads by number that the model missed ('Auf der Autobahn 52', 'Die Autobahn
        A 52'): where no entity, date or figure covers the tokens."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        taken |= date_figure_tokens(doc)
        added: list[Span] = []
        i = 0
        while i < len(doc):
            bounds = self.road_bounds(doc, i) if i not in taken else None
            if bounds is None or any(k in taken for k in range(*bounds)):
                i += 1
                continue
            added.append(Span(doc, *bounds, label="LOC"))
            i = bounds[1]
        return with_added(ents, added, repaired)

    def add_places(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """LOC for a place the model missed right after a locative preposition (``place_prepositions``:
        'auf dem Weg nach [Togliatti]', 'Werks in [Grünheide] bei Berlin', 'die von [Biel] herkam') or
        in a list with a place the model found (`coordinated_with_place`: 'Bonn, Düsseldorf, [Herten],'): a
        single capitalised word that no entity, date or figure covers, that is a place of the model's
        gazetteer or of lang/de/place_names.tsv.gz (GeoNames, CLDR, districts and the project's
        regions.tsv: training/place_names.py), and no common noun ('in Halle'; a region of regions.tsv
        is one though the lemma table reads it as a noun's other form: 'Böhmen und [Mähren]', Mähre; nor
        a mass noun of ``unnamed_nouns``: 'bei Eisen', seed 004), first name, surname or compass
        direction ('nach Osten', not annotated: GUIDELINES.md), and that starts no longer name (the next
        word is no capitalised proper noun: 'in New York'). Not after a 'von' that follows a capitalised
        word (a surname particle: 'Otto von Bismarck'). First the model's PERs that are such places
        become LOC (`places_read_as_persons`)."""
        ents = self.places_read_as_persons(doc, ents, repaired)
        taken = {i for e in ents for i in range(e.start, e.end)}
        taken |= date_figure_tokens(doc)
        places = {(e.start, e.end) for e in ents if e.label_ == "LOC"}
        added: list[Span] = []
        for t in doc[1:]:
            prev = doc[t.i - 1]
            if t.i in taken:
                continue
            if prev.lower_ not in self.place_prepositions and not self.coordinated_with_place(doc, t.i, places):
                continue
            if prev.lower_ == "von" and t.i >= 2 and doc[t.i - 2].text[:1].isupper():
                continue  # "Otto von [Bismarck]"
            if self.place_word(t) and not self.longer_name_after(doc, t.i + 1):
                added.append(Span(doc, t.i, t.i + 1, label="LOC"))
        return with_added(ents, added, repaired)

    def places_read_as_persons(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """LOC for the model's PER over a single word of the place lists right after a locative preposition
        of ``place_prepositions`` other than 'von' (a surname particle): 'der Gendarmerie aus [Rodez]'
        (Wikinews dev), 'Stiftung in [Ramallah] leitete', 'wurde in [Dresden] geboren' (web2), with the
        guards of `add_places` (`place_word`: no first name, surname or common noun; no capitalised name
        after it, `longer_name_after`)."""
        out: list[Span] = []
        person_ends = {e[-1].text for e in ents if e.label_ == "PER" and len(e) > 1} if self.countries_as_persons else set()
        for e in ents:
            if e.label_ == "PER" and len(e) == 1 and ((
                    e.start >= 1 and doc[e.start - 1].lower_ in self.place_prepositions and doc[e.start - 1].lower_ != "von"
                    and self.place_word(doc[e.start]) and not self.longer_name_after(doc, e.end))
                    or (self.countries_as_persons and self.country_word(doc[e.start], person_ends))):
                e = Span(doc, e.start, e.end, label="LOC")
                repaired.append(e)
            out.append(e)
        return out

    def add_west_bloc(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """LOC for 'Westen' as the geopolitical bloc (GUIDELINES.md, names 11; ner_rules.json ``west_bloc``):
        'Der [Westen] hatte von der neugewählten ...', 'emigrierte 1956 in den [Westen]', 'die Sanktionen des
        [Westens]' (Wikinews dev), 'gegen den [Westen]' (Wikinews train): the word right after an article (a
        quote mark between allowed), not before a genitive article or 'von' ('der Westen des Landes') or a proper
        noun ('der Westen Deutschlands'), no compass word near it ('vom Osten bis in den Westen', 'der Westen und
        Norden'), no entity over it. 'im Westen' (mostly a part of a country) and 'Osten' are left. Our rule
        (session 34): on the pool (10kGNAD, web_pages_de) 16 spans, 14 the bloc; 'Der Westen' for western
        Austria (one 10kGNAD article, 2x) is the error left."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        added: list[Span] = []
        for t in doc:
            if t.text not in self.west_words or t.i in taken or t.i == 0:
                continue
            k = t.i - 1
            if doc[k].is_quote and k >= 1:
                k -= 1
            if doc[k].lower_ not in self.west_articles:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.is_quote and t.i + 2 < len(doc):
                nxt = doc[t.i + 2]
            if nxt is not None and (nxt.lower_ in self.west_not_after or (nxt.text[:1].isupper() and nxt.pos_ == "PROPN")):
                continue
            near = doc[max(0, t.i - self.west_window):t.i].text.split() + doc[t.i + 1:t.i + 1 + self.west_window].text.split()
            if any(w.strip("„“\"',.") in self.west_compass for w in near):
                continue
            added.append(Span(doc, t.i, t.i + 1, label="LOC"))
        return with_added(ents, added, repaired)

    def add_hyphen_places(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """LOC for one word the model left out that joins a place to a geographic head by a hyphen (ner_rules.json
        ``hyphen_places``): 'die für die [Omo-Region] zuständige', 'des [Omo-Flusses]', 'in der [Guantánamo-Bucht]',
        'bei [Guatemala-Stadt]', 'Herborn ([Lahn-Dill-Kreis])' (Wikinews train). The first part is no acronym
        ('US-Stadt', 'DGB-Region'), common noun by the lemma table ('Auto-Stadt', 'Troll-Halbinsel'), first name,
        or surname that is no listed place ('Krupp-Stadt'; 'Rhein' is both); the other parts are capitalised; a
        district's head ('Kreis') only after two parts or more ('[Rhein-Sieg-Kreises]', not 'engsten
        Bayern-Kreis'), 'Stadt' only after a place of the lists (`listed_place`: '[Kuwait-Stadt]', not
        'Mozart-Stadt', 'Delme-Stadt' a nickname). No entity, date or figure over it. GUIDELINES.md: such a compound names the place (the Wikinews gold marks them LOC). Our rule
        (session 35, issue 13: 12 of the model's LOC misses on Wikinews train and the open dev sets)."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        taken |= date_figure_tokens(doc)
        added: list[Span] = []
        for t in doc:
            if t.i in taken or "-" not in t.text or not t.text[:1].isupper():
                continue
            parts = t.text.split("-")
            head, first = parts[-1], parts[0]
            if head not in self.hyphen_place_heads or len(parts) < 2 or any(not p[:1].isupper() for p in parts) \
                    or (head in self.hyphen_multi_part_heads and len(parts) < 3):
                continue
            listed = self.listed_place(first)
            if first.isupper() or common_noun_lemma(first) is not None or first in self.first_names \
                    or (first in self.surnames and not listed) or (head in self.hyphen_listed_heads and not listed):
                continue
            added.append(Span(doc, t.i, t.i + 1, label="LOC"))
        return with_added(ents, added, repaired)

    def add_article_names(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """The label of ner_rules.json ``article_names`` for such a word alone right after a definite article or a
        preposition fused with one (``evidence_nouns.articles``): 'dass die [Union] ihre Kritik an Österreich', 'von
        der [Union] beschlossene Verteilsystem' (10kGNAD: the EU), 'die [Union]' for CDU/CSU in German news; the
        model, which knows 'Europäische Union', left the short form out. GUIDELINES.md: 'Union' for CDU/CSU is ORG,
        and so is the EU. No entity, date or figure over it, no hyphen or capitalised proper noun after it ('Union
        Berlin', 'Union-Fraktion'): the article right before it leaves no room for an adjective ('die europäische
        Union'). Our rule (session 37, issue 13): counts in docs/measurements/ner.md."""
        taken = {i for e in ents for i in range(e.start, e.end)} | date_figure_tokens(doc)
        added: list[Span] = []
        n = len(doc)
        for t in doc[1:]:
            label = self.article_name_words.get(t.text)
            if label is None or t.i in taken or doc[t.i - 1].lower_ not in self.evidence_noun_articles:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < n else None
            if nxt is not None and not t.whitespace_ and nxt.text[:1] in "-\u2010\u2011":
                continue
            if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "X"):
                continue
            added.append(Span(doc, t.i, t.i + 1, label=label))
        return with_added(ents, added, repaired, typed)

    def add_agency_credits(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """ORG for a news agency in a credit line's bracket (ner_rules.json ``agency_credits``): 'Rapid hatte nur einen
        Aussetzer. ([APA], 18.3.2016)', '([APA/dpa], 23.8.2015)', 'soll ... Geld einbringen. ([APA])' (10kGNAD: derStandard
        closes agency copy and results tables so). A token of ``agencies`` (or of agencies joined by '/', one span as
        'CDU/CSU') right after '(' and before ``after`` (',', ')', a dash), no entity over it. GUIDELINES.md: agencies are
        ORG, and the names in a source line are annotated. Our rule (session 36, issue 13): counts on 10kGNAD in
        docs/measurements/ner.md."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        added: list[Span] = []
        n = len(doc)
        for t in doc:
            i = t.i
            if i in taken or i == 0 or i + 1 >= n or doc[i - 1].text != "(" or doc[i + 1].text not in self.credit_after:
                continue
            if all(part in self.credit_agencies for part in t.text.split("/")):
                added.append(Span(doc, i, i + 1, label="ORG"))
        return with_added(ents, added, repaired, typed)

    def add_country_codes(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """LOC for a country's sports code in brackets right after a person's name (ner_rules.json ``country_codes``):
        'einen Schlag vor Henrik Stenson ([SWE])', '1. Pablo Larrazabal ([ESP]) 271 Schläge', '27. Bernd Wiesberger
        ([AUT]) 280' (10kGNAD, a golf report): the code names the country the athlete starts for (GUIDELINES.md: a
        country is LOC; the model called such codes ORG or nothing). The bracket must follow a PER span directly and
        hold the code alone; a one-word entity of another label on the code is relabelled, a longer one is left. After
        an organisation's long form the acronym in brackets is its name ('Europäische Zentralbank (EZB)'), so only
        after PER. Our rule (session 36, issue 13): counts on 10kGNAD and web_pages_de in docs/measurements/ner.md."""
        per_ends = {e.end for e in ents if e.label_ == "PER"}
        n = len(doc)
        found: dict[int, Span] = {}
        for t in doc:
            i = t.i
            if t.text not in self.sport_country_codes or i < 2 or i + 1 >= n or doc[i - 1].text != "(" \
                    or doc[i + 1].text != ")" or (i - 1) not in per_ends:
                continue
            found[i] = Span(doc, i, i + 1, label="LOC")
        if not found:
            return ents
        out: list[Span] = []
        for e in ents:
            if e.start in found and e.end == e.start + 1:
                if e.label_ == "LOC":
                    del found[e.start]  # right already
                    out.append(e)
                continue  # relabelled below
            if any(e.start <= i < e.end for i in found):
                for i in [i for i in found if e.start <= i < e.end]:
                    del found[i]  # inside a longer span: left as it is
            out.append(e)
        repaired.extend(found.values())
        typed.extend(found.values())
        return sorted(out + list(found.values()), key=lambda e: e.start)

    def country_word(self, t: Token, person_ends: set[str]) -> bool:
        """Token `t` is a country or continent (ner_rules.json ``countries``: CLDR's and ISO 3166-1's single-word
        German names) or a region of regions.tsv, or the genitive in -s of one, in any context: 'Spitzenreiter
        [Lettland] führt', '[Thüringens] Autohäuser' (web dev), 'betonte [Brasiliens] Teamkicker', 'hatte ein
        Vertreter [Kaliforniens]' (10kGNAD); not a listed first name or surname ('Israel'), and not the last word
        of a longer PER of the text (`person_ends`: 'Rosa Luxemburg' ... '[Luxemburg]'). Our rule (session 34):
        on the pool (10kGNAD, web_pages_de) all 32 model PERs it turns were a place, or a place inside a longer
        name ('Böll-Stiftung Frankreich'), none a person."""
        word = t.text
        if not word.isalpha() or word in person_ends:
            return False
        base = word[:-1] if word.endswith("s") and word not in self.countries and word not in self.regions else word
        if base not in self.countries and base not in self.regions:
            return False
        return not any(w in self.first_names or w in self.surnames for w in (word, base))

    def place_word(self, t: Token, any_region: bool = False) -> bool:
        """Token `t` is a place by the place lists and no other word: one capitalised word of
        letters, a place of the model's gazetteer, of lang/de/place_names.tsv.gz (GeoNames, CLDR,
        districts) or of regions.tsv, and no common noun by spaCy's lemma table ('in Halle'), no mass
        noun the table lacks (``unnamed_nouns``: 'bei Eisen, Kupfer', seed 004), no first name,
        surname or compass direction (``place_prepositions.not_places``: 'nach Osten'). A region of
        regions.tsv that the lemma table reads as another form of a noun is a place ('Böhmen und
        [Mähren]', Mähre); with `any_region` (a dateline: 'Zug – Der ...') every region is, also
        one that is a noun's base form ('im Zug'). The one guard of `add_places`,
        `places_read_as_persons` and `dateline_places` (session 29: it was written out three times)."""
        word = t.text
        if not (word.isalpha() and word[:1].isupper()) or word in self.not_places \
                or word in self.first_names or word in self.surnames:
            return False
        if not self.listed_place(word):
            return False
        lemma = common_noun_lemma(word)
        # session 35: a country of ``countries`` that the lemma table reads as a plural of a people's noun is a
        # place in these contexts too ('nach [Schweden]', 'aus [Schweden]' Wikinews train; 'Deutschland und
        # [Schweden]', 10kGNAD; Schwede, Pole): the model missed it there where it took the word for the people
        country_noun = self.country_nouns and word in self.countries and lemma != word
        if lemma is not None and not (word in self.regions and (any_region or lemma != word)) and not country_noun:
            return False
        return not self.unnamed_word(t, "LOC")

    @staticmethod
    def longer_name_after(doc: Doc, i: int) -> bool:
        """Token `i` is a capitalised proper noun: the word before it starts a longer name ('in New
        York', 'aus Sankt Petersburg'), no place alone."""
        return i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "X")

    def coordinated_with_place(self, doc: Doc, i: int, places: set[tuple[int, int]]) -> bool:
        """Token `i` is one member of a list of places: a coordinator (``place_prepositions.coordinators``:
        'und', 'oder', ',') joins it to a LOC of `places` right before or right after it ('Salzburg, Bregenz,
        [Erl] und Mörbisch', 'Bonn, Düsseldorf, [Herten], Kamp-Lintfort')."""
        ends = {b for _a, b in places}
        starts = {a for a, _b in places}
        # session 33: the place before the coordinator may end in its own name in brackets, which
        # `bracket_place` split off as a LOC of its own ('Breslau ([Wroclaw]) und [Walbrzych]')
        before = i >= 2 and doc[i - 1].lower_ in self.place_coordinators and ((i - 1) in ends or (
            self.bracketed_place_before and i >= 4 and doc[i - 2].text == ")" and (i - 2) in ends))
        after = i + 2 < len(doc) and doc[i + 1].lower_ in self.place_coordinators and (i + 2) in starts
        return before or after

    def split_slashed_places(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """'eine Distanz wie [Hamburg]/[München]', 'Das in [Wallisellen]/[ZH] beheimatete Start-up' (web dev): a
        LOC span of single words joined by slashes, each a place of the lists (the place list, the regions,
        the model's gazetteer) or a code in two capitals after one ('ZH', 'BE': a canton's or state's), names
        two places, one span each (the GUIDELINES' 'SPD/Grüne/Linkspartei' is three spans too). A part of
        more words ('Flughafen Essen/Mülheim') or no listed place leaves the span whole. Our rule (session 33)."""
        out: list[Span] = []
        for ent in ents:
            toks = list(ent)
            if ent.label_ != "LOC" or len(toks) < 3 or len(toks) % 2 == 0 \
                    or any((t.text == "/") != (k % 2 == 1) for k, t in enumerate(toks)):
                out.append(ent)
                continue
            words = toks[::2]
            codes = {t.i for t in words[1:] if len(t.text) == 2 and t.text.isalpha() and t.text.isupper()}
            listed = [t for t in words if t.i not in codes and t.text.isalpha() and t.text[:1].isupper()
                      and self.listed_place(t.text)]
            if len(listed) + len(codes) != len(words) or not listed:
                out.append(ent)
                continue
            parts = [Span(doc, t.i, t.i + 1, label="LOC") for t in words]
            out.extend(parts)
            repaired.extend(parts)
        return out

    def join_slashed_orgs(self, doc: Doc, ents: list[Span], repaired: list[Span]) -> list[Span]:
        """'Bündnis 90/Die Grünen': an ORG span that ends in a slash ('Bündnis 90/', where the
        tokenizer glued the slash to the number) and the ORG right after it, with nothing or one
        of ``slash_join_words`` ('Die') in between, are one name (GUIDELINES.md: 'Bündnis 90/Die
        Grünen' one span). Separate parties joined by a slash stay apart ('SPD/Grüne/Linkspartei':
        three spans in the Wikinews gold)."""
        out: list[Span] = []
        text = doc.text  # once: spaCy joins every token's text on each `doc.text`
        for ent in ents:
            prev = out[-1] if out else None
            gap = text[prev.end_char:ent.start_char] if prev is not None else ""
            # the gap is the text between the two spans: empty, or one listed word and its space
            joined = gap == "" or (gap.endswith(" ") and gap[:-1] in self.slash_join_words)
            if prev is not None and prev.label_ == ent.label_ == "ORG" and prev.text.endswith("/") and joined:
                out[-1] = Span(doc, prev.start, ent.end, label="ORG", kb_id=prev.kb_id_)
                repaired.append(out[-1])
                continue
            out.append(ent)
        return out
