"""Real saved news pages (../shared/data/news/html): the article's headline and lead reach the
clean text, page furniture reaches `removed`, and the offset contract holds."""
from __future__ import annotations

import json
import re

import pytest

from pipeline.clean import check_invariants, clean_input
from pipeline.ingest import read_path

from repo_data import NEWS

HTML = NEWS / "html"
pytestmark = pytest.mark.skipif(not (HTML / "pages.jsonl").exists(), reason="../shared/data/news/html missing")


def _page(pid: str):
    path = HTML / "pages" / f"{pid}.html"
    (doc,) = list(read_path(path, path.parent))
    cd = clean_input(doc.text, doc.meta)
    return doc, cd


def _n(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# (page, headline, start of the lead): the lead is the paragraph trafilatura drops on these
# pages; five outlets, five templates (intro div, <header> paragraph, story-lead, abstract div
# after an h1 that trafilatura kept, a 2010 page's intro teaser)
LEADS = [
    ("trafilatura--orf.at-0a6291eb", "Lotte Tobisch ist tot", "Die Opernball-Grande-Dame und Burgschauspielerin Lotte Tobisch"),
    ("trafilatura--netzpolitik.org.abmahnungen", None, "Seit Dezember 2015"),
    ("trafilatura--tagesspiegel.de.abstandsregeln", None, "Die Ideen reichen vom Spuckschutz bis zur Kontrolle d"),
    ("trafilatura--zfk.de.waermepumpen", "Wärmepumpenmarkt wächst um 42 Prozent gegenüber dem Vorjahr", "Wärmepumpen boomen"),
    ("snacktory--spiegel", None, "Da ist er wieder, der C64"),
    ("trafilatura--aerobuzz.de-bremen", "CAE bildet künftig Luftwaffen-Piloten in Bremen aus", "Die CAE GmbH hat sich bei der Ausschreibung"),
    # the lead as the <h2> grouped with the <h1> in an <hgroup>
    ("trafilatura--die-tagespost.de.Demut", "Warum wir jetzt Demut brauchen", "Risiken und Nebenwirkungen bergen nicht nur Medikamente"),
]


@pytest.mark.parametrize("pid,head,lead", LEADS)
def test_headline_then_lead_then_body(pid, head, lead):
    doc, cd = _page(pid)
    text = _n(cd.text)
    assert lead in text
    head = head or doc.meta["title"]
    # the headline opens the text, the lead comes before the body's first paragraph
    assert text.startswith(_n(head)), text[:200]
    assert text.index(lead) < len(text) // 2
    assert check_invariants(doc.text, cd) == []


def test_kicker_is_logged_not_kept():
    doc, cd = _page("trafilatura--tagesspiegel.de.abstandsregeln")
    kickers = [r for r in cd.removed if r.kind == "kicker"]
    assert kickers and kickers[0].text == "Abstandsregeln und Fieberkontrollen"
    assert not cd.text.startswith("Abstandsregeln und Fieberkontrollen")
    assert check_invariants(doc.text, cd) == []


def test_kicker_that_trafilatura_kept_as_the_first_line_is_logged_and_the_headline_is_the_title():
    # the page marks "Gesundheit" as the kicker (class name); trafilatura keeps it as its
    # body's first line, over the headline
    kicker, head = "Gesundheit", 'Was bringen "alternative" Therapien bei Krebs?'
    doc, cd = _page("trafilatura--nachrichten.at-0b96fc66")
    assert [r.text for r in cd.removed if r.kind == "kicker"] == [kicker]
    assert cd.text.startswith(head + "\n\n")
    assert cd.meta.title == head
    assert check_invariants(doc.text, cd) == []


@pytest.mark.parametrize("pid,kind,piece", [
    ("snacktory--spiegel", "byline", "Von Matthias Kremp"),
    ("trafilatura--livenet.ch-sprache", "byline", "Autor: Fritz Imhof"),
    ("trafilatura--internetchemie.info.Heliumkerne", "dateline", "Aktualisiert am 17.01.2021."),
    ("trafilatura--express.de-d57cfadc", "boilerplate", "Lesen Sie hier: Spielabbruch"),
    ("trafilatura--faz.net.streaming", "byline", "Redakteur in der Wirtschaft."),
    ("trafilatura--cnet.de.schutz", "byline", "AUTOR"),
    ("trafilatura--landwirt.com.sensortechnik", "byline", "Autor: Steffen PACHE"),
])
def test_furniture_in_removed(pid, kind, piece):
    doc, cd = _page(pid)
    hits = [r for r in cd.removed if r.kind == kind and r.text.startswith(piece)]
    assert hits, [(r.kind, r.text[:40]) for r in cd.removed]
    assert piece not in cd.text
    assert doc.text[hits[0].start:hits[0].end] == hits[0].text
    assert check_invariants(doc.text, cd) == []


def test_related_block_after_the_article():
    doc, cd = _page("trafilatura--winfuture.de-NASA")
    assert "Beiträge aus dem Forum" not in cd.text
    assert any(r.kind == "related" and "Beiträge aus dem Forum" in r.text for r in cd.removed)


def test_a_pages_blocks_stay_blocks():
    """trafilatura gives one block per line; a page of short blocks was read as a column's wrapped
    lines (26 of the 176 pages), so headings were glued into paragraphs ("... oder Werbung
    Weltraum-Filme satt!", "... nicht fällig. Umfassende Renovierung \"Wir starten ...")."""
    doc, cd = _page("trafilatura--winfuture.de-NASA")
    paragraphs = cd.text.split("\n\n")
    assert paragraphs[:2] == ["NASA+ Streaming startet: Ohne Registrierung, Gebühren oder Werbung", "Weltraum-Filme satt!"]
    assert "Umfassende Renovierung" in paragraphs and "Trailer: NASA Explorers - Osiris-Rex" in paragraphs
    assert not any(w.startswith("layout: wrapped") for w in cd.warnings)
    # the same text without the hint (a text file) is still read as wrapped: the hint decides
    assert any(w.startswith("layout: wrapped") for w in clean_input(doc.text, {}).warnings)


def test_all_pages_invariants_and_snippet_shares():
    """Every page: the offset contract holds; over all pages the `with` snippets are found
    and the `without` snippets are absent (bench/bench_html.py prints the details)."""
    pages = [json.loads(l) for l in (HTML / "pages.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    w = wt = wo = wot = 0
    for p in pages:
        doc, cd = _page(p["id"])
        assert check_invariants(doc.text, cd) == [], p["id"]
        t = _n(cd.text)
        w += sum(_n(s) in t for s in p.get("with", []))
        wt += len(p.get("with", []))
        wo += sum(_n(s) not in t for s in p.get("without", []))
        wot += len(p.get("without", []))
    assert w / wt >= 0.98
    assert wo / wot >= 0.98
