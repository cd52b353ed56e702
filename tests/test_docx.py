""".docx inputs (`pipeline/docx.py`): a seed article written as a Word file (python-docx: a
Title, a Heading 2 over a table, a comment, a tracked change, a page header and footer) comes out
of `presseschau run` as the text of its body, with the map into the extracted raw text; Word
files that cannot be read are errors naming the file, and the run goes on."""
from __future__ import annotations

import datetime as dt
import json
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
    (folder / "alt2.doc").write_bytes(ole)  # an old .doc under its own name: passed over with a word
    summary, records, info, notices = run_folder(folder, tmp_path / "out", nlp_info)
    assert list(records) == ["gut"]
    errors = {Path(e["path"]).name: e for e in info["errors"]}
    assert set(errors) == {"kaputt.docx", "alt.docx", "passwort.docx", "tabelle.docx", "archiv.docx", "leer.docx"}
    for name, e in errors.items():
        assert e["message"].startswith(str(folder / name) + ": ")
        assert "Traceback" not in e["message"]
    assert errors["alt.docx"]["kind"] == "unsupported" and "save it as .docx" in errors["alt.docx"]["message"]
    assert errors["passwort.docx"]["kind"] == "unreadable" and "password" in errors["passwort.docx"]["message"]
    assert errors["tabelle.docx"]["kind"] == "unreadable" and "spreadsheetml" in errors["tabelle.docx"]["message"]
    assert errors["kaputt.docx"]["kind"] == errors["archiv.docx"]["kind"] == "unreadable"
    assert all("not a Word document" in errors[n]["message"] for n in ("kaputt.docx", "tabelle.docx", "archiv.docx"))
    assert errors["leer.docx"]["kind"] == "empty"
    assert any(".doc 1" in n and "save it as .docx" in n for n in notices + info.get("notices", []))


def test_an_old_doc_given_by_name_says_to_save_it_as_docx(tmp_path):
    from pipeline.ingest import discover

    doc = tmp_path / "manuskript.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    found, errors = discover([doc])
    assert found == [] and len(errors) == 1
    assert errors[0].kind == "unsupported"
    assert errors[0].message.startswith(f"{doc}: ") and "save it as .docx" in errors[0].message


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
