"""Session 33 (about, issue 18, sixth round): classes found on a sixth unseen, self-labelled sample of 20 web pages and
10 10kGNAD articles (annotations/news/selflabel_s33_about_ids.json; the text is read from ../shared/data at run time,
local testing only, never copied here, except a short quoted sentence)."""

from figure_helpers import abouts, gnad_sentence, web_sentence


# origin: session 33, 10kGNAD gnad887 (unseen sample): a noun that is itself a time unit before "zwischen" says when, not
# what is measured ("Jahr" before); the verb's subject does
def test_time_noun_before_an_amount_phrase(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad887", "zwischen fünf und sechs Prozent zu")))
    assert got["fünf"] == got["sechs Prozent"] == "Oldtimerpreis", got


# origin: session 33, web page motor.at-elektroroller (unseen sample): "leisten" measures its subject's power (none before)
def test_leisten_measures_power(nlp_model):
    got = dict(abouts(nlp_model, web_sentence("tests/eval/motor.at-elektroroller.html", "und leistet 7 kW")))
    assert got["7 kW"] == "Elektromotor", got


# origin: session 33, 10kGNAD gnad232 (unseen sample): a noun in the bracket after a percentage belongs to the bracket's
# own count ("39,59 Prozent (44 Mandate)" was "Mandat", now none: no cue of an election names the vote share here)
def test_noun_in_a_later_bracket(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad232", "Somit kommt die SPÖ auf 39,59 Prozent")))
    assert got["39,59 Prozent"] is None and got["44"] == "Mandat", got
    got = dict(abouts(nlp_model, "Die Tickets kosten 12 Euro (Erw.), ermäßigt 10 Euro."))
    assert got["12 Euro"] == "Ticket", got


# origin: session 33, web page nwx.new-work.se.digitaler-stress (unseen sample) and 10kGNAD gnad523: a percentage that
# alone fills a bracket after a share noun with its genitive or after a share figure restates that share
def test_bracketed_share(nlp_model):
    got = dict(abouts(nlp_model, "Die Mehrheit der Beschäftigten (56 Prozent) nutzen inzwischen regelmäßig Videokonferenzen."))
    assert got["56 Prozent"] == "Beschäftigte", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad523", "Rund die Hälfte der Werbeaufträge (48 Prozent)")))
    assert got["48 Prozent"] == "Werbeauftrag", got


# origin: session 33, web page nwx.new-work.se.digitaler-stress (unseen sample): a share that is the subject of "angeben"
# (a verb that measures its object) counts the whole of the share before it
def test_share_subject_of_an_object_verb(nlp_model):
    text = ("40 Prozent der Beschäftigten in Deutschland fühlen sich durch die Digitalisierung ihrer Tätigkeit stärker "
            "belastet. 46 Prozent gaben an, dass durch Multitasking Anforderungen gewachsen sind.")
    assert dict(abouts(nlp_model, text))["46 Prozent"] == "Beschäftigte"


# origin: session 33, 10kGNAD gnad889 (unseen sample): a proper noun in no name after a name's genitive is the subject
# ("Österreichs Schuldenquote": the tagger's PROPN)
def test_common_noun_after_a_genitive_name(nlp_model):
    text = "Österreichs Schuldenquote wird laut Fiskalrat im kommenden Jahr bei 84,5 Prozent liegen."
    assert dict(abouts(nlp_model, text))["84,5 Prozent"] == "Schuldenquote"


# origin: session 33, web page de.cointelegraph.com-CME (unseen sample) and 10kGNAD gnad402: after a share the indefinite
# genitive article opens the partitive genitive ("ein Zehntel eines Bitcoins" was "BTC", "6,4 Prozent eines Jahrgangs"
# none); "einer Stichprobe von 2.503 Befragten" hands over to the set counted (Wikinews dev5 wn51446)
def test_share_with_an_indefinite_genitive(nlp_model):
    got = dict(abouts(nlp_model, web_sentence("tests/eval/de.cointelegraph.com-CME.html", "ein Zehntel eines Bitcoins")))
    assert got["ein Zehntel"] == "Bitcoin", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad402", "Für 6,4 Prozent eines Jahrgangs")))
    assert got["6,4 Prozent"] == "Jahrgang", got
    got = dict(abouts(nlp_model, "23 Prozent einer Stichprobe von 2.503 Befragten sehen sich auf der Verliererseite."))
    assert got["23 Prozent"] == "Befragte", got
