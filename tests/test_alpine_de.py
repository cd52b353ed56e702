"""Austrian and Swiss German in the DATE/FIGURE output (session 22 sweep of 10kGNAD, DER STANDARD,
and the Swiss pages of web_pages_de). The sentences are read from ../shared/data at run time (their
licences allow local testing only); a key of a few words picks the sentence out of the article."""
import re

from figure_helpers import GNAD
from repo_data import news_row


def _sentence(text: str, key: str) -> str:
    """The sentence of `text` that holds `key` (cut at sentence punctuation or a line break)."""
    i = text.index(key)
    a = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i))
    m = re.search(r"[.!?](?=\s|$)|\n", text[i + len(key):])
    return text[a + 1: i + len(key) + (m.end() if m else len(text))].strip()


def _entities(nlp, text, published):
    from pipeline.nlp import doc_to_entities

    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(e.label, e.text, e.value, e.unit) for e in doc_to_entities(doc) if e.label in ("DATE", "FIGURE")] + \
        [(e.label, e.text) for e in doc_to_entities(doc) if e.label not in ("DATE", "FIGURE")]


def _gnad(doc_id: str, key: str) -> str:
    return _sentence(news_row("10kgnad_test.jsonl.gz", "id", doc_id)["text"], key)


def _web(file: str, key: str) -> str:
    return _sentence(news_row("web_pages_de.jsonl.gz", "file", file)["markdown_extract"], key)


def test_austrian_month_name_the_model_took_for_a_name_is_a_date(nlp_model):
    # the model reads Austrian "Jänner" as LOC ("im Jänner 2014", "im Jänner") and "1. Jänner" as ORG;
    # the name wholly inside the date yields to the DATE (as over a holiday)
    got = _entities(nlp_model, _gnad("gnad603", "im Jänner 2014"), GNAD)
    assert ("DATE", "Jänner 2014", "2014-01", None) in got and ("LOC", "Jänner") not in got
    assert ("ORG", "Bezirksgericht Innsbruck") in got  # a name outside the date stays
    got = _entities(nlp_model, _gnad("gnad291", "im Jänner seinen"), GNAD)
    assert ("DATE", "Jänner", "2016-01", None) in got and ("LOC", "Jänner") not in got
    got = _entities(nlp_model, _gnad("gnad160", "Seit dem 1. Jänner"), GNAD)
    assert ("DATE", "1. Jänner", "2016-01-01", None) in got and ("ORG", "1. Jänner") not in got


def test_swiss_apostrophe_thousands_separator(nlp_model):
    # "10’000 Franken", "740’000 Personen", "40'000": the Swiss thousands separator, curly or straight
    got = _entities(nlp_model, _web("tests/eval/0afd671fc2b64f3caa83a91537e8d343.html", "Sachschaden von 10’000"), "2021-01-01")
    assert ("FIGURE", "10’000 Franken", 10000, "CHF") in got
    got = _entities(nlp_model, _web("tests/eval/be.ch-impfen.html", "Rund 740’000 Personen"), "2022-01-01")
    assert ("FIGURE", "740’000", 740000, None) in got
    got = _entities(nlp_model, _web("tests/eval/0a24692a9ea846c1819bd6a5f92a8874.html", "40'000 Sazeracs"), "2020-01-01")
    assert ("FIGURE", "40'000", 40000, None) in got


def test_swiss_franc_written_out_and_currency_code_before_the_amount(nlp_model):
    got = _entities(nlp_model, _web("tests/eval/infosperber.ch-Madagaskar.html", "rund 500 Millionen Schweizer Franken"), "2020-01-01")
    assert ("FIGURE", "500 Millionen Schweizer Franken", 500000000, "CHF") in got
    got = _entities(nlp_model, _web("tests/eval/archive.org.time4talks.com.kinos.html", "zwischen CHF 80 000"), "2012-01-01")
    assert ("FIGURE", "CHF 80 000", 80000, "CHF") in got
    got = _entities(nlp_model, _web("tests/eval/iwr.de.IWRpressedienst.Nordex.html", "etwa EUR 5,4 Mrd"), "2022-01-01")
    assert ("FIGURE", "EUR 5,4 Mrd.", 5400000000, "EUR") in got


def test_a_number_the_model_took_for_a_name_is_a_figure(nlp_model):
    # "98’767" tagged ORG: a span made only of digits and separators is no name and no longer hides the figure
    got = _entities(nlp_model, _web("tests/eval/infosperber.ch-Madagaskar.html", "mit 98’767 Dollar"), "2020-01-01")
    assert ("FIGURE", "98’767 Dollar", 98767, "USD") in got and ("ORG", "98’767") not in got


def test_currency_code_before_a_range_carries_to_its_second_amount(nlp_model):
    got = _entities(nlp_model, _web("tests/eval/archive.org.time4talks.com.kinos.html", "zwischen CHF 80 000"), "2012-01-01")
    assert ("FIGURE", "CHF 80 000", 80000, "CHF") in got and ("FIGURE", "100 000", 100000, "CHF") in got


def test_month_range_after_monate_gives_both_months(nlp_model):
    # "Für die Monate Jänner bis März": two DATEs, as the guidelines' ranges ("vom [3.5.] bis [7.5.]")
    got = _entities(nlp_model, _gnad("gnad355", "Monate Jänner bis März"), GNAD)
    dates = [g for g in got if g[0] == "DATE"]
    assert [d[1] for d in dates] == ["Jänner", "März"]
    assert dates[0][2][:4] == dates[1][2][:4] and dates[0][2][5:] == "01" and dates[1][2][5:] == "03"
