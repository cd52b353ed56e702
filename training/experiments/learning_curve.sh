#!/bin/bash
# Learning curve of issue 13 (training/EXPERIMENTS.md): model 0.3.0's ner trained on with a
# share of the Wikinews train articles in the mix, 3,000 steps, selection set ner_dev_all.
#   training/experiments/learning_curve.sh SHARE BASE_PIPELINE      (SHARE: 0.25, 0.5 or 1.0)
# BASE_PIPELINE: model 0.3.0, e.g. extracted with `git archive 524e91a models/de_presseschau | tar -x -C /tmp/m030`.
# Needs `make -f training/Makefile corpus` first (training/corpus/news_SHARE/).
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
f=$1; base=$2
mkdir -p training/logs
/usr/bin/time -v .venv/bin/python -m spacy train training/configs/ner_finetune.cfg --output training/output/lc_$f \
  --paths.source "$base" --paths.vectors "$base" \
  --paths.train training/corpus/news_$f/ner_train.spacy --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
  --training.max_steps 3000 --training.patience 2000 --training.eval_frequency 500 --training.dropout 0.1 \
  --training.optimizer.learn_rate 0.0005 --training.batcher.size.start 100 --training.batcher.size.stop 1000 > training/logs/lc_$f.log 2>&1
