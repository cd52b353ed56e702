"""German DATE expressions: detection and ISO 8601 normalisation (spaCy component).

Factory ``presseschau_dates`` -> ``doc.spans["presseschau_dates"]``; every span carries
``span._.value`` (ISO string) or ``None`` where it cannot be resolved.

Boundary rules (the annotation guidelines in ``pipeline/lang/de/README.md`` repeat them)
-----------------------------------------------------------------------------------
* The span is the date expression without a leading preposition or article:
  "am 2. Januar" -> "2. Januar"; "im Mai 2021" -> "Mai 2021"; "am Mittwochabend" ->
  "Mittwochabend"; "seit 1991" -> "1991"; "im ersten Quartal" -> "ersten Quartal";
  "im vergangenen Jahr" -> "vergangenen Jahr"; "in der Nacht zum Donnerstag" -> "Donnerstag".
* Words that change the value or the precision are inside: period parts ("Anfang Januar",
  "Mitte August", "Ende 2016", "Ende des Jahres"), relative modifiers ("vergangenen Montag",
  "diese Woche"), the weekday before a full date ("Mittwoch, 5. Januar 2022"), "Jahr" before
  a year ("Jahr 2010"), "v. Chr.".
* Not DATE: durations ("drei Monate", "zweiwöchigen"), clock times ("4:45 Uhr"), vague
  plural periods ("in den vergangenen Jahren", "seit Jahrzehnten"), ordinal periods relative
  to something else ("im zwanzigsten Jahr ihres Bestehens"), "jetzt"/"derzeit", and "heute"
  meaning "nowadays" ("bis heute", "(heute Nur-Sultan)", present tense + stative verb).
* Values: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-SP/SU/FA/WI, YYYY-Q1..Q4, YYYY-H1/H2, YYYY-Www,
  decade "199" (1990er Jahre), century "19" (20. Jahrhundert). Period parts do not change
  the value ("Anfang Januar" = "2022-01"); parts of the day are dropped ("Mittwochabend" =
  the Wednesday's date).
* Partial/relative dates are resolved against ``doc._.published`` and the tense of the
  clause (past/perfect: the latest matching date on or before publication; future: the
  next on or after; present: the nearest). "vergangenen"/"kommenden" force the direction
  (strictly before/after). No publication date -> ``None`` for relative expressions.

Works with a bare tokenizer (``spacy.blank("de")``); uses morphology, sentence boundaries
and lemmas when the model provides them.
"""
from .component import DateRecognizer, make_dates
from .patterns import DateMatch, ordinal_words
from .tense import TenseDetector
from .text import (
    CLAUSE_COMMAS,
    attributive_before_noun,
    clause_bounds,
    has_ann,
    sentence_bounds,
    split_trailing_periods,
)
from .years import is_bare_year, weekday_year

__all__ = ["DateRecognizer", "make_dates", "DateMatch", "ordinal_words", "TenseDetector", "CLAUSE_COMMAS",
           "attributive_before_noun", "clause_bounds", "has_ann", "sentence_bounds", "split_trailing_periods",
           "is_bare_year", "weekday_year"]
