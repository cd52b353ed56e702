#!/bin/bash
# Issue 13 (session 12): `spacy pretrain` (characters objective, configs/pretrain.cfg: the width-96 CNN
# tok2vec of ner_vec.cfg / pos_vec.cfg) on the Bundestag + Wikinews sample, on a GPU, then the ner
# trained from scratch and from the pretrained weights with the same seed and schedule (3,000 steps,
# selection set ner_dev_all). Run from the repository root; the GPU step needs spaCy with cupy
# (`pip install spacy[cuda12x]`). Session 12's GPU machine read 14.8M words in 526 s (~31,000-44,000
# words/s on one H200; 1,900 words/s on one core here).
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
VEC=${VEC:-training/vectors/de_floret}   # the shipped 64-dim table (make -f training/Makefile vectors)
C=training/corpus/news_1.0               # make -f training/Makefile corpus
OUT=training/output/pretrain_bt
mkdir -p training/logs
.venv/bin/python -m training.experiments.pretrain_sample --words 24000000 --out training/corpus/pretrain_bt.jsonl
timeout ${PRETRAIN_SECONDS:-526} .venv/bin/python -m spacy pretrain training/configs/pretrain.cfg $OUT \
  --code training/pretrain_hooks.py --paths.vectors $VEC --paths.raw_text training/corpus/pretrain_bt.jsonl \
  --pretraining.max_epochs 1 --pretraining.n_save_every 1000 --gpu-id ${GPU:-0} > training/logs/pretrain_bt.log 2>&1 || true
W=$(ls -t $OUT/model0*.bin | head -1)   # the last checkpoint (model0.temp.bin while the epoch runs); session 12's: training/pretrained/tok2vec_bt.bin
for run in scratch pretrained; do
  cfg=training/configs/ner_vec.cfg; extra=()
  if [ $run = pretrained ]; then cfg=training/configs/ner_vec_pretrained.cfg; extra=(--code training/pretrain_hooks.py --paths.pretrained_tok2vec $W); fi
  /usr/bin/time -v .venv/bin/python -m spacy train $cfg --output training/output/bt_$run "${extra[@]}" \
    --paths.vectors $VEC --paths.train $C/ner_train.spacy --paths.dev $C/ner_dev_all.spacy \
    --training.max_steps 3000 --training.eval_frequency 500 --system.seed 1 > training/logs/bt_$run.log 2>&1 &
done
wait
