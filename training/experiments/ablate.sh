#!/bin/bash
# usage: ablate.sh NAME CONFIG VECTORS TRAIN [extra args]
cd /work/main
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
name=$1; cfg=$2; vec=$3; train=$4; shift 4
/usr/bin/time -v .venv/bin/python -m spacy train $cfg --output training/output/$name \
  --paths.vectors $vec --paths.train $train --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
  --training.max_steps 3000 --training.eval_frequency 500 --system.seed 1 "$@" > training/logs/$name.log 2>&1
