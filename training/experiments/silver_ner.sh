#!/bin/bash
# Issue 13, session 19: self-training. The shipped ner recipe (ner_news: ner_vec.cfg, 8,000 steps, patience
# 1,500) on the shipped mix (news_1.0/ner_train.spacy) plus Bundestag paragraphs labelled by the whole annotate
# stage (`python -m training.experiments.silver_ner`, its docstring), then the candidate pipeline (the shipped
# one with only this ner) at training/output/cand_silver_sSEED, to be scored through the whole pipeline.
#   training/experiments/silver_ner.sh SEED
# (The first call makes the silver docs; let it finish before starting a second seed beside it.)
# Needs the news_1.0 corpus (`make -f training/Makefile corpus`), the floret table and models/de_presseschau.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PY=${PY:-.venv/bin/python}
seed=${1:?usage: $0 SEED}
dir=training/corpus/silver_bt
[ -f $dir/silver.spacy ] || $PY -m training.experiments.silver_ner --out $dir/silver.spacy
ln -sf ../news_1.0/ner_train.spacy $dir/ner_train.spacy   # spaCy reads every .spacy file of a folder
mkdir -p training/logs
$PY -m spacy train training/configs/ner_vec.cfg --output training/output/silver_s$seed \
    --paths.vectors training/vectors/de_floret --paths.train $dir --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
    --training.max_steps 8000 --training.patience 1500 --training.eval_frequency 500 --system.seed $seed \
    > training/logs/s19_silver_s$seed.log 2>&1
$PY -m training.assemble --base models/de_presseschau --ner training/output/silver_s$seed/model-best \
    --out training/output/cand_silver_s$seed
