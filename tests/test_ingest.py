"""Ingest on real text and on broken inputs: each problem is an error naming the file."""
from __future__ import annotations

import gzip
import json
import warnings

from pipeline.ingest import IngestError, decode, detect_language, discover, read_path
from pipeline.schema import RawDoc

from repo_data import CORPUS, NEWS, SEEDS, read_news


def _items(path, root=None):
    return list(read_path(path, root or path.parent))


def test_seeds_read_byte_for_byte():
    assert len(SEEDS) == 5
    for p in SEEDS:
        (doc,) = _items(p)
        assert isinstance(doc, RawDoc)
        assert doc.id == p.stem
        assert doc.text == p.read_bytes().decode("utf-8")
        assert doc.encoding == "utf-8"


def test_cp1252_and_latin1_decoded_correctly(tmp_path):
    text = SEEDS[3].read_text(encoding="utf-8")[:2000]
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes(text.encode("cp1252", errors="replace"))
    (doc,) = _items(cp)
    assert doc.encoding == "cp1252"
    assert "Präsident" in doc.text and "Kasachstans" in doc.text
    # „quotes“ only exist in cp1252, not latin-1: they must come back as quotes
    q = tmp_path / "quotes.txt"
    q.write_bytes("Er sagte: „Das Bündnis hilft.“ – 5 €".encode("cp1252"))
    (doc,) = _items(q)
    assert doc.text == "Er sagte: „Das Bündnis hilft.“ – 5 €"
    text2, enc = decode("Grüße aus Köln, Straße".encode("latin-1"))
    assert text2 == "Grüße aus Köln, Straße"


def test_bom_and_utf16(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "Über Kasachstan".encode("utf-8"))
    (doc,) = _items(p)
    assert doc.text == "Über Kasachstan"
    p2 = tmp_path / "u16.txt"
    p2.write_bytes("Über Kasachstan".encode("utf-16"))
    (doc,) = _items(p2)
    assert doc.text == "Über Kasachstan"


def test_utf16_cut_off_in_half_a_character_is_read_as_utf16(tmp_path):
    """A UTF-16 file that lost its last byte (a cut-off copy or download: an odd number of
    bytes). With its BOM it was an `encoding` error and the whole article lost; without one it
    was read as cp1252, a NUL after every letter ("S\\x00e\\x00c\\x00"), „“ and € garbled and the
    raw offsets pointing into that. Now it is read as UTF-16, the half character at the end
    replaced with U+FFFD, with a warning."""
    text = SEEDS[3].read_text(encoding="utf-8")[:3000]
    for name, data, enc in [("bom.txt", text.encode("utf-16"), "utf-16"), ("le.txt", text.encode("utf-16-le"), "utf-16-le"),
                            ("be.txt", text.encode("utf-16-be"), "utf-16-be")]:
        p = tmp_path / name
        p.write_bytes(data[:-1])
        (doc,) = _items(p)
        assert isinstance(doc, RawDoc), name
        assert (doc.encoding, doc.text) == (enc, text[:-1] + "\ufffd"), name
        assert any("U+FFFD" in w and "odd number of bytes" in w for w in doc.warnings), doc.warnings


def _mhtml(page: bytes, url: str, cte: str = "quoted-printable", charset=None, ctype: str = "text/html") -> bytes:
    """A saved web archive as Chrome writes one ("Webpage, Single File"), made with the email
    package: the address it was saved from in `Snapshot-Content-Location`, the page (its transfer
    encoding `cte`, its MIME part's `charset` where given) and an image as the parts of a
    multipart/related message."""
    from email import policy
    from email.message import EmailMessage

    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = "=?utf-8?Q?Gespeicherte_Seite?="
    msg["MIME-Version"] = "1.0"
    msg.make_related()
    part = EmailMessage(policy=policy.SMTP)
    part.set_content(page, maintype=ctype.split("/")[0], subtype=ctype.split("/")[1], cte=cte)
    if charset:
        part.set_param("charset", charset)
    part["Content-Location"] = url
    msg.attach(part)
    image = EmailMessage(policy=policy.SMTP)
    image.set_content(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", cte="base64")
    image["Content-Location"] = "https://heise.cloudimg.io/logo.png"
    msg.attach(image)
    return msg.as_bytes()


# a UTF-8 page naming its address (<link rel="canonical">), a windows-1252 page naming none, a page of spektrum.de
MHTML_PAGES = ("readability--heise.html", "snacktory--golem.html", "postlight--www.spektrum.de.html")


def test_a_saved_web_archive_is_read_as_its_page(tmp_path):
    """A page saved as a web archive (MHTML: Chrome's and Edge's "Webpage, Single File"), named
    .mhtml, .mht or renamed .html, was refused ("save the page as Webpage, HTML only"). It is read
    as its page: the same raw and cleaned text as the page saved as .html, whatever the transfer
    encoding (quoted-printable, base64) and the charset its MIME part declares; the record's url is
    the page's own where it names one, else the address the archive was saved from."""
    import pytest

    from pipeline.clean import clean_input

    if not (NEWS / "html" / "pages").is_dir():
        pytest.skip("../shared/data/news/html not available")
    saved_from = "https://www.example.de/gespeichert/artikel.html"
    for page_name in MHTML_PAGES:
        page = (NEWS / "html" / "pages" / page_name).read_bytes()
        (tmp_path / "seite.html").write_bytes(page)
        (html_doc,) = _items(tmp_path / "seite.html")
        assert isinstance(html_doc, RawDoc), page_name
        cleaned = clean_input(html_doc.text, html_doc.meta).text
        variants = [("a.mhtml", "quoted-printable", None), ("b.mht", "base64", None), ("c.html", "quoted-printable", None)]
        if html_doc.encoding == "cp1252":  # its part declaring the charset (Edge does), ISO-8859-1 read as windows-1252
            variants.append(("d.mhtml", "base64", "iso-8859-1"))
        for name, cte, charset in variants:
            (tmp_path / name).write_bytes(_mhtml(page, saved_from, cte, charset))
            (doc,) = _items(tmp_path / name)
            assert isinstance(doc, RawDoc), (page_name, name, doc)
            assert doc.text == html_doc.text and clean_input(doc.text, doc.meta).text == cleaned, (page_name, name)
            assert doc.encoding == html_doc.encoding and doc.warnings == html_doc.warnings, (page_name, name)
            assert doc.meta.get("url") == html_doc.meta.get("url", saved_from), (page_name, name)
            assert doc.id == name.rsplit(".", 1)[0]
    # a page itself named .mhtml is read as the page
    (tmp_path / "seite.mhtml").write_bytes(page)
    (doc,) = _items(tmp_path / "seite.mhtml")
    assert isinstance(doc, RawDoc) and doc.text == html_doc.text


def test_a_web_archive_with_binary_parts_is_read_as_its_page(tmp_path):
    """A web archive whose parts are in the transfer encodings `binary` or `8bit` (RFC 2045: the
    bytes as they are; Chromium's offline pages write them so), an image's bytes among the first
    8 KB of the file, was refused as "binary file, not text (18 NUL bytes in the first 8,192
    bytes ...)": the check for a binary file looked at the archive, not at its page. The page is
    read as the page saved as .html; a page itself binary is still an error naming the file."""
    import random
    from email import policy
    from email.message import EmailMessage

    import pytest

    if not (NEWS / "html" / "pages").is_dir():
        pytest.skip("../shared/data/news/html not available")
    url = "https://www.example.de/gespeichert/artikel.html"
    rng = random.Random(3)
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(4096))

    def archive(page: bytes, cte: str) -> bytes:
        msg = EmailMessage(policy=policy.SMTP)
        msg["From"] = "<Saved by Blink>"
        msg["Snapshot-Content-Location"] = url
        msg["MIME-Version"] = "1.0"
        msg.make_related()
        image = EmailMessage(policy=policy.SMTP)
        image.set_content(png, maintype="image", subtype="png", cte="binary")
        image["Content-Location"] = "https://www.example.de/logo.png"
        part = EmailMessage(policy=policy.SMTP)
        part.set_content(page, maintype="text", subtype="html", cte=cte)
        part["Content-Location"] = url
        msg.attach(image)  # the image first: its bytes in the file's first 8 KB
        msg.attach(part)
        return msg.as_bytes()

    for page_name in MHTML_PAGES[:2]:
        page = (NEWS / "html" / "pages" / page_name).read_bytes()
        (tmp_path / "seite.html").write_bytes(page)
        (html_doc,) = _items(tmp_path / "seite.html")
        for cte in ("binary", "8bit"):
            data = archive(page, cte)
            assert 0 in data[:8192]
            (tmp_path / "a.mhtml").write_bytes(data)
            (doc,) = _items(tmp_path / "a.mhtml")
            assert isinstance(doc, RawDoc), (page_name, cte, doc)
            assert doc.text == html_doc.text and doc.encoding == html_doc.encoding, (page_name, cte)
    (tmp_path / "bild.mhtml").write_bytes(archive(png[8:], "binary"))  # its "page" an image's bytes
    (err,) = _items(tmp_path / "bild.mhtml")
    assert isinstance(err, IngestError) and err.kind == "binary", err
    assert err.message.startswith(f"{tmp_path / 'bild.mhtml'}: the web archive's page is binary, not text"), err.message


def test_a_web_archive_that_cannot_be_read_is_an_error_naming_it(tmp_path):
    """A web archive without an HTML page, whose root part is no HTML, cut off in its headers or
    garbage under the name: each an error naming the file and what to do, no traceback; cut off in
    its page, it is read with a warning naming the file; the run goes on with the other files."""
    import pytest

    if not (NEWS / "html" / "pages").is_dir():
        pytest.skip("../shared/data/news/html not available")
    page = (NEWS / "html" / "pages" / MHTML_PAGES[0]).read_bytes()
    url = "https://www.heise.de/artikel.html"
    full = _mhtml(page, url)
    cases = {"text.mhtml": (_mhtml("Nur Text. ".encode() * 30, url, ctype="text/plain"), "unsupported", "page is no HTML but 'text/plain'"),
             "kopf.mhtml": (full[:200], "unreadable", "damaged or cut-off web archive"),
             "notiz.mht": ("Eine Notiz, kein Archiv.\n".encode() * 5, "unreadable", "no MIME parts found"),
             "leer.mht": (b"", "empty", "file is empty")}
    for name, (data, kind, words) in cases.items():
        (tmp_path / name).write_bytes(data)
        (err,) = _items(tmp_path / name)
        assert isinstance(err, IngestError) and err.kind == kind, (name, err)
        assert err.message.startswith(f"{tmp_path / name}: ") and words in err.message, err.message
    (tmp_path / "drittel.mhtml").write_bytes(full[: len(full) // 3])  # the article's text not yet in it
    (err,) = _items(tmp_path / "drittel.mhtml")
    assert err.kind == "empty" and err.message.endswith("; the web archive is cut off in its page: save the page again"), err.message
    (tmp_path / "halb.mhtml").write_bytes(full[: len(full) // 2])
    (doc,) = _items(tmp_path / "halb.mhtml")
    assert isinstance(doc, RawDoc)
    assert any(w.startswith(f"mhtml: {tmp_path / 'halb.mhtml'}: the web archive is cut off") for w in doc.warnings), doc.warnings
    # with its images many times its page: read also where the archive is over --max-bytes and it is renamed
    # .html; its page itself is held to --max-bytes, as a page's text is (and a page itself named .mhtml)
    (tmp_path / "gross.html").write_bytes(full)
    assert len(full) > len(page)
    (doc,) = read_path(tmp_path / "gross.html", tmp_path, max_bytes=len(page))
    assert isinstance(doc, RawDoc), doc
    for name, data in (("gross.html", full), ("seite.mhtml", page)):
        (tmp_path / name).write_bytes(data)
        (err,) = read_path(tmp_path / name, tmp_path, max_bytes=len(page) - 1)
        assert isinstance(err, IngestError) and err.kind == "too_large", (name, err)
        assert err.message.startswith(f"{tmp_path / name}: its web page has {len(page):,} bytes"), err.message
    (tmp_path / "ganz.mhtml").write_bytes(full)
    found, errors = discover([tmp_path])
    assert not errors and tmp_path / "ganz.mhtml" in [f for f, _ in found]
    (doc,) = _items(tmp_path / "ganz.mhtml")
    assert isinstance(doc, RawDoc) and not doc.warnings


def test_bad_files_give_errors_naming_the_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "nul.md").write_bytes(b"abc\x00\x00\x01\x02def" * 50)
    big = tmp_path / "huge.txt"
    big.write_bytes(b"Wort " * 300_000)
    for name, kind in [("empty.txt", "empty"), ("blank.txt", "empty"), ("image.txt", "binary"), ("nul.md", "binary")]:
        (err,) = _items(tmp_path / name)
        assert isinstance(err, IngestError) and err.kind == kind, name
        assert name in err.message
    (err,) = list(read_path(big, tmp_path, max_bytes=1_000_000))
    assert err.kind == "too_large" and "huge.txt" in err.message


def test_a_json_array_saved_as_jsonl_is_named_as_one(tmp_path):
    """A corpus written as one JSON array (`json.dump(records, f)`, pandas' `to_json(orient="records")`)
    into a .jsonl file: its one line was "record has no string field 'text'", though every record
    in it has its text. The message now says the line is an array, not a record, and what to write."""
    recs = read_news("wikinews_de.jsonl.gz", 3)
    p = tmp_path / "corpus.jsonl"
    p.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    (err,) = _items(p)
    assert isinstance(err, IngestError) and err.kind == "invalid_jsonl" and err.line == 1
    assert err.message.startswith(f"{p}:1: holds a JSON array, not one record")
    assert "no string field 'text'" not in err.message


def test_an_empty_jsonl_corpus_is_an_error_not_silence(tmp_path):
    """An export that came out empty (0 bytes, only blank lines, an empty .jsonl.gz) gave no
    article and no word: the run said "0 articles", exit 0, while an empty .txt is an `empty`
    error. Now each is an `empty` error naming the file; a corpus with records is read as before."""
    (tmp_path / "leer.jsonl").write_bytes(b"")
    (tmp_path / "blank.ndjson").write_bytes(b"\n \n\r\n")
    with gzip.open(tmp_path / "leer.jsonl.gz", "wb"):
        pass
    for name in ("leer.jsonl", "blank.ndjson", "leer.jsonl.gz"):
        (err,) = _items(tmp_path / name)
        assert isinstance(err, IngestError) and err.kind == "empty", name
        assert err.message.startswith(f"{tmp_path / name}: ")
    recs = read_news("wikinews_de.jsonl.gz", 2)
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    assert [d.text for d in _items(p)] == [r["text"] for r in recs]


def test_truncated_and_invalid_jsonl_lines(tmp_path):
    recs = read_news("wikinews_de.jsonl.gz", 3)
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    p = tmp_path / "corpus.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(lines[0] + "\n")
        fh.write("{not json}\n")
        fh.write(lines[1] + "\n")
        fh.write('{"id": "x", "title": "no text"}\n')
        fh.write(lines[2][: len(lines[2]) // 2])  # truncated last line
    items = _items(p)
    docs = [i for i in items if isinstance(i, RawDoc)]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert [d.text for d in docs] == [recs[0]["text"], recs[1]["text"]]
    assert docs[0].id == f"corpus/{recs[0]['id']}"
    assert [e.line for e in errs] == [2, 4, 5]
    assert all(e.kind == "invalid_jsonl" and "corpus.jsonl.gz" in e.message for e in errs)
    assert "truncated" in errs[-1].message
    assert "truncated JSON line (Unterminated string starting at column " in errs[-1].message  # not "at at"


def test_truncated_gzip_corpus_is_an_error_naming_the_file(tmp_path):
    """A .jsonl.gz cut off in the middle (an interrupted download or copy): gzip raises
    EOFError, which the JSONL reader once took for the end of the file, so the rest of the
    corpus was lost without a word. Now: the records before the cut, then an error naming
    the file and saying it is truncated."""
    recs = read_news("wikinews_de.jsonl.gz", 40)
    data = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8"))
    p = tmp_path / "archive.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = _items(p)
    docs = [i for i in items if isinstance(i, RawDoc)]
    (err,) = [i for i in items if isinstance(i, IngestError)]
    assert items[-1] is err and 0 < len(docs) < len(recs)
    assert [d.text for d in docs] == [r["text"] for r in recs[: len(docs)]]
    assert err.kind == "unreadable" and str(p) in err.message and "truncated" in err.message
    assert err.line == len(docs) + 1 or err.line == len(docs) + 2  # the line being read when the data ran out
    with gzip.open(tmp_path / "whole.jsonl.gz", "wb") as fh:  # the same corpus uncut: no error
        fh.write(gzip.decompress(data))
    assert len(_items(tmp_path / "whole.jsonl.gz")) == len(recs)


def test_a_compressed_corpus_named_jsonl_is_one_binary_error_not_one_per_line(tmp_path):
    """A corpus compressed with xz or zstd and saved (or renamed) as `.jsonl`, or a ZIP of it: every
    chunk between two newline bytes was an `invalid_jsonl` error of its own ("not UTF-8 text"), one
    console line each, thousands for a few MB. Now the file is one `binary` error naming it, as a
    binary file named `.txt` is; a real corpus, also gzipped, is read as before."""
    import lzma
    import zipfile

    recs = read_news("wikinews_de.jsonl.gz", 200)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
    xz = tmp_path / "news.jsonl"
    xz.write_bytes(lzma.compress(text))
    zipped = tmp_path / "zipped.jsonl"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("news.jsonl", text)
    for p in (xz, zipped):
        items = _items(p)
        assert len(items) == 1 and isinstance(items[0], IngestError), (p.name, len(items), items[:2])
        assert items[0].kind == "binary" and items[0].message.startswith(f"{p}: binary file, not JSON Lines ("), items[0].message
    plain, gz = tmp_path / "plain.jsonl", tmp_path / "gz.jsonl"
    plain.write_bytes(text)
    gz.write_bytes(gzip.compress(text))
    assert [d.text for d in _items(plain)] == [d.text for d in _items(gz)] == [r["text"] for r in recs]


def test_jsonl_corpus_in_utf16_with_bom_and_a_cp1252_line(tmp_path):
    """JSONL as Windows tools write it: UTF-16 with a BOM (PowerShell's `>`) was "stopped
    reading after line 0 (UnicodeDecodeError...)", the whole file lost; a UTF-8 file with one
    line saved as cp1252 lost that line and all after it. Now the UTF-16 file is read, and
    the cp1252 line is that line's error, naming its byte."""
    recs = read_news("wikinews_de.jsonl.gz", 4)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in recs)
    (tmp_path / "u16.jsonl").write_bytes(body.encode("utf-16"))  # with its BOM
    assert [d.text for d in _items(tmp_path / "u16.jsonl")] == [r["text"] for r in recs]
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    bad = next(i for i, line in enumerate(lines) if not line.isascii())
    data = b"".join((line.encode("cp1252", errors="replace") if i == bad else line.encode("utf-8")) + b"\n" for i, line in enumerate(lines))
    (tmp_path / "mixed.jsonl").write_bytes(data)
    items = _items(tmp_path / "mixed.jsonl")
    assert [d.text for d in items if isinstance(d, RawDoc)] == [r["text"] for i, r in enumerate(recs) if i != bad]
    (err,) = [e for e in items if isinstance(e, IngestError)]
    assert err.line == bad + 1 and err.kind == "invalid_jsonl" and "not UTF-8 text: byte 0x" in err.message
    cut = body.encode("utf-16")[:-1]  # a UTF-16 file cut in the middle of a character
    (tmp_path / "cut.jsonl").write_bytes(cut)
    items = _items(tmp_path / "cut.jsonl")
    assert [d.text for d in items if isinstance(d, RawDoc)] == [r["text"] for r in recs[:-1]]
    assert items[-1].kind == "unreadable" and "cut.jsonl: stopped reading after line 3 (not UTF-16" in items[-1].message


def test_hostile_jsonl_lines_cost_only_themselves(tmp_path):
    """A line nested thousands deep (json's decoder raises RecursionError) and a record over
    --max-bytes are that line's error; the lines around them are read."""
    recs = read_news("wikinews_de.jsonl.gz", 3)
    p = tmp_path / "corpus.jsonl"
    big = {"id": "big", "text": recs[2]["text"] * 40}
    p.write_text("\n".join([json.dumps(recs[0]), "[" * 200_000 + "]" * 200_000, json.dumps(big), json.dumps(recs[1])]) + "\n", encoding="utf-8")
    limit = len(big["text"].encode("utf-8")) - 1
    items = list(read_path(p, tmp_path, max_bytes=limit))
    assert [i.text for i in items if isinstance(i, RawDoc)] == [recs[0]["text"], recs[1]["text"]]
    deep, too_large = [i for i in items if isinstance(i, IngestError)]
    assert (deep.kind, deep.line) == ("invalid_jsonl", 2) and "nested too deeply" in deep.message
    assert (too_large.kind, too_large.line, too_large.path) == ("too_large", 3, f"{p}#big") and f"{limit:,} bytes" in too_large.message
    assert len([i for i in read_path(p, tmp_path) if isinstance(i, RawDoc)]) == 3  # under the default limit


def test_a_reader_bug_on_one_file_is_its_error(tmp_path, monkeypatch):
    """An exception nobody foresaw while reading one file (here: the HTML extractor raising)
    becomes that file's error, and the other files are read."""
    import pipeline.ingest as ingest

    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + SEEDS[0].read_text(encoding="utf-8") + "</p></body></html>", encoding="utf-8")
    monkeypatch.setattr(ingest, "extract_html", lambda html: (_ for _ in ()).throw(ValueError("extractor bug")))
    (err,) = _items(page)
    assert err.kind == "unreadable" and err.message == f"{page}: reading it failed (ValueError: extractor bug)"
    assert isinstance(_items(SEEDS[0])[0], RawDoc)


def test_real_news_corpora_stream():
    for name in ("10kgnad_test.jsonl.gz", "wikinews_de.jsonl.gz"):
        docs = list(read_path(NEWS / name, NEWS))
        assert len(docs) > 900
        assert all(isinstance(d, RawDoc) for d in docs)
        assert len({d.id for d in docs}) == len(docs)


def test_html_main_text_extracted(tmp_path):
    paragraphs = [p for p in SEEDS[3].read_text(encoding="utf-8").split("\n\n") if len(p) > 200][:4]
    body = paragraphs[1]
    html = f"""<html><head><title>OVKS: Ein Sicherheitsbündnis</title></head><body>
    <nav><a href="/">Startseite</a> <a href="/ausland">Ausland</a> Cookies akzeptieren</nav>
    <article><h1>Ein Sicherheitsbündnis für den Osten?</h1>{"".join(f"<p>{p}</p>" for p in paragraphs)}</article>
    <footer>Impressum Datenschutz</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (doc,) = _items(p)
    assert body[:80] in doc.text
    assert "Impressum" not in doc.text and "Cookies akzeptieren" not in doc.text
    assert doc.meta.get("extracted_with") == "trafilatura"


def test_discover_recursive_and_unsupported(tmp_path):
    files, errors = discover([CORPUS, tmp_path / "missing", CORPUS / "000_983499c68f515bd7.txt"])
    assert [f.name for f, _ in files] == [p.name for p in SEEDS]
    assert errors and errors[0].kind == "unreadable"


def test_language_detection_on_real_text():
    assert detect_language(SEEDS[1].read_text(encoding="utf-8")) == "de"
    assert detect_language("The Collective Security Treaty Organization sent troops to Kazakhstan after the protests.") == "en"


def test_quick_german_check_agrees_with_the_full_sample_on_real_news():
    """German is accepted from the first 400 characters; on real news (modern and OCR'd
    historical) that gives the verdict of the full 1,000-character sample for every text."""
    texts = [r["text"] for name in ("10kgnad_test.jsonl.gz", "wikinews_de.jsonl.gz", "hipe_ocr_de.jsonl.gz") for r in read_news(name, 150)]
    quick = [detect_language(t) for t in texts]
    assert quick == [detect_language(t, quick_chars=1000) for t in texts]
    assert quick.count("de") == len(texts)


def test_long_non_german_text_is_judged_on_the_full_sample():
    english = (
        "The Collective Security Treaty Organization sent troops to Kazakhstan after the protests. "
        "Russia's president said the mission would be short, and the first units left the country "
        "within two weeks. Critics in the region asked whether the alliance would now be used to keep "
        "governments in power rather than to defend its members against attacks from outside. "
        "Officials in Almaty reported that order had been restored and that the airport had reopened. "
    )
    assert len(english) > 400
    assert detect_language(english) == "en"


def test_the_run_keeps_the_inputs_on_disk_in_the_order_discover_gives(tmp_path):
    """`presseschau run` finds its inputs with `find_inputs` into its on-disk ledger (issue 19:
    no list of every file in memory); read back, they are the files `discover` returns, in
    its order (Python's `str` order, also for a name that is not UTF-8), each file once."""
    import os

    from pipeline.ingest import find_inputs
    from pipeline.ledger import RunLedger

    root = tmp_path / "in"
    text = SEEDS[0].read_bytes()
    for name in ["a-c.txt", "a/b.txt", "a/z/ä.txt", "Z.txt", "é.md", "a b.txt", "dup/x.txt", "ß/ok.html", "nope.doc"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text)
    with open(os.fsencode(root) + b"/caf\xe9.txt", "wb") as fh:  # a file name that is not UTF-8
        fh.write(text)
    (root / "dup2").symlink_to(root / "dup")  # the same file twice: found once
    paths = [root, root / "a", root / "Z.txt"]
    files, errors = discover(paths)
    ledger = RunLedger(tmp_path / "ledger.sqlite")
    try:
        added = []
        on_disk_errors = find_inputs(paths, lambda resolved, f, r: added.append(ledger.add_file(resolved, f, r)))
        assert list(ledger.files(page=3)) == files  # pages of 3: the paging keeps the order
        assert added.count(True) == len(files) == 9
        assert [e.message for e in on_disk_errors] == [e.message for e in errors]
        assert any(str(f).endswith(".txt") and "caf" in str(f) for f, _ in files)
    finally:
        ledger.close()
    assert not (tmp_path / "ledger.sqlite").exists()


def test_files_of_other_types_in_a_folder_are_counted_in_a_notice(tmp_path, nlp_info):
    """Nothing is passed over without a word: a folder of articles with the scans, old Word files
    and a README beside them gets one notice (run.json `notices`) that counts them by type;
    hidden files and a folder of only articles get none."""
    from pipeline.run import RunOptions, run

    folder = tmp_path / "in"
    (folder / "scans").mkdir(parents=True)
    (folder / "a.txt").write_bytes(SEEDS[0].read_bytes())
    for name in ("scans/p1.jpg", "scans/p2.JPG", "scans/p3.jpg", "b.doc", "README", ".hidden.doc"):
        (folder / name).write_bytes(b"\x89PNG\r\n" if name.endswith(("jpg", "JPG")) else b"x")
    summary = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False), nlp_info)
    assert summary["counts"]["processed"] == 1
    (notice,) = [n for n in summary["notices"] if n.startswith("passed over")]
    assert notice.startswith("passed over 5 files of types Presseschau does not read (.jpg 3, (no suffix) 1, .doc 1)")
    assert ("it reads .txt, .md, .html, .mhtml, .pdf, .docx, .odt and .jsonl[.gz]; .doc: an old binary Word file: open it in Word "
            "or LibreOffice and save it as .docx (or .odt)") in notice
    for name in ("scans/p1.jpg", "scans/p2.JPG", "scans/p3.jpg", "b.doc", "README"):
        (folder / name).unlink()
    again = run(RunOptions(paths=[folder], out=tmp_path / "out", progress=False), nlp_info)
    assert not [n for n in again["notices"] if n.startswith("passed over")]


def test_web_page_in_the_charset_its_meta_declares(tmp_path):
    """A page in ISO-8859-15 (Latin-9), declared only in its <meta>: its "€" is byte 0xA4,
    which cp1252 (the guess for a non-UTF-8 text) reads as "¤". The declared charset wins."""
    from repo_data import news_row

    text = news_row("wikinews_de.jsonl.gz", "id", "wn8014")["text"]
    paragraphs = [p for p in text.split("\n") if len(p) > 100]
    euro = next(p for p in paragraphs if "€" in p)
    html = f"""<html><head><meta charset="iso-8859-15"><title>Bundesrat berät Hartz-Gesetze</title></head>
    <body><article><h1>Bundesrat berät Hartz-Gesetze</h1>{"".join(f"<p>{p}</p>" for p in paragraphs)}</article></body></html>"""
    p = tmp_path / "latin9.html"
    p.write_bytes(html.encode("iso-8859-15", errors="xmlcharrefreplace"))
    (doc,) = _items(p)
    assert doc.encoding == "iso8859-15"
    assert "¤" not in doc.text
    assert euro[:200] in " ".join(doc.text.split())


def test_utf32_with_bom_is_read_as_utf32(tmp_path):
    """A seed saved as UTF-32 (with its BOM, either byte order) was read as UTF-16: the text
    came out right, but `source.encoding` said utf-16 and the cleaner logged every NUL half of
    its code units as a 'control' piece; UTF-32-BE was refused as a binary file."""
    from pipeline.clean import clean

    text = SEEDS[3].read_text(encoding="utf-8")
    for name, data in [("le.txt", text.encode("utf-32")), ("be.txt", b"\x00\x00\xfe\xff" + text.encode("utf-32-be"))]:
        (tmp_path / name).write_bytes(data)
        (doc,) = _items(tmp_path / name)
        assert isinstance(doc, RawDoc), name
        assert doc.text == text and doc.encoding == "utf-32" and doc.warnings == [], name
        assert not [r for r in clean(doc.text).removed if r.kind == "control"], name
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))  # UTF-16 as before
    (doc,) = _items(tmp_path / "u16.txt")
    assert doc.text == text and doc.encoding == "utf-16"


def test_a_stray_nul_in_german_text_is_read_and_logged_as_any_control_character(tmp_path):
    """A German article with one NUL byte at its end (as some exports leave it) was refused as
    "binary file, not text (first bytes b'...')", with no word of why. Now it is read, with a
    warning naming the NUL, and the cleaner removes it and logs it as 'control', as it does any
    other control character; a file of many NULs is still binary, and the message says why."""
    from pipeline.clean import clean

    raw = SEEDS[0].read_bytes()
    (tmp_path / "nul.txt").write_bytes(raw + b"\x00")
    (doc,) = _items(tmp_path / "nul.txt")
    assert isinstance(doc, RawDoc) and doc.text == raw.decode("utf-8") + "\x00"
    (warning,) = doc.warnings
    assert "1 NUL character" in warning and f"at character {len(raw.decode('utf-8')):,}" in warning
    cleaned = clean(doc.text)
    assert [(r.start, r.kind) for r in cleaned.removed if r.text == "\x00"] == [(len(doc.text) - 1, "control")]
    assert cleaned.text == clean(raw.decode("utf-8")).text
    (tmp_path / "ctrl.txt").write_bytes(raw + b"\x01")  # the same with another control character: no refusal either
    assert isinstance(_items(tmp_path / "ctrl.txt")[0], RawDoc)
    (tmp_path / "nuls.txt").write_bytes(raw[:100] + b"\x00" * 50 + raw[100:])
    (err,) = _items(tmp_path / "nuls.txt")
    assert err.kind == "binary" and "nuls.txt: binary file, not text (50 NUL bytes in the first " in err.message
    assert "the first at offset 100" in err.message


def test_jsonl_records_say_the_encoding_of_their_file(tmp_path):
    """A UTF-16 JSONL (PowerShell's `>`) was read right, but its records said
    `source.encoding` 'utf-8'; a UTF-32 one was "invalid JSON line" on every line."""
    recs = read_news("wikinews_de.jsonl.gz", 3)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    for name, data, enc in [("u8.jsonl", body.encode("utf-8"), "utf-8"), ("u16.jsonl", body.encode("utf-16"), "utf-16"),
                            ("u32.jsonl", body.encode("utf-32"), "utf-32"), ("sig.jsonl", b"\xef\xbb\xbf" + body.encode("utf-8"), "utf-8-sig"),
                            ("gz.jsonl.gz", gzip.compress(body.encode("utf-8")), "utf-8")]:
        (tmp_path / name).write_bytes(data)
        docs = _items(tmp_path / name)
        assert [d.text for d in docs] == [r["text"] for r in recs], name
        assert {d.encoding for d in docs} == {enc}, name


def test_jsonl_meta_fields_of_any_shape_are_typed_or_left_out_with_a_warning(tmp_path):
    """Users' JSONL carries title/outlet/section/authors/published in many shapes. A list as
    title became its Python repr ("['Titel', 'B']"), an object as authors its keys, a null in
    an author list "None", and "gestern" as published vanished without a word."""
    recs = read_news("wikinews_de.jsonl.gz", 6)
    shapes = [
        {"title": recs[0]["title"], "outlet": "Wikinews", "authors": "Anna Muster", "published": "20.08.2005", "section": 7},
        {"title": ["Titel", "B"], "outlet": {"name": "dpa"}, "authors": ["Anna Muster", None, 5, {"name": "C D"}]},
        {"authors": {"name": "Dict Autor"}, "published": 1641470000},
        {"authors": 3, "date": "gestern", "meta": {"title": "nested"}, "url": "https://de.wikinews.org/"},
        {"title": None, "authors": None, "published": None},
    ]
    p = tmp_path / "shapes.jsonl"
    p.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], **s}, ensure_ascii=False) + "\n" for r, s in zip(recs, shapes)), encoding="utf-8")
    docs = _items(p)
    assert [d.text for d in docs] == [r["text"] for r in recs[:5]]
    meta = [d.meta for d in docs]
    assert meta[0] == {"title": recs[0]["title"], "outlet": "Wikinews", "authors": ["Anna Muster"], "published": "20.08.2005", "section": "7"}
    assert meta[1] == {"authors": ["Anna Muster"]} and meta[4] == {}
    assert meta[2] == {"published": "2022-01-06"} and meta[3] == {"title": "nested", "url": "https://de.wikinews.org/"}
    assert docs[0].warnings == [] and docs[4].warnings == []
    assert docs[1].warnings == ["meta: 'title' [\"Titel\", \"B\"] is not a string; not taken", "meta: 'outlet' {\"name\": \"dpa\"} is not a string; not taken",
                                "meta: 'authors' [\"Anna Muster\", null, 5, {\"name\": \"C D\"}] is not a name or a list of names; its other items not taken"]
    assert docs[2].warnings == ["meta: 'authors' {\"name\": \"Dict Autor\"} is not a name or a list of names; not taken", f"meta: {p}:3: 'published' 1641470000 read as a Unix time in UTC seconds (2022-01-06T11:53:20Z)"]
    assert docs[3].warnings == ["meta: 'authors' 3 is not a name or a list of names; not taken", "meta: 'date' \"gestern\" is no date; not taken"]


def test_jsonl_published_as_unix_time_is_read_as_utc(tmp_path):
    """pandas' `to_json(orient="records", lines=True)` writes a datetime as epoch
    milliseconds, many scrapers write seconds: both were refused as "no date". A number (or a
    string of digits) that is a Unix time between 1990 and 2100 is read as UTC, with a warning
    naming the file and line; any other number stays refused."""
    import pandas as pd

    recs = read_news("wikinews_de.jsonl.gz", 8)
    df = pd.DataFrame({"id": [r["id"] for r in recs[:2]], "text": [r["text"] for r in recs[:2]],
                       "published": pd.to_datetime([recs[0]["published"] + " 23:30", recs[1]["published"] + " 00:00"])})
    ms, s = tmp_path / "pandas.jsonl", tmp_path / "seconds.jsonl"
    with warnings.catch_warnings():  # pandas 3 warns that its default will become ISO strings; files written so abound
        warnings.simplefilter("ignore")
        df.to_json(ms, orient="records", lines=True, force_ascii=False, date_format="epoch")
        df.to_json(s, orient="records", lines=True, force_ascii=False, date_format="epoch", date_unit="s")
    for path, unit in ((ms, "milliseconds"), (s, "seconds")):
        docs = _items(path)
        assert [d.meta.get("published") for d in docs] == [recs[0]["published"], recs[1]["published"]], path.name
        assert all(len(d.warnings) == 1 and d.warnings[0].startswith(f"meta: {path}:{n}: 'published' ") and f"read as a Unix time in UTC {unit}" in d.warnings[0]
                   for n, d in enumerate(docs, 1)), [d.warnings for d in docs]
    # by hand: a string of digits, a float, `date`; 2005-08-20 23:30 UTC is that day, not the next
    other = [("1124580600", "2005-08-20"), (1124580600.5, "2005-08-20"), (1641470000123.0, "2022-01-06")]
    p = tmp_path / "by_hand.jsonl"
    p.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], "date": v}) + "\n" for r, (v, _) in zip(recs[2:], other)), encoding="utf-8")
    docs = _items(p)
    assert [d.meta.get("published") for d in docs] == [iso for _, iso in other]
    assert docs[0].warnings == [f"meta: {p}:1: 'date' \"1124580600\" read as a Unix time in UTC seconds (2005-08-20T23:30:00Z)"]
    # out of 1990..2100 in both units, negative, a bool: refused as before
    bad = [12345, 4102444800 * 1000 + 1, -1124580600, True, "1124580600x"]
    p = tmp_path / "bad.jsonl"
    p.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], "published": v}) + "\n" for r, v in zip(recs[3:], bad)), encoding="utf-8")
    docs = _items(p)
    assert [d.meta for d in docs] == [{}] * 5
    assert [d.warnings for d in docs] == [[f"meta: 'published' {json.dumps(v)} is " + ("not a string; not taken" if v is True else "no date; not taken")] for v in bad]


def test_jsonl_nested_meta_is_read_and_top_level_wins(tmp_path):
    """Prodigy/spaCy-style records carry their metadata in a `meta` object; it was ignored."""
    recs = read_news("wikinews_de.jsonl.gz", 3)
    shapes = [
        {"meta": {"title": recs[0]["title"], "published": recs[0]["published"], "url": "https://de.wikinews.org/wiki/A", "authors": ["Anna Muster"]}},
        {"title": recs[1]["title"], "date": recs[1]["published"], "meta": {"title": "Unterzeile", "published": "2001-01-01", "outlet": "Wikinews"}},
        {"meta": {"title": ["a", "list"], "date": "gestern"}},
    ]
    p = tmp_path / "nested.jsonl"
    p.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], **s}, ensure_ascii=False) + "\n" for r, s in zip(recs, shapes)), encoding="utf-8")
    docs = _items(p)
    assert docs[0].meta == {"title": recs[0]["title"], "published": recs[0]["published"], "url": "https://de.wikinews.org/wiki/A", "authors": ["Anna Muster"]}
    assert docs[1].meta == {"title": recs[1]["title"], "published": recs[1]["published"], "outlet": "Wikinews"}
    assert docs[0].warnings == docs[1].warnings == []
    assert docs[2].meta == {}
    assert docs[2].warnings == ["meta: 'meta.title' [\"a\", \"list\"] is not a string; not taken", "meta: 'meta.date' \"gestern\" is no date; not taken"]


def test_jsonl_of_news_please_and_trafilatura_keeps_url_and_meta(tmp_path):
    """news-please (`maintext`, `date_publish`, `source_domain`, `url`) and trafilatura's JSON
    output (`author` "A; B", `source-hostname`, `hostname`, `source` = the URL) named their
    fields otherwise: a news-please record was refused for want of `text`, the URL of every
    record was dropped. It is kept as `meta.url`, in the record as well."""
    from pipeline.clean import clean
    from pipeline.record import build_record, validate_record

    recs = read_news("wikinews_de.jsonl.gz", 4)
    rows = [
        {"url": "https://www.example.de/politik/a.html", "source_domain": "www.example.de", "title": recs[0]["title"], "authors": ["Anna Muster", "Bernd Beispiel"],
         "date_publish": recs[0]["published"] + " 11:43:27", "date_modify": None, "date_download": "2024-01-01 00:00:00", "language": "de", "maintext": recs[0]["text"]},
        {"title": recs[1]["title"], "author": "Anna Muster; Bernd Beispiel", "hostname": "example.de", "date": recs[1]["published"], "id": recs[1]["id"],
         "source": "https://example.de/b", "source-hostname": "Beispiel-Zeitung", "categories": "Politik", "text": recs[1]["text"], "filedate": "2024-01-01"},
        {"id": recs[2]["id"], "text": recs[2]["text"], "link": "https://example.de/c", "source": "dpa"},
        {"id": recs[3]["id"], "text": recs[3]["text"], "source_url": "https://example.de/d", "link": "https://example.de/other", "hostname": "example.de"},
    ]
    p = tmp_path / "scraped.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    docs = _items(p)
    assert [d.text for d in docs] == [r["text"] for r in recs]
    assert docs[0].meta == {"title": recs[0]["title"], "published": recs[0]["published"] + " 11:43:27", "outlet": "www.example.de",
                            "authors": ["Anna Muster", "Bernd Beispiel"], "url": "https://www.example.de/politik/a.html"}
    assert docs[1].meta == {"title": recs[1]["title"], "published": recs[1]["published"], "outlet": "Beispiel-Zeitung",
                            "authors": ["Anna Muster", "Bernd Beispiel"], "url": "https://example.de/b"}
    assert docs[2].meta == {"url": "https://example.de/c"}  # a `source` that is no URL is not one
    assert docs[3].meta == {"url": "https://example.de/d", "outlet": "example.de"}
    assert all(d.warnings == [] for d in docs)
    record = build_record(docs[0], clean(docs[0].text), [], lang="de", pipeline_info={"version": "t", "fingerprint": "t", "model": "t"})
    assert record["meta"]["url"] == "https://www.example.de/politik/a.html" and record["meta"]["published"] == recs[0]["published"]
    assert validate_record(record) == []


def test_a_review_log_in_an_input_folder_is_one_error_not_one_per_decision(tmp_path):
    """`presseschau run .` in a project folder: the committed review log
    (annotations/decisions.jsonl, hundreds of decisions) is no corpus. It is one `not_article`
    error naming the file, not a "record has no string field 'text'" per decision; the articles
    beside it are read."""
    from pathlib import Path

    log = Path(__file__).resolve().parent.parent / "annotations" / "decisions.jsonl"
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "decisions.jsonl").write_bytes(log.read_bytes())
    seed = SEEDS[0]
    (tmp_path / seed.name).write_bytes(seed.read_bytes())
    items = [it for f, root in discover([tmp_path])[0] for it in read_path(f, root)]
    errors = [it for it in items if isinstance(it, IngestError)]
    assert len(errors) == 1 and errors[0].kind == "not_article", [e.message for e in errors][:3]
    assert "decisions.jsonl" in errors[0].message and "review log" in errors[0].message
    assert [Path(it.path).name for it in items if not isinstance(it, IngestError)] == [seed.name]


def test_short_german_sentences_are_german_and_short_foreign_ones_are_not():
    """A headline or one sentence (under 400 characters) that lingua's fast mode calls Dutch or
    Swedish is checked again in its high-accuracy mode between German and that language: a
    German news sentence is not refused as `not_german`, a foreign one still is."""
    gnad = {r["id"]: r["text"] for r in read_news("10kgnad_test.jsonl.gz", 400)}
    assert gnad["gnad305"].startswith("Israel greift Hamas-Trainingslager im Gazastreifen an.")
    assert detect_language("Israel greift Hamas-Trainingslager im Gazastreifen an.") == "de"
    assert detect_language("Angela Merkel besuchte Paris.") == "de"
    assert detect_language("De minister bezocht gisteren Parijs.") == "nl"
    assert detect_language("Statsministern besökte Paris i går.") == "sv"
    assert detect_language("The president visited Paris yesterday.") == "en"


def test_a_previous_runs_output_in_a_folder_is_passed_over_not_read(tmp_path, seed_run):
    """`presseschau run in -o in`, then `presseschau run in -o o`: the first run's articles.jsonl
    in the input folder was read as a JSONL corpus (10 records: the seeds and "articles/000_..."
    again). A run's output met in a folder, known by the run.json beside its articles.jsonl or by
    its first record (an article record of a run: "pipeline", "entities", "removed"), is passed
    over and named; a user's corpus beside a run.json is still read, and a file named
    explicitly is read (the user asked for it)."""
    from pipeline.ingest import find_inputs

    out, _, records = seed_run
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "articles.jsonl").write_bytes((out / "articles.jsonl").read_bytes())  # `run in -o in`
    (folder / "run.json").write_bytes((out / "run.json").read_bytes())
    (folder / "old").mkdir()  # a copy of a run's output without its run.json, gzipped
    with gzip.open(folder / "old" / "export.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (folder / "empty").mkdir()  # a run that found no article: an empty articles.jsonl beside its run.json
    (folder / "empty" / "articles.jsonl").write_text("", encoding="utf-8")
    (folder / "empty" / "run.json").write_bytes((out / "run.json").read_bytes())
    news = read_news("wikinews_de.jsonl.gz", 2)  # the user's own corpus beside a run.json: read
    (folder / "empty" / "news.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in news), encoding="utf-8")

    files, errors = discover([folder])
    assert errors == []
    assert sorted(f.relative_to(folder).as_posix() for f, _ in files) == sorted([s.name for s in SEEDS] + ["empty/news.jsonl"])
    met: list = []
    find_inputs([folder], lambda *a: None, previous_outputs=met)
    assert sorted(p.relative_to(folder).as_posix() for p in met) == ["articles.jsonl", "empty/articles.jsonl", "old/export.jsonl.gz"]

    # named on the command line, it is read
    (named, root), = discover([folder / "old" / "export.jsonl.gz"])[0]
    assert [d.id for d in read_path(named, root)] == [f"export/{r['id']}" for r in records]
    # named beside the folder that holds it, it is read, and not said to be passed over ("not read as input")
    met = []
    files = []
    find_inputs([folder / "old" / "export.jsonl.gz", folder], lambda resolved, f, r: files.append(f), previous_outputs=met)
    assert folder / "old" / "export.jsonl.gz" in files
    assert sorted(p.relative_to(folder).as_posix() for p in met) == ["articles.jsonl", "empty/articles.jsonl"]


def test_an_annotation_tools_export_in_a_folder_is_passed_over_not_read(tmp_path, seed_run):
    """Prodigy and doccano exports of the seed run left in an input folder were read as JSONL
    corpora: 10 more articles named by line number ("articles.prodigy/1" ...), their ids lost.
    Known by the export's snapshot in their first task, they are passed over and named (they come
    back with `presseschau import`); named on the command line, one is still read."""
    from pipeline import interop
    from pipeline.ingest import find_inputs

    _, _, records = seed_run
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    for fmt in ("prodigy", "doccano"):
        interop.export(records, fmt, folder, include_pending=True)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([SEEDS[0].name, "articles.doccano.jsonl", "articles.prodigy.jsonl"])
    files, errors = discover([folder])
    assert errors == [] and [f.name for f, _ in files] == [SEEDS[0].name]
    met: list = []
    find_inputs([folder], lambda *a: None, previous_outputs=met)
    assert sorted(p.name for p in met) == ["articles.doccano.jsonl", "articles.prodigy.jsonl"]
    (named, root), = discover([folder / "articles.doccano.jsonl"])[0]
    assert len([d for d in read_path(named, root) if not isinstance(d, IngestError)]) == len(records)


def _unblock_after(fifo, seconds: float):
    """Old code waits on the pipe for a writer: a writer comes (and goes at once) after `seconds`,
    so that the test fails instead of hanging. With the fix nobody reads the pipe: the open fails."""
    import os
    import threading
    import time

    def writer():
        time.sleep(seconds)
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    threading.Thread(target=writer, daemon=True).start()


def test_a_file_replaced_by_a_pipe_after_listing_is_refused_not_waited_on(tmp_path):
    """A file listed by the run and replaced by a FIFO before it is read (a log shipper's pipe under
    the name of an article, `live.txt`, `page.html`, `feed.jsonl`): `read_path` blocked in
    `read_bytes` until some writer came, for good if none came. Now it is that file's `unreadable`
    error, as a pipe found by the listing is, at once; a real article beside it still reads."""
    import os

    from pipeline.ingest import read_ref
    from pipeline.schema import FileRef

    real = tmp_path / "bericht.txt"
    real.write_text(SEEDS[3].read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("live.txt", "page.html", "feed.jsonl"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        _unblock_after(fifo, 3.0)
        (err,) = list(read_path(fifo, tmp_path))
        assert isinstance(err, IngestError) and err.kind == "unreadable", err
        assert "not a regular file" in err.message and name in err.message, err.message
    fifo = tmp_path / "page.html"
    _unblock_after(fifo, 3.0)
    err = read_ref(FileRef("page", str(fifo), str(fifo), "0" * 64, 5_000_000, 1000))  # replaced after the driver named it
    assert isinstance(err, IngestError) and "not a regular file" in err.message, err
    (doc,) = list(read_path(real, tmp_path))
    assert isinstance(doc, RawDoc) and doc.text == real.read_text(encoding="utf-8")
