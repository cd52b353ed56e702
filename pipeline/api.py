"""Python API for downstream code: load the pipeline once, process texts or files into records."""
from __future__ import annotations

import hashlib
import numbers
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
        raw = _text_doc(text, id, published, meta)
        return next(self.process_raw([raw], allow_non_german=allow_non_german))

    def process_file(self, path: Union[str, Path], allow_non_german: bool = False) -> dict:
        """One record for a .txt/.md/.html/.mhtml/.pdf/.docx/.odt file, or a JSONL file of one record; a file
        of another type, or one `run` would make an error, raises ProcessingError naming it. A JSONL
        file of more than one record (a corpus) raises it too (kind `unsupported`), naming the way to
        process all its records: it gave its first record and left the others out without a word."""
        path = _one_file(path, "process_file")
        items = read_path(path, path.parent)
        try:
            item, more = next(items, None), next(items, None) is not None
        finally:
            items.close()
        if more:  # a JSONL corpus: one record is not what the file holds
            raise ProcessingError(f"{shown(path)}: a JSONL file of more than one record; process_file gives one record (for every "
                                  "record of the file: ps.process_raw(read_path(path, path.parent)), README \"Python API\")",
                                  ErrorKind.UNSUPPORTED, shown(path))
        if item is None:
            raise ProcessingError(f"{path}: no article found", None, str(path))
        if isinstance(item, IngestError):
            raise ProcessingError(item.message, item.kind, item.path)
        return next(self.process_raw([item], allow_non_german=allow_non_german))

    def process_pdf_articles(self, path: Union[str, Path], allow_non_german: bool = False) -> list[dict]:
        """A PDF split into its articles at its headlines (an e-paper page; `presseschau run
        --pdf-articles`): one record per article, in reading order, ids `<file id>#a<N>`. An
        article that cannot be read (its text over the size limit) raises ProcessingError."""
        path = _one_file(path, "process_pdf_articles")
        return list(self.process_raw(read_path(path, path.parent, pdf_articles=True), allow_non_german=allow_non_german))

    def process_raw(self, raws: Iterable[Union[RawDoc, IngestError, str, None]], n_process: int = 1, batch_size: int = 32,
                    allow_non_german: bool = False, errors: str = "raise") -> Iterator[Union[dict, ProcessingError]]:
        """One record per item, in order (two with one id are two records). An item is a `RawDoc`,
        an input error of `read_path`, or a plain string: a text, read as `process_text` reads it
        and named by its position in the stream ("0", "1", ...; None or NaN is its `empty` error).
        An item `run` makes an error (an input error; `empty` after cleaning; `not_german` unless
        `allow_non_german`) is, with `errors="raise"`, a ProcessingError raised after the records
        of the items before it (the rest is not read); with `errors="yield"`, its ProcessingError
        is yielded in its place and the rest goes on, as `run` goes on. Its message names the file
        (`<text:ID>` for a string). An item of another type is a TypeError."""
        if errors not in ("raise", "yield"):
            raise ValueError(f"errors={errors!r}: 'raise' (the first item that cannot be processed raises ProcessingError) "
                             "or 'yield' (its ProcessingError comes in its place and the rest goes on)")
        # batch_size=0 gave no record at all, without a word; n_process=0 "not enough values to unpack"
        for name, value, least in (("n_process", n_process, 1), ("batch_size", batch_size, 1)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or (value < least and not (name == "n_process" and value == -1)):
                also = " (or -1: one per CPU)" if name == "n_process" else ""
                raise ValueError(f"process_raw: {name}={value!r}: give a whole number of {least} or more{also}")
        if isinstance(raws, (str, bytes)):  # not a stream of one-character texts
            raise TypeError("process_raw takes an iterable of items, not one str (for one text: process_text, or process_raw([text]))")
        return self._records(raws, n_process, batch_size, allow_non_german, errors == "yield")

    def _records(self, raws: Iterable, n_process: int, batch_size: int, allow_non_german: bool, go_on: bool) -> Iterator:
        # by position, not by id (ids need not be unique here); the components read the article id
        # only to carry it back (`annotate`), so the position stands in for it
        pending: dict[int, tuple[RawDoc, object, Optional[str]]] = {}
        failed: dict[int, Exception] = {}  # position -> its error; without go_on the stream ends at the first

        def items():
            for k, item in enumerate(raws):
                raw = _raw_of(item, k)
                if isinstance(raw, TypeError):
                    failed[k] = raw  # raised once the articles before it are out
                    return
                prepared = raw if isinstance(raw, IngestError) else prepare(raw, allow_non_german, option="allow_non_german=True")
                if isinstance(prepared, IngestError):
                    failed[k] = ProcessingError(prepared.message, prepared.kind, prepared.path)
                    if go_on:
                        continue
                    return
                cleaned, lang = prepared
                pending[k] = (raw, cleaned, lang)
                yield cleaned.text, {**article_context(raw, cleaned), "id": str(k)}

        def errors_before(k: Optional[int]) -> Iterator[Exception]:
            for j in sorted(failed):
                if k is not None and j > k:
                    return
                err = failed.pop(j)
                if isinstance(err, TypeError) or not go_on:
                    raise err
                yield err

        for doc, ctx in annotate(self.nlp, items(), n_process=n_process, batch_size=batch_size):
            k = int(ctx["id"])
            yield from errors_before(k)
            raw, cleaned, lang = pending.pop(k)
            yield build_record(raw, cleaned, doc_to_entities(doc), lang=lang, pipeline_info=self.pipeline_info)
        yield from errors_before(None)


def _one_file(path, method: str) -> Path:
    """The file a method reading one file is given: a folder (read as a file of no type: "unsupported
    file type ''") or a path that is not there is a ProcessingError saying so."""
    path = Path(path)
    if path.is_dir():
        raise ProcessingError(f"{shown(path)}: a folder; {method} reads one file (for a folder's files: "
                              "process_raw over read_path, README \"Python API\")", ErrorKind.UNREADABLE, shown(path))
    if not path.exists() and not path.is_symlink():  # as `run` names it (a dangling link: read_path names it)
        raise ProcessingError(f"{shown(path)}: no such file or folder", ErrorKind.UNREADABLE, shown(path))
    return path


def _text_doc(text, id, published=None, meta: Optional[dict] = None) -> Union[RawDoc, IngestError]:
    """A text of `process_text` (or a string given to `process_raw`) as the RawDoc `run` reads
    from a JSONL record with these fields, or its `empty` error (no text: None or NaN)."""
    id = "text" if _field(id) in (None, "") else id if isinstance(id, str) else str(id)
    path = f"<text:{id}>"
    text = _field(text)
    if text is None:
        return IngestError(path, ErrorKind.EMPTY, f"{path}: no text (None or NaN)")
    if not isinstance(text, str):
        raise TypeError(f"{path}: a text is a str, not {type(text).__name__}")
    fields = {k: _field(v) for k, v in dict(meta or {}).items()}
    if published is not None:
        fields["published"] = _field(published)
    hints, warnings = _jsonl_meta(fields, path)
    return RawDoc(id=id, path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, meta=hints,
                  warnings=warnings)


def _raw_of(item, k: int) -> Union[RawDoc, IngestError, TypeError]:
    """A `process_raw` item as a RawDoc or its error; a TypeError (returned) for an item of no known type."""
    if isinstance(item, (RawDoc, IngestError)):
        return item
    if item is None or isinstance(item, (str, float)):  # a text; None / NaN: a missing one (a DataFrame's)
        try:
            return _text_doc(item, k)
        except TypeError as e:  # a number that is no NaN
            return TypeError(f"process_raw: item {k} is a {type(item).__name__}; {e}")
    return TypeError(f"process_raw: item {k} is a {type(item).__name__}, not a RawDoc, an input error of read_path or a str (a text)")


def _field(v):
    """A meta value from Python or pandas as a JSONL record would hold it: a date/datetime (a
    pandas Timestamp) as its ISO string, NaN/NaT (a DataFrame's missing value) as None. A NumPy
    value (`df.to_records()`, `Series.values`: `datetime64`, `int64`, `float64`) is read as the
    Python value it stands for."""
    import datetime

    if type(v).__module__ == "numpy":
        import numpy as np

        if isinstance(v, np.datetime64):  # .item() of a datetime64[ns] is an int of nanoseconds
            v = None if np.isnat(v) else v.astype("datetime64[us]").item()
        elif isinstance(v, np.generic):
            v = v.item()
    if isinstance(v, (datetime.date, datetime.datetime)):
        return None if v != v else v.isoformat()
    return None if isinstance(v, float) and v != v else v
