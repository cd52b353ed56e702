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


def test_an_arabic_particle_after_a_person_belongs_to_the_name(nlp_info):
    for text, name in ((HUSSEIN, "Said Raad al-Hussein"), (ZEID, "Zeid Raad al-Hussein"),
                       (NUHAYYAN, "Mohammed bin Zayid al Nuhayyan")):
        doc = _doc(nlp_info, text)
        assert ents_with(nlp_info, doc)[(name, "PER")] == 1, name
        assert ents_with(nlp_info, doc, arabic_particles=False)[(name, "PER")] == 0, name


# Wikinews train: "Ursula von der Leyen" earlier in the article; the model labelled the later "Leyen" alone
@needs_pages
def test_a_surname_mention_takes_the_particles_of_the_full_name(nlp_info):
    doc = dev_doc(nlp_info, "aber von der Leyen sei vor allem in der jüngeren Generation", "train")
    on = ents_with(nlp_info, doc)
    assert on[("von der Leyen", "PER")] == 1 and on[("Leyen", "PER")] == 0, on
    off = ents_with(nlp_info, doc, names={"particle_mentions": False})
    assert off[("von der Leyen", "PER")] == 0 and off[("Leyen", "PER")] == 1, off


# web2 dev: "Alexander von Preen" first, then "sagte von Preen" five times
@needs_pages
def test_the_speaker_by_surname_keeps_his_particle(nlp_info):
    doc = dev_doc(nlp_info, "sagte von Preen", "web2")
    assert ents_with(nlp_info, doc)[("von Preen", "PER")] == 5
    assert ents_with(nlp_info, doc, names={"particle_mentions": False})[("von Preen", "PER")] == 0
