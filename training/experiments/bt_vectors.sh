#!/bin/bash
# Issue 13: all three trained components again, with the Bundestag+news floret table
# (128 dims, 50,000 buckets: training/vectors_bt, built by
#  `python -m training.vectors --bundestag --dim 128 --bucket 50000 --epoch 5 --threads 2
#   --raw training/corpus/raw_bt.txt --out training/vectors_bt`).
# spaCy keeps one vectors table per pipeline, so the morphologizer and the parser must be
# trained on the same table as the ner before the table can be shipped. Same recipes as the
# shipped ones (training/Makefile: pos without the pretrained tok2vec, which gave +0.1 dev),
# selection on the dev splits only. Outputs: training/output/{pos,parser,ner}_bt, logs alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
VEC=training/vectors_bt/de_floret
C=training/corpus
T="/usr/bin/time -v"
mkdir -p training/logs
$T .venv/bin/python -m spacy train training/configs/pos_vec.cfg --output training/output/pos_bt \
  --paths.vectors $VEC --paths.train $C/pos_c/pos_train.spacy --paths.dev $C/pos_dev.spacy \
  --training.dropout 0.2 --training.max_steps 2500 > training/logs/pos_bt.log 2>&1
$T .venv/bin/python -m spacy train training/configs/parser_vec.cfg --output training/output/parser_bt \
  --paths.vectors $VEC --training.dropout 0.2 --components.parser.model.tok2vec.encode.depth 6 \
  --components.parser.model.hidden_width 128 --training.max_steps 5000 > training/logs/parser_bt.log 2>&1
$T .venv/bin/python -m spacy train training/configs/ner_vec.cfg --output training/output/ner_bt \
  --paths.vectors $VEC --paths.train $C/news_1.0/ner_train.spacy --paths.dev $C/news_1.0/ner_dev_all.spacy \
  --training.max_steps 8000 --training.patience 1500 --training.eval_frequency 500 --system.seed 1 \
  > training/logs/ner_bt.log 2>&1
