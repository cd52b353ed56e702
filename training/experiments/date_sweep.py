"""Experiment (issue 18): a DATE coverage sweep on unlabelled text, to find the constructions the
rules miss (or take wrongly) before a blind gold set shows them.

The full pipeline (model + Presseschau components, as `presseschau run` runs it) is run over
unlabelled German text, and every temporal trigger word that lies outside every DATE entity
(month and weekday names, Jahr/Monat/Woche/Tag/Stunde/Quartal/Saison/Jahrhundert/Jahrzehnt, seit/bis/ab,
damals/bisher/zuvor/künftig, morgens/abends/nachts, Uhr, holidays, a number before a time unit, a
four-digit year, "200x", an ordinal before "Jahrestag" ...) is counted by its construction: the
trigger with the two tokens before and after it, abstracted (a number is NUM, a year YEAR, an ordinal
ORD, a month MONTH, a weekday WD, a DATE entity <DATE>, a content word its part of speech). DATE
entities whose value is None or X-filled, and DATE entities that look like parts of names or ages
(precision), are counted by the shape of their text.

Sources (none of them is gold):
* ``wikinews``: the Wikinews train articles outside every rule dev set (``annotations/news/dev*.json``:
  dev2 to dev7; dev6 was listed there before it was annotated blind, so its text was never read
  here), each anchored at its ``published`` date;
* ``bundestag``: a fixed sample of paragraphs of the Bundestag plenary protocols (no dates in the
  file: anchored in the middle of the electoral period, so values there are not checked);
* ``web``: a fixed sample of ``news/web_pages_de.jsonl.gz`` (local testing only: its text is never
  printed unless ``--show-web`` is given, so the committed report holds only counts from it).

    python -m training.experiments.date_sweep [--sources wikinews,bundestag,web] [--web 200]
        [--bundestag 400] [--top 40] [--examples 2] [--json OUT] [--cache DIR]

``--cache DIR`` keeps the model's Docs (before the rule components) as DocBin files, so a re-run
after a change to the rules only re-runs the Presseschau components (the parse is the slow part).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from pipeline.io import atomic_open, atomic_write_bytes, read_jsonl
from pipeline.paths import ANNOTATIONS, SHARED_DATA

# the anchors of the Bundestag sample: the middle of each electoral period (values are not checked there)
BUNDESTAG_ANCHORS = {"wp19": "2019-10-15", "wp20": "2023-10-15", "wp21": "2025-11-15"}
WEB_ANCHOR = "2024-06-15"
SOURCES = ("wikinews", "bundestag", "web")

TIME_UNITS = frozenset("""jahr jahre jahren jahres jahrs monat monate monaten monats woche wochen tag tage tagen tages tags
stunde stunden minute minuten sekunde sekunden quartal quartals quartale quartalen saison saisons jahrhundert
jahrhunderts jahrhunderte jahrhunderten jahrzehnt jahrzehnte jahrzehnten jahrzehnts jahrtausend jahrtausends
halbjahr halbjahres wochenende wochenendes wochenenden jahreswechsel""".split())
DAY_PARTS = frozenset("nacht nächte abend abends morgen morgens vormittag vormittags nachmittag nachmittags mittag mittags".split())
ADVERBS = frozenset("""seit bis ab damals bisher zuvor künftig zukünftig morgens abends nachts vormittags nachmittags
uhr heute gestern morgen vorgestern übermorgen heuer einst später früher danach vorher""".split())
SEASONS = frozenset("frühjahr frühling sommer herbst winter".split())
HOLIDAY_RE = re.compile(r"(weihnacht|ostern|oster|pfingst|silvester|neujahr|karfreitag|fasching|karneval|fastnacht|allerheiligen"
                        r"|advent|feiertag|jahrestag|gedenktag|nationalfeiertag|himmelfahrt|fronleichnam|ramadan|valentinstag)", re.I)
TIME_COMPOUND_HEADS = ("jahr", "jahres", "jahre", "jahren", "monat", "monats", "monate", "monaten", "woche", "wochen", "nacht",
                       "abend", "abends", "morgen", "wochenende", "sommer", "winter", "herbst", "frühjahr", "saison", "quartal")
# compounds ending in a time head that are no time expressions
NOT_TIME_COMPOUNDS = re.compile(r"(trag|tags?|vertrag|jahrhundert.*)$")
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20[0-4]\d)$")
DECADE_RE = re.compile(r"^(\d{2,3}0er|\d{3}x|\d{2}xx|\d0er-?jahre.*)$", re.I)
ORDINAL_RE = re.compile(r"^\d{1,3}\.$")
NUM_RE = re.compile(r"^\d[\d.,]*$")


def _date_words() -> tuple[frozenset, frozenset, frozenset]:
    """The month names (dates.json, no abbreviations), weekdays and number words, lower case."""
    from pipeline.nlp.normalize import lang_data

    d = lang_data("dates.json")
    months = frozenset(k for k in d["months"] if not k.endswith("."))
    weekdays = frozenset(d["weekdays"])
    numbers = lang_data("numbers.json")
    number_words = set(numbers["units"]) | set(numbers["teens"]) | set(numbers["tens"]) | set(numbers["fractions"])
    return months, weekdays, frozenset(w.lower() for w in number_words)


# Construction classes the report counts by name (session 11's reading of the sweep;
# docs/measurements/dates_figures.md "DATE coverage sweep"): (name, section, regex over the context
# with the trigger or DATE in [brackets]). A context can fall in several classes; the rest is only
# counted by its abstract construction.
_MOD = r"(?:letzten|vergangenen|kommenden|nächsten|vorigen|diesen|im kommenden|im letzten|im vergangenen)"
# the month names of dates.json ("Januar", "Jänner" ...), capitalised as the context shows them
_MONTHS = "(?:" + "|".join(sorted(m[:1].upper() + m[1:] for m in _date_words()[0])) + ")"
_ORDW = r"(?:ersten|zweiten|dritten|vierten|fünften|sechsten|siebten|achten|neunten|zehnten|elften|zwölften|\w+zehnten|\w*zwanzigsten|\w*dreißigsten)"
CLASSES: list[tuple[str, str, str]] = [
    ("relative modifier + month", "missed", rf"\b{_MOD} \[{_MONTHS}\]"),
    ("written-out ordinal + month", "missed", rf"\b{_ORDW} \[{_MONTHS}\]"),
    ("written-out ordinal + Jahrhundert", "missed", rf"\b{_ORDW} \[Jahrhunderts?\]"),
    ("decade NN-er Jahre", "missed", r"\b\d0-er \[Jahren?\]"),
    ("holiday night (Silvesternacht, Osternacht)", "missed", r"\[(?:Silvesternacht|Silvesterabend|Osternacht)\]"),
    ("numbered Christmas day (1. Weihnachtstag)", "missed", r"\[[12]\.\] Weihnachts(?:feier)?tag|\b[12]\. \[Weihnachts(?:feier)?tag\]"),
    ("seit/ab heute", "missed", r"\b(?:[Ss]eit|[Aa]b) \[heute\]"),
    ("Vorabend (day before the date named last)", "missed", r"\[Vorabends?\]"),
    ("auf/vor + bare month", "missed", rf"\b(?:auf|vor) \[{_MONTHS}\]"),
    ("election + year taken for a name", "missed", r"wahl(?:en)? \[(?:19|20)\d\d\]"),
    ("Nationalfeiertag (DATE by the guidelines, value by country)", "missed", r"\[Nationalfeiertags?\]"),
    ("minute of a match (in der 70. Minute: no DATE)", "missed", r"\d\. \[Minute\]"),
    ("relative modifier + Saison (no ISO value: no DATE)", "missed", rf"\b(?:laufenden|kommenden|letzten|vergangenen|nächsten|neuen) \[Saison\]"),
    ("vague plural period (in den letzten Jahren, seit Jahren: no DATE)", "missed",
     r"(?:letzten|vergangenen|nächsten|kommenden|ersten|seit|vor wenigen|vor einigen|einigen|wenigen|vielen) \[(?:Jahren|Jahre|Monaten|Monate|Wochen|Tagen|Jahrzehnten|Stunden)\]"),
    ("rate (pro Jahr, im Monat: part of an amount)", "missed", r"\b(?:pro|im|je) \[(?:Jahr|Monat|Woche|Tag|Stunde)\]"),
    ("clock time (Uhr, Mitternacht: no DATE)", "missed", r"\[(?:Uhr|Mitternacht)\]"),
    ("anniversary with an ordinal (28. Jahrestag: no DATE)", "missed", r"\[\d+\.\] Jahrestag|\d+\. \[Jahrestag"),
    ("weekday after darauffolgenden/folgenden (value was null)", "unresolved", r"\[(?:darauf)?folgenden \w+tag\]"),
    ("offset inside a match or a day (zehn Minuten später: value null by the guidelines)", "unresolved", r"(?:Minuten?|Sekunden?|Stunden?) (?:später|früher)\]"),
    ("year of a cup, finals or an event for a group (MISC)", "suspect", r"(?:[Pp]okals?|Finals|der (?:Frauen|Herren|Damen|Männer|Junioren)) \[(?:19|20)\d\d\]"),
    ("number after an identifier compound (UN-Resolution 1612)", "suspect", r"\w+-?[Rr]esolution \[\d{4}\]"),
]


# ---------------------------------------------------------------------------- sources


def rule_dev_ids() -> set[str]:
    """The ids of every rule dev set of Wikinews train articles (``annotations/news/dev*.json``):
    the sweep never reads them, so that a set annotated blind stays blind."""
    excluded: set[str] = set()
    for f in sorted((ANNOTATIONS / "news").glob("dev*.json")):  # dev2.json ... dev7.json
        excluded |= set(json.loads(f.read_text(encoding="utf-8"))["ids"])
    return excluded


def wikinews_items(data_dir: Path) -> list[tuple[str, dict]]:
    """The Wikinews train articles outside every rule dev set (never read)."""
    splits = json.loads((ANNOTATIONS / "news" / "splits.json").read_text(encoding="utf-8"))
    excluded = rule_dev_ids()
    wanted = set(splits["train"]) - excluded
    out = []
    for r in read_jsonl(data_dir / "news" / "wikinews_de.jsonl.gz"):
        rid = str(r.get("id"))
        if rid in wanted:
            out.append((r["text"], {"id": rid, "published": r.get("published"), "source": "wikinews"}))
    out.sort(key=lambda x: x[1]["id"])
    return out


def bundestag_items(data_dir: Path, n: int, seed: int = 18, chunk: int = 12) -> list[tuple[str, dict]]:
    """`n` chunks of `chunk` consecutive paragraphs drawn at fixed positions (seeded) from the protocols."""
    rng = random.Random(seed)
    out = []
    folder = data_dir / "text" / "bundestag"
    files = sorted(folder.glob("bundestag_plenarprotokolle_wp*.txt.gz"))
    per_file = max(1, n // max(1, len(files)))
    for f in files:
        wp = re.search(r"(wp\d+)", f.name).group(1)
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            lines = [ln.rstrip("\n") for ln in fh if not ln.startswith("# doc")]
        starts = sorted(rng.sample(range(0, len(lines) - chunk), per_file))
        for s in starts:
            out.append(("\n".join(lines[s:s + chunk]), {"id": f"bt-{wp}-{s}", "published": BUNDESTAG_ANCHORS.get(wp), "source": "bundestag"}))
    return out


def web_items(data_dir: Path, n: int, seed: int = 18) -> list[tuple[str, dict]]:
    """A fixed sample of the web pages' extracted text (local testing only, never printed by default)."""
    rows = []
    for r in read_jsonl(data_dir / "news" / "web_pages_de.jsonl.gz"):
        text = r.get("markdown_extract") or ""
        if len(text) > 300:
            rows.append((text[:60_000], {"id": "web-" + str(len(rows)), "published": WEB_ANCHOR, "source": "web"}))
    rng = random.Random(seed)
    return sorted(rng.sample(rows, min(n, len(rows))), key=lambda x: x[1]["id"])


# ---------------------------------------------------------------------------- running


def annotated_docs(nlp: Any, items: list[tuple[str, dict]], cache: Optional[Path], name: str) -> Iterator[Any]:
    """The Docs of `items` through the full pipeline; with `cache`, the model's part is stored once
    and only the Presseschau components are run again."""
    from spacy.tokens import DocBin

    from pipeline.nlp import CUSTOM_COMPONENTS, ArticleText, annotate

    if cache is None:
        for doc, _ in annotate(nlp, [(t, c) for t, c in items]):
            yield doc
        return
    path = cache / f"{name}.spacy"
    custom = [p for p in CUSTOM_COMPONENTS if p in nlp.pipe_names]
    if not path.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=True)
        with nlp.select_pipes(disable=custom):
            for doc in nlp.pipe((ArticleText(t, c) for t, c in items), batch_size=16):
                db.add(doc)
        atomic_write_bytes(path, db.to_bytes())  # a sweep stopped mid-write leaves no cut-off cache
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    for doc in docs:
        for p in custom:
            doc = nlp.get_pipe(p)(doc)
        yield doc


# ---------------------------------------------------------------------------- classifying


class Sweep:
    def __init__(self) -> None:
        self.months, self.weekdays, self.number_words = _date_words()
        self.missed: Counter = Counter()  # (kind, trigger, signature) -> n
        self.missed_ex: dict = defaultdict(list)
        self.unresolved: Counter = Counter()  # (type, shape) -> n
        self.unresolved_ex: dict = defaultdict(list)
        self.suspect: Counter = Counter()  # (reason, shape) -> n
        self.suspect_ex: dict = defaultdict(list)
        self.by_source: Counter = Counter()
        self.classes: Counter = Counter()  # (class name, source) -> n
        self.class_ex: dict = defaultdict(list)
        self._class_rx = [(name, section, re.compile(rx)) for name, section, rx in CLASSES]
        self.dates: Counter = Counter()

    def classify(self, section: str, ctx: str, source: str, aid: Any) -> None:
        for name, sec, rx in self._class_rx:
            if sec == section and rx.search(ctx):
                self.classes[(name, source)] += 1
                if source != "web" and len(self.class_ex[name]) < 3:
                    self.class_ex[name].append((source, aid, ctx))

    def shape(self, t: Any) -> str:
        w = t.text
        lw = w.lower()
        if YEAR_RE.match(w):
            return "YEAR"
        if ORDINAL_RE.match(w):
            return "ORD"
        if NUM_RE.match(w):
            return "NUM"
        if lw in self.number_words:
            return "NUMW"
        if lw in self.months:
            return "MONTH"
        if lw in self.weekdays:
            return "WD"
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and lw not in TIME_UNITS and lw not in DAY_PARTS and lw not in SEASONS:
            return t.pos_
        return lw

    def trigger_kind(self, t: Any, in_figure: bool) -> Optional[str]:
        w = t.text
        lw = w.lower()
        if lw in self.months and (w[:1].isupper() or lw.endswith(".")):
            return "month"
        if any(lw.startswith(d) for d in self.weekdays) and w[:1].isupper():
            return "weekday"
        if lw.startswith(tuple(self.weekdays)) and lw.endswith("s"):
            return "weekday"
        if lw in TIME_UNITS:
            prev = t.nbor(-1) if t.i > 0 else None
            if prev is not None and (NUM_RE.match(prev.text) or prev.text.lower() in self.number_words):
                return "figure-time-unit" if in_figure else "number+unit"
            return "unit"
        if lw in SEASONS and w[:1].isupper():
            return "season"
        if lw in ADVERBS or lw in DAY_PARTS:
            return "adverb"
        if HOLIDAY_RE.search(lw) and w[:1].isupper():
            return "holiday"
        if YEAR_RE.match(w) and not in_figure:
            return "year"
        if DECADE_RE.match(w):
            return "decade"
        if ORDINAL_RE.match(w) and t.i + 1 < len(t.doc) and HOLIDAY_RE.search(t.nbor(1).text):
            return "ordinal+jahrestag"
        if w[:1].isupper() and len(lw) > 6 and lw.endswith(TIME_COMPOUND_HEADS) and not NOT_TIME_COMPOUNDS.search(lw):
            return "compound"
        return None

    def signature(self, doc: Any, i: int, in_date: list[bool]) -> str:
        parts = []
        lo, hi = max(0, i - 2), min(len(doc), i + 3)
        for j in range(lo, hi):
            t = doc[j]
            if t.is_space:
                continue
            if j == i:
                parts.append("[" + t.text.lower() + "]")
            elif in_date[j]:
                if not parts or parts[-1] != "<DATE>":
                    parts.append("<DATE>")
            else:
                parts.append(self.shape(t))
        return " ".join(parts)

    def span_shape(self, doc: Any, start: int, end: int) -> str:
        return " ".join(self.shape(t) if self.shape(t) in ("YEAR", "ORD", "NUM", "NUMW", "MONTH", "WD") else t.text.lower()
                        for t in doc[start:end] if not t.is_space)

    def add(self, doc: Any, source: str, examples: int) -> None:
        from pipeline.nlp import doc_to_entities

        self.by_source[source] += 1
        ents = doc_to_entities(doc)
        n = len(doc)
        in_date = [False] * n
        in_figure = [False] * n
        starts = {t.idx: t.i for t in doc}
        ends = {t.idx + len(t.text): t.i for t in doc}
        date_ents = []
        for e in ents:
            if e.label not in ("DATE", "FIGURE"):
                continue
            s, t_end = starts.get(e.start), ends.get(e.end)
            if s is None or t_end is None:
                continue
            for j in range(s, t_end + 1):
                (in_date if e.label == "DATE" else in_figure)[j] = True
            if e.label == "DATE":
                date_ents.append((e, s, t_end + 1))

        def context(a: int, b: int) -> str:
            s0, s1 = max(0, a - 8), min(n, b + 8)
            return (doc[s0:a].text + " [" + doc[a:b].text + "] " + doc[b:s1].text).replace("\n", " ")

        for t in doc:
            if in_date[t.i] or t.is_space:
                continue
            kind = self.trigger_kind(t, in_figure[t.i])
            if kind is None:
                continue
            if kind == "adverb" and t.text.lower() in ("seit", "bis", "ab") and any(in_date[j] for j in range(t.i + 1, min(n, t.i + 4))):
                continue  # the preposition of a DATE: outside by the guidelines
            self.classify("missed", context(t.i, t.i + 1), source, doc._.article_id)
            key = (kind, t.text.lower() if kind not in ("year", "decade", "compound") else kind, self.signature(doc, t.i, in_date))
            self.missed[key] += 1
            if len(self.missed_ex[key]) < examples:
                self.missed_ex[key].append((source, doc._.article_id, context(t.i, t.i + 1)))
        for e, s, t_end in date_ents:
            self.dates[source] += 1
            v = e.value
            dtype = (e.extra or {}).get("type") if hasattr(e, "extra") else None
            if v is None or "X" in str(v):
                self.classify("unresolved", context(s, t_end), source, doc._.article_id)
                key = (dtype or "date", "None" if v is None else "X", self.span_shape(doc, s, t_end))
                self.unresolved[key] += 1
                if len(self.unresolved_ex[key]) < examples:
                    self.unresolved_ex[key].append((source, doc._.article_id, context(s, t_end)))
            self.classify("suspect", context(s, t_end), source, doc._.article_id)
            reason = self.suspect_reason(doc, s, t_end)
            if reason:
                key = (reason, self.span_shape(doc, s, t_end))
                self.suspect[key] += 1
                if len(self.suspect_ex[key]) < examples:
                    self.suspect_ex[key].append((source, doc._.article_id, context(s, t_end)))

    def suspect_reason(self, doc: Any, s: int, e: int) -> Optional[str]:
        """Signals that a DATE may be no DATE by the guidelines: inside or next to a name, before an age word."""
        prev = doc[s - 1] if s > 0 else None
        nxt = doc[e] if e < len(doc) else None
        if any(t.ent_type_ in ("MISC", "ORG", "LOC", "PER") for t in doc[s:e]):
            return "inside a model name"
        if prev is not None and prev.ent_type_ in ("MISC", "ORG") and not prev.is_punct:
            return "after a name (" + prev.ent_type_ + ")"
        if nxt is not None and nxt.text.lower() in ("alt", "alte", "alten", "alter", "altes", "jung"):
            return "before an age word"
        if prev is not None and prev.pos_ in ("PROPN", "NOUN") and e - s == 1 and YEAR_RE.match(doc[s].text) and prev.text[:1].isupper() \
                and prev.text.lower() not in TIME_UNITS and prev.text.lower() not in SEASONS and prev.text.lower() not in self.months:
            return "year after a noun"
        if e - s == 1 and doc[s].text.lower() == "heute":
            return "heute"
        return None


def _md(s: str) -> str:
    return s.replace("|", "\\|")


def report(sw: Sweep, top: int, show_web: bool) -> str:
    def ex(lst: list) -> str:
        shown = [f"{src}:{aid}: …{_md(c)}…" for src, aid, c in lst if show_web or src != "web"]
        return "<br>".join(shown)

    sources = sorted(sw.by_source)
    lines = [f"Documents: {dict(sw.by_source)}; DATE entities: {dict(sw.dates)}", "",
             "## Construction classes (named in CLASSES)", "",
             "| class | section | " + " | ".join(sources) + " | all | example (Wikinews/Bundestag) |",
             "|---|---|" + "---|" * (len(sources) + 2)]
    for name, section, _ in CLASSES:
        counts = [sw.classes[(name, src)] for src in sources]
        lines.append(f"| {_md(name)} | {section} | " + " | ".join(map(str, counts)) + f" | {sum(counts)} | "
                     + "<br>".join(f"{src}:{aid}: …{_md(c)}…" for src, aid, c in sw.class_ex[name][:1]) + " |")
    lines += ["",
             f"## Triggers outside every DATE entity (top {top} constructions)", "",
             "| n | kind | trigger | construction | example |", "|---|---|---|---|---|"]
    for (kind, trig, sig), k in sw.missed.most_common(top):
        lines.append(f"| {k} | {kind} | {_md(trig)} | `{_md(sig)}` | {ex(sw.missed_ex[(kind, trig, sig)])} |")
    by_trigger: Counter = Counter()
    for (kind, trig, _), k in sw.missed.items():
        by_trigger[(kind, trig)] += k
    lines += ["", f"## Triggers outside DATEs by word (top {top})", "", "| n | kind | trigger |", "|---|---|---|"]
    lines += [f"| {k} | {kind} | {_md(trig)} |" for (kind, trig), k in by_trigger.most_common(top)]
    lines += ["", f"## DATE entities without a value or X-filled (top {top})", "", "| n | type | value | shape | example |",
              "|---|---|---|---|---|"]
    for (dtype, v, shp), k in sw.unresolved.most_common(top):
        lines.append(f"| {k} | {dtype} | {v} | `{_md(shp)}` | {ex(sw.unresolved_ex[(dtype, v, shp)])} |")
    lines += ["", f"## DATE entities that may be no DATE (top {top})", "", "| n | signal | shape | example |", "|---|---|---|---|"]
    for (reason, shp), k in sw.suspect.most_common(top):
        lines.append(f"| {k} | {_md(reason)} | `{_md(shp)}` | {ex(sw.suspect_ex[(reason, shp)])} |")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> None:
    from pipeline.nlp import load_nlp

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", default="wikinews,bundestag,web")
    ap.add_argument("--web", type=int, default=150, help="web pages in the sample")
    ap.add_argument("--bundestag", type=int, default=300, help="chunks of 12 paragraphs in the sample")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--show-web", action="store_true", help="print web-page examples too (local only: never commit them)")
    ap.add_argument("--json", type=Path, default=None, help="write the counts (and examples) as JSON")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--model", default=None)
    ap.add_argument("--data", type=Path, default=SHARED_DATA)
    args = ap.parse_args(argv)
    sources = [s.strip() for s in args.sources.split(",") if s.strip()]
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:  # before the model is loaded and the first source annotated
        ap.error(f"--sources {','.join(unknown)}: unknown ({', '.join(SOURCES)})")
    nlp, _ = load_nlp(args.model)
    sw = Sweep()
    for src in sources:
        if src == "wikinews":
            items = wikinews_items(args.data)
        elif src == "bundestag":
            items = bundestag_items(args.data, args.bundestag)
        elif src == "web":
            items = web_items(args.data, args.web)
        else:  # pragma: no cover  (checked above)
            raise AssertionError(src)
        print(f"{src}: {len(items)} documents", file=sys.stderr)
        for doc in annotated_docs(nlp, items, args.cache, f"{src}-{len(items)}"):
            sw.add(doc, src, args.examples)
    print(report(sw, args.top, args.show_web))
    if args.json:
        keep = lambda lst: [x for x in lst if args.show_web or x[0] != "web"]  # noqa: E731
        out = {"documents": dict(sw.by_source), "dates": dict(sw.dates),
               "classes": [{"class": name, "section": sec, "n": {src: sw.classes[(name, src)] for src in sw.by_source}}
                           for name, sec, _ in CLASSES],
               "missed": [{"kind": k[0], "trigger": k[1], "construction": k[2], "n": n, "examples": keep(sw.missed_ex[k])}
                          for k, n in sw.missed.most_common()],
               "unresolved": [{"type": k[0], "value": k[1], "shape": k[2], "n": n, "examples": keep(sw.unresolved_ex[k])}
                              for k, n in sw.unresolved.most_common()],
               "suspect": [{"signal": k[0], "shape": k[1], "n": n, "examples": keep(sw.suspect_ex[k])} for k, n in sw.suspect.most_common()]}
        with atomic_open(args.json) as fh:
            json.dump(out, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
