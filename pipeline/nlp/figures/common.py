"""What the figure rules share: the word classes and dependency labels they test, and token steps."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token


_NOUN_POS = {"NOUN", "PROPN"}
# the strong/weak adjective endings of German ("lange", "langen", "langer", "langes", "langem"),
# longest first so that a stem is cut once: a closed grammatical set, not vocabulary
_ADJ_ENDINGS = ("en", "em", "er", "es", "e")
_ADJ_INFL = re.compile(r"^[a-zäöüß][a-zäöüß-]*(?:%s)$" % "|".join(_ADJ_ENDINGS))


def _adj_stem(low: str, stems) -> Optional[str]:
    """The stem of an inflected adjective `low` when it is in `stems` ("entfernte" -> "entfernt")."""
    return next((low[:-len(e)] for e in _ADJ_ENDINGS if low.endswith(e) and low[:-len(e)] in stems), None)
_TIME_UNITS = {"s", "min", "h", "day", "week", "month", "year", "decade", "century"}
_CALENDAR_UNITS = {"day", "week", "month", "year", "decade", "century"}  # "vor/in N ..." resolves to a date
# a currency's symbol or ISO code before the amount ("€ 500"; Swiss and financial style "zwischen CHF 80 000
# und 100 000", "einen Umsatz von etwa EUR 5,4 Mrd."; session 22)
_SYMBOL_PREFIX = {"€", "$", "£", "US$", "CHF", "EUR", "USD", "sFr.", "SFr."}
# Swiss francs written before the amount, "Fr. 20.–", "Fr. 14.05", "Fr. 1000" (issue 18): "Fr." is also
# "Frau" and "Freitag" ("Fr. 20. Mai", "Fr. 8-12 Uhr"), so it is a currency only before an amount written
# as a price: a dash or two decimals after the francs, Swiss thousands groups, or three digits and more
# (no hour, no day of a month)
_FRANC_PREFIX = {"Fr."}
_FRANC_PRICE = re.compile(r"(\d{3,}|\d{1,3}(?:['’.]\d{3})+|\d+(?=[.,]))(?:[.,](?:[–—-]{1,2}|(\d{2})))?")
# a model entity made only of digits and number separators ("98’767" tagged ORG before "Dollar pro Kopf",
# infosperber.ch; session 22) is no name: it is dropped and does not hide the figure or date; with its sign too
# ("auf etwa -273,15 Grad Celsius" tagged ORG, gnad220; session 28)
_NUMBER_ONLY = re.compile(r"[-−–+]?[\d.,'’\s\u00a0\u202f\u2009]*\d[\d.,'’\s\u00a0\u202f\u2009]*")
_SIGNS = {"-", "−", "–"}  # a sign glued to the digits ("-5", "−3")
_PLUS = "+"  # "+1,0%": an explicit positive sign glued to the digits (not "+49 30 ...", a phone number)
_GROUP_SPACES = {" ", "\u202f", "\u2009", "\u00a0"}  # thousands separators ("45 000")
# a line of a results table: a name, a number, a dash, a name, a number ("Islanders\t4  - Sabres\t6  \t");
# a team's name is one to three words; a heading is no result line ("Artikel 5: Die Rente mit 67",
# "Update 2 - Die Zahl der Toten stieg auf 120")
_TEAM = r"[^\W\d][^\d\s]*(?:[ \t]+[^\W\d][^\d\s]*){0,2}"
_RESULT_LINE = re.compile(rf"[ \t]*(?:{_TEAM})?[ \t]*\d{{1,3}}[ \t]*[-–][ \t]*{_TEAM}[ \t]*\d{{1,3}}[ \t]*")
# a results line in the German manner: two names joined by a spaced dash, then the score and the half-time
# score in brackets, and a note in brackets ("1.FC Nürnberg – Hansa Rostock 1 : 1 (1 : 1)", "Borussia
# Dortmund – FC Schalke 04 2:3 (1:2) (Revierderby)"; dev12 wn47872). The names may hold digits
# ("Hannover 96"), so the score is read from the line's end. Each name is one to five words (session 35, our own
# bound): a paragraph of prose with a spaced dash that ends on a score is no results line ("Wien – Patrick Kane hat
# ... die längste Serie seit 23 Jahren aufgestellt. ... Vancouver Canucks 4:0", gnad427: 10kGNAD's one-line
# articles with the results glued to their end lost every figure and duration)
_SCORE_NAME = r"(?:[^\s]+[ \t]+){0,4}[^\s]+"
_SCORE_LINE = re.compile(rf"[ \t]*{_SCORE_NAME}[ \t]+[-–][ \t]+{_SCORE_NAME}[ \t]+\d{{1,3}}[ \t]*:[ \t]*\d{{1,3}}"
                         r"(?:[ \t]*\([ \t]*\d{1,3}[ \t]*:[ \t]*\d{1,3}[ \t]*\))?(?:[ \t]*\([^()\n\d]*\))?[ \t]*")
# dependency labels (UD and TIGER) linking a number or measure to what it modifies
_NUM_DEPS = {"nummod", "nk", "nmc", "amod", "det", "nummod:gov", "nummod:entity"}
_GEN_DEPS = {"ag", "pg", "nmod", "nmod:poss", "obl", "pobj"}


def _prev(doc: Doc, i: int, k: int = 1) -> Optional[Token]:
    """k-th non-space token before i."""
    j = i - 1
    while j >= 0:
        if not doc[j].is_space:
            k -= 1
            if k == 0:
                return doc[j]
        j -= 1
    return None


def _next(doc: Doc, i: int) -> Optional[Token]:
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return doc[j] if j < len(doc) else None
