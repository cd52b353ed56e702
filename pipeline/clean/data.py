"""Language data and the German lexicon of the cleaner, loaded once, lazily; shared constants."""
from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import math
import re
from collections import Counter
from typing import Optional


from ..errors import LanguageDataError, LanguageDataUnreadable
from ..paths import LANG_DIR as DATA_DIR

#: kinds of `Removed` pieces that stand for a normalised (not dropped) char: the clean char
#: mapped onto such a piece differs from the raw char on purpose.
NORMALISING_KINDS = frozenset({"mojibake", "unicode", "ligature", "hyphen_restored"})


def normalised_piece_ends(removed) -> dict[int, int]:
    """Raw start -> raw end of each normalising piece of `removed` (`Removed`s, or a record's
    dicts of them). Its clean char maps onto the piece's first raw char (mojibake "â‚¬" -> "€",
    NFD "a\u0308" -> "ä"), so a clean span ending in that char ends in raw at the piece's end,
    not one past its first char: raw end = `ends.get(offsets[e - 1], offsets[e - 1] + 1)`."""
    ends: dict[int, int] = {}
    for r in removed:
        start, end, kind = (r["start"], r["end"], r["kind"]) if isinstance(r, dict) else (r.start, r.end, r.kind)
        if kind in NORMALISING_KINDS and end > ends.get(start, start + 1):
            ends[start] = end
    return ends

#: kinds that are page furniture / metadata (everything else is normalisation or joins)
FURNITURE_KINDS = frozenset({
    "running_header", "page_number", "print_slug", "caption", "credit", "pull_quote",
    "headline", "kicker", "teaser", "byline", "dateline", "date_marker", "boilerplate",
    "navigation", "markdown_link", "image", "markup", "end_mark", "related", "comments",
})

_CHAR_KINDS = frozenset({"mojibake", "unicode", "ligature", "soft_hyphen", "invisible", "bom", "control"})
_HYPHENS = "-\u00ad¬\u2010\u2011"
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS_TAIL = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*$")
_LETTERS_HEAD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*")


# --------------------------------------------------------------------------------------------
# data and lexicon (loaded once, lazily)

#: the keys each cleaning*.json file must have, no more, no fewer (keys starting with "_" are
#: comments), as nlp.normalize.JSON_KEYS lists them for the other language files (which merges
#: this table in). Kept here so that the cleaner checks its files without importing pipeline.nlp,
#: whose package imports spaCy.
CLEANING_KEYS: dict[str, frozenset[str]] = {
    "cleaning.json": frozenset({
        "terminal_punct", "sentence_end", "quote_open", "months", "date_labels", "suspended_hyphen_words", "linking_s_suffixes", "adjective_suffixes", "participle_prefixes", "hyphen_keep_left_suffixes",
        "adjective_pair_guarded_ends", "adjective_pair_second_suffixes", "function_words", "english_function_words", "end_marks", "agencies",
        "dateline_agencies",
        "credit_prefixes", "author_roles", "outlets", "doc_start_patterns", "head_inline_patterns", "line_patterns",
        "inline_patterns", "tail_block_patterns", "comment_patterns", "author_note_patterns", "tail_inline_patterns",
        "web_inline_patterns",
        "cookie_banner_pattern", "link_pattern", "emphasis_pattern", "heading_prefix_pattern", "list_prefix_pattern",
        "byline_pattern", "name_pattern", "kicker_pattern", "determiners", "header_words", "role_line_words",
        "no_person_authors", "no_person_author_ends"}),
    "cleaning_camelcase.json": frozenset({"camelcase_names", "hyphen_name_prefixes", "camelcase_name_prefixes",
                                         "lost_break_labels"}),
}


def check_cleaning_keys(name: str, data: object, shown: str) -> None:
    """The keys of cleaning file `name` against `CLEANING_KEYS`; LanguageDataError naming the
    file (`shown`) in the words of normalize.check_keys. A cleaning*.json not listed is an error
    too: the loader merges every file of that name, so an unlisted one would go unchecked."""
    expected = CLEANING_KEYS.get(name)
    if expected is None:
        raise LanguageDataError(f"{shown}: no cleaning data file of that name (known: {sorted(CLEANING_KEYS)})")
    if not isinstance(data, dict):
        raise LanguageDataError(f"{shown}: a JSON object expected, not {type(data).__name__}")
    keys = {k for k in data if not k.startswith("_")}
    if keys != expected:
        raise LanguageDataError(f"{shown}: unknown keys {sorted(keys - expected)}, missing keys {sorted(expected - keys)}")



class _Data:
    def __init__(self) -> None:
        d: dict = {}
        for p in sorted(DATA_DIR.glob("cleaning*.json")):
            try:
                with open(p, encoding="utf-8") as fh:
                    part = json.load(fh)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:  # as normalize.lang_data
                raise LanguageDataUnreadable(f"{p}: cannot read the language data ({type(e).__name__}: {e})") from None
            # each file's keys against CLEANING_KEYS: a missing or misspelt key is one line naming
            # the file (LanguageDataError, exit code 2), not a KeyError in the middle of a run
            check_cleaning_keys(p.name, part, str(p))
            for k, v in part.items():
                if isinstance(v, list) and isinstance(d.get(k), list):
                    d[k] = d[k] + v
                elif isinstance(v, dict) and isinstance(d.get(k), dict):
                    d[k] = {**d[k], **v}
                else:
                    d[k] = v
        self.raw = d
        self.terminal = set(d["terminal_punct"])
        self.sentence_end = set(d["sentence_end"])
        self.quote_open = set(d["quote_open"])
        self.months = {k.lower(): v for k, v in d["months"].items()}
        labels = d["date_labels"]
        if not (isinstance(labels, dict) and set(labels) == {"publication", "update"}
                and all(isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v) for v in labels.values())):
            raise LanguageDataError(f"{DATA_DIR / 'cleaning.json'}: date_labels must be an object of two lists of "
                                    f"words, 'publication' and 'update', not {labels!r}")
        #: (label, rank), lower case, longest first ("zuletzt aktualisiert" before "aktualisiert"):
        #: a publication label 0, an update label 2 (a date without a label 1: `date_label_rank`)
        self.date_labels = sorted([(w.strip().lower(), 0) for w in labels["publication"]]
                                  + [(w.strip().lower(), 2) for w in labels["update"]], key=lambda e: -len(e[0]))
        self.header_words = frozenset(w.lower() for w in d["header_words"])
        self.suspended = {w.lower() for w in d["suspended_hyphen_words"]}
        self.end_marks = set(d["end_marks"])
        self.function_words = frozenset(d.get("function_words", []))
        self.english_function_words = frozenset(d["english_function_words"])  # "AbstractThe": a lost space
        self.determiners = frozenset(d["determiners"])
        self.keep_left_suffixes = tuple(d.get("hyphen_keep_left_suffixes", []))
        self.camel_names = frozenset(w.lower() for w in d["camelcase_names"])  # cleaning_camelcase.json
        self.hyphen_prefixes = frozenset(d.get("hyphen_name_prefixes", []))  # cleaning_camelcase.json
        self.camel_name_prefixes = frozenset(d["camelcase_name_prefixes"])  # cleaning_camelcase.json
        self.lost_break_labels = tuple(d["lost_break_labels"])  # cleaning_camelcase.json: "AbstractNature"
        self.adj_pair_re = adjective_pair_re(d["adjective_pair_guarded_ends"], d["adjective_pair_second_suffixes"])
        # words after a suspended hyphen that pdftotext glues on ("Staats- und" -> "Staatsund")
        self.suspended_glued = tuple(w for w in d["suspended_hyphen_words"] if w.isalpha())
        self.linking_s_suffixes = tuple(d["linking_s_suffixes"])
        # a lowercase derived adjective: glued to a capitalised word, a lost space ("eigentlichenAbschluss")
        self.adjective_form_re = re.compile(r"[a-zäöüß]{3,}(?:%s)(?:e[mnrs]?)?" % "|".join(
            re.escape(x) for x in d["adjective_suffixes"]))
        # a past participle by its shape: a prefix, a stem and "t" ("bedingt"), or "-iert" ("prämiert"), with an
        # inflection ending or none, or a strong one in "-en" with an inflection ending ("betriebene"; a bare
        # "-en" is a plural or an infinitive: "Teilerfolgen", "Reiseverboten") (`_noun_participle`)
        self.participle_re = re.compile(r"(?:(?:%s)[a-zäöüß]{3,}(?:t|en(?=e))|[a-zäöüß]{3,}iert)(?:e[mnrs]?)?" % "|".join(
            re.escape(x) for x in d["participle_prefixes"]))
        comp = lambda entries: [(e["kind"], re.compile(e["regex"])) for e in entries]  # noqa: E731
        self.doc_start = comp(d["doc_start_patterns"])
        # (kind, regex, before_body): a `before_body` pattern holds only in the lines before the
        # article's first sentence (a date line under the headline, not a date heading in the body)
        self.head_inline = [(e["kind"], re.compile(e["regex"]), bool(e.get("before_body"))) for e in d["head_inline_patterns"]]
        self.line_patterns = comp(d["line_patterns"])
        self.inline_patterns = comp(d["inline_patterns"])
        self.web_inline = comp(d.get("web_inline_patterns", []))
        self.tail_inline = comp(d.get("tail_inline_patterns", []))
        self.author_note = [re.compile(r) for r in d.get("author_note_patterns", {}).get("patterns", [])]
        self.tail_block = [re.compile(r) for r in d.get("tail_block_patterns", {}).get("patterns", [])]
        cp = d["comment_patterns"]
        self.comment_openers = [re.compile(r) for r in cp["openers"]]
        self.comment_headings = [re.compile(r) for r in cp["headings"]]
        self.comment_name = re.compile(cp["header_name"])
        self.comment_date = re.compile(cp["header_date"])
        self.comment_excerpt = re.compile(cp["excerpt"])
        self.comment_excerpt_cut = re.compile(cp["excerpt_cut"])
        tb = d.get("tail_block_patterns", {})
        self.teaser_title = re.compile(tb["teaser_title"]) if "teaser_title" in tb else None
        self.teaser_label = re.compile(tb["teaser_label"]) if "teaser_label" in tb else None
        self.cookie_re = re.compile(d["cookie_banner_pattern"])
        self.link_re = re.compile(d["link_pattern"])
        self.emph_re = re.compile(d["emphasis_pattern"])
        self.heading_re = re.compile(d["heading_prefix_pattern"])
        self.list_re = re.compile(d["list_prefix_pattern"])
        self.byline_re = re.compile(d["byline_pattern"])
        self.name_re = re.compile(d["name_pattern"])
        self.kicker_re = re.compile(d["kicker_pattern"])
        agencies = sorted(set(d["agencies"]), key=len, reverse=True)
        self.agency_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in agencies) + r")(?![a-zäöüß])"
        )
        dl_ag = sorted(set(d["dateline_agencies"]), key=len, reverse=True)
        # a news dateline: the place slot, an optional date, the agency in parentheses, a dash, full
        # stop or colon (or none) before the text: "MOSKAU (dpa) –", "Paris, 29. Sept. (AP)."
        self.dateline_agency_re = re.compile(
            r"(?P<place>[A-ZÄÖÜ][\w'’-]*(?:(?:\s*/\s*|\s+(?:(?:a\.|am|an der|bei|de|im|in|ob|vor)\s+)?)(?:[A-ZÄÖÜ][a-zäöü]{0,2}\.|[A-ZÄÖÜ][\w'’-]*)){0,3})"
            r"(?:,\s*\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+\.?)(?:\s*\d{4})?)?"
            r"\s*\((?:" + "|".join(re.escape(a) for a in dl_ag) + r")(?:\s*[/,]\s*[\wÄÖÜäöü.-]{1,12}){0,3}\)"
            r"\.?\s*(?:[-–—:]\s*)?(?=[A-ZÄÖÜ„\"»*])")
        prefixes = sorted(set(d["credit_prefixes"]), key=len, reverse=True)
        self.credit_prefix_re = re.compile(
            r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*(?::|©)\s*\S"
        )
        self.no_person_authors = frozenset(" ".join(w.lower().split()) for w in d["no_person_authors"])
        self.no_person_author_ends = frozenset(w.lower() for w in d["no_person_author_ends"])
        roles = sorted(set(d["author_roles"]), key=len, reverse=True)
        # a compound ending in a one-word role is a role too: "Wirtschaftskorrespondent",
        # "Auslandskorrespondentin", "Nahost-Korrespondent" (with or without the feminine "-in")
        heads = "|".join(re.escape(r) for r in roles if " " not in r)
        heads_low = "|".join(re.escape(r.lower()) for r in roles if " " not in r)
        self.role_re = re.compile(
            r"^(?:" + "|".join(re.escape(r) for r in roles) + r"|[A-ZÄÖÜ][a-zäöüß]+(?:" + heads_low + r")(?:in)?"
            r"|[A-ZÄÖÜ][\wäöüßÄÖÜ]*-(?:" + heads + r")(?:in)?)\b")
        # a line that is a role alone, with where or for what, and a full stop ("Wirtschaftskorrespondent
        # in München."; a headline "Korrespondent in Gefahr" has none)
        self.role_line_re = re.compile(
            self.role_re.pattern + r"(?:\s+(?:" + "|".join(re.escape(w) for w in d["role_line_words"])
            + r"|[A-ZÄÖÜ][\wäöüßÄÖÜ.-]*)){0,8}\s*\.$")
        # outlets: alias -> canonical name, domain -> canonical name
        self.outlet_alias: dict[str, str] = {}
        self.outlet_domain: dict[str, str] = {}
        for o in d["outlets"]:
            for a in o["aliases"] + [o["name"]]:
                self.outlet_alias[a.lower()] = o["name"]
            for dom in o["domains"]:
                self.outlet_domain[dom.lower()] = o["name"]
        aliases = sorted(self.outlet_alias, key=len, reverse=True)
        self.outlet_re = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w])", re.IGNORECASE
        )
        self.domain_re = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})", re.I)

    def date_label_rank(self, text: str) -> int:
        """How a date's label ranks it for meta.published (lower first, before the line's place):
        0 after a publication label ("Veröffentlicht am"), 2 after an update label
        ("Aktualisiert:", "Stand:"), 1 without either (cleaning.json `date_labels`)."""
        t = text.strip().lstrip("-*+|·–_ ").lower()
        return next((rank for label, rank in self.date_labels if t.startswith(label)), 1)

    def canonical_outlet(self, s: str) -> Optional[str]:
        s = s.strip(" .,;:/|*")
        if not s:
            return None
        hit = self.outlet_alias.get(s.lower())
        if hit:
            return hit
        m = self.domain_re.fullmatch(s)
        if m:
            dom = m.group(1).lower()
            for k, v in self.outlet_domain.items():
                if dom == k or dom.endswith("." + k):
                    return v
            return dom
        m = self.outlet_re.search(s)
        if m:
            return self.outlet_alias[m.group(0).lower()]
        return s if len(s) <= 60 else None


def adjective_pair_re(guarded_ends: list, second_suffixes: list) -> "re.Pattern[str]":
    """Where a lowercase word glued of two adjectives is cut (hyphen_compounds.py's adjective pairs):
    after a first half in -sch ("griechischmazedonischen", "deutschtürkische"; a first half of
    another kind is a prefix or a noun German glues on: "makroökonomisches", "gesamtpolitische",
    "linkspopulistische", "intensivmedizinisches", 10 of 11 so on the dev half), or after one in
    `guarded_ends` (cleaning.json adjective_pair_guarded_ends: "lich") only before a second
    adjective ending in one of `second_suffixes` (adjective_pair_second_suffixes: "wissenschaftlich-
    technischer", "staatlich-öffentlichen"): German glues colours and participles to -lich
    ("rötlichbraun", "gelblichgrün"), which the lexicon may lack. The second half has 4 letters
    or more. Built once, when the data loads."""
    ends = "|".join(f"(?<={re.escape(e)})" for e in guarded_ends)
    if len(guarded_ends) > 1:
        ends = f"(?:{ends})"
    tails = "|".join(re.escape(s) for s in second_suffixes)
    return re.compile(rf"(?:(?<=sch)|{ends}(?=[a-zäöüß]+(?:{tails})(?:e[mnrs]?)?$))(?=[a-zäöüß]{{4,}}$)")


@functools.lru_cache(maxsize=1)
def _data() -> _Data:
    return _Data()


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """German word forms -> log probability (spacy-lookups-data). Loaded once per process.

    Forms only in the lemma table get a low default probability (-19.0)."""
    base = importlib.resources.files("spacy_lookups_data") / "data"
    lex: dict[str, float] = {}
    try:
        with (base / "de_lexeme_prob.json.gz").open("rb") as fh:
            lex = json.loads(gzip.decompress(fh.read()))
    except (OSError, ValueError):  # pragma: no cover - package without the table
        lex = {}
    try:
        with (base / "de_lemma_lookup.json.gz").open("rb") as fh:
            lem = json.loads(gzip.decompress(fh.read()))
        for k, v in lem.items():
            if k not in lex:
                lex[k] = -19.0
            if v not in lex:
                lex[v] = -19.0
    except (OSError, ValueError):  # pragma: no cover
        pass
    return lex


@functools.lru_cache(maxsize=1)
def hyphen_spans() -> dict[str, float]:
    """Every run of two or more hyphen-joined parts inside a hyphenated lexicon form -> the
    best log probability of a form holding it: "Grand-Slam-Turnier" attests "Grand-Slam" and
    "Slam-Turnier", "Lagny-sur-Marne" attests "sur-Marne". The lexicon lists whole word forms
    only, and a compound's hyphenated head is far rarer on its own than inside longer
    compounds ("Grand-Slam" is no form of de_lexeme_prob, "Grand-Slam-Turnier" is); no
    library answers "is this hyphenated sequence written in German compounds", so it is
    derived here from the forms. Case is kept: a glued "Onlineausgabe" was never
    "Online-Ausgabe" (pdftotext keeps the capital). Built once per process (about 80 k spans)."""
    out: dict[str, float] = {}
    for form, p in lexicon().items():
        if "-" not in form:
            continue
        parts = form.split("-")
        if not all(parts):
            continue
        for i in range(len(parts) - 1):
            for j in range(i + 2, len(parts) + 1):
                span = "-".join(parts[i:j])
                if out.get(span, -99.0) < p:
                    out[span] = p
    return out


@functools.lru_cache(maxsize=1)
def hyphen_parts() -> tuple[frozenset, frozenset]:
    """What the lexicon's hyphenated forms say about single parts (no library lists them):
      * heads: first parts written before a hyphen and a capital in 30 forms or more ("Ex-"
        139, "Anti-" 93, "Vize-" 37, "Pro-" 36; "You-" 1, "Viva-" 0): a prefix German joins
        with a hyphen, not the first syllable of a brand;
      * connectors: lowercase inner parts of 10 forms or more ("Boulogne-sur-Mer",
        "Video-on-Demand", "Otto-von-Guericke", "All-in-One", "Katz-und-Maus").
    Built once per process."""
    heads: Counter = Counter()
    inner: Counter = Counter()
    for form in lexicon():
        if "-" not in form:
            continue
        parts = form.split("-")
        if len(parts) >= 2 and parts[0] and parts[1][:1].isupper():
            heads[parts[0]] += 1
        for p in parts[1:-1]:
            if p.isalpha() and p.islower() and 2 <= len(p) <= 4:
                inner[p] += 1
    return (frozenset(h for h, n in heads.items() if n >= 30),
            frozenset(c for c, n in inner.items() if n >= 10))


@functools.lru_cache(maxsize=1)
def hyphen_only_heads(ratio: int = 20) -> frozenset:
    """The hyphen heads (`hyphen_parts`) in title case (or lowercase, below) that the lexicon writes before a capital
    with a hyphen at least `ratio` times as often as glued in a CamelCase form: "Ex-" 139
    hyphenated forms to 2 glued ("Ex-Minister", "ExTrainer" rare), "Top-" 168 / 5, "Online-"
    480 / 5; not "Web-" (104 / 41: "WebKit", "WebCam"), "Euro-" (95 / 22), "Super-", whose
    glued forms are brands. Before a capital such a head is cut off even where the right half is
    short and unknown ("ExÖbfa-Chefin"), which otherwise reads as a brand's two syllables.
    A head in lowercase too where the lexicon never glues it to a capital (a lowercase head glued
    so is a brand's: "eBay", "iPhone"): the Arabic article "al-" (100 forms, "al-Qaida",
    "al-Assad", none glued: "alHak" -> "al-Hak", earlier-runs dev sample gnad30); not "e-" (31 /
    98), "m-" (34 / 21), "er-" (65 / 2: "80er-Jahre" split at its digits).
    Derived from the forms, once per process."""
    heads = hyphen_parts()[0]
    hy: Counter = Counter()
    gl: Counter = Counter()
    camel = re.compile(r"([A-ZÄÖÜ][a-zäöüß]+|[a-zäöüß]+)(?=[A-ZÄÖÜ])")
    for form in lexicon():
        if "-" in form:
            parts = form.split("-")
            if parts[0] in heads and parts[1][:1].isupper():
                hy[parts[0]] += 1
        else:
            m = camel.match(form)
            if m and m.group(1) in heads:
                gl[m.group(1)] += 1
    return frozenset(h for h in heads if ((h[:1].isupper() and h[1:].islower()) or (h.islower() and not gl[h]))
                     and hy[h] >= ratio * max(1, gl[h]))


def no_person_author(name: str) -> bool:
    """Whether an author name of a document's metadata is no person's: an account's, a machine's
    or a site desk's ("Microsoft Office User", "Administrator", "Redaktion", "Newsdesk"; cleaning.json
    `no_person_authors`, compared in lower case with its words joined by one space). The one list
    the Word, PDF and web page readers refuse such names by. A name whose last word (or its last
    part after a hyphen) is a desk's (`no_person_author_ends`: "Greentech.LIVE Redaktion",
    "SZ-Newsdesk") is none either."""
    d = _data()
    words = name.lower().split()
    return bool(words) and (" ".join(words) in d.no_person_authors or words[-1] in d.no_person_author_ends
                            or words[-1].rsplit("-", 1)[-1] in d.no_person_author_ends)


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset:
    """First names of lang/de/person_names.tsv (the NER rules' gazetteer), for the bylines (a tail that
    is a person's name is an author, not the outlet: furniture_print.py) and the hyphen rules:
    a web address of a person's name glues or hyphenates its two names alike ("wolfgangschmale.eu",
    "jan-grosser.de"), so no hyphen is put in after one."""
    from ..nlp.normalize import lang_data  # imported here: pipeline.nlp imports spaCy (as unit_surfaces)

    return frozenset(r["name"] for r in lang_data("person_names.tsv") if r.get("kind") == "first")


@functools.lru_cache(maxsize=1)
def unit_surfaces() -> frozenset:
    """Surface forms of units of measurement that start with a letter ("km", "PS", "Euro";
    lang/de/units.tsv, the figures' unit table)."""
    # imported here, not at the top: pipeline.nlp imports spaCy, which the cleaner alone does not need
    from ..nlp.normalize import lang_data

    return frozenset(r["surface"] for r in lang_data("units.tsv") if r.get("surface") and r["surface"][:1].isalpha())


@functools.lru_cache(maxsize=1)
def isch_tails() -> tuple[Counter, Counter]:
    """How the lexicon writes a word after an adjective in -isch: glued ("türkischstämmigen",
    "römischkatholischen") or hyphenated ("deutsch-türkische"), counted per second half
    without its inflection ending ("stämmig": 40 glued forms, 4 hyphenated). A second half
    that German glues on ("-stämmig", "-sprachig") is no pair of adjectives. No library
    answers this; derived from the forms, once per process."""
    glued: Counter = Counter()
    hyph: Counter = Counter()
    rx = re.compile(r"[a-zäöüß]{2,}isch(-?)([a-zäöüß]{4,}?)(?:e[mnrs]?)?")
    for form in lexicon():
        if "isch" in form:
            m = rx.fullmatch(form)
            if m:
                (hyph if m.group(1) else glued)[m.group(2)] += 1
    return glued, hyph


@functools.lru_cache(maxsize=1)
def abbreviation_glued_tails(min_forms: int = 10, ratio: int = 5) -> frozenset:
    """The lowercase endings of three letters or more that the lexicon glues to a run of capitals (an
    abbreviation) in `min_forms` forms or more and at least `ratio` times as often as it hyphenates them:
    "-ler" ("SPDler", "CDUler", "ITler": 50 glued forms to 5, "IT-ler"), a suffix that makes a person of
    an abbreviation, not a word of a compound ("EU-weit", "US-amerikanischen": 0 glued forms of "weit").
    The lexicon knows "ler" itself as a stray form of web text (-12.4), so an abbreviation glued to it
    read as one glued to a word and was cut ("IT-ler", session 30's --html-fresh sample, sueddeutsche.de,
    layouts a and b). Derived from the forms, once per process (now "ler" and "net")."""
    glued: Counter = Counter()
    hyph: Counter = Counter()
    rx = re.compile(r"[A-ZÄÖÜ]{2,}(-?)([a-zäöüß]{3,})")
    for form in lexicon():
        m = rx.fullmatch(form)
        if m:
            (hyph if m.group(1) else glued)[m.group(2)] += 1
    return frozenset(t for t, n in glued.items() if n >= min_forms and n >= ratio * hyph[t])


def _gz_lines(path, maker: str) -> list[str]:
    """The lines of a gzipped language-data file; one that cannot be read is a
    LanguageDataUnreadable naming it and the module `maker` that makes it."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read().splitlines()
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise LanguageDataUnreadable(f"{path}: cannot read the language data ({type(e).__name__}: {e}); "
                                     f"make it with `python -m {maker}`") from None


#: place names (training/place_names.py): a first line "name", then one name a line
PLACE_NAMES = "place_names.tsv.gz"


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset:
    """Names of cities, countries and regions (lang/de/place_names.tsv.gz: GeoNames, CLDR, districts, regions.tsv),
    for the bylines: "Von Friedrich Schmidt, Moskau" names the correspondent's place, not the
    outlet; and for the datelines without an agency ("Kiew/Moskau. Die ..."). Loaded once per
    process, when first needed."""
    path = DATA_DIR / PLACE_NAMES
    lines = _gz_lines(path, "training.place_names")
    if lines[:1] != ["name"]:
        raise LanguageDataError(f"{path}:1: a first line 'name' expected, not {lines[:1]}")
    return frozenset(n for n in lines[1:] if n)


#: the Bundestag word-form counts (training/hyphen_corpus.py): form TAB count, a first line
#: "#total TAB tokens"
CORPUS_FORMS = "corpus_forms.tsv.gz"


def read_corpus_forms(path) -> tuple[dict[str, int], int]:
    """The rows of a corpus_forms.tsv.gz file: (form -> count, tokens counted). Validated: the
    first line `#total<TAB>N`, then two columns, a form without blanks and a count >= 1; any
    other line is a LanguageDataError naming the file and line (not a KeyError mid-run)."""
    lines = _gz_lines(path, "training.hyphen_corpus")
    head = lines[0].split("\t") if lines else []
    if len(head) != 2 or head[0] != "#total" or not head[1].isdigit() or int(head[1]) < 1:
        raise LanguageDataError(f"{path}:1: a first line '#total<TAB>N' expected, not {lines[:1]}")
    forms: dict[str, int] = {}
    for i, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0] or any(c.isspace() for c in cols[0]) \
                or not cols[1].isdigit() or int(cols[1]) < 1:
            raise LanguageDataError(f"{path}:{i}: 'form<TAB>count' (count >= 1) expected, not {line!r}")
        forms[cols[0]] = int(cols[1])
    return forms, int(head[1])


@functools.lru_cache(maxsize=1)
def corpus_probs() -> tuple[dict[str, float], dict[str, float]]:
    """The Bundestag protocols' word forms (lang/de/corpus_forms.tsv.gz) as log probabilities,
    ln(count / tokens), the scale of the lexicon's (a form seen 3 times -16.3, 100 times -12.8):
    (forms, hyphen spans: every run of two parts or more of a hyphenated form, its counts summed
    over the forms that hold it, as `hyphen_spans` reads the lexicon). Loaded lazily, once per
    process (about 1 s; `load_resources` loads it at a batch run's start): only texts whose
    line-end hyphens were all deleted ask, and pipeline.nlp.figures imports this module for
    `lexicon` alone, which must not pay for it. Kept apart from `lexicon()` on purpose: figures
    and the column and furniture passes read that one, and the protocols' forms are evidence for
    the join decisions only (they would also change the counts `hyphen_parts` and `isch_tails`
    derive from the lexicon's forms)."""
    forms, total = read_corpus_forms(DATA_DIR / CORPUS_FORMS)
    spans: Counter = Counter()
    for form, n in forms.items():
        if "-" in form:
            parts = form.split("-")
            if all(parts):
                spans.update({"-".join(parts[i:j]): n for i in range(len(parts) - 1)
                              for j in range(i + 2, len(parts) + 1)})
    ln = math.log
    return ({f: ln(n / total) for f, n in forms.items()}, {s: ln(n / total) for s, n in spans.items()})


def hyphen_span_prob(hyph: str) -> Optional[float]:
    """`hyphen_spans` for a hyphenated form; one in capitals ("MATHEMATIK-KOMPETENZEN", a
    headline set in capitals) is looked up with each part capitalised.

    Or the Bundestag protocols' evidence (`corpus_probs`), where it is likelier, and only where
    the protocols write the parts hyphenated more often than glued (case kept: "Start-up" 119
    times, in longer forms 900, "Startup" 20). The lexicon (web text of about 2015) has few of
    today's hyphenated compounds ("CO2-Preis", "Corona-Pandemie", "Covid-19" are no forms of it)
    and none with a digit; the protocols (2017-2026) write them, each count on the lexicon's
    scale. But they follow the dictionary's glued spellings more than news and web pages do
    ("nichtinvasive" 22 times, never hyphenated, where the lexicon's web text prefers
    "nicht-invasive", as the bench's sources write it; "radikalislamischen" 14, "radikal-
    islamischen" 6): their glued forms are no evidence the sources share, and where they glue
    more often their hyphenated count is left out too (taking the likelier of both sources for
    each form cost one lowercase pair of bench_hyphen_classes.py, "nicht-invasive"; taking the
    protocols' hyphenated form alone put 7 hyphens into "radikalislamische" on the dev samples).
    The case is kept: the protocols' glued "Coronapandemie" (1,911 times, "Corona-Pandemie" 71)
    says nothing about "CoronaPandemie", whose capital inside marks a deleted hyphen.
    The one place where lexicon and protocols are combined."""
    spans, (cforms, cspans) = hyphen_spans(), corpus_probs()
    keys = [hyph]
    if hyph.isupper():
        keys.append("-".join(x[:1] + x[1:].lower() for x in hyph.split("-")))
    for k in keys:
        ps = [spans.get(k)]
        pc = cspans.get(k)
        if pc is not None and pc > cforms.get(k.replace("-", ""), -99.0):
            ps.append(pc)
        ps = [p for p in ps if p is not None]
        if ps:
            return max(ps)
    return None


def load_resources() -> None:
    """Load the pattern tables and the lexicon now rather than on first use, so that a batch
    run pays for them at start-up and not in the middle of its first articles."""
    _data()
    lexicon()
    hyphen_spans()
    hyphen_parts()
    hyphen_only_heads()
    isch_tails()
    abbreviation_glued_tails()
    corpus_probs()


def _lexprob(w: str) -> Optional[float]:
    lex = lexicon()
    best = None
    for v in (w, w.lower(), w[:1].upper() + w[1:].lower() if w else w):
        p = lex.get(v)
        if p is not None and (best is None or p > best):
            best = p
    return best
