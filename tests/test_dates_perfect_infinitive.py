"""DATE tense with a modal's perfect infinitive ("soll ... abgeschlossen worden sein") on the whole annotate stage:
a deadline ("Bis Ende Juni") makes it a future perfect, the date lies ahead (dates.json
tense.perfect_infinitive_deadlines); without one, or with a "bis" inside the clause that is a range or a degree, it
reports a past event. Constructed sentences in the form of the open dev sets' (dev11 wn32521), as the corpora hold
none; docs/measurements/dates_figures.md, "Session 29: the measures at the end (704634a)"."""
from __future__ import annotations

import pytest

from figure_helpers import annotated as _entities


# dates.json tense.perfect_infinitive_deadlines: a deadline makes a modal's perfect infinitive a future perfect; without
# one it reports a past event (the session's 'worden' rule)
def test_deadline_with_a_perfect_infinitive_lies_ahead(nlp_info):
    got = _entities(nlp_info, "Bis Ende Juni soll die Prüfung abgeschlossen worden sein.")
    assert ("Ende Juni", "DATE", "2016-06") in got, got
    past = _entities(nlp_info, "Die Zahl der Menschen, die durch die Unruhen am Freitag getötet worden sein sollen, stieg.")
    assert ("Freitag", "DATE", "2016-03-11") in past, past


# the second review: a "bis" inside the clause is a range or a degree, no deadline: the perfect infinitive still
# reports a past event (dev11 wn32521's form, constructed with a range; published 2009-06-01)
@pytest.mark.parametrize("text, span, value", [
    ("Vom 18. Juli bis zum 17. August soll ein Sittenstrolch in der Innenstadt mehrere Frauen belästigt haben.",
     "18. Juli", "2008-07-18"),
    ("Der Täter soll die Frau am 12. Juli bis zur Bewusstlosigkeit gewürgt haben.", "12. Juli", "2008-07-12")])
def test_bis_inside_the_clause_is_no_deadline(nlp_info, text, span, value):
    got = _entities(nlp_info, text, published="2009-06-01")
    assert (span, "DATE", value) in got, got
