""".odt inputs (`pipeline/odt.py`): a seed article written as an OpenDocument text (made here with
zipfile: mimetype first and stored, content.xml, meta.xml, the manifest) comes out of `presseschau
run` as the text of its body, read by the .docx reader's conventions; OpenDocument files that
cannot be read are errors naming the file, and the run goes on."""
from __future__ import annotations

import json
import zipfile
from xml.sax.saxutils import escape

from pipeline.ingest import IngestError, read_path
from pipeline.schema import RawDoc
from repo_data import CORPUS

SEED = CORPUS / "001_660f1e0e655a289c.txt"  # FAZ: headline, teaser, 24 paragraphs, one a line
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')
FOOTNOTE = "Quelle: Agenturmeldung vom Vortag"
DELETED = "gestern "


def seed_paragraphs() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def odt_bytes(body: str, title: str = "", creator: str = "", styles: str = "") -> bytes:
    """An OpenDocument text as LibreOffice writes one: the mimetype first and stored, then the XML parts."""
    import io

    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
               f'<office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text>'
               f'</office:body></office:document-content>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} office:version="1.3"><office:meta>'
            + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
            + (f"<meta:initial-creator>{escape(creator)}</meta:initial-creator>" if creator else "")
            + "<meta:creation-date>2015-03-02T09:00:00</meta:creation-date></office:meta></office:document-meta>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("meta.xml", meta)
        z.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


def p(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def seed_odt(paras: list[str]) -> bytes:
    """The seed as a LibreOffice file: the headline a heading (outline level 1), the teaser with a
    footnote, a fact box (a heading of level 2 and a table) after the fifth paragraph, a paragraph
    with a tracked deletion, runs of spaces (`text:s`), a soft hyphen, a soft page break, and
    meta.xml's author and title."""
    tracked = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
               '<dc:creator>Lektor</dc:creator><dc:date>2022-01-06T10:00:00</dc:date></office:change-info>'
               f'<text:p>{DELETED}</text:p></text:deletion></text:changed-region></text:tracked-changes>')
    teaser = (f'<text:p text:style-name="P1">{escape(paras[1])}<text:note text:id="ftn1" text:note-class="footnote">'
              f'<text:note-citation>1</text:note-citation><text:note-body><text:p>{FOOTNOTE}</text:p></text:note-body></text:note></text:p>')
    table = ('<table:table table:name="Fakten"><table:table-column table:number-columns-repeated="2"/>'
             + "".join(f'<table:table-row><table:table-cell office:value-type="string"><text:p>{a}</text:p></table:table-cell>'
                       f'<table:table-cell office:value-type="string"><text:p>{b}</text:p></table:table-cell></table:table-row>'
                       for a, b in [("Gründung", "1992"), ("Mitglieder", "sechs Staaten")]) + "</table:table>")
    change = ('<text:p>Tokajew sprach <text:change text:change-id="ct1"/>am<text:s/>Mittwochabend im Fern\u00adsehen.'
              '<text:soft-page-break/></text:p>')
    body = (tracked + f'<text:h text:outline-level="1">{escape(paras[0])}</text:h>' + teaser
            + "".join(p(x) for x in paras[2:5]) + '<text:h text:outline-level="2">Das Bündnis in Zahlen</text:h>'
            + table + change + "".join(p(x) for x in paras[5:]))
    return odt_bytes(body, title="Kasachstan bittet um militärische Hilfe", creator="Friedrich Schmidt",
                     styles='<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"/>')


def lines(text: str) -> list[str]:
    return [" ".join(x.split()) for x in text.split("\n") if x.strip()]


def test_a_seed_as_an_odt_file_gives_its_body_text_and_the_map_into_it(tmp_path, nlp_info):
    from pipeline.run import RunOptions, run

    folder = tmp_path / "in"
    folder.mkdir()
    paras = seed_paragraphs()
    (folder / "kasachstan.odt").write_bytes(seed_odt(paras))
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    run(RunOptions(paths=[folder], out=out, progress=False), nlp_info)
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert not info["errors"]
    records = {json.loads(l)["id"]: json.loads(l) for l in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    rec, seed = records["kasachstan"], records["seed"]
    assert rec["source"]["encoding"] == "odt" and rec["source"]["extracted_with"].startswith("presseschau odt")
    # the body in order, as the .docx reader gives it: the fact box's heading, its rows one line each
    # (cells apart by a tab), the tracked deletion out, the spaces of text:s in, the soft hyphen gone
    # from the clean text; the footnote not at all
    fact_box = ["Das Bündnis in Zahlen", "Gründung 1992", "Mitglieder sechs Staaten", "Tokajew sprach am Mittwochabend im Fernsehen."]
    expected = lines(seed["text"])
    at = expected.index(" ".join(paras[4].split())) + 1
    assert lines(rec["text"]) == expected[:at] + fact_box + expected[at:]
    from pipeline.odt import extract

    raw, meta = extract((folder / "kasachstan.odt").read_bytes())
    assert "Gründung\t1992" in raw and "Fern\u00adsehen" in raw
    assert FOOTNOTE not in raw and DELETED not in raw and "Lektor" not in raw
    assert len(raw) == rec["source"]["raw_length"]
    assert rec["meta"]["title"] == paras[0] and rec["meta"]["authors"] == ["Friedrich Schmidt"]
    assert rec["meta"]["published"] == seed["meta"]["published"] == "2022-01-06"  # the text's, not the file's 2015
    assert rec["entities"]
    for e in rec["entities"]:
        assert raw[e["raw_start"]:e["raw_end"]].split() == e["text"].split()
    assert all(raw[r["start"]:r["end"]] == r["text"] for r in rec["removed"])
    names = lambda r: sorted((e["text"], e["label"]) for e in r["entities"] if e["label"] in ("PER", "ORG", "LOC"))
    assert set(names(seed)) <= set(names(rec))
    from pipeline.record import validate_record

    assert validate_record(rec) == []


def test_odt_lists_line_breaks_spaces_and_the_title_from_meta():
    from pipeline.odt import extract

    paras = seed_paragraphs()
    body = ('<text:list><text:list-item><text:p><text:number>1.</text:number>Berlin</text:p></text:list-item>'
            '<text:list-item><text:p>Hamburg</text:p></text:list-item></text:list>'
            f'<text:p>{escape(paras[2][:60])}<text:line-break/>zweite<text:s text:c="3"/>Zeile<text:tab/>Ende</text:p>'
            '<text:p><text:ruby><text:ruby-base>Tokio</text:ruby-base><text:ruby-text>とうきょう</text:ruby-text></text:ruby> '
            '<text:span>meldet</text:span> <text:a xlink:href="https://x.de">Beben</text:a>.</text:p>').replace("<text:a ", '<text:a xmlns:xlink="http://www.w3.org/1999/xlink" ')
    text, meta = extract(odt_bytes(body, title="Kasachstan bittet um militärische Hilfe", creator="Schmidt, Friedrich"))
    assert text.split("\n\n") == ["1.\tBerlin", "Hamburg", paras[2][:60], "zweite   Zeile\tEnde", "Tokio meldet Beben."]
    # a numbered list style: its numbers counted as LibreOffice shows them (levels, a start value,
    # a list continuing the one before it), a bullet list's glyphs left out
    numbered = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
                '<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/></text:list-style>'
                '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" '
                'style:num-format="I" text:start-value="3"/></text:list-style>'
                '<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>')
    item = lambda t, inner="": f"<text:list-item><text:p>{t}</text:p>{inner}</text:list-item>"
    body = ('<text:list text:style-name="L1">' + item("Berlin", '<text:list>' + item("Mitte") + item("Pankow") + "</text:list>")
            + item("Hamburg") + "</text:list><text:p>Zwischentext</text:p>"
            + '<text:list text:style-name="L1" text:continue-numbering="true">' + item("München") + "</text:list>"
            + '<text:list text:style-name="L2">' + item("Köln") + item("Bonn") + "</text:list>"
            + '<text:list text:style-name="B">' + item("Punkt") + "</text:list>")
    text, _ = extract(odt_bytes(body, styles=numbered))
    assert text.split("\n\n") == ["1.\tBerlin", "a)\tMitte", "b)\tPankow", "2.\tHamburg", "Zwischentext", "3.\tMünchen",
                                   "(III)\tKöln", "(IV)\tBonn", "Punkt"]
    # no heading: the document's title where it looks like a headline; "Nachname, Vorname" one person
    assert meta["title"] == "Kasachstan bittet um militärische Hilfe" and meta["authors"] == ["Friedrich Schmidt"]
    _, meta = extract(odt_bytes(body, title="Bericht_final.odt"))
    assert "title" not in meta and "authors" not in meta
    # a numbered heading: its number in the text, not in the title
    text, meta = extract(odt_bytes('<text:h text:outline-level="1"><text:number>1.</text:number>Kasachstan bittet um Hilfe</text:h>' + body))
    assert text.startswith("1.\tKasachstan bittet um Hilfe\n\n") and meta["title"] == "Kasachstan bittet um Hilfe"


def test_odt_files_that_cannot_be_read_are_errors_naming_them(tmp_path):
    """A cut-off copy, a garbled one, a spreadsheet named .odt, a Word file named .odt, a ZIP of
    something else, an empty body, an old .doc: each an error naming the file, no traceback; the
    other files are read."""
    import io

    good = seed_odt(seed_paragraphs())
    spreadsheet = io.BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("bild.jpg", b"\xff\xd8\xff")
    locked = io.BytesIO()  # saved with a password: content.xml encrypted, the manifest says how
    with zipfile.ZipFile(locked, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", bytes(range(256)) * 4)
        z.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data '
                   'manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>')
    garbled = bytearray(good)
    for i in range(200, len(garbled), 97):
        garbled[i] ^= 0x5A
    cases = {"cut.odt": (good[: len(good) // 2], "unreadable", "cut off or broken"),
             "garbled.odt": (bytes(garbled), "unreadable", "damaged"),
             "tabelle.odt": (spreadsheet.getvalue(), "unsupported", "opendocument.spreadsheet"),
             "bilder.odt": (other_zip.getvalue(), "unreadable", "without content.xml"),
             "leer.odt": (odt_bytes("<text:p> </text:p>"), "empty", "holds no text"),
             "passwort.odt": (locked.getvalue(), "unreadable", "encrypted (saved with a password)"),
             "alt.odt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported", ".doc"),
             "text.odt": ("Kein ZIP, nur Text.".encode(), "unreadable", "not an OpenDocument file")}
    for name, (data, kind, words) in cases.items():
        (tmp_path / name).write_bytes(data)
        (err,) = read_path(tmp_path / name, tmp_path)
        assert isinstance(err, IngestError), name
        assert (err.kind, err.message.startswith(f"{tmp_path / name}: ")) == (kind, True), (name, err.message)
        assert words in err.message, (name, err.message)
    # an OpenDocument text named .docx: named as what it is ("a ZIP without Word's parts" before)
    (tmp_path / "bericht.docx").write_bytes(good)
    (err,) = read_path(tmp_path / "bericht.docx", tmp_path)
    assert err.kind == "unsupported" and err.message == f"{tmp_path / 'bericht.docx'}: an OpenDocument text (.odt) named .docx; name it .odt (Presseschau reads both)"
    (tmp_path / "gut.odt").write_bytes(good)
    (doc,) = read_path(tmp_path / "gut.odt", tmp_path)
    assert isinstance(doc, RawDoc) and doc.id == "gut"


def test_odt_fuzzed_files_give_an_error_or_a_text_never_a_traceback(tmp_path):
    import random

    good = seed_odt(seed_paragraphs())
    r = random.Random(7)
    for i in range(30):
        data = bytearray(good[: r.randrange(1, len(good) + 1)])
        for _ in range(r.randrange(0, 20)):
            data[r.randrange(len(data))] = r.randrange(256)
        (tmp_path / f"f{i}.odt").write_bytes(bytes(data))
        (item,) = read_path(tmp_path / f"f{i}.odt", tmp_path)
        assert isinstance(item, RawDoc) or (str(tmp_path / f"f{i}.odt") in item.message and "reading it failed" not in item.message), item
