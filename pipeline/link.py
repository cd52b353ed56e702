"""One canonical name per entity: spaCy component ``presseschau_names``.

Sets ``span._.canonical`` on every span of ``doc.ents`` (PER/ORG/LOC/MISC):

1. surface clean-up (soft hyphens, line-break hyphens, whitespace, quotes);
2. word-level spelling/transliteration aliases ("Toqajew" -> "Tokajew",
   "Kassym-Jomart" -> "Kassym-Schomart") from the alias table;
3. German genitive and inflection removed ("Putins" -> "Putin", "Kasachstans" ->
   "Kasachstan", "Eurasischen Wirtschaftsunion" -> "Eurasische Wirtschaftsunion" when that
   form is attested in the article or the alias table) -- using morphology (Case=Gen) when
   the model provides it, else evidence from the article and suffix rules;
4. short forms resolved within the article ("Tokajew" -> "Kassym-Schomart Tokajew",
   an acronym in parentheses after a long name -> the long name);
5. whole-name aliases across articles ("ODKB"/"OVKS"/"Organisation des Vertrags über
   kollektive Sicherheit", "Kirgistan"/"Kirgisistan", "Nur-Sultan"/"Astana").

The alias table is editable data, ``annotations/aliases.tsv`` (columns ``alias``,
``canonical``, ``scope`` = ``name`` | ``word``; ``#`` starts a comment). Its path comes from
the component config ``aliases_path``; default: the repository's file, resolved relative to
the package. A missing file means no aliases, not an error.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import spacy_ext  # noqa: F401
from .normalize import lang_data

DEFAULT_ALIASES = Path(__file__).parents[1] / "annotations" / "aliases.tsv"

_LOC_GEN_SUFFIXES = ("lands", "stans", "reichs", "iens", "kaus", "ikas", "ands", "ens")
_NO_STRIP_ENDINGS = ("ss", "ß", "x", "z", "'s", "us", "is", "os", "as", "ys")


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def clean_surface(text: str) -> str:
    t = text.replace("\u00ad", "")
    t = re.sub(r"(\w)-\s*\n\s*(\w)", lambda m: m.group(1) + ("-" if m.group(2).isupper() else "") + m.group(2), t)
    t = re.sub(r"\s+", " ", t).strip()
    t = t.strip("\"'„“”«»‚‘’()[]")
    return t


def load_aliases(path: Optional[str | Path]) -> tuple[dict[str, str], dict[str, str]]:
    """-> (name aliases: casefolded alias -> canonical, word aliases: word -> word)."""
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    p = Path(path) if path else DEFAULT_ALIASES
    if not p.is_file():
        return names, words
    with p.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip() or row[0].lstrip().startswith("#") or row[0] == "alias":
                continue
            alias = row[0].strip()
            canon = row[1].strip() if len(row) > 1 and row[1].strip() else alias
            scope = row[2].strip().lower() if len(row) > 2 and row[2].strip() else "name"
            if scope == "word":
                words[alias] = canon
            else:
                names[_key(alias)] = canon
            names.setdefault(_key(canon), canon)
    return names, words


class NameLinker:
    def __init__(self, aliases_path: Optional[str] = None, resolve_short_forms: bool = True, use_aliases: bool = True):
        self.aliases_path = aliases_path
        self.names, self.words = load_aliases(aliases_path) if use_aliases else ({}, {})
        self.resolve_short_forms = resolve_short_forms
        self.titles = set(lang_data("names.json")["titles"])

    # -- per mention --
    def _word_alias(self, text: str) -> str:
        if not self.words:
            return text
        parts = re.split(r"(\s+)", text)
        return "".join(self.words.get(p, p) for p in parts)

    def _strip_genitive(self, form: str, ent: Span, attested: set[str]) -> str:
        if form.endswith("'") or form.endswith("’"):
            return form[:-1]
        if not form.endswith("s") or len(form) < 4 or form.endswith(("ss", "ß", "'s")):
            return form
        if _key(form) in self.names:
            return form
        cand = form[:-1]
        cand2 = form[:-2] if form.endswith("es") else None
        if _key(cand) in self.names or cand in attested:
            return cand
        if cand2 and (_key(cand2) in self.names or cand2 in attested):
            return cand2
        if form.endswith(_NO_STRIP_ENDINGS):
            return form
        last = ent[-1]
        if last.has_morph() and "Gen" in last.morph.get("Case"):
            return cand
        if ent.label_ in ("LOC", "GPE") and form.endswith(_LOC_GEN_SUFFIXES) and not form.endswith("ens"):
            return cand
        doc = ent.doc
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ == "PER" and nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha \
                and not nxt.ent_type_ and form[-2] not in "aeiouy":
            return cand  # "Putins Sprecher", "Tokajews Bitte"
        return form

    def _deinflect(self, form: str, attested: set[str]) -> str:
        """Adjective endings in multi-word names, only towards an attested form."""
        toks = form.split(" ")
        if len(toks) < 2:
            return form
        variants = set()
        adj = [re.sub(r"(isch|ig|lich|ten|ch|er|en|al|ar|sch)en$", r"\1e", t) if t[:1].isupper() else t for t in toks]
        variants.add(" ".join(adj))
        adj2 = [re.sub(r"en$", "e", t) if i < len(toks) - 1 and t[:1].isupper() else t for i, t in enumerate(toks)]
        variants.add(" ".join(adj2))
        for v in list(variants):
            last = v.split(" ")[-1]
            for suf in ("es", "s", "n"):
                if last.endswith(suf):
                    variants.add(v[: -len(suf)])
        for v in variants:
            if v != form and (v in attested or _key(v) in self.names):
                return v
        return form

    def _strip_titles(self, form: str, label: str) -> str:
        if label not in ("PER", "PERSON"):
            return form
        toks = form.split(" ")
        while len(toks) > 1 and toks[0].lower() in self.titles:
            toks = toks[1:]
        while len(toks) > 1 and toks[-1][:1].islower():
            toks = toks[:-1]  # "Gerhard Mangott von der" (span runs into the next phrase)
        return " ".join(toks)

    def base_form(self, ent: Span, attested: set[str]) -> str:
        form = self._strip_titles(self._word_alias(clean_surface(ent.text)), ent.label_)
        form = self._strip_genitive(form, ent, attested)
        form = self._deinflect(form, attested)
        return form

    def canonical(self, form: str) -> str:
        return self.names.get(_key(form), form)

    # -- component --
    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        surfaces = [self._strip_titles(self._word_alias(clean_surface(e.text)), e.label_) for e in ents]
        attested = set(surfaces) | {t.text for t in doc if t.text[:1].isupper()}
        forms = [self.base_form(e, attested) for e in ents]
        # acronym in parentheses after a long name: "Organisation ... (OVKS)"
        acr: dict[str, str] = {}
        for e, f in zip(ents, forms):
            if len(f.split()) >= 2 and e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text.startswith(")"):
                a = doc[e.end + 1].text
                if a.isupper() and 2 <= len(a) <= 8 and _key(a) not in self.names:
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
                if best is not None:
                    resolved[f] = best
            forms = [resolved.get(f, f) if e.label_ == "PER" else f for e, f in zip(ents, forms)]
        for e, f in zip(ents, forms):
            e._.canonical = self.canonical(f)
        # doc.ents returns fresh Span objects; extension values are keyed by offsets,
        # so values set here are visible on later doc.ents calls too.
        return doc


@Language.factory(
    "presseschau_names",
    default_config={"aliases_path": None, "resolve_short_forms": True, "use_aliases": True},
)
def make_names(nlp: Language, name: str, aliases_path: Optional[str], resolve_short_forms: bool,
               use_aliases: bool) -> NameLinker:
    """aliases_path: TSV alias table; None -> the repository's annotations/aliases.tsv.
    use_aliases=False gives the article-local base form only (no cross-article joining)."""
    return NameLinker(aliases_path=aliases_path, resolve_short_forms=resolve_short_forms, use_aliases=use_aliases)
