"""What several parts of the date rules share."""
from __future__ import annotations

import re


_YEAR_TOKEN = re.compile(r"^(1\d{3}|20\d{2})$")


_CLAUSE_PUNCT = {",", ";", ":", "–", "—", "-"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
