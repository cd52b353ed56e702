"""Two browser tabs on one article: a decision made on a stale view is refused with a message that
says what changed meanwhile, and the tab then shows the article as it is now."""
from __future__ import annotations

import pytest

from pipeline.review.sample import sample_records
from test_e2e_review import ART, ROOT, browser, ent_loc, expect, find, key, make_app, page, seed_app, wait_status  # noqa: F401

pytestmark = pytest.mark.slow


def test_second_tab_is_told_the_entity_was_relabelled_meanwhile(page, seed_app):
    kreml = find(sample_records(ROOT / "corpus"), ART, "Kreml")
    other = page.context.new_page()
    other_errors: list[str] = []
    other.on("pageerror", lambda e: other_errors.append(str(e)))
    for p in (page, other):
        p.goto(seed_app.url + "#/a/" + ART)
        p.wait_for_selector("#text [data-testid=ent]")
        ent_loc(p, key(kreml)).click()
    # tab 1 relabels Kreml as LOC; tab 2 still shows it as a pending ORG and accepts it
    page.keyboard.press("3")
    as_loc = dict(kreml, label="LOC")
    wait_status(page, key(as_loc), "corrected")
    other.keyboard.press("a")
    expect(other.get_by_test_id("status")).to_contain_text("“Kreml” ORG was changed meanwhile: e2e made it LOC “Kreml” (corrected)")
    wait_status(other, key(as_loc), "corrected")  # tab 2 now shows the article as it is
    assert [d["decision"] for d in seed_app.decisions()] == ["correct"]
    assert page.js_errors == [] and other_errors == []


def test_undo_in_a_tab_does_not_take_back_the_other_tabs_decision(page, seed_app):
    """Tab 1 accepts “Kasachstan”, tab 2 then rejects “Russland”; U in tab 1 (whose page shows its
    acceptance as the last decision) is refused and shows the article as it is now, instead of
    withdrawing tab 2's rejection unseen; a second U there takes back what it now shows."""
    recs = sample_records(ROOT / "corpus")
    kas, russ = find(recs, ART, "Kasachstan"), find(recs, ART, "Russland")
    other = page.context.new_page()
    for p in (page, other):
        p.goto(seed_app.url + "#/a/" + ART)
        p.wait_for_selector("#text [data-testid=ent]")
    ent_loc(page, key(kas)).click()
    page.keyboard.press("a")
    wait_status(page, key(kas), "accepted")
    ent_loc(other, key(russ)).click()
    other.keyboard.press("x")
    wait_status(other, key(russ), "rejected")
    page.keyboard.press("u")
    expect(page.get_by_test_id("status")).to_contain_text("the last decision in this article is now e2e's reject of “Russland”")
    wait_status(page, key(russ), "rejected")  # tab 1 now shows the article as it is
    assert [d["decision"] for d in seed_app.decisions()] == ["accept", "reject"]
    page.keyboard.press("u")
    wait_status(page, key(russ), "pending")
    wait_status(page, key(kas), "accepted")
    assert [d["decision"] for d in seed_app.decisions()] == ["accept", "reject", "undo"]
    assert page.js_errors == []
