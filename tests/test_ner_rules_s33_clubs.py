"""presseschau_ner_rules, session 33 (issue 13, clubs in match reports; docs/measurements/ner.md, "Session 33 (clubs
in match reports)"): a club the article names with a club prefix ('FK Austria Wien') or before a team role ('der
Austria-Coach') is the same ORG where it stands alone ('gegen die Austria'); a word that starts several clubs' names ('Wacker
Innsbruck') makes the span ORG. Real text, quoted from 10kGNAD (gnad800, a Bundesliga preview; gnad853); each test checks that the error comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# 10kGNAD gnad800: "Austria" alone had no entity (the model's), its full name is in the line-ups' heading
AUSTRIA = ("Trainer Zeidler kündigte nun an: Wir müssen jetzt gegen die Austria einen neuen Anlauf nehmen. "
           "Mögliche Aufstellungen: FC Red Bull Salzburg – FK Austria Wien (Red Bull Arena, 16.30 Uhr/live Sky und ORF "
           "eins, SR Schörgenhofer).")

# the same article: the short name before a team role types it too
AUSTRIA_COACH = ("Wir haben unsere Stärken, die wollen wir ausspielen, sagte der Austria-Coach. "
                 "Trainer Zeidler kündigte nun an: Wir müssen jetzt gegen die Austria einen neuen Anlauf nehmen.")


def test_a_clubs_short_name_after_its_full_name_is_org(nlp_info):
    doc = _doc(nlp_info, AUSTRIA)
    on = ents_with(nlp_info, doc)
    assert on[("Austria", "ORG")] == 1 and on[("FK Austria Wien", "ORG")] == 1
    off = ents_with(nlp_info, doc, club_short_names_on=False)
    assert off[("Austria", "ORG")] == 0


def test_a_clubs_short_name_before_a_team_role_is_org(nlp_info):
    doc = _doc(nlp_info, AUSTRIA_COACH)
    on = ents_with(nlp_info, doc)
    assert on[("Austria", "ORG")] == 1
    off = ents_with(nlp_info, doc, club_short_names_on=False)
    assert off[("Austria", "ORG")] == 0



# 10kGNAD gnad853 (Erste Liga round-up): the model took the club for a person
WACKER = ("Spitzenreiter Wacker Innsbruck hat in der 17. Runde der Fußball-Erste-Liga seinen elften Sieg eingefahren. "
          "Die Tiroler setzten sich am Freitagabend bei Austria Klagenfurt 2:1 durch.")


def test_a_club_word_starts_a_clubs_name(nlp_info):
    doc = _doc(nlp_info, WACKER)
    on = ents_with(nlp_info, doc)
    assert not [k for k in on if k[0] == "Wacker Innsbruck" and k[1] != "ORG"]
    off = ents_with(nlp_info, doc, club_short_names_on=False)
    on_spans, off_spans = {k for k in on if k[0] == "Wacker Innsbruck"}, {k for k in off if k[0] == "Wacker Innsbruck"}
    assert on_spans == {("Wacker Innsbruck", "ORG")} and off_spans != on_spans, (on, off)
