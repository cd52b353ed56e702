"""spaCy extension attributes shared by Presseschau's pipeline components.

Registered in one place so every component (and every `nlp.pipe(n_process=...)` worker,
which imports this module through the component factories) sees the same attributes.
Values set on spans live in `doc.user_data`, so they survive Doc serialisation between
processes.
"""
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

DATE_SPANS = "presseschau_dates"  # doc.spans key written by the dates component
FIGURE_SPANS = "presseschau_figures"  # doc.spans key written by the figures component

_DOC_ATTRS = {
    "article_id": None,
    "published": None,  # ISO date of the article (from meta), anchor for relative dates
}
_SPAN_ATTRS = {
    "value": None,  # DATE: ISO 8601 string; FIGURE: number
    "unit": None,  # FIGURE: normalised unit ("%", "EUR", "km", ...) or None
    "about": None,  # FIGURE: lemma of the counted/measured noun
    "qualifier": None,  # FIGURE: "mindestens", "rund", ...
    "event": None,  # FIGURE: what happened to what is counted ("dead", ...)
    "canonical": None,  # PER/ORG/LOC/MISC: one name per real-world entity
}


def register() -> None:
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def load_msgpack_plugins_once() -> None:
    """Make srsly's msgpack calls cheap: srsly looks up its plugin encoders and decoders
    (catalogue entry points) on *every* `msgpack_dumps`/`msgpack_loads`, filtering all
    installed entry points each time (about 0.17 ms a call here, several calls per
    `Doc.to_bytes`/`from_bytes`, i.e. per article that `nlp.pipe(n_process=N)` hands between
    processes). catalogue reads the entry points once at import, so registering them once and
    switching the per-call lookup off gives the same encoders and decoders."""
    import catalogue
    from srsly.msgpack import msgpack_decoders, msgpack_encoders

    for reg in (msgpack_encoders, msgpack_decoders):
        if not reg.entry_points:
            continue
        for name, func in reg.get_entry_points().items():
            if not catalogue.check_exists(*reg.namespace, name):  # a built-in of that name wins, as before
                reg.register(name, func=func)
        reg.entry_points = False


register()
load_msgpack_plugins_once()


def token_texts(doc: Doc) -> list[str]:
    """The token texts of `doc`, read from its ORTH array: several times faster than
    `[t.text for t in doc]`, which builds a Token object per token."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(ORTH).tolist()]
