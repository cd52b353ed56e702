"""Where the selection goes after an undo and after a reload: back on the entity the reviewer was
working on (the one the undo gave back; the one selected before the reload), scrolled into view,
never the article's first pending entity at the top of the page."""
from __future__ import annotations

import re

import pytest

from pipeline.review.sample import sample_records
from test_e2e_review import ART, ROOT, browser, ent_loc, expect, find, key, make_app, page, seed_app, wait_status  # noqa: F401

pytestmark = pytest.mark.slow


def selected_on(page, e):
    """The entity `e` is the selected one: the panel shows it, the text marks it, it is on screen."""
    expect(page.locator("#panel-entity")).to_have_attribute("data-key", key(e))
    expect(page.get_by_test_id("p-text")).to_have_text(e["text"])
    sel = page.locator("#text .ent.sel").first
    expect(sel).to_have_attribute("data-key", key(e))
    box, height = sel.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= height, (box, height)


def test_undo_selects_the_entity_it_gave_back(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    kreml = find(recs, ART, "Kreml", nth=1)             # 6375, far down the article
    ents = next(r for r in recs if r["id"] == ART)["entities"]
    odkb_after = min((e for e in ents if e["start"] > kreml["start"]), key=lambda e: e["start"])  # the next pending one
    paschinjan = find(recs, ART, "Nikol Paschinjan")
    assert (kreml["start"], odkb_after["text"], odkb_after["start"]) == (6375, "ODKB", 6643)
    page.goto(seed_app.url + "#/a/" + ART)
    page.wait_for_selector("#text [data-testid=ent]")
    expect(page.get_by_test_id("p-text")).to_have_text("Kasachstan")  # the first pending one

    # accept Kreml (A moves on to the next pending ODKB), then U: Kreml again, not ODKB
    ent_loc(page, key(kreml)).click()
    page.keyboard.press("a")
    wait_status(page, key(kreml), "accepted")
    expect(page.locator("#panel-entity")).to_have_attribute("data-key", key(odkb_after))
    page.keyboard.press("u")
    wait_status(page, key(kreml), "pending")
    selected_on(page, kreml)

    # relabel Kreml as MISC, then Backspace: the ORG Kreml is back and selected (before: the
    # MISC key was gone, the page jumped to Kasachstan at the top of the article)
    page.keyboard.press("4")
    wait_status(page, key(dict(kreml, label="MISC")), "corrected")
    page.keyboard.press("Backspace")
    wait_status(page, key(kreml), "pending")
    selected_on(page, kreml)

    # reject Paschinjan, scroll away to the top, then the Undo button: Paschinjan, scrolled back into view
    ent_loc(page, key(paschinjan)).click()
    page.keyboard.press("x")
    wait_status(page, key(paschinjan), "rejected")
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#undo").click()
    wait_status(page, key(paschinjan), "pending")
    selected_on(page, paschinjan)

    assert [d["decision"] for d in seed_app.decisions()] == ["accept", "undo", "correct", "undo", "reject", "undo"]
    assert page.js_errors == []


def test_reload_keeps_the_selected_entity(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    armenien = find(recs, ART, "Armenien", nth=5)  # 8504, far down the article
    assert armenien["start"] == 8504
    page.goto(seed_app.url + "#/a/" + ART)
    page.wait_for_selector("#text [data-testid=ent]")
    expect(page.get_by_test_id("p-text")).to_have_text("Kasachstan")
    ent_loc(page, key(armenien)).click()
    expect(page.locator("#panel-entity")).to_have_attribute("data-key", key(armenien))

    page.reload()
    page.wait_for_selector("#text [data-testid=ent]")
    selected_on(page, armenien)

    # the kept selection belongs to its article: the next article opens on its first pending entity
    page.keyboard.press("n")
    page.wait_for_url(re.compile("#/a/002_"))
    second = next(r for r in recs if r["id"].startswith("002_"))
    first_pending = min(second["entities"], key=lambda e: (e["start"], e["end"]))
    selected_on(page, first_pending)
    assert page.js_errors == []
