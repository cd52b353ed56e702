"""Score a spaCy pipeline on the held-out German evaluation sets.

* NER on GermEval 2014 **test** (outer level column). Labels PER, ORG, LOC and
  OTH (scored as MISC). Tokens tagged ``*part`` / ``*deriv`` do not count: they
  are O in the gold standard, and a predicted entity whose character span is
  exactly such a part/deriv span is ignored (neither TP nor FP). Exact span +
  label match; precision, recall, F1 per label and micro-averaged overall (all
  four labels, and PER/ORG/LOC only).
* UPOS accuracy on UD German-GSD **test** (multiword tokens such as ``im`` =
  ``in dem`` are one surface token carrying the UPOS of their first part).
* LAS / UAS on UD German-GSD test if the pipeline has a parser (dependency
  labels compared without subtypes, case-insensitive; ``root`` == ``ROOT``).
  Reported with punctuation (CoNLL 2018 style) and without (spaCy style).
  (Pipelines with another label scheme, e.g. de_core_news_* with TIGER labels,
  only get a meaningful UAS, not LAS.)

The model re-tokenizes the raw text itself. For NER on GermEval and CoNLL (scored per
given token by their own definition: one tag per token of the file) a predicted entity is
widened to the gold tokens it touches before the exact match ("Mustafa S." -> GermEval's
token "S.*"; `on_gold_tokens`, session 13). For UD its tokens are aligned to the gold
tokens (spaCy's Example alignment) and gold tokens without a one-to-one aligned
predicted token count as errors.

* ``--mode pipeline`` (or ``both``) scores the NER sets through the annotate stage as users
  get it (`pipeline_docs`: model + Presseschau components, one Doc per sentence of GermEval
  / CoNLL, per Wikinews article) instead of (besides) the bare model; ``--split dev`` scores
  the development sets (the 500 held-out GermEval dev sentences, Wikinews dev, the three web news
  sets of annotations/web) and no UD.

    python -m pipeline.evaluate.model [--model models/de_presseschau] [--data ../shared/data]
                                      [--json out.json] [--limit N] [--mode model|pipeline|both] [--split test|dev]
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from ..io import read_jsonl
from .scoring import prf
from ..paths import ANNOTATIONS, BUNDLED_MODEL, SHARED_DATA
DEFAULT_MODEL = str(BUNDLED_MODEL)
DEFAULT_DATA = SHARED_DATA

GERMEVAL_TEST = Path("ner/germeval2014/NER-de-test.tsv")
GSD_TEST = Path("ud/gsd/de_gsd-ud-test.conllu")
CONLL_TESTA = Path("ner/conll2003_de_testa/deu.testa.bio.gz")
NEWS_TEXTS = Path("news/wikinews_de.jsonl.gz")
GERMEVAL_DEV = Path("ner/germeval2014/NER-de-dev.tsv")
# the GermEval dev sentences held out from training for model selection (training/convert.py):
# the first GERMEVAL_HELD_OUT_N of the sentence indices shuffled with this seed
GERMEVAL_HELD_OUT_SEED = 13
GERMEVAL_HELD_OUT_N = 500
# NER evaluation sets: key -> (title, reader); all evaluation only, never trained on. `reader(data_dir, n)`
# gives the set's items; with n > 0 it may stop after the first n (the web sets do: each page is extracted again)
NER_SETS = {
    "ner": ("GermEval 2014 test (NER-de-test.tsv), outer level", lambda d, n=0: read_germeval(d / GERMEVAL_TEST)),
    "ner_conll2003": ("CoNLL-2003 German testa", lambda d, n=0: read_conll2003(d / CONLL_TESTA)),
    "ner_news": ("Wikinews test split (annotations/news), 100 articles", lambda d, n=0: read_news(d, "test")),
}
# the development sets of the same kinds (`--split dev`): to look at errors and choose on
NER_DEV_SETS = {
    "ner_germeval_dev": ("GermEval 2014 dev, the 500 held-out sentences, outer level",
                         lambda d, n=0: read_germeval_held_out(d / GERMEVAL_DEV)),
    "ner_news_dev": ("Wikinews dev split (annotations/news), 100 articles", lambda d, n=0: read_news(d, "dev")),
    "ner_web_dev": ("Web news pages (annotations/web/web_ner.jsonl), 40 pages of 40 outlets", lambda d, n=0: read_web(d, WEB_GOLD, n)),
    "ner_web2_dev": ("Web news pages (annotations/web/web2_ner.jsonl), 40 more pages", lambda d, n=0: read_web(d, WEB2_GOLD, n)),
    "ner_web3_dev": ("Web news pages (annotations/web/web3_ner.jsonl), 30 more pages", lambda d, n=0: read_web(d, WEB3_GOLD, n)),
    "ner_web4_dev": ("Web news pages (annotations/web/web4_ner.jsonl), 29 long pages", lambda d, n=0: read_web(d, WEB4_GOLD, n)),
}
NER_SPLITS = {"test": NER_SETS, "dev": NER_DEV_SETS}
# how the entities are made: the bare model (spaCy's pipeline as trained), or the annotate
# stage as users get it (model + Presseschau components: ner_rules, names, ...)
MODES = ("model", "pipeline")

NER_LABELS = ("PER", "ORG", "LOC", "MISC")
GOLD_LABEL = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
# predicted labels of other label schemes -> our four labels
PRED_LABEL = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "MISC": "MISC", "OTH": "MISC",
}


# --------------------------------------------------------------------------- readers


def _iob_sentence(words: list[str], tags: list[str], label_map: dict[str, str]) -> dict:
    """One tokenized sentence -> text (words joined by spaces), gold spans
    [(start, end, label)] and ignore spans [(start, end)] (GermEval's part/deriv)."""
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    chunks, cur = [], None  # [start_idx, end_idx, label]
    for i, t in enumerate(tags):
        if t == "O":
            if cur:
                chunks.append(cur)
            cur = None
            continue
        bio, label = t.split("-", 1)
        if bio == "B" or cur is None or cur[2] != label:
            if cur:
                chunks.append(cur)
            cur = [i, i + 1, label]
        else:
            cur[1] = i + 1
    if cur:
        chunks.append(cur)
    gold, ignore = [], []
    for s, e, label in chunks:
        span = (starts[s], starts[e - 1] + len(words[e - 1]))
        if label.endswith("part") or label.endswith("deriv"):
            ignore.append(span)
        else:
            gold.append((span[0], span[1], label_map[label]))
    tokens = [(a, a + len(w)) for a, w in zip(starts, words)]
    return {"text": " ".join(words), "gold": gold, "ignore": ignore, "tokens": tokens}


def _read_columns(path: Path, word_col: int, tag_col: int, label_map: dict[str, str]) -> list[dict]:
    import gzip

    sents: list[dict] = []
    rows: list[list[str]] = []
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in list(f) + [""]:
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if rows:
                    sents.append(_iob_sentence([r[word_col] for r in rows], [r[tag_col] for r in rows], label_map))
                    rows.clear()
                continue
            if line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return sents


def read_germeval(path: Path) -> list[dict]:
    """Each sentence: text, gold spans [(start, end, label)], ignore spans [(start, end)]."""
    return _read_columns(path, 1, 2, GOLD_LABEL)


def germeval_held_out(n_sentences: int) -> set[int]:
    """Indices of the GermEval dev sentences held out from training for model selection
    (the training corpus, training/convert.py, leaves exactly these out)."""
    import random

    idx = list(range(n_sentences))
    random.Random(GERMEVAL_HELD_OUT_SEED).shuffle(idx)
    return set(idx[:GERMEVAL_HELD_OUT_N])


def read_germeval_held_out(path: Path) -> list[dict]:
    """The 500 held-out sentences of GermEval 2014 dev, in file order."""
    sents = read_germeval(path)
    held = germeval_held_out(len(sents))
    return [s for i, s in enumerate(sents) if i in held]


def read_conll2003(path: Path) -> list[dict]:
    """CoNLL-2003 German (2-column ``token<TAB>IOB2 tag`` file): PER, ORG, LOC, MISC."""
    return _read_columns(path, 0, 1, {lab: lab for lab in NER_LABELS})


def news_corpus(data_dir: Path, split: str) -> Iterator[tuple[dict, str]]:
    """The records of the project's Wikinews NER corpus (annotations/news/wikinews_ner.jsonl)
    in one split, each with its article text from ``data_dir`` (checked by sha256)."""
    import hashlib

    corpus = ANNOTATIONS / "news" / "wikinews_ner.jsonl"
    texts = {str(r["id"]): r["text"] for r in read_jsonl(data_dir / NEWS_TEXTS)}
    for rec in read_jsonl(corpus):
        if rec["split"] != split:
            continue
        text = texts[rec["id"]]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["sha256"]:
            raise ValueError(f"{corpus}: article {rec['id']} does not match {data_dir / NEWS_TEXTS}")
        yield rec, text


def read_news(data_dir: Path, split: str = "test") -> list[dict]:
    """The Wikinews NER corpus as evaluation items: one per article, PER/ORG/LOC/MISC spans."""
    return [{"text": text, "gold": [(e["start"], e["end"], e["label"]) for e in rec["entities"] if e["label"] in NER_LABELS],
             "ignore": []} for rec, text in news_corpus(data_dir, split)]


WEB_PAGES = Path("news/html")
WEB_GOLD = ANNOTATIONS / "web" / "web_ner.jsonl"
WEB2_GOLD = ANNOTATIONS / "web" / "web2_ner.jsonl"
WEB3_GOLD = ANNOTATIONS / "web" / "web3_ner.jsonl"
WEB4_GOLD = ANNOTATIONS / "web" / "web4_ner.jsonl"


def anchor(text: str, entities: list[dict]) -> tuple[list[tuple[int, int, str]], int]:
    """The gold spans of `entities` (`start`, `end`, `label`, `text`) in `text`: at their offsets
    where the surface is there, else at the next occurrence of the surface after the previous
    span (the page's text as a later cleaner extracts it may differ a little from the one that
    was annotated); -> (spans, number that could not be found)."""
    spans, lost, pos = [], 0, 0
    for e in sorted(entities, key=lambda e: e["start"]):
        start = e["start"] if text[e["start"]:e["end"]] == e["text"] else text.find(e["text"], pos)
        if start < 0:
            lost += 1
            continue
        spans.append((start, start + len(e["text"]), e["label"]))
        pos = start + len(e["text"])
    return spans, lost


def read_web(data_dir: Path, gold_file: Path = WEB_GOLD, limit: int = 0) -> list[dict]:
    """The blind NER gold of real web news pages (annotations/web/*.jsonl, offsets into the text
    Presseschau extracts from ../shared/data/news/html/pages/<id>.html), one item per page (the
    first `limit` pages if limit > 0); the text is extracted again here (ingest + clean, as
    `presseschau run` does)."""
    from ..clean import clean_input
    from ..ingest import read_path

    pages = data_dir / WEB_PAGES / "pages"
    items, lost = [], 0
    for rec in itertools.islice(read_jsonl(gold_file), limit or None):
        path = pages / f"{rec['id']}.html"
        if not path.exists():
            raise FileNotFoundError(f"{path}: the web page of {gold_file.name} is missing")
        (doc,) = list(read_path(path, pages))
        text = clean_input(doc.text, doc.meta).text
        gold, n = anchor(text, [e for e in rec["entities"] if e["label"] in NER_LABELS])
        lost += n
        items.append({"text": text, "gold": gold, "ignore": []})
    if lost:
        print(f"{gold_file}: {lost} gold names not found in the pages' text as extracted now", file=sys.stderr)
    return items


def read_conllu(path: Path) -> list[dict]:
    """Sentences as surface tokens: words, spaces, upos, heads (0-based, sentence
    internal; root points to itself) and deps (no subtypes)."""
    sents = []
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        words, mwt = {}, {}
        for c in block:
            if "." in c[0]:
                continue
            if "-" in c[0]:
                a, b = map(int, c[0].split("-"))
                mwt[a] = (b, c[1], c[9])
            else:
                words[int(c[0])] = c
        toks, id2surf, i, n = [], {}, 1, max(words)
        while i <= n:
            if i in mwt:
                b, form, misc = mwt[i]
                parts = list(range(i, b + 1))
                i = b + 1
            else:
                parts, form, misc = [i], words[i][1], words[i][9]
                i += 1
            for p in parts:
                id2surf[p] = len(toks)
            toks.append((form, parts, misc))
        out = {"words": [], "spaces": [], "upos": [], "heads": [], "deps": []}
        for k, (form, parts, misc) in enumerate(toks):
            gov = parts[0]
            for p in parts:
                h = int(words[p][6]) if words[p][6] != "_" else 0
                if h not in parts:
                    gov = p
                    break
            h = int(words[gov][6]) if words[gov][6] != "_" else 0
            head = k if h == 0 else id2surf[h]
            dep = "root" if h == 0 or head == k else words[gov][7].split(":")[0]
            out["words"].append(form)
            out["spaces"].append("SpaceAfter=No" not in misc)
            out["upos"].append(words[parts[0]][3])
            out["heads"].append(head)
            out["deps"].append(dep)
        sents.append(out)
        block.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
            elif not line.startswith("#"):
                block.append(line.split("\t"))
    flush()
    return sents


# --------------------------------------------------------------------------- scoring


def _prf(tp: int, fp: int, fn: int) -> dict:
    p, r, f = prf(tp, fp, fn)
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def on_gold_tokens(span: tuple[int, int], tokens: list[tuple[int, int]]) -> tuple[int, int]:
    """`span` (characters) widened to the gold tokens it touches. GermEval 2014 and CoNLL-2003
    are scored per given token (one tag per token of the file, chunks read off the tags), so
    an entity that covers part of a token tags that whole token: the model's "Mustafa S."
    in GermEval's tokens "Mustafa" "S.*" is the chunk "Mustafa S.*" (session 13)."""
    from bisect import bisect_right

    starts = [a for a, _ in tokens]
    i = max(bisect_right(starts, span[0]) - 1, 0)
    j = max(bisect_right(starts, span[1] - 1) - 1, i)
    return (min(tokens[i][0], span[0]), max(tokens[j][1], span[1]))


def count_matches(sents: list[dict], docs: Iterable) -> tuple[Counter, Counter, Counter, int]:
    """Exact-match tp/fp/fn per label of the `docs`' entities against each item's `gold`
    spans; predictions on an item's `ignore` spans count neither way (-> their number). Where
    an item has its gold `tokens` (GermEval, CoNLL), a predicted span is first widened to the
    tokens it touches (`on_gold_tokens`)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    n_ignored = 0
    for s, doc in zip(sents, docs):
        gold = set(s["gold"])
        ignore = set(s.get("ignore", ()))
        tokens = s.get("tokens")
        pred = set()
        for ent in doc.ents:
            label = PRED_LABEL.get(ent.label_)
            if label is None:
                continue
            span = (ent.start_char, ent.end_char)
            if tokens:
                span = on_gold_tokens(span, tokens)
            if span in ignore:
                n_ignored += 1
                continue
            pred.add((span[0], span[1], label))
        for e in pred & gold:
            tp[e[2]] += 1
        for e in pred - gold:
            fp[e[2]] += 1
        for e in gold - pred:
            fn[e[2]] += 1
    return tp, fp, fn, n_ignored


def pipeline_docs(nlp, texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """The Docs of the annotate stage as users get it (`pipeline.nlp.annotate`: the model and
    the Presseschau components, one Doc per text, i.e. per sentence for GermEval/CoNLL);
    `nlp` from `pipeline.nlp.load_nlp`."""
    from ..nlp import annotate

    items = ((text, {"id": str(i), "published": None}) for i, text in enumerate(texts))
    return (doc for doc, _ctx in annotate(nlp, items, batch_size=batch_size))


def evaluate_ner(nlp, sents: list[dict], dataset: str, limit: int = 0, batch_size: int = 256,
                 whole_pipeline: bool = False) -> dict:
    """P/R/F per label of `nlp`'s entities on `sents`; with `whole_pipeline` the texts go
    through the annotate stage (`pipeline_docs`), else through `nlp.pipe` (the bare model)."""
    if limit:
        sents = sents[:limit]
    t0 = time.perf_counter()
    texts = (s["text"] for s in sents)
    docs = pipeline_docs(nlp, texts, min(batch_size, 32)) if whole_pipeline else nlp.pipe(texts, batch_size=batch_size)
    tp, fp, fn, n_ignored = count_matches(sents, docs)
    secs = time.perf_counter() - t0
    per_label = {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in NER_LABELS}
    core = ("PER", "ORG", "LOC")
    return {
        "dataset": dataset,
        "sentences": len(sents),
        "per_label": per_label,
        "overall": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "overall_per_org_loc": _prf(sum(tp[l] for l in core), sum(fp[l] for l in core),
                                    sum(fn[l] for l in core)),
        "ignored_predictions_on_part_deriv": n_ignored,
        "seconds": round(secs, 1),
    }


def _score_ud(golds: list, preds: list, has_parser: bool) -> dict:
    n_gold = pos_ok = 0
    has_pos = any(t.pos_ for p in preds for t in p)
    las = uas = las_np = uas_np = n_np = 0
    tok_1to1 = 0
    for g, p in zip(golds, preds):
        # one-to-one aligned tokens: identical character span (p has g's text)
        pspan = {(t.idx, t.idx + len(t)): t.i for t in p}
        y2x = {}
        for gt in g:
            xi = pspan.get((gt.idx, gt.idx + len(gt)))
            if xi is not None:
                y2x[gt.i] = xi
        x2y = {v: k for k, v in y2x.items()}
        for gt in g:
            n_gold += 1
            is_punct = gt.dep_ == "punct"
            if not is_punct:
                n_np += 1
            xi = y2x.get(gt.i)
            if xi is None:
                continue
            tok_1to1 += 1
            pt = p[xi]
            if pt.pos_ == gt.pos_:
                pos_ok += 1
            if has_parser:
                g_root = gt.head.i == gt.i
                p_root = pt.head.i == pt.i
                head_ok = (g_root and p_root) or (
                    not g_root and not p_root and x2y.get(pt.head.i) == gt.head.i)
                lab_ok = pt.dep_.lower().split(":")[0] == gt.dep_.lower()
                if head_ok:
                    uas += 1
                    uas_np += not is_punct
                    if lab_ok:
                        las += 1
                        las_np += not is_punct
    out = {
        "token_alignment_1to1": round(tok_1to1 / n_gold, 4),
        "upos_acc": round(pos_ok / n_gold, 4) if has_pos else None,
        "upos_acc_aligned_tokens": round(pos_ok / tok_1to1, 4) if tok_1to1 and has_pos else None,
    }
    if has_parser:
        gs = {(i, s.start_char) for i, g in enumerate(golds) for s in g.sents}
        ps = {(i, s.start_char) for i, p in enumerate(preds) for s in p.sents}
        out.update({
            "las": round(las / n_gold, 4), "uas": round(uas / n_gold, 4),
            "las_no_punct": round(las_np / n_np, 4), "uas_no_punct": round(uas_np / n_np, 4),
            "sent_f": _prf(len(gs & ps), len(ps - gs), len(gs - ps))["f"],
        })
    return out


def evaluate_ud(nlp, path: Path, limit: int = 0, batch_size: int = 64, chunk: int = 10) -> dict:
    """Two settings: ``raw`` = the model tokenizes the raw text itself (gold tokens
    it does not reproduce count as errors), ``gold_tok`` = the model gets the gold
    tokens. Text is fed in chunks of ``chunk`` consecutive sentences so that
    sentence boundaries are scored too."""
    from spacy.tokens import Doc

    sents = read_conllu(path)
    if limit:
        sents = sents[:limit]
    golds = []
    for i in range(0, len(sents), chunk):
        words, spaces, pos, heads, deps = [], [], [], [], []
        for s in sents[i:i + chunk]:
            off = len(words)
            words += s["words"]
            spaces += s["spaces"]
            spaces[-1] = True
            pos += s["upos"]
            heads += [off + h for h in s["heads"]]
            deps += s["deps"]
        spaces[-1] = False
        golds.append(Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps))
    has_parser = any(type(p).__name__ == "DependencyParser" for _, p in nlp.pipeline)
    out: dict[str, Any] = {
        "dataset": f"UD German-GSD test ({path.name})",
        "sentences": len(sents),
        "tokens": sum(len(g) for g in golds),
    }
    t0 = time.perf_counter()
    preds = list(nlp.pipe((g.text for g in golds), batch_size=batch_size))
    out["raw"] = _score_ud(golds, preds, has_parser)
    preds = list(nlp.pipe((Doc(nlp.vocab, words=[t.text for t in g],
                               spaces=[bool(t.whitespace_) for t in g]) for g in golds),
                          batch_size=batch_size))
    out["gold_tok"] = _score_ud(golds, preds, has_parser)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def _model_name(meta: dict) -> str:
    lang, name = meta.get("lang", ""), meta.get("name", "")
    return name if name.startswith(f"{lang}_") else f"{lang}_{name}"


def ner_key(key: str, mode: str) -> str:
    """The result key of NER set `key` scored in `mode` ("ner" / "ner_pipeline")."""
    return key if mode == "model" else f"{key}_{mode}"


def check_sets(split: str, names: Iterable[str]) -> list[str]:
    """The NER sets `names` of `split`, in order; a name that is no set of the split (or none at all)
    is a ValueError naming it and the split's sets."""
    names = list(names)
    sets = [k.strip() for k in names if k.strip()]
    if not sets:  # `--sets ""` (an unset variable), `--sets ,`
        raise ValueError(f"--sets {','.join(names)!r} names no set: give one or more of --split {split} "
                         f"({', '.join(NER_SPLITS[split])}), comma-separated, or leave --sets out for all of them")
    unknown = sorted(set(sets) - set(NER_SPLITS[split]))
    if unknown:
        raise ValueError(f"--sets {','.join(sets)!r}: {', '.join(unknown)} is not a set of --split {split} "
                         f"({', '.join(NER_SPLITS[split])})")
    return sets


def parse_sets(split: str, text: Optional[str]) -> Optional[list[str]]:
    """`--sets a,b`: the NER sets of `split` to score (None: all of them), checked by `check_sets`."""
    return None if text is None else check_sets(split, text.split(","))


def evaluate_model(model: str, data_dir: Path, limit: int = 0, modes: Iterable[str] = ("model",),
                   split: str = "test", sets: Optional[Iterable[str]] = None) -> dict:
    """Score the spaCy pipeline ``model`` (package name or path) on the NER sets of `split`
    (test: GermEval 2014 test, CoNLL-2003 testa, Wikinews test; dev: the 500 held-out
    GermEval dev sentences, Wikinews dev), once per mode in `modes` ("model": the bare model;
    "pipeline": the annotate stage, model + Presseschau components), and, for the test
    split, on UD German-GSD test (UPOS, LAS/UAS if it has a parser; the bare model). `sets`: only
    these NER sets of the split (e.g. the dev sets without a blind one)."""
    import spacy

    from ..nlp.load import load_model

    modes = [m for m in MODES if m in set(modes)]
    if split not in NER_SPLITS:
        raise ValueError(f"unknown split {split!r}: one of {', '.join(NER_SPLITS)}")
    chosen = NER_SPLITS[split] if sets is None else {k: NER_SPLITS[split][k] for k in check_sets(split, sets)}
    data_dir = Path(data_dir)
    try:
        nlp = load_model(model)
    except OSError as e:  # no such model (spaCy's E050), unreadable files
        from ..errors import ModelNotFound

        raise ModelNotFound(f"Cannot load model {model!r}: {e}") from None
    result: dict[str, Any] = {
        "model": str(model),
        "model_name": _model_name(nlp.meta),
        "model_version": nlp.meta.get("version"),
        "pipeline": list(nlp.pipe_names),
        "spacy_version": spacy.__version__,
        "split": split,
        "modes": modes,
    }
    if "ner" in nlp.pipe_names or nlp.has_pipe("ner"):
        sets = {}
        for key, (title, reader) in chosen.items():
            try:
                sets[key] = (title, reader(data_dir, limit))
            except FileNotFoundError as e:  # a corpus not built yet or not shipped
                sets[key] = (title, e)
        for mode in modes:
            if mode == "pipeline":
                from ..nlp import load_nlp

                runner = load_nlp(model)[0]
                result["pipeline_components"] = list(runner.pipe_names)
            else:
                runner = nlp
            for key, (title, items) in sets.items():
                title = title if mode == "model" else f"{title}, whole pipeline"
                if isinstance(items, Exception):
                    result[ner_key(key, mode)] = {"dataset": title, "missing": str(items)}
                else:
                    result[ner_key(key, mode)] = evaluate_ner(runner, items, title, limit, whole_pipeline=mode == "pipeline")
    if split == "test":
        try:
            result["ud"] = evaluate_ud(nlp, data_dir / GSD_TEST, limit)
        except FileNotFoundError as e:  # as for a missing NER set: reported, not a traceback
            result["ud"] = {"dataset": f"UD German-GSD test ({GSD_TEST.name})", "missing": str(e)}
    return result


def format_report(res: dict) -> str:
    lines = [f"model: {res['model']} ({res['model_name']} {res['model_version']}, "
             f"pipeline {res['pipeline']})"]
    for key in [ner_key(k, m) for m in MODES for s in NER_SPLITS.values() for k in s]:
        ner = res.get(key)
        if not ner:
            continue
        if "missing" in ner:
            lines.append(f"NER  {ner['dataset']}: not scored ({ner['missing']})")
            continue
        lines.append(f"NER  {ner['dataset']}, {ner['sentences']} texts")
        lines.append(f"  {'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}")
        rows = list(ner["per_label"].items()) + [
            ("PER/ORG/LOC", ner["overall_per_org_loc"]), ("ALL", ner["overall"])]
        for lab, m in rows:
            lines.append(f"  {lab:<14}{m['p']:>7.4f}{m['r']:>7.4f}{m['f']:>7.4f}"
                         f"{m['tp']:>7}{m['fp']:>7}{m['fn']:>7}")
    ud = res.get("ud")
    if ud is None:
        return "\n".join(lines)
    if "missing" in ud:
        lines.append(f"UD   {ud['dataset']}: not scored ({ud['missing']})")
        return "\n".join(lines)
    lines.append(f"UD   {ud['dataset']}, {ud['sentences']} sentences, {ud['tokens']} gold tokens")
    for mode, title in (("raw", "raw text, own tokenizer"), ("gold_tok", "gold tokenization")):
        m = ud[mode]
        if m["upos_acc"] is None:
            lines.append(f"  [{title}] tokens 1:1 aligned {m['token_alignment_1to1']:.4f}; no UPOS predicted")
        else:
            lines.append(f"  [{title}] tokens 1:1 aligned {m['token_alignment_1to1']:.4f}; UPOS acc "
                         f"{m['upos_acc']:.4f} (on aligned tokens {m['upos_acc_aligned_tokens']:.4f})")
        if "las" in m:
            lines.append(f"  [{title}] LAS {m['las']:.4f}  UAS {m['uas']:.4f}  (without punct: LAS "
                         f"{m['las_no_punct']:.4f} UAS {m['uas_no_punct']:.4f}); sentence F1 {m['sent_f']:.4f}")
    return "\n".join(lines)


# name used by `presseschau evaluate-model` (pipeline/cli/__init__.py)
format_scores = format_report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score a spaCy model (or the whole pipeline) on the NER sets and UD GSD test.")
    ap.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model name or path")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data directory")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores as JSON here")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences of each set (0: all)")
    ap.add_argument("--split", choices=list(NER_SPLITS), default="test",
                    help="test: the evaluation sets (measure only); dev: the held-out GermEval dev sentences, Wikinews dev and the web news sets of annotations/web")
    ap.add_argument("--mode", choices=[*MODES, "both"], default="model",
                    help="model: the bare spaCy model; pipeline: the annotate stage (model + Presseschau components); both")
    ap.add_argument("--sets", default=None,
                    help="comma-separated NER sets of the split to score (default: all), e.g. ner_news_dev,ner_germeval_dev")
    args = ap.parse_args(argv)
    if args.limit < 0:
        ap.error(f"--limit {args.limit}: a number of sentences, 0 or more")
    try:
        sets = parse_sets(args.split, args.sets)
    except ValueError as e:
        ap.error(str(e))
    modes = MODES if args.mode == "both" else (args.mode,)
    res = evaluate_model(args.model, args.data, limit=args.limit, modes=modes, split=args.split, sets=sets)
    print(format_report(res))
    if args.json:
        from ..io import atomic_open

        with atomic_open(args.json) as fh:
            fh.write(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
