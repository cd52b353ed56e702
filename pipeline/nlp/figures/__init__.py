"""German FIGURE expressions (cardinal quantities): spaCy component.

Factory ``presseschau_figures`` -> ``doc.spans["presseschau_figures"]``; each span has
``span._.value`` (int/float), ``._.unit`` (normalised: "%", "EUR", "USD", "km", "km2", "t",
"year", ... or None for plain counts), ``._.about`` (lemma of the counted/measured noun),
``._.qualifier`` ("mindestens", "mehr als", "knapp", "rund", ...) and ``._.event``
("dead", "injured", "arrested", ...).

Boundary rules (repeated in ``pipeline/lang/de/README.md`` for the annotators)
-------------------------------------------------------------------------
* The span is the number expression with its multiplier and unit word, nothing else:
  "250" (in "mindestens 250 Menschen"), "7000 Kilometer" (in "7000 Kilometer lange Grenze"),
  "3,5 Millionen" (in "3,5 Millionen Russen"), "3,5 Millionen Euro", "100.000", "zwei Drittel",
  "ein halbes Dutzend", "5 %", "$ 20".
* The qualifier ("mindestens", "mehr als", "knapp", "rund", "etwa", "fast", "bis zu", ...)
  is outside the span and goes to ``._.qualifier``.
* The counted noun is outside the span; its lemma goes to ``._.about`` ("Mensch",
  "Grenze" for "7000 Kilometer lange Grenze", "Russe"); found from the dependency parse
  when present, else from POS, else from capitalisation + the lemma lookup table.
* Durations with a number are DATEs (issue 18): the component hands them to
  ``doc.spans["presseschau_dates"]`` with ``span._.date_type`` "duration" (ISO value "P3M"),
  or "date" for relative times ("vor fünf Jahren", "zwei Tage später"); recurring times
  ("jährlich") as "set". Ages ("75 Jahre alt") stay figures (unit "year", about "Alter"). "Hälfte" is a figure (0.5). Ranges share scale/unit/noun ("30 bis 40
  Milliarden Euro"); an elliptic count takes the previous count's noun in the sentence.
* Not FIGURE: years and dates (DATE), ordinals ("30.", "zweiten", "zweitlängste"),
  multiplicatives ("achtmal", "zweimal"), clock times ("4:45 Uhr", "17 Uhr"), numbers in
  names and identifiers ("Boeing 747", "Artikel 4", "G20", "Nr. 2"), hyphenated compound
  adjectives ("30-jährigen"), the article "ein/eine" (only a numeral before a multiplier,
  fraction or unit: "ein halbes Dutzend" = 6, "eine Million", "ein Drittel"), vague plurals
  without a number ("Tausende", "Hunderte", "Millionen Menschen").
"""
from .component import FigureRecognizer, make_figures
from .durations import join_durations
from .lemmas import inflection_stripped_lemma, load_lemma_resources

__all__ = ["FigureRecognizer", "make_figures", "join_durations", "inflection_stripped_lemma", "load_lemma_resources"]
