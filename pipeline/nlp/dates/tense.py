"""The tense of a date's clause, which decides the direction of a relative date."""
from __future__ import annotations

import re
from typing import Any, Callable, Optional

from spacy.tokens import Doc, Token

from ..normalize import lang_data
from .text import attributive_before_noun, has_ann


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
        self.perfect_infinitive_deadlines = set(d["perfect_infinitive_deadlines"])
        sp = d["state_plans"]
        self.state_plan_aux, self.state_plan_participles = set(sp["aux"]), set(sp["participles"])
        self.state_plan_not_with = set(sp["not_with"])
        self.present_modals = set(d["present_modals"])
        self.ge_prefixes = tuple(d["ge_prefixes"])
        self.inseparable_prefixes = tuple(d["inseparable_prefixes"])
        self.modal_past = set(d["modal_preterite"])
        strong = set(d["strong_preterite"])
        self.strong = strong | {w + "en" for w in strong} | {w + "n" for w in strong if w.endswith("e")}
        # after an inseparable prefix only the singular forms ("verstarb"): a plural is also a participle
        # ("geschlossen", "beschlossen", "erhoben")
        self.strong_singular = {w for w in strong if not w.endswith(("te", "ten"))}
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
        if any(w.startswith(p) and w[len(p):] in self.strong_singular for p in self.inseparable_prefixes):
            # a strong preterite after an inseparable prefix: "verstarb", "geriet", "erlitt", "entstand", "bekam",
            # "erlag", "verlief" (lower case only: "Verlag", "Gesang", "Bestand" are nouns); not a weak form of the
            # list ("bewusste" is an adjective), nor a plural ("geschlossen", "erhoben" are participles too)
            return True
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
            if t.dep_ in self.noun_attach_deps and h.pos_ in ("NOUN", "PROPN") and t is root \
                    and not (h.pos_ == "PROPN" and h.dep_ in ("nsubj", "nsubj:pass")):
                # not a name that is the verb's subject: "Zum Auftakt ... empfing Borussia Dortmund am Freitag den
                # Hamburger SV" (the parse hangs the date on the team's name; a name is no event): the verb decides
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
        if part and self._state_plan(words, [v.text.lower()]):
            return "future"  # "ist am Montag geplant": a plan, no perfect (dates.json tense.state_plans)
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
            return "past" if part and self._perfect_infinitive(words) else "future"
        if auxes:
            return None
        if self._preterite(v) or self._finite_weak_preterite(v):
            return "past"
        return None

    def _state_plan(self, words: list[str], participles: list[str]) -> bool:
        """A form of "sein" with a participle of planning and no "worden": the state passive of a plan ("Vier
        weitere Konzerte sind vom 25. März bis zum [1. April] ... geplant", wn49104), which the perfect's shape
        ("ist ... gekommen") would put behind publication (dates.json tense.state_plans; session 31, our own rule)."""
        return any(w in self.state_plan_aux for w in words) and any(p in self.state_plan_participles for p in participles) \
            and not any(w in self.state_plan_not_with for w in words)

    def _perfect_infinitive(self, words: list[str]) -> bool:
        """A perfect infinitive reporting a past event ("soll ... belästigt haben", "getötet worden sein sollen"),
        not a future perfect by a deadline that opens the clause ("Bis Ende Juni soll die Prüfung abgeschlossen
        worden sein"); a "bis" inside it is mostly a range ("Vom 18. Juli bis zum 17. August soll ... belästigt
        haben") or a degree ("bis zur Bewusstlosigkeit gewürgt haben"): still the past."""
        return any(w in self.perfect_infinitives for w in words) \
            and not (words and words[0] in self.perfect_infinitive_deadlines)

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
        perfect_inf = has_part and self._perfect_infinitive(words)
        state_plan = has_part and self._state_plan(words, words)
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
            elif w in self.state_plan_aux and state_plan:
                cues.append((t.i, "future"))  # "sind ... geplant": a plan ahead (tense.state_plans)
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
