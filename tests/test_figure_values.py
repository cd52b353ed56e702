"""FIGURE values and units on real number formats (session 26 sweep of 10kGNAD and web_pages_de; issue 18).
The sentences are read from ../shared/data at run time (their licences allow local testing only); a key of a
few words picks the sentence out of the article."""
from test_alpine_de import _entities, _web


def test_price_with_a_dash_for_its_cents_before_the_currency(nlp_model):
    # "449,- Euro", "3.000,- Euro", "1.000,- €": the dash for the cents hid the whole amount (no FIGURE at all);
    # before the amount ("EUR 1.200,-") it was read already
    got = _entities(nlp_model, _web("tests/cache/computerbase.de.htc.html", "mit 449,- Euro zu Buche"), "2008-01-01")
    assert ("FIGURE", "449,- Euro", 449, "EUR") in got
    got = _entities(nlp_model, _web("tests/eval/auswaertiges-amt.de-Italien.html", "von 3.000,- Euro auf"), "2021-01-01")
    assert ("FIGURE", "3.000,- Euro", 3000, "EUR") in got and ("FIGURE", "2.000,- Euro", 2000, "EUR") in got
    got = _entities(nlp_model, _web("tests/eval/auswaertiges-amt.de-Italien.html", "Höchstgrenze 1.000,- €"), "2021-01-01")
    assert ("FIGURE", "1.000,- €", 1000, "EUR") in got
