"""PDF inputs (`pipeline/pdf.py`): the seed articles typeset as PDFs (fpdf2, full-width pages
with a running header, as archive exports and printed web pages are set) come out of
`presseschau run` as the same clean text as their text files; PDFs that cannot be read are
errors naming the file, and the run goes on."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from repo_data import CORPUS, NEWS

fpdf = pytest.importorskip("fpdf")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from clean_bench.pdf_pages import HEADER, typeset  # noqa: E402


def run_folder(folder: Path, out: Path, nlp_info):
    from pipeline.run import RunOptions, run

    summary = run(RunOptions(paths=[folder], out=out, progress=False), nlp_info)
    records = {json.loads(l)["id"]: json.loads(l) for l in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    return summary, records, json.loads((out / "run.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_texts(seed_run):
    """The clean text of each seed, as the pipeline makes it from its text file."""
    return {r["id"]: r for r in seed_run[2]}


def test_a_seed_set_as_a_pdf_gives_the_clean_text_of_its_text_file(tmp_path, seed_texts, nlp_info):
    seed = seed_texts["001_660f1e0e655a289c"]  # FAZ, 10,121 characters: three pages at 10 pt
    folder = tmp_path / "in"
    folder.mkdir()
    typeset(seed["text"], folder / "kasachstan.pdf")
    _, records, info = run_folder(folder, tmp_path / "out", nlp_info)
    rec = records["kasachstan"]
    assert not info["errors"]
    assert rec["text"] == seed["text"]
    assert rec["source"]["extracted_with"].startswith("pdfminer.six ")
    assert rec["source"]["encoding"] == "pdf"
    # the running header of every page is logged, and the raw map leads into pdfminer's text
    headers = [r for r in rec["removed"] if r["kind"] == "running_header"]
    assert len(headers) >= 3 and all(r["text"] == HEADER for r in headers)
    from pipeline.pdf import extract

    raw, meta = extract((folder / "kasachstan.pdf").read_bytes())
    assert meta["pages"] == len(headers)
    for e in rec["entities"]:
        assert raw[e["raw_start"]:e["raw_end"]].split() == e["text"].split()
    from pipeline.record import validate_record

    assert validate_record(rec) == []
    # the same names as from the text file
    names = lambda r: Counter((e["text"], e["label"]) for e in r["entities"] if e["label"] in ("PER", "ORG", "LOC"))
    assert names(rec) == names(seed)


@pytest.mark.parametrize("sid,size", [("001_660f1e0e655a289c", 9), ("001_660f1e0e655a289c", 11), ("004_fa3f6e095796322b", 9)])
def test_a_justified_pdf_keeps_the_word_order_of_its_lines(tmp_path, sid, size):
    """A seed set justified (fpdf2 widens the word spaces with the PDF's word spacing, `Tw`)
    gives the clean text of its text file. pdfminer cut a justified line where the widened space
    stood next to narrow letters (" Im", " I") and read the pieces out of order: "... und auch der
    Flughafen von Internet wurden Videos verbreitet, die zeigen sollten, wie kasachische
    Aufrührern gestürmt worden." with "Im" a paragraph of its own, and a break in the middle of
    the paragraph (bench/bench_pdf.py: 12 of 15 justified PDFs)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    raw, meta = extract(typeset(seed, tmp_path / f"{sid}.pdf", size=size, align="J").read_bytes())
    assert clean_input(raw, meta).text == seed


@pytest.mark.skipif(__import__("shutil").which("pdflatex") is None, reason="needs pdflatex (TeX Live) with pdfpages")
@pytest.mark.parametrize("align", ["L", "J"])
def test_pages_placed_whole_in_a_pdf_keep_their_line_ends_and_order(tmp_path, align):
    """A PDF whose pages are placed whole as Form XObjects (pdfpages' \\includepdf, pdfjam: an
    archive put together from the pages of others) reads as the pages themselves: pdfminer gave
    a figure's characters one after the other, without the line ends between its lines ("zum
    zweiten Malinnerhalb weniger Stunden", "von„Terroristen“"), and the cleaner could neither
    find the running header nor a paragraph."""
    import subprocess

    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    sid = "001_660f1e0e655a289c"
    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    typeset(seed, tmp_path / "page.pdf", size=10, align=align)
    (tmp_path / "placed.tex").write_text("\\documentclass{article}\\usepackage{pdfpages}\\begin{document}"
                                         "\\includepdf[pages=-]{page.pdf}\\end{document}\n")
    subprocess.run(["pdflatex", "-interaction=batchmode", "placed.tex"], cwd=tmp_path, check=True, capture_output=True,
                   timeout=120)
    raw, meta = extract((tmp_path / "placed.pdf").read_bytes())
    assert raw == extract((tmp_path / "page.pdf").read_bytes())[0]
    assert clean_input(raw, meta).text == seed


def test_the_author_of_a_pdf_saved_from_word_is_read_as_the_word_file_s(tmp_path):
    """A PDF saved from Word carries the document's author property: "Nachname, Vorname" is one
    person, as in the Word file (`tests/test_docx.py`), and an account's name ("Microsoft Office
    User", "Administrator") is no author. Before: ["Schmidt", "Friedrich"], ["Microsoft Office User"]."""
    from pipeline.pdf import extract

    seed = (CORPUS / "001_660f1e0e655a289c.txt").read_text(encoding="utf-8")

    def authors(author: str):
        pdf = fpdf.FPDF()
        pdf.core_fonts_encoding = "windows-1252"
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        pdf.set_author(author)
        pdf.multi_cell(0, 5, seed.splitlines()[2])
        return extract(bytes(pdf.output()))[1].get("authors")

    assert authors("Schmidt, Friedrich") == ["Friedrich Schmidt"]
    for two in ("Friedrich Schmidt; Anna Müller-Lüdenscheidt", "Friedrich Schmidt, Anna Müller-Lüdenscheidt",
                "Schmidt, Friedrich; Müller-Lüdenscheidt, Anna", "Friedrich Schmidt und Anna Müller-Lüdenscheidt"):
        assert authors(two) == ["Friedrich Schmidt", "Anna Müller-Lüdenscheidt"]
    assert authors("Microsoft Office User") is None and authors("Administrator") is None
    assert authors("Redaktion") is None and authors("Newsdesk") is None  # a desk: the web reader's list too


@pytest.mark.parametrize("align", ["L", "J"])
def test_a_full_width_first_line_that_ends_a_sentence_and_opens_the_next_is_no_title(tmp_path, align):
    """Seed 004 starts with its body; set full width at 11 pt its first line, of the body's
    measure with the next line of its paragraph right under it, ends a sentence and stops in the
    next ("Lange schien die Verbundenheit der zwei Staaten unverrückbar. Doch seit Russlands" /
    "Angriffskrieg gegen die Ukraine ..."). It was read as the title, and the paragraph cut in two
    after it. (Seed 000's "... was nun folgt: Die Führung des" at 9 and 10 pt ends as a headline
    may: the layout tells it, `test_a_first_line_set_as_the_body_and_running_on_into_the_next_is_no_title`.)"""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    sid, size = "004_fa3f6e095796322b", 11
    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    raw, meta = extract(typeset(seed, tmp_path / f"{sid}.pdf", size=size, align=align).read_bytes())
    first = next(l for l in raw.splitlines()[1:] if l.strip()).strip()  # under the running header
    assert seed.startswith(first + " ")  # a line of the first paragraph, which goes on after it
    got = clean_input(raw, meta)
    assert got.text == seed
    assert got.meta.title is None or got.meta.title not in first


@pytest.mark.parametrize("size,align", [(9, "L"), (10, "L"), (9, "J"), (10, "J")])
def test_a_first_line_set_as_the_body_and_running_on_into_the_next_is_no_title(tmp_path, size, align):
    """Seed 000 starts with its body; set full width at 9 and 10 pt its first line ends in a
    colon's clause and a function word ("So überraschend die Proteste ... was nun folgt: Die
    Führung des" / "Landes hat den Nachbarn ..."), as a headline may ("Papua-Neuguinea: Untergang
    einer Fähre"). The layout shows it is body text: set in the body's font and size, in the body's
    box, and the next line's first word would not have fit on it (`extract`'s meta `runs_on`). It
    was read as the title and the paragraph cut in two after it (bench_pdf.py's 4 extra breaks)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    sid = "000_983499c68f515bd7"
    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    raw, meta = extract(typeset(seed, tmp_path / f"{sid}.pdf", size=size, align=align).read_bytes())
    first = next(l for l in raw.splitlines()[1:] if l.strip()).strip()  # under the running header
    assert first.endswith((" des", " Die")) and seed.startswith(first + " ")
    got = clean_input(raw, meta)
    assert got.meta.title is None
    assert got.text == seed
    assert raw.index(first) in meta["runs_on"]


#: the seeds' headlines in full, set in two lines, the second going on the first's sentence
#: (lowercase: "den eigenen ..."; or a noun: "Reservisten aus"), and the first line's text
_TWO_LINE_HEADS = {"002_952582db0378b41f": ("Wie Putin mit seinem Eingreifen den eigenen Sowjet-Traum zerstört",
                                            "Wie Putin mit seinem Eingreifen"),
                   "004_fa3f6e095796322b": ("Kasachstan weist keine russischen Reservisten aus", "Kasachstan weist keine russischen")}


@pytest.mark.parametrize("sid", list(_TWO_LINE_HEADS))
@pytest.mark.parametrize("size,pt", [(9, 16), (11, 20)])
def test_a_headline_set_in_two_lines_is_one_title_and_one_paragraph(tmp_path, sid, size, pt):
    """A PDF set in one column under a headline in bold, larger than the body and broken into two
    lines ("Wie Putin mit seinem Eingreifen" / "den eigenen Sowjet-Traum zerstört"; "Kasachstan weist
    keine russischen" / "Reservisten aus"): the headline is the title whole and one paragraph, and
    the body's paragraphs follow as set. Before, the title was its first line alone and the
    second line a paragraph of its own (`--pdf-articles` joined them; `extract` did not)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract
    from pipeline.record import merge_meta

    head, first = _TWO_LINE_HEADS[sid]
    body = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n")[1:6]
    width = fpdf.FPDF()
    width.set_font("Helvetica", "B", pt)
    pdf = typeset("\n\n".join([head] + body), tmp_path / f"{sid}.pdf", size=size, headline_pt=pt,
                  headline_width=width.get_string_width(first) + 2)
    from pdfminer.high_level import extract_text

    assert first in extract_text(str(pdf)).splitlines()  # set in two lines: the first line's text alone on its line
    raw, meta = extract(pdf.read_bytes())
    got = clean_input(raw, meta)
    assert merge_meta(got, meta)["title"] == head  # the record's title (the cleaner's, else the layout's)
    assert got.text == "\n\n".join([head] + body)


@pytest.mark.parametrize("sid,head", [("002_952582db0378b41f", "Wie Putin seinen Sowjet-Traum zerstört"),
                                      ("004_fa3f6e095796322b", "Kasachstan weist keine Reservisten aus")])
def test_a_headline_in_the_body_s_box_is_one_title_and_one_paragraph(tmp_path, sid, head):
    """A headline set bold at twice the body size (11 pt) in a measure of 70 mm, three lines, close
    above the body, so that pdfminer puts its lines in the box of the body's first paragraph: the
    headline is one paragraph and the title, the body as set. Before, its lines were read as lines
    of the body's box, and the cleaner took the first ("Wie Putin seinen") for the title and the
    rest for a paragraph ("Sowjet-Traum zerstört")."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract
    from pipeline.record import merge_meta

    paras = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n")
    body = paras[1:6] if paras[0] == head else paras[:5]
    pdf = typeset("\n\n".join([head] + body), tmp_path / f"{sid}.pdf", size=11, headline_pt=22, headline_width=70)
    raw, meta = extract(pdf.read_bytes())
    got = clean_input(raw, meta)
    assert merge_meta(got, meta)["title"] == head
    assert got.text == "\n\n".join([head] + body)


@pytest.mark.parametrize("align", ["L", "J"])
def test_a_pdf_in_one_column_with_crossheads_keeps_its_layout_paragraphs(tmp_path, align):
    """Seed 001 set in one column at 9 pt, its subheadings ("Das ODKB soll Bedrohungen von außen abwenden",
    "Ende der Distanz zu Russland?") set as crossheads in bold: each is a paragraph of its own,
    and the paragraph breaks are read from the layout (`meta` `blank_breaks`), as in any PDF set in
    one column. Before, a crosshead ending left of where the running header (set centred, not set
    aside as furniture where it stands close above the text) starts counted as a second column
    beside it: the PDF was taken for one of several columns and its paragraph breaks guessed."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    seed = clean((CORPUS / "001_660f1e0e655a289c.txt").read_text(encoding="utf-8")).text
    crossheads = {p for p in seed.split("\n\n")[1:] if len(p) < 60}
    assert len(crossheads) == 2
    raw, meta = extract(typeset(seed, tmp_path / "seite.pdf", size=9, align=align, crossheads=crossheads).read_bytes())
    assert meta.get("blank_breaks") is True
    got = clean_input(raw, meta).text
    assert got == seed


@pytest.mark.parametrize("align", ["L", "J"])
def test_a_paragraph_going_on_over_a_page_break_after_a_sentence_s_end_is_one_paragraph(tmp_path, align):
    """Seed 001 set in one column at 10 pt, its subheadings as crossheads (bold, 12 pt): page 2
    ends inside the paragraph "Wie andere von Moskau dominierte Organisationen ..." after a
    sentence ("... militärisch mit Armenien verbunden."), and page 3 goes on with its next
    ("Doch Russland half auch Aserbaidschan ..."). The last line of page 2 is full (the next
    word would not have fit on it) and the first of page 3 not set in: one paragraph (`extract`'s
    meta `runs_over`). Before, the page break was a paragraph break there."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    seed = clean((CORPUS / "001_660f1e0e655a289c.txt").read_text(encoding="utf-8")).text
    crossheads = {p for p in seed.split("\n\n")[1:] if len(p) < 60}
    raw, meta = extract(typeset(seed, tmp_path / "seite.pdf", size=10, align=align, crossheads=crossheads,
                                crosshead_pt=12).read_bytes())
    page3 = raw.split("\f")[2]
    assert "verbunden.\n" in raw.split("\f")[1] and "Doch Russland half auch Aserbaidschan" in page3.split("\n\n")[1]
    assert clean_input(raw, meta).text == seed


def _head_on_body(head: str, style: str, paragraphs: list[str]) -> bytes:
    """A PDF of `head` set at the body's size (10 pt Helvetica, `style` "B" or "") right above
    `paragraphs`, no white between them (pdfminer puts them in one box)."""
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", style=style, size=10)
    pdf.multi_cell(0, 5, head)
    pdf.ln(0)
    pdf.set_font("Helvetica", size=10)
    for para in paragraphs:
        pdf.multi_cell(0, 5, para)
        pdf.ln(2)
    return bytes(pdf.output())


@pytest.mark.parametrize("style", ["B", ""])
def test_a_title_set_right_above_the_body_in_bold_or_short_of_the_measure_is_still_the_title(tmp_path, style):
    """Seed 000's headline set at the body's size right above its text, no white between
    (pdfminer puts it in the body's box): in bold, or in the body's font but short of the
    measure (the next line's first word would have fit on it), it does not run on as the body
    does, and stays the title and a paragraph of its own."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    seed = clean((CORPUS / "000_983499c68f515bd7.txt").read_text(encoding="utf-8")).text
    line, paragraphs = "Hilfe mit Hintersinn", seed.split("\n\n")[:3]
    raw, meta = extract(_head_on_body(line, style, paragraphs))
    assert raw.startswith(line + "\n")
    got = clean_input(raw, meta)
    assert got.meta.title == line
    assert got.text == "\n\n".join([line] + paragraphs)


def test_a_bold_headline_at_the_body_size_right_above_the_body_is_a_paragraph_of_its_own(tmp_path):
    """A headline set in bold at the body's size over two lines, the body right under it with no
    white between (pdfminer puts them in one box), as a press release or a document saved from a
    word processor may set it: its last line does not end a sentence, so the layout read no
    paragraph break there and the cleaner glued it to the body's first paragraph ("... das
    taumelnde Regime zu stützen So überraschend die Proteste ..."). A line set wholly in another
    font than the line before starts a paragraph (`pdf._font_change`); a word in bold inside a
    line changes nothing."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    seed = clean((CORPUS / "000_983499c68f515bd7.txt").read_text(encoding="utf-8")).text
    head = "Hilfe mit Hintersinn: Russland schickt Soldaten nach Kasachstan, um das taumelnde Regime zu stützen"
    paragraphs = seed.split("\n\n")[:3]
    raw, meta = extract(_head_on_body(head, "B", paragraphs))
    assert len(raw.split(paragraphs[0][:20])[0].strip().splitlines()) == 2  # the headline's two lines
    got = clean_input(raw, meta).text
    assert got.split("\n\n")[0] == head
    assert got.split("\n\n")[1:] == paragraphs


@pytest.mark.parametrize("align", ["L", "J"])
def test_a_short_line_before_a_long_quoted_word_that_would_not_fit_on_it_is_no_paragraph_end(tmp_path, align):
    """Seed 002 set full width at 11 pt: "Autonomie lassen, diese Grundannahme galt seit Ende der
    Sowjetunion." (76 % of the measure, a sentence's end) is wrapped before "„Multivektor-
    Außenpolitik“ heißt das offiziell.": the quoted word would not have fit on it, and no white
    or indent stands above it. The paragraph breaks are read from the layout (`extract` sets
    `blank_breaks`), not guessed from the short line's sentence end (a break before, bench_pdf.py's
    2 extra breaks at 11 pt)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    sid = "002_952582db0378b41f"
    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    raw, meta = extract(typeset(seed, tmp_path / f"{sid}.pdf", size=11, align=align).read_bytes())
    assert "Sowjetunion.\n„Multivektor-Außenpolitik“" in raw
    assert clean_input(raw, meta).text == seed


@pytest.mark.parametrize("align", ["L", "J"])
def test_a_sentence_going_on_over_a_page_break_with_a_quotation_is_one_paragraph(tmp_path, align):
    """Seed 003 set at 10 pt: page 1 ends in a full line in the middle of a sentence ("... dass
    die geringe Bevölkerungszahl Russlands ein") and page 2 goes on after its running header with
    a quotation ("\"geopolitisches Problem\" sei."). The page break is no paragraph break, as
    where the next page starts with a letter (before: the quotation was a paragraph of its own)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    sid = "003_402700ddbbeb6917"
    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    raw, meta = extract(typeset(seed, tmp_path / f"{sid}.pdf", size=10, align=align).read_bytes())
    assert '\x0c' in raw.split('"geopolitisches Problem" sei.')[0].rsplit("Russlands ein", 1)[1]  # over a page break
    got = clean_input(raw, meta).text
    assert 'Bevölkerungszahl Russlands ein "geopolitisches Problem" sei.' in got
    assert got == seed


@pytest.mark.parametrize("align", ["L", "J"])
def test_a_page_that_ends_after_a_function_word_runs_over_into_the_next(tmp_path, align):
    """Seed 004 set at 12 pt: page 1 ends in a line shorter than the measure, as the next word
    did not fit, after an article ("... nachdem Russland gemeinsam mit Belarus und Kasachstan
    das"), and page 2 goes on "Gründungsabkommen der EAWU unterzeichnet hatte: ...". The page
    break is no paragraph break (before: only a line of 90 % of the measure ran over a page)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract

    sid = "004_fa3f6e095796322b"
    seed = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text
    raw, meta = extract(typeset(seed, tmp_path / f"{sid}.pdf", size=12, align=align).read_bytes())
    before, after = raw.split("Gründungsabkommen der EAWU", 1)
    assert "\x0c" in before.rsplit("Kasachstan das", 1)[1]  # over a page break
    got = clean_input(raw, meta).text
    assert "Belarus und Kasachstan das Gründungsabkommen der EAWU" in got
    assert got == seed


@pytest.mark.parametrize("size,align", [(9, "L"), (10, "J"), (11, "L")])
def test_every_seed_set_as_a_pdf_keeps_its_words_and_paragraphs(tmp_path, seed_texts, size, align):
    """Full-width lines of 88-116 characters: the cleaner reads them as lines of a column
    (before: over 100 characters was one paragraph per line, so every line that began with a
    capital began a paragraph). Justified text (J) comes out of pdfminer with its extra word
    spaces; a page break inside a sentence is no paragraph break."""
    from pipeline.clean import clean
    from pipeline.pdf import extract

    for sid, seed in seed_texts.items():
        raw, _ = extract(typeset(seed["text"], tmp_path / f"{sid}.pdf", size=size, align=align).read_bytes())
        got = clean(raw)
        want, words = Counter(seed["text"].split()), Counter(got.text.split())
        header_words = Counter(HEADER.split())  # a one-page PDF's header is not a running header
        assert not (want - words), sid
        assert not (words - want - header_words), sid
        assert any(w.startswith("layout: wrapped lines") for w in got.warnings), sid
        paragraphs = seed["text"].count("\n\n")
        assert paragraphs <= got.text.count("\n\n") <= paragraphs + 4, sid


def test_pdfs_that_cannot_be_read_are_errors_naming_the_file_and_the_run_goes_on(tmp_path, seed_texts, nlp_info):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = seed_texts["004_fa3f6e095796322b"]
    typeset(seed["text"], folder / "good.pdf")
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    (folder / "text.pdf").write_text("Ein Text, der sich als PDF ausgibt.\n", encoding="utf-8")
    scan = fpdf.FPDF()  # a page with drawings only: what a scanner's PDF holds, no text layer
    scan.add_page()
    scan.rect(20, 20, 100, 150, style="F")
    scan.output(str(folder / "scan.pdf"))
    locked = fpdf.FPDF()
    locked.set_encryption(owner_password="owner", user_password="geheim")
    locked.core_fonts_encoding = "windows-1252"
    locked.add_page()
    locked.set_font("Helvetica", size=10)
    locked.multi_cell(0, 5, seed["text"][:500])
    locked.output(str(folder / "locked.pdf"))
    (folder / "plain.txt").write_text(seed["text"], encoding="utf-8")

    summary, records, info = run_folder(folder, tmp_path / "out", nlp_info)
    assert set(records) == {"good", "plain"}
    assert records["good"]["text"] == records["plain"]["text"] == seed["text"]
    errors = {Path(e["path"]).name: e for e in info["errors"]}
    assert set(errors) == {"damaged.pdf", "text.pdf", "scan.pdf", "locked.pdf"}
    assert errors["scan.pdf"]["kind"] == "empty" and "no text layer" in errors["scan.pdf"]["message"]
    assert "OCR" in errors["scan.pdf"]["message"]
    assert errors["locked.pdf"]["kind"] == "unreadable" and "password" in errors["locked.pdf"]["message"]
    assert "not a PDF file" in errors["text.pdf"]["message"]
    assert "not a readable PDF" in errors["damaged.pdf"]["message"]
    for name, e in errors.items():
        assert e["message"].startswith(str(folder / name))


def test_glyph_codes_without_a_unicode_map_are_an_encoding_error():
    """pdfminer writes "(cid:N)" for a glyph of a font without a ToUnicode map: such a text
    layer is no text (a real-world case of subset fonts in print PDFs)."""
    from pipeline.errors import ErrorKind, PdfUnreadable
    from pipeline.pdf import check_text_layer

    garbled = " ".join(f"(cid:{n})" for n in range(3, 60)) + " Seite 1"
    with pytest.raises(PdfUnreadable) as e:
        check_text_layer(garbled, 1)
    assert e.value.kind is ErrorKind.ENCODING
    check_text_layer("Kasachstan bittet um militärische Hilfe (cid:3)", 1)  # one stray code is no reason


def test_a_pdf_over_the_text_limit_is_refused_by_its_text(tmp_path, seed_texts):
    from pipeline.ingest import read_path

    pdf = typeset(seed_texts["001_660f1e0e655a289c"]["text"], tmp_path / "lang.pdf")
    (item,) = list(read_path(pdf, tmp_path, max_bytes=5_000))
    assert item.kind.value == "too_large" and "its text has" in item.message
    (item,) = list(read_path(pdf, tmp_path))
    assert item.id == "lang" and item.meta["pages"] == 3



def _counted_calls(monkeypatch, tmp_path, name: str):
    """`pipeline.pdf.<name>` patched to count its calls; the count is kept in a file, as the extraction runs
    in a worker process (`execute/inline.py`, `execute.local.extract_bounded`) that inherits the patch.
    Returns a function giving the count so far."""
    import pipeline.pdf

    log = tmp_path / "extract-calls"
    log.write_text("")
    real = getattr(pipeline.pdf, name)

    def counted(data):
        with open(log, "a") as fh:
            fh.write("x")
        return real(data)

    monkeypatch.setattr(pipeline.pdf, name, counted)
    return lambda: len(log.read_text())

def test_a_rerun_does_not_extract_an_unchanged_pdf_again(tmp_path, seed_texts, nlp_info, monkeypatch):
    """pdfminer takes about 0.1 s a page in the driver: a re-run over an archive of PDFs finds
    each unchanged file by its bytes' hash in the cache and never reads its text again; a
    changed file and --force are extracted."""
    from pipeline.run import RunOptions, run

    folder = tmp_path / "in"
    folder.mkdir()
    typeset(seed_texts["004_fa3f6e095796322b"]["text"], folder / "a.pdf")
    typeset(seed_texts["003_402700ddbbeb6917"]["text"], folder / "b.pdf")
    out = tmp_path / "out"
    counts = lambda **kw: run(RunOptions(paths=[folder], out=out, progress=False, **kw), nlp_info)["counts"]
    assert counts()["processed"] == 2
    before = (out / "articles.jsonl").read_bytes()

    calls = _counted_calls(monkeypatch, tmp_path, "extract")
    again = counts()
    assert (again["cached"], again["processed"], calls()) == (2, 0, 0)
    assert (out / "articles.jsonl").read_bytes() == before

    typeset(seed_texts["003_402700ddbbeb6917"]["text"], folder / "b.pdf", size=11)  # changed bytes
    changed = counts()
    assert (changed["cached"], changed["processed"], calls()) == (1, 1, 1)
    assert (counts(force=True)["processed"], calls()) == (2, 3)


def test_pdfs_and_web_pages_are_extracted_where_the_batch_is_processed(tmp_path, seed_texts, nlp_info):
    """`presseschau run` names a PDF or web page in the batch (`FileRef`) and the worker
    extracts it (`process_batch`), so that pdfminer and trafilatura do not run one after the
    other in the driver; a text file is read by the driver. An unreadable PDF is its own
    outcome, in the batch's order; a file changed since it was found is not processed."""
    from pipeline.errors import ArticleError, ErrorKind
    from pipeline.ingest import read_path
    from pipeline.process import Done, WorkSettings, process_batch
    from pipeline.schema import FileRef, RawDoc

    typeset(seed_texts["004_fa3f6e095796322b"]["text"], tmp_path / "a.pdf")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\ntrailer <<>>\n")
    html = sorted((NEWS / "html" / "pages").glob("*.html"))[0]
    (tmp_path / "c.html").write_bytes(html.read_bytes())
    (tmp_path / "d.txt").write_text(seed_texts["003_402700ddbbeb6917"]["text"], encoding="utf-8")
    items = [item for name in ("a.pdf", "b.pdf", "c.html", "d.txt") for item in read_path(tmp_path / name, tmp_path, defer=True)]
    assert [type(x) for x in items] == [FileRef, FileRef, FileRef, RawDoc]
    assert [x.id for x in items] == ["a", "b", "c", "d"]

    settings = WorkSettings(fingerprint="test", pipeline_info={})
    result = process_batch(nlp_info[0], items, settings)
    assert [doc_id for doc_id, _ in result.outcomes] == ["a", "b", "c", "d"]
    a, b, c, d = (outcome for _, outcome in result.outcomes)
    assert isinstance(a, Done) and json.loads(a.line)["text"] == seed_texts["004_fa3f6e095796322b"]["text"]
    assert isinstance(b, ArticleError) and b.kind is ErrorKind.UNREADABLE and "b.pdf" in b.message
    assert isinstance(c, Done) and json.loads(c.line)["source"]["extracted_with"].startswith("trafilatura")
    assert isinstance(d, Done) and result.timings["extract"] > 0

    typeset(seed_texts["004_fa3f6e095796322b"]["text"], tmp_path / "a.pdf", size=11)  # changed after it was found
    (changed,) = process_batch(nlp_info[0], items[:1], settings).outcomes
    assert isinstance(changed[1], ArticleError) and "changed since the run found it" in changed[1].message


@pytest.mark.parametrize("header,published,section", [
    ("DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 5", "2022-01-11", "POLITIK"),
    ("SEITE 5 · FEUILLETON · MONTAG, 3. MÄRZ 2025", "2025-03-03", "FEUILLETON"),
])
def test_a_running_header_in_capitals_gives_the_date_and_the_section(tmp_path, seed_texts, header, published, section):
    """E-paper pages carry the issue's date in the running header, often in capitals: the
    month is read in any case, and the weekday and the page label are no part of the section
    (cleaning.json `header_words`). Before: no date, and with it the section "DIENSTAG POLITIK
    SEITE"."""
    from pipeline.clean import clean
    from pipeline.pdf import extract

    seed = seed_texts["001_660f1e0e655a289c"]
    raw, _ = extract(typeset(seed["text"], tmp_path / "a.pdf", header=header).read_bytes())
    got = clean(raw)
    assert (got.meta.published, got.meta.section) == (published, section)
    assert got.text == seed["text"]
    assert [r.text for r in got.removed if r.kind == "running_header"] == [header] * 3


def _one_page(title, paragraphs, out: Path, size: int, align: str) -> Path:
    """A short page as a user saves one from an e-paper or a press release: no running
    header, a headline in a larger bold font (or none), 8 to 25 lines of body text."""
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    if title:
        pdf.set_font("Helvetica", style="B", size=16)
        pdf.multi_cell(0, 8, title)
        pdf.ln(3)
    pdf.set_font("Helvetica", size=size)
    for para in paragraphs:
        pdf.multi_cell(0, size * 0.5, para, align=align)
        pdf.ln(2)
    pdf.output(str(out))
    return out


def test_a_photo_credit_set_up_the_side_is_left_out_of_the_text_and_named_in_a_warning(tmp_path):
    """A photo credit set up the side of a photo (rotated by 90 degrees, as e-paper pages set them)
    is no part of the article's text: the page reads as its headline and paragraphs, and the
    record's warnings name the file and give the credit; with `--pdf-articles` it is page
    furniture. Before, pdfminer put each of its letters in a line of its own, read into the clean
    text as "a p d / v o k a y t e r T r i i m d a V l : o t o F"."""
    from pipeline.clean import clean, clean_input
    from pipeline.ingest import read_path

    paras = clean((CORPUS / "001_660f1e0e655a289c.txt").read_text(encoding="utf-8")).text.split("\n\n")
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, paras[0])
    pdf.ln(3)
    pdf.set_font("Helvetica", size=10)
    for para in paras[2:5]:
        pdf.multi_cell(0, 5, para)
        pdf.ln(2)
    pdf.set_font("Helvetica", size=6)
    with pdf.rotation(90, 194, 120):
        pdf.text(194, 120, "Foto: Vladimir Tretyakov/dpa")
    pdf.output(str(tmp_path / "seite.pdf"))
    want = "\n\n".join([paras[0]] + paras[2:5])
    (raw,) = read_path(tmp_path / "seite.pdf", tmp_path)
    assert clean_input(raw.text, raw.meta).text == want
    assert "Foto: Vladimir Tretyakov/dpa" in raw.warnings[0] and "seite.pdf" in raw.warnings[0]
    (art,) = read_path(tmp_path / "seite.pdf", tmp_path, pdf_articles=True)
    assert clean_input(art.text, art.meta).text == want
    assert "Foto: Vladimir Tretyakov/dpa" in art.warnings[0]


def test_a_short_one_page_pdf_without_a_running_header_is_joined_into_its_paragraphs(tmp_path, seed_texts, nlp_info):
    """The first page of a seed as fpdf2 sets it by default (justified, 10 pt, no header:
    17 lines, the article cut off at the page's end). Before, the cleaner saw too little
    line-shape evidence (4 short lines, pdfminer's doubled word spaces) and read the text as
    one paragraph per line ("... Integrität der" / "Staaten, ...") with the first line, cut
    mid-sentence, as the title. A PDF's text layer is set in lines (`pdf.extract` says so)."""
    raw_seed = (CORPUS / "004_fa3f6e095796322b.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    page = fpdf.FPDF()
    page.core_fonts_encoding = "windows-1252"
    page.add_page()
    page.set_font("Helvetica", size=10)
    page.multi_cell(0, 5, raw_seed[:1500])
    page.output(str(folder / "erste_seite.pdf"))
    _, records, info = run_folder(folder, tmp_path / "out", nlp_info)
    assert not info["errors"]
    rec = records["erste_seite"]
    assert rec["meta"]["title"] is None
    assert rec["text"].split("\n\n")[:3] == seed_texts["004_fa3f6e095796322b"]["text"].split("\n\n")[:3]


@pytest.mark.parametrize("wid,with_headline,size,align", [
    ("wn13837", True, 9, "J"), ("wn13837", True, 10, "L"), ("wn11059", True, 9, "J"), ("wn13389", True, 9, "J"),
    ("wn29336", True, 10, "L"), ("wn16696", False, 9, "J"),
])
def test_short_wikinews_pages_keep_their_paragraphs_and_their_headline_as_the_title(tmp_path, wid, with_headline, size, align):
    """Wikinews articles set on one page each (8 to 16 lines): the text is the article's
    paragraphs (the headline, where there is one, its first) and the title is the headline,
    its words single spaced (pdfminer doubles the spaces of a justified line: "Erster
    Missionstag  von  „Shenzhou  6“" before); before, a page too short for the line-shape
    evidence came out one paragraph per line."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract
    from repo_data import news_row

    row = news_row("wikinews_de.jsonl.gz", "id", wid)
    paragraphs = [" ".join(p.split()) for p in row["text"].split("\n\n") if p.strip()]
    title = row["title"] if with_headline else None
    raw, meta = extract(_one_page(title, paragraphs, tmp_path / f"{wid}.pdf", size, align).read_bytes())
    got = clean_input(raw, meta)
    assert got.meta.title == title
    assert got.text == "\n\n".join(([title] if title else []) + paragraphs)


def _epaper(articles, out: Path, size: int = 9, header: str = "DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 5",
            folio: str = "", ncol: int = 3) -> list[list[str]]:
    """An e-paper page as a newspaper sets it: a running header, and articles each a headline in
    a larger bold font above its body, set in `ncol` columns; `articles`: (headline, body, first
    column, columns, top, bottom) in mm. A page number `folio` stands in the white between the
    first two columns, below them. Gives each article's lines in their reading order."""
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    gap, left = 5, 15
    cw = (180 - gap * (ncol - 1)) / ncol
    pdf.set_font("Helvetica", "", 8)
    pdf.text(70, 12, header)
    if folio:
        pdf.text(left + cw + gap / 2 - pdf.get_string_width(folio) / 2, 290, folio)

    def lines(text, w, style, pt):
        pdf.set_font("Helvetica", style, pt)
        out = []
        for para in text.split("\n\n"):
            # the lines come back in the font's encoding (windows-1252) read as latin-1
            out += [ln.encode("latin-1").decode("cp1252") for ln in pdf.multi_cell(w, 1, para, dry_run=True, output="LINES")]
            out.append("")
        return out[:-1]

    got = []
    for head, body, c0, nc, top, bottom in articles:
        mine, y, pt = [], top, 18 if nc > 1 else 14
        for ln in lines(head, nc * cw + (nc - 1) * gap, "B", pt):
            pdf.set_font("Helvetica", "B", pt)
            y += pt * 0.45
            pdf.text(left + c0 * (cw + gap), y, ln)
            mine.append(ln)
        y += 4
        body_top, c = y, c0
        pdf.set_font("Helvetica", "", size)
        for ln in lines(body, cw, "", size):
            if y + size * 0.42 > bottom:
                c, y = c + 1, body_top
                if c >= c0 + nc:
                    break
            y += size * 0.42
            if ln:
                pdf.text(left + c * (cw + gap), y, ln)
                mine.append(ln)
        got.append(mine)
    pdf.output(str(out))
    return got


@pytest.mark.parametrize("layout", ["three articles", "two beside each other", "page number in the gutter"])
def test_an_e_paper_page_is_read_article_by_article_column_by_column(tmp_path, layout):
    """Issue 17: pdfminer's own order of the text boxes (`LAParams.boxes_flow`) mixed the columns
    and the articles of an e-paper page: a column's lines read in the middle of another article,
    a short second column read ahead of the first (here with a page number in the white between
    the columns, which must not keep them together). Each
    article's lines must come whole and in their order (the seeds' own text, three articles)."""
    from pipeline.clean import clean
    from pipeline.pdf import extract

    seeds = [clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n")
             for sid in ("000_983499c68f515bd7", "001_660f1e0e655a289c", "003_402700ddbbeb6917")]
    heads = ["Putins Sieg in Kasachstan", "Kasachstan bittet um militärische Hilfe", "Ein Sicherheitsbündnis für den Osten?"]
    a, b, c = [(h, "\n\n".join(s[1:4])) for h, s in zip(heads, seeds)]
    if layout == "three articles":  # a over two columns, c below it, b in the third column beside both
        arts, kw = [(*a, 0, 2, 20, 150), (*b, 2, 1, 20, 280), (*c, 0, 2, 155, 280)], {}
    elif layout == "two beside each other":
        arts, kw = [(*a, 0, 2, 20, 150), (*b, 2, 1, 20, 280)], {"size": 10}
    else:  # one article over two columns, the second one short, the page number between them
        arts, kw = [(a[0], "\n\n".join(seeds[0][1:3]), 0, 2, 20, 70)], {"ncol": 2, "size": 10, "folio": "91"}
    want = _epaper(arts, tmp_path / "seite.pdf", **kw)
    got = [ln.strip() for ln in extract((tmp_path / "seite.pdf").read_bytes())[0].splitlines() if ln.strip()]
    for lines in want:
        lines = [ln.strip() for ln in lines]
        # (a headline's lines are one line of the text since session 27, as with --pdf-articles)
        assert f" {' '.join(lines)} " in f" {' '.join(got)} ", lines[:2]  # whole and in order
        assert all(ln in got for ln in lines[-3:])  # the body's lines are lines of the text


def _seed_bodies(ids=("000_983499c68f515bd7", "001_660f1e0e655a289c", "003_402700ddbbeb6917")):
    from pipeline.clean import clean

    return [clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n") for sid in ids]


_HEADS = ["Putins Sieg in Kasachstan", "Kasachstan bittet um militärische Hilfe", "Ein Sicherheitsbündnis für den Osten?"]


def _run_pdf_articles(folder: Path, out: Path, nlp_info, pdf_articles: bool = True):
    from pipeline.run import RunOptions, run

    run(RunOptions(paths=[folder], out=out, progress=False, pdf_articles=pdf_articles), nlp_info)
    records = [json.loads(l) for l in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return records, json.loads((out / "run.json").read_text(encoding="utf-8"))


def test_pdf_articles_split_an_e_paper_page_into_one_record_per_article(tmp_path, nlp_info):
    """`--pdf-articles`: an e-paper page of three articles (the seeds' text, a running header)
    becomes three records, each its article's text alone (headline and body, in order), id
    `<file id>#a<N>`, path `<file>#a<N>`, its page in `source.pages`, its raw map into its own
    raw text; the running header is in no article, and its date and section are each one's.
    Without the option the page stays one record, as before."""
    from pipeline.pdf import extract_articles
    from pipeline.record import validate_record

    a, b, c = [(h, "\n\n".join(s[1:4])) for h, s in zip(_HEADS, _seed_bodies())]
    folder = tmp_path / "in"
    folder.mkdir()
    want = _epaper([(*a, 0, 2, 20, 150), (*b, 2, 1, 20, 280), (*c, 0, 2, 155, 280)], folder / "seite.pdf")
    records, info = _run_pdf_articles(folder, tmp_path / "out", nlp_info)
    assert not info["errors"]
    assert [r["id"] for r in records] == ["seite#a1", "seite#a2", "seite#a3"]
    raws = [art.text for art in extract_articles((folder / "seite.pdf").read_bytes())[0]]
    words = lambda lines: " ".join(lines).replace("-", " ").split()
    # reading order: a (two columns), c below it, then b in the third column
    for rec, lines, head, raw, n in zip(records, [want[0], want[2], want[1]], [_HEADS[0], _HEADS[2], _HEADS[1]], raws, (1, 2, 3)):
        assert rec["source"]["path"] == f"{folder / 'seite.pdf'}#a{n}" and rec["source"]["pages"] == [1]
        assert rec["text"].replace("-", " ").split() == words(lines)
        assert rec["meta"]["title"] == head  # also a headline set in two lines
        assert rec["meta"]["published"] == "2022-01-11" and rec["meta"]["section"] == "POLITIK"
        assert rec["source"]["raw_length"] == len(raw) and "DIENSTAG" not in raw
        for e in rec["entities"]:
            assert raw[e["raw_start"]:e["raw_end"]].split() == e["text"].split()
        assert validate_record(rec) == []
    assert any("page furniture" in w and "DIENSTAG, 11. JANUAR 2022" in w for w in records[0]["warnings"])
    whole, _ = _run_pdf_articles(folder, tmp_path / "out2", nlp_info, pdf_articles=False)
    assert [r["id"] for r in whole] == ["seite"] and "pages" not in whole[0]["source"]


def test_pdf_articles_a_rerun_takes_an_unchanged_pdf_s_articles_from_the_cache_without_extracting_it(tmp_path, nlp_info, monkeypatch):
    """`--pdf-articles`: the articles' ids of a PDF are known only once it is extracted, so every
    re-run (a resumed one too) extracted each unchanged e-paper page again in the driver (pdfminer,
    about 0.1 s a page). The cache keeps how many articles the PDF of those bytes gave: a re-run
    takes them from there when every one is stored, and gives the same output; an article missing
    from the cache (a run stopped before its batch was stored), changed bytes and --force extract it."""
    from pipeline.run import RunOptions, run

    a, b, c = [(h, "\n\n".join(s[1:4])) for h, s in zip(_HEADS, _seed_bodies())]
    folder = tmp_path / "in"
    folder.mkdir()
    _epaper([(*a, 0, 2, 20, 150), (*b, 2, 1, 20, 280), (*c, 0, 2, 155, 280)], folder / "seite.pdf")
    out = tmp_path / "out"
    counts = lambda **kw: run(RunOptions(paths=[folder], out=out, progress=False, pdf_articles=True, **kw), nlp_info)["counts"]
    assert counts()["processed"] == 3
    before = (out / "articles.jsonl").read_bytes()

    calls = _counted_calls(monkeypatch, tmp_path, "extract_articles")
    again = counts()
    assert (again["cached"], again["processed"], calls()) == (3, 0, 0)
    assert (out / "articles.jsonl").read_bytes() == before

    import sqlite3

    with sqlite3.connect(out / ".presseschau" / "cache-v1.sqlite") as db:  # as if the run had stopped before #a2's batch was stored
        db.execute("DELETE FROM records WHERE id = 'seite#a2'")
    resumed = counts()
    assert (resumed["cached"], resumed["processed"], calls()) == (2, 1, 1)
    assert (out / "articles.jsonl").read_bytes() == before
    assert (counts()["cached"], calls()) == (3, 1)
    assert (counts(force=True)["processed"], calls()) == (3, 2)


def _pages(articles, out: Path, header: str = "DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 5") -> list[list[str]]:
    """Full-width pages with a running header: each article a bold 18 pt headline over 9 pt
    body lines; a body that does not fit on its page goes on at the top of the next, without a
    headline. Gives each article's lines and pages."""
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    got, y, bottom = [], 280.0, 270

    def new_page():
        pdf.add_page()
        pdf.set_font("Helvetica", "", 8)
        pdf.text(70, 12, header)
        return 25.0

    for head, body in articles:
        if y > bottom - 30:
            y = new_page()
        mine, on = [], [pdf.page]
        pdf.set_font("Helvetica", "B", 18)
        for ln in pdf.multi_cell(170, 1, head, dry_run=True, output="LINES"):
            ln = ln.encode("latin-1").decode("cp1252")  # the lines come back in the font's encoding read as latin-1
            y += 8
            pdf.text(20, y, ln)
            mine.append(ln)
        y += 4
        pdf.set_font("Helvetica", "", 9)
        for ln in pdf.multi_cell(170, 1, body, dry_run=True, output="LINES"):
            if y + 4 > bottom:
                y = new_page()
                pdf.set_font("Helvetica", "", 9)
                on.append(pdf.page)
            ln = ln.encode("latin-1").decode("cp1252")
            y += 4
            pdf.text(20, y, ln)
            mine.append(ln)
        y += 6
        got.append((mine, on))
    pdf.output(str(out))
    return got


def test_pdf_articles_an_article_going_on_over_the_page_is_one_article():
    """A page that starts without a headline goes on with the previous page's last article:
    its text is one article over the pages (the running headers of the pages in none)."""
    from pipeline.pdf import extract_articles
    import tempfile

    bodies = _seed_bodies()
    arts = [(_HEADS[0], " ".join(bodies[0][1:6])), (_HEADS[1], " ".join(bodies[1][1:])), (_HEADS[2], " ".join(bodies[2][1:3]))]
    with tempfile.TemporaryDirectory() as d:
        want = _pages(arts, Path(d) / "zwei.pdf")
        got, furniture, meta = extract_articles((Path(d) / "zwei.pdf").read_bytes())
    # the second article goes on over the pages (its body 10,000 characters)
    assert [a.pages for a in got] == [on for _, on in want] and len(got[1].pages) >= 2
    for art, (lines, _) in zip(got, want):
        assert [ln.strip() for ln in art.text.splitlines() if ln.strip()] == [ln.strip() for ln in lines]
    assert furniture.count("DIENSTAG, 11. JANUAR 2022") == meta["pages"]


def test_pdf_articles_a_pdf_without_a_headline_is_one_article(tmp_path):
    """A PDF without a headline (a page of body text) is one article `#a1`, its raw text and
    meta as without the option."""
    from pipeline.ingest import read_path
    from pipeline.pdf import extract

    paras = _seed_bodies()[0][1:4]
    pdf = _one_page(None, paras, tmp_path / "text.pdf", 10, "L")
    (whole,) = read_path(pdf, tmp_path)
    (art,) = read_path(pdf, tmp_path, pdf_articles=True)
    assert (art.id, art.path) == ("text#a1", f"{pdf}#a1")
    assert art.text == whole.text == extract(pdf.read_bytes())[0]
    assert art.meta["pdf_pages"] == [1] and art.sha256 == whole.sha256


def test_pdf_articles_a_headline_set_in_two_lines_is_the_whole_title(tmp_path):
    """`--pdf-articles`: a one-column headline set in two lines ("Kasachstan weist / keine
    Reservisten aus", as 20 of the 120 articles of bench/bench_epaper.py) is the article's
    `title` whole; the cleaner's title from the first line alone ("Kasachstan weist") was kept
    before, as it wins over an extractor's meta."""
    from pipeline.clean import clean_input
    from pipeline.ingest import read_path
    from pipeline.record import build_record

    body = "\n\n".join(_seed_bodies(("004_fa3f6e095796322b",))[0][1:4])
    head = "Kasachstan weist keine Reservisten aus"
    want = _epaper([(_HEADS[0], "\n\n".join(_seed_bodies()[0][1:3]), 0, 2, 20, 150), (head, body, 2, 1, 20, 280)], tmp_path / "seite.pdf")
    assert want[1][:2] == ["Kasachstan weist", "keine Reservisten aus"]  # the headline takes two lines
    titles = {}
    for raw in read_path(tmp_path / "seite.pdf", tmp_path, pdf_articles=True):
        rec = build_record(raw, clean_input(raw.text, raw.meta), [], lang="de", pipeline_info={})
        titles[rec["id"]] = rec["meta"]["title"]
    assert titles == {"seite#a1": _HEADS[0], "seite#a2": head}


def test_pdf_articles_a_headline_set_in_two_lines_is_one_paragraph(tmp_path):
    """`--pdf-articles`: a one-column headline set in two lines ("Kasachstan weist / keine
    Reservisten aus", as 20 of the 120 articles of bench/bench_epaper.py) is one line of the
    article's raw text, so its clean text starts with the headline as one paragraph, the body's
    paragraphs after it; the cleaner read the two short lines as two paragraphs before. A
    headline line that ends in a hyphen keeps its line end, and the cleaner mends it as any
    line-end hyphen ("Reser-" "visten": "Reservisten"). The body's lines are as set."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract_articles

    paras = _seed_bodies(("004_fa3f6e095796322b",))[0][1:3]
    head = "Kasachstan weist keine Reservisten aus"
    hyphenated = "Kasachstan weist keine Reser-\nvisten aus"  # "\n": fpdf2 breaks the line there
    want = _epaper([(_HEADS[0], "\n\n".join(_seed_bodies()[0][1:3]), 0, 2, 20, 150), (head, "\n\n".join(paras), 2, 1, 20, 140),
                    (hyphenated, "\n\n".join(paras), 2, 1, 150, 280)], tmp_path / "seite.pdf")
    assert want[1][:2] == ["Kasachstan weist", "keine Reservisten aus"]  # the headline takes two lines
    assert [ln.strip() for ln in want[2][:3]] == ["Kasachstan weist", "keine Reser-", "visten aus"]
    articles, _, meta = extract_articles((tmp_path / "seite.pdf").read_bytes())
    assert [a.headline for a in articles][:2] == [_HEADS[0], head] and len(articles) == 3
    for art in articles[1:]:
        text = clean_input(art.text, meta).text
        assert text.split("\n\n")[0] == head
        body = [" ".join(ln.strip() for ln in art.text.split("\n\n", 1)[1].splitlines() if ln.strip())]
        assert " ".join(text.split("\n\n")[1:]).split() == body[0].split()
    assert articles[1].text.startswith(head + "\n")
    assert articles[2].text.startswith("Kasachstan weist keine Reser-\nvisten aus\n")


def test_pdf_articles_a_decision_made_on_the_whole_page_goes_to_its_article(tmp_path, nlp_info):
    """A review decision made on an e-paper page read whole (id `seite`) is found again, once the
    page is read with `--pdf-articles`, by the file's hash, which all its articles share: it used
    to go to the first article (`seite#a1`), flagged `span_not_found`/`ambiguous` there, though
    the entity is in the third. It goes to the article whose text holds it where it was decided
    on, here one of a name the first article has too; run.json flags nothing; the review app's
    view of the output (`apply_decisions`) places it alike."""
    from pipeline.review import log as dec
    from pipeline.review.apply import ReviewOverlay, apply_decisions

    a, b, c = [(h, "\n\n".join(s[1:4])) for h, s in zip(_HEADS, _seed_bodies())]
    folder, out, ann = tmp_path / "in", tmp_path / "out", tmp_path / "ann"
    folder.mkdir()
    _epaper([(*a, 0, 2, 20, 150), (*b, 2, 1, 20, 280), (*c, 0, 2, 155, 280)], folder / "seite.pdf")
    (whole,), _ = _run_pdf_articles(folder, out, nlp_info, pdf_articles=False)
    third = whole["text"].index(_HEADS[1])  # reading order: a, c, then b
    first_names = {e["text"] for e in whole["entities"] if e["end"] <= whole["text"].index(_HEADS[2])}
    ent = next(e for e in whole["entities"] if e["start"] > third and e["label"] != "DATE" and e["text"] in first_names)
    d = dec.make_decision(whole, "reject", ent, reviewer="t")
    dec.DecisionStore(ann).append([d])

    from pipeline.run import RunOptions, run

    info = run(RunOptions(paths=[folder], out=out, progress=False, pdf_articles=True, review=ReviewOverlay.from_folder(ann)), nlp_info)
    records = {json.loads(l)["id"]: json.loads(l) for l in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    assert list(records) == ["seite#a1", "seite#a2", "seite#a3"]
    assert info["flagged_decisions"] == []
    pipeline_records = [dict(r, entities=[e["review"]["original"] if "review" in e else e for e in r["entities"]]) for r in records.values()]
    for got in (records, {r["id"]: r for r in apply_decisions(pipeline_records, [d])[0]}):
        hit = [e for r in got.values() for e in r["entities"] if d["id"] in (e.get("review") or {}).get("decisions", [])]
        (rejected,) = [e for e in got["seite#a3"]["entities"] if e.get("status") == "rejected"]
        assert hit == [rejected] and rejected["text"] == ent["text"] and rejected["label"] == ent["label"]
        assert all("review_flags" not in r for r in got.values())


def _bench_epaper():
    """bench/bench_epaper.py: its page generator (`epaper`) and its measure of paragraphs."""
    import bench_epaper

    return bench_epaper


def _epaper_page(path: Path, k: int, size: int, variant: str):
    """bench/bench_epaper.py's page of the seeds' text at `path`, set at `size` pt: three articles in a
    row ("row"), or two articles over three columns ("ab") with a third under the first ("abc");
    gives the bench module, the articles as set and the page's lines."""
    from pipeline.clean import clean

    be = _bench_epaper()
    seeds = {p.stem: clean(p.read_text(encoding="utf-8")).text for p in sorted(CORPUS.glob("*.txt"))}

    def body(sid, n):
        return "\n\n".join(seeds[sid].split("\n\n")[1:1 + n])

    a, b, c = be.SEEDS[k], be.SEEDS[(k + 1) % 5], be.SEEDS[(k + 2) % 5]
    if variant == "row":
        arts = [(be.HEADLINES[s], body(s, 2), i, 1, 20, 280) for i, s in enumerate((a, b, c))]
    else:
        arts = [(be.HEADLINES[a], body(a, 3), 0, 2, 20, 150), (be.HEADLINES[b], body(b, 3), 2, 1, 20, 280)]
        arts += [(be.HEADLINES[c], body(c, 3), 0, 2, 155, 280)] if variant == "abc" else []
    return be, arts, be.epaper(arts, path, size=size)


@pytest.mark.parametrize("k,size,variant", [(4, 10, "row"), (1, 9, "ab"), (2, 10, "abc"), (4, 10, "abc")])
def test_pdf_articles_a_paragraph_is_not_cut_at_a_quotation_or_where_it_goes_on_in_the_next_column(tmp_path, k, size,
                                                                                                  variant):
    """`--pdf-articles` on bench/bench_epaper.py's pages (the seeds' text): the clean text of each
    article is its set paragraphs, each whole. Before, 26 of the bench's 120 articles had a body
    paragraph cut in two: at a short line that ends a sentence before a line that opens a
    quotation ("Smadiyarow, am Montag." / "„Gleichzeitig glaubt ...", the cleaner's guess
    without layout), or where a paragraph goes on at the top of the next column (a blank line
    between pdfminer's boxes). The layout says which: a wrapped line's next word would not have
    fit at its end; white above or below at a column's end is a paragraph break."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract_articles

    be, arts, lines = _epaper_page(tmp_path / "seite.pdf", k, size, variant)
    articles, _, meta = extract_articles((tmp_path / "seite.pdf").read_bytes())
    assert len(articles) == len(arts)
    for art in articles:
        (n,) = [n for n, (head, *_) in enumerate(arts, 1) if head == art.headline]
        want = be._paragraphs([ln for ln in lines if ln[0] == n])
        assert clean_input(art.text, meta).text == want


@pytest.mark.parametrize("k,size,variant", [(2, 8, "ab"), (4, 9, "row"), (2, 10, "row")])
def test_a_page_of_several_columns_keeps_each_headline_whole_as_a_paragraph(tmp_path, k, size, variant):
    """Without `--pdf-articles` (one record a page): on bench/bench_epaper.py's pages of several
    columns (the seeds' text) each article's headline is one paragraph of the clean text. Before,
    a headline box's lines were lines of the text on such a page (only a page set in one column
    had them joined): "Ein" / "Sicherheitsbündnis für" / "den Osten?" was removed as a pull quote
    (the headline lost from the text), "Kasachstan weist" / "keine Reservisten aus" two paragraphs,
    its first line the record's title."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract

    be, arts, lines = _epaper_page(tmp_path / "seite.pdf", k, size, variant)
    assert any(sum(1 for n, _, kind in lines if n == m and kind == "head") > 1 for m in range(1, len(arts) + 1))
    raw, meta = extract((tmp_path / "seite.pdf").read_bytes())
    assert not meta.get("blank_breaks")  # several columns: the cleaner guesses the body's paragraph breaks
    clean_doc = clean_input(raw, meta)
    paras = clean_doc.text.split("\n\n")
    for head, *_ in arts:
        assert head in paras, head
    assert [r.kind for r in clean_doc.removed] == ["running_header"]
    assert clean_doc.meta.title in (None, *(head for head, *_ in arts))


@pytest.mark.parametrize("k,size,variant", [(1, 9, "abc"), (2, 8, "ab"), (2, 9, "ab")])
def test_a_page_of_several_columns_keeps_a_paragraph_whole_where_it_goes_on_in_the_next_column(tmp_path, k, size,
                                                                                                variant):
    """Without `--pdf-articles` (one record a page): on bench/bench_epaper.py's pages of several
    columns (the seeds' text) every set paragraph is a whole paragraph of the clean text. Before,
    a body paragraph that goes on at the top of the next column was cut there (pdfminer's boxes
    are apart by a blank line, which the cleaner reads as a paragraph break after a sentence's
    end). `extract` now gives the first lines of such boxes in `runs_over`, by the rule
    `--pdf-articles` reads an article's columns with (`_goes_on`)."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract

    be, arts, lines = _epaper_page(tmp_path / "seite.pdf", k, size, variant)
    raw, meta = extract((tmp_path / "seite.pdf").read_bytes())
    assert meta.get("runs_over")
    paras = clean_input(raw, meta).text.split("\n\n")
    for n in range(1, len(arts) + 1):
        for para in be._paragraphs([ln for ln in lines if ln[0] == n]).split("\n\n"):
            assert para in paras, para[:60]


@pytest.mark.parametrize("k,size,variant", [(2, 10, "abc"), (4, 9, "ab"), (3, 10, "row")])
def test_a_page_of_several_columns_keeps_a_paragraph_whole_at_a_quotation_after_a_sentence_end(tmp_path, k, size,
                                                                                           variant):
    """Without `--pdf-articles` (one record a page), on bench/bench_epaper.py's pages of several
    columns (the seeds' text): a paragraph whose line ends a sentence or a colon short of the
    column's edge, the next line opening a quotation that would not have fit on it ("Smadiyarow,
    am Montag." / "„Gleichzeitig glaubt ...", "Abkehr vor allem eines:" / "„Bemerkenswert.“ ..."),
    is one paragraph of the clean text. Before, the cleaner guessed a break there (no layout
    breaks on such a page): the 16 body paragraphs bench_epaper's one-record line counted as cut.
    `extract` now gives such wrapped lines in `runs_over` (not set in, first word too long for
    the line before: `--pdf-articles`' rule), where the cleaner guesses no break."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract

    be, arts, lines = _epaper_page(tmp_path / "seite.pdf", k, size, variant)
    raw, meta = extract((tmp_path / "seite.pdf").read_bytes())
    assert not meta.get("blank_breaks")
    quoted = [i for i in range(1, len(lines)) if lines[i][1].startswith("„") and lines[i][2] == ""]
    assert quoted  # the page has a line opening a quotation inside a paragraph
    paras = clean_input(raw, meta).text.split("\n\n")
    for n in range(1, len(arts) + 1):
        for para in be._paragraphs([ln for ln in lines if ln[0] == n]).split("\n\n"):
            assert para in paras, para[:60]


def _indented_page(paras, out: Path, size: int, head: str = "Kasachstan bittet um militärische Hilfe") -> str:
    """A page set as most newspapers set their columns: a headline, then paragraphs whose first
    line is set in by 3 mm, no white between them, running on into the next column. Gives the
    headline and the paragraphs as set, a blank line between."""
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8)
    pdf.text(70, 12, "DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 5")
    pdf.set_font("Helvetica", "B", 18)
    pdf.text(15, 28, head)
    cw, lh, y, x, indent = 56.7, size * 0.42, 34.0, 15.0, 3
    pdf.set_font("Helvetica", "", size)
    dec = lambda ln: ln.encode("latin-1").decode("cp1252")  # fpdf2 gives the lines in the font's encoding
    want = [head]
    for para in paras:
        first = dec(pdf.multi_cell(cw - indent, 1, para, dry_run=True, output="LINES")[0])
        rest = para[len(first):].strip()
        set_ = [(indent, first)] + [(0, dec(ln)) for ln in (pdf.multi_cell(cw, 1, rest, dry_run=True, output="LINES") if rest else [])]
        for ind, ln in set_:
            y += lh
            if y > 280:
                y, x = 34 + lh, x + cw + 5
            pdf.text(x + ind, y, ln)
        want.append(" ".join(ln.strip() for _, ln in set_))
    pdf.output(str(out))
    return "\n\n".join(want)


@pytest.mark.parametrize("sid,size", [("001_660f1e0e655a289c", 9), ("004_fa3f6e095796322b", 8), ("003_402700ddbbeb6917", 10)])
def test_pdf_articles_paragraphs_set_in_without_white_are_read_from_the_indent(tmp_path, sid, size):
    """`--pdf-articles` on a column set as newspapers set it (each paragraph's first line set in,
    no white between paragraphs; the seeds' text): the clean text is the set paragraphs. pdfminer
    starts a new box at each set-in line; the blank line between boxes cut every paragraph after
    its first line, and the cleaner's guess cut more at short lines ending a sentence."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract_articles

    paras = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n")[1:8]
    want = _indented_page(paras, tmp_path / "seite.pdf", size)
    (art,), _, meta = extract_articles((tmp_path / "seite.pdf").read_bytes())
    assert clean_input(art.text, meta).text == want


def test_pdf_articles_a_headline_with_a_line_end_hyphen_is_the_title_mended(tmp_path):
    """`--pdf-articles`: a headline set in two lines with a hyphen at the first line's end
    ("Kasachstan weist keine Reser-" / "visten aus") is the record's title mended as the cleaner
    mends the article's text ("Reservisten"); the title kept "Reser- visten" before, while the
    text's first paragraph was mended. A hyphen the cleaner keeps stays ("Sowjet-Traum")."""
    from pipeline.clean import clean_input
    from pipeline.ingest import read_path
    from pipeline.record import build_record

    paras = "\n\n".join(_seed_bodies(("004_fa3f6e095796322b",))[0][1:3])
    _epaper([(_HEADS[0], "\n\n".join(_seed_bodies()[0][1:3]), 0, 2, 20, 150),
             ("Wie Putin seinen Sowjet-\nTraum zerstört", paras, 2, 1, 20, 140),
             ("Kasachstan weist keine Reser-\nvisten aus", paras, 2, 1, 150, 280)], tmp_path / "seite.pdf")
    recs = []
    for raw in read_path(tmp_path / "seite.pdf", tmp_path, pdf_articles=True):
        clean = clean_input(raw.text, raw.meta)
        recs.append((build_record(raw, clean, [], lang="de", pipeline_info={})["meta"]["title"], clean.text.split("\n\n")[0]))
    assert recs[1:] == [("Wie Putin seinen Sowjet-Traum zerstört",) * 2, ("Kasachstan weist keine Reservisten aus",) * 2]


def test_pdf_articles_a_centred_pull_quote_is_one_paragraph(tmp_path):
    """`--pdf-articles`: a pull quote centred in the column (its lines set in by varying amounts)
    is one paragraph, not one per line: a set-in line starts a paragraph only where the line
    before it is flush left or set in as far (`pdf._starts_paragraph`)."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract_articles

    paras = _seed_bodies(("001_660f1e0e655a289c",))[0]
    quote = "„Wir sehen die jüngsten Ereignisse als von außen inszenierten Versuch. Das ist eine neue Lage.“"
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.text(15, 25, paras[0])
    pdf.set_font("Helvetica", "", 9)
    y, dec = 30.0, (lambda ln: ln.encode("latin-1").decode("cp1252"))
    for i, para in enumerate(paras[1:4]):
        if i == 1:
            for ln in pdf.multi_cell(40, 1, quote, dry_run=True, output="LINES"):
                y += 3.8
                pdf.text(15 + (60 - pdf.get_string_width(dec(ln))) / 2, y, dec(ln))
            y += 3.8
        for ln in pdf.multi_cell(60, 1, para, dry_run=True, output="LINES"):
            y += 3.8
            pdf.text(15, y, dec(ln))
        y += 3.8
    pdf.output(str(tmp_path / "seite.pdf"))
    (art,), _, meta = extract_articles((tmp_path / "seite.pdf").read_bytes())
    assert clean_input(art.text, meta).text.split("\n\n") == [paras[0], paras[1], quote, paras[2], paras[3]]


@pytest.mark.skipif(__import__("shutil").which("pdflatex") is None, reason="needs pdflatex (TeX Live) with pdfpages")
def test_pdf_articles_an_e_paper_page_placed_whole_in_a_pdf_is_split_as_the_page_itself(tmp_path):
    """`--pdf-articles` on an e-paper page placed whole in a PDF (pdfpages' \\includepdf: a Form
    XObject) gives the articles of the page itself. Before, all its text was in a figure, read as
    furniture: no headline, so the page was one article."""
    import subprocess

    from pipeline.pdf import extract_articles

    be = _bench_epaper()
    a, b, c = _seed_bodies()
    arts = [(be.HEADLINES[be.SEEDS[0]], "\n\n".join(a[1:4]), 0, 2, 20, 150),
            (be.HEADLINES[be.SEEDS[1]], "\n\n".join(b[1:4]), 2, 1, 20, 280),
            (be.HEADLINES[be.SEEDS[3]], "\n\n".join(c[1:4]), 0, 2, 155, 280)]
    be.epaper(arts, tmp_path / "seite.pdf")
    (tmp_path / "placed.tex").write_text("\\documentclass{article}\\usepackage{pdfpages}\\begin{document}"
                                         "\\includepdf[pages=-]{seite.pdf}\\end{document}\n")
    subprocess.run(["pdflatex", "-interaction=batchmode", "placed.tex"], cwd=tmp_path, check=True, capture_output=True,
                   timeout=120)
    placed, furniture, meta = extract_articles((tmp_path / "placed.pdf").read_bytes())
    page = extract_articles((tmp_path / "seite.pdf").read_bytes())
    assert sorted(art.headline for art in placed) == sorted(head for head, *_ in arts)
    assert (placed, furniture, meta) == page


_MASTHEADS = {
    "name and date line": [("Kieler Nachrichten", "B", 28, False), ("Dienstag, 11. Januar 2022 · Nr. 8 · 2,40 Euro", "", 9, False)],
    "centred name": [("Kieler Nachrichten", "B", 28, True)],
    # flush left over the first headline, also flush left, no date line: it was the first article's
    # headline and title ("Kieler Nachrichten"), the article's own headline a paragraph under it
    "name flush left": [("Kieler Nachrichten", "B", 28, False)],
    "centred name, slogan and date line": [("Kieler Nachrichten", "B", 36, True),
                                           ("Unabhängige Tageszeitung für Schleswig-Holstein", "I", 9, True),
                                           ("Dienstag, 11. Januar 2022 · Nr. 8 · 2,40 Euro", "", 9, True)],
}


@pytest.mark.parametrize("variant", ["abc", "row"])
@pytest.mark.parametrize("masthead", list(_MASTHEADS))
def test_pdf_articles_a_masthead_is_page_furniture(tmp_path, masthead, variant):
    """`--pdf-articles` on an e-paper front page (bench/bench_epaper.py's pages, the seeds' text)
    under a masthead: the outlet's name set large, a date line or a slogan. The masthead is page
    furniture: the articles are the set ones, each its set paragraphs, and the date line dates
    them. Before, the name was read as a headline: an article of its own ("Kieler Nachrichten",
    its date line its text) or, with nothing under it, part of the first article's headline and
    title ("Kieler Nachrichten Putins Sieg in Kasachstan"); a date line set across the columns'
    white also mixed the order of a page of three articles side by side."""
    from pipeline.clean import clean, clean_input
    from pipeline.ingest import read_path

    be = _bench_epaper()
    seeds = {p.stem: clean(p.read_text(encoding="utf-8")).text for p in sorted(CORPUS.glob("*.txt"))}
    body = lambda sid, n: "\n\n".join(seeds[sid].split("\n\n")[1:1 + n])
    a, b, c = be.SEEDS[:3]
    if variant == "row":
        arts = [(be.HEADLINES[s], body(s, 2), i, 1, 40, 280) for i, s in enumerate((a, b, c))]
    else:
        arts = [(be.HEADLINES[a], body(a, 3), 0, 2, 40, 150), (be.HEADLINES[b], body(b, 3), 2, 1, 40, 280),
                (be.HEADLINES[c], body(c, 3), 0, 2, 155, 280)]
    lines = be.epaper(arts, tmp_path / "titelseite.pdf", header="", masthead=_MASTHEADS[masthead])
    raws = list(read_path(tmp_path / "titelseite.pdf", tmp_path, pdf_articles=True))
    assert sorted(r.meta["title"] for r in raws) == sorted(head for head, *_ in arts)
    for raw in raws:
        (n,) = [n for n, (head, *_) in enumerate(arts, 1) if head == raw.meta["title"]]
        assert clean_input(raw.text, raw.meta).text == be._paragraphs([ln for ln in lines if ln[0] == n])
        assert "Kieler Nachrichten" not in raw.text
    assert "Kieler Nachrichten" in raws[0].warnings[0]
    dated = "Dienstag" in str(_MASTHEADS[masthead])
    assert all(r.meta.get("published") == ("2022-01-11" if dated else None) for r in raws)


@pytest.mark.parametrize("size,pt", [(8, 10), (9, 11.5), (10, 12.5), (9, 12.5)])
def test_pdf_articles_a_crosshead_stays_in_its_article(tmp_path, size, pt):
    """`--pdf-articles`: a crosshead (the seeds' own subheadings, "Das ODKB soll Bedrohungen von
    außen abwenden", "Beistand nach Interessenlage", set bold and larger than the body, in one
    column of an article over two) is a paragraph of its article, not the headline of a new one
    (before: the article was cut there into two records, the second titled with the crosshead).
    The next article under the first one, its headline over the same two columns, still is one."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract_articles

    be = _bench_epaper()
    s1, s3 = [clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n")
              for sid in ("001_660f1e0e655a289c", "003_402700ddbbeb6917")]
    crossheads = {s1[5], s3[5], s3[9]}
    arts = [(be.HEADLINES[be.SEEDS[1]], "\n\n".join(s1[3:9]), 0, 2, 20, 150),
            (be.HEADLINES[be.SEEDS[0]], "\n\n".join(_seed_bodies(("000_983499c68f515bd7",))[0][1:4]), 2, 1, 20, 280),
            (be.HEADLINES[be.SEEDS[3]], "\n\n".join(s3[3:11]), 0, 2, 155, 280)]
    lines = be.epaper(arts, tmp_path / "seite.pdf", size=size, crossheads=crossheads, crosshead_pt=pt)
    assert sum(1 for _, ln, _ in lines if ln.strip() in " ".join(crossheads)) >= 3  # crossheads set in both articles
    articles, _, meta = extract_articles((tmp_path / "seite.pdf").read_bytes())
    assert sorted(a.headline for a in articles) == sorted(head for head, *_ in arts)
    for art in articles:
        (n,) = [n for n, (head, *_) in enumerate(arts, 1) if head == art.headline]
        assert clean_input(art.text, meta).text == be._paragraphs([ln for ln in lines if ln[0] == n])


@pytest.mark.parametrize("size,pt", [(8, 9.6), (9, 10.8), (10, 12)])
def test_pdf_articles_a_crosshead_of_a_one_column_article_stays_in_its_article(tmp_path, size, pt):
    """`--pdf-articles`: crossheads set bold and larger than the body (the seeds' own subheadings,
    "Beistand nach Interessenlage", "Warum Kasachstan so wichtig für Russland ist", ...) in
    articles set in one column each, side by side, are paragraphs of their articles. Before, each
    started a new article (no column beside it in the article to witness it): 3 articles set, 7
    records, the later ones titled with a crosshead. A column of two articles, one under the
    other, is still two articles: their headlines set alike, or the second a brief's, smaller (12
    pt under 14 pt) but larger than a crosshead is set (over 1.3 times the body)."""
    from pipeline.clean import clean, clean_input
    from pipeline.pdf import extract_articles

    be = _bench_epaper()
    seeds = {sid: clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n") for sid in be.SEEDS}
    crossheads = {p for paras in seeds.values() for p in paras[1:] if len(p) < 60}
    s1, s3, s4 = seeds[be.SEEDS[1]], seeds[be.SEEDS[3]], seeds[be.SEEDS[4]]
    layouts = [[(be.HEADLINES[be.SEEDS[3]], "\n\n".join(s3[3:11]), 0, 1, 20, 280),
                (be.HEADLINES[be.SEEDS[1]], "\n\n".join(s1[3:9]), 1, 1, 20, 280),
                (be.HEADLINES[be.SEEDS[4]], "\n\n".join(s4[3:11]), 2, 1, 20, 280)],
               [(be.HEADLINES[be.SEEDS[3]], "\n\n".join(s3[4:11]), 2, 1, 20, 150),
                (be.HEADLINES[be.SEEDS[4]], "\n\n".join(s4[4:11]), 2, 1, 155, 280)]]
    brief = [layouts[1][0], (be.HEADLINES[be.SEEDS[4]], "\n\n".join(s4[6:9]), 2, 1, 155, 280)]  # no crosshead in it
    for arts, heads_pt in [(layouts[0], None), (layouts[1], None), (brief, {2: max(12, round(1.35 * size))})]:
        lines = be.epaper(arts, tmp_path / "seite.pdf", size=size, crossheads=crossheads, crosshead_pt=pt,
                          headline_pt=heads_pt)
        assert any(ln.strip() in " ".join(crossheads) and kind == "para" for n, ln, kind in lines)  # crossheads set
        articles, _, meta = extract_articles((tmp_path / "seite.pdf").read_bytes())
        assert [a.headline for a in articles] == [head for head, *_ in arts]
        for n, art in enumerate(articles, 1):
            assert clean_input(art.text, meta).text == be._paragraphs([ln for ln in lines if ln[0] == n])


@pytest.mark.parametrize("k,size", [(1, 9), (2, 8), (3, 10)])
def test_pdf_articles_a_crosshead_at_the_top_of_the_next_page_stays_in_its_article(tmp_path, k, size):
    """`--pdf-articles` on a PDF of two pages (bench/bench_epaper.py's `make_turn_pages`, the seeds'
    text): a one-column article goes on on the second page at one of its crossheads (bold, 1.2 x
    body), which stands at the top of that page, its further crossheads under it. Before, each of
    them started a new article, titled with the crosshead (no headline of the article on that page
    to measure it against). A box set as large as a headline there (14 pt) still starts one."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract_articles

    be = _bench_epaper()
    pages = be.make_turn_pages(tmp_path)
    name = f"t{k}_{size}"
    lines = pages[name]
    articles, _, meta = extract_articles((tmp_path / f"{name}.pdf").read_bytes())
    assert [a.pages for a in articles] == [[1], [1, 2]]
    for n, art in enumerate(articles, 1):
        assert clean_input(art.text, meta).text == be._paragraphs([ln for ln in lines if ln[0] == n])
    # the same PDF with the crossheads set as large as a one-column article's headline (14 pt):
    # the box at the top of the second page starts an article
    big = be.make_turn_pages(tmp_path / "big", factor=14 / size)[name]
    articles = extract_articles((tmp_path / "big" / f"{name}.pdf").read_bytes())[0]
    assert len(articles) > 2 and articles[2].pages == [2] and articles[1].pages == [1]
    assert any(articles[2].headline.startswith(ln.strip()) for n, ln, kind in big if n == 2 and kind == "para")


@pytest.mark.parametrize("size", [8, 10])
def test_a_crosshead_right_under_a_later_pages_running_header_stays_in_the_text(tmp_path, size):
    """Without `--pdf-articles` (one record a PDF), bench/bench_epaper.py's PDF of two pages whose second
    page starts with a crosshead of three capitalised words right under the running header
    ("DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 6" / "Beistand nach Interessenlage", bold, 1.2 x
    body): the crosshead is a paragraph of the clean text. Before, the cleaner took it for an
    unknown outlet's name beside the dated header line and removed it with the header (its text
    only in `removed`). `extract` gives the lines set larger than the body in the page's text in
    `large_lines`, which are no part of a running header."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract

    be = _bench_epaper()
    name = f"t2_{size}"
    lines = be.make_turn_pages(tmp_path)[name]
    raw, meta = extract((tmp_path / f"{name}.pdf").read_bytes())
    doc = clean_input(raw, meta)
    assert "Beistand nach Interessenlage" in doc.text.split("\n\n")
    assert [r.kind for r in doc.removed] == ["running_header", "running_header"]
    for n in (1, 2):
        for para in be._paragraphs([ln for ln in lines if ln[0] == n]).split("\n\n"):
            assert para in doc.text.split("\n\n"), para[:60]


def test_a_headline_after_a_column_cut_in_a_word_is_a_paragraph_of_its_own(tmp_path):
    """Without `--pdf-articles` (one record a page), bench/bench_epaper.py's crosshead page x4_8_stack:
    the two-column article is cut at its column's end in a word ("... Neben gigantischen Öl-", the
    rest would go on elsewhere), and the next article's headline, "Putins Sieg in Kasachstan", is
    read after it. Before, the cleaner joined the line-end hyphen's word onto the headline ("Öl-Putins
    Sieg in Kasachstan", the headline lost in a paragraph). A line set larger than the body after a
    body line (`large_lines`) starts a paragraph."""
    from pipeline.clean import clean_input
    from pipeline.pdf import extract

    be = _bench_epaper()
    lines = be.make_crosshead_pages(tmp_path)["x4_8_stack"]
    raw, meta = extract((tmp_path / "x4_8_stack.pdf").read_bytes())
    assert "gigantischen Öl-\n\nPutins Sieg in Kasachstan" in raw
    paras = clean_input(raw, meta).text.split("\n\n")
    assert "Putins Sieg in Kasachstan" in paras
    for n in (1, 2, 3):
        for para in be._paragraphs([ln for ln in lines if ln[0] == n]).split("\n\n"):
            assert para in paras, para[:60]


@pytest.mark.parametrize("sid,kicker,deck", [("001_660f1e0e655a289c", None, 1), ("003_402700ddbbeb6917", "OVKS", None),
                                             ("003_402700ddbbeb6917", "OVKS", 1)])
def test_pdf_articles_a_subtitle_or_kicker_is_no_part_of_the_title(tmp_path, sid, kicker, deck):
    """`--pdf-articles`: a headline (18 pt) with a subtitle under it (12 pt, the seed's own:
    "Kasachstans Präsident ruft das von Russland geführte Militärbündnis ODKB ins Land") or a
    kicker over it (11 pt, "OVKS", the seed's), set tight, so that pdfminer puts them in one box:
    the record's title is the headline, and the subtitle a paragraph of its own. Before, the
    lines set larger than the body were joined into one: title and first paragraph "Kasachstan
    bittet um militärische Hilfe Kasachstans Präsident ruft ..." ("OVKS Ein Sicherheitsbündnis ...")."""
    from pipeline.clean import clean, clean_input
    from pipeline.ingest import read_path

    paras = clean((CORPUS / f"{sid}.txt").read_text(encoding="utf-8")).text.split("\n\n")
    head = paras[0]
    pdf = fpdf.FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    dec = lambda ln: ln.encode("latin-1").decode("cp1252")  # fpdf2 gives the lines in the font's encoding
    y = 20.0
    if kicker:
        pdf.set_font("Helvetica", "B", 11)
        pdf.text(15, y, kicker)
        y += 7
    pdf.set_font("Helvetica", "B", 18)
    pdf.text(15, y, head)
    y += 6
    want = [head]
    if deck:
        pdf.set_font("Helvetica", "B", 12)
        for ln in pdf.multi_cell(120, 1, paras[deck], dry_run=True, output="LINES"):
            pdf.text(15, y, dec(ln))
            y += 5
        want.append(paras[deck])
    pdf.set_font("Helvetica", "", 9)
    for para in paras[2:5]:
        for ln in pdf.multi_cell(60, 1, para, dry_run=True, output="LINES"):
            y += 3.8
            pdf.text(15, y, dec(ln))
        y += 3.8
        want.append(para)
    pdf.output(str(tmp_path / "seite.pdf"))
    (raw,) = read_path(tmp_path / "seite.pdf", tmp_path, pdf_articles=True)
    assert raw.meta["title"] == head
    text = clean_input(raw.text, raw.meta).text.split("\n\n")
    assert text[-len(want):] == want


def test_runs_over_of_a_long_document_of_several_columns_marks_only_its_own_pages_boxes(tmp_path, monkeypatch):
    """The session-27 review: `extract` kept the ids of the boxes that go on in the next column
    (`_column_goes_on`) of every page read so far; a page's layout is freed after it and Python
    gives its ids to a later page's boxes, so a box that starts a paragraph on a later page was
    marked as going on (its paragraph break lost: "Parlament, Demokratie ..." under a headline).
    Twenty pages of three columns of the seeds' paragraphs: every `runs_over` offset is the first
    line of a box marked on its own page."""
    import pipeline.pdf as pdf_mod

    paras = []
    for p in sorted(CORPUS.glob("*.txt"))[:5]:
        paras += [x.replace("\n", " ") for x in p.read_text(encoding="utf-8").split("\n\n") if len(x) > 80]
    doc = fpdf.FPDF()
    doc.core_fonts_encoding = "windows-1252"
    doc.set_auto_page_break(False)
    k = 0
    for page in range(20):
        doc.add_page()
        doc.set_font("Helvetica", "B", 18)
        doc.set_xy(10, 10)
        doc.multi_cell(190, 8, f"Schlagzeile Nummer {page} des Tages")
        doc.set_font("Helvetica", "", 9)
        doc.set_xy(10, 30)
        with doc.text_columns(ncols=3, gutter=5, text_align="LEFT", r_margin=10, l_margin=10) as cols:
            for _ in range(12):
                cols.write(paras[k % len(paras)] + " " + paras[(k + 1) % len(paras)])
                k += 1
                cols.ln()
                cols.ln()
    doc.output(str(tmp_path / "lang.pdf"))
    firsts: set[str] = set()
    real = pdf_mod._column_goes_on

    def marking(boxes, body):
        marked = real(boxes, body)
        firsts.update(list(b)[0].get_text().strip() for b in boxes if id(b) in marked)
        return marked

    monkeypatch.setattr(pdf_mod, "_column_goes_on", marking)
    text, meta = pdf_mod.extract((tmp_path / "lang.pdf").read_bytes())
    assert firsts and meta.get("runs_over")
    starts = [off for off in meta["runs_over"] if text[:off].endswith("\n\n")]  # a box's first line (session 28:
    assert starts  # runs_over also holds lines inside a box that the layout shows wrapped)
    for off in starts:
        assert text[off:].split("\n", 1)[0].strip() in firsts, text[max(0, off - 80):off + 60]
