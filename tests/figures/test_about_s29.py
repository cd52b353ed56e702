"""Session 29 (about, issue 18): classes found on an unseen, self-labelled sample of 16 Wikinews train articles and 20
10kGNAD articles (../shared/data, local testing only: the 10kGNAD text is read at run time, never copied here)."""

from figure_helpers import abouts, fig_rows, gnad_sentence


# origin: session 29, 10kGNAD gnad845 (a Bitkom survey): a share that is the subject of a verb that measures nothing
# ("47 Prozent von ihnen könnten sich vorstellen", "22 Prozent sprechen sich ... aus") counts the whole of the share
# before it ("84 Prozent der Befragten"), in its sentence or the one before; both had no `about`
def test_share_as_subject_counts_the_whole_of_the_share_before(nlp_model):
    text = gnad_sentence("gnad845", "84 Prozent der Befragten") + " " + gnad_sentence("gnad845", "47 Prozent von ihnen")
    got = dict(abouts(nlp_model, text))
    assert got["84 Prozent"] == "Befragte", got
    assert got["47 Prozent"] == "Befragte", got
    assert got["22 Prozent"] == "Befragte", got


# the same after a fraction of the whole: "Drei Viertel der Befragten gaben an, ... - davon hätten aber 60 Prozent
# lieber auf den Computer zurückgegriffen" (gnad995)
def test_share_as_subject_after_a_fraction_of_the_whole(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad995", "davon hätten aber 60 Prozent")))
    assert got["60 Prozent"] == "Befragte", got


# origin: session 29, 10kGNAD gnad145: "liegen zwischen" measures its subject as "liegen bei" does (`measuring_verbs`);
# both numbers of the range had no `about`
def test_liegen_zwischen_measures_the_subject(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad145", "liegen zwischen 30 und 150 Euro")))
    assert got["30"] == "Strafe", got
    assert got["150 Euro"] == "Strafe", got


# origin: session 29, Wikinews wn67886 and 10kGNAD gnad838: an amount with a unit that alone fills a bracket right
# after a common noun measures that noun (`bracket_measure`); both had no `about`
def test_bracketed_amount_after_a_noun_measures_the_noun(nlp_model):
    got = dict(abouts(nlp_model, "Die Feinunze (31,1 Gramm) Silber kostete am Donnerstagabend 49,51 US-Dollar."))
    assert got["31,1 Gramm"] == "Feinunze", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad838", "(3,62 Gigabyte)")))
    assert got["3,62 Gigabyte"] == "Akte", got


# origin: session 29, Wikinews wn71492: "Deutsche Mark" with its adjective is the unit DEM; the amount had no unit and
# measured "Mark"
def test_deutsche_mark_is_a_unit(nlp_model):
    rows = fig_rows(nlp_model, "Deutschland hatte bereits aufgrund eines Abkommens von 1961 Reparationszahlungen in "
                               "Höhe von 40 Millionen Deutsche Mark an Italien bezahlt.")
    assert ("40 Millionen Deutsche Mark", 40000000, "DEM", "Reparationszahlung") in rows, rows


# origin: session 29, Wikinews wn45882: "drücken" changes its object to an amount, as "senken" does
# (`object_measuring_verbs`); the amount had no `about`
def test_druecken_measures_its_object(nlp_model):
    got = dict(abouts(nlp_model, "„Ich rechne damit, dass es uns gelingt, bis zum Ende der Legislaturperiode 2002 "
                                 "die Arbeitslosigkeit auf unter 3,5 Millionen zu drücken.“"))
    assert got["3,5 Millionen"] == "Arbeitslosigkeit", got


# origin: session 29, 10kGNAD gnad392: "Remis" is its own plural; the lookup table cut it to "Remi"
def test_remis_keeps_its_lemma(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad392", "sechs Remis")))
    assert got["sechs"] == "Remis", got
