"""PDF inputs end to end: the seeds set as full-width PDFs (bench/clean_bench/pdf_pages.py:
9, 10, 11 pt; ragged and justified; a running header on every page), read with
`pipeline.pdf.extract` (pdfminer.six) and cleaned with its meta (`clean_input`), against the clean text of their text files.

Prints, per setting and in all: word precision / recall (bags of words), the texts equal to the
text file's clean text character for character, and the paragraph breaks over the text file's.

Then the same seeds set as an archive page with a headline and crossheads (session 26): the
headline (the seed's own, or bench_epaper.py's for the seeds that start with their body) bold at
twice the body size in a measure of 90 mm (most break into two lines), the seeds' subheadings
(their paragraphs under 60 characters) as crossheads, bold at 1.2 times the body size: the same
measures and the records' titles equal to the headline (`record.merge_meta`: the cleaner's
title, else the extractor's hint). Reported apart from the first table.

    .venv/bin/python bench/bench_pdf.py
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from clean_bench.pdf_pages import typeset  # noqa: E402
from pipeline.clean import clean, clean_input  # noqa: E402
from pipeline.pdf import extract  # noqa: E402
from pipeline.record import merge_meta  # noqa: E402
from bench_epaper import HEADLINES  # noqa: E402


def main() -> None:
    seeds = {p.stem: clean(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "corpus").glob("*.txt"))}
    total = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for align in ("L", "J"):
            for size in (9, 10, 11):
                row = Counter()
                for sid, want in seeds.items():
                    raw, meta = extract(typeset(want, Path(tmp) / f"{sid}.pdf", size=size, align=align).read_bytes())
                    got = clean_input(raw, meta).text  # as `presseschau run` cleans it
                    a, b = Counter(want.split()), Counter(got.split())
                    row.update(common=sum((a & b).values()), want=sum(a.values()), got=sum(b.values()),
                               equal=int(got == want), docs=1,
                               extra_breaks=max(0, got.count("\n\n") - want.count("\n\n")))
                total.update(row)
                print(f"{size:>2} pt {'justified' if align == 'J' else 'ragged':9}  word P {row['common'] / row['got']:.4f}  "
                      f"R {row['common'] / row['want']:.4f}  equal {row['equal']}/{row['docs']}  extra paragraph breaks {row['extra_breaks']}")
    print(f"all          word P {total['common'] / total['got']:.4f}  R {total['common'] / total['want']:.4f}  "
          f"equal {total['equal']}/{total['docs']}  extra paragraph breaks {total['extra_breaks']}")
    print("with a headline (2 x body, 90 mm) and crossheads (bold, 1.2 x body):")
    total = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for align in ("L", "J"):
            for size in (9, 10, 11):
                row = Counter()
                for sid, text in seeds.items():
                    paras = text.split("\n\n")
                    head = paras[0] if len(paras[0]) < 80 else HEADLINES[sid]
                    want = text if head == paras[0] else f"{head}\n\n{text}"
                    crossheads = {p for p in paras[1:] if len(p) < 60}
                    pdf = typeset(want, Path(tmp) / f"{sid}.pdf", size=size, align=align, crossheads=crossheads,
                                  crosshead_pt=1.2 * size, headline_pt=2 * size, headline_width=90)
                    raw, meta = extract(pdf.read_bytes())
                    cleaned = clean_input(raw, meta)
                    got = cleaned.text
                    a, b = Counter(want.split()), Counter(got.split())
                    row.update(common=sum((a & b).values()), want=sum(a.values()), got=sum(b.values()),
                               equal=int(got == want), docs=1, title=int(merge_meta(cleaned, meta).get("title") == head),
                               extra_breaks=max(0, got.count("\n\n") - want.count("\n\n")))
                total.update(row)
                print(f"{size:>2} pt {'justified' if align == 'J' else 'ragged':9}  word P {row['common'] / row['got']:.4f}  "
                      f"R {row['common'] / row['want']:.4f}  equal {row['equal']}/{row['docs']}  extra paragraph breaks "
                      f"{row['extra_breaks']}  title {row['title']}/{row['docs']}")
    print(f"all          word P {total['common'] / total['got']:.4f}  R {total['common'] / total['want']:.4f}  "
          f"equal {total['equal']}/{total['docs']}  extra paragraph breaks {total['extra_breaks']}  "
          f"title {total['title']}/{total['docs']}")


if __name__ == "__main__":
    main()
