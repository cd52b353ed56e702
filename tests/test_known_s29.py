"""Session 29 (issue 18): the date and figure classes session 28 found on real text and left open, each on the
sentence it was found in (10kGNAD and web_pages_de read from ../shared/data at run time; local testing only)."""
from figure_helpers import GNAD
from test_alpine_de import _entities, _gnad, _web


def test_year_before_1500_in_brackets_after_a_name_is_a_date(nlp_model):
    # "des Falls von Konstantinopel (1453)" was a FIGURE 1453 about "Fall": a bracketed year before 1500 needed
    # a trigger; every bare four-digit "(NNNN)" of the corpora is a year, counts that size carry a dot
    got = _entities(nlp_model, _web("tests/eval/waldwiesen.net-holländerholzhandel.html", "Konstantinopel (1453)"),
                    "2021-01-01")
    assert ("DATE", "1453", "1453", None) in got
    assert not [e for e in got if e[0] == "FIGURE" and e[1] == "1453"]
    # counts in brackets after names stay FIGUREs (gnad527)
    got = _entities(nlp_model, _gnad("gnad527", "Tirol (1.574)"), GNAD)
    assert ("FIGURE", "1.574", 1574, None) in got and ("FIGURE", "660", 660, None) in got
