"""Clubs by their short names (`club_short_names`, session 33): a club the article names in full with a
club prefix ('SK Rapid Wien', 'FK Austria Wien', 'SK Sturm Graz', 'FC Arsenal') is the same ORG where the
article names it by its short name alone ('Rapid', 'die Austria', 'gegen Sturm'), and the short name
before a listed place is the club's full name ('[Sturm Graz]', 'bei Sturm Graz'). Our own rule: the
article types the word itself; no list of clubs (ner_rules.json ``club_short_names``)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .data import common_noun_lemma, compound_head


class ClubRules:
    def club_words(self, doc: Doc) -> set[str]:
        """Short names the article types as a club: the word right after a club prefix (ner_rules.json
        ``club_short_names`` ``prefixes``) that is no listed place, region or first name, followed by no
        other capitalised word than a listed place ('SK [Rapid] Wien', 'FC [Arsenal]'; not 'FC Red Bull
        Salzburg', 'FC Barcelona', 'FC Bayern München': a place stands for its club as LOC)."""
        words: set[str] = set()
        n = len(doc)
        for i in range(n - 1):
            if doc[i].text not in self.club_short_prefixes:
                continue
            w = doc[i + 1]
            if not (w.is_alpha and w.text[:1].isupper() and not w.text.isupper() and len(w.text) > 2) \
                    or self.listed_place(w.text) or w.text in self.first_names or w.is_sent_start:
                continue
            if i + 2 < n and doc[i + 2].is_alpha and doc[i + 2].text[:1].isupper() and (
                    not self.listed_place(doc[i + 2].text) or self.listed_place(w.text + " " + doc[i + 2].text)):
                continue  # 'FC Red Bull Salzburg'; 'SC Wiener Neustadt': the town's name
            words.add(w.text)
        # 'Rapid-Coach', 'Austria-Coach': a club's short name before a team role (``hyphen_roles``), when
        # the word stands alone in the article too and is no common noun nor a compound of one ('Team-Kapitän', 'Nachwuchs-Trainer')
        alone = {t.text for t in doc if t.is_alpha}
        persons = {t.text for e in doc.ents if e.label_ == "PER" and len(e) >= 2 for t in e}  # a person's name: no club
        for t in doc:
            head, dash, role = t.text.partition("-")
            if dash and role in self.club_hyphen_roles and head in alone and len(head) > 2 and head[:1].isupper() \
                    and not head.isupper() and head.isalpha() and not self.listed_place(head) \
                    and head not in self.first_names and head not in persons and common_noun_lemma(head) is None and compound_head(head) is None:
                words.add(head)
        return words

    def club_short_names(self, doc: Doc, ents: list[Span], repaired: list[Span], typed: list[Span]) -> list[Span]:
        """Every other mention of a club word (`club_words`; its genitive in -s too) becomes ORG: the
        model's PER/LOC/MISC on it alone (or on it and a listed place after it) is relabelled, a mention
        with no entity gets one ('die Austria', 'gegen Sturm'; with the place after it, 'Sturm Graz');
        a span that reaches further stays. Not after a masculine or neuter article or a preposition
        fused with one ('im Sturm': the forward line). 10kGNAD Sport: 'Rapid' LOC/PER, 'Austria' and
        'Sturm' missed in the Bundesliga reports."""
        words = self.club_words(doc)
        if not words:
            return ents
        out = list(ents)
        changed = False
        n = len(doc)
        cover: dict[int, int] = {}
        for k, e in enumerate(out):
            for t in range(e.start, e.end):
                cover[t] = k
        for j in range(n):
            t = doc[j].text
            if t not in words and not (t.endswith("s") and t[:-1] in words):
                continue
            if j > 0 and (doc[j - 1].text in self.club_short_prefixes or doc[j - 1].lower_ in self.club_not_after):
                continue
            end = j + 1
            if end < n and self.listed_place(doc[end].text) and doc[end].text[:1].isupper() and t in words:
                end += 1  # 'Sturm Graz', 'Rapid Wien'
            k = cover.get(j)
            if k is not None:
                e = out[k]
                if e.label_ == "ORG" or e.start != j:
                    continue
                if e.end not in (j + 1, end) and (e.label_ == "LOC" or not all(x.text[:1].isupper() for x in e)):
                    continue  # 'Wiener Neustadt' LOC, 'Hinteregger (Bauchmuskelzerrung) Austria' LOC
                if e.end > end and e.end != j + 1:
                    # 'Admira Wacker Mödling' PER: the club's whole name, capitalised words only
                    end = e.end
                elif e.end == j + 1 and end > j + 1 and (end - 1) in cover:
                    end = j + 1
                span = Span(doc, j, max(end, e.end), label="ORG")
                out[k] = span
            else:
                if end > j + 1 and (end - 1) in cover:
                    end = j + 1
                span = Span(doc, j, end, label="ORG")
                out.append(span)
                for x in range(j, end):
                    cover[x] = len(out) - 1
            repaired.append(span)
            typed.append(span)
            changed = True
        return sorted(out, key=lambda e: e.start) if changed else ents
