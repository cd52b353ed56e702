"""PDF e-paper pages (issue 17): several articles on a page, each a headline in a larger bold
font above its body's columns, generated with fpdf2 from the seeds' clean text (corpus/*.txt).

45 pages: five rotations of the seeds x 8 / 9 / 10 pt x three layouts on a three-column grid
(`abc`: a two-column article over another, a one-column one beside both; `ab`: the first two;
`row`: three one-column articles side by side, their headlines in one row): 120 articles.

Prints two measures:

* reading order of `pipeline.pdf.extract` (the default, one record a PDF): line pairs adjacent
  in an article that stay adjacent in the extracted text, and the pages whose every article is
  read whole and in order;
* the paragraphs of that text as the cleaner makes them (`clean_input` with `extract`'s meta: the
  record `presseschau run` gives without `--pdf-articles`): the set paragraphs (`_paragraphs`:
  each headline one, each body paragraph one) found whole as a paragraph of the clean text, and
  of those not, the headlines and the body paragraphs (session 26; on pages of several columns
  the cleaner guesses the breaks: README "PDF inputs");
* `pipeline.pdf.extract_articles` (`presseschau run --pdf-articles`): articles found / set,
  articles whose raw lines equal the set lines in order (a headline set in several lines is one
  line of the raw text), pages with every article right, and articles whose clean text
  (`clean_input` with the article's meta) is their lines joined but for whitespace, whose first
  paragraph is the headline, and that are the set paragraphs with their breaks (the headline
  one paragraph, then the body's paragraphs as set: `_paragraphs`).

    .venv/bin/python bench/bench_epaper.py
    .venv/bin/python bench/bench_epaper.py --baseline 1c23a67~1   # also an older pipeline/pdf.py
    .venv/bin/python bench/bench_epaper.py --show --out bench/_work/epaper   # keep the PDFs

`--baseline REV` loads `pipeline/pdf.py` as it was at REV (`git show REV:pipeline/pdf.py`, the
rest of the pipeline as it is now) and scores it in the same run; its articles measure only
where that file has `extract_articles`.

Then 30 further pages whose articles hold crossheads set larger than the body
(`make_crosshead_pages`, session 27), scored as `extract_articles` is above, and 15 PDFs of two
pages whose second page goes on with an article of the first at one of its crossheads, set at
its top (`make_turn_pages`, session 28), scored alike.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.clean import clean, clean_input  # noqa: E402

SEEDS = ["000_983499c68f515bd7", "001_660f1e0e655a289c", "002_952582db0378b41f", "003_402700ddbbeb6917",
         "004_fa3f6e095796322b"]
HEADLINES = {SEEDS[0]: "Putins Sieg in Kasachstan", SEEDS[1]: "Kasachstan bittet um militärische Hilfe",
             SEEDS[2]: "Wie Putin seinen Sowjet-Traum zerstört", SEEDS[3]: "Ein Sicherheitsbündnis für den Osten?",
             SEEDS[4]: "Kasachstan weist keine Reservisten aus"}
HEADER = "DIENSTAG, 11. JANUAR 2022   POLITIK   SEITE 5"


def _lines(pdf, text: str, w: float, style: str, size: float) -> list[str]:
    """`text` broken into lines `w` mm wide as fpdf2 sets them; "" between paragraphs."""
    pdf.set_font("Helvetica", style, size)
    out: list[str] = []
    for para in text.split("\n\n"):
        out += [s.encode("latin-1").decode("cp1252") for s in pdf.multi_cell(w, 1, para, dry_run=True, output="LINES")]
        out.append("")
    return out[:-1]


def epaper(articles, out: Path, size: int = 9, header: str = HEADER, masthead=(), crossheads=(),
           crosshead_pt: float = 0, headline_pt=None, turn=None) -> list[tuple[int, str, str]]:
    """One A4 page. articles: (headline, body, first column, columns, top mm, bottom mm) on a
    three-column grid; a body fills its columns top to bottom under its headline (what does not
    fit is left out). Returns the set lines in reading order as (article number from 1, line,
    kind): kind "head" for a headline's line, "para" for a body paragraph's first, "" else.
    `masthead`: lines (text, style, pt, centred) set from the top of the page down (the outlet's
    name, a date line; give the articles a top below them); `crossheads`: body paragraphs set as
    crossheads, bold at `crosshead_pt` (default the body size), each a paragraph of its own; a
    crosshead is set whole in one column with a line of its text under it (else it goes to the
    next column; in the article's last column it is left out with what follows), and a crosshead
    that would end its article is left out (no layout splits a crosshead or ends a column with one).
    `headline_pt`: {article number: its headline's size} (default 18 pt over several columns, 14 in one).
    `turn`: (article number, a paragraph of its body): that article goes on on a second page at that
    paragraph (a crosshead: the second page starts with it), in the same columns from the page's
    top; its lines before it that do not fit its columns on the first page are left out."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    gap, left, ncol = 5, 15, 3
    cw = (180 - gap * (ncol - 1)) / ncol
    y = 8.0
    for text, style, pt, centred in masthead:
        pdf.set_font("Helvetica", style, pt)
        y += pt * 0.42
        pdf.text(105 - pdf.get_string_width(text) / 2 if centred else left, y, text)
        y += 1
    if header:
        pdf.set_font("Helvetica", "", 8)
        pdf.text(70, 12, header)
    order: list[tuple[int, str, str]] = []
    for n, (head, body, c0, nc, top, bottom) in enumerate(articles, 1):
        hs = (headline_pt or {}).get(n, 18 if nc > 1 else 14)
        y = top
        for ln in _lines(pdf, head, nc * cw + (nc - 1) * gap, "B", hs):
            pdf.set_font("Helvetica", "B", hs)
            y += hs * 0.45
            pdf.text(left + c0 * (cw + gap), y, ln)
            order.append((n, ln, "head"))
        y += 4
        body_top = y
        body_lines: list[tuple[str, str, float]] = []  # (line, style, pt); "" between paragraphs
        turn_at = None  # the index of the line where the article goes on on the second page (`turn`)
        for para in body.split("\n\n"):
            style, pt = ("B", crosshead_pt or size) if para in crossheads else ("", size)
            if turn and turn[0] == n and para == turn[1]:
                turn_at = len(body_lines)
            body_lines += [(ln, style, pt) for ln in _lines(pdf, para, cw, style, pt)] + [("", "", size)]
        c, first, skip = c0, True, False
        for i, (ln, style, pt) in enumerate(body_lines[:-1]):
            lh = pt * 0.42
            if i == turn_at:  # the second page: the article goes on in its columns from the top
                pdf.add_page()
                if header:
                    pdf.set_font("Helvetica", "", 8)
                    pdf.text(70, 12, header.replace("SEITE 5", "SEITE 6"))
                c, y, body_top, bottom, first, skip = c0, 20.0, 20.0, 280, True, False
            if skip:
                continue
            if first and style:  # a crosshead: whole in one column, not the last of the article's lines
                k = next(j for j in range(i, len(body_lines)) if not body_lines[j][0]) - i
                if i + k == len(body_lines) - 1:
                    break
                if y + k * lh + 2 * size * 0.42 > bottom:
                    c += 1
                    y = body_top
                    if c >= c0 + nc:
                        if turn_at is not None and i < turn_at:
                            skip = True
                            continue
                        break
            if y + lh > bottom:
                c += 1
                y = body_top
                if c >= c0 + nc:
                    if turn_at is not None and i < turn_at:
                        skip = True
                        continue
                    break
            y += lh
            if ln:
                pdf.set_font("Helvetica", style, pt)
                pdf.text(left + c * (cw + gap), y, ln)
                order.append((n, ln, "para" if first else ""))
            first = not ln
    pdf.output(str(out))
    return order


def make_pages(folder: Path) -> dict[str, list[tuple[int, str, str]]]:
    """The 45 pages as folder/<name>.pdf; {name: set lines}."""
    seeds = {p.stem: clean(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "corpus").glob("*.txt"))}

    def body(sid: str, n: int, skip: int = 1) -> str:
        return "\n\n".join(seeds[sid].split("\n\n")[skip:skip + n])

    pages: dict[str, list[tuple[int, str, str]]] = {}
    for k in range(5):
        a, b, c = SEEDS[k], SEEDS[(k + 1) % 5], SEEDS[(k + 2) % 5]
        for size in (8, 9, 10):
            A = (HEADLINES[a], body(a, 3), 0, 2, 20, 150)
            B = (HEADLINES[b], body(b, 3), 2, 1, 20, 280)
            C = (HEADLINES[c], body(c, 3), 0, 2, 155, 280)
            row = [(HEADLINES[s], body(s, 2), i, 1, 20, 280) for i, s in enumerate((a, b, c))]
            for variant, arts in (("abc", [A, B, C]), ("ab", [A, B]), ("row", row)):
                name = f"p{k}_{size}_{variant}"
                pages[name] = epaper(arts, folder / f"{name}.pdf", size=size)
    return pages


#: the seeds' bodies (first paragraph, paragraphs) holding their own subheadings, set as
#: crossheads on the crosshead pages (seed 000 has none: an article without one)
CROSSHEAD_BODIES = {SEEDS[0]: (1, 3), SEEDS[1]: (3, 6), SEEDS[2]: (8, 5), SEEDS[3]: (3, 8), SEEDS[4]: (3, 8)}
#: a crosshead's size over the body's on those pages
CROSSHEAD_PT = 1.2


def make_crosshead_pages(folder: Path) -> dict[str, list[tuple[int, str, str]]]:
    """Pages whose articles hold crossheads (session 27): the seeds' own subheadings (their
    paragraphs under 60 characters) set bold at `CROSSHEAD_PT` times the body size, larger than
    the body, in the bodies of `CROSSHEAD_BODIES`. Five rotations x 8 / 9 / 10 pt x two layouts:
    `row` (three one-column articles side by side) and `stack` (a two-column article, the rest of
    its seed filling its columns, beside a column of two one-column articles, one under the other,
    their headlines set alike): 30
    pages, 90 articles, as folder/x<name>.pdf; {name: set lines}."""
    seeds = {p.stem: clean(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "corpus").glob("*.txt"))}
    cross = {p for text in seeds.values() for p in text.split("\n\n")[1:] if len(p) < 60}

    def body(sid: str, rest: bool = False) -> str:
        skip, n = CROSSHEAD_BODIES[sid]
        return "\n\n".join(seeds[sid].split("\n\n")[skip:None if rest else skip + n])

    pages: dict[str, list[tuple[int, str, str]]] = {}
    for k in range(5):
        a, b, c = SEEDS[k], SEEDS[(k + 1) % 5], SEEDS[(k + 2) % 5]
        for size in (8, 9, 10):
            row = [(HEADLINES[s], body(s), i, 1, 20, 280) for i, s in enumerate((a, b, c))]
            stack = [(HEADLINES[a], body(a, rest=True), 0, 2, 20, 170), (HEADLINES[b], body(b), 2, 1, 20, 145),
                     (HEADLINES[c], body(c), 2, 1, 150, 280)]
            for variant, arts in (("row", row), ("stack", stack)):
                name = f"x{k}_{size}_{variant}"
                pages[name] = epaper(arts, folder / f"{name}.pdf", size=size, crossheads=cross,
                                     crosshead_pt=round(CROSSHEAD_PT * size, 1))
    return pages


def make_turn_pages(folder: Path, factor: float = CROSSHEAD_PT) -> dict[str, list[tuple[int, str, str]]]:
    """PDFs of two pages (session 28): on the first a two-column article (columns 1-2) beside a
    one-column one (column 3) whose crossheads are set as on the crosshead pages; that article
    goes on on the second page, in its column, at its first crosshead after a paragraph of text,
    which stands at the top of that page (its lines before it that do not fit the first page are
    left out), its further crossheads under it (`factor` x the body size). Five rotations x 8 / 9 /
    10 pt: 15 PDFs, 30 articles, as folder/t<name>.pdf; {name: set lines}."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = {p.stem: clean(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "corpus").glob("*.txt"))}
    cross = {p for text in seeds.values() for p in text.split("\n\n")[1:] if len(p) < 60}
    pages: dict[str, list[tuple[int, str, str]]] = {}
    for k in range(5):
        a = SEEDS[k]
        t = next(s for s in (SEEDS[(k + 1) % 5], SEEDS[(k + 2) % 5]) if s != SEEDS[0])  # seed 000 has no crosshead
        skip, n = CROSSHEAD_BODIES[t]
        paras = seeds[t].split("\n\n")[skip:skip + n]
        at = next(p for p in paras[1:-1] if p in cross)  # its first crosshead after a paragraph of text
        arts = [(HEADLINES[a], "\n\n".join(seeds[a].split("\n\n")[1:4]), 0, 2, 20, 280),
                (HEADLINES[t], "\n\n".join(paras), 2, 1, 20, 280)]
        for size in (8, 9, 10):
            name = f"t{k}_{size}"
            pages[name] = epaper(arts, folder / f"{name}.pdf", size=size, crossheads=cross & set(paras),
                                 crosshead_pt=round(factor * size, 1), turn=(2, at))
    return pages


def order_score(extract, folder: Path, pages, show: bool = False) -> tuple[float, int]:
    """(line pairs kept, pages read in order): pairs of lines adjacent in an article that are
    adjacent in the extracted text, and pages where every such pair is. A headline's lines
    written as one line (as `extract_articles` writes them: `_raw_lines`) are its lines in order."""
    total = ok = perfect = 0
    for name, lines in pages.items():
        text, _ = extract((folder / f"{name}.pdf").read_bytes())
        got = [ln.strip() for ln in text.splitlines() if ln.strip()]
        pos: dict[str, list[int]] = {}
        for i, (_, ln, _) in enumerate(lines):
            pos.setdefault(ln.strip(), []).append(i)
        # a headline's lines written as one line (`_headline_text`: `_raw_lines`) are its set lines in order
        heads: dict[str, list[int]] = {}
        for n in sorted({line[0] for line in lines}):
            at = [i for i, line in enumerate(lines) if line[0] == n and line[2] == "head"]
            if len(at) > 1:
                heads.update({h: [i for i in at if lines[i][1].strip() in h]
                              for h in _raw_lines([lines[i] for i in at]) if h not in pos})
        seq: list[int] = []  # the set line each extracted line is (a repeated line: the one after the last)
        used: set[int] = set()
        for ln in got:
            if ln in heads and not any(i in used for i in heads[ln]):
                used.update(heads[ln])
                seq += heads[ln]
                continue
            cand = [i for i in pos.get(ln, []) if i not in used]
            if not cand:
                continue
            i = seq[-1] + 1 if seq and seq[-1] + 1 in cand else cand[0]
            used.add(i)
            seq.append(i)
        want = sum(1 for x, y in zip(lines, lines[1:]) if x[0] == y[0])
        good = sum(1 for x, y in zip(seq, seq[1:]) if y == x + 1 and lines[x][0] == lines[y][0])
        total += want
        ok += good
        perfect += good == want
        if show and good != want:
            jumps = [(lines[x][1][:25], lines[y][1][:25]) for x, y in zip(seq, seq[1:]) if y != x + 1
                     and not (lines[y][0] != lines[x][0] and (y == 0 or lines[y - 1][0] != lines[y][0]))]
            print(f"  {name}: {good}/{want} pairs; jumps {jumps[:3]}")
    return ok / total, perfect


def extract_paragraphs_score(extract, folder: Path, pages) -> tuple[int, int, int, int]:
    """(set paragraphs found whole in the clean text of `extract`, set paragraphs, headlines not
    found, body paragraphs not found) over the pages: the one record a page gives without
    `--pdf-articles`."""
    found = total = heads = bodies = 0
    for name, lines in pages.items():
        raw, meta = extract((folder / f"{name}.pdf").read_bytes())
        got = set(clean_input(raw, meta).text.split("\n\n"))
        for n in sorted({line[0] for line in lines}):
            mine = [line for line in lines if line[0] == n]
            head = " ".join(ln.strip() for _, ln, kind in mine if kind == "head")
            for para in _paragraphs(mine).split("\n\n"):
                total += 1
                if para in got:
                    found += 1
                elif para == head:
                    heads += 1
                else:
                    bodies += 1
    return found, total, heads, bodies


#: what the cleaner reads as a hyphen at a line end (pipeline/clean/data.py `_HYPHENS`)
LINE_END_HYPHENS = "-\u00ad\u00ac\u2010\u2011"


def _raw_lines(lines: list[tuple[int, str, str]]) -> list[str]:
    """An article's set lines as `extract_articles` gives them in its raw text: a headline's lines
    joined into one with a space, but after a line that ends in a hyphen after a letter or digit
    (the cleaner mends that line end), the other lines as set; stripped."""
    out: list[str] = []
    prev = ""
    for _, ln, kind in lines:
        ln = ln.strip()
        end = out[-1] if out else ""
        if kind == "head" and prev == "head" and not (len(end) >= 2 and end[-1] in LINE_END_HYPHENS and end[-2].isalnum()):
            out[-1] = end + " " + ln
        else:
            out.append(ln)
        prev = kind
    return out


def _paragraphs(lines: list[tuple[int, str, str]]) -> str:
    """An article's clean text as set: its headline one paragraph, then each body paragraph's
    lines (those that fit its columns) joined with a space, paragraphs apart by a blank line."""
    paras: list[list[str]] = []
    for _, ln, kind in lines:
        if not paras or kind == "para" or (kind == "head") != (paras[-1][0] == "head"):
            paras.append(["head" if kind == "head" else ""])
        paras[-1].append(ln.strip())
    return "\n\n".join(" ".join(p[1:]) for p in paras)


def articles_score(extract_articles, folder: Path, pages, show: bool = False) -> dict[str, int]:
    """`extract_articles` against the set articles: found, expected, raw lines equal in order
    (a headline's lines one line, `_raw_lines`), pages all right, clean text equal to the lines
    joined but for whitespace, its first paragraph the headline, and equal to the set paragraphs
    (`_paragraphs`) character for character (paragraph breaks counted)."""
    r = dict(found=0, expected=0, equal=0, pages=0, clean=0, headline=0, paragraphs=0)
    for name, lines in pages.items():
        arts, furniture, meta = extract_articles((folder / f"{name}.pdf").read_bytes())
        sets: dict[int, list[tuple[int, str, str]]] = {}
        for line in lines:
            sets.setdefault(line[0], []).append(line)
        groups = {n: _raw_lines(s) for n, s in sets.items()}
        got = [[ln.strip() for ln in a.text.splitlines() if ln.strip()] for a in arts]
        r["expected"] += len(groups)
        r["found"] += len(got)
        equal = sum(1 for g in groups.values() if g in got)
        r["equal"] += equal
        r["pages"] += equal == len(groups) == len(got)
        for a in arts:
            text = clean_input(a.text, meta).text
            # the set article of the same headline (not of the same raw lines: an extractor that
            # keeps a headline's lines apart is measured here too)
            head = getattr(a, "headline", "")
            n = next((n for n, s in sets.items() if " ".join(ln.strip() for _, ln, k in s if k == "head") == head), None)
            if n is None:
                continue
            r["clean"] += " ".join(text.split()) == " ".join(" ".join(ln for _, ln, _ in sets[n]).split())
            r["headline"] += text.split("\n\n")[0] == head
            want = _paragraphs(sets[n])
            r["paragraphs"] += text == want
            if show and text != want:
                extra = [p[:40] for p in text.split("\n\n") if p not in want.split("\n\n")]
                print(f"  {name}: article {n}'s clean text has {len(text.split(chr(10) * 2))} paragraphs, "
                      f"{len(want.split(chr(10) * 2))} set; not set: {extra[:3]}")
        if show and (equal != len(groups) or len(got) != len(groups)):
            print(f"  {name}: {len(groups)} set, {len(got)} found, {equal} equal; furniture {furniture[:80]!r}")
    return r


def load_pdf_module(rev: str) -> ModuleType:
    """pipeline/pdf.py as it was at git revision `rev`, as a module of its own."""
    try:
        src = subprocess.run(["git", "show", f"{rev}:pipeline/pdf.py"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    except subprocess.CalledProcessError as e:
        sys.exit(f"--baseline {rev}: git show {rev}:pipeline/pdf.py failed: {e.stderr.strip()}")
    # a module of the package `pipeline` (its relative imports are the package's now), under a
    # name of its own; in sys.modules, as its dataclasses look their module up there
    spec = importlib.util.spec_from_loader("pipeline._pdf_baseline", loader=None)
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "pipeline"
    sys.modules[spec.name] = mod
    exec(compile(src, f"{rev}:pipeline/pdf.py", "exec"), mod.__dict__)
    return mod



def _print_crosshead_rows(runs, folder, pages, show, record) -> None:
    """The rows of a crosshead table, each run: the articles of `extract_articles` and the paragraphs of
    `extract` + clean (`record`: one record a page or a PDF). Raw lines are not compared: a crosshead's
    lines are one line of the raw text, as a headline's."""
    for label, mod in runs:
        if not hasattr(mod, "extract_articles"):
            continue
        r = articles_score(mod.extract_articles, folder, pages, show)
        print(f"  {label}: extract_articles: articles found {r['found']} / {r['expected']}; clean text equal "
              f"{r['clean']}/{r['expected']} (whitespace normalised), with its paragraph breaks {r['paragraphs']}/{r['expected']}")
        found, total, _heads, _bodies = extract_paragraphs_score(mod.extract, folder, pages)
        print(f"  {label}: extract + clean ({record}): set paragraphs whole {found}/{total}")

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", metavar="REV", help="also score pipeline/pdf.py of this git revision (e.g. 1c23a67~1)")
    ap.add_argument("--out", type=Path, help="keep the PDFs and expected.json here (e.g. bench/_work/epaper); "
                                             "default a temporary folder")
    ap.add_argument("--show", action="store_true", help="print the pages read wrong")
    args = ap.parse_args()

    import pipeline.pdf as current

    runs = [("current", current)]
    if args.baseline:
        runs.insert(0, (f"baseline {args.baseline}", load_pdf_module(args.baseline)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pages = make_pages(folder)
        if args.out:
            (folder / "expected.json").write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        n_arts = sum(len({line[0] for line in lines}) for lines in pages.values())
        print(f"{len(pages)} generated e-paper pages, {n_arts} articles (seeds of corpus/, fpdf2, 8-10 pt, three layouts)")
        for label, mod in runs:
            print(f"{label}:")
            pairs, in_order = order_score(mod.extract, folder, pages, args.show)
            print(f"  extract: pages read in order {in_order}/{len(pages)}; line pairs kept {pairs:.4f}")
            found, total, heads, bodies = extract_paragraphs_score(mod.extract, folder, pages)
            print(f"  extract + clean (one record a page): set paragraphs whole {found}/{total}; "
                  f"not: headlines {heads}, body paragraphs {bodies}")
            if not hasattr(mod, "extract_articles"):
                print("  extract_articles: not in this revision")
                continue
            r = articles_score(mod.extract_articles, folder, pages, args.show)
            print(f"  extract_articles (--pdf-articles): articles found {r['found']} / {r['expected']}; "
                  f"raw lines equal in order {r['equal']}/{r['expected']}; pages all right {r['pages']}/{len(pages)}; "
                  f"clean text equal {r['clean']}/{r['expected']} (whitespace normalised), "
                  f"its headline one paragraph {r['headline']}/{r['expected']}, "
                  f"with its paragraph breaks {r['paragraphs']}/{r['expected']}")
        xpages = make_crosshead_pages(folder)
        n_x = sum(len({line[0] for line in lines}) for lines in xpages.values())
        print(f"{len(xpages)} pages with crossheads (bold, {CROSSHEAD_PT} x body), {n_x} articles (one-column "
              f"articles side by side, and a column of two beside a two-column one):")
        _print_crosshead_rows(runs, folder, xpages, args.show, "one record a page")
        tpages = make_turn_pages(folder)
        n_t = sum(len({line[0] for line in lines}) for lines in tpages.values())
        print(f"{len(tpages)} PDFs of two pages, {n_t} articles, one going on on the second page at a crosshead "
              f"(bold, {CROSSHEAD_PT} x body) set at its top:")
        _print_crosshead_rows(runs, folder, tpages, args.show, "one record a PDF")


if __name__ == "__main__":
    main()
