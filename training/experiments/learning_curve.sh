#!/bin/bash
# learning curve: A's recipe (fine-tune 0.3.0's ner on the mix + a share of the news), 3000 steps
cd /work/main
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
f=$1
/usr/bin/time -v .venv/bin/python -m spacy train training/configs/ner_finetune.cfg --output training/output/lc_$f \
  --paths.source /tmp/model_030/models/de_presseschau --paths.vectors /tmp/model_030/models/de_presseschau \
  --paths.train training/corpus/news_$f/ner_train.spacy --paths.dev training/corpus/news_1.0/ner_dev_all.spacy \
  --training.max_steps 3000 --training.patience 2000 --training.eval_frequency 500 --training.dropout 0.1 \
  --training.optimizer.learn_rate 0.0005 --training.batcher.size.start 100 --training.batcher.size.stop 1000 > training/logs/lc_$f.log 2>&1
