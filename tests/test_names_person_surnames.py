"""presseschau_names: a person's later mentions by the surname alone (issue 13; docs/measurements/ner.md, "Session 34
(persons in ordinary prose)"). Counted on all 1,022 10kGNAD articles and the web_pages_de pages: the surname of a
person named in full was left unlabelled where the model had also labelled the first name alone ("Roger" ...
"Roger Federer" ... "Federer"), and after an attributive adjective ("der überragende Zieler"). Each test runs real text
(quoted from 10kGNAD) through the rule components and checks that the error comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# 10kGNAD (gnad261): "Roger" alone is PER as well ("Ich habe Roger das Match praktisch geschenkt"), which stopped the
# surname vote of "Roger Federer" as a known name inside the span does ("Russlands Gegenstück"); the "Federer" after
# it were left out
FEDERER = ("London – Der Schweizer Roger Federer hat am Dienstag im zweiten Gruppenspiel des Londoner World Tour "
           "Finals die Siegesserie von Novak Djokovic nach 23 Erfolgen hintereinander beendet. Danach zeigte sich "
           "Djokovic sehr selbstkritisch: Ich habe Roger das Match praktisch geschenkt. Er fand, Federer habe sehr "
           "effizient aufgeschlagen und geschickt variiert. Federer spielt gegen Kei Nishikori nur noch um den "
           "Gruppensieg.")


def test_a_first_name_alone_does_not_stop_the_surname(nlp_info):
    doc = _doc(nlp_info, FEDERER)
    on = ents_with(nlp_info, doc)
    assert on[("Roger Federer", "PER")] == 1 and on[("Roger", "PER")] == 1, on
    assert on[("Federer", "PER")] == 2, on
    off = ents_with(nlp_info, doc, names={"first_name_alone_inside": False})
    assert off[("Federer", "PER")] < 2, off


# 10kGNAD (gnad215, gnad793): the surname after an attributive adjective was taken for a common noun ("große Angst")
ZIELER = ("Der überragende Keeper Ron-Robert Zieler freute sich über einen dreckigen Sieg in seiner Geburtsstadt. Und "
          "wenn es gefährlich wurde, wie durch Modeste (65., 86.), Jojic (68.) oder den eingewechselten Philipp Hosiner "
          "(76.), war der überragende Zieler zur Stelle.")
TOMIC = ("In seinem ersten ATP-500er-Finale und dem sechsten Tour-Endspiel rang er den als Nummer 5 gesetzten "
         "Australier Bernard Tomic mit 7:6(6),4:6,6:3 nieder. Der unorthodox spielende Tomic, der im Ranking als 21. "
         "sechs Positionen hinter Thiem liegt, zeigte, warum man seit einigen Jahren besonders auf ihn achtet.")


def test_a_surname_after_an_adjective_is_the_person(nlp_info):
    for text, surname in ((ZIELER, "Zieler"), (TOMIC, "Tomic")):
        doc = _doc(nlp_info, text)
        on = ents_with(nlp_info, doc)
        assert on[(surname, "PER")] == 1, on
        off = ents_with(nlp_info, doc, names={"surname_after_adjective": False})
        assert off[(surname, "PER")] == 0, off

