"""How the Bundestag plenary protocols 2017-2026 write the shapes of compound that pdftotext's default
mode glues at a line end (issue 17): hyphenated, glued, or as two words. A report, not a table: the
cleaner's rules that rest on it (pipeline/clean/hyphen_compounds.py, `_participle_pair` and the word
and number before a compound, session 31) read the lexicon and `corpus_forms.tsv.gz`; this script
gives the counts their comments cite, from the protocols' full text (every form, also those seen once
or twice, which `corpus_forms.tsv.gz` leaves out, and forms with a digit glued to a letter, which it
leaves out as extraction artefacts).

Shapes counted (forms and their tokens):
  * a capitalised word, a number and a capitalised tail: "Leopard-2-Panzer" against "Target2-Salden";
  * a present participle (an infinitive of the lexicon and "d") and a word of the lexicon of six letters
    or more: "beschreibend-analytische" against glued forms (the adverbs in "-erweise" are a
    comparative's "-er" and "weise", listed apart);
  * lowercase heads (`--heads`, default "nicht anti quasi top pro"): forms "nicht-binäre" against
    "nichtöffentlich" (the second part a word of four letters or more), and how often the head stands
    as a word of its own before a lowercase word ("nicht öffentlich", "quasi staatlich": `--pairs`).

Never reads Wikinews or 10kGNAD text: the cleaning bench's articles come from them.

    python -m training.hyphen_pairs [--heads nicht anti quasi] [--src ../shared/data/text/bundestag]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from training.hyphen_corpus import SRC, TOKEN, protocol_paths, raw_lines, text_lines

_WORD_NUMBER_TAIL = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{3,})(-?)(\d+)-[A-ZÄÖÜ].*")
_PARTICIPLE = re.compile(r"([a-zäöüß]{4,}en)d(?:e[mnrs]?)?")


def count(paths: list[Path], heads: frozenset) -> tuple[Counter, Counter]:
    """(form -> count, (head, next word) -> count for the heads standing as words of their own)."""
    forms: Counter = Counter()
    apart: Counter = Counter()
    for line in text_lines(raw_lines(paths)):
        toks = TOKEN.findall(line)
        forms.update(toks)
        for a, b in zip(toks, toks[1:]):
            if a in heads and b.isalpha() and b.islower():
                apart[a] += 1
    return forms, apart


def main() -> None:
    from pipeline.clean.data import lexicon

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--heads", nargs="*", default=["nicht", "anti", "quasi", "top", "pro"])
    args = ap.parse_args()
    paths = protocol_paths(args.src)
    lex = lexicon()
    forms, apart = count(paths, frozenset(args.heads))
    print(f"{sum(forms.values()):,} tokens, {len(forms):,} forms ({', '.join(p.name for p in paths)})")

    hy: Counter = Counter()
    gl: Counter = Counter()
    for f, n in forms.items():
        m = _WORD_NUMBER_TAIL.fullmatch(f)
        if m:
            (hy if m.group(2) else gl)[f] += n
    print(f"\nword, number, tail: hyphenated {len(hy)} forms ({sum(hy.values())} times), e.g. "
          f"{[f for f, _ in hy.most_common(6)]}; glued {len(gl)} ({sum(gl.values())}): {[f for f, _ in gl.most_common(10)]}")

    def word(x: str, floor: float = -16.0) -> bool:
        return (lex.get(x) or -99.0) >= floor

    def participle(x: str) -> bool:
        m = _PARTICIPLE.fullmatch(x)
        return m is not None and word(m.group(1), -15.0)

    hy, gl, adv = Counter(), Counter(), Counter()
    for f, n in forms.items():
        if re.fullmatch(r"[a-zäöüß]+-[a-zäöüß]+", f):
            a, b = f.split("-")
            if a.endswith("end") and participle(a) and len(b) >= 6 and (word(b) or participle(b)):
                hy[f] += n
        elif f.isalpha() and f.islower() and len(f) >= 13:
            for k in range(7, len(f) - 5):
                a, b = f[:k], f[k:]
                if a.endswith("end") and participle(a) and word(a) and (word(b) or participle(b)):
                    (adv if b == "erweise" else gl)[f] += n
                    break
    print(f"\npresent participle + word: hyphenated {len(hy)} forms ({sum(hy.values())} times): {sorted(hy)}; "
          f"glued {len(gl)} ({sum(gl.values())}): {[f'{f} {n}' for f, n in gl.most_common(20)]}; "
          f"adverbs in -erweise {len(adv)} ({sum(adv.values())})")
    unknown = {f: n for f, n in gl.items() if lex.get(f) is None}
    print(f"   glued forms the lexicon lacks: {unknown}")

    print("\nlowercase heads: hyphenated forms / glued forms (the rest a word of the lexicon or of the protocols, "
          "four letters or more) / the head as a word before a lowercase word")
    for h in args.heads:
        H = {f: n for f, n in forms.items() if f.startswith(h + "-") and re.fullmatch(r"[a-zäöüß]+-[a-zäöüß]{4,}", f)}
        G = {f: n for f, n in forms.items() if f.startswith(h) and f.isalpha() and f.islower() and len(f) >= len(h) + 4
             and (word(f[len(h):]) or forms.get(f[len(h):], 0) >= 3)}
        print(f"   {h}: {len(H)} ({sum(H.values())}) / {len(G)} ({sum(G.values())}) / {apart[h]}; "
              f"e.g. {sorted(H, key=lambda x: -H[x])[:3]} / {sorted(G, key=lambda x: -G[x])[:3]}")


if __name__ == "__main__":
    main()
