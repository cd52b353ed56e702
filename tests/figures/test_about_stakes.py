"""`about` of a stake and of a part of an amount: a share held in the noun of an "an" phrase ("28,14 Prozent an den
Casinos"), in a company that is owned "zu" a share ("Sky gehört zu etwa 39 Prozent"), and an amount before "davon"
as a part of the amount before it. The sentences are short quotations (10kGNAD, a web page; the BEWAG sentence
shortened) or read from ../shared/data at run time."""

from figure_helpers import abouts, gnad_sentence


# origin: session 33, 10kGNAD gnad32 and gnad947: a share followed by "an" + a dative article is a
# stake in that phrase's noun when its clause holds a verb of holding or a stake word (none before)
def test_stake_held_in_the_an_phrase(nlp_model):
    got = dict(abouts(nlp_model, "Zusammen hat sich der niederösterreichische Glücksspielriese damit 28,14 Prozent an den "
                                 "Casinos gesichert."))
    assert got["28,14 Prozent"] == "Casino", got
    got = dict(abouts(nlp_model, "Das Land Burgenland erlöste 2006 Geld aus dem Verkauf von Landesbeteiligungen (u. a. 51 "
                                 "Prozent an der damaligen BEWAG, die BELIG und weitere)."))
    assert got["51 Prozent"] == "BEWAG", got
    # the same pool: "an" + an accusative, or "an" + a dative without a cue of holding, is no stake
    got = dict(abouts(nlp_model, "Die Adidas-Aktie setzte sich mit einem Plus von 2,5 Prozent an die Spitze des Dax."))
    assert got["2,5 Prozent"] != "Spitze", got
    got = dict(abouts(nlp_model, "Wahlberechtigt waren alle Schülerinnen und Schüler ab Klasse 10, die zu mehr als 87% an "
                                 "der Wahl teilnahmen."))
    assert got["87%"] != "Wahl", got


# origin: session 30, 10kGNAD gnad671 (and gnad710 "Die ... OMV gehört zu 31,5 Prozent der ... Öbib", session 29's left
# list): a share after "zu" with a verb of ownership (measures.json `stakes` "verbs") measures the stake in the verb's
# subject, a company's name too; it had none (the tagger makes "Sky" a pronoun, the model's lemma of "gehört" is "hören")
def test_share_of_an_owned_company_is_the_company(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad671", "Sky gehört zu etwa 39 Prozent")))
    assert got["39 Prozent"] == "Sky", got


# origin: session 33, web page web195 of web_pages_de (a diet's land footprint): an amount right before "davon" is a part of
# the last amount in its unit, in its sentence or the one before (none before)
def test_amount_davon_after_the_amount_before(nlp_model):
    text = ("In Deutschland liegt ein durchschnittlicher ernährungsbedingter Pro-Kopf-Flächenfußabdruck von 2.022 "
            "Quadratmetern pro Jahr vor. "
            "180 Quadratmeter davon entfallen auf Grünland und 1.842 Quadratmeter auf Ackerland.")
    got = dict(abouts(nlp_model, text))
    assert got["180 Quadratmeter"] == got["1.842 Quadratmeter"] == "Pro-Kopf-Flächenfußabdruck", got
