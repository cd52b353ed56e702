"""Tests for pipeline.clean on the five seed articles and on real samples from ../shared/data/news.

Nothing here compares against a stored output: each test checks a property of the result
(a sentence is intact, a piece of furniture is gone and logged with its kind, the offset map
points at the right raw chars, ...).
"""
from __future__ import annotations

import gzip
import json
import math
import random
import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from pipeline.clean import NORMALISING_KINDS, check_invariants, clean, clean_input
from pipeline.schema import CleanDoc

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
NEWS = ROOT.parent / "shared" / "data" / "news"


def _seed(prefix: str) -> str:
    (path,) = sorted(CORPUS.glob(prefix + "_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[str, CleanDoc]]:
    out = {}
    for p in ("000", "001", "002", "003", "004"):
        raw = _seed(p)
        out[p] = (raw, clean(raw))
    return out


def _jsonl(name: str, n: int, seed: int = 7) -> list[dict]:
    path = NEWS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def _ok(raw: str) -> CleanDoc:
    """clean() + the contract checks every test wants (no fallback, invariants hold)."""
    doc = clean(raw)
    assert not any(w.startswith("clean failed") for w in doc.warnings), doc.warnings
    assert check_invariants(raw, doc) == []
    return doc


def _removed_kinds(doc: CleanDoc, needle: str) -> set[str]:
    """Kinds of the removed pieces that hold (part of) `needle`."""
    return {r.kind for r in doc.removed if needle in r.text or (len(r.text) > 3 and r.text in needle)}


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


# --------------------------------------------------------------------------- seeds: contract


@pytest.mark.parametrize("p", ["000", "001", "002", "003", "004"])
def test_seed_invariants(seeds, p):
    raw, doc = seeds[p]
    assert not any(w.startswith("clean failed") for w in doc.warnings), doc.warnings
    assert check_invariants(raw, doc) == []
    assert len(doc.offsets) == len(doc.text) + 1


@pytest.mark.parametrize("p", ["000", "001", "002", "003", "004"])
def test_seed_offsets_point_at_raw_chars(seeds, p):
    """Each clean word maps back onto a raw span that, minus the logged removals and
    whitespace, spells the word ("Russ-\nlands" -> "Russlands")."""
    raw, doc = seeds[p]
    cut = bytearray(len(raw))
    for r in doc.removed:
        if r.kind not in NORMALISING_KINDS:
            cut[r.start:r.end] = b"\x01" * (r.end - r.start)
    checked = 0
    for m in re.finditer(r"[^\W\d_]{4,}", doc.text):
        offs = doc.offsets[m.start():m.end()]
        if offs != sorted(offs):
            continue  # a word joined across reordered columns
        rs, re_ = doc.raw_span(m.start(), m.end())
        piece = "".join(raw[k] for k in range(rs, re_) if not cut[k] and not raw[k].isspace())
        assert piece == m.group(0), (m.group(0), raw[rs:re_])
        checked += 1
    assert checked > 100


def test_no_blank_mess(seeds):
    for p, (raw, doc) in seeds.items():
        assert doc.text == doc.text.strip()
        assert "  " not in doc.text
        assert "\n\n\n" not in doc.text
        assert not re.search(r"(?<!\n)\n(?!\n)", doc.text), p  # only paragraph breaks


# --------------------------------------------------------------------------- 000: print magazine


def test_000_sentences_intact(seeds):
    _, doc = seeds["000"]
    t = doc.text
    for s in [
        "So überraschend die Proteste in Kasachstan begonnen haben",
        "Russlands Gegenstück zur Nato",
        "als es zu regelrechten Pogromen kam",
        "die multilaterale Verpackung für Moskaus Beistand",
        "Genauer gesagt: Er rief das russisch geführte, regionale Militärbündnis OVKS.",
        "auf Belarus oder Tadschikistan, sondern einzig auf Russland",
        "zweitlängste Landgrenze der Welt",
        "Öl- und Gasvorkommen",
    ]:
        assert s in t, s
    # the article starts where the drop cap is
    assert t.startswith("So überraschend")
    assert any("reordered" in w for w in doc.warnings)


def test_000_real_hyphens_kept(seeds):
    _, doc = seeds["000"]
    for w in ["Nur-Sultan", "Ex-Präsident", "Clan-Kampf", "Kassym-Schomart"]:
        assert w in doc.text, w
    # no line-end hyphenation left over
    for bad in ["Russ-lands", "prak-tisch", "Russ- lands", "re- gionale", "Pogro men", "S o "]:
        assert bad not in doc.text, bad


def test_000_hyphenation_logged(seeds):
    raw, doc = seeds["000"]
    hy = [r for r in doc.removed if r.kind == "hyphenation"]
    # every line-end hyphen before a lowercase continuation is a hyphenation in this text
    expected = len(re.findall(r"[a-zäöüß]-\n[a-zäöüß]", raw))
    assert expected > 20
    assert len(hy) >= expected - 1
    assert all(r.text.startswith("-") for r in hy)


def test_000_furniture_removed(seeds):
    raw, doc = seeds["000"]
    t = doc.text
    cases = {
        "DER SPIEGEL 99": "running_header",
        "AUSLAND": "running_header",
        "2022-02SPAllAusland477352202": "print_slug",
        "Am Ende\nkommt es auf\nMoskau an.": "pull_quote",
        "Hilfe mit Hintersinn": "headline",
        "ANALYSE": "kicker",
        "Russland schickt Soldaten nach Kasachstan": "teaser",
        "Brennendes\nRathaus in Almaty": "caption",
        "Valery Sharifulin / ITAR-TASS / IMAGO": "credit",
        "Christian Esch": "byline",
    }
    for needle, kind in cases.items():
        assert _squash(needle) not in t, needle
        assert kind in _removed_kinds(doc, needle), (needle, _removed_kinds(doc, needle))
    assert "IMAGO" not in t and "22:07:26" not in t and "Rathaus in Almaty" not in t
    # the print slug occurs twice, both gone
    assert t.count("Kasachstan-099099") == 0


def test_000_meta(seeds):
    _, doc = seeds["000"]
    m = doc.meta
    assert m.published == "2022-01-08"
    assert m.outlet == "DER SPIEGEL"
    assert m.section == "AUSLAND"
    assert m.title == "Hilfe mit Hintersinn"
    assert m.authors == ["Christian Esch"]


# --------------------------------------------------------------------------- 001: archive


def test_001(seeds):
    raw, doc = seeds["001"]
    t = doc.text
    assert "Dieser Beitrag ist ursprünglich" not in t and "Alle Rechte vorbehalten" not in t
    assert "boilerplate" in _removed_kinds(doc, "Alle Rechte vorbehalten")
    assert doc.meta.published == "2022-01-06"
    assert doc.meta.outlet == "Frankfurter Allgemeine Zeitung"
    assert doc.meta.title == "Kasachstan bittet um militärische Hilfe"
    assert t.startswith("Kasachstan bittet um militärische Hilfe\n\n")
    # paragraphs and subheadings stay paragraphs
    assert "\n\nDas ODKB soll Bedrohungen von außen abwenden\n\n" in t
    assert t.count("\n\n") == raw.strip().count("\n") - 1  # one paragraph per raw line, footer gone


# --------------------------------------------------------------------------- 002: web / markdown


def test_002(seeds):
    raw, doc = seeds["002"]
    t = doc.text
    assert doc.meta.published == "2022-03-28"
    assert doc.meta.authors == ["Philip Volkmann-Schluck"]
    assert doc.meta.title == "Wie Putin seinen Sowjet-Traum zerstört"
    assert doc.meta.outlet == "WELT"
    for needle, kind in {
        "Stand: 28.03.2022 | Lesedauer: 6 Minuten": "dateline",
        "Philip Volkmann-Schluck": "byline",
        "Redakteur Außenpolitik": "byline",
        "Montage: Infografik WELT": "credit",
        "ePaper": "boilerplate",
        "Kurz-Link": "boilerplate",
    }.items():
        assert needle not in t, needle
        assert kind in _removed_kinds(doc, needle), needle
    assert "](" not in t and "http" not in t and "[" not in t and "**" not in t
    # link text belongs to the sentence
    assert "dass der Präsident von Kasachstan den Kreml gebeten hat" in t
    assert "schaute die Weltöffentlichkeit auf Kasachstan. Moskau" in t
    # the paragraph broken mid-sentence is joined
    assert "Experten befürchteten im Januar" in t
    assert "markdown_link" in {r.kind for r in doc.removed}


# --------------------------------------------------------------------------- 003/004: broadcaster


def test_003(seeds):
    _, doc = seeds["003"]
    t = doc.text
    assert doc.meta.published == "2022-01-06"
    assert doc.meta.authors == ["Silvia Stöber"]
    assert doc.meta.outlet == "tagesschau.de"
    assert doc.meta.title and "Sicherheitsbündnis für den Osten?" in doc.meta.title
    assert "date 2022-01" not in t and "Stand:" not in t and "Von Silvia Stöber" not in t
    assert "dateline" in _removed_kinds(doc, "Stand: 06.01.2022 12:33 Uhr")
    assert "byline" in _removed_kinds(doc, "Von Silvia Stöber, tagesschau.de")
    # subheadings stay as their own paragraphs
    for sub in ["Beistand nach Interessenlage", "Günstige Waffen aus Russland", "Was hat Putin vor?"]:
        assert f"\n\n{sub}\n\n" in t, sub
    assert t.startswith("Ein Sicherheitsbündnis für den Osten?\n\n")


@pytest.mark.parametrize("byline, outlet", [
    ("Von Silvia Stöber, Moskau", None),
    ("Von Silvia Stöber, Kiew", None),
    ("Von unserer Korrespondentin Silvia Stöber, Washington", None),
    ("Von Silvia Stöber, Rio de Janeiro", None),
    ("Von Silvia Stöber, tagesschau.de", "tagesschau.de"),
    ("Von Silvia Stöber, FAZ", "Frankfurter Allgemeine Zeitung"),
    ("Von Silvia Stöber, Süddeutsche Zeitung", "Süddeutsche Zeitung"),
    ("Von Silvia Stöber, Welt", "WELT"),  # a known outlet, though CLDR's name of the world too
    ("Von Silvia Stöber, ARD-Studio Moskau", "ARD-Studio Moskau"),
])
def test_003_byline_place_is_no_outlet(byline, outlet):
    """The seed 003's byline with its tail a correspondent's place (a city or country of
    lang/de/place_names.tsv.gz: GeoNames, CLDR) is still a byline, but the place is no outlet
    ("Von Friedrich Schmidt, Moskau" gave outlet "Moskau"); a known outlet stays one."""
    raw = _seed("003").replace("Von Silvia Stöber, tagesschau.de", byline)
    doc = clean(raw)
    assert doc.meta.authors == ["Silvia Stöber"]
    assert doc.meta.outlet == outlet
    assert "byline" in _removed_kinds(doc, byline)
    assert byline not in doc.text


@pytest.mark.parametrize("credit, outlet", [
    ("Bild: Screenshot Youtube-Video Generation Islam", None),  # reitschuster.de's photo credit
    ("Bild: picture alliance/dpa", None),
    ("Foto: BILD / Hans Müller", "BILD"),  # the outlet BILD named in a credit
    ("Bild: BILD/Hans Müller", "BILD"),
])
def test_003_credit_label_bild_is_no_outlet(credit, outlet):
    """A photo credit's label "Bild:" is no outlet: the credits pass took every outlet alias in
    a credit line, and "Bild" is one of BILD's, so "Bild: Screenshot ..." set the outlet BILD
    (reitschuster.de); BILD named after the label still is the outlet."""
    raw = _seed("003").replace("Von Silvia Stöber, tagesschau.de", "Von Silvia Stöber\n\n" + credit)
    doc = clean(raw)
    assert doc.meta.outlet == outlet
    assert "credit" in _removed_kinds(doc, credit)


@pytest.mark.parametrize("byline, place", [
    ("Von Silvia Stöber, Moskau", "Moskau"),
    ("Von unserer Korrespondentin Silvia Stöber, Washington", "Washington"),
    ("Von Silvia Stöber, Rio de Janeiro", "Rio de Janeiro"),
    ("Von Silvia Stöber, Hollywood", "Hollywood"),  # a town under 50,000 outside DE/AT/CH
    ("Von Silvia Stöber, Vorarlberg", "Vorarlberg"),  # a Bundesland (lang/de/regions.tsv), no outlet
    ("Von Silvia Stöber, Kalifornien", "Kalifornien"),  # a US state, a UK nation (regions.tsv): were
    ("Von Silvia Stöber, Schottland", "Schottland"),  # the outlet before
    ("Von Silvia Stöber, tagesschau.de", None),
    ("Von Silvia Stöber, Welt", None),  # the outlet WELT, no place
    ("Von Silvia Stöber, ARD-Studio Moskau", None),
])
def test_003_byline_place_is_meta_place(byline, place):
    """The place after a byline's authors is the correspondent's place: meta.place (it was
    dropped); an outlet tail gives none, and the record carries `place` only where there is one."""
    from pipeline.record import merge_meta

    doc = clean(_seed("003").replace("Von Silvia Stöber, tagesschau.de", byline))
    assert doc.meta.place == place
    assert doc.text == clean(_seed("003")).text
    meta = merge_meta(doc, {})
    assert meta.get("place") == place and ("place" in meta) == (place is not None)


@pytest.mark.parametrize("name, key, value, field, place, dateline", [
    # news datelines with an agency: the slot before "(dpa)" is the place
    ("web_pages_de.jsonl.gz", "file", "tests/eval/d90b19386e2b48559082547016cbe5ec.html", "markdown_extract",
     "Hamburg", "Hamburg (dpa/lno) – Trotz"),
    ("web_pages_de.jsonl.gz", "file", "tests/eval/islamische-zeitung.de-Bundespräsident.html", "markdown_extract",
     "Wiesbaden", "Wiesbaden (KNA/iz). Bundespräsident"),
    ("web_pages_de.jsonl.gz", "file", "tests/eval/tour-magazin.de-unfall.html", "markdown_extract",
     "Bogotá", "Bogotá (dpa) - Gebrochene"),
    ("hipe_ocr_de.jsonl.gz", "id", "luxwort-1948-09-29-a-i0041", "text", "Paris", "Paris, 29. Sept. (AP). Die"),
    # without an agency: a listed place before a dash ("LINZ –" in capitals), or derStandard's
    # "Wien – " after the teaser sentence on the same line
    ("web_pages_de.jsonl.gz", "file", "tests/eval/dietagespresse.com-halloween.html", "markdown_extract",
     "Linz", "LINZ – „Süßes"),
    ("10kgnad_test.jsonl.gz", "id", "gnad0", "text", "Wien", "beschränkt gehört. Wien – Die Gewerkschaft"),
    # a sentence that starts with a place after the dateline, no match of two teams
    ("10kgnad_test.jsonl.gz", "id", "gnad575", "text", "Wien", "Klimaanlagen. Wien – Österreich steht ein"),
    ("10kgnad_test.jsonl.gz", "id", "gnad888", "text", "Sydney", "Rarität. Sydney - Weil viele"),
    # a club whose name starts with a place (since session 25 "Bayern" is one): the match test
    # runs on the whole name, "Bayern München", with a sentence after it
    ("10kgnad_test.jsonl.gz", "id", "gnad86", "text", "Wien", "Berlin. Wien – Bayern München hat"),
    # a sentence that opens with a number after the dateline, no score; an apposition after a
    # place that opens the sentence ("Wien Energie, größter ...")
    ("10kgnad_test.jsonl.gz", "id", "gnad342", "text", "Wien", "Neujahrskonzert. Wien – 2016 beginnt mit"),
    ("10kgnad_test.jsonl.gz", "id", "gnad746", "text", "Krumpendorf", "Krumpendorf – 42 syrische Asylwerber"),
    ("10kgnad_test.jsonl.gz", "id", "gnad552", "text", "St. Georgen im Attergau",
     "St. Georgen im Attergau – 26 Minuten nach"),
    ("hipe_ocr_de.jsonl.gz", "id", "luxwort-1938-09-03-a-i0024", "text", "Wien", "Wien. 2. Sept. In der"),
    ("10kgnad_test.jsonl.gz", "id", "gnad625", "text", "Wien", "Wien – Wien Energie, größter"),
    # a club's name with a saint's "St." in it after the dateline: "Paris St. Germain will ..."
    ("10kgnad_test.jsonl.gz", "id", "gnad352", "text", "Paris/Lissabon", "Paris/Lissabon – Paris St. Germain will"),
    # the place's region in parentheses
    ("10kgnad_test.jsonl.gz", "id", "gnad601", "text", "Salt Lake City", "Salt Lake City (Utah) – Die Golden"),
    # several places, one of them listed, the others shaped like names
    ("10kgnad_test.jsonl.gz", "id", "gnad87", "text", "Jerusalem/Ramallah", "Jerusalem/Ramallah – Israels"),
    ("10kgnad_test.jsonl.gz", "id", "gnad623", "text", "Wien/St. Pölten", "Wien/St. Pölten – Innenministerin"),
    # places whose gazetteer name belongs to a small Alpine village (Bozen: a Swiss hamlet of
    # 606, not Bolzano) or that are villages themselves: place_names.tsv.gz lacked them
    ("10kgnad_test.jsonl.gz", "id", "gnad600", "text", "Bozen", "Bozen – Im Prozess"),
    ("10kgnad_test.jsonl.gz", "id", "gnad497", "text", "Semmering", "Semmering – Die Aufräumarbeiten"),
    ("10kgnad_test.jsonl.gz", "id", "gnad735", "text", "Irdning", "Irdning – Jene Elfjährige"),
    ("10kgnad_test.jsonl.gz", "id", "gnad532", "text", "Spielfeld", "Spielfeld – Schöner kann"),
    ("10kgnad_test.jsonl.gz", "id", "gnad507", "text", "Birgitz/Mittelberg", "Birgitz/Mittelberg – Zwei Frauen"),
    # towns outside DE/AT/CH under 50,000 (GeoNames' world cities of 15,000 and more): the list
    # lacked them ("Hollywood" is a town of 24,896 in the gazetteer, the district of Los Angeles
    # holds the name only as an alternate)
    ("10kgnad_test.jsonl.gz", "id", "gnad327", "text", "Hollywood", "Hollywood – Alejandro"),
    ("10kgnad_test.jsonl.gz", "id", "gnad670", "text", "Lillehammer", "Lillehammer – Weltmeister"),
    ("10kgnad_test.jsonl.gz", "id", "gnad55", "text", "Princeton", "Princeton – Weißbüschelaffen"),
    # no dateline: a wrapped line inside a paragraph ("... von Madrid nach" / "Stockholm. Die Fahrt"),
    # a match result ("Deutschland - Serbien: 0:1")
    ("web_pages_de.jsonl.gz", "file", "tests/cache/zeit.de.zugverkehr.html", "markdown_extract",
     None, "Stockholm. Die Fahrt"),
    ("wikinews_de.jsonl.gz", "id", "wn63081", "text", None, "Deutschland - Serbien: 0:1"),
])
def test_dateline_place_is_meta_place(name, key, value, field, place, dateline):
    """A news dateline's place (the article's place) is meta.place; the dateline stays in the
    text, which the place changes in nothing (the cleaner had no place at all before)."""
    from repo_data import news_row

    raw = news_row(name, key, value)[field]
    doc = clean(raw)
    assert doc.meta.place == place
    assert dateline in " ".join(doc.text.split())


@pytest.mark.parametrize("after, place", [
    ("Bayern München hat im fünften", "Wien"),  # the text as it is: a club, then a sentence
    ("Salzburg hat im fünften", "Wien"),  # a place, then a sentence
    ("Salzburg 2:1 (1:0) nach Verlängerung. Im fünften", None),  # two places and a score: a match
    ("Bayern München 2:1 (1:0) nach Verlängerung. Im fünften", None),  # the club's match with a score
    ("Bayern München: 2:1 nach Verlängerung. Im fünften", None),
    ("2:1 (1:0) für Bayern München nach Verlängerung. Im fünften", None),  # a score after the dash
    ("5 Siege in 5 Spielen für Bayern München. Im fünften", "Wien"),  # a number, no score
    ("St. Pölten 2:1 (1:0) nach Verlängerung. Im fünften", None),  # a place with "St.", a score
    ("St. Pölten hat im fünften", "Wien"),
])
def test_dateline_match_test_on_the_whole_name(after, place):
    """gnad86 "Wien – Bayern München hat ..." lost its meta.place "Wien" when "Bayern" became a
    place: the match test looked at the first word after the dash only, and "München" after it is
    no sentence; the name after the dash is the whole capitalised run, and a match line with a
    score stays a match."""
    from repo_data import news_row

    raw = news_row("10kgnad_test.jsonl.gz", "id", "gnad86")["text"]
    assert "Wien – Bayern München hat im fünften" in raw
    doc = clean(raw.replace("Bayern München hat im fünften", after, 1))
    assert doc.meta.place == place


@pytest.mark.parametrize("signature, published", [
    ("(APA, 30.9.3015)", None),  # the typo of gnad413: no year 3015
    ("(APA, 31.9.2015)", None),  # a day September does not have
    ("(APA, 30.9.2015)", "2015-09-30"),
])
def test_signature_date_that_is_no_day_is_no_publication_date(signature, published):
    """10kGNAD gnad413 closes "(APA, 30.9.3015)": meta.published was 3015-09-30, and a German
    spelling of a day that does not exist ("31.9.2015") was kept as 2015-09-31, where the ISO
    spelling "2015-09-31" is no date (iso_date); a record's "published" in German spelling the same."""
    from pipeline.clean.meta import iso_date
    from repo_data import news_row

    raw = news_row("10kgnad_test.jsonl.gz", "id", "gnad413")["text"]
    assert raw.endswith("(APA, 30.9.3015)")
    doc = clean(raw[: -len("(APA, 30.9.3015)")] + signature)
    assert doc.meta.published == published
    assert signature not in doc.text
    assert iso_date(signature[len("(APA, "):-1]) == published


@pytest.mark.parametrize("head, published", [
    ("Aktualisiert am 19.02.2020\n\nVeröffentlicht am 12.02.2020", "2020-02-12"),
    ("Veröffentlicht am 12.02.2020\n\nAktualisiert am 19.02.2020", "2020-02-12"),
    # the labels of a tagesanzeiger.ch page (shared html/pages), the update first
    ("Aktualisiert: 11.04.2020, 10:27\n\nPubliziert: 03.04.2020, 12:35", "2020-04-03"),
    ("Stand: 19.02.2020 10:00 Uhr\n\nErschienen am 12.02.2020", "2020-02-12"),
    ("Aktualisiert am 19.02.2020", "2020-02-19"),  # an update's date alone is still the best there is
])
def test_update_label_ranks_below_publication_label(head, published):
    """A date after an update label ("Aktualisiert", "Stand:") ranks below one after a
    publication label ("Veröffentlicht", "Publiziert", "Erschienen"), whichever line comes
    first: "Aktualisiert am 22.08.2005" above "Veröffentlicht am 20.08.2005" gave the update's
    day (the first of equal priority won). The labels are cleaning.json `date_labels`."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/bloghaus.hypotheses.org.2320.html")["markdown_extract"]
    assert raw.startswith("*Aktualisiert am 19.02.2020*\n\nUm Sichtbarkeit")
    doc = clean(head + raw[len("*Aktualisiert am 19.02.2020*"):])
    assert doc.meta.published == published
    assert doc.text.startswith("Um Sichtbarkeit und Leserschaft")


@pytest.mark.parametrize("head, published", [
    # "Geändert:" is an update label, "Erstellt:" / "Erstellt am" a publication label
    ("Geändert: 19.02.2020\n\nErstellt: 12.02.2020", "2020-02-12"),
    ("Update: 19.02.2020 10:00 Uhr\n\nErstellt am 12.02.2020", "2020-02-12"),
    ("Erstellt am 12.02.2020\n\nGeändert: 19.02.2020", "2020-02-12"),
    # the publication and the update on one line: "Stand:" was cut off it and its day taken
    ("Erstellt am 12.02.2020 | Stand: 19.02.2020", "2020-02-12"),
    ("Veröffentlicht: 12.02.2020 | Geändert: 19.02.2020", "2020-02-12"),
    ("Publiziert: 03.04.2020, 12:35 Aktualisiert: 11.04.2020, 10:27", "2020-04-03"),
])
def test_more_date_labels_rank_and_go(head, published):
    """Labels of the date lines of German web pages besides "Veröffentlicht" / "Aktualisiert":
    the line goes (it stayed in the text: "Erstellt: 12.02.2020"), and the update's date is not
    taken for the publication ("Stand: 19.02.2020" above "Erstellt am 12.02.2020" gave 02-19)."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/bloghaus.hypotheses.org.2320.html")["markdown_extract"]
    doc = clean(head + raw[len("*Aktualisiert am 19.02.2020*"):])
    assert doc.meta.published == published
    assert doc.text.startswith("Um Sichtbarkeit und Leserschaft"), doc.text[:80]


def test_stand_inside_a_sentence_is_no_dateline():
    """"Stand:" closing a clause ("..., Stand: 06.01.2022") is part of the sentence, not the
    page's date line: it stays in the text and gives no publication date (the head's "Stand:"
    pattern cut it off the sentence and took its day for the article's)."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/bloghaus.hypotheses.org.2320.html")["markdown_extract"]
    sentence = "Die Zahl der Neuinfektionen lag nach Angaben des Landesamts bei 1234, Stand: 06.01.2022"
    doc = clean(sentence + raw[len("*Aktualisiert am 19.02.2020*"):])
    assert doc.text.startswith(sentence + "\n"), doc.text[:120]
    assert doc.meta.published is None
    # the date line of the seed 003, after its headline on the same line, still goes
    raw3 = _seed("003")
    assert "Stand:" not in clean(raw3).text


@pytest.mark.parametrize("file, line, published, title", [
    ("tests/eval/bloghaus.hypotheses.org.2320.html", "*Aktualisiert am 19.02.2020*", "2020-02-19", None),
    ("tests/eval/gnadlib.wordpress.com.scherenschnitt.html", "**Veröffentlicht:**05.01.2020", "2020-01-05",
     "Scherenschnitt (3)"),
    ("tests/eval/bundespolizei.de-Belarus.html", "*10.11.2021*", "2021-11-10",
     "Illegale Migration aus Belarus über Polen nach Deutschland: Bereits 9.087 Feststellungen durch die "
     "Bundespolizei im laufenden Jahr"),
])
def test_date_line_in_markdown_emphasis_is_the_publication_date(file, line, published, title):
    """A web page's date line under the headline set in markdown emphasis ("*10.11.2021*",
    "**Veröffentlicht:**05.01.2020") is a date line as without the marks: meta.published, cut
    from the text. It stayed in the text with no date, and bloghaus's "*Aktualisiert am
    19.02.2020*", its first line, was meta.title."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", file)["markdown_extract"]
    assert line in raw.split("\n")[:5]
    doc = clean(raw)
    assert doc.meta.published == published
    assert doc.meta.title == title
    assert line not in doc.text and line.strip("*") not in doc.text


def test_date_labels_are_validated(tmp_path, monkeypatch):
    """cleaning.json `date_labels` holds exactly the lists 'publication' and 'update': another
    shape is the one-line language-data error naming the file."""
    import pipeline.clean.data as cdata
    from pipeline.errors import LanguageDataError
    from pipeline.paths import LANG_DIR

    for p in LANG_DIR.glob("cleaning*.json"):
        d = json.loads(p.read_text(encoding="utf-8"))
        if p.name == "cleaning.json":
            d["date_labels"] = {"publication": ["Veröffentlicht"], "updates": ["Aktualisiert"]}
        (tmp_path / p.name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(cdata, "DATA_DIR", tmp_path)
    with pytest.raises(LanguageDataError) as e:
        cdata._Data()
    msg = str(e.value)
    assert "\n" not in msg and "cleaning.json" in msg and "date_labels" in msg


@pytest.mark.parametrize("name, rid, line", [
    # a chronicle at the end of a Wikinews article: "Kleine Chronik der Gaza-Krise 1. Tag:  (27.12.2008)"
    # ... "8. Tag:  (03.01.2009)" (the article is of 2009-01-03)
    ("wikinews_de.jsonl.gz", "wn55038", "8. Tag: (03.01.2009)"),
    # a sentence at the top of an OCR page: "vom 7. Mai 1898. Der Große Stadtrat wird auf den"
    ("hipe_ocr_de.jsonl.gz", "NZZ-1898-05-10-b-p0002", "vom 7. Mai 1898. Der Große Stadtrat"),
])
def test_date_of_a_body_line_at_the_text_edge_is_no_publication_date(name, rid, line):
    """A line at the top or foot of the text with a date in it gave meta.published though the
    line is no running header and stays in the text (wn55038 was dated 2008-12-27, the first
    day of its chronicle): only a line read as a header dates the article."""
    from repo_data import news_row

    doc = clean(news_row(name, "id", rid)["text"])
    assert line in " ".join(doc.text.split())
    assert doc.meta.published is None


def test_dateline_with_a_region_in_parentheses_web_page():
    """tag24.de's "Rostow (Russland) - Bei einem Brand ..." under the headline gave no meta.place:
    the region in parentheses after the place was read as part of the place's name."""
    from pipeline.ingest import read_path
    from repo_data import NEWS

    page = NEWS / "html" / "pages" / "trafilatura--tag24.de-d76bb5cd.html"
    if not page.exists():
        pytest.skip(f"{page} not available")
    (raw,) = read_path(page, page.parent)
    doc = clean_input(raw.text, raw.meta)
    assert doc.meta.place == "Rostow"
    assert "Rostow (Russland) - Bei einem Brand" in doc.text


@pytest.mark.parametrize("byline, authors, outlet", [
    ("Von Peter Disch, Dirk Sattelberger", ["Peter Disch", "Dirk Sattelberger"], None),  # badische-zeitung.de
    ("Von Peter Disch, Dirk Sattelberger, Freiburg", ["Peter Disch", "Dirk Sattelberger"], None),
    ("Von Peter Disch, Dirk Sattelberger, Eva Schulz", ["Peter Disch", "Dirk Sattelberger", "Eva Schulz"], None),
    ("Von A. Lehmann, M. Muster", ["A. Lehmann", "M. Muster"], None),
    ("Von Anna Lehmann, Max Muster und Eva Schulz", ["Anna Lehmann", "Max Muster", "Eva Schulz"], None),
    # a tail whose first word is no first name stays the outlet
    ("Von Peter Disch, Badische Zeitung", ["Peter Disch"], "Badische Zeitung"),
    ("Von Peter Disch, Dirk Sattelberger, Badische Zeitung", ["Peter Disch", "Dirk Sattelberger"], "Badische Zeitung"),
    # a compound ending in a role word is the author's role, no outlet
    ("Von Silvia Stöber, Wirtschaftskorrespondentin", ["Silvia Stöber"], None),
    ("Von Silvia Stöber, Nahost-Korrespondentin", ["Silvia Stöber"], None),
])
def test_003_byline_second_author_without_und_is_no_outlet(byline, authors, outlet):
    """The seed 003's byline with two authors and no "und" ("Von Peter Disch, Dirk Sattelberger"
    gave authors ["Peter Disch"] and outlet "Dirk Sattelberger"): a tail that is a person's name
    (a first name of lang/de/person_names.tsv, or an initial) is an author."""
    raw = _seed("003").replace("Von Silvia Stöber, tagesschau.de", byline)
    doc = clean(raw)
    assert doc.meta.authors == authors
    assert doc.meta.outlet == outlet
    assert "byline" in _removed_kinds(doc, byline)
    assert byline not in doc.text


def test_003_role_compound_after_the_byline_is_removed():
    """A role compound ("Wirtschaftskorrespondentin") on the line after the byline is part of it;
    only the plain role words were known."""
    role = "Wirtschaftskorrespondentin in Moskau."
    raw = _seed("003").replace("Von Silvia Stöber, tagesschau.de", "Von Silvia Stöber\n" + role)
    doc = clean(raw)
    assert doc.meta.authors == ["Silvia Stöber"]
    assert role not in doc.text
    assert "byline" in _removed_kinds(doc, role)


def test_004(seeds):
    _, doc = seeds["004"]
    t = doc.text
    assert t.startswith("Lange schien die Verbundenheit")
    assert doc.meta.published == "2022-09"  # only the export marker carries a date
    assert "date_marker" in _removed_kinds(doc, "date 2022-09")
    assert "\n\nAffront gegen Putin\n\n" in t
    assert "Staatsbürgerinnen und -bürger" in t


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("raw", ["", " ", "\n\n\n", "\t \r\n \u00a0", "\ufeff", "x", "-", "\x0c"])
def test_degenerate_inputs(raw):
    doc = _ok(raw)
    assert check_invariants(raw, doc) == []
    assert doc.text == doc.text.strip()


def test_unicode_normalisation():
    raw = "\ufeffDie Of\ufb01ziere trafen sich am Bahn\u00adhof.\r\nDer Zug kam um 10\u00a0Uhr – »pünktlich«, sagte „er“.\r\n"
    doc = _ok(raw)
    assert check_invariants(raw, doc) == []
    assert "Offiziere" in doc.text and "Bahnhof" in doc.text
    assert "10 Uhr" in doc.text and "»pünktlich«" in doc.text and "„er“" in doc.text
    assert "\r" not in doc.text and "\ufeff" not in doc.text and "\u00ad" not in doc.text
    kinds = {r.kind for r in doc.removed}
    assert {"bom", "ligature", "soft_hyphen"} <= kinds


def test_mojibake_repaired_with_offsets():
    good = "Die Straße nach Köln war gesperrt. „Das ist übel“, sagte sie – zu Recht."
    raw = good.encode("utf-8").decode("cp1252", errors="replace")
    assert raw != good
    doc = _ok(raw)
    assert doc.text == good
    assert check_invariants(raw, doc) == []
    moji = [r for r in doc.removed if r.kind == "mojibake"]
    assert moji and all(r.kind in NORMALISING_KINDS for r in moji)
    # "ß" maps onto the start of its mojibake "ÃŸ"
    i = doc.text.index("ß")
    assert raw[doc.offsets[i]] == "Ã"


def test_decomposed_umlauts_composed():
    raw = "Mu\u0308nchen und Ko\u0308ln."
    doc = _ok(raw)
    assert doc.text == "München und Köln."
    assert check_invariants(raw, doc) == []


def test_soft_hyphen_at_line_end_joins():
    raw = "\n".join(["Die Regierung hat die Verhand\u00ad", "lungen abgebrochen und will"] * 4) + "."
    doc = _ok(raw)
    assert "Verhandlungen" in doc.text and "\u00ad" not in doc.text
    assert check_invariants(raw, doc) == []


@pytest.mark.slow
def test_huge_input_keeps_the_contract():
    """1 MB of real OCR newspaper text (wrapped lines, hyphenation): cleaned, nothing lost.
    (Its speed is measured in bench/bench_clean.py, not here.)"""
    rows = _jsonl("hipe_ocr_de.jsonl.gz", 400)
    parts, size = [], 0
    for r in rows:
        parts.append(r["text"])
        size += len(r["text"])
        if size > 1_000_000:
            break
    big = "\n\n".join(parts)
    assert len(big) >= 1_000_000
    doc = clean(big)
    assert not any(w.startswith("clean failed") for w in doc.warnings)
    assert check_invariants(big, doc) == []
    assert len(doc.text) > 0.9 * len(big)


def test_repeated_seed_still_clean():
    """A document that repeats itself must not turn its own lines into 'running headers'."""
    raw = "\n".join([_seed("000")] * 3)
    doc = _ok(raw)
    assert check_invariants(raw, doc) == []
    assert doc.text.count("Russlands Gegenstück zur Nato") == 3


def test_long_single_line_is_kept_whole():
    raw = ("Das ist ein Satz mit einigen Wörtern, der sich immer wiederholt. " * 16000).strip()
    doc = _ok(raw)
    assert doc.text == raw


def test_clean_text_is_stable():
    """Clean input stays as it is (no hyphen, join or split decisions on plain paragraphs)."""
    rows = _jsonl("wikinews_de.jsonl.gz", 40)
    for r in rows:
        raw = r["text"].strip()
        doc = _ok(raw)
        assert _squash(doc.text).split() == _squash(raw).split() or doc.removed, r["id"]


# --------------------------------------------------------------------------- real samples


def test_hipe_ocr_samples():
    rows = _jsonl("hipe_ocr_de.jsonl.gz", 40)
    joined = total = 0
    for r in rows:
        raw = r["text"]
        doc = _ok(raw)
        assert check_invariants(raw, doc) == [], r["id"]
        for m in re.finditer(r"([^\W\d_]+)¬\n([a-zäöüß]+)", raw):
            total += 1
            joined += (m.group(1) + m.group(2)) in doc.text
        assert not re.search(r"¬\s+[a-zäöüß]", doc.text), r["id"]
    assert total > 100
    assert joined / total >= 0.97, (joined, total)


def test_web_pages_samples():
    rows = _jsonl("web_pages_de.jsonl.gz", 60)
    cookie_pages = 0
    for r in rows:
        for field in ("raw_page_text", "markdown_extract"):
            raw = r[field] or ""
            doc = _ok(raw)
            assert check_invariants(raw, doc) == [], (r["file"], field)
            if field == "markdown_extract":
                assert "](http" not in doc.text, r["file"]
        raw = r["raw_page_text"] or ""
        if re.search(r"Wir (?:verwenden|nutzen) Cookies", raw):
            cookie_pages += 1
            assert not re.search(r"Wir (?:verwenden|nutzen) Cookies", clean(raw).text), r["file"]
    assert cookie_pages >= 1


def test_news_samples_invariants():
    """Already clean article text keeps its words (no false furniture, joins or splits)."""
    word = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
    for name in ("10kgnad_test.jsonl.gz", "wikinews_de.jsonl.gz"):
        overlap = total = 0
        for r in _jsonl(name, 60):
            doc = _ok(r["text"])
            src = Counter(word.findall(r["text"]))
            out = Counter(word.findall(doc.text))
            assert not (out - src), r["id"]  # nothing invented
            overlap += sum((src & out).values())
            total += sum(src.values())
        assert overlap / total >= 0.995, (name, overlap / total)


def test_web_page_navigation_and_cookies_removed():
    rows = _jsonl("web_pages_de.jsonl.gz", 667)
    nav_removed = 0
    for r in rows:
        raw = r["raw_page_text"] or ""
        if not raw.startswith(("Direkt zum Inhalt", "Zum Inhalt")):
            continue
        doc = _ok(raw)
        assert not doc.text.startswith(("Direkt zum Inhalt", "Zum Inhalt")), r["file"]
        nav_removed += any(x.kind == "navigation" for x in doc.removed)
    assert nav_removed >= 3


@pytest.mark.parametrize("file, first, kind", [
    # a heading "KOMMENTARE.." and the comment policy two lines below it
    ("tests/eval/laola1.at-barisic.html", "[Zum Seitenanfang*»*](#) KOMMENTARE..", "comments"),
    # a comment count, the login widget
    ("tests/eval/holzwerken.net-Kreissaege.html", "### 3 Kommentare", "comments"),
    ("tests/eval/sportnews.bz-peking.html", "Sie müssen sich [anmelden]", "comments"),
    # the comments themselves after the widget's loading line
    ("tests/eval/chefkoch.de.mandarinen.html", "Kommentare werden geladen...", "comments"),
    # calls to follow the outlet, share widgets
    ("tests/eval/SW1.News-Heimat.html", "Folge uns auf", "related"),
    ("tests/cache/brandenburg.de.homo-brandenburgensis.html", "- ### Teilen auf", "related"),
])
def test_web_comment_sections_and_social_calls_after_the_article(file, first, kind):
    """web_pages_de (markdown_extract): the reader-comment section and the social-media calls
    after the article stayed in the text; they are logged from their first line to the end."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", file)["markdown_extract"]
    doc = _ok(raw)
    hits = [r for r in doc.removed if r.kind == kind and r.text.startswith(first)]
    assert hits, [(r.kind, r.text[:40]) for r in doc.removed[-5:]]
    assert not raw[hits[-1].end:].strip()  # to the end of the text
    assert doc.text and doc.offsets[len(doc.text) - 1] < hits[-1].start  # the article before it stays


def test_a_comment_count_above_a_blog_post_keeps_the_post():
    """"5 Kommentare" printed above the post (gnadlib.wordpress.com) is no comment section:
    the widget opens one only in the last 40 % of the text."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/gnadlib.wordpress.com.scherenschnitt.html")["markdown_extract"]
    doc = _ok(raw)
    assert not [r for r in doc.removed if r.kind == "comments"]
    assert "Die Stadt steht schwarz und schweiget" in doc.text
    assert "einen zweiten Kondensstreifen für das zweite Foto" in doc.text


def test_blocks_read_out_of_order_are_put_back():
    """A PDF extractor put the continuation of a hyphenated word before its start (pdfminer
    does this with text boxes): the block that starts mid-word moves behind its start."""
    lines = _seed("000").split("\n")[2:101]  # body lines of the magazine page
    # split after a line-end hyphen whose word is known, and swap the two halves
    k = next(i for i in range(40, 80) if lines[i].endswith("schen Prä-") or lines[i].endswith("Tadschi-"))
    first, second = lines[: k + 1], lines[k + 1:]
    assert second[0][:1].islower()
    scrambled = "\n".join(second) + "\n\n" + "\n".join(first)
    doc = _ok(scrambled)
    word = lines[k].split()[-1][:-1] + re.match(r"\w+", second[0]).group(0)
    assert word in doc.text, word
    assert any("reordered" in w for w in doc.warnings)


def _typeset(text: str, width: int, header: str, lines_per_page: int = 48) -> tuple[str, int]:
    """A plain line-breaking 'typesetter': greedy lines of `width` chars, long words broken
    with a hyphen after a vowel, compounds broken at their own hyphen, a running header and a
    page number on every page, pages separated by form feeds. Returns (raw, n_line_end_hyphens)."""
    lines: list[str] = []
    n_hyph = 0
    for par in [p for p in text.split("\n") if p.strip()]:
        cur = ""
        for w in par.split():
            if len(cur) + 1 + len(w) <= width:
                cur = (cur + " " + w).strip()
                continue
            room = width - len(cur) - 2
            cut = None
            if "-" in w[:room + 1] and w.index("-") >= 2:
                cut = w[: room + 1].rindex("-") + 1  # break after the compound's own hyphen
            else:
                for k in range(min(room, len(w) - 3), 2, -1):
                    if w[k - 1] in "aeiouäöü" and w[k] not in "aeiouäöü" and w[:k].isalpha() and w[k:].isalpha():
                        cut = k
                        break
            if cut:
                head = w[:cut] if w[cut - 1] == "-" else w[:cut] + "-"
                lines.append((cur + " " + head).strip())
                n_hyph += 1
                cur = w[cut:]
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    pages = [lines[k:k + lines_per_page] for k in range(0, len(lines), lines_per_page)]
    out = []
    for no, pg in enumerate(pages, start=17):
        out.append("\n".join([header] + pg + [str(no)]))
    return "\x0c".join(out) + "\x0c", n_hyph


def test_typeset_article_round_trip():
    """Real articles broken into hyphenated lines and pages come back word for word."""
    word = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
    rows = [r for r in _jsonl("wikinews_de.jsonl.gz", 200, seed=3) if len(r["text"]) > 3000][:12]
    assert len(rows) >= 8
    overlap = n_src = n_out = 0
    hyph_total = 0
    for r in rows:
        raw, n_h = _typeset(r["text"], 44, "NACHRICHTEN | Nr. 12 / 3.4.2008 | Wikinews")
        hyph_total += n_h
        doc = _ok(raw)
        assert "Nr. 12" not in doc.text and "NACHRICHTEN" not in doc.text
        assert doc.meta.published == "2008-04-03" and doc.meta.outlet == "Wikinews"
        src, out = Counter(word.findall(r["text"])), Counter(word.findall(doc.text))
        overlap += sum((src & out).values())
        n_src += sum(src.values())
        n_out += sum(out.values())
    assert hyph_total > 100
    assert overlap / n_out >= 0.99 and overlap / n_src >= 0.99, (overlap / n_out, overlap / n_src)


def test_mutated_real_text_keeps_the_contract():
    """Seeded fuzzing: pieces of real text with odd characters sprinkled in, and shuffled
    magazine lines, never crash and always keep the offset/removal contract."""
    rng = random.Random(5)
    base = _seed("000") + "\n\n" + _seed("002")
    hipe = [r["text"] for r in _jsonl("hipe_ocr_de.jsonl.gz", 20)]
    odd = list("äöüß -\n\r\t¬\u00ad\u00a0\ufeff\ufb01[]()*_#!:.?/|©0123456789ÃƒÂ€ž“„»«\x0c\u200b")
    for it in range(400):
        if it % 2:
            src = rng.choice(hipe + [base])
            a = rng.randint(0, len(src))
            s = list(src[a:a + rng.randint(0, 2500)])
            for _ in range(rng.randint(0, 25)):
                if s:
                    s[rng.randrange(len(s))] = rng.choice(odd)
            raw = "".join(s)
        else:
            lines = base.split("\n")
            rng.shuffle(lines)
            raw = "\n".join(lines[: rng.randint(1, len(lines))])
        _ok(raw)


# -- compound hyphens deleted by pdftotext's default mode -----------------------------------

_DEHYPHENATED = """Der NatoGipfel in Brüssel hat am Montag begonnen, und die
Staats- und Regierungschefs beraten über die Lage im Osten.
Die CDUVorsitzende sagte am Rande des Treffens, man stehe
fest an der Seite der Partner. Ein Video davon lief auf YouTube
und wurde tausendfach geteilt. Wer mit der BahnCard anreiste,
kam pünktlich. Der EUKommissar lobte die Einigkeit der
Verbündeten, die seit Wochen über neue Hilfen verhandeln.
Die ArbeitnehmerInnen der Gastgeberstadt hatten frei."""


def test_compound_hyphens_restored_in_a_dehyphenated_pdf_text():
    doc = clean(_DEHYPHENATED)
    assert check_invariants(_DEHYPHENATED, doc) == []
    for w in ("Nato-Gipfel", "CDU-Vorsitzende", "EU-Kommissar"):
        assert w in doc.text
    for w in ("YouTube", "BahnCard", "ArbeitnehmerInnen"):
        assert w in doc.text  # names and the Binnen-I are written so
    restored = [r for r in doc.removed if r.kind == "hyphen_restored"]
    assert len(restored) == 3 and all(r.text in "GVK" for r in restored)


def test_compound_hyphens_untouched_where_line_end_hyphens_survive():
    # a text that still has its line-end hyphens (pdftotext -raw, pdfminer): no restoration
    raw = _DEHYPHENATED.replace("die\nStaats-", "die Staats-\n").replace("Einigkeit der\n", "Einig-\nkeit der ")
    doc = clean(raw)
    assert "NatoGipfel" in doc.text and "Einigkeit" in doc.text
    assert not [r for r in doc.removed if r.kind == "hyphen_restored"]
    # and a web text (no line layout) is never touched
    web = "Der NatoGipfel in Brüssel hat begonnen. " * 3
    assert "NatoGipfel" in clean(web).text


# a column set in lines of about 50 chars whose line-end hyphens fall after a year, before an
# abbreviation, inside a pair of place adjectives and after "US" before a capitalised noun
_COLUMN = """Die Rede des Schriftstellers Stefan Zweig (1881-
1942) wurde in Wien vor vielen Gästen verlesen, die
aus dem ganzen Land angereist waren. Nach der Fußball-
WM in Brasilien kamen auch Gäste aus dem nordrhein-
westfälischen Landtag und einige Vertreter der US-
Yacht-Branche, die ihre Boote im Hafen zeigten. Der
Rechner hat einen Anschluss für micro-USB und wird
mit dem G2 WinPro PC geliefert, der im Test gut ab-
schnitt und lange hielt. Das Gerät kostet 900 Euro.
Viele Leser schrieben der Redaktion zu diesem Thema
und fragten nach den Preisen und den Lieferzeiten,
die der Hersteller bisher nicht genannt hat. Eine
Antwort wird für die kommende Woche erwartet, hieß
es aus dem Unternehmen am Freitag in Wien."""


def test_deleted_hyphens_restored_where_a_line_was_appended():
    """pdftotext's default mode appends the line after a line-end hyphen to the line and deletes
    the hyphen: a year range, an abbreviation at a compound's end, a pair of adjectives the
    lexicon knows hyphenated and "US" before a noun get their hyphen back at the place where
    the line ended; a CamelCase name far from that place ("G2 WinPro PC") and a word broken
    at a syllable ("ab-schnitt") stay glued (issue 17)."""
    raw = _poppler_default(_COLUMN)
    assert "(18811942)" in raw and "FußballWM" in raw and "USYacht-Branche" in raw
    doc = _ok(raw)
    for w in ("(1881-1942)", "Fußball-WM", "nordrhein-westfälischen", "US-Yacht-Branche", "micro-USB",
              "G2 WinPro PC", "gut abschnitt"):
        assert w in doc.text, (w, doc.text)
    restored = [r.text for r in doc.removed if r.kind == "hyphen_restored"]
    assert restored == ["1", "W", "w", "Y"]
    # the same column as printed, with its line-end hyphens (pdftotext -raw): nothing restored
    assert not [r for r in _ok(_COLUMN).removed if r.kind == "hyphen_restored"]


def _poppler_default(raw: str) -> str:
    """What pdftotext's default mode does with a line-end hyphen: the hyphen is deleted and
    the next line is joined onto the line (no line break), the hyphen of a compound too."""
    return re.sub(r"(?<=[^\W_])-\n(?=[^\W_])", "", raw)


def test_compound_hyphens_restored_on_real_articles_dehyphenated_like_poppler():
    """Real Wikinews articles set in 44-char lines (hyphenated after vowels and at the
    compounds' own hyphens), then dehyphenated as pdftotext's default mode does: the compounds
    whose hyphen fell at a line end get it back, the words the article writes with a capital
    inside ("YouTube") stay as they are, and the contract holds."""
    rows = [r for r in _jsonl("wikinews_de.jsonl.gz", 300, seed=11) if len(r["text"]) > 2500][:15]
    comp = re.compile(r"\b([^\W\d_]{2,})-([A-ZÄÖÜ][a-zäöüß]+)\b")
    inner = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ][a-zäöüß]+\b")
    restore = right = keep = kept = 0
    for r in rows:
        raw, _ = _typeset(r["text"], 44, "NACHRICHTEN | Nr. 12 / 3.4.2008 | Wikinews")
        dehy = _poppler_default(raw)
        doc = _ok(dehy)
        for full, glued in {(m.group(0), m.group(1) + m.group(2)) for m in comp.finditer(r["text"])}:
            n = len(re.findall(r"\b" + glued + r"\b", dehy))
            if n and not re.search(r"\b" + glued + r"\b", r["text"]):
                restore += n  # per glued occurrence: right when the clean text has it no more
                right += n - min(n, len(re.findall(r"\b" + glued + r"\b", doc.text)))
        for w in set(inner.findall(r["text"])):
            keep += 1
            kept += w in doc.text
    assert restore >= 20, restore
    # measured 22/27: lines set this narrow are joined so often that the median line length
    # overestimates the column width and some joins lie in lines taken as too short (issue 17)
    assert right / restore >= 0.8, (right, restore)
    assert kept == keep, (kept, keep)


def test_a_line_read_between_a_broken_word_and_its_rest_is_moved_back():
    """pdfminer reads a line of the other column in mid-sentence ("Nobelpreisträ-" /
    "Intellektuelle, ..." / "ger,"): the line that finishes the word moves back behind it,
    the move is logged, and no word is lost."""
    rows = [r for r in _jsonl("wikinews_de.jsonl.gz", 200, seed=3) if len(r["text"]) > 3000][:6]
    moved = 0
    for r in rows:
        raw, _ = _typeset(r["text"], 44, "NACHRICHTEN | Nr. 12 / 3.4.2008 | Wikinews")
        lines = raw.split("\n")
        # a word broken inside (its first half no word), the next line starting in lowercase
        k = next((i for i in range(10, len(lines) - 12) if re.search(r"[a-zäöü]{3,}-$", lines[i])
                  and lines[i + 1][:1].islower() and not lines[i + 2][:1].islower()
                  and re.search(r"(\w+)-$", lines[i]).group(1) not in r["text"].split()), None)
        if k is None:
            continue
        other = next(j for j in range(k + 8, len(lines)) if lines[j][:1].isupper() and len(lines[j]) > 30)
        foreign = lines.pop(other)
        lines.insert(k + 1, foreign)  # the other column's line, read in mid-word
        scrambled = "\n".join(lines)
        doc = _ok(scrambled)
        head = re.search(r"(\w+)-$", lines[k]).group(1)
        rest = re.match(r"\w+", lines[k + 2]).group(0)
        assert head + rest in doc.text, (head, rest)
        assert any(w.startswith("line moved") for w in doc.warnings)
        assert Counter(re.findall(r"\w+", foreign)) <= Counter(re.findall(r"\w+", doc.text))
        moved += 1
    assert moved >= 4


def _web_page(file: str) -> str:
    """One page of ../shared/data/news/web_pages_de.jsonl.gz (by its `file`) as the bench's
    `--web` sample typesets it: title and paragraphs, one a line (bench/clean_bench/web.py)."""
    import sys

    from repo_data import news_row

    r = news_row("web_pages_de.jsonl.gz", "file", file)
    sys.path.insert(0, str(ROOT / "bench"))
    from clean_bench import web  # noqa: E402

    title, body = web.to_article(r["markdown_extract"])
    return "\n".join([title] + body)


def _article(doc_id: str, field: str = "text") -> str:
    """The text (or another field: "title") of one article of ../shared/data/news (10kGNAD or
    Wikinews, by id; a web page of the bench's `--web` sample by its `file`, "tests/...")."""
    if doc_id.startswith("tests/"):
        return _web_page(doc_id)
    from repo_data import news_row

    name = "10kgnad_test.jsonl.gz" if doc_id.startswith("gnad") else "wikinews_de.jsonl.gz"
    return news_row(name, "id", doc_id)[field]


def _column_broken_at(text: str, word: str, cut: int, width: int = 52) -> str:
    """The article set in greedy lines of `width` chars, one line ending inside `word` after
    its first `cut` chars with a hyphen ("Red-" / "Bull-Milliardär"; a compound's own hyphen is
    not doubled) and filled to about the column width, as a typesetter breaks it; then
    dehyphenated as pdftotext's default mode does (`_poppler_default`)."""
    def wrap(words: list[str]) -> list[str]:
        lines, cur = [], ""
        for w in words:
            if cur and len(cur) + 1 + len(w) > width:
                lines.append(cur)
                cur = w
            else:
                cur = (cur + " " + w).strip()
        return lines + ([cur] if cur else [])

    pars = [p for p in text.split("\n") if p.strip()]
    # the word early in its paragraph: a narrower column, so that the line fills before it
    first = next(p for p in pars if word in p)
    width = max(30, min(width, first.find(word) + cut + 6))
    out = []
    for par in pars:
        i = par.find(word)
        if i < 0:
            out.extend(wrap(par.split()))
            continue
        head, tail = par[:i + cut], par[i + cut:]
        head = head if head.endswith("-") else head + "-"
        ws = head.split()
        k = len(ws)
        while k > 1 and len(" ".join(ws[k - 1:])) < width - 8:
            k -= 1
        out.extend(wrap(ws[:k - 1]) + [" ".join(ws[k - 1:])] + wrap(tail.split()))
    return _poppler_default("\n".join(out))


@pytest.mark.parametrize("doc_id,word,cut", [
    ("gnad120", "Red-Bull-Milliardär", 4),        # the document writes "Red Bull" as two words
    ("gnad361", "Lagny-sur-Marne", 10),          # "sur-Marne" inside the lexicon's "...-sur-Marne" forms
    ("gnad3", "Gruppe-B-Viertelfinalisten", 9),  # a capital letter before a word
    ("wn39835", "Bundes-Innenminister", 7),      # "Innen..." before a word is no Binnen-I
    ("wn82125", "Herzog-von-Weimar-Straße", 11),  # a connector inside a chain of hyphens
    ("gnad116", "Ex-KPÖ-Chef", 3),               # a hyphen head of the lexicon before an abbreviation
    ("gnad40", "Ex-Öbfa-Chefin", 3),             # a head the lexicon writes hyphenated 139 : 2 before a short unknown word
    ("gnad30", "al-Hak", 3),                     # ... in lowercase, never glued there: the Arabic article (100 : 0)
    ("gnad79", "U-Bahnen", 2),                   # a capital letter before a noun, not "UB-ahnen"
    ("gnad537", "B-Teams", 2),                   # ... before a common word of five letters
    ("gnad614", "S-Reihe", 2),
    ("wn14002", "H5N1-Virusstamm", 5),           # a code before a word
    ("gnad344", "Weltranglisten-45", 15),        # a number after a head the article hyphenates ("Weltranglisten-15")
    ("wn36593", "Sojus-2", 6),                   # ... ("Sojus-Fregat")
    ("wn51963", "schwarz-grünen", 8),            # a lowercase pair, the head hyphenated in "schwarz-grüne"
    ("wn61440", "L'Aiguillon-sur-Mer", 12),      # a connector before a part: "sur-Mer" ("Faute-sur-Mer")
    ("wn69650", "Tehrik-i-Taliban", 9),          # a one-letter connector before a word the article prints alone
    ("gnad245", "staatlich-öffentlichen", 10),   # a pair of adjectives, the first in -lich
    ("gnad444", "8-Zoll-iPhone", 7),             # a word glued to a listed name in lowercase ("Zolli-Phone")
    ("wn76253", "10-km-Lauf", 3),                # a number and a unit symbol before a hyphen ("10km-Lauf")
    ("wn51339", "CO2-neutral", 4),               # a formula glued to a lowercase word ("CO2neutral")
    ("wn80411", "salafistisch-terroristische", 13),  # an adjective in -isch the lexicon knows only inflected
    # a word and its number glued to a capitalised word ("Covid19Entlassungswelle": was read as a code)
    ("tests/eval/neues-deutschland.de.mietenstreik.html", "Covid19-Entlassungswelle", 8),
    # session 16, the --web-rest sample: a word and a capital letter before a hyphen, the document
    # writing "Vitamin D" as two words; a number glued to a word in a page that writes "2Gplus-Regel"
    # and "2GplusRegelung" (a code, not a results table); a hyphen between two words of a web address
    ("tests/eval/wmn.de.krankheit.html", "Vitamin-D-Spiegel", 8),
    ("tests/eval/berliner-feuerwehr.de-Ehrenzeichen.html", "berliner-feuerwehr", 9),
    ("tests/eval/jugend-forscht.de-Feuerlöschtechnik.html", "jugend-forscht", 7),
    ("tests/eval/anchor.ch.lanka.html", "Mahi-Mahi-Fisch", 5),  # a word said twice, no brand's two syllables
    # session 17, the Bundestag protocols' word forms (lang/de/corpus_forms.tsv.gz, issue 17): a
    # word and its number the protocols write hyphenated ("Covid-19" 357 times, "COVID-19" 64;
    # --web-rest hss.de, --web uepo.de); a hyphenated form the lexicon lacks and the protocols write
    # likelier than the glued form ("Start-up" 119 times, in longer forms 900, "Startup" 20; the
    # lexicon has the glued form likelier, -13.7 against -14.3: --web-rest auto.oe24.at, layout b;
    # "Ende-zu-Ende": --web mobilsicher.de, layout b)
    ("tests/eval/hss.de-Regierung.html", "Covid-19-Pandemie", 6),
    ("tests/eval/uepo.de.glossar.html", "COVID-19-Bedeutung", 6),
    ("tests/eval/auto.oe24.at-golfchina.html", "Start-up-Charakter", 6),
    ("tests/eval/mobilsicher.de.icloud.html", "Ende-zu-Ende-verschlüsselt", 13),
    # ... but the protocols' glued forms are no evidence against a hyphen: they follow the
    # dictionary ("nichtinvasive" 22 times, never hyphenated), news and web pages hyphenate more
    # ("nicht-invasive" -16.0 in the lexicon's web text, "nichtinvasive" -16.6). A second version
    # that took the likelier of both sources for the glued form too lost this one
    # (bench_hyphen_classes.py --seed 7 --width 40, lowercase pairs)
    ("gnad888", "nicht-invasive", 6),
])
def test_deleted_compound_hyphen_restored_on_real_text(doc_id, word, cut):
    """A real article broken at a compound's hyphen and dehyphenated as pdftotext's default
    mode does: the glued compound gets its hyphen back from the lexicon's hyphenated forms or
    the document's own evidence (issue 17)."""
    raw = _column_broken_at(_article(doc_id), word, cut)
    glued = word[:cut - 1] + word[cut:]
    assert glued in raw, (glued, raw[:300])
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, (word, doc.text[:400])
    assert any(r.kind == "hyphen_restored" for r in doc.removed)


def test_camelcase_word_printed_in_a_short_line_is_no_brand_where_the_page_hyphenates_it():
    """A word with a capital inside printed glued in a line that holds no join (a heading
    broken at its hyphen, which pdftotext glues into a short line of its own: "Rechenbeispiel:
    Die Drei-WegeFinanzierung") is no brand's spelling where the page prints the hyphenated
    form too ("3-Wege-Finanzierung"): German writes no capital inside a word. Its glued
    occurrences where a line was appended get their hyphen back (--web sample verivox.de,
    layout b: the heading had kept every occurrence glued, issue 17)."""
    word, glued = "Drei-Wege-Finanzierung", "Drei-WegeFinanzierung"
    raw = _column_broken_at(_web_page("tests/eval/verivox.de.finanzierung.html"), word, 10)
    assert raw.count(glued) == 7 and "3-Wege-Finanzierung" in raw
    short = [ln for ln in raw.split("\n") if glued in ln and len(ln) < 45]
    assert short == ["Rechenbeispiel: Die Drei-WegeFinanzierung"]
    doc = _ok(raw)
    # kept glued: the heading's own line (no join there) and "Der Name der Drei-Wege-" / "Finanzierung
    # weist ...", where this layout ends a paragraph's first line after 28 chars of a 50-char column
    # (no column line ends there, so no join is read); the other five are restored (before: none)
    assert doc.text.count(glued) == 2 and doc.text.count(word) == 5, doc.text[:600]
    assert "Rechenbeispiel: Die Drei-WegeFinanzierung" in doc.text


def _filled(par: str, widths: list[int]) -> list[str]:
    """The words of `par` filled greedily into lines of at most `widths[i]` chars (0: a blank
    line; the last width takes the rest), as an extraction lays out one paragraph."""
    words, out = par.split(), []
    for wd in widths:
        if not wd:
            out.append("")
            continue
        line = ""
        while words and (not line or len(line) + 1 + len(words[0]) <= wd or wd == widths[-1]):
            line = (line + " " + words.pop(0)).strip()
        out.append(line)
    return out


def test_last_paragraph_in_short_lines_is_no_pull_quote_on_real_text():
    """pdftotext's default mode on a narrow column (wn16930 in bench_clean.py's layout b): lines
    lengthened by the appended next ones, and the article's last paragraph left in three short
    lines after a finished sentence. No body comes after it, so it is the end of the article,
    not a pull quote (which interrupts the body); before, its 20 words were removed as
    "pull_quote"."""
    pars = [p for p in _article("wn16930").split("\n") if p.strip()]
    lines = (["Wikinews | NACHRICHTEN", "", "7.12.2005 | Ausgabe 3", "", _article("wn16930", "title")] + _filled(pars[0], [111, 999])
             + _filled(pars[1], [80, 82, 39, 0, 83, 999]) + _filled(pars[2], [40, 0, 38, 40, 999]) + ["", "Seite 92", ""])
    assert [len(x) for x in lines[-8:-3]] == [40, 0, 37, 40, 12]
    doc = _ok("\n".join(lines) + "\n")
    assert _squash(pars[2]) in _squash(doc.text)
    assert "pull_quote" not in {r.kind for r in doc.removed}


def test_camelcase_name_known_to_the_lexicon_stays_glued_on_real_text():
    """"TorrentFreak" (a news site; the spaCy lexicon holds it at -17.7, the camelcase list
    does not, "Torrent-" heads no hyphenated form) broken at a line end as "Torrent-" /
    "Freak" and glued by pdftotext stays glued; before, a word with a capital inside at a
    junction was cut ("Torrent-Freak")."""
    raw = _column_broken_at(_article("gnad178"), "TorrentFreak", 7)
    assert raw.count("TorrentFreak") == 1
    doc = _ok(raw)
    assert "TorrentFreak" in doc.text and "Torrent-Freak" not in doc.text


@pytest.mark.parametrize("doc_id,word,cut,width", [
    # DER STANDARD's games section, a listed CamelCase name ("der GameStandard berichtete": fresh3 dev, layout b)
    ("gnad912", "GameStandard", 4, 39),
    # a link's label that 10kGNAD glued to the paper's reference (cleaning_camelcase.json "lost_break_labels";
    # "Akkus. AbstractNature Energy: Fast and ...", gnad967 of the fresh3 dev sample, layout b, twice)
    ("gnad132", "AbstractScientific", 8, 39),
])
def test_outlet_section_and_glued_link_label_stay_glued_on_real_text(doc_id, word, cut, width):
    """A word the source writes with a capital inside, broken at that capital at a line end and glued by
    pdftotext, where a line was appended: no compound lost its hyphen there, so it stays as printed
    (session 37; before, "Game-Standard" and "Abstract-Nature" in the clean text)."""
    raw = _column_broken_at(_article(doc_id), word, cut, width=width)
    assert word in raw and word[:cut] + "-" not in raw
    doc = _ok(raw)
    assert word in doc.text and word[:cut] + "-" + word[cut:] not in doc.text, doc.text[:400]


@pytest.mark.parametrize("doc_id,word,cut", [("wn48004", "albanischstämmigen", 9), ("wn39049", "türkischstämmig", 8)])
def test_second_half_german_glues_on_gets_no_hyphen_on_real_text(doc_id, word, cut):
    """An adjective in -isch broken before "-stämmig" at a line end ("albanisch-" / "stämmigen")
    and glued by pdftotext is one word: the lexicon writes "-stämmig" glued after -isch
    adjectives (12 forms, 3 hyphenated) or knows the glued word in another inflection
    ("türkischstämmige"); before, it read as a pair of adjectives ("albanisch-stämmigen")."""
    raw = _column_broken_at(_article(doc_id), word, cut)
    assert word in raw
    doc = _ok(raw)
    assert word in doc.text and word[:cut] + "-" + word[cut:] not in doc.text


def test_number_glued_to_a_word_restored_beside_a_glued_code_on_real_text():
    """"SARS-CoV-2-" / "Arbeitsschutzverordnung" glued by pdftotext in a page whose other line ends
    glued "2G-plus-Regel" and "2G-plus-Regelung" into "2Gplus-Regel" and "2GplusRegelung" (session
    16's --web-rest sample, handwerksblatt.de, layout b): those are a code ("2G") and a word, not a
    number glued to three capitalised words as a results table glues them ("2Toronto",
    "6Buffalo", "3Colorado"), so the hyphen comes back; before, they counted three times (the
    word, its part "2Gplus" and the other word) and kept it out."""
    text = _article("tests/eval/handwerksblatt.de-Friseurbesuch.html")
    assert "2G-plus-Regel." in text and "2Gplus-Regelung," in text
    # the page's two other junctions as pdftotext left them in the bench's layout b
    text = text.replace("2G-plus-Regel.", "2Gplus-Regel.", 1).replace("2Gplus-Regelung,", "2GplusRegelung,", 1)
    word = "SARS-CoV-2-Arbeitsschutzverordnung"
    raw = _column_broken_at(text, word, 11)
    assert "SARS-CoV-2Arbeitsschutzverordnung" in raw
    doc = _ok(raw)
    assert word in doc.text, doc.text[:300]


def test_hyphen_of_a_web_address_kept_at_a_line_end_on_real_text():
    """A page's own address broken at its hyphen and left so ("www.jugend-" / "forscht.de/...",
    pdftotext -raw and pdfminer keep line-end hyphens): the hyphen stays, as the compound-hyphen
    repair restores it where pdftotext's default mode deleted it; "jugend" and "forscht" are two
    common words and "jugendforscht" no word. Before, it was joined ("www.jugendforscht.de",
    session 16's --web-rest sample, layout a, twice)."""
    import textwrap

    text = _article("tests/eval/jugend-forscht.de-Feuerlöschtechnik.html")
    addr = "www.jugend-forscht.de"
    assert addr in text
    lines: list[str] = []
    for par in text.split("\n"):
        for ln in textwrap.wrap(par, 52, break_long_words=False, break_on_hyphens=False):
            i = ln.find(addr)
            if i < 0:
                lines.append(ln)
            elif i == 0 and lines and lines[-1]:  # the address at a line start: end the line before with it
                lines[-1] += " " + ln[:11]
                lines.append(ln[11:])
            else:
                lines.extend([ln[:i + 11], ln[i + 11:]])
        lines.append("")
    assert any(ln.endswith("www.jugend-") for ln in lines)
    doc = _ok("\n".join(lines))
    assert doc.text.count(addr) == text.count(addr) and "www.jugendforscht" not in doc.text


@pytest.mark.parametrize("doc_id,word,cut", [
    ("tests/eval/financescout24.de.autokredit.html", "dasDarlehen", 3),    # an article: a lost space
    ("tests/eval/financescout24.de.autokredit.html", "keineSondertilgungen", 5),
    ("tests/eval/pinup-fashion.de.korsetts.html", "alleKorsetts", 4),       # a quantifier
    ("tests/eval/petri-heil-ch-hechte.html", "befischbare", 7),             # "-bar": a suffix, no adjective
    # web addresses (the `--web` sample): a compound the page prints as a word ("Angelshow"), a
    # person's name after a first name
    ("tests/eval/blinker.de-Rostock.html", "angelshow", 5),
    ("tests/eval/wolfgangschmale.eu.duchhardt.html", "wolfgangschmale", 8),
    # a lowercase pair both sources write (session 17): the lexicon has a tie ("radikal-islamische"
    # -16.5, "radikalislamische" -16.7), the Bundestag protocols glue it more often (6 / 5 times,
    # "-en" 14 / 6), so their hyphenated count is left out (`data.hyphen_span_prob`). A first
    # version that read the protocols' hyphenated forms alone cut it (default dev and --fresh
    # samples, 7 hyphens put in in layouts a and b)
    ("wn72379", "radikalislamische", 7),
])
def test_glued_word_of_the_source_gets_no_hyphen_at_a_junction_on_real_text(doc_id, word, cut):
    """A word a web page writes glued, broken at a line end and glued again by pdftotext, stays
    as the source writes it: an article or a pronoun before a capitalised word lost a space, no
    compound starts with one ("dasDarlehen" was cut "das-Darlehen"); a verb stem in -sch before
    the suffix "-bar" is no pair of adjectives ("befischbare" was "befisch-bare"). Session 16's
    --web-rest sample; the two web addresses guard the rule for them (`_web_cut`), which cut them in
    a first version."""
    text = _article(doc_id)
    assert word in text
    raw = _column_broken_at(text, word, cut)
    doc = _ok(raw)
    assert word in doc.text and word[:cut] + "-" + word[cut:] not in doc.text, (word, doc.text[:300])


def test_compound_restored_where_nearly_every_line_is_a_doubled_one():
    """A short article in which nearly every line ended in a hyphen: pdftotext's default mode
    appended the next line to each, so most lines are two column lines long and the lengths
    alone point at twice the column width (wn60990 typeset by bench_clean.py: 98 chars for a
    column of 49). Lines that end in mid-sentence yet are shorter than that width show it is
    too wide; with the right width the compound broken at its own hyphen gets it back."""
    text = _article("wn60990")
    raw = _column_broken_at(text, "Kennedy-Raumfahrtzentrum", 8, width=50)
    lines = raw.split("\n")
    doubled, k = [], 0
    while k < len(lines):
        # each pair of lines joined, as after a hyphen (the words rejoined by poppler)
        if k + 1 < len(lines) and "KennedyRaum" not in lines[k] + lines[k + 1]:
            doubled.append(lines[k] + " " + lines[k + 1])
            k += 2
        else:
            doubled.append(lines[k])
            k += 1
    raw = "\n".join(doubled)
    assert "KennedyRaumfahrtzentrum" in raw
    doc = _ok(raw)
    assert "Kennedy-Raumfahrtzentrum" in doc.text, doc.text[:300]


def test_hashtag_gets_no_hyphen_on_real_text():
    """A hashtag is written glued ("#MerkelMemes", gnad903, a quoted tweet): broken at a line
    end inside it and glued again by pdftotext, it stays as it is, though a word with a
    capital inside at a junction is otherwise a glued compound."""
    raw = _column_broken_at(_article("gnad903"), "MerkelMemes", 6)
    assert "#MerkelMemes" in raw
    doc = _ok(raw)
    assert "#MerkelMemes" in doc.text


@pytest.mark.parametrize("doc_id,word,cut", [
    ("gnad1016", "pic.twitter.com/vRR4ubIRiQ", 23),  # a web address without a scheme
    ("gnad131", "(WKStA)", 3),                       # "StA": a mixed-case abbreviation, no word
    ("gnad211", "Check24", 5),                       # a brand glued to a number, "Check" hyphenated nowhere
    ("wn82573", "23jährigen", 2),                    # an age the article glues ("28jähriger" twice), none hyphenated
    ("gnad456", "nichtklassischen", 5),              # "nicht-" hyphenated once, glued twice ("nichtstaatliche")
    ("gnad796", "gutschrieben", 6),                  # "gutsch" is a stray form of web text (-16.5), no adjective
    ("gnad976", "2Toronto", 1),                      # a results table glues every number to its team
    ("tests/eval/tarnkappe.info-Black.html", "macOS", 3),  # a listed name (was "mac-OS", as "microUSB")
])
def test_glued_at_a_junction_yet_no_compound_on_real_text(doc_id, word, cut):
    """Broken at a line end inside it and glued again by pdftotext, a web path without
    "://" and a name whose right half is a mixed-case abbreviation ending in a capital
    ("WK" + "StA", as "Bor" + "VfL") stay as they are (issue 17, session 9, second round)."""
    raw = _column_broken_at(_article(doc_id), word, cut)
    assert word in raw
    doc = _ok(raw)
    assert word in doc.text and word[:cut] + "-" + word[cut:] not in doc.text, doc.text[:300]


@pytest.mark.parametrize("doc_id,word,cut", [
    ("gnad240", "Fahrassistenz- und", 14),       # a head the lexicon lacks, two of its words: "Fahr" + "assistenz"
    ("gnad257", "Metallerzeugungs- und", 17),    # ... "Metall" + "erzeugung(s)"
    ("gnad593", "EU- und", 3),                   # an abbreviation of two letters
    # a common left part whose glued form the lexicon knows only as a stray web form ("Kinderund" -17.4)
    ("tests/eval/pronats.de.arbeit.html", "Kinder- und", 7),
    # a code before a compound of a code of the same shape ("EH55und EH40-Anträgen"; was "EH55-und")
    ("tests/eval/bmwi.de-neubau.html", "EH55- und", 5),
])
def test_suspended_hyphen_restored_on_real_text(doc_id, word, cut):
    """A suspended hyphen broken at a line end ("Fahrassistenz-" / "und Sicherheitssysteme")
    and glued by pdftotext ("Fahrassistenzund") gets its hyphen and space back where the left
    part is a compound of two words of the lexicon, or an abbreviation of two letters; before,
    the left part had to be a form of the lexicon itself (bench_hyphen_classes.py: 4 of 132
    suspended hyphens so lost on the dev half)."""
    raw = _column_broken_at(_article(doc_id), word, cut)
    glued = word.replace("- ", "")
    assert glued in raw
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, doc.text[:400]


def _broken_at_gap(raw: str, glued: str, after: bool) -> str:
    """`raw` with the line holding `glued` broken as poppler breaks a justified line of a narrow
    column at its wide gaps: `after` the glued word, the next word alone on a line and the rest
    on another ("... der AirbusVorstandsvorsitzende" / "Thomas" / "Enders den ..."), or before
    the word holding it, the word before alone on a line ("der" / "Herren-HandballEuropa...")."""
    lines = raw.split("\n")
    i = next(k for k, ln in enumerate(lines) if glued in ln)
    ln = lines[i]
    if after:
        e = ln.find(" ", ln.index(glued))
        rest = ln[e:].split() if e >= 0 else []
        assert len(rest) > 1, ln
        new = [ln[:e], rest[0], " ".join(rest[1:])]
    else:
        s = ln.rfind(" ", 0, ln.index(glued)) + 1
        head = ln[:s].split()
        assert head, ln
        new = ([" ".join(head[:-1])] if len(head) > 1 else []) + [head[-1], ln[s:]]
    return "\n".join(lines[:i] + new + lines[i + 1:])


@pytest.mark.parametrize("doc_id,word,cut,width,after", [
    ("wn48687", "GVV-Betriebsgruppe", 4, 34, True),   # "... und die GVVBetriebsgruppe" / "BVG," / "beteiligen ..."
    ("wn48687", "GVV-Betriebsgruppe", 4, 40, True),
    ("wn83783", "Herren-Handball-Europameisterschaft", 16, 34, False),  # "der" / "Herren-HandballEuropa..."
])
def test_deleted_hyphen_restored_where_poppler_broke_a_line_at_a_wide_gap(doc_id, word, cut, width, after):
    """In a narrow column a justified line has wide gaps, and pdftotext breaks it there: the
    line appended after a line-end hyphen is cut short, so that the line holding the join is
    shorter than 1.4 column widths and ends in mid-sentence (a fragment follows), or the line that
    ended in the hyphen starts after a fragment, so that the join lies early in its line. Both
    were read as holding no join (bench_clean.py's layout c, three columns of 34 chars: "GVV-
    Betriebsgruppe", "Herren-Handball-Europameisterschaft", "Airbus-Vorstandsvorsitzende")."""
    glued = word[:cut - 1] + word[cut:]
    raw = _broken_at_gap(_column_broken_at(_article(doc_id), word, cut, width=width), glued, after)
    assert glued in raw
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, doc.text[:400]


def test_deleted_hyphen_restored_after_a_line_broken_into_single_words_on_real_text():
    """poppler breaks a widely spaced justified line into one line per word ("David" /
    "Beasley," / "Exekutivdirektor" / "des"); the line after them is the last part, "UN", with
    the next column line appended after the line-end hyphen: "UNWelternährungsprogramms: "Nur
    wenn wir den", shorter than a column line, so it was read as holding no join (the web
    sample's bmz.de page, layout a). The words before and the line are as long as one."""
    text = _article("tests/eval/bmz.de-schulze.html")
    key = "David Beasley, Exekutivdirektor des UN-"
    i = text.index(key)
    head, tail = text[:i], text[i + len(key):]
    nxt = 'Welternährungsprogramms: "Nur wenn wir den'
    assert tail.startswith(nxt), tail[:60]
    lines = [x for p in head.split("\n") for x in textwrap.wrap(p, 56, break_on_hyphens=False)] + key.split() + [nxt] \
        + textwrap.wrap(tail[len(nxt):], 56, break_on_hyphens=False)
    raw = _poppler_default("\n".join(lines))
    assert "\ndes\nUNWelternährungsprogramms" in raw
    doc = _ok(raw)
    assert "UN-Welternährungsprogramms" in doc.text and "UNWelt" not in doc.text, doc.text[:600]


def test_deleted_hyphen_restored_where_a_long_part_ended_a_short_line():
    """A typesetter breaks a word with a hyphen of its own only at that hyphen, so a column line
    ends short where the part after it does not fit: "Die EU muss mit dem UN-" (23 chars of a
    40-char column, gnad593 in bench_clean.py's layout b) / "Flüchtlingshochkommissariat und
    den". Glued by pdftotext, the join lies at 0.55 column widths, where a line that ends a
    column line is otherwise too short to hold one."""
    text = _article("gnad593")
    i = text.index("Die EU muss mit dem UN-")
    head, tail = text[:i], text[i + len("Die EU muss mit dem UN-"):]
    lines = textwrap.wrap(head, 40) + ["Die EU muss mit dem UN-"] + textwrap.wrap(tail, 40)
    raw = _poppler_default("\n".join(lines))
    assert "Die EU muss mit dem UNFlüchtlingshochkommissariat" in raw
    doc = _ok(raw)
    assert "UN-Flüchtlingshochkommissariat" in doc.text and "UNFlüchtlings" not in doc.text


def test_document_own_hyphenated_span_restores_a_glued_word_on_real_text():
    """gnad165 writes "Snapdragon-810-Chip" in its title; its "Snapdragon-810-Plattform"
    broken after "Snapdragon-" and glued by pdftotext ("Snapdragon810-Plattform") gets its
    hyphen back from that spelling, though a word glued to a number is otherwise left as it
    stands (names are written so: "France24")."""
    raw = _column_broken_at(_article("gnad165"), "Snapdragon-810-Plattform", 11)
    assert "Snapdragon810-Plattform" in raw
    doc = _ok(raw)
    assert "Snapdragon-810-Plattform" in doc.text and "Snapdragon810" not in doc.text


def test_name_in_a_short_line_ending_mid_sentence_stays_glued():
    """pdftotext appends the whole next line after a line-end hyphen, so a line of less than
    1.4 column widths holds an appended line only when that is a paragraph's short last line,
    which ends a sentence. A line of 1.1 widths ending in mid-sentence is one column line: the
    name in it ("DolbyDigtial", wn54805, layout b of bench_clean.py) stays glued, while a
    compound glued at the junction of a doubled line ("KabelGesellschaft") gets its hyphen."""
    col = """Der Sender ist seit dem Sommer auch im
Kabelnetz zu sehen, teilte die KabelGesellschaft am Montag in einer Mitteilung mit.
Die Zuschauer brauchen dafür keine neuen
Geräte, hieß es in der Mitteilung weiter.
EinsFestival HD sendet wieder in 720p50
mit 50 Vollbildern in der Sekunde und
sendet einen alternativen DolbyDigtial
Audiotrack mit. Der Sender wird über den
Satelliten und das Kabel verbreitet, die
Programmliste kann manuell genutzt werden.
Weitere Sender sollen im Herbst folgen,
wie der Betreiber am Montag mitteilte."""
    doc = _ok(col)
    assert "alternativen DolbyDigtial" in doc.text, doc.text
    assert "Kabel-Gesellschaft" in doc.text, doc.text


@pytest.mark.parametrize("doc_id,word,cut", [
    ("wn74210", "Dornoch,", 3),   # before a comma: no second part follows ("in Dornoch, einem Dorf")
    ("wn39049", "Celebis", 4),    # the genitive of the document's "Celebi"
    ("gnad410", "Hassabis", 5),   # printed so elsewhere in the document, where no line ends
])
def test_name_ending_like_a_suspended_hyphen_stays_glued_on_real_text(doc_id, word, cut):
    """A name that ends in "noch" or "bis", broken at a line end before it and glued by
    pdftotext, is no suspended hyphen ("Dor- noch", "Cele- bis", "Hassa- bis" before; the
    lexicon knows "Dor", "Cele", "Hassa" from web text) (issue 17, session 10)."""
    raw = _column_broken_at(_article(doc_id), word, cut)
    assert word in raw
    doc = _ok(raw)
    assert word in doc.text and word[:cut] + "- " not in doc.text, doc.text[:300]


@pytest.mark.parametrize("doc_id,word,cut", [
    ("gnad573", "Katz-und-Maus-Spiels", 5),
    ("gnad321", "Jäger-und-Sammler-Völkern", 6),
])
def test_connector_glued_inside_a_chain_of_hyphens_on_real_text(doc_id, word, cut):
    """"Katz-" / "und-Maus-Spiels" glued by pdftotext ("Katzund-Maus-Spiels") is a chain of
    hyphens, not a suspended hyphen: "Katz-und-Maus-Spiels", never "Katz- und-Maus-Spiels"."""
    raw = _column_broken_at(_article(doc_id), word, cut)
    glued = word[:cut - 1] + word[cut:]
    assert glued in raw
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, doc.text[:300]


def test_suspended_hyphen_still_restored_on_real_text():
    """The real suspended hyphens stay restored: "Staats- und Regierungschefs" (gnad190)."""
    raw = _column_broken_at(_article("gnad190"), "Staats- und", 7)
    assert "Staatsund" in raw
    doc = _ok(raw)
    assert "Staats- und" in doc.text and "Staatsund" not in doc.text


def test_number_glued_as_the_source_writes_it_stays_at_a_line_start():
    """wn5352 writes "Ein 58jähriger Vater" glued. Set in a column whose line break falls
    before it ("... Familiendrama: Ein" / "58jähriger Vater ...") and dehyphenated as
    pdftotext's default mode does, the word starts a column line after a full one: no line
    was appended there, so it stays as printed (before: "58-jähriger"; the line's first word
    holds a join only after a fragment line, and an adjective of measure is cut only where a
    line was appended, as every other cut)."""
    text = _article("wn5352")
    found = 0
    for width in range(40, 64):
        raw = _poppler_default(_typeset(text, width, "NACHRICHTEN | Nr. 12 / 3.4.2008 | Wikinews")[0])
        lines = raw.split("\n")
        k = next((i for i, ln in enumerate(lines) if ln.startswith("58jähriger")), None)
        if k is None or len(lines[k - 1]) < 0.8 * width:
            continue
        found += 1
        doc = _ok(raw)
        assert "58jähriger" in doc.text and "58-jähriger" not in doc.text, (width, lines[k - 1:k + 1])
    assert found >= 1


def test_capitalised_name_the_lexicon_knows_glued_gets_no_hyphen_on_real_text():
    """gnad640: "Die nationalsozialistische Deutschösterreichische Tages-Zeitung" broken at a
    line end as "Deutsch-" / "österreichische" and glued by pdftotext stays glued: the lexicon
    knows the capitalised glued form (-17.7) and the hyphenated one only in lowercase, as the
    adjective "deutsch-österreichische" (-16.3), which the capital rules out."""
    raw = _column_broken_at(_article("gnad640"), "Deutschösterreichische", 7)
    assert "Deutschösterreichische" in raw
    doc = _ok(raw)
    assert "Deutschösterreichische" in doc.text and "Deutsch-österreichische" not in doc.text, doc.text[:300]


def test_brand_family_the_article_prints_glued_stays_glued_on_real_text():
    """wn925 prints "VivaDesigner" (and "Viva Technology") where no line was appended: its
    "VivaPress", broken at a line end as "Viva-" / "Press" and glued by pdftotext, is a name of
    the same family and stays glued (the lexicon knows neither; before: "Viva-Press")."""
    raw = _column_broken_at(_article("wn925"), "VivaPress", 5)
    assert raw.count("VivaPress") == 1 and "VivaDesigner" in raw
    doc = _ok(raw)
    assert "VivaPress" in doc.text and "Viva-Press" not in doc.text, doc.text[:400]


def _blocks_with_kept_hyphens(raw: str, every: int) -> str:
    """`raw` cut into text blocks of `every` lines, as pdftotext's default mode writes the
    columns of a narrow layout: a word broken at a block's last line keeps its hyphen (poppler
    joins only inside a block) and a blank line follows."""
    lines = raw.split("\n")
    out: list[str] = []
    since = 0
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        head, _, rest = nxt.partition(" ")
        since += 1
        if since >= every and len(head) >= 6 and head.isalpha() and rest:
            out.extend([ln + " " + head[:3] + "-", ""])
            lines[k + 1] = head[3:] + " " + rest
            since = 0
        else:
            out.append(ln)
    return "\n".join(out)


def test_short_article_in_narrow_columns_still_read_as_dehyphenated():
    """A short article in three narrow columns (bench_clean.py's layout b) has a block end in
    every 6-8 lines, and pdftotext's default mode keeps the hyphen of a word broken there: 2 of
    19 lines in gnad324 of the dev sample, over the 10 % that otherwise tell a text whose
    extractor kept its hyphens. Those hyphens all end a block (a blank line follows), where
    -raw and pdfminer keep theirs inside one, so the text is still read as dehyphenated: the
    compound broken at its own hyphen gets it back (wn51963, "schwarz-grüne" set in 38-char
    lines) and the word broken at the block end is joined."""
    text = _article("wn51963")
    raw = _blocks_with_kept_hyphens(_column_broken_at(text, "schwarz-grünen", 8, width=38), 5)
    lines = [ln for ln in raw.split("\n") if ln.strip()]
    kept = [ln for ln in lines if ln.endswith("-")]
    assert len(kept) > 0.10 * len(lines), (len(kept), len(lines))
    assert "schwarzgrünen" in raw
    doc = _ok(raw)
    assert "schwarz-grünen" in doc.text and "schwarzgrünen" not in doc.text, doc.text[:400]
    broken = kept[0].split()[-1][:-1] + raw.split(kept[0] + "\n\n", 1)[1].split()[0]
    assert broken in doc.text, broken


def test_cookie_banner_inside_a_line_by_the_data_pattern(monkeypatch):
    """A cookie banner inside an article's line is cut as boilerplate by cleaning.json
    "cookie_banner_pattern" (language data, not a pattern in furniture.py); the text around it stays."""
    from pipeline.clean.data import _data

    raw = ("Der Bundestag hat am Donnerstag nach langer Debatte das umstrittene Gesetz zur Reform der Pflege "
           "beschlossen. Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung der "
           "Seite stimmen Sie der Verwendung zu. OK Die Opposition kritisierte den Beschluss scharf.\n")
    banner = ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung der Seite stimmen "
              "Sie der Verwendung zu. OK")
    doc = _ok(raw)
    assert [(x.kind, x.text) for x in doc.removed] == [("boilerplate", banner)]
    assert doc.text.endswith("beschlossen. Die Opposition kritisierte den Beschluss scharf.")
    monkeypatch.setattr(_data(), "cookie_re", re.compile(r"(?!)"))  # a pattern that matches nothing
    assert banner in _ok(raw).text


def test_camelcase_name_prefixes_are_no_cut(monkeypatch):
    """A compound glued by pdftotext is cut at its one inner capital, not after a name prefix
    (cleaning_camelcase.json "camelcase_name_prefixes": "McKinseyStudie" -> "McKinsey-Studie")."""
    from pipeline.clean.data import _data

    lines = ["Die Regierung in Berlin hat am Mittwoch nach langen Beratungen beschlossen, dass",
             "der NatoGipfel im kommenden Jahr in der Hauptstadt stattfinden soll, wie es hieß.",
             "Auch die neue McKinseyStudie und der MacBookVerkauf wurden dabei kurz erwähnt.",
             "und sagten, man werde die Entscheidung der Regierung sehr genau prüfen und bewerten.",
             "Die Opposition kritisierte das Vorhaben scharf und verlangte eine Debatte im Plenum.",
             "Ein Sprecher des Ministeriums wies die Kritik zurück und verteidigte den Beschluss."]
    raw = "\n".join(lines) + "\n"
    assert "Nato-Gipfel" in _ok(raw).text and "McKinsey-Studie" in _ok(raw).text
    # without the prefixes "Mc|Kinsey" is a second inner capital: two cuts, a name, left as written
    monkeypatch.setattr(_data(), "camel_name_prefixes", frozenset())
    assert "McKinseyStudie" in _ok(raw).text


def test_adjective_pair_cut_from_the_data_on_real_text(monkeypatch):
    """The cut of a pair of adjectives after "-lich" ("staatlich-öffentlichen", gnad245) is built
    from cleaning.json (`adjective_pair_guarded_ends`, `adjective_pair_second_suffixes`), the same
    regular expression hyphenation.py compiled before; with "-lich" gone from the second halves'
    suffixes the glued word is left as it is."""
    from pipeline.clean.data import _data, adjective_pair_re

    before = (r"(?:(?<=sch)|(?<=lich)(?=[a-zäöüß]+(?:isch|lich|ig|ell|al|iv)(?:e[mnrs]?)?$))"
              r"(?=[a-zäöüß]{4,}$)")
    assert _data().adj_pair_re.pattern == before
    raw = _column_broken_at(_article("gnad245"), "staatlich-öffentlichen", 10)
    assert "staatlichöffentlichen" in raw
    assert "staatlich-öffentlichen" in _ok(raw).text
    monkeypatch.setattr(_data(), "adj_pair_re", adjective_pair_re(["lich"], ["isch", "ig", "ell", "al", "iv"]))
    assert "staatlichöffentlichen" in _ok(raw).text


def test_a_generated_table_is_the_same_bytes_for_the_same_text(tmp_path):
    """training/hyphen_corpus.py and training/common_nouns.py write their tables with
    `pipeline.io.atomic_write_gzip`: the same text twice gives the same bytes (the tables are part of the
    pipeline fingerprint; a gzip header with a time or the temporary file's name would change them), the
    cleaner reads it, and no temporary file is left beside it."""
    import pipeline.clean.data as cdata
    from pipeline.io import atomic_write_gzip

    text = "#total\t10\nCO2-Preis\t4\n"
    atomic_write_gzip(tmp_path / "a" / "corpus_forms.tsv.gz", text)
    atomic_write_gzip(tmp_path / "b" / "corpus_forms.tsv.gz", text)
    first, second = (tmp_path / d / "corpus_forms.tsv.gz" for d in "ab")
    assert first.read_bytes() == second.read_bytes()
    assert cdata.read_corpus_forms(first) == ({"CO2-Preis": 4}, 10)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["corpus_forms.tsv.gz"]


def test_corpus_forms_table_loads_validated(tmp_path):
    """lang/de/corpus_forms.tsv.gz (the Bundestag protocols' word forms, training/hyphen_corpus.py):
    the shipped table reads with its token total and holds hyphenated forms of today that the
    lexicon lacks; a file with a wrong first line, a wrong column count, a count that is no
    positive integer or a form with a blank is the one-line language-data error naming file and
    line, not a ValueError in the middle of a run."""
    import pipeline.clean.data as cdata
    from pipeline.errors import LanguageDataError
    from pipeline.paths import LANG_DIR

    forms, total = cdata.read_corpus_forms(LANG_DIR / cdata.CORPUS_FORMS)
    assert total > 30_000_000 and min(forms.values()) >= 3
    assert forms["CO2-Preis"] > 100 and "CO2-Preis" not in cdata.lexicon()
    probs, spans = cdata.corpus_probs()
    assert probs["CO2-Preis"] == pytest.approx(math.log(forms["CO2-Preis"] / total))
    # a span of longer forms sums their counts: "Start-up" alone and inside "Start-up-Szene" ...
    assert spans["Start-up"] > probs["Start-up"]

    def write(text: str):
        p = tmp_path / "corpus_forms.tsv.gz"
        p.write_bytes(gzip.compress(text.encode("utf-8")))
        return p

    assert cdata.read_corpus_forms(write("#total\t10\nCO2-Preis\t4\n")) == ({"CO2-Preis": 4}, 10)
    for bad, where in [("CO2-Preis\t4\n", ":1:"), ("#total\tx\n", ":1:"),
                       ("#total\t10\nCO2-Preis\n", ":2:"), ("#total\t10\nCO2-Preis\t0\n", ":2:"),
                       ("#total\t10\nCO2-Preis\tvier\n", ":2:"), ("#total\t10\nCO2 Preis\t4\n", ":2:"),
                       ("#total\t10\nCO2-Preis\t4\t1\n", ":2:")]:
        with pytest.raises(LanguageDataError) as e:
            cdata.read_corpus_forms(write(bad))
        assert where in str(e.value) and "corpus_forms.tsv.gz" in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("name,key", [("cleaning.json", "cookie_banner_pattern"),
                                      ("cleaning.json", "date_labels"),
                                      ("cleaning.json", "adjective_pair_second_suffixes"),
                                      ("cleaning_camelcase.json", "camelcase_name_prefixes")])
def test_missing_cleaning_key_is_one_line_naming_the_file(tmp_path, monkeypatch, name, key):
    """A cleaning*.json without a key the cleaner reads is the project's one-line language-data
    error naming the file and the key (LanguageDataError, exit code 2), not a KeyError from
    clean/data.py; the files' keys are checked against normalize.JSON_KEYS as the other files'."""
    import pipeline.clean.data as cdata
    from pipeline.errors import LanguageDataError
    from pipeline.paths import LANG_DIR

    for p in LANG_DIR.glob("cleaning*.json"):
        d = json.loads(p.read_text(encoding="utf-8"))
        if p.name == name:
            del d[key]
        (tmp_path / p.name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(cdata, "DATA_DIR", tmp_path)
    with pytest.raises(LanguageDataError) as e:
        cdata._Data()
    msg = str(e.value)
    assert "\n" not in msg and name in msg and f"missing keys ['{key}']" in msg


def test_clean_raises_the_data_error_instead_of_returning_raw_text(tmp_path, monkeypatch):
    """clean() turns a failure on odd text into a "clean failed" warning, but a cleaning*.json
    with a missing key is broken data, not odd text: its one-line error is raised (before, every
    article came back uncleaned with a KeyError warning)."""
    import pipeline.clean.data as cdata
    from pipeline.clean import clean
    from pipeline.errors import LanguageDataError
    from pipeline.paths import LANG_DIR

    for p in LANG_DIR.glob("cleaning*.json"):
        d = json.loads(p.read_text(encoding="utf-8"))
        d.pop("cookie_banner_pattern", None)
        (tmp_path / p.name).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(cdata, "DATA_DIR", tmp_path)
    cdata._data.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="cookie_banner_pattern"):
            clean("Der Bundestag hat am Donnerstag das Gesetz beschlossen.\n")
    finally:
        cdata._data.cache_clear()


def test_byline_with_three_authors_is_removed():
    """tagesschau.de's "Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR" stayed in
    the text (the byline pattern took one author, or two joined by "und"); a comma-separated list
    ending in "und NAME", with its outlet, is a byline now. The only change the pattern makes on
    the 3,587 texts of ../shared/data/news (old and new cleaner compared text by text)."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/tagesschau.de.rheinmetall.html")["markdown_extract"]
    line = "Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR"
    assert f"\n{line}\n" in raw
    for byline, authors in [(line, ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"]),
                            ("Von Volkmar Kabisch und Benedikt Strunz, NDR", ["Volkmar Kabisch", "Benedikt Strunz"]),
                            ("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz", ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"])]:
        doc = _ok(raw.replace(line, byline))
        assert byline not in doc.text, byline
        assert "byline" in _removed_kinds(doc, byline), byline
        assert doc.meta.authors == authors
        assert doc.meta.outlet == ("NDR" if byline.endswith("NDR") else None)
    # a sentence with commas and "und" after "Von" is no byline
    doc = _ok(raw.replace(line, "Von Berlin, Hamburg und München aus wird das Netz überwacht"))
    assert "Von Berlin, Hamburg und München aus wird das Netz überwacht" in doc.text


def test_mitarbeit_credit_line_is_a_byline():
    """nd's "Mitarbeit: Antonio Gutierrez" closing the article (a contributor's credit, a label
    of German bylines as "Text:" / "Autor:" are) stayed in the text as its last sentence; it is a
    byline now, and its name no author: the saved page's author, Moritz Wichmann, stays the
    record's (the cleaner's authors win over a page's). A sentence that begins "Mitarbeit" stays."""
    from pipeline.ingest import read_path
    from pipeline.record import merge_meta
    from repo_data import NEWS, news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/neues-deutschland.de.mietenstreik.html")["markdown_extract"]
    line = "Mitarbeit: Antonio Gutierrez"
    assert f"\n\n{line}\n\n" in raw
    doc = _ok(raw)
    assert line not in doc.text
    assert "byline" in _removed_kinds(doc, line)
    assert doc.meta.authors == []
    assert "Das gilt auch für Chicago und Illinois, könnte man hinzufügen." in doc.text
    # the label on a line of its own, the name on the next (a credits box)
    doc = _ok(raw.replace(line, "Mitarbeit:\n\nAntonio Gutierrez"))
    assert "Antonio Gutierrez" not in doc.text.split("hinzufügen.")[-1]
    assert doc.meta.authors == []
    # the saved page itself
    page = NEWS / "html" / "pages" / "trafilatura--neues-deutschland.de.mietenstreik.html"
    if page.exists():
        (rd,) = list(read_path(page, page.parent))
        cd = clean_input(rd.text, rd.meta)
        assert line not in cd.text and "Das gilt auch für Chicago und Illinois" in cd.text
        assert merge_meta(cd, rd.meta)["authors"] == ["Moritz Wichmann"]
    doc = _ok(raw.replace(line, "Mitarbeit in der Mietergewerkschaft ist für viele Mieter neu."))
    assert "Mitarbeit in der Mietergewerkschaft ist für viele Mieter neu." in doc.text


@pytest.mark.parametrize("head, published", [
    ("Update vom 19.02.2020", "2020-02-19"),
    ("Update vom 19.02.2020, 10:15 Uhr", "2020-02-19"),
    ("Update vom 19. Februar 2020", "2020-02-19"),
    ("Update vom 19.02.2020\n\nVeröffentlicht am 12.02.2020", "2020-02-12"),
])
def test_update_vom_line_under_the_headline_is_a_date_line(head, published):
    """"Update vom 19.02.2020" alone under the headline (the "vom" spelling of "Update:") stayed
    in the text as its first paragraph and gave no date; it goes as "Update: 19.02.2020" goes, and
    its day ranks as an update's. fr.de's "Update vom 03. Mai 2020, 16:05 Uhr: Kim Jong Uns ..."
    opens a paragraph of the body and stays."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/bloghaus.hypotheses.org.2320.html")["markdown_extract"]
    doc = _ok(head + raw[len("*Aktualisiert am 19.02.2020*"):])
    assert doc.meta.published == published
    assert doc.text.startswith("Um Sichtbarkeit und Leserschaft"), doc.text[:80]
    fr = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/fr.de.nordkorea.html")["markdown_extract"]
    assert "Update vom 03. Mai 2020, 16:05 Uhr: Kim Jong Uns vermeintliche" in _squash(_ok(fr).text)


@pytest.mark.parametrize("file, line, author", [
    ("tests/eval/90min.de-Bundesliga-Tabelle.html", "#### Von [Jan Kupitz](https://www.90min.de/authors/jan-k)", "Jan Kupitz"),
    ("tests/eval/KATAPULT-Magazin.de-parteien.html", "Von          [Tim Ehlers](https://katapult-magazin.de/de/autoren/tim-ehlers)",
     "Tim Ehlers"),
    ("tests/eval/literaturkritik.de-Ann-Cotten.html", "### Von [Vanessa Franke](/public/mitarbeiterinfo.php?rez_id=5503)",
     "Vanessa Franke"),
])
def test_markdown_byline_with_linked_author_is_a_byline(file, line, author):
    """A web page's byline in markdown links the author's name to the author's page, often in a
    heading ("#### Von [Jan Kupitz](https://www.90min.de/authors/jan-k)"): the byline pattern was
    tried on the line with its link and heading marks, matched nothing, and "Von Jan Kupitz" stayed
    in the text (the marks are cut later, by the markdown pass). The line is read as that pass
    leaves it: a byline, the name an author."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", file)["markdown_extract"]
    assert f"\n{line}\n" in raw
    doc = _ok(raw)
    assert f"Von {author}" not in _squash(doc.text)
    assert "byline" in _removed_kinds(doc, line)
    assert doc.meta.authors == [author]
    # a linked name in a sentence of the body stays
    doc = _ok(raw.replace(line, f"Von [{author}](https://example.org/a) stammt auch der Bericht über das Spiel am Sonntag."))
    assert f"Von {author} stammt auch der Bericht" in _squash(doc.text)


def test_column_byline_is_a_byline():
    """pinkstinks.de's "**Eine Kolumne von Nils Pickert**" opening the page stayed in the text (the
    byline prefixes knew "Ein Kommentar von", "Eine Analyse von", not a column's)."""
    from repo_data import news_row

    raw = news_row("web_pages_de.jsonl.gz", "file", "tests/eval/pinkstinks.de-Kulturtechnik.html")["markdown_extract"]
    assert raw.startswith("**Eine Kolumne von Nils Pickert**\n")
    doc = _ok(raw)
    assert "Eine Kolumne von" not in doc.text
    assert "byline" in _removed_kinds(doc, "Eine Kolumne von Nils Pickert")
    assert doc.meta.authors == ["Nils Pickert"]
    assert doc.text.startswith("Das patriarchalische Eheideal behauptet seine Herrschaft")


def test_deleted_hyphen_restored_after_a_name_with_a_capital_inside_on_real_text():
    """A word with two capitals inside ("ProSiebenSat") is read as a name and left glued; but
    where the lexicon knows the name ("AirAsia") and a common word of it follows at a junction,
    pdftotext glued a compound the name heads: "... ein AirAsia-" / "Flugzeug besteigt" ->
    "AirAsiaFlugzeug" -> "AirAsia-Flugzeug" (der-farang.com, session 29's --web-rest2 sample,
    layout b)."""
    text = _article("tests/eval/der-farang.com-Grab-Bote.html")
    word = "AirAsia-Flugzeug"
    assert word in text
    glued = word.replace("-", "", 1)
    raw = _column_broken_at(text, word, 8, width=40)
    assert glued in raw
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, doc.text[:400]


def test_deleted_hyphen_restored_after_a_one_digit_number_and_a_unit_on_real_text():
    """"das 1-km-Gitter" broken after "1-": pdftotext gives "1km-Gitter", a number and a unit of
    three chars, which the unit rule ("10km-Lauf" -> "10-km-Lauf") did not read, as no word
    shorter than four chars was (mpimet.de, session 29's --web-rest2 sample, layout b)."""
    pars = _article("tests/eval/mpimet.de.klimasystem.html").split("\n")
    k = next(j for j, p in enumerate(pars) if "1-km-Gitter" in p)
    i = pars[k].index("1-km-Gitter") + 2
    head, tail = pars[k][:i], pars[k][i:]
    # a column width at which the line ending in "1-" is a full column line, as a typesetter fills it
    width = next(w for w in range(36, 60) if 0.9 * w <= len(textwrap.wrap(head, w)[-1]) <= w)

    def wrap(t: str) -> list[str]:
        return textwrap.wrap(t, width, break_on_hyphens=False)

    lines = [x for p in pars[:k] for x in wrap(p)] + wrap(head) + wrap(tail) + [x for p in pars[k + 1:] for x in wrap(p)]
    raw = _poppler_default("\n".join(lines))
    assert "1km-Gitter" in raw
    doc = _ok(raw)
    assert "1-km-Gitter" in doc.text and "1km-Gitter" not in doc.text, doc.text[:400]


def test_deleted_hyphen_restored_in_a_heading_broken_over_two_column_lines_on_real_text():
    """A web page's subheading set as a paragraph in a narrow column, broken at its compound's
    hyphen ("Auf dem Weg zu einem globalen Plastik-" / "Vertrag"): pdftotext appends the second
    line, and the heading ends in no stop, so the line of 1.16 column widths read as one column
    line that runs on, and its "PlastikVertrag" stayed glued (greenpeace.de, session 29's
    --web-rest2 sample, layout b). A first line of a paragraph that runs on is no longer than a
    column line."""
    text = _article("tests/eval/greenpeace.de.nachhaltigleben.html")
    head = "Auf dem Weg zu einem globalen Plastik-Vertrag"
    assert head in text
    paras = text.split("\n")
    lines: list[str] = []
    for p in paras:
        if p == head:
            lines += ["Auf dem Weg zu einem globalen Plastik-", "Vertrag"]
        else:
            lines += textwrap.wrap(p, 39, break_on_hyphens=False)
    raw = _poppler_default("\n".join(lines))
    assert "globalen PlastikVertrag\n" in raw
    doc = _ok(raw)
    assert "Plastik-Vertrag" in doc.text and "PlastikVertrag" not in doc.text, doc.text[:400]


def test_suspended_hyphen_restored_after_a_head_with_its_linking_s_on_real_text():
    """"... wird derzeit durch mehrere Veruntreuungs- und Korruptionsfälle ..." broken after the
    suspended hyphen: pdftotext glues "Veruntreuungsund". The lexicon lacks the head
    "Veruntreuungs", which splits into no two of its words; but a noun in -ung takes the linking
    "s" as a compound's first part, and "Veruntreuung" is a word of it (infosperber.ch, session
    29's --web-rest2 sample, layout a; "Digitalisierungsund" likewise in layout b)."""
    text = _article("tests/eval/infosperber.ch-Madagaskar.html")
    assert "Veruntreuungs- und Korruptionsfälle" in text
    raw = _column_broken_at(text, "Veruntreuungs- und", 14, width=52)
    assert "Veruntreuungsund Korruptionsfälle" in raw
    doc = _ok(raw)
    assert "Veruntreuungs- und Korruptionsfälle" in doc.text, doc.text[:400]


def _html_fresh_page(page_id: str) -> str:
    """One saved page of ../shared/data/news/html (by its id) as bench_clean.py's `--html-fresh` sample
    typesets it: trafilatura's markdown, title and paragraphs, one a line (bench/clean_bench/web.py)."""
    import sys

    from repo_data import NEWS

    pytest.importorskip("trafilatura")
    path = NEWS / "html" / "pages" / f"{page_id}.html"
    if not path.exists():
        pytest.skip(f"{path} not available")
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    from clean_bench import web  # noqa: E402

    title, body = web.to_article(web.html_markdown(path.read_bytes()))
    return "\n".join([title] + body)


def test_abbreviation_and_the_suffix_ler_stay_glued_on_real_text():
    """"Ob Werber, Anwälte oder Psychologen, Unternehmensberater, ITler oder Youtuber": German glues
    "-ler" to an abbreviation ("SPDler", "CDUler"; the lexicon's forms 50 glued to 5 hyphenated), but
    the lexicon knows "ler" as a stray form of web text, so "ITler" at a line end of pdftotext's
    default mode was read as "IT" glued to a word and cut "IT-ler" (sueddeutsche.de, session 30's
    --html-fresh sample, layouts a and b)."""
    text = _html_fresh_page("readability4j--sueddeutsche-1")
    assert "Unternehmensberater, ITler oder Youtuber" in text
    raw = _column_broken_at(text, "ITler", 2, width=39)
    assert "ITler" in raw
    doc = _ok(raw)
    assert "ITler oder Youtuber" in doc.text and "IT-ler" not in doc.text, doc.text[:600]


def test_derived_adjective_glued_to_a_noun_is_a_lost_space_on_real_text():
    """"Nutzen Sie einen händlerunabhängigenKredit anstatt ...": the page lost a space, and at a line
    end of pdftotext's default mode the glued word was cut as a compound ("händlerunabhängigen-Kredit").
    A hyphenated noun compound starts with a capital; a lowercase derived adjective ("-ig", "-lich",
    "-isch" ...) before a capital is two words (financescout24.de of the web samples; zeit.de's
    "unumstoesslichAntworten", session 30's --html-fresh sample, layout b)."""
    text = _web_page("tests/eval/financescout24.de.autokredit.html")
    word = "händlerunabhängigenKredit"
    assert word in text
    raw = _column_broken_at(text, word, len("händlerunabhängigen"), width=39)
    assert word in raw
    doc = _ok(raw)
    assert word in doc.text and "händlerunabhängigen-Kredit" not in doc.text, doc.text[:600]


def test_full_column_lines_are_no_pull_quote_where_the_median_line_is_a_doubled_one_on_real_text():
    """pdftotext's default mode on bench_clean.py's three narrow columns (layout b, the column 39
    chars) read juraforum.de's page with most lines doubled (a line-end hyphen's next line appended,
    two columns side by side): the median line was 71 chars, so the paragraph's last three full
    column lines after a finished sentence, "Bei den vorgelegten Bewerbungen habe es" / "sich um
    nichtssagende Scheinbewerbungen" / "gehandelt.", were short lines and removed as "pull_quote"
    (session 31, --html-fresh). The lines are measured against the column width there."""
    text = _html_fresh_page("trafilatura--juraforum.de-Wohngeld")
    pars = [p for p in text.split("\n") if p.strip()]
    assert pars[-2].endswith("Bei den vorgelegten Bewerbungen habe es sich um nichtssagende Scheinbewerbungen gehandelt.")
    lines = (["FOCUS | ONLINE", "", "18.6.2021 | Ausgabe 3", "", " ".join(pars[0].split()[:7])]
             + _filled(pars[0], [37, 279, 78, 72, 999]) + _filled(pars[1], [74, 0, 156, 42, 78, 39, 999])
             + _filled(pars[2], [108, 152, 0, 122, 999]) + _filled(pars[3], [83, 43, 39, 81, 39, 39, 999])
             + _filled(pars[4], [999]) + ["", "Seite 96", ""])
    assert lines[-7:-4] == ["Bei den vorgelegten Bewerbungen habe es", "sich um nichtssagende Scheinbewerbungen",
                            "gehandelt."]
    doc = _ok("\n".join(lines) + "\n")
    assert "nichtssagende Scheinbewerbungen gehandelt." in doc.text, doc.text[-400:]
    assert "pull_quote" not in {r.kind for r in doc.removed}


def test_swapped_lines_after_a_broken_word_are_no_pull_quote_on_real_text():
    """pdfminer read the first line of the next sentence's paragraph before the rest of a word
    broken at a line end: "... Es wäre verantwortungs-" / "Interessant ist" / "los gegenüber der
    Welt." / "nun, dass Deutschland allein dasteht." (faz.de, bench_clean.py --html-fresh, layout
    b). The two lines were removed as a pull quote; "verantwortungs" + "los" is a word, so they
    are two lines read in the wrong order, and nothing is dropped."""
    text = _html_fresh_page("snacktory--faz")
    pars = [p for p in text.split("\n") if p.strip()]
    k = next(i for i, p in enumerate(pars) if "Es wäre verantwortungslos gegenüber der Welt. Interessant ist nun" in p)
    par = pars[k]
    head = par[:par.index("verantwortungslos")] + "verantwortungs-"
    lines = _filled(pars[k - 1], [44] * 60 + [45])
    # the head set in full lines from its end, as the column holds it: "... verzichten. Es wäre verantwortungs-"
    words, rev = head.split(), []
    while words:
        line = words.pop()
        while words and len(words[-1]) + 1 + len(line) <= 44:
            line = words.pop() + " " + line
        rev.append(line)
    lines = [x for x in lines if x] + [""] + rev[::-1]
    assert lines[-1].endswith("verzichten. Es wäre verantwortungs-") and len(lines[-1]) >= 34
    lines += ["Interessant ist", "los gegenüber der Welt.", "nun, dass Deutschland allein dasteht.", ""]
    for par in pars[k + 1:k + 3]:
        lines += [x for x in _filled(par, [44] * 60 + [45]) if x] + [""]
    doc = _ok("\n".join(lines) + "\n")
    assert "pull_quote" not in {r.kind for r in doc.removed}
    assert "Es wäre verantwortungslos gegenüber der Welt." in doc.text, doc.text[-600:]
    assert "Interessant ist nun, dass Deutschland allein dasteht." in _squash(doc.text)


def test_word_and_number_heading_a_compound_get_their_hyphen_back_on_real_text():
    """"... aus Helium-4-Kernen ..." broken after "Helium-": pdftotext's default mode glues
    "Helium4-Kernen" (internetchemie.info, session 30's --html-fresh sample, layout b). A word and a
    number heading a compound are hyphenated throughout (the Bundestag protocols: 220 forms of the
    shape, "Leopard-2-Panzer", to 8 glued names, "Target2-Salden"), and no typesetter breaks a
    glued word at a digit."""
    text = _html_fresh_page("trafilatura--internetchemie.info.Heliumkerne")
    assert "Helium-4-Kernen" in text
    raw = _column_broken_at(text, "Helium-4-Kernen", 7, width=39)
    assert "Helium4-Kernen" in raw
    doc = _ok(raw)
    assert "Helium-4-Kernen" in doc.text and "Helium4" not in doc.text, doc.text[:600]


def test_present_participle_glued_to_a_second_word_gets_its_hyphen_back_on_real_text():
    """"... entsprechend abweisend-distanzierend." broken after "abweisend-": pdftotext's default
    mode glues "abweisenddistanzierend" (sueddeutsche.de, session 30's --html-fresh sample, layout
    b). German writes a present participle before an adjective apart or, as a pair, hyphenated; the
    Bundestag protocols glue none to a word of the lexicon but the adverbs in "-erweise"."""
    text = _html_fresh_page("trafilatura--sueddeutsche.de.genderdebatte")
    assert "abweisend-distanzierend" in text
    raw = _column_broken_at(text, "abweisend-distanzierend", 10, width=39)
    assert "abweisenddistanzierend" in raw
    doc = _ok(raw)
    assert "abweisend-distanzierend" in doc.text, doc.text[:600]


@pytest.mark.parametrize("page, word, cut", [
    ("tests/eval/geschichtedergegenwart.ch.foucault.html", "Corona-bedingte", 7),
    ("tests/eval/umweltbundesamt.de-atomkraft.html", "Erdgas-betriebene", 7),
])
def test_noun_and_participle_capitalised_in_mid_sentence_get_their_hyphen_back_on_real_text(page, word, cut):
    """"... dass in Marokko die Corona-bedingte Ausgangssperre mit Panzern ..." (geschichtedergegenwart.ch)
    and "... schlägt vor, Erdgas-betriebene Kraftwerke in die Taxonomie aufzunehmen" (umweltbundesamt.de),
    broken after the noun: pdftotext's default mode glues "Coronabedingte", "Erdgasbetriebene" (session 32,
    the --web and --web-rest samples). A participle is written in lowercase in mid-sentence; its capital
    there is the noun's of a hyphenated pair."""
    text = _web_page(page)
    assert word in text
    glued = word.replace("-", "")
    raw = _column_broken_at(text, word, cut, width=39)
    assert glued in raw
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, doc.text[:600]



@pytest.mark.parametrize("page, word, cut", [
    ("tests/eval/familie.de.montessori.html", "Kindergarten-Alter", 13),
])
def test_heading_whose_last_word_was_broken_gets_its_hyphen_back_on_real_text(page, word, cut):
    """The subheading "Montessori Spielzeug ab Kindergarten-Alter" (familie.de), broken after the hyphen of
    its last word: pdftotext's default mode appends the tail, "... ab KindergartenAlter", a line of about
    one column width (session 32, the --web-rest2 sample, layout b; "DiscounterGrill" of chip.de alike). A
    paragraph of its own whose last word's tail ends it, the cut where a column line ends, the next line
    starting a block, the halves two common words and the glued form none."""
    text = _web_page(page)
    assert word in text
    glued = word[:cut - 1] + word[cut:]  # the line-end hyphen deleted
    raw = _column_broken_at(text, word, cut, width=39)
    assert glued in raw
    doc = _ok(raw)
    assert word in doc.text and glued not in doc.text, doc.text[:600]


# verbaende.com (bench_clean.py --web, layout b), pdftotext's default mode: at the top of a page the first two
# of three columns were read as one block, row by row ("und Tatsachenfragen in einem Gerichtsver- wird das
# anders. Mit der Umsetzung der"); the extraction's real lines, the page before the block included
_SIDE_BY_SIDE_PAGE = 'als Alternative zu Einwegkunststofflebensmittelverspackungen und Einweggetränkebechern für Essen und Getränke zum Mitnehmen und Bestellen anzubieten. Darauf\nmüssen die Betreiber deutlich hinweisen\nund dürfen keinen höheren Preis verlangen.\nFür kleine Betriebe mit maximal fünf Beschäftigten und maximal 80 Quadratmetern Verkaufsfläche sowie für Verkaufsautomaten soll es eine Ausnahme geben.\nSie müssen jedoch mitgebrachte Gefäße\nder Kunden*innen akzeptieren und auf deren Wunsch die Speisen und Getränke zum\nMitnehmen darin abfüllen. Auch auf diese Möglichkeit muss deutlich hingewiesen\nwerden. Diese neuen gesetzlichen Vorgaben beziehen sich jedoch nur auf Kunststoffverpackungen. "Alle anderen Einwegalternativen wie Pizzakartons oder Aluschalen bleiben auch ohne Alternativangebot erlaubt", sagt Saupe.\nMillionen Menschen leben weltweit in Armut und Elend, auch weil soziale Mindeststandards wie das Verbot von Zwangs- und\nKinderarbeit missachtet werden. Um das\nzu ändern, tritt am 1. Januar das Lieferkettensorgfaltspflichtengesetz in Kraft. Das\nGesetz legt klare Anforderungen für die\nSorgfaltspflichten von Unternehmen mit\nmehr als 3.000 Beschäftigten im Inland\nfest.\nAb 2024 gilt das Gesetz auch für Unternehmen mit mehr als 1.000 Beschäftigten. Die Verantwortlichkeit der Unternehmen erstreckt sich grundsätzlich auf\ndie gesamte Lieferkette vom Rohstoff bis\nzum fertigen Verkaufsprodukt. So müssen Unternehmen bei direkten Zulieferern\nund anlassbezogen auch bei indirekten Zulieferern Risiken für Menschenrechtsverletzungen und Umweltzerstörung ermitteln, Gegenmaßnahmen ergreifen und entsprechend dokumentieren. Darüber hinaus\nmüssen die Unternehmen Beschwerdemöglichkeiten einrichten.\nDas Bundesamt für Wirtschaft und Ausfuhrkontrolle überprüft die Einhaltung des\nGesetzes und kann auch Bußgelder verhängen. Eine zivilrechtliche Haftung ist allerdings nicht vorgesehen.\nOb Dieselskandale oder falsch berechnete Zinsen: Immer wieder sind Verbraucher*innen von Massenschäden betroffen.\nDamit Betroffene ihre Rechte nicht komplett individuell einklagen müssen, wurde\n2018 die Musterfeststellungsklage eingeführt. Damit lassen sich zentrale Rechts-\n\nSeite 100\n\n\x0cFrankfurter Allgemeine Zeitung | ONLINE\n\nund Tatsachenfragen in einem Gerichtsver- wird das anders. Mit der Umsetzung der\nfahren klären, die viele Verbraucher*innen Richtlinie können Verbraucherverbände\ngleichermaßen betreffen. Jedoch müssen direkt Schadensersatz und andere Leistundie konkreten Ansprüche noch immer von gen an Verbraucher*innen einklagen, ohne\njeden Einzelnen eingeklagt werden, solan- dass diese noch einmal selbst vor Gericht\nge kein Vergleich erzielt wird.\nziehen müssen. "Die EU-Verbandsklage\nDurch die neue EU-Verbandsklagenrichtlinie geht damit über die Musterfeststellungs-\n\n8.12.2021 | Ausgabe 51\n\nklage hinaus und ergänzt diese sinnvoll",\nmeint Saupe. Die Richtlinie muss bis zum\n25.\nDezember 2022 in deutsches Recht umgesetzt werden, soll dann aber erst am 25.\nJuni 2023 in Kraft treten.\n\nSeite 101\n\n\x0c'


def test_two_columns_read_side_by_side_are_put_back_in_reading_order_on_real_text():
    doc = clean(_SIDE_BY_SIDE_PAGE)
    assert check_invariants(_SIDE_BY_SIDE_PAGE, doc) == []
    text = " ".join(doc.text.split())
    # the left column, then the right one; the words broken at the columns' line ends are whole
    assert ("zentrale Rechts- und Tatsachenfragen in einem Gerichtsverfahren klären, die viele "
            "Verbraucher*innen gleichermaßen betreffen. Jedoch müssen die konkreten Ansprüche noch immer von "
            "jeden Einzelnen eingeklagt werden, solange kein Vergleich erzielt wird.") in text
    assert ("Durch die neue EU-Verbandsklagenrichtlinie wird das anders. Mit der Umsetzung der Richtlinie "
            "können Verbraucherverbände direkt Schadensersatz und andere Leistungen an Verbraucher*innen "
            "einklagen, ohne dass diese noch einmal selbst vor Gericht ziehen müssen.") in text
    assert any(w.startswith("columns read side by side") and "reading order" in w for w in doc.warnings)
    # nothing lost: the same words as the extraction, but for the joined halves of the broken words
    raw_words = Counter(re.findall(r"\w+", _SIDE_BY_SIDE_PAGE))
    raw_words -= Counter(w for r in doc.removed for w in re.findall(r"\w+", r.text))  # headers, page numbers
    out_words = Counter(re.findall(r"\w+", doc.text))
    assert raw_words - out_words == Counter({"Gerichtsver": 1, "fahren": 1, "Leistundie": 1, "gen": 1,
                                              "solan": 1, "ge": 1, "Musterfeststellungs": 1, "klage": 1})
