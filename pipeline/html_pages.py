"""Whether a saved web page is an article at all (the ingest stage asks before it makes a
record): a page of navigation only (`prose_chars`), a cookie wall or a front page of teasers
(`not_article`), whose consent or teaser text trafilatura returns as the article's when the page
holds nothing else, is an error naming the file, not a record."""
from __future__ import annotations

import re
from typing import Optional

from .errors import ErrorKind
from .html import _block_text, _names, _skipped, _text, norm, parse

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


# A page whose extracted text holds less prose than this is no article (a menu; a section
# front or a cookie wall, counted without teaser and consent text: `not_article`):
# `presseschau run` reports "no article text found" (issue 15). On the
# 176 real pages of ../shared/data/news/html the fewest are 262 characters (a short local
# report); the same pages cut down to their <nav> elements give 0 on 111 of 130, under 150
# on 115 (those above hold teasers inside the <nav>).
MIN_PROSE_CHARS = 150


def page_problem(text: str, html: str, title: Optional[str] = None) -> Optional[tuple[ErrorKind, str]]:
    """Why the page is no article, as (error kind, reason), or None: too little prose
    (`prose_chars`: EMPTY), or a cookie wall or front page of teasers (`not_article`:
    NOT_ARTICLE). The page is parsed once for both."""
    try:
        tree = parse(html)
    except Exception:  # unparseable markup: judge the lines without the link texts
        tree = None
    if prose_chars(text, tree) < MIN_PROSE_CHARS:
        return ErrorKind.EMPTY, "the page holds only navigation, link lists or short labels"
    why = not_article(text, tree, title)
    return (ErrorKind.NOT_ARTICLE, why) if why else None


def prose_chars(text: str, tree) -> int:
    """Characters of prose in the text extracted from the page `tree` (`html.parse`; None
    when it could not be parsed): lines after the headline of at least six words that are not
    the text of a link on the page. Menus and link lists are link texts; labels ("Startseite",
    "Suche") are shorter."""
    return sum(map(len, _prose_lines(text, _link_texts(tree))))


def _link_texts(tree) -> set[str]:
    return {_text(a) for a in tree.iter("a")} if tree is not None else set()


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


def not_article(text: str, tree, title: Optional[str] = None) -> Optional[str]:
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
    if tree is None:  # unparseable markup: prose_chars has judged the lines
        return None
    prose = _prose_lines(text, _link_texts(tree))
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
