"""No entity runs over a paragraph break or starts/ends with whitespace (session 22): a web page
printed as text (one navigation item a paragraph) gave MISC entities such as 'Abo\\n\\nMedia' and
'Follows\\n\\nFollower\\n\\n' -- `presseschau_ner_rules` cut only PER/ORG/LOC at line breaks."""
from __future__ import annotations

import re

import pytest

from repo_data import SHARED

PAGES = SHARED / "data" / "news" / "html" / "pages"
pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/data not available")

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "header", "footer",
           "nav", "ul", "ol", "figcaption", "td", "th", "dt", "dd", "blockquote", "aside", "main", "form", "table"}


def printed(path) -> str:
    """The page's visible text the way printing it gives it: every block element a paragraph."""
    import lxml.html

    root = lxml.html.fromstring(path.read_bytes())
    for bad in root.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    out: list[str] = []

    def walk(el) -> None:
        block = isinstance(el.tag, str) and el.tag in _BLOCKS
        out.append("\n" if block else "")
        out.append(el.text or "")
        for child in el:
            walk(child)
            out.append(child.tail or "")
        out.append("\n" if block else "")

    walk(root)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(out))
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@pytest.mark.parametrize("page", ["trafilatura--chemietechnik.de.forschungsgruppe_fuer_biotechnologie.html",
                                  "trafilatura--cleanthinking.de.oranger-wasserstoff.html"])
def test_no_entity_over_a_paragraph_break_or_with_whitespace_edges(nlp_info, page):
    from pipeline.api import Presseschau

    p = Presseschau.__new__(Presseschau)
    p.nlp, p.model_info = nlp_info
    p.pipeline_info = {"version": "test", "fingerprint": p.model_info.fingerprint, "model": {}}
    text = printed(PAGES / page)
    record = p.process_text(text, id=page)
    ents = record["entities"]
    assert len(ents) > 20
    bad = [(e["label"], e["text"]) for e in ents if "\n\n" in e["text"] or e["text"] != e["text"].strip()]
    assert bad == []
    for e in ents:
        assert record["text"][e["start"]:e["end"]] == e["text"]
    # the navigation items are still there, each as its own line, not joined
