"""presseschau_ner_rules and presseschau_names: clubs and players in match reports. The players of a line-up are
persons and the team before it is its club (`lineups`, `lineup_teams`); a club the article names with a club prefix
("FK Austria Wien") or before a team role ("der Austria-Coach") is the same ORG where it stands alone ("gegen die
Austria"), and a word that starts several clubs' names ("Wacker Innsbruck") makes the span ORG. Real text, quoted from
10kGNAD (Bundesliga previews and round-ups); docs/measurements/ner.md, "Session 32 (names the rules still get wrong)"
and "Session 33 (clubs in match reports)". Each test checks that the error comes back with the rule switched off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc


# 10kGNAD (gnad543, the session's sample): a Bundesliga preview's line-ups; the model took most surnames for places
LINEUP = ("Bisherige Saisonergebnisse: 1:1 (a), 3:0 (h), 0:2 (a) Grödig: Swete – T. Kainz, D. Baumgartner, Pichler, "
          "Strobl/Denner – Brauer, Rasner – Schütz, Kerschbaum, Goiginger – Derflinger/Wallner Ersatz: Strasser – "
          "Strauss, Denner/Strobl, Völkl, Djuric, Ofosu, Wallner/Derflinger Es fehlen: B. Sulimani (fünfte Gelbe "
          "Karte), Maak (Meniskuseinriss) Sturm: Esser – Kayhan, Avlonitis, Kamavuaka, Lykogiannis – Lovric, "
          "Offenbacher – Horvath, M. Stankovic, Avdijaj – Edomwonyi")


PLAYERS = ("Swete", "T. Kainz", "D. Baumgartner", "Pichler", "Brauer", "Rasner", "Schütz", "Kerschbaum", "Goiginger",
           "Strasser", "Strauss", "Völkl", "Djuric", "Ofosu", "B. Sulimani", "Maak", "Esser", "Kayhan", "Avlonitis",
           "Kamavuaka", "Lykogiannis", "Lovric", "Offenbacher", "Horvath", "M. Stankovic", "Avdijaj", "Edomwonyi")


def test_the_players_of_a_lineup_are_persons(nlp_info):
    doc = _doc(nlp_info, LINEUP)
    on = ents_with(nlp_info, doc)
    assert all(on[(p, "PER")] == 1 for p in PLAYERS), [p for p in PLAYERS if on[(p, "PER")] != 1]
    for p in ("Strobl", "Denner", "Wallner", "Derflinger"):  # each twice, on both sides of a slash
        assert on[(p, "PER")] == 2
    assert not [k for k in on if k[0] in ("Grödig", "Sturm", "Ersatz") and k[1] == "PER"]  # the headers stay
    off = ents_with(nlp_info, doc, lineups=False)
    assert sum(off[(p, "PER")] for p in PLAYERS) < len(PLAYERS) // 2


def test_the_team_before_a_lineup_is_its_club(nlp_info):
    # gnad543: "Sturm:" is the club (ORG; the article's six other "Sturm" follow it by presseschau_names), "Grödig:"
    # the town standing for its club (LOC, GUIDELINES.md)
    doc = _doc(nlp_info, "Bei Sturm muss mit Innenverteidiger Lukas Spendlhofer eine wichtige Stütze seine Gelb-Sperre "
                         "absitzen. " + LINEUP)
    on = ents_with(nlp_info, doc)
    assert on[("Sturm", "ORG")] == 2 and on[("Grödig", "LOC")] == 1, on
    off = ents_with(nlp_info, doc, lineup_teams=False)
    assert off[("Sturm", "ORG")] == 0, off


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
