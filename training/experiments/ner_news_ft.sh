#!/bin/bash
# Issue 13, session 11: in-domain fine-tuning of the shipped ner (model 0.4.0, `ner_news`), not
# shipped (training/EXPERIMENTS.md, "session 11"). One run per call:
#   training/experiments/ner_news_ft.sh news|news_ge LR [STEPS]      (LR: 0.0001 or 0.00005)
# news: the Wikinews train split only; news_ge: + the 1,700 GermEval dev-train sentences (not the
# 500 held out). Source: models/de_presseschau's ner (own tok2vec) and its floret table; selection
# set ner_dev_all (Wikinews dev + GermEval held-out), evaluated every 200 steps, per label in
# training/logs/ft_DATA_LR.jsonl. Then, for the whole-pipeline dev numbers, a candidate model dir
# (the shipped model with this ner/) scored by `evaluate-model --split dev --mode both`.
# Needs the news_1.0 corpus first (`make -f training/Makefile corpus`, its news_1.0 line).
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PY=${PY:-.venv/bin/python}
usage="usage: $0 news|news_ge LR [STEPS]"
[ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
data=$1; lr=$2; steps=${3:-2000}; name=ft_${data}_$lr
for f in training/corpus/news_1.0/{ner_news,ner_germeval,ner_dev_all}.spacy; do
  [ -f "$f" ] || { echo "$0: $f: no such file (run the news_1.0 line of \`make -f training/Makefile corpus\` first)" >&2; exit 2; }
done
case $data in
  news) train=training/corpus/news_1.0/ner_news.spacy ;;
  news_ge) train=training/corpus/ft_news_ge   # a folder: spaCy's Corpus reads every .spacy in it
           mkdir -p $train
           ln -sf ../news_1.0/ner_news.spacy ../news_1.0/ner_germeval.spacy $train/ ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
mkdir -p training/logs
/usr/bin/time -v $PY -m spacy train training/configs/ner_finetune.cfg --code training/log_hooks.py \
  --output training/output/$name --paths.source models/de_presseschau --paths.vectors models/de_presseschau \
  --paths.train $train --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
  --training.optimizer.learn_rate "$lr" --training.max_steps "$steps" --training.eval_frequency 200 \
  --training.logger.@loggers presseschau.PerTypeLogger.v1 --training.logger.path training/logs/$name.jsonl \
  > training/logs/$name.log 2>&1 || { echo "$0: training failed, see training/logs/$name.log" >&2; exit 1; }
cand=training/output/cand_$name
rm -rf $cand && cp -r models/de_presseschau $cand && rm -rf $cand/ner && cp -r training/output/$name/model-best/ner $cand/ner
$PY -m pipeline.evaluate.model --model $cand --split dev --mode both --json training/logs/eval_$name.json
$PY -m training.experiments.names_propagation --model $cand --split dev
