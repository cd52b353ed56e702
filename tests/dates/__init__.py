"""DATE tests by what they test, one module per kind of expression or decision (tests/test_dates.py and
tests/test_dates_classes.py hold the older ones). Each test runs on the real sentence of the article it came
from: its comments name the article (wn: German Wikinews, gnad: 10kGNAD) and the set
(annotations/news/devN.json), its "# origin:" line the session whose file it was written in
(docs/measurements/dates_figures.md has each session's classes)."""
