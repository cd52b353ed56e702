#!/bin/bash
# The from-scratch ablations of issue 13 (training/EXPERIMENTS.md), 3,000 steps, selection
# set ner_dev_all:
#   training/experiments/ablate.sh abl_scratch_oldvec training/configs/ner_vec.cfg models/de_presseschau training/corpus/news_1.0/ner_train.spacy
#   training/experiments/ablate.sh abl_scratch_btvec  training/configs/ner_vec.cfg training/vectors_bt/de_floret training/corpus/news_1.0/ner_train.spacy
# (training/vectors_bt: `python -m training.vectors --bundestag --dim 128 --bucket 50000 --epoch 5
#  --threads 2 --raw training/corpus/raw_bt.txt --out training/vectors_bt`)
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
name=$1; cfg=$2; vec=$3; train=$4; shift 4
mkdir -p training/logs
/usr/bin/time -v .venv/bin/python -m spacy train "$cfg" --output training/output/$name \
  --paths.vectors "$vec" --paths.train "$train" --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
  --training.max_steps 3000 --training.eval_frequency 500 --system.seed 1 "$@" > training/logs/$name.log 2>&1
