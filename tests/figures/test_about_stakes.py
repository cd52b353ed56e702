"""Session 33 (about, issue 18: stakes and comparisons): classes counted on the whole allowed pool (all 1,022 10kGNAD
articles, the web_pages_de pages outside web3/web4, Wikinews train/dev outside the blind rule sets). The sentences are
short quotations (10kGNAD, a web page; the BEWAG sentence shortened)."""

from figure_helpers import abouts


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


# origin: session 33, web page web195 of web_pages_de (a diet's land footprint): an amount right before "davon" is a part of
# the last amount in its unit, in its sentence or the one before (none before)
def test_amount_davon_after_the_amount_before(nlp_model):
    text = ("In Deutschland liegt ein durchschnittlicher ernährungsbedingter Pro-Kopf-Flächenfußabdruck von 2.022 "
            "Quadratmetern pro Jahr vor. "
            "180 Quadratmeter davon entfallen auf Grünland und 1.842 Quadratmeter auf Ackerland.")
    got = dict(abouts(nlp_model, text))
    assert got["180 Quadratmeter"] == got["1.842 Quadratmeter"] == "Pro-Kopf-Flächenfußabdruck", got
