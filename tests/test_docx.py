""".docx inputs (`pipeline/docx.py`): a seed article written as a Word file (python-docx: a
Title, a Heading 2 over a table, a comment, a tracked change, a page header and footer) comes out
of `presseschau run` as the text of its body, with the map into the extracted raw text; Word
files that cannot be read are errors naming the file, and the run goes on."""
from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path

import pytest

from repo_data import CORPUS

docx = pytest.importorskip("docx")

SEED = CORPUS / "001_660f1e0e655a289c.txt"  # FAZ: headline, teaser, 24 paragraphs, one a line
HEADER, FOOTER, COMMENT = "F.A.Z. Archiv – Kopfzeile Politik", "Seite 1 von 3 – Fußzeile", "Redaktion: bitte kürzen"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def seed_paragraphs() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_docx(path: Path, paras: list[str]) -> None:
    """The seed as a journalist's Word file: the headline in style Title, the teaser with an
    editor's comment, a fact box (Heading 2 and a table) after the fifth paragraph, a paragraph
    with a tracked deletion and insertion, a page header and footer, and core properties whose
    dates are the file's (2015), not the article's (2022)."""
    from docx.oxml import parse_xml

    d = docx.Document()
    props = d.core_properties
    props.author, props.title = "Friedrich Schmidt", "Kasachstan bittet um militärische Hilfe"
    props.created = props.modified = dt.datetime(2015, 3, 2, 9, 0)
    d.sections[0].header.paragraphs[0].text = HEADER
    d.sections[0].footer.paragraphs[0].text = FOOTER
    d.add_paragraph(paras[0], style="Title")
    teaser = d.add_paragraph(paras[1])
    d.add_comment(teaser.runs, text=COMMENT, author="Lektor")
    for p in paras[2:5]:
        d.add_paragraph(p)
    d.add_heading("Das Bündnis in Zahlen", level=2)
    table = d.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("Gründung", "1992"), ("Mitglieder", "sechs Staaten")]):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    p = d.add_paragraph("Tokajew sprach ")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="L"><w:r><w:delText>gestern </w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="L"><w:r><w:t>am Mittwochabend </w:t></w:r></w:ins>'))
    p.add_run("im Fernsehen.")
    for p in paras[5:]:
        d.add_paragraph(p)
    d.save(path)


def run_folder(folder: Path, out: Path, nlp_info):
    from pipeline.run import RunOptions, run

    notices: list[str] = []
    summary = run(RunOptions(paths=[folder], out=out, progress=False), nlp_info, on_notice=notices.append)
    records = {json.loads(l)["id"]: json.loads(l) for l in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    return summary, records, json.loads((out / "run.json").read_text(encoding="utf-8")), notices


def lines(text: str) -> list[str]:
    return [" ".join(x.split()) for x in text.split("\n") if x.strip()]


def test_a_seed_as_a_word_file_gives_its_body_text_and_the_map_into_it(tmp_path, nlp_info):
    folder = tmp_path / "in"
    folder.mkdir()
    paras = seed_paragraphs()
    write_docx(folder / "kasachstan.docx", paras)
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _, records, info, _ = run_folder(folder, tmp_path / "out", nlp_info)
    assert not info["errors"]
    rec, seed = records["kasachstan"], records["seed"]
    assert rec["source"]["extracted_with"].startswith("python-docx ")
    assert rec["source"]["encoding"] == "docx"

    # the body in order: the seed's clean paragraphs, the fact box's heading and rows after the
    # fifth, the tracked change as it reads now (deletion out, insertion in)
    fact_box = ["Das Bündnis in Zahlen", "Gründung 1992", "Mitglieder sechs Staaten", "Tokajew sprach am Mittwochabend im Fernsehen."]
    expected = lines(seed["text"])
    at = expected.index(" ".join(paras[4].split())) + 1
    assert lines(rec["text"]) == expected[:at] + fact_box + expected[at:]
    # header, footer and comment are not the article: neither in the text nor in the raw text
    from pipeline.docx import extract

    raw, meta = extract((folder / "kasachstan.docx").read_bytes())
    assert len(raw) == rec["source"]["raw_length"]
    for furniture in (HEADER, FOOTER, COMMENT, "gestern"):
        assert furniture not in raw and furniture not in rec["text"]
    assert meta["blocks"] is True and meta["title"] == paras[0]

    # meta: the headline; the author from the core properties (the seed's text has no byline);
    # the date from the text, not the file's created/modified 2015
    assert rec["meta"]["title"] == paras[0]
    assert rec["meta"]["authors"] == ["Friedrich Schmidt"]
    assert rec["meta"]["published"] == seed["meta"]["published"] == "2022-01-06"

    # the map leads into the extracted text: entities and removed pieces
    assert rec["entities"]
    for e in rec["entities"]:
        assert raw[e["raw_start"]:e["raw_end"]].split() == e["text"].split()
    assert rec["removed"] and all(raw[r["start"]:r["end"]] == r["text"] for r in rec["removed"])
    # the same names as from the text file
    names = lambda r: sorted((e["text"], e["label"]) for e in r["entities"] if e["label"] in ("PER", "ORG", "LOC"))
    assert set(names(seed)) <= set(names(rec))
    from pipeline.record import validate_record

    assert validate_record(rec) == []


def test_word_files_that_cannot_be_read_are_errors_naming_them_and_the_run_goes_on(tmp_path, nlp_info):
    folder = tmp_path / "in"
    folder.mkdir()
    write_docx(folder / "gut.docx", seed_paragraphs())
    (folder / "kaputt.docx").write_bytes(b"Dies ist kein Word-Dokument.")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    # an old Word 97-2003 file renamed, and the OLE container Office stores a locked .docx in
    (folder / "alt.docx").write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\x00" * 64)
    (folder / "passwort.docx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
    # a ZIP of another Office kind: an Excel workbook named .docx
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Kasachstan"
    wb.save(folder / "tabelle.docx")
    (folder / "archiv.docx").write_bytes(_zip({"artikel.txt": SEED.read_text(encoding="utf-8")}))
    docx.Document().save(folder / "leer.docx")  # a Word file without text
    # Word's other formats under the name .docx: an RTF export, a Word 2003 XML file
    seed = seed_paragraphs()
    (folder / "export.docx").write_bytes(("{\\rtf1\\ansi\\ansicpg1252 " + seed[2] + "\\par }").encode("cp1252"))
    (folder / "word2003.docx").write_text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
                                          '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:p><w:r><w:t>'
                                          + seed[2] + "</w:t></w:r></w:p></w:body></w:wordDocument>", encoding="utf-8")
    # the seed saved by Word as "Strict Open XML Document": a .docx in namespaces python-docx does not
    # know (ISO 29500 strict: http://purl.oclc.org/ooxml/..., the package's own OPC ones unchanged)
    write_docx(tmp_path / "transitional.docx", seed_paragraphs())
    with zipfile.ZipFile(tmp_path / "transitional.docx") as src, zipfile.ZipFile(folder / "streng.docx", "w") as z:
        for item in src.infolist():
            part = re.sub(rb"http://schemas\.openxmlformats\.org/(?!package/)(\w+)/2006/", rb"http://purl.oclc.org/ooxml/\1/", src.read(item))
            z.writestr(item, part.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1))
    (folder / "alt2.doc").write_bytes(ole)  # an old .doc under its own name: passed over with a word
    summary, records, info, notices = run_folder(folder, tmp_path / "out", nlp_info)
    # a Strict Open XML file is read as Word reads it: its namespaces mapped to the transitional ones
    assert sorted(records) == ["gut", "streng"]
    assert records["streng"]["text"] == records["gut"]["text"] and records["streng"]["meta"]["title"] == records["gut"]["meta"]["title"]
    assert records["streng"]["meta"]["authors"] == ["Friedrich Schmidt"]
    errors = {Path(e["path"]).name: e for e in info["errors"]}
    assert set(errors) == {"kaputt.docx", "alt.docx", "passwort.docx", "tabelle.docx", "archiv.docx", "leer.docx",
                           "export.docx", "word2003.docx"}
    for name, e in errors.items():
        assert e["message"].startswith(str(folder / name) + ": ")
        assert "Traceback" not in e["message"]
    assert errors["alt.docx"]["kind"] == "unsupported" and "save it as .docx" in errors["alt.docx"]["message"]
    assert errors["passwort.docx"]["kind"] == "unreadable" and "encrypted" in errors["passwort.docx"]["message"]
    assert "password" in errors["passwort.docx"]["message"]
    assert errors["tabelle.docx"]["kind"] == "unreadable" and "spreadsheetml" in errors["tabelle.docx"]["message"]
    assert errors["kaputt.docx"]["kind"] == errors["archiv.docx"]["kind"] == "unreadable"
    assert all("not a Word document" in errors[n]["message"] for n in ("kaputt.docx", "tabelle.docx", "archiv.docx"))
    assert errors["leer.docx"]["kind"] == "empty"
    assert errors["export.docx"]["kind"] == errors["word2003.docx"]["kind"] == "unsupported"
    assert "an RTF file" in errors["export.docx"]["message"] and "a Word XML file" in errors["word2003.docx"]["message"]
    assert all("save it as .docx" in errors[n]["message"] for n in ("export.docx", "word2003.docx"))
    assert any(".doc 1" in n and "save it as .docx" in n for n in notices + info.get("notices", []))


def test_an_old_doc_given_by_name_says_to_save_it_as_docx(tmp_path):
    from pipeline.ingest import discover

    doc = tmp_path / "manuskript.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    found, errors = discover([doc])
    assert found == [] and len(errors) == 1
    assert errors[0].kind == "unsupported"
    assert errors[0].message.startswith(f"{doc}: ") and "save it as .docx" in errors[0].message


def test_the_owner_file_of_a_document_open_in_word_is_no_input(tmp_path):
    """While a journalist has "Bericht.docx" open, Word keeps an owner file "~$richt.docx" beside it
    (162 bytes: the user's name; hidden on Windows, not on a Linux share). A run on the folder
    reported it as "not a Word document" and exited 1; it is passed over as a hidden file is."""
    from pipeline.ingest import discover

    write_docx(tmp_path / "Bericht.docx", seed_paragraphs())
    user = "Friedrich Schmidt"
    owner = bytes([len(user)]) + user.encode("cp1252") + b"\x00" * (54 - len(user)) + bytes([len(user), 0]) + user.encode("utf-16-le")
    (tmp_path / "~$richt.docx").write_bytes(owner.ljust(162, b"\x00"))
    found, errors = discover([tmp_path])
    assert [f.name for f, _ in found] == ["Bericht.docx"] and errors == []


def test_rows_and_cells_in_content_controls_are_read():
    """A template's fact box whose rows are a repeating section (each w:tr in a w:sdt) or whose
    cells are content controls: python-docx and a walk of the table's own w:tr / w:tc children
    pass over them, and the rows' text was lost without a word."""
    from docx.oxml import parse_xml

    from pipeline.docx import extract

    paras = seed_paragraphs()
    d = docx.Document()
    d.add_paragraph(paras[2])
    d.add_heading("Das Bündnis in Zahlen", level=2)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Gründung", "1992"
    cell = lambda text: f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    sdt = lambda inner: f"<w:sdt {W}><w:sdtPr><w:alias w:val=\"Zeile\"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    table._tbl.append(parse_xml(sdt(f"<w:tr>{cell('Mitglieder')}{cell('sechs Staaten')}</w:tr>")))
    table._tbl.append(parse_xml(f"<w:tr {W}>{cell('Sitz')}</w:tr>"))
    table._tbl[-1].append(parse_xml(sdt(cell("Moskau"))))
    d.add_paragraph(paras[3])
    text, _ = extract(_save(d))
    assert text.split("\n\n") == [paras[2], "Das Bündnis in Zahlen", "Gründung\t1992", "Mitglieder\tsechs Staaten", "Sitz\tMoskau", paras[3]]


def test_a_rerun_does_not_extract_an_unchanged_word_file_again(tmp_path, nlp_info, monkeypatch):
    import pipeline.docx
    from pipeline.run import RunOptions, run

    folder = tmp_path / "in"
    folder.mkdir()
    write_docx(folder / "a.docx", seed_paragraphs())
    out = tmp_path / "out"
    counts = lambda: run(RunOptions(paths=[folder], out=out, progress=False), nlp_info)["counts"]
    assert counts()["processed"] == 1
    calls = []
    real = pipeline.docx.extract
    monkeypatch.setattr(pipeline.docx, "extract", lambda data: calls.append(len(data)) or real(data))
    again = counts()
    assert (again["cached"], again["processed"], calls) == (1, 0, [])


def test_a_word_file_cached_under_a_larger_max_bytes_is_too_large_under_a_smaller_one(tmp_path, nlp_info):
    """A Word file's limit is on its text, known only after extraction: a re-run with a lower
    --max-bytes gives what a run without the cache gives, the file's `too_large` error and no
    record (before: its unchanged bytes counted as cached, the record was written, exit 0); a
    limit the text still fits keeps it cached."""
    from pipeline.docx import extract
    from pipeline.run import RunOptions, run

    folder = tmp_path / "in"
    folder.mkdir()
    write_docx(folder / "a.docx", seed_paragraphs())
    # a short text beside it, so that every run has an article (a run of none keeps the previous output)
    (folder / "b.txt").write_text("\n\n".join(seed_paragraphs()[:3]), encoding="utf-8")
    size = len(extract((folder / "a.docx").read_bytes())[0].encode("utf-8"))
    assert len((folder / "b.txt").read_bytes()) < size - 1
    out = tmp_path / "out"
    go = lambda max_bytes: run(RunOptions(paths=[folder], out=out, progress=False, max_bytes=max_bytes), nlp_info)
    ids = lambda: [json.loads(x)["id"] for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert go(size)["counts"]["processed"] == 2
    fresh = run(RunOptions(paths=[folder], out=tmp_path / "fresh", progress=False, max_bytes=size - 1), nlp_info)
    lowered = go(size - 1)
    assert [e["kind"] for e in lowered["errors"]] == [e["kind"] for e in fresh["errors"]] == ["too_large"]
    assert ids() == ["b"]
    again = go(size)
    assert (again["counts"]["articles"], again["errors"]) == (2, [])
    kept = go(size + 100)
    assert (kept["counts"]["cached"], kept["counts"]["processed"]) == (2, 0)


def test_run_help_and_readme_name_docx():
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = CliRunner().invoke(app, ["run", "--help"], terminal_width=200).output
    assert ".docx" in out
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "`.docx`" in readme


def _zip(members: dict[str, str]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()


def _word_file(body_xml: list[str], author: str = "", core: bool = True) -> bytes:
    """A Word file whose body is the given paragraphs' XML (what python-docx cannot write: fields,
    hidden runs, content controls), saved by python-docx; without `core`, a file without
    document properties (docProps/core.xml), as other programs write them."""
    import io

    from docx.oxml import parse_xml

    d = docx.Document()
    d.core_properties.author = author
    sect = d.element.body[-1]
    for xml in body_xml:
        sect.addprevious(parse_xml(xml.replace("<w:p>", f"<w:p {W}>", 1).replace("<w:sdt>", f"<w:sdt {W}>", 1)))
    buf = io.BytesIO()
    d.save(buf)
    if core:
        return buf.getvalue()
    src, out = zipfile.ZipFile(buf), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            if item.filename == "docProps/core.xml":
                continue
            data = src.read(item)
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = re.sub(rb"<(?:Relationship|Override)[^>]*core[-.]?(?:properties|xml)[^>]*/>", b"", data)
            z.writestr(item, data)
    return out.getvalue()


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def test_word_shows_no_hidden_text_no_placeholder_and_no_nested_field_code():
    """What Word shows: a run formatted hidden (w:vanish: an editor's note kept in the manuscript)
    is not shown; a content control still showing its placeholder ("Klicken oder tippen Sie hier")
    holds no text; of an IF field with a PAGE field in its code only the IF's result shows; a
    positional tab (w:ptab) stands between the words it separates."""
    from pipeline.docx import extract

    paras = seed_paragraphs()
    fld = lambda kind: f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'
    instr = lambda code: f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
    body = [
        # an index entry (XE) is a hidden field: the text after it is shown
        _para(_run(paras[2][:40]), *(x.replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>") for x in (fld("begin"), instr(' XE "Tokajew" '), fld("end"))),
              _run(paras[2][40:]), _run(" Quelle prüfen, nicht drucken!", "<w:rPr><w:vanish/></w:rPr>")),
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + _para(_run("Klicken oder tippen Sie hier, um Text einzugeben.")) + "</w:sdtContent></w:sdt>",
        _para(_run("Autor: "), "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
              + _run("Klicken Sie hier.") + "</w:sdtContent></w:sdt>"),
        _para(_run(paras[3] + " "), fld("begin"), instr(" IF "), fld("begin"), instr(" PAGE "), fld("separate"),
              _run("1"), fld("end"), instr(' = 1 "Fortsetzung folgt." "" '), fld("separate"),
              _run("Fortsetzung folgt."), fld("end")),
        _para(_run("Kasachstan"), '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>', _run("Politik")),
    ]
    text, _ = extract(_word_file(body))
    assert text.split("\n\n") == [paras[2], "Autor: ", paras[3] + " Fortsetzung folgt.", "Kasachstan\tPolitik"]


def test_word_meta_reads_a_last_first_author_as_one_person_and_no_invented_title():
    """An Office account's name is often "Nachname, Vorname": one person, not two; a file without
    document properties gets python-docx's invented title "Word Document", which is not the
    article's headline."""
    from pipeline.docx import extract

    paras = seed_paragraphs()
    body = [_para(_run(p)) for p in paras[2:5]]
    _, meta = extract(_word_file(body, author="Schmidt, Friedrich"))
    assert meta["authors"] == ["Friedrich Schmidt"]
    for two in ("Friedrich Schmidt; Anna Müller-Lüdenscheidt", "Friedrich Schmidt, Anna Müller-Lüdenscheidt",
                "Schmidt, Friedrich; Müller-Lüdenscheidt, Anna"):
        _, meta = extract(_word_file(body, author=two))
        assert meta["authors"] == ["Friedrich Schmidt", "Anna Müller-Lüdenscheidt"]
    _, meta = extract(_word_file(body, core=False))
    assert "title" not in meta and "authors" not in meta
    # an account's or a desk's name is no person (one list for the Word, PDF and web readers:
    # cleaning.json no_person_authors)
    for none in ("Administrator", "Microsoft Office User", "Redaktion", "Die Redaktion", "Newsdesk", "NDR-Redaktion"):
        _, meta = extract(_word_file(body, author=none))
        assert "authors" not in meta, none


def test_a_headline_broken_over_two_lines_is_the_whole_title():
    """A long headline broken by hand (Shift+Enter) for the layout is one title, not its first line."""
    from pipeline.docx import extract

    head = seed_paragraphs()[0].split()  # "Kasachstans Präsident ruft das von Russland ..."
    first, second = " ".join(head[:4]), " ".join(head[4:])
    title = f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{_run(first)}<w:r><w:br/></w:r>{_run(second)}</w:p>'
    text, meta = extract(_word_file([title, _para(_run(seed_paragraphs()[2]))]))
    assert meta["title"] == " ".join(head)
    assert text.split("\n\n")[:2] == [first, second]  # the raw text keeps Word's lines


def test_a_long_word_file_looks_each_style_up_once(monkeypatch):
    """A book-length manuscript (the seed 200 times, 5,400 paragraphs): python-docx looked up each
    paragraph's style anew, scanning all styles (about 4 ms a paragraph: 20 s and more). Each
    style is now looked up once (a count, not a timing: speed belongs in bench/)."""
    import io

    from docx.text.paragraph import Paragraph

    from pipeline.docx import extract

    d = docx.Document()
    for _ in range(200):
        for p in seed_paragraphs():
            d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    lookups = []
    style = Paragraph.style
    monkeypatch.setattr(Paragraph, "style", property(lambda self: lookups.append(1) or style.fget(self)))
    text, _ = extract(buf.getvalue())
    assert text.count(seed_paragraphs()[2]) == 200
    assert 1 <= len(lookups) <= 3  # one per paragraph style used (Normal), not one per paragraph


OVKS = CORPUS / "003_402700ddbbeb6917.txt"  # tagesschau.de: the OVKS, its members, subheads
NUMBERING = f"""<w:abstractNum {W} w:abstractNumId="20">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum {W} w:abstractNumId="21">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum {W} w:abstractNumId="22">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>"""
NUMS = f"""<w:num {W} w:numId="20"><w:abstractNumId w:val="20"/></w:num>
<w:num {W} w:numId="21"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num {W} w:numId="22"><w:abstractNumId w:val="21"/></w:num>
<w:num {W} w:numId="23"><w:abstractNumId w:val="20"/></w:num>
<w:num {W} w:numId="24"><w:abstractNumId w:val="22"/></w:num>"""


def _with_numbering(data: bytes) -> bytes:
    """The Word file with hand-written lists added to its numbering part (python-docx writes none:
    its template's part holds the "List Number" and "List Bullet" styles' lists only)."""
    import io

    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            part = src.read(item)
            if item.filename == "word/numbering.xml":
                text = part.decode("utf-8")
                at = text.index("<w:num ")  # Word's order: the abstract lists, then the lists
                part = (text[:at] + NUMBERING + text[at:].replace("</w:numbering>", NUMS + "</w:numbering>")).encode("utf-8")
            z.writestr(item, part)
    return out.getvalue()


def test_a_numbered_list_keeps_its_numbers_as_word_shows_them(tmp_path, nlp_info):
    """Word computes a list's numbers ("1.", "1.a)", "III.") from the paragraph's w:numPr and the
    numbering part: they are in no w:t, and python-docx does not count them. A ranking lost its
    order ("Russland", "Armenien", ... without 1., 2.). Counted as Word does: a w:num of the same
    abstract list goes on counting, "Restart at 1" (startOverride) starts again, a level restarts
    its deeper levels, an empty numbered paragraph counts, a style's numbering (python-docx's
    "List Number") counts; a bullet is no word and stays out."""
    from docx.oxml import parse_xml

    from pipeline.docx import extract

    paras = [p for p in OVKS.read_text(encoding="utf-8").splitlines() if p.strip()]
    sub1, sub2, sub3 = "Beistand nach Interessenlage", "Günstige Waffen aus Russland", "Was hat Putin vor?"
    assert {sub1, sub2, sub3} <= set(paras)
    art4, doch, beides = (next(p for p in paras if p.startswith(s)) for s in ("Dabei sieht Artikel 4", "Doch dieser Artikel", "Insofern erhielt"))
    members = ["Russland", "Armenien", "Belarus", "Kasachstan", "Kirgistan", "Tadschikistan"]  # the seed's members
    assert all(m in OVKS.read_text(encoding="utf-8") for m in members)

    d = docx.Document()
    d.add_paragraph(paras[1])

    def item(text: str, num: int, ilvl: int = 0) -> None:
        p = d.add_paragraph(text)
        p._p.insert(0, parse_xml(f'<w:pPr {W}><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'))

    item(sub1, 20)
    item(art4, 20, 1)
    item(doch, 20, 1)
    item("", 20)  # an empty item: Word shows "2." and counts it
    item(sub2, 20)
    item(beides, 20, 1)  # level 1 starts again under "3."
    d.add_paragraph(paras[2])
    item(sub3, 23)  # another w:num of the same abstract list: goes on, 4.
    for m in members[:3]:
        d.add_paragraph(m, style="List Number")  # the template's style-numbered list
    for m in members[3:]:
        item(m, 22)  # bullets
    item(members[0], 21)  # "Restart at 1"
    item(members[1], 21)
    item(paras[-1], 24)  # upper Roman from 3
    data = _with_numbering(_save(d))
    text, _ = extract(data)
    assert text.split("\n\n") == [
        paras[1], f"1.\t{sub1}", f"1.a) {art4}", f"1.b) {doch}", f"3.\t{sub2}", f"3.a) {beides}", paras[2],
        f"4.\t{sub3}", "1.\tRussland", "2.\tArmenien", "3.\tBelarus", *members[3:],
        "1.\tRussland", "2.\tArmenien", f"III. {paras[-1]}"]

    # through a run: the numbers are in the text, the map leads into the extracted text
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ovks.docx").write_bytes(data)
    _, records, info, _ = run_folder(folder, tmp_path / "out", nlp_info)
    assert not info["errors"]
    rec = records["ovks"]
    assert rec["source"]["raw_length"] == len(text)
    got = lines(rec["text"])
    for line in ("1. Russland", "2. Armenien", "3. Belarus", f"4. {sub3}", " ".join(f"1.a) {art4}".split())):
        assert line in got
    assert rec["entities"]
    for e in rec["entities"]:
        assert text[e["raw_start"]:e["raw_end"]].split() == e["text"].split()


def test_a_list_item_deleted_with_tracked_changes_is_not_counted():
    """An editor deletes an item of a ranking with tracked changes on: its text and its paragraph
    mark are tracked deletions. The text is read as it reads with the changes accepted, where the
    item is gone and the next one moves up ("2. Belarus"); it was still counted ("3. Belarus")."""
    from docx.oxml import parse_xml

    from pipeline.docx import extract

    members = ["Russland", "Armenien", "Belarus", "Kasachstan"]  # the OVKS seed's members
    assert all(m in OVKS.read_text(encoding="utf-8") for m in members)
    d = docx.Document()
    d.add_paragraph([p for p in OVKS.read_text(encoding="utf-8").splitlines() if p.strip()][1])
    for m in members:
        p = d.add_paragraph(style="List Number")
        if m == "Armenien":
            p._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {W}><w:del w:id="7" w:author="Lektor" w:date="2022-01-07T09:00:00Z"/></w:rPr>'))
            p._p.append(parse_xml(f'<w:del {W} w:id="8" w:author="Lektor"><w:r><w:delText>{m}</w:delText></w:r></w:del>'))
        else:
            p.add_run(m)
    text, _ = extract(_save(d))
    assert text.split("\n\n")[1:] == ["1.\tRussland", "2.\tBelarus", "3.\tKasachstan"]


def _save(d) -> bytes:
    import io

    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_symbol_from_a_symbol_font_is_its_character(tmp_path, nlp_info):
    """A symbol inserted from the font Symbol is a w:sym holding the font's code ("F0B0"), not a
    character: the degree sign of "19,2° Ost" was lost ("19,2 Ost"). The characters that are text
    (°, ±, ×, µ, ...) are read; a Wingdings ornament (an arrow before a paragraph) stays out."""
    from repo_data import news_row

    from pipeline.docx import extract

    row = news_row("wikinews_de.jsonl.gz", "id", "wn54805")  # EinsFestival HD: "ASTRA 1H 19,2° Ost"
    paras = [p for p in row["text"].split("\n") if p.strip()]
    sym = lambda font, char: f'<w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:sym w:font="{font}" w:char="{char}"/></w:r>'
    body = []
    for p in paras:
        if "°" in p:
            before, after = p.split("°")
            body.append(_para(_run(before), sym("Symbol", "F0B0"), _run(after)))
        else:
            body.append(_para(_run(p)))
    body.insert(2, _para(sym("Wingdings", "F0E8"), _run(" " + paras[2])))  # ➔ as a bullet: no word
    del body[3]
    data = _word_file(body)
    text, _ = extract(data)
    assert text.split("\n\n") == paras[:2] + [" " + paras[2]] + paras[3:]
    assert "19,2° Ost" in text
    from pipeline.docx import _symbol

    # the font's code as is or in the private-use area; other fonts' codes and ornaments: out
    assert [_symbol("Symbol", c) for c in ("F0B1", "B4", "F0B8", "F0A3", "F0B3", "F0B9", "F0A5", "F06D", "F0BC", "F0A0")] == \
        ["±", "×", "÷", "≤", "≥", "≠", "∞", "µ", "…", "€"]
    assert [_symbol("Wingdings", "F0FC"), _symbol("Wingdings", "F0E8"), _symbol("Symbol", "F0B7"), _symbol("Webdings", "F061")] == ["✓", "", "", ""]

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "einsfestival.docx").write_bytes(data)
    _, records, info, _ = run_folder(folder, tmp_path / "out", nlp_info)
    assert not info["errors"]
    rec = records["einsfestival"]
    assert "ASTRA 1H 19,2° Ost" in rec["text"] and rec["source"]["raw_length"] == len(text)
    for e in rec["entities"]:
        assert text[e["raw_start"]:e["raw_end"]].split() == e["text"].split()


def test_a_symbol_typed_as_text_in_a_symbol_font_is_its_character():
    """Symbol-font characters are not only inserted as w:sym: typed in the font Symbol, "m" is
    Word's "µ" (the old way to write "µg"), and Word (or a converter) also writes the font's code
    in the private-use area as text (U+F06D). Read as they were, "40 µg/m³" became "40 mg/m³", a
    limit a thousand times higher, or kept a private-use character. Symbol's digits and
    punctuation are themselves; a Wingdings ornament typed as text stays out."""
    from pipeline.docx import extract
    from repo_data import news_row

    row = news_row("wikinews_de.jsonl.gz", "id", "wn75087")  # EU-Grenzwerte: "40 µg/m³ für Stickstoffdioxid"
    paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
    first = paras[0]
    assert first.count("µ") == 4
    pieces = first.split("µ")
    symbol = lambda text: _run(text, '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>')
    # µ typed as "m" in Symbol, twice as its private-use code, and once in a run of a digit, a
    # space and "m" in Symbol ("1 µ")
    runs = [_run(pieces[0]), symbol("m"), _run(pieces[1]), symbol("\uf06d"), _run(pieces[2]), symbol("\uf06d"),
            _run(pieces[3][:-2]), symbol(pieces[3][-2:] + "m"), _run(pieces[4])]
    wingdings = _run("\uf0e8 ", '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>')
    text, _ = extract(_word_file([_para(*runs), _para(wingdings, _run(paras[1])), _para(_run(paras[2]))]))
    assert text.split("\n\n") == [first, " " + paras[1], paras[2]]
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in text)
    # only a symbol font's text is read as its codes: "m" in Arial is "m"
    arial = _run("m", '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>')
    text, _ = extract(_word_file([_para(_run(pieces[0]), arial, _run(pieces[1]))]))
    assert text == pieces[0] + "m" + pieces[1]


def test_a_character_styles_hidden_mark_and_symbol_font_count():
    """A run takes what its character style sets unless it sets it itself: an editor's note in a
    hidden character style ("Notiz") is not shown by Word and was read into the article; "m" in a
    character style of the font Symbol is "µ" and was read as "m" ("40 mg/m³")."""
    from docx.enum.style import WD_STYLE_TYPE

    from pipeline.docx import extract
    from repo_data import news_row

    row = news_row("wikinews_de.jsonl.gz", "id", "wn75087")
    first = row["text"].split("\n")[0].strip()
    before, after = first.split("µ", 1)
    d = docx.Document()
    note = d.styles.add_style("Notiz", WD_STYLE_TYPE.CHARACTER)
    note.font.hidden = True
    symbol = d.styles.add_style("Symbolzeichen", WD_STYLE_TYPE.CHARACTER)
    symbol.font.name = "Symbol"
    greek = d.styles.add_style("Griechisch", WD_STYLE_TYPE.CHARACTER)  # based on it: Symbol too
    greek.base_style = symbol
    p = d.add_paragraph(before)
    p.add_run("m", style="Griechisch")
    p.add_run(after)
    p.add_run(" Zahlen vom UBA bestätigen lassen!", style="Notiz")
    shown = p.add_run(" Stand: 2013.", style="Notiz")
    shown.font.hidden = False  # the run's own setting wins over its style's
    text, _ = extract(_save(d))
    assert text == first + " Stand: 2013."


NUMBERING_STYLE = """<w:style {W} w:type="numbering" w:customStyle="1" w:styleId="Rangliste">
  <w:name w:val="Rangliste"/><w:pPr><w:numPr><w:numId w:val="40"/></w:numPr></w:pPr></w:style>"""
LINKED_NUMBERING = f"""<w:abstractNum {W} w:abstractNumId="40">
  <w:styleLink w:val="Rangliste"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum {W} w:abstractNumId="41"><w:numStyleLink w:val="Rangliste"/></w:abstractNum>"""
LINKED_NUMS = f"""<w:num {W} w:numId="40"><w:abstractNumId w:val="40"/></w:num>
<w:num {W} w:numId="41"><w:abstractNumId w:val="41"/></w:num>"""


def test_a_list_defined_through_a_list_style_keeps_its_numbers():
    """Word's "Define New List Style" writes the list's levels in the style's own abstract list
    (w:styleLink); the list the paragraphs use is an abstract list holding only a w:numStyleLink
    to that style. Its items lost their numbers (a ranking without 1), 2), 3)); the link is
    followed now, and the style's lists count on together."""
    import io

    from docx.oxml import parse_xml

    from pipeline.docx import extract
    from repo_data import news_row

    row = news_row("wikinews_de.jsonl.gz", "id", "wn75087")
    sentences = [s.strip() for s in re.split(r"(?<=\.) ", row["text"].split("\n")[4]) if s.strip()]
    assert len(sentences) >= 3
    d = docx.Document()
    d.add_paragraph(row["title"], style="Title")
    for s in sentences[:3]:
        p = d.add_paragraph(s)
        p._p.insert(0, parse_xml(f'<w:pPr {W}><w:numPr><w:ilvl w:val="0"/><w:numId w:val="41"/></w:numPr></w:pPr>'))
    buf = io.BytesIO()
    d.save(buf)
    src, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            part = src.read(item).decode("utf-8") if item.filename.endswith(".xml") else src.read(item)
            if item.filename == "word/numbering.xml":
                at = part.index("<w:num ")
                part = part[:at] + LINKED_NUMBERING + part[at:].replace("</w:numbering>", LINKED_NUMS + "</w:numbering>")
            elif item.filename == "word/styles.xml":
                part = part.replace("</w:styles>", NUMBERING_STYLE.format(W=W) + "</w:styles>")
            z.writestr(item, part)
    text, _ = extract(out.getvalue())
    assert text.split("\n\n") == [row["title"]] + [f"{i}) {s}" for i, s in enumerate(sentences[:3], 1)]


def _with_chunks(d, chunks: list[tuple[bytes, str, str]]) -> bytes:
    """The Word file with embedded documents (w:altChunk: what a CMS or a mail merge pastes into
    a .docx, HTML or RTF, for Word to convert when it opens the file) after its paragraphs."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    for blob, content_type, name in chunks:
        part = Part(PackURI(name), content_type, blob, d.part.package)
        rid = d.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
        d.element.body[-1].addprevious(parse_xml(f'<w:altChunk {W} {r} r:id="{rid}"/>'))
    return _save(d)


def test_an_embedded_html_chunk_is_read_and_an_rtf_chunk_is_named(tmp_path, nlp_info):
    """An embedded HTML document (w:altChunk) is text Word shows: it was lost without a word.
    Its text is read as a reader sees it (a block a line, in the charset it declares), an embedded
    Word file's as the file's own; an RTF
    chunk, which is not read, is named in the record's warnings with the file; a file whose only
    text is in one is `empty`, and the error says why."""
    from repo_data import news_row

    row = news_row("wikinews_de.jsonl.gz", "id", "wn12324")  # Jenaer Feuerteufel gefasst
    paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
    d = docx.Document()
    first, second = paras[0].split(". ", 1)  # the second sentence: in an embedded Word file
    d.add_paragraph(row["title"], style="Title")
    d.add_paragraph(first + ".")
    html = f"<html><head><meta charset='windows-1252'></head><body><p>{paras[1]}</p><ul><li>Lobeda</li><li>Jena</li></ul></body></html>"
    rtf = "{\\rtf1\\ansi Der Mann wurde in ein Gef\\'e4ngnis \\'fcberstellt.}"
    # a whole Word file embedded, as the Open XML SDK merges documents (AlternativeFormatImportPartType.
    # WordprocessingML: the .docx package under the main document's content type); python-docx parsed
    # its ZIP bytes as XML, and the whole file was "a damaged Word document"
    inner = docx.Document()
    inner.add_paragraph(second)
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    data = _with_chunks(d, [(html.encode("cp1252"), "text/html", "/word/afchunk.htm"), (rtf.encode("ascii"), "application/rtf", "/word/afchunk2.rtf"),
                            (_save(inner), word, "/word/afchunk3.docx")])
    from pipeline.docx import extract

    text, meta = extract(data)
    assert text.split("\n\n") == [row["title"], first + ".", paras[1], "Lobeda", "Jena", second]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feuerteufel.docx").write_bytes(data)
    only_rtf = docx.Document()
    (folder / "nur-rtf.docx").write_bytes(_with_chunks(only_rtf, [(rtf.encode("ascii"), "application/rtf", "/word/afchunk.rtf")]))
    _, records, info, _ = run_folder(folder, tmp_path / "out", nlp_info)
    rec = records["feuerteufel"]
    assert paras[1] in rec["text"] and rec["source"]["raw_length"] == len(text)
    assert any(str(folder / "feuerteufel.docx") in w and "word/afchunk2.rtf" in w and "not read" in w for w in rec["warnings"])
    (err,) = info["errors"]
    assert err["kind"] == "empty" and err["message"].startswith(str(folder / "nur-rtf.docx") + ": ")
    assert "application/rtf" in err["message"] and "not read" in err["message"]


def test_text_in_a_hidden_paragraph_style_is_not_read():
    """A paragraph style can be hidden (its run properties hold w:vanish: an editor's note style
    "Redaktionsnotiz", a template's instructions): Word shows none of its text, as for a hidden
    character style; it was read into the article. A style based on it is hidden too; a run of
    such a paragraph that sets itself not hidden, or whose character style does, is shown."""
    from docx.enum.style import WD_STYLE_TYPE

    from pipeline.docx import extract

    paras = seed_paragraphs()
    d = docx.Document()
    note = d.styles.add_style("Redaktionsnotiz", WD_STYLE_TYPE.PARAGRAPH)
    note.font.hidden = True
    quelle = d.styles.add_style("Quellenhinweis", WD_STYLE_TYPE.PARAGRAPH)
    quelle.base_style = note
    visible = d.styles.add_style("Sichtbar", WD_STYLE_TYPE.CHARACTER)
    visible.font.hidden = False
    d.add_paragraph(paras[0], style="Title")
    d.add_paragraph(paras[2])
    d.add_paragraph("Bitte die Zahl der Toten mit dpa abgleichen, nicht drucken!", style="Redaktionsnotiz")
    d.add_paragraph("Quelle: Agenturmaterial, intern", style="Quellenhinweis")
    mixed = d.add_paragraph("Notiz für die Schlussredaktion. ", style="Redaktionsnotiz")
    mixed.add_run(paras[3]).font.hidden = False
    styled = d.add_paragraph("Intern: ", style="Redaktionsnotiz")
    styled.add_run(paras[4], style="Sichtbar")
    text, meta = extract(_save(d))
    assert text.split("\n\n") == [paras[0], paras[2], paras[3], paras[4]]
    assert meta["title"] == paras[0]


def test_a_word_file_protected_with_information_rights_management_is_a_clear_error(tmp_path):
    """A .docx protected with Information Rights Management (IRM: "Restrict Access") is, like a
    password-protected one, an OLE compound file holding the encrypted package ("EncryptedPackage"),
    but with a DRM transform ("\\x06DataSpaces/TransformInfo/DRMEncryptedTransform") and no
    "EncryptionInfo" stream: it was called "an old binary Word file (.doc)", which it is not."""
    from pipeline.ingest import read_path

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = ["Root Entry", "\x06DataSpaces", "Version", "DataSpaceMap", "DataSpaceInfo", "DRMEncryptedDataSpace",
             "TransformInfo", "DRMEncryptedTransform", "\x06Primary", "EncryptedPackage"]
    path = tmp_path / "vertraulich.docx"
    path.write_bytes(ole + b"".join(n.encode("utf-16-le").ljust(128, b"\x00") for n in names) + b"\x00" * 4096)
    (err,) = read_path(path, tmp_path)
    assert err.kind == "unreadable"
    assert err.message.startswith(f"{path}: ")
    assert "Information Rights Management" in err.message and ".doc)" not in err.message


def test_symbols_of_science_news_are_read_and_an_unknown_symbol_is_named(tmp_path):
    """Symbol's arrows and math signs beyond the first map ("⇒", "∼" for "about", "∑", "∂") were
    left out without a word ("Stuttgart 60 µg/m³ ⇒ 50 Prozent" read "Stuttgart 60 µg/m³  50
    Prozent"); a symbol of a font whose characters are not known (Wingdings 3, MT Extra) is left
    out, and the record's warnings now say so, naming the file; Symbol's bullet and Wingdings'
    ornaments stay out silently."""
    from pipeline.docx import _symbol
    from pipeline.ingest import read_path
    from repo_data import news_row

    row = news_row("wikinews_de.jsonl.gz", "id", "wn75087")
    paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
    sentences = paras[0].split(". ")
    sym = lambda font, char: f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'
    body = [
        _para(sym("Symbol", "F0B7"), _run(" " + sentences[0] + ". "), sym("Symbol", "F0DE"), _run(" " + sentences[1] + ".")),
        _para(_run("Messwerte: "), sym("Symbol", "F07E"), _run("40 bis 60 µg/m³, "), sym("Symbol", "E5"), _run(" über alle Städte.")),
        _para(sym("Wingdings 3", "F0C6"), _run(" " + paras[1])),
        _para(sym("Wingdings", "F0E8"), _run(" " + paras[2]), sym("MT Extra", "F06C")),
    ]
    path = tmp_path / "grenzwerte.docx"
    path.write_bytes(_word_file(body))
    (rec,) = read_path(path, tmp_path)
    assert rec.text.split("\n\n") == [" " + sentences[0] + ". ⇒ " + sentences[1] + ".", "Messwerte: ∼40 bis 60 µg/m³, ∑ über alle Städte.",
                                      " " + paras[1], " " + paras[2]]
    (warning,) = rec.warnings
    assert warning.startswith(f"docx: {path}: 2 symbol(s)") and "Wingdings 3 F0C6" in warning and "MT Extra F06C" in warning
    assert [_symbol("Symbol", c) for c in ("F0B6", "F0B5", "F0DB", "F0C6", "F0CE")] == ["∂", "∝", "⇔", "∅", "∈"]
    # a font of Unicode's codes: the code is the character's
    assert [_symbol("Cambria Math", "2211"), _symbol("Arial", "20AC"), _symbol("Wingdings 2", "F050")] == ["∑", "€", ""]


def test_a_paragraph_mark_deleted_with_tracked_changes_joins_the_next_paragraph():
    """An editor who joins two paragraphs with tracked changes on deletes the first one's mark
    (w:pPr/w:rPr/w:del): with the changes accepted, as the text is read, it is one paragraph. It was
    read as two blocks, which the cleaner never joins: a sentence cut in two paragraphs."""
    from docx.oxml import parse_xml

    from pipeline.docx import extract

    paras = seed_paragraphs()
    cut = paras[3].index(" teilte ")
    d = docx.Document()
    d.add_paragraph(paras[2])
    first = d.add_paragraph(paras[3][:cut])
    first._p.insert(0, parse_xml(f'<w:pPr {W}><w:rPr><w:del w:id="7" w:author="Lektor" w:date="2022-01-06T10:00:00Z"/></w:rPr></w:pPr>'))
    d.add_paragraph(paras[3][cut:])
    d.add_paragraph(paras[4])
    # a joined paragraph before a table: its text stays a block of its own
    last = d.add_paragraph(paras[5])
    last._p.insert(0, parse_xml(f'<w:pPr {W}><w:rPr><w:del w:id="8" w:author="Lektor" w:date="2022-01-06T10:00:00Z"/></w:rPr></w:pPr>'))
    d.add_table(rows=1, cols=2).rows[0].cells[0].text = "Gründung"
    text, _ = extract(_save(d))
    assert text.split("\n\n") == [paras[2], paras[3], paras[4], paras[5], "Gründung"]


def test_a_word_file_cut_off_is_called_damaged_not_no_word_document(tmp_path):
    """The seed as a Word file whose copy or download stopped halfway (the ZIP's first bytes there,
    its end with the central directory missing) was "not a Word document (no ZIP package: File is
    not a zip file; first bytes b'PK\\x03\\x04...')": a ZIP's own first bytes named as proof that it
    is none. README "Word inputs": a damaged one is `unreadable`; the message says it is damaged."""
    from pipeline.ingest import read_path

    whole = tmp_path / "ganz.docx"
    write_docx(whole, seed_paragraphs())
    path = tmp_path / "abgebrochen.docx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    (err,) = read_path(path, tmp_path)
    assert err.kind == "unreadable"
    assert err.message.startswith(f"{path}: ")
    assert "damaged" in err.message and "cut off" in err.message and "not a Word document" not in err.message


M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def _mr(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def _script(kind: str, base: str, script: str) -> str:  # m:sSup / m:sSub: base and super-/subscript
    part = "sup" if kind == "sSup" else "sub"
    return f"<m:{kind}><m:{kind}Pr><m:ctrlPr/></m:{kind}Pr><m:e>{_mr(base)}</m:e><m:{part}>{_mr(script)}</m:{part}></m:{kind}>"


def _math(*parts: str, para: bool = False) -> str:
    math = f"<m:oMath {M}>" + "".join(parts) + "</m:oMath>"
    return f"<m:oMathPara {M}>" + math.replace(f" {M}", "", 1) + "</m:oMathPara>" if para else math


def test_an_equation_is_read_as_linear_text():
    """A Word equation (Office Math, `m:oMath` / `m:oMathPara`: Insert > Equation, "CO₂" typed in
    it) was left out without a word: "Die Energie für Wasserstoffautos soll so -neutral produziert
    werden." Its runs are read in order; a super-/subscript of digits and signs as Unicode's
    characters ("CO₂", "m²"), else after "^" / "_" ("x^n"); a fraction as "a/b"."""
    from pipeline.docx import extract
    from repo_data import news_row

    text = news_row("wikinews_de.jsonl.gz", "id", "wn51339")["text"].strip()  # Total und Enertrag: "CO2-neutral"
    assert text.count("CO2") == 1
    before, after = text.split("CO2")
    co2 = _math(_script("sSub", "CO", "2"))
    # the electrolysis as a display equation of its own: 2H₂O → 2H₂ + O₂ (Word writes no spaces)
    h2o = _math(_mr("2"), _script("sSub", "H", "2"), _mr("O→2"), _script("sSub", "H", "2"), _mr("+"), _script("sSub", "O", "2"), para=True)
    frac = _math(_mr("η="), f"<m:f><m:num>{_mr('E')}</m:num><m:den>{_mr('a+b')}</m:den></m:f>", _mr(", "),
                 _script("sSup", "x", "n"), _mr(", "), _script("sSup", "e", "iπ"), _mr(", "), _script("sSup", "m", "−3"))
    raw, meta = extract(_word_file([_para(_run(before), co2, _run(after)), "<w:p>" + h2o + "</w:p>", _para(_run("Formeln: "), frac)]))
    assert raw.split("\n\n") == [before + "CO₂" + after, "2H₂O→2H₂+O₂", "Formeln: η=E/(a+b), x^n, e^(iπ), m⁻³"]
    assert "warnings" not in meta


def test_an_equation_without_a_linear_form_is_its_plain_text_with_a_warning(tmp_path):
    """A root or a sum (`m:rad`, `m:nary`) has no sensible linear form here: its characters are
    kept in order, and the record says once, naming the file, that an equation was read as plain text."""
    from pipeline.ingest import read_path
    from repo_data import news_row

    text = news_row("wikinews_de.jsonl.gz", "id", "wn51339")["text"].strip()
    before, after = text.split("CO2")
    root = _math(_mr("U="), "<m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e>" + _mr("P·R") + "</m:e></m:rad>")
    total = _math("<m:nary><m:naryPr><m:chr m:val=\"∑\"/></m:naryPr><m:sub>" + _mr("i=1") + "</m:sub><m:sup>" + _mr("n")
                  + "</m:sup><m:e>" + _mr("i") + "</m:e></m:nary>")
    path = tmp_path / "wasserstoff.docx"
    path.write_bytes(_word_file([_para(_run(before + "CO2" + after)), _para(_run("Spannung: "), root, _run(", Summe: "), total)]))
    (doc,) = list(read_path(path, tmp_path))
    assert doc.text.split("\n\n") == [text, "Spannung: U=P·R, Summe: i=1ni"]
    assert len(doc.warnings) == 1
    assert str(path.name) in doc.warnings[0] and "an equation read as plain text" in doc.warnings[0]


def test_symbol_codes_typed_in_another_font_are_left_out_and_named(tmp_path):
    """A symbol font's character typed as text is written as its private-use code (F000 + code);
    in a run of a font whose characters are not known here (Wingdings 3, or a text font after a
    copy lost the symbol font) it was kept: "Kasachstan\\uf0a7Russland", "\\uf0e0 Tokajew" stood in
    the clean text, the entities' context and every export. Now left out, the record's warnings
    naming the file, the font and the code, as for an inserted symbol of such a font."""
    from pipeline.ingest import read_path

    paras = seed_paragraphs()
    body = [
        _para(_run(paras[0])),
        _para(_run("\uf0e0", '<w:rPr><w:rFonts w:ascii="Wingdings 3" w:hAnsi="Wingdings 3"/></w:rPr>'), _run(" " + paras[1])),
        _para(_run("\uf0b7\t" + paras[2])),  # a bullet pasted from a PDF: its font lost
        _para(_run(paras[3] + " \u00b0 \u2713 \ue000")),  # real characters and other private-use codes stay
        _para(_run("Kasachstan\uf0a7Russland")),  # between two words: they stay apart
    ]
    path = tmp_path / "kasachstan.docx"
    path.write_bytes(_word_file(body))
    (rec,) = read_path(path, tmp_path)
    assert rec.text.split("\n\n") == [paras[0], " " + paras[1], "\t" + paras[2], paras[3] + " \u00b0 \u2713 \ue000",
                                      "Kasachstan Russland"]
    (warning,) = rec.warnings
    assert warning.startswith(f"docx: {path}: 3 symbol(s)") and "Wingdings 3 F0E0" in warning and "? F0B7" in warning


def test_ruby_text_is_left_out_and_the_base_text_kept():
    """A name with a reading aid above it (Word's Phonetic Guide: w:ruby, its text in w:rt, the
    word in w:rubyBase) was read as both run together ('TokájewTokajew'); Word's own plain-text
    export keeps the base text only."""
    from pipeline.docx import extract

    paras = seed_paragraphs()
    name = "Kassym-Jomart Tokajew"
    i = paras[2].index(name)
    ruby = ('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/><w:hpsRaise w:val="18"/>'
            '<w:hpsBaseText w:val="20"/><w:lid w:val="de-DE"/></w:rubyPr>'
            '<w:rt><w:r><w:t>Kassym-Schomart Tokájew</w:t></w:r></w:rt>'
            f'<w:rubyBase><w:r><w:t>{name}</w:t></w:r></w:rubyBase></w:ruby></w:r>')
    text, _ = extract(_word_file([_para(_run(paras[2][:i]), ruby, _run(paras[2][i + len(name):])), _para(_run(paras[3]))]))
    assert text.split("\n\n") == [paras[2], paras[3]]


def test_a_page_or_column_break_inside_a_paragraph_is_no_paragraph_end():
    """A page break (Ctrl+Enter) or a column break inside a running sentence split it into two
    blocks, which the cleaner never joins; the page break Word remembers from its last layout
    (w:lastRenderedPageBreak) is no break at all. A manual line break (Shift+Enter) still parts two lines."""
    from pipeline.docx import extract

    paras = seed_paragraphs()
    p2, p3, p4 = paras[2], paras[3], paras[4]
    cut2, cut3, cut4 = p2.index(" hielt,"), p3.index(" teilte "), p4.index("Kreml")
    br = lambda kind: f'<w:r><w:br w:type="{kind}"/></w:r>'
    body = [
        _para(_run(p2[:cut2]), br("page"), _run(p2[cut2:])),  # next to a space: nothing
        _para(_run(p3[:cut3]), br("column"), _run(p3[cut3 + 1:])),  # between two words: a space
        _para(_run(p4[:cut4]), '<w:r><w:lastRenderedPageBreak/></w:r>', _run(p4[cut4:])),
        _para(_run("Kasachstan"), '<w:r><w:br/></w:r>', _run("Politik")),
        _para(br("page")),
        _para(_run(paras[5])),
    ]
    text, _ = extract(_word_file(body))
    assert text.split("\n\n") == [p2, p3, p4, "Kasachstan", "Politik", paras[5]]


def _rezip(src: Path, replace: dict[str, bytes]) -> bytes:
    """The Word file `src` with the parts in `replace` put in (added or replacing), deflated."""
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in z.infolist():
            if item.filename not in replace:
                dst.writestr(item.filename, z.read(item))
        for name, blob in replace.items():
            dst.writestr(name, blob)
    return out.getvalue()


def test_a_zip_bomb_docx_is_refused_from_its_xml_and_media_are_never_unpacked(tmp_path):
    """A .docx of under 1 MB whose document.xml unpacks to more than 50 MB (the seed's paragraphs
    repeated): under the old limit (1 GB for all parts) python-docx unpacked and parsed it all (200 MB:
    53 s, 1.47 GB) before the text limit refused it. Now the XML parts are unpacked streaming and
    counted, and the file is `too_large` once they pass `MAX_XML_BYTES`, before any XML is parsed. A
    photo is never unpacked (python-docx gets it empty): a large one does not count, and the seed's
    text still reads, as it reads without it."""
    from pipeline import docx as pdocx
    from pipeline.errors import DocxUnreadable

    write_docx(tmp_path / "seed.docx", seed_paragraphs())
    plain_text, _ = pdocx.extract((tmp_path / "seed.docx").read_bytes())
    with zipfile.ZipFile(tmp_path / "seed.docx") as z:
        xml = z.read("word/document.xml")
    start, end = xml.index(b"<w:body>") + len(b"<w:body>"), xml.index(b"<w:sectPr")
    body = xml[start:end]
    bomb_xml = xml[:start] + body * (60_000_000 // len(body) + 1) + xml[end:]  # 60 MB
    bomb = _rezip(tmp_path / "seed.docx", {"word/document.xml": bomb_xml})
    assert len(bomb) < 2_000_000 and len(bomb_xml) > 60_000_000
    with pytest.raises(DocxUnreadable) as e:
        pdocx.extract(bomb)
    assert e.value.kind == "too_large" and "ZIP bomb" in e.value.reason, e.value.reason
    # the bomb in a member named "mimetype" (the test for an .odt renamed .docx read it whole before the limit)
    read = []
    real_open = zipfile.ZipExtFile.read
    try:
        zipfile.ZipExtFile.read = lambda self, n=-1: read.append((self.name, n)) or real_open(self, n)
        with pytest.raises(DocxUnreadable) as e:
            pdocx.extract(_rezip(tmp_path / "seed.docx", {"mimetype": b"x" * 60_000_000}))
    finally:
        zipfile.ZipExtFile.read = real_open
    assert e.value.kind == "too_large" and ("mimetype", -1) not in read, read
    # a photo of 60 MB (zeros), referenced by the document: not unpacked, not counted; the text is the seed's
    with zipfile.ZipFile(tmp_path / "seed.docx") as z:
        rels, types = z.read("word/_rels/document.xml.rels"), z.read("[Content_Types].xml")
    rel = (b'<Relationship Id="rIdPhoto" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
           b'Target="media/image1.png"/>')
    png = b'<Override PartName="/word/media/image1.png" ContentType="image/png"/>'
    photo = _rezip(tmp_path / "seed.docx", {"word/_rels/document.xml.rels": rels.replace(b"</Relationships>", rel + b"</Relationships>"),
                                            "[Content_Types].xml": types.replace(b"</Types>", png + b"</Types>"),
                                            "word/media/image1.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 60_000_000})
    text, meta = pdocx.extract(photo)
    assert text == plain_text and meta["title"] == seed_paragraphs()[0]
