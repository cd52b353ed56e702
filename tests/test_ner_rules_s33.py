"""presseschau_ner_rules, session 33 (issue 13, names the rules still got wrong, sixth round: an unseen sample of 25
10kGNAD articles drawn with random.Random(3333), checked on all 1,022 10kGNAD articles, the Wikinews train/dev articles
and web_pages_de; docs/measurements/ner.md, "Session 33 (names the rules still get wrong)"). Each test runs real text
(quoted from 10kGNAD) through the annotate stage and checks that the error comes back with the session's rule switched
off, so no test passes without it."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# 10kGNAD (gnad547, the session's sample): the model's PER is the first name alone
GABI = "Die Bereitschaft der Bürgermeister ist enden wollend, kritisiert Gabi Sprickler-Falschlunger."
# 10kGNAD (gnad262, the session's sample), a list of candidates
SABINE = ("Über ein Grundmandat werden Hans Karl Schaller, Gisela Peutlberger-Naderer, Erich Rippl, Roswitha Bauer, "
          "Hermann Krenn, Frauen-Chefin Sabine Promberger, die bisherige Zweite Landtagspräsidentin Gerda Weichsler-Hauer "
          "und – neu – Thomas Punkenhofer einziehen, über die Landesliste Klubobmann Christian Makor, Petra Müllner sowie "
          "zum ersten Mal Landesgeschäftsführer Peter Binder.")


def test_a_first_name_alone_as_person_runs_on_to_the_surname(nlp_info):
    for text, name, first in ((GABI, "Gabi Sprickler-Falschlunger", "Gabi"), (SABINE, "Sabine Promberger", "Sabine")):
        doc = _doc(nlp_info, text)
        on = ents_with(nlp_info, doc)
        assert on[(name, "PER")] == 1 and on[(first, "PER")] == 0, on
        off = ents_with(nlp_info, doc, first_name_surnames=False)
        assert off[(name, "PER")] == 0 and off[(first, "PER")] == 1, off


# 10kGNAD (gnad283, the session's sample): "Bezirk" inside the model's LOC
BEZIRK = ("Auf der Handalm im Bezirk Deutschlandsberg sollen 13 Windräder ab 2017 Strom liefern. Graz – Die Energie "
          "Steiermark AG investiert rund 58 Mio. Euro in den nach eigenen Angaben größten Windpark im Süden Österreichs.")


def test_bezirk_is_a_place_descriptor(nlp_info):
    doc = _doc(nlp_info, BEZIRK)
    on = ents_with(nlp_info, doc)
    assert on[("Deutschlandsberg", "LOC")] == 1 and on[("Bezirk Deutschlandsberg", "LOC")] == 0, on
    rules = nlp_info[0].get_pipe("presseschau_ner_rules")
    off = ents_with(nlp_info, doc, place_descriptors=rules.place_descriptors - {"bezirk", "bezirks", "bezirkes"})
    assert off[("Bezirk Deutschlandsberg", "LOC")] == 1 and off[("Deutschlandsberg", "LOC")] == 0, off


# 10kGNAD (gnad293): the place before "und" ends in its name in brackets, split off by `bracket_place` (session 32)
WALBRZYCH = ("An der mutmaßlichen Fundstelle an der Bahnstrecke zwischen Breslau (Wroclaw) und Walbrzych wird "
             "unterdessen das Unterholz gelichtet.")


def test_a_place_after_und_and_a_bracketed_place(nlp_info):
    doc = _doc(nlp_info, WALBRZYCH)
    on = ents_with(nlp_info, doc)
    assert on[("Walbrzych", "LOC")] == 1 and on[("Wroclaw", "LOC")] == 1, on
    off = ents_with(nlp_info, doc, bracketed_place_before=False)
    assert off[("Walbrzych", "LOC")] == 0, off
