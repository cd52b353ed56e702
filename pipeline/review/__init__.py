"""Local review web app over the pipeline's output (`presseschau review`).

    presseschau review [outputs] [--port 8080] [--host 127.0.0.1] [--annotations annotations]
                       [--reviewer NAME] [--open] [--conflicts] [--agreement]

Opens on http://127.0.0.1:8080/: the article list with review progress, then each article with
its entities highlighted by label. Keys (also under `?` in the app): A accept, X/R reject,
J/K/Space/Tab next/previous entity, 1-6 relabel (PER ORG LOC MISC DATE FIGURE) or, with text
selected, add it as that label, drag the boundary handles (snapping to words; Alt: any
character) or select new text and press B, Alt+←/→ and Shift+←/→ move start/end by a character
then Enter, E edit the value (DATE/FIGURE) or canonical name, M apply to all mentions of the name
(one undo), Shift+A accept all remaining (shown; asks first), U/Ctrl+Z undo, N/P next/previous
article, F removed page furniture, W snap on/off, Esc back to the list.

Every decision is appended to `annotations/decisions.jsonl` and fsync'ed before the app shows
it; `articles.jsonl` is never written (the reviewed view is derived from the log by `apply.py`
where it is needed). The app's state and actions: `state.py`; its route table and an
in-process test client: `routes.py`; HTTP, standard library only: `server.py`; front end:
`static/`; conflicts and agreement between reviewers: `teams.py`; apply to all mentions:
`mentions.py`.
"""
from .server import ReviewServer, make_server, serve
from .state import ReviewState

__all__ = ["ReviewServer", "ReviewState", "make_server", "serve"]
