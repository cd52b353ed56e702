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
