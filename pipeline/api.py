"""Python API for downstream code: load the pipeline once, process texts or files into records."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from . import __version__
from .nlp import annotate, doc_to_entities, load_nlp
from .clean import clean_input
from .ingest import IngestError, _jsonl_meta, detect_language, read_path
from .process import article_context
from .record import build_record
from .schema import RawDoc


class ProcessingError(ValueError):
    """An input could not be processed; the message names the file."""


class Presseschau:
    def __init__(self, model: Optional[str] = None):
        self.nlp, self.model_info = load_nlp(model)
        self.pipeline_info = {"version": __version__, "fingerprint": self.model_info.fingerprint, "model": {"name": self.model_info.name, "version": self.model_info.version}}

    def process_text(self, text: str, id: str = "text", published: Optional[str] = None, meta: Optional[dict] = None) -> dict:
        """One record for `text`. `meta` (and `published`, which wins over a date in it) is read
        as `presseschau run` reads a JSONL record's fields (README: `author` "A; B" is two names,
        `date_publish`, `sitename`, a Unix time with a warning, a value of another shape left out
        with a warning); a date or datetime (a DataFrame's) counts as its ISO string, NaN/NaT as absent."""
        fields = {k: _field(v) for k, v in dict(meta or {}).items()}
        if published is not None:
            fields["published"] = _field(published)
        hints, warnings = _jsonl_meta(fields, f"<text:{id}>")
        raw = RawDoc(id=id, path=f"<text:{id}>", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, meta=hints,
                     warnings=warnings)
        return next(self.process_raw([raw]))

    def process_file(self, path: Union[str, Path]) -> dict:
        """One record for a .txt/.md/.html/.pdf/.docx file (the first record of a JSONL file)."""
        path = Path(path)
        for item in read_path(path, path.parent):
            if isinstance(item, IngestError):
                raise ProcessingError(item.message)
            return next(self.process_raw([item]))
        raise ProcessingError(f"{path}: no article found")

    def process_pdf_articles(self, path: Union[str, Path]) -> list[dict]:
        """A PDF split into its articles at its headlines (an e-paper page; `presseschau run
        --pdf-articles`): one record per article, in reading order, ids `<file id>#a<N>`. An
        article that cannot be read (its text over the size limit) raises ProcessingError."""
        path = Path(path)
        return list(self.process_raw(read_path(path, path.parent, pdf_articles=True)))

    def process_raw(self, raws: Iterable[Union[RawDoc, IngestError]], n_process: int = 1, batch_size: int = 32) -> Iterator[dict]:
        """One record per `RawDoc`, in order (two with one id are two records). An input error of
        `read_path` in the stream raises ProcessingError with its message, which names the file,
        after the records of the articles before it."""
        # by position, not by id (ids need not be unique here); the components read the article id
        # only to carry it back (`annotate`), so the position stands in for it
        pending: dict[str, tuple[RawDoc, object]] = {}
        failed: list[IngestError] = []  # the stream ends at an input error, raised once the articles before it are out

        def items():
            for k, raw in enumerate(raws):
                if isinstance(raw, IngestError):
                    failed.append(raw)
                    return
                cleaned = clean_input(raw.text, raw.meta)
                pending[str(k)] = (raw, cleaned)
                yield cleaned.text, {**article_context(raw, cleaned), "id": str(k)}

        for doc, ctx in annotate(self.nlp, items(), n_process=n_process, batch_size=batch_size):
            raw, cleaned = pending.pop(ctx["id"])
            yield build_record(raw, cleaned, doc_to_entities(doc), lang=detect_language(raw.text), pipeline_info=self.pipeline_info)
        if failed:
            raise ProcessingError(failed[0].message)


def _field(v):
    """A meta value from Python or pandas as a JSONL record would hold it: a date/datetime (a
    pandas Timestamp) as its ISO string, NaN/NaT (a DataFrame's missing value) as None."""
    import datetime

    if isinstance(v, (datetime.date, datetime.datetime)):
        return None if v != v else v.isoformat()
    return None if isinstance(v, float) and v != v else v
