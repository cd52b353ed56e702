"""One canonical name per entity: spaCy component ``presseschau_names``.

Sets ``span._.canonical`` on every span of ``doc.ents`` (PER/ORG/LOC/MISC):

1. surface clean-up (soft hyphens, line-break hyphens, whitespace, quotes);
2. word-level spelling/transliteration aliases ("Toqajew" -> "Tokajew",
   "Kassym-Jomart" -> "Kassym-Schomart") from the alias table;
3. German genitive and inflection removed ("Putins" -> "Putin", "Kasachstans" ->
   "Kasachstan", "Eurasischen Wirtschaftsunion" -> "Eurasische Wirtschaftsunion" when that
   form is attested in the article or the alias table) -- using morphology (Case=Gen) when
   the model provides it, else evidence from the article and suffix rules; only the name's
   head phrase: an attribute keeps its case ("Umweltprogramm der Vereinten Nationen");
4. short forms resolved within the article ("Tokajew" -> "Kassym-Schomart Tokajew",
   "Oliver Jufer" -> "Oliver Rudolf Jufer" when no other longer name competes, an acronym in
   parentheses after a long name -> the long name; after a place only when its letters fit
   the place's name: not "Demokratischen Republik Kongo (MONUC)");
5. whole-name aliases across articles ("ODKB"/"OVKS"/"Organisation des Vertrags über
   kollektive Sicherheit", "Kirgistan"/"Kirgisistan", "Nur-Sultan"/"Astana").

Before the canonical names are computed, the component makes the article's entities
consistent (one sense per discourse; config ``propagate``, default on):

* evidence: the names the model found in *this* document -- the full name of every
  PER/ORG/LOC entity, the surname (last token) of a multi-token person name, an acronym in
  parentheses after an ORG/LOC ("... Sicherheit (OVKS)"); German genitive ``-s`` is folded
  onto the base form when the base form occurs in the article ("Putins" -> "Putin");
* relabelling: an entity whose form the model labelled differently elsewhere in the
  article gets the majority label of that form ("Aserbaidschan" LOC 3x, PER 1x -> LOC);
* propagation: other mentions of such a form that no entity covers become entities with
  that label -- token-aligned, capitalised, whole tokens only ("ODKB-Friedenstruppe" is
  not "ODKB"), outside DATE/FIGURE spans, genitive included ("Tokajews"); a person's one-word
  form not right after a definite article ("die Corvette"; names.json "definite_articles",
  session 15);
* context before majority (``context_wins``, session 12): a label that
  ``presseschau_ner_rules`` decided from the context ("Schiedsrichter Undiano" PER, a role
  word; "Reederei Hapag-Lloyd" ORG) is the form's label in the article, however often the
  model guessed otherwise ("Undiano" LOC 4x), unless the alias table types it otherwise;
* the alias table's optional ``type`` column (PER/ORG/LOC/MISC) is a secondary source:
  one extra vote for that label, which also breaks ties; it never creates an entity
  the model did not find at least once in the article;
* conservative: a form is propagated only when at least one of its model mentions looks
  like a proper name (POS PROPN/X where the model tags POS, or the alias table knows it, or, session 37,
  an ORG the model labelled three times or more and always alike: "Fed", "Bahn" read as nouns; ``repeated_forms``),
  a person's surname (and, session 30, a listed first name: config ``first_names_alone``) only
  from a clean multi-token name (no acronym, no other known
  name inside, e.g. not "Russlands Gegenstück", but its listed first name labelled PER alone may be: "Roger" ...
  "Roger Federer", switch ``first_name_alone_inside``, session 34); ties without alias type change nothing.
  A person's surname so voted is propagated after an attributive adjective too ("der überragende Zieler"; switch
  ``surname_after_adjective``, session 34), where other forms stop (a common noun, "große Angst").
  Two span repairs go with it: a known name in the genitive plus the noun it modifies is cut
  to the name ("Putins Krieg" -> "Putins", "Russlands Präsidenten" -> "Russlands"), a
  person's span loses a leading title ("Außenminister Vassilenko" -> "Vassilenko").
  A person's mention cut short inside a run of words that is a full name of the article becomes that name
  ("Kinsun Chan" ... "das Kinsun [Chan]"; switch ``full_name_mentions``, session 37).
  The added spans are listed in ``doc.spans["presseschau_names_propagated"]``, the
  relabelled/trimmed ones in ``doc.spans["presseschau_names_relabelled"]``; both get
  ``span._.canonical`` like every entity (the record's ``source`` stays "model").

The alias table is editable data, ``annotations/aliases.tsv`` (columns ``alias``,
``canonical``, ``scope`` = ``name`` | ``word``, optional ``type``; ``#`` starts a comment).
Its path comes from the component config ``aliases_path``; default: the repository's file,
resolved relative to the package. A missing file means no aliases, not an error.
"""
from __future__ import annotations

import bisect
import csv
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import ext as spacy_ext  # noqa: F401
from .normalize import lang_data
from .ext import DATE_SPANS, FIGURE_SPANS, TYPED_SPANS, token_texts

PROPAGATED_SPANS = "presseschau_names_propagated"  # doc.spans key: entities added by propagation
RELABELLED_SPANS = "presseschau_names_relabelled"  # doc.spans key: model entities given the majority label

# label classes of the record (other models' labels folded in, like annotate.LABEL_MAP)
_LABEL_CLASS = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC", "FAC": "LOC",
    "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}
_PROPAGATE_CLASSES = ("PER", "ORG", "LOC")
_TYPES = ("PER", "ORG", "LOC", "MISC")
_NAMEISH_POS = ("PROPN", "X")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ACRONYM_RE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}")
# a short name in mixed case in brackets after an organisation's name ("Österreichische Bundes- und
# Industriebeteiligungen GmbH (Öbib)", "Universitätenkonferenz (Uniko)", "Verwaltungsgerichtshof (VwGH)")
_SHORT_NAME_RE = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{1,7}")
_QUOTES = "\"'„“”«»‚‘’()[]"
# a surname joined to its lower-case particle by a hyphen: "al-Gaddafi", "el-Baradei", "as-Sadat",
# "asch-Schahristani", "ul-Haq" -- a name word, though it starts in lower case
_PARTICLE_NAME_RE = re.compile(r"[a-zäöü]{1,4}-[A-ZÄÖÜ]")
_ADJ_RE = re.compile(r"^(?P<stem>[A-ZÄÖÜ][^\W\d_]*?(?:isch|ig|lich|sch|ch|al|ar|är|ell|iv|an|t))(?P<end>en|e)$")

from ..paths import ALIASES as DEFAULT_ALIASES



def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def clean_surface(text: str) -> str:
    t = text.replace("\u00ad", "")
    t = re.sub(r"(\w)-\s*\n\s*(\w)", lambda m: m.group(1) + ("-" if m.group(2).isupper() else "") + m.group(2), t)
    t = re.sub(r"\s+", " ", t).strip()
    t = t.strip("\"'„“”«»‚‘’()[]")
    return t


def _alias_rows(path: Optional[str | Path]):
    p = Path(path) if path else DEFAULT_ALIASES
    if not p.is_file():
        return
    with p.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip() or row[0].lstrip().startswith("#") or row[0] == "alias":
                continue
            alias = row[0].strip()
            canon = row[1].strip() if len(row) > 1 and row[1].strip() else alias
            scope = row[2].strip().lower() if len(row) > 2 and row[2].strip() else "name"
            typ = row[3].strip().upper() if len(row) > 3 and row[3].strip() else None
            yield alias, canon, scope, typ if typ in _TYPES else None


def load_aliases(path: Optional[str | Path]) -> tuple[dict[str, str], dict[str, str]]:
    """-> (name aliases: casefolded alias -> canonical, word aliases: word -> word)."""
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    for alias, canon, scope, _ in _alias_rows(path):
        if scope == "word":
            words[alias] = canon
        else:
            names[_key(alias)] = canon
        names.setdefault(_key(canon), canon)
    return names, words


def load_alias_types(path: Optional[str | Path]) -> dict[str, str]:
    """-> casefolded name (alias and canonical of a ``name`` row) -> PER/ORG/LOC/MISC, from
    the optional fourth column ``type``."""
    types: dict[str, str] = {}
    for alias, canon, scope, typ in _alias_rows(path):
        if typ and scope != "word":
            types[_key(alias)] = typ
            types.setdefault(_key(canon), typ)
    return types


def _collapse_repeats(name: str) -> str:
    """'Dmitri Dmitri Medwedew' -> 'Dmitri Medwedew' (a word repeated right after itself)."""
    out: list[str] = []
    for t in name.split(" "):
        if out and t.casefold() == out[-1].casefold():
            continue
        out.append(t)
    return " ".join(out)


def article_before(doc: Doc, i: int, articles: frozenset[str], particles: frozenset[str]) -> bool:
    """Token `i` right after one of `articles` used as an article: not after punctuation or a
    preposition after punctuation (a relative pronoun: ', der Gerhardt', ', laut dem Kevin') nor
    after a surname particle ('von der Leyen')."""
    if i == 0 or doc[i - 1].lower_ not in articles:
        return False
    if i >= 2:
        q = doc[i - 2]
        if q.is_punct or q.lower_ in particles or (q.pos_ == "ADP" and i >= 3 and doc[i - 3].is_punct):
            return False
    return True


def _subsequence(short: list, long: list) -> bool:
    """Every item of `short` in `long`, in the same order."""
    it = iter(long)
    return all(x in it for x in short)


def _short_name_of(short: str, name: str) -> bool:
    """'Öbib' of 'Österreichische Bundes- und Industriebeteiligungen GmbH', 'Uniko' of 'Universitätenkonferenz':
    a word in mixed case (all capitals is `_ACRONYM_RE`'s) that begins with the name's first letter, whose
    letters occur in the name in that order, and that is none of the name's words nor their start (session 31)."""
    if not _SHORT_NAME_RE.fullmatch(short) or short.isupper() or short[1:].islower() and len(short) < 4:
        return False
    low, name_low = short.casefold(), name.casefold()
    if low[0] != name_low[:1] or low in name_low.split() or name_low.startswith(low):
        return False  # not one of its words, nor the start of one ("Wiener Stadtwerke (Wien)": the place)
    rest = iter(name_low)
    return all(c in rest for c in low)


def _abbreviates(acronym: str, name: str) -> bool:
    """`acronym`'s letters fit `name`: the first is the initial of its first word, the others
    follow in its letters in order ("Grand Ethiopian Renaissance Dam" (GERD), "Zentralafrikanische
    Republik" (ZAR)); not "Demokratische Republik Kongo" (MONUC), "New Orleans" (USA)."""
    a, n = acronym.casefold(), name.casefold()
    return bool(a) and n[:1] == a[0] and _subsequence(list(a[1:]), list(n[1:]))


class NameLinker:
    ALIAS_FILE = "aliases.tsv"
    #: a short name in mixed case in brackets after an ORG is voted like an acronym (session 31; a switch for the tests)
    bracket_short_names = True
    # a bracketed acronym after a long name gets no vote when the rules dropped a mention of it as the acronym of a
    # common term ("Künstliche Intelligenz (KI)" ORG: "KI" is in ner_rules.json term_acronyms, "Kohlendioxid (CO2)";
    # session 36, web pages): the vote would label every mention the rules dropped again (a switch for the tests)
    dropped_acronym_guard = True
    # a person's surname starts at a capitalised particle inside the full name ("Alexander [Van der Bellen]"),
    # so the mentions "Van der Bellen(s)" are the surname, not "Bellen" alone (session 32, 10kGNAD)
    particle_surnames = True
    # no surname vote for a PER span that is a place or ends in a place the model called LOC (`_place_not_surname`, session 32)
    place_surnames_guard = True
    # a person's listed first name that the model labelled PER alone in the article ("Roger" ... "Roger Federer") does
    # not stop the full name's surname vote as a known name inside does ("Russlands Gegenstück"; session 34)
    first_name_alone_inside = True
    # a person's surname right after an attributive adjective is the person ("der überragende [Zieler]"), not a
    # common noun as "große [Angst]" is: when the word is no common noun by the lemma table (session 34)
    surname_after_adjective = True
    # a mention whose label its own context decided (doc.spans[TYPED_SPANS]: "die Firma [Conradty]" ORG after an
    # organisation noun) keeps that label where the article's vote for the form differs ("Conrad Conradty" PER makes
    # the surname "Conradty" PER by `surname_wins`): the company named after its founder (Wikinews train, session 35;
    # our rule)
    typed_mentions_keep = True
    # a person's later mention by the surname takes the lowercase particles before it when a full name of the
    # article ends in them ("Ursula von der Leyen" ... "aber von der [Leyen]" -> "[von der Leyen]"; session 35)
    particle_mentions = True
    # a person's mention that the model labelled short of a full name of the article, with the rest of that name
    # right around it, is the full name ("Kinsun Chan" ... "das [Chan]" of "das Kinsun Chan zu seinem ersten Stück",
    # "Prince Nzou" ... "[Prince] Nzou"; session 37)
    full_name_mentions = True
    # an organisation the model labelled this often in the article, always ORG, is propagated though the tagger reads
    # it as a common noun in every mention (`nameish` false): "Fed" ORG 8x ... "(kurz: „[Fed]“)", "Bahn" ORG 3x ...
    # "der [Bahn]" 6x (Wikinews dev, web2 dev; session 37); 0 = off. Two is too few ("F13", an aircraft, PER twice
    # on a web dev page), and not for LOC/PER: a product the model called a place 3x ("Nexus" LOC, 10kGNAD) would
    # be copied to its 32 other mentions
    repeated_forms = 3

    def __init__(self, aliases_path: Optional[str] = None, resolve_short_forms: bool = True, use_aliases: bool = True,
                 propagate: bool = True, min_support: int = 2, surname_wins: bool = True, context_wins: bool = True,
                 first_names_alone: bool = True):
        self.aliases_path = aliases_path
        self.first_names_alone = first_names_alone
        self.use_aliases = use_aliases
        self._load_aliases(aliases_path)
        self.resolve_short_forms = resolve_short_forms
        self.propagate = propagate
        self.min_support = min_support
        self.surname_wins = surname_wins
        self.context_wins = context_wins
        # the acronyms of common terms the rules drop (ner_rules.json term_acronyms: "KI", "CO2"), no acronym vote
        from .ner_rules.data import term_acronyms

        self.term_acronyms = term_acronyms()
        # Arabic name particles (ner_rules.json person_particles' words: "al", "bin"), for `_join_particle_mentions`
        self.arabic_particles = frozenset(lang_data("ner_rules.json")["person_particles"]["words"])
        data = lang_data("names.json")
        self.titles = set(data["titles"])
        self.particles = set(data.get("surname_particles", []))
        self.indefinite_articles = frozenset(data["indefinite_articles"])
        self.definite_articles = frozenset(data["definite_articles"])
        self.not_adjectives = frozenset(data["not_adjectives"])
        # adjective ending -> article -> gender/number (values checked at load: normalize.check_keys)
        self.article_genders = {end: {art: g for art, g in arts.items() if not art.startswith("_")}
                                for end, arts in data["article_genders"].items() if not end.startswith("_")}
        # tuples: str.endswith takes them as they are
        self.feminine_suffixes = tuple(data["feminine_suffixes"])
        self.feminine_plural_suffixes = tuple(f + "en" for f in self.feminine_suffixes)
        self.place_genitive_endings = tuple(data["place_genitive_endings"])
        self.genitive_s_not_after = tuple(data["genitive_s_not_after"])
        self.no_genitive_s_endings = tuple(data["no_genitive_s_endings"])
        self.adjective_endings = tuple(data["adjective_endings"])

    def _load_aliases(self, path: Optional[str | Path]) -> None:
        p = Path(path) if path else DEFAULT_ALIASES
        self.alias_text = p.read_text(encoding="utf-8") if self.use_aliases and p.is_file() else ""
        self.names, self.words = load_aliases(p) if self.use_aliases else ({}, {})
        self.types = load_alias_types(p) if self.use_aliases else {}

    # -- serialisation: the alias table travels with the pipeline (nlp.to_disk / spacy.load) --
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / self.ALIAS_FILE).write_text(self.alias_text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "NameLinker":
        table = Path(path) / self.ALIAS_FILE
        if table.is_file():
            self._load_aliases(table)
        return self

    # -- per mention --
    def _word_alias(self, text: str) -> str:
        if not self.words:
            return text
        out: list[str] = []
        for p in text.split(" "):
            rep = self.words.get(p, p)
            rtoks = rep.split(" ")
            # a multi-word replacement ("Medwedjew" -> "Dmitri Medwedew") must not repeat
            # the words already written before it ("Dmitri Medwedjew")
            while len(rtoks) > 1 and out and out[-1] == rtoks[0]:
                out.pop()
            out.extend(rtoks)
        return " ".join(out)

    def _strip_genitive(self, form: str, ent: Span, attested: set[str]) -> str:
        if form.endswith("'") or form.endswith("’"):
            return form[:-1]
        if not form.endswith("s") or len(form) < 4 or form.endswith(self.no_genitive_s_endings):
            return form
        if _key(form) in self.names:
            return form
        cand = form[:-1]
        cand2 = form[:-2] if form.endswith("es") else None
        toks = form.split(" ")
        if len(toks) > 1 and any(_ADJ_RE.match(t) for t in toks[:-1]):
            # "Kaspischen Meeres": the adjective stays inflected, so a stripped noun alone gives
            # no base form ("Kaspischen Meer"); only the alias table, or _deinflect with a known
            # gender, may change it
            for c in (cand, cand2):
                if c and _key(c) in self.names:
                    return c
            return form
        if _key(cand) in self.names or cand in attested:
            return cand
        if cand2 and (_key(cand2) in self.names or cand2 in attested):
            return cand2
        if form.endswith(self.genitive_s_not_after):
            return form
        last = ent[-1]
        if last.has_morph() and "Gen" in last.morph.get("Case"):
            return cand
        if ent.label_ in ("LOC", "GPE") and form.endswith(self.place_genitive_endings):
            return cand
        doc = ent.doc
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ == "PER" and nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha \
                and not nxt.ent_type_ and form[-2] not in "aeiouy":
            return cand  # "Putins Sprecher", "Tokajews Bitte"
        return form

    def _deinflect(self, form: str, attested: set[str], ent: Optional[Span] = None) -> str:
        """Adjective endings in multi-word names ("Eurasischen Wirtschaftsunion" -> "Eurasische
        Wirtschaftsunion", "das Kaspische Meer" -> "Kaspisches Meer"), only where the base form
        is safe: the alias table knows it, or the head noun's gender/number is known (morphology,
        a feminine suffix, or the article right before the name). Otherwise the surface is kept
        ("Kaspischen Meeres" without a gender stays as written: "-e", "-es" or "-er"?).
        Only the name's head phrase is its base form: an attribute after it, opened by a
        lower-case word (an article or a preposition: "Umweltprogramm der Vereinten Nationen",
        "Allianz zur Europäischen Integration"), keeps its case ("Ständige Ausschuss des Nationalen
        Volkskongresses" -> "Ständiger Ausschuss des Nationalen Volkskongresses"); a conjunction
        after a truncated word ("Such- und Rettungsagentur") is no such boundary."""
        toks = form.split(" ")
        cut = next((i for i in range(1, len(toks)) if toks[i][:1].islower() and not toks[i - 1].endswith("-")), len(toks))
        rest = toks[cut:]
        toks = toks[:cut]
        if len(toks) < 2:
            return form
        adj_idx = [i for i, t in enumerate(toks[:-1]) if _ADJ_RE.match(t)]
        if not adj_idx or not toks[-1][:1].isupper():
            return form
        # 1. the alias table knows a base form (any gender)
        for ending in ("e", "es", "er"):
            v = toks[:]
            for i in adj_idx:
                v[i] = _ADJ_RE.match(v[i]).group("stem") + ending
            for last in (v[-1], v[-1][:-2] if v[-1].endswith("es") else None, v[-1][:-1] if v[-1].endswith(("s", "n")) else None):
                if last:
                    cand = " ".join(v[:-1] + [last] + rest)
                    if cand != form and _key(cand) in self.names:
                        return cand
        # 2. gender/number of the head noun
        gender, genitive = self._head_gender(toks, adj_idx, ent, attribute=bool(rest))
        ending = {"Fem": "e", "Plur": "e", "Neut": "es", "Masc": "er"}.get(gender or "")
        if ending is None:
            return form
        v = toks[:]
        for i in adj_idx:
            v[i] = _ADJ_RE.match(v[i]).group("stem") + ending
        if genitive and gender in ("Masc", "Neut"):
            head = v[-1]
            if head.endswith("es") and head[:-2] in attested:
                v[-1] = head[:-2]
            elif head.endswith("s") and not head.endswith("ss"):
                v[-1] = head[:-1]
        return " ".join(v + rest)

    def _head_gender(self, toks: list[str], adj_idx: list[int], ent: Optional[Span],
                     attribute: bool = False) -> tuple[Optional[str], bool]:
        """-> (Fem|Masc|Neut|Plur|None, head noun in the genitive). `toks`: the name's head phrase,
        its last word the head noun; `attribute`: the name goes on after it ("... der Vereinten
        Nationen"), so the head is that word of `ent`, not its last token."""
        head_text = toks[-1]
        genitive = False
        head = ent[-1] if ent is not None else None
        if head is not None and attribute:
            head = next((t for t in ent if self._word(t) == head_text), None)
        if head is not None:
            if head.has_morph():
                genitive = "Gen" in head.morph.get("Case")
                if "Plur" in head.morph.get("Number"):
                    return "Plur", genitive
                g = head.morph.get("Gender")
                if len(g) == 1:
                    return g[0], genitive
        low = head_text.casefold()
        if low.endswith(self.feminine_suffixes):
            return "Fem", False
        if low.endswith(self.feminine_plural_suffixes):
            return "Plur", False
        if ent is None or ent.start == 0:
            return None, False
        art = ent.doc[ent.start - 1].lower_
        adj_end = _ADJ_RE.match(toks[adj_idx[0]]).group("end")
        # "das Kaspische Meer": neuter, "die Vereinten Nationen": plural (names.json "article_genders")
        return self.article_genders.get(adj_end, {}).get(art), False

    def _strip_titles(self, form: str, label: str) -> str:
        if label not in ("PER", "PERSON"):
            return form
        toks = form.split(" ")
        while len(toks) > 1 and toks[0].lower() in self.titles:
            toks = toks[1:]
        while len(toks) > 1 and toks[-1][:1].islower() and not _PARTICLE_NAME_RE.match(toks[-1]):
            toks = toks[:-1]  # "Gerhard Mangott von der" (span runs into the next phrase), not "Junis al-Mauretani"
        return " ".join(toks)

    def base_form(self, ent: Span, attested: set[str]) -> str:
        form = self._strip_titles(self._word_alias(clean_surface(ent.text)), ent.label_)
        form = self._strip_genitive(form, ent, attested)
        form = self._word_alias(form)  # "Medwedjews" -> "Medwedjew" -> "Medwedew"
        form = self._deinflect(form, attested, ent)
        return form

    def canonical(self, form: str) -> str:
        return _collapse_repeats(self.names.get(_key(form), form))

    # -- document-level consistency (one sense per discourse) --
    def _name_tokens(self, ent: Span) -> list[Token]:
        toks = [t for t in ent]
        while toks and toks[0].text in _QUOTES:
            toks = toks[1:]
        while toks and toks[-1].text in _QUOTES:
            toks = toks[:-1]
        if _LABEL_CLASS.get(ent.label_) == "PER":
            while len(toks) > 1 and toks[0].lower_ in self.titles:
                toks = toks[1:]
            while len(toks) > 1 and toks[-1].text[:1].islower():
                toks = toks[:-1]
        return toks

    @staticmethod
    def _word(t: Token) -> str:
        return t.text.replace("\u00ad", "")

    @staticmethod
    def _gen_base(word: str, words: set[str]) -> str:
        """German genitive folded onto the base form when the base form occurs in the doc."""
        if word.endswith(("'", "’")) and len(word) > 2:
            return word[:-1]
        if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "ß")) and not word.isupper() \
                and word[:-1] in words:
            return word[:-1]
        return word

    def _alias_type(self, form: tuple[str, ...]) -> Optional[str]:
        if not self.types:
            return None
        text = " ".join(form)
        return self.types.get(_key(text)) or self.types.get(_key(self._word_alias(text)))

    def _looks_like_name(self, toks: list[Token], pos_tagged: bool) -> bool:
        if not toks or not toks[0].text[:1].isupper():
            return False
        if not pos_tagged:
            return True
        return all(t.pos_ in _NAMEISH_POS or t.lower_ in self.particles for t in toks)

    def _place_not_surname(self, toks: list[Token], last: str, votes: dict[tuple[str, ...], Counter]) -> bool:
        """A PER span's last word is no surname to vote where the span is a place itself ('Santiago de Chile'
        PER) or where the word is a listed place that the model labelled LOC alone in the article and no
        listed first name is before it ('Exportkaiser Vorarlberg', 'Antenne Vorarlberg' PER): else `surname_wins`
        turned every 'Vorarlberg' and 'Chile' of the article into PER (session 32, 10kGNAD: 3 articles, 18
        mentions). 'Louis Gallois' ... 'Gallois' LOC 4x stays the person (a listed first name before it)."""
        from ..clean.data import place_names
        from .ner_rules.data import person_names, region_names

        places = place_names()
        if " ".join(t.text for t in toks) in places:
            return True
        if not (last in places or last in region_names()) or not votes.get((last,), Counter()).get("LOC"):
            return False
        firsts = person_names()[0]
        return not any(self._word(t) in firsts for t in toks[:-1])

    def _particle_start(self, toks: list[Token]) -> Optional[int]:
        """Where a person's surname starts at a capitalised particle followed by a lowercase one ('Alexander
        [Van der Bellen]', '[De la Calle]'; session 32): the index in `toks`, None where there is none (or the
        switch `particle_surnames` is off). Not a capitalised particle before a capitalised word ('Van Morrison')."""
        if not self.particle_surnames:
            return None
        return next((x for x in range(len(toks) - 2) if toks[x].text[:1].isupper() and toks[x].lower_ in self.particles
                     and toks[x + 1].text.islower() and toks[x + 1].lower_ in self.particles), None)

    def _join_particle_mentions(self, doc: Doc, ents: list[Span], added: list[Span],
                                relabelled: list[Span]) -> tuple[list[Span], list[Span]]:
        """A PER span right after surname particles (names.json ``surname_particles``; lowercase, or capitalised
        at a sentence's start) that no entity covers takes them in where another PER of the article ends in those
        particles and that surname (or the surname of its genitive in -s) and begins with a listed first name:
        "Ursula von der Leyen" ... "aber von der [Leyen] sei" -> "[von der Leyen]" (Wikinews train 2x), "Heinrich
        von Pierer" ... "den Rücktritt von [Pierers]", "Alexander von Preen" ... "sagte von [Preen]" (web2 dev 5x).
        Our rule (session 35, switch ``particle_mentions``): the full name in the article is the evidence, so the
        preposition before a name ("Roman von [Markus Werner]") stays outside. A changed span of the model's is
        listed as relabelled; `ents` and `added` come back with the joined spans."""
        from .ner_rules.data import person_names

        firsts = person_names()[0]
        # Arabic particles (ner_rules.json person_particles' words: "al", "bin") are no preposition: after them a full
        # name needs no listed first name ("Hussein al Huthi" ... "fordert al [Huthi]", Wikinews dev)
        arabic = self.arabic_particles
        spans = ents + added
        fulls = [(tuple(t.lower_ for t in e), all(p in firsts for p in e[0].text.split("-") if p))
                 for e in spans if e.label_ == "PER" and len(e) >= 3]
        if not fulls:
            return ents, added
        owner = {i for e in spans for i in range(e.start, e.end)}

        def opens(i: int) -> bool:  # a capitalised particle opens a sentence or paragraph ("Von der Leyen betonte")
            return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or doc[i - 1].text in (".", "!", "?", ":")

        def joined(e: Span) -> Span:
            if e.label_ != "PER" or doc[e.start].is_sent_start:
                return e
            j = e.start
            while j > 0 and j - 1 not in owner and e.start - j < 3 and doc[j - 1].lower_ in self.particles \
                    and (doc[j - 1].text.islower() or opens(j - 1)):
                j -= 1
            if j == e.start:
                return e
            words = [t.lower_ for t in doc[j:e.end]]
            forms = [tuple(words)]
            if words[-1].endswith("s") and len(words[-1]) > 3:
                forms.append(tuple(words[:-1] + [words[-1][:-1]]))
            only_arabic = all(w in arabic for w in words[:-1])
            if not any(len(f) > len(w) and f[-len(w):] == w and (listed or only_arabic) for f, listed in fulls for w in forms):
                return e
            owner.update(range(j, e.start))
            return Span(doc, j, e.end, label="PER", kb_id=e.kb_id_)

        out_ents = []
        for e in ents:
            span = joined(e)
            if span is not e:
                relabelled.append(span)
            out_ents.append(span)
        return out_ents, [joined(e) for e in added]

    def _repeated(self, votes: Counter) -> bool:
        """The model labelled the form `repeated_forms` times or more, always alike (`votes`: label class -> count):
        evidence enough that it names something here, whatever the tagger says of its words."""
        return bool(self.repeated_forms) and len(votes) == 1 and next(iter(votes.values())) >= self.repeated_forms

    @staticmethod
    def _same_name(got: list[str], form: tuple[str, ...]) -> bool:
        """The doc's words `got` are the name `form`, its last word also in the genitive ("Tokajews")."""
        last = form[-1]
        return got[:-1] == list(form[:-1]) and (got[-1] == last or (
            got[-1][:-1] == last and got[-1][-1:] in ("s", "'", "’") and not last.endswith(("s", "ß", "x", "z"))
            and not last.isupper()))

    def _widen_to_full_names(self, doc: Doc, ents: list[Span], added: list[Span], doc_words: list[str],
                             words: set[str], decided: dict[tuple[str, ...], Optional[str]],
                             relabelled: list[Span]) -> tuple[list[Span], list[Span]]:
        """A PER span (the model's or a propagated one) inside a run of words that is a full person name of the
        article becomes that name: "Kinsun Chan" ... "das Gedicht, das Kinsun [Chan] zu seinem ersten Stück",
        "Prince Nzou" ... "beschlich [Prince] Nzou die Angst", "Vicco von Bülow" ... "des gestorbenen Vicco von
        [Bülow]" (web dev and web2 dev: the person named in full elsewhere, cut short here; propagation passes a
        first name the tagger calls a noun after an adjective, `_common_noun_context`). The full name is a PER span
        of two or more words of the article as it stands after the repairs of step 1 (not "Mugabes Konterfei",
        trimmed to "Mugabes"), that the article's vote makes PER and that looks like a name (all proper nouns or
        particles, or a listed first name before such words: "Morten Hundt" with "Morten" a noun to the tagger):
        the same words in the same order name the same person. Not over another entity, date or figure. Our
        rule (session 37, switch ``full_name_mentions``)."""
        from .ner_rules.data import person_names

        first_names = person_names()[0]
        spans = ents + added
        fulls: set[tuple[str, ...]] = set()
        for e in spans:
            toks = self._name_tokens(e) if _LABEL_CLASS.get(e.label_) == "PER" else []
            if len(toks) < 2 or not toks[0].text[:1].isupper():
                continue
            form = tuple(self._word(t) for t in toks[:-1]) + (self._gen_base(self._word(toks[-1]), words),)
            rest = toks[1:] if form[0] in first_names else toks
            if decided.get(form) == "PER" and all(t.pos_ in _NAMEISH_POS or t.lower_ in self.particles for t in rest):
                fulls.add(form)
        if not fulls:
            return ents, added
        owner = {i: k for k, e in enumerate(spans) for i in range(e.start, e.end)}
        for key in (DATE_SPANS, FIGURE_SPANS):
            for sp in doc.spans.get(key, []):
                for i in range(sp.start, sp.end):
                    owner.setdefault(i, -1)
        n = len(doc)
        for k, e in enumerate(spans):
            if _LABEL_CLASS.get(e.label_) != "PER":
                continue
            for f in sorted(fulls, key=len, reverse=True):
                if len(f) <= len(e):
                    break
                hit = next(((a, a + len(f)) for a in range(max(e.end - len(f), 0), e.start + 1)
                            if a + len(f) <= n and self._same_name(doc_words[a:a + len(f)], f)
                            and all(owner.get(i, k) == k for i in range(a, a + len(f)))), None)
                if hit:
                    span = Span(doc, hit[0], hit[1], label=e.label_, kb_id=e.kb_id_)
                    if k < len(ents):
                        relabelled[:] = [r for r in relabelled if (r.start, r.end) != (e.start, e.end)]
                        relabelled.append(span)
                    spans[k] = span
                    owner.update({i: k for i in range(hit[0], hit[1])})
                    break
        return spans[:len(ents)], spans[len(ents):]

    def _particle_name(self, toks: list[Token], pos_tagged: bool) -> bool:
        """A person's name with a surname of particles ('Van der Bellen', `_particle_start`) is a clean name
        whatever the tagger read its last word as ('Bellen' NOUN): the words before the particle look like a
        name, the particles are lowercase after the first, the last word is capitalised letters."""
        cut = self._particle_start(toks)
        if cut is None or not toks[-1].text[:1].isupper() or not toks[-1].is_alpha:
            return False
        return (cut == 0 or self._looks_like_name(toks[:cut], pos_tagged)) \
            and all(t.text.islower() and t.lower_ in self.particles for t in toks[cut + 1:-1])

    def _common_noun_context(self, doc: Doc, i: int, pos_tagged: bool) -> bool:
        """A capitalised word after an indefinite article or a lowercase attributive adjective
        is a common noun ("einer Orbitalkapsel", "große Angst"), whatever the model said elsewhere
        (names.json "indefinite_articles", "adjective_endings", "not_adjectives")."""
        if i == 0:
            return False
        prev = doc[i - 1]
        if prev.lower_ in self.indefinite_articles:
            return True
        if not prev.text[:1].islower() or not prev.is_alpha:
            return False
        if pos_tagged:
            return prev.pos_ == "ADJ"
        return prev.lower_.endswith(self.adjective_endings) and prev.lower_ not in self.not_adjectives

    def _surname_after_adjective(self, doc: Doc, i: int, form: tuple[str, ...],
                                 surnames: dict[tuple[str, ...], list[tuple[str, ...]]],
                                 decided: dict[tuple[str, ...], Optional[str]]) -> bool:
        """A one-word `form` at token `i` after a lowercase attributive adjective (`_common_noun_context`) that is
        the surname of a person named in full in the article and no common noun by the lemma table: the person
        ("der groß gewachsene [Doskozil]", "Der großartige [Schaub]", "dem derzeit verletzten [Epureanu]";
        10kGNAD, session 34); not after an indefinite article ("einen [Fischer]"), nor a surname that is a noun
        ("der neue [Bischof]"). Our rule (switch `surname_after_adjective`)."""
        from .ner_rules.data import common_noun_lemma, person_names

        if not self.surname_after_adjective or len(form) != 1 or form not in surnames or decided.get(form) != "PER":
            return False
        if doc[i - 1].lower_ in self.indefinite_articles or common_noun_lemma(form[0]) is not None \
                or common_noun_lemma(doc[i].text) is not None:
            return False
        # the full name starts with a listed first name ("Ron-Robert Zieler": each part), not with a capitalised
        # adjective or noun the model took for one ("Optimaler Start", "Gratis Training", "Southern Gothic")
        firsts = person_names()[0]
        return any(all(part in firsts for part in full[0].split("-")) for full in surnames[form])

    def article_before(self, doc: Doc, i: int) -> bool:
        """Token `i` comes right after a definite article ('an der [Corvette]'), not after the same
        word opening a relative clause (', der [Gerhardt] 2001 ...', ', laut dem [Kevin] ...') or
        in a surname ('von der [Leyen]'): a single word there is no person (names.json
        "definite_articles"; session 15, the augmented ner's 'Corvette' PER copied on)."""
        return article_before(doc, i, self.definite_articles, self.particles)

    def first_name_forms(self, full_names: list[list[Token]],
                         votes: dict[tuple[str, ...], Counter]) -> set[tuple[str, ...]]:
        """The first names that stand alone for a person named in full in the article (our rule, session 30,
        issue 13): the first word of a clean two-word person name ("Esmeralda Merlot" ... "Esmeralda ist tot",
        "Leander Saalfeld" ... "weil Leander dem Ruf") when it is a listed first name (person_names.tsv) that the
        model never labelled alone in the article; voted PER like a surname, so that its mentions become PER
        (the model misses a first name alone: an unseen web sample, three outlets). `full_names`: the names
        whose surname is voted (`make_consistent`'s filter: not "VW Polo R", whose "R" is no surname).
        A first name the model labelled alone keeps the model's mentions as they were ("Anja" ... "Anjas
        Timeline"). Not a particle or title."""
        from .ner_rules.data import person_names

        firsts = person_names()[0]
        out: set[tuple[str, ...]] = set()
        for toks in full_names:
            first = self._word(toks[0])
            if len(toks) == 2 and first in firsts and first.lower() not in self.particles \
                    and first.lower() not in self.titles and not votes.get((first,)):
                out.add((first,))
        return out

    def make_consistent(self, doc: Doc, texts: Optional[list[str]] = None) -> Doc:
        """Relabel entities to the majority label of their form in the document and add the
        uncovered mentions of the forms the model found (see the module docstring).
        `texts`: the doc's token texts, when the caller has read them already."""
        ents = list(doc.ents)
        doc_words = [w.replace("\u00ad", "") for w in (texts or token_texts(doc))]  # = self._word(doc[i])
        words = set(doc_words)
        pos_tagged = doc.has_annotation("POS")
        votes: dict[tuple[str, ...], Counter] = {}
        nameish: dict[tuple[str, ...], bool] = {}
        ent_form: dict[int, tuple[str, ...]] = {}
        raw_label: dict[str, Counter] = {}

        strong: set[tuple[tuple[str, ...], str]] = set()  # (form, label) backed by a multi-token name
        in_context: dict[tuple[str, ...], set[str]] = {}  # form -> the labels its context decided (TYPED_SPANS)

        def vote(form: tuple[str, ...], cls: str, clean: bool, multi: bool = False) -> None:
            votes.setdefault(form, Counter())[cls] += 1
            nameish[form] = nameish.get(form, False) or clean
            if multi:
                strong.add((form, cls))

        per_multi: list[tuple[list[Token], bool]] = []
        # the acronyms of common terms: listed (term_acronyms) or dropped by the rules in this doc (their DROPPED spans
        # in doc.spans["presseschau_ner_rules"]: a term's long form before the bracket, "kleine und mittlere
        # Unternehmen (KMU)")
        dropped = (self.term_acronyms | {s.text for s in doc.spans.get("presseschau_ner_rules", [])
                                         if s.label_ == "DROPPED" and len(s) == 1 and _ACRONYM_RE.fullmatch(s.text)}) \
            if self.dropped_acronym_guard else set()
        # a label decided by the context ("US-Institut Stratfor") counts like a multi-token name
        typed = {(s.start, s.end, s.label_) for s in doc.spans.get(TYPED_SPANS, [])}
        for k, e in enumerate(ents):
            cls = _LABEL_CLASS.get(e.label_)
            if cls is None:
                continue
            raw_label.setdefault(cls, Counter())[e.label_] += 1
            toks = self._name_tokens(e)
            if not toks:
                continue
            form = tuple(self._word(t) for t in toks[:-1]) + (self._gen_base(self._word(toks[-1]), words),)
            ent_form[k] = form
            clean = self._looks_like_name(toks, pos_tagged) or (cls == "PER" and self._particle_name(toks, pos_tagged))
            vote(form, cls, clean, multi=len(toks) >= 2 or (e.start, e.end, e.label_) in typed)
            if (e.start, e.end, e.label_) in typed:
                in_context.setdefault(form, set()).add(cls)
            if cls == "PER" and len(toks) >= 2:
                per_multi.append((toks, clean))
            # acronym in parentheses after a long name: "Organisation ... (OVKS)"
            if cls in ("ORG", "LOC") and len(toks) >= 2 and e.end + 2 < len(doc) and doc[e.end].text == "(" \
                    and doc[e.end + 2].text == ")" and _ACRONYM_RE.fullmatch(doc[e.end + 1].text):
                if doc[e.end + 1].text not in dropped:
                    vote((doc[e.end + 1].text,), cls, True, multi=True)
            elif self.bracket_short_names and cls == "ORG" and e.end + 2 < len(doc) and doc[e.end].text == "(" \
                    and doc[e.end + 2].text == ")" and _short_name_of(doc[e.end + 1].text, e.text):
                # "... Industriebeteiligungen GmbH (Öbib)" ... "die Öbib" 12x, missed by the model (10kGNAD;
                # session 31): the organisation's short name, defined like an acronym, whatever its case
                vote((doc[e.end + 1].text,), cls, True, multi=True)
        # surnames of multi-token person names, from clean names only: no acronym, not a
        # known name inside ("Russlands Gegenstück", "Putins Krieg", "Militärbündnis ODKB")
        known = {f[0] for f in votes if len(f) == 1}
        known |= {self._gen_base(self._word(toks[-1]), words) for toks, _ in per_multi}

        def per_alone(toks: list[Token]) -> bool:
            # the full name's first word, a listed first name as written (no genitive: not "Sarkozys
            # Wahlkampfbudget"), that the model labelled alone, and PER only ("Roger" ... "Roger Federer"; session
            # 34): the person named by the first name, no other name inside the span; the surname no listed place
            # that the model labelled LOC in the article ("Franziskus von Ecuador", "in Ecuador"; a town's name as
            # "Campbell" alone is no such sign) and no common noun by the lemma table or its compound head
            # ("Strickmode")
            from ..clean.data import place_names
            from .ner_rules.data import common_noun_lemma, compound_head, person_names

            first, last = self._word(toks[0]), self._word(toks[-1])
            c = votes.get((first,))
            place = last in place_names() and bool(votes.get((last,), Counter()).get("LOC"))
            return bool(c) and set(c) == {"PER"} and first in person_names()[0] and not place \
                and common_noun_lemma(last) is None and compound_head(last) is None
        relaxed: set[tuple[str, ...]] = set()  # surnames voted only by `per_alone`
        surnames: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # surname -> the article's clean full names
        full_names: list[list[Token]] = []  # the person names whose surname is voted
        for toks, clean in per_multi:
            last = self._word(toks[-1])
            inner = [self._gen_base(self._word(t), words) for t in toks[:-1] if t.lower_ not in self.particles]
            if not clean or len(toks) > 4 or any("'" in t.text or "’" in t.text for t in toks) \
                    or not _WORD_RE.fullmatch(last) or last.isupper() or not last[:1].isupper() \
                    or any(w in known and not (self.first_name_alone_inside and w == inner[0] and per_alone(toks))
                           for w in inner):
                continue
            if any(w in known for w in inner):
                relaxed.add((self._gen_base(last, words),))
            surname = (self._gen_base(last, words),)
            if self.place_surnames_guard and self._place_not_surname(toks, surname[0], votes):
                continue
            cut = self._particle_start(toks)
            if cut is not None:  # "Alexander Van der Bellen" ... "Van der Bellen", not "Van der [Bellen]" (session 32)
                surname = tuple(self._word(t) for t in toks[cut:-1]) + surname
            vote(surname, "PER", True, multi=True)
            surnames.setdefault(surname, []).append(tuple(self._word(t) for t in toks[:-1]) + surname)
            full_names.append(toks)
        first_forms = self.first_name_forms(full_names, votes) if self.first_names_alone else set()
        for form in first_forms:
            vote(form, "PER", True, multi=True)

        def decide(form: tuple[str, ...]) -> Optional[str]:
            c = Counter(votes.get(form, ()))
            alias = self._alias_type(form)
            if self.surname_wins and alias in (None, "PER") and any(decide(full) == "PER" for full in surnames.get(form, ())):
                # "Louis Gallois" ... "Gallois" (tagged LOC 4 times): the person; not when the
                # full name itself is decided otherwise ("Nagornyj Karabach", PER once, LOC by alias)
                return "PER"
            context = in_context.get(form, set())
            if self.context_wins and len(context) == 1 and alias in (None, *context):
                # "Schiedsrichter Undiano" PER (a role word decided it) ... "Undiano" LOC 4x from
                # the model: the label the context decided beats the model's repeated guess, unless
                # the alias table types the form otherwise
                return next(iter(context))
            if alias:
                c[alias] += 1
            if not c:
                return None
            ranked = c.most_common()
            if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                tied = {lab for lab, n in ranked if n == ranked[0][1]}
                return alias if alias in tied else None
            return ranked[0][0]

        def label_for(cls: str) -> str:
            seen = raw_label.get(cls)
            return seen.most_common(1)[0][0] if seen else cls

        decided = {f: decide(f) for f in votes}

        def confident(form: tuple[str, ...]) -> bool:
            """Propagate a form's label only on enough evidence: `min_support` model mentions
            with that label, or a multi-token name behind it (the full name of a person whose
            surname this is, an acronym defined in parentheses), or the alias table's type.
            One single-token guess ("Moskau" as PER once) stays where the model put it."""
            lab = decided.get(form)
            return (votes[form][lab] >= self.min_support or (form, lab) in strong
                    or self._alias_type(form) == lab)
        # 1. relabel model entities to the majority label of their form; trim spans that are a
        #    known name in the genitive plus the noun it modifies ("Putins Krieg" -> "Putins",
        #    "Russlands Präsidenten" -> "Russlands") and person names with a leading title
        #    ("Außenminister Vassilenko" -> "Vassilenko")
        new_ents: list[Span] = []
        relabelled: list[Span] = []
        for k, e in enumerate(ents):
            cls = _LABEL_CLASS.get(e.label_)
            start, end, target = e.start, e.end, decided.get(ent_form.get(k, ()))
            first = self._word(e[0])
            gen_base = self._gen_base(first, words) if len(e) >= 2 else first
            if cls is not None and self.typed_mentions_keep and target is not None and target != cls \
                    and (e.start, e.end, e.label_) in typed:
                # the context typed this mention ("Firma [Conradty]" ORG): the vote of the form does not overrule it
                new_ents.append(e)
                continue
            if cls is not None and e.start > 0 and doc[e.start - 1].lower_ in self.indefinite_articles:
                # "in einem [Skoda]" MISC (presseschau_ner_rules' product_label), "Skoda" ORG 3x: after an
                # indefinite article the name is a thing, not one more mention of the form (session 26)
                new_ents.append(e)
                continue
            if cls is not None and gen_base != first and first.endswith("s") and e[1].text[:1].isupper() \
                    and decided.get((gen_base,)) in _PROPAGATE_CLASSES:
                end, target = e.start + 1, decided[(gen_base,)]
            elif cls == "PER" and len(e) >= 2 and e[0].lower_ in self.titles:
                toks = self._name_tokens(e)
                if toks:
                    start, end = toks[0].i, toks[-1].i + 1
            if cls is not None and ((target is not None and target != cls) or (start, end) != (e.start, e.end)):
                span = Span(doc, start, end, label=label_for(target or cls), kb_id=e.kb_id_)
                relabelled.append(span)
                new_ents.append(span)
            else:
                new_ents.append(e)
        # 2. propagate to uncovered mentions
        blocked = [False] * len(doc)
        for e in new_ents:
            for i in range(e.start, e.end):
                blocked[i] = True
        for key in (DATE_SPANS, FIGURE_SPANS):
            for sp in doc.spans.get(key, []):
                for i in range(sp.start, sp.end):
                    blocked[i] = True
        forms = [f for f, lab in decided.items() if lab in _PROPAGATE_CLASSES and confident(f)
                 and (nameish.get(f) or self._alias_type(f) or (lab == "ORG" and self._repeated(votes[f])))
                 and f[0][:1].isupper() and len(f[-1]) > 1]
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for f in sorted(forms, key=len, reverse=True):
            firsts = {f[0]}
            if len(f) == 1:
                firsts |= {f[0] + "s", f[0] + "'", f[0] + "’"} if not f[0].endswith(("s", "ß", "x", "z")) else {f[0] + "'", f[0] + "’"}
            for w in firsts:
                by_first.setdefault(w, []).append(f)
        added: list[Span] = []
        n = len(doc)
        per_tokens = {x for e in new_ents if _LABEL_CLASS.get(e.label_) == "PER" for x in range(e.start, e.end)}
        for i, word in enumerate(doc_words):
            cands = by_first.get(word)
            if not cands or blocked[i]:
                continue
            if self._common_noun_context(doc, i, pos_tagged):
                cands = [f for f in cands if self._surname_after_adjective(doc, i, f, surnames, decided)]
                if not cands:
                    continue
            hit = None
            for f in cands:
                j = i + len(f)
                if j > n or any(blocked[i:j]):
                    continue
                if self._same_name(doc_words[i:j], f):
                    hit = (j, f)
                    break
            if hit and hit[0] == i + 1 and decided[hit[1]] == "PER" and self.article_before(doc, i):
                hit = None  # "Corvette" PER twice from the model: not "die [Corvette]" as well
            if hit and hit[1] in relaxed and i > 0 and i - 1 in per_tokens:
                hit = None  # "Virologe [Christian] Drosten": the model's first name alone before it, not a second person
            if hit and hit[1] in first_forms and pos_tagged and doc[i].pos_ != "PROPN":
                hit = None  # a first name alone only where the tagger reads a proper noun ("Will" the verb, "Art")
            if hit:
                j, f = hit
                span = Span(doc, i, j, label=label_for(decided[f]))
                added.append(span)
                for x in range(i, j):
                    blocked[x] = True  # the tokens up to j are skipped by the `blocked[i]` test
        if self.particle_mentions:
            new_ents, added = self._join_particle_mentions(doc, new_ents, added, relabelled)
        if self.full_name_mentions:
            new_ents, added = self._widen_to_full_names(doc, new_ents, added, doc_words, words, decided, relabelled)
        if relabelled or added:
            doc.ents = sorted(new_ents + added, key=lambda s: s.start)
        doc.spans[PROPAGATED_SPANS] = added
        doc.spans[RELABELLED_SPANS] = relabelled
        return doc

    # -- component --
    def __call__(self, doc: Doc) -> Doc:
        texts = token_texts(doc)  # read once; make_consistent changes entities, not tokens
        if self.propagate and doc.ents:
            self.make_consistent(doc, texts)
        ents = list(doc.ents)
        if not ents:
            return doc
        for e, c in zip(ents, self.canonicals(doc, ents, texts)):
            e._.canonical = c
        # doc.ents returns fresh Span objects; extension values are keyed by offsets,
        # so values set here are visible on later doc.ents calls too.
        return doc

    def canonicals(self, doc: Doc, ents: list[Span], texts: Optional[list[str]] = None) -> list[str]:
        """The canonical name of each of `ents` (the article's name entities: they are each
        other's evidence for base forms, short forms and acronyms)."""
        if texts is None:
            texts = token_texts(doc)
        surfaces = [self._strip_titles(self._word_alias(clean_surface(e.text)), e.label_) for e in ents]
        attested = set(surfaces) | {w for w in texts if w[:1].isupper()}
        forms = [self.base_form(e, attested) for e in ents]
        # acronym in parentheses after a long name: "Organisation ... (OVKS)"
        acr: dict[str, str] = {}
        for e, f in zip(ents, forms):
            if e.label_ in ("ORG", "LOC") and len(f.split()) >= 2 and e.end + 2 < len(doc) and doc[e.end].text == "(" \
                    and doc[e.end + 2].text.startswith(")"):  # not "Heiko Maas (SPD)"
                a = doc[e.end + 1].text
                if a.isupper() and 2 <= len(a) <= 8 and _key(a) not in self.names \
                        and (e.label_ != "LOC" or _abbreviates(a, f)):
                    acr[a] = f
        forms = [acr.get(f, f) for f in forms]
        if self.resolve_short_forms:
            per_forms = Counter(f for e, f in zip(ents, forms) if e.label_ == "PER")
            resolved = {}
            for f in per_forms:
                toks = f.split()
                best = None
                for g, cnt in per_forms.items():
                    gt = g.split()
                    if len(gt) > len(toks) and gt[-len(toks):] == toks:
                        if best is None or (len(gt), cnt) > (len(best.split()), per_forms[best]):
                            best = g
                if best is None and len(toks) >= 2:
                    # "Oliver Jufer" ... "Oliver Rudolf Jufer": the same first and last name with
                    # middle names between them, when only one such longer name is in the article
                    longer = [g for g in per_forms if len(g.split()) > len(toks) and g.split()[0] == toks[0]
                              and g.split()[-1] == toks[-1] and _subsequence(toks, g.split())]
                    if len(longer) == 1:
                        best = longer[0]
                if best is not None:
                    resolved[f] = best
            forms = [resolved.get(f, f) if e.label_ == "PER" else f for e, f in zip(ents, forms)]
        return [self.canonical(f) for f in forms]


_LINKER: Optional[NameLinker] = None
_BLANK = None


def canonical_names(text: str, spans: list[tuple[int, int, str]]) -> list[Optional[str]]:
    """Canonical names for `spans` ((start, end, label) in `text`, all name entities of one
    article) with the pipeline's linker and alias table, outside a pipeline run: the review's
    added, narrowed and relabelled entities (`review.apply`). Without the model there is no
    morphology, so the linker's suffix rules and the article's own forms decide inflection.
    None for spans of other labels or that no token covers."""
    global _LINKER, _BLANK
    if _LINKER is None:
        import spacy

        _BLANK = spacy.blank("de")
        _LINKER = NameLinker()
    # tokens split at every span boundary, so a span inside a word ("ODKB" of "ODKB-Truppe")
    # is itself and not the whole word
    bounds = sorted({b for s, e, _ in spans for b in (s, e)})
    words: list[str] = []
    spaces: list[bool] = []
    for t in _BLANK.make_doc(text):
        lo, hi = bisect.bisect_right(bounds, t.idx), bisect.bisect_left(bounds, t.idx + len(t.text))
        cuts = [0] + [b - t.idx for b in bounds[lo:hi]] + [len(t.text)]
        for j in range(len(cuts) - 1):
            words.append(t.text[cuts[j]:cuts[j + 1]])
            spaces.append(bool(t.whitespace_) and j == len(cuts) - 2)
    doc = Doc(_BLANK.vocab, words=words, spaces=spaces)
    keep: list[int] = []
    ents: list[Span] = []
    for k, (s, e, label) in enumerate(spans):
        if _LABEL_CLASS.get(label) not in _TYPES:
            continue
        sp = doc.char_span(s, e, label=label, alignment_mode="contract")
        if sp is not None and len(sp):
            keep.append(k)
            ents.append(sp)
    out: list[Optional[str]] = [None] * len(spans)
    if ents:
        for k, c in zip(keep, _LINKER.canonicals(doc, ents)):
            out[k] = c
    return out


@Language.factory(
    "presseschau_names",
    default_config={"aliases_path": None, "resolve_short_forms": True, "use_aliases": True, "propagate": True,
                    "min_support": 2, "surname_wins": True, "context_wins": True, "first_names_alone": True},
    requires=["doc.ents"],
    assigns=["doc.ents", "doc.spans", "span._.canonical"],
)
def make_names(nlp: Language, name: str, aliases_path: Optional[str], resolve_short_forms: bool,
               use_aliases: bool, propagate: bool, min_support: int, surname_wins: bool, context_wins: bool,
               first_names_alone: bool = True) -> NameLinker:
    """aliases_path: TSV alias table; None -> the repository's annotations/aliases.tsv.
    use_aliases=False gives the article-local base form only (no cross-article joining).
    propagate=False leaves the model's entities as they are (no document-level consistency);
    min_support: model mentions needed before a single-token form's label is propagated;
    surname_wins: the surname of a clean full person name in the article is PER, however
    often the model labelled it otherwise (unless the alias table types it);
    context_wins: a label that `presseschau_ner_rules` decided from the context (a role word, an
    appositive noun: doc.spans["presseschau_ner_rules_typed"]) is the form's label in the article,
    however often the model labelled it otherwise (unless the alias table types it);
    first_names_alone: a listed first name of a clean two-word person name of the article is PER alone too
    (`NameLinker.first_name_forms`, session 30)."""
    return NameLinker(aliases_path=aliases_path, resolve_short_forms=resolve_short_forms, use_aliases=use_aliases,
                      propagate=propagate, min_support=min_support, surname_wins=surname_wins,
                      context_wins=context_wins, first_names_alone=first_names_alone)
