"""Session 32 (about, issue 18, fifth round): classes found on a fifth unseen, self-labelled sample of 20 web pages and
10 10kGNAD articles (annotations/news/selflabel_s32_about_ids.json; the text is read from ../shared/data at run time,
local testing only, never copied here, except a short quoted sentence)."""

from figure_helpers import abouts, gnad_sentence, web_sentence


# origin: session 32, web page enwb.com.windpark.steinheim (unseen sample) and 10kGNAD gnad595: a gender-inclusive plural
# takes the lemma of its masculine plural ("Mitarbeiter\*innen" was "Mitarbeiter\*in", "Kund\*innen" "Kund\*in",
# "WissenschafterInnen" "WissenschafterIn")
def test_gender_inclusive_plural(nlp_model):
    page = "tests/eval/enwb.com.windpark.steinheim.html"
    got = dict(abouts(nlp_model, web_sentence(page, "ist mit rund 24.000 Mitarbeiter")))
    assert got["24.000"] == "Mitarbeiter", got
    got = dict(abouts(nlp_model, web_sentence(page, "Sie versorgt rund 5,5 Millionen")))
    assert got["5,5 Millionen"] == "Kunde", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad595", "rund 350 WissenschafterInnen")))
    assert got["350"] == "Wissenschafter", got


# origin: session 32, web page bmfsfj.de-praesidentschaft (unseen sample): the lemma table's old spelling ("Prozesse" ->
# "Prozeß") gives way to the surface's "ss"; "Straßen" keeps its "ß"
def test_lemma_in_the_reformed_spelling(nlp_model):
    text = web_sentence("tests/eval/bmfsfj.de-praesidentschaft.html", "sind sieben thematische Dialogprozesse")
    assert dict(abouts(nlp_model, text))["sieben"] == "Dialogprozess"
    assert dict(abouts(nlp_model, "Die Stadt sperrte 15 Straßen."))["15"] == "Straße"


# origin: session 32, 10kGNAD gnad144 (unseen sample): a share that opens its sentence with "von ihnen" after it counts
# the set the sentence before named (it had none)
def test_share_of_them_in_the_next_sentence(nlp_model):
    text = ("Noch ein historischer Zahlenvergleich: 1956 und 1957 kamen im Zuge der Ungarnkrise rund 180.000 Menschen nach "
            "Österreich. Etwa zehn Prozent von ihnen blieben im Land.")
    assert dict(abouts(nlp_model, text))["zehn Prozent"] == "Mensch"


# origin: session 32, 10kGNAD gnad837 and gnad373: adverbs between "von" and the amount, as one listed adverb ("von
# umgerechnet")
def test_adverbs_after_von(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad837", "Einstiegspreise von inzwischen rund 500 Euro")))
    assert got["500 Euro"] == "Einstiegspreis", got


# origin: session 32, web page berkutschi.com-willingen (unseen sample): a person's name after a bare count is whose the
# count is ("1186 Kobayashi" was "Kobayashi"); a word of the lemma table stays, also where the recogniser made it a
# name ("1189 Geiger" here; "1 Prise Salz" of the recipe page lecker.de.schneewittchen)
def test_name_after_a_count_is_not_counted(nlp_model):
    text = web_sentence("tests/eval/berkutschi.com-willingen.html", "(1189 Geiger")
    got = dict(abouts(nlp_model, text))
    assert got["1186"] is None and got["1189"] == "Geiger", got
    got = dict(abouts(nlp_model, web_sentence("tests/eval/lecker.de.schneewittchen.html", "Für den Teig 250 g weiche Butter")))
    assert got["1"] == "Prise", got


# origin: session 32, web page d70fab3adde74d5fb63552855c981395 (unseen sample; 10kGNAD gnad96 as a guard): a vote's bare pair
# "N zu M" counts votes, as "21 zu 8 Stimmen" (the web page's had none; gnad96's came from the count before)
def test_vote_pair_counts_votes(nlp_model):
    text = web_sentence("tests/eval/d70fab3adde74d5fb63552855c981395.html", "stimmten mit 322 zu 306")
    got = dict(abouts(nlp_model, text))
    assert got["322"] == got["306"] == "Stimme", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad96", "das Votum ging aber 58 zu 42 aus")))
    assert got["58"] == got["42"] == "Stimme", got


# origin: session 32, 10kGNAD gnad1008 (unseen sample) and gnad43: a prepositional phrase inside a second attribute after
# a measure adjective is passed over ("Tarnkappentechnik", "Zacke" were taken)
def test_measure_adjective_past_a_second_attribute(nlp_model):
    got = dict(abouts(nlp_model, gnad_sentence("gnad1008", "Die knapp 19 Meter lange")))
    assert got["19 Meter"] == "Raptor", got
    got = dict(abouts(nlp_model, gnad_sentence("gnad43", "Das 25 Zentimeter große")))
    assert got["25 Zentimeter"] == "Ding", got

