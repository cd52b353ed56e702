"""German DATE expressions: detection and ISO 8601 normalisation (spaCy component).

Factory ``presseschau_dates`` -> ``doc.spans["presseschau_dates"]``; every span carries
``span._.value`` (ISO string) or ``None`` where it cannot be resolved.

Boundary rules (the annotation guidelines in ``pipeline/lang/de/README.md`` repeat them)
-----------------------------------------------------------------------------------
* The span is the date expression without a leading preposition or article:
  "am 2. Januar" -> "2. Januar"; "im Mai 2021" -> "Mai 2021"; "am Mittwochabend" ->
  "Mittwochabend"; "seit 1991" -> "1991"; "im ersten Quartal" -> "ersten Quartal";
  "im vergangenen Jahr" -> "vergangenen Jahr"; "in der Nacht zum Donnerstag" -> "Donnerstag".
* Words that change the value or the precision are inside: period parts ("Anfang Januar",
  "Mitte August", "Ende 2016", "Ende des Jahres"), relative modifiers ("vergangenen Montag",
  "diese Woche"), the weekday before a full date ("Mittwoch, 5. Januar 2022"), "Jahr" before
  a year ("Jahr 2010"), "v. Chr.".
* Not DATE: durations ("drei Monate", "zweiwöchigen"), clock times ("4:45 Uhr"), vague
  plural periods ("in den vergangenen Jahren", "seit Jahrzehnten"), ordinal periods relative
  to something else ("im zwanzigsten Jahr ihres Bestehens"), "jetzt"/"derzeit", and "heute"
  meaning "nowadays" ("bis heute", "(heute Nur-Sultan)", present tense + stative verb).
* Values: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-SP/SU/FA/WI, YYYY-Q1..Q4, YYYY-H1/H2, YYYY-Www,
  decade "199" (1990er Jahre), century "19" (20. Jahrhundert). Period parts do not change
  the value ("Anfang Januar" = "2022-01"); parts of the day are dropped ("Mittwochabend" =
  the Wednesday's date).
* Partial/relative dates are resolved against ``doc._.published`` and the tense of the
  clause (past/perfect: the latest matching date on or before publication; future: the
  next on or after; present: the nearest). "vergangenen"/"kommenden" force the direction
  (strictly before/after). No publication date -> ``None`` for relative expressions.

Works with a bare tokenizer (``spacy.blank("de")``); uses morphology, sentence boundaries
and lemmas when the model provides them.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import ext as spacy_ext  # noqa: F401  (registers the extensions)
from .normalize import (
    expand_year,
    holiday_date,
    iso_day,
    iso_month,
    iso_year,
    lang_data,
    lookup_unit,
    parse_anchor,
    parse_number_word,
    resolve_day_month,
    resolve_month,
    resolve_iso_week,
    resolve_quarter,
    resolve_season,
    resolve_weekday,
    shift_period,
)
from .ext import DATE_SPANS, token_texts

# ---------------------------------------------------------------------------- helpers


def _alt(words: Iterable[str]) -> str:
    ws = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)


def _after(words: Iterable[str]) -> str:
    """A look-behind for one of `words` and a space before a match ("in den [Neunzigern]"), one fixed-width
    look-behind per word (Python's look-behinds have a fixed width); in the pattern, not a later check, so that
    a long candidate it refuses ("gestern [Abend nach dem Spiel]") cannot hide a shorter one."""
    return "(?:" + "|".join(f"(?<=(?<![\\w-]){re.escape(w)}\\s)" for w in words) + ")"


def _cap(w: str) -> str:
    return w[:1].upper() + w[1:]


def _both(words: Iterable[str]) -> list[str]:
    out = []
    for w in words:
        out += [w, _cap(w)]
    return out


# an identifier word of this length or more also ends a compound before a number ("Sicherheitsratsresolution
# 1701"); shorter ones only as the word or after a hyphen ("Haus", not "Rathaus 1910")
IDENT_HEAD_MIN = 8

# a news article tells a history when its first dates (at least this many, none within a year of
# publication) all lie years back: one date could be background, two begin a narrative
HISTORY_MIN_DATES = 2
_YEAR_TOKEN = re.compile(r"^(1\d{3}|20\d{2})$")
_NUM_RANGE = re.compile(r"^(\d{1,4}\.?)([/–-])(\d{1,4}\.?)$")
_ORDINAL_PERIOD = re.compile(r"^\d+\.$")
# "15.-18.03.2018" (dev8 wn82340): a first day, a dash and a whole numeric date in one token, two DATEs
_NUMERIC_DAY_RANGE = re.compile(r"^(\d{1,2}\.)([-–])(\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?)$")
_NUM_UNIT_GLUED = re.compile(r"^(\d+(?:,\d+)?)([A-Za-z]{2,4})$")  # "1eV" (the tokenizer splits only the units it knows)
_SEMICOLON_JOINED = re.compile(r"^\d[\d.,]*%?;\d[\d.,]*%?$")  # "35,2%;1997" (no space after the semicolon)
_DECIMAL_PERIOD = re.compile(r"^\d+(?:[,:]\d+)+\.$")  # "1,5." "16:9." "1:1:1,5.": never an ordinal


@functools.lru_cache(maxsize=1)
def ordinal_words() -> dict[str, int]:
    """Written-out ordinals ("ersten", "zwölften"; dates.json `ordinal_words`: stem + ending) -> number."""
    d = lang_data("dates.json")["ordinal_words"]
    return {stem + end: n for stem, n in d["stems"].items() for end in d["endings"]}


def has_ann(doc: Doc, attr: str) -> bool:
    """Cached ``doc.has_annotation(attr)`` (spaCy scans every token on each call)."""
    key = ("presseschau", "has", attr, len(doc))
    v = doc.user_data.get(key)
    if v is None:
        v = doc.user_data[key] = doc.has_annotation(attr)
    return v


def _short_year_after_range(doc: Doc, i: int) -> bool:
    """Is doc[i] ("13.") the two-digit second year of a range the tokenizer split at the
    slash or dash ("Schuljahr 2012/13. Bisher ...")?"""
    return i >= 2 and len(doc[i].text) == 3 and doc[i - 1].text in ("/", "–", "-") \
        and not doc[i - 1].whitespace_ and bool(_YEAR_TOKEN.match(doc[i - 2].text))


def split_trailing_periods(doc: Doc) -> Doc:
    """Retokenize number tokens the German tokenizer keeps whole but that hold two date or
    figure parts: a sentence-final period ("1997." -> "1997" "."; the tokenizer keeps "2."
    together because it is usually an ordinal, so we only split when what follows cannot
    continue an ordinal: end of text, a line break, or, for 4-digit years, a word that is
    no month and no ordinal-taking noun, or a number; a decimal or a ratio with a period, "1,5." or
    "16:9.", always) and ranges ("1890–1970", "27./28.")."""
    months = lang_data("dates.json")["months"]
    ordinal_nouns = frozenset(lang_data("dates.json")["ordinal_nouns"])
    todo: list[tuple[Token, list[str]]] = []
    texts = token_texts(doc)
    # both patterns start with a digit: look at those tokens only
    for i, text in enumerate(texts):
        if text.endswith(".") and i > 1 and texts[i - 1] == "/" and len(text) <= 4 and lookup_unit(f"{texts[i - 2]}/{text[:-1]}"):
            # the tokenizer keeps "h." of a compound unit at a sentence end: "412,28 km/h." -> "h" "."
            todo.append((doc[i], [text[:-1], "."]))
            continue
        if not text[:1].isdigit():
            continue
        t = doc[i]
        gm = _NUM_UNIT_GLUED.match(text)
        if gm and lookup_unit(gm.group(2)) and lookup_unit(gm.group(2))[0] not in ("s", "min", "h", "day", "week", "month", "year"):
            todo.append((t, [gm.group(1), gm.group(2)]))  # "1eV", "100PS": a number glued to its unit
            continue
        if ";" in text and _SEMICOLON_JOINED.match(text):
            # a results table without spaces: "35,2%;1997" -> "35,2" "%" ";" "1997"
            todo.append((t, re.findall(r"\d[\d.,]*\d|\d|[%;]", text)))
            continue
        dm = _NUMERIC_DAY_RANGE.match(text)
        if dm:
            todo.append((t, list(dm.groups())))
            continue
        rm = _NUM_RANGE.match(text)
        if rm:
            a, sep, b = rm.groups()
            if b.endswith(".") and not a.endswith(".") and len(b) > 2:
                # "1777/78." at the end of a sentence: range plus period
                todo.append((t, [a, sep, b[:-1], "."]))
            else:
                todo.append((t, [a, sep, b]))
            continue
        if _DECIMAL_PERIOD.match(text):
            todo.append((t, [text[:-1], "."]))  # a sentence-final decimal or ratio: "im Verhältnis 1 : 1 : 1,5."
            continue
        if not _ORDINAL_PERIOD.match(text):
            continue
        num = text[:-1]
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is None or "\n" in t.whitespace_ + (nxt.text if nxt.is_space else ""):
            todo.append((t, [num, "."]))
        elif (_YEAR_TOKEN.match(num) or _short_year_after_range(doc, t.i)) and nxt.text.lower() not in months \
                and nxt.text.lower() not in ordinal_nouns and (nxt.text[:1].isupper() or nxt.is_punct
                                                                   or (nxt.text[:1].isdigit() and bool(_YEAR_TOKEN.match(num)))):
            # a year and a number after it: "im Jahr 2005. 1997 wurde ..." (no 2005th)
            todo.append((t, [num, "."]))
    if not todo:
        return doc
    parsed = has_ann(doc, "DEP")
    with doc.retokenize() as retok:
        for t, parts in todo:
            head0 = t.head if (parsed and t.head.i != t.i) else (t, 0)
            heads = [head0] + [(t, 0)] * (len(parts) - 1)
            pos = [("PUNCT" if not p[:1].isdigit() else (t.pos_ or "NUM")) for p in parts]
            attrs: dict[str, Any] = {"POS": pos}
            if parsed:
                attrs["DEP"] = [t.dep_] + ["punct" if not p[:1].isdigit() else "conj" for p in parts[1:]]
            retok.split(t, parts, heads=heads, attrs=attrs)
    return doc


# ---------------------------------------------------------------------------- sentences / tense

_CLAUSE_PUNCT = {",", ";", ":", "–", "—", "-"}


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """[start, end) token indices of the sentence around token i.

    Punctuation-based on purpose, also when the model sets sentence boundaries: a weak
    parser's boundaries ("... machte im Handelsblatt | Mitte August deutlich") cut clauses
    off their verb, and the tense cues need the whole clause. A line break ends a sentence
    unless the text is hard-wrapped (print layouts: most lines end without punctuation)."""
    wrapped = _hard_wrapped(doc)

    def brk(t: Token) -> bool:
        if t.text in (".", "!", "?"):
            return True
        ws = t.text if t.is_space else t.whitespace_
        if "\n" not in ws:
            return False
        return not wrapped or ws.count("\n") > 1

    start = i
    while start > 0 and not brk(doc[start - 1]):
        start -= 1
    end = i + 1
    while end < len(doc):
        t = doc[end]
        end += 1
        if brk(t):
            break
    return start, end


_WRAP_KEY = ("presseschau", "hard_wrapped")


def _hard_wrapped(doc: Doc, text: Optional[str] = None) -> bool:
    cached = doc.user_data.get(_WRAP_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    if text is None:
        text = doc.text  # builds the string from the tokens: once per doc, not per call
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    open_lines = sum(1 for ln in lines if not re.search(r"[.!?:;\"“”»)]$", ln))
    wrapped = len(lines) >= 5 and open_lines / len(lines) > 0.6
    doc.user_data[_WRAP_KEY] = (len(doc), wrapped)
    return wrapped


#: the clause marks of the figures package's rough clause of a figure (`FigureRecognizer._clause_of`): `_CLAUSE_PUNCT`
#: without the dashes, as that clause was cut since session 12 (a dash inside it, a range "20 – 30" say, stays in)
CLAUSE_COMMAS = frozenset({",", ";", ":"})


def clause_bounds(doc: Doc, start: int, end: int, s0: int, s1: int, punct: Any = _CLAUSE_PUNCT) -> tuple[int, int]:
    """[a, b) of the clause around [start, end) within the sentence [s0, s1): cut at the nearest
    token in `punct` on either side (the tokens of [start, end) themselves are not looked at)."""
    a = start
    while a > s0 and doc[a - 1].text not in punct:
        a -= 1
    b = end
    while b < s1 and doc[b].text not in punct:
        b += 1
    return a, b


def attributive_before_noun(t: Token, endings: tuple[str, ...], is_noun: Callable[[Token], bool]) -> bool:
    """An inflected participle (or adjective) right before its noun is an adjective, not a verb:
    "15 verletzte Polizisten", "hundert bunt geschmückten Festwagen", "weitere 20 verletzte Soldaten".
    True when `t` ends in one of `endings` (dates.json "attributive_endings" or
    "attributive_participle_endings", which differ on purpose: see there) and the next token passes
    `is_noun` (the callers' tests of a noun differ too: a tagger's NOUN, or a capitalized word)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and t.text.endswith(endings) and is_noun(nxt)


class TenseDetector:
    """Past / future / present of a clause, from morphology when present, else word lists
    (pipeline/lang/de/dates.json "tense") plus the German lemma lookup table."""

    _PARTICIPLE = re.compile(r"^(?:[a-zäöü]+)?ge[a-zäöüß]{2,}(?:t|en)$|^[a-zäöüß]{3,}iert$")

    def __init__(self, lemma_fn: Callable[[Token], str], lemma_table: Callable[[], Any] = lambda: None):
        d = lang_data("dates.json")["tense"]
        self.lemma_table = lemma_table
        self._lemma_values: Optional[set[str]] = None
        self.past_aux = set(d["past_aux"])
        self.perfect_aux = set(d["perfect_aux"])
        self.future_aux = set(d["future_aux"])
        self.infinitive_marks = set(d["infinitive_marks"])
        self.modal_future = set(d["modal_future"])
        self.perfect_infinitives = set(d["perfect_infinitives"])
        self.present_modals = set(d["present_modals"])
        self.ge_prefixes = tuple(d["ge_prefixes"])
        self.inseparable_prefixes = tuple(d["inseparable_prefixes"])
        self.modal_past = set(d["modal_preterite"])
        strong = set(d["strong_preterite"])
        self.strong = strong | {w + "en" for w in strong} | {w + "n" for w in strong if w.endswith("e")}
        self.not_past = set(d["not_past"])
        self.noun_attach_deps = set(d["noun_attach_deps"])
        self.adverbial_deps = set(d["adverbial_deps"])
        # the endings of an inflected participle before its noun ("geschmückten Festwagen")
        self.attributive_endings = tuple(lang_data("dates.json")["attributive_endings"])
        self.lemma_fn = lemma_fn

    def _participle(self, t: Token) -> bool:
        if t.has_morph() and "Part" in t.morph.get("VerbForm"):
            return True
        if t.i > 0 and t.doc[t.i - 1].text.lower() in self.infinitive_marks:
            # "zu gewinnen" is an infinitive that the pattern takes for a participle of a "ge-" shape, which
            # made "hat gute Chancen, am [24. März] ... zu gewinnen" a perfect (dev11 wn72118: the coming 24 March)
            return False
        if not ((self._PARTICIPLE.match(t.text) or self._prefix_participle(t)) and t.text.islower()):
            return False
        prefix = next((p for p in self.ge_prefixes if t.text.startswith(p)), None)
        if prefix is not None and not self._PARTICIPLE.match(t.text[len(prefix):]):
            # "entgegennehmen": the "ge" is the prefix's, the rest no participle ("entgegengenommen" is one)
            # ("Ob Hu den Preis am 17. Dezember entgegennehmen kann, ist fraglich", dev8 wn53717)
            return False
        # an inflected participle before its noun is an adjective, no perfect: "ist der Karneval heute eine
        # Massenveranstaltung mit über hundert bunt geschmückten Festwagen" (dev4 wn50115: "heute" nowadays)
        return not attributive_before_noun(t, self.attributive_endings, lambda nxt: nxt.is_alpha and nxt.text[:1].isupper()
                                           and nxt.pos_ in ("NOUN", "PROPN", ""))

    def _prefix_participle(self, t: Token) -> bool:
        """A participle without "ge-" of a verb with an inseparable prefix ("verhaftet", "erwartet", "besucht":
        dates.json tense.inseparable_prefixes): the lemma's stem + "t"/"et". The form is also the present's
        third person; only a perfect or passive auxiliary beside it makes it a tense cue."""
        w = t.text
        if not (w.islower() and w.endswith("t") and w.startswith(self.inseparable_prefixes)):
            return False
        lemma = self.lemma_fn(t).lower()
        return lemma != w and lemma.endswith("en") and w in (lemma[:-2] + "t", lemma[:-2] + "et")

    def _infinitive(self, t: Token) -> bool:
        if t.has_morph() and t.morph.get("VerbForm"):
            return "Inf" in t.morph.get("VerbForm")
        w = t.text
        return w.islower() and w.endswith("en") and not self._participle(t) and len(w) > 3

    def _preterite(self, t: Token) -> bool:
        w = t.text.lower()
        if w in self.not_past:
            return False
        if t.has_morph() and t.morph.get("Tense"):
            return "Past" in t.morph.get("Tense") and "Fin" in (t.morph.get("VerbForm") or ["Fin"]) \
                and "Sub" not in t.morph.get("Mood")
        if w in self.past_aux or w in self.strong or w in self.modal_past:
            return True
        if not t.text.islower():
            return False
        if t.pos_ == "ADJ" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in ("NOUN", "PROPN"):
            return False  # an attributive participle ("der automatisierte Zugriff"), no verb
        m = re.match(r"^(.+?)(?:te|ten|test|tet)$", w)
        if m:
            lemma = self.lemma_fn(t).lower()
            if lemma.endswith("en") and w in (lemma[:-2] + "et", lemma[:-2] + "est"):
                # "startet", "arbeitet": the present of a stem in -t ("starten"), not "startete" (dev8 wn4895); with an
                # inseparable prefix also the participle ("hat ... verhaftet": `_participle` makes it a perfect)
                return False
            if lemma != w and lemma.endswith("n") and lemma.startswith(m.group(1)[: max(2, len(m.group(1)) - 1)]):
                return True
        return False

    def _finite_weak_preterite(self, t: Token) -> bool:
        """A finite full verb of the parse in the weak preterite ("gelangten", "meldete"): the
        lookup lemma table often misses these ("gelangten" -> "gelangt"), so the form decides
        when the parse says the verb is finite (it has a subject and no auxiliary). Only
        -te/-ten: present-tense "-tet" ("leitet", "arbeitet") would read as past."""
        w = t.text
        if t.pos_ != "VERB" or not w.islower() or w in self.not_past:
            return False
        if not (w.endswith("te") or w.endswith("ten")):
            return False
        deps = {c.dep_ for c in t.children}
        if "aux" in deps or "aux:pass" in deps or "nsubj" not in deps and "nsubj:pass" not in deps:
            return False
        if w.endswith("te"):
            return True  # "veranlasste", "meldete" (present "ich leite" is rare outside quotes)
        # "-ten": "arbeiten", "halten" are present plurals; a preterite strips to an infinitive
        # ("veranlassten" -> "veranlassen", "gelangten" -> "gelangen")
        inf = w[:-3] + "en"
        return self.lemma_fn(t).lower() != w and self._is_infinitive(inf)

    def _is_infinitive(self, w: str) -> bool:
        """Is `w` a verb infinitive the lookup table knows: one of its lemmas (the values), or a
        form it maps to a lemma of the same stem ("gelangen" -> "gelingen"; not "waren" -> "sein",
        so present "warten" stays present)?"""
        if self._lemma_values is None:
            table = self.lemma_table()
            self._lemma_values = {v for v in table.values() if v.endswith("n") and v.islower()} if table else set()
        if w in self._lemma_values:
            return True
        lem = self.lemma_table().get(w) if self._lemma_values else None
        return bool(lem) and lem[:3] == w[:3] and lem.endswith("en")

    def predicate_tense(self, doc: Doc, start: int, end: int,
                        within: Optional[tuple[int, int]] = None) -> Optional[str]:
        """Tense of the verb a date attaches to in the dependency parse (the model has no
        morphological features, only UPOS, so the verb and its auxiliaries decide):
        "gelangten sie am Donnerstagabend" -> past; "veranlasste ..., am Dienstag ... zu
        bringen" -> past (a zu-infinitive takes its governor's tense); "wird am Montag
        stattfinden" -> future; "werden ... am Montag gefunden" (passive) -> present.
        A date inside a noun phrase ("die Vertrauensfrage am Freitag", "nach der Bekanntgabe
        am Donnerstag") dates the noun's event, not the verb: "present" (the nearest day).
        None without a parse or without a verb above the date."""
        if not has_ann(doc, "DEP"):
            return None
        root = next((t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i), None)
        if root is None:
            return None
        t, steps = root, 0
        nominal = False
        while steps < 12:
            steps += 1
            if t.head.i == t.i:
                break
            h = t.head
            if t.dep_ in self.noun_attach_deps and h.pos_ in ("NOUN", "PROPN") and t is root:
                nominal = True
            if h.pos_ in ("VERB", "AUX") or any(c.dep_ in ("aux", "aux:pass", "cop") for c in h.children):
                if nominal and t.dep_ in self.adverbial_deps and self._verb_tense(h) == "past":
                    # the noun phrase is an adverbial of a verb in the past: its event lies before
                    # publication too (dates.json tense.adverbial_deps)
                    nominal = False
                t = h
                break
            t = h
        else:
            return None
        if t.pos_ not in ("VERB", "AUX", "ADJ") and not any(c.dep_ in ("aux", "aux:pass", "cop") for c in t.children):
            return None
        if nominal:
            return "present"
        if within is not None and not within[0] <= t.i < within[1]:
            # the parse hangs the date on a verb of another clause ("In Balad, das ... bewohnt wird
            # ..., explodierten bereits am Donnerstagabend", dev5): the date's own clause decides
            return None
        for _ in range(4):
            tense = self._verb_tense(t)
            zu = any(c.dep_ == "mark" and c.text.lower() in self.infinitive_marks for c in t.children)
            if tense is None and zu and t.head.i != t.i:
                t = t.head
                continue
            return tense
        return None

    def _verb_tense(self, v: Token) -> Optional[str]:
        """past / future / present of one predicate and its auxiliaries (None: no cue)."""
        auxes = [c for c in v.children if c.dep_ in ("aux", "aux:pass", "cop")]
        words = [a.text.lower() for a in auxes]
        part = self._participle(v)
        for w in words:
            if w in self.not_past:
                return "present"
        if any(w in self.past_aux or w in self.modal_past for w in words):
            return "past"
        if any(w in self.perfect_aux for w in words) and part:
            return "past"
        if any(w in self.future_aux for w in words):
            if not part and v.pos_ == "VERB" and self._preterite(v):
                # "werden" takes an infinitive or a participle, never a preterite: the parse has hung a
                # "werden" of another clause on this verb ("... werden nach dem Erdbeben, das sich am
                # Dienstagnachmittag ereignete, Tote befürchtet", dev13 wn60475): the verb's own form decides
                return "past"
            return "present" if part or v.pos_ == "ADJ" else "future"
        if any(w in self.modal_future for w in words):
            # "soll ... gesehen haben" reports a past event (dates.json tense.perfect_infinitives)
            return "past" if part and any(w in self.perfect_infinitives for w in words) else "future"
        if auxes:
            return None
        if self._preterite(v) or self._finite_weak_preterite(v):
            return "past"
        return None

    def tense(self, tokens: list[Token], center: Optional[int] = None) -> Optional[str]:
        """Tense of the clause made of `tokens`; with `center` (a token index) the cue
        nearest to it wins, so "sagte am Montag, er werde ..." reads as past."""
        if not tokens:
            return None
        words = [t.text.lower() for t in tokens]
        has_part = any(self._participle(t) for t in tokens)
        has_inf = any(self._infinitive(t) for t in tokens)
        cues: list[tuple[int, str]] = []
        passive_inf = has_part and any(w in self.modal_past for w in words)  # "konnten ... verkauft werden"
        # "soll ... belästigt haben": a modal with a perfect infinitive reports a past event (dates.json
        # tense.perfect_infinitives)
        perfect_inf = has_part and any(w in self.perfect_infinitives for w in words)
        for t, w in zip(tokens, words):
            if w in self.future_aux and passive_inf:
                continue
            if w in self.future_aux and has_inf and not has_part:
                cues.append((t.i, "future"))
            elif w in self.modal_future and has_inf:
                cues.append((t.i, "past" if perfect_inf else "future"))
            elif w in self.present_modals and has_inf:
                cues.append((t.i, "present"))
            elif self._preterite(t):
                cues.append((t.i, "past"))
            elif w in self.perfect_aux and has_part:
                cues.append((t.i, "past"))
            elif w in self.future_aux and has_inf:
                cues.append((t.i, "future"))
        if not cues:
            return None
        if center is None:
            center = tokens[0].i
        cues.sort(key=lambda c: abs(c[0] - center))
        return cues[0][1]


# ---------------------------------------------------------------------------- matching


@dataclass
class DateMatch:
    start: int
    end: int
    kind: str
    g: dict[str, Optional[str]]
    priority: int = 0
    value: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


class DateRecognizer:
    """The spaCy component; also usable on its own: ``DateRecognizer()(nlp.make_doc(text))``."""

    def __init__(self, mode: str = "news", split_periods: bool = True, lemma_lookup: bool = True):
        self.mode = mode
        self.split_periods = split_periods
        self.lemma_lookup = lemma_lookup
        self._lemmas = None
        d = lang_data("dates.json")
        self.months = d["months"]
        self.weekdays = d["weekdays"]
        self.seasons = d["seasons"]
        self.day_parts = d["day_parts"]
        self.period_parts = d["period_parts"]
        self.deictic = d["deictic_days"]
        self.rel_mods = {k: v for k, v in d["relative_modifiers"].items() if not k.startswith("folgend")}
        self.ana_mods = d["anaphoric_modifiers"]
        self.deictic_mods = {k: v for k, v in d["deictic_modifiers"].items() if not k.startswith("_")}
        self.rel_mods.update(self.deictic_mods)  # "am gestrigen Mittwoch" is a weekday with a direction
        self.decade_words = {k: v for k, v in d["decade_words"].items() if not k.startswith("_")}
        self.decade_suffixes = list(d["decade_compound_suffixes"])
        self.period_adjectives = dict(d["period_adjectives"])
        self.day_adjectives = list(d["day_adjectives"])
        # the era after a year before Christ ("v. Chr.", "vor Christus"): a regex alternation, spaces flexible
        self.bc_alt = "(?:" + "|".join(r"\.\s?".join(re.escape(p).replace("\\ ", "\\s+") for p in m.split(". "))
                                       for m in sorted(d["bc_markers"], key=len, reverse=True)) + ")"
        self.bc_re = re.compile(f"^(\\d{{1,4}})\\s*{self.bc_alt}$")
        self.bc_range_links = list(d["bc_range_links"])
        self.apposition_links = frozenset(d["apposition_links"])
        self.race_time_units = list(d["race_time_units"])
        self.article_numbers = frozenset(w.lower() for w in lang_data("numbers.json")["article_forms"])  # "ein(en)"
        self.whole_mods = list(d["whole_modifiers"])
        self.ellipsis_links = list(d["relative_ellipsis"]["links"])
        self.ellipsis_preps = list(d["relative_ellipsis"]["prepositions"])
        self.deictic_adj_nouns = list(d["deictic_adjective_nouns"])
        self.deictic_adj_any = list(d["deictic_adjectives_any_noun"])
        if not set(self.deictic_adj_any) <= set(self.deictic_mods):
            # their day offset is the one deictic_modifiers gives
            raise ValueError("dates.json: deictic_adjectives_any_noun must be keys of deictic_modifiers")
        self.feast_qualifiers = list(d["other_calendar_feasts"]["qualifiers"])
        self.other_feasts = list(d["other_calendar_feasts"]["feasts"])
        self.period_dur_mods = list(d["period_durations"]["modifiers"])
        self.period_durs = dict(d["period_durations"]["words"])
        self.holiday_weekends = dict(d["holiday_weekends"])
        self.new_year_words = list(d["new_year"]["words"])
        self.new_year_until = int(d["new_year"]["this_year_until_month"])
        self.calendar_week_words = list(d["calendar_week_words"])
        self.day_period_parts = list(d["day_period_parts"])
        self.weekday_date_articles = list(d["weekday_date_articles"])
        self.recurring_preps = set(d["recurring_day_prepositions"])
        self.day_links = list(d["day_list_links"])  # "2. und 3. Januar", "vom 10. auf den 11. Februar"
        self.month_list_links = list(d["month_list_links"])
        self.generic_month_articles = frozenset(d["generic_month_articles"])
        # multi-word triggers before a bare month ("im Laufe des"), matched on the words before it
        self.month_trigger_phrases = [w for w in d["month_triggers"] if " " in w]
        self.rel_units = d["relative_units"]
        self.rel_comp = d["relative_compounds"]
        self.ana_comp = set(d.get("anaphoric_compounds", []))
        self.lead_comp = set(d["lead_day_compounds"])
        if not self.lead_comp <= set(self.rel_comp):
            raise ValueError("dates.json: lead_day_compounds must be keys of relative_compounds")
        self.holidays = {k: v for k, v in d["holidays"].items() if not k.startswith("_")}
        self.holiday_lowercase = frozenset(d["holiday_lowercase_words"])
        self.year_triggers = set(d["year_triggers"])
        self.month_triggers = set(d["month_triggers"])
        self.ordinals = d["ordinals"]
        self.quarter_words = set(d["quarter_words"])
        self.half_words = set(d["half_words"])
        self.quarter_last_words = set(d["quarter_last_words"])
        self.nowadays = d["heute_nowadays"]
        self.ago_words = set(lang_data("measures.json")["ago_words"])
        self.event_heads = d["event_name_heads"]
        self.event_suffixes = tuple(d["event_name_suffixes"])
        self.event_groups = frozenset(d["event_name_groups"]["groups"])
        self.national_day_words = list(d["national_days"]["words"])
        self.national_days = {day: tuple(starts) for day, starts in d["national_days"]["countries"].items()}
        self.national_day_ahead = frozenset(d["national_days"]["ahead_words"])
        self.since_words = frozenset(d["since_words"])
        self.narrative_bound_words = frozenset(d["narrative_bound_words"])
        self.event_group_articles = frozenset(d["event_name_groups"]["articles"])
        self.episode_followers = d["episode_day_followers"]
        self.recurring_words = set(d["recurring_day_words"])
        self.holiday_generic_words = set(d["holiday_generic"]["words"])
        self.postpone_preps = set(d["postponed_to"]["prepositions"])
        self.postpone_between = set(d["postponed_to"]["between"])
        self.postpone_past_plan = set(d["postponed_to"]["past_plan"])
        self.postpone_verbs = set(d["postponed_to"]["verbs"])
        self.postpone_attributive = set(d["postponed_to"]["attributive"])
        self.holiday_name_deps = set(d["holiday_generic"]["name_deps"])
        self.season_compounds = {k: v for k, v in d["season_compounds"].items()}
        self.month_prefixes = list(d["month_prefixes"])
        self.of_year_mods = dict(d["of_year_modifiers"])
        self.deictic_lowercase_only = set(d["deictic_lowercase_only"])
        self.season_triggers = set(d["season_triggers"])
        self.dative_jahre_after = set(d["dative_jahre_after"])
        self.morgen_noun_after = set(d["morgen_noun_after"])
        self.year_frame_words = set(d["year_frame_words"])
        self.deictic_years = {k: v for k, v in d["deictic_years"].items()}
        self.day_month_triggers = set(d["day_month_triggers"])
        self.ana_phrase_heads = list(d["anaphoric_phrases"]["heads"])
        self.ana_phrase_dirs = dict(d["anaphoric_phrases"]["directions"])
        self.quote_open = {o: c for o, c in d["quote_marks"]}  # opening mark -> its closing mark
        self.quote_close = set(self.quote_open.values())
        self.clause_openers = frozenset(d["clause_openers"])
        self.near_anaphoric = set(d["anaphoric_near"]["compounds"])
        self.near_anaphoric_this_year = set(d["anaphoric_near"]["this_year_modifiers"])
        self.tense_detector = TenseDetector(self._lemma, self._lemma_table)
        self.parse_tense_kinds = set(d["tense"]["parse_tense_kinds"])
        self.deictic_year_adjs = dict(d["deictic_year_adjectives"])
        self.month_nouns = list(d["month_nouns"])
        self.month_part_phrases = list(d["month_part_phrases"])
        self.decade_dative_after = list(d["decade_dative_after"])
        self.year_part_ords = list(d["year_part_counts"]["ordinals"])
        self.year_part_units = list(d["year_part_counts"]["units"])
        nums = lang_data("numbers.json")
        # the written-out counts of "ersten neun Monaten" (two to ninety: "ein" is the article)
        self.count_words = sorted(w for part in ("units", "teens", "tens") for w, v in nums[part].items() if v >= 2)
        self.every_year = list(d["every_year_genitives"])
        self.last_of_mods = frozenset(d["last_of_event"]["modifiers"])
        self.last_of_articles = frozenset(d["last_of_event"]["articles"])
        self.last_of_before = frozenset(d["last_of_event"]["before"])
        ev = d["event_anchored"]
        self.event_anchor_heads = list(ev["heads"])
        self.event_anchor_dirs = dict(ev["directions"])
        self.event_articles_before = list(ev["articles_before"])
        self.event_articles = list(ev["event_articles"])
        self._build()

    # -- lemma access (model lemma if set, else lookup table) --
    def _lemma(self, t: Token) -> str:
        if t.lemma_ and has_ann(t.doc, "LEMMA"):
            return t.lemma_
        if not self.lemma_lookup:
            return t.text
        return self._lemma_table().get(t.text, t.text)

    def _lemma_table(self) -> Any:
        """spacy-lookups-data's German lemma table ({} without the package or lookups)."""
        if self._lemmas is None:
            self._lemmas = {}
            if self.lemma_lookup:
                try:
                    from spacy.lookups import load_lookups

                    self._lemmas = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
                except Exception:  # spacy-lookups-data missing
                    pass
        return self._lemmas

    def _build(self) -> None:
        mon_words = []
        for k in self.months:
            mon_words.append(_cap(k))
        MON = f"(?P<mon>(?:{_alt(w for w in mon_words if w.endswith('.'))})|(?:(?:{_alt(w for w in mon_words if not w.endswith('.'))})(?=s?(?![\\w-]))))s?"
        MON2 = MON.replace("?P<mon>", "?:")
        WD = f"(?P<wd>{_alt(_cap(w) for w in self.weekdays)})"
        WDX = WD.replace("?P<wd>", "?:")  # the same without the group, for a look-ahead
        DP = f"(?P<dp>{_alt(self.day_parts)})?"
        DP2 = f"(?:\\s+(?P<dp2>{_alt(_cap(w) if kind == 'noun' else w for w, kind in self.day_parts.items())}))?"
        DAY = "(?P<day>0?[1-9]|[12]\\d|3[01])\\."
        BC = self.bc_alt
        YEAR = f"(?P<year>\\d{{1,4}}\\s*{BC}|1\\d{{3}}|20\\d{{2}})"
        YEAR4 = "(?P<year>1\\d{3}|20\\d{2})"
        part_gate = _alt(_cap(w) for w in self.period_parts)
        PART = f"(?P<part>{part_gate})"
        # the holidays as written ("Tag der Deutschen Einheit"): the pattern's alternation and its gate
        holiday_gate = _alt(" ".join(x if x in self.holiday_lowercase else _cap(x) for x in w.split()) for w in self.holidays)
        MOD = f"(?P<mod>{_alt(_both(list(self.rel_mods) + list(self.ana_mods)))})"
        SEAS = f"(?P<season>{_alt(_cap(w) for w in list(self.seasons) + list(self.season_compounds))})(?:e?s)?(?![\\w-])"
        OFYEAR = f"\\s+(?:des\\s+Jahres\\s+(?P<ofyear>1\\d{{3}}|20\\d{{2}})|(?P<ofmod>{_alt(_both(list(self.rel_mods) + list(self.ana_mods) + list(self.of_year_mods)))})\\s+Jahres)(?![\\w-])"
        B = "(?<![\\w.-])"
        ART = _alt(self.weekday_date_articles)  # "Montag, den 9. Januar"
        PADJ = f"(?:(?P<padj>{_alt(self.period_adjectives)})\\s+)?"  # "den frühen 1960er-Jahren"
        DECW = f"(?P<decw>{_alt(_both(self.decade_words))})(?:\\s+Jahren?|{_alt(self.decade_suffixes)})"
        KW = _alt(self.calendar_week_words)
        # "vom 10. auf den 11. Februar" (a night) links two days like "bis zum"
        LINK = "(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+") for w in sorted(self.day_links, key=len, reverse=True)) + ")"
        self.link_re = re.compile(f"\\s*{LINK}?\\s*")
        E = "(?![\\w-])"
        ORDW = _alt(_both(ordinal_words()))
        # parts of the day that count as a day after a modifier ("am nächsten Morgen")
        DAYP = _alt(_cap(w) for w, u in self.rel_units.items() if u == "day" and w in self.day_parts)
        WEEK = _alt(_cap(w) for w, u in self.rel_units.items() if u == "week")  # "Woche"
        # year words beside "Jahr" ("das abgelaufene Geschäftsjahr"): relative_units with unit year
        FISC = _alt(_cap(w) for w, u in self.rel_units.items() if u == "year" and not w.startswith("jahr"))
        MOD2 = MOD.replace("?P<mod>", "?:")
        # parts of the day as nouns, for "am Nachmittag des 7. Dezember 2009" (one span)
        DPN = _alt(_cap(w) for w, kind in self.day_parts.items() if kind == "noun")
        MNOUN = f"(?P<mnoun>{_alt(self.month_nouns)})"  # "für den Monat Juli"
        MPART = f"(?P<mpart>{_alt(self.month_part_phrases)})"  # "in den ersten Tagen des Juni"
        # the date tail of "numeric" (a weekday before it optional): "Donnerstag, 05.05.2005"
        NUM_TAIL = f"(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\."
        # "15.-18.03.2018": a day before a range dash and a full numeric date (two DATEs, dev8 gold)
        NUM_RANGE_DAY = "(?<![\\d.])(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?=\\s?[-–]\\s?(?:0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.(?P<year>\\d{4})(?!\\d))"
        DYADJ = f"(?P<dyadj>{_alt(_both(self.deictic_year_adjs))})(?:e|en|er|es|em)"
        ELL_LINK = _alt(self.ellipsis_links)
        ELL_PREP = _alt(self.ellipsis_preps)
        # "in die 60-er Jahre des vorigen Jahrhunderts" (dev12 gold): a century counted from publication's
        CMOD = _alt(_both(w for w in self.rel_mods if w not in self.deictic_mods))
        # "In den ersten neun Monaten des Jahres 2012" (dev12 gold): a counted stretch of a named year, one span
        YPART = f"(?P<ypart>(?:{_alt(self.year_part_ords)})\\s+(?:\\d{{1,2}}|{_alt(_both(self.count_words))})\\s+(?:{_alt(self.year_part_units)}))"
        # "im Mai jeden Jahres" (dev12 gold): every year's month, a set
        EVERY = f"\\s+(?P<everyyear>{_alt(self.every_year)}){E}"
        WHOLE = _alt(self.whole_mods)  # "ganze", "gesamten" before a period (dates.json whole_modifiers)
        pats: list[tuple[str, str, int]] = [
            ("numeric", f"(?<![\\d.])(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.(?P<year>\\d{{4}}|\\d{{2}})(?![\\d])", 5),
            # "am 24.12.", "vom 3.5. bis 7.5.": day and month in digits without a year (after a trigger word)
            ("numeric_dm", f"(?<![\\d.])(?:{WD},?\\s+(?:(?:{ART})\\s+)?)?(?P<day>0?[1-9]|[12]\\d|3[01])\\.(?P<month>0?[1-9]|1[0-2])\\.(?![\\d])", 4),
            # "am Tag zuvor", "Tags darauf", "am Abend davor": the day before/after the date named last
            ("ana_phrase", f"{B}(?P<aph>{_alt(_both(self.ana_phrase_heads))})\\s+(?P<adir>{_alt(self.ana_phrase_dirs)})(?![\\w-])", 2),
            # "kommenden Donnerstag, 05.05.2005": a relative modifier before the weekday is inside (dev8 gold)
            ("numeric", f"{B}{MOD}\\s+(?={WDX}){NUM_TAIL}(?P<year>\\d{{4}}|\\d{{2}})(?![\\d])", 5),
            ("numeric", NUM_RANGE_DAY, 5),
            ("iso", "(?<![\\d-])(?P<year>\\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\\d|3[01])(?![\\d])", 5),
            # "am heutigen 8. Mai": the deictic adjective is inside the span (dev decision)
            # "kommenden Montag, den 9. Januar": a relative modifier before a weekday and date is inside;
            # a part of the day glued to the weekday too: "Sonntagmorgen, dem 22. Januar"
            ("dmy", f"{B}(?:(?P<dmod>{_alt(_both(self.deictic_mods))})\\s+|{MOD}\\s+(?={WDX}))?(?:{WD}{DP},?\\s+(?:(?:{ART})\\s+)?)?{DAY}\\s*{MON}(?:\\s+{YEAR})?", 4),
            # "am Nachmittag des 7. Dezember 2009", "am Abend des 29. Juni": the part of the day is inside,
            # the value the day's (dev7, dev8, dev9 gold: TimeML's one TIMEX for "the morning of January 17")
            ("dmy", f"{B}(?P<dpart>{DPN})\\s+des\\s+{DAY}\\s*{MON}(?:\\s+{YEAR})?", 4),
            ("dmy", f"{B}{DAY}\\s*{MON}{EVERY}", 4),
            ("day_list", f"{B}{DAY}(?=\\s*{LINK}\\s*(?:0?[1-9]|[12]\\d|3[01])\\.\\s*{MON2})", 4),
            # "am ersten Oktober", "zum dritten März 2010": a written-out ordinal day (HeidelTime's German day words)
            ("dmy", f"{B}(?P<oday>{ORDW})\\s+{MON}(?:\\s+{YEAR})?", 4),
            ("year_pair", "(?<![\\w.,/:–-])(?P<year>1\\d{3}|20\\d{2})\\s?(?P<sep>/|–|-|bis)\\s?(?P<year2>1\\d{3}|20\\d{2}|\\d{2})(?![\\w/:–-]|[.,]\\d)", 2),
            ("month", f"{B}(?:{PART}\\s+)?(?:(?P<early>{_alt(_both(self.month_prefixes))})-?\\s*)?{MON}(?:\\s+{YEAR})?", 3),
            ("month", f"{B}{MON}{EVERY}", 3),
            # "letzten September", "im kommenden April", "vom vergangenen September": the month strictly
            # before/after publication's (HeidelTime's German rule for a relative modifier before a month)
            ("month", f"{B}{MOD}\\s+{MON}{E}", 3),
            # "den gesamten November 2006" (dev10 gold): "ganze"/"gesamte" inside, as before "Wochenende"
            ("month", f"{B}(?P<mwhole>{_alt(self.whole_mods)})\\s+{MON}(?:\\s+{YEAR})?{E}", 3),
            # "für den Monat Juli", "In den ersten Tagen des Juni", "im Juli des Jahres" (the year the
            # tense gives, as for the month alone): one span each (dev8, dev9 gold)
            ("month", f"{B}(?:{MPART}\\s+des\\s+|{MNOUN}\\s+){MON}(?:\\s+{YEAR})?", 3),
            ("dmy", f"{B}{DAY}\\s*{MON}\\s+(?P<ofjahr>des\\s+Jahres)(?![\\w-]|\\s+(?:1\\d{{3}}|20\\d{{2}}))", 4),  # "am 2. April des Jahres"
            ("month", f"{B}{MON}\\s+(?P<ofjahr>des\\s+Jahres)(?![\\w-]|\\s+(?:1\\d{{3}}|20\\d{{2}}))", 3),
            ("season", f"{B}(?:{PART}\\s+(?:des\\s+)?)?(?:{MOD}\\s+)?{SEAS}(?:\\s+{YEAR})?", 3),
            ("season", f"{B}(?:{PART}\\s+(?:des\\s+)?)?{SEAS}(?:\\s+des)?{OFYEAR}", 3),
            ("month", f"{B}(?:{PART}\\s+)?{MON}(?:\\s+des)?{OFYEAR}", 3),
            ("dmy", f"{B}{DAY}\\s*{MON}(?:\\s+des)?{OFYEAR}", 4),
            # "im dritten Quartal (2004)", "im letzten/laufenden Quartal", "im ersten Quartal des nächsten Jahres"
            ("quarter", f"{B}(?:(?P<ord>{_alt(self.ordinals)})|{MOD})\\s+(?P<q>{_alt(_cap(w) for w in self.quarter_words | self.half_words)})(?:\\s+{YEAR4}|(?:\\s+des)?{OFYEAR})?{E}", 4),
            ("quarter_q", f"{B}Q(?P<qn>[1-4])(?:\\s*|/){YEAR4}{E}", 4),
            ("part_year", f"{B}{PART}\\s+{YEAR}", 3),
            ("part_rel", f"{B}{PART}\\s+(?:des\\s+|der\\s+)?(?:{MOD}\\s+)?(?P<unit>Jahres|Monats|Woche)(?:\\s+{YEAR4})?{E}", 3),
            # "im Laufe des Tages": the day the text named last, else publication
            ("part_rel", f"{B}(?P<part>{_alt(_cap(w) for w in self.day_period_parts)})\\s+des\\s+(?P<unit>Tages){E}", 3),
            # "in KW 49", "in der 12. Kalenderwoche", "Kalenderwoche 3/2021": an ISO week
            ("calweek", f"{B}(?:(?P<kwn>\\d{{1,2}})\\.\\s*(?:{KW})|(?:{KW})\\s*(?P<kwn2>\\d{{1,2}}))(?:(?:\\s*/\\s*|\\s+){YEAR4})?(?![\\w/-])", 3),
            # "im gesamten letzten Jahr" (dev11 gold, wn73758): "ganze"/"gesamte" inside, as before a month
            ("rel", f"{B}(?:(?P<rwhole>{WHOLE})\\s+)?{MOD}\\s+(?P<unit>Jahr|Jahres|Jahre|Monat|Monats|Woche|Wochenende|Tag|Tages|{DAYP}|{FISC})(?:\\s+{YEAR4})?{E}", 2),
            # "im laufenden und im kommenden Jahr": the elliptic first modifier is its own DATE with the
            # second one's unit (the named group in the look-ahead carries it)
            ("rel", f"{B}{MOD}(?=\\s+(?:{ELL_LINK})\\s+(?:(?:{ELL_PREP})\\s+)?{MOD2}\\s+(?P<unit>Jahr|Jahres|Monat|Monats|Woche|{FISC}){E})", 2),
            # "am Pfingstwochenende": the weekend of the holiday
            ("holiday_weekend", f"{B}(?P<hwe>{_alt(_cap(w) for w in self.holiday_weekends)}){E}(?:\\s+{YEAR4})?", 2),
            # a race time "nach einer Zeit von 2:31:37" (wn76253): hours, minutes and seconds, a duration
            # (three parts: no score "2:1", no clock time "9:45 Uhr")
            # a race time in minutes, seconds and hundredths when a unit word follows or the last part is over 59
            ("clock_duration", f"(?<![\\d:.,])(?P<ch>\\d{{1,2}}):(?P<cm>[0-5]\\d):(?P<cs>\\d\\d)(?![\\d:]|,\\d)(?!\\s*Uhr)(?:\\s+(?P<cmin>{_alt(self.race_time_units)})(?![\\w]))?", 3),
            # "im letzten Jahrzehnt": the span up to publication, a duration
            ("period_duration", f"{B}(?P<pdmod>{_alt(_both(self.period_dur_mods))})\\s+(?P<pdw>{_alt(_cap(w) for w in self.period_durs)}){E}", 3),
            # "in ihrer heutigen Ausgabe": the deictic adjective alone is the day before these nouns
            ("deictic_adj", f"{B}(?P<dadj>{_alt(_both(self.deictic_mods))})(?=\\s+(?:{_alt(_cap(w) for w in self.deictic_adj_nouns)}){E})", 2),
            # "dem gestrigen 0:0-Remis", "der morgigen Massenkundgebung": yesterday's/tomorrow's before any noun
            # (a capitalised word or a compound opened by a score or number)
            ("deictic_adj", f"{B}(?P<dadj>{_alt(_both(self.deictic_adj_any))})(?=\\s+(?:[A-ZÄÖÜ]|\\d[\\d:.,]*-[A-ZÄÖÜ]))", 2),
            # "am Wochenende" without a modifier: the weekend nearest publication in the tense's direction
            ("rel", f"(?<=\\b[Aa]m\\s)(?P<unit>Wochenende){E}", 2),
            # "das ganze Wochenende": the weekend by tense, the adjective inside
            ("rel", f"{B}(?P<whole>{_alt(self.whole_mods)})\\s+(?P<unit>Wochenende){E}", 2),
            # "das neue Jahr", "im neuen Jahr": the year of the New Year nearest publication
            ("new_year", f"{B}(?P<newy>{_alt(self.new_year_words)})\\s+(?:Jahr|Jahres){E}", 2),
            # "am Nachmittag des Tattages", "Am Ende des Wahlabends" (dev11, dev12 gold): a part of the day or
            # of the period before it is inside, the value the compound's (as "am Nachmittag des 7. Dezember")
            ("rel_comp", f"{B}(?:(?:{DPN}|{part_gate})\\s+des\\s+)?(?P<comp>{_alt(_cap(w) for w in self.rel_comp)}){E}(?:\\s+{YEAR4})?", 2),
            # "Im gesamten Jahr 2007" (dev11 gold, wn49378): "ganze"/"gesamte" inside, as before a month
            ("jahr_year", f"{B}(?:(?P<jwhole>{WHOLE})\\s+)?(?P<jahr>Jahr|Jahre|Jahres)\\s+{YEAR}", 3),
            ("jahr_year", f"{B}{YPART}\\s+des\\s+(?P<jahr>Jahres)\\s+{YEAR}", 3),
            # "in den 1970-ern und 1980-ern" (wn36397, dev7): the dative plural alone is the decade
            ("decade", f"{B}(?:{PART}\\s+der\\s+)?{PADJ}(?:(?P<dec4>1\\d\\d0|20\\d0)-?er(?:\\s*-?\\s*Jahren?|\\s*-?\\s*Jahre|n)?|(?P<dec2>[1-9]0)-?er\\s*-?\\s*Jahren?|(?P<dec2b>[1-9]0)er-Jahren?|{DECW})(?![\\w])(?:\\s+des\\s+(?:(?P<dcent>\\d{{1,2}})\\.\\s*|(?P<dcmod>{CMOD})\\s+)Jahrhunderts{E})?", 3),
            # "in den Neunzigern" (dev9 gold): the decade word as a dative plural noun, after "den" only
            ("decade", f"{_after(self.decade_dative_after)}{PADJ}(?P<decw>{_alt(_cap(w) for w in self.decade_words)})(?P<decdat>n){E}", 3),
            ("century", f"{B}(?:{PART}\\s+des\\s+)?{PADJ}(?P<cent>\\d{{1,2}})\\.\\s*(?:Jahrhunderts?|Jh\\.)(?P<bc>\\s+{BC})?{E}", 3),
            # "aus dem zwölften Jahrhundert": a written-out ordinal century
            ("century", f"{B}(?:{PART}\\s+des\\s+)?{PADJ}(?P<centw>{ORDW})\\s+Jahrhunderts?(?P<bc>\\s+{BC})?{E}", 3),
            ("bc_year", f"{B}(?P<year>\\d{{1,4}}\\s*{BC})(?![\\w-])", 3),
            # "zwischen etwa 2500 und 2400 vor Christus", "von 2800 bis 2400 v. Chr.": the first member of a range
            # takes the era of the second (dev10 gold: -2499, -2399); only a larger number, as the range runs forward
            ("bc_first", f"{B}(?P<year>\\d{{1,4}})(?=\\s*(?:{_alt(self.bc_range_links)})\\s*(?P<year2>\\d{{1,4}})\\s*{BC}(?![\\w-]))", 3),
            ("year", f"(?<![\\w.,/:–-]){YEAR4}(?![\\w/–-]|:(?![ \\t]*\\n|\\s+\\d)|[.,]\\d|\\s?%)", 1),
            # a colon after a year only before a number or a line break: "(2001: 35,2%)", "Wahlergebnisse 2005:",
            # not "4:45" nor the title "2001: Odyssee im Weltraum"
            # "am späten Samstagabend", "am frühen Samstag": the adjective narrows the day, inside the span
            ("weekday", f"{B}(?:(?P<wadj>{_alt(self.day_adjectives)})\\s+|{MOD}\\s+)?{WD}{DP}(?![\\w-]){DP2}", 2),
            # "am Montag kommender Woche", "am Dienstag vergangener Woche": the weekday of that week
            ("weekday_week", f"{B}{WD}{DP}\\s+(?P<wmod>{_alt(_both(w for w, off in self.rel_mods.items() if w not in self.deictic_mods))})\\s+(?:{WEEK})(?![\\w-])", 3),
            # "am Tag Zwei ihrer Flucht": the N-th day of an episode the text tells
            ("episode_day", f"{B}Tag\\s+(?P<epn>[A-ZÄÖÜ][a-zäöüß]+|\\d{{1,3}})(?=\\s+(?:{_alt(self.episode_followers)})(?![\\w-]))", 2),
            ("deictic", f"{B}(?P<deic>{_alt(w for d in self.deictic for w in ([d] if d in self.deictic_lowercase_only else [d, _cap(d)]))}){E}{DP2}", 2),
            ("deictic_year", f"{B}(?P<dyear>{_alt(_both(self.deictic_years))}){E}", 2),
            # "Die diesjährige Leipziger Buchmesse": the adjective alone is the year (dev8, dev9 gold)
            ("deictic_year", f"{B}{DYADJ}{E}", 2),
            # "in der Woche vor dem Absturz", "In der Nacht vor dem Brand": the unit before/after the date
            # the text named last, the event inside the span (dev5, dev9 gold)
            ("event_anchored", f"{_after(_both(self.event_articles_before))}(?P<evh>{_alt(_cap(w) for w in self.event_anchor_heads)})\\s+(?P<evdir>{_alt(self.event_anchor_dirs)})\\s+(?:{_alt(self.event_articles)})\\s+[A-ZÄÖÜ][a-zäöüß]+{E}", 2),
            ("holiday", f"{B}(?P<hol>{holiday_gate}){E}(?:\\s+{YEAR4})?", 2),
            # "dem Islamischen Opferfest", "am Abend des chinesischen Neujahrsfestes": a feast of another calendar,
            # no value (dates.json other_calendar_feasts)
            ("other_feast", f"{B}(?:(?:{DPN})\\s+des\\s+)?(?:{_alt(_both(self.feast_qualifiers))})(?:e|en|es)\\s+(?:{_alt(self.other_feasts)})(?:e?s)?{E}", 2),
            # "den Nationalfeiertag": a country's national day, the country the article names most
            # "der bevorstehende Nationalfeiertag" (dev10 gold): the word that makes it the next one is inside
            ("national_day", f"{B}(?:(?P<ndahead>{_alt(_both(self.national_day_ahead))})\\s+)?(?P<nday>{_alt(_cap(w) for w in self.national_day_words)}){E}", 2),
            # "am 1. Weihnachtstag des vergangenen Jahres": a holiday of a relative year, one span as a month's
            ("holiday", f"{B}(?P<hol>{holiday_gate}){E}(?:\\s+des)?{OFYEAR}", 2),
        ]
        self.patterns = [(k, re.compile(p), pr) for k, p, pr in pats]
        # Gates: a literal every match of the pattern contains. `find` runs a pattern only when
        # its gate occurs in the text; a literal alternation is scanned far faster than the
        # patterns, whose leading look-behind makes the regex engine try every position.
        mon_gate = _alt(mon_words)
        gates = {
            "numeric": r"\d\.\d{1,2}\.\d\d", "numeric_dm": r"\d\.\d{1,2}\.", "ana_phrase": _alt(self.ana_phrase_dirs), "iso": r"\d-\d\d-\d\d", "dmy": mon_gate, "day_list": mon_gate,
            "month": mon_gate, "season": SEAS.split(")")[0].split("(?P<season>")[1], "part_year": part_gate,
            "quarter": "Quartal|Vierteljahr|Jahresviertel|Halbjahr|Jahreshälfte", "quarter_q": "Q[1-4]",
            "part_rel": part_gate, "rel": "Jahr|Monat|Woche|Tag|" + DAYP + "|" + FISC, "deictic_adj": _alt(_both(self.deictic_mods)), "period_duration": _alt(_cap(w) for w in self.period_durs), "holiday_weekend": _alt(_cap(w) for w in self.holiday_weekends), "rel_comp": _alt(_cap(w) for w in self.rel_comp),
            "jahr_year": "Jahr", "new_year": "Jahr", "decade": r"\d-?er|ziger|ßiger", "calweek": KW, "century": r"Jahrhundert|Jh\.", "bc_year": BC, "bc_first": BC,
            "weekday": _alt(_cap(w) for w in self.weekdays), "weekday_week": WEEK, "deictic": "eute|estern|orgen", "episode_day": "Tag",
            "deictic_year": _alt(_both(list(self.deictic_years) + list(self.deictic_year_adjs))),
            "event_anchored": f"\\s(?:{_alt(self.event_anchor_dirs)})\\s",
            "holiday": holiday_gate, "other_feast": _alt(self.other_feasts), "national_day": _alt(_cap(w) for w in self.national_day_words), "clock_duration": r"\d:\d\d:\d",
        }
        compiled = {g: re.compile(g) for g in set(gates.values())}
        self.gates = [compiled[gates[k]] if k in gates else None for k, _, _ in self.patterns]

    # -- candidate search --
    def find(self, text: str) -> list[DateMatch]:
        cands: list[DateMatch] = []
        gate_hit: dict[Any, bool] = {}
        for (kind, rx, prio), gate in zip(self.patterns, self.gates):
            if gate is not None:
                hit = gate_hit.get(gate)
                if hit is None:
                    hit = gate_hit[gate] = gate.search(text) is not None
                if not hit:
                    continue
            for m in rx.finditer(text):
                if kind == "year_pair":
                    y1 = m.group("year")
                    y2 = m.group("year2")
                    if len(y2) == 2:
                        y2 = y1[:2] + y2
                        if int(y2) <= int(y1):
                            continue
                    cands.append(DateMatch(m.start("year"), m.end("year"), "year_part", {"year": y1}, prio))
                    cands.append(DateMatch(m.start("year2"), m.end("year2"), "year_part", {"year": y2}, prio))
                    continue
                g = m.groupdict()
                if kind == "bc_first":
                    if int(g["year"]) <= int(g["year2"]):
                        continue
                    cands.append(DateMatch(m.start(), m.end(), "bc_year", {"year": g["year"], "bcfirst": True}, prio))
                    continue
                if g.get("oday"):
                    g["day"] = str(ordinal_words()[g["oday"].lower()])
                if g.get("centw"):
                    g["cent"] = str(ordinal_words()[g["centw"].lower()])
                if g.get("ofyear"):
                    g["year"] = g["ofyear"]
                cands.append(DateMatch(m.start(), m.end(), kind, g, prio))
        clock = [c for c in cands if c.kind == "clock_duration"]
        if any(c.g.get("cmin") or int(c.g["cs"]) > 59 for c in clock):
            for c in clock:  # one text gives its race times in one format: "1:14:95 Minuten ... (1:15:40)"
                c.extra["race"] = True
        return cands

    @staticmethod
    def _select(cands: list[DateMatch]) -> list[DateMatch]:
        """Longest match first, then priority; no overlaps (linear in the covered text)."""
        cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
        used: set[int] = set()
        taken: list[DateMatch] = []
        for c in cands:
            if not any(k in used for k in range(c.start, c.end)):
                taken.append(c)
                used.update(range(c.start, c.end))
        taken.sort(key=lambda c: c.start)
        return taken

    # -- context checks on tokens --
    def _next_year_rel(self, m: DateMatch) -> bool:
        """ "im nächsten Jahr", "im folgenden Jahr": a relative year ahead (session 18, WikiWarsDE)."""
        if m.kind != "rel" or (m.g.get("unit") or "").lower() not in ("jahr", "jahres"):
            return False
        mod = (m.g.get("mod") or "").lower()
        return (self.rel_mods.get(mod) or self.ana_mods.get(mod) or 0) > 0

    def _prev_words(self, doc: Doc, span: Span, n: int = 3) -> list[str]:
        out = []
        i = span.start - 1
        while i >= 0 and len(out) < n:
            if not doc[i].is_space:
                out.append(doc[i].text.lower())
            i -= 1
        return out

    def bare_year_ok(self, doc: Doc, i: int) -> bool:
        """Is the 4-digit token doc[i] a year (True) or a count ("2500 Soldaten", False)?"""
        return is_bare_year(doc, i, self.year_triggers, self._lemma)

    def _accept(self, doc: Doc, m: DateMatch, span: Span) -> bool:
        g = m.g
        prev = self._prev_words(doc, span)
        p1 = prev[0] if prev else ""
        if m.kind == "year":
            if p1 and self._event_name_head(p1):
                return False  # "Fußball-Weltmeisterschaft 2006", "WM 2006": the year is part of the name
            if len(prev) == 3 and prev[0] in self.event_groups and prev[1] in self.event_group_articles \
                    and self._event_name_head(prev[2]):
                return False  # "Weltmeisterschaft der Frauen 2011": the same with the group it is for
            return self.bare_year_ok(doc, span.start) if len(span) == 1 else False
        if m.kind == "month" and g.get("mod") and not g.get("year"):
            # "Der letzte November mit vergleichbaren Zahlen": after an article a generic month, no date
            return p1 not in self.generic_month_articles
        if m.kind == "month" and not g.get("year") and not g.get("part") and not g.get("early") and not g.get("ofmod") \
                and not g.get("mod") and not g.get("mnoun") and not g.get("mpart") and not g.get("ofjahr"):
            nxt_text = self._text[m.end: m.end + 30]
            links = _alt(self.month_list_links)
            if re.match(f"\\s*(?:{links})\\s*[A-ZÄÖÜ][a-zäöü]+\\.?\\s+\\d{{4}}", nxt_text) and \
                    re.match(f"\\s*(?:{links})\\s*(?:" + "|".join(_cap(k).replace(".", r"\.") for k in self.months) + ")", nxt_text):
                return True
            before = " ".join(reversed(prev[:3]))
            if p1 in self.month_triggers or any(before.endswith(w) for w in self.month_trigger_phrases):
                return True
            return False
        if m.kind == "season" and not g.get("year") and not g.get("part") and not g.get("mod") and not g.get("ofmod"):
            return p1 in self.year_triggers or p1 in self.season_triggers
        if m.kind == "rel":
            # plural vague periods ("in den vergangenen Jahren") are no DATE
            if g["unit"] == "Jahre" and p1 not in self.dative_jahre_after:
                return False
            if (g.get("mod") or "").lower() in self.last_of_mods and p1 in self.last_of_before and self._of_event(doc, span):
                return False  # "am letzten Tag der Grabung": the last day of a thing, no date
            return True
        if m.kind == "ana_phrase" and p1 and (p1[:1].isdigit() or parse_number_word(p1) is not None
                                               or p1 in self.article_numbers) and lookup_unit(g["aph"]) is not None:
            return False  # "ein Jahr danach", "zwei Tage zuvor": an amount of a unit, the figures component dates it
        if m.kind == "deictic" and g["deic"] in self.deictic_lowercase_only and p1 in self.morgen_noun_after:
            return False
        if m.kind == "deictic" and g["deic"].lower() == "heute" and not g.get("dp2"):
            return not self._heute_nowadays(doc, span, p1)
        if m.kind == "episode_day":
            n = self._episode_number(g["epn"])
            return n is not None and 1 <= n <= 366
        if m.kind == "numeric_dm":
            return bool(g.get("wd")) or p1 in self.day_month_triggers
        if m.kind == "weekday":
            # habitual "montags" is excluded by the regex; "Montag" as a name part is rare
            return True
        return True

    def _of_event(self, doc: Doc, span: Span) -> bool:
        """Does a genitive of something that is no time follow `span` ("letzten Tag [der Grabung]")? The
        noun after the article (adjectives skipped) is no unit, month, season, holiday nor weekday."""
        i = span.end
        if i >= len(doc) or doc[i].text.lower() not in self.last_of_articles:
            return False
        times = set(self.rel_units) | set(self.months) | set(self.seasons) | set(self.weekdays)
        for t in doc[i + 1: i + 4]:
            if t.text[:1].isupper():
                forms = (t.text.lower(), self._lemma(t).lower())
                return not any(f in times or f.rstrip("s") in times for f in forms) \
                    and not any(forms[0].startswith(h) for h in self.holidays)
            if not t.is_alpha:
                return False
        return False

    @staticmethod
    def _quoted(text: str, pos: int) -> bool:
        """Is `pos` inside a German quotation („...“ or »...«) of its paragraph?"""
        para = text[text.rfind("\n", 0, pos) + 1: pos]
        return para.count("„") > para.count("“") or para.count("»") > para.count("«")

    def _near_anaphoric(self, doc: Doc, m: DateMatch, last: tuple[str, str, int], s0: int,
                        value: Optional[str]) -> Optional[str]:
        """"gegenüber dem Vorjahr" right after "für das abgelaufene Jahr" (the same or the previous
        sentence): the year before the one the text just named, not before publication; "In diesem
        Jahr" right after "das Jahr 2020" is 2020 (`anaphoric_near` in dates.json). Else ``value``."""
        last_value, kind, last_s0 = last
        date = self._ref_from(last_value)
        prev_s0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
        if last_s0 < prev_s0:
            return value  # named too far back: publication decides
        if m.kind == "rel_comp" and not m.g.get("year") and m.g["comp"].lower() in self.near_anaphoric:
            unit, off = self.rel_comp[m.g["comp"].lower()]
            if kind == "rel_comp" and len(last_value) == (4 if unit == "year" else 7):
                # "gegenüber dem Vorjahr (1.697.881 Passagiere) ... stieg gegenüber dem Vorjahr": a second
                # "Vorjahr" repeats the comparison, the same year, not the year before the first one's
                return last_value
            if unit == "month" and not re.match(r"^\d{4}-\d{2}", last_value):
                return value  # "Vormonat" after a year only: no month to count from
            return shift_period(date, unit, off)
        mod = (m.g.get("mod") or "").lower()
        if m.kind == "rel" and self.rel_units.get(m.g["unit"].lower()) == "day" and (mod in self.ana_mods or mod in self.near_anaphoric_this_year):
            # "Sein letzter Drehtag war Anfang November. An diesem Tag ...": the day of the date just
            # named, at its precision (a month named gives the month)
            if re.match(r"^\d{4}-\d{2}-\d{2}$", last_value):
                return shift_period(date, "day", self.ana_mods.get(mod, 0))
            if re.match(r"^\d{4}-\d{2}$", last_value):
                return last_value
            return value
        if m.kind == "rel" and not m.g.get("year") and mod in self.ana_mods and self.rel_units.get(m.g["unit"].lower()) == "year":
            # "Bei der Landtagswahl in Hessen 2013 ..., bei der im selben Jahr stattfindenden Bundestagswahl"
            # (dev8 wn81491): the year named just before, also a bare one that frames no text
            return iso_year(date.year + self.ana_mods[mod])
        if m.kind == "rel" and not m.g.get("year") and kind == "jahr_year" and (m.g.get("mod") or "").lower() in self.near_anaphoric_this_year \
                and self.rel_units.get(m.g["unit"].lower()) == "year":
            return iso_year(date.year)
        return value

    def _quote_bounds(self, doc: Doc, s0: int, s1: int, i: int) -> tuple[int, int]:
        """[start, end) of the quotation ("„...“", "»...«" as in `quote_marks`) around token ``i``
        inside the sentence [s0, s1), or the sentence itself when ``i`` is not quoted there."""
        opening = None
        for k in range(i - 1, s0 - 1, -1):
            w = doc[k].text
            if w in self.quote_close:
                return s0, s1
            if w in self.quote_open:
                opening = k
                break
        if opening is None:
            return s0, s1
        close = next((k for k in range(i + 1, s1) if doc[k].text == self.quote_open[doc[opening].text]), None)
        return opening + 1, close if close is not None else s1

    def _repeated_day_years(self, matches: list, anchor: Optional[dt.date]) -> None:
        """A day and month without a year that repeat a whole date named earlier in the text take
        its year: "Den Termin hat Köhler für den 18. September 2005 festgesetzt. ... Für die
        kommende Bundestagswahl am 18. September kündigte er ..." (wn9019) is 2005-09-18, whatever
        the tense of its clause says (a reporter names the day once in full, then by day and month)."""
        seen: dict[tuple[int, int], int] = {}
        for m, _ in matches:
            if m.kind != "dmy" or not m.g.get("day") or not m.g.get("mon") or m.extra.get("mon"):
                continue
            key = (int(m.g["day"]), self.months.get(m.g["mon"].lower()))
            year = self._year_value(m.g.get("year"), anchor) if m.g.get("year") else m.extra.get("year")
            if year is not None:
                seen[key] = year
            elif key in seen:
                m.extra["year"] = seen[key]

    def _postponed_to(self, doc: Doc, span: Span, c0: int, c1: int, s1: int, after_postponed: Optional[int] = None,
                      tense: Optional[str] = None) -> bool:
        """A date after "auf (den)" / "für (den)" in a clause with a verb of postponing or
        scheduling ("vertagt", "verschoben", "anberaumt") is the new, later date; not a plan that
        lay in the past ("war für den 5. März geplant, wurde aber abgesagt"). A list of dates after the
        preposition shares it ("auf [Ende September], [Anfang Oktober] festgelegt", dev11 wn27206): a member
        right after a comma that follows a postponed date (`after_postponed`, that date's end) is one too, and
        the verb may stand in the clause after the comma. An attributive participle ("die für ab [Juli] geplante
        Auslieferung") carries no tense: it counts only where the date's verb (or else the clause's `tense`) is not
        in the past."""
        prev = [t.text.lower() for t in doc[max(c0, span.start - 2): span.start]]
        listed = after_postponed is not None and span.start == after_postponed + 1 and doc[after_postponed].text == ","
        if not listed and (not prev or not (prev[-1] in self.postpone_preps or (len(prev) == 2 and prev[0] in self.postpone_preps
                                                                                and prev[1] in self.postpone_between))):
            return False
        words = {t.text.lower() for t in doc[c0:c1]}
        if c1 == span.end and c1 + 1 < s1 and doc[c1].text == ",":
            n0, n1 = clause_bounds(doc, c1 + 1, c1 + 2, c1 + 1, s1)
            words |= {t.text.lower() for t in doc[n0:n1]}
        if words & self.postpone_past_plan:
            return False
        if words & self.postpone_verbs:
            return True
        if not words & self.postpone_attributive:
            return False
        # the tense of the verb the date's noun phrase hangs on decides, where the parse gives one: the clause's
        # cues can lie in the next sentence when an ordinal-like "3." hides the sentence end ("Auslieferung des
        # Modells 3. Ein Sprecher ... teilte mit", wn80937)
        own = self.tense_detector.predicate_tense(doc, span.start, span.end, (c0, c1))
        return (own or tense) != "past"

    def _holiday_named(self, doc: Doc, span: Span) -> bool:
        """A holiday that is the subject or object of its verb, without a preposition, names the
        feast ("Ostern ... zu feiern", "Weihnachten steht vor der Tür"), not a time."""
        if not has_ann(doc, "DEP"):
            return False
        head = doc[span.end - 1]
        return head.dep_ in self.holiday_name_deps and not any(c.dep_ in ("case", "mo") or c.pos_ == "ADP" for c in head.children)

    def _holiday_generic(self, doc: Doc, s0: int, s1: int) -> bool:
        """A holiday in a sentence about every year ("jedes Jahr", "immer", "traditionell" in it or
        in the sentence before) is generic: a DATE without a value (annotations/GUIDELINES.md)."""
        p0 = sentence_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
        words = [t.text.lower() for t in doc[p0:s1]]
        pairs = {" ".join(words[k:k + 2]) for k in range(len(words) - 1)}
        return bool((set(words) | pairs) & self.holiday_generic_words)

    def _recurring(self, doc: Doc, span: Span) -> bool:
        """A day and month after "am" and a word of recurrence ("immer am 19. Januar")."""
        prev = self._prev_words(doc, span, 2)
        return len(prev) == 2 and prev[0] in self.recurring_preps and prev[1] in self.recurring_words

    @staticmethod
    def _episode_number(word: str) -> Optional[int]:
        n = int(word) if word.isdigit() else parse_number_word(word)
        return int(n) if n is not None and n == int(n) else None

    def _event_name_head(self, word: str) -> bool:
        """Does `word` (lower case) end a named event that takes its year ("Sommerspiele",
        "Ski-WM")? Short heads only as the whole word or after a hyphen ("WM", not "einem")."""
        for h in self.event_heads:
            if word == h or word.endswith("-" + h) or (len(h) >= 5 and word.endswith(h)):
                return True
        return word.endswith(self.event_suffixes)  # "EuroCups", "Weltcup"

    def _clause_initial(self, doc: Doc, i: int) -> bool:
        """Does doc[i] open a sentence or a clause (nothing but spaces, a clause mark, an opening
        quotation mark of `quote_marks` or one of `clause_openers` before it)?"""
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        return j < 0 or doc[j].text in _CLAUSE_PUNCT or doc[j].text in self.clause_openers or doc[j].text in self.quote_open

    def _until_day(self, doc: Doc, span: Span) -> bool:
        """Is "bis heute" in a clause of an event that ends on the day (`until_day_verbs`)?"""
        s0, s1 = sentence_bounds(doc, span.start)
        c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
        verbs = set(self.nowadays["until_day_verbs"])
        if any(t.text.lower() in self.since_words for t in doc[c0:span.start]):
            return False  # "das seit 1990 bis heute jährlich stattfindet": a span up to now
        return any(self._lemma(t).lower() in verbs for t in doc[span.end:c1])

    def _conjunct_start(self, doc: Doc, c0: int, i: int) -> int:
        """The start of the conjunct that holds doc[i]: after the last `conjunct_links` word before
        it that a verb follows ("wurde verfeinert und ist heute ..."), else the clause's `c0`."""
        links = set(self.nowadays["conjunct_links"])
        tagged = has_ann(doc, "POS")
        stative = set(self.nowadays["stative"])

        def verb(t: Token) -> bool:  # without a tagger only the stative verbs are known as verbs
            return t.pos_ in ("VERB", "AUX") if tagged else t.text.lower() in stative

        for j in range(i - 2, c0 - 1, -1):
            if doc[j].text.lower() in links and verb(doc[j + 1]):
                return j + 1
        return c0

    def _heute_nowadays(self, doc: Doc, span: Span, p1: str) -> bool:
        """'heute' meaning 'nowadays' ("bis heute", "(heute Nur-Sultan)", "Heute scheint
        klar") rather than the publication day ("stimmt heute ab", "sagte heute")."""
        if p1 in self.nowadays["day_prev"]:
            return False  # "seit heute", "ab heute": since/from the publication day
        if p1 in self.nowadays["prev"]:
            if p1 == "bis" and self._until_day(doc, span):
                return False  # "das bis heute in Belfast stattfindet": an event that ends today
            if p1 in self.nowadays["prev_comparison_only"] and self._clause_initial(doc, span.start - 1):
                # "Wie heute bekannt wurde": the day when the clause it opens has a past or future verb
                s0, s1 = sentence_bounds(doc, span.start)
                c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
                return self.tense_detector.tense([t for t in doc[c0:c1] if t.i != span.start], span.start) is None
            return True
        nxt = next((t for t in doc[span.end: span.end + 3] if not t.is_space), None)
        nxt_word = nxt.text.lower() if nxt is not None else ""
        if nxt_word in self.nowadays["next"] or nxt_word.endswith(tuple(self.nowadays["next_suffixes"])):
            return True  # "bis heute", "der heute 77-jährige Küng"
        if any(t.text.lower().startswith(tuple(self.nowadays["stative_participles"])) for t in doc[span.end: span.end + 4]):
            return True  # "der heute in Südamerika lebenden Anakonda"
        s0, s1 = sentence_bounds(doc, span.start)
        c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
        c0 = self._conjunct_start(doc, c0, span.start)
        clause = [t for t in doc[c0:c1] if t.i != span.start]
        if self.tense_detector.tense(clause, span.start) is not None:
            # past or future: a specific day ("noch heute ausgeflogen werden", "haben sich heute
            # nicht geeinigt")
            return False
        if p1 in self.nowadays["prev_weak"] or nxt_word in self.nowadays["next_weak"]:
            return True
        words = {t.text.lower() for t in clause}
        return bool(words & set(self.nowadays["stative"]))

    # -- value computation --
    def _year_value(self, s: Optional[str], anchor: Optional[dt.date]) -> Optional[int]:
        if not s:
            return None
        s = s.strip()
        bc = self.bc_re.match(s)
        if bc:
            return 1 - int(bc.group(1))  # astronomical year numbering: 1 BC = 0
        return int(s)

    def _direction(self, tense: Optional[str], mod: Optional[str]) -> str:
        if mod:
            off = self.rel_mods.get(mod.lower())
            if off is not None and off < 0:
                return "past"
            if off is not None and off > 0:
                return "future"
        return tense or "present"

    def normalise(self, m: DateMatch, anchor: Optional[dt.date], tense: Optional[str],
                  ref: Optional[dt.date]) -> Optional[str]:
        g = m.g
        k = m.kind
        base = ref if (self.mode == "narrative" and ref is not None) else anchor
        if g.get("ofmod") and not g.get("year"):
            # "im August desselben Jahres", "März des folgenden Jahres", "Frühjahr des nächsten Jahres"
            mod = g["ofmod"].lower()
            off = self.of_year_mods.get(mod, self.ana_mods.get(mod, self.rel_mods.get(mod, 0)))
            anaphoric = mod in self.of_year_mods or mod in self.ana_mods
            r = (ref or anchor) if anaphoric or self.mode == "narrative" else anchor
            if r is None:
                return None
            g = dict(g, year=str(r.year + off))
        t = tense or "present"
        if self.mode == "narrative" and ref is not None and base is ref:
            t = "present" if tense is None else tense
        if k in ("numeric", "iso"):
            y = expand_year(int(g["year"]), anchor)
            return iso_day(y, int(g["month"]), int(g["day"]))
        if k == "weekday_week":
            if anchor is None:
                return None
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return (monday + dt.timedelta(weeks=self.rel_mods[g["wmod"].lower()], days=self.weekdays[g["wd"].lower()])).isoformat()
        if k == "ana_phrase":
            r = ref or anchor
            # "am Tag zuvor" a day, "im Jahr darauf" a year: the head's unit (relative_units; "Tags" a day)
            unit = self.rel_units.get(g["aph"].lower(), "day")
            return None if r is None else shift_period(r, unit, self.ana_phrase_dirs[g["adir"].lower()])
        if k in ("dmy", "day_list", "numeric_dm"):
            mon = m.extra.get("mon") or (self.months.get(g["mon"].lower()) if g.get("mon") else None) or \
                (int(g["month"]) if k == "numeric_dm" else None)
            if mon is None:
                return None
            day = int(g["day"])
            y = self._year_value(g.get("year"), anchor) or m.extra.get("year")
            if y is not None:
                return iso_day(y, mon, day)
            if base is None:
                return None
            if self.mode == "narrative" and ref is not None:
                return iso_day(ref.year, mon, day)
            off = self.rel_mods.get((g.get("mod") or "").lower(), 0)
            if off:  # "kommenden Montag, den 9. Januar": the modifier gives the direction
                t = "future" if off > 0 else "past"
            d = resolve_day_month(base, mon, day, t)
            return d.isoformat() if d else None
        if k == "month":
            mon = self.months[g["mon"].lower()]
            y = self._year_value(g.get("year"), anchor) or m.extra.get("year")
            mod = (g.get("mod") or "").lower()
            if y is None and mod:
                return self._relative_month(mod, mon, anchor, ref)
            if y is None:
                if base is None:
                    return None
                if self.mode == "narrative" and ref is not None:
                    y = ref.year
                else:
                    y, _ = resolve_month(base, mon, t)
            return iso_month(y, mon)
        if k == "season":
            season = g["season"].lower()
            code = self.seasons.get(season) or self.season_compounds.get(season)
            y = self._year_value(g.get("year"), anchor)
            if y is None:
                mod = (g.get("mod") or "").lower()
                if base is None:
                    return None
                if mod in self.ana_mods and ref is not None:
                    y = ref.year
                elif mod in self.rel_mods:
                    off = self.rel_mods[mod]
                    y = resolve_season(base, code, "past" if off < 0 else "future" if off > 0 else "present", strict=True)
                    if off == 0:
                        y = resolve_season(base, code, "present")
                elif self.mode == "narrative" and ref is not None:
                    y = ref.year
                else:
                    y = resolve_season(base, code, t)
            return f"{iso_year(y)}-{code}"
        if k in ("quarter", "quarter_q"):
            if k == "quarter_q":
                n, unit = int(g["qn"]), "Q"
            else:
                unit = "Q" if g["q"].lower() in self.quarter_words else "H"
                if g.get("mod"):
                    return self._relative_quarter(g, unit, anchor, ref, t)
                n = self.ordinals.get(g["ord"].lower())
                if n is None or (unit == "H" and n > 2):
                    return None
            y = self._year_value(g.get("year"), anchor)
            if y is None:
                if base is None:
                    return None
                if self.mode == "narrative" and ref is not None:
                    y = ref.year
                elif unit == "Q":
                    y = resolve_quarter(base, n, t)
                else:
                    y = base.year
            return f"{iso_year(y)}-{unit}{n}"
        if k in ("part_year", "jahr_year", "bc_year"):
            # the first member of a BC range has no era of its own (pattern "bc_first")
            y = 1 - int(g["year"]) if g.get("bcfirst") else self._year_value(g.get("year"), anchor)
            return iso_year(y) if y is not None else None
        if k in ("year", "year_part"):
            return iso_year(int(g["year"]))
        if k in ("part_rel", "rel"):
            if g.get("year"):
                return iso_year(int(g["year"]))
            unit = self.rel_units.get(g["unit"].lower(), "week" if g["unit"].lower().startswith("woche") else None)
            mod = (g.get("mod") or "").lower()
            if unit is None:
                return None
            if g["unit"].lower() == "wochenende":
                return None if base is None else self._weekend(base, self.rel_mods.get(mod, 0), t)
            if unit == "day":
                # "des gestrigen Tages": from publication; "am folgenden/nächsten/selben Tag": the
                # day after/of the date the text named last (news use it anaphorically)
                if m.extra.get("quoted") and g["unit"].lower() not in ("tag", "tages") and mod not in self.ana_mods:
                    return None  # "letzte Nacht" in a quote: the speaker's day is unknown
                if mod in self.deictic_mods:
                    return None if anchor is None else shift_period(anchor, unit, self.deictic_mods[mod])
                off = self.ana_mods.get(mod, self.rel_mods.get(mod, 0))
                if off < 0 and mod not in self.ana_mods and g["unit"].lower() in self.day_parts:
                    # "in der letzten/vergangenen Nacht": the night before publication, as "gestern Abend"
                    # (dev4 wn37935, dev7 wn56998); "am nächsten Morgen" still counts from the date named last
                    return None if anchor is None else shift_period(anchor, unit, off)
                if ref is None and mod and g["unit"].lower() in ("tag", "tages") and self.mode == "news":
                    # "Am nächsten Tag", "An diesem Tag" before any date the text names: the day of an
                    # event the text does not date, no value (dev9 wn75229; as dev8's "etwa vier Monate
                    # später" without an anchor)
                    return None
                r = ref or anchor
                return None if r is None else shift_period(r, unit, off)
            if mod in self.ana_mods:
                r = ref or anchor
                return None if r is None else shift_period(r, unit, self.ana_mods[mod])
            off = self.rel_mods.get(mod, 0) if mod else 0
            if self.mode == "narrative" and ref is not None:
                return shift_period(ref, unit, off)
            if not mod and k == "part_rel":  # "Ende des Jahres": the current year in news, the narrative year otherwise
                r = ref if self.mode == "narrative" and ref else anchor
                return None if r is None else shift_period(r, unit, 0)
            return None if anchor is None else shift_period(anchor, unit, off)
        if k == "holiday":
            y = self._year_value(g.get("year"), anchor) or m.extra.get("year")
            if y is None and base is None:
                return None
            d = holiday_date(self.holidays[" ".join(g["hol"].lower().split())], y, base, t)
            return d.isoformat() if d else None
        if k == "national_day":
            day = self._national_day()
            if day is None or base is None:
                return None
            d = holiday_date(day, None, base, t)
            return d.isoformat() if d else None
        if k == "rel_comp":
            if g.get("year"):
                return iso_year(int(g["year"]))
            unit, off = self.rel_comp[g["comp"].lower()]
            if g["comp"].lower() in self.lead_comp:
                # "am Wahlabend": the day of the event the article reports, the first day it names
                lead = m.extra.get("lead_day") or anchor
                return None if lead is None else shift_period(lead, unit, off)
            anaphoric = g["comp"].lower() in self.ana_comp
            r = ref if (self.mode == "narrative" or anaphoric) and ref else anchor
            if anaphoric and unit == "day" and r is ref and m.extra.get("day_ref") is not None \
                    and ref != m.extra["day_ref"]:
                # "am Vortag des Unglücks" after "im September 2005": a day counts from the day the text
                # named last ("am Sonntag, den 14. August"), not from a month (dev5 wn23893)
                r = m.extra["day_ref"]
            return None if r is None else shift_period(r, unit, off)
        if k == "decade":
            # the twentieth century unless one is named: "60er Jahren des 20. Jahrhunderts" -> 196
            cent = f"{int(g['dcent']) - 1:02d}" if g.get("dcent") else "19"
            if g.get("dcmod") and anchor is not None:
                # "60-er Jahre des vorigen Jahrhunderts": the century counted from publication's
                cent = f"{anchor.year // 100 + self.rel_mods[g['dcmod'].lower()]:02d}"
            if g.get("decw"):
                return cent + str(self.decade_words[g["decw"].lower()])
            if g.get("dec4"):
                return g["dec4"][:3]
            d2 = g.get("dec2") or g.get("dec2b")
            return (cent + d2[0]) if d2 else None
        if k == "century":
            c = int(g["cent"])
            if g.get("bc"):
                return f"-{c - 1:02d}"
            return f"{c - 1:02d}"
        if k == "weekday":
            if base is None:
                return None
            wd = self.weekdays[g["wd"].lower()]
            mod = (g.get("mod") or "").lower()
            if mod in self.ana_mods:
                # "am darauffolgenden Samstag": the first such weekday after the date the text named last
                if ref is None or self.ana_mods[mod] <= 0:
                    return None
                return (ref + dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)).isoformat()
            off = self.rel_mods.get(mod) if mod else None
            if off is not None and off != 0:
                d = resolve_weekday(anchor or base, wd, "past" if off < 0 else "future", strict=True)
                if abs(off) > 1:
                    d = d + dt.timedelta(weeks=off + (1 if off < 0 else -1))
            elif off == 0:
                # "diesen Samstag": the nearest one, but the one gone by in a past clause and the
                # coming one in a future clause ("hat diesen Samstag angekündigt", published on a
                # Wednesday: the Saturday before; HeidelTime reads "this" + weekday by tense too)
                d = resolve_weekday(anchor or base, wd, t if t in ("past", "future") else "present")
            else:
                d = resolve_weekday(base, wd, t)
            return d.isoformat()
        if k == "calweek":
            n = int(g.get("kwn") or g.get("kwn2"))
            y = self._year_value(g.get("year"), anchor)
            if y is None:
                if base is None:
                    return None
                y = resolve_iso_week(base, n, t)
            if y is None or not 1 <= n <= dt.date(y, 12, 28).isocalendar()[1]:
                return None  # week 53 of a year that has 52; week 0 is no ISO week ("2016-W00")
            return f"{y:04d}-W{n:02d}"
        if k == "new_year":
            if self.mode == "narrative" and ref is not None:
                # session 18 (WikiWarsDE, odd documents): in a narrative "des neuen Jahres" is the year after the
                # narrated one ("Bis zum Ende des Jahres ... In den Frühjahrsschlachten des neuen Jahres");
                # the reference's month says nothing there, as a year sets it to 1 January
                return iso_year(ref.year + 1)
            return None if anchor is None else iso_year(anchor.year + (0 if anchor.month <= self.new_year_until else 1))
        if k == "deictic_year":  # "heuer", "diesjährige": the publication year
            if anchor is None:
                return None
            off = self.deictic_years[g["dyear"].lower()] if g.get("dyear") else self.deictic_year_adjs[g["dyadj"].lower()]
            return iso_year(anchor.year + off)
        if k == "event_anchored":  # "in der Woche vor dem Absturz": from the date the text named last
            unit = self.rel_units.get(g["evh"].lower(), "day")
            # "In der Nacht vor dem Brand": a night counts from the day the text named last, not from a
            # year or month named after it (as "am Vortag des Unglücks")
            r = (m.extra.get("day_ref") if unit == "day" else None) or ref or anchor
            return None if r is None else shift_period(r, unit, self.event_anchor_dirs[g["evdir"].lower()])
        if k == "holiday_weekend":
            y = self._year_value(g.get("year"), anchor)
            if y is None and base is None:
                return None
            d = holiday_date(self.holiday_weekends[g["hwe"].lower()], y, base, t)
            return None if d is None else f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}-WE"
        if k == "period_duration":
            return self.period_durs[g["pdw"].lower()]
        if k == "clock_duration":
            if m.extra.get("race"):  # minutes, seconds, hundredths: "1:15:40" -> PT1M15.4S
                sec = f"{int(g['cm'])}.{g['cs']}".rstrip("0").rstrip(".")
                return f"PT{int(g['ch'])}M{sec}S"
            return f"PT{int(g['ch'])}H{int(g['cm'])}M{int(g['cs'])}S"
        if k == "other_feast":  # "dem Islamischen Opferfest": no table of another calendar's days
            return None
        if k == "deictic_adj":  # "in ihrer heutigen Ausgabe": days from publication
            return None if anchor is None else (anchor + dt.timedelta(days=self.deictic_mods[g["dadj"].lower()])).isoformat()
        if k == "deictic":
            if anchor is None:
                return None
            off = self.deictic[g["deic"].lower()]
            return (anchor + dt.timedelta(days=off)).isoformat()
        return None

    def _national_day(self) -> Optional[str]:
        """The month-day of the national day of the country the text (``self._text``) names most often
        (dates.json `national_days`), None on a tie or without one."""
        words = re.findall(r"\w+", self._text.lower())
        counts = Counter()
        for day, starts in self.national_days.items():
            counts[day] = sum(1 for w in words if w.startswith(starts))
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _relative_month(self, mod: str, mon: int, anchor: Optional[dt.date], ref: Optional[dt.date]) -> Optional[str]:
        """A month after a relative modifier: "letzten September" the latest September strictly before
        the anchor's month, "kommenden April" the next one strictly after, "diesen Mai" the anchor's
        year's; an anaphoric one ("im folgenden März") counts forward from the date named last."""
        if mod in self.ana_mods:
            r = ref or anchor
            if r is None:
                return None
            off = self.ana_mods[mod]
            y = r.year if (off <= 0 or mon > r.month) else r.year + 1
            return iso_month(y, mon)
        if anchor is None:
            return None
        off = self.rel_mods.get(mod, 0)
        y = anchor.year
        if off < 0:
            y = y if mon < anchor.month else y - 1
            y += off + 1  # "vorletzten September": one more year back
        elif off > 0:
            y = y if mon > anchor.month else y + 1
            y += off - 1
        return iso_month(y, mon)

    def _relative_quarter(self, g: dict, unit: str, anchor: Optional[dt.date], ref: Optional[dt.date],
                          tense: str) -> Optional[str]:
        """A quarter or half with a relative modifier: "im letzten Quartal 2004" (the last of a named
        year, `quarter_last_words`; also in a future clause: "soll im letzten Quartal stattfinden"),
        "im vergangenen/letzten Quartal" (the one before publication's), "im laufenden Halbjahr",
        "im folgenden Quartal" (from the date named last)."""
        size = 3 if unit == "Q" else 6
        count = 12 // size
        mod = g["mod"].lower()
        if mod in self.quarter_last_words and (g.get("year") or tense == "future"):
            y = self._year_value(g.get("year"), anchor)
            if y is None:
                if anchor is None:
                    return None
                y = anchor.year  # the last quarter still ahead in a future clause is this year's
            return f"{iso_year(y)}-{unit}{count}"
        r = (ref or anchor) if mod in self.ana_mods else anchor
        off = self.ana_mods.get(mod, self.rel_mods.get(mod))
        if r is None or off is None:
            return None
        k = r.year * count + (r.month - 1) // size + off
        return f"{iso_year(k // count)}-{unit}{k % count + 1}"

    @staticmethod
    def _explicit(m: DateMatch) -> bool:
        """Does the expression carry its own year (so the anchor does not matter)?"""
        return bool(m.g.get("year")) or m.kind in ("numeric", "iso", "year", "year_part", "decade", "century",
                                                  "bc_year", "part_year", "jahr_year", "quarter_q") \
            or (m.kind == "calweek" and bool(m.g.get("year")))

    @staticmethod
    def _coarse(value: str, m: DateMatch, precision: Optional[str]) -> Optional[str]:
        """With a month- or year-only publication date, keep only values that do not
        depend on the unknown day (weekdays, deictic days and weeks become None)."""
        if m.kind in ("weekday", "weekday_week", "deictic") or "-W" in value:
            return None
        if m.kind in ("dmy", "day_list", "numeric_dm") and precision == "month":
            return value  # day and month given; only the year came from the anchor
        if precision == "year" and m.kind in ("month", "dmy", "day_list", "season", "quarter"):
            return None
        return value

    @staticmethod
    def _weekend(anchor: dt.date, off: int, tense: str) -> str:
        direction = "past" if off < 0 else "future" if off > 0 else tense if tense in ("past", "future") else "present"
        sat = resolve_weekday(anchor, 5, direction, strict=off != 0)
        y, w, _ = sat.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"

    @staticmethod
    def _ref_from(value: Optional[str]) -> Optional[dt.date]:
        if not value:
            return None
        mm = re.match(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
        if not mm:
            mm2 = re.match(r"^(\d{4})-(SP|SU|FA|WI|Q\d|H\d)$", value)
            if mm2:
                mon = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}.get(mm2.group(2), 1)
                if mm2.group(2).startswith("Q"):
                    mon = (int(mm2.group(2)[1]) - 1) * 3 + 1
                return dt.date(int(mm2.group(1)), mon, 1)
            return None
        y = int(mm.group(1))
        if y < 1:
            return None
        return dt.date(y, int(mm.group(2) or 1), int(mm.group(3) or 1))

    # -- component --
    def __call__(self, doc: Doc, mode: Optional[str] = None) -> Doc:
        saved = self.mode
        if mode:
            self.mode = mode
        try:
            return self._process(doc)
        finally:
            self.mode = saved

    def _process(self, doc: Doc) -> Doc:
        if self.split_periods:
            doc = split_trailing_periods(doc)
        anchor, precision = parse_anchor(doc._.published)
        matches = []
        self._text = text = doc.text  # Doc.text is rebuilt on every access: read it once
        _hard_wrapped(doc, text)  # cached for sentence_bounds (here and in the figures component)
        # "in den ersten neun Monaten des Jahres 2012" as one DATE of the year is the news gold's call (dev12);
        # WikiWarsDE's TIMEX2 gold (narrative mode) reads it otherwise (one more span matched there, none more
        # right), so narrative texts keep the duration and the year apart as before
        for m in self._select([c for c in self.find(text) if self.mode == "news" or not c.g.get("ypart")]):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not self._accept(doc, m, span):
                continue
            if span.start_char != m.start or span.end_char != m.end:
                # the tokenizer merged the expression with neighbouring characters; keep the
                # token-aligned span only if it adds nothing but a trailing period
                extra = text[m.end: span.end_char]
                if text[span.start_char: m.start] or extra not in ("", "."):
                    continue
            matches.append((m, span))
        # year of list members ("2. und 3. Januar 2022", "Mai/Juni 1940")
        for idx, (m, span) in enumerate(matches):
            if m.kind in ("day_list", "month") and not m.g.get("year"):
                for m2, _ in matches[idx + 1: idx + 3]:
                    if m2.start - m.end > 12:
                        break
                    between = text[m.end:m2.start]
                    if not self.link_re.fullmatch(between):
                        continue
                    if m2.g.get("year"):
                        m.extra["year"] = self._year_value(m2.g["year"], anchor)
                    if m.kind == "day_list" and m2.g.get("mon"):
                        m.extra["mon"] = self.months.get(m2.g["mon"].lower())
                        if not m2.g.get("year"):
                            m.extra.setdefault("year", None)
                    break
        if self.mode == "news":  # a history names the same day of several years ("am 6. Juni" of 1944 and 1945)
            self._repeated_day_years(matches, anchor)
        spans = []
        holidays: set[tuple[int, int]] = set()
        ref: Optional[dt.date] = None
        day_ref: Optional[dt.date] = None  # the reference while it was last a whole day
        lead_day: Optional[dt.date] = None  # the first whole day the text names (its event's, for "Wahlabend")
        frame_year: Optional[tuple[int, int]] = None  # (year, token) of a year that opens its sentence or clause
        episode_start: Optional[dt.date] = None
        last_dated: Optional[tuple[str, str, int]] = None  # (value, kind, sentence start) of the last dated span
        history: Optional[list[int]] = []  # years of the dates so far while all lie years before publication
        postponed_end: Optional[int] = None  # the end of the last date that `_postponed_to` moved to the future
        for m, span in matches:
            s0, s1 = sentence_bounds(doc, span.start)
            c0, c1 = clause_bounds(doc, span.start, span.end, s0, s1)
            tense = self.tense_detector.predicate_tense(doc, span.start, span.end, (c0, c1)) \
                if m.kind in self.parse_tense_kinds else None
            if tense is None:
                tense = self.tense_detector.tense([t for t in doc[c0:c1] if t.i < span.start or t.i >= span.end], span.start)
            if tense is None:
                # the sentence's tense; inside a quotation only the quotation's ("„... bis Ende Oktober
                # aus der EU raus sind“, sagte Raab": "sagte" is the reporter's tense, not the speaker's)
                q0, q1 = self._quote_bounds(doc, s0, s1, span.start)
                tense = self.tense_detector.tense([t for t in doc[q0:q1] if t.i < span.start or t.i >= span.end], span.start)
            if m.kind == "national_day" and m.g.get("ndahead"):
                tense = "future"  # "der bevorstehende Nationalfeiertag"
            if m.kind in ("weekday", "month", "dmy", "numeric_dm", "season", "holiday") and self._prev_words(doc, span, 1)[:1] \
                    and self._prev_words(doc, span, 1)[0] in self.since_words:
                # "Seit Donnerstag halten sie ... besetzt": the day before publication; the same for a month or
                # a day and month ("listet seit [Anfang Juli] die Nebeneinkünfte", dev8 wn43411)
                tense = "past"
            if self._postponed_to(doc, span, c0, c1, s1, postponed_end, tense):
                tense = "future"  # "der Prozess wurde auf den 28. November vertagt": a later day
                postponed_end = span.end
            if m.kind == "day_list" and m.extra.get("mon") is None:
                continue
            if m.kind == "rel":
                m.extra["quoted"] = self._quoted(text, m.start)
            if m.kind == "episode_day":
                # day N counts from the episode's first day: the date the text named last
                # before the first "Tag N" is taken as its day 1 ("am Tag Zwei ihrer Flucht" after
                # "am Donnerstag, den 26. November" -> the 27th); later "Tag N" count from there
                n = self._episode_number(m.g["epn"])
                if episode_start is None and ref is not None:
                    episode_start = ref
                value = None if episode_start is None or n is None else \
                    (episode_start + dt.timedelta(days=n - 1)).isoformat()
            else:
                if m.kind in ("rel_comp", "event_anchored") and day_ref is not None:
                    m.extra["day_ref"] = day_ref
                if m.kind == "rel_comp":
                    m.extra["lead_day"] = lead_day
                if self.mode == "news" and frame_year is not None and c0 <= frame_year[1] < span.start and m.kind in ("dmy", "numeric_dm", "holiday", "month") \
                        and not m.g.get("year") and m.extra.get("year") is None and not m.g.get("mod") \
                        and not m.g.get("dmod") and not m.g.get("everyyear"):
                    # "1953 kamen am Heiligen Abend ... um", "Im Jahr 1953 starb er am 3. Mai": a day, holiday
                    # or month without a year in the clause a year opens is of that year (dev12 wn66494); not in
                    # another clause ("1998 gegründet, feiert der Verein am 3. Mai ...")
                    m.extra["year"] = frame_year[0]
                value = self.normalise(m, anchor, tense, ref)
                if self.mode == "news" and m.kind == "dmy" and tense != "future" and history is not None \
                        and len(history) >= HISTORY_MIN_DATES and not m.g.get("year") and m.extra.get("year") is None:
                    # a history told in a news article ("... auf 12,5 Millionen (1939). ... Mit Gesetz vom
                    # 1. September wurden ..."): every date so far lies years before publication, so a
                    # day and month (not in the future tense) belong to the year the text named last
                    mon = m.extra.get("mon") or self.months.get((m.g.get("mon") or "").lower())
                    past = iso_day(history[-1], mon, int(m.g["day"])) if mon else None
                    wd = m.g.get("wd")
                    # a weekday the text gives must fall on that day: "Sonntag, 8. Januar" after two
                    # 1990s dates in an article of 2017 is 2017's Sunday, not 1997's Wednesday
                    if past is not None and (not wd or dt.date.fromisoformat(past).weekday() == self.weekdays[wd.lower()]):
                        value = past
                if m.kind in ("dmy", "numeric_dm") and m.g.get("wd") and not m.g.get("year") and m.extra.get("year") is None:
                    # "am Montag, 15. Juni" without a year: the weekday the text gives picks the year
                    # when the tense's year does not have it (15 June was a Monday in 2015, not 2016)
                    value = weekday_year(value, self.weekdays[m.g["wd"].lower()])
                if self.mode == "news" and last_dated is not None:
                    value = self._near_anaphoric(doc, m, last_dated, s0, value)
            if m.kind == "holiday_weekend" and not m.g.get("year") and self._holiday_generic(doc, s0, s1):
                value = None  # "der seitdem alljährlich am Pfingstwochenende ... gefeiert wird": every year's
                generic_weekend = True
            else:
                generic_weekend = False
            if m.kind == "holiday" and not m.g.get("year"):
                if self._holiday_named(doc, span):
                    continue  # "Ostern weltweit am gleichen Tage zu feiern": the feast, not a time
                if self._holiday_generic(doc, s0, s1):
                    value = None  # "Jedes Jahr ... Allein zu Silvester gingen 100 Autos in Flammen auf"
            if precision != "day" and value is not None and not self._explicit(m) and \
                    not (self.mode == "narrative" and ref is not None):
                value = self._coarse(value, m, precision)
            span = Span(doc, span.start, span.end, label="DATE")
            span._.value = value
            if m.kind in ("period_duration", "clock_duration"):
                span._.date_type = "duration"
            if generic_weekend:
                span._.date_type = "set"
            if m.g.get("everyyear") and m.g.get("mon"):
                # "im Mai jeden Jahres": every year's month (or day), a TimeML set
                mon = self.months[m.g["mon"].lower()]
                span._.value = f"XXXX-{mon:02d}" + (f"-{int(m.g['day']):02d}" if m.g.get("day") else "")
                span._.date_type = "set"
            elif m.kind == "dmy" and not m.g.get("year") and m.g.get("mon") and self._recurring(doc, span):
                # "immer am 19. Januar": every year's 19 January, a TimeML set
                span._.value = f"XXXX-{self.months[m.g['mon'].lower()]:02d}-{int(m.g['day']):02d}"
                span._.date_type = "set"
            spans.append(span)
            r_val = self._ref_from(value) if value and span._.date_type != "set" else None
            anniversary = m.kind == "deictic" and span.end < len(doc) and doc[span.end].text.lower() in self.ago_words
            restated = m.kind == "rel" and (m.g.get("mod") or "").lower() in self.ana_mods  # "im selben Jahr": no new date
            if r_val is not None and history is not None and anchor is not None and not anniversary and not restated:
                # ("gestern vor 75 Jahren": an anniversary, the figures component dates it)
                history = history + [r_val.year] if r_val.year <= anchor.year - 2 else None  # None: the present came up
            if value and span._.date_type != "set" and self._ref_from(value) is not None:
                last_dated = (value, m.kind, s0)
            if lead_day is None and value and span._.date_type != "set" and _ISO_DAY.match(value):
                lead_day = dt.date.fromisoformat(value)
            if m.kind == "holiday":
                holidays.add((span.start, span.end))
            if self.mode == "narrative" and (m.kind == "new_year" or self._next_year_rel(m)) and self._ref_from(value) is not None:
                # the narrative goes on in the new year ("des neuen Jahres", "erst im nächsten Jahr": "am 28. Mai"
                # after it is of that year); a year back ("das Schlachtfeld des letzten Jahres") is a look back
                ref = self._ref_from(value)
            elif self.mode == "narrative" and set(self._prev_words(doc, span, 1)) & self.narrative_bound_words:
                pass  # "von dem seit 1939 okkupierten Albanien", "bis März 1862 gesperrt": a bound, not the narrated time
            elif m.kind in ("weekday", "weekday_week") and value and self.mode == "news" and self._ref_from(value) is not None:
                # a weekday resolved to its day is the date an anaphoric day counts from ("Atmar
                # teilte am Montag mit ... am Vortag"); in narrative texts the frame stays
                ref = self._ref_from(value)
            elif m.kind not in ("deictic", "deictic_adj", "period_duration", "clock_duration", "deictic_year", "new_year", "rel", "weekday", "year_part", "episode_day", "ana_phrase") and value:
                r = self._ref_from(value)
                if r is None:
                    pass
                elif m.kind == "year":
                    # a bare year moves the narrative reference only where it frames the
                    # following text ("1941 begann ...", "im Jahr 1941", headings)
                    prev = self._prev_words(doc, span, 1)
                    line_start = text.rfind("\n", 0, span.start_char) + 1
                    line_end = text.find("\n", span.end_char)
                    line_len = (line_end if line_end >= 0 else len(text)) - line_start
                    if (prev and prev[0] in self.year_frame_words) \
                            or line_len < 80 or not prev or prev[0] in (".", "\n"):
                        ref = r
                    if (prev and prev[0] in self.year_frame_words and prev[0] not in self.since_words) \
                            or self._clause_initial(doc, span.start):
                        frame_year = (r.year, span.start)
                elif m.g.get("year") or m.kind in ("numeric", "iso") or (m.kind in ("dmy", "numeric_dm") and self.mode == "news"):
                    if m.kind == "jahr_year" and not m.g.get("ypart"):
                        frame_year = (r.year, span.start)  # "Im Jahr 1953 kamen am Heiligen Abend ..."
                    # in news a day and month without a year ("Am Morgen des 28. November") is
                    # resolved to one day, so "am nächsten Morgen" after it counts from there
                    ref = r
                elif ref is not None and self.mode == "narrative":
                    ref = r
            if ref is not None and value and _ISO_DAY.match(value) and ref == self._ref_from(value):
                day_ref = ref
        if holidays:
            # a holiday the model took for a name ("an [Weihnachten heim]" as LOC) is a DATE: a
            # model entity over it goes when no proper noun lies outside the holiday
            def over_holiday(e: Span) -> bool:
                for a, b in holidays:
                    if e.start < b and a < e.end and all(t.pos_ != "PROPN" for t in doc[e.start:e.end] if not a <= t.i < b):
                        return True
                return False

            if any(over_holiday(e) for e in doc.ents):
                doc.ents = [e for e in doc.ents if not over_holiday(e)]
        spans = _apposed_to_deictic(doc, spans, frozenset(self.deictic), self.weekdays, self.apposition_links)
        doc.spans[DATE_SPANS] = _weekday_of_week(doc, spans)
        return doc


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def weekday_year(value: Optional[str], weekday: int) -> Optional[str]:
    """A day resolved without a year (`value`, ISO) that must fall on `weekday` (0 = Monday):
    the value itself when it does, else the same day of the year before or after that does
    ("Montag, 15. Juni" resolved to 2016-06-15, a Wednesday -> 2015-06-15); unchanged when
    neither does (a slip in the text)."""
    if not value or not _ISO_DAY.match(value):
        return value
    d = dt.date.fromisoformat(value)
    if d.weekday() == weekday:
        return value
    for dy in (-1, 1):
        try:
            c = d.replace(year=d.year + dy)
        except ValueError:  # 29 February
            continue
        if c.weekday() == weekday:
            return c.isoformat()
    return value


def _apposed_to_deictic(doc: Doc, spans: list[Span], deictic: frozenset[str], weekdays: dict[str, int],
                        links: frozenset[str]) -> list[Span]:
    """A weekday or a day and month right after a deictic day that restates it ("Für morgen (Mittwoch)",
    "für morgen, den 20. September") is that day: the restatement alone was resolved by the clause's
    tense (the past Wednesday, last year's 20 September), while the reporter names one day twice.
    Only where the restatement fits the deictic day (the same weekday, the same day and month)."""
    for k in range(1, len(spans)):
        a, b = spans[k - 1], spans[k]
        if len(a) != 1 or a.text.lower() not in deictic or not isinstance(a._.value, str) or not _ISO_DAY.match(a._.value):
            continue
        gap = [t.text.lower() for t in doc[a.end:b.start]]
        if not gap or gap[0] not in ("(", ",") or any(w not in links for w in gap) or (b._.date_type or "date") != "date":
            continue
        day = dt.date.fromisoformat(a._.value)
        wd = weekdays.get(b.text.lower())
        same_day = isinstance(b._.value, str) and _ISO_DAY.match(b._.value) and b._.value[5:] == a._.value[5:]
        if (wd is not None and day.weekday() == wd) or same_day:
            b._.value = a._.value
    return spans


def _weekday_of_week(doc: Doc, spans: list[Span]) -> list[Span]:
    """A weekday right before a week ("Mittwoch dieser Woche", "Freitag nächster Woche") is one
    DATE: that weekday in that week (the week's span names no day of its own)."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        wk = _ISO_WEEK.match(sp._.value) if isinstance(sp._.value, str) else None
        if prev is not None and wk and prev.end == sp.start and isinstance(prev._.value, str) \
                and _ISO_DAY.match(prev._.value) and (prev._.date_type or "date") == "date":
            day = dt.date.fromisoformat(prev._.value)
            merged = Span(doc, prev.start, sp.end, label="DATE")
            merged._.value = dt.date.fromisocalendar(int(wk.group(1)), int(wk.group(2)), day.isoweekday()).isoformat()
            out[-1] = merged
            continue
        out.append(sp)
    return out


@functools.lru_cache(maxsize=1)
def _year_words() -> dict[str, frozenset[str]]:
    """The words `is_bare_year` reads (dates.json, identifiers.json), loaded once."""
    d = lang_data("dates.json")
    return {"range_links": frozenset(d["year_range_links"]),
            "qualifier_prepositions": frozenset(d["year_qualifier_prepositions"]),
            "year_nouns": frozenset(d["year_nouns"]),
            "not_after": frozenset(lang_data("identifiers.json")["after"])}


def _closes_year_range(doc: Doc, i: int, window: int = 6) -> bool:
    """Is doc[i] the end of a range that opened with a year: "von 1991 bis zu seinem Rücktritt
    1993 Bundesminister" (the noun after it does not make it a count)?"""
    for k in range(i - 1, max(-1, i - window - 1), -1):
        t = doc[k]
        if t.text in (".", ";", "!", "?") or t.like_num:
            return False
        if t.text.lower() in _year_words()["range_links"] and k > 0 and _YEAR_TOKEN.match(doc[k - 1].text):
            return True
    return False


def is_bare_year(doc: Doc, i: int, year_triggers: Optional[set] = None,
                 lemma_fn: Optional[Callable[[Token], str]] = None) -> bool:
    """Decide whether a bare 4-digit number token is a year or a count.

    A count when: a qualifier precedes ("mehr als 2000", "rund 1500"), a unit follows
    ("2000 Kilometer"), or a common noun follows that it counts ("2500 Soldaten"; from POS
    when tagged, else a capitalised inflected noun known to the lemma table) -- unless a
    year trigger precedes ("seit 2014", "im Jahr 2010", "Anfang 1990").
    """
    t = doc[i]
    if not _YEAR_TOKEN.match(t.text):
        return False
    y = int(t.text)
    if year_triggers is None:
        year_triggers = set(lang_data("dates.json")["year_triggers"])
    prev = doc[i - 1] if i > 0 else None
    prev2 = doc[i - 2] if i > 1 else None
    p1 = prev.text.lower() if prev is not None else ""
    p2 = prev2.text.lower() if prev2 is not None else ""
    quals = lang_data("qualifiers.json")["qualifiers"]
    if p1 in quals or f"{p2} {p1}" in quals:
        if p1 not in _year_words()["qualifier_prepositions"] or f"{p2} {p1}" in quals:
            return False
    if prev is not None and prev.like_num and not prev.text.endswith("."):
        return False
    ident = set(lang_data("identifiers.json")["before"]) | set(lang_data("identifiers.json")["before_digits_only"])  # a year is digits
    if p1 in ident or p1.rsplit("-", 1)[-1] in ident or any(p1.endswith(w) for w in ident if len(w) >= IDENT_HEAD_MIN):
        return False  # "Artikel 1914"; as a compound's head too: "UN-Resolution 1612", "Sicherheitsratsresolution 1701"
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and lookup_unit(nxt.text) is not None and lookup_unit(nxt.text)[0] not in ("year", "day", "month", "week"):
        return False
    if nxt is not None and nxt.text.lower() in _year_words()["not_after"]:
        return False  # "2000 Uhr", "1000 mal"
    if nxt is not None and lookup_unit(nxt.text) is not None and lookup_unit(nxt.text)[0] in ("year", "decade", "century") \
            and nxt.text.lower() not in _year_words()["year_nouns"]:
        return False  # "vor 2000 Jahren", "2000 Jahre alt": a count of years, never the year 2000
    triggered = p1 in year_triggers or _closes_year_range(doc, i)
    if nxt is not None and not triggered:
        measures = lang_data("measures.json")
        if nxt.text.lower() in measures["range_links"] and i + 3 < len(doc) and doc[i + 2].like_num:
            return is_bare_year(doc, i + 2, year_triggers, lemma_fn)
        if nxt.text.lower() in measures["change_links"]["to"] and p1 != "bis" and i + 2 < len(doc) and (
                doc[i + 2].like_num or (doc[i + 2].text.lower() in quals and i + 3 < len(doc) and doc[i + 3].like_num)):
            # "von derzeit 2000 auf rund 15.000 Soldaten": a change between two counts, decided by the second
            return is_bare_year(doc, i + 2 if doc[i + 2].like_num else i + 3, year_triggers, lemma_fn)
        if nxt.pos_ in ("NOUN",) and has_ann(doc, "POS"):
            months = lang_data("dates.json")["months"]
            if nxt.text.lower() not in months:
                return False
        elif not has_ann(doc, "POS") and nxt.text[:1].isupper() and lemma_fn is not None and not nxt.ent_type_:
            lem = lemma_fn(nxt)
            if lem != nxt.text and lem[:1].isupper() and nxt.text.lower() not in lang_data("dates.json")["months"]:
                return False
    if y < 1500 and not triggered:
        return False
    return True


@Language.factory(
    "presseschau_dates",
    default_config={"mode": "news", "split_periods": True, "lemma_lookup": True},
    assigns=["doc.spans", "span._.value"],
)
def make_dates(nlp: Language, name: str, mode: str, split_periods: bool, lemma_lookup: bool) -> DateRecognizer:
    """mode: "news" resolves partial dates against doc._.published; "narrative" (history
    texts such as WikiWarsDE) against the last explicitly mentioned date, falling back to
    doc._.published."""
    return DateRecognizer(mode=mode, split_periods=split_periods, lemma_lookup=lemma_lookup)
