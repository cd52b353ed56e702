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
    ("snacktory--spiegel", "Retro-PC: Commodore reaktiviert den C64", "Da ist er wieder, der C64"),
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
    # the author box's role alone after the first paragraph, its name a link the extractor left out
    ("readability4j--faz-1", "byline", "Wirtschaftskorrespondent in München."),
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


@pytest.mark.parametrize("pid, user, last_body", [
    ("trafilatura--kyffhaeuser-nachrichten.de-Regen", "Harzer66", "ermittelte der DWD nur etwa 60 Stunden."),
    ("trafilatura--nnz-online.de-Quantensprung", "Kritiker2010", "mit den Sprayern gestaltet."),
])
def test_reader_comments_after_the_article_are_removed(pid, user, last_body):
    """The comment section under the article (one CMS, two outlets): the user name, the date
    line, the comment, its vote counts, "Login für Vote" and the comment policy stayed in the
    text after the article's last paragraph."""
    doc, cd = _page(pid)
    assert cd.text.endswith(last_body), cd.text[-300:]
    for gone in (user, "Login für Vote", "Es gibt kein Recht auf Veröffentlichung", "Kommentare entfernen kann"):
        assert gone not in cd.text
    (com,) = [r for r in cd.removed if r.kind == "comments"]
    assert com.text.startswith(user + "\n") and com.text.endswith("entfernen kann und wird.")
    assert doc.text[com.start:com.end] == com.text
    assert check_invariants(doc.text, cd) == []
    # only in the tail: the same comment section printed under the headline is left alone
    i = doc.text.index(user)
    head_end = doc.text.index("\n", doc.text.index("\n") + 2)
    moved = doc.text[:head_end] + "\n" + doc.text[i:] + "\n" + doc.text[head_end:i]
    cd2 = clean_input(moved, {"blocks": True})
    assert not [r for r in cd2.removed if r.kind == "comments"] and user in cd2.text


@pytest.mark.parametrize("pid, call, last_body", [
    ("trafilatura--aerobuzz.de-bremen", "Folgen Sie uns auf", "Bob Fischer"),
    ("trafilatura--siegessaeule.de-Machtinstrument", "Folgt uns auf unserem neuen offiziellen Instagram-Account",
     "IBAN DE22 1005 0000 0190 0947 29 – Herzlichen Dank!"),
])
def test_social_media_calls_after_the_article_are_related(pid, call, last_body):
    """"Folgen Sie uns auf Twitter" / "Liken Sie uns auf Facebook" after the article stayed in
    the text; they open the block after it (`related`), as "Schon gelesen?" did below them."""
    doc, cd = _page(pid)
    assert call not in cd.text and cd.text.endswith(last_body), cd.text[-300:]
    assert any(r.kind == "related" and r.text.startswith(call) for r in cd.removed)
    assert check_invariants(doc.text, cd) == []


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


# --- pages that are no article (issue: a cookie wall and a front page were read as articles) ---

from pipeline.html import extract  # noqa: E402
from pipeline.ingest import IngestError  # noqa: E402

from repo_data import read_news  # noqa: E402

CONSENT_TEXT = (
    "Wir und unsere 142 Partner verwenden Cookies und ähnliche Technologien, um Informationen auf Ihrem Gerät zu "
    "speichern und abzurufen. Mit Ihrer Einwilligung verarbeiten wir personenbezogene Daten wie Ihre IP-Adresse und "
    "Ihr Nutzungsverhalten, um Inhalte und Werbung zu personalisieren und die Zugriffe auf unsere Website zu "
    "analysieren. Ihre Einwilligung können Sie jederzeit über den Link „Datenschutzeinstellungen“ am Ende jeder "
    "Seite widerrufen. Weitere Informationen finden Sie in unserer <a href=\"/datenschutz\">Datenschutzerklärung</a>.")


def _wikinews(n: int) -> list[dict]:
    path = NEWS / "wikinews_de.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} not available")
    return read_news("wikinews_de.jsonl.gz", n)


def _first_sentences(text: str) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", text.strip())[:2])


def _read(tmp_path, name: str, html: str):
    p = tmp_path / name
    p.write_text(html, encoding="utf-8")
    (item,) = list(read_path(p, tmp_path))
    return item


def _article_page(rec: dict, extra: str = "", head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in rec["text"].split("\n") if p.strip())
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{rec["title"]}</title>{head}</head><body>'
            f'<main><article><h1>{rec["title"]}</h1>{paras}</article>{extra}</main>'
            f'<footer><p>© 2022 Beispiel Verlag GmbH</p></footer></body></html>')


def test_cookie_wall_is_no_article(tmp_path):
    # a consent dialog saved instead of the article: the article's title in <head> and <h1>, one
    # consent paragraph, buttons; no consent manager's class names (the wording decides)
    rec = _wikinews(1)[0]
    html = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{rec["title"]} | Beispiel-Zeitung</title>'
            f'<meta property="og:title" content="{rec["title"]}"></head><body><div class="overlay" role="dialog">'
            f'<h1>{rec["title"]}</h1><h2>Wir benötigen Ihre Zustimmung</h2><p>{CONSENT_TEXT}</p>'
            f'<div><button>Alle akzeptieren</button><button>Einstellungen</button></div></div>'
            f'<footer><p>© 2024 Beispiel Verlag</p></footer></body></html>')
    err = _read(tmp_path, "wall.html", html)
    assert isinstance(err, IngestError), err.text
    assert err.kind == "not_article"
    assert err.message.startswith(str(tmp_path / "wall.html") + ": no article text found (the page is a cookie or consent dialog")


def test_real_consent_dialog_alone_is_no_article(tmp_path):
    # meininger.de's own consent dialog (its container id="cookie-notice"), the page without the
    # article: before, the dialog's text was read as the article
    from lxml import html as lxml_html
    from pipeline.ingest import decode

    page, _ = decode((HTML / "pages" / "trafilatura--meininger.de-wachstum.html").read_bytes())
    tree = lxml_html.fromstring(page)
    body, box = tree.find("body"), tree.get_element_by_id("cookie-notice")
    for child in list(body):
        body.remove(child)
    body.append(box)
    err = _read(tmp_path, "meininger.html", lxml_html.tostring(tree, encoding="unicode"))
    assert isinstance(err, IngestError) and err.kind == "not_article", getattr(err, "text", "")[:300]
    assert "cookie or consent dialog" in err.message


def _teaser_linked(rec: dict, kicker: str) -> str:
    # tagesschau.de's teaser: the whole teaser in one link, kicker and headline in spans; minified
    return (f'<div class="teaser"><a class="teaser__link" href="/{rec["id"]}.html"><div class="teaser__media">'
            f'<img src="/{rec["id"]}.jpg" alt=""></div><div class="teaser__content"><h3 class="teaser__headline-wrapper">'
            f'<span class="teaser__topline">{kicker}</span><span class="teaser__headline">{rec["title"]}</span></h3>'
            f'<p class="teaser__shorttext">{_first_sentences(rec["text"])}</p></div></a></div>')


def _teaser_headline_link(rec: dict, kicker: str) -> str:
    # faz.net / sueddeutsche.de: only the headline and a "mehr" link link to the article
    return (f'<div class="tsr"><span class="tsr-kicker">{kicker}</span><h3 class="tsr-headline">'
            f'<a href="/{rec["id"]}.html">{rec["title"]}</a></h3><p class="tsr-text">{_first_sentences(rec["text"])} '
            f'<a href="/{rec["id"]}.html">mehr</a></p><span class="tsr-meta">vor 2 Stunden</span></div>')


@pytest.mark.parametrize("teaser", [_teaser_linked, _teaser_headline_link])
def test_front_page_of_teasers_is_no_article(tmp_path, teaser):
    recs = _wikinews(9)
    stage = teaser(recs[0], "Luftfahrt").replace("<h3", "<h2").replace("</h3>", "</h2>")
    html = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Beispiel-Nachrichten - die erste Adresse '
            f'für Nachrichten</title><meta name="description" content="Aktuelle Nachrichten aus Deutschland und der Welt."></head>'
            f'<body><header><nav><a href="/">Startseite</a> <a href="/inland">Inland</a></nav></header><main>'
            f'<h1 class="hidden">Startseite</h1><section class="stage">{stage}</section><section class="teaser-list">'
            f'<h2>Aktuelle Nachrichten</h2>{"".join(teaser(r, "Welt") for r in recs[1:])}</section></main>'
            f'<footer><p>© 2022 Beispiel-Nachrichten</p></footer></body></html>')
    err = _read(tmp_path, "index.html", html)
    assert isinstance(err, IngestError), err.text[:300]
    assert err.kind == "not_article"
    assert "front page or section index" in err.message and "it holds 9 teasers of other pages" in err.message
    # and the copyright line gives no publication date
    assert "published" not in extract(html)[1]


def test_article_with_related_teasers_stays_an_article(tmp_path):
    recs = _wikinews(8)
    related = '<section class="related"><h2>Mehr zum Thema</h2>' + "".join(_teaser_linked(r, "Welt") for r in recs[1:]) + "</section>"
    doc = _read(tmp_path, "article.html", _article_page(recs[0], related))
    assert not isinstance(doc, IngestError), doc.message
    assert recs[0]["text"][:80] in doc.text


@pytest.mark.parametrize("lead", ['<div class="teaser"><p>{s1}</p><p>{s2}</p></div>',
                                  '<div class="article-teaser"><h2>{s1}</h2><p>{s2}</p></div>'])
def test_lead_of_block_elements_keeps_their_space(tmp_path, lead):
    # a lead of two blocks in minified markup, under the headline in the article's <header>
    # (trafilatura drops "teaser" classes): text_content() glued them ("...an Bord.Auf dem")
    rec = _wikinews(1)[0]
    first, rest = rec["text"].split("\n", 1)
    s1, s2 = re.split(r"(?<=[.!?])\s+", first, maxsplit=1)
    page = _article_page({**rec, "text": rest}).replace(
        f"<h1>{rec['title']}</h1>", f"<header><h1>{rec['title']}</h1>{lead.format(s1=s1, s2=s2)}</header>", 1)
    doc = _read(tmp_path, "lead.html", page)
    assert f"{s1} {s2}" in _n(doc.text), doc.text[:400]


def test_teaser_inside_a_link_is_no_lead():
    # express.de: a breaking-news teaser of another article (<a class="normalTeaser">) over the
    # page was taken as the lead
    doc, cd = _page("trafilatura--express.de-d57cfadc")
    assert "Liveblog zur Großdemo" not in doc.text
    assert "Viele verenden qualvoll in den Netzen" in cd.text


def test_copyright_year_is_no_publication_day(tmp_path):
    rec = _wikinews(1)[0]
    # "© 2022" in the footer is the only date on the page
    assert "published" not in extract(_article_page(rec))[1]
    # <meta itemprop="copyrightYear">: a year as well
    assert "published" not in extract(_article_page(rec, head='<meta itemprop="copyrightYear" content="2021">'))[1]
    # a first of the month the page gives is kept (Wikinews wn15274, 2005-11-01)
    rec = next(r for r in _wikinews(10) if r["published"] == "2005-11-01")
    page = _article_page(rec).replace("</h1>", '</h1><time datetime="2005-11-01T10:12:00+01:00">1. November 2005</time>')
    assert extract(page)[1]["published"] == "2005-11-01"


def test_first_of_the_month_on_real_pages_kept():
    doc, _ = _page("trafilatura--deutschlandfunk.de.titanic")
    assert doc.meta["published"] == "2017-05-01"


def test_lead_of_several_items_is_kept_whole():
    # kirche-und-leben.de: the lead (<div class="teaser-text">) is a list of three sentences;
    # the page's description is the first two, the element holding it the first <li>: the
    # second and third were lost (trafilatura drops the teaser block)
    doc, cd = _page("trafilatura--kirche-und-leben.de-M_nster")
    lead = ["Die Impfpflicht für die Pflege sei ein falscher Ansatz zur Bekämpfung der Corona-Pandemie.",
            "Das sagt Münsters Diözesancaritasdirektor Heinz-Josef Kessmann.",
            "Denn die Altenpflege sei kein Hotspot der Pandemie."]
    body = "Die Caritas in der Diözese Münster sieht in der Diskussion"
    # each item once, on a paragraph of its own, in the page's order, before the body
    assert [cd.text.count(x) for x in lead] == [1, 1, 1]
    assert [cd.text.index(x) for x in lead] == sorted(cd.text.index(x) for x in lead) and cd.text.index(lead[2]) < cd.text.index(body)
    assert "\n\n".join(lead) in cd.text
    assert check_invariants(doc.text, cd) == []


def _two_paragraph_lead_page(rec: dict, block: str) -> tuple[str, str, str]:
    # a lead of two paragraphs before the body, og:description = its first paragraph
    paras = [p for p in rec["text"].split("\n") if p.strip()]
    lead1, lead2, body = paras[0], paras[1], paras[2:]
    page = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{rec["title"]}</title>'
            f'<meta property="og:description" content="{lead1}"></head><body><main><article><header>'
            f'<h1>{rec["title"]}</h1>{block.format(lead1=lead1, lead2=lead2)}</header>'
            + "".join(f"<p>{p}</p>" for p in body) + '</article></main><footer><p>© 2022 Beispiel Verlag GmbH</p></footer></body></html>')
    return page, lead1, lead2


@pytest.mark.parametrize("block", ['<div class="teaser"><p>{lead1}</p><p>{lead2}</p></div>',
                                   '<div class="teaser"><div><p>{lead1}</p><p>{lead2}</p></div></div>'])
def test_lead_of_two_paragraphs_keeps_the_second(tmp_path, block):
    rec = next(r for r in _wikinews(40) if len([p for p in r["text"].split("\n") if p.strip()]) >= 6 and len(r["text"]) > 1500)
    page, lead1, lead2 = _two_paragraph_lead_page(rec, block)
    doc = _read(tmp_path, "lead.html", page)
    cd = clean_input(doc.text, doc.meta)
    # both paragraphs, once each, each a paragraph of its own, under the headline
    assert [_n(x) for x in cd.text.split("\n\n")[:3]] == [_n(rec["title"]), _n(lead1), _n(lead2)], cd.text[:600]
    assert cd.text.count(lead2[:60]) == 1
    assert check_invariants(doc.text, cd) == []


@pytest.mark.parametrize("block", ['<div class="teaser"><p>{lead1}</p><p>{lead2}</p></div>',
                                   # no class: the block whose children are all paragraphs
                                   '<div><p>{lead1}</p><p>{lead2}</p></div>'])
def test_lead_paragraph_the_body_kept_is_not_repeated(block):
    # the lead's second paragraph is in trafilatura's body: only the first is added
    from pipeline.html import headline, lead, parse

    rec = next(r for r in _wikinews(40) if len([p for p in r["text"].split("\n") if p.strip()]) >= 6 and len(r["text"]) > 1500)
    page, lead1, lead2 = _two_paragraph_lead_page(rec, block)
    paras = [_n(p) for p in rec["text"].split("\n") if p.strip()]
    tree = parse(page)
    h1 = headline(tree, rec["title"])[2]
    assert lead(tree, h1, "\n".join(paras[1:]), lead1) == paras[0]
    # with neither in the body, both, a line each
    assert lead(tree, h1, "\n".join(paras[2:]), lead1) == f"{paras[0]}\n{paras[1]}"


# sueddeutsche.de sets the photo over the article in a <figure> whose <figcaption> is named
# "asset-image__description": the caption and its credit were taken as the article's lead
@pytest.mark.parametrize("pid, caption, body", [
    ("readability4j--sueddeutsche-1", "Viel Arbeit, aber kein Geld zum Leben",
     'Die "Dienstleistungsgesellschaft" sollte den Menschen bessere Arbeit'),
    ("trafilatura--sueddeutsche.de.flixtrain", "Wettbewerb, jetzt auch auf der Schiene",
     "Bahn-Konkurrenten wie Flixbus fürchten durch den geplanten Deutschlandtakt"),
    ("trafilatura--sueddeutsche.de.genderdebatte", "Die Verwendung des generischen Maskulinums in Stellenanzeigen",
     "Der Rat für deutsche Rechtschreibung befasst sich"),
])
def test_photo_caption_is_no_lead(pid, caption, body):
    doc, cd = _page(pid)
    assert caption not in doc.text and "(Foto:" not in doc.text, doc.text[:400]
    # the headline, then the body
    assert cd.text.startswith(_n(doc.meta["title"]) + "\n\n" + body), cd.text[:300]
    assert check_invariants(doc.text, cd) == []


def test_photo_caption_of_a_figure_is_no_lead_on_a_built_page():
    from pipeline.html import headline, lead, parse

    rec = next(r for r in _wikinews(40) if len([p for p in r["text"].split("\n") if p.strip()]) >= 4 and len(r["text"]) > 1000)
    paras = [p for p in rec["text"].split("\n") if p.strip()]
    caption = "Blick auf den Platz vor dem Rathaus, auf dem sich am Morgen viele Menschen versammelten."
    for fig in (f'<figure><img src="a.jpg"><figcaption class="image-description"><p>{caption}</p></figcaption></figure>',
                # no <figure>, but the photo credit says what it is
                f'<div class="teaser"><p>{caption}</p><p>Foto: Max Mustermann/dpa</p></div>'):
        page = (f'<html><head><title>{rec["title"]}</title></head><body><article><h1>{rec["title"]}</h1>{fig}'
                + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
        tree = parse(page)
        assert lead(tree, headline(tree, rec["title"])[2], "\n".join(paras), None) is None, fig


def test_teaser_of_another_article_is_no_lead_faz():
    # faz.net: the body's first paragraph is also in a hidden copy at the page's end (the
    # "send by mail" box); the body was placed there, and a teaser block of another article
    # ("tsr-Lead": headline, text, "Veröffentlicht/Aktualisiert: vor 51 Minuten",
    # "Empfehlungen: 6") between the article and that copy was taken as the lead
    doc, cd = _page("trafilatura--faz.net.streaming")
    for piece in ("Rivlin im Bundestag", "Empfehlungen", "vor 51 Minuten"):
        assert piece not in cd.text, piece
    assert "Die Abogebühr eines Nutzers soll nur noch" in cd.text[:600]
    assert check_invariants(doc.text, cd) == []


@pytest.mark.parametrize("pid", ["trafilatura--faz.net.streaming", "readability4j--faz-2"])
def test_update_label_without_its_date_is_a_dateline(pid):
    # faz.net: "-Aktualisiert am" (the date is in a <time> trafilatura drops) stayed in the text
    doc, cd = _page(pid)
    assert "Aktualisiert am" not in cd.text
    hits = [r for r in cd.removed if r.kind == "dateline" and "Aktualisiert am" in r.text]
    assert hits, [(r.kind, r.text[:40]) for r in cd.removed]
    assert doc.text[hits[0].start:hits[0].end] == hits[0].text


@pytest.mark.parametrize("pid, line, published", [
    # bento.de: the publication date and the update's on one line under the lead
    ("readability4j--bento-1", "23.11.2017, 16:23 · Aktualisiert: 24.11.2017, 14:23", "2017-11-23"),
    # simmentalzeitung.ch: "Erstellt am:" (a publication label) closing the article
    ("trafilatura--simmeltalzeitung.ch-Trinkwasser", "Erstellt am: 01.11.2023", "2023-11-01"),
    # spektrum.de: "Stand des Artikels:" (an update label) closing the article: no publication date
    ("trafilatura--spektrum.de.coronavirus", "Stand des Artikels: 26. Februar 2020, 12:30 Uhr.", None),
])
def test_date_lines_with_their_labels_are_datelines(pid, line, published):
    """A line of a date and its label ("Erstellt am:", "Stand des Artikels:", a date and its
    update after "·") is the page's date line, not text; the cleaner's published is the date
    after a publication label or none, never the update's."""
    doc, cd = _page(pid)
    assert line not in cd.text
    hits = [r for r in cd.removed if r.kind == "dateline" and line in r.text]
    assert hits, [(r.kind, r.text[:40]) for r in cd.removed]
    assert doc.text[hits[0].start:hits[0].end] == hits[0].text
    assert cd.meta.published == published
    assert check_invariants(doc.text, cd) == []


def test_interviewer_line_is_the_byline_faz():
    """snacktory's faz.net interview closes with "Das Gespräch führte Jordan Mejias.": the
    interviewer's byline, furniture, and the article's author (the page's <meta name="author">
    is its publisher, "FAZ Electronic Media", which was the record's author)."""
    doc, cd = _page("snacktory--faz")
    assert "Das Gespräch führte" not in cd.text
    assert "byline" in [r.kind for r in cd.removed if "Das Gespräch führte Jordan Mejias" in r.text]
    assert cd.meta.authors == ["Jordan Mejias"]
    assert _record_meta("snacktory--faz")["authors"] == ["Jordan Mejias"]
    assert cd.text.rstrip().endswith("Text: F.A.Z.") or "kam 2009 heraus." in cd.text
    assert check_invariants(doc.text, cd) == []


def test_byline_over_three_lines_is_the_byline_handwerksblatt():
    """handwerksblatt.de's author box closes the article with its label, the name and the site
    each a paragraph of its own ("Text:" / "Kirsten Freund" / "/ handwerksblatt.de"): a byline,
    not text, and its name the author."""
    doc, cd = _page("trafilatura--handwerksblatt.de-Friseurbesuch")
    assert cd.text.rstrip().endswith("auf Verlangen vorlegen."), cd.text[-120:]
    gone = [r.text for r in cd.removed if r.kind == "byline"]
    assert any("Kirsten Freund" in t for t in gone) and any("Text:" in t for t in gone), gone
    assert any("handwerksblatt.de" in t for t in gone), gone
    assert cd.meta.authors == ["Kirsten Freund"]
    assert check_invariants(doc.text, cd) == []


def test_forum_excerpts_without_comment_header_are_removed():
    """SPIEGEL ONLINE 2011 prints five reader comments under the article, each cut short with a
    link "mehr..." to the forum; trafilatura drops the user-name/date heading above each, so no
    widget line or comment header told the section and the comments stayed in the text."""
    doc, cd = _page("snacktory--spiegel")
    last_body = "Und echte Patina gibt es gratis dazu."
    assert last_body in cd.text
    for gone in ("q.e.d. mehr...", "Als ich meinen Amiga 500", "Den guten alten SID"):
        assert gone not in cd.text
    com = [r for r in cd.removed if r.kind == "comments"]
    assert len(com) == 1 and com[0].text.startswith("Folgerichtig ist CommodoreUSA")
    assert com[0].text.endswith("klanglich [...] mehr...")
    assert doc.text[com[0].start:com[0].end] == com[0].text
    assert check_invariants(doc.text, cd) == []
    # one such line in the tail is left alone: a paragraph may end with "mehr..."
    i = doc.text.index("Als ich meinen Amiga")
    one = doc.text[:i] + doc.text[doc.text.index("Hilfe", i):]
    cd1 = clean_input(one, doc.meta | {"furniture": None})
    assert "q.e.d. mehr..." in cd1.text


@pytest.mark.parametrize("pid, first, last_body", [
    ("trafilatura--livenet.ch-sprache", "Umfrage in Deutschland: Gendersprache", "Camino von Birgit Kelle"),
    ("trafilatura--automobilwoche.de-VW-Betriebsversammlung", "Turbulente Woche für VW-Chef Diess",
     "Cavallo kritisierte Diess deshalb ungewöhnlich scharf"),
])
def test_closing_list_of_other_articles_is_teaser(pid, first, last_body):
    """A list of other articles' titles ("Kicker: Title") closing the page, its heading dropped
    by the extractor (livenet.ch) or already logged ("Lesen Sie auch:", automobilwoche.de),
    stayed in the text as if it were the article's last paragraphs."""
    doc, cd = _page(pid)
    assert last_body in cd.text.split("\n\n")[-1]
    (t,) = [r for r in cd.removed if r.kind == "teaser" and r.text.startswith(first)]
    assert "Genderwahn" not in cd.text and "Artemis-Produktion" not in cd.text
    assert doc.text[t.start:t.end] == t.text
    assert check_invariants(doc.text, cd) == []


def test_a_web_pages_canonical_url_is_the_records_url(tmp_path):
    """A JSONL record carries its `meta.url`, a web page had none although its markup names its
    address (<link rel="canonical">, og:url). Now the page's canonical URL is the record's
    `meta.url`; a page without one, or with a relative one, has none. The text is the same."""
    from pipeline.html import extract
    from pipeline.record import build_record, validate_record

    path = HTML / "pages" / "goose3--test_wiwo.html"
    html = path.read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.startswith("https://www.handelsblatt.com/")
    doc, cd = _page("goose3--test_wiwo")
    assert doc.meta["url"] == canonical
    rec = build_record(doc, cd, [], lang="de", pipeline_info={"version": "t", "fingerprint": "t", "model": {"name": "t", "version": "t"}})
    assert rec["meta"]["url"] == canonical and validate_record(rec) == []
    # no canonical link, no og:url: no url
    no_url, _ = _page("postlight--epaper.zeit.de")
    assert "url" not in no_url.meta
    # a relative canonical link says nothing of where the page is: left out, the text as before
    relative = html.replace(f'href="{canonical}"', 'href="/unternehmen/19562324.html"').replace('content="https://www.wiwo.de/', 'content="/')
    text, meta = extract(relative)
    assert "url" not in meta and text == doc.text


@pytest.mark.parametrize("pid, head", [
    ("readability4j--faz-2", "SPD-Spitze auf Parteitag: Ein Problem namens Schulz"),
    ("trafilatura--faz.net.streaming", "Nutzerbasierte Abrechnung: Musik-Stars fordern neues Streaming-Modell"),
])
def test_faz_headline_kept_by_trafilatura_with_spaced_colon_is_a_duplicate(pid, head):
    """faz.net's <h2> of spans came out of trafilatura as "Kicker : Title" at the body's start,
    a second headline under the one put in from the page's title."""
    doc, cd = _page(pid)
    assert cd.text.startswith(head + "\n")
    assert head.replace(":", " :") not in cd.text
    (h,) = [r for r in cd.removed if r.kind == "headline"]
    assert h.text == head.replace(":", " :") and doc.text[h.start:h.end] == h.text
    assert check_invariants(doc.text, cd) == []


def test_caption_with_photo_credit_in_the_body_is_a_caption_faz():
    """A caption with its credit ("... Unterstützern. Bild: dpa") kept by trafilatura as a
    paragraph of the body stayed in the text."""
    doc, cd = _page("trafilatura--faz.net.streaming")
    assert "Grönemeyer gehört zu den Unterstützern" not in cd.text
    assert "Die Abogebühr eines Nutzers" in cd.text and "Herbert Grönemeyer unterstützen" in cd.text
    (c,) = [r for r in cd.removed if r.kind == "caption"]
    assert c.text == "Auch Herbert Grönemeyer gehört zu den Unterstützern. Bild: dpa"
    assert check_invariants(doc.text, cd) == []


def test_headline_from_h1_when_metadata_title_is_another_box_and_date_twice_is_dateline():
    """snacktory--faz: trafilatura's title was a hidden ticker box's ("FAZ.NET-Ticker"), the
    page's <h1> is the headline; the date under the lead, written twice ("09. April 2011
    2011-04-09 15:05:38"), stayed in the text."""
    doc, cd = _page("snacktory--faz")
    assert doc.meta["title"] == "„Ihr Deutschen steht allein da“"
    assert cd.text.startswith("„Ihr Deutschen steht allein da“\n")
    assert "FAZ.NET-Ticker" not in cd.text and "2011-04-09" not in cd.text
    (d,) = [r for r in cd.removed if r.kind == "dateline"]
    assert d.text == "09. April 2011 2011-04-09 15:05:38"
    assert "Deutschland hat vor, ganz auf Atomkraft zu verzichten." in cd.text
    assert check_invariants(doc.text, cd) == []


@pytest.mark.parametrize("pid, gone, kept_last", [
    ("snacktory--taz", ["50 Jahre bemannte Raumfahrt", "Westerwelle tritt ab", "Verzweiflung pur", "Was war die Aufregung"],
     "Er stehe für die Anti-AK"),
    ("trafilatura--meininger.de-wachstum", ["Für jede Ausgabe unseres Magazins CRAFT", "Colin Dinkelacker wird"], None),
])
def test_blurbs_of_a_related_or_gallery_box_are_teasers(pid, gone, kept_last):
    """Blurbs of other articles (meininger.de's related box, in the middle of the body) and of
    picture galleries (taz.de, at the end), whose headings trafilatura dropped, stayed in the
    text; the page's markup puts them in a box named related/gallery."""
    doc, cd = _page(pid)
    for g in gone:
        assert g not in cd.text
        assert any(r.kind == "teaser" and g in r.text for r in cd.removed)
    if kept_last:
        assert kept_last in cd.text.split("\n\n")[-1]
    else:
        assert "Wichtige Brands sind etwa die Champagnermarken" in cd.text
    assert check_invariants(doc.text, cd) == []


def test_consent_panel_appended_to_the_article_is_removed():
    """meininger.de's cookie-consent dialog (its container id="cookie-notice", class "sp-dsgvo")
    that trafilatura appends to the article's body: before, its paragraphs ("Der
    datenschutzrechtliche Verantwortliche ...", "Switch zum Einwilligen ...") stayed in the
    clean text after the article's last paragraph; now they are logged as `boilerplate`."""
    doc, cd = _page("trafilatura--meininger.de-wachstum")
    for g in ("Der datenschutzrechtliche Verantwortliche", "Switch zum Einwilligen", "Rechtsgrundlage für die Datenverarbeitung"):
        assert g not in cd.text
        assert any(r.kind == "boilerplate" and g in r.text for r in cd.removed)
    assert cd.text.rstrip().endswith("(Terrazas de los Andes/Cheval Blanc). aw")
    assert check_invariants(doc.text, cd) == []


def test_blurbs_of_a_list_of_other_articles_without_a_box_name_are_teasers():
    """arbeit-und-arbeitsrecht.de sets six tiles of other news under the article ("news kachel
    views-row": a date, the other article's headline as a link, its first sentence cut off);
    no related/gallery name marks them, and trafilatura kept the six blurbs as the article's
    last paragraphs. The article ends with its source line; the tiles' blurbs are teasers."""
    doc, cd = _page("trafilatura--arbeit-und-arbeitsrecht.de.urlaub")
    for g in ("Der EuGH hat entschieden, dass es für die Verjährung", "Wer im Erholungsurlaub arbeitsunfähig erkrankt",
              "Ein Arbeitnehmer erwirbt keinen Urlaubsanspruch gem. § 3 BUrlG"):
        assert g not in cd.text
        assert any(r.kind == "teaser" and g in r.text for r in cd.removed)
    assert "Pressemitteilung Nr. 48/22 des BAG vom 20.12.2022" in cd.text
    assert "Der Beklagte beschäftigte" in cd.text and "Der Senat hat damit die" in cd.text
    assert check_invariants(doc.text, cd) == []


@pytest.mark.parametrize("pid, clean_day, page_day", [
    # the date line is the update ("20. März 2021 - 15:00 Uhr" = JSON-LD dateModified), the page's datePublished 03-16
    ("trafilatura--rtl.de-lockdown", "2021-03-20", "2021-03-16"),
    # the date box is the day the page was saved; DC.Date 07-26 is the last publication
    ("snacktory--br-online", "2011-07-31", "2011-07-26"),
    # "Stand: 28.04.2020 18:00" before the page's <meta name="date"> 04-29
    ("trafilatura--tagesschau.de.rheinmetall", "2020-04-28", "2020-04-29"),
])
def test_a_web_pages_publication_is_the_earlier_of_its_dates(pid, clean_day, page_day):
    """Every date a page shows is on or after its publication: the record takes the earlier of
    the cleaner's date line and the page's markup date (before: the cleaner's, an update or the
    saving day on rtl.de and br-online.de); it also anchors the relative dates."""
    from pipeline.process import article_context
    from pipeline.record import merge_meta

    doc, cd = _page(pid)
    assert (cd.meta.published, doc.meta["published"]) == (clean_day, page_day)
    assert merge_meta(cd, doc.meta)["published"] == min(clean_day, page_day)
    assert article_context(doc, cd)["published"] == min(clean_day, page_day)


def test_a_pages_extracted_metadata_only_fills_the_cleaners_gaps():
    """A web page's trafilatura/htmldate metadata is a guess, not the user's record: on
    tagesschau.de's Rheinmetall page htmldate says 2020-04-29, the page's "Stand: 28.04.2020
    18:00 Uhr" line says 2020-04-28 (the earlier: see the test above); its <title> adds a second line ("- Interne Unterlagen im
    Netz") to the headline. The cleaner's values stay; the page's canonical URL is kept."""
    from pipeline.record import merge_meta

    doc, cd = _page("trafilatura--tagesschau.de.rheinmetall")
    assert doc.meta["published"] == "2020-04-29" and doc.meta["title"] == "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz"
    meta = merge_meta(cd, doc.meta)
    assert meta["published"] == "2020-04-28" and meta["title"] == "Daten von Rheinmetall gehackt"
    assert meta["url"] == "https://www.tagesschau.de/investigativ/ndr/rheinmetall-datenleck-101.html"


# --- meta: trafilatura's author and htmldate's date checked against what the page states ---

def _record_meta(pid: str) -> dict:
    from pipeline.record import merge_meta

    doc, cd = _page(pid)
    return merge_meta(cd, doc.meta)


@pytest.mark.parametrize("pid,authors", [
    # trafilatura took the reading time beside the byline; the page's <meta name="author"> names her
    ("postlight--www.abendblatt.de", ["Melanie Wassink"]),
    # role labels before the name ("Autor/in:", "Text und Interview:", "Interview:")
    ("trafilatura--ndr.de.podcastcoronavirus140", ["Korinna Hennig"]),
    ("trafilatura--brandeins.de.wahresIch", ["Harald Willenbrock"]),
    ("trafilatura--fluter.de.vorbild", ["Julia Lauter"]),
    # (and "FOCUS-Online-Experte" before the name; the site's "FOCUS Online" beside it is no author)
    ("trafilatura--focus.de.leasen", ["Robin Tschöpe"]),
    # a publisher's "name, city, country": no places, and the name is the site's own (below)
    ("trafilatura--kirche-und-leben.de-M_nster", []),
    ("trafilatura--spiegel.de.albtraum", []),
    # a share list's label, a photo credit ("zvg"), the headline: no author the page states
    ("trafilatura--sonntag-sachsen.de.emanuel", []),
    ("trafilatura--infosperber.ch-Madagaskar", []),
    ("trafilatura--oekonomenstimme.org.keynes", []),
    # a desk the page states as its author is no person and no author (fr.de's JSON-LD "Redaktion",
    # <meta name="author"> "Greentech.LIVE Redaktion", "N-Land Redaktion"; "Michael Rädel, Redaktion":
    # the person stays); a person's byline over the JSON-LD's outlet
    ("trafilatura--fr.de.nordkorea", []),
    ("trafilatura--greentech.live.energiesparen_bei_cern", []),
    ("trafilatura--n-land.de-Simmelsdorf", []),
    ("trafilatura--maenner.media-church", ["Michael Rädel"]),
    ("trafilatura--stern.de-d70fab3a", ["Andreas Hoffmann"]),
    # "name, place, name" (the correspondent's place between two authors): no place as an author
    # (trafilatura drops the initial's period the page's <meta name="author"> writes)
    ("trafilatura--nzz.ch-d42c68f1", ["Markus M. Haefliger", "Beat Bumbacher"]),
    # the site's own domain stated as the author (<meta name="Author" content="www.proplanta.de">,
    # the JSON-LD's "wien.ORF.at"): no author
    ("trafilatura--proplanta.de.erloesobergrenze", ["AgE"]),
    ("trafilatura--orf.at-0a6291eb", ["Red", "Agenturen"]),
    # the site's own name is no author: DC.creator "Mac & i" (og:site_name, <title>'s end), which
    # trafilatura splits at "&" into "Mac", "I"; "heise online" title-cased "Heise Online"; taz's
    # <meta name="author" content="taz, die tageszeitung">; the publisher "... GmbH" of the outlet
    ("readability--heise", []),
    ("snacktory--heise", []),
    ("trafilatura--heise.de.marsmenschen", ["Markus Will"]),
    ("snacktory--taz", []),
    ("trafilatura--faz.net.streaming", ["Benjamin Fischer", "Marcus Theurer"]),
    # ... the journalists the page lists beside the site's name stay
    ("readability4j--bento-1", ["Steffen Lüdke", "Marc Röhlig"]),
    # a copyright line (dcterms.creator "Copyright Haufe-Lexware GmbH & Co. KG - all rights
    # reserved", split at "&") is no author; nor the site's "www.haufe.de"
    ("trafilatura--haufe.de-ordnungsgeld", []),
    # a company (a legal form: "GmbH", "AG") in <meta name="author"> is no author: zfk.de's web
    # agency "wegewerk GmbH" (its HTML comment "Realisierung: wegewerk GmbH"), energiezukunft.eu's
    # publisher "NATURSTROM AG"; a login in small letters ("christian.stadtfeld") keeps
    # trafilatura's words; the account "admin" is no person (as a Word file's "Administrator")
    ("trafilatura--zfk.de.waermepumpen", []),
    ("trafilatura--energiezukunft.eu.bioenergie", []),
    ("trafilatura--Osthessen-news.de-Buergermeisterwahl", ["Christian Stadtfeld"]),
    ("trafilatura--autonews.ch-Tesla", []),
    # trafilatura took the authors of all the page's JSON-LD articles, its teaser list's ("Elena
    # Kuss", "Heidrun Mittler", an ad's "Glory Global Solutions Germany"); the page's own article
    # (headline = title) states "Lebensmittel Praxis", the site's name: no author
    ("trafilatura--Lebensmittelpraxis.de-Stadtzentrum", []),
    # deutschlandfunk.de's author line "Richard David Precht im Gespräch mit Karin Fischer": the
    # guest in conversation with the host, who made the interview (one author, not the line)
    ("trafilatura--deutschlandfunk.de.titanic", ["Karin Fischer"]),
])
def test_web_authors_are_names_the_page_gives(pid, authors):
    assert (_record_meta(pid).get("authors") or []) == authors


@pytest.mark.parametrize("pid,day", [
    # htmldate took <meta name="last-modified">; the JSON-LD's datePublished is the publication
    ("readability4j--sueddeutsche-paradise-papers", "2017-11-08"),
    # the page's publication dates disagree (JSON-LD 11-03, article:published_time 11-06): htmldate's stays
    ("trafilatura--utopia.de-Werbung", "2023-11-06"),
    # htmldate took <meta name="last-modified" content="Fr, 17 Mai 2019 13:38:23 MESZ">; the
    # article header's <time datetime="2019-05-15 05:28:29"> (shown "15. Mai 2019, 05:28 Uhr")
    ("trafilatura--sueddeutsche.de.flixtrain", "2019-05-15"),
])
def test_web_published_is_not_the_modification_day(pid, day):
    assert _record_meta(pid).get("published") == day


@pytest.mark.parametrize("pid,in_text,outlet", [
    # the photo credit "Bild: Screenshot Youtube-Video ..." the cleaner read as the outlet "BILD"
    # (no longer: a credit's label is no outlet, tests/test_clean.py; the site is the outlet)
    ("trafilatura--reitschuster.de-Hass-Demo", None, "reitschuster.de"),
    # the byline "Von ..., NDR": the ARD broadcaster that made the piece, tagesschau.de published it
    ("trafilatura--tagesschau.de.rheinmetall", "NDR", "tagesschau.de"),
])
def test_web_outlet_is_the_site_the_page_was_saved_from(pid, in_text, outlet):
    """A web page's site name is a fact; an outlet the cleaner finds in its text (a credit, a
    byline's partner or agency) does not replace it. The only two of the 176 saved pages where
    the two disagreed."""
    doc, cd = _page(pid)
    assert cd.meta.outlet == in_text and doc.meta["outlet"] == outlet
    assert _record_meta(pid)["outlet"] == outlet


@pytest.mark.parametrize("pid,sitename,outlet", [
    # a URL: the site's Facebook page; the page's own host instead
    ("trafilatura--der-farang.com-Grab-Bote", "https://www.facebook.com/DERFARANG/", "der-farang.com"),
    # the headline (JSON-LD's; omr.com's og:site_name is its <title>): the host
    ("trafilatura--exxpress.at-zaehne", "Zähne zusammenbeißen: Festspiel-Reisen von Van der Bellen kosteten 57.000 Euro", "exxpress.at"),
    ("trafilatura--omr.com-Schuhbrand", "Crocs: Wie die Schuhbrand mit mutigen Releases und Kollaborationen Rekordumsätze macht", "omr.com"),
    # the author's name (<meta name="author"> and "publisher": "Andreas Jaeck"): the host
    ("trafilatura--internetchemie.info.Heliumkerne", "Andreas Jaeck", "internetchemie.info"),
    # a publisher's "name, city, country": the name
    ("trafilatura--spiegel.de.albtraum", "SPIEGEL ONLINE, Hamburg, Germany", "SPIEGEL ONLINE"),
    ("snacktory--br-online", "Redaktion BR-online, Bayerischer Rundfunk, München, Germany", "Bayerischer Rundfunk"),
    # the name and a tagline (or stars, or the headline) around it: the part that names the host
    ("trafilatura--ingenieur.de.kernfusion", "ingenieur.de - Jobbörse und Nachrichtenportal für Ingenieure", "ingenieur.de"),
    # (the club's legal form "e.V." goes, as a company's does below)
    ("trafilatura--Journalistenwatch.com-Ladensterben", "☆☆☆☆☆ - Journalistenwatch e.V. - Aktuelle Geschehnisse", "Journalistenwatch"),
    ("trafilatura--furche.at.achtsam", "Achtsam durch die Krise | Die FURCHE", "Die FURCHE"),
    # the host's domain and a tagline after it: the domain
    ("trafilatura--haufe.de-ordnungsgeld", "Haufe.de News und Fachwissen", "Haufe.de"),
    # the company that runs the outlet (JSON-LD publisher, <meta name="copyright">): the page's
    # og:site_name where it names the host or the same name, else the name less its legal form,
    # else (a publisher's words left: Medien, Verlag) the host or the <title>'s domain
    ("trafilatura--KATAPULT-Magazin.de-parteien", "Katapult-Magazin gGmbH", "KATAPULT-Magazin"),
    ("trafilatura--utopia.de-Werbung", "Utopia GmbH", "Utopia.de"),
    ("trafilatura--industriemagazin.at-Luftfahrtbranche", "WEKA Industrie Medien GmbH", "INDUSTRIEMAGAZIN"),
    ("trafilatura--tagblatt.ch-0a29620f", "St.Galler Tagblatt AG", "St.Galler Tagblatt"),
    ("trafilatura--OnlineMarketing.de-Instagram", "OnlineMarketing.de GmbH", "OnlineMarketing.de"),
    ("trafilatura--auto.oe24.at-golfchina", "Oe24 Gmbh", "oe24"),
    ("trafilatura--taz.de.siemens", "TAZ Verlags- und Vertriebs GmbH", "taz.de"),
    ("snacktory--faz", "FAZ Electronic Media GmbH", "faz.net"),
    ("snacktory--taz", "Contrapress Media GmbH", "taz.de"),
    # a publisher's "name, city" (the JSON-LD Organization; og:site_name is the tagline "Sauber in
    # die Zukunft", naming neither): the host
    ("trafilatura--cleanthinking.de.oranger-wasserstoff", "Jendrischik PR, Leipzig", "cleanthinking.de"),
    # a twitter handle, title-cased by trafilatura: the host
    ("trafilatura--achgut.com-coronalage", "Achgut_com", "achgut.com"),
    ("trafilatura--energiezukunft.eu.bioenergie", "Energiezukunft_", "energiezukunft.eu"),
    ("trafilatura--livenet.ch-sprache", "Livenet_Ch", "livenet.ch"),
    ("trafilatura--handelsblatt.com.grenzschliessungen", "Handelsblatt_De", "handelsblatt.com"),
    ("trafilatura--futurezone.at.lyft", "Futurezoneat", "futurezone.at"),
    ("trafilatura--evang.at-lockdown", "Epdoesterreich", "evang.at"),
    ("trafilatura--neues-deutschland.de.mietenstreik", "Ndaktuell", "neues-deutschland.de"),
    ("trafilatura--ndr.de.podcastcoronavirus140", "Ndr", "ndr.de"),
    # a name trafilatura title-cased: as the page writes it (<title>, og:site_name, JSON-LD)
    ("trafilatura--t3n.de-Laufzeit", "T3N Magazin", "t3n Magazin"),
    ("trafilatura--heise.de.marsmenschen", "Heise Online", "heise online"),
    # the publisher (<meta name="copyright">), no og:site_name, a relative canonical URL (no host):
    # the site's name the page gives in its <title>, <meta name="DC.creator"> and logo's alt text
    ("snacktory--heise", "Heise Zeitschriften Verlag", "heise online"),
    # a name trafilatura had right stays: an outlet the page states as its author, a name with
    # a hyphen, two names of one outlet around " - " of which none is the host's, an outlet
    # that is not the canonical URL's host (wiwo.de's page, its canonical URL handelsblatt.com's)
    ("trafilatura--it-finanzmagazin.de.creditshelf", "IT Finanzmagazin", "IT Finanzmagazin"),
    ("readability4j--faz-1", "Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeine Zeitung"),
    ("trafilatura--ln-online.de-d51e75d9", "LN - Lübecker Nachrichten", "LN - Lübecker Nachrichten"),
    ("goose3--test_wiwo", "Wirtschaftswoche", "Wirtschaftswoche"),
    # a handle the page writes as a name (twitter:site "MEEDIA"), a name the page writes as
    # trafilatura does beside a small-letter handle (og:site_name "Solarserver", "@solarserver")
    ("trafilatura--meedia.de.freenet", "MEEDIA", "MEEDIA"),
    ("trafilatura--Solarserver.de.solarthermisches_kraftwerk_dubai", "Solarserver", "Solarserver"),
])
def test_web_outlet_is_a_sites_name_not_what_trafilatura_took_for_it(pid, sitename, outlet):
    """trafilatura's sitename is the first site-name-like field of the page, unchecked: a
    Facebook URL, the headline, the author, a publisher's address, a tagline (`html_meta.outlet`)."""
    import trafilatura

    path = HTML / "pages" / f"{pid}.html"
    assert trafilatura.extract_metadata(path.read_bytes()).sitename == sitename
    assert _record_meta(pid)["outlet"] == outlet


def test_a_bloggers_name_as_site_name_stays_her_byline():
    """The site's own name is no author (above), but a blog named after its author (og:site_name
    and <meta name="author"> both "Anna Muster", her host) keeps her as its author."""
    from pipeline.html import extract

    body = "".join(f"<p>Die Stadt Freiburg hat am Montag den neuen Haushalt beschlossen, Absatz {i}.</p>" for i in range(8))
    html = ('<html><head><title>Neuer Haushalt in Freiburg</title>'
            '<meta property="og:site_name" content="Anna Muster"><meta name="author" content="Anna Muster">'
            '<link rel="canonical" href="https://www.annamuster-blog.de/haushalt"></head>'
            f'<body><article><h1>Neuer Haushalt in Freiburg</h1>{body}</article></body></html>')
    _, meta = extract(html)
    assert meta.get("authors") == ["Anna Muster"] and meta.get("outlet") == "Anna Muster"


def test_markup_date_read_month_first_yields_to_the_pages_date_line():
    """simmentalzeitung.ch's `<meta name="date" content="11/01/2023 ...">` is read month-first
    (2023-01-11) while the page says "Erstellt am: 01.11.2023": the record's published is the
    date its readers see, not the earlier, misread markup date (the earlier of the two wins only
    where they are two different days, not one day read in two orders)."""
    doc, cd = _page("trafilatura--simmeltalzeitung.ch-Trinkwasser")
    assert doc.meta.get("published") == "2023-01-11" and cd.meta.published == "2023-11-01"
    assert _record_meta("trafilatura--simmeltalzeitung.ch-Trinkwasser")["published"] == "2023-11-01"


@pytest.mark.parametrize("pid, kicker, head, first", [
    ("trafilatura--kyffhaeuser-nachrichten.de-Regen", "Lass uns übers Wetter reden", "So viel Regen gab es lange nicht",
     "Das Wetter eignet sich ja bekanntermaßen exzellent dazu"),
    ("trafilatura--nnz-online.de-Quantensprung", "Stadt eröffnet Nordpark-Anlage", "Ein Quantensprung für Nordhausen Nord",
     "In Nord wurde am Freitag die neue Spiel- und Freizeitanlage"),
])
def test_headline_the_body_holds_below_its_date_and_kicker_is_not_doubled(pid, kicker, head, first):
    """trafilatura's body of these pages (one CMS) opens with the date lines, the kicker and the
    <h1>: the headline was put above the body once more (it was not within the body's first
    characters), so the text printed it twice, and the kicker (a <div class="..._dachzeile">, a
    <br/> between it and the <h1>) stayed as a paragraph. The body's copy of the headline is
    logged as `headline`, the kicker as `kicker`; the text opens with the headline, once."""
    doc, cd = _page(pid)
    assert cd.text.startswith(head + "\n\n" + first), cd.text[:200]
    assert cd.text.count(head) == 1
    assert kicker not in cd.text
    assert [r.text for r in cd.removed if r.kind == "kicker"] == [kicker]
    assert [r.text for r in cd.removed if r.kind == "headline"] == [head]
    assert cd.meta.title == head
    assert check_invariants(doc.text, cd) == []


@pytest.mark.parametrize("pid, head, above", [
    # a comment count, a menu item and the kicker above the <h1> in trafilatura's body
    ("trafilatura--fr.de.nordkorea", "Kim Jong Un: Der Diktator ist zurück - Donald Trump ist „glücklich“", "5 Kommentare"),
    # the kicker, no class names it
    ("trafilatura--taz.de.siemens", "Kaeser verarscht Neubauer", "Siemens und die Kohlemine Adani"),
    ("trafilatura--livenet.ch-sprache", "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»",
     "Bestseller-Autorin Birgit Kelle im Talk"),
    # the <h1> inside a list item ("- „Es kommt ...“"), below the byline line: the title was the byline
    ("trafilatura--cicero.de.pandemie", "„Es kommt auch darauf an, wie die Menschen sterben“",
     "Müssen Infizierte unbedingt ins Krankenhaus?"),
])
def test_headline_below_short_lines_of_the_body_opens_the_text_and_is_the_title(pid, head, above):
    """trafilatura's body holds the <h1> as a line of its own below a few short lines: the headline
    was put above the body only when it stood further than 40 characters into it, so on these pages
    the text opened with the first short line and the record's title was "5 Kommentare" (fr.de),
    the kicker (taz.de, livenet.ch). The headline opens the text and is the title; its copy in the
    body is logged as `headline`; the short lines stay, after it."""
    from pipeline.record import merge_meta

    doc, cd = _page(pid)
    assert cd.text.startswith(head + "\n\n"), cd.text[:200]
    assert _n(cd.text).count(_n(head)) == 1
    assert above in cd.text
    assert merge_meta(cd, doc.meta)["title"] == head
    assert [r.text.lstrip("- ") for r in cd.removed if r.kind == "headline"] == [head]
    assert check_invariants(doc.text, cd) == []


def test_site_name_as_metadata_title_is_no_headline():
    """l-mag.de sets its logo in the <h1> ("L-Mag") and the headline in an <h2> and the page's
    <title>; trafilatura took the logo for the title, so the text opened with "L-Mag" and the
    record's title was the site's name. A title that is the site's name is no headline: the
    page's <title> is."""
    from pipeline.record import merge_meta

    head = "Holocaust-Gedenktag: Lesbische Erinnerungskultur mit Stolpersteinverlegung"
    doc, cd = _page("trafilatura--l-mag.de-Holocaust-Gedenken")
    assert cd.text.startswith(head + "\n\n"), cd.text[:200]
    assert "L-Mag" not in cd.text.split("\n")[0]
    assert merge_meta(cd, doc.meta)["title"] == head
    assert check_invariants(doc.text, cd) == []


def test_site_name_and_section_path_after_the_title_are_no_headline():
    """spiegel.de's 2011 <title> "Retro-PC: Commodore reaktiviert den C64 - SPIEGEL ONLINE -
    Nachrichten - Netzwelt" (no <h1> matches it): the site's name was stripped only as the last
    part, so the text opened with the whole <title> and the record's title held the site and its
    sections. The site's name with a section path after it goes too."""
    from pipeline.record import merge_meta

    doc, cd = _page("snacktory--spiegel")
    assert doc.meta["title"].endswith(" - SPIEGEL ONLINE - Nachrichten - Netzwelt")
    assert cd.text.startswith("Retro-PC: Commodore reaktiviert den C64\n\n"), cd.text[:120]
    assert merge_meta(cd, doc.meta)["title"] == "Retro-PC: Commodore reaktiviert den C64"
    assert check_invariants(doc.text, cd) == []


def test_byline_in_capitals_is_a_byline_and_its_name_in_normal_case():
    """A byline set in capitals stayed in the text: cicero.de's "VON MORITZ GATHMANN am 21. April
    2020" (the names matched no name pattern, the day after them no tail), kinzig.news's "von
    MORITZ PAPPERT", which was joined onto the line before it ("Interview mit Bernhard Mosbacher
    und Franziska Weber von MORITZ PAPPERT"). Both are bylines, and the author is the name in
    normal case (trafilatura's "MORITZ GATHMANN" before)."""
    doc, cd = _page("trafilatura--cicero.de.pandemie")
    assert "\nVON MORITZ GATHMANN am 21. April 2020\n" in doc.text
    assert "GATHMANN" not in cd.text and cd.meta.authors == ["Moritz Gathmann"]
    assert _record_meta("trafilatura--cicero.de.pandemie")["authors"] == ["Moritz Gathmann"]
    doc, cd = _page("trafilatura--kinzig.news-Nachhaltigkeit")
    assert "\nvon MORITZ PAPPERT\n" in doc.text
    assert "PAPPERT" not in cd.text and "\nInterview mit Bernhard Mosbacher und Franziska Weber\n" in cd.text
    assert _record_meta("trafilatura--kinzig.news-Nachhaltigkeit")["authors"] == ["Moritz Pappert"]
    # words in capitals after "VON" that are no name (the first word no first name) stay text
    raw = doc.text.replace("von MORITZ PAPPERT", "VON BERLIN NACH FRANKFURT")
    assert "VON BERLIN NACH FRANKFURT" in clean_input(raw, doc.meta).text


@pytest.mark.parametrize("pid,seo,h1", [
    # an SEO <title> / og:title whose words the <h1> hardly shares (kulturnews.de), a social
    # headline (sueddeutsche.de's og:title over its printed "Hegen und Pflegen"), a <title> in
    # other words (Solarserver)
    ("trafilatura--kulturnews.de-Deutschland-Tour", "Ratboys live mit „The Window“: Deutschland-Tour 2023 | Tickets, …",
     "Fensterputzen mit den Ratboys: „The Window“ live"),
    ("readability4j--sueddeutsche-paradise-papers", "Carstensen, der Pharma-Milliardär und ein zweifelhafter Posten",
     "Hegen und Pflegen"),
    ("trafilatura--Solarserver.de.solarthermisches_kraftwerk_dubai", "Dubai: Das größte solarthermische Kraftwerk der Welt",
     "Größtes solarthermisches Kraftwerk der Welt entsteht in Dubai"),
])
def test_the_h1_the_body_opens_with_is_the_headline_not_the_page_title(pid, seo, h1):
    """No <h1> shared the metadata title's words, so the title was put above the body as its
    headline, though trafilatura's body opens with the page's <h1>: the text opened with a title
    the page does not show, and it was the record's title. The <h1> the body opens with is the
    headline."""
    doc, cd = _page(pid)
    assert seo not in cd.text
    assert cd.text.startswith(h1 + "\n")
    assert _record_meta(pid)["title"] == h1


def test_a_page_title_of_kicker_and_headline_lines_is_not_put_above_them():
    """galore.de's <title> "GALORE.de | Kultur | Literatur | 30.11. | Buch der Woche - Nikole
    Hannah-Jones (Hrsg.) • 1619" (its <h1> the section, "Literatur") is the kicker and the
    headline of two lines at the top of the body, joined by " - ": it was put above the body as
    one more line, the text opened with it and it was the record's title. The second line is
    the headline, the first its kicker."""
    doc, cd = _page("trafilatura--galore.de.buch")
    assert "30.11. | Buch der Woche - Nikole" not in cd.text
    assert cd.text.startswith("Nikole Hannah-Jones (Hrsg.) • 1619\n") and cd.text.count("Nikole Hannah-Jones (Hrsg.) • 1619") == 1
    assert "kicker" in {r.kind for r in cd.removed if doc.text[r.start:r.end] == "30.11. | Buch der Woche"}
    assert _record_meta("trafilatura--galore.de.buch")["title"] == "Nikole Hannah-Jones (Hrsg.) • 1619"


def test_a_list_of_other_articles_headlines_above_the_article_is_furniture():
    """haufe.de's "Serienelemente" list (the headlines of the series' other articles, each a link,
    the page's own unlinked) stood in the text between the headline and the first paragraph: five
    headlines of other articles. A <ul> whose items are each wholly a link's headline (under it at
    most a date or a count) is a list of other articles, logged as `teaser`; trafilatura's "- "
    before each item's line is no part of the line."""
    doc, cd = _page("trafilatura--haufe.de-ordnungsgeld")
    others = ["Nur schwacher Titelschutz für „Nie wieder keine Ahnung“", "Duzen unter Parteifreunden ist keine Beleidigung",
              "Wann auch die Großeltern unterhaltspflichtig sind",
              "Verbote von Corona-Spaziergängen nach dem VersammlG könnten rechtswidrig sein"]
    assert all(f"\n- {t}\n" in doc.text for t in others)
    assert not any(t in cd.text for t in others)
    assert cd.text.startswith("Buß- und Ordnungsgeld gegen Anwalt wegen Maskenverweigerung\n\nEin norddeutscher Rechtsanwalt")
    assert {r.kind for r in cd.removed if "Duzen unter Parteifreunden" in doc.text[r.start:r.end]} == {"teaser"}
