"""Fixed splits of the Wikinews corpus and pre-annotated work files for the annotators.

    python -m annotations.news.prepare [--data ../shared/data] [--work annotations/news/work/pre]
    python -m annotations.news.prepare --from-corpus [--work annotations/news/work/a]
    python -m annotations.news.prepare --from-corpus --rules dev --work annotations/news/work/dev_rules

``--from-corpus`` writes the committed corpus (wikinews_ner.jsonl) back as work files, so
that correcting or extending the annotation resumes where it stopped; `build build` turns
them into the corpus again. With ``--rules SPLIT`` the work files of that split also get the
rule components' DATE and FIGURE guesses (value/type, value/unit/about), the pre-annotation
for a DATE/FIGURE pass (as the test split's was made); a guess that overlaps a name of the
corpus is left out (marks do not nest).

Splits are fixed by article: the 992 ids are ordered by sha1("presseschau-news:" + id);
the first 100 are test, the next 100 dev, the other 792 train. ``splits.json`` records
them and is committed; this script never changes an existing ``splits.json``.

Work files (gitignored; they hold the article text): one ``<id>.txt`` per article with the
current model's PER/ORG/LOC/MISC guesses as inline markup (see ``markup.py``), the way
Prodigy's ``ner.correct`` starts from the model's guesses. Annotators correct them in
place; ``python -m annotations.news.build`` turns the corrected files into the corpus.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SOURCE = "news/wikinews_de.jsonl.gz"
SPLITS = HERE / "splits.json"
SIZES = {"test": 100, "dev": 100}


def read_articles(data: Path) -> dict[str, dict]:
    with gzip.open(data / SOURCE, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {str(r["id"]): r for r in rows}


def split_ids(ids: list[str]) -> dict[str, list[str]]:
    order = sorted(ids, key=lambda i: hashlib.sha1(f"presseschau-news:{i}".encode()).hexdigest())
    test, dev = order[: SIZES["test"]], order[SIZES["test"]: SIZES["test"] + SIZES["dev"]]
    train = order[SIZES["test"] + SIZES["dev"]:]
    return {"train": sorted(train), "dev": sorted(dev), "test": sorted(test)}


def load_splits() -> dict[str, list[str]]:
    return json.loads(SPLITS.read_text(encoding="utf-8"))


def rule_guesses(articles: dict[str, dict], ids: list[str], model: str | None = None) -> dict[str, list]:
    """The pipeline's DATE and FIGURE spans per article (anchored at its ``published``), as marks."""
    from annotations.news.markup import Mark
    from pipeline.nlp import annotate, load_nlp
    from pipeline.nlp.ext import DATE_SPANS, FIGURE_SPANS

    nlp, _ = load_nlp(model)
    items = [(articles[i]["text"], {"id": i, "published": articles[i].get("published")}) for i in ids]
    out: dict[str, list] = {}
    for doc_id, (doc, _) in zip(ids, annotate(nlp, items)):
        marks = [Mark(s.start_char, s.end_char, "DATE", s.text, {"value": s._.value, "type": s._.date_type or "date"})
                 for s in doc.spans.get(DATE_SPANS, [])]
        marks += [Mark(s.start_char, s.end_char, "FIGURE", s.text, {"value": s._.value, "unit": s._.unit, "about": s._.about})
                  for s in doc.spans.get(FIGURE_SPANS, []) if s._.value is not None]
        out[doc_id] = marks
    return out


def write_from_corpus(articles: dict[str, dict], work: Path, rules_split: str | None = None) -> int:
    """The committed corpus as inline-markup work files (one per article); with ``rules_split``
    the articles of that split only, plus the rules' DATE/FIGURE guesses."""
    from annotations.news.markup import Mark, render

    work.mkdir(parents=True, exist_ok=True)
    guesses = rule_guesses(articles, load_splits()[rules_split]) if rules_split else {}
    n = 0
    for line in (HERE / "wikinews_ner.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        if rules_split and rec["split"] != rules_split:
            continue
        attrs = ("value", "type", "unit", "about")
        marks = [Mark(e["start"], e["end"], e["label"], e["text"], {k: e[k] for k in attrs if k in e})
                 for e in rec["entities"]]
        for g in sorted(guesses.get(rec["id"], []), key=lambda m: (m.start, -m.end)):
            if not any(g.start < m.end and m.start < g.end for m in marks):
                marks.append(g)
        (work / f"{rec['id']}.txt").write_text(render(articles[rec["id"]]["text"], marks), encoding="utf-8")
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--work", type=Path, default=HERE / "work" / "pre")
    ap.add_argument("--model", default=str(ROOT / "models" / "de_presseschau"))
    ap.add_argument("--from-corpus", action="store_true", help="work files from the committed corpus, not the model")
    ap.add_argument("--rules", metavar="SPLIT", help="with --from-corpus: that split only, plus the rules' DATE/FIGURE guesses")
    args = ap.parse_args()
    if args.from_corpus:
        work = args.work if args.work != HERE / "work" / "pre" else HERE / "work" / "a"
        n = write_from_corpus(read_articles(args.data), work, args.rules)
        print(f"{n} work files from the corpus in {work}")
        return

    import spacy
    from annotations.news.markup import Mark, render

    articles = read_articles(args.data)
    if not SPLITS.exists():
        SPLITS.write_text(json.dumps(split_ids(list(articles)), indent=1) + "\n", encoding="utf-8")
    nlp = spacy.load(args.model, exclude=["lemmatizer"])
    args.work.mkdir(parents=True, exist_ok=True)
    ids = list(articles)
    texts = (articles[i]["text"] for i in ids)
    for doc_id, doc in zip(ids, nlp.pipe(texts, batch_size=16)):
        marks = [Mark(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents
                 if e.label_ in ("PER", "ORG", "LOC", "MISC") and e.text == e.text.strip()]
        (args.work / f"{doc_id}.txt").write_text(render(doc.text, marks), encoding="utf-8")
    print(f"{len(ids)} pre-annotated articles in {args.work}")


if __name__ == "__main__":
    main()
