"""Session 31 (about, issue 18, fourth round): classes found on a fourth unseen, self-labelled sample of 20 Wikinews
train articles and 10 10kGNAD articles (annotations/news/selflabel_s31_about_ids.json; the 10kGNAD text is read from
../shared/data at run time, local testing only, never copied here, except a short quoted sentence)."""

from figure_helpers import abouts, gnad_sentence, units_of


# origin: session 31, 10kGNAD gnad820 (unseen sample), gnad662 and gnad144 (10kGNAD's other "es" + "sein" sentences): an
# amount with nothing of its own after "es" and a form of "sein" continues the last figure in its unit, also a fraction
# share for a percentage and across a sentence; after "bei" + a common noun a share of a named whole counts that noun.
# All three had none ("70 Prozent" was "Serbe", the unit's last share)
def test_es_sein_continues_the_last_figure_in_its_unit(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad820", "Heuer gab die Hälfte der Befragten an")))
    assert got["Hälfte"] == got["43 Prozent"] == "Befragte", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad662", "bei Bosniern sind es über 70 Prozent")))
    assert got["55 Prozent"] == "Serbe" and got["70 Prozent"] == "Bosnier", got
    text = ("Von Jahresbeginn bis 31. August wurden 46.133 Asylanträge gestellt. Im gesamten Vorjahr waren es in Österreich "
            "rund 28.000; damals eine Spitze.")
    got = dict(abouts(nlp_model, text))
    assert got["28.000"] == "Asylantrag", got


# origin: session 31, 10kGNAD gnad666 and gnad259 (unseen sample): a noun "laut" governs is a source, no subject and no
# noun the amount hangs on; "775.000 Euro" had none, "16 Millionen Euro" was "DNA-Schätzung"
def test_laut_phrase_is_no_subject(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad666", "Die Aktiva betragen laut Firmenangaben")))
    assert got["775.000 Euro"] == "Aktiva", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad259", "der verursachte Schaden")))
    assert got["16 Millionen Euro"] == "Schaden", got


# origin: session 31, 10kGNAD gnad47 (unseen sample) and session 30's gnad671: a number after a place's name, or with a
# thousands separator after any name, that an adjective or determiner and a plural noun follow is a count; both were
# no figure. A model's number stays none: "einen Porsche 911 gekauft"
def test_count_after_a_name(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad47", "Insgesamt existieren in Österreich 15 solcher")))
    assert got["15"] == "Stadt", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad671", "Sky 337.000 neue Kunden")))
    assert got["337.000"] == got["21 Millionen"] == "Kunde", got
    assert "911" not in dict(abouts(nlp_model, "Er hat einen Porsche 911 gekauft."))


# origin: session 31, Wikinews wn5310 (train, unseen sample): the subject read off the surface past a participle phrase
# inside its noun phrase ("der wegen der Verzögerung entstandene Schaden"); it had none
def test_subject_after_a_participle_phrase(nlp_model):
    text = ("Nach Angaben der WAZ beträgt der wegen der Verzögerung entstandene Schaden für die BA per heute etwas über "
            "28 Millionen Euro.")
    got = dict(abouts(nlp_model, text))
    assert got["28 Millionen Euro"] == "Schaden", got


# origin: session 30's left list, 10kGNAD gnad671: "Pence" is the pound's subunit as "Cent" is the euro's (units.tsv);
# it was 12.6 with no unit (and "Pence" its `about`)
def test_pence_is_a_hundredth_of_a_pound(nlp_model):
    got = {t: (v, u) for t, v, u in units_of(nlp_model, gnad_sentence("gnad671", "auf 12,6 Pence je Aktie"))}
    assert got["12,6 Pence"] == (0.126, "GBP"), got
