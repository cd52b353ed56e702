"""Train small static floret vectors on unlabelled German text from ../shared/data.

    python -m training.vectors [--data ../shared/data] [--dim 64] [--bucket 25000] [--epoch 10]
                               [--bundestag] [--out training/vectors]

Text used (tokenized with spacy.blank("de"), one sentence / paragraph per line):
news/wikinews_de (CC BY 2.5) and the *text* of the training corpora (labels
unused): GermEval 2014 dev, LER (all splits), WikiANN (all splits), SmartData
v1 (train+test), MobIE (all), Europarl NER (all), UD GSD train/dev, UD PUD.

With ``--bundestag``: also the Bundestag plenary protocols 2017-2026 (text/bundestag,
35.7M words, official works under § 5 UrhG), one paragraph per line; the lines of all
sources are then shuffled (seeded) so that `spacy pretrain` with a step limit sees every
source.

Never used: GermEval 2014 test and UD GSD test (evaluation sets), 10kGNAD and
HIPE (non-commercial licences) and the third-party web pages.

Writes training/corpus/raw.txt (and raw.jsonl, the same lines for `spacy pretrain`),
training/vectors/de_floret.floret and the spaCy
vectors directory training/vectors/de_floret (for [initialize] vectors).
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (ROOT / ".." / "shared" / "data").resolve()


def column_sentences(path: Path, col: int = 0, opener=open, strip_prefix: str = ""):
    words = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield " ".join(words)
                    words = []
                continue
            if line.startswith("#") and "\t" in line and col == 1:
                continue
            if line.startswith("-DOCSTART-"):
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            w = cols[col]
            if strip_prefix and w.startswith(strip_prefix):
                w = w[len(strip_prefix):]
            words.append(w)
    if words:
        yield " ".join(words)


def conllu_sentences(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[len("# text = "):].strip()


def bundestag_lines(data: Path):
    for path in sorted((data / "text/bundestag").glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("# doc "):
                    yield line.strip()


def wikinews_lines(data: Path):
    """The non-blank lines (paragraphs) of the Wikinews articles' text, as they stand."""
    with gzip.open(data / "news/wikinews_de.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            yield from (p for p in text.split("\n") if p.strip())


def build_raw(data: Path, out: Path, bundestag: bool = False) -> int:
    sys.path.insert(0, str(ROOT))
    from training.convert import read_smartdata

    nlp = spacy.blank("de")
    lines = list(wikinews_lines(data))
    for split in ("train", "test"):
        for d in read_smartdata(data / f"ner/smartdata_v1/{split}.json.gz"):
            t = d["text"]["string"] if isinstance(d.get("text"), dict) else (d.get("text") or "")
            lines.extend(p for p in t.split("\n") if p.strip())
    lines.extend(conllu_sentences(data / "ud/gsd/de_gsd-ud-dev.conllu"))
    lines.extend(conllu_sentences(data / "ud/pud/de_pud-ud-test.conllu"))
    if bundestag:
        lines.extend(bundestag_lines(data))
    raw_tokenized = []
    for doc in nlp.pipe(lines, batch_size=1024):
        raw_tokenized.append(" ".join(t.text for t in doc if not t.is_space))
    pre = []
    pre += column_sentences(data / "ner/germeval2014/NER-de-dev.tsv", col=1)
    for name in ("ler_train_derived_nooverlap.conll.gz", "ler_dev.conll.gz", "ler_test.conll.gz"):
        pre += column_sentences(data / "ner/ler" / name, col=0, opener=gzip.open)
    for split in ("train", "dev", "test"):
        pre += column_sentences(data / "ner/wikiann_de" / split, col=0, strip_prefix="de:")
        pre += column_sentences(data / f"ner/europarl_ner_de/{split}.tsv", col=0)
        pre += column_sentences(data / f"ner/mobie/{split}.conll2003", col=0)
    with open(data / "ud/gsd_train_upos/de_gsd-ud-train.conllu.pos", encoding="utf-8") as f:
        for line in f:
            toks = [t.rpartition("##") for t in line.split()]
            pre.append(" ".join(w for w, _, tag in toks))
    out.parent.mkdir(parents=True, exist_ok=True)
    all_lines = raw_tokenized + pre
    if bundestag:
        import random
        random.Random(13).shuffle(all_lines)
    n_tok = 0
    # the same lines as JSONL ({"text": ...}) for `spacy pretrain` (configs/pretrain.cfg)
    with open(out, "w", encoding="utf-8") as f, open(out.with_suffix(".jsonl"), "w", encoding="utf-8") as fj:
        for line in all_lines:
            if line.strip():
                f.write(line + "\n")
                fj.write(json.dumps({"text": line.strip()}, ensure_ascii=False) + "\n")
                n_tok += line.count(" ") + 1
    print(f"raw text: {len(raw_tokenized) + len(pre)} lines, {n_tok} tokens -> {out}", file=sys.stderr)
    return n_tok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bucket", type=int, default=25000)
    ap.add_argument("--epoch", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "training/vectors")
    ap.add_argument("--bundestag", action="store_true", help="add the Bundestag protocols (35.7M words)")
    ap.add_argument("--raw", type=Path, default=ROOT / "training/corpus/raw.txt")
    args = ap.parse_args()
    import floret

    raw = args.raw
    build_raw(args.data, raw, bundestag=args.bundestag)
    args.out.mkdir(parents=True, exist_ok=True)
    model = floret.train_unsupervised(
        str(raw), model="cbow", mode="floret", hashCount=2, bucket=args.bucket,
        minn=4, maxn=5, minCount=3, dim=args.dim, epoch=args.epoch, thread=args.threads,
    )
    vec_file = args.out / "de_floret.floret"
    model.save_floret_vectors(str(vec_file))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "de", str(vec_file),
                    str(args.out / "de_floret"), "--mode", "floret"], check=True)


if __name__ == "__main__":
    main()
