"""Convert the open German corpora in ../shared/data into spaCy DocBin files.

Usage (from the repository root):

    python -m training.convert [--data ../shared/data] [--out training/corpus]
                               [--ler-n 8000] [--wikiann-n 20000] [--germeval-repeat 2]

Writes (all gitignored):

  NER (labels PER, ORG, LOC, MISC)
    ner_germeval_train.spacy  GermEval 2014 dev minus the 500 held-out sentences
    ner_dev.spacy             500 held-out GermEval 2014 dev sentences (model selection)
    ner_ler.spacy             LER train (sub-sampled), legal-norm classes = missing
    ner_wikiann.spacy         WikiANN de train (silver)
    ner_smartdata.spacy       SmartData v1 train (documents, char offsets)
    ner_mobie.spacy           MobIE train
    ner_europarl.spacy        Europarl NER train (IOB1)
    ner_europeana.spacy       Europeana Newspapers (OCR, PER/LOC/ORG), 90 % of each file
    ner_zefys.spacy           ZEFYS2025 train (OCR, PER/LOC/ORG)
    ner_{europeana,zefys}_held_out.spacy   their held-out parts (OCR robustness, see ocr_split)
    ner_train.spacy           the mix of the above used for training
  UD
    pos_train.spacy           GSD train (token##UPOS, older release, re-mapped to the
                              current guidelines) + PUD + GSD dev[:600]
    pos_dev.spacy             GSD dev[600:] (current release) for model selection
    dep_train.spacy           PUD + GSD dev[:600] (full trees, 10 sentences per doc)
    dep_dev.spacy             GSD dev[600:]

GermEval 2014 test and UD GSD test are never read here (evaluation only, see
pipeline/evaluate/model.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import iob_to_biluo, biluo_tags_to_spans

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (ROOT / ".." / "shared" / "data").resolve()
DEFAULT_OUT = ROOT / "training" / "corpus"
SEED = 13
UD_DEV_SPLIT = 600  # GSD dev sentences [:600] are training, [600:] held out

nlp = spacy.blank("de")
vocab = nlp.vocab

# --------------------------------------------------------------------------- helpers


def make_doc(words: list[str], spaces: list[bool] | None = None) -> Doc:
    if spaces is None:
        spaces = [True] * len(words)
        if spaces:
            spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces)


def iob1_to_iob2(tags: list[str]) -> list[str]:
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-"):
            label = t[2:]
            if prev == "O" or prev[2:] != label:
                t = "B-" + label
        out.append(t)
        prev = t
    return out


def doc_from_iob(words: list[str], tags: list[str], missing_labels: set[str] = frozenset()) -> Doc:
    """Build a doc from IOB2 tags. Entities whose label is in missing_labels are
    set as *missing* (unknown) rather than O."""
    doc = make_doc(words)
    # repair stray I- tags
    fixed = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        fixed.append(t)
        prev = t
    spans = biluo_tags_to_spans(doc, iob_to_biluo(fixed))
    ents = [s for s in spans if s.label_ not in missing_labels]
    missing = [s for s in spans if s.label_ in missing_labels]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def read_columns(path: Path, opener=open) -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of whitespace/tab separated columns."""
    with opener(path, "rt", encoding="utf-8") as f:
        block: list[list[str]] = []
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if block:
                    yield block
                    block = []
                continue
            block.append(line.split("\t") if "\t" in line else line.split(" "))
        if block:
            yield block


def write(docs: list[Doc], path: Path) -> None:
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    n_ents = sum(len(d.ents) for d in docs)
    n_words = sum(len(d) for d in docs)
    print(f"  {path.name}: {len(docs)} docs, {n_words} tokens, {n_ents} entities", file=sys.stderr)


# --------------------------------------------------------------------------- NER

GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}


def germeval_tag(tag: str) -> str:
    """Outer-level GermEval tag -> IOB2 with PER/ORG/LOC/MISC; part/deriv -> O."""
    if tag == "O" or "part" in tag or "deriv" in tag:
        return "O"
    bio, label = tag.split("-", 1)
    return f"{bio}-{GERMEVAL_MAP[label]}"


def read_germeval(path: Path) -> list[tuple[list[str], list[str], list[str]]]:
    """Returns (words, iob2 tags, raw outer tags) per sentence."""
    out = []
    for block in read_columns(path):
        rows = [r for r in block if not r[0].startswith("#")]
        words = [r[1] for r in rows]
        raw = [r[2] for r in rows]
        out.append((words, [germeval_tag(t) for t in raw], raw))
    return out


def convert_germeval(path: Path) -> tuple[list[Doc], list[Doc]]:
    from pipeline.evaluate.model import germeval_held_out

    sents = read_germeval(path)
    dev_idx = germeval_held_out(len(sents))  # one definition, shared with `evaluate-model --split dev`
    train, dev = [], []
    for i, (words, tags, _) in enumerate(sents):
        doc = doc_from_iob(words, tags)
        (dev if i in dev_idx else train).append(doc)
    return train, dev


LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
LER_MISSING = {"GS", "VO", "EUN", "VS", "VT", "RS", "LIT"}


def convert_ler(path: Path, n: int) -> list[Doc]:
    sents = []
    for block in read_columns(path, gzip.open):
        words = [r[0] for r in block]
        tags = []
        for r in block:
            t = r[-1]
            if t != "O":
                bio, label = t.split("-", 1)
                t = f"{bio}-{LER_MAP.get(label, 'MISSING')}"
            tags.append(t)
        sents.append((words, tags))
    rng = random.Random(SEED)
    # prefer sentences with PER/ORG/LOC entities, fill with others
    with_ents = [s for s in sents if any(t[2:] in {"PER", "LOC", "ORG"} for t in s[1])]
    others = [s for s in sents if not any(t[2:] in {"PER", "LOC", "ORG"} for t in s[1])]
    rng.shuffle(with_ents)
    rng.shuffle(others)
    n_ent = min(len(with_ents), int(n * 0.6))
    chosen = with_ents[:n_ent] + others[: max(0, n - n_ent)]
    rng.shuffle(chosen)
    return [doc_from_iob(w, t, missing_labels={"MISSING"}) for w, t in chosen]


def convert_wikiann(path: Path, n: int) -> list[Doc]:
    sents = []
    for block in read_columns(path):
        words = [r[0][3:] if r[0].startswith("de:") else r[0] for r in block]
        tags = [r[-1] for r in block]
        sents.append((words, tags))
    rng = random.Random(SEED)
    rng.shuffle(sents)
    return [doc_from_iob(w, t) for w, t in sents[:n]]


def mobie_label(label: str) -> str | None:
    """Map a MobIE / SmartData type to PER/ORG/LOC, 'O' or None (= missing)."""
    if label == "person":
        return "PER"
    if label.startswith("organization") or label == "org":
        return "ORG"
    if label.startswith("location"):
        return "LOC"
    if label in {"date", "time", "number", "money", "duration", "distance", "percent", "set"}:
        return "O"
    return None  # trigger, event-cause, disaster-type, org-position, ...


def convert_mobie(path: Path) -> list[Doc]:
    docs = []
    for block in read_columns(path):
        rows = [r for r in block if not r[0].startswith("-DOCSTART-")]
        if not rows:
            continue
        words = [r[0] for r in rows]
        tags = []
        for r in rows:
            t = r[-1]
            if t != "O":
                bio, label = t.split("-", 1)
                m = mobie_label(label)
                t = "O" if m == "O" else f"{bio}-{m or 'MISSING'}"
            tags.append(t)
        docs.append(doc_from_iob(words, tags, missing_labels={"MISSING"}))
    return docs


def read_smartdata(path: Path) -> list[dict]:
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    i, docs = 0, []
    while i < len(raw):
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            break
        obj, i = dec.raw_decode(raw, i)
        docs.append(obj)
    return docs


def convert_smartdata(path: Path) -> list[Doc]:
    out = []
    n_skip = 0
    for d in read_smartdata(path):
        text = d["text"]["string"] if isinstance(d.get("text"), dict) else d.get("text")
        if not text:
            continue
        doc = nlp.make_doc(text)
        ents, missing = [], []
        mentions = (d.get("conceptMentions") or {}).get("array", [])
        for cm in mentions:
            label = mobie_label(cm["type"])
            if label == "O":
                continue
            s, e = cm["span"]["start"], cm["span"]["end"]
            span = doc.char_span(s, e, label=label or "MISSING", alignment_mode="expand")
            if span is None:
                n_skip += 1
                continue
            (ents if label else missing).append(span)
        # resolve overlaps: keep longest, then mark any overlapping leftovers missing
        ents = spacy.util.filter_spans(ents)
        taken = set()
        for s in ents:
            taken.update(range(s.start, s.end))
        missing = [s for s in missing if not any(i in taken for i in range(s.start, s.end))]
        missing = spacy.util.filter_spans(missing)
        doc.set_ents(ents, missing=missing, default="outside")
        # split long documents at newlines to keep training docs short
        start = 0
        for tok in doc:
            if "\n" in tok.text or tok.i == len(doc) - 1:
                end = tok.i + 1
                if end - start > 0:
                    seg = doc[start:end]
                    # don't split inside an entity
                    if seg.end < len(doc) and doc[seg.end].ent_iob_ == "I":
                        continue
                    sub = seg.as_doc()
                    if any(not t.is_space for t in sub):
                        out.append(sub)
                start = end
    if n_skip:
        print(f"  smartdata: {n_skip} mentions could not be aligned", file=sys.stderr)
    return out


def convert_europarl(path: Path) -> list[Doc]:
    docs = []
    for block in read_columns(path):
        words = [r[0] for r in block]
        tags = iob1_to_iob2([r[4] if len(r) > 4 else "O" for r in block])
        docs.append(doc_from_iob(words, tags))
    return docs


# --------------------------------------------------------------------------- historical OCR newspapers
# Issue 13, item 4: Europeana Newspapers (CC0) and ZEFYS2025 (CC BY 4.0), OCR'd German newspapers
# of the 19th / early 20th century. Both label PER, LOC, ORG only. Their MISC-like names (titles,
# events, products) are annotated O, as in LER, WikiANN, SmartData and MobIE of the mix; they are
# kept as O (session 4 marked untagged proper nouns of those corpora as *missing* instead: no gain).
# Neither corpus has sentence boundaries: the text is cut into pseudo-sentences (ocr_segments).

OCR_TAGS = {"O"} | {f"{b}-{label}" for b in "BI" for label in ("PER", "LOC", "ORG")}
# the malformed tags of the Europeana files (shared/data/ner/europeana_de/SOURCE.md), each seen
# once to five times; every one is a plain typo of a PER/LOC/ORG tag
EUROPEANA_TAG_FIXES = {
    "B-PEr": "B-PER", "I-PEr": "I-PER", "B-BER": "B-PER", "B-ER": "B-PER", "B_PER": "B-PER",
    "B.PER": "B-PER", "B_LOC": "B-LOC", "B-OLOC": "B-LOC", "B-LOCer": "B-LOC", "I_ORG": "I-ORG",
    "B-ORg": "B-ORG",
}
OCR_MISSING = "MISSING"  # a token whose tag is unreadable (or MISC, 3 tokens): unknown, not O
OCR_SEGMENT_MAX = 40     # tokens; the pseudo-sentence length when no sentence end comes first
OCR_SEGMENT_MIN = 5      # a sentence end closes a pseudo-sentence only after this many tokens
OCR_HELD_OUT_SHARE = 0.1  # Europeana: the last 10 % of each file is held out (ocr_split)


def europeana_line(line: str) -> list[tuple[str, str]]:
    """One line of an enp_DE.*.bio file -> (token, IOB2 tag) pairs. Most lines are `token tag`;
    some have OCR spaces inside the token ("Deutsche Bank B-ORG", ". . O": the tag goes to every
    part) or no tag at all ("worden", "Bür v"): those parts are unknown (B-MISSING)."""
    parts = line.split()
    tag = EUROPEANA_TAG_FIXES.get(parts[-1], parts[-1])
    if tag in ("B-MISC", "I-MISC"):
        tag = "B-" + OCR_MISSING
    if len(parts) == 1 or (tag not in OCR_TAGS and not tag.endswith(OCR_MISSING)):
        return [(w, "B-" + OCR_MISSING) for w in parts]
    words = parts[:-1]
    inside = "O" if tag == "O" else "I-" + tag[2:]
    return [(w, tag if k == 0 else inside) for k, w in enumerate(words)]


def read_europeana(path: Path) -> list[list[tuple[str, str]]]:
    """The documents of one Europeana file: the `# file:` sections of sbb, the whole file for
    lft and onb (they have no document marks). The `# ... url:` lines are skipped."""
    docs: list[list[tuple[str, str]]] = [[]]
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            if line.startswith("# file:"):
                if docs[-1]:
                    docs.append([])
                continue
            if line.startswith(("# sbb url:", "# tel url:")):
                continue
            docs[-1].extend(europeana_line(line))
    return [d for d in docs if d]


def read_zefys(path: Path) -> list[list[tuple[str, str]]]:
    """The blocks of a ZEFYS2025 file (`token<TAB>tag`). Blank lines separate the source files;
    a line holding only a tab (no token, no tag) also ends a block."""
    blocks = []
    for block in read_columns(path, gzip.open):
        rows = [(r[0], r[1] if len(r) > 1 and r[1] else "O") for r in block if r[0].strip()]
        for w, t in rows:
            if t not in OCR_TAGS:
                raise ValueError(f"{path}: unexpected tag {t!r} for {w!r}")
        if rows:
            blocks.append(rows)
    return blocks


def ocr_segments(rows: list[tuple[str, str]], max_len: int = OCR_SEGMENT_MAX,
                 min_len: int = OCR_SEGMENT_MIN) -> list[list[tuple[str, str]]]:
    """Pseudo-sentences: cut after ".", "!" or "?" once a piece has `min_len` tokens, otherwise
    after `max_len` tokens; never inside an entity (the cut moves on to the entity's end)."""
    out, cur = [], []
    for k, (w, t) in enumerate(rows):
        cur.append((w, t))
        nxt = rows[k + 1][1] if k + 1 < len(rows) else "O"
        if nxt.startswith("I-"):
            continue
        if (w in {".", "!", "?"} and len(cur) >= min_len) or len(cur) >= max_len:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def ocr_docs(segments: list[list[tuple[str, str]]]) -> list[Doc]:
    return [doc_from_iob([w for w, _ in s], [t for _, t in s], missing_labels={OCR_MISSING})
            for s in segments]


def ocr_split(data: Path) -> dict[str, dict[str, list[Doc]]]:
    """{"europeana" | "zefys": {"train": docs, "held_out": docs}}. The held-out parts, never
    trained on, measure OCR robustness: ZEFYS its own dev split (12 source files; its test split
    is not read); Europeana the last 10 % of the tokens of each of lft, onb and sbb, cut at a
    pseudo-sentence boundary (sbb: at the start of the next `# file:` document)."""
    eur = {"train": [], "held_out": []}
    for name in ("lft", "onb", "sbb"):
        docs = read_europeana(data / "ner/europeana_de" / f"enp_DE.{name}.bio.gz")
        total = sum(map(len, docs))
        seen, held = 0, False
        for d in docs:
            if len(docs) > 1 and seen >= total * (1 - OCR_HELD_OUT_SHARE):
                held = True
            for seg in ocr_segments(d):
                if len(docs) == 1 and seen >= total * (1 - OCR_HELD_OUT_SHARE):
                    held = True
                eur["held_out" if held else "train"].extend(ocr_docs([seg]))
                seen += len(seg)
    zef = {split: ocr_docs([s for b in read_zefys(data / f"ner/zefys2025/{split}.nohipe.tsv.gz")
                            for s in ocr_segments(b)])
           for split in ("train", "dev")}
    return {"europeana": eur, "zefys": {"train": zef["train"], "held_out": zef["dev"]}}


# --------------------------------------------------------------------------- UD


def read_conllu(path: Path) -> list[list[dict]]:
    """CoNLL-U sentences as surface tokens (multiword token ranges become one token with
    the UPOS of its first part and the head/deprel of its governing part), read by the
    same reader the evaluation uses; the root gets spaCy's "ROOT" label."""
    from pipeline.evaluate.model import read_conllu as read_surface

    return [
        [{"form": w, "upos": u, "head": h, "dep": "ROOT" if h == k else d, "space": sp}
         for k, (w, sp, u, h, d) in enumerate(zip(s["words"], s["spaces"], s["upos"], s["heads"], s["deps"]))]
        for s in read_surface(path)
    ]


def ud_doc(sents: list[list[dict]], with_deps: bool) -> Doc:
    words, spaces, pos, heads, deps, starts = [], [], [], [], [], []
    for s in sents:
        off = len(words)
        for j, t in enumerate(s):
            words.append(t["form"])
            spaces.append(t["space"])
            pos.append(t["upos"])
            heads.append(off + t["head"])
            deps.append(t["dep"])
            starts.append(j == 0)
        spaces[-1] = True
    spaces[-1] = False
    kw = dict(words=words, spaces=spaces, pos=pos, sent_starts=starts)
    if with_deps:
        kw.update(heads=heads, deps=deps)
        del kw["sent_starts"]
    return Doc(vocab, **kw)


def read_pos_file(path: Path) -> list[list[tuple[str, str]]]:
    """'token##UPOS' lines; multiword 'im##_ in##ADP dem##DET' -> ('im', 'ADP')."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            items = line.split()
            sent = []
            k = 0
            while k < len(items):
                w, _, tag = items[k].rpartition("##")
                if tag == "_":
                    # first part follows; skip the expanded parts (2 for im/am/zum...)
                    nxt = items[k + 1].rpartition("##")[2] if k + 1 < len(items) else "X"
                    sent.append((w, nxt))
                    k += 3
                    continue
                sent.append((w, tag))
                k += 1
            if sent:
                out.append(sent)
    return out


def learn_upos_remap(old_dev: list[list[tuple[str, str]]], new_dev: list[list[dict]]):
    """Learn how the older GSD UPOS annotation maps onto the current guidelines
    from the sentences both dev versions share (same tokens)."""
    ctx_counts: dict = defaultdict(Counter)
    word_counts: dict = defaultdict(Counter)
    for o, n in zip(old_dev, new_dev):
        if [w for w, _ in o] != [t["form"] for t in n]:
            continue
        for j, ((w, a), t) in enumerate(zip(o, n)):
            nxt = o[j + 1][1] if j + 1 < len(o) else "END"
            ctx_counts[(w.lower(), a, nxt)][t["upos"]] += 1
            word_counts[(w.lower(), a)][t["upos"]] += 1

    def best(c: Counter, a: str):
        b, cnt = c.most_common(1)[0]
        if b != a and cnt / sum(c.values()) > 0.5:
            return b
        return a

    ctx_map = {k: best(c, k[1]) for k, c in ctx_counts.items()}
    word_map = {k: best(c, k[1]) for k, c in word_counts.items()}
    return ctx_map, word_map


def remap_sentence(sent, ctx_map, word_map, adj_forms):
    out = []
    for j, (w, a) in enumerate(sent):
        nxt = sent[j + 1][1] if j + 1 < len(sent) else "END"
        key = (w.lower(), a, nxt)
        if key in ctx_map:
            b = ctx_map[key]
        elif (w.lower(), a) in word_map:
            b = word_map[(w.lower(), a)]
        elif a == "ADV" and w.lower() in adj_forms:
            # current GSD tags adverbially used adjectives as ADJ
            b = "ADJ"
        else:
            b = a
        out.append((w, b))
    return out


def convert_ud(data: Path, out: Path, current_repeat: int = 1) -> None:
    gsd_dev = read_conllu(data / "ud/gsd/de_gsd-ud-dev.conllu")
    pud = read_conllu(data / "ud/pud/de_pud-ud-test.conllu")
    old_train = read_pos_file(data / "ud/gsd_train_upos/de_gsd-ud-train.conllu.pos")
    old_dev = read_pos_file(data / "ud/gsd_train_upos/de_gsd-ud-dev.conllu.pos")
    # mapping learned only from the training part of GSD dev
    ctx_map, word_map = learn_upos_remap(old_dev[:UD_DEV_SPLIT], gsd_dev[:UD_DEV_SPLIT])
    # adjective forms: attested as ADJ in the old train with an ADV/ADJ ratio that
    # suggests an adjective used adverbially
    cnt: dict = defaultdict(Counter)
    for s in old_train:
        for w, t in s:
            cnt[w.lower()][t] += 1
    adj_forms = {w for w, c in cnt.items() if c["ADJ"] >= 2 and c["ADJ"] >= 0.5 * c["ADV"]}
    # check the remapping on the held-out GSD dev part (old vs current annotation)
    agree_before = agree_after = total = 0
    for o, n in zip(old_dev[UD_DEV_SPLIT:], gsd_dev[UD_DEV_SPLIT:]):
        if [w for w, _ in o] != [t["form"] for t in n]:
            continue
        r = remap_sentence(o, ctx_map, word_map, adj_forms)
        for (w, a), (_, b), t in zip(o, r, n):
            total += 1
            agree_before += a == t["upos"]
            agree_after += b == t["upos"]
    print(f"  UPOS remap on held-out GSD dev: old-vs-current agreement "
          f"{agree_before / total:.4f} -> {agree_after / total:.4f} ({total} tokens)", file=sys.stderr)
    remapped = [remap_sentence(s, ctx_map, word_map, adj_forms) for s in old_train]
    pos_train = [make_doc([w for w, _ in s]) for s in remapped]
    for d, s in zip(pos_train, remapped):
        for tok, (_, tag) in zip(d, s):
            tok.pos_ = tag
    # mark one-sentence docs
    for d in pos_train:
        for tok in d:
            tok.is_sent_start = tok.i == 0
    # sentences annotated with the current guidelines (PUD, GSD dev[:600]) can be
    # up-weighted against the re-mapped old train file
    full_train = (pud + gsd_dev[:UD_DEV_SPLIT]) * current_repeat
    for s in full_train:
        pos_train.append(ud_doc([s], with_deps=False))
    random.Random(SEED).shuffle(pos_train)
    write(pos_train, out / "pos_train.spacy")
    write([ud_doc([s], with_deps=False) for s in gsd_dev[UD_DEV_SPLIT:]], out / "pos_dev.spacy")

    def grouped(sents, n=10):
        return [ud_doc(sents[i:i + n], with_deps=True) for i in range(0, len(sents), n)]

    write(grouped(pud) + grouped(gsd_dev[:UD_DEV_SPLIT]), out / "dep_train.spacy")
    write(grouped(gsd_dev[UD_DEV_SPLIT:]), out / "dep_dev.spacy")


# --------------------------------------------------------------------------- main


def main(argv: Iterable[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--ler-n", type=int, default=8000, help="LER sentences to sample")
    p.add_argument("--wikiann-n", type=int, default=20000, help="WikiANN sentences to sample")
    p.add_argument("--germeval-repeat", type=int, default=2, help="up-weight GermEval by repetition")
    p.add_argument("--news-repeat", type=int, default=1, help="up-weight the Wikinews corpus by repetition")
    p.add_argument("--news-fraction", type=float, default=1.0,
                   help="use only this share of the Wikinews train articles (learning curve; seeded sample)")
    p.add_argument("--ocr-fraction", type=float, default=1.0,
                   help="use only this share of the Europeana / ZEFYS training docs (seeded sample)")
    p.add_argument("--sources", default="germeval,ler,wikiann,smartdata,mobie,europarl",
                   help="NER sources to mix into ner_train.spacy (also: news, europeana, zefys)")
    p.add_argument("--skip-ud", action="store_true")
    p.add_argument("--skip-ner", action="store_true")
    p.add_argument("--ud-current-repeat", type=int, default=1,
                   help="repeat PUD + GSD dev[:600] in pos_train.spacy")
    args = p.parse_args(list(argv) if argv is not None else None)
    data, out = args.data, args.out
    out.mkdir(parents=True, exist_ok=True)
    if not args.skip_ner:
        convert_ner(data, out, args)
    if not args.skip_ud:
        print("UD", file=sys.stderr)
        convert_ud(data, out, args.ud_current_repeat)


def ner_parts(data: Path, ler_n: int, wikiann_n: int) -> tuple[dict[str, list[Doc]], list[Doc]]:
    """The training sentences of every NER source (LER and WikiANN sampled down to `ler_n` /
    `wikiann_n`), and the GermEval dev sentences held out for model selection."""
    ge_train, ge_dev = convert_germeval(data / "ner/germeval2014/NER-de-dev.tsv")
    parts = {
        "germeval": ge_train,
        "ler": convert_ler(data / "ner/ler/ler_train_derived_nooverlap.conll.gz", ler_n),
        "wikiann": convert_wikiann(data / "ner/wikiann_de/train", wikiann_n),
        "smartdata": convert_smartdata(data / "ner/smartdata_v1/train.json.gz"),
        "mobie": convert_mobie(data / "ner/mobie/train.conll2003"),
        "europarl": convert_europarl(data / "ner/europarl_ner_de/train.tsv"),
        "news": convert_news(data, "train"),
    }
    return parts, ge_dev


def sample_fraction(docs: list[Doc], fraction: float) -> list[Doc]:
    """A seeded sample of `fraction` of the documents (the learning curve's 25/50/100 %)."""
    if fraction >= 1.0:
        return docs
    keep = sorted(random.Random(SEED).sample(range(len(docs)), round(len(docs) * fraction)))
    return [docs[i] for i in keep]


NEWS_CORPUS = ROOT / "annotations" / "news" / "wikinews_ner.jsonl"


def convert_news(data: Path, split: str, corpus: Path = NEWS_CORPUS) -> list[Doc]:
    """The project's Wikinews NER corpus (character offsets + article ids, see
    annotations/news/build.py) joined with the texts: one Doc per article, PER/ORG/LOC/MISC.
    A span that does not fall on token boundaries is snapped inwards ("contract")."""
    from pipeline.evaluate.model import news_corpus

    if not corpus.exists():
        return []
    docs, snapped = [], 0
    for rec, text in news_corpus(data, split):
        doc = nlp.make_doc(text)
        spans = []
        for e in rec["entities"]:
            if e["label"] not in ("PER", "ORG", "LOC", "MISC"):
                continue
            span = doc.char_span(e["start"], e["end"], e["label"])
            if span is None:
                snapped += 1
                span = doc.char_span(e["start"], e["end"], e["label"], alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
        doc.ents = spacy.util.filter_spans(spans)
        docs.append(doc)
    print(f"news {split}: {len(docs)} articles, {snapped} spans snapped to tokens", file=sys.stderr)
    return docs


def convert_ner(data: Path, out: Path, args) -> None:
    print("NER", file=sys.stderr)
    parts, ge_dev = ner_parts(data, args.ler_n, args.wikiann_n)
    parts["news"] = sample_fraction(parts["news"], args.news_fraction)
    write(ge_dev, out / "ner_dev.spacy")
    news_dev = convert_news(data, "dev")
    write(news_dev, out / "ner_news_dev.spacy")
    # model selection on both: the news dev articles and the held-out GermEval sentences
    write(news_dev + ge_dev, out / "ner_dev_all.spacy")
    # the historical OCR newspapers (not in the default mix): their training parts, and the
    # held-out parts that measure OCR robustness (training/experiments/ocr_robustness.py)
    for name, split in ocr_split(data).items():
        parts[name] = sample_fraction(split["train"], args.ocr_fraction)
        write(split["held_out"], out / f"ner_{name}_held_out.spacy")
    for name, docs in parts.items():
        write(docs, out / f"ner_{name}.spacy")
    mix = []
    for name in args.sources.split(","):
        docs = parts[name.strip()]
        repeat = {"germeval": args.germeval_repeat, "news": args.news_repeat}.get(name, 1)
        mix.extend(docs * repeat)
    random.Random(SEED).shuffle(mix)
    write(mix, out / "ner_train.spacy")


if __name__ == "__main__":
    main()
