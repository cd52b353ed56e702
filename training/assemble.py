"""Assemble the shipped pipeline models/de_presseschau from the separately
trained pipelines (each component has its own inline tok2vec):

    morphologizer  <- training/output/pos/model-best     (UPOS)
    parser         <- training/output/parser/model-best  (dependencies + sentences)
    lemmatizer     lookup table from spacy-lookups-data (German)
    ner            <- training/output/ner/model-best     (PER ORG LOC MISC)
    gazetteer      entity_ruler after the ner that only fills gaps (--gazetteer, names
                   from the NER training data: training/gazetteer.py)

plus the German tokenizer defaults of spacy.blank("de") with a few news
abbreviations added.

    python -m training.assemble [--ner DIR] [--pos DIR] [--parser DIR] [--gazetteer JSONL]
                                [--out models/de_presseschau]
    python -m training.assemble --update-meta --scores scores.json   # only rewrite meta.json

--update-meta merges the scores written by ``python -m pipeline.evaluate.model --json``
and the training time / peak memory parsed from the /usr/bin/time -v output in
training/logs/ into models/de_presseschau/meta.json.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy
import spacy
from spacy.symbols import NORM, ORTH

from pipeline.nlp import gazetteer_flags

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "de_presseschau"
VERSION = "0.4.0"

# abbreviations frequent in news that spacy.blank("de") splits (checked: all
# of these come out as two tokens "X" + "." without the exception)
EXTRA_ABBREVIATIONS = {
    "Mill.": "Millionen", "Bill.": "Billionen", "rd.": "rund", "Kap.": "Kapitel",
    "Min.": "Minuten", "Sek.": "Sekunden", "Ziff.": "Ziffer", "Abg.": "Abgeordnete",
    "Bgm.": "Bürgermeister", "Mag.": "Magister", "Vors.": "Vorsitzende",
    "stv.": "stellvertretende", "Stv.": "Stellvertreter", "Präs.": "Präsident",
    "insg.": "insgesamt", "Doz.": "Dozent", "Corp.": "Corp.", "Ltd.": "Ltd.",
    "ff.": "folgende", "Verf.": "Verfasser", "Anm.": "Anmerkung", "zit.": "zitiert",
    "d.J.": "des Jahres",
}

SOURCES = [
    {"name": "Presseschau Wikinews NER corpus (annotations/news: 992 German Wikinews articles, "
             "PER/ORG/LOC/MISC, made by this project; train split)",
     "url": "https://de.wikinews.org", "license": "CC BY 2.5 (texts by the Wikinews contributors; annotations likewise)",
     "use": "NER training (train 792 articles), model selection (dev 100); test 100 evaluation only"},
    {"name": "GermEval 2014 NER (dev split; 500 sentences held out for model selection)",
     "url": "https://sites.google.com/site/germeval2014ner/", "license": "CC BY 4.0", "use": "NER training, gazetteer"},
    {"name": "German Legal Entity Recognition (LER), train minus dev/test overlap, sub-sampled",
     "url": "https://github.com/elenanereiss/Legal-Entity-Recognition", "license": "CC BY 4.0",
     "use": "NER training (legal-norm classes as missing annotation); gazetteer (full train split)"},
    {"name": "WikiANN de (train, silver)", "url": "https://github.com/afshinrahimi/mmner",
     "license": "unclear (research use)", "use": "NER training, gazetteer"},
    {"name": "DFKI SmartData Corpus v1 (train)", "url": "https://github.com/DFKI-NLP/smartdata-corpus",
     "license": "CC BY 4.0", "use": "NER training, gazetteer"},
    {"name": "MobIE (train)", "url": "https://github.com/DFKI-NLP/MobIE", "license": "CC BY 4.0",
     "use": "NER training, gazetteer"},
    {"name": "Europarl German NER (Faruqui & Padó 2010, train)", "url": "https://nlpado.de/~sebastian/software/ner_german.shtml",
     "license": "unclear (research use)", "use": "NER training, gazetteer"},
    {"name": "UD German-GSD train (UPOS only, older release, re-mapped), dev",
     "url": "https://github.com/UniversalDependencies/UD_German-GSD", "license": "CC BY-SA 4.0",
     "use": "UPOS training (train + dev[:600]), parser training (dev[:600]), model selection (dev[600:])"},
    {"name": "UD German-PUD test", "url": "https://github.com/UniversalDependencies/UD_German-PUD",
     "license": "CC BY-SA 3.0", "use": "UPOS and parser training"},
    {"name": "spacy-lookups-data German lemma lookup table", "url": "https://github.com/explosion/spacy-lookups-data",
     "license": "MIT (package)", "use": "lookup lemmatizer"},
]


def replace_ner(base: Path, ner: Path, out: Path, gazetteer: Path | None = None) -> None:
    """A new ner (and gazetteer) in an assembled pipeline whose other components stay as
    they are: the ner must have been trained with the base pipeline's static vectors (the
    `ner_news` step sources its ner from the base pipeline, so it is)."""
    nlp = spacy.load(base)
    new = spacy.load(ner)
    a, b = new.vocab.vectors, nlp.vocab.vectors
    if a.shape != b.shape or a.mode != b.mode or a._get_cfg() != b._get_cfg() or not numpy.array_equal(a.data, b.data):
        raise SystemExit(f"{ner} was trained with other static vectors than {base}")
    carry_gazetteer_flags(new, nlp)
    after = nlp.pipe_names[nlp.pipe_names.index("ner") - 1]
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=new, after=after)
    if gazetteer is not None:
        nlp.remove_pipe("gazetteer")
        ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner", config={"overwrite_ents": False})
        ruler.add_patterns([json.loads(line) for line in gazetteer.open(encoding="utf-8") if line.strip()])
        print(f"gazetteer: {len(ruler.patterns)} names from {gazetteer}")
    nlp.meta.update({"version": VERSION, "sources": SOURCES})
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    prune_strings(nlp, out)
    print(f"wrote {out} (ner from {ner})")


def carry_gazetteer_flags(src, nlp) -> None:
    """A ner trained with the gazetteer flags (training/configs/ner_vec_gaz.cfg) needs them in the
    assembled pipeline: the word table goes into its vocab (saved with it) and the callback that
    installs the flags into its config, without the training path (the saved vocab brings the table)."""
    if not src.vocab.lookups.has_table(gazetteer_flags.TABLE):
        return
    gazetteer_flags.install_flags(nlp.vocab, src.vocab.lookups.get_table(gazetteer_flags.TABLE))
    nlp.config["nlp"]["after_creation"] = {"@callbacks": "presseschau.gazetteer_flags.v1", "path": None}
    print(f"gazetteer flags: {len(nlp.vocab.lookups.get_table(gazetteer_flags.TABLE))} words")


def build(ner: Path, pos: Path, parser: Path | None, out: Path, gazetteer: Path | None = None) -> None:
    nlp = spacy.blank("de")
    for orth, norm in EXTRA_ABBREVIATIONS.items():
        nlp.tokenizer.add_special_case(orth, [{ORTH: orth, NORM: norm}])
    sources = {"morphologizer": spacy.load(pos), "ner": spacy.load(ner)}
    if parser is not None:
        sources["parser"] = spacy.load(parser)
    # static vectors: all components that use them were trained with the same
    # floret table; copy it into the assembled vocab
    with_vectors = [n for n, s in sources.items() if s.vocab.vectors.shape[0] > 0]
    if with_vectors:
        nlp.vocab.vectors = sources[with_vectors[0]].vocab.vectors
        print(f"static vectors {nlp.vocab.vectors.shape} (mode {nlp.vocab.vectors.mode}) from {with_vectors}")
    nlp.add_pipe("morphologizer", source=sources["morphologizer"])
    if parser is not None:
        nlp.add_pipe("parser", source=sources["parser"])
    else:
        nlp.add_pipe("sentencizer")
    lem = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": False})
    lem.initialize()
    carry_gazetteer_flags(sources["ner"], nlp)
    nlp.add_pipe("ner", source=sources["ner"])
    if gazetteer is not None:
        # after the ner and without overwriting: adds listed names the model missed
        ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner",
                             config={"overwrite_ents": False})
        # Phrase patterns (PhraseMatcher, one hash lookup per token): 0.08 ms per Wikinews
        # article. The same names as token patterns (Matcher, which tries every pattern at
        # every token) cost 42 ms per article and cut the pipeline's speed by 45 %. The price:
        # spaCy runs the pattern strings through the components before the ruler on every
        # spacy.load (+1.3 s).
        ruler.add_patterns([json.loads(line) for line in gazetteer.open(encoding="utf-8") if line.strip()])
        print(f"gazetteer: {len(ruler.patterns)} names from {gazetteer}")
    nlp.meta.update({
        "name": "de_presseschau",
        "version": VERSION,
        "description": "German news pipeline for Presseschau: tokenizer, UPOS morphologizer, "
                       "dependency parser, lookup lemmatizer, NER (PER/ORG/LOC/MISC) and a "
                       "gazetteer entity_ruler that adds listed names the NER missed. "
                       "CPU CNN components, each with its own tok2vec. Trained from open data, "
                       "see training/README.md.",
        "lang": "de",
        "spacy_version": f">={spacy.__version__.rsplit('.', 1)[0]}.0,<{spacy.__version__.split('.')[0]}."
                         f"{int(spacy.__version__.split('.')[1]) + 1}.0",
        "license": "CC BY-SA 4.0 (UD-derived components); see sources",
        "author": "Presseschau project",
        "sources": SOURCES,
    })
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    prune_strings(nlp, out)
    print(f"wrote {out}")


def prune_strings(nlp, out: Path) -> None:
    """The StringStore saved with the pipeline holds every string of the training
    corpora (3.6 MB). Inference only needs the labels and tokenizer exceptions;
    all other strings are added again at runtime. Verified: identical output
    (tokens, POS, deps, lemmas, entities) on 1,500 texts before/after pruning."""
    keep = set()
    for _, proc in nlp.pipeline:
        keep.update(getattr(proc, "labels", ()) or ())
        cfg = getattr(proc, "cfg", {}) or {}
        for k in ("labels_morph", "labels_pos"):
            if k in cfg:
                keep.update(map(str, cfg[k].keys()))
    for orth, toks in nlp.tokenizer.rules.items():
        keep.add(orth)
        for t in toks:
            keep.update(str(v) for v in t.values())
    path = out / "vocab" / "strings.json"
    path.write_text(json.dumps(sorted(keep), ensure_ascii=False), encoding="utf-8")


def parse_time_log(path: Path) -> dict | None:
    if not path.exists():
        return None
    text = path.read_text(errors="replace")
    m_wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    m_rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if not m_wall or not m_rss:
        return None
    parts = [float(x) for x in m_wall.group(1).split(":")]
    secs = 0.0
    for p in parts:
        secs = secs * 60 + p
    return {"wall_seconds": round(secs), "peak_rss_mb": round(int(m_rss.group(1)) / 1024)}


def update_meta(out: Path, scores: Path | None, logs: dict[str, Path], bench: Path | None = None) -> None:
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if bench is not None and bench.exists():
        # output of bench/bench_model_speed.py
        text = bench.read_text(encoding="utf-8")
        speed = {"command": "python bench/bench_model_speed.py", "table": text.strip().splitlines()}
        m = re.search(r"^total\s+(\d+)\s+([\d.]+)\s+(\d+)", text, re.M)
        if m:
            speed["words_per_second"] = int(m.group(3))
        meta["presseschau_speed"] = speed
    if scores is not None:
        res = json.loads(scores.read_text(encoding="utf-8"))
        perf = {}
        sets = (("ner", "ner_germeval2014_test"), ("ner_conll2003", "ner_conll2003_testa"), ("ner_news", "ner_wikinews_test"))
        # `--mode both` also scores the whole pipeline: keys with the suffix "_pipeline"
        for key, name in [*sets, *((f"{k}_pipeline", f"{n}_whole_pipeline") for k, n in sets)]:
            ner = res.get(key)
            if not ner or "overall" not in ner:
                continue
            perf[name] = {
                "dataset": ner["dataset"],
                "per_label": {k: {m: v[m] for m in ("p", "r", "f")} for k, v in ner["per_label"].items()},
                "overall": {m: ner["overall"][m] for m in ("p", "r", "f")},
                "overall_per_org_loc": {m: ner["overall_per_org_loc"][m] for m in ("p", "r", "f")},
            }
        ud = res.get("ud")  # absent in a `--split dev` run, "missing" without the UD data
        if ud and "missing" not in ud:
            perf["ud_gsd_test"] = {"raw_text": ud["raw"], "gold_tokenization": ud["gold_tok"]}
        perf["evaluated_with"] = "python -m pipeline.evaluate.model"
        meta["presseschau_scores"] = perf
    # steps not re-run keep the figures of the run that made them
    training = {k: v for k, v in meta.get("presseschau_training", {}).items() if isinstance(v, dict)}
    for name, paths in logs.items():
        runs = [parse_time_log(p) for p in (paths if isinstance(paths, list) else [paths])]
        runs = [r for r in runs if r]
        if runs:
            training[name] = {"wall_seconds": sum(r["wall_seconds"] for r in runs),
                              "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}
    if training:
        training["total_wall_seconds"] = sum(v["wall_seconds"] for v in training.values() if isinstance(v, dict))
        training["peak_rss_mb_max"] = max(v["peak_rss_mb"] for k, v in training.items()
                                          if isinstance(v, dict))
        training["machine"] = "2 CPU cores, no GPU"
        training["note"] = ("/usr/bin/time -v of each step of `make -f training/Makefile all`, run one "
                            "after another, one thread each; every training stops on its own "
                            "(patience or max_steps) and its model-best checkpoint is shipped")
        meta["presseschau_training"] = training
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"updated {meta_path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner", type=Path, default=ROOT / "training/output/ner/model-best")
    ap.add_argument("--pos", type=Path, default=ROOT / "training/output/pos/model-best")
    ap.add_argument("--parser", type=Path, default=ROOT / "training/output/parser/model-best")
    ap.add_argument("--no-parser", action="store_true", help="use a sentencizer instead")
    ap.add_argument("--gazetteer", type=Path, default=None,
                    help="entity_ruler patterns written by python -m training.gazetteer")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--base", type=Path, default=None,
                    help="keep this assembled pipeline and replace only its ner (and gazetteer)")
    ap.add_argument("--update-meta", action="store_true")
    ap.add_argument("--scores", type=Path, default=None)
    ap.add_argument("--bench", type=Path, default=None, help="output of bench/bench_model_speed.py")
    ap.add_argument("--ner-log", type=Path, nargs="+", default=ROOT / "training/logs/ner.log")
    ap.add_argument("--pos-log", type=Path, nargs="+", default=ROOT / "training/logs/pos.log")
    ap.add_argument("--parser-log", type=Path, nargs="+", default=ROOT / "training/logs/parser.log")
    ap.add_argument("--vectors-log", type=Path, nargs="+", default=ROOT / "training/logs/vectors.log")
    ap.add_argument("--pretrain-log", type=Path, nargs="+", default=ROOT / "training/logs/pretrain.log")
    ap.add_argument("--gazetteer-log", type=Path, nargs="+", default=ROOT / "training/logs/gazetteer.log")
    args = ap.parse_args()
    if args.update_meta:
        update_meta(args.out, args.scores, {"floret_vectors": args.vectors_log, "tok2vec_pretraining": args.pretrain_log, "ner": args.ner_log,
                                            "morphologizer": args.pos_log, "parser": args.parser_log,
                                            "gazetteer": args.gazetteer_log},
                    bench=args.bench)
        return
    if args.base is not None:
        replace_ner(args.base, args.ner, args.out, args.gazetteer)
        return
    build(args.ner, args.pos, None if args.no_parser else args.parser, args.out, args.gazetteer)


if __name__ == "__main__":
    main()
