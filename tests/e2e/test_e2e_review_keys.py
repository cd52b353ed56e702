"""Tab and Space step through the entities (documented shortcuts), but not on a control focused
from the keyboard: there Space and Enter press it and Tab moves the focus on, as everywhere else
on the web (before: Space stepped to the next entity instead of pressing a focused button, Tab
never left it, Enter on a focused link in the list opened the resume article, not the link's)."""
from __future__ import annotations

import re

import pytest

from pipeline.review.sample import sample_records
from test_e2e_review import ART, DATE_ART, ROOT, browser, expect, find, key, make_app, open_article, page, seed_app, wait_status  # noqa: F401

pytestmark = pytest.mark.slow

TITLE = "Kasachstan bittet um militärische Hilfe"


def test_space_and_tab_press_and_leave_a_focused_control_and_step_elsewhere(page, seed_app):
    recs = sample_records(ROOT / "corpus")
    kas, russ = find(recs, ART, "Kasachstan"), find(recs, ART, "Russland")
    open_article(page, seed_app, TITLE)
    p_text = page.get_by_test_id("p-text")
    expect(p_text).to_have_text("Kasachstan")
    # focus on no control: Space / Tab / Shift+Tab step through the entities
    page.keyboard.press(" ")
    expect(p_text).to_have_text("Russland")
    page.keyboard.press("Shift+Tab")
    expect(p_text).to_have_text("Kasachstan")
    page.keyboard.press("Tab")
    expect(p_text).to_have_text("Russland")
    assert seed_app.decisions() == []

    # a button focused from the keyboard: Space presses it (Russland rejected), no step
    page.get_by_test_id("reject").focus()
    page.keyboard.press(" ")
    wait_status(page, key(russ), "rejected")
    assert [d["decision"] for d in seed_app.decisions()] == ["reject"]
    # Tab moves the focus off the button, the selected entity stays
    page.get_by_test_id("accept").focus()
    shown = p_text.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") != "accept"
    expect(p_text).to_have_text(shown)
    # the other shortcuts still work on a focused button: U undoes
    page.get_by_test_id("accept").focus()
    page.keyboard.press("u")
    wait_status(page, key(russ), "pending")

    # a button clicked with the mouse keeps no focus: Space goes on stepping, it does not press it again
    page.get_by_test_id("accept").click()
    wait_status(page, key(kas) if shown == "Kasachstan" else key(russ), "accepted")
    n = len(seed_app.decisions())
    before = p_text.inner_text()
    page.keyboard.press(" ")
    expect(p_text).not_to_have_text(before)
    assert len(seed_app.decisions()) == n

    # a checkbox focused from the keyboard: Space toggles it
    box = page.get_by_test_id("filter-DATE")
    expect(box).to_be_checked()
    box.focus()
    page.keyboard.press(" ")
    expect(box).not_to_be_checked()

    # the list: Enter on a focused link opens that link's article, not the resume one
    page.goto(seed_app.url)
    expect(page.get_by_test_id("resume")).to_contain_text(TITLE)
    page.locator(f'tr[data-id="{DATE_ART}"] a').first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"#/a/{DATE_ART}"))
    assert page.js_errors == []


def test_letter_keys_work_with_caps_lock_as_the_help_says(page, seed_app):
    """The help names the keys by their capitals (J, K, U); with Caps Lock on (key "U", not "u")
    they must do what it says, as A, X, M, N do (before: U, J and K did nothing, the undo silently
    not made)."""
    recs = sample_records(ROOT / "corpus")
    kas = find(recs, ART, "Kasachstan")
    open_article(page, seed_app, TITLE)
    p_text = page.get_by_test_id("p-text")
    expect(p_text).to_have_text("Kasachstan")
    page.keyboard.press("J")
    expect(p_text).to_have_text("Russland")
    page.keyboard.press("K")
    expect(p_text).to_have_text("Kasachstan")
    page.keyboard.press("a")
    wait_status(page, key(kas), "accepted")
    page.keyboard.press("U")
    wait_status(page, key(kas), "pending")
    assert [d["decision"] for d in seed_app.decisions()] == ["accept", "undo"]
    assert page.js_errors == []
