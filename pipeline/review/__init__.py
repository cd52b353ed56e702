"""Local review web app over the pipeline's output (`presseschau review`).

    presseschau review [outputs] [--port 8080] [--host 127.0.0.1] [--annotations annotations]
                       [--reviewer NAME] [--no-write-back] [--open]

Opens on http://127.0.0.1:8080/: the article list with review progress, then each article with
its entities highlighted by label. Keys (also under `?` in the app): A accept, X/R reject,
J/K/Space/Tab next/previous entity, 1-6 relabel (PER ORG LOC MISC DATE FIGURE) or, with text
selected, add it as that label, Alt+←/→ and Shift+←/→ move start/end then Enter, E edit the
value (DATE/FIGURE) or canonical name, Shift+A accept all remaining (shown), U/Ctrl+Z undo,
N/P next/previous article, F removed page furniture, Esc back to the list.

Every decision is appended to `annotations/decisions.jsonl` and fsync'ed before the app shows
it; `articles.jsonl` is kept up to date with the reviews (atomic rewrite, `--no-write-back` to
leave it alone). Server: standard library only (`server.py`); front end: `static/`.
"""
from .server import ReviewServer, ReviewState, make_server, serve

__all__ = ["ReviewServer", "ReviewState", "make_server", "serve"]
