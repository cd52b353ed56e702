"""spaCy extension attributes shared by Presseschau's pipeline components, and the Doc
serialisation they travel in.

Registered in one place so every component (and every `nlp.pipe(n_process=...)` worker,
which imports this module through the component factories) sees the same attributes.
Values set on spans live in `doc.user_data`, so they survive Doc serialisation between
processes; `load_msgpack_plugins_once` keeps that serialisation cheap.
"""
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

DATE_SPANS = "presseschau_dates"  # doc.spans key written by the dates component
FIGURE_SPANS = "presseschau_figures"  # doc.spans key written by the figures component
# doc.spans key written by presseschau_ner_rules: names whose label the context decided (an
# appositive noun, a federal institution); presseschau_names takes them as strong evidence
TYPED_SPANS = "presseschau_ner_rules_typed"

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
    "about_rule": None,  # FIGURE: which rule gave `about` (evaluation only, not written to records)
    "date_type": None,  # DATE: "date" (point/period), "duration" or "set" (TimeML TYPE)
}


def register() -> None:
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def load_msgpack_plugins_once() -> None:
    """Make srsly's msgpack calls cheap. srsly asks its catalogue registries for the plugin
    encoders and decoders on *every* `msgpack_dumps`/`msgpack_loads`: `get_all()` filters all
    installed entry points and scans catalogue's whole registry each time, about 0.17 ms a
    call here, against microseconds for the packing itself. `Doc.to_bytes`/`from_bytes`
    make several calls per Doc, and `nlp.pipe(n_process=N)` does both for every article, so
    this lookup was a fifth of the main process's time in `presseschau run --n-process 2`.

    The answers cannot change while nothing new is registered: catalogue reads the entry
    points once, at import. So the plugins are registered once, the per-call entry-point scan
    is switched off, and `get_all()` is answered from a cache that is rebuilt whenever
    catalogue's registry changes size (a new name adds to it, a removal takes from it).
    Not seen: a second registration under a name that is already taken, which srsly and
    spaCy never do."""
    import catalogue
    from srsly.msgpack import msgpack_decoders, msgpack_encoders

    for reg in (msgpack_encoders, msgpack_decoders):
        if getattr(reg.get_all, "presseschau_cached", False):
            continue
        if reg.entry_points:
            for name, func in reg.get_entry_points().items():
                if not catalogue.check_exists(*reg.namespace, name):  # a built-in of that name wins, as before
                    reg.register(name, func=func)
            reg.entry_points = False
        reg.get_all = _cached_get_all(reg.get_all)


def _cached_get_all(get_all):
    import catalogue

    state: dict = {}

    def cached() -> dict:
        if state.get("size") != len(catalogue.REGISTRY):
            state["size"], state["value"] = len(catalogue.REGISTRY), get_all()
        return dict(state["value"])  # a fresh dict, as catalogue returns

    cached.presseschau_cached = True
    return cached


register()
load_msgpack_plugins_once()


def token_texts(doc: Doc) -> list[str]:
    """The token texts of `doc`, read from its ORTH array: several times faster than
    `[t.text for t in doc]`, which builds a Token object per token."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(ORTH).tolist()]
