"""FIGURE tests by what they test: units, number formats, what is no figure, ages, and `about` by the
construction that gives it (tests/test_figures.py holds the older ones). Each test runs on the real
sentence of the article it came from: its comments name the article (wn: German Wikinews, gnad: 10kGNAD)
and the set (annotations/news/devN.json), its "# origin:" line the session whose file it was written in
(docs/measurements/dates_figures.md has each session's classes)."""
