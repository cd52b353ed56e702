"""Typeset real news articles as two-column print pages with LaTeX (German hyphenation via
babel ngerman, running header with section / issue / date / outlet, page number in the footer,
a headline and a teaser spanning both columns) and extract the text again.

Only used by bench/bench_clean.py. Generated files go to bench/_work/ (gitignored).
"""
from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

# layouts: "a" = two columns, 10pt Latin Modern (the bench the cleaner was developed on);
# "b" = three columns (multicol), 9pt Latin Modern Sans, narrow column gap, header "OUTLET | SECTION",
# footer "Seite N": other line breaks, other hyphenation points, other furniture;
# "c" = three columns, 10pt Latin Modern Roman, italic teaser, centred page number: a third set of
# line breaks for the same dev articles (more junctions to look for error classes in)
TEMPLATES = {k: (Path(__file__).parent / f).read_text(encoding="utf-8")
             for k, f in (("a", "template.tex"), ("b", "template_b.tex"), ("c", "template_c.tex"))}
TEMPLATE = TEMPLATES["a"]

# characters the T1/lmodern/textcomp setup typesets and the extractors give back as they are
_ALLOWED = set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " .,;:!?()[]/+-*=<>|@&%$#_'\"§€°²³½¼¾·„“”‚‘’–—…«»"
    "äöüÄÖÜßéèêëáàâãåçíìîïñóòôõøúùûýÿÉÈÊÁÀÂÇÍÓÒÔØÚÙÛÑæÆœŒšŠžŽčČćĆřŘěĚłŁńśŚźżŻğşŞıİ"
)

_ESC = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    '"': r"\textquotedbl{}", "'": r"\textquotesingle{}", "`": r"\textasciigrave{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", "€": r"\texteuro{}",
    "§": r"\S{}", "°": r"\textdegree{}", "·": r"\textperiodcentered{}", "½": r"\textonehalf{}",
    "¼": r"\textonequarter{}", "¾": r"\textthreequarters{}", "²": r"\texttwosuperior{}",
    "³": r"\textthreesuperior{}",
}


def typesettable(text: str) -> bool:
    return all(c in _ALLOWED or c == "\n" for c in text)


def tex_escape(s: str) -> str:
    out = []
    for i, c in enumerate(s):
        if c in _ESC:
            out.append(_ESC[c])
        elif c == "-" and i + 1 < len(s) and s[i + 1] == "-":
            out.append("-{}")  # no en-dash ligature from "--"
        elif c in "!?" and i + 1 < len(s) and s[i + 1] == "`":
            out.append(c + "{}")
        else:
            out.append(c)
    return "".join(out)


def paragraphs(text: str, sentences_per_par: int = 4) -> list[str]:
    """Paragraphs of the source text (split long unbroken texts every few sentences)."""
    pars = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    out = []
    for p in pars:
        if len(p) < 900:
            out.append(p)
            continue
        sents = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])", p)
        for k in range(0, len(sents), sentences_per_par):
            out.append(" ".join(sents[k:k + sentences_per_par]))
    return out


def render(doc_id: str, title: str, teaser: str, body: list[str], section: str, outlet: str, date: str,
           layout: str = "a") -> str:
    h = int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16)
    issue = 1 + h % 52
    first_page = 10 + h % 120
    return (TEMPLATES[layout]
            .replace("%SECTION%", tex_escape(section.upper()))
            .replace("%OUTLET%", tex_escape(outlet))
            .replace("%ISSUE%", str(issue))
            .replace("%DATE%", tex_escape(date))
            .replace("%FIRSTPAGE%", str(first_page))
            .replace("%TITLE%", tex_escape(title))
            .replace("%TEASER%", tex_escape(teaser))
            .replace("%BODY%", "\n\n".join(tex_escape(p) for p in body)))


def build_pdf(tex: str, workdir: Path, name: str) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    src = workdir / f"{name}.tex"
    src.write_text(tex, encoding="utf-8")
    r = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=workdir, capture_output=True, timeout=300,
    )
    pdf = workdir / f"{name}.pdf"
    if r.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"pdflatex failed for {name}: {r.stdout[-800:].decode('utf-8', 'replace')}")
    for ext in (".aux", ".log"):
        (workdir / f"{name}{ext}").unlink(missing_ok=True)
    return pdf


def extract_pdftotext(pdf: Path) -> str:
    """pdftotext -raw: content-stream order, keeps line ends and line-end hyphens."""
    r = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=120)
    r.check_returncode()
    return r.stdout.decode("utf-8")


def extract_pdftotext_default(pdf: Path) -> str:
    """pdftotext's default reading-order mode. NB: poppler (22.x) joins hyphenated line ends
    itself ("30-\njährige" -> "30jährige"), so its errors are not the cleaner's."""
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=120)
    r.check_returncode()
    return r.stdout.decode("utf-8")


def extract_pdfminer(pdf: Path) -> str:
    """pdfminer.six as `pipeline.pdf.extract` reads it (what a PDF given to `presseschau run`
    gets: pdfminer's text boxes, default LAParams, put in reading order by columns)."""
    from pipeline.pdf import extract

    return extract(pdf.read_bytes())[0]


EXTRACTORS = {"pdftotext": extract_pdftotext, "pdftotext-default": extract_pdftotext_default, "pdfminer": extract_pdfminer}
