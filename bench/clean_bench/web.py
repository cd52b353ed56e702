"""Web pages as plain article text for the cleaning bench (`bench_clean.py --web`).

The source is ../shared/data/news/web_pages_de.jsonl.gz: trafilatura's benchmark pages of many
German outlets (news, reports, guides), field `markdown_extract` (the article as markdown), field
`file` (the page's name, used as its id). The markdown is parsed with markdown-it-py (CommonMark)
and turned into what a print article holds:

  * headings: the first one, when it stands before the first paragraph, is the title; later
    ones of two words or more are paragraphs of their own (subheads); subheads after the last
    prose paragraph ("Mehr zum Thema") are dropped;
  * paragraphs: their inline text, a link by its text, emphasis by its text, a line break as a
    space; images are dropped;
  * lists: an item is kept as a paragraph when it is prose (see `_prose`); an item that is
    mostly link text (a list of links: "Mehr zum Thema", navigation) is dropped;
  * tables, code blocks, HTML blocks and rules are dropped; a block quote keeps its paragraphs.

A page is kept when `typeset.typesettable` accepts every kept string and its prose paragraphs
hold at least `MIN_PROSE` characters. Short lines that are not prose (cookie notes, "1 TL
Wasser", bylines) are left out of the body: the bench measures the cleaner on running text, and
a lone short line would be typeset as a paragraph that print articles do not have.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from pathlib import Path

from markdown_it import MarkdownIt

from . import typeset

MIN_PROSE = 1200
# a prose paragraph: at least this many words and a sentence end (., !, ?, a closing quote or
# bracket after one); shorter lines are captions, bylines, labels and buttons
_MIN_WORDS = 8
_SENT_END = re.compile(r"[.!?…][\"“”»«’')\]]*$|[.!?…:]$")

_MD = MarkdownIt("commonmark").enable("table")

# the outlet in the running header: print outlets the cleaner knows (lang/de/cleaning.json
# "outlets"), as the other samples print DER STANDARD and Wikinews, one per page by a hash of
# its id. A name the cleaner does not know ("Netzausgabe", the first blind run of session 14)
# stayed in the text of pdftotext's default mode, where the header's parts stand on lines of
# their own: a furniture question, not the hyphen decisions this sample is for; bench_clean.py
# --header-outlet NAME measures it (session 15)
# (not "taz" or "stern": the bench looks for the outlet as a substring, "gestern", "Einsatz")
OUTLETS = ("Süddeutsche Zeitung", "DIE ZEIT", "Handelsblatt", "Der Standard", "Neue Zürcher Zeitung",
           "Tagesspiegel", "Die Presse", "FOCUS", "DER SPIEGEL", "Frankfurter Allgemeine Zeitung")


def _inline_text(tok) -> tuple[str, int]:
    """The text of an inline token and how many of its characters are link text."""
    out: list[str] = []
    link_chars, depth = 0, 0
    for c in tok.children or []:
        if c.type == "link_open":
            depth += 1
        elif c.type == "link_close":
            depth = max(0, depth - 1)
        elif c.type in ("text", "code_inline"):
            out.append(c.content)
            if depth:
                link_chars += len(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            out.append(" ")
        # image, html_inline, em/strong open/close: no text of their own
    return " ".join("".join(out).split()), link_chars


def _prose(text: str) -> bool:
    return len(text.split()) >= _MIN_WORDS and _SENT_END.search(text) is not None


def to_article(markdown: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a markdown page; title "" when the page has no heading before its
    first paragraph."""
    tokens = _MD.parse(markdown)
    title = ""
    body: list[str] = []
    skip_depth = 0  # inside a table, where nothing is kept
    in_list = 0
    heading = False
    for k, t in enumerate(tokens):
        if t.type == "table_open":
            skip_depth += 1
        elif t.type == "table_close":
            skip_depth -= 1
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif t.type == "heading_open":
            heading = True
        elif t.type == "heading_close":
            heading = False
        elif t.type == "inline" and not skip_depth:
            text, link_chars = _inline_text(t)
            if not text:
                continue
            if heading:
                if not title and not body:
                    title = text
                elif len(text.split()) >= 2:
                    body.append(text)
                continue
            if in_list and link_chars * 2 > len(text):
                continue  # a list of links
            if _prose(text):
                body.append(text)
    # a subhead with no prose after it (the page's closing "Mehr zum Thema") is not an article's
    while body and not _prose(body[-1]):
        body.pop()
    return title, body


def load_pages(path: Path, n: int, seed: int, skip: int = 0) -> list[dict]:
    """`n` typesettable web pages with at least MIN_PROSE characters of prose, shuffled by
    `seed`, as bench articles (src "web", id = the page's `file`); the first `skip` such pages of
    the shuffle are passed over (`bench_clean.py --web-rest`: the pages after the `--web` sample)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in fh]
    rows.sort(key=lambda r: r["file"])
    random.Random(seed).shuffle(rows)
    arts: list[dict] = []
    for r in rows:
        if len(arts) >= n:
            break
        title, body = to_article(r.get("markdown_extract") or "")
        prose = sum(len(p) for p in body if _prose(p))
        if prose < MIN_PROSE or not all(typeset.typesettable(s) for s in [title] + body):
            continue
        if skip:
            skip -= 1
            continue
        arts.append(_web_article(r["file"], title, body))
    return arts


def _web_article(page_id: str, title: str, body: list[str]) -> dict:
    """A page as a bench article (src "web"): a page without a heading takes the first words of its first
    sentence, as for DER STANDARD; outlet and date drawn from the page's id."""
    if not title:
        title = " ".join(body[0].split()[:7]).rstrip(",.;:")
    pars: list[str] = []
    for p in body:
        pars.extend(typeset.paragraphs(p))
    h = int(hashlib.sha1(page_id.encode()).hexdigest()[:6], 16)
    return dict(src="web", id=page_id, title=title, teaser="", body=pars,
                section="Online", outlet=OUTLETS[h % len(OUTLETS)], date=f"{1 + h % 28}.{1 + h % 12}.2021")


# `bench_clean.py --html-fresh` (session 30): the saved news pages of ../shared/data/news/html whose text
# no earlier sample holds. 151 of its 176 pages are trafilatura's test pages that web_pages_de.jsonl.gz
# holds too (the same file name); the 508 of those that `load_pages` accepts are the `--web`, `--web-rest`
# and `--web-rest2` samples. The others (their markdown_extract too short or not typesettable, or no
# web_pages_de page at all: the other libraries' pages) were never typeset for this bench. Their text is
# trafilatura's own extraction as markdown (trafilatura 2.3.1; `output_format="markdown"` with links and
# formatting, the form of web_pages_de's markdown_extract), read by `to_article` as above, so that the
# sample does not move with Presseschau's HTML code. A paragraph the typesetter cannot take is left out
# (not the page), and a page needs HTML_MIN_PROSE characters of prose: the fresh pages are short.
HTML_MIN_PROSE = 600


def html_markdown(html: bytes) -> str:
    """trafilatura's own extraction of a saved page as markdown, with links and formatting (the form of
    web_pages_de's markdown_extract); "" where it finds no text."""
    import trafilatura

    return trafilatura.extract(html, output_format="markdown", include_links=True, include_formatting=True) or ""


def load_html_pages(html_dir: Path, web_pages: Path, seed: int) -> list[dict]:
    """The pages of `html_dir` (pages.jsonl + pages/) that are not in the web samples of
    `web_pages` (`load_pages`, `seed`), as bench articles (src "web", id = the page's id)."""
    with gzip.open(web_pages, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in fh]
    by_name = {r["file"].rsplit("/", 1)[-1]: r["file"] for r in rows}
    taken = {a["id"] for a in load_pages(web_pages, len(rows), seed)}
    recs = [json.loads(x) for x in (html_dir / "pages.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    arts: list[dict] = []
    for r in sorted(recs, key=lambda r: r["id"]):
        if by_name.get(r["source_path"].rsplit("/", 1)[-1]) in taken:
            continue
        title, body = to_article(html_markdown((html_dir / r["file"]).read_bytes()))
        body = [p for p in body if typeset.typesettable(p)]
        if not typeset.typesettable(title):
            title = ""
        prose = sum(len(p) for p in body if _prose(p))
        if prose < HTML_MIN_PROSE:
            continue
        arts.append(_web_article(r["id"], title, body))
    return arts
