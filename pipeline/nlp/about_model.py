"""A learned candidate ranker for FIGURE `about` (issue 18): it fills in where the rules say nothing
(mode "fallback") or overrules them (modes "override", "gap"), as the model file's ``mode`` says.

For one figure the candidates are "null" (the text does not say) and every noun / proper noun
of its sentence (and, when the model asks for it, of the sentence before) outside the figure;
each candidate is described by a few sparse string features from the parse and the POS tags
(direction and distance to the figure, dependency relation and path, the preposition and
article before it, whether it is the subject of a measuring verb of ``measures.json``, the
figure's unit class, ...). The model is a conditional logit (a softmax over the candidates of
one figure) with one weight per feature; a figure gets the best non-null candidate when its
probability reaches the model's threshold, else stays null.

Why hand-written and not a library: inference is a sum of a few dozen weights per candidate,
plain Python; the weights live as data in ``pipeline/lang/de/about_model.json`` (feature
groups, threshold, mode, margin, the rules' priors, version, weights), rebuilt deterministically
from the gold of dev and dev2 to dev13 by ``training/train_about.py`` (numpy only). None of the features depends on what
the rules chose, so the rules' own dev sets can train it without the rules' answers leaking in.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..errors import LanguageDataUnreadable
from ..paths import LANG_DIR
from .dates import sentence_bounds

if TYPE_CHECKING:  # pragma: no cover
    from .figures import FigureRecognizer

MODEL_FILE = "about_model.json"
MODEL_VERSION = 2
#: the feature templates, in groups the trainer switches on and off (cross-validation)
GROUPS = ("position", "syntax", "measure", "lexical", "suffix", "doc", "verb")
MODEL_KEYS = frozenset({"version", "groups", "prev_sentence", "threshold", "l2", "trained_on", "weights",
                        "mode", "margin", "rule_prior"})
#: how the model's answer meets the rules' (chosen by the trainer's cross-validation):
#: "fallback" fills only a null `about` (probability >= threshold); "override" replaces the rules'
#: answer when the model's probability reaches the out-of-sample accuracy of the rule that gave it
#: (``rule_prior``, "none" for a null, "*" for any other rule) plus ``margin``; "gap" replaces it
#: when the model's probability exceeds the probability it gives the rules' answer by ``margin``
MODES = ("fallback", "override", "gap")
NULL = "null"
_NOUN_POS = ("NOUN", "PROPN")


def unit_class(unit: Optional[str], money_units: Iterable[str]) -> str:
    """money, percent, count (no unit), age or measure (any other unit)."""
    if unit is None:
        return "count"
    if unit == "%":
        return "percent"
    if unit in money_units or unit.split("/")[0] in money_units:
        return "money"
    if unit == "year":
        return "age"
    return "measure"


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else "4-6" if d <= 6 else "7-12" if d <= 12 else "13+"


def number_token(fr: "FigureRecognizer", span: Span) -> int:
    """Index of the figure's number (after a sign or currency symbol before it)."""
    return next((t.i for t in span if fr.may_start(t.text)), span.start)


def candidates(fr: "FigureRecognizer", doc: Doc, span: Span, prev_sentence: bool) -> list[tuple[Token, str]]:
    """(token, about string) of every noun the figure may measure, nearest first within each
    sentence; nouns whose `about` would be None (a number, a vague plural) and unit words are left out."""
    from .normalize import lookup_unit

    s0, s1 = sentence_bounds(doc, span.start)
    lo = sentence_bounds(doc, s0 - 1)[0] if prev_sentence and s0 > 0 else s0
    out = []
    for t in doc[lo:s1]:
        if span.start <= t.i < span.end or t.pos_ not in _NOUN_POS or t.like_num or t.is_space \
                or lookup_unit(t.text) is not None or t.text.lower() in fr.months:
            continue
        lem = fr.about_lemma(doc, t)
        if lem:
            out.append((t, lem))
    return out


def _path(a: Token, b: Token, limit: int = 4) -> Optional[str]:
    """Dependency labels up from a to the lowest common ancestor, then down to b."""
    up, x = [], a
    anc = {a.i: 0}
    while x.head.i != x.i and len(up) < 8:
        up.append(x.dep_)
        x = x.head
        anc[x.i] = len(up)
    down, y = [], b
    while y.i not in anc and y.head.i != y.i and len(down) < 8:
        down.append(y.dep_)
        y = y.head
    if y.i not in anc:
        return None
    k = anc[y.i]
    if k + len(down) > limit:
        return None
    return "/".join(up[:k]) + ">" + "/".join(reversed(down))


def figure_features(fr: "FigureRecognizer", doc: Doc, span: Span, groups: frozenset[str]) -> list[str]:
    """Features of the null candidate (of the figure itself)."""
    u = unit_class(span._.unit, fr.money_units)
    feats = [NULL, f"{NULL}|{u}"]
    nxt = doc[span.end] if span.end < len(doc) else None
    if "position" in groups:
        feats.append(f"{NULL}|next:{nxt.pos_ if nxt is not None else 'END'}")
        feats.append(f"{NULL}|next:{nxt.pos_ if nxt is not None else 'END'}|{u}")
    if "syntax" in groups:
        feats.append(f"{NULL}|dep:{span.root.dep_}")
        feats.append(f"{NULL}|headpos:{span.root.head.pos_}")
    if "measure" in groups:
        q0 = fr._qualifier_start(doc, span.start)
        if q0 > 0 and doc[q0 - 1].text.lower() in fr.von:
            feats.append(f"{NULL}|after_von")
        if span._.unit is not None:
            feats.append(f"{NULL}|unit:{span._.unit}")  # "40 km", "25 Metern": a distance, often of nothing
        prep = figure_preposition(span)
        if prep is not None:
            feats.append(f"{NULL}|figprep:{prep}")
        s0, s1 = sentence_bounds(doc, span.start)
        if any(t.text.lower() in fr.distance_words for t in doc[span.end:min(s1, span.end + 6)]):
            feats.append(f"{NULL}|distance_word")
    return feats


def figure_preposition(span: Span) -> Optional[str]:
    """The preposition that governs the figure ("auf 19 Prozent", "aus 25 Metern"), if any."""
    root = span.root
    if root.head.pos_ == "ADP" and root.head.i < span.start:
        return root.head.text.lower()
    prep = next((c for c in root.children if c.pos_ == "ADP" and c.i < span.start), None)
    return prep.text.lower() if prep is not None else None


def figure_verb(span: Span) -> Optional[Token]:
    """The verb the figure hangs on, a few steps up the parse."""
    t = span.root
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def candidate_features(fr: "FigureRecognizer", doc: Doc, span: Span, num: int, tok: Token, lem: str,
                       ranks: dict[int, int], groups: frozenset[str]) -> list[str]:
    u = unit_class(span._.unit, fr.money_units)
    right = tok.i >= span.end
    side = "R" if right else "L"
    dist = tok.i - span.end + 1 if right else span.start - tok.i
    s0 = sentence_bounds(doc, span.start)[0]
    feats = ["cand", f"cand|{u}"]
    if "position" in groups:
        b = _bucket(dist)
        rank = str(min(ranks[tok.i], 3))
        feats += [f"pos:{side}{b}", f"pos:{side}{b}|{u}", f"rank:{side}{rank}", f"rank:{side}{rank}|{u}"]
        if tok.i < s0:
            feats.append("prev_sentence")
        lo, hi = (span.end, tok.i) if right else (tok.i + 1, span.start)
        between = doc[lo:hi]
        punct = sum(1 for t in between if t.is_punct)
        feats.append(f"punct_between:{min(punct, 2)}")
        if any(t.pos_ in ("VERB", "AUX") for t in between):
            feats.append(f"verb_between:{side}")
        if right and all(t.pos_ in ("ADJ", "ADV", "CCONJ", "PUNCT") and t.text not in ",;:()" or t.is_space for t in between):
            feats.append(f"np_after|{u}")  # "250 Menschen", "7000 Kilometer lange Grenze"
    if "syntax" in groups:
        root = span.root
        feats += [f"dep:{tok.dep_}", f"dep:{tok.dep_}|{side}", f"tag:{tok.pos_}"]
        path = _path(root, tok)
        feats.append(f"path:{path}" if path is not None else "path:far")
        if path is not None:
            feats.append(f"path:{path}|{u}")
        anc, k = root, 0
        while anc.head.i != anc.i and k < 5:
            anc, k = anc.head, k + 1
            if anc.i == tok.i:
                feats.append(f"ancestor:{k}")
                break
        if tok.head.i == root.i:
            feats.append("child_of_figure")
        prep = next((c for c in tok.children if c.i < tok.i and c.pos_ == "ADP"), None)
        if prep is None and tok.head.pos_ == "ADP" and tok.head.i < tok.i:
            prep = tok.head
        if prep is not None:
            feats += [f"prep:{prep.text.lower()}", f"prep:{prep.text.lower()}|{side}"]
        dets = [c.text.lower() for c in tok.children if c.i < tok.i and c.pos_ == "DET"]
        if dets:
            feats.append(f"det:{dets[0]}|{side}")
        if prep is None and fr._genitive_like(tok):
            feats.append(f"genitive_like|{side}")
        if tok.ent_type_:
            feats.append(f"ent:{tok.ent_type_}")
    if "measure" in groups:
        v = tok.head
        if tok.dep_ in fr.subject_deps and fr.verb_lemma(v) in fr.measuring_verbs and _under(doc[num], v):
            feats += ["measuring_subject", f"measuring_subject|{u}"]
        if tok.dep_ in fr.object_deps and fr.verb_lemma(v) in fr.object_verbs and _under(doc[num], v):
            feats.append("measuring_object")
        fv = figure_verb(span)
        if fv is not None and tok.head.i == fv.i:
            role = "subject" if tok.dep_ in fr.subject_deps else "object" if tok.dep_ in fr.object_deps else "other"
            prep = figure_preposition(span) or "-"
            feats += [f"figure_verb_{role}", f"figure_verb_{role}|{u}", f"figure_verb_{role}|figprep:{prep}"]
        low = tok.text.lower()
        if low in fr.container_nouns:
            feats.append("container")
        if low in fr.classifier_nouns:
            feats.append("classifier")
        if low in fr.events_noun:
            feats.append("event_noun")
        q0 = fr._qualifier_start(doc, span.start)
        if not right and q0 > 0 and doc[q0 - 1].text.lower() in fr.von and ranks[tok.i] == 0:
            feats.append(f"von_left|{u}")  # "ein Minus von 3 Prozent"
    if "lexical" in groups:
        feats.append(f"lem:{lem.lower()}")
    if "suffix" in groups and len(lem) > 5:
        feats.append(f"suf:{lem[-4:].lower()}")
    if "doc" in groups:
        n = sum(1 for t in doc if t.pos_ in _NOUN_POS and t.text == tok.text)
        feats.append(f"docfreq:{min(n, 3)}")
    if "verb" in groups and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        # the verb the candidate hangs on, learned from the gold rather than listed: "Die
        # Hunde-Abgabe verändert sich von 120 auf 132 Euro", "die Boeing-Aktie gewann ein Prozent"
        role = "subject" if tok.dep_ in fr.subject_deps else "object" if tok.dep_ in fr.object_deps else "other"
        fv = figure_verb(span)
        same = "same" if fv is not None and fv.i == tok.head.i else "other"
        feats += [f"verb:{fr.verb_lemma(tok.head).lower()}|{role}", f"verb_role:{role}|{same}|{u}"]
    return feats


def _under(t: Token, v: Token) -> bool:
    """t lies in v's subtree within a few steps."""
    for _ in range(8):
        if t.i == v.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def instance(fr: "FigureRecognizer", doc: Doc, span: Span, groups: frozenset[str], prev_sentence: bool
             ) -> list[tuple[Optional[str], list[str]]]:
    """The candidates of one figure as (about string or None for null, features); the first is null."""
    num = number_token(fr, span)
    cands = candidates(fr, doc, span, prev_sentence)
    ranks: dict[int, int] = {}
    right = [t for t, _ in cands if t.i >= span.end]
    left = sorted((t for t, _ in cands if t.i < span.start), key=lambda t: -t.i)
    for side in (right, left):
        for r, t in enumerate(side):
            ranks[t.i] = r
    out: list[tuple[Optional[str], list[str]]] = [(None, figure_features(fr, doc, span, groups))]
    for t, lem in cands:
        out.append((lem, candidate_features(fr, doc, span, num, t, lem, ranks, groups)))
    return out


class AboutModel:
    """The weights of ``about_model.json``; ``predict`` gives (about or None, probability)."""

    def __init__(self, data: dict[str, Any], path: Path):
        self.path = path
        self.version = data["version"]
        self.groups = frozenset(data["groups"])
        self.prev_sentence = bool(data["prev_sentence"])
        self.threshold = float(data["threshold"])
        self.weights: dict[str, float] = data["weights"]
        self.mode: str = data.get("mode", "fallback")
        self.margin = float(data.get("margin", 0.0))
        self.rule_prior: dict[str, float] = data.get("rule_prior", {})

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def distribution(self, inst: list[tuple[Optional[str], list[str]]]) -> list[tuple[Optional[str], float]]:
        """(about, probability) per candidate, the null candidate first."""
        scores = [self.score(f) for _, f in inst]
        m = max(scores)
        exps = [math.exp(s - m) for s in scores]
        z = sum(exps)
        return [(a, e / z) for (a, _), e in zip(inst, exps)]

    def predict(self, fr: "FigureRecognizer", doc: Doc, span: Span) -> tuple[Optional[str], float]:
        dist = self.distribution(instance(fr, doc, span, self.groups, self.prev_sentence))
        return decide(dist, self.threshold)

    def revise(self, fr: "FigureRecognizer", doc: Doc, span: Span) -> Optional[str]:
        """The model's `about` where it should replace the rules' (``span._.about`` /
        ``span._.about_rule``) by the model's mode, else None (keep the rules')."""
        if self.mode == "fallback" and span._.about is not None:
            return None
        dist = self.distribution(instance(fr, doc, span, self.groups, self.prev_sentence))
        return combine(self.mode, dist, span._.about, span._.about_rule, self.threshold, self.margin, self.rule_prior)


def decide(dist: list[tuple[Optional[str], float]], threshold: float) -> tuple[Optional[str], float]:
    """The best non-null candidate when its probability (summed over candidates with the same
    about string) reaches the threshold, else None; a threshold of 1 fills nothing (a probability
    rounds to 1.0 in floating point: "never" must not depend on that)."""
    by_about: dict[str, float] = {}
    for a, p in dist[1:]:
        by_about[a] = by_about.get(a, 0.0) + p  # type: ignore[index]
    if not by_about:
        return None, dist[0][1]
    best = max(by_about.items(), key=lambda kv: (kv[1], kv[0]))
    return (best[0], best[1]) if best[1] >= threshold and threshold < 1.0 else (None, dist[0][1])


def combine(mode: str, dist: list[tuple[Optional[str], float]], rule_about: Optional[str], rule: Optional[str],
            threshold: float, margin: float, rule_prior: dict[str, float]) -> Optional[str]:
    """The model's answer when ``mode`` lets it replace the rules' ``rule_about`` (given by the
    rule named ``rule``), else None. See MODES; shared by the pipeline and the trainer."""
    if mode == "fallback":
        return decide(dist, threshold)[0] if rule_about is None else None
    best, p = decide(dist, 0.0)
    if best is None or (rule_about is not None and best.lower() == rule_about.lower()):
        return None
    if mode == "override":
        prior = rule_prior.get(rule or "none", rule_prior.get("*", 1.0))
        return best if p >= prior + margin else None
    p_rule = dist[0][1] if rule_about is None else sum(q for a, q in dist[1:] if a is not None and a.lower() == rule_about.lower())
    return best if p - p_rule >= margin else None


def validate(data: Any, path: Path) -> dict[str, Any]:
    """The model's keys and types, or LanguageDataUnreadable naming the file."""
    def bad(why: str) -> LanguageDataUnreadable:
        return LanguageDataUnreadable(f"{path}: not a valid about model ({why}); rebuild it with "
                                      f"`python -m training.train_about`")

    if not isinstance(data, dict):
        raise bad("not a JSON object")
    keys = {k for k in data if not k.startswith("_")}
    if keys != MODEL_KEYS:
        raise bad(f"unknown keys {sorted(keys - MODEL_KEYS)}, missing keys {sorted(MODEL_KEYS - keys)}")
    if data["version"] != MODEL_VERSION:
        raise bad(f"version {data['version']!r}, this code reads version {MODEL_VERSION}")
    if not isinstance(data["groups"], list) or not set(data["groups"]) <= set(GROUPS):
        raise bad(f"groups must be a list of {list(GROUPS)}")
    if not isinstance(data["threshold"], (int, float)) or not 0.0 <= data["threshold"] <= 1.0:
        raise bad("threshold must be a number in [0, 1]")
    if not isinstance(data["prev_sentence"], bool):
        raise bad("prev_sentence must be true or false")
    if data["mode"] not in MODES:
        raise bad(f"mode must be one of {list(MODES)}")
    if not isinstance(data["margin"], (int, float)) or not -1.0 <= data["margin"] <= 1.0:
        raise bad("margin must be a number in [-1, 1]")
    rp = data["rule_prior"]
    if not isinstance(rp, dict) or not all(isinstance(k, str) and isinstance(v, (int, float)) and 0.0 <= v <= 1.0
                                           for k, v in rp.items()):
        raise bad("rule_prior must be an object of rule -> accuracy in [0, 1]")
    w = data["weights"]
    if not isinstance(w, dict) or not w or not all(isinstance(k, str) and isinstance(v, (int, float)) and math.isfinite(v)
                                                   for k, v in w.items()):
        raise bad("weights must be a non-empty object of feature -> finite number")
    return data


@lru_cache(maxsize=4)
def load_about_model(path: Optional[str] = None) -> AboutModel:
    """Read and validate the model (default ``pipeline/lang/de/about_model.json``); a missing,
    unreadable or malformed file is a LanguageDataUnreadable naming it (exit code 2, one line)."""
    p = Path(path) if path else LANG_DIR / MODEL_FILE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise LanguageDataUnreadable(f"{p}: cannot read the about model ({type(e).__name__}: {e}); "
                                     f"rebuild it with `python -m training.train_about`") from None
    return AboutModel(validate(data, p), p)
