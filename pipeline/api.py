"""Python API for downstream code: load the pipeline once, process texts or files into records."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from . import __version__
from .nlp import annotate, doc_to_entities, load_nlp
from .errors import ErrorKind, ProcessingError
from .io import shown
from .ingest import IngestError, _jsonl_meta, read_path
from .process import article_context, prepare
from .record import build_record
from .schema import RawDoc


class Presseschau:
    def __init__(self, model: Optional[str] = None):
        self.nlp, self.model_info = load_nlp(model)
        self.pipeline_info = {"version": __version__, "fingerprint": self.model_info.fingerprint, "model": {"name": self.model_info.name, "version": self.model_info.version}}

    def process_text(self, text: str, id: str = "text", published: Optional[str] = None, meta: Optional[dict] = None,
                     allow_non_german: bool = False) -> dict:
        """One record for `text`. `meta` (and `published`, which wins over a date in it) is read
        as `presseschau run` reads a JSONL record's fields (README: `author` "A; B" is two names,
        `date_publish`, `sitename`, a Unix time with a warning, a value of another shape left out
        with a warning); a date or datetime (a DataFrame's) counts as its ISO string, NaN/NaT as absent.
        As `run`, an empty text (or one the cleaner leaves empty) and, unless `allow_non_german`,
        a text that is not German raise ProcessingError (kind `empty`, `not_german`) naming `id`;
        a missing text (None, a DataFrame's NaN) is `empty` too. An id that is a number is its
        string, as `run` names a JSONL record's numeric id."""
        id = "text" if _field(id) in (None, "") else id if isinstance(id, str) else str(id)
        text = _field(text)
        if text is None:
            raise ProcessingError(f"<text:{id}>: no text (None or NaN)", ErrorKind.EMPTY, f"<text:{id}>")
        fields = {k: _field(v) for k, v in dict(meta or {}).items()}
        if published is not None:
            fields["published"] = _field(published)
        hints, warnings = _jsonl_meta(fields, f"<text:{id}>")
        raw = RawDoc(id=id, path=f"<text:{id}>", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, meta=hints,
                     warnings=warnings)
        return next(self.process_raw([raw], allow_non_german=allow_non_german))

    def process_file(self, path: Union[str, Path], allow_non_german: bool = False) -> dict:
        """One record for a .txt/.md/.html/.pdf/.docx file (the first record of a JSONL file); a
        file of another type, or one `run` would make an error, raises ProcessingError naming it."""
        path = Path(path)
        if path.is_dir():
            raise ProcessingError(f"{shown(path)}: a folder; process_file reads one file (for a folder's files: "
                                  "process_raw over read_path, README \"Python API\")", ErrorKind.UNREADABLE, shown(path))
        for item in read_path(path, path.parent):
            if isinstance(item, IngestError):
                raise ProcessingError(item.message, item.kind, item.path)
            return next(self.process_raw([item], allow_non_german=allow_non_german))
        raise ProcessingError(f"{path}: no article found", None, str(path))

    def process_pdf_articles(self, path: Union[str, Path], allow_non_german: bool = False) -> list[dict]:
        """A PDF split into its articles at its headlines (an e-paper page; `presseschau run
        --pdf-articles`): one record per article, in reading order, ids `<file id>#a<N>`. An
        article that cannot be read (its text over the size limit) raises ProcessingError."""
        path = Path(path)
        return list(self.process_raw(read_path(path, path.parent, pdf_articles=True), allow_non_german=allow_non_german))

    def process_raw(self, raws: Iterable[Union[RawDoc, IngestError]], n_process: int = 1, batch_size: int = 32,
                    allow_non_german: bool = False) -> Iterator[dict]:
        """One record per `RawDoc`, in order (two with one id are two records). An input error of
        `read_path` in the stream, or an article `run` makes an error (`empty` after cleaning;
        `not_german` unless `allow_non_german`), raises ProcessingError with its message, which
        names the file, after the records of the articles before it."""
        # by position, not by id (ids need not be unique here); the components read the article id
        # only to carry it back (`annotate`), so the position stands in for it
        pending: dict[str, tuple[RawDoc, object, Optional[str]]] = {}
        failed: list[IngestError] = []  # the stream ends at an input error, raised once the articles before it are out

        def items():
            for k, raw in enumerate(raws):
                if isinstance(raw, IngestError):
                    failed.append(raw)
                    return
                prepared = prepare(raw, allow_non_german, option="allow_non_german=True")
                if isinstance(prepared, IngestError):
                    failed.append(prepared)
                    return
                cleaned, lang = prepared
                pending[str(k)] = (raw, cleaned, lang)
                yield cleaned.text, {**article_context(raw, cleaned), "id": str(k)}

        for doc, ctx in annotate(self.nlp, items(), n_process=n_process, batch_size=batch_size):
            raw, cleaned, lang = pending.pop(ctx["id"])
            yield build_record(raw, cleaned, doc_to_entities(doc), lang=lang, pipeline_info=self.pipeline_info)
        if failed:
            raise ProcessingError(failed[0].message, failed[0].kind, failed[0].path)


def _field(v):
    """A meta value from Python or pandas as a JSONL record would hold it: a date/datetime (a
    pandas Timestamp) as its ISO string, NaN/NaT (a DataFrame's missing value) as None."""
    import datetime

    if isinstance(v, (datetime.date, datetime.datetime)):
        return None if v != v else v.isoformat()
    return None if isinstance(v, float) and v != v else v
