"""Session 27 (about, issue 18): classes found on an unseen, self-labelled sample of 10kGNAD figures
(../shared/data, local testing only: the sentences are read at run time, never copied here) and on the open
Wikinews dev sets."""
import pytest

from figure_helpers import abouts, gnad_sentence


# origin: session 27, 10kGNAD (unseen sample, gnad129 "14 Verdächtige seien ... gefasst worden"): a nominalised
# adjective in -e lost its -e ("Verdächtig": the lemma table has no noun "Verdächtig", simplemma strips the ending) or
# came out as the strong masculine ("Freiwilliger"); the guidelines write such nouns in the -e form ("Tote", "Verletzte")
@pytest.mark.parametrize("doc_id, key, fig, expected", [
    ("gnad129", "14 Verdächtige", "14", "Verdächtige"),
    ("gnad551", "acht Verdächtige", "acht", "Verdächtige"),
    ("gnad1000", "sieben Freiwillige", "sieben", "Freiwillige"),
])
def test_nominalised_adjective_keeps_its_e_form(nlp_model, doc_id, key, fig, expected):
    got = dict(abouts(nlp_model, gnad_sentence(doc_id, key)))
    assert got[fig] == expected, got


def test_plural_noun_in_e_still_loses_its_ending(nlp_model):
    # the -e form is kept only for adjectives: a noun's plural in -e takes its singular (seed-style text)
    got = dict(abouts(nlp_model, "Hannover holte im Herbst aus 17 Spielen nur 14 Punkte und drei Siege."))
    assert got["14"] == "Punkt" and got["drei"] == "Sieg", got


def _passage(name: str, doc_id: str, start: str, end: str) -> str:
    from repo_data import news_row

    text = news_row(name, "id", doc_id)["text"]
    i = text.index(start)
    return text[i: text.index(end, i) + len(end)]


# origin: session 27, dev13 wn6200 (Wikinews) and 10kGNAD gnad725 (unseen sample): a part taken with "davon" whose own
# sentence names no set before it counts the last subject or object noun of the sentence before
@pytest.mark.parametrize("name, doc_id, start, end, fig, expected", [
    ("wikinews_de.jsonl.gz", "wn6200", "Am 09. Juni stellte Oberbürgermeister", "Die Hälfte davon", "Hälfte", "Erlöß"),
    ("10kgnad_test.jsonl.gz", "gnad725", "In Traiskirchen hielten sich", "obdachlos gewesen", "200", "Flüchtling"),
])
def test_davon_takes_the_set_of_the_sentence_before(nlp_model, name, doc_id, start, end, fig, expected):
    got = dict(abouts(nlp_model, _passage(name, doc_id, start, end)))
    assert got[fig] == expected, got


# origin: session 27, 10kGNAD gnad602 (unseen sample) and gnad1003: "es" with a form of "sein" before a bare count
# continues the count of the sentence before ("In Preševo stecken rund 650 Flüchtlinge ... fest. In ganz Serbien sind
# es rund 2.000."), as "weitere" does; not past a number of its own sentence (gnad671: "hat Sky 337.000 neue Kunden
# hinzugewonnen, insgesamt sind es nun 21 Millionen", where the count before was the dividend's "12,6 Pence"); session 31:
# "Sky 337.000 neue Kunden" is a count now (exclusions.py `_count_after_name`) and "12,6 Pence" an amount in GBP, so the
# count continued is the customers' (about_context.py `_copula_continuation`)
@pytest.mark.parametrize("doc_id, start, end, fig, expected", [
    ("gnad602", "Nun ist die Balkanroute ganz geschlossen", "sind es rund 2.000. Legal dürfen sie", "2.000", "Flüchtling"),
    ("gnad1003", "Die Präfektur zählte", "Im März waren es 3.500", "3.500", "Mensch"),
    ("gnad671", "Die Dividende soll", "sind es nun 21 Millionen.", "21 Millionen", "Kunde"),
])
def test_es_with_a_copula_continues_the_count_before(nlp_model, doc_id, start, end, fig, expected):
    got = dict(abouts(nlp_model, _passage("10kgnad_test.jsonl.gz", doc_id, start, end)))
    assert got[fig] == expected, got
