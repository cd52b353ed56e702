"""Running headers of outlets the cleaner does not know (issue 17, session 15), on real extractions.

Real articles of ../shared/data/news are typeset as bench/bench_clean.py does (LaTeX, its layouts
a and b; bench/clean_bench/typeset.py) with the name of an outlet that cleaning.json "outlets"
lacks in the running header, extracted again with pdftotext's default mode and pdfminer, and
cleaned. pdftotext's default mode and pdfminer put each part of the header on a block of its
own, so the name stood in the clean text of every article before (session 14: "Netzausgabe",
inside words too at page breaks). Each test checks a property of the result (the name gone and
logged as running_header, a word the header block split whole again, a title or a repeated body
line kept), none compares with a stored output.

Needs pdflatex and pdftotext (skipped without them) and pdfminer.six.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

from pipeline.clean import check_invariants, clean
from repo_data import news_row

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from clean_bench import typeset, web  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("pdflatex") is None or shutil.which("pdftotext") is None,
                                 reason="needs pdflatex and pdftotext (bench/bench_clean.py's typesetting)")

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")  # bench_clean.py's words


def _words(s: str) -> Counter:
    return Counter(WORD.findall(s))


def _gnad(doc_id: str) -> dict:
    """A 10kGNAD article as bench_clean.py's load_articles sets it: the first sentence is the
    teaser, the title the first seven words of the body."""
    text = news_row("10kgnad_test.jsonl.gz", "id", doc_id)["text"].strip()
    m = re.match(r"(.{30,400}?[.!?])\s+(?=[A-ZÄÖÜ])", text)
    teaser, body = m.group(1), text[m.end():]
    title = " ".join(re.split(r"(?<=[.!?])\s+", body)[0].split()[:7]).rstrip(",.;:")
    return dict(id=doc_id, title=title, teaser=teaser, body=typeset.paragraphs(body), section="Wissenschaft",
                date="18.7.2016")


def _web(file: str) -> dict:
    """A page of the bench's --web sample, as bench/clean_bench/web.py's load_pages sets it."""
    title, body = web.to_article(news_row("web_pages_de.jsonl.gz", "file", file)["markdown_extract"])
    pars: list[str] = []
    for p in body:
        pars.extend(typeset.paragraphs(p))
    return dict(id=file, title=title, teaser="", body=pars, section="Online", date="17.9.2021")


def _source(a: dict) -> str:
    return "\n\n".join([a["title"]] + ([a["teaser"]] if a["teaser"] else []) + a["body"])


_PDFS: dict[tuple, Path] = {}


def _pdf(tmp: Path, a: dict, outlet: str, layout: str, tex_edit=None) -> Path:
    key = (a["id"], hashlib.sha1(_source(a).encode()).hexdigest(), outlet, layout, tex_edit)
    if key not in _PDFS:
        tex = typeset.render(a["id"], a["title"], a["teaser"], a["body"], a["section"], outlet, a["date"], layout=layout)
        if tex_edit is not None:
            tex = tex_edit(tex)
        name = "h" + hashlib.sha1(repr(key).encode()).hexdigest()[:10]
        _PDFS[key] = typeset.build_pdf(tex, tmp, name)
    return _PDFS[key]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("typeset")


def _clean_ok(raw: str):
    doc = clean(raw)
    assert not any(w.startswith("clean failed") for w in doc.warnings), doc.warnings
    assert check_invariants(raw, doc) == []
    return doc


def _logged_as_header(doc, name: str) -> bool:
    return any(name in r.text and r.kind == "running_header" for r in doc.removed)


# -- one page: the name beside a dated header line or under the page number ------------------

@pytest.mark.parametrize("outlet", ["Netzausgabe", "Allgäuer Anzeigeblatt"])
@pytest.mark.parametrize("layout", ["a", "b"])
@pytest.mark.parametrize("extractor", ["pdftotext-default", "pdfminer"])
def test_unknown_outlet_of_a_one_page_article_is_furniture(tmp, outlet, layout, extractor):
    """gnad376 fills one page. Layout a prints "SECTION" and "Nr. N / date   OUTLET" in the
    header: pdftotext's default mode reads the name as a block after the date line (or after
    the page number at the foot), pdfminer puts it on the date line. Layout b prints "OUTLET |
    SECTION" and "date | Ausgabe N": both read the name with the section as a block above the
    date line. The name is gone from the text and logged as running_header, and no word of the
    article is lost or added."""
    a = _gnad("gnad376")
    raw = typeset.EXTRACTORS[extractor](_pdf(tmp, a, outlet, layout))
    assert raw.count("\f") == 1 and outlet in raw
    doc = _clean_ok(raw)
    assert outlet not in doc.text
    assert _logged_as_header(doc, outlet)
    src = _words(_source(a))
    assert not (_words(doc.text) - src), _words(doc.text) - src
    assert not (src - _words(doc.text)), src - _words(doc.text)


# -- several pages: a header block read in mid-page, inside a broken word ---------------------

@pytest.mark.parametrize("layout,extractor", [("a", "pdftotext-default"), ("a", "pdfminer"),
                                              ("b", "pdftotext-default"), ("b", "pdfminer")])
def test_unknown_outlet_on_every_page_is_furniture(tmp, layout, extractor):
    """gnad456 runs over three pages. In layout a pdftotext's default mode reads the name on
    pages 2 and 3 before the second column, in mid-page, once between "gegenüber-" and "tritt"
    (before: "gegenüber-Netzausgabe tritt"). Every occurrence is logged and the word is whole."""
    a = _gnad("gnad456")
    raw = typeset.EXTRACTORS[extractor](_pdf(tmp, a, "Netzausgabe", layout))
    assert raw.count("\f") >= 3 and raw.count("Netzausgabe") >= 3
    doc = _clean_ok(raw)
    assert "Netzausgabe" not in doc.text
    n_logged = sum(r.text.count("Netzausgabe") for r in doc.removed if r.kind == "running_header")
    assert n_logged == raw.count("Netzausgabe")
    assert "gegenübertritt" in doc.text


def _header_without_date(tex: str) -> str:
    """Layout a's header without date, issue or page number: a section, a supplement and the
    outlet, none of which a pattern of cleaning.json knows."""
    hdr = ("\\fancyhead[L]{\\textsf{\\small WISSENSCHAFT}}\n\\fancyhead[C]{\\textsf{\\small Beilage Forschung}}\n"
           "\\fancyhead[R]{\\textsf{\\small Netzausgabe}}\n")
    out, n = re.subn(r"\\fancyhead\[L\]\{.*\}\n\\fancyhead\[R\]\{.*\}\n\\fancyfoot\[C\]\{.*\}\n", lambda m: hdr, tex)
    assert n == 1
    return out


@pytest.mark.parametrize("extractor", ["pdftotext-default", "pdfminer", "pdftotext"])
def test_header_of_names_only_repeated_on_every_page_is_furniture(tmp, extractor):
    """A header with no date, issue or page number (nothing a shape knows): what marks it is
    that it stands at the head of every page (pdfminer: "WISSENSCHAFT" / "Beilage Forschung" /
    "Netzausgabe" as the first three blocks of each page; pdftotext's default mode: the name at
    the head of page 1 and in mid-page before the second column of pages 2 and 3)."""
    a = _gnad("gnad456")
    raw = typeset.EXTRACTORS[extractor](_pdf(tmp, a, "Netzausgabe", "a", _header_without_date))
    assert raw.count("\f") >= 3
    doc = _clean_ok(raw)
    for part in ("Netzausgabe", "Beilage Forschung"):
        assert part not in doc.text, part
        assert _logged_as_header(doc, part), part
    assert "gegenübertritt" in doc.text


# -- what must stay ----------------------------------------------------------------------------

@pytest.mark.parametrize("outlet", ["DER SPIEGEL", "Netzausgabe"])
def test_short_title_beside_the_header_is_kept(tmp, outlet):
    """pdfminer reads the title "Will Smith" of a page of the --web sample between the header's
    two blocks ("DER SPIEGEL | ONLINE" / "Will Smith" / "17.9.2021 | Ausgabe 33"): it is a
    name beside header lines, but a header that has its own name leaves it alone. With an
    unknown name ("Netzausgabe | ONLINE" / "Will Smith" / date) nothing tells which of the two
    name-like blocks is the header's, so both stay (a known limit: the name stays in the text)."""
    a = _web("tests/eval/tvtoday.de-willsmith.html")
    assert a["title"] == "Will Smith"
    raw = typeset.EXTRACTORS["pdfminer"](_pdf(tmp, a, outlet, "b"))
    lines = [x.strip() for x in raw.split("\n") if x.strip()]
    assert lines.index("Will Smith") < 3  # among the header's blocks
    doc = _clean_ok(raw)
    assert "Will Smith" in doc.text.split("\n\n")[:2]
    assert doc.meta.title == "Will Smith" or outlet == "Netzausgabe"
    if outlet == "DER SPIEGEL":
        assert outlet not in doc.text


def _with_refrain(a: dict, refrain: str, every: int) -> dict:
    body: list[str] = []
    for k, p in enumerate(a["body"]):
        body.append(p)
        if k % every == every - 1:
            body.append(refrain)
    return dict(a, body=body)


@pytest.mark.parametrize("extractor", ["pdftotext-default", "pdfminer", "pdftotext"])
def test_repeated_body_line_is_kept(tmp, extractor):
    """A short name-like line repeated in the body (a refrain, a repeated heading) on every page,
    more than once on a page: repetition anywhere is no evidence of a header."""
    a = _with_refrain(_gnad("gnad456"), "Krieg und Frieden", 2)
    n_src = _source(a).count("Krieg und Frieden")
    assert n_src >= 6
    raw = typeset.EXTRACTORS[extractor](_pdf(tmp, a, "Netzausgabe", "a"))
    assert raw.count("\f") >= 3
    doc = _clean_ok(raw)
    assert doc.text.count("Krieg und Frieden") == n_src
    assert "Netzausgabe" not in doc.text
