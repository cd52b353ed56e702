"""The Python API (`pipeline.Presseschau`, README "Python API") on real text: what it gives
must be what `presseschau run` gives for the same article and metadata."""
from __future__ import annotations

import unicodedata

import ftfy
import pytest

from repo_data import news_row


@pytest.fixture(scope="module")
def ps():
    from pipeline import Presseschau

    return Presseschau()


@pytest.mark.parametrize("published", ["20.08.2005", "20. August 2005", "2005-08-20T09:30:00+02:00",
                                       # a German timestamp, as archive exports write it, as the ISO one: it was
                                       # "'published' ... is no date; not taken" and "Gestern" had no value
                                       "20.08.2005 09:30", "Samstag, 20. August 2005, 09:30 Uhr"])
def test_a_publication_date_in_any_spelling_anchors_relative_dates(ps, published):
    """Wikinews wn11059, published 2005-08-20, opens "Gestern gab es erneut einen Zwischenfall".
    The record's meta.published read "20.08.2005" as 2005-08-20 (`clean.meta.iso_date`, as `run`
    does for a JSONL record's "published"), but the API handed the unparsed string to the date
    rules, so "Gestern" had no value; `run` resolves it (process.py)."""
    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    rec = ps.process_text(row["text"], id=row["id"], published=published)
    assert rec["meta"]["published"] == "2005-08-20"
    gestern = [e for e in rec["entities"] if e["label"] == "DATE" and e["text"] == "Gestern"]
    assert [e["value"] for e in gestern] == ["2005-08-19"]
    rec = ps.process_text(row["text"], id=row["id"], meta={"published": published})
    assert [e["value"] for e in rec["entities"] if e["text"] == "Gestern"] == ["2005-08-19"]


def test_an_empty_model_name_is_refused_not_the_default():
    """`Presseschau(model="")` (a name from an unset variable) loaded the default model without a
    word, while `Presseschau(model=" ")` and `run --model ""` are refused; now ModelNotFound naming it."""
    from pipeline import Presseschau
    from pipeline.errors import ModelNotFound

    with pytest.raises(ModelNotFound, match="model '' .*give a model name or path"):
        Presseschau(model="")


@pytest.mark.parametrize("published, want", [("August 2005", "2005-08"), ("Aug. 2005", "2005-08"), ("2005", "2005")])
def test_a_publication_month_in_german_keeps_its_month(ps, tmp_path, published, want):
    """An archive that dates an article by its month only ("August 2005", a monthly's issue): the
    record's meta.published (an ISO date, month or year: record schema) kept "2005-08" but not
    "August 2005", which was "no date; not taken", with a warning, in the API and in `run`. Now the
    month, no day made up, as for "2005-08"; the year alone stays the year."""
    import json

    from pipeline.ingest import read_path

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    rec = ps.process_text(row["text"], id=row["id"], published=published)
    assert rec["meta"]["published"] == want and rec["warnings"] == []
    corpus = tmp_path / "archiv.jsonl"
    corpus.write_text(json.dumps({"id": row["id"], "text": row["text"], "published": published}, ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = ps.process_raw(read_path(corpus, tmp_path))
    assert rec["meta"]["published"] == want and not [w for w in rec["warnings"] if "published" in w], rec["warnings"]


@pytest.mark.parametrize("kwargs, said", [({"batch_size": 0}, "batch_size=0"), ({"n_process": 0}, "n_process=0"),
                                           ({"batch_size": -4}, "batch_size=-4")])
def test_process_raw_refuses_a_count_below_one_naming_it(ps, kwargs, said):
    """`process_raw(texts, batch_size=0)` gave no record at all, without a word (a DataFrame's
    articles lost); `n_process=0` raised "not enough values to unpack (expected 2, got 0)". Now a
    ValueError naming the argument and its value, before any text is read; 1 still works."""
    from repo_data import SEEDS

    text = SEEDS[3].read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=f"process_raw: {said}: give a whole number of 1 or more"):
        ps.process_raw([text], **kwargs)
    (rec,) = ps.process_raw([text], **{k: 1 for k in kwargs})
    assert rec["text"] and rec["entities"]


def test_process_raw_takes_what_read_path_gives(ps, tmp_path):
    """`process_raw` over `read_path`'s items: two records with one id gave a KeyError (the
    pending articles were kept by id), and an input error in the stream an AttributeError
    ('ArticleError' object has no attribute 'text'). Now one record per article, in order, and
    the input error is a ProcessingError naming the file."""
    import json

    from pipeline.api import ProcessingError
    from pipeline.ingest import read_path

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps({"id": "same", "text": row["text"][:n], "published": row["published"]}) + "\n" for n in (400, 800)),
                      encoding="utf-8")
    items = list(read_path(corpus, tmp_path))
    assert [getattr(i, "kind", None) for i in items] == [None, "duplicate_id"]  # read_path itself names the second
    (doc,) = [i for i in items if hasattr(i, "text")]
    recs = list(ps.process_raw([doc, doc]))
    assert [r["id"] for r in recs] == ["two/same", "two/same"] and recs[0] == recs[1]
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(ProcessingError, match="empty.txt"):
        list(ps.process_raw(read_path(bad, tmp_path)))


def test_the_readme_process_raw_example_runs_as_written(ps):
    """README "Python API" shows how to feed `process_raw` from `read_path`, which reads one file
    (a Path) under a root, not a folder: `read_path("corpus")` is a TypeError and a folder an
    "Is a directory" error. The README's own snippet must run on the seeds and give their ids."""
    import re
    from pathlib import Path

    from pipeline.ingest import read_path
    from repo_data import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    call = re.search(r"`(ps\.process_raw\(doc for f in .*?\)\))`", readme, re.S).group(1)
    call = call.replace("\"corpus\"", repr(str(REPO / "corpus"))).replace("\n", " ")
    recs = list(eval(call, {"ps": ps, "read_path": read_path, "Path": Path}))
    assert [r["id"] for r in recs] == sorted(p.stem for p in (REPO / "corpus").glob("*.txt"))
    assert all(r["text"][e["start"]:e["end"]] == e["text"] for r in recs for e in r["entities"])


def test_a_jsonl_records_own_title_and_published_win_over_the_cleaners_guesses(ps, tmp_path):
    """A JSONL record's fields are what the user's archive says; the cleaner's guesses from the
    text only fill their gaps. Wikinews wn55038 (published 2009-01-03: "Israel startete am
    Samstagabend die ... Bodenoffensive") ends with a chronicle "1. Tag: (27.12.2008)", which
    the cleaner read as the date line: meta.published was 2008-12-27 and "Samstagabend" a week
    early. wn84747's title "Mannheim: Ukraine-Friedensmarsch überquert Rhein und Neckar" became
    the text's first line (the headline run into its subtitle)."""
    import json

    from pipeline.ingest import read_path

    rows = [news_row("wikinews_de.jsonl.gz", "id", i) for i in ("wn55038", "wn84747")]
    corpus = tmp_path / "archiv.jsonl"
    corpus.write_text("".join(json.dumps({k: r[k] for k in ("id", "title", "published", "text")}) + "\n" for r in rows), encoding="utf-8")
    recs = list(ps.process_raw(read_path(corpus, tmp_path)))
    for row, rec in zip(rows, recs):
        assert (rec["meta"]["title"], rec["meta"]["published"]) == (row["title"], row["published"])
    assert rows[0]["published"] == "2009-01-03"
    assert [e["value"] for e in recs[0]["entities"] if e["text"] == "Samstagabend"] == ["2009-01-03"]
    # the chronicle's own dates keep their values
    assert [e["value"] for e in recs[0]["entities"] if e["text"] == "27.12.2008"] == ["2008-12-27"]
    # the API caller's published is explicit too
    rec = ps.process_text(rows[0]["text"], id=rows[0]["id"], published="3. Januar 2009")
    assert rec["meta"]["published"] == "2009-01-03"
    assert [e["value"] for e in rec["entities"] if e["text"] == "Samstagabend"] == ["2009-01-03"]
    # where the record has no published, the cleaner's date line would fill the gap: the
    # chronicle's line at the foot is none (session 23), so the article stays undated
    rec = ps.process_text(rows[0]["text"], id=rows[0]["id"], meta={"title": rows[0]["title"]})
    assert rec["meta"]["published"] is None and rec["meta"]["title"] == rows[0]["title"]


@pytest.mark.parametrize("key, make, entity", [
    # UTF-8 read as cp1252 and saved again ("10.000 â‚¬"): the cleaner repairs it (ftfy)
    ("wn12599", lambda t: t.encode("utf-8").decode("cp1252").encode("utf-8"), "10.000 €"),
    # combining umlauts (NFD), as macOS file systems write them: "Järvenpa\u0308a\u0308"
    ("gnad525", lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "Hannu Järvenpää"),
])
def test_raw_span_of_an_entity_ending_in_a_repaired_character(ps, tmp_path, key, make, entity):
    """An entity whose last character was repaired from several raw characters (mojibake "â‚¬" ->
    "€", NFD "a\u0308" -> "ä") mapped to a raw span ending inside them: raw "10.000 â" and "Hannu
    Järvenpa" (the last combining mark left out), as the clean char maps onto the first raw char
    of its piece. The raw span now covers the whole piece, for the run's entities and for a
    reviewer's (`review.log.raw_span`, from the record's `source.offsets` and `removed`)."""
    from pipeline.review.log import raw_span

    name = "wikinews_de.jsonl.gz" if key.startswith("wn") else "10kgnad_test.jsonl.gz"
    p = tmp_path / f"{key}.txt"
    p.write_bytes(make(news_row(name, "id", key)["text"]))
    raw = p.read_bytes().decode("utf-8")
    rec = ps.process_file(p)
    hits = [e for e in rec["entities"] if e["text"] == entity]
    assert hits
    for e in hits:
        piece = raw[e["raw_start"]:e["raw_end"]]
        assert unicodedata.normalize("NFC", ftfy.fix_encoding(piece)) == entity, piece
        assert raw_span(rec, e["start"], e["end"]) == (e["raw_start"], e["raw_end"])


def test_process_raw_keeps_the_order_when_a_long_article_is_among_them(ps, monkeypatch):
    """README: `process_raw` gives "one per article in order". An article over `PART_CHARS` is
    annotated in parts in this process, but `nlp.pipe` reads a batch ahead, so the long one was
    yielded before the short articles that came before it ([a2, a0, a1, a3] for a 105,000-character
    text third among four). The limit is lowered here so that real Wikinews articles are "long"."""
    import hashlib

    import pipeline.nlp
    from pipeline.schema import RawDoc
    from repo_data import read_news

    monkeypatch.setattr(pipeline.nlp, "PART_CHARS", 1500)
    rows = read_news("wikinews_de.jsonl.gz", 12)
    lengths = [len(r["text"]) for r in rows]
    assert min(lengths) < 1500 < max(lengths)  # short and long ones, mixed
    raws = [RawDoc(id=f"a{k}", path=f"<a{k}>", sha256=hashlib.sha256(r["text"].encode()).hexdigest(), text=r["text"],
                   meta={"published": r["published"]}) for k, r in enumerate(rows)]
    recs = list(ps.process_raw(raws))
    assert [r["id"] for r in recs] == [raw.id for raw in raws]
    assert all(rec["meta"]["published"] == row["published"] for rec, row in zip(recs, rows))


def test_process_text_reads_meta_as_run_reads_a_jsonl_records_fields(ps, tmp_path):
    """README: a JSONL record's `author` "A; B" is two authors, news-please's `date_publish` and
    trafilatura's `sitename` are read, a Unix time in milliseconds (pandas' `to_json`) is a date
    with a warning. `process_text(text, meta=row)` with the same fields gave one author "A; B",
    no published (so "Gestern" had no value), no outlet and no warning: the API took the dict as
    it was. Now the same meta, DATE values and warnings as `run` for that record (wn11059,
    published 2005-08-20 = 1124496000000 ms)."""
    import json

    from pipeline.ingest import read_path

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    fields = {"title": row["title"], "author": "Anna Muster; Bernd Beispiel", "date_publish": 1124496000000, "sitename": "Wikinews"}
    corpus = tmp_path / "np.jsonl"
    corpus.write_text(json.dumps({"id": "wn11059", "text": row["text"], **fields}) + "\n", encoding="utf-8")
    (want,) = ps.process_raw(read_path(corpus, tmp_path))
    got = ps.process_text(row["text"], id="wn11059", meta=fields)
    assert got["meta"] == want["meta"] and want["meta"]["authors"] == ["Anna Muster", "Bernd Beispiel"]
    assert want["meta"]["published"] == "2005-08-20" and want["meta"]["outlet"] == "Wikinews"
    assert got["entities"] == want["entities"]
    assert len(got["warnings"]) == len(want["warnings"]) == 1 and "Unix time" in got["warnings"][0]
    # a date object from a DataFrame (`published` or in `meta`) still anchors the relative dates
    import datetime

    for rec in (ps.process_text(row["text"], published=datetime.date(2005, 8, 20)),
                ps.process_text(row["text"], meta={"published": datetime.datetime(2005, 8, 20, 9, 30)})):
        assert rec["meta"]["published"] == "2005-08-20"
        assert [e["value"] for e in rec["entities"] if e["text"] == "Gestern"] == ["2005-08-19"]


@pytest.mark.parametrize("n_process", [1, 2])
def test_process_raw_yields_the_articles_before_an_input_error_then_raises(ps, tmp_path, n_process):
    """README: `process_raw` streams "one per article in order; an input error among them raises
    ProcessingError naming the file". The error was raised while `nlp.pipe` filled its batch, so
    the articles read before it in that batch never came out: a JSONL file with a broken 4th line
    gave 0 of its 3 good records before the error (`n_process=2`; 2 with one process and batches
    of 2). Now the 3 records come first, in order, then the error naming file and line."""
    import json

    from pipeline.api import ProcessingError
    from pipeline.ingest import read_path
    from repo_data import read_news

    rows = read_news("wikinews_de.jsonl.gz", 4)
    lines = [json.dumps({k: r[k] for k in ("id", "title", "published", "text")}, ensure_ascii=False) for r in rows]
    corpus = tmp_path / "archiv.jsonl"
    corpus.write_text("\n".join(lines[:3] + ["{kaputt"] + lines[3:]) + "\n", encoding="utf-8")
    got = []
    with pytest.raises(ProcessingError, match=r"archiv\.jsonl:4"):
        for rec in ps.process_raw(read_path(corpus, tmp_path), n_process=n_process):
            got.append(rec["id"])
    assert got == [f"archiv/{r['id']}" for r in rows[:3]]


EN = ("The Collective Security Treaty Organization sent troops to Kazakhstan on Thursday after violent protests in Almaty "
      "left dozens dead.")  # test_run.py's English text, which `run` makes a `not_german` error


def test_process_text_refuses_what_run_refuses_empty_and_not_german(ps, tmp_path):
    """`presseschau run` makes an empty text, a text the cleaner leaves empty (a seed's "Die WELT
    als ePaper" line) and English text errors (`empty`, `not_german`); `process_text` gave a record
    with text "" and no warning, or one with lang "en" and English entities. Now ProcessingError
    of the run's kind, naming the id; `allow_non_german=True` is run's --allow-non-german."""
    from pipeline.errors import ErrorKind, ProcessingError
    from repo_data import SEEDS

    stub = next(x for x in SEEDS[2].read_text(encoding="utf-8").splitlines() if x.startswith("Die WELT als ePaper"))
    for text in ("", "  \n", stub, "\u200b\n"):
        with pytest.raises(ProcessingError, match="<text:stub>") as e:
            ps.process_text(text, id="stub")
        assert e.value.kind == ErrorKind.EMPTY
    with pytest.raises(ProcessingError, match=r"<text:en>: text looks 'en', not German.*allow_non_german=True") as e:
        ps.process_text(EN, id="en")
    assert e.value.kind == ErrorKind.NOT_GERMAN
    assert ps.process_text(EN, id="en", allow_non_german=True)["lang"] == "en"
    # the same for files and streams, as `run` gives them
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    with pytest.raises(ProcessingError, match="en.txt") as e:
        ps.process_file(tmp_path / "en.txt")
    assert e.value.kind == ErrorKind.NOT_GERMAN
    assert ps.process_file(tmp_path / "en.txt", allow_non_german=True)["lang"] == "en"
    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    (tmp_path / "de.txt").write_text(row["text"], encoding="utf-8")
    got = []
    with pytest.raises(ProcessingError, match="en.txt"):
        for rec in ps.process_raw(d for f in ("de.txt", "en.txt", "de.txt") for d in read_path_of(tmp_path / f)):
            got.append(rec["id"])
    assert got == ["de"]
    # German text is processed as before
    assert ps.process_text(row["text"], id=row["id"])["lang"] == "de"


def read_path_of(path):
    from pipeline.ingest import read_path

    return read_path(path, path.parent)


@pytest.mark.parametrize("name", ["wn11059.json", "wn11059.csv"])
def test_process_file_refuses_a_file_type_run_does_not_read(ps, tmp_path, name):
    """`process_file("x.json")` / `("x.csv")` read the raw file as one text article (JSON braces
    and CSV commas in the record's text); `run x.json` refuses it as `unsupported`. Now the same
    error kind and message as `run`'s for a file named on the command line."""
    import json

    from pipeline.errors import ErrorKind, ProcessingError
    from pipeline.ingest import discover

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    p = tmp_path / name
    p.write_text(json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False) if name.endswith(".json")
                 else "id,text\n" + row["id"] + ',"' + row["text"].replace('"', '""') + '"\n', encoding="utf-8")
    _, (run_error,) = discover([p])
    with pytest.raises(ProcessingError) as e:
        ps.process_file(p)
    assert (e.value.kind, str(e.value)) == (run_error.kind, run_error.message) == (ErrorKind.UNSUPPORTED, run_error.message)
    assert name in str(e.value)


@pytest.mark.parametrize("published", ["20.08.2005", "20. August 2005", "2005-08-20", "2005-08-20T09:30:00+02:00"])
def test_nlp_pipe_with_a_published_context_in_any_spelling(ps, published):
    """README: any spaCy use of the pipeline works; `nlp.pipe(..., as_tuples=True)` with a
    context {"published": "20.08.2005"} left wn11059's "Gestern" without a value (the component
    handed the string to the date rules as it was; ISO worked). Now read by `clean.meta.iso_date`."""
    import datetime

    from pipeline.nlp import doc_to_entities

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    text = row["text"][:600]
    for ctx in ({"published": published}, {"published": datetime.date(2005, 8, 20)}):
        (doc, _), = ps.nlp.pipe([(text, ctx)], as_tuples=True)
        assert doc._.published == "2005-08-20"
        assert [e.value for e in doc_to_entities(doc) if e.text == "Gestern"] == ["2005-08-19"]


def test_a_model_that_cannot_be_loaded_is_named_for_the_api_too(tmp_path):
    """`Presseschau(model=...)` with a model that is not there said "(named with --model)", an
    option the API caller never gave. Now the reason names both ways of naming a model."""
    from pipeline import Presseschau
    from pipeline.errors import ModelNotFound

    with pytest.raises(ModelNotFound, match=r"Presseschau\(model=\.\.\.\)") as e:
        Presseschau(model=str(tmp_path / "kein_modell"))
    assert "--model" in str(e.value) and "kein_modell" in str(e.value)


def test_a_dataframe_rows_missing_text_and_numeric_id_are_read_as_run_reads_them(ps, tmp_path):
    """`process_text(row.text, id=row.id)` over a DataFrame: a missing text (NaN, None) was an
    AttributeError ('float' object has no attribute 'encode'), and a numeric id stayed a number in
    the record (`run` names a JSONL record's id 17 "17"; review, export and validate refuse a
    record whose id is no string). `process_file` on a folder now says it reads one file."""
    from pipeline.errors import ErrorKind, ProcessingError
    from pipeline.record import validate_record

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    for missing in (float("nan"), None):
        with pytest.raises(ProcessingError, match="<text:17>") as e:
            ps.process_text(missing, id=17)
        assert e.value.kind == ErrorKind.EMPTY
    rec = ps.process_text(row["text"], id=17, published=row["published"])
    assert rec["id"] == "17" and validate_record(rec) == []
    with pytest.raises(ProcessingError, match="a folder; process_file reads one file"):
        ps.process_file(tmp_path)


def test_process_file_of_a_path_that_does_not_exist_says_so(ps, tmp_path):
    """A mistyped name without its suffix (`process_file("corpus/003_402700ddbbeb6917")`) said
    "unsupported file type ''", as if the file were there; `run` says "no such file or folder"."""
    from pipeline.errors import ErrorKind, ProcessingError
    from repo_data import SEEDS

    for missing in (SEEDS[3].with_suffix(""), tmp_path / "bericht.txt"):
        with pytest.raises(ProcessingError, match=f"{missing.name}: no such file or folder") as e:
            ps.process_file(missing)
        assert e.value.kind == ErrorKind.UNREADABLE


def test_the_loaded_pipeline_pickles_after_use_and_gives_the_same_records(ps):
    """multiprocessing, dask and joblib send the pipeline to their workers by pickling it. After an
    article with a relative time ahead ("in 35 Jahren", 10kGNAD gnad808) the figures component
    held a lambda (its lazily built tense detector), so `pickle.dumps(ps)` / `(ps.nlp)` failed with
    "Can't pickle local object 'DurationRules._past_clause.<locals>.<lambda>'"; after an article
    whose last figure is money with its verb (gnad18: "Beim L-Tarif sinkt der Preis ... auf 14 bzw. zwölf Euro") it held
    tokens of that article's Doc ("Pickling a token is not supported"). As spaCy's own pipelines,
    it pickles now, and the copy gives the same records."""
    import pickle

    from repo_data import SEEDS

    row = news_row("10kgnad_test.jsonl.gz", "id", "gnad808")
    rec = ps.process_text(row["text"], id=row["id"])
    assert [e["value"] for e in rec["entities"] if e["text"] == "35 Jahren"][0] == "2050"
    copy = pickle.loads(pickle.dumps(ps))
    assert copy.process_text(row["text"], id=row["id"]) == rec
    seed = ps.process_file(SEEDS[3])
    assert copy.process_file(SEEDS[3]) == seed
    money = news_row("10kgnad_test.jsonl.gz", "id", "gnad18")
    rec = ps.process_text(money["text"], id=money["id"])
    assert any(e["label"] == "FIGURE" and e.get("unit") == "EUR" for e in rec["entities"])
    nlp = pickle.loads(pickle.dumps(ps.nlp))
    assert [(e.text, e.label_) for e in nlp(money["text"]).ents] == [(e.text, e.label_) for e in ps.nlp(money["text"]).ents]
    assert pickle.loads(pickle.dumps(ps)).process_text(money["text"], id=money["id"]) == rec


@pytest.mark.parametrize("n_process", [1, 2])
def test_process_raw_takes_plain_strings_as_nlp_pipe_does(ps, n_process):
    """`ps.process_raw(["some text", ...])`, as a user of `nlp.pipe` would write it, ended in
    "AttributeError: 'str' object has no attribute 'text'" from deep inside spaCy. A string is a
    text now, read as `process_text` reads it, named by its position in the stream ("0", "1", ...);
    a missing one (None, a DataFrame's NaN) is that position's `empty` error."""
    from pipeline.errors import ErrorKind, ProcessingError
    from repo_data import read_news

    texts = [r["text"] for r in read_news("10kgnad_test.jsonl.gz", 2)]
    recs = list(ps.process_raw(texts, n_process=n_process))
    assert [r["id"] for r in recs] == ["0", "1"]
    assert recs == [ps.process_text(t, id=str(k)) for k, t in enumerate(texts)]
    assert any(e["label"] in ("PER", "ORG", "LOC") for r in recs for e in r["entities"])
    with pytest.raises(ProcessingError, match="<text:1>: no text") as e:
        list(ps.process_raw([texts[0], None]))
    assert e.value.kind == ErrorKind.EMPTY
    with pytest.raises(TypeError, match=r"item 1 .*bytes"):
        list(ps.process_raw([texts[0], texts[1].encode()]))
    with pytest.raises(TypeError, match=r"one str.*process_text"):  # not its characters, one text each
        ps.process_raw(texts[0])


@pytest.mark.parametrize("n_process", [1, 2])
def test_process_raw_errors_yield_gives_each_error_in_its_place_and_goes_on(ps, tmp_path, n_process):
    """`process_raw` stopped at the first article `run` makes an error (an English file, an empty
    one, a broken JSONL line), so the rest of the batch was lost; `run` names that input and goes
    on. With `errors="yield"` each such article's ProcessingError comes in its place, in order, and
    the rest is processed; the default (`errors="raise"`) still raises at the first."""
    import json
    from pathlib import Path

    from pipeline.errors import ErrorKind, ProcessingError
    from pipeline.ingest import read_path
    from repo_data import SEEDS, read_news

    rows = read_news("wikinews_de.jsonl.gz", 3)
    lines = [json.dumps({k: r[k] for k in ("id", "title", "published", "text")}, ensure_ascii=False) for r in rows]
    (tmp_path / "archiv.jsonl").write_text("\n".join(lines[:1] + ["{kaputt"] + lines[1:]) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "leer.txt").write_text("", encoding="utf-8")
    (tmp_path / SEEDS[3].name).write_text(SEEDS[3].read_text(encoding="utf-8"), encoding="utf-8")
    files = ["en.txt", "archiv.jsonl", "leer.txt", SEEDS[3].name]

    def stream():
        return (d for f in files for d in read_path(tmp_path / f, tmp_path))

    got = list(ps.process_raw(stream(), n_process=n_process, errors="yield"))
    shown = [(g.kind, Path(g.path).name) if isinstance(g, ProcessingError) else g["id"] for g in got]
    assert shown == [(ErrorKind.NOT_GERMAN, "en.txt"), f"archiv/{rows[0]['id']}", (ErrorKind.INVALID_JSONL, "archiv.jsonl"),
                     f"archiv/{rows[1]['id']}", f"archiv/{rows[2]['id']}", (ErrorKind.EMPTY, "leer.txt"), SEEDS[3].stem]
    assert "en.txt" in got[0].message and "archiv.jsonl:2" in got[2].message
    assert got[-1] == ps.process_file(tmp_path / SEEDS[3].name)
    with pytest.raises(ProcessingError, match="en.txt"):
        list(ps.process_raw(stream(), n_process=n_process))
    with pytest.raises(ValueError, match="errors='skip'.*'raise'.*'yield'"):
        ps.process_raw(stream(), errors="skip")


def test_process_raw_with_workers_can_be_left_before_its_end(tmp_path):
    """A caller that takes the first records of `process_raw(..., n_process=2)` and leaves (a
    `break`, `itertools.islice`, an exception in its loop) hung for ever: spaCy's `nlp.pipe` cleanup
    joins its workers, which wait to send a batch down a channel no one reads any more. Now the
    workers are stopped and the stream ends at once. Run in a process of its own, which is killed
    with its workers where it hangs."""
    import os
    import signal
    import subprocess
    import sys

    from repo_data import REPO

    script = tmp_path / "leave.py"
    script.write_text(
        "import itertools, multiprocessing as mp\n"
        "from repo_data import read_news\n"
        "from pipeline import Presseschau\n"
        "ps = Presseschau()\n"
        "texts = [r['text'] for r in read_news('10kgnad_test.jsonl.gz', 12)]\n"
        "got = [r['id'] for r in itertools.islice(ps.process_raw(texts, n_process=2, batch_size=2), 1)]\n"
        "print(got, len([p for p in mp.active_children() if p.is_alive()]), flush=True)\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=150)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("leaving process_raw(n_process=2) before its end hung")
    assert proc.returncode == 0, err[-2000:]
    assert out.strip() == "['0'] 0"


def test_numpy_values_of_a_dataframe_are_read_as_their_python_values(ps):
    """README: a DataFrame row's fields give the record `run` gives, a date or datetime counting as
    its ISO date, NaN/NaT as missing. Rows taken through NumPy (`df.to_records()`,
    `df["published"].values`) hold `numpy.datetime64`, `int64` and `float64`: each was a
    ValueError ("The truth value of an empty array is ambiguous") naming no field. Wikinews
    wn11059, published 2005-08-20, opens "Gestern gab es erneut einen Zwischenfall"."""
    import numpy as np
    import pandas as pd

    row = news_row("wikinews_de.jsonl.gz", "id", "wn11059")
    df = pd.DataFrame({"id": [row["id"]], "text": [row["text"]], "published": pd.to_datetime(["2005-08-20 09:30"]),
                       "date": [np.datetime64("NaT")]})
    (rec_row,) = df.to_records(index=False)
    assert isinstance(rec_row["published"], np.datetime64)
    for meta in ({"published": rec_row["published"], "date": rec_row["date"]},
                 {"date_publish": np.int64(1124530200)},          # a Unix time in seconds, as int64
                 {"date_publish": np.float64(1124530200000.0)}):  # ... in milliseconds, as float64
        rec = ps.process_text(row["text"], id=row["id"], meta=meta)
        assert rec["meta"]["published"] == "2005-08-20"
        assert [e["value"] for e in rec["entities"] if e["label"] == "DATE" and e["text"] == "Gestern"] == ["2005-08-19"]
    rec = ps.process_text(row["text"], id=row["id"], published=rec_row["published"])
    assert rec["meta"]["published"] == "2005-08-20"


def test_process_file_of_a_jsonl_corpus_refuses_instead_of_giving_its_first_record(ps, tmp_path):
    """`process_file("corpus.jsonl")` returned the record of its first line and left the others out
    without a word (README: `rec = ps.process_file(...)`, one record per file). A JSONL file of more
    than one record is now refused, naming the file and the way to process every record; a JSONL
    file of one record is still its record."""
    import json

    from pipeline.errors import ErrorKind, ProcessingError
    from pipeline.ingest import read_path

    rows = [news_row("wikinews_de.jsonl.gz", "id", key) for key in ("wn11059", "wn11969", "wn12324")]
    corpus = tmp_path / "three.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(ProcessingError) as e:
        ps.process_file(corpus)
    assert e.value.kind == ErrorKind.UNSUPPORTED and str(corpus) in str(e.value) and "more than one record" in str(e.value)
    assert "process_raw(read_path(path, path.parent))" in str(e.value)
    every = list(ps.process_raw(read_path(corpus, corpus.parent)))  # the way the message names
    assert [r["id"] for r in every] == ["three/wn11059", "three/wn11969", "three/wn12324"]
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(rows[1], ensure_ascii=False) + "\n", encoding="utf-8")
    rec = ps.process_file(one)
    assert rec["id"] == "one/wn11969" and rec["text"] == every[1]["text"] and rec["meta"]["title"] == rows[1]["title"]


def test_process_pdf_articles_of_a_folder_or_a_missing_name_says_so(ps, tmp_path):
    """`process_pdf_articles("epaper/")` (a folder of e-paper pages) or a name without its suffix
    said "unsupported file type ''" as if a file of no type were there; now as `process_file`:
    a folder, or no such file or folder."""
    from pipeline.errors import ErrorKind, ProcessingError
    from repo_data import SEEDS

    with pytest.raises(ProcessingError, match="a folder; process_pdf_articles reads one file") as e:
        ps.process_pdf_articles(tmp_path)
    assert e.value.kind == ErrorKind.UNREADABLE
    missing = tmp_path / "seite3"
    with pytest.raises(ProcessingError, match="seite3: no such file or folder") as e:
        ps.process_pdf_articles(missing)
    assert e.value.kind == ErrorKind.UNREADABLE
    assert [r["id"] for r in ps.process_pdf_articles(SEEDS[3])] == [SEEDS[3].stem]  # a text file is one article, as before
