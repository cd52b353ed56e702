"""Annotate stage: build the spaCy pipeline (model + Presseschau components) and turn
processed Docs into `Entity` lists.

Model resolution (first that applies): an explicit `--model` (package name or path), the
`PRESSESCHAU_MODEL` environment variable, `de_core_news_md` when installed (the user's
choice of model), else the bundled offline model `models/de_presseschau`.

All Presseschau logic that needs tokens runs *inside* the spaCy pipeline as registered
components, so `nlp.pipe(n_process=...)` carries it into the worker processes. The
article's metadata (id, published) travels with its text as an `ArticleText` and is put on
the Doc by `ArticleTokenizer`; callers of `nlp.pipe(as_tuples=True)` get the same from the
`presseschau_context` component.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import ext as spacy_ext
from . import gazetteer_flags  # noqa: F401 - registers the callback a model trained with the flags names
from .ext import DATE_SPANS, FIGURE_SPANS
from .load import load_model, model_dir
from ..errors import ModelNotFound
from ..paths import ALIASES, BUNDLED_MODEL, PACKAGE
from ..schema import Entity

PREFERRED_MODEL = "de_core_news_md"
CUSTOM_COMPONENTS = ("presseschau_dates", "presseschau_figures", "presseschau_ner_rules", "presseschau_names")
# the components that repair the model's names, after it (experiments and benches run a Doc with and without them)
NER_RULE_COMPONENTS = ("presseschau_ner_rules", "presseschau_names")

# Labels of other German/multilingual models mapped onto the record's label set.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "NORP": "MISC",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC", "FAC": "LOC",
    "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}


@dataclass
class ModelChoice:
    name: str  # what spacy.load gets
    reason: str


@dataclass
class ModelInfo:
    name: str
    version: str
    path: str
    reason: str
    pipeline: list[str]
    fingerprint: str  # changes when the model or the Presseschau components change

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "path": self.path, "reason": self.reason, "pipeline": self.pipeline, "fingerprint": self.fingerprint}


def resolve_model(requested: Optional[str] = None) -> ModelChoice:
    if requested is not None and not str(requested).strip():
        # `Presseschau(model=os.environ.get("MODEL", ""))` with the variable unset: not the default model without a word
        # (a blank name was refused, an empty one loaded the default); `run --model ""` says so too (run.check_options)
        raise ModelNotFound(f"model {requested!r} (named with --model or Presseschau(model=...)): give a model name or path, "
                            "or None for the default")
    if requested:
        return ModelChoice(requested, "named with --model or Presseschau(model=...)")
    env = os.environ.get("PRESSESCHAU_MODEL")
    if env is not None and not env.strip():
        # `export PRESSESCHAU_MODEL="$MODEL"` with the variable unset: not the default model without a word, as `--model ""`
        raise ModelNotFound(f"PRESSESCHAU_MODEL={env!r} (the environment variable is set but empty): give a model name or path, "
                            "or unset it for the default")
    if env:
        return ModelChoice(env, "named by PRESSESCHAU_MODEL")
    if spacy.util.is_package(PREFERRED_MODEL):
        return ModelChoice(PREFERRED_MODEL, f"{PREFERRED_MODEL} is installed")
    if (BUNDLED_MODEL / "meta.json").exists():
        return ModelChoice(str(BUNDLED_MODEL), f"{PREFERRED_MODEL} is not installed: using the bundled offline model")
    raise ModelNotFound(
        f"No German model: {PREFERRED_MODEL} is not installed and the bundled model is missing at {BUNDLED_MODEL}. "
        f"Install one with `python -m spacy download {PREFERRED_MODEL}` or name one (--model NAME_OR_PATH, or Presseschau(model=...) in Python)."
    )


class ArticleText(str):
    """An article's clean text with its metadata (`context`: id, published).

    Why not `nlp.pipe(as_tuples=True, n_process=N)`: with as_tuples spaCy tokenizes every
    text in the *main* process, serialises the Doc to bytes for the worker, and the worker
    deserialises it (spaCy issues #10839, #10353). On two cores that serial work competes with
    the workers. A plain str goes to the worker as it is and is tokenized there; this str
    subclass pickles its metadata along, and `ArticleTokenizer` puts it on the Doc."""

    context: dict

    def __new__(cls, text: str, context: Optional[dict] = None) -> "ArticleText":
        obj = super().__new__(cls, text)
        obj.context = context or {}
        return obj

    def __reduce__(self):
        return (ArticleText, (str(self), self.context))


class ArticleTokenizer:
    """The model's tokenizer, unchanged, plus: an `ArticleText`'s metadata is put on its Doc
    (`doc._.article_id`, `doc._.published`). Everything else is delegated to the wrapped
    tokenizer, so `nlp.tokenizer.explain(...)`, serialisation and plain strings work as before."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        ctx = getattr(text, "context", None)
        doc = self.tokenizer(str(text) if ctx is not None else text)  # the compiled tokenizer takes exact str only
        if ctx:
            doc._.article_id = ctx.get("id")
            doc._.published = context_published(ctx.get("published"))
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __setstate__(self, state: dict) -> None:
        """Unpickling (multiprocessing with spawn, dask, joblib): spaCy's `unpickle_vocab` gives the
        vocab its vectors before its strings, so the vectors keep a StringStore of their own, and
        floret vectors (the bundled model's) look every token's string up there: a word the copy
        reads first was "Can't retrieve string for hash" (E018). Setting the vectors again links
        them to the vocab's strings, as `Vocab.vectors`' setter does everywhere else."""
        self.__dict__.update(state)
        vocab = self.tokenizer.vocab
        vocab.vectors = vocab.vectors

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (e.g. while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def context_published(value: Any) -> Optional[str]:
    """A context's `published` as the date rules read it, an ISO date: a caller of `nlp.pipe`
    may give it in any spelling a JSONL record may ("20.08.2005", "20. August 2005", a
    timestamp, a Python date), read by the one metadata date parser (`clean.meta.iso_date`)."""
    if value is None:
        return None
    from ..clean.meta import iso_date

    return iso_date(value.isoformat() if hasattr(value, "isoformat") else value)


@Language.factory("presseschau_context", assigns=["doc._.published", "doc._.article_id"])
def make_context(nlp: Language, name: str):
    return _context_component


def _context_component(doc: Doc) -> Doc:
    ctx = getattr(doc, "_context", None)
    if isinstance(ctx, dict):
        doc._.published = context_published(ctx.get("published"))
        doc._.article_id = ctx.get("id")
    return doc


def _register_custom_factories() -> list[str]:
    """Import the modules whose import registers the rule components."""
    from . import dates, figures, names, ner_rules  # noqa: F401  (registration side effect)

    return list(CUSTOM_COMPONENTS)


def load_nlp(model: Optional[str] = None) -> tuple[Language, ModelInfo]:
    choice = resolve_model(model)
    try:
        nlp = load_model(choice.name)
    except (OSError, ValueError, KeyError) as e:  # ValueError: a damaged config.cfg or meta.json (confection, srsly)
        why = "; ".join(line.strip() for line in str(e).splitlines() if line.strip())  # one line
        raise ModelNotFound(f"Cannot load model {choice.name!r} ({choice.reason}): {why}") from e
    add_presseschau_components(nlp)
    folder = model_dir(choice.name) or (Path(nlp.path) if getattr(nlp, "path", None) else None)
    # a model without a folder (spaCy's "blank:de"): its config stands in for its files
    config = "" if folder is not None else nlp.config.to_str()
    return nlp, _model_info(choice, nlp.meta, folder, list(nlp.pipe_names), config)


def model_info(model: Optional[str] = None) -> ModelInfo:
    """What `load_nlp(model)` reports, read from the model's folder (meta.json, config.cfg and
    the files the fingerprint covers) without loading it: a few hundredths of a second
    against seconds, so that a run with nothing to process never loads the model. Raises
    `ModelNotFound` for a model that is neither a folder nor an installed package."""
    choice = resolve_model(model)
    folder = model_dir(choice.name)
    if folder is None or not (folder / "config.cfg").is_file():
        raise ModelNotFound(f"Cannot load model {choice.name!r} ({choice.reason}): neither a model folder with config.cfg nor an installed spaCy package")
    try:
        meta = spacy.util.load_meta(folder / "meta.json")
        cfg = spacy.util.load_config(folder / "config.cfg")["nlp"]
    except (OSError, ValueError, KeyError) as e:  # spaCy raises ValueError (E053) for a broken meta.json or config
        raise ModelNotFound(f"Cannot load model {choice.name!r} ({choice.reason}): {e}") from None
    disabled = set(cfg.get("disabled", []))
    return _model_info(choice, meta, folder, pipe_names([n for n in cfg.get("pipeline", []) if n not in disabled]), "")


def pipe_names(model_pipes: list[str]) -> list[str]:
    """The pipeline `add_presseschau_components` makes of a model's (enabled) components."""
    names = list(model_pipes)
    if "presseschau_context" not in names:
        names.insert(0, "presseschau_context")
    return names + [n for n in CUSTOM_COMPONENTS if n not in names]


def _model_info(choice: ModelChoice, meta: dict, folder: Optional[Path], pipeline: list[str], config: str) -> ModelInfo:
    lang, name = meta.get("lang", "?"), meta.get("name", "?")
    return ModelInfo(
        name=name if name.startswith(f"{lang}_") else f"{lang}_{name}",
        version=str(meta.get("version", "?")),
        path=str(folder) if folder is not None else "",
        reason=choice.reason,
        pipeline=pipeline,
        fingerprint=pipeline_fingerprint(folder, config),
    )


def add_presseschau_components(nlp: Language) -> Language:
    spacy_ext.register()
    if not isinstance(nlp.tokenizer, ArticleTokenizer):
        nlp.tokenizer = ArticleTokenizer(nlp.tokenizer)
    if "presseschau_context" not in nlp.pipe_names:
        nlp.add_pipe("presseschau_context", first=True)
    for name in _register_custom_factories():
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


# The files whose content decides what a record contains (code and language data), as globs
# relative to the package: a change to any of them re-processes. A glob, not a list of
# modules, so that splitting or adding a file (or a subpackage: nlp/figures/) is covered
# without anyone remembering to.
RECORD_FILES = ("ingest.py", "io.py", "html*.py", "pdf.py", "docx.py", "odt.py", "record.py", "schema/*", "clean/*.py", "nlp/**/*.py", "lang/**/*")

def record_files() -> list[Path]:
    """The files of `RECORD_FILES`, without the notes beside the language data (README.md and the
    LICENSE notes of lang/de): editing a note changed the fingerprint, so the whole corpus was
    processed again, and the workers of a cluster run started meanwhile refused the driver's."""
    return sorted({f for pattern in RECORD_FILES for f in PACKAGE.glob(pattern) if f.is_file() and f.suffix != ".md"})


def pipeline_fingerprint(model_folder: Optional[Path], config: str = "") -> str:
    """Hash of the model's files (config.cfg, meta.json and the weights, so that retrained
    weights under an unchanged name and version still count as a change; `config` for a model
    without a folder), the record-making code and the language data it reads. From files
    only, so that it is known without loading the model (`model_info`)."""
    from .. import __version__

    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(config.encode())
    if model_folder is not None and model_folder.is_dir():
        for f in sorted(model_folder.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(model_folder)).encode())
                h.update(f.read_bytes())
    for f in record_files() + [ALIASES]:
        if f.is_file():
            h.update(f.relative_to(f.parent.parent).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


#: texts longer than this are annotated in parts (`annotate_long`). spaCy refuses texts over
#: `nlp.max_length` (1,000,000 characters, E088) and the model's memory grows with the length
#: of a Doc; parts of this size keep one long article's peak near that of a normal batch
#: (bench/bench_long_article.py measures it).
PART_CHARS = 100_000


def annotate(nlp: Language, items: Iterable[tuple[str, dict]], n_process: int = 1, batch_size: int = 32) -> Iterator[tuple[Doc, dict]]:
    """Run the pipeline over (clean_text, context) pairs; context must hold 'id' and 'published'.
    Yields (doc, context) in input order; a text longer than `PART_CHARS` is annotated in parts
    in this process (`annotate_long`) when the stream reaches it. `nlp.pipe` reads a batch ahead,
    so a long text is held until the short texts before it are out. The texts reach the workers
    as `ArticleText`, so tokenization happens in the workers too (see `ArticleText`)."""
    from collections import deque

    limit = min(nlp.max_length, PART_CHARS)
    held: deque = deque()  # (position, text, ctx) of the long texts the stream passed
    shorts: deque = deque()  # positions of the short texts sent to nlp.pipe, in order

    def short_ones() -> Iterator[tuple[str, dict]]:
        for k, (text, ctx) in enumerate(items):
            if len(text) > limit:
                held.append((k, text, ctx))
            else:
                shorts.append(k)
                yield text, ctx

    def long_ones(before: Optional[int] = None) -> Iterator[tuple[Doc, dict]]:
        while held and (before is None or held[0][0] < before):
            _, text, ctx = held.popleft()
            yield annotate_long(nlp, text, ctx, limit), ctx

    if not isinstance(nlp.tokenizer, ArticleTokenizer):  # a pipeline not built by load_nlp
        docs = nlp.pipe(short_ones(), as_tuples=True, n_process=n_process, batch_size=batch_size)
        others = _children()
        try:
            for doc, ctx in docs:
                yield from long_ones(shorts.popleft())
                yield doc, ctx
        except GeneratorExit:
            _stop_pipe(docs, n_process, others)
            raise
        yield from long_ones()
        return
    texts = (ArticleText(text, ctx) for text, ctx in short_ones())
    docs = nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
    others = _children()
    try:
        for doc in docs:
            yield from long_ones(shorts.popleft())
            yield doc, {"id": doc._.article_id, "published": doc._.published}
    except GeneratorExit:
        _stop_pipe(docs, n_process, others)
        raise
    yield from long_ones()


def _children() -> set:
    """The child processes this process has now (those that are not `nlp.pipe`'s workers)."""
    import multiprocessing

    return set(multiprocessing.active_children())


def _stop_pipe(docs: Iterator, n_process: int, others: set) -> None:
    """Close an `nlp.pipe` stream its caller left before its end (a `break`, `islice`, an exception
    in the caller's loop). With workers (`n_process` != 1) spaCy's cleanup joins them, and a worker
    that waits to send a batch of docs down its channel waits for ever (every forked worker holds
    the channels' reading ends too): the caller hung. Its workers, the children started since
    the stream began (`others`: those before it), are stopped first, as spaCy's own cleanup did
    before 3.7.3, so the join returns; their work is not wanted any more."""
    if n_process != 1:
        import warnings

        for proc in _children() - others:
            proc.terminate()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # W127: workers that did not end by themselves
            docs.close()
    else:
        docs.close()


def annotate_long(nlp: Language, text: str, ctx: dict, part_chars: int = PART_CHARS) -> Doc:
    """One long text: the model's components run on parts of at most `part_chars` characters
    (cut by `split_points`), the parts are joined into one Doc with exact offsets
    (`Doc.from_docs`, no whitespace added), and the Presseschau components run on the whole,
    so dates, figures and names see the full article (a name in part 1 backs its surname in
    part 3). The parts' tensors are dropped: nothing after the model reads them."""
    import numpy

    rules = set(CUSTOM_COMPONENTS) | {"presseschau_context"}
    model_pipes = [name for name in nlp.pipe_names if name not in rules]
    parts = [text[a:b] for a, b in split_points(text, part_chars)]
    docs = []
    with nlp.select_pipes(enable=model_pipes):
        for doc in nlp.pipe(parts, batch_size=1):
            doc.tensor = numpy.zeros((0,), dtype="float32")
            docs.append(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    del docs
    if joined.text != text:  # the cut points must give back the text, character for character
        raise ValueError("joining the parts of a long text changed it")
    joined._.article_id = ctx.get("id")
    joined._.published = context_published(ctx.get("published"))
    for name, proc in nlp.pipeline:
        if name in CUSTOM_COMPONENTS:
            joined = proc(joined)
    return joined


_SENTENCE_END = re.compile(r"[.!?…][\"'“”»«)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def split_points(text: str, limit: int) -> list[tuple[int, int]]:
    """[start, end) parts of `text`, each at most `limit` characters, that together are the
    text: cut after the last paragraph break (a blank line) that fits, else after the last
    line break, else after the last sentence end, else after any whitespace; a stretch of
    `limit` characters without whitespace is cut where it ends. A cut keeps the whitespace
    with the part before it, so every part but the first begins a paragraph (or sentence)."""
    out = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = 0
        para = window.rfind("\n\n")
        if para > 0:
            cut = para + 2
        else:
            line = window.rfind("\n")
            if line > 0:
                cut = line + 1
            else:
                for pattern in (_SENTENCE_END, _WHITESPACE):
                    last = None
                    for last in pattern.finditer(window):
                        pass
                    if last is not None and last.end() > 0:
                        cut = last.end()
                        break
        cut = cut or limit
        out.append((start, start + cut))
        start += cut
    out.append((start, n))
    return out


def doc_to_entities(doc: Doc) -> list[Entity]:
    """Model entities plus DATE/FIGURE rule spans, overlaps resolved, sorted by offset."""
    rules: list[Entity] = []
    for span in doc.spans.get(DATE_SPANS, []):
        rules.append(_entity(span, "DATE", "rule", value=span._.value, extra={"type": span._.date_type or "date"}))
    for span in doc.spans.get(FIGURE_SPANS, []):
        extra = {"event": span._.event} if span._.event else {}
        rules.append(_entity(span, "FIGURE", "rule", value=span._.value, unit=span._.unit, about=span._.about, qualifier=span._.qualifier, extra=extra))
    model: list[Entity] = []
    for span in doc.ents:
        label = LABEL_MAP.get(span.label_)
        if label is None:  # DATE/CARDINAL/... from other models: the rules own those
            continue
        model.append(_entity(span, label, "model", canonical=span._.canonical))
    # a unit word the model took for a name ("Grad Celsius", "Kelvin" as PER) belongs to the figure
    model = [m for m in model if not any(r.label == "FIGURE" and r.unit and r.start <= m.start and m.end <= r.end for r in rules)]
    kept_rules = [r for r in rules if not any(_overlaps(r, m) and m.label in ("PER", "ORG", "LOC") for m in model)]
    kept_model = [m for m in model if not (m.label == "MISC" and any(_overlaps(m, r) for r in kept_rules))]
    return sorted(kept_model + kept_rules, key=lambda e: (e.start, -e.end, e.label))


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def _entity(span: Span, label: str, source: str, **kw: Any) -> Entity:
    # no entity starts or ends with whitespace, whichever component made it (spaCy's whitespace
    # tokens, e.g. a paragraph break's "\n\n", can end up at a span's edge)
    start, end, text = span.start_char, span.end_char, span.text
    stripped = text.strip()
    if stripped and stripped != text:
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
        text = stripped
    if label == "FIGURE" and re.search(r"\d\.$", text):
        # a number that ends its sentence can keep the sentence's period in its token ("um 849.000.", "auf 92. Der":
        # figures/amounts.py `sentence_period`); the period is no part of the figure
        end, text = end - 1, text[:-1]
    return Entity(start=start, end=end, text=text, label=label, source=source, **kw)
