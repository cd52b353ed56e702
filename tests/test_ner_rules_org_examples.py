"""presseschau_ner_rules, session 34 (issue 13): the names listed after a plural organisation noun and "wie" are
organisations (apposition.py `org_examples`, switch ``org_examples_on``): a name the model missed is added, a
PER/LOC span of the name becomes ORG. Real sentences of web2 dev, a web page and 10kGNAD (docs/measurements/ner.md,
"Session 34 (organisations in ordinary prose)"); each comes back wrong with the switch off."""
from __future__ import annotations

from ner_rule_helpers import ents_with, text_doc as _doc

# web2 dev (a news page on a password manager), web_pages_de (a page on packaging waste), 10kGNAD gnad797
FIRMEN = ("Unterstützt wird dabei der TOTP-Standard (Time-Based One-Time Passwords), den unter anderem Firmen wie "
          "Evernote, Dropbox oder Google einsetzen, um ihre Zugänge besser abzusichern.")
KONZERNE = "Den Hauptteil machen Einwegverpackungen von Firmen wie Coca-Cola, Nestlé oder Unilever aus."
SENDER = "Im teureren Produkt sind 15 zusätzliche Sender wie MTV, Hustler TV oder Eurosport 2 inkludiert."


def test_the_listed_names_are_organisations(nlp_info):
    for text, names in ((FIRMEN, ("Evernote", "Dropbox", "Google")), (KONZERNE, ("Coca-Cola", "Nestlé", "Unilever")),
                        (SENDER, ("MTV", "Hustler TV"))):
        doc = _doc(nlp_info, text)
        on = ents_with(nlp_info, doc)
        assert all(on[(n, "ORG")] == 1 for n in names), on
        off = ents_with(nlp_info, doc, org_examples_on=False)
        assert not all(off[(n, "ORG")] == 1 for n in names), off
