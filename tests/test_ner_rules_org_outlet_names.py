"""presseschau_ner_rules, session 35 (issue 13): a one-word ORG of the model on an outlet whose name is a common noun too
("Spiegel", "Stern") is kept from the common-noun drop where the text marks it as a title: in quotation marks, after
a genitive article ("des Spiegel", not "des Spiegels") or after an outlet noun ("dem Nachrichtenmagazin Spiegel")
(drops.py `outlet_name`, switch ``outlet_names``; ner_rules.json ``outlet_names``). Real sentences of Wikinews train
and 10kGNAD (docs/measurements/ner.md, "Session 35 (ORG on the Wikinews train articles)"); each ORG is dropped again
with the switch off."""
from __future__ import annotations

import pytest

from ner_rule_helpers import ents_with, text_doc as _doc

# Wikinews train wn18625, wn60764; 10kGNAD gnad700
QUOTED = ("Der deutsche Bundespräsident hat in einem Interview mit der deutschen Illustrierten „Stern“ pointiert zu "
          "einigen politischen Kernfragen Stellung genommen.")
GENITIVE = ("Nach Informationen des Spiegel ist der API unter anderem verantwortlich für einen Bombenanschlag auf die "
            "Moschee in Schiraz im April 2008, bei dem mindestens zwölf Menschen starben.")
AFTER_NOUN = ("Bei einem CO2-Ausstoß von 95 Gramm pro Kilometer wäre demnach ein einmaliger Umweltbeitrag von 50 Euro zu "
              "zahlen, bei über 200 Gramm könnten 1000 Euro fällig werden, sagte Hendricks dem Nachrichtenmagazin Spiegel.")


@pytest.mark.parametrize("text, name", [
    (QUOTED, "Stern"),
    (GENITIVE, "Spiegel"),
    (AFTER_NOUN, "Spiegel"),
])
def test_an_outlet_marked_as_a_title_is_kept(nlp_info, text, name):
    doc = _doc(nlp_info, text)
    on = ents_with(nlp_info, doc)
    assert on[(name, "ORG")] == 1, on
    off = ents_with(nlp_info, doc, outlet_names=False)
    assert not any(t == name for t, _ in off), off
