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

A page that is no article is an error, not a record: navigation only (`prose_chars`), and a
cookie wall or a front page of teasers (`not_article`), whose consent or teaser text
trafilatura returns as the article's when the page holds nothing else.
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


def norm(s: str) -> str:
    return WS.sub(" ", s.replace("\u00ad", "")).strip()


def _text(el) -> str:
    return norm(el.text_content())


# Elements a browser sets on a line of their own: their text is separated from what comes
# before and after. lxml's text_content() joins the text nodes as they are, so minified markup
# ("<h3>...20 Prozent</h3><p>Energie...") came out as "ProzentEnergie".
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol",
              "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}


def _block_text(el) -> str:
    """The element's text as a reader sees it: a space between block elements (and around a
    kicker, which pages set on its own line by CSS), none inside a line ("<a>Bundestag</a>,")."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))  # not recursive: pages nest deep
    for event, e in walker:
        tag = e.tag.lower() if isinstance(e.tag, str) else ""
        hidden = tag in ("script", "style", "template") or not tag  # no text a reader sees
        block = tag in BLOCK_TAGS or (tag and bool(KICKER_NAME.search(_names(e))))
        if event == "start":
            if hidden:
                walker.skip_subtree()
                continue
            parts.append(" " if block else "")
            parts.append(e.text or "")
        else:
            parts.append(" " if block and not hidden else "")
            if e is not el:
                parts.append(e.tail or "")
    return norm("".join(parts))


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
    """The smallest element whose text contains `needle` (normalised), or None."""
    best = None
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag.lower() in SKIP_TAGS:
            continue
        t = _text(el)
        if needle in t and (best is None or len(t) <= len(_text(best))):
            best = el
    return best


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
    return title


def headline(tree, title: Optional[str], sitename: Optional[str] = None) -> tuple[Optional[str], Optional[str], object]:
    """(kicker, headline, h1 element). The headline is the page's <h1> that shares most words
    with the metadata title (pages have several h1: logo, section name); without a matching
    h1 it is the metadata title itself. A kicker is a child of the h1, or the element just
    before it, whose class names it a kicker."""
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
        if prev is None and best.getparent() is not None:  # <div class=kicker> beside <h1> in a <header>
            prev = best.getparent().getprevious()
        if prev is not None and isinstance(prev.tag, str) and KICKER_NAME.search(_names(prev)):
            k = _text(prev)
            if 0 < len(k) <= 80 and len(k.split()) <= 6:  # a kicker is a few words; longer is some other block
                kicker = k
    return kicker, full or None, best


def lead(tree, h1, body: str, description: Optional[str]) -> Optional[str]:
    """The lead paragraph when trafilatura dropped it, else None.

    Candidates, in this order: (1) the element whose text begins like the page's description
    (og:description is the lead on most news sites; requiring the text in the page keeps
    descriptions written only for search engines out); (2) the first element after the
    headline and before the body whose class names it a lead; (3) the <h2> grouped with the
    headline in an <hgroup>. All must lie before the
    body's first paragraph in the page, hold a sentence (>= 6 words), and not be a link list.
    """
    nbody = norm(body)
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
        return t[:60] not in nbody  # already in the body: nothing lost

    desc = norm(description or "").rstrip(".…").strip()
    if len(desc) >= 40:
        head = desc[:50]
        cands = [el for el in tree.iter() if isinstance(el.tag, str) and el.tag.lower() not in SKIP_TAGS
                 and el.tag.lower() not in ("head", "meta", "title") and _text(el).startswith(head)]
        if cands:
            el = min(cands, key=lambda e: len(_text(e)))  # the innermost: the paragraph itself
            if ok(el):
                return _block_text(el)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.tag.lower() == "subtitle" or LEAD_NAME.search(_names(el))) and ok(el):
            return _block_text(el)
    # (3) the subheading the page groups with its headline: an <h2> after the <h1> inside
    # the same <hgroup> (HTML's own markup for a heading and its subtitle; die-tagespost.de
    # sets its lead so, with no class name and an og:description of its own)
    if h1 is not None and h1.getparent() is not None and h1.getparent().tag == "hgroup":
        for el in h1.itersiblings():
            if isinstance(el.tag, str) and el.tag.lower() in ("h2", "p") and ok(el):
                return _block_text(el)
    return None


# A page whose extracted text holds less prose than this is no article (a menu; a section
# front or a cookie wall, counted without teaser and consent text: `not_article`):
# `presseschau run` reports "no article text found" (issue 15). On the
# 176 real pages of ../shared/data/news/html the fewest are 262 characters (a short local
# report); the same pages cut down to their <nav> elements give 0 on 111 of 130, under 150
# on 115 (those above hold teasers inside the <nav>).
MIN_PROSE_CHARS = 150


def prose_chars(text: str, html: str) -> int:
    """Characters of prose in the text extracted from `html`: lines after the headline of at
    least six words that are not the text of a link on the page. Menus and link lists are
    link texts; labels ("Startseite", "Suche") are shorter."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html)
    except Exception:  # unparseable markup: judge the lines without the link texts
        links: set[str] = set()
    else:
        links = {_text(a) for a in tree.iter("a")}
    return sum(map(len, _prose_lines(text, links)))


def _prose_lines(text: str, links: set) -> list[str]:
    """The prose lines of `prose_chars`: after the headline, six words or more, no link text."""
    lines = (norm(line) for line in text.split("\n")[1:])
    return [line for line in lines if len(line.split()) >= 6 and line not in links]


# A cookie wall / consent dialog. Its container names itself in the markup: the consent
# managers' own ids and classes (Usercentrics, Sourcepoint "sp_message", OneTrust, Didomi,
# Cookiebot, Borlabs, Klaro, the IAB TCF "cmp"; meininger.de's "cookie-notice" / "sp-dsgvo").
CONSENT_NAME = re.compile(
    r"cookie|consent|(?:^|[\s_-])(?:cmp|gdpr|dsgvo|tcf)(?:$|[\s_-])|usercentrics|sp_message|onetrust|didomi|"
    r"cookiebot|borlabs|klaro|privacy-?(?:manager|center|banner|dialog|wall)", re.I)
# Its text, where the markup does not say so: the words a consent dialog is made of.
CONSENT_WORD = re.compile(
    r"\b(?:cookies?|tracking|einwillig\w*|zustimm\w*|datenschutz\w*|personenbezogen\w*|partner[n]?|werbung|"
    r"widerruf\w*|widersprech\w*|einstellungen|akzeptier\w*|consent|ip-adresse|endger[äa]t\w*|nutzungsverhalten|"
    r"personalisier\w*|drittanbieter\w*|speicher\w*)\b", re.I)
# ... addressing the reader ("Ihre Einwilligung", "wenn Sie zustimmen"): a news report about
# cookie law speaks of users, not to them. "Sie" only after a lowercase word (not the "Sie"
# = "they" that opens a sentence).
CONSENT_ADDRESS = re.compile(r"\bIhr(?:e|em|en|er|es)?\b|(?<=[a-zäöüß,] )Sie\b")
# A line with this many distinct consent words (counted by their first eight letters: "Einwilligung"
# and "einwilligen" are one) that addresses the reader is consent text. On the 176 real pages
# of bench/bench_html.py, outside meininger.de's consent dialog (which trafilatura appends to
# that article; its long lines have 4 to 6), a line has at most 2 (cnet.de on a data-protection
# ruling, chemietechnik.de's registration line), and a line that addresses the reader at most 1.
CONSENT_WORDS_MIN = 3
# A teaser is a headline and two or three sentences (front pages: 100 to 400 characters); a
# block over this is an article's body or several teasers, not one.
TEASER_MAX_CHARS = 1000
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _consent_line(line: str) -> bool:
    words = {m.group(0).lower()[:8] for m in CONSENT_WORD.finditer(line)}
    return len(words) >= CONSENT_WORDS_MIN and bool(CONSENT_ADDRESS.search(line))


def _consent_boxes(tree) -> list:
    """The outermost elements named as a consent dialog (CONSENT_NAME). Not one that holds an
    <article> or <main>: that is a page wrapper whose class says the banner is shown
    ("has-cookie-banner"), and the article is inside it."""
    boxes = []
    for el in tree.iter():
        if (not isinstance(el.tag, str) or el.tag.lower() in ("html", "body", "article", "main")
                or not CONSENT_NAME.search(_names(el))):
            continue
        if any(b in boxes for b in el.iterancestors()) or next(el.iter("article", "main"), None) is not None:
            continue
        boxes.append(el)
    return boxes


def _teaser_blocks(tree, title: Optional[str]) -> list[tuple[str, str]]:
    """(text, link) of each teaser on the page: a heading that links to a page (the heading in
    the link or the link in the heading), with the text around it up to the largest element that
    holds no other linked heading and at most TEASER_MAX_CHARS characters. The page's own
    headline is no teaser, even where it links to its own page (WordPress's permalink titles)."""
    own = norm(title or "")
    linked = []
    for h in tree.iter(*HEADINGS):
        if _skipped(h) or (own and _text(h) == own):
            continue
        a = next((x for x in h.iterancestors("a") if x.get("href")), None)
        if a is None:
            a = next((x for x in h.iter("a") if x.get("href")), None)
        if a is not None and not a.get("href", "").startswith("#"):
            linked.append((h, a.get("href")))
    heads = {h for h, _ in linked}
    blocks = []
    for h, href in linked:
        top = h
        for anc in h.iterancestors():
            if len(_text(anc)) > TEASER_MAX_CHARS or sum(1 for x in anc.iter(*HEADINGS) if x in heads) > 1:
                break
            top = anc
        blocks.append((_block_text(top), href))
    return blocks


def not_article(text: str, html: str, title: Optional[str] = None) -> Optional[str]:
    """Why the page is no article, or None. Its prose (`prose_chars`'s lines) is weighed without
    two kinds of text trafilatura takes for an article's when a page has nothing else:

    * consent text: lines inside a consent manager's container (CONSENT_NAME) or worded as a
      consent dialog (`_consent_line`): a cookie wall saved instead of the article gives the
      headline and one consent paragraph;
    * teaser text: lines inside a teaser of another page (`_teaser_blocks`): a front page or a
      section index gives the teasers' texts.

    Under MIN_PROSE_CHARS of prose left, the page is no article: the same floor as for a page of
    navigation only. Neither share alone decides: trafilatura appends meininger.de's consent
    dialog to its article (7,847 of 9,326 characters of prose are consent text), and articles end
    in related-article teasers (spiegel.de: 1,044 of 5,368); what they keep is their own prose
    (1,123 and 4,324 characters). On the 176 real pages of bench/bench_html.py the least own
    prose any page keeps is 262 characters (Volksstimme.ch, a short local report), as before."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html)
    except Exception:  # unparseable markup: prose_chars has judged the lines
        return None
    prose = _prose_lines(text, {_text(a) for a in tree.iter("a")})
    if not prose:
        return None
    consent_boxes = [_block_text(el) for el in _consent_boxes(tree)]
    blocks = _teaser_blocks(tree, title)
    consent = teaser = own = 0
    for line in prose:
        if _consent_line(line) or any(line in box for box in consent_boxes):
            consent += len(line)
        elif any(line in btext for btext, _ in blocks):
            teaser += len(line)
        else:
            own += len(line)
    if own >= MIN_PROSE_CHARS:
        return None
    total = consent + teaser + own
    if consent >= teaser:
        return f"the page is a cookie or consent dialog: {consent} of its {total} characters of text ask for consent"
    n = len({href for _, href in blocks})
    return (f"the page is a front page or section index: {teaser} of its {total} characters of text are teasers, "
            f"and it holds {n} teaser{'s' if n != 1 else ''} of other pages")


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
    from lxml import html as lxml_html

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
        tree = lxml_html.fromstring(html.encode("utf-8") if html.lstrip().startswith("<?xml") else html)
    except Exception:  # unparseable markup: trafilatura's text as it is
        return body, meta
    kicker, head, h1 = headline(tree, title, md.sitename if md is not None else None)
    ld = lead(tree, h1, body, description) if body else None
    parts: list[tuple[str, Optional[str]]] = []
    first, _, after = body.partition("\n")
    if kicker and norm(first) == kicker:
        # trafilatura kept the kicker as the body's first line ("Gesundheit" over the
        # headline): it is furniture all the same
        body = after.lstrip("\n")
    nbody = norm(body)
    if kicker and not nbody.startswith(kicker):
        parts.append((kicker, "kicker"))
    first_line, _, rest = body.partition("\n")
    if head and norm(first_line) == head:
        # trafilatura kept the headline as the body's first line: the lead goes after it
        parts.append((first_line.strip(), None))
        body = rest.lstrip("\n")
    elif head and head not in nbody[: len(head) + 40]:
        parts.append((head, None))
    if ld:
        parts.append((ld, None))
    if not parts or (len(parts) == 1 and parts[0][0] == first_line.strip()):
        return (parts[0][0] + "\n" + body if parts else body), meta
    text, furniture = "", []
    for t, kind in parts:
        if kind:
            furniture.append([len(text), len(text) + len(t), kind])
        text += t + "\n\n"
    text += body
    if furniture:
        meta["furniture"] = furniture
    meta["extracted_with"] = "trafilatura+markup"
    return text, meta
