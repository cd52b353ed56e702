"""The review app on text as web news has it: emoji and other characters outside the BMP (two
UTF-16 units in the browser, one code point in the JSONL and on the server)."""
from __future__ import annotations

import pytest

from pipeline.review.sample import make_record
from test_e2e_review import ART, ROOT, browser, expect, make_app, page, select_text  # noqa: F401

pytestmark = pytest.mark.slow


def u16(text: str, cp: int) -> int:
    """The browser's (UTF-16) offset of code point `cp` of `text`."""
    return len(text[:cp].encode("utf-16-le")) // 2


def test_highlights_and_decisions_after_an_emoji_stay_on_their_words(page, make_app):
    # the seed article with a reaction emoji and a flag (two characters outside the BMP) in its
    # first paragraph, as in articles that quote a social-media post
    seed = (ROOT / "corpus" / f"{ART}.txt").read_text(encoding="utf-8")
    cut = seed.index("ins Land") + len("ins Land")
    text = seed[:cut] + " 🙏🇰🇿" + seed[cut:]
    rec = make_record(ART, text)
    app = make_app([rec])
    page.goto(app.url + "#/a/" + ART)
    page.wait_for_selector("#text [data-testid=ent]")
    # every highlight shows its entity's own text (before: shifted by one character per emoji unit)
    shown = page.eval_on_selector_all("#text [data-testid=ent]", "ns => ns.map(n => [n.dataset.key, n.textContent])")
    assert [chunk for _, chunk in shown] == [e["text"] for e in rec["entities"]]
    # accept the first entity after the emoji: the log has its span in code points
    tok = next(e for e in rec["entities"] if e["start"] > cut and e["text"] == "Kassym-Jomart Tokajew")
    page.locator("#text [data-testid=ent]", has_text="Kassym-Jomart Tokajew").first.click()
    expect(page.get_by_test_id("p-text")).to_have_text("Kassym-Jomart Tokajew")
    page.keyboard.press("a")
    expect(page.get_by_test_id("status")).to_have_text("Accepted")
    # select "Streitkräften" with the mouse and add it as ORG
    s = text.index("Streitkräften")
    select_text(page, u16(text, s), u16(text, s + len("Streitkräften")))
    expect(page.get_by_test_id("add-text")).to_have_text("Streitkräften")
    page.keyboard.press("2")
    expect(page.get_by_test_id("status")).to_have_text("Added ORG")
    log = app.decisions()
    assert [(d["decision"], d["span"]["start"], d["span"]["end"], d["span"]["text"]) for d in log] == [
        ("accept", tok["start"], tok["end"], "Kassym-Jomart Tokajew"),
        ("add", s, s + len("Streitkräften"), "Streitkräften")]
    # after a reload the page shows both where they are
    page.reload()
    page.wait_for_selector("#text [data-testid=ent]")
    added = page.locator("#text .ent.lab-ORG.st-accepted")
    expect(added).to_have_text("Streitkräften")
    expect(page.locator("#text .ent.lab-PER.st-accepted")).to_have_text("Kassym-Jomart Tokajew")
    assert page.js_errors == []
