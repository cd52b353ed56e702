"""Session 28 (about, issue 18): classes found on an unseen, self-labelled sample of 10kGNAD and web-page figures
(../shared/data, local testing only: the text is read at run time, never copied here)."""
from figure_helpers import abouts, gnad_sentence


# origin: session 28, 10kGNAD gnad877 (unseen sample): a fraction or share with a genitive opened by "sämtlicher"
# ("zu rund einem Drittel sämtlicher Server") counts that genitive, as after "aller"; the parse has it, but the
# partitive reading knew no "sämtlicher" (nor "beider") as a genitive's determiner, and the figure had no `about`
def test_fraction_of_a_genitive_after_saemtlicher(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad877", "einem Drittel sämtlicher Server")))
    assert got["einem Drittel"] == "Server", got
