"""HTML main text: trafilatura for the body, the page's own markup for what it drops.

trafilatura (tested on thousands of real pages) finds the article body and removes the
navigation, teasers, share and cookie text around it. Two parts of a news article it often
loses, because its boilerplate filters key on class names and on position:

* the headline: trafilatura keeps it in its metadata (`title`), not in the text;
* the lead ("Vorspann", standfirst): printed between headline and body, usually in an element
  whose class says "intro", "lead", "teaser" or "excerpt" or inside the article's <header>;
  trafilatura's filters drop "teaser" classes and header blocks.

So the text handed on as the article's raw text is built in reading order:

    [kicker]  headline  [lead]  body (trafilatura; tables off: measured, they pulled in link lists)

The kicker ("Dachzeile", the line above the headline) is kept in the raw text on its own line
and marked as furniture (`meta["furniture"]`), so the cleaner logs it as `kicker` in
`removed` like the kickers of print pages. Metadata: trafilatura's (title, author, site
name, description) and htmldate's publication date (htmldate reads the page's markup, URL
and text; `original_date=True` asks for the first publication, not the last update; a year or
a month alone, which htmldate makes the first day, is no date: see `extract`).

Whether a page is an article at all is `html_pages.py`'s job.
"""
from __future__ import annotations

import re
from typing import Optional

WS = re.compile(r"\s+")

# Class / id words that name the lead paragraph in news CMS templates (WordPress "excerpt",
# "entry-summary"; "intro"/"lead"/"teaser" in German publishers' templates; "standfirst" in
# British ones; "dek"/"deck" in American ones; "vorspann"/"anriss" German newsroom terms).
LEAD_NAME = re.compile(
    r"(?:^|[\s_-])(?:lead|leadtext|intro|introtext|teaser|teasertext|teaser-text|standfirst|excerpt|summary|"
    r"subtitle|subline|subheadline|vorspann|anriss|abstract|dek|deck|description|article-?lead|story-?lead)(?:$|[\s_-])",
    re.I)
# Class / id words of a kicker ("Dachzeile", "Spitzmarke"): the short line over the headline.
KICKER_NAME = re.compile(
    r"(?:^|[\s_-])(?:kicker|dachzeile|spitzmarke|topline|overline|roofline|supertitle|pretitle|"
    r"headline-?intro|headline-?kicker|title-?kicker|eyebrow)(?:$|[\s_-])", re.I)
# Containers whose text is never the article's lead or headline (menus, footers, forms,
# related-article lists): their descendants are skipped.
SKIP_TAGS = {"script", "style", "noscript", "nav", "footer", "form", "aside", "template", "svg", "button", "select"}
# A photo credit on a line of its own or at the end of a caption: "Foto: Christian Charisius/dpa",
# "(Foto: dpa)", "Bild: dpa", "© Max Muster".
PHOTO_CREDIT = re.compile(
    r"(?:^|[.!?\"“”]\s+|\()(?:Foto|Fotos|Bild|Bilder|Bildquelle|Photo|Image|Credit)\s*:\s*[^\s()][^()]{0,100}\)?$"
    r"|^©\s*\S.{0,100}$")

# A caption that trafilatura keeps as a paragraph of the body: a sentence, then the photo's
# credit at the block's end ("Auch Herbert Grönemeyer gehört zu den Unterstützern. Bild: dpa",
# faz.net's <span class="atc-ImageDescriptionCopyright"> beside the description). trafilatura
# drops <figure>/<figcaption> but not a caption in a <p> or <span> of a div named otherwise; a
# paragraph of prose does not end in a credit. The credit: a few words, no sentence end.
CAPTION_CREDIT = re.compile(
    r"^(?=.{0,300}$)(?P<caption>.*\w.*[.!?…\"“”»«)])\s+\(?(?:(?:Foto|Fotos|Bild|Bilder|Bildquelle|Photo)\s*:|©)\s*"
    r"(?P<credit>[^\s.!?:()](?:(?![.!?]\s)[^!?:()]){0,59})\)?$")
# Class / id words of a box of other articles or of the site's picture galleries ("related",
# Drupal's "view-related-content"; "gallery", taz's "sect_galleries"): trafilatura keeps their
# blurbs when the box's heading is a link it drops (meininger.de's related articles in the
# middle of the body, taz.de's gallery blurbs at its end). A whole word of the name only.
RELATED_NAME = re.compile(r"(?:^|[\s_-])(?:related|gallery|galleries|bildergalerie)(?:$|[\s_-])", re.I)


def norm(s: str) -> str:
    return WS.sub(" ", s.replace("\u00ad", "")).strip()


def parse(html: str):
    """The page's lxml tree (an XML declaration needs bytes); raises on markup lxml cannot read."""
    from lxml import html as lxml_html

    return lxml_html.fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html)


def _text(el) -> str:
    return norm(el.text_content())


# Elements a browser sets on a line of their own: their text is separated from what comes
# before and after. lxml's text_content() joins the text nodes as they are, so minified markup
# ("<h3>...20 Prozent</h3><p>Energie...") came out as "ProzentEnergie".
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol",
              "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}


def _block_lines(el) -> list[str]:
    """The element's text as a reader sees it, one line per block element (<p>, <div>, <h2>,
    ...); no break inside a line ("<a>Bundestag</a>,"), a space at a <br> and around a kicker
    (which pages set on its own line by CSS)."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))  # not recursive: pages nest deep
    for event, e in walker:
        tag = e.tag.lower() if isinstance(e.tag, str) else ""
        hidden = tag in ("script", "style", "template") or not tag  # no text a reader sees
        block = tag in BLOCK_TAGS and tag != "br"
        space = tag == "br" or (tag and not block and bool(KICKER_NAME.search(_names(e))))
        sep = "\x00" if block else " " if space else ""
        if event == "start":
            if hidden:
                walker.skip_subtree()
                continue
            parts.append(sep)
            parts.append((e.text or "").replace("\x00", " "))
        else:
            parts.append(sep if not hidden else "")
            if e is not el:
                parts.append((e.tail or "").replace("\x00", " "))
    return [line for line in (norm(x) for x in "".join(parts).split("\x00")) if line]


def _block_text(el) -> str:
    """The element's text on one line: a space between block elements, none inside a line."""
    return " ".join(_block_lines(el))


def _skipped(el) -> bool:
    """Inside a container that never holds the article's own text."""
    while el is not None:
        if isinstance(el.tag, str) and el.tag.lower() in SKIP_TAGS:
            return True
        el = el.getparent()
    return False


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _link_share(el) -> float:
    """Share of an element's text inside links: teaser lists are mostly links, leads are not.
    An element inside a link is all link (the text of a teaser that links to its article)."""
    if any(a.get("href") for a in el.iterancestors("a")):
        return 1.0
    total = len(_text(el)) or 1
    return sum(len(_text(a)) for a in el.iter("a")) / total


def _find_block(tree, needle: str):
    """The first element in the page, of the innermost ones, whose text contains `needle`
    (normalised), or None. The first: a page may repeat a paragraph further down (faz.net
    repeats the lead in a hidden "send by mail" box at the page's end); the smallest of all
    was that copy, and the body was placed after the teasers between the two."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in SKIP_TAGS or needle not in _text(el):
            continue
        # innermost: no child holds it (a <head> holds it in its JSON-LD <script> only)
        if not any(isinstance(k.tag, str) and needle in _text(k) for k in el):
            return el
    return None


def _doc_order(tree) -> dict:
    return {el: i for i, el in enumerate(tree.iter())}


def _strip_site(title: str, sitename: Optional[str]) -> str:
    """'Irme Stetter-Karp ist neue ZdK-Präsidentin | DOMRADIO.DE' -> the headline: a page
    <title> often ends in the site's name after a separator; trafilatura's title keeps it
    when the page has no og:title."""
    m = re.match(r"^(.{10,}?)\s+[|–—-]\s+([^|–—]{2,40})$", title)
    if m:
        tail = m.group(2).strip().lower()
        if (sitename and tail.replace(" ", "") in sitename.lower().replace(" ", "")) or re.search(r"\.[a-z]{2,4}$", tail):
            return m.group(1).strip()
    # ... or the site's name and its section path after it: "Retro-PC: Commodore reaktiviert den
    # C64 - SPIEGEL ONLINE - Nachrichten - Netzwelt" (spiegel.de, 2011)
    m = re.match(r"^(.{10,}?)\s+[|–—-]\s+([^|–—-]{2,40}?)((?:\s+[|–—-]\s+[^|–—-]{2,40}){1,3})$", title)
    if m and sitename and len(m.group(2).strip()) >= 3 and m.group(2).strip().lower().replace(" ", "") == sitename.lower().replace(" ", ""):
        return m.group(1).strip()
    return title


def _is_site_name(title: str, sitename: Optional[str]) -> bool:
    """Whether a title is the site's name ("L-Mag" of the site "l-mag.de"): the same letters
    and digits as the site name without its top-level domain."""
    if not sitename:
        return False
    key = re.sub(r"\W+", "", title).lower()
    site = re.sub(r"\W+", "", re.sub(r"^www\.|\.[a-z]{2,4}$", "", sitename.strip().lower()))
    return bool(key) and key == site


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def _title_h1(tree, title: Optional[str]):
    """The <h1> that is the headline when the metadata title is not: trafilatura's title may
    come from a hidden microformat span of some other box (snacktory--faz: the hAtom
    "entry-title" of the page's news ticker, "FAZ.NET-Ticker"), and trafilatura has no check of
    its title against the page. When that title is not in the page's <title>, the <h1> of three
    words or more whose words all stand in the page's <title> ("Im Gespräch: ... Ihr Deutschen
    steht allein da - Atomdebatte - FAZ.NET") is the headline; else None. Not when the title is
    the page's og:title: the publisher's own word for the headline (bento.de and spiegel.de give
    a social-media headline there that differs from the <h1>; it stays the headline)."""
    el = tree.find(".//title")
    ptitle = norm(el.text_content()) if el is not None else ""
    if not ptitle or (title and norm(title).lower() in ptitle.lower()):
        return None
    if title and any(norm(m.get("content") or "") == norm(title)
                     for m in tree.iter("meta") if (m.get("property") or m.get("name")) == "og:title"):
        return None
    pw = _words(ptitle)
    for h in tree.iter("h1"):
        hw = _words(_text(h))
        if not _skipped(h) and len(hw) >= 3 and hw <= pw:
            return h
    return None


def headline(tree, title: Optional[str], sitename: Optional[str] = None) -> tuple[Optional[str], Optional[str], object]:
    """(kicker, headline, h1 element). The headline is the page's <h1> that shares most words
    with the metadata title (pages have several h1: logo, section name); without a matching
    h1 it is the metadata title itself. A kicker is a child of the h1, or the element just
    before it, whose class names it a kicker. A metadata title that is the site's name
    (`_is_site_name`: l-mag.de's logo in its <h1>, "L-Mag") is replaced by the page's <title>."""
    if title and _is_site_name(title, sitename):
        el = tree.find(".//title")
        ptitle = _strip_site(norm(el.text_content()), sitename) if el is not None else ""
        if ptitle and not _is_site_name(ptitle, sitename):
            title = ptitle
    tw = set(norm(title or "").lower().split())
    best, score = None, 0.0
    for h in tree.iter("h1"):
        if _skipped(h):
            continue
        words = set(_text(h).lower().split())
        if not words:
            continue
        # overlap with the title; with no metadata title, the first h1 with text wins
        sc = len(words & tw) / len(words | tw) if tw else (1.0 if best is None else 0.0)
        if sc > score:
            best, score = h, sc
    if best is None or score < 0.3:  # no h1 that is the article's headline
        best = _title_h1(tree, title)
        if best is None:
            return None, (_strip_site(norm(title), sitename) if title else None), None
    kicker = None
    full = _text(best)
    for el in best.iter():
        if el is not best and isinstance(el.tag, str) and KICKER_NAME.search(_names(el)):
            k = _text(el)
            # a kicker is a few words (a topic, a place); a sentence there is a subtitle
            if k and len(k.split()) <= 6 and len(k) < len(full) and full.startswith(k):
                kicker = k
                full = norm(full[len(k):].lstrip(" :|–-"))
            break
    if kicker is None:
        prev = best.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or prev.tag == "br"):
            prev = prev.getprevious()  # a line break or a comment between the kicker and the <h1>
        if prev is None and best.getparent() is not None:  # <div class=kicker> beside <h1> in a <header>
            prev = best.getparent().getprevious()
        if prev is not None and isinstance(prev.tag, str) and KICKER_NAME.search(_names(prev)):
            k = _text(prev)
            if 0 < len(k) <= 80 and len(k.split()) <= 6:  # a kicker is a few words; longer is some other block
                kicker = k
    return kicker, full or None, best


def lead(tree, h1, body: str, description: Optional[str]) -> Optional[str]:
    """The lead when trafilatura dropped it, else None: one line per paragraph of the lead.

    Candidates, in this order: (1) the element whose text begins like the page's description
    (og:description is the lead on most news sites; requiring the text in the page keeps
    descriptions written only for search engines out), widened to the whole lead block (the
    description is often the lead's first paragraph only); (2) the first element after the
    headline and before the body whose class names it a lead; (3) the <h2> grouped with the
    headline in an <hgroup>. All must lie before the
    body's first paragraph in the page, hold a sentence (>= 6 words), and not be a link list.
    A paragraph of the lead that trafilatura kept in the body is not repeated.
    """
    nbody = norm(body)
    blines = [norm(x) for x in body.split("\n")]
    order = _doc_order(tree)
    # where the body starts in the page: its first paragraph of sentence length (trafilatura
    # may keep the headline or a short label as the body's first line)
    firstpar = next((norm(x) for x in body.split("\n") if len(norm(x)) >= 80), "")
    first = _find_block(tree, firstpar[:60]) if firstpar else None
    body_pos = order.get(first, len(order))
    h1_pos = order.get(h1, -1) if h1 is not None else -1

    def ok(el) -> bool:
        t = _block_text(el)
        pos = order.get(el, -1)
        # before the body (a lead precedes it), after the headline when there is one, and
        # not inside the body's own element (then it would be body text trafilatura kept)
        if not (h1_pos <= pos < body_pos) or _skipped(el):
            return False
        if len(t.split()) < 6 or len(t) > 1500 or _link_share(el) > 0.5:
            return False
        # a photo's caption is no lead: the search here is ours (trafilatura keeps no lead and
        # leaves captions out of its text), and caption classes carry the lead words
        # (sueddeutsche.de's <figcaption class="asset-image__description">, "description"), as
        # may a page's description. A caption is inside a <figure>/<figcaption>, or ends with
        # the photo's credit ("... für Niedriglöhne. (Foto: dpa)").
        if any(isinstance(a.tag, str) and a.tag.lower() in ("figure", "figcaption") for a in el.iterancestors()) \
                or el.tag.lower() in ("figure", "figcaption") or PHOTO_CREDIT.search(_block_lines(el)[-1]):
            return False
        return t[:60] not in nbody  # already in the body: nothing lost

    def text(el) -> Optional[str]:
        # the lead's paragraphs on lines of their own (web text is one block per line for the
        # cleaner), less those trafilatura kept in the body (a line of the body begins so)
        lines = [x for x in _block_lines(el) if not any(b.startswith(x[:60]) for b in blines)]
        return "\n".join(lines) or None

    def holds(el, other) -> bool:  # `other` is `el` or inside it
        return other is not None and (other is el or any(a is el for a in other.iterancestors()))

    def widened(el):
        """The whole lead block around `el`, the paragraph that holds the description: the
        nearest element named a lead (the paragraph itself, or one around it), else the parent
        whose children are all paragraphs; never one that holds the headline or the body."""
        blk = el
        while (blk.getparent() is not None and _text(blk.getparent()) == _text(blk)
               and not holds(blk.getparent(), h1) and not holds(blk.getparent(), first)):
            blk = blk.getparent()  # wrappers around the paragraph alone (<div><p>...</p></div>)
        if LEAD_NAME.search(_names(blk)):
            return blk  # named a lead itself: the lead block
        for anc in blk.iterancestors():
            if not isinstance(anc.tag, str) or anc.tag.lower() in ("body", "html") or holds(anc, h1) or holds(anc, first):
                break
            if LEAD_NAME.search(_names(anc)):
                return anc
        parent = blk.getparent()
        if (parent is not None and isinstance(parent.tag, str) and parent.tag.lower() not in ("body", "html")
                and not holds(parent, h1) and not holds(parent, first)):
            kids = [k for k in parent if isinstance(k.tag, str)]
            loose = (parent.text or "").strip() or any((k.tail or "").strip() for k in parent)
            if len(kids) > 1 and not loose and all(k.tag.lower() == "p" for k in kids):
                return parent
        return blk

    desc = norm(description or "").rstrip(".…").strip()
    if len(desc) >= 40:
        head = desc[:50]
        cands = [el for el in tree.iter() if isinstance(el.tag, str) and el.tag.lower() not in SKIP_TAGS
                 and el.tag.lower() not in ("head", "meta", "title") and _text(el).startswith(head)]
        if cands:
            el = min(cands, key=lambda e: len(_text(e)))  # the innermost: the paragraph itself
            for blk in (widened(el), el):
                if ok(blk) and text(blk):
                    return text(blk)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.tag.lower() == "subtitle" or LEAD_NAME.search(_names(el))) and ok(el) and text(el):
            return text(el)
    # (3) the subheading the page groups with its headline: an <h2> after the <h1> inside
    # the same <hgroup> (HTML's own markup for a heading and its subtitle; die-tagespost.de
    # sets its lead so, with no class name and an og:description of its own)
    if h1 is not None and h1.getparent() is not None and h1.getparent().tag == "hgroup":
        for el in h1.itersiblings():
            if isinstance(el.tag, str) and el.tag.lower() in ("h2", "p") and ok(el) and text(el):
                return text(el)
    return None


def _stated(day: str, html: str) -> bool:
    """Whether the page writes the day `day` (YYYY-MM-DD) as a full date: ISO (2022-01-05,
    2022/01/05, 20220105), German (5.1.2022, 05.01.22, 5. Januar 2022, 5. Jan. 2022) or English
    (January 5, 2022; 5 January 2022)."""
    y, m, d = day.split("-")
    mi, di = int(m), int(d)
    de = ["Januar|Jänner", "Februar", "März|Maerz", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"][mi - 1]
    en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"][mi - 1]
    names = f"(?:{de}|{en}|{en[:3]}\\.?|{de[:3]}\\.?)"
    pats = [rf"{y}[-/.]{m}[-/.]{d}(?!\d)", rf"(?<!\d){y}{m}{d}(?!\d)",
            rf"(?<!\d)0?{di}\.\s*0?{mi}\.\s*(?:{y}|{y[2:]})(?!\d)", rf"(?<!\d)0?{di}/0?{mi}/(?:{y}|{y[2:]})(?!\d)",
            rf"(?<!\d)0?{di}\.?\s+{names}\s+{y}(?!\d)", rf"\b{names}\s+0?{di}(?:st|nd|rd|th)?,?\s+{y}(?!\d)"]
    return any(re.search(p, html, re.I) for p in pats)


def extract(html: str) -> tuple[str, dict]:
    import trafilatura

    # trafilatura's own options. Comments are reader comments, not the article. Tables stay
    # out: on the 176 pages of bench/bench_html.py include_tables=True added no `with` snippet
    # and brought related-article lists of layout tables (older CMS set whole pages in
    # <table>); fact boxes are <div>/<aside> blocks that trafilatura keeps either way.
    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    if len(body) < 500:
        # under 500 characters is no news article's body: trafilatura's precision filters
        # cut it (its documentation's advice when too little comes out: favor_recall). The
        # longer of the two is kept. On bench/bench_html.py's pages this changes one page,
        # whose body trafilatura's default cut to one sentence.
        recall = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
        if len(recall) > len(body):
            body = recall
    # trafilatura's text holds one block (paragraph, heading, list item) per line: the cleaner
    # must not read its short lines as a column's wrapped lines (`clean_input`)
    meta: dict = {"extracted_with": "trafilatura", "blocks": True}
    md = trafilatura.extract_metadata(html)
    title = description = None
    if md is not None:
        title, description = md.title, md.description
        for key in ("title", "author", "sitename"):
            val = getattr(md, key, None)
            if val:
                meta[{"author": "authors", "sitename": "outlet"}.get(key, key)] = val
        # the page's own address (trafilatura: <link rel="canonical">, og:url), the record's
        # `meta.url` as a JSONL record's url; only an absolute http(s) URL (a relative one
        # says nothing without the address the page was saved from)
        url = (getattr(md, "url", None) or "").strip()
        if re.match(r"https?://[^\s/]+\S*$", url):
            meta["url"] = url
    # The publication date: htmldate's fast search (the page's markup, JSON-LD, URL, <time>),
    # else the date trafilatura's metadata found with htmldate's extensive search (free text).
    # Where the page gives a year or a month only, htmldate makes it a day, the first (its last
    # resort is the copyright line: a front page with "© 2022" got 2022-01-01, as does
    # <meta itemprop="copyrightYear">). A first of the month is kept only where the page writes
    # that day: a day the page does not give is no publication date.
    date = None
    try:
        from htmldate import find_date

        date = find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate is a hint only; trafilatura's date stays
        pass
    date = date or (md.date if md is not None else None)
    if date and (not date.endswith("-01") or _stated(date, html)):
        meta["published"] = date
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [a.strip() for a in meta["authors"].split(";") if a.strip()]
    try:
        tree = parse(html)
    except Exception:  # unparseable markup: trafilatura's text as it is
        return body, meta
    from .html_meta import authors, outlet, published_over_modified

    if meta.get("outlet"):
        # trafilatura's site name is the first site-name-like field it finds, unchecked (a
        # Facebook URL, the headline, a "name, city, country", a tagline): `outlet`
        site = outlet(meta["outlet"], tree, title, meta.get("url"))
        if site:
            meta["outlet"] = site
        else:
            del meta["outlet"]

    if meta.get("authors"):
        # trafilatura's author is a guess from markup, with no check against what the page
        # states (`authors`); an empty list is no author
        meta["authors"] = authors(meta.get("authors") or [], tree, title, meta.get("outlet"), meta.get("url"))
        if not meta["authors"]:
            del meta["authors"]
    # htmldate's date checked against the page's own statements (`published_over_modified`)
    day = published_over_modified(tree, meta.get("published"))
    if day:
        meta["published"] = day
    kicker, head, h1 = headline(tree, title, md.sitename if md is not None else None)
    if h1 is None and head and body:
        # no <h1> shares the metadata title's words, but trafilatura's body opens with an <h1> of
        # three words or more: that is the article's headline, the title an SEO page title
        # (kulturnews.de's <title> "Ratboys live mit „The Window“: Deutschland-Tour 2023 |
        # Tickets, …" over the <h1> "Fensterputzen mit den Ratboys: „The Window“ live" opened the
        # text and was the record's title)
        opening = norm(body.partition("\n")[0])
        for h in tree.iter("h1"):
            if not _skipped(h) and len(_words(_text(h))) >= 3 and norm(_text(h)) == opening:
                head, h1 = opening, h
                meta["title"] = head
                break
        else:
            # ... or the title is the kicker and the headline of two lines among the body's opening
            # lines, joined by a separator (galore.de's <title> "30.11. | Buch der Woche - Nikole
            # Hannah-Jones (Hrsg.) • 1619" over its lines "30.11. | Buch der Woche" / "Nikole
            # Hannah-Jones (Hrsg.) • 1619"): the second is the headline, the first its kicker
            top = [norm(x) for x in body.split("\n")[: HEAD_COPY_MAX_LINES + 1] if x.strip()]
            pair = next(((a, b) for a, b in zip(top, top[1:]) for sep in (" - ", " – ", " — ", " | ", ": ")
                         if len(a.split()) <= 6 and a + sep + b == head), None)
            if pair:
                kicker, head = pair
                meta["title"] = head
    if head and title and not (_words(head) & _words(title)):
        meta["title"] = head  # trafilatura's title was another box's (`_title_h1`)
    ld = lead(tree, h1, body, description) if body else None
    parts: list[tuple[str, Optional[str]]] = []
    first, _, after = body.partition("\n")
    nfirst = norm(first)
    if kicker and nfirst == kicker:
        # trafilatura kept the kicker as the body's first line ("Gesundheit" over the
        # headline): it is furniture all the same
        body = after.lstrip("\n")
    elif kicker and head and nfirst.startswith(kicker) and norm(nfirst[len(kicker):].lstrip(" :|–-")) == head:
        # ... or glued to the headline, the <h1> that holds both as one line ("Interne Unterlagen
        # im Netz Daten von Rheinmetall gehackt", tagesschau's dachzeile): the headline its own line
        body = head + "\n" + after
    nbody = norm(body)
    first_line, _, rest = body.partition("\n")
    copy = []
    if head and norm(first_line) != head and WS.sub("", first_line) != WS.sub("", head):
        # the headline a line of the body below its first: put above the body, its copy logged
        copy = _headline_copy(body, head, kicker)
    if kicker and not nbody.startswith(kicker) and not any(kind == "kicker" for _, _, kind in copy):
        parts.append((kicker, "kicker"))
    if head and norm(first_line) == head:
        # trafilatura kept the headline as the body's first line: the lead goes after it
        parts.append((first_line.strip(), None))
        body = rest.lstrip("\n")
    elif head and WS.sub("", first_line) == WS.sub("", head):
        # ... with spaces the headline has not: faz.net sets "SPD-Spitze auf Parteitag" and
        # "Ein Problem namens Schulz" in spans of an <h2> with a hidden ": " between, and
        # trafilatura joins them with spaces ("SPD-Spitze auf Parteitag : Ein Problem namens
        # Schulz"); it has no notion of the headline we put in, so its copy is a duplicate,
        # logged as `headline`
        parts.append((head, None))
        parts.append((first_line.strip(), "headline"))
        body = rest.lstrip("\n")
    elif head and (copy or head not in nbody[: len(head) + 40]):
        parts.append((head, None))
    if ld:
        parts.append((ld, None))
    inside = _body_furniture(tree, body)
    if copy:
        inside = sorted(inside + copy)
    if not parts or (len(parts) == 1 and parts[0][0] == first_line.strip()):
        text = parts[0][0] + "\n" + body if parts else body
        if inside:
            at = len(text) - len(body)
            meta["furniture"] = [[at + a, at + b, kind] for a, b, kind in inside]
        return text, meta
    text, furniture = "", []
    for t, kind in parts:
        if kind:
            furniture.append([len(text), len(text) + len(t), kind])
        text += t + "\n\n"
    at = len(text)
    text += body
    furniture += [[at + a, at + b, kind] for a, b, kind in inside]
    if furniture:
        meta["furniture"] = furniture
    meta["extracted_with"] = "trafilatura+markup"
    return text, meta


# The body's lines above trafilatura's copy of the headline (`_headline_copy`): so many at most, each this long at most.
HEAD_COPY_MAX_LINES = 5
HEAD_COPY_LINE_MAX_CHARS = 80
# the mark trafilatura sets before a list item's line
LIST_MARK = re.compile(r"^[-*•]\s+")


def _headline_copy(body: str, head: str, kicker: Optional[str]) -> list[list]:
    """Spans `[start, end, kind]` of trafilatura's copy of the headline among the body's opening
    lines, below a few short lines (the date and time, the kicker: kyffhaeuser-nachrichten.de and
    nnz-online.de print "Di, 10:19 Uhr" / "31.10.2023" / the kicker / the <h1> before the first
    paragraph; fr.de a comment count and a menu item), kind `headline`, and of the kicker's line
    there, kind `kicker`. The headline is put above the body, so the body's copy is a duplicate,
    and the text opens with the headline, the cleaner's title (it was "5 Kommentare", fr.de's
    first line). [] where the headline is no line of its own there: a long line before it is a
    paragraph, and the headline in it is the article's text."""
    spans, pos = [], 0
    for line in body.split("\n")[: HEAD_COPY_MAX_LINES + 1]:
        t = norm(line)
        a, b = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        pos += len(line) + 1
        if t == head or LIST_MARK.sub("", t, count=1) == head:  # "- „Es kommt ...“": cicero.de's <h1> in a list item
            return spans + [[a, b, "headline"]]
        if len(t) > HEAD_COPY_LINE_MAX_CHARS:
            return []
        if kicker and t == kicker:
            spans.append([a, b, "kicker"])
    return []


# A teaser of another article in a list of them: its text, headline link and blurb, this long at most.
TEASER_ITEM_MAX_CHARS = 600
# A date in figures: a link line that holds one is no headline but a comment's heading
# ("07.04.2011 von RogueFive: offline", spiegel.de's forum excerpts, logged as `comments`).
DATE_NUM = re.compile(r"(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)")


def _teaser_list_items(tree, keep_out: set) -> list:
    """The items of a list of other articles' teasers that no box name marks (a "Weitere
    Meldungen" grid, arbeit-und-arbeitsrecht.de's "news kachel views-row" tiles under the
    article): three or more sibling elements of one tag and class, each at most
    TEASER_ITEM_MAX_CHARS of text, each with a line of its own that is wholly a link's text of
    three words or more and no date (the other article's headline; a comment's heading has its
    date) and a line that is no link's text (its blurb). An article's paragraphs have their links inside the line, never on one of their
    own; none of the items may hold the body's first paragraph or the headline (`keep_out`)."""
    items = []
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or _skipped(parent):
            continue
        groups: dict = {}
        for k in parent:
            if isinstance(k.tag, str):
                groups.setdefault((k.tag, k.get("class") or ""), []).append(k)
        for group in groups.values():
            if len(group) < 3:
                continue
            for m in group:
                lines = _block_lines(m)
                if m in keep_out or not lines or sum(map(len, lines)) > TEASER_ITEM_MAX_CHARS:
                    break
                links = {_text(a) for a in m.iter("a") if (a.get("href") or "#")[:1] != "#"}
                if (not any(x in links and len(x.split()) >= 3 and not DATE_NUM.search(x) for x in lines)
                        or all(x in links for x in lines)):
                    break
            else:
                items.extend(group)
    return items


def _link_lists(tree, keep_out: set) -> list:
    """Lists of other articles' headlines that no box name marks (haufe.de's "Serienelemente" and
    "Neueste beiträge" above and beside the article): a <ul> or <ol> of three or more items, each
    wholly a link's text of three words or more and no date (another article's headline), under it
    at most lines of figures (its date, a count of views); one item may be the page's own
    headline, unlinked (the article's place in its series). An article's own list of points has
    text beside its links."""
    heads = {norm(_text(h)) for h in tree.iter("h1")}
    out = []
    for ul in tree.iter("ul", "ol"):
        if ul in keep_out or _skipped(ul):
            continue
        items = [li for li in ul if isinstance(li.tag, str)]
        if len(items) < 3 or any(li.tag != "li" for li in items):
            continue
        own = 0
        for li in items:
            lines = [norm(x) for x in _block_lines(li) if norm(x)]
            links = {norm(_text(a)) for a in li.iter("a") if (a.get("href") or "#")[:1] != "#"}
            if not lines:
                break
            if (lines[0] in links and len(lines[0].split()) >= 3 and not DATE_NUM.search(lines[0])
                    and all(re.fullmatch(r"[\d.:,/ ]+", x) for x in lines[1:])):
                continue
            if len(lines) == 1 and lines[0] in heads and not links and not own:
                own = 1
                continue
            break
        else:
            out.append(ul)
    return out


def _body_furniture(tree, body: str) -> list[list]:
    """Spans `[start, end, kind]` of lines of trafilatura's body that are no part of the
    article: a caption with its credit (`CAPTION_CREDIT`, kind `caption`), and a blurb of another
    article whose text stands in the page only inside a box of other articles (`RELATED_NAME`) or
    an item of a list of teasers (`_teaser_list_items`) or a list of other articles' headlines
    (`_link_lists`), kind `teaser`. They stay in the raw text,
    marked, so the cleaner logs them in `removed`.

    A box is taken only when it holds neither the body's first paragraph nor the headline (a
    gallery page's own pictures), and a line only when the page has its text nowhere outside such
    boxes (a box that repeats the article's lead leaves the lead alone)."""
    from collections import Counter

    spans: list[list] = []
    lines, pos = [], 0
    for line in body.split("\n"):
        lines.append((pos, pos + len(line), norm(line)))
        pos += len(line) + 1
    for a, b, t in lines:
        m = CAPTION_CREDIT.match(t)
        if m and len(m.group("credit").split()) <= 8:
            spans.append([a, b, "caption"])
    firstpar = next((t for _, _, t in lines if len(t) >= 80), "")
    first = _find_block(tree, firstpar[:60]) if firstpar else None
    if first is None:
        return spans
    from .html_pages import _consent_boxes

    keep_out = {first, *first.iterancestors()}
    h1s = [h for h in tree.iter("h1")]
    keep_out.update(a for h in h1s for a in h.iterancestors())
    boxes = []
    for el in tree.iter():
        if (isinstance(el.tag, str) and el not in keep_out and RELATED_NAME.search(_names(el))
                and not _skipped(el) and not any(a in boxes for a in el.iterancestors())):
            boxes.append(el)
    # a cookie-consent panel (`html_pages._consent_boxes`: the consent manager's container, named
    # so in the markup) that trafilatura appends to the article (meininger.de's "sp-dsgvo" dialog)
    consent = [el for el in _consent_boxes(tree) if el not in keep_out]
    boxes += [el for el in _teaser_list_items(tree, keep_out) if not any(a in boxes for a in el.iterancestors())]
    taken = set(boxes)
    boxes += [el for el in _link_lists(tree, keep_out)
              if not any(a in taken for a in el.iterancestors()) and not any(d in taken for d in el.iter())]
    if not boxes and not consent:
        return spans
    page = tree.find("body")
    in_page = Counter(_block_lines(page if page is not None else tree))
    done = {a for a, _, _ in spans}
    for els, kind in ((boxes, "teaser"), (consent, "boilerplate")):
        in_boxes = Counter(x for el in els for x in _block_lines(el))
        for a, b, t in lines:
            if not in_boxes[t]:  # "- Nur schwacher Titelschutz ...": trafilatura's mark before a list item
                t = LIST_MARK.sub("", t, count=1)
            if t and a not in done and in_boxes[t] and in_boxes[t] == in_page[t]:
                spans.append([a, b, kind])
                done.add(a)
    return sorted(spans)
