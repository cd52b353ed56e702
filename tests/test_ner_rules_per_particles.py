"""Persons whose names hold particles (issue 13; docs/measurements/ner.md, "Session 35 (persons the rules still
miss)"): presseschau_ner_rules `join_arabic_particles` runs a PER span on over an Arabic particle right after it
("[Said Raad] al-Hussein" -> "[Said Raad al-Hussein]"), and presseschau_names `_join_particle_mentions` gives a
person's later mention by the surname the particles before it when a full name of the article ends in them ("Ursula
von der Leyen" ... "aber von der [Leyen]" -> "[von der Leyen]"). Real text (10kGNAD, Wikinews train, web2 dev); each
test checks that the error comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import dev_doc, ents_with, needs_pages, text_doc as _doc

# 10kGNAD (gnad179, gnad726): the model's PER stopped before the particle
HUSSEIN = ("Ein rein inländisches Gerichtsverfahren hätte keine Chance gegen das weitverbreitete und berechtigte "
           "Misstrauen, das von jahrzehntelangen Verstößen, Missbrauch und nicht gehaltenen Versprechen angefacht wurde, "
           "sagte UN-Hochkommissar Said Raad al-Hussein. Er hoffe auf die neue Regierung von Präsident Mathiripala "
           "Sirisena.")
ZEID = ("Recherchen nach Gewalttaten im Dezember nährten den Verdacht, dass einige Opfer wegen ihrer Zugehörigkeit zur "
        "Minderheit der Tutsis sexuell missbraucht worden seien, sagte der UN-Hochkommissar für Menschenrechte, Zeid Raad "
        "al-Hussein, am Freitag in Genf.")
# 10kGNAD (gnad1007): the model's PER stopped at "al", and it read the last word as a place ("Nuhayyan" LOC)
NUHAYYAN = ("Dabei handelt es sich etwa um die Zusammenfassung eines Telefonats zwischen Merkel und Mohammed bin Zayid al "
            "Nuhayyan, Kronprinz der Vereinigten Arabischen Emirate.")
# 10kGNAD (gnad656): the model's two PER spans "[Sultan Qabus] bin [Said]" are one person
QABUS = ("Vor gut einem Jahr waren der Oman und seine Zukunft in den internationalen Medien plötzlich Thema: Sultan Qabus "
         "bin Said hatte erstmals den Nationalfeiertag und seinen Geburtstag im November 2014, den 75., im Ausland "
         "verbracht.")


def test_an_arabic_particle_after_a_person_belongs_to_the_name(nlp_info):
    for text, name in ((HUSSEIN, "Said Raad al-Hussein"), (ZEID, "Zeid Raad al-Hussein"),
                       (NUHAYYAN, "Mohammed bin Zayid al Nuhayyan"), (QABUS, "Sultan Qabus bin Said")):
        doc = _doc(nlp_info, text)
        assert ents_with(nlp_info, doc)[(name, "PER")] == 1, name
        assert ents_with(nlp_info, doc, arabic_particles=False)[(name, "PER")] == 0, name


# Wikinews train (wn62849, CC BY 2.5): "Ursula von der Leyen" earlier in the article; the later "Leyen" was labelled alone
LEYEN = ("Eigentlich galt Arbeitsministerin Ursula von der Leyen als Favoritin, auch Finanzminister Wolfgang Schäuble und "
         "Bundestagspräsident Norbert Lammert waren im Gespräch. Doch auch die FDP war mit einer Kandidatur Ursula von der "
         "Leyens nicht glücklich. FDP-Fraktionsvizevorsitzender Jürgen Koppelin bezeichnete die 52-Jährige zwar als "
         "durchsetzungsfähig, aber von der Leyen sei vor allem in der jüngeren Generation wegen ihrer "
         "Internetzensurpläne in ihrer Zeit als Familienministerin  ein „Antityp“.")


def test_a_surname_mention_takes_the_particles_of_the_full_name(nlp_info):
    doc = _doc(nlp_info, LEYEN)
    on = ents_with(nlp_info, doc)
    assert on[("von der Leyen", "PER")] == 1 and on[("Leyen", "PER")] == 0, on
    off = ents_with(nlp_info, doc, names={"particle_mentions": False})
    assert off[("von der Leyen", "PER")] == 0 and off[("Leyen", "PER")] == 1, off


# web2 dev (a page of web_pages_de too): "Alexander von Preen" first, then "sagte von Preen"
PREEN = ("Der Mittelständler will sein Geschäft lieber morgen als übermorgen aufgeben, weil die Rahmenendigungen zu "
         "schlecht sind und aus ihrer Sicht auch absehbar schlecht bleiben werden”, sagte HDE-Präsident Alexander von "
         "Preen der “Welt” (Mittwochausgaben). “Für 2023 rechnen wir damit, nochmal 9.000 Geschäfte zu verlieren”, "
         "sagte von Preen.")


def test_the_speaker_by_surname_keeps_his_particle(nlp_info):
    doc = _doc(nlp_info, PREEN)
    on = ents_with(nlp_info, doc)
    assert on[("Alexander von Preen", "PER")] == 1 and on[("von Preen", "PER")] == 1, on
    assert ents_with(nlp_info, doc, names={"particle_mentions": False})[("von Preen", "PER")] == 0


# Wikinews dev: "Hussein al Huthi" ("Huthi" the model's LOC) first, then "al Huthi" twice; an Arabic particle is no
# preposition, so the full name needs no listed first name there
@needs_pages
def test_a_surname_mention_takes_an_arabic_particle(nlp_info):
    doc = dev_doc(nlp_info, "Im selben Schreiben fordert al Huthi", "news")
    on = ents_with(nlp_info, doc)
    assert on[("Hussein al Huthi", "PER")] == 1 and on[("al Huthi", "PER")] == 2, on
    assert ents_with(nlp_info, doc, names={"particle_mentions": False})[("al Huthi", "PER")] == 0
    assert ents_with(nlp_info, doc, arabic_particles=False)[("Hussein al Huthi", "PER")] == 0
